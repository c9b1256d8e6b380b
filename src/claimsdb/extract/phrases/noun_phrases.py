"""Noun phrases that can name a speaker: before or after a token, at the start of a clause."""

from __future__ import annotations

from claimsdb.extract import tokens as T
from claimsdb.extract import words as W
from claimsdb.extract.lexicon import document_nouns, speaker_nouns, title_words
from claimsdb.extract.sentence import ParsedSentence, cue_info
from claimsdb.extract.speakers import ORG_WORDS, country_code
from claimsdb.extract.tokens import Token
# Compiled once per machine (claimsdb.pattern_cache): the same pattern objects as re.compile's.
from claimsdb.pattern_cache import compile_pattern


# A place described by its common noun, in the possessive: "the country's", "the island's".
_PLACE_POSSESSIVES = frozenset(f"{noun}{mark}" for noun in ("country", "island", "nation", "kingdom", "republic")
                               for mark in ("'s", "’s"))


def _described_place_start(ps: ParsedSentence, j: int) -> bool:
    """Whether "the" (maybe with a capitalised word: "the Caribbean") before the place
    possessive at ``j`` opens the speaker phrase: no "and" or "or" before it."""
    k = j - 1
    if k > 0 and ps.toks[k].cap and ps.toks[k - 1].low in T.DETERMINERS:
        k -= 1
    if ps.toks[k].low not in T.DETERMINERS:
        return False
    return k == 0 or ps.toks[k - 1].low not in ("and", "or", "&")


def attributive_participle(toks, j: int) -> bool:
    """``toks[j]`` is an -ed word between "the"/"a"/"an" and a lower-case noun for people
    ("the alleged spammers"): an adjective inside the noun phrase, not a verb or a cue."""
    low = toks[j].low
    return low.endswith("ed") and not toks[j].cap and 0 < j < len(toks) - 1 and toks[j - 1].low in ("the", "a", "an") \
        and not toks[j + 1].cap and toks[j + 1].text.isalpha() \
        and speaker_nouns().get(toks[j + 1].low, "person") in ("anonymous", "group", "person") and (
            toks[j + 1].low in speaker_nouns() or T.person_noun(toks[j + 1].low))


_ORDINALS = frozenset("second third fourth fifth sixth seventh eighth ninth tenth".split())


