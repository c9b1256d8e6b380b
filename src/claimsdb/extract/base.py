"""What an extractor is, and the one place ingest and ``claims extract`` get theirs from.

An extractor turns a :class:`~claimsdb.records.Document` into an :class:`Extraction`: claim
candidates whose speakers are the phrases the text gives, each with the :class:`ClaimEvidence`
it read; the resolve stage (claimsdb.resolve.stage.resolve_claims) does the rest: who a
pronoun or role noun stands for, speaker types, confidence, dates, countries. The rules
extractor is the only one today; one built on a language model would implement the same
protocol and register under its own name, without ingest or store changing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from claimsdb.errors import UnknownExtractor
from claimsdb.records import ClaimCandidate, Document

if TYPE_CHECKING:
    from claimsdb.extract.lexicon import CueInfo
    from claimsdb.extract.segment import Segmented
    from claimsdb.extract.speakers import Mention


@dataclass(slots=True)
class ClaimEvidence:
    """What the extractor read around one claim, for the resolve stage
    (``ClaimCandidate.evidence``).

    ``mention`` is the speaker phrase as read ("she", "the minister", "Blair"), with its pronoun,
    number and gender; coreference resolves it in place and the resolve stage then writes the
    candidate's ``speaker`` from it. Claims may share one mention ("X said A and added B"), and
    a mention is also in ``Extraction.mentions``, so resolving it once resolves it everywhere.
    """

    mention: Mention
    # The outlet that relays the claim ("..., according to Politico"), as read.
    via: Mention | None = None
    # The cue word's lexicon entry: speech, belief or stance, ambiguous; None without a cue.
    cue: CueInfo | None = None
    # The speaker is one of several coordinated ones ("Italy and Germany said").
    coordinated: bool = False
    # Set by the resolve stage for a role-noun speaker ("the minister"): "resolved" when
    # coreference tied it to a name, "unresolved" when it stays the article's unnamed one.
    reference: str | None = None
    # The rule that found the content when the claim is stored under another: a relay ("Interfax
    # quoted X as saying ...") is weighed as the construction of its content.
    construction: str | None = None


@dataclass(slots=True)
class Extraction:
    """What an extractor found in one document: the claims, and what the resolve stage needs
    besides them to tell who each speaker is."""

    claims: list[ClaimCandidate]
    # Every speaker phrase read, the claims' own included, in text order: the antecedents
    # coreference chooses from, where no claim came out of them too.
    mentions: list[Mention] = field(default_factory=list)
    # The text's blocks, sentences and quotation-masked copy; None lets the resolve stage
    # segment the text itself.
    segmented: Segmented | None = None


@runtime_checkable
class Extractor(Protocol):
    """Finds the attributed claims of a document."""

    # A short name to select it by ("rules").
    name: str
    # Stored with every claim it finds, so a stored claim can be traced to the code that
    # found it; changes whenever what it finds changes.
    version: str

    def find_claims(self, document: Document) -> Extraction:
        """Every claim of ``document``, in text order, with offsets into ``document.text``,
        speakers as the text gives them (resolve with claimsdb.resolve.stage.resolve_claims)."""
        ...


# Name → "module:class"; imported on first use, so naming an extractor costs nothing.
EXTRACTORS = {
    "rules": "claimsdb.extract.rules_extractor:RulesExtractor",
}
DEFAULT_EXTRACTOR = "rules"


# One instance per name and process: an extractor may load its tables when it is made.
_instances: dict[str, Extractor] = {}


def get_extractor(name: str = DEFAULT_EXTRACTOR) -> Extractor:
    """The extractor registered as ``name``; UnknownExtractor if there is none."""
    extractor = _instances.get(name)
    if extractor is None:
        try:
            target = EXTRACTORS[name]
        except KeyError:
            raise UnknownExtractor(f"no extractor named {name!r}; known: {', '.join(sorted(EXTRACTORS))}") from None
        module, _, attribute = target.partition(":")
        extractor = _instances[name] = getattr(import_module(module), attribute)()
    return extractor
