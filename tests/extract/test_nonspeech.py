"""Cue words that report an act, a sighting or a crowd's mood give no claim
(extract/rules/nonspeech.py), while their speech uses still do."""

import pytest
from constructions import check, found

from claimsdb.extract.rules.nonspeech import CHECKS


@pytest.mark.parametrize("text", [
    "The monitors observed a convoy of trucks marked as aid moving west.",
    "The monitors observed long queues of cars waiting at the checkpoint.",
    "The airline posted a record profit for the first half of the year.",
    "The brewer posted a 12% rise in annual sales.",
    "The union agreed to pay the fine by March.",
    "The board agreed a new contract with the pilots.",
    "The ferry company declined to provide a forecast for the spring.",
    "The government confirmed plans for a new bridge.",
    "The coach highlighted the work of his defenders.",
    "The inspectors noted 40 lorries queuing at the port gate.",
    "The inspectors noted a line of nine trucks heading north.",
    "The senators supported the sanctions.",
    "The mayor and his deputy refused a severance package.",
    "He pointed to international plans to invest in schools.",
    "Mr Brown first proposed the idea earlier this week.",
    "Among sweeteners reported to have been discussed by Mr Berg were plans to move the market.",
    "The farmer revealed what she knew about the harvest.",
    "The inspectors noted a line of nine covered trucks (make unknown) heading north.",
    "The monitors also observed in the town five trucks escorted by a “police” car, moving west.",
])
def test_sighting_or_act(text):
    check(text)


@pytest.mark.parametrize("text, rule, speaker, content", [
    ("The monitors observed that the convoy was moving west.",
     "said-that", "monitors", "the convoy was moving west"),
    ("The coach noted several factors left him disillusioned.",
     "said-clause", "The coach", "several factors left him disillusioned"),
    ("Ms Berg confirmed on Monday “the ferry will run again”.",
     "said-quote", "Berg", "“the ferry will run again”"),
    ("The firm announced it would cut 500 jobs.",
     "said-clause", "firm", "it would cut 500 jobs"),
    ("Mr Brown proposed that the debt be frozen.",
     "said-that", "Brown", "the debt be frozen"),
    ("Ms Berg noted the significance of the ferry contract.",
     "said-object", "Berg", "the significance of the ferry contract"),
    ("Anna Berg confirmed she would stand again in May.",
     "said-clause", "Anna Berg", "she would stand again in May"),
    ("The police revealed the drug, a stimulant, was found in the car.",
     "said-clause", "police", "the drug, a stimulant, was found in the car"),
    ("Anna Berg agreed it was a difficult decision for the council.",
     "stance-verb", "Anna Berg", "agreed it was a difficult decision for the council"),
])
def test_the_same_verbs_before_a_clause_report_speech(text, rule, speaker, content):
    check(text, (rule, speaker, content))


def test_a_colon_after_the_object_introduces_the_words():
    text = 'The farmer also revealed the size of the harvest:\n"Six helicopters landed.\nThey were not seen."'
    assert ("quote-over-lines", "The farmer", '"Six helicopters landed.') in found(text)


@pytest.mark.parametrize("text", [
    "The ministry declined to comment on the report.",
    "Anna Berg refused to say whether she would stand again.",
    "The harbour master refused to confirm the closure.",
])
def test_refusal_to_speak(text):
    check(text)


def test_a_refusal_to_rule_something_out_is_a_stance():
    check("The mayor refused to rule out a tax rise next year.",
          ("stance-verb", "The mayor", "refused to rule out a tax rise next year"))


@pytest.mark.parametrize("text", [
    "Many fear the plant will close before the winter.",
    "Most Danes believe the bridge was a mistake.",
    "Investors had worried that the vote would be inconclusive.",
    "About 4% of those polled thought the ferry was too slow.",
    "Many of the residents think the bridge was a mistake.",
])
def test_crowd_belief(text):
    check(text)


@pytest.mark.parametrize("text", [
    "Almost a third (31%) of those polled for the Harbour Times said the fees were too high.",
    "Most of those questioned by Nordpoll said the fees were too high.",
])
def test_a_polls_respondents_are_not_the_paper_it_was_made_for(text):
    check(text)


