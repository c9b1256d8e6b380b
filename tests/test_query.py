"""query filters, as a journalist uses them: names as written, countries as said, dates as
loose as known."""

from __future__ import annotations

import importlib.util

import pytest

from claimsdb import query
from claimsdb.errors import BadFilter, NotFound
from claimsdb.query import CLAIM_COLUMNS, ClaimFilter, actors_summary, claim_detail, find_claims_rows, stats
from claimsdb.records import Speaker
from claimsdb.store import store_document
from factories import claim, document, store_sample

has_countries = pytest.mark.skipif(
    importlib.util.find_spec("claimsdb.resolve.countries") is None, reason="country table not installed"
)


@pytest.fixture
def connection(engine, session):
    store_sample(session)
    with engine.connect() as connection:
        yield connection


def texts(connection, **filters) -> list[str]:
    return [row["text"] for row in find_claims_rows(connection=connection, filters=ClaimFilter(**filters))]


ZELENSKYY_CLAIMS = [
    "We need at least 200,000 peacekeepers.",
    "peace talks would start in April",
    "tanks arrived in Kharkiv",
]


def test_no_filter_lists_every_claim_in_ingest_order(connection):
    rows = list(find_claims_rows(connection=connection, filters=ClaimFilter()))
    assert [r["claim_id"] for r in rows] == sorted(r["claim_id"] for r in rows)
    assert len(rows) == 6
    assert all(tuple(row) == CLAIM_COLUMNS for row in rows)
    first = rows[0]
    assert first["document"] == "news/kyiv.txt"
    assert first["published_on"] == "2025-03-20"
    assert (first["speaker"], first["speaker_role"], first["country"]) == ("Volodymyr Zelenskyy", "President", "UA")
    assert first["quantities"] == [{"value": 200000, "max": None, "unit": "peacekeepers", "text": "200,000 peacekeepers"}]


@pytest.mark.parametrize("name", ["Volodymyr Zelenskyy", "zelensky", "ZELENSKIY", "Zelenskyy", "volodymyr zelensky"])
def test_actor_by_any_spelling_alias_or_surname(connection, name):
    assert texts(connection, actor=name) == ZELENSKYY_CLAIMS


@pytest.mark.parametrize("name", ["José Álvarez", "jose alvarez", "ALVAREZ", "Álvarez"])
def test_actor_ignores_accents_and_case(connection, name):
    assert texts(connection, actor=name) == ["=SUM(A1) is not a formula"]


def test_actor_that_is_not_there_matches_nothing(connection):
    assert texts(connection, actor="Macron") == []
    # A first name is not a surname.
    assert texts(connection, actor="Volodymyr") == []


@pytest.mark.parametrize("name", ["President Volodymyr Zelenskyy", "President Zelensky", "Mr Zelenskiy"])
def test_actor_with_the_titles_an_article_puts_before_the_name(connection, name):
    assert texts(connection, actor=name) == ZELENSKYY_CLAIMS


def test_a_peerage_is_part_of_the_name_not_a_title_to_drop(connection):
    # "Lord Lavrov" names a peer, not the foreign minister.
    assert texts(connection, actor="Lord Lavrov") == []
    assert texts(connection, actor="Foreign Minister Sergey Lavrov") == ["Russia rejects the plan [sic]"]


def test_speakers_an_article_only_describes_are_found_by_the_description(session, engine):
    # Described speakers are stored per article, the article's name after the description.
    for n, says in enumerate(["fares will rise", "the strike is over"]):
        doc = document(f"The Tories said {says}.", f"story_{n}.txt")
        store_document(session=session, document=doc, claims=[
            claim(doc, says, Speaker(f"Tories (story_{n})", type="group"), mention="The Tories", cue="said")])
    doc = document("Tony Blair’s spokesman said no.", "story_9.txt")
    store_document(session=session, document=doc, claims=[
        claim(doc, "no", Speaker("Tony Blair’s spokesman (story_9)", type="anonymous"), mention="Tony Blair’s spokesman",
              cue="said")])
    session.commit()
    with engine.connect() as connection:
        assert texts(connection, actor="Tories") == ["fares will rise", "the strike is over"]
        assert texts(connection, actor="the tories") == ["fares will rise", "the strike is over"]
        assert texts(connection, actor="Tony Blair's spokesman") == ["no"]  # either apostrophe
        assert texts(connection, actor="Tony Blair") == []  # a description naming him is not him


def test_a_name_nobody_answers_to_gets_the_nearest_speakers(connection):
    assert not query.actor_exists(connection=connection, name="Lavorv")
    assert query.actor_exists(connection=connection, name="Mr Lavrov")
    assert query.similar_actor_names(connection=connection, name="Lavorv") == ["Sergey Lavrov"]
    assert query.similar_actor_names(connection=connection, name="Zelenksy")[0] == "Volodymyr Zelenskyy"
    assert query.similar_actor_names(connection=connection, name="Qwertyuiop") == []


