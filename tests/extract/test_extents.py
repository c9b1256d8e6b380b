"""Where a claim's stored text starts and ends: the extent faults users found when grading."""

import pytest
from constructions import analysed, check, found


def test_that_before_a_finite_verb_is_the_clauses_subject():
    # rule that-as-subject: "that" is what was a mistake, not a complementiser
    check("Olav Brekke said that was a mistake.",
          ("said-clause", "Olav Brekke", "that was a mistake"))
    check("Anna Lund told reporters that would not happen again.",
          ("said-clause", "Anna Lund", "that would not happen again"))


def test_that_before_a_clause_is_still_the_complementiser():
    check("Olav Brekke said that the ferry was late.",
          ("said-that", "Olav Brekke", "the ferry was late"))


def test_a_gathering_told_is_the_listener_not_the_content():
    # rule listener-gathering: the gathering's words stay out of what was said
    check("Anna Lund told a Bergen news conference that the ferry would run again.",
          ("said-that", "Anna Lund", "the ferry would run again"))
    check("The prime minister told his monthly press conference the port would stay open.",
          ("said-clause", "The prime minister", "the port would stay open"))
    check("Anna Lund told the annual party conference that taxes would fall.",
          ("said-that", "Anna Lund", "taxes would fall"))


def test_an_opener_before_the_attribution_is_no_statement():
    # rule opener-not-content: the statement is what follows the aside
    check("As a result, says the committee, the council may need to change the rules.",
          ("parenthetical-said", "committee", "the council may need to change the rules"))
    check("For instance, said Mr Brekke, closing the northern route would cost jobs.",
          ("parenthetical-said", "Brekke", "closing the northern route would cost jobs"))
    check("By contrast, Anna Lund said, the southern ferries were full.",
          ("parenthetical-said", "Anna Lund", "the southern ferries were full"))


def test_a_subject_before_a_verb_first_aside_keeps_the_whole_sentence():
    check("This, said Mr Brekke, should make the harbour safer.",
          ("parenthetical-said", "Brekke", "This, said Mr Brekke, should make the harbour safer"))


def test_a_quoted_opener_is_dropped_for_the_resumed_quotation():
    check('"Also," she said, "the ferries have to run on time."\n',
          ("quote-resumed", "she", '"the ferries have to run on time."'))


def test_a_writers_contrast_after_while_ends_the_claim():
    # rule writer-contrast: another named actor, in the present perfect, after a past cue
    check("Anna Lund said the toll would cut congestion, while the Harbour Party has offered no plan.",
          ("said-clause", "Anna Lund", "the toll would cut congestion"))
    check("Anna Lund said the toll would cut congestion, whereas Bergen is still waiting for its bridge.",
          ("said-clause", "Anna Lund", "the toll would cut congestion"))


def test_a_backshifted_contrast_after_while_stays_the_speakers():
    check("Anna Lund said the toll would cut congestion, while the Harbour Party's plan would raise it.",
          ("said-clause", "Anna Lund", "the toll would cut congestion, while the Harbour Party's plan would raise it"))
    # after a present-tense cue the speaker's words are in the present too: nothing tells them apart
    check("Anna Lund says the toll will cut congestion, while the Harbour Party has no plan.",
          ("said-clause", "Anna Lund", "the toll will cut congestion, while the Harbour Party has no plan"))


def test_a_contrast_with_a_subject_of_its_own_ends_the_claim():
    # rule writer-contrast: ", but"/"; but"/", although"/", though" too, with any noun phrase
    check("Anna Lund said the plan would work, but the figures show a rise in costs.",
          ("said-clause", "Anna Lund", "the plan would work"))
    check("Anna Lund said losses had risen; but the port has stayed open.",
          ("said-clause", "Anna Lund", "losses had risen"))
    check("Anna Lund said prices would fall, though Mr Berg is thought to disagree.",
          ("said-clause", "Anna Lund", "prices would fall"))
    # another speaker's cue ends it whatever the tense
    check("Anna Lund expects prices to fall, but many think they will rise.",
          ("stance-verb", "Anna Lund", "expects prices to fall"))
    check("Anna Lund said prices would fall, although some fear the board might still believe fares must rise.",
          ("said-clause", "Anna Lund", "prices would fall"))


