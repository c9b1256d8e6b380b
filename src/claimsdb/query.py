"""query: filters → claim rows, streamed from the database.

Every function takes ``connection``: a ``sqlite3.Connection`` (what the CLI's read commands get
from :func:`claimsdb.db.open_reader`) or an SQLAlchemy Connection or Session on any supported
database. Queries are SQL text with named parameters, run on whichever they are given: the
read commands then never import SQLAlchemy, whose import alone takes longer than a query on a
million claims. Rows are plain dicts, so ``render`` and ``export`` need not know the schema.
"""

from __future__ import annotations

import calendar
import functools
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from claimsdb.errors import BadFilter, NotFound
from claimsdb.records import BODY_CODES, CLAIM_KINDS, MODALITIES, POLARITIES
from claimsdb.records import Quantity as QuantityRecord
from claimsdb.resolve.names import lookup_key

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
    "outlet",
    "date_source",
    "speaker_edited",
    "rule",
    "polarity",
    "modality",
    "statement_group",
    "reports",
    "target",
    "target_start",
    "target_end",
)

# --sort values and the ORDER BY each means; claim ids break ties, so the order is stable.
# Claims without a date come last either way.
SORT_ORDERS = {
    "date": "(c.date_key IS NULL), c.date_key, c.id",
    "-date": "(c.date_key IS NULL), c.date_key DESC, c.id",
    "confidence": "c.confidence DESC, c.id",
    "speaker": "lower(a.name), a.id, (c.date_key IS NULL), c.date_key, c.id",
}

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
    path. ``outlet``: the outlet given to ``claims ingest --outlet`` (case ignored).
    ``sort``: a key of SORT_ORDERS; None keeps ingest order.
    ``polarity``: one of POLARITIES; ``modality``: one of MODALITIES. ``topic``: the name of a
    topic made with ``claims topics add``. ``with_numbers``: only claims with a quantity.
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
    outlet: str | None = None
    sort: str | None = None
    polarity: str | None = None
    modality: str | None = None
    topic: str | None = None
    with_numbers: bool = False


def find_claims_rows(*, connection, filters: ClaimFilter) -> Iterator[dict[str, Any]]:
    """Claims matching ``filters`` as dicts with the keys of CLAIM_COLUMNS, in ingest order
    unless ``filters.sort`` says otherwise.

    Streams: rows are fetched BATCH_SIZE at a time. Raises BadFilter for a filter value that
    cannot be understood, before any row is read.
    """
    values = find_claims_values(connection=connection, filters=filters)
    return (dict(zip(CLAIM_COLUMNS, row)) for row in values)


def find_claims_values(*, connection, filters: ClaimFilter) -> Iterator[list[Any]]:
    """:func:`find_claims_rows` with each row as a list of values in CLAIM_COLUMNS order:
    what a CSV export of a million claims needs, without building a dict per row."""
    reader = _Reader(connection)
    where, params = _conditions(filters, reader.dialect)
    if filters.topic is not None:
        check_topic(reader, filters.topic)
    if filters.limit is not None:
        if filters.limit < 1:
            raise BadFilter(f"--limit must be at least 1, not {filters.limit}")
        params["limit"] = filters.limit
    if filters.sort is not None and filters.sort not in SORT_ORDERS:
        raise BadFilter(f"--sort must be one of {', '.join(SORT_ORDERS)}, not {filters.sort!r}")
    order = SORT_ORDERS[filters.sort] if filters.sort else "c.id"
    limited = filters.limit is not None
    if limited and order == "c.id" and where == [_SQLITE_TEXT_CONDITION]:
        # Words alone, in ingest order: the full-text index lists its matches in id order
        # already, so it hands over the first ids itself and stops there, instead of
        # listing every match for the claims table to sort.
        where, limited = [_SQLITE_FIRST_TEXT_MATCHES], False
    return _claim_values(reader, where, params, limited=limited, order=order)


