"""What the rules extractor finds in a text, as (rule, speaker, content) triples."""

from __future__ import annotations

import hashlib

from claimsdb.pipeline import analyse
from claimsdb.records import ClaimCandidate, Document


def analysed(text: str) -> list[ClaimCandidate]:
    """Every claim found and resolved in ``text``, read as one article, as ingest would store it."""
    return analyse(Document(path="article.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest()))


def speaker(claim: ClaimCandidate) -> str:
    """The claim's speaker name without the document scope the resolve stage gives an unnamed
    one ("minister", not "minister (article)")."""
    return claim.speaker.name.removesuffix(" (article)")


def speakers_of(text: str):
    """(speaker name, type) of every claim found in ``text``, in text order."""
    return [(speaker(c), c.speaker.type) for c in sorted(analysed(text), key=lambda c: (c.text_start, c.speaker_start))]


def found(text: str) -> list[tuple[str, str, str]]:
    """(rule, speaker name, content) of every claim found and resolved in ``text``."""
    return [(c.rule, speaker(c), text[c.text_start : c.text_end]) for c in analysed(text)]


def check(text: str, *expected: tuple[str, str, str]) -> None:
    """The claims of ``text`` are exactly ``expected``, in text order."""
    assert found(text) == list(expected)
