"""The main job end to end on the seed articles: ingest, export, and what a user relies on."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimsdb.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).parent / "data" / "seeds_gold.jsonl"


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def _words(s: str) -> str:
    return " " + re.sub(r"[^a-z0-9]+", " ", _fold(s)).strip() + " "


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> list[dict]:
    tmp = tmp_path_factory.mktemp("seeds")
    db = tmp / "seeds.db"
    out = tmp / "seeds.jsonl"
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(db)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_every_exported_claim_slices_its_original_text(exported):
    texts = {p: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    assert exported
    for row in exported:
        original = texts[Path(row["document"])]
        assert original[row["text_start"] : row["text_end"]] == row["text"]
        assert original[row["speaker_start"] : row["speaker_end"]] == row["speaker_mention"]


def _matches(gold: dict, row: dict) -> bool:
    return (
        row["document"].endswith(gold["doc"])
        and any(_words(k) in _words(row["speaker"]) for k in gold["keys"])
        and _fold(gold["evidence"]) in _fold(row["text"])
    )


def test_seed_claims_are_found_with_speaker_date_and_country(exported):
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    required = [g for g in gold if not g.get("optional")]
    found = dates_ok = dates = countries_ok = countries = 0
    for g in required:
        hits = [r for r in exported if _matches(g, r)]
        if not hits:
            continue
        found += 1
        if g.get("date"):
            dates += 1
            want = g["date"]
            dates_ok += any((r["stated_on"] or "").startswith(want) for r in hits)
        if g.get("country"):
            countries += 1
            countries_ok += any(r["country"] == g["country"] for r in hits)
    assert found / len(required) >= 0.9
    assert dates and dates_ok / dates >= 0.9
    assert countries and countries_ok / countries >= 0.9
    # Precision: claims that match no gold item (optional ones included) stay few.
    unmatched = [r for r in exported if not any(_matches(g, r) for g in gold)]
    assert len(unmatched) / len(exported) <= 0.1, [(r["speaker"], r["text"][:60]) for r in unmatched]


def test_page_furniture_and_side_text_produce_no_claims(exported):
    for row in exported:
        assert "indicates required" not in row["text"]
        assert "Subscribe" not in row["text"]


def test_reingest_is_a_no_op(tmp_path):
    db = tmp_path / "again.db"
    runner = CliRunner()

    def export_rows():
        result = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl"])
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]

    assert runner.invoke(app, ["ingest", str(SEEDS), "--db", str(db)]).exit_code == 0
    before = export_rows()
    again = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(db)])
    assert again.exit_code == 0
    after = export_rows()
    assert before and after == before
