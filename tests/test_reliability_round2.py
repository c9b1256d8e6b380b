"""Round two of the hostile tester's findings (issue 13): each test reproduces one defect.

Real files, real databases, the real command line; nothing is stubbed.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import sqlite3
import stat
import subprocess
import threading
import time
from contextlib import contextmanager
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


# --- 7. user mistakes are not bugs ---------------------------------------------------------

HUGE = "99999999999999999999999"
LONG = "a" * 100_000


@pytest.fixture
def database_with_claims(tmp_path) -> Path:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    database = tmp_path / "claims.db"
    result = claims("ingest", article, "--db", database)
    assert result.exit_code == 0, result.output
    return database


def assert_user_error(result, args, expected_codes=(1, 2)) -> None:
    shown = f"{[a[:40] for a in map(str, args)]}\n{result.output[:2000]}"
    assert result.exit_code in expected_codes, shown
    assert "this is a bug" not in result.output and "Traceback" not in result.output, shown
    assert "SQL" not in result.output and "sqlalche.me" not in result.output, shown
    if result.exit_code == 1:
        assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, shown


@pytest.mark.parametrize(
    "args, codes",
    [
        (["query", "--limit", "100000000000000000000"], (2,)),
        (["export", "--limit", HUGE], (2,)),
        (["actors", "--limit", HUGE], (2,)),
        (["show", HUGE], (2,)),
        (["query", "--document", HUGE], (0,)),
        (["export", "--document", HUGE], (0,)),
        (["query", "--document", "²"], (0,)),
        (["query", "--actor", LONG], (1,)),
        (["export", "--actor", LONG], (1,)),
        (["query", "--document", LONG], (1,)),
        (["query", "--outlet", LONG], (1,)),
        (["query", "--text", LONG], (1,)),
        (["query", "--country", LONG], (1,)),
        (["eval", "gold.jsonl", "--actor", LONG], (1,)),
        (["actors", "set-role", LONG, "Mayor"], (1,)),
        (["actors", "merge", "Berg", LONG], (1,)),
    ],
    ids=lambda value: " ".join(value)[:40] if isinstance(value, list) else None,
)
def test_huge_numbers_and_long_names_are_user_errors(args, codes, database_with_claims, tmp_path):
    (tmp_path / "gold.jsonl").write_text(
        '{"doc": "article.txt", "speaker": "Anna Berg", "keys": ["Berg"], "evidence": "harbour"}\n'
    )
    result = claims(*args, "--db", database_with_claims)
    assert_user_error(result, args, codes)


def test_an_impossible_max_bytes_is_a_usage_error(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    for size in ("99999999999999999999G", "9" * 400 + "G"):
        result = claims("ingest", article, "--max-bytes", size)
        assert_user_error(result, ["ingest"], (2,))
        assert "--max-bytes" in result.stderr


@contextmanager
def immutable(*paths: Path):
    """Files and folders that not even root can change (chattr +i), as on a read-only mount."""
    try:
        subprocess.run(["chattr", "+i", *map(str, paths)], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"cannot make files immutable here: {error}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", *map(str, paths)], check=True)


@pytest.mark.sqlite
@pytest.mark.parametrize(
    "args",
    [
        ["actors", "set-role", "Berg", "Mayor"],
        ["actors", "set-country", "Berg", "Sweden"],
        ["actors", "rename", "Berg", "Anna K. Berg"],
        ["actors", "import", "registry.csv"],
    ],
    ids=lambda args: " ".join(args[:2]),
)
def test_registry_edits_on_a_read_only_database_say_so_in_one_line(args, database_with_claims, tmp_path):
    (tmp_path / "registry.csv").write_text("name,role\nAnna Berg,Mayor\n", encoding="utf-8")
    database = copy_of(database_with_claims, tmp_path / "read_only.db")
    with immutable(database):
        result = claims(*args, "--db", database)
    assert_user_error(result, args, (1,))
    assert "read-only" in result.stderr


def copy_of(database: Path, copy: Path) -> Path:
    """A copy of ``database`` whole in one file, with no write-ahead log beside it."""
    source, target = sqlite3.connect(database), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    return copy


# --- 1. -o and files that are not regular files ----------------------------------------------

OUTPUT_COMMANDS = [["export"], ["query", "--format", "csv"], ["actors", "export"]]


def command_id(args: list[str]) -> str:
    return " ".join(args[:2])


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=command_id)
def test_output_to_a_fifo_writes_into_it(command, database_with_claims, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = claims(*command, "-o", fifo, "--db", database_with_claims)
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced"
    assert b"Anna Berg" in received[0]


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=command_id)
def test_output_through_a_symlink_writes_its_target(command, database_with_claims, tmp_path):
    target = tmp_path / "real" / "claims.csv"
    target.parent.mkdir()
    target.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    result = claims(*command, "-o", link, "--db", database_with_claims)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "Anna Berg" in target.read_text()
    assert not [p for p in target.parent.iterdir() if p != target], "a temporary file was left behind"


def device(path: Path, like: str) -> Path:
    """A character device node of our own, the same device as ``like`` (/dev/null, /dev/full):
    a test that failed by replacing it must not replace the system's."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.stat(like).st_rdev)
    except (OSError, AttributeError) as error:
        pytest.skip(f"cannot make a device node here: {error}")
    return path


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=command_id)
def test_output_to_a_device_writes_to_it_and_never_replaces_it(command, database_with_claims, tmp_path):
    null = device(tmp_path / "null", "/dev/null")
    result = claims(*command, "-o", null, "--db", database_with_claims)
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.lstat(null).st_mode), "the device was replaced"

    full = device(tmp_path / "full", "/dev/full")  # every write fails: no space left
    result = claims(*command, "-o", full, "--db", database_with_claims)
    assert stat.S_ISCHR(os.lstat(full).st_mode), "the device was replaced"
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: ") and str(full) in result.stderr
    assert "No space left" in result.stderr and result.stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