def test_a_contrast_that_may_be_the_speakers_stays():
    # the same subject, a pronoun, a backshifted verb, "but that", a passive or a bare refusal
    check("Anna Lund said she was sorry but would appeal.",
          ("said-clause", "Anna Lund", "she was sorry but would appeal"))
    check("Anna Lund said she was sorry, but she would appeal.",
          ("said-clause", "Anna Lund", "she was sorry, but she would appeal"))
    check("Anna Lund said the plan would work, but the figures showed a rise in costs.",
          ("said-clause", "Anna Lund", "the plan would work, but the figures showed a rise in costs"))
    check("Anna Lund said losses had risen, while sales had fallen.",
          ("said-clause", "Anna Lund", "losses had risen, while sales had fallen"))
    check("Anna Lund said prices would fall, but that wages would rise.",
          ("said-clause", "Anna Lund", "prices would fall, but that wages would rise"))
    check("Anna Lund said the offer was made, but Mr Berg declined.",
          ("said-clause", "Anna Lund", "the offer was made, but Mr Berg declined"))
    check("Anna Lund said the rules were broken, but failed in her attempt to have the race stopped.",
          ("said-clause", "Anna Lund", "the rules were broken, but failed in her attempt to have the race stopped"))
    check('Anna Lund said "prices will fall, but the bank has no plan".',
          ("said-quote", "Anna Lund", '"prices will fall, but the bank has no plan"'))


def test_a_relative_clause_keeps_the_noun_it_is_about():
    # rule relative-antecedent: the claim is that he suffered the injury in training
    check("Brekke missed the final with an injury he said he suffered in training.",
          ("said-clause", "he", "an injury he said he suffered in training"))
    check("Brekke is nursing a knee injury which he said he picked up on Friday.",
          ("said-clause", "he", "a knee injury which he said he picked up on Friday"))


def test_a_relative_clause_without_a_pronoun_ends_before_the_main_verb():
    # rule reduced-relative: what Anna said is about the ring, not that it was found
    check("A silver bracelet and a gold ring Anna said was her mother's were also taken.",
          ("said-clause", "Anna", "a gold ring Anna said was her mother's"))
    check("The ring he said was stolen has been found in Bergen.",
          ("said-clause", "he", "The ring he said was stolen"))
    check("Police found a gold ring Anna said was her mother's.",
          ("said-clause", "Anna", "a gold ring Anna said was her mother's"))
    check("Police found a gold ring Anna said was her mother's, but the bracelet was gone.",
          ("said-clause", "Anna", "a gold ring Anna said was her mother's"))
    # a relative clause inside the subject does not make it an object
    check("A bracelet that was a gift and a gold ring Anna said was her mother's were also taken.",
          ("said-clause", "Anna", "a gold ring Anna said was her mother's"))


def test_a_relative_clause_without_a_pronoun_whose_end_cannot_be_told_gives_no_claim():
    check("The ring Anna said was stolen in May turned up in Bergen.")


def test_an_opening_phrase_before_the_speaker_is_no_antecedent():
    check("In a statement he said he would stay on.", ("said-clause", "he", "he would stay on"))


def test_which_after_a_persons_name_does_not_take_the_name():
    # and without the noun it is about, "were offensive" is no statement (rule gapped-relative)
    check("She made remarks about Mr Brekke, which critics claimed were offensive.")


def test_a_relative_clause_whose_subject_is_the_relative_word_needs_its_noun():
    # rule gapped-relative: the content would be a verb phrase without a subject
    check("He wants to leave the ferry union, which he believes is beyond repair.")
    check("Margins were 14%, which the firm said could reach 16% by 2028.")
    # without a relative word, the noun before the speaker is the subject
    check("The panel named three bands they thought were ready for the big time.",
          ("stance-verb", "they", "three bands they thought were ready for the big time"))
    check("They backed coach Ola Berg, who he believes was the right choice.")
    # an inverted condition is a clause of its own
    check("Anna Lund said had the council acted sooner, the port would be open.",
          ("said-clause", "Anna Lund", "had the council acted sooner, the port would be open"))


