"""The speaker of a cue: the subject before it, past asides, appositives and relative clauses."""

from __future__ import annotations

from claimsdb.extract import tokens as T
from claimsdb.extract import words as W
from claimsdb.extract.lexicon import CueInfo, asks_anonymity, document_nouns, first_names, speaker_nouns, title_words
from claimsdb.extract.phrases.noun_phrases import a_countrys_side, counted_np, leading_np, left_np, people_head, person_head, postmodified_np
from claimsdb.extract.sentence import ParsedSentence, cue_info
from claimsdb.extract.speakers import ORG_WORDS, Mention, countries_listed, country_code, describe
from claimsdb.extract.tokens import Token


def speaker_before(ps: ParsedSentence, k: int, info: CueInfo) -> tuple[Mention, str, int] | None:
    """The speaker of the cue at token ``k``: (mention, how, first token index of the phrase).

    ``how`` is "subject", "pronoun" or "relative" ("X, who said ..."); None when the words
    before the cue name no speaker, or show that the cue word is no verb here.
    """
    toks = ps.toks
    if k > 0 and toks[k - 1].low in ("a", "an", "the") and not toks[k].cap:
        return None  # "the authors of a report that urged ...": an article before it, the cue is a noun
    i = _subject_end(ps, k, info)
    if i is None:
        return None
    members = _members_named(ps, i, k)
    if members is not None:
        return ps.mention(*members), "subject", members[0]
    t = toks[i]
    if info.lemma in W.NAMING and i == k - 1 and k + 1 < len(toks) and toks[k + 1].cap and not t.cap \
            and any(toks[x].low in ("a", "an") for x in range(max(0, i - 3), i)):
        return None  # "a party called Svoboda": a name given, not words said
    if info.form == "ing" and i == k - 1:
        # ", with Kiev accusing the rebels of ...": the absolute phrase's noun speaks (not at
        # the sentence's start, where the phrase's content would run into the main clause)
        span = left_np(ps, i) if not info.clause_only else None  # ("with China adding 178m PCs": a sum)
        if span:
            # (over a determiner and hyphenated modifiers left_np stops at: "with the far-right
            # opposition accusing ...")
            j = span[0]
            while j >= 1 and span[0] - j < 3 and (toks[j - 1].low in T.DETERMINERS or (
                    "-" in toks[j - 1].text and toks[j - 1].text.replace("-", "").isalpha() and not toks[j - 1].cap)):
                j -= 1
            if j < span[0] and j >= 2 and toks[j - 1].low == "with" and toks[j - 2].text in (",", ";", "—", "–"):
                return ps.mention(j, span[1]), "subject", j
        if span and span[0] >= 2 and toks[span[0] - 1].low == "with" and toks[span[0] - 2].text in (",", ";", "—", "–"):
            return ps.mention(*span), "subject", span[0]
    if info.form == "ing" and i == k - 1 and t.low not in ("and", "but", ",", "who", "which"):
        # "Howard has written to Blair demanding ...", "Gervais writing Simpsons episode":
        # a participle right after a noun is not that noun speaking.
        if not (quoted_as(ps, k) is not None):
            return None
    if info.form == "ing" and quoted_as(ps, k) is not None:
        return quoted_as(ps, k)
    if t.low in ("who", "which"):
        j = i - 1
        if j >= 0 and toks[j].text == ",":
            j -= 1
        # "a cashier at the supermarket who said": the person the post-modifier hangs on.
        span = left_np(ps, j) or (
            postmodified_np(ps, j) if t.low == "who" and not (info.weak or info.stance) else None)
        if not span or toks[span[1]].low in T.DATE_WORDS:
            return None  # "the theory, which argued that ...", "in May, which adds": no speaker
        m = describe(ps.text, t.start, t.end)
        ante = ps.mention(_subject_start(ps, *span), span[1])
        m.name, m.type, m.role, m.country, m.plural = ante.name, ante.type, ante.role, ante.country, ante.plural
        m.pronoun = None
        return m, "relative", i
    if t.low in T.PRONOUNS and t.low not in ("him", "her", "them"):
        return ps.mention(i, i), "pronoun", i
    if t.low == "them" and i >= 2 and toks[i - 1].low == "of" and toks[i - 2].low in _PART_OF and (
            i == 2 or not toks[i - 3].text[:1].isalnum() or toks[i - 3].low in ("and", "but")):
        # '"...," one of them said': one of the group the pronoun stands for speaks for it
        return ps.mention(i, i), "pronoun", i - 2
    if t.low in ("and", "but") or (t.text == "," and info.form == "ing"):
        return None  # shared subject: handled by the caller
    if t.text == ",":
        return appositive_subject(ps, i)
    # "People who know the minister said": the noun before the relative clause, not its object.
    relative = relative_subject(ps, i)
    if relative is not None:
        return relative
    span = left_np(ps, i) or postmodified_np(ps, i)
    if not span:
        counted = counted_np(ps, i)
        return (ps.mention(*counted), "subject", counted[0]) if counted else None
    a, b = span
    if a == b and toks[a].text in _POST_NOMINALS and a >= 2 and toks[a - 1].text == ",":
        named = left_np(ps, a - 2)
        if named is not None and toks[named[1]].cap:
            return ps.mention(named[0], b), "subject", named[0]  # "Judge Anna Lund, QC told ...": hers
    if toks[b].text.endswith(("'s", "’s")) and toks[b].low not in ("he's", "she's", "it's", "he’s", "she’s", "it’s"):
        return None  # "Sanders's call for ...": a possessor, so the cue word is a noun
    a = _subject_start(ps, a, b)
    a = _heading_list_start(ps, a, b)
    document = _document_explaining(ps, a, b)
    if document is not None:
        return ps.mention(*document), "subject", document[0]
    if not _names_a_speaker(ps, a, b, info):
        return None
    if info.form == "ing" and a > 0 and toks[a - 1].low in ("to", "at", "from") and quoted_as(ps, k) is None:
        # "Berg had written to the Danish government on June 19 saying that ...": the object of
        # a preposition, a date between, is not who the participle's words are of (rule
        # participle-after-object)
        return None
    if a > 0 and toks[a - 1].low in _OBJECT_PREPOSITIONS:
        # "... has been training in Holland and Ferguson said": the place ends the clause before,
        # the speaker is what follows "and".
        last_and = max((x for x in range(a, b) if toks[x].low == "and"), default=None)
        if last_and is not None and all(country_code(toks[x].text) for x in range(a, last_and) if toks[x].text != ","):
            a = last_and + 1
    if a >= 2 and toks[a - 1].low == "and" and toks[a - 2].low in ("he", "she") and toks[a].cap \
            and (a == 2 or toks[a - 3].text in (",", ";", ":", "—", "–") or toks[a - 3].low in ("but", "and")):
        a -= 2  # "He and Strelkov say ...": both speak (split in extract._split_coordinated)
    if a >= 2 and toks[a - 1].text == "," and (toks[b].cap and toks[b].low in ORG_WORDS
                                               or toks[a].low in ("a", "an") and person_head(toks[_head_of(ps, a, b)])):
        # "Anna Berg, Vikton Teachers Union said", "However, Anna Berg, a fund manager at
        # Vik Trust said": the person who opens the sentence, of that body or with that role
        # (rule person-comma-body); not "In Vikton, Teachers Union leaders said".
        named = left_np(ps, a - 2)
        if named is not None and (named[0] == 0 or _only_opener(ps, named[0])):
            who = describe(ps.text, toks[named[0]].start, toks[a - 2].end)
            if who.type == "person" and who.known_given_name and " " in who.name:
                return ps.mention(named[0], a - 2, (a, b)), "subject", named[0]
    return ps.mention(a, b), "subject", a


