"""Cue words used for something other than speech: no claim comes out of them.

A reporting verb often reports an act, a sighting or a crowd's mood rather than words. Each
check below is named (``CHECKS``), and ``not_speech`` says which one turned a cue down:

``sighting-or-act``   "The monitors observed a convoy", "The airline posted a record profit",
                      "The union agreed to the offer": a cue flagged "o" in data/cue_verbs.tsv
                      with a noun phrase or a to-infinitive after it, not a clause.
``refusal-to-speak``  "The firm declined to comment": refusing to say something is not saying it.
``crowd-belief``      "Many fear the plant will close", "4% of those polled thought ...",
                      "Investors had worried that ...": a belief cue whose subject is an
                      uncounted crowd or a poll's share, a mood nobody expressed.
``mute-speaker``      "The album confirmed his status", "Cold weather in the US threatened
                      stocks": the speaker phrase names a thing that cannot speak, or the place
                      of one (data/mute_nouns.txt).
``obliged-to-speak``  "The government should make clear how ...": the subject is asked to speak
                      and has said nothing yet.
``added-to``          "Reyes has added to speculation linking him with Madrid", "adding to the
                      pressure": "add to" and a thing, not an addressee, is no speech.
``asked-not-said``    "Asked whether he believed the talks would fail, ...", "It is unclear if she
                      thinks ...", "A reporter asked if the deal was dead": the cue is in a
                      question put to the speaker, or a condition, or is a journalist's
                      question itself, not something anyone said.
``left-unsaid``       "The ministry did not say how many soldiers were killed", "she would not
                      say whether ...": a negated cue before a question word reports what was
                      not said.
``added-amount``      "Shares in Vikco added a further 5.1% to $31", "the index added 20 points": a
                      rise in the writer's market narration, not words added.
``anonymity-request`` "An aide, who asked not to be named, said ...": asking to stay unnamed
                      (data/anonymity_phrases.txt) is the terms of the interview, not a statement.
``headline-passive``  "Act on the ruling, UK urged", "Pay up, firms warned": a headline ending in
                      the name and a past participle is a passive (its active is "urges"): the
                      name is the one urged, nobody's words are given.
``imagined-speech``   "If she lost, people would say his time was up", "Everyone will say
                      the plan is too late": a modal before a verb of saying with a crowd for speaker, or
                      "would"/"could"/"might" after an "if" or "unless" clause: what someone
                      imagines others would say, not words anyone said.
``mandative-subjunctive`` "demanded that the minister explain the cost": a bare verb after a
                      singular subject in a "that" clause is what someone asked of them, not
                      something they said.
"""

from __future__ import annotations

from functools import cache

from claimsdb.extract import tokens as T
from claimsdb.extract import words as W
from claimsdb.extract.lexicon import CueInfo, anonymity_phrases, asks_anonymity, speaker_nouns, title_words, word_set
from claimsdb.extract.phrases.noun_phrases import person_head
from claimsdb.extract.sentence import ParsedSentence, cue_info
from claimsdb.extract.speakers import Mention
from claimsdb.resolve.countries import demonym_code

CHECKS = {
    "sighting-or-act": ("a sighting or act verb before a noun phrase or a to-infinitive",
                        "The monitors observed a convoy near the border."),
    "refusal-to-speak": ("declined or refused to comment, say or confirm",
                         "The ministry declined to comment on the report."),
    "crowd-belief": ("a belief of an uncounted crowd or a poll's share",
                     "Many fear the plant will close."),
    "mute-speaker": ("a speaker phrase naming a thing that cannot speak",
                     "The album confirmed his status as a star."),
    "obliged-to-speak": ("should, must or needs to before the cue",
                         "The council should explain why the harbour closed."),
    "added-to": ("'add to' before a noun phrase that names no addressee",
                 "The striker has added to speculation linking him with a move to Bergen."),
    "added-amount": ("'add' before an amount and no clause: a market move",
                     "Shares in Vikco added a further 5.1% to $31 in late trading."),
    "asked-not-said": ("the speaker phrase opens a question or condition (if, whether)",
                       "Asked whether he thought the plan would fail, the mayor smiled."),
    "left-unsaid": ("a negated cue before a question word",
                    "The ministry did not say how many ferries had sunk."),
    "anonymity-request": ("the cue asks for anonymity (data/anonymity_phrases.txt)",
                          "The aide asked not to be named."),
    "imagined-speech": ("a modal before the cue with a crowd for speaker or after an if-clause",
                        "If the ferry sank, people would say the harbour was cursed."),
    "headline-passive": ("a headline's past participle after the name that ends it: the name is the one urged",
                         "Keep the harbour open, mayor urged"),
    "mandative-subjunctive": ("a bare verb after a singular subject in a 'that' clause: asked of them",
                              "The new law requires that the mayor explain the harbour fees each year."),
}

