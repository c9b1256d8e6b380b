#!/usr/bin/env python3
"""Refit src/claimsdb/data/confidence_weights.tsv: the confidence model, chosen by cross-validation.

One command regenerates the weights and prints held-out and in-sample figures (about 2 to 7
minutes on 2 cores, depending on load; needs the `calibrate` extra: `pip install -e '.[calibrate]'`). From the
repository root, with ../shared beside it:

    python3 ../shared/eval/polnear_texts.py ../shared/eval/polnear/train.jsonl /tmp/pn_train
    python3 ../shared/eval/polnear_texts.py ../shared/eval/polnear/dev.jsonl /tmp/pn_dev
    python benchmarks/calibrate_confidence.py \\
        --scorer ../shared/eval/score.py --scorer ../shared/eval/score_spans.py \\
        --spans ../shared/eval/polnear/train.jsonl /tmp/pn_train \\
        --intl ../shared/eval/intl/gold.jsonl ../shared/eval/intl/texts \\
        --check-spans ../shared/eval/polnear/dev.jsonl /tmp/pn_dev

Training data: every claim the pipeline (read, extract, resolve: what `claims ingest` runs)
finds in the --spans and --intl texts, labelled right or wrong exactly as the scorers judge an
export (benchmarks/trust.py): right when content and speaker match a gold item. Claims that
match only optional gold items are left out. The features are those of
claimsdb.resolve.confidence.features, taken where the resolve stage scores each claim.

The model is an L2-regularised logistic regression (scikit-learn, at fit time only: claimsdb
reads the weights file). Chosen by cross-validation with folds by article (5 folds of each
training set; fold k of every set is held out together):
  * the regularisation strength C (grid 0.01, 0.03, 0.1), with every feature family;
  * then which feature families to keep: each family (a feature's name up to "=") in turn is
    dropped when dropping it lowers the held-out loss (--select loss, the default), or kept only
    when keeping it lowers the held-out loss of most of the 5 folds (--select folds: a family
    whose gain rests on one or two folds is what another draw of the articles would drop);
  * then C again with the families kept;
  * with --boost S (off by default), each kept family in turn with its features scaled by S,
    kept when that lowers the held-out loss (a weaker penalty on a rare, strong family's weights).
The held-out loss is the mean of the log-losses of the training sets, so each set counts alike.
Each --intl claim weighs 10 claims of a --spans set in the fit (--intl-weight): the --spans gold
accepts any speaker phrase that overlaps its source, so only the --intl gold, which names the
person meant, teaches the model to doubt a pronoun or role noun tied to the wrong person or left
unnamed; weights 3 and 30 gave the same or a worse held-out loss (2026-12 data).
The final weights are the fit on all training data. --cache FILE keeps the analysed claims so
that another setting can be tried without analysing the texts again (delete it after a change
to the extractor or to the features).
Printed: for each setting tried its held-out loss; then for the chosen one the held-out trust
figures per set (claims scored 0.9 or more with gold content and the share with the right
speaker; right and wrong claims below 0.5), the same in-sample after the final fit on all
training data, and with --check-spans / --check-intl the figures on sets never trained on.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, diags, vstack
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
import trust  # noqa: E402  (the judging rules shared with benchmarks/trust.py)

WEIGHTS = Path(__file__).resolve().parents[1] / "src/claimsdb/data/confidence_weights.tsv"
FOLDS = 5
C_GRID = (0.01, 0.03, 0.1)
INTL_WEIGHT_GRID = (10.0,)


# --- features and labels -------------------------------------------------------------------

def _analyse_file(path: str) -> list[tuple[list[str], dict]]:
    """(features, export-like row) for each claim the pipeline finds in the file at ``path``."""
    import claimsdb.resolve.stage as stage
    from claimsdb.pipeline import extract_files, extracted_rows
    from claimsdb.resolve import confidence

    seen: dict[int, list[str]] = {}

    def scoring(text, claims):
        ctx = confidence.context(text, claims)
        for i, r in enumerate(ctx.claims):
            seen[id(r)] = confidence.features(r, ctx, i, every=True)
        confidence.score(text, claims)

    stage.score = scoring
    files = list(extract_files([path]))
    rows = list(extracted_rows(files))
    claims = [c for f in files if f.document is not None for c in f.claims]
    return [(seen[id(c)], row) for c, row in zip(claims, rows, strict=True)]


def collect(texts: str, workers: int) -> tuple[list[list[str]], list[dict]]:
    paths = sorted(str(p) for p in Path(texts).iterdir() if p.suffix in (".txt", ".md"))
    feats: list[list[str]] = []
    rows: list[dict] = []
    with ProcessPoolExecutor(workers) as pool:
        for found in pool.map(_analyse_file, paths, chunksize=8):
            for f, row in found:
                feats.append(f)
                rows.append(row)
    return feats, rows


class Dataset:
    """One gold set's claims: features, export rows, verdicts, articles, fold of each article."""

    def __init__(self, name: str, feats, rows, verdicts):
        keep = [i for i, v in enumerate(verdicts) if v is not None]
        self.name = name
        self.feats = [feats[i] for i in keep]
        self.rows = [rows[i] for i in keep]
        self.verdicts = [verdicts[i] for i in keep]
        self.y = np.array([v == "right" for v in self.verdicts], dtype=float)
        self.docs = [Path(str(r["document"])).name for r in self.rows]
        order = sorted(set(self.docs))
        random.Random(0).shuffle(order)
        fold = {d: i % FOLDS for i, d in enumerate(order)}
        self.fold = np.array([fold[d] for d in self.docs])


