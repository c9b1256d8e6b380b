#!/usr/bin/env python3
"""Time the resolve stage alone: resolve_claims over what the extractor found in every article.

Usage: python benchmarks/resolve_stage.py CORPUS_DIR [--runs 5] [--digest] [--profile OUT]

Each run is a new Python process: for each article of CORPUS_DIR in turn it reads it and runs
the extractor over it (not timed), then times ``claimsdb.resolve.stage.resolve_claims`` on what
was found, as ingest does one document after the other (so what reading leaves cached for the
resolve stage, such as the text's dates, is there as in ingest). The CPU time of the process
(user + system) in resolve_claims, summed over the articles, is the figure. Prints each run's CPU seconds and the median. Compare two versions of the
code by running this script under each (``PYTHONPATH=/path/to/other/src``) one after the
other, and quote the ratio of medians: the machine's speed drifts.

--digest also prints a SHA-256 over every resolved claim (spans, speaker, date, quantities,
position, confidence): two versions that print the same digest resolved the same things.
--profile OUT runs once under cProfile and writes the statistics to OUT (read them with
``python -m pstats OUT``).
"""

from __future__ import annotations

import hashlib
import sys
import time


def one_run(corpus: str, digest: bool, profile: str | None) -> None:
    """Read and extract each article, then time the resolve stage on it; print CPU seconds."""
    from claimsdb import read
    from claimsdb.errors import InputError
    from claimsdb.extract.base import get_extractor
    from claimsdb.resolve.stage import resolve_claims

    extractor = get_extractor()
    docs, results = [], []
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
    cpu = 0.0
    for source in read.iter_sources([corpus]):
        try:
            doc = read.read_document(source)
        except InputError:
            continue
        extraction = extractor.find_claims(doc)
        if prof is not None:
            prof.enable()
        t0 = time.process_time()
        claims = resolve_claims(doc, extraction)
        cpu += time.process_time() - t0
        if prof is not None:
            prof.disable()
        docs.append(doc)
        results.append(claims)
    if prof is not None:
        prof.dump_stats(profile)
    print(f"{cpu:.3f}")
    if digest:
        h = hashlib.sha256()
        for doc, claims in zip(docs, results):
            h.update(doc.text.encode())
            for c in claims:
                h.update(repr(c).encode())
        print(f"digest {h.hexdigest()} claims {sum(len(r) for r in results)} documents {len(docs)}")


if __name__ == "__main__":
    from stage_runs import main

    sys.exit(main(__file__, __doc__.splitlines()[0], one_run, "resolved"))
