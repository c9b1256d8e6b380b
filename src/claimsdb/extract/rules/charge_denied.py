"""``charge-denied``: a claim, then ", a charge X denies" — the accused's denial of it.

"Kiev accuses Moscow of arming the rebels, a charge the Kremlin denies."
"Ukraine says Moscow is arming the rebels, charges it has denied."
Wire copy gives the other side's answer so, in an appended noun phrase: the denial is a claim of
its own, by the one who denies, with the content of the claim before the comma (which ends
there). "it" or "they" is the accused: the target of "accused X of", else the subject the
content opens with.
"""

from __future__ import annotations

import re

from claimsdb.extract import tokens as T
from claimsdb.extract.lexicon import cue_words
from claimsdb.extract.sentence import ParsedSentence, RawClaim

# Only sentences with one of these nouns after a comma are looked at.
CHARGE_NOUNS = ("charge", "accusation", "allegation", "claim")
CHARGE = re.compile(
    r",\s+(?:(?:a|the|an)\s+)?(?:charges?|accusations?|allegations?|claims?)(?:\s+(?:that|which))?\s+"
    r"(?P<who>[^,;:.]{1,60}?)\s+"
    r"(?:(?:has|have|had)\s+)?(?:(?:repeatedly|consistently|strongly|always|vehemently|flatly)\s+)?"
    r"(?P<verb>denies|deny|denied|rejects|reject|rejected|dismisses|dismiss|dismissed|disputes|dispute|disputed)"
    r"(?=\s*(?:[.;]|$))"
)


def may_hold_charge(text: str) -> bool:
    """A cheap test before the pattern: one of the nouns after a comma."""
    return ", " in text and any(noun in text for noun in CHARGE_NOUNS)


def charge_denied(ps: ParsedSentence) -> None:
    """The denials of the sentence's ", a charge X denies" phrases."""
    for m in CHARGE.finditer(ps.masked, ps.sent.start, ps.sent.end):
        before = [c for c in ps.claims if c.start < m.start() <= c.end + 1 and c.cue_start is not None
                  and c.cue_start < m.start()]
        if not before:
            continue
        claim = before[-1]
        claim.end = m.start()  # the charge ends at the comma
        # The denying verb is no cue of its own ("..., Copenhagen denies" read inverted).
        ps.claims[:] = [c for c in ps.claims if not (c.cue_start is not None and m.start() <= c.cue_start < m.end())]
        k = ps.index_at(m.start("who"))
        b = ps.index_at(m.end("who")) - 1
        if k > b:
            continue
        who = ps.toks[k].low
        if who in T.PRONOUNS and k == b:
            mention = _accused(ps, claim)
            if mention is None:
                continue
        else:
            mention = ps.mention(k, b)
        ps.mentions.append(mention)
        verb = re.compile(r"\S+").match(ps.masked, m.start("verb"))
        ps.add((claim.start, claim.end), mention, verb, cue_words().get(m.group("verb").lower()),
               rule="charge-denied")


def _accused(ps: ParsedSentence, claim: RawClaim):
    """Who "it" denies for: the target of "accused X of", else the noun phrase the content opens
    with ("Moscow is arming ...")."""
    if claim.target is not None:
        a, b = claim.target
        k, e = ps.index_at(a), ps.index_at(b) - 1
    else:
        k = ps.index_at(claim.start)
        e = k
        while e + 1 < len(ps.toks) and ps.toks[e + 1].cap and ps.toks[e + 1].text.isalpha():
            e += 1
        if not ps.toks[k].cap:
            return None
    if k > e or not ps.toks[k].cap and ps.toks[k].low not in T.DETERMINERS:
        return None
    return ps.mention(k, e)
