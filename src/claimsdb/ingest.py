"""ingest: command-line inputs → read → analyse → store, one document at a time.

One bad file never stops a batch: its reason is recorded and the next file is read. Only a
database that cannot be written stops it, since every later file would fail the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from claimsdb import pipeline, read
from claimsdb.db import writing
from claimsdb.errors import DatabaseError, InputError
from claimsdb.store import NEW, REPLACED, SKIPPED, find_document_id, store_document

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

# FileResult.status of a file that could not be ingested.
FAILED = "failed"


@dataclass(frozen=True, slots=True)
class FileResult:
    """What happened to one input: ``status`` is "new", "skipped", "replaced" or "failed"."""

    path: str
    status: str
    claims_added: int = 0
    # One line saying why the file failed.
    reason: str | None = None
    document_id: int | None = None


@dataclass(slots=True)
class IngestReport:
    """Every input's :class:`FileResult`, in the order the inputs were given."""

    files: list[FileResult] = field(default_factory=list)

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


# Called after each input with its result, the number of inputs done and the total.
ProgressCallback = Callable[[FileResult, int, int], None]


def ingest(
    paths: Iterable[str],
    *,
    engine: Engine,
    published: date | None = None,
    outlet: str | None = None,
    force: bool = False,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Read, analyse and store every document that ``paths`` name.

    ``paths`` are files, directories, glob patterns or ``-`` for standard input, as given on
    the command line. ``published`` and ``outlet`` override what the documents say. A document
    already stored (same content) is skipped without analysing it again, unless ``force``
    replaces its claims. Raises DatabaseError only when the database cannot be written.
    """
    sources = list(read.iter_sources(list(paths)))
    report = IngestReport()
    # One session for the batch so the actor registry built on it is reused by every
    # document; store_document commits each document on its own.
    with Session(writing(engine), expire_on_commit=False) as session:
        for done, source in enumerate(sources, 1):
            try:
                result = _ingest_one(session, source, published, outlet, force)
            except OperationalError as e:
                raise DatabaseError(f"cannot write to the database: {e.orig}") from None
            report.files.append(result)
            if progress is not None:
                progress(result, done, len(sources))
    return report


def _ingest_one(
    session: Session, source: read.Source, published: date | None, outlet: str | None, force: bool
) -> FileResult:
    try:
        document = read.read_document(source, published=published, outlet=outlet)
        if not force:
            # Checked before analysing: re-ingesting a folder should cost only the reading.
            document_id = find_document_id(session, document.sha256)
            # Ends the transaction, so the write lock is not held while the text is analysed.
            session.commit()
            if document_id is not None:
                return FileResult(source.display, SKIPPED, document_id=document_id)
        claims = pipeline.analyse(document)
        stored = store_document(session=session, document=document, claims=claims, force=force)
    except InputError as e:
        return FileResult(source.display, FAILED, reason=_one_line(e))
    except OperationalError:
        raise
    except Exception as e:  # an extractor bug on one article must not cost the whole batch
        return FileResult(source.display, FAILED, reason=f"{type(e).__name__}: {_one_line(e)}")
    return FileResult(source.display, stored.status, stored.claims_added, document_id=stored.document_id)


def _one_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
