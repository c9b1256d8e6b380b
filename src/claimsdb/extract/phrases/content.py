"""The content of a cue: the clause, colon or quotation after it, or what precedes its speaker."""

from __future__ import annotations

from claimsdb.extract import tokens as T
from claimsdb.extract import words as W
from claimsdb.extract.lexicon import CueInfo, discourse_openers, media_names, outlet_nouns, speech_nouns, stance_frames
from claimsdb.extract.phrases.noun_phrases import lead_index, person_head, right_np
from claimsdb.extract.sentence import ParsedSentence, cue_info
from claimsdb.extract.tokens import Token


# Words that own a speech noun after a cue ("reiterated its claim that").
_OWNERS = T.words("its his her their our the")


def content_after(ps: ParsedSentence, k1: int, info: CueInfo, subject: Token | None = None) -> tuple[int, str] | None:
    """Where the content starts after the cue ending before token ``k1``; kind hint."""
    toks = ps.toks
    n = len(toks)
    i = k1
    if i + 3 < n and toks[i + 2].low == "that" and toks[i].low in _OWNERS and toks[i + 1].low in speech_nouns():
        # "reiterated its claim that ...", "repeated his warning that ...": what the noun holds
        return toks[i + 3].start, "that"
    if i < n and info.listener:
        i, found, final = _past_listener(ps, i)
        if final:
            return found
    elif i < n and info.lemma in W.ADDRESSING and toks[i].low == "to":
        i = _past_addressee(ps, i, letter=info.lemma == "write")
    elif i + 1 < n and toks[i].low == "by" and i >= 3 and toks[i - 2].low == "as" and toks[i - 3].low in ("quoted", "cited"):
        # "was quoted as saying by the Harbour Courier that ...": the medium, then the words
        j = i + 1
        while j < n and j < i + 8 and toks[j].low != "that" and not ps.is_stop(j) and (toks[j].cap or toks[j].low in T.DETERMINERS):
            j += 1
        if j < n and toks[j].low == "that" and j + 1 < n:
            return toks[j + 1].start, "that"
    i = _past_manner(ps, i) if i < n else i  # "told reporters by phone that ..."
    # "said about 40 fans waited", "said at least 12 soldiers were killed", "said over 2,000
    # people had fled": a number, not what the words were about or where they were said.
    approximate = i + 1 < n and (toks[i].low in ("about", "around", "over") and toks[i + 1].text[:1].isdigit()
                                 or toks[i].low == "at" and toks[i + 1].low in ("least", "most"))
    later = _relative_time_then_that(ps, i) if i < n and not approximate else None
    if later is not None:
        return toks[later + 1].start, "that"  # "said a day later that ...", "said the next day that ..."
    setting = _setting_then_that(ps, i) if i < n and not approximate else None
    if setting is not None:
        return after_that(ps, setting)
    if i < n and (approximate or not (toks[i].low in ("that", ":", ",") or toks[i].low in W.ADJUNCT_STARTS
                                      or toks[i].low in T.DATE_WORDS or ps.quote_starting(toks[i]) or toks[i].text == ":")):
        return complement(ps, i, info, subject)
    i = _past_aside(ps, i)
    j = i
    while j < n and j < i + 14:
        t = toks[j]
        if t.low == "that" and that_is_subject(ps, j):
            return t.start, "complement"
        if t.low == "that" and j + 1 < n and toks[j + 1].text not in (",", ".", ";"):
            return toks[j + 1].start, "that"
        if t.text == ":":
            return (toks[j + 1].start, "colon") if j + 1 < n else None
        q = ps.quote_starting(t)
        if q is not None:
            return q.start, "quote"
        if ps.is_stop(j) or (j > i and cue_info(t.text) and not _gathering_noun(ps, j)):
            break
        if j > i and t.low in ("it", "he", "she", "they", "we") and not t.cap and j + 1 < n \
                and toks[j + 1].low in T.AUXILIARIES and toks[j - 1].low not in ("that", "if", "whether", "when"):
            # "said on Sunday it had no evidence that ...": the clause starts here, and its
            # own "that" is not the cue's
            return t.start, "complement"
        if j > i + 1 and _clause_after_setting(ps, i, j):
            # "said in a statement it had no plans ...", "said in a Telegram post the drones
            # had been shot down": where the words were given, then the clause (rule
            # setting-then-clause)
            return t.start, "complement"
        if t.text == "," and j == i and j + 2 < n and toks[j + 1].low == "that" and not toks[j + 1].cap \
                and toks[j + 2].text not in (",", ".", ";") and not that_is_subject(ps, j + 1) \
                and not _set_off(ps, k1 - 1):
            # "announced, that Poland would ...", "repeated, that there was ...": a comma before
            # the complementiser, as writers translating from Polish, German or Russian put it
            # (rule comma-that); not after a speaker set off by commas inside a sentence ("...
            # had grown so costly, the mayor noted, that ...": the writer's "so ... that")
            return toks[j + 2].start, "that"
        if t.text == "," and j == i and not (j + 1 < n and ps.quote_starting(toks[j + 1])):
            return None
        j += 1
    if i >= n:
        return None
    # "said earlier this month it would reduce ...", "announced on Monday the plant would
    # close": a time phrase, then the clause.
    j = i
    while j < n and j - i < 5 and (toks[j].low in W.TIME_WORDS or toks[j].low in T.DATE_WORDS or toks[j].text.isdigit()):
        j += 1
    if i < j < n and any(toks[x].low in T.DATE_WORDS for x in range(i, j)) and (
            toks[j].low in ("he", "she", "it", "they", "we", "i", "the", "there") and not info.ambiguous):
        return toks[j].start, "complement"
    t = toks[i]
    if t.text in (",", ".", "!", "?", ";", ")") or t.low in W.ADJUNCT_STARTS:
        return None
    return complement(ps, i, info, subject)


