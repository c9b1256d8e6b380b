"""Speakers behind long titles, organisation modifiers and appositives
(extract/phrases/speaker.py, extract/speakers.py): the person speaks, the organisation or
country is where they belong."""

import hashlib

import pytest

from claimsdb.extract.base import get_extractor
from claimsdb.records import Document


def claims_of(text: str):
    """(rule, speaker name, type, role, country, content) of every claim found in ``text``."""
    document = Document(path="article.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    return [(c.rule, c.speaker.name, c.speaker.type, c.speaker.role, c.speaker.country, text[c.text_start : c.text_end])
            for c in get_extractor().find_claims(document)]


@pytest.mark.parametrize("text, expected", [
    ("Swedish Foreign Minister Anders Paris said the embassy would reopen in spring.",
     ("said-clause", "Anders Paris", "person", "Foreign Minister", "SE", "the embassy would reopen in spring")),
    ("US Deputy Secretary of Commerce for Trade and Investment Robert Hale said the tariffs would stay.",
     ("said-clause", "Robert Hale", "person", "Deputy Secretary of Commerce for Trade and Investment", "US",
      "the tariffs would stay")),
    ("U.S. Ambassador to NATO Thomas Grey said the alliance was ready to help.",
     ("said-clause", "Thomas Grey", "person", "Ambassador to NATO", "US", "the alliance was ready to help")),
    ("EU trade chief Maria Olsen said the quotas would be lifted.",
     ("said-clause", "Maria Olsen", "person", "trade chief", "EU", "the quotas would be lifted")),
    ("Thomas Brandt with Reuters said that the convoy had turned back.",
     ("said-that", "Thomas Brandt", "person", None, None, "the convoy had turned back")),
])
def test_a_title_or_organisation_before_the_name_is_the_role(text, expected):
    assert claims_of(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The deputy commander at the nearest border post near Kovel confirmed that the road was closed.",
     ("said-that", "deputy commander", "anonymous", "commander", "the road was closed")),
    ("A farmer who had been questioned by police on suspicion of smuggling said he was innocent.",
     ("said-clause", "farmer", "anonymous", "farmer", "he was innocent")),
])
def test_a_post_modified_speaker_is_the_noun_the_modifier_hangs_on(text, expected):
    rule, name, type_, role, content = expected
    [(got_rule, got_name, got_type, got_role, _, got_content)] = claims_of(text)
    assert (got_rule, got_type, got_role, got_content) == (rule, type_, role, content)
    assert got_name.startswith(("The " + name, "A " + name)) and "police" not in got_name.split("(")[0]
