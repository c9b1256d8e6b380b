"""'According to' and relayed sources (extract/rules/according.py)."""

import pytest
from constructions import check, found

from claimsdb.pipeline import analyse
from claimsdb.records import Document


@pytest.mark.parametrize("text, content", [
    ("According to the harbour master, the ferries will run again from Monday.",
     "the ferries will run again from Monday"),
    ("The ferries will run again from Monday, according to the harbour master.",
     "The ferries will run again from Monday"),
])
def test_according_to_names_the_source(text, content):
    check(text, ("according-to", "harbour master", content))


def test_citing_relays_a_claim_without_making_one():
    text = "The strike is over, the union said, citing the vote of its members."
    assert found(text) == [("inverted-said", "union", "The strike is over")]
    [claim] = analyse(Document("a.txt", text, "0"))
    assert claim.via == "vote of its members"


def test_a_short_name_in_brackets_closes_the_source():
    check("Fish stocks will recover by 2030, according to the Nordic Fisheries Council (NFC).",
          ("according-to", "Nordic Fisheries Council", "Fish stocks will recover by 2030"))


def test_the_source_runs_on_to_its_name_before_the_comma():
    check("According to state statistics body NORSTAT, growth was a sluggish 0.8%.",
          ("according-to", "NORSTAT", "growth was a sluggish 0.8%"))


def test_the_source_runs_on_over_an_adverb_and_a_participle():
    check("According to figures also released on Tuesday, sales in the malls fell.",
          ("according-to", "figures", "sales in the malls fell"))


def test_a_source_between_and_and_a_new_clause_vouches_for_that_clause_only():
    check("Talks row\n\nThe talks stalled on Monday and, according to diplomats, the envoys left the city early.\n",
          ("according-to", "diplomats", "the envoys left the city early"))
    # a verb phrase sharing the subject before "and" is no statement without that subject:
    # the source vouches for the whole sentence (rule according-in-conjunct)
    check("Talks row\n\nThe resort has grown fast and, according to the tourist board, is now worth 3bn a year.\n",
          ("according-to", "tourist board",
           "The resort has grown fast and, according to the tourist board, is now worth 3bn a year"))
    check("Fees row\n\nHarbour fees are set to rise by 4% and, according to some shipping agents, double by 2030.\n",
          ("according-to", "some shipping agents",
           "Harbour fees are set to rise by 4% and, according to some shipping agents, double by 2030"))


def test_a_source_in_a_relative_clause_vouches_for_that_clause_and_its_noun():
    check("Shop row\n\nThe shop sells a small grey phone that, according to the reviewers, has a superb battery.\n",
          ("according-to", "reviewers",
           "a small grey phone that, according to the reviewers, has a superb battery"))
    # a noun after a preposition may not be what the clause is about: the whole sentence
    check("Shop row\n\nPolice raided a shop based in the town that, according to reports, sold fake phones.\n",
          ("according-to", "reports",
           "Police raided a shop based in the town that, according to reports, sold fake phones"))


def test_a_clause_of_the_writers_after_the_source_is_not_the_sources():
    check("Port row\n\nThe port grew by 4%, according to the agency, but tolls fell.\n",
          ("according-to", "agency", "The port grew by 4%"))
    check("Port row\n\nThe port grew by 4%, according to Ms Lund, who runs the agency.\n",
          ("according-to", "Lund", "The port grew by 4%"))
    # "and" may go on with the source's figures: the whole sentence
    check("Port row\n\nThe port grew by 4%, according to the agency, and the airport grew by 2%.\n",
          ("according-to", "agency", "The port grew by 4%, according to the agency, and the airport grew by 2%"))


def test_a_source_right_after_a_conjunction_vouches_for_what_follows_it():
    check("Port row\n\nBut according to the harbour agency, tolls fell in May.\n",
          ("according-to", "harbour agency", "tolls fell in May"))
    check("Port row\n\nThe mayor went to the quay, but according to the dockers, she left within minutes.\n",
          ("according-to", "dockers", "she left within minutes"))


@pytest.mark.parametrize("text, content", [
    ("According to Ola Berg, a senior fellow at the Arctic Institute, the quota deal is flawed.",
     "the quota deal is flawed"),
    ("According to Ola Berg, head of the harbour board, the fees will rise.", "the fees will rise"),
    ("According to Ola Berg, a deal, signed in May, will cut the fees.", "a deal, signed in May, will cut the fees"),
])
def test_the_sources_role_between_commas_is_not_the_content(text, content):
    check(text, ("according-to", "Ola Berg", content))
