"""store_document: one transaction per document, idempotent by content, --force replaces."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event, func, select, text

from claimsdb.extract.base import get_extractor
from claimsdb.models import Claim, Document, DocumentPath, Quantity
from claimsdb.records import PartialDate, Speaker
from claimsdb.store import date_key, store_document
from factories import KYIV, ZELENSKYY, claim, document, sample_claims


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def fts_ids(session, words: str) -> list[int]:
    return session.execute(text("SELECT rowid FROM claims_fts WHERE claims_fts MATCH :q"), {"q": words}).scalars().all()


def test_new_document_stores_claims_with_offsets_into_its_text(session):
    claims = sample_claims()[KYIV]
    result = store_document(session=session, document=KYIV, claims=claims)
    assert (result.status, result.claims_added) == ("new", 2)

    stored_text = session.scalar(select(Document.text).where(Document.id == result.document_id))
    assert stored_text == KYIV.text
    rows = session.scalars(select(Claim).order_by(Claim.id)).all()
    for row in rows:
        assert stored_text[row.text_start : row.text_end] == row.text
        assert stored_text[row.speaker_start : row.speaker_end] == row.speaker_mention
        assert row.extractor_version == get_extractor().version
    assert rows[0].text == "We need at least 200,000 peacekeepers."
    assert (rows[0].kind, rows[0].cue, rows[0].confidence) == ("direct", "said", 0.9)
    assert (rows[0].stated_on, rows[0].date_precision, rows[0].date_key) == ("2025-03-16", "day", "2025-03-16")
    # No statement date: the publication date stands in for --since/--until.
    assert (rows[1].stated_on, rows[1].date_key) == (None, "2025-03-20")
    quantity = session.scalars(select(Quantity)).one()
    assert (quantity.claim_id, quantity.value, quantity.text) == (rows[0].id, 200000, "200,000 peacekeepers")


def test_same_content_again_is_skipped_and_adds_nothing(session):
    first = store_document(session=session, document=KYIV, claims=sample_claims()[KYIV])
    moved = document(KYIV.text, path="elsewhere/copy.txt")
    again = store_document(session=session, document=moved, claims=sample_claims()[KYIV])
    assert (again.status, again.document_id, again.claims_added) == ("skipped", first.document_id, 0)
    assert count(session, Document) == 1
    assert count(session, Claim) == 2
    assert count(session, Quantity) == 1


@pytest.mark.sqlite  # reads the FTS5 index
def test_force_replaces_the_claims_of_a_document(session):
    first = store_document(session=session, document=KYIV, claims=sample_claims()[KYIV])
    old_ids = set(session.scalars(select(Claim.id)))
    replacement = [claim(KYIV, "peace talks would start in April", ZELENSKYY, mention="Zelensky")]
    result = store_document(
        session=session, document=document(KYIV.text, path="renamed.txt"), claims=replacement, force=True
    )
    assert (result.status, result.document_id, result.claims_added) == ("replaced", first.document_id, 1)
    rows = session.scalars(select(Claim)).all()
    assert [r.text for r in rows] == ["peace talks would start in April"]
    # Ids are never reused: an id a user noted keeps meaning the claim it meant.
    assert not {r.id for r in rows} & old_ids
    assert count(session, Quantity) == 0
    # The document keeps its first path; the other is recorded, so --document finds either.
    assert session.scalar(select(Document.path)) == KYIV.path
    assert session.scalars(select(DocumentPath.path)).all() == ["renamed.txt"]
    # The full-text index follows: the replaced claim is no longer found.
    assert fts_ids(session, "peacekeepers") == []
    assert fts_ids(session, "talks") == [rows[0].id]


def test_a_bad_claim_stores_nothing_of_its_document(session):
    good = claim(KYIV, "peace talks would start in April", ZELENSKYY, mention="Zelensky")
    bad = claim(KYIV, "peace talks would start in April", ZELENSKYY, mention="Zelensky")
    bad.text_end = len(KYIV.text) + 10
    with pytest.raises(ValueError, match="claim 2: text span"):
        store_document(session=session, document=KYIV, claims=[good, bad])
    assert count(session, Document) == 0
    assert count(session, Claim) == 0
    # The session is usable again and the registry does not remember the rolled-back actor.
    assert store_document(session=session, document=KYIV, claims=[good]).status == "new"


def test_document_without_claims_is_stored_so_it_is_not_read_again(session):
    empty = document("Markets were calm on Tuesday.")
    assert store_document(session=session, document=empty, claims=[]).status == "new"
    assert store_document(session=session, document=empty, claims=[]).status == "skipped"


def test_one_actor_per_speaker_across_documents(session):
    for doc, claims in sample_claims().items():
        store_document(session=session, document=doc, claims=claims)
    speakers = session.execute(
        text("SELECT a.name, count(*) FROM claims c JOIN actors a ON a.id = c.actor_id GROUP BY a.id ORDER BY a.name")
    ).all()
    assert speakers == [
        ("José Álvarez", 1), ("Kaja Kallas", 1), ("Sergey Lavrov", 1), ("Volodymyr Zelenskyy", 3)
    ]


@pytest.mark.parametrize(
    ("stated", "published", "expected"),
    [
        (PartialDate(2025, 3, 16), date(2025, 4, 1), "2025-03-16"),
        (PartialDate(2025, 3, precision="month"), None, "2025-03-01"),
        (PartialDate(2024, precision="year"), date(2025, 4, 1), "2024-01-01"),
        # The year is unknown: the statement cannot be placed, the article can.
        (PartialDate(None, 3, 16), date(2025, 4, 1), "2025-04-01"),
        (PartialDate(None, 3, 16), None, None),
        (None, date(2025, 4, 1), "2025-04-01"),
        (None, None, None),
    ],
)
def test_date_key(stated, published, expected):
    assert date_key(stated, published) == expected


def test_speaker_learned_details_reach_the_actor(session):
    doc = document("Kallas said the mission is ready. Kaja Kallas, the EU foreign policy chief, agreed.")
    claims = [
        claim(doc, "the mission is ready", Speaker("Kallas")),
        claim(doc, "agreed", Speaker("Kaja Kallas", role="EU foreign policy chief", country="EU")),
    ]
    store_document(session=session, document=doc, claims=claims)
    rows = session.execute(text("SELECT name, role, country FROM actors")).all()
    assert rows == [("Kaja Kallas", "EU foreign policy chief", "EU")]


def test_a_prepared_document_holds_plain_values_and_stores_as_the_document_does(session, engine):
    # What a worker sends back: plain values (strings, numbers, dates, tuples), which cost
    # little to send between processes; stored, the same rows as the document and its claims.
    import pickle
    from datetime import date as date_type

    from sqlalchemy.orm import Session

    from claimsdb.db import writing
    from claimsdb.store import prepare_document, store_prepared

    def plain(value) -> bool:
        if isinstance(value, tuple):
            return all(plain(item) for item in value)
        return value is None or isinstance(value, (str, int, float, date_type))

    samples = sample_claims()
    prepared = [prepare_document(document, claims) for document, claims in samples.items()]
    assert all(plain((p.path, p.sha256, p.row, p.speakers, p.claims, p.warnings)) for p in prepared)
    for p, claims in zip(prepared, samples.values()):
        # Each claim's speaker from the document's distinct speakers (one per name key).
        assert [Speaker(*p.speakers[index]) for index, _, _ in p.claims] == [c.speaker for c in claims]
    copies = pickle.loads(pickle.dumps(prepared))
    results = [store_document(session=session, document=document, claims=claims)
               for document, claims in samples.items()]
    claim_columns = [column for column in Claim.__table__.columns if column.name not in ("id", "document_id")]
    expected = session.execute(select(*claim_columns).order_by(Claim.id)).all()
    quantity_columns = (Quantity.value, Quantity.max, Quantity.unit, Quantity.text, Quantity.start, Quantity.end)
    quantities = session.execute(select(*quantity_columns).order_by(Quantity.id)).all()
    assert quantities
    session.execute(Claim.__table__.delete())
    session.execute(Document.__table__.delete())
    session.commit()
    with Session(writing(engine)) as other:
        again = store_prepared(session=other, prepared=copies)
    assert [(r.status, r.claims_added) for r in again] == [(r.status, r.claims_added) for r in results]
    assert session.execute(select(*claim_columns).order_by(Claim.id)).all() == expected
    assert len(expected) == sum(len(claims) for claims in samples.values())
    assert session.execute(select(*quantity_columns).order_by(Quantity.id)).all() == quantities


def test_ctrl_c_after_the_database_committed_is_still_an_interrupt(session):
    # The interrupt lands while SQLAlchemy closes a transaction the database has committed:
    # the user gets the interrupt (and "what was stored is kept"), not an error about the
    # session's state, and the document is stored.
    def interrupt(_session):
        event.remove(session, "after_commit", interrupt)
        raise KeyboardInterrupt

    event.listen(session, "after_commit", interrupt)
    with pytest.raises(KeyboardInterrupt):
        store_document(session=session, document=KYIV, claims=sample_claims()[KYIV])
    session.close()
    assert count(session, Document) == 1
    assert count(session, Claim) == 2



def test_a_batch_leaves_known_the_newest_ids_as_stored(session):
    # Storing works them out from the ids it drew rather than asking (one round trip less
    # under the write lock); what the database says must be the same.
    from claimsdb import store
    from factories import store_sample

    store_sample(session)
    assert session.info[store._LAST_WRITE_KEY] == tuple(session.execute(store._LAST_ACTOR_IDS).one())
    session.rollback()


def test_catching_up_with_another_writer_keeps_only_the_document_counts_already_read(engine):
    from sqlalchemy.orm import Session

    from claimsdb.resolve.actors import registry_for
    from factories import BRUSSELS, KYIV, MOSCOW

    claims = sample_claims()
    with Session(engine, expire_on_commit=False) as first, Session(engine, expire_on_commit=False) as other:
        store_document(session=first, document=KYIV, claims=claims[KYIV])
        registry = registry_for(first)
        [zelenskyy] = [actor for actor in registry._by_id.values() if actor.name == "Volodymyr Zelenskyy"]
        assert registry._document_counts([zelenskyy]) == {zelenskyy: 1}
        first.commit()
        # Quotes Zelenskyy (as "Zelenskiy") and Sergey Lavrov, new.
        store_document(session=other, document=MOSCOW, claims=claims[MOSCOW])
        store_document(session=first, document=BRUSSELS, claims=claims[BRUSSELS])  # catches up
        assert registry_for(first) is registry
        [lavrov] = [actor for actor in registry._by_id.values() if actor.name == "Sergey Lavrov"]
        assert registry._documents[zelenskyy] == 2
        # Lavrov's count was never read: it is read in full when needed, not taken to be the
        # documents the other writer quoted him in lately.
        assert lavrov not in registry._documents
        assert registry._document_counts([lavrov]) == {lavrov: 1}