def matching_claims(*, connection, filters: ClaimFilter) -> tuple[_Reader, str, dict[str, Any]]:
    """For queries that summarise claims (claimsdb.positions): a reader on ``connection``, the
    ``FROM ... WHERE ...`` of the claims ``filters`` select (aliases c and a for claims and
    actors; d for documents when a filter needs it) and its parameters. Raises BadFilter as find_claims_values does."""
    reader = _Reader(connection)
    where, params = _conditions(filters, reader.dialect)
    if filters.topic is not None:
        check_topic(reader, filters.topic)
    condition = " AND ".join(where)
    # Documents are joined only when a condition needs them: on a million claims the join
    # costs more than the rest.
    joins = "".join(join for alias, join in _JOINS if alias == "a" or re.search(rf"\b{alias}\.", condition))
    return reader, f" FROM claims c{joins}" + (f" WHERE {condition}" if condition else ""), params


# The SQL expression of each claim row column not named c.<column>; NULL for those filled in
# afterwards.
_CLAIM_EXPRESSIONS = {
    "claim_id": "c.id",
    "document": "d.path",
    "document_title": "d.title",
    "published_on": "d.published_on",
    "speaker": "a.name",
    "speaker_type": "a.type",
    # The claim's own (its article's), where it differs from the actor's: see models.Claim.
    "speaker_role": "COALESCE(c.speaker_role, a.role)",
    "country": "COALESCE(c.speaker_country, a.country)",
    "country_name": "NULL",
    "quantities": "NULL",
    "outlet": "d.outlet",
    # Which date date_key holds: see claimsdb.store.date_key.
    "date_source": (
        "CASE WHEN c.date_key IS NULL THEN NULL"
        " WHEN c.stated_on IS NOT NULL AND c.stated_on NOT LIKE 'X%' THEN 'statement'"
        " ELSE 'publication' END"
    ),
    # A claim reported once has no group of its own (NULL): its group is its id.
    "statement_group": "COALESCE(c.statement_group, c.id)",
    "reports": (
        "CASE WHEN c.statement_group IS NULL THEN 1 ELSE (SELECT count(DISTINCT g.document_id)"
        " FROM claims g WHERE g.statement_group = c.statement_group) END"
    ),
}
_FROM = " FROM claims c JOIN documents d ON d.id = c.document_id JOIN actors a ON a.id = c.actor_id"
_CLAIMS_FROM = "SELECT " + ", ".join(_CLAIM_EXPRESSIONS.get(name, f"c.{name}") for name in CLAIM_COLUMNS) + _FROM


_CLAIM_ID, _PUBLISHED_ON, _COUNTRY, _COUNTRY_NAME, _QUANTITIES, _SPEAKER_EDITED = (
    CLAIM_COLUMNS.index(name)
    for name in ("claim_id", "published_on", "country", "country_name", "quantities", "speaker_edited")
)


def _claim_values(
    reader: _Reader, where: list[str], params: dict, limited: bool = False, order: str = "c.id"
) -> Iterator[list[Any]]:
    condition = " AND ".join(where)
    if limited:
        # The first ids are found from the indexes alone and only then are their rows read:
        # `--country UA --limit 50` on a million claims sorts tens of thousands of ids, not
        # tens of thousands of joined rows.
        joins = "".join(join for alias, join in _JOINS if re.search(rf"\b{alias}\.", condition + " " + order))
        condition = (
            f"c.id IN (SELECT c.id FROM claims c{joins}"
            f"{' WHERE ' + condition if condition else ''} ORDER BY {order} LIMIT :limit)"
        )
    sql = _CLAIMS_FROM + (f" WHERE {condition}" if condition else "") + f" ORDER BY {order}"
    country_names = _CountryNames()
    # SQLite hands dates back as the ISO text they are stored as; other databases as dates.
    dates_are_text = reader.dialect == "sqlite"
    for batch in reader.batches(sql, params):
        quantities = _quantities_of(reader, [row[_CLAIM_ID] for row in batch])
        for row in batch:
            # Selected in CLAIM_COLUMNS order, with NULL where a value is filled in here.
            values = list(row)
            if not dates_are_text:
                values[_PUBLISHED_ON] = _iso_day(values[_PUBLISHED_ON])
            values[_COUNTRY_NAME] = country_names[values[_COUNTRY]]
            values[_QUANTITIES] = quantities.get(values[_CLAIM_ID]) or []
            # SQLite has no boolean type and hands back 0 or 1.
            values[_SPEAKER_EDITED] = bool(values[_SPEAKER_EDITED])
            yield values