# Words that open a clause's subject after the noun of a setting ("in a statement *the* army").
_CLAUSE_SUBJECTS = T.words("it he she they we the there its his her their this these those")


def _clause_after_setting(ps: ParsedSentence, i: int, j: int) -> bool:
    """A clause opens at token ``j``, right after a phrase of where or when the words were given
    that starts at token ``i`` ("said in a statement it had no plans ...", "in a Telegram post
    the drones had ...", "in an interview with the BBC the talks ..."): the phrase holds no
    comma, pronoun or auxiliary and ends in a noun of such a setting (data/parser_words.txt),
    a date word, or a name after one; at ``j`` a pronoun or determiner in lower case, then
    within four words a finite verb (an auxiliary, or a word in -ed after the subject's noun);
    and no "that" in the next ten words, which would be the cue's (or make this a relative
    clause: "said in a statement it issued on Friday that ...")."""
    toks = ps.toks
    n = len(toks)
    if toks[j].low not in _CLAUSE_SUBJECTS or toks[j].cap:
        return False
    setting = False
    for x in range(i, j):
        t = toks[x]
        if not t.text.isalnum() and t.text not in ("'s", "’s", "-") or t.low in T.PRONOUNS or t.low in T.AUXILIARIES:
            return False
        setting = setting or t.low in W.SETTINGS or t.low in W.GATHERINGS
    before = toks[j - 1]
    if not (before.low in W.SETTINGS or before.low in W.GATHERINGS or before.low in T.DATE_WORDS
            or setting and before.cap):
        return False
    for x in range(j, min(n, j + 10)):
        if ps.is_stop(x):
            break
        if toks[x].low == "that":
            return False
    for x in range(j + 1, min(n, j + 5)):
        t = toks[x]
        if ps.is_stop(x) or t.text in (",", ";", ":") or cue_info(t.text):
            return False
        if t.low in T.AUXILIARIES or (t.low.endswith("ed") and not t.cap and x > j + (toks[j].low not in T.PRONOUNS)):
            return True
    return False


_COUNTS = T.words("a an one two three four five six seven eight nine ten few several some")
_SPANS = T.words("hour hours day days week weeks month months year years minutes moments")
_NEXT = T.words("next following same")


def _relative_time_then_that(ps: ParsedSentence, i: int) -> int | None:
    """The index of the "that" after a time told relative to the story's ("a day later", "two
    weeks later", "the next day", "the following morning") right after the cue, or None."""
    toks = ps.toks
    n = len(toks)
    j = i
    if j + 2 < n and toks[j].low in _COUNTS and toks[j + 1].low in _SPANS and toks[j + 2].low in ("later", "afterwards"):
        j += 3
    elif j + 1 < n and (toks[j].text.isdigit() and toks[j + 1].low in _SPANS) and j + 2 < n and toks[j + 2].low == "later":
        j += 3
    elif j + 2 < n and toks[j].low == "the" and toks[j + 1].low in _NEXT and toks[j + 2].low in (_SPANS | T.words("morning evening night")):
        j += 3
    else:
        return None
    return j if j + 1 < n and toks[j].low == "that" and toks[j + 1].text not in (",", ".", ";") else None


