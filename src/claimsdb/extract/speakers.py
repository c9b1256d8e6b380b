"""Speaker phrases: find their extent around a cue and say who they name.

``describe`` turns a phrase such as "Italy's Foreign Minister Antonio Tajani" into a name
("Antonio Tajani"), a type (person), a role ("Foreign Minister") and a country (IT).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimsdb.extract import tokens as T
from claimsdb.extract.lexicon import cue_words, first_names, media_names, phrase_list, speaker_nouns, title_words, word_set
from claimsdb.resolve import countries
# Compiled once per machine (claimsdb.pattern_cache): the same pattern objects as re.compile's.
from claimsdb.pattern_cache import compile_pattern

# Words that make a capitalised phrase an organisation rather than a person.
ORG_WORDS = word_set("org_words.txt")
HONORIFICS = {"mr": "he", "mr.": "he", "mrs": "she", "mrs.": "she", "ms": "she", "ms.": "she",
              "sir": "he", "lord": "he", "lady": "she", "dame": "she", "king": "he", "queen": "she",
              # titles of nobility: "Baroness Vikland" is a peer, even when her title is a place's name
              "baroness": "she", "viscount": "he", "viscountess": "she", "countess": "she",
              "marquess": "he", "marchioness": "she"}
# A place's name made a modifier before a name: "Paris-based", "London-based".
_PLACE_BASED = compile_pattern(r"[A-Z][\w’'.-]*-based (?=[A-Z])")
# A role that only gives an age ("the 64-year-old", "Fifteen-year-old"): no role.
_AGE_ONLY = compile_pattern(r"(?i)(?:\d+|[a-z]+(?:-[a-z]+)?)-years?-old")
# Around a name in the phrase ('"LPR" members'), not part of it.
_QUOTE_MARKS = frozenset("\"“”„«»")
_POSSESSIVE = compile_pattern(r"['’]s?$")
_HONORIFIC_NAME = compile_pattern(r"\b(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+[A-Z][\w'’-]*")


@dataclass(slots=True)
class Mention:
    """A speaker mention in the text and what it names."""

    start: int
    end: int
    text: str
    name: str
    type: str
    role: str | None = None
    country: str | None = None
    plural: bool = False
    pronoun: str | None = None  # "he", "she", "they", "it", "we", "i", "who", "which"
    gender: str | None = None  # "he" / "she" when the text tells (honorific, given name, pronoun)
    known_given_name: bool = False  # the name starts with a known given name ("Tony Blair")


@lru_cache(maxsize=16384)
def country_code(text: str) -> str | None:
    """The country a word or phrase of prose names; codes count only in capitals ("US", not "us").
    (Remembered per text: the name finders ask about every word of every speaker phrase.)"""
    if len(text) <= 3 and not text.isupper():
        return None
    if len(text) <= 4 and text.isupper():
        # Prose abbreviations ("US", "UK", "EU") count; a bare ISO code does not: "GM" is a
        # carmaker, not Gambia, and "BT" a telecoms firm, not Bhutan.
        found = countries.find_countries(text)
        return found[0].code if found and found[0].start == 0 and found[0].end == len(text) else None
    return countries.country_code(text)


country_of_phrase = countries.country_of_phrase


def countries_listed(phrase: str) -> bool:
    """"Hungary, Slovakia": two to four countries a headline lists with a comma for "and"
    (rule heading-comma-list)."""
    pieces = phrase.split(", ")
    return 2 <= len(pieces) <= 4 and all(country_code(piece) for piece in pieces)
country_display_name = countries.country_name
_demonym = countries.demonym_code


@lru_cache(maxsize=16384)  # a pure function of one word, asked of the same words again and again
def _strip_possessive(word: str) -> str:
    return _POSSESSIVE.sub("", word) if word.endswith(("'s", "’s", "'", "’")) else word


# Months written short are given names too ("Jan Vik"), never a speaker's date word.
_MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())


@lru_cache(maxsize=16384)
def _is_name_word(tok: str) -> bool:
    low = tok.lower()
    if not (tok[:1].isupper() or T.PARTICLE_NAME.match(tok)) or low in title_words() or low in T.CLAUSE_WORDS or (
            low in T.DATE_WORDS and low not in T.MONTHS and low not in _MONTH_ABBREVIATIONS):
        return False  # months stay: "Theresa May", "April Ryan"; and "Jan" (check month-word-name)
    if "-" in low and any(part in title_words() for part in low.split("-")):
        return False  # "Vice-President", "Ex-Minister"
    if low in ORG_WORDS:
        return False
    return True


def describe(text: str, start: int, end: int, appositive: str | None = None,
             core_end: int | None = None) -> Mention:
    """What the speaker phrase ``text[start:end]`` names.

    With an ``appositive`` ("Kaja Kallas, the EU's top diplomat"), ``core_end`` marks where the
    noun phrase before the comma ends: the name comes from whichever side has one, the role from
    the other.
    """
    phrase = text[start:end]
    split = None if core_end is None else core_end - start
    m = _describe_phrase(phrase, appositive, split)
    if m.type == "group" and m.plural and " and " in m.name and m.name[:1].isupper() and appositive is None \
            and _PREPOSITION_BEFORE.search(text, max(0, start - 12), start):
        # "... a job at Vikton and Berg has said": the first name is what the preposition takes;
        # the "and" joins two clauses, and the speaker is the last name alone (check
        # name-split-off-body).
        tail = phrase.rsplit(" and ", 1)[1]
        return describe(text, end - len(tail), end)
    # The cache holds one Mention per phrase; every caller gets its own copy with its offsets.
    return Mention(start, end, phrase, m.name, m.type, m.role, m.country, m.plural, m.pronoun, m.gender,
                   m.known_given_name)


def _copy(m: Mention) -> Mention:
    """A copy of ``m`` to change, leaving the cached one as it was."""
    return Mention(m.start, m.end, m.text, m.name, m.type, m.role, m.country, m.plural, m.pronoun, m.gender,
                   m.known_given_name)


_PREPOSITION_BEFORE = compile_pattern(r"\b(?:at|to|in|on|from|with|against|for|by|over|into|of) $")


def no_age_role(role: str | None) -> str | None:
    """``role`` unless it only gives an age ("64-year-old"), which says how old, not what they do."""
    return None if role is not None and _AGE_ONLY.fullmatch(role.strip()) else role


@lru_cache(maxsize=1)
def _dotted_given_names() -> frozenset[str]:
    """Given names written with dots after them ("st."), without the dots."""
    return frozenset(name.rstrip(".") for name in first_names() if name.endswith("."))


def may_have_known_given_name(phrase: str) -> bool:
    """False when ``describe`` of ``phrase`` cannot say ``known_given_name``: no word of the
    phrase is a known given name, with or without a possessive or the dots read onto it. A
    test cheaper than describing a phrase never seen before."""
    given = first_names()
    dotted = _dotted_given_names()
    for token in T.token_texts(phrase):
        low = token.lower()
        if low in given or _strip_possessive(low) in given or low in dotted:
            return True
    return False


# The tokens _words drops or joins to the word before; the words of most phrases hold none.
_NOT_WORDS = frozenset(("(", ")", ".", ",", ";")) | _QUOTE_MARKS


def _words(phrase: str) -> list[str]:
    """The words of a speaker phrase: its tokens without punctuation, a parenthesis or
    quotation marks, a full stop joined to the word before it."""
    tokens = T.token_texts(phrase)
    if _NOT_WORDS.isdisjoint(tokens):
        return tokens  # (what the loop below keeps of such tokens: all of them, unchanged)
    words: list[str] = []
    depth = 0
    for token in tokens:
        depth += (token == "(") - (token == ")")
        if depth > 0 or token == ")":
            continue  # "Rep. Adam Schiff (D-Calif.)": the parenthesis is not part of the name
        if token == "." and words:
            words[-1] += "."  # an initial or abbreviation: "Michael C. Cernech", "Mrs. Clinton"
        elif token not in ",;" and token not in _QUOTE_MARKS:
            words.append(token)
    return words


# An office no longer held: "a former NATO commander, US General X" speaks for no body now.
_FORMER = compile_pattern(r"\b(?:former|ex|retired|then)\b", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _describe_phrase(phrase: str, appositive: str | None, split: int | None) -> Mention:
    m = _describe(phrase, 0, len(phrase), appositive, split)
    # (a style of address is left out here, once per phrase: the cache keeps the result)
    return _without_style(m) if _styled().search(phrase) else m


def _describe(text: str, start: int, end: int, appositive: str | None = None,
              core_end: int | None = None) -> Mention:
    """What the speaker phrase ``text[start:end]`` names (uncached).

    With an ``appositive`` ("Kaja Kallas, the EU's top diplomat"), ``core_end`` marks where the
    noun phrase before the comma ends: the name comes from whichever side has one, the role from
    the other.

    It stays one long function on purpose: its readings are tried in order and an earlier one
    blocks the later ones (an appositive, then the words of the phrase: determiners, pronouns,
    unnamed groups, titles before a name, organisation words, a person's name); pieces of it
    would each need the phrase, its words and what was already ruled out. Its cases are tested
    one by one (tests/extract/test_speakers_titles.py, tests/test_extract.py).
    """
    if appositive is not None and core_end is not None:
        # Each side through the cache (the same words are often described alone too): the
        # cached mentions are read, never changed; the one returned is a copy (below).
        main = _describe_phrase(text[start:core_end], None, None)
        app_start = end - len(appositive)
        other = _describe_phrase(text[app_start:end], None, None)
        # "The head of the IMF, Kristalina Georgieva": the name is in the appositive; but one
        # person never stands in apposition to a plural ("Officials at X, a division of Y").
        relative = appositive.split(" ", 1)[0].lower() in ("who", "whose", "which", "that")
        # "The chancellor, speaking during a tour of Africa,": what the speaker was doing, no name
        # for them (not a person called Africa)
        doing = _what_they_did(appositive)
        # "Supreme Allied Commander Europe, General Anna Lund": a title ending in a place is
        # read as a person called Europe; the appositive, capitalised, gives the full name.
        titled_name = main.type == "person" and other.type == "person" and " " not in main.name \
            and not main.known_given_name and other.known_given_name and " " in other.name \
            and appositive[:1].isupper() and main.name.split()[-1] != other.name.split()[-1]
        if (main.type != "person" and other.type == "person" or titled_name) and main.pronoun is None and not main.plural \
                and not relative and not doing:  # "a man who was questioned by Ann Berg": the man
            main, other = other, main
            role_text = text[start:core_end]
        else:
            role_text = appositive
        main = _copy(main)
        main.start, main.end, main.text = start, end, text[start:end]
        if _what_they_did(role_text):
            return main  # "Trump, speaking to a veterans group, said": what they did, not a role
        if main.type == "person" and not main.known_given_name and " " not in main.name and other.type in (
                "organization", "media") and other.name[:1].islower() and not other.plural:
            # "Acme, the state energy firm,": a body named by one word, not a person
            main.type, main.role = other.type, None
        if main.type == "person" and not main.role:
            # "the head of the harbour authority": the whole phrase is the role
            of_phrase = re.search(r"\b(?:of|for|to|at)\b", role_text) is not None
            main.role = (of_phrase and _role_phrase(role_text)) or _role(role_text.split(), "", None) or _clean_role(role_text)
        main.country = main.country or country_of_phrase(
            text[start:end].replace(main.name, " ") if main.type == "person" else text[start:end])
        body = country_of_phrase(role_text)
        if body in countries.ORG_CODES and main.type == "person" and not _FORMER.search(role_text) and any(
                m.form == "org" and m.code == body for m in countries.find_countries(role_text)):
            # "NATO's top commander in Europe, US Air Force General X": speaking for the body
            # whose office the other side names by name (not "a Brussels-based group"),
            # whatever the nationality.
            main.country = body
        return main
    phrase = text[start:end]
    words = _words(phrase)
    low_words = list(map(str.lower, words))
    mention = Mention(start, end, phrase, phrase, "person")
    if len(words) == 1 and low_words[0].replace("’", "'").split("'")[0] in ("i", "we", "he", "she", "they") \
            and "'" in low_words[0].replace("’", "'"):
        low_words = [low_words[0].replace("’", "'").split("'")[0]]  # "I'm", "He's", "They've": the pronoun
    if len(words) == 1 and low_words[0] in T.PRONOUNS:
        mention.pronoun = T.PRONOUNS[low_words[0]]
        mention.plural = mention.pronoun in ("they", "we")
        mention.gender = mention.pronoun if mention.pronoun in ("he", "she") else None
        return mention
    # Leading determiners are not part of a name.
    core = list(words)
    while core and core[0].lower() in ("the", "a", "an"):
        core = core[1:]
    determined = len(core) < len(words)
    if not core:
        mention.type = "group"
        return mention
    if len(core) == 1 and core[0].lower() in T.QUANTIFIER_SPEAKERS:
        # "Some said", "Others argue": people the article does not name, not a name
        mention.type, mention.name, mention.plural = "group", core[0].lower(), True
        return mention
    core_text = " ".join(core)
    full = phrase + (" " + appositive if appositive else "")
    # "Holland and Ferguson": a coordinated country is not the speaker's own.
    # ... unless the "and" is inside a title ("US Secretary for Trade and Industry Anna Berg").
    coordinated = " and " in phrase and not any(w in title_words() for w in phrase.split(" and ", 1)[0].lower().split())
    # "Mr Irish": a surname after an honorific is no demonym.
    country_text = _HONORIFIC_NAME.sub("", full.rsplit(" and ", 1)[-1] if coordinated else full)
    mention.country = country_of_phrase(country_text)

    medium = _named_medium(core)
    if medium is not None:
        mention.name, mention.type = medium, "media"
        return mention
    media = media_names()
    outlet = media.get(core_text.lower())
    if not outlet and ("'" in core_text or "’" in core_text):  # (only a possessive makes the words without it differ)
        outlet = media.get(" ".join(_strip_possessive(w) for w in core).lower())
    head = _head(core)
    head_type = speaker_nouns().get(head)
    if head_type is None and head != core[-1].lower() and head in title_words():
        head_type = "person"  # a role with a post-modifier names an unnamed person
    if head_type is None and T.person_noun(head) and not core[-1][:1].isupper():
        head_type = "group" if head.endswith("s") else "anonymous"  # "Mr Ebber's lawyers"
    person: str | None | bool = False  # the person's name in the phrase (_person_name), once read
    if outlet is None and head_type in (None, "media"):
        outlet = _find_outlet(core)
        person = _person_name(core, determined)
        if outlet and person and " " in person and (first_names().get(person.split()[0].lower()) is not None
                                                     or _affiliated(core, person)):
            # "Liam Fox", "BBC political correspondent Shaun Ley", "Ann Ward with CBS News": a
            # named person (who may work for the outlet), not the outlet.
            outlet = None
    if outlet and _HONORIFIC_NAME.fullmatch(" ".join(core)):
        outlet = None  # "Dr Fox", "Mr Vox": a person so called, whatever outlet shares the name
    if outlet and head_type in (None, "media", "organization"):
        mention.name, mention.type, mention.country = outlet, "media", None
        return mention

    if len(core) == 2 and core[1].lower() == "side" and _demonym(core[0]) and determined:
        # "the Russian side insists": the country in talks or a dispute
        code = _demonym(core[0])
        mention.type, mention.country, mention.name = "country", code, country_display_name(code) or core_text
        return mention
    if len(core) == 1 and len(words) == 2 and _demonym(core[0]):
        # "said the American": a person of that country, whom the article named before.
        mention.type, mention.country = "anonymous", _demonym(core[0])
        return mention
    # (The look-up last: a phrase with a head noun or a lower-case word names no country.)
    code = head_type is None and not any(w[:1].islower() for w in core) and country_code(core_text)
    if code and code in countries.ORG_CODES and countries.body_agency(core_text):
        # "UNICEF said", "the World Food Programme said": an agency of the UN, by its own name
        mention.type, mention.country, mention.name = "organization", code, core_text
        return mention
    if code:
        mention.type = "country"
        mention.country = code
        mention.name = country_display_name(code) or core_text
        return mention

    if head_type is None and len(core) >= 2 and _named_for_its_country(core):
        # "Global Affairs Canada", "Statistics Norway", "Amnesty International UK": a body
        # named with its country last, not a person called Global (rule body-then-country)
        mention.type, mention.name = "organization", core_text
        return mention
    last = _strip_possessive(core[-1])
    if plural_of_capitals(last):
        # "MPs", "Labour MPs", "NGOs": people or bodies of that kind, many of them; no name
        mention.type, mention.name, mention.plural = "group", core_text, True
        return mention
    honorific = None if HONORIFICS.keys().isdisjoint(low_words) else next(
        HONORIFICS[w] for w in low_words if w in HONORIFICS)
    if len(core) == 1 and len(core[0]) >= 2 and core[0].replace("&", "").replace("-", "").isupper():
        if core[0].lower() in title_words():
            # "the MP", "the CEO": a title written in capitals, held by an unnamed person
            mention.type, mention.role, mention.name = "anonymous", core[0], core[0]
            return mention
        mention.type, mention.name = "organization", core[0]  # "IMF", "CBI", "WPP"
        return mention
    firm = _ampersand_name(core)
    if firm is not None:
        mention.type, mention.name = "organization", firm  # "Ernst & Young", "Marks & Spencer"
        return mention
    if head_type is None and _body_of_the(core):
        mention.type, mention.name = "organization", core_text  # "News of the World", "Mail on Sunday"
        return mention
    name = _person_name(core, determined) if person is False else person
    # "Dr Mike Watts head of exploration": a known given name before a lower-case role.
    given_first = bool(name) and " " in name and first_names().get(name.split()[0].lower()) is not None \
        and not any(w.endswith(("'s", "’s")) for w in core[_name_index(core, name) :])
    # ("Aung San Suu Kyi's allies" are the allies; a possessive before the name is whose office
    # it is: "Labour's minister for women Anna Berg", "the party's spokesman for health X")
    # "general secretary of the union Unison Dave Prentis": a known given name's run that ends
    # the phrase names the person, whatever title comes before.
    # (a body's noun heading the phrase too: "Association of Chief Police Officers president
    # Chris Fox", "Friends of the Earth director Tony Juniper")
    # "Ministry of External Affairs spokesperson Randhir Jaiswal": a name of two or three words
    # that ends the phrase right after a title in lower case is the title holder's, known given
    # name or not (rule titled-name-ends-phrase).
    at_name = _name_index(core, name) if name and " " in name and name.count(" ") <= 2 else 0
    titled_name = at_name > 0 and core[at_name - 1].isalpha() and core[at_name - 1].islower() \
        and core[at_name - 1] in title_words() and core[at_name - 1] not in ORG_WORDS \
        and core[at_name:] == name.split()
    ends_with_name = (given_first or titled_name) and _strip_possessive(core[-1]) == name.split()[-1] and (
        head in title_words() or speaker_nouns().get(head) in ("organization", "group"))
    surname_word = len(core) == 2 and _given_name_surname(core[:1], _strip_possessive(core[1]), 1, core, determined)
    if name and not given_first and not honorific and head_type is None and len(core) >= 2 and head == core[-1].lower() \
            and head in title_words() and head not in ORG_WORDS and core[-1] != "State" \
            and core[-1][:1].isupper() and name.split()[-1] != core[-1]:
        # "Fisheries Minister", "Culture Secretary": a capitalised portfolio before a title is
        # an unnamed office holder, not a person called Fisheries
        mention.type, mention.role = "anonymous", _clean_role(core_text)
        mention.name = core_text
        return mention
    if not given_first and not honorific and head_type is None and len(core) >= 2 and core[0] != _strip_possessive(core[0]) \
            and countries.country_code(_strip_possessive(core[0])) and head in title_words() and head not in ORG_WORDS \
            and any(w.lower() == head for w in core[1:]) \
            and all(w[:1].isupper() or w.isalpha() and w.islower() and w not in cue_words()
                    for w in core[1 : 1 + [w.lower() for w in core].index(head, 1)]):
        # "Pakistan's High Commissioner (to Britain)", "Norway's foreign minister", "the UK's
        # top judge": a country's office, held by an unnamed person (rule country-office-holder)
        mention.type, mention.role, mention.name = "anonymous", _clean_role(core_text), core_text
        return mention
    if name and " " not in name and not honorific and not given_first and len(core) >= 2 \
            and _strip_possessive(core[-1]) == name and core[-2] == "National" and len(core) <= 3 \
            and all(w[:1].isupper() for w in core):
        # "the National Guard", "National Front": a body's name, not a national called Guard
        mention.type, mention.name, mention.role = "organization", core_text, None
        return mention
    # "Hannah Berg of the Vikton Council", "analyst Ann Ward at Vik Bank": a person named in full, then
    # the body they are of (rule person-of-body), not a body called so.
    # (titles before the name too: "Deputy Anna Berg of the Vik Party", "Hungarian MEP X of the
    # Y group")
    of_body = given_first and _affiliated(core, name) \
        and all(w.islower() or w.lower() in title_words() or countries.country_code(_strip_possessive(w))
                or i == 0 and w[1:].islower()  # ("Opposition leader X of ...": a capital only at the start)
                for i, w in enumerate(core[: core.index(name.split()[0])]))
    if name and (head_type is None or given_first and core[-1][:1].islower() or ends_with_name or surname_word or of_body) \
            and (core[-1][:1].isupper() or given_first):
        # "The Clinton Foundation", "Islamic State": a name before an organisation's noun.
        if not surname_word and not of_body and (any(w.lower() in ORG_WORDS for w in name.split()) or core[-1].lower() in ORG_WORDS
                                 or core[-1] == "State"):
            mention.type = "organization"
            mention.name = core_text
            return mention
        body = None if honorific or given_first else _name_split_off_body(core, name, coordinated)
        if body is not None:
            mention.type, mention.name, mention.plural = body
            if mention.type == "group" and ", " in phrase and phrase.endswith(mention.name.rsplit(" ", 1)[-1]):
                mention.name = phrase[phrase.find(mention.name.split()[0]) :]  # "Vikco, Lundco and Borg"
            return mention
        based = _PLACE_BASED.match(name)
        if based is not None and not honorific and first_names().get(name[based.end() :].split()[0].lower()) is None:
            # "Paris-based Vik": a body based there, not a person; "based" is no given name
            mention.type, mention.name = "organization", name[based.end() :]
            return mention
        mention.name = name
        at = next((i for i, w in enumerate(core) if _strip_possessive(w) == name), 0)
        if " " not in name and at > 0 and core[at - 1].islower() and speaker_nouns().get(core[at - 1]) in (
                "organization", "media") and not honorific:
            mention.type = speaker_nouns()[core[at - 1]]  # "the record company Northsound"
            return mention
        given = first_names().get(name.split()[0].lower()) if " " in name else None
        if mention.country and " " in name and any(w.isalpha() and country_of_phrase(w) for w in name.split()):
            # "Oliver Irish, editor of ...", "Jordan Vale, leader of ...": a surname or given name
            # is no demonym or country; only the rest may place the person
            mention.country = country_of_phrase(country_text.replace(name, " "))
        mention.gender = honorific or given or None
        mention.known_given_name = given is not None
        mention.role = _role(core, name, appositive)
        return mention
    if head_type is None and name is None and (core[0].lower() in title_words() and " of " in core_text
                                               or len(core) >= 3 and _office_place(core, core[-1:])
                                               or len(core) >= 4 and _office_place(core, core[-2:])):
        # ... and "the Vik MP for Lundby" (check office-place)
        # "Prime Minister of Crimea": an unnamed holder of that office
        mention.type, mention.role = "anonymous", _clean_role(core_text)
        return mention
    if head_type is None and determined and len(core) >= 2 and core[-1].islower() and core[-1] in title_words() \
            and all(w[:1].isupper() and not w.endswith(("'s", "’s")) for w in core[:-1]) and name in (None, core[0]):
        # "the England coach", "the Vikton chief" (rule body-role-holder): one person who holds
        # that role for the body or place named before it, not the body
        mention.type, mention.role, mention.name = "anonymous", core[-1], core_text
        return mention
    if head_type is None and all(w.lower() in title_words() for w in core):
        head_type = "group" if head.endswith("s") else "anonymous"  # "Ministers", "the minister"
    if head_type:
        mention.type = "anonymous" if head_type == "person" else head_type
        mention.plural = head.endswith("s") and head not in ("press", "news", "campus")
        mention.name = core_text if core[0][:1].isupper() or mention.type != "anonymous" else phrase
        mention.role = head if mention.type == "anonymous" else None
        return mention
    if any(w.lower() in ORG_WORDS for w in core):
        mention.type = "organization"
        mention.name = core_text
        return mention
    if core[0][:1].isupper():
        # Capitalised, but no run of name words: "France Telecom", "Foreign Ministry".
        mention.name = core_text
        mention.type = "organization"
        return mention
    mention.type = "group"
    mention.plural = head.endswith("s")
    mention.name = core_text
    return mention


def _name_split_off_body(core: list[str], name: str, coordinated: bool) -> tuple[str, str, bool] | None:
    """(check name-split-off-body) A one-word name with no known given name that is only the
    end of what the phrase names: (type, name, plural) of the whole, or None.

    - after "and" that joins it to capitalised words, no title among them: "Vik Oil and Gas"
      is one firm (an organisation's word in it), "Vikco and Lundco" two bodies or people (a
      group), not a person called "Gas" or "Lundco" whose role is the first name;
    - after a capitalised organisation's word that is no title: "Capital Forecasts" is a
      firm, not Mr Forecasts with the role "Capital";
    - after a plural noun for people: "market analysts Vikstat" is a firm of analysts.
    """
    if " " in name or first_names().get(name.lower()) is not None:
        return None
    at = next((i for i, w in enumerate(core) if _strip_possessive(w) == name), None)
    if not at:
        return None
    prev = core[at - 1]
    if coordinated and prev == "and" and at >= 2 and core[at - 2][:1].isupper() \
            and all(first_names().get(w.lower()) is None and w.lower() not in HONORIFICS for w in core[:at]):
        start = at - 2  # the capitalised words joined: "technology firms Vikco and Lundco"
        while start and (core[start - 1][:1].isupper() or core[start - 1] == "and" and core[start - 2 : start - 1] != []
                         and core[start - 2][:1].isupper()):
            start -= 1
        whole = " ".join(core[start : at + 1])
        if any(w.lower() in ORG_WORDS for w in core[start : at + 1]):
            return "organization", whole, False
        return "group", whole, True
    if prev[:1].isupper() and prev.lower() in ORG_WORDS and prev.lower() not in title_words() and at == len(core) - 1:
        start = at - 1  # back over capitalised words, and "and" between them: "Vik Iron and Steel Co"
        while start and (core[start - 1][:1].isupper() and core[start - 1].lower() not in title_words()
                         and first_names().get(core[start - 1].lower()) is None and not core[start - 1].endswith(("'s", "’s"))
                         or core[start - 1] in ("and", "&") and start >= 2 and core[start - 2][:1].isupper()
                         and not core[start - 2].endswith(("'s", "’s"))):
            start -= 1
        return "organization", " ".join(core[start : at + 1]), False
    low = prev.lower()
    if prev.islower() and low.endswith("s") and at == len(core) - 1 and (
            low[:-1] in title_words() or T.person_noun(low) or speaker_nouns().get(low) == "group"):
        return "organization", name, False
    return None


def _ampersand_name(core: list[str]) -> str | None:
    """The capitalised words joined by "&" that end the phrase ("accountancy firm Ernst &
    Young"): a firm's name, never a person's."""
    for j, w in enumerate(core):
        if w == "&" and 0 < j < len(core) - 1 and core[j - 1][:1].isupper() and core[j + 1][:1].isupper():
            a, b = j - 1, j + 1
            while a > 0 and core[a - 1][:1].isupper() and core[a - 1].lower() not in title_words():
                a -= 1
            while b + 1 < len(core) and core[b + 1][:1].isupper():
                b += 1
            if b != len(core) - 1 or a > 0 and core[a - 1].lower() in _AFFILIATION:
                # "Marks & Spencer chief executive Stuart Rose", "an M & S spokesman", "David
                # Wyss of Standard & Poor's": a person, of the firm
                return None
            return " ".join([*core[a:b], _strip_possessive(core[b])])
    return None


def plural_of_capitals(word: str) -> bool:
    """"MPs", "MEPs", "NGOs": capitals with a plural s, many people or bodies of that kind."""
    return len(word) >= 3 and word[-1] == "s" and word[:-1].isalpha() and word[:-1].isupper()


def _head(core: list[str]) -> str:
    """The head noun: the last word, or the noun before a post-modifier ("official in ...")."""
    nouns = speaker_nouns()
    titles = title_words()
    starts = T.POSTMODIFIER_STARTS
    for i, w in enumerate(core[:-1]):
        # (The word after is tested first: few words start a post-modifier.)
        participle = T.participle(core[i + 1]) and nouns.get(w.lower()) not in ("organization", "media")
        if (core[i + 1].lower() in starts or participle) and (w.lower() in nouns or w.islower() and w in titles):
            return w.lower()  # "official in ...", "a lawyer for Smith", "the head of the IMF",
            # "officials monitoring the ceasefire"
        if core[i + 1] == "for" and w[:1].isupper() and w.lower() in titles and i + 2 < len(core) and core[i + 2][:1].isupper() \
                and not any(first_names().get(x.lower()) is not None for x in core[i + 2 : -1]):
            return w.lower()  # "UN High Commissioner for Refugees": the commissioner (rule title-for-body);
            # not with a person named after the body ("Secretary for Trade and Industry Anna Berg")
        if core[i + 1] == "to" and (w.islower() or i and core[0].endswith(("'s", "’s"))) and w.lower() in titles \
                and i + 2 < len(core) and (core[i + 2][:1].isupper() or core[i + 2] == "the"):
            return w.lower()  # "Russia's envoy to the UN", "an adviser to Anna Berg": the envoy, not
            # the UN; "Norway's Ambassador to Britain" too
    return core[-1].lower()


def _role_phrase(text: str) -> str | None:
    """A role given as a phrase, without its articles: "head of IMF's research department"."""
    role = _clean_role(text)
    return " ".join(w for w in role.split() if w.lower() not in ("the", "a", "an")) if role else None


def _clean_role(text: str) -> str | None:
    words = text.strip(" ,").split()
    while words and (words[0].lower() in ("the", "a", "an") or words[0].endswith(("'s", "’s"))):
        words = words[1:]
    return " ".join(words) or None


@lru_cache(maxsize=1)
def _media_heads() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted(phrase_list("media_heads.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def media_head_words() -> frozenset[str]:
    return frozenset(w for head in _media_heads() for w in head)


def _named_medium(core: list[str]) -> str | None:
    """The medium a phrase names by a common noun beside its name: "Belarus's BelTA news
    agency" → BelTA, "the local news portal CityNews" → CityNews; None for "the state news
    agency" (no name) or when the noun is not at either end of the name."""
    low = [w.lower() for w in core]
    present = media_head_words().intersection(low)
    if not present:
        return None  # no word of any medium's noun: most phrases
    for head in _media_heads():
        if not present.issuperset(head):
            continue  # a noun the phrase does not hold all the words of
        n = len(head)
        for i in range(len(low) - n + 1):
            if tuple(low[i : i + n]) != head or core[i][:1].isupper() and (i + n != len(core) or i == 0):
                continue  # (a capitalised noun only at the end, after the name: "Yonhap News Agency")
            before = _name_run(core[:i], reverse=True) if i + n == len(core) else []
            after = _name_run(core[i + n :]) if not before else []
            name = " ".join(before or after)
            # "a poll for the X newspaper": the phrase is headed by what comes before "for"
            lead = low[: i - len(before)] if before else low[:i]
            if name and not any(w in T.PREPOSITIONS for w in lead):
                if core[i][:1].isupper():
                    # "Yonhap News Agency" is Yonhap; an outlet we do not know keeps its whole
                    # name ("Nordic News Service")
                    return media_names().get(name.lower(), " ".join(before + core[i : i + n]))
                return media_names().get(name.lower(), name)
    return None


def _name_run(words: list[str], reverse: bool = False) -> list[str]:
    """The capitalised words at the end (``reverse``) or start of ``words``, up to a country
    or a possessive ("Belarus's BelTA" → BelTA)."""
    run: list[str] = []
    seq = list(reversed(words)) if reverse else words
    for k, w in enumerate(seq):
        if run and w.lower() in ("of", "the", "and") and next(
                (x[:1].isupper() for x in seq[k + 1 :] if x.lower() not in ("of", "the", "and")), False):
            run.append(w)  # "News of the World"
            continue
        if not w[:1].isupper() or w.endswith(("'s", "’s")) or country_code(w) or w.lower() in title_words():
            break
        run.append(w)
    while run and run[-1].lower() in ("of", "the", "and"):
        run.pop()
    return run[::-1] if reverse else run


@lru_cache(maxsize=1)
def _media_first_words() -> frozenset[str]:
    """The first word of every outlet name (media_names)."""
    return frozenset(name.split(" ", 1)[0] for name in media_names())


def _find_outlet(core: list[str]) -> str | None:
    media = media_names()
    n = len(core)
    # Where a run of several words can start: at a word that starts an outlet's name.
    firsts = _media_first_words()
    starts = [i for i, w in enumerate(core) if w.lower() in firsts]
    for size in range(min(4, n), 0, -1):
        for i in range(0, n - size + 1) if size == 1 else starts:
            if i > n - size:
                break
            cand = " ".join(core[i : i + size])
            hit = media.get(_strip_possessive(cand).lower())
            # (A paper's generic word alone names no one outlet, but after "Sunday" it is that
            # Sunday paper: "the Sunday Times", check outlet-extended-name.)
            if hit and (size > 1 or cand[:1].isupper()) and (
                    cand.lower() not in ("time", "times", "post", "journal", "the")
                    or cand[:1].isupper() and i == n - 1 and i > 0 and core[i - 1] == "Sunday"):
                return _extended_outlet(core, i, i + size) or hit
    return None


def _extended_outlet(core: list[str], i: int, j: int) -> str | None:
    """(check outlet-extended-name) "Financial Times Deutschland", "The Sunday Vik Herald": an
    outlet's name ``core[i:j]`` that ends the phrase with one more capitalised word after it (not
    a person's given name, a title or a country), or that follows "Sunday", names another
    outlet, the whole name; None when the name is the outlet's own."""
    if j == len(core) - 1 and not core[j - 1].endswith(("'s", "’s")):
        extra = core[j]
        if extra[:1].isupper() and extra.isalpha() and first_names().get(extra.lower()) is None \
                and extra.lower() not in title_words() and not country_code(extra) and not _demonym(extra):
            return " ".join(core[i : j + 1])
    if i > 0 and core[i - 1] == "Sunday" and j == len(core):
        return " ".join(core[i - 1 : j])
    return None


_PARTICLES = ("de", "van", "von", "der", "bin", "al", "da", "di", "le", "la", "del")
# After a name, these start an affiliation: "analyst Mike Powell of Dresdner Kleinwort".
_AFFILIATION = ("of", "at", "with", "from", "for", "in")
# (the words that tie a person to a body after their name, for the coordination splitter too)
AFFILIATION_WORDS = frozenset(_AFFILIATION)


def _what_they_did(phrase: str) -> bool:
    """An appositive that tells what the speaker was doing or where ("speaking to a veterans
    group", "on a tour of Africa", "who spoke to reporters"), not who they are."""
    first = phrase.split()[0] if phrase.split() else ""
    return first.islower() and (first.endswith("ing") or first in T.PREPOSITIONS or first in ("who", "which"))


def _name_index(core: list[str], name: str) -> int:
    """Where in ``core`` the name's first word stands (0 when it cannot be found)."""
    first = name.split()[0]
    return next((i for i, w in enumerate(core) if _strip_possessive(w) == first), 0)


@lru_cache(maxsize=1)
def _name_styles() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted(phrase_list("name_styles.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _styled() -> re.Pattern[str]:
    """Any style of address of data/name_styles.txt: a cheap test before _without_style."""
    return compile_pattern(r"\b(?:" + "|".join(re.escape(" ".join(s)) for s in _name_styles()) + r")(?!\w)",
                           re.IGNORECASE)


def styled_before(text: str, end: int) -> bool:
    """Whether ``text[:end]`` ends with a style of address ("... Datuk Seri", "Tan Sri"): the
    name after it starts there, whatever capitalised word the style ends with."""
    before = text[max(0, end - 20) : end].lower().split()
    return any(tuple(before[-len(s) :]) == s for s in _name_styles())


def _without_style(m: Mention) -> Mention:
    """``m`` without a style of address ("Datuk Seri", "Tan Sri": data/name_styles.txt) that
    opens its name or is all its role: no part of who the person is ("Foreign Minister Datuk
    Seri Mohamad Hasan" is Mohamad Hasan, whom the article then calls "Mohamad")."""
    if m.type != "person":
        return m
    name, role = m.name, m.role
    words = name.split()
    low = [w.lower() for w in words]
    style = next((s for s in _name_styles() if tuple(low[: len(s)]) == s and len(words) > len(s)), None)
    if style is not None:
        name = " ".join(words[len(style) :])
    if role is not None and tuple(role.lower().split()) in _name_styles():
        role = None
    if name == m.name and role == m.role:
        return m
    return Mention(m.start, m.end, m.text, name, m.type, role, m.country, m.plural, m.pronoun, m.gender,
                   m.known_given_name)


# Words that make a country's name part of a region's: "North America", "South Wales".
_REGION_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                           "latin", "new", "greater", "upper", "lower"})


def _named_for_its_country(core: list[str]) -> bool:
    """Capitalised words then a country's name ending the phrase, none of them a given name,
    title, honorific or country of its own: a body named for its country ("Statistics
    Canada"), as people are never named with their country after them."""
    last = core[-1]
    if not last[:1].isupper() or last.lower() in ("georgia", "jordan", "chad") or not country_code(last) or _demonym(last):
        return False
    words = core[:-1]
    if words[-1].lower() == "and" or any(w.lower() in _REGION_WORDS or w != _strip_possessive(w) for w in words):
        return False  # "Yukos and Russia", "Latin America", "New South Wales", "Brown's Britain"
    given, titles = first_names(), title_words()
    # (a title word inside only in the plural, as departments are named: "Global Affairs
    # Canada"; "Foreign Minister Canada" names no body)
    return words[0][:1].isupper() and words[0].lower() not in titles and all(
        (w[:1].isupper() or w.lower() in ("and", "of", "&")) and given.get(w.lower()) is None
        and (w.lower() not in titles or w.lower().endswith("s")) and w.lower().rstrip(".") not in HONORIFICS
        and not country_code(_strip_possessive(w)) and not _demonym(w) for w in words)


def _person_name(core: list[str], determined: bool = False) -> str | None:
    """The run of capitalised name words naming a person ("Antonio Tajani").

    The last such run, unless a run is followed by an affiliation ("of", "at" ...), in which
    case that run is the person and what follows is where they work. A run right after a
    country name is a company ("France Telecom"), not a person.
    """
    run: list[str] = []
    best: list[str] = []
    after_country = False
    given = first_names()
    # The run started right after "of", "for" or "to": the rest of a title ("Secretary of
    # Commerce for Trade"), not a person with an affiliation.
    in_title = best_in_title = False
    run_start = 0
    for i, w in enumerate(core):
        bare = _strip_possessive(w)
        # A place after a given name or an honorific is a surname: "William Hague", "Paul
        # Jordan", "Mr Irish".
        is_country = bool(country_code(bare)) and bare.lower() not in ("georgia", "jordan", "chad") \
            and not (run and given.get(run[-1].lower()) is not None) \
            and not (i > 0 and core[i - 1].lower() in HONORIFICS)
        if run and bare.lower().rstrip(".") in ("jr", "sr", "ii", "iii"):
            run.append(bare)  # "Martin Luther King Jr."
        elif _is_name_word(bare) and not is_country:
            if run and in_title and given.get(bare.lower()) is not None and not any(given.get(r.lower()) for r in run):
                # "Secretary for Trade and Investment Anna Berg", "the union Unison Dave
                # Prentis": the name starts at the given name ("April Ryan" stays whole)
                best, run, best_in_title = run, [], in_title
            if not run and i > 0 and after_country and given.get(bare.lower()) is None \
                    and not _title_then_name(core[i + 1 :]):
                # "France Telecom"; but "Ambassador to NATO Anna Berg" and "US Treasury
                # Secretary Anna Berg" (a title, then a name) are persons
                return None
            if not run:
                run_start = i
                # ... or after a body's common noun: "the union Unison Dave Prentis"
                in_title = i > 0 and (core[i - 1].lower() in ("of", "for", "to")
                                      or core[i - 1].lower() == "the" and i > 1 and core[i - 2].lower() in ("of", "for", "to")
                                      or core[i - 1].lower() == "and" and in_title
                                      or core[i - 1].islower() and core[i - 1] in ORG_WORDS)
            run.append(bare)
            if w != bare:  # "Trump's advisers": a possessive ends the name
                best, run, best_in_title = run, [], in_title
        elif _given_name_surname(run, bare, i, core, determined):
            run.append(bare)  # "Mark Press", "Tom Bank": a surname that is also a body's word
        elif _honorific_surname(core, i, bare):
            run.append(bare)  # "Ms Bishop", "Mr Judge": a surname that is also a title word
        elif run and w.lower() in _PARTICLES:
            run.append(w)
        elif run and w.lower() in _AFFILIATION and not in_title:
            best, best_in_title = run, in_title
            break
        else:
            # "the Svetlana Petrova doping row", "the Blair government": a name after "the" and
            # before a common noun modifies the noun and names nobody speaking.
            if run and not (run_start > 0 and core[run_start - 1].lower() in ("the", "a", "an") and w[:1].islower()):
                best, best_in_title = run, in_title
            run = []
        after_country = is_country and w == bare
    else:
        if run:
            best, best_in_title = run, in_title
    if best_in_title and (core[0].lower() in title_words() or _office_place(core, best)):
        return None  # "Prime Minister of Crimea", "the Vik MP for Lundby": the office's place, not a name
    while best and best[-1].lower() in _PARTICLES:
        best.pop()
    if len(best) >= 3 and given.get(best[1].lower()) is not None and given.get(best[0].lower()) is None \
            and best[0].lower().endswith(_ADJECTIVE_ENDINGS):
        best = best[1:]  # "Defiant Matt Williams says": a word about him, then his name
    return " ".join(best) if best else None


def _office_place(core: list[str], run: list[str]) -> bool:
    """(check office-place) ``run`` ends the phrase right after "for" or "of" that follows a
    title word, with no known given name in it: "the Labour MP for Lundby", "the Archbishop of
    Vikton" name an office by its place, not a person called Lundby."""
    n = len(run)
    if n == 0 or n > 3 or [_strip_possessive(w) for w in core[-n:]] != run or len(core) < n + 2:
        return False
    prep, title = core[-n - 1].lower(), core[-n - 2].lower()
    return prep in ("for", "of") and title in title_words() and title not in ORG_WORDS \
        and all(w[:1].isupper() for w in run) and not any(first_names().get(w.lower()) is not None for w in run)


def _body_of_the(core: list[str]) -> bool:
    """A capitalised name joined by "of (the)" or "on" to more capitalised words, none a known
    given name, title or honorific ("News of the World", "Mail on Sunday"): one body's name, not
    a person called "News"."""
    if len(core) < 3 or core[1] not in ("of", "on") or any(w.endswith(("'s", "’s")) for w in core):
        return False
    rest = core[2:] if core[2] != "the" else core[3:]
    first = core[0].lower()
    if any(len(w) >= 2 and w.isupper() for w in rest) or rest and rest[-1].lower() in ORG_WORDS:
        return False  # "Smith of BNP Paribas", "Lund of the Harbour Bank": a person of that body
    return bool(rest) and core[0][:1].isupper() and core[0].isalpha() and all(w[:1].isupper() for w in rest) \
        and first not in title_words() and first not in HONORIFICS and first_names().get(first) is None \
        and not any(first_names().get(w.lower()) is not None for w in rest)


# Endings of adjectives and participles that open a sentence before a name ("Defiant", "Delighted",
# "Furious"), never of a name's first word before a known given name.
_ADJECTIVE_ENDINGS = ("ant", "ent", "ous", "ful", "ive", "ed", "ing", "less", "ic", "able", "ible",
                      # and nouns for what a person does or is ("Goalscorer", "Veteran", "Novelist")
                      "er", "ist", "an")


def _given_name_surname(run: list[str], word: str, i: int, core: list[str], determined: bool = False) -> bool:
    """``word`` ends the phrase right after a lone known given name and is a body's word in
    capitals: a surname ("Mark Press"), not an organisation ("Press"). Right after a determiner
    the two words name a body ("the Clinton Foundation"): people's names take none."""
    return len(run) == 1 and i == len(core) - 1 and word[:1].isupper() \
        and not (determined and i == 1) \
        and (word.lower() in ORG_WORDS or word.lower() in title_words() or word.lower() in speaker_nouns()) \
        and first_names().get(run[0].lower()) is not None


# Honorifics of the form "Mr Vik" (not "Lord", "Sir": "Lord Chancellor" is an office).
_PLAIN_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss".split())


def _honorific_surname(core: list[str], i: int, word: str) -> bool:
    """``word`` is the whole phrase after a plain honorific and a title or body word that is no
    public office: a surname ("Ms Bishop", "Mr Judge"), not a form of address ("Mr President",
    "Mr Speaker")."""
    return i == 1 and len(core) == 2 and core[0].lower() in _PLAIN_HONORIFICS and word.isalpha() \
        and word[:1].isupper() and word.lower() not in word_set("political_roles.txt") \
        and word.lower() not in ("chairman", "chairwoman", "chair", "ambassador")


def _title_then_name(words: list[str]) -> bool:
    """A title word followed by a capitalised name word: "Secretary Anna Berg"."""
    return any(w.lower() in title_words() and _is_name_word(_strip_possessive(nxt))
               for w, nxt in zip(words, words[1:]))


def _affiliated(core: list[str], name: str) -> bool:
    """Whether the person ``name`` in ``core`` is followed by an affiliation ("of", "with" ...)."""
    last = name.split()[-1]
    i = next((i for i, w in enumerate(core) if _strip_possessive(w) == last), None)
    return i is not None and i + 1 < len(core) and core[i + 1].lower() in _AFFILIATION


# Words that open a clause or hang off a phrase, never a role's first or last word (check
# role-junk-ends): "If Anna Berg", "When Berg", "But Berg", "a presenter on the Vik station".
_ROLE_JUNK = T.CLAUSE_WORDS | T.PREPOSITIONS | T.DETERMINERS | frozenset(("and", "or", "nor", "said", "says", "my"))


def _role_noun(word: str) -> bool:
    """A lower-case noun that may head a role before a name ("teacher", "delegate", "pundit"),
    not a small word or a verb."""
    return word.isalpha() and word.islower() and len(word) > 2 and word not in _ROLE_JUNK \
        and word not in cue_words() and not word.endswith(("ly", "ing", "ed"))


def _plural_role_head(word: str) -> bool:
    """A plural noun for people of a kind or nation ("Americans", "ministers", "analysts"), not a
    word that ends in s ("boss", "Swiss")."""
    low = word.lower()
    return len(low) > 4 and low.endswith("s") and not low.endswith("ss") and low not in title_words() \
        and low.isalpha() and (bool(_demonym(word[:-1])) or low[:-1] in title_words() or T.person_noun(low))


def _role_words(words: list[str]) -> list[str]:
    """``words`` without clause words, prepositions and determiners at either end (check
    role-junk-ends): "If", "But", "For" open a sentence before a name; "presenter on" loses a
    possessive's owner after its preposition. Title words stay ("First Minister")."""
    while words and words[0].lower() in _ROLE_JUNK and words[0].lower() not in title_words():
        words = words[1:]
    while words and words[-1].lower() in _ROLE_JUNK and words[-1].lower() not in title_words():
        words = words[:-1]
    return words


def clean_role(text: str) -> str | None:
    """``text`` as a role: without a clause word, preposition or determiner at either end
    ("If" before a name at a sentence's start is none)."""
    return " ".join(_role_words(text.split())) or None


def _role(core: list[str], name: str, appositive: str | None) -> str | None:
    first = name.split()[0] if name else None
    idx = next((i for i, w in enumerate(core) if _strip_possessive(w) == first), len(core))
    before = core[:idx]
    # "European leaders such as Lithuanian President X": the role is what follows "such as".
    for i in range(len(before) - 1, -1, -1):
        low = before[i].lower()
        if low in ("like", "including") or (low == "as" and i > 0 and before[i - 1].lower() == "such"):
            before = before[i + 1 :]
            break
    # Keep title words and the small words between them ("High Representative for Foreign Affairs"),
    # and a lower-case noun right before the name after a capitalised word: "Dance teacher Eve
    # Trew" is the teacher, not "Dance" (check role-noun-kept).
    kept = len(before)
    while kept and _role_noun(before[kept - 1]):
        kept -= 1
    if not (kept and kept < len(before) and before[kept - 1][:1].isupper() and before[kept - 1].isalpha()
            and before[kept - 1].lower() not in _ROLE_JUNK):
        while before and not (before[-1].lower() in title_words() or before[-1][:1].isupper()):
            before = before[:-1]
    # "ABN Amro's Eddie Wong": a possessive before the name is an affiliation, not a role; so is
    # everything before it ("President Vladimir Putin's spokesman X": the spokesman).
    owner = max((i for i, w in enumerate(before) if w.endswith(("'s", "’s"))), default=-1)
    if name and owner >= 0 and (any(w.lower() in title_words() for w in before[owner + 1 :]) or owner == len(before) - 1):
        before = before[owner + 1 :]
    before = [w for w in before if w.lower() not in ("the", "a", "an") and not w.endswith(("'s", "’s"))]
    # Drop a leading country ("Italy's", "Ukrainian") from the role: it becomes the country.
    while before and (country_code(_strip_possessive(before[0])) or before[0].lower() in ("u.s.", "u.k.")):
        before = before[1:]
    # Honorifics are no role ("Manchester United manager Sir Alex Ferguson": the manager).
    before = [w for w in before if w.lower() not in ("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame")]
    before = _role_words(before)
    if before and _plural_role_head(before[-1]) and not (len(before) > 1 and before[-2].lower() in ("for", "of", "to")):
        # (not the object of a preposition: "High Commissioner for Refugees" heads with the title)
        # "Top-seeded Americans Ann Vik and Bo Berg": what each of them is, one of the plural
        # (check plural-role-head)
        before = [*before[:-1], before[-1][:-1]]
    role = " ".join(before)
    if not role and appositive:
        role = _clean_role(appositive) or ""
    return role or None
