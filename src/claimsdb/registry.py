"""The actor registry as users fix it: merge, rename, set country or role, import and export.

Ingest builds the registry on its own (claimsdb.resolve.actors); these functions let a user
correct it. Every actor they change is marked ``user_edited``, and ingest honours that: it never
changes such an actor's name, type, role or country again, and a later mention under any of
its aliases joins it (even a bare surname that other persons share).

Actors are named by id or by name: a canonical name or alias (case, accents, punctuation and
transliteration ignored), else a person's surname. A name that fits several actors is an
error listing them with their ids, never a guess.

Each function commits its change, or rolls everything back when it fails: a registry file is
applied whole or not at all.
"""

from __future__ import annotations

import csv
import functools
import itertools
import os
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from sqlalchemy import bindparam, delete, func, insert, or_, select, update

from claimsdb.errors import AmbiguousName, BadRegistryFile, InvalidValue, NotFound
from claimsdb.models import Actor, ActorAlias, ActorRedirect, Claim, SpeakerFix
from claimsdb.records import ACTOR_TYPES, BODY_CODES
from claimsdb.resolve.actors import TYPE_GROUPS, forget_registry
from claimsdb.resolve.names import fold_key, name_key

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# Columns of a registry CSV, as `claims actors export` writes them. Import needs only "name";
# "claims" (how many claims the actor has) and any other column are ignored.
REGISTRY_COLUMNS = ("name", "aliases", "type", "role", "country", "claims")

# Aliases in one cell are separated by either; export writes "; ".
ALIAS_SEPARATORS = re.compile(r"[;|]")
ALIAS_JOINER = "; "

# A role or country cell (or set-role / set-country value) that removes the value. An empty
# cell leaves the actor's value as it is.
CLEAR = "-"

# Longest actor name looked up, and largest id (a signed 64-bit integer).
MAX_NAME_CHARS = 4096
MAX_ID = 2**63 - 1

# Candidates named in an "ambiguous name" error.
MAX_LISTED = 8


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """An actor as the registry commands report it."""

    id: int
    name: str
    type: str
    role: str | None
    country: str | None
    claims: int = 0

    def label(self) -> str:
        return f"{self.name} (id {self.id})"


@dataclass(frozen=True, slots=True)
class MergeResult:
    """What :func:`merge_actors` did: ``merged`` is gone, its claims and names now ``into``'s."""

    into: ActorInfo
    merged: ActorInfo
    claims_moved: int
    aliases_moved: int


@dataclass(frozen=True, slots=True)
class EditResult:
    """An actor before and after :func:`rename_actor`, :func:`set_country`, :func:`set_role`
    or :func:`set_type`."""

    before: ActorInfo
    after: ActorInfo


@dataclass(frozen=True, slots=True)
class ReassignResult:
    """What :func:`reassign_claim` did: claim ``claim_id``'s speaker was ``before``, is ``after``."""

    claim_id: int
    before: ActorInfo
    after: ActorInfo


