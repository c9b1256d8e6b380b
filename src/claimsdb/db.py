"""The one place that builds the database engine and keeps its schema current.

The database is chosen by ``--db`` (a file path or an SQLAlchemy URL), else the ``CLAIMS_DB``
environment variable, else ``./claims.db``. Its schema comes only from the Alembic migrations
shipped inside the package (``claimsdb.migrations``), so an installed ``claims`` can create and
upgrade a database from any working directory.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Sequence

from claimsdb.errors import DatabaseError

if TYPE_CHECKING:
    import sqlite3

    from alembic.config import Config
    from sqlalchemy import Table
    from sqlalchemy.engine import Connection, Engine

DEFAULT_DB = "claims.db"
DB_ENV_VAR = "CLAIMS_DB"

# The newest migration in migrations/versions. Kept as a constant so that the "is the database
# current?" check every command makes is one SELECT, without importing Alembic (which costs
# more than the whole query). tests/test_migrations.py fails if a migration is added without
# updating it.
HEAD_REVISION = "0010"

# Set on every new SQLite connection. foreign_keys: SQLite ignores FOREIGN KEY clauses (and so
# ON DELETE CASCADE) unless asked; WAL lets `claims query` read while an ingest writes;
# busy_timeout waits for a concurrent writer instead of failing at once; NORMAL is safe in WAL.
SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    "PRAGMA busy_timeout=30000",
    "PRAGMA synchronous=NORMAL",
)


def resolve_db_url(db: str | None) -> str:
    """The SQLAlchemy URL of the database to use.

    ``db`` (the ``--db`` value) wins, then ``$CLAIMS_DB``, then ``./claims.db``. A value
    containing ``://`` is taken as an SQLAlchemy URL (``postgresql+psycopg://...``); anything
    else is a SQLite file path, made absolute so messages and migrations see the same file.
    """
    value = db or os.environ.get(DB_ENV_VAR) or DEFAULT_DB
    if "://" in value:
        return value
    if value == ":memory:":
        return "sqlite://"
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def build_engine(url: str) -> Engine:
    """An engine for ``url`` with claimsdb's connection settings, without touching the schema."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        engine = create_engine(url)
    except (ArgumentError, NoSuchModuleError, ValueError) as e:  # ValueError: a port that is not a number
        raise DatabaseError(f"not a database path or URL: {url} ({e})") from None
    except ModuleNotFoundError as e:
        raise DatabaseError(
            f"the driver for {url.split(':', 1)[0]} is not installed ({e.name}); "
            "for PostgreSQL: pip install 'claimsdb[postgres]'"
        ) from None
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        if database and database != ":memory:" and not Path(database).parent.is_dir():
            raise DatabaseError(f"cannot create database {database}: its folder does not exist")
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
    elif engine.dialect.name == "postgresql":
        event.listen(engine, "begin", _on_postgresql_begin)
    return engine


def _on_sqlite_connect(dbapi_connection, connection_record) -> None:
    # Python's sqlite3 module opens transactions only before INSERT/UPDATE/DELETE, so DDL in a
    # migration would run outside any transaction. Turning its handling off and emitting BEGIN
    # ourselves (_on_sqlite_begin) makes every SQLAlchemy transaction a real one (the recipe in
    # SQLAlchemy's SQLite dialect documentation).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _on_sqlite_begin(connection) -> None:
    if connection.get_execution_options().get(_WRITER_OPTION):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


def _on_postgresql_begin(connection) -> None:
    global _lock_waits
    if connection.get_execution_options().get(_WRITER_OPTION):
        # Held until the transaction ends. Readers are not blocked, only other writers. Tried
        # first without waiting, which takes it as well when it is free, to learn whether
        # another writer holds it (see write_lock_waits); the second statement, when it is not
        # free, is made before this writer holds it.
        if not connection.exec_driver_sql(f"SELECT pg_try_advisory_xact_lock({WRITER_LOCK_KEY})").scalar():
            _lock_waits += 1
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK_KEY})")


# How many times a writer of this process found the PostgreSQL write lock held by another.
_lock_waits = 0


def write_lock_waits() -> int:
    """How many times a write transaction of this process had to wait for another writer
    to finish (PostgreSQL only; 0 on SQLite): a count that grows while others write to the
    same database."""
    return _lock_waits


