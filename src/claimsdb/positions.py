"""Positions: what each actor or country says on a subject, and how it changed over time.

Summaries over the claims a ClaimFilter selects (usually a topic): one row per actor or
country with counts by polarity and the latest statement (:func:`positions`), and one actor's
or country's claims in date order, counted per month or week (:func:`timeline`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from claimsdb.errors import BadFilter
from claimsdb.query import ClaimFilter, _CountryNames, matching_claims

GROUPINGS = ("actor", "country")
PERIODS = ("month", "week")

# Columns of a positions row, in the order CSV and JSON give them.
POSITION_COLUMNS = (
    "actor_id", "actor", "country", "country_name", "claims", "negative", "positive", "conditional",
    "stance", "first_date", "last_date", "latest_claim_id", "latest_date", "latest_speaker",
    "latest_polarity", "latest_modality", "latest_text",
)


def positions(*, connection, filters: ClaimFilter, by: str = "country") -> list[dict[str, Any]]:
    """One row per actor (``by="actor"``) or country (``by="country"``) with claims among
    those ``filters`` select, most claims first, with the keys of POSITION_COLUMNS.

    ``stance`` is "negative" or "positive" when most of the claims are, else "mixed"; dates
    are ``date_key`` days (the statement date, else the publication date). The latest
    statement is the one with the latest date, the last stored among equals. Speakers
    without a country, and outlets, are left out of ``by="country"``.
    """
    if by not in GROUPINGS:
        raise BadFilter(f"--by must be one of {', '.join(GROUPINGS)}, not {by!r}")
    reader, matching, params = matching_claims(connection=connection, filters=filters)
    # A country's stance is its speakers', not its press's: outlets, which have a country for
    # their staff and exports, are left out of by="country".
    key = "a.id" if by == "actor" else "CASE WHEN a.type = 'media' THEN NULL ELSE COALESCE(c.speaker_country, a.country) END"
    padded_id = "printf('%012d', c.id)" if reader.dialect == "sqlite" else "lpad(CAST(c.id AS TEXT), 12, '0')"
    # The latest claim of each group in the same pass: the greatest date followed by the id.
    sql = (
        f"SELECT {key}, count(*), sum(CASE WHEN c.polarity = 'negative' THEN 1 ELSE 0 END),"
        " sum(CASE WHEN c.modality = 'conditional' THEN 1 ELSE 0 END), min(c.date_key), max(c.date_key),"
        f" max(COALESCE(c.date_key, '') || {padded_id}) {matching} GROUP BY {key}"
    )
    groups = {row[0]: row[1:] for row in reader.rows(sql, params) if row[0] is not None}
    latest = {k: int(group[-1][-12:]) for k, group in groups.items()}
    claims = _claims(reader, list(latest.values()))
    actors = _actors(reader, list(groups)) if by == "actor" else {}
    names = _CountryNames()
    rows = []
    for k, (count, negative, conditional, first, last, _) in groups.items():
        first, last = _day(first), _day(last)
        claim = claims[latest[k]]
        actor = actors.get(k, {})
        country = actor.get("country") if by == "actor" else k
        negative, conditional = int(negative or 0), int(conditional or 0)
        positive = count - negative
        rows.append({
            "actor_id": k if by == "actor" else None,
            "actor": actor.get("name"),
            "country": country,
            "country_name": names[country],
            "claims": count,
            "negative": negative,
            "positive": positive,
            "conditional": conditional,
            "stance": "negative" if negative > positive else "positive" if positive > negative else "mixed",
            "first_date": first,
            "last_date": last,
            "latest_claim_id": claim["id"],
            "latest_date": claim["date"],
            "latest_speaker": claim["speaker"],
            "latest_polarity": claim["polarity"],
            "latest_modality": claim["modality"],
            "latest_text": claim["text"],
        })
    rows.sort(key=lambda r: (-r["claims"], (r["actor"] or r["country_name"] or r["country"] or "").lower()))
    return rows


def _claims(reader, ids: list[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        placeholders = ", ".join(f":id_{n}" for n in range(len(chunk)))
        for claim_id, date_key, stated_on, speaker, polarity, modality, text in reader.rows(
            "SELECT c.id, c.date_key, c.stated_on, a.name, c.polarity, c.modality, c.text"
            f" FROM claims c JOIN actors a ON a.id = c.actor_id WHERE c.id IN ({placeholders})",
            {f"id_{n}": claim_id for n, claim_id in enumerate(chunk)},
        ):
            out[claim_id] = {"id": claim_id, "date": _day(date_key), "stated_on": stated_on, "speaker": speaker,
                             "polarity": polarity, "modality": modality, "text": text}
    return out


def _actors(reader, ids: list[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        placeholders = ", ".join(f":id_{n}" for n in range(len(chunk)))
        for actor_id, name, country in reader.rows(
            f"SELECT id, name, country FROM actors WHERE id IN ({placeholders})",
            {f"id_{n}": actor_id for n, actor_id in enumerate(chunk)},
        ):
            out[actor_id] = {"name": name, "country": country}
    return out


def _day(value) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


@dataclass(slots=True)
class Timeline:
    """One actor's or country's claims in date order, and how many fell in each period.

    Each claim is a row of claimsdb.query (CLAIM_COLUMNS) plus ``date`` (the day it is placed
    on) and ``fallback`` (True when that is the publication date, the statement date being
    unknown). ``undated`` are the claims with neither date. ``periods`` maps the first day of
    each period from the first to the last claim (empty ones included) to its counts by
    polarity: {"positive": n, "negative": m}.
    """

    every: str
    claims: list[dict[str, Any]] = field(default_factory=list)
    undated: list[dict[str, Any]] = field(default_factory=list)
    periods: dict[str, Counter] = field(default_factory=dict)


def timeline(*, connection, filters: ClaimFilter, every: str = "month") -> Timeline:
    """The claims ``filters`` select in date order, counted per ``every`` ("month" or "week",
    weeks starting on Monday). Raises BadFilter unless an actor or a country is given."""
    from claimsdb.query import find_claims_rows

    if every not in PERIODS:
        raise BadFilter(f"--every must be one of {', '.join(PERIODS)}, not {every!r}")
    if filters.actor is None and filters.country is None:
        raise BadFilter("a timeline is of one actor or one country: give --actor or --country")
    result = Timeline(every=every)
    for row in find_claims_rows(connection=connection, filters=replace(filters, limit=None)):
        day = row["date_key"]
        if day is None:
            result.undated.append(row)
            continue
        row["date"] = day
        stated = row["stated_on"]
        row["fallback"] = not (stated and not stated.startswith("X"))
        result.claims.append(row)
    result.claims.sort(key=lambda r: (r["date"], r["claim_id"]))
    if result.claims:
        first, last = (date.fromisoformat(result.claims[i]["date"]) for i in (0, -1))
        period = _period_start(first, every)
        while period <= last:
            result.periods[period.isoformat()] = Counter()
            period = _next_period(period, every)
        for row in result.claims:
            result.periods[_period_start(date.fromisoformat(row["date"]), every).isoformat()][row["polarity"]] += 1
    return result


def _period_start(day: date, every: str) -> date:
    return day.replace(day=1) if every == "month" else day - timedelta(days=day.weekday())


def _next_period(start: date, every: str) -> date:
    if every == "week":
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


# Keys a grouped row adds to the claim row of the statement's first report.
GROUPED_COLUMNS = ("documents", "outlets", "first_seen")


def grouped_claims(*, connection, filters: ClaimFilter) -> list[dict[str, Any]]:
    """One row per statement group among the claims ``filters`` select, in the order of their
    first claim: that claim's row with ``documents`` (how many documents report it among
    those selected), ``outlets`` (how many distinct outlets, those ingested without
    --outlet not counted) and ``first_seen`` (the earliest date of its reports)."""
    from claimsdb.query import find_claims_rows

    groups: dict[int, dict[str, Any]] = {}
    members: dict[int, tuple[set, set, list]] = {}
    for row in find_claims_rows(connection=connection, filters=replace(filters, limit=None)):
        key = row["statement_group"]
        if key not in groups:
            if filters.limit is not None and len(groups) == filters.limit:
                continue
            groups[key] = row
            members[key] = (set(), set(), [])
        documents, outlets, days = members[key]
        documents.add(row["document_id"])
        if row["outlet"]:
            outlets.add(row["outlet"].lower())
        if row["date_key"]:
            days.append(row["date_key"])
    for key, row in groups.items():
        documents, outlets, days = members[key]
        row.update(documents=len(documents), outlets=len(outlets), first_seen=min(days) if days else None)
    return list(groups.values())
