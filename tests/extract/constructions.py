"""What the rules extractor finds in a text, as (rule, speaker, content) triples."""

from __future__ import annotations

import hashlib

from claimsdb.pipeline import analyse
from claimsdb.records import Document


def found(text: str) -> list[tuple[str, str, str]]:
    """(rule, speaker name, content) of every claim found and resolved in ``text``; an unnamed
    speaker is given without the document scope the resolve stage adds ("minister", not
    "minister (article)")."""
    document = Document(path="article.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    return [(c.rule, c.speaker.name.removesuffix(" (article)"), text[c.text_start : c.text_end])
            for c in analyse(document)]


def check(text: str, *expected: tuple[str, str, str]) -> None:
    """The claims of ``text`` are exactly ``expected``, in text order."""
    assert found(text) == list(expected)
