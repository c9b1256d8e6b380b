"""How likely a found claim is right, from how it was found and what surrounds it.

Each claim is described by binary features: its rule (that-clause, inverted order,
"according to", quotation continued ...: each rule by name, and the group of rules it belongs
to, see ``_PATTERNS``), whether a role-noun speaker ("the minister") was tied to a name or left
unnamed, what kind of speaker phrase it has (a name, a resolved
or unresolved pronoun, a relative pronoun, a common noun), its cue (speech, belief/stance,
ambiguous), the length of its content, the type of its speaker, how far the speaker is from the
cue, whether the content holds a quotation; and, from its article, whether it sits inside
another claim's content or holds another claim's cue (nested attributions are where speakers
go wrong; and for a claim inside another's content, whether its attribution opens that content,
"A said that B described ...", B's words reported through A, or stands further in, "the vote,
which B promised ..."), how much of its sentence the content covers, whether the speaker phrase follows a
preposition ("a source speaking to Fox News said"), whether a one-word name never appears in a
longer name, and whether a bare complement has no verb ("asked for the meeting"). How the
speaker was found: named in the claim's own sentence, or taken from an antecedent (how many
sentences back its name was last written, how many other names stand just before the pronoun
or role noun), or left unnamed where the article names people just before; and whether the
content is a quotation, holds one or is reported speech. What surrounds the speaker phrase:
the word before it (a sentence start, a quotation, "what", "than", "when" ...), the words
between it and its cue ("did not say", "would say", "have said"), the cue verb and its form,
the phrase's first word, length and edges, whether the speaker stands before, after or inside
the content and how many paragraphs part them, whether the claim before it has the same
speaker, how many other cues its sentence holds, how often the speaker's name is written in
the article, and whether the content's line ends without a sentence mark (a title, a caption).
Whether the claim reads as speech or as a report of what was seen: the cue's sense (a verb of
perception or record such as "observed", "noted", "concluded"), whether the content speaks in the
first or second person, how many figures it holds, whether the speaker is someone the article's
other speakers speak to (a monitoring team, a reporter: "told the mission that"), and how many of
the times its name is written it makes a claim. How the speaker was reached: another cue just
before the speaker phrase ("said that the ministers ..."), the paragraphs between an antecedent and
the pronoun or role noun that took its name, whether the phrase's number agrees with the type of
the speaker it was tied to, a speaker outside the claim's sentence by rule and for a quotation.
A logistic model over these features, fitted on annotated news text, gives the probability
that the claim's speaker and content are right; its weights live in
``data/confidence_weights.tsv``, read here without any fitting library (refit with
``benchmarks/calibrate_confidence.py``, one command in BENCHMARKS.md). A feature the file gives
no weight weighs nothing.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice, repeat
from functools import cache, lru_cache
from importlib.resources import files

from claimsdb.extract import tokens as T
from claimsdb.extract import lexicon
from claimsdb.extract.lexicon import object_stance_rules
from claimsdb.extract.speakers import Mention
from claimsdb.pattern_cache import compile_pattern
from claimsdb.records import ClaimCandidate

# Capitalised words standing next to another one: words that take part in longer names.
_CAP_RUN = compile_pattern(r"[A-Z][\w'’.-]*(?:[ \t]+(?:of |de |the )?[A-Z][\w'’.-]*)+")
_WORD = compile_pattern(r"[A-Za-z]+(?:['’][a-z]+)?")
# The words of _WORD that start with a capital. (The capital comes first and the letter
# before it is looked for behind it, so the engine can skip to the capitals.)
_CAP_WORD = compile_pattern(r"[A-Z](?<![A-Za-z][A-Z])[A-Za-z]*(?:['’][a-z]+)?")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Finite verbs that show a bare complement is a clause ("said he would go"), not an object.
_FINITE = T.words("is are was were am has have had will would can could should may might must shall "
                  "do does did won't can't isn't wasn't aren't weren't don't doesn't didn't hasn't "
                  "haven't wouldn't couldn't shouldn't")
# Rules named after the weights were fitted, weighed under the name that found their claims
# then: said-object's claims were said-clause's, shared-object's shared-subject's.
_FITTED_AS = {"said-object": "said-clause", "shared-object": "shared-subject", "said-infinitive": "said-clause",
              "shared-infinitive": "shared-subject"}
# The model's name for each rule: its weights were fitted when several rules shared one name
# (the inverted-order rules, the shared-subject rules, the dangling attributions).
_PATTERNS = {
    "said-that": "that",
    "said-clause": "complement",
    "said-object": "complement",
    "said-infinitive": "complement",
    "stance-verb": "complement",
    "said-colon": "colon",
    "said-quote": "quote",
    "shared-subject": "shared",
    "shared-object": "shared",
    "shared-infinitive": "shared",
    "comma-saying": "shared",
    "by-saying": "shared",
    "inverted-said": "inverted",
    "parenthetical-said": "inverted",
    "inverted-verb-first": "verb_first",
    "quote-resumed": "continued",
    "as-x-put-it": "as",
    "according-to": "according",
    "speech-noun": "speech_noun",
    "headline-colon": "colon_headline",
    "speaker-label": "colon",
    "headline-verb": "colon_headline",
    "headline-source-last": "colon_headline",
    "headline-claim-colon": "colon_headline",
    "said-then-quote": "dangling",
    "quote-then-said": "dangling",
    "said-this": "dangling",  # an attribution without content of its own, given the sentence before
    "it-stated-by": "that",  # "It was stated by X that ...": a that-clause whose speaker follows "by"
    "quote-continuation": "continuation",
    # Stance cues with an object (rules.stance, warn, express, told): weighed as the
    # constructions they were found as before they had names of their own.
    "accuse-of": "complement",
    "blame-for": "complement",
    "condemn": "complement",
    "denounce": "complement",
    "criticise": "complement",
    "praise": "complement",
    "welcome": "complement",
    "reject": "complement",
    "dismiss": "complement",
    "deny": "complement",
    "demand": "complement",
    "call-for": "complement",
    "urge": "complement",
    "call-on": "complement",
    "describe-as": "complement",
    "warn-against": "complement",
    "warn-of": "complement",
    "warn-that": "that",
    "express-stance": "complement",
    "told-outlet-colon": "colon",
    "told-outlet-that": "that",
    "quote-over-lines": "continuation",
    "learned-from": "that",  # "learned from X that ...": weighed as "X said that ..."
    "quote-verdict": "inverted",  # a quotation, then whose words: weighed as '"...," she said'
    "in-x-words": "according",  # "In his words, ...": weighed as "According to him, ..."
    "denied-charge": "inverted",  # "..., a charge it denies": weighed as "..., it said"
}
# How many claims before and after (in text order) may overlap a claim's content.
_NEIGHBOURS = 16


@dataclass(slots=True)
class Context:
    """What the features need to know about a claim's article."""

    text: str
    claims: list[ClaimCandidate]  # every claim of the article, in text order
    # The text lowercased ("" when that moves offsets), made once when first needed.
    _lowered: str | None = field(default=None)
    _in_longer_names: frozenset[str] | None = field(default=None)
    _counts: dict[str, int] | None = field(default=None)
    _written: dict[str, int] = field(default_factory=dict)
    _listeners: Counter[str] | None = field(default=None)
    _spoken: Counter[str] | None = field(default=None)

    def in_longer_names(self) -> frozenset[str]:
        """The words of the article's runs of capitalised words ("Lord Vik of Ness"), read
        when a claim first asks (only one-word speakers do)."""
        if self._in_longer_names is None:
            self._in_longer_names = frozenset(" ".join(_CAP_RUN.findall(self.text)).split())
        return self._in_longer_names

    def counts(self) -> dict[str, int]:
        """How often each capitalised word of the text is written (lowercased)."""
        if self._counts is None:
            self._counts = Counter(map(str.lower, _CAP_WORD.findall(self.text)))
        return self._counts

    def written(self, word: str) -> int:
        """How often ``word`` (lowercased) is written as a capitalised word: its count in
        :meth:`counts`, found without reading every capitalised word of the text.

        A claim asks only for its speaker's name words, a few per article, so each is looked
        for in the lowercased text and each place is read as a capitalised word (_CAP_WORD)
        there. That reads what reading the whole text finds: a capitalised word starts at a
        capital with no letter before it, and no other capitalised word can hold that capital
        (a word's later letters follow a letter, its "'s" starts with an apostrophe). A
        one-letter word ("I", "J") is met inside too many other words: it takes the whole count."""
        n = self._written.get(word)
        if n is None:
            lowered = self.lowered()
            if lowered is None or len(word) < 2:
                n = self.counts().get(word, 0)
            else:
                n = 0
                text = self.text
                at = lowered.find(word)
                while at >= 0:
                    # Most places are inside lower-case words ("us" in "because"): no capital, no word.
                    if text[at] in _CAPITALS:
                        found = _CAP_WORD.match(text, at)
                        if found is not None and found.group().lower() == word:
                            n += 1
                    at = lowered.find(word, at + 1)
            self._written[word] = n
        return n

    def listeners(self) -> Counter[str]:
        """For each name word (lowercased): how many claims of other speakers name it in their
        attribution, outside the speaker phrase ("the mission was told by residents that",
        "the team asked a farmer, who said"): someone the article's speakers speak to."""
        if self._listeners is None:
            found: Counter[str] = Counter()
            for o in self.claims:
                if o.sentence_start is None or o.cue_end is None:
                    continue
                start = max(o.sentence_start, min(o.speaker_start, o.cue_start) - _ATTRIBUTION)
                end = max(o.speaker_end, o.cue_end)
                if o.text_start > end:
                    end = min(o.text_start, end + _ATTRIBUTION)  # "told the mission that ..."
                own = _name_words(o.speaker.name)
                # The attribution's words outside the speaker phrase and the content.
                cuts = sorted([(start, start), (o.speaker_start, o.speaker_end), (o.text_start, o.text_end), (end, end)])
                heard = {w.lower() for (_, a), (b, _) in zip(cuts, cuts[1:]) if max(a, start) < min(b, end)
                         for w in _CAP_WORD.findall(self.text, max(a, start), min(b, end))}
                found.update(heard - own - T.DETERMINERS)
            self._listeners = found
        return self._listeners

    def spoken(self) -> Counter[str]:
        """How many of the article's claims each speaker name makes."""
        if self._spoken is None:
            self._spoken = Counter(c.speaker.name for c in self.claims)
        return self._spoken

    def lowered(self) -> str | None:
        """The text lowercased, or None when lowercasing moves an offset ("İ" becomes two
        characters). A character's lowercase is never shorter, so the same length keeps them."""
        if self._lowered is None:
            lowered = self.text.lower()
            self._lowered = lowered if len(lowered) == len(self.text) else ""
        return self._lowered or None