# Execution option set by writing(): the transaction takes the database's write lock when it
# begins.
_WRITER_OPTION = "claimsdb_writer"
# The PostgreSQL advisory lock that claimsdb writers take in turn ("claimsdb" in ASCII).
WRITER_LOCK_KEY = 0x636C61696D736462


def writing(engine: Engine) -> Engine:
    """``engine`` for transactions that will write: one such transaction at a time per
    database, whichever process runs it.

    On SQLite they begin with BEGIN IMMEDIATE. A plain BEGIN takes the write lock only at the
    first write, and if another process wrote in between, SQLite fails at once with "database
    is locked" instead of waiting busy_timeout: two ingests into one database would fail.
    On PostgreSQL they first take an advisory lock (WRITER_LOCK_KEY), so what a writer reads
    is all that other writers committed: two ingests storing the same new speaker at once
    would otherwise each create an actor for it, and the same article would collide on its
    content hash.
    """
    return engine.execution_options(**{_WRITER_OPTION: True})


def insert_returning_ids(connection: Connection, table: Table, rows: list[dict]) -> list[int]:
    """Insert ``rows`` into ``table`` (an AUTOINCREMENT ``id`` key) in a few multi-row
    statements; returns their ids in order. Call in a transaction of :func:`writing`.

    RETURNING in parameter order gives the ids where the database can promise it. SQLite
    cannot, and SQLAlchemy then inserts row by row, which is slow in itself and ten times
    slower for claims, whose FTS5 index (filled by a trigger) is flushed at every statement.
    So on SQLite the ids are chosen here, after the highest ever used: the writer holds the
    database's write lock, so no one else can take them.
    """
    from sqlalchemy import insert

    if connection.dialect.name == "postgresql" and connection.dialect.driver == "psycopg":
        return _copy_returning_ids(connection, table, rows)
    if connection.dialect.name != "sqlite":
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list(connection.execute(statement, rows).scalars())
    ids = _next_sqlite_ids(connection, table, len(rows))
    _sqlite_insert(connection, table, rows, ids)
    return ids


def _next_sqlite_ids(connection: Connection, table: Table, count: int) -> list[int]:
    """``count`` ids for new rows of ``table`` on SQLite, after the highest ever used; the
    caller holds the write lock, so no one else can take them."""
    from sqlalchemy import text

    # sqlite_sequence keeps the highest id an AUTOINCREMENT table ever had, deleted or not.
    last = connection.execute(
        text("SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = :name), 0),"
             f" coalesce((SELECT max(id) FROM {table.name}), 0))"),
        {"name": table.name},
    ).scalar()
    return list(range(last + 1, last + 1 + count))


def insert_rows(connection: Connection, table: Table, rows: list[dict]) -> None:
    """Insert ``rows`` into ``table`` as SQLAlchemy's ``insert(table)`` with a list of rows
    would, in a few multi-row statements on SQLite."""
    if not rows:
        return
    if connection.dialect.name == "sqlite":
        _sqlite_insert(connection, table, rows)
    else:
        from sqlalchemy import insert

        connection.execute(insert(table), rows)


def insert_tuples_returning_ids(connection: Connection, table: Table, columns: Sequence[str],
                                rows: list[Sequence]) -> list[int]:
    """:func:`insert_returning_ids` for rows given as the values of ``columns``, in order: no
    dict to build and read back per row, which for the claims of a batch costs more than
    SQLite's insert."""
    if not rows:
        return []
    dialect = connection.dialect
    if dialect.name == "sqlite":
        ids = _next_sqlite_ids(connection, table, len(rows))
        _sqlite_insert_tuples(connection, table, columns, rows, ids)
        return ids
    if dialect.name == "postgresql" and dialect.driver == "psycopg":
        return _copy_tuples_returning_ids(connection, table, columns, rows)
    return insert_returning_ids(connection, table, [dict(zip(columns, row)) for row in rows])