# ImportRow.status values.
CREATED, UPDATED, UNCHANGED, SKIPPED = "created", "updated", "unchanged", "skipped"


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One data row of a registry file: what import did with it, and why when it was skipped."""

    line: int
    name: str
    status: str
    reason: str | None = None
    actor_id: int | None = None


@dataclass(slots=True)
class ImportReport:
    """Every row of a registry file with its status. ``applied`` is False after a dry run, or
    when ``strict`` refused a file with bad rows: the database is then unchanged."""

    rows: list[ImportRow] = field(default_factory=list)
    applied: bool = True

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def skipped(self) -> list[ImportRow]:
        return [row for row in self.rows if row.status == SKIPPED]


# ---------------------------------------------------------------------------------------------
# Finding actors


def find_actor(*, session: Session, reference: str) -> ActorInfo:
    """The actor ``reference`` names: an id, a canonical name or alias, else a person's surname.

    Raises NotFound when nothing fits and AmbiguousName when several actors do.
    """
    text = " ".join(reference.split())
    if len(text) > MAX_NAME_CHARS:
        # A LIKE pattern this long fails in SQLite ("pattern too complex").
        raise InvalidValue(f"an actor's name of {len(text):,} characters is too long (at most {MAX_NAME_CHARS:,})")
    if re.fullmatch(r"#?\d+", text):
        actor_id = int(text.lstrip("#"))
        found = _infos(session, [actor_id]) if actor_id <= MAX_ID else []
        if not found:
            raise NotFound(f"no actor with id {actor_id}")
        return found[0]
    key = name_key(text)
    if not key:
        raise InvalidValue(f"give an actor's name or id, not {reference!r}")
    fold = fold_key(key)
    alias_matches = select(ActorAlias.actor_id).where(ActorAlias.fold_key == fold)
    surname_matches = (
        select(ActorAlias.actor_id)
        .join(Actor, Actor.id == ActorAlias.actor_id)
        .where(Actor.type == "person", ActorAlias.fold_key.endswith(" " + fold, autoescape=True))
    )
    # From the most to the least exact, the first that finds anything decides: "Zelensky" is
    # the actor called that before it is an alias of another, or the end of a third's name.
    for candidates in (
        select(Actor.id).where(Actor.name_key == key),
        alias_matches,
        surname_matches,
    ):
        ids = sorted(set(session.scalars(candidates)))
        if len(ids) == 1:
            return _infos(session, ids)[0]
        if ids:
            raise AmbiguousName(_ambiguity(reference, _infos(session, ids)))
    raise NotFound(f"no actor named {reference!r}; `claims actors` lists them")


def _ambiguity(reference: str, actors: list[ActorInfo]) -> str:
    actors = sorted(actors, key=lambda a: (-a.claims, a.id))
    listed = ", ".join(
        f"{a.name} (id {a.id}, {a.type}, {a.claims} claim{'s' if a.claims != 1 else ''})"
        for a in actors[:MAX_LISTED]
    )
    more = f" and {len(actors) - MAX_LISTED} more" if len(actors) > MAX_LISTED else ""
    return f"{reference!r} could be {len(actors)} actors: {listed}{more}; give the id instead"


def _infos(session: Session, actor_ids: list[int]) -> list[ActorInfo]:
    counts = (
        select(func.count()).select_from(Claim).where(Claim.actor_id == Actor.id).scalar_subquery()
    )
    rows = session.execute(
        select(Actor.id, Actor.name, Actor.type, Actor.role, Actor.country, counts)
        .where(Actor.id.in_(actor_ids))
        .order_by(Actor.id)
    )
    return [ActorInfo(*row) for row in rows]


# ---------------------------------------------------------------------------------------------
# Editing one actor


def merge_actors(*, session: Session, into: str, other: str) -> MergeResult:
    """Merge the actor ``other`` names into the one ``into`` names: its claims and aliases move,
    its name becomes an alias, its country (and its role, if of a like type) fill ``into``'s
    blanks, and it is deleted.

    ``into`` keeps its name and type, and is marked as edited by the user so ingest keeps it
    that way. Later mentions under any of ``other``'s names join ``into`` whatever their type:
    a person merged into an organisation stays merged.
    """
    with _transaction(session):
        target = find_actor(session=session, reference=into)
        source = find_actor(session=session, reference=other)
        if target.id == source.id:
            raise InvalidValue(f"{into!r} and {other!r} are the same actor, {target.label()}")
        known = _alias_keys(session, target.id)
        moving = session.execute(
            select(ActorAlias.id, ActorAlias.alias_key).where(ActorAlias.actor_id == source.id)
        ).all()
        duplicates = [alias_id for alias_id, key in moving if key in known]
        session.execute(delete(ActorAlias).where(ActorAlias.id.in_(duplicates)))
        session.execute(
            update(ActorAlias).where(ActorAlias.actor_id == source.id).values(actor_id=target.id)
        )
        known |= {key for _, key in moving}
        _add_aliases(session, target.id, [source.name], known)
        # Ingest matches names only to actors of a compatible type: without a redirect, the
        # next article quoting a spokesman merged into an organisation would bring him back.
        for table in (ActorRedirect, SpeakerFix):
            session.execute(update(table).where(table.actor_id == source.id).values(actor_id=target.id))
        source_folds = {fold_key(key) for _, key in moving} | {fold_key(name_key(source.name))}
        _redirect(session, target.id, source_folds, source.type)
        claims_moved = session.execute(
            update(Claim).where(Claim.actor_id == source.id).values(actor_id=target.id)
        ).rowcount
        same_kind = TYPE_GROUPS.get(source.type) == TYPE_GROUPS.get(target.type)
        session.execute(delete(Actor).where(Actor.id == source.id))
        session.execute(
            update(Actor)
            .where(Actor.id == target.id)
            # A spokesman's role is not the organisation's.
            .values(role=target.role or (source.role if same_kind else None), country=target.country or source.country,
                    user_edited=True)
        )
        [after] = _infos(session, [target.id])
    return MergeResult(after, source, claims_moved, len(moving) - len(duplicates))


def rename_actor(*, session: Session, actor: str, new_name: str) -> EditResult:
    """Give the actor ``actor`` names the canonical name ``new_name``; its old name stays an
    alias, so searches and later ingests still find it under both.

    Raises InvalidValue when another actor already has that name: merge them instead.
    """
    with _transaction(session):
        before = find_actor(session=session, reference=actor)
        name = _clean(new_name)
        key = name_key(name)
        if not key:
            raise InvalidValue(f"a name needs letters or digits, not {new_name!r}")
        clash = _named(session, key, exclude=before.id)
        if clash:
            raise InvalidValue(
                f"{clash[0].label()} already has the name {name!r}; "
                f"to make them one, run: claims actors merge {clash[0].id} {before.id}"
            )
        _add_aliases(session, before.id, [before.name, name], _alias_keys(session, before.id))
        session.execute(
            update(Actor).where(Actor.id == before.id).values(name=name, name_key=key, user_edited=True)
        )
        [after] = _infos(session, [before.id])
    return EditResult(before, after)


def set_country(*, session: Session, actor: str, country: str) -> EditResult:
    """Set the country of the actor ``actor`` names: an ISO code, a name or a demonym
    ("UA", "Ukraine", "Ukrainian"), EU / UN / NATO / OSCE, or ``-`` to remove it."""
    return _set(session, actor, country=country_value(country))


def set_role(*, session: Session, actor: str, role: str) -> EditResult:
    """Set the role of the actor ``actor`` names ("Foreign Minister"), or ``-`` to remove it."""
    return _set(session, actor, role=role_value(role))


def _set(session: Session, actor: str, **values: Any) -> EditResult:
    """Set columns of the actor ``actor`` names, marking it edited by the user."""
    with _transaction(session):
        before = find_actor(session=session, reference=actor)
        session.execute(update(Actor).where(Actor.id == before.id).values(**values, user_edited=True))
        [after] = _infos(session, [before.id])
    return EditResult(before, after)


def set_type(*, session: Session, actor: str, actor_type: str) -> EditResult:
    """Set the type of the actor ``actor`` names: one of ACTOR_TYPES.

    Later articles that give one of its names with the old type (the extractor taking the
    Kremlin for a country) are attributed to it all the same.
    """
    actor_type = type_value(actor_type)
    with _transaction(session):
        before = find_actor(session=session, reference=actor)
        if before.type != actor_type:
            _redirect(session, before.id, _alias_folds(session, before.id), before.type)
        session.execute(update(Actor).where(Actor.id == before.id).values(type=actor_type, user_edited=True))
        [after] = _infos(session, [before.id])
    return EditResult(before, after)


def type_value(text: str) -> str:
    """An actor type as stored; raises InvalidValue for one not in ACTOR_TYPES."""
    value = _clean(text).lower()
    if value not in ACTOR_TYPES:
        raise InvalidValue(f"unknown type {value!r} (types: {', '.join(ACTOR_TYPES)})")
    return value


def reassign_claim(*, session: Session, claim_id: int, actor: str) -> ReassignResult:
    """Make the actor ``actor`` names the speaker of claim ``claim_id``.

    The fix is kept apart from the claim, keyed by its document and spans, so that
    `claims ingest --force` re-extracting the document applies it again; the claim is marked
    ``speaker_edited``. Raises NotFound for an unknown claim id or actor.
    """
    with _transaction(session):
        claim = session.execute(
            select(Claim.document_id, Claim.text_start, Claim.text_end, Claim.speaker_start, Claim.speaker_end,
                   Claim.actor_id).where(Claim.id == claim_id)
        ).one_or_none()
        if claim is None:
            raise NotFound(f"no claim with id {claim_id}")
        target = find_actor(session=session, reference=actor)
        [before] = _infos(session, [claim.actor_id])
        span = dict(document_id=claim.document_id, text_start=claim.text_start, text_end=claim.text_end,
                    speaker_start=claim.speaker_start, speaker_end=claim.speaker_end)
        session.execute(delete(SpeakerFix).where(*(getattr(SpeakerFix, column) == value for column, value in span.items())))
        session.execute(insert(SpeakerFix).values(**span, actor_id=target.id))
        # The country and role the article gave the speaker it named are not the chosen actor's.
        session.execute(update(Claim).where(Claim.id == claim_id).values(
            actor_id=target.id, speaker_edited=True, speaker_country=None, speaker_role=None))
        [after] = _infos(session, [target.id])
    return ReassignResult(claim_id, before, after)


def country_value(text: str) -> str | None:
    """The code stored for a country given as code, name or demonym; None for ``-``.

    Raises InvalidValue for a country the lexicon does not know.
    """
    text = _clean(text)
    if text == CLEAR:
        return None
    if text.upper() in BODY_CODES:
        return text.upper()
    from claimsdb.resolve.countries import country_code

    code = country_code(text)
    if code is None:
        raise InvalidValue(f"unknown country {text!r}: give an ISO code, a name or a demonym, or {CLEAR} to remove it")
    return code


def role_value(text: str) -> str | None:
    """A role as stored: spaces tidied; None for ``-`` or nothing."""
    text = _clean(text)
    return None if text in ("", CLEAR) else text


# ---------------------------------------------------------------------------------------------
# Registry files


def export_registry(*, connection, output: str | os.PathLike | None = None, stream: TextIO | None = None) -> int:
    """Write every actor as a registry CSV (REGISTRY_COLUMNS), most quoted first, to the file
    ``output`` (replaced only once complete) or ``stream``; returns how many were written.

    `claims actors import` reads the file back: edit it in a spreadsheet and import it.
    """
    from claimsdb.export import atomic_output, csv_cell

    def write(out: TextIO) -> int:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(REGISTRY_COLUMNS)
        count = 0
        for count, row in enumerate(registry_rows(connection=connection), 1):
            writer.writerow([csv_cell(row[column]) for column in REGISTRY_COLUMNS])
        return count

    if output is None or str(output) == "-":
        import sys

        return write(stream or sys.stdout)
    with atomic_output(output) as out:
        return write(out)


def registry_rows(*, connection) -> Iterator[dict[str, Any]]:
    """Every actor as a registry row: name, aliases (other names, joined by "; "), type, role,
    country code, claims. Most quoted first, then by name."""
    counts = select(Claim.actor_id, func.count().label("claims")).group_by(Claim.actor_id).subquery()
    claims = func.coalesce(counts.c.claims, 0)
    actors = connection.execute(
        select(Actor.id, Actor.name, Actor.name_key, Actor.type, Actor.role, Actor.country, claims)
        .outerjoin(counts, counts.c.actor_id == Actor.id)
        .order_by(claims.desc(), Actor.name, Actor.id)
    ).all()
    aliases: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for actor_id, alias, key in connection.execute(
        select(ActorAlias.actor_id, ActorAlias.alias, ActorAlias.alias_key).order_by(ActorAlias.id)
    ):
        aliases[actor_id].append((alias, key))
    for actor_id, name, key, actor_type, role, country, count in actors:
        others = [alias for alias, alias_key in aliases[actor_id] if alias_key != key]
        yield {
            "name": name,
            "aliases": ALIAS_JOINER.join(others),
            "type": actor_type,
            "role": role or "",
            "country": country or "",
            "claims": count,
        }


def import_registry(
    *, session: Session, path: str | os.PathLike, dry_run: bool = False, strict: bool = False
) -> ImportReport:
    """Create or update the actors a registry CSV lists, in one transaction.

    The file needs a header row with a ``name`` column; ``aliases`` (separated by ``;`` or
    ``|``), ``type``, ``role`` and ``country`` are optional, other columns are ignored. A row
    updates the actor its name names (canonical name or alias), else the one its aliases name,
    else creates one (a person unless ``type`` says otherwise). Aliases are added, never
    removed; the row's name becomes the canonical name; an empty role or country cell leaves
    the value as it is and ``-`` removes it. Every actor a row touches is marked as edited.

    A bad row (no name, unknown type or country, a name that fits several actors, an actor
    already given by an earlier row) is skipped with its reason and the others are applied,
    unless ``strict``: then nothing is. ``dry_run`` reports without changing anything. Raises
    BadRegistryFile, changing nothing, when the file cannot be read as a registry CSV.
    """
    records = _read_registry(Path(path))
    report = ImportReport()
    with _transaction(session, commit=False):
        # The whole registry is looked up in memory and the changes written in a few
        # statements at the end: a handful of queries per row made 20,000 rows take minutes.
        registry = _Registry(session)
        done: dict[int, int] = {}
        for line, cells in records:
            report.rows.append(_import_row(registry, line, cells, done))
        report.applied = not dry_run and not (strict and report.skipped)
        if report.applied:
            ids = registry.write()
            report.rows = [replace(row, actor_id=ids.get(row.actor_id, row.actor_id)) for row in report.rows]
            session.commit()
        else:
            session.rollback()
    return report


def _read_registry(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The data rows of a registry file as (line number, {column: cell}), columns lower-cased."""
    try:
        # utf-8-sig: spreadsheets often start a UTF-8 CSV with a byte order mark.
        with path.open(encoding="utf-8-sig", newline="") as f:
            lines = _without_comments(f)
            first = next(lines, None)
            # Tab-separated files (the bundled office-holder table) are read like CSV.
            delimiter = "\t" if first is not None and "\t" in first else ","
            reader = csv.reader(itertools.chain([first] if first is not None else [], lines), delimiter=delimiter)
            header = next(reader, None)
            if header is None:
                raise BadRegistryFile(f"{path} is empty; it needs a header row with a name column")
            columns = [cell.strip().lower() for cell in header]
            if "name" not in columns:
                raise BadRegistryFile(
                    f"{path} has no name column; its first row should be: {','.join(REGISTRY_COLUMNS[:-1])}"
                )
            records = []
            for row in reader:
                if any(cell.strip() for cell in row):
                    cells = {column: cell for column, cell in zip(columns, row, strict=False) if column}
                    records.append((reader.line_num, cells))
            return _one_row_per_person(records) if "from" in columns else records
    except UnicodeDecodeError as e:
        raise BadRegistryFile(f"{path} is not UTF-8 text (byte {e.start}); save it as CSV UTF-8") from None
    except csv.Error as e:
        raise BadRegistryFile(f"{path} is not a readable CSV file: {e}") from None
    except OSError as e:
        raise BadRegistryFile(f"cannot read {path}: {e.strerror or e}") from None


