#!/usr/bin/env python3
"""Measure claimsdb's speed: ingest of a corpus, commands on a million-claim database, --help.

Usage: python benchmarks/bench.py --corpus ../shared/corpus/bbc --synth-db /tmp/claims-1m.db
       [--runs 5] [--claims 1000000] [--only ingest|queries|help|postgresql|peer]
       [--peer-python /tmp/peer/bin/python --peer-script ../shared/peers/textacy_quotes.py]
       python benchmarks/bench.py --only growth --corpus ../shared/corpus/bbc --big-db /tmp/claims-5m.db

--only growth measures whether cost grows with the database: the corpus ingested into a copy
of --big-db (e.g. 5,000,000 claims from synth.py; upgraded to the current schema first, the
upgrade timed) and into a new database, in turn, with the ratio pair by pair; then the query
commands on the big database. It needs free disk for two copies of --big-db.

Every figure is a whole `claims` process, as a user runs it: wall time (the median of --runs
runs, after one warm-up run that is not counted) and peak memory. Ingest goes into a fresh
SQLite database each run, with one worker and with two; its peak memory is the largest
resident size of any one process and, sampled every 20 ms, the sum over the main process and
its workers. The million-claim database is made by benchmarks/synth.py when --synth-db does not
exist yet (about a minute), and kept for the next run. Python may write bytecode caches during
the warm-up run, as an installed claimsdb has them.

Prints the machine and its load average (other jobs slow every figure down), then a Markdown
table with the targets of issue 4; CPU time counts the worker processes too.

The PostgreSQL figures (issue 14) need the PostgreSQL server binaries (found as the tests find
them, see tests/pgserver.py) and psycopg: the benchmark starts a server of its own in a
temporary folder, with fsync on and synchronous_commit off (what SQLite's WAL with
synchronous=NORMAL promises: a crash loses the last transactions, never the database), and a
new database for each run. They are ratios of runs taken in turn (SQLite, PostgreSQL, SQLite,
...): ingest on PostgreSQL against SQLite; four `claims ingest --shard K/4` processes at once
against one; `--workers 2` against one. CPU times there count the claims processes only, not
the server's. The peer figure runs claimsdb and the spaCy + textacy peer on the same first
--peer-files articles of the corpus.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass
class Run:
    seconds: float
    # CPU time of the process and the processes it waited for (user + system).
    cpu: float
    # Largest resident set of any one process of the run (wait4), in bytes.
    peak_rss: int
    # Largest sampled sum of the resident sets of the process and its descendants, in bytes.
    peak_tree_rss: int


def claims_command() -> list[str]:
    """The `claims` script installed beside this Python, else ``python -m claimsdb``."""
    script = Path(sys.executable).parent / "claims"
    return [str(script)] if script.exists() else [sys.executable, "-m", "claimsdb"]


def child_environment() -> dict[str, str]:
    env = dict(os.environ)
    # An installed claimsdb has its bytecode cached; let the warm-up run write it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("CLAIMS_DB", None)
    return env


def run_once(args: list[str], stdout=subprocess.DEVNULL) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=stdout, stderr=subprocess.PIPE, env=child_environment())
    sampler = _TreeSampler(process.pid)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    sampler.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode(errors="replace")
    if process.returncode not in (0,):
        raise SystemExit(f"{' '.join(args)} failed ({process.returncode}):\n{stderr}")
    # ru_maxrss is in kilobytes on Linux.
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss * 1024, max(sampler.peak, usage.ru_maxrss * 1024))


class _TreeSampler(threading.Thread):
    """Samples the summed resident set of a process and its descendants (Linux /proc)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.02):
            self.peak = max(self.peak, sum(_rss(pid) for pid in _tree(self.pid)))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        todo.extend(int(child) for child in children)
    return pids


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def measure(args: list[str], runs: int, before=None) -> list[Run]:
    """``runs`` timed runs after one warm-up; ``before()`` runs before each (not timed)."""
    results = []
    for n in range(runs + 1):
        if before is not None:
            before()
        run = run_once(args)
        if n:
            results.append(run)
    return results


