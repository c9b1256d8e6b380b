"""JSON Lines and CSV files of articles: one document per record, bad records reported by line."""

from __future__ import annotations

import csv
import json
import tracemalloc
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from typer.testing import CliRunner

from claimsdb import db
from claimsdb.cli import app
from claimsdb.ingest import ingest
from claimsdb.models import Claim, Document
from claimsdb.read import RecordFields, Source, expand_sources, read_document
from claimsdb.read.records import iter_records, parse_record_date

runner = CliRunner()

# Written for these tests; not from any corpus.
FIRST = "Mayor Ines Varga said the new tram line would open in May. The council agreed."
SECOND = "The harbour master, Tomas Lind, said on Tuesday that the port would close for repairs."
THIRD = "\ufeffA text that starts with a byte-order mark. Olga Berg said it must stay as stored."


def write_jsonl(path, records) -> str:
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(record if isinstance(record, str) else json.dumps(record))
            handle.write("\n")
    return str(path)


def claims(*args: str):
    return runner.invoke(app, list(args))


def stored_documents(engine) -> dict[str, Document]:
    with engine.connect() as connection:
        return {row.path: row for row in connection.execute(select(Document)).all()}


def test_news_please_records_become_documents_with_their_metadata(engine, tmp_path):
    path = write_jsonl(tmp_path / "scraped.jsonl", [
        {"title": "Tram line  to open", "maintext": FIRST, "date_publish": "2024-03-04 09:15:00",
         "url": "https://news.example/tram", "source_domain": "news.example", "language": "en"},
        {"title": "Port to close", "text": SECOND, "date": "2024-03-05T10:00:00Z", "sitename": "Harbour Times",
         "id": "story-17"},
    ])
    report = ingest([path], engine=engine)
    assert (report.new, report.failed) == (2, 0)

    documents = stored_documents(engine)
    first = documents[f"{path}#L1"]
    assert (first.text, first.title, first.published_on, first.published_method) == (FIRST, "Tram line to open", date(2024, 3, 4), "meta")
    assert (first.url, first.outlet, first.language, first.media_type) == ("https://news.example/tram", "news.example", "en", "text")
    second = documents[f"{path}#story-17"]  # an id names the record better than its line
    assert (second.text, second.outlet, second.published_on) == (SECOND, "Harbour Times", date(2024, 3, 5))


