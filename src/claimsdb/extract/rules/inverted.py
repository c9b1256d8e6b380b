"""Content first, attribution after: the inverted constructions.

``inverted-said``       "The talks will resume in May," the minister said.
``inverted-verb-first`` "The talks will resume in May," said the minister.
``parenthetical-said``  The talks, the minister said, will resume in May.
``quote-resumed``       "Still," she said, "The talks will not resume."
                        ('"The talks," she said, "will not resume."' is one claim: split-quotation)
``said-then-quote``     The minister said in a statement: / "The talks will resume in May."
                        (an attribution with no content of its own: rules.quotes attaches
                        the quotation that follows or precedes it)
"""

from __future__ import annotations

import re

from claimsdb.extract import tokens as T
from claimsdb.extract import words as W
from claimsdb.extract.lexicon import CueInfo, stance_frames
from claimsdb.extract.phrases.content import content_before, opener_only, parenthetical, trailing_only
from claimsdb.extract.phrases.noun_phrases import person_head, right_np
from claimsdb.extract.phrases.speaker import appositive_end
from claimsdb.extract.rules.stance import to_infinitive
from claimsdb.extract.sentence import ParsedSentence, RawClaim, cue_info
from claimsdb.extract.speakers import Mention


# Words after "..., said X," that join another clause rather than resume the statement:
# '"...," said an official, who added ...', '..., said the report, and an estimated ...'.
_JOINS_ANOTHER_CLAUSE = T.words("and or but nor though although because while whereas who which whose since "
                                "so as when before after until unless")


# An answer given with the cue ("said yes"): the speaker's words come after the cue.
_ANSWERS = T.words("yes no")


def _lower_appositive(ps: ParsedSentence, i: int) -> bool:
    """Tokens from ``i`` up to a comma name the speaker's title in lower case, no clause:
    "principal security consultant at Cisco,"."""
    toks = ps.toks
    for x in range(i, min(len(toks), i + 9)):
        t = toks[x]
        if t.text == ",":
            return x > i and any(person_head(toks[y]) for y in range(i, x))
        if ps.is_stop(x) or (not t.cap and (t.low in T.AUXILIARIES or t.low.endswith("ed"))) or cue_info(t.text):
            return False
    return False


def _time_before_speaker(ps: ParsedSentence, i: int) -> int:
    """The token after a time phrase at token ``i`` that stands between a verb-first cue and its
    speaker, as translations keep the source's order ("..., said on Wednesday the head of the
    committee X.", "..., stated earlier today X."): "on" and a weekday or date, or one or two
    words of time ("yesterday", "earlier today"); ``i`` when none is there. Only when a
    capitalised word or "the" follows, the speaker's phrase."""
    toks = ps.toks
    n = len(toks)
    j = i
    if j + 1 < n and toks[j].low == "on" and (toks[j + 1].low in T.DATE_WORDS or toks[j + 1].text[:1].isdigit()):
        j += 1
        while j < n and j < i + 4 and (toks[j].low in T.DATE_WORDS or toks[j].text[:1].isdigit()):
            j += 1  # "on Wednesday", "on 3 March", "on March 3"
    else:
        while j < n and j < i + 2 and toks[j].low in T.DATE_WORDS and toks[j].low not in ("may", "march"):
            j += 1
    if j == i or j >= n or not (toks[j].cap or toks[j].low == "the"):
        return i
    return j


