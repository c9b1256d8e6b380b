"""When each claim was made, and the numbers in it.

A claim's date is a date expression in its own sentence but outside its content ("On March
16, X stated that ...", "X said on Aug. 29 that ..."), the one nearest the cue. A claim with no date in
its own sentence whose speaker is a pronoun takes the nearest date earlier in the paragraph
("In February, Macron hosted a meeting ... However, he noted that ..."). Dates are resolved against
the publication date, or for "the same day" / "the next day" against the last date told before
(not one in brackets or looking back: "as during the previous visit on 5 April"). In a report
that keeps one sentence per line, an undated claim takes the date of the episode a few lines up
that named its speaker, or of the same speaker's claim just before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date

from claimsdb.pattern_cache import compile_pattern
from claimsdb.read.datelines import Dateline
from claimsdb.read.titles import is_furniture
from claimsdb.extract.tokens import PRONOUNS
from claimsdb.records import ClaimCandidate, PartialDate
from claimsdb.resolve.dates import DateMention, find_dates, resolve_date
from claimsdb.resolve.names import whole_word_starts
from claimsdb.resolve.quantities import find_quantities


# How many contents starting before a date are looked at to tell whether one holds it.
_NESTED_LOOKBACK = 32
# A sentence opening with one of these moves away from the date told before it.
_SEQUENCE_WORDS = ("Later", "Earlier", "Previously", "Subsequently", "Since then", "Afterwards", "Before that")


def _publication_anchor(published: date | None, method: str | None) -> PartialDate | None:
    if published is None:
        return None
    if method == "text":
        # The latest date in the text is only a lower bound of the publication date: trust its
        # year, not its day, so "Aug. 29" after "July 15, 2025" stays in 2025.
        return PartialDate(published.year, precision="year")
    return PartialDate(published.year, published.month, published.day, "day")


# Words just before a date that look back from the story to an earlier one: "as during the
# previous visit on 5 April". Such a date is no new point of the story's time line.
_LOOKING_BACK = compile_pattern(r"\b(?:previous|prior|last|earlier)\s+[a-z]+\s+(?:on|of|in)\s+$", re.IGNORECASE)


def _moves_the_story(text: str, m: DateMention) -> bool:
    """Whether a date tells where the story's time line now stands, for "the same day" after it:
    not a date in brackets ("(see the report of 7 April)") nor one looking back."""
    line_start = text.rfind("\n", 0, m.start) + 1
    before = text[line_start : m.start]
    if before.count("(") > before.count(")"):
        return False
    return _LOOKING_BACK.search(text, max(line_start, m.start - 40), m.start) is None


def _resolve_all(text: str, anchor: PartialDate | None) -> list[tuple[DateMention, PartialDate | None]]:
    out: list[tuple[DateMention, PartialDate | None]] = []
    context: PartialDate | None = anchor
    for m in find_dates(text):
        if m.relative_to == "context":
            resolved = resolve_date(m, context) if context is not None else None
        else:
            resolved = resolve_date(m, anchor)
        if not _moves_the_story(text, m):
            pass
        elif m.kind in ("date", "month") and resolved is not None:
            context = resolved
        elif m.kind == "relative" and resolved is not None and resolved.precision == "day":
            context = resolved
        out.append((m, resolved))
    return out


def trim_dateline(claims: list[ClaimCandidate], dateline: Dateline | None) -> None:
    """Take the dateline ("KYIV, March 3 (Reuters) - ") out of the content that starts with it:
    where and when a story was filed is the agency's, not part of what anyone said."""
    if dateline is None:
        return
    for c in claims:
        if c.text_start <= dateline.end - 1 and c.text_end > dateline.end and c.text_start >= dateline.start:
            c.text_start = dateline.end


