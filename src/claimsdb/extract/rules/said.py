"""Speaker, cue, then the content: the commonest constructions.

``said-that``    The minister said that the talks would resume in May.
``said-clause``  The minister said the talks would resume in May.
``said-colon``   The minister said: the talks will resume in May.
``said-quote``   The minister said "the talks will resume in May".
``stance-verb``  The bank has not ruled out a rate rise.  (the verb is part of the claim)
``said-object``  The minister reiterated her call for calm.  (a noun phrase, the cue's object;
                 ``shared-object`` when the subject is an earlier clause's)
``said-infinitive``  The minister promised to cut taxes.  (the cue's infinitive; ``shared-infinitive``
                 when the subject is an earlier clause's)
"""

from __future__ import annotations

import re

from claimsdb.extract import tokens as T
from claimsdb.extract import words as W
from claimsdb.extract.lexicon import CueInfo, discourse_openers, speech_nouns
from claimsdb.extract.phrases.noun_phrases import antecedent, relative_antecedent
from claimsdb.extract.rules.nonspeech import past_verbs
from claimsdb.extract.sentence import ParsedSentence, cue_info
from claimsdb.extract.speakers import Mention, country_code
from claimsdb.extract.tokens import Token, rstrip

# The rule of a claim whose content follows its cue, by what starts the content.
# How far after a cue the content-end rules look for a second clause, in tokens.
_WINDOW = 40

# The rule of a content that is the cue's noun-phrase object, by the rule of a clause there.
_OBJECT_RULES = {"said-clause": "said-object", "shared-subject": "shared-object"}
# The rule of a content that is the cue's infinitive ("promised to cut taxes"), by the rule of a clause there.
_INFINITIVE_RULES = {"said-clause": "said-infinitive", "shared-subject": "shared-infinitive"}

_HINT_RULES = {"that": "said-that", "complement": "said-clause", "colon": "said-colon", "quote": "said-quote"}


def points_back(ps: ParsedSentence, info: CueInfo, i: int) -> bool:
    """The object at token ``i`` of a verb of saying is a bare "this" pointing back, with only
    where, when or to whom after it and nothing quoted or introduced: "said this on Telegram",
    "stated this during a briefing"; not "denied this" (what is denied is not the sentence
    before), "announced this to be", nor "mentioned this ..., saying: ..."."""
    toks = ps.toks
    if not points_back_verb(info) or i >= len(toks) or toks[i].low != "this":
        return False
    if i + 1 < len(toks):
        nxt = toks[i + 1]
        if not (nxt.text in (".", ",", ";") or nxt.low in T.PREPOSITIONS and nxt.low not in ("to", "that")
                or nxt.low in ("while", "when", "after", "before")):
            return False
    # what follows is where and when, or the outlet's ", Ukrinform reports"; no words of its own
    return not ps.quotes and not any(t.text == ":" or t.low in ("saying", "adding", "stressing") for t in toks[i + 1 :])


def points_back_verb(info: CueInfo) -> bool:
    """A verb of saying whose "this" is the sentence before (rule said-this)."""
    return info.lemma in _POINTING_VERBS


# Verbs of saying whose "this" is the sentence before (not "deny", "claim", "admit").
_POINTING_VERBS = frozenset({"say", "state", "write", "tell", "announce", "report", "post", "declare", "note",
                             "stress", "emphasise", "emphasize"})


