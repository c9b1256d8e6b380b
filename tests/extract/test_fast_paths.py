"""Fast paths of the extractor give what the plain forms they replace give.

Each test holds the plain form (a regular expression as first written, a function without its
shortcut) and checks the fast one against it on sentences written for the test and on random
strings over the characters that matter, with a fixed seed.
"""

from __future__ import annotations

import random
import re
from importlib import import_module

import pytest

# The module (claimsdb.extract exports the function segment under the same name).
S = import_module("claimsdb.extract.segment")

SENTENCES = [
    'The mayor said: "We will rebuild the bridge." Then she left.',
    "''We are ready,'' the coach said. ``It is over,'' he added.",
    "The workers' union said the 'plan' was 'dead'. It's the 1990s' end.",
    "„Wir kommen“, sagte er. »Nein«, sagte sie. «Oui», dit-il.",
    "He said it was ‘a disgrace’ and ‘shameful’ — again!! Really?! Yes... Maybe.",
    "'Tis the season,' she said.'No,' he replied. The U.S. said so. Mr. Ward agreed.",
    "A run of dots...... and marks!?! \"Then\" (a quote) [a bracket]. 2 more.",
    'Officials said "the deal is off."The talks resume Monday.',
]

ALPHABET = "ab A.,!?'‘’\"“”„«»`()[] \n-_1"


def _random_strings(n: int, seed: int = 14) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def _spans(pattern: re.Pattern[str], text: str, *bounds: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, *bounds)]


# The regular expressions of claimsdb.extract.segment as first written (tried at every position).
PLAIN_QUOTE_CHARS = re.compile(r"''|``|[\"“”„«»]|(?<![\w])['‘](?=\w)|(?<=[\w.,!?])['’](?![\w])")
PLAIN_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]+[\"”’»“)\]]*\s+(?=(?:''|``|[\"“‘'(\[»])[\w]|[«„][\s\u00a0\u202f]?[\w]|[A-Z0-9])")


@pytest.mark.parametrize("fast, plain", [
    (S._QUOTE_CHARS, PLAIN_QUOTE_CHARS),
    (S._SENTENCE_END, PLAIN_SENTENCE_END),
])
def test_segment_patterns_match_what_their_plain_forms_match(fast, plain):
    for text in SENTENCES + _random_strings(20000):
        assert _spans(fast, text) == _spans(plain, text), text
        if len(text) > 4:  # inside a text, as segment() searches one line of it
            assert _spans(fast, text, 2, len(text) - 1) == _spans(plain, text, 2, len(text) - 1), text


def test_quotation_marks_found_in_a_written_sentence():
    text = "''We are ready,'' the coach said of the team's 'best' game."
    marks = [m.group() for m in S._QUOTE_CHARS.finditer(text)]
    assert marks == ["''", "''", "'", "'"]  # the apostrophe of "team's" is no mark


def _random_phrases(pieces: list[str], n: int, seed: int = 14) -> list[str]:
    """Random strings made of ``pieces`` (words, parts of words, marks, spaces)."""
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(n)]


PLAIN_ACCORDING = re.compile(r"(?<![\w])(?:[Aa]ccording to|[Aa]s (?:reported|quoted|cited) by|[Cc]iting)(?![\w])")
ACCORDING_PIECES = ["according to", "According to", "according", "as reported by", "As quoted by", "as cited by",
                    "citing", "Citing", "exciting", "a", "A", "c", "s", "x", "-", "_", " ", "1", "é", "\n", ",", "."]


def test_according_pattern_matches_what_its_plain_form_matches():
    from claimsdb.extract.rules.according import ACCORDING

    texts = ["According to the harbour master, the ferries will run, citing the weather.",
             "The ferries will run, as reported by the local paper, not according-to anyone exciting."]
    for text in texts + _random_phrases(ACCORDING_PIECES, 20000):
        assert _spans(ACCORDING, text) == _spans(PLAIN_ACCORDING, text), text
        if len(text) > 4:
            assert _spans(ACCORDING, text, 2, len(text) - 1) == _spans(PLAIN_ACCORDING, text, 2, len(text) - 1), text


def test_a_text_with_an_according_match_holds_an_according_piece():
    """parse_sentence searches for "according to" only in a sentence may_hold_according passes."""
    from claimsdb.extract.rules.according import ACCORDING, may_hold_according

    texts = ["According to the harbour master, the ferries will run, citing the weather.", "Citing x", "as cited by"]
    for text in texts + _random_phrases(ACCORDING_PIECES, 20000):
        assert may_hold_according(text) or ACCORDING.search(text) is None, text
        if len(text) > 4:
            assert may_hold_according(text[2:-1]) or ACCORDING.search(text, 2, len(text) - 1) is None, text


