"""Web addresses → fetched pages, and feeds → the pages they link to, fetched in threads.

httpx fetches: timeouts, redirects, streaming and proxies from the environment, done right,
which urllib leaves to the caller. It is imported on the first address, so an ingest of files
neither needs nor pays for it. Every failure is one line on the page's Source (``HTTP 404 Not
Found``, ``timed out after 20 s``) and the other pages go on.

:func:`fetch_sources` passes other sources through untouched and keeps the input order; a
feed's pages take the feed's place in it.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from claimsdb.errors import InputError
from claimsdb.read.feeds import looks_like_feed, parse_feed
from claimsdb.read.sources import Metadata, Source, format_size

# Seconds to connect, and between two reads of a page; a page must also arrive whole within
# three times this, so a server that drips bytes cannot hold the batch up.
DEFAULT_TIMEOUT = 20.0
_WHOLE_PAGE_TIMEOUTS = 3
MAX_REDIRECTS = 5
# Pages fetched at once from one host: enough to overlap the waits, few enough not to look
# like an attack to the site.
PER_HOST = 2
# Pages fetched at once, per --workers, and at least this many in all.
FETCHES_PER_WORKER = 4
MIN_FETCHES = 4
USER_AGENT = "claimsdb/0.1 (news claims database; +https://pypi.org/project/claimsdb/)"

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
# Served for feeds and for anything else in XML: the content decides.
_XML_TYPES = frozenset({"application/xml", "text/xml"})
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched response: its final address (after redirects), body and declared charset."""

    url: str
    data: bytes
    is_feed: bool
    charset: str | None


def fetch_sources(
    sources: Iterator[Source],
    *,
    workers: int = 1,
    max_bytes: int,
    timeout: float = DEFAULT_TIMEOUT,
    stored: Callable[[str], int | None] | None = None,
) -> Iterator[Source]:
    """``sources`` with each web address fetched and each feed replaced by its pages.

    A page becomes a Source holding its bytes (stored under the address given, with the
    address it was fetched from in ``meta.url``); a feed (a file or an address) becomes the
    Sources of the pages it links to, each with the feed's title and date as fallbacks. Up to
    ``workers`` × 4 pages are fetched at once, at most :data:`PER_HOST` from one host. An
    address for which ``stored`` gives a document id is not fetched: its Source carries the
    id. Never raises :class:`InputError`: each failure is a failed Source.
    """
    fetcher: _Fetcher | None = None
    threads = max(MIN_FETCHES, workers * FETCHES_PER_WORKER)
    # Far enough ahead to keep every fetching thread busy, no further: the rest of the inputs
    # may be a million records, or a feed's thousand pages.
    window = threads * 2
    # In input order: Sources ready to yield, fetches under way, and a feed's pages not yet
    # started (_Later), started as they come within the window.
    queue: deque[Source | Future | _Later] = deque()
    pending = iter(sources)
    exhausted = False

    def start(source: Source) -> Source | Future:
        nonlocal fetcher
        if source.error is not None or not (source.url is not None or source.media_type == "feed"):
            return source
        if source.url is not None and stored is not None and (document_id := stored(source.url)) is not None:
            return Source(source.display, document_id=document_id)
        if fetcher is None:
            fetcher = _Fetcher(threads=threads, max_bytes=max_bytes, timeout=timeout)
        return fetcher.submit(source)

    try:
        while True:
            while not exhausted and len(queue) < window:
                source = next(pending, None)
                if source is None:
                    exhausted = True
                else:
                    queue.append(start(source))
            for i in range(min(len(queue), window)):
                if isinstance(queue[i], _Later):
                    queue[i] = start(queue[i].source)
            if not queue:
                return
            item = queue.popleft()
            if isinstance(item, Future):
                # A feed's pages take its place, in feed order.
                queue.extendleft(reversed([_Later(source) for source in item.result()]))
                continue
            yield item
    finally:
        if fetcher is not None:
            fetcher.close()


@dataclass(frozen=True, slots=True)
class _Later:
    """A source to start once it comes within the look-ahead window."""

    source: Source


