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

from sqlalchemy import bindparam, delete, exists, false, func, select, union_all, update

from claimsdb.db import draw_ids, insert_rows, insert_tuples, insert_tuples_with_ids
from claimsdb.extract.base import get_extractor
from claimsdb.models import Actor, ActorAlias, ActorRedirect, Claim, Document, DocumentPath, Quantity, SpeakerFix
# What storing writes, made without the database (in ingest's workers); date_key and the
# statuses are imported from here too.
from claimsdb.prepared import (
    CLAIM_FIELDS, DOCUMENT_FIELDS, NEW, QUANTITY_FIELDS, REPLACED, SKIPPED, PreparedDocument, date_key,
    prepare_document,
)
from claimsdb.records import Speaker
from claimsdb.resolve.actors import catch_up_registry, claim_capacity, forget_registry, resolve_actors_unwritten
from claimsdb.resolve.groups import group_new_claims
from claimsdb.topics import tag_new_claims

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

    from claimsdb import records
    from claimsdb.records import ClaimCandidate


_DOCUMENTS, _CLAIMS, _QUANTITIES = Document.__table__, Claim.__table__, Quantity.__table__
_PATHS, _ACTORS, _ALIASES = DocumentPath.__table__, Actor.__table__, ActorAlias.__table__
# Built once: constructing a statement costs about as much as running it on SQLite.
_FIND_DOCUMENTS = select(_DOCUMENTS.c.sha256, _DOCUMENTS.c.id).where(
    _DOCUMENTS.c.sha256.in_(bindparam("shas", expanding=True))
)
_FIND_BY_URL = select(_DOCUMENTS.c.id).where(_DOCUMENTS.c.url == bindparam("url")).limit(1)
_DELETE_CLAIMS = delete(_CLAIMS).where(_CLAIMS.c.document_id == bindparam("document_id"))
# What --force replaces of a stored document: all but its path (the first it was stored under).
_REPLACED_METADATA = (
    "title", "outlet", "published_on", "published_method", "encoding", "media_type",
    "url", "language", "extractor_version", "ingested_at",
)
_UPDATE_DOCUMENT = (
    update(_DOCUMENTS)
    .where(_DOCUMENTS.c.id == bindparam("document_id"))
    .values({name: bindparam(f"new_{name}") for name in _REPLACED_METADATA})
)
# Every path a document is known by: the one it keeps and those recorded since.
_KNOWN_PATHS = union_all(
    select(_DOCUMENTS.c.id, _DOCUMENTS.c.path).where(_DOCUMENTS.c.id.in_(bindparam("ids", expanding=True))),
    select(_PATHS.c.document_id, _PATHS.c.path).where(_PATHS.c.document_id.in_(bindparam("path_ids", expanding=True))),
)
_ACTORS_OF_DOCUMENTS = (
    select(_CLAIMS.c.actor_id).distinct().where(_CLAIMS.c.document_id.in_(bindparam("ids", expanding=True)))
)
# Actors left without claims that no user has edited: nothing refers to them any more, and a
# name lookup must not find an empty actor (`actors set-role X` editing a ghost).
_DELETE_GHOSTS = delete(_ACTORS).where(
    _ACTORS.c.id.in_(bindparam("ids", expanding=True)),
    _ACTORS.c.user_edited == false(),
    ~exists().where(_CLAIMS.c.actor_id == _ACTORS.c.id),
)
# The newest actor, alias, redirect and claim ids, and the number of actors (which tells
# catching up whether actors were removed: one statement less while the write lock is held).
_LAST_ACTOR_IDS = select(*(
    func.coalesce(select(func.max(column)).scalar_subquery(), 0).label(f"last_{n}")
    for n, column in enumerate((Actor.id, ActorAlias.id, ActorRedirect.id, Claim.id))
), select(func.count()).select_from(_ACTORS).scalar_subquery().label("actors_total"))
# The two questions every batch opens with, in one statement (one round trip less while the
# write lock is held): _LAST_ACTOR_IDS, then the content hash and id of each document among
# "shas" already stored; one row with the ids alone when none is.
_LAST = _LAST_ACTOR_IDS.subquery()
_OPENING = select(_LAST, _DOCUMENTS.c.sha256, _DOCUMENTS.c.id).select_from(
    _LAST.outerjoin(_DOCUMENTS, _DOCUMENTS.c.sha256.in_(bindparam("shas", expanding=True)))
)
_FIND_SPEAKER_FIXES = select(
    SpeakerFix.document_id, SpeakerFix.text_start, SpeakerFix.text_end, SpeakerFix.speaker_start,
    SpeakerFix.speaker_end, SpeakerFix.actor_id,
).where(SpeakerFix.document_id.in_(bindparam("document_ids", expanding=True)))
# session.info key: _LAST_ACTOR_IDS when this session last wrote.
_LAST_WRITE_KEY = "claimsdb.store.last_actor_ids"
_DOCUMENT_COLUMNS = (*DOCUMENT_FIELDS, "ingested_at")
# The speaker's country and role as the claim's article gives them, where they differ from
# the actor's (see claimsdb.resolve.actors.claim_capacity), come last.
_CLAIM_COLUMNS = ("document_id", "actor_id", *CLAIM_FIELDS, "speaker_country", "speaker_role")
_QUANTITY_COLUMNS = ("claim_id", *QUANTITY_FIELDS)
# Positions in a claims row (_CLAIM_COLUMNS) of what storing reads back.
_C = {name: index for index, name in enumerate(_CLAIM_COLUMNS)}


