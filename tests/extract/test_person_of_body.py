"""A person named in full, then the body they are of ("Anna Berg of the Vik Union", "Anna
Berg, Vik Hotel Association said"), is the person, not the body (extract/speakers.py,
extract/phrases/speaker.py)."""

from constructions import speakers_of


def test_a_person_of_a_body_is_the_person():
    text = "Mark Dunmore of the Vikton Teachers Union said the strike would go ahead.\n"
    assert speakers_of(text) == [("Mark Dunmore", "person")]
    text = "\"The strike will go ahead,\" said retail analyst Mark Dunmore of Vikton Securities.\n"
    assert speakers_of(text) == [("Mark Dunmore", "person")]


def test_a_titled_person_of_a_party_is_the_person():
    # a title before the name, capitalised or opening the sentence, still leaves the person
    for text in ("Deputy Mark Dunmore of the Vikton Farmers Party said the strike would go ahead.\n",
                 "Opposition leader Anna Dunmore of the Vikton Farmers Party said the strike would go ahead.\n",
                 "Norwegian MEP Anna Dunmore of the Greens group said the strike would go ahead.\n"):
        assert speakers_of(text) == [(text.split(" of ")[0].split()[-2] + " Dunmore", "person")]


def test_a_person_then_a_body_after_a_comma():
    text = "Anna Dunmore, Vikton Hotel Association said: \"We tried very hard to keep the show here.\"\n"
    assert speakers_of(text) == [("Anna Dunmore", "person")]


def test_a_body_opening_the_sentence_after_a_place_is_the_body():
    text = "In Vikton, Teachers Union officials said the strike would go ahead.\n"
    assert speakers_of(text)[0][0] != "Vikton"


def test_an_and_inside_the_body_a_person_is_of_joins_no_two_speakers():
    text = ("Dr Lina Dunmore of the Centre for Strategic and International Studies in Vikton said the "
            "consensus rule made a firmer line impossible.\n")
    assert speakers_of(text) == [("Lina Dunmore", "person")]
    text = "Anna Dunmore of Vikco and Ivan Lund of Borgco said the deal was fair.\n"
    assert speakers_of(text) == [("Anna Dunmore", "person"), ("Ivan Lund", "person")]


def test_a_person_of_a_party_described_by_a_hyphenated_word_is_the_person():
    # "the far-right ...", "the centre-left ...": the hyphenated word does not end the walk to
    # the person, also after her title in lower case
    for text in ("Anna Dunmore of the far-right Vikton Order Party said the strike would go ahead.\n",
                 "Anna Dunmore of the centre-left VOP said the strike would go ahead.\n",
                 "Opposition leader Anna Dunmore of the far-right Party for Order said the strike would go ahead.\n",
                 "Opposition leader Anna Dunmore of the far-right Party for Order (PfO) accused the mayor of "
                 "stalling the talks.\n"):
        assert speakers_of(text) == [("Anna Dunmore", "person")]