def inverted_verb_first(ps: ParsedSentence, m: re.Match, info: CueInfo, k0: int, k1: int) -> bool:
    """``inverted-verb-first``: '"The talks will resume in May," said the minister.'

    True when the cue is followed by its speaker (whether or not a claim came out), so no
    other construction is tried.
    """
    toks = ps.toks
    prev = toks[k0 - 1] if k0 > 0 else None
    if prev is None or not (prev.text == "," or ps.quote_ending(prev)) or info.form not in ("ed", "s"):
        return False
    span = right_np(ps, k1)
    when = _time_before_speaker(ps, k1)
    if when > k1:
        span = right_np(ps, when)  # '..., said on Wednesday the minister.' (rule time-then-speaker)
    appositive = None
    if span and toks[span[1]].low not in T.DATE_WORDS:
        end = appositive_end(ps, span[1])
        if end > span[1] and (toks[span[1] + 1].low in ("who", "whose") or not any(
                not t.cap and t.low in T.AUXILIARIES for t in toks[span[1] + 1 : end + 1])):
            # (with a verb it is no appositive but the content going on: "As a result, says
            # the committee, the government may need to ...")
            first = span[1] + (2 if toks[span[1] + 1].text == "," else 1)
            appositive = (first, end) if first <= end else None
            span = (span[0], end)
    if not (span and trailing_only(ps, span[1] + 1)) or _infinitive_follows(ps, span[1] + 1) \
            or _frame_object(ps, info, span[1] + 1):
        return False
    if ps.heading and any(t.low in T.AUXILIARIES for t in toks[span[0] : span[1] + 1]):
        return False  # "Macron Urges Unity, Says Visit Was Vital": a clause, what he says
    if appositive:
        core_end = appositive[0] - (2 if toks[appositive[0] - 1].text == "," else 1)
        mention = ps.mention(span[0], core_end, appositive)
    else:
        mention = ps.mention(*span)
    content = content_before(ps, k0)
    if content and info.lemma in W.NAMING and not ps.quote_ending(prev):
        return True  # "The program, called EB-5, allows ...": a name, not a speaker
    if content:
        rule = "inverted-verb-first"
        after = span[1] + 1
        if after + 1 < len(toks) and toks[after].text == "," and not ps.is_stop(after + 1) and not ps.quote_ending(prev):
            if opener_only(ps, *content, toks[after + 1]) and not _lower_appositive(ps, after + 1):
                # (not before the speaker's title in lower case: "Not least, said X, principal
                # consultant at Y, because ...")
                # "For instance, said Mr Berg, filtering ... can stop spam": what follows the
                # aside is the statement (rule opener-not-content)
                content, rule = (toks[after + 1].start, ps.content_end()), "parenthetical-said"
            elif parenthetical(ps, k0, after) and toks[after + 1].low not in _JOINS_ANOTHER_CLAUSE and (
                    toks[after + 1].low in T.AUXILIARIES or toks[after + 1].low in W.THAT_SUBJECT_VERBS
                    or toks[ps.index_at(content[0])].low in W.SUBORDINATORS):
                # (the sentence goes on with its verb, or after an opening clause: not '"...",
                # said X, licence manager at Y')
                content, rule = (content[0], ps.content_end()), "parenthetical-said"  # "This, said X, should ..."
        first = ps.add(content, mention, m, info, rule=rule)
        resumed_quote(ps, span[1] + 1, mention, m, info, first)
    return True


def _frame_object(ps: ParsedSentence, info: CueInfo, i: int) -> bool:
    """"Anna Berg, head of the X company Y, accused Norway of lying": the phrase after a cue whose
    frame puts the content after a preposition ("accused X of Y", "blamed X for Y") is its
    object when that preposition follows it, not a speaker put after the cue (rule
    frame-object-not-speaker)."""
    frame = stance_frames().get(info.lemma)
    return frame is not None and frame.frame in ("of", "for", "object-for") and i < len(ps.toks) \
        and ps.toks[i].low == ("of" if frame.frame == "of" else "for")


def _infinitive_follows(ps: ParsedSentence, i: int) -> bool:
    """"..., demanded the monitors to leave": "to" and a verb make the phrase the cue's object,
    not a speaker put after the cue ("..., said the minister to reporters")."""
    if to_infinitive(ps, i) != i:
        return False
    verb = ps.toks[i + 1].low  # not "to reporters", "to me"
    return not verb.endswith("s") and verb not in T.OBJECT_PRONOUNS


def inverted_said(ps: ParsedSentence, m: re.Match, info: CueInfo, mention: Mention, a: int, k1: int) -> bool:
    """``inverted-said`` after a quotation: '"...," Mr. Manafort said on CBS's "Face the Nation."'

    The quotation before the speaker is the content, whatever follows the cue. True when a
    claim came out.
    """
    if k1 < len(ps.toks) and ps.toks[k1].low in _ANSWERS:
        return False  # '"...," and Berg said yes': the words before are not her answer
    content = content_before(ps, a)
    if not content:
        return False
    if opener_only(ps, *content) and resumed_quote(ps, k1, mention, m, info):
        return True  # '"Also," he said, "they have to ...": the opener is no statement (rule opener-not-content)
    first = ps.add(content, mention, m, info, rule="inverted-said")
    resumed_quote(ps, k1, mention, m, info, first)
    return True


