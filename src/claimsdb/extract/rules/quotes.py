"""Constructions across sentences: quotations attached to a speaker named elsewhere.

``quote-continuation``  "The talks will resume," she said. "We are ready."
                        (a quotation alone in its sentence continues the last direct speaker,
                        or the speaker reported in the sentence right before it)
``quote-then-said``     "The talks will resume in May." The minister said.
``said-then-quote``     The minister said in a statement: "The talks will resume in May."
                        (an attribution with no content, rules.inverted, takes the quotation
                        that follows it, or precedes it: then the rule is quote-then-said)
``quote-over-lines``    "The talks are over.          (a quotation over several lines, as in
                        We will not sign," she said.   articles kept one sentence a line, takes
                                                      the speaker named on one of its lines)
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from claimsdb.pattern_cache import compile_pattern
from claimsdb.extract.lexicon import first_names
from claimsdb.extract.segment import Segmented, Sentence
from claimsdb.extract.sentence import RawClaim
from claimsdb.extract.tokens import rstrip


def _next_sentence(seg: Segmented, sent: Sentence) -> Sentence | None:
    block = seg.blocks[sent.block]
    idx = bisect_left([s.start for s in block.sentences], sent.start) if len(block.sentences) < 8 else \
        bisect_left(seg.sentence_starts(block), sent.start)
    if idx + 1 < len(block.sentences):
        return block.sentences[idx + 1]
    for nxt in seg.blocks[sent.block + 1 : sent.block + 3]:
        if nxt.sentences:
            return nxt.sentences[0]
    return None


def _lone_quote(seg: Segmented, sent: Sentence):
    """The quotation that is the whole of ``sent`` (bar punctuation), if it is one."""
    q = next((q for q in seg.blocks[sent.block].quotes if q.start == sent.start), None)
    if q is None or seg.masked[q.end : sent.end].strip(" .,!?"):
        return None
    return q


def attach_dangling(seg: Segmented, claims: list[RawClaim], dangling: list[RawClaim]) -> None:
    """``quote-then-said`` and ``said-then-quote``: each attribution of ``dangling`` (no content
    in its sentence) takes the quotation alone in the sentence before it, or else after it."""
    starts = sorted(c.start for c in claims)
    for d in dangling:
        if d.rule == "said-this":
            _attach_pointing_back(seg, claims, starts, d)
            continue
        # '"... missing." Trump said.': the quotation just before, closed by its own full stop.
        block = seg.blocks[d.sentence.block]
        idx = bisect_left(seg.sentence_starts(block), d.sentence.start)
        prv = block.sentences[idx - 1] if idx > 0 else None
        q = _lone_quote(seg, prv) if prv is not None else None
        if q is not None and seg.masked[q.end : d.sentence.start].strip() == "" \
                and bisect_left(starts, q.start) == bisect_left(starts, q.end):
            d.start, d.end, d.sentence = q.start, rstrip(seg.text, q.start, q.end), prv
            d.rule = "quote-then-said"
            claims.append(d)
            continue
        nxt = _next_sentence(seg, d.sentence)
        if nxt is None:
            continue
        q = _lone_quote(seg, nxt)
        if q is None:
            continue
        d.start, d.end, d.sentence = q.start, rstrip(seg.text, q.start, q.end), nxt
        claims.append(d)


def _attach_pointing_back(seg: Segmented, claims: list[RawClaim], starts: list[int], d: RawClaim) -> None:
    """``said-this``: "X said this on Telegram" takes the sentence before it, in its paragraph
    or ending the paragraph before (not a headline, furniture or a caption's line), when no
    claim starts inside that sentence already."""
    block = seg.blocks[d.sentence.block]
    idx = bisect_left(seg.sentence_starts(block), d.sentence.start)
    prv = block.sentences[idx - 1] if idx > 0 else None
    if prv is None:
        before = next((b for b in reversed(seg.blocks[max(0, block.index - 3) : block.index])
                       if b.sentences and not b.furniture), None)
        if before is None or before.heading:
            return
        prv = before.sentences[-1]
    if bisect_left(starts, prv.start) != bisect_left(starts, prv.end):
        return  # the sentence has a claim of its own: "this" may be that claim's
    end = rstrip(seg.text, prv.start, prv.end)
    while end > prv.start and seg.text[end - 1] in ".!?":
        end -= 1
    if end - prv.start < 20:
        return
    d.start, d.end = prv.start, end
    claims.append(d)


def _sentence_at(seg: Segmented, block_index: int, pos: int) -> Sentence | None:
    block = seg.blocks[block_index]
    return next((s for s in block.sentences if s.start <= pos < s.end), None)


def quotes_over_lines(seg: Segmented, claims: list[RawClaim]) -> set[int]:
    """``quote-over-lines``: each line of a quotation that runs over several lines (segment
    joins them) is a claim of the speaker named on its first line ('Carney said: "...'), on
    its last ('..." Boroday said.'), or else of the claim that ends the line before it
    ('..., Admiral Kasatonov told RIA Novosti.' and then the quotation).

    Returns the starts of the lines of quotations whose last line names someone the rules do
    not know as a speaker ('..." was an elderly woman's view.'): nobody else's words continue
    into them."""
    unowned: set[int] = set()
    if not seg.chains:
        return unowned
    by_start = {c.start: c for c in claims}
    by_block: dict[int, list[RawClaim]] = {}
    for c in claims:
        by_block.setdefault(c.sentence.block, []).append(c)
    for chain in seg.chains:
        first_block, first = chain[0]
        # The speaker named before the quotation on its first line ('Carney said: "...',
        # '"...," she said. "...'), else the one named on a later line, else the line before.
        before = [c for c in by_block.get(first_block, []) if c.end <= first.start and c.kind in ("direct", "mixed")
                  or c.start == first.start]
        owners = [by_start[q.start] for _, q in chain[1:] if q.start in by_start]
        if before:
            owner = max(before, key=lambda c: c.end)
        elif owners:
            owner = owners[-1]
        elif not seg.masked[chain[-1][1].end : seg.blocks[chain[-1][0]].end].strip(" .,!?"):
            # (Only when the quotation ends its last line: words after it attribute it, even
            # with no cue we know: '..., I'm against it," was an elderly woman's opinion.')
            owner = _previous_line_claim(seg, by_block, first_block, first.start)
        else:
            owner = None
        if owner is None:
            unowned.update(q.start for _, q in chain)
            continue
        for index, q in chain:
            if q.start in by_start:
                continue
            sent = _sentence_at(seg, index, q.start)
            if sent is None or seg.masked[q.end : sent.end].strip(" .,!?"):
                continue  # a line with a cue of its own after the quotation
            cont = RawClaim("direct", q.start, rstrip(seg.text, q.start, q.end), owner.mention, owner.cue,
                            owner.cue_start, owner.cue_end, owner.info, sent, owner.via, rule="quote-over-lines")
            claims.append(cont)
            by_start[q.start] = cont
    return unowned


def _previous_line_claim(seg: Segmented, by_block: dict[int, list[RawClaim]], index: int, start: int
                         ) -> RawClaim | None:
    """The claim whose sentence ends the line before the one a quotation opens, when the
    quotation opens its own line: an attribution that the quotation goes on to spell out."""
    block = seg.blocks[index]
    if start != block.start or index == 0:
        return None
    before = seg.blocks[index - 1]
    if before.furniture or before.heading or not before.sentences:
        return None
    last = before.sentences[-1]
    found = [c for c in by_block.get(before.index, []) if c.sentence.start == last.start]
    return max(found, key=lambda c: c.end) if found else None


# A capitalised word, then another: a given name and a surname when the first is a known given name.
_NAME_PAIR = compile_pattern(r"\b([A-Z][a-z]+) ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def _last_person(text: str, start: int, end: int) -> str | None:
    """The surname of the last person named in full in ``text[start:end]`` (a known given name,
    then a capitalised word), or None."""
    surname = None
    for m in _NAME_PAIR.finditer(text, start, end):
        if first_names().get(m.group(1).lower()) is not None:
            surname = m.group(2)
    return surname


def continue_quotes(seg: Segmented, claims: list[RawClaim], skip: set[int] = frozenset()) -> None:
    """``quote-continuation``: a quotation with no cue of its own continues the previous
    direct speaker's words (in its paragraph, or at the start of the next one); not the
    quotations starting at ``skip``, nor (rule continuation-not-past-unknown) past a
    quotation in no claim whose sentence names another person (a known given name and a
    surname) before it ('Anna Berg, ..., said: "..."' where no claim came out): those words
    are someone else's, and so may the next ones be."""
    # One pass over the blocks with running lists, looked up by bisection so that an article
    # of many quotations stays linear; longer than a screen for that reason.
    by_block: dict[int, list[RawClaim]] = {}
    for c in claims:
        by_block.setdefault(c.sentence.block, []).append(c)
    last: RawClaim | None = None
    last_block = -2
    extra: list[RawClaim] = []
    # The end of the last quotation that no claim holds and whose sentence names a person
    # before it, and that person: a later quotation continues nobody else from before it.
    unknown_end, unknown_name = -1, ""
    for block in seg.blocks:
        if block.furniture:
            continue
        if not block.quotes:
            # No quotation to continue anyone's words: only the last direct speaker moves on.
            directs = [c for c in by_block.get(block.index, ()) if c.kind in ("direct", "mixed")]
            if directs:
                last, last_block = max(directs, key=lambda c: c.start), block.index
            continue
        own = sorted(by_block.get(block.index, []), key=lambda c: c.start)
        own_starts = [c.start for c in own]
        # Claims in text order, each with the latest end so far: "is this quotation inside one?"
        reach: list[int] = []
        for c in own:
            reach.append(max(c.end, reach[-1]) if reach else c.end)
        directs = [c for c in own if c.kind in ("direct", "mixed")]
        direct_ends = [c.end for c in directs]
        sentences = {s.start: s for s in block.sentences}
        sentence_starts = [s.start for s in block.sentences]
        for q in block.quotes:
            k = bisect_left(own_starts, q.start + 1)
            if k and reach[k - 1] + 1 >= q.end or q.start in skip:
                continue  # inside an earlier claim's content, or someone else's
            sent = sentences.get(q.start)
            words = seg.text.count(" ", q.start, q.end) + 1
            if words < 4:
                continue  # a name or a scare quote, not someone's words
            if sent is None:
                # inside a sentence, in no claim: a person named before it may have said it
                holder = block.sentences[max(0, bisect_left(sentence_starts, q.start + 1) - 1)]
                person = _last_person(seg.text, holder.start, q.start)
                if person is not None:
                    unknown_end, unknown_name = q.end, person
                continue
            # The last direct claim ending before the quotation, in this block or the one before.
            j = bisect_left(direct_ends, q.start + 1)
            prior = max(directs[:j], key=lambda c: c.end) if j else None
            source = prior or (last if last_block == block.index - 1 and q.start == block.start else None)
            if prior is not None:
                # (rule continuation-after-reported) "...," said A. B insists that X.
                # "Y.": the quotation goes on from B, whose reported words in the sentence
                # right before it are what it continues, not from A's quotation.
                k_sent = bisect_left(sentence_starts, q.start)
                before = sentence_starts[k_sent - 1] if k_sent else -1
                # (one person or body by name or description: not "it is estimating", whose
                # antecedent may be anything, nor a plural that rarely speaks in one voice)
                reported = [c for c in own if c.kind == "indirect" and c.sentence.start == before
                            and c.start > prior.end and c.end <= q.start and c.mention.name != prior.mention.name
                            and c.mention.pronoun in (None, "he", "she") and not c.mention.plural]
                if reported:
                    source = max(reported, key=lambda c: c.end)
            if source is None or source.end < unknown_end and unknown_name not in source.mention.name:
                continue
            # Only a sentence that is the quotation alone (no cue of its own) continues it.
            if seg.masked[q.end : sent.end].strip(" .,!?"):
                continue
            cont = RawClaim("direct", q.start, rstrip(seg.text, q.start, q.end), source.mention, source.cue,
                            source.cue_start, source.cue_end, source.info, sent,
                            source.via, rule="quote-continuation")
            extra.append(cont)
            # (kept in the order of their ends, which the bisection above needs: a later
            # claim of the block may already be in the list)
            at = bisect_right(direct_ends, cont.end)
            directs.insert(at, cont)
            direct_ends.insert(at, cont.end)
        if directs:
            last, last_block = max(directs, key=lambda c: c.start), block.index
    claims.extend(extra)
