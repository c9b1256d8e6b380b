"""Bodies the article names elsewhere: a body's full name past "of" ("the Bank of Vikland" ...
"the bank"), a fuller description an earlier speaker gave ("the transport select committee"
... "the committee"; resolve/bodies.py)."""

from constructions import analysed, speaker


def speakers_of(text: str):
    """(speaker name, type) of every claim found in ``text``, in text order."""
    return [(speaker(c), c.speaker.type) for c in sorted(analysed(text), key=lambda c: (c.text_start, c.speaker_start))]


def test_the_bank_is_the_bank_of_a_place():
    text = ("The Bank of Vikland has said it lost a box of customer records.\n\n"
            "The bank gave no details of how the box went missing, but said the records were probably safe.\n")
    assert [s for s, _ in speakers_of(text)] == ["Bank of Vikland", "Bank of Vikland"]


def test_the_committee_is_the_one_described_before():
    text = ("The plans are badly drafted, the transport select committee said.\n\n"
            "The committee also said the minister should have consulted drivers.\n")
    assert [s for s, _ in speakers_of(text)] == ["transport select committee"] * 2


def test_two_described_committees_leave_it_unnamed():
    text = ("The plans are badly drafted, the transport select committee said. The rules are fine, "
            "the health select committee said.\n\nThe committee also said the minister should resign.\n")
    assert speakers_of(text)[-1][0] == "committee"