# Title words that name many ("the majority leader" is one person, "the majority" many).
_MANY = T.words("majority minority army party staff")


def _one_person(m: Mention) -> bool:
    """A named person, or one person by a title ("the mayor"), not a pronoun or a group."""
    if m.plural or m.pronoun or " and " in m.text or "&" in m.text:
        return False  # ("Mr and Mrs Berg say")
    head = m.text.split()[-1].lower()
    return m.type == "person" or m.type == "anonymous" and head in title_words() and head not in _MANY


# Modals that make a cue speech imagined, not reported; the first three also after "if".
_IMAGINING = T.words("would could might may will 'd 'll")
_CONDITIONAL_MODALS = T.words("would could might 'd")
# Verbs of saying that a modal makes imagined ("people would say"); not "could deny them
# permits", a deed.
_IMAGINED_VERBS = T.words("say tell claim argue insist complain admit suggest")
# Pronouns that name anybody at all: "everyone would say ...".
_ANYBODY = T.words("everyone everybody anyone anybody someone somebody nobody people")

# Finite verbs and modals that make what follows a cue a clause, not a noun phrase.
_FINITE = T.AUXILIARIES | T.words("won't can't didn't doesn't don't isn't wasn't aren't weren't")
_SUBJECTS = T.words("he she it they we i you there")
# A relative clause hangs on the object; its verb is not the complement's.
_RELATIVES = T.words("which who whose where")
# What one is denied when "denied" means refused: "denied bail", "denied entry".
_REFUSED = T.words("bail parole entry access permission visas visa asylum admission")
# Words between "denied" and what was refused: whom it was refused ("the inspectors"), and how
# much ("any", "further").
_REFUSED_BEFORE = T.words("any further all full")


def _refused_after(ps: ParsedSentence, c: int) -> bool:
    """Whether what follows a "denied" at token ``c`` is a thing refused, right away ("denied
    bail") or after whom it was refused ("denied the inspectors any access"); not a noun with
    a phrase of its own before it ("denied reports of visa fraud")."""
    toks = ps.toks
    for x in range(c, min(len(toks), c + 5)):
        t = toks[x]
        if t.low in _REFUSED:
            return True
        if ps.is_stop(x) or not t.text.isalpha() or t.low in T.PREPOSITIONS or t.low == "that" or cue_info(t.text):
            return False
        if x > c + 2 and not (t.low in T.DETERMINERS or t.low in _REFUSED_BEFORE):
            return False  # whom it was refused is a short phrase: "the inspectors", "foreign reporters"
    return False
# Words that open an adverbial clause after an object: "... after the session had closed".
_ADVERBIAL_OPENERS = T.words("after before until because although though unless once whereas")
_WH_WORDS = T.words("what how why where when whether if which who")
# What respondents are questioned for: "those questioned for a survey".
_SURVEY_NOUNS = T.words("survey surveys poll polls study studies research questionnaire")
# Quantifiers of an uncounted crowd; "all" and "both" count a set the article has named.
_CROWD_QUANTIFIERS = T.QUANTIFIER_SPEAKERS - {"all", "both"}


@cache
def mute_nouns() -> frozenset[str]:
    """Nouns naming things that cannot speak ("album", "victory")."""
    return word_set("mute_nouns.txt")


