"""Unnamed spokespeople of the body that just spoke: "The State Department said it was
concerned. A spokesman said ..." is the State Department's spokesman.

An organisation speaking through an unnamed spokesperson is "X spokesperson" for a reader (and in
our gold): the bare "a spokesman" or "the spokeswoman" whose claim comes right after one of a
named body, a country or a medium (not in a headline), within two sentences, and that coreference left unresolved, takes that body's name
and country: "U.S. State Department spokesman". A spokesman named by his own phrase ("a
spokesman for the ministry", "Putin's spokesman") or resolved to a person is left alone; so is one
with no body speaking just before (it stays unnamed, scoped to its article).
"""

from __future__ import annotations

import re

# (the module's patterns are compiled through it: their compiled code is kept between processes,
# so a process starts without parsing them again)
from claimsdb.pattern_cache import compile_pattern
from claimsdb.records import ClaimCandidate

# Role nouns of people who speak for a body.
SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_BODIES = ("organization", "country", "media")
# How many sentence ends may come between the body's claim and the spokesman's.
_MAX_SENTENCES_BETWEEN = 2
_SENTENCE_END = compile_pattern(r"[.!?][\"”’']?\s")
# A sentence between the two in which someone else said something (not found as a claim).
_SPOKE_BETWEEN = compile_pattern(r"\b(?:said|says)\b")


def name_spokespeople(text: str, claims: list[ClaimCandidate]) -> None:
    """Name each bare spokesman after the body whose claim comes just before, in place."""
    body = None  # (mention of the last body that spoke, or of its spokesman so named; its claim)
    for c in claims:
        m = c.evidence.mention
        if m.pronoun is None and m.type in _BODIES:
            # (a body the article names; a headline's speaker is no body speaking in the text)
            body = (m.name, m.country, c) if m.name[:1].isupper() and c.kind != "headline" else None
            continue
        if body is None or m.type != "anonymous" or not (_bare_spokesman(m.text) and _bare_spokesman(m.name)):
            # (coreference may have named him: "Anna Berg, the spokeswoman, ..."); anyone else
            # speaking in between ends the body's turn: "Sky denied it. A spokesperson said"
            # is no spokesperson of a body before Sky
            body = None
            continue
        name, country, before = body
        if before.sentence_end is None or c.sentence_start is None or len(_SENTENCE_END.findall(text, before.sentence_end - 1, c.sentence_start)) > _MAX_SENTENCES_BETWEEN:
            continue
        if _SPOKE_BETWEEN.search(text, before.sentence_end, c.sentence_start):
            continue  # "... Green group Vik said ... 'We ...,' said a spokesman": Vik's, not the body's
        noun = m.text.split()[-1].lower()
        m.name = f"{name} {noun}"
        m.type, m.role, m.country = "anonymous", noun, country or m.country
        body = (name, country, c)  # "the spokesman added": the same one


def _bare_spokesman(phrase: str) -> bool:
    """"a spokesman", "The spokeswoman": a determiner and the noun, nothing that names whose."""
    words = phrase.lower().split()
    return len(words) == 2 and words[0] in ("a", "an", "the") and words[1] in SPOKES_NOUNS
