"""``relay``: a medium passes on what someone else said; the claim is the original speaker's.

"Interfax quoted the minister as saying the border would stay closed."
"The minister was quoted by Interfax as saying the border would stay closed."
"The border will stay closed, Interfax quoted the minister as saying."
"The minister said the border would stay closed, Interfax reported."
"The border is closed, according to Reuters, citing local police."
The relaying medium is kept as the claim's ``via``. The claim keeps the construction that found
its content for the confidence model (``extra["relay"]``) and is stored under the rule name
``relay``.
"""

from __future__ import annotations

import re

from claimsdb.extract import tokens as T
from claimsdb.extract.lexicon import CueInfo, word_set
from claimsdb.extract.phrases.content import content_after, content_before, trailing_only
from claimsdb.extract.phrases.noun_phrases import left_np, right_np
from claimsdb.extract.sentence import ParsedSentence, RawClaim
from claimsdb.extract.speakers import Mention
from claimsdb.extract.tokens import rstrip

# Verbs a medium relays with: "quoted X as saying", "X was quoted by Y as saying".
_QUOTING = word_set("relay_verbs.txt")
# Reporting verbs whose speaker, a medium, passes on the claims inside its content:
# "X said ..., Interfax reported."
_REPORTING = frozenset({"report", "quote", "cite", "say", "write"})


def relay_cue(ps: ParsedSentence, m: re.Match, info: CueInfo, k0: int, k1: int) -> bool:
    """The claim of "saying" in a quoting construction; True when the cue is one."""
    if info.form != "ing":
        return False
    found = _quoting(ps, k0)
    if found is None:
        return False
    speaker, via, first, a = found
    toks = ps.toks
    after = content_after(ps, k1, info, toks[a])
    if after is not None:
        span = (after[0], ps.content_end())
    elif trailing_only(ps, k1) and first > 0 and (toks[first - 1].text == "," or ps.quote_ending(toks[first - 1])):
        # (after a quotation too: '"...," he was quoted by the ministry as saying.')
        span = content_before(ps, first)
    else:
        return True
    if span:
        claim = ps.add(span, speaker, m, info, rule="said-that" if after and after[1] == "that" else "said-clause")
        if claim is not None:
            _relayed(claim, via)
    return True


def _quoting(ps: ParsedSentence, k: int) -> tuple[Mention, Mention, int, int] | None:
    """(speaker, medium, first token of the construction, first token of the speaker) of the
    "saying" at ``k``, or None."""
    toks = ps.toks
    j = k - 1
    if j >= 0 and toks[j].low == "as":
        j -= 1
    # The quoting verb, a few words back and in the same clause.
    q = next((x for x in range(j, max(-1, j - 16), -1) if toks[x].low in _QUOTING), None)
    if q is None or any(toks[x].text in (",", ";", ":") or ps.quote_starting(toks[x]) for x in range(q + 1, j + 1)):
        return None
    aux = q - 1
    while aux >= 0 and (toks[aux].low in T.PASSIVE_AUX or toks[aux].low in T.ADVERBS or toks[aux].low in T.AUXILIARIES):
        aux -= 1
    passive = aux < q - 1 and any(toks[x].low in T.PASSIVE_AUX for x in range(aux + 1, q))
    if passive and q + 1 <= j and toks[q + 1].low == "by":
        # "The mayor, Ann Berg, was quoted by Interfax as saying"
        medium = right_np(ps, q + 2, j + 1)
        if medium is None and j >= q + 2 and all(
                toks[x].text.replace("-", "").replace("'", "").replace("’", "").isalnum() for x in range(q + 2, j + 1)):
            medium = (q + 2, j)  # "by the ministry's press service": a possessive inside the medium
        subject = _subject(ps, aux)
        if medium is None or subject is None:
            return None
        return subject[0], ps.mention(*medium), subject[1], subject[1]
    if passive:
        return None  # "X is quoted as saying": no medium named (speaker.quoted_as)
    # The speaker runs from the quoting verb to "as saying": "a spokesman for the city council".
    speaker = right_np(ps, q + 1, j + 1)
    medium = left_np(ps, aux) if aux >= 0 else None
    # Words only between the speaker phrase and "saying" ("anti-toll" is one).
    if speaker is None or medium is None or any(
            not toks[x].text.replace("-", "").isalnum() and toks[x].text not in ("'s", "’s", "-", ".")
            for x in range(speaker[1] + 1, j + 1)):
        return None
    return ps.mention(speaker[0], j), ps.mention(*medium), medium[0], speaker[0]


