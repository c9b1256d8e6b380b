"""Stance cues that take an object: who is accused, urged or described, and of what.

``accuse-of``    Norway accused Denmark of breaking the fishing agreement.       (target: Denmark)
``blame-for``    The mayor blamed the port authority for the delays.             (target: the port authority)
``condemn``      The government condemned the attack on the ferry.
``denounce``     The union denounced the tax as a betrayal of pensioners.        (target: the tax)
``criticise``    The union criticised the board for closing the depot.           (target: the board)
``praise``       The president praised the rescue teams for their courage.       (target: the rescue teams)
                 (content: "closing the depot"; "the rescue teams for their courage")
``welcome``      The committee welcomed the agreement on fishing quotas.
``reject``       The premier rejected the proposal as unworkable.                (target: the proposal)
``dismiss``      The governor dismissed the report as speculation.               (target: the report)
``deny``         The company denied any wrongdoing.
``demand``       The protesters demanded the resignation of the harbour master.
``call-for``     The union called for an independent inquiry.
``urge``         The minister urged Denmark to return to the talks.              (target: Denmark)
``call-on``      The mayor called on the ministry to publish the report.         (target: the ministry)
``describe-as``  The minister described the deal as a breakthrough.              (target: the deal)
``compare-to``   The mayor compared the strike to sabotage.                      (target: the strike)
``threaten-with`` The council threatened the club with a fine.                  (target: the club)

The content is what the stance is about: the accusation ("breaking the fishing agreement"),
what is condemned, the demand ("Denmark to return to the talks": who is to act is part of
it). The target, whom or what the stance is aimed at, is kept with the claim
(``RawClaim.target``). Which frame a cue takes is data (``data/stance_verbs.tsv``). A cue the
frame does not fit ("denied that ...", "accused him.") is left to the generic constructions
(``said-that``, ``said-clause``).
"""

from __future__ import annotations

import re

from claimsdb.extract import tokens as T
from claimsdb.extract import words as W
from claimsdb.extract.lexicon import CueInfo
from claimsdb.extract.phrases.noun_phrases import relative_antecedent
from claimsdb.extract.rules.said import _content_end, object_end
from claimsdb.extract.sentence import ParsedSentence
from claimsdb.extract.speakers import Mention
from claimsdb.extract.tokens import Token, rstrip

# Tokens an object may take before the preposition that ends it ("accused the head of the
# border agency of ...").
WINDOW = 10

Speaker = tuple[Mention, str, int]  # as speaker_before gives it: mention, how found, first token


def preposition(ps: ParsedSentence, i: int, words: frozenset[str] | set[str], prefer_ing: bool = False) -> int | None:
    """The first token from ``i`` (within WINDOW) that is one of ``words``, before the clause
    ends; with ``prefer_ing`` the first followed by an -ing form, if any ("of the agency of
    lying" takes the second "of")."""
    toks = ps.toks
    n = len(toks)
    found = []
    in_name = None  # "blamed the Department for Transport for ...": the first "for" is in a name
    for j in range(i, min(n, i + WINDOW)):
        t = toks[j]
        if t.low in words:
            if j > i and toks[j - 1].cap and j + 1 < n and toks[j + 1].cap and in_name is None and not prefer_ing:
                in_name = j
                continue
            if not prefer_ing:
                return j
            found.append(j)
        elif t.text in (",", ";", ":", "(", ")") or ps.is_stop(j) or t.low in ("that", "which", "who", "whom") \
                or (not t.cap and t.low in T.AUXILIARIES) or (j > i and ps.quote_starting(t)):
            break
    ing = [j for j in found if j + 1 < n and toks[j + 1].low.endswith("ing")]
    return (ing or found or [in_name])[0]


