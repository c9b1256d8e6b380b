"""``headline-colon``: a headline that is a speaker, a colon and the claim.

"Solberg: talks will resume in May"
"""

from __future__ import annotations

import re

from claimsdb.extract import tokens as T
from claimsdb.extract.lexicon import headline_labels
from claimsdb.extract.phrases.noun_phrases import right_np
from claimsdb.extract.sentence import ParsedSentence


def headline_colon(ps: ParsedSentence) -> None:
    """"Graham: Trump's rhetoric is destroying the party" — a speaker, a colon, the claim."""
    toks = ps.toks
    colon = next((i for i, t in enumerate(toks[:6]) if t.text == ":"), None)
    if colon is None or colon == 0 or colon + 1 >= len(toks):
        return
    span = right_np(ps, 0, colon)
    if span is None or span[1] != colon - 1 or toks[0].low in headline_labels():
        return
    if not all(t.cap or t.low in T.CONNECTORS for t in toks[span[0] : span[1] + 1]) or any(
        t.low in T.CLAUSE_WORDS or t.text[:1].isdigit() for t in toks[span[0] : span[1] + 1]
    ):
        return  # "Now we know:", "3 Important Things To Know:" are not speakers
    mention = ps.mention(*span)
    if mention.type not in ("person", "country", "organization", "media") or mention.pronoun:
        return
    m = re.compile(r".*").match(ps.masked, toks[colon].start, toks[colon].end)  # offsets in the text
    ps.add((toks[colon + 1].start, ps.content_end()), mention, m, None, rule="headline-colon")
