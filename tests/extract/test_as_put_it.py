"""An "as" aside naming the speaker (extract/rules/as_put_it.py)."""

import pytest
from constructions import check


@pytest.mark.parametrize("text, content", [
    ("As Anna Lund put it, the strike had cost everyone dearly.", "the strike had cost everyone dearly"),
    ("The strike, as Anna Lund said, had cost everyone dearly.",
     "The strike, as Anna Lund said, had cost everyone dearly"),
])
def test_the_sentence_around_the_aside_is_the_claim(text, content):
    check(text, ("as-x-put-it", "Anna Lund", content))


def test_put_it_as_a_plain_verb_is_no_cue():
    check("Anna Lund put it on the table before the vote.")


@pytest.mark.parametrize("text", [
    "As Anna Lund welcomed several hundred guests, the mayor was preparing his own bid.",
    "As the ministry announced the new tariffs, farmers gathered outside the building.",
])
def test_an_as_clause_with_an_object_is_a_time_not_an_aside(text):
    check(text)


@pytest.mark.parametrize("text", [
    "As Anna Lund said this week, the strike had cost everyone dearly.",
    "As Anna Lund told reporters, the strike had cost everyone dearly.",
])
def test_a_time_or_a_listener_after_the_cue_keeps_the_aside(text):
    check(text, ("as-x-put-it", "Anna Lund", "the strike had cost everyone dearly"))


def test_an_aside_in_brackets_after_a_quotation_claims_the_quotation():
    check('The strike was "a wound that will not heal" (as Anna Lund put it at a meeting in 2009).',
          ("as-x-put-it", "Anna Lund", '"a wound that will not heal"'))


def test_an_aside_in_brackets_closing_the_sentence_claims_the_sentence_before_it():
    check("The strike had cost everyone dearly (as Anna Lund said).",
          ("as-x-put-it", "Anna Lund", "The strike had cost everyone dearly"))