# --- 2. HTML charsets --------------------------------------------------------------------------


def page(charset: str, paragraph: str) -> bytes:
    filler = "".join(
        f"<p>The council met for the {n}th time this year to discuss the budget of the port.</p>\n"
        for n in range(4, 9)
    )
    return (
        f'<!doctype html><html><head><meta charset="{charset}"><title>Harbour news</title></head>'
        f"<body><article><h1>Harbour news</h1>\n<p>{paragraph}</p>\n{filler}"
        "<p>Anna Berg said on Monday that the harbour would reopen within a week.</p>\n"
        "</article></body></html>\n"
    ).encode("ascii")


@pytest.mark.parametrize("charset", ["utf-7", "unicode_escape", "base64", "rot13", "punycode", "x-no-such"])
def test_a_charset_that_is_no_text_encoding_is_ignored_with_a_warning(charset, tmp_path, engine):
    encoded = r"Codes +AGEAYgBj- and \x41\u0042 stay as written."
    path = tmp_path / "odd.html"
    path.write_bytes(page(charset, encoded))

    result = claims("ingest", path)

    assert result.exit_code == 0, result.output
    output = " ".join(result.stdout.split())
    assert "LookupError" not in output and "unknown encoding" not in output
    assert f"odd.html: charset {charset!r}" in output
    [stored] = stored_texts(engine)
    assert encoded in stored  # neither UTF-7 nor escapes were decoded
    assert "harbour would reopen within a week" in stored
    with engine.connect() as connection:
        assert connection.execute(text("SELECT encoding FROM documents")).scalar() == "utf-8"
        assert connection.execute(text("SELECT count(*) FROM claims")).scalar() >= 1


@pytest.mark.parametrize("charset, codec", [("ISO-8859-2", "iso8859-2"), ("latin1", "cp1252"), ("x-mac-cyrillic", "mac-cyrillic")])
def test_a_whatwg_charset_label_is_honoured(charset, codec, tmp_path, engine):
    path = tmp_path / "page.html"
    path.write_bytes(page(charset, "Plain words."))
    result = claims("ingest", path)
    assert result.exit_code == 0, result.output
    assert "charset" not in result.stdout
    with engine.connect() as connection:
        assert connection.execute(text("SELECT encoding FROM documents")).scalar() == codec


