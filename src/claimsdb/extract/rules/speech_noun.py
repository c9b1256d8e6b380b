"""``speech-noun``: a possessor's speech noun and its that-clause.

"The minister's warning that the talks could fail went unheeded." / "His claim that ..." /
"The ministry rejected Russian accusations that ...": a country's adjective for the possessor;
as the whole object of a stance cue the claim is the possessor's, not nested in the cue's.
"""

from __future__ import annotations

import re

from claimsdb.extract import tokens as T
from claimsdb.extract.lexicon import object_stance_rules
from claimsdb.extract.phrases.noun_phrases import left_np
from claimsdb.extract.sentence import ParsedSentence, cue_info




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
        # "Danish claims that ...": a noun, not the verb of a speaker "Danish"
        noun = toks[pos + 1].start
        ps.claims = [c for c in ps.claims if c.cue_start != noun]
    elif head.low in ("his", "her", "their", "its"):
        k = ps.index_at(m.end())
        if pos > 0 and cue_info(toks[pos - 1].text) is not None and k < len(toks) \
                and any(c.start == toks[k].start for c in ps.claims[-32:]):
            return  # "repeated his warning that ...": the cue's own claim already holds it (phrases.content)
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
    ps.add((m.end(), _clause_end(ps, mention.start, ps.index_at(m.end()))), mention, m, None, rule="speech-noun")


# Words between two auxiliaries that show the second belongs to another clause of the content.
_LINKS = frozenset("that which who whom and but or if because when while although , ; : ( -".split())


def _clause_end(ps: ParsedSentence, start: int, k: int) -> int:
    """Where the that-clause starting at token ``k`` ends. As the sentence's subject ("Norway's
    warning that the bridge was unsafe was ignored") it ends before the main clause's auxiliary:
    the second auxiliary after the clause's own, with no linking word between them. Elsewhere
    it runs to the end of the sentence."""
    toks = ps.toks
    first = ps.index_at(start)
    if any(not (t.low in ("but", "and", "however", "yet") or t.text in ",") for t in toks[:first]):
        return ps.content_end()
    own = next((x for x in range(k, len(toks)) if toks[x].low in T.AUXILIARIES), None)
    if own is None:
        return ps.content_end()
    for x in range(own + 1, len(toks)):
        if toks[x].low in _LINKS or toks[x].text in _LINKS or ps.quote_starting(toks[x]):
            break
        if toks[x].low in T.AUXILIARIES and x > own + 1:
            return toks[x - 1].end
    return ps.content_end()
