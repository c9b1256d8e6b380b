"""Round two of the hostile tester's findings (issue 13): each test reproduces one defect.

Real files, real databases, the real command line; nothing is stubbed.
"""

from __future__ import annotations

import codecs
from pathlib import Path

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