THAT_PIECES = ["that", "THAT", "tHaT", "th", "at", "t", "h", "a", "ſ", "İ", "\u212a", "é", "É", "\U0001d400",
               "\"", "“", "”", "'", " ", ".", "_"]


def test_that_is_found_in_the_folded_copy_where_ignoring_case_finds_it():
    """_has_that looks for "that" in the lower-cased copy: where _THAT finds it ignoring case."""
    from claimsdb.extract.claims import _THAT, _has_that
    from claimsdb.extract.segment import segment

    for text in ["Her claim THAT it was safe.", "Their warning That talks resume."] + _random_phrases(THAT_PIECES, 20000):
        seg = segment(text)
        for start, end in ((0, len(text)), (2, len(text) - 1)):
            assert _has_that(seg, start, end) == (_THAT.search(seg.masked, start, end) is not None), text


@pytest.mark.parametrize("sentence", [
    "The union's warning that the strike would spread was ignored.",
    "HER CLAIM THAT the plant was safe fell apart.",
    "Their warning That talks resume is fading.",
    "The minister's insistence\nthat nothing changed surprised nobody.",
])
def test_speech_noun_sentences_all_pass_the_that_check(sentence):
    """The speech-noun pattern is only searched where "that" occurs: every match has it."""
    from claimsdb.extract.claims import _THAT
    from claimsdb.extract.lexicon import speech_noun_regex

    assert speech_noun_regex().search(sentence) is not None
    assert _THAT.search(sentence) is not None


@pytest.mark.parametrize("that", ["that", "THAT"])
def test_a_speech_noun_claim_is_found_whatever_the_case_of_that(that):
    from claimsdb.pipeline import analyse
    from claimsdb.records import Document

    text = f"Norway's warning {that} the ferry was unsafe was repeated on Monday."
    [claim] = analyse(Document("a.txt", text, "0"))
    assert (claim.rule, claim.speaker.name, text[claim.text_start : claim.text_end]) == (
        "speech-noun", "Norway", "the ferry was unsafe")


def test_cue_info_remembered_gives_what_it_computes():
    from claimsdb.extract.sentence import cue_info

    for text in ["said", "Said", "pointed  out", "POINTED OUT", "made it clear", "table", "says"]:
        assert cue_info(text) == cue_info.__wrapped__(text)
    assert cue_info("pointed\nout") is not None and cue_info("table") is None


CUE_PIECES = ["said", "Said", "SAYS", "told", "pointed out", "Pointed  Out", "pointed\nout", "made it clear",
              "warned", "Warning", "ΩMEGA", "Дума", "ſaid", "İnsisted", "ınsisted", "\u212aNEW", "knew", "résumé", "É", "é",
              "\U0001d400", "\U0001f600", "\U00010428", "ª", "²", "ǅ", "\u0300",
              "a", "S", "-", "'", "’", "_", " ", "  ", "1", ".", ","]


def test_cue_pattern_on_folded_text_finds_what_it_finds_ignoring_case():
    from claimsdb.extract.lexicon import cue_regex, fold_case, folded_cue_regex

    fast, plain = folded_cue_regex(), cue_regex()
    assert fast is not None
    texts = ["The Minister SAID on Monday that talks had failed, and Pointed Out the cost.",
             "Officials, who told reporters nothing, said-so and re-said things."]
    folded_count = 0
    for text in texts + _random_phrases(CUE_PIECES, 20000):
        folded = fold_case(text)
        if folded is None:
            continue
        folded_count += 1
        assert len(folded) == len(text)
        assert _spans(fast, folded) == _spans(plain, text), text
        if len(text) > 4:
            assert _spans(fast, folded, 2, len(text) - 1) == _spans(plain, text, 2, len(text) - 1), text
    assert folded_count > 1000


@pytest.mark.parametrize("text, folds", [
    ("The minister said it, pointing to the “report” — again…", True),
    ("Le ministre a déclaré: c'est fini, said Éric.", True),
    ("Iſ the long s counts as an s ignoring case", False),
    ("İstanbul's mayor said", False),  # lower-cased, "İ" becomes two characters
    ("a 5 \u212a rise", False),  # the Kelvin sign matches "k" ignoring case
    ("\U0001d400said so", False),  # beyond the Basic Multilingual Plane (a mathematical letter)
])
def test_fold_case_refuses_characters_that_would_change_matches(text, folds):
    from claimsdb.extract.lexicon import fold_case

    assert (fold_case(text) is not None) == folds


@pytest.mark.parametrize("text", [
    "The minister SAID talks failed. ſaid the clerk: nothing. İlker said so.",
    "The minister said talks failed. She Pointed Out costs, and warned of more.",
])
def test_cue_matches_are_the_cue_patterns_matches(text):
    from claimsdb.extract.claims import cue_matches
    from claimsdb.extract.lexicon import cue_regex

    seg = S.segment(text)
    for sent in seg.sentences():
        got = [(m.span(), m.group()) for m in cue_matches(seg, sent.start, sent.end)]
        assert got == [(m.span(), m.group()) for m in cue_regex().finditer(seg.masked, sent.start, sent.end)]