def draw_ids(connection: Connection, wanted: Sequence[tuple[Table, int]]) -> list[list[int]]:
    """For each (table, count) of ``wanted``, ``count`` ids for new rows of that AUTOINCREMENT
    (SERIAL) table, ascending; insert the rows with :func:`insert_tuples_with_ids`. Call in a
    transaction of :func:`writing`.

    On PostgreSQL every table's ids are drawn from its sequence in one statement: a batch
    needs ids for documents, actors, aliases and claims, and each round trip to the server
    is made while the write lock is held, with the other writers waiting. On SQLite they
    follow the highest ever used (see :func:`_next_sqlite_ids`)."""
    if connection.dialect.name == "sqlite":
        return [_next_sqlite_ids(connection, table, count) if count else [] for table, count in wanted]
    ids: list[list[int]] = [[] for _ in wanted]
    drawn = [(n, table, count) for n, (table, count) in enumerate(wanted) if count]
    if drawn:
        statement = " UNION ALL ".join(
            f"SELECT {n}, nextval(pg_get_serial_sequence(%(table_{n})s, 'id')) FROM generate_series(1, %(count_{n})s)"
            for n, _, _ in drawn
        )
        parameters: dict[str, object] = {}
        for n, table, count in drawn:
            parameters |= {f"table_{n}": table.name, f"count_{n}": count}
        for n, value in connection.exec_driver_sql(statement, parameters):
            ids[n].append(value)
        for table_ids in ids:
            table_ids.sort()
    return ids


def insert_tuples_with_ids(connection: Connection, table: Table, columns: Sequence[str], rows: list[Sequence],
                           ids: list[int]) -> None:
    """:func:`insert_tuples`, each row with its id from ``ids`` (see :func:`draw_ids`)."""
    if not rows:
        return
    dialect = connection.dialect
    if dialect.name == "sqlite":
        _sqlite_insert_tuples(connection, table, columns, rows, ids)
    elif dialect.name == "postgresql" and dialect.driver == "psycopg":
        _copy_tuples(connection, table, columns, rows, ids)
    else:
        insert_rows(connection, table, [
            dict(zip(columns, row), id=row_id) for row_id, row in zip(ids, rows, strict=True)
        ])


def insert_tuples(connection: Connection, table: Table, columns: Sequence[str], rows: list[Sequence]) -> None:
    """:func:`insert_rows` for rows given as the values of ``columns``, in order."""
    if not rows:
        return
    if connection.dialect.name == "sqlite":
        _sqlite_insert_tuples(connection, table, columns, rows)
    else:
        insert_rows(connection, table, [dict(zip(columns, row)) for row in rows])


# Rows per multi-row INSERT on SQLite (SQLAlchemy's own page size), within SQLite's limit of
# 32,766 parameters a statement.
_SQLITE_ROWS_PER_STATEMENT = 1000
_SQLITE_MAX_PARAMETERS = 32766


def _sqlite_insert_tuples(connection: Connection, table: Table, columns: Sequence[str], rows: list[Sequence],
                          ids: list[int] | None = None) -> None:
    """:func:`_sqlite_insert` for rows given as the values of ``columns``: each value goes
    in as it is but for the columns whose type converts it (a date, a boolean), and a column
    left out with a Python-side default takes it, as SQLAlchemy's INSERT does."""
    dialect = connection.dialect
    names = list(columns)
    defaults = _defaults_left_out(table, names)
    processors = [table.c[name].type._cached_bind_processor(dialect) for name in names]
    converted = [(n, processor) for n, processor in enumerate(processors) if processor is not None]
    tail = []
    for name, default in defaults:
        processor = table.c[name].type._cached_bind_processor(dialect)
        tail.append(processor(default) if processor is not None else default)
    order = ([] if ids is None else ["id"]) + names + [name for name, _ in defaults]
    for start, end, statement in _sqlite_statements(dialect, table, order, len(rows)):
        parameters: list = []
        append, extend = parameters.append, parameters.extend
        for offset, row in enumerate(rows[start:end], start):
            if ids is not None:
                append(ids[offset])
            if converted:
                row = list(row)
                for n, processor in converted:
                    row[n] = processor(row[n])
            extend(row)
            if tail:
                extend(tail)
        connection.exec_driver_sql(statement, tuple(parameters))


