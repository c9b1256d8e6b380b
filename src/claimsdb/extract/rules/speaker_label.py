"""``speaker-label``: a transcript's speaker label before a colon, then the speaker's words.

"Anna Lund: The talks will resume in May."
"PRESIDENT OF NORWAY ANNA LUND : Colleagues, the talks will resume in May."
Interviews and speeches are printed this way; the label must name a person (a full name, an
initial and a surname, a given name, none of its words one the article writes in lower case),
so "Host:", "Note:" or a place before a colon claim nothing; and the words after it must be a
clause not in title case ("Stealth: Clinton Was Headed to Hospital" is a headline). An honorific
with its full stop may open the label ("MS. LUND:", "Mr. Lund:"), and a surname alone labels
the person the text names in full elsewhere ("LUND:" or "Lund:" after "Anna Lund said ...").

In a question-and-answer interview ("Question: ... Answer: ..." or "Q: ... A: ...") the answer
label names nobody: its words are the interviewee's, the person the headline names before a
colon ("Lund: ...") or else the first person the lines before the first question name ("In an
interview with the paper, Foreign Minister Anna Lund spoke about ...").
"""

from __future__ import annotations

import re

from claimsdb.pattern_cache import compile_pattern
from claimsdb.extract import tokens as T
from claimsdb.extract.lexicon import headline_labels, title_words
from claimsdb.extract.rules.headline import clause_like
from claimsdb.extract.sentence import ParsedSentence
from claimsdb.extract.speakers import Mention, country_code, describe

# Capitalised words and a colon at the start of a sentence: the only sentences the rule parses.
LABEL = compile_pattern(r"[A-Z][\w.'’-]*(?:\s(?:[A-Z][\w.'’-]*|[a-z]+)){0,7}(?:\s?\([^()\n]{1,60}\))?"
                   r"\s?:\s+[\"“‘'«„»A-Z]")


def _person(ps: ParsedSentence, a: int, b: int) -> Mention | None:
    toks = ps.toks
    words = toks[a : b + 1]
    if words[0].low in headline_labels() or words[0].low in T.CLAUSE_WORDS:
        return None
    if words[-1].low in _PLACE_HEADS:
        return None  # "Kherson Oblast:", "Tver Region:": a section of a round-up, not a person
    capitals = all(t.text.isupper() for t in words)
    roles = [x for x in range(a, b + 1) if not toks[x].cap and toks[x].low in title_words()]
    if roles:
        # "Separatist leader Denys Pushilin:", "Rebel commander Ivan Grin:": a role written in
        # lower case, then the full name, capitalised to the colon.
        s = roles[-1] + 1
        if b - s < 1 or not all(toks[x].cap for x in range(s, b + 1)):
            return None
        mention = ps.mention(s, b)
        if mention.type != "person" or mention.pronoun:
            return None
        mention.role = mention.role or ps.text[toks[a].start : toks[roles[-1]].end]
        return mention
    common = ps.seg.common_words()
    # A title of office before the name: "President of Norway Anna Lund", "Foreign Minister Lund".
    # A body's acronym may open it: "NATO Secretary General Anna Lund" (rule label-body-office).
    body = 1 if a < b and _ACRONYM.fullmatch(toks[a].text) and toks[a + 1].low in title_words() else 0
    office = next((s for s in range(a + 1, b + 1) if all(
        t.low in title_words() or t.low in T.CONNECTORS or t.low == "the" or country_code(t.text)
        for t in toks[a + body : s]) and toks[s].low not in title_words() and toks[s].cap), None)
    if office is not None and toks[a + body].low in title_words() and not capitals:
        a, words = office, toks[office : b + 1]
    if not capitals and (len(words) > 4 or any(t.low in common for t in words)):
        return None  # "Veto Power Impedes Peace Efforts:", "Said Ellis:": a title, not a name
    # A label in capitals names its person last: "PRESIDENT OF NORWAY ANNA LUND".
    starts = range(a, b + 1) if capitals else (a,)
    for s in starts:
        if capitals and any(t.low in common and t.low not in title_words() and t.low not in T.CONNECTORS
                            and t.low != "the" for t in toks[s : b + 1]):
            continue  # "SANCTIONS STANDOFF:": a newsletter's section, words the text writes in lower case
        mention = ps.mention(s, b)
        initial = b == s and re.fullmatch(r"[A-Z]\.\s?[A-Z][\w'’-]+", toks[s].text) is not None
        if mention.type == "person" and not mention.pronoun and (b > s or initial or mention.known_given_name):
            if mention.name.isupper():
                mention.name = mention.name.title()  # "MS. LUND:" names Lund
            return mention
    if a == b and len(toks[a].text) > 2 and toks[a].text[:1].isupper():
        return _surname(ps, a)
    return _titled_elsewhere(ps, a, b)


