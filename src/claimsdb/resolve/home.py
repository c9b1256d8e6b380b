"""Where a story without a dateline comes from, by the lines of its head (rule head-source).

A wire story says where it was filed in its dateline (claimsdb.read.datelines). Many pages put
that elsewhere in their head, between the title and the body: the outlet in the byline
("Kari Holm · CBC News · Posted: ...", "Article content: Mari Tamm, ERR News",
"Hromadske"), or the place after the outlet ("Civil Georgia, Tbilisi", "Ana Petrovic | BIRN |
Belgrade"). The outlet's country (data/media.tsv) or the place's stands for the dateline: the
country of the local bodies and officials the story quotes without saying whose they are.
"""

from __future__ import annotations

import re

from claimsdb.extract.lexicon import media_countries, media_names
from claimsdb.pattern_cache import compile_pattern
from claimsdb.read.datelines import Dateline
from claimsdb.resolve.affiliation import place_text_country
from claimsdb.resolve.countries import country_name

__all__ = ["find_head_source"]

# Lines of the head looked at after the title, and the most words a line of it read for names
# may have.
_HEAD_LINES = 8
_HEAD_WORDS = 20
# A line ending as a sentence ends is no byline.
_SENTENCE_END = compile_pattern(r"[.!?][\"'”’)]*\s*$")
# What parts a byline's pieces: "·", "|", "/", "•", a comma, brackets, a dash between spaces.
_PIECES = compile_pattern(r"\s*(?:[·|/•,()\[\]]|\s[-–—]\s)\s*")
# A piece's opening words that are no part of a name: "By ...", "Article content: ...".
_LEAD = compile_pattern(r"^(?:(?:by|article content|text|source|photo|photos|image|editor|edited by|reporting by)\b:?\s*)+",
                        re.IGNORECASE)
# Marks that part a byline's pieces, with which a place among them is where the story was filed.
_BYLINE_MARKS = ("|", "·", "•", "/")
# Pieces that credit a picture, whose outlet is not the story's ("Photo: X (ABC News: Y)").
_CREDIT = compile_pattern(r"^(?:photo|photos|image|picture|video|credit|file)\b", re.IGNORECASE)


def find_head_source(text: str, title: str | None = None) -> Dateline | None:
    """The outlet or place the head of ``text`` names, as a dateline of its country; None when
    the head names neither, or names outlets or places of more than one country. ``title``: the
    story's title, a line of which names what the story is about, not where it comes from."""
    found: list[tuple[int, int, str]] = []  # (start, end, country code)
    pos = text.find("\n", len(text) - len(text.lstrip())) + 1  # after the title
    if pos <= 0:
        return None
    for _ in range(_HEAD_LINES):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        words = len(line.split())
        # (a longer line is a standfirst, a sentence is a standfirst's or the body's: their
        # names are what the story is about, not who wrote it)
        if line.strip() and words <= _HEAD_WORDS and not _SENTENCE_END.search(line) and not _CREDIT.match(line.strip()) \
                and line.strip() != (title or "").strip():
            found += _sources(line, pos)
        if end >= len(text):
            break
        pos = end + 1
    codes = {code for _, _, code in found}
    if len(codes) != 1:
        return None
    start, stop, code = found[0]
    return Dateline(start, stop, country_name(code) or code, None, None, None)


def _sources(line: str, offset: int) -> list[tuple[int, int, str]]:
    """The outlets of one head line, with where they are and their country; and its places,
    when the line is a byline's ("Civil Georgia, Tbilisi", "Ana Petrovic | BIRN | Belgrade": an
    outlet or a byline's separator beside them; not "Stade de France, Paris")."""
    outlets: list[tuple[int, int, str | None]] = []
    places: list[tuple[int, int, str]] = []
    pos = 0
    for piece in _PIECES.split(line):
        at = line.find(piece, pos) if piece else -1
        if at < 0:
            continue
        pos = at + len(piece)
        lead = _LEAD.match(piece)
        name = piece[lead.end() :] if lead else piece
        start = offset + at + (lead.end() if lead else 0)
        outlet = _outlet(name)
        if outlet is not None:
            outlets.append((start, start + len(name), media_countries().get(outlet)))
            continue
        code = _place_country(name)
        if code:
            places.append((start, start + len(name), code))
    bylined = bool(outlets) or any(mark in line for mark in _BYLINE_MARKS)
    return [(a, b, code) for a, b, code in outlets if code] + (places if bylined else [])


def _outlet(name: str) -> str | None:
    """The outlet ``name`` is (data/media.tsv), also when capitalised words or "in", "with" follow
    its name ("El Universal in English", "DAILY SABAH WITH AA"); not one a verb follows
    ("Politico reports": a headline's source)."""
    words = name.split()
    if not words or not words[0][:1].isupper():
        return None
    for n in range(len(words), 0, -1):
        outlet = media_names().get(" ".join(words[:n]).lower())
        if outlet is not None:
            rest = words[n:]
            return outlet if all(w[:1].isupper() or w.lower() in ("in", "with", "and") for w in rest) else None
    return None


def _place_country(name: str) -> str | None:
    """The country of a piece that is only a known place of one to three capitalised words."""
    words = name.split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return None
    return place_text_country(name)
