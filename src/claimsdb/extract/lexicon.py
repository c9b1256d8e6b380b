"""Word lists the extractor uses, loaded once from ``claimsdb/data``.

The lists are data so a reader can scan and extend them; this module only inflects verbs and
builds lookup tables and regular expressions from them.
"""

from __future__ import annotations

import marshal
import re
import sys
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from claimsdb.data import data_lines

from claimsdb.pattern_cache import cached_text, compile_pattern
from claimsdb.trie import _trie_regex, trie_regex


def _lines(name: str) -> list[str]:
    return data_lines(name)


def phrase_list(name: str) -> list[tuple[str, ...]]:
    """The phrases of the data file ``name``, one a line, lower-cased and split into words."""
    return [tuple(line.lower().split()) for line in _lines(name)]


def word_set(name: str) -> frozenset[str]:
    """The words of the data file ``name``, any number per line, lower-cased."""
    return frozenset(word.lower() for line in _lines(name) for word in line.split())


@cache
def document_nouns() -> frozenset[str]:
    """Nouns of documents that speak ("the statement said", "the letter reads")."""
    return word_set("document_nouns.txt")


@cache
def headline_cue_regex() -> re.Pattern[str]:
    """Cue words that make a headline ending in a full stop a headline ("..., Kallas says.")."""
    return compile_pattern(r"\b(?:" + "|".join(sorted(word_set("headline_cues.txt"))) + r")\b")


@dataclass(frozen=True, slots=True)
class CueInfo:
    """What a cue word form tells: its lemma and how it behaves."""

    lemma: str
    ambiguous: bool  # also a noun or a non-speech verb: needs a clausal complement
    listener: bool  # takes a listener object before the content ("told reporters")
    weak: bool  # belief or stance rather than speech
    form: str  # "base", "s", "ed", "ing"
    stance: bool = False  # the verb is part of what is claimed ("ruled out troops")
    # With a noun phrase or a to-infinitive after it the verb reports an act or a sighting,
    # not speech ("posted a profit", "observed a convoy", "agreed to pay"): a cue only before
    # a clause (flag "o"; claimsdb.extract.rules.nonspeech).
    clause_only: bool = False
    # Before a noun phrase with a participle ("noted 40 lorries queuing at the port") the verb
    # reports a sighting (flag "s").
    sighting: bool = False
    # Takes a clause, never a noun phrase that is what was said: a noun after it is the subject
    # of a clause whose verb may go unseen ("said the EU hoped ...", "says MPs support ...";
    # flag "c"; claimsdb.extract.rules.said, rule said-object).
    clausal: bool = False


_DOUBLE_FINAL = {"admit", "regret", "commit", "refer", "prefer", "quip", "signal", "model"}


def inflect(lemma: str, irregular: list[str]) -> dict[str, str]:
    """The forms of a regular English verb, with irregular past forms taken as given."""
    if lemma.endswith("e"):
        ing, ed = lemma[:-1] + "ing", lemma + "d"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        ing, ed = lemma + "ing", lemma[:-1] + "ied"
    elif lemma in _DOUBLE_FINAL:
        ing, ed = lemma + lemma[-1] + "ing", lemma + lemma[-1] + "ed"
    else:
        ing, ed = lemma + "ing", lemma + "ed"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        s = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        s = lemma[:-1] + "ies"
    else:
        s = lemma + "s"
    forms = {lemma: "base", s: "s", ing: "ing"}
    for past in irregular or [ed]:
        forms[past] = "ed"
    return forms


