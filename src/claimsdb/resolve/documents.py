"""Documents that speak ("the statement said", "a report by the mission says", "Anna Berg's
letter reads"): the speaker is the document's issuer when the phrase or the article names it.

The issuer comes from the phrase itself (a possessor, "by X", a name before the noun:
"the EU's draft conclusions", "a report by the monitoring mission", "the Naftogaz statement"),
else from the nearest earlier claim of the article whose attribution gives that document
("Naftogaz said in a statement that ...", "the news portal CityNews reported ...": it names the
document, or its cue is the document's own verb). Otherwise the document stays the speaker, which the resolve stage
scopes to its article.
"""

from __future__ import annotations

import re

from claimsdb.extract import tokens as T
from claimsdb.extract.lexicon import word_set
from claimsdb.extract.segment import Segmented
from claimsdb.records import ClaimCandidate
from claimsdb.extract.speakers import Mention, describe

# Only a few claims back: "the statement" further away may be another one.
_LOOKBACK = 8
_NAMED_TYPES = ("person", "organization", "media", "country", "group")


# Nouns of documents that speak (data/document_nouns.txt).
DOCUMENT_NOUNS = word_set("document_nouns.txt")


def resolve_documents(seg: Segmented, claims: list[ClaimCandidate]) -> None:
    """Give each claim whose speaker is a document the document's issuer, in place (on the
    speaker phrase of its ``evidence``)."""
    for i, c in enumerate(claims):
        m = c.evidence.mention
        head = _document_head(m)
        if head is None:
            continue
        issuer = _issuer_in_phrase(seg.text, m, head) or _issuer_before(seg.text, claims[max(0, i - _LOOKBACK) : i], head)
        if issuer is not None:
            _adopt(m, issuer)


def _document_head(m: Mention) -> str | None:
    if m.pronoun is not None or m.type not in ("organization", "media", "group", "anonymous"):
        return None
    words = m.text.lower().split()
    for prep in ("by", "from"):
        if prep in words[1:]:
            words = words[: words.index(prep, 1)]  # "a report by the mission", "a statement from X"
    return words[-1].strip(".,") if words and words[-1].strip(".,") in DOCUMENT_NOUNS else None


def _issuer_in_phrase(text: str, m: Mention, head: str) -> Mention | None:
    phrase = text[m.start : m.end]
    before = _possessor_before(text, m)
    if before is not None:
        return before
    by = re.search(r"\b(?:by|from)\s+", phrase)
    if by is not None:
        return describe(text, m.start + by.end(), m.end)
    # The words before the noun: a possessor or a name ("Ann Berg's 15 May letter").
    before = phrase[: phrase.lower().rfind(head)]
    words = list(re.finditer(r"[\w'’.-]+", before))
    name = [w for w in words if w.group()[:1].isupper() and w.group().lower() not in T.DETERMINERS
            and w.group().lower().rstrip("'’s") not in T.DATE_WORDS and w.group().lower() not in T.DATE_WORDS]
    if not name:
        return None
    # A run of capitalised words ending at the last one (and its possessive).
    last = name[-1]
    first = last
    for w in reversed(words[: words.index(last)]):
        if not w.group()[:1].isupper() or w.group().lower() in T.DATE_WORDS:
            break
        first = w
    possessive = last.group().endswith(("'s", "’s"))
    if not possessive and first is words[0] and not first.group().isupper():
        return None  # "Draft conclusions say": a capital that starts the sentence, not a name
    issuer = describe(text, m.start + first.start(), m.start + last.end())
    return issuer if issuer.type in _NAMED_TYPES else None


# "Ann Berg's 15 May statement": a possessor before a date that the speaker phrase left out.
_POSSESSOR_BEFORE = re.compile(r"([A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,3})['’]s[ \t]+((?:[\w]+[ \t]+){1,3})$")


def _possessor_before(text: str, m: Mention) -> Mention | None:
    found = _POSSESSOR_BEFORE.search(text, max(0, m.start - 80), m.start)
    if found is None or not all(w.isdigit() or w.lower() in T.DATE_WORDS for w in found.group(2).split()):
        return None
    issuer = describe(text, found.start(1), found.end(1))
    return issuer if issuer.type in _NAMED_TYPES else None


def _issuer_before(text: str, earlier: list[ClaimCandidate], head: str) -> Mention | None:
    """The speaker of the nearest earlier claim whose attribution gives the document: names it
    ("said in a statement") or reports by the verb of the same word ("CityNews reported")."""
    word = re.compile(rf"\b{re.escape(head)}\b", re.IGNORECASE)
    for c in reversed(earlier):
        m = c.evidence.mention
        if m.type not in _NAMED_TYPES or m.pronoun is not None or not m.name[:1].isupper() \
                or _document_head(m) is not None:
            continue
        attribution = text[c.sentence_start : c.text_start] + " " + text[c.text_end : c.sentence_end]
        info = c.evidence.cue
        if word.search(attribution) or (info is not None and info.lemma == head):
            return m
    return None


def _adopt(target: Mention, source: Mention) -> None:
    """The document speaks with its issuer's whole identity, role included (unlike a pronoun in
    claimsdb.resolve.coref, which keeps a role of its own: "the minister")."""
    target.name, target.type, target.plural = source.name, source.type, source.plural
    target.role = source.role
    target.country = source.country or target.country
    target.gender = source.gender