_ACRONYM = compile_pattern(r"[A-Z]{2,6}")


def _titled_elsewhere(ps: ParsedSentence, a: int, b: int) -> Mention | None:
    """"NATO Secretary General:", "The Chairman:": a label that is only a title (a body's acronym
    or a country may open it) labels the person the text introduces with that title ("NATO
    Secretary General Anna Lund: ..." on an earlier line; rule label-title-only)."""
    toks = ps.toks
    words = [t for t in toks[a : b + 1] if t.low != "the"]
    if not words or not any(t.low in title_words() for t in words) or not all(
            t.low in title_words() or t.low in T.CONNECTORS or country_code(t.text) or _ACRONYM.fullmatch(t.text)
            for t in words):
        return None
    label = ps.text[words[0].start : toks[b].end]
    for m in re.finditer(re.escape(label) + r"\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,2})\b", ps.seg.text):
        found = describe(ps.seg.text, m.start(1), m.end(1))
        if found.type == "person" and not found.pronoun:
            mention = ps.mention(a, b)
            mention.type, mention.name, mention.role = "person", found.name, label
            mention.country = found.country or mention.country
            return mention
    return None


def _label_repeats(seg, label: str) -> bool:
    """Whether ``label`` opens two or more lines of the text as a speaker label: a transcript,
    whose turns are speech whatever their first words (rule repeated-label)."""
    return len(re.findall(r"(?m)^[ \t]*" + re.escape(label) + r"[ \t]?:", seg.text)) >= 2


# The head word of a place's name: a label ending in one names a place, not a person.
_PLACE_HEADS = frozenset(("oblast", "region", "province", "krai", "county", "district", "governorate",
                          "prefecture", "voivodeship", "canton", "raion", "municipality"))


def _surname(ps: ParsedSentence, a: int) -> Mention | None:
    """"Lund:", "LUND:": a surname alone labels its person when the text names that person in
    full somewhere (a capitalised word before it, the two read as a person's name)."""
    word = ps.toks[a].text
    surname = word.title() if word.isupper() else word
    if ps.mention(a, a).type in ("country", "media"):
        return None
    for m in re.finditer(rf"\b[A-Z][a-z]+ {re.escape(surname)}\b", ps.seg.text):
        if describe(ps.seg.text, m.start(), m.end()).type == "person":
            mention = ps.mention(a, a)
            mention.type, mention.name, mention.role = "person", surname, None
            return mention
    return None


ANSWER_LABELS = ("Answer", "ANSWER", "A")
_QUESTION_LINE = compile_pattern(r"^(?:Question|QUESTION|Q)\s?:", re.M)
# Roles of who asks the questions, not who answers them.
_INTERVIEWERS = frozenset(("correspondent", "journalist", "reporter", "editor", "host", "interviewer",
                           "presenter", "anchor", "columnist"))


def interviewee(seg) -> Mention | None:
    """The person a question-and-answer interview asks (None when the text has no question
    label): the name before the headline's colon, else the first person with a title named
    before the first question, else the first person named there; remembered per text."""
    key = "interviewee"
    if key in seg._starts:
        return seg._starts[key]
    found = None
    first_q = _QUESTION_LINE.search(seg.text)
    if first_q is not None:
        # (rank, mention): the lead may name the interviewer too ("Tom Berg of the weekly
        # talked to Foreign Minister Anna Lund").
        candidates: list[tuple[int, Mention]] = []
        for block in seg.blocks:
            if block.start >= first_q.start():
                break
            for sent in block.sentences:
                ps = ParsedSentence(seg, sent, block.quotes, block.heading)
                candidates.extend(_people(ps, headline=block.heading))
        if candidates:
            found = min(candidates, key=lambda c: c[0])[1]
    seg._starts[key] = found
    return found


