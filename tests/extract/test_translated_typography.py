"""Writing habits of news translated from Polish, German, Russian or Ukrainian and of economic
and humanitarian reports: a comma before "that", the verb and a time before the speaker,
„low-high" and «guillemet» headlines, "As reported by X,", agencies of a body by their own
name (rules comma-that, modified-setting, time-then-speaker, translated-quote-title,
as-reported-by, ing-modifier, now-appositive, title-for-body, body-agency, european-commissioner)."""

import pytest
from constructions import analysed, check, found, speaker


@pytest.mark.parametrize("text, who, content", [
    ("Harbour minister Anna Lund announced, that the ferries would run again in May.",
     "Anna Lund", "the ferries would run again in May"),
    ("The mayor Per Berg repeated, that there was no money for a second bridge.",
     "Per Berg", "there was no money for a second bridge"),
])
def test_a_comma_before_that_still_opens_the_content(text, who, content):
    check(text, ("said-that", who, content))


def test_a_speaker_set_off_inside_the_sentence_keeps_the_writers_so_that():
    text = "The storm had grown so strong, Ms Lund noted, that the ferries stayed in port."
    assert all(content != "the ferries stayed in port" for _, _, content in found(text))


def test_an_adjective_before_a_report_noun_is_still_where_the_words_were_said():
    check("The fisheries council said in its weekly report that cod stocks had recovered.",
          ("said-that", "fisheries council", "cod stocks had recovered"))


@pytest.mark.parametrize("text, who", [
    ("The toll on the bridge will double, said on Tuesday Harbour Minister Anna Lund.", "Anna Lund"),
    ("The toll on the bridge will double, said on 3 May Anna Lund.", "Anna Lund"),
    ("The toll on the bridge will double, said yesterday Anna Lund.", "Anna Lund"),
])
def test_a_time_between_a_verb_first_cue_and_its_speaker(text, who):
    check(text, ("inverted-verb-first", who, "The toll on the bridge will double"))


def test_assessed_after_a_quotation_is_a_cue_but_not_before_an_object():
    check('"The new toll is a burden for the islands", assessed the mayor Per Berg.',
          ("inverted-verb-first", "Per Berg", '"The new toll is a burden for the islands"'))
    assert found("Engineers assessed the damage to the pier.") == []


@pytest.mark.parametrize("headline", [
    'Lund: „Vikland will not accept a new toll"',
    "Lund: «Vikland will not accept a new toll»",
])
def test_a_headline_in_translated_quotation_marks(headline):
    text = headline + "\n\nVikland will not pay the toll, said the harbour minister Anna Lund.\n"
    assert ("headline-colon", "Anna Lund") in [(rule, who) for rule, who, _ in found(text)]


def test_as_reported_by_opening_a_sentence_is_the_sources_report():
    check("As reported by the press service of the harbour board, the losses are estimated at 40 million.",
          ("according-to", "press service of the harbour board", "the losses are estimated at 40 million"))


def test_as_reported_by_still_relays_a_claim_in_the_sentence():
    [claim] = analysed("As reported by Interfax, the minister said the ferries would stop.")
    assert (claim.rule, claim.via) == ("said-clause", "Interfax")


def test_a_noun_in_ing_modifies_a_body():
    check("The Nordic monitoring mission said that it had counted 200 boats.",
          ("said-that", "Nordic monitoring mission", "it had counted 200 boats"))


def test_now_before_a_role_in_an_appositive():
    check("Anna Lund, now secretary of the harbour board, said that the ferries would stop.",
          ("said-that", "Anna Lund", "the ferries would stop"))


def test_a_title_for_a_capitalised_body_is_the_head_before_a_name():
    [claim] = analysed("The UN High Commissioner for Refugees, Anna Lund, said the camps were full.")
    assert (speaker(claim), claim.speaker.country) == ("Anna Lund", "UN")


@pytest.mark.parametrize("text, name", [
    ("UNICEF said some 20,000 children had left the islands.", "UNICEF"),
    ("The World Food Programme said some 20,000 children had left the islands.", "World Food Programme"),
])
def test_an_agency_of_a_body_keeps_its_own_name(text, name):
    [claim] = analysed(text)
    assert (speaker(claim), claim.speaker.country) == (name, "UN")


def test_the_body_itself_keeps_the_bodys_name():
    [claim] = analysed("The U.N. said some 20,000 children had left the islands.")
    assert (speaker(claim), claim.speaker.country) == ("United Nations", "UN")


@pytest.mark.parametrize("text", [
    "European Fisheries Commissioner Anna Lund said the quotas would stay.",
    "Anna Lund, the European commissioner in charge of fisheries, said the quotas would stay.",
])
def test_a_european_commissioner_speaks_for_the_eu(text):
    [claim] = analysed(text)
    assert claim.speaker.country == "EU"


@pytest.mark.parametrize("text", [
    "Analysts at Sberbank said that exports could fall by a tenth.",
    "Gazprom analysts said that exports could fall by a tenth.",
])
def test_people_of_a_listed_body_named_by_their_noun_get_its_country(text):
    [claim] = analysed(text)
    assert claim.speaker.country == "RU"


@pytest.mark.parametrize("text, quote", [
    ("Anna Lund said Europe had five years. „Wir sind bereit“, she repeated.\n", "„Wir sind bereit“"),
    ("Anna Lund said Europe had five years. «Nous sommes prêts», she repeated.\n", "«Nous sommes prêts»"),
])
def test_a_sentence_may_open_with_a_low_or_angled_quotation_mark(text, quote):
    # A new sentence starts at „ or «, so the quotation is the one the pronoun's cue reports.
    assert found(text) == [("said-clause", "Anna Lund", "Europe had five years"), ("inverted-said", "Anna Lund", quote)]
