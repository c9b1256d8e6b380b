"""Documents that speak ("the statement said", "a report by the mission says", "Anna Berg's
letter reads"): the speaker is the document's issuer when the phrase or the article names it.

The issuer comes from the phrase itself (a possessor, "by X", a name before the noun:
"the EU's draft conclusions", "a report by the monitoring mission", "the Naftogaz statement"),
else from the nearest earlier claim of the article whose attribution gives that document
("Naftogaz said in a statement that ...", "the news portal CityNews reported ...": it names the
document, or its cue is the document's own verb). Otherwise the document stays the speaker, which the resolve stage
scopes to its article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimsdb.extract import tokens as T
from claimsdb.extract.lexicon import document_nouns, title_words
from claimsdb.extract.segment import Segmented
from claimsdb.records import ClaimCandidate
from claimsdb.extract.speakers import ORG_WORDS, Mention, describe
from claimsdb.pattern_cache import compile_pattern

# Only a few claims back: "the statement" further away may be another one.
_LOOKBACK = 8
_NAMED_TYPES = ("person", "organization", "media", "country", "group")


# Nouns of documents that speak (data/document_nouns.txt).
DOCUMENT_NOUNS = document_nouns()


def resolve_documents(seg: Segmented, claims: list[ClaimCandidate]) -> None:
    """Give each claim whose speaker is a document the document's issuer, in place (on the
    speaker phrase of its ``evidence``)."""
    issued: dict[str, Mention] = {}  # a document's phrase as first named → its issuer
    by_head: dict[str, tuple[int, Mention]] = {}  # a document noun → where it last spoke, and its issuer
    for i, c in enumerate(claims):
        m = c.evidence.mention
        head = _document_head(m)
        if head is None and m.pronoun == "it" and m.name in issued and m.name not in DOCUMENT_NOUNS:
            # "Ann Berg's statement said: ... It added: ...": the "it" took the document's
            # phrase before its issuer was found; the same issuer
            _adopt(m, issued[m.name])
            continue
        if head is None and m.pronoun == "it" and m.name in DOCUMENT_NOUNS:
            # "..., the report suggests. ..., it predicts": the "it" took the document; its issuer.
            issuer = _issuer_before(seg.text, m, claims[max(0, i - _LOOKBACK) : i], m.name) \
                or _issuer_named_before(seg.text, m, m.name)
        elif head is None:
            continue
        else:
            issuer = _issuer_in_phrase(seg.text, m, head) \
                or _issuer_before(seg.text, m, claims[max(0, i - _LOOKBACK) : i], head) \
                or _issued_before(seg.text, m, head, by_head) \
                or _issuer_named_before(seg.text, m, head) \
                or _issuer_named_after(seg.text, m, head) \
                or _issuer_speaking_before(seg.text, m, claims, head)
        if issuer is not None:
            if m.pronoun is None:
                issued.setdefault(m.name, issuer)
                if head is not None:
                    by_head[head] = (m.start, issuer)
            _adopt(m, issuer)


def _issued_before(text: str, m: Mention, head: str, by_head: dict[str, tuple[int, Mention]]) -> Mention | None:
    """"Oxfam's Hunger report said ... The report said ...": the issuer found for the last
    document of the same noun that spoke a few paragraphs before; none for a new document
    ("a further report said") or one of a person ("his report")."""
    last = by_head.get(head)
    if last is None or m.pronoun is not None or _new_document(text, m) or m.start - last[0] > _NAMED_WINDOW \
            or m.text.lower().split()[0] in ("his", "her", "their", "my", "our"):
        return None
    return last[1]


def _document_head(m: Mention) -> str | None:
    if m.pronoun is not None or m.type not in ("organization", "media", "group", "anonymous"):
        return None
    cased = m.text.split()
    words = [w.lower() for w in cased]
    for prep in ("by", "from"):
        if prep in words[1:]:
            words = words[: words.index(prep, 1)]  # "a report by the mission", "a statement from X"
    if any(w in ("in", "of", "on", "at", "with") for w in words[1:-1]):
        return None  # "ballot papers in the poll": the document is not what speaks
    if len(words) > 1 and cased[len(words) - 1][:1].isupper():
        return None  # "The Vik Post": a name that ends in the noun
    return words[-1].strip(".,") if words and words[-1].strip(".,") in DOCUMENT_NOUNS else None


def _issuer_in_phrase(text: str, m: Mention, head: str) -> Mention | None:
    phrase = text[m.start : m.end]
    before = _possessor_before(text, m)
    if before is not None:
        return before
    by = re.search(r"\b(?:by|from)\s+", phrase)
    if by is not None:
        return _as_issuer(text, _describe_issuer(text, m.start + by.end(), m.end), head)
    # The words before the noun: a possessor or a name ("Ann Berg's 15 May letter").
    before = phrase[: phrase.lower().rfind(head)]
    words = list(re.finditer(r"[\w'’.-]+", before))
    name = [w for w in words if w.group()[:1].isupper() and w.group().lower() not in T.DETERMINERS
            and w.group().lower().rstrip("'’s") not in T.DATE_WORDS and w.group().lower() not in T.DATE_WORDS]
    if not name:
        return None
    # A run of capitalised words ending at the last one (and its possessive); a possessor
    # before the title of the document is its issuer ("Oxfam's Cost of Hunger report": Oxfam).
    last = next((w for w in reversed(name) if w.group().endswith(("'s", "’s"))), name[-1])
    first = last
    for w in reversed(words[: words.index(last)]):
        if not w.group()[:1].isupper() or w.group().lower() in T.DATE_WORDS or w.group().lower() in T.DETERMINERS:
            break
        first = w
    possessive = last.group().endswith(("'s", "’s"))
    if not possessive and first is words[0] and not first.group().isupper():
        return None  # "Draft conclusions say": a capital that starts the sentence, not a name
    issuer = describe(text, m.start + first.start(), m.start + last.end())
    if last is not name[-1]:
        issuer = _as_issuer(text, issuer, head)  # ("Oxfam's ... report": a body, not a person)
    return issuer if issuer.type in _NAMED_TYPES else None


# "Ann Berg's 15 May statement": a possessor before a date that the speaker phrase left out.
_POSSESSOR_BEFORE = compile_pattern(r"([A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,3})['’]s[ \t]+((?:[\w]+[ \t]+){1,3})$")


def _possessor_before(text: str, m: Mention) -> Mention | None:
    found = _POSSESSOR_BEFORE.search(text, max(0, m.start - 80), m.start)
    if found is None or not all(w.isdigit() or w.lower() in T.DATE_WORDS for w in found.group(2).split()):
        return None
    issuer = describe(text, found.start(1), found.end(1))
    return issuer if issuer.type in _NAMED_TYPES else None


def _issuer_before(text: str, m: Mention, earlier: list[ClaimCandidate], head: str) -> Mention | None:
    """The speaker of the nearest earlier claim whose attribution gives the document: names it
    ("said in a statement") or reports by the verb of the same word ("CityNews reported");
    none for a new document ("a further statement said")."""
    if _new_document(text, m):
        return None
    word = re.compile(rf"\b{re.escape(head)}\b", re.IGNORECASE)
    for c in reversed(earlier):
        m = c.evidence.mention
        # (a group named by its common noun too: "In a message posted on the site, its
        # controllers said ... the message said" is the controllers, check document-by-group)
        if m.type not in _NAMED_TYPES or m.pronoun is not None or not (m.name[:1].isupper() or m.type == "group") \
                or _document_head(m) is not None:
            continue
        attribution = text[c.sentence_start : c.text_start] + " " + text[c.text_end : c.sentence_end]
        info = c.evidence.cue
        if info is not None and info.lemma == head:
            return m
        # (A group only where the document is what it spoke in: "in a message", not "the X
        # report said teenagers ...", whose teenagers issued nothing.)
        if any(not _in_title(attribution, hit) and (m.name[:1].isupper() or _SPOKE_IN.search(attribution, 0, hit.start()))
               for hit in word.finditer(attribution)):
            return m
    return None


_SPOKE_IN = compile_pattern(r"\b[Ii]n (?:a|an|the|its|their|his|her) (?:[\w’'-]+ ){0,2}$")


def _in_title(text: str, hit: re.Match) -> bool:
    """"told the Harbour Radio's Morning Report": a capitalised noun after a capitalised word is
    part of a name, not the document."""
    return hit.group()[:1].isupper() and re.search(r"[A-Z][\w’'-]*\s+$", text[max(0, hit.start() - 30) : hit.start()]) is not None


# How many sentence ends may come between a body's claim and "the report said" that is its.
_FINDING_GAP = 1
_SENTENCE_END = compile_pattern(r"[.!?][\"”’']?\s")


def _issuer_speaking_before(text: str, m: Mention, claims: list[ClaimCandidate], head: str) -> Mention | None:
    """"..., the Vik Institute said. Overall, the report forecast ...": a definite finding
    ("the report", "the survey", "the study", "the poll") speaks for the body whose claim comes
    right before it, in its sentence or the one before, with no other claim between: the body
    that made the finding the article is reporting; not when the article spoke of such a
    document before in a sentence that does not name that body."""
    earlier = [c for c in claims if c.evidence.mention.start < m.start and c.text_end <= m.start]
    if head not in _FINDINGS or m.pronoun is not None or not earlier or _new_document(text, m) \
            or m.text.lower().split()[0] not in ("the", "this"):
        return None
    c = max(earlier, key=lambda c: max(c.evidence.mention.start, c.text_start))
    body = c.evidence.mention
    if body.type != "organization" or body.pronoun is not None or not body.name[:1].isupper() or body.plural \
            or _document_head(body) is not None or c.sentence_end is None or c.sentence_end > m.start:
        return None
    if len(_SENTENCE_END.findall(text, c.sentence_end - 1, m.start)) > _FINDING_GAP + 1:
        return None
    # Any earlier mention of the noun is this body's ("In its latest report, the Vik Institute
    # ..."): in a sentence that names it. (One that names none may be another's.)
    for hit in re.finditer(rf"\b{re.escape(head)}s?\b", text[: m.start], re.IGNORECASE):
        start = max(text.rfind(".", 0, hit.start()), text.rfind("\n", 0, hit.start())) + 1
        ends = [i for i in (text.find(".", hit.end()), text.find("\n", hit.end())) if i >= 0]
        if body.name not in text[start : min(ends) if ends else len(text)]:
            return None
    return body


# "a survey by Vik Research", "a study carried out by the Nordic Institute", "a report from
# analysts Vik & Co": the issuer after "by" or "from", past a few words of what it is about;
# not who only spread it ("a document leaked by", "obtained by the Vik Courier").
_BY_ISSUER = (r"\b(?i:{head})\b(?:(?!leaked|obtained|seen|quoted|cited|reported)[^.,;:!?\n]){{0,50}}?\b(?:by|from)\s+(?:(?:the|an?)\s+)?"
              r"(?:(?!(?:within|in|of|on|at|to|across|around|among|over|under|more|than)\b)[a-z][\w-]*\s+){{0,2}}(?=[A-Z])")
# "The survey, carried out by Vik Research, ...": the same between commas.
_BY_ISSUER_APPOSED = (r"\b(?i:{head}), (?!(?:leaked|obtained|seen|quoted|cited|reported)\b)(?:[a-z][\w-]*\s+){{1,3}}?"
                      r"(?:by|from)\s+(?:(?:the|an?)\s+)?(?=[A-Z])")
# "Vik Research's latest survey": a possessor a few words before the noun.
_POSSESSOR_ISSUER = r"(?<![\w’'-])([A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){{0,3}})['’]s[ \t]+(?:[\w-]+[ \t]+){{0,3}}?{head}\b"
# "The Vik Research survey": a name right before the noun, after an article.
# (Not "the Future" of "the Forum for the Future report": the article opens the name.)
_NAMED_BEFORE_NOUN = (r"(?<!for )(?<!of )(?<!and )\b(?:[Tt]he|[Aa]n?) "
                      r"([A-Z][\w&-]*(?:[ \t]+(?:(?:of|for|and|the)[ \t]+)*[A-Z][\w&-]*){{0,5}})[ \t]+{head}\b")
# A name run: capitalised words, maybe joined by "of", "for", "and", "&".
# (A full stop belongs to a word only inside it: "U.N.", not "Vik. It".)
# And a body noun a few lower-case words on: "the Commons transport committee".
_NAME_AFTER = compile_pattern(r"[A-Z](?:[\w&’'-]|\.(?=\w))*(?:[ \t]+(?:(?:of|for|and|&|de)[ \t]+)?[A-Z](?:[\w&’'-]|\.(?=\w))*)*"
                         r"(?:(?:[ \t]+[a-z][\w-]*){0,4}?[ \t]+(?:committee|commission|council|board|panel|tribunal|inquiry)\b)?")
# How far back the article is searched for the document's issuer.
_NAMED_WINDOW = 3000


def _issuer_named_before(text: str, m: Mention, head: str) -> Mention | None:
    """"The survey said" after "A survey by Vik Research found ...": the issuer of the nearest
    earlier document of the same noun that the article names ("a survey by X", "a study
    carried out by X", "X's survey"), even where that mention was no claim of its own; not for
    a new document ("a further survey said", _new_document)."""
    if _new_document(text, m) or m.text.lower().split()[0] in ("his", "her", "their", "my", "our"):
        return None  # "his report": the person's, who is not named so
    named = _documents_named(text, max(0, m.start - _NAMED_WINDOW), m.start, (head,))
    return _issuer_of(text, named[-1], m.start, head) if named else None


# How far on the article is searched for the issuer of a document its lead introduces.
_AFTER_WINDOW = 1500
# Words before a later mention that make it the same document ("The study, undertaken by X").
_SAME_DOCUMENT = compile_pattern(r"(?:^|[^\w’'-])(?:[Tt]he|[Tt]his|[Ii]ts)\s+(?:[a-z][\w-]*\s+){0,2}$", re.MULTILINE)


def _issuer_named_after(text: str, m: Mention, head: str) -> Mention | None:
    """"..., a report says. The study, carried out by Vik Research, found ...": a lead that
    introduces a document and names its issuer only in the next sentences. The document is
    the article's first of its noun (no earlier "report"); the issuer is that of the next
    mention of it, or of another finding noun ("a report says. The study by X"), when that
    mention is definite ("the", "this") and names one ("the study by X", "X's survey", "the
    Vik Research poll"); none if that next mention names none or is another ("a separate
    survey by X")."""
    if m.pronoun is not None or _may_name(text[: m.start], head) \
            and re.search(rf"\b{re.escape(head)}\b", text[: m.start], re.IGNORECASE):
        return None
    if m.text.lower().split()[0] in ("his", "her", "their", "my", "our", "its"):
        return None
    heads = tuple(_FINDINGS) if head in _FINDINGS else (head,)
    nouns = re.compile(r"\b(?:" + "|".join(heads) + r")\b", re.IGNORECASE)
    limit = min(len(text), m.end + _AFTER_WINDOW)
    following = nouns.search(text, m.end, limit)
    if following is None:
        return None
    at = following.start()
    line = text.rfind("\n", 0, at) + 1
    for start, name_start, name_end in _documents_named(text, max(line, at - 60), limit, heads):
        if start == at:  # "the study, carried out by X": a definite one
            if _SAME_DOCUMENT.search(text, max(line, at - 40), at) is None:
                return None  # "a separate survey by X": another document
        elif not (start < at and name_end <= at and _BEFORE_NOUN.fullmatch(text, name_end, at)
                  and text[start] not in "Aa"):
            continue  # another phrase than the one of the noun; "a Vik survey" is another
        issuer = _issuer_of(text, (start, name_start, name_end), limit, following.group().lower())
        if issuer is None or issuer.name not in text[name_start:name_end]:
            return None
        if issuer.name != text[name_start:name_end].strip(" .’'") and not issuer.name.startswith(text[name_start:name_end].split()[0]):
            return None  # "the Sunday Times poll" read as "Times": not the name the article gives
        return issuer
    return None


# Between an issuer's name and its document's noun: "X's latest |survey", "The X |poll".
_BEFORE_NOUN = compile_pattern(r"(?:['’]s)?(?:\s+[\w-]+){0,3}?\s+")


def _documents_named(text: str, begin: int, end: int, heads: tuple[str, ...]) -> list[tuple[int, int, int]]:
    """Where the text from ``begin`` to ``end`` names a document of one of ``heads`` with its
    issuer ("a survey by X", "X's survey", "the Vik Research survey"): (where the phrase
    starts, where the issuer's name starts and ends), in text order."""
    found = []
    for head in heads:
        if not _may_name(text[begin:end], head):
            continue  # every pattern needs the noun: none compiled for it nor tried at every character
        for pattern in (_BY_ISSUER, _BY_ISSUER_APPOSED):
            for hit in _for_noun(pattern, head).finditer(text[begin:end]):
                name = _NAME_AFTER.match(text, begin + hit.end())
                if name is not None:
                    found.append((begin + hit.start(), name.start(), name.end()))
        for hit in _for_noun(_NAMED_BEFORE_NOUN, head).finditer(text[begin:end]):
            found.append((begin + hit.start(), begin + hit.start(1), begin + hit.end(1)))
        for hit in _for_noun(_POSSESSOR_ISSUER, head).finditer(text[begin:end]):
            if any(w.lower() in T.DATE_WORDS for w in hit.group(1).split()):
                continue  # "Thursday's report": when, not whose
            found.append((begin + hit.start(), begin + hit.start(1), begin + hit.end(1)))
    return sorted(found)


def _issuer_of(text: str, named: tuple[int, int, int], limit: int, head: str) -> Mention | None:
    """The issuer a document phrase found by _documents_named names, if it is one body or person."""
    _, start, end = named
    end = min(end, limit)
    while end > start and text[end - 1] in ".’'":  # the sentence's full stop, "Vik'"
        end -= 1
    issuer = _describe_issuer(text, start, end)
    if issuer.type not in ("person", "organization", "media") or issuer.plural or issuer.pronoun is not None:
        return None  # "a report by two committees" names no one; "the US report" is about a place
    return _as_issuer(text, issuer, head)


# Indefinite or contrasting words before a document noun: "a further survey said" is a new one.
_NEW_WORDS = frozenset("a an another further separate second third new different".split())


def _new_document(text: str, m: Mention) -> bool:
    """Whether the phrase ``m`` (or the two words before it, which the phrase may have left
    out: "A further | recent survey") introduces a document not named before."""
    if m.pronoun is not None:
        return False  # "it" stands for a document named before
    words = m.text.lower().split()
    if words and words[0] in ("the", "this", "that", "its", "their"):
        return any(w in _NEW_WORDS for w in words[1:-1])
    before = re.findall(r"[\w’'-]+", text[max(0, m.start - 30) : m.start].lower())[-2:]
    return any(w in _NEW_WORDS for w in before + words[:-1])


@lru_cache(maxsize=None)
def _for_noun(pattern: str, head: str) -> re.Pattern[str]:
    """One of the issuer patterns (_BY_ISSUER, ...) made for the document noun ``head``: four
    for each of the few document nouns, so compiled once per machine, not in every process."""
    return compile_pattern(pattern.format(head=re.escape(head)))


def _may_name(text: str, noun: str) -> bool:
    """False only when ``text`` cannot hold the lower-case word ``noun`` in any case: a text
    all ASCII without it once lowered. (Past ASCII a pattern's IGNORECASE matches more than
    lowering finds: "ſ" is an "s" to it.) A cheap test before a pattern made for the noun."""
    return not text.isascii() or noun in text.lower()


# Findings whose maker is most often a body: "a survey by Vikpoll" is a company, not a person.
_FINDINGS = frozenset("survey poll study report".split())


# "the Centre for Policy Research": a body named by its kind and what it is for, whole.
_BODY_FOR = compile_pattern(r"(?:the\s+)?([A-Z][\w’'-]*\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][\w&’'-]*(?:\s+(?:and\s+)?[A-Z][\w&’'-]*)*)")


def _describe_issuer(text: str, start: int, end: int) -> Mention:
    """The issuer named from ``start`` to ``end``: ``describe``'s reading, but a body named by
    a word and what it is for ("the Institute for Fiscal Studies", "the Forum for the Future")
    whole, unless the word is a title ("Secretary of State Vik")."""
    body = _BODY_FOR.match(text, start, end)
    if body is not None and (body.group(1).split()[0].lower() in ORG_WORDS
                             or body.group(1).split()[0].lower() not in title_words()):
        return Mention(body.start(1), body.end(1), body.group(1), " ".join(body.group(1).split()), "organization")
    return describe(text, start, end)


def _as_issuer(text: str, issuer: Mention, head: str) -> Mention:
    """The issuer of a document ``head``: a finding's maker read as a person with nothing of a
    person's (no known given name, gender or role but a plural one, "analysts Vik Research";
    nor the surname of someone the article names in full) is an organisation ("a survey by
    Vikpoll", "a study by Nordic Research")."""
    plural_role = bool(issuer.role) and issuer.role.split()[-1].endswith("s") and not issuer.role.endswith("ss")
    if head in _FINDINGS and issuer.type == "person" and not (issuer.known_given_name or issuer.gender) \
            and (not issuer.role or plural_role) \
            and not re.search(r"(?<![\w’'-])(?!(?:The|A|An|This) )[A-Z][\w’'-]+ " + re.escape(issuer.name) + r"(?![\w’'-])", text):
        issuer.type = "organization"
    return issuer


def _adopt(target: Mention, source: Mention) -> None:
    """The document speaks with its issuer's whole identity, role included (unlike a pronoun in
    claimsdb.resolve.coref, which keeps a role of its own: "the minister")."""
    target.name, target.type, target.plural = source.name, source.type, source.plural
    target.role = source.role
    target.country = source.country or target.country
    target.gender = source.gender
