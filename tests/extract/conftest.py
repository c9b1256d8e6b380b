"""The constructions' tests read text only and open no database: with ``--postgresql`` too they
get a path in their temporary folder, not a new database on the server (creating and dropping
one per test was most of the time these tests took there)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_database(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CLAIMS_DB", str(tmp_path / "claims.db"))
    return tmp_path / "claims.db"
