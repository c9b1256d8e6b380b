"""Documents that speak (resolve/documents.py): "the statement said" is the issuer the article
names; with no issuer named, the document stays the speaker, scoped to its article."""

import pytest
from constructions import analysed, speaker


def claims_of(text: str):
    """(rule, speaker name, type, content) of every claim found in ``text``."""
    return [(c.rule, speaker(c), c.speaker.type, text[c.text_start : c.text_end])
            for c in analysed(text)]


def test_the_statement_is_its_issuer_named_earlier():
    text = ("Nordgas, the state pipeline company, said in a statement on Monday that exports would resume.\n"
            "\"The valves will open at noon,\" the statement said.\n")
    assert claims_of(text) == [
        ("said-that", "Nordgas", "organization", "exports would resume"),
        ("inverted-said", "Nordgas", "organization", "\"The valves will open at noon,\""),
    ]


def test_the_report_is_the_medium_that_reported():
    text = ("Three mines were closed, the news portal MineWatch reported on Sunday.\n"
            "\"The miners were brought to the surface,\" the report said.\n")
    assert [(name, type_) for _, name, type_, _ in claims_of(text)] == [("MineWatch", "media")] * 2


def test_the_issuer_in_the_phrase():
    assert claims_of("A report by the Baltic Fisheries Council said the cod stocks had recovered.") == [
        ("said-clause", "Baltic Fisheries Council", "organization", "the cod stocks had recovered")]
    assert claims_of("Solberg's 12 March statement described the deal as fair.")[0][1] == "Solberg"


def test_without_an_issuer_the_document_stays_the_speaker():
    [(rule, name, _, content)] = claims_of("The statement said the talks had failed.")
    assert (rule, content) == ("said-clause", "the talks had failed")
    assert name == "statement"  # the resolve stage scopes it to its article


def test_a_plan_or_draft_conclusions_speak():
    assert [(r, n, c) for r, n, _, c in claims_of("Draft conclusions say the quotas will stay in place.")] == [
        ("said-clause", "Draft conclusions", "the quotas will stay in place")]
    [(rule, name, _, content)] = claims_of("According to the new fisheries plan, the quotas will grow.")
    assert (rule, content) == ("according-to", "the quotas will grow")
    assert name.startswith("new fisheries plan")


def test_a_statement_from_a_body_is_that_body():
    assert claims_of("A statement from the band's record company Northsound said the tour was cancelled.") == [
        ("said-clause", "Northsound", "organization", "the tour was cancelled")]


def test_a_document_that_reads_speaks_for_its_issuer():
    """"The letter reads:" and "the statement read that ...": reading is what a document says;
    a person reading something aloud, or "reading" as a participle, says nothing."""
    text = 'The Harbour Council said in a letter that fees would rise. The letter reads: "We have no choice."'
    assert claims_of(text) == [("said-that", "Harbour Council", "organization", "fees would rise"),
                               ("said-colon", "Harbour Council", "organization", '"We have no choice."')]
    assert [c[3] for c in claims_of("The statement read that the talks had failed.")] == ["the talks had failed"]
    assert claims_of("She read the letter to the class.") == []
    assert claims_of('The club issued a statement on Sunday reading: "The deal is off."') == []


def test_the_survey_is_the_body_named_as_running_it_earlier():
    # The sentence naming the survey is no claim of its own; "the survey" is still its maker's.
    text = ("Fewer families own a car than ten years ago. A survey by Norvik Insight last month looked at "
            "3,000 homes in ten cities.\n"
            "Bicycles were the most common purchase of the year, said the survey.\n")
    [(_, name, type_, content)] = claims_of(text)
    assert (name, type_, content) == ("Norvik Insight", "organization", "Bicycles were the most common purchase of the year")


@pytest.mark.parametrize("text, issuer", [
    ("The Halden Institute report was published on Monday.\nMost rivers were clean, the report said.\n",
     "Halden Institute"),
    ("The Trust for Clean Rivers report was published on Monday.\nMost rivers were clean, the report said.\n",
     "Trust for Clean Rivers"),
])
def test_a_name_before_the_noun_names_the_report(text, issuer):
    assert claims_of(text)[-1][1:3] == (issuer, "organization")


def test_a_possessor_names_the_study_and_the_nearest_one_counts():
    text = ("A study carried out by Halden Labs covered rivers. Trondvik Institute's annual study covered lakes.\n"
            "The study said that most lakes were clean.\n")
    assert claims_of(text)[-1][1:3] == ("Trondvik Institute", "organization")