def context(text: str, claims: list[ClaimCandidate]) -> Context:
    return Context(text, sorted(claims, key=lambda c: (c.text_start, c.text_end)))


class _Every:
    """Every feature family: what ``features(..., every=True)`` computes."""

    def __contains__(self, family: object) -> bool:
        return True


_EVERY = _Every()


@cache
def _families() -> frozenset[str]:
    """The feature families (a feature's name up to "=") the weights file gives a weight."""
    return frozenset(name.split("=", 1)[0] for name in _weights())


def features(r: ClaimCandidate, ctx: Context, index: int, *, every: bool = False) -> list[str]:
    """The binary features of ``r``, the claim at ``index`` of ``ctx.claims``, as names.

    Only the families the weights file holds are computed (a feature it gives no weight weighs
    nothing), and only the values they need; ``every`` computes every family (for refitting).
    ``r.evidence`` must be set: the speaker phrase and cue as the extractor read them."""
    want = _EVERY if every else _families()
    pattern = _pattern(r)
    m = r.evidence.mention
    info = r.evidence.cue
    text = ctx.text
    if m.text.lower() in ("who", "which"):
        speaker = "relative"
    elif m.pronoun is not None:
        speaker = "unresolved" if m.type == "anonymous" and m.name.lower() == m.text.lower() else "pronoun"
    elif any(w[:1].isupper() for w in _without_determiner(m.text.split())):
        speaker = "name"  # "Ms Kallas", "the Kremlin"; not "The minister"
    else:
        speaker = "noun"
    if info is None:
        cue = "none"
    elif info.weak:
        cue = "weak"
    elif info.ambiguous:
        cue = "ambiguous"
    else:
        cue = "speech"
    out = [f"pattern={pattern}", f"speaker={speaker}", f"cue={cue}"]
    if "length" in want:
        words = text.count(" ", r.text_start, r.text_end) + 1
        out.append("length=" + ("short" if words <= 3 else "medium" if words <= 8 else "long" if words <= 40
                                else "very_long"))
    out.append(f"type={m.type}")
    if "distance" in want:
        gap = 0
        if r.cue_start is not None:
            near = min(abs(r.cue_start - m.end), abs(m.start - r.cue_end))
            gap = text.count(" ", min(m.end, r.cue_start), min(m.end, r.cue_start) + near)
        out.append("distance=" + ("adjacent" if gap <= 2 else "near" if gap <= 12 else "far"))
    out += [f"kind={r.kind}", f"pattern+speaker={pattern}+{speaker}", f"pattern+cue={pattern}+{cue}",
            f"speaker+cue={speaker}+{cue}"]
    # The rule itself, beside the group it shares a weight with: the model may tell apart the
    # rules of one group where the training data says they differ.
    if r.rule:
        out.append(f"rule={_FITTED_AS.get(r.rule, r.rule)}")
    if r.evidence.reference is not None:
        out += [f"reference={r.evidence.reference}", f"reference+pattern={r.evidence.reference}+{pattern}"]
    if r.evidence.via is not None:
        out.append("relayed")
    if r.evidence.coordinated:
        out.append("coordinated")
    nested = _nesting(r, ctx.claims, index)
    if nested:
        out += [nested, f"{nested}+{pattern}", f"{nested}+{cue}", f"{nested}+{speaker}"]
    if nested == "inside" and ("inside_at" in want or "inside_at+speaker" in want):
        # Whether the claim's attribution opens the content it sits in ("A said that B described
        # the pact as ...": B's words reach the reader through A) or stands further in ("the
        # pact, which B described as ...").
        at = "opening" if _opens_content(r, ctx, index, m) else "within"
        out += [f"inside_at={at}", f"inside_at+speaker={at}+{speaker}"]
    if "share" in want:
        sentence = ((r.sentence_end - r.sentence_start)
                    if r.sentence_start is not None and r.sentence_end is not None else 0)
        share = (r.text_end - r.text_start) / max(1, sentence)
        out.append("share=" + next(str(k) for k, top in enumerate((0.1, 0.2, 0.35, 0.5, 0.8, math.inf))
                                   if share < top))
    if "after_preposition" in want:
        before = text[max(0, m.start - 16) : m.start].split()
        if before and before[-1].lower() in T.PREPOSITIONS:
            out.append("after_preposition")
    if ("lone_name" in want and m.pronoun is None and m.text[:1].isupper() and len(m.text.split()) == 1
            and m.text not in ctx.in_longer_names()):
        out.append("lone_name")
    out += _how_found(r, ctx, speaker, m, want)
    # The content's first words, read once: content_person reads 600 characters, the
    # finite-verb test 400, the same words whenever the content is shorter (most are).
    opening = _opening_words(text, r, 600)
    if pattern in ("that", "complement", "shared") and ("no_finite_verb" in want or "no_verb" in want):
        lows = opening if r.text_end - r.text_start <= 400 else _opening_words(text, r, 400)
        if not any(w in _FINITE or w.endswith(("n't", "'s")) for w in lows):
            out.append("no_finite_verb")
            if not any(len(w) > 4 and w.endswith("ed") for w in lows):
                out.append("no_verb")
    out += _surroundings(r, ctx, index, speaker, m, want)
    out += _report_kind(r, ctx, pattern, m, want, opening)
    return out