def test_a_named_group_or_a_counted_set_still_believes_aloud():
    check("Some analysts believe the fall in prices will continue.",
          ("stance-verb", "Some analysts", "believe the fall in prices will continue"))
    check("All agreed the bridge was a mistake.",
          ("stance-verb", "all", "agreed the bridge was a mistake"))
    check("Investors said the vote would be inconclusive.",
          ("said-clause", "Investors", "the vote would be inconclusive"))


@pytest.mark.parametrize("text", [
    "The album Harbour Lights confirmed his status as a star.",
    "The victory underlined their title credentials.",
    "The storm signalled the end of the sailing season.",
    "Mr Berg is in prison, having been charged with fraud and repeatedly denied bail.",
    # whom it was refused, then what: "denied the inspectors any access" (an act)
    "The border guard denied the inspectors any access to the port.",
    "The police denied foreign reporters entry to the town.",
    "A second-half goal from Anna Berg condemned Halden to a ninth game without a win.",
])
def test_mute_speaker(text):
    check(text)


def test_a_person_named_beside_a_mute_noun_speaks():
    check("Film director Anna Berg said the sequel would be shot in Norway.",
          ("said-clause", "Anna Berg", "the sequel would be shot in Norway"))


@pytest.mark.parametrize("text", [
    "The council should explain why the harbour closed.",
    "The government should make clear how it intends to pay for the bridge.",
    "The minister needs to explain what went wrong.",
])
def test_obliged_to_speak(text):
    check(text)


@pytest.mark.parametrize("text", [
    "Asked whether he believed the talks would fail, the mayor smiled.",
    "It is unclear if she thinks the harbour should close.",
    "The deal stands only if the council agreed that the fees were fair.",
    "A reporter from a Danish paper asked if the ferry talks had collapsed.",
    "One correspondent asked whether the harbour fees would rise in May.",
    "A journalist wondered whether the striker would be fit on Saturday.",
])
def test_asked_not_said(text):
    check(text)


@pytest.mark.parametrize("text, speaker", [
    ("An aide, who asked not to be named, said the vote was close.", "An aide"),
    ("A senior official who requested anonymity said the vote was close.", "A senior official"),
    ("The lawyer, who declined to be identified, said the vote was close.", "The lawyer"),
    ("Two diplomats who asked not to be named said the vote was close.", "Two diplomats"),
    ("Port officials who declined to be named said the vote was close.", "Port officials"),
    ("A senior aide who asked not to be identified said the vote was close.", "A senior aide"),
])
def test_anonymity_request(text, speaker):
    """Asking to stay unnamed is the terms of the interview: only what was said is a claim."""
    check(text, ("said-clause", speaker, "the vote was close"))


def test_a_politicians_question_may_still_make_a_point():
    check("The mayor asked whether anyone really believed the harbour fees were fair.",
          ("said-clause", "The mayor", "whether anyone really believed the harbour fees were fair"))


def test_asking_someone_to_act_is_still_a_demand():
    # (said-object: `claims query` shows "asked" before its object)
    check("The mayor asked the council to freeze the harbour fees.",
          ("said-object", "The mayor", "the council to freeze the harbour fees"))


def test_the_answer_to_a_question_is_still_a_claim():
    check('Asked by reporters if he thought the plan was sound, Ola Berg said: "It is sound."',
          ("said-colon", "Ola Berg", '"It is sound."'))


def test_even_if_concedes_what_was_said():
    check("The team won, even if the coach admitted that the pitch was poor.",
          ("said-that", "the coach", "the pitch was poor"))


def test_an_object_ends_where_the_next_cue_begins():
    check("Ford, which posted its ninth consecutive drop in monthly sales, said it was cutting production.",
          ("said-clause", "Ford", "it was cutting production"))


def test_a_polls_share_and_a_noun_ending_a_headline():
    check("The report showed that 27% of consumers asked are interested in portable music players.")
    check("US bank 'loses' customer details\n\nThe bank said on Monday that records were stolen.",
          ("said-that", "bank", "records were stolen"))


def test_a_statement_announced_for_later_is_still_a_claim():
    check("The council will say that the harbour is safe.",
          ("said-that", "council", "the harbour is safe"))


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_each_check_turns_down_its_own_example(name):
    check(CHECKS[name][1])


