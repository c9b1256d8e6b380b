"""`--min-confidence` on `claims query` and `claims export`, through the command line."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimsdb.cli import app
from factories import store_sample

runner = CliRunner()


@pytest.fixture
def sample(session):
    store_sample(session)


@pytest.mark.parametrize("command", ["query", "export"])
def test_min_confidence_keeps_only_surer_claims(sample, command):
    everything = runner.invoke(app, [command, "--format", "jsonl"])
    sure = runner.invoke(app, [command, "--format", "jsonl", "--min-confidence", "0.85"])
    assert everything.exit_code == sure.exit_code == 0
    assert len(everything.stdout.splitlines()) == 6
    [row] = map(json.loads, sure.stdout.splitlines())
    assert (row["text"], row["confidence"]) == ("We need at least 200,000 peacekeepers.", 0.9)


@pytest.mark.parametrize("command", ["query", "export"])
def test_min_confidence_outside_0_to_1_is_a_usage_error(sample, command):
    result = runner.invoke(app, [command, "--min-confidence", "1.5"])
    assert result.exit_code == 2
    assert "--min-confidence" in result.output
