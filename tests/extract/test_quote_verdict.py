"""``quote-verdict`` (extract/rules/quote_verdict.py): a quotation, then whose opinion it was."""

import pytest
from constructions import check, found


@pytest.mark.parametrize("text, speaker, content", [
    ("“The library should open on Sundays,” was one retired teacher’s view.", "one retired teacher",
     "“The library should open on Sundays,”"),
    ("“A disaster for the harbour,” was the verdict of one fisherman.", "one fisherman",
     "“A disaster for the harbour,”"),
])
def test_a_quotation_then_whose_opinion_it_was(text, speaker, content):
    check(text, ("quote-verdict", speaker, content))


@pytest.mark.parametrize("text", [
    "“A disaster for the harbour,” was his verdict.",  # a pronoun: not this rule's to resolve
    "The ferry was late, which was the captain’s view.",  # no quotation before it
    "“A disaster for the harbour,” the paper wrote, and that was the mayor’s view too.",
])
def test_no_verdict_claim_without_a_quotation_and_a_named_owner(text):
    assert all(rule != "quote-verdict" for rule, _, _ in found(text))
