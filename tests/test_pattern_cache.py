"""Large patterns compiled in one process are reused by the next, unchanged."""

from __future__ import annotations

import re

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
    monkeypatch.setattr(pattern_cache, "_added", False)
    return tmp_path / "cache" / "claimsdb"


def new_process():
    pattern_cache.save()
    pattern_cache._entries = None
    pattern_cache._added = False


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
    monkeypatch.setattr(pattern_cache, "_added", False)
    assert pattern_cache.compile_pattern(PATTERNS[2][0]) == re.compile(PATTERNS[2][0])
    pattern_cache.save()
    assert [p.name for p in tmp_path.iterdir()] == ["file"]


def test_a_wrong_pattern_raises_as_re_compile_does(fresh_cache):
    with pytest.raises(re.error):
        pattern_cache.compile_pattern(r"(?P<a>x")