def np_word(ps: ParsedSentence, tok: Token, j: int) -> bool:
    low = tok.low
    if low in W.WEEKDAYS:
        return False  # "told MSNBC Monday"
    if tok.cap:
        return low not in T.CLAUSE_WORDS or (j > 0 and ps.toks[j - 1].cap and low not in ("and", "but"))
    return (
        low in title_words() or low in speaker_nouns() or low in T.DETERMINERS
        or low in T.CONNECTORS or tok.text in ("'s", "’s")
        or (tok.text == "-" and j > 0 and ps.toks[j - 1].end == tok.start)
        # An age after an article, before the noun for the person: "the 24-year-old Nigerian", "a
        # 45-year-old teacher" (without the article it may follow a quotation the phrase is not
        # part of: '"...," 60-year-old Ms Olga said')
        or (low[:1].isdigit() and T.person_noun(low) and j > 0 and ps.toks[j - 1].low in ("the", "a", "an")
            and j + 1 < len(ps.toks) and (
            ps.toks[j + 1].cap or ps.toks[j + 1].low in speaker_nouns() or T.person_noun(ps.toks[j + 1].low)))
        # A participle of a cue verb as an adjective, between an article and a noun for people
        # (check attributive-cue-word): "the alleged spammers", "a reported gunman"
        or attributive_participle(ps.toks, j)
        # An ordinal between an article and the noun for a person: "a third diplomat", "the
        # second official" (wire copy counting its anonymous sources)
        or (low in _ORDINALS and j > 0 and ps.toks[j - 1].low in ("a", "an", "the") and j + 1 < len(ps.toks)
            and (ps.toks[j + 1].low in speaker_nouns() or ps.toks[j + 1].low in title_words() or T.person_noun(ps.toks[j + 1].low)))
        # A plural's possessive after a determiner: "the workers' union leader"
        or (low.endswith(("s'", "s’")) and j > 0 and ps.toks[j - 1].low in T.DETERMINERS)
        # A place described, then its body: "the Caribbean island's government"
        # (not after "X and the country's ...": two speakers, the phrase starts at "the")
        or (low in _PLACE_POSSESSIVES and j > 0 and _described_place_start(ps, j))
        # An occupation after an age, before a name: "said 39-year laborer X"
        or (j > 0 and ps.toks[j - 1].low[:1].isdigit() and ps.toks[j - 1].low.endswith(("-year", "-old"))
            and low.isalpha() and j + 1 < len(ps.toks) and ps.toks[j + 1].cap)
        # A noun modifying a speaker noun: "the rebel leadership", "the opposition movement";
        # not after a sentence's first word, whose capital says nothing ("Animal welfare groups").
        # ... or two after a body's name or "the": "the UN human rights office", "the
        # environment select committee"
        or (j + 2 < len(ps.toks) and _noun_modifier(low) and _noun_modifier(ps.toks[j + 1].low)
            and not ps.toks[j + 1].cap and not ps.toks[j + 2].cap and j > 0
            and (ps.toks[j - 1].cap and ps.toks[j - 1].low not in T.CLAUSE_WORDS or ps.toks[j - 1].text == "."
                 or ps.toks[j - 1].text == "the")
            and (ps.toks[j + 2].low in speaker_nouns() or ps.toks[j + 2].low in title_words()))
        or (j + 1 < len(ps.toks) and _noun_modifier(low) and not ps.toks[j + 1].cap
            and not (j == 1 and ps.toks[0].cap and ps.toks[0].low not in T.DETERMINERS
                     and country_code(ps.toks[0].text) is None) and (
            ps.toks[j + 1].low in speaker_nouns() or ps.toks[j + 1].low in title_words() or T.person_noun(ps.toks[j + 1].low)))
        # A noun in -ing modifying a speaker noun after a name or an article: "the OSCE
        # monitoring mission", "the ruling party", "the governing body" (rule ing-modifier)
        or (low.endswith("ing") and len(low) > 5 and low.isalpha() and not cue_info(low) and j > 0
            and j + 1 < len(ps.toks) and not ps.toks[j + 1].cap
            and (ps.toks[j - 1].cap and ps.toks[j - 1].low not in T.CLAUSE_WORDS or ps.toks[j - 1].low in ("the", "a", "an"))
            and (ps.toks[j + 1].low in speaker_nouns() or ps.toks[j + 1].low in title_words()))
        # An adjective inside a speaker phrase: "The Democratic presidential candidate".
        or (low.endswith(W.ADJECTIVE_ENDINGS) and len(low) > 5 and low.isalpha() and not cue_info(low)
            and j + 1 < len(ps.toks) and (ps.toks[j + 1].cap or ps.toks[j + 1].low in title_words()
                                            or ps.toks[j + 1].low in speaker_nouns()))
    )


# An abbreviation written with full stops, the last one a token of its own: "U.N", "U.S".
_DOTTED = compile_pattern(r"(?:[A-Z]\.)+[A-Z]")


def _quoted_name(text: str) -> bool:
    """A name in quotation marks before a noun for people: one word with a capital, or up to
    five words each with one ("Donetsk People's Republic"), no sentence punctuation."""
    words = text.split()
    return 0 < len(words) <= 5 and all(w[:1].isupper() for w in words) and not any(c in text for c in ",.!?;:")


def _noun_modifier(low: str) -> bool:
    return len(low) > 2 and low.isalpha() and not (
        low in T.CLAUSE_WORDS or low in W.ADJUNCT_STARTS or low in T.DATE_WORDS or low in T.AUXILIARIES
        or low in T.ADVERBS or low in T.PREPOSITIONS or low in T.OBJECT_PRONOUNS or low in T.PRONOUNS
        or low in T.QUANTIFIER_SPEAKERS or cue_info(low) or low.endswith(("ed", "ly", "ing")))


