"""Transcripts: a speaker label, a colon and the speaker's words (extract/rules/speaker_label.py)."""

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
          ("speaker-label", "ANNA LUND", "Colleagues, we will send more ships to the region"))


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