class _Fetcher:
    """An HTTP client and the threads that use it, at most PER_HOST per host."""

    def __init__(self, *, threads: int, max_bytes: int, timeout: float) -> None:
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.pool = ThreadPoolExecutor(threads, thread_name_prefix="fetch")
        self.client = None
        self._error: str | None = None
        try:
            import httpx
        except ImportError:
            self._error = "fetching web pages needs httpx: pip install 'claimsdb[fetch]'"
        else:
            self.client = httpx.Client(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=httpx.Timeout(timeout),
                headers={"User-Agent": USER_AGENT, "Accept": "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1"},
                limits=httpx.Limits(max_connections=threads, max_keepalive_connections=threads),
            )
        self._hosts: dict[str, threading.Semaphore] = {}
        self._lock = threading.Lock()

    def submit(self, source: Source) -> Future:
        return self.pool.submit(self._resolve, source)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        if self.client is not None:
            self.client.close()

    def _resolve(self, source: Source) -> list[Source]:
        """What ``source`` stands for: its page, the entries of its feed, or its failure."""
        try:
            if source.url is None:  # a feed file
                entries = parse_feed(source.read_bytes(self.max_bytes))
            else:
                page = self._fetch(source.url)
                if not page.is_feed:
                    return [self._page_source(source, page)]
                if source.meta is not None:
                    raise InputError("a feed linked from a feed is not followed")
                entries = parse_feed(page.data, url=page.url)
            if not entries:
                raise InputError("the feed lists no articles")
            return _feed_sources(entries)
        except InputError as e:
            return [Source(source.display, error=_one_line(e))]
        except Exception as e:  # a bug in a parser on one page must not cost the batch
            return [Source(source.display, error=f"{type(e).__name__}: {_one_line(e)}")]

    def _page_source(self, source: Source, page: Page) -> Source:
        known = source.meta or Metadata()
        meta = Metadata(
            url=page.url,
            title=known.title,
            published_on=known.published_on,
            outlet=known.outlet or _site_of(page.url),
        )
        return Source(source.display, data=page.data, kind="html", charset=page.charset, meta=meta)

    def _fetch(self, url: str) -> Page:
        if self._error is not None:
            raise InputError(self._error)
        with self._host_slot(url):
            return self._get(url)

    def _host_slot(self, url: str) -> threading.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            return self._hosts.setdefault(host, threading.Semaphore(PER_HOST))

    def _get(self, url: str) -> Page:
        import httpx

        deadline = time.monotonic() + self.timeout * _WHOLE_PAGE_TIMEOUTS
        try:
            with self.client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise InputError(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
                media_type, charset = _content_type(response.headers.get("content-type", ""))
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise InputError(_too_large(int(declared), self.max_bytes))
                chunks, size = [], 0
                for chunk in response.iter_bytes(_CHUNK):
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise InputError(_too_large(None, self.max_bytes))
                    if time.monotonic() > deadline:
                        raise InputError(f"timed out: the page did not arrive whole within {self.timeout * _WHOLE_PAGE_TIMEOUTS:g} s")
                    chunks.append(chunk)
                final = str(response.url)
        except httpx.TimeoutException:
            raise InputError(f"timed out after {self.timeout:g} s") from None
        except httpx.TooManyRedirects:
            raise InputError(f"too many redirects (more than {MAX_REDIRECTS}), or a redirect loop") from None
        except httpx.ConnectError as e:
            raise InputError(f"cannot connect: {_connect_reason(e)}") from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as e:
            raise InputError(f"not a web address claimsdb can fetch: {_one_line(e)}") from None
        except httpx.HTTPError as e:
            raise InputError(f"cannot fetch: {_one_line(e) or type(e).__name__}") from None
        data = b"".join(chunks)
        if not data:
            raise InputError("the page is empty")
        is_feed = media_type in _FEED_TYPES or (media_type in _XML_TYPES | {""} and looks_like_feed(data))
        if not is_feed and media_type not in _HTML_TYPES and not (media_type == "" and _looks_like_html(data)):
            what = f"content type {media_type}" if media_type else "no content type, and it does not look like HTML"
            raise InputError(f"not a web page or feed: {what}")
        return Page(final, data, is_feed, charset)


def _feed_sources(entries) -> list[Source]:
    sources = []
    for number, entry in enumerate(entries, start=1):
        meta = Metadata(title=entry.title, published_on=entry.published_on)
        if entry.link is None or not entry.link.lower().startswith(("http://", "https://")):
            label = entry.link or entry.title or f"entry {number}"
            sources.append(Source(f"feed entry {number}: {label}"[:200], error="the feed entry links to no web page"))
        else:
            sources.append(Source(entry.link, url=entry.link, meta=meta))
    return sources


def _content_type(header: str) -> tuple[str, str | None]:
    media_type, _, parameters = header.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media_type.strip().lower(), charset


def _looks_like_html(data: bytes) -> bool:
    return data[:1024].lstrip().lower().startswith((b"<!doctype html", b"<html"))


def _site_of(url: str) -> str | None:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def _too_large(size: int | None, max_bytes: int) -> str:
    what = format_size(size) if size is not None else "more than " + format_size(max_bytes)
    return f"page too large: {what}, over the --max-bytes limit of {format_size(max_bytes)}"


def _connect_reason(error: Exception) -> str:
    text = _one_line(error)
    # "[Errno 111] Connection refused" → "connection refused"
    if "] " in text:
        text = text.split("] ", 1)[1]
    return text[:1].lower() + text[1:] if text else "the host does not answer"


def _one_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else ""