def test_what_x_said_was_keeps_what():
    # rule free-relative: "what" is the subject of what was said
    check("Ola Berg was angry at what he believes is a betrayal of the fishermen.",
          ("stance-verb", "Ola Berg", "what he believes is a betrayal of the fishermen"))
    check("The firm published what it said were plans for a new ferry.",
          ("said-clause", "it", "what it said were plans for a new ferry"))


def test_a_place_or_time_phrase_before_that_belongs_to_the_cue():
    # rule setting-before-that
    check("Anna Lund told reporters outside the courthouse that she would appeal.",
          ("said-that", "Anna Lund", "she would appeal"))
    check("Anna Lund told supporters gathered inside the hall that she would appeal.",
          ("said-that", "Anna Lund", "she would appeal"))
    check("Anna Lund told him near the harbour that she would appeal.",
          ("said-that", "Anna Lund", "she would appeal"))
    check("Anna Lund said on Monday that, given the costs, the port would close.",
          ("said-that", "Anna Lund", "given the costs, the port would close"))
    check("Anna Lund told reporters two days ago that she would appeal.",
          ("said-that", "Anna Lund", "she would appeal"))
    # so does an addressee after "to", not an infinitive
    check("The firm denied to Reuters that it was the buyer.",
          ("said-that", "firm", "it was the buyer"))
    check("Harbour chiefs pointed to the fact that quay traffic had been thin.",
          ("said-that", "Harbour chiefs", "quay traffic had been thin"))
    check("Anna Lund pledged to ensure that the port stays open.",
          ("said-infinitive", "Anna Lund", "to ensure that the port stays open"))
    # a thing after "to" is no addressee: its "that" is a relative pronoun or a demonstrative
    check("The ferry crews have agreed to a fresh deal that trims their rota by a day.")
    check("Traders pointed to the herring price's failure this week to hold that gain after the auction.")
    # a word that only looks like a preposition opens the content
    check("Anna Lund said outside experts had found that the port was unsafe.",
          ("said-clause", "Anna Lund", "outside experts had found that the port was unsafe"))


def test_which_x_described_as_names_what_was_described():
    # as "described the plan as reckless": the content names the plan, the target is the plan
    (claim,) = [c for c in analysed("The council approved the toll plan, which Anna Lund described as reckless, on Monday.")
                if c.rule == "describe-as"]
    text = "The council approved the toll plan, which Anna Lund described as reckless, on Monday."
    assert text[claim.text_start:claim.text_end] == "the toll plan, which Anna Lund described as reckless"
    assert text[claim.target_start:claim.target_end] == "the toll plan"


def test_what_x_described_as_has_the_description_only():
    text = "Anna Lund signed what she described as a fair deal, and left."
    (claim,) = [c for c in analysed(text) if c.rule == "describe-as"]
    assert text[claim.text_start:claim.text_end] == "a fair deal"
    assert claim.target_start is None


def test_the_listener_ends_where_the_contents_subject_begins():
    # rule listener-then-subject: a finite verb shows the listener phrase ran on into the subject
    check("Anna Lund told MPs the port would stay open.",
          ("said-clause", "Anna Lund", "the port would stay open"))
    check("Anna Lund told the BBC Olav Brekke had always backed the bridge.",
          ("said-clause", "Anna Lund", "Olav Brekke had always backed the bridge"))
    check("Anna Lund told BBC News Harbour Party members would get a free vote.",
          ("said-clause", "Anna Lund", "Harbour Party members would get a free vote"))


def test_a_clause_joined_after_a_verb_first_aside_is_not_the_statements():
    check("The port would reopen in May, said Anna Lund, and the ferries would run again in June.",
          ("inverted-verb-first", "Anna Lund", "The port would reopen in May"))
    check("The port would reopen in May, said Anna Lund, who runs the ferry company.",
          ("inverted-verb-first", "Anna Lund", "The port would reopen in May"))


