"""Dates: finding mentions with offsets, resolving them against an anchor, publication dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimsdb.records import PartialDate
from claimsdb.resolve.dates import DateMention, find_dates, find_publication_date, resolve_date

ANCHOR = date(2025, 4, 10)  # a Thursday


def found(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_dates(text)]


def only(text: str) -> DateMention:
    mentions = find_dates(text)
    assert len(mentions) == 1, [text[m.start : m.end] for m in mentions]
    return mentions[0]


def resolved(text: str, anchor: PartialDate | date | None = ANCHOR) -> str | None:
    result = resolve_date(only(text), anchor)
    return result.iso() if result else None


@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        ("On March 16, he said", "March 16", "2025-03-16"),
        ("on March 16, 2025, he said", "March 16, 2025", "2025-03-16"),
        ("on 16 March 2025 he said", "16 March 2025", "2025-03-16"),
        ("on the 16th of March", "16th of March", "2025-03-16"),
        ("said on Aug. 29.", "Aug. 29", "2024-08-29"),  # five months ahead is too far: last year
        ("Sept. 11 attacks", "Sept. 11", "2024-09-11"),
        ("on 2025-03-16 it", "2025-03-16", "2025-03-16"),
        ("by Olena Goncharova April 10, 2025 7:29 AM 2 min read", "April 10, 2025 7:29 AM", "2025-04-10"),
        ("Mon 10 Apr 2025", "Mon 10 Apr 2025", "2025-04-10"),
        ("APRIL 10, 2025", "APRIL 10, 2025", "2025-04-10"),
        ("on 16.03.2025", "16.03.2025", "2025-03-16"),
        ("on 16/03/2025", "16/03/2025", "2025-03-16"),
        ("on March 16-17, 2025", "March 16-17, 2025", "2025-03-16"),
        ("the meeting on April 12", "April 12", "2025-04-12"),  # just after the anchor is fine
        ("In February, he", "February", "2025-02"),
        ("At the end of January, he", "the end of January", "2025-01"),
        ("in early March", "early March", "2025-03"),
        ("in mid-March", "mid-March", "2025-03"),
        ("last March", "last March", "2025-03"),
        ("next March", "next March", "2026-03"),
        ("in December", "December", "2024-12"),
        ("in March last year", "March last year", "2024-03"),
        ("in March 2023", "March 2023", "2023-03"),
        ("in 2024", "2024", "2024"),
        ("by the end of 2027", "the end of 2027", "2027"),
        ("on Thursday", "Thursday", "2025-04-10"),
        ("on Monday", "Monday", "2025-04-07"),
        ("last Thursday", "last Thursday", "2025-04-03"),
        ("next Monday", "next Monday", "2025-04-14"),
        ("yesterday", "yesterday", "2025-04-09"),
        ("Today", "Today", "2025-04-10"),
        ("On the same day, he", "the same day", "2025-04-10"),
        ("the day before", "the day before", "2025-04-09"),
        ("the day before yesterday", "the day before yesterday", "2025-04-08"),
        ("the next day", "the next day", "2025-04-11"),
        ("two days ago", "two days ago", "2025-04-08"),
        ("10 days ago", "10 days ago", "2025-03-31"),
        ("three days later", "three days later", "2025-04-13"),
        ("earlier this week", "earlier this week", "2025-04"),  # Apr 7-13 lies in April
        ("last week", "last week", "2025"),  # Mar 31-Apr 6 spans two months
        ("this month", "this month", "2025-04"),
        ("last month", "last month", "2025-03"),
        ("last year", "last year", "2024"),
        ("a year ago", "a year ago", "2024"),
    ],
)
def test_find_and_resolve(text: str, span: str, iso: str) -> None:
    assert found(text) == [span]
    assert resolved(text) == iso


def test_prepositions_are_outside_the_span() -> None:
    text = "On March 16 and in February and on Thursday"
    assert found(text) == ["March 16", "February", "Thursday"]


def test_month_name_alone_needs_a_cue() -> None:
    assert found("May God help us. March on!") == []
    assert found("The March rally") == []
    assert found("between January and March") == ["January", "March"]
    assert found("Mar alone") == []


@pytest.mark.parametrize(
    "text",
    [
        "7:29 AM",
        "2,025 troops",
        "$2025",
        "at 1900 GMT",
        "40%",
        "F-16",
        "Black Friday",
        "the Sunday Times",
        "April 31",
        "on 04/10/2025",  # April 10 or 4 October: not guessed
        "the 1990s",
    ],
)
def test_not_dates(text: str) -> None:
    assert found(text) == []


def test_anchored_and_absolute() -> None:
    assert only("March 16").anchored
    assert not only("March 16, 2025").anchored
    assert only("in February").anchored
    assert not only("in 2024").anchored
    assert only("yesterday").anchored
    assert only("on Thursday").anchored
    assert only("the next day").relative_to == "context"
    assert only("yesterday").relative_to == "now"


def test_no_anchor_year_never_guessed() -> None:
    assert resolved("March 16", None) == "XXXX-03-16"
    assert resolved("March 16", PartialDate(None, 5, 1)) == "XXXX-03-16"
    assert resolved("in February", None) == "XXXX-02"
    assert resolved("on Thursday", None) is None
    assert resolved("on Thursday", PartialDate(2025, 4, None, "month")) is None
    assert resolved("yesterday", None) is None
    assert resolved("last month", PartialDate(2025, None, None, "year")) is None
    assert resolved("March 16, 2025", None) == "2025-03-16"
    assert resolved("February 29", None) == "XXXX-02-29"


def test_same_day_returns_the_anchor() -> None:
    assert resolved("on the same day", PartialDate(None, 3, 16)) == "XXXX-03-16"
    assert resolved("the next day", PartialDate(None, 3, 16)) == "XXXX-03-17"
    assert resolved("the next day", PartialDate(None, 2, 28)) is None  # Feb 29 or March 1


def test_year_closest_to_anchor() -> None:
    assert resolved("December 30", date(2025, 1, 5)) == "2024-12-30"
    assert resolved("January 3", date(2024, 12, 28)) == "2025-01-03"
    assert resolved("in December", date(2025, 1, 5)) == "2024-12"
    assert resolved("in January", date(2024, 12, 20)) == "2025-01"
    assert resolved("March 16", PartialDate(2025, None, None, "year")) == "2025-03-16"
    assert resolved("March 16", PartialDate(2025, 4, None, "month")) == "2025-03-16"
    assert resolved("February 29", date(2025, 4, 10)) == "2024-02-29"


def test_weekday_beside_a_date_picks_the_year() -> None:
    # March 16 was a Saturday in 2024 and a Sunday in 2025.
    assert resolved("Saturday, March 16", date(2025, 4, 10)) == "2024-03-16"
    assert resolved("Sunday, March 16", date(2025, 4, 10)) == "2025-03-16"


def test_window() -> None:
    text = "March 16 and March 17 and March 18"
    mentions = find_dates(text, 9, 25)
    assert [text[m.start : m.end] for m in mentions] == ["March 17"]


def test_publication_date_byline() -> None:
    text = (
        "Skip to content\n\nUkraine presents request\n\n"
        "by Olena Goncharova April 10, 2025 7:29 AM 2 min read\n"
        "Soldiers on July 25, 2024. (Photo)\nAllies meet on April 10."
    )
    assert find_publication_date(text) == (date(2025, 4, 10), "byline")


@pytest.mark.parametrize(
    "line",
    [
        "Published: 10 April 2025",
        "Updated 10 April 2025, 08:00 GMT\nPublished 10 April 2025",
        "10 April 2025",
        "Posted on 2025-04-10T07:29:00Z",
    ],
)
def test_publication_date_byline_forms(line: str) -> None:
    text = f"Title\n{line}\nBody text about 1 March 2021 and more."
    assert find_publication_date(text) == (date(2025, 4, 10), "byline")


@pytest.mark.parametrize("body, day", [
    ("The minister said on Sunday (Jul. 6) that the talks would go on.", date(2025, 7, 6)),
    ("The minister said on Thursday, 5 June that the talks would go on.", date(2025, 6, 7)),
])
def test_a_slashed_date_either_way_round_is_read_by_the_dates_written_with_a_months_name(body, day) -> None:
    # 06/07/2025: 6 July or June 7; the day the article names by its month decides
    # (rule slashed-date-by-named).
    assert find_publication_date(f"Title\nPublished on 06/07/2025 - 19:48\n\n{body}") == (day, "byline")


def test_a_slashed_date_either_way_round_stays_unread_when_no_named_date_decides() -> None:
    assert find_publication_date("Title\nPublished on 06/07/2025\n\nThe talks went on in March.") is None
    # a background date with no weekday decides nothing
    assert find_publication_date("Title\nPublished on 06/07/2025\n\nThe ban, in force since 1 June, was criticised.") is None
    # both readings follow a named date by less than a week: still not guessed
    assert find_publication_date("Title\nPublished on 03/04/2025\n\nTalks on Saturday, 1 March and Sunday, 30 March.") is None


def test_publication_date_dateline_and_text() -> None:
    dateline = "Title\n\nWARSAW, April 10, 2025 (Reuters) - Poland said it signed deals made on 3 March 2024."
    assert find_publication_date(dateline) == (date(2025, 4, 10), "dateline")
    text = "Title\n\nThe deal signed on 3 March 2024 was renewed on 5 May 2025, officials said on April 12."
    assert find_publication_date(text) == (date(2025, 5, 5), "text")
    assert find_publication_date("No dates here, only March 16 and 2024.") is None


@given(st.text())
def test_find_dates_any_text(text: str) -> None:
    for m in find_dates(text):
        assert 0 <= m.start < m.end <= len(text)
        resolve_date(m, ANCHOR)
        resolve_date(m, None)
    find_publication_date(text)


@given(
    st.text(alphabet="0123456789 ,.-/:ThursdayMarchJanuaryinlastyesterday\n"),
    st.integers(0, 40),
)
def test_find_dates_date_like_text(text: str, start: int) -> None:
    for m in find_dates(text, start):
        assert start <= m.start < m.end <= len(text)
        resolve_date(m, ANCHOR)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(range(4)))
def test_explicit_dates_round_trip(d: date, form: int) -> None:
    month = MONTHS[d.month - 1]
    text = [
        f"on {month} {d.day}, {d.year}, officials said",
        f"on {d.day} {month} {d.year} officials said",
        f"on {d.isoformat()} officials said",
        f"on {d.day:02d}.{d.month:02d}.{d.year} officials said",
    ][form]
    mention = only(text)
    assert not mention.anchored
    result = resolve_date(mention, None)
    assert result is not None and result.iso() == d.isoformat()
    assert resolve_date(mention, date(1950, 6, 1)) == result


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2098, 12, 31)), st.integers(-31, 300))
def test_day_month_takes_the_anchor_year(d: date, days_after: int) -> None:
    # Written up to ~10 months before the date was told, or up to a month ahead of it.
    anchor = d + timedelta(days=days_after)
    mention = only(f"on {MONTHS[d.month - 1]} {d.day} officials said")
    result = resolve_date(mention, anchor)
    assert result is not None and result.iso() == d.isoformat()


@pytest.mark.parametrize(
    "line",
    [
        "Published 10:29 AM EST, Thu April 10, 2025",
        "Thu 10 Apr 2025 07.29 BST",
        "Thursday, 10 April 2025, 07:29",
        "10.04.2025 07:29",
        "Olena Goncharova | April 10, 2025",
        "April 10, 20257:29 AM GMT+3Updated 2 hours ago",  # time glued to the year by scraping
        # the clock time first (rule clock-then-date)
        "Fjord Daily Courier / 07:29 AM April 10, 2025",
        "7:29 pm on 10 April 2025",
    ],
)
def test_publication_date_outlet_bylines(line: str) -> None:
    text = f"Headline\n{line}\nThe deal signed on 3 March 2021 was renewed."
    assert find_publication_date(text) == (date(2025, 4, 10), "byline")


def test_sentence_with_a_date_is_not_a_byline() -> None:
    assert find_publication_date("Headline\nBody on 3 March 2021.") == (date(2021, 3, 3), "text")
    assert find_publication_date("Headline\nAt 10:30 on 3 March 2021 the ferry sank.") == (date(2021, 3, 3), "text")


def test_a_date_line_followed_by_its_update_stamp_is_the_publication_date():
    text = ("Ministers meet on ports\n\n03 Dec. 2024 - | Last updated: 04 Dec. 2024 10:15\n\n"
            "The ministers agreed on 1 January 2025 to meet again.\n")
    assert find_publication_date(text) == (date(2024, 12, 3), "byline")


@pytest.mark.parametrize("line, expected", [
    ("Published on 03/11/2024 - 09:15 GMT+1", date(2024, 11, 3)),
    ("Published 03/11/2024 09:15 CET", date(2024, 11, 3)),
    ("Posted 03/11/2024 9:15 AM EST", date(2024, 3, 11)),
    ("Published 03/11/2024 09:15", None),
])
def test_a_time_zone_after_an_ambiguous_slash_date_says_which_way_it_is_written(line, expected):
    # day first before a European zone or a GMT offset, month first before a US zone; with
    # no zone the date stays unread rather than guessed
    found = find_publication_date(line + "\n\nThe ferry strike went on.")
    assert (found[0] if found else None) == expected
