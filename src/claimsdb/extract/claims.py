"""Attribution patterns: cue + speaker phrase + content span, sentence by sentence.

Each cue (a reporting verb, "according to", "as X put it") is analysed locally: the speaker is
the noun phrase before it (or after it, in "..., said X"), and the content is the clause after
it (that-clause, colon, quotation, bare complement) or, when nothing follows, the material
before the comma or closing quotation mark that precedes the speaker. Quotations with no cue in
their sentence continue the previous direct speaker's claim.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from claimsdb.extract import tokens as T
from claimsdb.extract.lexicon import (
    CueInfo, cue_phrases, cue_regex, cue_words, headline_labels, speaker_nouns, speech_noun_regex,
    title_words,
)
from claimsdb.extract.segment import ABBREVIATIONS, Quote, Segmented, Sentence
from claimsdb.extract.speakers import ORG_WORDS, Mention, describe
from claimsdb.extract.tokens import Token

_ACCORDING = re.compile(r"(?<![\w])(?:[Aa]ccording to|[Aa]s (?:reported|quoted|cited) by|[Cc]iting)(?![\w])")
_SPACES = re.compile(r"\s+")
_TWO_LETTERS = re.compile(r"[^\W\d_].*?[^\W\d_]", re.DOTALL)
SUBORDINATORS = T.words("while although though whereas if when because since as after before once unless")
# The rule of a claim whose content follows its cue, by what starts the content.
_HINT_RULES = {"that": "said-that", "complement": "said-clause", "colon": "said-colon", "quote": "said-quote"}
# Words after a cue that start an adjunct rather than the content ("said on Monday").
ADJUNCT_STARTS = T.words(
    "on in at during ahead after before while as when from via without with through "
    "referring citing according last this earlier later yesterday today tonight following amid "
    "over about of late early shortly afterwards afterward again then too also separately"
)
_NO_CONTENT_OBJECTS = T.words("this that it so these those")
_ADDRESSING = T.words("say add write explain announce declare confirm reply respond post tweet complain "
                      "admit insist suggest")
_DASHES = frozenset(("-", "–", "—", "--"))
_ASIDES = T.words("for in of too also by as at")
_AGO = T.words("ago days weeks months years decades earlier later")
# Words after a time noun that make it an opener: "Minutes later,", "Days before the vote,".
_TIME_OPENER_NEXT = _AGO | T.words("after before")
_TIME_WORDS = T.words("earlier later last this next on recently previously")
_NUMBER_WORDS = T.words("one two three four five six seven eight nine ten dozen half third quarter")
_SURVEYED = T.words("surveyed polled asked interviewed questioned")


def _adverb(low: str) -> bool:
    """An -ly adverb ("repeatedly", "pleasantly"), not a noun like "family" or "ally"."""
    return len(low) > 4 and low.endswith("ly") and low not in speaker_nouns()


def _number(low: str) -> bool:
    return low.isdigit() or low in _NUMBER_WORDS
# Finite verbs that agree with a plural subject: a cue in "-s" form right before one is a noun.
_PLURAL_VERBS = T.words("have are were do will would could can should may might must")
# Verbs that also name things: "The program, called EB-5, ..." is not an attribution.
_NAMING = T.words("call name dub label term nickname title")
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ian", "ary", "ful", "ese", "ish")
_WEEKDAYS = T.words("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight")


@dataclass(slots=True)
class RawClaim:
    """A claim before coreference and date resolution."""

    kind: str
    start: int
    end: int
    mention: Mention
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    info: CueInfo | None
    sentence: Sentence
    confidence: float
    via: Mention | None = None
    shared_subject: bool = False
    boundary: int | None = None  # content of earlier claims in the sentence ends here
    # The construction that found the claim (claimsdb.extract.rules.RULES).
    rule: str = ""
    extra: dict = field(default_factory=dict)


def _cue_info(text: str) -> CueInfo | None:
    key = _SPACES.sub(" ", text.lower())
    return cue_words().get(key) or cue_phrases().get(key)


class _SentenceParser:
    """Finds the claims of one sentence."""

    def __init__(self, seg: Segmented, sent: Sentence, quotes: list[Quote], heading: bool):
        self.seg = seg
        self.text = seg.text
        self.masked = seg.masked
        self.sent = sent
        # The block's quotations are sorted by start: take this sentence's slice by bisection.
        starts = [q.start for q in quotes] if len(quotes) < 8 else seg.quote_starts(quotes)
        self.quotes = quotes[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        self._by_start = {q.start: q for q in self.quotes}
        self._quote_starts = [q.start for q in self.quotes]
        self._by_end = {q.end: q for q in self.quotes if q.closed}
        self.heading = heading
        self.toks = T.tokenize(seg.masked, sent.start, sent.end)
        self.starts = [t.start for t in self.toks]
        self.claims: list[RawClaim] = []
        self.mentions: list[Mention] = []  # speaker phrases seen even where no claim came out
        # An attribution with no content in its sentence ("X said in a statement:"), whose words
        # may follow as a quotation.
        self.dangling: RawClaim | None = None

    # -- token helpers -------------------------------------------------------------------
    def index_at(self, pos: int) -> int:
        return bisect_left(self.starts, pos)

    def quote_starting(self, tok: Token) -> Quote | None:
        return self._by_start.get(tok.start)

    def quote_ending(self, tok: Token) -> Quote | None:
        return self._by_end.get(tok.end)

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

    # -- speaker phrases -----------------------------------------------------------------
    def _np_word(self, tok: Token, j: int) -> bool:
        low = tok.low
        if low in _WEEKDAYS:
            return False  # "told MSNBC Monday"
        if tok.cap:
            return low not in T.CLAUSE_WORDS or (j > 0 and self.toks[j - 1].cap and low not in ("and", "but"))
        return (
            low in title_words() or low in speaker_nouns() or low in T.DETERMINERS
            or low in T.CONNECTORS or tok.text in ("'s", "’s")
            or (tok.text == "-" and j > 0 and self.toks[j - 1].end == tok.start)
            # An adjective inside a speaker phrase: "The Democratic presidential candidate".
            or (low.endswith(_ADJECTIVE_ENDINGS) and len(low) > 5 and low.isalpha() and not _cue_info(low)
                and j + 1 < len(self.toks) and (self.toks[j + 1].cap or self.toks[j + 1].low in title_words()
                                                or self.toks[j + 1].low in speaker_nouns()))
        )

    def left_np(self, i: int) -> tuple[int, int] | None:
        """The speaker phrase ending at token ``i`` (inclusive), as token indices."""
        toks = self.toks
        if i < 0:
            return None
        head = toks[i]
        if head.low in T.QUANTIFIER_SPEAKERS and (i == 0 or not self._np_word(toks[i - 1], i - 1)):
            return i, i  # "Several said ...", "Others argue ..."
        if not (head.cap or head.low in speaker_nouns() or head.low in title_words()
                or T.person_noun(head.low)) or head.low in T.DETERMINERS:
            return None
        if head.low in T.CLAUSE_WORDS and head.cap and (i == 0 or not toks[i - 1].cap):
            return None
        j = i
        while j - 1 >= 0:
            t = toks[j - 1]
            if t.text == "." and j - 2 >= 0 and toks[j - 2].low in ("mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "st", "prof"):
                j -= 1
                continue
            if t.text == "." and j - 3 >= 0 and len(toks[j - 2].text) == 1 and toks[j - 2].cap and toks[j - 3].cap \
                    and toks[j].cap:
                j -= 2  # a middle initial: "Michael C. Cernech"
                continue
            if t.low == "as" and j - 2 >= 0 and toks[j - 2].low == "such":
                j -= 2
                continue
            if t.low == "like" and j - 2 >= 0 and toks[j - 2].low in speaker_nouns():
                j -= 1
                continue
            if self._np_word(t, j - 1):
                j -= 1
                continue
            if t.low == "on" and j - 2 >= 0 and toks[j - 2].cap and toks[j - 2].low in ORG_WORDS:
                j -= 1  # "the Commission on Presidential Debates"
                continue
            break
        while j <= i and (toks[j].low in T.CONNECTORS or (toks[j].cap and toks[j].low in T.CLAUSE_WORDS)
                          or not toks[j].text[:1].isalnum()
                          # "In December Microsoft said": the month belongs to "In".
                          or (j < i and toks[j].low in T.DATE_WORDS and j > 0
                              and toks[j - 1].low in ("in", "since", "by", "until", "last", "this", "next", "from"))):
            j += 1
        if j > i:
            return None
        return j, i

    def postmodified_np(self, i: int) -> tuple[int, int] | None:
        """A speaker phrase with a post-modifier ending at ``i``: "an official involved in the talks"."""
        toks = self.toks
        for k in range(i - 1, max(-1, i - 10), -1):
            t = toks[k]
            if t.text in (",", ";", ":", "(", ")") or t.text in T.OPEN_QUOTES or t.text in T.CLOSE_QUOTES:
                return None
            if self._person_head(t) and k + 1 <= i and toks[k + 1].low in T.POSTMODIFIER_STARTS:
                core = self.left_np(k)
                if core:
                    return core[0], i
            if t.low in ("that", "who", "which", "and", "but", "to") or t.low in T.AUXILIARIES or _cue_info(t.text) \
                    or (not t.cap and t.low.endswith("ed") and k < i and t.low not in T.POSTMODIFIER_STARTS):
                return None  # (a verb between: "The Cruz campaign on Monday picked up on a tweet that ...")
        return None

    def _modifier_in_title(self, j: int, stop: int) -> bool:
        """A lower-case word inside a capitalised title, followed by more of it."""
        toks = self.toks
        t = toks[j]
        if not t.text.isalpha() or t.cap or j + 1 >= stop or not (toks[j + 1].cap or toks[j + 1].low in title_words()):
            return False
        low = t.low
        return not (low in T.CLAUSE_WORDS or low in ADJUNCT_STARTS or low in T.DATE_WORDS or low in T.AUXILIARIES
                    or low in T.ADVERBS or low in T.PREPOSITIONS or low in T.OBJECT_PRONOUNS or _cue_info(t.text)
                    or low.endswith(("ed", "ly")))

    def right_np(self, i: int, stop: int | None = None) -> tuple[int, int] | None:
        """The speaker phrase starting at token ``i`` ("said *the BBC*", "according to *X*")."""
        toks = self.toks
        stop = len(toks) if stop is None else stop
        if i >= stop:
            return None
        if toks[i].low in T.PRONOUNS:
            return i, i
        if toks[i].low in ("of", "for", "and", "&"):
            return None  # "said of RT": the topic, not the speaker
        j = i
        head_noun = False
        while j < stop:
            t = toks[j]
            if t.text == "." and j > i and toks[j - 1].low in ("mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "st", "prof"):
                j += 1
                continue
            if self._np_word(t, j) and not (t.cap and t.low in T.CLAUSE_WORDS and j == i):
                head_noun = t.low in speaker_nouns() or head_noun and t.low in T.CONNECTORS
                j += 1
                continue
            if j > i and toks[j - 1].cap and self._modifier_in_title(j, stop):
                j += 1  # "said Oversight ranking Democrat Elijah Cummings"
                continue
            if j > i and toks[j - 1].low in T.DETERMINERS and t.text.isalpha() and not t.cap \
                    and j + 1 < stop and not toks[j + 1].cap and self._person_head(toks[j + 1]) and not _cue_info(t.text) \
                    and t.low not in T.AUXILIARIES and t.low not in T.CLAUSE_WORDS and not t.low.endswith("ed"):
                j += 1  # "said one longtime adviser ..."
                continue
            if head_noun and t.low in T.POSTMODIFIER_STARTS:
                k = j
                while k < stop and toks[k].text not in (",", ".", ";", ":", "(") \
                        and toks[k].low not in ("that", "who", "which") and not _cue_info(toks[k].text) \
                        and not (k > j and not toks[k].cap and (toks[k].low in T.AUXILIARIES or toks[k].low.endswith("ed"))):
                    k += 1
                    if k - j > 8:
                        break
                j = k
            break
        if j < stop and j > i and T.person_noun(toks[j].low):
            j += 1  # "said one Trump confidant"
        if j > i and toks[j - 1].text.endswith(("'s", "’s")):
            # "Hillary Clinton's right-hand woman": the possessor's person, not the possessor.
            k = next((x for x in range(j, min(stop, j + 3)) if self._person_head(toks[x])), None)
            if k is not None and all(toks[x].text.replace("-", "").isalpha() and not toks[x].cap for x in range(j, k + 1)):
                j = k + 1
        while j > i and toks[j - 1].low in T.CONNECTORS | T.DETERMINERS:
            j -= 1
        if j == i:
            return None
        last = toks[j - 1]
        if not (last.cap or last.low in speaker_nouns() or last.low in title_words() or last.text[:1].isdigit()
                or last.text == "." or T.person_noun(last.low)):
            return None
        return i, j - 1

    def mention(self, a: int, b: int, appositive: tuple[int, int] | None = None) -> Mention:
        toks = self.toks
        end = toks[b].end
        app = None
        if appositive:
            app = self.text[toks[appositive[0]].start : toks[appositive[1]].end]
            end = toks[appositive[1]].end
        m = describe(self.text, toks[a].start, end, app, toks[b].end if app else None)
        self.mentions.append(m)
        return m

    def leading_np(self, upto: int) -> tuple[int, int] | None:
        """The subject at the start of the clause that contains token ``upto``."""
        toks = self.toks
        start = 0
        # The clause starts after the last subordinate clause or introductory phrase.
        for k in range(upto - 1, -1, -1):
            if toks[k].text in (";", ":"):
                start = k + 1
                break
        # A dateline ("WASHINGTON —", "LONDON (Reuters) -", "Washington (AFP) –") is not the subject.
        while start < upto and toks[start].text.isupper() and len(toks[start].text) > 1:
            start += 1
        dash = next((k for k in range(start, min(upto, start + 8)) if toks[k].text in _DASHES), None)
        if dash is not None and dash > start and all(
                toks[k].cap or toks[k].text.isdigit() or toks[k].text in ("(", ")", ",", ".") for k in range(start, dash)):
            start = dash + 1
        while start < upto and (toks[start].text in ("(", ")", "—", "–", "-", ",") or
                                (start > 0 and toks[start - 1].text == "(")):
            start += 1
        first = toks[start] if start < len(toks) else None
        if first is not None and (first.low in T.CLAUSE_WORDS or first.low in ADJUNCT_STARTS
                                  or (first.low.endswith("ing") and start + 1 < upto and not toks[start + 1].cap)
                                  # "Minutes later, the Trump campaign issued a statement saying ..."
                                  or (start + 1 < upto and toks[start + 1].low in _TIME_OPENER_NEXT)):
            # ... or a participle phrase: "Rallying hundreds of workers, Hillary Clinton promised"
            # Past the introductory phrase and whatever it lists after commas: "At a campaign
            # event in Ames, Iowa, on Sunday, Mrs. Clinton tried ..., saying".
            for _ in range(4):
                comma = next((k for k in range(start, upto) if toks[k].text == ","), None)
                if comma is None:
                    break
                start = comma + 1
                span = self.right_np(start, upto)
                nxt = toks[start] if start < upto else None
                # "Ames, Iowa,": a place's region after the comma, then more of the phrase.
                region = span is not None and span[0] == span[1] and toks[start - 2].cap \
                    and span[1] + 1 < upto and toks[span[1] + 1].text == ","
                if nxt is None or not (nxt.low in ADJUNCT_STARTS or nxt.low in T.DATE_WORDS or region):
                    break
        span = self.right_np(start, upto)
        return span

    def speaker_before(self, k: int, info: CueInfo) -> tuple[Mention, str, int] | None:
        """The speaker of the cue at token ``k``: (mention, how, first token index of the phrase)."""
        toks = self.toks
        i = self._skip_between(k - 1)
        passive = False
        while i >= 0 and not toks[i].cap and (toks[i].low in T.AUXILIARIES or toks[i].low in T.ADVERBS
                                               or toks[i].low in ("here", "there")
                                               or (toks[i].low in ("all", "both") and i > 0 and toks[i - 1].cap)
                                               or _adverb(toks[i].low)):
            if toks[i].low in T.PASSIVE_AUX:
                passive = True
            i = self._skip_between(i - 1)
        if passive and info.form == "ed":
            return None
        if i >= 2 and toks[i].low == "to" and info.form == "base" and toks[i - 1].text.isalpha() \
                and not toks[i - 1].cap and toks[i - 1].low.endswith(("ed", "s")) and not _cue_info(toks[i - 1].text):
            # "Small groups of protesters continued to call for ...": the subject of the verb
            # that takes the cue's infinitive.
            i -= 2
            while i >= 0 and not toks[i].cap and (toks[i].low in T.AUXILIARIES or _adverb(toks[i].low)):
                i -= 1
        if i < 0:
            return None
        t = toks[i]
        if info.form == "ing" and i == k - 1 and t.low not in ("and", "but", ",", "who", "which"):
            # "Howard has written to Blair demanding ...", "Gervais writing Simpsons episode":
            # a participle right after a noun is not that noun speaking.
            if not (self.quoted_as(k) is not None):
                return None
        if info.form == "ing" and self.quoted_as(k) is not None:
            return self.quoted_as(k)
        if t.low in ("who", "which"):
            j = i - 1
            if j >= 0 and toks[j].text == ",":
                j -= 1
            span = self.left_np(j)
            if not span:
                return None  # "the theory, which argued that ...": no speaker to name
            m = describe(self.text, t.start, t.end)
            ante = self.mention(*span)
            m.name, m.type, m.role, m.country, m.plural = ante.name, ante.type, ante.role, ante.country, ante.plural
            m.pronoun = None
            return m, "relative", i
        if t.low in T.PRONOUNS and t.low not in ("him", "her", "them"):
            return self.mention(i, i), "pronoun", i
        if t.low in ("and", "but") or (t.text == "," and info.form == "ing"):
            return None  # shared subject: handled by the caller
        if t.text == ",":
            return self._appositive_subject(i)
        span = self.left_np(i) or self.postmodified_np(i)
        if not span:
            relative = self._relative_subject(i)
            if relative is not None:
                return relative
            counted = self._counted_np(i)
            return (self.mention(*counted), "subject", counted[0]) if counted else None
        a, b = span
        if toks[b].text.endswith(("'s", "’s")) and toks[b].low not in ("he's", "she's", "it's", "he’s", "she’s", "it’s"):
            return None  # "Sanders's call for ...": a possessor, so the cue word is a noun
        if any(toks[x].low == "and" for x in range(a, b)):
            # "Carson, Fiorina and Huckabee said": the names listed before the last two.
            while a >= 2 and toks[a - 1].text == "," and toks[a - 2].cap:
                more = self.left_np(a - 2)
                if more is None or (more[0] > 0 and toks[more[0] - 1].low in T.PREPOSITIONS):
                    break  # "In London, Smith and Jones said": a place, not one of the list
                a = more[0]
        # "a source close to the minister said", "an official speaking to Fox News said": the
        # speaker is the noun the post-modifier hangs on, not the noun phrase inside it.
        x = a - 1
        while x >= 1 and a - x <= 2 and (toks[x].low in T.POSTMODIFIER_STARTS or toks[x].low in T.PREPOSITIONS):
            core = self.left_np(x - 1)
            if core and self._person_head(toks[core[1]]) and not toks[core[1]].cap:
                a = core[0]
                break
            x -= 1
        if not any(toks[x].cap or toks[x].low in speaker_nouns() or T.person_noun(toks[x].low) for x in range(a, b + 1)) and not (
            toks[a].low in T.DETERMINERS and toks[b].low in title_words()
        ) and not (a == b and toks[a].low in T.QUANTIFIER_SPEAKERS):
            return None
        if a == b and toks[a].cap and a == 0 and toks[a].low in self.seg.common_words() \
                and toks[a].low not in speaker_nouns() and toks[a].low not in title_words():
            # A sentence-initial capital that the article also writes in lower case ("Absent",
            # "Back") is an ordinary word, not a name.
            return None
        if info.ambiguous and info.form in ("s", "base") and a > 0 and toks[a - 1].low in T.PREPOSITIONS:
            return None  # "22% of Democratic claims": after a preposition, the cue is a noun
        # "the notes", "member states": an ambiguous cue right after a bare noun is a noun.
        if info.ambiguous and info.form in ("s", "base") and b == a and toks[a].low in T.DETERMINERS:
            return None
        return self.mention(a, b), "subject", a

    def _appositive_end(self, b: int) -> int:
        """Extend a postposed speaker over its appositive: "said Tim Scott, Republican of X"."""
        toks = self.toks
        n = len(toks)
        if b + 1 < n and toks[b + 1].low in ("who", "whose"):
            end = b + 1  # "said a strategist who spoke on condition of anonymity"
            while end + 1 < n and not self.is_stop(end + 1) and not self.quote_starting(toks[end + 1]):
                end += 1
            return end
        if b + 2 >= n or toks[b + 1].text != ",":
            return b
        first = toks[b + 2]
        if not (first.cap or first.low in T.DETERMINERS or first.low in title_words()) or _cue_info(first.text):
            return b
        end = b + 2
        while end + 1 < n and toks[end + 1].text not in (",", ";") and not self.is_stop(end + 1):
            if self.quote_starting(toks[end + 1]):
                return b
            end += 1
        return end

    def _relative_subject(self, i: int) -> tuple[Mention, str, int] | None:
        """'A White House official who spoke anonymously to discuss strategy said': the noun
        phrase before a relative clause that runs up to the cue."""
        toks = self.toks
        for w in range(i, max(-1, i - 16), -1):
            t = toks[w]
            if t.text in (",", ";", ":", "(", ")") or t.text in T.OPEN_QUOTES or t.text in T.CLOSE_QUOTES \
                    or (w < i and _cue_info(t.text) and not t.cap and t.low not in ("spoke", "speaking", "talked")):
                return None
            if t.low in ("who", "whose"):
                span = self.left_np(w - 1) if w > 0 else None
                if span and (toks[span[1]].cap or self._person_head(toks[span[1]])):
                    return self.mention(span[0], span[1], (w, i)), "subject", span[0]
                return None
        return None

    def _counted_np(self, i: int) -> tuple[int, int] | None:
        """Subjects that count people: "About three in 10", "One in five", "all but two",
        "those surveyed"."""
        toks = self.toks
        if i >= 2 and _number(toks[i].low) and toks[i - 1].low in ("in", "of") and _number(toks[i - 2].low):
            a = i - 2
        elif i >= 2 and _number(toks[i].low) and toks[i - 1].low == "but" and toks[i - 2].low == "all":
            a = i - 2
        elif i >= 1 and toks[i].low in _SURVEYED and toks[i - 1].low in ("those", "people", "voters", "respondents", "most"):
            a = i - 1
        else:
            return None
        if a > 0 and toks[a - 1].low in ("about", "nearly", "roughly", "almost", "only", "just", "some", "over"):
            a -= 1
        return a, i

    @staticmethod
    def _person_head(tok: Token) -> bool:
        """A noun that names who speaks: "source", "lawyer", "officials", "partner"."""
        return tok.low in speaker_nouns() or tok.low in title_words() or T.person_noun(tok.low)

    def _skip_between(self, i: int) -> int:
        """Step left over a date adjunct or a parenthesis between speaker and cue."""
        toks = self.toks
        while i >= 0:
            if toks[i].text == ")":
                j = i - 1
                while j >= 0 and toks[j].text != "(" and i - j < 8:
                    j -= 1
                if j >= 0 and toks[j].text == "(":
                    i = j - 1
                    continue
                return i
            if toks[i].text in _DASHES:
                # "Donald Trump - who previously said he would ... - said": a parenthesis in dashes
                j = next((x for x in range(i - 2, max(-1, i - 40), -1) if toks[x].text in _DASHES), None)
                if j is None or j == 0:
                    return i
                i = j - 1
                continue
            if toks[i].text == "," and i >= 3 and toks[i - 1].low in T.ADVERBS and toks[i - 2].text == ",":
                i -= 3  # "The two lawmakers, however, argue that ..."
                continue
            if toks[i].text == ",":
                # ", for one,", ", in contrast,", ", including USA TODAY,": a short aside.
                c = next((x for x in range(i - 2, max(-1, i - 6), -1) if toks[x].text == ","), None)
                if c is not None and c > 0 and (toks[c + 1].low in _ASIDES or toks[c + 1].low == "including") \
                        and not any(_cue_info(toks[x].text) for x in range(c + 1, i)):
                    i = c - 1
                    continue
            j = i
            while j >= 0 and (toks[j].low in T.DATE_WORDS or toks[j].text.isdigit() or toks[j].text == "."):
                j -= 1
            if j < i and any(toks[x].low in T.DATE_WORDS for x in range(j + 1, i + 1)):
                run = range(j + 1, i + 1)
                if j >= 0 and toks[j].cap and toks[j].low not in T.CLAUSE_WORDS and all(
                        toks[x].low in T.MONTHS for x in run if toks[x].text != "."):
                    return i  # "Theresa May said": a surname that is also a month
                if j >= 0 and toks[j].low in ("on", "last", "this", "early", "late", "in"):
                    j -= 1
                i = j
                continue
            return i
        return i

    def quoted_as(self, k: int) -> tuple[Mention, str, int] | None:
        """"the Arsenal boss is quoted as saying": the speaker is the subject of "quoted"."""
        toks = self.toks
        if k >= 3 and toks[k - 1].low == "as" and toks[k - 2].low in ("quoted", "reported", "cited"):
            j = k - 3
            while j >= 0 and toks[j].low in T.PASSIVE_AUX | T.ADVERBS:
                j -= 1
            span = self.left_np(j) if j >= 0 else None
            if span:
                return self.mention(*span), "subject", span[0]
        return None

    def _appositive_subject(self, comma: int) -> tuple[Mention, str, int] | None:
        toks = self.toks
        for p in range(comma - 1, max(-1, comma - 40), -1):
            if toks[p].text in T.OPEN_QUOTES or toks[p].text in T.CLOSE_QUOTES or toks[p].text == ";":
                return None
            if toks[p].text != ",":
                continue
            if p + 1 >= comma:
                return None
            first = toks[p + 1]
            q = self._skip_between(p - 1)
            if q >= 2 and toks[q].text.isdigit() and toks[q - 1].text == ",":
                q -= 2  # "Yin Myint May, 60, a doctor, said": an age between name and role
            if first.text.isdigit() and p + 2 == comma:
                span = self.left_np(q)  # "Suu Kyi, 70, said": an age alone between the commas
                return (self.mention(*span), "subject", span[0]) if span else None
            # ", meanwhile," / ", however,": an adverb between commas is not the speaker.
            if q >= 2 and toks[q].low in T.ADVERBS and toks[q - 1].text == ",":
                q = self._skip_between(q - 2)
            span = self.left_np(q)
            if not span:
                return None
            if span[0] > 0 and toks[span[0] - 1].low in T.PREPOSITIONS:
                # "Officials at Homeland Security Investigations, a division of ..., said": the
                # noun the phrase hangs on; "Clinton, during a town hall in Columbus, Ohio,
                # said": a place, so look further back.
                core = self.left_np(span[0] - 2) if span[0] >= 2 else None
                if not core or not self._person_head(toks[core[1]]):
                    continue
                span = (core[0], span[1])
            if first.low in ("who", "which"):
                return self.mention(*span), "subject", span[0]
            participle = first.low.endswith("ing") and not first.cap
            inner = range(p + 2 if participle else p + 1, comma)
            relative = next((x for x in inner if toks[x].low in ("who", "which", "that")), comma)
            if any(not toks[x].cap and _cue_info(toks[x].text) for x in inner if x < relative):
                # a cue inside the commas ("United States" is a name, not "states"); one in a
                # relative clause is the appositive's ("a pollster who advises the PAC")
                return None
            if first.low in ("of", "from") and first.low != toks[p - 1].low:
                # "Johnnie Wilson, of Springfield, Va., said": where the speaker is from
                return self.mention(span[0], span[1], (p + 1, comma - 1)), "subject", span[0]
            if not (first.cap or participle or first.low in T.DETERMINERS or first.low in title_words()
                    or T.person_noun(first.low) or first.low in ("including", "such")):
                return None
            # A name must stand on one side of the commas.
            if not (toks[span[1]].cap or toks[comma - 1].cap or toks[span[1]].low in speaker_nouns()):
                return None
            return self.mention(span[0], span[1], (p + 1, comma - 1)), "subject", span[0]
        return None

    # -- content ------------------------------------------------------------------------
    def content_after(self, k1: int, info: CueInfo, subject: Token | None = None) -> tuple[int, str] | None:
        """Where the content starts after the cue ending before token ``k1``; kind hint."""
        toks = self.toks
        n = len(toks)
        i = k1
        if i < n and info.listener:
            if (toks[i].low in T.OBJECT_PRONOUNS and not toks[i].cap) or toks[i].low in T.LISTENERS:
                i += 1  # "told us", not "told US TV network Fox News"
            else:
                span = self.right_np(i)
                if span is None or not any(toks[x].cap or toks[x].low in T.LISTENERS or self._person_head(toks[x])
                                           for x in range(span[0], span[1] + 1)):
                    # "told the raucous crowd that ...": a listener we do not know, then "that".
                    that = next((x for x in range(i, min(n, i + 10)) if toks[x].low == "that"), None)
                    if that is None or that + 1 >= n:
                        return None  # "telling stories": not a listener, not speech
                    return toks[that + 1].start, "that"
                i = span[1] + 1
                # "told Britain's ITV television station in an interview": the rest of the listener.
                x = i
                while x < n and x - i < 3 and toks[x].text.isalpha() and not toks[x].cap and not _cue_info(toks[x].text) \
                        and toks[x].low not in T.AUXILIARIES and toks[x].low not in ADJUNCT_STARTS and toks[x].low != "that":
                    x += 1
                if x > i and self.trailing_only(x):
                    return None
                # "told US TV network Fox News on Sunday that ...": more of the listener, then "that".
                that = next((x for x in range(i, min(n, i + 8)) if toks[x].low == "that" or self.is_stop(x)
                             or _cue_info(toks[x].text) or toks[x].text in (",", ":")), None)
                if that is not None and toks[that].low == "that" and that > i and that + 1 < n \
                        and all(toks[x].cap or toks[x].low in T.DATE_WORDS or toks[x].low in ("on", "network", "channel", "radio", "tv")
                                for x in range(i, that)):
                    return toks[that + 1].start, "that"
        elif i < n and info.lemma in _ADDRESSING and toks[i].low == "to":
            # "said to reporters", "wrote to investors on Monday that ...": the addressee.
            span = self.right_np(i + 1)
            if span:
                i = span[1] + 1
            else:
                j = i + 1
                while j < n and j < i + 5 and toks[j].text.isalpha() and toks[j].low not in ("that", "about"):
                    j += 1
                i = j
        if i < n and not (toks[i].low in ("that", ":", ",") or toks[i].low in ADJUNCT_STARTS
                          or toks[i].low in T.DATE_WORDS or self.quote_starting(toks[i]) or toks[i].text == ":"):
            return self._complement(i, info, subject)
        j = i
        while j < n and j < i + 14:
            t = toks[j]
            if t.low == "that" and j + 1 < n and toks[j + 1].text not in (",", ".", ";"):
                return toks[j + 1].start, "that"
            if t.text == ":":
                return (toks[j + 1].start, "colon") if j + 1 < n else None
            q = self.quote_starting(t)
            if q is not None:
                return q.start, "quote"
            if self.is_stop(j) or (j > i and _cue_info(t.text)):
                break
            if t.text == "," and j == i and not (j + 1 < n and self.quote_starting(toks[j + 1])):
                return None
            j += 1
        if i >= n:
            return None
        # "said earlier this month it would reduce ...", "announced on Monday the plant would
        # close": a time phrase, then the clause.
        j = i
        while j < n and j - i < 5 and (toks[j].low in _TIME_WORDS or toks[j].low in T.DATE_WORDS or toks[j].text.isdigit()):
            j += 1
        if i < j < n and any(toks[x].low in T.DATE_WORDS for x in range(i, j)) and (
                toks[j].low in ("he", "she", "it", "they", "we", "i", "the", "there") and not info.ambiguous):
            return toks[j].start, "complement"
        t = toks[i]
        if t.text in (",", ".", "!", "?", ";", ")") or t.low in ADJUNCT_STARTS:
            return None
        return self._complement(i, info, subject)

    def _complement(self, i: int, info: CueInfo, subject: Token | None = None) -> tuple[int, str] | None:
        toks = self.toks
        n = len(toks)
        if info.lemma in ("call", "describe") and info.form == "ed" and i < n and toks[i].cap and i > 0 \
                and toks[i - 1].low in ("called", "named") and not any(
                    self.quote_starting(toks[x]) for x in range(i, min(n, i + 8)) if not self.is_stop(x)):
            # "a scruffy little Austrian called Adolf Hitler": a name, not a claim; but "Cross
            # called November's election “a citizenship election”" is one.
            return None
        dated = i
        while i < n and toks[i].low in T.DATE_WORDS:
            i += 1  # "announced Friday that ...", "wrote Wednesday."
        if i >= n or (i > dated and toks[i].low in ADJUNCT_STARTS):
            return None  # "said Tuesday in Paris": where and when, not what
        t = toks[i]
        if t.text in (",", ".", "!", "?", ";", ")"):
            return None
        if _adverb(t.low) and (i + 1 >= n or toks[i + 1].low in ADJUNCT_STARTS
                                                       or toks[i + 1].low in ("into", "to") or self.is_stop(i + 1)):
            return None  # "said pleasantly into the phone": how, not what
        if info.ambiguous and info.form in ("s", "base") and subject is not None and (
            subject.cap or subject.low in T.PRONOUNS
        ) and t.low in T.PRONOUNS and t.low not in ("him", "her", "them", "it"):
            return t.start, "complement"  # "Trump claims he is worth ..."
        if info.ambiguous and info.form in ("s", "base"):
            return None
        if t.low == "by" and info.form == "ed" and not (i + 1 < n and toks[i + 1].low.endswith("ing")):
            return None  # "the monitor maintained by the embassy": a passive, its agent follows
        if t.low in _NO_CONTENT_OBJECTS and (i + 1 >= n or toks[i + 1].text in (".", ",") or toks[i + 1].low in ADJUNCT_STARTS):
            return None  # "stated this during a meeting": the content is elsewhere
        return t.start, "complement"

    def trailing_only(self, i: int) -> bool:
        """True when tokens from ``i`` to the sentence end are only adjuncts (no content)."""
        toks = self.toks
        n = len(toks)
        if i + 1 < n and _adverb(toks[i].low) and not toks[i].cap \
                and (toks[i + 1].low in ADJUNCT_STARTS or toks[i + 1].low in ("into", "to") or self.is_stop(i + 1)):
            i += 1  # "said pleasantly into the phone", "said quietly."
            if toks[i].low in ("into", "to"):
                return True
        if i >= n or toks[i].text in (".", "!", "?", ";", ",", ")", "(") or (toks[i].text == ":" and i + 1 >= n):
            return True  # (a colon closing the paragraph: "He said:", the quotation follows)
        return toks[i].low in ADJUNCT_STARTS or toks[i].low in T.DATE_WORDS or toks[i].low == "to"

    def _title(self, q) -> bool:
        """A short quotation in title case: the name of a show, book or film, not speech."""
        words = self.text[q.start : q.end].strip(" \"“”'‘’,.").split()
        return 0 < len(words) <= 6 and all(w[:1].isupper() or w.lower() in ("the", "a", "of", "and", "in", "on", "to", "for")
                                           for w in words)

    def _lead(self, a: int) -> int:
        """The token before the speaker phrase starting at ``a``, past a few lower-case modifiers
        the phrase did not take in: '..., veteran Republicans said.', '"...," veteran analyst
        Charlie Cook wrote.'"""
        toks = self.toks
        x = a - 1
        while x > 0 and a - x <= 3 and toks[x].text.replace("-", "").isalpha() and not toks[x].cap and toks[x].low not in T.CLAUSE_WORDS \
                and toks[x].low not in ADJUNCT_STARTS and not _cue_info(toks[x].text):
            x -= 1
        if x < a - 1 and (toks[x].text == "," or self.quote_ending(toks[x])):
            return x
        return a - 1

    def content_before(self, a: int) -> tuple[int, int] | None:
        """Content that precedes the speaker phrase starting at token ``a`` (inverted order)."""
        toks = self.toks
        if a == 0:
            return None
        prev = toks[self._lead(a)]
        start = self.sent.start
        if prev.text == ",":
            end = prev.start
        elif prev.text in T.CLOSE_QUOTES and self.quote_ending(prev):
            end = prev.end
        elif prev.text in T.OPEN_QUOTES and not self.quote_starting(prev) and self.quote_ending(prev):
            end = prev.end
        else:
            return None
        if end - start < 3:
            return None
        first = toks[0]
        if first.low in ("asked", "in", "on", "at", "during", "after", "before", "when", "while", "speaking") and (
                not self.quotes or all(self._title(q) for q in self.quotes if start <= q.start < end)) and not any(
                t.text == "," and start < t.start < end - 1 for t in toks):
            # (with a comma inside, the phrase only opens the content: "In fact, X, analysts say")
            # "In her post, X said", 'In an interview on CBS's "Face the Nation," Ryan said':
            # an introductory phrase (quoting at most a title), not what was said
            return None
        return start, end

    # -- the cues -------------------------------------------------------------------------
    def run(self) -> None:
        masked = self.masked
        sent = self.sent
        for m in cue_regex().finditer(masked, sent.start, sent.end):
            info = _cue_info(m.group())
            if info is None:
                continue
            if m.group()[:1].isupper() and m.start() != sent.start and not self._title_case() and (
                info.ambiguous or info.weak or self._inside_name(m)
            ):
                continue  # "The Huffington Post", "Early Warning System": part of a name, not a cue
            k0 = self.index_at(m.start())
            k1 = self.index_at(m.end())
            if info.form == "s" and k1 < len(self.toks) and (
                    self.toks[k1].low in _PLURAL_VERBS or self.toks[k1].low in ("written", "made", "filed", "published")):
                continue  # "Health worries have dogged her", "notes written in the margins": plural nouns
            self.cue(m, info, k0, k1)
        for m in _ACCORDING.finditer(masked, sent.start, sent.end):
            self.according(m)
        for m in speech_noun_regex().finditer(masked, sent.start, sent.end):
            self.speech_noun(m)
        if self.heading and not self.claims:
            self.colon_headline()
        self._cut_boundaries()

    def _before_that(self, k1: int) -> bool:
        """True when a "that" after the cue starts a relative clause ("in a documentary that")."""
        toks = self.toks
        for x in range(k1, min(len(toks), k1 + 14)):
            if toks[x].low == "that":
                if x > k1 + 1 and toks[x - 1].cap and any(toks[y].low in ("at", "in", "on", "near", "outside", "inside")
                                                         for y in range(k1, x - 1)):
                    return True  # "told a crowd at Hamburger Mary's that spilled out ..."
                return x > k1 and toks[x - 1].text.isalpha() and not toks[x - 1].cap and toks[x - 1].low not in T.DATE_WORDS \
                    and toks[x - 1].low not in T.LISTENERS and toks[x - 1].low not in T.OBJECT_PRONOUNS and not toks[x - 1].text.isdigit()
        return False

    def _parenthetical(self, a: int, k1: int) -> bool:
        """An attribution set off by commas inside its content: "X, officials said, would ..."."""
        toks = self.toks
        n = len(toks)
        if not (a > 0 and toks[a - 1].text == "," and k1 + 1 < n and toks[k1].text == ","):
            return False
        nxt = toks[k1 + 1]
        return not nxt.cap and nxt.low not in ADJUNCT_STARTS and nxt.low not in T.DATE_WORDS and not _cue_info(nxt.text) \
            and nxt.text.isalpha() and not nxt.low.endswith("ing")

    def _inside_name(self, m: re.Match) -> bool:
        k0, k1 = self.index_at(m.start()), self.index_at(m.end())
        before = self.toks[k0 - 1] if k0 > 0 else None
        after = self.toks[k1] if k1 < len(self.toks) else None
        return before is not None and before.cap and after is not None and after.cap

    def _title_case(self) -> bool:
        """A headline written In Title Case, where a capital says nothing about names."""
        words = [t for t in self.toks if t.text[:1].isalpha() and len(t.text) > 3]
        return len(words) >= 3 and sum(t.cap for t in words) >= 0.7 * len(words)

    def speech_noun(self, m: re.Match) -> None:
        """"Russia's warning that ...": the possessor said what follows "that"."""
        toks = self.toks
        k0 = self.index_at(m.start())
        if k0 >= len(toks) or any(c.start <= m.start() < c.end for c in self.claims[-32:]):
            return
        head = toks[k0 - 1] if m.group()[:1] in "'’" and k0 > 0 else toks[k0]
        pos = self.index_at(head.start)
        if head.low in ("his", "her", "their", "its"):
            mention = self.mention(pos, pos)
            mention.pronoun = {"his": "he", "her": "she", "their": "they", "its": "it"}[head.low]
            mention.plural = mention.pronoun == "they"
        else:
            span = self.left_np(pos)
            if span is None:
                return
            mention = self.mention(*span)
        self.add((m.end(), self.content_end()), mention, m, None, 0.7, rule="speech-noun")

    def colon_headline(self) -> None:
        """"Graham: Trump's rhetoric is destroying the party" — a speaker, a colon, the claim."""
        toks = self.toks
        colon = next((i for i, t in enumerate(toks[:6]) if t.text == ":"), None)
        if colon is None or colon == 0 or colon + 1 >= len(toks):
            return
        span = self.right_np(0, colon)
        if span is None or span[1] != colon - 1 or toks[0].low in headline_labels():
            return
        if not all(t.cap or t.low in T.CONNECTORS for t in toks[span[0] : span[1] + 1]) or any(
            t.low in T.CLAUSE_WORDS or t.text[:1].isdigit() for t in toks[span[0] : span[1] + 1]
        ):
            return  # "Now we know:", "3 Important Things To Know:" are not speakers
        mention = self.mention(*span)
        if mention.type not in ("person", "country", "organization", "media") or mention.pronoun:
            return
        m = re.compile(r".*").match(self.masked, toks[colon].start, toks[colon].end)  # offsets in the text
        self.add((toks[colon + 1].start, self.content_end()), mention, m, None, 0.6, rule="headline-colon")

    def _shared_speaker(self, k0: int) -> Mention | None:
        for c in reversed(self.claims):
            if c.cue_start is not None and c.cue_start < self.toks[k0].start:
                return c.mention
        span = self.leading_np(k0)
        if span:
            return self.mention(*span)
        return None

    def cue(self, m: re.Match, info: CueInfo, k0: int, k1: int) -> None:
        toks = self.toks
        if info.lemma == "put it" and not (any(t.low == "as" for t in toks[max(0, k0 - 8) : k0])
                                           or self.trailing_only(k1)):
            return  # "as the minister put it", "..., she put it."; not "he put it on the table"
        before = self.speaker_before(k0, info)
        confidence = 0.85 if not info.weak else 0.6
        if info.ambiguous:
            confidence -= 0.1
        shared: str | None = None  # the rule, when the subject is shared with an earlier clause
        if before is None:
            # "..., said Kallas." / "..., says the ministry."
            prev = toks[k0 - 1] if k0 > 0 else None
            if prev is not None and (prev.text == "," or self.quote_ending(prev)) and info.form in ("ed", "s"):
                span = self.right_np(k1)
                appositive = None
                if span and toks[span[1]].low not in T.DATE_WORDS:
                    end = self._appositive_end(span[1])
                    if end > span[1]:
                        first = span[1] + (2 if toks[span[1] + 1].text == "," else 1)
                        appositive = (first, end) if first <= end else None
                        span = (span[0], end)
                if span and self.trailing_only(span[1] + 1):
                    if appositive:
                        core_end = appositive[0] - (2 if toks[appositive[0] - 1].text == "," else 1)
                        mention = self.mention(span[0], core_end, appositive)
                    else:
                        mention = self.mention(*span)
                    content = self.content_before(k0)
                    if content and info.lemma in _NAMING and not self.quote_ending(prev):
                        return  # "The program, called EB-5, allows ...": a name, not a speaker
                    if content:
                        self.add(content, mention, m, info, confidence, rule="inverted-verb-first")
                        self._continued_quote(span[1] + 1, mention, m, info, confidence)
                    return
            # Shared subject: "X supported the plan but noted that ...", ", warning that ...".
            i = k0 - 1
            while i >= 0 and not toks[i].cap and (toks[i].low in T.ADVERBS or toks[i].low in T.AUXILIARIES):
                i -= 1
            if i >= 0 and not info.weak and (
                (toks[i].low in ("and", "but") and info.form != "ing")
                or (toks[i].text == "," and info.form == "ing" and (
                    self.claims or not info.ambiguous
                    # "..., claiming it made false statements": a clause follows, so it is speech
                    or (k1 < len(toks) and toks[k1].low in ("that", "he", "she", "it", "they", "we"))))
            ):
                mention = self._shared_speaker(k0)
                if mention is None:
                    return
                shared = "shared-subject" if toks[i].low in ("and", "but") else "comma-saying"
                boundary = toks[i].start
                if toks[i].low in ("and", "but") and i > 0 and toks[i - 1].text == ",":
                    boundary = toks[i - 1].start
                before = (mention, "shared", k0)
            elif i >= 0 and info.form == "ing" and not info.weak and toks[i].low in ("statement", "post", "letter", "interview", "message", "tweet", "video", "release", "report", "speech", "remarks"):
                mention = self._shared_speaker(k0)
                if mention is None:
                    return
                before = (mention, "shared", k0)
                boundary = None
            else:
                return
        else:
            boundary = None
        mention, how, a = before
        if how == "pronoun" or how == "relative":
            confidence -= 0.05
        after = self.content_after(k1, info, toks[a] if how != "shared" else None)
        lead = toks[self._lead(a)] if a > 0 else None
        if lead is not None and self.quote_ending(lead) and how != "shared" and (
            after is None or after[1] != "that" or self._before_that(k1)
        ):
            # '"...," Mr. Manafort said on CBS's "Face the Nation."': the quotation before the
            # speaker is the content, whatever follows the cue.
            content = self.content_before(a)
            if content:
                self.add(content, mention, m, info, confidence, rule="inverted-said")
                self._continued_quote(k1, mention, m, info, confidence)
                return
        if lead is not None and lead.low == "as" and how != "shared" and not (
                k1 < len(toks) and toks[k1].low in ("to", "for", "with", "about", "against", "that")):
            # "As Palisa explained, ..." / "..., as the minister put it." (not "as voters
            # responded to ...": a cue with its own object is no parenthesis)
            comma = next((x for x in range(k1, len(toks)) if toks[x].text == ","), None)
            if comma is not None and comma + 1 < len(toks) and not self.is_stop(comma + 1):
                # "The economy, as the minister said, is fragile": the sentence around the aside.
                start = self.sent.start if a >= 3 and toks[a - 2].text == "," else toks[comma + 1].start
                self.add((start, self.content_end()), mention, m, info, confidence, rule="as-x-put-it")
                return
            if a - 2 >= 0 and toks[a - 2].text == ",":
                self.add((self.sent.start, toks[a - 2].start), mention, m, info, confidence, rule="as-x-put-it")
                return
            return
        if after is not None:
            start, hint = after
            if shared and boundary is not None and any(
                c.start <= toks[k0].start < c.end and c.extra.get("hint") in ("that", "colon", "quote")
                for c in self.claims[-32:]
            ):
                return  # "X argued that A persisted but also claimed B": B's subject is A
            if hint == "complement" and info.stance:
                # The stance verb is part of the claim: "has not ruled out involvement".
                start = m.start()
                x = k0 - 1
                while x > a and not toks[x].cap and (toks[x].low in T.AUXILIARIES or toks[x].low in T.ADVERBS):
                    start = toks[x].start
                    x -= 1
            end = self.content_end()
            if how == "relative" and a > 0 and toks[a - 1].text == ",":
                # "Trump, who has told aides he sees X, said ...": the relative clause ends
                # where the main clause's verb comes back after a comma.
                back = next((x for x in range(k1, len(toks) - 1) if toks[x].text == "," and toks[x].start > start
                             and not toks[x + 1].cap and (_cue_info(toks[x + 1].text) or toks[x + 1].low in T.AUXILIARIES)), None)
                if back is not None:
                    end = toks[back].start
            if lead is not None and lead.low in SUBORDINATORS:
                comma = next((x for x in range(k1, len(toks)) if toks[x].text == "," and toks[x].start > start), None)
                if comma is not None:
                    end = toks[comma].start
            if hint == "quote":
                q = self._by_start[start]
                end = max(q.end, end) if q.end >= end - 1 else end
            rule = shared or ("stance-verb" if hint == "complement" and info.stance else _HINT_RULES[hint])
            claim = self.add((start, end), mention, m, info, confidence - (0.1 if hint == "complement" else 0.0), rule=rule)
            if claim:
                claim.extra["hint"] = hint
            if claim and shared and boundary is not None:
                claim.shared_subject = True
                claim.boundary = boundary
            return
        plural_subject = mention.plural or mention.pronoun in ("they", "we", "i") or mention.type == "group"
        inverted_form = info.form in ("ed", "s") or (info.form == "base" and plural_subject)
        if inverted_form and how != "relative" and not (info.ambiguous and info.form in ("s", "base")) and not info.weak and (
            self.trailing_only(k1) or (info.listener and k1 < len(toks))
        ):
            content = self.content_before(a)
            rule = "inverted-said"
            if content and self._parenthetical(a, k1):
                content = (content[0], self.content_end())  # "The plan, officials said, would cost"
                rule = "parenthetical-said"
            short = content and not self.quotes and (self.text.count(" ", content[0], content[1]) < 2 or all(
                t.low in T.DATE_WORDS or t.low in _AGO or t.text.isdigit() or t.low in _NUMBER_WORDS
                for t in toks if content[0] <= t.start < content[1] and t.text.isalnum()))  # "Six months ago"
            if (short or (content is None and a > 1 and toks[a - 1].text == ",")) and k1 + 1 < len(toks) \
                    and toks[k1].text == "," and not self.is_stop(k1 + 1):
                # "And yet, Mrs. Clinton's aides say, Syria remains a priority."; "In the long
                # run, many economists say, this effect could ripple ..."
                content = (toks[k1 + 1].start, self.content_end())
                rule = "parenthetical-said"
            elif short:
                content = None  # "However, he said.": one or two words are not a statement
            if content:
                self.add(content, mention, m, info, confidence, rule=rule)
                self._continued_quote(k1, mention, m, info, confidence)
            elif a == 0 or toks[a - 1].text not in (",",) and not self.quotes:
                self.dangling = RawClaim("direct", 0, 0, mention, m.group(), m.start(), m.end(), info,
                                         self.sent, round(confidence - 0.1, 2), rule="said-then-quote")

    def _continued_quote(self, i: int, mention: Mention, m: re.Match, info: CueInfo, confidence: float) -> None:
        """'"...," she said, "..."': a quotation resumed after the attribution."""
        toks = self.toks
        for j in range(i, min(len(toks), i + 12)):
            q = self.quote_starting(toks[j])
            if q is not None and j > 0 and toks[j - 1].text in (",", ":"):
                self.add((q.start, q.end), mention, m, info, confidence, rule="quote-resumed")
                return
            if toks[j].text in (".", "!", "?"):
                return

    def according(self, m: re.Match) -> None:
        toks = self.toks
        k0 = self.index_at(m.start())
        k1 = self.index_at(m.end())
        span = self.right_np(k1) or self._source_phrase(k1)
        if span is None:
            return
        mention = self.mention(*span)
        relay = m.group().lower().startswith(("as ", "citing"))
        # A claim already found in this sentence is relayed by this source (the last few suffice).
        for c in self.claims[-32:]:
            if c.start <= m.start() <= c.end + 2 or relay:
                c.via = mention
                if c.start <= m.start() < c.end:
                    cut = toks[k0 - 1].start if k0 > 0 and toks[k0 - 1].text == "," else m.start()
                    if cut > c.start:
                        c.end = _rstrip(self.masked, c.start, cut)
                return
        if relay:
            return
        if k0 == 0:
            # "According to X, content." ("X who spoke on condition of anonymity," included)
            nxt = span[1] + 1
            if nxt < len(toks) and toks[nxt].low in ("who", "which"):
                while nxt < len(toks) and toks[nxt].text != ",":
                    nxt += 1
            if nxt < len(toks) and toks[nxt].text == ",":
                nxt += 1
            if nxt < len(toks):
                self.add((toks[nxt].start, self.content_end()), mention, m, None, 0.8, kind="according_to", rule="according-to")
            return
        if k0 > 0 and toks[k0 - 1].text == ",":
            after = span[1] + 1
            if after >= len(toks) or toks[after].text in (".", "!", "?", ";"):
                self.add((self.sent.start, toks[k0 - 1].start), mention, m, None, 0.8, kind="according_to", rule="according-to")
            else:
                self.add((self.sent.start, self.content_end()), mention, m, None, 0.7, kind="according_to", rule="according-to")

    def _source_phrase(self, i: int) -> tuple[int, int] | None:
        """After "according to", the source runs to the comma: "a new poll by Gallup"."""
        toks = self.toks
        j = i
        while j < len(toks) and j - i < 16 and toks[j].text not in (",", ";", ":", "(") and not self.is_stop(j):
            if self.quote_starting(toks[j]) or toks[j].low in ("that", "which"):
                break
            j += 1
        if j == i or not any(c.isalpha() for c in toks[j - 1].text):
            return None
        return i, j - 1

    def add(self, span: tuple[int, int], mention: Mention, m: re.Match, info: CueInfo | None,
            confidence: float, rule: str, kind: str | None = None) -> RawClaim | None:
        start, end = span
        text = self.text
        while start < end and text[start] in " ,:;—–-":
            start += 1
        end = _rstrip(text, start, end)
        while end > start and text[end - 1] in ",;:—–-":
            end = _rstrip(text, start, end - 1)
        if end - start < 3 or not _TWO_LETTERS.search(self.masked, start, end) and start not in self._by_start:
            return None
        if kind is None:
            kind = self._kind(start, end)
        if self.heading:
            kind = "headline"
        claim = RawClaim(kind, start, end, mention, m.group(), m.start(), m.end(), info, self.sent,
                         round(max(0.05, min(0.99, confidence)), 2), rule=rule)
        self.claims.append(claim)
        return claim

    def _kind(self, start: int, end: int) -> str:
        # Quotations are sorted and do not overlap: those starting before ``end``, latest first.
        k = bisect_left(self._quote_starts, end)
        inside = []
        for q in reversed(self.quotes[:k]):
            if q.end <= start:
                break
            inside.append(q)
        if not inside:
            return "indirect"
        quoted = sum(min(q.end, end) - max(q.start, start) for q in inside)
        return "direct" if quoted >= (end - start) - 2 else "mixed"

    def _cut_boundaries(self) -> None:
        """End claims where another clause of the sentence begins.

        "Italy expressed readiness to send troops, while Poland stated that ...": a second
        speaker's clause joined by a conjunction ends the first claim; a coordinated cue of the
        same speaker ("... and added that") ends it too. Each claim is cut at the first such
        boundary inside it, found by bisection, so a run-on sentence of many attributions stays
        linear.
        """
        toks = self.toks
        cuts: list[tuple[int, str | None, int]] = []  # (position, speaker it belongs to, claim id)
        for o in self.claims:
            k = self.index_at(o.mention.start)
            if k > 0:
                j = k - 1
                if toks[j].low in ("while", "whereas", "and", "but", "though", "although"):
                    j -= 1
                if j >= 0 and toks[j].text in (",", ";"):
                    cuts.append((toks[j].start, o.mention.name, id(o)))
            if o.boundary is not None:
                cuts.append((o.boundary, None, id(o)))  # cuts every other claim
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
            if i < len(cuts) and positions[i] < c.end and cuts[i][2] != id(c):
                c.end = _rstrip(self.masked, c.start, positions[i])
                while c.end > c.start and self.text[c.end - 1] in ",;":
                    c.end -= 1


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def find_raw_claims(seg: Segmented) -> tuple[list[RawClaim], list[Mention]]:
    """Every claim of a segmented article, in text order, plus all speaker phrases seen."""
    claims: list[RawClaim] = []
    mentions: list[Mention] = []
    dangling: list[RawClaim] = []
    cue_re = cue_regex()
    for block in seg.blocks:
        if block.furniture:
            continue
        for sent in block.sentences:
            segment_text = seg.masked[sent.start : sent.end]
            if segment_text.rstrip("\"”’' ").endswith("?"):
                continue  # a question asks; it claims nothing
            if not (cue_re.search(segment_text) or _ACCORDING.search(segment_text)
                    or (block.heading and ":" in segment_text[:80])
                    or ("that" in segment_text and speech_noun_regex().search(segment_text))):
                continue
            parser = _SentenceParser(seg, sent, block.quotes, block.heading)
            parser.run()
            claims.extend(sorted(parser.claims, key=lambda c: c.start))
            mentions.extend(parser.mentions)
            if parser.dangling is not None and not parser.claims:
                dangling.append(parser.dangling)
    _continue_quotes(seg, claims, dangling)
    claims.sort(key=lambda c: (c.start, c.end))
    return claims, mentions