def _people(ps: ParsedSentence, headline: bool) -> list[tuple[int, Mention]]:
    """Persons named in one lead sentence, ranked: for a headline only the name before its
    colon ("Lund: ...", rank 0); otherwise each run of capitalised words that names a person
    not described as a journalist, rank 1 with a title or after "to" or "with" ("talked to X"),
    2 otherwise."""
    toks = ps.toks
    if headline:
        colon = next((j for j, t in enumerate(toks[:6]) if t.text == ":"), None)
        if colon:
            m = _person(ps, 0, colon - 1)
            if m is None and colon == 1 and toks[0].cap and toks[0].low not in ps.seg.common_words():
                m = ps.mention(0, 0)  # "Lund: ...": a surname the body names in full
                m = m if m.type == "person" else None
            return [(0, m)] if m is not None else []
        return []
    out = []
    j = 0
    while j < len(toks):
        if not toks[j].cap:
            j += 1
            continue
        k = j
        while k + 1 < len(toks) and toks[k + 1].cap:
            k += 1
        for s in range(j, k):  # the name ends the run: "Foreign Minister Anna Lund"
            m = ps.mention(s, k)
            if m.type == "person" and not m.pronoun and (m.known_given_name or k > s):
                role = (m.role or "").lower().split()
                before = toks[j - 1].low if j > 0 else ""
                if not (role and role[-1] in _INTERVIEWERS) and before not in _INTERVIEWERS:
                    # "talked to X", "an interview with X": the one asked
                    out.append((1 if m.role or before in ("to", "with") else 2, m))
                break
        j = k + 1
    return out


_SUBJECTS = frozenset(("i", "we", "they", "he", "she", "you"))


def _spoken(ps: ParsedSentence, a: int) -> bool:
    """Words in the present that clause_like misses: a pronoun subject and its verb ("We see
    ..."), or a capitalised subject and a verb in -s ("Norway supports the quotas")."""
    toks = ps.toks
    for j in range(a, min(len(toks) - 1, a + 6)):
        nxt = toks[j + 1]
        if toks[j].low in _SUBJECTS and not nxt.cap and nxt.text[:1].isalpha():
            return True
    return a + 2 < len(toks) and toks[a].cap and not toks[a + 1].cap and toks[a + 1].low.endswith("s") \
        and not toks[a + 1].low.endswith("ss") and toks[a + 2].text[:1].isalpha()


def speaker_label(ps: ParsedSentence) -> bool:
    """The claim of a sentence that opens with a speaker label; True when one came out."""
    toks = ps.toks
    # A label opens a line, or follows the question it answers on the same line.
    block = ps.seg.blocks[ps.sent.block]
    if ps.sent.start != block.start and not ps.seg.masked[block.start : ps.sent.start].rstrip().endswith("?"):
        return False
    colon = next((j for j, t in enumerate(toks[:20]) if t.text == ":"), None)
    if colon is None or colon == 0 or colon + 3 >= len(toks):
        return False
    end = colon - 1  # the label's last word: "Anna Lund (Fisheries Minister):" ends at Lund
    if toks[end].text == ")":
        end = next((j for j in range(end - 1, -1, -1) if toks[j].text == "("), 0) - 1
    if end < 0 or end >= 9 or not all(t.cap or t.low in T.CONNECTORS or t.low == "the" or t.text == "."
                                       or t.low in title_words() for t in toks[: end + 1]):
        return False
    # The words are speech, not a headline after a name: a clause, not in title case.
    words = [t for t in toks[colon + 1 :] if t.text[:1].isalpha() and len(t.text) > 3]
    if len(words) >= 3 and sum(t.cap for t in words) >= 0.7 * len(words):
        return False
    if ps.seg.masked[block.start : block.end].rstrip().endswith("?"):
        return False  # a question put at a briefing ("Agency X: ... Could you comment?"; rule question-turn)
    label = ps.text[toks[0].start : toks[end].end]
    lower = sum(t.text.isalpha() and t.text.islower() for t in toks[colon + 1 :])
    if not (clause_like(ps, colon + 1, len(toks), past=True) or _spoken(ps, colon + 1)
            or lower >= 3 and _label_repeats(ps.seg, label)):
        return False  # (a repeated label before a list of names is a team sheet's: "Subs: X, Y")
    if end == 0 and colon == 1 and toks[0].text in ANSWER_LABELS:
        mention = interviewee(ps.seg)
    else:
        mention = _person(ps, 0, end)
    if mention is None:
        return False
    m = re.compile(r".*").match(ps.masked, toks[colon].start, toks[colon].end)
    return ps.add((toks[colon + 1].start, ps.content_end()), mention, m, None, rule="speaker-label",
                  kind="direct") is not None