def _set_off(ps: ParsedSentence, k: int) -> bool:
    """The cue at token ``k`` and its speaker come after a comma a few words back, with more
    than a short opener before that comma: an aside inside the sentence."""
    toks = ps.toks
    c = next((x for x in range(k - 1, max(-1, k - 6), -1) if toks[x].text == ","), None)
    return c is not None and c >= 4


# Prepositions that open where or when the words were said: "told reporters *outside* the
# courthouse that ...".
# (not "by" or "from": "claims *by* the unions that ..." is a noun's)
_PLACE_PREPOSITIONS = T.words("outside inside near beside behind across opposite beyond within in at on after before "
                              "during")


def _setting_then_that(ps: ParsedSentence, i: int) -> int | None:
    """The "that" after a phrase of place or time that starts at token ``i`` after the cue
    or its listener ("outside the courthouse", "near the scene", "two days ago", "gathered
    inside the hall"): the phrase belongs to the cue, the content starts after "that" (rule
    setting-before-that). None when no such phrase runs to a complementiser within eight
    words: a verb, a pronoun or a comma between ("said outside experts had ...") ends it. An
    addressee after "to" goes with them ("denied to Reuters that ...")."""
    toks = ps.toks
    n = len(toks)
    j = i
    if j + 1 < n and not toks[j].cap and toks[j].low.endswith("ed") and toks[j + 1].low in _PLACE_PREPOSITIONS:
        j += 1  # the listener's own modifier: "supporters gathered outside the hall"
    last = min(n, j + 8) - 1
    if last <= j or "that" not in ps.masked[toks[j + 1].start : toks[last].end].lower():
        return None  # no "that" among the next seven tokens, the only ones that may be it: one search
    if toks[j].low == "to":
        # an addressee: "denied to Reuters that ...", "pointed out to the BBC website that
        # ...", "pointed to the fact that ...", not an infinitive ("pledged to ensure that")
        # nor a thing ("agreed to a contract that cuts ...", "objected to the way that ...")
        that = next((x for x in range(j + 1, min(n, j + 8)) if toks[x].low == "that"), None)
        if that is None or that == j + 1 or not all(
                t.cap or t.low in T.DETERMINERS or t.low in T.LISTENERS or t.low in outlet_nouns() or t.low == "fact"
                or t.low in ("'s", "’s") for t in toks[j + 1 : that]):
            return None
    timed = toks[j].low not in _PLACE_PREPOSITIONS and toks[j].low != "to"  # else "two days ago"
    if timed and toks[j].cap:
        return None
    for x in range(j + 1, min(n, j + 8)):
        t = toks[x]
        if t.low == "that":
            if x == j + 1 or that_is_subject(ps, x) or timed and toks[x - 1].low != "ago":
                return None
            return x
        if ps.is_stop(x) or not (t.text.replace("'", "").replace("’", "").replace("-", "").isalnum()) \
                or t.low in T.AUXILIARIES or t.low in T.PRONOUNS or cue_info(t.text) and not T.after_article(toks, x):
            return None
    return None


def _past_aside(ps: ParsedSentence, i: int) -> int:
    """The token after an aside of a few words between commas at token ``i`` when "that"
    follows it ("admitted, however, that ...", "said, in a statement, that ...", "said, for
    his part, that ..."); else ``i``. An aside opens in lower case and is no clause of its own
    ("said, and that ..." is none)."""
    toks = ps.toks
    n = len(toks)
    if i + 1 >= n or toks[i].text != "," or toks[i + 1].cap or toks[i + 1].low in _NO_ASIDE:
        return i
    for k in range(i + 2, min(n - 1, i + 7)):
        if toks[k].text == ",":
            return k + 1 if toks[k + 1].low == "that" else i
        if not toks[k].text.replace("'", "").replace("’", "").isalnum():
            return i
    return i


_NO_ASIDE = frozenset({"and", "but", "or", "which", "who", "that", "while", "whereas", "adding", "saying"})


