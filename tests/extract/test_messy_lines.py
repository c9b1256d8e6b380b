"""Lines of live blogs and feature stories: a time that opens a live-blog entry is not part of
the entry ("13:21 - ..."), and a lower-case plural's possessive mark ("the rebels' leader")
does not cut a speaker phrase short."""

import pytest
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


@pytest.mark.parametrize("label", ["Related articles", "Read more:", "Related coverage:", "See also"])
def test_headlines_listed_under_a_related_articles_label_are_no_claims(label):
    # Links to other articles below this one's prose (rule related-list).
    text = ("Port stays open\n\n"
            "The port of Vikby will stay open all winter, fisheries minister Anna Berg said on Monday.\n\n"
            f"{label}\n"
            "Fishing union backs quota deal with Norway\n"
            "Coast guard says ice breakers ready, Varda warns\n\n"
            "She said the ice breakers were ready.\n")
    got = claims_of(text)
    assert [s for s, _ in got] == ["Anna Berg", "Anna Berg"]
    assert got[1][1] == "the ice breakers were ready"


def test_a_read_more_line_at_the_top_of_the_page_leaves_the_headline_alone():
    # Navigation before the article: no prose yet, so the line after it is the headline.
    text = ("Read more\n\nVarda says port will stay open all winter\n\n"
            "The port of Vikby will stay open all winter, fisheries minister Anna Varda said on Monday.\n")
    got = claims_of(text)
    assert got[0] == ("Anna Varda", "port will stay open all winter")


def test_a_name_suffix_with_a_full_stop_before_the_cue_keeps_the_speaker():
    text = "Talks\n\nDefence Secretary Anton Vik Jr. said the navy needed more drones.\n"
    assert claims_of(text) == [("Anton Vik Jr", "the navy needed more drones")]