def _heading_list_start(ps: ParsedSentence, a: int, b: int) -> int:
    """Where the subject ``a``..``b`` starts when a headline lists countries with a comma for
    "and": "Hungary, Slovakia vow to fight gas ban", "France, Germany urge calm" (the countries
    before, from the headline's start; rule heading-comma-list); else ``a``."""
    toks = ps.toks
    if not ps.heading or a < 2 or toks[a - 1].text != ",":
        return a
    return 0 if countries_listed(ps.text[toks[0].start : toks[b].end]) else a


def _members_named(ps: ParsedSentence, i: int, k: int) -> tuple[int, int] | None:
    """(rule members-named-aside) "Critics - including Vikland and Norway - believe ...",
    "Several retailers (including Vikco and Bergmart) reported ...": a plural description
    ending at ``i`` whose aside before the cue at ``k`` names who they include (by names only)
    speaks as those names (one claim each, split like "Vikland and Norway said"): the names'
    tokens."""
    toks = ps.toks
    head = toks[i]
    if i + 3 >= k or head.cap and i > 0 or not head.low.endswith("s") or not (
            person_head(head) or speaker_nouns().get(head.low) in ("group", "organization", "anonymous")):
        return None
    opener, first = toks[i + 1].text, i + 3
    if toks[i + 2].low != "including" or opener not in (*W.DASHES, "(", ","):
        return None
    if opener == ",":
        end = max((x for x in range(first, k) if toks[x].text == ","), default=None)
    else:
        closer = ")" if opener == "(" else opener
        end = next((x for x in range(first, k) if toks[x].text == closer), None)
    if end is None:
        return None
    names = range(first, end)
    if not all(toks[x].cap or toks[x].low == "and" or toks[x].text == "," for x in names) or not toks[end - 1].cap:
        return None
    return first, end - 1


def _document_explaining(ps: ParsedSentence, a: int, b: int) -> tuple[int, int] | None:
    """(rule document-with-participle) "A statement from Vik United explaining the decision
    read: ...": a participle right before or inside the phrase ``a``..``b`` before the cue hangs
    on a document ("statement", "letter", "report", maybe "from"/"by" its issuer), so the
    document is what speaks, not "the decision": its tokens, or None."""
    toks = ps.toks
    for p in (a - 1, *range(a + 1, b + 1)):
        if p < 2 or not T.participle(toks[p].text):
            continue
        core = left_np(ps, p - 1)
        if core is None:
            continue
        if toks[core[1]].low in document_nouns():
            return core
        if core[0] >= 2 and toks[core[0] - 1].low in ("from", "by"):
            doc = left_np(ps, core[0] - 2)
            if doc is not None and toks[doc[1]].low in document_nouns():
                return doc[0], core[1]
    return None


def _head_of(ps: ParsedSentence, a: int, b: int) -> int:
    """The head noun's token of the phrase ``a``..``b``: the word before its post-modifier ("a
    fund manager at Vik Trust"), else its last word."""
    return next((x - 1 for x in range(a + 1, b + 1) if ps.toks[x].low in T.POSTMODIFIER_STARTS), b)


def _only_opener(ps: ParsedSentence, start: int) -> bool:
    """Whether the tokens before ``start`` are only a connective and maybe a comma ("However,",
    "But")."""
    words = [t.low for t in ps.toks[:start]]
    return words in (["however", ","], ["but"], ["and"], ["meanwhile", ","], ["but", "however", ","])


def _named_body(ps: ParsedSentence, core: tuple[int, int] | None, preposition: str) -> int | None:
    """The first token of the mission or body named by ``core`` (a noun phrase) before
    ``preposition``, or None: a mission "in", "to" or "at" a place ("the Russian Embassy"), a
    body at home "in" its city: "the Foreign Ministry", also with an "of" or "for" after the
    body's noun, "the Ministry of Foreign Affairs", "the Centre for Strategic Studies" (not "the
    Center at the Institute and ...", a body within another)."""
    if core is None:
        return None
    toks = ps.toks
    head = toks[core[1]]
    if head.low in _MISSIONS:
        return core[0]
    if preposition != "in":
        return None
    if head.cap and head.low in ORG_WORDS:
        return core[0]
    if head.cap and any(toks[j].cap and toks[j].low in ORG_WORDS and toks[j + 1].low in ("of", "for")
                        for j in range(core[0], core[1])):
        return core[0]
    return None