def median_run(results: list[Run]) -> Run:
    return Run(
        statistics.median(r.seconds for r in results),
        statistics.median(r.cpu for r in results),
        max(r.peak_rss for r in results),
        max(r.peak_tree_rss for r in results),
    )


def megabytes(size: int) -> str:
    return f"{size / 1e6:.0f} MB"


# The files `claims ingest` reads in a folder (claimsdb.read.SUPPORTED_SUFFIXES).
ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}


def corpus_characters(corpus: Path) -> tuple[int, int]:
    """The number of articles in ``corpus`` and their characters (decoded as UTF-8)."""
    files = [p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES]
    return len(files), sum(len(p.read_bytes().decode("utf-8", errors="replace")) for p in files)


def bench_ingest(corpus: Path, runs: int, workdir: Path) -> list[list[str]]:
    rows = []
    files, characters = corpus_characters(corpus)
    database = workdir / "ingest.db"

    def fresh() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)

    for workers, target in ((1, "<= 10 s"), (2, "faster than 1 worker")):
        args = [*claims_command(), "ingest", str(corpus), "--db", str(database), "--workers", str(workers)]
        run = median_run(measure(args, runs, before=fresh))
        with sqlite3.connect(database) as connection:
            claims = connection.execute("SELECT count(*) FROM claims").fetchone()[0]
        rows.append([
            f"`claims ingest` {corpus.name} ({files:,} files), `--workers {workers}`",
            f"{run.seconds:.2f} s",
            f"{run.cpu:.2f} s",
            f"{characters / run.seconds / 1e6:.2f} M chars/s, {claims:,} claims",
            f"{megabytes(run.peak_tree_rss)} (largest process {megabytes(run.peak_rss)})",
            target,
        ])
    fresh()
    return rows


def ensure_synth(path: Path, claims: int) -> None:
    if path.exists():
        return
    print(f"making {path} with benchmarks/synth.py --claims {claims} ...", file=sys.stderr)
    subprocess.run([sys.executable, str(HERE / "synth.py"), "--claims", str(claims), "--db", str(path)],
                   check=True, env=child_environment())


def most_quoted_person(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT a.name FROM actors a JOIN (SELECT actor_id, count(*) n FROM claims GROUP BY actor_id) c"
            " ON c.actor_id = a.id WHERE a.type = 'person' ORDER BY c.n DESC, a.id LIMIT 1"
        ).fetchone()[0]


def bench_queries(path: Path, runs: int, workdir: Path, target: str | None = None) -> list[list[str]]:
    """The query commands on ``path``; ``target`` replaces the targets of the time-bound ones."""
    with sqlite3.connect(path) as connection:
        total = connection.execute("SELECT count(*) FROM claims").fetchone()[0]
    person = most_quoted_person(path)
    surname = person.split()[-1]
    db = ["--db", str(path)]
    commands = [
        (["query", "--actor", person, "--limit", "50"], "<= 0.5 s"),
        (["query", "--actor", surname, "--limit", "50"], "(surname: every person so named)"),
        (["query", "--country", "UA", "--since", "2025-01", "--limit", "50"], "<= 0.5 s"),
        (["query", "--text", "peacekeepers", "--limit", "50"], "<= 0.5 s"),
        (["actors"], "<= 1 s"),
        (["stats"], "<= 1 s"),
    ]
    if target is None:
        commands.append((["export", "--format", "csv", "-o", str(workdir / "export.csv")], "<= 20 s, <= 300 MB"))
    else:
        commands = [(args, target if goal.startswith("<=") else goal) for args, goal in commands]
    rows = []
    for args, goal in commands:
        run = median_run(measure([*claims_command(), *args, *db], runs))
        shown = " ".join(f'"{a}"' if " " in a else a for a in args).replace(str(workdir) + "/", "")
        rows.append([f"`claims {shown}` on {total:,} claims", f"{run.seconds:.2f} s", f"{run.cpu:.2f} s", "",
                     megabytes(run.peak_rss), goal])
    (workdir / "export.csv").unlink(missing_ok=True)
    return rows


