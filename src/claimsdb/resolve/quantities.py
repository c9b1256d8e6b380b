"""Quantities stated in news prose: "at least 200,000 peacekeepers", "$5.7 billion", "40%".

:func:`find_quantities` returns :class:`~claimsdb.records.Quantity` records with the value,
the upper bound of a range, and the unit: a currency code (USD, EUR), a measure symbol (km,
%), or the counted noun as written ("troops", "countries"). Years, dates, clock times, article
numbers, ordinals and numbers inside words are not quantities.

The words (written numbers, multipliers, currencies, units, the nouns that are not counted...)
are in ``claimsdb/data/quantity_words.tsv``; one regular expression built from them at import
finds the numbers, and a few small ones read what follows each.
"""

from __future__ import annotations

import marshal
import re
from bisect import bisect_left

from claimsdb.records import Quantity
from claimsdb.pattern_cache import cached_text, compile_pattern
from claimsdb.trie import _trie_regex, load_word_table, trie_regex
from claimsdb.resolve.dates import find_dates

__all__ = ["find_quantities"]


_WORDS = load_word_table("quantity_words.tsv")


def _forms(kind: str) -> list[str]:
    return [f for _, fs in _WORDS.get(kind, []) for f in fs]


def _key(s: str) -> str:
    """Lexicon key of matched words: lower case, single spaces, plain hyphens."""
    return " ".join(s.lower().replace("‐", "-").replace("‑", "-").split())


def _cased(form: str) -> set[str]:
    return {form, form.lower(), form[:1].upper() + form[1:], form.upper()}


def _lex(forms: list[str], *, cased: bool = True) -> str:
    """A lexicon as one prefix-tree regex; case variants spelled out (see dates._lex).

    Built once per machine, as dates._lex: keyed by the forms, the option and the code of the
    functions the text comes from."""
    inputs = marshal.dumps((forms, cased), 2)  # format 2: no references, same bytes in every process
    return cached_text("quantities-lex", inputs, _build_lex, forms, cased, uses=(_cased, trie_regex, _trie_regex))


def _build_lex(forms: list[str], cased: bool) -> str:
    """_lex's text, built (uncached)."""
    sequences = []
    for form in forms:
        for variant in _cased(form) if cased else {form}:
            atoms = []
            for c in variant:
                if c == " ":
                    atoms.append(r"\s+")
                elif c == "-":
                    atoms.append("[-‐‑]")
                else:
                    atoms.append(re.escape(c))
            sequences.append(atoms)
    return "(?:" + trie_regex(sequences) + ")"


def _ratio(value: str) -> float:
    num, _, den = value.partition("/")
    return round(int(num) / int(den), 4) if den else float(num)


_NUMBER = {_key(f): int(v) for v, fs in _WORDS["number"] for f in fs}
_UNITS_0_19 = [f for v, fs in _WORDS["number"] for f in fs if int(v) < 20]
_UNITS_1_9 = [f for v, fs in _WORDS["number"] for f in fs if 0 < int(v) < 10]
_TENS = [f for v, fs in _WORDS["number"] for f in fs if int(v) >= 20]
_MULTIPLIER = {_key(f): int(v) for v, fs in _WORDS["multiplier"] for f in fs}
_SHORT_MULTIPLIER = {f: int(v) for v, fs in _WORDS["short_multiplier"] for f in fs}
_VAGUE = {_key(f): tuple(int(x) for x in v.split(",")) for v, fs in _WORDS["vague"] for f in fs}
_FRACTION = {_key(f): _ratio(v) for v, fs in _WORDS["fraction"] for f in fs}
_HALF = {_key(f): _ratio(v) for v, fs in _WORDS["half"] for f in fs}
_CURRENCY_SYMBOL = {f: v for v, fs in _WORDS["currency_symbol"] for f in fs}
_CURRENCY_CODE = set(_forms("currency_code"))
_CURRENCY_WORD = {_key(f): v for v, fs in _WORDS["currency_word"] for f in fs}
_UNIT = {_key(f): v for v, fs in _WORDS["unit"] for f in fs}
_ATTACHED_UNIT = {f: v for v, fs in _WORDS["attached_unit"] for f in fs}
_NOT_NOUN = frozenset(_key(f) for f in _forms("not_noun"))
_COMPARATIVE = frozenset(_key(f) for f in _forms("comparative"))
_INVARIANT = frozenset(_key(f) for f in _forms("invariant_noun"))
_DETERMINERS = _forms("determiner")

