"""The target of a stance ("accused Denmark of ..."): stored with its offsets, exported after
the other columns, shown by `claims show` and `claims extract`, positioned by its rule."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import inspect, text
from typer.testing import CliRunner

from claimsdb import db
from claimsdb.cli import app

runner = CliRunner()

ARTICLE = """Fishing row deepens

Foreign Minister Lars Holm accused Denmark of breaking the fishing agreement.

Mayor Eva Strand said the harbour would reopen in May.

Admiral Trond Sola warned fishermen against sailing in the storm.
"""


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "fishing.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def ingested(article):
    result = runner.invoke(app, ["ingest", str(article)])
    assert result.exit_code == 0, result.output
    return article


def _export(fmt: str) -> list[dict]:
    result = runner.invoke(app, ["export", "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    if fmt == "json":
        return json.loads(result.stdout)
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_export_gives_the_target_after_every_other_column(ingested, fmt):
    rows = _export(fmt)
    columns = list(rows[0])
    assert columns[columns.index("reports") + 1 :] == ["target", "target_start", "target_end"]
    by_text = {row["text"]: row for row in rows}
    accusation = by_text["breaking the fishing agreement"]
    assert accusation["target"] == "Denmark"
    start, end = int(accusation["target_start"]), int(accusation["target_end"])
    assert ARTICLE[start:end] == "Denmark"
    plain = by_text["the harbour would reopen in May"]
    assert plain["target"] in (None, "") and plain["target_start"] in (None, "")


def test_positions_follow_the_stance_rules(ingested):
    by_text = {row["text"]: row for row in _export("jsonl")}
    assert (by_text["breaking the fishing agreement"]["polarity"], by_text["breaking the fishing agreement"]["modality"]) \
        == ("negative", "assert")
    # The cue word is only "warned"; the rule says the speaker opposes it and asks others not to.
    assert (by_text["sailing in the storm"]["polarity"], by_text["sailing in the storm"]["modality"]) \
        == ("negative", "demand")


def test_show_names_the_target_and_its_offsets(ingested):
    row = next(r for r in _export("jsonl") if r["rule"] == "accuse-of")
    result = runner.invoke(app, ["show", str(row["claim_id"])])
    assert result.exit_code == 0, result.output
    assert "Rule        accuse-of" in result.stdout
    assert "Target      Denmark" in result.stdout
    assert f"target {row['target_start']}–{row['target_end']}" in result.stdout


def test_extract_gives_the_target_without_a_database(article):
    result = runner.invoke(app, ["extract", str(article), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["rule"], r["target"]) for r in rows] == [
        ("accuse-of", "Denmark"), ("said-clause", None), ("warn-against", "fishermen")]
    for r in rows:
        if r["target"] is not None:
            assert ARTICLE[r["target_start"] : r["target_end"]] == r["target"]
    table = runner.invoke(app, ["extract", str(article)])
    assert "→ Denmark" in table.stdout


def test_migration_0007_adds_the_target_columns_and_keeps_stored_claims(ingested, engine):
    db.downgrade_database(engine, "0006")
    assert not {"target", "target_start", "target_end"} & {c["name"] for c in inspect(engine).get_columns("claims")}
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT count(*) FROM claims")).scalar()
    assert stored == 3
    assert db.upgrade_database(engine) == ("0006", db.HEAD_REVISION)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT target, target_start, target_end FROM claims")).all()
    # Claims stored before keep no target: only the extractor finds it.
    assert rows == [(None, None, None)] * 3
    result = runner.invoke(app, ["ingest", str(ingested), "--force"])
    assert result.exit_code == 0, result.output
    assert "Denmark" in {row["target"] for row in _export("jsonl")}


def test_the_claim_rows_view_shows_the_target(ingested, engine):
    with engine.connect() as connection:
        found = connection.execute(text("SELECT speaker, target FROM claim_rows WHERE target IS NOT NULL ORDER BY claim_id")).all()
    assert [tuple(row) for row in found] == [("Lars Holm", "Denmark"), ("Trond Sola", "fishermen")]
