"""Wire datelines: recognised, kept out of claims, dating the lead; local people's country."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimsdb.cli import app
from claimsdb.read.datelines import find_dateline, find_place_lines

runner = CliRunner()


def exported(tmp_path: Path, text: str, *options: str) -> list[dict]:
    article = tmp_path / "story.txt"
    article.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(article), *options])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["export", "--format", "jsonl", "-o", str(out)]).exit_code == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize(
    ("text", "place", "date", "agency"),
    [
        ("Headline\n\nKYIV, March 3 (Reuters) - The minister said", "KYIV", "March 3", "Reuters"),
        ("ANKARA (AP) — Turkey's parliament", "ANKARA", None, "AP"),
        ("Minsk, Oct. 4 (BelTA) -- The president", "Minsk", "Oct. 4", "BelTA"),
        ("RIGA/VILNIUS Latvia (Reuters) - Two", "RIGA/VILNIUS Latvia", None, "Reuters"),
        ("SOFIA, 12 May 2016 - The", "SOFIA", "12 May 2016", None),
        ("TBILISI — The", "TBILISI", None, None),
        ("Headline\n\nMOSCOW, November 14. /TASS/. The minister said", "MOSCOW", "November 14", "TASS"),
        ("ST. PETERSBURG, June 5. /TASS/. Talks", "ST. PETERSBURG", "June 5", "TASS"),
        ("MOSCOW. Nov 14 (Interfax) - Talks", "MOSCOW", "Nov 14", "Interfax"),
        # South Asian papers: the place in capitals, then a colon
        ("Headline\n\nNEW DELHI: The ministry said", "NEW DELHI", None, None),
        ("KARACHI, March 4: The army said", "KARACHI", "March 4", None),
        # the agency first, a month in capitals
        ("Headline\n\n(ANSA) - ROME, JUNE 9 - Italy is ready", "ROME", "JUNE 9", "ANSA"),
        ("OSLO, MARCH 3 (NTB) - The minister said", "OSLO", "MARCH 3", "NTB"),
        # the agency wrapped onto the next line after the date
        ("KYIV, March 3\n(Reuters) - The minister said", "KYIV", "March 3", "Reuters"),
        # a full stop between the agency and the dash (Spanish agencies)
        ("Headline\n\nLisbon, May 9 (EFE).- The minister said", "Lisbon", "May 9", "EFE"),
        ("Headline\n\nMexico City.- The minister said", "Mexico City", None, None),
        # the agency's name after the date: "PLACE, DATE, AGENCY." / "- " / the line's end
        ("Headline\n\nYEREVAN, MARCH 14, ARMENPRESS. The minister said", "YEREVAN", "MARCH 14", "ARMENPRESS"),
        ("Headline\n\nAccra, March 5, GNA - The minister said", "Accra", "March 5", "GNA"),
        ("Headline\nBaku, November 12, AZERTAC\nThe minister said", "Baku", "November 12", "AZERTAC"),
        # on the fifth line, after a standfirst, a byline and its date
        ("Headline\nStandfirst\nOur Correspondent\nNovember 12, 2025\nISLAMABAD: The ministry said",
         "ISLAMABAD", None, None),
    ],
)
def test_find_dateline(text, place, date, agency):
    found = find_dateline(text)
    assert (found.place, found.date, found.agency) == (place, date, agency)
    assert text[found.end:][:1].isupper()


@pytest.mark.parametrize(
    "text",
    ["Georgia - a country divided\n\nThe war", "Quiet Day\n(NTB) - The war", "(File photo) - WASHINGTON, MARCH 3 - The war", "Headline\n\nBREAKING: The war", "Headline\n\nKyiv: The war", "Moscow. Peace talks will go on.\n\nThe war", "Grain deal is dead - Turkish FM\n\nIt is", "Quiet day\n\nNothing - at all."],
)
def test_no_dateline(text):
    assert find_dateline(text) is None


def test_dateline_is_not_part_of_the_claim_and_dates_the_lead(tmp_path):
    claims = exported(tmp_path, (
        "Pipeline shut\n\n"
        "VARNA, June 14 (Reuters) - The pipeline will stay closed until repairs end, the operator "
        "Gazline said on Tuesday.\n"
        "The company gave no figures.\n"
    ))
    [claim] = claims
    assert claim["text"].startswith("The pipeline will stay closed")
    assert claim["stated_on"] == "XXXX-06-14"


def test_a_state_agency_dateline_with_slashes_dates_the_lead(tmp_path):
    claims = exported(tmp_path, (
        "Pipeline shut\n\n"
        "VARNA, June 14. /TASS/. The pipeline will stay closed until repairs end, the operator "
        "Gazline said on Tuesday.\n"
    ))
    [claim] = claims
    assert claim["text"].startswith("The pipeline will stay closed")
    assert claim["stated_on"] == "XXXX-06-14"


def test_weekday_in_the_lead_counts_back_from_a_dated_dateline(tmp_path):
    claims = exported(tmp_path, (
        "Pipeline shut\n\n"
        "VARNA, June 14, 2023 (Reuters) - Gazline said on Monday that the pipeline would stay closed.\n"
    ))
    # 14 June 2023 was a Wednesday; the Monday before it is the 12th.
    assert claims[0]["stated_on"] == "2023-06-12"


def test_dateline_place_gives_the_country_of_local_people(tmp_path):
    claims = exported(tmp_path, (
        "Town votes\n\n"
        "DNIPRO, Ukraine (AFP) - Queues formed early at the polling stations.\n"
        "Nadia Ivaschuk, a retiree, said she had voted for peace.\n"
        "Visiting economist Paul Dunmore said turnout looked high.\n"
    ))
    countries = {c["speaker"]: c["country"] for c in claims}
    assert countries["Nadia Ivaschuk"] == "UA"
    assert countries["Paul Dunmore"] is None  # a visitor is not one of the town's people


def test_a_ministry_with_no_country_is_of_the_dateline_place(tmp_path):
    claims = exported(tmp_path, (
        "No sanctions\n\n"
        "NEW DELHI: The government will not join the sanctions, Commerce Ministry spokesperson "
        "Ravi Anand said on Friday.\n"
        "Latvian Economy Ministry adviser Ilze Berzina said the trade would shrink.\n"
    ))
    countries = {c["speaker"]: c["country"] for c in claims}
    assert countries["Ravi Anand"] == "IN"
    assert countries["Ilze Berzina"] == "LV"  # a ministry the article gives a country keeps it


def test_a_date_line_ending_with_the_place_gives_the_story_s_place():
    text = ("Port talks resume\n\nUpdated - March 4, 2024 08:10 pm IST - CHENNAI\n\n"
            "The port trust said on Monday that the talks would resume.\n")
    found = find_dateline(text)
    assert found is not None and found.place == "CHENNAI" and found.date is None


def test_a_date_line_ending_with_a_label_gives_no_place():
    assert find_dateline("Port talks resume\n\nMarch 4, 2024 - ANALYSIS\n\nThe port trust met.\n") is None


@pytest.mark.parametrize("text, place", [
    # A title that names its source before a colon is no dateline; the body's dateline is.
    ("WHO: Clinics ran out of vaccine for the third time\n\nGENEVA, May 3 (Reuters) - The agency said", "GENEVA"),
    ("NATO: allies agree on new drills\n\nThe alliance said its ships would sail.", None),
])
def test_a_title_with_a_colon_is_no_dateline(text, place):
    found = find_dateline(text)
    assert (found.place if found else None) == place


def test_a_dateline_with_a_colon_on_the_only_line_is_still_one():
    assert find_dateline("LAHORE, June 9: The court said the hearing would resume.").place == "LAHORE"


def test_a_head_is_searched_for_a_place_after_a_date_whenever_the_pattern_could_match():
    """_place_after_date searches only heads with a line that may end in a place in capitals
    (_may_end_in_place): on random heads, that test holds wherever _PLACE_LAST matches."""
    import random

    from claimsdb.read import datelines

    rng = random.Random(11)
    parts = ["Updated", " - ", " – ", " | ", "July 10, 2024", "2024", "NEW DELHI", "NEW YORK NY", "KYIV", "U.S.",
             "Kyiv", "\n", "\r\n", " ", "\t", "x", "Sept", "-", "é"]
    matched = 0
    for _ in range(20000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(1, 14)))
        if datelines._PLACE_LAST.search(text) is not None:
            matched += 1
            assert datelines._may_end_in_place(text, len(text)), text
    assert matched > 100
    assert datelines.find_dateline("Updated - July 10, 2024 09:12 pm IST - NEW YORK NY\n\nText.").place == "NEW YORK NY"


def test_an_italian_agency_dateline_with_the_time_and_the_agency_between_dashes():
    text = "Libya\n\nNova\n\nRome, 18 mar 17:45 - (Agenzia Nova) - The presence is a threat to the region."
    found = find_dateline(text)
    assert found is not None and (found.place, found.date, found.agency) == ("Rome", "18 mar 17:45", "Agenzia Nova")
    assert text[found.end:].startswith("The presence")


@pytest.mark.parametrize(("text", "places"), [
    ("Headline\n\nBy Ana Lima\n\nLISBON\n\nThe minister said on Friday", ["LISBON"]),
    ("Headline\nSpecial Correspondent\nNEW DELHI\nThe ministry said", ["Special Correspondent", "NEW DELHI"]),
    ("Headline\nOur Correspondent\nISLAMABAD:\nThe ministry said", ["Our Correspondent", "ISLAMABAD"]),
    ("Headline\nKari Holm\nAbu Dhabi\nThe ministry said", ["Kari Holm", "Abu Dhabi"]),
    # a label, a place with nothing after it, the title itself: none
    ("Headline\n\nBREAKING\n\nThe minister said", []),
    ("Headline\n\nLISBON\n", []),
    ("Ukraine\n\nThe minister said", []),
])
def test_each_line_of_the_head_that_may_be_a_place_alone_is_a_candidate(text, places):
    found = list(find_place_lines(text))
    assert [d.place for d in found] == places
    assert all(text[d.start:d.end] == d.place for d in found)


def test_the_first_candidate_that_names_a_known_place_is_the_dateline(tmp_path):
    text = ("Border row\n\nKARI HOLM\nLISBON\n\nThe Directorate of Maritime Safety said on Friday that two "
            "trawlers had been seized.\n")
    [claim] = exported(tmp_path, text)
    assert claim["country"] == "PT"


@pytest.mark.parametrize(("head", "country"), [
    ("KARI HOLM\nLISBON", "PT"),  # a place in capitals
    ("Kari Holm\nLisbon", "PT"),  # a capital in title case
    ("Save\nShare", None),  # a page's buttons: "Save" is also the town of Savè, no capital
])
def test_a_place_line_in_title_case_places_speakers_only_when_it_is_a_capital(tmp_path, head, country):
    text = ("Border row\n\n" + head + "\n\nThe Directorate of Maritime Safety said on Friday that two trawlers "
            "had been seized.\n")
    [claim] = exported(tmp_path, text)
    assert claim["country"] == country
