"""The extractor on the sentence patterns news prose uses, and its invariants on any text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimsdb.extract.segment import segment
from claimsdb.pipeline import analyse
from claimsdb.records import ClaimCandidate, Document


def analysed(text: str) -> list[ClaimCandidate]:
    """The claims of ``text`` as ingest finds them, unnamed speakers without their document
    scope ("minister", not "minister (article)")."""
    claims = analyse(Document("article.txt", text, "0"))
    for c in claims:
        c.speaker.name = c.speaker.name.removesuffix(" (article)")
    return claims


def claims_of(text: str) -> list[tuple[str, str, str]]:
    """(speaker name, kind, content text) for every claim of ``text``."""
    return [(r.speaker.name, r.kind, text[r.text_start : r.text_end]) for r in analysed(text)]


def only(text: str) -> tuple[str, str, str]:
    found = claims_of(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        ("Maria Lopez, the mayor, said that the bridge would reopen in May.", "Maria Lopez",
         "the bridge would reopen in May"),
        ("The minister told reporters that talks had stalled.", "minister", "talks had stalled"),
        ("Italy's Foreign Minister Antonio Tajani stated that troops could go.", "Antonio Tajani",
         "troops could go"),
        ("Talks will resume next week, the ministry said.", "ministry", "Talks will resume next week"),
        ("Talks will resume next week, said John Smith, a senior negotiator.", "John Smith",
         "Talks will resume next week"),
        ("According to Reuters, the deal is close.", "Reuters", "the deal is close"),
        ("The deal is close, according to AP.", "Associated Press", "The deal is close"),
        ("As Palisa explained, any force would need air defence.", "Palisa",
         "any force would need air defence"),
        ("An official involved in the talks noted that no decision had been made.",
         "An official involved in the talks", "no decision had been made"),
    ],
)
def test_reported_speech_patterns(text, speaker, content):
    name, kind, found = only(text)
    assert speaker in name
    assert found == content


def test_direct_quote_after_and_before_the_speaker():
    after = only('"We are ready to help," Jane Doe said.')
    assert after[0] == "Jane Doe" and after[1] == "direct"
    assert after[2] == '"We are ready to help,"'
    before = only('John Roe said: “The border stays closed.”')
    assert before[0] == "John Roe" and before[2] == "“The border stays closed.”"


def test_mismatched_and_unclosed_quote_marks_never_lose_the_claim():
    # A straight opening mark closed by a curly one.
    name, kind, content = only('"There is talk of more countries,” Palisa told reporters.')
    assert name == "Palisa" and kind == "direct" and "talk of more countries" in content
    # A quotation that never closes still attributes, and what follows is not lost.
    text = 'Ms Green said: "We will not stop.\nThe council met on Monday. Mr Brown said that it was late.'
    found = claims_of(text)
    assert [f[0] for f in found] == ["Green", "Brown"]


def test_a_long_quotation_run_together_on_one_line_keeps_every_paragraph():
    # Each paragraph of a long quotation opens with a mark and only the last one closes; with
    # the paragraphs joined on one line, every one of them is still the speaker's.
    text = ('"We can bring in an experienced full-back," Allardyce said. "He has an outstanding '
            'pedigree in the game. "He has not played regular football this year. "He can play in '
            'any position at the back." Candela has made seven appearances.')
    found = claims_of(text)
    assert [c for _, _, c in found] == [
        '"We can bring in an experienced full-back,"',
        '"He has an outstanding pedigree in the game.',
        '"He has not played regular football this year.',
        '"He can play in any position at the back."',
    ]
    assert {name for name, _, _ in found} == {"Allardyce"}


def test_quote_continued_after_the_attribution():
    text = "“We trained 80,000 soldiers,” she added. “We must do more.”"
    found = claims_of("Kaja Kallas spoke in Brussels. " + text)
    assert [(n, k) for n, k, _ in found] == [("Kaja Kallas", "direct"), ("Kaja Kallas", "direct")]
    assert found[1][2] == "“We must do more.”"


def test_pronouns_and_role_nouns_resolve_to_the_person_meant():
    text = (
        "Ukrainian President Volodymyr Zelensky met allies on Monday. "
        "He said that air defence was the priority.\n"
        "Later, the president clarified that talks would continue."
    )
    found = claims_of(text)
    assert [n for n, _, _ in found] == ["Volodymyr Zelensky", "Volodymyr Zelensky"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Theresa May said the deal was done.", "Theresa May"),
        ("April Ryan said the deal was done.", "April Ryan"),
        ("In December Microsoft said sales had risen.", "Microsoft"),
        ("Ryan on Tuesday said the deal was done.", "Ryan"),
    ],
)
def test_months_are_names_beside_names_and_dates_after_in(text, name):
    assert only(text)[0] == name


def test_modifiers_and_post_modifiers_of_unnamed_speakers():
    assert only('"This is eerily similar," said one longtime adviser.')[0] == "one longtime adviser"
    name, _, content = only("Indeed, proponents of more controls on hate speech here say there is a link.")
    assert (name, content) == ("proponents of more controls on hate speech", "there is a link")


def test_a_listed_group_of_names_each_get_the_claim():
    found = claims_of("Carson, Fiorina and Huckabee all said they were done.")
    assert sorted(name for name, _, _ in found) == ["Carson", "Fiorina", "Huckabee"]
    found = claims_of("In London, Smith and Jones said the plan had failed.")
    assert "London" not in [name for name, _, _ in found]
    assert only("Suu Kyi, 70, said the vote was fair.")[:1] == ("Suu Kyi",)


def test_coordinated_parties_each_get_the_claim():
    found = claims_of("The Tories and the Scottish National Party said the plan would fail.")
    assert sorted(name for name, _, _ in found) == ["Scottish National Party", "Tories"]


def test_coordinated_speakers_each_get_the_claim():
    found = claims_of("Finland and Poland ruled out sending troops.")
    assert sorted(n for n, _, _ in found) == ["Finland", "Poland"]
    assert all("ruled out sending troops" in c for _, _, c in found)


@pytest.mark.parametrize("text, speaker", [
    ("EU countries said the sanctions would stay.", "EU countries"),
    ("The G7 countries threatened Ruritania with new sanctions.", "G7 countries"),
    ("Western allies warned that the talks could fail.", "Western allies"),
    ("Delegates from the northern provinces said the vote was fair.", "Delegates from the northern provinces"),
    ("Some 60% of people in 13 countries said the economy was weak.", "people in 13 countries"),
    ("The United Nations said the toll could rise.", "United Nations"),
])
def test_states_spoken_of_together_speak(text, speaker):
    assert [n for n, _, _ in claims_of(text)] == [speaker]


def test_a_comparison_after_and_is_a_claim_of_its_own():
    assert claims_of('Cross called the election "a citizenship election" and likened it to 1860.') == [
        ("Cross", "mixed", 'the election "a citizenship election"'), ("Cross", "indirect", "it to 1860")]


def test_a_pronoun_coordinated_with_a_name_is_one_more_speaker():
    found = claims_of("Pavel Gorin arrived in Kyiv on Monday. He and Lebed say they were classmates at school.")
    assert sorted(n for n, _, _ in found) == ["Lebed", "Pavel Gorin"]
    assert all(c == "they were classmates at school" for _, _, c in found)
    # Inside the content it is what was said, not who said it.
    assert [n for n, _, _ in claims_of("Vik said he and Berg would resign.")] == ["Vik"]


def test_actions_and_questions_are_not_claims():
    assert claims_of("The president met the prime minister in Paris on Monday.") == []
    assert claims_of("What did the minister say about the plan?") == []
    assert claims_of("She has been working with a local paper, telling stories of veterans.") == []


def test_adjectives_with_a_people_ending_do_not_end_a_source():
    name, _, content = only("According to a recent poll of Indiana voters, Trump garnered 30% of the votes.")
    assert (name, content) == ("recent poll of Indiana voters", "Trump garnered 30% of the votes")


def test_a_participle_phrase_before_the_subject_is_not_the_speaker():
    text = ("BUENA PARK, Calif. - Rallying hundreds of workers, Hillary Clinton tried to empathize "
            "and promised to deliver change.")
    assert {name for name, _, _ in claims_of(text)} == {"Hillary Clinton"}


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        ("The family said he was innocent.", "family", "he was innocent"),
        ('"We had called him," his nephew added.', "his nephew", '"We had called him,"'),
        ('"How are you today?" Miller, a retired worker, said pleasantly into the phone.', "Miller",
         '"How are you today?"'),
        ('"He needs to stop," the conservative-leaning newspaper wrote.', "newspaper", '"He needs to stop,"'),
    ],
)
def test_relatives_manner_adverbs_and_hyphenated_modifiers(text, speaker, content):
    assert (speaker, content) in [(n, c) for n, _, c in claims_of(text)]


def test_an_introductory_phrase_quoting_a_title_is_not_the_content():
    text = 'In an interview on CBS\'s "Face the Nation," House Speaker Paul Ryan said he would not campaign.'
    assert only(text)[2] == "he would not campaign"
    text = 'In this election, "resources don\'t mean they\'ll resonate," Jenna Golden said.'
    assert only(text)[2] == 'In this election, "resources don\'t mean they\'ll resonate,"'


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        ("In fact, neither tax plan would change what the middle class pays, analysts say.", "analysts",
         "In fact, neither tax plan would change what the middle class pays"),
        ("In the long run, many economists say, this effect could ripple through the system.",
         "many economists", "this effect could ripple through the system"),
        ('"Who knows?" Trump told Britain\'s ITV television station in an interview.', "Trump", '"Who knows?"'),
        ('A White House official who spoke anonymously said Wednesday, "There are discussions."',
         "White House official", '"There are discussions."'),
        ('Rules did not apply to her. He said:\n\n"It is like going into a monastery."', "He",
         '"It is like going into a monastery."'),
        ("Abortion rights advocates said the ruling made the fight more critical.", "advocates",
         "the ruling made the fight more critical"),
        ("Gates, in contrast, told AP he was working with Manafort.", "Gates", "he was working with Manafort"),
        ("Six months ago, the independent Vermont senator said, the media considered him a fringe candidate.",
         "Vermont senator", "the media considered him a fringe candidate"),
    ],
)
def test_openers_asides_listeners_and_relative_clauses_around_the_speaker(text, speaker, content):
    assert (speaker, content) in [(n, c) for n, _, c in claims_of(text)]


def test_subjects_before_openers_verb_chains_and_post_modifiers():
    found = claims_of("Minutes later, the Trump campaign issued a statement saying that Trump meant voters.")
    assert [n for n, _, _ in found] == ["Trump campaign"]
    # a surname before "later" is the subject, not a time noun opening the sentence
    text = "Foreign Minister Anna Berg spoke first.\nBerg later responded on X, writing: \"We chose our side long ago.\""
    assert [(n, c) for n, _, c in claims_of(text)] == [("Anna Berg", '"We chose our side long ago."')]
    found = claims_of("Two days later, the Lund team issued a short statement saying Lund meant farmers.")
    assert [n for n, _, _ in found] == ["Lund team"]
    assert only("Small groups of protesters continued to call for more information.")[0] == \
        "Small groups of protesters"
    # A verb inside what looked like a post-modifier ends the search for a speaker.
    assert claims_of("The Cruz campaign on Monday picked up on a tweet that appeared to insinuate a retreat.") == []


def test_contracted_pronouns_are_pronouns():
    # The writer's own "I've" is no speaker; "He's" is resolved like "he".
    assert claims_of("If, as I've suggested, the plan fails, taxes will rise.") == []
    assert only("Tony Blair spoke on Monday. He's said the plan would work.")[0] == "Tony Blair"


def test_documents_speak_too():
    assert only('"The evidence is flawed," a motion by Mr Jackson\'s lawyers stated.')[0] == \
        "motion by Mr Jackson's lawyers"
    name, _, content = only("If the site did return, the message said, it would not be the same.")
    assert name == "message" and content.endswith("it would not be the same")


def test_organisations_named_with_on_and_nouns_after_of():
    found = claims_of("He notes that the Commission on Presidential Debates announced that the microphone failed.")
    assert ("Commission on Presidential Debates", "the microphone failed") in [(n, c) for n, _, c in found]
    assert claims_of("PolitiFact rated 22% of Democratic claims as true.") == []


def test_asides_that_take_an_object_and_putting_things_are_not_claims():
    assert claims_of("California flipped, as Mexican-American voters responded to new policies.") == []
    assert claims_of("He put it on the table and left.") == []


def test_names_and_passive_agents_are_not_speakers():
    # "called X" names a thing; "maintained by X" is a passive, not a statement by its subject.
    assert claims_of("The fund, called the Green Legacy Trust, will still own the land.") == []
    assert claims_of("The busiest page was the air-quality monitor maintained by the embassy.") == []
    # A gerund after "by" is how someone spoke: still their claim.
    assert only("The mayor responded by saying the budget was balanced.")[0].lower().endswith("mayor")


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("A source close to the minister said the talks had stalled.", "A source close to the minister", "source"),
        ("Another source speaking to Fox News said the agents were investigating.",
         "Another source speaking to Fox News", "source"),
        ("A lawyer for Smith said the case was weak.", "A lawyer for Smith", "lawyer"),
        ("The head of the IMF, Kristalina Georgieva, said growth would slow.", "Kristalina Georgieva", "head of IMF"),
    ],
)
def test_the_speaker_is_the_noun_a_post_modifier_hangs_on(text, name, role):
    raw = analysed(text)
    [r] = raw
    assert (r.speaker.name, r.speaker.role) == (name, role)


def test_said_of_names_the_topic_and_names_inside_an_appositive_are_not_cues():
    text = ('"Their strategy is very clear," Michael McFaul, a senior fellow at the Hoover Institution '
            'and a former United States ambassador to Russia, said of RT.')
    assert only(text)[0] == "Michael McFaul"


def test_a_plural_noun_that_looks_like_a_cue_is_not_one():
    assert claims_of("Health worries have dogged the candidate since she collapsed.") == []
    assert only("The reports are wrong, he says.")[2] == "The reports are wrong"


@pytest.mark.parametrize(
    "text, speaker, content",
    [
        ('"Loud footsteps could shake the races," veteran analyst Charlie Cook wrote this week.',
         "Charlie Cook", '"Loud footsteps could shake the races,"'),
        ('"We are frustrated," said Oversight ranking Democrat Elijah Cummings (D-Md.).',
         "Elijah Cummings", '"We are frustrated,"'),
        ("''We wanted to control the real estate,'' Michael C. Cernech, the city manager, said.",
         "Michael C. Cernech", "''We wanted to control the real estate,''"),
        ('The two lawmakers, however, argue that "there is precedent for prosecution."',
         "two lawmakers", '"there is precedent for prosecution."'),
        ("Donald Trump - who once said he would bomb oil fields - said on Saturday that the borders "
         "should close.", "Donald Trump", "the borders should close"),
        ("David Simas, assistant to the president and director of the Office of Political Strategy, "
         "said that the president would campaign.", "David Simas", "the president would campaign"),
        ('"I hope you find the emails." Trump said.', "Trump", '"I hope you find the emails."'),
        ('Clinton, during a town hall meeting in Columbus, Ohio, said she would act.', "Clinton", "she would act"),
        ("Trump, speaking at a rally in Wilmington, N.C., warned that taxes would rise.", "Trump",
         "taxes would rise"),
        ("Johnnie Wilson, of Springfield, Va., said he had fought in Vietnam.", "Johnnie Wilson",
         "he had fought in Vietnam"),
        ("His former business partner at Lenox, Lawrence B. Cummings, said the deals were hard.",
         "Lawrence B. Cummings", "the deals were hard"),
        ("Officials at Homeland Security Investigations, a division of Immigration and Customs "
         "Enforcement, said they were concerned.", "Officials at Homeland Security Investigations",
         "they were concerned"),
        ("Washington (AFP) – Senator Jane Doe criticised the plan, saying that it would fail.",
         "Jane Doe", "it would fail"),
        ("At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton spoke, saying that America "
         "should lead.", "Clinton", "America should lead"),
        ("The economy, as the minister put it, is fragile.", "the minister",
         "The economy, as the minister put it, is fragile"),
        ("Trump, who has told aides he sees the issues as linked, said in a statement: \"We must act.\"",
         "Trump", "he sees the issues as linked"),
        ("WASHINGTON, Dec. 8 (UPI) — Clinton's right-hand woman rallied supporters, saying: \"We must "
         "stop him.\"", "Clinton's right-hand woman", '"We must stop him."'),
        ("About three in 10 said they prefer a more liberal agenda.", "About three in 10",
         "they prefer a more liberal agenda"),
        ("By big margins, those surveyed say the economy should come first.", "those surveyed",
         "the economy should come first"),
        ("Most back the change, and all but two said the party should act.", "all but two", "the party should act"),
        ("Yin Myint May, 60, a doctor, said she was elated.", "Yin Myint May", "she was elated"),
        ("Geoff Garin, a pollster who advises the PAC, said the positions resonate with voters.",
         "Geoff Garin", "the positions resonate with voters"),
        ("And yet, Mrs. Clinton's aides say, Syria remains a priority for her.", "Mrs. Clinton's aides",
         "Syria remains a priority for her"),
        ("Trump's excesses are sickening, Hollande said Tuesday in Paris.", "Hollande",
         "Trump's excesses are sickening"),
        ('"We will vote," said Rep. Adam Schiff (D-Calif.).', "Adam Schiff", '"We will vote,"'),
        ("Her campaign workers here said they had worked the state since spring.", "campaign workers",
         "they had worked the state since spring"),
        ('"We need real change," Sanders told a crowd at Hamburger Mary\'s that spilled onto the street.',
         "Sanders", '"We need real change,"'),
        ("RANGOON, Burma - Aung San Suu Kyi's political allies on Monday predicted that they would win.",
         "Aung San Suu Kyi's political allies", "they would win"),
        ("One operative inside Trump Tower tried to downplay the comments, saying they were not a big deal.",
         "One operative inside Trump Tower", "they were not a big deal"),
    ],
)
def test_speakers_news_prose_puts_around_a_cue(text, speaker, content):
    found = claims_of(text)
    assert (speaker, content) in [(name, c) for name, _, c in found], found


def test_numbers_with_thousands_separators_stay_in_the_content():
    # The comma in "12,000" does not end the statement of a "when ..." clause.
    name, _, content = only("They cite 2000, when the state stated that about 12,000 voters were ex-cons.")
    assert content == "about 12,000 voters were ex-cons"


def test_headline_claims_are_marked_as_headlines():
    name, kind, content = only("Army chief Ivan Petrov says the offensive has begun\n\nBody text here.")
    assert kind == "headline" and name == "Ivan Petrov"


def test_media_relay_is_kept_on_the_speakers_claim():
    raw = analysed("Pavlo Palisa said that a dozen countries could join, according to Politico.")
    assert len(raw) == 1
    assert raw[0].speaker.name == "Pavlo Palisa"
    assert raw[0].via == "Politico"


def test_segment_masks_quotations_without_moving_offsets():
    text = 'He said "A. B. C." and left. “Open quote never closes'
    seg = segment(text)
    assert len(seg.masked) == len(text)
    assert [text[q.start : q.end] for b in seg.blocks for q in b.quotes] == ['"A. B. C."', "“Open quote never closes"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
       | st.lists(st.sampled_from(['"', "“", "”", "'", "’", "said", " ", "\n", "Kallas", ",", ".",
                                   "according to", "that", "He", "told reporters", ":"]),
                  max_size=60).map("".join))
def test_any_text_extracts_without_error_and_offsets_slice_the_original(text):
    raw = analysed(text)
    for r in raw:
        assert 0 <= r.text_start < r.text_end <= len(text)
        assert 0 <= r.speaker_start <= r.speaker_end <= len(text)
        assert text[r.text_start : r.text_end].strip() == text[r.text_start : r.text_end]


@pytest.mark.parametrize(
    "phrase, name, kind, role, country",
    [
        ("Italy's Foreign Minister Antonio Tajani", "Antonio Tajani", "person", "Foreign Minister", "IT"),
        ("analyst Mike Powell of Dresdner Kleinwort", "Mike Powell", "person", "analyst", None),
        ("Secretary of State John Kerry", "John Kerry", "person", "Secretary of State", None),
        ("the NYT", "The New York Times", "media", None, None),
        ("Moscow", "Russia", "country", None, "RU"),
        ("IMF", "IMF", "organization", None, None),
        ("France Telecom", "France Telecom", "organization", None, None),
        ("Mr Brown", "Brown", "person", None, None),
        ("Ministers", "Ministers", "group", None, None),
        ("The Clinton Foundation", "Clinton Foundation", "organization", None, None),
        ("the Islamic State", "Islamic State", "organization", None, None),
        ("Rep. Adam Schiff (D-Calif.)", "Adam Schiff", "person", "Rep.", None),
        ("Mrs. Clinton's aides", "Mrs. Clinton's aides", "anonymous", "aides", None),
        ("Robert Downey Jr.", "Robert Downey Jr.", "person", None, None),
        ("Liam Fox", "Liam Fox", "person", None, None),
        ("O'Neill", "O'Neill", "person", None, None),
        ("Dr Mike Watts head of exploration", "Mike Watts", "person", None, None),
        ("BBC political correspondent Shaun Ley", "Shaun Ley", "person", "BBC political correspondent", None),
        ("Fox News", "Fox News", "media", None, None),
        ("United manager Sir Angus Harrow", "Angus Harrow", "person", "United manager", None),
        ("Dame Ellen Voss", "Ellen Voss", "person", None, None),
        # Capitals with a plural s: many people of that kind, no one's name.
        ("MPs", "MPs", "group", None, None),
        ("Opposition MEPs", "Opposition MEPs", "group", None, None),
    ],
)
def test_speaker_phrases_name_who_is_meant(phrase, name, kind, role, country):
    from claimsdb.extract.speakers import describe

    m = describe(phrase, 0, len(phrase))
    assert (m.name, m.type, m.role) == (name, kind, role)
    if country:
        assert m.country == country


def test_a_surname_takes_the_full_name_the_article_gave():
    text = "Prime Minister Tony Blair visited Leeds on Monday. Later Blair said that the plan was sound."
    assert [n for n, _, _ in claims_of(text)] == ["Tony Blair"]


def test_a_participle_opening_a_sentence_is_no_given_name_of_the_surname():
    # "Joining Petrova ..." names no "Joining Petrova": the surname is the Anna Petrova named first.
    text = ("Envoy Anna Petrova arrived on Monday. Joining Petrova and two aides, the new envoy took "
            "office. Petrova said that the talks would resume.")
    assert [n for n, _, _ in claims_of(text)] == ["Anna Petrova"]


def test_colon_headlines_and_speech_nouns():
    assert claims_of("Graham: Trump's rhetoric is destroying the party\n\nBody text.") == [
        ("Graham", "headline", "Trump's rhetoric is destroying the party")]
    assert claims_of("Update: talks resume\n\nBody text.") == []
    found = claims_of("The talks stalled after Russia's warning that any deployment would be unacceptable.")
    assert ("Russia", "indirect", "any deployment would be unacceptable") in found


def test_parenthetical_attributions_and_unnamed_sources():
    assert claims_of("The plan, officials said, would cost $5 billion.") == [
        ("officials", "indirect", "The plan, officials said, would cost $5 billion")]
    found = claims_of("According to a senior EU official who spoke on condition of anonymity, the plan is dead.")
    assert [(k, c) for _, k, c in found] == [("according_to", "the plan is dead")]
    found = claims_of("“The situation is very difficult,” a Ukrainian soldier told AFP. “We have no shells.”")
    assert [c for _, _, c in found] == ["“The situation is very difficult,”", "“We have no shells.”"]


def test_british_single_quotation_marks_and_datelines():
    found = claims_of("'It is not over yet,' said Angela Merkel, the German chancellor.")
    assert found == [("Angela Merkel", "direct", "'It is not over yet,'")]
    found = claims_of("‘We won’t give up,’ the minister said.")
    assert [(k, c) for _, k, c in found] == [("direct", "‘We won’t give up,’")]
    raw = analysed("WASHINGTON (Reuters) - U.S. President Joe Biden said on Tuesday that he would veto the bill.")
    assert [(r.speaker.name, r.speaker.role, r.speaker.country) for r in raw] == [("Joe Biden", "President", "US")]


def test_he_said_prefers_the_person_the_story_is_about():
    text = ("Graham Robb, the council leader, hit back at Mr Mallon's claim on Monday. "
            "\"It can push paper around,\" he said.")
    assert [n for n, _, _ in claims_of(text)] == ["Graham Robb"]
    assert claims_of("Michael Howard has written to Tony Blair demanding an explanation.")[0][0] == "Michael Howard"


@pytest.mark.parametrize(
    "text, content",
    [
        ("Katherine Jackson told US TV network Fox News on Sunday that her son was innocent.",
         "her son was innocent"),
        # a listener phrase that runs on into the date, whose commas do not end it
        ("Anna Berg told the Storting's budget committee on Thursday, June 5, that the fund was empty.",
         "the fund was empty"),
        ("Anna Berg told the Harbour Courier on Monday, June 2, 2025, that the fund was empty.",
         "the fund was empty"),
        ("Deutsche Bank said earlier this month it would reduce its staff.", "it would reduce its staff"),
        ("The firm announced on Monday the plant would close.", "the plant would close"),
        ("Shareholders launched lawsuits against the firm, claiming it made false statements.",
         "it made false statements"),
    ],
)
def test_time_phrases_before_the_clause_and_participles_with_a_clause(text, content):
    assert only(text)[2] == content


def test_pronouns_follow_the_person_named_by_surname_not_a_possessor():
    text = ("Villa boss David O'Leary was pleased.\n\nO'Leary has rapped skipper Olof Mellberg after the "
            "defeat, which Steve Bruce's side won 2-1. \"I've had a quiet word with Olof,\" he told the website.")
    assert only(text)[0] == "David O'Leary"


def test_the_prime_minister_is_not_the_deputy_prime_minister():
    text = ("Prime Minister Tony Blair met Deputy Prime Minister John Prescott on Monday.\n\n"
            "The prime minister said the talks had gone well.")
    assert only(text)[0] == "Tony Blair"


def test_a_one_word_name_the_article_treats_as_a_company_is_an_organisation():
    raw = analysed("Microsoft said its profits rose. Microsoft shares fell. The company said demand was strong.")
    assert [(r.speaker.name, r.speaker.type) for r in raw] == [("Microsoft", "organization")] * 2
    raw = analysed("Blair said it was fair.")
    assert raw[0].speaker.type == "person"


def test_an_epithet_is_the_person_the_passage_is_about():
    raw = analysed('Andre Agassi beat Roger Federer on Sunday. "I played well," said the American.')
    [r] = raw
    assert (r.speaker.name, r.speaker.country) == ("Andre Agassi", "US")
    assert only('Wayne Rooney scored twice. "It was great," said the 22-year-old.')[0] == "Wayne Rooney"


def test_the_company_is_the_organisation_the_article_named():
    text = "Shares in General Motors fell on Monday. The company said that sales were weak."
    assert claims_of(text) == [("General Motors", "indirect", "sales were weak")]


def test_a_surname_takes_the_full_name_of_the_same_gender_only():
    text = "Michelle Obama visited the school on Monday. Mr. Obama said the plan would work."
    assert only(text)[0] == "Obama"
    text = "Barack Obama visited the school on Monday. Mr. Obama said the plan would work."
    assert only(text)[0] == "Barack Obama"


def test_what_a_speaker_was_doing_is_not_their_role():
    raw = analysed("Trump, speaking to a veterans group in Virginia, said the system was rigged.")
    [r] = raw
    assert (r.speaker.name, r.speaker.role) == ("Trump", None)


def test_a_nationality_noun_is_the_person_the_passage_is_about():
    # "the Scot", "the Welshman": a demonym used as a noun stands for the person named before.
    raw = analysed('Gordon Kerr won the final in straight sets. "I felt strong," said the Scot.')
    [r] = raw
    assert (r.speaker.name, r.speaker.country) == ("Gordon Kerr", "GB")
    raw = analysed('Owen Pryce finished third. "The wind was brutal," said the Welshman.')
    assert [r.speaker.name for r in raw] == ["Owen Pryce"]


def test_a_name_after_a_describing_word_is_an_antecedent():
    # "Actor Tom Barker": the capitalised description does not hide the person from "he".
    text = "Actor Tom Barker is suing a film studio over an injury he said he suffered on set."
    assert [r.speaker.name for r in analysed(text)] == ["Tom Barker"]
    assert [r.speaker.name for r in analysed("Singer Ruth Kale left the tour. She said she was tired.")] == ["Ruth Kale"]
    # The describing word is a role: "the spokesman" is not the general named before.
    text = 'Gen Omar Hadi visited the city on Monday. "We cannot discuss the route," said the spokesman.'
    assert [r.speaker.name for r in analysed(text)] == ["the spokesman"]


def test_they_after_an_attribution_to_mps_is_the_mps():
    from claimsdb.extract.speakers import describe

    assert describe("Labour MPs", 0, 10).plural
    text = ("The report said fines would be hard to enforce, and accepted many experts said so. "
            "Rebates would be seen as gimmicks, MPs said. Instead they called for better campaigns.")
    *_, (speaker, _, content) = claims_of(text)
    assert content.startswith("better campaigns")
    assert speaker.split(" (")[0] == "MPs"


def test_all_after_a_list_with_initials_in_brackets_is_not_the_speaker():
    found = claims_of("The Union of Ferry Owners (UFO) and the Harbour Pilots Guild (HPG) all said fees would rise.")
    assert found and "all" not in [n for n, _, _ in found]