def test_a_passive_asked_with_it_has_no_speaker():
    check("In the US is it expected to cost $250.")


@pytest.mark.parametrize("text", [
    "The ministry said prices had risen, and responded to the concerns raised.",
    "Asked about the defeat, they responded well.",
])
def test_a_lone_participle_or_adverb_is_no_content(text):
    assert all(c.strip(".") not in ("raised", "well") for _, _, c in found(text))


def test_added_to_a_thing_is_no_speech_but_added_to_listeners_is():
    # check added-to: "added to" the pressure, speculation or a club's woes reports no words
    check("The defeat has added to the pressure on the coach.")
    check("Anna Lund's goal added to Bergen's woes on Saturday.")
    check("Anna Lund added to reporters that the club would not sell the striker.",
          ("said-that", "Anna Lund", "the club would not sell the striker"))


def test_added_an_amount_is_a_market_move():
    # check added-amount: shares or an index that "added" an amount report no words
    check("Rumours lifted Vikcorp's shares on Friday. They added a further 4.2% to $19.10 in late trading.")
    check("The Vikland index added 35 points on Monday.")
    check("Anna Lund added 5% of the budget had been wasted.",
          ("said-clause", "Anna Lund", "5% of the budget had been wasted"))


@pytest.mark.parametrize("text", [
    "Teenagers questioned for a survey have shown little interest in the vote.",
    "Cold weather in the north threatened stocks of heating oil.",
    "The striker will add the trophy to his collection.",
    "Lund added a second goal in the last minute.",
])
def test_respondents_weather_and_adding_things_say_nothing(text):
    """Respondents questioned for a survey, the weather somewhere, and "add" before a thing
    (a goal, a trophy) report no speech; "added that ..." and "he added" still do."""
    check(text)
    check('"We are ready," Lund added.', ("inverted-said", "Lund", '"We are ready,"'))


@pytest.mark.parametrize("text", [
    "The firm had initially hoped to sell the drug in Norway.",
    "Three ferry firms are all expected to raise their fares.",
])
def test_a_past_plan_and_a_passive_expectation_are_narrated(text):
    """"had hoped to" tells a plan the writer narrates; "are all expected to" is the writer's
    expectation (a passive), not what the firms said."""
    check(text)


@pytest.mark.parametrize("text", [
    "The ministry did not say how many ferries had sunk.",
    "Anna Lund would not say whether the harbour would close.",
    "The mayor has not told reporters when the bridge will reopen.",
    "The harbour office did not say who had closed the gate.",
    "Police would not say whether anyone had been arrested.",
    "The ministry has not disclosed how many ferries were sold.",
])
def test_a_negated_cue_before_a_question_word_is_left_unsaid(text):
    check(text)


def test_a_clause_left_unsaid_still_ends_the_claim_before_it():
    check("Fishermen urged the council to keep going, but the ministry has not said whether it will appeal.",
          ("urge", "Fishermen", "the council to keep going"))


@pytest.mark.parametrize("text", [
    "Several traders, who had expected the board to hold rates, were caught out.",
    "Traders had feared the harbour would close for the winter.",
])
def test_a_belief_in_the_past_perfect_is_narrated_not_said(text):
    check(text)


@pytest.mark.parametrize("text", [
    "If the ferry sank, people would say the harbour was cursed.",
    "Everyone will say the bridge came too late.",
    "If she had lost, she would say the course was too hard.",
])
def test_imagined_speech_is_no_claim(text):
    # (check imagined-speech: what someone imagines would be said, not words said)
    check(text)


def test_a_modal_before_a_deed_or_without_a_condition_still_reports():
    assert [r for r, _, _ in found("If they failed, the council could deny them permits until the work was done.")] \
        == ["deny"]
    assert [c for _, _, c in found("A spokeswoman would say only that the talks were going on.")] \
        == ["only that the talks were going on"]


def test_a_verb_after_an_adverbial_opener_makes_no_clause_of_an_act_verbs_object():
    # "added" before a noun phrase is no speech; the verb after "after" is the adverbial clause's
    check("The shares added a further 5% to 310p in late trading after the market had closed.")
    assert [c for _, _, c in found("The ferry firm confirmed the crossing would run after the storm had passed.")] \
        == ["the crossing would run after the storm had passed"]


