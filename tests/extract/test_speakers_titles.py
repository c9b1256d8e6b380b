"""Speakers behind long titles, organisation modifiers and appositives
(extract/phrases/speaker.py, extract/speakers.py): the person speaks, the organisation or
country is where they belong."""

import pytest

from constructions import analysed, found, speaker


def claims_of(text: str):
    """(rule, speaker name, type, role, country, content) of every claim found in ``text``."""
    return [(c.rule, speaker(c), c.speaker.type, c.speaker.role, c.speaker.country, text[c.text_start : c.text_end])
            for c in analysed(text)]


@pytest.mark.parametrize("text, expected", [
    ("Swedish Foreign Minister Anders Paris said the embassy would reopen in spring.",
     ("said-clause", "Anders Paris", "person", "Foreign Minister", "SE", "the embassy would reopen in spring")),
    ("US Deputy Secretary of Commerce for Trade and Investment Robert Hale said the tariffs would stay.",
     ("said-clause", "Robert Hale", "person", "Deputy Secretary of Commerce for Trade and Investment", "US",
      "the tariffs would stay")),
    ("U.S. Ambassador to NATO Thomas Grey said the alliance was ready to help.",
     ("said-clause", "Thomas Grey", "person", "Ambassador to NATO", "US", "the alliance was ready to help")),
    ("EU trade chief Maria Olsen said the quotas would be lifted.",
     ("said-clause", "Maria Olsen", "person", "trade chief", "EU", "the quotas would be lifted")),
    # A country, a department and a title before a full name: a person, not a company
    # like "France Telecom".
    ("US Treasury Secretary Mark Field said the dollar was strong.",
     ("said-clause", "Mark Field", "person", "Treasury Secretary", "US", "the dollar was strong")),
    # A body's name with a post-modifier before the title and the full name: the person.
    ("Association of Harbour Pilots president Anna Berg said the fees were too high.",
     ("said-clause", "Anna Berg", "person", "Association of Harbour Pilots president", None, "the fees were too high")),
    # The possessor and what comes before it are an affiliation: the role is the spokesman's.
    ("Norwegian Prime Minister Erna Lund's spokesman Ola Berg said the talks had failed.",
     ("said-clause", "Ola Berg", "person", "spokesman", "NO", "the talks had failed")),
    ("Thomas Brandt with Reuters said that the convoy had turned back.",
     ("said-that", "Thomas Brandt", "person", None, "GB", "the convoy had turned back")),
])
def test_a_title_or_organisation_before_the_name_is_the_role(text, expected):
    assert claims_of(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Norway's envoy to the United Nations said the ceasefire was holding.",
     ("said-clause", "Norway's envoy to the United Nations", "anonymous", "envoy", "NO", "the ceasefire was holding")),
    ("The Danish ambassador to NATO said allies were united.",
     ("said-clause", "Danish ambassador to NATO", "anonymous", "ambassador", "DK", "allies were united")),
    ("An adviser to the Finance Minister said the budget was late.",
     ("said-clause", "An adviser to the Finance Minister", "anonymous", "adviser", None, "the budget was late")),
])
def test_the_body_or_person_after_envoy_to_is_not_the_speaker(text, expected):
    """"X's envoy to the UN": an unnamed envoy speaks, never the body he is sent to."""
    assert claims_of(text) == [expected]


def test_a_country_before_a_company_name_still_makes_a_company():
    assert claims_of("France Telecom said profits rose.")[0][1:3] == ("France Telecom", "organization")


@pytest.mark.parametrize("text, expected", [
    ("The deputy commander at the nearest border post near Kovel confirmed that the road was closed.",
     ("said-that", "deputy commander", "anonymous", "commander", "the road was closed")),
    ("A farmer who had been questioned by police on suspicion of smuggling said he was innocent.",
     ("said-clause", "farmer", "anonymous", "farmer", "he was innocent")),
])
def test_a_post_modified_speaker_is_the_noun_the_modifier_hangs_on(text, expected):
    rule, name, type_, role, content = expected
    [(got_rule, got_name, got_type, got_role, _, got_content)] = claims_of(text)
    assert (got_rule, got_type, got_role, got_content) == (rule, type_, role, content)
    assert got_name.startswith(("The " + name, "A " + name)) and "police" not in got_name.split("(")[0]


def speakers(text: str):
    return [(rule, name, content) for rule, name, _, _, _, content in claims_of(text)]


