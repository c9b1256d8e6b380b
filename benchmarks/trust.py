#!/usr/bin/env python3
"""How far claims' confidence can be trusted, measured on exports against gold annotations.

Usage:
  python benchmarks/trust.py --intl GOLD.jsonl EXPORT.jsonl --scorer SCORE.py
  python benchmarks/trust.py --spans GOLD.jsonl EXPORT.jsonl --scorer SCORE_SPANS.py

EXPORT is `claims export --format jsonl` of a database that ingested the gold set's texts.
SCORE.py / SCORE_SPANS.py is the scorer that goes with the gold file: its matching rules are
imported from it, so a claim counts as right here exactly when the scorer counts it.

For each export it prints:
  * of the claims scored 0.9 or more whose content matches a gold item (so their speaker can be
    judged), the share whose speaker is right too (the target is at least 97%);
  * what `--min-confidence 0.5` removes: claims the scorer counts right (content and speaker
    match a gold item), and claims that match none, split into "wrong speaker" (the content
    matches a gold item, the speaker does not) and "no such claim" (the content matches none).
Several --intl / --spans pairs may be given in one run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import tempfile
from pathlib import Path


def _load(path: str):
    spec = importlib.util.spec_from_file_location(Path(path).stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def judge_intl(scorer, gold_path: str, export_path: str) -> list[tuple[float, str]]:
    """(confidence, verdict) per exported claim; verdict is right, wrong_speaker or no_claim.
    A claim matching only optional gold items is left out, as the scorer leaves it out."""
    rows = [json.loads(line) for line in open(export_path, encoding="utf-8") if line.strip()]
    verdicts = verdicts_intl(scorer, gold_path, rows)
    return [(float(row.get("confidence") or 0.0), v) for row, v in zip(rows, verdicts) if v is not None]


def verdicts_intl(scorer, gold_path: str, rows: list[dict]) -> list[str | None]:
    """The verdict on each exported claim of ``rows`` (None: it matches only optional items)."""
    gold = [json.loads(line) for line in open(gold_path, encoding="utf-8") if line.strip()]
    # The scorer reads predictions from a file: its column aliases and normalisation apply.
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as tmp:
        for row in rows:
            tmp.write(json.dumps(row) + "\n")
        tmp.flush()
        predictions = scorer.load_predictions(tmp.name)
    by_doc: dict[str, list[dict]] = {}
    for g in gold:
        by_doc.setdefault(Path(g["doc"]).name, []).append(g)
    out: list[str | None] = []
    for p in predictions:
        golds = next((gs for name, gs in by_doc.items() if p["doc"].endswith(name)), [])
        full = [g for g in golds if scorer.match(g, p)]
        if full and all(g.get("optional") for g in full):
            out.append(None)
            continue
        content = [g for g in golds if scorer.norm(g["evidence"]) in scorer.norm(p["text"])]
        out.append("right" if full else "wrong_speaker" if content else "no_claim")
    return out


def judge_spans(scorer, gold_path: str, export_path: str) -> list[tuple[float, str]]:
    """(confidence, verdict) per exported claim, by the span scorer's content and speaker rules."""
    rows = [json.loads(line) for line in open(export_path, encoding="utf-8") if line.strip()]
    return [(float(row.get("confidence") or 0.0), v) for row, v in zip(rows, verdicts_spans(scorer, gold_path, rows))]


def verdicts_spans(scorer, gold_path: str, rows: list[dict]) -> list[str]:
    """The verdict on each exported claim of ``rows``, by the span scorer's rules."""
    docs = {}
    for line in open(gold_path, encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            docs[d["doc_id"]] = [g for g in d["quotes"] if g["quote_spans"] and g["speaker_spans"]]
    out = []
    for row in rows:
        ss = scorer.as_int(row.get("speaker_start"))
        p = {"s": scorer.as_int(row.get("text_start")), "e": scorer.as_int(row.get("text_end")), "ss": ss,
             "se": scorer.as_int(row.get("speaker_end")) if ss is not None else None,
             "speaker": str(row.get("speaker") or ""), "mention": str(row.get("speaker_mention") or "")}
        golds = docs.get(Path(str(row.get("document") or "")).name.rsplit(".", 1)[0], [])
        content = [g for g in golds if scorer.content_ok(p, g)]
        right = any(scorer.speaker_ok(p, g) for g in content)
        out.append("right" if right else "wrong_speaker" if content else "no_claim")
    return out


def report(name: str, judged: list[tuple[float, str]]) -> None:
    high = [v for c, v in judged if c >= 0.9 and v != "no_claim"]
    high_right = sum(v == "right" for v in high)
    low = [v for c, v in judged if c < 0.5]
    share = high_right / len(high) if high else 0.0
    print(f"{name}: {len(judged)} claims; confidence >= 0.9 with gold content: {len(high)}, speaker right "
          f"{high_right} ({share:.1%}); all >= 0.9: {sum(c >= 0.9 for c, _ in judged)}")
    print(f"  --min-confidence 0.5 removes {len(low)}: right {low.count('right')}, wrong "
          f"{low.count('wrong_speaker') + low.count('no_claim')} (wrong speaker {low.count('wrong_speaker')}, "
          f"no such claim {low.count('no_claim')})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--intl", nargs=2, action="append", default=[], metavar=("GOLD", "EXPORT"),
                    help="a who-said-what gold file (score.py format) and an export")
    ap.add_argument("--spans", nargs=2, action="append", default=[], metavar=("GOLD", "EXPORT"),
                    help="a span-annotated gold file (score_spans.py format) and an export")
    ap.add_argument("--scorer", action="append", required=True,
                    help="score.py and/or score_spans.py of the gold sets (give both when both kinds are used)")
    a = ap.parse_args()
    scorers = {Path(s).stem: _load(s) for s in a.scorer}
    for gold, export in a.intl:
        report(Path(export).name, judge_intl(scorers["score"], gold, export))
    for gold, export in a.spans:
        report(Path(export).name, judge_spans(scorers["score_spans"], gold, export))


if __name__ == "__main__":
    main()