def _opening_words(text: str, r: ClaimCandidate, chars: int) -> list[str]:
    """The words (_WORD) of the first ``chars`` characters of ``r``'s content, lowercased,
    "’" written "'"."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text, r.text_start, min(r.text_end, r.text_start + chars))]


# Cue verbs that report what was seen, found or recorded rather than said: a body reporting
# its own observations ("the inspectors observed that ...", "the survey found ...") is a
# narrator more often than a speaker.
_PERCEPTION = T.words("observe note notice see witness record register monitor find conclude establish "
                      "detect document spot assess verify count")
_FIRST_SECOND = T.words("i me my mine we us our ours you your yours myself ourselves")
# How far before the speaker phrase another claim's attribution is read for a listener.
_ATTRIBUTION = 120
# (A digit first, on its own, so that the engine skips to the digits instead of trying the
# whole pattern at every character.)
_DIGITS = compile_pattern(r"\d\d*")


def _report_kind(r: ClaimCandidate, ctx: Context, pattern: str, m: Mention, want, opening: list[str]) -> list[str]:
    """Whether the claim reads as speech or as a report of what was seen: the cue's sense
    (a verb of perception or record, an act, speech), whether the content speaks in the first
    or second person, how many figures it holds, whether the speaker is someone the article's
    other speakers speak to (a listener: a reporter, a monitoring team), and how many of the
    times its name is written it makes a claim. ``opening``: the content's first words
    (``_opening_words``, 600 characters)."""
    text = ctx.text
    info = r.evidence.cue
    if info is None:
        sense = "none"
    elif info.lemma in _PERCEPTION or info.sighting:
        sense = "perception"
    elif info.clause_only:
        sense = "act"
    else:
        sense = "speech"
    out = [f"cue_sense={sense}", f"cue_sense+type={sense}+{m.type}"]
    if "content_person" in want or "content_person+pattern" in want or "content_person+sense" in want:
        # (No word of _FIRST_SECOND holds an apostrophe: the one "'" for "’" changes nothing.)
        person = "third" if _FIRST_SECOND.isdisjoint(opening) else "first_second"
        out += [f"content_person={person}", f"content_person+pattern={person}+{pattern}",
                f"content_person+sense={person}+{sense}"]
    if "figures" in want:
        figures = len(_DIGITS.findall(text, r.text_start, min(r.text_end, r.text_start + 600)))
        out.append(f"figures={'0' if not figures else '1-2' if figures <= 2 else '3+'}")
    named = _name_words(m.name)
    if named:
        if "listener" in want or "listener+sense" in want:
            heard = max(map(ctx.listeners().get, named, repeat(0)))
            out += [f"listener={min(heard, 2)}", f"listener+sense={min(heard, 2)}+{sense}"]
        if "claims_per_mention" in want:
            written = max(map(ctx.written, named))
            share = ctx.spoken()[r.speaker.name] / max(1, written)
            out.append("claims_per_mention=" + ("low" if share < 0.2 else "some" if share < 0.5 else "high"))
    return out


# Words before a speaker phrase that make its clause a subordinate one ("what critics say is",
# "than experts have suggested", "when she said"): the cue may not report a claim of its own.
_SUBORDINATORS = T.words("what than as when while if because although though since whether how why where "
                         "unless until after before once whenever")
_CONJUNCTIONS = T.words("and but or nor so yet")
_RELATIVES = T.words("who which that whom whose")
_MODALS = T.words("would could may might will can should must shall")
_PERFECT = T.words("has have had having")
_NEGATIONS = T.words("not never n't no")
_DO = T.words("do does did")
_EDGE_WORDS = T.words("that which who whom to of and or the a an for with from by in on at as")
_PUNCTUATION = ".,;:!?\"'“”‘’()[]—–-"
_PARAGRAPH = compile_pattern(r"\n\s*\n|\n")
_LONGEST_LINE = 2000
_CLOSED = ".!?\"'”’)]:"


def _surroundings(r: ClaimCandidate, ctx: Context, index: int, speaker: str, m: Mention, want) -> list[str]:
    """Where the claim stands and what stands around its speaker phrase: the word before the
    phrase, the words between it and the cue (a modal, perfect, negation), the cue's form,
    the phrase's own first word and length, whether the speaker comes before, after or inside
    the content, how many paragraphs part them, how many other cues its sentence holds, how
    often the speaker's name is written in the article, and whether its line ends unpunctuated
    (a title, a caption)."""
    text = ctx.text
    out = []
    # The word before the speaker phrase (or its own first word, when the phrase was read with it).
    before = text[max(0, m.start - 40) : m.start].rstrip(" \t")
    own = m.text.split()
    if own and own[0].lower() in _SUBORDINATORS:
        lead = "subordinator"
    elif not before or before[-1] in "\n.!?:;":
        lead = "start"
    elif before[-1] in _QUOTES + "’'":
        lead = "quote"
    elif before[-1] in ",(—–-":
        lead = "comma"
    else:
        last = before.split()[-1].lower() if before.split() else ""
        lead = ("subordinator" if last in _SUBORDINATORS else "conjunction" if last in _CONJUNCTIONS
                else "relative" if last in _RELATIVES else "preposition" if last in T.PREPOSITIONS else "other")
    out += [f"lead={lead}", f"lead+speaker={lead}+{speaker}"]
    if (("cue_before" in want or "cue_before+speaker" in want) and lead != "start"
            and not (r.cue_end is not None and r.cue_end <= m.start)):
        # Another cue just before the speaker phrase ("she said that the council ...", "the
        # agency says the ministers ..."): the phrase may be the subject of that cue's content.
        tokens = [w.strip(_PUNCTUATION).lower() for w in before.split()[-5:]]
        cues = lexicon.cue_words()
        if tokens and tokens[-1] == "that" and any(w in cues for w in tokens[:-1]):
            found = "cue_that"
        elif tokens and tokens[-1] in cues:
            found = "cue"
        else:
            found = "none"
        out += [f"cue_before={found}", f"cue_before+speaker={found}+{speaker}"]
    # The words between the speaker phrase and a cue after it ("experts have said", "did not say").
    if "aux" in want and r.cue_start is not None and m.end <= r.cue_start:
        between = [w.lower() for w in _WORD.findall(text, m.end, r.cue_start)]
        if any(w in _NEGATIONS or w.endswith("n't") for w in between):
            aux = "negated"
        elif any(w in _MODALS for w in between):
            aux = "modal"
        elif any(w in _PERFECT for w in between):
            aux = "perfect"
        elif any(w in _DO for w in between):
            aux = "do"
        elif not between:
            aux = "none"
        else:
            aux = "words" if len(between) <= 3 else "many_words"
        out.append(f"aux={aux}")
    info = r.evidence.cue
    if info is not None:
        # The cue verb itself ("observed", "concluded" report what was seen or inferred more
        # often than "said" does), beside its form.
        out += [f"cue_form={info.form}", f"cue_form+plural={info.form}+{'plural' if m.plural else 'one'}",
                f"lemma={info.lemma}"]
    # The speaker phrase itself: its first word, its length.
    first = _without_determiner(m.text.split())
    head = first[0] if first else ""
    if head.lower() in T.QUANTIFIER_SPEAKERS:
        phrase = "quantifier"
    elif not head[:1].isalpha():
        phrase = "symbol"
    elif head[:1].islower():
        phrase = "lower"
    else:
        phrase = "capital"
    n = len(m.text.split())
    out += [f"phrase={phrase}", f"phrase_words={min(n, 5)}", "phrase_comma=" + ("yes" if "," in m.text else "no")]
    # Where the speaker stands against the content, and how many paragraphs part them.
    if m.end <= r.text_start:
        order, gap = "before", (m.end, r.text_start)
    elif m.start >= r.text_end:
        order, gap = "after", (r.text_end, m.start)
    else:
        order, gap = "inside", (m.start, m.start)
    out.append(f"order={order}")
    if "paragraphs" in want or "paragraphs+pattern" in want:
        breaks = 0 if text.find("\n", *gap) < 0 else len(list(islice(_PARAGRAPH.finditer(text, *gap), 2)))
        out += [f"paragraphs={breaks}", f"paragraphs+pattern={breaks}+{_pattern(r)}"]
    out.append(f"order+speaker={order}+{speaker}")
    # Other claims' cues in the claim's sentence ("A said B had said ...").
    if "sentence_cues" in want and r.sentence_start is not None and r.sentence_end is not None:
        cues = sum(1 for o in ctx.claims[max(0, index - _NEIGHBOURS) : index + _NEIGHBOURS + 1]
                   if o is not r and o.cue_start is not None and r.sentence_start <= o.cue_start < r.sentence_end
                   and o.cue_start != r.cue_start)
        out.append(f"sentence_cues={min(cues, 2)}")
    # Whether the claim before it in the text has the same speaker: a run of one speaker's
    # claims, or a change of speaker (a continued quotation after someone else spoke).
    if index == 0:
        previous = "none"
    else:
        previous = "same" if ctx.claims[index - 1].speaker.name == r.speaker.name else "other"
    out += [f"previous_speaker={previous}", f"previous_speaker+pattern={previous}+{_pattern(r)}"]
    # A phrase whose edges look misread: a function word last ("a letter that"), or a
    # determiner right after a capitalised word ("Monday the council").
    words = m.text.split()
    if len(words) > 1 and words[-1].lower() in _EDGE_WORDS:
        out.append("phrase_shape=function_last")
    elif any(a[:1].isupper() and b.lower() in T.DETERMINERS for a, b in zip(words, words[1:])):
        out.append("phrase_shape=capital_then_determiner")
    # How often the speaker's name is written: a name met once is a passing mention.
    named = _name_words(m.name) if "name_count" in want or "name_count+speaker" in want else None
    if named:
        seen = max(map(ctx.written, named))
        out += [f"name_count={'1' if seen <= 1 else '2-3' if seen <= 3 else '4+'}",
                f"name_count+speaker={'1' if seen <= 1 else '2-3' if seen <= 3 else '4+'}+{speaker}"]
    # The line the content ends on ends without a sentence mark: a title, a caption, a list.
    # (Looked for a few thousand characters on: a longer line is prose, not a title.)
    line_end = text.find("\n", r.text_end, r.text_end + _LONGEST_LINE) if "line_unclosed" in want else -1
    if "line_unclosed" in want and (line_end >= 0 or r.text_end + _LONGEST_LINE >= len(text)):
        line = text[r.text_end : len(text) if line_end < 0 else line_end].rstrip()
        tail = line[-1:] if line else text[max(0, r.text_end - 1) : r.text_end]
        if tail and tail not in _CLOSED:
            out.append("line_unclosed")
    return out


def _pattern(r: ClaimCandidate) -> str:
    """The model's name for the rule that found ``r`` (``_PATTERNS``); a rule the model was not
    fitted on (another extractor's) is "other"."""
    rule = r.evidence.construction or r.rule
    return "headline" if r.kind == "headline" else _PATTERNS.get(rule, "other")


def _how_found(r: ClaimCandidate, ctx: Context, speaker: str, m: Mention, want) -> list[str]:
    """How the speaker was found and how the content is given: named in the claim's own
    sentence or taken from an antecedent (how many sentences back, with how many other names
    between), the speaker's type with its phrase kind, and quotation against reported speech."""
    text = ctx.text
    out = [f"type+speaker={m.type}+{speaker}"]
    inside = None
    if r.sentence_start is not None and r.sentence_end is not None:
        inside = "yes" if r.sentence_start <= m.start and m.end <= r.sentence_end else "no"
        out.append(f"speaker_in_sentence={inside}")
    # The speaker's name came from elsewhere in the article: a pronoun or role noun tied to an
    # antecedent, or a name completed from an earlier mention.
    phrase = _name_words(m.text)
    named = _name_words(m.name)
    if named and not (named & phrase):
        back, last = (_antecedent_distance(ctx, m.start, named)
                      if "antecedent" in want or "antecedent+speaker" in want or "rivals+antecedent" in want
                      or "antecedent_paragraphs" in want or "antecedent_paragraphs+speaker" in want
                      else ("", None))
        out += [f"antecedent={back}", f"antecedent+speaker={back}+{speaker}"]
        if last is not None and ("antecedent_paragraphs" in want or "antecedent_paragraphs+speaker" in want):
            # The antecedent stands paragraphs before the pronoun or role noun that took its name.
            breaks = 0 if text.find("\n", last, m.start) < 0 else len(list(islice(_PARAGRAPH.finditer(text, last, m.start), 2)))
            out += [f"antecedent_paragraphs={breaks}", f"antecedent_paragraphs+speaker={breaks}+{speaker}"]
        # Whether the phrase's number agrees with the speaker it was tied to ("they" tied to one
        # person, "he" tied to an organisation).
        out.append(f"number+type={'plural' if m.plural else 'one'}+{m.type}")
        if "rivals" in want or "rivals+antecedent" in want:
            rivals = _rival_names(text, m.start, named)
            out.append(f"rivals={min(rivals, 2)}")
            if rivals:
                out.append(f"rivals+antecedent={min(rivals, 2)}+{back}")
    elif m.type in ("anonymous", "group"):
        # An unnamed speaker ("the diplomat", "a protester") where the article names people just
        # before it: the name may have been meant.
        out.append(f"unnamed+type={m.type}")
        if "unnamed_near_names" in want or "unnamed_near_names+speaker" in want:
            near = min(_rival_names(text, m.start, named), 2)
            out += [f"unnamed_near_names={near}", f"unnamed_near_names+speaker={near}+{speaker}"]
    head = text[r.text_start : min(r.text_end, r.text_start + 2)]
    tail = text[max(r.text_start, r.text_end - 2) : r.text_end]
    if any(q in head for q in _QUOTES) and any(q in tail for q in _QUOTES):
        quoted = "whole"
    elif any(q in text[r.text_start : r.text_end] for q in _QUOTES):
        quoted = "part"
    else:
        quoted = "none"
    out += [f"quoted={quoted}", f"quoted+speaker={quoted}+{speaker}"]
    if inside is not None:
        # A quotation whose speaker stands only in another sentence ("He paused. "We will go."").
        out += [f"speaker_in_sentence+quoted={inside}+{quoted}", f"speaker_in_sentence+pattern={inside}+{_pattern(r)}"]
    return out


_QUOTES = "\"“”"
_SENTENCE_BREAK = compile_pattern(r"[.!?][\"'”’)]*\s+|\n")


@lru_cache(maxsize=16384)
def _name_words(s: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(s) if w[:1].isupper() and w.lower() not in T.DETERMINERS)


def _antecedent_distance(ctx: Context, pos: int, named: frozenset[str]) -> tuple[str, int | None]:
    """How many sentences before ``pos`` a word of the speaker's name was last written, and
    where that word ends (None: not in the 3,000 characters before)."""
    start = max(0, pos - 3000)
    last = _last_word_end(ctx, start, pos, named)
    if last is None:
        return "absent", None
    # Four breaks or more are all "far": the count stops there.
    breaks = sum(1 for _ in islice(_SENTENCE_BREAK.finditer(ctx.text, last, pos), 4))
    return ("same" if breaks == 0 else "previous" if breaks == 1 else "near" if breaks <= 3 else "far"), last


def _last_word_end(ctx: Context, start: int, pos: int, named: frozenset[str]) -> int | None:
    """Where the last word (_WORD) of ``text[start:pos]`` that is one of ``named`` (lowercased)
    ends, as an offset into the text; the words as that slice alone reads them.

    Each name word is looked for from ``pos`` back in the lowercased text, and a place it is
    found is read as words from just after the last character before it that no word holds
    (or from ``start``): the slice reads the same words from there. A text whose lowercase
    moves offsets ("İ" becomes two characters) is read whole."""
    text = ctx.text
    lowered = ctx.lowered()
    if lowered is None:
        return max((m.end() + start for m in _WORD.finditer(text[start:pos]) if m.group().lower() in named),
                   default=None)
    best = None
    for word in named:
        end = pos
        while (at := lowered.rfind(word, start, end)) >= 0 and (best is None or at + len(word) > best):
            if _word_at(text, start, pos, at, at + len(word)):
                best = at + len(word)
                break
            end = at + len(word) - 1
    return best


# The characters a word (_WORD) may hold: reading from after any other character reads the
# words a longer reading finds there.
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'’")


def _word_at(text: str, start: int, pos: int, at: int, end: int) -> bool:
    """Whether ``text[at:end]`` is one of the words (_WORD) of ``text[start:pos]``."""
    sync = at
    while sync > start and text[sync - 1] in _WORD_CHARS:
        sync -= 1
    for m in _WORD.finditer(text, sync, pos):
        if m.end() > at:
            return m.start() == at and m.end() == end
    return False


def _rival_names(text: str, pos: int, named: frozenset[str]) -> int:
    """Other multi-word names in the few hundred characters before ``pos``: candidates a
    pronoun or role noun could have meant instead of the one it was tied to."""
    found = {run.group() for run in _CAP_RUN.finditer(text, max(0, pos - 400), pos)
             if not (_name_words(run.group()) & named)}
    return len(found)


def _without_determiner(words: list[str]) -> list[str]:
    return words[1:] if words and words[0].lower() in T.DETERMINERS else words


def _object_of(inner: ClaimCandidate, outer: ClaimCandidate) -> bool:
    """``inner`` is a speech noun's claim that makes up the object of a stance cue ("rejected
    Denmark's claim that ...", "welcomed Russian assurances that ...")."""
    return inner.rule == "speech-noun" and outer.rule in object_stance_rules() and outer.text_start == inner.speaker_start


def _denial_of(denial: ClaimCandidate, charge: ClaimCandidate) -> bool:
    """``denial`` denies the charge ``charge`` made ("X says Y ..., a charge Y denies"): both
    claim the same words."""
    return denial.rule == "denied-charge" and (denial.text_start, denial.text_end) == (charge.text_start, charge.text_end)


def _opens_content(r: ClaimCandidate, ctx: Context, index: int, m: Mention) -> bool:
    """``r``'s cue sits in another claim's content, and ``r``'s attribution opens that content
    (its speaker phrase, or its content when the speaker follows it: '"...," B said'): the other
    claim reports ``r`` as its own content. A speaker phrase inside ``r``'s content ("the vote,
    which B promised ...") does not open it."""
    first = m.start if m.start < r.text_end else r.text_start
    for other in ctx.claims[max(0, index - _NEIGHBOURS) : index + _NEIGHBOURS + 1]:
        if (other is r or r.cue_start is None or not (other.text_start <= r.cue_start < other.text_end)
                or not (other.text_start < r.text_end and r.text_start < other.text_end)):
            continue
        if _object_of(r, other) or _object_of(other, r) or _denial_of(r, other) or _denial_of(other, r):
            continue
        if other.text_start <= first and _WORD.search(ctx.text, other.text_start, first) is None:
            return True
    return False


def _nesting(r: ClaimCandidate, claims: list[ClaimCandidate], index: int) -> str | None:
    """How ``r`` overlaps the other claims near it: holds their cue, sits in their content, or both overlap."""
    found = None
    for other in claims[max(0, index - _NEIGHBOURS) : index + _NEIGHBOURS + 1]:
        if other is r or not (other.text_start < r.text_end and r.text_start < other.text_end):
            continue
        if _object_of(r, other) or _object_of(other, r) or _denial_of(r, other) or _denial_of(other, r):
            continue  # "rejected Denmark's claim that ...", "..., a charge it denies": not a nesting
        if other.cue_start is not None and r.text_start <= other.cue_start < r.text_end:
            return "holds_cue"
        if r.cue_start is not None and other.text_start <= r.cue_start < other.text_end:
            found = "inside"
        elif found is None:
            found = "overlaps"
    return found


@cache
def _weights() -> dict[str, float]:
    table: dict[str, float] = {}
    text = files("claimsdb.data").joinpath("confidence_weights.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, weight = line.split("\t")
            table[name] = float(weight)
    return table


def score(text: str, claims: list[ClaimCandidate]) -> None:
    """Set each claim's ``confidence``: the probability, by the fitted model, that its speaker
    and content are right."""
    w = _weights()
    ctx = context(text, claims)
    for i, r in enumerate(ctx.claims):
        z = w.get("bias", 0.0) + sum(map(w.get, features(r, ctx, i), repeat(0.0)))
        r.confidence = round(1.0 / (1.0 + math.exp(-z)), 2)