def _next_sentence(seg: Segmented, sent: Sentence) -> Sentence | None:
    block = seg.blocks[sent.block]
    idx = bisect_left([s.start for s in block.sentences], sent.start) if len(block.sentences) < 8 else \
        bisect_left(seg.sentence_starts(block), sent.start)
    if idx + 1 < len(block.sentences):
        return block.sentences[idx + 1]
    for nxt in seg.blocks[sent.block + 1 : sent.block + 3]:
        if nxt.sentences:
            return nxt.sentences[0]
    return None


def _lone_quote(seg: Segmented, sent: Sentence):
    """The quotation that is the whole of ``sent`` (bar punctuation), if it is one."""
    q = next((q for q in seg.blocks[sent.block].quotes if q.start == sent.start), None)
    if q is None or seg.masked[q.end : sent.end].strip(" .,!?"):
        return None
    return q


def _continue_quotes(seg: Segmented, claims: list[RawClaim], dangling: list[RawClaim]) -> None:
    """A quotation with no cue of its own continues the previous direct speaker's words."""
    starts = sorted(c.start for c in claims)
    for d in dangling:
        # '"... missing." Trump said.': the quotation just before, closed by its own full stop.
        block = seg.blocks[d.sentence.block]
        idx = bisect_left(seg.sentence_starts(block), d.sentence.start)
        prv = block.sentences[idx - 1] if idx > 0 else None
        q = _lone_quote(seg, prv) if prv is not None else None
        if q is not None and seg.masked[q.end : d.sentence.start].strip() == "" \
                and bisect_left(starts, q.start) == bisect_left(starts, q.end):
            d.start, d.end, d.sentence = q.start, _rstrip(seg.text, q.start, q.end), prv
            d.rule = "quote-then-said"
            claims.append(d)
            continue
        nxt = _next_sentence(seg, d.sentence)
        if nxt is None:
            continue
        q = _lone_quote(seg, nxt)
        if q is None:
            continue
        d.start, d.end, d.sentence = q.start, _rstrip(seg.text, q.start, q.end), nxt
        claims.append(d)
    by_block: dict[int, list[RawClaim]] = {}
    for c in claims:
        by_block.setdefault(c.sentence.block, []).append(c)
    last: RawClaim | None = None
    last_block = -2
    extra: list[RawClaim] = []
    for block in seg.blocks:
        if block.furniture:
            continue
        own = sorted(by_block.get(block.index, []), key=lambda c: c.start)
        own_starts = [c.start for c in own]
        # Claims in text order, each with the latest end so far: "is this quotation inside one?"
        reach: list[int] = []
        for c in own:
            reach.append(max(c.end, reach[-1]) if reach else c.end)
        directs = [c for c in own if c.kind in ("direct", "mixed")]
        direct_ends = [c.end for c in directs]
        sentences = {s.start: s for s in block.sentences}
        for q in block.quotes:
            k = bisect_left(own_starts, q.start + 1)
            if k and reach[k - 1] + 1 >= q.end:
                continue  # inside an earlier claim's content
            sent = sentences.get(q.start)
            words = seg.text.count(" ", q.start, q.end) + 1
            if sent is None or words < 4:
                continue
            # The last direct claim ending before the quotation, in this block or the one before.
            j = bisect_left(direct_ends, q.start + 1)
            prior = max(directs[:j], key=lambda c: c.end) if j else None
            source = prior or (last if last_block == block.index - 1 and q.start == block.start else None)
            if source is None:
                continue
            # Only a sentence that is the quotation alone (no cue of its own) continues it.
            if seg.masked[q.end : sent.end].strip(" .,!?"):
                continue
            cont = RawClaim("direct", q.start, _rstrip(seg.text, q.start, q.end), source.mention, source.cue,
                            source.cue_start, source.cue_end, source.info, sent,
                            round(source.confidence - 0.1, 2), source.via, rule="quote-continuation")
            extra.append(cont)
            directs.append(cont)
            direct_ends.append(cont.end)
        if directs:
            last, last_block = max(directs, key=lambda c: c.start), block.index
    claims.extend(extra)
