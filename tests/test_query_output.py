"""How `claims query` and `claims export` present claims: --sort, the source column and the
publication-date mark in the table, the date_source export column."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from claimsdb.cli import app
from claimsdb.query import CLAIM_COLUMNS
from claimsdb.records import PartialDate, Speaker
from claimsdb.store import store_document
from factories import claim, document, store_sample

runner = CliRunner()

WIRE = document(
    "Anna Berg said on Tuesday the harbour reopens. Carl Dahl said exports rose.",
    path="feeds/wire.txt",
    published=date(2025, 5, 6),
    outlet="Baltic Wire",
)


@pytest.fixture
def sample(session):
    store_sample(session)
    store_document(session=session, document=WIRE, claims=[
        claim(WIRE, "the harbour reopens", Speaker("Anna Berg"), stated_on=PartialDate(2025, 5, 6), confidence=0.95),
        claim(WIRE, "exports rose", Speaker("Carl Dahl"), confidence=0.3),
    ])


def exported(*args: str) -> list[dict]:
    result = runner.invoke(app, ["export", "-f", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def undated_last(row: dict) -> tuple:
    return (row["date_key"] is None, row["date_key"] or "")


def test_sort_by_date_either_way_with_undated_claims_last(sample):
    rows = exported("--sort", "date")
    assert len(rows) == 8
    assert rows[0]["text"] == "Russia rejects the plan [sic]"  # 2024, the oldest
    assert rows == sorted(rows, key=lambda r: (*undated_last(r), r["claim_id"]))
    newest = exported("--sort", "-date")
    assert newest[0]["text"] == "the harbour reopens"
    assert [r["date_key"] for r in newest] == sorted((r["date_key"] for r in rows if r["date_key"]), reverse=True) + [None]
    # The first N of a sorted query are the first N of the whole order, not of ingest order.
    assert [r["claim_id"] for r in exported("--sort", "-date", "--limit", "3")] == [r["claim_id"] for r in newest[:3]]


def test_sort_by_confidence_then_by_speaker(sample):
    rows = exported("--sort", "confidence")
    assert [r["confidence"] for r in rows] == sorted((r["confidence"] for r in rows), reverse=True)
    assert rows[0]["text"] == "the harbour reopens" and rows[-1]["text"] == "exports rose"
    rows = exported("--sort", "speaker", "--country", "UA")
    # One speaker's claims in date order, undated last.
    assert [(r["speaker"], r["date_key"]) for r in rows] == [
        ("Volodymyr Zelenskyy", "2025-03-16"), ("Volodymyr Zelenskyy", "2025-03-20"), ("Volodymyr Zelenskyy", None),
    ]
    speakers = [r["speaker"] for r in exported("--sort", "speaker")]
    assert speakers == sorted(speakers, key=str.lower)
    assert speakers[0] == "Anna Berg"


def test_an_unknown_sort_is_a_usage_error(sample):
    for command in ("query", "export"):
        result = runner.invoke(app, [command, "--sort", "loudness"])
        assert result.exit_code == 2
        assert "'loudness' is not one of 'date', '-date', 'confidence', 'speaker'" in result.output


def test_date_source_says_which_date_the_claim_is_filed_under(sample):
    by_text = {r["text"]: r for r in exported()}
    # New columns come after the existing ones: the earlier columns keep their places.
    after_outlet = CLAIM_COLUMNS[CLAIM_COLUMNS.index("outlet") + 1 :]
    assert after_outlet[:2] == ("date_source", "speaker_edited")
    assert (by_text["We need at least 200,000 peacekeepers."]["date_source"], by_text["We need at least 200,000 peacekeepers."]["date_key"]) == ("statement", "2025-03-16")
    assert (by_text["peace talks would start in April"]["date_source"], by_text["peace talks would start in April"]["date_key"]) == ("publication", "2025-03-20")
    # A statement date without its year files the claim under the publication date.
    assert by_text["the EU mission could take various formats"]["stated_on"] == "XXXX-04-01"
    assert by_text["the EU mission could take various formats"]["date_source"] == "publication"
    assert by_text["Russia rejects the plan [sic]"]["date_source"] == "statement"
    assert by_text["tanks arrived in Kharkiv"]["date_source"] is None
    header = runner.invoke(app, ["export"]).stdout.splitlines()[0]
    assert ",outlet,date_source,speaker_edited" in header


def test_table_shows_the_source_and_marks_publication_dates(sample):
    result = runner.invoke(app, ["query", "--sort", "date"], env={"COLUMNS": "140"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "Source" in lines[1]
    row = next(line for line in lines if "the harbour" in line)
    assert "2025-05-06 " in row and "Baltic Wire" in row and "Anna Berg" in row
    row = next(line for line in lines if "peace talks" in line)
    assert "2025-03-20*" in row and "kyiv.txt" in row
    assert lines[-1] == "* publication date of the article: it does not say when the statement was made."
    # No mark, no legend.
    result = runner.invoke(app, ["query", "--document", "moscow"], env={"COLUMNS": "140"})
    assert "*" not in result.stdout and "publication date" not in result.stdout
    assert "moscow.txt" in result.stdout


def test_a_narrow_terminal_keeps_the_claim_readable(sample):
    # At 80 columns six columns left the claim a word a line: source and kind give way.
    result = runner.invoke(app, ["query", "--document", "kyiv"], env={"COLUMNS": "80"})
    lines = result.stdout.splitlines()
    header = next(line for line in lines if "Claim" in line)
    assert "Source" not in header and "Kind" not in header and "Speaker" in header
    assert len(header) - header.index("Claim") >= 35
    assert any("peace talks would start in April" in line for line in lines)  # on one line
    assert max(map(len, lines)) <= 80
    assert lines[-1] == "Source and kind are left out below 100 columns: `claims show ID` has them."


def table_of_article(tmp_path, text: str):
    """Ingest ``text`` as one article and return the `claims query` table, wide enough for
    whole statements."""
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(tmp_path)]).exit_code == 0
    result = runner.invoke(app, ["query"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    return result


def test_the_table_shows_whom_a_stance_is_on_and_leaves_an_inner_attribution_out(tmp_path):
    result = table_of_article(tmp_path, "Harbour row\n\nMs Vik accused the council of ignoring the harbour workers. "
                              '"A well-paid crew," argued Mr Holm, "will keep the ferries on time."\n')
    assert "accused the council of ignoring the harbour workers" in result.output
    assert '"A well-paid crew … will keep the ferries on time."' in result.output
    # the export keeps the stored text and its columns
    rows = exported()
    assert {r["text"] for r in rows} >= {"ignoring the harbour workers",
                                         '"A well-paid crew," argued Mr Holm, "will keep the ferries on time."'}
    assert "lead" not in rows[0]


def test_the_table_shows_the_stance_verb_before_a_content_that_is_its_object(tmp_path):
    result = table_of_article(tmp_path, "Ferry row\n\nThe mayor criticised the port's handling of the winter timetable. "
                              "Labour said the timetable would change.\n")
    assert "criticised the port's handling of the winter timetable" in result.output
    # a plain attribution's verb stays out: the statement is what was said
    assert "said the timetable" not in result.output and "the timetable would change" in result.output
    assert {r["text"] for r in exported()} >= {"the port's handling of the winter timetable"}


def test_the_table_shows_a_reporting_verb_before_its_noun_phrase_object(tmp_path):
    # "questioned" is no stance rule: read as said-clause, its object alone says the opposite
    result = table_of_article(tmp_path, "Bridge row\n\nChief auditor Mona Dahl questioned the value of the new toll bridge. "
                              "The council is reiterating a 4% savings goal for 2031. "
                              "Ms Dahl insisted the bridge tolls cover its upkeep.\n")
    assert "questioned the value of the new toll bridge" in result.output
    assert "reiterating a 4% savings goal for 2031" in result.output
    # a clause keeps its attribution out, also one whose verb the parser does not know
    assert "insisted the bridge" not in result.output and "the bridge tolls cover its upkeep" in result.output
    rows = exported()
    assert {r["text"] for r in rows} >= {"the value of the new toll bridge", "a 4% savings goal for 2031"}
    assert {r["rule"] for r in rows if r["text"].startswith(("the value", "a 4%"))} == {"said-object"}


def test_the_table_shows_a_reporting_verb_before_its_infinitive(tmp_path):
    # rule said-infinitive: "to cut the harbour fees" alone does not say it was promised
    result = table_of_article(tmp_path, "Fees row\n\nMayor Ola Vik promised to cut the harbour fees by half. "
                              "The union backed the plan but threatened to strike in May.\n")
    assert "promised to cut the harbour fees by half" in result.output
    assert "threatened to strike in May" in result.output
    rows = exported()
    # the stored text is the infinitive, as before
    assert {(r["rule"], r["text"]) for r in rows} >= {("said-infinitive", "to cut the harbour fees by half"),
                                                      ("shared-infinitive", "to strike in May")}
