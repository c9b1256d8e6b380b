"""Fast paths of the resolve stage give what the plain forms they replace give.

Each test holds the plain form (a regular expression scanned over the text, as first written)
and checks the fast one against it on sentences written for the test and on random strings
over the characters that matter, with a fixed seed.
"""

from __future__ import annotations

import random
import re

from claimsdb.extract.segment import segment
from claimsdb.resolve import coref

SENTENCES = [
    "Anna Vik said the plan was dead. Vik added that Vik's team and the Viks' fans agreed.",
    "Lord Vik spoke after Ms Vik. O'Vik, Vik-Berg and Vikings said nothing; Vik' was cut.",
    "Edward Fox told the paper. Fox said: Edward Fox Fox. fox Fox and A Fox.",
    "Sir John Olsen and Dame Ann Berg met Mr Olsen, Mrs Berg, Dr Vik and Miss Berg.",
    "Home\nAnna Vik\n\nVik said so.\nShare this page\nVik",
]

ALPHABET = ["Vik", "Ann", "O'", "Fox", "Tom", "Lord", "Mr", "Dr", "Sir", "Dame", "A", "a", "é", "_",
            " ", " ", " ", "'", "’", "-", ".", ",", "\n", "\n\n", "s"]


def _random_strings(n: int, seed: int = 14) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 24))) for _ in range(n)]


def _plain_capitalised_words(text: str, words: list[str]) -> list[tuple[int, str]]:
    """Every capitalised word of the prose blocks, scanned, kept when it is one of ``words``."""
    seg = segment(text)
    return [(m.start(), m.group()) for block in seg.blocks if not block.furniture
            for m in coref._CAPITALISED.finditer(seg.masked, block.start, block.end) if m.group() in words]


def test_capitalised_words_are_what_a_scan_of_every_capitalised_word_finds():
    words = ["Vik", "Ann", "O'Vik", "Vik'", "Vik's", "Fox", "A", "Tom"]
    for text in SENTENCES + _random_strings(5000):
        fast = [(start, word) for start, word, _ in coref._capitalised_words(segment(text), words)]
        assert fast == _plain_capitalised_words(text, words), text


def test_a_surname_is_found_alone_not_inside_longer_words():
    text = "Anna Vik said so. Later Vik's aides and the Vikings met Vik-Berg; Vik agreed."
    found = [(start, word) for start, word, _ in coref._capitalised_words(segment(text), ["Vik"])]
    assert found == [(5, "Vik"), (text.index("Vik agreed"), "Vik")]