# A leading zero marks a code, not an amount ("0800", "007"); "0.5" is fine.
# Longer runs of digits are identifiers, not amounts.
_DIGITS = r"(?!0\d)(?:\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,6})?|\d{1,15}(?:\.\d{1,6})?)"
_WORDNUM = rf"(?:{_lex(_TENS)}(?:[-‐‑\s]{_lex(_UNITS_1_9)})?(?![-‐‑]\w)|{_lex(_UNITS_0_19)})"
_MULT = _lex(list(_MULTIPLIER))
# "€300m", "$5.7bn", "5 bn": a short multiplier sticks to its number; only the longer ones may
# stand one space away ("5 m" is five metres).
_SHORT = "(?:{}|\\s?{})".format(
    _lex(list(_SHORT_MULTIPLIER), cased=False),
    _lex([f for f in _SHORT_MULTIPLIER if len(f) > 1], cased=False),
)
_FACTOR = rf"(?:(?:\s+{_MULT}){{1,2}}|{_SHORT})"
_CURSYM = _lex(list(_CURRENCY_SYMBOL), cased=False)
_CURCODE = _lex(sorted(_CURRENCY_CODE), cased=False)
_ATTACHED = _lex(list(_ATTACHED_UNIT), cased=False)
_A_MULT = rf"(?:[Aa]|An|an)(?=\s+{_MULT}(?!\w))"
_FIRST_WORDS = _lex(
    [f.split()[0] for kind in ("qualifier", "range_start", "number", "vague", "fraction", "half")
     for f in _forms(kind)]
    + [f.split("-")[0] for f in _forms("fraction") + _forms("half")]
    + ["a", "an"] + sorted(_CURRENCY_CODE)
)
_END = r"(?!\w|[.:/]\d)"  # not "7:29", "2.5.1", "24/7"

# The number itself, with what may stand before it (qualifier, "between", currency) and a second
# number for a range. What follows it (unit, counted noun) is read by the small patterns below.
_PATTERN = compile_pattern(
    rf"""
    (?<!\w)(?=[\d$€£¥₴₽₹]|{_CURSYM}|{_FIRST_WORDS}(?!\w))
    (?P<qual>{_lex(_forms("qualifier"))}\s+)?
    (?P<rs>(?P<between>{_lex(["between"])})\s+|{_lex(["from"])}\s+)?
    (?:(?P<cur1>{_CURSYM})\s?|(?P<code1>{_CURCODE})\s+)?
    (?<![\w.,:/\#-])
    (?P<n1>{_DIGITS}|{_lex(list(_VAGUE))}|{_lex(list(_FRACTION))}|{_lex(list(_HALF))}|{_A_MULT}|{_WORDNUM})
    (?P<m1>{_FACTOR})?(?P<a1>{_ATTACHED})?{_END}
    (?:
      (?P<sep>(?(between)\s+(?:and|to)\s+|(?:\s*[-–—]\s*|\s+to\s+)))
      (?:(?P<cur2>{_CURSYM})\s?)?
      (?P<n2>{_DIGITS}|{_WORDNUM})(?P<m2>{_FACTOR})?(?P<a2>{_ATTACHED})?{_END}
    )?
    (?P<pct>\s?%|\s+{_lex(["percent", "per cent", "pct"])}(?!\w))?
    """,
    re.VERBOSE,
)