def to_infinitive(ps: ParsedSentence, i: int) -> int | None:
    """The "to" of "X to <verb>" from token ``i``: "urged Denmark to return"."""
    toks = ps.toks
    j = preposition(ps, i, {"to"})
    if j is None or j + 1 >= len(toks):
        return None
    verb = toks[j + 1]
    if verb.cap or not verb.text.isalpha() or verb.low in T.DETERMINERS or verb.low in T.PRONOUNS:
        return None  # "urged restraint to the police": a phrase, not what someone is to do
    return j


def phrase_after(ps: ParsedSentence, i: int) -> tuple[int, int] | None:
    """The phrase from token ``i`` to the end of its clause ("blamed the delays on *the port
    authority*, which ..."), if it is short enough to name someone; token indices, inclusive."""
    toks = ps.toks
    j = i
    while j < len(toks) and j - i < 8 and toks[j].text not in (",", ";", ":", "(", ")", "—", "–") and not ps.is_stop(j) \
            and toks[j].low not in ("that", "which", "who", "because", "after", "when", "while"):
        j += 1
    if j == i or j - i >= 8:
        return None
    return i, j - 1


def object_start(ps: ParsedSentence, i: int) -> bool:
    """An object that can be the content starts at token ``i``: not a that-clause, an
    infinitive, a passive's agent ("accused by X of"), an adjunct ("on Monday") or the end of
    the clause."""
    toks = ps.toks
    if i >= len(toks):
        return False
    t = toks[i]
    if t.low in W.NO_CONTENT_OBJECTS and t.low != "that":
        # "denied this assertion" names what is denied; "denied it" points elsewhere.
        return i + 1 < len(toks) and toks[i + 1].text.isalpha() and toks[i + 1].low not in W.ADJUNCT_STARTS
    return not (t.text in (",", ".", ";", ":", "!", "?", ")", "(") or t.low in ("that", "to", "by")
                or t.low in W.ADJUNCT_STARTS or t.low in T.DATE_WORDS)


def noun_use(ps: ParsedSentence, info: CueInfo, a: int, k0: int, k1: int) -> bool:
    """The cue word is a noun here: "demand for heating oil", "Strong demand triggers a rally"
    (a one-word subject that the article also writes in lower case is no name); or an
    imperative, which reports nobody ("Don't blame the referee")."""
    toks = ps.toks
    if info.form == "base" and a == 0 and toks[0].low in ("don't", "don’t", "never", "do", "let's", "let’s"):
        return True
    if not info.ambiguous or info.form not in ("base", "s"):
        return False
    if k1 < len(toks) and (toks[k1].low in T.PREPOSITIONS or toks[k1].low in T.AUXILIARIES):
        return True
    if a != 0 or k0 != 1 or not toks[0].cap:
        return False
    return re.search(rf"\b{re.escape(toks[0].low)}\b", ps.text) is not None


def passive(ps: ParsedSentence, k0: int, info: CueInfo) -> bool:
    """"was accused of", "has been criticised for": the subject is the target, not the speaker."""
    toks = ps.toks
    i = k0 - 1
    while i >= 0 and not toks[i].cap and toks[i].low in T.ADVERBS:
        i -= 1
    return info.form == "ed" and i >= 0 and toks[i].low in T.PASSIVE_AUX


def record(ps: ParsedSentence, m: re.Match, info: CueInfo, rule: str, before: Speaker, k0: int, k1: int,
           start: int, lead: Token | None, shared: str | None, boundary: int | None,
           target: tuple[int, int] | None = None, hint: str = "complement", end: int | None = None) -> bool:
    """Add the claim whose content starts at token ``start`` (and ends at offset ``end``, by
    default where its clause does), with ``target`` (token indices, inclusive); False when too
    little content is left for a claim."""
    toks = ps.toks
    mention, how, a = before
    if shared and boundary is not None and any(
        c.start <= toks[k0].start < c.end and c.extra.get("hint") in ("that", "colon", "quote")
        for c in ps.claims[-32:]
    ):
        return True  # "X argued that A persisted but also denied B": B's subject is A
    begin = toks[start].start
    clause_end = object_end(ps, k1, _content_end(ps, how, a, k1, begin, lead, past=info.form == "ed"))
    end = min(end, clause_end) if end is not None else clause_end
    quote = ps.by_start.get(begin)
    if quote is not None and quote.end >= end - 1:
        end = max(quote.end, end)
    if hint == "complement":
        end = _before_trailing_day(ps, begin, end)
    claim = ps.add((begin, end), mention, m, info, rule=rule)
    if claim is None:
        return False
    claim.extra["hint"] = hint
    if target is not None:
        claim.target = (toks[target[0]].start, toks[target[1]].end)
    if shared and boundary is not None:
        claim.shared_subject = True
        claim.boundary = boundary
    return True


