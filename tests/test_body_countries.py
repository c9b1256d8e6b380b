"""Countries of bodies (outlets, companies, NGOs) and of the people who speak for them."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimsdb.cli import app
from claimsdb.extract.lexicon import media_countries, media_names

runner = CliRunner()


def exported(tmp_path: Path, text: str) -> list[dict]:
    """Ingest ``text`` as one article and return its exported claims."""
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(article)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["export", "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]


def country_of(claims: list[dict], word: str) -> str | None:
    found = [c for c in claims if word in c["speaker"]]
    assert found, [c["speaker"] for c in claims]
    return found[0]["country"]


# --- 1. outlets have countries -------------------------------------------------------------


def _media_rows() -> list[list[str]]:
    text = (files("claimsdb.data") / "media.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_every_outlet_row_has_a_country_column():
    for row in _media_rows():
        assert len(row) == 3, row
        assert row[2] == "" or (len(row[2]) == 2 and row[2].isupper()), row


def test_outlet_countries_and_names_read_the_three_columns():
    assert media_countries()["BBC"] == "GB"
    assert media_countries()["CBS News"] == "US"
    assert "Euronews" not in media_countries()  # multinational: no country
    assert media_names()["nyt"] == "The New York Times"  # the aliases stay aliases
    assert all("\t" not in name for name in media_names())


def test_a_correspondent_with_an_outlet_takes_its_country(tmp_path):
    claims = exported(tmp_path, (
        "Border crossing shut\n\n"
        "Hanna Lind with CBS News said the crossing had been closed since dawn.\n"
    ))
    assert country_of(claims, "Lind") == "US"


def test_an_outlet_title_before_the_name_gives_its_country(tmp_path):
    claims = exported(tmp_path, (
        "Border crossing shut\n\n"
        "BBC correspondent Hanna Lind said the crossing had been closed since dawn.\n"
    ))
    assert country_of(claims, "Lind") == "GB"


def test_an_outlet_speaking_takes_its_country(tmp_path):
    claims = exported(tmp_path, "Port reopens\n\nThe port reopened on Monday, the BBC said.\n")
    assert country_of(claims, "BBC") == "GB"


# --- 2. the article gives a body's country ---------------------------------------------------


def test_a_demonym_before_the_class_noun_places_the_body_and_its_staff(tmp_path):
    claims = exported(tmp_path, (
        "Reporters held\n\n"
        "Two reporters of Norwegian broadcaster Fjordkanal were held overnight.\n"
        "Hanna Lind with Fjordkanal said she had been questioned for six hours.\n"
    ))
    assert country_of(claims, "Lind") == "NO"


def test_a_city_based_appositive_places_the_body(tmp_path):
    claims = exported(tmp_path, (
        "Aid convoy stopped\n\n"
        "Fjordhjelp, a Bergen-based aid group, said its convoy had been stopped at the border.\n"
    ))
    assert country_of(claims, "Fjordhjelp") == "NO"


def test_a_person_at_a_body_the_article_places(tmp_path):
    claims = exported(tmp_path, (
        "Aid convoy stopped\n\n"
        "The Bergen-based Fjordhjelp sent four lorries.\n"
        "\"We were turned back twice,\" said Ola Dahl, a coordinator at Fjordhjelp.\n"
    ))
    assert country_of(claims, "Dahl") == "NO"


@pytest.mark.parametrize(("segment", "code"), [
    ("a Bergen-based aid group", "NO"),
    ("the Russian state-owned gas giant", "RU"),
    ("Britain's", "GB"),
    ("the Kremlin-funded", "RU"),
    ("ILO-based figures", None),  # an abbreviation is no place
    ("a charity working in Ukraine", None),  # where it works, not where it is from
    ("the Anglo-Dutch group", None),  # two countries
    ("a pro-Russian group", None),
    ("talks with the Polish government", None),  # no class noun
])
def test_the_country_a_phrase_gives_a_body(segment, code):
    from claimsdb.resolve.affiliation import _classed_country

    assert _classed_country(segment, at_end=False) == code


# --- 3. world knowledge for bodies -----------------------------------------------------------


def _organisation_rows() -> list[list[str]]:
    text = (files("claimsdb.data") / "organisations.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")][1:]


def test_the_organisation_table_is_well_formed():
    rows = _organisation_rows()
    assert len(rows) >= 300
    names = [r[0] for r in rows]
    assert len(names) == len(set(names))
    for row in rows:
        assert len(row) == 3, row
        assert row[2] == "" or (len(row[2]) == 2 and row[2].isupper()), row


def test_a_listed_company_speaking_takes_its_home_country(tmp_path):
    claims = exported(tmp_path, "Gas talks\n\nGazprom said on Monday that deliveries would resume.\n")
    assert country_of(claims, "Gazprom") == "RU"


def test_a_person_whose_surname_is_a_company_name_is_no_company(tmp_path):
    claims = exported(tmp_path, "Gas talks\n\nMr Ford said on Monday that deliveries would resume.\n")
    assert country_of(claims, "Ford") is None


def test_a_researcher_at_a_listed_think_tank(tmp_path):
    claims = exported(tmp_path, (
        "Sanctions debate\n\n"
        "\"The measures will bite by winter,\" said Ruth Adler, a fellow at the Brookings Institution.\n"
    ))
    assert country_of(claims, "Adler") == "US"


def test_staff_of_an_international_ngo_get_no_country_from_it(tmp_path):
    claims = exported(tmp_path, (
        "Prisoners moved\n\n"
        "\"The prisoners were moved at night,\" said Ruth Adler, a researcher at Amnesty International.\n"
    ))
    assert country_of(claims, "Adler") is None


def test_the_article_wins_over_the_table(tmp_path):
    claims = exported(tmp_path, (
        "Bank fined\n\n"
        "Raiffeisen, the Ukrainian lender, said it would appeal against the fine.\n"
    ))
    assert country_of(claims, "Raiffeisen") == "UA"


def test_a_critic_of_a_company_is_not_its_staff(tmp_path):
    claims = exported(tmp_path, (
        "Pipeline row\n\n"
        "\"The contract was never fair,\" said Ruth Adler, a critic of Gazprom.\n"
    ))
    assert country_of(claims, "Adler") is None


def test_short_abbreviations_count_only_in_capitals():
    from claimsdb.resolve.affiliation import _listed_body_country

    assert _listed_body_country("BP") == (True, "GB")
    assert _listed_body_country("Bp") == (False, None)


# --- 4. class-noun inheritance ---------------------------------------------------------------


def test_another_of_the_class_takes_the_class_country(tmp_path):
    claims = exported(tmp_path, (
        "Phone outage\n\n"
        "All the big Norwegian carriers said on Friday they had not been asked for data.\n"
        "Another carrier, Nordnett, issued a denial.\n"
        "\"We received no request,\" the company said.\n"
    ))
    assert country_of(claims, "Nordnett") == "NO"


def test_a_body_called_another_of_the_class_takes_it(tmp_path):
    claims = exported(tmp_path, (
        "Phone outage\n\n"
        "All the big Norwegian carriers said on Friday they had not been asked for data.\n"
        "\"We received no request,\" said Nordnett, another carrier.\n"
    ))
    assert country_of(claims, "Nordnett") == "NO"


def test_the_body_quoted_before_another_of_the_class_takes_it_too(tmp_path):
    claims = exported(tmp_path, (
        "Phone outage\n\n"
        "The big Norwegian carriers denied any part in the outage.\n"
        "\"We had nothing to do with it,\" wrote Telvik Telecom on its website.\n"
        "Another carrier, Nordnett Telecom, issued a similar denial.\n"
    ))
    assert country_of(claims, "Telvik") == "NO"


def test_a_class_two_countries_are_given_for_places_no_one(tmp_path):
    claims = exported(tmp_path, (
        "Phone outage\n\n"
        "Norwegian carriers and then Swedish carriers denied any part in the outage.\n"
        "Another carrier, Nordnett, issued a denial.\n"
        "\"We received no request,\" the company said.\n"
    ))
    assert country_of(claims, "Nordnett") is None


def test_a_users_country_for_a_body_wins_over_the_table(tmp_path):
    first = tmp_path / "first.txt"
    first.write_text("Gas talks\n\nGazprom said on Monday that deliveries would resume.\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(first)]).exit_code == 0
    result = runner.invoke(app, ["actors", "set-country", "Gazprom", "Belarusian"])
    assert result.exit_code == 0, result.output
    claims = exported(tmp_path, "Gas deal\n\nGazprom said on Tuesday that a deal was near.\n")
    assert {c["country"] for c in claims if c["speaker"] == "Gazprom"} == {"BY"}


@pytest.mark.parametrize(("sentence", "word", "code"), [
    ("Gazprom's spokesman Oleg Sorin said the gas would flow.", "Sorin", "RU"),
    ("\"The gas will flow,\" a spokesman for Gazprom said.", "spokesman", "RU"),
    ("Oleg Sorin, a reporter for the Kyiv Post, said the gas would flow.", "Sorin", "UA"),
    ("Oleg Sorin, an analyst at Renaissance Capital, said the gas would flow.", "Sorin", "RU"),
])
def test_people_speaking_for_a_listed_body(tmp_path, sentence, word, code):
    claims = exported(tmp_path, "Gas talks\n\n" + sentence + "\n")
    assert country_of(claims, word) == code


def test_a_body_merely_classed_keeps_its_listed_country(tmp_path):
    claims = exported(tmp_path, (
        "Sanctions widen\n\n"
        "The measures hit Russian banks hardest.\n"
        "The bank JPMorgan said it would follow the rules.\n"
    ))
    assert country_of(claims, "JPMorgan") == "US"


def test_a_body_merely_classed_takes_the_class_country_when_unlisted(tmp_path):
    claims = exported(tmp_path, (
        "Sanctions widen\n\n"
        "The measures hit Norwegian banks hardest.\n"
        "The bank Fjordbanken said it would follow the rules.\n"
    ))
    assert country_of(claims, "Fjordbanken") == "NO"


def test_a_comma_before_the_body_still_places_it(tmp_path):
    claims = exported(tmp_path, (
        "Bank nationalised\n\n"
        "Norway's biggest private bank, Fjordbanken, said it had not been consulted.\n"
    ))
    assert country_of(claims, "Fjordbanken") == "NO"


@pytest.mark.parametrize("description", ["speaking at the Brookings Institution", "a graduate of Harvard"])
def test_visiting_or_having_studied_at_a_body_is_no_affiliation(tmp_path, description):
    claims = exported(tmp_path, (
        "Sanctions debate\n\n"
        f"\"The measures will bite,\" said Ruth Adler, {description}.\n"
    ))
    assert country_of(claims, "Adler") is None


def test_a_body_described_as_a_charity_is_placed_by_its_description(tmp_path):
    claims = exported(tmp_path, (
        "Aid convoy stopped\n\n"
        "Fjordhjelp, a Bergen-based charity, said its convoy had been stopped at the border.\n"
    ))
    assert country_of(claims, "Fjordhjelp") == "NO"


def test_an_outlet_the_article_places_is_of_that_country_whatever_the_table_says(tmp_path):
    claims = exported(tmp_path, "Port reopens\n\nThe port reopened on Monday, the Spanish newspaper ABC said.\n")
    assert country_of(claims, "ABC") == "ES"


def test_an_outlet_has_a_country_but_no_say_in_a_countrys_positions(tmp_path):
    claims = exported(tmp_path, (
        "Navy plans\n\n"
        "The navy will send two frigates, the BBC said.\n"
        "Defence Minister Ola Dahl of Norway said the navy would send one frigate.\n"
    ))
    assert country_of(claims, "BBC") == "GB"
    assert runner.invoke(app, ["topics", "add", "navy", "navy", "frigates"]).exit_code == 0
    result = runner.invoke(app, ["positions", "--topic", "navy", "--by", "country", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [row["country"] for row in json.loads(result.output)] == ["NO"]


@pytest.mark.parametrize(("segment", "code"), [
    ("Russia's state-owned ", "RU"),
    ("Norway's largest ", "NO"),
    ("the US broadcaster ", "US"),
    ("Russia's sanctions against ", None),
    ("Russian companies such as ", None),
])
def test_the_country_a_phrase_gives_the_body_named_right_after(segment, code):
    from claimsdb.resolve.affiliation import _classed_country

    assert _classed_country(segment, at_end=True) == code



def test_a_security_council_named_with_its_country_and_a_parliament_speaker(tmp_path):
    claims = exported(tmp_path, "Fishing talks\n\n"
                      "The National Security and Defense Council said the border was calm.\n"
                      "Speaker Oleksandr Turchynov said the law was a necessary step.\n")
    assert country_of(claims, "Security") == "UA"
    assert country_of(claims, "Turchynov") == "UA"


def test_a_listed_company_before_a_title_in_capitals_places_its_head(tmp_path):
    claims = exported(tmp_path, "Gas talks\n\nGazprom CEO Pavel Orlov told journalists that the debt had grown.\n")
    assert country_of(claims, "Orlov") == "RU"


def test_a_researcher_at_a_listed_chinese_think_tank(tmp_path):
    claims = exported(tmp_path, (
        "Gas deal\n\n"
        "Lu Fang, a researcher at Fudan University, said the deal was long planned.\n"
    ))
    assert country_of(claims, "Lu Fang") == "CN"


def test_a_spokesman_of_the_ato_press_center(tmp_path):
    claims = exported(tmp_path, "Front line\n\nATO press center spokesman Ivan Hnat said two soldiers were wounded.\n")
    assert country_of(claims, "Hnat") == "UA"


@pytest.mark.parametrize("text, name, code", [
    ("Summit ends\n\nThe leaders left Brussels.\nIn the Verkhovna Rada, deputy Ivan Hnat demanded that the talks stop.\n",
     "Hnat", "UA"),
    ("Summit ends\n\nThe leaders left Brussels.\nIn Warsaw, the Sejm debated the budget.\n"
     "The session lasted all night.\nOpposition leader Jan Brzoza said the budget was a fraud.\n", "Brzoza", "PL"),
])
def test_a_domestic_politician_is_of_the_parliament_or_capital_just_named(tmp_path, text, name, code):
    assert country_of(exported(tmp_path, text), name) == code


def test_a_politician_with_no_domestic_role_takes_no_scene(tmp_path):
    text = "Summit ends\n\nIn Warsaw, the Sejm debated the budget.\nAnalyst Jan Brzoza said the budget was a fraud.\n"
    assert country_of(exported(tmp_path, text), "Brzoza") is None


@pytest.mark.parametrize("phrase, code", [
    ("Party of Regions deputy Ivan Hnat", "UA"),
    ("Fidesz lawmaker Ivan Hnat", "HU"),
    ("Ivan Hnat, a deputy from the Party of Regions,", "UA"),
])
def test_a_member_of_a_listed_party(tmp_path, phrase, code):
    claims = exported(tmp_path, f"Summit ends\n\n{phrase} said the talks must stop.\n")
    assert country_of(claims, "Hnat") == code


def test_a_person_named_like_a_listed_party_is_not_its_member(tmp_path):
    text = "Prague talks\n\nCzech Foreign Minister Cyril Svoboda met his counterpart. Svoboda said the talks went well.\n"
    assert {c["country"] for c in exported(tmp_path, text)} == {"CZ"}


def test_a_senator_after_the_federation_council_is_named(tmp_path):
    text = ("Sanctions debate\n\nThe Federation Council will discuss the sanctions on Friday.\n"
            "Senator Ivan Hnat said the sanctions would hurt the farmers most.\n")
    assert country_of(exported(tmp_path, text), "Hnat") == "RU"


def test_a_presidential_aide_takes_the_headline_speakers_country(tmp_path):
    text = ("Lund: Norway to close the strait\n\nNorway will close the strait, Norwegian Prime Minister Ana Lund said.\n"
            "Presidential aide Ivo Brenn said the closure would be short.\n")
    assert country_of(exported(tmp_path, text), "Brenn") == "NO"
