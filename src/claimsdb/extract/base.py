"""What an extractor is, and the one place ingest and ``claims extract`` get theirs from.

An extractor turns a :class:`~claimsdb.records.Document` into claim candidates whose speakers
are the mentions the text gives; the resolve stage (claimsdb.resolve) does the rest. The rules
extractor is the only one today; one built on a language model would implement the same
protocol and register under its own name, without ingest or store changing.
"""

from __future__ import annotations

from importlib import import_module
from typing import Protocol, runtime_checkable

from claimsdb.errors import UnknownExtractor
from claimsdb.records import ClaimCandidate, Document


@runtime_checkable
class Extractor(Protocol):
    """Finds the attributed claims of a document."""

    # A short name to select it by ("rules").
    name: str
    # Stored with every claim it finds, so a stored claim can be traced to the code that
    # found it; changes whenever what it finds changes.
    version: str

    def find_claims(self, document: Document) -> list[ClaimCandidate]:
        """Every claim of ``document``, in text order, with offsets into ``document.text``."""
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