def a_countrys_side(toks, i: int) -> bool:
    """"the Russian side": a country in talks or a dispute (not "the home side"); "both sides",
    "the two sides" of talks."""
    if toks[i].low == "sides":
        return i > 0 and toks[i - 1].low in ("both", "two")
    return toks[i].low == "side" and i > 0 and toks[i - 1].cap and country_code(toks[i - 1].text) is not None


def left_np(ps: ParsedSentence, i: int) -> tuple[int, int] | None:
    """The speaker phrase ending at token ``i`` (inclusive), as token indices."""
    toks = ps.toks
    if i < 0:
        return None
    head = toks[i]
    if head.low in T.QUANTIFIER_SPEAKERS and (i == 0 or not np_word(ps, toks[i - 1], i - 1)):
        return i, i  # "Several said ...", "Others argue ..."
    if not (head.cap or head.low in speaker_nouns() or head.low in title_words()
            or T.person_noun(head.low) or a_countrys_side(toks, i)) or head.low in T.DETERMINERS:
        return None
    if head.low in T.CLAUSE_WORDS and head.cap and (i == 0 or not toks[i - 1].cap):
        return None
    j = i
    while j - 1 >= 0:
        t = toks[j - 1]
        if t.text == "." and j - 2 >= 0 and (toks[j - 2].low in W.ABBREVIATED_TITLES or _DOTTED.fullmatch(toks[j - 2].text)):
            j -= 1  # "Gen. Lee", "the U.N. refugee agency"
            continue
        if t.text == "." and j - 3 >= 0 and len(toks[j - 2].text) == 1 and toks[j - 2].cap and toks[j - 3].cap \
                and toks[j].cap:
            j -= 2  # a middle initial: "Michael C. Cernech"
            continue
        if t.low == "as" and j - 2 >= 0 and toks[j - 2].low == "such":
            j -= 2
            continue
        if t.low == "like" and j - 2 >= 0 and toks[j - 2].low in speaker_nouns():
            j -= 1
            continue
        if t.low in ("the", "a", "an") and not t.cap and j - 2 >= 0 and not toks[j - 2].cap \
                and toks[j - 2].low in document_nouns():
            break  # "In a statement the league said": the document is the adjunct's, not the speaker's
        if np_word(ps, t, j - 1):
            j -= 1
            continue
        if t.text in T.CLOSE_QUOTES and j - 3 >= 0 and toks[j - 3].text in T.OPEN_QUOTES \
                and _quoted_name(ps.text[toks[j - 2].start : toks[j - 2].end]) and not toks[j].cap and person_head(toks[j]):
            j -= 3  # '"LPR" members', 'the "Donetsk People's Republic" leader': a name in quotation marks
            continue
        if t.low == "to" and j - 2 >= 0 and toks[j - 2].low in title_words() and (
                toks[j].cap or toks[j].low == "the" and j + 1 <= i and toks[j + 1].cap):
            j -= 1  # "Ambassador to NATO Anna Berg", "Ambassador to the United Nations Anna Berg"
            continue
        if t.low == "on" and j - 2 >= 0 and toks[j - 2].cap and toks[j - 2].low in ORG_WORDS:
            j -= 1  # "the Commission on Presidential Debates"
            continue
        break
    while j <= i and (toks[j].low in T.CONNECTORS and not _name_particle(toks, j, i)
                      or (toks[j].cap and toks[j].low in T.CLAUSE_WORDS)
                      or (not toks[j].text[:1].isalnum()
                          and not (toks[j].text in T.OPEN_QUOTES and j + 2 < i and toks[j + 2].text in T.CLOSE_QUOTES))
                      # "In December Microsoft said": the month belongs to "In".
                      or (j < i and toks[j].low in T.DATE_WORDS and j > 0
                          and toks[j - 1].low in ("in", "since", "by", "until", "last", "this", "next", "from"))):
        j += 1
    if j > i:
        return None
    return j, i


def _name_particle(toks, j: int, i: int) -> bool:
    """The connector at token ``j`` is a surname's capitalised particle before the rest of the
    name, up to ``i``: "Van Rompuy", "De Wever", "Le Pen" (rule particle-surname); not "Of",
    "For", "And"."""
    return toks[j].cap and toks[j].low not in _ENGLISH_CONNECTORS and j + 1 <= i and toks[j + 1].cap


