"""`kill -9` in the middle of `claims ingest`: the database still opens, passes SQLite's
integrity check and holds only whole documents, no process is left behind, and running the
same command again stores the rest. A query while an ingest runs sees whole documents only.

Real `claims` processes on real files, killed for real; the clean ingest of the same files is
the reference every document is compared with.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimsdb import pipeline
from claimsdb.cli import app
from claimsdb.db import open_engine
from claimsdb.ingest import ingest
from factories import said_claims

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")

CLAIMS = [sys.executable, "-m", "claimsdb"]

# Runs the command line with batches of four documents, so that an ingest commits many times
# (by default it commits every 200 documents or every second). With KILL_AT_COMMIT=N it kills
# itself with SIGKILL when the Nth transaction storing documents is about to commit: every
# statement of that transaction has run, nothing of it is committed.
DRIVER = """
import os, signal, sys
from sqlalchemy import event
from sqlalchemy.orm import Session
import claimsdb.ingest
claimsdb.ingest.BATCH_DOCUMENTS = 4
commits = 0
@event.listens_for(Session, "before_commit")
def die_inside_the_transaction(session):
    global commits
    commits += 1
    if commits == int(os.environ.get("KILL_AT_COMMIT", "0")):
        os.kill(os.getpid(), signal.SIGKILL)
from claimsdb.cli import app
app(sys.argv[1:])
"""


PEOPLE = [
    ("Foreign Minister", "Anna", "Lindqvist"), ("Defence Minister", "Boris", "Kovac"),
    ("President", "Clara", "Moreau"), ("General", "Dmytro", "Petrov"), ("Ambassador", "Elena", "Varga"),
    ("Prime Minister", "Felix", "Janssen"), ("spokesperson", "Greta", "Halloran"),
    ("Chancellor", "Hanna", "Richter"), ("Senator", "Igor", "Novak"), ("Mayor", "Jonas", "Ortega"),
]
STATEMENTS = [
    "the ceasefire must include monitoring by international observers",
    "the alliance would keep supplying air defence systems",
    "sanctions would stay until the troops withdraw",
    "the talks in Geneva had made real progress",
    "any agreement needs guarantees from Washington",
]


def write_corpus(folder: Path, count: int) -> Path:
    """``count`` distinct short articles, each with a few claims by people from a small pool."""
    rng = random.Random(5)
    folder.mkdir()
    for n in range(count):
        (role, first, last), (role2, first2, last2) = rng.sample(PEOPLE, 2)
        one, two = rng.sample(STATEMENTS, 2)
        (folder / f"article_{n:03d}.txt").write_text(
            f"Talks on Ukraine, day {n}\n\n"
            f"{role} {first} {last} said on Monday that {one}. "
            f'"We will need {n + 2} more observers," {last} told reporters.\n\n'
            f"{role2} {first2} {last2} said {two}.\n"
        )
    return folder


def snapshot(database: Path) -> dict[str, list[tuple]]:
    """{document path: its claims} as a plain sqlite3 reader sees the database, after checking
    that it opens and passes SQLite's integrity and foreign key checks."""
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "alembic_version" not in tables:
            # Killed before the schema was created: nothing of it may be there.
            assert not tables & {"documents", "claims", "actors"}, tables
            return {}
        documents = {path: [] for (path,) in connection.execute("SELECT path FROM documents")}
        rows = connection.execute(
            "SELECT d.path, c.kind, c.text_start, c.text_end, c.speaker_start, c.speaker_end, c.cue_start,"
            " c.cue_end, c.text, a.name FROM claims c JOIN documents d ON d.id = c.document_id"
            " JOIN actors a ON a.id = c.actor_id ORDER BY c.id"
        )
        for path, *claim in rows:
            documents[path].append(tuple(claim))
        assert connection.execute("SELECT count(*) FROM documents").fetchone()[0] == len(documents)
    finally:
        connection.close()
    return {path: sorted(claims) for path, claims in documents.items()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict[str, list[tuple]]]:
    """200 articles and their reference: a clean ingest of all of them, in one process."""
    folder = write_corpus(tmp_path_factory.mktemp("crash") / "articles", 200)
    database = folder.parent / "reference.db"
    engine = open_engine(str(database))
    report = ingest([str(folder)], engine=engine)
    engine.dispose()
    assert (report.new, report.failed) == (200, 0)
    reference = snapshot(database)
    assert sum(len(claims) for claims in reference.values()) >= 3 * 200
    return folder, reference