def _gathering_noun(ps: ParsedSentence, j: int) -> bool:
    """A gathering named like a form of a cue, after its determiner: "said at a (news) briefing
    that ..." is where the words were said, not a second cue; so is a cue's participle between
    a determiner and its noun ("said in a written statement that ...") and a noun spelt like a
    cue right after its determiner ("said in the report that ...") or after its determiner and
    one adjective ("said in its daily report that ...", rule modified-setting)."""
    toks = ps.toks
    if toks[j - 1].low in T.ARTICLES and toks[j].text.isalpha():
        return True
    if j >= 3 and toks[j - 2].low in T.ARTICLES and toks[j - 3].low in ("in", "at") and toks[j].text.isalpha() \
            and toks[j - 1].text.isalpha() and not cue_info(toks[j - 1].text) \
            and toks[j - 1].low not in T.AUXILIARIES:
        return True  # "said in its daily report that ...", "in a Telegram post": a modifier between the two
    if toks[j].low not in W.GATHERINGS:
        return False
    x = j - 1
    while x > j - 4 and x >= 0 and toks[x].text.isalpha() and toks[x].low not in T.DETERMINERS and not cue_info(toks[x].text):
        x -= 1
    return x >= 0 and toks[x].low in T.DETERMINERS


def _past_listener(ps: ParsedSentence, i: int) -> tuple[int, tuple[int, str] | None, bool]:
    """After a cue that takes a listener ("told"), the listener starting at token ``i``:
    (the token after it, the content start and hint when already found, whether that is final)."""
    toks = ps.toks
    n = len(toks)
    gathering = _past_gathering(ps, i)
    if gathering is not None:
        return gathering, None, False
    if (toks[i].low in T.OBJECT_PRONOUNS and not toks[i].cap) or toks[i].low in T.LISTENERS:
        return i + 1, None, False  # "told us", not "told US TV network Fox News"
    span = right_np(ps, i)
    if span is None or not any(toks[x].cap or toks[x].low in T.LISTENERS or person_head(toks[x])
                               for x in range(span[0], span[1] + 1)):
        # "told the raucous crowd that ...": a listener we do not know, then "that".
        that = next((x for x in range(i, min(n, i + 10)) if toks[x].low == "that"), None)
        if that is None or that + 1 >= n:
            return i, None, True  # "telling stories": not a listener, not speech
        return i, after_that(ps, that), True
    span = _listener_only(ps, span)
    i = _past_manner(ps, span[1] + 1)
    if i + 1 < n and toks[i].text[:1].isdigit() and toks[i].low.endswith(("'s", "’s")) and toks[i + 1].cap:
        # "told Radio 4's Today programme": a channel's number, then the programme
        i += 1
        while i < n and toks[i].cap:
            i += 1
        if i < n and toks[i].low in outlet_nouns():
            i += 1
    # "told Britain's ITV television station in an interview": the rest of the listener.
    x = i
    while x < n and x - i < 3 and toks[x].text.isalpha() and not toks[x].cap and not cue_info(toks[x].text) \
            and toks[x].low not in T.AUXILIARIES and toks[x].low not in W.ADJUNCT_STARTS and toks[x].low != "that":
        x += 1
    if x > i and trailing_only(ps, x):
        return i, None, True
    # "told the Nordic TV channel Vik News on Friday that ...": more of the listener, then "that";
    # "told the committee on Thursday, June 5, that ...": a date's commas do not end it.
    that = next((x for x in range(i, min(n, i + 10)) if toks[x].low == "that" or ps.is_stop(x)
                 or cue_info(toks[x].text) or toks[x].text in (",", ":") and not _date_comma(ps, x)), None)
    if that is not None and toks[that].low == "that" and that > i and that + 1 < n \
            and all(toks[x].cap or toks[x].low in T.DATE_WORDS or toks[x].text.isdigit() or toks[x].text == ","
                    or toks[x].low in ("on", "network", "channel", "radio", "tv")
                    for x in range(i, that)):
        return i, after_that(ps, that), True
    return i, None, False


def _date_comma(ps: ParsedSentence, x: int) -> bool:
    """The comma at token ``x`` is inside or closes a date ("on Thursday, June 5, that"):
    a date word or day number before it, and another or "that" after it."""
    toks = ps.toks
    if toks[x].text != "," or x == 0 or x + 1 >= len(toks):
        return False
    before, after = toks[x - 1], toks[x + 1]
    return (before.low in T.DATE_WORDS or before.text.isdigit()) and (
        after.low in T.DATE_WORDS or after.text.isdigit() or after.low == "that")


