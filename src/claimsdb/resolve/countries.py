"""Countries and international bodies named in text: codes, names, mentions with offsets.

The lexicon is ``claimsdb/data/countries.tsv``: one row per ISO 3166 alpha-2 code (plus XK for
Kosovo and EU / UN / NATO / OSCE for bodies) with its names, abbreviations, demonyms and the
capitals or buildings that stand for its government in news prose ("the Kremlin said").

Everything is built once at import: a dictionary for exact look-ups and one regular expression,
shaped as a prefix tree, that finds every form in a text in a single linear pass.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from claimsdb.pattern_cache import cached_value, compile_pattern
from claimsdb.trie import _trie_regex
import unicodedata
from dataclasses import dataclass
from importlib.resources import files

__all__ = [
    "CountryMention",
    "country_code",
    "country_name",
    "capital_code",
    "country_of_phrase",
    "find_countries",
    "is_complement",
    "COUNTRY_CODES",
    "ORG_CODES",
]


@dataclass(frozen=True, slots=True)
class CountryMention:
    """A country or body named in a text: ``text[start:end]`` is the form found.

    ``form`` says how it was named: "name" (Ukraine, the United States), "demonym" (Ukrainian,
    Franco- in Franco-British), "capital" (Kyiv, the Kremlin, Brussels for the EU), "org" (any
    name or abbreviation of EU / UN / NATO / OSCE), "code" (an abbreviation: US, U.K., UAE),
    "region" (a region or its people's name, for the country it lies in: Siberian, Crimea;
    only reported when asked for).
    A possessive is not part of the span: "Russia's" gives a mention covering "Russia".
    """

    start: int
    end: int
    code: str
    form: str


# ---------------------------------------------------------------------------------------------
# Loading the lexicon


@dataclass(frozen=True, slots=True)
class _Row:
    code: str
    kind: str
    name: str
    aliases: tuple[str, ...]
    codes: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


def _split(field: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in field.split("|") if x.strip())


def _load_rows(text: str) -> list[_Row]:
    rows = []
    header_seen = False
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:  # the column names
            header_seen = True
            continue
        f = line.split("\t")
        f += [""] * (7 - len(f))
        rows.append(_Row(f[0], f[1], f[2], _split(f[3]), _split(f[4]), _split(f[5]), _split(f[6])))
    return rows


_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "\u00a0": " "})


def _strip_accents(s: str) -> str:
    if s.isascii():
        return s
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _norm(s: str) -> str:
    """Case-preserving key: accents dropped, apostrophes, hyphens and spaces made plain."""
    return " ".join(_strip_accents(s.translate(_APOSTROPHES)).split())


@lru_cache(maxsize=1 << 16)
def _fold(s: str) -> str:
    """Case-insensitive key for exact look-ups."""
    return _norm(s).casefold()


def _plural(demonym: str) -> str | None:
    # "Ukrainians", "Poles", "Israelis"; not "Swisss", "Frenchmans", "Chineses".
    if demonym.endswith(("s", "sh", "ch", "x", "z", "ese", "man", "-", "i-")):
        return None
    return demonym + "s"


def _without_article(form: str) -> str:
    # "the Netherlands" is matched as "Netherlands" so that the span is the name itself.
    for article in ("the ", "The "):
        if form.startswith(article) and len(form) > len(article):
            return form[len(article):]
    return form


_LEXICON = (files("claimsdb.data") / "countries.tsv").read_text(encoding="utf-8")
_ROWS = _load_rows(_LEXICON)
COUNTRY_CODES: frozenset[str] = frozenset(r.code for r in _ROWS if r.kind == "country")
ORG_CODES: frozenset[str] = frozenset(r.code for r in _ROWS if r.kind == "org")
_NAMES: dict[str, str] = {r.code: r.name for r in _ROWS if r.kind in ("country", "org")}


def _lexicon_inputs() -> bytes:
    """What the tables kept in the pattern cache are built from besides their builders' code:
    the lexicon's text, the row layout it is read into and the character table of _norm."""
    return "\0".join((_LEXICON, repr(_Row.__match_args__), repr(sorted(_APOSTROPHES.items())))).encode()


