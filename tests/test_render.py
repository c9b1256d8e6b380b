"""What `claims show` highlights and what a table cell shows."""

from __future__ import annotations

import re

from claimsdb.render import CUE_STYLE, SPEAKER_STYLE, STATEMENT_STYLE, claim_in_context, shorten


def detail(text: str, statement: str, mention: str, cue: str | None = None) -> dict:
    start, speaker = text.index(statement), text.index(mention)
    cue_start = text.index(cue) if cue else None
    return {
        "document_text": text,
        "text_start": start,
        "text_end": start + len(statement),
        "speaker_start": speaker,
        "speaker_end": speaker + len(mention),
        "cue_start": cue_start,
        "cue_end": cue_start + len(cue) if cue else None,
    }


def styled(window, style: str) -> list[str]:
    return [window.plain[span.start : span.end] for span in window.spans if span.style == style]


def test_speaker_cue_and_statement_are_highlighted_in_the_text():
    text = 'Kallas said: "Peace [is] near." Nobody disagreed.'
    window = claim_in_context(detail(text, "Peace [is] near.", "Kallas", "said"))
    assert window.plain == text
    assert styled(window, SPEAKER_STYLE) == ["Kallas"]
    assert styled(window, CUE_STYLE) == ["said"]
    assert styled(window, STATEMENT_STYLE) == ["Peace [is] near."]


def test_long_article_is_cut_at_word_boundaries_around_the_claim():
    before = "word " * 500
    text = before + "Lavrov said the plan is dead. " + "more " * 500
    window = claim_in_context(detail(text, "the plan is dead", "Lavrov"), context=50)
    assert window.plain.startswith("…word ")
    assert window.plain.endswith(" more…")
    assert len(window.plain) < 200
    assert styled(window, STATEMENT_STYLE) == ["the plan is dead"]
    assert styled(window, SPEAKER_STYLE) == ["Lavrov"]


def test_blank_lines_at_the_edges_of_the_context_are_not_shown():
    text = "Menu\n\n\n\n\nLavrov said the plan is dead.\n\n\n\n\n\n\n\n" + "Footer " * 40
    window = claim_in_context(detail(text, "the plan is dead", "Lavrov"), context=40)
    assert window.plain.startswith("Menu\n") or window.plain.startswith("…Lavrov")
    assert window.plain.rstrip("…").endswith("dead.")
    assert styled(window, STATEMENT_STYLE) == ["the plan is dead"]


def test_the_colour_legend_is_left_out_without_colours():
    from io import StringIO

    from rich.console import Console

    from claimsdb.render import print_claim_detail

    text = "Lavrov said the plan is dead."
    row = detail(text, "the plan is dead", "Lavrov", "said") | {
        "claim_id": 7, "speaker": "Sergey Lavrov", "speaker_type": "person", "speaker_role": None,
        "country": "RU", "country_name": "Russia", "speaker_mention": "Lavrov", "kind": "indirect", "cue": "said",
        "rule": "said-clause",
    }
    for colour, legend in ((None, False), ("truecolor", True)):
        out = StringIO()
        console = Console(file=out, width=100, color_system=colour, force_terminal=colour is not None)
        try:
            print_claim_detail(row, console=console)
        except KeyError:
            pass  # the facts after the legend need more of a row than this test gives
        shown = re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue())  # the colours' escapes
        assert ("speaker  cue  statement" in shown) is legend


def test_shorten_keeps_whole_words_on_one_line():
    assert shorten("a  b\nc", 10) == "a b c"
    assert shorten("peace talks would start in April", 20) == "peace talks would…"
    assert len(shorten("x" * 50, 20)) == 20


def statement_row(text: str, statement: str, mention: str, cue: str, rule: str = "said-clause") -> dict:
    row = detail(text, statement, mention, cue)
    return {**row, "text": statement, "rule": rule}


def test_an_attribution_inside_a_statement_is_left_out_of_what_a_list_shows():
    from claimsdb.render import readable_statement

    text = '"A well-paid crew," argued Mr Holm, "will keep the ferries on time."'
    assert readable_statement(statement_row(text, text, "Mr Holm", "argued")) \
        == '"A well-paid crew … will keep the ferries on time."'
    text = "The snag they face, said Anna Vik, head of ferry firm Nordlink, is persuading tourists."
    statement = text[:-1]
    assert readable_statement(statement_row(text, statement, "Anna Vik, head of ferry firm Nordlink", "said")) \
        == "The snag they face … is persuading tourists"


def test_a_statement_without_an_attribution_inside_is_shown_as_stored_with_a_stance_lead():
    from claimsdb.render import readable_statement

    text = "Ms Vik accused the council of ignoring the harbour workers."
    row = statement_row(text, "ignoring the harbour workers", "Ms Vik", "accused")
    assert readable_statement(row) == "ignoring the harbour workers"
    assert readable_statement(row, "accused the council of") == "accused the council of ignoring the harbour workers"


def test_a_fronted_phrase_kept_with_the_statement_reads_without_the_attribution_and_its_that():
    from claimsdb.render import readable_statement

    text = "In both cases, the court said that the ferry firm had broken the rules."
    row = statement_row(text, text[:-1], "the court", "said")
    assert readable_statement(row) == "In both cases … the ferry firm had broken the rules"


def test_a_stance_cue_inside_the_statement_stays_in_what_is_shown():
    from claimsdb.render import readable_statement

    text = "Ms Vik attacked the plan, which she described as reckless."
    row = statement_row(text, "the plan, which she described as reckless", "she", "described", rule="describe-as")
    assert readable_statement(row) == "the plan, which she described as reckless"


def test_grouped_table_leaves_out_outlets_when_no_article_has_one():
    from io import StringIO

    from rich.console import Console

    from claimsdb.render import print_grouped

    row = {"claim_id": 3, "first_seen": "2031-03-03", "speaker": "Greta Lindqvist", "documents": 4, "text": "no"}
    for outlets, shown in ((0, False), (2, True)):
        out = StringIO()
        print_grouped([row | {"outlets": outlets}], console=Console(file=out, width=120))
        assert ("Outlets" in out.getvalue()) is shown