def test_full_names_before_a_name_are_what_the_compiled_pattern_finds():
    for text in SENTENCES + _random_strings(5000):
        for name in ("Vik", "Fox", "O'Vik", "A"):
            plain = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]+ " + re.escape(name) + r"(?![\w’'-])")
            assert coref._after_capitalised_word(text, name) == [m.span() for m in plain.finditer(text)], text


def test_a_name_is_found_after_each_capitalised_word_in_text_order():
    text = "Edward Fox said. Fox's aide, Tom Fox, and Tom Foxes left."
    assert coref._after_capitalised_word(text, "Fox") == [(0, 10), (29, 36)]


def test_honorific_and_knight_patterns_find_what_their_plain_forms_find():
    plain_honorific = re.compile(r"(?<![\w’'-])(?:Mr|Mrs|Ms|Dr|Miss)\.? ([A-Z][\w’'-]*[a-z])(?![\w’'-])(?! [A-Z])")
    plain_knighted = re.compile(r"\b(?:Sir|Dame) ([A-Z][a-z]+)((?: [A-Z][\w’'-]+)+)")
    for text in SENTENCES + _random_strings(5000):
        assert [m.span() for m in coref._HONORIFIC_NAME.finditer(text)] == \
            [m.span() for m in plain_honorific.finditer(text)], text
        assert [m.span() for m in coref._KNIGHTED.finditer(text)] == \
            [m.span() for m in plain_knighted.finditer(text)], text


def test_no_known_given_name_is_said_where_the_cheap_test_sees_none():
    from claimsdb.extract.speakers import describe, may_have_known_given_name

    words = ["Tom", "Anna's", "Barker", "Mrs.", "Dr", "Vik", "World", "Cup", "Sir", "J.", "Anne-Marie", "the",
             "Foreign", "Minister", "of", "(", ")", ",", "’s", "John’s", "Olsen", "Lord", "Junior"]
    rng = random.Random(3)
    for _ in range(3000):
        phrase = " ".join(rng.choice(words) for _ in range(rng.randint(1, 5)))
        if describe(phrase, 0, len(phrase)).known_given_name:
            assert may_have_known_given_name(phrase), phrase
    assert may_have_known_given_name("Tom Barker")
    assert not may_have_known_given_name("World Junior Championship")


def test_names_beside_company_nouns_of_a_line_are_what_a_scan_of_the_line_finds():
    texts = ["The carmaker Voltra said so.\nShares in the firm, Brindle, rose; the bank Absa fell",
             "a company Vik.\n  the group Tom and the insurer Ann-B \nthe lender It, the firm Vik"]
    pieces = ["the ", "company ", "firm", "bank", ", ", " ", "Vik", "Ann-B", "It", ".", ";", "\n", " a", "\t", "s"]
    rng = random.Random(5)
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 20))) for _ in range(5000)]
    for text in texts:
        seg = segment(text)
        whole = coref._companies_beside_nouns(seg.masked)
        for block in seg.blocks:
            plain = [(m.start(1), m.end(1), m.group(1))
                     for m in coref._COMPANY_BESIDE_NOUN.finditer(seg.masked, block.start, block.end)
                     if m.group(1).lower() not in coref._COMMON_CAPITALS]
            assert [hit for hit in whole if block.start <= hit[0] < block.end] == plain, text


def test_strong_company_words_are_the_company_words_with_strong_evidence():
    text = "Brindle's shares rose. Net sales fell. Voltra plc said its profits rose. Shares in Absa fell."
    assert coref._company_words(text) == {"Brindle", "Net", "Voltra", "Absa"}
    assert coref._company_words(text, strong=True) == {"Brindle", "Voltra", "Absa"}


def test_a_body_country_remembered_for_an_article_follows_what_its_claims_say():
    # "Another lender" makes the body quoted just before it a lender too, of the country the
    # article gives lenders; the answer is remembered, but not across claims that read otherwise.
    from claimsdb.records import ClaimCandidate, Speaker
    from claimsdb.resolve.affiliation import _named_body_country

    text = "Polish lenders are worried. Brindlo said rates would rise. Another lender, Zedkor, agreed."
    start = text.index("Brindlo")

    def claims(speaker_type: str) -> list[ClaimCandidate]:
        return [ClaimCandidate("indirect", start + 13, start + 29, start, start + 7, Speaker("Brindlo", speaker_type))]

    assert _named_body_country(text, "Brindlo", claims("organization")) == (True, "PL")
    assert _named_body_country(text, "Brindlo", claims("person")) == (False, None)
    assert _named_body_country(text, "Brindlo", claims("organization")) == (True, "PL")


def test_company_evidence_pattern_finds_what_its_plain_form_finds():
    # The fast form takes the capital first, checks what stands before it after, and the rest
    # of the name at once.
    plain = re.compile(coref._COMPANY_EVIDENCE.pattern.replace(r"([A-Z](?<![\w-][A-Z])(?>[\w&-]+)(?<=[a-zA-Z]))",
                                                               r"(?<![\w-])([A-Z][\w&-]*[a-zA-Z])"))
    assert plain.pattern != coref._COMPANY_EVIDENCE.pattern
    pieces = ["Brindle", "AT&T", "X-1", "Ab", "A", "'s", "’s", " ", " shares", " plc", " said its", " Group",
              "-", "&", "9", "_", " chairman", "s", "\n", ","]
    rng = random.Random(9)
    texts = ["Brindle's shares fell. AT&T plc said its AT&T-B sales; X1 Group, Ab's board."]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    for text in texts:
        assert [(m.span(), m.span(1)) for m in coref._COMPANY_EVIDENCE.finditer(text)] == \
            [(m.span(), m.span(1)) for m in plain.finditer(text)], text


