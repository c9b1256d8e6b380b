"""A cue sharing the subject of the clause before it (extract/rules/shared.py)."""

import pytest
from constructions import check, found


def test_a_coordinated_cue_shares_the_subject():
    check("The union backed the pay offer but warned that hundreds of jobs were still at risk.",
          ("shared-subject", "union", "hundreds of jobs were still at risk"))


def test_a_participle_after_a_comma_shares_the_subject():
    # "rejected" is a stance verb, so the first clause is a claim of its own (rules/stance.py).
    check("The union rejected the pay offer, saying it did not keep up with prices.",
          ("reject", "union", "the pay offer"),
          ("comma-saying", "union", "it did not keep up with prices"))


def test_a_participle_cue_without_a_comma_ends_a_stance_object_and_is_a_claim():
    # rule object-ends-at-participle: the mayor insists; the figures do not
    check("The mayor dismissed the figures insisting that the harbour had never been busier.",
          ("dismiss", "The mayor", "the figures"),
          ("shared-subject", "The mayor", "the harbour had never been busier"))
    check("The union rejected the pay offer adding: \"It does not keep up with prices.\"",
          ("reject", "union", "the pay offer"),
          ("shared-subject", "union", "\"It does not keep up with prices.\""))


def test_a_participle_after_a_noun_for_what_says_things_describes_that_noun():
    check("The mayor dismissed a report saying the harbour would close.",
          ("dismiss", "The mayor", "a report saying the harbour would close"))


def test_a_participle_after_a_named_person_is_not_the_stance_speakers():
    # "with minister Anna Berg saying ...": Berg says it, not Oslo
    assert all(rule != "shared-subject" for rule, _, _ in found(
        "Oslo welcomed the decision, with finance minister Anna Berg saying it showed that the fleet was safe."))


def test_a_plural_description_including_names_speaks_as_those_names():
    # (rule members-named-aside) the aside names who the critics include: one claim each
    text = "The rules could let firms move staff abroad. Critics - including Spain and Italy - believe the plan will cost jobs.\n"
    assert [(who, words) for _, who, words in found(text)] == [
        ("Spain", "believe the plan will cost jobs"), ("Italy", "believe the plan will cost jobs")]
    text = "Critics, including Spain and Italy, say the plan will cost jobs.\n"
    assert [who for _, who, _ in found(text)] == ["Spain", "Italy"]
    # an aside that names no one keeps the description
    text = "Critics - including some in Spain and Italy - believe the plan will cost jobs.\n"
    assert [who for _, who, _ in found(text)] == ["Critics"]


def test_a_relative_which_after_a_coordination_speaks_as_each_of_its_names():
    # (rule relative-coordination) "Oslo and Stockholm, which said" splits as "Oslo and Stockholm said"
    text = ("Ministers passed the fishing ban over the objections of Oslo and Stockholm, which said "
            "they would take the law to court.\n")
    assert [(who, words) for _, who, words in found(text)] == [
        ("Norway", "they would take the law to court"), ("Sweden", "they would take the law to court")]
    text = "The deal was backed by Vikland Shipping, which said the fees were fair.\n"
    assert [who for _, who, _ in found(text)] == ["Vikland Shipping"]


@pytest.mark.parametrize("text", [
    "Norway on Monday blocked a council statement condemning the new fishing quotas.",
    "The two states vetoed a statement calling for an inquiry into the ferry sinking.",
])
def test_a_blocked_statement_has_no_speaker(text):
    """"blocked a statement condemning ...": the statement was never made, and was not the
    blocker's."""
    check(text)


def test_an_issued_statement_still_speaks_for_the_issuer():
    check("The ministry issued a statement condemning the new fishing quotas.",
          ("condemn", "ministry", "the new fishing quotas"))


@pytest.mark.parametrize("text", [
    "Anna Lund seems certain to close months of talk on Friday and announce that a poll is coming in June.\n",
    "Anna Lund is set to close months of talk on Friday and announce that a poll is coming in June.\n",
    "Anna Lund will close months of talk on Friday and announce that a poll is coming in June.\n",
])
def test_a_cue_under_a_modal_or_to_has_said_nothing_yet(text):
    # (rule yet-to-come)
    assert found(text) == []