# The joins a condition on documents (d) or actors (a) needs.
_JOINS = (("d", " JOIN documents d ON d.id = c.document_id"), ("a", " JOIN actors a ON a.id = c.actor_id"))


# Longest filter value accepted. Far longer than any name, path or phrase, and short enough
# that a LIKE pattern built from it stays under SQLite's limit (50,000 bytes), which would
# otherwise fail as "pattern too complex".
MAX_FILTER_CHARS = 4096
# Largest id a database stores (a signed 64-bit integer); a larger number names no row.
MAX_ID = 2**63 - 1


def _conditions(filters: ClaimFilter, dialect: str) -> tuple[list[str], dict[str, Any]]:
    """SQL conditions on the claims query (aliases c, d, a) and their parameters."""
    where: list[str] = []
    params: dict[str, Any] = {}
    for option in ("actor", "country", "text", "document", "outlet"):
        value = getattr(filters, option)
        if value is not None and len(value) > MAX_FILTER_CHARS:
            raise BadFilter(f"--{option} is {len(value):,} characters long; at most {MAX_FILTER_CHARS:,} are taken")
    if filters.actor is not None:
        condition, actor_params = actor_condition(filters.actor)
        where.append(f"c.actor_id IN ({condition})")
        params.update(actor_params)
    if filters.country is not None:
        # The claim's country when its article gave one other than the actor's, else the
        # actor's. Both terms are on claims alone, each with an index (claims of the country's
        # actors; the few claims with a country of their own), and no actor is joined. The
        # claims with a country of their own are left out of the first by id, not by testing
        # speaker_country: that would read every matching row of the table, not just the index
        # (at 4.45 M claims, `--country UA --limit 50` 1.2 s CPU instead of 0.2 s).
        where.append(
            "(c.actor_id IN (SELECT id FROM actors WHERE country = :country)"
            " AND c.id NOT IN (SELECT id FROM claims WHERE speaker_country IS NOT NULL)"
            " OR c.speaker_country = :country)"
        )
        params["country"] = country_filter_code(filters.country)
    first = last = None
    if filters.since is not None:
        first = period_bounds(filters.since, "--since")[0]
        where.append("c.date_key >= :since")
        params["since"] = first
    if filters.until is not None:
        last = period_bounds(filters.until, "--until")[1]
        where.append("c.date_key <= :until")
        params["until"] = last
    if first and last and first > last:
        raise BadFilter(f"--since {filters.since} is after --until {filters.until}")
    if filters.text is not None:
        condition, text_params = _text_condition(filters.text, dialect)
        where.append(condition)
        params.update(text_params)
    if filters.kind is not None:
        if filters.kind not in CLAIM_KINDS:
            raise BadFilter(f"--kind must be one of {', '.join(CLAIM_KINDS)}, not {filters.kind!r}")
        where.append("c.kind = :kind")
        params["kind"] = filters.kind
    if filters.document is not None:
        # The path a document keeps, or another its content was ingested from.
        by_path = (
            "(d.path LIKE :document_path ESCAPE '/' OR d.id IN"
            " (SELECT document_id FROM document_paths WHERE path LIKE :document_path ESCAPE '/'))"
        )
        params["document_path"] = "%" + _like_escape(filters.document) + "%"
        if is_id(filters.document):
            where.append(f"(d.id = :document_id OR {by_path})")
            params["document_id"] = int(filters.document)
        else:
            where.append(by_path)
    if filters.outlet is not None:
        if not filters.outlet.strip():
            raise BadFilter("--outlet needs a name, as given to claims ingest --outlet")
        where.append("LOWER(d.outlet) = :outlet")
        params["outlet"] = filters.outlet.strip().lower()
    for name, allowed in (("polarity", POLARITIES), ("modality", MODALITIES)):
        value = getattr(filters, name)
        if value is not None:
            if value not in allowed:
                raise BadFilter(f"--{name} must be one of {', '.join(allowed)}, not {value!r}")
            where.append(f"c.{name} = :{name}")
            params[name] = value
    if filters.topic is not None:
        # The topic's id is looked up in the same statement: an unknown name is found out
        # by find_claims_values before any row is read.
        where.append(
            "c.id IN (SELECT t.claim_id FROM claim_topics t JOIN topics p ON p.id = t.topic_id"
            " WHERE lower(p.name) = :topic)"
        )
        params["topic"] = filters.topic.strip().lower()
    if filters.with_numbers:
        where.append("EXISTS (SELECT 1 FROM quantities q WHERE q.claim_id = c.id)")
    if filters.min_confidence is not None:
        if not 0 <= filters.min_confidence <= 1:
            raise BadFilter(f"--min-confidence must be between 0 and 1, not {filters.min_confidence}")
        where.append("c.confidence >= :min_confidence")
        params["min_confidence"] = filters.min_confidence
    return where, params


