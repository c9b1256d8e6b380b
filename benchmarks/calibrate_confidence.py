#!/usr/bin/env python3
"""Refit src/claimsdb/data/confidence_weights.tsv on span-annotated news (PolNeAR-style JSONL).

Usage: python benchmarks/calibrate_confidence.py GOLD.jsonl [-o PATH]   (needs numpy)

Runs the extractor on every article of GOLD, marks each claim right when its content overlaps a
gold attribution's content by at least half of the shorter span and its speaker mention overlaps
the gold source (or names its last word), and fits an L2-regularised logistic model of "right" on
the claim's binary features (claimsdb.resolve.confidence.features). The regularisation strength
is the one with the lowest 5-fold cross-validated log-loss (folds by article); the script prints,
for each strength, that log-loss and how many right and wrong claims the held-out folds score
below 0.5. Fit on a training split only; check calibration on a held-out one.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import unicodedata
from pathlib import Path

import numpy as np

from claimsdb.extract.base import get_extractor
from claimsdb.records import Document
from claimsdb.resolve.confidence import context, features
from claimsdb.resolve.stage import resolve_speakers


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
        plen = r.text_end - r.text_start
        if _overlap((r.text_start, r.text_end), g["quote_spans"]) < 0.5 * min(plen, glen):
            continue
        if _overlap((r.speaker_start, r.speaker_end), g["speaker_spans"]) > 0:
            return True
        last = _words(g["speaker"]).split()
        if last and f" {last[-1]} " in _words(r.speaker.name + " " + text[r.speaker_start : r.speaker_end]):
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


def cross_validate(rows: list[list[str]], labels: list[int], docs: list[str], l2: float,
                   folds: int = 5) -> tuple[float, int, int]:
    """Held-out log-loss, and right/wrong claims scored below 0.5, over ``folds`` article folds."""
    order = sorted(set(docs))
    random.Random(0).shuffle(order)
    fold = {d: i % folds for i, d in enumerate(order)}
    y = np.array(labels, dtype=float)
    p = np.zeros(len(y))
    for k in range(folds):
        train = [i for i, d in enumerate(docs) if fold[d] != k]
        test = [i for i, d in enumerate(docs) if fold[d] == k]
        w = fit([rows[i] for i in train], [labels[i] for i in train], l2=l2, steps=1500)
        p[test] = [predict(w, rows[i]) for i in test]
    p = np.clip(p, 1e-6, 1 - 1e-6)
    low = p < 0.5
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))), int(y[low].sum()), int((1 - y[low]).sum())


def predict(weights: dict[str, float], row: list[str]) -> float:
    z = weights.get("bias", 0.0) + sum(weights.get(f, 0.0) for f in row)
    return 1.0 / (1.0 + np.exp(-z))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("-o", "--output",
                    default=str(Path(__file__).resolve().parents[1] / "src/claimsdb/data/confidence_weights.tsv"))
    ap.add_argument("--l2", type=float, nargs="+", default=[0.3, 1.0, 3.0, 10.0],
                    help="regularisation strengths to compare by cross-validation")
    a = ap.parse_args()
    rows: list[list[str]] = []
    labels: list[int] = []
    docs: list[str] = []
    for line in open(a.gold, encoding="utf-8"):
        doc = json.loads(line)
        # The claims as the resolve stage has them when it scores them.
        document = Document(doc["doc_id"], doc["text"], doc["doc_id"])
        raw = resolve_speakers(document, get_extractor().find_claims(document))
        ctx = context(doc["text"], raw)
        for i, r in enumerate(ctx.claims):
            rows.append(features(r, ctx, i))
            labels.append(int(right(doc["text"], r, doc["quotes"])))
            docs.append(doc["doc_id"])
    best = None
    for l2 in a.l2:
        loss, low_right, low_wrong = cross_validate(rows, labels, docs, l2)
        print(f"l2={l2:g}: held-out log-loss {loss:.4f}; below 0.5: {low_right} right, {low_wrong} wrong")
        if best is None or loss < best[0]:
            best = (loss, l2)
    l2 = best[1]
    weights = fit(rows, labels, l2=l2)
    with open(a.output, "w", encoding="utf-8") as out:
        out.write("# Logistic-model weights of claim features (benchmarks/calibrate_confidence.py),\n")
        out.write(f"# fitted on {len(rows)} claims of {Path(a.gold).name}; {sum(labels)} right; "
                  f"L2 strength {l2:g} (held-out log-loss {best[0]:.4f}).\n")
        for name in sorted(weights):
            out.write(f"{name}\t{weights[name]:.4f}\n")
    print(f"{len(weights)} weights from {len(rows)} claims written to {a.output}")


if __name__ == "__main__":
    main()
