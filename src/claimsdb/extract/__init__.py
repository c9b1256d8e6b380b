"""Find attributed statements in article text (placeholder until the rule extractor lands)."""

from __future__ import annotations

from claimsdb.records import ClaimCandidate, Document


def find_claims(document: Document) -> list[ClaimCandidate]:
    return []