def _plain_named_medium(core: list[str]) -> str | None:
    """claimsdb.extract.speakers._named_medium as first written: every noun at every position."""
    from claimsdb.extract import tokens as T
    from claimsdb.extract.lexicon import media_names
    from claimsdb.extract.speakers import _media_heads, _name_run

    low = [w.lower() for w in core]
    for head in _media_heads():
        n = len(head)
        for i in range(len(low) - n + 1):
            if tuple(low[i : i + n]) != head or core[i][:1].isupper():
                continue
            before = _name_run(core[:i], reverse=True) if i + n == len(core) else []
            after = _name_run(core[i + n :]) if not before else []
            name = " ".join(before or after)
            lead = low[: i - len(before)] if before else low[:i]
            if name and not any(w in T.PREPOSITIONS for w in lead):
                return media_names().get(name.lower(), name)
    return None


@pytest.mark.parametrize("phrase", [
    "Norway's Fjordpost news agency", "the local news portal CityLine", "the state news agency",
    "a poll for the Harbour Gazette newspaper", "the Daily Harbour newspaper", "the newspaper Harbour Times",
    "Minister Ann Berg", "the ferry company Nordlys", "its news agency", "NEWS AGENCY staff", "",
])
def test_named_medium_gives_what_trying_every_noun_gives(phrase):
    from claimsdb.extract.speakers import _media_heads, _named_medium

    core = phrase.split()
    assert _named_medium(core) == _plain_named_medium(core)
    assert len(_media_heads()) > 5  # the phrases above do meet nouns of the list


def test_named_medium_still_finds_a_medium_by_its_noun():
    from claimsdb.extract.speakers import _named_medium

    assert _named_medium("Norway's Fjordpost news agency".split()) == "Fjordpost"


@pytest.mark.parametrize("text", ["Norway", "US", "us", "GM", "Norwegian", "the Kremlin", "Ann", "Berg's", "UK"])
def test_remembered_word_tests_give_what_they_compute(text):
    from claimsdb.extract.speakers import _is_name_word, country_code

    assert country_code(text) == country_code.__wrapped__(text)
    assert _is_name_word(text) == _is_name_word.__wrapped__(text)


WORD_PIECES = ["back", "Back", "absent", "can", "'t", "’s", "-", "_", "well", "known", "2", "é", "x", " ", "\n",
               ".", ",", "BACK", "ab", "sent"]


def test_common_words_answer_as_the_set_of_all_lower_case_words():
    texts = ["Back in May, the mayor came back. Absent friends were well-known; can't you see?"]
    words = ["back", "Back", "absent", "can", "can't", "well", "known", "well-known", "ab", "sent", "x", "", "é",
             "2", "see", "you", "friends", "mayor"]
    for text in texts + _random_phrases(WORD_PIECES, 5000):
        common = S.CommonWords(text)
        every = common.all()
        for word in words:
            assert (word in common) == (word in every), (text, word)


def test_a_sentence_initial_word_the_article_writes_in_lower_case_is_no_speaker():
    from claimsdb.pipeline import analyse
    from claimsdb.records import Document

    text = "Back said the plan was dead.\n\nThe team came back on Monday."
    assert [c.speaker.name for c in analyse(Document("a.txt", text, "0"))] == []
    text = "Berg said the plan was dead.\n\nThe team came back on Monday."
    assert [c.speaker.name for c in analyse(Document("a.txt", text, "0"))] == ["Berg"]


TOKEN_PIECES = ["Said", "U.S.", "U.K", "12,000", "12,0001", "$5", "€3,500.25", "£", "Russia's", "O’Neil", "in-chief",
                "AT&T", "a.b", "_", "__", "-", "'", "’", ".", ",", "(", ")", "“", "é", "Дума", "\u00a0", "\u2003",
                "\u200b", "\t", "\n", " ", "  ", "1", "x"]


def test_tokens_are_the_token_patterns_matches():
    """tokenize reads offsets from the lengths of the tokens and the spaces between them: the
    same tokens as one match object per token."""
    from claimsdb.extract.tokens import _TOKEN, Token, tokenize

    def plain(text: str, start: int, end: int) -> list[Token]:
        return [Token(m.start(), m.end(), m.group(), m.group().lower()) for m in _TOKEN.finditer(text, start, end)]

    for text in SENTENCES + _random_phrases(TOKEN_PIECES, 20000):
        assert tokenize(text, 0, len(text)) == plain(text, 0, len(text)), text
        if len(text) > 4:
            assert tokenize(text, 2, len(text) - 1) == plain(text, 2, len(text) - 1), text
    assert [t.text for t in tokenize("  The U.S. firm's 12,000 staff said: no. ", 0, 41)] == [
        "The", "U.S.", "firm's", "12,000", "staff", "said", ":", "no", "."]


