"""``in-x-words``: "In his words, ..." / "In the words of X, ..." / "In his opinion, ..." / "In the
assessment of X, ..." opens what X said.

"In his words, the new authorities rely on radical nationalists." / "In the words of the
minister, the talks are over." / "In Lund's words, the talks are over." The rest of the sentence
after the comma is the claim; the source is the possessor, a pronoun resolved like any other.
"""

from __future__ import annotations


from claimsdb.pattern_cache import compile_pattern
from claimsdb.extract.phrases.noun_phrases import left_np, right_np
from claimsdb.extract.rules.according import named_after_role
from claimsdb.extract.sentence import ParsedSentence

# At the start of a sentence: "In his (own) words," / "In the words of X," / "In X's words,".
# Also "In his opinion," / "In her view," / "In the opinion of X," (not "In view of ..."), "In the
# assessment of X,", "In her estimation,", "In the judgment of the court,".
_WORDS = r"(?:words|opinion|view|assessment|estimation|judge?ment)"
IN_WORDS = compile_pattern(
    r"In\s+(?:(?P<pronoun>his|her|their|its)\s+(?:own\s+)?" + _WORDS
    + r"|the\s+" + _WORDS + r"\s+of\s+(?P<source>[^,;:]{2,80}?)"
    r"|(?P<possessor>[^,;:]{2,60}?)['’]s?\s+(?:own\s+)?" + _WORDS + r")\s*,"
)
_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}


def in_words(ps: ParsedSentence) -> None:
    """The claim of a sentence that opens with "In his words," and the like."""
    m = IN_WORDS.match(ps.masked, ps.sent.start, ps.sent.end)
    if m is None:
        return
    toks = ps.toks
    if m.group("pronoun"):
        k = ps.index_at(m.start("pronoun"))
        mention = ps.mention(k, k)
        mention.pronoun = _PRONOUNS[m.group("pronoun").lower()]
        mention.plural = mention.pronoun == "they"
    elif m.group("source"):
        k = ps.index_at(m.start("source"))
        span = right_np(ps, k)
        if span is None or toks[span[1]].end != m.end("source"):
            return
        mention = ps.mention(*span)
        named = named_after_role(ps, span, span[1] + 1)
        if named is not None:
            # "In the assessment of the chief negotiator, Ana Lima, ...": the named person
            # (rule according-role-then-name)
            mention, after = named
            ps.add((toks[after].start, ps.content_end()), mention, m, None, rule="in-x-words")
            return
    else:
        end = ps.index_at(m.end("possessor")) - 1
        span = left_np(ps, end)
        if span is None or toks[span[0]].start != m.start("possessor"):
            return
        mention = ps.mention(*span)
    ps.add((m.end(), ps.content_end()), mention, m, None, rule="in-x-words")
