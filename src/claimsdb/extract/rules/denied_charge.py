"""``denied-charge``: a charge the writer reports, then who denies it, after a comma.

"Sweden says Norway is funding the protesters, charges it has denied." / "The union accused
the board of lying, an accusation the board rejects." / "..., something Russia denies." /
"..., which Copenhagen denies." The clause after the comma is a claim of
its own: the accused denies the charge. Its content is the charge (the content of the claim
before the comma, which ends there; without one, all before the comma), its cue the verb of
denial. A pronoun ("it", "he") stands
for whom the charge is about: the target of "accused X of", else the name that opens the charge
("Norway is funding ..."), when one does; otherwise the pronoun is resolved like any other.
"""

from __future__ import annotations

import re

from claimsdb.pattern_cache import compile_pattern
from claimsdb.extract import tokens as T
from claimsdb.extract.phrases.noun_phrases import left_np
from claimsdb.extract.sentence import ParsedSentence, cue_info

# ", (a|an|the) charge(s) (that|which) SPEAKER (has|have) (always|strongly) denied": the
# speaker phrase is what lies between the noun and the verb of denial, which ends the sentence.
_CHARGE = compile_pattern(
    r",\s+(?:(?:(?:a|an|the)\s+)?(?:charges?|claims?|accusations?|allegations?|assertions?|suggestions?)"
    r"\s+(?:(?:that|which)\s+)?|(?:something|which)\s+)(?P<speaker>[^,;:.!?\"“”]{1,60}?)\s+"
    r"(?:(?:has|have|had|always|repeatedly|strongly|flatly|vehemently|consistently|long)\s+)*"
    r"(?P<verb>denied|denies|deny|rejected|rejects|reject|dismissed|dismisses|dismiss|disputes|disputed|dispute)"
    r"(?=\s*[.!?]?\s*$)",
    re.IGNORECASE,
)
_SPAN = compile_pattern(r"[\s\S]+")


def denied_charge(ps: ParsedSentence) -> None:
    """The denial that closes the sentence, claiming the charge before its comma."""
    masked = ps.masked
    found = _CHARGE.search(masked, ps.sent.start, ps.sent.end)
    if found is None:
        return
    comma = found.start()
    verb = _SPAN.match(masked, found.start("verb"), found.end("verb"))
    # The verb of denial read as an inverted attribution of all before the comma: replaced.
    ps.claims = [c for c in ps.claims if c.cue_start != verb.start()]
    charge = next((c for c in ps.claims if c.start < comma <= c.end + 1), None)
    toks = ps.toks
    # Without a claim of the charge ("Russia has been accused of arming the rebels, a charge it
    # denies") what is denied is all before the comma.
    charge_start = charge.start if charge is not None else ps.sent.start
    a, b = ps.index_at(found.start("speaker")), ps.index_at(found.end("speaker")) - 1
    if a > b or b >= len(toks):
        return
    if a == b and toks[a].low in ("it", "he", "she", "they"):
        named = _target(ps, charge) or _charged(ps, charge_start)
        if named is not None and _agrees(toks[a].low, named):
            mention = named
        else:
            mention = ps.mention(a, a)  # resolved like any pronoun
    else:
        span = left_np(ps, b)
        if span is None or span[0] != a:
            return
        mention = ps.mention(*span)
    claim = ps.add((charge_start, comma), mention, verb, cue_info(verb.group()), rule="denied-charge")
    if claim is not None:
        claim.boundary = comma  # the charge's own claim ends at the comma


def _agrees(pronoun: str, named) -> bool:
    """A person or an unnamed one ("the mayor") for he/she, many for they, a body for it."""
    if pronoun in ("he", "she"):
        return named.type in ("person", "anonymous") and not named.plural and named.gender in (None, pronoun)
    if pronoun == "they":
        return named.plural or named.type in ("organization", "group", "country")
    # "it" for a body or a country, or a name with nothing of a person's (no given name, no title)
    return not named.plural and (named.type not in ("person", "anonymous")
                                 or named.type == "person" and named.gender is None and not named.known_given_name
                                 and not named.role)


def _target(ps: ParsedSentence, charge):
    """Whom the charge is aimed at, when its claim has a target ("accused Denmark of ...")."""
    if charge is None or charge.target is None:
        return None
    a, b = ps.index_at(charge.target[0]), ps.index_at(charge.target[1]) - 1
    return ps.mention(a, b) if a <= b else None


def _charged(ps: ParsedSentence, start: int):
    """The subject opening the charge ("Norway is funding ...", "the mayor had taken ..."):
    whom it accuses; None when no speaker phrase is followed by a verb there."""
    toks = ps.toks
    a = ps.index_at(start)
    for b in range(min(a + 5, len(toks) - 2), a - 1, -1):
        nxt = toks[b + 1].low
        if not (nxt in T.AUXILIARIES or nxt.endswith(("ed", "s")) and nxt.isalpha()):
            continue
        span = left_np(ps, b)
        if span is not None and (span[0] == a or span[0] == a + 1 and toks[a].low in T.DETERMINERS):
            return ps.mention(*span)
    return None
