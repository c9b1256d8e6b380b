"""resolve: one statement, many reports. Claims of the same speaker with the same quotation or
near-identical words, within a few days of each other, in different documents, are one
statement group.

``claims.statement_group`` holds the id of the group's first claim on every member of a group
of two or more, and stays NULL on a claim reported once: its group is its own id. Groups are
found as claims are stored, against the claims already stored and the others of the batch.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection

# How far apart two reports of one statement may be dated.
WINDOW_DAYS = 3
# Share of the words two texts have in common (of the shorter one's) for near-identical content.
OVERLAP = 0.8
# Texts shorter than this (in words) must match exactly: "No." is not a statement anyone
# can recognise across reports.
MIN_WORDS = 4

_WORDS = re.compile(r"\w+")

# The earlier claims of all the batch's speakers quoted before, in one query: dated within the
# widest of their windows (each speaker's own window is applied after), or undated.
# Two halves, each a range of the (actor_id, date_key) index: with OR in one condition
# SQLite reads every claim of each speaker, the more the larger the database.
_CANDIDATES = text(
    "SELECT actor_id, id, statement_group, document_id, date_key, text FROM claims"
    " WHERE actor_id IN :actor_ids AND date_key BETWEEN :low AND :high"
    " UNION ALL SELECT actor_id, id, statement_group, document_id, date_key, text FROM claims"
    " WHERE actor_id IN :undated_ids AND date_key IS NULL"
).bindparams(bindparam("actor_ids", expanding=True), bindparam("undated_ids", expanding=True))
# Which of the batch's speakers were quoted before: most speakers of a batch are new, and a
# query for the earlier claims of each would cost more than the rest of storing them. EXISTS
# stops at a speaker's first earlier claim.
_QUOTED_BEFORE = text(
    "SELECT id FROM actors WHERE id IN :actor_ids"
    " AND EXISTS (SELECT 1 FROM claims WHERE claims.actor_id = actors.id AND claims.id < :first_id)"
).bindparams(bindparam("actor_ids", expanding=True))
_SET_GROUP = text("UPDATE claims SET statement_group = :group WHERE id = :id")


@dataclass(slots=True)
class _Report:
    id: int
    group: int | None
    document_id: int
    day: date | None
    words: tuple[str, ...]
    # The distinct words and the counts, kept beside ``words``: every report is compared
    # with many others.
    word_set: frozenset[str]
    size: int
    distinct: int


def _report(claim_id: int, group: int | None, document_id: int, date_key, claim_text: str) -> _Report:
    day = date.fromisoformat(date_key) if isinstance(date_key, str) else date_key
    words = tuple(_WORDS.findall(claim_text.lower()))
    word_set = frozenset(words)
    return _Report(claim_id, group, document_id, day, words, word_set, len(words), len(word_set))


def same_statement(a: _Report, b: _Report) -> bool:
    """Whether two claims of one speaker report the same statement."""
    if a.document_id == b.document_id:
        return False
    if a.day is None or b.day is None:
        if a.day is not b.day:
            return False
    elif abs((a.day - b.day).days) > WINDOW_DAYS:
        return False
    if a.size == b.size and a.words == b.words:
        return a.size > 0
    if a.size <= b.size:
        if a.size < MIN_WORDS:
            return False
        fewer, other, needed = a.word_set, b.word_set, OVERLAP * a.distinct
        # The words in common are no more than the other text's distinct words.
        if b.distinct < needed:
            return False
    else:
        if b.size < MIN_WORDS:
            return False
        fewer, other, needed = b.word_set, a.word_set, OVERLAP * b.distinct
        if a.distinct < needed:
            return False
    return len(fewer & other) >= needed


def group_new_claims(connection: Connection, new: list[tuple[int, int, int, str | None, str]]) -> None:
    """Put the claims just stored, given as (id, actor id, document id, date key, text), in
    statement groups with the stored claims and each other. Call in the storing transaction."""
    claims_by_actor: dict[int, list[tuple]] = {}
    for claim in new:
        claims_by_actor.setdefault(claim[1], []).append(claim)
    new_ids = {claim_id for claim_id, *_ in new}
    quoted_before = set(connection.execute(
        _QUOTED_BEFORE, {"actor_ids": list(claims_by_actor), "first_id": min(new_ids)}
    ).scalars())
    # The words of a claim are read only if it may be compared with another: most speakers
    # of a batch are quoted once, in one document.
    by_actor: dict[int, list[_Report]] = {
        actor_id: [_report(claim_id, None, document_id, date_key, claim_text)
                   for claim_id, _, document_id, date_key, claim_text in claims]
        for actor_id, claims in claims_by_actor.items()
        if actor_id in quoted_before or len({claim[2] for claim in claims}) > 1
    }
    windows = {actor_id: _window(reports) for actor_id, reports in by_actor.items() if actor_id in quoted_before}
    stored: dict[int, list[_Report]] = {actor_id: [] for actor_id in windows}
    if windows:
        low = min(low for low, _, _ in windows.values())
        high = max(high for _, high, _ in windows.values())
        rows = connection.execute(_CANDIDATES, {
            "actor_ids": list(windows), "low": low, "high": high,
            "undated_ids": [actor_id for actor_id, (_, _, undated) in windows.items() if undated],
        })
        for actor_id, *row in rows:
            own_low, own_high, undated = windows[actor_id]
            date_key = row[3]
            in_window = own_low <= date_key <= own_high if date_key is not None else undated
            if in_window and row[0] not in new_ids:
                stored[actor_id].append(_report(*row))
        # The order of the index the candidates come from (undated first, then by date), so
        # that the first earlier report of a statement is the same whichever plan ran.
        for reports in stored.values():
            reports.sort(key=lambda r: (r.day is not None, r.day or date.min, r.id))
    groups: dict[int, int] = {}
    for actor_id, reports in by_actor.items():
        if actor_id not in quoted_before:
            _link(groups, [], reports)  # quoted in several documents of the batch
            continue
        if not stored[actor_id] and len(reports) < 2:
            continue
        _link(groups, stored[actor_id], reports)
    if groups:
        # One statement for the batch: one per claim cost more than finding the groups.
        connection.execute(_SET_GROUP, [{"group": group, "id": claim_id} for claim_id, group in groups.items()])


def _window(reports: list[_Report]) -> tuple[str, str, bool]:
    """The date keys (low, high) the earlier reports of a speaker's new ``reports`` may have,
    and whether undated ones count."""
    days = [r.day for r in reports if r.day is not None]
    window = timedelta(days=WINDOW_DAYS)
    low, high = (min(days) - window, max(days) + window) if days else (date.max, date.min)
    return low.isoformat(), high.isoformat(), any(r.day is None for r in reports)


def _link(groups: dict[int, int], stored: list[_Report], reports: list[_Report]) -> None:
    """Give each new report the group of the first earlier report of the same statement;
    record in ``groups`` (claim id → group) the claims whose group is to be stored."""
    # Each new report is compared with every one before it: a speaker quoted in hundreds of
    # reports is worth indexing first.
    seen = _Earlier(stored, indexed=len(reports) * (len(stored) + len(reports)) >= _INDEXED_PAIRS)
    for report in sorted(reports, key=lambda r: r.id):
        match = seen.first_same(report)
        if match is None:
            continue
        if match.group is None:
            # The first report of the statement becomes its group.
            match.group = groups[match.id] = match.id
        report.group = groups[report.id] = match.group


# From about this many comparisons on, the earlier reports are looked up by their words:
# fewer are made one by one, which costs less than indexing the words.
_INDEXED_PAIRS = 2000


class _Earlier:
    """The earlier reports of one speaker, in the order they are compared in, and the first of
    them that reports the same statement as a new one (which then joins them).

    Indexed, the reports are looked up by their words, and only those the index gives are
    compared, in the same order. Why that is safe: ``same_statement`` accepts two reports only
    when they have the same words, or when the shorter holds at least 4 words and the longer at
    least ``needed`` of its distinct words; the longer then holds one of the shorter's key words
    (``_key_words``). Each case is looked up (same words; the new report the shorter; an earlier
    one the shorter), so every report left out is one it rejects, and the first match is the
    same."""

    def __init__(self, reports: list[_Report], indexed: bool) -> None:
        self.reports: list[_Report] = []
        self.indexed = indexed
        self.by_words: dict[tuple[str, ...], list[int]] = {}  # the words → positions in reports
        self.holding: dict[str, list[int]] = {}  # a word → the reports holding it
        self.keyed: dict[str, list[int]] = {}  # a word → the reports with it among their key words
        for report in reports:
            self._add(report, _key_words(report) if indexed else [])

    def _add(self, report: _Report, keys: list[str]) -> None:
        at = len(self.reports)
        self.reports.append(report)
        if self.indexed:
            self.by_words.setdefault(report.words, []).append(at)
            for word in report.word_set:
                self.holding.setdefault(word, []).append(at)
            for word in keys:
                self.keyed.setdefault(word, []).append(at)

    def first_same(self, report: _Report) -> _Report | None:
        """The first of the reports that reports the same statement as ``report``, which is
        added to them."""
        if not self.indexed:
            match = next((other for other in self.reports if same_statement(report, other)), None)
            self.reports.append(report)
            return match
        # Same words; or the new report the shorter text, and an earlier one holding one of its
        # key words; or an earlier one the shorter, with a key word in the new report.
        keys = _key_words(report)
        found = set(self.by_words.get(report.words, ()))
        for word in keys:
            found.update(self.holding.get(word, ()))
        for word in report.word_set:
            found.update(self.keyed.get(word, ()))
        match = next((self.reports[at] for at in sorted(found) if same_statement(report, self.reports[at])), None)
        self._add(report, keys)
        return match


def _key_words(report: _Report) -> list[str]:
    """Words of ``report`` of which a text that shares enough of its words to report the same
    statement as the longer text (``same_statement``) holds at least one.

    That text holds at least ``needed`` of its ``distinct`` words (rounded up: the least whole
    count ``same_statement``'s test, with the same float, accepts), so it misses at most
    ``distinct - needed`` of them: any one more of its words include one it holds. The longest
    are taken, as the rarest; any would do."""
    needed = math.ceil(OVERLAP * report.distinct)
    return sorted(report.word_set, key=len, reverse=True)[: report.distinct - needed + 1]
