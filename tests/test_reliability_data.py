"""Stored data survives what users do to it: schema upgrades from every revision, downgrade and
upgrade again, `--force` re-ingests that fail midway, exports read by spreadsheets and JSON
parsers, and filters written to break SQL.
"""

from __future__ import annotations

import dataclasses
import io
import json
import math
import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, inspect, text
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from claimsdb import db, pipeline, store
from claimsdb.cli import app
from claimsdb.export import EXPORT_COLUMNS, write_json, write_jsonl
from claimsdb.ingest import ingest
from claimsdb.query import ClaimFilter, find_claims_rows
from factories import said_claims, store_sample

runner = CliRunner()


def revisions() -> list[str]:
    """Every migration, oldest first."""
    with db._alembic_config(None) as config:
        script = ScriptDirectory.from_config(config)
        return [revision.revision for revision in reversed(list(script.walk_revisions()))]


REVISIONS = revisions()


def rows(engine, tables: dict[str, list[str]] | None = None) -> dict[str, list[tuple]]:
    """Every row of every application table ({table: columns} to choose), in column order."""
    with engine.connect() as connection:
        inspector = inspect(connection)
        if tables is None:
            tables = {
                name: [column["name"] for column in inspector.get_columns(name)]
                for name in inspector.get_table_names()
                if name != "alembic_version" and not name.startswith(("claims_fts", "sqlite_"))
            }
        return {
            table: connection.execute(
                # By every column: a link table (claim_topics) has no id.
                text(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {', '.join(columns)}")
            ).all()
            for table, columns in tables.items()
        }


def columns(engine) -> dict[str, list[str]]:
    with engine.connect() as connection:
        inspector = inspect(connection)
        return {
            name: [column["name"] for column in inspector.get_columns(name)]
            for name in inspector.get_table_names()
            if name != "alembic_version" and not name.startswith(("claims_fts", "sqlite_"))
        }


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """A database at head holding rows in every table: hand-made sample claims with dates,
    quantities and aliases, and the seed-like claims of a real ingest."""
    folder = tmp_path_factory.mktemp("reference")
    engine = db.open_engine(str(folder / "reference.db"))
    with Session(engine, expire_on_commit=False) as session:
        store_sample(session)
    (folder / "article.txt").write_text(
        "EU ready to train troops, Kallas says\n\n"
        "Kaja Kallas said on Friday that 80,000 soldiers had been trained since 2022.\n"
        '"We must be ready to do more," Kallas told reporters in Brussels.\n'
    )
    assert ingest([str(folder / "article.txt")], engine=engine).new == 1
    data = rows(engine)
    assert all(data[table] for table in ("documents", "actors", "actor_aliases", "claims", "quantities"))
    yield engine, data
    engine.dispose()


def database_at(revision: str, path: Path, reference) -> tuple:
    """A database at ``revision`` holding the reference rows, in the columns that revision has."""
    engine = db.build_engine(f"sqlite:///{path}")
    db.upgrade_database(engine, revision)
    _, data = reference
    have = columns(engine)
    reference_columns = columns(reference[0])
    with engine.begin() as connection:
        # Parents before children: the order the foreign keys need.
        for table in ("documents", "actors", "actor_aliases", "claims", "quantities"):
            if table not in have:
                continue
            kept = [name for name in have[table] if name in reference_columns[table]]
            missing = [name for name in have[table] if name not in kept]
            assert not missing, f"{table}.{missing} at {revision} has no reference value: extend this test"
            positions = [reference_columns[table].index(name) for name in kept]
            connection.execute(
                text(f"INSERT INTO {table} ({', '.join(kept)}) VALUES ({', '.join(':' + n for n in kept)})"),
                [dict(zip(kept, (row[i] for i in positions))) for row in data[table]],
            )
    return engine, {table: have[table] for table in have}


def usable(engine) -> None:
    """What a user does next works: the full-text index agrees with the claims, filters run."""
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").first() is None
        connection.exec_driver_sql("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)")
        found = [row["text"] for row in find_claims_rows(connection=connection, filters=ClaimFilter(text="peacekeepers"))]
        assert found == ["We need at least 200,000 peacekeepers."]
        assert [row["speaker"] for row in find_claims_rows(connection=connection, filters=ClaimFilter(actor="Kallas"))]


@pytest.mark.parametrize("revision", REVISIONS)
def test_upgrade_from_every_revision_keeps_every_row(revision, reference, tmp_path):
    engine, at_revision = database_at(revision, tmp_path / "old.db", reference)
    before = rows(engine, at_revision)
    assert db.upgrade_database(engine) == (revision, db.HEAD_REVISION)
    after = rows(engine, {table: names for table, names in at_revision.items() if table in columns(engine)})
    assert after == before
    usable(engine)
    engine.dispose()


@pytest.mark.parametrize("revision", REVISIONS)
def test_downgrade_one_step_and_upgrade_again(revision, reference, tmp_path):
    engine, at_revision = database_at(revision, tmp_path / "db.db", reference)
    fresh = db.build_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    db.upgrade_database(fresh, revision)

    db.downgrade_database(engine, "-1")
    below = columns(engine)
    kept = rows(engine, below)
    db.upgrade_database(engine, revision)
    # What the step down kept is still there; the schema is the one the revision creates.
    assert rows(engine, below) == kept
    with engine.connect() as mine, fresh.connect() as theirs:
        schema = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        assert mine.exec_driver_sql(schema).all() == theirs.exec_driver_sql(schema).all()
    engine.dispose()
    fresh.dispose()


def test_revisions_are_one_line_from_the_first_to_head():
    assert REVISIONS[-1] == db.HEAD_REVISION
    assert len(set(REVISIONS)) == len(REVISIONS)


# --- --force: all of a document's new claims, or all its old ones ---------------------------


@pytest.fixture
def articles(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Kaja Kallas said the mission could take various formats.\n")
    (folder / "b.txt").write_text("Sergey Lavrov said Russia rejects the plan. Volodymyr Zelensky said tanks arrived.\n")
    return folder


def claims_by_document(engine) -> dict[str, list[tuple]]:
    with engine.connect() as connection:
        found: dict[str, list[tuple]] = {}
        for path, *claim in connection.execute(text(
            "SELECT d.path, c.text_start, c.text_end, c.speaker_start, c.speaker_end, c.cue, c.confidence"
            " FROM claims c JOIN documents d ON d.id = c.document_id ORDER BY c.id"
        )):
            found.setdefault(path, []).append(tuple(claim))
        return found


def test_force_that_fails_midway_keeps_the_old_claims(engine, articles, monkeypatch):
    monkeypatch.setattr(pipeline, "analyse", said_claims)
    ingest([str(articles)], engine=engine, workers=0)
    old = claims_by_document(engine)
    with engine.connect() as connection:
        old_documents = connection.execute(text("SELECT * FROM documents ORDER BY id")).all()

    def confident(document):  # the new extraction differs from the old
        return [dataclasses.replace(claim, confidence=0.99) for claim in said_claims(document)]

    monkeypatch.setattr(pipeline, "analyse", confident)

    # The new claims of b.txt fail to insert, after its old claims were deleted. Failed in
    # the function that inserts rows, since PostgreSQL sends claims with COPY, not INSERT.
    insert_rows = store.insert_tuples_with_ids

    def fail_on_b(connection, table, columns, rows, ids):
        text_at = list(columns).index("text")
        if table.name == "claims" and any("tanks arrived" in row[text_at] for row in rows):
            raise RuntimeError("disk full")
        return insert_rows(connection, table, columns, rows, ids)

    monkeypatch.setattr(store, "insert_tuples_with_ids", fail_on_b)
    report = ingest([str(articles)], engine=engine, force=True, workers=0)
    by_name = {Path(f.path).name: f for f in report.files}
    assert by_name["a.txt"].status == "replaced"
    assert (by_name["b.txt"].status, by_name["b.txt"].reason) == ("failed", "RuntimeError: disk full")

    now = claims_by_document(engine)
    b = str(articles / "b.txt")
    assert now[b] == old[b]  # every old claim of b.txt, none of the new
    assert all(claim[-1] == 0.99 for claim in now[str(articles / "a.txt")])
    with engine.connect() as connection:
        b_row = connection.execute(text("SELECT * FROM documents WHERE path = :p"), {"p": b}).one()
    assert b_row in old_documents  # its metadata unchanged too


# --- exports ---------------------------------------------------------------------------------


@pytest.fixture
def ingested(articles, monkeypatch) -> Path:
    monkeypatch.setattr(pipeline, "analyse", said_claims)
    # Relative paths (the working directory is tmp_path): stored as "articles/a.txt", so that
    # an underscore in the temporary folder's name does not match "--document _".
    assert runner.invoke(app, ["ingest", "articles"]).exit_code == 0
    return articles


def test_failed_export_through_the_command_keeps_the_previous_file(ingested, tmp_path, monkeypatch):
    target = tmp_path / "claims.json"
    target.write_text("previous export\n")
    # The database goes away in the middle of the rows.
    import claimsdb.export as export

    def rows_then_failure(**kwargs):
        yield from list(find_claims_rows(**kwargs))[:1]
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(export, "find_claims_rows", rows_then_failure)
    result = runner.invoke(app, ["export", "--format", "json", "-o", str(target)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert target.read_text() == "previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_export_with_a_bad_filter_leaves_the_file_alone(ingested, tmp_path):
    target = tmp_path / "claims.csv"
    target.write_text("previous export\n")
    result = runner.invoke(app, ["export", "--since", "soon", "-o", str(target)])
    assert result.exit_code == 1
    assert target.read_text() == "previous export\n"


values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
    st.lists(
        st.dictionaries(st.sampled_from(["value", "max", "unit", "text"]), st.floats() | st.text(max_size=10) | st.none()),
        max_size=2,
    ),
)


# Rows of every export column: three at most, and two quantities per cell, keep an example
# within the data Hypothesis draws for one input as columns are added; on a busy machine a row
# of some thirty columns is "slow" to Hypothesis's health check, which says nothing of the code.
@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.fixed_dictionaries({name: values for name in EXPORT_COLUMNS}), max_size=3))
def test_json_and_jsonl_are_strictly_valid_for_any_values(rows_):
    def strict(constant):
        raise ValueError(f"{constant} is not JSON")

    out = io.StringIO()
    write_json(rows_, out)
    parsed = json.loads(out.getvalue(), parse_constant=strict)
    assert len(parsed) == len(rows_)
    out = io.StringIO()
    write_jsonl(rows_, out)
    lines = [json.loads(line, parse_constant=strict) for line in out.getvalue().splitlines()]
    assert len(lines) == len(rows_)
    for row, line in zip(rows_, lines):
        for name in EXPORT_COLUMNS:
            value = row[name]
            if isinstance(value, float) and not math.isfinite(value):
                assert line[name] is None  # JSON has no NaN or infinity: not known
            elif isinstance(value, float):
                assert line[name] == value


# --- filters are strings, never SQL ----------------------------------------------------------

HOSTILE = ["x' OR 1=1 --", "'; DROP TABLE claims; --", '" OR ""="', "%", "_", "\\", "*", "1) OR (1=1"]


def test_hostile_filters_match_nothing_and_change_nothing(ingested):
    before = runner.invoke(app, ["export", "--format", "jsonl"]).stdout
    assert len(before.splitlines()) == 3
    for option in ("--actor", "--document", "--text", "--country"):
        for value in HOSTILE:
            result = runner.invoke(app, ["query", option, value, "--format", "jsonl"])
            # No match, or one line saying why not ("unknown country", "needs a word").
            assert result.exit_code in (0, 1), (option, value, result.output)
            assert result.stdout == "", (option, value)
    assert runner.invoke(app, ["export", "--format", "jsonl"]).stdout == before


def test_no_filter_value_is_written_into_sql(engine, session):
    store_sample(session)
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda c, cur, statement, *rest: statements.append(statement))
    marker = "zq'\"x; --"
    with engine.connect() as connection:
        for name in ("actor", "document", "text"):
            list(find_claims_rows(connection=connection, filters=ClaimFilter(**{name: marker})))
    assert statements
    assert not [statement for statement in statements if "zq" in statement]
