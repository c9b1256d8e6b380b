"""Attribution constructions, sentence by sentence: cue + speaker phrase + content span.

``find_raw_claims`` picks the sentences that can hold a claim and runs the constructions on
each (claimsdb.extract.rules: one module per family, every claim named by its rule), then
the document-wide ones: quotations that continue a speaker's words and attributions whose
quotation is in the next or previous sentence (rules.quotes).
"""

from __future__ import annotations

import re

from claimsdb.pattern_cache import compile_pattern
from claimsdb.extract import tokens as T
from claimsdb.extract import words as W
from claimsdb.extract.lexicon import (
    cue_regex,
    folded_cue_regex,
    folded_cue_scan_regex,
    headline_verb_regex,
    speech_noun_regex,
)
from claimsdb.extract.rules.according import ACCORDING, according_to, may_hold_according
from claimsdb.extract.rules.headline import (
    headline_claim_colon,
    headline_colon,
    headline_source_last,
    headline_verb,
    source_last_owns_verbs,
)
from claimsdb.extract.rules.nested import drop_nested
from claimsdb.extract.rules.learned_from import LEARNED_FROM, learned_from, learned_from_cue
from claimsdb.extract.rules.quote_verdict import VERDICT, quote_verdict
from claimsdb.extract.rules.quotes import attach_dangling, continue_quotes, quotes_over_lines
from claimsdb.extract.rules.relay import relay_reports
from claimsdb.extract.rules.verb_cue import verb_cue
from claimsdb.extract.rules.speaker_label import LABEL, speaker_label
from claimsdb.extract.rules.speech_noun import speech_noun
from claimsdb.extract.rules.denied_charge import denied_charge
from claimsdb.extract.rules.in_words import IN_WORDS, in_words
from claimsdb.extract.segment import Block, Segmented
from claimsdb.extract.sentence import ParsedSentence, RawClaim, cue_info
from claimsdb.extract.speakers import Mention


# A spaced dash in a headline may put the source last: "Grain deal is dead - Turkish FM".
_HEADLINE_DASHES = compile_pattern(r" [-–—] ")
# Every match of the speech-noun pattern ends in "that" (in any case): a sentence without the
# word is not searched for it.
_THAT = compile_pattern("that", re.IGNORECASE)


def _has_that(seg: Segmented, start: int, end: int) -> bool:
    """Whether ``seg.masked[start:end]`` holds "that" in any case (_THAT): looked for in the
    lower-cased copy where the text has one (Segmented.folded, the same spans as ignoring case:
    lexicon.fold_case), a plain string search."""
    folded = seg.folded()
    if folded is None:
        return _THAT.search(seg.masked, start, end) is not None
    return folded.find("that", start, end) >= 0


def find_raw_claims(seg: Segmented) -> tuple[list[RawClaim], list[Mention]]:
    """Every claim of a segmented article, in text order, plus all speaker phrases seen."""
    claims: list[RawClaim] = []
    mentions: list[Mention] = []
    dangling: list[RawClaim] = []
    for block in seg.blocks:
        if block.furniture:
            continue
        cues = block_cues(seg, block)
        n_cues = len(cues)
        k = 0
        for sent in block.sentences:
            # This sentence's cue matches: the block's that start inside it.
            while k < n_cues and cues[k][0] < sent.start:
                k += 1
            first = k
            while k < n_cues and cues[k][0] < sent.end:
                k += 1
            sent_cues = cues[first:k]
            segment_text = seg.masked[sent.start : sent.end]
            if segment_text.rstrip("\"”’' ").endswith("?"):
                continue  # a question asks; it claims nothing
            # (Every "according to" match holds one of a few pieces, every label a colon: both
            # tested first, by plain string searches.)
            if not (sent_cues or (may_hold_according(segment_text) and ACCORDING.search(segment_text))
                    or (not block.heading and ":" in segment_text and LABEL.match(segment_text))
                    or (block.heading and (":" in segment_text[:80] or _HEADLINE_DASHES.search(segment_text)
                                           or headline_verb_regex().search(segment_text)))
                    or ("that" in segment_text and speech_noun_regex().search(segment_text))
                    or (" was " in segment_text and VERDICT.search(segment_text))
                    or (segment_text.startswith("In ") and IN_WORDS.match(segment_text))
                    or (" that" in segment_text and learned_from_cue(segment_text) and LEARNED_FROM.search(segment_text))):
                continue
            parsed = ParsedSentence(seg, sent, block.quotes, block.heading)
            parse_sentence(parsed, sent_cues)
            claims.extend(sorted(parsed.claims, key=lambda c: c.start))
            mentions.extend(parsed.mentions)
            if parsed.dangling is not None and not parsed.claims:
                dangling.append(parsed.dangling)
    attach_dangling(seg, claims, dangling)
    unowned = quotes_over_lines(seg, claims)
    continue_quotes(seg, claims, unowned)
    claims.sort(key=lambda c: (c.start, c.end))
    return claims, mentions


# After "a" or "an", a hyphenated modifier and a cue's base form are a noun phrase ("a post-earnings
# call"); after "the" the modifier may be the subject ("The 27-year-old believes").
_INDEFINITE = T.words("a an")


