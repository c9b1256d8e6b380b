"""Speakers that are organisations or coordinated names, not a person whose role is the rest of
the name, and roles that are titles or office nouns, not clause words (extract/speakers.py,
resolve/coref.py)."""

import pytest

from claimsdb.extract.speakers import describe
from constructions import analysed, found


def read(phrase: str):
    m = describe(phrase, 0, len(phrase))
    return m.name, m.type, m.role


@pytest.mark.parametrize("phrase, expected", [
    # check name-split-off-body: an organisation's word before the last name word
    ("Capital Forecasts", ("Capital Forecasts", "organization", None)),
    ("Vikton Oil and Gas", ("Vikton Oil and Gas", "organization", None)),
    ("Lundby Iron and Steel Co", ("Lundby Iron and Steel Co", "organization", None)),
    # two names joined by "and", no title: two bodies or people, not Mr Lundco
    ("Borgco and Lundco", ("Borgco and Lundco", "group", None)),
    ("hedge funds Borgco and Lundco", ("Borgco and Lundco", "group", None)),
    # a plural noun for people before one name: a firm of them
    ("market analysts Vikstat", ("Vikstat", "organization", None)),
    # check outlet-extended-name: a paper's generic word after "Sunday"
    ("the Sunday Times", ("Sunday Times", "media", None)),
    # a person's name still reads as before
    ("Foreign Minister Anna Berg", ("Anna Berg", "person", "Foreign Minister")),
    ("Tony Blair and Gordon Brown", ("Gordon Brown", "person", "Tony Blair")),
    # check month-word-name: a month written short is a given name in a name run
    ("Jan Vikstrom", ("Jan Vikstrom", "person", None)),
    ("Harbour Federation chairman Jan Borg", ("Jan Borg", "person", "Harbour Federation chairman")),
    # check office-place: an office named by its place is held by someone unnamed
    # (the title heads the phrase, rule title-for-body: an unnamed MP, not a person called Lundby)
    ("the Labour MP for Lundby", ("Labour MP for Lundby", "anonymous", "mp")),
    # a plural after "for" is the body's, not the role's head to make singular
    ("the UN High Commissioner for Refugees, Anna Berg", ("Anna Berg", "person", "High Commissioner for Refugees")),
    ("the Bishop of Vikton", ("the Bishop of Vikton", "anonymous", "Bishop of Vikton")),
    ("Labour MP for Lundby Anna Berg", ("Anna Berg", "person", "Labour MP for Lundby")),
    ("the Most Reverend Tom Vikstrom", ("Tom Vikstrom", "person", "Reverend")),
])
def test_an_organisation_name_is_not_split_into_a_person_and_a_role(phrase, expected):
    assert read(phrase) == expected


@pytest.mark.parametrize("phrase, expected", [
    # check role-junk-ends: a clause word or a preposition is no role
    ("If Anna Kellam", ("Anna Kellam", "person", None)),
    ("When Berglund", ("Berglund", "person", None)),
    ("But Tom Varga", ("Tom Varga", "person", None)),
    # check role-noun-kept: the lower-case noun before the name is the role's head
    ("Dance teacher Eve Marlow", ("Eve Marlow", "person", "Dance teacher")),
    ("Harbour Cup doctor Hamish Berg", ("Hamish Berg", "person", "Harbour Cup doctor")),
    ("Liverpool chief executive Rick Vann", ("Rick Vann", "person", "Liverpool chief executive")),
    # check plural-role-head: one of the plural is what the person is
    ("Top-seeded Norwegians Anna Kellam", ("Anna Kellam", "person", "Top-seeded Norwegian")),
    ("Vikton boss Tom Varga", ("Tom Varga", "person", "Vikton boss")),
])
def test_a_role_is_a_title_or_office_noun_phrase(phrase, expected):
    assert read(phrase) == expected


def test_a_role_from_an_appositive_loses_a_dangling_preposition():
    text = "Sam Vale, a presenter on the VBC's late music station"
    m = describe(text, 0, len(text), appositive=text[10:], core_end=8)
    assert (m.name, m.role) == ("Sam Vale", "presenter")


def test_a_preposition_before_two_names_takes_the_first_one():
    text = "He was linked with the coaching job at Borgville and Keegson has said he would not stand in the way."
    m = describe(text, text.index("Borgville"), text.index(" has"))
    assert (m.name, m.type) == ("Keegson", "person")


def claims_of(text: str):
    return [(c.speaker.name, c.speaker.type, c.speaker.role) for c in analysed(text)]


def test_a_title_word_and_a_name_the_article_treats_as_a_company_are_the_company():
    # check title-word-body
    text = ("Air Vikram has ordered ten new planes. Air Vikram's managing director Anil Sharma was pleased. "
            "Air Vikram said the deal would double its fleet.")
    assert ("Air Vikram", "organization", None) in claims_of(text)


