"""Large regular expressions compiled once per machine, not once per process.

The lexicon patterns (countries, dates, quantities, cues, position words) are prefix trees of
thousands of forms. Python's ``re`` parses and compiles a pattern in Python code, which for
these costs about a fifth of what a ``claims`` process spends before it reads its first
article. What the compiler produces is kept in a small file in the user's cache folder, keyed
by the pattern and the Python build, and the next process hands it straight to the regex
engine. The result is the same pattern object ``re.compile`` returns (they compare equal);
anything unexpected (no writable cache folder, a damaged file, another Python) falls back to
``re.compile``. The folder is the one claimsdb.resolve.places keeps its table in:
``$XDG_CACHE_HOME/claimsdb``, else ``~/.cache/claimsdb``.

Every process reads the whole file, so it is kept to what is in use: each entry carries the
hour it was last used, and a process that writes the file drops the entries no process has
used for a week (see :func:`save`). Every version of claimsdb shares the file, and each edit of
a lexicon or a builder keys new entries, so without this the file only grew.
"""

from __future__ import annotations

import atexit
import hashlib
import time
from array import array
import marshal
import os
import re
import sys
from collections.abc import Callable
from contextlib import contextmanager
from types import CodeType

try:  # the engine's own entry points, as re._compiler.compile uses them
    import _sre
    from re import _compiler, _parser
except ImportError:  # another Python implementation: plain re.compile
    _sre = None

# Compiled code is only valid for the engine that made it. (The "2" is the file's format:
# code as bytes.)
_BUILD = f"{sys.version}|{sys.implementation.cache_tag}|{getattr(_sre, 'MAGIC', '')}|{getattr(_sre, 'CODESIZE', '')}|2"
# The code words are kept as the bytes of an array of this type, which must be the engine's
# word size: marshal reads a list of a hundred thousand ints one object at a time (the whole
# file for every process, most of it patterns the process never uses), bytes in one copy.
_WORD = next((t for t in "IL" if array(t).itemsize == getattr(_sre, "CODESIZE", 0)), None)

# key → the arguments of _sre.compile after the pattern, a text of cached_text, or the bytes
# of a value of cached_value; None until the file is read.
_entries: dict[str, tuple | str | bytes] | None = None
# Whether this process has something to write: an entry it added, or an entry it used whose
# last-used hour in the file is old (see _note_use).
_to_write = False
# key → the hour (since 1970) it was last used, as the file says; keys the file gives no hour
# (written by an older claimsdb, which keeps this table as if it were an entry) have none.
_last_used: dict[str, int] = {}
# The keys this process looked up and found, or added: always kept when it writes.
_used: set[str] = set()

# The file's entry that holds _last_used (not a digest: no look-up ever asks for it).
_LAST_USED_KEY = "last used (hours)"
# An entry no process has used for this long is dropped when the file is next written: it was
# keyed by a lexicon, a builder or a version of claimsdb no longer run on this machine.
_HOURS_KEPT = 7 * 24
# A used entry's hour is written again only when it is older than this, so that a process that
# found everything it needed writes the file at most once a day.
_HOURS_FRESH = 24
# A bound on the file for a busy day (several versions, each with its two hundred entries, all
# used within the week): the most recently used are kept first.
_MOST_KEPT = 1000


