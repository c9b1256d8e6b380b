"""News-agency datelines: "KYIV, March 3 (Reuters) -", "ANKARA (AP) —", "Minsk, Oct. 4 (BelTA) --",
"MOSCOW, November 14. /TASS/.", "MOSCOW. Nov 14 (Interfax) -", "NEW DELHI: ...", "(ANSA) - ROME,
JUNE 9 -".

A dateline opens the first paragraph of a wire story: where the story was filed, often when, and
the agency, then a dash. It is not part of what anyone said, and its date is the day the story
reports on, which dates the statements of its lead ("..., a spokesman said on Monday").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from claimsdb.pattern_cache import compile_pattern

__all__ = ["Dateline", "find_dateline", "find_place_lines"]

# Datelines open one of the first lines of a story; a title, a standfirst, a byline and its date
# may come before ("ISLAMABAD:" on the fifth line).
_HEAD_LINES = 6
_HEAD_CHARS = 2000

_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
          r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
# (a month in capitals too: "ROME, JUNE 9 -")
_ANY_MONTH = rf"(?:{_MONTH}|{_MONTH.upper()})"
# (Italian agencies write the day, a month's abbreviation in lower case and the time: "Rome, 18 mar
# 17:45 - (Agenzia Nova) -")
_LOWER_MONTH = r"(?:gen|jan|feb|mar|apr|ma[gy]|giu|jun|lug|jul|ago|aug|set|sep|ott|oct|nov|dic|dec)"
_DATE = (rf"(?:{_ANY_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_ANY_MONTH}(?:\s+\d{{4}})?"
         rf"|\d{{1,2}}\s+{_LOWER_MONTH}(?:\s+\d{{4}})?\s+\d{{1,2}}:\d{{2}})")
_PLACE_WORD = r"[A-Z][A-Za-z'’.-]*"
_PATTERN = compile_pattern(
    # the agency may come first: "(ANSA) - ROME, JUNE 9 - "
    r"(?:\((?P<first_agency>[A-Za-z][A-Za-z&.]*(?: [A-Za-z&.]+){0,2})\)[ \t]*(?:--?|–|—)[ \t]*(?=[A-Z]{3}))?"
    rf"(?P<place>{_PLACE_WORD}(?:[ /-]{_PLACE_WORD}){{0,4}}(?:,\s+{_PLACE_WORD}(?:\s{_PLACE_WORD})?)?)"
    rf"(?:[,.]\s+(?P<date>{_DATE}))?"  # "MOSCOW. Nov 14 (Interfax) -" has a full stop
    # (the agency may wrap onto the next line after a date: "KYIV, March 3\n(Reuters) -")
    # (Spanish agencies put a full stop before the dash: "Madrid, Mar 5 (EFE).- ")
    r"(?:(?:(?:(?<=\d)\s*|[ \t]*)\((?P<agency>[^()\n]{2,40})\)\.?)?[ \t]*(?:--?|–|—)\s+"
    # or the agency between dashes after the time: "Rome, 18 mar 17:45 - (Agenzia Nova) -"
    r"(?:(?<=[ \t])\((?P<mid_agency>[^()\n]{2,40})\)[ \t]*(?:--?|–|—)\s+)?"
    # or the agency between slashes after a full stop: "MOSCOW, November 14. /TASS/."
    r"|\.\s*/(?P<slashed>[A-Za-z][A-Za-z -]{1,20})/\.?\s+"
    # or a colon after a place in capitals: "NEW DELHI: ...", "KARACHI, March 4: ..."
    r"|(?P<colon>:)\s+"
    # or the agency's name after the date and a comma, then a full stop, a dash or the line's
    # end: "YEREVAN, MARCH 14, ARMENPRESS. ...", "Accra, March 5, GNA - ...", "Baku, November 12,
    # AZERTAC" (rule agency-after-date)
    r"|(?<=\d),[ \t]+(?P<named_agency>[A-Z][A-Za-z]{1,15})(?:\.|[ \t]*(?:--?|–|—)|[ \t]*(?=\n))\s+"
    # or a full stop and a dash right after the place, as Spanish agencies' copy: "Mexico City.- ..."
    r"|(?P<stop_dash>\.-)\s+)"
    r"(?=[\"“‘'A-Z0-9])"
)


@cache
def _labels() -> frozenset[str]:
    """Words that label a story before a colon ("BREAKING:", data/headline_labels.txt)."""
    text = files("claimsdb.data").joinpath("headline_labels.txt").read_text(encoding="utf-8")
    return frozenset(ln.strip().lower() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline: ``text[start:end]`` is all of it, dash and following space included.

    ``place`` is where the story was filed as written ("KYIV", "Minsk"); ``date`` the date as
    written ("March 3", "Oct. 4", None when it has none) starting at ``date_start``; ``agency``
    the name in brackets ("Reuters"), or None.
    """

    start: int
    end: int
    place: str
    date: str | None
    date_start: int | None
    agency: str | None


def find_dateline(text: str) -> Dateline | None:
    """The dateline that opens one of the first lines of ``text``, or None.

    A line counts only when its place is written in capitals ("ANKARA") or a date or an agency
    in brackets follows it ("Minsk, Oct. 4 (BelTA) --"), so a title such as "Ukraine - a
    country divided" is not taken for one.
    """
    pos = 0
    first = len(text) - len(text.lstrip(" \t\r\n"))
    for _ in range(_HEAD_LINES):
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if pos >= min(len(text), _HEAD_CHARS):
            break
        m = _PATTERN.match(text, pos)
        if m is not None and _is_dateline(m) and not (m.group("colon") and _title_line(text, pos, first)):
            return Dateline(m.start(), m.end(), m.group("place").rstrip(".") if _stop_dash(m) else m.group("place"),
                            m.group("date"),
                            m.start("date") if m.group("date") else None,
                            m.group("agency") or m.group("mid_agency") or m.group("slashed") or m.group("first_agency")
                            or m.group("named_agency"))
        end = text.find("\n", pos)
        if end < 0:
            break
        pos = end + 1
    return _place_after_date(text)


