"""The same schema, commands and queries on PostgreSQL, on a server the test session starts
(tests/pgserver.py; skipped when the server binaries are not installed). With --postgresql the
whole suite runs there as well; these tests check what is PostgreSQL's own."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from claimsdb import db
from claimsdb.cli import app
from claimsdb.models import FTS_PG_INDEX, Base, include_name
from claimsdb.query import ClaimFilter, find_claims_rows
from claimsdb.store import store_document
from factories import KYIV, sample_claims, store_sample

SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture
def pg_engine(postgres_url):
    engine = db.open_engine(postgres_url)
    yield engine
    engine.dispose()


def test_schema_matches_the_models(pg_engine):
    with pg_engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name, "compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        assert FTS_PG_INDEX in {index["name"] for index in inspect(connection).get_indexes("claims")}


def test_downgrade_to_base_and_upgrade_again(pg_engine):
    db.downgrade_database(pg_engine, "base")
    assert db.current_revision(pg_engine) is None
    assert db.upgrade_database(pg_engine) == (None, db.HEAD_REVISION)


def test_store_and_filters(pg_engine):
    with Session(pg_engine) as session:
        store_sample(session)
        assert store_document(session=session, document=KYIV, claims=sample_claims()[KYIV]).status == "skipped"
    with pg_engine.connect() as connection:
        def texts(**filters):
            return [r["text"] for r in find_claims_rows(connection=connection, filters=ClaimFilter(**filters))]

        assert len(texts()) == 6
        # PostgreSQL's own text search, through the GIN index: word forms match.
        assert texts(text="peacekeeper") == ["We need at least 200,000 peacekeepers."]
        assert texts(text="x' OR 1=1 --") == []
        assert texts(actor="zelenskiy", since="2025-03-17") == ["peace talks would start in April"]
        assert texts(actor="alvarez") == ["=SUM(A1) is not a formula"]
        assert texts(document="news/") == texts(document="news") != []


def test_text_search_uses_the_index(pg_engine):
    with pg_engine.connect() as connection:
        connection.execute(text("SET enable_seqscan = off"))
        plan = "\n".join(connection.execute(text(
            "EXPLAIN SELECT id FROM claims c WHERE "
            "to_tsvector('english'::regconfig, c.text) @@ plainto_tsquery('english'::regconfig, 'peace')"
        )).scalars())
    assert FTS_PG_INDEX in plan


def test_every_command_works_on_postgresql(postgres_url, tmp_path):
    runner = CliRunner()

    def claims(*args):
        result = runner.invoke(app, [*args, "--db", postgres_url])
        assert result.exit_code == 0, result.output
        return result.output

    assert "schema none" in claims("db", "current")
    assert "Upgraded" in claims("db", "upgrade")
    ingested = claims("ingest", str(SEEDS), "--workers", "2")
    assert "│   5 │" in ingested
    assert "│   0 │       5 │" in claims("ingest", str(SEEDS))
    assert "Kaja Kallas" in claims("query", "--actor", "Kallas", "--limit", "4")
    assert "peacekeeping" in claims("query", "--text", "peacekeeping", "--format", "jsonl")
    assert claims("query", "--country", "UA", "--since", "2025-01", "--format", "csv").count("\n") > 1
    claims("export", "-o", str(tmp_path / "all.csv"))
    exported = (tmp_path / "all.csv").read_text()
    assert exported.startswith("claim_id,document,")
    assert "Kaja Kallas" in claims("actors")
    assert "Claims" in claims("stats")
    assert "Offsets" in claims("show", "1")


def test_read_commands_see_one_snapshot_and_do_not_write(postgres_url):
    db.open_engine(postgres_url).dispose()  # the schema: reading never creates it
    with db.open_reader(postgres_url) as connection:
        assert connection.dialect.name == "postgresql"
        assert list(find_claims_rows(connection=connection, filters=ClaimFilter(text="anything"))) == []
        assert connection.execute(text("SHOW transaction_isolation")).scalar() == "repeatable read"
        assert connection.execute(text("SHOW transaction_read_only")).scalar() == "on"


def test_a_writer_that_waits_for_another_is_counted(pg_engine):
    import threading

    writer = db.writing(pg_engine)
    waits = db.write_lock_waits()
    with writer.connect() as holding:
        holding.begin()
        holding.execute(text("SELECT 1"))  # the lock is taken here
        assert db.write_lock_waits() == waits

        def write() -> None:
            with writer.connect() as waiting:
                waiting.begin()
                waiting.execute(text("SELECT 1"))
                waiting.commit()

        thread = threading.Thread(target=write)
        thread.start()
        thread.join(0.5)
        assert thread.is_alive()  # waiting for the lock
        holding.commit()
    thread.join(10)
    assert not thread.is_alive()
    assert db.write_lock_waits() == waits + 1
