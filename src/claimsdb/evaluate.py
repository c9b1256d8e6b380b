"""evaluate: how well the claims in the database agree with hand-annotated gold.

A gold file is JSON Lines, one annotated claim per line (the format of tests/data/seeds_gold.jsonl):

    {"doc": "002_b86f5039380ef2ee.txt", "speaker": "Pavlo Palisa", "keys": ["Palisa"],
     "kind": "indirect", "evidence": "we need a peacekeeping contingent", "country": "UA",
     "date": "XXXX-03-16", "quantities": [], "optional": false}

A stored claim matches a gold item when it comes from the gold ``doc`` (its path ends with that
file name), one of the ``keys`` occurs as whole words in the claim's canonical speaker (case,
accents and punctuation ignored), and the ``evidence`` phrase occurs in the claim's text (case,
curly quotes and spacing ignored). ``optional`` items are borderline: matching them is neither
rewarded nor penalised.

Precision is the share of claims that match a required gold item among the claims that match
something required or nothing at all; recall is the share of required gold items matched by at
least one claim. Date and country accuracy are judged on the first claim (in id order) that
matches each gold item, over the matched items that have a date or a country; polarity and
modality accuracy the same way, over the matched items annotated with them. Only claims from
documents the gold file annotates are scored.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimsdb.errors import BadGoldFile
from claimsdb.query import ClaimFilter, find_claims_rows
from claimsdb.records import MODALITIES, POLARITIES

# Characters compared as one in evidence: typographic quotes and apostrophes, dashes.
_QUOTE_FOLDS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})

# Fields every gold item must have.
REQUIRED_FIELDS = ("doc", "keys", "evidence")

# A gold date: 2025-03-16, 2025-03, 2025, or with XXXX for a year the article does not give.
_GOLD_DATE = re.compile(r"(\d{4}|XXXX)(-\d{2}(-\d{2})?)?")


@dataclass(frozen=True, slots=True)
class GoldItem:
    """One annotated claim from a gold file; ``line`` is its line number there."""

    line: int
    doc: str
    speaker: str
    keys: tuple[str, ...]
    evidence: str
    kind: str | None = None
    country: str | None = None
    date: str | None = None
    optional: bool = False
    # The position the statement takes (GOLD_GUIDE "Position fields"); None when not annotated.
    polarity: str | None = None
    modality: str | None = None


@dataclass(slots=True)
class Evaluation:
    """Scores of the database against a gold file; see the module docstring for the rules."""

    gold: list[GoldItem]
    predictions: int = 0
    # Claims matching a required gold item, matching only optional ones, matching none.
    true_positives: int = 0
    neutral: int = 0
    unmatched: list[dict[str, Any]] = field(default_factory=list)
    # Required gold items with no matching claim.
    missed: list[GoldItem] = field(default_factory=list)
    dates_checked: int = 0
    dates_correct: int = 0
    countries_checked: int = 0
    countries_correct: int = 0
    # (gold item, the claim judged) where the date or country disagrees.
    wrong_dates: list[tuple[GoldItem, dict[str, Any]]] = field(default_factory=list)
    wrong_countries: list[tuple[GoldItem, dict[str, Any]]] = field(default_factory=list)
    polarities_checked: int = 0
    polarities_correct: int = 0
    modalities_checked: int = 0
    modalities_correct: int = 0
    # (gold item, the claim judged) where the polarity or modality disagrees.
    wrong_positions: list[tuple[GoldItem, dict[str, Any]]] = field(default_factory=list)
    # Gold documents with no stored document: all their items count as missed.
    documents_not_found: list[str] = field(default_factory=list)

    @property
    def required(self) -> int:
        return sum(1 for g in self.gold if not g.optional)

    @property
    def recalled(self) -> int:
        return self.required - len(self.missed)

    @property
    def precision(self) -> float:
        scored = self.true_positives + len(self.unmatched)
        return self.true_positives / scored if scored else 0.0

    @property
    def recall(self) -> float:
        return self.recalled / self.required if self.required else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float | None:
        return self.dates_correct / self.dates_checked if self.dates_checked else None

    @property
    def country_accuracy(self) -> float | None:
        return self.countries_correct / self.countries_checked if self.countries_checked else None


def load_gold(path: str | Path) -> list[GoldItem]:
    """The gold items of a JSON Lines file. Raises BadGoldFile, naming the line, for a line
    that is not a JSON object with doc, keys (a list of names) and evidence."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise BadGoldFile(f"{path} is not UTF-8 text") from None
    except OSError as e:
        raise BadGoldFile(f"cannot read {path}: {e.strerror or e}") from None
    items = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            items.append(_gold_item(number, json.loads(line)))
        except (ValueError, TypeError, AttributeError) as e:
            raise BadGoldFile(f"{path}, line {number}: {e}") from None
    if not items:
        raise BadGoldFile(f"{path} has no gold items")
    return items


