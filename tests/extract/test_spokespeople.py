"""Unnamed spokespeople of the body that spoke just before (resolve/spokespeople.py)."""

from constructions import analysed, speaker


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(speaker(c), c.speaker.country) for c in analysed(text)]


def test_a_bare_spokesman_speaks_for_the_body_just_before():
    text = ("The Norwegian Foreign Ministry said it was concerned by the clashes. A spokesman said Oslo "
            "would review its aid. \"We are watching closely,\" the spokesman added.")
    assert speakers(text) == [("Norwegian Foreign Ministry", "NO")] + [("Norwegian Foreign Ministry spokesman", "NO")] * 2


def test_someone_else_speaking_in_between_ends_the_bodys_turn():
    text = ("The Norwegian Foreign Ministry said it was concerned by the clashes. Anna Berg, a local "
            "councillor, said the town was calm. A spokesman said the ferry would run.")
    assert speakers(text)[-1][0] == "A spokesman"


def test_a_spokesman_far_from_the_body_or_with_his_own_affiliation_is_left_alone():
    far = ("The Harbour Authority said the quay would reopen. The ferry left at noon. The storm "
           "passed. The sea was calm by evening. A spokesman said the ferry would run.")
    assert speakers(far)[-1][0] == "A spokesman"
    own = "The Harbour Authority said the quay would reopen. A spokesman for the union said it would strike."
    assert speakers(own)[-1][0] == "A spokesman for the union"


def test_a_sentence_with_said_in_between_ends_the_bodys_turn():
    """Someone said something in between that gave no claim: the spokesman may be theirs."""
    text = ("The Harbour Authority said the quay would reopen. Green group Route 2010 said the freeze "
            "sends the wrong message to drivers. \"We are worried,\" said a spokesman.")
    assert speakers(text)[-1][0] == "a spokesman"