def _title_line(text: str, pos: int, first: int) -> bool:
    """The line at ``pos`` is the story's title: its first line, with more lines after it and
    no full stop at its end. "IAEA: Plant lost power for ninth time" is a headline naming its
    source, not "NEW DELHI: ..." opening the body (rule colon-title-no-dateline)."""
    end = text.find("\n", pos)
    return pos == first and end >= 0 and bool(text[end:].strip()) \
        and not text[pos:end].rstrip().endswith((".", "!", "?", '."', ".”"))


# A date line that names the place of the story last, after a dash or a bar: "Updated - July
# 10, 2024 09:12 pm IST - NEW DELHI" (rule place-after-date-line).
_PLACE_LAST = compile_pattern(rf"^[^\n]{{0,80}}?(?:{_MONTH}|\b(?:19|20)\d\d\b)[^\n]{{0,60}}?\s[-–—|]\s+"
                         r"(?P<place>[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+){0,2})[ \t]*$", re.M)
_PLACE_LINES = 8
# The characters of a place in capitals, which every match of _PLACE_LAST ends with.
_PLACE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ'’.-")


def _place_after_date(text: str) -> Dateline | None:
    """The place a date line of the story's head ends with, as a dateline without date or agency."""
    head_end = 0
    for _ in range(_PLACE_LINES):
        nxt = text.find("\n", head_end)
        if nxt < 0:
            head_end = len(text)
            break
        head_end = nxt + 1
    end = min(head_end, _HEAD_CHARS)
    m = _PLACE_LAST.search(text, 0, end) if _may_end_in_place(text, end) else None
    if m is None or m.group("place").lower() in _labels():
        return None
    return Dateline(m.start("place"), m.end("place"), m.group("place"), None, None, None)


# A line of the story's head that is only a place, the body after it: "NEW DELHI", "ISTANBUL",
# "ISLAMABAD:", "Abu Dhabi" between the byline and the first paragraph (rule place-line; the
# caller checks that it names a known place, in title case only a capital: a page's "Save"
# button would be the town of Savè).
_PLACE_LINE = compile_pattern(r"[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+){0,2}:?|(?!By )[A-Z][a-z'’.-]+(?: [A-Z][a-z'’.-]+){0,2}")


def find_place_lines(text: str) -> Iterator[Dateline]:
    """Each line of the story's head that may be a place alone (one to three words in capitals or
    in title case), with more lines after it, as a dateline without date or agency, in
    order; whether it names a place is for the caller to decide. The title, the first line, is
    none: "Ukraine" as a title is what the story is about."""
    pos = len(text) - len(text.lstrip())
    pos = text.find("\n", pos) + 1 if "\n" in text[pos:] else len(text)
    for _ in range(_PLACE_LINES):
        end = text.find("\n", pos)
        if end < 0 or end >= _HEAD_CHARS:
            return
        line = text[pos:end].strip(" \t\r")
        if _PLACE_LINE.fullmatch(line) and line.lower().rstrip(":") not in _labels() and text[end:].strip():
            start = pos + text[pos:end].index(line)
            place = line.rstrip(":")
            yield Dateline(start, start + len(place), place, None, None, None)
        pos = end + 1


def _may_end_in_place(text: str, end: int) -> bool:
    """Whether a line of ``text[:end]`` ends, before any spaces or tabs, in two characters of a
    place in capitals, as every match of _PLACE_LAST does (the last word of its place has two or
    more, then ``[ \\t]*$``): most story heads have no such line and are not searched, which
    cost about 200,000 instructions a story (lazy repeats at each line start, and the ``^``
    tried at every character)."""
    for line in text[:end].split("\n"):
        tail = line.rstrip(" \t")[-2:]
        if len(tail) == 2 and tail[0] in _PLACE_CHARS and tail[1] in _PLACE_CHARS:
            return True
    return False


def _is_dateline(m: re.Match[str]) -> bool:
    if m.group("colon"):
        # (every word in capitals, and no label: "BREAKING:", "UPDATE:" are none)
        place = m.group("place")
        return place.isupper() and len(place) >= 3 and place.lower() not in _labels()
    first = re.split(r"[ /,-]", m.group("place"), maxsplit=1)[0]
    if m.group("first_agency") and m.group("first_agency").lower().split()[0] in _NOT_AGENCIES:
        return False  # "(Photo: ...)", "(UPDATE 1)": a label, not an agency
    capitals = len(first) >= 3 and first.isupper()
    if m.group("named_agency") and not m.group("date"):
        return False
    return capitals or bool(m.group("date") or m.group("agency") or m.group("mid_agency") or m.group("slashed")
                            or m.group("first_agency") or _stop_dash(m))


def _stop_dash(m: re.Match[str]) -> bool:
    """The place ends in a full stop and a dash ("Mexico City.- "; the place's own letters may
    have taken the full stop)."""
    return bool(m.group("stop_dash")) or m.group("place").endswith(".") and m.string.startswith("-", m.end("place"))


# Words that open a bracketed label before a story, not an agency's name.
_NOT_AGENCIES = frozenset("photo photos file update updated corrects corrected video lead live watch".split())
