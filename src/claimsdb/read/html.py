"""An HTML page → its article text and metadata, with trafilatura.

trafilatura is imported here, on the first HTML page, not when claimsdb starts: it takes a
quarter of a second to import, which a plain-text ingest should not pay.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from claimsdb.errors import InputError


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """The main text of a page (paragraphs one per line) and what its metadata says."""

    text: str
    title: str | None
    published_on: date | None
    sitename: str | None


def extract_article(html: str) -> HtmlArticle:
    """The article in ``html`` without navigation, comments, forms, scripts or footer.

    Raises :class:`InputError` when the page holds no article text (only scripts, an empty
    body). The date is the page's own (meta tags, structured data, time elements), as
    trafilatura's date finder reads it.
    """
    import trafilatura

    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
    )
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise InputError("no article text found in HTML")
    return HtmlArticle(
        text=text,
        title=_clean(getattr(result, "title", None)),
        published_on=_parse_date(getattr(result, "date", None)),
        sitename=_clean(getattr(result, "sitename", None)),
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _parse_date(value: str | None) -> date | None:
    # trafilatura gives ISO "YYYY-MM-DD"; anything else is not a date we can stand behind.
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