def bench_growth(corpus: Path, big: Path, runs: int, workdir: Path) -> list[list[str]]:
    """Ingest of ``corpus`` into a copy of the ``big`` database and into a fresh one, in turn,
    and the commands of bench_queries on the big one. A big database at an older schema is
    migrated first (timed once)."""
    rows = []
    template = workdir / "big.db"
    shutil.copyfile(big, template)
    with sqlite3.connect(template) as connection:
        total = connection.execute("SELECT count(*) FROM claims").fetchone()[0]
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    upgrade = run_once([*claims_command(), "db", "upgrade", "--db", str(template)])
    rows.append([f"`claims db upgrade` of {total:,} claims at schema {revision}", f"{upgrade.seconds:.1f} s",
                 f"{upgrade.cpu:.1f} s", "", megabytes(upgrade.peak_rss), "minutes, not hours"])
    files, characters = corpus_characters(corpus)
    fresh_db, grown_db = workdir / "fresh.db", workdir / "grown.db"

    def remove(database: Path) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)

    fresh_runs, grown_runs = [], []
    for n in range(runs + 1):
        remove(fresh_db)
        fresh = run_once([*claims_command(), "ingest", str(corpus), "--db", str(fresh_db)])
        remove(grown_db)
        shutil.copyfile(template, grown_db)
        grown = run_once([*claims_command(), "ingest", str(corpus), "--db", str(grown_db)])
        if n:  # the first pair warms up
            fresh_runs.append(fresh)
            grown_runs.append(grown)
    remove(fresh_db), remove(grown_db)
    fresh, grown = median_run(fresh_runs), median_run(grown_runs)
    ratios = sorted(g.seconds / f.seconds for f, g in zip(fresh_runs, grown_runs, strict=True))
    cpu_ratios = sorted(g.cpu / f.cpu for f, g in zip(fresh_runs, grown_runs, strict=True))
    rows.append([f"`claims ingest` {corpus.name} ({files:,} files) into a new database", f"{fresh.seconds:.2f} s",
                 f"{fresh.cpu:.2f} s", f"{characters / fresh.seconds / 1e6:.2f} M chars/s", megabytes(fresh.peak_rss), ""])
    rows.append([f"`claims ingest` {corpus.name} into a database of {total:,} claims", f"{grown.seconds:.2f} s",
                 f"{grown.cpu:.2f} s",
                 f"ratio to new, pair by pair: wall {statistics.median(ratios):.2f} ({ratios[0]:.2f} to {ratios[-1]:.2f}),"
                 f" CPU {statistics.median(cpu_ratios):.2f}", megabytes(grown.peak_rss), "ratio <= 1.1"])
    rows += bench_queries(template, runs, workdir, target="<= 0.5 s")
    remove(template)
    return rows


def bench_help(runs: int) -> list[list[str]]:
    run = median_run(measure([*claims_command(), "--help"], runs))
    return [["`claims --help`", f"{run.seconds:.3f} s", f"{run.cpu:.3f} s", "", megabytes(run.peak_rss), "<= 0.3 s"]]


def run_together(commands: list[list[str]]) -> Run:
    """Run ``commands`` at once; the wall time until the last ends, the CPU time of all."""
    started = time.perf_counter()
    processes = [subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=child_environment())
                 for args in commands]
    cpu, peak = 0.0, 0
    for process in processes:
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        cpu += usage.ru_utime + usage.ru_stime
        peak = max(peak, usage.ru_maxrss * 1024)
    seconds = time.perf_counter() - started
    for process, args in zip(processes, commands):
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed ({process.returncode}):\n{process.stderr.read().decode(errors='replace')}")
    return Run(seconds, cpu, peak, peak)


def paired(first, second, runs: int) -> tuple[list[Run], list[Run]]:
    """``runs`` runs of each of two measurements, taken in turn after one warm-up each."""
    firsts, seconds = [], []
    for n in range(runs + 1):
        a, b = first(), second()
        if n:
            firsts.append(a)
            seconds.append(b)
    return firsts, seconds


