"""Stances expressed or voiced: concern, regret, support, readiness.

``express-stance``  Poland expressed readiness to send engineers to the harbour. / The council
expressed deep concern over the closures.

The content is the stance noun and what it is about ("readiness to send engineers", "concern
over the rising costs"), so the claim reads as the stance taken; a that-clause after the noun
("expressed regret that ...") is ``said-that``.
"""

from __future__ import annotations

from functools import cache

from claimsdb.extract.lexicon import stance_frames
from claimsdb.extract.rules.stance import record

# What a stance noun takes: "concern over", "support for", "readiness to", "regret at".
_COMPLEMENTS = frozenset("over about at for with on to in regarding towards toward".split())


def expressed(ps, m, info, rule, before, k0, k1, lead, shared, boundary) -> bool:
    """``express``: the claim of "expressed <stance noun> <preposition> ...", also with up to two
    words before the noun after the bare verb ("expressed deep concern over", "expressed its full
    support for"). The bare verb before anything else gives no claim ("expressed a wish")."""
    toks = ps.toks
    if info.lemma == "express":
        noun = next((x for x in range(k1, min(k1 + 3, len(toks))) if toks[x].low in _stance_nouns()), None)
        if noun is None or any(not toks[y].low.isalpha() or toks[y].cap for y in range(k1, noun)):
            return True
        k1 = noun + 1
    if k1 >= len(toks) or toks[k1].low not in _COMPLEMENTS or k1 + 1 >= len(toks):
        return info.lemma == "express"
    # The content opens with the stance noun and any degree before it ("serious concern over").
    return record(ps, m, info, rule, before, k0, k1, k0 + 1, lead, shared, boundary)


@cache
def _stance_nouns() -> frozenset[str]:
    """The nouns of the "express ..." and "voice ..." cues (data/stance_verbs.tsv), and their plurals."""
    nouns = {lemma.split()[-1] for lemma, frame in stance_frames().items() if frame.frame == "express" and " " in lemma}
    return frozenset(nouns | {n + "s" for n in nouns})