@pytest.mark.parametrize("text, expected", [
    # the name after the title, and the title after the name, set off by commas
    ("The head of the city council's planning department, Lena Dahl, said the quay would reopen.",
     ("said-clause", "Lena Dahl", "person", "head of city council's planning department", None, "the quay would reopen")),
    ("Lena Dahl, the head of the city council's planning department, said the quay would reopen.",
     ("said-clause", "Lena Dahl", "person", "head of city council's planning department", None, "the quay would reopen")),
    # a body named by one word, then what it is
    ("Nordgas, the state energy company, said in a statement that exports would resume.",
     ("said-that", "Nordgas", "organization", None, None, "exports would resume")),
])
def test_appositives_in_both_orders(text, expected):
    assert claims_of(text) == [expected]


def test_a_noun_before_the_speaker_noun_belongs_to_the_phrase():
    assert speakers("The rebel leadership also said it would pay its fighters.") == [
        ("said-clause", "rebel leadership", "it would pay its fighters")]
    assert speakers('"LPR" members told the monitors that they had been fired on.') == [
        ("said-that", "LPR members", "they had been fired on")]


def test_a_relative_clause_hangs_on_the_noun_its_post_modifier_hangs_on():
    [(rule, name, content)] = speakers(
        "The monitors met the liaison officers of the army in Kovel, who stated the road would reopen.")
    assert (rule, content) == ("said-clause", "the road would reopen")
    assert "liaison officers of the army in Kovel" in name


def test_a_clause_between_commas_is_no_appositive():
    assert speakers("If talks fail, the union is ready to strike, warned the chairwoman.") == [
        ("inverted-verb-first", "the chairwoman", "If talks fail, the union is ready to strike")]


def test_a_date_is_no_speaker_of_a_relative_clause():
    assert speakers("The vote is due in November, which adds pressure on the cabinet.") == []


def test_a_name_after_a_body_and_a_title_is_the_person():
    assert claims_of("The general secretary of the dock union Harbour Unite Mark Ellis said the strike would end.") == [
        ("said-clause", "Mark Ellis", "person", "general secretary of dock union Harbour Unite", None,
         "the strike would end")]


def test_a_medium_named_by_its_common_noun_but_not_a_poll_for_it():
    assert speakers("The Voice of the North newspaper reported that the mill would close.") == [
        ("said-that", "Voice of the North", "the mill would close")]
    [(rule, name, content)] = speakers("A poll for the Voice of the North newspaper said most readers agreed.")
    assert name.startswith("poll for the Voice of the North newspaper")


def test_a_title_before_a_name_is_no_modifier_of_a_common_noun():
    # "speech" is not part of who spoke
    assert speakers("In his speech Mr Lund said the budget was balanced.") == [
        ("said-clause", "Lund", "the budget was balanced")]


@pytest.mark.parametrize("text, rule, name, role", [
    ('"The dam will hold," the newly appointed pro-Western Governor of Tarnow, Mr Piotr Nowak, told the crowd.',
     "inverted-said", "Piotr Nowak", "Governor of Tarnow"),
    ('"The dam will hold," said 41-year welder Piotr Nowak.', "inverted-verb-first", "Piotr Nowak", None),
    ("In a statement, the commissioner for water quality of the Council for Rivers and Lakes in Europe (CRLE), "
     "Maria Olsen, said the dam will hold.",
     "said-clause", "Maria Olsen", "commissioner for water quality of Council for Rivers and Lakes in Europe"),
])
def test_long_titles_around_a_named_person(text, rule, name, role):
    [(got_rule, got_name, got_type, got_role, _, _)] = claims_of(text)
    assert (got_rule, got_name, got_type, got_role) == (rule, name, "person", role)


def test_a_post_modified_subject_before_an_aside():
    [(rule, name, content)] = speakers(
        "A local official in the port city of Gdynia, which the navy left last year, said the dam will hold.")
    assert (rule, content) == ("said-clause", "the dam will hold") and name.startswith("A local official in")
    [(rule, name, content)] = speakers(
        "An acquaintance in Oslo, speaking on condition of anonymity, said the dam will hold.")
    assert (rule, content) == ("said-clause", "the dam will hold") and name.startswith("An acquaintance in Oslo")


def test_a_quantifier_speaker_is_an_unnamed_group():
    [(rule, name, type_, _, _, content)] = claims_of("Some said the dam would not hold.")
    assert (rule, name, type_, content) == ("said-clause", "some", "group", "the dam would not hold")


