#!/usr/bin/env python3
"""Time the extraction stage alone: the extractor over every article of a folder.

Usage: python benchmarks/extract_stage.py CORPUS_DIR [--runs 5] [--digest] [--profile OUT]

Each run is a new Python process (so caches filled by one run do not speed up the next): it
reads every article of CORPUS_DIR into a Document first, then times only
``get_extractor().find_claims`` over all of them, as CPU time of the process (user + system).
Prints each run's CPU seconds and the median. Compare two versions of the code by running this
script under each (``PYTHONPATH=/path/to/other/src``) one after the other, and quote the ratio
of medians: the machine's speed drifts.

--digest also prints a SHA-256 over every candidate the extractor returned (kinds, spans,
speakers as read, cues, rules, evidence) and the speaker phrases seen: two versions that print
the same digest found the same things. --profile OUT runs once under cProfile and writes the
statistics to OUT (read them with ``python -m pstats OUT``).
"""

from __future__ import annotations

import hashlib
import sys
import time


def _documents(corpus: str) -> list:
    from claimsdb import read
    from claimsdb.errors import InputError

    docs = []
    for source in read.iter_sources([corpus]):
        try:
            docs.append(read.read_document(source))
        except InputError:
            continue
    return docs


def _describe(extraction) -> str:
    """Everything the extractor hands on, as text, for --digest."""
    lines = []
    for c in extraction.claims:
        ev = c.evidence
        lines.append(repr((c.kind, c.text_start, c.text_end, c.speaker_start, c.speaker_end, c.speaker, c.cue,
                           c.cue_start, c.cue_end, c.via, c.sentence_start, c.sentence_end, c.rule,
                           c.target_start, c.target_end, ev)))
    lines.extend(repr(m) for m in extraction.mentions)
    return "\n".join(lines)


def one_run(corpus: str, digest: bool, profile: str | None) -> None:
    """Read the corpus, then time the extractor over it; print CPU seconds (and the digest)."""
    from claimsdb.extract.base import get_extractor

    docs = _documents(corpus)
    extractor = get_extractor()
    results = []
    if profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    t0 = time.process_time()
    for doc in docs:
        results.append(extractor.find_claims(doc))
    cpu = time.process_time() - t0
    if profile:
        prof.disable()
        prof.dump_stats(profile)
    print(f"{cpu:.3f}")
    if digest:
        h = hashlib.sha256()
        for doc, extraction in zip(docs, results):
            h.update(doc.text.encode())
            h.update(_describe(extraction).encode())
        print(f"digest {h.hexdigest()} claims {sum(len(r.claims) for r in results)} documents {len(docs)}")


if __name__ == "__main__":
    from stage_runs import main

    sys.exit(main(__file__, __doc__.splitlines()[0], one_run, "found"))
