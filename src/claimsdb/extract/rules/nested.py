"""A claim inside another claim's content is part of that statement (rule nested-claim).

"Opinion polls suggested that the public backed the idea, he said.": what the polls suggested
is what he said; the polls are only what he cited. "The commissioner says he is asking for
details": his asking is part of what the commissioner says. A claim whose speaker, cue and
content all lie inside the content of another claim of the same sentence is not stored as a
statement of its own. (A medium's claim holding another speaker's, "X said ..., Interfax
reported.", is a relay instead: rules.relay, which runs first.)

Not nested: a country's claim ("Norway ruled out a tax, the finance ministry said": the state's
position, which its ministry voices); a claim whose speaker opens a clause of its own after a conjunction ("Halifax said
prices rose and Nationwide reported a fall", "... though he acknowledged ..."), where the
other claim's content ran on too far; nor one in a relative clause ("the drone that
Oslo says crossed the border": the writer's attribution, set in another's words);
nor a speech noun's claim that is the whole object of another's cue ("rejected Denmark's claim that
..."), nor a claim inside an "according to" or "as" aside ("According to the paper, the minister said
...": the minister is the speaker the paper cites) or inside what a reporter reported ("...,
until he said in May that ..., the agency reported": the reporter passes it on).
"""

from __future__ import annotations

from bisect import bisect_right

from claimsdb.extract import tokens as T
from claimsdb.extract.lexicon import object_stance_rules
from claimsdb.extract.sentence import ParsedSentence, RawClaim, cue_info

# Words before a speaker phrase that open a clause of its own, not part of another's content,
# or a relative clause the writer attributes.
_CONJUNCTIONS = frozenset(("and", "but", "while", "whereas", "though", "although", "yet",
                           "that", "which", "who", "whom", "what", "how"))
# Rules whose content is no statement the claims inside it belong to.
_ASIDES = frozenset(("according-to", "as-x-put-it"))


def _reach(claim: RawClaim) -> tuple[int, int] | None:
    """The span from the first to the last offset of the claim's speaker phrase, cue and content."""
    if claim.cue_start is None or claim.cue_end is None:
        return None
    return (min(claim.mention.start, claim.cue_start, claim.start),
            max(claim.mention.end, claim.cue_end, claim.end))


def drop_nested(ps: ParsedSentence) -> None:
    """Drop the claims of the sentence that lie wholly inside another claim's content.

    The possible outer claims are sorted by where their content starts, with the two furthest
    content ends among each prefix, so each claim is checked by one bisection: a sentence of
    many attributions stays near linear."""
    claims = ps.claims
    if len(claims) < 2:
        return
    # "Berg added: Berg said: \"...\"": content after a colon that opens with another
    # attribution is that attribution's; the cue before the colon has none of its own.
    speakers_at = {c.mention.start for c in claims}
    empty = [o for o in claims if o.extra.get("hint") == "colon" and o.start in speakers_at]
    if empty:
        claims = ps.claims = [c for c in claims if all(c is not e for e in empty)]
    outers = sorted((o for o in claims if o.rule not in _ASIDES and (o.info is None or o.info.lemma != "report")),
                    key=lambda o: o.start)
    starts = [o.start for o in outers]
    # best[i]: the furthest content end among outers[: i + 1] and its claim, and the
    # furthest end among the others.
    best: list[tuple[int, int, int]] = []
    top, top_id, second = -1, 0, -1
    for o in outers:
        if o.end > top:
            top, top_id, second = o.end, id(o), top
        elif o.end > second:
            second = o.end
        best.append((top, top_id, second))
    nested = []
    contents_from = {o.start for o in claims if o.rule in object_stance_rules()}
    for c in claims:
        reach = _reach(c)
        if reach is None or c.mention.type == "country" or _after_conjunction(ps, c):
            continue  # "Norway ruled out a tax, the ministry said": the state's own position
        if c.rule == "speech-noun" and c.mention.start in contents_from:
            continue  # "rejected Denmark's claim that ...": the object is Denmark's claim, not the ministry's
        i = bisect_right(starts, reach[0]) - 1
        if i < 0:
            continue
        top, top_id, second = best[i]
        if (second if top_id == id(c) else top) >= reach[1]:
            nested.append(c)
    if nested:
        ps.claims = [c for c in claims if all(c is not d for d in nested)]


def _after_conjunction(ps: ParsedSentence, claim: RawClaim) -> bool:
    """The claim's speaker phrase (after a few lower-case words it did not take in: "and human
    rights groups warned", ", the 34-year-old mother replied") comes after a conjunction, a
    comma or a relative word: a clause of its own; or the claim is a relative clause whose
    content opens with its verb or with the noun it is about ("meddling the congressman said
    is designed to ...")."""
    toks = ps.toks
    c = ps.index_at(claim.start)
    if c < len(toks) and not toks[c].cap and toks[c].low in T.AUXILIARIES \
            or claim.start < claim.mention.start and claim.extra.get("hint") == "complement":
        return True  # (a content before its speaker: the relative clause kept its noun)
    k = ps.index_at(claim.mention.start)
    x = k - 1
    while x >= 0 and k - x <= 3 and toks[x].text.replace("-", "").isalnum() and not toks[x].cap \
            and toks[x].low not in _CONJUNCTIONS and not cue_info(toks[x].text):
        x -= 1
    if x < 0:
        return False
    if toks[x].cap and toks[x].low == "the" and x + 1 == k and x > 0 and toks[x - 1].text.isalpha() and not toks[x - 1].cap:
        return True  # "... the regional centers The agency said ...": a sentence whose full stop was lost
    return toks[x].low in _CONJUNCTIONS or toks[x].text in (",", ";")
