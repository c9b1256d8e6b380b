"""A cue sharing the subject of the clause before it (extract/rules/shared.py)."""

from constructions import check


def test_a_coordinated_cue_shares_the_subject():
    check("The union backed the pay offer but warned that hundreds of jobs were still at risk.",
          ("shared-subject", "union", "hundreds of jobs were still at risk"))


def test_a_participle_after_a_comma_shares_the_subject():
    # "rejected" is a stance verb, so the first clause is a claim of its own (rules/stance.py).
    check("The union rejected the pay offer, saying it did not keep up with prices.",
          ("reject", "union", "the pay offer"),
          ("comma-saying", "union", "it did not keep up with prices"))