@dataclass(frozen=True, slots=True)
class StoreResult:
    """What :func:`store_document` did: ``status`` is "new", "skipped" or "replaced"."""

    status: str
    document_id: int
    claims_added: int


def find_document_ids(connection: Connection | Session, shas: list[str]) -> dict[str, int]:
    """Content hash → id of the stored documents among ``shas``."""
    return dict(connection.execute(_FIND_DOCUMENTS, {"shas": shas}).all())


def find_document_id_by_url(connection: Connection | Session, url: str) -> int | None:
    """The id of a stored document fetched from the web address ``url``, if any."""
    return connection.execute(_FIND_BY_URL, {"url": url}).scalar()


def store_document(
    *,
    session: Session,
    document: records.Document,
    claims: list[ClaimCandidate],
    force: bool = False,
    extractor_version: str | None = None,
) -> StoreResult:
    """Store ``document`` and its ``claims``, then commit; roll back everything on failure.

    A document whose content (SHA-256) is already stored is skipped and nothing changes, so
    ingesting the same files twice adds nothing. With ``force`` its claims are replaced by
    ``claims`` instead, and its metadata by ``document``'s. Speakers are resolved to canonical
    actors. ``extractor_version`` is that of the extractor that found the claims (by default
    :func:`~claimsdb.extract.base.get_extractor`'s). Raises ValueError when a claim's offsets
    do not fit the document's text.
    """
    [result] = store_documents(session=session, analysed=[(document, claims)], force=force,
                               extractor_version=extractor_version)
    return result


def store_documents(
    *,
    session: Session,
    analysed: Sequence[tuple[records.Document, list[ClaimCandidate]]],
    force: bool = False,
    extractor_version: str | None = None,
) -> list[StoreResult]:
    """Store several analysed documents in one transaction, then commit; one result each.

    Each (document, claims) pair is stored as :func:`store_document` stores it, in order, so
    a content seen twice in the batch is stored once, from its first copy; a document keeps
    the path it was first stored under, and other paths of its content are recorded
    (``document_paths``). With ``force``, actors left without claims and never edited by a
    user are removed. All or nothing: on any error (ValueError for a claim whose offsets do
    not fit its text) the whole batch is rolled back.
    """
    try:
        version = extractor_version or get_extractor().version
        prepared = [prepare_document(document, claims, version) for document, claims in analysed]
    except BaseException:
        _roll_back(session)
        raise
    return store_prepared(session=session, prepared=prepared, force=force)