def said_then_content(ps: ParsedSentence, m: re.Match, info: CueInfo, before: tuple[Mention, str, int],
                      after: tuple[int, str], k0: int, k1: int, lead: Token | None,
                      shared: str | None, boundary: int | None) -> None:
    """The claim whose content starts after the cue, at ``after`` = (offset, what starts it).

    ``before`` is the speaker (mention, how it was found, its first token); ``lead`` the token
    before the speaker phrase; ``shared`` the rule when the subject is an earlier clause's,
    whose content then ends at ``boundary``.
    """
    toks = ps.toks
    mention, how, a = before
    start, hint = after
    opening = start
    if toks[k0].low == "think" and k1 < len(toks) and toks[k1].low in ("tank", "tanks", "tank's"):
        return  # "a small think tank based in ...": a noun, no one thinking
    if hint == "colon" and a > 0 and toks[a - 1].low == "what" and toks[k0].text.isupper():
        return  # "WHAT THE COMMISSION SAYS: Asked about ...": a newsletter's section head
    if shared and boundary is not None and any(
        c.start <= toks[k0].start < c.end and c.extra.get("hint") in ("that", "colon", "quote")
        for c in ps.claims[-32:]
    ):
        return  # "X argued that A persisted but also claimed B": B's subject is A
    if hint == "complement" and info.stance and how == "pronoun" and toks[ps.index_at(start)].low == "to" \
            and _noun_before(ps, a) and _no_object(ps, ps.index_at(start) + 2):
        # "the savings it hoped to make by 2030": the infinitive's object is the noun the
        # relative clause hangs on; a noun phrase, no statement (rule gapped-infinitive)
        return
    if hint == "complement" and info.stance:
        # The stance verb is part of the claim: "has not ruled out involvement".
        start = m.start()
        x = k0 - 1
        while x > a and not toks[x].cap and (toks[x].low in T.AUXILIARIES or toks[x].low in T.ADVERBS):
            start = toks[x].start
            x -= 1
    if hint == "complement" and not info.stance and how in ("subject", "pronoun"):
        ante = relative_antecedent(ps, a)
        if ante is not None and (toks[a - 1].low in ("which", "whom")
                                 or toks[ps.index_at(start)].low in ("he", "she", "it", "they", "we", "i")):
            # (without a relative pronoun, only before a clause with its own pronoun subject)
            # "an injury he said he suffered in training": what was said is about the noun
            # the relative clause hangs on (rule relative-antecedent)
            if toks[ante[0]].low not in T.DETERMINERS:
                ante = with_determiner(ps, ante) or ante  # "a tired Liberal party, which she said"
            start = toks[ante[0]].start
    end = _content_end(ps, how, a, k1, start, lead, past=info.form == "ed")
    if hint == "complement" and not info.stance and how in ("subject", "pronoun"):
        reduced = _reduced_relative(ps, a, start, end)
        if reduced is not None:
            # "a watch Anna said was one of ten made was stolen": what she said is about the
            # watch and ends before the main clause's verb (rule reduced-relative)
            if reduced[1] is None:
                return  # no telling where what she said ends
            start, end = reduced  # type: ignore[assignment]
    if hint == "complement" and start in (opening, m.start()) and _gapped(ps, ps.index_at(opening)) \
            and (toks[a - 1].low in _GAP_OPENERS or _noun_before(ps, a)):
        # "the plan, which he believes is doomed": the subject of what was said is the
        # relative word, no antecedent was found, and a verb phrase is no statement (rule
        # gapped-relative); "what he said were its successes" has its subject in "what" (rule
        # free-relative), "acts they thought were ready" in the noun before the speaker
        if toks[a - 1].low == "what":
            start = toks[a - 1].start
        else:
            ante = antecedent(ps, a - 1) if toks[a - 1].low not in _GAP_OPENERS else None
            if ante is None:
                return
            # "meddling he said is designed to ...": the noun the clause hangs on is its subject
            if toks[ante[0]].low not in T.DETERMINERS:
                ante = with_determiner(ps, ante) or ante
            start = toks[ante[0]].start
    if hint == "complement" and info.stance:
        end = object_end(ps, k1, end)
    elif hint == "complement":
        end = _deed_end(ps, k1, end)
    if hint == "quote":
        q = ps.by_start[start]
        end = max(q.end, end) if q.end >= end - 1 else end
    if not shared and hint in ("that", "complement") and how in ("subject", "pronoun") and a >= 2 \
            and toks[a - 1].text == ",":
        scope = _scope_opener(ps, a - 1)
        if scope is not None:
            start = scope  # "In the North West, Halifax said prices rose 3% in the two regions"
    rule = shared or ("stance-verb" if hint == "complement" and info.stance else _HINT_RULES[hint])
    if rule in _OBJECT_RULES and hint == "complement" and start == opening and not info.clausal \
            and ps.index_at(start) == k1 and _noun_object(ps, a, k1, end):
        rule = _OBJECT_RULES[rule]
    elif rule in _INFINITIVE_RULES and hint == "complement" and start == opening and ps.index_at(start) == k1 \
            and toks[k1].low == "to" and k1 + 1 < len(toks) and (ps.quote_starting(toks[k1 + 1]) or (
                toks[k1 + 1].text.replace("-", "").isalpha() and not toks[k1 + 1].cap
                and toks[k1 + 1].low not in T.DETERMINERS and toks[k1 + 1].low not in T.PRONOUNS
                and toks[k1 + 1].low not in ("that", "this", "those", "these"))):
        # "promised to cut taxes", "vowed to resign": the infinitive is what was promised,
        # and says it only with its cue; `claims query` shows the cue before it (rule
        # said-infinitive; the stored text is the infinitive, as before)
        rule = _INFINITIVE_RULES[rule]
    if rule in _OBJECT_RULES.values() and _no_statement_object(ps, info, k1, end):
        return
    if hint == "complement" and not info.stance and not info.clausal and start == opening \
            and ps.index_at(start) == k1 and _phrasal_or_reflexive(ps, k1, info.lemma):
        return  # "called off a march", "called itself the Network": a deed or a name, no words said
    if hint in ("that", "complement") and _elliptical(ps, start, end):
        return  # "..., where they had told us they would be": a clause cut to its auxiliary says nothing
    claim = ps.add((start, end), mention, m, info, rule=rule)
    if claim:
        claim.extra["hint"] = hint
    if claim and shared and boundary is not None:
        claim.shared_subject = True
        claim.boundary = boundary


