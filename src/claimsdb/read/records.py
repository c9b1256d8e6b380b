"""Files of many articles, one record each: JSON Lines and CSV, as scrapers and exports write them.

Each record becomes a :class:`Source` holding its text exactly as the file stores it (after
JSON or CSV unquoting), so claim offsets index that text. The file is read a line at a time and
a record at a time, never whole: a file of a million articles takes the memory of one. A record
that cannot be used (no text, a field of the wrong type, too large, broken JSON) becomes a
failed Source naming its line (``feed.jsonl#L12``), and the records after it are still read.
"""

from __future__ import annotations

import csv
import email.utils
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime

from claimsdb.pattern_cache import compile_pattern
from claimsdb.errors import InputError
from claimsdb.read.sources import Metadata, Source, check_regular_file, format_size

# The names scrapers and exports give each field, tried in order; the first present and
# non-empty wins. news-please: maintext, date_publish, source_domain; trafilatura: text, date,
# sitename, hostname; Media Cloud: publish_date, media_name, stories_id.
FIELD_NAMES = {
    "text": ("text", "maintext", "body", "content", "raw_text", "article_text"),
    "title": ("title", "headline", "title_page", "title_rss"),
    "date": ("date", "date_publish", "published", "publish_date", "published_at", "pubdate", "date_published"),
    "url": ("url", "link", "canonical_url"),
    # A name the outlet gives itself before a bare domain.
    "outlet": ("outlet", "sitename", "media_name", "publisher", "source_domain", "hostname", "domain"),
    "language": ("language", "lang"),
    "id": ("id", "doc_id", "stories_id", "_id", "guid"),
}