@cache
def belief_verbs() -> frozenset[str]:
    return word_set("belief_verbs.txt")


@cache
def past_verbs() -> frozenset[str]:
    return word_set("past_verbs.txt")


@cache
def crowd_nouns() -> frozenset[str]:
    """Nouns naming a crowd whose belief is a mood, not a statement ("investors", "people")."""
    return word_set("crowd_nouns.txt")


def clause_follows(ps: ParsedSentence, i: int) -> bool:
    """Whether the words from token ``i`` read as a clause ("he would play", "the talks had
    stalled") rather than a noun phrase or a to-infinitive ("a convoy", "to pay")."""
    toks = ps.toks
    n = len(toks)
    if i >= n or toks[i].low == "to" or toks[i].low in _WH_WORDS:
        return False  # "agreed to pay"; "revealed what he knew": a topic, not what was said
    if toks[i].low in _SUBJECTS and not toks[i].cap or toks[i].low in _SUBJECTS and i + 1 < n and toks[i + 1].low in _FINITE:
        return i + 1 < n and not ps.is_stop(i + 1) and toks[i + 1].text not in (",", ")")
    opened = False
    for x in range(i + 1, min(n, i + 14)):
        t = toks[x]
        if t.text == ":":
            return True  # "revealed the size of the harvest: ...": the words follow
        if ps.is_stop(x) or t.text == ";" or t.low in _RELATIVES or t.text == "," and x + 1 < n and cue_info(toks[x + 1].text):
            return False  # "which posted its ninth drop in sales, said ...": the object ends at the comma
        if t.low == "that" or t.text in ("-", "–", "—"):
            opened = True  # "pointed to an oddity - that one tune written before ..."
        if t.low in _ADVERBIAL_OPENERS and toks[x - 1].text != "," and not opened:
            # "added an extra 6% to $27 after the session had closed": the verb is the
            # adverbial clause's; the object is a noun phrase (after a comma, an aside: "the
            # ferry, if repaired, would sail")
            return False
        if t.low in _FINITE:
            return True
        if (t.low.endswith("ed") or t.low in past_verbs()) and not t.cap and _finite_here(ps, x):
            return True  # "the review ended", "several factors left him disillusioned"
    return False


def _stance_infinitive(ps: ParsedSentence, c: int) -> bool:
    """"refused to rule out a rise": a to-infinitive that is itself a stance cue."""
    toks = ps.toks
    if c + 2 >= len(toks) or toks[c].low != "to":
        return False
    said = cue_info(toks[c + 1].text + " " + toks[c + 2].text) or cue_info(toks[c + 1].text)
    return said is not None and said.stance and not said.weak


def _obliged(ps: ParsedSentence, k0: int) -> bool:
    """"The government should make clear how ...", "X must explain why ...": the writer or
    someone else asks the subject to speak; the subject has said nothing yet."""
    toks = ps.toks
    x = k0 - 1
    while x >= 0 and toks[x].low in ("not", "also", "now", "still", "first", "publicly", "urgently"):
        x -= 1
    if x < 0:
        return False
    if toks[x].low in ("should", "must", "ought"):
        return True
    return toks[x].low == "to" and x > 0 and toks[x - 1].low in ("need", "needs", "ought", "has", "have")


def _participle_object(ps: ParsedSentence, i: int) -> bool:
    """A noun phrase from token ``i`` with a participle after its noun: "90 vehicles waiting to
    cross", "a convoy of tanks moving east"."""
    toks = ps.toks
    for x in range(i + 1, min(len(toks), i + 12)):
        t = toks[x]
        if ps.is_stop(x) or t.text in (",", ";", ":"):
            return False
        if t.low.endswith("ing") and len(t.low) > 5 and not t.cap and (toks[x - 1].text.isalpha() or toks[x - 1].text == ")") \
                and toks[x - 1].low not in T.DETERMINERS and toks[x - 1].low not in T.PREPOSITIONS:
            return True
    return False


