"""resolve: the position a claim takes, as its speaker puts it: polarity and modality.

``polarity`` is "negative" when the speaker denies, rejects, rules out, opposes, condemns, or
says that the main thing of the statement is not, will not or cannot be; else "positive".
``modality`` says how committed the speaker is: "conditional", "demand", "intend",
"possible" or "assert"; when several apply the first of those in that order decides.

Both come from rules over the cue ("ruled out", "urged", "vowed") and over the content,
read up to the end of its first sentence: a negation in the main clause, words that condemn,
accusations in the main clause, regret of the speaker's side, modal verbs, conditional
openers; and over the construction where its cue word says less ("warned X against"
opposes). Intentions and demands count as the speaker's when their subject is the speaker's
side; someone else's are facts the speaker reports. The word lists are data: ``position_cues.tsv``,
``position_rules.tsv``, ``position_modals.tsv`` and ``position_negation.tsv``.
"""

from __future__ import annotations

import marshal
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from claimsdb.extract.lexicon import inflect
from claimsdb.records import ClaimCandidate
from claimsdb.pattern_cache import cached_text, compile_pattern
from claimsdb.trie import _trie_regex

# Strongest first: the one that decides what the speaker committed to.
MODALITY_ORDER = ("conditional", "demand", "intend", "possible", "assert")
_RANK = {m: n for n, m in enumerate(MODALITY_ORDER)}

# (Its first mark stands alone, [.!?][.!?]* rather than [.!?]+: a pattern that opens with one
# character class lets the engine skip to the marks instead of trying it at every character.)
_SENTENCE_END = compile_pattern(r"[.!?][.!?]*[\"'”’»)]*\s+(?=[\"'“‘«(]?[A-Z0-9])")
# Apostrophes made one; double quotation marks dropped, so that `is "vital` reads as `is vital`.
_NORMALISE = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "\xa0": " ",
                            '"': None, "“": None, "”": None, "«": None, "»": None, "„": None})
