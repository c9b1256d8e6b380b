"""``as-x-put-it``: an "as" aside names the speaker of the sentence around it.

"As the minister put it, the talks are over." / "The talks, as the minister said, are over."
/ "The talks are over, as the minister put it."
"""

from __future__ import annotations

import re

from claimsdb.extract.lexicon import CueInfo
from claimsdb.extract.sentence import ParsedSentence
from claimsdb.extract.speakers import Mention
from claimsdb.extract.tokens import DATE_WORDS, DETERMINERS


def as_x_put_it(ps: ParsedSentence, m: re.Match, info: CueInfo, mention: Mention, a: int, k1: int) -> None:
    """The claim of the aside whose speaker phrase starts at token ``a`` after "as"."""
    toks = ps.toks
    if _has_object(ps, info, k1):
        return
    comma = next((x for x in range(k1, len(toks)) if toks[x].text == ","), None)
    if comma is not None and comma + 1 < len(toks) and not ps.is_stop(comma + 1):
        # "The economy, as the minister said, is fragile": the sentence around the aside.
        start = ps.sent.start if a >= 3 and toks[a - 2].text == "," else toks[comma + 1].start
        ps.add((start, ps.content_end()), mention, m, info, rule="as-x-put-it")
    elif a - 2 >= 0 and toks[a - 2].text == ",":
        ps.add((ps.sent.start, toks[a - 2].start), mention, m, info, rule="as-x-put-it")
    elif a - 2 >= 0 and toks[a - 2].text == "(" and _closes_sentence(ps, k1):
        # "... is "a country that does not exist" (as the minister put it in 2008).": the
        # quotation before the parenthesis, else the sentence up to it.
        quote = ps.quote_ending(toks[a - 3]) if a >= 3 else None
        span = (quote.start, quote.end) if quote is not None else (ps.sent.start, toks[a - 2].start)
        ps.add(span, mention, m, info, rule="as-x-put-it")


def _closes_sentence(ps: ParsedSentence, k1: int) -> bool:
    """The parenthesis the aside opened closes at the end of the sentence."""
    toks = ps.toks
    close = next((x for x in range(k1, len(toks)) if toks[x].text == ")"), None)
    return close is not None and all(t.text in ".!?" for t in toks[close + 1 :])


def _has_object(ps: ParsedSentence, info: CueInfo, k1: int) -> bool:
    """The cue has a noun phrase for object: a determiner or number right after it ("welcomed
    several hundred guests"), not a time ("said this week") and not a listener ("told reporters")."""
    toks = ps.toks
    if info.listener or k1 >= len(toks):
        return False
    first = toks[k1].low
    if not (first in DETERMINERS or first[:1].isdigit()):
        return False
    return not (k1 + 1 < len(toks) and toks[k1 + 1].low in DATE_WORDS)
