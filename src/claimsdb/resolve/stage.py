"""The resolve stage: what the text tells about each found claim beyond its spans.

``resolve_claims`` is its one entry point, between extract and store: the statement date of
each claim, the quantities in it, and a document-scoped name for speakers the article does
not name. Coreference, speaker typing and countries of mentions, and the confidence of each
claim are still worked out inside the rules extractor, which needs its own sentence analysis
for them (claimsdb.extract.coref, claimsdb.extract.confidence). Speakers become registry
actors only when stored, inside the write transaction (claimsdb.store, through
claimsdb.resolve.actors.resolve_actor_ids_by_document).
"""

from __future__ import annotations

from pathlib import PurePath

from claimsdb.extract.tokens import PRONOUNS
from claimsdb.records import ClaimCandidate, Document
from claimsdb.resolve.statements import date_claims, quantify_claims

# Speakers the text does not name: "officials", "the company", an unresolved "he".
_UNNAMED_TYPES = frozenset({"anonymous", "group"})
# Pronouns left as a speaker's name when coreference found no antecedent ("you" is no
# subject pronoun of a claim, but "you said" leaves it as one).
_UNRESOLVED = frozenset(PRONOUNS) | {"you"}


def resolve_claims(document: Document, claims: list[ClaimCandidate]) -> list[ClaimCandidate]:
    """``claims`` of ``document`` with statement dates, quantities and unnamed speakers'
    document-scoped names filled in (in place; the same list is returned)."""
    date_claims(document.text, claims, published=document.published_on,
                published_method=document.published_method)
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
            or sp.name.lower() in _UNRESOLVED
            or (sp.name[:1].islower() and sp.type != "country")
        )
        if unnamed and not sp.name.endswith(f"({label})"):
            sp.name = f"{sp.name} ({label})"
