"""Headlines in wire and international style (extract/rules/headline.py)."""

import pytest
from constructions import analysed, check, found

BODY = "\n\nThe ministers met in Bergen on Tuesday.\n"


def test_a_title_case_headline_with_a_headline_verb():
    check("Lindqvist Slams New Fishing Quotas" + BODY,
          ("headline-verb", "Lindqvist", "Slams New Fishing Quotas"))


def test_a_headline_verb_of_several_words():
    check("Lindqvist Hits Out at Fishing Quotas" + BODY,
          ("headline-verb", "Lindqvist", "Hits Out at Fishing Quotas"))


def test_a_plural_speaker_takes_the_base_form():
    check("Farmers Slam New Fishing Quotas" + BODY, ("headline-verb", "Farmers", "Slam New Fishing Quotas"))


def test_a_leading_phrase_before_a_comma_is_not_the_speaker():
    check("Visiting Oslo, Lindqvist Hails Bridge Deal" + BODY, ("headline-verb", "Lindqvist", "Hails Bridge Deal"))


def test_a_capitalised_cue_in_a_title_case_headline_is_a_cue_not_part_of_a_name():
    check("Kallas Calls for Tougher Border Checks" + BODY,
          ("call-for", "Kallas", "Tougher Border Checks"))


def test_sees_is_a_forecast_only_of_someone_the_article_shows_to_be_a_person():
    text = "{}\n\nExporters met in Bergen. Jonas Haavisto said the winter would be long.\n"
    assert found(text.format("Haavisto Sees Long Winter for Exporters"))[0] == (
        "headline-verb", "Jonas Haavisto", "Sees Long Winter for Exporters")
    assert [rule for rule, _, _ in found(text.format("Nordbank Sees Profits Rise"))] == ["said-clause"]


def test_words_the_article_writes_in_lower_case_name_no_speaker():
    assert found("Budget Deal Backs Rail Link\n\nThe budget deal was signed on Monday.\n") == []


def test_the_source_after_a_dash():
    check("Fishing quotas will be cut - Norwegian minister" + BODY,
          ("headline-source-last", "Norwegian minister", "Fishing quotas will be cut"))
    check("Fishing Quotas Will Be Cut – Norwegian PM Lund" + BODY,
          ("headline-source-last", "Norwegian PM Lund", "Fishing Quotas Will Be Cut"))


def test_a_negated_modal_makes_the_words_before_the_source_a_statement():
    text = ("Norway cannot accept a quota that rewards overfishing: Anna Lund\n\n"
            "Fisheries Minister Anna Lund said on Monday that the talks would go on.\n")
    assert found(text)[0] == ("headline-source-last", "Anna Lund", "Norway cannot accept a quota that rewards overfishing")


def test_with_a_cue_after_the_dash_the_source_is_its_subject():
    # (rule source-last-subject) not whom the cue tells, nor where
    got = found("'Fishing quotas must be cut' – Lund tells Varga in Bergen" + BODY)
    assert got[0][1] == "Lund"


def test_an_acronym_the_article_spells_out_is_a_source_after_a_colon():
    # (rule headline-acronym-source) "...: NFA" over "the Norwegian Fisheries Agency (NFA)"
    text = ("Cod stocks have fallen by half in the north: NFA\n\n"
            "Cod stocks have fallen sharply, the Norwegian Fisheries Agency (NFA) said on Monday.\n")
    assert found(text)[0][:2] == ("headline-source-last", "NFA")
    # an acronym the article never spells out is no source
    assert found("Cod stocks have fallen by half in the north: NFA\n\nThe boats stayed in port.\n") == []


def test_a_title_in_lower_case_and_a_name_the_article_gives_are_a_source_after_a_colon():
    # (rule headline-titled-source) "...: Party chief Anna Lund" over the body naming her; a
    # sentence-case clause in the present counts as the statement
    text = ("Norway remains a close partner of Iceland: Party chief Anna Lund\n\n"
            "Party chairwoman Anna Lund met the Icelandic delegation in Oslo on Tuesday.\n")
    assert found(text)[0][:3] == ("headline-source-last", "Anna Lund", "Norway remains a close partner of Iceland")
    # a name the article never gives again is no source
    assert found("Norway remains a close partner of Iceland: Party chief Anna Lund\n\nThe boats stayed in port.\n") == []


def test_a_headline_of_two_parts_ending_in_a_speaker_and_a_quotation():
    # (rule two-part-headline) the first part is news, the second a speaker's quoted words
    text = ("Drone fragments found again in Vik county. Lund: “Norway will not be intimidated”\n\n"
            "Prime Minister Anna Lund said on Sunday that Norway would not be intimidated.\n")
    got = found(text)
    assert got[0][:2] == ("headline-colon", "Anna Lund") and "intimidated" in got[0][2]