def test_with_numbers_keeps_the_claims_that_put_a_number_on_something(connection):
    assert texts(connection, with_numbers=True) == ["We need at least 200,000 peacekeepers."]
    assert texts(connection, with_numbers=True, actor="Lavrov") == []


def test_country_by_code(connection):
    assert texts(connection, country="ua") == ZELENSKYY_CLAIMS
    assert texts(connection, country="EU") == ["the EU mission could take various formats"]


@has_countries
@pytest.mark.parametrize("country", ["Ukraine", "Ukrainian", "UA"])
def test_country_by_name_or_demonym(connection, country):
    assert texts(connection, country=country) == ZELENSKYY_CLAIMS


@has_countries
@pytest.mark.parametrize(("value", "code"), [("Scottish", "GB"), ("Welsh", "GB"), ("Scotland", "GB"), ("Briton", "GB")])
def test_a_region_s_people_name_its_country(value, code):
    assert query.country_filter_code(value) == code


@has_countries
def test_unknown_country_is_a_bad_filter(connection):
    with pytest.raises(BadFilter, match="Atlantis"):
        texts(connection, country="Atlantis")


def test_since_and_until_take_years_months_and_days(connection):
    # date_keys: 2025-03-16, 2025-03-20 (published), 2025-04-02 (published, x2), 2024-01-01, none.
    assert texts(connection, since="2025-04") == [
        "the EU mission could take various formats", "=SUM(A1) is not a formula"
    ]
    assert texts(connection, until="2025-03") == [
        "We need at least 200,000 peacekeepers.", "peace talks would start in April", "Russia rejects the plan [sic]"
    ]
    assert texts(connection, since="2025-03-17", until="2025-03-20") == ["peace talks would start in April"]
    assert texts(connection, since="2024", until="2024") == ["Russia rejects the plan [sic]"]
    assert len(texts(connection, since="2025", until="2025")) == 4


@pytest.mark.parametrize("value", ["yesterday", "2025-13", "2025-02-30", "25-03-01", ""])
def test_nonsense_dates_are_bad_filters(connection, value):
    with pytest.raises(BadFilter, match="--since"):
        texts(connection, since=value)


def test_since_after_until_is_a_bad_filter(connection):
    with pytest.raises(BadFilter, match="after"):
        texts(connection, since="2025-04", until="2025-03")


def test_text_search_needs_every_word_and_matches_word_forms(connection):
    assert texts(connection, text="peacekeepers") == ["We need at least 200,000 peacekeepers."]
    assert texts(connection, text="peacekeeper") == ["We need at least 200,000 peacekeepers."]
    assert texts(connection, text="tanks Kharkiv") == ["tanks arrived in Kharkiv"]
    assert texts(connection, text="tanks Kyiv") == []


@pytest.mark.parametrize(
    ("hostile", "expected"),
    [
        ("x' OR 1=1 --", []),
        ('" OR "" = "', []),
        ("tanks NOT peace", []),
        ("NEAR(tanks kharkiv)", []),
        ("text:tanks", []),
        ("tank*", ["tanks arrived in Kharkiv"]),
    ],
)
def test_text_search_input_is_only_ever_words(connection, hostile, expected):
    # Neither SQL nor FTS5 query syntax: OR, NOT, NEAR, column filters are words to find.
    assert texts(connection, text=hostile) == expected


def test_text_without_any_word_is_a_bad_filter(connection):
    with pytest.raises(BadFilter, match="--text"):
        texts(connection, text=" -- ")


def test_kind(connection):
    assert texts(connection, kind="according_to") == ["=SUM(A1) is not a formula"]
    with pytest.raises(BadFilter, match="direct, indirect"):
        texts(connection, kind="quote")


def test_document_by_path_fragment_or_id(connection):
    assert texts(connection, document="wire/") == ["Russia rejects the plan [sic]", "tanks arrived in Kharkiv"]
    assert texts(connection, document="1") == ZELENSKYY_CLAIMS[:2]
    assert texts(connection, document="%") == []


def test_limit_and_min_confidence(connection):
    assert len(texts(connection, limit=2)) == 2
    assert texts(connection, min_confidence=0.85) == ["We need at least 200,000 peacekeepers."]
    with pytest.raises(BadFilter):
        texts(connection, limit=0)


def test_filters_combine(connection):
    assert texts(connection, actor="Zelensky", since="2025-03-18") == ["peace talks would start in April"]


