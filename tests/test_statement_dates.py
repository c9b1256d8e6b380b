"""When a claim was made, told by the sentences around it."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from claimsdb.cli import app

runner = CliRunner()


def dates(tmp_path: Path, text: str) -> dict[str, str | None]:
    """Ingest ``text`` (published 2024-05-10) and map each claim's speaker to its date."""
    article = tmp_path / "story.txt"
    article.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(article), "--published", "2024-05-10"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["export", "--format", "jsonl", "-o", str(out)]).exit_code == 0
    claims = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {c["speaker"]: c["stated_on"] for c in claims}


def test_date_inside_a_relay_dates_the_claim_nested_in_it(tmp_path):
    found = dates(tmp_path, (
        "Budget row\n\n"
        "Minister Olaf Brenner kept silent until March 3, when he said that the budget was "
        "too small, the Daily Courier reported.\n"
    ))
    assert found["Olaf Brenner"] == "2024-03-03"


def test_date_inside_a_quotation_stays_the_quotation_s(tmp_path):
    found = dates(tmp_path, "Budget row\n\n\"We will vote on March 3,\" Olaf Brenner said.\n")
    assert found["Olaf Brenner"] is None


def test_at_the_time_takes_the_date_told_before(tmp_path):
    found = dates(tmp_path, (
        "Budget row\n\n"
        "On March 3 the cabinet met to discuss the budget.\n"
        "\"The budget is too small,\" Olaf Brenner said at the time.\n"
    ))
    assert found["Olaf Brenner"] == "2024-03-03"


def test_a_named_speaker_takes_the_date_of_the_episode_that_named_it(tmp_path):
    found = dates(tmp_path, (
        "Plant visit\n\n"
        "On March 3 Olaf Brenner toured the steel plant with its workers. "
        "Brenner said the plant would stay open.\n"
    ))
    assert found["Olaf Brenner"] == "2024-03-03"


def test_a_speaker_the_dated_sentence_does_not_name_takes_no_date(tmp_path):
    found = dates(tmp_path, (
        "Plant visit\n\n"
        "On March 3 the union toured the steel plant. "
        "Olaf Brenner said the plant would stay open.\n"
    ))
    assert found["Olaf Brenner"] is None