# How the words reached the listener: "told the paper *by phone* that ...".
_MANNERS = {"by": ("phone", "telephone", "email", "e-mail", "text", "video", "videolink", "videoconference", "letter"),
            "via": ("phone", "telephone", "email", "e-mail", "video", "videolink", "videoconference", "zoom"),
            "over": ("the phone", "the telephone")}


def _past_manner(ps: ParsedSentence, i: int) -> int:
    """The token after a phrase of how the words were passed on, starting at token ``i``
    after a cue or its listener, when "that" follows it: "by phone", "by telephone from the
    capital", "via video link from Kyiv", "over the phone" (rule manner-before-that); else ``i``."""
    toks = ps.toks
    n = len(toks)
    if i + 1 >= n or toks[i].low not in _MANNERS:
        return i
    j = None
    for words in _MANNERS[toks[i].low]:
        w = words.split()
        if [t.low for t in toks[i + 1 : i + 1 + len(w)]] == w:
            j = i + 1 + len(w)
            break
    if j is None:
        return i
    if j < n and toks[j].low in ("link", "message", "call"):
        j += 1  # "by video link", "by text message"
    if j < n and toks[j].low == "from":
        # "from Kyiv", "from the capital", "from his home in Oslo": a place of a few words
        x = j + 1
        while x < n and x - j <= 5 and toks[x].low != "that" and (toks[x].text.isalpha() or toks[x].low in ("'s", "’s")) \
                and toks[x].low not in T.AUXILIARIES and not cue_info(toks[x].text):
            x += 1
        j = x
    x = j
    while x < n and x - j < 3 and (toks[x].low == "on" or toks[x].low in T.DATE_WORDS):
        x += 1  # "by email on Monday that ..."
    if x > j and toks[x - 1].low != "on":
        j = x
    return j if j < n and toks[j].low == "that" else i


# Words that may open a gathering's phrase: "told *his* monthly press conference".
_GATHERING_OPENERS = T.words("a an the his her their its our this")


def _past_gathering(ps: ParsedSentence, i: int) -> int | None:
    """The token after a gathering told something, starting at token ``i``: "told a London
    news conference that ...", "told his monthly press conference the matter ..." (rule
    listener-gathering); None when no gathering noun ends the phrase within a few words."""
    toks = ps.toks
    n = len(toks)
    if i >= n or toks[i].low not in _GATHERING_OPENERS:
        return None
    for x in range(i + 1, min(n, i + 8)):
        t = toks[x]
        if t.low in W.GATHERINGS and not t.cap and not (x + 1 < n and toks[x + 1].low in W.GATHERINGS):
            return x + 1  # (the last of "a conference call")
        if t.low in ("of", "for") and toks[x - 1].cap and x + 1 < n and toks[x + 1].cap:
            continue  # a body's name inside: "told a House of Lords committee hearing that ..."
        if not t.text.replace("-", "").isalpha() or t.low in T.AUXILIARIES or t.low in T.CLAUSE_WORDS \
                or t.low in W.ADJUNCT_STARTS or t.low in T.PREPOSITIONS or cue_info(t.text):
            return None
    return None


def that_is_subject(ps: ParsedSentence, j: int) -> bool:
    """The "that" at token ``j`` is its clause's subject, not a complementiser: a finite verb
    follows it ("He said that was a mistake"; rule that-as-subject)."""
    toks = ps.toks
    return j + 1 < len(toks) and toks[j + 1].low in W.THAT_SUBJECT_VERBS and not toks[j + 1].cap


def after_that(ps: ParsedSentence, j: int) -> tuple[int, str]:
    """The content after the "that" at token ``j`` and its hint: the clause after the
    complementiser, or from "that" itself when it is the clause's subject."""
    if that_is_subject(ps, j):
        return ps.toks[j].start, "complement"
    return ps.toks[j + 1].start, "that"


# Words that open a noun phrase of their own: after a listener, the content's subject starts.
_PHRASE_OPENERS = T.words("the a an his her their its our my")


