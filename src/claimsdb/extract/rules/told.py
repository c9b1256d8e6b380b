"""What someone told a medium: a programme, a channel, an agency or a newspaper.

``told-outlet-colon``  The governor told state television: "The harbour will reopen next week."
``told-outlet-that``   The governor told the Nordic news agency that the harbour would reopen.

The listener is a medium when it holds an outlet noun (data/outlet_nouns.txt) or a known
outlet's name (data/media.tsv). Other listeners ("told reporters that") stay ``said-that``.
"""

from __future__ import annotations

from claimsdb.extract import tokens as T
from claimsdb.extract.lexicon import media_names, outlet_nouns
from claimsdb.extract.phrases.content import that_is_subject
from claimsdb.extract.rules.stance import preposition, record


def _is_outlet(ps, a: int, b: int) -> bool:
    toks = ps.toks
    words = [t for t in toks[a : b + 1] if t.low not in T.DATE_WORDS and t.low not in ("on", "in", "an", "interview")]
    if any(t.low in outlet_nouns() for t in words):
        return True
    names = media_names()
    return any(" ".join(t.text for t in words[x:y]).lower() in names
               for x in range(len(words)) for y in range(x + 1, min(len(words), x + 4) + 1))


# Words that open a clause's subject right after the medium told: "told the BBC the party ...".
_SUBJECT_OPENERS = T.words("the a an it he she they we i its his her their this these those")


def _clause_after_outlet(ps, k1: int) -> int | None:
    """Where a clause without "that" starts after the medium that was told ("told the Vik
    Times the harbour would reopen"): the medium's phrase ends at its outlet noun or name
    (within six words), and a subject and a finite verb (an auxiliary or a past form within
    the next five words) follow; else None."""
    toks = ps.toks
    for end in range(k1 + 1, min(len(toks) - 2, k1 + 7)):
        t = toks[end]
        if t.text in (",", ";", ":") or ps.is_stop(end) or ps.quote_starting(t):
            return None
        nxt = toks[end + 1]
        if not (nxt.low in _SUBJECT_OPENERS or nxt.cap) or not _is_outlet(ps, k1 + 1, end):
            continue
        if _is_outlet(ps, k1 + 1, end + 1) and nxt.cap:
            continue  # the medium's name goes on ("the Vik Times")
        verb = next((x for x in range(end + 2, min(len(toks), end + 7))
                     if toks[x].low in T.AUXILIARIES or (toks[x].low.endswith("ed") and not toks[x].cap)), None)
        if verb is not None and not any(toks[x].text in (",", ";", ":") for x in range(end + 1, verb)):
            return end + 1
        return None
    return None


def told_outlet(ps, m, info, rule, before, k0, k1, lead, shared, boundary) -> bool:
    """``told``: the claim of "told <outlet>: ..." or "told <outlet> that ..."."""
    toks = ps.toks
    j = preposition(ps, k1 + 1, {":", "that"})
    if j is None:
        first = _clause_after_outlet(ps, k1)
        if first is None:
            return False
        # "told the Vik Times the harbour would reopen": the clause, without "that"
        return record(ps, m, info, f"{rule}-that", before, k0, k1, first, lead, shared, boundary, hint="complement")
    if j + 1 >= len(toks) or not _is_outlet(ps, k1, j - 1):
        return False
    if toks[j].text == ":":
        return record(ps, m, info, f"{rule}-colon", before, k0, k1, j + 1, lead, shared, boundary, hint="colon")
    first, hint = (j, "complement") if that_is_subject(ps, j) else (j + 1, "that")
    return record(ps, m, info, f"{rule}-that", before, k0, k1, first, lead, shared, boundary, hint=hint)