def _finite_here(ps: ParsedSentence, x: int) -> bool:
    """A past form at token ``x`` is the clause's verb, not a participle after its noun
    ("trucks marked as aid", "vehicles queued to move", "the plans unveiled by")."""
    toks = ps.toks
    prev = toks[x - 1]
    nxt = toks[x + 1].low if x + 1 < len(toks) else "."
    return prev.text.isalpha() and prev.low not in T.DETERMINERS and prev.low not in T.PREPOSITIONS \
        and prev.low not in ("and", "or", "but") and nxt not in ("by", "as", "to", "in", "at", "on", "from", "with")


def not_speech(ps: ParsedSentence, info: CueInfo, mention: Mention, a: int, k0: int, k1: int,
               after: tuple[int, str] | None) -> str | None:
    """The name of the check that finds the cue (tokens ``k0`` up to ``k1``, speaker phrase
    from token ``a``) reports no speech, or None when it may be a claim."""
    toks = ps.toks
    if _obliged(ps, k0):
        return "obliged-to-speak"
    if ps.heading and info.form == "ed" and toks[k0].low in _HEADLINE_PASSIVES and a > 0 and toks[a - 1].text == "," \
            and (k1 >= len(toks) or ps.is_stop(k1)):
        # "Act on the ruling, UK urged", "Pay up, firms warned": a headline's past participle
        # after the name is a passive (its active is "urges"), the name the one urged (check
        # headline-passive)
        return "headline-passive"
    if info.weak and info.form == "ed" and _after_had(ps, k0) and (
            k1 < len(toks) and toks[k1].low == "to" or info.lemma in belief_verbs()):
        # "The yard had (at first) hoped to sell the ferry", "analysts who had expected the
        # minutes to show ...": a past plan or expectation, narrated
        return "sighting-or-act"
    if asks_anonymity(ps.toks, k0, k1):
        return "anonymity-request"
    if info.lemma in _IMAGINED_VERBS and _imagined(ps, mention, a, k0):
        return "imagined-speech"
    if _left_unsaid(ps, info, k0, k1):
        return "left-unsaid"
    rite = k1 + 1 if k1 + 1 < len(toks) and toks[k1].low in ("a", "his", "her", "their", "our") else k1
    if k1 < len(toks) and (info.lemma == "say" and toks[rite].low in _RITES
                           or info.lemma == "answer" and toks[k1].low == "questions"):
        # "He can say farewell to the cup", "said a prayer", "answered questions": no words reported
        return "sighting-or-act"
    if info.form == "ed" and toks[k0].low in W.SURVEYED and k1 < len(toks) and toks[k1].low in ("for", "by", "in") \
            and any(t.low in _SURVEY_NOUNS for t in toks[k1 + 1 : k1 + 4]):
        return "crowd-belief"  # "Teenagers questioned for a survey have shown ...": respondents, passive
    if a > 0 and (toks[a - 1].low == "whether" or toks[a - 1].low == "if" and not (a > 1 and toks[a - 2].low == "even")):
        return "asked-not-said"  # but "even if the coach admitted ...": he did admit it
    if info.form == "base" and a > 0 and toks[a - 1].low == "that" and _one_person(mention) \
            and toks[k0 - 1].end == mention.end:
        # "demanded that Milei explain the cost": one person right before a bare verb is a
        # subjunctive, what someone asked of them, not what they said (check
        # mandative-subjunctive; not a body, which British English gives a plural verb: "the
        # majority expect")
        return "mandative-subjunctive"
    if info.lemma in _ASKING and after is not None and after[1] != "quote" \
            and toks[ps.index_at(after[0])].low in _QUESTION_WORDS and _press(mention):
        # "A reporter asked if the talks had failed": the press's question, no statement (a
        # politician's "asked whether ..." may be a rhetorical point, and stays)
        return "asked-not-said"
    if info.lemma == "add" and k1 + 1 < len(toks) and toks[k1].low == "to" and not _addressee(ps, k1 + 1):
        return "added-to"
    if info.lemma == "add" and _amount_at(ps, k1):
        return "added-amount"  # "They added a further 5.1% to $31": shares that rose, no words
    if info.form == "ed" and k1 + 1 < len(toks) and toks[k1].low == "to" and toks[k1 + 1].low in ("be", "have", "been"):
        return "sighting-or-act"  # "sweeteners reported to have been discussed": a passive, no speaker
    if info.form == "ed" and k1 < len(toks) and toks[k1].low == "to" and a > 0 and toks[a - 1].low in T.PASSIVE_AUX \
            and mention.pronoun == "it":
        return "sighting-or-act"  # "Is it expected to cost $250?": a passive asked, no speaker
    if info.lemma in ("ask", "question") and info.form == "ed" and k1 < len(toks) and (
            toks[k1].low in T.AUXILIARIES or toks[k1].low in W.PLURAL_VERBS):
        return "crowd-belief"  # "27% of consumers asked are interested in ...": a poll's share
    if ps.heading and info.clause_only and info.form == "s" and after is None and (
            k1 >= len(toks) or ps.is_stop(k1)) and not (info.lemma == "find" and a > 0 and toks[a - 1].text == ","):
        # (not "..., study finds": a finding reported after it, rule finding)
        return "sighting-or-act"  # "US bank 'loses' customer details": a noun ends the headline
    if after is not None and after[1] == "quote" and (info.clause_only or info.sighting) and not ps.heading \
            and k1 < len(toks) and toks[k1].start < after[0] and toks[k1].low != "that" \
            and not any(t.text == ":" or t.low == "that" for t in toks[k1 : ps.index_at(after[0])]) \
            and len(ps.text[after[0] : ps.by_start[after[0]].end].split()) < 4:
        # "observed in the city five trucks escorted by a “police” car": the quotation marks
        # only a name inside the object
        return "sighting-or-act"
    if after is not None and after[1] == "complement":
        c = ps.index_at(after[0])
        if info.clause_only and not ps.heading and not clause_follows(ps, c) and not _stance_infinitive(ps, c):
            # (a headline's topic after its cue is weighed by rules.headline)
            return "sighting-or-act"
        if info.sighting and not ps.heading and not clause_follows(ps, c) and _participle_object(ps, c):
            return "sighting-or-act"
        if info.lemma == "deny" and _refused_after(ps, c):
            # "was repeatedly denied bail", "denied the inspectors any access": refused, not a
            # denial
            return "sighting-or-act"
        if c + 1 < len(toks) and toks[c].low == "to" and info.weak:
            said = cue_info(toks[c + 1].text)
            if said is not None and said.form == "base" and not said.stance and not said.weak:
                return "refusal-to-speak"
    if info.lemma in belief_verbs() and _crowd(ps, mention, a):
        return "crowd-belief"
    if info.lemma in belief_verbs() and _speculated(ps, k0):
        return "imagined-speech"  # "some fear the board might still believe ...": a guess at a belief
    if _polled_for(ps, a):
        return "crowd-belief"  # "21% of those polled for the Times said": respondents, not the paper
    if _mute(mention) or a >= 2 and toks[a - 1].low in ("from", "by", "of", "in") and toks[a - 2].low in mute_nouns():
        return "mute-speaker"  # "A late goal from Anna Berg condemned them to defeat": the goal
    return None


