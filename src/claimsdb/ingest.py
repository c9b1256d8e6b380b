"""ingest: command-line inputs → read → analyse → store, with analysis in worker processes.

This process expands the inputs, hashes each file to skip content already stored, and stores
what the workers send back, a batch of documents per transaction; ``workers`` processes read
and analyse the documents meanwhile. Results are taken in input order, so the report, claim
ids and actors come out the same whatever the number of workers.

One bad file never stops a batch: its reason is recorded and the next file is read. Only a
database that cannot be written stops it, since every later file would fail the same way.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from claimsdb import pipeline, read
from claimsdb.db import damaged, database_label, integrity_problem, is_damage, write_lock_waits
from claimsdb.errors import DatabaseError, InputError
from claimsdb.prepared import NEW, REPLACED, SKIPPED, PreparedDocument, prepare_document

# SQLAlchemy and the storing code are imported once the workers have started (see ingest):
# importing them and opening the database take this process about 0.35 s, during which the
# workers already analyse the first inputs.
if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session

# FileResult.status of a file that could not be ingested.
FAILED = "failed"

# A batch is stored once it holds this many documents or claims, or once its first document
# has waited this long: large enough that per-transaction costs vanish, small enough that
# progress shows and other writers get their turn.
BATCH_DOCUMENTS = 200
BATCH_CLAIMS = 4000
BATCH_SECONDS = 1.0
# The time limit while other writers store into the same database (this process had to wait
# for the write lock at its last batch): each batch then holds the lock for a dozen round
# trips to the server whatever its size, while the others wait, so fewer, larger batches
# make them wait less in all. (On PostgreSQL; on SQLite waits are not seen.)
CONTENDED_BATCH_SECONDS = 4.0
# Documents handed to the workers ahead of the one being stored, per worker: two messages
# each, so a worker finds the next waiting when it sends back the last.
AHEAD_PER_WORKER = 64
# Worker processes per CPU at most: more only compete for the cores and fill memory (each
# holds the extractor's tables), and a mistyped --workers 100000 would fork until the
# machine stops.
MAX_WORKERS_PER_CPU = 4
# Documents handed to a worker at a time, and checked against the database in one query:
# fewer, larger messages between the processes (each costs both sides pickling, a wake-up
# and, for the worker, a wait for this process to send the next). Without workers too: a
# query and its transaction per document cost 5% of a one-process ingest.
CHUNK = 32
# Documents handed to a worker at a time before the database is open (see _early): a few,
# so that when the database turns out to hold them (a folder ingested again) the pieces no
# worker has taken yet are cancelled rather than analysed for nothing.
EARLY_PIECE = 8


@dataclass(frozen=True, slots=True)
class FileResult:
    """What happened to one input: ``status`` is "new", "skipped", "replaced" or "failed"."""

    path: str
    status: str
    claims_added: int = 0
    # One line saying why the file failed.
    reason: str | None = None
    document_id: int | None = None
    # One line about how a stored document was read (a declared charset that was ignored).
    warning: str | None = None
    # A skipped input whose content is stored under another name: one of those names.
    same_as: str | None = None


@dataclass(frozen=True, slots=True)
class Shard:
    """Shard ``number`` of ``count`` (1 to ``count``): the inputs whose content hash falls in
    it. The hash alone decides, so processes on several machines given the same inputs split
    them with no coordination, and a content met under another name lands in the same shard."""

    number: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """The shard written ``K/N``, as in ``--shard 2/4``. Raises ValueError."""
        number, slash, count = text.strip().partition("/")
        if not slash or not number.strip().isdigit() or not count.strip().isdigit():
            raise ValueError(f"{text!r} is not K/N (shard K of N, e.g. 2/4)")
        shard = cls(int(number), int(count))
        if shard.count < 1:
            raise ValueError(f"{text!r}: the number of shards must be at least 1")
        if not 1 <= shard.number <= shard.count:
            raise ValueError(f"{text!r}: the shard must be from 1 to {shard.count}")
        return shard

    def holds(self, sha256: str) -> bool:
        """Whether the content with this SHA-256 (hexadecimal) falls in this shard."""
        # The hash's leading 64 bits, uniform like all of it: the shards come out even.
        return int(sha256[:16], 16) % self.count == self.number - 1


@dataclass(slots=True)
class IngestReport:
    """Every input's :class:`FileResult`, in the order the inputs were given."""

    files: list[FileResult] = field(default_factory=list)
    # Worker processes asked for and used (see worker_count): how the work was done, not
    # what it did, so two reports of the same ingest compare equal whatever they were.
    workers_requested: int = field(default=0, compare=False)
    workers: int = field(default=0, compare=False)
    # Inputs left to the other shards (see Shard): not part of this ingest.
    other_shards: int = 0

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def new(self) -> int:
        return self.count(NEW)

    @property
    def skipped(self) -> int:
        return self.count(SKIPPED)

    @property
    def replaced(self) -> int:
        return self.count(REPLACED)

    @property
    def failed(self) -> int:
        return self.count(FAILED)

    @property
    def failures(self) -> list[FileResult]:
        return [f for f in self.files if f.status == FAILED]

    @property
    def claims_added(self) -> int:
        return sum(f.claims_added for f in self.files)