def _roll_back(session: Session) -> None:
    """Undo what the session has not committed. A Ctrl-C (KeyboardInterrupt) can land inside
    ``session.commit()`` after the database has committed, while SQLAlchemy closes the
    transaction: the batch is stored, nothing is left to undo, and rolling back would raise
    InvalidRequestError ("in 'committed' state") in place of the interrupt."""
    from sqlalchemy.exc import InvalidRequestError

    try:
        session.rollback()
    except InvalidRequestError:
        if session.in_transaction() and session.get_transaction().is_active:
            raise


def store_prepared(*, session: Session, prepared: Sequence[PreparedDocument], force: bool = False) -> list[StoreResult]:
    """:func:`store_documents` for documents made ready by :func:`prepare_document`: what is
    left is what needs the database (finding stored content, resolving speakers to actors,
    statement groups, topics) and the inserts."""
    try:
        results = _store(session, prepared, force)
        session.commit()
    except BaseException:
        _roll_back(session)
        raise
    return results


def _store(session: Session, prepared: Sequence[PreparedDocument], force: bool) -> list[StoreResult]:
    """Store a batch in the session's transaction, which holds the write lock from its first
    statement (see claimsdb.db.writing) to its commit: other writers wait for each round trip
    made here, so the ids of every new row are drawn in one (see _store_new_rows)."""
    connection = session.connection()
    shas = list(dict.fromkeys(document.sha256 for document in prepared))
    opening = connection.execute(_OPENING, {"shas": shas}).all()
    last = tuple(opening[0][:5])
    document_ids = {sha256: document_id for *_, sha256, document_id in opening if sha256 is not None}
    _notice_other_writers(session, last)
    ingested_at = datetime.now(UTC).replace(tzinfo=None)

    # Which copy of each content is stored: the first of the batch, new or (with force) replacing.
    statuses: list[str] = []
    stored_copy: dict[str, int] = {}
    for index, document in enumerate(prepared):
        if document.sha256 in stored_copy:
            statuses.append(SKIPPED)
        elif document.sha256 in document_ids:
            statuses.append(REPLACED if force else SKIPPED)
        else:
            statuses.append(NEW)
        if statuses[-1] != SKIPPED:
            stored_copy[document.sha256] = index

    replaced = [i for i in stored_copy.values() if statuses[i] == REPLACED]
    speakers_before: list[int] = []
    replaced_ids: set[int] = set()
    if replaced:
        targets = [document_ids[prepared[i].sha256] for i in replaced]
        replaced_ids.update(targets)
        speakers_before = list(connection.execute(_ACTORS_OF_DOCUMENTS, {"ids": targets}).scalars())
        # Quantities go with their claims (ON DELETE CASCADE). Before the speakers are
        # resolved: a count of the documents an actor is quoted in leaves these out.
        connection.execute(_DELETE_CLAIMS, [{"document_id": target} for target in targets])
        connection.execute(
            _UPDATE_DOCUMENT,
            [
                {f"new_{name}": value for name, value in zip(_DOCUMENT_COLUMNS, (*prepared[i].row, ingested_at))
                 if name in _REPLACED_METADATA}
                | {"document_id": target}
                for i, target in zip(replaced, targets, strict=True)
            ],
        )

    new = [i for i, status in enumerate(statuses) if status == NEW]
    with_claims = [i for i in sorted(stored_copy.values()) if prepared[i].claims]
    written = _store_new_rows(session, connection, prepared, new, with_claims, document_ids, ingested_at,
                              replaced_ids)
    if speakers_before and connection.execute(_DELETE_GHOSTS, {"ids": speakers_before}).rowcount:
        forget_registry(session)  # it still knows the removed actors
    _record_paths(connection, [
        (document_ids[document.sha256], document.path)
        for index, document in enumerate(prepared) if statuses[index] != NEW
    ])
    if replaced:
        # Claims were deleted, perhaps the newest: read what is stored.
        session.info[_LAST_WRITE_KEY] = tuple(connection.execute(_LAST_ACTOR_IDS).one())
    else:
        session.info[_LAST_WRITE_KEY] = _last_after(last, written)

    return [
        StoreResult(
            status,
            document_ids[document.sha256],
            len(document.claims) if stored_copy.get(document.sha256) == index else 0,
        )
        for index, (status, document) in enumerate(zip(statuses, prepared, strict=True))
    ]


