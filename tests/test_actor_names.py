"""Across documents, names that differ in given name, title or type stay different actors."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from claimsdb.cli import app

runner = CliRunner()


def speakers_by_document(tmp_path, *articles: str) -> list[list[str]]:
    """Ingest each article as its own file; the stored speaker names of each, in order."""
    paths = []
    for i, text in enumerate(articles):
        path = tmp_path / f"article{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    db = str(tmp_path / "claims.db")
    assert runner.invoke(app, ["ingest", *paths, "--db", db]).exit_code == 0
    rows = [json.loads(line) for line in
            runner.invoke(app, ["export", "--format", "jsonl", "--db", db]).stdout.splitlines()]
    return [[r["speaker"] for r in rows if r["document"].endswith(f"article{i}.txt")] for i in range(len(articles))]


def test_a_short_outlet_name_is_not_the_longer_outlet_it_is_part_of(tmp_path):
    first, second = speakers_by_document(
        tmp_path,
        "The New York Times reported that the harbour deal was close.\n\nFox News reported that the vote was delayed.\n",
        "The Times reported that the harbour deal had failed.\n\nFox said that the vote would go ahead.\n",
    )
    assert first == ["The New York Times", "Fox News"]
    assert second == ["The Times", "Fox"]


def test_a_peer_keeps_the_title_that_names_him_and_joins_no_other_person_of_that_surname(tmp_path):
    first, second = speakers_by_document(
        tmp_path,
        "Defence Secretary Des Browne said the ships would stay in port.\n",
        "Lord Browne said the refinery would reopen in May.\n\nBrowne added that jobs were safe.\n",
    )
    assert first == ["Des Browne"]
    assert second[0] == "Lord Browne"
    assert "Des Browne" not in second


def test_within_an_article_a_peer_is_not_expanded_to_a_namesake(tmp_path):
    [speakers] = speakers_by_document(
        tmp_path,
        "Defence Secretary Des Browne visited the base on Monday.\n\n"
        "Lord Browne said the refinery would reopen in May.\n",
    )
    assert speakers == ["Lord Browne"]


def test_a_word_about_the_person_before_a_known_given_name_is_not_part_of_the_name():
    from claimsdb.extract.speakers import describe

    for phrase in ("Defiant Anna Lund", "Delighted Anna Lund", "Conservative Anna Lund"):
        assert describe(phrase, 0, len(phrase)).name == "Anna Lund"
    # a given name before the given name is a double first name
    assert describe("Grant Anna Lund", 0, len("Grant Anna Lund")).name == "Grant Anna Lund"
