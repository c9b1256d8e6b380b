"""read → extract → resolve for one document: the claims of a Document, ready to store.

``analyse`` is what ingest runs on each document (in its worker processes) and what
``claims extract`` runs without a database.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from claimsdb.errors import InputError
from claimsdb.records import ClaimCandidate, Document


def analyse(document: Document) -> list[ClaimCandidate]:
    """Every attributed claim of ``document`` with speaker, date and quantities resolved."""
    from claimsdb.extract.base import get_extractor
    from claimsdb.resolve.stage import resolve_claims

    return resolve_claims(document, get_extractor().find_claims(document))


# A short article of the usual kinds of statement, for prepare().
_WARM_UP_TEXT = (
    "Ann Example, the transport minister, said on Monday: \"We will open 20 new stations by 2030.\"\n\n"
    "The plan would cost about $5m, her ministry said. Critics told reporters it was too late."
)


def prepare() -> None:
    """Load and build every table that analysing a document needs, without analysing one
    that counts: a process about to fork workers does it once for all of them. Nothing
    analysed here is kept, and a failure is left to the real documents to meet."""
    import hashlib

    text = _WARM_UP_TEXT
    try:
        analyse(Document(path="<warm-up>", text=text, sha256=hashlib.sha256(text.encode()).hexdigest()))
    except Exception:  # the first real document meets it again and reports it
        pass


@dataclass(slots=True)
class ExtractedFile:
    """What ``claims extract`` found in one input: its claims, or why it could not be read."""

    path: str
    document: Document | None
    claims: list[ClaimCandidate]
    error: str | None = None


def extract_files(paths: list[str], *, max_bytes: int | None = None) -> Iterator[ExtractedFile]:
    """Read, extract and resolve each input ``paths`` name, without a database.

    An input that cannot be read is reported with its reason and the next one is read.
    """
    from claimsdb import read

    for source in read.iter_sources(paths):
        try:
            document = read.read_document(source, max_bytes=max_bytes or read.DEFAULT_MAX_BYTES)
        except InputError as e:
            yield ExtractedFile(source.display, None, [], str(e).strip().splitlines()[0])
            continue
        yield ExtractedFile(source.display, document, analyse(document))


# The fields `claims extract` writes for each claim, in order.
EXTRACT_COLUMNS = (
    "document", "rule", "kind", "speaker", "speaker_type", "speaker_role", "country",
    "speaker_mention", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end",
    "text", "text_start", "text_end", "stated_on", "confidence", "via",
    "target", "target_start", "target_end",
)


def extracted_rows(files: list[ExtractedFile]) -> Iterator[dict]:
    """Each claim of ``files`` as a dict with the keys of EXTRACT_COLUMNS."""
    for f in files:
        if f.document is None:
            continue
        text = f.document.text
        for c in f.claims:
            sp = c.speaker
            yield {
                "document": f.path, "rule": c.rule, "kind": c.kind, "speaker": sp.name,
                "speaker_type": sp.type, "speaker_role": sp.role, "country": sp.country,
                "speaker_mention": text[c.speaker_start : c.speaker_end],
                "speaker_start": c.speaker_start, "speaker_end": c.speaker_end,
                "cue": c.cue, "cue_start": c.cue_start, "cue_end": c.cue_end,
                "text": text[c.text_start : c.text_end], "text_start": c.text_start, "text_end": c.text_end,
                "stated_on": c.stated_on.iso() if c.stated_on else None,
                "confidence": c.confidence, "via": c.via,
                "target": text[c.target_start : c.target_end] if c.target_start is not None else None,
                "target_start": c.target_start, "target_end": c.target_end,
            }
