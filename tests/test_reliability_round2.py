"""Round two of the hostile tester's findings (issue 13): each test reproduces one defect.

Real files, real databases, the real command line; nothing is stubbed.
"""

from __future__ import annotations

import codecs
import os
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from claimsdb.cli import app

runner = CliRunner()

ARTICLE = (
    "Ministers meet in Lisbon\n\n"
    "Anna Berg said on Monday that the harbour would reopen within a week.\n"
)


def claims(*args: str):
    return runner.invoke(app, [str(arg) for arg in args])


def stored_texts(engine) -> list[str]:
    with engine.connect() as connection:
        return [row.text for row in connection.execute(text("SELECT text FROM documents"))]


# --- 3. NUL characters ---------------------------------------------------------------------


def test_a_nul_character_anywhere_in_decoded_text_is_refused_on_every_database(tmp_path, engine):
    # UTF-16 has NUL bytes everywhere, so only the decoded text can tell; this NUL lies far
    # past any sample a reader might take from the start.
    body = ARTICLE + "Padding sentence for the reader. " * 3000 + "\x00 and then more text.\n"
    assert body.index("\x00") > 65536
    nul = tmp_path / "late_nul.txt"
    nul.write_bytes(codecs.BOM_UTF16_LE + body.encode("utf-16-le"))
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")

    result = claims("ingest", nul, good)

    assert result.exit_code == 1, result.output
    assert "late_nul.txt" in result.stdout and "NUL" in result.stdout
    assert stored_texts(engine) == [ARTICLE]


# --- 4. --workers ------------------------------------------------------------------------------


def two_articles(folder: Path) -> list[Path]:
    first, second = folder / "first.txt", folder / "second.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text(ARTICLE.replace("Anna Berg", "Tom Reyes"), encoding="utf-8")
    return [first, second]


@pytest.mark.parametrize("workers", ["1000", "100000", "99999999999999999999999"])
def test_more_workers_than_inputs_are_not_started_and_the_summary_says_so(workers, tmp_path, engine):
    started = time.monotonic()
    result = claims("ingest", *two_articles(tmp_path), "--workers", workers)
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 30
    assert f"2 worker processes, not {int(workers):,}" in " ".join(result.stdout.split())
    assert len(stored_texts(engine)) == 2


def test_workers_are_capped_at_four_per_cpu(tmp_path, engine):
    from claimsdb.ingest import worker_count

    cpus = os.cpu_count() or 1
    assert worker_count(10_000, inputs=100_000) == 4 * cpus
    assert worker_count(3, inputs=2) == 2
    assert worker_count(2, inputs=1) == 0  # one input is analysed in this process
    assert worker_count(0, inputs=50) == 0
