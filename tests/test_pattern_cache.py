"""Large patterns compiled in one process are reused by the next, unchanged."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys

import pytest

from claimsdb import pattern_cache

PATTERNS = [
    (r"(?<!\w)(?:Ann(?:e|ie)?|Bob|Carla)(?!\w)", 0),
    (r"(?P<day>\d{1,2})\s+(?P<month>March|April)(?:\s+(?P<year>\d{4}))?", re.IGNORECASE),
    (r"(?=[A-Z])(?:New\s+(?:York|Zealand)|Paris)(?![\w-])", 0),
    (r"(?x) (?P<n>\d+) \s* (?:per\s?cent|%)  # verbose, with a comment", 0),
]


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache folder, and the module as a new process finds it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(pattern_cache, "_entries", None)
    monkeypatch.setattr(pattern_cache, "_to_write", False)
    monkeypatch.setattr(pattern_cache, "_last_used", {})
    monkeypatch.setattr(pattern_cache, "_used", set())
    return tmp_path / "cache" / "claimsdb"


def new_process():
    pattern_cache.save()
    pattern_cache._entries = None
    pattern_cache._to_write = False
    pattern_cache._last_used = {}
    pattern_cache._used = set()


@pytest.mark.parametrize("pattern, flags", PATTERNS)
def test_a_cached_pattern_is_the_pattern_re_compiles(fresh_cache, pattern, flags):
    first = pattern_cache.compile_pattern(pattern, flags)
    new_process()
    assert (fresh_cache / pattern_cache.cache_file().rsplit("/", 1)[1]).exists()
    again = pattern_cache.compile_pattern(pattern, flags)
    expected = re.compile(pattern, flags)
    assert first == expected and again == expected  # same flags, pattern and compiled code
    assert again.groupindex == expected.groupindex and again.groups == expected.groups
    text = "On 3 march 2024 Annie met Bob in New York; 40 per cent"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in expected.finditer(text)]


def test_the_second_process_reads_the_code_instead_of_compiling(fresh_cache, monkeypatch):
    pattern_cache.compile_pattern(PATTERNS[1][0], PATTERNS[1][1])
    new_process()

    def no_compiling(*args):
        raise AssertionError("compiled again")

    monkeypatch.setattr(pattern_cache, "_compiled_code", no_compiling)
    assert pattern_cache.compile_pattern(PATTERNS[1][0], PATTERNS[1][1]) == re.compile(PATTERNS[1][0], PATTERNS[1][1])


def test_a_damaged_cache_file_is_ignored(fresh_cache):
    pattern_cache.compile_pattern(PATTERNS[0][0])
    new_process()
    with open(pattern_cache.cache_file(), "wb") as f:
        f.write(b"\x00not a cache")
    assert pattern_cache.compile_pattern(PATTERNS[0][0]) == re.compile(PATTERNS[0][0])


def test_without_a_writable_cache_folder_patterns_still_compile(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))  # a file where the folder should be
    monkeypatch.setattr(pattern_cache, "_entries", None)
    monkeypatch.setattr(pattern_cache, "_to_write", False)
    assert pattern_cache.compile_pattern(PATTERNS[2][0]) == re.compile(PATTERNS[2][0])
    pattern_cache.save()
    assert [p.name for p in tmp_path.iterdir()] == ["file"]


def test_a_wrong_pattern_raises_as_re_compile_does(fresh_cache):
    with pytest.raises(re.error):
        pattern_cache.compile_pattern(r"(?P<a>x")


BUILT = []


def _table(n):
    BUILT.append(n)
    return {"rows": [(i, f"row {i}", None) for i in range(n)], "n": n}


def test_a_cached_value_is_read_back_without_building(fresh_cache):
    BUILT.clear()
    built = pattern_cache.cached_value("table", b"three", _table, 3)
    new_process()
    assert pattern_cache.cached_value("table", b"three", _table, 3) == built
    assert built == {"rows": [(0, "row 0", None), (1, "row 1", None), (2, "row 2", None)], "n": 3}
    assert BUILT == [3]
    # Other inputs, another kind: built.
    pattern_cache.cached_value("table", b"four", _table, 4)
    pattern_cache.cached_value("other", b"three", _table, 3)
    assert BUILT == [3, 4, 3]


def test_a_damaged_cached_value_is_built_again(fresh_cache):
    pattern_cache.cached_value("table", b"two", _table, 2)
    pattern_cache._entries = {key: b"\x00damaged" for key in pattern_cache._entries}
    assert pattern_cache.cached_value("table", b"two", _table, 2) == _table(2)


def test_the_office_index_from_the_cache_is_the_one_built_afresh(fresh_cache):
    from claimsdb.resolve import offices

    text = (offices.files("claimsdb.data") / "office_holders.tsv").read_text(encoding="utf-8")
    offices._index.cache_clear()
    try:
        offices._index()
        new_process()
        cached = offices._index.__wrapped__()
    finally:
        offices._index.cache_clear()
    afresh = offices._Index(offices._index_rows(text))
    for table in ("by_person", "by_name", "by_surname", "given", "written_given"):
        assert getattr(cached, table) == getattr(afresh, table)
    assert cached.by_person[offices.lookup_key("Sergei Lavrov")][0].country == "RU"


def _on_file():
    """The cache file's entries and last-used hours, as a new process reads them."""
    return pattern_cache._read(pattern_cache.cache_file())