def _common_head(head: Token, i: int) -> bool:
    """A common noun: in lower case, or with a capital only because it opens the sentence as a
    bare plural ("Officials in Kyiv said", "Authorities in X"), not a name."""
    return not head.cap or i == 0 and head.text[1:].islower() and (head.low.endswith("s") or head.low in _COLLECTIVE)


def _hangs_on_people(ps: ParsedSentence, x: int) -> bool:
    """The participle at ``x`` follows a noun phrase naming people ("lawyers representing")."""
    core = left_np(ps, x - 1)
    return core is not None and people_head(ps.toks[core[1]]) and _common_head(ps.toks[core[1]], core[1])


# A state's offices abroad, named with the place they are in or the body they are sent to.
_MISSIONS = T.words("embassy consulate mission delegation representation")
# Letters after a name that belong to it ("Anna Lund, QC", "Ivar Moen, MP").
_POST_NOMINALS = frozenset("QC KC MP MEP MSP AM MLA OBE CBE MBE KBE DBE Jr Sr".split())
# Nouns of many people that take no plural s: "Police in Kyiv said".
_COLLECTIVE = T.words("police staff military clergy personnel")

# Prepositions whose object does not go on into the subject of the verb after it.
_OBJECT_PREPOSITIONS = frozenset({"from", "in", "at", "into", "near", "inside", "within"})


# Passive verbs that raise the subject of a reported speech act: "X is reported to have said".
_RAISING = frozenset("reported said understood believed thought alleged known rumoured rumored".split())


def _subject_end(ps: ParsedSentence, k: int, info: CueInfo) -> int | None:
    """The last token of the subject of the cue at ``k``: left of it past auxiliaries,
    adverbs, asides and dates; None for a passive or when nothing is left."""
    toks = ps.toks
    i = skip_between(ps, k - 1)
    if i >= 1 and toks[i].text == "." and toks[i - 1].low in ("jr", "sr"):
        i -= 1  # "President Ferdinand Marcos Jr. told ...": the suffix's full stop ends no sentence
    passive = False
    while i >= 0 and not toks[i].cap and (toks[i].low in T.AUXILIARIES or toks[i].low in T.ADVERBS
                                           or toks[i].low in ("here", "there")
                                           or (toks[i].low in ("all", "both") and i > 0
                                               and (toks[i - 1].cap or toks[i - 1].text == ")"
                                                    or toks[i - 1].low in T.AUXILIARIES))  # "are all expected"
                                           or W.is_adverb(toks[i].low)):
        if toks[i].low in T.PASSIVE_AUX:
            passive = True
        i = skip_between(ps, i - 1)
    if passive and info.form == "ed":
        return None
    if info.form == "ed" and i >= 3 and toks[i].low == "to" and toks[i + 1].low == "have" \
            and toks[i - 1].low in _RAISING and toks[i - 2].low in T.PASSIVE_AUX:
        # "Avakov is reported to have said that ...": the subject of "is reported"
        i -= 3
        while i >= 0 and not toks[i].cap and W.is_adverb(toks[i].low):
            i -= 1
        return i if i >= 0 else None
    if i >= 2 and toks[i].low == "to" and info.form == "base" and toks[i - 1].text.isalpha() \
            and not toks[i - 1].cap and toks[i - 1].low.endswith(("ed", "s")) and not cue_info(toks[i - 1].text):
        # "Small groups of protesters continued to call for ...": the subject of the verb
        # that takes the cue's infinitive.
        i -= 2
        while i >= 0 and not toks[i].cap and (toks[i].low in T.AUXILIARIES or W.is_adverb(toks[i].low)):
            i -= 1
    return i if i >= 0 else None


def _subject_start(ps: ParsedSentence, a: int, b: int) -> int:
    """The first token of the subject phrase ``a``..``b``, widened over the rest of a list of
    names or to the noun a post-modifier hangs on."""
    toks = ps.toks
    joined = next((x for x in range(a, b) if toks[x].low == "and"), None)
    if joined is not None and not any(toks[x].low in ("of", "for") for x in range(a, joined)):
        # "Carson, Fiorina and Huckabee said": the names listed before the last two (not the
        # "and" of a title's portfolio: "Replying, Minister of State for Fisheries and Coastal Affairs X")
        while a >= 2 and toks[a - 1].text == "," and toks[a - 2].cap:
            more = left_np(ps, a - 2)
            if more is None or (more[0] > 0 and toks[more[0] - 1].low in T.PREPOSITIONS):
                break  # "In London, Smith and Jones said": a place, not one of the list
            a = more[0]
    # "a source close to the minister said", "an official speaking to Fox News said", "the
    # deputy commander at the checkpoint near Lviv said": the speaker is the noun the
    # post-modifier hangs on, not the noun phrase inside it.
    # A person-like head further left wins over a body's nearer one ("the commander at the
    # post near Lviv"), a body's over the phrase itself ("the ministry in Kyiv").
    x = a - 1
    start = a
    while x >= 1 and a - x <= 14:
        t = toks[x]
        # "Officials monitoring the ceasefire said": a participle hung on people before it
        participle = T.participle(t.text) and a - x == 1 and _hangs_on_people(ps, x)
        if t.low in T.POSTMODIFIER_STARTS or t.low in T.PREPOSITIONS or participle:
            core = left_np(ps, x - 1)
            head = toks[core[1]] if core else None
            body = _named_body(ps, core, t.low) if t.low in ("in", "to", "at") and a - x <= 3 else None
            if body is not None:
                # "The Russian Embassy in Oslo said", "the Foreign Ministry in Oslo said", "the
                # Ministry of Foreign Affairs in Oslo said": a named mission abroad or a body at
                # home, not the place it is in (rule mission-in-place); people further left
                # still win ("Officials at ...")
                start = body
                x = body - 1
                continue
            # Further than a word or two back, only a noun known to name speakers ("patents in
            # the US and developers": "patents" only looks like one).
            if head is not None and _common_head(head, core[1]) and (person_head(head) if a - x <= 2 else (
                    head.low in speaker_nouns() or head.low in title_words())):
                if speaker_nouns().get(head.low) not in ("media", "organization"):
                    return core[0]
                if start == a and a - x <= 2:
                    start = core[0]
            elif core and t.low in _AFFILIATION and (_given_name_run(ps, *core) or _titled_name_run(ps, *core)):
                # "Ann Ward with CBS News said": the person, of the outlet; also after her
                # title ("Opposition leader Ann Ward of the far-right Party for Order said")
                return core[0]
        elif not (t.text.removesuffix("'s").removesuffix("’s").replace("-", "").isalpha() or t.text in ("-", "'s", "’s")
                  or t.text.isdigit() and toks[x - 1].low in T.PREPOSITIONS) \
                or (t.low in T.CLAUSE_WORDS and not (t.low == "and" and toks[x - 1].cap and toks[x + 1].cap)) \
                or t.low in T.AUXILIARIES or (not t.cap and _verb_cue(t.text)):
            break
        x -= 1
    return start


