"""The country a speaker is tied to, when the speaker phrase itself did not say.

Extraction gives a speaker the country its own phrase names ("Italy's Foreign Minister ...").
This stage looks further, in this order, and the first source that answers wins:

1. the article's other mentions of the same person: a title before the name elsewhere
   ("Ukrainian opposition leader Vitali Klitschko"), an appositive after it ("Borodai, a
   Russian national,"), with demonyms misspelt by one letter tolerated on long words;
2. the place an office is held in ("the governor of the Kursk region", "the mayor of Odesa",
   "a Donetsk native"), looked up in the GeoNames gazetteer;
3. whose spokesperson or adviser the speaker is ("a spokesman for President Putin");
4. world knowledge: a person listed in the office-holder table (claimsdb.resolve.offices), who
   also gets the role held then when the article gave none;
5. the place of the dateline ("SIMFEROPOL, Ukraine (AFP) -"), for the people a reporter meets
   there (a resident, a 60-year-old, a protester) and the local police or authorities; without
   a dateline, the one country the headline names when the article is mostly about it, for
   those local speakers and for speakers of that country's domestic politics ("the opposition
   leader", "an MP").

Bodies the article names again with less ("the police" after "the Odessa regional police",
"the heads of state and government" after "... of the EU") take the country of the fuller
mention just before; "the country's Interior Ministry" takes the country named last before it.

Only speakers without a country are changed, so what the article says always wins; actors a
user edited keep their own country and role in any case (claimsdb.resolve.actors).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache
from importlib.resources import files

from claimsdb.extract.lexicon import first_names, title_words
from claimsdb.read.datelines import Dateline
from claimsdb.records import ClaimCandidate
from claimsdb.resolve.documents import DOCUMENT_NOUNS
from claimsdb.resolve.countries import (
    COUNTRY_CODES,
    country_of_phrase,
    find_countries,
    is_complement,
    misspelt_country,
)
from claimsdb.resolve.offices import given_names, is_listed_name, office_of, same_given_name
from claimsdb.resolve.places import place_country

__all__ = ["attribute_countries"]

# Speaker types that belong to no country by their phrase: outlets are media, not states.
_SKIPPED_TYPES = frozenset({"media", "country"})

_SPACES = " \u00a0"
_SPACE = re.compile("[ \u00a0]")
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")
_WORD = re.compile(r"[\w'’.-]+")

# Words before a name that still belong to its title: "opposition leader", "separatist
# commander", besides the title words of the extractor's lexicon.
_TITLE_EXTRA = frozenset({
    "opposition", "separatist", "separatists", "rebel", "insurgent", "militia", "pro-russian",
    "pro-western", "pro-european", "nationalist", "far-right", "leftist", "ruling", "state",
    "national", "regional", "former", "ex", "then", "new", "top", "senior", "chief", "deputy",
    "self-proclaimed", "de", "facto", "party", "'s", "’s", "man", "woman",
})

# A party's or body's other name in brackets, inside a title: "UDAR (Punch)".
_BRACKETED = re.compile(r"\([A-Z][\w'’.-]*\)")

# Whose voice the speaker is: the country of what follows is the speaker's.
_VOICE_OF = re.compile(
    r"\b(?:spokes(?:man|woman|person)|advis[eo]r|aide|press (?:secretary|officer|service)|"
    r"chief of staff|assistant)\s+(?:to|for|of|at)\s+(?:the\s+)?(.{2,80})",
    re.IGNORECASE,
)

# The place an office or a person belongs to.
_PLACE = r"(?!The\b)([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)"
_PLACE_PATTERN = re.compile(
    r"\b(?:governor|mayor|head|chief|leader|administration|government|council|police|"
    r"prosecutor|authorities|residents?|natives?|people|officials?)\s+(?:of|in|for)\s+"
    r"(?:the\s+)?" + _PLACE + r"(?:\s+(?:region|oblast|province|city|district|area))?"
    r"|" + _PLACE.replace("(?!The", "(?!The") + r"(?:\s+(?:region(?:al)?|oblast|province|city|municipal|district)\b"
    r"|-born\b|\s+native\b|\s+mayor\b|\s+governor\b)"
    # Where the speaker is posted: "the commander at the ferry landing near Berdychiv", "(40km
    # south of Zhytomyr)".
    r"|\b(?:near|outside|\d+\s?(?:km|kilometres|kilometers|miles)\s+(?:[a-z-]+\s+){0,2}of)\s+"
    r"(?:the\s+)?" + _PLACE
)


# People and bodies of the place a story was filed from, as reporters describe them: the
# ordinary people a reporter meets there ("a 52-year-old baker", "a dairy farmer"),
# never an aid worker, who comes from elsewhere.
_LOCAL = re.compile(
    r"\b(?:\d+-year(?:-old)?|residents?|locals?|local (?:police|authorities|officials?|people)|retirees?|"
    r"pensioners?|villagers?|witness(?:es)?|protesters?|demonstrators?|passers-by|passer-by|"
    r"shop-?keepers?|onlookers?|police(?:man|woman)?|authorities|interlocutors?|"
    r"labou?rers?|(?<!aid )workers?|miners?|farmers?|housewi(?:fe|ves)|"
    r"(?:taxi |truck |lorry |bus )?drivers?|street vendors?|market traders?)\b",
    re.IGNORECASE,
)
# A man or a woman is local only as the whole of what the speaker is called ("one woman", "an
# elderly man with a pushchair"), not in "a lawsuit against two men".
_LOCAL_PERSON = re.compile(
    r"^(?:(?:one|a|an|another|the|two|three|some|several)[ \u00a0]+)?(?:[a-z-]+[ \u00a0]+){0,2}(?:wo)?m[ae]n\b",
    re.IGNORECASE,
)

# A local word right before a name, with at most a title and given names between: "retiree
# Olga Petrova", "60-year-old Ms Olga"; not "the 18-year-old beat Olga".
_LOCAL_BEFORE_NAME = re.compile("(?i:" + _LOCAL.pattern + r")(?:\s+[A-Z][\w.'’-]*){0,3}\s*$")


def attribute_countries(text: str, claims: list[ClaimCandidate], *, year: int | None = None,
                        dateline: Dateline | None = None, title: str | None = None) -> None:
    """Set the country (and for listed office holders the role) of speakers that have none.

    ``year``: the year the article was published, when known, which picks the office a
    listed person held then. ``dateline``: the story's dateline, whose place is the country
    of the local people and bodies it quotes. ``title``: the article's headline, which tells
    the article's own country when there is no dateline.
    """
    speakers = [c.speaker for c in claims if c.speaker.type not in _SKIPPED_TYPES and not c.speaker.country]
    if not speakers:
        return
    names = [c.speaker.name for c in claims if c.speaker.type == "person"]
    decided: dict[tuple[str, str | None], tuple[str | None, str | None]] = {}
    document_countries = _lazy(lambda: {m.code for m in find_countries(text)})
    own_country = cache(lambda: _own_country(text, title, dateline))
    headline_politics = cache(lambda: _headline_politics(text, title))
    # A person quoted with several roles is decided once per role, from the same mentions.
    mentions: dict[str, list[str]] = {}
    for c in claims:
        sp = c.speaker
        if sp.type in _SKIPPED_TYPES or sp.country:
            continue
        phrase = text[c.speaker_start : c.speaker_end] + _bracket_after(text, c.speaker_end)
        # Said of one body at one place: "the country's ministry", "the police" after a fuller
        # mention; decided per claim, as the same words can mean another body further on.
        code = _country_named_before(text, c.speaker_start, phrase) or _fuller_mention(
            text, c.speaker_start, sp.name, sp.type) or _document_of_the_sentence_before(
            text, c.speaker_start, sp.name, sp.type)
        if code:
            sp.country = code
            continue
        key = (sp.name, sp.role)
        if key not in decided:
            decided[key] = _country(text, sp.name, sp.type, sp.role, phrase, names, year, document_countries,
                                    mentions)
            # Domestic politics only under a dateline, or a headline about one country's politics
            # ("Ukraine opposition protests"): a headline names what a story is about ("MP
            # mugged in Kenya"), not always where its politicians are from.
            if decided[key][0] is None and (
                    _is_local(text, sp.name, sp.type, phrase)
                    or (dateline is not None or headline_politics())
                    and _is_domestic([sp.role or "", phrase, *mentions.get(sp.name, ())])):
                decided[key] = (own_country(), None)
        country, role = decided[key]
        if country:
            sp.country = country
        if role and not sp.role:
            sp.role = role
    _principals_countries(text, claims)
    _another_of_the_same(text, claims)


@cache
def _associates() -> re.Pattern[str]:
    text = (files("claimsdb.data") / "associate_nouns.txt").read_text(encoding="utf-8")
    nouns = sorted((line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")),
                   key=len, reverse=True)
    # Ends where the speaker phrase ends: "Petrov's friends and former colleagues".
    # The noun in any case: headlines write "Castro's Son Says ...".
    return re.compile(r"(?<![\w-])([A-Z][\w-]+)['’]s\s+(?:[\w-]+\s+){0,5}(?i:" + "|".join(map(re.escape, nouns))
                      + r")$")


def _principals_countries(text: str, claims: list[ClaimCandidate]) -> None:
    """Speakers described as a person's associates ("Petrov's lawyer", "Petrov's former
    colleagues") take the country of that person as the article's other claims place them."""
    open_claims = [c for c in claims if c.speaker.type not in _SKIPPED_TYPES and not c.speaker.country]
    if not open_claims:
        return
    # Keyed by every surname a person bears ("Pablo Ortega Lamas": Ortega and Lamas, also
    # when named "Ortega Lamas"); a surname two placed persons of different countries share places no one.
    placed: dict[str, str | None] = {}
    for c in claims:
        if c.speaker.type == "person" and c.speaker.country:
            words = c.speaker.name.split()
            given = first_names()
            for surname in [w for w in words if w.lower() not in given] or words[-1:]:
                if surname[:1].isupper():
                    known = placed.setdefault(surname, c.speaker.country)
                    if known != c.speaker.country:
                        placed[surname] = None
    if not placed:
        return
    for c in open_claims:
        line_start = text.rfind("\n", 0, c.speaker_start) + 1
        m = _associates().search(text, max(line_start, c.speaker_start - 80), c.speaker_end)
        if m is not None and placed.get(m.group(1)):
            c.speaker.country = placed[m.group(1)]