def test_entries_no_process_used_for_a_week_are_dropped_when_the_file_is_written(fresh_cache):
    for pattern, flags in PATTERNS[:3]:
        pattern_cache.compile_pattern(pattern, flags)
    new_process()
    entries, hours = _on_file()
    old, recent, mine = sorted(entries)
    now = pattern_cache._hour()
    # One entry last used eight days ago, one (another version's) two days ago.
    hours.update({old: now - 8 * 24, recent: now - 48, mine: now})
    with open(pattern_cache.cache_file(), "wb") as f:
        marshal.dump({**entries, pattern_cache._LAST_USED_KEY: hours}, f)
    pattern_cache.compile_pattern(PATTERNS[3][0], PATTERNS[3][1])  # an addition: the file is written
    new_process()
    entries, hours = _on_file()
    assert old not in entries and {recent, mine} < entries.keys() and len(entries) == 3
    assert hours[recent] == now - 48 and set(hours) == set(entries)


def test_a_file_of_an_older_claimsdb_is_cut_to_what_this_process_uses(fresh_cache):
    """A file that gives no hours (written before they were kept) holds every version's
    entries: the first process to use it writes it back with only its own, though it
    added nothing."""
    for pattern, flags in PATTERNS:
        pattern_cache.compile_pattern(pattern, flags)
    fresh_cache.mkdir(parents=True)
    with open(pattern_cache.cache_file(), "wb") as f:
        marshal.dump(dict(pattern_cache._entries), f)  # the old format: entries only
    pattern_cache._entries, pattern_cache._to_write, pattern_cache._used = None, False, set()
    pattern_cache.compile_pattern(PATTERNS[0][0], PATTERNS[0][1])
    assert pattern_cache._to_write  # a hit on an entry without an hour: to be written
    new_process()
    entries, hours = _on_file()
    assert len(entries) == 1 and set(hours) == set(entries)


def test_a_process_that_finds_fresh_entries_does_not_write(fresh_cache):
    pattern_cache.compile_pattern(PATTERNS[0][0], PATTERNS[0][1])
    new_process()
    pattern_cache.compile_pattern(PATTERNS[0][0], PATTERNS[0][1])
    assert not pattern_cache._to_write


def test_the_file_keeps_a_table_older_claimsdb_versions_skip(fresh_cache):
    """Older versions read the file as one dict of entries: the hours are one more item of it,
    under a key no look-up asks for, which they write back as they found it."""
    pattern_cache.compile_pattern(PATTERNS[0][0], PATTERNS[0][1])
    new_process()
    with open(pattern_cache.cache_file(), "rb") as f:
        raw = marshal.loads(f.read())
    assert isinstance(raw, dict) and isinstance(raw[pattern_cache._LAST_USED_KEY], dict)
    assert all(len(key) == 64 for key in raw if key != pattern_cache._LAST_USED_KEY)


_ADDING = """
import sys
from claimsdb import pattern_cache
for i in range(30):
    pattern_cache.compile_pattern(f"(?:w{sys.argv[1]}x{i})+")
"""


def test_processes_writing_at_once_keep_each_others_entries(fresh_cache):
    environment = {**os.environ, "XDG_CACHE_HOME": str(fresh_cache.parent)}
    writers = [subprocess.Popen([sys.executable, "-c", _ADDING, str(n)], env=environment) for n in range(6)]
    assert [w.wait() for w in writers] == [0] * 6
    entries, hours = _on_file()
    assert len(entries) == 6 * 30 and set(hours) == set(entries)


def test_the_countries_pattern_from_the_cache_is_the_one_built_afresh(fresh_cache):
    """The country lexicon's pattern text and surface table are read from the cache by later
    processes: the same as building them from the lexicon."""
    from claimsdb.resolve import countries

    built = countries._build_pattern()
    surface = dict(countries._SURFACE)
    new_process()
    countries._SURFACE.clear()
    again = countries._build_pattern()  # refills _SURFACE, from the cache this time
    assert again == built and countries._SURFACE == surface
    text, table = countries._pattern_text_and_surface()
    assert again.pattern == text and table == surface and len(table) > 2000


def test_the_country_lookup_tables_from_the_cache_are_the_ones_built_afresh(fresh_cache):
    from claimsdb.resolve import countries

    built = countries._cached_lookup_tables()
    new_process()
    again = countries._cached_lookup_tables()
    assert again == built == countries._lookup_tables() == (countries._LOOKUP, countries._AGENCIES, countries._DEMONYMS)
    assert countries._LOOKUP["ukrainian"] == "UA" and countries._AGENCIES["unicef"] == "UN"