def start(args: list[str], *, env: dict | None = None) -> subprocess.Popen:
    """`claims ARGS` in small batches (see DRIVER), in a process group of its own."""
    return subprocess.Popen(
        [sys.executable, "-c", DRIVER, *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True, env={**os.environ, **(env or {})},
    )


def live_processes(group: int) -> list[int]:
    """Processes of a process group that are still running (zombies left to init do not count)."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses.
        state, _, pgrp = stat.rsplit(")", 1)[1].split()[:3]
        if int(pgrp) == group and state != "Z":
            alive.append(int(entry.name))
    return alive


def assert_nothing_left_running(process: subprocess.Popen) -> None:
    """The killed ingest's whole process group (its workers too) is gone within seconds."""
    if not Path("/proc/self/stat").exists():
        return
    deadline = time.monotonic() + 10
    while live_processes(process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = live_processes(process.pid)
    if left:
        os.killpg(process.pid, signal.SIGKILL)
    assert left == [], "worker processes outlived the ingest that was killed"


def kill_after(process: subprocess.Popen, seconds: float) -> bool:
    """SIGKILL the main process (only: as `kill -9 PID` would) after ``seconds``; False if it
    had already finished."""
    try:
        process.wait(timeout=seconds)
        return False
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        return True


def assert_only_whole_documents(database: Path, reference: dict[str, list[tuple]]) -> dict:
    got = snapshot(database)
    assert set(got) <= set(reference)
    for path, claims in got.items():
        assert claims == reference[path], f"{path} is not stored whole"
    return got


def test_killed_at_random_moments_then_run_again(corpus, tmp_path):
    folder, reference = corpus
    database = tmp_path / "claims.db"
    rng = random.Random()
    seed = rng.randrange(10**6)
    rng.seed(seed)
    stored_before = 0
    for attempt in range(3):
        process = start(["ingest", str(folder), "--db", str(database)])
        # The whole ingest takes about 1.5 s, start-up included: some runs are killed
        # before the schema exists, most while storing, a few not at all.
        moment = rng.uniform(0.3, 1.6)
        killed = kill_after(process, moment)
        if not killed:
            assert process.returncode == 0, process.stdout.read()
        assert_nothing_left_running(process)
        got = assert_only_whole_documents(database, reference)
        assert len(got) >= stored_before, f"seed {seed}: documents lost"
        stored_before = len(got)
    result = subprocess.run([*CLAIMS, "ingest", str(folder), "--db", str(database)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert snapshot(database) == reference, f"seed {seed}"


def test_killed_inside_a_transaction_keeps_the_committed_documents_only(corpus, tmp_path):
    folder, reference = corpus
    database = tmp_path / "claims.db"
    commit = random.randint(3, 30)
    process = start(["ingest", str(folder), "--db", str(database)],
                    env={"KILL_AT_COMMIT": str(commit)})
    process.wait(timeout=120)
    assert process.returncode == -signal.SIGKILL, process.stdout.read()
    assert_nothing_left_running(process)
    got = assert_only_whole_documents(database, reference)
    assert 0 < len(got) < len(reference), f"killed at commit {commit}"
    # The interrupted transaction is gone; a run of `claims stats` finds the database usable.
    stats = CliRunner().invoke(app, ["stats", "--db", str(database)])
    assert stats.exit_code == 0, stats.output
    again = subprocess.run([*CLAIMS, "ingest", str(folder), "--db", str(database)], capture_output=True, text=True)
    assert again.returncode == 0, again.stdout + again.stderr
    assert snapshot(database) == reference


def stored_documents(database: Path) -> int:
    try:
        with sqlite3.connect(database) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # no schema yet
        return 0


def test_ctrl_c_says_what_is_kept_and_a_rerun_finishes(corpus, tmp_path):
    folder, reference = corpus
    database = tmp_path / "claims.db"
    process = start(["ingest", str(folder), "--db", str(database)])
    deadline = time.monotonic() + 60
    while not stored_documents(database) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C in a terminal: the whole foreground group
    output, _ = process.communicate(timeout=60)
    if process.returncode == 0:
        pytest.skip("the ingest finished before it could be interrupted")
    assert process.returncode == 130, output
    assert output == "Interrupted: what was stored so far is kept.\n"
    assert_nothing_left_running(process)
    assert 0 < len(assert_only_whole_documents(database, reference)) < len(reference)
    again = subprocess.run([*CLAIMS, "ingest", str(folder), "--db", str(database)], capture_output=True, text=True)
    assert again.returncode == 0, again.stdout + again.stderr
    assert snapshot(database) == reference


def test_force_killed_midway_leaves_each_document_with_its_old_or_its_new_claims(corpus, tmp_path, monkeypatch):
    folder, reference = corpus
    database = tmp_path / "claims.db"
    # Actors keep the names the first ingest gave them: claims are compared without them.
    reference = {path: [claim[:-1] for claim in claims] for path, claims in reference.items()}

    def snapshot_without_actors() -> dict[str, list[tuple]]:
        return {path: [claim[:-1] for claim in claims] for path, claims in snapshot(database).items()}

    # The first ingest uses a stand-in extractor, so old and new claims can be told apart.
    monkeypatch.setattr(pipeline, "analyse", said_claims)
    engine = open_engine(str(database))
    ingest([str(folder)], engine=engine, workers=0)
    engine.dispose()
    old = snapshot_without_actors()
    assert all(old[path] != reference[path] for path in reference)

    process = start(["ingest", str(folder), "--force", "--db", str(database)],
                    env={"KILL_AT_COMMIT": str(random.randint(3, 30))})
    process.wait(timeout=120)
    assert process.returncode == -signal.SIGKILL, process.stdout.read()
    got = snapshot_without_actors()
    assert set(got) == set(reference)
    replaced = [path for path in got if got[path] == reference[path]]
    assert all(got[path] == old[path] for path in got if path not in replaced)
    assert 0 < len(replaced) < len(reference)

    again = subprocess.run([*CLAIMS, "ingest", str(folder), "--force", "--db", str(database)],
                           capture_output=True, text=True)
    assert again.returncode == 0, again.stdout + again.stderr
    assert snapshot_without_actors() == reference


def test_a_query_while_an_ingest_runs_sees_whole_documents(corpus, tmp_path):
    folder, reference = corpus
    database = tmp_path / "claims.db"
    open_engine(str(database)).dispose()
    process = start(["ingest", str(folder), "--db", str(database)])
    runner = CliRunner()
    seen, queries = 0, 0
    while process.poll() is None or queries == 0:
        result = runner.invoke(app, ["query", "--db", str(database), "--format", "jsonl"])
        assert result.exit_code == 0, result.output
        queries += 1
        claims: dict[str, list[tuple]] = {}
        for line in result.stdout.splitlines():
            row = json.loads(line)
            claims.setdefault(row["document"], []).append((
                row["kind"], row["text_start"], row["text_end"], row["speaker_start"], row["speaker_end"],
                row["cue_start"], row["cue_end"], row["text"], row["speaker"],
            ))
        for path, found in claims.items():
            assert sorted(found) == reference[path], f"{path} seen half stored"
        assert len(claims) >= seen
        seen = len(claims)
    assert process.wait() == 0, process.stdout.read()
    assert queries > 1
    assert snapshot(database) == reference


def postgres_snapshot(url: str) -> dict[str, list[tuple]]:
    """{document path: its claims} on a PostgreSQL database, as :func:`snapshot` reads SQLite."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            documents = {path: [] for (path,) in connection.execute(text("SELECT path FROM documents"))}
            rows = connection.execute(text(
                "SELECT d.path, c.kind, c.text_start, c.text_end, c.speaker_start, c.speaker_end, c.cue_start,"
                " c.cue_end, c.text, a.name FROM claims c JOIN documents d ON d.id = c.document_id"
                " JOIN actors a ON a.id = c.actor_id ORDER BY c.id"
            ))
            for path, *claim in rows:
                documents[path].append(tuple(claim))
    finally:
        engine.dispose()
    return {path: sorted(claims) for path, claims in documents.items()}


def test_killed_inside_a_transaction_on_postgresql_keeps_the_committed_documents_only(corpus, postgres_server):
    # The rows of a batch go in with COPY: a kill after they were all sent, before the commit,
    # must leave none of them.
    folder, reference = corpus
    url = postgres_server.create_database("killed")
    process = start(["ingest", str(folder), "--db", url], env={"KILL_AT_COMMIT": str(random.randint(3, 30))})
    process.wait(timeout=120)
    assert process.returncode == -signal.SIGKILL, process.stdout.read()
    assert_nothing_left_running(process)
    got = postgres_snapshot(url)
    assert 0 < len(got) < len(reference)
    for path, claims in got.items():
        assert claims == reference[path], f"{path} is not stored whole"
    again = subprocess.run([*CLAIMS, "ingest", str(folder), "--db", url], capture_output=True, text=True)
    assert again.returncode == 0, again.stdout + again.stderr
    assert postgres_snapshot(url) == reference
