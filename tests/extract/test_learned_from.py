"""``learned-from`` (extract/rules/learned_from.py): a source the writer learned something from."""

import pytest
from constructions import check, found


@pytest.mark.parametrize("text, speaker, content", [
    ("The mission learned from several residents that the guns had been moved.",
     "several residents", "the guns had been moved"),
    ("The monitors were informed in advance by the Navy that exercises would be held.",
     "Navy", "exercises would be held"),
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
    text = "The news agency quoted a spokesperson for the pro-Nordic activists saying troops had left the port."
    assert [(r, s) for r, s, _ in found(text)] == [("relay", "a spokesperson for the pro-Nordic activists")]