def ratio_row(what: str, numerator: list[Run], denominator: list[Run], target: str, command: str,
              throughput: bool = False) -> list[str]:
    """A table row with the median of the pair-by-pair ratios of wall and CPU time. With
    ``throughput`` the wall ratio is inverted: how many times more work per second."""
    walls = [n.seconds / d.seconds for n, d in zip(numerator, denominator)]
    cpus = [n.cpu / d.cpu for n, d in zip(numerator, denominator)]
    if throughput:
        walls = [1 / w for w in walls]
    return [
        what,
        f"{statistics.median(r.seconds for r in numerator):.2f} s vs {statistics.median(r.seconds for r in denominator):.2f} s",
        f"{statistics.median(r.cpu for r in numerator):.2f} s vs {statistics.median(r.cpu for r in denominator):.2f} s",
        f"wall ratio {statistics.median(walls):.2f} ({min(walls):.2f} to {max(walls):.2f}),"
        f" CPU ratio {statistics.median(cpus):.2f}; `{command}`",
        "",
        target,
    ]


@contextlib.contextmanager
def postgres_server():
    """A PostgreSQL server of the benchmark's own, started as the tests start theirs."""
    sys.path.insert(0, str(HERE.parent / "tests"))
    from pgserver import PostgresServer, find_bindir

    bindir = find_bindir()
    if bindir is None:
        raise SystemExit("no PostgreSQL server binaries (initdb, pg_ctl, postgres) found")
    server = PostgresServer(bindir, options="-c listen_addresses='' -c synchronous_commit=off -c max_connections=50")
    try:
        yield server
    finally:
        server.stop()


def bench_postgresql(corpus: Path, runs: int, workdir: Path) -> list[list[str]]:
    database = workdir / "ingest.db"
    ingest = [*claims_command(), "ingest", str(corpus)]
    shown = f"claims ingest {corpus.name}"
    rows = []

    def fresh_sqlite() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)

    with postgres_server() as server:
        numbers = iter(range(1, 1_000_000))

        def fresh_postgres() -> str:
            name = f"bench_{next(numbers)}"
            url = server.create_database(name)
            # The schema is made before the clock starts, as for the concurrent runs below.
            subprocess.run([*claims_command(), "db", "upgrade", "--db", url], check=True,
                           stdout=subprocess.DEVNULL, env=child_environment())
            return url

        def sqlite_run() -> Run:
            fresh_sqlite()
            subprocess.run([*claims_command(), "db", "upgrade", "--db", str(database)], check=True,
                           stdout=subprocess.DEVNULL, env=child_environment())
            return run_once([*ingest, "--db", str(database)])

        def postgres_run(processes: int = 1, *options: str) -> Run:
            url = fresh_postgres()
            if processes == 1:
                return run_once([*ingest, "--db", url, *options])
            return run_together([[*ingest, "--db", url, "--shard", f"{k}/{processes}", *options]
                                 for k in range(1, processes + 1)])

        on_postgres, on_sqlite = paired(postgres_run, sqlite_run, runs)
        rows.append(ratio_row(f"`{shown}` on PostgreSQL / on SQLite", on_postgres, on_sqlite, "<= 1.1",
                              f"{shown} --db postgresql+psycopg://...  vs  --db ingest.db"))
        together, alone = paired(lambda: postgres_run(4), postgres_run, runs)
        rows.append(ratio_row("4 processes at once on one PostgreSQL database / 1 process: throughput",
                              together, alone, ">= 1.6",
                              f"{shown} --db URL --shard K/4, K = 1 to 4 at once  vs  {shown} --db URL",
                              throughput=True))
        # The same with every process analysing its own articles (--workers 0): one such process
        # keeps one core busy, so on a machine of few cores this measures what the database lets
        # concurrent writers do, not how many cores a single ingest already takes.
        together, alone = paired(lambda: postgres_run(4, "--workers", "0"), lambda: postgres_run(1, "--workers", "0"), runs)
        rows.append(ratio_row("4 processes at once / 1 process, each `--workers 0`: throughput",
                              together, alone, ">= 1.6",
                              f"{shown} --db URL --shard K/4 --workers 0, K = 1 to 4 at once  vs  {shown} --db URL --workers 0",
                              throughput=True))
    two, one = paired(lambda: (fresh_sqlite(), run_once([*ingest, "--db", str(database), "--workers", "2"]))[1],
                      lambda: (fresh_sqlite(), run_once([*ingest, "--db", str(database), "--workers", "1"]))[1], runs)
    rows.append(ratio_row("`--workers 2` / `--workers 1` (SQLite): speed-up", two, one, ">= 1.6",
                          f"{shown} --workers 2  vs  --workers 1", throughput=True))
    fresh_sqlite()
    return rows