def test_a_relative_clause_whose_infinitive_lacks_its_object_is_no_claim():
    # (rule gapped-infinitive: "the savings it hoped to find" is a noun phrase)
    check("The ferry firm gave no figure for the savings it hoped to find by 2030.")
    assert [c for _, _, c in found("The ferry firm said it expected to make a profit next year.")] \
        == ["it expected to make a profit next year"]


def test_a_belief_after_may_might_or_could_is_a_guess():
    # check imagined-speech: someone's guess at a belief, no view voiced
    assert [c for c in found("Anna Lund fears the bank might still believe rates must rise.") if c[1] == "bank"] == []
    assert found("Anna Lund could not believe the goal was given.") != []


@pytest.mark.parametrize("text", [
    "Anna Lund said goodbye to the crew.",
    "Anna Lund said a prayer for the crew.",
    "The bishop said grace before the meal.",
    "The coach called up the young striker.",
    "The club called off the match.",
    "Anna Lund claimed the individual titles at the Bergen meeting.",
    "The visitors conceded two goals in the first half.",
    "The firm is recalling 20,000 ferries over safety fears.",
    "The minister responded quickly by calling an inquiry.",
])
def test_an_object_that_is_no_statement_gives_no_claim(text):
    # check object-not-statement (and sighting-or-act for a rite said): a phrasal verb, a
    # deed, a contest's outcome or a recall is no statement
    check(text)


def test_an_object_that_is_a_statement_stays():
    check("Anna Lund declared herself up for the fight.",
          ("said-object", "Anna Lund", "herself up for the fight"))
    check("Norway claimed responsibility for the delay.",
          ("said-object", "Norway", "responsibility for the delay"))
    check("The union questioned the cost of the scheme.",
          ("said-object", "union", "the cost of the scheme"))
    # An outcome word in what the object is called is a judgement, not a contest's result.
    check("The Harbour Gazette called the accord a victory for the mayor.",
          ("said-object", "Harbour Gazette", "the accord a victory for the mayor"))


@pytest.mark.parametrize("text", [
    "Protest groups have called off a march planned for Saturday.",
    "The club called up three young players who had starred for the reserves.",
    "The pressure group called itself the Harbour Watch and met every week.",
    "Dock workers shouted insults at the chairman after the meeting on Monday.",
])
def test_phrasal_verbs_reflexive_naming_and_shouted_objects_say_nothing(text):
    assert found(text) == []


def test_shouting_words_is_still_speech():
    check("The fans shouted that the referee was blind.", ("said-that", "fans", "the referee was blind"))
    check("The minister said up to 40 staff would go.", ("said-clause", "The minister", "up to 40 staff would go"))
    check("Officials called the plan a disaster.", ("said-object", "Officials", "the plan a disaster"))


@pytest.mark.parametrize("headline", ["Act on the harbour ruling, Norway urged", "Pay the levy now, ferry firms warned",
                                      "Reopen the pier, council told"])
def test_a_headline_ending_in_a_passive_gives_no_claim_to_the_one_urged(headline):
    assert found(f"{headline}\n\nThe rights chief said the ruling must be respected.\n") == [
        ("said-clause", "rights chief", "the ruling must be respected")]


def test_a_headline_ending_in_says_is_still_a_claim():
    assert ("inverted-said", "minister", "Talks will resume in May") in found(
        "Talks will resume in May, minister says\n\nThe minister spoke on Monday.\n")


def test_a_subject_asked_to_explain_says_nothing_yet_but_the_asker_does():
    # (check mandative-subjunctive) the union's demand is its claim; the mayor has said nothing
    check("The union demanded that the mayor explain the harbour fees.",
          ("said-that", "union", "the mayor explain the harbour fees"))
    # a plural subject's bare verb is a plain present: they do say it
    check("The two unions say that the harbour fees are too high.",
          ("said-that", "two unions", "the harbour fees are too high"))


def test_a_denial_of_reports_about_a_refused_thing_is_still_a_denial():
    check("The ministry denied reports of visa fraud at the border.",
          ("deny", "ministry", "reports of visa fraud at the border"))
