"""Quotations attached to a speaker named in another sentence (extract/rules/quotes.py)."""

from constructions import check, found


def test_a_quotation_alone_continues_the_last_direct_speaker():
    check('Anna Lund spoke to reporters on Tuesday. "We have won a fair deal for every member of the union," '
          'she said. "Nobody will lose their job because of this agreement."',
          ("inverted-said", "Anna Lund", '"We have won a fair deal for every member of the union,"'),
          ("quote-continuation", "Anna Lund", '"Nobody will lose their job because of this agreement."'))


def test_an_attribution_without_content_takes_the_quotation_before_it():
    check('"We have won a fair deal for every member of the union." Anna Lund said.',
          ("quote-then-said", "Anna Lund", '"We have won a fair deal for every member of the union."'))


def test_an_attribution_without_content_takes_the_quotation_after_it():
    check('Anna Lund said in a statement on Tuesday:\n"We have won a fair deal for every member of the union."',
          ("said-then-quote", "Anna Lund", '"We have won a fair deal for every member of the union."'))


def test_a_quotation_opening_the_next_paragraph_continues_the_speaker():
    check('"We have won a fair deal for every member of the union," Anna Lund said.\n'
          '"Nobody will lose their job because of this agreement."',
          ("inverted-said", "Anna Lund", '"We have won a fair deal for every member of the union,"'),
          ("quote-continuation", "Anna Lund", '"Nobody will lose their job because of this agreement."'))


def test_a_paragraph_without_quotations_ends_the_continuation():
    check('"We have won a fair deal for every member of the union," Anna Lund said.\n'
          'The agreement runs until the end of next year.\n'
          '"Nobody will lose their job because of this agreement."',
          ("inverted-said", "Anna Lund", '"We have won a fair deal for every member of the union,"'))


def test_a_short_quotation_continues_nobody():
    check('"The strike is over," Anna Lund said. "Good."', ("inverted-said", "Anna Lund", '"The strike is over,"'))


# Articles kept one sentence a line: a quotation runs over several lines and only its last line
# (or its first) names the speaker.

def test_a_quotation_over_lines_takes_the_speaker_named_on_its_last_line():
    check("The union met the employers on Monday.\n"
          "“The offer is an insult to every nurse.\n"
          "Nobody can live on these wages.\n"
          "We will strike in March,” Anna Lund said.\n",
          ("quote-over-lines", "Anna Lund", "“The offer is an insult to every nurse."),
          ("quote-over-lines", "Anna Lund", "Nobody can live on these wages."),
          ("inverted-said", "Anna Lund", "We will strike in March,”"))


def test_a_quotation_over_lines_after_said_colon_takes_that_speaker():
    check("Asked whether the strike would go ahead, Anna Lund said:\n"
          '"The members have voted for it.\n'
          'We will not back down now."\n',
          ("said-then-quote", "Anna Lund", '"The members have voted for it.'),
          ("quote-over-lines", "Anna Lund", 'We will not back down now."'))


def test_a_quotation_over_lines_after_an_attribution_line_is_that_speaker():
    check("The strike was the union's only choice, Anna Lund told the Tribune.\n"
          "«The members have voted for it.\n"
          "We will not back down now.»\n",
          ("inverted-said", "Anna Lund", "The strike was the union's only choice"),
          ("quote-over-lines", "Anna Lund", "«The members have voted for it."),
          ("quote-over-lines", "Anna Lund", "We will not back down now.»"))


def test_an_unclosed_mark_followed_by_plain_lines_joins_nothing():
    # No closing mark within a few lines: the open mark was a stray, and the lines after it
    # keep their own attributions.
    check('The union said: "The offer is an insult.\n'
          "The employers said the offer was fair.\n"
          "Talks resume on Monday.\n",
          ("said-colon", "union", '"The offer is an insult.'),
          ("said-clause", "employers", "the offer was fair"))


def test_a_new_quotation_on_the_next_line_is_not_joined_to_an_open_one():
    check('"We have won," Anna Lund said. "Every member will be paid more.\n'
          '"It is a bad deal," said Tom Berg, the employers\' spokesman.\n',
          ("inverted-said", "Anna Lund", '"We have won,"'),
          ("quote-continuation", "Anna Lund", '"Every member will be paid more.'),
          ("inverted-verb-first", "Tom Berg", '"It is a bad deal,"'))


def test_a_quotation_over_lines_with_its_speaker_in_a_line_of_its_own_cue():
    # The last line says who spoke ("was the view of"): that speaker takes every line, never
    # the speaker of the line before.
    check("“The strike is a disgrace,” said Tom Berg, a surgeon.\n"
          "“I am against the strike.\n"
          "Patients will suffer,” was the view of one doctor.\n",
          ("inverted-verb-first", "Tom Berg", "“The strike is a disgrace,”"),
          ("quote-over-lines", "one doctor", "“I am against the strike."),
          ("quote-verdict", "one doctor", "Patients will suffer,”"))