# Called after each input with its result, the number of inputs done and the total (None
# while records or feeds are still being opened up).
ProgressCallback = Callable[[FileResult, int, int | None], None]


def ingest(
    paths: Iterable[str],
    *,
    engine: Engine | Callable[[], Engine],
    published: date | None = None,
    outlet: str | None = None,
    force: bool = False,
    progress: ProgressCallback | None = None,
    workers: int = 1,
    max_bytes: int = read.DEFAULT_MAX_BYTES,
    fields: read.RecordFields | None = None,
    url_lists: Sequence[str] = (),
    timeout: float = read.DEFAULT_TIMEOUT,
    shard: Shard | None = None,
    stored_before: Callable[[list[str]], set[str] | None] | None = None,
) -> IngestReport:
    """Read, analyse and store every document that ``paths`` name.

    ``paths`` are files, directories, glob patterns, ``-`` for standard input, or web
    addresses, as given on the command line; ``url_lists`` are files of web addresses. Each
    record of a JSON Lines or CSV file is a document (``fields`` names the fields to read), and
    so is each page a feed links to; pages are fetched by ``workers`` × 4 threads, waiting
    ``timeout`` seconds at most. ``published`` and ``outlet`` override what the documents say.
    A document already stored (same content) is skipped, unless ``force`` replaces its claims;
    it is not analysed again, but for the first few handed to the workers before the database
    is open, whose analyses are dropped. ``engine`` may be a function that opens it: it is
    called once the workers have started. ``stored_before``, if given, says which of some
    content hashes the database holds without opening it (None if it cannot tell; see
    db.stored_contents): those are not handed to the workers, so a folder ingested again
    starts no worker. ``workers`` processes analyse documents while this one stores them;
    0 analyses here (so does a single input: a process would cost more than it saves).
    A file larger than ``max_bytes`` fails without being read. Raises DatabaseError only when
    the database cannot be written. ``workers`` is capped by :func:`worker_count`; the report
    says how many ran. With ``shard``, only the inputs whose content falls in that shard are
    analysed and reported; every input is still read, to hash it, and one that cannot be
    read is reported by every shard.
    """
    listed = list(read.iter_sources(list(paths), url_lists))
    # Records and feeds are opened as the ingest reaches them: how many documents they hold
    # is not known before.
    plain = not any(source.is_container for source in listed)
    total = len(listed) if plain and not shard else None
    options = (published, outlet)
    report = IngestReport(workers_requested=workers)
    # A records file or a feed holds an unknown number of documents: only the CPUs cap it.
    workers = report.workers = worker_count(workers, inputs=sys.maxsize if total is None else total)
    with ExitStack() as stack:
        known = _KnownContent(force, max_bytes, shard)
        analysers = stack.enter_context(_Analysers(workers, options, many=total is None or total > 1))
        # The workers start on the first inputs before this process opens the database; those
        # found stored once it is open are dropped (see _early).
        early = _early(listed[:workers * CHUNK] if plain else [], known, analysers, stored_before)
        if early:
            listed = listed[len(early):]
        if callable(engine):
            engine = engine()
        from sqlalchemy.exc import DBAPIError, OperationalError
        from sqlalchemy.orm import Session

        from claimsdb.db import writing

        checks = stack.enter_context(engine.connect())
        known.checks = checks
        sources = read.expand_sources(
            listed, fields=fields, max_bytes=max_bytes, workers=workers, timeout=timeout,
            stored=None if force else known.stored_url,
        )
        # Stops the threads fetching pages ahead if the ingest stops early.
        stack.callback(sources.close)
        # One session for the batch so the actor registry built on it is reused by every
        # document; each stored batch is one transaction.
        session = stack.enter_context(Session(writing(engine), expire_on_commit=False))
        writer = _Writer(session, checks, force, report, progress, total, known.ids, known.seen)
        ahead: deque[tuple[read.Source, Any]] = deque()
        try:
            if early:
                report.other_shards += sum(1 for _, outcome in early if outcome is None)
                ahead.extend(_drop_stored(early, known, analysers))
            while chunk := list(itertools.islice(sources, CHUNK)):
                outcomes = known.screen(chunk)
                kept = [(source, outcome) for source, outcome in zip(chunk, outcomes) if outcome is not None]
                report.other_shards += len(chunk) - len(kept)
                chunk, outcomes = [source for source, _ in kept], [outcome for _, outcome in kept]
                todo = [i for i, outcome in enumerate(outcomes) if isinstance(outcome, _Input)]
                for i, outcome in zip(todo, analysers.read_and_analyse([outcomes[i] for i in todo])):
                    outcomes[i] = outcome
                ahead.extend(zip(chunk, outcomes))
                while ahead and (len(ahead) > workers * AHEAD_PER_WORKER or _ready(ahead[0][1])):
                    writer.add(*analysers.take(ahead.popleft()))
                    writer.store_if_due()
                writer.store_if_due()
            while ahead:
                if not _ready(ahead[0][1]):
                    # Nothing left to read: what is ready is stored while the workers finish
                    # the last documents, rather than after them, when nothing else runs.
                    writer.store()
                writer.add(*analysers.take(ahead.popleft()))
                writer.store_if_due()
            writer.store()
        except DBAPIError as e:
            if is_damage(e):
                raise damaged(database_label(engine), str(e.orig)) from None
            if not isinstance(e, OperationalError):
                raise
            raise DatabaseError(f"cannot write to the database: {e.orig}") from None
    return report


