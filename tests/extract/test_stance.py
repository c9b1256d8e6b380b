"""Stance cues that take an object (extract/rules/stance.py, warn.py, express.py, told.py):
each case names the rule, the speaker, the content and the target."""

import pytest

from constructions import analysed, speaker
from constructions import found as triples


def found(text: str) -> list[tuple[str, str, str, str | None]]:
    """(rule, speaker, content, target) of every claim the extractor finds in ``text``."""
    return [
        (c.rule, speaker(c), text[c.text_start : c.text_end],
         text[c.target_start : c.target_end] if c.target_start is not None else None)
        for c in analysed(text)
    ]


@pytest.mark.parametrize("text, rule, speaker, content, target", [
    ("Foreign Minister Lars Holm accused Denmark of breaking the fishing agreement.",
     "accuse-of", "Lars Holm", "breaking the fishing agreement", "Denmark"),
    ("Norway accuses the head of the border agency of hiding the report.",
     "accuse-of", "Norway", "hiding the report", "the head of the border agency"),
    ("Mayor Eva Strand blamed the port authority for the delays at the harbour.",
     "blame-for", "Eva Strand", "the delays at the harbour", "the port authority"),
    ("Senator Ola Vik blamed the delays on the port authority.",
     "blame-for", "Ola Vik", "the delays on the port authority", "the port authority"),
    ("Prime Minister Kari Dahl condemned the attack on the ferry.",
     "condemn", "Kari Dahl", "the attack on the ferry", None),
    ("Kari Dahl condemned Sweden for closing the border.",
     "condemn", "Kari Dahl", "closing the border", "Sweden"),
    ("Anna Berg denounced the new tax as a betrayal of pensioners.",
     "denounce", "Anna Berg", "the new tax as a betrayal of pensioners", "the new tax"),
    ("Per Moen criticised the decision to close the depot.",
     "criticise", "Per Moen", "the decision to close the depot", None),
    ("Siri Lie criticized the mayor for selling the library.",
     "criticise", "Siri Lie", "selling the library", "the mayor"),
    ("President Liv Berge praised the rescue teams for their courage.",
     "praise", "Liv Berge", "the rescue teams for their courage", "the rescue teams"),
    ("Knut Lunde welcomed the agreement on fishing quotas.",
     "welcome", "Knut Lunde", "the agreement on fishing quotas", None),
    ("Unni Tveit rejected the proposal as unworkable.",
     "reject", "Unni Tveit", "the proposal as unworkable", "the proposal"),
    ("Arne Foss dismissed the report as speculation.",
     "dismiss", "Arne Foss", "the report as speculation", "the report"),
    ("Geir Hauge denied any wrongdoing.",
     "deny", "Geir Hauge", "any wrongdoing", None),
    ("Geir Hauge denied this assertion.",
     "deny", "Geir Hauge", "this assertion", None),
    ("Rolf Ek demanded the resignation of the harbour master.",
     "demand", "Rolf Ek", "the resignation of the harbour master", None),
    ("Nils Bakke called for an independent inquiry into the collision.",
     "call-for", "Nils Bakke", "an independent inquiry into the collision", None),
    ("Tone Sand urged Denmark to return to the negotiating table.",
     "urge", "Tone Sand", "Denmark to return to the negotiating table", "Denmark"),
    ("Tone Sand urged voters not to sign the petition.",
     "urge", "Tone Sand", "voters not to sign the petition", "voters"),
    ("Tone Sand urged restraint.",
     "urge", "Tone Sand", "restraint", None),
    ("Jon Aas called on the ministry to publish the report.",
     "call-on", "Jon Aas", "the ministry to publish the report", "the ministry"),
    ("Odd Rud described the deal as a breakthrough for the region.",
     "describe-as", "Odd Rud", "the deal as a breakthrough for the region", "the deal"),
    ("After what Odd Rud described as fruitful talks, the ministers left.",
     "describe-as", "Odd Rud", "fruitful talks", None),
    ("Odd Rud compared the new levy to a tax on fishing itself.",
     "compare-to", "Odd Rud", "the new levy to a tax on fishing itself", "the new levy"),
    ("Kari Dahl likened the ferry strike to sabotage.",
     "compare-to", "Kari Dahl", "the ferry strike to sabotage", "the ferry strike"),
    ("The harbour board threatened the shipping line with a fine of 2 million kroner.",
     "threaten-with", "harbour board", "a fine of 2 million kroner", "the shipping line"),
    ("Admiral Trond Sola warned fishermen against sailing in the storm.",
     "warn-against", "Trond Sola", "sailing in the storm", "fishermen"),
    ("Bente Moe warned of further delays on the northern route.",
     "warn-of", "Bente Moe", "further delays on the northern route", None),
    ("Harald Eide warned fishermen that the storm would reach the coast on Friday.",
     "warn-that", "Harald Eide", "the storm would reach the coast on Friday", "fishermen"),
    ("Ingrid Vold expressed concern over the rising costs of the project.",
     "express-stance", "Ingrid Vold", "concern over the rising costs of the project", None),
    ("Tor Nes voiced regret at the collapse of the talks.",
     "express-stance", "Tor Nes", "regret at the collapse of the talks", None),
    ("Finland expressed support for the new sanctions.",
     "express-stance", "Finland", "support for the new sanctions", None),
    ("Poland expressed readiness to send engineers to the harbour.",
     "express-stance", "Poland", "readiness to send engineers to the harbour", None),
    ("Finland expressed deep concern over the closure of the harbour.",
     "express-stance", "Finland", "deep concern over the closure of the harbour", None),
    ("Poland expressed its full support for the mission.",
     "express-stance", "Poland", "its full support for the mission", None),
    ("The Danish President expressed serious concern over the rising number of wrecks.",
     "express-stance", "Danish President", "serious concern over the rising number of wrecks", None),
    ("Tor Nes has voiced deep regret at the collapse of the talks.",
     "express-stance", "Tor Nes", "deep regret at the collapse of the talks", None),
    ("The Fisheries Ministry expresses its deep concern over the seizure of the trawler.",
     "express-stance", "Fisheries Ministry", "its deep concern over the seizure of the trawler", None),
    ("Anna Lund voiced her support for the fishermen.",
     "express-stance", "Anna Lund", "her support for the fishermen", None),
    ("Anna Lund spoke in favour of an early meeting of the contact group.",
     "call-for", "Anna Lund", "an early meeting of the contact group", None),
    ("Local residents expressed a firm view on reopening the ferry route.",
     "express-stance", "Local residents", "a firm view on reopening the ferry route", None),
    ('Governor Hans Lid told state television: "The harbour will reopen next week."',
     "told-outlet-colon", "Hans Lid", '"The harbour will reopen next week."', None),
    ("Governor Hans Lid told the Nordic news agency that the harbour would reopen next week.",
     "told-outlet-that", "Hans Lid", "the harbour would reopen next week", None),
    # without "that": the medium's phrase ends at its noun or name, then a subject and a verb
    ("Governor Hans Lid told the Vik Times website the harbour would reopen next week.",
     "told-outlet-that", "Hans Lid", "the harbour would reopen next week", None),
    ("Governor Hans Lid told state radio he was angry about the delay.",
     "told-outlet-that", "Hans Lid", "he was angry about the delay", None),
])
def test_stance_construction(text, rule, speaker, content, target):
    assert found(text) == [(rule, speaker, content, target)]


