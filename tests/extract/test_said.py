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
