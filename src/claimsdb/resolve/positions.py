"""resolve: the position a claim takes, as its speaker puts it: polarity and modality.

``polarity`` is "negative" when the speaker denies, rejects, rules out, opposes, condemns, or
says that the main thing of the statement is not, will not or cannot be; else "positive".
``modality`` says how committed the speaker is: "conditional", "demand", "intend",
"possible" or "assert"; when several apply the first of those in that order decides.

Both come from rules over the cue ("ruled out", "urged", "vowed") and over the content,
read up to the end of its first sentence: a negation in the main clause, words that condemn,
modal verbs, conditional openers. The word lists are data: ``position_cues.tsv``,
``position_modals.tsv`` and ``position_negation.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from claimsdb.extract.lexicon import inflect
from claimsdb.records import ClaimCandidate

# Strongest first: the one that decides what the speaker committed to.
MODALITY_ORDER = ("conditional", "demand", "intend", "possible", "assert")
_RANK = {m: n for n, m in enumerate(MODALITY_ORDER)}

_SENTENCE_END = re.compile(r"[.!?]+[\"'”’»)]*\s+(?=[\"'“‘«(]?[A-Z0-9])")
# Apostrophes made one; double quotation marks dropped, so that `is "vital` reads as `is vital`.
_NORMALISE = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "\xa0": " ",
                            '"': None, "“": None, "”": None, "«": None, "»": None, "„": None})
_OPENING = " \t\n'-–—:"
# Where the main clause of a sentence ends: a relative, contrasting or subordinate clause,
# a parenthesis or a dash.
_CLAUSE_BREAK = re.compile(
    r"[,;:(\[]|\s[-–—]\s|—|\b(?:which|who|whom|whose|while|whereas|although|though|because|since"
    r"|if|unless|when|whether)\b",
    re.IGNORECASE,
)
# A sentence that opens with a subordinate clause has its main clause after "then" or the
# first comma: "If X, we will not ...".
_SUBORDINATE_OPENER = re.compile(
    r"(?:if|when|whenever|although|though|while|as|after|before|unless|once|since|because|despite|even if)\b",
    re.IGNORECASE,
)
# "X, but Y": the statement is what comes after "but" ("many opinions, but no decisions");
# "not only X but also Y" is one positive statement.
_BUT = re.compile(r"\bbut\b(?!\s+also\b)", re.IGNORECASE)
_WORD = re.compile(r"[\w'.-]+")
# A phrase after one of these is a noun, not a modal: "a plan to", "no need to".
_DETERMINERS = frozenset("a an the this that its their his her our my your no any".split())
# "could be willing to": the possibility governs the intention.
_HEDGED = re.compile(r"\b(?:could|may|might)\s+(?:\w+\s+)?$", re.IGNORECASE)

# "would" / "will": an intention when their subject is the speaker's side ("we will", "the
# Kremlin would not", said for Russia), else a possibility ("the move would hurt") or a
# forecast, which is asserted ("prices will rise").
_FUTURE = re.compile(r"\b(would|will|'ll|won't|shall)\b(\s+(?:not|never)\b)?(\s+\w+)?", re.IGNORECASE)
_OWN_SIDE = frozenset(
    "i we he she they it country government side administration ministry leadership authorities".split()
)
_STATIVE = frozenset({"be", "have", "see", "mean", "lead", "cause", "make", "result", "become", "prove"})
# "should Ukraine sign...": a condition by inversion, not a demand.
_INVERTED_SHOULD = re.compile(r"(?<=\w)\s+should\s+(?!I\b)[A-Z]\w+(?:\s+[A-Z]\w+)*\s+[a-z]+")
# "any deployment without a mandate would be ...": the "without" phrase is the condition.
_WITHOUT_WOULD = re.compile(r"\bwithout\b[^,;.]*\bwould\b", re.IGNORECASE)
# "warned residents to stay indoors", "asked them to leave": what the listener is to do.
_LISTENER_TO = re.compile(r"^(?:[\w'.-]+\s+){1,6}?to\s+[a-z]+")
_FINITE = frozenset("is are was were has have had will would can could do does did said says that".split())
_LISTENER_CUES = ("warn", "tell", "ask", "advise", "order", "instruct", "remind", "caution", "encourage")
# First-person performatives inside a quotation: "We condemn ...", "I urge ...".
_FIRST_PERSON = re.compile(
    r"\b(?:i|we)\s+(?:\w+ly\s+|also\s+|again\s+|continue\s+to\s+|want\s+to\s+)?([a-z]+(?:\s+[a-z]+)?)", re.IGNORECASE
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
    for cue, polarity, modality in _rows("position_cues.tsv"):
        verb, _, rest = cue.partition(" ")
        effect = CueEffect(None if polarity == "-" else polarity, None if modality == "-" else modality)
        irregular = {"swear": ["swore", "sworn"], "tell": ["told"]}.get(verb, [])
        for form in inflect(verb, irregular):
            table.setdefault(f"{form} {rest}".strip(), effect)
    return table


def _phrase_pattern(phrases: list[str]) -> str:
    # Longest first, so "only if" is found rather than "if"; "n't" is glued to its verb.
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        body = re.escape(phrase).replace("\\ ", r"\s+")
        parts.append(body if phrase.startswith("n'") else r"(?<![\w-])" + body)
    return "(?:" + "|".join(parts) + r")(?![\w-])"


def _grouped(name: str) -> dict[str, re.Pattern[str]]:
    groups: dict[str, list[str]] = {}
    for phrase, group in _rows(name):
        groups.setdefault(group, []).append(phrase)
    return {group: re.compile(_phrase_pattern(p), re.IGNORECASE) for group, p in groups.items()}


@cache
def _modals() -> dict[str, re.Pattern[str]]:
    return _grouped("position_modals.tsv")


@cache
def _negation() -> dict[str, re.Pattern[str]]:
    return _grouped("position_negation.tsv")


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


def first_sentence(content: str) -> str:
    """``content`` up to the end of its first sentence, quotation marks removed."""
    content = content.translate(_NORMALISE).lstrip(_OPENING)
    match = _SENTENCE_END.search(content)
    return content[: match.start() + 1] if match else content


def main_clause(sentence: str) -> str:
    """The clause that carries a sentence's statement: after a leading subordinate clause
    ("If X, we will not"), after "but" ("X, but no decisions"), and up to the first
    relative, contrasting or parenthetical clause."""
    if _SUBORDINATE_OPENER.match(sentence):
        then = re.search(r"\bthen\b", sentence, re.IGNORECASE)
        if then:
            sentence = sentence[then.end():]
        elif "," in sentence:
            sentence = sentence.split(",", 1)[1]
    but = None
    for but in _BUT.finditer(sentence):
        pass
    if but is not None and not re.search(r"\bnot\s+only\b", sentence[: but.start()], re.IGNORECASE):
        sentence = sentence[but.end():]
    match = _CLAUSE_BREAK.search(sentence.lstrip(" ,"))
    sentence = sentence.lstrip(" ,")
    return sentence[: match.start()] if match else sentence


def is_negated(clause: str) -> bool:
    """Whether a negation governs ``clause``, litotes ("no doubt", "not only") excepted."""
    negation = _negation()
    return negation["negator"].search(negation["litotes"].sub(" ", clause)) is not None


def _found(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` occurs in ``text`` other than as a noun ("a plan to", "no need")
    or under a hedge ("could be willing to")."""
    for match in pattern.finditer(text):
        before = text[: match.start()]
        previous = before.split()[-1:]
        if previous and previous[0].lower() in _DETERMINERS:
            continue
        if pattern is _modals().get("intend") and _HEDGED.search(before):
            continue
        return True
    return False


