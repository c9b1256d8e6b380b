"""Inputs that stand for many documents, opened up as the ingest goes: the records of JSON
Lines and CSV files, the pages of web addresses and feeds. Lazily, so a million records or a
thousand pages are never all in memory at once."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from claimsdb.read.records import RecordFields, iter_records
from claimsdb.read.sources import Source
from claimsdb.read.web import DEFAULT_TIMEOUT, fetch_sources


def expand_sources(
    sources: Iterable[Source],
    *,
    fields: RecordFields | None = None,
    max_bytes: int,
    workers: int = 1,
    timeout: float = DEFAULT_TIMEOUT,
    stored: Callable[[str], int | None] | None = None,
) -> Iterator[Source]:
    """One Source per document: each record of a JSON Lines or CSV file (see
    :mod:`claimsdb.read.records`), each page of a web address or feed, fetched by up to
    ``workers`` × 4 threads (see :mod:`claimsdb.read.web`) unless ``stored`` knows the
    address already; other sources as they are."""
    fields = fields or RecordFields()

    def records() -> Iterator[Source]:
        for source in sources:
            if source.error is None and source.media_type in ("jsonl", "csv"):
                yield from iter_records(source, fields=fields, max_bytes=max_bytes)
            else:
                yield source

    return fetch_sources(records(), workers=workers, max_bytes=max_bytes, timeout=timeout, stored=stored)
