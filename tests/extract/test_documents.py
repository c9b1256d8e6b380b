"""Documents that speak (resolve/documents.py): "the statement said" is the issuer the article
names; with no issuer named, the document stays the speaker, scoped to its article."""

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