# Nouns of a contest's outcome: "claimed the title", "conceded two goals", "repeated the feat".
_CONTEST_NOUNS = T.words("title titles goal goals draw victory victories win wins penalty penalties spot medal "
                         "medals trophy trophies feat cup")
# Words right after a cue that make it a phrasal verb or a deed: "called up", "called off",
# "called time on", "responded by scheduling".
_PARTICLES = T.words("up off back out down into by time")


def _no_statement_object(ps: ParsedSentence, info: CueInfo, k1: int, end: int) -> bool:
    """The noun-phrase object from token ``k1`` to offset ``end`` of a cue that is no stance
    verb is no statement (check object-not-statement): a particle or a deed after the cue
    ("called up X", "responded quickly by ..."), a contest's outcome in its first words
    ("claimed the individual titles", "conceded six goals"), a recall's count ("recalling
    200,000 vehicles"), or the question answered ("answering a question about X"). (A work written, "wrote his book", stays: PolNeAR's gold counts it.)"""
    toks = ps.toks
    x = k1
    while x < len(toks) and not toks[x].cap and toks[x].low.endswith("ly"):
        x += 1  # (not "declared herself up for the fight": a reflexive is no adverb here)
    if x >= len(toks) or toks[x].low in _PARTICLES and not toks[x].cap:
        return True
    if info.lemma in ("answer", "respond", "reply", "field") and any(
            t.low in ("question", "questions", "query", "queries") for t in toks[x : x + 3] if t.start < end):
        return True  # "answering a question about the crisis": the question, not what was said
    if info.lemma == "recall" and (toks[x].text[:1].isdigit() or x + 1 < len(toks) and toks[x + 1].text[:1].isdigit()):
        return True
    for n, t in enumerate(toks[x : x + 5]):
        if t.start >= end or t.low in T.PREPOSITIONS or n and t.low in _ARTICLES:
            break  # (an article after the first word opens a complement: "called the deal a victory")
        if t.low in _CONTEST_NOUNS and not t.cap and (t.low not in ("goal", "goals") or _counted(ps, t)):
            return True  # (a "goal" counted: "conceded six goals", not "a 4% savings goal")
        if info.lemma == "conclude" and t.low in _CONCLUDED_EVENTS and not t.cap:
            return True  # "concluded his visit", "concluded the talks": an event ended, nothing said
    return False


# Events one concludes, ending them rather than drawing a conclusion (rule concluded-event).
_CONCLUDED_EVENTS = T.words("visit visits trip tour talks meeting meetings summit session negotiations "
                            "deal agreement contract hearing hearings investigation inquiry probe review")


_ELLIPSIS_WORDS = T.AUXILIARIES | T.words("he she it they we i you")


def _elliptical(ps: ParsedSentence, start: int, end: int) -> bool:
    """The content from ``start`` to ``end`` is a subject and auxiliaries only ("they would
    be", "she must"): its verb phrase is left out, and what was said is not there (a denial
    stays: "Anna said it was not")."""
    words = []
    toks = ps.toks
    for x in range(ps.index_at(start), len(toks)):
        t = toks[x]
        if t.start >= end or len(words) > 4:
            break  # (a few tokens at most: a long sentence stays linear)
        if t.start >= start and t.text not in (",", ".", ";", ":", "!", "?"):
            if t.low not in _ELLIPSIS_WORDS:
                return False  # (one word that is neither pronoun nor auxiliary settles it)
            words.append(t)
    return 2 <= len(words) <= 4 and words[0].low in T.PRONOUNS and words[-1].low in _ELLIPSIS_WORDS - T.PRONOUNS.keys()


# Particles that make a phrasal verb of a cue ("called off", "called up", "shouted down"),
# and reflexives after which a cue names rather than says ("called itself X").
_PHRASAL_PARTICLES = T.words("up off back down")
_REFLEXIVES = T.words("itself himself herself themselves myself ourselves yourself")


def _phrasal_or_reflexive(ps: ParsedSentence, k: int, lemma: str) -> bool:
    """Token ``k``, right after a cue that takes no clause by itself, makes the cue a phrasal
    verb before a noun phrase ("called off a march planned for May": the verb in the noun's
    modifier is no clause's) or a reflexive naming ("called itself the Harbour Network"; not
    "declared herself ready", a statement)."""
    toks = ps.toks
    t = toks[k]
    if t.cap:
        return False
    if t.low in _REFLEXIVES:
        return lemma == "call"
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return t.low in _PHRASAL_PARTICLES and nxt is not None and nxt.low in T.DETERMINERS


