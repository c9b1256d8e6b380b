"""Dates in news prose: find them with offsets, resolve them against an anchor date.

:func:`find_dates` reports every date expression of a text, absolute ("March 16, 2025",
"2025-03-16", "in 2024") or anchored ("March 16", "on Thursday", "yesterday", "the next day",
"last month"). :func:`resolve_date` turns one into a :class:`~claimsdb.records.PartialDate`
given an anchor (usually the publication date, or for "the next day" the date told just
before). A year the article does not give stays None: never a silent guess.
:func:`find_publication_date` finds the date an article was published.

The words (months, weekdays, "yesterday", "the day before"...) are in
``claimsdb/data/date_words.tsv``; one regular expression built from them at import finds every
kind of date in a single pass over the text.
"""

from __future__ import annotations

import calendar
import functools
import marshal
import re
from bisect import insort
from dataclasses import dataclass
from datetime import date, timedelta

from claimsdb.records import PartialDate
from claimsdb.pattern_cache import cached_text, compile_pattern
from claimsdb.trie import _trie_regex, load_word_table, trie_regex

__all__ = ["DateMention", "find_dates", "resolve_date", "find_publication_date", "DATE_KINDS"]

# Values of ``DateMention.kind``.
DATE_KINDS = ("date", "month", "year", "weekday", "relative")


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression in a text; ``text[start:end]`` is the expression.

    ``kind`` says what was found and which fields are set:

    - "date": a day of a month, ``month`` and ``day``, ``year`` when written ("March 16",
      "16 March 2025", "Aug. 29", "2025-03-16", "Thursday, March 16"; ``weekday`` when one
      is written beside it, which then helps choose the year).
    - "month": ``month`` alone ("In February", "early March", "last March", "March 2025").
      ``modifier`` is "last", "next" or "this" when written; "March last year" sets
      ``unit="year"`` and ``offset=-1``.
    - "year": ``year`` alone ("in 2024", "by the end of 2027").
    - "weekday": ``weekday`` (0 = Monday) with ``modifier`` "last", "next", "this" or None.
    - "relative": ``unit`` ("day", "week", "month", "year") and signed ``offset`` of units
      ("yesterday": day, -1; "last month": month, -1; "the same day": day, 0).

    ``part`` is "early", "mid" or "late" for "early March", "mid-2025", "the end of January";
    it is kept for the reader and does not change the resolved date. ``relative_to`` is set for
    anchored mentions: "now" when the anchor is the time of writing or speaking (yesterday,
    last week, on Thursday, March 16) and "context" when it is a date told just before (the
    next day, that day, three days later). Prepositions ("on", "in") are not in the span.
    """

    start: int
    end: int
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    modifier: str | None = None
    part: str | None = None
    unit: str | None = None
    offset: int = 0
    relative_to: str | None = None

    @property
    def anchored(self) -> bool:
        """True when the mention needs an anchor date to resolve; False when it is absolute."""
        if self.kind in ("weekday", "relative"):
            return True
        return self.kind in ("date", "month") and self.year is None


# ---------------------------------------------------------------------------------------------
# The lexicon


_WORDS = load_word_table("date_words.tsv")


def _cased(form: str) -> set[str]:
    """The ways a lexicon phrase is written in prose: as listed, lower case, capitalised first
    word (sentence start), all capitals (headlines)."""
    return {form, form.lower(), form[:1].upper() + form[1:], form.upper()}


def _lex(forms: list[str], *, cased: bool = True, dotted: bool = False) -> str:
    """A lexicon as one prefix-tree regex (see claimsdb.trie.trie_regex).

    Case variants are spelled out instead of using re.IGNORECASE so that the tree starts with
    plain characters, which the engine rejects fastest; any run of spaces may separate words;
    ``dotted`` lets each form take a full stop ("Aug.").

    Built once per machine (claimsdb.pattern_cache.cached_text): spelling out the variants and
    escaping them character by character cost every new process more than the 17 look-ups. The
    key holds the forms in their order and both options, and the code of every function the
    text comes from (this builder, _cased and the prefix-tree builder), so a changed lexicon or
    builder builds afresh.
    """
    inputs = marshal.dumps((forms, cased, dotted), 2)  # format 2: no references, same bytes in every process
    return cached_text("dates-lex", inputs, _build_lex, forms, cased, dotted,
                       uses=(_cased, trie_regex, _trie_regex))


def _build_lex(forms: list[str], cased: bool, dotted: bool) -> str:
    """_lex's text, built (uncached)."""
    sequences = []
    for form in forms:
        for variant in _cased(form) if cased else {form, form.upper()}:
            atoms = [r"\s+" if c == " " else re.escape(c) for c in variant]
            sequences.append(atoms + ([r"\.?"] if dotted else []))
    return "(?:" + trie_regex(sequences) + ")"