def _dateline_date(text: str, dateline: Dateline | None, anchor: PartialDate | None) -> PartialDate | None:
    if dateline is None or dateline.date_start is None:
        return None
    found = find_dates(text, dateline.date_start, dateline.date_start + len(dateline.date or ""))
    return resolve_date(found[0], anchor) if found and found[0].kind == "date" else None


def date_claims(text: str, claims: list[ClaimCandidate], *, published: date | None,
                published_method: str | None, dateline: Dateline | None = None) -> None:
    """Set ``stated_on`` on every claim whose sentence (or the one before) dates it.

    A dateline's date ("LUHANSK, July 27 (RIA Novosti) -") is the anchor when nothing better
    tells the publication date (it fills in the day of a year-only anchor), and it dates the
    claims of the lead it opens that give no date of their own: a wire story reports that day's
    statements ("..., the ministry said on Sunday" under a July 27 dateline).
    """
    if not claims:
        return
    anchor = _publication_anchor(published, published_method)
    lead_date = _dateline_date(text, dateline, anchor)
    if lead_date is not None and lead_date.precision == "day" and (anchor is None or anchor.precision != "day"):
        anchor = lead_date
    if anchor is None or anchor.precision != "day":
        # "said yesterday (29 August)": the article tells what its own "yesterday" is.
        anchor = _glossed_today(text, anchor) or anchor
    dated = [(m, d) for m, d in _resolve_all(text, anchor) if d is not None]
    starts = [m.start for m, _ in dated]
    contents = sorted((c.text_start, c.text_end) for c in claims)
    content_starts = [cs for cs, _ in contents]
    reach: list[int] = []  # the furthest content end among contents starting up to here
    for _, ce in contents:
        reach.append(max(ce, reach[-1]) if reach else ce)

    def inside_content(pos: int, cue: int) -> bool:
        """Whether a content holds ``pos`` that does not also hold the claim's cue: a date in
        a quotation is the quotation's, but a relay's content ("SITA reported that Fico said
        on May 3 ...") is the context of the claims nested in it."""
        k = bisect_right(content_starts, pos)
        if not k or reach[k - 1] <= pos:
            return False
        for i in range(k - 1, max(-1, k - 1 - _NESTED_LOOKBACK), -1):
            cs, ce = contents[i]
            if ce > pos and not cs <= cue < ce:
                return True
            if reach[i] <= pos:
                break
        return False

    def own_date(s: int, e: int, cue: int) -> PartialDate | None:
        i = bisect_left(starts, s)
        best: tuple[int, PartialDate] | None = None
        while i < len(dated) and dated[i][0].start < e:
            m, d = dated[i]
            if m.kind != "year" and (not inside_content(m.start, cue) or _is_source_trailer(text, m)
                                     or _between_object_and_complement(text, m, cue)) \
                    and not (_BOUND_BEFORE.search(text, max(0, m.start - 12), m.start)
                             and not _WHEN_AFTER.match(text, m.end, min(len(text), m.end + 30))) \
                    and not (m.start < cue and _RELATIVE_CLAUSE_BEFORE.search(text, max(s, m.start - 90), m.start)):
                dist = abs(m.start - cue)
                if dateline is not None and dateline.start <= m.start < dateline.end:
                    # "BRUSSELS, June 5 — X told a briefing on June 4 that ...": the day the
                    # story was filed gives way to any date of the sentence's own, however
                    # far from the cue (rule dateline-date-last).
                    dist += len(text)
                if best is None or dist < best[0]:
                    best = (dist, d)
            i += 1
        return best[1] if best else None

    def attribution_year(c: ClaimCandidate, cue: int) -> PartialDate | None:
        """A year that dates the attribution itself, outside every content: after the cue ("said
        in 2009 that ...", "(as she put it at a meeting in 2008)") or opening the sentence ("In
        2009, X said ..."), with no comma or relative word between ("said Y, who was elected in
        1997" is about Y); not one between the speaker and the cue ("X, founded in 1990, said").
        Elsewhere a year is what was said or the story's background, and dates nothing."""
        i = bisect_left(starts, c.sentence_start)
        while i < len(dated) and dated[i][0].start < c.sentence_end:
            m, d = dated[i]
            i += 1
            if m.kind != "year" or inside_content(m.start, cue) or c.text_start <= m.start < c.text_end:
                continue
            if text[c.sentence_start : m.start].strip().lower() == "in" and not text[m.end : c.speaker_start].strip(" ,"):
                return d  # "In 2009, X said ...": the year opens the speaker's own clause
            cue_end = c.cue_end if c.cue_end is not None else cue
            between = text[cue_end : m.start]
            if m.start > cue_end and between.lower().endswith(" in ") and not _ATTRIBUTION_ENDS.search(between):
                return d
        return None

    one_per_line = _one_sentence_per_line(text)
    for c in claims:
        if c.sentence_start is None or c.sentence_end is None:
            continue
        cue = c.cue_start if c.cue_start is not None else c.speaker_start
        c.stated_on = own_date(c.sentence_start, c.sentence_end, cue)
        if c.stated_on is None and not text.startswith(_SEQUENCE_WORDS, c.sentence_start):
            mention = text[c.speaker_start : c.speaker_end]
            paragraph_start = text.rfind("\n", 0, c.sentence_start) + 1
            if mention.lower() in PRONOUNS:
                # "In February, Macron hosted a meeting ... However, he noted that ...": a
                # pronoun carries on the story of the sentences before it, and so does their date.
                c.stated_on = own_date(paragraph_start, c.sentence_start, c.sentence_start)
                if c.stated_on is None and one_per_line and dated:
                    # "The monitors asked a guard, who said ...": where each line is a sentence
                    # the paragraph is lost, and the speaker the pronoun stands for is looked for
                    # in the lines just before, as a named one is.
                    c.stated_on = _episode_date(text, c, paragraph_start, one_per_line, own_date)
            elif dated:  # an article with no dates in it has no episode to date a claim by
                c.stated_on = _episode_date(text, c, paragraph_start, one_per_line, own_date)
        if c.stated_on is None and lead_date is not None and c.sentence_start <= dateline.end < c.sentence_end:
            c.stated_on = lead_date
        if c.stated_on is None:
            c.stated_on = attribution_year(c, cue)
    _carry_speaker_dates(text, claims, own_date, one_per_line, dated)
    _date_by_interview(text, [c for c in claims if c.stated_on is None], dated)