def test_token_texts_are_the_tokens_texts():
    """describe reads a phrase's words with token_texts: the texts of tokenize's tokens, the
    matches of the plain pattern."""
    from claimsdb.extract.tokens import _TOKEN, token_texts, tokenize

    for text in SENTENCES + _random_phrases(TOKEN_PIECES, 5000):
        assert token_texts(text) == [t.text for t in tokenize(text, 0, len(text))] == _TOKEN.findall(text), text


@pytest.mark.parametrize("text", [
    "The minister said talks failed.Officials pointed out costs. \"We warned,\" he said. Then: nothing\n"
    "He pointed\nout the cost, she Said. Told? Yes... told! (said) The U.S. said so, Mr. Ward said.",
    "The minister SAID talks failed. ſaid the clerk: nothing. İlker said so.",
    "Officials said \"the deal is off.\"The talks resume, she warned. ''It is over,'' he added.",
])
def test_block_cues_are_the_sentences_cues(text):
    """One search of a block finds, sentence by sentence, what searching each sentence finds."""
    from claimsdb.extract.claims import _as_written, block_cues, cue_matches
    from claimsdb.extract.lexicon import cue_regex

    seg = S.segment(text)
    for block in seg.blocks:
        cues = _as_written(seg, block_cues(seg, block))
        assert [m.span() for m in cues] == [m.span() for m in cue_regex().finditer(seg.masked, block.start, block.end)]
        inside = 0
        for sent in block.sentences:
            mine = [m for m in cues if sent.start <= m.start() < sent.end]
            inside += len(mine)
            assert [(m.span(), m.group()) for m in mine] == [
                (m.span(), m.group()) for m in cue_matches(seg, sent.start, sent.end)]
        assert inside == len(cues)  # none between sentences


def test_bmp_word_class_is_the_word_class_in_the_plane():
    """The folded cue patterns spell ``\\w`` as a class of ranges: the same characters, up to
    U+FFFF (fold_case refuses a text with any beyond)."""
    from claimsdb.extract.lexicon import bmp_word_class

    word = re.compile(f"[{bmp_word_class()}]")
    plane = "".join(map(chr, range(0x10000)))
    assert word.findall(plane) == re.findall(r"\w", plane)
    assert re.fullmatch(f"[^{bmp_word_class()}'’-]", "-") is None


def test_cue_scan_pattern_finds_the_cue_patterns_matches():
    """Matching the character before a cue finds the cues that looking behind finds, from the
    second character of a text on (block_cues matches the first one with folded_cue_regex)."""
    from claimsdb.extract.lexicon import fold_case, folded_cue_regex, folded_cue_scan_regex

    plain, scan = folded_cue_regex(), folded_cue_scan_regex()
    assert plain is not None and scan is not None
    texts = ["the minister said on monday that talks had failed, and pointed out the cost.",
             "(said) “told” -said 'warned' said said,said officials, who told reporters nothing."]
    for text in texts + _random_phrases(CUE_PIECES, 20000):
        folded = fold_case(text)
        if folded is None or len(folded) < 2:
            continue
        for start in (0, 1):
            expected = [m.span() for m in plain.finditer(folded, start + 1)]
            assert [m.span(1) for m in scan.finditer(folded, start)] == expected, text


def _plain_find_outlet(core: list[str]) -> str | None:
    """claimsdb.extract.speakers._find_outlet as first written: every run of words tried."""
    from claimsdb.extract.lexicon import media_names
    from claimsdb.extract.speakers import _strip_possessive

    media = media_names()
    n = len(core)
    for size in range(min(4, n), 0, -1):
        for i in range(0, n - size + 1):
            cand = " ".join(core[i : i + size])
            hit = media.get(_strip_possessive(cand).lower())
            if hit and (size > 1 or cand[:1].isupper()) and cand.lower() not in ("time", "times", "post", "journal", "the"):
                return hit
    return None


@pytest.mark.parametrize("phrase", [
    "the BBC's Nick Robinson", "a reporter for the New York Times", "New York Times'", "the Times",
    "Reuters news agency", "the Associated Press reporter Ann Berg", "a spokesman", "", "the the the BBC",
])
def test_find_outlet_gives_what_trying_every_run_gives(phrase):
    from claimsdb.extract.speakers import _find_outlet

    core = phrase.split()
    assert _find_outlet(core) == _plain_find_outlet(core)


def test_find_outlet_finds_an_outlet_named_by_several_words():
    from claimsdb.extract.speakers import _find_outlet

    assert _find_outlet("a reporter for the New York Times".split()) == "The New York Times"