_MONTH_NUMBER: dict[str, int] = {}
_MONTH_FULL: list[str] = []
_MONTH_ABBR: list[str] = []
for _value, _forms in _WORDS["month"]:
    _MONTH_FULL.append(_forms[0])
    _MONTH_ABBR.extend(_forms[1:])
    for _f in _forms:
        _MONTH_NUMBER[_f.lower()] = int(_value)

_WEEKDAY_NUMBER: dict[str, int] = {}
_WEEKDAY_FULL: list[str] = []
_WEEKDAY_ABBR: list[str] = []
for _value, _forms in _WORDS["weekday"]:
    _WEEKDAY_FULL.append(_forms[0])
    _WEEKDAY_ABBR.extend(_forms[1:])
    for _f in _forms:
        _WEEKDAY_NUMBER[_f.lower()] = int(_value)


def _key(s: str) -> str:
    """Lexicon key of matched words: lower case, single spaces, no trailing dot."""
    return " ".join(s.lower().rstrip(".").split())


_RELATIVE: dict[str, tuple[str, int, str]] = {}
for _value, _forms in _WORDS["relative"]:
    _unit, _off, _rel = _value.split(",")
    for _f in _forms:
        _RELATIVE[_key(_f)] = (_unit, int(_off), _rel)

_PART = {_key(f): v for v, fs in _WORDS["part"] for f in fs}
_NUMBER = {_key(f): int(v) for v, fs in _WORDS["number"] for f in fs}
_TIMEUNIT = {_key(f): v for v, fs in _WORDS["timeunit"] for f in fs}
_DIRECTION: dict[str, tuple[str, int]] = {}
for _value, _forms in _WORDS["direction"]:
    _rel, _sign = _value.split(",")
    for _f in _forms:
        _DIRECTION[_key(_f)] = (_rel, int(_sign))

_MONTH_ABBR_KEYS = frozenset(_key(f) for f in _MONTH_ABBR)
# Month and weekday names are proper nouns: as written or in capitals, never lower case.
_MONTH_FULL_RE = _lex(_MONTH_FULL, cased=False)
_MONTH_ANY_RE = f"(?:{_MONTH_FULL_RE}|{_lex(_MONTH_ABBR, cased=False, dotted=True)})"
_WD_FULL_RE = _lex(_WEEKDAY_FULL, cased=False)
_WD_ANY_RE = f"(?:{_WD_FULL_RE}|{_lex(_WEEKDAY_ABBR, cased=False, dotted=True)})"


def _forms(kind: str) -> list[str]:
    return [f for _, fs in _WORDS[kind] for f in fs]


def _words(kind: str) -> str:
    return _lex(_forms(kind))


_YEAR = r"(?:1[89]|20)\d\d"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_ORDINAL = r"(?:st|nd|rd|th)?"
# A time of day after a full date: "April 10, 2025 7:29 AM", "10 April 2025, 07:29 GMT".
_TIME = (
    r"(?:,?\s+(?:at\s+)?(?:\d{1,2}:\d\d(?::\d\d)?(?:\s*[AaPp]\.?[Mm]\.?(?!\w))?"
    r"|\d{1,2}(?:[.:]\d\d)?\s*[AaPp]\.?[Mm]\.?(?!\w))"
    rf"(?:\s+{_lex(_forms('timezone'), cased=False)}(?!\w))?)?"
)
_PARTS = _words("part")
_MODIFIERS = _words("modifier")


def _opening(form: str) -> str:
    """The first two words of a lexicon phrase: what the text holds where the phrase starts."""
    return " ".join(form.split()[:2])


# How every date expression starts, checked first at each word start so that the shapes below
# are tried only where one of them can begin: a month or weekday name, the first two words of a
# phrase ("the end", "the next", "that day": "the" alone starts a date rarely and is a word in
# fifteen), a modifier, or a count and its unit ("two days", "a week": only "two days ago"
# starts with a count). The count and unit are cased apart, as in the shape that reads them.
_FIRST_WORDS = r"(?:{}(?!\w)|{}\s+{}(?!\w))".format(
    _lex(
        _MONTH_FULL + _MONTH_ABBR + _WEEKDAY_FULL + _WEEKDAY_ABBR + _forms("modifier")
        + [_opening(f) for kind in ("part", "block") for f in _forms(kind)]
        + [_opening(f) for f in _RELATIVE]
    ),
    _words("number"),
    _words("timeunit"),
)

