"""``quote-verdict``: a quotation, then "was" and whose opinion, view or verdict it was.

'"The library should open on Sundays," was one retired teacher's view.'
'"A disaster for the harbour," was the verdict of one fisherman.'
Vox pops are often attributed this way, with no reporting verb; the quotation must end right
before "was", and the owner is a noun phrase (a possessor, or the "of" phrase after the noun).
"""

from __future__ import annotations


from claimsdb.pattern_cache import compile_pattern
from claimsdb.extract.sentence import ParsedSentence
from claimsdb.extract.speakers import describe

_NOUNS = "opinion|view|verdict|reaction|response|assessment|comment|answer|reply|advice|summary|judgement|judgment"
# Only sentences with this are parsed for the rule.
VERDICT = compile_pattern(
    r"[”\"’'],?\s+was\s+(?:"
    r"(?P<owner>(?:(?:the|an?|one|another)\s+)?(?:[\w-]+\s+){0,3}?[\w-]+)['’]s?\s+(?:own\s+)?(?:" + _NOUNS + r")"
    r"|the\s+(?:" + _NOUNS + r")\s+of\s+(?P<of>(?:[\w-]+\s+){0,5}?[\w-]+)"
    r")\s*[.!]?\s*$"
)


def quote_verdict(ps: ParsedSentence) -> bool:
    """The claim of a quotation that the rest of its sentence says was someone's opinion."""
    sent = ps.sent
    m = VERDICT.search(ps.masked, sent.start, sent.end)
    if m is None:
        return False
    group = "owner" if m.group("owner") else "of"
    start, end = m.start(group), m.end(group)
    words = ps.text[start:end].split()
    if words[0].lower() in ("his", "her", "their", "its", "my", "our", "your", "this", "that"):
        return False  # "was his view": a pronoun, left to the rules that know its antecedent
    quote = next((q for q in reversed(ps.quotes) if q.end <= m.start() + 1 and q.end > sent.start), None)
    if quote is None or ps.masked[quote.end : m.start() + 1].strip(" ,”\"’'"):
        return False
    mention = describe(ps.text, start, end)
    if mention.type not in ("person", "anonymous", "group") or mention.pronoun:
        return False
    ps.mentions.append(mention)
    return ps.add((max(quote.start, sent.start), quote.end), mention, m, None, rule="quote-verdict",
                  kind="direct") is not None
