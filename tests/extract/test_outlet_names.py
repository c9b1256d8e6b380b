"""An outlet's name with one more word ("the Guardian Vikland", "the Sunday Economist") is its own
outlet, and the article's shorter names for it are that outlet too (check outlet-extended-name)."""

from constructions import analysed, speakers_of


def test_a_longer_outlet_name_is_its_own_outlet():
    text = ("Vikbank is to cut 500 jobs, the Guardian Vikland reported on Monday.\n\n"
            "The cuts will fall mostly on branches, the paper said.\n")
    assert [s for s, _ in speakers_of(text)] == ["Guardian Vikland"] * 2
    assert {c.speaker.country for c in analysed(text)} == {None}  # not the shorter outlet's country


def test_the_shorter_outlet_named_alone_keeps_its_name():
    text = ("Vikbank is to cut 500 jobs, the Guardian Vikland reported on Monday.\n\n"
            "The Guardian said the cuts were smaller.\n")
    assert [s for s, _ in speakers_of(text)] == ["Guardian Vikland", "The Guardian"]


def test_the_sunday_edition_is_its_own_outlet():
    text = "Vikbank is to cut 500 jobs, according to the Sunday Economist.\n"
    assert speakers_of(text) == [("Sunday Economist", "media")]
