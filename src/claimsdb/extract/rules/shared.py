"""A cue with no subject of its own shares the subject of the clause before it.

``shared-subject``  "The union backed the offer but warned that jobs were at risk."
``comma-saying``    "The union rejected the offer, saying it was too low."
``shared-subject``  "The mayor dismissed the figures insisting that the port was safe.": a
                    participle cue right after a stance verb's object, comma or not, opens a
                    statement of its own and ends the object (rule object-ends-at-participle).
``by-saying``        "The mayor opened the meeting by telling the crowd that the port would reopen."
A participle after a statement noun ("issued a statement saying ...") takes the sentence's
subject too; its claim is named by its content (``said-that``, ``said-clause`` ...). Not when
the verb before the noun stopped the statement ("blocked a statement condemning ...", rule
blocked-statement): nobody made it.
"""

from __future__ import annotations

from claimsdb.extract import tokens as T
from claimsdb.extract.lexicon import CueInfo, document_nouns, stance_frames, title_words
from claimsdb.extract.phrases.speaker import shared_speaker
from claimsdb.extract.sentence import ParsedSentence
from claimsdb.extract.speakers import Mention

# Nouns a participle cue can hang on: "in a statement saying ...".
_STATEMENT_NOUNS = T.words("statement post letter interview message tweet video release report speech remarks")
# Verbs that stop a statement being issued: "blocked a statement condemning ..." (rule
# blocked-statement).
_BLOCKING = T.words("blocked block blocks blocking vetoed veto vetoes vetoing torpedoed scuppered")
# Participle cues only a person does: "dismissed the figures insisting that ..." is the
# speaker insisting, whatever the noun before it.
_AGENT_PARTICIPLES = T.words("insisting adding vowing pledging admitting conceding stressing explaining "
                             "retorting countering replying promising")
# Nouns a document-like participle may describe: "dismissed a report saying ...", "rejected
# claims suggesting ...": the report says it, not the subject.
_SAYING_NOUNS = T.words("claims claim reports rumours rumors allegations suggestions study studies survey "
                        "surveys research poll polls figures data evidence article articles story stories "
                        "speculation comments remarks statements documents papers paper") | document_nouns()


def shared_subject(ps: ParsedSentence, info: CueInfo, k0: int, k1: int
                   ) -> tuple[tuple[Mention, str, int], str | None, int | None] | None:
    """The shared speaker of the cue at ``k0`` as (speaker as ``speaker_before`` gives it,
    rule, where the earlier clause's content must end), or None when there is none."""
    toks = ps.toks
    i = k0 - 1
    while i >= 0 and not toks[i].cap and (toks[i].low in T.ADVERBS or toks[i].low in T.AUXILIARIES):
        i -= 1
    if i < 0 or info.weak:
        return None
    headline_says = ps.heading and toks[i].text == "," and info.form == "s" and not info.ambiguous \
        and k1 < len(toks) and not toks[k1].cap and i > 1 and not _role_ends_headline(ps, k1)
    # "Spain secures flexibility, says it will not reach the goal": a headline's second verb
    # shares the first one's subject (rule headline-comma-says)
    if headline_says or (toks[i].low in ("and", "but") and info.form != "ing") or (toks[i].text == "," and info.form == "ing" and (
            ps.claims or not info.ambiguous
            # "..., claiming it made false statements": a clause follows, so it is speech
            or (k1 < len(toks) and toks[k1].low in ("that", "he", "she", "it", "they", "we"))
            # "..., accusing oil companies of profiteering": the frame's "of" after its object
            or _of_frame_follows(ps, info, k1))):
        mention = shared_speaker(ps, k0)
        if mention is None:
            return None
        if info.form == "base" and toks[i].low in ("and", "but") and _yet_to_come(ps, mention, i):
            return None  # "X is set to end the wait and announce ...": not said yet (rule yet-to-come)
        rule = "shared-subject" if toks[i].low in ("and", "but") else "comma-saying"
        boundary = toks[i].start
        if toks[i].low in ("and", "but") and i > 0 and toks[i - 1].text == ",":
            boundary = toks[i - 1].start
        return (mention, "shared", k0), rule, boundary
    if info.form == "ing" and toks[i].low == "by" and i == k0 - 1 and i > 0 and toks[i - 1].text.isalpha() \
            and k1 < len(toks) and (toks[k1].low == "that" or ps.quote_starting(toks[k1]) or info.listener):
        # "opened the session by telling both sides that ...", "responded by saying that ...":
        # how the subject did it is by saying so (rule by-saying)
        mention = shared_speaker(ps, k0)
        if mention is None:
            return None
        return (mention, "shared", k0), "by-saying", toks[i].start
    if info.form == "ing" and i == k0 - 1:
        found = _after_stance_object(ps, info, k0, k1)
        if found is not None:
            return found
    if info.form == "ing" and toks[i].low in _STATEMENT_NOUNS:
        if any(toks[x].low in _BLOCKING for x in range(max(0, i - 6), i)):
            return None  # "Russia blocked a council statement condemning ...": never issued, and not Russia's
        mention = shared_speaker(ps, k0)
        if mention is None:
            return None
        return (mention, "shared", k0), None, None
    return None


