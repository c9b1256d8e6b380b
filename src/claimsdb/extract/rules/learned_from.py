"""``learned-from``: the writer (or anyone) learned, heard or was told something from a source.

"The reporters heard from several farmers that the river had flooded the fields."
"The pilots were told by the coastguard that the harbour would close at noon."
Reports of field visits attribute this way: the source is the speaker, the that-clause the content.
"""

from __future__ import annotations


from claimsdb.pattern_cache import compile_pattern
from claimsdb.extract import tokens as T
from claimsdb.extract.lexicon import speaker_nouns
from claimsdb.extract.sentence import ParsedSentence
from claimsdb.extract.speakers import describe

# Only sentences with this are parsed for the rule.
LEARNED_FROM = compile_pattern(
    r"\b(?:learned|learnt|heard|(?:was|were|had been) (?:told|informed|assured))"
    r"(?: (?:in advance|later|earlier|also|again|repeatedly))? (?:from|by) "
    r"(?P<source>[\w“”\"'’(][^,;:.]{0,80}?),? that\b"
)


def learned_from_cue(text: str) -> bool:
    """Whether ``text`` has a word the rule starts with: a cheap test before its pattern."""
    return "learn" in text or "heard" in text or " told by" in text or " informed" in text or " assured by" in text


def learned_from(ps: ParsedSentence) -> None:
    """The claims of the sentence's "learned from X that ..." constructions."""
    for m in LEARNED_FROM.finditer(ps.masked, ps.sent.start, ps.sent.end):
        start, end = m.start("source"), m.end("source")
        mention = describe(ps.text, start, end)
        head = ps.text[start:end].split()[-1].lower()
        if mention.pronoun or mention.type == "group" and not (head in speaker_nouns() or T.person_noun(head)) \
                or head in T.OBJECT_PRONOUNS:
            continue  # "learned from history that ...": no source that speaks; "from him": no subject
        ps.mentions.append(mention)
        ps.add((m.end(), ps.content_end()), mention, m, None, rule="learned-from")
