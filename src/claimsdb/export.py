"""export: claim rows → CSV, JSON or JSON Lines, streamed, to standard output or a file.

A file is written under a temporary name in its folder and renamed into place only when the
export has finished, so a failed or interrupted export never leaves a truncated file behind.
"""

from __future__ import annotations

import json
import math
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from operator import itemgetter
from pathlib import Path
from typing import Any, TextIO

from claimsdb.errors import OutputError
from claimsdb.query import CLAIM_COLUMNS, ClaimFilter, find_claims_rows, find_claims_values

# Export columns, in order. The first 21 are the documented contract (see README): claim_id,
# document, document_title, published_on, speaker, speaker_type, speaker_role, country,
# country_name, speaker_mention, speaker_start, speaker_end, cue, kind, text, text_start,
# text_end, stated_on, date_precision, quantities, confidence.
EXPORT_COLUMNS = CLAIM_COLUMNS

EXPORT_FORMATS = ("csv", "json", "jsonl")

# A spreadsheet takes a cell starting with one of these for a formula (CSV injection, OWASP),
# so such cells get a leading single quote, which spreadsheets show as text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

_SUFFIX_FORMATS = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def format_for_path(path: str | os.PathLike | None, default: str = "csv") -> str:
    """The export format a file name implies (``.json``, ``.jsonl``, ``.csv``), else ``default``."""
    if path is None:
        return default
    suffix = Path(path).suffix.lower()
    if suffix and suffix not in _SUFFIX_FORMATS and suffix not in (".txt", ".tsv", ".out"):
        # "-o claims.xlsx" would otherwise write CSV under a spreadsheet's name.
        raise OutputError(f"cannot tell the format of {Path(path).name}: name it .csv, .json or .jsonl, or give --format")
    return _SUFFIX_FORMATS.get(suffix, default)


def format_named_by(path: str | os.PathLike | None) -> str | None:
    """The format a file name's suffix names (``.csv``, ``.json``, ``.jsonl``), else None."""
    return _SUFFIX_FORMATS.get(Path(path).suffix.lower()) if path is not None else None


def csv_cell(value: Any) -> Any:
    """``value`` as a CSV cell: lists as JSON, formula-like text defused with a quote."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def write_csv(rows: Iterable[dict], out: TextIO) -> int:
    """RFC 4180 CSV with a header row; returns the number of rows written."""
    return _write_csv_values(map(itemgetter(*EXPORT_COLUMNS), rows), out)


def _write_csv_values(rows: Iterable[Sequence], out: TextIO) -> int:
    """:func:`write_csv` for rows given as values in EXPORT_COLUMNS order."""
    out.write(csv_line(EXPORT_COLUMNS))
    count = 0
    lines: list[str] = []
    for count, values in enumerate(rows, 1):
        lines.append(csv_line(values))
        if len(lines) == 512:
            out.write("".join(lines))
            lines.clear()
    out.write("".join(lines))
    return count


def csv_line(values: Sequence) -> str:
    """One CSV record (CRLF-terminated) of ``values``, each made a cell by :func:`csv_cell`.

    The same text as Python's ``csv.writer`` with the default dialect and ``\\r\\n`` line ends
    (a test holds them equal), in a third of its time: instead of the csv module checking
    every character of every cell, the cells are joined, and only a record with a comma, quote
    or line break in some cell is built again with quoting. A million-claim export spent
    half its time in the csv module.
    """
    cells = [
        ("'" + value if value[:1] in _FORMULA_FIRST else value) if (kind := type(value)) is str
        else "" if value is None
        else str(value) if kind is int or kind is float
        else "[]" if kind is list and not value
        else _text(csv_cell(value))
        for value in values
    ]
    line = ",".join(cells)
    if line.count(",") == len(cells) - 1 and '"' not in line and "\n" not in line and "\r" not in line:
        return line + "\r\n"
    return ",".join([_quoted(cell) for cell in cells]) + "\r\n"


def _text(cell: Any) -> str:
    return "" if cell is None else str(cell)


def _quoted(cell: str) -> str:
    if '"' in cell or "," in cell or "\n" in cell or "\r" in cell:
        return '"' + cell.replace('"', '""') + '"'
    return cell


# Every formula prefix is one character, so a set lookup of the first one decides.
_FORMULA_FIRST = frozenset(FORMULA_PREFIXES)


def write_json(rows: Iterable[dict], out: TextIO, columns: Sequence[str] = EXPORT_COLUMNS) -> int:
    """One JSON array of objects, written row by row; returns the number of rows."""
    out.write("[")
    count = 0
    for count, row in enumerate(rows, 1):
        out.write(",\n" if count > 1 else "\n")
        out.write(_json_object(row, columns))
    out.write("\n]\n" if count else "]\n")
    return count


def write_jsonl(rows: Iterable[dict], out: TextIO, columns: Sequence[str] = EXPORT_COLUMNS) -> int:
    """One JSON object per line; returns the number of rows."""
    count = 0
    for count, row in enumerate(rows, 1):
        out.write(_json_object(row, columns))
        out.write("\n")
    return count


def _json_object(row: dict, columns: Sequence[str] = EXPORT_COLUMNS) -> str:
    values = {name: row[name] for name in columns}
    try:
        line = json.dumps(values, ensure_ascii=False, allow_nan=False)
    except ValueError:
        # NaN or an infinity, from a database some other program wrote: JSON has no such
        # numbers, and a strict reader would refuse the whole file. null: not known.
        line = json.dumps(_finite(values), ensure_ascii=False)
    # Line separators that JSON leaves raw in strings but str.splitlines() and JavaScript
    # split on: escaped, one object stays on one line for every reader of JSON Lines.
    if "\x85" in line or "\u2028" in line or "\u2029" in line:
        line = line.replace("\x85", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return line


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_finite(item) for item in value]
    return value


WRITERS: dict[str, Callable[[Iterable[dict], TextIO], int]] = {
    "csv": write_csv,
    "json": write_json,
    "jsonl": write_jsonl,
}


def write_rows(rows: Iterable[dict], fmt: str, output: str | os.PathLike | None = None,
               stream: TextIO | None = None) -> int:
    """Write ``rows`` as ``fmt`` to the file ``output`` (atomically), or else to ``stream``
    (standard output by default); returns the number of rows written."""
    writer = WRITERS[fmt]
    return _write_to(output, stream, lambda out: writer(rows, out))


def _write_to(output: str | os.PathLike | None, stream: TextIO | None, write: Callable[[TextIO], int]) -> int:
    if output is None or str(output) == "-":
        return write(stream or sys.stdout)
    with atomic_output(output) as out:
        return write(out)


def export_claims(
    *,
    connection,
    filters: ClaimFilter,
    fmt: str = "csv",
    output: str | os.PathLike | None = None,
    stream: TextIO | None = None,
) -> int:
    """Write the claims matching ``filters`` as ``fmt`` (csv, json, jsonl) to ``output`` or
    ``stream``; returns how many were written. See :func:`write_rows`."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}")
    if fmt == "csv":
        values = find_claims_values(connection=connection, filters=filters)
        return _write_to(output, stream, lambda out: _write_csv_values(values, out))
    return write_rows(find_claims_rows(connection=connection, filters=filters), fmt, output, stream)