def _without_comments(lines: Iterator[str]) -> Iterator[str]:
    """The lines of a registry file before its header that start with '#' are notes, not rows."""
    in_header_notes = True
    for line in lines:
        if in_header_notes and line.startswith("#"):
            continue
        in_header_notes = False
        yield line


def _one_row_per_person(records: list[tuple[int, dict[str, str]]]) -> list[tuple[int, dict[str, str]]]:
    """Rows of an office-holder table, one per office held, as one row per person: the office
    taken up last gives the role and country, and the aliases of all rows are kept."""
    people: dict[str, tuple[int, dict[str, str]]] = {}
    for line, cells in records:
        key = name_key(cells.get("name", "")) or f"line {line}"
        if key not in people:
            people[key] = (line, dict(cells))
            continue
        first_line, kept = people[key]
        aliases = [a for a in ALIAS_SEPARATORS.split(kept.get("aliases") or "") if a.strip()]
        aliases += [a for a in ALIAS_SEPARATORS.split(cells.get("aliases") or "") if a.strip() and a not in aliases]
        if _year(cells.get("from")) >= _year(kept.get("from")):
            kept = dict(cells)
        kept["aliases"] = "|".join(aliases)
        people[key] = (first_line, kept)
    return list(people.values())


def _year(cell: str | None) -> int:
    return int(cell) if cell and cell.strip().isdigit() else 0


