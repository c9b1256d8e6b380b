"""Where a claim's content stops, and what an appositive says about the speaker's type."""

from constructions import analysed, check, found


def test_a_dash_and_another_speakers_clause_end_the_content():
    text = ("The minister described the affair as a crackdown on fraud - and the BBC's Anna Berg "
            "in Oslo says the bridge is doomed.")
    assert ("describe-as", "The minister", "the affair as a crackdown on fraud") == \
        next((r, text[c.speaker_start:c.speaker_end], text[c.text_start:c.text_end])
             for c in analysed(text) for r in [c.rule] if r == "describe-as")


def test_a_dash_without_another_speaker_keeps_the_content_whole():
    check("The minister said the harbour would reopen - and that the ferry would run.",
          ("said-clause", "The minister", "the harbour would reopen - and that the ferry would run"))


def test_a_participle_cue_with_a_colon_opens_a_second_statement():
    check('Ms Berg said the talks had gone well adding: "We will meet again in May."',
          ("said-clause", "Berg", "the talks had gone well"))


def test_a_participle_that_modifies_a_noun_stays_in_the_content():
    check("Ms Berg said she had read published reports alleging that the deal was signed.",
          ("said-clause", "Berg", "she had read published reports alleging that the deal was signed"))


def test_an_appositive_headed_by_a_business_noun_makes_an_organisation():
    (claim,) = analysed("Halden Re, the world's third biggest reinsurer, said profits would fall.")
    assert (claim.speaker.name, claim.speaker.type) == ("Halden Re", "organization")
    (claim,) = analysed("Anna Berg, the head of the bank, said profits would fall.")
    assert (claim.speaker.name, claim.speaker.type) == ("Anna Berg", "person")


def test_a_business_noun_before_a_name_makes_an_organisation():
    (claim,) = analysed("Security firm Harbour Shield said it stopped 30,000 copies of the virus.")
    assert (claim.speaker.name, claim.speaker.type) == ("Harbour Shield", "organization")
    (claim,) = analysed("Carmaker Nordvik said sales would rise.")
    assert (claim.speaker.name, claim.speaker.type) == ("Nordvik", "organization")
    (claim,) = analysed("Bank economist Anna Berg said prices would rise.")
    assert (claim.speaker.name, claim.speaker.type) == ("Anna Berg", "person")


def test_the_fed_is_an_organisation():
    (claim,) = analysed("The Fed said rates would rise again in December.")
    assert (claim.speaker.name, claim.speaker.type) == ("Fed", "organization")


def test_a_source_with_a_post_modifier_runs_to_the_comma():
    check("According to a registration document filed with the harbour authority, the ferry firm "
          "plans to raise $100m.",
          ("according-to", "registration document", "the ferry firm plans to raise $100m"))


def test_a_preposition_inside_a_name_is_not_the_frames():
    check("The committee blamed the Department for Transport for a lack of leadership.",
          ("blame-for", "committee", "a lack of leadership"))
    check("The mayor blamed Norway for the delays.", ("blame-for", "The mayor", "the delays"))


def test_a_business_noun_first_in_the_sentence():
    (claim,) = analysed("Distributor Nordic Pictures said filming will begin next year.")
    assert (claim.speaker.name, claim.speaker.type) == ("Nordic Pictures", "organization")


def test_a_contrast_opens_another_speakers_clause_without_a_comma():
    check("He said the changes provided a solution but some MPs argue the situation is still unclear.",
          ("said-clause", "He", "the changes provided a solution"),
          ("said-clause", "some MPs", "the situation is still unclear"))
    check("He said the changes provided a solution but that more work was needed.",
          ("said-clause", "He", "the changes provided a solution but that more work was needed"))


def test_a_clause_after_a_time_phrase_keeps_its_own_that():
    check("A spokesman said on Sunday it had no evidence that Mr Berg had lined up finance for a bid.",
          ("said-clause", "A spokesman", "it had no evidence that Mr Berg had lined up finance for a bid"))


