"""Command-line arguments → :class:`Source` objects, one per input document.

Expanding never raises for a bad argument: a missing path, a pattern that matches nothing or a
file type claimsdb does not read becomes a Source whose reading raises :class:`InputError`, so a
batch ingest goes on and its summary can list every input that failed, in order.
"""

from __future__ import annotations

import itertools
import os
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from fnmatch import fnmatchcase

from claimsdb.pattern_cache import compile_pattern
from claimsdb.errors import InputError, UnsupportedInput

# Suffix (lower case) → ``Document.media_type``. Matching is case-insensitive (``.TXT`` reads).
MEDIA_TYPES = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
SUPPORTED_SUFFIXES = tuple(MEDIA_TYPES)
# Files that hold many articles: records of JSON Lines or CSV, or a feed's links to pages. Read
# when named or matched by a pattern, not inside a folder, where a manifest or a gold file
# beside the articles is no article.
CONTAINER_TYPES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
_WEB = compile_pattern(r"https?://[^\s/]+", re.IGNORECASE)

STDIN_ARG = "-"
# Stored as the document path of text read from standard input.
STDIN_DISPLAY = "<stdin>"

_GLOB_MAGIC = compile_pattern(r"[*?[]")
_READS = "claimsdb reads " + ", ".join(SUPPORTED_SUFFIXES + tuple(CONTAINER_TYPES))
_READS_IN_FOLDERS = "claimsdb reads " + ", ".join(SUPPORTED_SUFFIXES) + " in folders"


def printable_path(path: str) -> str:
    """``path`` with the undecodable bytes of a file name written as ``\\xNN`` escapes."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that no file name produces
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


def suffix_of(path: str) -> str:
    """The lower-cased suffix of ``path`` ("" if none); ``.hidden`` alone has no suffix."""
    return os.path.splitext(path)[1].lower()


class _StdinOnce:
    """Standard input, read the first time it is asked for and kept: a stream reads only once.

    Read only up to the size limit, so an endless or huge pipe is refused without filling
    memory."""

    def __init__(self) -> None:
        self._data: bytes | None = None
        # Whether the stream has ended: a read stopped by a limit may be asked for again with
        # a larger one.
        self.complete = False

    def read(self, max_bytes: int) -> bytes:
        """The input, or its first ``max_bytes + 1`` bytes if it is longer (enough to know
        it is too large)."""
        if self._data is None or (len(self._data) <= max_bytes and not self.complete):
            stream = sys.stdin
            if stream is None:
                raise InputError("no standard input to read")
            buffer = getattr(stream, "buffer", None)
            wanted = max_bytes + 1 - len(self._data or b"")
            if buffer is not None:
                chunk = _read_up_to(buffer, wanted)
            else:  # a text stream without bytes underneath (an embedding or a test)
                chunk = stream.read().encode("utf-8")
            self._data = (self._data or b"") + chunk
            self.complete = len(chunk) < wanted
        return self._data


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known of a document apart from its text: a record's fields, a feed entry's, the
    address a page was fetched from. Used where the text itself does not say."""

    url: str | None = None
    title: str | None = None
    published_on: date | None = None
    outlet: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a file, standard input, a record, a web page, or an argument that could not
    be used.

    ``display`` is the path as the user gave it, or as found under a directory or pattern they
    gave (``seeds/000_x.txt``), or a record's place in its file (``feed.jsonl#L12``), or a
    page's URL; it is stored as the document path. ``path`` is what is opened (None for
    standard input and for a failed argument). ``error`` is the reason reading will fail, known
    already while expanding the arguments. ``url`` is a page or feed still to be fetched;
    ``data`` the bytes of one fetched (with the ``charset`` its server declared and the
    ``kind`` it is), ``text`` a record's text exactly as its file holds it.
    """

    display: str
    path: str | None = None
    error: str | None = None
    error_type: type[InputError] = InputError
    _stdin: _StdinOnce | None = field(default=None, repr=False, compare=False)
    url: str | None = None
    data: bytes | None = field(default=None, repr=False)
    text: str | None = field(default=None, repr=False)
    kind: str | None = None
    charset: str | None = None
    meta: Metadata | None = None
    # The stored document a web address already gave: not fetched again.
    document_id: int | None = None

    def __post_init__(self) -> None:
        # A file name that is not UTF-8 reaches Python with its bad bytes as lone surrogates,
        # which no database or terminal accepts: they are shown as escapes ("bad\xff.txt").
        # ``path`` keeps them, so the file still opens.
        object.__setattr__(self, "display", printable_path(self.display))

    @property
    def is_stdin(self) -> bool:
        return self._stdin is not None

    @property
    def media_type(self) -> str | None:
        """"text", "markdown" or "html" from the suffix or the fetched page's content type,
        "jsonl", "csv" or "feed" for a file of many articles; None when the content must
        decide."""
        if self.kind is not None:
            return self.kind
        if self.path is None:
            return None
        suffix = suffix_of(self.path)
        return MEDIA_TYPES.get(suffix) or CONTAINER_TYPES.get(suffix)

    @property
    def is_container(self) -> bool:
        """Whether this input stands for many documents (records, a feed) or one still to be
        fetched, rather than being one."""
        return self.error is None and (self.url is not None or self.media_type in _CONTAINERS)

    def read_bytes(self, max_bytes: int) -> bytes:
        """The raw bytes, or :class:`InputError` saying why they cannot be had. A record's
        bytes are its text in UTF-8: its content hash is of the text, not of the file."""
        if self.error is not None:
            raise self.error_type(self.error)
        if self.text is not None:
            return self.text.encode("utf-8")
        if self.data is not None:
            _check_size(len(self.data), max_bytes)
            return self.data
        if self.url is not None:
            raise InputError("not fetched")
        if self._stdin is not None:
            data = self._stdin.read(max_bytes)
            _check_size(len(data), max_bytes, exact=self._stdin.complete)
            return data
        assert self.path is not None
        return _read_file(self.path, max_bytes)


_CONTAINERS = frozenset(CONTAINER_TYPES.values())


def check_regular_file(path: str) -> os.stat_result:
    """``path``'s status if it is a regular file, else :class:`InputError` saying what it is."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError("broken symbolic link: its target does not exist") from None
        raise InputError("no such file or directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}") from None
    if os.path.isdir(path):
        raise InputError("is a directory")
    if not os.path.isfile(path):
        # A FIFO or device would block or never end.
        raise InputError("not a regular file")
    return info


