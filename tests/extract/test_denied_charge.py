"""A charge and who denies it after a comma (extract/rules/denied_charge.py)."""

import pytest
from constructions import found


def _claims(text):
    return [(rule, speaker, content) for rule, speaker, content in found(text)]


def test_the_accused_named_in_the_charge_denies_it():
    claims = _claims("Sweden says Norway is funding the protesters, charges it has denied.")
    assert ("said-clause", "Sweden", "Norway is funding the protesters") in claims
    assert ("denied-charge", "Norway", "Norway is funding the protesters") in claims
    assert len(claims) == 2  # the verb of denial is no attribution of the whole sentence


@pytest.mark.parametrize("text, speaker, content", [
    ("The union accused the board of lying to its members, an accusation the board rejects.",
     "board", "lying to its members"),
    ("The ministry said rebels had shelled the port, allegations they deny.",
     "rebels", "rebels had shelled the port"),
])
def test_a_named_or_pronoun_denier(text, speaker, content):
    denials = [c for c in _claims(text) if c[0] == "denied-charge"]
    assert len(denials) == 1 and denials[0][1].startswith(speaker) and denials[0][2] == content


def test_the_charge_ends_at_the_comma():
    claims = _claims("Anna Lund said the mayor had taken bribes, a claim he strongly denies.")
    assert ("said-clause", "Anna Lund", "the mayor had taken bribes") in claims


def test_no_denial_without_a_charge_before_it():
    assert [c for c in _claims("The harbour was closed on Monday, claims he denies.") if c[0] == "denied-charge"] == []


@pytest.mark.parametrize("text, speaker", [
    ("Sweden has accused Norway of sending troops, something Norway denies.", "Norway"),
    ("Norway says Denmark broke the deal, which Copenhagen denies.", "Copenhagen"),
])
def test_something_or_which_before_the_denier(text, speaker):
    denials = [c for c in _claims(text) if c[0] == "denied-charge"]
    assert len(denials) == 1 and denials[0][1] in (speaker, "Denmark")


def test_without_a_claim_of_the_charge_all_before_the_comma_is_denied():
    assert _claims("Norway has been accused of arming the rebels, a charge it denies.") == [
        ("denied-charge", "Norway", "Norway has been accused of arming the rebels")]