# Exact look-up: folded form → code. Filled in passes so that a code's own name wins over another
# row's alias, demonym or capital when two rows share a form. Ambiguous short forms are listed
# once, for the country news means by them: "Congo" and "Congolese" for the DR Congo (AP and
# Reuters style), "Korea" for South Korea, "Dominican" for the Dominican Republic.
def _lookup(rows: list[_Row]) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for kind_of_form in ("code", "name", "alias", "demonym", "capital"):
        for r in rows:
            if r.kind in ("block", "region"):
                continue  # a region is no country: "Crimea" alone names no speaker's state
            if kind_of_form == "code":
                forms: tuple[str, ...] = (r.code,)
            elif kind_of_form == "name":
                forms = (r.name,)
            elif kind_of_form == "alias":
                forms = r.aliases + r.codes
            elif kind_of_form == "demonym":
                forms = r.demonyms + tuple(p for p in map(_plural, r.demonyms) if p)
            else:
                forms = r.capitals
            for f in forms:
                for k in {_fold(f), _fold(_without_article(f)), _fold(f.rstrip("-"))}:
                    if k:
                        lookup.setdefault(k, r.code)
    return lookup


def _spells_body(form: str, row: _Row) -> bool:
    """``form`` is another spelling of the body ``row`` itself ("U.N.", "EU-27", "North
    Atlantic Treaty Organization" for NATO), not one of its agencies or institutions."""
    letters = re.sub(r"[^A-Za-z]", "", form).upper()
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][A-Za-z-]*", form) if w.lower() not in ("of", "for", "and", "in", "the"))
    code = row.code.upper()
    return letters == code or initials.upper() == code or _fold(form) == _fold(row.name)


# Folded name of an agency or institution of a body (UNICEF, the World Food Programme, the ECB) →
# the body's code: such a speaker keeps its own name and speaks for the body (rule body-agency).
def _agencies(rows: list[_Row]) -> dict[str, str]:
    return {_fold(f): r.code for r in rows if r.kind == "org" for f in r.aliases + r.codes if not _spells_body(f, r)}


# A region's demonym ("Scot", "Welshman", "Bavarian") names a person of its country; a
# country's own demonym wins where both list the same word.
def _demonyms(rows: list[_Row]) -> dict[str, str]:
    return {_fold(d): r.code for kind in ("region", "country") for r in rows if r.kind == kind
            for d in r.demonyms if not d.endswith("-")}


def _lookup_tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    rows = _load_rows(_LEXICON)
    return _lookup(rows), _agencies(rows), _demonyms(rows)


def _cached_lookup_tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """:func:`_lookup_tables` from the pattern cache, keyed by the lexicon and the code of every
    function the tables are built with (an edited lexicon or builder keys a new entry): folding
    some 5,000 forms cost each process more than reading the tables back."""
    return cached_value("country-lookup", _lexicon_inputs(), _lookup_tables,
                        uses=(_load_rows, _split, _lookup, _agencies, _demonyms, _spells_body, _plural,
                              _without_article, _fold.__wrapped__, _norm, _strip_accents))


_LOOKUP, _AGENCIES, _DEMONYMS = _cached_lookup_tables()


def body_agency(text: str) -> str | None:
    """The body (EU, UN ...) whose agency or institution ``text`` names exactly, or None:
    ``body_agency("UNICEF") == "UN"``, ``body_agency("UN") is None``."""
    key = _fold(text)
    if key.startswith("the "):
        key = key[4:]
    return _AGENCIES.get(key)


# ---------------------------------------------------------------------------------------------
# The text pattern: every surface form as one prefix-tree regex.

# Surface key (see _norm) → (code or None for blocked phrases, form).
_SURFACE: dict[str, tuple[str | None, str]] = {}


def _atoms(form: str) -> list[str]:
    """Regex pieces for one form, one per character: accents optional, punctuation variants."""
    return [_ATOMS.get(c) or _atom(c) for c in form]


# Character → its regex piece: the forms use a few dozen characters, thousands of times.
_ATOMS: dict[str, str] = {}


def _atom(c: str) -> str:
    if c in "'’ʼ":
        atom = "['’ʼ]"
    elif c == "-":
        atom = "[-‐‑]"
    elif c == " ":
        atom = "[ \u00a0]"
    elif not c.isascii() and c.isalpha():
        base = _strip_accents(c)
        atom = f"[{re.escape(c)}{re.escape(base)}]" if base and base != c else re.escape(c)
    else:
        atom = re.escape(c)
    _ATOMS[c] = atom
    return atom


