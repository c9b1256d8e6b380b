"""``speech-noun``: a possessor's speech noun and its that-clause.

"The minister's warning that the talks could fail went unheeded." / "His claim that ..."
"""

from __future__ import annotations

import re

from claimsdb.extract.phrases.noun_phrases import left_np
from claimsdb.extract.sentence import ParsedSentence


def speech_noun(ps: ParsedSentence, m: re.Match) -> None:
    """"Russia's warning that ...": the possessor said what follows "that"."""
    toks = ps.toks
    k0 = ps.index_at(m.start())
    if k0 >= len(toks) or any(c.start <= m.start() < c.end for c in ps.claims[-32:]):
        return
    head = toks[k0 - 1] if m.group()[:1] in "'’" and k0 > 0 else toks[k0]
    pos = ps.index_at(head.start)
    if head.low in ("his", "her", "their", "its"):
        mention = ps.mention(pos, pos)
        mention.pronoun = {"his": "he", "her": "she", "their": "they", "its": "it"}[head.low]
        mention.plural = mention.pronoun == "they"
    else:
        span = left_np(ps, pos)
        if span is None:
            return
        mention = ps.mention(*span)
    ps.add((m.end(), ps.content_end()), mention, m, None, rule="speech-noun")
