"""Find attributed statements in article text.

``find_claims`` runs the stages of extraction: segment the text (blocks, quotations,
sentences), run the named constructions on each sentence (claimsdb.extract.rules: every claim
records the rule that found it), split coordinated speakers, resolve pronouns and role nouns to
the entity meant, and score each claim's confidence. Dates, quantities and article-scoped names
for unnamed speakers come after, in the resolve stage (claimsdb.resolve.stage). Ingest reaches
all this through the extractor registry (claimsdb.extract.base.get_extractor).
"""

from __future__ import annotations

from bisect import bisect_right

from claimsdb.extract.claims import find_raw_claims
from claimsdb.extract.sentence import RawClaim
from claimsdb.extract.confidence import score
from claimsdb.extract.documents import resolve_documents
from claimsdb.extract.coref import expand_surnames, resolve_references, type_companies
from claimsdb.extract.segment import Segmented, segment
from claimsdb.extract.speakers import Mention, describe
from claimsdb.records import ClaimCandidate, Document, Speaker

__all__ = ["find_claims", "extract", "segment"]


def extract(text: str) -> tuple[Segmented, list[RawClaim]]:
    """Segment ``text`` and return its claims before date and quantity resolution."""
    seg = segment(text)
    raw, mentions = find_raw_claims(seg)
    raw = _split_coordinated(seg, raw)
    type_companies(seg, raw)
    resolve_references(seg, raw, mentions)
    expand_surnames(seg, raw)
    resolve_documents(seg, raw)  # "the statement said": its issuer, when the article names it
    # "I" and "we" outside quotation marks are the writer or a quotation the marks missed:
    # no speaker a reader could look up.
    raw = [r for r in raw if r.mention.pronoun not in ("i", "we")]
    kept = _dedupe(seg, _drop_embedded(raw))
    for r in kept:
        r.extra["words"] = text.count(" ", r.start, r.end) + 1
        if r.cue_start is not None:
            near = min(abs(r.cue_start - r.mention.end), abs(r.mention.start - r.cue_end))
            r.extra["gap"] = text.count(" ", min(r.mention.end, r.cue_start), min(r.mention.end, r.cue_start) + near)
    score(text, kept)
    return seg, kept


def find_claims(document: Document) -> list[ClaimCandidate]:
    """Every attributed claim of ``document``, speakers resolved within the document."""
    _, raw = extract(document.text)
    return [to_candidate(r) for r in raw]


def to_candidate(r: RawClaim) -> ClaimCandidate:
    m = r.mention
    via = r.via.name if r.via is not None and r.via.name != m.name else None
    return ClaimCandidate(
        kind=r.kind,
        text_start=r.start,
        text_end=r.end,
        speaker_start=m.start,
        speaker_end=m.end,
        speaker=Speaker(name=m.name, type=m.type, role=m.role, country=m.country, gender=m.gender),
        cue=r.cue,
        cue_start=r.cue_start,
        cue_end=r.cue_end,
        confidence=r.confidence,
        via=via,
        sentence_start=r.sentence.start,
        sentence_end=r.sentence.end,
        # A relayed claim keeps its construction for the confidence model; it is stored as a relay.
        rule="relay" if r.extra.get("relay") else r.rule,
        target_start=r.target[0] if r.target else None,
        target_end=r.target[1] if r.target else None,
    )


def _split_coordinated(seg: Segmented, raw: list[RawClaim]) -> list[RawClaim]:
    """"Italy and Germany expressed readiness": one claim per named speaker."""
    out: list[RawClaim] = []
    for r in raw:
        parts = _conjuncts(seg.text, r.mention)
        if len(parts) < 2:
            out.append(r)
            continue
        for part in parts:
            out.append(RawClaim(r.kind, r.start, r.end, part, r.cue, r.cue_start, r.cue_end, r.info,
                                r.sentence, r.via, rule=r.rule, extra=dict(r.extra, coordinated=True),
                                target=r.target))
    return out


def _conjuncts(text: str, m: Mention) -> list[Mention]:
    if m.pronoun or m.type not in ("person", "group", "organization") or " and " not in m.text \
            or (m.role and " and " in m.role):  # "Secretary for Trade and Industry Ann Berg": one person
        return []
    parts: list[Mention] = []
    pos = m.start
    phrase = text[m.start : m.end]
    pieces = phrase.replace(" & ", " and ").replace(", and ", " and ").replace(", ", " and ").split(" and ")
    for piece in pieces:
        off = text.find(piece, pos, m.end)
        bare = piece.split(" ", 1)[1] if piece.lower().startswith("the ") else piece
        if off < 0 or not bare[:1].isupper():
            return []
        part = describe(text, off, off + len(piece))
        # A lone capitalised word typed person may be half of a firm ("Marks and Spencer"),
        # unless it is one of a list ("Carson, Fiorina and Huckabee").
        if part.type not in ("country", "person", "media", "organization", "group") or (
                part.name == piece and part.type == "person" and len(piece.split()) < 2 and len(pieces) < 3):
            return []
        parts.append(part)
        pos = off + len(piece)
    return parts


def _drop_embedded(raw: list[RawClaim]) -> list[RawClaim]:
    """A cue inside a claim's own content, with the same speaker, restates that claim.

    A weak cue (belief, stance) inside anyone's content is dropped too. Claims embed only within
    one sentence; within it, contents are looked up by bisection, so a run-on sentence of many
    attributions stays linear.
    """
    by_sentence: dict[int, list[RawClaim]] = {}
    for r in raw:
        by_sentence.setdefault(r.sentence.start, []).append(r)
    dropped: set[int] = set()
    for claims in by_sentence.values():
        if len(claims) < 2:
            continue
        spans = sorted(claims, key=lambda c: c.start)
        starts = [c.start for c in spans]
        for r in claims:
            if r.cue_start is None:
                continue
            weak = r.info is not None and r.info.weak
            # Contents that start at or before the cue; the nearest ones are checked first and
            # the walk stops once a content clearly ends before the cue (they are short).
            i = bisect_right(starts, r.cue_start) - 1
            seen = 0
            while i >= 0 and seen < 32:
                o = spans[i]
                if o is not r and o.start <= r.cue_start < o.end and (o.mention.name == r.mention.name or weak):
                    dropped.add(id(r))
                    break
                i -= 1
                seen += 1
    return [r for r in raw if id(r) not in dropped]


def _dedupe(seg: Segmented, raw: list[RawClaim]) -> list[RawClaim]:
    """The same words by the same speaker once per document (headlines are often repeated)."""
    seen: dict[tuple[str, str], RawClaim] = {}
    spans: dict[tuple[int, int, str], RawClaim] = {}
    out: list[RawClaim] = []
    for r in raw:
        key = (r.mention.name.lower(), " ".join(seg.text[r.start : r.end].split()).lower())
        span_key = (r.start, r.end, r.mention.name)
        if key in seen or span_key in spans:
            continue
        seen[key] = spans[span_key] = r
        out.append(r)
    return out
