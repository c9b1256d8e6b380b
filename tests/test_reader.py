"""The read commands' fast path: an SQLite database at the current schema is read with the
sqlite3 module alone, so `claims query` never pays for importing SQLAlchemy."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy.orm import Session

from claimsdb import db
from claimsdb.errors import DatabaseError
from claimsdb.query import ClaimFilter, actors_summary, find_claims_rows
from claimsdb.records import Speaker
from claimsdb.store import store_document
from factories import claim, document, store_sample


@pytest.mark.sqlite
def test_a_current_sqlite_database_is_read_with_sqlite3(engine, isolated_database):
    with Session(engine) as session:
        store_sample(session)
    with db.open_reader(str(isolated_database)) as connection:
        assert isinstance(connection, sqlite3.Connection)
        rows = list(find_claims_rows(connection=connection, filters=ClaimFilter(actor="zelensky")))
    assert len(rows) == 3


@pytest.mark.sqlite
def test_the_reader_cannot_write(engine, isolated_database):
    with db.open_reader(str(isolated_database)) as connection:
        with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only|attempt to write"):
            connection.execute("DELETE FROM claims")


def test_reading_a_database_that_does_not_exist_creates_nothing(tmp_path):
    path = tmp_path / "new.db"
    with pytest.raises(DatabaseError, match="no database at"):
        with db.open_reader(str(path)):
            pass
    assert not path.exists()


def test_an_empty_database_file_is_refused_and_left_empty(tmp_path):
    # Reading never creates or migrates a schema: that is for ingest and `claims db upgrade`.
    path = tmp_path / "new.db"
    path.touch()
    with pytest.raises(DatabaseError, match="no claimsdb data yet"):
        with db.open_reader(str(path)):
            pass
    assert path.stat().st_size == 0


def test_a_file_that_is_not_a_database_is_an_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("not a database " * 100)
    with pytest.raises(DatabaseError, match="notes.db"):
        with db.open_reader(str(path)):
            pass


@pytest.mark.sqlite
def test_read_commands_do_not_import_sqlalchemy(engine, isolated_database):
    with Session(engine) as session:
        store_sample(session)
    code = (
        "import sys; from claimsdb.cli import app\n"
        "for args in (['query', '--actor', 'Kallas'], ['export', '--format', 'jsonl'], ['actors'], ['stats'], ['show', '1']):\n"
        "    try:\n"
        "        app(args + ['--db', sys.argv[1]])\n"
        "    except SystemExit as e:\n"
        "        assert not e.code, (args, e.code)\n"
        "print('sqlalchemy' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(isolated_database)], capture_output=True, text=True, check=True
    )
    assert "Kaja Kallas" in result.stdout
    assert result.stderr.strip() == "False"


def test_actors_table_shows_the_most_quoted_and_says_when_there_are_more(engine, isolated_database):
    from typer.testing import CliRunner

    from claimsdb.cli import app

    text = " ".join(f"Ann Surname{n} said claim number {n}." for n in range(105))
    doc = document(text)
    claims = [
        claim(doc, f"claim number {n}", Speaker(f"Ann Surname{n}"), cue="said") for n in range(105)
    ]
    with Session(engine) as session:
        store_document(session=session, document=doc, claims=claims)
    result = CliRunner().invoke(app, ["actors"])
    assert result.exit_code == 0, result.output
    assert "Showing the 100 most quoted actors" in result.output
    with db.open_reader() as connection:
        assert len(list(actors_summary(connection=connection))) == 105
    result = CliRunner().invoke(app, ["actors", "--limit", "200"])
    assert "Showing the" not in result.output
