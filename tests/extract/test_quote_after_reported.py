"""A quotation alone after another speaker's reported words in the sentence right before it
continues that speaker (rules/quotes.py, quote-continuation), not the last quotation's."""

from constructions import speakers_of


def test_a_quotation_goes_on_from_the_reported_speaker_before_it():
    text = ("\"We will not comment until the league has ruled,\" said a league spokesman. "
            "Dunmore, a former referee, insists the club was right to act. "
            "\"They have shown the rest of the players where the line is.\"\n")
    assert [s for s, _ in speakers_of(text)][-1] == "Dunmore"


def test_a_quotation_does_not_go_on_from_an_it():
    text = ("\"The radio will change,\" said Mark Dunmore. Assuming the firm keeps its share, it is "
            "estimating that there will be ten million sets. \"It is an evolution, not a revolution.\"\n")
    assert [s for s, _ in speakers_of(text)][-1] == "Mark Dunmore"
