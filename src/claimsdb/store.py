"""store: one analysed document and its claims into the database, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, select

from claimsdb.models import Claim, Document, Quantity
from claimsdb.pipeline import EXTRACTOR_VERSION
from claimsdb.resolve.actors import resolve_actor

if TYPE_CHECKING:
    from datetime import date

    from sqlalchemy.orm import Session

    from claimsdb import records
    from claimsdb.records import ClaimCandidate, PartialDate

# StoreResult.status values.
NEW, SKIPPED, REPLACED = "new", "skipped", "replaced"


@dataclass(frozen=True, slots=True)
class StoreResult:
    """What :func:`store_document` did: ``status`` is "new", "skipped" or "replaced"."""

    status: str
    document_id: int
    claims_added: int


def find_document_id(session: Session, sha256: str) -> int | None:
    """The id of the stored document with this content hash, if any."""
    return session.execute(select(Document.id).where(Document.sha256 == sha256)).scalar()


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
        row = Document(sha256=document.sha256, text=document.text, **values)
        session.add(row)
        session.flush()
        document_id, status = row.id, NEW
    else:
        # Quantities go with their claims (ON DELETE CASCADE).
        session.execute(delete(Claim).where(Claim.document_id == document_id))
        row = session.get(Document, document_id)
        for name, value in values.items():
            setattr(row, name, value)
        status = REPLACED

    _insert_claims(session, document_id, document, claims)
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
    session: Session, document_id: int, document: records.Document, claims: list[ClaimCandidate]
) -> None:
    if not claims:
        return
    text = document.text
    # One actor lookup per distinct speaker of the document, not per claim.
    actor_ids: dict[tuple, int] = {}
    rows = []
    for claim in claims:
        speaker = claim.speaker
        speaker_id = (speaker.name, speaker.type, speaker.role, speaker.country, speaker.aliases)
        if speaker_id not in actor_ids:
            actor_ids[speaker_id] = resolve_actor(session=session, speaker=speaker).id
        stated = claim.stated_on
        rows.append(
            dict(
                document_id=document_id,
                actor_id=actor_ids[speaker_id],
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
        )
    # Flush the actors and aliases first: the claims refer to them.
    session.flush()
    # One executemany per table instead of one ORM object per row: ingest speed is dominated by
    # these inserts. RETURNING in parameter order gives each claim's id for its quantities.
    claim_ids = session.execute(
        insert(Claim).returning(Claim.id, sort_by_parameter_order=True), rows
    ).scalars().all()
    quantities = [
        dict(claim_id=claim_id, value=q.value, max=q.max, unit=q.unit, text=q.text, start=q.start, end=q.end)
        for claim_id, claim in zip(claim_ids, claims, strict=True)
        for q in claim.quantities
    ]
    if quantities:
        session.execute(insert(Quantity), quantities)


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
