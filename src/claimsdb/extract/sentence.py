"""A sentence as the construction rules see it: tokens, quotations, the claims found so far."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from claimsdb.extract import tokens as T
from claimsdb.extract.lexicon import CueInfo, company_nouns, cue_phrases, cue_words, document_nouns
from claimsdb.extract.segment import ABBREVIATIONS, Quote, Segmented, Sentence
from claimsdb.extract.speakers import Mention, describe
from claimsdb.extract.tokens import Token, rstrip
# Compiled once per machine (claimsdb.pattern_cache): the same pattern objects as re.compile's.
from claimsdb.pattern_cache import compile_pattern


_SPACES = compile_pattern(r"\s+")
_DASHES = frozenset(("-", "–", "—", "--"))
_TWO_LETTERS = compile_pattern(r"[^\W\d_].*?[^\W\d_]", re.DOTALL)


@dataclass(slots=True)


class RawClaim:
    """A claim as a rule found it, before it becomes a ClaimCandidate for the resolve stage."""

    kind: str
    start: int
    end: int
    mention: Mention
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    info: CueInfo | None
    sentence: Sentence
    via: Mention | None = None
    shared_subject: bool = False
    boundary: int | None = None  # content of earlier claims in the sentence ends here
    # The construction that found the claim (claimsdb.extract.rules.RULES).
    rule: str = ""
    extra: dict = field(default_factory=dict)
    # Offsets of whom or what the stance is aimed at ("accused Denmark of"; rules.stance).
    target: tuple[int, int] | None = None


def _names_a_business(appositive: str) -> bool:
    """An appositive headed by a business noun: "the world's biggest reinsurer", "a US bank"."""
    head = []
    for w in appositive.lower().replace(",", " ").split():
        if w in T.PREPOSITIONS or w in ("which", "that", "who"):
            break
        head.append(w)
    return bool(head) and head[0] in ("the", "a", "an", "its") and head[-1] in company_nouns()


def _business_name(phrase: str) -> str | None:
    """The name after a business noun that ends the phrase: "carmaker BMW", "Security firm
    Network Box", "US investment bank Goldman Sachs"; None for "the firm's boss Anna Berg"."""
    words = phrase.split()
    for j, w in enumerate(words[:-1]):
        if w in T.PREPOSITIONS:
            return None  # "a spokesman for carmaker BMW": the spokesman
        low = w.lower()
        if (w.islower() or j == 0 and w[1:].islower()) and (low in company_nouns() or low.endswith("maker")):
            run = words[j + 1 :]
            if all(r[:1].isupper() and not r.endswith(("'s", "’s")) for r in run) and len(run) <= 4:
                return " ".join(run)
            return None
    return None


@lru_cache(maxsize=4096)
def cue_info(text: str) -> CueInfo | None:
    """What the cue word or phrase ``text`` tells, or None if it is not a cue (remembered per
    text: an article repeats its few cue words many times)."""
    key = _SPACES.sub(" ", text.lower())
    return cue_words().get(key) or cue_phrases().get(key)


# Words that open a subordinate clause before the main one ("if the talks fail, ...").
_SUBORDINATORS = frozenset("if when whenever after before once unless although though while because since until".split())


# A round-up's region heading opening a paragraph: "Kherson Oblast:", "Tver Region:".
_REGION_HEADING = compile_pattern(r"[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?[ \u00a0]+(?:Oblast|Region|Province|Krai|County|"
                             r"Governorate|Voivodeship)[ \u00a0]*:[ \u00a0]*")


# What reports findings ("the report found that ...", "..., index finds"): documents and studies.
_FINDING_NOUNS = frozenset(("index", "investigation", "inquiry", "audit", "review", "analysis", "research",
                            "probe", "assessment", "evaluation", "studies", "surveys", "polls", "reports"))


def _finding_source(mention: Mention) -> bool:
    """Whether the speaker of "found"/"finds" is a study or document ("the report", "a new
    survey by X", "the Nordic Policy Forum index"), whose finding is a claim (rule finding)."""
    words = [w.strip(",.") for w in (mention.text or "").lower().replace("’", "'").split()]
    cut = next((i for i, w in enumerate(words) if w in ("by", "of", "from", "commissioned", "published", "conducted")),
               len(words))  # "a study by the institute": the head comes before "by"
    head = next((w for w in reversed(words[:cut]) if w.isalpha()), "")
    return head in document_nouns() or head in _FINDING_NOUNS


