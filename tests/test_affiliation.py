"""Speakers' countries from the rest of the article, places, principals and office holders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimsdb.cli import app
from claimsdb.records import ClaimCandidate, Speaker
from claimsdb.resolve.affiliation import attribute_countries
from claimsdb.resolve.countries import misspelt_country
from claimsdb.resolve.offices import given_names, office_of
from claimsdb.resolve.places import place_country

runner = CliRunner()


def exported(tmp_path: Path, text: str | list[str], *options: str) -> list[dict]:
    """Ingest ``text`` as one article (a list: as articles of a folder, in that order) and return
    the exported claims."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for n, article in enumerate([text] if isinstance(text, str) else text, 1):
        (folder / f"a{n}.txt").write_text(article, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(folder), *options])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["export", "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]


def by_speaker(claims: list[dict], word: str) -> dict:
    [claim] = [c for c in claims if word in c["speaker"]][:1]
    return claim


def test_title_at_another_mention_gives_the_country(tmp_path):
    claims = exported(tmp_path, (
        "Talks stall\n\n"
        "Moldovan opposition leader Ion Vrabie led a march on Sunday.\n"
        "Vrabie said the vote had been rigged.\n"
    ))
    assert by_speaker(claims, "Vrabie")["country"] == "MD"


@pytest.mark.parametrize(("sentence", "code"), [
    ("Ola Berg, head of the Russia programme at the Danish Council on Baltic Affairs, said the talks would fail.", "DK"),
    ('"The talks will fail," said Ola Berg, a senior fellow at the Oslo Centre for Arctic Studies.', "NO"),
])
def test_a_think_tank_gives_the_country_not_the_subject_studied(tmp_path, sentence, code):
    claims = exported(tmp_path, "Talks stall\n\n" + sentence + "\n")
    assert by_speaker(claims, "Berg")["country"] == code


def test_a_city_based_employer_in_a_country_the_article_names_gives_the_country(tmp_path):
    claims = exported(tmp_path, (
        "Strait talks stall\n\n"
        "Ola Berg, director of the Bergen-based think tank Nordvakt, said Norway's role was vital.\n"
    ))
    assert by_speaker(claims, "Berg")["country"] == "NO"


def test_a_city_based_employer_in_a_country_the_article_never_names_gives_nothing(tmp_path):
    claims = exported(tmp_path, (
        "Strait talks stall\n\n"
        "Ola Berg, director of the Bergen-based think tank Nordvakt, said the role was vital.\n"
    ))
    assert by_speaker(claims, "Berg")["country"] is None


def test_the_people_of_a_trial_take_the_courts_country(tmp_path):
    claims = exported(tmp_path, (
        "Court keeps pilot in custody\n\n"
        "A Minsk court on Monday kept Latvian pilot Janis Ozols in custody.\n"
        "Ozols told the court that he had been fishing, not spying.\n"
        "Judge Olga Kavalenka said the court saw no reason to free him.\n"
        "Prosecutors argued that he could flee if released.\n"
        "His lawyer Ihar Sokal said the defence would appeal.\n"
    ))
    assert by_speaker(claims, "Ozols")["country"] == "LV"
    assert by_speaker(claims, "Kavalenka")["country"] == "BY"
    assert by_speaker(claims, "Prosecutors")["country"] == "BY"
    assert by_speaker(claims, "Sokal")["country"] == "BY"


def test_a_court_of_no_one_place_gives_no_country(tmp_path):
    claims = exported(tmp_path, (
        "Shipping row goes to court\n\n"
        "A Minsk court and a Riga court both heard the case on Monday.\n"
        "Prosecutors argued that the cargo had been seized lawfully.\n"
    ))
    assert by_speaker(claims, "Prosecutors")["country"] is None


def test_a_counterpart_beside_the_speaker_gives_no_country(tmp_path):
    claims = exported(tmp_path, (
        "Ministers meet\n\n"
        "Moldovan Foreign Minister Ion Vrabie met his Danish counterpart on Monday.\n"
        "Vrabie, speaking at a news conference with his Danish counterpart, said the talks had gone well.\n"
    ))
    assert all(c["country"] == "MD" for c in claims if "Vrabie" in c["speaker"])


def test_speaking_for_a_country_gives_the_country(tmp_path):
    claims = exported(tmp_path, (
        "Council meets\n\n"
        "Speaking for Moldova, Ambassador Ion Vrabie said the shelling had to stop.\n"
        "On behalf of the European Union, Anna Lund told the council that aid would continue.\n"
    ))
    assert by_speaker(claims, "Vrabie")["country"] == "MD"
    assert by_speaker(claims, "Lund")["country"] == "EU"


def test_appositive_at_another_mention_gives_the_country(tmp_path):
    claims = exported(tmp_path, (
        "Rebels regroup\n\n"
        "The unit is led by Pavel Gorin, a Russian national, since June.\n"
        "Gorin said his men would hold the town.\n"
    ))
    assert by_speaker(claims, "Gorin")["country"] == "RU"


def test_a_word_ending_the_sentence_before_is_not_a_title(tmp_path):
    claims = exported(tmp_path, (
        "Talks stall\n\n"
        "The plan was drafted in Kyiv with help from the EU.\n"
        "Ion Vrabie said the vote had been rigged.\n"
    ))
    assert by_speaker(claims, "Vrabie")["country"] is None


def test_misspelt_demonym_in_the_speaker_phrase(tmp_path):
    claims = exported(tmp_path, "Border closed\n\nThe Lithuanain defence minister said the border would stay closed.\n")
    assert claims[0]["country"] == "LT"


@pytest.mark.parametrize(
    ("phrase", "code"),
    [("the Lithuanain defence minister", "LT"), ("Ukrainain officials", "UA"), ("the Estonain envoy", "EE")],
)
def test_misspelt_country(phrase, code):
    assert misspelt_country(phrase) == code


@pytest.mark.parametrize("phrase", ["the Iraq envoy", "Austrlia", "a Georgian", "Palestine", "Ministry"])
def test_misspelt_country_abstains(phrase):
    # Short words, exact forms and words one letter from two countries are left alone.
    assert misspelt_country(phrase) is None


def test_office_held_in_a_place(tmp_path):
    claims = exported(tmp_path, (
        "Shelling reported\n\n"
        "The governor of the Kursk region said two villages were shelled overnight.\n"
        "The mayor of Odesa said the port would reopen.\n"
    ))
    countries = {c["text"].split()[0]: c["country"] for c in claims}
    assert countries == {"two": "RU", "the": "UA"}


@pytest.mark.parametrize("title", ["Head of Odesa Regional Military Administration", "Kherson Regional Military Administration head",
                                   "Belgorod Oblast governor"])
def test_an_office_named_for_a_region_in_capitals_is_held_in_its_place(tmp_path, title):
    claims = exported(tmp_path, f"Strikes overnight\n\n{title} Ivan Sokolov said two villages were hit.\n")
    assert [(c["speaker"], c["country"]) for c in claims] == [("Ivan Sokolov", "RU" if "Belgorod" in title else "UA")]


@pytest.mark.parametrize(("place", "code"), [("Kharkiv", "UA"), ("Odessa", "UA"), ("Texas", "US"), ("Kursk", "RU")])
def test_place_country(place, code):
    assert place_country(place) == code


@pytest.mark.parametrize("initials", ["EA", "NAO", "LHR"])
def test_a_body_s_initials_are_no_place(initials):
    # Gazetteer codes among a city's other names ("head of EA in Europe" is no office in a city).
    assert place_country(initials) is None


def test_spokesman_for_a_listed_leader(tmp_path):
    claims = exported(tmp_path, (
        "Visit planned\n\n"
        "A spokesman for President Erdogan said the visit would go ahead.\n"
    ))
    assert claims[0]["country"] == "TR"


def test_office_holder_gets_country_and_the_role_held_that_year(tmp_path):
    claims = exported(tmp_path, "Summit ends\n\nAngela Merkel said the summit had been a success.\n",
                      "--published", "2015-06-01")
    claim = by_speaker(claims, "Merkel")
    assert (claim["country"], claim["speaker_role"]) == ("DE", "Chancellor")


def test_office_holder_without_the_article_s_year_gets_no_role(tmp_path):
    # Which office the person held when the article was written is unknown.
    claims = exported(tmp_path, "Summit ends\n\nAngela Merkel said the summit had been a success.\n")
    claim = by_speaker(claims, "Merkel")
    assert (claim["country"], claim["speaker_role"]) == ("DE", None)


def test_another_person_with_the_surname_lends_no_country(tmp_path):
    claims = exported(tmp_path, (
        "Two Howards\n\n"
        "Australian Prime Minister John Howard flew in on Monday.\n"
        "Michael Howard said the visit was welcome.\n"
    ))
    assert by_speaker(claims, "Michael Howard")["country"] is None


def test_the_article_wins_over_the_office_holder_list(tmp_path):
    claims = exported(tmp_path, "Summit ends\n\nFrench minister Angela Merkel said the summit had been a success.\n")
    assert by_speaker(claims, "Merkel")["country"] == "FR"


def test_bare_surname_needs_the_country_in_the_article(tmp_path):
    alone = exported(tmp_path, "Figures out\n\nLavrov said the figures were wrong.\n")
    assert by_speaker(alone, "Lavrov")["country"] is None


def test_bare_surname_in_an_article_naming_the_country_and_the_office(tmp_path):
    named = exported(tmp_path, (
        "Talks in Moscow\n\nThe talks were called by Foreign Minister Lavrov on Monday.\n"
        "Lavrov said Russia was ready to talk.\n"
    ))
    assert by_speaker(named, "Lavrov")["country"] == "RU"


def test_bare_common_surname_without_given_name_or_office_gets_nothing(tmp_path):
    # A Cook quoted in a British article is not taken for a former Foreign Secretary.
    claims = exported(tmp_path, "Festival plans\n\nCook said the British festival would go ahead.\n")
    assert by_speaker(claims, "Cook")["country"] is None


def test_office_of_variants_and_years():
    assert office_of("Zelensky").country == "UA"
    assert office_of("Petro Porošenko").country == "UA"
    assert office_of("Arsenyi Yatsenyuk").country == "UA"  # the given name spelt another way
    assert office_of("Stoltenberg", year=2010).country == "NO"
    assert office_of("Stoltenberg", year=2018).country == "NATO"
    assert office_of("Rasmussen") is None  # three listed Rasmussens
    assert office_of("Rasmussen", year=2005, context=["Anders Fogh Rasmussen"]).country == "DK"
    assert office_of("Lord Browne") is None  # a peer is not the minister who shares the surname
    assert office_of("Benita Johnson") is None  # another given name: another person
    # Out of office that year: the country stays, the role does not.
    out_of_office = office_of("Yatsenyuk", year=2013)
    assert (out_of_office.country, out_of_office.role) == ("UA", "")


def test_actors_import_reads_the_office_holder_format(tmp_path):
    table = tmp_path / "offices.tsv"
    table.write_text(
        "# Office holders, one row per office.\n"
        "name\taliases\trole\tcountry\tfrom\tto\n"
        "Ivo Planinc\tIvo Planinz\tForeign Minister\tSI\t2001\t2004\n"
        "Ivo Planinc\tI. Planinc\tPrime Minister\tSI\t2004\t2008\n"
        "Ana Kovac\t\tDefence Minister\tHR\t2010\t\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["actors", "import", str(table)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "registry.csv"
    assert runner.invoke(app, ["actors", "export", "-o", str(out)]).exit_code == 0
    rows = out.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 3  # the header and one row per person
    planinc = next(r for r in rows if r.startswith("Ivo Planinc"))
    assert "Prime Minister,SI" in planinc and "Ivo Planinz" in planinc and "I. Planinc" in planinc


def test_bundled_office_holder_table_imports_without_a_bad_row(tmp_path):
    from importlib.resources import files

    table = tmp_path / "office_holders.tsv"
    table.write_text((files("claimsdb.data") / "office_holders.tsv").read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["actors", "import", str(table), "--dry-run"])
    assert result.exit_code == 0, result.output


def test_namesake_with_a_role_outside_politics_is_not_the_office_holder(tmp_path):
    claims = exported(tmp_path, (
        "Label signs band\n\n"
        "Gordon Brown, chairman of the Bluefin record label, said the band would tour in May.\n"
    ))
    assert by_speaker(claims, "Brown")["country"] is None


def test_a_name_is_not_taken_for_a_misspelt_country():
    assert misspelt_country("Sir David Cameron") is None  # a given name, not Cameroon


def test_the_country_s_ministry_is_of_the_country_named_before(tmp_path):
    claims = exported(tmp_path, (
        "Messages under scrutiny\n\n"
        "Critics say Moldovan authorities sent the messages.\n"
        "The country's Interior Ministry denied sending the messages.\n"
    ))
    assert by_speaker(claims, "Ministry")["country"] == "MD"


def test_a_body_named_with_less_takes_the_country_of_its_fuller_mention(tmp_path):
    claims = exported(tmp_path, (
        "Blast in the city\n\n"
        "Monitors later met the Kharkiv regional police about the blast.\n"
        "The police said that two men had been detained.\n"
    ))
    assert by_speaker(claims, "police")["country"] == "UA"


def test_a_group_named_with_less_takes_the_body_of_its_fuller_mention(tmp_path):
    claims = exported(tmp_path, (
        "Sanctions stay\n\n"
        "The foreign ministers of the EU met in Brussels on Monday.\n"
        "The foreign ministers said that the sanctions would stay.\n"
    ))
    assert by_speaker(claims, "ministers")["country"] == "EU"


def test_a_local_speaker_takes_the_one_country_of_the_headline(tmp_path):
    claims = exported(tmp_path, (
        "Floods hit villages in Moldova\n\n"
        "Water rose in several villages of Moldova overnight.\n"
        "Maria Ciobanu, a retiree, said she had lost her house.\n"
    ))
    assert by_speaker(claims, "Ciobanu")["country"] == "MD"


def test_a_headline_naming_two_countries_gives_local_speakers_none(tmp_path):
    claims = exported(tmp_path, (
        "Floods hit villages in Moldova and Romania\n\n"
        "Water rose in several villages overnight.\n"
        "Maria Ciobanu, a retiree, said she had lost her house.\n"
    ))
    assert by_speaker(claims, "Ciobanu")["country"] is None


def test_an_opposition_leader_takes_the_country_of_the_dateline(tmp_path):
    claims = exported(tmp_path, (
        "Election disputed\n\n"
        "CHISINAU, May 3 (Reuters) - Thousands marched on Sunday.\n"
        "Opposition leader Ion Vrabie said the vote had been rigged.\n"
    ))
    assert by_speaker(claims, "Vrabie")["country"] == "MD"


def test_an_opposition_leader_takes_the_country_of_the_headline_s_speaker(tmp_path):
    claims = exported(tmp_path, (
        "We will raise defence spending, says Danish PM\n\n"
        "Danish Prime Minister Lars Holmgaard said the budget would grow by a tenth.\n"
        "Opposition Leader Mette Strandvig said the plan came too late.\n"
    ))
    assert by_speaker(claims, "Strandvig")["country"] == "DK"


def test_a_party_leader_takes_the_country_of_the_parliament_in_the_headline(tmp_path):
    claims = exported(tmp_path, (
        "Rada passes budget after stormy session\n\n"
        "The parliament approved the budget late on Thursday.\n"
        "Anna Kovalchuk, leader of the Freedom Party, said the cuts would hurt pensioners.\n"
    ))
    assert by_speaker(claims, "Kovalchuk")["country"] == "UA"


def test_an_unnamed_speaker_called_again_by_its_noun_keeps_the_country(tmp_path):
    claims = exported(tmp_path, (
        "Oslo will stay out of the dispute, says official\n\n"
        "OSLO, June 2 (Reuters) - Norway will not take sides, a senior Foreign Ministry official said.\n"
        "\"We have friends on both sides,\" the official said, declining to be named.\n"
    ))
    assert {c["country"] for c in claims if "official" in c["speaker"]} == {"NO"}


@pytest.mark.parametrize("headline, code", [("Estonia weighs new border fence", "EE"), ("Border fence planned", None)])
def test_a_university_named_after_a_town_counts_when_the_article_names_its_country(tmp_path, headline, code):
    claims = exported(tmp_path, (
        f"{headline}\n\n"
        "Marta Olender, a lecturer at the University of Tartu, said the fence would cost too much.\n"
    ))
    assert by_speaker(claims, "Olender")["country"] == code


def test_witnesses_in_a_place_opening_a_sentence(tmp_path):
    claims = exported(tmp_path, (
        "Blasts heard overnight\n\n"
        "Witnesses in Zhytomyr told reporters that they heard three blasts near the depot.\n"
    ))
    assert by_speaker(claims, "Zhytomyr")["country"] == "UA"


@pytest.mark.parametrize("phrase, code", [
    # where the person works or comes from
    ("Karl Obermeier, a lecturer at Korea University,", "KR"),
    ("Karl Obermeier, a historian at Moscow State University,", "RU"),
    ("Karl Obermeier, a pharmacy student from Kano,", "NG"),
    # a body of studies is named after what it studies, not whose it is (rule studies-body)
    ("Karl Obermeier, a fellow at the Institute of Finnish, Baltic and Nordic Studies at the Swedish "
     "Academy of Letters,", "SE"),
    # an office of a named international body, unless a former one
    ("NATO's deputy commander in Europe, German Army General Karl Obermeier,", "NATO"),
    ("a former NATO deputy commander, German Army General Karl Obermeier,", "DE"),
])
def test_the_speaker_s_description_gives_the_country(tmp_path, phrase, code):
    claims = exported(tmp_path, (
        "Troops to stay\n\n"
        f"{phrase} said the troops would stay until spring.\n"
    ))
    assert by_speaker(claims, "Obermeier")["country"] == code


def test_the_alliance_s_officer_is_of_the_body_named_before(tmp_path):
    claims = exported(tmp_path, (
        "Exercises planned\n\n"
        "NATO will hold exercises in the Baltic in May.\n"
        "The alliance's spokesperson said the drills were defensive.\n"
    ))
    assert by_speaker(claims, "spokesperson")["country"] == "NATO"


def test_a_headline_s_country_is_not_its_politicians(tmp_path):
    # The story is about Kenya; the MP is not Kenyan for that.
    claims = exported(tmp_path, (
        "MP robbed on holiday in Kenya\n\n"
        "Thieves struck near a beach in Kenya on Sunday.\n"
        "Opposition MP Tom Hale said he had been robbed.\n"
    ))
    assert by_speaker(claims, "Hale")["country"] is None


def test_a_title_before_a_comma_and_the_full_name_gives_the_country(tmp_path):
    claims = exported(tmp_path, (
        "Rebels regroup\n\n"
        "The unit is now led by a Donetsk native, Pavel Gorin, after a purge.\n"
        "Gorin said his men would hold the town.\n"
    ))
    assert by_speaker(claims, "Gorin")["country"] == "UA"


def test_a_plural_before_a_comma_describes_no_one(tmp_path):
    claims = exported(tmp_path, (
        "Rebels regroup\n\n"
        "Asked whether the plan was backed by EU leaders, Gorin said it was.\n"
    ))
    assert all(c["country"] != "EU" for c in claims if "Gorin" in c["speaker"])


def test_the_clause_that_gives_another_name_describes_the_person(tmp_path):
    claims = exported(tmp_path, (
        "Rebels regroup\n\n"
        "Ivanov, a Russian better known as Grom, has led the unit since June.\n"
        "Grom said the unit would fight on.\n"
    ))
    assert by_speaker(claims, "Grom")["country"] == "RU"


def test_a_state_body_in_the_appositive_gives_its_country(tmp_path):
    claims = exported(tmp_path, (
        "Plot alleged\n\n"
        "Oleg Smirnov, a former FSB officer, said the plan had failed.\n"
    ))
    assert by_speaker(claims, "Smirnov")["country"] == "RU"


def test_a_person_s_associates_take_that_person_s_country(tmp_path):
    claims = exported(tmp_path, (
        "Trial opens\n\n"
        "Pavel Gorin, a Russian national, was arrested in June.\n"
        "Gorin said he was innocent.\n"
        "Gorin's lawyers said the charges were false.\n"
    ))
    [lawyers] = [c for c in claims if "lawyer" in c["speaker"]]
    assert lawyers["country"] == "RU"


def test_associates_take_the_country_another_article_gave_their_principal(tmp_path):
    # The second article does not say where Gorin is from; the first did.
    claims = exported(tmp_path, [
        "Arrest in June\n\nPavel Gorin, a Russian national, said the charges were false.\n",
        "Trial opens\n\nPavel Gorin said he was innocent.\n"
        "Gorin's relatives and old friends say he was a quiet man.\n",
    ])
    [colleagues] = [c for c in claims if "relatives" in c["speaker"]]
    assert colleagues["country"] == "RU"


def test_a_named_spokesman_of_a_listed_office_holder_takes_the_office_s_country(tmp_path):
    claims = exported(tmp_path, (
        "Sanctions stay\n\n"
        "Chancellor Olaf Scholz's spokesman, Lena Hartwig, said the measures would stay in place.\n"
    ))
    assert by_speaker(claims, "Hartwig")["country"] == "DE"


def test_a_named_spokesman_of_a_listed_surname_takes_the_office_s_country(tmp_path):
    # The principal by surname alone, in an article that names the office's country.
    claims = exported(tmp_path, (
        "Talks in Oslo\n\n"
        "Scholz's spokeswoman Lena Hartwig said the German delegation would arrive on Monday.\n"
    ))
    assert by_speaker(claims, "Hartwig")["country"] == "DE"


def test_a_spokesman_of_a_listed_surname_stays_unplaced_when_the_country_goes_unnamed(tmp_path):
    claims = exported(tmp_path, (
        "Talks in Oslo\n\n"
        "Scholz's spokeswoman Lena Hartwig said the delegation would arrive on Monday.\n"
    ))
    assert by_speaker(claims, "Hartwig")["country"] is None


def test_a_governor_under_a_round_up_s_region_heading_takes_the_region_s_country(tmp_path):
    # A round-up names the region once, as the paragraph's heading; the governor is of it.
    claims = exported(tmp_path, (
        "Shelling overnight\n\n"
        "Tver Oblast: Governor Pavel Sorin said two houses were hit near the border.\n\n"
        "Tver Oblast: A farmer, Ivan Rudin, said the shelling went on all night.\n"
    ))
    assert by_speaker(claims, "Sorin")["country"] == "RU"
    assert by_speaker(claims, "Rudin")["country"] is None  # no office of the region


def test_a_mayor_titled_in_capitals_after_the_city_takes_the_city_s_country(tmp_path):
    claims = exported(tmp_path, "Bridge closed\n\nOmsk Mayor Ivan Rudin said the bridge would stay closed.\n")
    assert by_speaker(claims, "Rudin")["country"] == "RU"


@pytest.mark.parametrize("text", [
    "The SPD's defence spokesman, Lena Hartwig, said the party would abstain.",
    "The AfD's foreign policy spokeswoman, Lena Hartwig, said the party would abstain.",
])
def test_a_party_s_spokesperson_with_a_field_before_the_title_takes_the_party_s_country(tmp_path, text):
    # The possessive body, then a field in lower case, then the title.
    claims = exported(tmp_path, "Vote in Berlin\n\n" + text + "\n")
    assert by_speaker(claims, "Hartwig")["country"] == "DE"


def test_a_sentence_opening_for_a_listed_party_places_its_spokesperson(tmp_path):
    claims = exported(tmp_path, (
        "Debate on missiles\n\n"
        "For Die Linke, Lena Hartwig, its spokeswoman on fisheries, argued that the money was wasted.\n"
    ))
    assert by_speaker(claims, "Hartwig")["country"] == "DE"


def test_a_parliamentary_role_in_a_story_about_one_parliament_takes_its_country(tmp_path):
    # The headline names the Bundestag; a party's parliamentary leader is of its politics.
    claims = exported(tmp_path, (
        "Bundestag debates missiles\n\n"
        "The Greens' deputy parliamentary leader, Lena Hartwig, accused the chancellor of delay.\n"
    ))
    assert by_speaker(claims, "Hartwig")["country"] == "DE"


def test_associates_of_a_person_placed_nowhere_stay_unplaced(tmp_path):
    claims = exported(tmp_path, (
        "Trial opens\n\nPavel Gorin said he was innocent.\n"
        "Gorin's relatives and old friends say he was a quiet man.\n"
    ))
    [colleagues] = [c for c in claims if "relatives" in c["speaker"]]
    assert colleagues["country"] is None


def test_listed_given_names_are_looked_for_as_the_list_spells_them():
    # The folded key of "Sergey" is "sergei"; an article writes "Sergey".
    assert {"sergey", "sergei"} <= given_names("Lavrov")


def test_a_title_ending_the_clause_before_a_name_is_not_its_title(tmp_path):
    claims = exported(tmp_path, (
        "Second term\n\n"
        "The president will be more open in his second term as US President, Ian Hale has said.\n"
    ))
    assert by_speaker(claims, "Hale")["country"] != "US"


def test_the_nation_s_in_the_sentence_before_is_not_the_speaker_s(tmp_path):
    claims = exported(tmp_path, (
        "Squad named\n\n"
        "The manager spoke about the future of Moldova, and the nation's hopes.\n\n"
        "Ian Hale said the team would improve.\n"
    ))
    assert by_speaker(claims, "Hale")["country"] is None


def test_a_listed_commander_in_chief_gets_the_country(tmp_path):
    claims = exported(tmp_path, (
        "Offensive begins\n\n"
        "Attacks have doubled in a week, Commander-in-Chief Oleksandr Syrskyi said.\n"
    ))
    assert by_speaker(claims, "Syrskyi")["country"] == "UA"


def test_the_country_s_is_not_the_country_a_preposition_points_to(tmp_path):
    claims = exported(tmp_path, (
        "Talks stall\n\n"
        "Officials praised Moldova's wish for closer ties with Romania.\n"
        "The country's Interior Ministry said the talks would resume.\n"
    ))
    assert by_speaker(claims, "Ministry")["country"] == "MD"


def test_the_country_s_partners_are_not_of_the_country(tmp_path):
    claims = exported(tmp_path, (
        "Talks stall\n\n"
        "Moldova dropped the trade deal on Monday.\n"
        "The country's foreign partners said the move was a mistake.\n"
    ))
    [partners] = [c for c in claims if "partners" in c["speaker"]]
    assert partners["country"] != "MD"


def test_a_surname_the_article_gives_another_given_name_is_not_the_listed_person():
    # John Howard is listed; a Michael Howard named in full elsewhere is someone else.
    assert office_of("Howard").country == "AU"
    assert office_of("Howard", context=["Michael Howard"]) is None
    assert office_of("Michael Howard") is None


def test_an_initial_agrees_with_the_listed_given_name():
    assert office_of("N.Mladenov").country == "BG"
    assert office_of("S. Lavrov").country == "RU"
    assert office_of("P. Lavrov") is None


def test_michael_howard_in_an_article_gets_no_australian_country(tmp_path):
    claims = exported(tmp_path, (
        "Howard says tax rises are coming\n\n"
        "Conservative leader Michael Howard said on Monday that taxes would rise in Australia and Britain.\n"
        "Howard said the budget was wrong.\n"
    ))
    assert all(c["country"] != "AU" for c in claims if "Howard" in c["speaker"])


def test_ordinary_people_a_reporter_meets_take_the_country_of_the_story(tmp_path):
    claims = exported(tmp_path, (
        "Floods hit villages in Moldova\n\n"
        "Water rose in several villages of Moldova overnight.\n"
        "\"We lost everything,\" said one woman.\n"
        "A dairy farmer said the lines were down.\n"
        "\"The water came at night,\" said 52-year-old baker Ion Rusu.\n"
        "An aid worker said help was on its way.\n"
    ))
    assert by_speaker(claims, "woman")["country"] == "MD"
    assert by_speaker(claims, "farmer")["country"] == "MD"
    assert by_speaker(claims, "Rusu")["country"] == "MD"
    # Aid workers come from elsewhere.
    assert by_speaker(claims, "aid worker")["country"] is None


def test_a_person_named_by_a_given_name_only_is_local(tmp_path):
    claims = exported(tmp_path, (
        "Fighters desert\n\n"
        "CHISINAU, May 3 (Reuters) - Dozens of fighters left their posts on Sunday.\n"
        "Piet, who would not give his surname, said he had served for a month.\n"
    ))
    assert by_speaker(claims, "Piet")["country"] == "MD"


def test_a_given_name_with_a_surname_elsewhere_is_not_taken_for_local(tmp_path):
    claims = exported(tmp_path, (
        "Fighters desert\n\n"
        "CHISINAU, May 3 (Reuters) - Dozens of fighters left their posts. Oleg Tarnov led them.\n"
        "Oleg said he had served for a month.\n"
    ))
    assert all(c["country"] is None for c in claims if "Oleg" in c["speaker"])


def test_a_headline_about_one_country_s_politics_gives_its_politicians_the_country(tmp_path):
    claims = exported(tmp_path, (
        "Moldovan opposition protests over vote\n\n"
        "Thousands marched in Chisinau on Sunday against the results in Moldova.\n"
        "Among them was the head of the opposition party Renewal Ion Vrabie, who said the count was rigged.\n"
    ))
    assert by_speaker(claims, "Vrabie")["country"] == "MD"


def test_a_post_near_a_place_gives_the_place_s_country(tmp_path):
    claims = exported(tmp_path, (
        "Fighting resumes\n\n"
        "The deputy commander at the ferry landing near Berdychiv (40km south of Zhytomyr) "
        "said the road was closed.\n"
        "The officer at the camp outside Kharkiv said shelling had stopped.\n"
    ))
    assert by_speaker(claims, "commander")["country"] == "UA"
    assert by_speaker(claims, "officer")["country"] == "UA"


def test_a_relative_named_by_either_surname_in_a_headline_takes_the_person_s_country(tmp_path):
    claims = exported(tmp_path, (
        "Visiting Moscow, Pablo Ortega's Son Praises Russian Science\n\n"
        "Pablo Ortega Lamas, deputy head of the Cuban academy of sciences, spoke in Moscow on Monday.\n"
        "Ortega Lamas said Cuba would always stand by its friends.\n"
    ))
    [son] = [c for c in claims if "Son" in c["speaker"]]
    assert son["country"] == "CU"


def test_a_national_plan_in_a_story_about_one_country_s_defence_is_that_country_s(tmp_path):
    claims = exported(tmp_path, (
        "Is Latvia's national defence ready?\n\n"
        "Latvia has increased its army since 2014, and Latvia plans to buy more.\n"
        "According to the new national defence plan, the army will grow in the decade ahead.\n"
    ))
    assert by_speaker(claims, "plan")["country"] == "LV"


def test_a_headline_naming_a_country_without_its_politics_gives_national_bodies_none(tmp_path):
    claims = exported(tmp_path, (
        "Storm hits Latvia\n\n"
        "Latvia was hit by a storm, and roads in Latvia were closed.\n"
        "According to the national weather plan, the storm will pass.\n"
    ))
    assert by_speaker(claims, "plan")["country"] is None


def test_a_surname_several_listed_persons_share_is_the_one_in_office_that_year():
    assert office_of("Koizumi", year=2004).name == "Junichiro Koizumi"
    assert office_of("Koizumi", year=2025).name == "Shinjiro Koizumi"
    assert office_of("Koizumi") is None  # no year, no full name: either of them


@pytest.mark.parametrize(("name", "year", "country"), [
    ("Nikola Gruevski", 2010, "MK"), ("Joseph Muscat", 2015, "MT"), ("Nicos Anastasiades", 2015, "CY"),
    ("Retno Marsudi", 2020, "ID"), ("Marcelo Ebrard", 2020, "MX"), ("Wang Yi", 2015, "CN"),
])
def test_the_table_covers_ministers_and_leaders_of_more_members(name, year, country):
    assert office_of(name, year=year).country == country


def test_another_member_of_a_group_takes_the_country_of_the_one_before(tmp_path):
    claims = exported(tmp_path, (
        "Blockade goes on\n\n"
        "KYIV, May 3 (Reuters) - Activists blocked the road on Sunday.\n"
        "Ivan Melnyk, a Ukrainian Free Road activist, said the drivers did not object.\n"
        "At the bridge, another Free Road activist said fewer than a quarter of drivers complained.\n"
    ))
    assert by_speaker(claims, "another")["country"] == "UA"


def test_a_local_speaker_quoted_through_who_is_local(tmp_path):
    claims = exported(tmp_path, (
        "Blockade goes on\n\n"
        "KYIV, May 3 (Reuters) - Activists blocked the road on Sunday.\n"
        "It was a protester, who said the drivers did not object, that we met first.\n"
    ))
    assert by_speaker(claims, "protester")["country"] == "UA"


def test_a_man_from_another_country_at_a_race_abroad_is_not_local(tmp_path):
    claims = exported(tmp_path, (
        "Petrie aiming for Madrid title\n\n"
        "Northern Ireland man James Petrie has won his heat in Madrid.\n"
        "\"I'm qualified now,\" said Petrie.\n"
        "Madrid hosts the final on Sunday, the first in Spain for years.\n"
    ))
    assert all(c["country"] in ("GB", None) for c in claims if "Petrie" in c["speaker"])


def test_men_named_inside_another_speaker_phrase_are_not_local(tmp_path):
    claims = exported(tmp_path, (
        "Floods hit villages in Moldova\n\n"
        "Water rose in several villages of Moldova overnight.\n"
        "A lawsuit against two men says the dam was neglected.\n"
        "\"We lost everything,\" said an elderly woman.\n"
    ))
    assert by_speaker(claims, "woman")["country"] == "MD"
    assert all(c["country"] is None for c in claims if "lawsuit" in c["speaker"])


def test_a_document_nobody_issues_is_of_the_body_the_sentence_before_opens_with(tmp_path):
    claims = exported(tmp_path, (
        "Sanctions widen\n\n"
        "The new measures go further than before.\n"
        "EU leaders will meet on Thursday to discuss relations with Russia.\n"
        "Draft conclusions say the bloc is ready to take further steps.\n"
    ))
    assert by_speaker(claims, "conclusions")["country"] == "EU"


def test_a_document_after_a_sentence_naming_a_country_further_on_gets_none(tmp_path):
    claims = exported(tmp_path, (
        "Sanctions widen\n\n"
        "The new measures go further than before.\n"
        "Leaders will meet on Thursday to discuss relations with Russia.\n"
        "Draft conclusions say the bloc is ready to take further steps.\n"
    ))
    assert by_speaker(claims, "conclusions")["country"] is None


def test_a_spokesman_for_a_body_named_after_a_city_takes_the_city_s_country(tmp_path):
    claims = exported(tmp_path, (
        "Rail link cut\n\n"
        "Fighting in eastern Ukraine cut the line on Sunday.\n"
        "A spokesman for the Kharkiv railway said all trains had stopped.\n"
    ))
    assert by_speaker(claims, "spokesman")["country"] == "UA"


def test_a_body_named_after_a_city_of_a_country_the_article_never_names_gets_none(tmp_path):
    claims = exported(tmp_path, (
        "Rail link cut\n\n"
        "Storms cut the line on Sunday.\n"
        "A spokesman for the Kharkiv railway said all trains had stopped.\n"
    ))
    assert by_speaker(claims, "spokesman")["country"] is None


def test_a_titled_given_name_is_not_someone_met_in_the_street(tmp_path):
    claims = exported(tmp_path, (
        "Visit ends\n\n"
        "MANILA, May 3 (Reuters) - Crowds lined the streets on Sunday.\n"
        "Pope Francis blessed the crowd. Francis said peace was possible.\n"
    ))
    assert all(c["country"] != "PH" for c in claims if "Francis" in c["speaker"])


def test_a_given_name_opening_a_sentence_is_still_a_given_name_only(tmp_path):
    claims = exported(tmp_path, (
        "Fighters desert\n\n"
        "CHISINAU, May 3 (Reuters) - Dozens of fighters went home to Bender. Oleg said he had served for a month.\n"
    ))
    assert by_speaker(claims, "Oleg")["country"] == "MD"


def test_a_person_s_own_surname_is_no_demonym(tmp_path):
    claims = exported(tmp_path, (
        "Gadgets\n\n"
        "Demand will outstrip supply, predicts Tom Irish, editor of a gadget magazine.\n"
        '"Stocks are low," said Mr Irish.\n'
    ))
    assert {c["speaker"] for c in claims} == {"Tom Irish"}
    assert {c["country"] for c in claims} == {None}


def test_a_surname_like_a_misspelt_country_gives_no_country_before_a_comma(tmp_path):
    # "Ola Canadaa, the union's chairman": the name, comma and all, is no slip for Canada.
    claims = exported(tmp_path, "Strike called\n\nOla Canadaa, the union's chairman, said the strike would go ahead.\n")
    assert by_speaker(claims, "Canadaa")["country"] is None


def test_an_office_without_its_country_is_of_the_headline_speakers_country(tmp_path):
    text = ("Lindqvist vows to keep the border open, Norway's Foreign Minister says\n\n"
            "Foreign Minister Anna Lindqvist said the border with its neighbour would stay open.\n"
            "Energy Minister Tomas Vikander said gas deliveries would not be cut.\n"
            "A senior government official said the talks would resume in May.\n"
            "Professor Ivo Maresch said the dispute would last for years.\n")
    countries = {r["speaker"]: r["country"] for r in exported(tmp_path, text)}
    assert countries["Tomas Vikander"] == "NO"
    assert countries["A senior government official (a1)"] == "NO"
    assert countries["Ivo Maresch"] is None  # no office of a government


def test_a_list_after_a_name_is_no_description_of_it():
    # "Mayor X, and European leaders held in Oslo": the next item of a list, not X's appositive.
    text = ("Talks opened\n\nDuring talks between Harbour Chief Tomas Brenn, Mayor Ilse Vand, and European "
            "leaders held in Oslo on Monday, the two sides met.\n\nMayor Ilse Vand said the port would reopen.\n")
    start = text.rindex("Mayor Ilse Vand")
    claim = ClaimCandidate(kind="indirect", text_start=text.rindex("the port"), text_end=len(text) - 2,
                           speaker_start=start, speaker_end=start + len("Mayor Ilse Vand"),
                           speaker=Speaker("Ilse Vand", role="Mayor"))
    attribute_countries(text, [claim])
    assert claim.speaker.country is None


def test_of_several_offices_the_one_whose_title_the_article_writes_is_meant():
    # Without a year the office taken up last would be given; the title written settles it.
    assert office_of("Kaja Kallas", titles=["Prime Minister"]).country == "EE"
    assert office_of("Kaja Kallas").country == "EU"
    assert office_of("Mark Rutte", year=2024, titles=["Prime Minister Mark Rutte"]).country == "NL"
    assert office_of("Mark Rutte", year=2024, titles=["NATO Secretary General Mark Rutte"]).country == "NATO"
    # A deputy's title is another office.
    assert office_of("Kaja Kallas", titles=["Deputy Prime Minister"]).country == "EU"


def test_an_undated_article_titling_a_premier_gives_the_premier_s_country(tmp_path):
    claims = exported(tmp_path, (
        "Tallinn weighs asset law\n\n"
        "Prime Minister Kaja Kallas said on Tuesday that the bill would be ready before summer.\n"
    ))
    assert by_speaker(claims, "Kallas")["country"] == "EE"


def test_a_listed_foreign_ministry_spokesperson_gets_the_country(tmp_path):
    claims = exported(tmp_path, (
        "Regular briefing\n\n"
        "Foreign Ministry Spokesperson Wang Wenbin said the two sides would keep in close touch.\n"
    ))
    assert by_speaker(claims, "Wang Wenbin")["country"] == "CN"


def test_the_external_affairs_ministry_is_india_s(tmp_path):
    claims = exported(tmp_path, (
        "Visit defended\n\n"
        "An official of the Ministry of External Affairs said the visit had been planned for months.\n"
    ))
    assert claims and claims[0]["country"] == "IN"


@pytest.mark.parametrize(("text", "speaker", "code"), [
    # A body named with its country's adjective, then its spokesman
    ("Mines\n\nThe Ukrainian Navy said a warship had laid mines. The Navy's spokesman Dmytro Vikenko said "
     "it was an attempt to scare shipowners.\n", "Dmytro Vikenko", "UA"),
    # Initials in brackets after the body spelt out (rule initials-of-body)
    ("Spies\n\nThe Estonian Internal Security Service (KAPO) said it had detained two men. KAPO director "
     "Margo Palvik said the men had filmed the port.\n", "Margo Palvik", "EE"),
    # The last words of an international body's listed name
    ("Sanctions\n\nThe European Commission proposed new sanctions on Monday. Commission spokesperson "
     "Anna Hipp said the list would grow.\n", "Anna Hipp", "EU"),
])
def test_a_person_of_a_body_the_article_gave_a_country(tmp_path, text, speaker, code):
    claims = exported(tmp_path, text)
    assert {c["speaker"]: c["country"] for c in claims}[speaker] == code


def test_a_country_s_seat_is_no_body_a_role_names(tmp_path):
    # "House editor" works at no White House.
    claims = exported(tmp_path, "Polls\n\nThe White House said nothing. \"It is close,\" said Tom Vikes, "
                                "House editor for the Vik Report.\n")
    assert {c["speaker"]: c["country"] for c in claims}["Tom Vikes"] is None


def test_speaking_for_a_country_after_the_name_gives_the_country_to_all_the_persons_claims(tmp_path):
    claims = exported(tmp_path, (
        "Council meets\n\n"
        "Ion Vrabie, speaking for Moldova, said the shelling had to stop. "
        "He said that the ceasefire line was being crossed every night.\n"
    ))
    vrabie = [c for c in claims if "Vrabie" in c["speaker"]]
    assert len(vrabie) == 2 and all(c["country"] == "MD" for c in vrabie)


@pytest.mark.parametrize("sentence, code", [
    ("Briefing the council, Lena Holm, Assistant Secretary-General for Political Affairs, said the talks "
     "had stalled. The United Nations has kept its mission open.", "UN"),
    ("Commissioner for Trade Piet Maas said the tariffs would be lifted in July. The European Union will vote on it.", "EU"),
    ("Fisheries Commissioner Piet Maas said the quotas would be cut in July. EU ministers will vote on it.", "EU"),
    ("A Commission spokesperson said the quotas would be cut in July. EU ministers will vote on it.", "EU"),
])
def test_a_title_only_an_international_body_gives_is_that_bodys(tmp_path, sentence, code):
    claims = exported(tmp_path, "Talks\n\n" + sentence + "\n")
    assert claims[0]["country"] == code


def test_a_portfolio_commissioner_in_an_article_that_names_no_eu_is_no_eu_official(tmp_path):
    claims = exported(tmp_path, (
        "Talks\n\nFisheries Commissioner Piet Maas said the quotas would be cut in July. "
        "The state assembly will vote on it.\n"
    ))
    assert claims[0]["country"] in (None, "")


def test_a_commission_spokesperson_where_the_article_names_no_eu_is_no_eu_official(tmp_path):
    claims = exported(tmp_path, (
        "Talks\n\nA Commission spokesperson said the fares would rise in July. "
        "The state transport commission sets them every year.\n"
    ))
    assert claims[0]["country"] in (None, "")


def test_a_body_title_where_the_article_names_two_such_bodies_gives_none(tmp_path):
    claims = exported(tmp_path, (
        "Talks\n\nLena Holm, Assistant Secretary-General for Operations, said the drill went well. "
        "NATO and the United Nations both sent observers.\n"
    ))
    assert claims[0]["country"] in (None, "")


def test_a_spokesperson_of_a_body_named_in_full_before_takes_its_country(tmp_path):
    claims = exported(tmp_path, (
        "Tariff plan\n\nThe European Commission proposed new tariffs on Monday.\n\n"
        "Industry groups were divided over the plan.\n\n"
        "A Commission spokesperson said the tariffs were lawful.\n"
    ))
    assert by_speaker(claims, "spokesperson")["country"] == "EU"


def test_a_firm_named_after_a_region_gives_no_country_to_its_spokesman(tmp_path):
    claims = exported(tmp_path, (
        "Dairy probe\n\nPolice questioned managers at Inner Mongolia Vikdairy Group.\n\n"
        "A Vikdairy spokesman said the board would meet.\n"
    ))
    assert by_speaker(claims, "spokesman")["country"] in (None, "")


@pytest.mark.parametrize(("headline", "code"), [
    ("How Norway's budget is coping with the oil slump", "NO"),
    ("Norway budget gap widens", "NO"),
    ("Budget gap widens", None),  # the article is about no one country
])
def test_a_titled_office_with_no_country_is_the_article_s_country(tmp_path, headline, code):
    _check_titled_office(tmp_path, headline, code, "Finance Minister")


@pytest.mark.parametrize("title", ["Former Defence Forces commander", "Chief of the General Staff", "Prosecutor General"])
def test_a_titled_office_of_the_forces_or_the_courts_is_the_article_s_country(tmp_path, title):
    _check_titled_office(tmp_path, "Norway budget gap widens", "NO", title)


def _check_titled_office(tmp_path, headline, code, title):
    # (rule own-country-office: "Finance Minister X" in an article about one country)
    text = (f"{headline}\n\nNorway's deficit grew again in March, the statistics office said. "
            f"{title} Tor Vikeby insisted that the situation was under control.\n"
            "Oslo has reserves, and Norway's fund is large.\n")
    claims = exported(tmp_path, text)
    assert {c["speaker"]: c["country"] for c in claims}["Tor Vikeby"] == code


_STATE_BODIES = [("Foreign Office", "The Foreign Office"), ("Lena Berg", "Presidency spokesperson Lena Berg"),
                 ("Navy", "The Navy")]


def _country_of(claims: list[dict], speaker: str) -> str | None:
    return next(c["country"] for c in claims if c["speaker"].startswith(speaker))


@pytest.mark.parametrize("speaker, phrase", _STATE_BODIES)
def test_a_state_body_named_without_its_country_is_the_dateline_s_country(tmp_path, speaker, phrase):
    # (rule own-country-body)
    text = f"Talks go on\n\nOSLO: {phrase} said on Friday that the talks with the fishing fleet would go on.\n"
    assert _country_of(exported(tmp_path, text), speaker) == "NO"


@pytest.mark.parametrize("speaker, phrase", _STATE_BODIES)
def test_a_state_body_named_without_its_country_in_an_article_about_no_country_has_none(tmp_path, speaker, phrase):
    text = f"Talks go on\n\n{phrase} said on Friday that the talks with the fishing fleet would go on.\n"
    assert _country_of(exported(tmp_path, text), speaker) in (None, "")


@pytest.mark.parametrize("ministry", ["Latvia's Defense Ministry", "the Latvian Defence Ministry",
                                      "the Ministry of Defence of Latvia"])
def test_a_minister_titled_with_no_country_is_of_the_ministry_named_just_before(tmp_path, ministry):
    # (rule ministry-named-before: closer than the story's own country, Norway here)
    text = ("Norway budget gap widens\n\nOSLO, March 3 - Norway's deficit grew again, the statistics office said.\n\n"
            f"{ministry} said in a statement that its radar had tracked a drone.\n\n"
            "Defence Minister Karlis Ozols later told a television channel that Riga would ask for help.\n")
    claims = exported(tmp_path, text)
    assert {c["speaker"]: c["country"] for c in claims}["Karlis Ozols"] == "LV"


def test_a_ministry_of_another_portfolio_gives_the_minister_no_country(tmp_path):
    text = ("Norway budget gap widens\n\nOSLO, March 3 - Norway's deficit grew again, the statistics office said.\n\n"
            "Latvia's Foreign Ministry said on Monday that its envoy had been summoned.\n\n"
            "Finance Minister Tor Vikeby later told a television channel that the reserves were ample.\n")
    claims = exported(tmp_path, text)
    assert {c["speaker"]: c["country"] for c in claims}["Tor Vikeby"] == "NO"


@pytest.mark.parametrize(("before", "code"), [
    ("The right-wing Swiss Farmers' Party took the opposite view.", "CH"),
    ("The opposition Latvian Green Union took the opposite view.", "LV"),
    ("The farmers took the opposite view.", None),  # no body named: no country
])
def test_its_role_is_of_the_body_the_sentence_before_names(tmp_path, before, code):
    # (rule its-body-country)
    text = (f"Neutrality debate goes on\n\nThe government rejected the request on Monday. {before} "
            "Its president Marcel Kunz warned that the sanctions had damaged neutrality.\n")
    claims = exported(tmp_path, text)
    assert {c["speaker"]: c["country"] for c in claims}["Marcel Kunz"] in ((code,) if code else (None, ""))


@pytest.mark.parametrize(("title", "code"), [
    ("the EU's sanctions envoy", "EU"),
    ("EU sanctions envoy", "EU"),
    ("the Latvian climate envoy", "LV"),
])
def test_a_title_with_its_subject_before_the_name_places_the_person(tmp_path, title, code):
    text = (f"Talks go on\n\nThe minister met {title} David Sullivan on Monday.\n\n"
            "Sullivan, for his part, said that he saw real progress in the export controls.\n")
    claims = exported(tmp_path, text)
    assert {c["speaker"]: c["country"] for c in claims}["David Sullivan"] == code


def test_a_verb_before_a_title_is_no_part_of_it(tmp_path):
    text = ("Talks go on\n\nIn Moscow on Wednesday defended Minister David Sullivan before the board.\n\n"
            "Sullivan, for his part, said that he saw real progress in the export controls.\n")
    claims = exported(tmp_path, text)
    assert {c["speaker"]: c["country"] for c in claims}["David Sullivan"] in (None, "")


def test_irish_titles_are_titles_and_a_listed_holder_takes_the_register_s_country(tmp_path):
    text = ("Neutrality debate\n\nTánaiste Ann Vale said last week that neutrality was no shield. "
            "Simon Harris, the Tánaiste, said on Monday that the triple lock would go.\n")
    claims = {c["speaker"]: c for c in exported(tmp_path, text)}
    assert claims["Ann Vale"]["speaker_role"] == "Tánaiste"
    assert claims["Simon Harris"]["country"] == "IE"  # the register lists his offices (IE)


def test_a_listed_office_holder_called_by_a_role_noun_keeps_the_register_s_country(tmp_path):
    # "The head of state said" after "President X": the register's office, by the title the
    # article gives X, though "head" is no word of politics.
    text = ("Drones found near the border\n\nPresident Maia Sandu convened the security council for the following week. "
            "The head of state said Moldova needed a clear legal framework for shooting down drones.\n")
    assert {c["speaker"]: c["country"] for c in exported(tmp_path, text)}["Maia Sandu"] == "MD"


def test_a_shadow_minister_is_of_the_country_whose_minister_the_headline_quotes(tmp_path):
    # "shadow" is a word of domestic politics (data/domestic_roles.txt)
    text = ("Berg warns of port closures, says defence secretary\n\n"
            "UK Defence Secretary Anna Berg told MPs the ports of Vikby would stay open.\n\n"
            "Responding for the opposition, the shadow defence secretary, Lars Holm, said the plan was too late.\n")
    countries = {c["speaker"]: c["country"] for c in exported(tmp_path, text)}
    assert countries["Anna Berg"] == "GB" and countries["Lars Holm"] == "GB"


@pytest.mark.parametrize("title", ["Foreign Affairs Secretary", "petroleum minister", "Senator"])
def test_a_secretary_a_lower_case_minister_or_a_senator_is_of_the_dateline_s_country(tmp_path, title):
    text = f"Ports stay open\n\nOSLO, March 3 (NTB) - The ports will stay open, {title} Anna Vik said.\n"
    assert exported(tmp_path, text)[0]["country"] == "NO"


def test_a_secretary_without_dateline_is_of_the_government_whose_head_speaks(tmp_path):
    # (rule government-colleague) the headline names Ukraine, the story's subject; the
    # president quoted is Kenya's, and so is his cabinet secretary
    text = ("Ruto: Africa cannot afford another year of war in Ukraine\n\n"
            "President William Ruto said Kenya was paying a heavy price for the war in Ukraine.\n\n"
            "Foreign Affairs Cabinet Secretary Anna Mwangi said Kenya had received assurances from Kyiv. "
            "Ukraine, Ukraine and Ukraine again.\n")
    countries = {c["speaker"]: c["country"] for c in exported(tmp_path, text)}
    assert countries["Anna Mwangi"] in (countries["William Ruto"], None, "")
    assert countries["Anna Mwangi"] != "UA"


def test_a_former_office_s_country_gives_way_to_the_person_s_present_body(tmp_path):
    # (rule former-role-country)
    text = ("Funds for Kyiv\n\nThe EU's foreign policy chief, Kaja Kallas, backed the Commission. "
            "The former Estonian prime minister said Europe had no better option.\n")
    assert {c["speaker"]: c["country"] for c in exported(tmp_path, text)}["Kaja Kallas"] == "EU"


def test_a_ministers_portfolio_is_no_body_of_the_same_name(tmp_path):
    # "Foreign Affairs" is also a magazine's name; "the Minister of Foreign Affairs, X" works for
    # no magazine
    text = ("Talks go on\n\nThe Minister of Foreign Affairs, Anna Vik, told reporters after the session "
            "that Vikland would not take sides.\n")
    assert exported(tmp_path, text)[0]["country"] in (None, "")


_HOME_ARTICLE = (
    "Talks on the strait\n\n"
    "Norwegian Foreign Minister Kari Lunde said the talks had been useful.\n"
    "Norway's defence minister, Odd Brekke, said the navy was ready.\n"
    "{third}"
    "Ukrainian envoy Petro Shevchuk said Kyiv welcomed the offer.\n"
    "Communications Director Siri Haugen said the next round would follow in May.\n"
    "Opposition leader Tor Bakke said the government had moved too slowly.\n"
)


def test_most_speakers_of_one_country_place_its_officials_named_without_one(tmp_path):
    # no dateline, a headline naming no country: three of the four speakers the text places are
    # Norwegian, so are its communications director and opposition leader (rule speakers-home)
    claims = exported(tmp_path, _HOME_ARTICLE.format(third="Norwegian Prime Minister Eva Dahl said Oslo would host it.\n"))
    assert by_speaker(claims, "Haugen")["country"] == "NO"
    assert by_speaker(claims, "Bakke")["country"] == "NO"
    assert by_speaker(claims, "Shevchuk")["country"] == "UA"


def test_two_of_one_country_do_not_make_it_the_articles_home(tmp_path):
    claims = exported(tmp_path, _HOME_ARTICLE.format(third=""))
    assert by_speaker(claims, "Haugen")["country"] is None
    assert by_speaker(claims, "Bakke")["country"] is None


@pytest.mark.parametrize(("text", "speaker", "code"), [
    # (rule office-associate) "the president's press secretary": the article's president's country
    ("Talks\n\nNorwegian President Kari Vik met reporters on Monday. The talks had been useful, Vik said.\n"
     "The president's press secretary, Siri Haugen, said the next round would follow in May.\n", "Haugen", "NO"),
    # "government" is a word of a country's own politics (data/domestic_roles.txt): under a
    # dateline, of its place
    ("Budget row\n\nOSLO, May 9 (NTB) - A government spokesperson, Siri Haugen, said on Friday the budget "
     "would pass.\n", "Haugen", "NO"),
])
def test_an_office_s_associate_or_the_government_named_without_a_country(tmp_path, text, speaker, code):
    assert by_speaker(exported(tmp_path, text), speaker)["country"] == code


# (rule dateline-home) Under a dateline, the country's own bodies and officials named without a
# country: a body whose name holds a word of one or is its initials, an official titled by such
# an office, an unnamed official of one.
_FILED_FROM = "Border row\n\nLISBON, May 9 (Lusa) - {sentence}\n"


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("The Directorate of Maritime Safety said on Friday that two trawlers had been seized.", "Directorate"),
    ("The spy agency said the drones had been launched from a ship.", "agency"),
    ("The DMS said the trawlers would be released on Monday.", "DMS"),
    ("Secretary Rui Lobo told reporters the crews were safe.", "Lobo"),
    ("Port Authority chairman Rui Lobo said traffic would resume soon.", "Lobo"),
    ("An unnamed aide in the president's office said the talks would go on.", "aide"),
    ("The Left Alliance said the vote had been rushed.", "Alliance"),
])
def test_the_country_s_own_bodies_and_officials_take_the_dateline_s_country(tmp_path, sentence, speaker):
    claims = exported(tmp_path, _FILED_FROM.format(sentence=sentence))
    assert by_speaker(claims, speaker)["country"] == "PT"