def test_a_two_word_name_with_an_outlet_is_the_person():
    assert speakers("Ingrid Varga with Radio Nord said that the bridge was closed.") == [
        ("said-that", "Ingrid Varga", "the bridge was closed")]


def test_a_thing_called_a_name_is_no_speech():
    assert speakers("The march was led by members of a fringe party called Aurora.") == []


def test_an_age_before_a_name_after_the_cue():
    assert speakers('"The quay is safe," said 52-year docker Jon Lie.') == [
        ("inverted-verb-first", "Jon Lie", '"The quay is safe,"')]


def test_a_sentence_first_capital_does_not_join_a_modified_speaker_noun():
    # its capital says nothing, and a capitalised name would make one actor across articles
    assert speakers("Animal welfare groups said the law was weak.") == [("said-clause", "groups", "the law was weak")]


@pytest.mark.parametrize("text, name, role", [
    ("A miner at the shaft head said the lift was broken.", "A miner at the shaft head", "miner"),
    ("A driver at the depot gate said the buses were late.", "A driver at the depot gate", "driver"),
])
def test_a_working_person_before_a_place_post_modifier_is_the_head(text, name, role):
    # The person noun the "at ..." phrase hangs on speaks, not the place ("shaft head").
    (claim,) = claims_of(text)
    assert claim[1:4] == (name, "anonymous", role)


@pytest.mark.parametrize("text, name", [
    ("Mark Press, the chief of Dorvan Motors, said sales fell.", "Mark Press"),
    ("Tom Bank, the president of Helcor, said profits rose.", "Tom Bank"),
])
def test_a_surname_that_is_also_a_common_noun_stays_in_the_name(text, name):
    (claim,) = claims_of(text)
    assert claim[1:3] == (name, "person")


def test_a_body_word_after_a_non_given_name_still_makes_an_organisation():
    assert claims_of("Lloyds Bank said profits rose.")[0][1:3] == ("Lloyds Bank", "organization")


def test_a_place_ending_the_clause_before_and_is_not_the_speaker():
    # "... training in Norway and Vik said": Vik speaks, and is not from Norway.
    from constructions import found as _found
    [(_, speaker, _)] = _found('The striker has been training in Norway and Vik said: "He is fit."')
    assert speaker == "Vik"
    claims = analysed('The striker has been training in Norway and Vik said: "He is fit."')
    assert claims[0].speaker.country is None
    # Only a place is cut off so: "European" is no place, and stays with its noun.
    [(_, governments, _)] = _found("Ministers from European and Asian governments said the euro was too high.")
    assert "European and Asian governments" in governments


@pytest.mark.parametrize("phrase, name", [
    ("Mr Irish", "Irish"),  # a surname after an honorific, not a demonym
    ("Mr Hague", "Hague"),
    ("Tom Welsh", "Tom Welsh"),
])
def test_a_surname_that_reads_as_a_place_or_people_gives_no_country(phrase, name):
    from claimsdb.extract.speakers import describe
    m = describe(phrase, 0, len(phrase))
    assert (m.name, m.type, m.country) == (name, "person", None)


def test_a_name_between_the_and_a_noun_modifies_the_noun():
    from claimsdb.extract.speakers import describe
    phrase = "The Danish sports minister at the centre of the Anna Vik doping row"
    m = describe(phrase, 0, len(phrase))
    assert m.name != "Anna Vik" and m.country == "DK"


@pytest.mark.parametrize("phrase, name, kind", [
    ("accountancy firm Ernst & Young", "Ernst & Young", "organization"),
    ("Marks & Spencer", "Marks & Spencer", "organization"),
    ("Marks & Spencer chief executive Anna Berg", "Anna Berg", "person"),
    ("David Vik of Standard & Poor's", "David Vik", "person"),
])
def test_names_joined_by_an_ampersand_are_a_firm(phrase, name, kind):
    from claimsdb.extract.speakers import describe
    m = describe(phrase, 0, len(phrase))
    assert (m.name, m.type) == (name, kind)


def test_an_appositive_opening_with_a_modifier_before_the_role():
    # rule appositive-modified-role: "legal director", "senior policy adviser"
    assert speakers("Lena Dahl, legal director of Fjordwatch, said the quay would reopen.") == [
        ("said-clause", "Lena Dahl", "the quay would reopen")]
    assert speakers("Lena Dahl, senior policy adviser to the mayor, said the quay would reopen.") == [
        ("said-clause", "Lena Dahl", "the quay would reopen")]