def test_a_role_after_a_headlines_comma_says_is_the_source_not_a_shared_subject():
    # "..., says fisheries minister": the minister's; not the first subject's second verb with
    # the role for its content
    got = found("Norway has enough wheat for six months, says fisheries minister" + BODY)
    assert got[0][:2] == ("inverted-verb-first", "fisheries minister")
    assert ("comma-saying", "Spain") == found("Spain secures flexibility, says it will not reach the goal" + BODY)[0][:2]


def test_a_site_name_or_a_topic_after_a_dash_is_no_source():
    assert found("Fishing quotas will be cut - BBC News" + BODY) == []
    assert found("Latest figures on fishing quotas - Statistics Norway" + BODY) == []
    assert found("Why fishing quotas will be cut - Lindqvist" + BODY) == []


def test_the_source_last_after_says():
    check("Fishing quotas will be cut in May, says Norwegian PM Lund" + BODY,
          ("inverted-verb-first", "Norwegian PM Lund", "Fishing quotas will be cut in May"))


def test_the_claim_before_a_colon_and_its_speaker_after_it():
    # What the cue after the colon found is only a topic ("Details of Offensive"): dropped.
    check("Ceasefire Collapsed: Ex-Commander Lund Reveals Details of Offensive" + BODY,
          ("headline-claim-colon", "Lund", "Ceasefire Collapsed"))


def test_a_quoted_claim_before_a_colon_keeps_the_clause_after_it():
    check("'We will not sell the harbour': Mayor Lund vows to fight on" + BODY,
          ("headline-claim-colon", "Lund", "'We will not sell the harbour'"),
          ("said-infinitive", "Lund", "to fight on"))


def test_a_topic_before_a_colon_is_no_claim():
    check("Fishing Quotas: Lindqvist Says Cuts Will Come in May" + BODY,
          ("said-clause", "Lindqvist", "Cuts Will Come in May"))


def test_a_kicker_is_not_a_speaker():
    check("Analysis: Lindqvist Slams Fishing Quotas" + BODY,
          ("headline-verb", "Lindqvist", "Slams Fishing Quotas"))
    assert found("Watch: Protesters Clash with Police in Bergen" + BODY) == []
    assert found("Profile: Anna Lund" + BODY) == []


def test_a_speaker_colon_description_claims_nothing():
    assert found("Anna Lund: The Quiet Negotiator" + BODY) == []
    check("Anna Lund: 'The quotas are unfair'" + BODY, ("headline-colon", "Anna Lund", "'The quotas are unfair'"))


def test_no_headline_claim_runs_into_the_body():
    text = "Lund Warns of Strikes in the Fishing Fleet\nThe union said talks had failed.\n"
    check(text, ("warn-of", "Lund", "Strikes in the Fishing Fleet"),
          ("said-clause", "union", "talks had failed"))


def test_with_the_source_last_the_verbs_before_it_are_the_sources_words():
    """One claim, the source's: not a second one by the name the headline opens with."""
    check("Oslo Rules Out Fishing Ban, Says Defence Chief" + BODY,
          ("inverted-verb-first", "Defence Chief", "Oslo Rules Out Fishing Ban"))
    check("Bergen Warns of Long Strike - Norwegian PM" + BODY,
          ("headline-source-last", "Norwegian PM", "Bergen Warns of Long Strike"))


def test_a_clause_after_says_is_no_source():
    """"..., Says Visit Was Vital": what follows "Says" has a verb, so it is what was said."""
    assert all(s != "Bridge Visit Was Vital" for _, s, _ in found(
        "Lindqvist Urges Unity, Says Bridge Visit Was Vital" + BODY))


def test_a_capitalised_cue_before_a_surname_is_no_given_name():
    """"..., Says Lindqvist": the speaker is Lindqvist (named in full in the body), not a
    person called "Says Lindqvist"."""
    text = "Oslo Rejects Quota Plan, Says Lindqvist\n\nFisheries minister Eva Lindqvist spoke in Bergen.\n"
    assert found(text) == [("inverted-verb-first", "Eva Lindqvist", "Oslo Rejects Quota Plan")]


def test_a_portfolio_before_a_title_is_an_office_not_a_name():
    """"..., Says Fisheries Minister": an unnamed minister, not a person called Fisheries."""
    [claim] = analysed("Quotas Will Be Cut, Says Fisheries Minister" + BODY)
    assert (claim.speaker.type, claim.speaker.role) == ("anonymous", "Fisheries Minister")


def test_a_headline_of_a_name_a_colon_and_a_quotation_without_a_full_stop():
    assert ("headline-colon", "Anna Lund", '"Norway will not give up its fishing rights"') in found(
        'Lund: "Norway will not give up its fishing rights"\n\n'
        "Fisheries Minister Anna Lund spoke to reporters on Monday.\n")


