"""A :class:`Source` → a :class:`Document`: bytes, checks, text, title, date, outlet."""

from __future__ import annotations

import functools
import hashlib
import importlib
import sys
from collections.abc import Callable
from datetime import date
from types import ModuleType

from claimsdb.errors import InputError
from claimsdb.read.decode import decode_bytes
from claimsdb.read.html import extract_article
from claimsdb.read.sources import Metadata, Source
from claimsdb.read.titles import find_markdown_title, find_text_title
from claimsdb.records import Document

# Larger than any article: the longest long-reads are a few hundred KB of text, and all but a
# few web pages (scripts and inline data included) are under 5 MB. A larger input is a
# mistake (a dump, a video), not a story, and would only hold the batch up; `claims ingest
# --max-bytes` raises the limit.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

_DATES_MODULE = "claimsdb.resolve.dates"
# The first characters of standard input that make it a web page rather than plain text.
_HTML_STARTS = ("<!doctype html", "<html", "<?xml")
_NOTHING_KNOWN = Metadata()


def read_document(
    source: Source,
    *,
    published: date | None = None,
    outlet: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read ``source`` into a :class:`Document`, or raise :class:`InputError` saying why not.

    Text and Markdown: ``text`` is the decoded file exactly (line endings kept; a byte-order
    mark is dropped by decoding, see :mod:`claimsdb.read.decode`). A record of JSON Lines or
    CSV: its text field exactly. HTML: ``text`` is the article text trafilatura takes out of
    the page. ``sha256`` is of the raw bytes (of a record, of its text in UTF-8).
    ``published`` and ``outlet``, when given, win over what the document says; then what the
    page's own metadata says; then the source's metadata (a record's fields, a feed entry, the
    address a page came from); then what the text says (a first-line title, a dateline).
    """
    raw = source.read_bytes(max_bytes)
    return document_from_bytes(source, raw, hashlib.sha256(raw).hexdigest(), published=published, outlet=outlet)


def document_from_bytes(
    source: Source,
    raw: bytes,
    sha256: str,
    *,
    published: date | None = None,
    outlet: str | None = None,
) -> Document:
    """:func:`read_document` for the bytes ``raw`` already read from ``source``, whose
    SHA-256 is ``sha256`` (ingest reads and hashes each input once, to skip known content)."""
    if not raw:
        raise InputError("file is empty")
    media_type = source.media_type
    warnings: list[str] = []
    if source.text is not None:
        text, encoding = source.text, "utf-8"
        # A JSON record can carry "\u0000": refused here as in a file, so SQLite and
        # PostgreSQL (which rejects NUL in text) treat it alike.
        if "\x00" in text:
            raise InputError("the record's text contains NUL characters")
    else:
        # Standard input has no suffix: it may be a page, so a declared charset is honoured.
        text, encoding = decode_bytes(
            raw, html=media_type in ("html", None), declared=source.charset, warnings=warnings,
        )
    if not text or text.isspace():
        raise InputError("file contains only whitespace")
    if media_type is None:
        media_type = "html" if _looks_like_html(text) else "text"

    known = source.meta or _NOTHING_KNOWN
    title: str | None = None
    meta_date: date | None = None
    site: str | None = None
    if media_type == "html":
        article = extract_article(text)
        text, title, meta_date, site = article.text, article.title, article.published_on, article.sitename
    title = title or known.title
    meta_date = meta_date or known.published_on
    site = site or known.outlet
    if title is None:
        title = find_markdown_title(text) if media_type == "markdown" else find_text_title(text)

    if published is not None:
        published_on, method = published, "option"
    elif meta_date is not None:
        published_on, method = meta_date, "meta"
    else:
        published_on, method = _date_from_text(text)

    return Document(
        path=source.display,
        text=text,
        sha256=sha256,
        title=title,
        outlet=outlet if outlet is not None else site,
        published_on=published_on,
        published_method=method,
        encoding=encoding,
        media_type=media_type,
        warnings=tuple(warnings),
        url=known.url,
        language=known.language,
    )


def _looks_like_html(text: str) -> bool:
    return text[:1024].lstrip().lower().startswith(_HTML_STARTS)


def _date_from_text(text: str) -> tuple[date | None, str | None]:
    finder = _publication_date_finder()
    if finder is None:
        return None, None
    found = finder(text)
    if found is None:
        return None, None
    return found


def _publication_date_finder() -> Callable[[str], tuple[date, str] | None] | None:
    """``claimsdb.resolve.dates.find_publication_date``, or None while that module is absent.

    Looked up at call time (not imported at module load) so read does not depend on resolve
    being importable, and so a missing module is told apart from a broken one: only
    "claimsdb.resolve.dates does not exist" is tolerated, any other import error propagates.
    """
    module = sys.modules.get(_DATES_MODULE) or _import_dates()
    return getattr(module, "find_publication_date", None) if module is not None else None


@functools.cache
def _import_dates() -> ModuleType | None:
    # Cached: a failed import is not remembered by Python, and retrying it for every one of
    # thousands of documents costs more than reading them.
    try:
        return importlib.import_module(_DATES_MODULE)
    except ModuleNotFoundError as err:
        if err.name in (_DATES_MODULE, "claimsdb.resolve"):
            return None
        raise