# Keys of the names of an import, each computed once: a row's name and aliases are keyed
# several times, and computing a key costs more than the lookups it serves.
_cached_name_key = functools.lru_cache(maxsize=1 << 16)(name_key)
_cached_fold_key = functools.lru_cache(maxsize=1 << 16)(fold_key)


def _import_row(registry: _Registry, line: int, cells: dict[str, str], done: dict[int, int]) -> ImportRow:
    name = _clean(cells.get("name", ""))

    def skip(reason: str) -> ImportRow:
        return ImportRow(line, name, SKIPPED, reason)

    key = _cached_name_key(name)
    if not key:
        return skip("no name")
    aliases = [alias for alias in map(_clean, ALIAS_SEPARATORS.split(cells.get("aliases") or "")) if _cached_name_key(alias)]
    actor_type = _clean(cells.get("type") or "").lower() or None
    if actor_type is not None and actor_type not in ACTOR_TYPES:
        return skip(f"unknown type {actor_type!r} (types: {', '.join(ACTOR_TYPES)})")
    values: dict[str, Any] = {}
    role_cell, country_cell = _clean(cells.get("role") or ""), _clean(cells.get("country") or "")
    if role_cell:
        values["role"] = role_value(role_cell)
    if country_cell:
        try:
            values["country"] = country_value(country_cell)
        except InvalidValue:
            return skip(f"unknown country {country_cell!r}")

    try:
        existing = registry.match(key, aliases, actor_type)
    except AmbiguousName as e:
        return skip(str(e))
    if existing is None:
        actor_id = registry.create(
            {"name": name, "name_key": key, "type": actor_type or "person", "role": None, "country": None} | values
        )
        registry.add_aliases(actor_id, [name, *aliases])
        done[actor_id] = line
        return ImportRow(line, name, CREATED, actor_id=actor_id)
    if existing.id in done:
        # An actor an earlier row created has no id before the import is written.
        return skip(f"same actor as line {done[existing.id]}, {existing.label() if existing.id > 0 else existing.name}")
    done[existing.id] = line
    values.update(name=name, name_key=key)
    if actor_type is not None:
        values["type"] = actor_type
    current = registry.actors[existing.id]
    if actor_type is not None and actor_type != current["type"] and existing.id > 0:
        # Ingest would otherwise make a new actor of the old type the next time it meets the name.
        folds = {_cached_fold_key(key) for key in registry.alias_keys[existing.id]}
        _redirect(registry.session, existing.id, folds | {_cached_fold_key(current["name_key"])}, current["type"])
    added = registry.add_aliases(existing.id, [existing.name, name, *aliases])
    changed = added or any(current[column] != value for column, value in values.items())
    registry.update(existing.id, values)
    return ImportRow(line, name, UPDATED if changed else UNCHANGED, actor_id=existing.id)


