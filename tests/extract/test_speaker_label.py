"""Transcripts: a speaker label, a colon and the speaker's words (extract/rules/speaker_label.py)."""

import pytest
from constructions import check, found


def test_a_full_name_before_a_colon_labels_the_speakers_words():
    check("The minister spoke to the radio on Monday.\n"
          "Anna Lund: Norway will send more ships to the region.\n",
          ("speaker-label", "Anna Lund", "Norway will send more ships to the region"))


def test_an_initial_and_a_surname_label_after_a_question_on_the_same_line():
    check("Tom Berg: Will Norway send more ships? A.Lund: We will send two more ships this year.\n",
          ("speaker-label", "A.Lund", "We will send two more ships this year"))


def test_a_label_in_capitals_names_its_person_last():
    check("PRIME MINISTER OF NORWAY ANNA LUND : Colleagues, we will send more ships to the region.\n",
          ("speaker-label", "Anna Lund", "Colleagues, we will send more ships to the region"))


def test_cues_inside_the_labelled_words_are_the_speakers_own():
    check("Anna Lund: I said in March that we would send more ships.\n",
          ("speaker-label", "Anna Lund", "I said in March that we would send more ships"))


def test_a_label_that_names_no_person_claims_nothing():
    assert found("Host: Our correspondent spoke to the minister in Oslo.\n") == []
    assert found("Note: The figures were revised in March.\n") == []
    assert found("Oslo: The city council will meet on Monday.\n") == []


def test_a_headline_or_a_title_before_a_colon_is_no_label():
    assert found("Veto Power Impedes Peace Efforts: the council has failed again.\n"
                 "The veto power of the council was debated.\n") == []
    assert found("The senator spoke on Monday.\n"
                 "Anna Lund: Norway Will Send More Ships to the Region.\n") == []
    assert found("Anna Lund: The Oslo Fishing Fleet's first-ever festival.\n") == []


def test_a_name_and_a_colon_inside_a_paragraph_is_no_label():
    assert found("The gallery will open in May. Anna Lund: The Fishing Years will feature prints.\n") == []


def test_an_honorific_with_its_full_stop_opens_a_label():
    check("Mr. Berg: The quota talks have failed for the third time.\n",
          ("speaker-label", "Berg", "The quota talks have failed for the third time"))


def test_a_briefing_label_in_capitals_is_the_person_the_heading_names():
    check("Fisheries briefing with spokesperson Anna Lund\n\n"
          "MS. LUND: Norway will send two more ships to the region.\n"
          "QUESTION: When will they sail?\n"
          "MS. LUND: The ships will sail in May, as planned.\n",
          ("speaker-label", "Anna Lund", "Norway will send two more ships to the region"),
          ("speaker-label", "Anna Lund", "The ships will sail in May, as planned"))


def test_an_answer_label_is_the_interviewee_the_headline_names_before_its_colon():
    check("Lund: Norway will not give up its fishing rights\n\n"
          "In an interview with a Danish weekly, Norwegian Fisheries Minister Anna Lund spoke about the quotas.\n"
          "Question: Minister, will Norway leave the talks?\n"
          "Answer: We are not leaving, but our patience is running out.\n"
          "Q: And the quotas?\n"
          "A: The quotas must be set by science, not by politics.\n",
          ("headline-colon", "Anna Lund", "Norway will not give up its fishing rights"),
          ("speaker-label", "Anna Lund", "We are not leaving, but our patience is running out"),
          ("speaker-label", "Anna Lund", "The quotas must be set by science, not by politics"))


def test_an_answer_label_is_the_one_asked_not_the_interviewer():
    for lead in ("Tom Berg of the Danish weekly talked to Norwegian Fisheries Minister Anna Lund.",
                 "Our correspondent Tom Berg talked to Anna Lund, who heads the fishermen's union."):
        check("An interview on the quotas\n\n" + lead + "\n"
              "Question: Will Norway leave the talks?\n"
              "Answer: We are not leaving, but our patience is running out.\n",
              ("speaker-label", "Anna Lund", "We are not leaving, but our patience is running out"))


def test_an_answer_label_with_nobody_named_before_the_questions_claims_nothing():
    assert found("The quiz\n\nQuestion: Which country has the longest coast?\n"
                 "Answer: Canada has the longest coastline in the world.\n") == []
    assert found("Anna Lund spoke to the fishermen on Monday.\n"
                 "Answer: Canada has the longest coastline in the world.\n") == []


def test_a_surname_alone_labels_the_person_the_text_names_in_full():
    check("Talks on the quotas\n\nAnna Lund spoke to reporters on Monday.\n"
          "LUND: Our boats are only returning fire.\n",
          ("speaker-label", "Anna Lund", "Our boats are only returning fire"))
    check("Talks on the quotas\n\nThe minister spoke to reporters on Monday.\n"
          "Lund: Our boats are only returning fire.\n")
    check("Talks on the quotas\n\nWestern Norway was calm on Monday.\n"
          "Norway: The boats are only returning fire.\n")


def test_a_role_in_parentheses_after_the_name():
    check("Press conference\n\nAnna Lund (Fisheries Minister): Norway will send two more ships to the region.\n",
          ("speaker-label", "Anna Lund", "Norway will send two more ships to the region"))
    check("Press conference\n\nANNA LUND (FISHERIES MINISTER): Norway will send two more ships to the region.\n",
          ("speaker-label", "Anna Lund", "Norway will send two more ships to the region"))