def worker_count(requested: int, *, inputs: int) -> int:
    """The worker processes to start for ``inputs`` documents when ``requested`` are asked
    for: no more than there are inputs, nor than MAX_WORKERS_PER_CPU per CPU; none for a
    single input, which a process of its own would only delay."""
    if inputs <= 1:
        return 0
    return max(0, min(requested, inputs, MAX_WORKERS_PER_CPU * (os.cpu_count() or 1)))


def _early(sources: list[read.Source], known: _KnownContent, analysers: _Analysers,
           stored_before: Callable[[list[str]], set[str] | None] | None = None) -> list[tuple[read.Source, Any]]:
    """Each of ``sources`` with its outcome as far as it is known without the database, each
    input to analyse handed to the workers at once: they analyse while this process imports
    SQLAlchemy and opens the database (about 0.35 s, a new database's schema included), which
    only then says which of them it holds already (see _drop_stored). Those ``stored_before``
    says are stored are kept back: a folder ingested again analyses nothing."""
    if not sources:
        return []
    outcomes: list[Any] = known.read(sources)
    todo = [i for i, outcome in enumerate(outcomes) if isinstance(outcome, _Input)]
    if todo and stored_before is not None and not known.force:
        held = stored_before([outcomes[i].sha256 for i in todo])
        if held:
            todo = [i for i in todo if outcomes[i].sha256 not in held]
    for start in range(0, len(todo), EARLY_PIECE):
        piece = todo[start : start + EARLY_PIECE]
        for i, promise in zip(piece, analysers.read_and_analyse([outcomes[i] for i in piece])):
            outcomes[i] = promise
    return list(zip(sources, outcomes))


