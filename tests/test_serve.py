"""`claims serve`: Datasette on the database, started as a user would on a free loopback port,
its pages and JSON API requested over HTTP."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from claimsdb.cli import app
from claimsdb.db import open_engine
from factories import store_sample

pytest.importorskip("datasette", reason="claims serve needs the web extra: pip install '.[web]'")

runner = CliRunner()
STARTUP_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`claims serve` in a process of its own, on a free port of 127.0.0.1."""

    def __init__(self, database: Path, folder: Path, *options: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = folder / f"serve-{self.port}.log"
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "claimsdb", "serve", "--db", str(database), "--port", str(self.port), *options],
                stdout=log, stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                urllib.request.urlopen(self.base + "/-/versions.json", timeout=5).read()
                return
            except (urllib.error.URLError, ConnectionError):
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise AssertionError(f"claims serve did not answer: {self.log.read_text()}") from None
                time.sleep(0.2)

    def get(self, path: str, **params: str) -> str:
        url = self.base + path + ("?" + urllib.parse.urlencode(params) if params else "")
        with urllib.request.urlopen(url, timeout=30) as response:
            assert response.status == 200
            return response.read().decode("utf-8")

    def json(self, path: str, **params: str):
        return json.loads(self.get(path, **params))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    database = folder / "newsroom.db"
    engine = open_engine(str(database))
    with Session(engine) as session:
        store_sample(session)
    engine.dispose()
    running = Server(database, folder)
    yield running
    running.stop()


def rows(server: Server, path: str, **params: str) -> list[dict]:
    return server.json(path, _shape="array", **params)


@pytest.mark.sqlite  # Datasette reads SQLite only
def test_claim_rows_view_has_each_claim_with_its_context(server):
    found = rows(server, "/newsroom/claim_rows.json", _sort="claim_id")
    assert len(found) == 6
    first = found[0]
    assert list(first) == [
        "claim_id", "claim", "speaker", "speaker_type", "role", "country", "date", "date_source", "kind",
        "polarity", "modality", "target", "outlet", "document_title", "url", "confidence", "speaker_edited", "month", "document_id", "actor_id",
    ]
    assert (first["claim"], first["speaker"], first["role"], first["country"]) == (
        "We need at least 200,000 peacekeepers.", "Volodymyr Zelenskyy", "President", "UA",
    )
    assert (first["date"], first["date_source"], first["month"]) == ("2025-03-16", "statement", "2025-03")
    assert first["document_title"] == "Zelensky asks for peacekeepers"
    assert {row["claim"]: row["date_source"] for row in found}["peace talks would start in April"] == "publication"


@pytest.mark.sqlite  # Datasette reads SQLite only
def test_search_returns_only_matching_claims_and_matches_word_forms(server):
    assert [r["claim"] for r in rows(server, "/newsroom/claim_rows.json", _search="peacekeepers")] == [
        "We need at least 200,000 peacekeepers."
    ]
    # Porter stemming, as `claims query --text`: "tank" finds "tanks".
    assert [r["claim"] for r in rows(server, "/newsroom/claim_rows.json", _search="tank")] == ["tanks arrived in Kharkiv"]
    assert rows(server, "/newsroom/claim_rows.json", _search="nothing-like-this") == []
    # Query syntax is searched for as words, never run.
    assert rows(server, "/newsroom/claim_rows.json", _search='plan" OR "tanks') == []
    assert [r["text"] for r in rows(server, "/newsroom/claims.json", _search="peacekeepers")] == [
        "We need at least 200,000 peacekeepers."
    ]
    page = server.get("/newsroom/claim_rows", _search="tank")
    assert "tanks arrived in Kharkiv" in page and "peacekeepers" not in page


@pytest.mark.sqlite  # Datasette reads SQLite only
def test_claim_rows_are_faceted_by_country_speaker_kind_and_month(server):
    data = server.json("/newsroom/claim_rows.json", _size="0")
    facets = data["facet_results"]
    assert list(facets) == ["country", "speaker", "kind", "month"]
    months = {item["value"]: item["count"] for item in facets["month"]["results"]}
    assert months == {"2025-03": 2, "2025-04": 2, "2024-01": 1}
    speakers = {item["value"]: item["count"] for item in facets["speaker"]["results"]}
    assert speakers["Volodymyr Zelenskyy"] == 3