# Verbs whose object a headline puts before them in the passive: "..., UK urged".
_HEADLINE_PASSIVES = T.words("urged told warned asked advised ordered reminded pressed")


# What is said as a rite, with no statement in it: "said goodbye", "said a prayer", "said grace".
_RITES = T.words("farewell farewells goodbye goodbyes prayer prayers grace hello mass amen")


# Words that open the question a negated cue leaves open ("did not say how many ...").
_QUESTION_WORDS = T.words("how whether what when where who whom whose why which if")
# Cues that put a question ("asked if ...", "wondered whether ...") and the askers whose
# question is no statement: the press at a briefing or an interview.
_ASKING = T.words("ask question wonder inquire enquire")
_PRESS = T.words("reporter reporters journalist journalists correspondent correspondents interviewer questioner")


def _press(mention: Mention) -> bool:
    """The speaker phrase is a journalist putting a question ("a reporter from a Danish paper")."""
    return any(w in _PRESS for w in mention.text.split())

# Cues of telling whose negation leaves a question open ("did not say", "would not disclose").
_TELL_VERBS = T.words("say tell state specify disclose reveal confirm comment indicate")


# Words before an amount that make it one: "an extra 6%", "a further 20 points", "another 3p".
_AMOUNT_OPENERS = T.words("an a another extra further")
_AMOUNT_UNITS = T.words("p pence cents cent points point bn m million billion")
_AMOUNT_AFTER = T.words("to in on at from after before , ; and higher lower")