@cache
def cue_words() -> dict[str, CueInfo]:
    """Every inflected single-word cue form → its CueInfo (lower case)."""
    table: dict[str, CueInfo] = {}
    for line in _lines("cue_verbs.tsv"):
        lemma, irregular, flags = (line.split("\t") + ["-", "-"])[:3]
        irr = [] if irregular.strip() == "-" else irregular.split(",")
        for form, kind in inflect(lemma, irr).items():
            if kind == "ing" and "g" in flags:
                continue  # "reading the letter", "a statement reading": no -ing cue
            if kind != "ed" and "p" in flags:
                continue  # "countered that ...", but "would counter the groups" is no cue
            table.setdefault(
                form, CueInfo(lemma, "a" in flags, "t" in flags, "w" in flags, kind, "w" in flags,
                              clause_only="o" in flags, sighting="s" in flags, clausal="c" in flags)
            )
    return table


# Phrase cues whose verb belongs to the claim: "expressed readiness to send troops".
_STANCE_PHRASE_VERBS = frozenset({"express", "voice"})


@cache
def cue_phrases() -> dict[str, CueInfo]:
    """Every inflected multi-word cue ("pointed out", "made it clear") → its CueInfo."""
    single = cue_words()
    table: dict[str, CueInfo] = {}
    for line in _lines("cue_phrases.txt"):
        verb, rest = line.split(" ", 1)
        base = single.get(verb)
        irr = {"make": ["made"], "go": ["went", "gone"], "take": ["took", "taken"], "put": ["put"],
               "speak": ["spoke", "spoken"]}.get(verb, [])
        for form, kind in inflect(verb, irr).items():
            weak = base.weak if base else False
            stance = weak or verb in _STANCE_PHRASE_VERBS or line in ("rule out", "call for")
            info = CueInfo(line, False, False, weak, kind, stance)
            table[f"{form} {rest}"] = info
            if verb in ("express", "voice") and " " not in rest:
                # "expressed serious concern", "expresses its deep concern", "voiced their
                # support": the same stance
                for between in _STANCE_BETWEEN:
                    table[f"{form} {between} {rest}"] = info
    return table


# Words between "express"/"voice" and the stance noun: an owner, a degree, or both.
_STANCE_DEGREES = ("serious", "deep", "grave", "strong", "full", "great", "profound", "sincere", "growing")
_STANCE_OWNERS = ("its", "their", "our", "his", "her", "a", "an", "the")
_STANCE_BETWEEN = _STANCE_DEGREES + _STANCE_OWNERS + tuple(f"{o} {d}" for o in _STANCE_OWNERS for d in _STANCE_DEGREES)


@dataclass(frozen=True, slots=True)
class StanceFrame:
    """How a stance cue's object splits into target and content (data/stance_verbs.tsv)."""

    rule: str
    frame: str


@cache
def stance_frames() -> dict[str, StanceFrame]:
    """Cue lemma ("accuse", "call on") → its frame."""
    return {lemma: StanceFrame(rule, frame) for lemma, rule, frame in (ln.split("\t") for ln in _lines("stance_verbs.tsv"))}


@cache
def object_stance_rules() -> frozenset[str]:
    """Stance rules whose content is the cue's object ("rejected the plan", "welcomed X")."""
    return frozenset(f.rule for f in stance_frames().values() if f.frame in ("object", "object-for"))


@cache
def company_nouns() -> frozenset[str]:
    """Nouns that say a body is a business ("reinsurer", "brewer")."""
    return word_set("company_nouns.txt")


@cache
def outlet_nouns() -> frozenset[str]:
    """Nouns that make a listener a medium ("told state television")."""
    return word_set("outlet_nouns.txt")


@cache
def _cue_alternation() -> str:
    """Every cue form as one prefix tree, built once for the patterns below."""
    forms = sorted(set(cue_words()) | set(cue_phrases()))
    # Kept per machine by the forms themselves: trie_regex's own key needs the seven thousand
    # forms made into lists of pattern pieces first, which costs more than the look-up.
    return cached_text("cues", marshal.dumps((_ATOMS[" "], forms)), _cue_tree, forms,
                       uses=(_pattern_atoms, _trie_regex))