def _surface_forms() -> list[tuple[str, str | None, str]]:
    """(surface form, code, form kind) for every way a row can appear in text."""
    out: list[tuple[str, str | None, str]] = []
    for r in _ROWS:
        if r.kind == "block":
            out += [(a, None, "block") for a in r.aliases]
            continue
        if r.kind == "region":
            out += [(_without_article(f), r.code, "region") for f in (r.name,) + r.aliases + r.demonyms]
            out += [(p, r.code, "region") for p in map(_plural, r.demonyms) if p]
            continue
        org = r.kind == "org"
        out += [(_without_article(f), r.code, "org" if org else "name") for f in (r.name,) + r.aliases]
        out += [(f, r.code, "org" if org else "code") for f in r.codes]
        for d in r.demonyms:
            out.append((d, r.code, "demonym"))
            if (p := _plural(d)) is not None:
                out.append((p, r.code, "demonym"))
        out += [(f, r.code, "capital") for f in r.capitals]
    # Headlines and datelines in capitals: "RUSSIA", "KYIV". Short forms are left out so that
    # e.g. "IRAN" is kept but no two- or three-letter word in capitals becomes a country.
    caps = [(f.upper(), c, k) for f, c, k in out if len(f) >= 4 and f.upper() != f and k != "code"]
    return out + caps


def _build_pattern() -> re.Pattern[str]:
    text, surface = cached_value("countries", _lexicon_inputs(), _pattern_text_and_surface, uses=_PATTERN_BUILDERS)
    _SURFACE.update(surface)
    return compile_pattern(text)


def _pattern_text_and_surface() -> tuple[str, dict[str, tuple[str | None, str]]]:
    """The text of the pattern (a prefix tree of every surface form), and what _SURFACE holds.

    Both follow from the lexicon's rows alone, so they are kept in the pattern cache: a new
    process reads them instead of normalising and escaping some 4,300 forms and keying the
    prefix tree on them (about 80M instructions, in every process that searches text)."""
    surface_keys: dict[str, tuple[str | None, str]] = {}
    sequences = []
    for surface, code, kind in _surface_forms():
        if not surface:
            continue
        # A combining form is keyed without its hyphen, which the match does not cover.
        key = _norm(surface[:-1] if surface.endswith("-") else surface)
        # The first row wins, as in _LOOKUP, but a block phrase always hides what it contains.
        if key not in surface_keys or kind == "block":
            surface_keys[key] = (code, kind)
        if surface.endswith("-"):
            # A combining form counts only before a hyphen: "Franco-British", not "Franco".
            sequences.append(_atoms(surface[:-1]) + ["(?=[-‐‑])"])
        else:
            sequences.append(_atoms(surface))
    # Every match starts with one of the forms' first atoms (one character each): a look-ahead
    # for them lets the scan skip every other character fast.
    firsts = "|".join(sorted({seq[0] for seq in sequences}))
    return r"(?=" + firsts + r")(?<!\w)(?:" + _trie_regex(sequences) + r")(?!\w)", surface_keys


# The functions whose code the cached pattern text and surface table depend on besides the
# builder's (an edit to any of them keys a new entry).
_PATTERN_BUILDERS = (_load_rows, _split, _surface_forms, _without_article, _plural, _norm, _strip_accents, _atoms,
                     _atom, _trie_regex)


# Built on first use: looking a name up (what queries do) needs no pattern.
_pattern = cache(_build_pattern)


# ---------------------------------------------------------------------------------------------
# Public functions


@lru_cache(maxsize=1 << 16)  # a pure look-up, asked of the same words again and again
def country_code(text: str) -> str | None:
    """The code of a country or body given exactly by ``text``, or None.

    Accepts an ISO alpha-2 code, a name, an alternative name, an abbreviation, a demonym or a
    capital, ignoring case, accents and a leading "the" or trailing possessive:
    ``country_code("ukrainian") == "UA"``, ``country_code("EU") == "EU"``,
    ``country_code("the Kremlin") == "RU"``. Only whole strings are looked up; use
    :func:`find_countries` to search inside a text.
    """
    if not text:
        return None
    key = _fold(text)
    code = _LOOKUP.get(key)
    if code is not None:
        return code
    for suffix in ("'s", "'"):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
            break
    if key.startswith("the "):
        key = key[4:]
    return _LOOKUP.get(key)