_CURRENCY_AFTER = compile_pattern(
    rf"(?:\s+of)?\s+(?:(?P<word>{_lex(list(_CURRENCY_WORD))})|(?P<code>{_CURCODE}))(?!\w)"
)
_UNIT_AFTER = compile_pattern(rf"\s*(?P<unit>{_lex(list(_UNIT), cased=False)})(?!\w)")
_HYPHEN_WORD = compile_pattern(r"[-‐‑](?P<word>[A-Za-z]+)(?![\w-])")
# Spaces within a sentence: at most one line break, never a paragraph's.
_GAP = r"(?:[^\S\n]+\n?[^\S\n]*|\n[^\S\n]*)"
# "of the" only after a vague amount or fraction ("a third of the troops"); "34 million a year"
# is a rate, not a count of years.
_NOUN_PHRASE = compile_pattern(
    rf"(?:(?P<of>\s+of)(?:\s+{_lex(_DETERMINERS)}(?!\w))?)?(?P<words>(?:{_GAP}[A-Za-z][\w'’-]*){{1,4}})"
)
_WORD = compile_pattern(r"[A-Za-z][\w'’-]*")
_CLOCK_AFTER = compile_pattern(r"\s*[AaPp]\.?[Mm]\b\.?|\s*(?:GMT|BST|UTC|CET|EET|EST|hrs?)\b")
_LABEL_BEFORE = compile_pattern(rf"(?<!\w){_lex(_forms('label'), cased=False)}\s*\Z")
# Hyphenated words after a number that describe rather than name what is counted
# ("a 100,000-strong army" counts the army).
_DESCRIBING = frozenset({"strong", "odd", "plus", "long", "wide", "high", "deep", "old"})


def _word_value(s: str) -> float:
    parts = re.split(r"[-‐‑\s]+", s.lower())
    return float(sum(_NUMBER.get(p, 0) for p in parts))


def _factor(s: str | None) -> float:
    if not s:
        return 1.0
    s = s.strip()
    if s in _SHORT_MULTIPLIER:
        return float(_SHORT_MULTIPLIER[s])
    f = 1.0
    for w in s.split():
        f *= _MULTIPLIER.get(w.lower(), 1)
    return f


def _is_plural(word: str) -> bool:
    w = word.lower()
    return len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous", "'s", "’s"))


def _counted_noun(text: str, pos: int, end: int, allow_of: bool) -> tuple[str, int] | None:
    """The head noun of the short noun phrase at ``pos`` and where it ends, or None.

    Takes the first plural or invariant noun among the next three words ("100,000 European
    troops" → troops, "military personnel" → personnel), else a lower-case first word ("one
    country"), stopping at words that cannot be counted ("one of", "20 were").
    """
    m = _NOUN_PHRASE.match(text, pos, end)
    if m is None or (m.group("of") and not allow_of):
        return None
    words = [(w.group(), w.end()) for w in _WORD.finditer(text, m.start("words"), m.end("words"))]
    # Three words of noun phrase, after a comparative: "ten more Patriot systems" counts systems.
    words = words[1:4] if words and _key(words[0][0]) in _COMPARATIVE else words[:3]
    usable = []
    for w, w_end in words:
        k = _key(w)
        if k in _NOT_NOUN or k in _NUMBER or k in _MULTIPLIER:
            break  # "20 were killed", "one of", "2 three years later"
        usable.append((w, w_end))
    for w, w_end in usable:
        if _is_plural(w) or _key(w) in _INVARIANT:
            return w, w_end
    # A singular noun ends its phrase ("one financial centre"): the last lower-case word
    # before a verb-like or capitalised one.
    head = None
    for w, w_end in usable:
        if not w[0].islower() or w.endswith(("ly", "ed", "ing")):
            break
        head = (w, w_end)
    return head


_OF = compile_pattern(r"\s+of(?!\w)")


def _counts_next(text: str, pos: int, end: int) -> bool:
    """Whether a plural or invariant noun follows: "5m copies", not "1.90m high"."""
    noun = _counted_noun(text, pos, end, allow_of=False)
    return noun is not None and (_is_plural(noun[0]) or _key(noun[0]) in _INVARIANT)


def _unit_after(text: str, pos: int, end: int, kind: str) -> tuple[str | None, int]:
    """The unit written after a number ending at ``pos``, and where it ends.

    In order: a currency ("5 billion euros", "millions of dollars"), a hyphenated unit or noun
    ("40-kilometer" → km, "30-day" → day, "100,000-strong army" → army), a measure word
    ("40 kilometres"), the counted noun ("European troops" → troops).
    """
    c = _CURRENCY_AFTER.match(text, pos, end)
    if c is not None and (not c.group().lstrip().startswith("of") or kind == "vague"):
        return (_CURRENCY_WORD[_key(c.group("word"))] if c.group("word") else c.group("code")), c.end()
    if kind != "vague":
        h = _HYPHEN_WORD.match(text, pos, end)
        if h is not None:
            word = _key(h.group("word"))
            if word in _UNIT:
                return _UNIT[word], h.end()
            if word not in _DESCRIBING:
                return word, h.end()
            pos = h.end()
    u = _UNIT_AFTER.match(text, pos, end)
    if u is not None:
        return _UNIT[_key(u.group("unit"))], u.end()
    noun = _counted_noun(text, pos, end, allow_of=kind in ("vague", "fraction", "half"))
    if noun is not None:
        return noun
    return None, pos