# "another Hamas official", "another Pravyi Sektor activist": one more of a group named before.
_ANOTHER = re.compile(r"\banother[ \u00a0]+((?:[A-Z][\w'’-]*[ \u00a0]+)*[A-Z][\w'’-]*)[ \u00a0]+[a-z]")


def _another_of_the_same(text: str, claims: list[ClaimCandidate]) -> None:
    """A speaker called "another <group> <noun>" takes the country of the earlier speaker whose
    phrase named the same group, when that speaker has one."""
    for c in claims:
        if c.speaker.type in _SKIPPED_TYPES or c.speaker.country:
            continue
        m = _ANOTHER.search(text, c.speaker_start, c.speaker_end)
        if m is None:
            continue
        group = m.group(1)
        countries = {o.speaker.country for o in claims
                     if o.speaker.country and o.speaker_end <= c.speaker_start
                     and group in text[o.speaker_start : o.speaker_end]}
        if len(countries) == 1:
            c.speaker.country = countries.pop()


def _lazy(compute: Callable[[], set[str]]) -> Callable[[], set[str]]:
    return cache(compute)


def _country(text: str, name: str, speaker_type: str, role: str | None, phrase: str, names: list[str],
             year: int | None, document_countries: Callable[[], set[str]],
             mentions: dict[str, list[str]]) -> tuple[str | None, str | None]:
    person = speaker_type == "person" and name[:1].isupper()
    name_words = set(name.split()) if person else set()
    own = [p for p in (role, phrase) if p]
    if person and name not in mentions:
        mentions[name] = _other_mentions(text, name)
    phrases = list(dict.fromkeys(own + (mentions[name] if person else [])))
    # A phrase that is only the person's own name ("Angela" before "Merkel") says nothing.
    phrases = [p for p in phrases if not (name_words and set(p.split()) <= name_words)]
    for p in phrases:
        code = country_of_phrase(p)
        if code:
            return code, None
    for p in own:
        # Misspellings are looked for in the speaker's own phrase only, and not in the name:
        # elsewhere a one-letter slip would more often be some other word.
        code = misspelt_country(" ".join(w for w in p.split()
                                        if w.removesuffix("'s").removesuffix("’s") not in name_words))
        if code:
            return code, None
    for p in phrases:
        code = _voice_country(p, names, year, document_countries) or _place_of(p) or _body_country(p)
        if code:
            return code, None
    if not person:
        return None, None
    if role and not any(w in _political_words() for w in re.findall(r"[a-z]+", role.lower())):
        # "John Reid, chairman of a record label" is not the minister of that name.
        return None, None
    office = office_of(name, year=year, context=names)
    if office is None or not office.country:
        return None, None
    if not is_listed_name(name):
        # A surname alone, or a given name spelt another way, is trusted only in an article
        # that names the person's country; a bare surname also needs the person's given name
        # or the office's title somewhere in the article ("Foreign Minister Lavrov").
        if office.country not in document_countries():
            return None, None
        if " " not in name.strip() and not _named_or_titled(text, name, office.role):
            return None, None
    # Without the article's year the office held then is unknown: the country only.
    return office.country, (office.role or None) if year is not None else None