def is_id(value: str) -> bool:
    """Whether ``value`` can be a row id: ASCII digits ("²" is a digit to Python, not to int)
    within the range a database stores."""
    return value.isascii() and value.isdigit() and int(value) <= MAX_ID


def check_topic(reader: _Reader, name: str) -> None:
    """Raise BadFilter unless a topic ``name`` exists (case ignored)."""
    if reader.scalar("SELECT count(*) FROM topics WHERE lower(name) = :name", {"name": name.strip().lower()}) == 0:
        raise BadFilter(f"--topic: no topic named {name!r}; `claims topics list` shows them, `claims topics add` makes one")


def actor_condition(value: str) -> tuple[str, dict[str, Any]]:
    """The ids of the actors ``--actor value`` means, as a SELECT (alias n for actor_aliases, p
    for actors), and its parameters; BadFilter for a value with no letters or digits.

    Any alias, or for persons the end of a name ("Zelensky" or "von der Leyen" alone find the
    person), case, accents and transliteration ignored; also the name without the titles an
    article puts before it ("President Volodymyr Zelensky", "Mr Blair": titles that are part
    of a name, "Lord Browne", stay); and the speakers an article names only by a description,
    stored under it and the article ("Tories (story_048)"), by that description."""
    keys = actor_keys(value)
    if not keys:
        raise BadFilter(f"--actor needs a name, not {value!r}")
    params: dict[str, Any] = {}
    alternatives = []
    for n, key in enumerate(keys):
        params[f"actor_key{n}"], params[f"actor_suffix{n}"] = key, "% " + _like_escape(key)
        alternatives.append(f"n.fold_key = :actor_key{n}")
        alternatives.append(f"(p.type = 'person' AND n.fold_key LIKE :actor_suffix{n} ESCAPE '/')")
    described = " ".join(value.replace("’", "'").split()).lower()
    params["actor_scoped"] = _like_escape(described.removeprefix("the ")) + " (%)"
    alternatives.append("replace(lower(p.name), '’', '''') LIKE :actor_scoped ESCAPE '/'")
    return (
        "SELECT n.actor_id FROM actor_aliases n JOIN actors p ON p.id = n.actor_id WHERE "
        + " OR ".join(alternatives)
    ), params


def actor_exists(*, connection, name: str) -> bool:
    """Whether any actor, quoted or not, answers to ``--actor name``."""
    condition, params = actor_condition(name)
    return next(iter(_Reader(connection).rows(f"{condition} LIMIT 1", params)), None) is not None


# How many quoted speakers' names are compared with a name nobody answers to.
_SIMILAR_CANDIDATES = 5000