def _sqlite_statements(dialect, table: Table, order: Sequence[str], count: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, statement): the multi-row INSERTs that put rows ``start`` to ``end`` of
    ``count`` rows, each the values of the columns ``order``, into ``table`` on SQLite."""
    quote = dialect.identifier_preparer.quote
    head = f"INSERT INTO {quote(table.name)} ({', '.join(quote(name) for name in order)}) VALUES "
    one = "(" + ", ".join("?" * len(order)) + ")"
    per = max(1, min(_SQLITE_ROWS_PER_STATEMENT, _SQLITE_MAX_PARAMETERS // len(order)))
    for start in range(0, count, per):
        end = min(count, start + per)
        yield start, end, head + ", ".join([one] * (end - start))


def _defaults_left_out(table: Table, columns: Sequence[str]) -> list[tuple[str, object]]:
    """(name, value) of each column of ``table`` but ``id`` and ``columns`` that has a
    Python-side default."""
    return [
        (column.name, column.default.arg) for column in table.columns
        if column.name != "id" and column.name not in columns and column.default is not None and column.default.is_scalar
    ]


def _sqlite_insert(connection: Connection, table: Table, rows: list[dict], ids: list[int] | None = None) -> None:
    """``rows`` (with ``ids`` as their ``id`` column, if given) into ``table`` on SQLite, as
    multi-row INSERTs with the values converted by the columns' own bind processors, as
    SQLAlchemy converts them. Building each row's parameters through SQLAlchemy's statement
    machinery costs more than SQLite takes to insert it."""
    dialect = connection.dialect
    given: dict[str, None] = {}
    for row in rows:
        given.update(dict.fromkeys(row))
    if ids is not None:
        given.pop("id", None)
    # Columns no row gives that have a Python-side default take it, as SQLAlchemy's INSERT does.
    for column in table.columns:
        if column.name != "id" and column.default is not None and column.default.is_scalar:
            given.setdefault(column.name)
    names = list(given)
    columns = []
    for name in names:
        column = table.c[name]
        default = column.default.arg if column.default is not None and column.default.is_scalar else None
        columns.append((name, default, column.type._cached_bind_processor(dialect)))
    plain = [(name, default) for name, default, processor in columns if processor is None]
    processed = [(name, default, processor) for name, default, processor in columns if processor is not None]
    order = [name for name, _ in plain] + [name for name, _, _ in processed]
    if ids is not None:
        order.insert(0, "id")
    for start, end, statement in _sqlite_statements(dialect, table, order, len(rows)):
        parameters: list = []
        extend = parameters.extend
        for offset, row in enumerate(rows[start:end], start):
            get = row.get
            if ids is not None:
                parameters.append(ids[offset])
            extend([get(name, default) for name, default in plain])
            extend([processor(get(name, default)) for name, default, processor in processed])
        connection.exec_driver_sql(statement, tuple(parameters))


def _copy_returning_ids(connection: Connection, table: Table, rows: list[dict]) -> list[int]:
    """:func:`insert_returning_ids` on PostgreSQL: the ids are drawn from the table's sequence
    first, then the rows go in with COPY. A multi-row INSERT ... RETURNING of a few thousand
    claims costs the client more than the server: psycopg splits its tens of thousands of
    placeholders, and SQLAlchemy sorts the returned ids back into order."""
    if not rows:
        return []
    columns = _copy_columns(table, rows)
    return _copy_tuples_returning_ids(connection, table, list(columns), [
        tuple(row.get(name, default) for name, default in columns.items()) for row in rows
    ])


def _copy_tuples_returning_ids(connection: Connection, table: Table, columns: Sequence[str],
                               rows: list[Sequence]) -> list[int]:
    """:func:`_copy_returning_ids` for rows given as the values of ``columns``; a column left
    out with a Python-side default takes it."""
    if not rows:
        return []
    ids = list(connection.exec_driver_sql(
        "SELECT nextval(pg_get_serial_sequence(%(table)s, 'id')) FROM generate_series(1, %(count)s)",
        {"table": table.name, "count": len(rows)},
    ).scalars())
    _copy_tuples(connection, table, columns, rows, ids)
    return ids


def _copy_tuples(connection: Connection, table: Table, columns: Sequence[str], rows: list[Sequence],
                 ids: list[int]) -> None:
    """``rows``, the values of ``columns``, with ``ids`` as their ids, into ``table`` with
    COPY (psycopg); a column left out with a Python-side default takes it."""
    defaults = _defaults_left_out(table, columns)
    tail = tuple(default for _, default in defaults)
    names = ", ".join(connection.dialect.identifier_preparer.quote(name)
                      for name in ("id", *columns, *(name for name, _ in defaults)))
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
        for row_id, row in zip(ids, rows, strict=True):
            copy.write_row((row_id, *row, *tail))


def _copy_columns(table: Table, rows: list[dict]) -> dict[str, object]:
    """The columns that ``rows`` give, with the value of each where a row leaves it out: the
    column's Python-side default (which COPY, unlike SQLAlchemy's INSERT, would not apply),
    else None. Columns no row gives keep their server default."""
    given = dict.fromkeys(name for row in rows for name in row if name != "id")
    for column in table.columns:
        if column.name != "id" and column.default is not None and column.default.is_scalar:
            given[column.name] = None
    columns = {}
    for name in given:
        default = table.c[name].default
        columns[name] = default.arg if default is not None and default.is_scalar else None
    return columns


def open_engine(db: str | None = None, *, upgrade: bool = True) -> Engine:
    """The engine for the database chosen by ``db`` (see :func:`resolve_db_url`).

    With ``upgrade`` (the default) a new or outdated database is migrated to the current schema
    first; checking that costs one SELECT. Raises DatabaseError when the database cannot be
    opened or migrated, and when it holds another application's tables and no claimsdb
    schema: only :func:`upgrade_database` (`claims db upgrade`) adds claimsdb's tables there.
    """
    engine = build_engine(resolve_db_url(db))
    if upgrade and current_revision(engine) != HEAD_REVISION:
        refuse_foreign(engine)
        upgrade_database(engine)
    return engine


def refuse_foreign(engine: Engine) -> None:
    """Raise DatabaseError if the database holds another application's tables and no
    claimsdb schema."""
    revision, tables = _schema_of(engine)
    if revision is None and _foreign(tables):
        raise DatabaseError(_foreign_refusal(database_label(engine), tables))


def open_read_engine(db: str | None = None, *, check_schema: bool = True) -> Engine:
    """An engine for commands that only read, which never creates, changes or migrates the
    database: an SQLite file is opened read-only (see :func:`_sqlite_reader`).

    Raises DatabaseError for a database file that does not exist and, with
    ``check_schema``, for one whose schema is not this claimsdb's (see :func:`schema_problem`).
    """
    url = resolve_db_url(db)
    path = _sqlite_file(url)
    if path and path != ":memory:":
        _refuse_missing(path)
        if check_schema:
            _sqlite_reader(path).close()
        from sqlalchemy import create_engine

        # The URL names the file for messages; the connections are made read-only by creator.
        return create_engine(f"sqlite:///{path}", creator=lambda: _sqlite_connect(path))
    engine = build_engine(url)
    if check_schema:
        problem = schema_problem(database_label(engine), *_schema_of(engine))
        if problem:
            engine.dispose()
            raise DatabaseError(problem)
    return engine


def schema_problem(label: str, revision: str | None, tables: list[str]) -> str | None:
    """Why a database at ``revision`` holding ``tables`` cannot be read by this claimsdb as
    it is, or None if it can."""
    if revision == HEAD_REVISION:
        return None
    if revision is None:
        if _foreign(tables):
            return _foreign_refusal(label, tables)
        return f"{label} holds no claimsdb data yet: ingest articles first (claims ingest ...)"
    if _known_revision(revision):
        # Reading an old schema could give wrong answers where a column changed meaning;
        # migrating is one command, and is the user's decision on a file that may be shared.
        return f"{label} has schema {revision}, older than this claimsdb's ({HEAD_REVISION}): run `claims db upgrade` first"
    return (
        f"{label} has schema {revision}, which this claimsdb does not know (latest {HEAD_REVISION}): "
        "it was written by a newer claimsdb; use that version or a newer one"
    )


def _schema_of(engine: Engine) -> tuple[str | None, list[str]]:
    """The database's schema revision and the names of its tables.

    The tables are read first: a schema is created with its revision in one transaction, so
    tables seen mean the revision is there to be read next. The other way round, another
    process creating the same new database between the two reads made it look like one
    holding another application's tables and no revision (seen with three shards starting
    at once on a loaded machine)."""
    from sqlalchemy import inspect
    from sqlalchemy.exc import DBAPIError

    try:
        with engine.connect() as conn:
            tables = inspect(conn).get_table_names()
    except DBAPIError as e:
        raise DatabaseError(f"cannot open database {database_label(engine)}: {e.orig}") from None
    return current_revision(engine), tables


def _foreign(tables: list[str]) -> list[str]:
    """Tables that are neither claimsdb's bookkeeping nor SQLite's own."""
    return [name for name in tables if name != "alembic_version" and not name.startswith("sqlite_")]


def _foreign_refusal(label: str, tables: list[str]) -> str:
    foreign = _foreign(tables)
    listed = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
    return (
        f"{label} is not a claimsdb database: it holds other tables ({listed}) and no claimsdb schema; "
        f"claimsdb leaves it alone (`claims db upgrade` would add its tables to it)"
    )


def _known_revision(revision: str) -> bool:
    """Whether ``revision`` is one of the migrations shipped with this claimsdb."""
    versions = resources.files("claimsdb.migrations") / "versions"
    return any(entry.name.startswith(f"{revision}_") for entry in versions.iterdir())


def _refuse_missing(path: str) -> None:
    if not os.path.exists(path):
        # Reading must not leave an empty database behind, nor answer "no claims" about a
        # file that does not exist (a command run from the wrong directory).
        raise DatabaseError(
            f"no database at {path}: ingest articles first (claims ingest ...) "
            "or choose one with --db or CLAIMS_DB"
        )


@contextmanager
def open_reader(db: str | None = None) -> Iterator[sqlite3.Connection | Connection]:
    """A connection for commands that only read, for claimsdb.query's functions.

    For an SQLite file this is a plain ``sqlite3`` connection, opened read-only: checking
    the schema and running a query then takes a few milliseconds, where importing SQLAlchemy
    alone takes a third of a second. Other databases get an SQLAlchemy connection. Nothing is
    ever created or migrated: a missing file, a database without claimsdb's schema or at
    another revision raises DatabaseError (see :func:`schema_problem`). Every read sees one
    snapshot of the database.
    """
    url = resolve_db_url(db)
    path = _sqlite_file(url)
    if path and path != ":memory:":
        _refuse_missing(path)
        connection = _sqlite_reader(path)
        try:
            with reporting_damage(path):
                yield connection
        finally:
            connection.close()
        return
    engine = open_read_engine(db)
    try:
        with reporting_damage(database_label(engine)), engine.connect() as sa_connection:
            if engine.dialect.name == "postgresql":
                # One snapshot for the whole command, as on SQLite.
                sa_connection.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
            yield sa_connection
    finally:
        engine.dispose()


def stored_contents(db: str | None, shas: list[str]) -> set[str] | None:
    """Which of the content hashes ``shas`` the database ``db`` holds, told without SQLAlchemy
    (a few milliseconds): none for an SQLite file that does not exist yet. None when that
    cannot be told so: another database, or a file that cannot be read as claimsdb's (opening
    it properly then says why)."""
    path = _sqlite_file(resolve_db_url(db))
    if not path or path == ":memory:":
        return None
    if not os.path.exists(path):
        return set()
    import sqlite3

    try:
        connection = _sqlite_reader(path)
    except DatabaseError:
        return None
    try:
        marks = ",".join("?" * len(shas))
        return {row[0] for row in connection.execute(f"SELECT sha256 FROM documents WHERE sha256 IN ({marks})", shas)}
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def _sqlite_file(url: str) -> str | None:
    """The file of a plain ``sqlite:///PATH`` URL, else None (memory, URI options, other databases)."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and "?" not in url and len(url) > len(prefix):
        return url[len(prefix):]
    return None


