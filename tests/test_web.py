"""Web pages and feeds as inputs, served by a local HTTP server on 127.0.0.1: nothing leaves
the machine."""

from __future__ import annotations

import socket
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from claimsdb import db, pipeline
from claimsdb.cli import app
from claimsdb.ingest import ingest
from claimsdb.models import Document
from claimsdb.read import Source
from claimsdb.read.web import fetch_sources
from factories import said_claims

runner = CliRunner()

# Written for these tests; not from any corpus.
PARAGRAPHS = (
    "<p>Councillor Maren Holt said the river path would reopen after the floods receded.</p>"
    "<p>Engineers had worked through the weekend to clear fallen trees and debris from the banks.</p>"
    "<p>Residents said the repairs took longer than anyone had expected this spring.</p>"
)


def page(*, title: str | None = "River path to reopen", site: str | None = "Valley Gazette",
         published: str | None = "2024-04-02", body: str = PARAGRAPHS, charset_meta: bool = True) -> str:
    head = ""
    if charset_meta:
        head += '<meta charset="utf-8">'
    if title:
        head += f"<title>{title}</title><meta property=\"og:title\" content=\"{title}\">"
    if site:
        head += f'<meta property="og:site_name" content="{site}">'
    if published:
        head += f'<meta property="article:published_time" content="{published}T08:00:00Z">'
    return f"<!doctype html><html><head>{head}</head><body><article>{body}</article></body></html>"


def rss(base: str) -> str:
    items = [
        ("Path news", f"{base}/bare.html", "Tue, 02 Apr 2024 10:00:00 GMT"),
        ("Second story", f"{base}/article.html", "Wed, 03 Apr 2024 10:00:00 GMT"),
        ("Gone story", "/missing", "Thu, 04 Apr 2024 10:00:00 GMT"),  # relative: resolved
    ]
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><pubDate>{when}</pubDate></item>"
        for title, link, when in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title><link>{base}/</link>{entries}</channel></rss>'


class Site(BaseHTTPRequestHandler):
    """The pages the tests ask for; ``server.active`` counts requests being answered."""

    def log_message(self, *args) -> None:  # quiet test output
        pass

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", length: bool = True):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        base = f"http://127.0.0.1:{self.server.server_port}"
        path = self.path.split("?")[0]
        self.server.requests.append(path)
        if path == "/article.html":
            self.send(200, page().encode())
        elif path == "/bare.html":
            # No title, no site name, no date: the feed's and the address's are used.
            self.send(200, page(title=None, site=None, published=None).encode())
        elif path == "/latin1.html":
            # Charset only in the HTTP header, as many servers do it.
            body = page(body="<p>Mayor Zoë Brandt said the café would reopen in the spring.</p>" + PARAGRAPHS,
                        charset_meta=False)
            self.send(200, body.encode("latin-1"), "text/html; charset=ISO-8859-1")
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/article.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/slow":
            time.sleep(2)
            self.send(200, page().encode())
        elif path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no length: the cap must hold while reading
            try:
                for _ in range(200):
                    self.wfile.write(b"<p>" + b"x" * 10_000 + b"</p>")
            except OSError:
                pass
        elif path == "/huge-declared":
            self.send(200, b"<html>" + b" " * 300_000 + b"</html>")
        elif path == "/report.pdf":
            self.send(200, b"%PDF-1.4 not a page", "application/pdf")
        elif path == "/feed.xml":
            self.send(200, rss(base).encode(), "application/rss+xml")
        elif path == "/atom":
            atom = (
                '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>G</title>'
                f'<entry><title>Atom story</title><link href="{base}/bare.html"/><updated>2024-05-06T00:00:00Z</updated></entry>'
                "</feed>"
            )
            self.send(200, atom.encode(), "text/xml")
        elif path == "/big-feed":
            items = "".join(f"<item><title>n{n}</title><link>{base}/bare.html?n={n}</link></item>" for n in range(60))
            self.send(200, f'<rss version="2.0"><channel><title>Big</title>{items}</channel></rss>'.encode(), "application/rss+xml")
        elif path.startswith("/wait/"):
            with self.server.lock:
                self.server.active += 1
                self.server.most = max(self.server.most, self.server.active)
            time.sleep(0.3)
            with self.server.lock:
                self.server.active -= 1
            self.send(200, page(body=PARAGRAPHS + f"<p>Page {path} said nothing more.</p>").encode())
        else:
            self.send(404, b"<html><body>not here</body></html>")


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    server.lock, server.active, server.most, server.requests = threading.Lock(), 0, 0, []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def extractor(monkeypatch):
    monkeypatch.setattr(pipeline, "analyse", said_claims)
    # Proxies from the environment would take 127.0.0.1 elsewhere.
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def documents() -> dict[str, Document]:
    with db.open_engine().connect() as connection:
        return {row.path: row for row in connection.execute(select(Document)).all()}


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_page_is_fetched_and_its_article_stored_with_url_and_site_name(site):
    _, base = site
    result = runner.invoke(app, ["ingest", f"{base}/article.html", f"{base}/moved"])
    assert result.exit_code == 0, result.output
    stored = documents()
    article = stored[f"{base}/article.html"]
    assert "Councillor Maren Holt said the river path" in article.text
    assert "<p>" not in article.text
    assert (article.title, article.outlet, article.published_on, article.url, article.media_type) == (
        "River path to reopen", "Valley Gazette", date(2024, 4, 2), f"{base}/article.html", "html")
    # The same page behind a redirect: same content, skipped; the address stored is the one given.
    assert f"{base}/moved" not in stored and "Skipped" in result.stdout

    again = runner.invoke(app, ["ingest", f"{base}/article.html"])
    assert again.exit_code == 0 and len(documents()) == 1