def _drop_stored(early: list[tuple[read.Source, Any]], known: _KnownContent,
                 analysers: _Analysers) -> list[tuple[read.Source, Any]]:
    """The inputs of :func:`_early` but for those of other shards, those whose content the
    database holds skipped: their analyses are dropped, and a piece none of whose inputs is
    needed any more is cancelled if no worker has taken it yet. An input kept back that the
    database turns out not to hold (removed in between) is handed to the workers now."""
    kept = [(source, outcome) for source, outcome in early if outcome is not None]
    sources = [source for source, _ in kept]
    outcomes = known.check(sources, [outcome for _, outcome in kept])
    todo = [i for i, outcome in enumerate(outcomes) if isinstance(outcome, _Input)]
    for i, promise in zip(todo, analysers.read_and_analyse([outcomes[i] for i in todo])):
        outcomes[i] = promise
    needed = {outcome.future for outcome in outcomes if isinstance(outcome, _Pending)}
    for _, outcome in kept:
        if isinstance(outcome, _Pending) and outcome.future not in needed:
            outcome.future.cancel()
    return list(zip(sources, outcomes))


# What happened to an input before storing: a FileResult already decided, the content hash of
# an earlier input it repeats (str), or the analysed document ready to store.
_Outcome = FileResult | str | PreparedDocument


@dataclass(frozen=True, slots=True)
class _Input:
    """An input to analyse, with its bytes as read and hashed once, to skip known content."""

    source: read.Source
    raw: bytes
    sha256: str


class _KnownContent:
    """Decides which inputs need no analysis: unreadable, or content already stored or
    already met in this ingest. Each input is read and hashed here, once: the bytes go on to
    the workers with their hash (read.document_from_bytes), so re-ingesting a folder costs
    only the reading."""

    def __init__(self, force: bool, max_bytes: int, shard: Shard | None = None) -> None:
        # The connection that checks contents against the database, set once it is open:
        # read() needs none.
        self.checks: Connection | None = None
        self.force = force
        self.max_bytes = max_bytes
        self.shard = shard
        # Content hash → document id, for content stored before or by this ingest (the
        # writer adds what it stores).
        self.ids: dict[str, int] = {}
        # Content hash → the first input of this ingest with that content.
        self.seen: dict[str, str] = {}

    def screen(self, sources: list[read.Source]) -> list[_Outcome | _Input | None]:
        """Each source's outcome decided without analysing it, the _Input to analyse, or
        None for an input of another shard."""
        return self.check(sources, self.read(sources))

    def read(self, sources: list[read.Source]) -> list[_Outcome | _Input | None]:
        """:meth:`screen` but for the database: what it holds is left to :meth:`check`."""
        outcomes: list[_Outcome | _Input | None] = []
        for source in sources:
            if source.document_id is not None:
                outcomes.append(FileResult(source.display, SKIPPED, document_id=source.document_id))
                continue
            try:
                raw = source.read_bytes(self.max_bytes)
            except InputError as e:
                outcomes.append(FileResult(source.display, FAILED, reason=_one_line(e)))
                continue
            sha256 = hashlib.sha256(raw).hexdigest()
            if self.shard is not None and not self.shard.holds(sha256):
                outcomes.append(None)
            elif self.force:
                # A later copy of the same content repeats the first: stored once, counted once.
                if sha256 in self.seen:
                    outcomes.append(sha256)
                else:
                    self.seen[sha256] = source.display
                    outcomes.append(_Input(source, raw, sha256))
            elif sha256 in self.ids:
                outcomes.append(FileResult(source.display, SKIPPED, document_id=self.ids[sha256]))
            elif sha256 in self.seen:
                outcomes.append(sha256)  # an earlier input's content, not stored yet
            else:
                self.seen[sha256] = source.display
                outcomes.append(_Input(source, raw, sha256))
        return outcomes

    def check(self, sources: list[read.Source], outcomes: list[Any]) -> list[Any]:
        """``outcomes`` (of :meth:`read`, or with some inputs already handed to the workers
        as _Pending) with each input whose content the database holds made a skipped
        FileResult. With ``force`` nothing is skipped."""
        if self.force:
            return outcomes
        hashes = {
            i: outcome.sha256 if isinstance(outcome, _Input) else outcome.item.sha256
            for i, outcome in enumerate(outcomes) if isinstance(outcome, _Input | _Pending)
        }
        if not hashes:
            return outcomes
        from sqlalchemy.exc import DBAPIError

        from claimsdb.store import find_document_ids

        assert self.checks is not None
        try:
            self.ids.update(find_document_ids(self.checks, list(hashes.values())))
            # Ends the read transaction: a long-lived snapshot would stop SQLite's WAL
            # from being checkpointed while the ingest writes.
            self.checks.commit()
        except DBAPIError as e:
            if is_damage(e):
                raise
            raise DatabaseError(f"cannot read the database: {e.orig}") from None
        outcomes = list(outcomes)
        for i, sha256 in hashes.items():
            if sha256 in self.ids:
                outcomes[i] = FileResult(sources[i].display, SKIPPED, document_id=self.ids[sha256])
        return outcomes

    def stored_url(self, url: str) -> int | None:
        """The id of a document stored from the web address ``url``: a page is not fetched
        again, which its content hash cannot tell before fetching it, nor after if the page
        changes on every visit."""
        from sqlalchemy.exc import DBAPIError

        from claimsdb.store import find_document_id_by_url

        assert self.checks is not None
        try:
            document_id = find_document_id_by_url(self.checks, url)
            self.checks.commit()
        except DBAPIError as e:
            raise DatabaseError(f"cannot read the database: {e.orig}") from None
        return document_id