def _amount_at(ps: ParsedSentence, i: int) -> bool:
    """Whether an amount starts at token ``i`` and no clause follows it: "6.4%", "an extra
    6.4% to $27", "a further 20 points" (not "5% of the total was waste")."""
    toks = ps.toks
    j = i
    while j < len(toks) and j < i + 2 and toks[j].low in _AMOUNT_OPENERS:
        j += 1
    if j >= len(toks) or not toks[j].text[:1].isdigit() and toks[j].text not in ("$", "£", "€"):
        return False
    while j < len(toks) and (toks[j].text[:1].isdigit() or toks[j].text in ("$", "£", "€", "%", ".")
                             or toks[j].low in _AMOUNT_UNITS) and not ps.is_stop(j):
        j += 1
    # ("to $27", "in late trading", "on Friday", or the sentence ends: a move, not "5% of ... was")
    return j >= len(toks) or ps.is_stop(j) or toks[j].low in _AMOUNT_AFTER


def _left_unsaid(ps: ParsedSentence, info: CueInfo, k0: int, k1: int) -> bool:
    """"did not say how many ...", "would not say whether ...", "has not told reporters when
    ...": "not" just before the cue and a question word after it (past a listener)."""
    toks = ps.toks
    if info.lemma not in _TELL_VERBS:
        return False  # "could not explain why ...": an explanation missing, reported as a claim
    if not (k0 >= 1 and toks[k0 - 1].low in ("not", "n't", "never")
            or k0 >= 2 and toks[k0 - 2].low in ("not", "n't", "never") and W.is_adverb(toks[k0 - 1].low)):
        return False
    x = k1
    if info.listener and x < len(toks) and (toks[x].low in T.OBJECT_PRONOUNS or toks[x].low in T.LISTENERS):
        x += 1
    return x < len(toks) and toks[x].low in _QUESTION_WORDS


def end_claims_before(ps: ParsedSentence, a: int) -> None:
    """The clause of the speaker phrase at token ``a`` is no claim, but it is not the content of
    an earlier claim either: after ", but" / ", and" / ", while" those claims end at the comma."""
    toks = ps.toks
    if a >= 2 and toks[a - 1].low in ("but", "and", "while", "whereas") and toks[a - 2].text == ",":
        cut = toks[a - 2].start
        for c in ps.claims:
            if c.start < cut < c.end:
                c.end = cut


def _imagined(ps: ParsedSentence, mention: Mention, a: int, k0: int) -> bool:
    """Check ``imagined-speech``: "people would say ...", "if he lost, he might claim ..."."""
    toks = ps.toks
    x = k0 - 1
    if x >= 0 and W.is_adverb(toks[x].low) and toks[x].low not in ("not", "n't", "never"):
        x -= 1
    if x < a or toks[x].low not in _IMAGINING or toks[x].cap and x != a:
        return False
    words = mention.text.lower().split()
    if mention.pronoun is None and (words and words[-1] in _ANYBODY or _crowd(ps, mention, a)):
        return True  # "people would say", "critics will say"
    # "If she lost, she would say ...": the speech depends on a condition that has not happened
    return toks[x].low in _CONDITIONAL_MODALS and any(t.low in ("if", "unless") for t in toks[:a])


