"""extract → resolve for one document: the claims of a Document, ready to store."""

from __future__ import annotations

import re
from pathlib import PurePath
from urllib.parse import urlsplit

from claimsdb.records import ClaimCandidate, Document

# Stored with every claim so any stored claim can be traced to the rules that produced it.
EXTRACTOR_VERSION = "rules-0.2"

# Speakers the text does not name: "officials", "the company", an unresolved "he".
_UNNAMED_TYPES = frozenset({"anonymous", "group"})
# Files whose documents are records, stored as "file#id" (see claimsdb.read.records).
_RECORD_SUFFIXES = frozenset({".jsonl", ".ndjson", ".csv"})
_LINE = re.compile(r"L\d+")
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which"})


def analyse(document: Document) -> list[ClaimCandidate]:
    """Every attributed claim of ``document`` with speaker, date and quantities resolved."""
    from claimsdb.extract import find_claims
    from claimsdb.resolve.statements import date_claims, quantify_claims

    claims = find_claims(document)
    date_claims(document.text, claims, published=document.published_on,
                published_method=document.published_method)
    quantify_claims(document.text, claims)
    scope_unnamed_speakers(claims, document)
    return claims


def document_label(path: str) -> str:
    """A short name for the document at ``path``: a file's stem (``bbc_business_001``), a
    record's id, which names it as a file name would, or its file and line (``feed.jsonl#L12``
    → ``feed#L12``: line 12 of every file is not one article), a page's last path part."""
    if "://" in path:
        address = urlsplit(path)
        parts = [part for part in address.path.split("/") if part]
        return PurePath(parts[-1]).stem if parts else address.netloc
    file, sep, record = path.rpartition("#")
    if sep and record and PurePath(file).suffix.lower() in _RECORD_SUFFIXES:
        return f"{PurePath(file).stem}#{record}" if _LINE.fullmatch(record) else record
    return PurePath(path).stem or path


def scope_unnamed_speakers(claims: list[ClaimCandidate], document: Document) -> None:
    """Give speakers the article does not name a name that says which article they are from.

    "the company" or "officials" in one article are not the same speakers as in another, so they
    must not become one actor across the database: "company (bbc_business_001)".
    """
    label = document_label(document.path)
    for c in claims:
        sp = c.speaker
        unnamed = (
            sp.type in _UNNAMED_TYPES
            or sp.name.lower() in _PRONOUNS
            or (sp.name[:1].islower() and sp.type != "country")
        )
        if unnamed and not sp.name.endswith(f"({label})"):
            sp.name = f"{sp.name} ({label})"
