"""``according-to``: a source named by "according to" (or relayed by "citing", "as reported by").

"According to the minister, the talks will resume in May." / "The talks will resume in May,
according to the minister." A source after a claim already found in the sentence relays that
claim (its ``via``) instead of making a new one: "..., the minister said, according to Reuters."
"""

from __future__ import annotations

import re

from claimsdb.pattern_cache import compile_pattern
from claimsdb.extract import tokens as T
from claimsdb.extract.phrases.noun_phrases import antecedent, people_head, person_head, right_np
from claimsdb.extract.rules.relay import follows_attribution, relay_source
from claimsdb.extract.rules.said import with_determiner
from claimsdb.extract.sentence import ParsedSentence, cue_info
from claimsdb.extract.tokens import Token, rstrip


# "according to", "as reported/quoted/cited by", "citing", as whole words. Written to start with
# the first letter and check after it that no word character comes before it (it is text[i], so
# "(?<![\w].)" looks at text[i-1]): the regular expression engine then tries only the positions
# of those letters, not every position of the text.
ACCORDING = compile_pattern(
    r"[AaCc](?<![\w].)(?:(?<=[Aa])(?:ccording to|s (?:reported|quoted|cited) by)|(?<=[Cc])iting)(?![\w])"
)


def may_hold_according(text: str) -> bool:
    """Whether ``text`` holds a piece that every match of ACCORDING holds: a text without one
    is not searched (a few string searches, where the pattern tries every "a" and "c")."""
    return ("ccording to" in text or "iting" in text or "s reported by" in text or "s quoted by" in text
            or "s cited by" in text)


def according_to(ps: ParsedSentence, m: re.Match) -> None:
    """The claim (or the relay) of the "according to" match ``m``."""
    toks = ps.toks
    k0 = ps.index_at(m.start())
    k1 = ps.index_at(m.end())
    span = right_np(ps, k1) or source_phrase(ps, k1)
    if span is None:
        return
    mention = ps.mention(*span)
    relay = m.group().lower().startswith(("as ", "citing"))
    # A claim already found in this sentence is relayed by this source (the last few suffice).
    for c in ps.claims[-32:]:
        if c.start <= m.start() <= c.end + 2 or relay or follows_attribution(ps, c, m.start()):
            relay_source(ps.text, c, mention, citing=m.group().lower() == "citing")
            if c.start <= m.start() < c.end:
                cut = toks[k0 - 1].start if k0 > 0 and toks[k0 - 1].text == "," else m.start()
                if cut > c.start:
                    c.end = rstrip(ps.masked, c.start, cut)
            return
    if relay and not (k0 == 0 and m.group().lower() == "as reported by"):
        return  # (opening a sentence with no claim to relay, "As reported by X, ..." is X's
        # report, as "According to X," is: rule as-reported-by)
    if k0 == 0 or toks[k0 - 1].low in _CONJUNCTIONS and (k0 == 1 or _opens_conjunct(ps, span[1] + 1)):
        # "According to X, content." ("X who spoke on condition of anonymity," included); so
        # after a conjunction that opens the sentence, "But according to X, content.", or
        # joins the writer's clause before and the source's after it: "The port grew, but
        # according to the agency, tolls fell." (rule according-after-conjunction)
        nxt = span[1] + 1
        if nxt + 1 < len(toks) and toks[nxt].text[:1].islower() and toks[nxt].text.isalpha() \
                and toks[nxt + 1].text == "," and toks[nxt].low not in T.CLAUSE_WORDS \
                and not toks[nxt].low.endswith(("ed", "ing", "ly")) and toks[span[1]].cap:
            # "According to the Russian presidency, ...": a noun the phrase reader left after a
            # capitalised adjective is the source's head (rule according-head-noun)
            span = (span[0], nxt)
            mention = ps.mention(*span)
            nxt += 1
        if nxt + 2 < len(toks) and toks[nxt].text == "(":
            # "According to the Financial Monitoring Service (FMS), ...": the short name in
            # brackets closes the source (rule according-short-name)
            close = next((x for x in range(nxt, min(len(toks), nxt + 8)) if toks[x].text == ")"), None)
            if close is not None and close + 1 < len(toks) and toks[close + 1].text == ",":
                nxt = close + 1
        comma = next((x for x in range(nxt, min(len(toks), nxt + 16)) if toks[x].text == ","), None)
        if nxt < len(toks) and toks[nxt].low in ("who", "which"):
            while nxt < len(toks) and toks[nxt].text != ",":
                nxt += 1
        elif comma is not None and not toks[nxt].cap and (
                toks[nxt].low.endswith(("ed", "ing")) or toks[nxt].low in T.PREPOSITIONS
                or toks[nxt].low in T.ADVERBS and nxt + 1 < comma and toks[nxt + 1].low.endswith("ed")):
            # "According to a document filed with the regulator, ...", "According to figures
            # also released on Tuesday, ...": still the source
            nxt = comma
        elif comma is not None and comma - nxt <= 4 and _name_goes_on(ps, nxt, comma):
            # "According to state statistics body INSEE, ...": the source runs to its name
            span = (span[0], comma - 1)
            mention = ps.mention(*span)
            nxt = comma
        if nxt < len(toks) and toks[nxt].text == ",":
            named = named_after_role(ps, span, nxt)
            if named is not None:
                # "According to the Norwegian ambassador in Berlin, Karl Olsen, ...": the name
                # set off after a role is the source (rule according-role-then-name)
                mention, nxt = named
            else:
                nxt = _past_appositive(ps, span, nxt) + 1
        if nxt < len(toks):
            ps.add((toks[nxt].start, ps.content_end()), mention, m, None, kind="according_to", rule="according-to")
        return
    if k0 > 0 and toks[k0 - 1].text == ",":
        after = span[1] + 1
        if after < len(toks) and toks[after].text == "(":
            # "..., according to the United Nations (UN).": the short name closes the source
            close = next((x for x in range(after, min(len(toks), after + 8)) if toks[x].text == ")"), None)
            after = close + 1 if close is not None else after
        if after >= len(toks) or toks[after].text in (".", "!", "?", ";") or _described_to_the_end(ps, after):
            ps.add((ps.sent.start, toks[k0 - 1].start), mention, m, None, kind="according_to", rule="according-to")
        elif k0 >= 2 and toks[k0 - 2].low in ("and", "but", "or") and _opens_conjunct(ps, after):
            # "The talks stalled and, according to diplomats, the envoys left early": the source
            # vouches for the clause after it, not the writer's clause before (a verb phrase
            # sharing the subject before "and" keeps the whole sentence: rule according-in-conjunct)
            ps.add((toks[after + 1].start, ps.content_end()), mention, m, None, kind="according_to", rule="according-to")
        else:
            start, end = ps.sent.start, ps.content_end()
            if k0 >= 3 and toks[k0 - 2].low in ("that", "which"):
                # "a trainer which, according to its maker, can sense your pace": the source
                # vouches for the relative clause and the noun it is about, not for the
                # writer's words before them (rule according-in-relative)
                # (not after a preposition: "a firm set up in a town that ..." may be
                # about the firm)
                ante = antecedent(ps, k0 - 3 - (toks[k0 - 3].text == ","))
                if ante is not None and toks[ante[0]].low not in T.DETERMINERS:
                    ante = with_determiner(ps, ante) or ante  # "A good basic PC that, ..."
                if ante is not None and (ante[0] == 0 or toks[ante[0] - 1].low not in T.PREPOSITIONS):
                    start = toks[ante[0]].start
            if _writer_goes_on(ps, after):
                # "Fees rose 4%, according to the agents, but tolls fell": a clause of the
                # writer's after the source, or one about the source ("..., according to
                # Ms Lund, who runs the port"), is no part of what it vouches for (rule
                # according-then-writer)
                end = rstrip(ps.masked, start, toks[k0 - 1].start)
            ps.add((start, end), mention, m, None, kind="according_to", rule="according-to")


