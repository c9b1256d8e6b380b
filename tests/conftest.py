"""Shared fixtures. Every test gets its own database: CLAIMS_DB points at a file in a fresh
temporary folder, which is also the working directory, so nothing is written into the repo.

With ``--postgresql`` every test's database is instead a new database on a PostgreSQL server
the session starts (tests/pgserver.py), so the whole suite runs against PostgreSQL too; tests
marked ``sqlite`` check SQLite specifics and are skipped then.
"""

from __future__ import annotations

import itertools
import os

import pytest
from sqlalchemy.orm import Session

from pgserver import BINDIR_ENV, PostgresServer, find_bindir


def pytest_addoption(parser):
    parser.addoption(
        "--postgresql", action="store_true",
        help="give every test a database on a throwaway PostgreSQL server instead of an SQLite file",
    )


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite: checks SQLite specifics; skipped with --postgresql")
    if config.getoption("--postgresql") and find_bindir() is None:
        # Asked for explicitly (CI does): skipping every test would pass without testing.
        raise pytest.UsageError(
            "--postgresql: PostgreSQL server binaries (initdb, pg_ctl, postgres) not found; "
            f"install PostgreSQL or set {BINDIR_ENV}"
        )


def pytest_collection_modifyitems(config, items):
    if config.getoption("--postgresql"):
        skip = pytest.mark.skip(reason="checks SQLite specifics")
        for item in items:
            if "sqlite" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server of its own for this test session; skips when there is none to run."""
    bindir = find_bindir()
    if bindir is None:
        pytest.skip(
            "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found: install PostgreSQL "
            f"or set {BINDIR_ENV}"
        )
    pytest.importorskip("psycopg", reason="the PostgreSQL driver is not installed: pip install '.[postgres]'")
    server = PostgresServer(bindir)
    yield server
    server.stop()


_database_numbers = itertools.count(1)


@pytest.fixture
def postgres_url(postgres_server):
    """The SQLAlchemy URL of a new, empty database on the session's PostgreSQL server."""
    name = f"test_{os.getpid()}_{next(_database_numbers)}"
    yield postgres_server.create_database(name)
    postgres_server.drop_database(name)


@pytest.fixture(autouse=True)
def isolated_database(tmp_path, monkeypatch, request):
    """The database every command and open_engine() uses unless told otherwise: an SQLite
    file path, or with --postgresql a PostgreSQL URL."""
    monkeypatch.chdir(tmp_path)
    if request.config.getoption("--postgresql"):
        url = request.getfixturevalue("postgres_url")
        monkeypatch.setenv("CLAIMS_DB", url)
        return url
    monkeypatch.setenv("CLAIMS_DB", str(tmp_path / "claims.db"))
    return tmp_path / "claims.db"


@pytest.fixture
def engine(isolated_database):
    from claimsdb.db import open_engine

    engine = open_engine()
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine):
    with Session(engine, expire_on_commit=False) as session:
        yield session