def _cue_tree(forms: list[str]) -> str:
    # A prefix tree, not a flat alternation: a thousand forms cost a few characters per position.
    # (the builder itself: its text is kept under the cue forms' key, not a second time under
    # trie_regex's)
    return _trie_regex([_pattern_atoms(f) for f in forms])


# Character → the piece of a pattern that matches it: itself escaped, a space any whitespace.
_ATOMS = {" ": r"\s+"}


def _pattern_atoms(form: str) -> list[str]:
    """The characters of ``form`` as pieces of a pattern (re.escape once per character met,
    not once for each of the hundred thousand characters of the cue forms)."""
    atoms = _ATOMS
    return [atoms.get(c) or atoms.setdefault(c, re.escape(c)) for c in form]


@cache
def bmp_word_class() -> str:
    """The characters of the Basic Multilingual Plane that ``\\w`` matches, as the inside of a
    character class (ranges). The engine tests a character against such a class with a table
    look-up, where ``\\w`` asks the character database: the cue scan, which tests the
    character before every word of a text, costs a quarter less. It differs from ``\\w`` only
    beyond the plane, where fold_case refuses a text.

    Kept per machine (sixty-five thousand characters tested on every start otherwise, more
    than the look-up): the class depends only on the character database, that is on the
    Python version, which is the key."""
    return cached_text("bmp-word-class", sys.version.encode(), _bmp_word_class)


def _bmp_word_class() -> str:
    plane = "".join(map(chr, range(0x10000)))  # every character, in order: a run is a range
    return "".join(re.escape(run[0]) + ("-" + re.escape(run[-1]) if len(run) > 1 else "")
                   for run in re.findall(r"\w+", plane))


def _cue_source(scan: bool = False, word: str = r"\w") -> str:
    """The cue pattern; ``word``: the inside of the class of word characters (``\\w``, or
    bmp_word_class() for the patterns run on folded text)."""
    alt = _cue_alternation()
    if scan:
        # The character before the form is matched, not looked behind at: the engine then skips
        # in one tight loop to the next character that can precede a cue (a space, a mark)
        # instead of trying the pattern at every letter. The cue is group 1.
        return rf"[^{word}'’-]({alt})(?![{word}-])"
    return rf"(?<![{word}'’-])(?:{alt})(?![{word}-])"


@cache
def cue_regex() -> re.Pattern[str]:
    """One alternation matching any cue form as whole words, longest phrases first."""
    return compile_pattern(_cue_source(), re.IGNORECASE)


@cache
def folded_cue_regex() -> re.Pattern[str] | None:
    """cue_regex() matching case, for a text lower-cased by :func:`fold_case`: it finds the same
    spans there as cue_regex() in the text, about twice as fast (ignoring case, the engine
    compares every character both ways). None if a cue form is not lower-case ASCII."""
    forms = set(cue_words()) | set(cue_phrases())
    if not all(f.isascii() and f == f.lower() for f in forms):
        return None
    return compile_pattern(_cue_source(word=bmp_word_class()))


@cache
def folded_cue_scan_regex() -> re.Pattern[str] | None:
    """folded_cue_regex() with the character before the cue matched too (the cue is group 1):
    from a position after the first of a text, ``m.span(1)`` of its matches are the spans of
    folded_cue_regex()'s (claimsdb.extract.claims.block_cues), found faster. None when
    folded_cue_regex() is None."""
    return compile_pattern(_cue_source(scan=True, word=bmp_word_class())) if folded_cue_regex() is not None else None


# Any ASCII letter ignoring case, as a literal of a pattern matches it: also "ſ" (s), "K"
# (the Kelvin sign, k), "ı" and "İ" (i).
_ASCII_LETTER = compile_pattern("|".join("abcdefghijklmnopqrstuvwxyz"), re.IGNORECASE)
# Non-ASCII character → whether lower-casing a text keeps the matches of a pattern of lower-case
# ASCII literals with it (filled as characters are met).
_FOLDS_CLEANLY: dict[str, bool] = {}