def _number(kind_text: str, factor: str | None) -> tuple[float, float | None, str]:
    """(value, max, kind) of a number as written, before any range is applied."""
    key = _key(kind_text)
    f = _factor(factor)
    if key in _VAGUE:
        lo, hi = _VAGUE[key]
        return float(lo), float(hi), "vague"
    if key in _FRACTION:
        return _FRACTION[key], None, "fraction"
    if key in _HALF:
        return _HALF[key] * f, None, "half"
    if key in ("a", "an"):
        return f, None, "digits"
    if kind_text[0].isdigit():
        return float(kind_text.replace(",", "")) * f, None, "digits"
    return _word_value(kind_text) * f, None, "words" if factor is None else "digits"


# Units that no date expression contains, so their quantities need no date check.
_NEVER_IN_DATES = frozenset(v for v, _ in _WORDS["currency_symbol"]) | set(_CURRENCY_CODE) | {"%"}


_TIME_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years"})


def _could_be_date(
    value: float, vmax: float | None, unit: str | None, kind: str, n1: str, n2: str | None
) -> bool:
    """Whether a quantity could lie in a date expression at all: a day of the month, a year,
    a count of days or months, "half" of a year. Most quantities cannot, and skip the check."""
    if unit in _NEVER_IN_DATES:
        return False
    if unit in _TIME_UNITS or kind in ("fraction", "half"):
        return True
    for raw in (n1, n2):
        if raw and raw.isdigit() and (
            (len(raw) <= 2 and int(raw) <= 31) or (len(raw) == 4 and 1800 <= int(raw) <= 2099)
        ):
            return True
    return False


# Words without which a number is in no date expression: month and weekday names, the units
# and directions of "two days ago", the parts of "the first half of 2004". Years are always
# looked at. Only quantities near one of these pay for a look at the dates around them.
_DATE_HINT = compile_pattern(
    r"(?<![A-Za-z])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
    r"|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
    r"|[Dd]ays?|[Ww]eeks?|[Mm]onths?|[Yy]ears?|ago|later|earlier|half|quarter)"
)
# A date expression is never longer than this on either side of the number in it.
_DATE_MARGIN = 48


class _Dates:
    """Whether a span of ``text[start:end]`` overlaps a date expression ("March 16", "in 2024",
    "two days ago", "between 6 and 9 January", "the first half of 2004"), as
    :func:`claimsdb.resolve.dates.find_dates` sees it.

    A few checks look at a window around each quantity; when a text asks many (a table of
    years), its dates are found once, so the cost stays linear in the text either way.
    """

    __slots__ = ("text", "start", "end", "budget", "starts", "ends")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        # A window costs about what scanning 250 characters does.
        self.budget = 8 + (end - start) // 250
        self.starts: list[int] | None = None
        self.ends: list[int] = []

    def overlap(self, q_start: int, q_end: int, year_like: bool) -> bool:
        text, start, end = self.text, self.start, self.end
        if not year_like and not _DATE_HINT.search(text, max(start, q_start - 24), min(end, q_end + 24)):
            return False
        if self.starts is None and self.budget > 0:
            self.budget -= 1
            window = find_dates(text, max(start, q_start - _DATE_MARGIN), min(end, q_end + _DATE_MARGIN))
            return any(d.start < q_end and q_start < d.end for d in window)
        if self.starts is None:
            mentions = find_dates(text, start, end)
            self.starts = [d.start for d in mentions]
            self.ends = [d.end for d in mentions]
        # Date mentions do not overlap one another: only the last one starting before q_end can.
        i = bisect_left(self.starts, q_end)
        return i > 0 and self.ends[i - 1] > q_start


