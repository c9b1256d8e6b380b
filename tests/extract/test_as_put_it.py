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
