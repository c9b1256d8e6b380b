"""query: filters → claim rows, streamed from the database.

Every function takes ``connection``: an SQLAlchemy Connection (or Session). Rows are plain
dicts, so ``render`` and ``export`` need not know the schema.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, func, literal_column, or_, select, table, text

from claimsdb.errors import BadFilter, NotFound
from claimsdb.models import Actor, ActorAlias, Claim, Document, Quantity
from claimsdb.records import CLAIM_KINDS
from claimsdb.records import Quantity as QuantityRecord
from claimsdb.resolve.actors import lookup_key

# The keys of a claim row, in export order. The first 21 are the documented export columns
# (scorers and users rely on them); the rest add provenance.
CLAIM_COLUMNS = (
    "claim_id",
    "document",
    "document_title",
    "published_on",
    "speaker",
    "speaker_type",
    "speaker_role",
    "country",
    "country_name",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "cue",
    "kind",
    "text",
    "text_start",
    "text_end",
    "stated_on",
    "date_precision",
    "quantities",
    "confidence",
    "via",
    "date_key",
    "cue_start",
    "cue_end",
    "extractor_version",
    "document_id",
    "actor_id",
)

# Country filters that name a body rather than a country; stored as-is in actors.country.
BODY_CODES = ("EU", "UN", "NATO", "OSCE")

# Rows fetched from the database at a time: bounds memory however many claims match.
BATCH_SIZE = 500

_PERIOD = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which claims to return; every field left None matches everything.

    ``actor``: a canonical name, alias or surname (case, accents and transliteration ignored).
    ``country``: ISO code, country name or demonym. ``since``/``until``: ``2025``, ``2025-03``
    or ``2025-03-16``, both inclusive of the whole period. ``text``: words that must all occur
    in the claim. ``kind``: one of CLAIM_KINDS. ``document``: a document id or part of its
    path.
    """

    actor: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    kind: str | None = None
    document: str | None = None
    limit: int | None = None
    min_confidence: float | None = None


def find_claims_rows(*, connection, filters: ClaimFilter) -> Iterator[dict[str, Any]]:
    """Claims matching ``filters`` as dicts with the keys of CLAIM_COLUMNS, in ingest order.

    Streams: rows are fetched BATCH_SIZE at a time. Raises BadFilter for a filter value that
    cannot be understood, before any row is read.
    """
    statement = _claims_statement(filters, _dialect_name(connection))
    return _claim_rows(connection, statement)


def _claim_rows(connection, statement: Select) -> Iterator[dict[str, Any]]:
    country_names = _CountryNames()
    result = connection.execute(statement.execution_options(yield_per=BATCH_SIZE))
    for batch in result.mappings().partitions():
        quantities = _quantities_of(connection, [row["claim_id"] for row in batch])
        for row in batch:
            values = dict(row)
            if values["published_on"] is not None:
                values["published_on"] = values["published_on"].isoformat()
            values["country_name"] = country_names(values["country"])
            values["quantities"] = quantities.get(values["claim_id"], [])
            yield {name: values[name] for name in CLAIM_COLUMNS}


def _claims_statement(filters: ClaimFilter, dialect: str) -> Select:
    statement = (
        select(
            Claim.id.label("claim_id"),
            Document.path.label("document"),
            Document.title.label("document_title"),
            Document.published_on,
            Actor.name.label("speaker"),
            Actor.type.label("speaker_type"),
            Actor.role.label("speaker_role"),
            Actor.country,
            Claim.speaker_mention,
            Claim.speaker_start,
            Claim.speaker_end,
            Claim.cue,
            Claim.kind,
            Claim.text,
            Claim.text_start,
            Claim.text_end,
            Claim.stated_on,
            Claim.date_precision,
            Claim.confidence,
            Claim.via,
            Claim.date_key,
            Claim.cue_start,
            Claim.cue_end,
            Claim.extractor_version,
            Claim.document_id,
            Claim.actor_id,
        )
        .join(Document, Claim.document_id == Document.id)
        .join(Actor, Claim.actor_id == Actor.id)
        .order_by(Claim.id)
    )
    for condition in _conditions(filters, dialect):
        statement = statement.where(condition)
    if filters.limit is not None:
        if filters.limit < 1:
            raise BadFilter(f"--limit must be at least 1, not {filters.limit}")
        statement = statement.limit(filters.limit)
    return statement


