"""Lines of live blogs and feature stories: a time that opens a live-blog entry is not part of
the entry ("13:21 - ..."), and a lower-case plural's possessive mark ("the rebels' leader")
does not cut a speaker phrase short."""

from constructions import analysed, speaker

from claimsdb.extract.tokens import token_texts


def claims_of(text: str):
    return [(speaker(c), text[c.text_start : c.text_end]) for c in sorted(analysed(text), key=lambda c: c.text_start)]


def test_a_live_blog_entry_starts_after_its_time():
    text = ("Floods: live updates\n\n"
            "08:15 - Police chief Anton Reis says the northern quay will stay closed until Friday.\n"
            "09.40 GMT: \"We have never seen water this high,\" Mayor Ilse Varga told reporters.\n")
    got = claims_of(text)
    assert got[0][1] == "the northern quay will stay closed until Friday"
    assert got[1][0] == "Ilse Varga" and got[1][1].startswith('"We have never seen')


def test_a_number_with_a_dash_is_no_time():
    text = "Floods hit Tarnby\n\nThe council said 12.50 - a record - was the height in metres.\n"
    assert all(text[c.text_start : c.text_end] != "a record" for c in analysed(text))
    assert "50 - a record" in [text[c.text_start : c.text_end] for c in analysed(text)][0]


def test_a_plural_possessive_stays_in_the_speaker_phrase():
    text = ("Strike ends at Tarnby mill\n\n"
            "The workers' union leader said the strike would end on Monday.\n"
            "Later the farmers' leaders said that prices had fallen by a third.\n")
    got = claims_of(text)
    assert got[0][0] == "The workers' union leader"
    assert got[1][0] == "farmers' leaders"


def test_only_a_lower_case_plural_keeps_its_mark():
    assert token_texts("the rebels' leader") == ["the", "rebels'", "leader"]
    assert token_texts("the Tories' call") == ["the", "Tories", "'", "call"]
    assert token_texts("rebels' ") == ["rebels", "'"]  # nothing follows: a closing mark
    assert token_texts("the boss's car") == ["the", "boss's", "car"]


def test_an_age_after_an_article_stays_in_the_speaker_phrase():
    text = ("Flood town waits\n\n"
            "A 45-year-old teacher said that the school would stay shut.\n"
            "\"We are tired,\" a 52-year-old nurse said.\n")
    assert [s for s, _ in claims_of(text)] == ["A 45-year-old teacher", "a 52-year-old nurse"]


def test_an_age_and_a_nationality_stand_for_the_person_the_passage_is_about():
    text = ("Students wait to go back\n\n"
            "When the fighting began, Daniel Ekwueme was in his third year.\n"
            "\"We had no water for a week,\" the 23-year-old Nigerian said.\n")
    assert claims_of(text) == [("Daniel Ekwueme", '"We had no water for a week,"')]


def test_an_age_without_an_article_leaves_the_quotation_before_it_alone():
    text = ("Town votes\n\n"
            "Standing by a sign reading \"Vote today,\" 60-year-old Ms Ilse said the vote was overdue.\n")
    assert claims_of(text) == [("Ilse", "the vote was overdue")]