def _described_to_the_end(ps: ParsedSentence, comma: int) -> bool:
    """"..., according to the Vik Institute, a Helsinki-based think tank.": what the source is,
    opening with "a"/"an" after its comma, runs to the end of the sentence with no clause of its
    own, so the content is what comes before "according to" (rule according-described-source)."""
    toks = ps.toks
    if comma + 2 >= len(toks) or toks[comma].text != "," or toks[comma + 1].low not in ("a", "an"):
        return False
    for t in toks[comma + 2 : comma + 16]:
        if t.text in (".", "!", "?"):
            return True
        if t.text in (",", ";", ":") or t.low in _CLAUSE_MARKS or t.low in T.AUXILIARIES:
            return False
    return comma + 16 >= len(toks)


# Words that open a clause inside a description: it says more than what the source is.
_CLAUSE_MARKS = T.words("that who which whose where when")


# Words after a source's comma that open a clause of the writer's, or one about the source.
_WRITER_GOES_ON = T.words("but although though whereas while yet who which")


def _writer_goes_on(ps: ParsedSentence, after: int) -> bool:
    """The source set off by commas mid-sentence, whose comma is token ``after``, is followed
    by a clause that is not its: "but ...", "although ...", "who ..." (not "and ...", which
    often goes on with the source's figures: "A paid 25%, according to X, and B paid 40%")."""
    toks = ps.toks
    return after + 2 < len(toks) and toks[after].text == "," and toks[after + 1].low in _WRITER_GOES_ON


# Conjunctions right before "according to" that leave the writer's words before them.
_CONJUNCTIONS = T.words("and but or yet")


def _opens_conjunct(ps: ParsedSentence, after: int) -> bool:
    """Token ``after``, after a source, is its comma, and a clause with a subject of its own
    follows. A verb phrase sharing the subject before "and" ("The port grew and, according to
    the agency, is now worth $3bn") is no statement without that subject: the source vouches
    for the whole sentence (rule according-in-conjunct)."""
    toks = ps.toks
    return after + 1 < len(toks) and toks[after].text == "," and _clause_follows(ps, after + 1)