def similar_actor_names(*, connection, name: str, n: int = 3) -> list[str]:
    """Up to ``n`` names of quoted speakers spelt most like ``name`` ("Zelenksy" → "Volodymyr
    Zelensky"): those sharing the first three letters of one of its words, compared by
    difflib's ratio on each word, the most quoted first among equals."""
    import difflib

    words = [w for w in lookup_key(name).split() if len(w) >= 3]
    if not words:
        return []
    reader = _Reader(connection)
    starts = " OR ".join(f"name_key LIKE :start{i} ESCAPE '/'" for i in range(len(words)))
    params: dict[str, Any] = {f"start{i}": "%" + _like_escape(w[:3]) + "%" for i, w in enumerate(words)}
    rows = list(reader.rows(
        f"SELECT name, name_key, claims FROM actors WHERE claims > 0 AND ({starts})"
        f" ORDER BY claims DESC LIMIT {_SIMILAR_CANDIDATES}", params))
    scored = []
    for actor_name, key, claims in rows:
        best = max((difflib.SequenceMatcher(None, w, k).ratio() for w in words for k in (key or "").split()), default=0)
        if best >= 0.75:
            scored.append((-best, -claims, actor_name))
    return [actor_name for _, _, actor_name in sorted(scored)[:n]]


def actor_keys(value: str) -> list[str]:
    """The lookup keys ``--actor value`` tries: the name as given and, when it starts with
    title words, the name after them. Empty when ``value`` has no letters or digits."""
    key = lookup_key(value)
    if not key:
        return []
    words = key.split()
    titles = _strippable_titles()
    first = 0
    while first < len(words) - 1 and words[first] in titles:
        first += 1
    return [key, " ".join(words[first:])] if first else [key]


@functools.cache
def _strippable_titles() -> frozenset[str]:
    """Title words (``data/titles.txt``) that come before a name without being part of it:
    not the peerages and knighthoods of ``data/name_titles.txt`` ("Lord Browne" is not Des
    Browne), nor "sir" and "dame"."""
    # The lists themselves, not claimsdb.extract.lexicon: importing the extractor would take
    # longer than the query.
    from claimsdb.data import data_lines

    kept = {word.lower() for line in data_lines("name_titles.txt") for word in line.split()} | {"sir", "dame"}
    titles = {line.strip().lower() for line in data_lines("titles.txt")}
    return frozenset(lookup_key(word) for word in titles if word.isalpha() and word not in kept)


def _like_escape(value: str) -> str:
    """``value`` matched literally inside a LIKE pattern with ESCAPE '/'."""
    return value.replace("/", "//").replace("%", "/%").replace("_", "/_")


def country_filter_code(value: str) -> str:
    """The code stored in actors.country for ``value``: a code, country name or demonym."""
    value = value.strip()
    if value.upper() in BODY_CODES:
        return value.upper()
    try:
        from claimsdb.resolve.countries import country_code, demonym_code
    except ImportError:  # the country table is optional: fall back to plain ISO codes
        if re.fullmatch(r"[A-Za-z]{2}", value):
            return value.upper()
        raise BadFilter(f"--country: give a two-letter ISO code, not {value!r}") from None
    # A region's people name its country too: "Scottish" and "Welsh" speakers are GB's.
    code = country_code(value) or demonym_code(value)
    if code is None:
        raise BadFilter(f"--country: unknown country {value!r}; give a code, name or demonym")
    return code