def cache_file() -> str:
    """The file that keeps compiled patterns for this Python."""
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(root, "claimsdb", f"patterns-{hashlib.sha256(_BUILD.encode()).hexdigest()[:16]}.marshal")


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache when an earlier process compiled it."""
    if _sre is None or _WORD is None:
        return re.compile(pattern, flags)
    flags = int(flags)
    key = hashlib.sha256(f"{flags}:{pattern}".encode()).hexdigest()
    entries = _load()
    entry = entries.get(key)
    if entry is not None:
        try:
            compiled = _sre.compile(pattern, entry[0], _words(entry[1]), *entry[2:])
        except Exception:  # not what this engine expects: compile it afresh
            pass
        else:
            _note_use(key)
            return compiled
    try:
        entry = _compiled_code(pattern, flags)
        compiled = _sre.compile(pattern, entry[0], _words(entry[1]), *entry[2:])
    except Exception:  # re's internals differ here; re.compile reports any real error
        return re.compile(pattern, flags)
    _remember(key, entry)
    return compiled


def cached_text(kind: str, inputs: bytes, build: Callable[..., str], *args, uses: tuple[Callable, ...] = ()) -> str:
    """``build(*args)``, from the cache when an earlier process built it from the same ``inputs``.

    For the source of a large pattern that takes longer to build than to look up (a prefix
    tree of thousands of forms). ``inputs`` must determine the text: everything the result
    depends on but the code of ``build`` itself, whose compiled code is part of the key (an
    edited builder never meets a text its old version made); ``uses``: the other functions
    whose code the text depends on, keyed the same way."""
    if _sre is None:
        return build(*args)
    key = _key(kind, inputs, build, uses)
    entries = _load()
    text = entries.get(key)
    if isinstance(text, str):
        _note_use(key)
    else:
        text = build(*args)
        _remember(key, text)
    return text


def cached_value(kind: str, inputs: bytes, build: Callable[..., object], *args, uses: tuple[Callable, ...] = ()):
    """``build(*args)``, a value marshal can write (tuples, lists, dicts, strings, numbers,
    None), from the cache when an earlier process built it from the same ``inputs`` (keyed
    as for :func:`cached_text`). For a table that takes longer to build than to read, such
    as an index of a data file. The value is kept as marshal's bytes, so that the processes
    that never ask for it pay a copy of the bytes, not the reading of every object in it; a
    damaged entry is built afresh."""
    if _sre is None:
        return build(*args)
    key = _key(kind, inputs, build, uses)
    blob = _load().get(key)
    if isinstance(blob, bytes):
        try:
            value = marshal.loads(blob)
        except (EOFError, ValueError, TypeError):  # damaged: built again below
            pass
        else:
            _note_use(key)
            return value
    value = build(*args)
    _remember(key, marshal.dumps(value))
    return value


def _key(kind: str, inputs: bytes, build: Callable, uses: tuple[Callable, ...]) -> str:
    return f"{kind}:" + hashlib.sha256(b"".join(map(_fingerprint, (build, *uses))) + inputs).hexdigest()


# The code of each builder cached_text was given → a digest of it (code objects compare equal
# when their compiled code does: marshal writes them the same).
_code_fingerprints: dict = {}


def _fingerprint(function: Callable) -> bytes:
    code = function.__code__
    digest = _code_fingerprints.get(code)
    if digest is None:
        # marshal's format 2 writes no back-references: which objects the newer formats write
        # as one depends on reference counts, so the same function read from a .pyc and
        # compiled from its source gave two digests (and two cache entries, each process
        # missing the other's).
        digest = _code_fingerprints[code] = hashlib.sha256(marshal.dumps(_bare(code), 2)).digest()
    return digest


def _bare(code: CodeType) -> CodeType:
    """``code`` (and the code of the functions it defines) without where it was written, file
    and lines: the same builder in another checkout, or moved down its file, builds the same.
    A set of constants ("in {...}") is written in order, as its order varies with the hash seed."""
    consts = tuple(map(_bare_constant, code.co_consts))
    return code.replace(co_filename="", co_firstlineno=1, co_linetable=b"", co_consts=consts)


def _bare_constant(const):
    if isinstance(const, CodeType):
        return _bare(const)
    if isinstance(const, frozenset):
        return ("frozenset", *sorted(const, key=repr))
    return const


def _compiled_code(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile passes to the engine for ``pattern``, after the pattern, with
    the code as bytes (:func:`_words` makes them the list again)."""
    parsed = _parser.parse(pattern, flags)
    code = array(_WORD, _compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _words(code: bytes) -> list[int]:
    """The code words kept as ``code``, as the list the engine takes."""
    return array(_WORD, code).tolist()


def _load() -> dict[str, tuple | str | bytes]:
    global _entries, _last_used
    if _entries is None:
        _entries, _last_used = _read(cache_file())
    return _entries


def _read(path: str) -> tuple[dict[str, tuple | str | bytes], dict[str, int]]:
    """The file's entries, and the hour each was last used."""
    try:
        with open(path, "rb") as f:
            # One read: marshal.load on the file object reads it a few bytes at a time.
            entries = marshal.loads(f.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}, {}
    if not isinstance(entries, dict):
        return {}, {}
    last_used = entries.pop(_LAST_USED_KEY, None)
    return entries, last_used if isinstance(last_used, dict) else {}


def _hour() -> int:
    return int(time.time() // 3600)


def _note_use(key: str) -> None:
    """Remember that this process used ``key``; the file is written at exit when the hour it
    gives the entry is a day old (or it gives none), so that the entry is not dropped."""
    global _to_write
    _used.add(key)
    if not _to_write and _last_used.get(key, -1) < _hour() - _HOURS_FRESH:
        _to_write = True
        atexit.register(save)


def _remember(key: str, entry: tuple | str | bytes) -> None:
    global _to_write
    _entries[key] = entry
    _used.add(key)
    if not _to_write:
        _to_write = True
        atexit.register(save)


def save() -> None:
    """Write the patterns compiled in this process to the cache file (with what other
    processes wrote there meanwhile), and drop what no process has used for a week. Runs at
    exit, when this process added an entry or used one whose hour is a day old; failing to
    write only loses the cache."""
    global _to_write
    path = cache_file()
    if not _to_write or _entries is None:
        return
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with _writing(path):
            on_file, last_used = _read(path)
            entries, last_used = _kept({**on_file, **_entries}, last_used)
            entries[_LAST_USED_KEY] = last_used
            with open(temporary, "wb") as f:
                marshal.dump(entries, f)
            os.replace(temporary, path)  # readers see the old file or the new one, never half
        _to_write = False
    except Exception:  # at exit, after the command's work: never an error for the user
        try:
            os.remove(temporary)
        except OSError:
            pass


def _kept(entries: dict, last_used: dict[str, int]) -> tuple[dict, dict[str, int]]:
    """The entries to write, with their hours: those this process used (stamped now), then
    the others used within _HOURS_KEPT, most recent first, up to _MOST_KEPT in all.

    Safe for other processes: an entry another process or version uses was stamped by it
    within the last day (_HOURS_FRESH), so it is kept; one dropped all the same (by the bound,
    or written by an older claimsdb, which stamps nothing) is only built again when asked for."""
    now = _hour()
    used = _used & entries.keys()
    hours = {key: last_used[key] for key in entries if isinstance(last_used.get(key), int)}
    hours.update(dict.fromkeys(used, now))
    recent = [key for key, hour in hours.items() if hour >= now - _HOURS_KEPT]
    recent.sort(key=hours.__getitem__, reverse=True)
    kept = used.union(recent[:_MOST_KEPT])
    # (in the file's order: the same entries give the same bytes)
    kept_entries = {key: entry for key, entry in entries.items() if key in kept}
    return kept_entries, {key: hours[key] for key in kept_entries}


@contextmanager
def _writing(path: str):
    """Hold a lock beside the file while it is read, merged and replaced, so that two
    processes writing at once do not lose each other's entries (the second reads the first's
    file). Without fcntl (Windows) the last to write wins, as before: its entries are kept and
    the others' are built again when next asked for."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    with open(path + ".lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
