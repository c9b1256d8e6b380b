#!/usr/bin/env python3
"""Check that two claimsdb SQLite databases hold the same documents and claims.

Usage: python benchmarks/same_claims.py FILES.db RECORDS.db

Made for a folder ingested as files and the same folder as one JSON Lines file (see
jsonl_from_folder.py): documents are matched by their name (a file's stem, a record's id),
and every claim is compared on its text, offsets, speaker mention and actor, kind, date and
confidence, with each document's title, publication date and content hash. Prints the counts
and the first differences; exits 1 if there are any.
"""

from __future__ import annotations

import sqlite3
import sys

from claimsdb.resolve.stage import document_label

CLAIMS = """
    SELECT d.path, d.title, d.published_on, d.sha256, c.text, c.text_start, c.text_end,
           c.speaker_mention, a.name, c.kind, c.stated_on, c.confidence
    FROM claims c JOIN documents d ON d.id = c.document_id JOIN actors a ON a.id = c.actor_id
"""
DOCUMENTS = "SELECT path, title, published_on, sha256 FROM documents"


def rows(database: str, query: str) -> set[tuple]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        return {(document_label(row[0]), *row[1:]) for row in connection.execute(query)}


def main(first: str, second: str) -> int:
    differences = 0
    for what, query in (("documents", DOCUMENTS), ("claims", CLAIMS)):
        a, b = rows(first, query), rows(second, query)
        print(f"{what}: {len(a)} and {len(b)}, {len(a ^ b)} different")
        for row in sorted(a - b)[:3]:
            print(f"  only in {first}: {row}")
        for row in sorted(b - a)[:3]:
            print(f"  only in {second}: {row}")
        differences += len(a ^ b)
    return 1 if differences else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    sys.exit(main(sys.argv[1], sys.argv[2]))
