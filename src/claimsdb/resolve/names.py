"""Name keys: the forms under which actors' names are stored and looked up.

Kept apart from the actor registry (claimsdb.resolve.actors) because queries need them too, and
a query must not pay for importing the registry's database layer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

# Letters that Unicode decomposition does not reduce to a base letter plus accent.
LETTER_FOLDS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"}
)

# Spelling variants of one name, mostly English transliterations of Slavic names, rewritten to
# one spelling in each word of a name key, in this order.
TRANSLITERATION_FOLDS: tuple[tuple[str, str], ...] = (
    (r"x", "ks"),  # Alexei, Aleksei
    (r"yy", "y"),  # Zelenskyy, Zelensky
    (r"iy$", "y"),  # Zelenskiy, Dmitriy, Yuriy
    (r"ii$", "y"),  # Andrii
    (r"yi$", "y"),  # Zelenskyi
    (r"ij$", "y"),  # Zelenskij
    (r"yj$", "y"),  # Selenskyj
    (r"ey$", "ei"),  # Sergey, Sergei; Alexey, Alexei
    # A final "ай"/"ой" written -ay or -ai, -oy or -oi (Nikolay, Nikolai; Tolstoy, Tolstoi), in
    # words of five letters or more: "May", "Kay" and "Roy" are not transliterations.
    (r"(?<=\w\w\w[ao])y$", "i"),
)
# What separates the words of a key: anything but letters and digits.
_SEPARATORS = re.compile(r"[\W_]+")
_FOLDS = tuple((re.compile(pattern), replacement) for pattern, replacement in TRANSLITERATION_FOLDS)
# Keys are pure functions of short strings met again and again (every speaker of every
# article, every actor and alias when a registry is built): remembered, not recomputed.
_CACHED_KEYS = 1 << 16


@lru_cache(maxsize=_CACHED_KEYS)
def name_key(text: str) -> str:
    """``text`` lower-cased, without accents or punctuation, words separated by one space."""
    # Decomposed before and after case folding: "℠" only becomes letters ("SM") when
    # decomposed, and folding "İ" yields a combining dot.
    decomposed = unicodedata.normalize(
        "NFKD", unicodedata.normalize("NFKD", text).casefold().translate(LETTER_FOLDS)
    )
    # No ASCII character is a combining mark: most names need no look at each character.
    bare = decomposed if decomposed.isascii() else "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_SEPARATORS.sub(" ", bare).split())


@lru_cache(maxsize=_CACHED_KEYS)
def fold_key(key: str) -> str:
    """A :func:`name_key` with transliteration variants folded to one spelling."""
    return " ".join(map(_fold_word, key.split()))


# Every fold needs an "x", a "yy" or one of these letters at the end of the word: most words
# have none, and nine substitutions (run twice) would leave them as they are.
_FOLDED_ENDINGS = ("y", "i", "j")


@lru_cache(maxsize=_CACHED_KEYS)
def _fold_word(word: str) -> str:
    if "x" not in word and "yy" not in word and not word.endswith(_FOLDED_ENDINGS):
        return word
    # Until nothing changes, so that folding a folded key changes nothing ("iii" → "iy" → "y").
    folded = None
    while folded != word:
        folded = word
        for pattern, replacement in _FOLDS:
            word = pattern.sub(replacement, word)
    return word


def lookup_key(text: str) -> str:
    """The key under which ``text`` (a name as a user or an article writes it) is looked up."""
    return fold_key(name_key(text))


def key_code() -> tuple:
    """The functions a :func:`lookup_key` depends on, for a cache of keys computed by an
    earlier process (claimsdb.pattern_cache.cached_value: their code is part of its key);
    :data:`KEY_TABLES` holds the rest (the fold tables and patterns, Unicode's version)."""
    return (lookup_key, name_key.__wrapped__, fold_key.__wrapped__, _fold_word.__wrapped__)


# What a lookup_key depends on besides the code of key_code(), as bytes for a cache's key.
KEY_TABLES = repr((TRANSLITERATION_FOLDS, sorted(LETTER_FOLDS.items()), _SEPARATORS.pattern, _FOLDED_ENDINGS,
                   unicodedata.unidata_version)).encode()


def whole_word_starts(text: str, word: str, before: re.Pattern[str], after: re.Pattern[str]) -> Iterator[int]:
    """Where ``word`` (not empty) stands in ``text`` with no character matching ``before``
    right before it and none matching ``after`` right after it, left to right and not
    overlapping, as ``finditer`` finds ``(?<!B)WORD(?!A)``: a plain search, cheaper than a
    pattern compiled for each name."""
    n = len(word)
    i = text.find(word)
    while i >= 0:
        if (i == 0 or before.match(text, i - 1) is None) and after.match(text, i + n) is None:
            yield i
            i = text.find(word, i + n)
        else:
            i = text.find(word, i + 1)

