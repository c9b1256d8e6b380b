#!/usr/bin/env python3
"""The CPU time of ingest without extraction: reading, hashing, storing, resolving actors.

Usage: python benchmarks/store_cost.py CORPUS --analysed /tmp/analysed.pkl [--runs 5] [--db PATH]

The first run analyses every document of CORPUS once and keeps the claims in the --analysed
file; every run then ingests CORPUS into a new SQLite database in this process, with no
worker, with the analysis replaced by a look-up of those claims, and prints the CPU time of the
ingest call. What is left is the main process's own work during a real ingest (plus reading
each document, which the workers do): the figure to watch when changing storage or actor
resolution, free of the extractor's time and of the machine's load on the other processes.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--analysed", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", default="/tmp/store_cost.db")
    options = parser.parse_args()
    claims = analysed(options.corpus, options.analysed)
    pipeline.analyse = lambda document: claims[document.sha256]
    times = []
    for _ in range(options.runs):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(options.db + suffix):
                os.remove(options.db + suffix)
        engine = open_engine(options.db)
        start = time.process_time()
        report = ingest([options.corpus], engine=engine, workers=0)
        times.append(time.process_time() - start)
        engine.dispose()
    print(f"ingest without extraction: median {statistics.median(times):.3f} s CPU of {len(times)} runs "
          f"({', '.join(f'{t:.3f}' for t in times)}); {report.claims_added:,} claims")


if __name__ == "__main__":
    main()