def test_a_letter_to_someone_has_content_only_when_its_words_are_given():
    # rule letter-addressee
    check("The ferry company has written to homes and shops likely to be affected by the new pier.")
    check("Anna Lund has written to the harbour master demanding an explanation of the closures.",
          ("said-clause", "Anna Lund", "demanding an explanation of the closures"))
    check("Anna Lund wrote to investors on Monday that the dividend would be cut.",
          ("said-that", "Anna Lund", "the dividend would be cut"))


def test_a_who_clause_after_a_verb_first_speaker_stays_with_the_speaker():
    check('"In the past, I have used the ferry," said Anna Lund who is taking part in the pilot.',
          ("inverted-verb-first", "Anna Lund", '"In the past, I have used the ferry,"'))


def test_an_opener_before_an_aside_in_a_sentence_with_a_quotation():
    check('But, she added, the ferry was "a little slow" this year.',
          ("parenthetical-said", "she", 'the ferry was "a little slow" this year'))


def test_a_time_phrase_before_an_aside_and_a_verb_is_the_subject():
    check("Last year, she said, was all about the new pier.",
          ("parenthetical-said", "she", "Last year, she said, was all about the new pier"))


def test_a_who_clause_after_the_cue_gives_no_antecedent():
    text = "Anyone visiting the page it mentions who then opens the file will be infected."
    assert all(not content.startswith("the page") for _, _, content in found(text))


def test_which_after_a_coordination_or_a_nouns_phrase_takes_no_antecedent():
    # "which" may be about the whole phrase (the merger), not its last noun; without a noun,
    # "will go ahead" is no statement (rule gapped-relative)
    check("The deal follows a merger between Nordvik and Halden which officials have said will go ahead.")


def test_a_phrase_of_when_or_how_before_an_aside_is_part_of_the_statement():
    check("With the new pier, she says, the ferries will be faster.",
          ("parenthetical-said", "she", "With the new pier, she says, the ferries will be faster"))


def test_a_verb_first_aside_before_an_appositive_in_lower_case_is_no_parenthesis():
    check("The port is ready for the season, said Anna Lund, harbour manager at Bergen.",
          ("inverted-verb-first", "Anna Lund", "The port is ready for the season"))


def test_which_without_a_comma_after_a_prepositions_object_takes_no_antecedent():
    # (and "would save money" without it is no statement: rule gapped-relative)
    check("The toll is run by the harbour office which they say would save money.")


def test_a_title_in_lower_case_after_a_verb_first_speaker_is_no_statement():
    text = "Not least, said Anna Lund, senior consultant at the port, because the cranes are old."
    assert all(not content.startswith("senior") for _, _, content in found(text))


@pytest.mark.parametrize("text, speaker, content", [
    ("Per Berg said on Monday that if the talks failed, he would demand that the port be closed.",
     "Per Berg", "if the talks failed, he would demand that the port be closed"),
    ("Anna Lund told the council that while she backs the plan, she does not expect it to pass.",
     "Anna Lund", "while she backs the plan, she does not expect it to pass"),
])
def test_a_subordinate_clause_and_the_speakers_own_main_clause_are_one_claim(text, speaker, content):
    found_claims = found(text)
    assert [(c[1], c[2]) for c in found_claims] == [(speaker, content)]


def test_another_persons_pronoun_after_the_subordinate_clause_still_ends_the_claim():
    # "she" is not John Berg: the clause after the comma is another speaker's.
    claims = found("John Berg said that if the talks failed, she would demand that the port be closed.")
    assert ("John Berg", "if the talks failed") in [(c[1], c[2]) for c in claims]


def test_a_noun_phrase_said_ends_before_the_writers_while_clause():
    check("The council is repeating a 3% growth target, while the Harbour Board is making gloomy forecasts.",
          ("said-object", "council", "a 3% growth target"))
    # a clause said after a present-tense cue may go on into "while ..."
    check("The minister says a deal is close, while the Harbour Board is still reluctant.",
          ("said-clause", "The minister", "a deal is close, while the Harbour Board is still reluctant"))


@pytest.mark.parametrize("text, speaker, content", [
    ("Harbour Bank has reiterated its claim that the sale is still valid.", "Harbour Bank", "the sale is still valid"),
    ("The minister repeated his warning that the port would close.", "The minister", "the port would close"),
])
def test_a_cue_before_its_own_speech_noun_claims_what_the_noun_holds(text, speaker, content):
    assert found(text) == [("said-that", speaker, content)]


