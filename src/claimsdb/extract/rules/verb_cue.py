"""A reporting verb ("said", "told", "warned", "believes") and the constructions around it.

``verb_cue`` finds the cue's speaker and content and hands them to the construction that fits,
in the order the constructions compete for a sentence: a speaker after the cue
(``inverted-verb-first``), a subject shared with an earlier clause (``shared-subject``,
``comma-saying``), a quotation before the speaker (``inverted-said``), an "as" aside
(``as-x-put-it``), content after the cue (``said-that`` and its kin), content before it
(``inverted-said``, ``parenthetical-said``) or none in the sentence (``said-then-quote``).
A stance cue that takes an object ("accused X of Y", "urged X to Y") goes to its frame first
(rules.stance, rules.warn, rules.express, rules.told). A cue that reports an act, a sighting
or a crowd's mood gives no claim (rules.nonspeech).
"""

from __future__ import annotations

import re

from claimsdb.extract import tokens as T
from claimsdb.extract.lexicon import CueInfo, stance_frames
from claimsdb.extract.phrases.content import before_that, content_after, trailing_only
from claimsdb.extract.phrases.noun_phrases import lead_index, right_np
from claimsdb.extract.phrases.speaker import closing_comma_of_name, speaker_before
from claimsdb.extract.rules.as_put_it import as_x_put_it
from claimsdb.extract.rules.relay import relay_cue
from claimsdb.extract.rules.inverted import content_first, inverted_said, inverted_verb_first
from claimsdb.extract.rules.nonspeech import end_claims_before, not_speech
from claimsdb.extract.rules.said import points_back, points_back_verb, said_then_content
from claimsdb.extract.rules.shared import shared_subject
from claimsdb.extract.rules.stance import FRAMES, noun_use, passive
from claimsdb.extract.rules.express import expressed
from claimsdb.extract.rules.told import told_outlet
from claimsdb.extract.rules.warn import warning
from claimsdb.extract.sentence import ParsedSentence, RawClaim, cue_info
from claimsdb.extract.speakers import Mention


# Frame name (data/stance_verbs.tsv) → the function that finds its claim.
_STANCE = {**FRAMES, "warn": warning, "express": expressed, "told": told_outlet}


def _stated_by(ps: ParsedSentence, info: CueInfo, k0: int, k1: int) -> Mention | None:
    """The speaker of "This was stated by X" opening a sentence: the phrase after "by", or the
    name set off by commas after it ("by the Foreign Minister, Antonio Tajani, speaking ...")."""
    toks = ps.toks
    if k0 != 2 or toks[0].low != "this" or toks[1].low not in ("was", "is") or k1 + 1 >= len(toks) \
            or toks[k1].low != "by" or info.form != "ed" or not points_back_verb(info):
        return None
    span = right_np(ps, k1 + 1)
    if span is None:
        return None
    c = span[1] + 1
    if c < len(toks) and not (toks[c].text in (",", ".", ";") or toks[c].low in T.PREPOSITIONS
                              or toks[c].low.endswith("ing") and not toks[c].cap):
        return None  # the phrase goes on past what was read as its end: no telling who
    close = closing_comma_of_name(ps, c, len(toks))
    if close is not None:
        named = ps.mention(c + 1, close - 1)
        if named.type == "person" and " " in named.name:
            return named
    found = ps.mention(*span)
    return found if found.type in ("person", "organization", "anonymous") and found.pronoun is None else None


# Auxiliaries and adverbs between an opening "It" and a passive cue: "It was (also) stated",
# "It has been announced".
_IT_PASSIVE_FILLERS = T.words("was is has have had been also further earlier later already officially")


