"""Speaker phrases whose head noun has a post-modifier (extract/phrases/speaker.py,
extract/phrases/noun_phrases.py): the people named by the head speak, not the noun phrase
inside the post-modifier."""

import pytest
from constructions import check, found


@pytest.mark.parametrize("text, speaker", [
    ("Officials monitoring the ceasefire said the shelling had stopped.", "Officials monitoring the ceasefire"),
    ("Lawyers representing the families said the inquiry was flawed.", "Lawyers representing the families"),
    ("A spokesman explaining the decision said the club had no choice.", "A spokesman explaining the decision"),
])
def test_a_participle_hangs_on_the_people_before_it(text, speaker):
    """"Officials monitoring the ceasefire said": the officials speak, not the ceasefire."""
    assert [s for _, s, _ in found(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("Officials in Kyiv said the talks had failed.", "Officials in Kyiv"),
    ("Sources close to the minister said the talks had failed.", "Sources close to the minister"),
    ("Authorities in Bergen said the talks had failed.", "Authorities in Bergen"),
])
def test_a_capital_that_only_opens_the_sentence_is_no_name(text, speaker):
    """A plural that opens the sentence is written with a capital; it is still the head noun,
    not a name that the place or the minister after it could replace."""
    check(text, ("said-clause", speaker, "the talks had failed"))


def test_a_name_that_opens_the_sentence_keeps_its_title():
    check("Harbour authority chief Eva Lund argued the fees were too high.",
          ("said-clause", "Eva Lund", "the fees were too high"))


@pytest.mark.parametrize("text, speaker", [
    ("Ministers from Spain and Italy said the euro was too strong.", "Ministers from Spain and Italy"),
    ("Officials from the EU and NATO said the euro was too strong.", "Officials from the EU and NATO"),
])
def test_and_inside_a_post_modifier_joins_no_two_speakers(text, speaker):
    """"Ministers from Spain and Italy": one group from two countries, one claim."""
    check(text, ("said-clause", speaker, "the euro was too strong"))


def test_two_named_speakers_each_with_a_post_modifier_still_split():
    check("Mr Berg of Acme and Ms Lund of Beta said the deal was off.",
          ("said-clause", "Berg", "the deal was off"), ("said-clause", "Lund", "the deal was off"))


def test_a_whose_clause_between_the_name_and_the_cue_is_skipped():
    from constructions import check
    check("Ivar Moen, whose party lost ground in the north, said the port would stay open.",
          ("said-clause", "Ivar Moen", "the port would stay open"))


@pytest.mark.parametrize("text", [
    "Omar Haddad, director of the Oslo-based think tank, said the strait would reopen within a month.",
    "Omar Haddad, a fellow at the Vik think tank Nordpol, said the strait would reopen within a month.",
])
def test_a_cue_word_inside_a_compound_noun_of_the_appositive_keeps_the_speaker(text):
    # "think tank" is a noun: nobody is thinking, the appositive says where he works
    assert [(s, c) for _, s, c in found(text)] == [("Omar Haddad", "the strait would reopen within a month")]


@pytest.mark.parametrize("text, speaker", [
    ("An adviser to the regional governorate said the ferries would run again in March.",
     "An adviser to the regional governorate"),
    # the same phrase before an aside set off by commas
    ("An adviser to the regional governorate, speaking on condition of anonymity, said the ferries would run again.",
     "An adviser to the regional governorate"),
    ("A manager at one of those mills, who asked not to be identified, said the orders had dried up.",
     "A manager at one of those mills"),
    # a bare title before the participle's aside
    ("A Nordic ambassador, talking on condition of anonymity, told us the ferries would run again.",
     "Nordic ambassador"),
])
def test_a_person_noun_with_its_post_modifier_speaks_before_an_aside(text, speaker):
    [(_, who, _)] = found(text)
    assert who == speaker


def test_a_plan_to_do_something_is_still_no_speaker():
    assert found("The scheme to rebuild the pier said nothing about the cost.") == []


def test_a_participle_after_a_deadline_has_no_speaker_before_the_date():
    text = "The rule obliges ports to file safety reports by 5 June describing how they will handle tankers."
    assert found(text) == []


def test_a_date_between_the_speaker_and_the_cue_is_still_skipped():
    [(_, who, said)] = found("The port director on 4 June said the channel was clear.")
    assert who.endswith("port director") and said == "the channel was clear"


@pytest.mark.parametrize("text, speaker", [
    ("Tove Lien, the Norwegian minister for fisheries, coastal affairs and ports, said the quota "
     "would hold.", "Tove Lien"),
    ("Olek Varda, a fellow at the Institute of Baltic, Nordic and Arctic Studies, said the quota "
     "would hold.", "Olek Varda"),
    ("Olek Varda, a lecturer in law, economics or history at Tromso, said the quota would hold.", "Olek Varda"),
    ("Norway's minister, Olek Varda, who came with colleagues from Sweden, Finland and Iceland, told "
     "reporters that the quota would hold.", "Olek Varda"),
])
def test_a_list_inside_an_appositive_does_not_end_it(text, speaker):
    """The commas of a list in the aside ("for fisheries, coastal affairs and ports") are no
    commas that set the aside off: the name before the aside speaks (rule list-in-appositive)."""
    assert [s for _, s, _ in found(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("Lawyers for Vikco, a firm through which Olek Varda and his partners own the port, said they "
     "would appeal.", "Lawyers for Vikco"),
    ("The head of the Union of Fishers and Sailors, which represents skippers and crews, said they "
     "would appeal.", "The head of the Union of Fishers and Sailors"),
])
def test_an_appositive_clause_with_and_is_no_list(text, speaker):
    assert [s for _, s, _ in found(text)] == [speaker]


def test_a_list_of_speakers_before_the_cue_is_still_a_list():
    assert [s for _, s, _ in found("Anna Berg, Tom Ek and Lisa Marsh said the quota would hold.")] == [
        "Anna Berg", "Tom Ek", "Lisa Marsh"]


def test_the_and_of_a_title_s_portfolio_lists_no_names_before_a_comma():
    # "Replying, Minister of State for Fisheries and Coastal Affairs X said": "Replying" is no speaker
    [(_, who, _)] = found("Replying, Minister of State for Fisheries and Coastal Affairs Anna Berg said the quota would hold.")
    assert not who.startswith("Replying")


def test_a_person_whose_place_a_where_clause_describes_speaks():
    # (rule place-aside) "The mayor of X commune, where Y lies, told ..."
    text = "The mayor of Vikton county's Lund commune, where the quay is located, told Nordic Radio that people were afraid.\n"
    assert [who for _, who, _ in found(text)] == ["The mayor of Vikton county's Lund commune"]


def test_a_lobby_is_a_body_whose_name_in_apposition_speaks():
    # "lobby" heads a speaker phrase like "association": the name set off after it speaks
    got = found("Norway's largest business lobby, Vikforum, said in a statement that its members backed the plan.")
    assert [(r, s) for r, s, _ in got] == [("said-that", "Vikforum")]
