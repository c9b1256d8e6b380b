"""Headlines: the forms a claim takes in a title, where no reporting verb found one.

``headline-colon``        "Solberg: talks will resume in May" (a statement or a quotation after the
                          colon; "Solberg: The Quiet Reformer" describes her)
``headline-verb``         "Kremlin Slams New Sanctions", "Stoltenberg Sees Long War in Ukraine"
                          (a verb of headlines, data/headline_verbs.txt, after its speaker; the
                          claim is the verb and its object, as with stance verbs)
``headline-source-last``  "Grain deal is dead - Turkish FM" (the source after a dash)
``headline-claim-colon``  "Talks Failed: Minister Reveals Details of the Summit"
                          (the claim before the colon, its speaker and cue after it)

With the source last, the verbs before it are the source's words, not claims of their own
("Tallinn Rules Out Troops, Says Defence Chief": one claim, the defence chief's;
``source_last_owns_verbs``).

A kicker before a colon ("Analysis:", "Watch:", data/headline_labels.txt) is never a speaker:
the headline after it is read as if it stood alone.
"""

from __future__ import annotations

import re

from claimsdb.extract import tokens as T
from claimsdb.extract.lexicon import (
    headline_labels,
    headline_verb_regex,
    headline_verbs,
    speaker_nouns,
    title_words,
)
from claimsdb.extract.phrases.noun_phrases import right_np
from claimsdb.extract.rules.nonspeech import past_verbs
from claimsdb.extract.sentence import ParsedSentence, cue_info
from claimsdb.extract.speakers import Mention

_SPEAKER_TYPES = ("person", "anonymous", "country", "organization", "group", "media")
_DASHES = ("-", "–", "—")
_BULLETS = ("-", "–", "—", "•", "*", "·")
# Words that open a headline asking or explaining, not claiming ("Why the deal is dead - BBC").
_TITLE_STARTS = T.words("how what why who when where which whether")
_NEGATIONS = T.words("not no never n't cannot can't won't")


def kicker_end(ps: ParsedSentence) -> int:
    """The first token after a kicker ("Analysis:", "Watch -"), or 0 when there is none."""
    toks = ps.toks
    if len(toks) > 2 and toks[0].low in headline_labels() and toks[1].text in (":", "|", *_DASHES):
        return 2
    return 0


def _match_span(ps: ParsedSentence, start: int, end: int) -> re.Match:
    """A match object over ``start``-``end`` of the text, standing for a cue the form implies."""
    return re.compile(r".*").match(ps.masked, start, end)