def _verb_cue(word: str) -> bool:
    """A cue word that is a verb whatever its place ("said"; not "post", "report")."""
    info = cue_info(word)
    return info is not None and not info.ambiguous


# After a named person, these start where they work: "Ann Ward with CBS News".
_AFFILIATION = ("with", "of", "at", "from")


def _titled_name_run(ps: ParsedSentence, a: int, b: int) -> bool:
    """Tokens ``a``..``b`` are a title in lower case, then a person's name (_given_name_run):
    "Opposition leader Ann Ward", "party chairman Ola Berg"."""
    toks = ps.toks
    s = b
    while s > a and toks[s - 1].cap:
        s -= 1
    return a < s < b and any(toks[x].low in title_words() for x in range(a, s)) and _given_name_run(ps, s, b)


def _given_name_run(ps: ParsedSentence, a: int, b: int) -> bool:
    """Tokens ``a``..``b`` name a person: capitalised, starting with a known given name, or two
    or three words that describe as a person ("Ann Ward")."""
    toks = ps.toks
    if b <= a or not all(toks[x].cap for x in range(a, b + 1)):
        return False
    if first_names().get(toks[a].low) is not None:
        return True
    return b - a <= 2 and not any(toks[x].low in ORG_WORDS or toks[x].low in title_words() for x in range(a, b + 1)) \
        and describe(ps.text, toks[a].start, toks[b].end).type == "person"


def _names_a_speaker(ps: ParsedSentence, a: int, b: int, info: CueInfo) -> bool:
    """Whether the phrase ``a``..``b`` before the cue can be its speaker."""
    toks = ps.toks
    if not any(toks[x].cap or toks[x].low in speaker_nouns() or T.person_noun(toks[x].low) for x in range(a, b + 1)) and not (
        toks[a].low in T.DETERMINERS and toks[b].low in title_words()
    ) and not (a == b and toks[a].low in T.QUANTIFIER_SPEAKERS) and not a_countrys_side(toks, b) and not (
        # a headline drops the article: "Court extends detention; lawyer says ..." (rule
        # headline-bare-role)
        ps.heading and a == b and toks[a].low in title_words() and a > 0 and toks[a - 1].text in (";", ":", ",", "-", "–", "—")
    ):
        return False
    if a == b and toks[a].cap and a == 0 and toks[a].low in ps.seg.common_words() \
            and toks[a].low not in speaker_nouns() and toks[a].low not in title_words():
        # A sentence-initial capital that the article also writes in lower case ("Absent",
        # "Back") is an ordinary word, not a name.
        return False
    if info.ambiguous and info.form in ("s", "base") and a > 0 and toks[a - 1].low in T.PREPOSITIONS:
        return False  # "22% of Democratic claims": after a preposition, the cue is a noun
    # "the notes", "member states": an ambiguous cue right after a bare noun is a noun.
    return not (info.ambiguous and info.form in ("s", "base") and b == a and toks[a].low in T.DETERMINERS)


def appositive_end(ps: ParsedSentence, b: int) -> int:
    """Extend a postposed speaker over its appositive: "said Tim Scott, Republican of X"."""
    toks = ps.toks
    n = len(toks)
    if b + 1 < n and toks[b + 1].low in ("who", "whose"):
        end = b + 1  # "said a strategist who spoke on condition of anonymity"
        while end + 1 < n and not ps.is_stop(end + 1) and not ps.quote_starting(toks[end + 1]):
            end += 1
        return end
    if b + 2 >= n or toks[b + 1].text != ",":
        return b
    first = toks[b + 2]
    if not (first.cap or first.low in T.DETERMINERS or first.low in title_words()) or cue_info(first.text):
        return b
    end = b + 2
    while end + 1 < n and toks[end + 1].text not in (",", ";") and not ps.is_stop(end + 1):
        if ps.quote_starting(toks[end + 1]):
            return b
        end += 1
    return end


def _compound_head(ps: ParsedSentence, x: int, comma: int) -> bool:
    """The cue word at token ``x`` is the first half of a compound noun that closes an
    appositive, after a modifier ("director of the Oslo-based think tank,", "head of a
    Vik-based report unit,"; rule cue-in-compound): a hyphenated or capitalised modifier
    before it, one lower-case noun after it, then the comma or a name."""
    toks = ps.toks
    before, after = toks[x - 1], toks[x + 1] if x + 1 < comma else None
    if after is None or after.cap or not after.text.isalpha() or after.low.endswith("ly") \
            or after.low in T.AUXILIARIES or after.low in T.PREPOSITIONS or after.low in T.PRONOUNS \
            or after.low in T.DETERMINERS or after.low in ("that", "and", "or", "but"):
        return False
    if not (x + 2 == comma or toks[x + 2].cap):
        return False
    return "-" in before.text.strip("-") and before.text[-1] != "-" or before.cap and before.low not in T.PRONOUNS