def _speculated(ps: ParsedSentence, k0: int) -> bool:
    """A belief verb at token ``k0`` after "may", "might" or "could" (and adverbs): someone's
    guess at what the believer thinks ("the bank may still think ..."), no view expressed."""
    toks = ps.toks
    x = k0 - 1
    while x >= 0 and k0 - x <= 3 and toks[x].low in T.ADVERBS and toks[x].low not in ("not", "n't", "never"):
        x -= 1  # (not "could not believe": disbelief voiced)
    return x >= 0 and toks[x].low in ("may", "might", "could") and not toks[x].cap


def _after_had(ps: ParsedSentence, k0: int) -> bool:
    """The cue at ``k0`` follows "had", perhaps with an adverb between ("had initially hoped")."""
    x = k0 - 1
    if x >= 0 and W.is_adverb(ps.toks[x].low):
        x -= 1
    return x >= 0 and ps.toks[x].low == "had"


def _polled_for(ps: ParsedSentence, a: int) -> bool:
    """The speaker phrase from token ``a`` (with any capitalised words or article before it)
    follows "polled for" or "surveyed by": it names whom a poll was made for."""
    toks = ps.toks
    x = a - 1
    while x >= 0 and (toks[x].cap or toks[x].low in ("the", "a", "an")):
        x -= 1
    return x >= 1 and toks[x].low in ("for", "by") and toks[x - 1].low in W.SURVEYED


def _addressee(ps: ParsedSentence, i: int) -> bool:
    """The noun phrase from token ``i`` names whom words are addressed to ("added to
    reporters", "added to the BBC", "added to him"), not a thing ("added to speculation",
    "added to the club's woes"): its head is a name, a pronoun or a noun for people."""
    toks = ps.toks
    head = None
    for x in range(i, min(len(toks), i + 6)):
        t = toks[x]
        if x == i and t.low in T.OBJECT_PRONOUNS:
            return True
        if t.low in T.DETERMINERS or t.low in ("his", "her", "their", "its", "our", "my", "your"):
            continue
        word = t.text.replace("-", "").replace("'s", "").replace("’s", "")
        if not word.isalpha() or t.low in T.PREPOSITIONS or t.low in T.CLAUSE_WORDS or t.low in T.AUXILIARIES \
                or (t.low.endswith("ing") and not t.cap):
            break
        head = t
    return head is not None and (head.cap or head.low in T.LISTENERS or person_head(head))


def _crowd(ps: ParsedSentence, mention: Mention, a: int) -> bool:
    toks = ps.toks
    if mention.pronoun is not None:
        return False
    words = [w for w in mention.text.lower().split() if w not in ("the", "a", "an")]
    if not words:
        return False
    if a >= 2 and toks[a - 1].low == "of" and (
            toks[a - 2].text in ("%", "per") or toks[a - 2].low in _CROWD_QUANTIFIERS
            or toks[a - 2].low in ("half", "third", "quarter", "majority", "minority", "cent", "percent")
            or toks[a - 2].text.rstrip("%").replace(".", "").isdigit()):
        return True  # "4% of those polled", "most of the fans"
    head = words[-1]
    if len(words) >= 2 and words[-1] in W.SURVEYED:
        return True  # "those questioned", "people polled"
    crowd = head in crowd_nouns() or (head.endswith("s") and demonym_code(mention.text.split()[-1][:-1]) is not None)
    if words[0] in _CROWD_QUANTIFIERS and (len(words) == 1 or crowd or speaker_nouns().get(head) != "group"):
        return True  # "many", "most Russians", "some people"; not "some analysts"
    return crowd and len(words) == 1


def _mute(mention: Mention) -> bool:
    if mention.pronoun is not None:
        return False
    words = []
    for w in mention.text.split():
        low = w.lower().strip(",")
        if low in T.PREPOSITIONS:
            break  # "the director of the film": the film is where the speaker works
        words.append(low)
    mute = not mute_nouns().isdisjoint(words)
    return mute and not any(w in title_words() or w in speaker_nouns() for w in words)