_NUMBER_WORDS = T.words("a an one two three four five six seven eight nine ten eleven twelve")


def _counted(ps: ParsedSentence, t: Token) -> bool:
    """The word before ``t`` counts it: a number, "a" or "an" ("six goals", "a goal")."""
    x = ps.index_at(t.start)
    prev = ps.toks[x - 1] if x > 0 else None
    return prev is not None and (prev.text.isdigit() or prev.low in _NUMBER_WORDS)


# Words that open a clause of their own inside a predicate: a verb after one is that clause's.
_CLAUSE_OPENERS = T.words("that which who whom whose where when while because if although though and or but "
                          "since as so")
def _reduced_relative(ps: ParsedSentence, a: int, start: int, end: int) -> tuple[int, int | None] | None:
    """(content start, content end or None when it cannot be told) of a cue in a relative
    clause without a pronoun whose subject is the noun before the speaker: "the watch Anna
    said was stolen", "a striker he said was the best in Europe" (rule reduced-relative);
    None when the speaker phrase opens no such clause. The content starts at the noun phrase
    (as rule relative-antecedent has it). When that phrase is the sentence's subject, its main
    verb is still to come after the predicate ("... was one of ten made *were* also stolen"):
    the content ends before it, and no claim is made when no auxiliary shows where."""
    toks = ps.toks
    c = ps.index_at(start)
    if a < 2 or c >= len(toks) or toks[c].cap or toks[c].low not in T.AUXILIARIES or toks[c].low.startswith(("'", "’")):
        return None
    if not _noun_before(ps, a):
        return None
    ante = antecedent(ps, a - 1)
    if ante is not None and toks[ante[0]].low not in T.DETERMINERS:
        ante = with_determiner(ps, ante)  # "the hidebound Tory party he said would ..."
    if ante is None or toks[ante[0]].low not in T.DETERMINERS:
        return None
    for x in range(c + 1, len(toks)):
        t = toks[x]
        if t.start < end and t.text in (",", ";", ":", "(", "-", "–", "—"):
            end = rstrip(ps.text, start, t.start)  # the relative clause ends at its punctuation
            break
        if t.start >= end or t.low in _CLAUSE_OPENERS:
            break
        if not t.cap and t.low in T.AUXILIARIES and toks[x - 1].low not in T.AUXILIARIES \
                and toks[x - 1].low not in T.ADVERBS:
            return toks[ante[0]].start, rstrip(ps.text, start, t.start)
    # No verb after the predicate: fine after an object ("Police found a watch she said was
    # stolen"), but the subject's verb is missing ("The watch she said was stolen in May
    # turned up"). The phrase is the subject when no verb comes before it but in a relative
    # clause of its own ("A necklace that was a present and a watch she said ...").
    relative = False
    for t in toks[: ante[0]]:
        if t.low in ("that", "which", "who"):
            relative = True
        elif not relative and (t.low in T.AUXILIARIES or cue_info(t.text) or (not t.cap and t.low.endswith("ed"))
                               or t.low in W.PLURAL_VERBS or t.low in past_verbs()):
            return toks[ante[0]].start, end
    return toks[ante[0]].start, None


# Words before a speaker that open a relative clause whose subject may be the word itself.
_GAP_OPENERS = T.words("which who whom that what")
# Auxiliaries and modals that are finite: a content that opens with one has no subject.
_FINITE = T.words("has have had will would could can may might should must shall did does do is are was were")


def _gapped(ps: ParsedSentence, k: int) -> bool:
    """The content from token ``k`` opens with a finite auxiliary or modal in lower case that
    is no inverted condition ("had the government acted, ...", "should that happen"): a verb
    phrase ("*is* unreformable", "*could* reach 14.8%") whose subject is a relative word before
    the speaker."""
    toks = ps.toks
    if k + 1 >= len(toks) or toks[k].cap or toks[k].low not in _FINITE:
        return False
    nxt = toks[k + 1]
    return toks[k].low not in ("had", "should") or not (
        nxt.cap or nxt.low in T.DETERMINERS or nxt.low in T.PRONOUNS or nxt.low in ("that", "there", "this"))


# Nouns of a fronted phrase that says where or in which cases a statement holds.
_SCOPE_NOUNS = T.words("cases area areas region regions part parts place places location locations province "
                       "provinces country countries state states market markets sector sectors city cities town "
                       "towns district districts future")
# Words of a fronted phrase that names where or how the words were said, not what they are about.
_SETTING_WORDS = T.words("interview interviews speech speeches address website blog book memoirs evidence answer "
                         "response email e-mail filing ruling letter letters words commons lords parliament court "
                         "chamber debate radio television tv programme show newspaper column article paper")