def _sqlite_reader(path: str) -> sqlite3.Connection:
    """A read-only connection to the SQLite database ``path`` at the current schema, in a
    read transaction. Raises DatabaseError if it cannot be opened or read as it is."""
    import sqlite3

    if os.path.isdir(path):
        raise DatabaseError(f"cannot open database {path}: it is a folder")
    connection = None
    try:
        connection = _sqlite_connect(path)
        # One snapshot for the whole command: an export streaming claims reads their
        # quantities in other statements, and a concurrent ingest must not show in between.
        connection.execute("BEGIN")
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.Error as e:
        if connection is not None:
            connection.close()
        raise DatabaseError(f"cannot open database {path}: {e}") from None
    problem = schema_problem(path, revision, tables)
    if problem:
        connection.close()
        raise DatabaseError(problem)
    return connection


def _sqlite_connect(path: str) -> sqlite3.Connection:
    """A connection to the SQLite file ``path`` that cannot write to it.

    Opened read-only when the file or its folder cannot be written (a read-only mount, a
    shared folder): a normal connection would fail even to read a WAL database there, since
    it must create the -shm file. Without that file in a read-only folder no one can be
    writing, so the database is opened as immutable.
    """
    import sqlite3
    from urllib.parse import quote

    folder = os.path.dirname(path) or "."
    if os.access(path, os.W_OK) and os.access(folder, os.W_OK):
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    else:
        mode = "mode=ro" if os.access(folder, os.W_OK) or os.path.exists(f"{path}-shm") else "immutable=1"
        connection = sqlite3.connect(
            f"file:{quote(path)}?{mode}", uri=True, isolation_level=None, check_same_thread=False
        )
    try:
        connection.execute("PRAGMA busy_timeout=30000")
        connection.execute("PRAGMA query_only=1")
    except BaseException:
        connection.close()
        raise
    return connection


