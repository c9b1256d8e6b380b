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
   there (a resident, a 60-year-old, a protester) and the local police or authorities.

Only speakers without a country are changed, so what the article says always wins; actors a
user edited keep their own country and role in any case (claimsdb.resolve.actors).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib.resources import files

from claimsdb.extract.lexicon import first_names, title_words
from claimsdb.read.datelines import Dateline
from claimsdb.records import ClaimCandidate
from claimsdb.resolve.countries import country_of_phrase, find_countries, misspelt_country
from claimsdb.resolve.offices import given_names, is_listed_name, office_of, same_given_name
from claimsdb.resolve.places import place_country

__all__ = ["attribute_countries"]

# Speaker types that belong to no country by their phrase: outlets are media, not states.
_SKIPPED_TYPES = frozenset({"media", "country"})

_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")
_WORD = re.compile(r"[\w'’.-]+")

# Words before a name that still belong to its title: "opposition leader", "separatist
# commander", besides the title words of the extractor's lexicon.
_TITLE_EXTRA = frozenset({
    "opposition", "separatist", "separatists", "rebel", "insurgent", "militia", "pro-russian",
    "pro-western", "pro-european", "nationalist", "far-right", "leftist", "ruling", "state",
    "national", "regional", "former", "ex", "then", "new", "top", "senior", "chief", "deputy",
    "self-proclaimed", "de", "facto", "'s", "’s",
})

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
)


# People and bodies of the place a story was filed from, as reporters describe them.
_LOCAL = re.compile(
    r"\b(?:\d+-year-old|residents?|locals?|local (?:police|authorities|officials?|people)|retirees?|"
    r"pensioners?|villagers?|witness(?:es)?|protesters?|demonstrators?|passers-by|passer-by|"
    r"shop-?keepers?|onlookers?|police(?:man|woman)?|authorities)\b",
    re.IGNORECASE,
)


def attribute_countries(text: str, claims: list[ClaimCandidate], *, year: int | None = None,
                        dateline: Dateline | None = None) -> None:
    """Set the country (and for listed office holders the role) of speakers that have none.

    ``year``: the year the article was published, when known, which picks the office a
    listed person held then. ``dateline``: the story's dateline, whose place is the country
    of the local people and bodies it quotes.
    """
    speakers = [c.speaker for c in claims if c.speaker.type not in _SKIPPED_TYPES and not c.speaker.country]
    if not speakers:
        return
    names = [c.speaker.name for c in claims if c.speaker.type == "person"]
    decided: dict[tuple[str, str | None], tuple[str | None, str | None]] = {}
    document_countries = _lazy(lambda: {m.code for m in find_countries(text)})
    # A person quoted with several roles is decided once per role, from the same mentions.
    mentions: dict[str, list[str]] = {}
    for c in claims:
        sp = c.speaker
        if sp.type in _SKIPPED_TYPES or sp.country:
            continue
        key = (sp.name, sp.role)
        if key not in decided:
            phrase = text[c.speaker_start : c.speaker_end]
            decided[key] = _country(text, sp.name, sp.type, sp.role, phrase, names, year, document_countries,
                                    mentions)
            if decided[key][0] is None and dateline is not None and _is_local(text, sp.name, sp.type, phrase):
                decided[key] = (_place_country_of_dateline(dateline), None)
        country, role = decided[key]
        if country:
            sp.country = country
        if role and not sp.role:
            sp.role = role


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
        code = _voice_country(p, names, year) or _place_of(p)
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


def _is_local(text: str, name: str, speaker_type: str, phrase: str) -> bool:
    if _LOCAL.search(phrase):
        return True
    if speaker_type != "person" or not name[:1].isupper():
        return False
    surname = name.split()[-1]
    for start, end in _occurrences(text, surname):
        # What is said of the person in the same phrase: "60-year-old Ms Olga", "Ivan Petrov,
        # a retiree"; not "the locals" further on in the sentence.
        before = re.split(r"[,.;:()“”\"\n]", text[max(0, start - 40) : start])[-1]
        if _LOCAL.search(before) or _LOCAL.search(_appositive_after(text, end)):
            return True
    return False


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


def _place_country_of_dateline(dateline: Dateline) -> str | None:
    return _place_country_of_dateline_text(dateline.place)


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
    if end < 2 or text[end - 1] != " " or not (text[end - 2].isalnum() or text[end - 2] in "'’."):
        return ""
    line_start = text.rfind("\n", max(0, end - 120), end) + 1
    tokens = text[max(line_start, end - 120) : end].rsplit(" ", 9)[:-1]
    titles = title_words()
    kept: list[str] = []
    for token in reversed(tokens[-8:]):
        if not token or not _WORD.fullmatch(token):
            break  # punctuation or a double space between: another phrase
        bare = token.lower().removesuffix("'s").removesuffix("’s")
        if token.endswith(".") and token.count(".") == 1 and bare not in titles:
            break  # the end of the sentence before ("... with the EU. Opposition leader X")
        if not (token[:1].isupper() or bare in titles or bare in _TITLE_EXTRA):
            break
        kept.append(token)
    return " ".join(reversed(kept))


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


def _voice_country(phrase: str, names: list[str], year: int | None) -> str | None:
    m = _VOICE_OF.search(phrase)
    if not m:
        return None
    whose = m.group(1)
    code = _country_of_words(whose)
    if code:
        return code
    # "a spokesman for President Putin": the principal's own country.
    capitalised = [w for w in _NAME_WORD.findall(whose) if w.lower() not in title_words()]
    if capitalised:
        office = office_of(" ".join(capitalised[:3]), year=year, context=names)
        if office is not None:
            return office.country
    return None


def _place_of(phrase: str) -> str | None:
    for m in _PLACE_PATTERN.finditer(phrase):
        code = place_country(m.group(1) or m.group(2))
        if code:
            return code
    return None
