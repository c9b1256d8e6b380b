"""The claims command line, through Typer's test runner: output, exit codes, error messages."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimsdb import pipeline
from claimsdb.cli import app
from claimsdb.errors import NotFound
from claimsdb.export import EXPORT_COLUMNS
from factories import said_claims

runner = CliRunner()

COMMANDS = [
    [], ["ingest"], ["extract"], ["query"], ["export"], ["show"], ["stats"], ["actors"],
    ["db"], ["db", "upgrade"], ["db", "current"],
]


def claims(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture(autouse=True)
def extractor(monkeypatch):
    """The extractor's findings are not under test here: every "Name said x." is a claim."""
    monkeypatch.setattr(pipeline, "analyse", said_claims)


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "kallas.txt").write_text("Kaja Kallas said the mission could take various formats.\n")
    (folder / "lavrov.txt").write_text(
        "Sergey Lavrov said Russia rejects the plan. Volodymyr Zelenskyy said tanks arrived.\n"
        "Zelensky said =HYPERLINK(evil) is a formula.\n"
    )
    return folder


@pytest.fixture
def ingested(articles):
    result = claims("ingest", str(articles))
    assert result.exit_code == 0, result.output
    return articles


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "claims")
def test_every_command_has_help(command):
    result = claims(*command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output
    if command and command != ["db"]:
        assert "Example" in result.output


def test_help_lists_the_commands():
    output = claims("--help").output
    for name in ("ingest", "extract", "query", "export", "actors", "show", "stats", "db"):
        assert f"  {name} " in output


def test_ingest_prints_a_summary(articles):
    result = claims("ingest", str(articles))
    assert result.exit_code == 0
    assert "New" in result.output and "Claims added" in result.output
    assert "│   2 │" in result.output  # two new documents
    again = claims("ingest", str(articles))
    assert again.exit_code == 0
    assert "Failed files" not in again.output
    # The second run says which files it skipped and why.
    assert "Skipped (their content is already stored):" in again.output
    assert sum(line.strip().endswith(".txt") for line in again.output.splitlines()) == 2


def test_a_copy_in_the_same_batch_names_the_file_it_repeats(articles):
    (articles / "zcopy.txt").write_bytes((articles / "kallas.txt").read_bytes())
    result = claims("ingest", str(articles))
    assert result.exit_code == 0
    [line] = [line for line in result.output.splitlines() if "zcopy.txt" in line]
    assert line.rstrip().endswith("kallas.txt)") and "(same text as " in line
    # Its first name is not shown as a copy of itself when the folder is ingested again.
    again = claims("ingest", str(articles)).output
    assert "same text as" not in again.split("zcopy.txt")[0]


def test_ingest_batch_with_a_bad_file_stores_the_rest_and_exits_1(articles):
    (articles / "empty.txt").write_text("")
    result = claims("ingest", str(articles), "nowhere.txt")
    assert result.exit_code == 1
    assert "Failed files" in result.output
    assert "empty.txt" in result.output and "nowhere.txt" in result.output
    assert "Traceback" not in result.output
    listed = claims("query", "--format", "jsonl").stdout.splitlines()
    assert len(listed) == 4


def test_ingest_from_standard_input():
    result = claims("ingest", "-", "--published", "2025-03-16", input="Kaja Kallas said peace is near.\n")
    assert result.exit_code == 0, result.output
    [row] = json.loads(claims("query", "--format", "json").stdout)
    assert (row["speaker"], row["published_on"]) == ("Kaja Kallas", "2025-03-16")


def test_bad_published_date_is_a_usage_error(articles):
    result = claims("ingest", str(articles), "--published", "16/03/2025")
    assert result.exit_code == 2
    assert "--published" in result.output


@pytest.mark.parametrize(("value", "says"), [
    ("2025-13-45", "there is no month 13"),
    ("2025-02-29", "February 2025 has 28 days"),
    ("2025-09", "a publication date is a day"),
])
def test_published_that_is_no_day_says_what_is_wrong(articles, value, says):
    result = claims("ingest", str(articles), "--published", value)
    assert result.exit_code == 2 and says in result.output
    assert "Value error" not in result.output and "%Y" not in result.output


def test_published_leap_day_is_a_day(articles):
    assert claims("ingest", str(articles), "--published", "2024-02-29").exit_code == 0
    assert {r["published_on"] for r in json.loads(claims("query", "--format", "json").stdout)} == {"2024-02-29"}


@pytest.mark.parametrize(("args", "says"), [
    (["query", "--limit", "0"], "Invalid value for '--limit': must be at least 1"),
    (["query", "--limit", "many"], "Invalid value for '--limit': must be a whole number"),
    (["export", "--min-confidence", "2"], "Invalid value for '--min-confidence': must be at most 1"),
    (["query", "--kind", "quote"], "Invalid value for '--kind': 'quote' is not one of 'direct'"),
])
def test_a_bad_option_value_is_worded_for_people(args, says):
    result = claims(*args)
    assert result.exit_code == 2 and says in result.output
    assert "Value error" not in result.output and "Input should be" not in result.output


def test_query_shows_a_table(ingested):
    result = claims("query", "--actor", "zelenskiy")
    assert result.exit_code == 0
    assert "Volodymyr Zelenskyy" in result.stdout
    assert "tanks arrived" in result.stdout
    assert "Kaja Kallas" not in result.stdout


def test_query_table_says_when_more_claims_match(ingested):
    result = claims("query", "--limit", "1")
    assert result.stdout.count("said") == 0  # cue words are not shown in the table
    assert "Kaja Kallas" in result.stdout
    assert "Sergey Lavrov" not in result.stdout


def test_query_with_nothing_matching(ingested):
    result = claims("query", "--actor", "Macron")
    assert result.exit_code == 0
    assert "No claims match" in result.stdout


def test_query_names_the_nearest_speakers_for_a_name_nobody_answers_to(ingested):
    result = claims("query", "--actor", "Lavorv")
    assert result.exit_code == 0 and "No claims match" in result.stdout
    assert "No speaker is named 'Lavorv'" in result.stderr and "'Sergey Lavrov'" in result.stderr
    # A speaker who exists but said nothing in range gets no such line.
    assert "No speaker is named" not in claims("query", "--actor", "Lavrov", "--since", "2031").stderr


def test_query_formats(ingested):
    rows = list(csv.DictReader(io.StringIO(claims("query", "--format", "csv").stdout, newline="")))
    assert [r["speaker"] for r in rows] == ["Kaja Kallas", "Sergey Lavrov", "Volodymyr Zelenskyy", "Volodymyr Zelenskyy"]
    assert len(json.loads(claims("query", "--format", "json").stdout)) == 4
    assert len(claims("query", "-f", "jsonl", "--actor", "Lavrov").stdout.splitlines()) == 1


def test_query_output_file_takes_its_format_from_the_suffix(ingested, tmp_path):
    result = claims("query", "--actor", "Kallas", "-o", "kallas.json")
    assert result.exit_code == 0
    assert "Wrote 1 claim to kallas.json\n" in result.stderr
    assert json.loads((tmp_path / "kallas.json").read_text())[0]["speaker"] == "Kaja Kallas"


def test_output_file_whose_name_names_no_format_says_which_was_written(ingested, tmp_path):
    result = claims("query", "--actor", "Kallas", "-o", "kallas.txt")
    assert result.exit_code == 0 and result.stderr == "Wrote 1 claim to kallas.txt as CSV\n"
    assert (tmp_path / "kallas.txt").read_text().startswith("claim_id,")
    result = claims("export", "--format", "jsonl", "-o", "all.txt")
    assert result.stderr == "Wrote 4 claims to all.txt as JSON Lines\n"


def test_table_cannot_go_to_a_file(ingested):
    result = claims("query", "--format", "table", "-o", "out.txt")
    assert result.exit_code == 2


def test_bad_filter_is_one_error_line_and_exit_1(ingested):
    result = claims("query", "--since", "last week")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: --since: expected YYYY, YYYY-MM or YYYY-MM-DD, not 'last week'"
    # The right shape but no day of the calendar: said which part is wrong.
    assert claims("query", "--until", "2025-04-31").stderr.strip() == "Error: --until: '2025-04-31' is no date: April 2025 has 30 days"
    assert "Traceback" not in result.output


def test_unknown_kind_is_a_usage_error(ingested):
    result = claims("query", "--kind", "rumour")
    assert result.exit_code == 2
    assert "--kind" in result.output


def test_export_writes_all_claims_as_csv(ingested):
    result = claims("export")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows[0] == list(EXPORT_COLUMNS)
    assert len(rows) == 5
    assert "'=HYPERLINK(evil) is a formula" in [row[EXPORT_COLUMNS.index("text")] for row in rows]


def test_export_names_the_rule_of_each_claim_after_the_other_columns(ingested):
    for fmt in ("csv", "json", "jsonl"):
        result = claims("export", "--format", fmt)
        assert result.exit_code == 0, result.output
        if fmt == "csv":
            header, *rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
            records = [dict(zip(header, row)) for row in rows]
        elif fmt == "json":
            records = json.loads(result.stdout)
        else:
            records = [json.loads(line) for line in result.stdout.splitlines()]
        columns = list(records[0])
        assert columns.index("rule") > columns.index("outlet")
        assert {r["rule"] for r in records} == {"said-clause"}


def test_export_to_a_file_replaces_it_only_when_complete(ingested, tmp_path):
    target = tmp_path / "claims.jsonl"
    result = claims("export", "--format", "jsonl", "-o", str(target))
    assert result.exit_code == 0
    assert len(target.read_text().splitlines()) == 4


def test_export_into_a_missing_folder_is_an_error(ingested):
    result = claims("export", "-o", "no/such/folder/claims.csv")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot write no/such/folder/claims.csv")


def test_show_puts_the_claim_in_its_source_context(ingested):
    result = claims("show", "1")
    assert result.exit_code == 0
    out = result.stdout
    assert "Kaja Kallas said the mission could take various formats." in out
    assert "kallas.txt" in out
    assert "statement 17–55, speaker 0–11, cue 12–16" in out
    assert "Confidence" in out and "Extractor" in out
    assert "Rule        said-clause" in out


def test_show_unknown_claim(ingested):
    result = claims("show", "999")
    assert result.exit_code == 1
    assert result.stderr == "Error: no claim with id 999\n"


def test_verbose_lets_the_traceback_through(ingested):
    result = claims("--verbose", "show", "999")
    assert isinstance(result.exception, NotFound)


def test_actors_lists_speakers_with_their_other_names(ingested):
    result = claims("actors")
    assert result.exit_code == 0
    assert "Volodymyr Zelenskyy" in result.stdout
    assert "Zelensky" in result.stdout.split("Volodymyr Zelenskyy", 1)[1]


def test_stats(ingested):
    result = claims("stats")
    assert result.exit_code == 0
    assert "Documents" in result.stdout
    assert "indirect" in result.stdout


def test_db_commands(tmp_path, isolated_database):
    result = claims("db", "current")
    if isinstance(isolated_database, Path):  # SQLite: no file yet, and asking makes none
        assert result.exit_code == 1 and "no database at" in result.stderr
        assert not isolated_database.exists()
    else:
        assert "schema none" in result.stdout
    assert "Upgraded" in claims("db", "upgrade").stdout
    assert "up to date" in claims("db", "current").stdout
    assert "up to date" in claims("db", "upgrade").stdout


@pytest.mark.sqlite
def test_db_option_wins_over_the_environment(tmp_path, isolated_database):
    assert claims("db", "upgrade", "--db", str(tmp_path / "other.db")).exit_code == 0
    result = claims("stats", "--db", str(tmp_path / "other.db"))
    assert result.exit_code == 0
    assert (tmp_path / "other.db").exists()
    assert not isolated_database.exists()


@pytest.mark.sqlite
@pytest.mark.parametrize("command", [["stats"], ["query"], ["export"], ["actors"], ["show", "1"]])
def test_reading_a_database_that_does_not_exist_is_an_error_not_an_empty_answer(tmp_path, command):
    missing = tmp_path / "nowhere.db"
    result = claims(*command, "--db", str(missing))
    assert result.exit_code == 1
    assert "no database at" in result.output
    assert not missing.exists()


def test_export_refuses_a_file_name_whose_format_it_cannot_write(tmp_path):
    claims("db", "upgrade")
    result = claims("export", "-o", str(tmp_path / "claims.xlsx"))
    assert result.exit_code == 1
    assert "claims.xlsx" in result.output and not (tmp_path / "claims.xlsx").exists()


def test_python_dash_m_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "claimsdb", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "Usage: claims" in result.stdout


def test_help_does_not_load_the_heavy_modules():
    # `claims --help` must answer at once: the database and extraction stack load only when used.
    code = (
        "import sys, claimsdb.cli; "
        "print([m for m in ('sqlalchemy', 'alembic', 'trafilatura', 'claimsdb.extract') if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("command", ["query", "export"])
def test_outlet_selects_the_documents_ingested_with_it_and_is_exported(articles, command):
    assert claims("ingest", str(articles / "kallas.txt"), "--outlet", "Reuters").exit_code == 0
    assert claims("ingest", str(articles / "lavrov.txt")).exit_code == 0
    rows = [json.loads(line) for line in claims(command, "--outlet", "reuters", "-f", "jsonl").stdout.splitlines()]
    assert [(row["speaker"], row["outlet"]) for row in rows] == [("Kaja Kallas", "Reuters")]
    everything = [json.loads(line) for line in claims(command, "-f", "jsonl").stdout.splitlines()]
    assert {row["outlet"] for row in everything} == {"Reuters", None}
    assert claims(command, "--outlet", "AP", "-f", "jsonl").stdout == ""
