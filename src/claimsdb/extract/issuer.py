"""The body whose statement an article is: its "we" speaks for that body.

A ministry's statement, a government's comment or a joint communiqué is printed under a heading
that names its issuer: "Statement of the Foreign Ministry of Norway on the talks", "Comment by
the Danish Foreign Ministry regarding ...", "Foreign Ministry statement on the fishing dispute".
In such a text "We call on Oslo to ...", "We reject ..." is the issuer's, not the writer's, so a
"we" outside quotation marks takes the issuer (check ``statement-issuer``): a body, a country,
a group, a person ("Statement by Anna Lund on ...": her words, whoever her "we" are) or an
office named in capitals ("Foreign Ministry Spokesperson's comment on ..."). Only a heading of
that form names one, and a text with transcript speaker labels has speakers of its own.
"""

from __future__ import annotations


from claimsdb.pattern_cache import compile_pattern
from claimsdb.extract.segment import Segmented
from claimsdb.extract.speakers import Mention, describe

_KINDS = (r"(?:[Jj]oint\s+)?(?:[Ss]tatement|[Cc]omment(?:ary)?|[Dd]eclaration|[Cc]ommuniqu[eé]|"
          r"[Pp]ress\s+[Rr]elease|[Pp]ress\s+[Ss]tatement|[Aa]ppeal)")
_TOPIC = r"(?:\s+(?:on|regarding|concerning|about|over|following|in\s+connection\s+with|with\s+regard\s+to|in\s+response\s+to)\s.*)?$"
# "Statement of the X on ...", "Comment by the X regarding ...".
_BY = compile_pattern(_KINDS + r"\s+(?:of|by|from)\s+(?:the\s+)?(?P<x>[A-Z][^:;!?]*?)" + _TOPIC)
# "X statement on ...", "The X's comment regarding ...".
_BEFORE = compile_pattern(r"(?:[Tt]he\s+)?(?P<x>[A-Z][^:;!?]*?)(?:['’]s)?\s+" + _KINDS + _TOPIC)

_ISSUERS = ("organization", "country", "group", "person", "anonymous")


def statement_issuer(seg: Segmented) -> Mention | None:
    """The body the heading says issued this text, or None."""
    head = next((b for b in seg.blocks if not b.furniture), None)
    if head is None or not head.heading:
        return None
    line = seg.text[head.start : head.end]
    for pattern in (_BY, _BEFORE):
        m = pattern.match(line)
        if m is None:
            continue
        s, e = head.start + m.start("x"), head.start + m.end("x")
        mention = describe(seg.text, s, e)
        if mention.type in _ISSUERS and not mention.pronoun and (
                mention.type != "anonymous" or mention.name[:1].isupper()):
            return mention  # "the Foreign Ministry Spokesperson's comment": the unnamed office
    return None