def _conditions(filters: ClaimFilter, dialect: str) -> Iterator:
    if filters.actor is not None:
        yield Claim.actor_id.in_(_actor_ids_named(filters.actor))
    if filters.country is not None:
        yield Actor.country == country_filter_code(filters.country)
    first = last = None
    if filters.since is not None:
        first = period_bounds(filters.since, "--since")[0]
        yield Claim.date_key >= first
    if filters.until is not None:
        last = period_bounds(filters.until, "--until")[1]
        yield Claim.date_key <= last
    if first and last and first > last:
        raise BadFilter(f"--since {filters.since} is after --until {filters.until}")
    if filters.text is not None:
        yield _text_condition(filters.text, dialect)
    if filters.kind is not None:
        if filters.kind not in CLAIM_KINDS:
            raise BadFilter(f"--kind must be one of {', '.join(CLAIM_KINDS)}, not {filters.kind!r}")
        yield Claim.kind == filters.kind
    if filters.document is not None:
        by_path = Document.path.contains(filters.document, autoescape=True)
        if filters.document.isdigit():
            yield or_(Document.id == int(filters.document), by_path)
        else:
            yield by_path
    if filters.min_confidence is not None:
        if not 0 <= filters.min_confidence <= 1:
            raise BadFilter(f"--min-confidence must be between 0 and 1, not {filters.min_confidence}")
        yield Claim.confidence >= filters.min_confidence


def _actor_ids_named(name: str) -> Select:
    """Ids of actors that ``name`` names: any alias, or for persons the end of a name."""
    key = lookup_key(name)
    if not key:
        raise BadFilter(f"--actor needs a name, not {name!r}")
    return (
        select(ActorAlias.actor_id)
        .join(Actor, ActorAlias.actor_id == Actor.id)
        .where(
            or_(
                ActorAlias.fold_key == key,
                # "Zelensky" or "von der Leyen" alone find the person.
                and_(Actor.type == "person", ActorAlias.fold_key.endswith(" " + key, autoescape=True)),
            )
        )
    )


def country_filter_code(value: str) -> str:
    """The code stored in actors.country for ``value``: a code, country name or demonym."""
    value = value.strip()
    if value.upper() in BODY_CODES:
        return value.upper()
    try:
        from claimsdb.resolve.countries import country_code
    except ImportError:  # the country table is optional: fall back to plain ISO codes
        if re.fullmatch(r"[A-Za-z]{2}", value):
            return value.upper()
        raise BadFilter(f"--country: give a two-letter ISO code, not {value!r}") from None
    code = country_code(value)
    if code is None:
        raise BadFilter(f"--country: unknown country {value!r}; give a code, name or demonym")
    return code


def period_bounds(value: str, option: str = "date") -> tuple[str, str]:
    """First and last ISO day of ``2025``, ``2025-03`` or ``2025-03-16``.

    Raises BadFilter, naming ``option``, for anything else.
    """
    match = _PERIOD.fullmatch(value.strip())
    try:
        if not match:
            raise ValueError
        year, month, day = (int(part) if part else None for part in match.groups())
        first = date(year, month or 1, day or 1)
        if day is not None:
            last = first
        elif month is not None:
            last = date(year, month, calendar.monthrange(year, month)[1])
        else:
            last = date(year, 12, 31)
    except ValueError:
        raise BadFilter(f"{option}: expected YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}") from None
    return first.isoformat(), last.isoformat()


def search_terms(words: str) -> list[str]:
    """The words of a --text value, ignoring pieces without a letter or digit."""
    terms = [w for w in words.split() if any(c.isalnum() for c in w)]
    if not terms:
        raise BadFilter(f"--text needs at least one word, not {words!r}")
    return terms


def fts_match_expression(words: str) -> str:
    """An FTS5 MATCH expression requiring every word of ``words``, with no query syntax.

    Each word becomes a quoted string, so ``x' OR 1=1 --`` searches for the words "x'", "OR"
    and "1=1" rather than being taken as operators; the expression is a bound parameter.
    """
    return " ".join('"' + term.replace('"', '""') + '"' for term in search_terms(words))


def _text_condition(words: str, dialect: str):
    if dialect == "sqlite":
        matching = (
            select(literal_column("rowid"))
            .select_from(table("claims_fts"))
            .where(text("claims_fts MATCH :fts_query").bindparams(fts_query=fts_match_expression(words)))
        )
        return Claim.id.in_(matching)
    terms = search_terms(words)
    if dialect == "postgresql":
        # Written exactly as the GIN index of migration 0001 so that PostgreSQL uses it.
        english = literal_column("'english'::regconfig")
        return func.to_tsvector(english, Claim.text).op("@@")(func.plainto_tsquery(english, " ".join(terms)))
    return and_(*(Claim.text.icontains(term, autoescape=True) for term in terms))


def _quantities_of(connection, claim_ids: list[int]) -> dict[int, list[dict]]:
    rows = connection.execute(
        select(Quantity.claim_id, Quantity.value, Quantity.max, Quantity.unit, Quantity.text,
               Quantity.start, Quantity.end)
        .where(Quantity.claim_id.in_(claim_ids))
        .order_by(Quantity.claim_id, Quantity.start)
    )
    by_claim: dict[int, list[dict]] = defaultdict(list)
    for claim_id, *values in rows:
        by_claim[claim_id].append(QuantityRecord(*values).as_json())
    return by_claim