def _folds_cleanly(c: str) -> bool:
    """The non-ASCII ``c`` lower-cased matches no ASCII letter either way, stays one character
    and stays a letter if it was one ("É" → "é"), or lower-casing leaves it as it is ("’");
    and it is in the Basic Multilingual Plane, where the folded patterns' word class is
    ``\\w`` (bmp_word_class)."""
    if c > "\uffff":
        return False
    low = c.lower()
    if _ASCII_LETTER.match(c) is not None:
        return False
    return low == c or (len(low) == 1 and low > "\x7f" and c.isalpha() and low.isalpha()
                        and _ASCII_LETTER.match(low) is None)


def fold_case(text: str) -> str | None:
    """``text`` lower-cased, for :func:`folded_cue_regex`; None if some character of it would
    make that pattern find other spans there than cue_regex() in ``text``: a non-ASCII character
    that lower-casing makes two ("İ") or a non-letter, or that matches an ASCII letter ignoring
    case ("ſ", the Kelvin sign), or one beyond the Basic Multilingual Plane (an emoji, a
    mathematical letter). ASCII text, the usual marks and accented letters fold cleanly."""
    if not text.isascii():
        for c in set(text):
            if c > "\x7f":
                clean = _FOLDS_CLEANLY.get(c)
                if clean is None:
                    clean = _FOLDS_CLEANLY[c] = _folds_cleanly(c)
                if not clean:
                    return None
    return text.lower()


def plural(noun: str) -> str:
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


@cache
def title_words() -> frozenset[str]:
    words = {w.lower() for w in _lines("titles.txt")}
    return frozenset(words | {plural(w) for w in words if w.isalpha() and len(w) > 3})


@cache
def speaker_nouns() -> dict[str, str]:
    """Common nouns that head a speaker phrase → actor type (plurals included)."""
    table = dict(line.split("\t") for line in _lines("speaker_nouns.tsv"))
    for noun, kind in list(table.items()):
        table.setdefault(plural(noun), "group" if kind in ("anonymous", "person") else kind)
    return table


@cache
def media_names() -> dict[str, str]:
    """Outlet name or abbreviation (lower case) → canonical outlet name."""
    table: dict[str, str] = {}
    for line in _lines("media.tsv"):
        canonical, _, others = line.partition("\t")
        others = others.partition("\t")[0]  # the third column is the outlet's country
        for name in [canonical, *filter(None, (o.strip() for o in others.split(",")))]:
            table.setdefault(name.lower(), canonical)
            if name.lower().startswith("the "):
                table.setdefault(name[4:].lower(), canonical)
    return table


@cache
def media_countries() -> dict[str, str]:
    """Canonical outlet name → the country it is based in (the third column of media.tsv);
    outlets without one are left out."""
    table: dict[str, str] = {}
    for line in _lines("media.tsv"):
        fields = line.split("\t")
        if len(fields) > 2 and fields[2].strip():
            table[fields[0]] = fields[2].strip()
    return table


@cache
def discourse_openers() -> frozenset[tuple[str, ...]]:
    """Phrases that only link a sentence to the one before ("as a result"), as word tuples."""
    return frozenset(phrase_list("discourse_openers.txt"))


@cache
def speech_nouns() -> frozenset[str]:
    """Nouns that carry what someone said or holds ("warning", "claim"): data/speech_nouns.txt."""
    return frozenset(w.lower() for w in _lines("speech_nouns.txt"))