def test_claim_offsets_index_the_record_text_exactly_as_stored(engine, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": THIRD}, {"text": SECOND}])
    ingest([path], engine=engine, workers=0)
    with engine.connect() as connection:
        rows = connection.execute(
            select(Claim.text, Claim.text_start, Claim.text_end, Document.text.label("document_text")).join(Document)
        ).all()
    assert rows, "the real extractor finds the statements"
    assert {row.text for row in rows} >= {"it must stay as stored"}
    for row in rows:
        assert row.text == row.document_text[row.text_start:row.text_end]
    assert stored_documents(engine)[f"{path}#L1"].text == THIRD  # the mark is part of the record's text


def test_bad_records_are_reported_by_line_and_the_rest_is_stored(tmp_path):
    path = write_jsonl(tmp_path / "feed.jsonl", [
        {"text": FIRST},
        {"title": "no text at all"},
        {"text": 42},
        "{not json",
        "[1, 2]",
        "",
        {"text": SECOND, "date": "next Tuesday"},
        {"text": "x" * 3000},
        {"text": SECOND, "title": ["a", "list"]},
        '{"text": "half a pair \\ud800 here"}',
        {"text": THIRD},
    ])
    result = claims("ingest", path, "--max-bytes", "2KB")
    assert result.exit_code == 1
    out = result.stdout
    for line, reason in [
        (2, "no text: none of the fields 'text', 'maintext', 'body', 'content', 'raw_text' or 'article_text' holds any"),
        (3, "field 'text' is a number, not text"),
        (4, "not valid JSON: Expecting property name enclosed in double quotes at column 2"),
        (5, "not a JSON object but a list"),
        (7, "field 'date': cannot read 'next Tuesday' as a date (write YYYY-MM-DD)"),
        (8, "record too large: 2.9 KB (3,000 bytes) of text, over the --max-bytes limit of 2.0 KB (2,048 bytes)"),
        (9, "field 'title' is a list, not text"),
        (10, "field 'text' is not valid Unicode: a lone surrogate at character 13"),
    ]:
        assert f"{path}#L{line}: {reason}" in out
    assert "#L6" not in out  # a blank line is no record
    rows = stored_documents(db.open_engine())
    assert sorted(rows) == [f"{path}#L1", f"{path}#L11"]


def test_field_options_name_other_fields(tmp_path):
    path = write_jsonl(tmp_path / "export.jsonl", [
        {"article_body": FIRST, "headline_text": "Trams", "when": "2023-11-30", "link_to": "https://x.example/a",
         "paper": "The Example Post", "text": "not this one"},
    ])
    result = claims("ingest", path, "--text-field", "article_body", "--title-field", "headline_text",
                    "--date-field", "when", "--url-field", "link_to", "--outlet-field", "paper")
    assert result.exit_code == 0, result.output
    [document] = stored_documents(db.open_engine()).values()
    assert (document.text, document.title, document.published_on, document.url, document.outlet) == (
        FIRST, "Trams", date(2023, 11, 30), "https://x.example/a", "The Example Post")

    result = claims("ingest", path, "--text-field", "missing")
    assert "no text: none of the fields 'missing' holds any" in result.stdout


def test_csv_records_with_quoted_newlines_and_a_bom(engine, tmp_path):
    path = tmp_path / "mediacloud.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["stories_id", "publish_date", "title", "url", "media_name", "text"])
        writer.writerow(["101", "2022-01-02 08:00:00", "Trams", "https://a.example/1", "A Daily", FIRST + '\n\n"Quoted," she said.'])
        writer.writerow(["102", "", "Port", "https://a.example/2", "A Daily", SECOND])
        handle.write("103,2022-01-03,short row\n")
        writer.writerow(["104", "", "", "", "", ""])
        writer.writerow(["105", "2022-01-04", "Mark", "", "", THIRD])
    report = ingest([str(path)], engine=engine)
    failed = {result.path: result.reason for result in report.failures}
    # Record 101 takes lines 2 to 4: a failed record is named by the line it starts on.
    assert failed == {f"{path}#L6": "3 fields where the header has 6", f"{path}#L7": failed[f"{path}#L7"]}
    assert failed[f"{path}#L7"].startswith("no text")
    documents = stored_documents(engine)
    assert sorted(documents) == sorted(f"{path}#{n}" for n in (101, 102, 105))
    first = documents[f"{path}#101"]
    assert first.text == FIRST + '\n\n"Quoted," she said.'
    assert (first.outlet, first.published_on, first.url) == ("A Daily", date(2022, 1, 2), "https://a.example/1")
    assert documents[f"{path}#105"].text == THIRD


def test_an_oversized_csv_record_is_skipped_up_to_its_closing_quote(tmp_path):
    path = tmp_path / "big.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        writer.writerow(["big", ("A long line, with a comma.\n" * 400)])
        writer.writerow(["after", SECOND])
    sources = list(iter_records(Source(str(path), path=str(path)), fields=RecordFields(), max_bytes=2048))
    assert [source.display for source in sources] == [f"{path}#L2", f"{path}#after"]
    assert sources[0].error.startswith("record too large")
    assert sources[1].text == SECOND


def test_reingesting_stores_nothing_new_and_same_text_is_one_document(engine, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": FIRST}, {"text": SECOND}, {"text": FIRST, "id": "copy"}])
    first = ingest([path], engine=engine)
    assert (first.new, first.skipped) == (2, 1)
    again = ingest([path], engine=engine)
    assert (again.new, again.skipped, again.failed) == (0, 3, 0)
    # The same text as a plain file is the same document (the hash is of the text in UTF-8).
    (tmp_path / "first.txt").write_text(FIRST, encoding="utf-8")
    assert ingest([str(tmp_path / "first.txt")], engine=engine).skipped == 1


def test_a_huge_line_is_skipped_without_being_held_in_memory(tmp_path):
    path = tmp_path / "huge.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": FIRST}) + "\n")
        handle.write('{"text": "' + "y" * (20 * 1024 * 1024) + '"}\n')
        handle.write(json.dumps({"text": SECOND}) + "\n")
    tracemalloc.start()
    try:
        sources = list(iter_records(Source(str(path), path=str(path)), fields=RecordFields(), max_bytes=64 * 1024))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [source.text for source in sources] == [FIRST, None, SECOND]
    assert sources[1].error.startswith("record too large: its line is over")
    assert peak < 4 * 1024 * 1024