@cache
def _political_words() -> frozenset[str]:
    text = (files("claimsdb.data") / "political_roles.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _named_or_titled(text: str, surname: str, role: str) -> bool:
    lower = text.lower()
    if any(_occurrences(lower, given) for given in given_names(surname)):
        return True
    role_words = {w.lower() for w in role.split() if len(w) > 3}
    return any(w.lower() in role_words for start, _ in _occurrences(text, surname)
               for w in _title_before(text, start).split())


_PHRASE_BREAK = re.compile(r"[,.;:()“”\"\n]")


def _is_local(text: str, name: str, speaker_type: str, phrase: str) -> bool:
    # An unnamed speaker's name is its description, also when the phrase is a pronoun ("a
    # protester, who said ...").
    if _LOCAL.search(phrase) or (speaker_type != "person" and _LOCAL.search(name)):
        return True
    if speaker_type != "person" and (_LOCAL_PERSON.match(phrase) or _LOCAL_PERSON.match(name)):
        return True
    if speaker_type != "person" or not name[:1].isupper():
        return False
    if _given_name_only(text, name):
        return True
    surname = name.split()[-1]
    for start, end in _occurrences(text, surname):
        # What is said of the person in the same phrase: "60-year-old Ms Olga", "Ivan Petrov,
        # a retiree"; not "the locals" further on in the sentence.
        before = _PHRASE_BREAK.split(text[max(0, start - 40) : start])[-1]
        if (_LOCAL_BEFORE_NAME.search(before) or _LOCAL.search(_appositive_after(text, end))) and not find_countries(
                before, regions=True):  # "Northern Ireland man James Petrie": from there, not from the story's place
            return True
    return False



_BRACKET_AFTER = re.compile(r"[ \u00a0]*\([^()\n]{2,80}\)")


def _bracket_after(text: str, end: int) -> str:
    """A bracket right after the speaker phrase, which describes it: "the ferry landing near
    Tulcea (40km east of Galati)"."""
    m = _BRACKET_AFTER.match(text, end, min(len(text), end + 90))
    return m.group() if m else ""


def _given_name_only(text: str, name: str) -> bool:
    """Whether the article calls the person by a given name only, nowhere with a surname:
    "Piet, who would not give his surname, said ..." is someone a reporter met there."""
    if " " in name.strip() or name.lower() not in first_names():
        return False
    for start, end in _occurrences(text, name):
        if re.match(r"[ \u00a0]+[A-Z]", text[end : end + 3]):
            return False  # "Oleg Petrov": a surname follows
        before = re.search(r"(?<![\w.'’-])([A-Z][\w.'’-]*)[ \u00a0]+$", text[max(0, start - 30) : start])
        if before and (not before.group(1).endswith(".") or len(before.group(1)) <= 4):
            return False  # "Pope Francis", "Mr. Oleg": a title or name before it, not a sentence end
    return True


# Words of a country's own politics that a headline ties to the country it names: "Ukraine
# opposition protests ...", "Moldovan parliament votes ...", "Estonia's national defence".
_HEADLINE_POLITICS = re.compile(
    r"(?:['’]s)?[ \u00a0]+(?:opposition|parliament|parliamentary|mps|lawmakers|legislators|politics|"
    r"political|election|elections|government|national)\b", re.IGNORECASE)


def _headline_politics(text: str, title: str | None) -> bool:
    """Whether the headline is about one country's domestic politics: a country word right
    before a word of politics ("Ukrainian opposition uses polls")."""
    if not title:
        title = text[: text.find("\n")] if "\n" in text else text
    return any(m.code in COUNTRY_CODES and _HEADLINE_POLITICS.match(title, m.end)
               for m in find_countries(title))


@cache
def _place_country_of_dateline_text(place: str) -> str | None:
    code = country_of_phrase(place)
    if code:
        return code
    for part in re.split(r"[/,]", place):
        code = place_country(part.strip())
        if code:
            return code
    return None


def _own_country(text: str, title: str | None, dateline: Dateline | None) -> str | None:
    """The country the article is about: its dateline's, else the one country its headline
    names, if the article names that country more often than any other."""
    if dateline is not None:
        return _place_country_of_dateline_text(dateline.place)
    if not title:
        title = text[: text.find("\n")] if "\n" in text else text
    in_title = {m.code for m in find_countries(title) if m.code in COUNTRY_CODES}
    if len(in_title) != 1:
        return None
    code = in_title.pop()
    counts = Counter(m.code for m in find_countries(text) if m.code in COUNTRY_CODES)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][0] != code or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return code