# One pattern, one alternative per shape; at each position the first alternative that matches
# wins, so the more specific shapes come first (a weekday before an explicit date belongs to
# the date; "in March 16" is a day, not a month).
_SHAPES = rf"""
    (?:
      (?P<BLOCK>{_lex(_forms("block"), cased=False)})(?!\w)
    | (?P<ISO>
        (?<![\w./-])(?P<iso_y>{_YEAR})(?P<iso_sep>[-/.])(?P<iso_m>1[0-2]|0?[1-9])(?P=iso_sep)
        (?P<iso_d>{_DAY})(?!\d)
        (?:[T\ ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?(?!\d))?
      )
    | (?P<NUM>
        (?<![\w./-])(?P<num_a>\d{{1,2}})(?P<num_sep>[./-])(?P<num_b>\d{{1,2}})(?P=num_sep)
        (?P<num_y>{_YEAR})(?!\w|[./-]\d)
        {_TIME}
      )
    | (?P<MD>
        (?:(?P<md_wd>{_WD_ANY_RE}),?\s+(?:the\s+)?)?
        (?P<md_m>{_MONTH_ANY_RE})\s+(?:the\s+)?(?P<md_d>{_DAY}){_ORDINAL}(?!\w|[:.]\d)
        (?:\s*[-–]\s*{_DAY}{_ORDINAL}(?!\w|[:.]\d))?
        (?:(?:,\s*|\s+)(?P<md_y>{_YEAR})(?:(?!\w|[.,:]\d)|(?=\d{{1,2}}:\d\d(?!\d))))?
        {_TIME}
      )
    | (?P<DM>
        (?:(?P<dm_wd>{_WD_ANY_RE}),?\s+(?:the\s+)?)?
        (?<![\w.,:/-])(?P<dm_d>{_DAY}){_ORDINAL}
        (?:\s*[-–]\s*{_DAY}{_ORDINAL})?\s+(?:of\s+)?
        (?P<dm_m>{_MONTH_ANY_RE})(?!\w)
        (?:,?\s+(?P<dm_y>{_YEAR})(?!\w|[.,:]\d))?
        {_TIME}
      )
    | (?P<RELN>
        (?P<rn_n>\d{{1,3}}|{_words("number")})\s+(?P<rn_u>{_words("timeunit")})\s+
        (?P<rn_d>{_words("direction")})(?!\w)
      )
    | (?P<MO>
        (?:(?P<mo_part>{_PARTS})(?:\s*[-–]\s*|\s+))?
        (?:(?P<mo_mod>{_MODIFIERS})\s+)?
        (?P<mo_m>{_MONTH_ANY_RE})(?!\w)
        (?:(?:,\s*|\s+)(?P<mo_y>{_YEAR})(?!\w|[.,:]\d)
         |\s+(?P<mo_rel>{_MODIFIERS})\s+{_lex(["year"])}(?!\w))?
        (?!\.?\s*\d)
      )
    | (?P<YR>
        (?:(?P<yr_part>{_PARTS})(?:\s*[-–]\s*|\s+))?
        (?<![\w$€£¥₴₽.,:/\#])(?P<yr>{_YEAR})
        (?!\w|[.,:/]\d|\s*(?:%|(?i:percent|per\s+cent|million|billion|thousand|trillion|hours?|hrs?)(?!\w)|GMT|BST|UTC))
      )
    | (?P<WD>
        (?:(?P<wd_mod>{_MODIFIERS})\s+)?(?P<wd>{_WD_FULL_RE})(?!\w)
      )
    | (?P<REL>
        {_lex(list(_RELATIVE))}(?!\w)
      )
    )
    """
