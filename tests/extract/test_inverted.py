"""Content first, attribution after (extract/rules/inverted.py)."""

import pytest
from constructions import check, found


@pytest.mark.parametrize("text, rule, speaker, content", [
    ('"The strike is over," Anna Lund said.', "inverted-said", "Anna Lund", '"The strike is over,"'),
    ('"We will not back down," Anna Lund told reporters on Tuesday.',
     "inverted-said", "Anna Lund", '"We will not back down,"'),
    ('"The strike is over," said Anna Lund, the union leader.',
     "inverted-verb-first", "Anna Lund", '"The strike is over,"'),
    ("The new bridge, officials said, would cost twice as much as planned.",
     "parenthetical-said", "officials", "The new bridge, officials said, would cost twice as much as planned"),
])
def test_attribution_after_the_content(text, rule, speaker, content):
    check(text, (rule, speaker, content))


def test_a_quotation_resumed_after_the_attribution_with_a_new_sentence_is_a_second_claim():
    check('"The strike is over," she said, "We are going back to work."',
          ("inverted-said", "she", '"The strike is over,"'),
          ("quote-resumed", "she", '"We are going back to work."'))


@pytest.mark.parametrize("text, rule, speaker", [
    ('"The strike is over," she said, "and we are going back to work."', "inverted-said", "she"),
    ('"A well-paid crew," argued Mr Holm, "will keep the ferries on time."', "inverted-verb-first", "Holm"),
    ('"In the long run," Ms Vik said, "the new harbour will pay for itself."', "inverted-said", "Vik"),
])
def test_a_quotation_split_by_its_attribution_in_mid_sentence_is_one_claim(text, rule, speaker):
    # (extent rule split-quotation: neither half is stored without the other's subject or verb)
    check(text, (rule, speaker, text))


def test_a_name_given_with_called_is_no_attribution():
    check("The bridge, called the Silver Span, opened in June.")


@pytest.mark.parametrize("text, expected", [
    ("“We come every Sunday,” said one woman with a bicycle.", "one woman"),
    ("“The tickets cost too much,” said a man in a yellow scarf.", "a man"),
])
def test_a_postposed_speaker_described_by_what_they_carry_or_wear_is_the_person(text, expected):
    assert [speaker for _, speaker, _ in found(text)] == [expected]


def test_a_cue_with_an_object_and_an_infinitive_after_a_comma_is_no_inversion():
    # The guards are what was demanded of, not who spoke the clause before.
    check("The guards denied the inspectors any access without a pass, demanded the inspectors to leave "
          "the port, and escorted them out.")
    check("The talks will resume, said the minister to reporters in Oslo.",
          ("inverted-verb-first", "the minister", "The talks will resume"))


def test_an_inverted_attribution_ends_the_claim_that_runs_into_it():
    """"Bergen rules out a ban, says the harbour chief": the stance claim inside the chief's
    words stops before ", says"; it never takes the attribution into its content."""
    assert all(", says" not in content for _, _, content in found(
        "Bergen rules out a fishing ban for the fjord, says the harbour chief."))


def test_a_speaker_who_answers_yes_after_a_quotation_does_not_take_the_words_before():
    assert ("inverted-said", "Vik", '"Are you ready?" he asked, but the crowd was loud') not in found(
        '"Are you ready?" he asked, but the crowd was loud, and as the band played "the old songs," Ms Vik said yes.')
    assert all(s != "Vik" or c.startswith("yes") for _, s, c in found(
        '"Are you ready?" he asked, but the crowd was loud, and as the band played "the old songs," Ms Vik said yes.'))


def test_a_quoted_phrase_inside_another_speakers_words_is_no_inverted_quotation():
    # No comma inside the marks and a cue earlier in the sentence: the quoted phrase is the
    # object of "had promised" inside Verlaine's words, not something New Unity said.
    check("Opposition spokesman Tom Verlaine said instead of the \"great cull of agencies\" New Unity "
          "had promised, there had been a surge of them.\n",
          ("said-clause", "Tom Verlaine",
           "instead of the \"great cull of agencies\" New Unity had promised, there had been a surge of them"))


def test_a_quotation_without_its_comma_is_still_the_speakers_when_no_cue_comes_before():
    # Messy copy drops the comma; with no cue before it the quotation is still the statement.
    check("People have to learn \"safe habits online\" he says, such as ignoring odd e-mails.\n",
          ("inverted-said", "he", "People have to learn \"safe habits online\""))


def test_a_nickname_in_quotation_marks_inside_a_name_is_no_quotation():
    check("Guitarist quits\n\nKarl 'Ace' Vale told a local paper that the band backed his choice.\n",
          ("told-outlet-that", "Vale", "the band backed his choice"))


@pytest.mark.parametrize("text, content", [
    # A guillemet quotation after another sentence of the paragraph is a sentence of its own.
    ("Paul Varin spoke in Lyon on Monday. « A strike now would be madness », he wrote.",
     "« A strike now would be madness »"),
    ("Paul Varin spoke in Lyon on Monday. «A strike now would be madness», he wrote.",
     "«A strike now would be madness»"),
    ("Paul Varin spoke in Lyon on Monday. „A strike now would be madness“, he wrote.",
     "„A strike now would be madness“"),
    # ... also after a guillemet fragment that ends the sentence before it.
    ("Mayor Paul Varin said he feared « a long winter ». « The stocks will not last », the mayor added.",
     "« The stocks will not last »"),
])
def test_a_guillemet_quotation_opening_a_later_sentence_is_the_content(text, content):
    assert ("inverted-said", "Paul Varin", content) in found(text)


@pytest.mark.parametrize("speaker", ["a third diplomat", "a second official", "a third envoy"])
def test_an_ordinal_after_the_article_is_part_of_an_unnamed_speaker(speaker):
    # Wire copy counts its anonymous sources: "a third diplomat said".
    claims = found(f"Talks\n\n\"It will end up as one line in the final text,\" {speaker} said.\n")
    assert [(rule, content) for rule, _, content in claims] == [
        ("inverted-said", "\"It will end up as one line in the final text,\"")]
    assert claims[0][1] in (speaker, speaker.removeprefix("a "))  # ("envoy" is a title: "third envoy")


def test_a_quotation_split_by_an_ordinal_speaker_is_one_claim():
    text = ("Talks\n\n\"It will end up as one line in the final text,\" a third diplomat predicted, "
            "\"and the real work will happen later.\"\n")
    assert [(sp, c[:20]) for _, sp, c in found(text)] == [("a third diplomat", "\"It will end up as o")]


@pytest.mark.parametrize("name", ["Van Hoorn", "De Smet", "Le Maire", "Di Sarno"])
def test_a_surname_with_a_capitalised_particle_after_the_quotation_is_the_speaker(name):
    text = f"“The harbour stays closed until spring,” {name} told journalists after the meeting."
    assert found(text) == [("inverted-said", name, "“The harbour stays closed until spring,”")]


def test_a_plural_subject_makes_an_ambiguous_base_form_a_cue_at_the_end():
    # (rule plural-claim) "claim" after a plural subject ending the sentence is the verb
    assert [(r, s) for r, s, _ in found("The payment problem has been resolved, officials claim.")] == \
        [("inverted-said", "officials")]
    # not after a relative pronoun: "whom critics accuse of ..." is no attribution
    assert found("The enemies are the ministers, whom critics accuse.") == []
