"""Speaker, cue, then the content (extract/rules/said.py)."""

import pytest
from constructions import check


@pytest.mark.parametrize("text, rule, speaker, content", [
    ("Mayor Ingrid Solberg said that the new bridge would open in June.",
     "said-that", "Ingrid Solberg", "the new bridge would open in June"),
    ("The finance minister said the budget would be balanced by next year.",
     "said-clause", "The finance minister", "the budget would be balanced by next year"),
    ("Olav Brekke, the harbour master, said: the ferries will run again from Monday.",
     "said-colon", "Olav Brekke", "the ferries will run again from Monday"),
    ('Anna Lund said "the strike is over" after the vote.',
     "said-quote", "Anna Lund", '"the strike is over" after the vote'),
    ("The central bank has not ruled out a further rise in interest rates.",
     "stance-verb", "central bank", "has not ruled out a further rise in interest rates"),
])
def test_content_after_the_cue(text, rule, speaker, content):
    check(text, (rule, speaker, content))


def test_a_weak_cue_in_the_progressive_describes_an_intent_nobody_stated():
    check("The ferry company is hoping to reopen the northern route by May.\n")
    check("Anna Lund said she was hoping the route would reopen by May.\n",
          ("said-clause", "Anna Lund", "she was hoping the route would reopen by May"))


def test_who_said_after_a_person_described_by_a_place_is_that_person():
    from constructions import found

    text = "The monitors met an employee at the petrol station who said there was a firing range nearby."
    assert [(s, c) for _, s, c in found(text)] == [("an employee at the petrol station",
                                                     "there was a firing range nearby")]


def test_who_with_a_stance_verb_after_a_place_claims_nothing_for_the_place():
    from constructions import found

    text = "Troops fought separatists in the region who have refused to recognise the new government."
    assert all("region" not in s for _, s, _ in found(text))


@pytest.mark.parametrize("text, expected", [
    ("Anna Berg reaffirmed that Norway recognised the vote.", ("Anna Berg", "Norway recognised the vote")),
    ("“Down with the tax!” said the crowd.", ("crowd", "“Down with the tax!”")),
    ("The commander present at the depot told the monitors that the guns were moved.",
     ("The commander present at the depot", "the guns were moved")),
])
def test_more_speakers_and_cues(text, expected):
    from constructions import found

    assert [(s, c) for _, s, c in found(text)] == [expected]


def test_lauded_is_praise():
    from constructions import found

    assert found("The mayor lauded the decision to reopen the port.") == [
        ("praise", "The mayor", "the decision to reopen the port")]


def test_of_two_claims_each_inside_the_other_one_stays():
    from constructions import found

    text = "Anna Berg met the troops. Norway says Denmark is arming the rebels, charges it has denied."
    assert [s for _, s, _ in found(text)] == ["Norway"]


def test_said_about_a_number_is_the_start_of_the_clause_said():
    from constructions import found

    assert found("The minister said about 200 soldiers had crossed the border in an operation that failed.") == [
        ("said-clause", "The minister", "about 200 soldiers had crossed the border in an operation that failed")]