def _store_new_rows(
    session: Session,
    connection: Connection,
    prepared: Sequence[PreparedDocument],
    new: list[int],
    with_claims: list[int],
    document_ids: dict[str, int],
    ingested_at: datetime,
    replaced_ids: set[int],
) -> list[list[int]]:
    """Insert the ``new`` documents of ``prepared`` (indexes) and the claims of those
    ``with_claims``, with their speakers' new actors and aliases; adds the new documents'
    ids to ``document_ids``. Returns the ids of the actors, aliases and claims inserted.

    The speakers are resolved first, so that the ids of all four tables' new rows are known
    in number and drawn in one statement. Resolving reads no document, so it may come
    before they are inserted."""
    speakers = [[Speaker(*speaker) for speaker in prepared[i].speakers] for i in with_claims]
    registry, resolved, new_actors, new_aliases = None, [], 0, 0
    if with_claims:
        registry, resolved = resolve_actors_unwritten(session=session, documents=speakers)
        new_actors, new_aliases = registry.unwritten()
    claim_count = sum(len(prepared[i].claims) for i in with_claims)
    document_ids_new, actor_ids, alias_ids, claim_ids = draw_ids(connection, [
        (_DOCUMENTS, len(new)), (_ACTORS, new_actors), (_ALIASES, new_aliases), (_CLAIMS, claim_count),
    ])
    if new:
        insert_tuples_with_ids(connection, _DOCUMENTS, _DOCUMENT_COLUMNS,
                               [(*prepared[i].row, ingested_at) for i in new], document_ids_new)
        document_ids.update((prepared[i].sha256, document_id) for i, document_id in zip(new, document_ids_new, strict=True))
    if registry is not None:
        registry.write(actor_ids, alias_ids)
        _insert_claims(connection, [(document_ids[prepared[i].sha256], prepared[i]) for i in with_claims],
                       speakers, resolved, replaced_ids, claim_ids)
    return [actor_ids, alias_ids, claim_ids]


def _last_after(before: tuple, written: list[list[int]]) -> tuple:
    """_LAST_ACTOR_IDS at the end of a transaction that began with ``before`` and inserted
    the ``written`` actors, aliases and claims (see _store_new_rows), without asking the
    database: it holds the write lock, so no one else added any, and ids only grow. A
    statement less for every batch while other writers wait."""
    actors, aliases, redirects, claims, actors_total = before
    actor_ids, alias_ids, claim_ids = written
    return (max([actors, *actor_ids]), max([aliases, *alias_ids]), redirects, max([claims, *claim_ids]),
            actors_total + len(actor_ids))

def find_document_paths(connection: Connection | Session, document_ids: list[int]) -> dict[int, set[str]]:
    """Every path each of ``document_ids`` is known by: its own and the others recorded."""
    paths: dict[int, set[str]] = {}
    ids = list(dict.fromkeys(document_ids))
    for document_id, path in connection.execute(_KNOWN_PATHS, {"ids": ids, "path_ids": ids}):
        paths.setdefault(document_id, set()).add(path)
    return paths


def record_paths(*, session: Session, paths: list[tuple[int, str]]) -> None:
    """Record each (document id, path) whose path the document is not known by yet, then
    commit: the same content met again under another name."""
    try:
        _record_paths(session.connection(), paths)
        session.commit()
    except BaseException:
        _roll_back(session)
        raise


def _record_paths(connection: Connection, paths: list[tuple[int, str]]) -> None:
    if not paths:
        return
    known = find_document_paths(connection, [document_id for document_id, _ in paths])
    rows = []
    for document_id, path in paths:
        if path not in known.setdefault(document_id, set()):
            known[document_id].add(path)
            rows.append({"document_id": document_id, "path": path})
    if rows:
        insert_rows(connection, _PATHS, rows)


