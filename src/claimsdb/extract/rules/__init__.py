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
        Rule("said-object", "speaker, a cue that is no stance verb, its noun-phrase object",
             "The minister reiterated her call for calm."),
        Rule("said-infinitive", "speaker, a cue that is no stance verb, its infinitive",
             "The minister promised to cut taxes."),
        Rule("shared-infinitive", "a second cue sharing the subject of the first clause, its infinitive",
             "The union backed the offer but threatened to strike."),
        Rule("stance-verb", "a stance verb that is part of the claim",
             "The bank has not ruled out a rate rise."),
        Rule("shared-subject", "a second cue sharing the subject of the first clause",
             "The union backed the offer but warned that jobs were at risk."),
        Rule("shared-object", "a second cue sharing the subject of the first clause, its noun-phrase object",
             "The union backed the offer but questioned its cost."),
        Rule("comma-saying", "a participle cue after a comma, sharing the subject",
             "The union rejected the offer, saying it was too low."),
        Rule("by-saying", "a participle cue after 'by', sharing the subject",
             "The mayor opened the meeting by telling the crowd that the port would reopen."),
        Rule("inverted-said", "content, then speaker and cue",
             "\"The talks will resume in May,\" the minister said."),
        Rule("inverted-verb-first", "content, then cue and speaker",
             "\"The talks will resume in May,\" said the minister."),
        Rule("parenthetical-said", "speaker and cue set off by commas inside the content",
             "The talks, the minister said, will resume in May."),
        Rule("quote-resumed", "a quotation resumed after the attribution with a sentence of its own",
             "\"Still,\" she said, \"The talks will not resume.\""),
        Rule("as-x-put-it", "an 'as' aside naming the speaker",
             "As the minister put it, the talks are over."),
        Rule("according-to", "'according to' and its source",
             "According to the minister, the talks will resume in May."),
        Rule("speech-noun", "a possessor's speech noun and its that-clause",
             "Norway's warning that the talks could fail was ignored."),
        Rule("headline-colon", "a headline: speaker, colon, claim",
             "Solberg: talks will resume in May\n\nThe talks broke down in March."),
        Rule("headline-verb", "a headline: speaker, a verb of headlines, what is said",
             "Kremlin Slams New Sanctions\n\nThe sanctions were announced on Monday."),
        Rule("headline-source-last", "a headline: the claim, a dash, its source",
             "Grain deal is dead - Turkish FM\n\nShips left the port on Monday."),
        Rule("headline-claim-colon", "a headline: the claim, a colon, speaker and cue",
             "Talks Failed: Minister Reveals Details of the Summit\n\nThe summit ended on Monday."),
        Rule("speaker-label", "a transcript's speaker label, a colon, the speaker's words",
             "The minister spoke to the radio.\nAnna Lund: The talks will resume in May."),
        Rule("said-then-quote", "an attribution without content, then a quotation sentence",
             "The minister said in a statement on Tuesday:\n\"The talks will resume in May.\""),
        Rule("quote-then-said", "a quotation sentence, then an attribution without content",
             "\"The talks will resume in May.\" The minister said."),
        Rule("said-this", "an attribution whose object is \"this\", pointing to the sentence before",
             "Boats left the northern ports after the storm had passed.\nAnna Lund said this on Tuesday."),
        Rule("it-stated-by", "'It was stated by X that ...': the passive with the speaker after 'by'",
             "It was stated by the harbour office that the ferries would sail on Monday."),
        Rule("in-x-words", "'In his words,' or 'In the words of X,' opening what X said",
             "Anna Lund spoke on Monday. In her words, the talks are over."),
        Rule("denied-charge", "a charge, a comma, and who denies it",
             "Sweden says Norway is funding the protesters, charges Norway has denied."),
        Rule("relay", "a medium passes on another speaker's words; the medium is kept as 'via'",
             "Interfax quoted the minister as saying the border would stay closed."),
        Rule("quote-continuation", "a quotation alone continues the previous direct speaker",
             "\"The talks will resume,\" she said. \"We are ready to sign the deal.\""),
        Rule("accuse-of", "accused X (the target) of Y (the content)",
             "Norway accused Denmark of breaking the fishing agreement."),
        Rule("blame-for", "blamed X (the target) for Y, or blamed Y on X",
             "The mayor blamed the port authority for the delays."),
        Rule("condemn", "condemned an object, or X (the target) for Y",
             "The government condemned the attack on the ferry."),
        Rule("denounce", "denounced an object, or X (the target) as or for Y",
             "The union denounced the tax as a betrayal of pensioners."),
        Rule("criticise", "criticised an object, or X (the target) as or for Y",
             "The union criticised the board for closing the depot."),
        Rule("praise", "praised an object, or X (the target) for Y",
             "The president praised the rescue teams for their courage."),
        Rule("welcome", "welcomed an object",
             "The committee welcomed the agreement on fishing quotas."),
        Rule("reject", "rejected an object, or X (the target) as Y",
             "The premier rejected the proposal as unworkable."),
        Rule("dismiss", "dismissed an object, or X (the target) as Y",
             "The governor dismissed the report as speculation."),
        Rule("deny", "denied an object",
             "The company denied any wrongdoing."),
        Rule("demand", "demanded an object",
             "The protesters demanded the resignation of the harbour master."),
        Rule("call-for", "called for an object",
             "The union called for an independent inquiry."),
        Rule("urge", "urged X (the target) to do Y, or urged an object",
             "The minister urged Denmark to return to the talks."),
        Rule("call-on", "called on X (the target) to do Y",
             "The mayor called on the ministry to publish the report."),
        Rule("describe-as", "described X (the target) as Y",
             "The minister described the deal as a breakthrough."),
        Rule("warn-against", "warned (X, the target) against Y",
             "The police warned fishermen against sailing into the storm."),
        Rule("warn-of", "warned of Y",
             "The minister warned of further delays on the northern route."),
        Rule("warn-that", "warned X (the target) that Y",
             "The captain warned the crew that the storm would reach the coast."),
        Rule("express-stance", "expressed or voiced concern, regret, support or readiness",
             "Poland expressed readiness to send engineers to the harbour."),
        Rule("told-outlet-colon", "told a programme, channel or outlet, then a colon",
             "The governor told state television: \"The harbour will reopen next week.\""),
        Rule("told-outlet-that", "told a programme, channel or outlet that ...",
             "The governor told the Nordic news agency that the harbour would reopen."),
        Rule("quote-over-lines", "each line of a quotation over several lines, its speaker named on one of them",
             "\"The talks are over.\nWe will not sign the deal,\" the minister said."),
        Rule("learned-from", "learned, heard or was told from or by a source, that ...",
             "The mission learned from residents that the pier had been closed."),
        Rule("quote-verdict", "a quotation, then whose opinion, view or verdict it was",
             "\"The talks are over,\" was the harbour master's verdict."),
    )
}