def _read_file(path: str, max_bytes: int) -> bytes:
    info = check_regular_file(path)
    # Checked before reading, so an oversized file is never loaded into memory.
    _check_size(info.st_size, max_bytes)
    try:
        with open(path, "rb") as handle:
            # One byte over the limit is enough to know a growing file is too large.
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}") from None
    _check_size(len(data), max_bytes)
    return data


def _read_up_to(stream, size: int) -> bytes:
    """``size`` bytes from ``stream``, fewer only at its end (a pipe gives what it has)."""
    chunks, remaining = [], size
    while remaining > 0:
        chunk = stream.read(min(remaining, _CHUNK_BYTES))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


_CHUNK_BYTES = 1024 * 1024


def _check_size(size: int, max_bytes: int, *, exact: bool = True) -> None:
    if size > max_bytes:
        # A pipe is read only up to the limit: its real size is not known.
        what = format_size(size) if exact else "more than " + format_size(max_bytes)
        raise InputError(f"file too large: {what}, over the --max-bytes limit of {format_size(max_bytes)}")


def format_size(size: int) -> str:
    """``25.3 MB (26,528,972 bytes)``: rounded for reading, exact so two sizes never look equal."""
    if size < 1024:
        return f"{size:,} bytes"
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f} {unit} ({size:,} bytes)"
    raise AssertionError("unreachable")


_SIZE = compile_pattern(r"\s*(\d+(?:\.\d+)?)\s*(?:([kmg])(?:i?b)?|(b))?\s*", re.IGNORECASE)
_UNITS = {None: 1, "k": 1024, "m": 1024**2, "g": 1024**3}
# The largest size a limit can be: reading takes the limit as a byte count (a C ssize_t).
MAX_SIZE = 2**62