def _it_stated_by(ps: ParsedSentence, info: CueInfo, k0: int, k1: int) -> tuple[Mention, int] | None:
    """"It was stated by X that ...", "It was also announced by the ministry on Monday that ...":
    the speaker after "by" and the token after the "that" that opens what was said (rule
    it-stated-by); None for any other sentence, and when no one is named ("It was stated that")."""
    toks = ps.toks
    if k0 < 2 or toks[0].low != "it" or not toks[0].cap or info.form != "ed" or k1 + 1 >= len(toks) \
            or toks[k1].low != "by" or not all(t.low in _IT_PASSIVE_FILLERS for t in toks[1:k0]) \
            or not any(t.low in T.PASSIVE_AUX for t in toks[1:k0]):
        return None
    span = right_np(ps, k1 + 1)
    if span is None:
        return None
    # (a date is none of the speaker: "by the ministry on Monday")
    dated = next((x for x in range(span[0] + 1, span[1]) if toks[x].low in T.PREPOSITIONS
                  and (toks[x + 1].low in T.DATE_WORDS or toks[x + 1].text[:1].isdigit())), None)
    if dated is not None:
        span = (span[0], dated - 1)
    # where and when the words were given may follow the speaker: "by the ministry on Monday that"
    that = next((x for x in range(span[1] + 1, min(len(toks), span[1] + 9))
                 if toks[x].low == "that" or ps.is_stop(x) or cue_info(toks[x].text)), None)
    if that is None or toks[that].low != "that" or that + 1 >= len(toks):
        return None
    found = ps.mention(*span)
    if found.pronoun is not None or found.type not in ("person", "organization", "anonymous", "group", "country", "media"):
        return None
    return found, that + 1


def _points_back_to_sentence_before(ps: ParsedSentence, m: re.Match, info: CueInfo, mention: Mention) -> None:
    """``said-this``: an attribution whose words are the sentence before, which
    quotes.attach_dangling gives it."""
    ps.dangling = RawClaim("indirect", 0, 0, mention, m.group(), m.start(), m.end(), info, ps.sent, rule="said-this")


def verb_cue(ps: ParsedSentence, m: re.Match, info: CueInfo, k0: int, k1: int) -> None:
    """The claim of the cue ``m`` (tokens ``k0`` up to ``k1``), if a construction fits it."""
    toks = ps.toks
    if relay_cue(ps, m, info, k0, k1):
        return
    if info.lemma == "put it" and not (any(t.low == "as" for t in toks[max(0, k0 - 8) : k0])
                                       or trailing_only(ps, k1)):
        return  # "as the minister put it", "..., she put it."; not "he put it on the table"
    by = _stated_by(ps, info, k0, k1)
    if by is not None:
        # "This was stated by Foreign Minister X, speaking in Rome." (rule said-this, in the passive)
        _points_back_to_sentence_before(ps, m, info, by)
        return
    it_by = _it_stated_by(ps, info, k0, k1)
    if it_by is not None:
        # "It was stated by the statistics office that inflation eased." (rule it-stated-by)
        mention, start = it_by
        ps.add((toks[start].start, ps.content_end()), mention, m, info, rule="it-stated-by")
        return
    before = speaker_before(ps, k0, info)
    shared: str | None = None  # the rule, when the subject is shared with an earlier clause
    boundary = None
    if before is None:
        if inverted_verb_first(ps, m, info, k0, k1):
            return
        found = shared_subject(ps, info, k0, k1)
        if found is None:
            return
        before, shared, boundary = found
    mention, how, a = before
    after = content_after(ps, k1, info, toks[a] if how != "shared" else None)
    why = not_speech(ps, info, mention, a, k0, k1, after)
    if why:
        if why == "left-unsaid":
            end_claims_before(ps, a)  # "X urged ..., but Y has not said if ...": Y's clause is not X's
        return  # "observed a convoy", "declined to comment", "many fear": no words reported
    if how in ("subject", "pronoun") and not info.stance and points_back(ps, info, k1):
        _points_back_to_sentence_before(ps, m, info, mention)  # "Prokudin said this on Telegram"
        return
    lead = toks[lead_index(ps, a)] if a > 0 else None
    if lead is not None and ps.quote_ending(lead) and how != "shared" and (
        after is None or after[1] != "that" or before_that(ps, k1)
    ) and inverted_said(ps, m, info, mention, a, k1):
        return
    if lead is not None and lead.low == "as" and how != "shared" and not (
            k1 < len(toks) and toks[k1].low in ("to", "for", "with", "about", "against", "that")):
        as_x_put_it(ps, m, info, mention, a, k1)
        return
    frame = stance_frames().get(info.lemma)
    if frame is not None and not noun_use(ps, info, a, k0, k1):
        if passive(ps, k0, info) and frame.frame not in ("told", "express"):
            return  # "was accused of ...": the subject is the target; the speaker is elsewhere
        if _STANCE[frame.frame](ps, m, info, frame.rule, before, k0, k1, lead, shared, boundary):
            return
    if after is not None:
        said_then_content(ps, m, info, before, after, k0, k1, lead, shared, boundary)
        return
    content_first(ps, m, info, mention, how, a, k1)
