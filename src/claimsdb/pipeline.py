"""extract → resolve for one document: the claims of a Document, ready to store."""

from __future__ import annotations

from claimsdb.records import ClaimCandidate, Document

# Stored with every claim so any stored claim can be traced to the rules that produced it.
EXTRACTOR_VERSION = "rules-0.1"


def analyse(document: Document) -> list[ClaimCandidate]:
    """Every attributed claim of ``document`` with speaker, date and quantities resolved."""
    from claimsdb.extract import find_claims
    from claimsdb.resolve.statements import date_claims, quantify_claims

    claims = find_claims(document)
    date_claims(document.text, claims, published=document.published_on,
                published_method=document.published_method)
    quantify_claims(document.text, claims)
    return claims