# A JSON line may escape every character of its text (\u0436 is six bytes for one letter), so
# its line is allowed this many times --max-bytes before it is refused unread; the text itself
# must still fit --max-bytes.
_ESCAPE_ALLOWANCE = 6
_SKIP_CHUNK = 1024 * 1024
# An id longer than this is not an id a person would look a record up by.
_MAX_ID = 200
_ISO_DAY = compile_pattern(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")


@dataclass(frozen=True, slots=True)
class RecordFields:
    """The field each value is taken from; None tries the usual names (:data:`FIELD_NAMES`)."""

    text: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    outlet: str | None = None

    def names(self, what: str) -> tuple[str, ...]:
        chosen = getattr(self, what, None)
        return (chosen,) if chosen else FIELD_NAMES[what]


class _BadRecord(Exception):
    """A record that cannot become a document; the message says why."""


def iter_records(source: Source, *, fields: RecordFields, max_bytes: int) -> Iterator[Source]:
    """A Source for each record of the JSON Lines or CSV file ``source``, in file order.

    A record's display is ``file#ID`` when it has an id field, else ``file#L12`` (the line it
    starts on); a failed record is always shown by its line. A file that cannot be opened is
    one failed Source. Never raises :class:`InputError`.
    """
    assert source.path is not None
    try:
        check_regular_file(source.path)
        handle = open(source.path, "rb")
    except InputError as err:
        yield Source(source.display, error=str(err))
        return
    except OSError as err:
        yield Source(source.display, error=f"cannot read: {err.strerror or err}")
        return
    with handle:
        records = _jsonl_records(handle, max_bytes) if source.media_type == "jsonl" else _csv_records(handle, max_bytes)
        found = False
        try:
            for line, record in records:
                found = True
                yield _record_source(source.display, line, record, fields, max_bytes)
        except OSError as err:
            found = True
            yield Source(source.display, error=f"cannot read past this point: {err.strerror or err}")
        if not found:
            yield Source(source.display, error="the file holds no records")


def _record_source(display: str, line: int, record: dict | _BadRecord, fields: RecordFields, max_bytes: int) -> Source:
    where = f"{display}#L{line}"
    try:
        if isinstance(record, _BadRecord):
            raise record
        text, text_field = _first(record, fields.names("text"))
        if text is None:
            raise _BadRecord(f"no text: none of the fields {_listed(fields.names('text'))} holds any")
        if not isinstance(text, str):
            raise _BadRecord(f"field {text_field!r} is {_kind(text)}, not text")
        if text.isspace():
            raise _BadRecord(f"field {text_field!r} holds only whitespace")
        if "\x00" in text:
            # (a CSV cell can hold a raw NUL byte, JSON a "\u0000": no database stores it)
            raise _BadRecord(f"field {text_field!r} contains NUL characters")
        try:
            size = len(text.encode("utf-8"))
        except UnicodeEncodeError as err:
            # JSON can write a lone half of a surrogate pair ("\ud800"), which is no character.
            raise _BadRecord(f"field {text_field!r} is not valid Unicode: a lone surrogate at character {err.start + 1}") from None
        if size > max_bytes:
            raise _BadRecord(f"record too large: {format_size(size)} of text, over the --max-bytes limit of {format_size(max_bytes)}")
        meta = Metadata(
            url=_string(record, fields.names("url")),
            title=_one_line(_string(record, fields.names("title"))),
            published_on=_date(record, fields.names("date")),
            outlet=_one_line(_string(record, fields.names("outlet"))),
            language=_language(_string(record, FIELD_NAMES["language"])),
        )
        record_id = _id(record)
    except _BadRecord as bad:
        return Source(where, error=str(bad))
    return Source(f"{display}#{record_id}" if record_id else where, text=text, kind="text", meta=meta)


def _first(record: dict, names: tuple[str, ...]) -> tuple[object, str | None]:
    for name in names:
        value = record.get(name)
        if value is not None and value != "":
            return value, name
    return None, None


def _string(record: dict, names: tuple[str, ...]) -> str | None:
    value, name = _first(record, names)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _BadRecord(f"field {name!r} is {_kind(value)}, not text")
    return value.strip() or None


def _one_line(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value is not None else None


def _id(record: dict) -> str | None:
    value, _ = _first(record, FIELD_NAMES["id"])
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    value = str(value).strip()
    # An id that would make the path ambiguous or unreadable is not used: the line number is.
    if not value or len(value) > _MAX_ID or any(c.isspace() or c == "#" for c in value):
        return None
    return value


def _language(value: str | None) -> str | None:
    return value[:16] if value else None


def _date(record: dict, names: tuple[str, ...]) -> date | None:
    value, name = _first(record, names)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise _BadRecord(f"field {name!r} is {_kind(value)}, not a date")
    day = parse_record_date(value)
    if day is None:
        raise _BadRecord(f"field {name!r}: cannot read {str(value)[:40]!r} as a date (write YYYY-MM-DD)")
    return day


def parse_record_date(value: str | int | float) -> date | None:
    """The day of ``2019-03-04``, ``2019-03-04 12:00:00``, ``2019-03-04T12:00:00Z``,
    ``Mon, 04 Mar 2019 12:00:00 GMT`` or a Unix time in seconds; None if it is none of them.

    The day is the one written: a time zone does not move it (an article dated 23:30 in New
    York was published that day there)."""
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(value, UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    value = value.strip()
    match = _ISO_DAY.match(value)
    if match:
        try:
            return date(*(int(part) for part in match.groups()))
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


def _listed(names: tuple[str, ...]) -> str:
    quoted = [repr(name) for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


# --- JSON Lines ----------------------------------------------------------------------------


def _jsonl_records(handle, max_bytes: int) -> Iterator[tuple[int, dict | _BadRecord]]:
    limit = max_bytes * _ESCAPE_ALLOWANCE
    for number, line in _lines(handle, limit):
        if line is None:
            yield number, _BadRecord(f"record too large: its line is over {format_size(limit)}")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except UnicodeDecodeError as err:
            yield number, _BadRecord(f"not UTF-8: byte 0x{err.object[err.start]:02x} at column {err.start + 1} does not decode")
            continue
        except json.JSONDecodeError as err:
            yield number, _BadRecord(f"not valid JSON: {err.msg} at column {err.colno}")
            continue
        except ValueError as err:  # a number too long to convert, among others
            yield number, _BadRecord(f"not valid JSON: {str(err).splitlines()[0]}")
            continue
        except RecursionError:
            yield number, _BadRecord("not valid JSON: nested too deeply")
            continue
        if not isinstance(record, dict):
            yield number, _BadRecord(f"not a JSON object but {_kind(record)}")
            continue
        yield number, record


def _lines(handle, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) for each line of the binary ``handle``; None for a line longer than
    ``limit`` bytes, which is skipped without being held in memory."""
    number = 0
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        yield number, line


# --- CSV -----------------------------------------------------------------------------------


def _csv_records(handle, max_bytes: int) -> Iterator[tuple[int, dict | _BadRecord]]:
    """Records of a CSV file with a header row (RFC 4180: commas, double quotes, a quote
    written twice inside a quoted field, which may hold newlines)."""
    # Quoting makes a field at most a little longer than its text; the csv module refuses
    # fields over its limit, which is raised to --max-bytes here (it is process-wide).
    limit = max_bytes * 2
    csv.field_size_limit(max(csv.field_size_limit(), limit))
    header: list[str] | None = None
    for number, raw in _raw_csv_records(handle, limit):
        if isinstance(raw, _BadRecord):
            yield number, raw
            continue
        try:
            text = raw.decode("utf-8-sig" if header is None else "utf-8")
        except UnicodeDecodeError as err:
            yield number, _BadRecord(f"not UTF-8: byte 0x{raw[err.start]:02x} does not decode")
            continue
        if not text.strip():
            continue
        try:
            row = next(csv.reader([text]))
        except csv.Error as err:
            yield number, _BadRecord(f"not valid CSV: {err}")
            continue
        if header is None:
            header = [name.strip() for name in row]
            continue
        if len(row) != len(header):
            yield number, _BadRecord(f"{len(row)} fields where the header has {len(header)}")
            continue
        yield number, dict(zip(header, row))


def _raw_csv_records(handle, limit: int) -> Iterator[tuple[int, bytes | _BadRecord]]:
    """(first line number, bytes) of each CSV record: lines are joined while a quote is open.
    Counting quote bytes is safe in UTF-8, where 0x22 is never part of another character."""
    parts: list[bytes] = []
    size = quotes = start = 0
    too_large = False
    for number, line in _lines(handle, limit):
        if not parts and not too_large:
            start = number
        if line is None:
            # The skipped rest of the line may have held the closing quote: start afresh.
            too_large, parts, size, quotes = True, [], 0, 0
        else:
            quotes += line.count(b'"')
            size += len(line)
            if size > limit:
                too_large, parts = True, []
            elif not too_large:
                parts.append(line)
        if quotes % 2 == 0:
            yield start, _too_large(limit) if too_large else b"".join(parts)
            parts, size, quotes, too_large = [], 0, 0, False
    if too_large:
        yield start, _too_large(limit)
    elif parts:
        yield start, _BadRecord("a quoted field is never closed: the file ends inside it")


def _too_large(limit: int) -> _BadRecord:
    return _BadRecord(f"record too large: over {format_size(limit)}")