def _clause_follows(ps: ParsedSentence, i: int) -> bool:
    """Tokens from ``i`` open a clause with a subject of its own: a name, a determiner or
    pronoun, or a noun or two and then an auxiliary ("contract talks are ...")."""
    toks = ps.toks
    if i >= len(toks) or toks[i].low in T.AUXILIARIES:
        return False
    if toks[i].cap or toks[i].low in T.DETERMINERS or toks[i].low in T.PRONOUNS:
        return True
    return any(t.low in T.AUXILIARIES for t in toks[i + 1 : i + 3])


def _name_goes_on(ps: ParsedSentence, a: int, b: int) -> bool:
    """Tokens ``a`` up to ``b`` (exclusive) go on naming the source: a lower-case noun or two,
    then a capitalised name ("body INSEE"; "army's Operational Command" after "the Latvian"), no
    verb or clause among them."""
    words = ps.toks[a:b]
    return bool(words) and words[-1].cap and all(
        re.sub(r"['’]s$", "", t.text).replace("-", "").isalpha() and t.low not in T.AUXILIARIES and t.low not in T.CLAUSE_WORDS
        and not t.low.endswith(("ed", "ing", "ly")) for t in words)


def source_phrase(ps: ParsedSentence, i: int) -> tuple[int, int] | None:
    """After "according to", the source runs to the comma: "a new poll by Gallup"."""
    toks = ps.toks
    j = i
    while j < len(toks) and j - i < 16 and toks[j].text not in (",", ";", ":", "(") and not ps.is_stop(j):
        if ps.quote_starting(toks[j]) or toks[j].low in ("that", "which"):
            break
        j += 1
    if j == i or not any(c.isalpha() for c in toks[j - 1].text):
        return None
    return i, j - 1


# Words that open a clause's subject of an amount: "..., Ola Berg, more than 300
# boats ...", "..., Karl Olsen, about 40 ships ...".
_AMOUNT_OPENERS = T.words("more most less fewer about around over nearly almost some many few several all both "
                          "only at up")


def _opens_statement(t: Token) -> bool:
    """Whether a statement may open with ``t`` after a name set off by commas: a capitalised
    word, a determiner, a pronoun, an amount, or a word in lower case that is no auxiliary,
    clause word, verb in -ed or cue ("..., Ana Lima, unilateral sanctions do not ..."; not
    "..., Ana Lima, is ..." or "..., Ana Lima, said ...")."""
    if t.cap or t.low in T.DETERMINERS or t.low in T.PRONOUNS or t.low in _AMOUNT_OPENERS or t.text[:1].isdigit():
        return t.low not in T.AUXILIARIES
    return t.text.isalpha() and t.low not in T.AUXILIARIES and t.low not in T.CLAUSE_WORDS \
        and t.low not in T.RELATIVES and not t.low.endswith("ed") and cue_info(t.text) is None


def named_after_role(ps: ParsedSentence, span: tuple[int, int], comma: int):
    """A person's name of two to four capitalised words set off by commas after a source that is
    a role ("the ambassador in Berlin, Karl Olsen, ..."): (the name's mention, with the role, and
    the token after its closing comma); else None."""
    toks = ps.toks
    if not any(people_head(t) for t in toks[span[0] : span[1] + 1]):
        return None
    close = next((x for x in range(comma + 1, min(len(toks), comma + 6)) if toks[x].text == ","), None)
    if close is None or close - comma - 1 < 2 or close + 1 >= len(toks) or not _opens_statement(toks[close + 1]) \
            or not all(t.cap and t.text.replace("-", "").replace(".", "").isalpha() for t in toks[comma + 1 : close]):
        return None
    later = next((x for x in range(close + 1, min(len(toks), close + 7)) if toks[x].text == ","), None)
    if later is not None and later + 1 < len(toks) and toks[later + 1].low in T.AUXILIARIES:
        return None  # "According to the envoy, Karl Olsen, a close ally, is ...": the name is the subject
    mention = ps.mention(comma + 1, close - 1)
    if mention.type != "person" or mention.pronoun:
        return None
    mention.role = mention.role or ps.text[toks[span[0]].start : toks[span[1]].end]
    return mention, close + 1


def _past_appositive(ps: ParsedSentence, span: tuple[int, int], comma: int) -> int:
    """The comma that ends what the source is ("According to Ola Berg, a senior fellow at the
    Arctic Institute, the deal ..."): an appositive of a person's role after a name, opening
    with "a"/"an" or a role word and closed by a comma; else ``comma`` itself (rule
    according-to-appositive)."""
    toks = ps.toks
    n = len(toks)
    if not toks[span[1]].cap or comma + 2 >= n:
        return comma
    first = toks[comma + 1]
    if first.cap or not (first.low in ("a", "an") or person_head(first)):
        return comma
    for x in range(comma + 2, min(n, comma + 16)):
        t = toks[x]
        if t.text == ",":
            role = toks[comma + 1 : x]
            heads = role[1:4] if first.low in ("a", "an") else role[:1]
            return x if any(person_head(h) or h.low == "fellow" for h in heads) else comma
        if ps.is_stop(x) or t.low in ("that", "who", "which") or t.low in T.AUXILIARIES:
            return comma
    return comma
