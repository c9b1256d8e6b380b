"""Every command, given bad arguments, says what is wrong in one line and exits 1 or 2, never
with a Python traceback; `--verbose` shows the traceback for a bug report.

The commands are discovered from the Typer app, so a command added later is covered too.
Exit codes (README): 0 success, 1 some inputs failed or an error occurred, 2 usage error.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime
from enum import Enum
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from claimsdb.cli import app

runner = CliRunner()
ROOT = typer.main.get_command(app)


def leaf_commands(command=ROOT, path=()) -> list[tuple[tuple[str, ...], object]]:
    """(words after `claims`, command) for every command that runs something."""
    found = []
    for name, sub in sorted((getattr(command, "commands", None) or {}).items()):
        found.extend(leaf_commands(sub, (*path, name)))
    if path and not getattr(command, "commands", None):
        found.append((path, command))
    return found


COMMANDS = leaf_commands()
GROUPS = [(path, command) for path, command in
          [((), ROOT), *[((name,), sub) for name, sub in ROOT.commands.items()]]
          if getattr(command, "commands", None)]


def annotation(param) -> object:
    return param.type_descriptor.annotation


def placeholder(param, tmp_path: Path) -> str:
    """A value of the right type for a required argument, naming nothing that exists."""
    kind = annotation(param)
    if kind is int:
        return "1"
    if kind is float:
        return "0.5"
    if isinstance(kind, type) and issubclass(kind, Enum):
        return next(iter(kind)).value
    return str(tmp_path / "missing.txt") if param.name in ("paths", "path", "gold") else "nobody"


def required_arguments(command, tmp_path: Path) -> list[str]:
    # `ingest`'s PATH may be left out only when --urls is given: it is needed all the same.
    return [
        placeholder(p, tmp_path) for p in command.params
        if p.param_type_name == "argument" and (p.required or p.name == "paths")
    ]


def bad_values(param) -> list[str]:
    """Values a user could type that the option cannot take."""
    kind = annotation(param)
    if kind in (int, float):
        values = ["abc", "1,5", ""]
        if param.min is not None:
            values.append(str(param.min - 1))
        if param.max is not None:
            values.append(str(param.max + 1))
        return values
    if isinstance(kind, type) and issubclass(kind, Enum):
        return ["bogus", ""]
    if kind is datetime:
        return ["yesterday", "2025-13-45", ""]
    return []


HOSTILE = ["x' OR 1=1 --", "%", "", "-", "é" * 300, "\x1b[2J"]


def cases(tmp_path: Path):
    """(arguments, what is wrong) for every command: usage errors, then run-time errors."""
    for path, command in COMMANDS:
        args = required_arguments(command, tmp_path)
        yield [*path, *args, "--no-such-option"], "usage"
        if args:
            yield [*path], "usage"
        required = [p for p in command.params if p.param_type_name == "argument" and p.required]
        for param in command.params:
            if param.param_type_name == "argument" and annotation(param) is int:
                # The other arguments keep their placeholders: `reassign 999999 nobody`.
                i = required.index(param)
                for value, expected in (("abc", "usage"), ("-1", "usage or error"), ("999999", "error")):
                    yield [*path, *args[:i], value, *args[i + 1:]], expected
            if param.param_type_name != "option":
                continue
            option = param.opts[0]
            for value in bad_values(param):
                yield [*path, *args, option, value], "usage"
            if annotation(param) is str and param.name != "db":
                for value in HOSTILE:
                    yield [*path, *args, option, value], "anything"
            if annotation(param) is Path:
                yield [*path, *args, option, str(tmp_path / "no" / "such" / "folder" / "out.csv")], "error"
                yield [*path, *args, option, str(tmp_path)], "usage or error"
        required = [p for p in command.params if p.param_type_name == "argument" and p.required]
        for i, param in enumerate(required):
            if annotation(param) in (str, list[str]):
                for value in HOSTILE:
                    yield [*path, *args[:i], value, *args[i + 1 :]], "anything"


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A database with a few claims, copied for each test so nothing a command does carries over."""
    folder = tmp_path_factory.mktemp("template")
    (folder / "a.txt").write_text(
        "Kallas says EU is ready\n\nKaja Kallas said on Friday that the mission could take various formats.\n"
    )
    database = folder / "claims.db"
    result = runner.invoke(app, ["ingest", str(folder / "a.txt"), "--db", str(database)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0  # not busy
    copy_database(database, folder / "copy.db")
    with sqlite3.connect(folder / "copy.db") as copy:
        assert copy.execute("SELECT count(*) FROM claims").fetchone()[0] > 0
    return database


def copy_database(source: Path, target: Path) -> None:
    """A copy of a database whose write-ahead log was checkpointed into its file (see
    ``template``): copying the file alone could otherwise give a database without its schema."""
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)


def check(result, expected: str, args: list[str]) -> None:
    shown = f"claims {' '.join(map(repr, args))}\n{result.output}"
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        shown + f"\nuncaught {type(result.exception).__name__}: {result.exception}"
    )
    assert "Traceback" not in result.output, shown
    assert "this is a bug" not in result.output, shown
    if expected == "usage":
        assert result.exit_code == 2, shown
    elif expected == "error":
        assert result.exit_code == 1, shown
    elif expected == "usage or error":
        assert result.exit_code in (1, 2), shown
    if result.exit_code == 1 and not (args[0] == "ingest" and "Failed files:" in result.stdout):
        # One line saying what is wrong (an ingest lists its failed files on stdout instead).
        assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, shown