def test_a_quotation_over_lines_whose_last_line_names_nobody_is_nobodys():
    check("“The strike is a disgrace,” said Tom Berg, a surgeon.\n"
          "“I am against the strike.\n"
          "Patients will suffer,” was the view.\n",
          ("inverted-verb-first", "Tom Berg", "“The strike is a disgrace,”"))


def test_no_claim_spans_from_one_line_into_the_next():
    text = ("“The offer is an insult.\n"
            "We will strike in March,” Anna Lund said.\n")
    claims = found(text)
    assert len(claims) == 2 and all("\n" not in content for _, _, content in claims)


def test_a_full_stop_glued_to_the_next_sentence_still_ends_the_claim():
    check("The talks failed on Monday, Anna Lund said.The union will meet again in May.\n",
          ("inverted-said", "Anna Lund", "The talks failed on Monday"))


def test_quotations_in_german_and_scandinavian_marks():
    check("Anna Lund said: „The quotas are unfair to every fisherman.“ The union agreed.\n",
          ("said-colon", "Anna Lund", "„The quotas are unfair to every fisherman.“"))
    check("»The quotas are unfair to every fisherman,« Anna Lund said.\n",
          ("inverted-said", "Anna Lund", "»The quotas are unfair to every fisherman,«"))


def test_a_german_quotation_over_lines():
    check("„The quotas are unfair.\n"
          "We will fight them in court,“ Anna Lund said.\n",
          ("quote-over-lines", "Anna Lund", "„The quotas are unfair."),
          ("inverted-said", "Anna Lund", "We will fight them in court,“"))


def test_a_quotation_cried_out_is_the_speakers():
    check('Anna Lund spoke to the crowd. "We will never give up the harbour!" she cried, as it cheered.\n',
          ("inverted-said", "Anna Lund", '"We will never give up the harbour!"'))


def test_a_web_address_is_not_two_sentences():
    check("Tom Berg of Halo.Fans.Org said the game was a triumph.\n",
          ("said-clause", "Tom Berg", "the game was a triumph"))


def test_a_quotation_missing_its_closing_mark_ends_at_the_attribution():
    """'"We cannot pay for the war, Berg told reporters.': the writer left out the closing
    mark; the quotation is the words before the attribution, not the attribution too."""
    check('"We cannot pay for the harbour and the bridge, Lund told reporters.',
          ("inverted-said", "Lund", '"We cannot pay for the harbour and the bridge'))


def test_a_paragraph_of_a_long_quotation_left_open_stays_open():
    """Each paragraph of a long quotation opens with a mark and only the last closes: with no
    attribution ending it, an open paragraph is not cut."""
    text = 'Lund said: "The harbour will close in May.\n"We have no choice," she added.'
    assert ("said-colon", "Lund", '"The harbour will close in May.') in found(text)


def test_a_quotation_after_an_unattributed_one_continues_nobody_before_it():
    # rule continuation-not-past-unknown: Anna Lund's words stand between the judge's and these
    check('"The harbour will stay shut," the judge said. Outside the court Anna Lund echoed the crowd: "It is not '
          'enough for the army to look behind closed doors. "There must be a public inquiry by an independent body."',
          ("inverted-said", "the judge", '"The harbour will stay shut,"'))
    # words in no claim, by nobody named, do not stop the speaker's next quotation
    check('"The harbour will stay shut," the judge said. The court heard the crowd outside: "We want '
          'an inquiry now and we want it open." "The inquiry will be held in public once the case is closed."',
          ("inverted-said", "the judge", '"The harbour will stay shut,"'),
          ("quote-continuation", "the judge", '"The inquiry will be held in public once the case is closed."'))


def test_the_second_paragraph_of_a_quotation_after_said_colon_is_that_speakers():
    check('The harbour will stay shut, the judges said. After the ruling Anna Lund, legal director of the '
          'group Fjordwatch, said: "It is not enough for the army to look behind closed doors. "There must be '
          'a public inquiry by an independent body."',
          ("inverted-said", "judges", "The harbour will stay shut"),
          ("said-colon", "Anna Lund", '"It is not enough for the army to look behind closed doors.'),
          ("quote-continuation", "Anna Lund", '"There must be a public inquiry by an independent body."'))


