"""The schema comes from the migrations alone, and the migrations match the models."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from claimsdb import db
from claimsdb.errors import DatabaseError
from claimsdb.models import Base, include_name

APP_TABLES = {"documents", "actors", "actor_aliases", "claims", "quantities", "actor_redirects", "speaker_fixes"}


def schema_differences(engine) -> list:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_name": include_name, "compare_type": True}
        )
        return compare_metadata(context, Base.metadata)


@pytest.mark.sqlite
def test_first_use_creates_the_schema_at_head(isolated_database):
    engine = db.open_engine()
    assert db.current_revision(engine) == db.HEAD_REVISION
    assert APP_TABLES <= set(inspect(engine).get_table_names())
    assert isolated_database.exists()


@pytest.mark.sqlite
def test_a_new_database_is_migrated_in_one_transaction_holding_the_write_lock(tmp_path):
    # Three ingests starting on one new database take turns at the migrations: one write lock
    # for the whole upgrade, or a second process could rerun a migration between two others.
    from sqlalchemy import event

    engine = db.build_engine(f"sqlite:///{tmp_path / 'new.db'}")
    statements: list[str] = []
    event.listen(engine, "connect", lambda dbapi, _: dbapi.set_trace_callback(statements.append))
    db.upgrade_database(engine)
    assert db.current_revision(engine) == db.HEAD_REVISION
    writes = [s for s in statements if s.upper() in ("BEGIN IMMEDIATE", "COMMIT")]
    assert writes == ["BEGIN IMMEDIATE", "COMMIT"]


def test_migrated_schema_matches_the_models(engine):
    assert schema_differences(engine) == []


def test_downgrade_to_base_and_upgrade_again(engine):
    db.downgrade_database(engine, "base")
    assert db.current_revision(engine) is None
    names = set(inspect(engine).get_table_names())
    assert not names & APP_TABLES
    assert not any(name.startswith("claims_fts") for name in names)

    assert db.upgrade_database(engine) == (None, db.HEAD_REVISION)
    assert schema_differences(engine) == []


def test_head_revision_constant_is_the_newest_migration(engine):
    # open_engine skips Alembic when the database is at HEAD_REVISION, so a migration added
    # without updating the constant would never run.
    with db._alembic_config(None) as config:
        assert ScriptDirectory.from_config(config).get_current_head() == db.HEAD_REVISION


@pytest.mark.sqlite
def test_sqlite_connections_enforce_foreign_keys_and_use_wal(engine):
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000


@pytest.mark.sqlite
def test_claim_text_is_indexed_for_full_text_search(engine):
    with engine.connect() as connection:
        triggers = connection.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'claims'")
        ).scalars().all()
    assert {"claims_fts_insert", "claims_fts_delete", "claims_fts_update"} <= set(triggers)


def test_database_written_by_a_newer_claimsdb_is_refused(engine):
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(DatabaseError, match="9999"):
        db.open_engine()


def test_file_that_is_not_a_database_is_an_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("not a database " * 100)
    with pytest.raises(DatabaseError, match="notes.txt"):
        db.open_engine(str(path))


def test_database_in_a_missing_folder_is_an_error(tmp_path):
    with pytest.raises(DatabaseError, match="folder does not exist"):
        db.open_engine(str(tmp_path / "missing" / "claims.db"))


@pytest.mark.sqlite
def test_db_option_wins_over_environment_then_default(tmp_path, monkeypatch):
    assert db.resolve_db_url("other.db") == f"sqlite:///{tmp_path / 'other.db'}"
    assert db.resolve_db_url("postgresql+psycopg://u@h/claims") == "postgresql+psycopg://u@h/claims"
    assert db.resolve_db_url(None) == f"sqlite:///{tmp_path / 'claims.db'}"
    monkeypatch.delenv("CLAIMS_DB")
    assert db.resolve_db_url(None) == f"sqlite:///{tmp_path / 'claims.db'}"
    monkeypatch.setenv("CLAIMS_DB", str(tmp_path / "env.db"))
    assert db.resolve_db_url(None) == f"sqlite:///{tmp_path / 'env.db'}"


def test_upgrade_folds_stored_name_keys_again(engine):
    # A database whose keys were folded before final -ay/-oy met -ai/-oi (0008): after the
    # upgrade, "Nikolai Dorin" ingested again finds the actor stored as "Nikolay Dorin", and a
    # user's merge of "Anton Gromoy" still redirects "Anton Gromoi".
    db.downgrade_database(engine, "0008")
    with engine.begin() as connection:
        actor = connection.execute(text(
            "INSERT INTO actors (name, name_key, type, user_edited, claims)"
            " VALUES ('Nikolay Dorin', 'nikolay dorin', 'person', FALSE, 0) RETURNING id")).scalar()
        connection.execute(text(
            "INSERT INTO actor_aliases (actor_id, alias, alias_key, fold_key)"
            " VALUES (:a, 'Nikolay Dorin', 'nikolay dorin', 'nikolay dorin')"), {"a": actor})
        connection.execute(text(
            "INSERT INTO actor_redirects (fold_key, type, actor_id) VALUES ('anton gromoy', 'person', :a),"
            " ('anton gromoi', 'person', :a), ('ivan lebedey', 'person', :a)"), {"a": actor})
    assert db.upgrade_database(engine) == ("0008", db.HEAD_REVISION)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT fold_key FROM actor_aliases")).scalars().all() == ["nikolai dorin"]
        redirects = connection.execute(text("SELECT fold_key FROM actor_redirects ORDER BY fold_key")).scalars().all()
    assert redirects == ["anton gromoi", "ivan lebedei"]


def _sqlite_contents(path) -> tuple[list, dict]:
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        schema = sorted(connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
        rows = {name: sorted(connection.execute(f'SELECT * FROM "{name}"'), key=repr)
                for type_, name, _, _ in schema if type_ == "table"}
        pragmas = [connection.execute(f"PRAGMA {p}").fetchone() for p in ("user_version", "application_id", "auto_vacuum")]
        return schema, rows, pragmas
    finally:
        connection.close()


@pytest.mark.sqlite
def test_a_new_sqlite_database_gets_exactly_what_the_migrations_build(tmp_path):
    # A new SQLite file is created from the shipped snapshot instead of by running Alembic;
    # it must hold the same tables, columns in the same order, indexes, triggers, views and rows.
    migrated = db.build_engine(f"sqlite:///{tmp_path / 'migrated.db'}")
    db._run_alembic(migrated, "upgrade", "head")
    migrated.dispose()
    created = db.open_engine(str(tmp_path / "created.db"))
    assert db.current_revision(created) == db.HEAD_REVISION
    created.dispose()
    assert _sqlite_contents(tmp_path / "created.db") == _sqlite_contents(tmp_path / "migrated.db")


@pytest.mark.sqlite
def test_the_shipped_sqlite_snapshot_is_the_one_the_migrations_make(tmp_path):
    import json
    from importlib import resources

    migrated = db.build_engine(f"sqlite:///{tmp_path / 'migrated.db'}")
    db._run_alembic(migrated, "upgrade", "head")
    migrated.dispose()
    shipped = json.loads((resources.files("claimsdb.migrations") / db.SQLITE_HEAD_FILE).read_text("utf-8"))
    assert shipped == {"revision": db.HEAD_REVISION, "statements": db.sqlite_head_snapshot(str(tmp_path / "migrated.db"))}, (
        "after changing a migration run: python -c 'from claimsdb import db; db.write_sqlite_head()'"
    )


@pytest.mark.sqlite
def test_a_database_that_is_not_empty_is_migrated_not_recreated(tmp_path):
    # Only an empty file takes the snapshot: one whose schema is older is migrated by Alembic.
    engine = db.build_engine(f"sqlite:///{tmp_path / 'old.db'}")
    db._run_alembic(engine, "upgrade", "0007")
    assert db.upgrade_database(engine) == ("0007", db.HEAD_REVISION)
    assert schema_differences(engine) == []
    engine.dispose()