class _Registry:
    """Every actor and alias of the database in memory, for :func:`import_registry`: the
    lookups of :func:`_registry_match` as dictionary lookups, and the changes kept until
    :meth:`write`. New actors get negative ids until then."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.actors: dict[int, dict[str, Any]] = {}
        self.by_name_key: dict[str, set[int]] = defaultdict(set)
        self.by_name_fold: dict[str, set[int]] = defaultdict(set)
        self.by_alias_fold: dict[str, set[int]] = defaultdict(set)
        self.alias_keys: dict[int, set[str]] = defaultdict(set)
        for actor_id, name, key, actor_type, role, country in session.execute(
            select(Actor.id, Actor.name, Actor.name_key, Actor.type, Actor.role, Actor.country)
        ):
            self._index(actor_id, dict(name=name, name_key=key, type=actor_type, role=role, country=country))
        for actor_id, alias_key, alias_fold in session.execute(
            select(ActorAlias.actor_id, ActorAlias.alias_key, ActorAlias.fold_key)
        ):
            self.alias_keys[actor_id].add(alias_key)
            self.by_alias_fold[alias_fold].add(actor_id)
        self.created: list[int] = []
        self.updated: set[int] = set()
        self.new_aliases: list[dict[str, Any]] = []

    def _index(self, actor_id: int, actor: dict[str, Any]) -> None:
        self.actors[actor_id] = actor
        self.by_name_key[actor["name_key"]].add(actor_id)
        self.by_name_fold[_cached_fold_key(actor["name_key"])].add(actor_id)

    def _unindex(self, actor_id: int) -> None:
        actor = self.actors[actor_id]
        self.by_name_key[actor["name_key"]].discard(actor_id)
        self.by_name_fold[_cached_fold_key(actor["name_key"])].discard(actor_id)

    def info(self, actor_id: int, claims: int = 0) -> ActorInfo:
        a = self.actors[actor_id]
        return ActorInfo(actor_id, a["name"], a["type"], a["role"], a["country"], claims)

    def infos(self, actor_ids: set[int], actor_type: str | None, counted: bool = False) -> list[ActorInfo]:
        counts: dict[int, int] = {}
        if counted:  # claim counts are for messages only: asked for when there is one
            stored = [i for i in actor_ids if i > 0]
            counts = {info.id: info.claims for info in _infos(self.session, stored)} if stored else {}
        actors = [self.info(i, counts.get(i, 0)) for i in sorted(actor_ids, key=lambda i: (i < 0, abs(i)))]
        return _of_type(actors, actor_type)

    def named(self, key: str, actor_type: str | None) -> set[int]:
        """Ids of actors whose canonical name has the lookup key of ``key`` (see :func:`_named`)."""
        fold = _cached_fold_key(key)
        return self.by_name_fold.get(fold, set()) & (self.by_alias_fold.get(fold, set()) | self.by_name_key.get(key, set()))

    def with_alias(self, keys: list[str]) -> set[int]:
        return set().union(*(self.by_alias_fold.get(_cached_fold_key(key), set()) for key in keys if key))

    def match(self, key: str, aliases: list[str], actor_type: str | None) -> ActorInfo | None:
        """:func:`_registry_match`, in memory."""
        by_name = self.infos(self.named(key, actor_type), actor_type) or self.infos(self.with_alias([key]), actor_type)
        if len(by_name) == 1:
            return by_name[0]
        if len(by_name) > 1:
            exact = [a for a in by_name if _cached_name_key(a.name) == key]
            if len(exact) == 1:
                return exact[0]
            raise AmbiguousName(_ambiguity(key, self.infos({a.id for a in by_name}, None, counted=True)))
        by_alias = self.infos(self.with_alias([_cached_name_key(alias) for alias in aliases]), actor_type)
        if len(by_alias) > 1:
            raise AmbiguousName(f"its aliases name {len(by_alias)} actors: " + ", ".join(a.label() for a in by_alias))
        return by_alias[0] if by_alias else None

    def create(self, actor: dict[str, Any]) -> int:
        actor_id = -(len(self.created) + 1)
        self._index(actor_id, actor)
        self.created.append(actor_id)
        return actor_id

    def update(self, actor_id: int, values: dict[str, Any]) -> None:
        self._unindex(actor_id)
        self._index(actor_id, {**self.actors[actor_id], **values})
        if actor_id > 0:
            self.updated.add(actor_id)

    def add_aliases(self, actor_id: int, names: list[str]) -> int:
        """Add those of ``names`` the actor is not known by yet as aliases; returns how many."""
        known = self.alias_keys[actor_id]
        added = 0
        for name in names:
            name = _clean(name)
            key = _cached_name_key(name)
            if key and key not in known:
                known.add(key)
                fold = _cached_fold_key(key)
                self.by_alias_fold[fold].add(actor_id)
                self.new_aliases.append(dict(actor_id=actor_id, alias=name, alias_key=key, fold_key=fold))
                added += 1
        return added

    def write(self) -> dict[int, int]:
        """Write the changes, every touched actor marked as edited; returns the ids given to
        the new actors (temporary id → id)."""
        from claimsdb.db import insert_returning_ids

        connection = self.session.connection()
        columns = ("name", "name_key", "type", "role", "country")
        ids: dict[int, int] = {}
        if self.created:
            rows = [dict({c: self.actors[i][c] for c in columns}, user_edited=True) for i in self.created]
            ids = dict(zip(self.created, insert_returning_ids(connection, Actor.__table__, rows), strict=True))
        if self.updated:
            table = Actor.__table__
            statement = (
                update(table).where(table.c.id == bindparam("actor_id"))
                .values({c: bindparam(f"new_{c}") for c in columns} | {"user_edited": True})
            )
            connection.execute(statement, [
                {f"new_{c}": self.actors[i][c] for c in columns} | {"actor_id": i} for i in sorted(self.updated)
            ])
        if self.new_aliases:
            connection.execute(
                insert(ActorAlias), [dict(row, actor_id=ids.get(row["actor_id"], row["actor_id"])) for row in self.new_aliases]
            )
        return ids


def _named(session: Session, key: str, exclude: int | None = None) -> list[ActorInfo]:
    """Actors whose canonical name has the lookup key of ``key`` (spelling variants included)."""
    fold = fold_key(key)
    ids = session.scalars(
        select(Actor.id).distinct().join(ActorAlias, ActorAlias.actor_id == Actor.id)
        .where(or_(ActorAlias.fold_key == fold, Actor.name_key == key))
    )
    return [a for a in _infos(session, list(ids)) if fold_key(name_key(a.name)) == fold and a.id != exclude]


def _of_type(actors: list[ActorInfo], actor_type: str | None) -> list[ActorInfo]:
    """Those of ``actors`` whose type goes with ``actor_type``, if some do (or ``actor_type``
    is None); else all of them, which a row of another type then retypes."""
    if actor_type is None or len(actors) < 2:
        return actors
    group = TYPE_GROUPS.get(actor_type)
    return [a for a in actors if TYPE_GROUPS.get(a.type) == group] or actors


# ---------------------------------------------------------------------------------------------
# Helpers


class _transaction:
    """Roll back on any failure; commit at the end unless ``commit`` is False (the caller
    decides). The session's cached ingest registry is dropped, since actors change under it."""

    def __init__(self, session: Session, commit: bool = True) -> None:
        self.session, self.commit = session, commit

    def __enter__(self) -> None:
        forget_registry(self.session)

    def __exit__(self, error_type, error, traceback) -> None:
        if error_type is not None:
            self.session.rollback()
        elif self.commit:
            self.session.commit()
        forget_registry(self.session)


