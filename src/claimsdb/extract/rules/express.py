"""Stances expressed or voiced: concern, regret, support, readiness.

``express-stance``  Poland expressed readiness to send engineers to the harbour.

The content is the stance noun and what it is about ("readiness to send engineers", "concern
over the rising costs"), so the claim reads as the stance taken; a that-clause after the noun
("expressed regret that ...") is ``said-that``.
"""

from __future__ import annotations

from claimsdb.extract.rules.stance import record

# What a stance noun takes: "concern over", "support for", "readiness to", "regret at".
_COMPLEMENTS = frozenset("over about at for with on to in regarding towards toward".split())


def expressed(ps, m, info, rule, before, k0, k1, lead, shared, boundary) -> bool:
    """``express``: the claim of "expressed <stance noun> <preposition> ..."."""
    toks = ps.toks
    if k1 >= len(toks) or toks[k1].low not in _COMPLEMENTS or k1 + 1 >= len(toks):
        return False
    # The content opens with the stance noun and any degree before it ("serious concern over").
    return record(ps, m, info, rule, before, k0, k1, k0 + 1, lead, shared, boundary)