def _notice_other_writers(session: Session, now: tuple) -> None:
    """Bring the session's actor registry up to date if another writer stored claims, actors
    or aliases since this session last wrote, so that two ingests at once do not each create
    the same actor; drop it if a user merged or redirected actors meanwhile. ``now``:
    _LAST_ACTOR_IDS as this transaction reads them.

    Writers take turns (see claimsdb.db.writing), so what this transaction sees now is all
    that any other writer has committed.
    """
    last = session.info.get(_LAST_WRITE_KEY)
    if last is None or now == last:
        return
    actors, aliases, redirects, claims, _ = last
    if now[2] != redirects:
        forget_registry(session)
    else:
        catch_up_registry(session, actors_after=actors, aliases_after=aliases, claims_after=claims,
                          actors_total=now[4])


def _insert_claims(
    connection: Connection,
    documents: list[tuple[int, PreparedDocument]],
    speakers: list[list[Speaker]],
    resolved: list[list],
    replaced_ids: set[int],
    claim_ids: list[int],
) -> None:
    """Insert the claims of several documents, given as (document id, prepared document),
    with the ``claim_ids`` drawn for them; ``speakers`` are each document's, resolved to the
    actors ``resolved``, written. The speakers users gave claims of the ``replaced_ids``
    documents are applied again."""
    rows: list[tuple] = []
    quantities: list[tuple[int, tuple[tuple, ...]]] = []
    for (document_id, document), actors, found_speakers in zip(documents, resolved, speakers, strict=True):
        # Compared with the actors as the whole batch left them: a blank another document of
        # the batch filled is the actor's, not this claim's.
        capacities = [claim_capacity(sp, actor) for sp, actor in zip(found_speakers, actors, strict=True)]
        for speaker, values, found in document.claims:
            rows.append((document_id, actors[speaker].id, *values, *capacities[speaker]))
            if found:
                quantities.append((len(rows) - 1, found))
    if replaced_ids:
        rows = _apply_speaker_fixes(connection, rows, replaced_ids)
    insert_tuples_with_ids(connection, _CLAIMS, _CLAIM_COLUMNS, rows, claim_ids)
    # Writers take turns, so every id in this range is one of the claims just inserted.
    tag_new_claims(connection, min(claim_ids), max(claim_ids))
    actor, document, key, text = _C["actor_id"], _C["document_id"], _C["date_key"], _C["text"]
    group_new_claims(connection, [
        (claim_id, row[actor], row[document], row[key], row[text])
        for claim_id, row in zip(claim_ids, rows, strict=True)
    ])
    if quantities:
        insert_tuples(connection, _QUANTITIES, _QUANTITY_COLUMNS, [
            (claim_ids[row], *quantity) for row, found in quantities for quantity in found
        ])


def _apply_speaker_fixes(connection: Connection, rows: list[tuple], document_ids: set[int]) -> list[tuple]:
    """``rows`` with the claims that `claims reassign` fixed given the speaker the user chose.

    A fix finds its claim by document and content span; claims sharing that span ("X and Y
    said ...") are told apart by their speaker span. A fix whose claim the extractor no longer
    finds is kept, for a later extractor that finds it again.
    """
    fixes = connection.execute(_FIND_SPEAKER_FIXES, {"document_ids": sorted(document_ids)}).all()
    if not fixes:
        return rows
    document, text_start, text_end = _C["document_id"], _C["text_start"], _C["text_end"]
    speaker_start, speaker_end = _C["speaker_start"], _C["speaker_end"]
    by_span: dict[tuple[int, int, int], list[int]] = {}
    for n, row in enumerate(rows):
        if row[document] in document_ids:
            by_span.setdefault((row[document], row[text_start], row[text_end]), []).append(n)
    rows = list(rows)
    for document_id, fix_start, fix_end, fix_speaker_start, fix_speaker_end, actor_id in fixes:
        candidates = by_span.get((document_id, fix_start, fix_end), [])
        if len(candidates) > 1:
            candidates = [n for n in candidates
                          if (rows[n][speaker_start], rows[n][speaker_end]) == (fix_speaker_start, fix_speaker_end)]
        if len(candidates) == 1:
            row = list(rows[candidates[0]])
            row[_C["actor_id"]], row[_C["speaker_edited"]] = actor_id, True
            # What the article said of the speaker it named is not said of the one the user chose.
            row[_C["speaker_country"]] = row[_C["speaker_role"]] = None
            rows[candidates[0]] = tuple(row)
    return rows