def _listener_only(ps: ParsedSentence, span: tuple[int, int]) -> tuple[int, int]:
    """The listener within the phrase ``span`` read after "told", when that phrase ran on into
    the subject of the content and a finite verb follows it: "told MPs *the UK* would ...",
    "told the BBC *Michael Howard* has ...", "told BBC News *Labour MPs* would ..." (rule
    listener-then-subject). The listener ends before a second determiner, or else with the
    longest known outlet's name."""
    toks = ps.toks
    a, b = span
    verb = toks[b + 1] if b + 1 < len(toks) else None
    if verb is None or verb.cap or verb.low in ("'s", "’s"):
        return span
    for x in range(a, b):
        if not toks[x].cap and person_head(toks[x]) and toks[x + 1].cap and (
                verb.low in T.AUXILIARIES or verb.low in W.THAT_SUBJECT_VERBS or _present_s(verb)
                and not (b + 2 < len(toks) and toks[b + 2].low in T.AUXILIARIES)):
            # "tells Ukrainian counterpart *Istanbul* remains ...": a role noun ends the
            # listener; a name after it is the subject (rule listener-role-then-name)
            return a, x
    if not (verb.low in T.AUXILIARIES or verb.low in W.THAT_SUBJECT_VERBS):
        return span
    for x in range(a + 1, b + 1):
        if toks[x].low in _PHRASE_OPENERS:
            return a, x - 1
    names = media_names()
    for x in range(b - 1, a - 1, -1):
        name = " ".join(t.text for t in toks[a : x + 1] if t.low != "the").lower()
        if name in names or toks[x].low in outlet_nouns() or toks[x].low in T.LISTENERS:
            return a, x
    return span


def _present_s(tok: Token) -> bool:
    """A verb's present in -s ("remains", "wants"), as a headline writes it; not "-ss"."""
    return tok.text.isalpha() and len(tok.low) > 3 and tok.low.endswith("s") and not tok.low.endswith(("ss", "us", "is"))


def _past_addressee(ps: ParsedSentence, i: int, letter: bool = False) -> int:
    """The token after "to" and its addressee at token ``i``: "said to reporters", "wrote to
    investors on Monday that ...". After a ``letter`` ("has written to ...") the words come
    with "that", a colon, an infinitive or a participle cue ("... demanding an explanation");
    without one the addressee is all there is (rule letter-addressee): the sentence's end."""
    toks = ps.toks
    n = len(toks)
    span = right_np(ps, i + 1)
    if span:
        j = span[1] + 1
    else:
        j = i + 1
        while j < n and j < i + 5 and toks[j].text.isalpha() and toks[j].low not in ("that", "about"):
            j += 1
    if not letter or j >= n or toks[j].low in ("that", "to") or toks[j].text == ":" or ps.quote_starting(toks[j]):
        return j
    for k in range(i + 1, min(n, i + 14)):
        t = toks[k]
        if ps.is_stop(k) or t.text in (";", "(", ")"):
            break
        if t.low == "that" or t.text == ":":
            return k
        info = cue_info(t.text) if t.low.endswith("ing") else None
        if info is not None and info.form == "ing" and not info.weak:
            return k  # "has written to Mr X asking for ..."
    return n


