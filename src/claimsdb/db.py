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
from typing import TYPE_CHECKING, Iterator

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
HEAD_REVISION = "0005"

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
    if connection.get_execution_options().get(_WRITER_OPTION):
        # Held until the transaction ends. Readers are not blocked, only other writers.
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK_KEY})")


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
    from sqlalchemy import insert, text

    if connection.dialect.name != "sqlite":
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list(connection.execute(statement, rows).scalars())
    # sqlite_sequence keeps the highest id an AUTOINCREMENT table ever had, deleted or not.
    last = connection.execute(
        text("SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = :name), 0),"
             f" coalesce((SELECT max(id) FROM {table.name}), 0))"),
        {"name": table.name},
    ).scalar()
    ids = list(range(last + 1, last + 1 + len(rows)))
    # RETURNING, unordered, only so that SQLAlchemy sends many rows per statement.
    connection.execute(insert(table).returning(table.c.id), [dict(row, id=i) for row, i in zip(rows, ids)]).all()
    return ids


def open_engine(db: str | None = None, *, upgrade: bool = True) -> Engine:
    """The engine for the database chosen by ``db`` (see :func:`resolve_db_url`).

    With ``upgrade`` (the default) a new or outdated database is migrated to the current schema
    first; checking that costs one SELECT. Raises DatabaseError when the database cannot be
    opened or migrated.
    """
    engine = build_engine(resolve_db_url(db))
    if upgrade and current_revision(engine) != HEAD_REVISION:
        upgrade_database(engine)
    return engine


@contextmanager
def open_reader(db: str | None = None) -> Iterator[sqlite3.Connection | Connection]:
    """A connection for commands that only read, for claimsdb.query's functions.

    For an SQLite file at the current schema this is a plain ``sqlite3`` connection: checking
    the schema and running a query then takes a few milliseconds, where importing SQLAlchemy
    alone takes a third of a second. Anything else (a new or outdated file, another database)
    goes through :func:`open_engine`, which creates or migrates it, and PostgreSQL gets an
    SQLAlchemy connection. Every read sees one snapshot of the database.
    """
    url = resolve_db_url(db)
    path = _sqlite_file(url)
    if path and path != ":memory:" and not os.path.exists(path):
        # Reading must not leave an empty database behind, nor answer "no claims" about a
        # file that does not exist (a command run from the wrong directory).
        raise DatabaseError(
            f"no database at {path}: ingest articles first (claims ingest ...) "
            "or choose one with --db or CLAIMS_DB"
        )
    connection = _sqlite_reader(path) if path else None
    if connection is None:
        engine = open_engine(db)
        if path:
            engine.dispose()
            connection = _sqlite_reader(path)
        if connection is None:
            try:
                with engine.connect() as sa_connection:
                    if engine.dialect.name == "postgresql":
                        # One snapshot for the whole command, as on SQLite.
                        sa_connection.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
                    yield sa_connection
            finally:
                engine.dispose()
            return
    try:
        yield connection
    finally:
        connection.close()


def _sqlite_file(url: str) -> str | None:
    """The file of a plain ``sqlite:///PATH`` URL, else None (memory, URI options, other databases)."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and "?" not in url and len(url) > len(prefix):
        return url[len(prefix):]
    return None


def _sqlite_reader(path: str) -> sqlite3.Connection | None:
    """A read-only connection to the SQLite database ``path``, in a read transaction; None
    unless it exists and its schema is current."""
    import sqlite3

    if not os.path.isfile(path):
        return None
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        connection.execute("PRAGMA busy_timeout=30000")
        connection.execute("PRAGMA query_only=1")
        # One snapshot for the whole command: an export streaming claims reads their
        # quantities in other statements, and a concurrent ingest must not show in between.
        connection.execute("BEGIN")
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        revision = None
    if revision is None or revision[0] != HEAD_REVISION:
        connection.close()
        return None
    return connection


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
    """Migrate the database to ``revision``; returns (revision before, revision after)."""
    before = current_revision(engine)
    _run_alembic(engine, "upgrade", revision)
    return before, current_revision(engine)


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