def _before_trailing_day(ps: ParsedSentence, begin: int, end: int) -> int:
    """``end``, or before a day that closes the object and dates the stance, not the thing
    ("dismissed the plan *on Thursday*, saying ...", "welcomed the deal on Monday."; rule
    object-then-day): "on" and a weekday after a noun, before a comma or the end, not after a
    participle ("the deal signed on Monday" keeps its day)."""
    toks = ps.toks
    first = ps.index_at(begin)
    for on in range(first + 1, len(toks) - 1):
        if toks[on].start >= end:
            break
        day = toks[on + 1]
        if toks[on].low != "on" or day.low not in W.WEEKDAYS or day.low in ("today", "tonight", "yesterday"):
            continue
        after = toks[on + 2] if on + 2 < len(toks) else None
        if after is not None and after.start < end and after.text not in (",", ";", ".", "—", "–"):
            continue
        noun = toks[on - 1]
        if not noun.text.replace("’", "").replace("'", "").isalpha() or noun.low.endswith("ed") \
                or noun.low in T.PREPOSITIONS or noun.low in T.DETERMINERS:
            return end
        return rstrip(ps.text, begin, toks[on].start)
    return end


def _accusation(ps, m, info, rule, before, k0, k1, lead, shared, boundary) -> bool:
    """``of``: "accused X of Y"."""
    j = preposition(ps, k1 + 1, {"of"}, prefer_ing=True)
    if j is None or not object_start(ps, k1) or not object_start(ps, j + 1):
        return False
    return record(ps, m, info, rule, before, k0, k1, j + 1, lead, shared, boundary, (k1, j - 1))


def _blame(ps, m, info, rule, before, k0, k1, lead, shared, boundary) -> bool:
    """``for``: "blamed X for Y", or "blamed Y on X"."""
    if not object_start(ps, k1):
        return False
    j = preposition(ps, k1 + 1, {"for", "on"})
    if j is None or not object_start(ps, j + 1):
        # "blamed a payout to settle the lawsuit brought by ... for": the culprit is the object.
        return record(ps, m, info, rule, before, k0, k1, k1, lead, shared, boundary)
    if ps.toks[j].low == "for":
        return record(ps, m, info, rule, before, k0, k1, j + 1, lead, shared, boundary, (k1, j - 1))
    return record(ps, m, info, rule, before, k0, k1, k1, lead, shared, boundary, phrase_after(ps, j + 1))


def _object(ps, m, info, rule, before, k0, k1, lead, shared, boundary, split_for: bool = False) -> bool:
    """``object`` and ``object-for``: the object is the content; "X as Y" and (object-for)
    "X for Y" name X as the target."""
    toks = ps.toks
    if not object_start(ps, k1):
        return False
    j = preposition(ps, k1 + 1, {"as", "for"} if split_for else {"as"})
    if j is not None and toks[j].low == "for":
        if toks[j - 1].low not in W.FOR_NOUNS and object_start(ps, j + 1):
            # "criticised the board for closing the depot": what the board did is the content;
            # "praised the teams for their courage" reads whole.
            start = j + 1 if toks[j + 1].low.endswith("ing") else k1
            return record(ps, m, info, rule, before, k0, k1, start, lead, shared, boundary, (k1, j - 1))
        j = preposition(ps, k1 + 1, {"as"})
    target = (k1, j - 1) if j is not None and object_start(ps, j + 1) else None
    return record(ps, m, info, rule, before, k0, k1, k1, lead, shared, boundary, target)


