"""``as-x-put-it``: an "as" aside names the speaker of the sentence around it.

"As the minister put it, the talks are over." / "The talks, as the minister said, are over."
/ "The talks are over, as the minister put it."
"""

from __future__ import annotations

import re

from claimsdb.extract.lexicon import CueInfo
from claimsdb.extract.sentence import ParsedSentence
from claimsdb.extract.speakers import Mention


def as_x_put_it(ps: ParsedSentence, m: re.Match, info: CueInfo, mention: Mention, a: int, k1: int) -> None:
    """The claim of the aside whose speaker phrase starts at token ``a`` after "as"."""
    toks = ps.toks
    comma = next((x for x in range(k1, len(toks)) if toks[x].text == ","), None)
    if comma is not None and comma + 1 < len(toks) and not ps.is_stop(comma + 1):
        # "The economy, as the minister said, is fragile": the sentence around the aside.
        start = ps.sent.start if a >= 3 and toks[a - 2].text == "," else toks[comma + 1].start
        ps.add((start, ps.content_end()), mention, m, info, rule="as-x-put-it")
    elif a - 2 >= 0 and toks[a - 2].text == ",":
        ps.add((ps.sent.start, toks[a - 2].start), mention, m, info, rule="as-x-put-it")