def content_first(ps: ParsedSentence, m: re.Match, info: CueInfo, mention: Mention, how: str, a: int, k1: int) -> None:
    """Nothing after the cue: ``inverted-said`` ("Talks will resume, officials said."),
    ``parenthetical-said`` ("The talks, officials said, will resume.") or, with no content
    in the sentence at all, ``said-then-quote`` ("The minister said in a statement:")."""
    toks = ps.toks
    plural_subject = mention.plural or mention.pronoun in ("they", "we", "i") or mention.type == "group"
    inverted_form = info.form in ("ed", "s") or (info.form == "base" and plural_subject)
    # (an ambiguous verb in -s may be a noun: "..., the United States"; not "finds" after a
    # study, which only a finding's source takes: "..., study finds", rule finding; nor a base
    # form after a plural subject, a verb there: "..., officials claim", rule plural-claim)
    if not (inverted_form and how != "relative" and not (info.ambiguous and info.form in ("s", "base") and not (
            info.lemma == "find" and info.form == "s") and not (
                info.form == "base" and plural_subject and mention.type != "country"
                and toks[a].low not in ("whom", "who", "which", "whose"))) and not info.weak and (
        trailing_only(ps, k1) or (info.listener and k1 < len(toks))
    )):
        return
    # "Asked about the plan, the minister said:": the words are the quotation that follows.
    introduces = toks[-1].text == ":" and k1 == len(toks) - 1
    content = None if introduces else content_before(ps, a)
    rule = "inverted-said"
    # "By contrast, X said, ...": (quotations or not) what follows the aside is the statement
    opener = content is not None and opener_only(ps, *content, toks[k1 + 1] if k1 + 1 < len(toks) else None)
    if content and not opener and parenthetical(ps, a, k1):
        content = (content[0], ps.content_end())  # "The plan, officials said, would cost"
        rule = "parenthetical-said"
    short = content and (opener or not ps.quotes and (ps.text.count(" ", content[0], content[1]) < 2 or all(
        t.low in T.DATE_WORDS or t.low in W.AGO or t.text.isdigit() or t.low in W.NUMBER_WORDS
        for t in toks if content[0] <= t.start < content[1] and t.text.isalnum())))  # "Six months ago"
    if (short or (content is None and a > 1 and toks[a - 1].text == ",")) and k1 + 1 < len(toks) \
            and toks[k1].text == "," and not ps.is_stop(k1 + 1):
        # "And yet, Mrs. Clinton's aides say, Syria remains a priority."; "In the long
        # run, many economists say, this effect could ripple ..."
        content = (toks[k1 + 1].start, ps.content_end())
        rule = "parenthetical-said"
    elif short:
        content = None  # "However, he said.": one or two words are not a statement
    if content:
        first = ps.add(content, mention, m, info, rule=rule)
        resumed_quote(ps, k1, mention, m, info, first)
    elif introduces or a == 0 or toks[a - 1].text not in (",",) and not ps.quotes:
        ps.dangling = RawClaim("direct", 0, 0, mention, m.group(), m.start(), m.end(), info, ps.sent,
                               rule="said-then-quote")


def resumed_quote(ps: ParsedSentence, i: int, mention: Mention, m: re.Match, info: CueInfo,
                  first: RawClaim | None = None) -> bool:
    """``quote-resumed``: '"The talks are over," she said. "They will not resume."'; True
    when a claim came out.

    A quotation split by its attribution in mid-sentence ('"A trained workforce," she said,
    "will bring trade."') is one statement: the claim ``first`` made of its first part is
    widened over the second (extent rule split-quotation), so neither half is stored alone
    without the other's subject or verb."""
    toks = ps.toks
    for j in range(i, min(len(toks), i + 12)):
        q = ps.quote_starting(toks[j])
        if q is not None and j > 0 and toks[j - 1].text in (",", ":"):
            if first is not None and _split_quotation(ps, first, q.start, q.end):
                first.end, first.kind = q.end, "headline" if ps.heading else "direct"
                return True
            return ps.add((q.start, q.end), mention, m, info, rule="quote-resumed") is not None
        if toks[j].text in (".", "!", "?"):
            return False
    return False


# Closing and opening quotation marks around the attribution of a split quotation.
_CLOSING = "\"”’'"
_OPENING = "\"“‘'"


def _split_quotation(ps: ParsedSentence, first: RawClaim, start: int, end: int) -> bool:
    """The quotation ``first`` holds ends in a comma inside its marks and the one at
    [start, end) resumes in lower case: one sentence split by its attribution."""
    text = ps.text
    said = text[first.start : first.end]
    if first.end > start or len(said) < 3 or said[0] not in _OPENING or said[-1] not in _CLOSING \
            or said[-2] != ",":
        return False
    resumed = text[start:end].lstrip(_OPENING + " ")
    return resumed[:1].isalpha() and resumed[:1].islower()
