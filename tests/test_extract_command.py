"""`claims extract`: read + extract + resolve on files, no database; and the extractor registry."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimsdb.cli import app
from claimsdb.errors import UnknownExtractor
from claimsdb.extract import base
from claimsdb.extract.base import Extraction, Extractor, get_extractor
from claimsdb.records import ClaimCandidate, Speaker

runner = CliRunner()

ARTICLE = (
    "Harbour plan approved\n\n"
    "The mayor said that the new quay would open in June.\n\n"
    '"We have waited ten years for this," said Ingrid Solberg, the harbour master.\n'
)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def extract(*args: str):
    return runner.invoke(app, ["extract", *args])


def test_jsonl_gives_rule_speaker_offsets_and_confidence(article, tmp_path):
    result = extract(str(article), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["rule"], r["speaker"], r["text"]) for r in rows] == [
        ("said-that", "The mayor (harbour)", "the new quay would open in June"),
        ("inverted-verb-first", "Ingrid Solberg", '"We have waited ten years for this,"'),
    ]
    for r in rows:
        assert ARTICLE[r["text_start"] : r["text_end"]] == r["text"]
        assert ARTICLE[r["speaker_start"] : r["speaker_end"]] == r["speaker_mention"]
        assert ARTICLE[r["cue_start"] : r["cue_end"]] == r["cue"] == "said"
        assert 0 < r["confidence"] < 1
    assert rows[1]["speaker_role"] == "harbour master"
    assert not list(tmp_path.glob("*.db")), "extract must not create a database"


def test_json_is_one_array_with_the_same_claims(article):
    as_json = json.loads(extract(str(article), "-f", "json").stdout)
    as_jsonl = [json.loads(line) for line in extract(str(article), "-f", "jsonl").stdout.splitlines()]
    assert as_json == as_jsonl


def test_table_names_the_rule_of_each_claim(article):
    result = extract(str(article))
    assert result.exit_code == 0
    assert "said-that" in result.stdout and "inverted-verb-first" in result.stdout
    assert "Solberg" in result.stdout


def test_an_unreadable_file_is_reported_and_the_others_are_still_read(article, tmp_path):
    missing = tmp_path / "missing.txt"
    result = extract(str(missing), str(article), "-f", "jsonl")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr.startswith(f"Error: {missing}")


def test_a_file_without_claims_says_so(tmp_path):
    quiet = tmp_path / "quiet.txt"
    quiet.write_text("The quay opened in June. Ships arrived.\n", encoding="utf-8")
    result = extract(str(quiet))
    assert result.exit_code == 0
    assert "No claims found." in result.stdout


def test_a_bad_format_is_a_usage_error(article):
    result = extract(str(article), "--format", "csv")
    assert result.exit_code == 2


def test_the_rules_extractor_is_the_default_and_follows_the_protocol():
    extractor = get_extractor()
    assert isinstance(extractor, Extractor)
    assert extractor.name == "rules" and extractor.version.startswith("rules-")
    assert get_extractor("rules") is extractor


def test_an_unknown_extractor_name_raises():
    with pytest.raises(UnknownExtractor, match="no extractor named 'llm'"):
        get_extractor("llm")


class _Echo:
    """An extractor that takes the whole first line as a claim of "Echo"."""

    name = "echo"
    version = "echo-1"

    def find_claims(self, document):
        end = document.text.index("\n")
        return Extraction([ClaimCandidate(kind="indirect", text_start=0, text_end=end, speaker_start=0,
                                          speaker_end=4, speaker=Speaker("Echo"), rule="whole-line")])


def test_ingest_takes_its_extractor_and_version_from_the_registry(monkeypatch, article, tmp_path):
    """A plugged-in extractor needs no change to ingest or store."""
    monkeypatch.setitem(base.EXTRACTORS, "rules", f"{__name__}:_Echo")
    monkeypatch.setattr(base, "_instances", {})
    db = str(tmp_path / "claims.db")
    assert runner.invoke(app, ["ingest", str(article), "--db", db]).exit_code == 0
    rows = [json.loads(line) for line in
            runner.invoke(app, ["export", "--format", "jsonl", "--db", db]).stdout.splitlines()]
    assert [(r["text"], r["rule"], r["extractor_version"]) for r in rows] == [
        ("Harbour plan approved", "whole-line", "echo-1")
    ]
