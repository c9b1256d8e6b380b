"""People the article names elsewhere: a country's office named in the next sentence, a team's
coach or player, a role written before a name with a comma."""

from constructions import speakers_of


def test_a_countrys_office_named_in_the_next_sentence():
    text = ("The talks follow a warning from Vikland's High Commissioner to Norway, who said some "
            "traders should pay more tax.\n\nNorway's Ambassador to Vikland said the trade deal was close. "
            "Dr Anna Dunmore said both sides wanted it signed by May.\n")
    found = speakers_of(text)
    assert found[-2:] == [("Anna Dunmore", "person"), ("Anna Dunmore", "person")]


def test_the_teams_coach_is_the_person_the_passage_is_about():
    text = ("Vikton coach Mark Dunmore has named his side for Saturday.\n\n"
            "\"We are ready,\" said Dunmore. The Vikton coach said that the young squad had surprised him.\n")
    assert [s for s, _ in speakers_of(text)] == ["Mark Dunmore"] * 2


def test_the_teams_player_is_the_subject_before_not_a_name_after_a_preposition():
    text = ("Referee Paul Hanlow waved the goal away.\n\nDunmore could not believe his goal had been chalked off by Hanlow. "
            "\"I was onside the whole time,\" said the Vikton player.\n")
    assert speakers_of(text)[-1][0] != "Paul Hanlow"
    text = ("Paul Hanlow scored twice on Saturday.\n\nThe versatile Hanlow was pleased with the win. "
            "\"It was a great ball from the wing,\" said the Vikton striker.\n")
    assert speakers_of(text)[-1][0] == "Paul Hanlow"


def test_a_role_before_a_name_set_off_by_a_comma():
    text = ("Schools were singled out by the inspectors' chief, Anna Dunmore, in a speech.\n\n"
            "The chief said her annual report would name them.\n")
    assert speakers_of(text)[-1][0] == "Anna Dunmore"


def test_a_countrys_lower_case_office_named_in_the_next_sentence():
    text = ("Norway's top judge has said he clashed with ministers over who runs inquiries.\n\n"
            "Lord Dunmore said he wanted to keep his veto.\n")
    assert [s for s, _ in speakers_of(text)] == ["Lord Dunmore", "Lord Dunmore"]


def test_the_judge_is_never_just_the_subject_before():
    text = ("Anna Dunmore asked the court to keep her papers sealed.\n\n"
            "The judge agreed with Ms Dunmore that the files should stay sealed.\n")
    assert speakers_of(text)[-1][0] != "Anna Dunmore"


def test_a_person_then_a_role_after_a_comma():
    text = "However, Mark Dunmore, a fund manager at Vikton Trustees said the stake \"is a first step\".\n"
    assert speakers_of(text) == [("Mark Dunmore", "person")]


def test_a_determiner_opening_a_name_run_is_no_given_name():
    text = ("Some Vikcorp offices were criticised last year.\n\n"
            "Vikcorp said it would help the regulator in every way.\n")
    assert speakers_of(text)[-1][0] == "Vikcorp"


def test_one_of_a_group_named_as_speaking_next():
    text = ("The Greens are set for their best ever results, one of their councillors has predicted.\n\n"
            "Transport spokesman Mark Dunmore was speaking at the launch of the party's manifesto.\n")
    assert speakers_of(text)[0] == ("Mark Dunmore", "person")


def test_one_of_a_group_stays_unnamed_without_a_speaker_next():
    text = ("The Greens are set for their best ever results, one of their councillors has predicted.\n\n"
            "Transport spokesman Mark Dunmore launched the party's campaign.\n")
    assert speakers_of(text)[0][0].startswith("one of their councillors")