# Marks that end a relative clause before the cue: a clause boundary or a quotation mark.
_CLAUSE_MARKS = frozenset((",", ";", ":", "(", ")")) | T.OPEN_QUOTES | T.CLOSE_QUOTES


def relative_subject(ps: ParsedSentence, i: int) -> tuple[Mention, str, int] | None:
    """'A White House official who spoke anonymously to discuss strategy said': the noun
    phrase before a relative clause that runs up to the cue."""
    toks = ps.toks
    for w in range(i, max(-1, i - 16), -1):
        t = toks[w]
        if t.text in _CLAUSE_MARKS or (w < i and cue_info(t.text) and not t.cap and t.low not in ("spoke", "speaking", "talked")
                    # "a man who had been questioned by police said": a passive, not a cue
                    and not (w > 0 and toks[w - 1].low in T.PASSIVE_AUX)
                    # "aides who asked not to be identified warned": the terms of the interview
                    # (rule anonymous-relative)
                    and not asks_anonymity(toks, w, w + 1)):
            return None
        if t.low in ("who", "whose"):
            span = left_np(ps, w - 1) if w > 0 else None
            if span and (toks[span[1]].cap or person_head(toks[span[1]])):
                return ps.mention(span[0], span[1], (w, i)), "subject", span[0]
            return None
    return None


# Words before a date that make it a bound or a deadline, not when the words were said.
_BOUND_WORDS = frozenset(("by", "until", "till", "before", "after", "since"))


# Words after which a cue's word is a noun: "in a post on X", "in his statement".
_DETERMINED = T.ARTICLES | T.words("this")


_DATE_ASIDE_WORDS = T.words("on in last this early late earlier later")


def _date_aside(toks, a: int, b: int) -> bool:
    """Tokens ``a`` up to ``b`` are only a date ("on Tuesday", "last week", "on 3 March")."""
    return a < b and any(toks[x].low in T.DATE_WORDS for x in range(a, b)) and all(
        toks[x].low in T.DATE_WORDS or toks[x].low in _DATE_ASIDE_WORDS or toks[x].text.isdigit() or toks[x].text == "."
        for x in range(a, b))


def skip_between(ps: ParsedSentence, i: int) -> int:
    """Step left over a date adjunct or a parenthesis between speaker and cue."""
    toks = ps.toks
    while i >= 0:
        if toks[i].text == ")":
            j = i - 1
            while j >= 0 and toks[j].text != "(" and i - j < 8:
                j -= 1
            if j >= 0 and toks[j].text == "(":
                i = j - 1
                continue
            return i
        if toks[i].text in W.DASHES:
            # "Donald Trump - who previously said he would ... - said": a parenthesis in dashes
            j = next((x for x in range(i - 2, max(-1, i - 40), -1) if toks[x].text in W.DASHES), None)
            if j is None or j == 0:
                return i
            i = j - 1
            continue
        if toks[i].text == "," and i >= 3 and toks[i - 1].low in T.ADVERBS and toks[i - 2].text == ",":
            i -= 3  # "The two lawmakers, however, argue that ..."
            continue
        if toks[i].text == ",":
            # ", for one,", ", in contrast,", ", including USA TODAY,", ", in a post on X,": a
            # short aside (a cue's word after its determiner is a noun there: "a post")
            c = next((x for x in range(i - 2, max(-1, i - 8), -1) if toks[x].text == ","), None)
            if c is not None and c > 0 and ((toks[c + 1].low in W.ASIDES or toks[c + 1].low == "including") and i - c <= 5
                                            or toks[c + 1].low == "in" and toks[c + 2].low in _DETERMINED) \
                    and not any(cue_info(toks[x].text) and toks[x - 1].low not in _DETERMINED for x in range(c + 1, i)):
                i = c - 1
                continue
            if c is not None and c > 0 and _date_aside(toks, c + 1, i):
                i = c - 1  # "The Senate, on Tuesday, urged ...": when, set off by commas
                continue
        j = i
        while j >= 0 and (toks[j].low in T.DATE_WORDS or toks[j].text.isdigit() or toks[j].text == "."):
            j -= 1
        if j < i and any(toks[x].low in T.DATE_WORDS for x in range(j + 1, i + 1)):
            run = range(j + 1, i + 1)
            if j >= 0 and toks[j].cap and toks[j].low not in T.CLAUSE_WORDS and all(
                    toks[x].low in T.MONTHS for x in run if toks[x].text != "."):
                return i  # "Theresa May said": a surname that is also a month
            if j >= 0 and toks[j].low in _BOUND_WORDS:
                return -1  # "submit plans by 1 March explaining ...": a deadline, no speaker before it (rule deadline-no-speaker)
            if j >= 0 and toks[j].low in ("on", "last", "this", "early", "late", "in"):
                j -= 1
            i = j
            continue
        return i
    return i


def quoted_as(ps: ParsedSentence, k: int) -> tuple[Mention, str, int] | None:
    """"the Arsenal boss is quoted as saying": the speaker is the subject of "quoted"."""
    toks = ps.toks
    if k >= 3 and toks[k - 1].low == "as" and toks[k - 2].low in ("quoted", "reported", "cited"):
        j = k - 3
        while j >= 0 and toks[j].low in T.PASSIVE_AUX | T.ADVERBS:
            j -= 1
        if j > 0 and toks[j].text == ",":
            return appositive_subject(ps, j)  # "Russia's envoy, Ivan Grin, was quoted as saying"
        span = left_np(ps, j) if j >= 0 else None
        if span:
            return ps.mention(*span), "subject", span[0]
    return None


# Endings of the adjectives that open an appositive's role: "legal", "senior", "economic".
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ior", "ary", "ant", "ent", "ous", "ful", "ist")