def test_a_spokesman_is_not_the_person_the_passage_is_about():
    # rule spokesman-role-only
    text = ("Vikland striker Tomas Berglund will not travel for the cup match. A club spokesman said the "
            "decision was only about his fitness. \"He has knee pain and he could not train,\" the spokesman said.")
    names = [name for name, _, _ in claims_of(text)]
    assert "Tomas Berglund" not in names


def test_the_subject_of_an_opening_condition_is_not_the_sentence_subject():
    # check condition-subject
    text = ("If Arnold Pike could make money doing it, Senator Carla Moss is against it. "
            "The senator said she would introduce legislation next year.")
    assert [name for name, _, _ in claims_of(text)] == ["Carla Moss"]


def spoken(text: str):
    return [(text[c.speaker_start : c.speaker_end], c.speaker.name) for c in analysed(text)]


def test_a_participle_between_an_article_and_a_noun_for_people_stays_in_the_phrase():
    # check attributive-cue-word: "alleged" is an adjective here, no cue
    text = "Lawyers for the alleged fraudsters said the case was groundless."
    assert [phrase for phrase, _ in spoken(text)] == ["Lawyers for the alleged fraudsters"]
    text = "The reported victims said they were well."
    assert [phrase for phrase, _ in spoken(text)] == ["The reported victims"]


def test_a_document_speaks_for_the_group_whose_attribution_named_it():
    # check document-by-group
    text = ("The file-sharing site has shut. In a message posted on the site on Sunday, the site's "
            "controllers said the forum would go dark for good. Were it ever to come back, the message said, "
            "it would not host any more links.")
    assert [name for _, name in spoken(text)] == ["controllers (article)", "controllers (article)"]


@pytest.mark.parametrize("text, speaker", [
    # A state's mission abroad, named with the place it is in: the mission, not the host country.
    ("The Ruritanian Embassy in Oslo said the plan was theft.", "Ruritanian Embassy in Oslo"),
    ("The US Embassy in Kyiv said the staff would stay on.", "US Embassy in Kyiv"),
    # People at the mission are still the speaker.
    ("Officials at the Ruritanian Embassy in Oslo said the plan was theft.", "Officials at the Ruritanian Embassy in Oslo"),
    # A body at home, named with its capital, after what it said (rule mission-in-place)
    ("Both sides freed 40 fishermen, the Foreign Ministry in Reykjavik said.", "Foreign Ministry in Reykjavik"),
    ("Both sides freed 40 fishermen, the Ministry of Fisheries in Reykjavik said.", "Ministry of Fisheries in Reykjavik"),
])
def test_a_mission_named_with_its_place_speaks_for_itself(text, speaker):
    assert found(text)[0][1] == speaker


def test_a_body_within_another_body_is_not_cut_at_at():
    # "the Centre at the Institute and ...": mission-in-place takes a body "in" its city only, so
    # the Centre is not read as a body "at" a place and split from Lund University
    text = "The Fish Policy Centre at the Vik Institute and Lund University said stocks will fall.\n"
    assert not any(who.startswith("Fish Policy Centre") for _, who, _ in found(text))


@pytest.mark.parametrize("text, speakers", [
    # a body "in" a place and another body: two speakers, the place no part of the test
    ("The Foreign Ministry in Kabul and the UN said the talks had failed.\n", ["Foreign Ministry in Kabul", "United Nations"]),
    ("Rep. Anna Berg of Texas and the Mexican foreign ministry said the border would stay open.\n",
     ["Anna Berg", "Mexican foreign ministry"]),
    ("Congress and White House said the plan was flawed.\n", ["Congress", "United States"]),
])
def test_two_speakers_joined_by_and_stay_two(text, speakers):
    assert [who for _, who, _ in found(text)] == speakers


@pytest.mark.parametrize("phrase, expected", [
    # (rule body-then-country) a body named with its country last, not a person called Global
    ("Global Affairs Canada", ("Global Affairs Canada", "organization", None)),
    ("Statistics Norway", ("Statistics Norway", "organization", None)),
    ("Fisheries and Oceans Canada", ("Fisheries and Oceans Canada", "organization", None)),
    # a person, a region or two names joined are no such body
    ("Anna Berg", ("Anna Berg", "person", None)),
])
def test_a_body_named_for_its_country(phrase, expected):
    assert read(phrase) == expected


@pytest.mark.parametrize("phrase", ["Latin America", "Vikco and Norway", "Berg's Norway", "New South Wales"])
def test_a_region_or_a_coordination_ending_in_a_country_is_no_body_named_for_it(phrase):
    assert read(phrase)[0] != phrase or read(phrase)[1] != "organization"