def test_where_a_name_stands_is_remembered_for_the_last_articles_only():
    from claimsdb.resolve import affiliation

    texts = [f"Vik said so. {'x ' * k}Vik-Berg and Vik agreed." for k in range(5)]
    for text in texts + texts[::-1]:
        spans = affiliation._occurrences(text, "Vik")
        assert spans == affiliation._find_occurrences(text, "Vik")
        assert [text[a:b] for a, b in spans] == ["Vik", "Vik"] and spans[1][0] == text.rindex("Vik")
        assert len(affiliation._OCCURRENCES) <= 2


def test_where_a_body_is_named_is_what_its_whole_name_pattern_finds():
    from claimsdb.resolve import bodies

    forms = ["Vik", "Vik Oil", "VikOil", "Fox & Co", "A", "O'Vik", "Vik-", "s", " "]
    for text in SENTENCES + _random_strings(3000) + ["Vik Oil Vik Oil Vik Oil", "VikVik Vik&Vik Vik_ Vik"]:
        for form in forms:
            plain = [m.start() for m in re.finditer(r"(?<![\w’'&-])" + re.escape(form) + r"(?![\w&-])", text)]
            assert bodies._named_at(text, form) == plain, (text, form)


def test_a_name_inside_a_sentence_is_what_its_pattern_finds():
    from claimsdb.resolve import bodies

    forms = ["Vik", "Vik Oil", "Fox", "A", "O'Vik", "Vik-", "s", "'", ","]
    for text in SENTENCES + _random_strings(3000) + ["Vik, Vik Vik,Vik a Vik' x Vik"]:
        for form in forms:
            expected = re.search(r"[\w,] " + re.escape(form) + r"(?![\w’'-])", text) is not None
            assert bodies._inside_sentence(text, form) == expected, (text, form)


def test_a_line_names_a_word_as_the_case_blind_whole_word_pattern_says():
    from claimsdb.resolve import statements

    words = ["Vik", "vik", "VIK", "Fox", "O'Vik", "a", "s", "Ann Vik", "é", "Vik_"]
    for line in SENTENCES + _random_strings(3000) + ["VIK vik Vikings vik_ xvik", "ﬁx Vik"]:
        for word in words:
            plain = re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", line, re.IGNORECASE) is not None
            assert statements._names_word(line, word) == plain, (line, word)


COMPANY_SENTENCES = [
    "The carmaker Voltra, the firm Alpha-group Beta. The subgroup Xyz, group, Vik; bank, Bank.",
    "carmaker Voltra said its profits rose; groupgroup Abc; firm Firm, x; companycompany Aa, a.",
    "Shares in Vik rose. Vik Air's managing director, Air Vik, which flies, was bought by Air Vik.",
    "a chip developed by Vik Instruments said its sales; Vik Instruments' shares; xVik Instruments, which",
    "Dr. Vik Vik said. xDr Vik, Mr.Vik, Dr  Vik, Ab. Vik Vik. Vik; MMr Vik-Vik Vik; A. B. Vik Vik",
    "Miss. Vik met Mrs. Vik's aide; Dr Vik_ and Vik, who; Vik Vik,who; Vik Vik who spoke.",
]
COMPANY_ALPHABET = ["Vik", "Air", "Dr", "Mr", "Miss", "group", "firm", "bank", "maker", "car", "by", "owned",
                    "which", "who", "its", "said", "plc", "'s", " ", " ", " ", ",", ".", "-", "&", "'", "x"]


def _company_strings(n: int, seed: int = 15) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(COMPANY_ALPHABET) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def test_matches_from_the_words_a_pattern_starts_with_are_what_finditer_finds():
    for text in COMPANY_SENTENCES + _company_strings(3000):
        for pattern, words in [(coref._COMPANY_BESIDE_NOUN, coref._COMPANY_NOUNS),
                               (coref._FIRM_BEFORE, coref._FIRM_NOUNS.split("|"))]:
            assert [(m.span(), m.groups()) for m in coref._matches_from(pattern, words, text)] == \
                [(m.span(), m.groups()) for m in pattern.finditer(text)], text