def test_an_appositive_opening_with_a_verb_is_no_role():
    assert [s for _, s, _ in speakers(
        "Two former directors, Lund and Anna Berg, remain defendants in the lawsuit, said the newspaper.")] == ["newspaper"]


@pytest.mark.parametrize("text, speaker", [
    ("The Donetsk People's Republic said the school was damaged.", "Donetsk People's Republic"),
    # (a body's press service speaks for the body, by name or as its service)
    ("The press service of the Luhansk People's Republic said the school was damaged.",
     "Luhansk People's Republic"),
])
def test_a_republic_with_a_possessive_in_its_name_is_one_body(text, speaker):
    from constructions import found
    [(rule, name, content)] = found(text)
    assert (rule, content) == ("said-clause", "the school was damaged") and name.endswith(speaker)


def test_a_title_to_the_body_before_a_name_is_the_role():
    from constructions import found
    assert found("U.S. Ambassador to the United Nations Anna Berg said the vote had failed.") == [
        ("said-clause", "Anna Berg", "the vote had failed")]


def test_a_national_body_is_a_body_not_a_national_called_so():
    text = "The National Guard reported that it had detained two smugglers near the port."
    assert [(c[1], c[2]) for c in claims_of(text)] == [("National Guard", "organization")]
    # a national of a country is still a person
    assert [(c[1], c[2], c[4]) for c in claims_of("Russian national Ivan Petrov said he had lost his passport.")] \
        == [("Ivan Petrov", "person", "RU")]


@pytest.mark.parametrize("text, body", [
    ("The Norwegian National Security and Defence Council said the fleet did not enter Danish waters.",
     ("Norwegian National Security and Defence Council", "organization", "NO")),
    # a lone plural before "and": what the one body oversees
    ("The Securities and Markets Commission said the fund had not filed its accounts.",
     ("Securities and Markets Commission", "organization", None)),
    ("The Danish Securities and Markets Commission said the fund had not filed its accounts.",
     ("Danish Securities and Markets Commission", "organization", "DK")),
])
def test_words_joined_by_and_before_one_bodys_noun_name_one_body(text, body):
    assert [(c[1], c[2], c[4]) for c in claims_of(text)] == [body]


@pytest.mark.parametrize("text", [
    "Norway and the European Commission said the fleet did not enter Danish waters.",
    "The Foreign Ministry and the Security Council said the fleet did not enter Danish waters.",
    "Both the IMF and World Bank said the fleet did not enter Danish waters.",
])
def test_two_bodies_joined_by_and_still_speak_each(text):
    assert len(claims_of(text)) == 2


@pytest.mark.parametrize("text", [
    "The spokesman of the press centre, Anna Lund, said that the talks would resume.",
    "The talks will resume, the spokesman of the press centre, Anna Lund, said at a briefing in Oslo.",
    "The commander of the fleet, General Anna Lund, told the council that the talks would resume.",
])
def test_a_role_of_a_thing_no_speaker_noun_names_then_the_name_between_commas(text):
    assert [c[1] for c in claims_of(text)] == ["Anna Lund"]


@pytest.mark.parametrize("text, role", [
    ("Norway's deputy prime minister for fisheries policy, Anna Lund, said on Monday that "
     "her country had met the conditions.", "deputy prime minister for fisheries policy"),
    ("Norway's minister for restoration, Anna Lund, told the radio that the ships were being loaded.",
     "minister for restoration"),
    ("The chair of the committee on fisheries and shipping, the Norwegian senator Anna Lund, told "
     "the paper that the fund was far too small.", "senator"),
])
def test_a_role_with_a_long_complement_then_the_name_between_commas(text, role):
    # Long official titles ("minister for X", "chair of the committee on X and Y") before the
    # name: the name speaks, with the title's country.
    assert [(c[1], c[4]) for c in claims_of(text)] == [("Anna Lund", "NO")]
    assert role in claims_of(text)[0][3]


