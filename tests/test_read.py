"""read: arguments → Sources → Documents, as a user of ``claims ingest`` relies on them."""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import signal
import subprocess
import sys
import tempfile
import types
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimsdb.errors import InputError, UnsupportedInput
from claimsdb.read import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, Source, iter_sources, read_document
from claimsdb.read import sources as sources_module
from claimsdb.read.sources import parse_size
from claimsdb.read.titles import find_markdown_title, find_text_title, is_byline

ARTICLE = (
    "Kallas says EU ready to train troops\n\n"
    '"We must be ready to do more," Kallas said on Friday.\n'
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def displays(args: list[str]) -> list[str]:
    return [source.display for source in iter_sources(args)]


def read_one(path: Path, **options) -> object:
    (source,) = list(iter_sources([str(path)]))
    return read_document(source, **options)


def reason(path: Path | str, **options) -> str:
    """The InputError message reading ``path`` gives (the test fails if it reads)."""
    (source,) = list(iter_sources([str(path)]))
    with pytest.raises(InputError) as caught:
        read_document(source, **options)
    return str(caught.value)


@pytest.fixture
def no_date_finder(monkeypatch):
    """Text dates come from resolve.dates; here it finds nothing, so tests don't depend on it."""
    fake = types.ModuleType("claimsdb.resolve.dates")
    fake.find_publication_date = lambda text: None
    monkeypatch.setitem(sys.modules, "claimsdb.resolve.dates", fake)


# --- expanding arguments -------------------------------------------------------------------


def test_contract_constants():
    assert DEFAULT_MAX_BYTES == 5 * 1024 * 1024
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".md", ".markdown", ".html", ".htm"}


def test_directory_is_walked_recursively_in_sorted_order(tmp_path, monkeypatch):
    for name in ["b.txt", "a.md", "sub/c.html", "sub/deeper/d.htm", "e.markdown", "Z.TXT"]:
        write(tmp_path / "news" / name, ARTICLE)
    # Skipped silently inside a directory: other suffixes, hidden files and hidden directories.
    for name in ["notes.pdf", "manifest.jsonl", ".draft.txt", ".git/config.txt", "sub/.cache/x.txt"]:
        write(tmp_path / "news" / name, ARTICLE)
    monkeypatch.chdir(tmp_path)

    expected = ["news/Z.TXT", "news/a.md", "news/b.txt", "news/e.markdown",
                "news/sub/c.html", "news/sub/deeper/d.htm"]
    assert displays(["news"]) == expected
    assert displays(["news/"]) == expected  # a trailing slash changes nothing stored
    monkeypatch.chdir(tmp_path / "news")
    assert displays(["."])[:3] == ["Z.TXT", "a.md", "b.txt"]  # no "./" prefix


