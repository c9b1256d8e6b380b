#!/usr/bin/env python3
"""The CPU time of ingest without extraction: reading, hashing, storing, resolving actors.

Usage: python benchmarks/store_cost.py CORPUS --analysed /tmp/analysed.pkl [--runs 5] [--db PATH] [--store-only]

The first run analyses every document of CORPUS once and keeps the claims in the --analysed
file; every run then ingests CORPUS into a new SQLite database in this process, with no
worker, with the analysis replaced by a look-up of those claims, and prints the CPU time of the
ingest call. What is left is the main process's own work during a real ingest (plus reading
each document, which the workers do): the figure to watch when changing storage or actor
resolution, free of the extractor's time and of the machine's load on the other processes.

With --store-only, only storing is timed, as the main process of `claims ingest --workers N`
does it: the documents, read and analysed beforehand (and made into rows, as the workers do,
where the version has store.prepare_document), stored in batches of 200 in one session.
"""

from __future__ import annotations

import argparse
import os
import pickle
import statistics
import time
from pathlib import Path

from claimsdb import pipeline, read
from claimsdb.db import open_engine
from claimsdb.ingest import ingest


def analysed(corpus: str, path: Path) -> dict:
    if path.exists():
        return pickle.loads(path.read_bytes())
    claims = {}
    for source in read.iter_sources([corpus]):
        try:
            document = read.read_document(source, max_bytes=read.DEFAULT_MAX_BYTES)
        except Exception:  # noqa: BLE001 - a file that cannot be read fails in the ingest too
            continue
        claims[document.sha256] = pipeline.analyse(document)
    path.write_bytes(pickle.dumps(claims, protocol=pickle.HIGHEST_PROTOCOL))
    return claims


def fresh_engine(path: str):
    """An engine for a new SQLite database at ``path``, whatever was there before."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    return open_engine(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--analysed", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", default="/tmp/store_cost.db")
    parser.add_argument("--store-only", action="store_true", help="time only storing, in batches of 200")
    options = parser.parse_args()
    claims = analysed(options.corpus, options.analysed)
    if options.store_only:
        store_only(options, claims)
        return
    pipeline.analyse = lambda document: claims[document.sha256]
    times = []
    for _ in range(options.runs):
        engine = fresh_engine(options.db)
        start = time.process_time()
        report = ingest([options.corpus], engine=engine, workers=0)
        times.append(time.process_time() - start)
        engine.dispose()
    print(f"ingest without extraction: median {statistics.median(times):.3f} s CPU of {len(times)} runs "
          f"({', '.join(f'{t:.3f}' for t in times)}); {report.claims_added:,} claims")


def store_only(options: argparse.Namespace, claims: dict) -> None:
    from sqlalchemy.orm import Session

    from claimsdb import store
    from claimsdb.db import writing

    documents = []
    for source in read.iter_sources([options.corpus]):
        try:
            document = read.read_document(source, max_bytes=read.DEFAULT_MAX_BYTES)
        except Exception:  # noqa: BLE001 - not stored by the ingest either
            continue
        documents.append((document, claims[document.sha256]))
    prepared = hasattr(store, "prepare_document")
    items = [store.prepare_document(d, c) for d, c in documents] if prepared else documents
    times = []
    for _ in range(options.runs):
        engine = fresh_engine(options.db)
        start = time.process_time()
        with Session(writing(engine), expire_on_commit=False) as session:
            for first in range(0, len(items), 200):
                if prepared:
                    store.store_prepared(session=session, prepared=items[first : first + 200])
                else:
                    store.store_documents(session=session, analysed=items[first : first + 200])
        times.append(time.process_time() - start)
        engine.dispose()
    print(f"storing alone: median {statistics.median(times):.3f} s CPU of {len(times)} runs "
          f"({', '.join(f'{t:.3f}' for t in times)}); {len(items):,} documents")


if __name__ == "__main__":
    main()