@pytest.mark.parametrize("text", [
    "Norway's fisheries minister, Anna Lund, who also attended, said the quotas were fair.",
    "Anna Lund, Norway's fisheries minister, who also attended, said the quotas were fair.",
    "Norway's fisheries minister, Anna Lund, speaking to a local radio station, said the quotas were fair.",
    "Anna Lund, Norway's fisheries minister, speaking to a local radio station, said the quotas were fair.",
])
def test_a_name_with_its_title_then_a_who_clause_keeps_the_title(text):
    # The relative clause or participle's aside hangs on the name; the title between commas
    # stays the speaker's.
    assert [(c[1], c[3], c[4]) for c in claims_of(text)] == [("Anna Lund", "fisheries minister", "NO")]


def test_a_list_of_places_before_a_name_and_a_who_clause_is_no_title():
    text = "The boats left Oslo, Bergen and Tromsø, Anna Lund, who also attended, said."
    assert [(c[1], c[3]) for c in claims_of(text)] == [("Anna Lund", None)]


def test_a_body_named_for_two_things_it_does_is_one_body():
    # "and" before a capitalised gerund joins what the body does, not two speakers.
    text = "Norway's Centre for Coastal Research and Monitoring Fisheries warned that cod stocks were falling."
    assert [(c[1], c[2], c[4]) for c in claims_of(text)] == [
        ("Centre for Coastal Research and Monitoring Fisheries", "organization", "NO")]


def test_a_title_that_ends_in_a_place_then_the_full_name_between_commas():
    text = ("NATO's Supreme Allied Commander Europe, General Anna Lund, told the council that "
            "the talks would resume.")
    assert [(c[1], c[4]) for c in claims_of(text)] == [("Anna Lund", "NATO")]


def test_a_name_before_a_whose_clause_speaks():
    text = "Anna Lund, whose party abstained, argued that the law rewarded the smugglers."
    assert [(c[0], c[1]) for c in claims_of(text)] == [("said-that", "Anna Lund")]
    # ... and before a "whom" clause with a subject of its own
    text = "Anna Lund, whom the opposition regards as the lawful mayor, argued that the law rewarded the smugglers."
    assert [(c[0], c[1]) for c in claims_of(text)] == [("said-that", "Anna Lund")]


def test_a_countrys_side_is_the_country():
    text = "The Norwegian side insists that the investigation must be transparent."
    assert [(c[1], c[2], c[4]) for c in claims_of(text)] == [("Norway", "country", "NO")]


@pytest.mark.parametrize("text", [
    "Both sides spoke in favour of an early meeting of the contact group.",
    "The two sides said that an early meeting of the contact group was needed.",
])
def test_both_sides_of_talks_speak(text):
    assert [c[1] for c in claims_of(text)] in (["sides"], ["two sides"])


def test_a_person_of_a_place_then_an_appositive_description():
    text = "A resident of the village, a 60-year-old woman, said that her house had been hit twice."
    assert [(c[1], c[5]) for c in claims_of(text)] == [("A resident of the village", "her house had been hit twice")]


@pytest.mark.parametrize("verb", ["stated", "stressed", "emphasised", "mentioned"])
def test_an_addressee_after_to_stays_out_of_the_content(verb):
    text = f"The village head {verb} to the monitors that the water supply had been cut."
    assert [c[5] for c in claims_of(text)] == ["the water supply had been cut"]


def test_a_name_of_several_words_in_quotation_marks_before_a_role_is_part_of_the_speaker():
    # a scare-quoted name is no quotation said by the person it describes
    found_ = found('The so-called "Free Harbour Republic" leader Ivo Kral said the port would stay closed.')
    assert [(s, c) for _, s, c in found_] == [("Ivo Kral", "the port would stay closed")]


@pytest.mark.parametrize("text", [
    "The Latvian minister spoke first. His Estonian counterpart Jaan Kask said the deal was fair.",
    "The Latvian minister spoke first. His Estonian counterpart, Jaan Kask, said the deal was fair.",
])
def test_a_counterpart_named_after_the_word_speaks_with_its_country(text):
    [claim] = analysed(text)
    assert (speaker(claim), claim.speaker.country) == ("Jaan Kask", "EE")


def test_speaker_phrases_of_wire_copy():
    # two lower-case modifiers after a body's name, its full stops included
    found_ = found("The U.N. human rights office in Geneva said that 60 people had been killed. "
                   "The UN refugee aid office said that 60 people had fled.")
    assert [s for _, s, _ in found_] == ["U.N. human rights office in Geneva", "UN refugee aid office"]
    # a cue word after a preposition inside the aside is a noun: "on state television"
    found_ = found("Ivo Kral, speaking on state television, said the agreement was the only way forward.")
    assert [(s, c) for _, s, c in found_] == [("Ivo Kral", "the agreement was the only way forward")]


