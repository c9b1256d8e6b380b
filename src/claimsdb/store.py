"""store: one analysed document and its claims into the database, in one transaction.

Rows are written with Core statements on the session's connection, each table's rows in one
batch: per-row ORM objects and flushes would cost more than the inserts themselves, and ingest
speed is dominated by this step once extraction is done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, delete, insert, select, update

from claimsdb.models import Claim, Document, Quantity
from claimsdb.pipeline import EXTRACTOR_VERSION
from claimsdb.resolve.actors import resolve_actor_ids

if TYPE_CHECKING:
    from datetime import date

    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

    from claimsdb import records
    from claimsdb.records import ClaimCandidate, PartialDate, Speaker

# StoreResult.status values.
NEW, SKIPPED, REPLACED = "new", "skipped", "replaced"

_DOCUMENTS, _CLAIMS, _QUANTITIES = Document.__table__, Claim.__table__, Quantity.__table__
# Built once: constructing a statement costs about as much as running it on SQLite.
_FIND_DOCUMENT = select(_DOCUMENTS.c.id).where(_DOCUMENTS.c.sha256 == bindparam("sha256"))
_INSERT_DOCUMENT = insert(_DOCUMENTS).returning(_DOCUMENTS.c.id)
_DELETE_CLAIMS = delete(_CLAIMS).where(_CLAIMS.c.document_id == bindparam("document_id"))
_UPDATE_DOCUMENT = update(_DOCUMENTS).where(_DOCUMENTS.c.id == bindparam("document_id"))
# RETURNING in parameter order gives each claim's id for its quantities.
_INSERT_CLAIMS = insert(_CLAIMS).returning(_CLAIMS.c.id, sort_by_parameter_order=True)
_INSERT_QUANTITIES = insert(_QUANTITIES)


@dataclass(frozen=True, slots=True)
class StoreResult:
    """What :func:`store_document` did: ``status`` is "new", "skipped" or "replaced"."""

    status: str
    document_id: int
    claims_added: int


def find_document_id(session: Session, sha256: str) -> int | None:
    """The id of the stored document with this content hash, if any."""
    return session.connection().execute(_FIND_DOCUMENT, {"sha256": sha256}).scalar()


def store_document(
    *,
    session: Session,
    document: records.Document,
    claims: list[ClaimCandidate],
    force: bool = False,
) -> StoreResult:
    """Store ``document`` and its ``claims``, then commit; roll back everything on failure.

    A document whose content (SHA-256) is already stored is skipped and nothing changes, so
    ingesting the same files twice adds nothing. With ``force`` its claims are replaced by
    ``claims`` instead, and its metadata by ``document``'s. Speakers are resolved to canonical
    actors. Raises ValueError when a claim's offsets do not fit the document's text.
    """
    try:
        result = _store(session, document, claims, force)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return result


def _store(session: Session, document: records.Document, claims: list[ClaimCandidate], force: bool) -> StoreResult:
    for number, claim in enumerate(claims, 1):
        _check_spans(number, claim, len(document.text))
    document_id = find_document_id(session, document.sha256)
    if document_id is not None and not force:
        return StoreResult(SKIPPED, document_id, 0)

    connection = session.connection()
    values = dict(
        path=document.path,
        title=document.title,
        outlet=document.outlet,
        published_on=document.published_on,
        published_method=document.published_method,
        encoding=document.encoding,
        media_type=document.media_type,
        extractor_version=EXTRACTOR_VERSION,
        ingested_at=datetime.now(UTC).replace(tzinfo=None),
    )
    if document_id is None:
        document_id = connection.execute(
            _INSERT_DOCUMENT, dict(values, sha256=document.sha256, text=document.text)
        ).scalar_one()
        status = NEW
    else:
        # Quantities go with their claims (ON DELETE CASCADE).
        connection.execute(_DELETE_CLAIMS, {"document_id": document_id})
        connection.execute(_UPDATE_DOCUMENT.values(**values), {"document_id": document_id})
        status = REPLACED

    if claims:
        _insert_claims(session, connection, document_id, document, claims)
    return StoreResult(status, document_id, len(claims))


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


def _insert_claims(
    session: Session,
    connection: Connection,
    document_id: int,
    document: records.Document,
    claims: list[ClaimCandidate],
) -> None:
    # One actor lookup per distinct speaker of the document, not per claim.
    speakers = {_speaker_key(claim.speaker): claim.speaker for claim in claims}
    actor_ids = dict(zip(speakers, resolve_actor_ids(session=session, speakers=speakers.values()), strict=True))
    rows = [_claim_row(claim, document_id, actor_ids[_speaker_key(claim.speaker)], document) for claim in claims]
    claim_ids = connection.execute(_INSERT_CLAIMS, rows).scalars().all()
    quantities = [
        dict(claim_id=claim_id, value=q.value, max=q.max, unit=q.unit, text=q.text, start=q.start, end=q.end)
        for claim_id, claim in zip(claim_ids, claims, strict=True)
        for q in claim.quantities
    ]
    if quantities:
        connection.execute(_INSERT_QUANTITIES, quantities)


def _speaker_key(speaker: Speaker) -> tuple:
    return speaker.name, speaker.type, speaker.role, speaker.country, speaker.aliases


def _claim_row(claim: ClaimCandidate, document_id: int, actor_id: int, document: records.Document) -> dict:
    text = document.text
    stated = claim.stated_on
    return dict(
        document_id=document_id,
        actor_id=actor_id,
        speaker_mention=text[claim.speaker_start : claim.speaker_end],
        speaker_start=claim.speaker_start,
        speaker_end=claim.speaker_end,
        cue=claim.cue,
        cue_start=claim.cue_start,
        cue_end=claim.cue_end,
        kind=claim.kind,
        text=text[claim.text_start : claim.text_end],
        text_start=claim.text_start,
        text_end=claim.text_end,
        stated_on=stated.iso() if stated else None,
        date_precision=stated.precision if stated else None,
        date_key=date_key(stated, document.published_on),
        confidence=claim.confidence,
        via=claim.via,
        extractor_version=EXTRACTOR_VERSION,
    )


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