def _modified_role(ps: ParsedSentence, i: int, end: int) -> bool:
    """An appositive from token ``i`` (before ``end``) that opens with a word or two before a
    role noun: "legal director of ...", "senior policy adviser to ..." (rule
    appositive-modified-role)."""
    toks = ps.toks
    if not toks[i].low.endswith(_ADJECTIVE_ENDINGS):
        return False  # "Roberts and Galesi, remain defendants in the case, said ...": a verb
    for x in range(i, min(end, i + 3)):
        t = toks[x]
        if x > i and (t.low in title_words() or T.person_noun(t.low)):
            return True
        if t.cap or not t.text.replace("-", "").isalpha() or t.low in T.PREPOSITIONS or t.low in T.AUXILIARIES \
                or t.low in T.CLAUSE_WORDS or cue_info(t.text):
            return False
    return False


def appositive_subject(ps: ParsedSentence, comma: int) -> tuple[Mention, str, int] | None:
    """The speaker when the cue follows a comma: the name before an appositive set off by
    commas ("Anna Lund, the union leader, said"), an age ("Lund, 54, said") or a place
    ("Lund, of Bergen, said")."""
    # One backward walk over the commas, each case deciding from both sides of the aside:
    # longer than a screen for that reason.
    toks = ps.toks
    skip_to = None
    for p in range(comma - 1, max(-1, comma - 40), -1):
        if skip_to is not None:
            if p > skip_to:
                continue
            skip_to = None
            continue
        if _plural_possessive(ps, p):
            continue  # "co-leader of the Farmers' Party": a name's possessive, no quotation
        if toks[p].text in T.CLOSE_QUOTES or toks[p].text in T.OPEN_QUOTES:
            # 'in an interview with „Die Zeit“': a title in quotation marks inside the aside (its
            # words masked as quoted text)
            opener = next((x for x in range(p - 1, max(-1, p - 6), -1) if toks[x].text in T.OPEN_QUOTES
                           or toks[x].text in T.CLOSE_QUOTES), None)
            if opener is not None and opener < p - 1 and all(toks[x].cap or set(toks[x].text) == {"_"} for x in range(opener + 1, p)) \
                    and opener > 0 and toks[opener - 1].text[:1].isalpha():
                skip_to = opener
                continue
            return None
        if toks[p].text == ";":
            return None
        if toks[p].text != ",":
            continue
        if p + 1 >= comma:
            return None
        if _list_inside(ps, p, comma):
            continue  # "the minister for climate, energy and utilities,": the aside goes on
        first = toks[p + 1]
        q = skip_between(ps, p - 1)
        if q >= 2 and toks[q].text.isdigit() and toks[q - 1].text == ",":
            q -= 2  # "Yin Myint May, 60, a doctor, said": an age between name and role
        if first.text.isdigit() and p + 2 == comma:
            span = left_np(ps, q)  # "Suu Kyi, 70, said": an age alone between the commas
            return (ps.mention(*span), "subject", span[0]) if span else None
        # ", meanwhile," / ", however,": an adverb between commas is not the speaker.
        if q >= 2 and toks[q].low in T.ADVERBS and toks[q - 1].text == ",":
            q = skip_between(ps, q - 2)
        span = left_np(ps, q) or (_role_object(ps, q) if toks[p + 1].cap or toks[p + 1].low in ("a", "an", "the") else None)
        person_core = False
        if not span and (toks[p + 1].low.endswith("ing") and not toks[p + 1].cap or toks[p + 1].low in ("who", "where")):
            # "An adviser to the presidency, speaking on condition of anonymity, said", "An
            # executive at one of them, who ..., said", "The mayor of Vik's Lund commune, where
            # ..., told": a person noun with its post-modifier before a participle's or a
            # relative clause's aside (rule postmodified-aside)
            span = postmodified_np(ps, q)
            person_core = span is not None and (toks[p + 1].low != "where"
                                                or any(person_head(toks[x]) for x in range(span[0], span[1] + 1)))
        if not span:
            return None
        widened = _subject_start(ps, *span)
        if widened < span[0]:
            # "A local official in the port city of X, which ..., said": the official
            person_core = any(person_head(toks[x]) for x in range(widened, span[0]))
            span = (widened, span[1])
        elif span[0] > 0 and toks[span[0] - 1].low in T.PREPOSITIONS:
            # "Officials at Homeland Security Investigations, a division of ..., said": the
            # noun the phrase hangs on; "Clinton, during a town hall in Columbus, Ohio,
            # said": a place, so look further back.
            core = left_np(ps, span[0] - 2) if span[0] >= 2 else None
            if not core or not person_head(toks[core[1]]):
                named = _name_after_title(ps, p, comma)
                if named is not None:
                    return named
                continue
            span, person_core = (core[0], span[1]), True
        head = toks[span[1]]
        if first.low in ("who", "which") or first.low in ("whose", "whom") and (
                head.cap or head.low in speaker_nouns() or head.low in title_words() or T.person_noun(head.low) or person_core):
            # "Anna Lund, whose party abstained, argued ...", "Anna Lund, whom the opposition
            # regards as ..., called ...": the name before the clause
            return _with_appositive_before(ps, p, span) or (ps.mention(*span), "subject", span[0])
        if first.low == "where" and person_core:
            # "The mayor of the Lund commune, where Berg lies, told ...": the person whose place
            # the clause describes (rule place-aside)
            return ps.mention(*span), "subject", span[0]
        if first.low in _ASKED and (toks[span[1]].cap or person_head(toks[span[1]])):
            # "Ivan Dorn, asked whether the talks would resume, said ...": the question put to
            # the speaker, whatever verbs it holds (rule asked-aside)
            return ps.mention(*span), "subject", span[0]
        if first.low in _ASIDE_PREPOSITIONS and p + 2 < comma and toks[span[1]].cap and span[0] == _sentence_start(ps):
            # "Anna Lund, in an interview with Nordic Radio, said": where or when the name spoke,
            # set off by commas; the name at the sentence's start is the speaker.
            named = ps.mention(*span)
            if named.type == "person" and named.pronoun is None:
                return named, "subject", span[0]
        participle = first.low.endswith("ing") and not first.cap
        if participle and (wider := _with_appositive_before(ps, p, span)) is not None:
            return wider  # "Norway's fisheries minister, Anna Lund, speaking to X, said"
        inner = range(p + 2 if participle else p + 1, comma)
        relative = next((x for x in inner if toks[x].low in ("who", "whose", "which", "that")), comma)
        if any(not toks[x].cap and cue_info(toks[x].text) and toks[x - 1].low not in T.DETERMINERS
               and toks[x - 1].low not in T.PREPOSITIONS and not _compound_head(ps, x, comma)
               and not _possessor(toks[x - 1])
               for x in inner if x < relative):  # "the state energy firm", "on state television": a noun
            # (and after a possessor: "head of Norway's state grid company")
            # a cue inside the commas ("United States" is a name, not "states"); one in a
            # relative clause is the appositive's ("a pollster who advises the PAC")
            return None
        if any(toks[x].low in _FINITE for x in inner if x < relative):
            return None  # ", the union is ready to strike, said X": a clause, not an appositive
        if first.low in ("of", "from") and first.low != toks[p - 1].low:
            # "Johnnie Wilson, of Springfield, Va., said": where the speaker is from
            return ps.mention(span[0], span[1], (p + 1, comma - 1)), "subject", span[0]
        if first.low in ("now", "formerly", "currently") and p + 2 < comma and (
                toks[p + 2].cap or toks[p + 2].low in T.DETERMINERS or toks[p + 2].low in title_words()):
            first = toks[p + 2]  # "X, now secretary of the security council, said" (rule now-appositive)
        role_word = first.low.rsplit("-", 1)[-1] if first.low.startswith(_ROLE_PREFIXES) else first.low
        if not (first.cap or participle or first.low in T.DETERMINERS or role_word in title_words()
                or T.person_noun(role_word) or first.low in ("including", "such") or _modified_role(ps, p + 1, comma)):
            return None
        # A name must stand on one side of the commas.
        if not (toks[span[1]].cap or toks[comma - 1].cap or toks[span[1]].low in speaker_nouns() or person_core
                or participle and toks[span[1]].low in title_words()):
            # (a title before a participle's aside speaks: "An ambassador, talking on condition
            # of anonymity, said")
            return None  # ("A resident of the village, a 60-year-old woman,": the resident)
        return ps.mention(span[0], span[1], (p + 1, comma - 1)), "subject", span[0]
    return None


