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


@pytest.mark.parametrize("text, speaker, content", [
    # The short name in brackets closes the source.
    ("According to the Financial Monitoring Service (FMS), most of the frozen funds are bank deposits.",
     "Financial Monitoring Service", "most of the frozen funds are bank deposits"),
    # A unit of a state speaks by its name ("Unit" is no person's name).
    ("According to the Financial Intelligence Unit, most of the frozen funds are bank deposits.",
     "Financial Intelligence Unit", "most of the frozen funds are bank deposits"),
    # A role, then the name set off by commas: the named person is the source.
    ("According to the Norwegian ambassador in Berlin, Karl Olsen, the cabinet knows the risks well.",
     "Karl Olsen", "the cabinet knows the risks well"),
    # ... also when what the source says opens with an amount
    ("According to Norway's fisheries ombudsman, Karl Olsen, more than 300 boats stayed in port.",
     "Karl Olsen", "more than 300 boats stayed in port"),
    ("According to the Norwegian ambassador in Berlin, Karl Olsen, 40 trawlers were held.",
     "Karl Olsen", "40 trawlers were held"),
    # A noun left after a capitalised adjective is the source's head.
    ("According to the Ruritanian presidency, the accord takes effect only after the banks reopen.",
     "Ruritanian presidency", "the accord takes effect only after the banks reopen"),
])
def test_the_source_after_according_to_opening_the_sentence(text, speaker, content):
    check(text, ("according-to", speaker, content))


def test_a_name_set_off_after_a_role_that_is_the_subject_is_no_source():
    # "Karl Olsen, a close ally, is ...": the name is the subject of the writer's clause.
    assert ("according-to", "the envoy", "Karl Olsen, a close ally, is aware of the risks") in found(
        "According to the envoy, Karl Olsen, a close ally, is aware of the risks.")
    assert found("According to the ministry, Karl Olsen, the envoy, is aware of the risks.")[0][1] != "Karl Olsen"


def test_a_source_after_an_adjunct_of_the_attribution_relays_the_quotation():
    # To whom and when it was said, then the source: no second claim by the source.
    text = ('"Peace is essential," Mr. Vale told the premier during the talks on May 9, '
            'according to the transcript released by the ministry.')
    assert found(text) == [("inverted-said", "Vale", '"Peace is essential,"')]


@pytest.mark.parametrize("source", ["the Vik Institute for Research, a Helsinki-based think tank",
                                    "Anna Berg, a lecturer in Oslo"])
def test_a_description_of_the_source_that_ends_the_sentence_is_no_part_of_the_content(source):
    # (rule according-described-source)
    text = f"The port earned 12 billion euros from exports in December, according to {source}."
    assert [content for _, _, content in found(text)] == ["The port earned 12 billion euros from exports in December"]


def test_a_description_with_a_clause_of_its_own_is_not_cut_off():
    text = "The port will close, according to the ministry, a move that will cost 200 jobs."
    assert [content for _, _, content in found(text)] == [text[:-1]]


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_possessive_inside_the_source_s_name_keeps_the_name_whole(apostrophe):
    text = f"According to the Latvian army{apostrophe}s Operational Command, the drone flew 15 kilometres."
    assert found(text) == [("according-to", f"Latvian army{apostrophe}s Operational Command", "the drone flew 15 kilometres")]
