"""Where a story without a dateline comes from, by its head (resolve/home.py, rule head-source)."""

from __future__ import annotations

import pytest

from claimsdb.resolve.home import find_head_source
from test_affiliation import by_speaker, exported


@pytest.mark.parametrize(("text", "place"), [
    # the outlet in the byline, between the title and the body
    ("Ferry row\nKari Holm · CBC News · Posted: Jan 19, 2026 7:15 AM EST\n\nThe body.\n", "Canada"),
    ("Ferry row\n\nArticle content: Mari Tamm, ERR News\n\nThe body.\n", "Estonia"),
    ("Ferry row\nDAILY SABAH WITH AA\nISTANBUL\n\nThe body.\n", "Türkiye"),
    # a place among a byline's pieces
    ("Ferry row\n\nAna Petrovic | BIRN | Belgrade\nJanuary 19, 2026 | 09:40\n\nThe body.\n", "Serbia"),
])
def test_the_head_names_where_the_story_comes_from(text, place):
    assert find_head_source(text).place == place


@pytest.mark.parametrize("text", [
    # an outlet the title names as its source, a standfirst's, a body's sentence
    ("Talks stall, Politico reports\n\nThe body.\n"),
    ("Ferry row\nThe minister told CBC News that the ferries would sail again in May.\n\nThe body.\n"),
    # a place with no byline beside it ("Stade de France, Paris" before a match report)
    ("France v Wales\n\nStade de France, Paris\n\nThe body.\n"),
    # outlets of two countries
    ("Ferry row\nCBC News / ERR News\n\nThe body.\n"),
])
def test_a_head_naming_no_source_of_one_country_gives_none(text):
    assert find_head_source(text) is None


def test_the_byline_s_outlet_places_the_country_s_own_officials(tmp_path):
    text = ("Ferries to resume\n\nKari Holm · CBC News · Posted: Jan 19, 2026\n\nThe Department of Maritime Safety "
            "said on Monday that the ferries would sail again in May.\n")
    assert by_speaker(exported(tmp_path, text), "Department")["country"] == "CA"
