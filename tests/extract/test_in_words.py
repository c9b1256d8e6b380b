"""'In his words,' and 'In the words of X,' (extract/rules/in_words.py)."""

import pytest
from constructions import check, found


def test_a_pronoun_takes_the_person_named_before():
    check("Anna Lund spoke on Monday. In her words, the talks are over.",
          ("in-x-words", "Anna Lund", "the talks are over"))


@pytest.mark.parametrize("text", [
    "In the words of Anna Lund, the talks are over.",
    "In Anna Lund's words, the talks are over.",
])
def test_a_named_source(text):
    check(text, ("in-x-words", "Anna Lund", "the talks are over"))


@pytest.mark.parametrize("text", [
    "Anna Lund spoke on Monday. In her opinion, the talks are over.",
    "Anna Lund spoke on Monday. In her view, the talks are over.",
    "In the opinion of Anna Lund, the talks are over.",
    # an assessment, an estimation, a judgment (as translated copy writes it)
    "In the assessment of former minister Anna Lund, the talks are over.",
    "Anna Lund spoke on Monday. In her estimation, the talks are over.",
    "In Anna Lund's assessment, the talks are over.",
])
def test_an_opinion_or_view_is_hers_too(text):
    assert found(text) == [("in-x-words", "Anna Lund", "the talks are over")]


def test_in_view_of_names_nobody():
    assert found("In view of the storm, the talks are over.") == []


@pytest.mark.parametrize("text", [
    "In other words, the talks are over.",
    "In a few words, the talks are over.",
])
def test_words_of_nobody_are_no_claim(text):
    assert found(text) == []
