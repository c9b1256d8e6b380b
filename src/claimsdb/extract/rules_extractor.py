"""The rules extractor: named constructions over a segmented text (claimsdb.extract.rules)."""

from __future__ import annotations

from claimsdb.extract import find_claims
from claimsdb.extract.base import Extraction
from claimsdb.records import Document


class RulesExtractor:
    """Finds claims with hand-written construction rules; every claim names its rule."""

    name = "rules"
    # Stored with every claim so any stored claim can be traced to the rules that produced it.
    version = "rules-0.3"

    def find_claims(self, document: Document) -> Extraction:
        return find_claims(document)
