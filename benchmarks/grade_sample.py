#!/usr/bin/env python3
"""Draw a fixed random sample of stored claims and print each with its context, for grading.

Usage: python benchmarks/grade_sample.py DATABASE [--n 40] [--seed 20261202] [--format md|jsonl]

Claims are drawn uniformly from the claims of a SQLite database (ordered by id, then
``random.Random(seed).sample``), so the same database and seed always give the same sample.
Each claim is printed with the sentence it is in, the line before it, its speaker as the text
gives it and as stored (name, type, role, country), kind, rule, date and confidence: what a
grader needs to say whether the claim is fully right. The claim is printed as `claims query`
shows it (an attribution inside it left out, a stance's cue and target before it), with the
stored text under it where the two differ. The grading rules are given with the
figures (see the closing notes and README "Measured quality and speed").
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys

from claimsdb.query import stance_lead_span
from claimsdb.render import readable_statement

QUERY = """
    SELECT c.id, d.path, d.text, c.text_start, c.text_end, c.speaker_start, c.speaker_end,
           c.speaker_mention, a.name, a.type, a.role, a.country, c.kind, c.rule, c.stated_on,
           c.confidence, c.via, c.cue_start, c.cue_end, c.target_start, c.target_end
    FROM claims c JOIN documents d ON d.id = c.document_id JOIN actors a ON a.id = c.actor_id
    WHERE c.id = ?
"""


def context(text: str, start: int, end: int, width: int = 300) -> str:
    """The text around [start, end): from the line before the claim to the end of its line."""
    lo = text.rfind("\n", 0, max(0, min(start, end) - 1))
    lo = text.rfind("\n", 0, lo) if lo > 0 else 0
    hi = text.find("\n", max(start, end))
    hi = len(text) if hi < 0 else hi
    lo = max(lo + 1 if lo > 0 else 0, min(start, end) - width)
    hi = min(hi, max(start, end) + width)
    return text[lo:hi].strip()


def sample(database: str, n: int, seed: int) -> list[dict]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM claims ORDER BY id")]
        chosen = random.Random(seed).sample(ids, min(n, len(ids)))
        out = []
        for claim_id in chosen:
            (cid, path, text, ts, te, ss, se, mention, name, typ, role, country, kind, rule,
             stated_on, confidence, via, cs, ce, gs, ge) = connection.execute(QUERY, (claim_id,)).fetchone()
            # The claim as `claims query` shows it: an attribution inside it left out, a
            # stance's target before it (claimsdb.render.readable_statement).
            row = {"text": text[ts:te], "rule": rule, "text_start": ts, "text_end": te, "speaker_start": ss,
                   "speaker_end": se, "cue_start": cs, "cue_end": ce, "target_start": gs, "target_end": ge}
            lead = stance_lead_span(row)
            shown = readable_statement(row, " ".join(text[lead[0] : lead[1]].split()) if lead else None)
            out.append({
                "id": cid, "document": path, "claim": shown, "speaker_in_text": mention,
                "speaker": name, "type": typ, "role": role, "country": country, "kind": kind,
                "rule": rule, "stated_on": stated_on, "confidence": round(confidence, 2), "via": via,
                "context": context(text, min(ts, ss), max(te, se)), "stored_text": text[ts:te],
            })
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database")
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--format", choices=("md", "jsonl"), default="md")
    args = parser.parse_args(argv)
    rows = sample(args.database, args.n, args.seed)
    for i, row in enumerate(rows, 1):
        if args.format == "jsonl":
            print(json.dumps(row, ensure_ascii=False))
            continue
        print(f"## {i}. claim {row['id']} in {row['document']}")
        print(f"- speaker: {row['speaker']} ({row['type']}; role {row['role']}; country {row['country']})"
              f" from \"{row['speaker_in_text']}\"" + (f", via {row['via']}" if row["via"] else ""))
        print(f"- {row['kind']} by rule {row['rule']}, date {row['stated_on']}, confidence {row['confidence']}")
        print(f"- claim: {row['claim']}")
        if row["stored_text"] != row["claim"]:
            print(f"- stored text: {row['stored_text']}")
        print(f"- context: {row['context']}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