@pytest.mark.parametrize("text, speaker", [
    ("The Herald of the North reports that the harbour will close.", "Herald of the North"),
    ("Lund of BNP Paribas said the harbour will close.", "Lund"),
])
def test_a_name_joined_by_of_the_is_one_body_unless_it_names_a_persons_employer(text, speaker):
    from constructions import found
    assert [s for _, s, _ in found(text)] == [speaker]


def test_letters_after_a_name_and_a_comma_are_the_persons():
    from constructions import found
    assert found("Deputy Judge Anna Lund, QC told the hearing the case could have serious consequences.") == [
        ("said-clause", "Anna Lund QC", "the case could have serious consequences")]


@pytest.mark.parametrize("text, speaker", [
    ("Norway's security service said it had detained two divers.", "Norway's security service"),
    ("The press service of the Harbour Council said the port was closed.", "Harbour Council"),
])
def test_a_service_speaks(text, speaker):
    from constructions import found
    [(_, name, _)] = found(text)
    assert name.endswith(speaker)


@pytest.mark.parametrize("text, name, role", [
    ("Labour's minister for women Trish Dalton said the sums did not add up.\n", "Trish Dalton", "minister"),
    ("The party's deputy minister for housing Jane Okafor said the plan was costed.\n", "Jane Okafor", "deputy minister"),
])
def test_a_possessive_before_a_title_and_a_full_name_is_whose_office_not_the_speaker(text, name, role):
    (claim,) = analysed(text)
    assert (claim.speaker.name, claim.speaker.type, claim.speaker.role) == (name, "person", role)


def test_an_appositive_saying_what_the_speaker_was_doing_names_nobody():
    # "speaking during a tour of Kenya" tells what the chancellor was doing: Kenya is no
    # person's name, and the role noun still finds the chancellor the article named.
    text = ("Chancellor Gordon Vale began a tour of the region on Monday.\n"
            "The chancellor, speaking on a three-day visit to Kenya, said the debt deal would stand.\n")
    (claim,) = analysed(text)
    assert speaker(claim) in ("The chancellor", "Gordon Vale")
    text = "A senior official, speaking to the radio reporter Tom Vale, said the report was unfair.\n"
    (claim,) = analysed(text)
    assert claim.speaker.name != "Tom Vale"


@pytest.mark.parametrize("phrase, name, kind", [
    ("Dr Fox", "Fox", "person"), ("Mr. Vox", "Vox", "person"), ("Fox News", "Fox News", "media"),
])
def test_an_honorific_before_a_name_an_outlet_shares_makes_a_person(phrase, name, kind):
    from claimsdb.extract.speakers import describe

    mention = describe(phrase, 0, len(phrase))
    assert (mention.name, mention.type) == (name, kind)


@pytest.mark.parametrize("phrase, kind", [("the MP", "anonymous"), ("the CEO", "anonymous"), ("the IMF", "organization")])
def test_a_title_in_capitals_is_an_unnamed_office_holder_not_a_body(phrase, kind):
    from claimsdb.extract.speakers import describe

    assert describe(phrase, 0, len(phrase)).type == kind


@pytest.mark.parametrize("phrase, name", [
    ("Goalscorer Tom Anders Vale", "Tom Anders Vale"), ("Veteran Tom Vale", "Tom Vale"),
    ("Broadcaster Anna Vale", "Anna Vale"), ("Defiant Tom Vale", "Tom Vale"),
])
def test_a_word_for_what_the_person_is_before_a_known_given_name_is_not_part_of_the_name(phrase, name):
    from claimsdb.extract.speakers import describe

    mention = describe(phrase, 0, len(phrase))
    assert (mention.name, mention.type) == (name, "person")


@pytest.mark.parametrize("text, speaker", [
    ("Khalid al-Harbi told reporters that the convoy had crossed at dawn.", "Khalid al-Harbi"),
    ("Mona el-Masri, a spokeswoman for the port authority, said the convoy had crossed at dawn.", "Mona el-Masri"),
])
def test_a_name_opening_with_a_lower_case_particle_is_a_name(text, speaker):
    assert [(s, c) for _, s, c in found(text)] == [(speaker, "the convoy had crossed at dawn")]