def period_bounds(value: str, option: str = "date") -> tuple[str, str]:
    """First and last ISO day of ``2025``, ``2025-03`` or ``2025-03-16``.

    Raises BadFilter, naming ``option``, for anything else.
    """
    match = _PERIOD.fullmatch(value.strip())
    if not match:
        raise BadFilter(f"{option}: expected YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    year, month, day = (int(part) if part else None for part in match.groups())
    problem = calendar_problem(year, month, day)
    if problem:
        raise BadFilter(f"{option}: {value!r} is no date: {problem}")
    first = date(year, month or 1, day or 1)
    if day is not None:
        last = first
    elif month is not None:
        last = date(year, month, calendar.monthrange(year, month)[1])
    else:
        last = date(year, 12, 31)
    return first.isoformat(), last.isoformat()


def calendar_problem(year: int, month: int | None, day: int | None) -> str | None:
    """What is wrong with a year, month and day that look like a date but are none
    ("there is no month 13", "February 2025 has 28 days"), or None."""
    if year < 1:
        return "there is no year 0"
    if month is not None and not 1 <= month <= 12:
        return f"there is no month {month}"
    if month is not None and day is not None:
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            return f"{calendar.month_name[month]} {year} has {days} days"
    return None


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


_SQLITE_TEXT_CONDITION = "c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH :fts_query)"
# The first :limit of them: every row of claims_fts is a claim (the triggers of migration
# 0001 keep them in step), so no claim is missed by not checking the claims table first.
_SQLITE_FIRST_TEXT_MATCHES = (
    "c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH :fts_query ORDER BY rowid LIMIT :limit)"
)


def _text_condition(words: str, dialect: str) -> tuple[str, dict[str, Any]]:
    if dialect == "sqlite":
        return _SQLITE_TEXT_CONDITION, {"fts_query": fts_match_expression(words)}
    terms = search_terms(words)
    if dialect == "postgresql":
        # Written exactly as the GIN index of migration 0001 so that PostgreSQL uses it.
        # plainto_tsquery takes the words as plain text: no query syntax gets through.
        return (
            "to_tsvector('english'::regconfig, c.text) @@ plainto_tsquery('english'::regconfig, :fts_query)",
            {"fts_query": " ".join(terms)},
        )
    conditions = [f"lower(c.text) LIKE lower(:term_{n}) ESCAPE '/'" for n in range(len(terms))]
    return " AND ".join(conditions), {f"term_{n}": f"%{_like_escape(t)}%" for n, t in enumerate(terms)}


def _quantities_of(reader: _Reader, claim_ids: list[int]) -> dict[int, list[dict]]:
    by_claim: dict[int, list[dict]] = defaultdict(list)
    if not claim_ids:
        return by_claim
    select = 'SELECT claim_id, value, max, unit, text, start, "end" FROM quantities'
    first, last = min(claim_ids), max(claim_ids)
    wanted = None
    if last - first < 2 * len(claim_ids):
        # Mostly consecutive ids (an export): a range of the index, ten times cheaper than
        # an IN list of hundreds of parameters.
        rows = reader.rows(f"{select} WHERE claim_id BETWEEN :first AND :last ORDER BY claim_id, start",
                           {"first": first, "last": last})
        wanted = set(claim_ids)
    else:
        placeholders = ", ".join(f":id_{n}" for n in range(len(claim_ids)))
        rows = reader.rows(
            f"{select} WHERE claim_id IN ({placeholders}) ORDER BY claim_id, start",
            {f"id_{n}": claim_id for n, claim_id in enumerate(claim_ids)},
        )
    for claim_id, *values in rows:
        if wanted is None or claim_id in wanted:
            by_claim[claim_id].append(QuantityRecord(*values).as_json())
    return by_claim


class _CountryNames(dict):
    """country code → English name (``names[code]``, None for None), via
    claimsdb.resolve.countries when it is installed.

    The module is imported at the first code looked up, not before: loading its tables costs
    more than a small query. A dict, so that a name already looked up costs no Python call: an
    export looks one up per claim.
    """

    def __init__(self) -> None:
        super().__init__({None: None})

    def __missing__(self, code: str) -> str | None:
        try:
            from claimsdb.resolve.countries import country_name
        except ImportError:
            name = None
        else:
            name = country_name(code)
        self[code] = name
        return name

    def __call__(self, code: str | None) -> str | None:
        return self[code]


class _Reader:
    """Runs SQL text with named parameters on a sqlite3 connection or an SQLAlchemy
    Connection or Session, rows as tuples."""

    def __init__(self, connection) -> None:
        self.connection = connection
        if isinstance(connection, sqlite3.Connection):
            self.dialect = "sqlite"
            self._text = None
        else:
            from sqlalchemy import text

            self._text = text
            dialect = getattr(connection, "dialect", None) or connection.get_bind().dialect
            self.dialect = dialect.name

    def rows(self, sql: str, params: dict | None = None):
        """All rows of ``sql``: an iterable of tuples."""
        if self._text is None:
            return self.connection.execute(sql, params or {})
        return self.connection.execute(self._text(sql), params or {})

    def batches(self, sql: str, params: dict | None = None) -> Iterator[list[tuple]]:
        """The rows of ``sql`` in lists of at most BATCH_SIZE, fetched as they are needed (a
        server-side cursor on PostgreSQL), so memory stays bounded however many match."""
        if self._text is None:
            cursor = self.connection.execute(sql, params or {})
            while batch := cursor.fetchmany(BATCH_SIZE):
                yield batch
            return
        statement = self._text(sql).execution_options(yield_per=BATCH_SIZE)
        for batch in self.connection.execute(statement, params or {}).partitions():
            yield batch

    def scalar(self, sql: str, params: dict | None = None) -> Any:
        row = next(iter(self.rows(sql, params)), None)
        return None if row is None else row[0]


def _iso_day(value: date | str | None) -> str | None:
    # SQLite hands dates back as the ISO text they are stored as; other databases as dates.
    return value.isoformat() if isinstance(value, date) else value


def _timestamp(value: datetime | str | None) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


# Actors with claims and how many: actors.claims is kept by triggers on claims (migration
# 0008), so neither `claims actors` nor `claims stats` reads a claim.
_QUOTED_ACTORS = "SELECT id, name, type, role, country, claims FROM actors WHERE claims > 0"


def actors_summary(*, connection, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Actors that have claims, most quoted first: id, name, type, role, country,
    country_name, claims (count) and aliases (other names they were seen under)."""
    reader = _Reader(connection)
    sql = f"{_QUOTED_ACTORS} ORDER BY claims DESC, name"
    params = {}
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = limit
    country_names = _CountryNames()
    for batch in reader.batches(sql, params):
        yield from _actor_rows(reader, batch, country_names)


def _actor_rows(reader: _Reader, batch: list[tuple], country_names: _CountryNames) -> Iterator[dict[str, Any]]:
    """actors_summary rows for (id, name, type, role, country, claims) tuples."""
    aliases: dict[int, list[str]] = defaultdict(list)
    placeholders = ", ".join(f":id_{n}" for n in range(len(batch)))
    alias_rows = reader.rows(
        f"SELECT actor_id, alias FROM actor_aliases WHERE actor_id IN ({placeholders}) ORDER BY id",
        {f"id_{n}": row[0] for n, row in enumerate(batch)},
    )
    for actor_id, alias in alias_rows:
        aliases[actor_id].append(alias)
    for row in batch:
        values = dict(zip(("id", "name", "type", "role", "country", "claims"), row))
        values["country_name"] = country_names(values["country"])
        values["aliases"] = [a for a in aliases[values["id"]] if a != values["name"]]
        yield values


# The most characters from a stance's cue to its content that stance_leads shows.
_LEAD_CHARS = 200


# Stances whose content can be the cue's object: "criticised the handling of the economy" is
# stored as its object, and read without the verb it loses the stance; so is a reporting
# verb's noun-phrase object ("questioned the cost of the scheme", rule said-object) and its
# infinitive ("promised to cut taxes", rule said-infinitive).
_OBJECT_STANCES = frozenset({
    "said-object", "shared-object", "said-infinitive", "shared-infinitive", "criticise", "condemn", "denounce", "praise", "welcome", "reject", "dismiss", "deny", "demand",
    "call-for", "urge", "express-stance", "warn-of", "warn-against", "blame-for", "stance-verb",
})


def stance_lead_span(row: dict[str, Any]) -> tuple[int, int] | None:
    """Offsets of the words from a stance's cue to its content, when the content does not
    say whom the stance is on or what it is: its target lies between them, stored apart
    ("*accused the party of* signing a deal"), or opens the content ("*urged* the council to
    act"), or the content is the cue's object ("*criticised* the handling of the economy");
    else None."""
    cue, target, start = row.get("cue_start"), row.get("target_start"), row.get("text_start")
    cue_end = row.get("cue_end")
    if cue is not None and cue_end is not None and start is not None and target is None \
            and row.get("rule") in _OBJECT_STANCES and cue < cue_end < start <= cue_end + 1:
        return cue, start
    if cue is None or target is None or row.get("target_end") is None or start is None:
        return None
    if not cue < start <= cue + _LEAD_CHARS or not (cue <= target < row["target_end"] <= start or target == start):
        return None
    return cue, start


def stance_leads(*, connection, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """``rows`` (claim rows) with a "lead" key added where a stance keeps its target apart
    from its content: the article's words from the cue to the content ("accused the party
    of"), for a table that shows whom the stance was taken on (render.readable_statement)."""
    reader = _Reader(connection)
    for row in rows:
        span = stance_lead_span(row)
        if span is not None:
            found = next(iter(reader.rows(
                "SELECT substr(text, :first, :length) FROM documents WHERE id = :document_id",
                {"first": span[0] + 1, "length": span[1] - span[0], "document_id": row["document_id"]},
            )), None)
            if found and found[0]:
                row = {**row, "lead": " ".join(found[0].split())}
        yield row


def document_paths(*, connection) -> list[tuple[int, str]]:
    """Every stored document as (id, path as given to ingest), in id order."""
    return [(row[0], row[1]) for row in _Reader(connection).rows("SELECT id, path FROM documents ORDER BY id")]


def claim_detail(*, connection, claim_id: int) -> dict[str, Any]:
    """One claim's row with its document's full text and provenance; NotFound if no such id.

    Adds to the CLAIM_COLUMNS keys: document_text, outlet, published_method, ingested_at.
    """
    reader = _Reader(connection)
    values = next(_claim_values(reader, ["c.id = :claim_id"], {"claim_id": claim_id}), None)
    if values is None:
        raise NotFound(f"no claim with id {claim_id}")
    row = dict(zip(CLAIM_COLUMNS, values))
    text, outlet, published_method, ingested_at = next(iter(reader.rows(
        "SELECT text, outlet, published_method, ingested_at FROM documents WHERE id = :document_id",
        {"document_id": row["document_id"]},
    )))
    return {
        **row,
        "document_text": text,
        "outlet": outlet,
        "published_method": published_method,
        "ingested_at": _timestamp(ingested_at),
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
    reader = _Reader(connection)
    # Counts kept by triggers on claims (migration 0008): no claim is read.
    actors_by_type: dict[str, int] = defaultdict(int)
    quoted = list(reader.rows(_QUOTED_ACTORS))
    for actor in quoted:
        actors_by_type[actor[2]] += 1
    # actors_summary's order.
    top_rows = sorted(quoted, key=lambda row: (-row[5], row[1]))[:top]
    totals = {name: value for name, value in reader.rows("SELECT name, value FROM claim_totals")}
    claims_by_kind = {name.removeprefix("kind:"): n for name, n in totals.items() if name.startswith("kind:") and n}
    documents = reader.scalar("SELECT count(*) FROM documents")
    quoted_documents = totals.get("documents", 0)
    return DatabaseStats(
        documents=documents,
        claims=sum(claims_by_kind.values()),
        actors=len(quoted),
        claims_by_kind=dict(sorted(claims_by_kind.items(), key=lambda item: -item[1])),
        actors_by_type=dict(sorted(actors_by_type.items(), key=lambda item: -item[1])),
        top_speakers=list(_actor_rows(reader, top_rows, _CountryNames())) if top_rows else [],
        # Two queries: min() and max() together would read the whole index.
        first_date=reader.scalar("SELECT min(date_key) FROM claims"),
        last_date=reader.scalar("SELECT max(date_key) FROM claims"),
        documents_without_claims=documents - quoted_documents,
    )
