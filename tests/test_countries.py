"""Country lexicon: exact look-ups, mentions with offsets, the country of a speaker phrase."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimsdb.resolve.countries import (
    COUNTRY_CODES,
    ORG_CODES,
    country_code,
    country_name,
    country_of_phrase,
    find_countries,
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("UA", "UA"),
        ("Ukraine", "UA"),
        ("ukrainian", "UA"),
        ("Ukrainians", "UA"),
        ("EU", "EU"),
        ("European Commission", "EU"),
        ("U.S.", "US"),
        ("United States of America", "US"),
        ("America", "US"),
        ("American", "US"),
        ("UK", "GB"),
        ("Great Britain", "GB"),
        ("British", "GB"),
        ("Holland", "NL"),
        ("the Netherlands", "NL"),
        ("Dutch", "NL"),
        ("Kremlin", "RU"),
        ("the Kremlin", "RU"),
        ("Kiev", "UA"),
        ("Kyiv", "UA"),
        ("White House", "US"),
        ("Downing Street", "GB"),
        ("Elysee", "FR"),
        ("Élysée", "FR"),
        ("Brussels", "EU"),
        ("Nato", "NATO"),
        ("North Atlantic Treaty Organization", "NATO"),
        ("OSCE", "OSCE"),
        ("United Nations", "UN"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("Cote d'Ivoire", "CI"),
        ("Côte d’Ivoire", "CI"),
        ("Russia's", "RU"),
        ("Moldovan", "MD"),
        ("Kosovo", "XK"),
    ],
)
def test_country_code(text: str, code: str) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize("text", ["", "Security Council", "Europe", "European", "Washington Post", "xyz"])
def test_country_code_unknown(text: str) -> None:
    assert country_code(text) is None


def test_every_sovereign_country_is_listed() -> None:
    # 193 UN members, 2 observers (Holy See, Palestine), Taiwan and Kosovo.
    assert len(COUNTRY_CODES) == 197
    assert ORG_CODES == {"EU", "UN", "NATO", "OSCE"}
    for code in COUNTRY_CODES | ORG_CODES:
        assert country_code(code) == code
        name = country_name(code)
        assert name and country_code(name) == code


def test_country_name() -> None:
    assert country_name("UA") == "Ukraine"
    assert country_name("ua") == "Ukraine"
    assert country_name("EU") == "European Union"
    assert country_name("ZZ") is None


def spans(text: str) -> list[tuple[str, str, str]]:
    return [(text[m.start : m.end], m.code, m.form) for m in find_countries(text)]


def test_find_countries_forms() -> None:
    text = (
        "U.S. President Donald Trump and Ukraine's leader met; the Kremlin said Moscow and the "
        "EU disagree, while Ukrainian troops and NATO watched."
    )
    assert spans(text) == [
        ("U.S.", "US", "code"),
        ("Ukraine", "UA", "name"),
        ("Kremlin", "RU", "capital"),
        ("Moscow", "RU", "capital"),
        ("EU", "EU", "org"),
        ("Ukrainian", "UA", "demonym"),
        ("NATO", "NATO", "org"),
    ]


def test_pronoun_us_is_not_a_country() -> None:
    assert spans("Tell us what the US wants, said one of us.") == [("US", "US", "code")]


def test_whole_words_only() -> None:
    # "Oman" inside "Romania", "Iran" inside "Iranian" as a different form, "UN" inside "UNITED".
    assert spans("Romania") == [("Romania", "RO", "name")]
    assert spans("Iranian") == [("Iranian", "IR", "demonym")]
    assert spans("UNITED") == []
    assert spans("Chadwick and Maliki") == []


def test_longest_form_wins() -> None:
    assert spans("the United States of America") == [("United States of America", "US", "name")]
    assert spans("Papua New Guinea and Guinea-Bissau") == [
        ("Papua New Guinea", "PG", "name"),
        ("Guinea-Bissau", "GW", "name"),
    ]
    assert spans("UN General Assembly") == [("UN General Assembly", "UN", "org")]


def test_blocked_phrases_hide_their_country() -> None:
    assert spans("The Washington Post and Latin American leaders") == []
    assert spans("a reporter at the Kyiv Independent in Kyiv") == [("Kyiv", "UA", "capital")]


def test_combining_forms() -> None:
    assert spans("the Franco-British contingent") == [
        ("Franco", "FR", "demonym"),
        ("British", "GB", "demonym"),
    ]
    assert spans("General Franco") == []


def test_accents_and_capitals() -> None:
    assert spans("Chisinau and Chișinău") == [("Chisinau", "MD", "capital"), ("Chișinău", "MD", "capital")]
    assert spans("RUSSIA WARNS UKRAINE") == [("RUSSIA", "RU", "name"), ("UKRAINE", "UA", "name")]


def test_offsets_and_window() -> None:
    text = "Poland and France and Spain"
    found = find_countries(text, 5, 22)
    assert [(text[m.start : m.end], m.code) for m in found] == [("France", "FR")]


@given(st.text())
def test_find_countries_any_text(text: str) -> None:
    for m in find_countries(text):
        assert 0 <= m.start < m.end <= len(text)
        assert country_code(m.code) == m.code


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Italy's Foreign Minister Antonio Tajani", "IT"),
        ("Ukrainian President Volodymyr Zelenskyy", "UA"),
        ("EU High Representative for Foreign Affairs", "EU"),
        ("U.S. President Donald Trump", "US"),
        ("Deputy Chairman of Russia's Security Council", "RU"),
        ("a source in Ukraine's President's Office", "UA"),
        ("French Foreign Ministry spokesperson", "FR"),
        ("Moldovan President", "MD"),
        ("UN General Assembly President", "UN"),
        ("Ukraine's ambassador to the US", "UA"),
        ("the Kremlin spokesman", "RU"),
        ("Minister of Foreign Affairs of Ukraine", "UA"),
        ("EU Commission Vice-President and High Representative", "EU"),
        ("NATO Secretary General Mark Rutte", "NATO"),
        ("a Norwegian Russia expert", "NO"),
        ("an official at the Danish embassy in Oslo", "DK"),
        ("a spokesman for the US embassy in Moscow", "US"),
        ("Russia's mission to the UN", "RU"),
        ("the OSCE mission in Ukraine", "OSCE"),
        # a remit, then the place it is in (rule remit-place); the Pope stands for the Holy See
        ("the papal envoy for peace in Ukraine", "VA"),
        # a body in the place, not a remit: the country is the speaker's own
        ("a spokeswoman for the government in Kyiv", "UA"),
        ("a source close to the government in Kyiv", "UA"),
        ("Norway's envoy for peace in the Middle East", "NO"),
        ("Minister for Foreign Affairs in Norway", "NO"),
        # close to a government is of it; an autonomous region counts for its country
        ("a source close to the Kremlin", "RU"),
        ("Åland's head of government", "FI"),
        # agencies of the UN system by their own names
        ("International Atomic Energy Agency spokesman", "UN"),
        ("IAEA Director General", "UN"),
    ],
)
def test_country_of_phrase(phrase: str, code: str) -> None:
    assert country_of_phrase(phrase) == code


@pytest.mark.parametrize("phrase", ["Security Council", "the president", "Special Envoy to Ukraine", "",
                                    "a Norway expert", "head of the Ukraine programme at the institute",
                                    "the paper's Russia desk", "speaking at a news conference with his Danish counterpart",
                                    # a body of studies named after what it studies (rule studies-body)
                                    "a fellow at the Institute of Finnish, Baltic and Nordic Studies",
                                    "head of Polish Studies at the university",
                                    "special envoy for peace in Ukraine", "rapporteur on human rights in Belarus",
                                    "minister for relations with Russia", "an adviser to the Kremlin",
                                    "Tom Pope", "Union leader Dave Pope"])
def test_country_of_phrase_none(phrase: str) -> None:
    # A country named only as what the role points at does not tell whom the speaker serves.
    assert country_of_phrase(phrase) is None


def test_an_academy_named_for_its_country_still_gives_it() -> None:
    assert country_of_phrase("director of the Polish Academy of Sciences") == "PL"


@pytest.mark.parametrize(("phrase", "code"), [
    ("the Siberian-born rebel commander", "RU"),
    ("the head of the Crimean government, Mr Ivan Sokolov", "UA"),
    ("Chechen leader Ramzan Believ", "RU"),
    ("the Catalan regional president", "ES"),
    ("a Transdniestrian separatist official", "MD"),
])
def test_a_region_in_the_speaker_phrase_gives_its_country(phrase: str, code: str) -> None:
    assert country_of_phrase(phrase) == code


def test_a_region_is_no_country_by_itself() -> None:
    # Where a speaker is from, not a state that speaks: "Crimea said" names no country.
    assert country_code("Crimea") is None
    assert find_countries("Crimea voted on Sunday.") == []
    assert [m.code for m in find_countries("Crimea voted.", regions=True)] == ["UA"]
    # A country named before the region still comes first.
    assert country_of_phrase("Russia's envoy to Crimea") == "RU"


def test_a_region_in_a_relative_clause_is_not_where_the_speaker_is_from() -> None:
    assert country_of_phrase("one man who had been held in Chechnya for a year") is None
    assert country_of_phrase("a Chechen man who had been held for a year") == "RU"


@pytest.mark.parametrize("phrase", ["the premier of the self-styled Donetsk People's Republic",
                                    "the Luhansk People’s Republic's leader"])
def test_a_breakaway_republic_named_for_a_region_gives_no_country(phrase: str) -> None:
    # Its leaders were often citizens of another state: the region's country says nothing.
    assert country_of_phrase(phrase) is None