@contextmanager
def atomic_output(path: str | os.PathLike) -> Iterator[TextIO]:
    """A text file that appears at ``path`` only if the ``with`` block completes.

    Written as a hidden temporary file in the same folder (a rename is atomic only within one
    file system) and renamed over ``path`` at the end; removed if anything fails. Only a
    regular file, or a name not yet taken, is replaced so: a symbolic link's target is
    written (atomically if it is a regular file), and a FIFO, a device or another special
    file is written directly, since replacing it would turn it into a plain file.
    """
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(f"cannot write {path}: it is a folder")
    if mode is not None and not stat.S_ISREG(mode):
        with _direct_output(path) as out:
            yield out
        return
    try:
        fd, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(temporary, _new_file_mode(target))
        os.replace(temporary, target)
    except BaseException as e:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        if isinstance(e, OSError):
            raise OutputError(f"cannot write {path}: {e.strerror or e}") from None
        raise


@contextmanager
def _direct_output(path: str | os.PathLike) -> Iterator[TextIO]:
    """``path`` opened for writing as it is (a FIFO or a device); OSError becomes OutputError."""
    try:
        out = open(path, "w", encoding="utf-8", newline="")
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from None
    try:
        with out:  # closing flushes: /dev/full fails here
            yield out
    except OSError as e:
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from None


def _new_file_mode(target: Path) -> int:
    with suppress(FileNotFoundError):
        return stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_table(rows: list[dict], columns: Sequence[str], fmt: str, output: str | os.PathLike | None = None,
                stream: TextIO | None = None) -> int:
    """Summary rows with the keys ``columns`` as CSV, one JSON array or JSON Lines, to the file
    ``output`` (atomically) or ``stream``; returns the number of rows. CSV cells are
    defused as in claim exports."""

    def write(out: TextIO) -> int:
        if fmt == "json":
            out.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        elif fmt == "jsonl":
            out.write("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
        else:
            out.write(csv_line(columns))
            out.write("".join(csv_line([row[name] for name in columns]) for row in rows))
        return len(rows)

    return _write_to(output, stream, write)
