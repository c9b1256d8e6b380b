"""``learned-from`` (extract/rules/learned_from.py): a source the writer learned something from."""

import pytest
from constructions import check, found


@pytest.mark.parametrize("text, speaker, content", [
    ("The reporters heard from several farmers that the river had flooded the fields.",
     "several farmers", "the river had flooded the fields"),
    ("The pilots were told by the Coastguard that the harbour would close at noon.",
     "Coastguard", "the harbour would close at noon"),
])
def test_the_source_learned_from_is_the_speaker(text, speaker, content):
    check(text, ("learned-from", speaker, content))


@pytest.mark.parametrize("text", [
    "We learned from history that wars end.",  # no source that speaks
    "She heard from him that the pier was closed.",  # an object pronoun, no speaker phrase
])
def test_no_claim_from_what_cannot_speak(text):
    assert all(rule != "learned-from" for rule, _, _ in found(text))


def test_a_relayed_speaker_phrase_may_hold_a_hyphenated_word():
    text = "Interfax quoted a spokesman for the anti-war activists saying the bridge would be blocked."
    assert [(r, s) for r, s, _ in found(text)] == [("relay", "a spokesman for the anti-war activists")]
