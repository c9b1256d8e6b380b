"""store: analysed documents and their claims into the database, one transaction per batch.

Rows are written with Core statements on the session's connection, each table's rows of a
whole batch of documents in one statement: per-row ORM objects, or statements and commits per
document, cost more than the inserts themselves, and once extraction runs in worker processes
this step bounds ingest speed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, delete, func, insert, select, update

from claimsdb.db import insert_returning_ids
from claimsdb.models import Actor, ActorAlias, Claim, Document, Quantity
from claimsdb.pipeline import EXTRACTOR_VERSION
from claimsdb.resolve.actors import forget_registry, resolve_actor_ids_by_document
from claimsdb.resolve.groups import group_new_claims
from claimsdb.topics import tag_new_claims

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
_FIND_DOCUMENTS = select(_DOCUMENTS.c.sha256, _DOCUMENTS.c.id).where(
    _DOCUMENTS.c.sha256.in_(bindparam("shas", expanding=True))
)
_DELETE_CLAIMS = delete(_CLAIMS).where(_CLAIMS.c.document_id == bindparam("document_id"))
_UPDATE_DOCUMENT = (
    update(_DOCUMENTS)
    .where(_DOCUMENTS.c.id == bindparam("document_id"))
    .values({name: bindparam(f"new_{name}") for name in (
        "path", "title", "outlet", "published_on", "published_method", "encoding", "media_type",
        "extractor_version", "ingested_at",
    )})
)
_INSERT_QUANTITIES = insert(_QUANTITIES)
_LAST_ACTOR_IDS = select(
    select(func.max(Actor.id)).scalar_subquery(), select(func.max(ActorAlias.id)).scalar_subquery()
)
# Document columns that --force replaces along with the claims.
_METADATA = ("path", "title", "outlet", "published_on", "published_method", "encoding", "media_type")
# session.info key: the newest actor and alias ids when this session last wrote.
_LAST_WRITE_KEY = "claimsdb.store.last_actor_ids"


@dataclass(frozen=True, slots=True)
class StoreResult:
    """What :func:`store_document` did: ``status`` is "new", "skipped" or "replaced"."""

    status: str
    document_id: int
    claims_added: int


def find_document_id(connection: Connection | Session, sha256: str) -> int | None:
    """The id of the stored document with this content hash, if any."""
    return connection.execute(_FIND_DOCUMENT, {"sha256": sha256}).scalar()


def find_document_ids(connection: Connection | Session, shas: list[str]) -> dict[str, int]:
    """Content hash → id of the stored documents among ``shas``."""
    return dict(connection.execute(_FIND_DOCUMENTS, {"shas": shas}).all())


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
    [result] = store_documents(session=session, analysed=[(document, claims)], force=force)
    return result


def store_documents(
    *,
    session: Session,
    analysed: Sequence[tuple[records.Document, list[ClaimCandidate]]],
    force: bool = False,
) -> list[StoreResult]:
    """Store several analysed documents in one transaction, then commit; one result each.

    Each (document, claims) pair is stored as :func:`store_document` stores it, in order, so
    a content seen twice in the batch is stored once (with ``force``, with the claims of its
    last copy). All or nothing: on any error (ValueError for a claim whose offsets do not fit
    its text) the whole batch is rolled back.
    """
    try:
        results = _store(session, analysed, force)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    return results


def _store(
    session: Session, analysed: Sequence[tuple[records.Document, list[ClaimCandidate]]], force: bool
) -> list[StoreResult]:
    for document, claims in analysed:
        for number, claim in enumerate(claims, 1):
            _check_spans(number, claim, len(document.text))
    connection = session.connection()
    _notice_other_writers(session, connection)
    shas = list(dict.fromkeys(document.sha256 for document, _ in analysed))
    document_ids = dict(connection.execute(_FIND_DOCUMENTS, {"shas": shas}).all())
    ingested_at = datetime.now(UTC).replace(tzinfo=None)

    # Which copy of each content is stored: the first new one, or with force the last one.
    statuses: list[str] = []
    stored_copy: dict[str, int] = {}
    for index, (document, _) in enumerate(analysed):
        known = document.sha256 in document_ids or document.sha256 in stored_copy
        statuses.append(REPLACED if known and force else SKIPPED if known else NEW)
        if statuses[-1] != SKIPPED:
            stored_copy[document.sha256] = index

    new = [i for i, status in enumerate(statuses) if status == NEW]
    if new:
        rows = [dict(_metadata(analysed[i][0]), sha256=analysed[i][0].sha256, text=analysed[i][0].text,
                     ingested_at=ingested_at) for i in new]
        ids = insert_returning_ids(connection, _DOCUMENTS, rows)
        document_ids.update((analysed[i][0].sha256, document_id) for i, document_id in zip(new, ids, strict=True))
    replaced = [i for i in stored_copy.values() if statuses[i] == REPLACED]
    if replaced:
        targets = [document_ids[analysed[i][0].sha256] for i in replaced]
        # Quantities go with their claims (ON DELETE CASCADE).
        connection.execute(_DELETE_CLAIMS, [{"document_id": target} for target in targets])
        connection.execute(
            _UPDATE_DOCUMENT,
            [
                {f"new_{name}": value for name, value in dict(_metadata(analysed[i][0]), ingested_at=ingested_at).items()}
                | {"document_id": target}
                for i, target in zip(replaced, targets, strict=True)
            ],
        )

    with_claims = [i for i in sorted(stored_copy.values()) if analysed[i][1]]
    if with_claims:
        _insert_claims(session, connection, [(document_ids[analysed[i][0].sha256], *analysed[i]) for i in with_claims])
    session.info[_LAST_WRITE_KEY] = tuple(connection.execute(_LAST_ACTOR_IDS).one())

    return [
        StoreResult(
            status,
            document_ids[document.sha256],
            len(claims) if stored_copy.get(document.sha256) == index else 0,
        )
        for index, (status, (document, claims)) in enumerate(zip(statuses, analysed, strict=True))
    ]


def _metadata(document: records.Document) -> dict:
    return dict(
        {name: getattr(document, name) for name in _METADATA}, extractor_version=EXTRACTOR_VERSION
    )


def _notice_other_writers(session: Session, connection: Connection) -> None:
    """Drop the session's actor registry if another writer added actors or aliases since this
    session last wrote, so that two ingests at once do not each create the same actor.

    Writers take turns (see claimsdb.db.writing), so what this transaction sees now is all
    that any other writer has committed.
    """
    last = session.info.get(_LAST_WRITE_KEY)
    if last is not None and tuple(connection.execute(_LAST_ACTOR_IDS).one()) != last:
        forget_registry(session)


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
    documents: list[tuple[int, records.Document, list[ClaimCandidate]]],
) -> None:
    """Insert the claims of several documents, given as (document id, document, claims)."""
    # One actor lookup per distinct speaker of each document, not per claim.
    speakers = [
        {_speaker_key(claim.speaker): claim.speaker for claim in claims} for _, _, claims in documents
    ]
    actor_ids = resolve_actor_ids_by_document(session=session, documents=[s.values() for s in speakers])
    rows, all_claims = [], []
    for (document_id, document, claims), keys, ids in zip(documents, speakers, actor_ids, strict=True):
        by_key = dict(zip(keys, ids, strict=True))
        rows.extend(_claim_row(claim, document_id, by_key[_speaker_key(claim.speaker)], document) for claim in claims)
        all_claims.extend(claims)
    claim_ids = insert_returning_ids(connection, _CLAIMS, rows)
    # Writers take turns, so every id in this range is one of the claims just inserted.
    tag_new_claims(connection, min(claim_ids), max(claim_ids))
    group_new_claims(connection, [
        (claim_id, row["actor_id"], row["document_id"], row["date_key"], row["text"])
        for claim_id, row in zip(claim_ids, rows, strict=True)
    ])
    quantities = [
        dict(claim_id=claim_id, value=q.value, max=q.max, unit=q.unit, text=q.text, start=q.start, end=q.end)
        for claim_id, claim in zip(claim_ids, all_claims, strict=True)
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
        polarity=claim.polarity,
        modality=claim.modality,
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