def test_continuations_in_a_long_paragraph_stay_with_their_speaker():
    # the continuations found so far are kept in order, so a speaker named later in the
    # paragraph never takes the quotations before its attribution
    text = ('Anna Berg said: "We started at a high tempo and had many chances today. "We were very good in '
            'defence and on the counter attack." Berg added: "It is all in our own hands now after a great win. '
            '"Winning away is not the main thing for us at all. "What matters is that the club keeps winning '
            'at every level." Berg said: "We had a problem before the start of the match today. "But in the end '
            'the midfield did well and we did not need to change. "They are a good team and can be very '
            'dangerous indeed." Their coach Olav Lund said: "Our hosts played very well and we could not break '
            'them down."')
    assert [s for _, s, _ in found(text)] == ["Anna Berg"] * 8 + ["Olav Lund"]


def test_a_quotation_whose_last_paragraph_opens_and_closes_takes_its_speaker():
    # each paragraph of a long quotation opens with a mark; only the last closes, then the
    # attribution: the first paragraph is the same speaker's
    text = ("The talks ended without a deal.\n\n"
            "“For ten winters we trusted the pipeline to keep us warm. That trust was misplaced.\n\n"
            "“What matters now is how quickly we build the terminals,” Ilse Marten said.\n")
    assert [(r, s) for r, s, _ in found(text)] == [("quote-over-lines", "Ilse Marten"), ("inverted-said", "Ilse Marten")]


def test_a_long_quotation_opening_after_a_sentence_of_its_paragraph_takes_its_speaker():
    # the first paragraph opens with narrative, then the quotation, left open; the last
    # paragraph closes with a comma before its attribution (rule closing-paragraph)
    text = ("Talks on the pipeline\n\n"
            "The minister returned to the subject later that day. “For ten winters we trusted the pipeline. "
            "That trust was misplaced.\n\n"
            "“What matters now is how quickly we build the terminals,” Ilse Marten said.\n")
    assert [(r, s) for r, s, _ in found(text)] == [("quote-over-lines", "Ilse Marten"), ("inverted-said", "Ilse Marten")]


def test_a_quotation_ending_in_its_own_full_stop_after_narrative_is_not_joined_to_it():
    # '"A great man." His nephew said ...': the last paragraph's quotation is a sentence of its
    # own, not the close of the open one before it, which stays the earlier speaker's
    text = ("Judge dies\n\n"
            "Paying tribute, Lord Berg said the judge had been a \"towering figure\". \"His legacy is "
            "substantial. \"His work for the vulnerable was second to none.\n\n"
            "\"A great judge and a great man.\" The judge's nephew Olav Lund said he would be missed.\n")
    speakers = [s for _, s, _ in found(text)]
    assert "Olav Lund" in speakers
    assert [s for _, s, c in found(text) if c.startswith('"A great judge')] == ["Lord Berg"]


def test_a_clause_of_the_quotation_with_told_is_no_attribution_closing_it():
    # ", and we have told our partners that ..." inside a quotation left open is the speaker's
    # own clause, not an attribution after a missing closing mark
    text = ("Talks on the pipeline\n\n"
            "“We will not rush this. Safety comes first, and we have told our partners very clearly that no "
            "shortcut will be accepted.\n\n"
            "“What matters now is how quickly we build the terminals,” Ilse Marten said.\n")
    assert [(r, s) for r, s, _ in found(text)] == [("quote-over-lines", "Ilse Marten"), ("inverted-said", "Ilse Marten")]


def test_said_this_takes_the_sentence_before():
    # (rule said-this) "X said this on Telegram": the sentence before is what X said
    text = ("Shelling\n\nOver the past day, the guns fired 512 times at 41 villages of the Vik region.\n\n"
            "Regional governor Anna Lund said this on Telegram, the Vik Herald reports.\n")
    assert [(r, s) for r, s, c in found(text) if r == "said-this"] == [("said-this", "Anna Lund")]
    assert [c for r, s, c in found(text) if r == "said-this"][0].startswith("Over the past day")
    # and in the passive, with the name set off after a title
    text = ("Talks\n\nThe presence of foreign troops in the north is a threat to the whole region.\n"
            "This was stated by the Minister of Foreign Affairs, Anna Lund, speaking in Oslo.\n")
    assert [(r, s) for r, s, _ in found(text)] == [("said-this", "Anna Lund")]


def test_this_denied_or_followed_by_words_of_its_own_points_nowhere():
    text = ("Rumours\n\nThe company was said to be close to a sale last year.\n"
            "Its chairman has always denied this.\n")
    assert [r for r, _, _ in found(text)] == []
    text = ("Talks\n\nThe fleet sailed north on Monday.\n"
            "Anna Lund said this on Tuesday, adding: \"We will not stop.\"\n")
    assert "said-this" not in [r for r, _, _ in found(text)]
