"""Topics, `claims positions` and `claims timeline`, through the command line on real files."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from claimsdb.cli import app

runner = CliRunner()

ARTICLES = {
    "a1.txt": (
        "Ministers meet on the harbour fleet\n\n"
        "On 3 March 2024 Norway ruled out sending frigates to the harbour.\n\n"
        "Sweden said on 4 March 2024 that it would send frigates only if the alliance agreed.\n\n"
        "The mayor of Oslo said on 5 March 2024 that the fishing season opened early.\n"
    ),
    "a2.txt": (
        "Frigate plan splits the north\n\n"
        "Denmark said on 10 April 2024 that it does not plan to send its frigate.\n\n"
        "Norway said on 12 April 2024 that the frigates plan was unacceptable.\n\n"
        "Sweden's defence minister Pal Jonson said on 20 May 2024 that Sweden will send two frigates.\n"
    ),
}


@pytest.fixture
def articles(tmp_path):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "a1.txt")])
    assert result.exit_code == 0, result.output
    return tmp_path


def _ids(*args: str) -> set[str]:
    result = runner.invoke(app, ["export", "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return {json.loads(line)["text"] for line in result.stdout.splitlines()}


def test_topic_tags_stored_claims_and_claims_ingested_later(articles):
    result = runner.invoke(app, ["topics", "add", "navy", "frigate"])
    assert result.exit_code == 0, result.output
    assert "Topic navy: 1 term, 2 claims." in result.stdout
    # Word forms match: "frigate" finds "frigates".
    assert all("frigates" in text for text in _ids("--topic", "navy"))
    runner.invoke(app, ["ingest", str(articles / "a2.txt")])
    texts = _ids("--topic", "navy")
    assert len(texts) == 5 and not any("fishing" in t for t in texts)


def test_adding_terms_retags_and_remove_untags(articles):
    runner.invoke(app, ["topics", "add", "Sea", "fishing season"])
    assert len(_ids("--topic", "sea")) == 1
    result = runner.invoke(app, ["topics", "add", "sea", "frigates"])
    assert "Topic Sea: 2 terms, 3 claims." in result.stdout
    listed = runner.invoke(app, ["topics", "list"])
    assert "fishing season, frigates" in listed.stdout
    result = runner.invoke(app, ["topics", "remove", "SEA"])
    assert result.exit_code == 0 and "3 claims untagged" in result.stdout
    result = runner.invoke(app, ["query", "--topic", "sea"])
    assert result.exit_code == 1 and "no topic named 'sea'" in result.stderr
    assert runner.invoke(app, ["topics", "remove", "sea"]).exit_code == 1


def test_positions_by_country(articles):
    runner.invoke(app, ["ingest", str(articles / "a2.txt")])
    runner.invoke(app, ["topics", "add", "navy", "frigate"])
    result = runner.invoke(app, ["positions", "--topic", "navy", "--by", "country", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {row["country"]: row for row in json.loads(result.stdout)}
    assert set(rows) == {"NO", "SE", "DK"}
    norway = rows["NO"]
    assert (norway["claims"], norway["negative"], norway["positive"], norway["stance"]) == (2, 2, 0, "negative")
    assert (norway["first_date"], norway["last_date"]) == ("2024-03-03", "2024-04-12")
    assert "unacceptable" in norway["latest_text"] and norway["latest_date"] == "2024-04-12"
    sweden = rows["SE"]
    assert (sweden["negative"], sweden["positive"], sweden["conditional"], sweden["stance"]) == (0, 2, 1, "positive")
    assert "two frigates" in sweden["latest_text"]
    assert rows["DK"]["stance"] == "negative"
    table = runner.invoke(app, ["positions", "--topic", "navy"], env={"COLUMNS": "200"})
    assert "Norway" in table.stdout and "negative" in table.stdout
    assert "two frigates" in table.stdout
    # In an 80-column terminal the statements follow the table rather than being squeezed out.
    narrow = runner.invoke(app, ["positions", "--topic", "navy"], env={"COLUMNS": "80"})
    assert "Latest statement of each:" in narrow.stdout and "two frigates" in narrow.stdout


def test_positions_by_actor_filters_and_csv(articles, tmp_path):
    runner.invoke(app, ["ingest", str(articles / "a2.txt")])
    out = tmp_path / "who.csv"
    result = runner.invoke(app, ["positions", "--by", "actor", "--polarity", "negative", "--since", "2024-04",
                                 "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {row["actor"] for row in rows} == {"Denmark", "Norway"}
    assert all(row["negative"] == row["claims"] == "1" for row in rows)


def test_timeline_in_date_order_with_bars(articles):
    runner.invoke(app, ["ingest", str(articles / "a2.txt")])
    result = runner.invoke(app, ["timeline", "--country", "Sweden"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("2024-03-04") < out.index("2024-05-20")
    assert "2024-04 " in out  # the empty month between is shown
    assert "Claims per month" in out
    weekly = runner.invoke(app, ["timeline", "--actor", "Jonson", "--every", "week"], env={"COLUMNS": "200"})
    assert "2024-05-20" in weekly.stdout and "2024-03" not in weekly.stdout
    neither = runner.invoke(app, ["timeline"])
    assert neither.exit_code == 1 and "give --actor or --country" in neither.stderr
    assert runner.invoke(app, ["timeline", "--actor", "Jonson", "--country", "SE"]).exit_code == 2
    misnamed = runner.invoke(app, ["timeline", "--country", "SE", "--plot", "x.pdf"])
    assert misnamed.exit_code == 1 and "name it .png, .svg or .html" in misnamed.stderr


@pytest.mark.parametrize("suffix", [".png", ".svg", ".html"])
def test_timeline_plot(articles, tmp_path, suffix):
    pytest.importorskip("matplotlib")
    runner.invoke(app, ["ingest", str(articles / "a2.txt")])
    path = tmp_path / f"norway{suffix}"
    result = runner.invoke(app, ["timeline", "--country", "Norway", "--plot", str(path)])
    assert result.exit_code == 0, result.output
    data = path.read_bytes()
    if suffix == ".png":
        assert data.startswith(b"\x89PNG")
    else:
        assert b"<svg" in data
    if suffix == ".html":
        assert b"unacceptable" in data and b"negative" in data


REPORTS = {
    "r1.txt": "Harbour to reopen\n\nThe mayor of Bergen, Anna Berg, said on 3 March 2024 that the harbour will reopen before the summer season.\n",
    "r2.txt": "Harbour news\n\nAnna Berg said on 4 March 2024 the harbour will reopen before the summer season starts.\n\nShe said on 4 March 2024 that the city will pay.\n",
    "r3.txt": "Old news\n\nAnna Berg said on 20 March 2024 that the harbour will reopen before the summer season.\n",
}


def test_one_statement_reported_twice_is_one_group(tmp_path):
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    # Stored in two ingests with different outlets: groups form across ingests too.
    runner.invoke(app, ["ingest", str(tmp_path / "r1.txt"), "--outlet", "Coast Post"])
    runner.invoke(app, ["ingest", str(tmp_path / "r2.txt"), str(tmp_path / "r3.txt"), "--outlet", "Fjord Daily"])
    rows = [json.loads(line) for line in runner.invoke(app, ["export", "--format", "jsonl"]).stdout.splitlines()]
    by_text = {(row["text"], row["date_key"]): row for row in rows}
    first = by_text[("the harbour will reopen before the summer season", "2024-03-03")]
    second = by_text[("the harbour will reopen before the summer season starts", "2024-03-04")]
    later = by_text[("the harbour will reopen before the summer season", "2024-03-20")]
    other = by_text[("the city will pay", "2024-03-04")]
    assert first["statement_group"] == second["statement_group"] == first["claim_id"]
    assert first["reports"] == second["reports"] == 2
    # Too late to be the same report, and another statement of the same day.
    assert (later["statement_group"], later["reports"]) == (later["claim_id"], 1)
    assert (other["statement_group"], other["reports"]) == (other["claim_id"], 1)
    columns = list(rows[0])
    assert columns[columns.index("statement_group"):][:2] == ["statement_group", "reports"]
    assert columns.index("statement_group") > columns.index("modality")

    result = runner.invoke(app, ["query", "--grouped", "--format", "json"])
    grouped = json.loads(result.stdout)
    assert len(grouped) == 3
    assert (grouped[0]["documents"], grouped[0]["outlets"], grouped[0]["first_seen"]) == (2, 2, "2024-03-03")
    table = runner.invoke(app, ["query", "--grouped"], env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "2024-03-03" in table.stdout and "Outlets" in table.stdout