def _subject(ps: ParsedSentence, i: int) -> tuple[Mention, int] | None:
    from claimsdb.extract.phrases.speaker import appositive_subject

    if i < 0:
        return None
    if ps.toks[i].text == ",":
        found = appositive_subject(ps, i)
        return (found[0], found[2]) if found else None
    if ps.toks[i].low in ("he", "she", "they") and (i == 0 or not ps.toks[i - 1].text.isalpha()):
        # '"...," he was quoted by the ministry as saying': the pronoun, resolved like any other
        mention = ps.mention(i, i)
        mention.pronoun = T.PRONOUNS[ps.toks[i].low]
        mention.plural = mention.pronoun == "they"
        return mention, i
    span = left_np(ps, i)
    return (ps.mention(*span), span[0]) if span else None


def relay_reports(ps: ParsedSentence) -> None:
    """A medium's claim whose content holds another speaker's claim relays that claim:
    "The minister said the border would stay closed, Interfax reported." The other claim
    gets the medium as its ``via``, and the medium's claim goes."""
    if len(ps.claims) < 2:
        return
    dropped: list[RawClaim] = []
    for r in ps.claims:
        if r.mention.type != "media" or r.info is None or r.info.lemma not in _REPORTING or r.cue_start is None:
            continue
        # (an inverted report's content may stop at a fronted phrase's comma, "Meanwhile, X
        # said ..., Interfax reported": what it reports runs on to the medium's name)
        reach = max(r.end, r.mention.start) if r.start < r.mention.start else r.end
        inner = [c for c in ps.claims if c is not r and c.cue_start is not None and r.start <= c.cue_start < reach
                 and c.mention.name != r.mention.name and c.via is None]
        for c in inner:
            _relayed(c, r.mention)
            if c.start < r.mention.start < c.end:
                c.end = _before_comma(ps.text, c.start, r.mention.start)
        if inner:
            dropped.append(r)
    if dropped:
        ps.claims = [c for c in ps.claims if all(c is not d for d in dropped)]


def relay_source(text: str, claim: RawClaim, source: Mention, citing: bool) -> None:
    """"..., according to Reuters, citing local police": the cited source is the speaker and
    the medium that cited it the ``via``; otherwise ``source`` relays ``claim``."""
    if citing and claim.rule == "according-to" and claim.mention.type == "media" and claim.via is None \
            and source.end > claim.mention.end:
        medium = claim.mention
        claim.mention = source
        _relayed(claim, medium)
        if claim.cue_start is not None and claim.start < claim.cue_start < claim.end:
            claim.end = _before_comma(text, claim.start, claim.cue_start)
        return
    claim.via = source


def follows_attribution(ps: ParsedSentence, claim: RawClaim, pos: int) -> bool:
    """'"...," the minister said, according to Reuters': the source at ``pos`` comes right
    after the claim's speaker and cue, so it relays that claim."""
    if claim.cue_end is None or claim.end > claim.cue_start or pos < claim.cue_end:
        return False
    between = ps.text[max(claim.cue_end, claim.mention.end) : pos]
    return len(between) < 40 and between.strip(" ,") == "" or (
        between.rstrip().endswith(",") and all(w.lower() in T.DATE_WORDS or w.lower() in ("on", "in", "late", "early")
                                               for w in between.strip(" ,").split())) or _attribution_adjunct(between)


# Words that open another clause: what follows them is not the attribution's adjunct.
_CLAUSE_OPENERS = frozenset("and but while whereas although though which who whom that because as".split())


def _attribution_adjunct(between: str) -> bool:
    """'"...," Vale told the premier during talks on May 9, according to the transcript': the
    words between the cue and the source only say to whom, where or when it was said (no
    quotation, no clause of their own), so the source vouches for the claim before them (rule
    relay-after-adjunct)."""
    words = between.strip(" ,").split()
    return (between.rstrip().endswith(",") and 0 < len(words) <= 14 and len(between) < 100
            and not any(ch in between for ch in "\"“”«»;:") and not any(w.lower() in _CLAUSE_OPENERS for w in words))


def _before_comma(text: str, start: int, end: int) -> int:
    """``end`` moved back over the spaces and the comma that end a clause."""
    end = rstrip(text, start, end)
    while end > start and text[end - 1] in ",;—–-":
        end = rstrip(text, start, end - 1)
    return end


def _relayed(claim: RawClaim, medium: Mention) -> None:
    claim.via = medium
    claim.extra["relay"] = True
