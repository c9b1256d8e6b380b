"""The list of rules: stable names, each with an example that its rule finds."""

import re

import pytest
from constructions import found

from claimsdb.resolve import confidence
from claimsdb.extract.rules import RULES


@pytest.mark.parametrize("name", sorted(RULES))
def test_each_rule_finds_a_claim_in_its_own_example(name):
    assert name in [rule for rule, _, _ in found(RULES[name].example)]


def test_rule_names_are_kebab_case():
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)*", name) for name in RULES)


def test_the_confidence_model_weighs_every_rule():
    # A relayed claim is weighed as the construction that found its content (plus the
    # "relayed" feature) and stored under "relay" after scoring.
    assert set(confidence._PATTERNS) == set(RULES) - {"relay"}
