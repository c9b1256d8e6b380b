#!/usr/bin/env python3
"""Refit src/claimsdb/data/confidence_weights.tsv on span-annotated news (PolNeAR-style JSONL).

Usage: python benchmarks/calibrate_confidence.py GOLD.jsonl [-o PATH]   (needs numpy)

Runs the extractor on every article of GOLD, marks each claim right when its content overlaps a
gold attribution's content by at least half of the shorter span and its speaker mention overlaps
the gold source (or names its last word), and fits an L2-regularised logistic model (strength 3, chosen by 3-fold cross-validated log-loss on
PolNeAR train) of
"right" on the claim's binary features (claimsdb.extract.confidence.features). Fit on a
training split only; check calibration on a held-out one.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path

import numpy as np

from claimsdb.extract import extract
from claimsdb.extract.confidence import features


def _words(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " " + re.sub(r"[^a-z0-9]+", " ", s).strip() + " "


def _overlap(a: tuple[int, int], spans) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in spans)


def right(text: str, r, golds) -> bool:
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


def fit(rows: list[list[str]], labels: list[int], l2: float = 3.0, steps: int = 3000) -> dict[str, float]:
    names = sorted({f for row in rows for f in row})
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0  # bias
    for i, row in enumerate(rows):
        for f in row:
            x[i, index[f]] = 1.0
    y = np.array(labels, dtype=float)
    w = np.zeros(x.shape[1])
    lr = 0.5
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) / len(y) + l2 * np.r_[w[:-1], 0.0] / len(y)
        w -= lr * grad
    out = {n: float(w[i]) for n, i in index.items()}
    out["bias"] = float(w[-1])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("-o", "--output",
                    default=str(Path(__file__).resolve().parents[1] / "src/claimsdb/data/confidence_weights.tsv"))
    a = ap.parse_args()
    rows: list[list[str]] = []
    labels: list[int] = []
    for line in open(a.gold, encoding="utf-8"):
        doc = json.loads(line)
        _, raw = extract(doc["text"])
        for r in raw:
            rows.append(features(r))
            labels.append(int(right(doc["text"], r, doc["quotes"])))
    weights = fit(rows, labels)
    with open(a.output, "w", encoding="utf-8") as out:
        out.write("# Logistic-model weights of claim features (benchmarks/calibrate_confidence.py),\n")
        out.write(f"# fitted on {len(rows)} claims of {Path(a.gold).name}; {sum(labels)} right.\n")
        for name in sorted(weights):
            out.write(f"{name}\t{weights[name]:.4f}\n")
    print(f"{len(weights)} weights from {len(rows)} claims written to {a.output}")


if __name__ == "__main__":
    main()