def test_a_further_survey_is_not_the_one_named_before():
    text = ("A survey by Norvik Insight said that car sales would fall.\n"
            "A further survey said that only 4% of drivers wanted an electric car.\n")
    assert [(name, type_) for _, name, type_, _ in claims_of(text)] == [
        ("Norvik Insight", "organization"), ("survey", "media")]


def test_the_report_is_the_committee_named_as_its_author():
    text = ("A report by the Storting fisheries committee called for a ban on trawling.\n"
            "The report said that cod stocks were at their lowest for 30 years.\n")
    assert claims_of(text)[-1][1:3] == ("Storting fisheries committee", "organization")


@pytest.mark.parametrize("text", [
    # "from" is where the people counted live, no issuer.
    ("A report found that 9,000 copies were sold, and 2,000 of those were from within Norway.\n"
     "Most buyers were young, said the report.\n"),
    # "his report": a person's, not a body named before.
    "A survey by Norvik Insight was published. Lisbon had failed, his report said.\n",
])
def test_no_issuer_where_the_article_names_none(text):
    assert claims_of(text)[-1][2] not in ("country", "organization")


def test_who_only_published_a_document_is_not_its_issuer():
    text = ("A plan obtained by the Norden Courier appears to come from the ministry.\n"
            "Taxes would rise in 2026, according to the plan.\n")
    assert "Norden Courier" not in claims_of(text)[-1][1]


def test_a_name_that_ends_in_a_document_noun_is_no_document():
    assert claims_of("The Norden Post reports that the talks failed.")[0][1] == "Norden Post"


def test_it_standing_for_the_survey_is_its_issuer():
    text = ("A survey by Norvik Insight looked at 3,000 homes in ten cities.\n"
            "Most families own a bike, the survey said. Fewer of them own a car than in 2010, it added.\n")
    assert [name for _, name, _, _ in claims_of(text)] == ["Norvik Insight", "Norvik Insight"]


def test_a_document_noun_inside_a_title_names_no_document():
    """"told the Vik Radio Morning Report": a programme's name, not the report that speaks."""
    text = ("\"Prices will fall,\" Anna Berg, an economist, told the Vik Radio Morning Report.\n"
            "\"Demand will slow,\" the report said.\n")
    assert claims_of(text)[-1][1] != "Anna Berg"


def test_a_statement_from_a_body_explaining_something_is_that_body():
    # (rule document-with-participle) "the decision" is what the statement explains, not who speaks
    found = claims_of("Vikton Rovers have let their goalkeeper go. A statement from Vikton Rovers "
                      "explaining the move read: \"We wish him well.\"")
    assert [(rule, who) for rule, who, _, _ in found] == [("said-colon", "Vikton Rovers")]
    found = claims_of("A letter from the Vikland Ramblers Association outlining the plans said the path would reopen.")
    assert [who for _, who, _, _ in found] == ["Vikland Ramblers Association"]


def test_it_after_a_possessors_statement_is_the_possessor():
    # "It added:" took the document's phrase before its issuer was found: the same issuer.
    text = ("Ms Hartley's statement said: \"Our campaign on rents has been heard this month.\" "
            "It added: \"Our opponents will try to talk about anything else.\"\n")
    assert [(name, type_) for _, name, type_, _ in claims_of(text)] == [("Hartley", "person")] * 2


def test_a_document_in_an_opening_adjunct_is_not_the_speaker():
    # "In a statement the league said" without a comma: the speaker is the league, a body,
    # and the "it" of the next quotation is the league too.
    text = ("In a statement the Animal Care League said it had \"serious doubts\" about the scheme. "
            "\"Nobody could aim a rifle well over the web,\" it said.\n")
    assert [(name, type_) for _, name, type_, _ in claims_of(text)] == [("Animal Care League", "organization")] * 2
    text = "In its report the Harbour Board said the quay was unsafe.\n"
    assert [(name, content) for _, name, _, content in claims_of(text)] == [("Harbour Board", "the quay was unsafe")]


def test_a_possessor_before_a_titled_report_is_its_issuer():
    # "Greenway's Hungry World report": the title is no person; Greenway issued it, and "the
    # report" two sentences on is the same one.
    text = ("Greenway's Hungry World report said 40 million people go hungry. "
            "Its author, Anna Hunger, said aid was falling. The report said rich nations had promised more.\n")
    assert [(name, type_) for _, name, type_, _ in claims_of(text)] == [
        ("Greenway", "organization"), ("Anna Hunger", "person"), ("Greenway", "organization")]


def test_a_further_report_is_not_the_last_ones():
    text = ("Greenway's Hungry World report said 40 million people go hungry. "
            "A further report said rich nations had promised more.\n")
    assert claims_of(text)[-1][1] != "Greenway"