def test_a_participle_cue_right_after_the_cue_starts_the_content_after_it():
    check("People turned out to show support, he said adding that foxes had been killed legally.",
          ("said-that", "he", "foxes had been killed legally"))


def test_a_channel_number_stays_in_the_listener():
    check("The former commissioner told Radio 4's Today the government's response would be scrutinised.",
          ("said-clause", "The former commissioner", "the government's response would be scrutinised"))
    # (a programme is a medium: the told-outlet rule takes it, with the same content)
    check("The former commissioner told BBC Radio 4's Today programme the response would be scrutinised.",
          ("told-outlet-that", "The former commissioner", "the response would be scrutinised"))


def test_a_stance_verbs_object_ends_where_another_subjects_clause_joins():
    check("Germany also proposed a freeze and Canada has begun its own moratorium.",
          ("stance-verb", "Germany", "also proposed a freeze"))
    check("The minister said the plan was good and Canada has agreed to it.",
          ("said-clause", "The minister", "the plan was good and Canada has agreed to it"))


def test_the_subjects_next_deed_is_no_part_of_what_was_said():
    """"called the sale illegal and has turned to the courts": the writer tells what the
    speaker did next; the claim is "the sale illegal"."""
    assert [c for _, _, c in found("Nordgas has called the sale illegal and has turned to the courts in Oslo.")] \
        == ["the sale illegal"]


def test_however_opens_another_clause():
    assert [c for _, _, c in found(
        "Nordgas said sales fell 9% in May, however it did acknowledge that exports had held up.")] \
        == ["sales fell 9% in May", "exports had held up"]


def test_a_reduced_relative_keeps_its_noun_phrase_with_a_name_inside():
    assert [c for _, _, c in found(
        "Lund attacked the hidebound Harbour party he said would close the port with its cuts.")] \
        == ["the hidebound Harbour party he said would close the port with its cuts"]


def test_a_stance_object_ends_at_the_subjects_next_deed_in_the_past():
    assert [c for _, _, c in found("Lund denied the charges and ended her speech with a warning.")] == ["the charges"]


def test_saying_farewell_and_answering_questions_report_no_words():
    assert found("The striker can say farewell to the cup.") == []
    assert found("The mayor answered questions from readers on the radio.") == []


def test_a_stance_object_ends_where_the_writers_clause_with_its_own_subject_begins():
    # (rule object-ends-at-new-clause: a lower-case subject and a past verb with an adverb or number)
    assert [c for _, _, c in found("Dealers broadly welcomed the bank's rate cut and bonds traded largely flat.")] \
        == ["the bank's rate cut"]
    assert [c for _, _, c in found("Unions welcomed the offer and fares rose 4% in a day.")] == ["the offer"]
    assert [c for _, _, c in found("Unions welcomed the offer and measures aimed at cutting queues.")] \
        == ["the offer and measures aimed at cutting queues"]
    assert [c for _, _, c in found("Farmers welcomed the levy and other widely held rules.")] \
        == ["the levy and other widely held rules"]


def test_a_which_clause_after_a_noun_that_is_also_a_title_keeps_its_noun_phrase():
    # ("party" is a title word, "party leader"; without a capitalised name it is no person)
    assert [c for _, _, c in found(
        "Ms Vik set her movement against a weary Harbour party, which she said would sell the port.")] \
        == ["a weary Harbour party, which she said would sell the port"]
    assert [c for _, _, c in found("Ms Vik attacked the party, which she said had lost its way.")] \
        == ["the party, which she said had lost its way"]


def test_an_adjective_in_ed_in_a_list_does_not_end_the_object():
    # "as opaque and overpriced and said": "overpriced" is the list's, not a next deed
    claims = found("The mayor described the ferry plan as opaque and overpriced and added that the vote must wait.")
    assert ("describe-as", "The mayor", "the ferry plan as opaque and overpriced") in claims
