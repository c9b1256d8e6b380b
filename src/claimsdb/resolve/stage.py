"""The resolve stage: what the text tells about each found claim beyond its spans.

``resolve_claims`` is its one entry point, between extract and store: the statement date of
each claim (anchored by a wire dateline when there is one), speakers' countries the extractor
left open (claimsdb.resolve.affiliation: the rest of the article, places, principals, the
bundled office holders), the quantities in it, the position it takes (polarity and
modality), and a document-scoped name for speakers the article does not name. Coreference, speaker typing and countries of mentions, and the confidence of each
claim are still worked out inside the rules extractor, which needs its own sentence analysis
for them (claimsdb.extract.coref, claimsdb.extract.confidence). Speakers become registry
actors only when stored, inside the write transaction (claimsdb.store, through
claimsdb.resolve.actors.resolve_actor_ids_by_document).
"""

from __future__ import annotations

import re
from pathlib import PurePath
from urllib.parse import urlsplit

from claimsdb.extract.tokens import PRONOUNS
from claimsdb.read.datelines import find_dateline
from claimsdb.records import ClaimCandidate, Document
from claimsdb.resolve.affiliation import attribute_countries
from claimsdb.resolve.positions import position_claims
from claimsdb.resolve.statements import date_claims, quantify_claims, trim_dateline

# Longest claim text kept, in characters. A statement is a few sentences; a longer span comes
# from run-on text or a quotation mark that never closes, and would break spreadsheet cells
# (32,767 characters at most) and CSV readers' field limits (131,072 in Python's csv).
MAX_CLAIM_CHARS = 5000
# The end of a sentence: its mark and any closing quotes or brackets, before a space.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s)")

# Speakers the text does not name: "officials", "the company", an unresolved "he".
_UNNAMED_TYPES = frozenset({"anonymous", "group"})
# Files whose documents are records, stored as "file#id" (see claimsdb.read.records).
_RECORD_SUFFIXES = frozenset({".jsonl", ".ndjson", ".csv"})
_LINE = re.compile(r"L\d+")
# Pronouns left as a speaker's name when coreference found no antecedent ("you" is no
# subject pronoun of a claim, but "you said" leaves it as one).
_UNRESOLVED = frozenset(PRONOUNS) | {"you"}


def resolve_claims(document: Document, claims: list[ClaimCandidate]) -> list[ClaimCandidate]:
    """``claims`` of ``document`` resolved in place (the same list is returned): texts over
    MAX_CLAIM_CHARS bounded, a wire dateline cut out of them, speakers' countries the extractor
    left open, statement dates, quantities, polarity and modality, and document-scoped names
    for speakers the article does not name."""
    bound_claims(claims, document.text)
    # A wire dateline ("KYIV, March 3 (Reuters) -") is no part of what was said; its place
    # and date help place local speakers and date the lead.
    dateline = find_dateline(document.text)
    trim_dateline(claims, dateline)
    year = document.published_on.year if document.published_on is not None else None
    attribute_countries(document.text, claims, year=year, dateline=dateline, title=document.title)
    date_claims(document.text, claims, published=document.published_on,
                published_method=document.published_method, dateline=dateline)
    quantify_claims(document.text, claims)
    position_claims(document.text, claims)
    scope_unnamed_speakers(claims, document)
    return claims


def bound_claims(claims: list[ClaimCandidate], text: str) -> None:
    """Cut the text of every claim longer than MAX_CLAIM_CHARS at the last sentence end
    within that length (else the last space, else the limit). Only the end moves, so the
    offsets still slice the text exactly."""
    for claim in claims:
        if claim.text_end - claim.text_start > MAX_CLAIM_CHARS:
            claim.text_end = _cut(text, claim.text_start, claim.text_start + MAX_CLAIM_CHARS)
            claim.quantities = [q for q in claim.quantities if q.end <= claim.text_end]


def _cut(text: str, start: int, limit: int) -> int:
    half = start + (limit - start) // 2
    end = limit
    sentence_ends = [m.end() for m in _SENTENCE_END.finditer(text, half, limit)]
    if sentence_ends:
        end = sentence_ends[-1]
    else:
        space = max(text.rfind(" ", half, limit), text.rfind("\n", half, limit))
        if space > half:
            end = space
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


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
            or sp.name.lower() in _UNRESOLVED
            or (sp.name[:1].islower() and sp.type != "country")
        )
        if unnamed and not sp.name.endswith(f"({label})"):
            sp.name = f"{sp.name} ({label})"