def _alias_folds(session: Session, actor_id: int) -> set[str]:
    return set(session.scalars(select(ActorAlias.fold_key).where(ActorAlias.actor_id == actor_id)))


def _redirect(session: Session, actor_id: int, folds: set[str], from_type: str) -> None:
    """Send speakers of ``from_type``'s group named by one of ``folds`` to the actor from now
    on; this replaces what earlier redirects said of those names."""
    if not folds:
        return
    group = [t for t in ACTOR_TYPES if TYPE_GROUPS.get(t) == TYPE_GROUPS.get(from_type)]
    session.execute(delete(ActorRedirect).where(ActorRedirect.fold_key.in_(folds), ActorRedirect.type.in_(group)))
    session.execute(insert(ActorRedirect), [dict(fold_key=fold, type=from_type, actor_id=actor_id) for fold in sorted(folds)])


def _alias_keys(session: Session, actor_id: int) -> set[str]:
    return set(session.scalars(select(ActorAlias.alias_key).where(ActorAlias.actor_id == actor_id)))


def _add_aliases(session: Session, actor_id: int, names: list[str], known: set[str]) -> int:
    """Add those of ``names`` whose key is not in ``known`` (updated) as aliases; returns how many."""
    rows = []
    for name in names:
        name = _clean(name)
        key = name_key(name)
        if key and key not in known:
            known.add(key)
            rows.append(dict(actor_id=actor_id, alias=name, alias_key=key, fold_key=fold_key(key)))
    if rows:
        session.execute(insert(ActorAlias), rows)
    return len(rows)


def _clean(text: str) -> str:
    """A cell or argument with spaces tidied and the quote export puts before formula-like text
    removed, so an exported registry imports unchanged."""
    text = " ".join((text or "").split())
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@"):
        text = text[1:]
    return text
