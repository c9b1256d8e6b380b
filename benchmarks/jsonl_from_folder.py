#!/usr/bin/env python3
"""Write a folder of article files as one JSON Lines file, one record per file.

Usage: python benchmarks/jsonl_from_folder.py FOLDER OUT.jsonl

Each record is {"id": file stem, "text": the file's text}. The text is decoded as
`claims ingest` decodes the file, so ingesting OUT.jsonl stores the same texts as ingesting
FOLDER and finds the same claims; the id names each record as its file name does. Used to
compare the speed of the two forms of input:

    python benchmarks/jsonl_from_folder.py ../shared/corpus/bbc /tmp/bbc.jsonl
    claims ingest ../shared/corpus/bbc --db /tmp/files.db
    claims ingest /tmp/bbc.jsonl --db /tmp/records.db
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from claimsdb.read import iter_sources
from claimsdb.read.decode import decode_bytes


def main(folder: str, out: str) -> int:
    written = 0
    with open(out, "w", encoding="utf-8") as handle:
        for source in iter_sources([folder]):
            if source.path is None or source.media_type not in ("text", "markdown"):
                continue
            text, _ = decode_bytes(Path(source.path).read_bytes())
            handle.write(json.dumps({"id": Path(source.path).stem, "text": text}, ensure_ascii=False) + "\n")
            written += 1
    print(f"{written} records written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    sys.exit(main(sys.argv[1], sys.argv[2]))
