"""Public office holders: the country and role world knowledge gives a named speaker.

An analyst knows that a foreign minister named Lavrov speaks for Russia even when the article
does not say so. ``claimsdb/data/office_holders.tsv`` lists heads of state and government,
foreign and defence ministers and the heads of international bodies since 2000, one row per
person and office, with name variants and years in office. :func:`office_of` finds the office
a speaker's name points at: by full name (transliterations folded as for actors), by an initial
and surname when the given name is spelt another way, or by a surname alone when only one
listed person bears it (or the article names one of several in full).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from claimsdb.pattern_cache import cached_value
from claimsdb.resolve.names import KEY_TABLES, key_code, lookup_key as _lookup_key, name_key

# Speaker names repeat across the articles of a batch; their keys are worth keeping.
lookup_key = lru_cache(maxsize=16384)(_lookup_key)

__all__ = ["Office", "office_of", "offices_held", "listed_roles", "load_offices", "is_listed_name", "given_names", "same_given_name"]

# A name with one of these in front is a peer or a knight, not the politician sharing the
# surname ("Lord Browne" is not Des Browne): it must match a listed name in full.
_HONORIFICS = frozenset({"lord", "lady", "sir", "dame", "baroness", "baron", "earl", "king", "queen", "prince"})


@dataclass(frozen=True, slots=True)
class Office:
    """One office one person held: ``start`` and ``end`` are years (``end`` None: still held)."""

    name: str
    aliases: tuple[str, ...]
    role: str
    country: str | None
    start: int
    end: int | None

    def held_in(self, year: int) -> bool:
        return self.start <= year <= (self.end if self.end is not None else 9999)


def load_offices(text: str) -> list[Office]:
    """The rows of an office-holder table (the format of ``office_holders.tsv``)."""
    out = []
    columns: list[str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if columns is None:
            columns = [c.lower() for c in cells]
            continue
        row = dict(zip(columns, cells, strict=False))
        if not row.get("name") or not (row.get("from") or "").isdigit():
            continue
        end = row.get("to") or ""
        out.append(Office(
            name=row["name"],
            aliases=tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()),
            role=row.get("role") or "",
            country=row.get("country") or None,
            start=int(row["from"]),
            end=int(end) if end.isdigit() else None,
        ))
    return out


class _Index:
    """The office table indexed by the names of its holders, built from :func:`_index_rows`."""

    def __init__(self, rows: tuple) -> None:
        # Person key (the listed name's lookup key) → that person's offices.
        self.by_person: dict[str, list[Office]] = defaultdict(list)
        self.by_name: dict[str, str] = {}  # any listed form's key → person key
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        self.given: dict[str, set[str]] = defaultdict(set)  # person key → given names as listed
        # ... and as written, unfolded, to be found in an article's words ("Nikolay", not "nikolai").
        self.written_given: dict[str, set[str]] = defaultdict(set)
        for fields, person, forms in rows:
            self.by_person[person].append(Office(*fields))
            for key, written_given in forms:
                self.by_name.setdefault(key, person)
                words = key.split()
                self.by_surname[words[-1]].add(person)
                if len(words) > 1:
                    self.given[person].add(words[0])
                    self.written_given[person].add(written_given)


def _index_rows(text: str) -> tuple:
    """The offices of an office-holder table as plain values, with the keys of their names:
    per office, its fields (in Office's order), its holder's key and, for each listed form of
    the name that has a key, that key and the form's first word as written ("nikolay")."""
    rows = []
    for office in load_offices(text):
        forms = []
        for form in (office.name, *office.aliases):
            key = lookup_key(form)
            if key:
                forms.append((key, name_key(form).split()[0]))
        fields = (office.name, office.aliases, office.role, office.country, office.start, office.end)
        rows.append((fields, lookup_key(office.name), tuple(forms)))
    return tuple(rows)


@cache
def _index() -> _Index:
    text = (files("claimsdb.data") / "office_holders.tsv").read_text(encoding="utf-8")
    # Keying 1,600 offices' names costs a process more than reading the keys an earlier one
    # kept: they are cached by the table's text and the code and tables that make the keys.
    rows = cached_value("offices", text.encode() + KEY_TABLES, _index_rows, text,
                        uses=(load_offices, *key_code()))
    try:
        return _Index(rows)
    except Exception:  # a cache entry of another shape: built afresh
        return _Index(_index_rows(text))


def _person(name: str, context: Iterable[str], year: int | None = None) -> str | None:
    index = _index()
    key = lookup_key(name)
    if not key:
        return None
    if key in index.by_name:
        return index.by_name[key]
    words = key.split()
    if words[0] in _HONORIFICS:
        return None
    candidates = index.by_surname.get(words[-1], set())
    if not candidates:
        return None
    if len(words) > 1:
        # "Arsenyi Yatsenyuk", "Aleksandr Lukashenko": the surname agrees and the given name is
        # the same name spelt another way (not Platon for Pavlo, nor Benita for Boris); "N.
        # Mladenov": an initial agrees with the given name it begins.
        same = [p for p in candidates if any(_given_agrees(words[0], g) for g in index.given[p])]
        return same[0] if len(same) == 1 else None
    # A surname alone: the article may name its bearer in full elsewhere. Another given name
    # there ("Michael Howard") means someone else than the listed person ("John Howard").
    full = [lookup_key(other).split() for other in context]
    given_in_article = {w[0] for w in full if len(w) > 1 and w[-1] == words[-1]}
    if given_in_article:
        candidates = {p for p in candidates
                      if any(_given_agrees(g_text, g) for g_text in given_in_article for g in index.given[p])}
    if len(candidates) == 1:
        return next(iter(candidates))
    # Several listed persons share the surname (the Rasmussens): the one the article names in full.
    named = {index.by_name.get(lookup_key(other)) for other in context}
    chosen = candidates & named
    if len(chosen) == 1:
        return next(iter(chosen))
    if year is not None and not chosen:
        # The Koizumis: the one in office the year the article was written.
        chosen = {p for p in candidates if any(o.held_in(year) for o in index.by_person[p])}
    return next(iter(chosen)) if len(chosen) == 1 else None


def _given_agrees(given: str, listed: str) -> bool:
    """Whether a given name as written (or its initial) agrees with a listed given name."""
    if len(given) == 1:
        return listed.startswith(given)
    return same_given_name(given, listed)


def same_given_name(a: str, b: str) -> bool:
    """Whether two given names are spellings of one name: the first two letters agree and at
    most two letters differ ("arsenyi" and "arseniy", "aleksander" and "alexander")."""
    if a == b:
        return True
    if a[:2] != b[:2] or abs(len(a) - len(b)) > 2:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1] <= 2


