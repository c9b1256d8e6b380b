"""extract → resolve for one document: the claims of a Document, ready to store."""

from __future__ import annotations

from claimsdb.records import ClaimCandidate, Document

# Stored with every claim so any stored claim can be traced to the rules that produced it.
EXTRACTOR_VERSION = "rules-0.1"


def analyse(document: Document) -> list[ClaimCandidate]:
    """Every attributed claim of ``document`` with speaker, date and quantities resolved."""
    from claimsdb.extract import find_claims

    return find_claims(document)