_ENGLISH_CONNECTORS = frozenset(("of", "for", "and", "&"))


# People nouns whose post-modifier opens with "to": "an adviser to the president".
_TO_NOUNS = frozenset("adviser advisers advisor advisors aide aides envoy envoys ambassador counsellor counselor "
                      "consultant assistant spokesman spokeswoman spokesperson".split())


def postmodified_np(ps: ParsedSentence, i: int) -> tuple[int, int] | None:
    """A speaker phrase with a post-modifier ending at ``i``: "an official involved in the talks"."""
    toks = ps.toks
    for k in range(i - 1, max(-1, i - 10), -1):
        t = toks[k]
        if t.text in (",", ";", ":", "(", ")") or t.text in T.OPEN_QUOTES or t.text in T.CLOSE_QUOTES:
            return None
        if person_head(t) and k + 1 <= i and (toks[k + 1].low in T.POSTMODIFIER_STARTS
                                              or T.participle(toks[k + 1].text) and people_head(t)):
            # "an official involved in the talks", "officials monitoring the ceasefire"
            core = left_np(ps, k)
            if core:
                return core[0], i
        if t.low == "to" and k > 0 and toks[k - 1].low in _TO_NOUNS and k < i:
            # "an adviser to the presidency", "an envoy to the talks": the noun's "to" (rule
            # adviser-to-postmodifier)
            core = left_np(ps, k - 1)
            if core:
                return core[0], i
        if T.participle(t.text) and k > 0 and people_head(toks[k - 1]):
            continue  # "a spokesman explaining the decision": a cue word, but hung on the noun
        if attributive_participle(toks, k):
            continue  # "lawyers for the alleged spammers": an adjective, no verb between
        if t.low in ("that", "who", "which", "and", "but", "to") or t.low in T.AUXILIARIES or cue_info(t.text) \
                or (not t.cap and t.low.endswith("ed") and k < i and t.low not in T.POSTMODIFIER_STARTS):
            return None  # (a verb between: "The Cruz campaign on Monday picked up on a tweet that ...")
    return None


def modifier_in_title(ps: ParsedSentence, j: int, stop: int) -> bool:
    """A lower-case word inside a capitalised title, followed by more of it."""
    toks = ps.toks
    t = toks[j]
    if not t.text.isalpha() or t.cap or j + 1 >= stop or not (toks[j + 1].cap or toks[j + 1].low in title_words()):
        return False
    low = t.low
    return not (low in T.CLAUSE_WORDS or low in W.ADJUNCT_STARTS or low in T.DATE_WORDS or low in T.AUXILIARIES
                or low in T.ADVERBS or low in T.PREPOSITIONS or low in T.OBJECT_PRONOUNS or cue_info(t.text)
                or low.endswith(("ed", "ly")))


