"""Several `claims ingest` processes at once on one database, over overlapping sets of files:
every document ends up stored once, with its claims once, and every speaker is one actor.

Real processes, real extractor. Each stores a batch every two documents, so that the
processes take turns many times and each sees actors the others created in between.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from claimsdb import db

# Runs the CLI with small batches: many transactions, interleaved between the processes.
DRIVER = (
    "import sys, claimsdb.ingest as ingest; ingest.BATCH_DOCUMENTS = 2; "
    "from claimsdb.cli import app; app(sys.argv[1:])"
)

FIRST_NAMES = "Anna Boris Clara Dmytro Elena Felix Greta Hanna Igor Jonas".split()
SURNAMES = (
    "Abbott Barros Castell Dumont Eriksen Falk Grebe Halloran Ivers Janssen Kovac Lindqvist Moreau "
    "Novak Oakes Petrov Quint Rasmussen Sauer Tamm Ulrich Varga Weiss Yilmaz Zeller Ahlberg Bianchi "
    "Carver Delacroix Engel Fiala Gruber Horvath Iversen Jovanovic Kern Lang Marek Nilsen Ortega "
    "Pavlov Richter Sorensen Toth Urban Vidal Wolff Zielinski Arndt Bergman Cole Drake Ekberg Frost "
    "Gallo Hart Imhof Jensen Kolar Lund"
).split()
ROLES = ("Foreign Minister", "Defence Minister", "spokesperson", "Ambassador", "General")
STATEMENTS = [
    "the ceasefire must include monitoring by international observers",
    "the alliance would keep supplying air defence systems",
    "a peacekeeping mission could take several forms",
    "sanctions would stay until the troops withdraw",
    "the talks in Geneva had made real progress",
    "Europe should spend more on its own defence",
    "the grain corridor had to stay open through the winter",
    "any agreement needs guarantees from Washington",
]


def write_articles(folder: Path, count: int) -> list[Path]:
    """``count`` distinct news articles quoting speakers from a pool of sixty, each by full
    name and then by surname, so that every process keeps meeting speakers that another
    process may have just created."""
    rng = random.Random(4)
    speakers = [(f"{rng.choice(ROLES)} {FIRST_NAMES[i % 10]} {surname}", surname) for i, surname in enumerate(SURNAMES)]
    folder.mkdir()
    paths = []
    for n in range(count):
        (first, first_short), (second, _) = rng.sample(speakers, 2)
        one, two, three = rng.sample(STATEMENTS, 3)
        body = (
            f"Talks on Ukraine, day {n}\n\n"
            f"{first} said on Monday that {one}. \"We will not accept a frozen conflict,\" {first_short} told reporters.\n\n"
            f"{second} said {two}. {first_short} added that {three}.\n"
        )
        path = folder / f"article_{n:03d}.txt"
        path.write_text(body)
        paths.append(path)
    return paths


def run_concurrently(url: str, file_sets: list[list[Path]], workers: int = 1) -> None:
    # Created first, so that the processes start storing at about the same time.
    db.open_engine(url).dispose()
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", DRIVER, "ingest", *map(str, files), "--db", url, "--workers", str(workers)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        for files in file_sets
    ]
    outputs = [process.communicate(timeout=300)[0] for process in processes]
    for process, output in zip(processes, outputs):
        assert process.returncode == 0, output


def overlapping_sets(paths: list[Path], processes: int) -> list[list[Path]]:
    """Two thirds of the files each, in different orders, together covering all of them."""
    rng = random.Random(processes)
    sets = []
    for k in range(processes):
        chosen = [p for i, p in enumerate(paths) if i % processes != k]
        rng.shuffle(chosen)
        sets.append(chosen)
    return sets


def summary(url: str) -> dict:
    engine = db.open_engine(url)
    try:
        with engine.connect() as c:
            def rows(sql):
                return c.execute(text(sql)).all()

            return {
                "documents": rows("SELECT count(*), count(DISTINCT sha256) FROM documents")[0],
                "claims": sorted(rows(
                    "SELECT d.sha256, c.text_start, c.text_end, c.speaker_start, a.name FROM claims c "
                    "JOIN documents d ON d.id = c.document_id JOIN actors a ON a.id = c.actor_id"
                )),
                "actors": sorted(rows("SELECT name, type FROM actors")),
                "duplicate_actors": rows(
                    "SELECT name_key, type FROM actors GROUP BY name_key, type HAVING count(*) > 1"
                ),
                "orphan_actors": rows(
                    "SELECT name FROM actors a WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.actor_id = a.id)"
                ),
            }
    finally:
        engine.dispose()


def check_same_as_one_process(url: str, reference_url: str, paths: list[Path]) -> None:
    run_concurrently(reference_url, [paths])
    got, expected = summary(url), summary(reference_url)
    assert got["documents"] == expected["documents"] == (len(paths), len(paths))
    assert got["claims"] == expected["claims"]
    assert len(got["claims"]) > 3 * len(paths)
    assert got["duplicate_actors"] == []
    assert got["orphan_actors"] == []
    assert got["actors"] == expected["actors"]


@pytest.mark.sqlite
def test_two_ingests_at_once_into_one_sqlite_file(tmp_path):
    paths = write_articles(tmp_path / "articles", 150)
    url = str(tmp_path / "shared.db")
    run_concurrently(url, overlapping_sets(paths, 2))
    check_same_as_one_process(url, str(tmp_path / "reference.db"), paths)


def test_four_ingests_at_once_into_one_postgresql_database(tmp_path, postgres_server):
    paths = write_articles(tmp_path / "articles", 150)
    url = postgres_server.create_database("concurrent")
    run_concurrently(url, overlapping_sets(paths, 4))
    check_same_as_one_process(url, postgres_server.create_database("reference"), paths)


def test_an_edit_made_while_an_ingest_runs_is_kept(engine):
    # The ingest's actor registry was read before the user set the role in another session.
    from sqlalchemy.orm import Session

    from claimsdb.records import Speaker
    from claimsdb.store import store_document
    from factories import claim, document

    first = document("Kaja Kallas said the mission could take various formats.", path="a.txt")
    second = document("Kaja Kallas said the talks would go on.", path="b.txt")
    with Session(db.writing(engine), expire_on_commit=False) as ingesting:
        store_document(session=ingesting, document=first,
                       claims=[claim(first, "the mission could take various formats", "Kaja Kallas", cue="said")])
        with engine.begin() as editing:
            editing.execute(text("UPDATE actors SET role = 'High Representative', user_edited = :yes"), {"yes": True})
        speaker = Speaker("Kaja Kallas", role="Prime Minister", country="EE")
        store_document(session=ingesting, document=second,
                       claims=[claim(second, "the talks would go on", speaker, cue="said")])
    with engine.connect() as connection:
        assert connection.execute(text("SELECT role, country FROM actors")).all() == [("High Representative", None)]


def test_what_another_ingest_learned_of_an_actor_is_kept(engine):
    # The first ingest's registry was read before the second filled the actor's role: writing
    # the country it learned next, the first must not put its old blank back.
    from sqlalchemy.orm import Session

    from claimsdb.records import Speaker
    from claimsdb.store import store_document
    from factories import claim, document

    first = document("Kaja Kallas said the mission could take various formats.", path="a.txt")
    second = document("Prime Minister Kaja Kallas said the talks would go on.", path="b.txt")
    third = document("Kaja Kallas said the border would stay open.", path="c.txt")
    with Session(db.writing(engine), expire_on_commit=False) as one, \
            Session(db.writing(engine), expire_on_commit=False) as other:
        store_document(session=one, document=first,
                       claims=[claim(first, "the mission could take various formats", "Kaja Kallas", cue="said")])
        store_document(session=other, document=second, claims=[claim(
            second, "the talks would go on", Speaker("Kaja Kallas", role="Prime Minister"), cue="said")])
        store_document(session=one, document=third, claims=[claim(
            third, "the border would stay open", Speaker("Kaja Kallas", country="EE"), cue="said")])
    with engine.connect() as connection:
        assert connection.execute(text("SELECT name, role, country FROM actors")).all() == [
            ("Kaja Kallas", "Prime Minister", "EE")
        ]


def test_a_new_database_created_by_another_process_between_two_reads_is_not_foreign(tmp_path, monkeypatch):
    # Another ingest commits the new schema (tables and revision at once) just after this one
    # read the revision: what this one then reads must not look like another application's tables.
    path = tmp_path / "new.db"
    engine = db.build_engine(f"sqlite:///{path}")
    other = db.build_engine(f"sqlite:///{path}")
    real = db.current_revision
    committed = []

    def revision_then_other_commits(e):
        found = real(e)
        if found is None and not committed:
            committed.append(True)
            db.upgrade_database(other)
        return found

    monkeypatch.setattr(db, "current_revision", revision_then_other_commits)
    db.refuse_foreign(engine)  # raised "... is not a claimsdb database" before
    monkeypatch.setattr(db, "current_revision", real)
    assert db.current_revision(engine) == db.HEAD_REVISION
    engine.dispose()
    other.dispose()