@cache
def _capitals() -> dict[str, str]:
    return {_fold(f): r.code for r in _ROWS if r.kind == "country" for f in r.capitals}


def capital_code(text: str) -> str | None:
    """The country whose capital ``text`` is ("Abu Dhabi" → "AE"), or None."""
    return _capitals().get(_fold(text)) if text else None


def demonym_code(text: str) -> str | None:
    """The country whose singular demonym ``text`` is ("American", "Briton", "Scot"), or None."""
    return _DEMONYMS.get(_fold(text)) if text else None


def country_name(code: str) -> str | None:
    """The canonical name of a code ("UA" → "Ukraine", "EU" → "European Union"), or None."""
    if not code:
        return None
    return _NAMES.get(code.upper()) or _NAMES.get(code)


def find_countries(text: str, start: int = 0, end: int | None = None, *,
                   regions: bool = False) -> list[CountryMention]:
    """Every mention of a country or body in ``text[start:end]``, in order, with offsets.

    ``regions``: also the regions listed for a country (form "region": "the Siberian-born",
    "Crimea's prime minister"), which tell where a person is from but are no country.

    Forms are whole words and matched case-sensitively as the lexicon writes them, so "US" and
    "U.S." are the United States but "us" is not; accents and curly apostrophes are optional.
    Phrases such as "Washington Post" or "Latin America" are recognised and skipped so that the
    country form inside them is not reported.
    """
    if end is None:
        end = len(text)
    out = []
    surface = _SURFACE
    for m in _pattern().finditer(text, start, end):
        found = m.group()
        hit = surface.get(found) or surface.get(_norm(found))
        if hit is None or hit[0] is None or (hit[1] == "region" and not regions):
            continue
        out.append(CountryMention(m.start(), m.end(), hit[0], hit[1]))
    return out


# A mention right after one of these names something the role points at ("ambassador to the
# US", "envoy for Ukraine"), not the country the person serves.
# (Not "a source close to the Kremlin": close to it is of it.)
# Also a remit of a few lower-case words, then the place it is in or with: "envoy for peace in
# Ukraine", "rapporteur on human rights in Russia", "minister for relations with Russia" (rule
# remit-place).
_COMPLEMENT = re.compile(
    r"(?:^|\W)(?:(?:(?<!close )(?<!closer )to|for|at|with|against|towards?|toward|on|about|over|into|versus|vs\.?|between|"
    r"and)\s+(?:(?:the|his|her|its|their)\s+)?"
    r"|(?:for|on|(?<!close )(?<!closer )to)\s+(?:(?!(?:the|a|an|his|her|its|their)\s)(?-i:[a-z][\w'’-]*)\s+){1,3}"
    r"(?:in|with|between|against)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)

def is_complement(text: str, start: int) -> bool:
    """Whether the country mention at ``start`` follows a preposition that points away from
    the one speaking ("partnership with Russia", "ambassador to the US")."""
    return bool(_COMPLEMENT.search(text, max(0, start - 40), start))


# Phrases seen lately, with their answers: an article names the same speakers again and again,
# and extraction and the resolve stage both ask about each speaker phrase.
_PHRASES_CACHED = 4096


@lru_cache(maxsize=_PHRASES_CACHED)
def country_of_phrase(phrase: str) -> str | None:
    """The country or body that a speaker phrase ties its person to, or None.

    "Italy's Foreign Minister Antonio Tajani" → IT; "EU High Representative for Foreign Affairs"
    → EU; "Deputy Chairman of Russia's Security Council" → RU; "UN General Assembly President" →
    UN; "the Siberian-born commander" → RU (a region counts for its country). The first
    mention that qualifies the role wins; a mention introduced by a preposition
    that points away from the speaker ("Ukraine's ambassador to the US", "envoy for Ukraine")
    counts only when nothing else is named.
    """
    if not phrase:
        return None
    mentions = find_countries(phrase, regions=True)
    if not mentions:
        # "European Energy Commissioner X", "the European Commissioner for Trade": a member of
        # the European Commission (rule european-commissioner; "European" alone names no body)
        return "EU" if "ommissioner" in phrase and _EU_COMMISSIONER.search(phrase) else None
    # A region in a relative clause is where something happened to the person ("one person
    # who had been questioned in Transdniestria"), not where they are from.
    relative = _RELATIVE.search(phrase)
    for m in mentions:
        if _EMBASSY.match(phrase, m.end):
            return m.code  # "an official at the Russian embassy in Kyiv": the embassy's country
    for m in mentions:
        if m.form == "region" and relative is not None and m.start > relative.start():
            continue
        if m.form == "name" and _TOPIC_NOUN.match(phrase, m.end):
            continue  # "head of the Russia programme at ...", "a Ukraine expert": the subject studied
        if studied_after(phrase, m.end):
            continue  # "the Institute of Russian, East European and Central Asian Studies": studied
        if not _COMPLEMENT.search(phrase, max(0, m.start - 40), m.start):
            return m.code
    return None


_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that)\b")
_EU_COMMISSIONER = re.compile(r"\bEuropean\s+(?:[A-Z][a-z]+\s+){0,2}[Cc]ommissioner\b")
# A country's mission abroad: the speaker works for the country before it, not the host.
_EMBASSY = re.compile(r"['’]?s?\s+(?:[Ee]mbassy|[Cc]onsulate|[Mm]ission|[Dd]elegation)\b")
# The rest of a body of studies named after the mention: "(Institute of) Russian, East European
# and Central Asian Studies", "(Centre for) Baltic Studies" (rule studies-body).
_STUDIES_AFTER = re.compile(r"(?:,?[ \t]+(?:and[ \t]+|&[ \t]+)?[A-Z][\w-]*){0,6}[ \t]+Studies\b")