# Prepositions whose object may be a list: "minister for climate, energy and utilities".
_LIST_OBJECT_PREPOSITIONS = frozenset(("for", "of", "in", "on", "from"))


def _list_inside(ps: ParsedSentence, p: int, comma: int) -> bool:
    """Whether the comma at token ``p`` parts items of a list inside the aside that ends at
    ``comma``: the list is the object of a preposition, one to three words after it before the
    comma, and the words after the comma run into "and" or "or" with no other comma ("Lars
    Moe, the minister for climate, energy and utilities, said", "Li Ming, a researcher at the
    Institute of Russian, East European and Central Asian Studies, said"; rule
    list-in-appositive)."""
    toks = ps.toks
    end = next((x for x in range(p + 1, comma) if toks[x].text == ","), comma)
    joint = next((x for x in range(p + 2, min(end, p + 6)) if toks[x].low in ("and", "or")), None)
    # (an item is a word or few, not "a group through which X and Y ..." nor "which ...")
    if joint is None or any(not toks[x].text.isalpha() or toks[x].low in T.DETERMINERS or toks[x].low in T.CLAUSE_WORDS
                            or toks[x].low in T.RELATIVES for x in range(p + 1, joint)):
        return False
    for x in range(p - 2, max(-1, p - 5), -1):
        if toks[x].low in _LIST_OBJECT_PREPOSITIONS:
            return True
        if not toks[x].text.isalpha() or toks[x].low in T.DETERMINERS:
            return False
    return False


# Small words inside a capitalised title: "Secretary for Relations with States".
_TITLE_JOINS = frozenset(("for", "of", "with", "and", "on", "to", "the"))


def _name_after_title(ps: ParsedSentence, p: int, comma: int) -> tuple[Mention, str, int] | None:
    """"The Holy See's Secretary for Relations with States, Archbishop Paul Gallagher, told ...":
    a person's full name set off by commas after a capitalised title whose own words hold a
    preposition; the name speaks, with the title for role (rule name-after-title)."""
    toks = ps.toks
    if not toks[p + 1].cap:
        return None
    named = ps.mention(p + 1, comma - 1)
    if named.type != "person" or named.pronoun or " " not in named.name:
        return None
    r = p - 1
    while r >= 0 and (toks[r].cap or toks[r].low in _TITLE_JOINS or toks[r].text in ("'s", "’s")):
        r -= 1
    if r >= 0 and toks[r].text not in (",", ";", ":", "—", "–"):
        return None  # the title must open the sentence or follow an opener's comma
    title = [t for t in toks[r + 1 : p] if t.low != "the"]
    if not title or not any(t.low in title_words() for t in title):
        return None
    named.role = ps.text[title[0].start : toks[p - 1].end]
    return named, "subject", r + 1


def _with_appositive_before(ps: ParsedSentence, p: int, span: tuple[int, int]) -> tuple[Mention, str, int] | None:
    """The name before a clause set off at comma ``p`` together with the role appositive on its
    other side: "Norway's fisheries minister, Anna Lund, who ..., said", "Anna Lund, Norway's
    fisheries minister, speaking to X, said" (the person with that role); None when there is no
    such appositive."""
    if span[0] < 2 or ps.toks[span[0] - 1].text != ",":
        return None
    wider = appositive_subject(ps, p)
    base = ps.mention(*span)
    if wider is not None and wider[0].type == "person" and wider[2] < span[0] and wider[0].role \
            and any(w.lower() in title_words() for w in wider[0].role.split()) \
            and (wider[0].name == base.name or base.type != "person"):
        return wider
    return None