def right_np(ps: ParsedSentence, i: int, stop: int | None = None) -> tuple[int, int] | None:
    """The speaker phrase starting at token ``i`` ("said *the BBC*", "according to *X*")."""
    # One left-to-right scan whose cases share the running "head noun seen" state; longer than
    # a screen for that reason.
    toks = ps.toks
    stop = len(toks) if stop is None else stop
    if i >= stop:
        return None
    if toks[i].low in T.PRONOUNS:
        return i, i
    if toks[i].low in ("of", "for", "and", "&"):
        return None  # "said of RT": the topic, not the speaker
    j = i
    head_noun = False
    head_end = None  # where the head noun ended, when a post-modifier follows it
    while j < stop:
        t = toks[j]
        if t.text == "." and j > i and toks[j - 1].low in W.ABBREVIATED_TITLES:
            j += 1
            continue
        if j == i and t.low[:1].isdigit() and t.low.rsplit("-", 1)[-1] in ("year", "old") and j + 1 < stop:
            j += 1  # an age: "said 39-year laborer X"
            continue
        if np_word(ps, t, j) and not (t.cap and t.low in T.CLAUSE_WORDS and j == i):
            head_noun = t.low in speaker_nouns() or head_noun and t.low in T.CONNECTORS
            j += 1
            continue
        if j > i and toks[j - 1].cap and modifier_in_title(ps, j, stop):
            j += 1  # "said Oversight ranking Democrat Elijah Cummings"
            continue
        if t.low == "to" and j > i and toks[j - 1].low in title_words() and j + 2 < stop and (
                toks[j + 1].cap or toks[j + 1].low == "the" and toks[j + 2].cap):
            # "Ukrainian Ambassador to the Czech Republic Vasyl Zvarych": the title's "to", as
            # left_np reads it (rule title-to)
            j += 2 if toks[j + 1].low == "the" else 1
            continue
        if j > i and toks[j - 1].low in T.DETERMINERS and t.text.isalpha() and not t.cap \
                and j + 1 < stop and not toks[j + 1].cap and person_head(toks[j + 1]) and not cue_info(t.text) \
                and t.low not in T.AUXILIARIES and t.low not in T.CLAUSE_WORDS and not t.low.endswith("ed"):
            j += 1  # "said one longtime adviser ..."
            continue
        if head_noun and t.low in T.POSTMODIFIER_STARTS:
            head_end = j
            k = j
            while k < stop and toks[k].text not in (",", ".", ";", ":", "(") \
                    and toks[k].low not in ("that", "who", "which") and not cue_info(toks[k].text) \
                    and not (k > j and not toks[k].cap and (toks[k].low in T.AUXILIARIES or toks[k].low.endswith("ed"))):
                k += 1
                if k - j > 8:
                    break
            j = k
        break
    if j < stop and j > i and T.person_noun(toks[j].low):
        j += 1  # "said one Trump confidant"
    if j > i and toks[j - 1].text.endswith(("'s", "’s")):
        # "Hillary Clinton's right-hand woman": the possessor's person, not the possessor.
        k = next((x for x in range(j, min(stop, j + 3)) if person_head(toks[x])), None)
        if k is not None and all(toks[x].text.replace("-", "").isalpha() and not toks[x].cap for x in range(j, k + 1)):
            j = k + 1
    while j > i and toks[j - 1].low in T.CONNECTORS | T.DETERMINERS:
        j -= 1
    if j == i:
        return None
    if not _speaker_end(toks[j - 1]):
        # "said one woman with a bicycle": the post-modifier ends in no speaker noun, so the
        # speaker is the head noun before it.
        return (i, head_end - 1) if head_end is not None and head_end > i and _speaker_end(toks[head_end - 1]) else None
    return i, j - 1


def _speaker_end(last: Token) -> bool:
    """Whether a speaker phrase can end with the token ``last``."""
    return (last.cap or last.low in speaker_nouns() or last.low in title_words() or last.text[:1].isdigit()
            or last.text == "." or T.person_noun(last.low))


def _in_brackets(toks: list[Token], k: int, start: int) -> bool:
    """Whether token ``k`` sits inside brackets opened at or after token ``start``."""
    for x in range(k - 1, start - 1, -1):
        if toks[x].text == ")":
            return False
        if toks[x].text == "(":
            return True
    return False