def test_the_charset_the_server_declares_is_honoured(site):
    _, base = site
    result = runner.invoke(app, ["ingest", f"{base}/latin1.html"])
    assert result.exit_code == 0, result.output
    [document] = documents().values()
    assert "Mayor Zoë Brandt said the café" in document.text
    assert document.encoding == "iso8859-1" or document.encoding == "cp1252"


def test_without_a_site_name_the_outlet_is_the_domain(site):
    _, base = site
    assert runner.invoke(app, ["ingest", f"{base}/bare.html"]).exit_code == 0
    [document] = documents().values()
    assert document.outlet == "127.0.0.1"


def test_every_failure_is_one_line_and_the_batch_goes_on(site, tmp_path):
    _, base = site
    dead = f"http://127.0.0.1:{closed_port()}/story.html"
    listing = tmp_path / "urls.txt"
    listing.write_text(
        "# reading list\n"
        f"{base}/missing\n{base}/loop\n{base}/slow\n{base}/huge\n{base}/huge-declared\n"
        f"{base}/report.pdf\n{dead}\nnot a url\n\n{base}/article.html\n"
    )
    result = runner.invoke(app, ["ingest", "--urls", str(listing), "--timeout", "0.5", "--max-bytes", "100KB"])
    assert result.exit_code == 1
    reasons = {line.split(": ", 1)[0].strip(): line.split(": ", 1)[1] for line in result.stdout.splitlines() if ": " in line}
    assert reasons[f"{base}/missing"] == "HTTP 404 Not Found"
    assert reasons[f"{base}/loop"] == "too many redirects (more than 5), or a redirect loop"
    assert reasons[f"{base}/slow"] == "timed out after 0.5 s"
    assert reasons[f"{base}/huge"] == "page too large: more than 100.0 KB (102,400 bytes), over the --max-bytes limit of 100.0 KB (102,400 bytes)"
    assert reasons[f"{base}/huge-declared"].startswith("page too large: 293.0 KB (300,013 bytes)")
    assert reasons[f"{base}/report.pdf"] == "not a web page or feed: content type application/pdf"
    assert reasons[dead] == "cannot connect: connection refused"
    assert reasons[f"{listing}:9"] == "not a web address: 'not a url'"
    assert list(documents()) == [f"{base}/article.html"]