def _read_and_analyse_all(inputs: list[_Input], options: tuple) -> list[FileResult | PreparedDocument]:
    """:func:`_read_and_analyse` of each of ``inputs``. Runs in a worker."""
    return [_read_and_analyse(item, options) for item in inputs]


def _read_and_analyse(item: _Input, options: tuple) -> FileResult | PreparedDocument:
    """The document ``item`` holds and its claims as the rows to store, or a failed
    FileResult. Everything about a document that does not need the database is done here,
    in the worker: this process, which stores for all of them, has work enough."""
    published, outlet = options
    source = item.source
    try:
        document = read.document_from_bytes(source, item.raw, item.sha256, published=published, outlet=outlet)
        return prepare_document(document, pipeline.analyse(document))
    except InputError as e:
        return FileResult(source.display, FAILED, reason=_one_line(e))
    except Exception as e:  # an extractor bug on one article must not cost the whole batch
        return FileResult(source.display, FAILED, reason=f"{type(e).__name__}: {_one_line(e)}")


@dataclass(frozen=True, slots=True)
class _Pending:
    """The ``index``-th outcome of the list that ``future`` will hold."""

    future: Future
    index: int
    item: _Input


def _ready(outcome: Any) -> bool:
    return not isinstance(outcome, _Pending) or outcome.future.done()


class _Analysers:
    """Reads and analyses documents in ``workers`` processes (here if 0), as futures.
    ``many``: more than one document is expected, worth preparing the extractor for."""

    def __init__(self, workers: int, options: tuple, many: bool = True) -> None:
        self.workers = workers
        self.options = options
        self.executor: ProcessPoolExecutor | None = None
        self.prepared = not many
        self.thresholds: tuple[int, ...] | None = None  # the collector's, before _prepare

    def read_and_analyse(self, inputs: list[_Input]) -> list[_Outcome | _Pending]:
        """The outcome of each of ``inputs``, or its promise; see :meth:`take`."""
        if not inputs:
            return []
        if not self.prepared:
            self.thresholds = gc.get_threshold()
            _prepare()
            self.prepared = True
        if not self.workers:
            return _read_and_analyse_all(inputs, self.options)
        if self.executor is None:
            self.executor = _executor(self.workers)
        try:
            future = self.executor.submit(_read_and_analyse_all, inputs, self.options)
        except BrokenProcessPool:
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = None
            return self.read_and_analyse(inputs)
        return [_Pending(future, index, item) for index, item in enumerate(inputs)]

    def take(self, item: tuple[read.Source, Any]) -> tuple[read.Source, _Outcome]:
        """``item``'s source and outcome, waiting for the outcome if it is promised."""
        source, outcome = item
        if isinstance(outcome, _Pending):
            try:
                outcome = outcome.future.result()[outcome.index]
            except BrokenProcessPool:
                # A worker was killed (out of memory, a crash in a C library), and every
                # document the workers had in hand is lost: each is analysed again in a
                # process of its own, so that only the one that kills it fails.
                with _executor(1) as alone:
                    try:
                        outcome = alone.submit(_read_and_analyse, outcome.item, self.options).result()
                    except BrokenProcessPool:
                        outcome = FileResult(source.display, FAILED, reason="the process analysing it stopped unexpectedly")
        return source, outcome

    def __enter__(self) -> _Analysers:
        return self

    def __exit__(self, error_type, error, traceback) -> None:
        if self.executor is not None:
            if error is not None:
                # Stopped early (Ctrl-C, an error): the workers' results would be thrown
                # away, so they are stopped now instead of finishing their batch, and the
                # pool is then closed and waited for here. Left to close on its own, the
                # pool's thread could close its wake-up pipe while the interpreter's exit
                # hook writes to it (CPython 3.11: "OSError: Bad file descriptor" printed
                # after "Interrupted").
                _stop_workers(self.executor)
            self.executor.shutdown(wait=True, cancel_futures=True)
        if self.thresholds is not None:
            gc.set_threshold(*self.thresholds)