def modality_of(sentence: str, *, own_side=lambda subject: False) -> str:
    """The modality the words of ``sentence`` express. ``own_side(subject)`` tells whether a
    subject (the words before "will" / "would") is the speaker or those they speak for."""
    modals = _modals()
    clause = main_clause(sentence)
    found = set()
    if _conditional(sentence):
        found.add("conditional")
    if _found(modals["demand"], sentence):
        found.add("demand")
    found |= _future(clause, own_side)
    if _found(modals["intend"], _FUTURE.sub(" ", clause)):
        found.add("intend")
    if _found(modals["possible"], clause):
        found.add("possible")
    return min(found, key=_RANK.__getitem__) if found else "assert"


def _conditional(sentence: str) -> bool:
    if _INVERTED_SHOULD.search(sentence) or _WITHOUT_WOULD.search(sentence):
        return True
    for match in _modals()["conditional"].finditer(sentence):
        if match.group(0).lower() == "if":
            # "as if" compares, "even if" concedes, "ask if" asks whether.
            previous = sentence[: match.start()].lower().split()[-1:]
            if previous and previous[0] in ("as", "even", "ask", "asked", "asking", "know", "see", "wonder"):
                continue
        return True
    return False


def _future(clause: str, own_side) -> set[str]:
    found = set()
    for match in _FUTURE.finditer(clause):
        negated, following = match.group(2), (match.group(3) or "").strip().lower()
        subject = clause[: match.start()]
        if own_side(subject):
            found.add("intend")
        elif match.group(1).lower() == "would" and (following in _STATIVE or not negated):
            found.add("possible")
    return found