def leading_np(ps: ParsedSentence, upto: int) -> tuple[int, int] | None:
    """The subject at the start of the clause that contains token ``upto``."""
    toks = ps.toks
    start = 0
    # The clause starts after the last subordinate clause or introductory phrase.
    for k in range(upto - 1, -1, -1):
        if toks[k].text in (";", ":"):
            start = k + 1
            break
    # A dateline ("WASHINGTON —", "LONDON (Reuters) -", "Washington (AFP) –") is not the subject.
    while start < upto and toks[start].text.isupper() and len(toks[start].text) > 1:
        start += 1
    dash = next((k for k in range(start, min(upto, start + 8)) if toks[k].text in W.DASHES), None)
    if dash is not None and dash > start and all(
            toks[k].cap or toks[k].text.isdigit() or toks[k].text in ("(", ")", ",", ".") or _in_brackets(toks, k, start)
            for k in range(start, dash)):
        start = dash + 1  # (the agency in brackets may be in lower case: "Berlin (dpa) -")
    while start < upto and (toks[start].text in ("(", ")", "—", "–", "-", ",") or
                            (start > 0 and toks[start - 1].text == "(")):
        start += 1
    first = toks[start] if start < len(toks) else None
    if first is not None and (first.low in T.CLAUSE_WORDS or first.low in W.ADJUNCT_STARTS
                              or (first.low.endswith("ing") and start + 1 < upto and not toks[start + 1].cap)
                              # "Minutes later, the Trump campaign issued a statement saying ..."
                              or (start + 1 < upto and toks[start + 1].low in W.TIME_OPENER_NEXT
                                  and (first.low in W.TIME_OPENER_FIRST or first.low in W.NUMBER_WORDS
                                       or first.text[:1].isdigit()))):
        # ... or a participle phrase: "Rallying hundreds of workers, Hillary Clinton promised"
        # Past the introductory phrase and whatever it lists after commas: "At a campaign
        # event in Ames, Iowa, on Sunday, Mrs. Clinton tried ..., saying".
        for _ in range(4):
            comma = next((k for k in range(start, upto) if toks[k].text == ","), None)
            if comma is None:
                break
            start = comma + 1
            span = right_np(ps, start, upto)
            nxt = toks[start] if start < upto else None
            # "Ames, Iowa,": a place's region after the comma, then more of the phrase.
            region = span is not None and span[0] == span[1] and toks[start - 2].cap \
                and span[1] + 1 < upto and toks[span[1] + 1].text == ","
            if nxt is None or not (nxt.low in W.ADJUNCT_STARTS or nxt.low in T.DATE_WORDS or region):
                break
    span = right_np(ps, start, upto)
    return span


def counted_np(ps: ParsedSentence, i: int) -> tuple[int, int] | None:
    """Subjects that count people: "About three in 10", "One in five", "all but two",
    "those surveyed"."""
    toks = ps.toks
    if i >= 2 and W.is_number(toks[i].low) and toks[i - 1].low in ("in", "of") and W.is_number(toks[i - 2].low):
        a = i - 2
    elif i >= 2 and W.is_number(toks[i].low) and toks[i - 1].low == "but" and toks[i - 2].low == "all":
        a = i - 2
    elif i >= 1 and toks[i].low in W.SURVEYED and toks[i - 1].low in ("those", "people", "voters", "respondents", "most"):
        a = i - 1
    else:
        return None
    if a > 0 and toks[a - 1].low in ("about", "nearly", "roughly", "almost", "only", "just", "some", "over"):
        a -= 1
    return a, i


def person_head(tok: Token) -> bool:
    """A noun that names who speaks: "source", "lawyer", "officials", "partner"."""
    return tok.low in speaker_nouns() or tok.low in title_words() or T.person_noun(tok.low)


def people_head(tok: Token) -> bool:
    """A noun naming people who speak ("officials", "a spokesman", "lawyers"), not a body or a
    document ("the ministry", "documents"): a participle after it hangs on it."""
    return person_head(tok) and speaker_nouns().get(tok.low) not in ("organization", "media")


def lead_index(ps: ParsedSentence, a: int) -> int:
    """The token before the speaker phrase starting at ``a``, past a few lower-case modifiers
    the phrase did not take in: '..., veteran Republicans said.', '"...," veteran analyst
    Charlie Cook wrote.', '"...," the newly installed pro-Kyiv Governor of X, Y, said.'"""
    toks = ps.toks
    x = a - 1
    while x > 0 and a - x <= 5 and toks[x].text.replace("-", "").isalpha() and not toks[x].cap and toks[x].low not in T.CLAUSE_WORDS \
            and toks[x].low not in W.ADJUNCT_STARTS and not cue_info(toks[x].text):
        x -= 1
    if x < a - 1 and (toks[x].text == "," or ps.quote_ending(toks[x])):
        return x
    return a - 1