def _object_for(ps, m, info, rule, before, k0, k1, lead, shared, boundary) -> bool:
    return _object(ps, m, info, rule, before, k0, k1, lead, shared, boundary, split_for=True)


def _appeal(ps, m, info, rule, before, k0, k1, lead, shared, boundary, required: bool = False) -> bool:
    """``to`` and ``call-on``: "urged X to Y" (X the target; "X to Y" the content); "urged
    restraint" (the object is the content) unless the target is ``required``."""
    if not object_start(ps, k1):
        return False
    j = to_infinitive(ps, k1 + 1)
    if j is None:
        return not required and _object(ps, m, info, rule, before, k0, k1, lead, shared, boundary)
    last = j - 1
    while last > k1 and ps.toks[last].low in ("not", "never"):
        last -= 1  # "urged voters not to ...": the negation belongs to the demand
    return record(ps, m, info, rule, before, k0, k1, k1, lead, shared, boundary, (k1, last))


def _call_on(ps, m, info, rule, before, k0, k1, lead, shared, boundary) -> bool:
    return _appeal(ps, m, info, rule, before, k0, k1, lead, shared, boundary, required=True)


def _description(ps, m, info, rule, before, k0, k1, lead, shared, boundary) -> bool:
    """``as``: "described X as Y"; "what he described as Y" has the content only."""
    toks = ps.toks
    if k1 < len(toks) and toks[k1].low == "as":
        # "what he described as successful talks, he ...": the description ends its clause.
        comma = next((x for x in range(k1 + 1, len(toks)) if toks[x].text == ","), None)
        # "the plan, which Berg described as reckless": the claim names what was described,
        # as "described the plan as reckless" does, and that is the target (rule
        # relative-antecedent).
        ante = relative_antecedent(ps, before[2]) if before[1] in ("subject", "pronoun") else None
        return object_start(ps, k1 + 1) and record(ps, m, info, rule, before, k0, k1, ante[0] if ante else k1 + 1, lead,
                                                   shared, boundary, target=ante,
                                                   end=toks[comma].start if comma is not None else None)
    j = preposition(ps, k1 + 1, {"as"})
    if j is None or not object_start(ps, k1) or not object_start(ps, j + 1):
        return False
    return record(ps, m, info, rule, before, k0, k1, k1, lead, shared, boundary, (k1, j - 1))


def _comparison(ps, m, info, rule, before, k0, k1, lead, shared, boundary) -> bool:
    """``compare``: "compared X to Y" or "with Y" (X the target; "X to Y" the content: the
    comparison is the claim). Nothing else is: not "compared prices", nor the participle of
    "41% of men, compared to 38% of women" (True: no other construction may take the cue)."""
    j = preposition(ps, k1 + 1, {"to", "with"})
    if j is None or j == k1 or not object_start(ps, k1) or not object_start(ps, j + 1):
        return True
    record(ps, m, info, rule, before, k0, k1, k1, lead, shared, boundary, (k1, j - 1))
    return True


def _threat(ps, m, info, rule, before, k0, k1, lead, shared, boundary) -> bool:
    """``with``: "threatened X with Y" (X the target, Y the content: what is threatened)."""
    j = preposition(ps, k1 + 1, {"with"})
    if j is None or not object_start(ps, k1) or not object_start(ps, j + 1):
        return False
    return record(ps, m, info, rule, before, k0, k1, j + 1, lead, shared, boundary, (k1, j - 1))


# Frame name (data/stance_verbs.tsv) → the function that finds its claim.
FRAMES = {
    "of": _accusation,
    "for": _blame,
    "object": _object,
    "object-for": _object_for,
    "to": _appeal,
    "call-on": _call_on,
    "as": _description,
    "compare": _comparison,
    "with": _threat,
}