# SQLite's result code for a database file whose content is damaged (SQLITE_CORRUPT).
_SQLITE_CORRUPT = 11


def is_damage(error: BaseException) -> bool:
    """Whether ``error`` (from sqlite3, or SQLAlchemy's wrapping of it) says that the
    database file is damaged."""
    error = getattr(error, "orig", None) or error
    return getattr(error, "sqlite_errorcode", None) == _SQLITE_CORRUPT or "malformed" in str(error)


def damaged(label: str, reason: str) -> DatabaseError:
    """The error for a damaged SQLite database: what SQLite said, and how to look closer."""
    return DatabaseError(
        f"the database {label} is damaged ({reason}); check it with: sqlite3 {label} 'PRAGMA integrity_check', "
        "then restore a backup or ingest again into a new database"
    )


@contextmanager
def reporting_damage(label: str) -> Iterator[None]:
    """Turns a damaged-database error raised inside the block into :func:`damaged`."""
    from sqlite3 import DatabaseError as SQLiteError

    try:
        yield
    except SQLiteError as e:
        if is_damage(e):
            raise damaged(label, str(e)) from None
        raise
    except Exception as e:
        if hasattr(e, "orig") and is_damage(e):
            raise damaged(label, str(e.orig)) from None
        raise


def integrity_problem(connection: Connection) -> str | None:
    """The first problem SQLite's quick check finds in the database; None if it finds none,
    or for another database. Reads every page: only for when something already failed."""
    from sqlalchemy.exc import DBAPIError

    if connection.dialect.name != "sqlite":
        return None
    try:
        found = connection.exec_driver_sql("PRAGMA quick_check(1)").scalar()
    except DBAPIError as e:
        return str(e.orig)
    return None if found == "ok" else found


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at; None for a new (empty) database."""
    from sqlalchemy import inspect, text
    from sqlalchemy.exc import DBAPIError

    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError as e:
        raise DatabaseError(f"cannot open database {database_label(engine)}: {e.orig}") from None


def upgrade_database(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Migrate the database to ``revision``; returns (revision before, revision after).

    An empty SQLite database is brought to head by replaying the schema the migrations produce
    (:func:`_create_sqlite_at_head`), which costs a few milliseconds instead of Alembic's
    import and run: most ingests into a new file are short.
    """
    before = current_revision(engine)
    if not (revision == "head" and before is None and _create_sqlite_at_head(engine)):
        _run_alembic(engine, "upgrade", revision)
    return before, current_revision(engine)