def _prepare() -> None:
    """Load the extractor's tables here, once, for every worker forked after: each would
    otherwise load its own. Then move everything this process holds out of the garbage
    collector's sight, so that a worker's collections neither walk those objects nor copy
    the memory pages they sit on (which the processes share until one writes to them).
    The collector is off while the tables are built: they are kept for good, and walking
    them again and again as they grow cost this process, on which the workers wait, about
    0.15 s for nothing. Without workers the same holds for this process, which analyses:
    its full collections would walk the tables every time (2% of a one-process ingest).

    Full collections come ten times less often after (every 100 collections of the middle
    generation instead of 10), here and in the workers forked after: each walks every object
    the analysis keeps (the speaker-phrase and name caches, the results waiting to be stored)
    and finds almost nothing to free (about 300 objects a collection over the BBC corpus),
    while the four it made there cost some 0.25 s of a 14 s ingest."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        pipeline.prepare()
    finally:
        if enabled:
            gc.enable()
    gc.collect()
    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, _FULL_COLLECTION_EVERY)


# Collections of the middle generation between full ones in an analysing process (Python's
# default is 10).
_FULL_COLLECTION_EVERY = 100


def _executor(workers: int) -> ProcessPoolExecutor:
    # fork where the platform has it: workers start at once, with the extractor's tables
    # already loaded if this process loaded them.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),))


def _stop_workers(executor: ProcessPoolExecutor) -> None:
    """Ends ``executor``'s worker processes at once (``terminate_workers`` from Python 3.14)."""
    stop = getattr(executor, "terminate_workers", None)
    if stop is not None:
        stop()
        return
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        if process.is_alive():
            process.terminate()


def _start_worker(parent: int) -> None:
    # Ctrl-C reaches every process of the terminal: the main process stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A main process killed outright (kill -9, out of memory) cannot stop its workers, which
    # would wait for work forever: each leaves once its parent is gone.
    threading.Thread(target=_exit_with, args=(parent,), name="exit-with-parent", daemon=True).start()


def _exit_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


