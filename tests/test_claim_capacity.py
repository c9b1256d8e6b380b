"""The speaker's country and role as each claim's own article gives them (claims.speaker_country
and claims.speaker_role, migration 0010): one actor quoted in two offices in two articles
exports each claim with its own article's country and role, and --country finds each."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import inspect, text
from typer.testing import CliRunner

from claimsdb import db
from claimsdb.cli import app
from claimsdb.records import Speaker
from claimsdb.resolve.actors import _KnownActor, claim_capacity

runner = CliRunner()

FIRST = """Budget vote due in Warsaw

Polish Prime Minister Marek Zalewski said on Tuesday that the budget would pass before the summer recess.
"""
SECOND = """Summit goes ahead

European Council President Marek Zalewski said on Thursday that the summit would go ahead as planned.
"""


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text(FIRST, encoding="utf-8")
    (folder / "two.txt").write_text(SECOND, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(folder)])
    assert result.exit_code == 0, result.output
    return folder


_READERS = {
    "csv": lambda out: list(csv.DictReader(io.StringIO(out, newline=""))),
    "json": json.loads,
    "jsonl": lambda out: [json.loads(line) for line in out.splitlines()],
}


def _export(*args: str, fmt: str = "jsonl") -> list[dict]:
    result = runner.invoke(app, ["export", "--format", fmt, *args])
    assert result.exit_code == 0, result.output
    return _READERS[fmt](result.stdout)


def _by_document(rows: list[dict]) -> dict[str, tuple]:
    return {row["document"].rsplit("/", 1)[-1]: (row["speaker"], row["speaker_role"], row["country"],
                                                  row["country_name"]) for row in rows}


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_one_person_in_two_offices_exports_each_article_s_country(articles, fmt):
    rows = _export(fmt=fmt)
    assert _by_document(rows) == {
        "one.txt": ("Marek Zalewski", "Prime Minister", "PL", "Poland"),
        "two.txt": ("Marek Zalewski", "European Council President", "EU", "European Union"),
    }
    assert len({str(row["actor_id"]) for row in rows}) == 1


def test_the_actor_keeps_the_first_article_s_country_and_role(articles):
    result = runner.invoke(app, ["actors", "export"])
    assert result.exit_code == 0, result.output
    [actor] = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert (actor["name"], actor["role"], actor["country"], actor["claims"]) == (
        "Marek Zalewski", "Prime Minister", "PL", "2")


def test_only_the_claim_whose_article_differs_holds_a_value(articles, engine):
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT speaker_country, speaker_role FROM claims ORDER BY id")).all()
    assert [tuple(row) for row in rows] == [(None, None), ("EU", "European Council President")]


@pytest.mark.parametrize(("country", "document"), [("EU", "two.txt"), ("Poland", "one.txt"), ("Polish", "one.txt")])
def test_country_filter_finds_each_claim_under_its_own_article_s_country(articles, country, document):
    rows = _export("--country", country)
    assert [row["document"].rsplit("/", 1)[-1] for row in rows] == [document]
    result = runner.invoke(app, ["query", "--country", country, "--since", "2000", "--format", "jsonl", "--limit", "5"])
    assert result.exit_code == 0, result.output


def test_query_with_a_limit_finds_each_claim_too(articles):
    for country, expected in (("EU", "the summit would go ahead"), ("PL", "the budget would pass")):
        result = runner.invoke(app, ["query", "--country", country, "--limit", "5", "--format", "jsonl"])
        assert result.exit_code == 0, result.output
        [row] = [json.loads(line) for line in result.stdout.splitlines()]
        assert row["text"].startswith(expected)


def test_positions_by_country_count_each_claim_under_its_own_country(articles):
    result = runner.invoke(app, ["positions", "--by", "country", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert {row["country"]: row["claims"] for row in json.loads(result.stdout)} == {"PL": 1, "EU": 1}


def test_the_claim_rows_view_gives_the_claim_s_country(articles, engine):
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT role, country FROM claim_rows ORDER BY claim_id")).all()
    assert [tuple(row) for row in rows] == [("Prime Minister", "PL"), ("European Council President", "EU")]


def test_reassigning_a_claim_drops_what_its_article_said_of_the_speaker(articles, tmp_path):
    other = tmp_path / "three.txt"
    other.write_text("Port reopens\n\nHarbour master Ilse Vand said the port would reopen in May.\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(other)]).exit_code == 0
    [claim] = [row for row in _export() if row["document"].endswith("two.txt")]
    result = runner.invoke(app, ["reassign", str(claim["claim_id"]), "Ilse Vand"])
    assert result.exit_code == 0, result.output
    [claim] = [row for row in _export() if row["document"].endswith("two.txt")]
    assert (claim["speaker"], claim["country"]) == ("Ilse Vand", None)


def test_migration_0010_adds_the_columns_and_keeps_stored_claims(articles, engine):
    db.downgrade_database(engine, "0009")
    assert not {"speaker_country", "speaker_role"} & {c["name"] for c in inspect(engine).get_columns("claims")}
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM claims")).scalar() == 2
        assert [tuple(r) for r in connection.execute(text("SELECT country FROM claim_rows ORDER BY claim_id"))] == [
            ("PL",), ("PL",)]
    assert db.upgrade_database(engine) == ("0009", db.HEAD_REVISION)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT speaker_country, speaker_role FROM claims")).all()
    # Claims stored before keep NULL: what their article said was not kept.
    assert [tuple(row) for row in rows] == [(None, None)] * 2
    assert {row["country"] for row in _export()} == {"PL"}
    result = runner.invoke(app, ["ingest", str(articles), "--force"])
    assert result.exit_code == 0, result.output
    assert {row["country"] for row in _export()} == {"PL", "EU"}


def _actor(role: str | None, country: str | None, *, edited: bool = False, kind: str = "person") -> _KnownActor:
    return _KnownActor(1, "Ana Lind", "ana lind", kind, role, country, edited)


@pytest.mark.parametrize(("speaker", "actor", "expected"), [
    # Another office, and the country said with it.
    (Speaker("Ana Lind", role="Defence Minister", country="SE"), _actor("Foreign Minister", "SE"),
     (None, "Defence Minister")),
    (Speaker("Ana Lind", role="Commission President", country="EU"), _actor("Prime Minister", "SE"),
     ("EU", "Commission President")),
    # The same office in other words, or no office: nothing of the claim's own.
    (Speaker("Ana Lind", role="foreign minister", country="SE"), _actor("Foreign Minister", "SE"), (None, None)),
    (Speaker("Ana Lind", role="minister", country="SE"), _actor("Foreign Minister", "SE"), (None, None)),
    (Speaker("Ana Lind", role="Swedish Foreign Minister", country="SE"), _actor("Foreign Minister", "SE"),
     (None, None)),
    (Speaker("Ana Lind", country="NO"), _actor("Foreign Minister", "SE"), (None, None)),
    (Speaker("Ana Lind", role="Prime Minister", country="SE"), _actor("Prime Minister", "SE"), (None, None)),
    # A country inferred from where the speaker is quoted does not override the actor's.
    (Speaker("Ana Lind", role="Commission President", country="BE", country_inferred=True),
     _actor("Prime Minister", "SE"), (None, "Commission President")),
    # Words that hold no office.
    (Speaker("Ana Lind", role="On Monday", country="SE"), _actor("Prime Minister", "SE"), (None, None)),
    # An actor a user edited keeps what the user set.
    (Speaker("Ana Lind", role="Commission President", country="EU"), _actor("Prime Minister", "SE", edited=True),
     (None, None)),
])
def test_claim_capacity(speaker, actor, expected):
    assert claim_capacity(speaker, actor) == expected