# --- 5. read commands never create or migrate; foreign databases are left alone --------------

READ_COMMANDS = [
    ["query"], ["export"], ["stats"], ["show", "1"], ["actors"], ["actors", "export"],
    ["eval", "gold.jsonl"], ["db", "current"],
]


def sqlite_schema(path: Path) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    finally:
        connection.close()


@pytest.fixture
def foreign_database(tmp_path) -> Path:
    path = tmp_path / "notes.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    connection.execute("INSERT INTO notes (body) VALUES ('buy milk')")
    connection.commit()
    connection.close()
    (tmp_path / "gold.jsonl").write_text('{"doc": "a.txt", "speaker": "A", "keys": ["A"], "evidence": "x"}\n')
    return path


@pytest.mark.sqlite
@pytest.mark.parametrize("command", [*READ_COMMANDS, ["ingest", "article.txt"]], ids=command_id)
def test_a_database_of_another_application_is_refused_and_left_as_it_was(command, foreign_database, tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    before = sqlite_schema(foreign_database)
    result = claims(*command, "--db", foreign_database)
    assert_user_error(result, command, (1,))
    assert "not a claimsdb database" in result.stderr and "notes" in result.stderr
    assert sqlite_schema(foreign_database) == before


@pytest.mark.sqlite
def test_db_upgrade_adds_claimsdb_to_a_foreign_database_when_asked(foreign_database):
    result = claims("db", "upgrade", "--db", foreign_database)
    assert result.exit_code == 0, result.output
    names = {name for _, name, _ in sqlite_schema(foreign_database)}
    assert {"notes", "claims", "alembic_version"} <= names
    assert claims("stats", "--db", foreign_database).exit_code == 0


@pytest.mark.parametrize("command", READ_COMMANDS, ids=command_id)
def test_read_commands_on_a_missing_database_create_no_file(command, tmp_path):
    (tmp_path / "gold.jsonl").write_text('{"doc": "a.txt", "speaker": "A", "keys": ["A"], "evidence": "x"}\n')
    missing = tmp_path / "mistyped.db"
    result = claims(*command, "--db", missing)
    assert_user_error(result, command, (1,))
    assert "no database at" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gold.jsonl"]


@pytest.mark.sqlite
@pytest.mark.parametrize("command", READ_COMMANDS[:-1], ids=command_id)
def test_read_commands_on_an_empty_file_create_no_schema(command, tmp_path):
    (tmp_path / "gold.jsonl").write_text('{"doc": "a.txt", "speaker": "A", "keys": ["A"], "evidence": "x"}\n')
    empty = tmp_path / "empty.db"
    empty.touch()
    result = claims(*command, "--db", empty)
    assert_user_error(result, command, (1,))
    assert "claims ingest" in result.stderr
    assert empty.stat().st_size == 0


def test_read_commands_on_an_empty_postgresql_database_create_no_schema(postgres_url):
    from claimsdb import db

    for command in (["query"], ["stats"], ["actors", "export"]):
        result = claims(*command, "--db", postgres_url)
        assert_user_error(result, command, (1,))
        assert "no claimsdb data yet" in result.stderr
    assert db.current_revision(db.build_engine(postgres_url)) is None


# --- 8. damaged databases, read-only folders, -o '' ---------------------------------------------


@pytest.fixture
def damaged_database(tmp_path) -> tuple[Path, list[Path]]:
    folder = tmp_path / "articles"
    folder.mkdir()
    articles = []
    for n in range(30):
        path = folder / f"a{n:02}.txt"
        path.write_text(ARTICLE.replace("Monday", f"Monday, the {n + 1}th,") * 5, encoding="utf-8")
        articles.append(path)
    database = tmp_path / "claims.db"
    assert claims("ingest", folder, "--db", database).exit_code == 0
    database = copy_of(database, tmp_path / "damaged.db")
    connection = sqlite3.connect(database)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    roots = connection.execute("SELECT rootpage FROM sqlite_master WHERE name IN ('claims', 'actors')").fetchall()
    connection.close()
    with open(database, "r+b") as f:
        for (page,) in roots:  # the tables' first pages overwritten, as by a bad disk
            f.seek((page - 1) * page_size)
            f.write(b"\xff" * page_size)
    return database, articles


@pytest.mark.sqlite
@pytest.mark.parametrize("command", [["query"], ["export"], ["stats"], ["actors"], ["actors", "export"]], ids=command_id)
def test_a_damaged_database_is_said_once_with_how_to_check_it(command, damaged_database):
    database, _ = damaged_database
    result = claims(*command, "--db", database)
    assert_user_error(result, command, (1,))
    assert "damaged" in result.stderr and "PRAGMA integrity_check" in result.stderr


@pytest.mark.sqlite
def test_ingest_into_a_damaged_database_stops_at_once_saying_why(damaged_database):
    database, articles = damaged_database
    result = claims("ingest", *articles, "--force", "--db", database)
    assert_user_error(result, ["ingest"], (1,))
    assert "damaged" in result.stderr and "PRAGMA integrity_check" in result.stderr
    assert "malformed" not in result.stdout  # not one line per file


@pytest.mark.sqlite
@pytest.mark.parametrize(
    "command",
    [["query"], ["export"], ["stats"], ["show", "1"], ["actors"], ["actors", "export"], ["db", "current"]],
    ids=command_id,
)
def test_a_database_in_a_read_only_folder_can_be_read(command, database_with_claims, tmp_path):
    folder = tmp_path / "readonly"
    folder.mkdir()
    database = copy_of(database_with_claims, folder / "claims.db")
    with immutable(database, folder):
        result = claims(*command, "--db", database)
    assert result.exit_code == 0, result.output
    assert ("Anna Berg" in result.stdout) or command[0] in ("stats", "db")
    assert sorted(p.name for p in folder.iterdir()) == ["claims.db"]


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=command_id)
def test_an_empty_output_name_is_a_usage_error(command, database_with_claims):
    result = claims(*command, "-o", "", "--db", database_with_claims)
    assert result.exit_code == 2, result.output
    assert "is a directory" not in result.stderr
    assert "needs a file name" in result.stderr


