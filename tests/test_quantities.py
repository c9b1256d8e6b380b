"""Quantities: values, ranges, units and counted nouns, and what is not a quantity."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimsdb.resolve.quantities import find_quantities


def found(text: str) -> list[tuple[str, float, float | None, str | None]]:
    return [(q.text, q.value, q.max, q.unit) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 200,000 peacekeepers would be needed",
         ("at least 200,000 peacekeepers", 200000, None, "peacekeepers")),
        ("if 100,000 to 150,000 European troops were deployed",
         ("100,000 to 150,000 European troops", 100000, 150000, "troops")),
        ("100,000-150,000 troops", ("100,000-150,000 troops", 100000, 150000, "troops")),
        ("between 5 and 10 percent of voters", ("between 5 and 10 percent", 5, 10, "%")),
        ("5 to 10 million people", ("5 to 10 million people", 5e6, 1e7, "people")),
        ("about a dozen countries could", ("about a dozen countries", 12, None, "countries")),
        ("dozens of drones", ("dozens of drones", 24, 99, "drones")),
        ("a few hundred soldiers", ("a few hundred soldiers", 100, 999, "soldiers")),
        ("tens of thousands of military personnel.",
         ("tens of thousands of military personnel", 10000, 99999, "personnel")),
        ("a European-backed 40-kilometer buffer zone", ("40-kilometer", 40, None, "km")),
        ("40 kilometres away", ("40 kilometres", 40, None, "km")),
        ("40km away", ("40km", 40, None, "km")),
        ("2 million rounds", ("2 million rounds", 2e6, None, "rounds")),
        ("$5.7 billion", ("$5.7 billion", 5.7e9, None, "USD")),
        ("€300m in aid", ("€300m", 3e8, None, "EUR")),
        ("£2bn", ("£2bn", 2e9, None, "GBP")),
        ("USD 5 million", ("USD 5 million", 5e6, None, "USD")),
        ("millions of dollars", ("millions of dollars", 1e6, 9999999, "USD")),
        ("We have trained over 80,000 soldiers so far", ("over 80,000 soldiers", 80000, None, "soldiers")),
        ("rose 40%", ("40%", 40, None, "%")),
        ("rose 40 percent", ("40 percent", 40, None, "%")),
        ("rose 40 per cent", ("40 per cent", 40, None, "%")),
        ("two-thirds of the ammunition", ("two-thirds of the ammunition", 0.6667, None, "ammunition")),
        ("a third of the troops", ("a third of the troops", 0.3333, None, "troops")),
        ("half a million refugees", ("half a million refugees", 5e5, None, "refugees")),
        ("three tanks", ("three tanks", 3, None, "tanks")),
        ("twenty-five countries", ("twenty-five countries", 25, None, "countries")),
        ("one country said", ("one country", 1, None, "country")),
        ("a 30-day ceasefire", ("30-day", 30, None, "day")),
        ("a 100,000-strong army", ("100,000-strong army", 100000, None, "army")),
        ("sold 5m copies", ("5m copies", 5e6, None, "copies")),
        ("the 10,000m final", ("10,000m", 10000, None, "m")),
        ("killed 20 in the attack", ("20", 20, None, None)),
        ("from $639m a year earlier", ("$639m", 6.39e8, None, "USD")),
    ],
)
def test_quantity(text: str, expected: tuple) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway pledged at least ten more radar systems.",
         [("at least ten more radar systems", 10, None, "systems")]),
        ("the base will keep 3,000 fewer troops", [("3,000 fewer troops", 3000, None, "troops")]),
        ("they asked for two more coastal defence batteries",
         [("two more coastal defence batteries", 2, None, "batteries")]),
        # A comparative that counts nothing: no noun after it, or "than".
        ("the fee is 40 more than before", [("40", 40, None, None)]),
        ("we expect two more", []),
    ],
)
def test_a_comparative_between_the_number_and_what_it_counts(text: str, expected: list) -> None:
    assert found(text) == expected


def test_several_in_one_sentence() -> None:
    text = "2 million high-caliber rounds worth 5 billion euros ($5.7 billion)."
    assert found(text) == [
        ("2 million high-caliber rounds", 2e6, None, "rounds"),
        ("5 billion euros", 5e9, None, "EUR"),
        ("$5.7 billion", 5.7e9, None, "USD"),
    ]


def test_decreasing_pair_is_two_numbers() -> None:
    assert found("fell from 10 to 5 soldiers") == [("10", 10, None, None), ("5 soldiers", 5, None, "soldiers")]


def test_year_then_amount() -> None:
    assert found("losses halved in 2004 to $200m") == [("$200m", 2e8, None, "USD")]


@pytest.mark.parametrize(
    "text",
    [
        "in 2025",
        "On March 16, officials",
        "on 16 March 2025",
        "at 7:29 AM",
        "at 10 am",
        "NATO's Article 5",
        "No. 10 Downing Street",
        "UN Resolution 2231",
        "the 1st and 2nd brigades",
        "F-16 jets and the G7 and COVID-19",
        "two days ago",
        "between 6 and 9 January",
        "the first half of 2004",
        "won 3-1",
        "one of the topics",
        "the two said",
        "a third country",
        "almost three times the size",
        "call 0800",
    ],
)
def test_not_quantities(text: str) -> None:
    assert found(text) == []


def test_offsets_and_window() -> None:
    text = "5 tanks, 6 tanks, 7 tanks"
    qs = find_quantities(text, 9, 17)
    assert [(q.text, q.start, q.end) for q in qs] == [("6 tanks", 9, 16)]
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text


@given(st.text())
def test_any_text(text: str) -> None:
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text


@given(st.text(alphabet="0123456789 ,.-%$€£mbnk abouttwomillionofdozens", max_size=60), st.integers(0, 10))
def test_number_like_text(text: str, start: int) -> None:
    for q in find_quantities(text, start):
        assert start <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.max is None or q.max > q.value