@cache
def _domestic_words() -> frozenset[str]:
    text = (files("claimsdb.data") / "domestic_roles.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _is_domestic(phrases: list[str]) -> bool:
    """Whether a role is one of a country's own politics ("opposition leader", "an MP")."""
    words = _domestic_words()
    return any(w in words for p in phrases for w in _LOWER_WORD.findall(p.lower()))


_LOWER_WORD = re.compile(r"[a-z]+")
_THE_COUNTRYS = re.compile(r"\b(?:the|this|that)\s+(?:country|nation)['’]s\b", re.IGNORECASE)
# Who stands across from a country rather than for it: "the country's partners".
_RELATIONS = frozenset({
    "partner", "partners", "ally", "allies", "neighbour", "neighbours", "neighbor", "neighbors",
    "enemy", "enemies", "critic", "critics", "rival", "rivals", "creditor", "creditors", "foreign",
    "opponent", "opponents", "adversary", "adversaries",
})
# Right before the speaker phrase, which may leave it out: "the country's [Interior Ministry]".
_THE_COUNTRYS_BEFORE = re.compile(r"\b(?:the|this|that)[ \u00a0]+(?:country|nation)['’]s[ \u00a0]+$", re.IGNORECASE)
# How far back the country that "the country's" refers to, or a fuller mention of a body, is
# looked for: the sentences just before.
_ANTECEDENT_CHARS = 600


def _country_named_before(text: str, start: int, phrase: str) -> str | None:
    """The country "the country's" in or right before ``phrase`` refers to: the last one
    named before it."""
    if not _THE_COUNTRYS.search(phrase) and not _THE_COUNTRYS_BEFORE.search(text, max(0, start - 24), start):
        return None
    if any(w in _RELATIONS for w in _LOWER_WORD.findall(phrase.lower())):
        return None  # "the country's foreign partners" are other countries
    # "Ukraine's wish for closer ties to Russia, the country's partners ...": a country after
    # "to", "with", "against" ... is the one talked about, not the one "the country" is.
    before = [m.code for m in find_countries(text, max(0, start - _ANTECEDENT_CHARS), start)
              if m.code in COUNTRY_CODES and not is_complement(text, m.start)]
    return before[-1] if before else None


def _document_of_the_sentence_before(text: str, start: int, name: str, speaker_type: str) -> str | None:
    """A document nobody is named as issuing ("Draft conclusions say ...") is of the country or
    body the sentence just before opens with ("EU leaders will meet on Thursday.")."""
    if speaker_type == "person" or not name.split():
        return None
    head = name.split()[-1].lower()
    if head not in DOCUMENT_NOUNS and head.removesuffix("s") not in DOCUMENT_NOUNS:
        return None
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return None  # the document is not what its sentence opens with
    # The sentence before: from the last sentence end before it (within a few lines).
    window = max(0, line_start - 300)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, window, max(window, line_start - 1))]
    sentence_start = ends[-1] if ends else window
    mentions = [m for m in find_countries(text, sentence_start, line_start) if not is_complement(text, m.start)]
    # What it opens with: "EU leaders will meet ...", not a country named further on.
    if mentions and text[sentence_start : mentions[0].start].strip(" \n\u00a0\"“").lower() in ("", "the"):
        return mentions[0].code
    return None