def studied_after(text: str, pos: int) -> bool:
    """Whether the words from ``pos`` end the name of a body of studies, so that the country
    word before ``pos`` is what it studies, not whose it is (rule studies-body)."""
    return "Studies" in text and _STUDIES_AFTER.match(text, pos) is not None


# Nouns after a country's name that make it the subject a person studies or covers, not the
# person's own country: "the Russia programme", "a Ukraine expert", "Europe desk".
_TOPIC_NOUN = re.compile(r"\s+(?:programmes?|programs?|desk|studies|experts?|specialists?|analysts?|"
                         r"watchers?|scholars?|researchers?|project|initiative|observers?)\b")


# Misspelt country words ("Lithuanain", "Ukrainain"): only words this long are corrected, by
# one edit, so that short words that differ by a letter ("Iran", "Iraq") are never confused.
_MIN_MISSPELT_LENGTH = 7


@cache
def _long_country_words() -> dict[tuple[str, int], list[tuple[str, str]]]:
    """(first two letters, length) → [(folded form, code)] for country names and demonyms.

    Keyed by two letters: slips in the first two letters of a country word are rare, and
    comparing each capitalised word with a handful of forms keeps this cheap."""
    out: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for r in _ROWS:
        if r.kind != "country":
            continue
        for form in (r.name, *r.aliases, *r.demonyms):
            if " " in form or form.endswith("-") or len(form) < _MIN_MISSPELT_LENGTH - 1:
                continue
            folded = _fold(form)
            out.setdefault((folded[:2], len(folded)), []).append((folded, r.code))
    return out


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one insertion, deletion, substitution or swap of
    neighbouring letters."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


_LONG_CAPITALISED = re.compile(r"\b[A-Z][a-z]{%d,}\b" % (_MIN_MISSPELT_LENGTH - 1))


@lru_cache(maxsize=_PHRASES_CACHED)
def misspelt_country(phrase: str) -> str | None:
    """The country a capitalised word of ``phrase`` names with one letter wrong, or None.

    "the Lithuanain defence minister" → LT. Words of fewer than seven letters are left alone,
    and a word that is one edit from forms of two countries names neither.
    """
    # Imported here: the extractor's lexicon imports this module.
    from claimsdb.extract.lexicon import first_names

    forms = _long_country_words()
    for word in _LONG_CAPITALISED.findall(phrase or ""):
        lower = word.lower()
        if not any((lower[:2], n) in forms for n in (len(lower) - 1, len(lower), len(lower) + 1)):
            continue
        if country_code(word) or lower in first_names():
            continue  # "Cameron" is a name, not a slip for Cameroon
        folded = _fold(word)
        codes = {
            code
            for length in (len(folded) - 1, len(folded), len(folded) + 1)
            for form, code in forms.get((folded[:2], length), ())
            if _one_edit(folded, form)
        }
        if len(codes) == 1:
            return codes.pop()
    return None