def _year_like(raw: str | None) -> bool:
    return bool(raw) and len(raw) == 4 and raw.isdigit() and 1800 <= int(raw) <= 2099  # type: ignore[arg-type]


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every quantity stated in ``text[start:end]``, in order, with offsets into ``text``.

    ``value`` is the number (a range's lower bound, with ``max`` its upper bound: "100,000 to
    150,000 troops"; vague amounts give their order of magnitude: "tens of thousands" is 10,000
    to 99,999, "dozens" 24 to 99); fractions are rounded to four places ("two-thirds" 0.6667).
    ``unit`` is an ISO currency code, a measure symbol ("km", "%", "t"), or the counted noun
    as written ("peacekeepers"), None when nothing is counted. ``text`` is
    ``text[start:end]`` and keeps a qualifier such as "at least" or "about".
    Years, dates, clock times, article numbers ("Article 5"), ordinals and numbers inside words
    ("F-16", "G7") are left out; a written number ("two") counts only before what it counts.
    """
    if end is None:
        end = len(text)
    out: list[Quantity] = []
    dates = _Dates(text, start, end)
    pos = start
    while True:
        m = _PATTERN.search(text, pos, end)
        if m is None:
            break
        pos = m.end()
        n1, (n1_start, n1_end) = m.group("n1"), m.span("n1")
        m1, n2, m2 = m.group("m1"), m.group("n2"), m.group("m2")

        # Labels and times: "Article 5", "No. 10", "at 10 am".
        if _LABEL_BEFORE.search(text, max(start, n1_start - 14), n1_start):
            continue
        if not m1 and _CLOCK_AFTER.match(text, n1_end, end):
            continue
        if n2 and dates.overlap(n1_start, n1_end, _year_like(n1)):
            # "in 2004 to $200m": the first number is a year; read on from the second.
            pos = m.start("cur2") if m.group("cur2") else m.start("n2")
            continue

        value, vmax, kind = _number(n1, m1)
        q_start = m.start()
        q_end = m.end("m1") if m1 else n1_end
        unit: str | None = None
        cur = m.group("cur1") or m.group("code1") or m.group("cur2")
        if cur:
            unit = _CURRENCY_SYMBOL.get(cur.replace(" ", ""), cur.strip())
        if m.group("a1"):
            unit, q_end = _ATTACHED_UNIT[m.group("a1")], m.end("a1")

        if n2:
            v2, _, _ = _number(n2, m2)
            if m2 and not m1 and value < v2 / _factor(m2):
                value *= _factor(m2)  # "5 to 10 million": the multiplier is shared
            if v2 > value:
                vmax = v2
                q_end = m.end("n2")
                if m2:
                    q_end = m.end("m2")
                if m.group("a2"):
                    unit, q_end = _ATTACHED_UNIT[m.group("a2")], m.end("a2")
            elif m.group("sep").strip() in ("-", "–", "—"):
                continue  # "won 3-1": a score, not a range
            else:
                # "fell from 10 to 5": two numbers, not a range; the second is read next.
                pos = m.start("cur2") if m.group("cur2") else m.start("n2")
                if not m.group("cur1") and not m.group("code1"):
                    unit = None
        if m.group("rs") and vmax is None:
            q_start = m.end("rs")  # "from $639m": "from" belongs to a range, and this is none
        if m.group("pct") and (vmax is None or q_end >= m.start("pct")):
            unit, q_end = "%", m.end("pct")

        if unit is None:
            if m1 == "m" and not n2 and not _counts_next(text, q_end, end):
                # "10,000m", "1.90m high": metres. "5m copies", "£5m": millions.
                value, unit = value / _SHORT_MULTIPLIER["m"], "m"
            else:
                unit, q_end = _unit_after(text, q_end, end, kind)

        if kind == "words" and unit is None:
            continue  # "one of them", "the two said"
        if kind in ("fraction", "half"):
            # "a third of", "two-thirds", "half a million"; not "a third country".
            hyphenated = "-" in n1 or "‐" in n1
            if not (hyphenated or _OF.match(text, n1_end, end) or (kind == "half" and m1)):
                continue
            if _key(n1) == "half a" and not m1:
                continue

        if _could_be_date(value, vmax, unit, kind, n1, n2) and dates.overlap(
            q_start, q_end, _year_like(n1) or _year_like(n2)
        ):
            continue  # "March 16", "in 2024", "two days ago", "between 6 and 9 January"

        out.append(Quantity(value, vmax, unit, text[q_start:q_end], q_start, q_end))
    return out