def headline_colon(ps: ParsedSentence) -> None:
    """"Graham: Trump's rhetoric is destroying the party" — a speaker, a colon, the claim."""
    toks = ps.toks
    # A crosshead may open with a bullet: "- Kremlin: no basis for talks" (rule bullet-crosshead).
    first = 1 if len(toks) > 3 and toks[0].text in _BULLETS else 0
    colon = next((i for i, t in enumerate(toks[: 6 + first]) if t.text == ":"), None)
    if colon is None or colon <= first or colon + 1 >= len(toks):
        return
    span = right_np(ps, first, colon)
    about = next((j for j in range(first + 1, colon - 1) if toks[j].low == "on"), None)
    if about is not None and (span is None or span[1] != colon - 1) and ps.quote_starting(toks[colon + 1]) is not None:
        # "Trump on Article 5: “depends on your definition”": the speaker, "on" and the topic,
        # then the speaker's quotation (rule speaker-on-topic-title)
        span = right_np(ps, first, about)
        if span is not None and span[1] == about - 1:
            colon_span = span
        else:
            return
    else:
        colon_span = None
    if colon_span is None and (span is None or span[1] != colon - 1 or toks[first].low in headline_labels()):
        return
    words = toks[span[0] : span[1] + 1]
    # "Kremlin spokesman:", "ATO spokesman:": a body, then the title of who speaks for it
    titled = words[0].cap and not words[-1].cap and words[-1].low in title_words()
    if not (all(t.cap or t.low in T.CONNECTORS for t in words) or titled) or any(
        t.low in T.CLAUSE_WORDS or t.text[:1].isdigit() for t in words
    ):
        return  # "Now we know:", "3 Important Things To Know:" are not speakers
    mention = ps.mention(*span)
    # "Source: talks to resume next week": one noun for an unnamed speaker ("Source", "Officials").
    unnamed = len(words) == 1 and speaker_nouns().get(words[0].low) == "anonymous"
    if mention.pronoun or mention.type not in ("person", "country", "organization", "media") and not (
            (titled or unnamed) and mention.type == "anonymous"):
        return
    named = _topic_then_named(ps, colon) if mention.type != "person" else None
    if named is not None:
        # "Libya: Tajani, Russian presence in Cyrenaica is a threat": a topic, the colon, then
        # the speaker the article names and a comma before the claim, as Italian agencies write
        # headlines (rule topic-name-comma)
        who, comma = named
        if not ps.claims:
            ps.add((toks[comma + 1].start, ps.content_end()), who, _match_span(ps, toks[comma].start, toks[comma].end),
                   None, rule="headline-colon")
        return
    if not (clause_like(ps, colon + 1, len(toks), past=True) or ps.quotes or _present_verb(ps, colon + 1)
            or _dropped_copula(ps, colon + 1)):
        return  # "Johnny Depp: The acting outlaw" describes the speaker; it claims nothing
    if mention.type == "country" and _named_speaker_follows(ps, colon + 1):
        return  # "Ruritania: Vale rejects talks": the country is the topic; the speaker is named after it
    m = _match_span(ps, toks[colon].start, toks[colon].end)  # offsets in the text
    semi = next((j for j in range(colon + 2, len(toks)) if toks[j].text == ";"), None)
    if semi is not None and ps.claims and all(c.mention.start > toks[semi].start for c in ps.claims):
        # "IAEA: plant lost power for ninth time; Grossi urges restraint": two headlines in
        # one, the second already found (rule headline-semicolon)
        ps.add((toks[colon + 1].start, toks[semi].start), mention, m, None, rule="headline-colon")
        return
    if ps.claims:
        return
    ps.add((toks[colon + 1].start, ps.content_end()), mention, m, None, rule="headline-colon")


def _named_speaker_follows(ps: ParsedSentence, i: int) -> bool:
    """Tokens from ``i`` open with a person's name (a title may come first) and a reporting or
    stance verb in the present: "Macron refuses to rule out ...", "President Vale says ...". A
    country before a colon is then the topic of the headline, as European outlets file it, not
    its speaker (rule country-topic-kicker)."""
    toks = ps.toks
    j = i
    while j < len(toks) and j - i < 5 and toks[j].cap:
        j += 1
    if j == i or j >= len(toks) or toks[j].cap:
        return False
    verb = toks[j].low
    info = cue_info(verb)
    if not (verb in headline_verbs() or info is not None and info.form == "s"):
        return False
    who = ps.mention(i, j - 1)
    return who.type == "person" and not who.pronoun


# Words after a present-tense verb that show it is one: "Russia continues to ...", "Kyiv wants a ...".
_AFTER_VERB = T.words("to the a an no not that")


# Adjectives of readiness a headline puts right after its subject, "is" left out.
_READY = T.words("ready willing unwilling prepared determined poised keen eager able unable open committed")


def _dropped_copula(ps: ParsedSentence, a: int) -> bool:
    """A headline's clause without its "is": a capitalised subject of a few words (a comma or
    "and" may join two), then an adjective of readiness and "to" or "for" ("Kazakhstan ready to
    host talks", "Kremlin open to dialogue"), or "to" and a verb in lower case, the headline's
    future ("Russia, Ukraine to resume gas talks"); not "Johnny Depp: The acting outlaw", nor
    "A trip to Moscow"."""
    toks = ps.toks
    if a >= len(toks) or not toks[a].cap:
        return False
    for j in range(a + 1, min(len(toks) - 1, a + 6)):
        t = toks[j]
        if t.low in _READY:
            return toks[j + 1].low in ("to", "for")
        if t.low == "to":
            after = toks[j + 1]
            return after.text.isalpha() and not after.cap and after.low not in T.DETERMINERS
        if not (t.cap or t.text == "," or t.low == "and"):
            return False
    return False


def _present_verb(ps: ParsedSentence, a: int) -> bool:
    """A sentence-case headline's clause in the present: a capitalised subject, then a lower-case
    word in -s and a word that shows it is a verb ("NATO chief: Russia continues to destabilise
    ...", not "Ukraine crisis talks")."""
    toks = ps.toks
    return a + 3 < len(toks) and toks[a].cap and not toks[a + 1].cap and toks[a + 1].low.endswith("s") \
        and not toks[a + 1].low.endswith("ss") and toks[a + 2].low in _AFTER_VERB and not ps.title_case()


