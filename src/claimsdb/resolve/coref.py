"""Pronouns and role nouns ("she", "the president", "the publication") → the speaker meant.

A salience list of the entities seen so far in the article (speaker phrases, and names of
people anywhere in the prose) is kept in text order; a pronoun takes the most recent entity
that agrees with it in kind, number and, when known, gender. Each function works on the
speaker phrases the extractor read (``ClaimCandidate.evidence.mention``) and changes them in
place; the resolve stage writes each claim's speaker from its phrase afterwards.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files

from claimsdb.extract import tokens as T
from claimsdb.extract.lexicon import cue_words, first_names, speaker_nouns, title_words, word_set
from claimsdb.extract.segment import Block, Segmented
from claimsdb.extract.speakers import (HONORIFICS, ORG_WORDS, Mention, clean_role, country_code, country_display_name, describe,
                                       may_have_known_given_name, plural_of_capitals, styled_before)
from claimsdb.extract.rules.nonspeech import anonymity_phrases
from claimsdb.pattern_cache import compile_pattern
from claimsdb.records import ClaimCandidate
from claimsdb.resolve.affiliation import body_class_nouns, listed_organisation
from claimsdb.resolve.countries import demonym_code, find_countries
from claimsdb.resolve.offices import listed_roles, office_of, offices_held

# Two or more capitalised words, possibly with a title before them: candidate person names.
# The plain form is _NAME_RUN_PLAIN; _NAME_RUN finds the same runs. Every match starts with a
# capital, and _NAME_RUN matches that capital first and checks what stands before it after (as
# _COMPANY_EVIDENCE does), so the engine scans in C for capitals and tries the pattern only
# there: a pattern that opens with a look-around is tried at every character of the article,
# which made this scan cost about 400,000 instructions an article. The first word is the plain
# form's first word less its capital, each alternative in the same order, and the other words
# repeat up to three times more, as the plain form's up to four: the same match everywhere.
_NAME_WORD = r"(?:[A-Z][\w’'-]+|Mr\.|Mrs\.|Ms\.|Dr\.|[A-Z]\.)[ \t]+"
_NAME_RUN_PLAIN = r"(?=[A-Z])(?<![\w.’'-])(?:" + _NAME_WORD + r"){1,4}[A-Z][\w’'-]*[a-z][\w’'-]*"
_NAME_RUN = compile_pattern(r"[A-Z](?<![\w.’'-][A-Z])(?:[\w’'-]+|(?<=M)r\.|(?<=M)rs\.|(?<=M)s\.|(?<=D)r\.|\.)[ \t]+"
                            r"(?:" + _NAME_WORD + r"){0,3}[A-Z][\w’'-]*[a-z][\w’'-]*")
# Roles whose holder is never just the person the passage is about: "The judge agreed with Anna
# Berg" is not Anna Berg; only someone introduced as a judge, or named as one next.
# Role nouns that take a named person only when the article gives them that role, never the
# person the passage is about: a judge; a spokesman, who speaks for that person (rule
# spokesman-role-only: "A spokesman for Vik said ... '...,' the spokesman added" is no Vik).
_SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_NAMED_ROLES_ONLY = frozenset({"judge"}) | _SPOKES_NOUNS
# Roles a team's person holds, named by the team ("the United boss", "the Lions coach").
_TEAM_ROLES = frozenset("coach boss captain player striker midfielder defender winger goalkeeper keeper".split())
# Role nouns that refer back to a person whose role contains them.
_PERSON_ROLES = frozenset(
    "president minister chancellor premier secretary spokesperson spokesman spokeswoman "
    "senator governor mayor ambassador envoy diplomat general commander chairman chief "
    "leader candidate nominee official adviser advisor director ceo head admiral commissioner "
    "prosecutor chairwoman chairperson judge".split()
) | _TEAM_ROLES
# Roles whose holders articles often leave unnamed: "the spokesman said ... he added" is them.
_USUALLY_UNNAMED = frozenset("spokesman spokeswoman spokesperson official source aide diplomat".split())
# Role nouns that tell the holder's gender; a "he" or "she" antecedent must agree.
_ROLE_GENDER = {"spokesman": "he", "spokeswoman": "she", "chairman": "he", "chairwoman": "she",
                "man": "he", "woman": "she"}
# Titles that are part of a person's name ("Lord Browne"), not a role.
_NAME_TITLES = word_set("name_titles.txt")
# Endings of a noun that describes one person ("politician", "medallist", "dissident"); not
# "-ant" or "-ment" ("the software giant", "the team management").
_EPITHET_ENDINGS = ("ist", "ian", "dent")
# International bodies: a national serving one ("the German commissioner") speaks for the body.
_BODY_CODES = frozenset({"EU", "UN", "NATO", "OSCE"})
# How many characters after a speaker phrase may say it is deliberately unnamed.
_ANONYMITY_WINDOW = 90
_TITLE_BEFORE = compile_pattern(r"(?<![\w-])([A-Z][a-z]+) $")
_CAPITALISED = compile_pattern(r"(?=[A-Z])(?<![\w'’-])[A-Z][\w'’-]*(?<!['’])")
_EPITHET = "<epithet>"
# (The name is the whole run of word characters, ending in a letter: taken at once, as it can
# end nowhere else before the words that follow, instead of tried shorter letter by letter.
# Its capital comes first and what stands before it is checked after it: the regex engine
# finds where a pattern that opens with a set of characters may start by a fast scan for
# them, and tries one that opens with a look-around at every character of the text, which
# took this scan twice as long.)
# What follows a company's name only: "Vik's shares", "Vik plc", "Vik said its ...".
_COMPANY_TAIL = (
    r"(?:"
    r"(?:'s|’s)? (?:shares|share price|profits?|sales|revenues?|earnings|chief executive|chairman|"
    r"spokes(?:man|woman|person)|"
    r"board|customers|shareholders|market value|annual results)\b"
    r"| (?:Inc|Corp|Corporation|Ltd|plc|PLC|Group|Holdings|AG|SA|NV)\b"
    r"| (?:said|says|added|announced|reported|warned) its\b)"
)
_COMPANY_EVIDENCE = compile_pattern(r"([A-Z](?<![\w-][A-Z])(?>[\w&-]+)(?<=[a-zA-Z]))" + _COMPANY_TAIL)
# What kind of body a name is ("think tank", "watchdog", "charity": data/body_nouns.txt), as
# the head of a description of a body: "the Oslo-based think tank said".
_CLASS_HEADS = frozenset(w for w in word_set("body_nouns.txt") if w.isalpha()) - {"major", "outfit", "lobby", "agency", "think"}
# Words that make a role another office than its head's: "the shadow chancellor" is not the
# chancellor, "the deputy mayor" not the mayor (rule other-office).
_OTHER_OFFICE = frozenset("deputy vice shadow former assistant ex acting junior".split())
_SUBORDINATE_ROLE = compile_pattern(r"\b(?:deputy|vice|shadow|former|assistant|ex|acting)\b[\s-]*$")
# How many entities back a pronoun or role noun may look for its antecedent.
_LOOKBACK = 200
_COMPANY_NOUNS = frozenset("company firm group bank carmaker airline retailer insurer lender maker operator "
                           "provider carrier supplier producer manufacturer".split())
# "A second producer, Brindle, ...", "the carmaker Voltra": a one-word company name beside its
# common noun, antecedent of a later "the company" (two-word names are found as name runs).
_COMPANY_BESIDE_NOUN = compile_pattern(
    r"\b(?:" + "|".join(sorted(_COMPANY_NOUNS)) + r")(?:, | )([A-Z][\w&-]*[A-Za-z])(?=[,.;]| [a-z])")
# Nouns only for companies (not "producer" or "operator", which may be people).
_FIRM_NOUNS = "company|firm|bank|carmaker|airline|retailer|insurer|lender|group|manufacturer|conglomerate|chain"
# Other wording that treats a one-word name as a company: "shares in Brindle", "Brindle, the
# retailer, said", "Brindle, a carmaker which ...", "the carmaker Brindle" (each pattern starts
# with words it can be searched for by, so the whole text is scanned quickly).
# (_SHARES_IN opens with the literal "hares", which the engine finds fast, and looks back for
# the "S" or "s": opening with [Ss], it was tried at every "s" of the text. Only its group is read.)
_SHARES_IN = compile_pattern(r"hares (?:in|of) (?<=[Ss]hares in |[Ss]hares of )([A-Z][\w&-]*[a-zA-Z])\b(?! [A-Z])")
_FIRM_APPOSITIVE = compile_pattern(r", (?:the|a|an) (?:[\w-]+ ){0,3}?(?:" + _FIRM_NOUNS + r")"
                              r"(?=[,;:]| (?:which|that|whose)\b)")
_FIRM_BEFORE = compile_pattern(r"(?:" + _FIRM_NOUNS + r") ([A-Z][\w&-]*[a-zA-Z])(?=[,.;]| [a-z])")


def _matches_from(pattern: re.Pattern[str], words: Iterable[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern every match of which starts with one of
    ``words`` (_COMPANY_BESIDE_NOUN, _FIRM_BEFORE): the pattern is tried only where one of them
    stands, found by plain string search, not at every character of the text (which the
    engine does for a pattern that opens with common lower-case letters or a word boundary)."""
    starts = set()
    for word in words:
        i = text.find(word)
        while i >= 0:
            starts.add(i)
            i = text.find(word, i + 1)
    end = 0  # where the last match ended: finditer goes on from there
    for i in sorted(starts):
        if i >= end and (m := pattern.match(text, i)) is not None:
            end = m.end()
            yield m
_APPOSED = compile_pattern(r"(?<![\w-])([A-Z][\w&-]*[a-zA-Z])$")
_WORD_BEFORE = compile_pattern(r"(?<![\w’'-])([A-Z][\w’'&-]*) $")
_OPENING_CAPITALS = frozenset("but and in on at for the a an this that these those its his her their our "
                              "however meanwhile shares analysts while as so yet if when since after before "
                              "although".split())
# Evidence after the name that only a company has: a possessive, a company suffix, "said its".
_STRONG_EVIDENCE = compile_pattern(r"['’]s | (?:Inc|Corp|Corporation|Ltd|plc|PLC|Group|Holdings|AG|SA|NV)\b| \w+ its\b")
_HONORIFIC = compile_pattern(r"(?:Mr|Mrs|Ms|Dr|Miss|Sir|Dame)\.? [A-Z]")
# "Mr Vik": Mr, Mrs, Ms, Miss or Dr, not the end of a word, and a surname. (The initial first, as
# in _COMPANY_EVIDENCE: a scan of the text for "M" and "D" finds where to try it.)
_HONORIFIC_NAME = compile_pattern(
    r"(?:M(?<![\w’'-]M)(?:r|rs|s|iss)|D(?<![\w’'-]D)r)\.? ([A-Z][\w’'-]*[a-z])(?![\w’'-])(?! [A-Z])")
_NAME_GOES_ON = compile_pattern(r" [A-Z]")
# The gender an honorific of _HONORIFIC_NAME tells ("Dr" tells none).
_HONORIFIC_GENDER = {"Mr": "he", "Mrs": "she", "Ms": "she", "Miss": "she"}
# The rest of a body's name after "of": "(Bank) of America", "(University) of Vik Falls".
_OF_NAME = compile_pattern(r" of (?:the )?([A-Z][\w’'-]*[a-z][\w’'-]*(?: [A-Z][\w’'-]*[a-z][\w’'-]*){0,2})(?![\w’'-])")
# The mark of a company's later mention found by its name alone: an antecedent of "the
# company", not of "it" (whose antecedents stay the names read as speakers or name runs).
_ECHO = "<company>"
_COMMON_CAPITALS = frozenset("the a an this that it its he she they we".split())
# Role nouns for whoever the writer talked to: the person the last sentences are about, named
# or not ("A canal worker told the inspectors that ... according to the interlocutor").
_SPOKEN_TO = frozenset({"interlocutor", "interviewee"})
# "Some said", "Others say": some of the people the sentence before spoke of ("supporters").
# "... spoke on 2 May to the chief engineer of the power station": who was talked to.
_TALKED_TO = compile_pattern(
    r"\b(?:talked|spoke|speaking|talking)\b[^.;:]{0,40}?\bto ((?:the|a|an|one) [a-z][\w-]*(?: [\w’'-]+){0,8}?)"
    r"(?=,|\.|;| who\b| which\b| deployed\b| based\b| stationed\b| present\b| in\b| at\b| near\b)")
# "a cyclist who introduced herself as the club's treasurer", "a farmer who gave his name
# as Sven": who an unnamed speaker said they were.
_SELF_INTRODUCED = compile_pattern(
    r",? who (?:introduced (?P<who>himself|herself) as (?P<what>(?:the |an? )?[^,;.]{2,60}?)"
    r"(?=,| told\b| said\b| says\b| added\b)"
    r"|gave (?P<whose>his|her) name (?:only )?as (?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?))")
