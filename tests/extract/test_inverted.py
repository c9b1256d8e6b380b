"""Content first, attribution after (extract/rules/inverted.py)."""

import pytest
from constructions import check, found


@pytest.mark.parametrize("text, rule, speaker, content", [
    ('"The strike is over," Anna Lund said.', "inverted-said", "Anna Lund", '"The strike is over,"'),
    ('"We will not back down," Anna Lund told reporters on Tuesday.',
     "inverted-said", "Anna Lund", '"We will not back down,"'),
    ('"The strike is over," said Anna Lund, the union leader.',
     "inverted-verb-first", "Anna Lund", '"The strike is over,"'),
    ("The new bridge, officials said, would cost twice as much as planned.",
     "parenthetical-said", "officials", "The new bridge, officials said, would cost twice as much as planned"),
])
def test_attribution_after_the_content(text, rule, speaker, content):
    check(text, (rule, speaker, content))


def test_a_quotation_resumed_after_the_attribution_is_a_second_claim():
    check('"The strike is over," she said, "and we are going back to work."',
          ("inverted-said", "she", '"The strike is over,"'),
          ("quote-resumed", "she", '"and we are going back to work."'))


def test_a_name_given_with_called_is_no_attribution():
    check("The bridge, called the Silver Span, opened in June.")


@pytest.mark.parametrize("text, expected", [
    ("“We come every Sunday,” said one woman with a bicycle.", "one woman"),
    ("“The tickets cost too much,” said a man in a yellow scarf.", "a man"),
])
def test_a_postposed_speaker_described_by_what_they_carry_or_wear_is_the_person(text, expected):
    assert [speaker for _, speaker, _ in found(text)] == [expected]


def test_a_cue_with_an_object_and_an_infinitive_after_a_comma_is_no_inversion():
    # The guards are what was demanded of, not who spoke the clause before.
    check("The guards denied the inspectors any access without a pass, demanded the inspectors to leave "
          "the port, and escorted them out.")
    check("The talks will resume, said the minister to reporters in Oslo.",
          ("inverted-verb-first", "the minister", "The talks will resume"))


def test_an_inverted_attribution_ends_the_claim_that_runs_into_it():
    """"Bergen rules out a ban, says the harbour chief": the stance claim inside the chief's
    words stops before ", says"; it never takes the attribution into its content."""
    assert all(", says" not in content for _, _, content in found(
        "Bergen rules out a fishing ban for the fjord, says the harbour chief."))