@pytest.mark.parametrize("text", [
    "In the South and the Midlands, Nordbank said prices rose by 2% and 1.5% in the two regions respectively.",
    "In both cases, the court said the ferry firm had broken the rules.",
    "In the next few years, Ms Vik believes that ferries will run on hydrogen.",
    "But in 23 cases, owners said the ferries were late.",
])
def test_a_fronted_phrase_saying_where_or_when_the_statement_holds_stays_in_it(text):
    # (rule scope-opener: "the two regions" needs the places the sentence opens with)
    [(_, _, content)] = found(text)
    assert content == text.removeprefix("But ").rstrip(".")


@pytest.mark.parametrize("text", [
    "In a statement, Nordbank said prices rose.",
    "In January, Nordbank said prices rose.",
    "In addition, Nordbank said prices rose.",
    "In the Commons, Ms Vik said prices rose.",
    "In its annual report, Nordbank said prices rose.",
    "In a lecture at the Bergen School of Trade, Ms Vik said prices rose.",
])
def test_a_fronted_phrase_saying_where_or_when_the_words_were_said_stays_out(text):
    assert [c for _, _, c in found(text)] == ["prices rose"]


@pytest.mark.parametrize("text, speaker, content", [
    # The question put to the speaker, set off by commas, holds verbs of its own.
    ("Kremlin spokesman Ivan Dorn, asked on Friday whether the envoys expected a deal soon, "
     "said there were many open points.", "Ivan Dorn", "there were many open points"),
    ("Ivan Dorn, asked whether the border would reopen, told reporters it would stay shut.",
     "Ivan Dorn", "it would stay shut"),
])
def test_an_asked_aside_between_speaker_and_cue_keeps_the_speaker(text, speaker, content):
    assert any(s == speaker and c == content for _, s, c in found(text))


def test_concluding_a_visit_is_an_act_and_concluding_that_is_speech():
    assert found("Foreign Minister Lin Qiao has just concluded his visit to Oslo.") == []
    assert found("Foreign Minister Lin Qiao concluded the talks in Oslo on Friday.") == []
    assert ("said-clause", "report", "the harbour had been dredged too late") in found(
        "The report concluded the harbour had been dredged too late.")
    # A clause whose verb comes after a relative clause is still what was concluded.
    assert any(s == "panel" for _, s, _ in found(
        'The panel concluded the risk of fines, which rose in May, "had a deep effect".'))


def test_a_listener_ending_in_an_outlet_is_not_split_before_a_plural_subject():
    assert ("said-clause", "Anna Lund", "teachers had long wanted such a course") in found(
        "Anna Lund, head of the trust, told BBC News teachers had long wanted such a course.")


@pytest.mark.parametrize("text, content", [
    # A role noun ends the listener; the name after it opens the content, whose verb is in -s.
    ("Finnish president tells Swedish counterpart Helsinki remains open to talks\n\nThe leaders met on Friday.\n",
     "Helsinki remains open to talks"),
    ("The minister told his Danish counterpart Oslo remains a close partner.",
     "Oslo remains a close partner"),
])
def test_a_role_noun_listener_then_a_named_subject(text, content):
    assert any(c == content for _, _, c in found(text))


@pytest.mark.parametrize("text", [
    "Anna Lund said a day later that her party would never back the toll.\n",
    "Anna Lund said two weeks later that her party would never back the toll.\n",
    "Anna Lund said the next morning that her party would never back the toll.\n",
])
def test_a_relative_time_between_the_cue_and_that_is_no_content(text):
    assert found(text) == [("said-that", "Anna Lund", "her party would never back the toll")]


@pytest.mark.parametrize("text", [
    "In Washington, a Treasury spokeswoman said the sanctions would stay.",
    "In Norway, the fisheries minister said the sanctions would stay.",
])
def test_a_fronted_country_or_capital_is_where_the_words_were_said(text):
    assert [c for _, _, c in found(text)] == ["the sanctions would stay"]