def complement(ps: ParsedSentence, i: int, info: CueInfo, subject: Token | None = None) -> tuple[int, str] | None:
    toks = ps.toks
    n = len(toks)
    if info.lemma in ("call", "describe") and info.form == "ed" and i < n and toks[i].cap and i > 0 \
            and toks[i - 1].low in ("called", "named") and not toks[i].text.endswith(("'s", "’s")) and not any(
                ps.quote_starting(toks[x]) for x in range(i, min(n, i + 8)) if not ps.is_stop(x)):
        # "a scruffy little Austrian called Adolf Hitler": a name, not a claim; but "Cross
        # called November's election “a citizenship election”" is one, and so is "called
        # Ukraine's decision a mistake" (a possessive names no one).
        return None
    dated = i
    while i < n and toks[i].low in T.DATE_WORDS and not (len(toks[i].text) > 2 and toks[i].text.isupper()):
        i += 1  # "announced Friday that ...", "wrote Wednesday."; not an acronym ("said DEC had")
    if i >= n or (i > dated and toks[i].low in W.ADJUNCT_STARTS):
        return None  # "said Tuesday in Paris": where and when, not what
    t = toks[i]
    if t.text in (",", ".", "!", "?", ";", ")"):
        return None
    said = cue_info(t.text) if t.low.endswith("ing") and i + 2 < n else None
    if said is not None and said.form == "ing" and toks[i + 1].low == "that":
        return toks[i + 2].start, "that"  # "he said adding that ...": the second cue's clause
    if W.is_adverb(t.low) and (i + 1 >= n or toks[i + 1].low in W.ADJUNCT_STARTS
                                                   or toks[i + 1].low in ("into", "to") or ps.is_stop(i + 1)):
        return None  # "said pleasantly into the phone": how, not what
    if info.ambiguous and info.form in ("s", "base") and subject is not None and (
        subject.cap or subject.low in T.PRONOUNS
    ) and t.low in T.PRONOUNS and t.low not in ("him", "her", "them", "it"):
        return t.start, "complement"  # "Trump claims he is worth ..."
    if info.ambiguous and info.form in ("s", "base"):
        return None
    if t.low == "by" and info.form == "ed" and not (i + 1 < n and toks[i + 1].low.endswith("ing")):
        return None  # "the monitor maintained by the embassy": a passive, its agent follows
    if t.low in W.NO_CONTENT_OBJECTS and (i + 1 >= n or toks[i + 1].text in (".", ",") or toks[i + 1].low in W.ADJUNCT_STARTS):
        return None  # "stated this during a meeting": the content is elsewhere
    return t.start, "complement"


def trailing_only(ps: ParsedSentence, i: int) -> bool:
    """True when tokens from ``i`` to the sentence end are only adjuncts (no content)."""
    toks = ps.toks
    n = len(toks)
    if i + 1 < n and W.is_adverb(toks[i].low) and not toks[i].cap \
            and (toks[i + 1].low in W.ADJUNCT_STARTS or toks[i + 1].low in ("into", "to") or ps.is_stop(i + 1)):
        i += 1  # "said pleasantly into the phone", "said quietly."
        if toks[i].low in ("into", "to"):
            return True
    if i >= n or toks[i].text in (".", "!", "?", ";", ",", ")", "(") or (toks[i].text == ":" and i + 1 >= n):
        return True  # (a colon closing the paragraph: "He said:", the quotation follows)
    return toks[i].low in W.ADJUNCT_STARTS or toks[i].low in T.DATE_WORDS or toks[i].low == "to"


def _quotation_ends_statement(ps: ParsedSentence, close: int) -> bool:
    """The quotation closing at token ``close`` can be what the speaker after it said: its
    words end in a comma or a stop inside the marks ('"We will win," he said'), or, with
    none (messy copy: 'educated about "safe habits" he says'), no cue comes before it in the
    sentence. After a cue, a quoted phrase with no comma is the object of what follows: 'X
    said instead of the "great cull" the party had promised, ...' is what the party
    promised inside X's words, not the party's words."""
    toks = ps.toks
    inside = ps.text[max(0, toks[close].start - 3) : toks[close].start].rstrip(" '\"’”")
    if inside[-1:] in (",", ".", "!", "?", "…", ";", ":", "-", "—"):
        return True  # (the quotation's own words are masked as one token: read the text)
    quote = ps.quote_ending(toks[close])
    opening = ps.index_at(quote.start) if quote is not None else close
    if quote is not None and 0 < opening and toks[opening - 1].cap and toks[opening - 1].text.isalpha() \
            and all(w[:1].isupper() for w in ps.text[quote.start + 1 : quote.end - 1].split()[:3]) \
            and len(ps.text[quote.start : quote.end].split()) <= 3:
        return False  # "Brian 'Ace' Vale told ...": a nickname inside the name, no statement
    return not any(t.text.isalpha() and cue_info(t.text) for t in toks[:opening])