def _headline_speaker(ps: ParsedSentence, a: int, b: int) -> Mention | None:
    """The speaker that tokens ``a`` to ``b`` (inclusive) of a headline name, if they name one.

    In a headline every word may have a capital, so a phrase typed as a name must not be made
    of words the article writes in lower case ("Grain Deal Sees Record Exports").
    """
    toks = ps.toks
    words = toks[a : b + 1]
    if not words or len(words) > 7 or not words[0].cap or words[0].low in T.CLAUSE_WORDS:
        return None
    if any(t.low in T.AUXILIARIES or t.text[:1].isdigit() or t.text in (",", ":", ";") for t in words):
        return None
    mention = ps.mention(a, b)
    if mention.type not in _SPEAKER_TYPES or mention.pronoun:
        return None
    roles = [t for t in words if t.low in speaker_nouns() or t.low in title_words()]
    if not all(t.cap or t.low in T.CONNECTORS or t in roles for t in words) and mention.role is None:
        return None
    if mention.type in ("person", "organization") and mention.role is None:
        common = ps.seg.common_words()
        if any(t.low in common for t in words if t.text.isalpha() and t.low not in T.CONNECTORS and t not in roles):
            return None
    return mention


def _known_person(ps: ParsedSentence, mention: Mention) -> bool:
    """A speaker the article shows to be a person: by a role or given name, or a name that
    the text gives after another capitalised word ("Jens Stoltenberg", "Admiral Lund")."""
    if mention.role or mention.known_given_name:
        return True
    last = mention.text.split()[-1]
    return re.search(rf"[A-Z][\w.]+ {re.escape(last)}\b", ps.text[ps.sent.end :]) is not None


def headline_verb(ps: ParsedSentence) -> None:
    """``headline-verb``: "Kremlin Slams New Sanctions" — a speaker, a verb of headlines, and
    what the speaker says or stands for ("Visiting Moscow, Cuban Envoy Scoffs at Sanctions")."""
    toks = ps.toks
    start = kicker_end(ps)
    for m in headline_verb_regex().finditer(ps.masked, toks[start].start if start < len(toks) else ps.sent.end,
                                            ps.sent.end):
        k0, k1 = ps.index_at(m.start()), ps.index_at(m.end())
        if k1 >= len(toks) or not any(t.text[:1].isalpha() for t in toks[k1:]):
            return
        # A leading phrase set off by a comma is not the speaker: "Visiting Moscow, X Slams ...".
        a = max([start] + [j + 1 for j in range(start, k0) if toks[j].text == ","])
        mention = _headline_speaker(ps, a, k0 - 1)
        if mention is None:
            continue
        verb = " ".join(m.group().lower().split())
        if headline_verbs().get(verb) == "base" and not (mention.plural or mention.type == "group"):
            continue  # "Russia Back in Talks": a base form needs a plural speaker
        if verb in ("sees", "see") and (not _known_person(ps, mention) or toks[k1].low == "off"):
            continue  # "Qantas sees profits fly", "Martinez sees off challenge": no forecast
        # The verb is part of what is claimed, as with stance verbs: "Slams New Sanctions".
        if ps.add((toks[k0].start, ps.content_end()), mention, m, None, rule="headline-verb"):
            return


def clause_like(ps: ParsedSentence, a: int, b: int, past: bool = False) -> bool:
    """Tokens ``a`` up to ``b`` (exclusive) read as a statement, not a topic: a quotation, an
    auxiliary or negation, or with ``past`` a past tense after the first word ("NATO Recon
    Missed Everything"; not after a dash, where "information received" is a title's)."""
    toks = ps.toks
    if a < b and ps.quote_starting(toks[a]) is not None:
        return True
    return any(t.low in T.AUXILIARIES or t.low in _NEGATIONS
               or (past and j > a and len(t.low) > 4 and t.low.endswith("ed"))
               or (past and j > a and not t.cap and t.low in past_verbs() and t.low not in _ALSO_NOUNS
                   and toks[j - 1].text.isalpha() and toks[j - 1].low not in T.DETERMINERS)
               for j, t in enumerate(toks[a:b], a))