# "described the plan on Wednesday as ...", "accused Oslo last week of ...": a time between the
# cue's object and its complement is the verb's, so the statement's (rule object-time-complement).
_TIME_BEFORE = compile_pattern(r"\b(?:on|last|this)[ \u00a0]+$")
_COMPLEMENT_AFTER = compile_pattern(r"[ \u00a0]+(?:as|of|for)\b")


def _between_object_and_complement(text: str, m: DateMention, cue: int) -> bool:
    before = text[cue : m.start]
    return 0 < m.start - cue < 60 and not any(ch in before for ch in ".;:\"“”\n") \
        and _TIME_BEFORE.search(before) is not None and _COMPLEMENT_AFTER.match(text, m.end) is not None


# A date in a relative clause before the cue ("Olena, whose house burned down in March 2022,
# said ..."): the clause's event, not the day of the statement (rule relative-clause-date); after
# the cue one may tell the day ("told the daily, which interviewed them on May 3").
_RELATIVE_CLAUSE_BEFORE = compile_pattern(r",[ \u00a0]+(?:[\w'’-]+[ \u00a0]+){0,6}?(?:who|whose|which)\b[^,;:()\"“”\n]*$")
# A date that bounds a span or sets a deadline ("kept in custody until May 13", "must pay by
# June 1") tells no day anything happened on, so it dates no statement (rule bound-date).
_BOUND_BEFORE = compile_pattern(r"\b(?:until|till|through|by)[ \u00a0]+$", re.IGNORECASE)
# "was silent until December 3, when he said ...": the bound is the day of the statement.
_WHEN_AFTER = compile_pattern(r"[^.;\n]{0,20}?,[ \u00a0]*when\b")
# What ends an attribution before a year after its cue: a clause break or a relative word.
_ATTRIBUTION_ENDS = compile_pattern(r"[,;:()\"“”—–]| - |\b(?:who|which|that|when|where|and|but|after|before|since|until)\b",
                               re.IGNORECASE)
