"""`claims ingest --shard K/N`: N processes given the same inputs split them by content, with
no coordination beyond the database they share."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from claimsdb.cli import app
from claimsdb.ingest import Shard
from test_concurrency import summary, write_articles

runner = CliRunner()


def new_and_skipped(output: str) -> tuple[int, int]:
    # The first row of the report's table: New, Skipped, Replaced, Failed, Claims added.
    row = next(line for line in output.splitlines() if re.search(r"\d", line))
    new, skipped, *_ = (int(n) for n in re.findall(r"\d+", row))
    return new, skipped


@pytest.fixture
def folder(tmp_path):
    paths = write_articles(tmp_path / "articles", 30)
    # The same content under another name: one document, in whichever shard holds its content.
    shutil.copy(paths[0], tmp_path / "articles" / "copy_of_first.txt")
    return tmp_path / "articles"


def test_the_shards_together_store_every_input_once_like_one_ingest(folder, isolated_database, tmp_path):
    news = []
    for number in (1, 2, 3):
        result = runner.invoke(app, ["ingest", str(folder), "--shard", f"{number}/3"])
        assert result.exit_code == 0, result.output
        new, skipped = new_and_skipped(result.output)
        news.append(new)
        assert f"Left to the other shards: {31 - new - skipped} inputs." in result.output
    assert sum(news) == 30
    assert all(news), news  # 30 contents are not all in one shard

    whole = str(tmp_path / "whole.db")
    assert runner.invoke(app, ["ingest", str(folder), "--db", whole]).exit_code == 0
    got, expected = summary(str(isolated_database)), summary(whole)
    assert got["documents"] == expected["documents"] == (30, 30)
    assert got["claims"] == expected["claims"]
    assert got["actors"] == expected["actors"]
    assert got["duplicate_actors"] == []


def test_running_the_shards_again_adds_nothing(folder, isolated_database):
    for number in (1, 2):
        assert runner.invoke(app, ["ingest", str(folder), "--shard", f"{number}/2"]).exit_code == 0
    before = summary(str(isolated_database))
    for number in (2, 1):
        result = runner.invoke(app, ["ingest", str(folder), "--shard", f"{number}/2"])
        assert result.exit_code == 0, result.output
        assert new_and_skipped(result.output)[0] == 0
    result = runner.invoke(app, ["ingest", str(folder)])
    assert new_and_skipped(result.output) == (0, 31)
    assert summary(str(isolated_database)) == before


def test_a_file_that_cannot_be_read_is_reported_by_every_shard(folder):
    # Refused before it is read, so it has no content hash to pick a shard.
    (folder / "huge.txt").write_text("The minister said the talks would resume. " * 200)
    for number in (1, 2):
        result = runner.invoke(app, ["ingest", str(folder), "--shard", f"{number}/2", "--max-bytes", "4KB"])
        assert result.exit_code == 1
        assert "huge.txt" in result.output


def test_shards_run_at_once_by_separate_processes(tmp_path, isolated_database):
    folder = tmp_path / "articles"
    write_articles(folder, 60)
    url = str(isolated_database)
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "claimsdb", "ingest", str(folder), "--db", url, "--shard", f"{number}/3"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        for number in (1, 2, 3)
    ]
    outputs = [process.communicate(timeout=300)[0] for process in processes]
    assert [process.returncode for process in processes] == [0, 0, 0], outputs
    assert sum(new_and_skipped(output)[0] for output in outputs) == 60
    got = summary(url)
    assert got["documents"] == (60, 60)
    assert got["duplicate_actors"] == []


def test_the_shard_of_a_content_is_the_same_everywhere():
    # Machines running different claimsdb versions share one corpus: the rule must not change.
    contents = [b"A statement about the budget.\n", b"The minister said the talks would resume.\n", b"x"]
    expected = [[2, 3, 2, 1], [2, 3, 4, 3], [1, 1, 1, 2]]
    for content, shards in zip(contents, expected):
        sha = hashlib.sha256(content).hexdigest()
        assert [[k for k in range(1, n + 1) if Shard(k, n).holds(sha)] for n in (2, 3, 4, 7)] == [[k] for k in shards]
        assert Shard(1, 1).holds(sha)


@pytest.mark.parametrize("value, message", [
    ("0/3", "from 1 to 3"),
    ("4/3", "from 1 to 3"),
    ("1/0", "at least 1"),
    ("2", "is not K/N"),
    ("a/b", "is not K/N"),
    ("-1/3", "is not K/N"),
])
def test_a_bad_shard_is_a_usage_error(folder, value, message):
    result = runner.invoke(app, ["ingest", str(folder), "--shard", value])
    assert result.exit_code == 2
    assert message in result.output