# What the migrations build in a new SQLite database, as the statements that rebuild it:
# written by write_sqlite_head() and checked against the migrations by tests/test_migrations.py.
SQLITE_HEAD_FILE = "sqlite_head.json"


def _sqlite_head_statements() -> list[str] | None:
    """The statements that create a new SQLite database at HEAD_REVISION, or None if the
    shipped file is missing or was made for another revision (then Alembic runs instead)."""
    import json

    try:
        snapshot = json.loads((resources.files("claimsdb.migrations") / SQLITE_HEAD_FILE).read_text("utf-8"))
    except FileNotFoundError:
        return None
    return snapshot["statements"] if snapshot.get("revision") == HEAD_REVISION else None


def _create_sqlite_at_head(engine: Engine) -> bool:
    """Create the head schema in an SQLite database that holds nothing yet; False (and nothing
    done) for another database, one that is not empty, or without a current snapshot."""
    from sqlalchemy.exc import DBAPIError

    if engine.dialect.name != "sqlite":
        return False
    statements = _sqlite_head_statements()
    if statements is None:
        return False
    try:
        # One write transaction, as for the migrations: a second process creating the same new
        # database waits for it, then finds it at head.
        with writing(engine).connect() as conn:
            conn.begin()
            if conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar():
                return False
            for statement in statements:
                conn.exec_driver_sql(statement)
            conn.commit()
    except DBAPIError as e:
        raise DatabaseError(f"cannot migrate database {database_label(engine)}: {e.orig}") from None
    return True


