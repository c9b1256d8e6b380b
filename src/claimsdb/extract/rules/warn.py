"""Warnings: against what, of what, and whom.

``warn-against``  The police warned fishermen against sailing into the storm.  (target: fishermen)
``warn-of``       The minister warned of further delays on the northern route.  ("warned about")
``warn-that``     The captain warned the crew that the storm would reach the coast.  (target: the crew)

A warning without a listener ("warned that ...") stays ``said-that``; "warned X to Y" is left
to the generic constructions, whose content keeps the listener.
"""

from __future__ import annotations

from claimsdb.extract import tokens as T
from claimsdb.extract import words as W
from claimsdb.extract.phrases.content import that_is_subject
from claimsdb.extract.rules.stance import object_start, preposition, record


def warning(ps, m, info, rule, before, k0, k1, lead, shared, boundary) -> bool:
    """``warn``: the claim of "warned (X) against Y", "warned (X) of Y", "warned X that Y"."""
    toks = ps.toks
    if k1 + 1 < len(toks) and toks[k1].low == "about" and not W.is_number(toks[k1 + 1].low) \
            and not toks[k1 + 1].text[:1].isdigit() and object_start(ps, k1 + 1):
        # "warning about several viruses that can spread fast": a warning of them (its "that"
        # opens a relative clause)
        return record(ps, m, info, f"{rule}-of", before, k0, k1, k1 + 1, lead, shared, boundary, None)
    j = preposition(ps, k1, {"against", "of", "that"})
    if j is None or j + 1 >= len(toks):
        return False
    word = toks[j].low
    target = (k1, j - 1) if j > k1 else None
    if word == "that":
        if target is None or j - k1 > 6 or any(t.low == "to" for t in toks[k1:j]) or toks[k1].low in ("about", "over"):
            return False  # "warned X to refrain from steps that ...", "warning about viruses that can ...": a relative clause
        if all(_time_word(t.low) for t in toks[k1:j]):
            target = None  # "warned last week that ...": when, not whom
        first, hint = (j, "complement") if that_is_subject(ps, j) else (j + 1, "that")
        return record(ps, m, info, f"{rule}-that", before, k0, k1, first, lead, shared, boundary, target, hint=hint)
    if not object_start(ps, j + 1):
        return False
    if word == "of" and target is not None and not (toks[k1].low in T.OBJECT_PRONOUNS or toks[k1].low in T.LISTENERS):
        return False  # "warned residents of the town ...": "of" may belong to the listener
    return record(ps, m, info, f"{rule}-{word}", before, k0, k1, j + 1, lead, shared, boundary, target)


def _time_word(low: str) -> bool:
    """A word of a time phrase between "warned" and "that" ("last week", "on Thursday", "two
    weeks ago", "only recently"): no listener warned."""
    return low in T.DATE_WORDS or low in W.TIME_WORDS or low in W.WEEKDAYS or low in W.AGO or W.is_number(low) \
        or W.is_adverb(low) or low in ("in", "on", "at", "only", "just", "the", "this")
