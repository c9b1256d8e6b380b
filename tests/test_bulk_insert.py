"""db.insert_rows and insert_returning_ids: the multi-row INSERTs built for SQLite store exactly
the rows SQLAlchemy's own insert(table) stores, converted values and defaults included."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import insert, select, text

from claimsdb import db
from claimsdb.db import insert_returning_ids, insert_rows
from claimsdb.models import Actor, ActorAlias, Document

pytestmark = pytest.mark.sqlite

_DOCUMENTS = Document.__table__
_ACTORS = Actor.__table__


def _document(number: int, **values) -> dict:
    return dict(
        path=f"/news/{number}.txt", sha256=f"{number:064x}", title=f"Title {number}", outlet=None,
        published_on=date(2025, 3, number % 28 + 1) if number % 3 else None, published_method="byline",
        encoding="utf-8", media_type="text", text=f"Text number {number}, with an accent: café.",
        url=None, language="en", extractor_version="test", ingested_at=datetime(2025, 4, 1, 12, 30, 5, 123456 * (number % 2)),
    ) | values


def _stored(connection, table) -> list[tuple]:
    return [tuple(row) for row in connection.execute(select(table).order_by(table.c.id))]


def test_bulk_insert_stores_the_rows_sqlalchemy_stores(engine):
    rows = [_document(n) for n in range(1, 40)]
    with engine.begin() as connection:
        connection.execute(insert(_DOCUMENTS), [dict(row, id=n) for n, row in enumerate(rows, 1)])
        through_sqlalchemy = _stored(connection, _DOCUMENTS)
        # The raw values too: dates as SQLAlchemy writes them, not as the driver would.
        raw_before = connection.execute(text("SELECT published_on, ingested_at FROM documents ORDER BY id")).all()
        connection.execute(_DOCUMENTS.delete())
        insert_rows(connection, _DOCUMENTS, [dict(row, id=n) for n, row in enumerate(rows, 1)])
        assert _stored(connection, _DOCUMENTS) == through_sqlalchemy
        assert connection.execute(text("SELECT published_on, ingested_at FROM documents ORDER BY id")).all() == raw_before


def test_bulk_insert_applies_python_defaults_and_booleans(engine):
    # user_edited given (True, False) on some rows, left to its default on others.
    actors = [dict(name="Ann Example", name_key="ann example", type="person", role=None, country="GB",
                   user_edited=edited) for edited in (False, True)]
    actors += [dict(name="Example Ministry", name_key="example ministry", type="organization", role=None,
                    country=None)]
    with engine.begin() as connection:
        connection.execute(insert(_ACTORS), actors[:2])
        connection.execute(insert(_ACTORS), actors[2:])
        through_sqlalchemy = [row[1:] for row in _stored(connection, _ACTORS)]
        raw_before = connection.execute(text("SELECT user_edited, claims FROM actors ORDER BY id")).all()
        connection.execute(_ACTORS.delete())
        ids = insert_returning_ids(connection, _ACTORS, actors)
        assert [row[1:] for row in _stored(connection, _ACTORS)] == through_sqlalchemy
        assert connection.execute(text("SELECT user_edited, claims FROM actors ORDER BY id")).all() == raw_before
    # Ids are never reused, even after the rows were deleted.
    assert ids == [4, 5, 6]


def test_bulk_insert_splits_many_rows_across_statements(engine, monkeypatch):
    monkeypatch.setattr(db, "_SQLITE_ROWS_PER_STATEMENT", 7)
    with engine.begin() as connection:
        [actor_id] = insert_returning_ids(connection, _ACTORS, [
            dict(name="Ann Example", name_key="ann example", type="person", role=None, country=None)])
        aliases = [dict(actor_id=actor_id, alias=f"A{n}", alias_key=f"a{n}", fold_key=f"a{n}") for n in range(50)]
        insert_rows(connection, ActorAlias.__table__, aliases)
        stored = connection.execute(select(ActorAlias.alias).order_by(ActorAlias.id)).scalars().all()
    assert stored == [f"A{n}" for n in range(50)]


def test_bulk_insert_returns_ids_in_row_order_and_fills_fts(session):
    from claimsdb.store import store_document
    from factories import KYIV, sample_claims

    result = store_document(session=session, document=KYIV, claims=sample_claims()[KYIV])
    ids = session.execute(text("SELECT id FROM claims ORDER BY id")).scalars().all()
    fts = session.execute(text("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'peacekeepers'")).scalars().all()
    assert result.claims_added == len(ids) == 2
    assert fts == [ids[0]]


def test_tuple_insert_stores_the_rows_sqlalchemy_stores(engine):
    # Rows given as the values of a list of columns, as ingest stores claims: dates, times,
    # booleans converted as SQLAlchemy converts them, and a column left out takes its default.
    rows = [_document(n) for n in range(1, 40)]
    columns = list(rows[0])
    actors = [dict(name=f"Ann Example {n}", name_key=f"ann example {n}", type="person", role=None, country="GB")
              for n in range(3)]
    with engine.begin() as connection:
        connection.execute(insert(_DOCUMENTS), rows)
        connection.execute(insert(_ACTORS), actors)
        documents_before = _stored(connection, _DOCUMENTS)
        actors_before = [row[1:] for row in _stored(connection, _ACTORS)]
        raw_before = connection.execute(text("SELECT published_on, ingested_at FROM documents ORDER BY id")).all()
        connection.execute(_DOCUMENTS.delete())
        connection.execute(_ACTORS.delete())
        ids = db.insert_tuples_returning_ids(connection, _DOCUMENTS, columns, [tuple(row.values()) for row in rows])
        db.insert_tuples(connection, _ACTORS, list(actors[0]), [tuple(actor.values()) for actor in actors])
        assert [row[1:] for row in _stored(connection, _DOCUMENTS)] == [row[1:] for row in documents_before]
        assert [row[0] for row in _stored(connection, _DOCUMENTS)] == ids == list(range(40, 79))
        assert connection.execute(text("SELECT published_on, ingested_at FROM documents ORDER BY id")).all() == raw_before
        assert [row[1:] for row in _stored(connection, _ACTORS)] == actors_before