_OPENING = rf"(?=\d|{_FIRST_WORDS})"
_PATTERN = compile_pattern(rf"(?<!\w){_OPENING}{_SHAPES}", re.VERBOSE)
# The same after the character before the date, which is no word character. A pattern that
# starts with a character class lets the engine skip in C to the next space or mark, where
# _PATTERN, which starts with a look-behind, is tried at every character of the text; the
# shapes' look-behinds see the character either way. (The whole match is one character longer.)
_AFTER_BREAK = compile_pattern(rf"[^\w]{_OPENING}{_SHAPES}", re.VERBOSE)
# A month name alone is a date only after one of these ("in March"): "March" and "May" are
# also ordinary words. Looked for just before the month, outside the mention's span.
# A month right after another in a list or range ("between January and March") needs no cue.
_CUE_BEFORE = compile_pattern(
    rf"(?:(?<!\w){_words('cue')}\s+|{_MONTH_FULL_RE}\s*(?:,|[-–]|\s(?:and|or|to|through|until|till))\s*)\Z"
)

# "last March" said in April is the March just gone; "next March" the one to come.
_MODIFIER_WORDS = {_key(f): v for v, fs in _WORDS["modifier"] for f in fs}


def _num(s: str) -> int:
    return int(s) if s.isdigit() else _NUMBER.get(_key(s), 0)


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date expression in ``text[start:end]``, in order, with offsets into ``text``.

    A whole text's dates are remembered for the next call: reading a document looks for its
    publication date and analysing it for its statement dates, in the same process.

    Finds explicit dates ("March 16", "March 16, 2025", "16 March 2025", "Aug. 29",
    "2025-03-16", "16.03.2025", "April 10, 2025 7:29 AM" with the time in the span), months
    ("In February", "at the end of January", "last March"), years ("in 2024"), weekdays
    ("on Thursday") and relative expressions ("yesterday", "on the same day", "last week",
    "two days ago"). A day that cannot exist in any year (April 31) is not reported; whether a
    bare year dates a statement or is part of what was said is for the caller to decide.
    """
    if start == 0 and (end is None or end == len(text)):
        return list(_whole_text_dates(text))
    return _find_dates(text, start, len(text) if end is None else end)


@functools.lru_cache(maxsize=2)
def _whole_text_dates(text: str) -> tuple[DateMention, ...]:
    return tuple(_find_dates(text, 0, len(text)))


# A time zone after a date and maybe its clock time: European zones (and GMT/UTC offsets, which
# US pages do not print) mean day first, US zones month first.
_ZONE_AFTER = compile_pattern(
    r"[\s,|–—-]*(?:(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?[\s,|–—-]*)?"
    r"(?:(?P<europe>(?:GMT|UTC)\s*[+−-]\s*\d{1,2}(?::?\d\d)?|CET|CEST|EET|EEST|WET|WEST|BST|MSK)"
    r"|(?P<us>EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT))(?![\w+])", re.IGNORECASE)


def _next_date(text: str, pos: int, end: int) -> tuple[int, re.Match[str]] | None:
    """Where the first match of ``_PATTERN.search(text, pos, end)`` starts, and the match:
    the same dates, found faster (see _AFTER_BREAK; its match starts a character early)."""
    if pos <= 0:
        m = _PATTERN.match(text, 0, end)  # no character before the start of the text
        if m is not None:
            return 0, m
        pos = 1
    m = _AFTER_BREAK.search(text, pos - 1, end)
    return None if m is None else (m.start() + 1, m)


def _find_dates(text: str, start: int, end: int) -> list[DateMention]:
    out: list[DateMention] = []
    named: list[tuple[int, tuple[int | None, int, int]]] = []  # (where, (year or None, month, day)) by a month's name
    undecided: list[tuple[int, int, int, int, int]] = []  # slashed dates either way round
    # _PATTERN.finditer(text, start, end); no match is empty, so each search goes on from
    # the end of the match before
    pos = start
    while (found := _next_date(text, pos, end)) is not None:
        s, m = found
        e = pos = m.end()
        shape = m.lastgroup
        mention: DateMention | None = None
        if shape == "MD" or shape == "DM":
            p = "md_" if shape == "MD" else "dm_"
            month = _MONTH_NUMBER[_key(m.group(p + "m"))]
            day = int(m.group(p + "d"))
            y = m.group(p + "y")
            year = int(y) if y else None
            wd = m.group(p + "wd")
            if _valid(year or 2000, month, day):
                if wd or out and out[-1].kind == "weekday" and s - out[-1].end <= 3:
                    # (only a day the text ties to its weekday, "Sunday (Jul. 6)", "Sunday, July
                    # 6", orders a slashed date: a story's own day, not "since 1 June")
                    named.append((s, (year, month, day)))
                mention = DateMention(
                    s, e, "date", year, month, day,
                    weekday=_WEEKDAY_NUMBER[_key(wd)] if wd else None,
                    relative_to=None if year else "now",
                )
        elif shape == "ISO":
            year, month, day = int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d"))
            if _valid(year, month, day):
                mention = DateMention(s, e, "date", year, month, day)
        elif shape == "NUM":
            a, b, year = int(m.group("num_a")), int(m.group("num_b")), int(m.group("num_y"))
            if m.group("num_sep") != "/":
                day, month = a, b  # 16.03.2025 and 16-03-2025 are day first wherever used
            elif a > 12 >= b:
                day, month = a, b
            elif b > 12 >= a or a == b:
                day, month = b, a
            elif (zone := _ZONE_AFTER.match(text, m.end("num_y"), min(len(text), e + 30))) is not None:
                # "02/10/2025 - 18:31 GMT+2": a European or US time zone after it says which
                # way the page writes its dates (rule zone-orders-date)
                day, month = (a, b) if zone.group("europe") else (b, a)
            else:
                # 04/10/2025: April 10 or 4 October; decided after the scan by the dates the
                # article writes with a month's name, else not guessed
                undecided.append((s, e, a, b, year))
                continue
            if _valid(year, month, day):
                mention = DateMention(s, e, "date", year, month, day)
        elif shape == "MO":
            word = _key(m.group("mo_m"))
            y, rel, mod = m.group("mo_y"), m.group("mo_rel"), m.group("mo_mod")
            part = m.group("mo_part")
            # A month name alone is a date only with a cue ("in March"): "March" and "May" are
            # also ordinary words. An abbreviation alone ("Mar") needs a year.
            if not (y or rel or mod or part) and not _CUE_BEFORE.search(text, max(0, s - 30), s):
                continue
            if word in _MONTH_ABBR_KEYS and not y:
                continue
            if rel:
                mention = DateMention(
                    s, e, "month", None, _MONTH_NUMBER[word], part=_PART.get(_key(part)) if part else None,
                    unit="year", offset={"last": -1, "next": 1}.get(_MODIFIER_WORDS[_key(rel)], 0),
                    relative_to="now",
                )
            else:
                mention = DateMention(
                    s, e, "month", int(y) if y else None, _MONTH_NUMBER[word],
                    modifier=_MODIFIER_WORDS[_key(mod)] if mod else None,
                    part=_PART.get(_key(part)) if part else None,
                    relative_to=None if y else "now",
                )
        elif shape == "YR":
            part = m.group("yr_part")
            mention = DateMention(
                s, e, "year", int(m.group("yr")),
                part=_PART.get(_key(part)) if part else None,
            )
        elif shape == "WD":
            mod = m.group("wd_mod")
            mention = DateMention(
                s, e, "weekday", weekday=_WEEKDAY_NUMBER[_key(m.group("wd"))],
                modifier=_MODIFIER_WORDS[_key(mod)] if mod else None, relative_to="now",
            )
        elif shape == "RELN":
            n = _num(m.group("rn_n"))
            rel, sign = _DIRECTION[_key(m.group("rn_d"))]
            unit = _TIMEUNIT[_key(m.group("rn_u"))]
            mention = DateMention(
                s, e, "relative", unit=unit, offset=sign * n, relative_to=rel
            )
        elif shape == "REL":
            unit, offset, rel = _RELATIVE[_key(text[s:e])]
            mention = DateMention(
                s, e, "relative", unit=unit, offset=offset, relative_to=rel
            )
        if mention is not None:
            out.append(mention)
    for s, e, a, b, year in undecided:
        # (only dates the article writes near it, in its first lines: a background date further
        # on decides nothing)
        order = _order_by_named_dates(year, a, b, [d for at, d in named if s < at < s + _NAMED_REACH])
        if order is not None:
            insort(out, DateMention(s, e, "date", year, *order), key=lambda d: d.start)
    return out


def _order_by_named_dates(year: int, a: int, b: int, named: list[tuple[int | None, int, int]]) -> tuple[int, int] | None:
    """(month, day) of a slashed date "a/b/year" that reads either way, by the days the article
    writes with a month's name and a weekday near it: the reading that falls on or up to a week
    after one of them, when the other does not ("Published on 06/07/2025" over "said on Sunday
    (Jul. 6)" is 6 July; rule slashed-date-by-named). None when neither or both do."""
    def near(month: int, day: int) -> bool:
        when = date(year, month, day)
        return any(y in (None, year) and _valid(year, m, d) and timedelta(0) <= when - date(year, m, d) <= _WEEK
                   for y, m, d in named)

    readings = [(m, d) for m, d in ((b, a), (a, b)) if _valid(year, m, d) and near(m, d)]
    return readings[0] if len(readings) == 1 else None


_WEEK = timedelta(days=7)
# How far after a slashed date the dates that decide its order may be: the story's first lines.
_NAMED_REACH = 600


# ---------------------------------------------------------------------------------------------
# Resolution

# News reports what was said before publication, but a date a little after the anchor is
# still plausible ("the meeting on April 12" in an article of April 10).
_AHEAD = timedelta(days=31)


def _as_partial(anchor: PartialDate | date | None) -> PartialDate | None:
    if anchor is None or isinstance(anchor, PartialDate):
        return anchor
    return PartialDate(anchor.year, anchor.month, anchor.day, "day")


def _anchor_day(a: PartialDate | None) -> date | None:
    if a is None or a.year is None or a.precision != "day" or a.month is None or a.day is None:
        return None
    try:
        return date(a.year, a.month, a.day)
    except ValueError:
        return None


def _day_with_year(month: int, day: int, weekday: int | None, a: PartialDate) -> PartialDate | None:
    """The year for a day and month from an anchor with a year: the closest, at most ~a month ahead."""
    assert a.year is not None
    if a.month is None or a.precision == "year":
        return PartialDate(a.year, month, day) if _valid(a.year, month, day) else None
    last = calendar.monthrange(a.year, a.month)[1]
    if a.precision == "day" and a.day is not None and 1 <= a.day <= last:
        ref, limit = date(a.year, a.month, a.day), date(a.year, a.month, a.day) + _AHEAD
    else:  # month precision: closest to its middle, not beyond a month after its end
        ref, limit = date(a.year, a.month, min(15, last)), date(a.year, a.month, last) + _AHEAD
    candidates = [
        date(y, month, day) for y in (a.year - 1, a.year, a.year + 1) if _valid(y, month, day)
    ]
    candidates = [c for c in candidates if c <= limit]
    if weekday is not None and any(c.weekday() == weekday for c in candidates):
        candidates = [c for c in candidates if c.weekday() == weekday]
    if not candidates:
        return None
    best = min(candidates, key=lambda c: (abs((c - ref).days), c))
    return PartialDate(best.year, best.month, best.day)


def _month_with_year(month: int, modifier: str | None, a: PartialDate) -> PartialDate:
    """The year for a month alone: the closest to the anchor, at most one month ahead of it."""
    assert a.year is not None
    if a.month is None or a.precision == "year":
        # Only the year is known: "in March" is that year's; "last March" could be either.
        if modifier in ("last", "next"):
            return PartialDate(None, month, None, "month")
        return PartialDate(a.year, month, None, "month")
    here = a.year * 12 + a.month - 1
    options = [y * 12 + month - 1 for y in (a.year - 1, a.year, a.year + 1)]
    if modifier == "last":
        index = max(o for o in options if o < here)
    elif modifier == "next":
        index = min(o for o in options if o > here)
    elif modifier == "this":
        index = a.year * 12 + month - 1
    else:
        index = min((o for o in options if o <= here + 1), key=lambda o: (abs(o - here), o))
    return PartialDate(index // 12, index % 12 + 1, None, "month")


def _shift_day(a: PartialDate, days: int) -> PartialDate | None:
    if a.year is not None:
        base = _anchor_day(a)
        if base is None:
            return None
        d = base + timedelta(days=days)
        return PartialDate(d.year, d.month, d.day)
    if a.month is None or a.day is None or a.precision != "day":
        return None
    # Year unknown: the result must be the same in a leap year and a common one.
    results = set()
    for y in (2000, 2001):
        if not _valid(y, a.month, a.day):
            continue
        d = date(y, a.month, a.day) + timedelta(days=days)
        results.add((d.month, d.day))
    if len(results) != 1:
        return None
    month, day = results.pop()
    return PartialDate(None, month, day)


def _week(a: PartialDate, weeks: int) -> PartialDate | None:
    """The calendar week ``weeks`` from the anchor's, as precisely as a PartialDate can say.

    A week has no PartialDate precision of its own, and "day" would invent one: the result is
    the month when the whole week (Monday to Sunday) lies in one month, else the year when it
    lies in one year, else None.
    """
    base = _anchor_day(a)
    if base is None:
        return None
    monday = base - timedelta(days=base.weekday()) + timedelta(weeks=weeks)
    sunday = monday + timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return PartialDate(monday.year, monday.month, None, "month")
    if monday.year == sunday.year:
        return PartialDate(monday.year, None, None, "year")
    return None


def resolve_date(mention: DateMention, anchor: PartialDate | date | None) -> PartialDate | None:
    """The date a mention stands for, using ``anchor`` for what the mention leaves out.

    Absolute mentions ignore the anchor. For anchored ones:

    - a day and month without a year takes the anchor's year, or the year before or after,
      whichever puts it closest to the anchor without being more than about a month after it
      (a weekday written beside it picks the year it fits); with no year in the anchor the year
      stays None (``XXXX-03-16``);
    - a month alone likewise, at month precision; "last March" is the one before the anchor's
      month, "next March" the one after;
    - a weekday is the most recent such day on or before the anchor ("last" strictly before,
      "next" strictly after, "this" in the anchor's Monday-to-Sunday week); it needs an anchor
      with year, month and day, else None;
    - "yesterday", "the next day", "two days ago": day arithmetic from a day-precision anchor;
      "the same day", "today" return the anchor itself;
    - "last week", "this week": the month when that whole week lies in one month, else the
      year when it lies in one year, else None (a week is not a day);
    - "last month", "this year": month or year arithmetic at that precision.

    Returns None when the anchor is too vague for the mention, or the date cannot exist.
    """
    a = _as_partial(anchor)
    kind = mention.kind
    if kind == "date":
        month, day = mention.month, mention.day
        if month is None or day is None:
            return None
        if mention.year is not None:
            return PartialDate(mention.year, month, day) if _valid(mention.year, month, day) else None
        if a is None or a.year is None:
            return PartialDate(None, month, day) if _valid(2000, month, day) else None
        return _day_with_year(month, day, mention.weekday, a)
    if kind == "month":
        if mention.month is None:
            return None
        if mention.year is not None:
            return PartialDate(mention.year, mention.month, None, "month")
        if a is None or a.year is None:
            return PartialDate(None, mention.month, None, "month")
        if mention.unit == "year":  # "March last year"
            return PartialDate(a.year + mention.offset, mention.month, None, "month")
        return _month_with_year(mention.month, mention.modifier, a)
    if kind == "year":
        return PartialDate(mention.year, None, None, "year") if mention.year else None
    if kind == "weekday":
        base = _anchor_day(a)
        if base is None or mention.weekday is None:
            return None
        wd, today = mention.weekday, base.weekday()
        if mention.modifier == "last":
            d = base - timedelta(days=(today - wd - 1) % 7 + 1)
        elif mention.modifier == "next":
            d = base + timedelta(days=(wd - today - 1) % 7 + 1)
        elif mention.modifier == "this":
            d = base + timedelta(days=wd - today)
        else:
            d = base - timedelta(days=(today - wd) % 7)
        return PartialDate(d.year, d.month, d.day)
    if kind == "relative":
        if a is None:
            return None
        unit, offset = mention.unit, mention.offset
        if unit == "day":
            return a if offset == 0 else _shift_day(a, offset)
        if unit == "week":
            return _week(a, offset)
        if unit == "month":
            if a.year is None or a.month is None or a.precision == "year":
                return None
            index = a.year * 12 + a.month - 1 + offset
            return PartialDate(index // 12, index % 12 + 1, None, "month")
        if unit == "year":
            return PartialDate(a.year + offset, None, None, "year") if a.year is not None else None
    return None


# ---------------------------------------------------------------------------------------------
# Publication date

# How far into a text a byline or dateline is looked for: scraped pages put navigation first.
_HEAD = 6000
# A line that starts like a byline: "by Olena Goncharova April 10, 2025", "Published: ...".
_BYLINE_CUE = compile_pattern(
    r"^\W{0,3}(?:by\b|published\b|updated\b|last\s+updated\b|first\s+published\b|posted\b|"
    r"modified\b|created\b|date\b|dated\b|released\b)",
    re.IGNORECASE,
)
_READ_TIME = compile_pattern(r"\bmin(?:ute)?s?\s+read\b", re.IGNORECASE)
# A clock time right after the date: "April 10, 2025 7:29 AM", "10 Apr 2025 07.29 BST".
_CLOCK = compile_pattern(r"^\W{0,3}(?:at\s+)?\d{1,2}[:.]\d\d")
# "WARSAW, April 10, 2025 (Reuters) -": a place in capitals, then the date, then a dash.
_DATELINE_BEFORE = compile_pattern(r"\s*[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .'’-]{1,30}){0,2},?\s*$")
_DATELINE_AFTER = compile_pattern(r"\s*(?:\([^()\n]{1,40}\)\s*)?[-–—:]")
_PUBLISHED = compile_pattern(r"^\W{0,3}(?:first\s+)?published\b", re.IGNORECASE)
_UPDATE_AFTER = compile_pattern(r"\W{0,6}(?:last\s+)?(?:updated|modified|edited)\b", re.IGNORECASE)


def _is_date_line(before: str, after: str) -> bool:
    """Whether the rest of a line around a date is at most a few names or marks: "10 April
    2025", "Olena Goncharova | April 10, 2025", not "The deal signed on 3 March 2021". A clock
    time before the date, with "on" or "at", is no word of it: "Daily Courier / 08:40 AM January
    19, 2026", "7:05 pm on 19 January 2026" (rule clock-then-date)."""
    before = _CLOCK_BEFORE.sub(" ", before)
    words = [w for w in (before + " " + after).split() if any(c.isalnum() for c in w)]
    return len(words) <= 3 and all(not w[0].islower() for w in words)


# A clock time, then maybe "on" or "at", right before a date on its line.
_CLOCK_BEFORE = compile_pattern(r"(?<![\w:.])\d{1,2}[:.]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+(?:on|at))?\s*$")


# Bylines and datelines are short lines. A date whose line started further back than this is
# in body text, and its line is not looked at: for a page scraped as one 400,000-character line,
# reading the whole line for every date near the top took 10 s.
_LINE_WINDOW = 500


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Start and end of the line holding ``text[start:end]``, cut off ``_LINE_WINDOW`` characters
    after it; None when the line starts more than ``_LINE_WINDOW`` characters before it."""
    low, high = max(0, start - _LINE_WINDOW), min(len(text), end + _LINE_WINDOW)
    newline_before = text.rfind("\n", low, start)
    if newline_before < 0 and low > 0:
        return None
    newline_after = text.find("\n", end, high)
    return newline_before + 1, high if newline_after < 0 else newline_after


def find_publication_date(text: str) -> tuple[date, str] | None:
    """The date ``text`` was published and how it was found, or None.

    In order of trust: "byline", a full date (day, month, year) in a byline-like line near the
    top ("by Olena Goncharova April 10, 2025 7:29 AM 2 min read", "Published: 10 April 2025",
    "Updated ...", a line that is little more than the date); "dateline", a full date in a
    news-agency dateline ("WARSAW, April 10, 2025 (Reuters) -"); "text", the latest full date
    anywhere in the text. A "Published" line beats an "Updated" one. Dates without a year are
    never used.
    """
    full = [
        m for m in find_dates(text)
        if m.kind == "date" and m.year is not None and m.month is not None and m.day is not None
    ]
    if not full:
        return None

    def as_date(m: DateMention) -> date:
        return date(m.year, m.month, m.day)  # type: ignore[arg-type]

    bylines: list[tuple[int, DateMention]] = []
    for m in full:
        if m.start >= _HEAD:
            break
        bounds = _line_bounds(text, m.start, m.end)
        if bounds is None:
            continue
        before, after = text[bounds[0] : m.start], text[m.end : bounds[1]]
        if _BYLINE_CUE.search(before) or _READ_TIME.search(after) or _CLOCK.search(after):
            bylines.append((0 if _PUBLISHED.search(before) else 1, m))
        elif _is_date_line(before, after) or (not before.strip() and _UPDATE_AFTER.match(after)):
            # a line that is the date, give or take a name; or the date, then when the page was
            # updated ("03 Dec. 2024 - | Last updated: 04 Dec. 2024"; rule date-then-update)
            bylines.append((1, m))
    if bylines:
        return as_date(min(bylines, key=lambda t: (t[0], t[1].start))[1]), "byline"

    for m in full:
        if m.start >= _HEAD:
            break
        bounds = _line_bounds(text, m.start, m.end)
        if bounds is None:
            continue
        if _DATELINE_BEFORE.match(text, bounds[0], m.start) and _DATELINE_AFTER.match(text, m.end, bounds[1]):
            return as_date(m), "dateline"

    return max(as_date(m) for m in full), "text"