def _own_side_test(claim: ClaimCandidate, text: str):
    """A test of whether a subject means the speaker or those they speak for: a pronoun, "the
    government", a word of the speaker's name, or the speaker's country ("Moscow" for RU)."""
    mention = text[claim.speaker_start : claim.speaker_end]
    names = {w.lower().strip(".") for w in _WORD.findall(f"{claim.speaker.name} {mention}") if w[:1].isupper()}
    country = claim.speaker.country

    def own_side(subject: str) -> bool:
        words = [w.lower().strip(".") for w in _WORD.findall(subject)][-5:]
        if not words or any(w in _OWN_SIDE or w in names for w in words):
            return True
        if country:
            from claimsdb.resolve.countries import find_countries

            return any(m.code == country for m in find_countries(" ".join(subject.split()[-5:])))
        return False

    return own_side


def classify(text: str, claim: ClaimCandidate) -> Position:
    """The polarity and modality of ``claim``, found in ``text`` (its document's text)."""
    sentence = first_sentence(text[claim.text_start : claim.text_end])
    effects = [cue_effect(claim.cue)]
    # What a speaker does in their own words: "We condemn ...", "I urge ...".
    if claim.kind in ("direct", "mixed"):
        effects.extend(cue_effect(m.group(1)) for m in _FIRST_PERSON.finditer(sentence))
    effects = [e for e in effects if e is not None]

    modalities = {e.modality for e in effects if e.modality}
    if _cue_lemma(claim.cue) in _LISTENER_CUES and _listener_infinitive(sentence):
        modalities.add("demand")
    modalities.add(modality_of(sentence, own_side=_own_side_test(claim, text)))
    modality = min(modalities, key=_RANK.__getitem__)

    clause = main_clause(sentence)
    negative = (
        any(e.polarity == "negative" for e in effects)
        or is_negated(clause)
        or _reports_denial(clause)
    )
    # Words that condemn decide unless the speaker calls for or promises something: "urged an
    # inquiry into the crimes" takes a stand for the inquiry.
    if not negative and modality not in ("demand", "intend"):
        negative = _negation()["opposed"].search(sentence) is not None
    return Position("negative" if negative else "positive", modality)


def _reports_denial(clause: str) -> bool:
    """Whether the main verb of ``clause`` denied, rejected, condemned...: "Norway ruled out
    troops" said by a ministry takes Norway's negative position. Only past forms count: the
    others are nouns too ("fears", "protests") or not the predicate ("in refusing to")."""
    words = clause.lower().split()
    denials = _past_denials()
    for n in range(len(words)):
        if n and words[n - 1] in _DETERMINERS:
            continue
        if " ".join(words[n : n + 2]) in denials or words[n] in denials:
            return True
    return False


@cache
def _past_denials() -> frozenset[str]:
    forms = set()
    for cue, polarity, _ in _rows("position_cues.tsv"):
        if polarity == "negative":
            verb, _, rest = cue.partition(" ")
            forms.update(f"{form} {rest}".strip() for form, kind in inflect(verb, []).items() if kind == "ed")
    return frozenset(forms)


@cache
def _listener_forms() -> dict[str, str]:
    return {
        form: lemma for lemma in _LISTENER_CUES for form in inflect(lemma, ["told"] if lemma == "tell" else [])
    }


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
