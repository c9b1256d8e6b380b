"""The counts `claims stats` and `claims actors` read instead of the claims (actors.claims and
claim_totals, kept by triggers) stay equal to counting the claims, whatever changes them:
ingest, --force, merges, reassign, a database upgraded from before the counts existed."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sqlalchemy import inspect, text
from typer.testing import CliRunner

from claimsdb import db
from claimsdb.cli import app

runner = CliRunner()

# Sentences written for these tests.
FIRST = """Harbour plans

Mayor Lena Roth said on Monday that the harbour would reopen in May. The port authority said the
dredging was finished. Roth said the ferries would run every hour.
"""
SECOND = """Ferry strike

Union leader Piet Brandt said the crews would strike on Friday. The port authority said it regretted
the strike. Lena Roth said she would meet the union.
"""
THIRD = """Quiet harbour

Nothing was said in this article about the harbour.
"""


def ok(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def write(tmp_path: Path, name: str, body: str) -> str:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return str(path)


def counts_match_the_claims() -> dict:
    """The kept counts, after checking each against a count of the claims."""
    engine = db.open_engine()
    with engine.connect() as connection:
        kept = dict(connection.execute(text("SELECT id, claims FROM actors WHERE claims <> 0")).all())
        counted = dict(connection.execute(text("SELECT actor_id, count(*) FROM claims GROUP BY actor_id")).all())
        assert kept == counted
        totals = dict(connection.execute(text("SELECT name, value FROM claim_totals WHERE value <> 0")).all())
        by_kind = connection.execute(text("SELECT 'kind:' || kind, count(*) FROM claims GROUP BY kind")).all()
        documents = connection.execute(text("SELECT count(DISTINCT document_id) FROM claims")).scalar_one()
        assert totals == dict(by_kind) | ({"documents": documents} if documents else {})
    engine.dispose()
    return totals


def stats_numbers() -> dict[str, int]:
    """The first lines of `claims stats`: label → number."""
    numbers = {}
    for line in ok("stats").stdout.splitlines():
        label, _, number = line.strip().rpartition(" ")
        if number.replace(",", "").isdigit() and label and not label.startswith(("│", "┃")):
            numbers.setdefault(label.strip(), int(number.replace(",", "")))
    return numbers


def test_counts_follow_ingest_force_merge_and_reassign(tmp_path):
    paths = [write(tmp_path, n, t) for n, t in (("first.txt", FIRST), ("second.txt", SECOND), ("third.txt", THIRD))]
    ok("ingest", *paths)
    totals = counts_match_the_claims()
    assert totals["documents"] == 2
    numbers = stats_numbers()
    assert numbers["Documents"] == 3
    assert numbers["without claims"] == 1
    assert numbers["Claims"] == sum(v for k, v in totals.items() if k.startswith("kind:"))

    claim_id = ok("query", "--actor", "Lena Roth", "--format", "csv").stdout.splitlines()[1].split(",")[0]
    ok("reassign", claim_id, "Piet Brandt")
    counts_match_the_claims()
    ok("actors", "merge", "Lena Roth", "Piet Brandt")
    counts_match_the_claims()
    ok("ingest", "--force", *paths)
    counts_match_the_claims()


def test_actors_lists_the_most_quoted_first_with_their_counts(tmp_path):
    ok("ingest", write(tmp_path, "first.txt", FIRST), write(tmp_path, "second.txt", SECOND))
    rows = list(csv.DictReader(io.StringIO(ok("actors", "export").stdout, newline="")))
    claims = {row["name"]: int(row["claims"]) for row in rows}
    assert claims["Lena Roth"] == 3
    listed = [line.split("│")[1].strip() for line in ok("actors").stdout.splitlines() if line.startswith("│")]
    assert listed[0] == "Lena Roth"


def test_upgrade_from_before_the_counts_fills_them(tmp_path):
    ok("ingest", write(tmp_path, "first.txt", FIRST), write(tmp_path, "second.txt", SECOND))
    engine = db.open_engine()
    db.downgrade_database(engine, "0006")
    assert "claim_totals" not in inspect(engine).get_table_names()
    db.upgrade_database(engine)
    engine.dispose()
    assert counts_match_the_claims()["documents"] == 2
