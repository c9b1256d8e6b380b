"""Small hand-made Documents and ClaimCandidates, so store, query and export tests do not
depend on what the extractor finds."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from claimsdb.records import ClaimCandidate, Document, PartialDate, Quantity, Speaker


def document(text: str, path: str = "article.txt", published: date | None = None, **fields) -> Document:
    """A Document whose sha256 is that of its text, as the read stage computes it."""
    return Document(
        path=path,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        published_on=published,
        **fields,
    )


def claim(
    doc: Document,
    statement: str,
    speaker: Speaker | str,
    *,
    mention: str | None = None,
    cue: str | None = None,
    kind: str = "indirect",
    stated_on: PartialDate | None = None,
    quantities: tuple[str, float, str | None] = (),
    confidence: float = 0.8,
    via: str | None = None,
) -> ClaimCandidate:
    """A claim whose spans are found by searching ``doc.text`` for the given strings.

    ``mention`` defaults to the speaker's name; ``quantities`` are (text, value, unit) found
    inside the statement.
    """
    if isinstance(speaker, str):
        speaker = Speaker(speaker)
    text_start = doc.text.index(statement)
    speaker_start = doc.text.index(mention or speaker.name)
    cue_start = doc.text.index(cue) if cue else None
    return ClaimCandidate(
        kind=kind,
        text_start=text_start,
        text_end=text_start + len(statement),
        speaker_start=speaker_start,
        speaker_end=speaker_start + len(mention or speaker.name),
        speaker=speaker,
        cue=cue,
        cue_start=cue_start,
        cue_end=cue_start + len(cue) if cue else None,
        stated_on=stated_on,
        quantities=[
            Quantity(value, None, unit, text, doc.text.index(text), doc.text.index(text) + len(text))
            for text, value, unit in quantities
        ],
        confidence=confidence,
        via=via,
    )


ZELENSKYY = Speaker("Volodymyr Zelenskyy", role="President", country="UA", aliases=("Zelensky",))

KYIV = document(
    'Volodymyr Zelenskyy said on Sunday: "We need at least 200,000 peacekeepers." '
    "Zelensky later said peace talks would start in April.",
    path="news/kyiv.txt",
    published=date(2025, 3, 20),
    title="Zelensky asks for peacekeepers",
)
BRUSSELS = document(
    "Kaja Kallas said the EU mission could take various formats. "
    "According to Politico, José Álvarez said =SUM(A1) is not a formula.",
    path="news/brussels.txt",
    published=date(2025, 4, 2),
)
MOSCOW = document(
    "Sergey Lavrov said Russia rejects the plan [sic]. Zelenskiy said tanks arrived in Kharkiv.",
    path="wire/moscow.txt",
)


def sample_claims() -> dict:
    """Three documents with claims covering every filter: two spellings of Zelenskyy, an
    accented name, each date precision, a document without a date, a formula-like text."""
    return {
        KYIV: [
            claim(KYIV, "We need at least 200,000 peacekeepers.", ZELENSKYY, cue="said", kind="direct",
                  stated_on=PartialDate(2025, 3, 16), quantities=[("200,000 peacekeepers", 200000, "peacekeepers")],
                  confidence=0.9),
            claim(KYIV, "peace talks would start in April", Speaker("Zelensky", country="UA"),
                  mention="Zelensky later", confidence=0.6),
        ],
        BRUSSELS: [
            claim(BRUSSELS, "the EU mission could take various formats",
                  Speaker("Kaja Kallas", role="High Representative", country="EU"), cue="said",
                  stated_on=PartialDate(None, 4, 1)),
            claim(BRUSSELS, "=SUM(A1) is not a formula", Speaker("José Álvarez", country="ES"),
                  kind="according_to", via="Politico"),
        ],
        MOSCOW: [
            claim(MOSCOW, "Russia rejects the plan [sic]", Speaker("Sergey Lavrov", role="Foreign Minister", country="RU"),
                  cue="said", stated_on=PartialDate(2024, precision="year")),
            claim(MOSCOW, "tanks arrived in Kharkiv", Speaker("Zelenskiy"), cue="said"),
        ],
    }


def store_sample(session) -> dict:
    """Store :func:`sample_claims`; returns {document path: document id}."""
    from claimsdb.store import store_document

    return {
        doc.path: store_document(session=session, document=doc, claims=claims).document_id
        for doc, claims in sample_claims().items()
    }


_SAID = re.compile(r"(?P<speaker>[A-Z][\w']+(?: [A-Z][\w']+)*) (?P<cue>said) (?P<text>[^.]+)")


def said_claims(document: Document) -> list[ClaimCandidate]:
    """A stand-in extractor for ingest and CLI tests: every "Name said something." is a claim."""
    return [
        ClaimCandidate(
            kind="indirect",
            text_start=m.start("text"),
            text_end=m.end("text"),
            speaker_start=m.start("speaker"),
            speaker_end=m.end("speaker"),
            speaker=Speaker(m["speaker"]),
            cue=m["cue"],
            cue_start=m.start("cue"),
            cue_end=m.end("cue"),
            rule="said-clause",
        )
        for m in _SAID.finditer(document.text)
    ]