# --- 6. --force leaves no ghost actors, counts what it stored, keeps the first path ------------


def actors_without_claims(database) -> list[str]:
    result = claims("actors", "export", "--db", database)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    return [row["name"] for row in rows if row["claims"] == "0"]


def stored_claims(database) -> int:
    result = claims("export", "--format", "jsonl", "--db", database)
    assert result.exit_code == 0, result.output
    return len(result.stdout.splitlines())


def claims_added(output: str) -> int:
    row = [line for line in output.splitlines() if line.startswith("│")][0]
    return int(row.strip("│ ").split("│")[-1])


def test_a_forced_reingest_removes_actors_left_without_claims(tmp_path):
    # Speakers an article does not name are scoped to it by file name ("Officials (a)"): after
    # the files are renamed, a forced re-ingest gives their claims to new actors, and the old
    # ones are left with none.
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Port news\n\nOfficials said the port would close on Friday.\n")
    (folder / "b.txt").write_text("Market news\n\nAnalysts said prices would rise next year.\n")
    database = tmp_path / "claims.db"
    assert claims("ingest", folder, "--db", database).exit_code == 0
    assert claims("actors", "set-role", "Analysts (b)", "Market analysts", "--db", database).exit_code == 0
    (folder / "a.txt").rename(folder / "a2.txt")
    (folder / "b.txt").rename(folder / "b2.txt")

    result = claims("ingest", folder, "--force", "--db", database)

    assert result.exit_code == 0, result.output
    assert actors_without_claims(database) == ["Analysts (b)"]  # edited by the user: kept
    set_role = claims("actors", "set-role", "Officials (a)", "Port officials", "--db", database)
    assert set_role.exit_code == 1 and "no actor named" in set_role.stderr


