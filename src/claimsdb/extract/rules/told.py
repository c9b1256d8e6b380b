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


def told_outlet(ps, m, info, rule, before, k0, k1, lead, shared, boundary) -> bool:
    """``told``: the claim of "told <outlet>: ..." or "told <outlet> that ..."."""
    toks = ps.toks
    j = preposition(ps, k1 + 1, {":", "that"})
    if j is None or j + 1 >= len(toks) or not _is_outlet(ps, k1, j - 1):
        return False
    if toks[j].text == ":":
        return record(ps, m, info, f"{rule}-colon", before, k0, k1, j + 1, lead, shared, boundary, hint="colon")
    first, hint = (j, "complement") if that_is_subject(ps, j) else (j + 1, "that")
    return record(ps, m, info, f"{rule}-that", before, k0, k1, first, lead, shared, boundary, hint=hint)