# Irregular past forms that are as often nouns or adjectives in a headline ("Budget cut talks",
# "Left wing"): no sign of a clause (rule irregular-past-headline takes the others: "Plant lost
# power for ninth time").
_ALSO_NOUNS = T.words("left cut set put hit rose felt won read spent built fell")


def headline_source_last(ps: ParsedSentence) -> None:
    """``headline-source-last``: "Grain deal is dead - Turkish FM" — the claim, a dash (or a
    colon before a person's name: "..., rule will not last: Berg"), its source. A site name after the dash ("... - BBC News") is no source: media are not taken,
    and the words before the dash must read as a statement."""
    toks = ps.toks
    start = kicker_end(ps)
    text = ps.text
    dash = next((j for j in range(len(toks) - 2, start + 2, -1) if toks[j].text in _DASHES
                 and text[toks[j].start - 1 : toks[j].start] == " " and text[toks[j].end : toks[j].end + 1] == " "), None)
    person_only = False
    if dash is None:
        # "Crimean Tatars will not recognize Russian rule: Dzhemilev": a colon before a person's
        # name of up to three words ends the headline
        dash = next((j for j in range(len(toks) - 2, max(start + 2, len(toks) - 8), -1) if toks[j].text == ":"), None)
        person_only = True
    if dash is None or len(toks) - dash - 1 > 6 or toks[start].low in _TITLE_STARTS:
        return
    end = len(toks) - 1
    while end > dash and not toks[end].text[:1].isalnum():
        end -= 1
    # "'...' – Varga tells Putin in St Petersburg": the source is the subject of the cue after the
    # dash, not whom it tells or where (rule source-last-subject)
    cue = next((j for j in range(dash + 2, end + 1) if toks[j].text.isalpha() and cue_info(toks[j].text)), None)
    if cue is not None and not (cue + 1 <= end and toks[cue + 1].low == "by"):
        end = cue - 1  # (not a passive: "– Varga told by Lund" is Lund's)
    mention = _headline_speaker(ps, dash + 1, end)
    # "Warsaw Warns of Long War - Polish PM": a cue before the dash makes it a statement too
    verb_before = any(c.cue_start is not None and toks[start].start <= c.cue_start < toks[dash].start for c in ps.claims)
    if mention is None or mention.type == "media" or not (
            verb_before or clause_like(ps, start, dash) or person_only and _present_verb(ps, start)
            or not person_only and _sentence_case_verb(ps, start, dash)):
        return
    # (the acronym stays the speaker's name: its country is decided by name, and the headline
    # says too little to decide it for the body's claims)
    if person_only and not _acronym_spelt_out(ps, dash + 1, end) and (
            mention.type != "person" or not (all(t.cap for t in toks[dash + 1 : end + 1])
                                             or _titled_name_in_body(ps, mention, dash + 1, end))
            or " " not in mention.name and not _named_in_full(ps, mention.name)):
        return  # (one word is a person's only when the article gives the full name: not "Bergen")
    if any(c.cue_start is not None and c.cue_start > toks[dash].start for c in ps.claims):
        return  # a cue after the dash found the claim already
    m = _match_span(ps, toks[dash].start, toks[dash].end)
    ps.add((toks[start].start, toks[dash].start), mention, m, None, rule="headline-source-last")


def _topic_then_named(ps: ParsedSentence, colon: int) -> tuple[Mention, int] | None:
    """The person named right after a headline's colon, one to three capitalised words then a
    comma, when the article names them in full after the headline ("...: Tajani, ..." over
    "Foreign Minister Antonio Tajani"), and the comma's index; else None."""
    toks = ps.toks
    comma = next((j for j in range(colon + 2, min(len(toks) - 2, colon + 5)) if toks[j].text == ","), None)
    if comma is None or not all(t.cap and t.text.isalpha() for t in toks[colon + 1 : comma]):
        return None
    who = ps.mention(colon + 1, comma - 1)
    if who.type != "person" or who.pronoun:
        return None
    if " " not in who.name and not _named_in_full(ps, who.name):
        return None
    return who, comma


