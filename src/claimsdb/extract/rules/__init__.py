"""The constructions the rules extractor knows, by name.

Every claim the extractor finds carries the name of the construction that found it
(``ClaimCandidate.rule``, the ``rule`` column, ``claims show``). Names are stable: stored claims
and the confidence model refer to them, so a rule that changes meaning gets a new name.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)


class Rule:
    """A construction: its stable name, what it finds, and one sentence it finds a claim in."""

    name: str
    summary: str
    example: str


RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        Rule("said-that", "speaker, cue, that-clause",
             "The minister said that the talks would resume in May."),
        Rule("said-clause", "speaker, cue, a clause without 'that'",
             "The minister said the talks would resume in May."),
        Rule("said-colon", "speaker, cue, colon, content",
             "The minister said: the talks will resume in May."),
        Rule("said-quote", "speaker, cue, quotation",
             "The minister said \"the talks will resume in May\"."),
        Rule("stance-verb", "a stance verb that is part of the claim",
             "The bank has not ruled out a rate rise."),
        Rule("shared-subject", "a second cue sharing the subject of the first clause",
             "The union backed the offer but warned that jobs were at risk."),
        Rule("comma-saying", "a participle cue after a comma, sharing the subject",
             "The union rejected the offer, saying it was too low."),
        Rule("inverted-said", "content, then speaker and cue",
             "\"The talks will resume in May,\" the minister said."),
        Rule("inverted-verb-first", "content, then cue and speaker",
             "\"The talks will resume in May,\" said the minister."),
        Rule("parenthetical-said", "speaker and cue set off by commas inside the content",
             "The talks, the minister said, will resume in May."),
        Rule("quote-resumed", "a quotation resumed after the attribution",
             "\"The talks are over,\" she said, \"and they will not resume.\""),
        Rule("as-x-put-it", "an 'as' aside naming the speaker",
             "As the minister put it, the talks are over."),
        Rule("according-to", "'according to' and its source",
             "According to the minister, the talks will resume in May."),
        Rule("speech-noun", "a possessor's speech noun and its that-clause",
             "Norway's warning that the talks could fail was ignored."),
        Rule("headline-colon", "a headline: speaker, colon, claim",
             "Solberg: talks will resume in May\n\nThe talks broke down in March."),
        Rule("said-then-quote", "an attribution without content, then a quotation sentence",
             "The minister said in a statement on Tuesday:\n\"The talks will resume in May.\""),
        Rule("quote-then-said", "a quotation sentence, then an attribution without content",
             "\"The talks will resume in May.\" The minister said."),
        Rule("relay", "a medium passes on another speaker's words; the medium is kept as 'via'",
             "Interfax quoted the minister as saying the border would stay closed."),
        Rule("quote-continuation", "a quotation alone continues the previous direct speaker",
             "\"The talks will resume,\" she said. \"We are ready to sign the deal.\""),
    )
}