@pytest.mark.parametrize(("sentence", "speaker"), [
    # facing abroad or of no one state
    ("The embassy said the crews would be flown home.", "embassy"),
    ("Special envoy Rui Lobo said the talks were useful.", "Lobo"),
    ("The Global Grain Alliance said grain prices had doubled.", "Global"),
    ("The head of the Dniester Republic, Rui Lobo, said the talks were useful.", "Lobo"),
    # a person with no title, an unnamed source of no named body
    ("Rui Lobo said the talks were useful.", "Lobo"),
    ("Sources familiar with the talks said a deal was close.", "Sources"),
])
def test_a_speaker_facing_abroad_or_unplaced_by_its_words_keeps_no_country(tmp_path, sentence, speaker):
    claims = exported(tmp_path, _FILED_FROM.format(sentence=sentence))
    assert by_speaker(claims, speaker)["country"] is None


def test_what_the_article_says_of_a_speaker_beats_the_dateline(tmp_path):
    # "a Russian national" places the separatist premier; the dateline's Ukraine does not
    text = ("Rebel posts\n\nDONETSK, Ukraine (Reuters) - The premier of the Donetsk separatists, Ivan Sorokin, a "
            "Russian national, said the talks had failed.\n")
    assert by_speaker(exported(tmp_path, text), "Sorokin")["country"] == "RU"


