"""extract → resolve for one document: the claims of a Document, ready to store."""

from __future__ import annotations

from pathlib import PurePath

from claimsdb.records import ClaimCandidate, Document

# Stored with every claim so any stored claim can be traced to the rules that produced it.
EXTRACTOR_VERSION = "rules-0.2"

# Speakers the text does not name: "officials", "the company", an unresolved "he".
_UNNAMED_TYPES = frozenset({"anonymous", "group"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which"})


def analyse(document: Document) -> list[ClaimCandidate]:
    """Every attributed claim of ``document`` with speaker, date and quantities resolved."""
    from claimsdb.extract import find_claims
    from claimsdb.read.datelines import find_dateline
    from claimsdb.resolve.affiliation import attribute_countries
    from claimsdb.resolve.statements import date_claims, quantify_claims, trim_dateline

    claims = find_claims(document)
    dateline = find_dateline(document.text)
    trim_dateline(claims, dateline)
    year = document.published_on.year if document.published_on is not None else None
    attribute_countries(document.text, claims, year=year, dateline=dateline)
    date_claims(document.text, claims, published=document.published_on,
                published_method=document.published_method, dateline=dateline)
    quantify_claims(document.text, claims)
    scope_unnamed_speakers(claims, document)
    return claims


def scope_unnamed_speakers(claims: list[ClaimCandidate], document: Document) -> None:
    """Give speakers the article does not name a name that says which article they are from.

    "the company" or "officials" in one article are not the same speakers as in another, so they
    must not become one actor across the database: "company (bbc_business_001)".
    """
    label = PurePath(document.path).stem or document.path
    for c in claims:
        sp = c.speaker
        unnamed = (
            sp.type in _UNNAMED_TYPES
            or sp.name.lower() in _PRONOUNS
            or (sp.name[:1].islower() and sp.type != "country")
        )
        if unnamed and not sp.name.endswith(f"({label})"):
            sp.name = f"{sp.name} ({label})"
