"""Fast paths of the extractor give what the plain forms they replace give.

Each test holds the plain form (a regular expression as first written, a function without its
shortcut) and checks the fast one against it on sentences written for the test and on random
strings over the characters that matter, with a fixed seed.
"""

from __future__ import annotations

import random
import re
from importlib import import_module

import pytest

# The module (claimsdb.extract exports the function segment under the same name).
S = import_module("claimsdb.extract.segment")

SENTENCES = [
    'The mayor said: "We will rebuild the bridge." Then she left.',
    "''We are ready,'' the coach said. ``It is over,'' he added.",
    "The workers' union said the 'plan' was 'dead'. It's the 1990s' end.",
    "„Wir kommen“, sagte er. »Nein«, sagte sie. «Oui», dit-il.",
    "He said it was ‘a disgrace’ and ‘shameful’ — again!! Really?! Yes... Maybe.",
    "'Tis the season,' she said.'No,' he replied. The U.S. said so. Mr. Ward agreed.",
    "A run of dots...... and marks!?! \"Then\" (a quote) [a bracket]. 2 more.",
    'Officials said "the deal is off."The talks resume Monday.',
]

ALPHABET = "ab A.,!?'‘’\"“”„«»`()[] \n-_1"


def _random_strings(n: int, seed: int = 14) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def _spans(pattern: re.Pattern[str], text: str, *bounds: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, *bounds)]


# The regular expressions of claimsdb.extract.segment as first written (tried at every position).
PLAIN_QUOTE_CHARS = re.compile(r"''|``|[\"“”„«»]|(?<![\w])['‘](?=\w)|(?<=[\w.,!?])['’](?![\w])")
PLAIN_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]+[\"”’)\]]*\s+(?=(?:''|``|[\"“‘'(\[])[\w]|[A-Z0-9])")


@pytest.mark.parametrize("fast, plain", [
    (S._QUOTE_CHARS, PLAIN_QUOTE_CHARS),
    (S._SENTENCE_END, PLAIN_SENTENCE_END),
])
def test_segment_patterns_match_what_their_plain_forms_match(fast, plain):
    for text in SENTENCES + _random_strings(20000):
        assert _spans(fast, text) == _spans(plain, text), text
        if len(text) > 4:  # inside a text, as segment() searches one line of it
            assert _spans(fast, text, 2, len(text) - 1) == _spans(plain, text, 2, len(text) - 1), text


def test_quotation_marks_found_in_a_written_sentence():
    text = "''We are ready,'' the coach said of the team's 'best' game."
    marks = [m.group() for m in S._QUOTE_CHARS.finditer(text)]
    assert marks == ["''", "''", "'", "'"]  # the apostrophe of "team's" is no mark