def load(kind: str, gold: str, texts: str, scorers: dict, workers: int) -> Dataset:
    started = time.time()
    feats, rows = collect(texts, workers)
    if kind == "intl":
        verdicts = trust.verdicts_intl(scorers["score"], gold, rows)
    else:
        verdicts = trust.verdicts_spans(scorers["score_spans"], gold, rows)
    ds = Dataset(Path(gold).name, feats, rows, verdicts)
    print(f"{ds.name}: {len(ds.y)} claims of {len(set(ds.docs))} articles, {int(ds.y.sum())} right "
          f"({time.time() - started:.0f} s)", flush=True)
    return ds


# --- the model ------------------------------------------------------------------------------

def family(feature: str) -> str:
    """The family a feature belongs to: its name up to '=' ("pattern+speaker", "rule", "holds_cue")."""
    return feature.split("=", 1)[0]


class Vocabulary:
    """Every feature name of the training sets, and each set's claims as a 0/1 matrix over them."""

    def __init__(self, sets: list[Dataset]):
        self.names = sorted({f for ds in sets for row in ds.feats for f in row})
        self.index = {n: i for i, n in enumerate(self.names)}
        self.families = np.array([family(n) for n in self.names])

    def matrix(self, feats: list[list[str]]) -> csr_matrix:
        data, cols, ptr = [], [], [0]
        for row in feats:
            js = sorted({self.index[f] for f in row if f in self.index})
            cols += js
            data += [1.0] * len(js)
            ptr.append(len(cols))
        return csr_matrix((data, cols, ptr), shape=(len(feats), len(self.names)))

    def columns(self, families: frozenset[str]) -> np.ndarray:
        return np.flatnonzero(np.isin(self.families, sorted(families)))


def fit(x: csr_matrix, y, weights, c: float) -> tuple[np.ndarray, float]:
    model = LogisticRegression(C=c, solver="lbfgs", max_iter=2000)
    model.fit(x, y, sample_weight=weights)
    return model.coef_[0], float(model.intercept_[0])


def logits(model: tuple[np.ndarray, float], x: csr_matrix) -> np.ndarray:
    return x @ model[0] + model[1]


def probability(z: np.ndarray) -> np.ndarray:
    """Confidence as claimsdb stores it: the model's probability rounded to 2 decimals."""
    return np.round(1.0 / (1.0 + np.exp(-z)), 2)