# The source and date a line ends with: "..., Radio Harbour FM, June 4, 2011".
_TRAILER_BEFORE = compile_pattern(r",[ \u00a0]+(?:[A-Z][\w.&'’-]*[ \u00a0]+){0,5}[A-Z][\w.&'’-]*,[ \u00a0]*$")
_TRAILER_AFTER = compile_pattern(r"[ \u00a0.…]*(?:\n|$)")


def _is_source_trailer(text: str, m: DateMention) -> bool:
    """Whether a full date ends its line after a source's name set off by commas: the date of
    the interview or broadcast the line quotes, not a date inside what was said."""
    return (m.kind == "date" and m.year is not None
            and _TRAILER_AFTER.match(text, m.end, min(len(text), m.end + 12)) is not None
            and _TRAILER_BEFORE.search(text, max(0, m.start - 80), m.start) is not None)


# A date in brackets or between commas right after "yesterday" or "today": its gloss.
_GLOSS = compile_pattern(r"\s*[(,]\s*(?:on\s+)?$")


def _glossed_today(text: str, anchor: PartialDate | None) -> PartialDate | None:
    """The day the article was written, when it glosses a relative day with a date:
    "yesterday (29 August)" makes today 30 August. The year is the anchor's, if it has one."""
    mentions = find_dates(text)
    for m, following in zip(mentions, mentions[1:]):
        if (m.kind != "relative" or m.unit != "day" or m.relative_to != "now" or following.kind != "date"
                or following.start - m.end > 6 or not _GLOSS.match(text[m.end : following.start])):
            continue
        year = following.year if following.year is not None else (anchor.year if anchor is not None else None)
        return resolve_date(_shifted(m), PartialDate(year, following.month, following.day))
    return None


def _shifted(m: DateMention) -> DateMention:
    """The mention that goes from the glossed day back to the day of writing."""
    return DateMention(m.start, m.end, "relative", unit="day", offset=-m.offset, relative_to="now")


def _carry_speaker_dates(text: str, claims: list[ClaimCandidate],
                         own_date: Callable[[int, int, int], PartialDate | None], one_per_line: bool,
                         dated: list[tuple[DateMention, PartialDate]]) -> None:
    """An undated claim whose speaker also made the claim just before it, with no date
    between, goes on with what that speaker said on the same occasion, and takes its date.

    In a text that keeps one sentence per line, the claim before may be a line or few back: "A
    guard told the monitors that a mine went off." then "The second blast, according to the
    guard, was a controlled one." takes the first line's date. In paragraphs it is in the same
    paragraph or the one before, and only a day carries (rule same-speaker-occasion): "Guo said
    on Wednesday that ..." then '"...," Guo said at the briefing.' or "He added ..." in the next
    paragraph; a month or a year dates the background of a story, not each later word of its
    speaker's. Another speaker's claim, or a paragraph between (page furniture such as
    "Advertisement" aside), ends the occasion. Only a date the claim before was given by its
    own attribution goes on ("said on Wednesday"), not one read inside what was said ("the
    final in Oslo on Sunday 14 May") or found further back."""
    ordered = sorted((c for c in claims if c.sentence_start is not None and c.sentence_end is not None),
                     key=lambda c: (c.sentence_start, c.text_start))
    starts = [m.start for m, _ in dated]
    carried: set[int] = set()

    def by_attribution(c: ClaimCandidate) -> bool:
        """Whether a date mention of the claim's sentence, outside its text, is its date."""
        assert c.sentence_start is not None and c.sentence_end is not None
        i = bisect_left(starts, c.sentence_start)
        while i < len(dated) and dated[i][0].start < c.sentence_end:
            m, d = dated[i]
            if d == c.stated_on and not c.text_start <= m.start < c.text_end:
                return True
            i += 1
        return False

    for before, c in zip(ordered, ordered[1:]):
        assert before.sentence_end is not None and c.sentence_start is not None
        # (in paragraphs a "he" resolved to the surname is the person named in full before)
        same_speaker = before.speaker.name == c.speaker.name \
            or not one_per_line and _one_name(before.speaker.name, c.speaker.name)
        if c.stated_on is not None or before.stated_on is None or before.sentence_start == c.sentence_start \
                or not same_speaker:
            continue
        between = text[before.sentence_end : c.sentence_start]
        if one_per_line:
            if between.count("\n") > _EPISODE_LINES:
                continue
        elif before.stated_on.precision != "day" or not before.speaker.name \
                or any(not is_furniture(line) for line in between.split("\n\n")[1:-1]) \
                or not (id(before) in carried or by_attribution(before)):
            continue
        if own_date(before.sentence_end, c.sentence_start, c.sentence_start):
            continue
        c.stated_on = before.stated_on
        carried.add(id(c))