def _scope_opener(ps: ParsedSentence, comma: int) -> int | None:
    """Where a fronted phrase that ends at token ``comma`` starts, when it says where, in which
    cases or for what future time the statement after the speaker holds ("In the North West and
    Yorkshire, Halifax said prices rose 3% and 1% in the two regions respectively", "In both
    cases, the court said ...", "In the next few years, he believes ..."): the statement
    needs it (rule scope-opener). None for where or when the words were said ("In a statement",
    "On Monday", "At a news conference"), a linking opener ("In addition") or anything else."""
    toks = ps.toks
    first = 1 if comma > 1 and toks[0].low in ("but", "and") else 0
    words = toks[first:comma]
    if not 2 <= len(words) <= 12 or words[0].low not in ("in", "across", "among", "within", "outside") \
            or words[1].low in ("a", "an"):
        return None  # (not "In a lecture at the LSE", "In an attempt to ...": an occasion)
    if tuple(t.low for t in words) in discourse_openers():
        return None
    place = [t.text for t in words[1:] if t.low != "the"]
    if place and all(w[:1].isupper() for w in place) and country_code(" ".join(place)):
        return None  # "In Washington, a spokesperson said ...": a country or capital is where the words were said
    scoped = False
    future = any(t.low in ("next", "coming", "future") for t in words)
    for t in words[1:]:
        low = t.low
        if low in _SETTING_WORDS or low in W.GATHERINGS or low in speech_nouns() or cue_info(t.text) \
                or not future and (low in T.DATE_WORDS or low in W.WEEKDAYS) \
                or (not t.cap and low.endswith(("ing", "ed")) and len(low) > 4):
            return None
        if low in _SCOPE_NOUNS or future or t.cap and t.text.isalpha() and low not in T.DETERMINERS:
            scoped = True
        elif not (t.text.isalnum() or t.text in ("-", "&") or t.low in ("'s", "’s", "'", "’")):
            return None
    if not scoped or any(t.text.isdigit() for t in words) and not any(t.low in _SCOPE_NOUNS for t in words):
        return None
    return words[0].start


def _no_object(ps: ParsedSentence, x: int) -> bool:
    """Token ``x``, after an infinitive's verb, is no object: the sentence or clause ends, or a
    time or a preposition follows ("expected to make *next* year", "hoped to finish *by* May")."""
    toks = ps.toks
    if x >= len(toks) or ps.is_stop(x) or toks[x].text in (",", ";", ":", ")"):
        return True
    t = toks[x]
    return not t.cap and (t.low in T.PREPOSITIONS or t.low in T.DATE_WORDS or t.low in ("next", "this", "last"))


def _noun_before(ps: ParsedSentence, a: int) -> bool:
    """The word before the speaker phrase at token ``a`` is a lower-case noun, so the speaker
    opens a relative clause without a pronoun ("the watch *Anna* said ...", "profits *it*
    expected to make")."""
    if a < 1:
        return False
    noun = ps.toks[a - 1]
    return not (noun.cap or not noun.text.isalpha() or noun.low in T.DETERMINERS or noun.low in T.PREPOSITIONS
                or noun.low in _CLAUSE_OPENERS or noun.low in T.AUXILIARIES or noun.low in T.ADVERBS
                or noun.low in T.PRONOUNS or noun.low.endswith(("ly", "ed")) or noun.low in past_verbs()
                or cue_info(noun.text))


def with_determiner(ps: ParsedSentence, ante: tuple[int, int]) -> tuple[int, int] | None:
    """The noun phrase ``ante`` widened back over up to three lower-case modifiers to the
    determiner that opens it ("the hidebound" + "Tory party"), or None when none does."""
    toks = ps.toks
    x = ante[0] - 1
    while x >= 0 and ante[0] - x <= 4:
        t = toks[x]
        if t.low in T.DETERMINERS:
            return x, ante[1]
        if t.cap or not t.text.isalpha() or t.low in T.AUXILIARIES or t.low in T.PREPOSITIONS or cue_info(t.text) \
                or t.low in _CLAUSE_OPENERS:
            return None
        x -= 1
    return None


def object_end(ps: ParsedSentence, k1: int, end: int) -> int:
    """A stance verb's object ends where another subject's clause joins it: "Germany proposed
    a freeze and Canada has begun its own moratorium" (rule object-ends-at-new-clause), or the
    subject's next deed ("denied the charges and ended with ..."). Also for rules.stance."""
    toks = ps.toks
    # (a word in -ed that another "and", a comma or the sentence's end follows is an adjective
    # of the object's list, not a next deed: "described the plan as opaque and overpriced and
    # said ...")
    # (not between two capitalised words, one name: "the League of Farmers and Fishers would back ...")
    return _end_at_joined_clause(ps, k1, end, ("and", "but"), lambda x: toks[x + 1].cap and not toks[x - 1].cap and any(
        toks[y].low in T.AUXILIARIES and not toks[y].cap for y in range(x + 2, min(len(toks), x + 5)))
        or _another_predicate(ps, x) or _past_verb(toks[x + 1]) and not (
            x + 2 < len(toks) and (toks[x + 2].low in ("and", "or") or toks[x + 2].text in (",", ".", ";")))
        or _narrated_clause(ps, x))