def parse_sentence(ps: ParsedSentence, cues: list[tuple[int, int]] | None = None) -> None:
    """Run the constructions on one sentence: each reporting verb, each "according to", each
    speech noun, and for a headline the forms of headlines (rules.headline). ``cues``: the
    sentence's cue spans from block_cues, when the caller has them."""
    masked = ps.masked
    sent = ps.sent
    text = masked[sent.start : sent.end]
    if not ps.heading and ":" in text and LABEL.match(masked, sent.start, sent.end) and speaker_label(ps):
        ps.cut_boundaries()
        return  # the whole sentence is the labelled speaker's: cues inside it are nested
    for m in (cue_matches(ps.seg, sent.start, sent.end) if cues is None else _as_written(ps.seg, cues)):
        info = cue_info(m.group())
        if info is None:
            continue
        if m.group()[:1].isupper() and m.start() != sent.start and not ps.title_case() and (
            info.ambiguous or info.weak or ps.inside_name(m)
        ):
            continue  # "The Huffington Post", "Early Warning System": part of a name, not a cue
        k0 = ps.index_at(m.start())
        if k0 >= len(ps.toks):
            continue  # a cue inside the sentence's last token ("A.SAID"): no word of its own
        k1 = ps.index_at(m.end())
        if info.form == "s" and k1 < len(ps.toks) and (
                ps.toks[k1].low in W.PLURAL_VERBS or ps.toks[k1].low in ("written", "made", "filed", "published")):
            continue  # "Health worries have dogged her", "notes written in the margins": plural nouns
        if info.weak and info.form == "ing" and k0 > 0 and ps.toks[k0 - 1].low in W.PROGRESSIVE_BE:
            continue  # "The firm is hoping to close the deal": the writer describes an intent
        if info.form in ("base", "s") and T.after_article(ps.toks, k0, _INDEFINITE if info.form == "base" else frozenset()):
            continue  # "in a post-earnings call", "their claims": a noun after its article (rule article-noun)
        verb_cue(ps, m, info, k0, k1)
    if may_hold_according(text):
        for m in ACCORDING.finditer(masked, sent.start, sent.end):
            according_to(ps, m)
    if _has_that(ps.seg, sent.start, sent.end):
        for m in speech_noun_regex().finditer(masked, sent.start, sent.end):
            speech_noun(ps, m)
    if not ps.heading and learned_from_cue(text):
        learned_from(ps)
    if not ps.heading and text.startswith("In ") and IN_WORDS.match(text):
        in_words(ps)
    if not ps.heading and ps.claims and "," in text:
        denied_charge(ps)
    if not ps.heading and not ps.claims:
        quote_verdict(ps)
    if ps.heading:
        # The headline forms, each only where nothing before it found a claim.
        headline_claim_colon(ps)
        if ps.claims:
            headline_source_last(ps)  # "Warsaw Warns of Long War - Polish PM"
        if ps.claims:
            headline_colon(ps)  # only before a ";" that ends it: "X: ...; Y urges ..." (rule headline-semicolon)
        for form in (headline_colon, headline_verb, headline_source_last):
            if ps.claims:
                break
            form(ps)
        source_last_owns_verbs(ps)
    relay_reports(ps)
    ps.cut_boundaries()
    drop_nested(ps)


# Matches any span it is given: a match object for a span already found.
_SPAN = compile_pattern(r"[\s\S]+")


def cue_matches(seg: Segmented, start: int, end: int) -> list[re.Match[str]]:
    """The cue matches of cue_regex() in ``seg.masked[start:end]``, found in the lower-cased
    copy (Segmented.folded) where the text has one: the same spans (lexicon.fold_case), each
    as a match object over ``seg.masked``, so that ``group()`` is the text as written."""
    folded = seg.folded()
    fast = folded_cue_regex() if folded is not None else None
    if fast is None:
        return list(cue_regex().finditer(seg.masked, start, end))
    return _as_written(seg, [f.span() for f in fast.finditer(folded, start, end)])


def block_cues(seg: Segmented, block: Block) -> list[tuple[int, int]]:
    """The spans of the cue matches of a whole block, in one search: those starting in a
    sentence are the sentence's cue_matches (as test_block_cues_are_the_sentences_cues checks).
    A match cannot run from one sentence into the next: every cue form is words of letters, and
    every sentence but a block's last ends in a mark. _as_written turns the spans into
    cue_matches' matches."""
    folded = seg.folded()
    fast = folded_cue_regex() if folded is not None else None
    if fast is None:
        return [m.span() for m in cue_regex().finditer(seg.masked, block.start, block.end)]
    # A cue at the block's first character, then every cue after a character that may
    # precede one (lexicon.folded_cue_scan_regex).
    spans = []
    pos = block.start
    first = fast.match(folded, pos, block.end)
    if first is not None:
        spans.append(first.span())
        pos = first.end()
    spans.extend(m.span(1) for m in folded_cue_scan_regex().finditer(folded, pos, block.end))  # type: ignore[union-attr]
    return spans


def _as_written(seg: Segmented, cues: list[tuple[int, int]]) -> list[re.Match[str]]:
    """Spans from block_cues as cue_matches gives them: matches over ``seg.masked``."""
    masked = seg.masked
    return [_SPAN.match(masked, a, b) for a, b in cues]  # type: ignore[misc]
