"""prepared: an analysed document and its claims as the rows storing writes, without the database.

Made in ingest's worker processes, which import only the extractor and this module (not
SQLAlchemy): plain tuples, which cost little to send from one process to another.
:mod:`claimsdb.store` writes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimsdb.extract.base import get_extractor

if TYPE_CHECKING:
    from datetime import date

    from claimsdb import records
    from claimsdb.records import ClaimCandidate, PartialDate, Speaker

# What storing did with a document (StoreResult.status in claimsdb.store).
NEW, SKIPPED, REPLACED = "new", "skipped", "replaced"

# Document columns read from records.Document.
_METADATA = (
    "path", "title", "outlet", "published_on", "published_method", "encoding", "media_type", "url", "language",
)
# The values a PreparedDocument holds for its documents row, in order (ingested_at is added
# when it is stored), for each of its claims rows (document_id and actor_id are added first),
# and for each quantity (claim_id first).
DOCUMENT_FIELDS = (*_METADATA, "extractor_version", "sha256", "text")
CLAIM_FIELDS = (
    "speaker_mention", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end", "kind", "text",
    "text_start", "text_end", "stated_on", "date_precision", "date_key", "confidence", "via",
    "extractor_version", "speaker_edited", "rule", "polarity", "modality", "target", "target_start",
    "target_end",
)
QUANTITY_FIELDS = ("value", "max", "unit", "text", "start", "end")

# The fields of records.Speaker, in its order: a PreparedDocument holds its speakers as plain
# tuples, made into Speakers again by Speaker(*values).
_SPEAKER_FIELDS = ("name", "type", "role", "country", "aliases", "gender", "principal", "country_inferred")


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """A document and its claims as the rows to store: everything storing needs that does not
    depend on the database, made by :func:`prepare_document` (in ingest's worker processes),
    in plain tuples, which cost little to send from one process to another.

    ``row`` holds the values of DOCUMENT_FIELDS; ``speakers`` the document's distinct
    speakers, each the values of a Speaker's fields; ``claims`` a (speaker index, values of
    CLAIM_FIELDS, quantities) triple per claim, each quantity the values of QUANTITY_FIELDS.
    """

    path: str
    sha256: str
    row: tuple
    speakers: tuple[tuple, ...]
    claims: tuple[tuple[int, tuple, tuple[tuple, ...]], ...]
    # Lines for the ingest summary about how the document was read; not stored.
    warnings: tuple[str, ...] = ()


def prepare_document(
    document: records.Document, claims: list[ClaimCandidate], extractor_version: str | None = None,
) -> PreparedDocument:
    """The rows that storing ``document`` and its ``claims`` writes, but for the ids the
    database gives. Raises ValueError when a claim's offsets do not fit the document's text."""
    version = extractor_version or get_extractor().version
    text = document.text
    for number, claim in enumerate(claims, 1):
        _check_spans(number, claim, len(text))
    # One actor lookup per distinct speaker of the document, not per claim; the last claim's
    # speaker stands for its key (the keys leave out the gender).
    speakers: dict[tuple, Speaker] = {}
    for claim in claims:
        speakers[_speaker_key(claim.speaker)] = claim.speaker
    index = {key: n for n, key in enumerate(speakers)}
    published_on = stored_publication_date(document)
    metadata = {name: getattr(document, name) for name in _METADATA}
    if published_on is None:
        metadata["published_on"] = metadata["published_method"] = None
    return PreparedDocument(
        path=document.path,
        sha256=document.sha256,
        row=(*metadata.values(), version, document.sha256, text),
        speakers=tuple(tuple(getattr(s, name) for name in _SPEAKER_FIELDS) for s in speakers.values()),
        claims=tuple(
            (
                index[_speaker_key(claim.speaker)],
                _claim_values(claim, text, published_on, version),
                tuple((q.value, q.max, q.unit, q.text, q.start, q.end) for q in claim.quantities),
            )
            for claim in claims
        ),
        warnings=document.warnings,
    )


def _check_spans(number: int, claim: ClaimCandidate, length: int) -> None:
    spans = {
        "text": (claim.text_start, claim.text_end),
        "speaker": (claim.speaker_start, claim.speaker_end),
        "cue": (claim.cue_start, claim.cue_end),
    }
    for name, (start, end) in spans.items():
        if name == "cue" and start is None and end is None:
            continue
        if start is None or end is None or not 0 <= start <= end <= length:
            raise ValueError(
                f"claim {number}: {name} span {start}-{end} does not fit a text of {length} characters"
            )


def _speaker_key(speaker: Speaker) -> tuple:
    return (speaker.name, speaker.type, speaker.role, speaker.country, speaker.aliases, speaker.principal,
            speaker.country_inferred)


def _claim_values(claim: ClaimCandidate, text: str, published_on: date | None, version: str) -> tuple:
    """The values of CLAIM_FIELDS for ``claim`` of a document with ``text``."""
    stated = claim.stated_on
    return (
        text[claim.speaker_start : claim.speaker_end],
        claim.speaker_start,
        claim.speaker_end,
        claim.cue,
        claim.cue_start,
        claim.cue_end,
        claim.kind,
        text[claim.text_start : claim.text_end],
        claim.text_start,
        claim.text_end,
        stated.iso() if stated else None,
        stated.precision if stated else None,
        date_key(stated, published_on),
        claim.confidence,
        claim.via,
        version,
        False,
        claim.rule,
        claim.polarity,
        claim.modality,
        text[claim.target_start : claim.target_end] if claim.target_start is not None else None,
        claim.target_start,
        claim.target_end,
    )


def stored_publication_date(document: records.Document) -> date | None:
    """The publication date stored with ``document``: None when the only date found was the
    latest full date in its body ("text"). That date is a lower bound, good for the year of
    "Aug. 29" (the analysis anchors on it) but not a day the article appeared: an article of
    2005 recalling "11 September 2001", or a photo caption's "July 15" above a story of late
    August. Stored, it would date every undated claim of the article and place it wrongly on
    timelines and under --since/--until."""
    return None if document.published_method == "text" else document.published_on


def date_key(stated_on: PartialDate | None, published_on: date | None) -> str | None:
    """The ISO day that --since/--until compare for a claim.

    The first day of the statement date when its year is known ("2025-03" → "2025-03-01"),
    else the document's publication date, else None.
    """
    if stated_on is not None and stated_on.year is not None:
        month = stated_on.month if stated_on.precision in ("day", "month") and stated_on.month else 1
        day = stated_on.day if stated_on.precision == "day" and stated_on.day and stated_on.month else 1
        return f"{stated_on.year:04d}-{month:02d}-{day:02d}"
    return published_on.isoformat() if published_on else None