def content_before(ps: ParsedSentence, a: int) -> tuple[int, int] | None:
    """Content that precedes the speaker phrase starting at token ``a`` (inverted order)."""
    toks = ps.toks
    if a == 0:
        return None
    lead = lead_index(ps, a)
    prev = toks[lead]
    start = ps.sent.start
    if prev.text == ",":
        end = prev.start
    elif prev.text in T.CLOSE_QUOTES and ps.quote_ending(prev):
        if not _quotation_ends_statement(ps, lead):
            return None
        end = prev.end
    elif prev.text in T.OPEN_QUOTES and not ps.quote_starting(prev) and ps.quote_ending(prev):
        if not _quotation_ends_statement(ps, lead):
            return None
        end = prev.end
    else:
        return None
    if end - start < 3:
        return None
    first = toks[0]
    if first.low in ("asked", "in", "on", "at", "during", "after", "before", "when", "while", "speaking") and (
            not ps.quotes or all(ps.is_title(q) for q in ps.quotes if start <= q.start < end)) and not any(
            t.text == "," and start < t.start < end - 1 for t in toks):
        # (with a comma inside, the phrase only opens the content: "In fact, X, analysts say")
        # "In her post, X said", 'In an interview on CBS's "Face the Nation," Ryan said':
        # an introductory phrase (quoting at most a title), not what was said
        return None
    return start, end


def before_that(ps: ParsedSentence, k1: int) -> bool:
    """True when a "that" after the cue starts a relative clause ("in a documentary that")."""
    toks = ps.toks
    for x in range(k1, min(len(toks), k1 + 14)):
        if toks[x].low == "that":
            if x > k1 + 1 and toks[x - 1].cap and any(toks[y].low in ("at", "in", "on", "near", "outside", "inside")
                                                     for y in range(k1, x - 1)):
                return True  # "told a crowd at Hamburger Mary's that spilled out ..."
            return x > k1 and toks[x - 1].text.isalpha() and not toks[x - 1].cap and toks[x - 1].low not in T.DATE_WORDS \
                and toks[x - 1].low not in T.LISTENERS and toks[x - 1].low not in T.OBJECT_PRONOUNS and not toks[x - 1].text.isdigit()
    return False


# Words that can open a sentence but are its subject, not an opener: "This, said X, should ...".
_SUBJECT_OPENERS = T.words("this that these those it there here what its his her their our my your you")


def opener_only(ps: ParsedSentence, start: int, end: int, resumed: Token | None = None) -> bool:
    """The text from ``start`` to ``end`` is only a sentence opener, no statement: "As a
    result", "For instance", "By contrast", "Currently", "But" (rule opener-not-content); not
    when the sentence ``resumed`` after the aside with a finite verb, whose subject it is
    ("Last year, he said, was all about deals")."""
    if resumed is not None and not resumed.cap and (resumed.low in T.AUXILIARIES or resumed.low in W.THAT_SUBJECT_VERBS):
        return False
    if end - start > 40:
        return False  # (four words at most: a bound that keeps a run-on sentence linear)
    # (read in the text itself: the tokens of a quotation are masked)
    words = [t for t in T.tokenize(ps.text, start, end) if t.text not in T.OPEN_QUOTES | T.CLOSE_QUOTES]
    while words and words[-1].text == ",":
        words.pop()
    if not words or len(words) > 4 or not all(t.text.isalpha() for t in words):
        return False
    if len(words) > 1:
        return tuple(t.low for t in words) in discourse_openers()  # "As a result", not "With HD"
    first = words[0].low
    return first not in _SUBJECT_OPENERS and first not in T.PREPOSITIONS \
        and (first in T.CLAUSE_WORDS or first in T.ADVERBS or W.is_adverb(first)) \
        and not any(t.low in T.AUXILIARIES or t.low in T.PRONOUNS or cue_info(t.text) for t in words)


def parenthetical(ps: ParsedSentence, a: int, k1: int) -> bool:
    """An attribution set off by commas inside its content: "X, officials said, would ..."."""
    toks = ps.toks
    n = len(toks)
    if not (a > 0 and toks[a - 1].text == "," and k1 + 1 < n and toks[k1].text == ","):
        return False
    nxt = toks[k1 + 1]
    return not nxt.cap and nxt.low not in W.ADJUNCT_STARTS and nxt.low not in T.DATE_WORDS \
        and (not cue_info(nxt.text) or comparison_participle(ps, k1 + 1)) \
        and nxt.text.isalpha() and not nxt.low.endswith("ing")


def comparison_participle(ps: ParsedSentence, i: int) -> bool:
    """Token ``i`` is a comparison cue right before its preposition: "..., compared with 3% a
    year earlier", a preposition, not a speaker's verb."""
    toks = ps.toks
    info = cue_info(toks[i].text)
    frame = stance_frames().get(info.lemma) if info is not None else None
    return frame is not None and frame.frame == "compare" and i + 1 < len(toks) and toks[i + 1].low in ("with", "to")