def test_arguments_keep_their_order_and_each_file_comes_once(tmp_path, monkeypatch):
    write(tmp_path / "d/a.txt", ARTICLE)
    write(tmp_path / "d/b.txt", ARTICLE)
    write(tmp_path / "z.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    assert displays(["z.txt", "d", "d/a.txt", "z.txt"]) == ["z.txt", "d/a.txt", "d/b.txt"]


def test_an_explicit_hidden_file_is_read(tmp_path, monkeypatch):
    write(tmp_path / ".draft.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    assert displays([".draft.txt"]) == [".draft.txt"]


def test_globs_match_files_sorted_and_recursively(tmp_path, monkeypatch):
    for name in ["seeds/002_b.txt", "seeds/001_a.txt", "seeds/readme.pdf", "seeds/x/003_c.txt", "seeds/x/y/004.md"]:
        write(tmp_path / name, ARTICLE)
    monkeypatch.chdir(tmp_path)
    assert displays(["seeds/*.txt"]) == ["seeds/001_a.txt", "seeds/002_b.txt"]
    assert displays(["seeds/**/*.txt"]) == ["seeds/001_a.txt", "seeds/002_b.txt", "seeds/x/003_c.txt"]
    assert displays(["seeds/**"]) == ["seeds/001_a.txt", "seeds/002_b.txt", "seeds/x/003_c.txt", "seeds/x/y/004.md"]
    # Unsupported suffixes matched by a pattern are skipped, as inside a directory.
    assert displays(["seeds/*"]) == ["seeds/001_a.txt", "seeds/002_b.txt", "seeds/x/003_c.txt", "seeds/x/y/004.md"]
    assert displays([str(tmp_path / "seeds" / "00?_a.txt")]) == [str(tmp_path / "seeds/001_a.txt")]


def test_a_glob_matching_nothing_is_reported_and_the_batch_goes_on(tmp_path, monkeypatch):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "data.pdf", "x,y\n")
    monkeypatch.chdir(tmp_path)
    sources = list(iter_sources(["*.html", "*.pdf", "a.txt"]))
    assert [s.display for s in sources] == ["*.html", "*.pdf", "a.txt"]
    with pytest.raises(InputError, match="no files match"):
        read_document(sources[0])
    with pytest.raises(InputError, match="no readable files match"):
        read_document(sources[1])
    assert read_document(sources[2]).text == ARTICLE


def test_a_name_with_glob_characters_that_exists_is_taken_literally(tmp_path, monkeypatch):
    write(tmp_path / "report[1].txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    assert displays(["report[1].txt"]) == ["report[1].txt"]


def test_missing_path_yields_a_source_that_fails_with_the_reason(tmp_path, monkeypatch):
    write(tmp_path / "real.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    sources = list(iter_sources(["missing.txt", "real.txt"]))  # must not raise
    assert [s.display for s in sources] == ["missing.txt", "real.txt"]
    with pytest.raises(InputError, match="no such file or directory"):
        read_document(sources[0])
    assert read_document(sources[1]).path == "real.txt"


def test_explicit_file_with_unsupported_suffix_is_refused_by_name(tmp_path):
    pdf = write(tmp_path / "report.pdf", b"%PDF-1.7")
    (source,) = list(iter_sources([str(pdf)]))
    with pytest.raises(UnsupportedInput, match=r"unsupported file type '\.pdf'.*\.txt"):
        read_document(source)
    bare = write(tmp_path / "README", ARTICLE)
    assert "no suffix" in reason(bare)


def test_a_directory_without_readable_files_is_reported(tmp_path):
    write(tmp_path / "empty/photo.jpg", b"\xff\xd8")
    assert "no readable files" in reason(tmp_path / "empty")


def test_a_directory_is_refused_when_read_as_a_file(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(InputError, match="is a directory"):
        read_document(Source("folder.txt", path=str(tmp_path / "folder.txt")))


def _fail_after(seconds: int):
    def on_alarm(signum, frame):
        raise AssertionError("expanding arguments did not terminate")

    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)


def test_symlink_loops_terminate_and_yield_each_file_once(tmp_path, monkeypatch):
    write(tmp_path / "news/a.txt", ARTICLE)
    write(tmp_path / "news/sub/b.txt", ARTICLE)
    os.symlink(tmp_path / "news", tmp_path / "news/sub/back")  # sub/back → news: a loop
    os.symlink(tmp_path / "news/sub", tmp_path / "news/sub/self")  # sub/self → sub
    os.symlink("dangling", tmp_path / "news/sub/loop.txt")
    os.symlink("loopy.txt", tmp_path / "news/loopy.txt")  # a link to itself
    monkeypatch.chdir(tmp_path)
    _fail_after(20)
    try:
        assert displays(["news"]) == ["news/a.txt", "news/loopy.txt", "news/sub/b.txt", "news/sub/loop.txt"]
        assert displays(["news/**/*.txt"]) == ["news/a.txt", "news/loopy.txt", "news/sub/b.txt", "news/sub/loop.txt"]
    finally:
        signal.alarm(0)
    assert "broken symbolic link" in reason("news/sub/loop.txt")
    assert reason("news/loopy.txt")  # refused with a reason, not hung or crashed


def test_paths_with_spaces_and_non_ascii_names(tmp_path, monkeypatch):
    write(tmp_path / "my articles/Київ новини.txt", ARTICLE)
    write(tmp_path / "my articles/café déjà vu.md", "# Déjà vu\n\nText.\n")
    monkeypatch.chdir(tmp_path)
    assert displays(["my articles"]) == ["my articles/café déjà vu.md", "my articles/Київ новини.txt"]
    assert displays(["my articles/*.txt"]) == ["my articles/Київ новини.txt"]
    document = read_one(Path("my articles/café déjà vu.md"))
    assert document.path == "my articles/café déjà vu.md"
    assert document.title == "Déjà vu"


@pytest.mark.skipif(sys.platform != "linux", reason="file names are any bytes on Linux only")
def test_file_name_that_is_not_utf8_is_read_and_shown_with_escapes(tmp_path, monkeypatch, no_date_finder):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9 \xff.txt")).write_text(ARTICLE)
    monkeypatch.chdir(tmp_path)
    (source,) = list(iter_sources(["news"]))
    assert source.display == "news/caf\\xe9 \\xff.txt"
    document = read_document(source)
    assert document.path == "news/caf\\xe9 \\xff.txt" and document.text == ARTICLE
    document.path.encode("utf-8")  # storable and printable


def _fake_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_is_read_once_as_one_document(monkeypatch, no_date_finder):
    _fake_stdin(monkeypatch, "Headline from a pipe here\r\n\r\nBody said “yes”.\r\n".encode())
    sources = list(iter_sources(["-", "-"]))
    assert [s.display for s in sources] == ["<stdin>"]
    document = read_document(sources[0])
    assert document.text == "Headline from a pipe here\r\n\r\nBody said “yes”.\r\n"
    assert document.path == "<stdin>" and document.media_type == "text"
    assert document.title == "Headline from a pipe here"
    assert read_document(sources[0]).text == document.text  # cached, not read from an empty pipe


def test_stdin_html_is_recognised_as_a_page(monkeypatch, no_date_finder):
    _fake_stdin(monkeypatch, PAGE.encode())
    (source,) = list(iter_sources(["-"]))
    document = read_document(source)
    assert document.media_type == "html"
    assert "Sign up for our morning briefing" not in document.text


# --- refusing what is not an article -------------------------------------------------------


def test_empty_and_whitespace_only_files_are_refused(tmp_path):
    assert reason(write(tmp_path / "empty.txt", b"")) == "file is empty"
    assert reason(write(tmp_path / "blank.txt", b"\r\n  \t\n\n")) == "file contains only whitespace"
    assert reason(write(tmp_path / "bom.txt", codecs.BOM_UTF8 + b"\n")) == "file contains only whitespace"


def test_binary_files_are_refused(tmp_path):
    assert "NUL" in reason(write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    controls = bytes(range(1, 9)) * 50 + b"some words"
    assert "control characters" in reason(write(tmp_path / "blob.txt", controls))


def test_file_larger_than_max_bytes_is_refused_with_size_and_limit(tmp_path):
    path = write(tmp_path / "big.txt", "word " * 300)  # 1,500 bytes
    message = reason(path, max_bytes=1024)
    assert "too large" in message and "1,500 bytes" in message and "1,024 bytes" in message
    assert read_one(path, max_bytes=1500).text == "word " * 300  # the limit itself is allowed


class _EndlessPipe(io.RawIOBase):
    """Standard input that never ends (``yes | claims ingest -``), counting what is read."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        buffer[:] = b"y\n" * (len(buffer) // 2) + b"y" * (len(buffer) % 2)
        self.given += len(buffer)
        return len(buffer)


def test_standard_input_is_read_only_up_to_the_limit(monkeypatch):
    pipe = _EndlessPipe()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(pipe)))
    (source,) = list(iter_sources(["-"]))
    with pytest.raises(InputError, match=r"too large: more than 1\.0 MB .*limit of 1\.0 MB"):
        read_document(source, max_bytes=1024 * 1024)
    assert pipe.given < 2 * 1024 * 1024  # not the whole endless stream


def test_standard_input_within_a_raised_limit_is_read_whole(monkeypatch, no_date_finder):
    _fake_stdin(monkeypatch, ARTICLE.encode() * 100)
    (source,) = list(iter_sources(["-"]))
    with pytest.raises(InputError, match="too large"):
        read_document(source, max_bytes=1000)
    assert read_document(source, max_bytes=100_000).text == ARTICLE * 100


@pytest.mark.parametrize(
    ("text", "size"),
    [("1000", 1000), ("512k", 512 * 1024), ("512KB", 512 * 1024), ("20MB", 20 * 1024**2),
     ("20 MiB", 20 * 1024**2), ("1.5G", 1536 * 1024**2), ("7b", 7)],
)
def test_sizes_as_users_write_them(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "0", "-1", "MB", "ten", "1TB", "1e6", "5 M B"])
def test_what_is_not_a_size(text):
    with pytest.raises(ValueError, match="size"):
        parse_size(text)


def test_unreadable_file_says_permission_denied(tmp_path, monkeypatch):
    path = write(tmp_path / "secret.txt", ARTICLE)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # Root reads any file whatever its mode, so the refusal is simulated at open().
    monkeypatch.setattr(sources_module, "open", denied, raising=False)
    assert reason(path) == "permission denied"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read mode 000")
def test_unreadable_file_mode_000(tmp_path):
    path = write(tmp_path / "secret.txt", ARTICLE)
    path.chmod(0)
    try:
        assert reason(path) == "permission denied"
    finally:
        path.chmod(0o600)


# --- decoding: text exactly as written ------------------------------------------------------


def test_crlf_and_text_are_kept_exactly(tmp_path, no_date_finder):
    raw = b"\n\nTitle line of the story\r\n\r\n  Indented \"quote\" said.\r\nLast line without newline"
    document = read_one(write(tmp_path / "a.txt", raw))
    assert document.text == raw.decode("utf-8")
    assert document.encoding == "utf-8" and document.media_type == "text"


def test_markdown_text_is_the_file_and_its_title_the_first_heading(tmp_path, no_date_finder):
    raw = "Intro line\n\n```sh\n# not a heading\n```\n\n# Real *Headline* here\n\nBody.\n"
    document = read_one(write(tmp_path / "a.md", raw))
    assert document.text == raw and document.media_type == "markdown"
    assert document.title == "Real *Headline* here"


def test_sha256_is_of_the_raw_bytes(tmp_path, no_date_finder):
    raw = codecs.BOM_UTF8 + "Zelensky said “yes”.\r\n".encode()
    document = read_one(write(tmp_path / "a.txt", raw))
    assert document.sha256 == hashlib.sha256(raw).hexdigest()


def test_utf8_bom_is_not_part_of_the_text(tmp_path, no_date_finder):
    raw = codecs.BOM_UTF8 + "Kallas said “no”.\n".encode()
    document = read_one(write(tmp_path / "a.txt", raw))
    assert document.text == "Kallas said “no”.\n"
    # The recorded codec reproduces the text from the bytes, so offsets can be checked.
    assert document.encoding == "utf-8-sig" and raw.decode(document.encoding) == document.text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_decoded(tmp_path, codec, no_date_finder):
    text = "Заголовок статьи сегодня\r\nShe said “yes”.\n"
    if codec == "utf-16-le":
        raw = codecs.BOM_UTF16_LE + text.encode(codec)
    elif codec == "utf-16-be":
        raw = codecs.BOM_UTF16_BE + text.encode(codec)
    else:
        raw = text.encode(codec)
    document = read_one(write(tmp_path / "a.txt", raw))
    assert document.text == text
    assert raw.decode(document.encoding) == document.text


def test_invalid_utf8_falls_back_to_windows_1252_and_says_so(tmp_path, no_date_finder):
    raw = "Caf\u00e9 owner said \u201cno\u201d \u2013 twice.\n".encode("cp1252")
    document = read_one(write(tmp_path / "a.txt", raw))
    assert document.text == "Café owner said “no” – twice.\n"
    assert document.encoding == "cp1252"


def test_bytes_neither_utf8_nor_windows_1252_are_refused_not_replaced(tmp_path):
    # 0x81 is undefined in Windows-1252: guessing a character would corrupt the text.
    message = reason(write(tmp_path / "a.txt", b"Caf\xe9 \x81 text\n"))
    assert "cannot decode" in message and "0x81" in message


# Invented sentences: Ukrainian in two Cyrillic code pages, and languages Windows-1252 is for.
_CYRILLIC = "Міністр заявив, що переговори тривають і уряд готовий до нових кроків цього тижня.\n"


@pytest.mark.parametrize(("codec", "named", "iconv"), [
    ("cp1251", "Windows-1251", "iconv -f WINDOWS-1251"),
    ("koi8_u", "KOI8", "iconv -f KOI8-U"),
])
def test_cyrillic_code_page_read_as_windows_1252_is_refused_and_named(tmp_path, codec, named, iconv):
    # Every byte is valid Windows-1252, so the old reader stored "Ì³í³ñòð ..." without a word.
    message = reason(write(tmp_path / "a.txt", _CYRILLIC.encode(codec)))
    assert "cannot decode" in message and "another code page" in message
    assert named in message and iconv in message


@pytest.mark.parametrize("text", [
    "Le ministre a déclaré à côté de l'Élysée que la réunion était reportée.\n",
    "Der Außenminister erklärte, die Gespräche würden in Genf fortgesetzt.\n",
    "Þórður sagði að ríkisstjórnin væri á réttri leið í málinu.\n",
])
def test_western_european_text_in_windows_1252_is_still_read(tmp_path, no_date_finder, text):
    document = read_one(write(tmp_path / "a.txt", text.encode("cp1252")))
    assert document.text == text and document.encoding == "cp1252"


def test_utf16_without_byte_order_mark_is_named_in_the_refusal(tmp_path):
    message = reason(write(tmp_path / "a.txt", "The minister said the talks go on.\n".encode("utf-16-le")))
    assert "NUL bytes" in message and "UTF-16" in message and "without a byte-order mark" in message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=300) | st.text(max_size=200).map(lambda t: t.encode("utf-8")))
def test_any_bytes_give_a_document_or_an_input_error(raw, no_date_finder):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "any.txt"
        path.write_bytes(raw)
        (source,) = list(iter_sources([str(path)]))
        try:
            document = read_document(source)
        except InputError:
            return
        assert raw.decode(document.encoding) == document.text  # nothing replaced, nothing lost
        assert document.text.strip()


# --- HTML -----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Kallas says EU ready to train troops inside Ukraine | The Example Times</title>
<meta property="og:title" content="Kallas says EU ready to train troops inside Ukraine">
<meta property="og:site_name" content="The Example Times">
<meta property="article:published_time" content="2025-08-29T10:15:00+00:00">
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>
<style>body { font-family: sans-serif; }</style>
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/subscribe">Subscribe today</a></li></ul></nav></header>
<main>
<article>
<h1>Kallas says EU ready to train troops inside Ukraine</h1>
<p class="byline">By Jane Reporter, August 29, 2025</p>
<p>European Union defence ministers have agreed in principle to send military instructors to
Ukraine once a ceasefire holds, the bloc's top diplomat Kaja Kallas said on Friday after a
meeting in Copenhagen.</p>
<p>"I welcome that there is broad support today to expand our EU military mission mandate to
provide training and advice inside Ukraine after any truce," Kallas told reporters.</p>
<p>The mission has trained more than 80,000 Ukrainian soldiers on EU territory since 2022,
according to figures published by the European External Action Service.</p>
<p>Ministers also discussed security guarantees, which several governments say must be robust
and credible if a truce is to last.</p>
</article>
<aside class="newsletter"><form action="/signup"><h3>Sign up for our morning briefing</h3>
<p>Get the top stories in your inbox every day.</p><input type="email" name="email">
<button>Subscribe</button></form></aside>
<section class="comments"><h3>Comments</h3><div class="comment"><p>Great article, thanks for
reporting this news every single day!</p></div></section>
</main>
<footer><p>© 2025 The Example Times. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
<script>console.log("tracking pixel loaded for analytics purposes");</script>
</body>
</html>
"""


def test_html_article_text_without_page_furniture(tmp_path, no_date_finder):
    path = write(tmp_path / "kallas.html", PAGE)
    document = read_one(path)
    assert document.media_type == "html"
    assert document.title == "Kallas says EU ready to train troops inside Ukraine"
    assert document.published_on == date(2025, 8, 29) and document.published_method == "meta"
    assert document.outlet == "The Example Times"
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    text = document.text
    assert "Kallas told reporters." in text and "robust\nand credible" not in text
    # Paragraphs stay apart, one per line.
    assert "in Copenhagen.\n\"I welcome" in text.replace("\n\n", "\n")
    for furniture in ["World news", "Subscribe", "morning briefing", "inbox", "Great article",
                      "All rights reserved", "Privacy policy", "dataLayer", "tracking pixel", "font-family"]:
        assert furniture not in text


def test_options_win_over_what_the_page_says(tmp_path, no_date_finder):
    (source,) = list(iter_sources([str(write(tmp_path / "kallas.htm", PAGE))]))
    document = read_document(source, published=date(2025, 9, 1), outlet="Example")
    assert (document.published_on, document.published_method, document.outlet) == (date(2025, 9, 1), "option", "Example")


def test_html_page_in_windows_1252_declared_latin1(tmp_path, no_date_finder):
    page = PAGE.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">')
    page = page.replace("Kallas told reporters.", "Kallas told reporters in Brussels \u2013 caf\u00e9 talk.")
    document = read_one(write(tmp_path / "latin.html", page.encode("cp1252")))
    assert "reporters in Brussels – café talk." in document.text
    assert document.encoding == "cp1252"


def test_html_with_only_scripts_has_no_article_text(tmp_path):
    page = "<html><head><script>var a = 1;</script></head><body><script>document.write('hello there');</script></body></html>"
    assert reason(write(tmp_path / "app.html", page)) == "no article text found in HTML"


def test_reading_text_does_not_import_trafilatura(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    code = (
        "import sys; from claimsdb.read import iter_sources, read_document\n"
        f"[read_document(s) for s in iter_sources([{str(path)!r}])]\n"
        "assert 'trafilatura' not in sys.modules, 'trafilatura imported for a text file'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- publication date -----------------------------------------------------------------------


def test_text_date_comes_from_resolve_dates_with_its_method(tmp_path, monkeypatch):
    seen: list[str] = []
    fake = types.ModuleType("claimsdb.resolve.dates")

    def find_publication_date(text):
        seen.append(text)
        return date(2025, 4, 10), "byline"

    fake.find_publication_date = find_publication_date
    monkeypatch.setitem(sys.modules, "claimsdb.resolve.dates", fake)
    path = write(tmp_path / "a.txt", ARTICLE)
    document = read_one(path)
    assert (document.published_on, document.published_method) == (date(2025, 4, 10), "byline")
    assert seen == [ARTICLE]
    document = read_one(path, published=date(2024, 1, 2))
    assert (document.published_on, document.published_method) == (date(2024, 1, 2), "option")


def test_byline_date_is_found_by_the_real_date_finder(tmp_path):
    pytest.importorskip("claimsdb.resolve.dates")
    text = (
        "\nSkip to content\n\nUkraine presents peacekeeping mission request\n\n"
        "by Olena Goncharova April 10, 2025 7:29 AM 2 min read\n"
        "Ukraine's key allies are set to meet on April 10.\n"
    )
    document = read_one(write(tmp_path / "a.txt", text))
    assert (document.published_on, document.published_method) == (date(2025, 4, 10), "byline")
    assert document.title == "Ukraine presents peacekeeping mission request"


def test_no_date_found_leaves_date_and_method_empty(tmp_path, no_date_finder):
    document = read_one(write(tmp_path / "a.txt", ARTICLE))
    assert (document.published_on, document.published_method, document.outlet) == (None, None, None)


# --- titles of plain text -------------------------------------------------------------------


def test_title_is_the_line_before_a_byline_after_promos_and_furniture():
    text = (
        "The Power Within: our first-ever magazine. Be among the first to get it.\n\n"
        "pre-order now\nSkip to content\nEdit post\n\n"
        "Ukraine presents peacekeeping mission request, Politico reports\n\n"
        "by Olena Goncharova April 10, 2025 7:29 AM 2 min read\n"
        "Ukraine's key allies are set to meet on April 10.\n"
    )
    assert find_text_title(text) == "Ukraine presents peacekeeping mission request, Politico reports"


def test_title_skips_leading_blank_lines_and_furniture():
    assert find_text_title("\n\n  \nNews Feed\n\nEU ready to deploy instructors, Kallas says\n\n3 min read\nBody.") == (
        "EU ready to deploy instructors, Kallas says"
    )


def test_title_skips_site_names_breadcrumbs_and_dated_author_lines():
    assert find_text_title("The Kyiv Independent\n\nZelensky says allies must act now\n\nKYIV - Body.") == (
        "Zelensky says allies must act now"
    )
    assert find_text_title("Home » News » Politics\nPutin says he is open to talks\nBody.") == "Putin says he is open to talks"
    text = "Ukrainska Pravda\nOlena Roshchina — Thursday, 10 April 2025, 07:29\nRussia attacks Kharkiv overnight\nBody."
    assert find_text_title(text) == "Russia attacks Kharkiv overnight"


def test_title_echoed_as_lead_may_end_in_a_period():
    headline = "Europe may deploy troops to Ukraine, but not under NATO's flag."
    text = f"a3f.in.ua\n\n{headline}\n\n{headline}\nillustrative photo. British troops\n\nThe Post reports.\n"
    assert find_text_title(text) == headline


def test_no_title_when_the_text_starts_with_body():
    body = " ".join(["The deployment of peacekeepers depends on a peace agreement."] * 6)
    assert find_text_title(body + "\nWhat conditions are necessary for peace?\n") is None
    assert find_text_title("He said it was fine. Then he left.\nShe agreed.\n") is None


def test_bylines_are_told_apart_from_sentences():
    assert is_byline("by Olena Goncharova April 10, 2025 7:29 AM 2 min read")
    assert is_byline("By Jane Doe and John Roe in Kyiv")
    assert is_byline("BY JANE DOE, 10 March 2025")
    assert not is_byline("By Monday the troops had left the city.")
    assert not is_byline("by the end of the day")


def test_markdown_front_matter_title():
    assert find_markdown_title('---\ntitle: "Kallas speaks"\ndate: 2025-01-01\n---\n# Other\n') == "Kallas speaks"
    assert find_markdown_title("No heading in this file at all\n\nJust text.\n") == "No heading in this file at all"