def _narrated_clause(ps: ParsedSentence, x: int) -> bool:
    """After "and" at ``x``: a clause of the writer's with a subject of its own in lower case
    and a past verb ("welcomed the move *and stocks ended the day little changed*", "... and prices
    fell 2%"), not more of the object (rule object-ends-at-new-clause). A verb in -ed counts only
    with an adverb or a number after it: "the plan and measures aimed at ..." is one object."""
    toks = ps.toks
    y = x + 1
    if y < len(toks) and toks[y].low in T.DETERMINERS:
        y += 1
    for _ in range(3):  # the subject's head noun, after at most two modifiers
        if y + 1 >= len(toks) or toks[y].cap or not toks[y].text.isalpha() or toks[y].low.endswith("ly") \
                or toks[y].low in T.PRONOUNS \
                or toks[y].low in T.AUXILIARIES or toks[y].low in T.PREPOSITIONS or toks[y].low in _CLAUSE_OPENERS:
            return False
        verb = toks[y + 1]
        if _past_verb(verb):
            nxt = toks[y + 2] if y + 2 < len(toks) else None
            return nxt is not None and not nxt.cap and (nxt.low.endswith("ly") and nxt.low not in ("only", "early")
                                                         or nxt.low in T.ADVERBS or nxt.text[:1].isdigit())
        y += 1
    return False


def _end_at_joined_clause(ps: ParsedSentence, k1: int, end: int, joins: tuple[str, ...], opens) -> int:
    """``end``, or before the first of ``joins`` ("and", "but") after the cue at which
    ``opens(index)`` says another clause begins (with its comma, if any)."""
    toks = ps.toks
    for x in range(k1, min(len(toks) - 2, k1 + _WINDOW)):
        t = toks[x]
        if t.start >= end:
            break
        if t.low in joins and opens(x):
            return rstrip(ps.text, 0, toks[x - 1].start if toks[x - 1].text == "," else toks[x].start)
    return end


def _past_verb(t: Token) -> bool:
    """A past-tense verb right after "and" in a stance verb's object: the subject's next deed
    ("denied the charges *and ended* with ..."), not more of the object."""
    return not t.cap and t.text.isalpha() and (t.low.endswith("ed") and len(t.low) > 4 or t.low in past_verbs()) \
        and t.low not in ("increased", "reduced", "related", "limited", "unrelated", "armed", "united", "based")


def _deed_end(ps: ParsedSentence, k1: int, end: int) -> int:
    """``end``, or where "and has ..." adds the subject's next deed (_another_predicate)."""
    return _end_at_joined_clause(ps, k1, end, ("and",), lambda x: _another_predicate(ps, x))


def _another_predicate(ps: ParsedSentence, x: int) -> bool:
    """After "and" at ``x``: the subject's next deed in the present perfect or future ("called the
    sale illegal and has turned to the courts"), told by the writer, not part of what was said
    (reported speech after a past cue would say "had")."""
    toks = ps.toks
    if x + 2 >= len(toks):
        return False
    nxt, after = toks[x + 1], toks[x + 2]
    return not nxt.cap and nxt.low in ("has", "have", "will") and after.text.isalpha() and not after.cap \
        and (after.low.endswith(("ed", "en")) or after.low in past_verbs() or nxt.low == "will")


# Verbs of the present and the present perfect that, after a past-tense cue, show a contrast
# clause is not reported speech (which would be backshifted: "would", "had", "was").
_PRESENT = T.words("has have is are does do says say")
# Conjunctions after a comma that may open the writer's contrast ("; but" too).
_CONTRASTS = T.words("while whereas but although though")
# Auxiliaries before a participle that make it passive: "is thought", "was forecast".
_BE = T.words("is are was were be been being")