def test_a_title_of_office_before_the_name():
    check("Press conference\n\nPresident of Norway Anna Lund: Norway will send two more ships to the region.\n",
          ("speaker-label", "Anna Lund", "Norway will send two more ships to the region"))


def test_words_in_the_present_without_an_auxiliary():
    check("Briefing with spokesperson Anna Lund\n\nMS. LUND: We see strong evidence that Denmark supports them.\n",
          ("speaker-label", "Anna Lund", "We see strong evidence that Denmark supports them"))
    check("Briefing with spokesperson Anna Lund\n\nMS. LUND: Norway supports the new quotas for the northern fleet.\n",
          ("speaker-label", "Anna Lund", "Norway supports the new quotas for the northern fleet"))
    check("Press conference\n\nAnna Lund: The Oslo Fishing Fleet's first-ever festival.\n")


def test_a_role_in_lower_case_before_the_name_of_the_label():
    check("The siege went on for a week.\n"
          "Rebel commander Ivan Grin: \"We will hold the bridge until the spring.\"\n",
          ("speaker-label", "Ivan Grin", '"We will hold the bridge until the spring."'))


def test_a_role_in_lower_case_without_a_name_labels_nobody():
    assert found("The siege went on for a week.\nRebel commander: we will hold the bridge until spring.\n") == []


def test_a_label_repeated_down_a_transcript_labels_turns_that_do_not_read_as_clauses():
    # Present-tense plural verbs and the like: the label's repetition tells a transcript.
    text = ("Briefing of the Foreign Ministry\n\n"
            "Lin Qiao: Our position on the port has not changed.\n\n"
            "Tom Berg: Is the ministry in touch with Oslo?\n\n"
            "Lin Qiao: China and Norway maintain close contacts at every level.\n")
    assert ("speaker-label", "Lin Qiao", "China and Norway maintain close contacts at every level") in found(text)


def test_a_question_turn_at_a_briefing_claims_nothing():
    text = ("Briefing of the Foreign Ministry\n\n"
            "Nordic Radio: The minister visited Oslo on Monday. Could you tell us more?\n\n"
            "Lin Qiao: The two sides agreed to keep in close touch.\n")
    assert found(text) == [("speaker-label", "Lin Qiao", "The two sides agreed to keep in close touch")]


def test_a_body_acronym_and_a_title_before_the_name_and_a_title_alone_as_a_later_label():
    text = ("Press conference by NATO Secretary General Anna Lund\n\n"
            "NATO Secretary General Anna Lund: Allies agreed today to send more air defence.\n\n"
            "Q (Nordic Radio): Will there be more?\n\n"
            "NATO Secretary General: Allies will decide that in June.\n")
    check(text, ("speaker-label", "Anna Lund", "Allies agreed today to send more air defence"),
          ("speaker-label", "Anna Lund", "Allies will decide that in June"))


def test_a_title_alone_that_the_text_gives_nobody_is_no_label():
    assert found("Council notes\n\nThe Secretary General: Allies will decide that in June.\n") == []


def test_a_repeated_label_before_a_list_of_names_claims_nothing():
    text = ("Rovers 2-1 City\n\nRovers: Lund, Berg, Moen.\nSubs Not Used: Dahl, Vik.\n\n"
            "City: Olsen, Holm, Strand.\nSubs Not Used: Aas, Rud.\n")
    assert found(text) == []


def test_a_region_heading_of_a_round_up_is_no_label():
    # Round-ups of overnight attacks open each paragraph with the region they report on; the
    # speaker is the official the sentence names, not the region.
    check("Shelling hits three regions, officials say\n\n"
          "Tver Oblast: The regional governor, Pavel Sorin, said two houses were hit near the border.\n"
          "A woman was hurt, he said.\n",
          ("inverted-said", "officials", "Shelling hits three regions"),
          ("said-clause", "Pavel Sorin", "two houses were hit near the border"),
          ("inverted-said", "Pavel Sorin", "A woman was hurt"))
    assert [sp for _, sp, _ in found("Tver Oblast: The mayor, Pavel Sorin, said the bridge was closed.\n")] \
        == ["Pavel Sorin"]


def test_a_newsletter_section_in_capitals_is_no_label():
    # A briefing's section head in capitals is made of words the text writes in lower case.
    claims = found("Morning briefing\n\n"
                   "FISHING QUARREL: One diplomat told us the Danish delegation would not move on quotas.\n"
                   "The quarrel over fishing has lasted a year.\n")
    assert [(sp, text) for _, sp, text in claims] == [
        ("One diplomat", "the Danish delegation would not move on quotas")]
    claims = found("FACT CHECK: No, the mayor did not promise to close the port\n\n"
                   "The mayor of Tromsø said on Monday the port would stay open.\n")
    assert [sp for _, sp, _ in claims] == ["The mayor of Tromsø"]


def test_the_labelled_words_may_open_with_a_guillemet():
    check("Talks\n\nAnna Lund spoke to reporters on Monday.\nQ: Is it a drift?\n"
          "LUND: «Drift» is a word I would avoid.\n",
          ("speaker-label", "Anna Lund", "«Drift» is a word I would avoid"))


@pytest.mark.parametrize("text, rule", [
    ("Shelling overnight\n\nTver Oblast: A school was hit in Rzhev, according to Governor Pavel Sorin.\n",
     "according-to"),
    ("Shelling overnight\n\nTver Oblast: A school was hit in Rzhev, Governor Pavel Sorin said.\n", "inverted-said"),
])
def test_a_region_heading_is_no_part_of_the_content_after_it(text, rule):
    assert found(text) == [(rule, "Pavel Sorin", "A school was hit in Rzhev")]
