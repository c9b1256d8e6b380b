"""Body nouns ("the company said", "the firm added", "the club confirmed") → the body the
article names.

Coreference (claimsdb.resolve.coref) ties "the company" to the organisation it last saw, which
misses a company the extractor read as a person ("Vikco said", no given name) or named only in
the prose ("Shares in Vikco Foods fell ... the firm said"), and may be a regulator or a court
named in between. This step, run after it, looks at the bodies the article itself names before
the phrase:

- speakers of earlier claims that are organisations, or names read as persons that the
  article gives nothing of a person's (no known given name, gender, role or honorific, never
  after another capitalised word: claimsdb.resolve.coref._never_a_person);
- names beside a body noun ("German football club Vik United", "insurance broker Vikco",
  "Vikco, the Dutch brewer,", "building products group Anna Vik"), not a rival's or a parent's;
- one-word names the article's wording treats as companies ("Vikco's shares", "Vikco said
  its", claimsdb.resolve.coref._company_words).

A candidate must be of the noun's kind: "the club" a body called a club, "the bank" a bank,
"the company" or "the firm" a business or a body of no known kind (not a ministry, party or
court), and not one the claim itself names ("the firm said Vikco's unit ..."). The phrase
takes the one candidate named in its own sentence or the three before it, if that is the body
the article opens with or named as often as any other so far; with none there, the one the
headline or first paragraph names. With two nearby, or another name opening one of the last
sentences ("Vikco officials were unavailable. But the company said ..."), it keeps what
coreference gave it, unless that is of another kind (then it stays unnamed, scoped to the
article by the resolve stage). A name read as a person that a body noun stands for is typed an
organisation in every claim of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

from claimsdb.extract.lexicon import company_nouns, first_names
from claimsdb.extract.segment import Segmented
from claimsdb.extract import tokens as T
from claimsdb.extract.speakers import ORG_WORDS, Mention, country_code, describe
# (the module's patterns are compiled through it: their compiled code is kept between processes,
# so a process starts without parsing them again)
from claimsdb.pattern_cache import compile_pattern
from claimsdb.records import ClaimCandidate
from claimsdb.resolve.countries import demonym_code
from claimsdb.resolve.names import whole_word_starts
from claimsdb.resolve.coref import _company_words, _never_a_person

# Body nouns that stand for a body named before, besides the business nouns
# (data/company_nouns.txt): each is its own kind.
_OTHER_KINDS = frozenset("club charity organisation organization agency".split())
# Nouns only bodies have: a name right after one is a body's even if it looks like a person's.
_FIRM_ONLY = frozenset("company firm group bank bookmaker retailer airline insurer carmaker conglomerate chain "
                       "supermarket brewer club charity".split())
# Last words of a body's name that make it no business: "the company" is not a ministry.
_PUBLIC_WORDS = frozenset(
    "ministry office council commission department party committee court police army government parliament "
    "union association federation organisation organization foundation institute university authority "
    "authorities agency bureau assembly senate congress tribunal panel society trust charity club league "
    "regulator watchdog service".split())
# Business nouns too loose to pick a body by ("business", "unit", "division", "label").
_LOOSE = frozenset("business unit division subsidiary website label fund exchange investor utility".split())
# Lower-case words a body phrase may have between "the" and its noun ("the net firm").
_DESCRIBING = compile_pattern(r"[a-z][a-z-]*")
# A name: capitalised words (maybe joined by "&" or "of"), ending in a letter or "'s".
_NAME = r"[A-Z][\w&’'.-]*[\w](?:(?: &| of| and)? [A-Z][\w&’'.-]*[\w])*"
# How many sentences before the phrase's own count as nearby.
_NEARBY_SENTENCES = 3
# Words before a body noun that introduce another body than the one the article is about.
_OTHER_BODY = compile_pattern(r"\b(?:rival|rivals|another|other|competitor|competing|parent|sister|owner)\b(?:[ -][\w-]+){0,3} ?$", re.IGNORECASE)
# A company named by a company suffix.
_COMPANY_SUFFIX = compile_pattern(r" (?:Inc|Corp|Corporation|Ltd|plc|PLC|Group|Holdings|AG|SA|NV|Co)\.?$")


@dataclass(slots=True)
class _Body:
    name: str
    type: str
    country: str | None
    kinds: set[str] = field(default_factory=set)
    positions: list[int] = field(default_factory=list)
    # Mentions read as persons that name it: typed organisations when it is chosen.
    persons: list[Mention] = field(default_factory=list)
    # Known to be no business (a ministry, a party, a court).
    public: bool = False


_NOT_LETTERS = compile_pattern(r"[\W_]+")


def _fold(name: str) -> str:
    """"Time Warner" and "TimeWarner" are one name."""
    return _NOT_LETTERS.sub("", name.lower().removesuffix("'s").removesuffix("’s"))


def _head(seg: Segmented, m: Mention) -> str | None:
    """The noun of a definite body phrase with no name of its own ("the company", "The net
    firm", "the German carmaker"), whether coreference named it or not; or None."""
    if m.pronoun is not None or m.type not in ("organization", "anonymous", "group", "media"):
        return None
    words = m.text.split()
    if words and words[0].lower() != "the":
        if seg.text[max(0, m.start - 4) : m.start].lower() != "the ":
            return None  # "a security firm", "its central bank": another body, or a new one
        words = ["the"] + words
    if not 2 <= len(words) <= 4 or not all(_DESCRIBING.fullmatch(w) or _place_word(w) for w in words[1:-1]) \
            or not _DESCRIBING.fullmatch(words[-1]):
        return None
    head = words[-1]
    if m.plural or head.endswith("s") and not head.endswith("ss"):
        return None  # "the companies": several
    if head in _LOOSE or head not in company_nouns() and head not in _OTHER_KINDS:
        return None
    if head == "group" and len(words) > 2:
        return None  # "the pressure group", "the industry group": not a business group
    return head


def _place_word(word: str) -> bool:
    """"US", "German", "Canada-based": where a body is from, before its noun."""
    return bool(country_code(word) or demonym_code(word) or word.endswith("-based") and word[:1].isupper())


def _kind(head: str) -> str:
    """The kind of body a noun stands for: "club", "charity", "agency", "organisation", "bank"
    ("the lender" too) or "company" (every other business noun)."""
    if head in _OTHER_KINDS:
        return "organisation" if head == "organization" else head
    return "bank" if head in ("bank", "lender") else "company"


def _fits(body: _Body, kind: str) -> bool:
    """Whether ``body`` may be what a noun of ``kind`` stands for: evidence of that kind, or,
    for "the company" and "the organisation", no evidence of another."""
    if kind in body.kinds:
        return True
    if kind == "company":
        return "bank" in body.kinds or not body.public and not body.kinds - {"company", "bank"}
    if kind == "organisation":
        return body.type == "organization" or bool(body.kinds)
    return False


def _person_like(seg: Segmented, m: Mention) -> bool:
    """Whether the article gives the name of ``m`` something of a person's."""
    return bool(m.known_given_name or m.gender or m.role or first_names().get(m.name.split()[0].lower()) is not None
                or not _never_a_person(seg.masked, m.name))


def _bodies(seg: Segmented, claims: list[ClaimCandidate]) -> dict[str, _Body]:
    """The bodies the article names, by folded name, with where and as what."""
    found: dict[str, _Body] = {}
    masked = seg.masked

    def add(name: str, type_: str, country: str | None, pos: int, kind: str | None = None) -> _Body | None:
        if all(_place_word(part) for part in name.split("-")):
            return None  # "Shares in Anglo-Swedish drugmaker ...": where from, not a name
        body = found.get(_fold(name))
        if body is None:
            body = found[_fold(name)] = _Body(name, type_, country)
        elif type_ == "organization":
            body.type = type_
        body.positions.append(pos)
        if kind is not None:
            body.kinds.add(kind)
        return body

    noun_then_name, name_then_noun = _noun_patterns()
    # Names the article gives right after a noun only bodies have ("group Anna Berg"): a
    # company named after a person, though its name looks like one.
    firms: set[str] = set()
    # "football club Vik United", "insurance broker Vikco's", "Vikco, the Dutch brewer,".
    for hit in noun_then_name.finditer(masked):
        noun, name = hit.group(1).lower(), _POSSESSIVE_END.sub("", hit.group(2))
        if hit.group(1)[:1].isupper() and not _OPENS_SENTENCE.search(masked[max(0, hit.start() - 3) : hit.start()]):
            continue  # "Vik Bank Holiday": a noun in a name, not one that opens a sentence
        if name.split()[0].lower() in ("the", "a", "an"):
            continue
        if first_names().get(name.split()[0].lower()) is not None and " " in name:
            if noun not in _FIRM_ONLY:
                continue  # "producer Anna Berg": a name that may be a person's is left alone
            firms.add(_fold(name))
        if _OTHER_BODY.search(masked, max(0, hit.start() - 30), hit.start()):
            continue  # "rival club Vik City": not the body the article is about
        add(name, "organization", None, hit.start(2), _kind(noun))
    # "Vikco, the Dutch brewer,", "Vikco, Norway's biggest lender,", "Vikco - the firm which ...".
    for hit in name_then_noun.finditer(masked):
        if first_names().get(hit.group(1).split()[0].lower()) is None:
            add(hit.group(1), "organization", None, hit.start(1), _kind(hit.group(2)))
    # "NRC, the Nordic Registry Council, agrees": a name glossed by a body's full name.
    for hit in _GLOSSED_NAME.finditer(masked):
        if any(w.lower() in ORG_WORDS for w in hit.group(2).split()[1:] + hit.group(2).split()[:1]) \
                and first_names().get(hit.group(1).split()[0].lower()) is None:
            add(hit.group(1), "organization", None, hit.start(1))
    for c in claims:
        m = c.evidence.mention
        if m.pronoun is not None or m.plural or not m.name[:1].isupper() or m.type not in ("organization", "person") \
                or m.name not in m.text:
            continue  # (a body phrase named by coreference, "the company", names no body here)
        if m.type == "person" and _fold(m.name) not in firms \
                and (" " not in m.name.strip() and len(m.name) < 3 or _person_like(seg, m)):
            continue
        if " " not in m.name and _common_noun(m.name):
            continue  # "The Bank said": a body named by its noun alone, which one it does not say
        body = add(m.name, m.type, m.country, m.start)
        if body is None:
            continue
        if m.type == "person":
            body.persons.append(m)
        last = m.name.split()[-1].lower()
        if last in _PUBLIC_WORDS:
            body.public = True
            if last in _OTHER_KINDS:
                body.kinds.add(_kind(last))
        elif last == "bank":
            body.kinds.add("bank")
        elif _COMPANY_SUFFIX.search(m.name):
            body.kinds.add("company")
    for name in _company_words(masked, strong=True):
        first = masked.find(name)
        if _common_noun(name) or _OTHER_BODY.search(masked, max(0, first - 40), first):
            continue  # "rival chemical group Vikco": not the body the article is about
        if _fold(name) in found:
            found[_fold(name)].kinds.add("company")
        elif first_names().get(name.lower()) is None and _never_a_person(masked, name):
            add(name, "organization", None, masked.find(name), "company")
    # Every place the article names each body (headline included), for recency.
    for body in found.values():
        for form in {body.name, *(p.name for p in body.persons)}:
            body.positions += _named_at(masked, form)
        if body.name.replace(" ", "") != body.name:
            body.positions += _named_at(masked, body.name.replace(" ", ""))
        body.positions.sort()
    return found


@cache
def _noun_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns of a body noun before a name ("insurance broker Vikco") and after one
    ("Vikco, the Dutch brewer,"), built once: the nouns are a data file's. (Longer nouns first;
    nouns of one length in alphabetical order, which changes no match: two of them never
    match at one place.)"""
    nouns = "|".join(sorted((company_nouns() - _LOOSE) | _OTHER_KINDS, key=lambda noun: (-len(noun), noun)))
    return (
        compile_pattern(rf"(?<![\w-])((?i:{nouns})),? ({_NAME})"),
        compile_pattern(rf"(?<![\w’'-])({_NAME})(?:,| [-–—]) (?:the|a|an|[A-Z][\w-]*['’]s) (?:[\w’'-]+ ){{0,4}}?({nouns})"
                        rf"(?=[,;.]| (?:which|that|whose)\b)"),
    )


# "NRC, the Nordic Registry Council, agrees": a name glossed by a body's full name.
_GLOSSED_NAME = compile_pattern(rf"(?<![\w’'-])({_NAME}), the ([A-Z][\w’'-]*(?: (?:of|for|on|and|the|[A-Z][\w’'-]*))+),")
# A possessive ending a name ("Vikco's").
_POSSESSIVE_END = compile_pattern(r"['’]s$")
# What ends the three characters before a capitalised body noun that opens a sentence.
_OPENS_SENTENCE = compile_pattern(r"(?:^|[.!?]\s+|\n)$")


_BEFORE_NAME = compile_pattern(r"[\w’'&-]")
_AFTER_NAME = compile_pattern(r"[\w&-]")


def _named_at(masked: str, form: str) -> list[int]:
    """Where ``form`` stands in ``masked`` as a whole name: the starts of the matches of
    ``(?<![\\w’'&-])FORM(?![\\w&-])`` (what finditer finds, as tests/test_resolve_fast_paths.py
    checks), by plain search instead of a pattern compiled for each name."""
    if not form:
        return [hit.start() for hit in re.finditer(r"(?<![\w’'&-])(?![\w&-])", masked)]
    return list(whole_word_starts(masked, form, _BEFORE_NAME, _AFTER_NAME))


def _words(name: str) -> int:
    """How many words name a body, less joiners: "Marsh & McLennan" is two."""
    return sum(w not in ("&", "and", "of") for w in name.split())


def _merge_short(found: dict[str, _Body]) -> list[_Body]:
    """"Merrill" and "Merrill Lynch": a body whose name is all but the last word of a longer
    one's is that one (not "Vik Oil" of "Vik Oil Holding Company", its parent)."""
    bodies = sorted(found.values(), key=lambda b: -len(b.name))
    kept: list[_Body] = []
    for b in bodies:
        longer = next((k for k in kept if k.name.startswith(b.name + " ") and _words(k.name) == _words(b.name) + 1
                       and not k.name.endswith(("Holding", "Holdings"))), None)
        if longer is None:
            kept.append(b)
            continue
        longer.positions = sorted(set(longer.positions) | set(b.positions))
        longer.kinds |= b.kinds
        longer.persons += b.persons
        longer.public = longer.public or b.public
    return kept


def name_article_bodies(seg: Segmented, claims: list[ClaimCandidate]) -> set[int]:
    """Give each unnamed body phrase ("the company") the body the article names, in place.
    Returns the ``id`` of each mention so named."""
    wanted = [(c, h) for c in claims if (h := _head(seg, c.evidence.mention)) is not None]
    named: set[int] = set()
    if not wanted:
        return named
    bodies = _merge_short(_bodies(seg, claims))
    starts = [s.start for s in seg.sentences()]
    first = next((b for b in seg.blocks if not b.furniture and not b.heading and b.start > 0), None)
    opening_end = first.end if first is not None else 0
    for c, head in wanted:
        m = c.evidence.mention
        body = _choose(seg, c, _kind(head), bodies, starts, opening_end)
        if body is not None and (m.name == body.name or m.name.startswith(body.name + " ")) and _fits_named(m, _kind(head)):
            continue  # coreference named it so, or in full: "Vik Energy", not "Vik"
        if body is None:
            if m.name[:1].isupper() and not _fits_named(m, _kind(head)):
                # Coreference's pick is of another kind ("the company" → a ministry): unnamed.
                words = m.text.split()
                m.name = " ".join(words[1:] if words[0].lower() == "the" else words)
                m.type, m.role = "organization", None
            continue
        # Not a country coreference took from another body named so ("Israel's Vikco"), but
        # one of a description it took ("Australian firm") or the phrase's own ("the German firm").
        described = m.name[:1].isupper() and any(w.islower() for w in m.name.split())
        m.country = body.country or (m.country if described else None) or next(
            (country_code(w) or demonym_code(w) for w in m.text.split()[1:-1] if country_code(w) or demonym_code(w)), None)
        m.name, m.type, m.role, m.plural = body.name, "organization", None, False
        m.gender = None
        named.add(id(m))
        for p in body.persons:
            p.type, p.role, p.gender = "organization", None, None
    return named


def _fits_named(m: Mention, kind: str) -> bool:
    """Whether the body coreference gave a body phrase is of the phrase's kind."""
    words = m.name.split()
    if not words or not words[0][:1].isupper() or words[0].lower() in T.DATE_WORDS:
        return False  # "Under Italian", "Yesterday General Motors": no name
    if kind == "company":
        return words[-1].lower() not in _PUBLIC_WORDS
    return True


def _choose(seg: Segmented, c: ClaimCandidate, kind: str, bodies: list[_Body], starts: list[int],
            opening_end: int) -> _Body | None:
    """The one body of ``kind`` the article supports for the body phrase of ``c``, or None."""
    m = c.evidence.mention
    said = seg.text[c.text_start : c.text_end]
    here = bisect_right(starts, m.start) - 1
    near = starts[max(0, here - _NEARBY_SENTENCES)] if here >= 0 else 0
    fitting = [b for b in bodies if _fits(b, kind) and b.positions and b.positions[0] < m.start]
    unnamed = [b for b in fitting if not _names(said, b)]
    fitting = unnamed or fitting
    nearby = [b for b in fitting if any(near <= p < m.start for p in b.positions)]
    opening = [b for b in fitting if b.positions[0] < opening_end]
    if len(nearby) > 1:
        return None
    if nearby:
        body = nearby[0]
        # A body named in passing is not what "the company" of the article is: the one the
        # article opens with, or one named as often as any other before the phrase.
        counts = {id(b): bisect_right(b.positions, m.start - 1) for b in fitting}
        if opening != [body] and counts[id(body)] < max(counts.values()):
            return None
    elif len(opening) == 1:
        body = opening[0]
    else:
        return None
    return None if _other_subject(seg, starts, here, m, body) else body


def _names(said: str, body: _Body) -> bool:
    """Whether the claim's text ``said`` names ``body`` (by any of its spellings), as a whole
    name (see :func:`_named_at`)."""
    return any(_named_at(said, form) for form in {body.name, *(p.name for p in body.persons)})


def _common_noun(name: str) -> bool:
    """"Bank", "Group": a capitalised body noun, not a name."""
    low = name.lower()
    return low in company_nouns() or low in _OTHER_KINDS or low in _PUBLIC_WORDS or low in ORG_WORDS


# A sentence's opening name: capitalised words after any connectives ("But Vikco officials"),
# then a lower-case word or a possessive (not "However," or "In March,").
_OPENING_NAME = compile_pattern(r"(?:(?:[Bb]ut|[Aa]nd|[Nn]ow|[Ss]o|[Yy]et|Meanwhile,?|However,|Separately,) )?"
                           r"([A-Z][\w&’'.-]*[\w](?:(?: &| of)? [A-Z][\w&’'.-]*[\w])*)(?= [a-z]|['’]s )")
# Capitalised connectives that open a sentence: no name.
_CONNECTIVES = frozenset("But And Now So Yet However Meanwhile Still".split())


def _other_subject(seg: Segmented, starts: list[int], here: int, m: Mention, body: _Body) -> bool:
    """Whether the sentence of ``m`` or one of the two before opens with a name that may be another
    body ("Rosneft officials were unavailable. But the company said ..."): not ``body``, not a
    person the article names, a place or an ordinary word that opens a sentence."""
    forms = {_fold(body.name), *(_fold(p.name) for p in body.persons)}
    for k in (here, here - 1, here - 2):
        if k < 0:
            continue
        hit = _OPENING_NAME.match(seg.masked, starts[k])
        if hit is None or hit.start(1) >= m.start:
            continue
        name = _POSSESSIVE_END.sub("", hit.group(1))
        words = name.split()
        if words[0].lower() in seg.common_words() or words[0].lower() in T.DETERMINERS \
                or words[0].lower() in T.DATE_WORDS or words[0].lower() in T.ADVERBS or words[0] in _CONNECTIVES:
            continue  # "The firm", "Shares in ...", "Last year": no name opens it
        if any(_fold(name).endswith(f) or f.startswith(_fold(words[0])) for f in forms) or country_code(name):
            continue
        if len(words) == 1 and not _inside_sentence(seg.masked, name):
            continue  # "Shares in ...": a word that opens a sentence, never a name inside one
        who = describe(seg.text, hit.start(1), hit.start(1) + len(name))
        end = starts[k + 1] if k + 1 < len(starts) else len(seg.masked)
        if who.type == "country" or who.type == "person" and (who.known_given_name or who.gender or who.role) \
                and not _ITS.search(seg.masked[hit.end(1) : min(end, m.start)]):
            continue  # a person; but "Vik Berg is launching ... its drug" is a company
        return True
    return False


_ITS = compile_pattern(r"\bits\b")
_BEFORE_INSIDE = compile_pattern(r"[\w,]")
_AFTER_INSIDE = compile_pattern(r"[\w’'-]")


def _inside_sentence(masked: str, name: str) -> bool:
    """Whether ``name`` (not empty) stands in ``masked`` after a word or a comma and a space,
    not followed by a word character, as ``[\\w,] NAME(?![\\w’'-])`` finds it: a plain
    search, not a pattern compiled for each name."""
    spaced = " " + name
    i = masked.find(spaced, 1)
    while i >= 0:
        if _BEFORE_INSIDE.match(masked, i - 1) is not None and _AFTER_INSIDE.match(masked, i + len(spaced)) is None:
            return True
        i = masked.find(spaced, i + 1)
    return False


def join_spellings(claims: list[ClaimCandidate]) -> None:
    """"TimeWarner said ... Time Warner said": the organisations of one article whose names
    differ only in spaces or punctuation (or a name read as a person with nothing of a
    person's, beside an organisation spelled so) are one, named by the spelling most of its claims use
    (then the one with the most words)."""
    spellings: dict[str, list[Mention]] = {}
    for c in claims:
        m = c.evidence.mention
        if m.type in ("organization", "person") and m.pronoun is None and m.name[:1].isupper() and not m.plural \
                and not (m.type == "person" and (m.known_given_name or m.gender or m.role)):
            spellings.setdefault(_fold(m.name), []).append(m)
    for mentions in spellings.values():
        names = {m.name for m in mentions}
        if len(names) < 2 or len({_NOT_LETTERS.sub("", n) for n in names}) > 1 or any(n.endswith(("'s", "’s")) for n in names) \
                or all(m.type == "person" for m in mentions):
            continue
        # (one spelling an organisation: "Vik Lake" read as a person is the company too)
        best = max(sorted(names), key=lambda n: (sum(m.name == n for m in mentions), len(n.split())))
        for m in mentions:
            m.name, m.type, m.role = best, "organization", None


def join_extended_outlets(seg: Segmented, claims: list[ClaimCandidate]) -> None:
    """(check outlet-extended-name) "the Vik Herald Nordland printed ... the VH story
    said ... the paper said": an article that names an outlet only by a longer name of its own
    ("Financial Times Deutschland", "Sunday Vik Herald") means that outlet by every shorter
    name of it ("FT", "the paper" that coreference gave the shorter one), in place."""
    media = [c.evidence.mention for c in claims if c.evidence.mention.type == "media"]
    longer = {m.name for m in media}
    for m in media:
        short = m.name.removeprefix("The ")
        fuller = [n for n in longer if n != m.name and _names_outlet(n, short) and n in seg.text]
        # Only when the article never names the shorter outlet outside the longer name.
        if len(fuller) != 1 or _names_outlet(seg.text.replace(fuller[0], " "), short):
            continue
        m.name, m.country = fuller[0], None


_BEFORE_OUTLET = compile_pattern(r"[\w’'-]")
_AFTER_OUTLET = compile_pattern(r"[\w-]")


def _names_outlet(text: str, name: str) -> bool:
    """Whether ``text`` holds ``name`` as a whole name, as ``(?<![\\w’'-])NAME(?![\\w-])`` finds
    it: a plain search, not a pattern compiled for each outlet."""
    if not name:
        return re.search(r"(?<![\w’'-])(?![\w-])", text) is not None
    return next(whole_word_starts(text, name, _BEFORE_OUTLET, _AFTER_OUTLET), None) is not None


def _named_with(mentions: list[Mention], head: str) -> set[tuple[str, str]]:
    """(name, type) of the singular, named mentions whose name ends in the noun ``head``
    after more words ("fisheries select committee" for "committee")."""
    return {(e.name, e.type) for e in mentions
            if e.pronoun is None and not e.plural and e.name.lower().endswith(" " + head)}


def name_by_earlier_description(claims: list[ClaimCandidate]) -> set[int]:
    """(rule body-described-before) "The fisheries select committee said ... The committee
    added": a bare "the committee" that no step named is the one body the article's earlier
    speakers described with more words and that noun ("environment select committee"), scoped
    to the article like it; with two such descriptions ("the health committee", "the transport
    committee") it stays as it is. A panel of people with none so described ("the panel", "the
    inquiry", "the tribunal") is the one such body the earlier speakers name by another of these
    nouns ("the Vik Commission said ... The panel suggested"; rule panel-is-named-body).
    Returns the ``id`` of each mention so named."""
    named: set[int] = set()
    mentions = sorted((c.evidence.mention for c in claims), key=lambda m: m.start)
    for m in mentions:
        words = m.text.split()
        if len(words) != 2 or words[0].lower() != "the" or m.pronoun is not None or m.plural \
                or m.type not in ("organization", "anonymous") or m.name.lower() != words[1].lower():
            continue
        head = words[1].lower()
        if not head.isalpha() or head not in _FIRM_ONLY | _PUBLIC_WORDS:
            continue
        earlier = [e for e in mentions if e.start < m.start]
        fuller = {name for name, kind in _named_with(earlier, head) if name[:1].islower() and kind == m.type}
        if not fuller and head in _PANELS:
            panels = {(e.name, e.type) for e in earlier if _panel_name(e)}
            if len(panels) == 1:
                m.name, m.type = panels.pop()
                named.add(id(m))
                continue
        if len(fuller) == 1:
            m.name = fuller.pop()
            named.add(id(m))
    return named


# Bodies of people that sit and report: "the panel" may be the one named by another of these nouns.
_PANELS = frozenset("panel commission committee inquiry tribunal".split())


def _panel_name(m: Mention) -> bool:
    """Whether ``m`` names a body of people that sits and reports by more than its noun: "the
    Vik Commission", "environment select committee", "committee of MPs and peers"."""
    words = m.name.lower().split()
    if m.pronoun is not None or m.plural or m.type != "organization" or len(words) < 2:
        return False
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    return head in _PANELS


# "an all-party " before a bare noun: its article and up to two words.
_INDEFINITE_BEFORE = compile_pattern(r"\b[Aa]n? (?:(?!(?:the|its|this|that|their)\b)[\w-]+ ){0,2}$")


def name_by_later_description(claims: list[ClaimCandidate], text: str = "") -> set[int]:
    """(rule body-described-after) "..., a committee of MPs has warned. ... the fisheries
    select committee said": an indefinite "a committee (of ...)" is the one body the article's
    later speakers name with that noun and more words before it (news describes first and names
    after); with two such names, or none, it stays as it is. So is a bare "committee" the
    speaker phrase kept without the article and words before it in ``text`` ("an all-party
    committee said"), and a pronoun that coreference gave the description's name ("It
    blamed ..."). Returns the ``id`` of each mention so named."""
    named: set[int] = set()
    mentions = sorted((c.evidence.mention for c in claims), key=lambda m: m.start)
    for m in mentions:
        words = m.text.split()
        if len(words) == 1 and _INDEFINITE_BEFORE.search(text[max(0, m.start - 40) : m.start]):
            words = ["a", *words]  # "an all-party committee said": the phrase kept only the noun
        if len(words) < 2 or words[0].lower() not in ("a", "an") or m.pronoun is not None \
                or m.type not in ("organization", "anonymous", "group") or not m.name.lower().startswith(words[1].lower()):
            continue
        head = words[1].lower()
        if not head.isalpha() or head not in _PUBLIC_WORDS:
            continue
        fuller = {(name, kind) for name, kind in _named_with([e for e in mentions if e.start > m.start], head)
                  if kind in ("organization", "anonymous")}
        if len(fuller) == 1:
            described = m.name
            m.name, m.type = fuller.pop()
            m.plural = False
            named.add(id(m))
            for e in mentions:
                if e.pronoun is not None and e.start > m.start and e.name == described:
                    e.name, e.type, e.plural = m.name, m.type, False
                    named.add(id(e))
    return named


# Plural nouns for members of a legislature (or bare "members"): "the MPs" of a committee's report.
_MEMBERS = frozenset("mps meps msps peers senators lawmakers legislators congressmen councillors councilors members".split())
# How many sentences from the committee's own claims "the MPs" may stand.
_MEMBERS_NEARBY = 3


_COMMITTEE = compile_pattern(r"\bcommittee\b", re.IGNORECASE)


def name_committee_members(seg: Segmented, claims: list[ClaimCandidate]) -> set[int]:
    """(rule members-are-committee) "The fisheries select committee warned ... MPs on it
    added that they were uneasy": bare members of a legislature ("MPs", "the MPs", "peers", "members",
    and a "they" that stands for them) within three sentences of a claim of the one committee the article's
    speakers name are that committee (its report speaks for them); with two committees named,
    or none, they stay a group. Returns the ``id`` of each mention so named."""
    named: set[int] = set()
    mentions = sorted((c.evidence.mention for c in claims), key=lambda m: m.start)
    committees = [e for e in mentions if _panel_name(e) and _COMMITTEE.search(e.name)]
    if len({e.name.lower() for e in committees}) != 1:
        return named
    body = committees[0]
    starts = [s.start for s in seg.sentences()]
    at = sorted({bisect_right(starts, e.start) for e in committees})
    for m in mentions:
        words = m.text.lower().split()
        if m.name.lower() not in _MEMBERS or not (m.pronoun in ("they", "them") or words[-1:] == [m.name.lower()]
                                                   and words[:-1] in ([], ["the"])):
            continue
        here = bisect_right(starts, m.start)
        if not any(abs(here - k) <= _MEMBERS_NEARBY for k in at):
            continue
        m.name, m.type, m.role, m.plural, m.gender, m.country = body.name, body.type, None, False, None, body.country
        named.add(id(m))
        at = sorted(set(at) | {here})
    return named