def _writer_contrast(ps: ParsedSentence, k1: int, start: int, end: int, past: bool) -> int:
    """``end``, or where ", while", ", whereas", ", but", "; but", ", although" or ", though"
    opens the writer's contrast: "Berg said the bill would cut costs, while Labour has offered
    no plan of its own", "..., but the figures show ...", "..., although others feel ..."
    (rule writer-contrast). The contrast has a subject of its own, a name or a noun phrase,
    no pronoun (which may be the speaker's: "said it was sorry, but it would appeal"); it is
    the writer's when its verb is a cue of another speaker ("but critics *warned*", not the
    passive "is thought"), or, after a past-tense cue (``past``), in the present or present
    perfect, not backshifted like the speaker's words ("..., but the target was met" stays).
    A contrast inside quotation marks is the speaker's: its words are one masked token."""
    toks = ps.toks
    last = min(len(toks) - 3, k1 + _WINDOW)
    if last <= k1:
        return end
    reach = ps.masked[toks[k1].start : toks[last].end].lower()
    if not any(word in reach for word in _CONTRASTS):
        return end  # no contrast word among the tokens the loop reads: a few searches of their text
    for x in range(k1, last):
        mark = toks[x]
        if mark.start >= end:
            break
        # (the mark first: most tokens are none)
        if mark.text not in (",", ";") or mark.start <= start or toks[x + 1].low not in _CONTRASTS \
                or mark.text == ";" and toks[x + 1].low != "but":
            continue
        y = x + 2
        first = toks[y]
        determiner = first.low in T.DETERMINERS and first.low not in ("this", "that")
        if not determiner and (first.low in T.PRONOUNS or first.low in T.CLAUSE_WORDS or first.low in T.AUXILIARIES
                               or first.low in T.PREPOSITIONS or not _word(first)
                               or not first.cap and (first.low.endswith(("ly", "ed")) or first.low in past_verbs()
                                                     or cue_info(first.text))):
            continue  # (a verb phrase sharing the subject, "but would appeal", or an adjunct)
        for z in range(y + 1, min(len(toks), y + 6)):
            t = toks[z]
            verb = not t.cap and (t.low in T.AUXILIARIES or cue_info(t.text) and not (z == y + 1 and first.low in _ARTICLES)
                                  or past and _present_form(ps, z))
            if not verb:
                if _word(t) and t.low != "to":
                    continue
                break  # (a comma or a quotation: no clause of its own so near)
            group = [t]
            for v in toks[z + 1 : z + 4]:
                if v.cap or not (v.low in T.AUXILIARIES or v.low in T.ADVERBS or cue_info(v.text)):
                    break
                group.append(v)
            after = z + len(group)
            spoken = after < len(toks) and not ps.is_stop(after) and toks[after].text not in (",", ";") and any(
                cue_info(v.text) and not (i and group[i - 1].low in _BE) and v.low not in T.AUXILIARIES
                for i, v in enumerate(group))  # (not "but Berg declined.": no words)
            if spoken or past and (t.low in _PRESENT or _present_form(ps, z)):
                return rstrip(ps.text, start, toks[x].start)
            break
    return end


# Words after which a word spelt like a cue is a noun: "but *the forecast* was revised".
_ARTICLES = T.words("the a an its his her their our these those")


def _present_form(ps: ParsedSentence, z: int) -> bool:
    """Token ``z`` reads as a verb in the present after its subject ("the figures *show* a
    rise"), not a past form ("showed")."""
    low = ps.toks[z].low
    return not low.endswith("ed") and low not in past_verbs() and _present_verb(ps, z)


def _word(t: Token) -> bool:
    """A word, a number or a possessive, no punctuation."""
    return t.text.replace("'", "").replace("’", "").replace("-", "").replace(".", "").isalnum()


# Words that open a complement which is no noun phrase: an infinitive, a question, a subject.
_RELATIVE_WORDS = T.words("that which who whom")
_NO_OBJECT = T.words("to what how why where when whether if which who he she it they we i you there")


def _noun_object(ps: ParsedSentence, a: int, k: int, end: int) -> bool:
    """The content from token ``k`` to offset ``end``, right after a cue that is no stance
    verb, is the cue's noun-phrase object, not a clause: "confirmed *the new timetable*",
    "questioned *the cost of the scheme*" (rule said-object). Without its verb such a content
    says nothing, or the opposite of what was said; `claims query` shows the cue before it.
    Any finite verb in it makes it a clause, also one in a relative clause ("France, which has
    ports there, *tried* ..."), and so does a relative word before the speaker (token ``a``):
    "the missiles that Oslo says sank the ferry" gives the content its subject."""
    toks = ps.toks
    if k >= len(toks) or a > 0 and toks[a - 1].low in _RELATIVE_WORDS:
        return False
    first = toks[k]
    if first.low in _NO_OBJECT or first.low in T.AUXILIARIES or first.low in past_verbs() \
            or ps.quote_starting(first):
        return False
    for x in range(k + 1, len(toks)):
        t = toks[x]
        if t.start >= end:
            break
        if t.low in T.AUXILIARIES or t.low.endswith(("n't", "n’t")) or ps.quote_starting(t) or not t.cap and (
                (t.low.endswith("ed") or t.low in past_verbs()) and _finite_past(ps, x) or _present_verb(ps, x)):
            return False  # (a quotation in it may hold the verb: the offer "undervalued" the firm)
    return True