class _Writer:
    """Collects outcomes in input order and stores the analysed documents in batches,
    reporting every input once its fate is known."""

    def __init__(self, session: Session, checks: Connection, force: bool, report: IngestReport,
                 progress: ProgressCallback | None, total: int | None, stored: dict[str, int],
                 first: dict[str, str]) -> None:
        self.session = session
        self.checks = checks
        self.force = force
        self.report = report
        self.progress = progress
        self.total = total
        self.pending: list[tuple[read.Source, _Outcome]] = []
        self.documents = self.claims = 0
        self.since = 0.0
        self.seconds = BATCH_SECONDS
        # Content hash → document id, shared with _KnownContent: the writer adds what it
        # stores, for inputs that repeat an earlier one.
        self.stored = stored
        # Content hash → the first input with that content (for inputs that repeat one), and
        # why each failed input failed.
        self.first = first
        self.reasons: dict[str, str] = {}

    def add(self, source: read.Source, outcome: _Outcome) -> None:
        if isinstance(outcome, PreparedDocument):
            if not self.documents:
                self.since = time.monotonic()
            self.documents += 1
            self.claims += len(outcome.claims)
        self.pending.append((source, outcome))

    def store_if_due(self) -> None:
        if (
            self.documents >= BATCH_DOCUMENTS
            or self.claims >= BATCH_CLAIMS
            or not self.documents
            or time.monotonic() - self.since >= self.seconds
        ):
            self.store()

    def store(self) -> None:
        """Store the pending documents and report every pending input."""
        analysed = [outcome for _, outcome in self.pending if isinstance(outcome, PreparedDocument)]
        waits = write_lock_waits()
        stored = self._store_batch(analysed) if analysed else []
        if analysed:
            self.seconds = CONTENDED_BATCH_SECONDS if write_lock_waits() > waits else BATCH_SECONDS
        results = iter(stored)
        decided = []
        for source, outcome in self.pending:
            if isinstance(outcome, PreparedDocument):
                result = next(results)
            elif isinstance(outcome, str):
                result = self._repeated(source, outcome)
            else:
                result = outcome
            if result.status == FAILED and result.reason:
                self.reasons[result.path] = result.reason
            decided.append(result)
        decided = self._record_other_paths(decided)
        for result in decided:
            self.report.files.append(result)
            if self.progress is not None:
                self.progress(result, len(self.report.files), self.total)
        self.pending, self.documents, self.claims = [], 0, 0

    def _record_other_paths(self, results: list[FileResult]) -> list[FileResult]:
        """Record the paths of skipped inputs whose content is stored under another name, and
        return ``results`` with that name in their ``same_as`` (two files of one folder with
        the same text: the second names the first). Looked up first on the reading
        connection, so that re-ingesting a folder as it was takes no write transaction."""
        skipped = [(r.document_id, r.path) for r in results if r.status == SKIPPED and r.document_id is not None]
        if not skipped:
            return results
        from claimsdb.store import find_document_paths, record_paths

        known = find_document_paths(self.checks, [document_id for document_id, _ in skipped])
        self.checks.commit()
        other = [(document_id, path) for document_id, path in skipped if path not in known.get(document_id, ())]
        if other:
            record_paths(session=self.session, paths=other)
        return [
            replace(r, same_as=min(known[r.document_id]))
            if r.status == SKIPPED and r.path not in known.get(r.document_id, {r.path}) else r
            for r in results
        ]

    def _store_batch(self, analysed: list[PreparedDocument]) -> list[FileResult]:
        from sqlalchemy.exc import OperationalError

        from claimsdb.store import store_prepared

        try:
            stored = store_prepared(session=self.session, prepared=analysed, force=self.force)
        except OperationalError:
            raise
        except Exception:
            # A damaged database fails every batch, in ways that look like a bad document
            # (a foreign key "failing"): say so once, rather than fail each file.
            problem = integrity_problem(self.session.connection())
            self.session.rollback()
            if problem is not None:
                raise damaged(database_label(self.session.get_bind()), problem) from None
            # Something in the batch cannot be stored: store the documents one by one, so
            # that only the culprit fails.
            return [self._store_one(document) for document in analysed]
        results = []
        for document, result in zip(analysed, stored, strict=True):
            self.stored[document.sha256] = result.document_id
            results.append(FileResult(document.path, result.status, result.claims_added,
                                      document_id=result.document_id, warning=_warning(document)))
        return results

    def _store_one(self, document: PreparedDocument) -> FileResult:
        from sqlalchemy.exc import OperationalError

        from claimsdb.store import store_prepared

        try:
            [result] = store_prepared(session=self.session, prepared=[document], force=self.force)
        except OperationalError:
            raise
        except Exception as e:
            return FileResult(document.path, FAILED, reason=f"{type(e).__name__}: {_one_line(e)}")
        self.stored[document.sha256] = result.document_id
        return FileResult(document.path, result.status, result.claims_added, document_id=result.document_id,
                          warning=_warning(document))

    def _repeated(self, source: read.Source, sha256: str) -> FileResult:
        # An input with the same content as an earlier one of this ingest.
        document_id = self.stored.get(sha256)
        if document_id is None:
            # Fails as the earlier input did, for the same reason ("file is empty").
            first = self.first.get(sha256)
            earlier = self.reasons.get(first) if first else None
            reason = f"{earlier} (same content as {first})" if earlier else "same content as an earlier input, which failed"
            return FileResult(source.display, FAILED, reason=reason)
        return FileResult(source.display, SKIPPED, document_id=document_id)


def _warning(document: PreparedDocument) -> str | None:
    return "; ".join(document.warnings) or None


def _one_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