def bench_peer(corpus: Path, files: int, runs: int, python: Path, script: Path, workdir: Path) -> list[list[str]]:
    """claimsdb against the spaCy + textacy peer on the same ``files`` articles."""
    chosen = sorted(p for p in corpus.glob("*.txt"))[:files]
    characters = sum(len(p.read_text(encoding="utf-8", errors="replace")) for p in chosen)
    database = workdir / "peer-side.db"

    def ours() -> Run:
        database.unlink(missing_ok=True)
        return run_once([*claims_command(), "ingest", *map(str, chosen), "--db", str(database)])

    def peer() -> Run:
        return run_once([str(python), str(script), str(workdir / "peer.jsonl"), *map(str, chosen)])

    theirs, mine = paired(peer, ours, runs)
    row = ratio_row(f"spaCy + textacy peer / `claims ingest`, the first {len(chosen)} BBC files"
                    f" ({characters / 1e6:.1f} M characters): how many times faster claimsdb is",
                    theirs, mine, ">= 30",
                    f"{python} {script} OUT.jsonl FILES  vs  claims ingest FILES --db new.db")
    return [row]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="folder of articles to ingest (e.g. ../shared/corpus/bbc)")
    parser.add_argument("--synth-db", type=Path, help="the million-claim SQLite database (made if missing)")
    parser.add_argument("--claims", type=int, default=1_000_000, help="claims in a new --synth-db")
    parser.add_argument("--big-db", type=Path,
                        help="a SQLite database of millions of claims (benchmarks/synth.py) for --only growth;"
                             " it is copied, never changed")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=("ingest", "queries", "help", "postgresql", "peer", "growth"))
    parser.add_argument("--peer-python", type=Path, help="the Python of the peer's virtual environment")
    parser.add_argument("--peer-script", type=Path, help="the peer (e.g. ../shared/peers/textacy_quotes.py)")
    parser.add_argument("--peer-files", type=int, default=300, help="articles both run on (the corpus's first)")
    parser.add_argument("--peer-runs", type=int, default=1, help="runs of the peer (minutes each)")
    args = parser.parse_args(argv)
    if args.only in (None, "ingest", "postgresql", "peer") and args.corpus is None:
        parser.error("--corpus is needed for the ingest figures")
    if args.only == "peer" and (args.peer_python is None or args.peer_script is None):
        parser.error("--only peer needs --peer-python and --peer-script")
    if args.only in (None, "queries") and args.synth_db is None:
        parser.error("--synth-db is needed for the query figures")
    if args.only == "growth" and (args.big_db is None or args.corpus is None):
        parser.error("--only growth needs --big-db and --corpus")

    print(f"Machine: {os.cpu_count()} cores, {platform.machine()}, {platform.system()} {platform.release()}; "
          f"Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}; "
          f"median of {args.runs} runs after a warm-up")
    print(f"Load average (1, 5, 15 min) at the start: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="claimsdb-bench-") as folder:
        workdir = Path(folder)
        if args.only in (None, "ingest"):
            rows += bench_ingest(args.corpus, args.runs, workdir)
        if args.only in (None, "queries"):
            ensure_synth(args.synth_db, args.claims)
            rows += bench_queries(args.synth_db, args.runs, workdir)
        if args.only in (None, "help"):
            rows += bench_help(args.runs)
        if args.only in (None, "postgresql"):
            rows += bench_postgresql(args.corpus, args.runs, workdir)
        if args.only in (None, "peer") and args.peer_python is not None:
            rows += bench_peer(args.corpus, args.peer_files, args.peer_runs, args.peer_python, args.peer_script, workdir)
        if args.only == "growth":
            rows += bench_growth(args.corpus, args.big_db, args.runs, workdir)
    print(f"Load average (1, 5, 15 min) at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    print("| what | wall time | CPU time | throughput | peak memory | target |")
    print("|---|---:|---:|---|---:|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