@cache
def speech_noun_regex() -> re.Pattern[str]:
    """A possessor, a speech noun, then "that": "Russia's warning that", "her claim that", also
    with where or to whom between noun and "that" ("his remarks at a rally on Friday that", "her
    comments to reporters that"): a phrase of at most ten words after at/in/on/to/during, with no
    punctuation; a quotation must open right after its "that" ("remarks at the rally that drew
    thousands" is a relative clause, not what was said)."""
    nouns = trie_regex([[re.escape(c) for c in n] for n in _lines("speech_nouns.txt")])
    place = r"\s+(?:at|in|on|to|during)(?:\s+[\w'’-]+){1,10}?\s+that(?=\s*[\"“])"
    # A country's adjective in place of the possessor: "Russian accusations that ...".
    adjective = r"\b(?-i:[A-Z][a-z]+)(?=\s+(?:accusations?|allegations?|claims?|charges?|assertions?)\s+that\b)"
    return compile_pattern(rf"(?:['’]s?|\b(?:his|her|their|its))\s+(?:\w+\s+)?(?:{nouns})(?:\s+that\b|{place})"
                      rf"|{adjective}\s+\w+\s+that\b", re.IGNORECASE)


@cache
def first_names() -> dict[str, str]:
    """Given names (lower case) → "he", "she" or "" when used for both."""
    # Kept per machine as one text of names and genders, keyed by the bytes of the file (an
    # edited list is read afresh): parsing its six thousand lines cost more on every start.
    raw = files("claimsdb.data").joinpath("first_names.tsv").read_bytes()
    flat = cached_text("first-names", raw, _first_names_text).split("\0")
    return dict(zip(flat[::2], flat[1::2]))


def _first_names_text() -> str:
    """The table of first_names as "name\\0gender\\0name\\0gender...", parsed from the file."""
    table: dict[str, str] = {}
    for line in _lines("first_names.tsv"):
        name, _, gender = line.partition("\t")
        table[name.strip().lower()] = {"m": "he", "f": "she"}.get(gender.strip(), "")
    return "\0".join(field for entry in table.items() for field in entry)


@cache
def headline_labels() -> frozenset[str]:
    return frozenset(w.lower() for w in _lines("headline_labels.txt"))


@cache
def furniture_phrases() -> frozenset[str]:
    return frozenset(p.lower() for p in _lines("furniture.txt"))


@cache
def list_labels() -> frozenset[str]:
    """Furniture lines that introduce other articles' headlines ("Related articles")."""
    return frozenset(p.lower() for p in _lines("list_labels.txt"))


@cache
def headline_verbs() -> dict[str, str]:
    """Headline verb forms ("slams", "hits out at", "slam") → their form, "s" or "base"."""
    table: dict[str, str] = {}
    for line in _lines("headline_verbs.txt"):
        verb, _, rest = line.partition(" ")
        for form, kind in inflect(verb, []).items():
            if kind in ("s", "base"):
                table[f"{form} {rest}".strip()] = kind
    return table


@cache
def headline_verb_regex() -> re.Pattern[str]:
    alt = trie_regex([_pattern_atoms(f) for f in headline_verbs()])
    return compile_pattern(rf"(?<![\w'’-])(?:{alt})(?![\w-])", re.IGNORECASE)


@cache
def anonymity_phrases() -> tuple[tuple[str, ...], ...]:
    """What a speaker says to stay unnamed ("not to be named", "requested anonymity")."""
    return tuple(phrase_list("anonymity_phrases.txt"))


@cache
def _anonymity_phrases_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in anonymity_phrases():
        by_first.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(phrases) for word, phrases in by_first.items()}


def asks_anonymity(toks, *starts: int) -> bool:
    """"who declined to be named", "who requested anonymity": the words from one of the
    token indexes ``starts`` are a request to stay unnamed (data/anonymity_phrases.txt). Only
    the phrases that start with the first of those words are compared: most words start none."""
    by_first = _anonymity_phrases_by_first_word()
    for start in starts:
        phrases = by_first.get(toks[start].low) if 0 <= start < len(toks) else None
        if phrases:
            words = tuple(t.low for t in toks[start : start + 8])
            if any(words[: len(p)] == p for p in phrases):
                return True
    return False