_OPENING = " \t\n'-–—:"
# Where the main clause of a sentence ends: a relative, contrasting or subordinate clause,
# a parenthesis or a dash.
_CLAUSE_BREAK = compile_pattern(
    r"[,;:(\[]|\s[-–—]\s|—|\b(?:which|who|whom|whose|while|whereas|although|though|because|since"
    r"|if|unless|when|whether)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK_LOWER = compile_pattern(_CLAUSE_BREAK.pattern)
# A sentence that opens with a subordinate clause has its main clause after "then" or the
# first comma: "If X, we will not ...".
_SUBORDINATE_OPENER = compile_pattern(
    r"(?:if|when|whenever|although|though|while|as|after|before|unless|once|since|because|despite|even if)\b",
    re.IGNORECASE,
)
# "X, but Y": the statement is what comes after "but" ("many opinions, but no decisions");
# "not only X but also Y" is one positive statement.
_BUT = compile_pattern(r"\bbut\b(?!\s+also\b)", re.IGNORECASE)
_NOT_ONLY = compile_pattern(r"\bnot\s+only\b", re.IGNORECASE)
_THEN = compile_pattern(r"\bthen\b", re.IGNORECASE)
_WORD = compile_pattern(r"[\w'.-]+")
_PASSIVE = frozenset("be been being is are was were".split())
# A phrase after one of these is a noun, not a modal: "a plan to", "no need to".
_DETERMINERS = frozenset("a an the this that its their his her our my your no any".split())
# "could be willing to": the possibility governs the intention.
_HEDGED = compile_pattern(r"\b(?:could|may|might)\s+(?:\w+\s+)?$", re.IGNORECASE)

# "would" / "will": an intention when their subject is the speaker's side ("we will", "the
# Kremlin would not", said for Russia), else a possibility ("the move would hurt") or a
# forecast, which is asserted ("prices will rise").
_FUTURE_WORDS = frozenset({"would", "will", "'ll", "won't", "shall"})
_FUTURE = compile_pattern(r"\b(would|will|'ll|won't|shall)\b(\s+(?:not|never)\b)?(\s+\w+)?", re.IGNORECASE)
_OWN_SIDE = frozenset(
    "i we he she they it country government side administration ministry leadership authorities"
    # Bodies a spokesperson speaks for: "the city is ready to host", said by its mayor.
    " city council company firm party union team club alliance coalition bloc".split()
)
# Verbs that report someone else's words inside a statement: "protesters said they will".
_REPORTED_BY = frozenset("said answered replied told say says claimed".split())
_STATIVE = frozenset({"be", "have", "see", "mean", "lead", "cause", "make", "result", "become", "prove"})
# "should Ukraine sign...": a condition by inversion, not a demand.
_INVERTED_SHOULD = compile_pattern(r"(?<=\w)\s+should\s+(?!I\b)[A-Z]\w+(?:\s+[A-Z]\w+)*\s+[a-z]+")
# "Should there be an escalation, we are ready ...", "Until the threat is gone, the mines will
# ...": a sentence that opens with a condition (a question "Should we ...?" is none).
_OPENING_CONDITION = compile_pattern(
    r"^(?:Should\s+(?:there|it|we|they|he|she|the|any|this|that|[A-Z]\w*)\b|Until(?:\s+[^\s,]+){3})[^?]*?,[^?]*$"
)
# "any deployment without a mandate would be ...": the "without" phrase is the condition.
_WITHOUT_WOULD = compile_pattern(r"\bwithout\b[^,;.]*\bwould\b", re.IGNORECASE)
# "warned residents to stay indoors", "asked them to leave": what the listener is to do.
_LISTENER_TO = compile_pattern(r"^(?:[\w'.-]+\s+){1,6}?to\s+[a-z]+")
_FINITE = frozenset("is are was were has have had will would can could do does did said says that".split())
_LISTENER_CUES = ("warn", "tell", "ask", "advise", "order", "instruct", "remind", "caution", "encourage")
# First-person performatives inside a quotation: "We condemn ...", "I urge ...".
_FIRST_PERSON = compile_pattern(
    r"\b(?:i|we)\s+(?:\w+ly\s+|also\s+|again\s+|continue\s+to\s+|want\s+to\s+)?([a-z]+(?:\s+[a-z]+)?)", re.IGNORECASE
)
# The same for lowered ASCII text, opening with its first letters ("i", "we") and the word's
# start looked for behind them: the engine skips to those letters instead of trying the
# pattern at every character. (Ignoring case in ASCII text is matching it lowered: no ASCII
# letter folds to another character, and lowering keeps every offset.)
_FIRST_PERSON_LOWER = compile_pattern(
    r"(?:i(?<!\wi)|we(?<!\wwe))\s+(?:\w+ly\s+|also\s+|again\s+|continue\s+to\s+|want\s+to\s+)?([a-z]+(?:\s+[a-z]+)?)"
)


@dataclass(frozen=True, slots=True)
class Position:
    """What a claim says about its speaker's stance."""

    polarity: str = "positive"
    modality: str = "assert"


@dataclass(frozen=True, slots=True)
class CueEffect:
    """What a cue tells: ``polarity`` "negative" or None, ``modality`` or None."""

    polarity: str | None
    modality: str | None


def _rows(name: str) -> list[list[str]]:
    text = files("claimsdb.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def _cue_effects() -> dict[str, CueEffect]:
    """Every inflected form of a position cue ("ruled out", "urging") → its effect."""
    table: dict[str, CueEffect] = {}
    for cue, polarity, modality, *_ in _rows("position_cues.tsv"):
        verb, _, rest = cue.partition(" ")
        effect = CueEffect(None if polarity == "-" else polarity, None if modality == "-" else modality)
        irregular = {"swear": ["swore", "sworn"], "tell": ["told"]}.get(verb, [])
        for form in inflect(verb, irregular):
            table.setdefault(f"{form} {rest}".strip(), effect)
    return table


@cache
def _rule_effects() -> dict[str, CueEffect]:
    """Construction name ("warn-against") → its effect, for rules whose cue word says less."""
    return {
        rule: CueEffect(None if polarity == "-" else polarity, None if modality == "-" else modality)
        for rule, polarity, modality in _rows("position_rules.tsv")
    }


def _phrase_pattern(phrases: list[str]) -> str:
    # A prefix tree, not a flat alternation: tried at every position of every claim, a flat
    # list of a hundred phrases costs as much as the whole extraction. "n't" is glued to its
    # verb, so it needs no word boundary before it.
    # (the builder itself, as _lexicon keeps its text under the phrases' key: not a second time
    # under trie_regex's)
    def tree(items: list[str]) -> str:
        return _trie_regex([[r"\s+" if c == " " else re.escape(c) for c in p] for p in items])

    # A phrase ending in "-" is glued to the word after it: "only post-" in "only post-war".
    glued = [p for p in phrases if p.startswith("n'") and not p.endswith("-")]
    free = [p for p in phrases if not p.startswith("n'") and not p.endswith("-")]
    prefixes = [p for p in phrases if p.endswith("-")]
    # The phrases that start a word share one test of the character before them: most
    # positions are inside a word, where that one test ends the attempt.
    starting = [rf"(?:{tree(prefixes)})(?=\w)"] if prefixes else []
    if free:
        starting.append(rf"(?:{tree(free)})(?![\w-])")
    parts = [rf"(?<![\w-])(?:{'|'.join(starting)})"] if starting else []
    if glued:
        parts.append(rf"(?:{tree(glued)})(?![\w-])")
    return "(?:" + "|".join(parts) + ")"


@cache
def _lexicon() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """One pattern for every phrase of the position word lists, and phrase → its groups
    (negator, litotes, opposed, conditional, demand, intend, possible, and "denied" for the
    past forms of the negative cues). A sentence is scanned once: a search per group costs
    as much as the whole extraction."""
    groups: dict[str, set[str]] = {}
    for phrase, group in _rows("position_modals.tsv") + _rows("position_negation.tsv"):
        groups.setdefault(phrase.lower(), set()).add(group)
    for cue, polarity, _, *scope in _rows("position_cues.tsv"):
        # "blasted a bridge", "the alleged plot": some cue verbs say something else in the
        # content, and only as a cue do they take a stand.
        if polarity == "negative" and scope != ["cue-only"]:
            verb, _, rest = cue.partition(" ")
            for form, kind in inflect(verb, []).items():
                if kind == "ed":
                    groups.setdefault(f"{form} {rest}".strip(), set()).add("denied")
    # Kept per machine by the phrases themselves: trie_regex's own keys need every phrase made
    # into escaped characters first, which costs more than the look-up. (The text does not
    # depend on the phrases' order: each prefix tree sorts its forms.)
    source = cached_text("positions", marshal.dumps(sorted(groups)), _phrase_pattern, list(groups),
                         uses=(_trie_regex,))
    pattern = compile_pattern(source, re.IGNORECASE)
    return pattern, {phrase: frozenset(g) for phrase, g in groups.items()}


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    phrase: str
    groups: frozenset[str]


@cache
def _lowercase_pattern() -> re.Pattern[str] | None:
    """The lexicon's pattern matching case-sensitively, for text already in lower case; None
    when a phrase is not plain lower-case ASCII (then only the pattern that ignores case is
    sure to find the same)."""
    pattern, groups = _lexicon()
    if not all(phrase.isascii() and phrase == phrase.lower() for phrase in groups):
        return None
    return compile_pattern(pattern.pattern)


# A match as found (spacing and case as written) → its phrase and groups: most matches are
# the same few words, met again and again.
_MATCHED: dict[str, tuple[str, frozenset[str]]] = {}


def _hits(sentence: str) -> list[_Hit]:
    pattern, groups = _lexicon()
    text = sentence
    # Ignoring case costs the scan twice as much; lowering ASCII text keeps every offset.
    if sentence.isascii() and _lowercase_pattern() is not None:
        pattern, text = _lowercase_pattern(), sentence.lower()
    hits = []
    for match in pattern.finditer(text):
        found = match.group()
        known = _MATCHED.get(found)
        if known is None:
            phrase = " ".join(found.lower().split())
            known = (phrase, groups[phrase])
            if len(_MATCHED) < 10_000:
                _MATCHED[found] = known
        hits.append(_Hit(match.start(), match.end(), *known))
    return hits


# Cached: a pure function of the cue, and most cues are the same few words ("said", "we will").
@lru_cache(maxsize=4096)
def cue_effect(cue: str | None) -> CueEffect | None:
    """The effect of a cue as the extractor found it ("ruled out", "Called on"), if any."""
    if not cue:
        return None
    words = cue.lower().translate(_NORMALISE).split()
    table = _cue_effects()
    # The longest known phrase from the start: "expressed concern over" → "expressed concern".
    for n in range(min(len(words), 3), 0, -1):
        effect = table.get(" ".join(words[:n]))
        if effect is not None:
            return effect
    return None


# Characters of a claim read at most: a first sentence longer than this is a run-on paragraph
# whose position is set at its start.
MAX_CHARS = 400


def _normalise(text: str) -> str:
    """``text.translate(_NORMALISE)``. In ASCII text only two of its characters can occur, and
    two replacements cost a tenth of a translation, which looks up every character."""
    if text.isascii():
        return text.replace('"', "").replace("`", "'")
    return text.translate(_NORMALISE)


def first_sentence(content: str) -> str:
    """``content`` up to the end of its first sentence, quotation marks removed."""
    content = _normalise(content[: MAX_CHARS + 20]).lstrip(_OPENING)[:MAX_CHARS]
    match = _SENTENCE_END.search(content)
    return content[: match.start() + 1] if match else content


def main_clause_span(sentence: str) -> tuple[int, int]:
    """Where the clause that carries a sentence's statement starts and ends: after a leading
    subordinate clause ("If X, we will not"), after "but" ("X, but no decisions"), up to the
    first relative, contrasting or parenthetical clause."""
    start = 0
    if _SUBORDINATE_OPENER.match(sentence):
        then = _THEN.search(sentence)
        comma = sentence.find(",")
        start = then.end() if then else comma + 1 if comma != -1 else 0
    lowered = sentence.lower()
    last_but = None
    # Most sentences have no "but": a substring test is a tenth of a scan for the word.
    if "but" in lowered:
        for last_but in _BUT.finditer(sentence, start):
            pass
    if last_but is not None and not _NOT_ONLY.search(sentence, start, last_but.start()):
        start = last_but.end()
    while start < len(sentence) and sentence[start] in " ,":
        start += 1
    # As in _hits: lowered ASCII text keeps every offset and needs no case-blind scan.
    end = (_CLAUSE_BREAK_LOWER.search(lowered, start) if sentence.isascii()
           else _CLAUSE_BREAK.search(sentence, start))
    return start, end.start() if end else len(sentence)


# Where the clause whose modal verbs count ends, inside the main clause: before a "that"
# clause ("has shown that it can act" asserts, "we can prove that X will" is possible) but
# not after a word that itself weighs what follows ("it is likely that X would") or that
# hands the statement on ("we have indicated that we will").
_MODAL_CLAUSE_END = compile_pattern(r"\bthat\b", re.IGNORECASE)
_WEIGHING = frozenset(
    "likely unlikely possible impossible possibility probable probably certain uncertain expected "
    "risk chance chances danger fear fears hope hopes doubt "
    "said say says indicated announced confirmed stated stressed insisted added decided agreed "
    "promised pledged clear told".split()
)


def _modal_clause(sentence: str, clause: tuple[int, int]) -> tuple[int, int]:
    for end in _MODAL_CLAUSE_END.finditer(sentence, clause[0], clause[1]):
        before = sentence[clause[0] : end.start()].split()
        # A clause of one word ("clearly that ...") is no clause: its verb is outside.
        if len(before) >= 2 and before[-1].lower().strip(",") not in _WEIGHING:
            return clause[0], end.start()
        break
    return clause


def main_clause(sentence: str) -> str:
    """The text of :func:`main_clause_span`."""
    start, end = main_clause_span(sentence)
    return sentence[start:end]


def _after_determiner(sentence: str, hit: _Hit) -> bool:
    # "a plan to", "no need to": the phrase is a noun, not a modal or a verb.
    previous = sentence[max(0, hit.start - 8) : hit.start].split()[-1:]
    return bool(previous) and previous[0].lower() in _DETERMINERS


def _modalities(
    sentence: str, hits: list[_Hit], clause: tuple[int, int], own_side, rejecting: bool = False
) -> set[str]:
    """The modalities the words of ``sentence`` express. Conditions and demands count
    anywhere in it; intentions and possibilities in its main clause only ("no troops who
    could be sent" asserts)."""
    found = set()
    lowered = sentence.lower()
    if ("should" in lowered and _INVERTED_SHOULD.search(sentence)) or _OPENING_CONDITION.match(sentence) or (
        "without" in lowered and _WITHOUT_WOULD.search(sentence)
    ):
        found.add("conditional")
    for hit in hits:
        in_clause = clause[0] <= hit.start and hit.end <= clause[1]
        if "conditional" in hit.groups:
            if not (hit.phrase == "if" and _not_a_condition(lowered, hit)):
                found.add("conditional")
        elif "demand-verb" in hit.groups:
            # "rejected calls for a tax": the calls are what the cue rejects.
            if rejecting and not sentence[: hit.start].strip():
                continue
            # "an election called on 5 May" is a passive, no call.
            previous = sentence[max(0, hit.start - 8) : hit.start].split()[-1:]
            if previous and (previous[0].lower() in _PASSIVE or previous[0].endswith(("'s", "s'"))):
                continue
            if _after_determiner(sentence, hit):
                continue
            if own_side(sentence[clause[0] : hit.start] if in_clause else sentence[:hit.start]):
                found.add("demand")
        elif "demand" in hit.groups or "demand-noun" in hit.groups:
            # "the importance of": a noun that demands; "the demands" (a noun) asks nothing.
            if "demand-noun" in hit.groups or not _after_determiner(sentence, hit):
                found.add("demand")
        elif not in_clause:
            continue
        elif hit.phrase in _FUTURE_WORDS:
            found |= _future(sentence, hit, clause[0], own_side)
        elif "intend" in hit.groups:
            # Someone else's plan is a fact the speaker reports: "the rebels want to seize it".
            if not _after_determiner(sentence, hit) and own_side(sentence[clause[0] : hit.start]):
                # "could be willing to": the possibility governs the intention.
                found.add("possible" if _HEDGED.search(sentence[max(0, hit.start - 30) : hit.start]) else "intend")
        elif "possible" in hit.groups and not _after_determiner(sentence, hit):
            found.add("possible")
    return found


def _not_a_condition(lowered: str, hit: _Hit) -> bool:
    # "as if" compares, "even if" concedes, "ask if" asks whether.
    previous = lowered[max(0, hit.start - 10) : hit.start].split()[-1:]
    return bool(previous) and previous[0] in ("as", "even", "ask", "asked", "asking", "know", "see", "wonder")


def _future(sentence: str, hit: _Hit, clause_start: int, own_side) -> set[str]:
    """"will" / "would": an intention when the subject is the speaker's side, else "would"
    says what is possible; a forecast about others ("prices will rise") is asserted."""
    match = _FUTURE.match(sentence, hit.start)
    negated, following = match.group(2), (match.group(3) or "").strip().lower()
    if own_side(sentence[clause_start : hit.start]):
        return {"intend"}
    if hit.phrase == "would" and (following in _STATIVE or not negated):
        return {"possible"}
    return set()


def _own_side_test(claim: ClaimCandidate, text: str):
    """A test of whether a subject means the speaker or those they speak for: a pronoun, "the
    government", a word of the speaker's name, or the speaker's country ("Moscow" for RU)."""

    def own_side(subject: str) -> bool:
        # "I'm", "we're": the pronoun before the apostrophe.
        words = [w.lower().strip(".").split("'")[0] for w in _WORD.findall(subject)][-5:]
        # "most voters said they will ...": the pronoun is the voters', reported by the speaker.
        reported = [n for n, w in enumerate(words) if w in _REPORTED_BY]
        if reported and reported[-1] < len(words) - 1:
            return own_side(" ".join(_WORD.findall(subject)[: -(len(words) - reported[-1])]))
        if not words or any(w in _OWN_SIDE for w in words):
            return True
        mention = text[claim.speaker_start : claim.speaker_end]
        # "The leader of the party": a capital that opens a mention names nobody.
        names = {w.lower().strip(".") for w in _WORD.findall(f"{claim.speaker.name} {mention}") if w[:1].isupper()}
        names -= _DETERMINERS
        if any(w in names for w in words):
            return True
        if claim.speaker.country:
            from claimsdb.resolve.countries import find_countries

            return any(m.code == claim.speaker.country for m in find_countries(" ".join(subject.split()[-5:])))
        return False

    return own_side


def classify(text: str, claim: ClaimCandidate) -> Position:
    """The polarity and modality of ``claim``, found in ``text`` (its document's text)."""
    sentence = first_sentence(text[claim.text_start : claim.text_end])
    effects = [cue_effect(claim.cue), _rule_effects().get(claim.rule or "")]
    # What a speaker rejects is not what they ask for.
    rejecting = any(e is not None and e.polarity == "negative" for e in effects)
    # What a speaker does in their own words: "We condemn ...", "I urge ...".
    if claim.kind in ("direct", "mixed"):
        # (cue_effect reads its cue lowered: the lowered words have the same effect.)
        firsts = (_FIRST_PERSON_LOWER.finditer(sentence.lower()) if sentence.isascii()
                  else _FIRST_PERSON.finditer(sentence))
        effects.extend(cue_effect(m.group(1)) for m in firsts)
    effects = [e for e in effects if e is not None]
    hits = _hits(sentence)
    clause = main_clause_span(sentence)

    modalities = {e.modality for e in effects if e.modality}
    # Only reported speech has the listener first: a quotation's "I'm happy to see" has none.
    if claim.kind != "direct" and _cue_lemma(claim.cue) in _LISTENER_CUES and _listener_infinitive(sentence):
        modalities.add("demand")
    own_side = _own_side_test(claim, text)
    modalities |= _modalities(sentence, hits, _modal_clause(sentence, clause), own_side, rejecting)
    modality = min(modalities, key=_RANK.__getitem__) if modalities else "assert"

    in_clause = [h for h in hits if clause[0] <= h.start and h.end <= clause[1]]
    negative = (
        any(e.polarity == "negative" for e in effects)
        or any("negator" in h.groups for h in in_clause)
        # A denial reported in the content: "the ministry said Norway ruled out troops". Only
        # past forms: the others are nouns too ("fears", "protests").
        or any("denied" in h.groups and not _after_determiner(sentence, h) for h in in_clause)
    )
    # Words that condemn decide unless the speaker calls for or promises something: "urged an
    # inquiry into the crimes" takes a stand for the inquiry. An accusation counts in the main
    # clause only: "came because people were killed by X" gives a reason, it accuses no one.
    # Regret and concern count when they are the speaker's side's: "voters are worried", said
    # by a rival, reports a fact.
    # Calling something a wrong decides whatever else is said: "would regard the move as a
    # provocation", "will treat it as illegal".
    negative = negative or any("opposed" in h.groups and _AS_BEFORE.search(sentence, 0, h.start) for h in hits)
    if not negative and modality not in ("demand", "intend"):
        negative = (
            any("opposed" in h.groups for h in hits)
            or any("accusing" in h.groups for h in in_clause)
            or any("regretting" in h.groups and _regret_of(sentence, h, own_side) for h in hits)
        )
    return Position("negative" if negative else "positive", modality)


# "as a" / "as an" / "as" right before a word: what the speaker calls something.
_AS_BEFORE = compile_pattern(r"\bas\s+(?:an?\s+|the\s+)?(?:\w+\s+)?$", re.IGNORECASE)
_REASON = compile_pattern(r"\b(?:because|since|although|though|if|when|whether)\b", re.IGNORECASE)


def _regret_of(sentence: str, hit: _Hit, own_side) -> bool:
    """Whether a word of regret or concern is the speaker's side's: "we are all disappointed",
    not "parents are worried", "the voter concerned" or "as far as I'm concerned"."""
    before = sentence[max(0, hit.start - 60) : hit.start]
    if _after_determiner(sentence, hit) or "as far as" in before.lower():
        return False
    # "filed because it feared ...": the regret gives a reason, the statement is elsewhere
    # ("If it fails, we are concerned" states it after the comma).
    if _REASON.search(sentence, sentence.rfind(",", 0, hit.start) + 1, hit.start):
        return False
    # Its subject is in the last words before it: "Obviously, we are all disappointed".
    return own_side(re.split(r"\b(?:but|that|because)\b", before)[-1])


@cache
def _listener_forms() -> dict[str, str]:
    return {
        form: lemma for lemma in _LISTENER_CUES for form in inflect(lemma, ["told"] if lemma == "tell" else [])
    }


# Cached as cue_effect is: a pure function of the cue.
@lru_cache(maxsize=4096)
def _cue_lemma(cue: str | None) -> str | None:
    words = cue.lower().split() if cue else []
    return _listener_forms().get(words[0]) if words else None


def _listener_infinitive(sentence: str) -> bool:
    match = _LISTENER_TO.match(sentence)
    return bool(match) and not any(w in _FINITE for w in sentence[: match.end()].lower().split()[:-2])


def position_claims(text: str, claims: list[ClaimCandidate]) -> None:
    """Set ``polarity`` and ``modality`` on each of ``claims`` (found in ``text``)."""
    for claim in claims:
        position = classify(text, claim)
        claim.polarity, claim.modality = position.polarity, position.modality
