"""Where a claim's stored text starts and ends: the extent faults users found when grading."""

from constructions import check


def test_that_before_a_finite_verb_is_the_clauses_subject():
    # rule that-as-subject: "that" is what was a mistake, not a complementiser
    check("Olav Brekke said that was a mistake.",
          ("said-clause", "Olav Brekke", "that was a mistake"))
    check("Anna Lund told reporters that would not happen again.",
          ("said-clause", "Anna Lund", "that would not happen again"))


def test_that_before_a_clause_is_still_the_complementiser():
    check("Olav Brekke said that the ferry was late.",
          ("said-that", "Olav Brekke", "the ferry was late"))


def test_a_gathering_told_is_the_listener_not_the_content():
    # rule listener-gathering: the gathering's words stay out of what was said
    check("Anna Lund told a Bergen news conference that the ferry would run again.",
          ("said-that", "Anna Lund", "the ferry would run again"))
    check("The prime minister told his monthly press conference the port would stay open.",
          ("said-clause", "The prime minister", "the port would stay open"))
    check("Anna Lund told the annual party conference that taxes would fall.",
          ("said-that", "Anna Lund", "taxes would fall"))