# A photo caption left in the text: "X, deputy mayor, gestures at a market in Vik
# July 25, 2014." Who it shows is no antecedent of the next sentence's "he".
_CAPTION = compile_pattern(
    r"\b(?:listens|speaks|gestures|attends|poses|looks|walks|stands|sits|talks|arrives|waves|smiles|holds|reacts)"
    r"\b[^.\n]{0,200}\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r" \d{1,2}, \d{4}\.")
_CLAUSE_SUBJECT = compile_pattern(r"([A-Z][\w’'-]+)(?=,| (?:has|had|is|was|will|would|could|did|does|wants|plans|[a-z]+ed)\b)")
_YEAR_END = compile_pattern(r", \d{4}\.")  # what every caption has: a cheap test before _CAPTION
_PART_OF_GROUP = frozenset("some others many several most few".split())
# "Petrov was speaking in Vik": the sentence after a quotation names its speaker.
_WAS_SPEAKING = compile_pattern(r"([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}) (?:was|had been) (?:speaking|talking)\b")
# Bodies a definite noun stands for: "the committee said" after "the Commons transport
# committee said"; also the heads whose describing words are dropped from a body's name.
_BODY_HEADS = frozenset("committee commission council board panel tribunal inquiry assembly embassy mission "
                        "consulate".split())
# A diplomatic mission's other names: "the mission" for "the Russian Embassy in Abuja".
_DIPLOMATIC_HEADS = {"mission": ("mission", "embassy", "consulate"), "embassy": ("embassy",),
                     "consulate": ("consulate",)}
# Nouns that stand for the company the article last named: its own nouns, and its board.
_COMPANY_HEADS = _COMPANY_NOUNS | {"board"}
# Role-noun heads whose resolution reads the claims' contents and who spoke before.
_SPEAKER_TRACED_HEADS = _COMPANY_HEADS | _CLASS_HEADS
# The nouns of a body a person is said to be from: ", from the rights group X," (rule
# affiliation-appositive).
_AFFILIATION_NOUNS = body_class_nouns() | _BODY_HEADS | {"party", "union", "ministry", "department", "university", "campaign"}
_MEDIA_NOUNS = frozenset("publication newspaper paper outlet broadcaster magazine agency website daily tabloid channel network".split())


# A country's body written in lower case: "Norway's foreign ministry", "the Norwegian embassy".
_COUNTRY_BODY_NOUNS = ("ministry", "embassy", "parliament", "cabinet", "presidency", "army", "military", "navy")
_COUNTRY_BODY = compile_pattern(r"(?:(?<![\w'’-])[A-Z][\w'’-]*[a-z]['’]s|\b[Tt]he [A-Z][a-z]+)[ \u00a0]+(?:[a-z]+[ \u00a0]+){0,2}?"
                           r"(?:" + "|".join(_COUNTRY_BODY_NOUNS) + r")\b")


@dataclass(slots=True)
class _Entity:
    pos: int
    mention: Mention
    # Found by honorific alone ("Mr Vik"): the subject of a recent sentence only when it opens it.
    by_title: bool = False
    # The role written in lower case before the name ("chief executive Jez Moxey"), kept apart
    # from the mention's own: only a role the article gives one person (_role_holder) reads it.
    role: str | None = None


def _entities(seg: Segmented, mentions: list[Mention], companies: bool = True) -> list[_Entity]:
    found = [_Entity(m.start, m) for m in mentions if m.pronoun is None]
    # A speaker phrase that names someone stands for them: the same name run inside it ("the
    # Health Ministry") is no second entity; another name in it ("Acme chairwoman, Ann Berg")
    # still is.
    spans = sorted(((e.mention.start, e.mention.end, e.mention) for e in found), key=lambda x: x[:2])
    span_starts = [a for a, _, _ in spans]
    masked = seg.masked
    beside = _companies_beside_nouns(masked) if companies else ()
    beside_starts = [start for start, _, _ in beside]
    runs = _name_runs(masked)
    run_starts = [start for start, _ in runs]
    # Every match of _COUNTRY_BODY ends in one of its nouns: an article without any (most of
    # them) is not scanned for it, which tried the pattern at every character of the prose.
    country_bodies = any(noun in masked for noun in _COUNTRY_BODY_NOUNS)
    for block in seg.blocks:
        if block.furniture:
            continue
        for start, end in runs[bisect_left(run_starts, block.start) : bisect_left(run_starts, block.end)]:
            men = describe(seg.text, start, end)
            if men.type == "organization" and (tail := _OF_NAME.match(masked, end, block.end)) is not None:
                # "The Bank of America", "the University of Vik": the body's name goes on past
                # "of" (rule body-name-of); "Bank" alone is no antecedent of "the bank".
                whole = describe(seg.text, start, tail.end())
                if whole.type == "organization" and whole.name.endswith(seg.text[tail.start(1) : tail.end()]):
                    men, end = whole, tail.end()
            k = bisect_right(span_starts, start) - 1
            if k >= 0 and spans[k][1] >= end:
                outer = spans[k][2]
                if outer.type == men.type and outer.name.endswith(men.name):
                    continue
            role = _lower_role_before(masked, block.start, start) \
                if men.type == "person" and not men.role and " " in men.name else None
            if role is not None:
                found.append(_Entity(start, men, role=role))  # "chief executive Jez Moxey"
                continue
            # A capitalised run is a person only with a known given name or a title before it:
            # "World Junior Championship" and "Fear Factor" are not antecedents for "he".
            if men.type == "person" and " " in men.name and (men.known_given_name or men.role or men.gender
                                                              or _after_clause_word(seg.text, start, men)):
                found.append(_Entity(start, men))
            elif men.type == "person" and " " in men.name and (role := _person_appositive(masked, end, block.end)):
                # "Roderich Vik, a former colonel, broke ranks ...": a given name the lists lack,
                # but the appositive after it describes a person.
                men.role = role
                found.append(_Entity(start, men))
            elif men.type == "person" and " " in men.name and _affiliation_appositive(masked, end, block.end):
                # "Roderich Vik, from the rights group Openline, joined calls ...": a given name the
                # lists lack, set off by the body the person speaks for (rule affiliation-appositive).
                found.append(_Entity(start, men))
            elif men.type == "person" and men.role and men.role.rsplit(None, 1)[-1].lower() in _NAME_TITLES:
                # "Lord Vik": a peer, named by title and surname.
                rest, _, title = men.role.rpartition(" ")
                found.append(_Entity(start, Mention(men.start, men.end, men.text, f"{title} {men.name}", "person",
                                                    rest or None, men.country, gender=men.gender), by_title=True))
            elif (described := _described_name(seg.text, start, end)) is not None:
                found.append(_Entity(described.start, described))
            elif men.type == "organization" and men.name[:1].isupper() or men.type == "group" and men.plural:
                found.append(_Entity(start, men))  # "Deutsche Bank", antecedent of "the bank"; "Lib Dems"
        # "Norway's foreign ministry did not reply. In a statement, it said ...": a body named
        # in lower case after its country, antecedent of "it" (rule country-body-entity).
        for hit in _COUNTRY_BODY.finditer(masked, block.start, block.end) if country_bodies else ():
            k = bisect_right(span_starts, hit.start()) - 1
            if k >= 0 and spans[k][1] > hit.start():
                continue  # inside a speaker phrase, which is its own entity
            men = describe(seg.text, hit.start(), hit.end())
            if men.type == "organization" and men.country:
                found.append(_Entity(hit.start(), men))
        if companies:
            # The block's share of one scan of the whole text (no match spans two lines).
            for start, end, name in beside[bisect_left(beside_starts, block.start) : bisect_left(beside_starts, block.end)]:
                found.append(_Entity(start, Mention(start, end, name, name, "organization")))
    # Later mentions of a person by surname alone ("O'Leary has rapped ...") keep them salient.
    people = {e.mention.name.rsplit(None, 1)[-1]: e.mention for e in found
              if e.mention.type == "person" and " " in e.mention.name}
    if people:
        _genders_by_honorific(masked, people)
        taken = {e.pos for e in found}
        for start, word, block in _capitalised_words(seg, people.keys()):
            full = people[word]
            end = start + len(word)
            if start not in taken:
                title = _TITLE_BEFORE.search(masked, max(block.start, start - 14), start)
                if title is not None and title.group(1).lower() in _NAME_TITLES:
                    # "Lord Vik" is not the Anna Vik named before.
                    peer = describe(seg.text, title.start(1), end)
                    found.append(_Entity(start, Mention(start, end, word, f"{title.group(1)} {word}", "person",
                                                        gender=peer.gender), by_title=True))
                    continue
                found.append(_Entity(start, Mention(start, end, word, full.name, full.type, full.role, full.country,
                                                    full.plural, None, full.gender, full.known_given_name)))
    # "Mr Vik": a person named by honorific and surname, when no full name gave them before.
    taken = {e.pos for e in found}
    for block in seg.blocks:
        if block.furniture:
            continue
        for m in _HONORIFIC_NAME.finditer(masked, block.start, block.end):
            if m.start() not in taken and m.start(1) not in taken:
                men = describe(seg.text, m.start(), m.end())
                if men.type == "person" and men.gender:
                    found.append(_Entity(m.start(), men, by_title=True))
    if companies:
        # A one-word company is an antecedent of "the company" wherever the article names it
        # ("Absa's earnings", not only "the bank Absa"); not the surname of a person it names.
        taken = {e.pos for e in found}
        common = seg.common_words()
        # "Operating profits", "However, ...": an ordinary word, no name.
        names = sorted((name for name in _article_companies(masked) - people.keys()
                        if not (name.lower() in common or name.lower() in T.DATE_WORDS or country_code(name))),
                       key=len, reverse=True)
        echo = re.compile(r"(?<![\w&-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w&-])") if names else None
        for block in seg.blocks if echo is not None else ():
            if block.furniture:
                continue
            for m in echo.finditer(masked, block.start, block.end):
                if m.start() in taken or _in_longer_name(masked, m.start()) or _NAME_GOES_ON.match(masked, m.end()):
                    continue  # "Wells Fargo", "Vestey Group": part of a longer name
                found.append(_Entity(m.start(), Mention(m.start(), m.end(), m.group(), m.group(), "organization",
                                                        pronoun=_ECHO)))
    found.sort(key=lambda e: e.pos)
    return found


# The words before a name run that may be its holder's role: "chief executive", "Wolves chief
# executive", "Tory leader" (a capitalised word, then lower-case words), maybe with a comma
# before the name ("Ofsted chief, Anna Berg,").
_ROLE_BEFORE = compile_pattern(r"(?:(?<![\w’'-])([A-Z][\w’'&-]*[a-z]) )?((?:[a-z][\w-]* ){0,2}[a-z][\w-]*),? $")


def _role_before(masked: str, lo: int, end: int) -> re.Match[str] | None:
    """``_ROLE_BEFORE.search(masked, lo, end)``, searched over fewer characters: every match ends
    in a space right before ``end`` (or before a newline there, which ``$`` allows), and holds at
    most four spaces (after the capitalised word and the first two lower-case ones, and the last),
    so none starts at or before the fifth space back. The search tried the pattern at each of
    the 50 characters before every name run, at about 1,500 instructions each."""
    if end - lo < 2 or not (masked[end - 1] == " " or masked[end - 1] == "\n" and masked[end - 2] == " "):
        return None
    bound = end
    for _ in range(5):
        bound = masked.rfind(" ", lo, bound)
        if bound < 0:
            return _ROLE_BEFORE.search(masked, lo, end)
    return _ROLE_BEFORE.search(masked, bound + 1, end)


_FORMERLY = compile_pattern(r"(?i)(?<![\w-])(?:ex-|ex |former |one-time |then-|deputy |shadow |acting |vice-)\S*\s*$")


_FORMER_IN = compile_pattern(r"(?i)(?<![\w-])(?:ex-|former\b|one-time\b)")


def _lower_role_before(masked: str, block_start: int, start: int) -> str | None:
    """The role written in lower case right before the name run at ``start`` ("Wolves chief
    executive Jez Moxey", "Tory leader Michael Howard"): the run's last lower-case words that
    are all titles or role nouns, with a capitalised word before them ("Wolves", "Tory"); None
    when the word before the name is no title ("told reporters Jez Moxey")."""
    hit = _role_before(masked, max(block_start, start - 50), start)
    if hit is None or _FORMERLY.search(masked, max(block_start, hit.start() - 30), hit.start(2)):
        return None  # "ex-Conservative chancellor Ken Clarke" holds the role no more
    titles = title_words()
    words = hit.group(2).split()
    k = len(words)
    while k and (words[k - 1] in titles or words[k - 1] in _PERSON_ROLES):
        k -= 1
    if k == len(words):
        return None
    role = " ".join(words[k:])
    if k == 0 and hit.group(1) and hit.group(1).lower() not in _OPENING_CAPITALS:
        role = f"{hit.group(1)} {role}"
    return role


@lru_cache(maxsize=2)
def _name_runs(masked: str) -> tuple[tuple[int, int], ...]:
    """Where _NAME_RUN matches in ``masked``, in text order: one scan of the article for the
    steps that read its name runs. No run spans two lines, so a line's runs are what a scan
    of that line alone finds."""
    return tuple(m.span() for m in _NAME_RUN.finditer(masked))


_FIRST_WORD = compile_pattern(r"\S+\s+")
_JOINER = compile_pattern(r"[\w'’-]")
_JOINERS = compile_pattern(r"[\w'’-]*")


def _capitalised_words(seg: Segmented, words: Iterable[str]) -> list[tuple[int, str, Block]]:
    """Where each of ``words`` is a whole capitalised word (``_CAPITALISED``) of the article's
    prose (no furniture), with its block, in text order: what a scan of every capitalised word
    of the text would find of them, with a plain search for each word instead."""
    masked = seg.masked
    blocks = seg.blocks
    block_starts = [b.start for b in blocks]
    out = []
    for word in words:
        if not ("A" <= word[:1] <= "Z") or word[-1] in "'’" or _JOINERS.fullmatch(word) is None:
            continue  # never a whole match of _CAPITALISED
        i = masked.find(word)
        while i >= 0:
            j = i + len(word)
            k = bisect_right(block_starts, i) - 1
            block = blocks[k] if k >= 0 else None
            if block is not None and not block.furniture and j <= block.end \
                    and not (i and _JOINER.match(masked, i - 1)):
                # The word read on to the block's end, less closing apostrophes ("Vik'"), is the word itself.
                tail = masked[j : _JOINERS.match(masked, j, block.end).end()]
                if not tail.strip("'’"):
                    out.append((i, word, block))
            i = masked.find(word, i + 1)
    out.sort(key=lambda hit: hit[0])
    return out


def _company_words(masked: str, strong: bool = False) -> frozenset[str]:
    """One-word names the article's own wording treats as companies: "Brindle's shares",
    "shares in Brindle", "Brindle, the retailer,", "Brindle plc", "Brindle said its ...";
    ``strong``: not "Brindle sales", where the word may be any ("Net", "European")."""
    return _company_words_both(masked)[strong]


@lru_cache(maxsize=4)
def _company_words_both(masked: str) -> tuple[frozenset[str], frozenset[str]]:
    """_company_words of ``masked``, and its strong ones: one reading of the text for both."""
    found, strong = set(), set()
    for m in _COMPANY_EVIDENCE.finditer(masked):
        if not _in_longer_name(masked, m.start(1)):
            found.add(m.group(1))
            if _STRONG_EVIDENCE.match(m.group(), len(m.group(1))):
                strong.add(m.group(1))
    others = set()
    for m in _SHARES_IN.finditer(masked):
        if not _in_longer_name(masked, m.start(1)):
            others.add(m.group(1))
    for m in _matches_from(_FIRM_BEFORE, _FIRM_NOUNS.split("|"), masked):
        if m.start() == 0 or not masked[m.start() - 1].isalnum():
            if not _in_longer_name(masked, m.start(1)):
                others.add(m.group(1))
    for m in _FIRM_APPOSITIVE.finditer(masked):
        name = _APPOSED.search(masked, max(0, m.start() - 40), m.start())
        if name is not None and not _in_longer_name(masked, name.start(1)):
            others.add(name.group(1))
    return _company_names(found | others), _company_names(strong | others)


def _company_names(found: set[str]) -> frozenset[str]:
    return frozenset(n for n in found if n.lower() not in _COMMON_CAPITALS and n.lower() not in T.ADVERBS)


@lru_cache(maxsize=4)
def _companies_beside_nouns(masked: str) -> tuple[tuple[int, int, str], ...]:
    """"the carmaker Voltra": each one-word name beside a company noun (_COMPANY_BESIDE_NOUN),
    as (start, end, name), in text order; "the company It" left out."""
    return tuple((m.start(1), m.end(1), m.group(1)) for m in _matches_from(_COMPANY_BESIDE_NOUN, _COMPANY_NOUNS, masked)
                 if m.group(1).lower() not in _COMMON_CAPITALS)


def _in_longer_name(masked: str, start: int) -> bool:
    """"Wells Fargo's shares": the word is the end of a longer name, no one-word company."""
    before = _WORD_BEFORE.search(masked, max(0, start - 30), start)
    return before is not None and before.group(1).lower() not in _OPENING_CAPITALS


def _article_companies(masked: str) -> set[str]:
    """_company_words, and one-word names beside a company noun ("the carmaker Voltra")."""
    found = set(_company_words(masked, strong=True))
    found |= {name for _, _, name in _companies_beside_nouns(masked)}
    return found


def _after_clause_word(text: str, start: int, men: Mention) -> bool:
    """"When Anna Vikberg shook his hand": a name of two words or more that a clause word
    opens (no role of theirs: check role-junk-ends), a person as a title before it would make them."""
    first = text[start : start + 12].split(" ", 1)[0]
    return first.lower() in T.CLAUSE_WORDS and first[1:].islower() and men.role is None \
        and text.startswith(men.name, start + len(first) + 1)


_APPOSITIVE_AFTER = compile_pattern(r",[ \u00a0]+(?:a|an|the)[ \u00a0]+([a-zA-Z][\w'’ \u00a0-]{0,80}?)(?=,|[.;:]|$)")


def _person_appositive(masked: str, end: int, block_end: int) -> str | None:
    """The role an appositive right after a name gives a person (", a former colonel,", ", the
    party's defence expert and a former colonel,"), or None when it describes no person."""
    m = _APPOSITIVE_AFTER.match(masked, end, block_end)
    if m is None:
        return None
    words = m.group(1).split()
    if len(words) > 8 or not all(w[:1].islower() or w[:1].isupper() for w in words):
        return None
    if any(w.lower() in title_words() or T.person_noun(w.lower()) for w in words if w[:1].islower()):
        return m.group(1)
    return None


# ", from the rights group Openline,", ", of the Vik Institute,": the body a person speaks for.
_AFFILIATION_AFTER = compile_pattern(r",[ \u00a0]+(?:from|of|at)[ \u00a0]+(?:the[ \u00a0]+)?((?:[a-z][\w-]*[ \u00a0]+){0,3})"
                                r"((?:[A-Z][\w'’&.-]*[ \u00a0]*){1,5}),")


def _affiliation_appositive(masked: str, end: int, block_end: int) -> bool:
    """Whether the words set off by commas right after a name give the body the person is from:
    a class noun of bodies before a capitalised name (", from human rights group Openline,") or
    a name whose last word is one (", of the Vik Institute,"), or a listed organisation. A place
    (", from Vik,") is no body: towns have people and shows have producers."""
    m = _AFFILIATION_AFTER.match(masked, end, block_end)
    if m is None:
        return False
    nouns = _AFFILIATION_NOUNS
    lower = m.group(1).split()
    name = m.group(2).strip()
    return bool(lower and lower[-1].lower() in nouns) or name.split()[-1].lower() in nouns \
        or listed_organisation(name)


def _described_name(text: str, start: int, end: int) -> Mention | None:
    """"Actor Tom Barker is suing ...": a capitalised describing word before a full name with a
    known given name; the name after it is the person, an antecedent for "he"."""
    first = _FIRST_WORD.match(text[start:end])
    if first is None or not may_have_known_given_name(text[start + first.end() : end]):
        return None
    men = describe(text, start + first.end(), end)
    if men.type == "person" and " " in men.name and men.known_given_name:
        # The describing word is their role ("Gen", "Drummer"): a role noun that needs a
        # person without one ("the spokesman said") does not take them.
        # A capitalised role of the rest goes on from the word ("New Yorker Tom Barker": "New
        # Yorker", not "Yorker"); a clause word is no role ("If Tom Barker wins").
        men.role = clean_role(first.group() + (men.role if men.role and men.role[:1].isupper() else "")) \
            if not men.role or men.role[:1].isupper() else men.role
        return men
    return None


def _genders_by_honorific(masked: str, people: dict[str, Mention]) -> None:
    """Give a person named in full whose given name tells no gender ("Nicola", "Andrea") the
    gender of the honorific the article calls them by ("Ms Sturgeon"), when it uses only one for
    that surname: a "he" after it is then someone else (rule honorific-gender)."""
    seen: dict[str, set[str]] = {}
    for m in _HONORIFIC_NAME.finditer(masked):
        gender = _HONORIFIC_GENDER.get(masked[m.start() : m.start(1)].rstrip(". "))
        if gender and m.group(1) in people:
            seen.setdefault(m.group(1), set()).add(gender)
    for surname, genders in seen.items():
        person = people[surname]
        if person.gender is None and len(genders) == 1:
            person.gender = genders.pop()


def _agrees(pronoun: str, ent: Mention) -> bool:
    if pronoun in ("he", "she"):
        return ent.type == "person" and ent.gender in (None, pronoun) and not ent.plural
    if pronoun == "it":
        return ent.type in ("organization", "media", "country") and not ent.plural
    if pronoun in ("they",):
        return ent.plural or ent.type in ("organization", "media", "country", "group")
    return False


def _adopt(target: Mention, source: Mention, teach: bool = True) -> None:
    target.name, target.type = source.name, source.type
    target.role = target.role or source.role
    target.country = target.country or source.country
    target.plural = source.plural
    if target.pronoun is None and target.gender is None:
        target.gender = source.gender  # "the top judge" taken for Lord Vik is a "he" now
    if teach and target.pronoun in ("he", "she") and source.gender is None:
        source.gender = target.pronoun


@cache
def _anonymity_phrases() -> tuple[str, ...]:
    return tuple(" ".join(words) for words in anonymity_phrases())


def _kept_anonymous(text: str, m: Mention, starts: list[int] | None = None) -> bool:
    """"The diplomat, who spoke on condition of anonymity, said": unnamed on purpose. Only in
    the mention's own sentence: '"...," the minister said. A source who requested anonymity
    said ...' is someone else's anonymity (rule anonymity-own-sentence)."""
    stop = m.end + _ANONYMITY_WINDOW
    if starts:
        k = bisect_right(starts, m.start)
        if k < len(starts):
            stop = min(stop, starts[k])
    after = text[m.end : max(m.end, stop)].lower()
    return any(phrase in after for phrase in _anonymity_phrases())


def resolve_references(seg: Segmented, claims: list[ClaimCandidate], mentions: list[Mention]) -> dict[int, bool]:
    """Replace pronoun and role-noun speakers by the entity they refer to, in place.

    A role noun takes a named person only when the article supports it: the person was
    introduced with that role ("Chancellor Anna Berg ... the Chancellor said"), or is the
    subject of one of the last sentences and has no other role, and gender agrees; a speaker the
    article says is unnamed on purpose never resolves. Otherwise it stays the role noun, which
    the resolve stage scopes to the article ("diplomat (doc)").

    Returns, for each role-noun mention (by ``id``), whether it was tied to a name."""
    # In text order, each phrase once: a pronoun after a role noun finds it already resolved.
    needs = sorted({id(c.evidence.mention): c.evidence.mention for c in claims
                    if c.evidence.mention.pronoun or _role_noun(c.evidence.mention)
                    or _indefinite_role(c.evidence.mention) or _bare_country_role(c.evidence.mention)
                    or _own_role_noun(c.evidence.mention) or _bare_headline_role(seg, c.evidence.mention)
                    or _pair_noun(c.evidence.mention)}.values(),
                   key=lambda men: men.start)
    outcomes: dict[int, bool] = {}
    if not needs:
        return outcomes
    # Companies named beside their common noun matter only to "it" and "the company".
    companies = any(m.pronoun == "it" or _role_noun(m) in _COMPANY_HEADS for m in needs)
    entities = _entities(seg, mentions, companies)
    starts = [s.start for s in seg.sentences()]
    captions = [(starts[bisect_right(starts, c.start()) - 1], c.end()) for c in _CAPTION.finditer(seg.masked)] \
        if _YEAR_END.search(seg.masked) else []
    if captions:
        entities = [e for e in entities if not any(a <= e.pos < b for a, b in captions)
                    or any(e.mention is m for m in needs)]
    contents = _Contents(claims) if any(m.pronoun in ("he", "she", "it", "they") or _role_noun(m) in _SPEAKER_TRACED_HEADS
                                        for m in needs) else None
    if contents is not None and any(e.by_title for e in entities):
        # "Mr Vik liked to ..., the leader said": inside what another speaker said, no subject.
        entities = [e for e in entities if not e.by_title or not contents.inside(e.pos)]
    positions = [e.pos for e in entities]
    by_title = {id(e.mention) for e in entities if e.by_title}
    # Every speaker phrase in text order: who spoke, for "he said" after "..., according to X".
    # An attribution is where its speaker or its text is, the later of the two ("X said: ..."
    # followed by a paragraph of quotation is X speaking in that paragraph too); one only
    # reported inside what another speaker said ("Vik denied Olsen said ...") is none.
    spoken = sorted(((max(c.evidence.mention.start, c.text_start), c.evidence.mention) for c in claims
                     if not contents.inside(c.evidence.mention.start, c.evidence.mention)),
                    key=lambda a: a[0]) if contents is not None else []
    spoken_at = [a for a, _ in spoken]
    speakers_named = {s.name.rsplit(None, 1)[-1] for _, s in spoken if s.pronoun is None and s.name}
    pronouns = [s for s in needs if s.pronoun in ("he", "she", "it", "they")]
    focus = _Focus(contents, frozenset(id(s) for _, s in spoken), entities, pronouns,
                   [s.start for s in pronouns]) if contents is not None else None
    # The cue of each speaker phrase's first claim: "he added" goes on with the last speaker.
    cues: dict[int, str] = {}
    for c in claims:
        cues.setdefault(id(c.evidence.mention), (c.cue or "").lower())
    block_starts = [b.start for b in seg.blocks]
    for m in needs:
        pos = m.start
        # The entities before the mention, nearest last; only the nearest few hundred matter.
        k = bisect_left(positions, pos)
        candidates = [e.mention for e in entities[max(0, k - _LOOKBACK) : k] if e.mention is not m]
        offices = _pair_noun(m)
        if offices:
            # "The two leaders said ...": the two people with such an office named last before
            # (rule two-named)
            pair = _named_pair(candidates, pos, offices)
            if pair is not None:
                first, second = pair
                m.name, m.type, m.plural = f"{first.name} and {second.name}", "group", True
                m.country = first.country if first.country == second.country else None
            outcomes[id(m)] = pair is not None
            continue
        if m.pronoun in ("he", "she", "it", "they"):
            hit = None
            if m.pronoun in ("he", "she"):
                if cues.get(id(m)) in _GOES_ON and (went_on := _previous_speaker(seg.text, block_starts, spoken, spoken_at, m)) \
                        and not _new_subject_since(seg, starts, entities, positions, went_on, m, focus):
                    _adopt(m, went_on, teach=False)  # "..., Vik said. Olsen's plan was a waste, he added"
                    continue
                hit, tied = _speaking_next(seg, starts, m), ()
                if hit is None:
                    hit, tied = _salient(seg, starts, entities, m, positions, focus)
                if tied:
                    # Two people as salient: the last speaker if one of them, else unresolved.
                    said = _last_speaker(block_starts, spoken, spoken_at, m, candidates, outcomes)
                    if said is not None and any(_same_person(said.name, t.name) for t in tied):
                        _adopt(m, said, teach=False)
                    else:
                        m.type = "anonymous"
                    continue
                guessed = hit is None
                if hit is None:
                    agreeing = [e for e in reversed(candidates)
                                if _agrees(m.pronoun, e) and e.pronoun is None and id(e) not in by_title
                                and not _object_before(seg.text, e, m) and not contents.within(e.start, m, seg.masked)]
                    hit = next((e for e in agreeing if not _possessor(seg.text, e)), agreeing[0] if agreeing else None)
                said = _last_speaker(block_starts, spoken, spoken_at, m, candidates, outcomes)
                if said is not None and _speaker_wins(seg, starts, m, hit, said):
                    _adopt(m, said, teach=False)  # a full name comes with expand_surnames
                    continue
                if guessed and hit is not None and said is None and hit.name.rsplit(None, 1)[-1] not in speakers_named \
                        and _rivals(seg, starts, m, hit, candidates):
                    m.type = "anonymous"  # two people it may be, nothing to choose: unresolved
                    continue
            if hit is None and m.pronoun == "it":
                hit = _subject_body(seg, starts, m, contents) or _reported_subject(seg, starts, claims, m)
            if hit is None and m.pronoun in ("it", "they"):
                # The body the sentence or clause before is about, over an earlier speaker.
                hit, tied = _salient(seg, starts, entities, m, positions, focus)
                if tied:
                    m.type = "anonymous"  # two bodies as likely: unresolved
                    continue
            agreeing = [e for e in reversed(candidates) if _agrees(m.pronoun, e) and e.pronoun is None]
            if hit is None:
                # A possessor ("Steve Bruce's side won") is the antecedent only if nobody else is.
                hit = next((e for e in agreeing if not _possessor(seg.text, e)), agreeing[0] if agreeing else None)
            if m.pronoun == "they" and hit is not None and hit.type == "group" and plural_of_capitals(hit.name):
                # "The Transport Committee said ... The MPs said ... They added": members
                # ("MPs", "MEPs") speak for the body the paragraph named.
                hit = _named_body_nearby(block_starts, agreeing, m) or hit
            if hit is not None:
                _adopt(m, hit)  # the mention keeps its own text and offsets
            else:
                m.type = "anonymous"
            continue
        ahead = _indefinite_role(m)
        if ahead:
            # "A farmers' leader said ... / Anna Berg, leader of ..., said": the person
            # the next sentence names with that role.
            hit = _named_next(seg, starts, block_starts, entities, positions, m, ahead)
            if hit is not None:
                _adopt(m, hit)
                outcomes[id(m)] = True
            continue
        own = _own_role_noun(m)
        if own:
            # "the correspondent", "our analyst": the one person the article gave that role
            # before ("Nordic Radio correspondent Tom Ardle"), else unnamed (rule introduced-role).
            hit = None if _kept_anonymous(seg.text, m) else _only_holder(candidates, own)
            if hit is None and _described_office(m) and not _kept_anonymous(seg.text, m, starts):
                # "the lawmaker" after "Rep. X" or "Senator Y": the offices the noun stands for
                # (data/role_equivalents.tsv), as "the head of state" is found
                hit = _person_antecedent(seg, starts, entities, positions, m, "<office>", candidates)
            if hit is not None:
                _adopt(m, hit)
            outcomes[id(m)] = hit is not None
            continue
        bare = _bare_country_role(m) or _bare_headline_role(seg, m)
        if bare:
            m.text = "the " + m.text  # read as the definite description a headline drops
            if m.type == "organization":
                m.type = "anonymous"  # "Foreign minister says": a role, whatever its capital
        head = _role_noun(m)
        if bare and head not in _PERSON_ROLES and head != "<office>":
            m.text, head = m.text[4:], None
        if head in _SPOKEN_TO:
            hit = _talked_to(seg, starts, m) or _recent_subject(seg, starts, entities, m, positions, _one_person)
            if hit is not None:
                _adopt(m, hit)
            outcomes[id(m)] = hit is not None
            continue
        if head == _EPITHET:
            # "said the 22-year-old", "said the American": the person the passage is about.
            hit = _recent_subject(seg, starts, entities, m, positions, _is_person) or next(
                (e for e in reversed(candidates) if _is_person(e)), None)
            if hit is not None:
                _adopt(m, hit)
        elif head:
            hit = None
            if not _kept_anonymous(seg.text, m, starts):
                if head in _PERSON_ROLES or _hyphenated_role(head) or head == "<office>":
                    hit = _person_antecedent(seg, starts, entities, positions, m, head, candidates)
                elif head in _CLASS_HEADS:
                    # "the think tank", "the charity": the body of that name, else the body that
                    # spoke in the attribution just before (rule body-class-noun)
                    hit = next((e for e in reversed(candidates) if e.type == "organization" and e.name[:1].isupper()
                                and " " in e.name and head in e.name.lower().split()), None) \
                        or _body_spoke_before(block_starts, spoken, spoken_at, m)
                    if hit is not None:
                        m.country = None  # ("Oslo-based" says where it sits, not whose it is)
                elif head in _COMPANY_HEADS:
                    # "The group said Barclays was still waiting": a company the statement
                    # itself names is what it is about, not who made it.
                    hit = _company_antecedent(head, candidates, contents.said_by(seg.text, m))
                else:
                    hit = _role_antecedent(head, candidates, _role_phrase(m))
                if hit is None and (head in _PERSON_ROLES or _hyphenated_role(head)):
                    hit = _named_next(seg, starts, block_starts, entities, positions, m, head, _role_phrase(m)) \
                        or (None if head in _SPOKES_NOUNS else _introduced_next(seg, starts, claims, entities, positions, m))
                if hit is None and head == "<office>":
                    # "Defence chief: ..." over "Norway's Chief of Defence, General X, said": the
                    # office the description stands for, held by the person the body names next
                    hit = _named_next(seg, starts, block_starts, entities, positions, m, "", offices=_described_office(m))
                if hit is None and head in _USUALLY_UNNAMED:
                    hit = _unnamed_before(seg, block_starts, m, head, candidates)
            if hit is not None:
                _adopt(m, hit)
            outcomes[id(m)] = outcomes.get(id(m), False) or hit is not None
    return outcomes


# Prepositions whose object, just before a pronoun in the same clause, is someone else:
# "standing next to Mr Berg he added" (he is not Berg).
_BESIDE = compile_pattern(r"\b(?:to|with|beside|alongside|behind|against)\s+(?:(?:Mr|Mrs|Ms|Dr|Sir)\.?\s+)?$")


def _object_before(text: str, e: Mention, m: Mention) -> bool:
    """``e`` is named after a preposition in the words that lead up to the pronoun ``m`` in
    its own sentence, with no clause break between: the pronoun is the subject the phrase
    hangs on, not the person it names."""
    return 0 <= m.start - e.end <= 3 and _BESIDE.search(text, max(0, e.start - 20), e.start) is not None


def _rivals(seg: Segmented, starts: list[int], m: Mention, hit: Mention, candidates: list[Mention]) -> bool:
    """Whether a "he" or "she" that neither a sentence's subject nor a speaker decides could as
    well be another person named, like ``hit``, in its sentence or the one before ("The board
    heard from Karl Vik and Tom Olsen. He denied ..."): the nearest is then only a guess."""
    here = bisect_right(starts, m.start) - 1
    begin = starts[here - 1] if here > 0 else 0
    names = {e.name for e in candidates if begin <= e.start < m.start and _is_person(e)
             and e.gender in (None, m.pronoun) and not _possessor(seg.text, e)}
    return hit.name in names and any(n != hit.name and not n.endswith(" " + hit.name) and not hit.name.endswith(" " + n)
                                     for n in names)


class _Contents:
    """The claims' contents, for "is this position inside what someone said?" and "what did
    this speaker phrase say?", each answered without a pass over every claim."""

    # How many contents starting before a position are looked at (contents are short).
    _WALK = 32

    def __init__(self, claims: list[ClaimCandidate]):
        self.spans = sorted((c.text_start, c.text_end, id(c.evidence.mention)) for c in claims)
        self.starts = [a for a, _, _ in self.spans]
        self.by_mention: dict[int, list[tuple[int, int]]] = {}
        for c in claims:
            self.by_mention.setdefault(id(c.evidence.mention), []).append((c.text_start, c.text_end))

    def inside(self, pos: int, of_other_than: Mention | None = None) -> bool:
        """Whether ``pos`` is inside a content (of a speaker phrase other than ``of_other_than``)."""
        i = bisect_right(self.starts, pos) - 1
        for a, b, who in self.spans[max(0, i - self._WALK + 1) : i + 1]:
            if a <= pos < b and (of_other_than is None or who != id(of_other_than)):
                return True
        return False

    def apart(self, pos: int, m: Mention) -> bool:
        """Whether ``pos`` is inside what the speaker phrase ``m`` said, or inside another
        content that does not hold ``m`` too: a name there is no subject of ``m``'s
        clause ("Vik was silent until May, when he said ..., a paper reported" keeps Vik)."""
        i = bisect_right(self.starts, pos) - 1
        for a, b, who in self.spans[max(0, i - self._WALK + 1) : i + 1]:
            if a <= pos < b and (who == id(m) or not a <= m.start < b):
                return True
        return False

    def within(self, pos: int, m: Mention, masked: str) -> bool:
        """Whether ``pos`` is inside what the speaker phrase ``m`` said: a name there is what
        the claim is about, not who made it ("Vik has failed, he claimed"). In a content that
        holds a quotation only the quoted words count: the words around it are the frame
        the extractor took in ('Vik scolded him: "..." she said')."""
        for a, b in self.by_mention.get(id(m), ()):
            if a <= pos < b:
                return masked[pos] == "_" or "_" not in masked[a:b]
        return False

    def said_by(self, text: str, m: Mention) -> str:
        return " ".join(text[a:b] for a, b in self.by_mention.get(id(m), ()))


def _body_spoke_before(block_starts: list[int], spoken: list[tuple[int, Mention]], spoken_at: list[int],
                       m: Mention) -> Mention | None:
    """The named body whose attribution is the nearest before ``m``, in its paragraph or the one
    before ("..., the Vik Institute said. But the Oslo-based think tank added ..."); None when the
    nearest attribution is anyone else's."""
    para = bisect_right(block_starts, m.start) - 1
    k = bisect_left(spoken_at, m.start)
    for at, s in reversed(spoken[max(0, k - _SPEAKER_LOOKBACK) : k]):
        if s is m or s.start >= m.start:
            continue
        if bisect_right(block_starts, at) - 1 < para - 1:
            return None
        named = s.type == "organization" and s.pronoun is None and not s.plural and s.name[:1].isupper()
        return s if named else None
    return None


def _last_speaker(block_starts: list[int], spoken: list[tuple[int, Mention]], spoken_at: list[int], m: Mention,
                  candidates: list[Mention], tied: dict[int, bool] | None = None) -> Mention | None:
    """The person named as the speaker of the nearest attribution before ``m`` ("said X", "X
    told", "according to X") in its paragraph or the one before, of a gender ``m`` agrees with;
    None when the nearest attribution a person could have made names nobody ("he said", "a
    spokesman said") or is only reported inside another claim."""
    para = bisect_right(block_starts, m.start) - 1
    k = bisect_left(spoken_at, m.start)
    for at, s in reversed(spoken[max(0, k - _SPEAKER_LOOKBACK) : k]):
        if bisect_right(block_starts, at) - 1 < para - 1:
            break
        if s is m or s.start >= m.start:
            continue
        if s.pronoun in ("he", "she") or s.type == "anonymous" and not s.plural or s.type == "person" and (
                s.name.rsplit(None, 1)[-1] not in s.text and not (tied or {}).get(id(s))
                or s.text.endswith(("'s", "’s"))):
            # The nearest attribution is by someone not named there ("he", "a spokesman", "the
            # Tory leader", "Vik's view that ..."): the rule does not apply; a role noun tied to
            # a name just before ("The Russian leader said ... He said") names them (rule
            # tied-role-last-speaker).
            return None
        if s.type != "person" or s.plural or not s.name[:1].isupper() or s.gender not in (None, m.pronoun):
            continue
        if " " in s.name and not (s.known_given_name or s.gender or s.role):
            continue  # "Retail Banking Research said" read as a person: no name of one
        if " " not in s.name and s.gender is None:
            # "Warren said" is the Elizabeth Warren of before, no "he"; "Melanie said" is a "she".
            fulls = {e.gender for e in candidates if _is_person(e) and e.name.endswith(" " + s.name)}
            if not fulls and not _HONORIFIC.match(s.text):
                continue  # "the Bundesbank said", "the MP for Vik said" read as a person named so
            genders = fulls or {first_names().get(s.name.lower()) or None}
            if None not in genders and m.pronoun not in genders:
                continue
        return s
    return None


_WHO_AFTER = compile_pattern(r",? who\b")
# Cues that go on with what the last speaker said: "he added", "she went on".
_GOES_ON = frozenset("added adds adding continued continues went on goes on".split()) | {"went on", "goes on"}


def _previous_speaker(text: str, block_starts: list[int], spoken: list[tuple[int, Mention]], spoken_at: list[int],
                      m: Mention) -> Mention | None:
    """The speaker of the nearest attribution before ``m`` in its paragraph or the one before,
    whoever it is (a name, a resolved "he", an unnamed "the Tory leader" or "a spokesman"),
    when one person of ``m``'s gender may be it: who "he added" goes on from."""
    para = bisect_right(block_starts, m.start) - 1
    k = bisect_left(spoken_at, m.start)
    for at, s in reversed(spoken[max(0, k - _SPEAKER_LOOKBACK) : k]):
        if bisect_right(block_starts, at) - 1 < para - 1:
            return None
        if s is m or s.start >= m.start:
            continue
        if not _is_named_person(s) or s.pronoun not in (None, m.pronoun) or s.gender not in (None, m.pronoun):
            return None  # an unnamed speaker ("the Tory leader"), an unresolved "he", a "she"
        if _WHO_AFTER.match(text, s.end) or s.text.lower() in ("who", "whom"):
            return None  # "Lund had visited Berg, who had told him ...": in the background
        return s
    return None


def _new_subject_since(seg: Segmented, starts: list[int], entities: list[_Entity], positions: list[int],
                       said: Mention, m: Mention, focus: _Focus) -> bool:
    """Whether a sentence between the attribution to ``said`` and the pronoun ``m`` opens with
    another person of ``m``'s gender ("..., Vik said. Singer Tom Olsen thanked the fans. He
    added: ..."): "he added" then goes on from that person, not from ``said``."""
    for e in entities[bisect_right(positions, said.end) : bisect_left(positions, m.start)]:
        men = e.mention
        if men is said or not _is_person(men) or not _agrees(m.pronoun, men) or _same_person(men.name, said.name) \
                or focus.contents.inside(e.pos):
            continue
        s_start = starts[bisect_right(starts, e.pos) - 1]
        if s_start > said.start and (e.by_title and _introduced(seg.text[s_start : e.pos])
                                     or not e.by_title and _subject_like(seg.text, s_start, men)):
            return True
    return False


# How many attributions back the last named speaker is looked for.
_SPEAKER_LOOKBACK = 30
# Words that may come before a sentence's subject ("But Chief executive Ann Berg", "The
# union's leader, Ann Berg,"): no verb among them.
_OPENERS = frozenset("and but however meanwhile now so yet then also later earlier instead still separately "
                     "the a an its his her their of for in at 's ’s".split())
# Common verbs that do not end in -ed or -es: "met Vik", "told Vik".
_VERBS = frozenset("met told said says saw sees thinks thought beat gave gives took takes made makes hit urged "
                   "sent put let won lost left led named called backed with than and or as".split())
# "The inquiry also heard from Lord Vik": the person is brought in to speak; "The director is
# Anna Berg": introduced.
_SPEAKING_ROLE = compile_pattern(r"\b(?:said|says|added|explained|argued|insisted|heard from|came from|spoke to|"
                            r"speaking to|talked to|talking to|interviewed|asked|"
                            r"quoted|according to|told by|(?:comments|remarks|words|testimony) (?:by|of|from)|"
                            r"is|was)\s+(?:the\s+)?$")
# "... came as President Vik said the talks ...": a speaker the extractor did not take.
_SPEAKS_AFTER = compile_pattern(r"(?:,[^,]{1,60},)?\s+(?:has |had |have )?(?:said|says|told|tells|added|argued|warned|"
                           r"insisted|denied|claimed|announced|admitted|explained)\b")
# A title with its place or body inside a sentence's subject: "Secretary to the Treasury".
_TITLE_OF = compile_pattern(r"[A-Z][\w’'-]*(?:\s+(?:of|to|for|on|and|the)\s+(?:the\s+)?[A-Z][\w’'-]*)+")


def _named_body_nearby(block_starts: list[int], agreeing: list[Mention], m: Mention) -> Mention | None:
    """The nearest named body among ``agreeing`` in the paragraph of ``m`` or the one before."""
    para = bisect_right(block_starts, m.start) - 1
    for e in agreeing:
        if bisect_right(block_starts, e.start) - 1 < para - 1:
            return None
        if e.type == "organization" and e.name[:1].isupper() and not e.plural:
            return e
    return None


def _speaker_wins(seg: Segmented, starts: list[int], m: Mention, hit: Mention | None, said: Mention) -> bool:
    """Whether a "he" or "she" is the speaker of the nearest attribution before it (``said``)
    rather than the person the other rules chose (``hit``): unless that person is the same, is
    an unnamed speaker, or came after the attribution as the subject of a sentence or someone
    brought in to speak, a person merely mentioned is no speaker."""
    if hit is None:
        return True
    if hit.type != "person" or hit.name == said.name:
        return False
    if said.name.endswith(" " + hit.name):
        return True  # the same person, named in full
    if hit.start < said.start:
        return True  # "..., according to X. He added": X spoke last
    s_start = starts[bisect_right(starts, hit.start) - 1]
    if s_start == starts[bisect_right(starts, m.start) - 1]:
        return False  # "X told Vik, after he admitted ...": the pronoun's own sentence decides
    before = seg.text[s_start : hit.start]
    if _SPEAKING_ROLE.search(before) or _SPEAKS_AFTER.match(seg.text, hit.end) or _described_after(seg.text, hit):
        return False
    return not _opens_sentence(before)


_APPOSITION = compile_pattern(r", ((?:the |an? )?(?:[\w’'-]+ ){0,5}?[\w’'-]+)(?=[,.;])")


def _described_after(text: str, men: Mention) -> bool:
    """Whether the person is introduced with a role in apposition ("the choice of Anna Berg,
    executive editor of the Vik Post."): brought in as a new voice, not merely mentioned."""
    hit = _APPOSITION.match(text, men.end)
    if hit is None:
        return False
    titles = title_words()
    return any(w in titles or w in _PERSON_ROLES for w in hit.group(1).lower().split())


def _introduced(before: str) -> bool:
    """Whether a person named by title ("Mr Vik", "Lord Vik") after the words ``before`` of a
    sentence is its subject or brought in to speak ("The inquiry heard from Lord Vik")."""
    title = _TITLE_BEFORE.search(before)
    if title is not None and title.group(1).lower() in _NAME_TITLES:
        before = before[: title.start()]
    return _opens_sentence(before) or _SPEAKING_ROLE.search(before) is not None


def _opens_sentence(before: str) -> bool:
    """Whether the words of a sentence before a name (``before``) leave it the subject: only
    capitalised words, roles, titles and connectives ("Chief executive", "And the club's
    manager,"), no verb."""
    nouns = speaker_nouns()
    titles = title_words()
    # An opening phrase before a comma ("In a statement on Monday, ...") is no verb of the name.
    tail = _TITLE_OF.sub("", before.rsplit(",", 1)[-1])
    words = re.findall(r"[\w’'-]+", tail)
    for word in words:
        low = word.lower()
        if word[:1].isupper() or word[:1].isdigit() or low in _OPENERS or low in titles or low in _PERSON_ROLES \
                or low in nouns or T.person_noun(low) or low.endswith(("'s", "’s")):
            continue
        if low in T.PREPOSITIONS or low in T.AUXILIARIES or low in _VERBS or low.endswith(("ed", "es", "ly")):
            return False
    return len(words) <= 6


def _company_antecedent(head: str, candidates: list[Mention], said: str) -> Mention | None:
    """"The company said", "the group said ...": as _role_antecedent, but not a company the
    statement (``said``) names on its own ("the group said Voltra was still waiting"), unless
    no other is named."""
    orgs = [e for e in reversed(candidates) if e.type == "organization" and e.name[:1].isupper()]
    for pick in (lambda e: head in e.name.lower(), lambda e: True):
        for e in orgs:
            if pick(e) and not _named_in(e.name, said):
                return e
    return _role_antecedent(head, candidates)


def _named_in(name: str, text: str) -> bool:
    """Whether ``text`` names the company ``name`` on its own: not "Brindle's goal" or
    "Brindle Music", where a company may speak of itself or of its part."""
    i = text.find(name)
    while i >= 0:
        j = i + len(name)
        before = text[i - 1] if i > 0 else " "
        if not (before.isalnum() or before in "_-") and not re.match(r"[\w-]|['’]| [A-Z]", text[j : j + 2]):
            return True
        i = text.find(name, i + 1)
    return False


def _possessor(text: str, men: Mention) -> bool:
    return text.startswith(("'s", "’s"), men.end) or text[men.start : men.end].endswith(("'s", "’s"))


def _is_person(men: Mention) -> bool:
    return men.type == "person" and men.pronoun is None and not men.plural


@dataclass(slots=True)
class _Focus:
    """What tells a sentence's subject apart from the other people it names, for a "he" or
    "she": the claims' contents (a name inside what someone said is not who the sentence is
    about), the speaker phrases of claims (the subject of their speech verb wherever they stand
    in the sentence) and every entity of the article (who holds a role the article gives)."""

    contents: _Contents
    speakers: frozenset[int]
    entities: list[_Entity]
    # The pronoun speaker phrases, in text order, and where they are: resolved in text
    # order, each is who it was resolved to by the time a later one asks.
    resolved: list[Mention]
    resolved_at: list[int]
    # For each pronoun, the pronoun phrases already read that may stand for it as a subject
    # (_resolved_subject), by name and number: where each is in ``resolved``, in text order;
    # and how many of ``resolved`` were read for it.
    _subjects: dict[str, dict[tuple[str, bool], list[int]]] = field(default_factory=dict)
    _read: dict[str, int] = field(default_factory=dict)

    def resolved_subjects(self, pronoun: str, start: int, end: int) -> list[Mention]:
        """The pronoun phrases between ``start`` and ``end``, already resolved, that a later
        ``pronoun`` may go back to as their sentence's subject ("he told ...": the "he" before),
        the first of each name (and number) only, in text order: a later one of the same name
        scores the same, so it would add nothing. Each phrase is judged once, when first asked
        for: those before the asking pronoun were resolved before it (text order), and resolving
        one pronoun changes no other. A run-on sentence of a thousand "he said" asks of every
        one before it, which took time quadratic in its length."""
        lo, hi = bisect_left(self.resolved_at, start), bisect_left(self.resolved_at, end)
        by_key = self._subjects.setdefault(pronoun, {})
        for i in range(self._read.get(pronoun, 0), hi):
            s = self.resolved[i]
            if _resolved_subject(pronoun, s):
                by_key.setdefault((s.name, s.plural), []).append(i)
        self._read[pronoun] = max(self._read.get(pronoun, 0), hi)
        firsts = []
        for at in by_key.values():
            j = bisect_left(at, lo)
            if j < len(at) and at[j] < hi:
                firsts.append(at[j])
        return [self.resolved[i] for i in sorted(firsts)]


def _resolved_subject(pronoun: str, s: Mention) -> bool:
    """Whether the resolved pronoun phrase ``s`` may be what a later ``pronoun`` stands for."""
    if s.pronoun != pronoun:
        return False
    if pronoun in ("he", "she"):
        return _is_named_person(s)
    return _agrees(pronoun, s) and s.type != "anonymous"


# A sentence that opens with a definite role noun as its subject: "The Tory leader was asked",
# "But the prime minister has ..." (the role, up to three words, and the word after it).
_SUBJECT_OPENERS = r"(?:(?:But|And|Yet|So|Now|However|Meanwhile|Later|Earlier|Instead),? )?"
_ROLE_SUBJECT = compile_pattern(_SUBJECT_OPENERS + r"[Tt]he ((?:[\w’'-]+ ){1,4})")
# A sentence that opens with a body noun, after up to two describing words: "The commission,
# an independent body, had ...", "But the new panel has ..." (not "the commission's report").
_BODY_SUBJECT = compile_pattern(_SUBJECT_OPENERS + r"[Tt]he (?:[a-z-]+ ){0,2}([a-z]+)(?![\w’'-]| of\b)")


def _role_subject(seg: Segmented, s_start: int, m: Mention, focus: _Focus) -> Mention | None:
    """The named person a role noun opening the sentence at ``s_start`` stands for ("The Tory
    leader was asked ..." after "Tory leader Ann Berg"), when the article gives that role to
    one person only (_role_holder)."""
    hit = _ROLE_SUBJECT.match(seg.text, s_start)
    if hit is None or focus.contents.inside(hit.start(1)):
        return None
    words = hit.group(1).split()
    titles = title_words()
    for i, word in enumerate(words[:-1]):
        nxt = words[i + 1]
        if word.lower() in _PERSON_ROLES and nxt[:1].islower() and nxt not in titles and nxt != "of":
            break
        if word[:1].islower() and word not in titles:
            return None  # "the new party leader": no role of one person the article names
    else:
        return None
    holder = _role_holder(seg.text, focus.entities, " ".join(words[: i + 1]).lower())
    if holder is not None and holder.gender in (None, m.pronoun):
        return holder
    return None


def _role_holder(text: str, entities: list[_Entity], phrase: str, gender: str | None = None) -> Mention | None:
    """The one named person the article gives the role ``phrase`` ("tory leader", "prime
    minister"), before or after: their role ends with it, with no "deputy" or "former" before
    it; None when it gives the role to nobody or to more than one person."""
    found: dict[str, Mention] = {}
    titles = title_words()
    for e in entities:
        men = e.mention
        role = e.role or men.role
        if not _is_person(men) or not role or gender not in (None, men.gender or gender) \
                or not (e.role or men.known_given_name or men.gender):  # "President Vik Speech"
            continue
        if role.lower() not in text[max(0, men.start - 60) : men.end].lower():
            continue  # a role read from another mention of the name ("Mr Vik" after "ex-chancellor Ken Vik")
        if _FORMER_IN.search(men.text, 0, max(0, men.text.find(men.name))) \
                or _FORMER_IN.search(text, max(0, men.start - 45), men.start):
            continue  # "ex-Conservative chancellor Ken Vik" holds the role no more
        role = role.lower().replace(",", " ")
        role = " ".join(role.split())
        if not (role == phrase or role.endswith(" " + phrase)):
            continue
        # Another title before it is another office: "First Minister" is no "minister"; nor
        # is "friend of the Tory leader" a Tory leader.
        before = role[: len(role) - len(phrase)]
        if not any(w in titles or w in ("of", "to", "for") for w in before.split()) \
                and not _SUBORDINATE_ROLE.search(before):
            found.setdefault(men.name, men)
    # "President Vik" and "President Anna Vik" are one person, named in full.
    names = sorted(found, key=len, reverse=True)
    if not names or any(not _same_person(names[0], n) for n in names[1:]):
        return None
    return found[names[0]] if " " in names[0] else None


def _recent_subject(seg: Segmented, starts: list[int], entities: list[_Entity], m: Mention,
                    positions: list[int], accept=None) -> Mention | None:
    """The person who is the subject of one of the last three sentences, nearest first.

    News continues with the person a sentence is about: "Graham Robb hit back at Mr Mallon's
    claim ... 'It can push paper around,' he said" is Robb speaking, not Mallon.
    """
    here = bisect_right(starts, m.start) - 1
    for k in range(here, max(-1, here - 4), -1):
        if k < 0:
            break
        s_start = starts[k]
        s_end = starts[k + 1] if k + 1 < len(starts) else len(seg.text)
        window_end = min(s_end, s_start + 80, m.start)
        for e in entities[bisect_left(positions, s_start) : bisect_left(positions, window_end)]:
            men = e.mention
            if e.by_title and not _introduced(seg.text[s_start : e.pos]):
                continue  # "He went on to accuse Mr Vik of ...": Mr Vik is no subject
            if k == here and m.text.lower() in ("he", "she") and _BESIDE.search(seg.text, max(s_start, e.pos - 20), e.pos):
                continue  # "But standing next to Mr Vik he added": the object of a preposition
            if _CONDITION_OPENS.match(seg.text, s_start) and not 0 <= seg.text.find(",", s_start, s_end) < e.pos:
                continue  # "If Vik could profit from it, Senator Berg is against it": Vik is no subject
            after = seg.text[men.end : men.end + 2]
            fits = accept(men) if accept is not None else (
                _agrees(m.pronoun, men) or k >= here - 1 and _unnamed_agrees(m.pronoun, men)
                and _only_openers(seg.text[s_start : men.start]))
            if e.by_title and men.text.endswith(("'s", "’s")):
                continue  # "Mr Vik's position"
            if men.pronoun is None and fits and not after.startswith(("'s", "’s")):
                return men
    return None


# A sentence opened by a condition or a concession, whose subject is not the sentence's
# (check condition-subject): "If Vik ...", "Although Vik ...", "Unless Vik ...".
_CONDITION_OPENS = compile_pattern(r"(?:If|Unless|Although|Though|Whether|Even if|Even though) ")


# Salience of an antecedent for "he" or "she" (after Lappin and Leass): how recent its sentence
# is (the pronoun's own, the one before, two and three before) plus the part it plays there.
_RECENCY = (120, 100, 50, 25)
_AS_SUBJECT = 80  # opens its sentence, speaks in it or is brought in to speak
_AS_OTHER = 40  # an object, a name after a preposition
_AS_POSSESSOR = 50  # whose thing opens the sentence: "Vik's side won"
# A "they" is a plural before a body called "they" (British usage): "The paper reports, citing
# officials. According to them ..." is the officials.
_SINGULAR_THEY = 50
# A plural noun phrase in lower case opening a sentence, as its subject: "The firm's creditors
# - which ... - have been", "Local residents say", "Many analysts believe".
_PLURAL_OPENS = compile_pattern(r"(?:(?:But|And|Yet|However|Meanwhile),? )?(?:(?:The|Its|Their|Many|Some|Most|Several|Other)\s)?"
                           r"(?:[a-z][\w-]*['’]s\s)?((?:[A-Za-z][\w-]*\s){0,2}?[a-z][a-z-]*[a-z]s)"
                           r"(?=\s(?:-\s|[a-z]+\s)|,\s)")


def _plural_subject(text: str, s_start: int) -> Mention | None:
    """The unnamed group a plural noun phrase opening the sentence at ``s_start`` names, when
    its head is a noun for people who speak ("creditors", "officials", "residents") or for bodies
    ("companies", "unions")."""
    hit = _PLURAL_OPENS.match(text, s_start)
    if hit is None:
        return None
    words = hit.group(1).split()
    head = words[-1]
    if words[0][:1].isupper() and words[0].lower() in T.CLAUSE_WORDS:
        return None  # "When terrorists ...": a clause of time or condition, its subject none of the sentence's
    single = head[:-3] + "y" if head.endswith("ies") else head[:-1]
    if not (speaker_nouns().get(head) in ("group", "anonymous") or single in _COMPANY_NOUNS or single in _BODY_NOUNS
            or T.person_noun(head) and not single.endswith("ment")):
        return None
    men = describe(text, hit.start(1), hit.end(1))  # (after a determiner or possessor: "creditors")
    if not men.plural or men.pronoun is not None or men.type not in ("group", "anonymous", "organization"):
        return None
    men.type = "group"  # unnamed, as "officials" (not the body called "Major companies")
    return men


# A sentence whose subject is a "he" or "she" of no claim: "He sees Vik as ...".
_PRONOUN_OPENS = compile_pattern(r"(?:(?:But|And|Yet|So|Now|However|Meanwhile|Later|Earlier|Instead|Then),? )?(He|She) [a-z]")
# A sentence opened by a description of the person the passage is about, as a "he" would open
# it: "The 23-year-old is ...", "The Kenyan was ...", "The confident 23-year-old".
_EPITHET_OPENS = compile_pattern(r"(?:(?:But|And|Yet|However),? )?The (?:[a-z]+ ){0,2}(\d+-year-old|[A-Z][a-z]+)(?= [a-z])")


def _salient(seg: Segmented, starts: list[int], entities: list[_Entity], m: Mention,
             positions: list[int], focus: _Focus) -> tuple[Mention | None, tuple[Mention, ...]]:
    """The person a "he" or "she" most likely is, by salience over its own sentence and the three
    before it: the nearer the sentence the better, and a subject (a name opening the sentence,
    a claim's speaker, a "he" already resolved, one brought in to speak, or a role noun opening
    it that the article gives one named person: "The Tory leader was asked") above an object or
    a name after a preposition. A sentence opened by another "he" of no claim ("He sees Vik as
    ...") carries its own nearness back to the subject before it and names no antecedent of its
    own. Never a name inside what someone said (the claim's own words included) or a possessor;
    gender agrees. None when nobody fits; when two people score the same, None and them.

    An "it" or "they" speaker is scored the same way over bodies (and, for "they", plural
    groups): a named body opening a sentence, speaking in it or already an "it" resolved, or a
    body noun opening it ("The commission had been asked ...") that stands for the body the
    article named with it, is a subject (_body_subject)."""
    here = bisect_right(starts, m.start) - 1
    personal = m.pronoun in ("he", "she")
    scores: dict[str, tuple[int, Mention]] = {}

    def add(men: Mention, score: int) -> None:
        if m.pronoun == "they" and not men.plural:
            score -= _SINGULAR_THEY
        if men.name not in scores or scores[men.name][0] < score:
            scores[men.name] = (score, men)

    chain = 0
    for back in range(4):
        k = here - back
        if k < 0:
            break
        s_start = starts[k]
        s_end = starts[k + 1] if k + 1 < len(starts) else len(seg.text)
        recency = max(_RECENCY[back], chain)
        window_end = min(s_end, m.start)
        opened = None
        if k < here and not focus.contents.apart(s_start, m):
            opened = _PRONOUN_OPENS.match(seg.text, s_start)
            if opened is None and personal and (epithet := _EPITHET_OPENS.match(seg.text, s_start)) is not None \
                    and (epithet.group(1)[:1].isdigit() or demonym_code(epithet.group(1))):
                opened = epithet
        chained = opened is not None and (opened.group(1).lower() == m.pronoun or opened.re is _EPITHET_OPENS)
        found_subject = False
        held = None if k >= here else _role_subject(seg, s_start, m, focus) if personal \
            else _body_subject(seg, s_start, m, entities, positions, focus)
        if held is not None:
            add(held, recency + _AS_SUBJECT)
            found_subject = True
        if m.pronoun == "they" and k < here and opened is None and not focus.contents.apart(s_start, m) \
                and (crowd := _plural_subject(seg.text, s_start)) is not None:
            # "The firm's creditors have been trying ... They threatened ...": the people a
            # plural noun opening the sentence describes, unnamed (rule plural-subject).
            add(crowd, recency + _AS_SUBJECT)
            found_subject = True
        for s in focus.resolved_subjects(m.pronoun, s_start, window_end):
            if s is not m:
                add(s, recency + _AS_SUBJECT)  # "he told ...": the "he" before, resolved
                found_subject = True
        for e in entities[bisect_left(positions, s_start) : bisect_left(positions, window_end)]:
            men = e.mention
            speaker = id(men) in focus.speakers
            if e.by_title and not speaker and not _introduced(seg.text[s_start : e.pos]):
                continue  # "He went on to accuse Mr Vik of ...": Mr Vik is no subject
            if k == here and _BESIDE.search(seg.text, max(s_start, e.pos - 20), e.pos):
                continue  # "But standing next to Mr Vik he added": the object of a preposition
            if men.pronoun is not None or focus.contents.within(e.pos, m, seg.masked) \
                    or not _may_be(m.pronoun, men, focus.entities):
                continue
            if _possessor(seg.text, men):
                # "Vik's e-mail suggested ...": whose thing the sentence is about, next to its subject.
                if opened is None and not focus.contents.apart(e.pos, m) and _agrees(m.pronoun, men) \
                        and _opens_sentence(_HONORIFIC_END.sub("", seg.text[s_start : e.pos])):
                    add(men, recency + _AS_POSSESSOR)
                continue
            # (an unnamed speaker two sentences back too: "A party spokesman told reporters
            # ... But that did not happen. '...,' he said.")
            if not (_agrees(m.pronoun, men) or (back <= 1 or back == 2 and id(men) in focus.speakers)
                    and _unnamed_agrees(m.pronoun, men) and _only_openers(seg.text[s_start : men.start])):
                continue
            if not speaker and men.type == "person" and not (men.known_given_name or men.gender or men.role or e.role
                                                             or e.by_title or " " not in men.name):
                continue  # "Grand Slam", "Dundee United": capitalised words with nothing of a person
            # Inside what another claim reports, a name is no subject of the sentence ("Vik has
            # failed, Olsen said": Olsen is).
            subject = speaker or not focus.contents.apart(e.pos, m) and not _AND_ANOTHER.match(seg.text, men.end) and (
                e.by_title or opened is None and _subject_like(seg.text, s_start, men))
            if chained and not subject:
                continue  # "He sees Vik as ...": Vik is not the "he"
            if not personal and men.name[:1].islower() and (called := _CALLED.match(seg.text, men.end)) is not None:
                # "An umbrella group called the Vik Fund has ...": the body named is the subject.
                j = bisect_left(positions, called.end())
                if j < len(entities) and entities[j].pos == called.end() and _agrees(m.pronoun, entities[j].mention):
                    men = entities[j].mention
            add(men, recency + (_AS_SUBJECT if subject else _AS_OTHER))
            found_subject = found_subject or bool(subject)
        if chained:
            chain = max(chain, recency)
        elif found_subject:
            chain = 0  # the chain of "he" sentences ends at the subject it goes back to
    if not scores:
        return None, ()
    ranked = sorted(scores.values(), key=lambda x: -x[0])
    top = [men for score, men in ranked if score == ranked[0][0]]
    if len(top) > 1:
        # As salient: a name known to be a person's (a known given name, a gender) before one
        # that may be no person's at all ("the Bundesbank"), then a claim's speaker.
        # For a body: one named ("Umbro") before one the article only calls "the firm".
        def surety(men: Mention) -> tuple[bool, bool]:
            return bool(men.known_given_name or men.gender if personal else men.name[:1].isupper()), \
                id(men) in focus.speakers
        best = max(map(surety, top))
        top = [men for men in top if surety(men) == best]
    same = _same_person if personal else _same_body
    if any(not same(top[0].name, men.name) for men in top[1:]):
        return None, tuple(top)  # two people as likely: no choice
    return top[0], ()


# What names an unnamed body right after it: "a charity called the Vik Fund".
_CALLED = compile_pattern(r",? (?:called|named|known as) (?:the )?")
_HONORIFIC_END = compile_pattern(r"(?:Mr|Mrs|Ms|Dr|Miss|Sir|Lord|Lady)\.? $")


def _same_person(a: str, b: str) -> bool:
    """Whether two names of people may be one: "Vik", "Anna Vik" and "Siberian-born Vik", not
    "Anna Vik" and "Karl Vik" (two known given names)."""
    if a == b or a.endswith(" " + b) or b.endswith(" " + a):
        return True
    first_a, _, last_a = a.rpartition(" ")
    first_b, _, last_b = b.rpartition(" ")
    given = first_names()
    return last_a == last_b and not (first_a.split()[0].lower() in given and first_b.split()[0].lower() in given)


def _same_body(a: str, b: str) -> bool:
    """Whether two names of bodies may be one: "Muslim Council" and "Muslim Council of
    Britain", "Commission" and "Law Commission"."""
    return a == b or a.startswith(b + " ") or b.startswith(a + " ") or a.endswith(" " + b) or b.endswith(" " + a)


def _is_named_person(men: Mention) -> bool:
    return men.type == "person" and not men.plural and men.name[:1].isupper()


def _may_be(pronoun: str | None, men: Mention, entities: list[_Entity]) -> bool:
    """Whether a person called by surname alone with no gender of its own ("Warrick said") may
    be the "he" or "she": not when every full name the article gives with that surname is of
    the other gender ("Senator Anna Warrick")."""
    if men.gender is not None or men.type != "person" or " " in men.name or pronoun not in ("he", "she"):
        return True
    genders = {e.mention.gender for e in entities if e.mention.type == "person" and e.mention.name.endswith(" " + men.name)}
    if not genders:
        genders = {first_names().get(men.name.lower()) or None}  # "Melanie said": a she
    return pronoun in genders or None in genders


def _subject_like(text: str, s_start: int, men: Mention) -> bool:
    """Whether the person ``men`` is the subject of its sentence (which starts at ``s_start``)
    or brought in to speak: only openers before the name, "came from" or "is" before it ("The
    director is Karl Olsen"), or a speech verb after it ("... as Mayor Vik said")."""
    if _AND_ANOTHER.match(text, men.end):
        return False  # "... heard from Karl Vik and Tom Olsen": one of two
    before = text[s_start : men.start]
    head, comma, _ = before.rpartition(",")
    # "In a statement on Monday, Vik ...": a short opening phrase; not '"...," Vik said,
    # naming its author, Olsen': a name in apposition late in the sentence.
    words = head.split()
    # An opening phrase before the comma starts with a preposition, a connective, a time word or
    # a participle ("In a statement on Monday, Vik ...", "Having worked with Vik for years,
    # Olsen ..."): not "Vik met his counterpart, Olsen", where the name is in apposition.
    first = words[0].lower() if words else ""
    opening = not comma or (first in T.PREPOSITIONS or first in _OPENERS or first in _TIME_OPENERS
                            or first in T.DATE_WORDS or first in _CONJUNCTIONS
                            or first.endswith(("ing", "ed")) and words[0][1:].islower()) \
        and not any(q in head for q in ('"', "“", "”", "''"))
    if comma and any(w.endswith("ing") and w.islower() for w in before[len(head) :].split()):
        return False  # "..., but suggesting presenter Vik would ...": no subject of the sentence
    return opening and _opens_sentence(before) or _SPEAKING_ROLE.search(before) is not None \
        or _SPEAKS_AFTER.match(text, men.end) is not None


_CONJUNCTIONS = frozenset("after before when while as although though despite since following during under "
                          "with without once if unlike like".split())
_AND_ANOTHER = compile_pattern(r",? (?:and|or|nor) (?:(?:Mr|Mrs|Ms|Dr)\.? )?[A-Z]")


def _only_openers(before: str) -> bool:
    """Whether the words of a sentence before a speaker phrase are no more than connectives or a
    short opening phrase with its comma ("But", "However,", "On Monday,"): the phrase is the
    sentence's subject."""
    words = before.split()
    return not words or all(w.lower() in _OPENERS for w in words) or before.rstrip().endswith(",") and len(words) <= 4


def _one_person(men: Mention) -> bool:
    """A person, named or not: "Anna Berg", "a canal worker"."""
    return _is_person(men) or men.type == "anonymous" and not men.plural and men.pronoun is None and bool(men.role)


# A sentence's subject name and its verb: "Vikco has left ...", "Vikco got into trouble".
_SUBJECT_NAME = compile_pattern(
    r"(?<![\w’'&-])([A-Z][\w&’'-]*[A-Za-z](?: [A-Z][\w&’'-]*[A-Za-z]){0,3})"
    r"(?= (?:has|had|have|is|was|will|would|could|can|did|does|got|gets|made|makes|took|takes|[a-z]+ed)\b)")
# Words that may come before a sentence's subject besides _OPENERS: "Before now Vikco has ...".
_TIME_OPENERS = frozenset("before now until since today yesterday earlier later last this next".split())
# Words before an "it" that carry its clause's subject on: "... but it has", "... said that it".
_CARRIED_ON = frozenset("but and that while so - – —".split())


def _subject_body(seg: Segmented, starts: list[int], m: Mention, contents: _Contents) -> Mention | None:
    """"Before now Vikco has left the market to others. It said ...", "Vikco got into trouble
    over its claim that ...": the body that is the subject of the sentence of an "it" or "its"
    (before it), or of the sentence before when "It" opens its own. A name read as a person
    is that body when the article gives it nothing of a person's: no known given name, title,
    honorific or gender, never a surname after another capitalised word; the "it" itself is
    the article calling it a thing. In its own sentence, only "its" or an "it" that carries the
    subject on ("Vikco will keep the patents but it ..."), not one after another thing ("Vikco
    sued a website after it ..."); not a subject inside what another speaker said ("Vikco could
    be sold, the Daily Vik reported. It said ...": the paper)."""
    here = bisect_right(starts, m.start) - 1
    if here < 0:
        return None
    begin = starts[here]
    if not _only_openers(seg.text[begin : m.start]):
        before = seg.text[max(begin, m.start - 20) : m.start].split()
        if m.text.lower() != "its" and not (before and before[-1].lower() in _CARRIED_ON):
            return None
        k, end = here, m.start
    elif here > 0:
        k, end = here - 1, begin
    else:
        return None
    begin = starts[k]
    hit = _SUBJECT_NAME.search(seg.masked, begin, min(end, begin + 100))
    if hit is None:
        return None
    before = seg.text[begin : hit.start()]
    if "," in before:
        head, _, before = before.rpartition(",")
        if len(head.split()) > 6:
            return None
    if any(w.lower() not in _OPENERS and w.lower() not in _TIME_OPENERS and w.lower() not in T.DATE_WORDS
           for w in before.split()):
        return None  # "Fans of Vikco have ...": the name is no subject
    if contents.inside(hit.start(1)):
        return None
    words = hit.group(1).split()
    if all(w.lower() in seg.common_words() or w.lower() in T.ADVERBS or w.lower() in T.DETERMINERS
           or w.lower() in _OPENING_CAPITALS or w.lower() in ("there", "here") for w in words):
        return None  # "This was ...", "There is ...": an ordinary word opening the sentence
    men = describe(seg.text, hit.start(1), hit.end(1))
    if men.pronoun is not None or men.plural or men.name != hit.group(1):
        return None
    if men.type in ("organization", "media", "country"):
        return men
    if men.type != "person" or men.known_given_name or men.gender or men.role \
            or first_names().get(men.name.split()[0].lower()) is not None or not _never_a_person(seg.masked, men.name):
        return None
    men.type = "organization"
    return men


def _never_a_person(masked: str, name: str) -> bool:
    """Whether the article never treats ``name`` as a person's: no honorific or title before it
    ("Mr Vik", "Lord Vik") and no capitalised word that may be a given name ("Anna Vik")."""
    i = masked.find(name)
    while i >= 0:
        j = i + len(name)
        whole = not (i and (masked[i - 1].isalnum() or masked[i - 1] in "_’'&-")) \
            and not (j < len(masked) and (masked[j].isalnum() or masked[j] in "_’'&-"))
        if whole:
            before = _WORD_BEFORE.search(masked, max(0, i - 30), i)
            if before is not None and before.group(1).lower() not in _OPENING_CAPITALS:
                return False
        i = masked.find(name, j)
    return True


def _reported_subject(seg: Segmented, starts: list[int], claims: list[ClaimCandidate], m: Mention) -> Mention | None:
    """"Trade officials say Norway tried to soften the quota. It said ...": the country a
    claim of the sentence before is about, when that claim's speaker is no "it"."""
    here = bisect_right(starts, m.start) - 1
    if here < 1:
        return None
    for c in claims:
        if not starts[here - 1] <= c.text_start < starts[here] or _agrees("it", c.evidence.mention) \
                or c.rule not in ("said-clause", "said-that"):
            continue
        # The clause's subject: a country, then a comma or its verb ("Norway, which ...",
        # "Norway tried"), not a modifier ("British firms").
        word = _CLAUSE_SUBJECT.match(seg.text, c.text_start, c.text_start + 60)
        code = country_code(word.group(1)) if word else None
        if code:
            men = describe(seg.text, word.start(1), word.end(1))
            return men if men.type == "country" else None
    return None


def _talked_to(seg: Segmented, starts: list[int], m: Mention) -> Mention | None:
    """The one person the writer says, in the sentence before, they talked to ("the inspectors
    spoke to the chief engineer of the power station"), or None."""
    here = bisect_right(starts, m.start) - 1
    if here < 1:
        return None
    hit = None
    for hit in _TALKED_TO.finditer(seg.masked, starts[here - 1], starts[here]):
        pass
    if hit is None:
        return None
    men = describe(seg.text, hit.start(1), hit.end(1))
    return men if _one_person(men) and men.name[:1].islower() else None


def _speaking_next(seg: Segmented, starts: list[int], m: Mention) -> Mention | None:
    """The person one of the next two sentences opens by saying was speaking ('"...," he
    announced. ... Petrov was speaking in Vik.'): the writer names the speaker late."""
    here = bisect_right(starts, m.start) - 1
    for k in range(here + 1, min(len(starts), here + 3)):
        hit = _WAS_SPEAKING.match(seg.masked, starts[k])
        if hit is not None:
            men = describe(seg.text, hit.start(1), hit.end(1))
            if men.type == "person" and men.pronoun is None and men.gender in (None, m.pronoun):
                return men
    return None


# A sentence that opens with a person, maybe after a role in lower case, who "was speaking":
# "Local government spokesman Anna Berg was speaking as ...".
_OPENS_SPEAKING = compile_pattern(r"(?:[A-Z][\w’'-]*(?: [a-z][\w’'-]*){1,3} )?((?:[A-Z][\w’'-]+ ){1,2}[A-Z][\w’'-]+) "
                             r"(?:was|had been) (?:speaking|talking)\b")


def name_speaking_next(seg: Segmented, claims: list[ClaimCandidate]) -> set[int]:
    """(rule one-of-named-next) "The Lib Dems will win, one of their frontbenchers has
    predicted. Local government spokesman Anna Berg was speaking as ...": an unnamed one of a
    group, or someone "a" role noun names, is the person named in full, never before, who one of
    the next two sentences opens by saying was speaking. Returns the ``id`` of each mention so
    named."""
    named: set[int] = set()
    starts = [s.start for s in seg.sentences()]
    for m in {id(c.evidence.mention): c.evidence.mention for c in claims}.values():
        low = m.text.lower()
        if m.pronoun is not None or not (low.startswith("one of ") or m.type == "anonymous" and low.startswith(("a ", "an "))):
            continue
        here = bisect_right(starts, m.start) - 1
        for k in range(here + 1, min(len(starts), here + 3)):
            hit = _OPENS_SPEAKING.match(seg.masked, starts[k])
            if hit is None:
                continue
            men = describe(seg.text, hit.start(1), hit.end(1))
            if men.type == "person" and men.known_given_name and " " in men.name \
                    and men.name.rsplit(None, 1)[-1] not in seg.text[: m.start]:
                m.name, m.type, m.plural, m.gender = men.name, "person", False, men.gender
                named.add(id(m))
            break
    return named


def name_self_introduced(seg: Segmented, claims: list[ClaimCandidate]) -> None:
    """"A cyclist who introduced herself as the club's treasurer told ...": the speaker
    is who they said they were; "a farmer who gave his name as Sven": that name."""
    text = seg.text
    for m in [c.evidence.mention for c in claims]:
        if m.type != "anonymous" or m.pronoun:
            continue
        # The phrase may hold the relative clause ("a protester who introduced herself as ...").
        hit = _SELF_INTRODUCED.search(text, m.start, m.end + 100)
        if hit is None or hit.start() > m.end:
            continue
        group = "what" if hit.group("what") else "name"
        said = describe(text, hit.start(group), hit.end(group))
        if said.type in ("person", "anonymous", "group") and not said.pronoun:
            if group == "name":
                m.name, m.type = said.name, "person"
            else:  # the role they gave, whole: "the club's treasurer"
                m.name = re.sub(r"^(?:the|an?) ", "", hit.group(group))
            m.gender = m.gender or {"himself": "he", "herself": "she", "his": "he", "her": "she"}.get(
                hit.group("who") or hit.group("whose"))


def name_part_of_group(seg: Segmented, claims: list[ClaimCandidate]) -> None:
    """"Supporters crowded around the bus. Some said ...": "some" are some of the supporters,
    the people the sentence before (or the same one) is about; left as it is when it names none."""
    found = [c.evidence.mention for c in claims if c.evidence.mention.type == "group"
             and c.evidence.mention.name in _PART_OF_GROUP and c.evidence.mention.text.lower() in _PART_OF_GROUP]
    if not found:
        return
    starts = [s.start for s in seg.sentences()]
    nouns = speaker_nouns()
    for m in found:
        here = bisect_right(starts, m.start) - 1
        begin = starts[here - 1] if here > 0 else 0
        for word in re.findall(r"[a-z][a-z-]+", seg.masked[begin : m.start]):
            if word.endswith("s") and nouns.get(word) == "group":
                m.name = word
                break


# "The two leaders", "both presidents", "the two foreign ministers": a pair the article has just
# named, with the offices each of them must hold (a word of the role).
_PAIR_NOUN = compile_pattern(r"(?i)(?:the\s+two|both(?:\s+the)?)\s+(leaders|heads\s+of\s+state|presidents|premiers"
                             r"|prime\s+ministers|chancellors|(?:foreign\s+|defen[cs]e\s+)?ministers)")
_PAIR_OFFICES = {
    "leaders": ("president", "prime minister", "premier", "chancellor", "leader", "king", "emir", "general secretary",
                "chief", "head of state"),
    "presidents": ("president",), "premiers": ("premier", "prime minister"), "prime ministers": ("prime minister", "premier"),
    "chancellors": ("chancellor",), "ministers": ("minister",), "foreign ministers": ("foreign minister", "minister"),
    "defence ministers": ("defence minister", "defense minister", "minister"),
}
_PAIR_OFFICES["heads of state"] = _PAIR_OFFICES["leaders"]
_PAIR_OFFICES["defense ministers"] = _PAIR_OFFICES["defence ministers"]
# How far back the pair may be named: the paragraphs just before.
_PAIR_REACH = 1500


def _pair_noun(m: Mention) -> tuple[str, ...] | None:
    """The offices of a pair the mention stands for ("The two leaders"), else None."""
    if not m.plural or m.pronoun:
        return None
    found = _PAIR_NOUN.fullmatch(m.text.strip())
    return _PAIR_OFFICES[" ".join(found.group(1).lower().split())] if found else None


def _named_pair(candidates: list[Mention], pos: int, offices: tuple[str, ...]) -> tuple[Mention, Mention] | None:
    """The last two people named before ``pos`` (within the paragraphs just before) whom the
    article gives one of ``offices``, in text order; None unless there are two."""
    roles: dict[str, str] = {}
    for e in candidates:  # a later short mention ("Rama") keeps the office given before
        if _is_person(e) and e.role:
            roles.setdefault(e.name, e.role.lower())
    found: list[Mention] = []
    for e in reversed(candidates):
        if e.start < pos - _PAIR_REACH or len(found) == 2:
            break
        if not _is_person(e) or any(_same_person(e.name, f.name) for f in found):
            continue
        role = next((roles[n] for n in roles if _same_person(n, e.name)), "")
        if any(office in role for office in offices):
            found.append(e)
    return (found[1], found[0]) if len(found) == 2 else None


def _indefinite_role(m: Mention) -> str | None:
    """The role noun of an unnamed person the article may name next: "a farmers'
    leader", or a bare title in a headline ("Admiral Reveals ...")."""
    if m.type != "anonymous" or m.plural or m.pronoun or not m.role:
        return None
    words = m.text.split()
    head = m.role.lower().split()[-1]
    if head not in _PERSON_ROLES:
        return None
    if words[0].lower() in ("a", "an") or len(words) == 1 and words[0][:1].isupper():
        return head
    return None


# Heading lines (bylines, datelines, time stamps) that the search for a role's holder in the next
# sentences may pass over without counting them.
_HEADINGS_PASSED = 4


def _named_next(seg: Segmented, starts: list[int], block_starts: list[int], entities: list[_Entity],
                positions: list[int], m: Mention, head: str, phrase: str = "",
                offices: tuple[str, ...] = ()) -> Mention | None:
    """The named person with the role ``head`` (and the whole role ``phrase``, when given: "the
    foreign secretary" is no home secretary; or holding one of ``offices``) who is the subject of
    one of the next two sentences: news often gives a speaker's role first and the name after it. Heading lines
    between (a byline, a dateline, an "Updated" stamp under a standfirst) are read but not
    counted, up to ``_HEADINGS_PASSED`` of them (rule role-then-name)."""
    here = bisect_right(starts, m.start) - 1
    prose = 0
    for k in range(here + 1, min(len(starts), here + 3 + _HEADINGS_PASSED)):
        if prose == 2:
            break
        if not seg.blocks[bisect_right(block_starts, starts[k]) - 1].heading:
            prose += 1
        s_end = starts[k + 1] if k + 1 < len(starts) else len(seg.text)
        first = bisect_left(positions, starts[k])
        if offices:
            # the first person in the sentence's first words, with the office in their role or
            # in the words before the name: "Norway's Chief of Defence, General X"
            first = next((i for i in range(first, len(entities)) if entities[i].pos >= min(s_end, starts[k] + 80)
                          or _is_person(entities[i].mention)), len(entities))
        if first < len(entities) and entities[first].pos < min(s_end, starts[k] + (80 if offices else 40)):
            men = entities[first].mention
            role = men.role.lower().replace(",", " ") if men.role else ""
            if offices:
                holds = _holds(role, offices) or _office_in_apposition(men.text, offices)
            else:
                holds = head in role.split() and (not phrase or phrase in role)
            if _is_person(men) and " " in men.name and holds and _same_side(m, men):
                return men
    return None


def _same_side(m: Mention, men: Mention) -> bool:
    """Whether the named person ``men`` may be the one the role phrase ``m`` describes by
    country: ``m``'s own country, else the countries its words name ("a spokesperson for the
    Mongolian government" is not the EU's spokesperson named next), holds ``men``'s."""
    if men.country is None:
        return True
    if m.country is not None:
        return men.country == m.country
    named = {found.code for found in find_countries(m.text)}
    return not named or men.country in named


def _office_in_apposition(phrase: str, offices: tuple[str, ...]) -> bool:
    """Whether the speaker phrase gives the person one of ``offices`` before their name, set off
    by a comma: "Norway's Chief of Defence, General X"; not an office they speak for or were
    with ("A spokesman for the Chief of Defence, Colonel X")."""
    low = phrase.lower()
    for office in offices:
        i = low.find(office)
        if i >= 0 and not _OFFICE_OBJECT.search(low, max(0, i - 12), i) and low.find(",", i) > 0:
            return True
    return False


_OFFICE_OBJECT = compile_pattern(r"\b(?:for|to|with|of|at|after|by)\s+(?:the\s+)?$")


# An honorific before a name, no description of who the person is: "Dr Anna Berg".
_HONORIFIC_BEFORE = compile_pattern(r"^(?:Mr|Mrs|Ms|Miss|Dr)\.? (?=[A-Z])")


def _introduced_next(seg: Segmented, starts: list[int], claims: list[ClaimCandidate], entities: list[_Entity],
                     positions: list[int], m: Mention) -> Mention | None:
    """The person a role phrase ("the prime minister of Ruritania dismissed ...") introduced, when
    the next of the following three sentences' speakers is a full name the article never gave
    before, with no description of its own, and no other person is named in between
    ("... “These are lies,” Ivan Lebed said."): news describes a speaker first and names them
    after, and a new person is not brought in without a word about who they are."""
    here = bisect_right(starts, m.start) - 1
    limit = starts[here + 4] if here + 4 < len(starts) else len(seg.text)
    spoken = sorted((c.evidence.mention for c in claims
                     if m.end <= c.evidence.mention.start < limit and c.evidence.mention.pronoun is None),
                    key=lambda s: s.start)
    if not spoken or spoken[0] is m:
        return None
    hit = spoken[0]
    if hit.type != "person" or hit.plural:
        return None
    if hit.role or " " not in hit.name or _HONORIFIC_BEFORE.sub("", hit.text) != hit.name:
        return _introduced_before_speaking(seg, starts, entities, positions, m, hit)
    if hit.name.rsplit(None, 1)[-1] in seg.text[: hit.start]:
        return None  # named before: not introduced here
    between = entities[bisect_right(positions, m.end - 1) : bisect_left(positions, hit.start)]
    if any(e.mention.type == "person" and e.mention is not m for e in between):
        return None
    if _listed_in_another_office(hit, m):
        return None
    return hit


def _listed_in_another_office(hit: Mention, m: Mention) -> bool:
    """Whether the register lists ``hit`` only in offices other than the one the role phrase
    ``m`` names, itself a listed office ("the Russian foreign minister" is not the listed
    presidential press secretary named next; rule introduced-listed-office)."""
    words = _role_phrase(m).split()
    if words[:1] and demonym_code(words[0]):
        words = words[1:]
    phrase = " ".join(words)
    if " " not in phrase or not any(phrase in role for role in listed_roles()):
        return False
    held = offices_held(hit.name)
    return bool(held) and not any(_holds(o.role.lower(), (phrase,)) for o in held if o.role)


def _introduced_before_speaking(seg: Segmented, starts: list[int], entities: list[_Entity], positions: list[int],
                                m: Mention, hit: Mention) -> Mention | None:
    """"The data commissioner says ... Anna Berg "condemned" the move. ..., Ms Berg
    said": the role's holder is the full name that opens a sentence after it as the first
    person named since, with no description of its own and never named before, whom the next
    speaker (``hit``, by surname, maybe with an honorific) then is."""
    surname = hit.name.rsplit(None, 1)[-1]
    between = [e for e in entities[bisect_right(positions, m.end - 1) : bisect_left(positions, hit.start)]
               if e.mention.type == "person" and e.mention is not m]
    if not between:
        return None
    intro = between[0].mention
    if " " not in intro.name or not intro.name.endswith(" " + surname) or intro.role or not intro.known_given_name \
            or intro.plural or intro.gender not in (None, hit.gender or intro.gender):
        return None
    if re.search(r"(?<![\w’'-])" + re.escape(surname) + r"(?![\w’'-])", seg.text[: intro.start]):
        return None  # named before: not introduced here
    if any(not e.mention.name.endswith(surname) for e in between):
        return None  # someone else named in between
    s_start = starts[bisect_right(starts, intro.start) - 1]
    if not _only_openers(seg.text[s_start : intro.start]):
        return None  # "... met Anna Berg": not the sentence's subject
    return intro


def _unnamed_before(seg: Segmented, block_starts: list[int], m: Mention, head: str,
                    candidates: list[Mention]) -> Mention | None:
    """"A Commission spokesperson said ... The spokesperson added": the unnamed speaker of that
    role noun in the paragraph or the one before, when no other was introduced between (rule
    unnamed-role-again)."""
    words = m.text.lower().split()
    if len(words) != 2 or words[0] != "the":
        return None
    para = bisect_right(block_starts, m.start) - 1
    for e in reversed(candidates):
        if bisect_right(block_starts, e.start) - 1 < para - 1:
            return None
        if e.type != "anonymous" or e.pronoun or e.plural or e.start >= m.start:
            continue
        if (e.text.lower().split() or [""])[-1] == head:
            return e if e.text.split()[0].lower() in ("a", "an", "one", "another") else None
    return None


def _unnamed_agrees(pronoun: str | None, men: Mention) -> bool:
    """An unnamed speaker one person ("A senior diplomat told reporters ...") who can be the
    "he" or "she" of the next sentence: singular, with a role noun of no other gender."""
    if pronoun not in ("he", "she") or men.type != "anonymous" or men.plural or not men.role:
        return False
    head = men.role.lower().split()[-1]
    # "A spokesman said ... he added"; but "the chancellor" not tied to a name is most often
    # the person named before, whom "he" should reach.
    first = men.text.split()[0].lower()
    # A country's delegate the article never names ("The representative of Switzerland said
    # ... She said", "her counterpart from Chile"), as council reports write them (rule
    # country-delegate-unnamed).
    delegate = men.country is not None and (
        first in ("the", "his", "her", "their") and re.search(r"\s(?:of|from|for)\s", men.text) is not None
        or first.endswith(("'s", "’s")))
    if not (first in ("a", "an", "one", "another") or head in _USUALLY_UNNAMED or delegate):
        return False
    if not (head in _PERSON_ROLES or speaker_nouns().get(head) in ("anonymous", "person")):
        return False
    return _ROLE_GENDER.get(head, pronoun) == pronoun


# Heads of a body noun that opens a sentence: "The commission had been asked ...".
_BODY_NOUNS = _BODY_HEADS | _COMPANY_NOUNS | {"ministry", "government", "department", "agency", "office"}


def _body_subject(seg: Segmented, s_start: int, m: Mention, entities: list[_Entity], positions: list[int],
                  focus: _Focus) -> Mention | None:
    """The named body a body noun opening the sentence at ``s_start`` stands for ("The
    commission, an independent body, had been asked ..." after "the Law Commission"): the last
    body named before it with that noun in its name, or for "the company" the last named
    (_role_antecedent), for an "it" or "they" to take as that sentence's subject."""
    hit = _BODY_SUBJECT.match(seg.text, s_start)
    if hit is None or focus.contents.inside(hit.start(1)):
        return None
    head = hit.group(1)
    if head not in _BODY_NOUNS:
        return None
    before = [e.mention for e in entities[max(0, bisect_left(positions, s_start) - _LOOKBACK) : bisect_left(positions, s_start)]]
    body = _role_antecedent(head, before)
    return body if body is not None and _agrees(m.pronoun, body) else None


def _bare_headline_role(seg: Segmented, m: Mention) -> bool:
    """"Foreign minister says ...", "..., says defence minister": a role without a determiner
    in a heading at the top of the article (headline or standfirst), read as "the defence
    minister" of the story, whom the body names (rule headline-role-holder)."""
    words = m.text.split()
    if m.pronoun or not 1 <= len(words) <= 3 or words[-1] not in _PERSON_ROLES \
            or not all(w.isalpha() and w[1:].islower() for w in words) or not all(w.islower() for w in words[1:]):
        return False
    block = next((b for b in seg.blocks if not b.furniture and b.start <= m.start < b.end), None)
    if block is None or not block.heading or block not in [b for b in seg.blocks if not b.furniture][:2]:
        return False
    # (a "group" by a plural portfolio, "fisheries minister"; a body by the capital that opens
    # the heading, "Foreign minister says ...")
    return m.type in ("anonymous", "group") or m.type == "organization" and m.start == block.start


def _country_in_words(m: Mention) -> bool:
    """Whether a role phrase writes its country itself: "Latvia's defence minister", "the
    Latvian minister" (a country's name or adjective among its words), not a body's ("the Nato
    chief") nor a country the speaker was given from elsewhere."""
    if m.country is None or m.country in _BODY_CODES:
        return False
    return any(country_code(w) == m.country for w in re.findall(r"[A-Z][\w.-]*[\w]", m.text))


def _may_be_of(e: Mention, country: str, context: list[str]) -> bool:
    """Whether the person ``e`` may hold an office of ``country``: the article gave them a
    country (the caller has checked it is that one or a body's), or the register lists an office
    of that country for them."""
    return e.country is not None or any(o.country == country for o in offices_held(e.name, context=context))


def _bare_country_role(m: Mention) -> bool:
    """"Turkish president", "Russian foreign minister" without a determiner, as headlines write
    them: a country's adjective and one or two role words in lower case (rule
    headline-country-role)."""
    words = m.text.split()
    return (m.type in ("anonymous", "organization") and not m.plural and not m.pronoun and 2 <= len(words) <= 3
            and demonym_code(words[0]) is not None and words[0][:1].isupper()
            and all(w.isalpha() and w.islower() for w in words[1:]) and words[-1] in _PERSON_ROLES)


def _role_noun(m: Mention) -> str | None:
    """The head of "the president" / "the publication" when the phrase has no name of its own;
    ``_EPITHET`` for "the 22-year-old" and "the American", which stand for a person named before."""
    words = m.text.split()
    if len(words) == 2 and words[0].lower() == "the" and m.type == "anonymous" and (
            T.person_noun(words[1]) and words[1][:1].isdigit() or m.country and words[1][:1].isupper()):
        return _EPITHET
    if len(words) == 3 and words[0].lower() == "the" and m.type in ("anonymous", "group") and words[1][:1].isdigit() \
            and words[1].endswith("-old") and T.person_noun(words[1]) and m.country and words[2][:1].isupper() \
            and not m.plural:
        return _EPITHET  # "the 24-year-old Nigerian": an age and a nationality
    if len(words) == 3 and words[0].lower() == "the" and m.type == "anonymous" and words[1][:1].isupper() \
            and words[1].isalpha() and words[2].lower() in ("man", "woman"):
        return _EPITHET  # "the Waterford man": where the person the passage is about comes from
    if m.type == "anonymous" and words and words[-1][:1].isdigit() and T.person_noun(words[-1]) and (
            len(words) == 1 or words[0].lower() == "the" and all(w.rstrip(",").isalpha() and w.islower() for w in words[1:-1])):
        return _EPITHET  # "the bearded, 58-year-old says": an age, maybe after describing words
    lead = 1 if words and words[0].lower() == "the" else 0
    if m.type == "anonymous" and len(words) >= lead + 2 and re.fullmatch(r"[A-Z][\w.-]*['’]s", words[lead]) \
            and country_code(words[lead][:-2]):
        # "Norway's Ambassador to Britain", "the UK's top judge": a country's office, as "the Ambassador"
        words = ["the", *words[lead + 1 :]]
    if len(words) < 2 or words[0].lower() != "the":
        return None
    if m.type == "person" and " " in m.name and m.name[:1].isupper() and m.name in m.text:
        return None  # "the chairman of the committee, Labour MP Ann Berg": the phrase names her
    if m.type == "anonymous" and _described_office(m):
        return "<office>"  # "the head of state", "the top Russian diplomat"
    if _epithet_noun(m, words):
        return _EPITHET  # "the Social Democrat politician", "the 70-year-old former Soviet dissident"
    if len(words) == 4 and words[1].lower() == "board" and words[2].lower() == "of" and words[3].lower() == "directors":
        return "board"  # "the board of directors": the company's board
    if m.type != "person" and len(words) >= 3 and words[-1].lower() in _CLASS_HEADS \
            and all(not w[:1].isupper() or w.lower().endswith("-based") for w in words[1:]):
        return words[-1].lower()  # "the Oslo-based policy think tank", "the charity"
    if len(words) == 2 and words[1] in ("Ministry", "Government", "Department", "Agency") and m.type != "person":
        return words[1].lower()  # "The Ministry said": the ministry named before, capitalised as some papers do
    if any(w[:1].isupper() for w in words[1:]):
        # "the Chancellor", "the Prime Minister of Ruritania": a title, capitalised or not, and
        # whatever place or body follows "of"; any other capital makes it a name.
        core = _role_phrase(m).split()
        if not core:
            return None  # "The of Senator": no role words at all
        titles = title_words()
        # (a country's adjective is no name: "the French president")
        if not core or any(w[:1].isupper() and w.lower() not in titles and w.lower() not in _PERSON_ROLES
                           and not (i < len(core) - 1 and (demonym_code(w) or country_code(w)))
                           for i, w in enumerate(words[1 : 1 + len(core)])):
            # "the Tory leader", "the Lib Dem leader": a party's or body's role, one lower-case
            # role noun after up to two capitalised words (not "the Vik Post").
            if m.type == "anonymous" and not m.plural and len(core) <= 3 and core[-1] in _PERSON_ROLES \
                    and words[len(core)][:1].islower() and "of" not in words:
                return core[-1]
            return None
        return core[-1] if core[-1] in _PERSON_ROLES or _hyphenated_role(core[-1]) else None
    head = words[-1].lower()
    if head in _SPOKEN_TO or head in _PERSON_ROLES or _hyphenated_role(head) or head in _MEDIA_NOUNS or head in _COMPANY_NOUNS \
            or head in _BODY_HEADS or head in ("ministry", "government", "department", "agency", "office") or head in _CLASS_HEADS:
        return head
    return None


def _hyphenated_role(word: str) -> bool:
    """A title written with a hyphen whose last part is a role: "secretary-general",
    "director-general", "vice-chancellor" (rule hyphenated-role)."""
    first, _, last = word.rpartition("-")
    return bool(first) and first.isalpha() and last in _PERSON_ROLES


@cache
def _equivalents() -> dict[str, tuple[str, ...]]:
    """Descriptions of an office → the roles they stand for (data/role_equivalents.tsv)."""
    text = files("claimsdb.data").joinpath("role_equivalents.tsv").read_text(encoding="utf-8")
    rows = (ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    return {desc.strip(): tuple(r.strip() for r in roles.split("|")) for desc, roles in rows}


def _described_office(m: Mention) -> tuple[str, ...]:
    """"the head of state" → ("president", ...), "the top Russian diplomat" → ("foreign minister",
    ...): the roles a description of an office stands for, without the country's adjective."""
    words = [w for w in m.text.split()[1:] if not demonym_code(w)]
    desc = " ".join(words).lower()
    if m.country:
        # "the Russian leader", "Russia's leader": a country's leader is its head of state or
        # government, where a bare "the leader" may lead anything (rule country-leader).
        found = _equivalents().get("<country> " + desc)
        if found:
            return found
    return _equivalents().get(desc, ())


def _holds(role: str | None, offices: tuple[str, ...]) -> bool:
    """Whether ``role`` is one of ``offices`` itself, not its deputy ("Vice President")."""
    role = (role or "").lower()
    return any(0 <= (i := role.find(r)) and not _SUBORDINATE_ROLE.search(role[:i]) for r in offices)


def _epithet_noun(m: Mention, words: list[str]) -> bool:
    """"the Social Democrat politician", "the 70-year-old former Soviet dissident": a definite
    description of one person by a noun that names people by its ending, after describing words
    only (no "of", no name): news refers so to the person the passage is about."""
    head = words[-1]
    if m.type != "anonymous" or m.plural or m.pronoun or len(words) < 3 or not head.isalpha() or not head.islower():
        return False
    if head in _PERSON_ROLES or not head.endswith(_EPITHET_ENDINGS) or not T.person_noun(head):
        return False
    return all(w.isalpha() or T.person_noun(w.lower()) for w in words[1:-1]) and "of" not in words


def _role_phrase(m: Mention) -> str:
    """"the prime minister of Ruritania" → "prime minister": the role without determiner and
    place ("the ambassador to Norway" → "ambassador")."""
    words = m.text.lower().split()[1:]
    cut = min((words.index(w) for w in ("of", "to") if w in words), default=len(words))
    return " ".join(words[:cut])


# Nouns for whoever runs a body: "the IAEA chief", "the WHO head".
_TOP_NOUNS = frozenset(("chief", "head", "boss"))
# Titles of a body's top official, which the article may give without the body's name.
_TOP_TITLE = compile_pattern(r"^(?:director[- ]general|secretary[- ]general|executive director|chief executive|"
                        r"president|chairman|chairwoman|chair|managing director)$", re.IGNORECASE)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _body_head(text: str, persons: list[Mention], m: Mention) -> Mention | None:
    """"The IAEA chief said": the one person named before whose role names that body, else
    the one whose role is a body's top title alone ("Director General X") introduced just after
    the article named the body, by name or by its initials (rule body-chief)."""
    words = m.text.split()
    body = " ".join(w for w in words[1:-1] if w[:1].isupper())
    if not body or len(words) > 5 or not all(w[:1].isupper() for w in words[1:-1]):
        return None
    owned = {e.name: e for e in persons if body.lower() in (e.role or "").lower().split()}
    if owned:
        return next(iter(owned.values())) if len(owned) == 1 else None
    names = re.compile(r"(?:[A-Z][\w'’-]+\s+){1,5}")
    titled = {}
    for e in persons:
        if not _TOP_TITLE.match((e.role or "").strip()):
            continue
        before = text[max(0, e.start - 500) : e.start]
        if re.search(r"(?<![\w-])" + re.escape(body) + r"(?![\w-])", before) or any(
                _initials(x.group()) == body for x in names.finditer(before)):
            titled.setdefault(e.name, e)
    return next(iter(titled.values())) if len(titled) == 1 else None


# Role nouns news uses for another's title: "the premier" for the Prime Minister.
_SAME_ROLE = {"premier": ("prime minister",)}


def _person_antecedent(seg: Segmented, starts: list[int], entities: list[_Entity], positions: list[int],
                       m: Mention, head: str, candidates: list[Mention]) -> Mention | None:
    """The named person a role noun ("the minister", "the Chancellor") stands for, or None."""
    gender = _ROLE_GENDER.get(head)
    persons = [e for e in reversed(candidates)
               if e.type == "person" and e.pronoun is None and not e.plural and (gender is None or e.gender in (None, gender))
               and (m.country is None or e.country in (None, m.country) or e.country in _BODY_CODES)]
    own_country = _country_in_words(m)
    if own_country:
        # "Latvia's defence minister" after "defence minister Jan Vik" of a story from Warsaw: a
        # country written into the role phrase is taken only by a person the article or the
        # register gives that country; one of no known country may be anyone's minister, so
        # the phrase stays unnamed rather than confidently another country's (rule
        # country-role-own-country).
        persons = [e for e in persons if _may_be_of(e, m.country, [p.name for p in persons])]
    # ("the French president": no other; "the German commissioner" may serve the EU)
    office = _described_office(m)
    if office:
        noun = m.text.lower().split()[-1]
        if noun in _USUALLY_UNNAMED and any(e.type == "anonymous" and not e.pronoun and _head_word(e.text) == noun
                                            for e in candidates):
            # "A Western diplomat said ... the diplomat added": the unnamed one the article
            # introduced, not a foreign minister named before (rule unnamed-role-first).
            return None
        if m.country and _equivalents().get("<country> " + " ".join(
                w for w in m.text.split()[1:] if not demonym_code(w)).lower()) == office:
            # "the Slovenian leader": a leader the article gives that country, not the nearest
            # chancellor of no stated country
            persons = [e for e in persons if e.country == m.country]
            context = [e.name for e in persons]
            return next((e for e in persons if _holds(e.role, office) or (
                (listed := office_of(e.name, context=context)) is not None and listed.country == m.country
                and _holds(listed.role, office))), None)  # (or the register's office: "President of Russia X")
        return next((e for e in persons if _holds(e.role, office)), None)
    phrase = _role_phrase(m)
    if "former" in phrase.split():
        # "the former Estonian prime minister": one named before whom the register gives that
        # office in the past, never a holder now (rule former-office-holder)
        hit = _former_holder(persons, phrase, m.country)
        if hit is not None:
            m.country = None  # (of the office left: the person's country now is the name's)
        return hit
    bare = " ".join(w for w in phrase.split() if not (country_code(w) and w not in title_words())) if m.country else phrase
    if bare and bare != phrase:
        # "the German chancellor", "the Nato secretary general": a role of that country or
        # body; the person named before who holds it there, by the article's own title and
        # country for them or by the register of office holders (rule country-role-holder).
        context = [e.name for e in persons]
        for e in persons:
            role = (e.role or "").lower()
            if e.country == m.country and role.endswith(bare) and not _SUBORDINATE_ROLE.search(role[: len(role) - len(bare)]):
                return e
            office = office_of(e.name, context=context)
            if office is not None and office.role and office.country == m.country and _holds(office.role.lower(), (bare,)):
                return e
    # Introduced with this role: "the prime minister" is the Prime Minister, not the Deputy Prime Minister.
    for e in persons:
        role = (e.role or "").lower()
        if _FORMER_IN.search(seg.text, max(0, e.start - 45), e.start):
            continue  # "ex-Conservative chancellor Ken Vik"
        # (the role without what it is of: "deputy minister of foreign affairs" is a deputy
        # minister, as "the deputy minister" says; rule role-of-body)
        titles = (role, role.split(" of ", 1)[0].split(" to ", 1)[0]) if not phrase.endswith((" of", " to")) else (role,)
        for same in (phrase, *_SAME_ROLE.get(phrase, ())):
            # ("the premier" is the Prime Minister: rule premier-prime-minister)
            if same and any(title.endswith(same) and not _SUBORDINATE_ROLE.search(title[: len(title) - len(same)])
                            and " of " not in f" {title[: len(title) - len(same)]}"  # "friend of the Tory leader"
                            for title in titles):
                return e
    # (a body's name qualifies the role, even one that stands for the UN: "the IAEA chief")
    qualified = any(w[:1].isupper() and w.lower() not in title_words() and not demonym_code(w)
                    and (country_code(w) is None or _agency_of_body(w)) for w in m.text.split()[1:]) \
        or any(w in _OTHER_OFFICE for w in phrase.lower().replace("-", " ").split()[:-1])
    for e in persons if not qualified else ():  # "the Tory leader" is no Lib Dem leader; "the shadow chancellor" no chancellor
        words = (e.role or "").lower().split()
        if head in words and not _SUBORDINATE_ROLE.search(" ".join(words[: words.index(head)])):
            return e  # (not a "deputy mayor" for "the mayor")
    # The one person the article gives the role, before or after: "Tory leader Ann Berg".
    held = _role_holder(seg.text, entities, phrase, gender)
    if held is not None and (m.country is None or held.country in (None, m.country)) \
            and (not own_country or _may_be_of(held, m.country, [e.name for e in persons])):
        return held
    listed = _listed_holder(persons, phrase, m.country)
    if listed is None and m.country and phrase.split()[:1] and demonym_code(phrase.split()[0]) == m.country:
        # "Turkish president says ..." over a story that names him only further on: the one
        # listed holder of that country's office the article names anywhere
        later = [e.mention for e in entities if e.mention.type == "person" and not e.mention.pronoun
                 and not e.mention.plural and e.mention.start > m.start]
        listed = _listed_holder(later, phrase, m.country)
    if listed is not None:
        return listed
    # Else the person the passage is about, when nothing gives them another role; not for a
    # role with its own qualifier ("the prime minister of Ruritania"), which often introduces
    # someone new.
    # A body's or place's coach or boss ("the United boss", "the England coach") is the person
    # the passage is about too (rule team-role-subject): sports copy names the team, not a rank.
    team = head in _TEAM_ROLES and len(m.text.split()) > 2 and all(w[:1].isupper() for w in m.text.split()[1:-1])
    if head in _TOP_NOUNS and not team:
        boss = _body_head(seg.text, persons, m)
        if boss is not None:
            return boss
    if phrase != head and not team or head in _NAMED_ROLES_ONLY:
        return None
    hit = _recent_subject(seg, starts, entities, m, positions, _is_person)
    if hit is not None and hit.role is None and (gender is None or hit.gender in (None, gender)) \
            and not any(e.mention is hit and e.role for e in entities):  # "... oust chairman Vik"
        if team and (any(e.mention.name == hit.name and head not in (e.role or e.mention.role or head).lower()
                         for e in entities)
                     or seg.text[max(0, hit.start - 12) : hit.start].split()[-1:] and
                     seg.text[max(0, hit.start - 12) : hit.start].split()[-1].lower() in T.PREPOSITIONS):
            return None  # "referee Anna Berg ...", "... ruled out by Berg. '...,' said the Vik player"
        return hit
    return None


def _head_word(phrase: str) -> str:
    """The last word of ``phrase`` before what follows its noun ("A senior diplomat at the
    secretariat" → "diplomat"), lower case."""
    words = phrase.lower().split()
    cut = next((i for i, w in enumerate(words) if i > 0 and (w in T.POSTMODIFIER_STARTS or w in T.RELATIVES)),
               len(words))
    return words[cut - 1] if cut else ""


def _agency_of_body(word: str) -> bool:
    """Whether ``word`` names an agency that speaks for a body ("IAEA" for the UN), not the body
    itself ("UN", "EU"): an agency's name qualifies a role as any body's does."""
    code = country_code(word)
    return code in _BODY_CODES and word.replace(".", "").upper() not in _BODY_CODES


def _office_and_country(words: list[str], country: str | None) -> tuple[str, str | None]:
    """The office a role phrase names and the country its adjective qualifies it with: "french
    president" with FR → ("president", "FR"); without that adjective, the phrase and None."""
    if country and len(words) > 1 and demonym_code(words[0]) == country:
        return " ".join(words[1:]), country
    return " ".join(words), None


def _listed_holder(persons: list[Mention], phrase: str, country: str | None = None) -> Mention | None:
    """The one person named before a role noun whom the register of office holders
    (resolve/offices.py) gives that office, nearest first: "the prime minister" after "Mr
    Vale" when the article never writes the title but Vale is a listed prime minister. None
    when no one or people of two listed offices so fit (rule listed-office-holder). A country's
    adjective qualifies the office instead ("the French president": a listed president of
    France; rule listed-office-of-country)."""
    phrase, country = _office_and_country(phrase.split(), country)
    if country is None and " " not in phrase:
        return None  # a bare "the minister" fits too many offices
    context = [e.name for e in persons]
    fits: dict[str, Mention] = {}
    for e in persons:
        office = office_of(e.name, context=context)
        if office is not None and office.role and _holds(office.role.lower(), (phrase,)) \
                and (country is None or office.country == country):
            fits.setdefault(office.name, e)
    return next(iter(fits.values())) if len(fits) == 1 else None


def _former_holder(persons: list[Mention], phrase: str, country: str | None) -> Mention | None:
    """The one person named before whose listed offices include ``phrase`` without "former"
    (and a country's adjective, of that country) as an office they have left."""
    office, country = _office_and_country([w for w in phrase.split() if w != "former"], country)
    if " " not in office and office not in _PERSON_ROLES:
        return None
    context = [e.name for e in persons]
    fits = {e.name: e for e in persons
            if any(o.end is not None and _holds(o.role.lower(), (office,)) and (country is None or o.country == country)
                   for o in offices_held(e.name, context=context))}
    return next(iter(fits.values())) if len(fits) == 1 else None


def _own_role_noun(m: Mention) -> str | None:
    """The noun of "the correspondent", "our analyst": one lower-case noun for one person that
    is a title but none of the roles resolved otherwise (_PERSON_ROLES and the like), after "the"
    or a newspaper's "our"."""
    words = m.text.split()
    if len(words) != 2 or words[0].lower() not in ("the", "our") or m.plural or m.pronoun \
            or m.type not in ("anonymous", "group"):
        return None
    noun = words[1]
    if not (noun.isalpha() and noun.islower()) or noun in _PERSON_ROLES or noun in _SPOKEN_TO \
            or noun in _MEDIA_NOUNS or noun in _COMPANY_NOUNS or noun in _BODY_HEADS:
        return None
    return noun if noun in title_words() and noun not in _TITLE_PARTS else None


# Words of the title list that name no person but a thing a title is of ("Secretary of State",
# "Home Affairs", "Chief of Staff"): "the state" is never the one who holds such an office.
_TITLE_PARTS = frozenset("""acting affairs air armed army campaign cities city counties county defence defense
    economy education energy exchequer federal finance first force forces foreign former health high home
    incoming intelligence interim interior justice majority military minority national navy outgoing parties
    party policy press prime provincial regional security senior shadow staff state states top trade vice""".split())


def _role_ends_in(role: str | None, noun: str) -> bool:
    """Whether ``role`` is a ``noun`` ("BBC labour affairs correspondent", "researcher with the
    Institute of X": its head, before what it is of or with), not an office of a thing the noun
    names ("Secretary of State" is no "state")."""
    words = (role or "").lower().split()
    words = words[: next((i for i, w in enumerate(words) if i and w in _ROLE_POSTMODIFIERS), len(words))]
    return words[-1:] == [noun] and (len(words) < 2 or words[-2] not in ("of", "for", "the", "to", "and"))


# Words that open what a role is of: "researcher with ...", "lecturer at ...".
_ROLE_POSTMODIFIERS = frozenset(("with", "at", "of", "for", "in", "from", "on"))


def _only_holder(candidates: list[Mention], noun: str) -> Mention | None:
    """The one named person before whose role ends in ``noun``; None when none or two people
    hold it ("the analyst" after two analysts named is either)."""
    holders = {e.name: e for e in reversed(candidates)
               if e.type == "person" and e.pronoun is None and not e.plural and " " in e.name
               and _role_ends_in(e.role, noun)}
    return next(iter(holders.values())) if len(holders) == 1 else None


def _role_antecedent(head: str, candidates: list[Mention], phrase: str = "") -> Mention | None:
    if head in _MEDIA_NOUNS:
        return next((e for e in reversed(candidates) if e.type == "media"), None)
    orgs = [e for e in reversed(candidates) if e.type == "organization" and e.name[:1].isupper()]
    if head in _DIPLOMATIC_HEADS:
        # "the embassy", "the mission": the diplomatic mission the article last named, whatever
        # it calls itself of the two (rule mission-noun)
        return next((e for e in orgs if any(w in _DIPLOMATIC_HEADS[head] for w in e.name.lower().split())), None)
    named = next((e for e in orgs if head in e.name.lower()), None)
    if named is not None or head not in _COMPANY_NOUNS:
        return named
    # "the company", "the firm": the organisation the article last named.
    return orgs[0] if orgs else None


# "The Caribbean island's government", "the country's president": a place its common noun
# stands for, then what of it speaks.
_PLACE_DESCRIBED = compile_pattern(r"(?:[Tt]he\s)?(?:[\w-]+\s){0,2}(?:country|island|nation|kingdom|republic)['’]s\s(.+)")
_PLACE_NAME = compile_pattern(r"(?<![\w’'-])[A-Z][\w’'-]*[a-z](?:['’]s)?")


def name_described_places(seg: Segmented, claims: list[ClaimCandidate]) -> None:
    """(rule place-described) "Plans to film in Vikland ... The Caribbean island's government
    said": the place is the one country the article named (by its name, not a demonym) before
    the phrase, so the speaker is "Vikland's government" of that country; with no country or two
    named before, the speaker is what follows the possessive ("government", "Interior
    Ministry"), as if the place were not described."""
    for m in [c.evidence.mention for c in claims]:
        hit = _PLACE_DESCRIBED.fullmatch(m.text)
        if hit is None or m.pronoun is not None or m.type not in ("organization", "anonymous", "group"):
            continue
        named = set()
        for w in _PLACE_NAME.findall(seg.masked, 0, m.start):
            w = re.sub(r"['’]s$", "", w)
            if (code := country_code(w)) and demonym_code(w) is None and demonym_code(w.removesuffix("s")) is None:
                named.add(code)
        rest = hit.group(1)
        if len(named) == 1 and not m.plural and m.type != "group":
            # (not "the country's foreign partners": people of other places)
            code = named.pop()
            m.name, m.country = f"{country_display_name(code) or code}'s {rest}", code
        else:
            m.name = rest


def name_described_bodies(claims: list[ClaimCandidate]) -> None:
    """"The influential Commons transport committee said": the body is the "Commons transport
    committee"; the describing words before its name ("influential", "powerful", "cross-party")
    are no part of it, and left in they make a named body look unnamed (scoped to the article).

    Only for a body whose head is a body noun (_BODY_HEADS) and whose name, once the lower-case
    words are dropped, starts with a capital. Runs before resolve_references, so that "it" and
    "the committee" later take the name too."""
    for m in [c.evidence.mention for c in claims]:
        if m.type != "organization" or m.pronoun:
            continue
        words = m.name.split()
        if len(words) < 3 or words[-1].lower() not in _BODY_HEADS or not words[0][:1].islower():
            continue
        i = 0
        while i < len(words) - 2 and words[i].islower() and words[i].replace("-", "").isalpha():
            i += 1
        if i and words[i][:1].isupper():
            m.name = " ".join(words[i:])


@lru_cache(maxsize=1024)
def _body_pattern(name: str) -> re.Pattern:
    """The body ``name`` with the word before it: "Norway's Health Ministry"."""
    return re.compile(r"(?<![\w’'-])([A-Z][\w.’'-]*?)(?:['’]s)? " + re.escape(name) + r"(?![\w-])")


def expand_bodies(seg: Segmented, claims: list[ClaimCandidate]) -> None:
    """"The Health Ministry said": the body the article named in full before, with its
    country ("Norway's Health Ministry", "the Norwegian Health Ministry"), nearest first.

    Runs before resolve_references, so that "the ministry" later takes the full name too."""
    text = seg.text
    for m in [c.evidence.mention for c in claims]:
        if m.type != "organization" or m.pronoun or m.country or " " not in m.name or not m.name[:1].isupper():
            continue
        if text.find(" " + m.name, 0, m.start) < 0:
            continue  # never named before with a word in front
        full = None
        for hit in _body_pattern(m.name).finditer(text, 0, m.start):
            if country_code(hit.group(1)):
                full = hit
        if full is not None:
            body = describe(text, full.start(), full.end())
            if body.type == "organization" and body.country and body.name.endswith(m.name):
                m.name, m.country = body.name, body.country


def type_companies(seg: Segmented, claims: list[ClaimCandidate]) -> None:
    """"Microsoft said": a one-word name the article treats as a company is an organisation.

    The evidence is the article's own wording around the name: "Yukos said its ...",
    "Microsoft's shares", "Absa chief executive", "Cairn plc".
    """
    mentions = [c.evidence.mention for c in claims]
    singles = [m for m in mentions
               if m.type == "person" and m.pronoun is None and not m.known_given_name
               and " " not in m.name and m.name[:1].isupper()]
    companies = _company_words(seg.masked) if singles else frozenset()
    for men in singles:
        if men.name in companies and men.gender is None and not (
                _only_spokes_evidence(seg.masked, men.name) and _named_in_full_as_person(seg, men.name)):
            men.type, men.role = "organization", None
    # (check title-word-body) "Air Vik said": a capitalised word read as a title before a
    # one-word name, when the article words the two together as a company's ("Air Vik's
    # managing director", "Air Vik, which ...", "Air Vik plc"): the firm, not Mr Vik.
    for men in mentions:
        if men.type == "person" and men.pronoun is None and not men.known_given_name and men.gender is None \
                and " " not in men.name and men.role and " " not in men.role and men.role[:1].isupper() \
                and f"{men.role} {men.name}" in men.text and _words_as_company(seg.masked, f"{men.role} {men.name}"):
            men.type, men.name, men.role = "organization", f"{men.role} {men.name}", None
    # Names of any length, by wording only a body gets ("an analyst at Vik Lund", "the Vik said")
    # or listed as a well-known organisation (data/organisations.tsv).
    for men in mentions:
        if men.type == "person" and men.pronoun is None and not men.known_given_name and men.gender is None \
                and men.name[:1].isupper():
            if _body_wording(seg.masked, men.name) or listed_organisation(men.name) and not _named_as_person(seg.masked, men.name) or men.role and men.role.split()[-1] in _FIRM_NOUN_SET \
                    and not {"of", "at", "for", "with", "in"} & set(men.role.split()):
                # ("confectionery firm, Vik Lund": a firm's noun read as the role of a person; not
                # "manager of a banking firm")
                men.type, men.role = "organization", None


def _words_as_company(masked: str, name: str) -> bool:
    """Whether the article follows ``name`` by a company's wording (_COMPANY_TAIL, "'s managing
    director", ", which") or puts _BODY_BEFORE ("owned by") before it."""
    return any(_COMPANY_WORDING_AFTER.match(masked, i + len(name)) or _BODY_BEFORE_END.search(masked, max(0, i - 20), i)
               for i in _starts_of(masked, name, _JOINED_BEFORE))


def _starts_of(masked: str, name: str, joined_before: re.Pattern[str]) -> Iterator[int]:
    """Every place ``name`` stands in ``masked`` with no character matching ``joined_before``
    right before it, overlapping ones too: where ``(?<!J)NAME`` may match, found by plain string
    search, so that no pattern is compiled (and tried at every character) for each name."""
    i = masked.find(name)
    while i >= 0:
        if not (i and joined_before.match(masked, i - 1)):
            yield i
        i = masked.find(name, i + 1)


def _named_as_person(masked: str, name: str) -> bool:
    """Whether the article puts an honorific ("Dr Vik") or a known given name ("Anna Vik")
    right before ``name``."""
    for word in _words_before(masked, name):
        word = word.lower()
        if word in HONORIFICS or word in ("dr", "prof", "professor") or first_names().get(word) is not None:
            return True
    return False


def _words_before(masked: str, name: str) -> Iterator[str]:
    r"""The capitalised word before each whole ``name`` ("Dr| Vik", "Anna| Vik"), as
    ``finditer`` of ``([A-Z][\w’'-]*)\.? NAME(?![\w’'&-])`` gives its group, left to right and
    not overlapping: by plain string search, with no pattern compiled for each name. A match
    starts at the first capital of the run of word characters before the (optional) full stop
    and the space, and no earlier than where the one before ended."""
    done = 0  # where the last match ended: the next one starts there or later
    for i in _starts_of(masked, name, _NOTHING_BEFORE):
        if i < 1 or masked[i - 1] != " " or _JOINED_AFTER.match(masked, i + len(name)):
            continue
        end = i - 2 if i >= 2 and masked[i - 2] == "." else i - 1
        start = end
        while start > done and _JOINED_BEFORE.match(masked, start - 1):
            start -= 1
        while start < end and not "A" <= masked[start] <= "Z":
            start += 1
        if start < end:
            done = i + len(name)
            yield masked[start:end]


_FIRM_NOUN_SET = frozenset(_FIRM_NOUNS.split("|"))
# People who work at a body ("an analyst at Vik Lund"); a person is not where people work.
_WORKERS_AT = (r"\b(?:analyst|economist|strategist|manager|director|executive|officer|spokes(?:man|woman|person)|"
               r"engineer|researcher|consultant|trader|employee|worker|staff)s? at ")
# A subject only a body is: "the bank said", "the firm added".
_FIRM_SUBJECT = compile_pattern(r"\b[Tt]he (?:" + _FIRM_NOUNS + r") (?:said|says|added|announced|reported|warned)\b")


# The wording around a name that makes it a body's (_body_wording), each pattern fixed once:
# the name itself is found by plain string search, so no pattern is compiled per name.
_WORKERS_AT_BEFORE = compile_pattern(r"(?:" + _WORKERS_AT + r")\Z")
_FIRM_NOUN_BEFORE = compile_pattern(r"\b(?:" + _FIRM_NOUNS + r"|brokerage) \Z")
_THE_BEFORE = compile_pattern(r"(?<![A-Za-z] )\b[Tt]he \Z")
# How the text before the name ends when each of the three above can match there ("... at ", a
# firm's noun and a space, "the "): tested first, as each of them opens with a look-behind or a
# word boundary and so is tried at every one of the 80 characters before each mention.
_WORKERS_AT_END = " at "
_FIRM_NOUN_ENDS = tuple(f"{noun} " for noun in _FIRM_NOUNS.split("|")) + ("brokerage ",)
_THE_ENDS = ("the ", "The ")
_THE_AFTER = compile_pattern(r"(?:['’]s)? (?:(?:has |had )?(?:said|announced|added|reported)|says|survey|index|figures|data)\b")
_PARTY_AFTER = compile_pattern(r" [Pp]arty\b")
_STATEMENT_AFTER = compile_pattern(r" (?:said|says) in a statement\b")
_LONGER_NAME = compile_pattern(r"[\w’'&-]| [A-Z]")
_NAME_JOINED = compile_pattern(r"[\w’'&-]\Z")


@lru_cache(maxsize=256)
def _body_wording(masked: str, name: str) -> bool:
    """Whether the article words ``name`` (a speaker read as a person with no known given name
    or honorific) as a body's: people work at it ("an economist at Vik Lund"), a company's noun
    comes before it ("the brokerage Vik Lund"), it takes "the"
    as no person's name does ("the Vik said", "the Vik survey"), a party's word follows it ("the
    Vik Party"), or it said something "in a statement" and "the bank"/"the firm" speaks later."""
    if name.split()[0].lower() in title_words() or name.lower() in HONORIFICS or first_names().get(name.split()[0].lower()):
        return False
    said_at = None
    pos = masked.find(name)
    while pos >= 0:
        end = pos + len(name)
        before = masked[max(0, pos - 80) : pos]
        joined = _NAME_JOINED.search(before) is not None  # "...xVik": inside another word
        if not joined and _PARTY_AFTER.match(masked, end):
            return True
        if _LONGER_NAME.match(masked, end) is None:  # the whole name, not the start of a longer one
            if before.endswith(_WORKERS_AT_END) and _WORKERS_AT_BEFORE.search(before) \
                    or before.endswith(_FIRM_NOUN_ENDS) and _FIRM_NOUN_BEFORE.search(before) \
                    or before.endswith(_THE_ENDS) and _THE_BEFORE.search(before) and _THE_AFTER.match(masked, end):
                return True
            if said_at is None and not joined and (said := _STATEMENT_AFTER.match(masked, end)) is not None:
                said_at = said.end()
        pos = masked.find(name, pos + 1)
    return said_at is not None and _FIRM_SUBJECT.search(masked, said_at) is not None


# Wording that treats a name as a body: "Vik Instruments, which makes ...", "Vik Instruments
# said it ...", "a chip developed by Vik Instruments" (what a product or a place does not do).
_BODY_AFTER = r"(?:, which\b|[^.;:!?\n]{0,120}?\b(?:said|says|added|announced|reported|warned) (?:that )?its?\b)"
_BODY_BEFORE = (r"\b(?:developed|made|built|designed|produced|created|owned|run|operated|founded|published|"
                r"manufactured|backed|funded|supplied|bought|acquired) by ")
# The wordings around a name found by plain string search (_starts_of), each pattern fixed once.
# What may not stand right before or after a whole name.
_JOINED_BEFORE = compile_pattern(r"[\w’'-]")
_JOINED_BEFORE_AMP = compile_pattern(r"[\w’'&-]")
_JOINED_AFTER = _JOINED_BEFORE_AMP
_NOTHING_BEFORE = compile_pattern(r"(?!)")
_WORD_END = compile_pattern(r"\b")
# An honorific ending where a surname starts (type_short_companies); "Miss. " is the longest.
_HONORIFIC_END = compile_pattern(r"(?:Mr|Mrs|Ms|Dr|Miss)\.? \Z")
# A company's wording after the name (_words_as_company).
_COMPANY_WORDING_AFTER = compile_pattern(r"(?:" + _COMPANY_TAIL + r"|['’]s managing director\b|, which\b)")
# A body's wording after the whole name (_treated_as_body).
_BODY_WORDING_AFTER = compile_pattern(r"(?![\w’'&-])" + _BODY_AFTER)
# _BODY_BEFORE ending where the name starts; 20 characters before it hold the longest.
_BODY_BEFORE_END = compile_pattern(_BODY_BEFORE + r"\Z")


def type_short_companies(seg: Segmented, claims: list[ClaimCandidate]) -> None:
    """"Vik Instruments ... said Vik": a one-word speaker read as a person that is the first
    word of a longer name the article gave before it ever used the word alone, which names no
    person (no known given name or title) and which the article treats as a body, is that body
    by its short name: people are called by their surname, the last word; companies by their
    first ("Goldman"). The speaker takes the long name.

    The body evidence is the long name's own (_treated_as_body): an organisation word ("Vik
    Airways"), company wording ("Vik Instruments' shares"), "Vik Instruments, which makes ...",
    "developed by Vik Instruments". A product named after its maker ("Vik Plus") has none, and
    the maker is mostly named alone before it."""
    singles = [c.evidence.mention for c in claims]
    singles = [m for m in singles if m.type == "person" and m.pronoun is None and not m.known_given_name
               and m.gender is None and not m.role and " " not in m.name and m.name[:1].isupper()
               and m.text == m.name and first_names().get(m.name.lower()) is None]
    if not singles:
        return
    text, masked = seg.text, seg.masked
    longer: dict[str, Mention | None] = {}
    for name in {m.name for m in singles}:
        longer[name] = None
        first = _first_whole_word(masked, name)
        more = _NAME_GOES_ON_WORDS.match(masked, first + len(name)) if first >= 0 else None
        if more is None:
            continue  # the word alone comes first: the long name is another thing
        if _CAPITAL_BEFORE.search(masked, max(0, first - 40), first):
            continue  # "Donald Trump Finally Endorses ...": a surname inside a name, not a first word
        full = describe(text, first, more.end())
        if full.name != masked[first : more.end()] or full.known_given_name or full.gender or full.pronoun is not None \
                or full.type not in ("person", "organization"):
            continue
        if any(_title_case_cue(word) for word in full.name.split()[1:]):
            continue  # "Vucic Says Serbia Will Not ...": a title-case headline's verb, no body's name
        surname = full.name.rsplit(None, 1)[-1]
        if any(_WORD_END.match(masked, i + len(surname)) and _HONORIFIC_END.search(masked, max(0, i - 6), i)
               for i in _starts_of(masked, surname, _NOTHING_BEFORE)):
            continue  # "Mr Moen": the long name is a person's
        if any(_WHO_AFTER.match(masked, i + len(full.name)) for i in _starts_of(masked, full.name, _NOTHING_BEFORE)):
            continue  # "Halvard Moen, who ...": a person
        if full.type == "organization" or _treated_as_body(masked, full.name):
            full.start = first
            longer[name] = full
    for m, name in [(m, m.name) for m in singles]:  # (a mention two claims share is renamed once)
        full = longer[name]
        if full is not None and full.start < m.start:
            m.name, m.type = full.name, "organization"


# A capitalised word right before (on the same line): the word after it is inside a name.
_CAPITAL_BEFORE = compile_pattern(r"[A-Z][\w’'-]*[ \t]+$")
# The capitalised words that carry a name on: "Vik| Instruments", up to three.
_NAME_GOES_ON_WORDS = compile_pattern(r"(?: [A-Z][\w&’'-]*[A-Za-z]){1,3}(?![\w’'&-])")


def _first_whole_word(masked: str, word: str) -> int:
    """Where ``word`` first stands as a whole word in ``masked`` (not inside "Vik's-" or
    "Vik&Co"), or -1: a plain search instead of a pattern compiled for the word."""
    i = masked.find(word)
    while i >= 0:
        j = i + len(word)
        if not (i and (masked[i - 1].isalnum() or masked[i - 1] in "_’'&.-")) \
                and not (j < len(masked) and (masked[j].isalnum() or masked[j] in "_’'&-")):
            return i
        i = masked.find(word, j)
    return -1


def _treated_as_body(masked: str, name: str) -> bool:
    """Whether the article's wording treats the long name ``name`` as a body: an organisation
    word ends it, company wording (_company_words), _BODY_AFTER or _BODY_BEFORE."""
    if name.rsplit(None, 1)[-1].lower() in ORG_WORDS or name in _company_words(masked):
        return True
    end = len(name)
    return any(_BODY_WORDING_AFTER.match(masked, i + end)
               or not _JOINED_AFTER.match(masked, i + end) and _BODY_BEFORE_END.search(masked, max(0, i - 20), i)
               for i in _starts_of(masked, name, _JOINED_BEFORE_AMP))


def type_surnames(seg: Segmented, claims: list[ClaimCandidate]) -> None:
    """"Fox told the paper ...": a one-word name read as an outlet or a company is the person
    the article named in full before ("Edward Fox", a known given name), unless the article
    treats the name as a company ("Ford's shares", "Ford said its ..."). After an honorific
    ("Mr Fox said") it is a person in any case."""
    singles = [c.evidence.mention for c in claims
               if c.evidence.mention.type in ("media", "organization") and c.evidence.mention.pronoun is None
               and " " not in c.evidence.mention.name and c.evidence.mention.name[:1].isupper()]
    for men in singles:
        honorific = men.text[: -len(men.name)].strip().lower() if men.text.endswith(" " + men.name) else ""
        if honorific in HONORIFICS:
            # "Mr Fox said": a person whatever outlet shares the name
            men.type, men.gender = "person", men.gender or HONORIFICS[honorific] or None
    singles = [men for men in singles if men.type != "person" and men.text == men.name]
    if not singles:
        return
    # Where the article first names each one in full as a person, looked up once per name.
    first_full: dict[str, tuple[int, str | None] | None] = {}
    for name in {men.name for men in singles}:
        first_full[name] = None
        for start, end in _after_capitalised_word(seg.masked, name):
            full = describe(seg.text, start, end)
            if full.type == "person" and full.known_given_name and full.name.endswith(" " + name):
                first_full[name] = (start, full.gender)
                break
    companies = None
    for men in singles:
        full = first_full[men.name]
        if full is not None and full[0] < men.start:
            if companies is None:
                companies = _company_words(seg.masked)
            if men.name not in companies:
                men.type, men.gender = "person", men.gender or full[1]


def _named_in_full_as_person(seg: Segmented, name: str) -> bool:
    """Whether the article names ``name`` in full as a person somewhere ("Anna Lund" for "Lund")."""
    for start, end in _after_capitalised_word(seg.masked, name):
        full = describe(seg.text, start, end)
        if full.type == "person" and full.known_given_name and full.name.endswith(" " + name):
            return True
    return False


def _only_spokes_evidence(masked: str, name: str) -> bool:
    """Whether the only company wording about the one-word ``name`` is its spokesperson ("Lund's
    spokeswoman"): people have spokespeople as companies do, so a name the article gave in
    full as a person's stays that person's."""
    tails = [m.group()[len(m.group(1)):] for m in _COMPANY_EVIDENCE.finditer(masked) if m.group(1) == name]
    return bool(tails) and all(re.match(r"(?:'s|’s)? spokes", t) for t in tails)


def _after_capitalised_word(masked: str, name: str) -> list[tuple[int, int]]:
    r"""The spans of a capitalised word of two letters or more, a space and ``name`` as a whole
    word ("Edward Fox" for "Fox"), in text order, as ``(?<![\w’'-])[A-Z][\w’'-]+ NAME(?![\w’'-])``
    would find them; a plain search for the name instead of a pattern compiled for it."""
    out: list[tuple[int, int]] = []
    taken = 0  # where the last span found ends: spans do not overlap
    i = masked.find(" " + name)
    while i >= 0:
        end = i + 1 + len(name)
        if not _JOINER.match(masked, end):
            start = i
            while start > taken and _JOINER.match(masked, start - 1):
                start -= 1
            if i - start >= 2 and "A" <= masked[start] <= "Z" and not (start and _JOINER.match(masked, start - 1)):
                out.append((start, end))
                taken = end
        i = masked.find(" " + name, i + 1)
    return out


def keep_name_titles(claims: list[ClaimCandidate], mentions: list[Mention]) -> None:
    """"Lord Browne said": the title stays in the name, which is not the Des Browne of the next
    paragraph (run before expand_surnames, which then leaves it alone) nor any other Browne
    across documents."""
    for m in [c.evidence.mention for c in claims] + mentions:
        if m.type != "person" or m.pronoun is not None or not m.role or " " in m.name:
            continue
        # The title is the last word of the role, right before the name: "Lord Vik", and
        # "Former Fisheries Minister Lord Vik" (role "Former Fisheries Minister").
        rest, _, title = m.role.rpartition(" ")
        if title.lower() in _NAME_TITLES and f"{title} {m.name}" in m.text:
            m.name = f"{title} {m.name}"
            m.role = rest or None


# (The initial first, as in _COMPANY_EVIDENCE: a scan for "S" and "D" finds where to try it.)
_KNIGHTED = compile_pattern(r"(?:S(?<!\wS)ir|D(?<!\wD)ame) ([A-Z][a-z]+)((?: [A-Z][\w’'-]+)+)")


def expand_knights(seg: Segmented, claims: list[ClaimCandidate]) -> None:
    """"Sir John said", and the "he" taken for him: the person the article named in full with
    that title and given name ("Sir John Stevens"), the British way of naming a knight or dame
    again. Only when the article gives one such full name for that given name."""
    mentions = [c.evidence.mention for c in claims]
    given = {m.name for m in mentions if m.type == "person" and " " not in m.name and m.name[:1].isupper()
             and first_names().get(m.name.lower()) is not None}
    if not given:
        return
    fulls: dict[str, set[str]] = {}
    for hit in _KNIGHTED.finditer(seg.masked):
        if hit.group(1) in given:
            fulls.setdefault(hit.group(1), set()).add(hit.group(1) + hit.group(2))
    for m in mentions:
        options = fulls.get(m.name) if m.type == "person" else None
        if options and len(options) == 1:
            m.name = next(iter(options))
            if m.role in ("Sir", "Dame"):
                m.role = None


def _opening_participle(text: str, start: int, word: str) -> bool:
    """``word``, at ``start``, opens a sentence with a participle ("Joining Petrov and Berg,
    the envoy ..."): no given name of a person, unless it is a known one."""
    if len(word) < 6 or not word.endswith("ing") or not word[1:].islower() or first_names().get(word.lower()):
        return False
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".!?\n\"“”"


def _title_case_cue(word: str) -> bool:
    """A reporting verb written with a capital, as headlines write every word ("Kremlin
    Rejects Plan, Says Peskov"): no given name, unless it is a known one ("Said")."""
    return word[1:].islower() and word.lower() in cue_words() and first_names().get(word.lower()) is None


def expand_given_names(seg: Segmented, claims: list[ClaimCandidate]) -> None:
    """"Sharon said": a known given name alone, after expand_surnames found no one with it as a
    surname, is the one person the article named in full with that given name ("Sharon
    Osbourne"), as news calls celebrities and players by their first names."""
    mentions = [c.evidence.mention for c in claims if _bare_given_name(c.evidence.mention)]
    given = {m.name for m in mentions}
    if not given:
        return
    fulls: dict[str, set[str]] = {}
    for name in given:
        if any(not styled_before(seg.masked, hit.end() - len(name) - 1)
               for hit in re.finditer(r"[A-Z][\w’'-]+ " + re.escape(name) + r"(?![\w’'-])", seg.masked)):
            # someone has it as a surname ("Ray Charles", "Peter Kim"): not a first name here;
            # a style of address before it is no given name ("Datuk Seri Mohamad Hasan")
            continue
        # The given name and one surname, no more capitalised words after ("Steve Redgrave Trust").
        for hit in re.finditer(r"(?<![\w’'-])" + re.escape(name) + r" [A-Z][\w’'-]+(?![\w’'-]| [A-Z])", seg.masked):
            full = describe(seg.text, hit.start(), hit.end())
            if full.type == "person" and full.name.startswith(name + " ") \
                    and not any(w.lower() in ORG_WORDS for w in full.name.split()):  # "Steve Redgrave Trust"
                fulls.setdefault(name, set()).add(full.name)
    for m in mentions:
        options = fulls.get(m.name)
        if options and len(options) == 1:
            m.name = next(iter(options))


def _bare_given_name(m: Mention) -> bool:
    """A person called by a known given name alone, with no title or honorific ("Serena said";
    not "Mr Howard", "ex-King Michael")."""
    return m.type == "person" and m.pronoun is None and " " not in m.name and m.name[:1].isupper() \
        and not m.role and first_names().get(m.name.lower()) is not None \
        and not any(w.lower().rstrip(".") in HONORIFICS or w.lower() in _NAME_TITLES for w in m.text.split())


# A name that goes on past a lower-case particle: "... Lula da Silva", "... Rutte van der Berg".
_PARTICLE_GOES_ON = compile_pattern(r"(?:[ \t](?:da|das|de|do|dos|di|del|della|van|von|der|den|ter|bin|ibn)){1,2}"
                               r"[ \t][A-Z][\w’'-]*[a-z][\w’'-]*(?![\w’'-])")


def expand_surnames(seg: Segmented, claims: list[ClaimCandidate]) -> None:
    """"Blair said": the person the article named in full ("Tony Blair"), nearest before it.
    A name that the article gives only as the first word of a two-word name, which is no known
    given name, is the family name written first ("spokesman Hong Lei ... Hong said", "President
    Xi Jinping ... Xi said"), when the article names one such person, after a title that shows
    the name is a person's (not "Microsoft Word", "Sky Plus")."""
    mentions = [c.evidence.mention for c in claims]
    singles = {m.name for m in mentions
               if m.type == "person" and m.pronoun is None and " " not in m.name and m.name[:1].isupper()}
    if not singles:
        return
    # Two-word names a claim gives a person with a role ("Tam Wenli, a lecturer at ..., said").
    persons = {m.name for m in mentions if m.type == "person" and m.role and m.name.count(" ") == 1}
    text = seg.text
    found: dict[str, list[tuple[int, Mention]]] = {}
    family: dict[str, dict[str, tuple[int, Mention]]] = {}  # family name first: "Hong" -> "Hong Lei"
    for run_start, run_end in _name_runs(seg.masked):
        run = seg.masked[run_start:run_end]
        surname = run.rsplit(None, 1)[-1]
        words = run.split()
        family_name = words[-2] if len(words) >= 2 else ""
        if family_name in singles and surname not in singles and first_names().get(family_name.lower()) is None and (
                len(words) == 2 and (_lower_role_before(seg.masked, 0, run_start) is not None or run in persons)
                or len(words) > 2 and all(w.lower() in title_words() or demonym_code(w) for w in words[:-2])):
            # "spokesman Hong Lei", "Vice Premier Zhao Minghui", "Chinese President Xi Jinping": a
            # title, then the family name first; or a speaker's two-word name ("Tam Wenli, a
            # lecturer, said")
            full = describe(text, run_start, run_end)
            if full.type == "person" and full.name == f"{family_name} {surname}":
                family.setdefault(family_name, {})[full.name] = (run_start, full)
        if surname not in singles:
            continue
        before = text[max(0, run_start - 8) : run_start].split()[-1:] + words
        k = next((x for x, w in enumerate(before) if w.lower() in T.MONTHS), None)
        if k and before[k - 1].lower() in ("in", "since", "by", "until", "last", "from"):
            continue  # "In December Microsoft said": a date, then the name
        start = run_start
        if _opening_participle(text, start, words[0]) or _title_case_cue(words[0]) or words[0].lower() in T.DETERMINERS:
            # ("Some Vikco operations were criticised": a determiner, no given name)
            if len(words) < 3:
                continue
            start += len(words[0]) + 1
        full = describe(text, start, run_end)
        if full.type == "person" and full.name.endswith(surname) and " " in full.name:
            longer = _PARTICLE_GOES_ON.match(text, run_end)
            if longer is not None:
                whole = describe(text, start, longer.end())
                if whole.type == "person" and whole.name.startswith(full.name + " "):
                    # "President Luiz Inácio Lula da Silva ... Lula said": the name goes on past
                    # the particle, and "Lula" is all of it (rule name-past-particle).
                    full = whole
            found.setdefault(surname, []).append((run_start, full))
    for m in mentions:
        options = found.get(m.name) if m.pronoun is None and m.type == "person" else None
        # A "he" resolved to a family name takes the full name too ("Hong said ... He noted").
        if not options and m.type == "person" and len(family.get(m.name, ())) == 1:
            options = list(family[m.name].values())
        if options and m.gender:
            # "Mr. Obama" is not the Michelle Obama the article also names.
            options = [(pos, full) for pos, full in options if full.gender in (None, m.gender)]
        if not options:
            continue
        before = [full for pos, full in options if pos <= m.start]
        full = before[-1] if before else options[0][1]
        m.name = full.name
        m.role = m.role or full.role
        m.country = m.country or full.country