@pytest.mark.sqlite  # Datasette reads SQLite only
def test_canned_queries_match_names_and_countries_as_the_cli_does(server):
    statements = rows(server, "/newsroom/actor_statements.json", actor="zelenskiy")
    assert [(r["speaker"], r["date"]) for r in statements] == [
        ("Volodymyr Zelenskyy", "2025-03-16"), ("Volodymyr Zelenskyy", "2025-03-20"), ("Volodymyr Zelenskyy", None),
    ]
    assert [r["claim"] for r in rows(server, "/newsroom/actor_statements.json", actor="Álvarez")] == ["=SUM(A1) is not a formula"]
    found = rows(server, "/newsroom/country_statements.json", country="Ukrainian", search="peacekeeper")
    assert [r["claim"] for r in found] == ["We need at least 200,000 peacekeepers."]
    assert rows(server, "/newsroom/country_statements.json", country="Russia", search="peacekeeper") == []
    # Opened without values, as Datasette first shows them: no rows, no error.
    assert rows(server, "/newsroom/country_statements.json") == []
    assert rows(server, "/newsroom/actor_statements.json") == []
    page = server.get("/newsroom")
    assert "An actor&#39;s statements, in date order" in page or "An actor's statements, in date order" in page


@pytest.mark.sqlite  # Datasette reads SQLite only
def test_every_claim_links_to_its_document_claim_and_speaker(server):
    found = {r["claim"]: r for r in rows(server, "/newsroom/claim_rows.json")}
    lavrov = found["Russia rejects the plan [sic]"]
    page = server.get("/newsroom/claim_rows", _search="rejects")
    assert f'<a href="/newsroom/documents/{lavrov["document_id"]}">document {lavrov["document_id"]}</a>' in page
    assert f'<a href="/newsroom/actors/{lavrov["actor_id"]}">Sergey Lavrov</a>' in page
    assert f'<a href="/newsroom/claims/{lavrov["claim_id"]}">{lavrov["claim_id"]}</a>' in page
    kyiv = found["peace talks would start in April"]
    page = server.get("/newsroom/actor_statements", actor="Zelensky")
    assert f'<a href="/newsroom/documents/{kyiv["document_id"]}">Zelensky asks for peacekeepers</a>' in page
    # The document page holds the whole article.
    document = server.get(f"/newsroom/documents/{kyiv['document_id']}")
    assert "Zelensky later said peace talks would start in April." in document


@pytest.mark.sqlite  # Datasette reads SQLite only
def test_bookkeeping_tables_are_hidden(server):
    tables = {t["name"]: t["hidden"] for t in server.json("/newsroom.json")["tables"]}
    assert not tables["claims"] and not tables["documents"] and not tables["actors"]
    assert tables["claims_fts"] and tables["alembic_version"]


def other_address() -> str | None:
    """An address of this machine other than loopback, if it has one. Connecting a UDP socket
    only asks the routing table which address would be used: nothing is sent."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") or address == "0.0.0.0" else address


@pytest.mark.sqlite  # Datasette reads SQLite only
def test_serves_this_machine_only_unless_told(server):
    assert f"Serving {server.log.parent / 'newsroom.db'} at http://127.0.0.1:{server.port}/newsroom/claim_rows" in server.log.read_text()
    address = other_address()
    if address is None:
        pytest.skip("this machine has no address but loopback")
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((address, server.port), timeout=5).close()


@pytest.mark.sqlite  # Datasette reads SQLite only
def test_a_port_in_use_is_one_line_error(server, tmp_path):
    result = runner.invoke(app, ["serve", "--db", str(server.log.parent / "newsroom.db"), "--port", str(server.port)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot listen on 127.0.0.1:{server.port}: ")
    assert result.stderr.count("\n") == 1


@pytest.mark.sqlite
def test_a_missing_database_file_is_an_error(tmp_path):
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no database at ")
    assert not (tmp_path / "none.db").exists()


# Not marked sqlite: with --postgresql it is the database every command gets.
def test_a_postgresql_database_is_refused_with_the_reason():
    result = runner.invoke(app, ["serve", "--db", "postgresql+psycopg://user@localhost:1/claims"])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: claims serve works on an SQLite database file only (Datasette reads SQLite), not "
        "postgresql+psycopg; export the claims, or ingest into a file with --db claims.db\n"
    )
