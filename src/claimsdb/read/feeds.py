"""An RSS or Atom feed → the articles it links to, with the titles and dates the feed gives.

feedparser reads every RSS and Atom version and the broken feeds found in the wild (undeclared
entities, wrong encodings, relative links), which a hand-written XML reader would refuse. It is
imported on the first feed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from claimsdb.errors import InputError

# The first bytes that make a document a feed, whatever its server calls it.
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")
_SNIFF_BYTES = 2048


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed: the page it links to, its title and its date, if the feed has them."""

    link: str | None
    title: str | None
    published_on: date | None


def looks_like_feed(data: bytes) -> bool:
    """Whether ``data`` starts like an RSS, RDF or Atom document."""
    head = data[:_SNIFF_BYTES].lower()
    return any(root in head for root in _FEED_ROOTS)


def parse_feed(data: bytes, *, url: str | None = None) -> list[FeedEntry]:
    """The entries of the feed in ``data``, in feed order; relative links are resolved against
    ``url``. Raises :class:`InputError` when ``data`` is not a feed."""
    try:
        import feedparser
    except ImportError:
        raise InputError("reading feeds needs feedparser: pip install 'claimsdb[fetch]'") from None

    headers = {"content-location": url} if url else None
    parsed = feedparser.parse(data, response_headers=headers)
    version = parsed.get("version")
    if not version:
        reason = parsed.get("bozo_exception")
        detail = f": {str(reason).splitlines()[0]}" if reason else ""
        raise InputError(f"not an RSS or Atom feed{detail}")
    return [
        FeedEntry(
            link=(entry.get("link") or "").strip() or None,
            title=" ".join((entry.get("title") or "").split()) or None,
            published_on=_day(entry.get("published_parsed") or entry.get("updated_parsed")),
        )
        for entry in parsed.entries
    ]


def _day(parsed) -> date | None:
    # feedparser gives a UTC struct_time, or None when it cannot read the date.
    if not parsed:
        return None
    try:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except ValueError:
        return None