@pytest.mark.parametrize("text, who, content", [
    # A cue word after a possessor is a noun inside the appositive ("Norway's state ...").
    ("Ola Strand, the director of Norway's state ferry operator, said the crossings would stop in May.",
     "Ola Strand", "the crossings would stop in May"),
    # A prefixed role ("co-leader", "vice-chair") opens an appositive like the bare role.
    ("Ilse Marten, co-leader of the Blue Alliance, said the coalition had failed its voters.",
     "Ilse Marten", "the coalition had failed its voters"),
    ("Tomas Hurt, vice-chair of the port authority, said the cranes were idle.",
     "Tomas Hurt", "the cranes were idle"),
    # A capitalised plural's possessive mark inside the appositive closes no quotation.
    ("Mira Sell, head of the Dockers' Federation, said the strike would last a week.",
     "Mira Sell", "the strike would last a week"),
])
def test_an_appositive_with_a_possessive_or_a_prefixed_role_keeps_its_name_as_speaker(text, who, content):
    [(_, speaker, said)] = found(text)
    assert (speaker, said) == (who, content)


def test_a_quotation_in_single_marks_still_ends_at_its_closing_mark():
    text = "‘The Dockers will win,’ Mira Sell, head of the federation, said."
    [(_, speaker, said)] = found(text)
    assert speaker == "Mira Sell" and said.startswith("‘The Dockers will win")


@pytest.mark.parametrize("name", ["Jordan Vell", "Chad Orwin"])
def test_a_given_name_that_is_a_country_gives_no_country(name):
    claims = analysed(f"{name}, a lecturer at the harbour college, said on Monday that the fares were too high.")
    assert [c.speaker.name for c in claims] == [name]
    assert claims[0].speaker.country is None


@pytest.mark.parametrize("text, name, role", [
    ("Ministry of Fisheries Affairs spokesperson Vorleth Oltekar said the quota would hold.",
     "Vorleth Oltekar", "Ministry of Fisheries Affairs spokesperson"),
    ("Bank of Vikland chief Quorin Hadeki said rates would stay low.", "Quorin Hadeki", "Bank of Vikland chief"),
])
def test_a_name_after_a_lower_case_title_ends_the_phrase_as_a_person(text, name, role):
    # The given name is in no list, and the title's body ("Ministry", "Bank") comes first: the
    # name after the title is still its holder's (rule titled-name-ends-phrase).
    [claim] = analysed(text)
    assert (speaker(claim), claim.speaker.type, claim.speaker.role) == (name, "person", role)


@pytest.mark.parametrize("opener", ["", "Earlier this month, "])
def test_a_full_name_after_a_title_with_a_preposition_speaks(opener):
    # (rule name-after-title) "the Secretary for Relations with States, Archbishop X, told ..."
    text = (f"{opener}the Vikland Secretary for Relations with Ports, Archbishop Anton Lund, told a "
            "conference that the harbour must stay open.")
    text = text[0].upper() + text[1:]
    got = claims_of(text)
    assert [(c[1], c[2]) for c in got] == [("Anton Lund", "person")]


def test_a_style_of_address_is_no_part_of_the_name_and_the_given_name_finds_the_person():
    # "Datuk Seri", "Tan Sri" (data/name_styles.txt) style a person; "Sri" or "Tan" alone is a name
    text = ("Talks\n\nForeign Minister Datuk Seri Aziz Rahman said the talks would go on.\n"
            "Aziz said exporters had been hurt.\n"
            "Tan Sri Lim Kok Wah said the policy was right.\n"
            "Finance minister Sri Mulyani Indrawati said the budget was sound.\n")
    got = [(s, role) for _, s, _, role, _, _ in claims_of(text)]
    assert got == [("Aziz Rahman", "Foreign Minister"), ("Aziz Rahman", None),
                   ("Lim Kok Wah", None), ("Sri Mulyani Indrawati", "Finance minister")]


@pytest.mark.parametrize("text", [
    "Norway's chargé d'affaires, Ola Vik, said Oslo welcomed the call between the two leaders.",
    "Ola Vik, the Norwegian chargé d’affaires in Accra, said Oslo welcomed the call between the two leaders.",
])
def test_a_charge_d_affaires_is_a_title(text):
    # "chargé d'affaires" is a title (data/titles.txt): the name set off after it speaks
    assert [(c[0], c[1]) for c in claims_of(text)] == [("said-clause", "Ola Vik")]