def platt(z: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[float, float]:
    """The scale and shift of held-out logits that make them calibrated probabilities: folded
    into the weights, they temper a model whose sparse features add up to overconfidence."""
    model = LogisticRegression(C=1e4, solver="lbfgs", max_iter=1000)
    model.fit(z.reshape(-1, 1), y, sample_weight=w)
    return float(model.coef_[0][0]), float(model.intercept_[0])


def _stack(sets: list[Dataset], intl_weight: float, cols: np.ndarray, where=None):
    xs, ys, ws = [], [], []
    for ds in sets:
        rows = np.arange(len(ds.y)) if where is None else np.flatnonzero(where(ds))
        xs.append(ds.x[rows][:, cols])
        ys.append(ds.y[rows])
        ws.append(np.full(len(rows), intl_weight if ds.kind == "intl" else 1.0))
    return vstack(xs).tocsr(), np.concatenate(ys), np.concatenate(ws)


def held_out(sets: list[Dataset], c: float, intl_weight: float, cols: np.ndarray) -> list[np.ndarray]:
    """Each set's claims scored (as logits) by models that never saw their article (fold k of
    every set held out together)."""
    zs = [np.zeros(len(ds.y)) for ds in sets]
    for k in range(FOLDS):
        x, y, w = _stack(sets, intl_weight, cols, lambda ds: ds.fold != k)
        model = fit(x, y, w, c)
        for ds, z in zip(sets, zs):
            test = np.flatnonzero(ds.fold == k)
            z[test] = logits(model, ds.x[test][:, cols])
    return zs


def _pooled(sets, zs, intl_weight, where):
    z = np.concatenate([z[where(ds)] for ds, z in zip(sets, zs)])
    y = np.concatenate([ds.y[where(ds)] for ds in sets])
    w = np.concatenate([np.full(int(where(ds).sum()), intl_weight if ds.kind == "intl" else 1.0) for ds in sets])
    return z, y, w


PLATT = False


def calibrated(sets: list[Dataset], zs: list[np.ndarray], intl_weight: float) -> list[np.ndarray]:
    """Held-out confidences: the logits of fold k scaled by a Platt fit on the other folds' logits."""
    if not PLATT:
        return [probability(z) for z in zs]
    out = [np.zeros(len(ds.y)) for ds in sets]
    for k in range(FOLDS):
        a, b = platt(*_pooled(sets, zs, intl_weight, lambda ds: ds.fold != k))
        for ds, z, p in zip(sets, zs, out):
            test = ds.fold == k
            p[test] = probability(a * z[test] + b)
    return out


CRITERION = "mean"


def loss(sets: list[Dataset], preds: list[np.ndarray]) -> float:
    """The held-out log-loss that chooses the model: the mean over the training sets, or
    (criterion "intl") over the --intl sets only, whose gold judges the speaker strictly."""
    out = []
    strict = CRITERION == "intl" and any(ds.kind == "intl" for ds in sets)
    for ds, p in zip(sets, preds):
        if strict and ds.kind != "intl":
            continue
        p = np.clip(p, 1e-3, 1 - 1e-3)
        out.append(float(-np.mean(ds.y * np.log(p) + (1 - ds.y) * np.log(1 - p))))
    return sum(out) / len(out)


def fold_losses(sets: list[Dataset], preds: list[np.ndarray]) -> np.ndarray:
    """The held-out loss of each fold alone (``loss`` over the claims of fold k of every set)."""
    out = np.zeros(FOLDS)
    for k in range(FOLDS):
        parts = []
        for ds, p in zip(sets, preds):
            test = ds.fold == k
            if test.any() and (CRITERION != "intl" or ds.kind == "intl" or not any(d.kind == "intl" for d in sets)):
                q = np.clip(p[test], 1e-3, 1 - 1e-3)
                parts.append(float(-np.mean(ds.y[test] * np.log(q) + (1 - ds.y[test]) * np.log(1 - q))))
        out[k] = sum(parts) / len(parts)
    return out


def figures(name: str, verdicts: list[str], conf: np.ndarray) -> str:
    high = [v for v, c in zip(verdicts, conf) if c >= 0.9 and v != "no_claim"]
    right = sum(v == "right" for v in high)
    low = [v for v, c in zip(verdicts, conf) if c < 0.5]
    return (f"  {name}: >= 0.9 with gold content {len(high)}, speaker right {right} "
            f"({right / max(1, len(high)):.1%}); below 0.5: right {low.count('right')}, "
            f"wrong {len(low) - low.count('right')}")


# --- main -----------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scorer", action="append", required=True, help="score.py and score_spans.py")
    ap.add_argument("--spans", nargs=2, action="append", default=[], metavar=("GOLD", "TEXTS"),
                    help="training: span-annotated gold (score_spans.py format) and a folder of its texts")
    ap.add_argument("--intl", nargs=2, action="append", default=[], metavar=("GOLD", "TEXTS"),
                    help="training: who-said-what gold (score.py format) and a folder of its texts")
    ap.add_argument("--check-spans", nargs=2, action="append", default=[], metavar=("GOLD", "TEXTS"),
                    help="a set never trained on, scored with the final weights")
    ap.add_argument("--check-intl", nargs=2, action="append", default=[], metavar=("GOLD", "TEXTS"))
    ap.add_argument("-o", "--output", default=str(WEIGHTS))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--c", type=float, nargs="+", default=list(C_GRID), help="regularisation strengths to try")
    ap.add_argument("--intl-weight", type=float, nargs="+", default=list(INTL_WEIGHT_GRID),
                    help="weights of an --intl claim to try")
    ap.add_argument("--keep-all", action="store_true", help="keep every feature family (no selection)")
    ap.add_argument("--criterion", choices=("mean", "intl"), default="mean",
                    help="held-out loss to minimise: mean over the sets, or the --intl sets only")
    ap.add_argument("--platt", action="store_true",
                    help="scale and shift the logits by a Platt fit on the held-out ones")
    ap.add_argument("--select", choices=("loss", "folds"), default="loss",
                    help="which families to keep: drop one when that lowers the pooled held-out loss "
                         "(loss), or keep one only when it lowers the held-out loss of most folds (folds)")
    ap.add_argument("--boost", type=float, default=0.0,
                    help="after the families are chosen, try each with its features scaled by this factor "
                         "(a weaker penalty on their weights) and keep the scale when the held-out loss falls")
    ap.add_argument("--cache", help="keep the analysed claims in this file and read them from it when it "
                                    "exists (to try settings without analysing the texts again)")
    ap.add_argument("--dump", help="write every claim with its verdict, features and scores here (JSON Lines)")
    a = ap.parse_args()
    started = time.time()
    global PLATT, CRITERION
    PLATT = a.platt
    CRITERION = a.criterion
    scorers = {Path(s).stem: trust._load(s) for s in a.scorer}

    def read(kind, pairs):
        out = []
        for gold, texts in pairs:
            ds = load(kind, gold, texts, scorers, a.workers)
            ds.kind = kind
            out.append(ds)
        return out

    if a.cache and Path(a.cache).exists():
        with open(a.cache, "rb") as f:
            sets, checks = pickle.load(f)
        print(f"analysed claims read from {a.cache}")
    else:
        sets = read("spans", a.spans) + read("intl", a.intl)
        checks = read("spans", a.check_spans) + read("intl", a.check_intl)
        if a.cache:
            with open(a.cache, "wb") as f:
                pickle.dump((sets, checks), f)
    vocab = Vocabulary(sets)
    for ds in sets + checks:
        ds.x = vocab.matrix(ds.feats)
    all_families = frozenset(vocab.families)
    has_intl = any(ds.kind == "intl" for ds in sets)

    # The strength and the intl weight with every family; then each family in turn is dropped
    # when that lowers the held-out loss; then the strength and weight again.
    def search(families):
        best = None
        cols = vocab.columns(families)
        for c in a.c:
            for iw in a.intl_weight if has_intl else (1.0,):
                value = loss(sets, calibrated(sets, held_out(sets, c, iw, cols), iw))
                print(f"C={c:g} intl weight={iw:g}: held-out loss {value:.4f}", flush=True)
                if best is None or value < best[0]:
                    best = (value, c, iw)
        return best

    best_loss, c, iw = search(all_families)
    families = all_families
    per_fold = (fold_losses(sets, calibrated(sets, held_out(sets, c, iw, vocab.columns(families)), iw))
                if a.select == "folds" else None)
    for fam in [] if a.keep_all else sorted(all_families):
        preds = calibrated(sets, held_out(sets, c, iw, vocab.columns(families - {fam})), iw)
        value = loss(sets, preds)
        if a.select == "loss":
            drop = value < best_loss - 1e-4
        else:
            # Kept only when it helps most folds: a family whose gain rests on a fold or two is
            # what a reshuffle of the articles would keep or drop by chance.
            without = fold_losses(sets, preds)
            drop = int((without > per_fold).sum()) <= FOLDS // 2
        if drop:
            print(f"drop {fam}: held-out loss {value:.4f} (was {best_loss:.4f})", flush=True)
            best_loss, families = value, families - {fam}
            if a.select == "folds":
                per_fold = without
    if families != all_families:
        best_loss, c, iw = search(families)
    cols = vocab.columns(families)
    # --boost S: each kept family in turn has its features' values multiplied by S (so the one
    # regularisation strength shrinks their weights S*S times less) when that lowers the held-out
    # loss. A rare feature with a strong effect ("inside_at=opening": 40 PolNeAR train claims, 3
    # right) otherwise keeps a weight far short of what its claims show.
    factor = np.ones(len(vocab.names))
    boosted = []
    if a.boost:
        plain = {id(ds): ds.x for ds in sets + checks}

        def rescale():
            for ds in sets + checks:
                ds.x = (plain[id(ds)] @ diags(factor)).tocsr()

        for fam in sorted(families):
            factor[vocab.columns(frozenset([fam]))] = a.boost
            rescale()
            value = loss(sets, calibrated(sets, held_out(sets, c, iw, cols), iw))
            if value < best_loss - 1e-4:
                print(f"boost {fam}: held-out loss {value:.4f} (was {best_loss:.4f})", flush=True)
                best_loss = value
                boosted.append(fam)
            else:
                factor[vocab.columns(frozenset([fam]))] = 1.0
        rescale()
    print(f"chosen: C={c:g}, intl weight={iw:g}, {len(families)} of {len(all_families)} feature families "
          f"(dropped: {', '.join(sorted(all_families - families)) or 'none'}"
          + (f"; boosted x{a.boost:g}: {', '.join(boosted) or 'none'}" if a.boost else "")
          + f"); held-out loss {best_loss:.4f}")

    zs = held_out(sets, c, iw, cols)
    print("held out by article:")
    for ds, p in zip(sets, calibrated(sets, zs, iw)):
        print(figures(ds.name, ds.verdicts, p))
        ds.held_out = p
    x, y, w = _stack(sets, iw, cols)
    coef, bias = fit(x, y, w, c)
    scale, shift = platt(*_pooled(sets, zs, iw, lambda ds: np.ones(len(ds.y), dtype=bool))) if PLATT else (1.0, 0.0)
    model = (scale * coef, scale * bias + shift)
    print(f"Platt scale {scale:.3f}, shift {shift:.3f}")
    print("in sample (final weights):")
    for ds in sets:
        print(figures(ds.name, ds.verdicts, probability(logits(model, ds.x[:, cols]))))
    if checks:
        print("never trained on (final weights):")
        for ds in checks:
            print(figures(ds.name, ds.verdicts, probability(logits(model, ds.x[:, cols]))))
    weights = {vocab.names[j]: float(v) * factor[j] for j, v in zip(cols, model[0])}
    with open(a.output, "w", encoding="utf-8") as out:
        out.write("# Logistic-model weights of claim features, written by benchmarks/calibrate_confidence.py\n")
        out.write(f"# (the command is in its docstring). Fitted on {len(y)} claims "
                  f"({', '.join(f'{ds.name} {len(ds.y)}' for ds in sets)}); {int(y.sum())} right; "
                  f"C {c:g}, intl weight {iw:g}, held-out loss {best_loss:.4f}.\n")
        out.write(f"bias\t{model[1]:.4f}\n")
        for name in sorted(weights):
            if abs(weights[name]) >= 5e-5:
                out.write(f"{name}\t{weights[name]:.4f}\n")
    if a.dump:
        with open(a.dump, "w", encoding="utf-8") as out:
            for ds in sets + checks:
                final = probability(logits(model, ds.x[:, cols]))
                for i, row in enumerate(ds.rows):
                    out.write(json.dumps({"set": ds.name, "verdict": ds.verdicts[i], "final": float(final[i]),
                                          "held_out": float(ds.held_out[i]) if hasattr(ds, "held_out") else None,
                                          "features": ds.feats[i], **row}) + "\n")
    print(f"{len(weights) + 1} weights written to {a.output} ({time.time() - started:.0f} s in all)")


if __name__ == "__main__":
    main()
