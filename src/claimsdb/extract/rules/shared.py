"""A cue with no subject of its own shares the subject of the clause before it.

``shared-subject``  "The union backed the offer but warned that jobs were at risk."
``comma-saying``    "The union rejected the offer, saying it was too low."
A participle after a statement noun ("issued a statement saying ...") takes the sentence's
subject too; its claim is named by its content (``said-that``, ``said-clause`` ...).
"""

from __future__ import annotations

from claimsdb.extract import tokens as T
from claimsdb.extract.lexicon import CueInfo
from claimsdb.extract.phrases.speaker import shared_speaker
from claimsdb.extract.sentence import ParsedSentence
from claimsdb.extract.speakers import Mention

# Nouns a participle cue can hang on: "in a statement saying ...".
_STATEMENT_NOUNS = T.words("statement post letter interview message tweet video release report speech remarks")


def shared_subject(ps: ParsedSentence, info: CueInfo, k0: int, k1: int
                   ) -> tuple[tuple[Mention, str, int], str | None, int | None] | None:
    """The shared speaker of the cue at ``k0`` as (speaker as ``speaker_before`` gives it,
    rule, where the earlier clause's content must end), or None when there is none."""
    toks = ps.toks
    i = k0 - 1
    while i >= 0 and not toks[i].cap and (toks[i].low in T.ADVERBS or toks[i].low in T.AUXILIARIES):
        i -= 1
    if i < 0 or info.weak:
        return None
    if (toks[i].low in ("and", "but") and info.form != "ing") or (toks[i].text == "," and info.form == "ing" and (
            ps.claims or not info.ambiguous
            # "..., claiming it made false statements": a clause follows, so it is speech
            or (k1 < len(toks) and toks[k1].low in ("that", "he", "she", "it", "they", "we")))):
        mention = shared_speaker(ps, k0)
        if mention is None:
            return None
        rule = "shared-subject" if toks[i].low in ("and", "but") else "comma-saying"
        boundary = toks[i].start
        if toks[i].low in ("and", "but") and i > 0 and toks[i - 1].text == ",":
            boundary = toks[i - 1].start
        return (mention, "shared", k0), rule, boundary
    if info.form == "ing" and toks[i].low in _STATEMENT_NOUNS:
        mention = shared_speaker(ps, k0)
        if mention is None:
            return None
        return (mention, "shared", k0), None, None
    return None