@pytest.mark.parametrize("text, speaker", [
    ("Anna Lund ended weeks of waiting on Monday and announced there will be a vote in May.\n", "Anna Lund"),
    ("The unions reject the offer and say it is far too low.\n", "unions"),
    # "to" further on belongs to an object, not to the subject's verb phrase.
    ("The defence team lost their bid to have the case dropped but say it should not go to trial.\n",
     "defence team"),
])
def test_a_shared_cue_in_the_past_or_present_is_a_claim(text, speaker):
    assert [sp for rule, sp, _ in found(text) if rule == "shared-subject"] == [speaker]


@pytest.mark.parametrize("text, content", [
    ("The mayor opened the hearing by telling the families that the ferry had been overloaded.",
     "the ferry had been overloaded"),
    ("The mayor ended the briefing by warning that the storm could close the port.",
     "the storm could close the port"),
])
def test_a_participle_cue_after_by_shares_the_subject(text, content):
    assert found(text) == [("by-saying", "The mayor", content)]


def test_a_participle_after_by_that_tells_a_story_is_no_claim():
    assert found("The mayor opened the hearing by telling a joke about gulls.") == []


def test_a_participle_with_its_of_frame_after_a_comma_shares_the_subject():
    # "accusing X of Y" is the verb, not an adjective ("an accusing look"); the object ends
    # before the "and" of a second participle
    text = "Deputy Ivan Berg went further, accusing the port owners of profiteering and demanding that the fees be cut.\n"
    assert [(who, words) for _, who, words in found(text)] == [
        ("Ivan Berg", "profiteering"), ("Ivan Berg", "the fees be cut")]


def test_a_titled_name_and_their_counterpart_speak_each():
    text = ("Norway's Foreign Minister Anna Berg and her Danish counterpart Lars Holm, after a meeting, said in a "
            "joint statement that the two countries supported the plan.\n")
    assert [who for _, who, _ in found(text)] == ["Anna Berg", "Lars Holm"]
    # one title with "and" in it is still one person
    text = "Secretary for Trade and Industry Anna Berg said the plan was fair.\n"
    got = found(text)
    assert len(got) == 1 and got[0][1].endswith("Anna Berg")


def test_a_participle_after_a_prepositions_object_is_not_that_objects_words():
    # (rule participle-after-object) the letter's writer speaks, not the one written to
    text = "Berg had written to the Danish government on June 19 saying that the plan gave Copenhagen room.\n"
    assert [who for _, who, _ in found(text)] == ["Berg"]


def test_a_name_in_apposition_to_the_subject_is_the_participle_s_speaker():
    # (rule shared-appositive-name) "Norway's defence minister, Tore Sandvik, went further, saying":
    # the person named between the commas, not the role
    text = "Norway's defence minister, Tore Sandvik, went further, saying the navy should be ready to board ships."
    assert [(r, s) for r, s, _ in found(text)] == [("comma-saying", "Tore Sandvik")]


def test_a_title_with_to_keeps_its_name_when_the_cue_shares_the_subject():
    # (rule title-to) "Ambassador to the Czech Republic Olek Varda": the title's "to", as the
    # subject of a verb and a cue after "and"
    text = "Norwegian Ambassador to the Czech Republic Olek Varda thanked the hosts and said the shells had arrived."
    assert [(r, s) for r, s, _ in found(text)] == [("shared-subject", "Olek Varda")]


def test_after_comma_and_the_verb_shares_the_outer_speaker_not_a_nested_one():
    # (rule shared-outer-speaker) ", and added": the outer speaker's second verb
    text = "He said Norway had asked Brussels for more money, and added that Iceland had signalled support."
    assert [s for r, s, _ in found(text) if r == "shared-subject"] == ["He"]
    # without the comma the verb joins the nested clause: Lund's
    text = "Berg says Lund promised to back the harbour plan and said she would fight for it in the council."
    assert [s for r, s, _ in found(text) if r == "shared-subject"] == ["Lund"]
