"""The same schema and queries on PostgreSQL. Runs only when CLAIMS_TEST_POSTGRES_URL names an
empty database it may fill and empty again, e.g.
``postgresql+psycopg://postgres@/claims_test?host=/tmp/pgsock&port=55432``."""

from __future__ import annotations

import os

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.orm import Session

from claimsdb import db
from claimsdb.models import Base, include_name
from claimsdb.query import ClaimFilter, find_claims_rows
from claimsdb.store import store_document
from factories import KYIV, sample_claims, store_sample

URL = os.environ.get("CLAIMS_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(not URL, reason="set CLAIMS_TEST_POSTGRES_URL to test PostgreSQL")


@pytest.fixture
def pg_engine():
    engine = db.build_engine(URL)
    db.downgrade_database(engine, "base")  # whatever an earlier run left
    db.upgrade_database(engine)
    yield engine
    db.downgrade_database(engine, "base")
    engine.dispose()


def test_schema_matches_the_models(pg_engine):
    with pg_engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name, "compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_store_and_filters(pg_engine):
    with Session(pg_engine) as session:
        store_sample(session)
        assert store_document(session=session, document=KYIV, claims=sample_claims()[KYIV]).status == "skipped"
    with pg_engine.connect() as connection:
        def texts(**filters):
            return [r["text"] for r in find_claims_rows(connection=connection, filters=ClaimFilter(**filters))]

        assert len(texts()) == 6
        assert texts(text="peacekeeper") == ["We need at least 200,000 peacekeepers."]
        assert texts(text="x' OR 1=1 --") == []
        assert texts(actor="zelenskiy", since="2025-03-17") == ["peace talks would start in April"]
        assert texts(actor="alvarez") == ["=SUM(A1) is not a formula"]