def test_a_body_and_a_title_before_a_headlines_colon():
    assert found("Navy spokesman: boats fired on the trawler 47 times in the past day\n\n"
                 "The navy reported no losses.\n")[:1] == [
        ("headline-colon", "Navy spokesman", "boats fired on the trawler 47 times in the past day")]


def test_a_sentence_case_headline_in_the_present_after_a_colon():
    assert found("NATO Secretary General: Russia continues to destabilise the region\n\n"
                 "The ministers met on Monday.\n") == [
        ("headline-colon", "NATO Secretary General", "Russia continues to destabilise the region")]
    assert found("Anna Lund: Ukraine crisis talks\n\nThe ministers met on Monday.\n") == []


def test_the_source_last_after_a_colon_is_a_person_s_name_only():
    check("Fishing quotas will not be cut this year: Ingrid Lund" + BODY,
          ("headline-source-last", "Ingrid Lund", "Fishing quotas will not be cut this year"))
    # a place or topic after the colon is no source
    assert found("Quotas will not be cut: Bergen" + BODY) == []


def test_a_surname_after_the_colon_counts_when_the_body_gives_it_an_initial():
    # Indian and some other outlets name people by initial and surname ("K. Varma").
    text = ("Our tariffs are not up for negotiation: Varma\n\n"
            "Trade Minister K. Varma said on Monday that the tariffs would stay.\n")
    assert found(text)[0] == ("headline-source-last", "K. Varma", "Our tariffs are not up for negotiation")


@pytest.mark.parametrize("headline, content", [
    ("Lund: Norway ready to host talks on the strait", "Norway ready to host talks on the strait"),
    ("Lund: Oslo open to new fishing talks", "Oslo open to new fishing talks"),
])
def test_a_colon_headline_without_its_is(headline, content):
    text = headline + "\n\nNorway will host the talks, Prime Minister Ana Lund said."
    assert found(text)[0] == ("headline-colon", "Ana Lund", content)


def test_a_label_before_a_phrase_of_readiness_is_no_speaker():
    text = "Winter talks: Europe ready for a long winter\n\nThe gas stores are full, Ana Lund said."
    assert [r for r, _, _ in found(text)] == ["inverted-said"]


@pytest.mark.parametrize("headline, speaker, content", [
    ("Lund: Norway, Sweden to resume fishing talks", "Ana Lund", "Norway, Sweden to resume fishing talks"),
    ("Source: Norway to reopen the strait next week", "Source", "Norway to reopen the strait next week"),
])
def test_a_colon_headline_in_the_future_form(headline, speaker, content):
    text = headline + "\n\nNorway will act, Prime Minister Ana Lund said."
    assert found(text)[0] == ("headline-colon", speaker, content)


def test_a_noun_phrase_with_to_after_a_colon_is_no_claim():
    text = "Lund: A trip to Moscow\n\nNorway will act, Prime Minister Ana Lund said."
    assert [r for r, _, _ in found(text)] == ["inverted-said"]


def test_a_bare_role_after_a_semicolon_speaks_in_a_headline():
    check("Court keeps fisherman in custody; lawyer says ruling was decided in advance" + BODY,
          ("said-clause", "lawyer", "ruling was decided in advance"))


def test_a_bare_role_noun_in_prose_is_no_speaker():
    check("The court kept him in custody; lawyer fees rose." + BODY)


def test_a_country_before_a_colon_and_a_named_speaker_after_it_is_the_topic():
    # European outlets file a headline under its country: the speaker is the one named after it.
    text = "Moldova: Anna Vale refuses to rule out new elections\n\nThe talks ended on Monday.\n"
    assert all(speaker != "Moldova" for _, speaker, _ in found(text))


def test_a_country_before_a_colon_with_a_statement_after_it_is_still_the_speaker():
    text = "Moldova: the border will stay closed until May\n\nThe talks ended on Monday.\n"
    assert ("headline-colon", "Moldova", "the border will stay closed until May") in found(text)


def test_a_crosshead_opening_with_a_bullet_is_read_as_without_it():
    text = ("The ministers met in Bergen on Tuesday. The talks ended late.\n\n"
            "- Kremlin: No grounds for new talks\n\n"
            "The envoys left on Wednesday.\n")
    assert ("headline-colon", "Kremlin", "No grounds for new talks") in found(text)


@pytest.mark.parametrize("line", [
    "Posted: May 3, 2025 6:00 AM | Last Updated: May 4",
    "Published: 12 March 2024",
    "Related: Berg: Norway will not sign the fishing deal",
])
def test_a_page_label_before_a_colon_is_no_speaker(line):
    # a posting stamp or a link to another story is page furniture, not who said what; nor
    # is it someone a later role noun could mean
    text = "Talks stall in Oslo\n\n" + line + "\n\nThe minister said the talks would resume in June."
    assert [(r, s) for r, s, _ in found(text)] == [("said-clause", "The minister")]