def parse_size(text: str) -> int:
    """A size in bytes from ``20MB``, ``512k``, ``1.5 GiB`` or ``1000000`` (K, M, G are powers
    of 1024, as :func:`format_size` prints them). Raises ValueError if it is not a size of at
    least one byte."""
    match = _SIZE.fullmatch(text)
    if not match:
        raise ValueError(f"not a size: {text!r} (write it as 20MB, 512KB or a number of bytes)")
    size = float(match.group(1)) * _UNITS[(match.group(2) or "").lower() or None]
    if size > MAX_SIZE:
        raise ValueError(f"{text!r} is larger than any file (at most {format_size(MAX_SIZE)})")
    size = int(size)
    if size < 1:
        raise ValueError(f"a size must be at least 1 byte, not {text!r}")
    return size


def iter_sources(args: list[str], url_lists: Sequence[str] = ()) -> Iterator[Source]:
    """Every input named by ``args``, in order, each once.

    An argument is standard input (``-``), a web address (``https://...``, a page or a feed,
    fetched later), an existing file (read whatever its suffix says, or refused if the suffix
    is not one claimsdb reads), an existing directory (every article file below it,
    recursively, sorted by path, skipping hidden entries, other suffixes and files of many
    articles: JSON Lines, CSV, feeds), or a glob pattern (``seeds/*.txt``, ``corpus/**/*.md``; matched files
    sorted by path). A file reached
    twice (two arguments, a symlink) is yielded once; symlinked directories are followed once.
    Then the addresses in each file of ``url_lists`` (see :func:`iter_url_list`).
    Problems become Sources whose reading raises :class:`InputError`; this never raises.
    """
    seen: set[object] = set()
    stdin = _StdinOnce()
    expanded = itertools.chain(
        (source for arg in args for source in _expand(arg, stdin)),
        (source for path in url_lists for source in iter_url_list(path)),
    )
    for source in expanded:
        key = _identity(source)
        if key in seen:
            continue
        seen.add(key)
        yield source


