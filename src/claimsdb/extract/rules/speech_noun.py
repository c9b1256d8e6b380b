"""``speech-noun``: a possessor's speech noun and its that-clause.

"The minister's warning that the talks could fail went unheeded." / "His claim that ..." /
"The ministry rejected Russian accusations that ...": a country's adjective for the possessor;
as the whole object of a stance cue the claim is the possessor's, not nested in the cue's.
"""

from __future__ import annotations

import re

from claimsdb.extract.lexicon import object_stance_rules
from claimsdb.extract.phrases.noun_phrases import left_np
from claimsdb.extract.sentence import ParsedSentence




def speech_noun(ps: ParsedSentence, m: re.Match) -> None:
    """"Russia's warning that ...": the possessor said what follows "that"."""
    toks = ps.toks
    k0 = ps.index_at(m.start())
    if k0 >= len(toks):
        return
    possessive = m.group()[:1] in "'’"
    head = toks[k0 - 1] if possessive and k0 > 0 else toks[k0]
    pos = ps.index_at(head.start)
    if not possessive and head.low not in ("his", "her", "their", "its"):
        # "Russian accusations that ...": the adjective of a country, not a name's first word
        mention = ps.mention(pos, pos)
        if mention.type != "country" or (pos > 0 and toks[pos - 1].cap):
            return
    elif head.low in ("his", "her", "their", "its"):
        mention = ps.mention(pos, pos)
        mention.pronoun = {"his": "he", "her": "she", "their": "they", "its": "it"}[head.low]
        mention.plural = mention.pronoun == "they"
    else:
        span = left_np(ps, pos)
        if span is None:
            return
        mention = ps.mention(*span)
    if any(c.start <= m.start() < c.end and not (c.start == mention.start and c.rule in object_stance_rules())
           for c in ps.claims[-32:]):
        return  # inside what another claim says; but "rejected Denmark's claim that ..." is Denmark's
    ps.add((m.end(), ps.content_end()), mention, m, None, rule="speech-noun")