def test_rows_stream_in_batches_with_their_quantities(connection, monkeypatch):
    monkeypatch.setattr(query, "BATCH_SIZE", 1)
    rows = list(find_claims_rows(connection=connection, filters=ClaimFilter()))
    assert len(rows) == 6
    assert [len(r["quantities"]) for r in rows] == [1, 0, 0, 0, 0, 0]


def test_actors_summary_lists_quoted_actors_with_aliases(connection):
    actors = list(actors_summary(connection=connection))
    assert actors[0]["name"] == "Volodymyr Zelenskyy"
    assert actors[0]["claims"] == 3
    assert set(actors[0]["aliases"]) == {"Zelensky", "Zelenskiy"}
    assert {a["name"] for a in actors} == {"Volodymyr Zelenskyy", "Kaja Kallas", "José Álvarez", "Sergey Lavrov"}


def test_claim_detail_has_the_source_text_and_provenance(connection):
    detail = claim_detail(connection=connection, claim_id=1)
    assert detail["document_text"][detail["text_start"] : detail["text_end"]] == detail["text"]
    assert detail["document"] == "news/kyiv.txt"
    assert detail["extractor_version"]
    with pytest.raises(NotFound, match="999"):
        claim_detail(connection=connection, claim_id=999)


def test_stats(connection):
    summary = stats(connection=connection)
    assert (summary.documents, summary.claims, summary.actors) == (3, 6, 4)
    assert summary.claims_by_kind == {"indirect": 4, "direct": 1, "according_to": 1}
    assert (summary.first_date, summary.last_date) == ("2024-01-01", "2025-04-02")
    assert summary.top_speakers[0]["name"] == "Volodymyr Zelenskyy"


def test_multi_word_surname_alone_finds_the_person(engine, session):
    doc = document("Ursula von der Leyen said Europe must rearm.")
    store_document(session=session, document=doc, claims=[claim(doc, "Europe must rearm", Speaker("Ursula von der Leyen"))])
    with engine.connect() as connection:
        assert texts(connection, actor="von der Leyen") == ["Europe must rearm"]
        assert texts(connection, actor="Leyen") == ["Europe must rearm"]
        assert texts(connection, actor="der") == []


@pytest.mark.parametrize("filters", [{}, {"text": "troops"}], ids=["consecutive ids", "scattered ids"])
def test_quantities_come_with_their_claims(engine, session, filters):
    # Quantities are read per batch of claims: by id range when the ids are consecutive,
    # else by list; either way each claim gets its own.
    sentences = [f"Officer{n} said item {n} is calm." for n in range(8)]
    sentences[0] = "Officer0 said 300 troops arrived."
    sentences[7] = "Officer7 said 40 troops left."
    doc = document(" ".join(sentences))
    claims = []
    for n, sentence in enumerate(sentences):
        statement = sentence.split(" said ")[1].rstrip(".")
        number = statement.split()[0]
        quantities = [(f"{number} troops", float(number), "troops")] if "troops" in statement else ()
        claims.append(claim(doc, statement, f"Officer{n}", quantities=quantities))
    store_document(session=session, document=doc, claims=claims)
    with engine.connect() as connection:
        rows = list(find_claims_rows(connection=connection, filters=ClaimFilter(**filters)))
    by_text = {row["text"]: [q["text"] for q in row["quantities"]] for row in rows}
    assert by_text["300 troops arrived"] == ["300 troops"]
    assert by_text["40 troops left"] == ["40 troops"]
    assert all(not quantities for text, quantities in by_text.items() if "troops" not in text)


def test_text_with_a_limit_gives_the_first_matches_in_ingest_order(engine, session):
    # Words alone with --limit take the first ids from the full-text index: the same claims,
    # in the same order, as the first of all matches; with another filter or order too.
    for n in range(12):
        body = f"Ann Example said the harbour {'bridge' if n % 3 else 'tunnel'} number {n} was ready."
        doc = document(body, path=f"news/{n}.txt")
        kind = "direct" if n % 2 else "indirect"
        store_document(session=session, document=doc, claims=[
            claim(doc, body[body.index("the harbour"):-1], "Ann Example", kind=kind, confidence=0.5 + n / 100)])
    with engine.connect() as connection:
        every = texts(connection, text="harbour bridge")
        assert len(every) == 8
        for limit in (1, 3, 8, 20):
            assert texts(connection, text="harbour bridge", limit=limit) == every[:limit]
        assert texts(connection, text="harbour bridge", limit=2, sort="confidence") == texts(
            connection, text="harbour bridge", sort="confidence")[:2]
        assert texts(connection, text="harbour", kind="direct", limit=2) == texts(
            connection, text="harbour", kind="direct")[:2]
