"""A claim inside another claim's content is part of that statement (extract/rules/nested.py)."""

from constructions import check, found


def test_a_source_cited_inside_an_inverted_statement_is_not_a_speaker():
    # the statement is the mayor's; the polls are only what she cited
    check("Surveys suggested that most residents backed the new bridge, the mayor said.",
          ("inverted-said", "the mayor", "Surveys suggested that most residents backed the new bridge"))


def test_a_cue_inside_the_content_after_the_cue_is_part_of_it():
    check("The port commissioner says he is urgently asking for a report on the ferry accident.",
          ("said-clause", "port commissioner", "he is urgently asking for a report on the ferry accident"))


def test_a_speaker_after_a_conjunction_opens_a_statement_of_its_own():
    # (and the first claim ends where the second speaker's clause begins)
    check("Halvorsen said traffic rose and Nordline reported a fall in bookings.",
          ("said-clause", "Halvorsen", "traffic rose"),
          ("said-object", "Nordline", "a fall in bookings"))


def test_the_speaker_an_according_to_source_cites_keeps_the_claim():
    check("According to the local paper, the mayor said the harbour would close in May.",
          ("according-to", "local paper", "the mayor said the harbour would close in May"),
          ("said-clause", "the mayor", "the harbour would close in May"))


def test_a_claim_inside_what_a_reporter_reported_is_kept():
    found_claims = [(r, s) for r, s, _ in found(
        "Berg kept quiet until May, once he said that the fleet was too old, the Nordic agency reported.")]
    assert ("said-that", "he") in found_claims


def test_an_attribution_in_a_relative_clause_is_kept():
    # the writer's attribution set inside another speaker's words
    assert ("said-clause", "Norway", "sank the ferry") in found(
        "Berg said the rebels had the missiles that Oslo says sank the ferry.")


def test_a_colon_before_another_attribution_gives_the_claim_to_that_attribution():
    check('Berg added: Lund said: "We had a problem before the start of the match."',
          ("said-colon", "Lund", '"We had a problem before the start of the match."'))


def test_a_states_position_voiced_by_its_ministry_stays_the_states():
    assert ("stance-verb", "Norway", "ruled out a tax on fishing boats") in found(
        "Norway ruled out a tax on fishing boats, the finance ministry said on Monday.")