# Nouns of time: "the day he said he would quit" is when, not what was said.
_TIME_NOUNS = T.words("day days time times moment moments hour hours minute minutes night nights "
                      "week weeks month months year years decade decades way")


def antecedent(ps: ParsedSentence, j: int) -> tuple[int, int] | None:
    """The noun phrase ending at token ``j`` that a relative clause after it is about: "*a
    knee injury* which he said ...", "*the plan*, which Berg described as ..."; token
    indices, inclusive; None when ``j`` ends no such phrase."""
    toks = ps.toks
    if j < 0 or not toks[j].text.replace("-", "").isalpha() or toks[j].low in _TIME_NOUNS \
            or toks[j].low in T.DATE_WORDS or toks[j].low in T.CLAUSE_WORDS or toks[j].low in T.PRONOUNS \
            or toks[j].low in T.AUXILIARIES or toks[j].low in T.PREPOSITIONS or cue_info(toks[j].text):
        return None
    a = j
    while a - 1 >= 0 and j - a < 5:
        t = toks[a - 1]
        if t.low in T.DETERMINERS or t.low in ("his", "her", "their", "its", "our", "this", "that"):
            return a - 1, j
        if not t.text.replace("-", "").replace("'", "").replace("’", "").isalpha() or t.low in T.CLAUSE_WORDS \
                or t.low in T.AUXILIARIES or t.low in T.PREPOSITIONS or t.low in T.PRONOUNS or cue_info(t.text) \
                or (not t.cap and (t.low.endswith(("ed", "ly")) or toks[a].cap)):
            break  # (a name takes no lower-case word before it but a determiner: "met Anna Lund")
        a -= 1
    return a, j


# Prepositions that mostly hang on the noun before them: "a merger *between* ...", "savings *on* ...".
_NOUN_PREPOSITIONS = T.words("of between on for about over against among")


def relative_antecedent(ps: ParsedSentence, a: int) -> tuple[int, int] | None:
    """The noun phrase a relative clause opened by the speaker phrase at token ``a`` is
    about (rule relative-antecedent): "an injury he said he suffered in training", "the
    plan, which Berg described as reckless". None when the speaker opens no relative clause:
    "In a statement he said ...", "the day he said ..."."""
    toks = ps.toks
    if a < 2:
        return None
    j = a - 1
    # (not "that": after a noun it opens a that-clause as often as a relative one: "told the
    # court that X had claimed ...", "the magazine that X suggested he read")
    pronoun = toks[j].low in ("which", "whom")
    comma = False
    if pronoun:
        j -= 1
        if toks[j].text == ",":
            j -= 1
            comma = True
    elif toks[a].low not in ("he", "she", "they", "it") or toks[j].cap:
        return None  # a relative clause without a pronoun opens with a pronoun subject
    span = antecedent(ps, j)
    if span is not None and toks[a - 1].low == "which" and toks[span[1]].cap and any(
            toks[x].low in W.ABBREVIATED_TITLES or toks[x].low in title_words() for x in range(span[0], span[1] + 1)):
        # "remarks about Mr X, which critics said were ...": "which" is no person (but "a
        # tired Liberal party, which she said ...": a title word is no name without one)
        return None
    if span is None or (not pronoun and (toks[span[0]].low not in T.DETERMINERS or span[0] == span[1])):
        return None
    before = span[0] - 1
    if pronoun and before >= 1 and (toks[before].low in ("and", "or") or (not comma and toks[before].low in T.PREPOSITIONS) or (
            toks[before].low in _NOUN_PREPOSITIONS and toks[before - 1].text.isalpha()
            and not toks[before - 1].cap and not toks[before - 1].low.endswith(("ed", "ing"))
            and toks[before - 1].low not in T.AUXILIARIES and not cue_info(toks[before - 1].text))):
        # "a merger between X and Y which ...", "savings on waste which ...", "administered by
        # the tax office which ...": the clause may be about the larger phrase
        return None
    if not pronoun and (before < 0 or toks[before].low in T.PREPOSITIONS and (
            before == 0 or toks[before - 1].text in (",", ";", ":"))):
        return None  # "In a statement he said": an opening phrase, not a relative clause
    return span