class _CountryNames:
    """country code → English name, via claimsdb.resolve.countries when it is installed.

    The module is imported at the first code looked up, not before: loading its tables costs
    more than a small query.
    """

    def __init__(self) -> None:
        self._names: dict[str, str | None] = {}

    def __call__(self, code: str | None) -> str | None:
        if code is None:
            return None
        if code not in self._names:
            try:
                from claimsdb.resolve.countries import country_name
            except ImportError:
                self._names[code] = None
            else:
                self._names[code] = country_name(code)
        return self._names[code]


def _dialect_name(connection) -> str:
    dialect = getattr(connection, "dialect", None) or connection.get_bind().dialect
    return dialect.name


def actors_summary(*, connection, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Actors that have claims, most quoted first: id, name, type, role, country,
    country_name, claims (count) and aliases (other names they were seen under)."""
    counts = (
        select(Claim.actor_id, func.count().label("claims")).group_by(Claim.actor_id).subquery()
    )
    statement = (
        select(Actor.id, Actor.name, Actor.type, Actor.role, Actor.country, counts.c.claims)
        .join(counts, counts.c.actor_id == Actor.id)
        .order_by(counts.c.claims.desc(), Actor.name)
    )
    if limit is not None:
        statement = statement.limit(limit)
    country_names = _CountryNames()
    result = connection.execute(statement.execution_options(yield_per=BATCH_SIZE))
    for batch in result.mappings().partitions():
        aliases: dict[int, list[str]] = defaultdict(list)
        alias_rows = connection.execute(
            select(ActorAlias.actor_id, ActorAlias.alias)
            .where(ActorAlias.actor_id.in_([row["id"] for row in batch]))
            .order_by(ActorAlias.id)
        )
        for actor_id, alias in alias_rows:
            aliases[actor_id].append(alias)
        for row in batch:
            yield {
                **row,
                "country_name": country_names(row["country"]),
                "aliases": [a for a in aliases[row["id"]] if a != row["name"]],
            }


def claim_detail(*, connection, claim_id: int) -> dict[str, Any]:
    """One claim's row with its document's full text and provenance; NotFound if no such id.

    Adds to the CLAIM_COLUMNS keys: document_text, outlet, published_method, ingested_at.
    """
    statement = _claims_statement(ClaimFilter(), _dialect_name(connection)).where(Claim.id == claim_id)
    row = next(_claim_rows(connection, statement), None)
    if row is None:
        raise NotFound(f"no claim with id {claim_id}")
    document = connection.execute(
        select(Document.text, Document.outlet, Document.published_method, Document.ingested_at)
        .where(Document.id == row["document_id"])
    ).one()
    return {
        **row,
        "document_text": document.text,
        "outlet": document.outlet,
        "published_method": document.published_method,
        "ingested_at": document.ingested_at,
    }


@dataclass(slots=True)
class DatabaseStats:
    """Counts describing what a database holds."""

    documents: int
    claims: int
    actors: int
    claims_by_kind: dict[str, int]
    actors_by_type: dict[str, int]
    # The most quoted actors, as actors_summary rows.
    top_speakers: list[dict[str, Any]] = field(default_factory=list)
    # Earliest and latest claim date (date_key), None when no claim has a date.
    first_date: str | None = None
    last_date: str | None = None
    documents_without_claims: int = 0


def stats(*, connection, top: int = 10) -> DatabaseStats:
    """Documents, claims by kind, actors by type, the ``top`` speakers and the date range."""
    def scalar(statement) -> Any:
        return connection.execute(statement).scalar()

    quoted_actors = select(Claim.actor_id).distinct().subquery()
    by_type = connection.execute(
        select(Actor.type, func.count())
        .join(quoted_actors, quoted_actors.c.actor_id == Actor.id)
        .group_by(Actor.type)
        .order_by(func.count().desc())
    )
    by_kind = connection.execute(
        select(Claim.kind, func.count()).group_by(Claim.kind).order_by(func.count().desc())
    )
    first, last = connection.execute(select(func.min(Claim.date_key), func.max(Claim.date_key))).one()
    return DatabaseStats(
        documents=scalar(select(func.count()).select_from(Document)),
        claims=scalar(select(func.count()).select_from(Claim)),
        actors=scalar(select(func.count()).select_from(quoted_actors)),
        claims_by_kind=dict(by_kind.all()),
        actors_by_type=dict(by_type.all()),
        top_speakers=list(actors_summary(connection=connection, limit=top)),
        first_date=first,
        last_date=last,
        documents_without_claims=scalar(
            select(func.count()).select_from(Document).where(
                ~select(Claim.id).where(Claim.document_id == Document.id).exists()
            )
        ),
    )