def sqlite_head_snapshot(path: str) -> list[str]:
    """The statements that rebuild the SQLite database at ``path`` (one that Alembic migrated
    from empty to head) in an empty database: its schema in creation order, without what
    SQLite makes itself (automatic indexes, sqlite_sequence, a full-text index's tables), then
    the rows the migrations wrote."""
    import sqlite3

    source = sqlite3.connect(path)
    scratch = sqlite3.connect(":memory:")
    try:
        statements = []
        for name, sql in source.execute("SELECT name, sql FROM sqlite_master ORDER BY rowid"):
            made = scratch.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
            if sql is None or made or name.startswith("sqlite_"):
                continue
            scratch.execute(sql)
            statements.append(sql)
        tables = [name for (name,) in source.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
        for table in tables:
            rows = source.execute(f'SELECT * FROM "{table}"').fetchall()
            made = scratch.execute(f'SELECT * FROM "{table}"').fetchall() if not table.startswith("sqlite_") else []
            if not rows or rows == made:
                continue
            if made:
                raise ValueError(f"cannot snapshot {table}: SQLite fills it and the migrations changed it")
            for row in rows:
                values = ", ".join(_sql_literal(value) for value in row)
                statements.append(f'INSERT INTO "{table}" VALUES ({values})')
        return statements
    finally:
        source.close()
        scratch.close()


def _sql_literal(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, bytes):
        return f"X'{value.hex()}'"
    return "'" + str(value).replace("'", "''") + "'"


def write_sqlite_head() -> Path:
    """Migrate a new SQLite database with Alembic and write its snapshot (SQLITE_HEAD_FILE)
    next to the migrations; run after adding a migration:
    ``python -c 'from claimsdb import db; db.write_sqlite_head()'``."""
    import json
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "head.db")
        engine = build_engine(f"sqlite:///{path}")
        _run_alembic(engine, "upgrade", "head")
        engine.dispose()
        statements = sqlite_head_snapshot(path)
    target = Path(str(resources.files("claimsdb.migrations"))) / SQLITE_HEAD_FILE
    target.write_text(json.dumps({"revision": HEAD_REVISION, "statements": statements}, indent=1) + "\n", "utf-8")
    return target


def downgrade_database(engine: Engine, revision: str = "base") -> None:
    """Migrate the database down to ``revision`` (``base`` drops every table)."""
    _run_alembic(engine, "downgrade", revision)


def _run_alembic(engine: Engine, command_name: str, revision: str) -> None:
    # Alembic is imported only here: most commands find the schema current and never need it.
    from alembic import command
    from alembic.util import CommandError
    from sqlalchemy.exc import DBAPIError

    sqlite = engine.dialect.name == "sqlite"
    try:
        # A writer, so two processes upgrading a new database at once take turns: the second
        # then finds it at head.
        with writing(engine).connect() as conn:
            if sqlite:
                # Batch migrations copy and drop tables; with foreign keys on, dropping a parent
                # table would cascade-delete its children. This pragma only takes effect outside
                # a transaction, hence the raw DBAPI connection before SQLAlchemy's BEGIN.
                conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
            try:
                # One transaction for the whole upgrade, begun here so that Alembic sees it as
                # the caller's: on SQLite Alembic would otherwise commit after each migration,
                # letting the write lock go between them, and a second process upgrading the
                # same new database at once would rerun a migration the first had just done
                # ("duplicate column name").
                conn.begin()
                with _alembic_config(conn) as config:
                    getattr(command, command_name)(config, revision)
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise DatabaseError("migration left rows whose foreign keys point nowhere")
                conn.commit()
            finally:
                if sqlite:
                    conn.rollback()
                    conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")
    except CommandError as e:
        raise DatabaseError(
            f"cannot migrate database {database_label(engine)}: {e}. If another claimsdb version "
            "created it, use that version or a newer one."
        ) from None
    except DBAPIError as e:
        raise DatabaseError(f"cannot migrate database {database_label(engine)}: {e.orig}") from None


@contextmanager
def _alembic_config(connection: Connection) -> Iterator[Config]:
    """Alembic configuration using the migrations shipped in the package and ``connection``."""
    from alembic.config import Config

    with resources.as_file(resources.files("claimsdb.migrations")) as script_location:
        config = Config()
        config.set_main_option("script_location", str(script_location))
        # env.py runs the migrations on this connection, inside the caller's transaction.
        config.attributes["connection"] = connection
        yield config


def database_label(engine: Engine) -> str:
    """The database as a user would name it: the SQLite file path, or the URL without password."""
    if engine.dialect.name == "sqlite":
        return engine.url.database or ":memory:"
    return engine.url.render_as_string(hide_password=True)