_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+")


_COMPLEMENT_AFTER = re.compile(r"\s+(?:of|in|for)\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})")


def _fuller_mention(text: str, start: int, name: str, speaker_type: str) -> str | None:
    """The country of the nearest earlier mention of a body the speaker names with less:
    "the police" after "the Odessa regional police", "the heads of state and government"
    after "the heads of state and government of the EU"."""
    if speaker_type == "person" and name[:1].isupper():
        return None
    head = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE).strip()
    if len(head) < 4:
        return None
    lo = max(0, start - _ANTECEDENT_CHARS)
    window = text[lo:start]
    i = window.lower().rfind(head.lower())
    if i < 0:
        return None
    i += lo
    end = i + len(head)
    if (i and text[i - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
        return None
    m = _COMPLEMENT_AFTER.match(text, end, min(len(text), end + 60))
    fuller = " ".join(p for p in (_title_before(text, i), head, m and "of " + m.group(1)) if p)
    if fuller == head:
        return None
    return country_of_phrase(fuller) or _place_of(fuller)


def _country_of_words(phrase: str) -> str | None:
    return country_of_phrase(phrase) or misspelt_country(phrase)


_MENTIONS_LOOKED_AT = 8


def _other_mentions(text: str, name: str) -> list[str]:
    """The title before and the appositive after each mention of ``name``'s surname."""
    surname = name.split()[-1]
    if len(surname) < 3 or not surname[:1].isupper():
        return []
    known_given = first_names()
    given = {w.lower() for w in name.split()[:-1] if w.lower() in known_given}
    out = []
    # The first mentions are where an article introduces a person; later ones rarely add to it.
    for start, end in _occurrences(text, surname)[:_MENTIONS_LOOKED_AT]:
        previous = text[max(0, start - 30) : start].split()[-1:]
        other = previous[0].lower() if previous else ""
        if given and other in known_given and not any(same_given_name(other, g) for g in given):
            continue  # "John Howard" is not the "Michael Howard" we are placing
        before = _title_before(text, start)
        if before:
            out.append(before)
        # "Donetsk native, Alexander Petrenko": a title set off by a comma before the full name.
        # Only before a full name that a comma closes: "... by EU leaders, Petrenko said" and
        # "... his term as US President, Tony Blair said" are other clauses.
        if before and set(before.split()) <= set(name.split()) and text.startswith(",", end):
            before_comma = _title_before_comma(text, start - len(before) - 1)
            if before_comma:
                out.append(before_comma)
        alias = _alias_clause(text, start)
        if alias:
            out.append(alias)
        after = _appositive_after(text, end)
        if after:
            out.append(after)
    return out


def _occurrences(text: str, word: str) -> list[tuple[int, int]]:
    """Where ``word`` stands as a whole word in ``text`` (a plain search: one regular expression
    per speaker would cost more to compile than to run)."""
    out = []
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if not (i and (text[i - 1].isalnum() or text[i - 1] == "-")) and not (
                j < len(text) and (text[j].isalnum() or text[j] == "-")):
            out.append((i, j))
        i = text.find(word, j)
    return out


def _title_before(text: str, end: int) -> str:
    """The title words right before a name: "Ukrainian opposition leader Vitali" before
    "Klitschko"; capitalised words, possessives and title words, up to eight."""
    if end < 2 or text[end - 1] not in _SPACES or not (text[end - 2].isalnum() or text[end - 2] in "'’.)"):
        return ""
    line_start = text.rfind("\n", max(0, end - 120), end) + 1
    # Split on single spaces (no-break ones too): a double space parts two phrases.
    tokens = _SPACE.split(text[max(line_start, end - 120) : end])[-10:-1]
    titles = title_words()
    kept: list[str] = []
    for token in reversed(tokens[-8:]):
        if token and _BRACKETED.fullmatch(token):
            kept.append(token)
            continue
        if not token or not _WORD.fullmatch(token):
            break  # punctuation or a double space between: another phrase
        bare = token.lower().removesuffix("'s").removesuffix("’s")
        if token.endswith(".") and token.count(".") == 1 and bare not in titles:
            break  # the end of the sentence before ("... with the EU. Opposition leader X")
        if not (token[:1].isupper() or bare in titles or bare in _TITLE_EXTRA):
            break
        kept.append(token)
    return " ".join(reversed(kept))


# A title that ends with one of these can stand before a comma and the name it describes.
_COMMA_TITLE_ENDS = frozenset({"native", "national", "citizen"})


def _title_before_comma(text: str, name_start: int) -> str:
    """The title before a comma and a name: "Russia's foreign minister, Sergei" → "Russia's
    foreign minister"; only when the word before the comma is a title or "native"."""
    if name_start < 3 or text[name_start - 2] != "," or text[name_start - 1] not in _SPACES:
        return ""
    line_start = text.rfind("\n", max(0, name_start - 120), name_start) + 1
    segment = text[max(line_start, name_start - 120) : name_start - 2]
    last = segment.rsplit(None, 1)[-1:] or [""]
    word = last[0].lower()
    if word.endswith("s"):
        return ""  # a plural describes no one person
    if not (word in title_words() or word in _COMMA_TITLE_ENDS or word.endswith("-born")):
        return ""
    prefix = segment[: len(segment) - len(last[0])]
    return " ".join(p for p in (_title_before(prefix, len(prefix)), last[0]) if p)


# The clause that gives a person's other name: "Girkin, a Russian better known by his assumed
# name Strelkov" describes Strelkov.
_ALIAS = re.compile(r"(?:known|nicknamed|called)\s+(?:as\s+|by\s+(?:his|her|the)\s+(?:[\w-]+\s+){0,2}name\s+)?$")


def _alias_clause(text: str, start: int) -> str:
    head = text[max(0, start - 120) : start]
    if "known" not in head and "name" not in head:
        return ""
    m = _ALIAS.search(head)
    if m is None or "known" not in head[m.start():] and "name" not in head[m.start():]:
        return ""
    comma = max(head.rfind(",", 0, m.start()), head.rfind("\n", 0, m.start()))
    return head[comma + 1 : m.start()].strip() if comma >= 0 else ""


_APPOSITIVE = re.compile(r"\s*,\s+([^,.;:()“”\"\n]{2,120})")
_DETERMINERS = frozenset({"a", "an", "the", "one"})


def _appositive_after(text: str, end: int) -> str:
    """The description after a name and a comma: "a Russian national", "deputy head of the
    Kursk regional administration"; not a clause ("who said", "which ...")."""
    m = _APPOSITIVE.match(text, end, min(len(text), end + 130))
    if not m:
        return ""
    words = m.group(1).split()
    if words[0].lower() in _DETERMINERS:
        # Only the head of the appositive describes the person: "a Russian national", not
        # "a former officer who fought in Chechnya".
        return " ".join(words[:5])
    titles = title_words()
    if any(w.lower() in titles for w in words[:3]) and words[0][:1].islower():
        return " ".join(words[:12])
    return ""


# The place a body is named after: "the Donetsk railway", "the Odesa port authority".
_PLACE_NAMED_BODY = re.compile(r"^(?:the[ \u00a0]+)?([A-Z][\w'’-]+)[ \u00a0]+[a-z]")


def _voice_country(phrase: str, names: list[str], year: int | None,
                   document_countries: Callable[[], set[str]] = lambda: set()) -> str | None:
    m = _VOICE_OF.search(phrase)
    if not m:
        return None
    whose = m.group(1)
    code = _country_of_words(whose)
    if code:
        return code
    # "a spokeswoman for the Bergen tramway": a body named after a city of a country the
    # article names (a guard against the namesake towns of other countries).
    named = _PLACE_NAMED_BODY.match(whose)
    if named and named.group(1).lower() not in first_names():
        code = place_country(named.group(1))
        if code and code in document_countries():
            return code
    # "a spokesman for President Putin": the principal's own country.
    capitalised = [w for w in _NAME_WORD.findall(whose) if w.lower() not in title_words()]
    if capitalised:
        office = office_of(" ".join(capitalised[:3]), year=year, context=names)
        if office is not None:
            return office.country
    return None


@cache
def _state_bodies() -> tuple[re.Pattern[str], dict[str, str]]:
    text = (files("claimsdb.data") / "state_bodies.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    codes = {name.strip(): code.strip() for name, code in rows[1:]}
    names = sorted(codes, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])"), codes


def _body_country(phrase: str) -> str | None:
    """The country of a state body the phrase names ("his former colleagues at the FSB")."""
    pattern, codes = _state_bodies()
    m = pattern.search(phrase)
    return codes[m.group()] if m else None


def _place_of(phrase: str) -> str | None:
    for m in _PLACE_PATTERN.finditer(phrase):
        code = place_country(m.group(1) or m.group(2) or m.group(3))
        if code:
            return code
    return None