# Prefixes of a shared or former office: "co-leader of the party", "vice-chair of the board",
# "ex-minister": the role is the word after the hyphen (rule prefixed-role-appositive).
_ROLE_PREFIXES = ("co-", "vice-", "ex-", "deputy-", "acting-", "joint-")

# Pronouns whose "'s" is "is" or "has", not a possessor.
_CONTRACTED = frozenset(("he's", "she's", "it's", "that's", "there's", "who's", "what's", "here's",
                         "he’s", "she’s", "it’s", "that’s", "there’s", "who’s", "what’s", "here’s"))


def _plural_possessive(ps: ParsedSentence, p: int) -> bool:
    """The apostrophe at token ``p`` closes a capitalised plural before a capitalised word
    ("the Farmers' Party", "the Workers’ Union") with no single quotation mark opened before it
    in the sentence: a possessive, not the end of a quotation."""
    toks = ps.toks
    if toks[p].text not in ("'", "’") or p == 0 or p + 1 >= len(toks):
        return False
    word, nxt = toks[p - 1], toks[p + 1]
    if not (word.cap and word.text.endswith("s") and word.end == toks[p].start and nxt.cap and nxt.start > toks[p].end):
        return False
    return not any(t.text in ("'", "‘") or (t.text == "’" and x > 0 and toks[x - 1].end < t.start)
                   for x, t in enumerate(toks[: p - 1]))


def _possessor(t) -> bool:
    """"Norway's", "the union's": a word in the possessive, so the word after it is a noun."""
    return t.low.endswith(("'s", "’s")) and t.low not in _CONTRACTED


# Words for a part of a group before "of them": "one of them said".
_PART_OF = frozenset(("one", "two", "three", "some", "several", "many", "most", "another"))


# Prepositions that open an aside of time or place between a speaker and the cue.
_ASIDE_PREPOSITIONS = frozenset(("in", "during", "at", "on", "after", "before", "amid", "while", "when"))


def _sentence_start(ps: ParsedSentence) -> int:
    """The first token of the sentence that is a word (after opening quotes or a bullet)."""
    return next((x for x, t in enumerate(ps.toks) if t.text[:1].isalnum()), 0)


def _role_object(ps: ParsedSentence, q: int) -> tuple[int, int] | None:
    """"the spokesman of the press centre, Anna Lund, said", "the commander of the fleet,
    General Lund, said": a role's object whose noun names no speaker itself, ending at token
    ``q``; the phrase from its determiner, which the caller widens to the role before "of"."""
    toks = ps.toks
    j = q
    while j > 0 and q - j < 4 and toks[j].text[:1].isalpha() and toks[j].low not in T.DETERMINERS \
            and not cue_info(toks[j].text) and toks[j].low not in T.PREPOSITIONS:
        j -= 1
    if j == q or toks[j].low not in ("the", "its", "their", "his", "her") or j < 2 \
            or toks[j - 1].low not in ("of", "at", "for") or not person_head(toks[j - 2]):
        # "the deputy prime minister for fisheries policy, Anna Lund, said", "the chair of
        # the committee on fisheries and shipping, Anna Lund, said": a longer complement, or
        # one without a determiner; the nearest role before a preposition heads it.
        for x in range(q - 1, max(0, q - 10), -1):
            t = toks[x]
            if not (t.text[:1].isalnum() or t.text in ("'s", "’s")) or cue_info(t.text) and not t.cap:
                return None
            if t.low in ("of", "for", "on", "at") and person_head(toks[x - 1]):
                return x + 1, q
        return None
    if toks[j - 1].low not in ("of", "at", "for") or not person_head(toks[j - 2]):
        return None
    return j, q


# Participles that open the question put to a speaker, set off by commas before the cue.
_ASKED = T.words("asked questioned pressed")
# Finite verbs that make the words between two commas a clause.
_FINITE = T.words("is are was were has have had will would could can should must did does")


def shared_speaker(ps: ParsedSentence, k0: int) -> Mention | None:
    """The subject a cue with none of its own shares: the last earlier claim's speaker; after ",
    and" not one nested inside another claim's content ("He said Poland had asked Brussels for
    X, and added that ...": "added" is his, not Poland's; rule shared-outer-speaker). Without the
    comma the verb joins the nested clause: "Merrill says Machado promised X and said ..."."""
    toks = ps.toks
    outer = k0 >= 2 and toks[k0 - 1].low in ("and", "but") and toks[k0 - 2].text == ","
    for c in reversed(ps.claims):
        if c.cue_start is not None and c.cue_start < toks[k0].start:
            if outer and any(d is not c and d.start <= c.cue_start < d.end and d.cue_start is not None
                             and d.cue_start < c.cue_start for d in ps.claims):
                continue
            return c.mention
    span = leading_np(ps, k0)
    if span:
        return _named_in_apposition(ps, span, k0) or ps.mention(*span)
    return None


def _named_in_apposition(ps: ParsedSentence, span: tuple[int, int], k0: int) -> Mention | None:
    """The subject ``span`` with a person's name set off by commas after it, before the cue at
    token ``k0`` ("Lithuania's defence minister, Dovile Sakaliene, went further, saying ..."): the
    person, as when the cue follows the name (rule shared-appositive-name). None when no
    capitalised name sits between the commas."""
    close = closing_comma_of_name(ps, span[1] + 1, k0)
    if close is None:
        return None
    found = appositive_subject(ps, close)
    return found[0] if found is not None and found[0].type == "person" and " " in found[0].name else None


def closing_comma_of_name(ps: ParsedSentence, comma: int, limit: int) -> int | None:
    """The comma that closes capitalised words (a name, at most five) set off after the comma
    at token ``comma``, before token ``limit``; None when none does."""
    toks = ps.toks
    if comma >= limit or toks[comma].text != ",":
        return None
    close = next((x for x in range(comma + 1, min(limit, comma + 6)) if not toks[x].cap), None)
    return close if close is not None and close > comma + 1 and toks[close].text == "," else None