def _sentence_case_verb(ps: ParsedSentence, a: int, dash: int) -> bool:
    """A sentence-case headline before a dash whose subject of a word or two (a capital first)
    is followed by a verb in lower case: in the past ("Russians attacked Kherson region 512
    times – Prokudin") or in -s before a name, a determiner or "to" ("Suwalki gap remains
    NATO's weak point – committee chair"; rule dash-source-clause). A title-case headline's
    capitals say nothing, so it is not read this way."""
    toks = ps.toks
    if ps.title_case() or a >= dash or not toks[a].cap:
        return False
    for j in range(a + 1, min(dash - 1, a + 3)):
        t = toks[j]
        if not t.text.isalpha():
            return False
        if not t.cap and (t.low in past_verbs() and t.low not in _ALSO_NOUNS or len(t.low) > 4 and t.low.endswith("ed")
                          or t.low.endswith("s") and not t.low.endswith("ss")
                          and (toks[j + 1].cap or toks[j + 1].low in _AFTER_VERB)):
            return True
    return False


def _titled_name_in_body(ps: ParsedSentence, mention: Mention, a: int, b: int) -> bool:
    """Whether tokens ``a`` to ``b`` are a title with words in lower case and a name the article
    gives again after the headline: "...: Party chief To Lam" over "General Secretary To Lam
    said" (rule headline-titled-source)."""
    return mention.role is not None and " " in mention.name \
        and all(t.cap or t.low in title_words() or t.low in speaker_nouns() for t in ps.toks[a : b + 1]) \
        and mention.name in ps.seg.text[ps.sent.end :]


def _acronym_spelt_out(ps: ParsedSentence, a: int, b: int) -> bool:
    """Whether tokens ``a`` to ``b`` are one acronym the article spells out after the headline,
    its capitals the initials of the words before it in brackets: "...: NIS" over "the National
    Intelligence Service (NIS) said" (rule headline-acronym-source)."""
    word = ps.toks[a].text
    if a != b or not (2 <= len(word) <= 6 and word.isupper() and word.isalpha()):
        return False
    m = re.search(r"((?:[A-Z][\w'’-]+ ){1,6})\(" + re.escape(word) + r"\)", ps.seg.text[ps.sent.end :])
    return m is not None and "".join(w[0] for w in m.group(1).split()[-len(word) :]) == word


def _named_in_full(ps: ParsedSentence, surname: str) -> bool:
    """Whether the article names someone in full with ``surname`` after the headline: by a
    given name, or by an initial ("S. Jaishankar", as Indian usage names many)."""
    return re.search(r"\b[A-Z](?:[\w'’-]+|\.) " + re.escape(surname) + r"\b", ps.seg.text[ps.sent.end :]) is not None


def source_last_owns_verbs(ps: ParsedSentence) -> None:
    """A headline with its source last ("Tallinn Rules Out Troops, Says Defence Chief",
    "Warsaw Warns of Long War - Polish PM") is one claim, the source's: the verbs before the
    source are its words, not claims of the headline's first name (rule source-last-owns-verbs)."""
    last = [c for c in ps.claims if c.cue_start is not None and c.start < c.cue_start
            and c.rule in ("inverted-verb-first", "inverted-said", "headline-source-last")]
    if not last:
        return
    ps.claims = [c for c in ps.claims if c in last or not any(
        o.start <= (c.cue_start if c.cue_start is not None else c.start) < o.end for o in last)]


def headline_claim_colon(ps: ParsedSentence) -> None:
    """``headline-claim-colon``: "Talks Failed: Minister Reveals Details of the Summit" — the
    claim before the colon, and after it the speaker with a cue. A claim the cue found after the
    colon that is only a topic ("Details of the Summit") is dropped; a clause it found stays."""
    toks = ps.toks
    start = kicker_end(ps)
    colon = next((j for j in range(start, min(len(toks), start + 12)) if toks[j].text == ":"), None)
    if colon is None or colon - start < 2 or not clause_like(ps, start, colon, past=True):
        return
    after = toks[colon + 1].start if colon + 1 < len(toks) else None
    owner = next((c for c in ps.claims if c.mention.start == after and c.cue_start is not None
                  and c.cue_start > c.mention.start), None)
    if owner is None or owner.info is None:
        return
    k = ps.index_at(owner.start)
    if not (toks[k].low in ("to", "that") or clause_like(ps, k, ps.index_at(owner.end))):
        ps.claims.remove(owner)
    m = _match_span(ps, owner.cue_start, owner.cue_end)
    ps.add((toks[start].start, toks[colon].start), owner.mention, m, owner.info, rule="headline-claim-colon")