def test_wording_around_a_name_is_what_the_patterns_compiled_for_it_find():
    for text in COMPANY_SENTENCES + _company_strings(3000):
        for name in ("Vik", "Air Vik", "Vik Instruments", "Vik Vik"):
            whole = r"(?<![\w’'-])" + re.escape(name)
            assert coref._words_as_company(text, name) == (
                re.search(whole + r"(?:" + coref._COMPANY_TAIL + r"|['’]s managing director\b|, which\b)", text) is not None
                or re.search(coref._BODY_BEFORE + whole, text) is not None), (text, name)
            whole = re.escape(name) + r"(?![\w’'&-])"
            assert coref._treated_as_body(text, name) == (
                name.rsplit(None, 1)[-1].lower() in coref.ORG_WORDS or name in coref._company_words(text)
                or re.search(r"(?<![\w’'&-])" + whole + coref._BODY_AFTER, text) is not None
                or re.search(coref._BODY_BEFORE + whole, text) is not None), (text, name)


def test_the_words_before_a_name_are_what_finditer_of_its_pattern_finds():
    for text in COMPANY_SENTENCES + _company_strings(3000) + _random_strings(3000):
        for name in ("Vik", "Vik Vik", "A", "Fox"):
            assert list(coref._words_before(text, name)) == [
                m.group(1) for m in re.finditer(r"([A-Z][\w’'-]*)\.? " + re.escape(name) + r"(?![\w’'&-])", text)
            ], (text, name)


def test_a_text_said_not_to_name_a_document_noun_has_no_match_of_its_patterns():
    from claimsdb.resolve import documents

    texts = ["A REPORT by Vik Research found", "The Survey, carried out by Vik", "no such noun here",
             "the ſurvey by Vik", "Vik's latest Poll", "the Vik Research study"] + _company_strings(500)
    for text in texts:
        for head in ("report", "survey", "poll", "study", "communiqué"):
            if not documents._may_name(text, head):
                assert re.search(re.escape(head), text, re.IGNORECASE) is None, (text, head)
                assert documents._documents_named(text, 0, len(text), (head,)) == []


def _plain_resolved_subjects(mentions, pronoun: str, start: int, end: int):
    """Every resolved pronoun phrase between ``start`` and ``end`` that may be ``pronoun``'s
    subject, as the salience scan first read them: one by one, each time asked."""
    return [s for s in mentions if start <= s.start < end and coref._resolved_subject(pronoun, s)]


def test_resolved_subjects_are_the_first_of_each_name_a_plain_scan_finds():
    from claimsdb.extract.speakers import Mention

    rng = random.Random(14)
    names = ["Anna Vik", "Vik", "the ministry", "Olsen", "officials"]
    types = ["person", "organization", "group", "anonymous"]
    for _ in range(300):
        mentions = []
        for i in range(rng.randint(0, 40)):
            mentions.append(Mention(start=10 * i, end=10 * i + 2, text="he", name=rng.choice(names),
                                    type=rng.choice(types), plural=rng.random() < 0.3,
                                    pronoun=rng.choice(["he", "she", "it", "they"])))
        focus = coref._Focus(None, frozenset(), [], mentions, [s.start for s in mentions])
        # Asked in text order with windows that end where the asking pronoun stands, as
        # resolution asks; some windows reach back over several sentences.
        for at in range(0, 10 * len(mentions) + 1, 10):
            for pronoun in ("he", "she", "it", "they"):
                start = max(0, at - rng.choice([0, 15, 40, 400]))
                plain = _plain_resolved_subjects(mentions, pronoun, start, at)
                firsts, seen = [], set()
                for s in plain:
                    if (s.name, s.plural) not in seen:
                        seen.add((s.name, s.plural))
                        firsts.append(s)
                assert focus.resolved_subjects(pronoun, start, at) == firsts