def test_duplicate_content_keeps_the_first_path_and_counts_what_was_stored(tmp_path, monkeypatch):
    import claimsdb.ingest

    monkeypatch.setattr(claimsdb.ingest, "BATCH_DOCUMENTS", 1)  # copies in separate batches
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a_first.txt").write_text(ARTICLE)
    (folder / "b_other.txt").write_text(ARTICLE.replace("Anna Berg", "Tom Reyes"))
    (folder / "c_copy.txt").write_text(ARTICLE)
    database = tmp_path / "claims.db"
    for force in ([], ["--force"]):
        result = claims("ingest", folder, *force, "--db", database)
        assert result.exit_code == 0, result.output
        assert claims_added(result.stdout) == stored_claims(database) == 2
    for name in ("a_first", "c_copy"):
        found = claims("query", "--document", name, "--format", "jsonl", "--db", database)
        assert [json.loads(line)["document"] for line in found.stdout.splitlines()] == [str(folder / "a_first.txt")]
    with sqlite3.connect(database) as connection:
        recorded = connection.execute("SELECT path FROM document_paths").fetchall()
    assert recorded == [(str(folder / "c_copy.txt"),)]


def test_a_database_at_an_older_schema_is_read_only_after_db_upgrade(database_with_claims):
    from claimsdb import db

    engine = db.build_engine(db.resolve_db_url(str(database_with_claims)))
    db.downgrade_database(engine, "0001")
    engine.dispose()
    result = claims("query", "--db", database_with_claims)
    assert_user_error(result, ["query"], (1,))
    assert "claims db upgrade" in result.stderr and "older" in result.stderr
    assert claims("db", "upgrade", "--db", database_with_claims).exit_code == 0
    assert "Anna Berg" in claims("query", "--db", database_with_claims).stdout


# --- 10. actors import at scale ---------------------------------------------------------------


def test_importing_20000_registry_rows_takes_at_most_5_seconds(tmp_path):
    # CPU time of this process, not wall time: the machines that run the tests are shared,
    # and a busy neighbour must not fail it.
    registry = tmp_path / "registry.csv"
    with registry.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "aliases", "type", "role", "country"])
        for n in range(20_000):
            writer.writerow([f"Anna Person{n}", f"A. Person{n}; Person {n}", "person", "Mayor" if n % 3 else "", "SE" if n % 5 == 0 else ""])
    database = tmp_path / "claims.db"
    assert claims("db", "upgrade", "--db", database).exit_code == 0

    for expected in ("created", "unchanged"):
        started = time.process_time()
        result = claims("actors", "import", registry, "--db", database)
        spent = time.process_time() - started
        assert result.exit_code == 0, result.output
        assert spent <= 5, f"{expected}: {spent:.1f} s of CPU for 20,000 rows"
        header, counts = [line for line in result.stdout.splitlines() if line.startswith(("┃", "│"))]
        assert dict(zip(header.strip("┃ ").lower().split(), counts.strip("│ ").split()))[expected] == "20000"
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM actors WHERE user_edited").fetchone() == (20_000,)
        assert connection.execute("SELECT count(*) FROM actor_aliases").fetchone() == (60_000,)
    found = claims("actors", "set-role", "Person 12345", "Chair", "--db", database)
    assert "Anna Person12345" in found.stdout


# --- 9. claims are bounded -------------------------------------------------------------------


@pytest.mark.parametrize("shape", ["quote never closed", "run-on said"])
def test_a_claim_is_at_most_5000_characters_and_its_offsets_stay_exact(shape, tmp_path, engine):
    if shape == "quote never closed":
        body = 'Anna Berg said: "' + "the harbour will reopen and the ships will come back, " * 4000
    else:
        body = "Anna Berg said that " + "he said that the harbour would reopen and " * 5000
    path = tmp_path / "run_on.txt"
    path.write_text("Harbour news\n\n" + body + "\n", encoding="utf-8")
    assert len(body) > 190_000

    result = claims("ingest", path)

    assert result.exit_code == 0, result.output
    with engine.connect() as connection:
        [document] = connection.execute(text("SELECT text FROM documents")).scalars()
        rows = connection.execute(text("SELECT text, text_start, text_end FROM claims")).all()
    assert rows
    for claim_text, start, end in rows:
        assert claim_text == document[start:end]
        assert 0 < len(claim_text) <= 5000
        assert claim_text == claim_text.strip()