def test_records_are_read_lazily(tmp_path):
    path = write_jsonl(tmp_path / "many.jsonl", ({"text": f"{FIRST} Number {i}."} for i in range(10_000)))
    listed = [Source(path, path=path)]
    expanded = expand_sources(listed, max_bytes=1024 * 1024)
    first = next(expanded)
    assert first.text == f"{FIRST} Number 0."
    assert read_document(first).path == f"{path}#L1"
    expanded.close()


def test_a_folder_reads_articles_not_the_record_files_beside_them(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "story.txt").write_text(FIRST)
    write_jsonl(tmp_path / "news" / "manifest.jsonl", [{"id": "story", "title": "a manifest, not an article"}])
    report = ingest(["news"], engine=db.open_engine())
    assert [(result.path, result.status) for result in report.files] == [("news/story.txt", "new")]
    # Named or matched by a pattern, it is read.
    report = ingest(["news/*.jsonl"], engine=db.open_engine())
    assert [result.reason for result in report.files] == [
        "no text: none of the fields 'text', 'maintext', 'body', 'content', 'raw_text' or 'article_text' holds any"
    ]


@pytest.mark.parametrize("value, expected", [
    ("2024-03-04", date(2024, 3, 4)),
    ("2024-03-04 23:59:59", date(2024, 3, 4)),
    ("2024-03-04T23:30:00-05:00", date(2024, 3, 4)),
    ("Mon, 04 Mar 2024 12:00:00 GMT", date(2024, 3, 4)),
    (1709553600, date(2024, 3, 4)),
    ("2024-02-30", None),
    ("04/03/2024", None),
    ("", None),
])
def test_record_dates(value, expected):
    assert parse_record_date(value) == expected


def test_unreadable_or_empty_record_files_are_one_failure(engine, tmp_path):
    (tmp_path / "link.jsonl").symlink_to(tmp_path / "nowhere.jsonl")
    (tmp_path / "empty.jsonl").write_text("\n\n")
    (tmp_path / "header.csv").write_text("id,text\r\n")
    paths = [str(tmp_path / name) for name in ("link.jsonl", "gone.csv", "empty.jsonl", "header.csv")]
    report = ingest(paths, engine=engine)
    assert [(r.path, r.status, r.reason) for r in report.files] == [
        (paths[0], "failed", "broken symbolic link: its target does not exist"),
        (paths[1], "failed", "no such file or directory"),
        (paths[2], "failed", "the file holds no records"),
        (paths[3], "failed", "the file holds no records"),
    ]


def test_upgrading_keeps_documents_and_claims(engine, tmp_path):
    (tmp_path / "a.txt").write_text(THIRD)
    ingest([str(tmp_path / "a.txt")], engine=engine, workers=0)
    with engine.connect() as connection:
        before = connection.execute(select(Claim.id, Claim.text)).all()
    assert before
    db.downgrade_database(engine, "0001")
    db.upgrade_database(engine)
    with engine.connect() as connection:
        assert connection.execute(select(Claim.id, Claim.text)).all() == before
        assert connection.execute(select(Document.url, Document.language)).all() == [(None, None)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=400) | st.lists(st.text(max_size=30), max_size=8).map(lambda parts: "\n".join(parts).encode("utf-8", "surrogatepass")))
@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_any_bytes_in_no_exception_out(tmp_path, suffix, content):
    path = tmp_path / f"any{suffix}"
    path.write_bytes(content + b'\n{"text": "1" }\n' + b'{"text": ' + b"9" * 5000 + b"}\n")
    for source in iter_records(Source(str(path), path=str(path)), fields=RecordFields(), max_bytes=256):
        assert (source.error is None) != (source.text is None)
        if source.text is not None:
            assert read_document(source).text == source.text


def test_ingest_needs_a_path_or_a_list_of_addresses():
    result = claims("ingest")
    assert result.exit_code == 2
    assert "give at least one PATH, or --urls FILE" in result.output


@pytest.mark.parametrize(("name", "content"), [
    ("nul.csv", b'text\n"a line\x00 with a NUL"\n"A clean line."\n'),
    ("nul.jsonl", b'{"text": "a line\\u0000 with a NUL"}\n{"text": "A clean line."}\n'),
])
def test_a_record_whose_text_holds_a_nul_is_one_clear_error_and_the_others_are_read(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    records = list(iter_records(Source(str(path), path=str(path)), fields=RecordFields(), max_bytes=4096))
    assert [r.error for r in records] == ["field 'text' contains NUL characters", None]
    assert records[1].text == "A clean line."