def test_every_command_is_covered():
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"ingest", "query", "export", "show", "stats", "db upgrade", "db current"} <= names


def test_bad_arguments_to_every_command_get_one_line_and_no_traceback(template, tmp_path):
    database = tmp_path / "claims.db"
    checked = 0
    for args, expected in cases(tmp_path):
        copy_database(template, database)
        argv = [*args, "--db", str(database)] if "--no-such-option" not in args else args
        result = runner.invoke(app, argv)
        check(result, expected, argv)
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("path", [p for p, _ in GROUPS], ids=lambda p: " ".join(p) or "claims")
def test_unknown_subcommand_is_a_usage_error(path):
    result = runner.invoke(app, [*path, "no-such-command"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def bad_databases(tmp_path: Path) -> dict[str, str]:
    not_a_database = tmp_path / "notes.txt"
    not_a_database.write_text("not a database\n" * 200)
    empty_file = tmp_path / "empty.db"
    empty_file.write_bytes(b"")
    return {
        "a folder": str(tmp_path),
        "a text file": str(not_a_database),
        "in a missing folder": str(tmp_path / "no" / "such" / "claims.db"),
        "an unknown URL scheme": "nosuchdb://user@host/claims",
        "an SQLite URL in a missing folder": f"sqlite:///{tmp_path}/no/such/claims.db",
        "a PostgreSQL server that is not there": "postgresql+psycopg://user@127.0.0.1:1/claims",
        "a driver that is not installed": "mysql+nosuchdriver://user@localhost/claims",
        "a URL that is not one": "postgresql://[::1",
    }


@pytest.mark.parametrize("what", list(bad_databases(Path("/"))))
def test_every_command_with_a_bad_database_says_so_in_one_line(what, tmp_path):
    url = bad_databases(tmp_path)[what]
    for path, command in COMMANDS:
        if not any(p.name == "db" for p in command.params):
            continue
        args = [*path, *required_arguments(command, tmp_path), "--db", url]
        result = runner.invoke(app, args)
        check(result, "error", args)
        assert result.stderr.startswith("Error: "), (args, result.output)


def test_a_newer_schema_is_refused_in_one_line(template, tmp_path):
    database = tmp_path / "claims.db"
    copy_database(template, database)
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    for path, command in COMMANDS:
        if any(p.name == "db" for p in command.params):
            args = [*path, *required_arguments(command, tmp_path), "--db", str(database)]
            result = runner.invoke(app, args)
            if path == ("db", "current"):  # says which schema it is, and that is all it does
                assert result.exit_code == 0 and "9999" in result.stdout
            else:
                check(result, "error", args)


# --- real processes: what a terminal shows -------------------------------------------------


def claims_process(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimsdb", *args], capture_output=True, text=True, cwd=cwd)


def test_errors_in_a_real_process_are_one_line_without_traceback(template, tmp_path):
    copy_database(template, tmp_path / "claims.db")
    for args, code in [
        (["show", "999", "--db", "claims.db"], 1),
        (["query", "--since", "last week", "--db", "claims.db"], 1),
        (["stats", "--db", str(tmp_path)], 1),
        (["show", "abc"], 2),
    ]:
        result = claims_process(*args, cwd=tmp_path)
        assert result.returncode == code, (args, result.stderr)
        assert "Traceback" not in result.stdout + result.stderr
        if code == 1:
            assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, result.stderr


def test_verbose_shows_the_traceback(template, tmp_path):
    copy_database(template, tmp_path / "claims.db")
    result = claims_process("--verbose", "show", "999", "--db", "claims.db", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert "NotFound: no claim with id 999" in result.stderr
