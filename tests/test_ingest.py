"""ingest(): a batch goes on past bad files, and known content is not analysed again."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from sqlalchemy import func, select

from claimsdb import pipeline
from claimsdb.ingest import ingest
from claimsdb.models import Claim, Document
from factories import said_claims


@pytest.fixture
def analysed(monkeypatch) -> list[str]:
    """Replace the extractor by said_claims; returns the paths it was asked to analyse."""
    calls: list[str] = []

    def analyse(document):
        calls.append(document.path)
        if "explodes" in document.text:
            raise RuntimeError("extractor bug\nsecond line of the message")
        return said_claims(document)

    monkeypatch.setattr(pipeline, "analyse", analyse)
    return calls


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Kaja Kallas said the mission could take various formats.\n")
    (folder / "b.txt").write_text("Sergey Lavrov said Russia rejects the plan. Zelensky said tanks arrived.\n")
    (folder / "c.txt").write_text("This one explodes the extractor. Someone said so.\n")
    (folder / "empty.txt").write_text("")
    return folder


def test_bad_files_are_reported_and_the_rest_is_stored(engine, articles, analysed):
    report = ingest([str(articles), "missing.txt"], engine=engine)
    by_name = {result.path.rsplit("/", 1)[-1]: result for result in report.files}
    assert set(by_name) == {"a.txt", "b.txt", "c.txt", "empty.txt", "missing.txt"}
    assert (by_name["a.txt"].status, by_name["a.txt"].claims_added) == ("new", 1)
    assert (by_name["b.txt"].status, by_name["b.txt"].claims_added) == ("new", 2)
    assert by_name["c.txt"].status == "failed"
    # One line, naming what went wrong.
    assert by_name["c.txt"].reason == "RuntimeError: extractor bug"
    assert by_name["empty.txt"].status == "failed" and by_name["empty.txt"].reason
    assert by_name["missing.txt"].status == "failed" and by_name["missing.txt"].reason
    assert (report.new, report.skipped, report.failed, report.claims_added) == (2, 0, 3, 3)
    with engine.connect() as connection:
        assert connection.scalar(select(Document.id).where(Document.path.endswith("c.txt"))) is None
        assert len(connection.execute(select(Claim.id)).all()) == 3


def test_known_content_is_skipped_without_analysing_it_again(engine, articles, analysed):
    ingest([str(articles / "a.txt")], engine=engine)
    analysed.clear()
    report = ingest([str(articles / "a.txt")], engine=engine)
    assert [r.status for r in report.files] == ["skipped"]
    assert analysed == []


def test_force_analyses_again_and_replaces(engine, articles, analysed):
    ingest([str(articles / "b.txt")], engine=engine)
    report = ingest([str(articles / "b.txt")], engine=engine, force=True)
    assert [(r.status, r.claims_added) for r in report.files] == [("replaced", 2)]
    with engine.connect() as connection:
        assert len(connection.execute(select(Claim.id)).all()) == 2


def test_published_and_outlet_options_are_stored(engine, articles, analysed):
    ingest([str(articles / "a.txt")], engine=engine, published=date(2025, 3, 1), outlet="Reuters")
    with engine.connect() as connection:
        row = connection.execute(select(Document.published_on, Document.outlet)).one()
        assert tuple(row) == (date(2025, 3, 1), "Reuters")
        assert connection.scalar(select(Claim.date_key)) == "2025-03-01"


def test_progress_is_reported_after_each_file(engine, articles, analysed):
    seen = []
    ingest([str(articles)], engine=engine, progress=lambda result, done, total: seen.append((done, total)))
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_a_second_writer_waits_for_the_first_instead_of_failing(engine, articles, analysed):
    # Another ingest holds the write lock; this one must wait for it, then store its document.
    # (With SQLite's default deferred transactions it would fail with "database is locked".)
    from sqlalchemy import insert

    from claimsdb.db import writing

    results = []
    with writing(engine).connect() as other:
        other.execute(insert(Document), dict(
            path="other.txt", sha256="0" * 64, text="x", encoding="utf-8", media_type="text",
            extractor_version="test", ingested_at=date(2025, 1, 1),
        ))
        worker = threading.Thread(target=lambda: results.append(ingest([str(articles / "a.txt")], engine=engine)))
        worker.start()
        time.sleep(0.3)
        other.commit()
    worker.join(timeout=30)
    [report] = results
    assert [r.status for r in report.files] == ["new"]


def stored(engine) -> list[tuple]:
    from claimsdb.models import Actor

    with engine.connect() as connection:
        return connection.execute(
            select(Claim.id, Document.path, Claim.text, Actor.name)
            .join(Document, Claim.document_id == Document.id).join(Actor, Claim.actor_id == Actor.id)
            .order_by(Claim.id)
        ).all()


@pytest.mark.parametrize("workers", [1, 2])
def test_workers_store_the_same_as_one_process(engine, articles, analysed, workers, tmp_path):
    from claimsdb.db import open_engine

    (articles / "d.txt").write_text("Kaja Kallas said the talks would go on.\n")
    alone = open_engine(str(tmp_path / "alone.db"))
    expected = ingest([str(articles)], engine=alone, workers=0)
    report = ingest([str(articles)], engine=engine, workers=workers)
    assert report == expected
    assert stored(engine) == stored(alone)
    alone.dispose()


def test_repeated_content_is_stored_once(engine, articles, analysed):
    (articles / "a_copy.txt").write_bytes((articles / "a.txt").read_bytes())
    report = ingest([str(articles / "a.txt"), str(articles / "a_copy.txt")], engine=engine)
    first, copy = report.files
    assert (first.status, copy.status) == ("new", "skipped")
    assert copy.document_id == first.document_id
    assert len(stored(engine)) == 1
    again = ingest([str(articles / "a.txt"), str(articles / "a_copy.txt")], engine=engine)
    assert [(r.status, r.document_id) for r in again.files] == [("skipped", first.document_id)] * 2


def test_a_document_that_cannot_be_stored_fails_alone(engine, articles, monkeypatch):
    # Claims whose offsets do not fit the text are refused by the store; the other
    # documents of the same batch are stored all the same.
    def analyse(document):
        claims = said_claims(document)
        if "Lavrov" in document.text:
            claims[0].text_end = len(document.text) + 10
        return claims

    monkeypatch.setattr(pipeline, "analyse", analyse)
    report = ingest([str(articles / "a.txt"), str(articles / "b.txt")], engine=engine)
    assert [r.status for r in report.files] == ["new", "failed"]
    assert report.files[1].reason.startswith("ValueError: claim 1: text span")
    assert [row.path.rsplit("/", 1)[-1] for row in stored(engine)] == ["a.txt"]


def test_a_worker_that_dies_fails_only_its_document(engine, articles, monkeypatch):
    import os

    def analyse(document):
        if "Lavrov" in document.text:
            os._exit(1)
        return said_claims(document)

    monkeypatch.setattr(pipeline, "analyse", analyse)
    names = ("a.txt", "b.txt", "kallas_again.txt")
    (articles / "kallas_again.txt").write_text("Kaja Kallas said the talks would go on.\n")
    report = ingest([str(articles / name) for name in names], engine=engine, workers=2)
    assert [r.status for r in report.files] == ["new", "failed", "new"]
    assert report.files[1].reason == "the process analysing it stopped unexpectedly"


@pytest.mark.parametrize("workers", [0, 2])
def test_batches_hold_at_most_batch_documents(engine, tmp_path, analysed, monkeypatch, workers):
    import claimsdb.ingest as ingest_module
    import claimsdb.store as store_module

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(11):
        (folder / f"{n:02d}.txt").write_text(f"Speaker{n} Person said item {n} is calm.\n")
    sizes = []
    store_prepared = store_module.store_prepared

    def recording(**arguments):
        sizes.append(len(arguments["prepared"]))
        return store_prepared(**arguments)

    monkeypatch.setattr(store_module, "store_prepared", recording)
    monkeypatch.setattr(ingest_module, "BATCH_DOCUMENTS", 3)
    report = ingest([str(folder)], engine=engine, workers=workers)
    assert report.new == 11
    assert sum(sizes) == 11 and max(sizes) <= 3


def test_a_repeat_of_a_failed_input_fails_for_the_same_reason(engine, articles, analysed):
    (articles / "empty2.txt").write_text("")
    (articles / "c2.txt").write_text((articles / "c.txt").read_text())
    by_name = {r.path.rsplit("/", 1)[-1]: r for r in ingest([str(articles)], engine=engine).files}
    assert by_name["empty2.txt"].status == "failed"
    assert by_name["empty2.txt"].reason.startswith("file is empty (same content as ")
    assert by_name["c2.txt"].reason.startswith("RuntimeError: extractor bug (same content as ")


@pytest.mark.parametrize("force", [False, True])
def test_each_input_is_read_and_hashed_once(engine, articles, analysed, monkeypatch, force):
    from claimsdb import read

    reads: list[str] = []
    original = read.Source.read_bytes

    def counted(source, max_bytes):
        reads.append(source.display)
        return original(source, max_bytes)

    monkeypatch.setattr(read.Source, "read_bytes", counted)
    ingest([str(articles)], engine=engine, workers=0, force=force)
    assert sorted(name.rsplit("/", 1)[-1] for name in reads) == ["a.txt", "b.txt", "c.txt", "empty.txt"]


@pytest.mark.parametrize("workers", [1, 2])
def test_many_chunks_keep_input_order_and_lose_no_file(engine, tmp_path, analysed, workers):
    # More inputs than several messages to the workers hold, with files that fail (an
    # extractor error, an empty file) and a repeated content among them: every input is
    # reported once, in input order, and the same claims are stored as in one process.
    from claimsdb.db import open_engine
    from claimsdb.ingest import CHUNK

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(3 * CHUNK + 5):
        if n % 17 == 5:
            text = f"Item {n} explodes the extractor. Someone said so.\n"
        elif n % 23 == 7:
            text = ""
        elif n % 29 == 11:
            text = "Speaker3 Person said item 3 is calm.\n"  # the content of file 003
        else:
            text = f"Speaker{n} Person said item {n} is calm.\n"
        (folder / f"{n:03d}.txt").write_text(text)
    alone = open_engine(str(tmp_path / "alone.db"))
    expected = ingest([str(folder)], engine=alone, workers=0)
    report = ingest([str(folder)], engine=engine, workers=workers)
    assert [r.path for r in report.files] == sorted(str(path) for path in folder.iterdir())
    assert report == expected
    assert {r.status for r in report.files} == {"new", "failed", "skipped"}
    assert stored(engine) == stored(alone)
    alone.dispose()


def test_workers_are_forked_with_the_extractor_prepared(engine, articles, analysed, monkeypatch):
    import claimsdb.ingest as ingest_module

    prepared = []
    monkeypatch.setattr(pipeline, "prepare", lambda: prepared.append(True))
    ingest([str(articles)], engine=engine, workers=2)
    assert prepared == [True]
    prepared.clear()
    # One input is analysed here, without workers: nothing to prepare for.
    ingest([str(articles / "a.txt")], engine=engine, workers=2, force=True)
    assert prepared == []
    assert ingest_module.AHEAD_PER_WORKER >= 2 * ingest_module.CHUNK


def test_the_last_documents_are_stored_while_the_workers_finish(engine, tmp_path, monkeypatch):
    # Once every input is handed out, what the workers sent back is stored while the last
    # one is analysed, not after it: the last document finds the others stored.
    import claimsdb.ingest as ingest_module
    from claimsdb.db import open_engine

    folder = tmp_path / "batch"
    folder.mkdir()
    for n in range(5):
        (folder / f"{n:02d}.txt").write_text(f"Speaker{n} Person said item {n} is calm.\n")
    (folder / "zz.txt").write_text("Last Person said the last item is calm.\n")
    marker = tmp_path / "others-stored"

    def analyse(document):
        if document.path.endswith("zz.txt"):
            reader = open_engine(upgrade=False)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                with reader.connect() as connection:
                    if connection.scalar(select(func.count()).select_from(Document)) == 5:
                        marker.write_text("yes")
                        break
                time.sleep(0.05)
            reader.dispose()
        return said_claims(document)

    monkeypatch.setattr(pipeline, "analyse", analyse)
    monkeypatch.setattr(ingest_module, "CHUNK", 1)
    report = ingest([str(folder)], engine=engine, workers=2)
    assert report.new == 6
    assert marker.exists()


@pytest.mark.parametrize("workers", [0, 2])
def test_the_extractor_is_prepared_without_garbage_collection_which_comes_back_after(
    engine, articles, analysed, monkeypatch, workers
):
    # Without workers too: this process analyses every document, and its collections would
    # otherwise walk the extractor's tables again and again.
    import gc

    collecting = []
    monkeypatch.setattr(pipeline, "prepare", lambda: collecting.append(gc.isenabled()))
    ingest([str(articles)], engine=engine, workers=workers)
    assert collecting == [False]
    assert gc.isenabled()


@pytest.mark.parametrize("workers", [0, 2])
def test_full_collections_are_rarer_while_analysing_and_as_before_after(engine, articles, monkeypatch, workers):
    # (With workers the analysis runs in processes forked after the thresholds were set.)
    import gc

    import claimsdb.ingest as ingest_module

    seen = []
    real = ingest_module._read_and_analyse_all
    if workers == 0:
        monkeypatch.setattr(ingest_module, "_read_and_analyse_all",
                            lambda inputs, options: seen.append(gc.get_threshold()) or real(inputs, options))
    before = gc.get_threshold()
    try:
        ingest([str(articles)], engine=engine, workers=workers)
        after = gc.get_threshold()
    finally:
        gc.set_threshold(*before)
    assert after == before
    if workers == 0:
        assert seen and all(t == (before[0], before[1], ingest_module._FULL_COLLECTION_EVERY) for t in seen)


def test_without_workers_inputs_are_checked_against_the_database_a_chunk_at_a_time(
    engine, tmp_path, analysed, monkeypatch
):
    # One query (and transaction) per input would cost more than storing them; the report
    # is the same.
    import claimsdb.store as store_module
    from claimsdb.ingest import CHUNK

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(2 * CHUNK + 3):
        (folder / f"{n:03d}.txt").write_text(f"Speaker{n} Person said item {n} is calm.\n")
    (folder / "again.txt").write_text("Speaker7 Person said item 7 is calm.\n")
    queries = []
    find = store_module.find_document_ids
    monkeypatch.setattr(store_module, "find_document_ids", lambda *a: queries.append(a) or find(*a))
    report = ingest([str(folder)], engine=engine, workers=0)
    assert len(queries) == 3
    assert (report.new, report.skipped) == (2 * CHUNK + 3, 1)


def test_preparing_the_extractor_never_fails(monkeypatch):
    # A broken extractor is reported by the documents it fails on, not by the warm-up.
    def broken(document):
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(pipeline, "analyse", broken)
    pipeline.prepare()


def test_the_workers_start_before_the_database_is_opened(engine, articles, analysed, monkeypatch):
    # Importing SQLAlchemy and opening the database take this process a while: the workers
    # analyse the first inputs meanwhile.
    import claimsdb.ingest as ingest_module

    order = []
    executor = ingest_module._executor
    monkeypatch.setattr(ingest_module, "_executor", lambda workers: order.append("workers") or executor(workers))

    def opening():
        order.append("database")
        return engine

    report = ingest([str(articles)], engine=opening, workers=2)
    assert order == ["workers", "database"]
    assert (report.new, report.failed) == (2, 2)


@pytest.mark.parametrize("workers", [1, 2])
def test_inputs_analysed_before_the_database_opened_are_skipped_if_it_holds_them(engine, tmp_path, analysed, workers):
    # Those of the first inputs the database turns out to hold are reported skipped and
    # their analyses dropped: nothing is stored twice, and ingesting again adds nothing.
    from claimsdb.ingest import CHUNK

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(2 * CHUNK + 5):
        (folder / f"{n:03d}.txt").write_text(f"Speaker{n} Person said item {n} is calm.\n")
    paths = sorted(str(path) for path in folder.iterdir())
    ingest(paths[::3], engine=engine, workers=0)
    report = ingest([str(folder)], engine=lambda: engine, workers=workers)
    assert [r.path for r in report.files] == paths
    assert [r.status for r in report.files] == ["skipped" if n % 3 == 0 else "new" for n in range(len(paths))]
    claims = stored(engine)
    assert sorted(path for _, path, _, _ in claims) == paths
    again = ingest([str(folder)], engine=engine, workers=workers)
    assert (again.skipped, again.claims_added) == (len(paths), 0)
    assert stored(engine) == claims


def test_the_workers_analyse_without_importing_sqlalchemy(tmp_path):
    # They are forked before this process imports it: reading, analysing and preparing the
    # rows to store must not need it, or each worker would import it on its own.
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("Ann Example, the minister, said the plan would go ahead.\n")
    code = (
        "import hashlib, sys\n"
        "from claimsdb import ingest, pipeline, read\n"
        "pipeline.prepare()\n"
        f"raw = open({str(article)!r}, 'rb').read()\n"
        f"item = ingest._Input(read.Source({str(article)!r}, path={str(article)!r}), raw, hashlib.sha256(raw).hexdigest())\n"
        "result = ingest._read_and_analyse(item, (None, None))\n"
        "assert isinstance(result, ingest.PreparedDocument) and result.claims, result\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('sqlalchemy', 'alembic')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.sqlite
def test_a_folder_ingested_again_starts_no_worker(engine, tmp_path, analysed, monkeypatch):
    # The database is asked first, without SQLAlchemy, which of the first inputs it holds.
    import claimsdb.ingest as ingest_module
    from claimsdb.db import stored_contents

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(40):
        (folder / f"{n:03d}.txt").write_text(f"Speaker{n} Person said item {n} is calm.\n")
    db = None  # CLAIMS_DB, as for the engine
    assert stored_contents(db, ["0" * 64]) == set()
    ingest([str(folder)], engine=engine, workers=0)
    started = []
    executor = ingest_module._executor
    monkeypatch.setattr(ingest_module, "_executor", lambda workers: started.append(workers) or executor(workers))
    report = ingest([str(folder)], engine=lambda: engine, workers=2,
                    stored_before=lambda shas: stored_contents(db, shas))
    assert (report.skipped, started) == (40, [])
    # Told wrongly that the first inputs are stored (one removed in between): they are
    # analysed once the database says otherwise.
    more = tmp_path / "more"
    more.mkdir()
    for n in range(5):
        (more / f"{n}.txt").write_text(f"Other{n} Person said thing {n} is fine.\n")
    report = ingest([str(more)], engine=lambda: engine, workers=2, stored_before=lambda shas: set(shas))
    assert report.new == 5


def test_stored_contents_tells_only_what_it_can_read_cheaply(tmp_path):
    from claimsdb.db import stored_contents

    assert stored_contents(str(tmp_path / "new.db"), ["a" * 64]) == set()
    assert not (tmp_path / "new.db").exists()
    (tmp_path / "other.db").write_bytes(b"not a database at all")
    assert stored_contents(str(tmp_path / "other.db"), ["a" * 64]) is None
    assert stored_contents("postgresql+psycopg://nobody@localhost/none", ["a" * 64]) is None


def _analyse_for_a_minute(inputs, options):
    time.sleep(60)
    return []


def test_an_interrupted_ingest_ends_its_workers_before_it_returns(monkeypatch):
    """Ctrl-C: the workers' results would be thrown away, so they are ended at once, not left
    to finish their batch while the interpreter exits around them."""
    import multiprocessing

    from claimsdb import ingest as ingest_module

    monkeypatch.setattr(ingest_module, "_read_and_analyse_all", _analyse_for_a_minute)
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        with ingest_module._Analysers(1, (None, None), many=False) as analysers:
            analysers.read_and_analyse(["an input"])
            workers = multiprocessing.active_children()
            assert workers
            raise KeyboardInterrupt
    assert not [worker for worker in workers if worker.is_alive()]
    assert time.monotonic() - started < 30
