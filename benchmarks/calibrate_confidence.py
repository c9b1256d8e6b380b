#!/usr/bin/env python3
"""Regenerate src/claimsdb/data/confidence.tsv from span-annotated news (PolNeAR-style JSONL).

Usage: python benchmarks/calibrate_confidence.py GOLD.jsonl [-o src/claimsdb/data/confidence.tsv]

Runs the extractor on every article of GOLD, marks each claim right when its content overlaps a
gold attribution's content by at least half of the shorter span and its speaker mention overlaps
the gold source (or names its last word), and writes the precision of every claim description
(pattern | speaker kind | cue kind, and coarser back-offs). Calibrate on a training split only;
check on a held-out one.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import unicodedata
from pathlib import Path

from claimsdb.extract import extract
from claimsdb.extract.confidence import describe_claim


def _words(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " " + re.sub(r"[^a-z0-9]+", " ", s).strip() + " "


def _overlap(a: tuple[int, int], spans) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in spans)


def _right(text: str, r, golds) -> bool:
    for g in golds:
        if not g["quote_spans"] or not g["speaker_spans"]:
            continue
        glen = sum(e - s for s, e in g["quote_spans"])
        plen = r.end - r.start
        if _overlap((r.start, r.end), g["quote_spans"]) < 0.5 * min(plen, glen):
            continue
        if _overlap((r.mention.start, r.mention.end), g["speaker_spans"]) > 0:
            return True
        last = _words(g["speaker"]).split()
        if last and f" {last[-1]} " in _words(r.mention.name + " " + text[r.mention.start : r.mention.end]):
            return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("-o", "--output", default=str(Path(__file__).resolve().parents[1] / "src/claimsdb/data/confidence.tsv"))
    a = ap.parse_args()
    counts: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for line in open(a.gold, encoding="utf-8"):
        doc = json.loads(line)
        _, raw = extract(doc["text"])
        for r in raw:
            ok = _right(doc["text"], r, doc["quotes"])
            pattern, speaker, cue = describe_claim(r)
            for key in (f"{pattern}|{speaker}|{cue}", f"{pattern}|{speaker}", pattern, "*"):
                counts[key][0] += ok
                counts[key][1] += 1
    with open(a.output, "w", encoding="utf-8") as out:
        out.write("# Measured precision of each claim description (benchmarks/calibrate_confidence.py).\n")
        out.write("# description <TAB> claims seen <TAB> precision (add-one smoothed)\n")
        for key in sorted(counts):
            right, n = counts[key]
            out.write(f"{key}\t{n}\t{(right + 0.5) / (n + 1):.3f}\n")
    print(f"{len(counts)} descriptions written to {a.output}")


if __name__ == "__main__":
    main()