def test_a_feed_brings_in_its_articles_with_its_titles_and_dates(site, tmp_path):
    _, base = site
    result = runner.invoke(app, ["ingest", f"{base}/feed.xml"])
    assert result.exit_code == 1  # one entry links to a missing page
    assert f"{base}/missing: HTTP 404 Not Found" in result.stdout
    stored = documents()
    assert sorted(stored) == [f"{base}/article.html", f"{base}/bare.html"]
    bare = stored[f"{base}/bare.html"]
    # The page has no title or date of its own: the feed's fill in.
    assert (bare.title, bare.published_on, bare.published_method) == ("Path news", date(2024, 4, 2), "meta")
    # The page's own win over the feed's.
    article = stored[f"{base}/article.html"]
    assert (article.title, article.published_on) == ("River path to reopen", date(2024, 4, 2))


def test_a_feed_file_and_an_atom_feed(site, tmp_path):
    _, base = site
    feed = tmp_path / "saved.rss"
    feed.write_text(rss(base))
    report = ingest([str(feed), f"{base}/atom"], engine=db.open_engine())
    assert [(r.path, r.status) for r in report.files] == [
        (f"{base}/bare.html", "new"), (f"{base}/article.html", "new"),
        # A saved feed has no address to resolve a relative link against.
        ("feed entry 3: /missing", "failed"),
        (f"{base}/bare.html", "skipped"),
    ]
    assert report.files[2].reason == "the feed entry links to no web page"
    (tmp_path / "empty.rss").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>')
    (tmp_path / "broken.xml").write_text("<html><body>not a feed</body></html>")
    report = ingest([str(tmp_path / "empty.rss"), str(tmp_path / "broken.xml")], engine=db.open_engine())
    assert [r.reason for r in report.files] == ["the feed lists no articles", "not an RSS or Atom feed"]


def test_pages_are_fetched_in_parallel_but_two_at_a_time_per_host(site):
    server, base = site
    urls = [f"{base}/wait/{n}" for n in range(8)]
    report = ingest(urls, engine=db.open_engine(), workers=2)
    assert report.new == 8
    assert server.most == 2  # one at a time would be 1; each page waits 0.3 s to be sure of overlap
    assert [r.path for r in report.files] == urls  # reported in the order given


def test_pages_already_stored_are_not_fetched_again(site):
    server, base = site
    assert ingest([f"{base}/feed.xml"], engine=db.open_engine()).new == 2
    server.requests.clear()
    again = ingest([f"{base}/feed.xml"], engine=db.open_engine())
    assert [(r.path, r.status) for r in again.files] == [
        (f"{base}/bare.html", "skipped"), (f"{base}/article.html", "skipped"), (f"{base}/missing", "failed"),
    ]
    assert sorted(server.requests) == ["/feed.xml", "/missing"]
    server.requests.clear()
    forced = ingest([f"{base}/feed.xml"], engine=db.open_engine(), force=True)
    assert forced.replaced == 2 and "/article.html" in server.requests


def test_a_long_feed_is_fetched_a_few_pages_ahead_not_all_at_once(site):
    server, base = site
    pages = fetch_sources(iter([Source(f"{base}/big-feed", url=f"{base}/big-feed")]), workers=1, max_bytes=1 << 20)
    first = next(pages)
    assert first.display == f"{base}/bare.html?n=0" and first.data
    time.sleep(0.5)
    # The feed and the pages within the look-ahead window (8 with one worker), not all 60.
    assert len(server.requests) <= 1 + 8
    rest = list(pages)
    assert [source.display for source in rest] == [f"{base}/bare.html?n={n}" for n in range(1, 60)]
    assert len(server.requests) == 61
