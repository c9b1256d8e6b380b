"""extract → resolve for one document: the claims of a Document, ready to store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath

from claimsdb.errors import InputError
from claimsdb.records import ClaimCandidate, Document

# Speakers the text does not name: "officials", "the company", an unresolved "he".
_UNNAMED_TYPES = frozenset({"anonymous", "group"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which"})


def analyse(document: Document) -> list[ClaimCandidate]:
    """Every attributed claim of ``document`` with speaker, date and quantities resolved."""
    from claimsdb.extract.base import get_extractor
    from claimsdb.resolve.statements import date_claims, quantify_claims

    claims = get_extractor().find_claims(document)
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
            or sp.name.lower() in _PRONOUNS
            or (sp.name[:1].islower() and sp.type != "country")
        )
        if unnamed and not sp.name.endswith(f"({label})"):
            sp.name = f"{sp.name} ({label})"


@dataclass(slots=True)
class ExtractedFile:
    """What ``claims extract`` found in one input: its claims, or why it could not be read."""

    path: str
    document: Document | None
    claims: list[ClaimCandidate]
    error: str | None = None


def extract_files(paths: list[str], *, max_bytes: int | None = None) -> Iterator[ExtractedFile]:
    """Read, extract and resolve each input ``paths`` name, without a database.

    An input that cannot be read is reported with its reason and the next one is read.
    """
    from claimsdb import read

    for source in read.iter_sources(paths):
        try:
            document = read.read_document(source, max_bytes=max_bytes or read.DEFAULT_MAX_BYTES)
        except InputError as e:
            yield ExtractedFile(source.display, None, [], str(e).strip().splitlines()[0])
            continue
        yield ExtractedFile(source.display, document, analyse(document))


# The fields `claims extract` writes for each claim, in order.
EXTRACT_COLUMNS = (
    "document", "rule", "kind", "speaker", "speaker_type", "speaker_role", "country",
    "speaker_mention", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end",
    "text", "text_start", "text_end", "stated_on", "confidence", "via",
)


def extracted_rows(files: list[ExtractedFile]) -> Iterator[dict]:
    """Each claim of ``files`` as a dict with the keys of EXTRACT_COLUMNS."""
    for f in files:
        if f.document is None:
            continue
        text = f.document.text
        for c in f.claims:
            sp = c.speaker
            yield {
                "document": f.path, "rule": c.rule, "kind": c.kind, "speaker": sp.name,
                "speaker_type": sp.type, "speaker_role": sp.role, "country": sp.country,
                "speaker_mention": text[c.speaker_start : c.speaker_end],
                "speaker_start": c.speaker_start, "speaker_end": c.speaker_end,
                "cue": c.cue, "cue_start": c.cue_start, "cue_end": c.cue_end,
                "text": text[c.text_start : c.text_end], "text_start": c.text_start, "text_end": c.text_end,
                "stated_on": c.stated_on.iso() if c.stated_on else None,
                "confidence": c.confidence, "via": c.via,
            }
