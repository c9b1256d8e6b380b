"""A body's statement speaks in the first person plural: its "we" is the body the heading
names as issuer (extract/issuer.py, check statement-issuer)."""

from constructions import found


def test_we_in_a_ministry_statement_is_the_ministry():
    text = ("Statement of the Norwegian Ministry of Fisheries on the quota dispute\n\n"
            "The talks on the northern quotas broke down on Friday.\n"
            "We call on Denmark to return to the negotiating table without conditions.\n"
            "We reject the claim that Norwegian boats fished beyond the agreed limits.\n")
    assert [(rule, who) for rule, who, _ in found(text)] == [
        ("call-on", "Norwegian Ministry of Fisheries"), ("reject", "Norwegian Ministry of Fisheries")]


def test_the_issuer_may_come_before_the_kind_of_text():
    text = ("Danish Foreign Ministry comment regarding the fishing incident\n\n"
            "We urge the Norwegian coast guard to release the trawler at once.\n")
    assert [who for _, who, _ in found(text)] == ["Danish Foreign Ministry"]


def test_we_stays_nobody_without_such_a_heading():
    assert found("Fishing talks collapse\n\n"
                 "We call on Denmark to return to the negotiating table without conditions.\n") == []


def test_a_person_or_an_office_issuing_a_statement_speaks_its_we():
    # whoever her "we" are, the words are hers
    assert [who for _, who, _ in found("Statement by Anna Lund on the quota dispute\n\n"
            "We call on Denmark to return to the negotiating table without conditions.\n")] == ["Anna Lund"]
    assert [who for _, who, _ in found("Fisheries Ministry Spokesperson's comment on the quota dispute\n\n"
            "We call on Denmark to return to the negotiating table without conditions.\n")] == [
        "Fisheries Ministry Spokesperson"]


def test_a_transcript_keeps_its_labelled_speakers():
    text = ("Statement of the Norwegian Ministry of Fisheries on the quota dispute\n\n"
            "Anna Lund: The talks broke down because the other side walked out.\n"
            "We call on Denmark to return to the negotiating table without conditions.\n")
    assert [who for _, who, _ in found(text)] == ["Anna Lund"]


def test_we_inside_a_quotation_is_still_its_speaker():
    text = ("Statement of the Norwegian Ministry of Fisheries on the quota dispute\n\n"
            '"We call on Denmark to return to the talks," said Anna Lund, the fisheries minister.\n')
    assert [who for _, who, _ in found(text)] == ["Anna Lund"]


def test_a_group_issuing_a_statement_is_its_we():
    text = ("Nordic Leaders Statement on the quota dispute\n\n"
            "We condemn the seizure of the trawler by the coast guard.\n")
    assert [(rule, who) for rule, who, _ in found(text)] == [("condemn", "Nordic Leaders")]
