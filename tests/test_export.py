"""Exports: the column contract, spreadsheet safety, valid JSON, files that are never half written."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimsdb.errors import OutputError
from claimsdb.export import EXPORT_COLUMNS, csv_cell, csv_line, export_claims, format_for_path, write_csv, write_json, write_rows
from claimsdb.query import ClaimFilter
from factories import store_sample

DOCUMENTED_COLUMNS = [
    "claim_id", "document", "document_title", "published_on", "speaker", "speaker_type", "speaker_role",
    "country", "country_name", "speaker_mention", "speaker_start", "speaker_end", "cue", "kind", "text",
    "text_start", "text_end", "stated_on", "date_precision", "quantities", "confidence",
]


@pytest.fixture
def connection(engine, session):
    store_sample(session)
    with engine.connect() as connection:
        yield connection


def leftovers(folder) -> list[str]:
    """Temporary files an export left behind."""
    return [name for name in os.listdir(folder) if name.endswith(".tmp")]


def export(connection, fmt, **filters) -> str:
    out = io.StringIO()
    export_claims(connection=connection, filters=ClaimFilter(**filters), fmt=fmt, stream=out)
    return out.getvalue()


def test_columns_start_with_the_documented_contract():
    assert list(EXPORT_COLUMNS[: len(DOCUMENTED_COLUMNS)]) == DOCUMENTED_COLUMNS


def test_csv_has_the_columns_in_order_and_one_row_per_claim(connection):
    rows = list(csv.reader(io.StringIO(export(connection, "csv"), newline="")))
    assert rows[0] == list(EXPORT_COLUMNS)
    assert len(rows) == 7
    first = dict(zip(rows[0], rows[1]))
    assert first["document"] == "news/kyiv.txt"
    assert first["speaker"] == "Volodymyr Zelenskyy"
    assert json.loads(first["quantities"]) == [
        {"value": 200000, "max": None, "unit": "peacekeepers", "text": "200,000 peacekeepers"}
    ]


def test_csv_lines_end_with_crlf_as_rfc_4180_says(connection):
    assert export(connection, "csv", limit=1).count("\r\n") == 2


def test_csv_defuses_spreadsheet_formulas(connection):
    rows = list(csv.DictReader(io.StringIO(export(connection, "csv", kind="according_to"), newline="")))
    assert rows[0]["text"] == "'=SUM(A1) is not a formula"
    # JSON keeps the text as written: it is not opened by spreadsheets.
    assert json.loads(export(connection, "json", kind="according_to"))[0]["text"] == "=SUM(A1) is not a formula"


@pytest.mark.parametrize("dangerous", ["=1+1", "+1", "-1", "@SUM(1)", "\t=1", "\r=1"])
def test_every_formula_prefix_is_defused(dangerous):
    out = io.StringIO()
    write_csv([{name: dangerous for name in EXPORT_COLUMNS}], out)
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert all(cell == "'" + dangerous for cell in rows[1])


@given(st.text())
def test_csv_round_trips_any_text(text):
    row = {name: None for name in EXPORT_COLUMNS} | {"text": text, "speaker": text}
    out = io.StringIO()
    write_csv([row], out)
    [read] = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    protected = text[:1] in ("=", "+", "-", "@", "\t", "\r")
    assert read["text"] == ("'" + text if protected else text)


# Any cell value a row may hold; at least two cells, since csv.writer quotes a record that
# is one empty cell (claim rows have 28).
CELLS = st.lists(
    st.one_of(
        st.none(), st.text(), st.integers(), st.floats(), st.booleans(),
        st.lists(st.fixed_dictionaries({"text": st.text(max_size=5), "value": st.integers()}), max_size=2),
    ),
    min_size=2, max_size=8,
)


@given(CELLS)
def test_csv_lines_are_what_the_csv_module_writes(values):
    expected = io.StringIO()
    csv.writer(expected, lineterminator="\r\n").writerow([csv_cell(value) for value in values])
    assert csv_line(values) == expected.getvalue()


def test_json_is_one_valid_array(connection):
    rows = json.loads(export(connection, "json"))
    assert [list(r) for r in rows] == [list(EXPORT_COLUMNS)] * 6
    assert rows[0]["quantities"][0]["value"] == 200000
    assert json.loads(export(connection, "json", actor="nobody")) == []


@given(st.lists(st.text(), max_size=5))
def test_json_is_valid_for_any_texts(texts):
    out = io.StringIO()
    write_json([{name: t for name in EXPORT_COLUMNS} for t in texts], out)
    assert [row["text"] for row in json.loads(out.getvalue())] == texts


def test_jsonl_is_one_object_per_line(connection):
    lines = export(connection, "jsonl").splitlines()
    assert len(lines) == 6
    assert [json.loads(line)["claim_id"] for line in lines] == sorted(json.loads(line)["claim_id"] for line in lines)


def test_file_output_is_written_whole(connection, tmp_path):
    target = tmp_path / "claims.json"
    count = export_claims(connection=connection, filters=ClaimFilter(), fmt="json", output=target)
    assert count == 6
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 6
    assert leftovers(tmp_path) == []


def test_failed_export_leaves_the_previous_file_untouched(tmp_path):
    target = tmp_path / "claims.csv"
    target.write_text("previous export\n")

    def rows_then_failure():
        yield {name: "x" for name in EXPORT_COLUMNS}
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        write_rows(rows_then_failure(), "csv", target)
    assert target.read_text() == "previous export\n"
    assert leftovers(tmp_path) == []


def test_export_into_a_missing_folder_is_an_output_error(tmp_path):
    with pytest.raises(OutputError, match="missing"):
        write_rows([], "csv", tmp_path / "missing" / "claims.csv")


def test_format_follows_the_file_suffix():
    assert format_for_path("out.JSON") == "json"
    assert format_for_path("out.jsonl") == "jsonl"
    assert format_for_path("out.ndjson") == "jsonl"
    assert format_for_path("out.csv") == "csv"
    assert format_for_path("out.txt") == "csv"
    assert format_for_path(None) == "csv"
