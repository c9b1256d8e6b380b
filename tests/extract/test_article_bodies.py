"""Body nouns ("the company", "the firm", "the club") that coreference left unnamed take the
body the article names (resolve/bodies.py), when only one of that kind is a candidate; and a
document a lead introduces takes the issuer the next sentences name (resolve/documents.py)."""

from constructions import analysed, speaker


def speakers_of(text: str):
    """(speaker name, type) of every claim found in ``text``, in text order."""
    return [(speaker(c), c.speaker.type) for c in sorted(analysed(text), key=lambda c: c.speaker_start)]


def test_the_company_is_the_one_the_article_is_about():
    text = ("Brindlewick cuts jobs\n\n"
            "Brindlewick said on Monday that it would close two plants in the north.\n\n"
            "The closures will cost about 900 jobs. The company said the plants had lost money for years.\n")
    assert speakers_of(text) == [("Brindlewick", "organization"), ("Brindlewick", "organization")]


def test_a_body_named_beside_its_noun():
    text = ("Shares in struggling football club Harrowgate Rovers fell on Monday.\n\n"
            "The club said it had agreed a rescue plan with its lenders.\n")
    assert speakers_of(text) == [("Harrowgate Rovers", "organization")]


def test_two_candidates_nearby_leave_it_unnamed():
    text = ("Brindlewick said it would bid for Castorvale. Castorvale said it would fight the offer.\n\n"
            "The company said the price was too low.\n")
    assert speakers_of(text)[-1][0].startswith("company")


def test_a_rival_named_in_passing_is_not_the_company():
    text = ("Brindlewick profits slip\n\n"
            "Brindlewick said its profits fell 5% last year. Brindlewick said sales of soap were flat.\n\n"
            "Rival chemical group Castorvale also cut its prices last year.\n\n"
            "The company said it would sell its paint business.\n")
    assert speakers_of(text)[-1][0] == "Brindlewick"


def test_the_subject_of_the_sentence_before_may_be_another_body():
    text = ("Brindlewick said it had sold its shipping arm to Castorvale.\n\n"
            "Castorvale officials were not available. But the company has said it will keep the ships.\n")
    assert speakers_of(text)[-1][0].startswith("company")


def test_a_company_the_claim_names_is_not_the_speaker():
    text = ("Brindlewick said it now owns 8% of Castorvale, the paint company.\n\n"
            "The company said Castorvale's profits rose 8% last year.\n")
    assert speakers_of(text)[-1][0] == "Brindlewick"


def test_the_club_needs_a_body_called_a_club():
    text = ("Brindlewick said it would buy a stake in a football team.\n\n"
            "The club said it had received no offer.\n")
    assert speakers_of(text)[-1][0].startswith("club")


def test_spellings_of_one_company_are_one_name():
    text = ("Quarterly profits at media group SilverLake jumped 20%.\n\n"
            "SilverLake said sales rose. Silver Lake said it owns 8% of a search engine. "
            "SilverLake said it expects growth of 5%.\n")
    assert {name for name, _ in speakers_of(text)} == {"SilverLake"}


def test_a_lead_document_takes_the_issuer_named_next():
    text = ("Fewer people own cars, a survey says.\n\n"
            "The survey, carried out by Harlow Research for the motoring lobby, asked 2,000 adults.\n")
    assert speakers_of(text)[0] == ("Harlow Research", "organization")
    text = ("Fewer people own cars, a report says.\n\n"
            "The study by the Institute for Road Studies asked 2,000 adults.\n")
    assert speakers_of(text)[0] == ("Institute for Road Studies", "organization")


def test_a_lead_document_stays_unnamed_when_the_next_one_is_another():
    text = ("Fewer people own cars, a survey says.\n\n"
            "A separate survey by Harlow Research found the opposite.\n")
    assert speakers_of(text)[0][0].startswith("survey")


def test_a_company_named_after_a_person_after_a_noun_only_bodies_have():
    text = ("Building products group Henry Castor has agreed to pay $5m to former staff.\n\n"
            "The deal follows protests after the firm said its pension fund was short of money.\n")
    assert speakers_of(text) == [("Henry Castor", "organization")]
    # (but not after a noun a person may have: "producer Henry Castor")
    text = ("Film producer Henry Castor has agreed to pay $5m to former staff.\n\n"
            "The deal follows protests after the firm said its pension fund was short of money.\n")
    assert speakers_of(text)[0][0].startswith("firm")


def test_a_body_described_with_a_possessive_after_its_name():
    text = ("Ostbank, Norway's third-biggest lender, is looking for a partner for its new unit, "
            "the firm told reporters.\n")
    assert speakers_of(text) == [("Ostbank", "organization")]


def test_the_report_is_the_body_that_spoke_just_before():
    text = ("In its latest yearly report, the Nordic Trade Council cut its forecasts.\n\n"
            "Growth would slow to 2% in 2006, the Nordic Trade Council said. Overall, the report "
            "forecast growth of 3% for the region.\n")
    assert [name for name, _ in speakers_of(text)][-1] == "Nordic Trade Council"
    # (not when an earlier report was someone else's)
    text = ("A report by the harbour union said the docks were unsafe.\n\n"
            "Growth would slow to 2% in 2006, the Nordic Trade Council said. Overall, the report "
            "forecast growth of 3% for the region.\n")
    assert [name for name, _ in speakers_of(text)][-1] != "Nordic Trade Council"


def test_a_body_noun_that_opens_the_paragraph():
    text = ("Odds cut on new captain\n\n"
            "Bookmaker Henry Castor has stopped taking bets on the next captain.\n\n"
            "The firm shut its betting on Friday, saying heavy bets had come in.\n")
    assert speakers_of(text)[0][0] == "Henry Castor"


def test_a_name_glossed_by_a_bodys_full_name_is_the_organisation():
    # "NRC, the Nordic Registry Council, agrees": NRC is a body, though it says nothing
    # itself; "the organisation" in the next sentence is it.
    text = ("Web names\n\nFake web names could fool shoppers, experts say. NRC, the Nordic Registry Council, agrees. "
            "\"Blocking the new names would hurt trust in them,\" the organisation said in its written reply.\n")
    assert speakers_of(text)[-1] == ("NRC", "organization")


def test_a_person_glossed_by_a_title_is_no_body():
    text = ("Lars Brekke, the Harbour Council chairman, agrees. "
            "\"The quay must close,\" the organisation said.\n")
    assert speakers_of(text)[-1][0] != "Lars Brekke"