def test_a_participle_shares_the_subject_and_keeps_its_target():
    assert found("The ministry issued a statement accusing Denmark of breaking the agreement.") == [
        ("accuse-of", "ministry", "breaking the agreement", "Denmark")]


@pytest.mark.parametrize("text", [
    "Peter Holm was accused of lying by the committee.",  # the subject is the target, not the speaker
    "Peter Holm has been criticised for his remarks.",
])
def test_a_passive_stance_names_no_speaker(text):
    assert found(text) == []


@pytest.mark.parametrize("text, rule, content", [
    # Frames that do not fit are left to the generic constructions.
    ("Geir Hauge denied that the ferry had been overloaded.", "said-that", "the ferry had been overloaded"),
    ("Harald Eide warned that the storm would reach the coast.", "said-that", "the storm would reach the coast"),
    ("Harald Eide told reporters that the storm would reach the coast.", "said-that", "the storm would reach the coast"),
])
def test_other_forms_stay_with_the_generic_constructions(text, rule, content):
    assert [(r, c, t) for r, _, c, t in found(text)] == [(rule, content, None)]


@pytest.mark.parametrize("text", [
    "Global demand for heating oil rose in January.",
    "Strong demand triggers oil rally\n\nOil prices rose on strong sales in Asia.",
    "Don't blame the referee for the defeat.",
])
def test_a_cue_word_used_as_a_noun_or_an_imperative_gives_no_stance(text):
    assert [rule for rule, *_ in found(text)] == []