def is_listed_name(name: str) -> bool:
    """Whether ``name`` is one of the listed forms of an office holder's name, in full."""
    return lookup_key(name) in _index().by_name


def given_names(name: str) -> set[str]:
    """The listed given names of the office holder ``name`` means, lower case as they are written
    in the list ("nikolay", not the folded key "nikolai"), else empty."""
    person = _person(name, ())
    return set(_index().written_given.get(person, ())) if person else set()


def offices_held(name: str, context: Iterable[str] = ()) -> list[Office]:
    """Every listed office of the person ``name`` means (empty when none is listed)."""
    person = _person(name, context)
    return list(_index().by_person[person]) if person else []


@cache
def listed_roles() -> frozenset[str]:
    """The roles the table lists, lower case ("foreign minister", "nato secretary general")."""
    return frozenset(o.role.lower() for offices in _index().by_person.values() for o in offices if o.role)


def office_of(name: str, *, year: int | None = None, context: Iterable[str] = (),
              titles: Iterable[str] = ()) -> Office | None:
    """The office the person called ``name`` held (in ``year`` when given), or None.

    ``context``: other names the article uses, which settle a surname several listed persons
    share; failing that, the one of them in office in ``year`` is meant. Without a year the
    office taken up last is given; with one, the office held that year. A person out of office
    that year keeps the country all their offices were of, with no role; one whose offices were
    of several countries or bodies gets None.

    ``titles``: the titles the article gives the person ("Prime Minister"). Of several offices
    that fit, one whose role the article writes is meant: "Prime Minister Kaja Kallas" in an
    article without a year is her country's premier, not the later office (rule
    office-by-title).
    """
    person = _person(name, context, year)
    if person is None:
        return None
    offices = _index().by_person[person]
    if year is not None:
        offices = [o for o in offices if o.held_in(year)]
        if not offices:
            # Still the same person of the same country: the country holds, the office does not.
            latest = max(_index().by_person[person], key=lambda o: o.start)
            countries = {o.country for o in _index().by_person[person]}
            if len(countries) == 1:
                return Office(latest.name, latest.aliases, "", latest.country, latest.start, latest.end)
            return None
    written = [t.lower() for t in titles if t]
    titled = [o for o in offices if o.role and any(_is_title_of(o.role.lower(), t) for t in written)]
    return max(titled or offices, key=lambda o: o.start)


def _is_title_of(role: str, title: str) -> bool:
    """Whether ``title`` as written names ``role``: the role is in it as whole words, not after
    a word that makes it another office ("Deputy Prime Minister")."""
    i = f" {title} ".find(f" {role} ")
    return i >= 0 and not title[:i].rstrip().endswith(("deputy", "vice", "former", "ex-", "acting", "shadow"))