def iter_url_list(path: str) -> Iterator[Source]:
    """A page or feed to fetch for each line of the file ``path`` that holds a web address.

    Blank lines and lines starting with ``#`` are skipped; any other line is reported as a
    failed input (``list.txt:3``). A file that cannot be read is one failed input. Never raises.
    """
    display = printable_path(path)
    try:
        with open(path, encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                if _WEB.match(line):
                    yield Source(line, url=line)
                else:
                    yield Source(f"{display}:{number}", error=f"not a web address: {line[:80]!r}")
    except FileNotFoundError:
        yield Source(display, error="no such file or directory")
    except UnicodeDecodeError:
        yield Source(display, error="a list of web addresses must be UTF-8 text")
    except OSError as err:
        yield Source(display, error=f"cannot read: {err.strerror or err}")


def _identity(source: Source) -> object:
    if source.is_stdin:
        return STDIN_DISPLAY
    if source.url is not None:
        return ("url", source.url)
    if source.path is not None:
        try:
            info = os.stat(source.path)
        except OSError:
            # A broken link reached by several routes (a symlinked directory) is one link.
            try:
                info = os.lstat(source.path)
            except OSError:
                return ("path", source.path)
        return (info.st_dev, info.st_ino)
    return ("error", source.display)


def _expand(arg: str, stdin: _StdinOnce) -> Iterator[Source]:
    if arg == STDIN_ARG:
        yield Source(STDIN_DISPLAY, _stdin=stdin)
        return
    if _WEB.match(arg):
        yield Source(arg, url=arg)
        return
    # A name that exists is taken literally even if it holds glob characters ("notes[1].txt").
    if os.path.lexists(arg):
        if _is_dir(arg):
            yield from _expand_directory(arg, arg)
        else:
            yield _explicit_file(arg)
        return
    if _GLOB_MAGIC.search(arg):
        yield from _expand_pattern(arg)
        return
    yield Source(arg, error="no such file or directory")


def _explicit_file(path: str) -> Source:
    suffix = suffix_of(path)
    if suffix in MEDIA_TYPES or suffix in CONTAINER_TYPES:
        return Source(path, path=path)
    what = f"'{suffix}'" if suffix else "(no suffix)"
    return Source(path, error=f"unsupported file type {what}; {_READS}", error_type=UnsupportedInput)


def _is_dir(path: str) -> bool:
    try:
        return os.path.isdir(path)
    except OSError:
        return False


def _dir_key(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _join(base: str, name: str) -> str:
    # "." as given would make every stored path start with "./"; the user meant "here".
    if base in (".", "./"):
        return name
    return os.path.join(base, name)


def _expand_directory(path: str, display: str) -> Iterator[Source]:
    found = False
    for source in _walk(path, display, visited=set()):
        found = True
        yield source
    if not found:
        yield Source(display, error=f"no readable files in this directory ({_READS_IN_FOLDERS})")


def _walk(path: str, display: str, visited: set[tuple[int, int]]) -> Iterator[Source]:
    """Readable files below ``path`` in sorted order, visiting each real directory once."""
    key = _dir_key(path)
    if key is None or key in visited:
        return
    visited.add(key)
    try:
        with os.scandir(path) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except PermissionError:
        yield Source(display, error="permission denied (directory)")
        return
    except OSError as err:
        yield Source(display, error=f"cannot list directory: {err.strerror or err}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child_path = os.path.join(path, entry.name)
        child_display = _join(display, entry.name)
        try:
            is_dir = entry.is_dir()
        except OSError:  # a symlink loop of its own ("a -> a")
            is_dir = False
        if is_dir:
            yield from _walk(child_path, child_display, visited)
        elif suffix_of(entry.name) in MEDIA_TYPES:
            yield Source(child_display, path=child_path)


def _expand_pattern(pattern: str) -> Iterator[Source]:
    parts = pattern.split(os.sep)
    # The part before the first magic component is a literal base directory, written as given.
    literal = 0
    while literal < len(parts) and not _GLOB_MAGIC.search(parts[literal]):
        literal += 1
    base = os.sep.join(parts[:literal])
    if not base and pattern.startswith(os.sep):
        base = os.sep
    components = [part for part in parts[literal:] if part]
    matches = sorted(set(_match(base, components, visited=set())), key=lambda p: p.split(os.sep))
    ends_recursive = components[-1] == "**"
    found_any = bool(matches)
    found = False
    for match in matches:
        if _is_dir(match):
            # "dir/**" already matched every file below; "corpus/*" means each directory whole.
            if ends_recursive:
                continue
            for source in _walk(match, match, visited=set()):
                found = True
                yield source
        elif suffix_of(match) in MEDIA_TYPES or suffix_of(match) in CONTAINER_TYPES:
            found = True
            yield Source(match, path=match)
    if not found:
        reason = f"no readable files match this pattern ({_READS})" if found_any else "no files match this pattern"
        yield Source(pattern, error=reason)


def _match(base: str, components: list[str], visited: set[tuple[tuple[int, int], int]]) -> Iterator[str]:
    """Paths under ``base`` matching ``components`` (``**`` = any number of directories)."""
    if not components:
        yield base
        return
    head, rest = components[0], components[1:]
    if head == "**":
        key = _dir_key(base or ".")
        # Keyed by position in the pattern too: the same directory may be reached legitimately
        # by different parts of the pattern, but never twice by the same "**" (symlink loops).
        if key is None or (key, len(components)) in visited:
            return
        visited.add((key, len(components)))
        yield from _match(base, rest, visited)  # zero directories
        for name in _list_dir(base):
            if name.startswith("."):
                continue
            child = _join_pattern(base, name)
            if _is_dir(child):
                yield from _match(child, components, visited)
            elif not rest:  # a final "**" matches files too: "seeds/**"
                yield child
        return
    if not _GLOB_MAGIC.search(head):
        child = _join_pattern(base, head)
        if os.path.lexists(child):
            yield from _match(child, rest, visited)
        return
    show_hidden = head.startswith(".")
    for name in _list_dir(base):
        if name.startswith(".") and not show_hidden:
            continue
        if fnmatchcase(name, head):
            child = _join_pattern(base, name)
            if rest and not _is_dir(child):
                continue
            yield from _match(child, rest, visited)


def _join_pattern(base: str, name: str) -> str:
    return os.path.join(base, name) if base else name


def _list_dir(path: str) -> list[str]:
    try:
        return sorted(os.listdir(path or "."))
    except OSError:
        return []