def test_a_place_alone_on_a_line_of_the_head_is_the_dateline(tmp_path):
    text = ("Border row\n\nBy Ana Lima\n\nLISBON\n\nThe Directorate of Maritime Safety said on Friday that two "
            "trawlers had been seized.\n")
    assert by_speaker(exported(tmp_path, text), "Directorate")["country"] == "PT"


def test_without_a_dateline_a_party_title_takes_the_home_of_most_speakers_but_a_private_title_does_not(tmp_path):
    # (rule speakers-home) "Tory leader" is a title of the country's politics; "chief economist
    # at a bank" is one that foreign and private bodies give too
    text = ("Budget row\n\nNorwegian Prime Minister Eva Dahl said the budget would pass. Norwegian Finance "
            "Minister Ola Berg said taxes would not rise. Norwegian Defence Minister Kari Vik said spending "
            "would grow.\n\nCentre leader Lars Moe said the plan was unfair. Per Holm, chief economist at "
            "Fjord Bank, said rates would stay high.\n")
    claims = exported(tmp_path, text)
    assert by_speaker(claims, "Moe")["country"] == "NO"
    assert by_speaker(claims, "Holm")["country"] is None


def test_where_a_speaker_was_speaking_is_not_whose_they_are(tmp_path):
    # (rule speaking-in-place) "President X, speaking in Oslo" is not Norway's
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    text = ("Talks\n\nRuritanian President Ivo Marek, speaking in Oslo, said the border would stay open.\n")
    assert by_speaker(exported(tmp_path / "one", text), "Marek")["country"] != "NO"
    # a list of who is included still places the group
    text = ("Talks\n\nCritics, including the Norwegian Fishermen's Association, said the quota was unfair.\n")
    assert by_speaker(exported(tmp_path / "two", text), "Critics")["country"] == "NO"


def test_a_label_before_a_colon_read_as_a_dateline_does_not_hide_the_byline_s_outlet(tmp_path):
    # "NEWSPAPER SECTION:" is no known place: the byline's outlet still places the speakers
    text = ("Ferries to resume\n\nKari Holm · CBC News\n\nNEWSPAPER SECTION: News\n\nThe Department of Maritime "
            "Safety said on Monday that the ferries would sail again in May.\n")
    assert by_speaker(exported(tmp_path, text), "Department")["country"] == "CA"