def _finite_past(ps: ParsedSentence, x: int) -> bool:
    """Token ``x``, a past form, reads as a clause's verb: after a word that is no determiner,
    preposition or "and", or after the comma that closes a relative clause, and before no "by"
    ("the EU hoped to", "profits more than doubled in", "the port, which ..., closed", not
    "the plans drawn up by")."""
    toks = ps.toks
    prev = toks[x - 1]
    return (prev.text.isalpha() or prev.text == ",") and prev.low not in T.DETERMINERS and prev.low not in T.PREPOSITIONS \
        and prev.low not in ("and", "or", "but") and (x + 1 >= len(toks) or toks[x + 1].low != "by")


# What follows a verb in -s, not a plural noun: "France *wants* to", "the firm *expects* a rise".
_AFTER_VERB = T.DETERMINERS | T.words("to that it he she they we no not")


def _present_verb(ps: ParsedSentence, x: int) -> bool:
    """Token ``x`` reads as a verb in the present after its subject, before a determiner,
    "to", "that" or a pronoun: a word in -s after a word ("the firm *expects* a rise"), or a
    word without -s after a plural ("MPs *support* the bill", "voters *want* to")."""
    toks = ps.toks
    t, prev = toks[x], toks[x - 1]
    if x + 1 >= len(toks) or toks[x + 1].low not in _AFTER_VERB or not prev.text.isalpha() \
            or prev.low in T.DETERMINERS or prev.low in T.PREPOSITIONS or prev.low in _CLAUSE_OPENERS \
            or not t.text.isalpha() or len(t.low) < 4 or t.low in T.PREPOSITIONS or t.low in _CLAUSE_OPENERS:
        return False  # (not "as", "its", "this": "the cost of relief *as* a means")
    if t.low.endswith("s"):
        return not t.low.endswith(("ss", "us", "is"))
    return prev.low.endswith("s") and not prev.low.endswith("ss") and not t.low.endswith(("ly", "ing"))


def _no_verb_before_comma(ps: ParsedSentence, k: int) -> bool:
    """No auxiliary between token ``k`` and the next comma: a noun phrase, not a clause."""
    toks = ps.toks
    for x in range(k, len(toks)):
        if toks[x].text == ",":
            return True
        if toks[x].low in T.AUXILIARIES:
            return False
    return True


def _content_end(ps: ParsedSentence, how: str, a: int, k1: int, start: int, lead: Token | None,
                 past: bool = False) -> int:
    """Where content starting at ``start`` ends: the sentence's end, or a comma that closes
    the clause the speaker phrase (from token ``a``) sits in; after a cue in the past tense
    (``past``) or before a noun phrase ("a 2.5% target"), also where the writer's contrast begins."""
    toks = ps.toks
    end = ps.content_end()
    k = ps.index_at(start)
    # (content that is a noun phrase, "is repeating a 3% ceiling", holds no clause of its
    # own that ", while X is ..." could continue)
    end = _writer_contrast(ps, k1, start, end, past or k < len(toks) and (
        toks[k].low in ("a", "an") or toks[k].text[:1].isdigit()) and _no_verb_before_comma(ps, k))
    if how == "relative" and a > 0 and toks[a - 1].text == ",":
        # "Trump, who has told aides he sees X, said ...": the relative clause ends
        # where the main clause's verb comes back after a comma.
        back = next((x for x in range(k1, len(toks) - 1) if toks[x].text == "," and toks[x].start > start
                     and not toks[x + 1].cap and (cue_info(toks[x + 1].text) or toks[x + 1].low in T.AUXILIARIES)), None)
        if back is not None:
            end = toks[back].start
    # "... had a "scorching" from MPs adding: "It was ..."": a participle cue opening a second
    # statement of the same speaker ends the first (rule content-ends-at-participle).
    # (a bounded window: a sentence of many cues must stay linear)
    for x in range(k1, min(len(toks) - 1, k1 + _WINDOW)):
        t = toks[x]
        if t.start >= end:
            break
        if t.low.endswith("ing") and t.start > start and (
                toks[x + 1].text == ":" or ps.quote_starting(toks[x + 1])
                # "..." adding that ...; not "published reports alleging that ..."
                or toks[x + 1].low == "that" and (toks[x - 1].text == "," or ps.quote_ending(toks[x - 1]))):
            info = cue_info(toks[x].text)
            if info is not None and not info.weak and info.form == "ing":
                end = toks[x - 1].start if toks[x - 1].text in (",", "-", "–", "—") else toks[x].start
                break
    if lead is not None and lead.low in W.SUBORDINATORS:
        comma = next((x for x in range(k1, len(toks)) if toks[x].text == "," and toks[x].start > start), None)
        if comma is not None:
            end = toks[comma].start
    return end