def _role_ends_headline(ps: ParsedSentence, k1: int) -> bool:
    """Whether the words after the cue are a role without a determiner that ends the headline:
    "Egypt has wheat for six months, says supply minister" is the minister's, the verb first
    (not "..., says it will not reach the goal", the first subject's second verb)."""
    words = [t for t in ps.toks[k1:] if t.text not in (".", "!", "?")]
    return 1 <= len(words) <= 4 and all(t.text.isalpha() and t.text.islower() for t in words) \
        and words[-1].low in title_words()


def _of_frame_follows(ps: ParsedSentence, info: CueInfo, k1: int) -> bool:
    """Whether a stance cue of the "accused X of Y" frame has its "of" within a short object
    after it, before any comma: the participle is the verb, not an adjective ("an accusing
    look")."""
    frame = stance_frames().get(info.lemma)
    if frame is None or frame.frame != "of":
        return False
    toks = ps.toks
    for x in range(k1 + 1, min(len(toks), k1 + 6)):
        if toks[x].text in (",", ";", ":", "."):
            return False
        if toks[x].low == "of":
            return True
    return False


def _after_stance_object(ps: ParsedSentence, info: CueInfo, k0: int, k1: int
                         ) -> tuple[tuple[Mention, str, int], str, int] | None:
    """"X dismissed the figures insisting that ...": a participle cue, without a comma, inside
    the object of a stance verb's claim (rules.stance) before a clause, shares that claim's
    speaker; the object ends before it (rule object-ends-at-participle). Not after a noun for
    what says things itself ("dismissed a report saying ...") unless only a person does it."""
    toks = ps.toks
    n = len(toks)
    if k1 >= n or not (toks[k1].low == "that" or toks[k1].text == ":" or ps.quote_starting(toks[k1])
                       or toks[k1].low in ("he", "she", "it", "they", "we") and not toks[k1].cap):
        return None
    if toks[k0].low not in _AGENT_PARTICIPLES and toks[k0 - 1].low in _SAYING_NOUNS:
        return None
    if toks[k0 - 1].cap:
        return None  # "welcomed the decision, with minister Anna Berg saying ...": hers
    pos = toks[k0].start
    for c in reversed(ps.claims):
        # (the object may already end before the participle: rule content-ends-at-participle)
        if c.info is not None and c.cue_end is not None and c.cue_end < pos and c.start < pos \
                and (pos < c.end or not ps.text[c.end : pos].strip()) \
                and stance_frames().get(c.info.lemma) is not None and c.extra.get("hint") == "complement":
            # (the object ends before an "and" that joins the participle: "accused X of Y and
            # demanding that ...")
            joined = k0 - 1 if toks[k0 - 1].low in ("and", "but") else None
            return (c.mention, "shared", k0), "shared-subject", toks[joined].start if joined is not None else pos
    return None


# Modals before the subject's first verb: its deeds and what it will say are yet to come.
_MODALS = T.words("will would shall should could can may might must 'll")


def _yet_to_come(ps: ParsedSentence, mention: Mention, i: int) -> bool:
    """A cue in its base form after "and" at token ``i`` whose subject's verb phrase opens with
    a modal or an infinitive's "to" in its first words ("Lund will end the wait and announce
    ...", "seems certain to end ... and announce"): the cue is governed by it too, and nothing
    has been said yet. A plain present ("The unions reject the offer and say ...") has neither."""
    toks = ps.toks
    x = ps.index_at(mention.end)
    # (the frame opens the verb phrase: "to" further on is an object's, "lost their appeal to
    # have the case dismissed")
    for t, nxt in zip(toks[x : min(i, x + 3)], toks[x + 1 : i + 1]):
        if t.text in (",", ";", ":") or t.low in ("who", "which", "that"):
            return False  # a clause of its own comes first
        if t.low in _MODALS and not t.cap or t.low == "to" and not nxt.cap and nxt.low not in T.DETERMINERS \
                and not nxt.text[:1].isdigit():
            return True
    return False
