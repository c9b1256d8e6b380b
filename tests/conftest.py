"""Shared fixtures. Every test gets its own database: CLAIMS_DB points at a file in a fresh
temporary folder, which is also the working directory, so nothing is written into the repo."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session


@pytest.fixture(autouse=True)
def isolated_database(tmp_path, monkeypatch):
    """The database every command and open_engine() uses unless told otherwise."""
    monkeypatch.setenv("CLAIMS_DB", str(tmp_path / "claims.db"))
    monkeypatch.chdir(tmp_path)
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