def _one_name(a: str, b: str) -> bool:
    """Whether two speaker names are one person's, named in full and by surname ("Olaf Brenner",
    "Brenner"): a "he" resolved to the surname a quotation gave is the person named in full."""
    return bool(a and b) and (a.endswith(" " + b) or b.endswith(" " + a))


# Words of a sentence that tell of an occasion a person spoke at, to be dated by it.
_QUESTION_LINE = compile_pattern(r"^(?:Question|QUESTION|Q)[ \u00a0]?:", re.M)
_WE_SPOKE = compile_pattern(r"\b(?:[Ww]e|I) (?:spoke|talked|met)\b|\bspoke (?:to|with) (?:us|me)\b")
_INTERVIEW = compile_pattern(r"\b(?:interview|news conference|press conference|briefing)\b", re.IGNORECASE)
# A photo caption ends its line with the picture's credit in brackets: "(Jane Roe/Agency)",
# "(Photo: Agency)", "(Jane Roe via Agency)". The press conference it shows is another day's,
# not the occasion of the article's quotes (rule caption-no-occasion).
_PHOTO_CREDIT = compile_pattern(
    r"\((?:(?:photo|picture|image|credit)s?\b[^()\n]{0,80}|[^()\n/]{2,60}/[^()\n/]{2,60}|[^()\n]{2,60}\bvia\b[^()\n]{2,40})\)"
    r"[ \t.]*$",
    re.IGNORECASE,
)