@pytest.mark.parametrize("title, who, content", [
    # A title that ends with a quotation after a colon, with no full stop: a headline.
    ("Lindqvist: talks with the union were “tough but fair”", "Lindqvist", "talks with the union were “tough but fair”"),
    ("Norway's fisheries minister: “we will not back down”", None, "“we will not back down”"),
    # The speaker, "on" and a topic before the colon.
    ("Lindqvist on the strike: “nobody wins this”", "Lindqvist", "“nobody wins this”"),
    # A second verb after a comma shares the headline's subject.
    ("Denmark drops its veto, says the fund can go ahead", "Denmark", "the fund can go ahead"),
])
def test_live_blog_entry_titles_are_headline_claims(title, who, content):
    text = (f"Summit day\n\n10:45\n{title}\n\n"
            "Ola Lindqvist, Norway's fisheries minister, spoke to reporters in the afternoon.\n")
    claims = [(speaker, said) for _, speaker, said in found(text)]
    assert any(said == content and (who is None or who in speaker) for speaker, said in claims), claims


def test_a_paragraph_ending_in_a_quotation_without_a_colon_is_no_headline():
    text = "Budget row\n\nThe mayor spoke for an hour and called the plan “a disgrace”\n"
    assert all(rule != "headline-colon" for rule, _, _ in found(text))


def test_a_related_link_line_is_no_speaker():
    text = ("Port strike\n\nThe union said the strike would go on.\n\n"
            "Related: Explainer — why the port cannot simply reopen\n")
    assert [speaker for _, speaker, _ in found(text)] == ["union"]


def test_a_title_of_two_headlines_split_by_a_semicolon_gives_both_claims():
    text = ("UNHCR: clinic ran out of vaccine for third time; Ruiz urges “calm”\n\n"
            "GENEVA, May 3 — Stocks are low, the agency said.\n")
    claims = [(rule, speaker, said) for rule, speaker, said in found(text)]
    assert ("headline-colon", "UNHCR", "clinic ran out of vaccine for third time") in claims
    assert any(speaker == "Ruiz" and "calm" in said for _, speaker, said in claims)


@pytest.mark.parametrize("title", ["Kremlin: Budget cut talks", "Ministry: Left wing reforms"])
def test_an_irregular_past_that_is_also_a_noun_makes_no_headline_claim(title):
    text = f"{title}\n\nThe agency said it was calm.\n"
    assert all(rule != "headline-colon" for rule, _, _ in found(text))


@pytest.mark.parametrize("headline, speakers", [
    ("Norway, Sweden vow to keep the strait open", ["Norway", "Sweden"]),
    ("Estonia, Latvia, Lithuania Urge Faster Air Defence Deliveries", ["Estonia", "Latvia", "Lithuania"]),
])
def test_a_headline_s_comma_between_countries_is_and(headline, speakers):
    # Headlines write "X, Y vow" for "X and Y vow": one claim each (rule heading-comma-list).
    text = headline + "\n\nThe ministers met in Oslo on Monday.\n"
    assert [s for _, s, _ in found(text)] == speakers


def test_a_place_before_a_comma_in_prose_is_no_speaker():
    assert [s for _, s, _ in found("Talks\n\nIn Norway, Sweden said it would keep the strait open.\n")] == ["Sweden"]


def test_a_sentence_case_clause_before_a_dash_has_the_source_after_it():
    # (rule dash-source-clause) a past or -s verb in lower case after a capitalised subject
    text = ("Russians shelled Vikby port 40 times overnight – Lund\n\n"
            "Regional governor Anna Lund said on Telegram that the port had been hit 40 times.\n")
    assert found(text)[0][:2] == ("headline-source-last", "Anna Lund")
    text = ("Vikby gap remains the alliance's weakest point – Storting committee chair\n\n"
            "Committee chair Anna Lund said the gap was the weakest point.\n")
    assert found(text)[0][0] == "headline-source-last"
    # a topic, not a clause
    assert found("Ukraine war news – live updates\n\nThe ministers met in Bergen on Tuesday.\n") == []


def test_a_topic_a_colon_and_a_named_speaker_before_a_comma():
    # (rule topic-name-comma) "Norway: Lund, ..." as Italian agencies write it; not a person
    # before the colon, who is the speaker themselves
    text = ("Norway: Lund, the quotas must be cut by a third\n\n"
            "Fisheries Minister Anna Lund spoke in Bergen on Monday.\n")
    assert found(text)[0][:3] == ("headline-colon", "Anna Lund", "the quotas must be cut by a third")