def test_a_word_folds_as_running_every_fold_until_nothing_changes():
    from claimsdb.resolve import names

    def folded(word):
        before = None
        while before != word:
            before = word
            for pattern, replacement in names.TRANSLITERATION_FOLDS:
                word = re.sub(pattern, replacement, word)
        return word

    rng = random.Random(5)
    letters = "aeiouyjxkslnv"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 9))) for _ in range(5000)]
    words += ["zelenskyy", "sergey", "andrii", "nikolay", "may", "tolstoy", "alexei", "selenskyj", "blair"]
    for word in words:
        assert names._fold_word.__wrapped__(word) == folded(word), word


def test_lexicon_patterns_from_the_cache_are_the_ones_built():
    """dates._lex and quantities._lex keep their texts in the pattern cache: each must be what
    its builder makes of the same forms, with every option, and change when the forms do."""
    from claimsdb.resolve import dates, quantities

    months = dates._MONTH_FULL
    for cased in (True, False):
        for dotted in (True, False):
            assert dates._lex(months, cased=cased, dotted=dotted) == dates._build_lex(months, cased, dotted)
        units = list(quantities._UNIT)
        assert quantities._lex(units, cased=cased) == quantities._build_lex(units, cased)
    assert dates._lex(["last week"]) != dates._lex(["last month"])
    assert re.fullmatch(dates._lex(["last week"]), "Last  week")


def test_name_runs_are_what_the_plain_pattern_finds():
    """_NAME_RUN matches its capital first (so the engine skips to capitals); it must find the
    runs of _NAME_RUN_PLAIN, which opens with a look-ahead, in whole texts and in windows. And
    _SHARES_IN, which opens with "hares", the names of the plain "[Ss]hares (in|of) NAME"."""
    plain = re.compile(coref._NAME_RUN_PLAIN)
    shares = re.compile(r"[Ss]hares (?:in|of) ([A-Z][\w&-]*[a-zA-Z])\b(?! [A-Z])")
    alphabet = ALPHABET + ["Mrs", "Ms", "M", "D", "Berg", "\t", "shares", "Shares", "hares", " in ", " of ", "&"]
    rng = random.Random(21)
    texts = SENTENCES + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16))) for _ in range(20000)]
    for text in texts:
        assert [m.span() for m in coref._NAME_RUN.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        start = rng.randint(0, len(text))
        assert [m.span() for m in coref._NAME_RUN.finditer(text, start)] == [m.span() for m in plain.finditer(text, start)]
        assert [m.span(1) for m in coref._SHARES_IN.finditer(text)] == [m.span(1) for m in shares.finditer(text)], text


def test_the_role_before_a_name_is_what_a_search_of_the_whole_window_finds():
    """_role_before searches only after the fifth space back from the name: it must give the
    match of _ROLE_BEFORE searched over the whole window, groups included."""
    alphabet = ALPHABET + ["Tory", "leader", "chief", "executive", "the", "ex-", "&", " ", " ", "  ", "\t", "(", ","]
    rng = random.Random(8)
    texts = SENTENCES + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 22))) for _ in range(20000)]
    for text in texts:
        end = rng.randint(0, len(text))
        for lo in (max(0, end - 50), rng.randint(0, end)):
            plain = coref._ROLE_BEFORE.search(text, lo, end)
            fast = coref._role_before(text, lo, end)
            assert (plain and (plain.span(), plain.groups())) == (fast and (fast.span(), fast.groups())), (text, lo, end)


def test_body_wording_before_a_name_is_found_as_the_patterns_find_it():
    """_body_wording tests how the text before a name ends before searching it with each pattern:
    the wordings the patterns find still make the name a body's, the others do not."""
    for before, body in [("an analyst at ", True), ("staff at ", True), ("the brokerage ", True), ("the bank ", True),
                         ("a look at ", False), ("the ", False), ("bank", False), ("flat ", False)]:
        text = f"Reports came in. Then {before}Vikco said it would act."
        assert coref._body_wording.__wrapped__(text, "Vikco") is body, before
    assert coref._body_wording.__wrapped__("Earlier, the Vikco said prices rose.", "Vikco")
    assert not coref._body_wording.__wrapped__("Earlier, the Vikco fell.", "Vikco")