@pytest.mark.parametrize("text", [
    "The auditors compared prices in ten harbours.",  # nothing said of what was compared
    "Some 41% of fishermen voted for the plan, compared with 30% of farmers.",  # a preposition
    "Compared to last winter, the catch was poor.",
])
def test_a_comparison_without_its_object_and_preposition_claims_nothing(text):
    assert [rule for rule, *_ in found(text)] == []


def test_compared_with_after_a_parenthetical_attribution_stays_in_the_content():
    text = "Catches rose 5%, the ministry said, compared with 3% a year earlier."
    assert found(text) == [("parenthetical-said", "ministry", "Catches rose 5%, the ministry said, compared with 3% a year earlier", None)]


@pytest.mark.parametrize("text", [
    "Poland expressed a wish to see the harbour.",  # no stance noun after the bare verb
    "Ingrid Vold took The Polar Express, which left at noon.",  # a name, not a cue
])
def test_the_bare_verb_express_needs_a_stance_noun(text):
    assert found(text) == []


def test_lambasted_x_for_y_is_criticism():
    assert found("Coach Rolf Haug lambasted the referee for ignoring two clear fouls.") == [
        ("criticise", "Rolf Haug", "ignoring two clear fouls", "the referee")]


@pytest.mark.parametrize("text, expected", [
    ("Norway accused Denmark of overfishing in the strait, a charge Copenhagen denies.",
     [("accuse-of", "Norway", "overfishing in the strait"), ("denied-charge", "Denmark", "overfishing in the strait")]),
    # "it": the accused; the claim before ends at the comma.
    ("Latvia says Ruritania is training the militia, charges it has repeatedly denied.",
     [("said-clause", "Latvia", "Ruritania is training the militia"),
      ("denied-charge", "Ruritania", "Ruritania is training the militia")]),
    ("The unions accused the board of hiding losses, an accusation which the chairman rejected.",
     [("accuse-of", "unions", "hiding losses"), ("denied-charge", "the chairman", "hiding losses")]),
])
def test_a_charge_denied_in_an_appended_noun_phrase_is_the_accused_s_denial(text, expected):
    assert [(r, s, c) for r, s, c, *_ in found(text)] == expected


def test_a_charge_nobody_denies_is_no_denial():
    assert [r for r, *_ in found("Norway accused Denmark of overfishing, a charge first made in May.")] == ["accuse-of"]


def test_a_time_between_warned_and_that_is_no_target_and_warned_about_is_a_warning_of():
    from constructions import analysed

    text = "The union warned on Friday that walkouts might spread."
    [c] = analysed(text)
    assert (c.rule, text[c.text_start : c.text_end], c.target_start) == ("warn-that", "walkouts might spread", None)
    text = "The agency is warning about several ferry scams that can spread fast."
    [c] = analysed(text)
    assert (c.rule, text[c.text_start : c.text_end]) == ("warn-of", "several ferry scams that can spread fast")


@pytest.mark.parametrize("text, content", [
    ("The mayor praised the harbour plan on Monday, calling it overdue.", "the harbour plan"),
    ("The mayor welcomed the ferry deal on Friday.", "the ferry deal"),
    ("The mayor welcomed the ferry deal signed on Friday.", "the ferry deal signed on Friday"),
])
def test_a_day_after_the_object_dates_the_stance_not_the_thing(text, content):
    # "on Monday" is when she praised it; a participle before the day keeps it in the object
    assert found(text)[0][2] == content


@pytest.mark.parametrize("text, who, target_free_content", [
    ("Ola Strand, the director of Norway's state ferry operator Fjordlink, accused Sweden of blocking the new route.",
     "Ola Strand", "blocking the new route"),
    ("Ilse Marten, co-leader of the Blue Alliance (BA), accused the cabinet of hiding the true deficit.",
     "Ilse Marten", "hiding the true deficit"),
])
def test_the_object_of_accused_x_of_is_never_read_as_a_speaker_put_after_the_cue(text, who, target_free_content):
    [(rule, speaker, said)] = triples(text)
    assert (rule, speaker, said) == ("accuse-of", who, target_free_content)


def test_an_accusation_with_no_speaker_found_before_it_gives_no_inverted_claim():
    text = "Fjordlink, the ferry operator of Norway's state (FOS), accused Sweden of blocking the new route."
    assert all(rule != "inverted-verb-first" for rule, _, _ in triples(text))


def test_an_absolute_phrase_with_a_hyphenated_modifier_names_its_speaker():
    text = "The session ran late, with the left-wing opposition accusing the premier of burying the audit."
    [(rule, speaker, said)] = triples(text)
    assert rule == "accuse-of" and speaker.endswith("opposition") and said == "burying the audit"
