"""``relay``: a medium passes on another speaker's words (extract/rules/relay.py). The claim is
the original speaker's; the medium is kept as its ``via``."""

import pytest

from constructions import analysed, speaker


def relayed(text: str):
    """(rule, speaker, via, content) of every claim found in ``text``."""
    return [(c.rule, speaker(c), c.via, text[c.text_start : c.text_end])
            for c in analysed(text)]


@pytest.mark.parametrize("text, speaker, via, content", [
    ("Interfax quoted Lena Dahl as saying the harbour would reopen on Monday.",
     "Lena Dahl", "Interfax", "the harbour would reopen on Monday"),
    ("The harbour will reopen on Monday, RIA Novosti quoted Lena Dahl as saying.",
     "Lena Dahl", "RIA Novosti", "The harbour will reopen on Monday"),
    ("The port director, Lena Dahl, was quoted by the Interfax news agency as saying the harbour would reopen.",
     "Lena Dahl", "Interfax", "the harbour would reopen"),
    ("Lena Dahl said the harbour would reopen on Monday, Interfax reported on Friday.",
     "Lena Dahl", "Interfax", "the harbour would reopen on Monday"),
    ("Reuters reported that Lena Dahl said the harbour would reopen on Monday.",
     "Lena Dahl", "Reuters", "the harbour would reopen on Monday"),
    ("Two ferries ran aground near the harbour, according to Reuters, citing Lena Dahl.",
     "Lena Dahl", "Reuters", "Two ferries ran aground near the harbour"),
])
def test_the_original_speaker_speaks_and_the_medium_is_kept(text, speaker, via, content):
    assert relayed(text) == [("relay", speaker, via, content)]


def test_an_unnamed_source_quoted_by_an_agency_keeps_its_noun_phrase():
    [(rule, speaker, via, content)] = relayed(
        "The Reuters news agency quoted a spokesman for the city council saying the bridge was closed.")
    assert (rule, via, content) == ("relay", "Reuters", "the bridge was closed")
    assert speaker.startswith("a spokesman for the city council")


def test_a_medium_that_speaks_for_itself_is_the_speaker():
    assert relayed("Belarus's BelTA news agency said the border crossing was closed.") == [
        ("said-clause", "BelTA", None, "the border crossing was closed")]


def test_relay_is_a_registered_rule():
    from claimsdb.extract.rules import RULES

    assert "relay" in RULES and "quoted" in RULES["relay"].example


def test_a_source_right_after_the_attribution_relays_that_claim():
    assert relayed('"The fleet is ready," Anna Berg said, according to remarks released on Friday.') == [
        ("inverted-said", "Anna Berg", "remarks released on Friday", '"The fleet is ready,"')]


@pytest.mark.parametrize("text, speaker, content", [
    ('"The harbour will reopen on Monday," Reuters quoted Lena Dahl as saying.',
     "Lena Dahl", '"The harbour will reopen on Monday,"'),
    ('Lena Dahl toured the docks. "The harbour will reopen on Monday," she was quoted by the '
     "ministry's press service as saying.", "Lena Dahl", '"The harbour will reopen on Monday,"'),
])
def test_a_quotation_before_the_quoting_medium(text, speaker, content):
    assert [(r, s, c) for r, s, _, c in relayed(text)] == [("relay", speaker, content)]


@pytest.mark.parametrize("opener", ["Meanwhile, ", "In Norway, "])
def test_a_fronted_phrase_does_not_stop_what_a_medium_relays(opener):
    text = opener + "the fisheries minister said that the quota would be cut by a third, Interfax reported."
    assert relayed(text) == [("relay", "fisheries minister", "Interfax", "the quota would be cut by a third")]


def test_a_named_news_agency_with_capitalised_noun_relays():
    text = "The fisheries minister said that the quota would be cut by a third, Xinhua News Agency reported."
    assert relayed(text) == [("relay", "fisheries minister", "Xinhua", "the quota would be cut by a third")]