def _gold_item(number: int, data: dict) -> GoldItem:
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object")
    absent = [name for name in REQUIRED_FIELDS if not data.get(name)]
    if absent:
        raise ValueError(f"missing {', '.join(absent)}")
    keys = data["keys"]
    if isinstance(keys, str):
        keys = [keys]
    if not isinstance(keys, list) or not all(isinstance(k, str) and _words(k).strip() for k in keys):
        raise ValueError("keys must be a list of names")
    date = data.get("date") or None
    if date is not None and not _GOLD_DATE.fullmatch(str(date)):
        raise ValueError(f"date must look like 2025-03-16, 2025-03, 2025 or XXXX-03-16, not {date!r}")
    return GoldItem(
        line=number,
        doc=str(data["doc"]),
        speaker=str(data.get("speaker") or keys[0]),
        keys=tuple(keys),
        evidence=str(data["evidence"]),
        kind=data.get("kind") or None,
        country=data.get("country") or None,
        date=date,
        optional=bool(data.get("optional")),
        polarity=_one_of(data, "polarity", POLARITIES),
        modality=_one_of(data, "modality", MODALITIES),
    )


def _one_of(data: dict, name: str, allowed: tuple[str, ...]) -> str | None:
    value = data.get(name) or None
    if value is not None and value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def evaluate(*, connection, gold: list[GoldItem], filters: ClaimFilter | None = None) -> Evaluation:
    """Score the claims ``filters`` select (all by default) against ``gold``.

    With a ``document`` filter, only the gold items of the documents it selects are scored;
    other filters (``min_confidence``, ``kind``...) narrow the claims only, so recall shows
    what they leave out.
    """
    filters = filters or ClaimFilter()
    documents = _stored_documents(connection)
    if filters.document is not None:
        gold = [g for g in gold if any(_selects(filters.document, i, p) for i, p in documents.get(_doc_name(g.doc), ()))]
    result = Evaluation(gold=gold)
    by_doc: dict[str, list[int]] = {}
    for index, item in enumerate(gold):
        by_doc.setdefault(_doc_name(item.doc), []).append(index)
    result.documents_not_found = sorted(name for name in by_doc if name not in documents)
    evidence = [_text(g.evidence) for g in gold]
    keys = [[_words(k) for k in g.keys] for g in gold]
    # The claim each gold item was first matched by.
    first_match: dict[int, dict[str, Any]] = {}

    for row in find_claims_rows(connection=connection, filters=filters):
        candidates = by_doc.get(_doc_name(row["document"]))
        if candidates is None:
            continue  # a document the gold file does not annotate
        result.predictions += 1
        speaker, text = _words(row["speaker"] or ""), _text(row["text"] or "")
        matched = [
            i for i in candidates
            if evidence[i] in text and any(key in speaker for key in keys[i])
        ]
        required = [i for i in matched if not gold[i].optional]
        if required:
            result.true_positives += 1
            for i in required:
                first_match.setdefault(i, row)
        elif matched:
            result.neutral += 1
        else:
            result.unmatched.append(row)

    for i, item in enumerate(gold):
        if item.optional:
            continue
        row = first_match.get(i)
        if row is None:
            result.missed.append(item)
            continue
        if item.date:
            result.dates_checked += 1
            if date_matches(item.date, row["stated_on"]):
                result.dates_correct += 1
            else:
                result.wrong_dates.append((item, row))
        if item.country:
            result.countries_checked += 1
            if _country_code(item.country) == (row["country"] or "").upper():
                result.countries_correct += 1
            else:
                result.wrong_countries.append((item, row))
        wrong = False
        if item.polarity:
            result.polarities_checked += 1
            result.polarities_correct += row["polarity"] == item.polarity
            wrong |= row["polarity"] != item.polarity
        if item.modality:
            result.modalities_checked += 1
            result.modalities_correct += row["modality"] == item.modality
            wrong |= row["modality"] != item.modality
        if wrong:
            result.wrong_positions.append((item, row))
    return result


def date_matches(gold: str, predicted: str | None) -> bool:
    """Whether a claim's ``stated_on`` agrees with a gold date as far as the gold date goes.

    "2025-03" accepts "2025-03" and "2025-03-16"; "XXXX-03-16" (year not given) accepts any
    year, or none, with 16 March.
    """
    if not predicted:
        return False
    if gold.startswith("XXXX"):
        return predicted[4:].startswith(gold[4:]) and len(predicted) >= 4
    return predicted.startswith(gold)


def _stored_documents(connection) -> dict[str, list[tuple[int, str]]]:
    """Stored documents by file name: {name: [(id, path), ...]}."""
    from claimsdb.query import document_paths

    documents: dict[str, list[tuple[int, str]]] = {}
    for document_id, path in document_paths(connection=connection):
        documents.setdefault(_doc_name(path), []).append((document_id, path))
    return documents


def _selects(value: str, document_id: int, path: str) -> bool:
    # The rule of ClaimFilter.document: an id, or any part of the stored path.
    from claimsdb.query import is_id

    return (is_id(value) and int(value) == document_id) or value in path


def _doc_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _country_code(value: str) -> str:
    """The code of a gold country given as code, name or demonym; else the value upper-cased."""
    from claimsdb.records import BODY_CODES
    from claimsdb.resolve.countries import country_code

    value = value.strip()
    if value.upper() in BODY_CODES:
        return value.upper()
    return country_code(value) or value.upper()


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_QUOTE_FOLDS).lower()


def _text(text: str) -> str:
    """``text`` for evidence matching: accents dropped, quotes made plain, spacing collapsed."""
    return " ".join(_fold(text).split())


def _words(text: str) -> str:
    """``text`` as space-padded words of letters and digits, for whole-word matching."""
    return " " + " ".join(re.findall(r"[^\W_]+", _fold(text))) + " "
