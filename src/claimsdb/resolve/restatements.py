"""Claims that say again what another claim of the article says, dropped once speakers are known.

Both checks compare speakers, so they run after coreference: "Smith said ... he said" is one
speaker only once "he" is Smith.
"""

from __future__ import annotations

from bisect import bisect_right

from claimsdb.records import ClaimCandidate


def drop_restatements(text: str, claims: list[ClaimCandidate]) -> list[ClaimCandidate]:
    """``claims`` without the ones that restate another (see the functions below), in order."""
    return _dedupe(text, _drop_embedded(claims))


def _drop_embedded(claims: list[ClaimCandidate]) -> list[ClaimCandidate]:
    """A cue inside a claim's own content, with the same speaker, restates that claim.

    A weak cue (belief, stance) inside anyone's content is dropped too. Claims embed only within
    one sentence; within it, contents are looked up by bisection, so a run-on sentence of many
    attributions stays linear.
    """
    by_sentence: dict[int | None, list[ClaimCandidate]] = {}
    for r in claims:
        by_sentence.setdefault(r.sentence_start, []).append(r)
    dropped: set[int] = set()
    for group in by_sentence.values():
        if len(group) < 2:
            continue
        spans = sorted(group, key=lambda c: c.text_start)
        starts = [c.text_start for c in spans]
        for r in group:
            if r.cue_start is None:
                continue
            info = r.evidence.cue
            weak = info is not None and info.weak
            # Contents that start at or before the cue; the nearest ones are checked first and
            # the walk stops once a content clearly ends before the cue (they are short).
            i = bisect_right(starts, r.cue_start) - 1
            seen = 0
            while i >= 0 and seen < 32:
                o = spans[i]
                # A claim already dropped drops no other: of two claims each inside the
                # other ("X says A, a charge it has denied"), one stays.
                # (Not one of a coordinated speaker's claims: "Vikland and Norway believe ..."
                # share one cue, whose content may start with it.)
                if o is not r and id(o) not in dropped and o.cue_start != r.cue_start \
                        and o.text_start <= r.cue_start < o.text_end and (
                        o.evidence.mention.name == r.evidence.mention.name or weak):
                    dropped.add(id(r))
                    break
                i -= 1
                seen += 1
    return [r for r in claims if id(r) not in dropped]


def _dedupe(text: str, claims: list[ClaimCandidate]) -> list[ClaimCandidate]:
    """The same words by the same speaker once per document (headlines are often repeated)."""
    seen: set[tuple[str, str]] = set()
    spans: set[tuple[int, int, str]] = set()
    out: list[ClaimCandidate] = []
    for r in claims:
        name = r.evidence.mention.name
        key = (name.lower(), " ".join(text[r.text_start : r.text_end].split()).lower())
        span_key = (r.text_start, r.text_end, name)
        if key in seen or span_key in spans:
            continue
        seen.add(key)
        spans.add(span_key)
        out.append(r)
    return out
