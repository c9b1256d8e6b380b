"""Headlines (extract/rules/headline.py) and speech nouns (extract/rules/speech_noun.py)."""

from constructions import check, found


def test_a_headline_speaker_colon_claim():
    check("Solberg: new bridge will open in June\n\nThe council met on Tuesday.",
          ("headline-colon", "Solberg", "new bridge will open in June"))


def test_a_label_before_a_colon_is_no_speaker():
    assert found("Analysis: new bridge will open in June\n\nThe council met on Tuesday.") == []


def test_a_possessor_said_what_its_speech_noun_holds():
    # As the sentence's subject the that-clause ends before the main clause's auxiliary.
    check("Norway's warning that the bridge was unsafe was ignored by the council.",
          ("speech-noun", "Norway", "the bridge was unsafe"))
    check("Danish claims that the ships had entered its waters were dismissed as absurd.",
          ("speech-noun", "Denmark", "the ships had entered its waters"))


def test_elsewhere_the_that_clause_runs_to_the_end_of_the_sentence():
    check("The council ignored Norway's warning that the bridge was unsafe and would fall.",
          ("speech-noun", "Norway", "the bridge was unsafe and would fall"))


def test_where_the_remarks_were_made_may_stand_between_noun_and_that():
    check('The row follows Berg\'s remarks at a crowded rally in the old harbour that "the vote is already lost."',
          ("speech-noun", "Berg", '"the vote is already lost."'))


def test_a_that_after_the_place_without_a_quotation_is_a_relative_clause():
    assert found("The row follows Berg's remarks at a rally that drew thousands to the harbour.") == []


def test_a_countrys_adjective_is_the_possessor_and_the_object_is_its_claim():
    claims = found("The ministry rejected Danish accusations that its trawlers broke the quota deal.")
    assert ("speech-noun", "Denmark", "its trawlers broke the quota deal") in claims
    assert any(rule == "reject" for rule, _, _ in claims)


def test_a_capitalised_word_that_is_no_country_is_no_possessor():
    assert not [c for c in found("The ministry rejected Harbour accusations that the quota was broken.")
                if c[0] == "speech-noun"]