def _is_caption_line(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` ends with a photo credit."""
    end = text.find("\n", pos)
    line_end = len(text) if end < 0 else end
    return _PHOTO_CREDIT.search(text, max(pos, line_end - 160), line_end) is not None


def _date_by_interview(text: str, undated: list[ClaimCandidate],
                       dated: list[tuple[DateMention, PartialDate]]) -> None:
    """Date a speaker's undated claims by the one day the article says it interviewed them:
    "Petrov, during an interview in Donetsk on July 25, 2014" dates what Petrov said further on."""
    heads = {c.speaker.name.split()[-1] for c in undated if c.speaker.name[:1].isupper() and c.speaker.name.split()}
    heads = {h for h in heads if len(h) >= 4 and h.isalpha()}
    if not heads:
        return
    occasions: dict[str, set[PartialDate]] = {}
    for m, d in dated:
        if m.kind != "date" or d.precision != "day":
            continue
        start = max(text.rfind("\n", 0, m.start), max(text.rfind(". ", 0, m.start), 0)) + 1
        ends = [i for i in (text.find("\n", m.end), text.find(". ", m.end)) if i >= 0]
        sentence = text[start : min(ends) if ends else len(text)]
        if not _INTERVIEW.search(sentence):
            sentence = _occasion_title(text, m.start)
        if not _INTERVIEW.search(sentence) or _is_caption_line(text, m.end):
            continue
        for head in heads:
            if head in sentence and re.search(r"(?<!\w)" + re.escape(head) + r"(?!\w)", sentence):
                occasions.setdefault(head, set()).add(d)
    for c in undated:
        days = occasions.get(c.speaker.name.split()[-1] if c.speaker.name.split() else "")
        if days and len(days) == 1:
            c.stated_on = next(iter(days))
    # A question-and-answer interview whose lead tells the one day it took place ("We spoke in
    # Oslo on 22 March"): the answers under the speaker labels were given that day (rule
    # interview-lead-date).
    # (Every question label has a "Q": most articles have none and are not scanned line by line.)
    first_q = _QUESTION_LINE.search(text) if "Q" in text else None
    if first_q is None:
        return
    lead_days = set()
    for m, d in dated:
        if m.start >= first_q.start():
            break
        if m.kind != "date" or d.precision != "day":
            continue
        start = max(text.rfind("\n", 0, m.start), max(text.rfind(". ", 0, m.start), 0)) + 1
        if _INTERVIEW.search(text, start, m.start) or _WE_SPOKE.search(text, start, m.start):
            lead_days.add(d)
    if len(lead_days) == 1:
        day = lead_days.pop()
        for c in undated:
            if c.stated_on is None and c.rule == "speaker-label" and c.text_start > first_q.start():
                c.stated_on = day


def _occasion_title(text: str, pos: int) -> str:
    """The title of a transcript whose date opens a line of its own under it ("Press
    conference by Secretary General Anna Lund" / "03 Dec. 2024 | Last updated ..."): the
    title naming the occasion, when the date at ``pos`` opens one of the first lines; else ""
    (rule occasion-title-date)."""
    line_start = text.rfind("\n", 0, pos) + 1
    if line_start == 0 or text[line_start:pos].strip(" \t|-•·"):
        return ""
    head = [ln for ln in text[:line_start].split("\n") if ln.strip()]
    if not 1 <= len(head) <= 2:
        return ""
    return next((ln for ln in head if _INTERVIEW.search(ln)), "")


# How many lines back an episode's date reaches in a text that keeps one sentence per line.
_EPISODE_LINES = 3


def _one_sentence_per_line(text: str) -> bool:
    """Whether the text lost its paragraphs: no blank line after its first lines, many lines."""
    body = text[text.find("\n\n") + 2 :] if "\n\n" in text[:400] else text
    return "\n\n" not in body.strip() and body.count("\n") >= 5


def _names_word(line: str, word: str) -> bool:
    """Whether ``line`` has ``word`` as a whole word, case ignored. Most lines do not hold it
    at all, which a plain search tells without compiling a pattern for each speaker's name
    (only where both are ASCII: elsewhere case folding can match letters that lower() does not)."""
    if line.isascii() and word.isascii():
        # ASCII both: ignoring case is comparing the lowered forms, which keep every offset.
        return next(whole_word_starts(line.lower(), word.lower(), _WORD_CHAR, _WORD_CHAR), None) is not None
    return re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", line, re.IGNORECASE) is not None


_WORD_CHAR = compile_pattern(r"\w")


def _episode_date(text: str, c: ClaimCandidate, paragraph_start: int, one_per_line: bool,
                  own_date: Callable[[int, int, int], PartialDate | None]) -> PartialDate | None:
    """The date of the episode a named speaker was last seen in: "On 27 September the monitors
    met the regional police. The police said ..." The nearest dated line earlier in the
    paragraph (or, in a text that keeps one sentence per line, in the lines just before) counts
    when it names the speaker; a dated line that does not ends the search."""
    head = c.speaker.name.split()[-1] if c.speaker.name else ""
    if len(head) < 4 or not head.isalpha():
        return None
    start = paragraph_start
    if one_per_line:
        for _ in range(_EPISODE_LINES):
            start = text.rfind("\n", 0, max(0, start - 1)) + 1
    end = c.sentence_start  # the stretch before the claim's sentence, nearest line first
    while end > start:
        line_start = max(start, text.rfind("\n", 0, end - 1) + 1)
        found = own_date(line_start, end, end)
        if found is not None:
            line = text[line_start:end]
            named = _names_word(line, head)
            if named:
                return found
            # Where a line is one sentence, one naming someone the claim's attribution names
            # tells the same episode; a day, not a month ("In October the firm was fined" does
            # not date every later word of the firm's). In a paragraph the stretch before the
            # claim holds many sentences, and a shared name says little.
            shared = (one_per_line and found.precision == "day"
                      and _shares_a_name(_last_clause(text, line_start, end), _attribution(text, c)))
            return found if shared else None
        end = line_start
    return None


_CAPITALISED = compile_pattern(r"(?<![\w'’-])[A-Z][\w'’-]+")
# Capitalised words that name no one: sentence openers, pronouns, determiners.
_NOT_NAMES = frozenset({
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "But", "And", "In", "On", "At", "This",
    "That", "These", "Those", "His", "Her", "Their", "Its", "Our", "Mr", "Mrs", "Ms", "Dr",
})


def _attribution(text: str, c: ClaimCandidate) -> str:
    """The words of a claim's sentence outside what was said: its speaker, cue and setting."""
    assert c.sentence_start is not None and c.sentence_end is not None
    before = text[c.sentence_start : max(c.sentence_start, min(c.text_start, c.sentence_end))]
    after = text[min(c.sentence_end, max(c.text_end, c.sentence_start)) : c.sentence_end]
    return before + " " + after


def _last_clause(text: str, start: int, end: int) -> str:
    """The part of a dated line that its last date opens, dates blanked out: "Denied access:
    On 26 September ...; On 27 September two guards stopped the monitors" → "two guards
    stopped the monitors" (where the line has one date, the whole line)."""
    found = find_dates(text, start, end)
    if len(found) > 1:
        clause_start = max(text.rfind(";", start, found[-1].start), text.rfind(". ", start, found[-1].start))
        if clause_start >= 0:
            start = clause_start + 1
    return _without_dates(text, start, end)


def _without_dates(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with its date expressions blanked out."""
    chars = list(text[start:end])
    for m in find_dates(text, start, end):
        chars[m.start - start : m.end - start] = " " * (m.end - m.start)
    return "".join(chars)


# Words that may stand before the subject of a dated line: "On 27 September the monitors ...".
_BEFORE_SUBJECT = frozenset({"on", "in", "at", "by", "the", "a", "an", "and", "then", "also", "two", "three",
                             "four", "five", "six", "seven", "eight", "nine", "ten", "several", "some"})


def _shares_a_name(line: str, attribution: str) -> bool:
    """Whether the subject of a dated line is named in a claim's attribution: "On 27 September
    the OSCE visited the market." then "Traders told the OSCE ..." tells one episode; "The
    vocabulary of EU statements changed on 1 November." then "... urged EU states" does not."""
    names = {w.removesuffix("'s").removesuffix("’s") for w in _CAPITALISED.findall(attribution)} - _NOT_NAMES
    if not names:
        return False
    for token in line.split():
        word = token.strip(".,;:()\"“”‘’'")
        if not word or word.lower() in _BEFORE_SUBJECT or word.isdigit():
            continue
        return word.removesuffix("'s").removesuffix("’s") in names
    return False


def quantify_claims(text: str, claims: list[ClaimCandidate]) -> None:
    """Set ``quantities`` on every claim from the numbers in its content."""
    for c in claims:
        c.quantities = find_quantities(text, c.text_start, c.text_end)