class ParsedSentence:
    """One sentence being parsed: its tokens and quotations, and the claims and speaker
    phrases the rules have found in it so far. The phrase finders and rules are functions of it."""

    def __init__(self, seg: Segmented, sent: Sentence, quotes: list[Quote], heading: bool):
        self.seg = seg
        self.text = seg.text
        self.masked = seg.masked
        self.sent = sent
        # The block's quotations are sorted by start: take this sentence's slice by bisection.
        starts = [q.start for q in quotes] if len(quotes) < 8 else seg.quote_starts(quotes)
        self.quotes = quotes[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        self.by_start = {q.start: q for q in self.quotes}
        self.quote_starts = [q.start for q in self.quotes]
        self.by_end = {q.end: q for q in self.quotes if q.closed}
        self.heading = heading
        self.toks = T.tokenize(seg.masked, sent.start, sent.end)
        self.starts = [t.start for t in self.toks]
        self.claims: list[RawClaim] = []
        self.mentions: list[Mention] = []  # speaker phrases seen even where no claim came out
        # An attribution with no content in its sentence ("X said in a statement:"), whose words
        # may follow as a quotation.
        self.dangling: RawClaim | None = None

    def index_at(self, pos: int) -> int:
        return bisect_left(self.starts, pos)

    def quote_starting(self, tok: Token) -> Quote | None:
        return self.by_start.get(tok.start)

    def quote_ending(self, tok: Token) -> Quote | None:
        return self.by_end.get(tok.end)

    def is_stop(self, j: int) -> bool:
        """Token ``j`` ends a clause (a full stop that is not an abbreviation's)."""
        t = self.toks[j]
        if t.text in ("!", "?", ";"):
            return True
        return t.text == "." and (j == 0 or self.toks[j - 1].low not in ABBREVIATIONS)

    def content_end(self) -> int:
        end = self.sent.end
        masked = self.masked
        while end > self.sent.start and masked[end - 1] in ".!?;:, ":
            end -= 1
        # A quotation that closes after the full stop ("...next week.”") keeps its mark.
        return end

    def mention(self, a: int, b: int, appositive: tuple[int, int] | None = None) -> Mention:
        toks = self.toks
        end = toks[b].end
        app = None
        if appositive:
            app = self.text[toks[appositive[0]].start : toks[appositive[1]].end]
            end = toks[appositive[1]].end
        m = describe(self.text, toks[a].start, end, app, toks[b].end if app else None)
        if app and m.type == "person" and not m.known_given_name and m.gender is None and _names_a_business(app):
            # "Munich Re, the world's biggest reinsurer": the appositive says it is a business
            m.type, m.role = "organization", None
        elif m.type == "person" and m.gender is None:
            business = _business_name(self.text[toks[a].start : toks[b].end])
            if business:
                m.type, m.name, m.role = "organization", business, None
        self.mentions.append(m)
        return m

    def is_title(self, q) -> bool:
        """A short quotation in title case: the name of a show, book or film, not speech."""
        words = self.text[q.start : q.end].strip(" \"“”'‘’,.").split()
        return 0 < len(words) <= 6 and all(w[:1].isupper() or w.lower() in ("the", "a", "of", "and", "in", "on", "to", "for")
                                           for w in words)

    def inside_name(self, m: re.Match) -> bool:
        k0, k1 = self.index_at(m.start()), self.index_at(m.end())
        before = self.toks[k0 - 1] if k0 > 0 else None
        after = self.toks[k1] if k1 < len(self.toks) else None
        return before is not None and before.cap and after is not None and after.cap

    def title_case(self) -> bool:
        """A headline written In Title Case, where a capital says nothing about names."""
        words = [t for t in self.toks if t.text[:1].isalpha() and len(t.text) > 3]
        return len(words) >= 3 and sum(t.cap for t in words) >= 0.7 * len(words)

    def add(self, span: tuple[int, int], mention: Mention, m: re.Match, info: CueInfo | None,
            rule: str, kind: str | None = None) -> RawClaim | None:
        """Record the claim ``rule`` found: content ``span`` (trimmed of spaces and clause
        punctuation), its speaker, cue match and cue; None if too little content is left."""
        start, end = span
        text = self.text
        heading = _REGION_HEADING.match(text, start, end) if start == self.sent.start else None
        if heading is not None:
            start = heading.end()  # "Kherson Oblast: Two people were hurt, according to ...": the round-up's section
        while start < end and text[start] in " ,:;—–-":
            start += 1
        end = rstrip(text, start, end)
        while end > start and text[end - 1] in ",;:—–-":
            end = rstrip(text, start, end - 1)
        if end - start < 3 or not _TWO_LETTERS.search(self.masked, start, end) and start not in self.by_start:
            return None
        if info is not None and info.lemma == "find" and not _finding_source(mention):
            return None  # "police found a body", "she found that ...": only a study's finding speaks
        word = text[start:end]
        if word.isalpha() and word.islower() and word.endswith(("ed", "ly", "well")) and start not in self.by_start:
            # "responded to the concerns raised", "they responded well": a participle or an
            # adverb alone says nothing ("denied murder" does)
            return None
        if kind is None:
            kind = self._kind(start, end)
        if self.heading:
            kind = "headline"
        claim = RawClaim(kind, start, end, mention, m.group(), m.start(), m.end(), info, self.sent, rule=rule)
        self.claims.append(claim)
        return claim

    def _kind(self, start: int, end: int) -> str:
        # Quotations are sorted and do not overlap: those starting before ``end``, latest first.
        k = bisect_left(self.quote_starts, end)
        inside = []
        for q in reversed(self.quotes[:k]):
            if q.end <= start:
                break
            inside.append(q)
        if not inside:
            return "indirect"
        quoted = sum(min(q.end, end) - max(q.start, start) for q in inside)
        return "direct" if quoted >= (end - start) - 2 else "mixed"

    def _same_speaker_goes_on(self, c: RawClaim, o: RawClaim) -> bool:
        """Claim ``c`` opens with a subordinate clause and the clause after its comma is its own
        speaker's, by pronoun: "Berg said that if the talks failed, he would demand that the port
        be closed" is one claim, not "if the talks failed" and "the port be closed"."""
        if o.mention.pronoun not in ("he", "she", "they") or c.mention.pronoun is not None:
            return False
        if (o.mention.pronoun == "they") != c.mention.plural or (
                c.mention.gender is not None and o.mention.pronoun != "they" and c.mention.gender != o.mention.pronoun):
            return False
        k = self.index_at(c.start)
        return k < len(self.toks) and self.toks[k].low in _SUBORDINATORS and c.start < o.mention.start < c.end

    def cut_boundaries(self) -> None:
        """End claims where another clause of the sentence begins.

        "Italy expressed readiness to send troops, while Poland stated that ...": a second
        speaker's clause joined by a conjunction ends the first claim; a coordinated cue of the
        same speaker ("... and added that") ends it too. Each claim is cut at the first such
        boundary inside it, found by bisection, so a run-on sentence of many attributions stays
        linear.
        """
        toks = self.toks
        cuts: list[tuple[int, str | None, RawClaim]] = []  # (position, speaker it belongs to, its claim)
        for o in self.claims:
            k = self.index_at(o.mention.start)
            if k > 0:
                j = k - 1
                if toks[j].low in ("while", "whereas", "and", "but", "though", "although", "however"):
                    j -= 1  # (", however it did acknowledge that ...": a new clause too)
                if j >= 0 and toks[j].text in (",", ";"):
                    cuts.append((toks[j].start, o.mention.name, o))
                elif o.cue_start is not None and o.cue_start < o.mention.start:
                    c0 = self.index_at(o.cue_start)
                    if c0 > 0 and toks[c0 - 1].text == "," and self.index_at(o.cue_end) == k:
                        # "Tallinn rules out troops, says the defence chief": the inverted
                        # attribution closes whatever claim runs into it
                        cuts.append((toks[c0 - 1].start, o.mention.name, o))
                elif o.cue_start is not None and o.cue_start > o.mention.start and (
                        toks[k - 1].low in ("but", "while", "whereas")
                        or toks[k - 1].low == "and" and toks[k].cap and self.index_at(o.cue_start) == self.index_at(o.mention.end)):
                    # "... provided a solution but some MPs argue ...": a contrast opens
                    # another speaker's clause, comma or not.
                    cuts.append((toks[k - 1].start, o.mention.name, o))
                else:
                    # "... a crackdown - and the BBC's correspondent in Moscow says ...": a dash
                    # and a conjunction a few words before the speaker start another clause.
                    for x in range(k - 1, max(0, k - 9), -1):
                        if cue_info(toks[x].text) or toks[x].text in ",;\"“”":
                            break
                        if toks[x].low in ("and", "but") and toks[x - 1].text in _DASHES:
                            cuts.append((toks[x - 1].start, o.mention.name, o))
                            break
            if o.boundary is not None:
                cuts.append((o.boundary, None, o))  # cuts every other claim
        if not cuts:
            return
        cuts.sort(key=lambda cut: cut[0])
        positions = [cut[0] for cut in cuts]
        # next_other[i]: the first cut at or after i whose speaker differs from cut i's, so a
        # claim skips its own speaker's cuts in one step.
        next_other = [len(cuts)] * len(cuts)
        for i in range(len(cuts) - 2, -1, -1):
            same = cuts[i + 1][1] == cuts[i][1] and cuts[i][1] is not None
            next_other[i] = next_other[i + 1] if same else i + 1
        for c in self.claims:
            i = bisect_left(positions, c.start + 1)
            if i < len(cuts) and cuts[i][1] is not None and cuts[i][1] == c.mention.name:
                i = next_other[i]
            if i < len(cuts) and positions[i] < c.end and cuts[i][2] is not c and not self._same_speaker_goes_on(
                    c, cuts[i][2]):
                c.end = rstrip(self.masked, c.start, positions[i])
                while c.end > c.start and self.text[c.end - 1] in ",;":
                    c.end -= 1
