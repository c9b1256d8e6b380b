"""``speaker-label``: a transcript's speaker label before a colon, then the speaker's words.

"Anna Lund: The talks will resume in May."
"PRESIDENT OF NORWAY ANNA LUND : Colleagues, the talks will resume in May."
Interviews and speeches are printed this way; the label must name a person (a full name, an
initial and a surname, a given name, none of its words one the article writes in lower case),
so "Host:", "Note:" or a place before a colon claim nothing; and the words after it must be a
clause not in title case ("Stealth: Clinton Was Headed to Hospital" is a headline).
"""

from __future__ import annotations

import re

from claimsdb.extract import tokens as T
from claimsdb.extract.lexicon import headline_labels
from claimsdb.extract.rules.headline import clause_like
from claimsdb.extract.sentence import ParsedSentence
from claimsdb.extract.speakers import Mention

# Capitalised words and a colon at the start of a sentence: the only sentences the rule parses.
LABEL = re.compile(r"[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,6}\s?:\s+[\"“‘'A-Z]")


def _person(ps: ParsedSentence, a: int, b: int) -> Mention | None:
    toks = ps.toks
    words = toks[a : b + 1]
    if words[0].low in headline_labels() or words[0].low in T.CLAUSE_WORDS:
        return None
    capitals = all(t.text.isupper() for t in words)
    common = ps.seg.common_words()
    if not capitals and (len(words) > 4 or any(t.low in common for t in words)):
        return None  # "Veto Power Impedes Peace Efforts:", "Said Ellis:": a title, not a name
    # A label in capitals names its person last: "PRESIDENT OF NORWAY ANNA LUND".
    starts = range(a, b + 1) if capitals else (a,)
    for s in starts:
        mention = ps.mention(s, b)
        initial = b == s and re.fullmatch(r"[A-Z]\.\s?[A-Z][\w'’-]+", toks[s].text) is not None
        if mention.type == "person" and not mention.pronoun and (b > s or initial or mention.known_given_name):
            return mention
    return None


def speaker_label(ps: ParsedSentence) -> bool:
    """The claim of a sentence that opens with a speaker label; True when one came out."""
    toks = ps.toks
    # A label opens a line, or follows the question it answers on the same line.
    block = ps.seg.blocks[ps.sent.block]
    if ps.sent.start != block.start and not ps.seg.masked[block.start : ps.sent.start].rstrip().endswith("?"):
        return False
    colon = next((j for j, t in enumerate(toks[:9]) if t.text == ":"), None)
    if colon is None or colon == 0 or colon + 3 >= len(toks):
        return False
    if not all(t.cap or t.low in T.CONNECTORS for t in toks[:colon]):
        return False
    # The words are speech, not a headline after a name: a clause, not in title case.
    words = [t for t in toks[colon + 1 :] if t.text[:1].isalpha() and len(t.text) > 3]
    if len(words) >= 3 and sum(t.cap for t in words) >= 0.7 * len(words):
        return False
    if not clause_like(ps, colon + 1, len(toks), past=True):
        return False
    mention = _person(ps, 0, colon - 1)
    if mention is None:
        return False
    m = re.compile(r".*").match(ps.masked, toks[colon].start, toks[colon].end)
    return ps.add((toks[colon + 1].start, ps.content_end()), mention, m, None, rule="speaker-label",
                  kind="direct") is not None
