"""Plain records passed between the pipeline stages.

read → :class:`Document`; extract → :class:`ClaimCandidate` (speaker mention, cue, content
span, offsets); resolve → :class:`Speaker`, :class:`PartialDate`, :class:`Quantity` filled in;
store → database rows. Every span is a pair of Python ``str`` indices into ``Document.text``,
which is never modified, so ``document.text[start:end]`` is always the stored text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimsdb.extract.base import ClaimEvidence

# Values of ``Speaker.type``.
ACTOR_TYPES = ("person", "organization", "country", "media", "group", "anonymous")
# Values of ``ClaimCandidate.kind``.
CLAIM_KINDS = ("direct", "indirect", "mixed", "according_to", "headline")
# Values of ``Speaker.country`` that name a body rather than a country.
BODY_CODES = ("EU", "UN", "NATO", "OSCE")
# Values of ``ClaimCandidate.polarity`` and ``.modality`` (see claimsdb.resolve.positions).
POLARITIES = ("positive", "negative")
MODALITIES = ("assert", "intend", "possible", "demand", "conditional")
# Values of ``PartialDate.precision``.
PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True, slots=True)
class Document:
    """An article as read from its source, before extraction.

    ``text`` is what claims index into: the file's decoded text exactly as given, or for HTML
    the article text taken out of the page. It is never normalised or trimmed.
    """

    path: str
    text: str
    sha256: str
    title: str | None = None
    outlet: str | None = None
    published_on: date | None = None
    # How ``published_on`` was found: "option", "meta", "byline", "dateline", "text"; None if unknown.
    published_method: str | None = None
    encoding: str = "utf-8"
    # "text", "markdown" or "html".
    media_type: str = "text"
    # Where the article is on the web, and its language, when the source tells.
    url: str | None = None
    language: str | None = None
    # Lines for the ingest summary about how the document was read (a charset ignored); not stored.
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date that may lack its year, month or day.

    ``precision`` says how much is known: "day", "month" or "year". ``year`` is None when the
    article does not say it; such a date renders as ``XXXX-03-16``, never as a guessed year.
    """

    year: int | None
    month: int | None = None
    day: int | None = None
    precision: str = "day"

    def iso(self) -> str:
        y = f"{self.year:04d}" if self.year is not None else "XXXX"
        if self.precision == "year" or self.month is None:
            return y
        if self.precision == "month" or self.day is None:
            return f"{y}-{self.month:02d}"
        return f"{y}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number stated in a claim: ``value`` (and ``max`` for ranges), with unit or counted noun."""

    value: float
    max: float | None
    unit: str | None
    text: str
    start: int
    end: int

    def as_json(self) -> dict:
        def num(v: float | None) -> float | int | None:
            return int(v) if v is not None and float(v).is_integer() else v

        return {"value": num(self.value), "max": num(self.max), "unit": self.unit, "text": self.text}


@dataclass(slots=True)
class Speaker:
    """Who a claim is attributed to, as far as the article itself tells.

    ``name`` is the best name for the speaker found in the document (a pronoun already resolved
    to its antecedent's name); cross-document canonicalisation happens at store time.
    """

    name: str
    type: str = "person"
    role: str | None = None
    # ISO 3166 alpha-2, or EU / UN / NATO / OSCE; None when the text does not tell.
    country: str | None = None
    aliases: tuple[str, ...] = ()
    # "he" / "she" when the article tells (an honorific, a pronoun, a given name); not stored,
    # it only keeps "Mr. Obama" from joining a Michelle Obama on record.
    gender: str | None = None
    # For a speaker described as a person's associates ("Petrov's former colleagues") whose
    # country the article does not tell: that person's name as written ("Petrov"). Not stored;
    # the speaker takes the country the database knows for that person (resolve.actors).
    principal: str | None = None
    # The country was inferred from where the speaker is quoted (the dateline, the headline,
    # the court or parliament of the passage, a body or country named just before), not said
    # of the speaker (title, demonym, appositive, the office held that year, the body worked
    # for). Not stored: an inferred country does not override the actor's for the claim
    # (resolve.actors.claim_capacity).
    country_inferred: bool = False


@dataclass(slots=True)
class ClaimCandidate:
    """One attributed statement found in a document, with offsets into ``Document.text``."""

    kind: str
    text_start: int
    text_end: int
    speaker_start: int
    speaker_end: int
    speaker: Speaker
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    stated_on: PartialDate | None = None
    quantities: list[Quantity] = field(default_factory=list)
    confidence: float = 0.5
    # A media outlet that relays the claim ("..., according to Politico").
    via: str | None = None
    # The sentence the claim was found in: the context the date and speaker came from.
    sentence_start: int | None = None
    sentence_end: int | None = None
    # The construction that found the claim ("said-that", "according-to"; see
    # claimsdb.extract.rules); None for claims made by other means.
    rule: str | None = None
    # The position the claim takes: see claimsdb.resolve.positions.
    polarity: str = "positive"
    modality: str = "assert"
    # Whom or what the stance is aimed at: the X of "accused X of", "called on X to",
    # "described X as" (claimsdb.extract.rules.stance); None when the construction names none.
    target_start: int | None = None
    target_end: int | None = None
    # What the extractor read around the claim (the speaker phrase before coreference, the cue,
    # the relay), handed to the resolve stage; None once resolved, and from an extractor that
    # gives none (the resolve stage then reads the speaker phrase itself).
    evidence: ClaimEvidence | None = None
