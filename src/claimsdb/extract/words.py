"""Closed word classes of the construction rules, loaded once from ``data/parser_words.txt``."""

from __future__ import annotations

from importlib.resources import files

from claimsdb.extract.lexicon import speaker_nouns


def _sections(name: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in files("claimsdb.data").joinpath(name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1], set())
        elif current is not None:
            current.update(line.lower().split())
    return {key: frozenset(value) for key, value in out.items()}


_WORDS = _sections("parser_words.txt")

SUBORDINATORS = _WORDS["subordinators"]
ADJUNCT_STARTS = _WORDS["adjunct_starts"]
NO_CONTENT_OBJECTS = _WORDS["no_content_objects"]
ADDRESSING = _WORDS["addressing"]
ASIDES = _WORDS["asides"]
AGO = _WORDS["ago"]
THAT_SUBJECT_VERBS = _WORDS["that_subject_verbs"]
GATHERINGS = _WORDS["gatherings"]
SETTINGS = _WORDS["settings"]
TIME_OPENER_NEXT = _WORDS["time_opener_next"]
TIME_OPENER_FIRST = _WORDS["time_opener_first"]
TIME_WORDS = _WORDS["time_words"]
NUMBER_WORDS = _WORDS["number_words"]
SURVEYED = _WORDS["surveyed"]
PLURAL_VERBS = _WORDS["plural_verbs"]
NAMING = _WORDS["naming"]
WEEKDAYS = _WORDS["weekdays"]
ABBREVIATED_TITLES = _WORDS["abbreviated_titles"]
FOR_NOUNS = _WORDS["for_nouns"]
PROGRESSIVE_BE = _WORDS["progressive_be"]
DASHES = frozenset(("-", "–", "—", "--"))
# Endings of adjectives inside a speaker phrase: "The Democratic presidential candidate".
ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ian", "ary", "ful", "ese", "ish")


def is_adverb(low: str) -> bool:
    """An -ly adverb ("repeatedly", "pleasantly"), not a noun like "family" or "ally"."""
    return len(low) > 4 and low.endswith("ly") and low not in speaker_nouns()


def is_number(low: str) -> bool:
    return low.isdigit() or low in NUMBER_WORDS
