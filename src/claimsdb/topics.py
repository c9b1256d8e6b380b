"""Topics: named sets of words and phrases, and which claims each is about.

A claim is about a topic when one of the topic's terms occurs in its text, every word of a
term matched as ``claims query --text`` matches it (word forms too: "troop" finds "troops").
Tags live in ``claim_topics``. They are made through the full-text index: for every stored
claim when a topic is added or changed, and for new claims as they are stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection

from claimsdb.errors import BadFilter, NotFound


@dataclass(frozen=True, slots=True)
class TopicSummary:
    """A topic, its terms in the order given, and how many claims are tagged with it."""

    name: str
    terms: tuple[str, ...]
    claims: int


def clean_terms(terms: list[str]) -> list[str]:
    """The distinct terms of ``terms``, spacing collapsed; BadFilter when none has a word."""
    cleaned = list(dict.fromkeys(" ".join(t.split()) for t in terms if any(c.isalnum() for c in t)))
    if not cleaned:
        raise BadFilter("a topic needs at least one term with a letter or digit")
    return cleaned


def add_topic(*, connection: Connection, name: str, terms: list[str]) -> TopicSummary:
    """Make topic ``name`` with ``terms``, or add ``terms`` to it, and tag every stored claim
    again. Call inside a writing transaction; the caller commits."""
    name = " ".join(name.split())
    if not name:
        raise BadFilter("a topic needs a name")
    row = connection.execute(
        text("SELECT id, terms FROM topics WHERE lower(name) = :name"), {"name": name.lower()}
    ).first()
    if row is None:
        all_terms = clean_terms(terms)
        topic_id = connection.execute(
            text("INSERT INTO topics (name, terms) VALUES (:name, :terms) RETURNING id"),
            {"name": name, "terms": "\n".join(all_terms)},
        ).scalar_one()
    else:
        topic_id = row[0]
        all_terms = clean_terms(row[1].split("\n") + terms)
        connection.execute(
            text("UPDATE topics SET terms = :terms WHERE id = :id"), {"terms": "\n".join(all_terms), "id": topic_id}
        )
        connection.execute(text("DELETE FROM claim_topics WHERE topic_id = :id"), {"id": topic_id})
    tag_claims(connection, topic_id, all_terms)
    return _summary(connection, topic_id)


def remove_topic(*, connection: Connection, name: str) -> TopicSummary:
    """Delete topic ``name`` and its tags (the claims stay); NotFound if there is none."""
    row = connection.execute(
        text("SELECT id FROM topics WHERE lower(name) = :name"), {"name": " ".join(name.split()).lower()}
    ).first()
    if row is None:
        raise NotFound(f"no topic named {name!r}")
    summary = _summary(connection, row[0])
    connection.execute(text("DELETE FROM claim_topics WHERE topic_id = :id"), {"id": row[0]})
    connection.execute(text("DELETE FROM topics WHERE id = :id"), {"id": row[0]})
    return summary


def list_topics(*, connection: Connection) -> list[TopicSummary]:
    """Every topic, by name."""
    ids = connection.execute(text("SELECT id FROM topics ORDER BY lower(name)")).scalars().all()
    return [_summary(connection, topic_id) for topic_id in ids]


def _summary(connection: Connection, topic_id: int) -> TopicSummary:
    name, terms = connection.execute(text("SELECT name, terms FROM topics WHERE id = :id"), {"id": topic_id}).one()
    count = connection.execute(
        text("SELECT count(*) FROM claim_topics WHERE topic_id = :id"), {"id": topic_id}
    ).scalar_one()
    return TopicSummary(name, tuple(terms.split("\n")), count)


def tag_claims(connection: Connection, topic_id: int, terms: list[str], first_id: int | None = None,
               last_id: int | None = None) -> None:
    """Tag with the topic the claims (those with ids from ``first_id`` to ``last_id`` when
    given) whose text has every word of one of ``terms``."""
    ranged = first_id is not None
    condition, params = _terms_condition(connection.dialect.name, terms, ranged=ranged)
    if ranged:
        condition += " AND c.id BETWEEN :first_id AND :last_id"
        params.update(first_id=first_id, last_id=last_id)
    connection.execute(
        text(f"INSERT INTO claim_topics (topic_id, claim_id) SELECT :topic_id, c.id FROM claims c WHERE {condition}"),
        {**params, "topic_id": topic_id},
    )


def tag_new_claims(connection: Connection, first_id: int, last_id: int) -> None:
    """Tag the claims with ids ``first_id`` to ``last_id``, just stored, with every topic."""
    for topic_id, terms in connection.execute(text("SELECT id, terms FROM topics")).all():
        tag_claims(connection, topic_id, terms.split("\n"), first_id, last_id)


def _terms_condition(dialect: str, terms: list[str], ranged: bool = False) -> tuple[str, dict]:
    # Imported here, when there is a topic: ingest imports this module (to tag new claims) and
    # would otherwise load the query module in every process, for databases without topics too.
    from claimsdb.query import fts_match_expression, search_terms

    if dialect == "sqlite":
        # One FTS5 query for all terms: each term's words (quoted, so never query syntax) in
        # parentheses, the terms joined by OR.
        expression = " OR ".join(f"({fts_match_expression(term)})" for term in terms)
        # The id range inside the full-text query: else FTS5 lists every stored claim with
        # the terms for each batch of new ones (0.6 s a batch at a million claims).
        rowids = " AND rowid BETWEEN :first_id AND :last_id" if ranged else ""
        return (f"c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH :fts_query{rowids})",
                {"fts_query": expression})
    if dialect == "postgresql":
        # The expression of the GIN index of migration 0001, so that PostgreSQL uses it.
        queries = " || ".join(f"plainto_tsquery('english'::regconfig, :term_{n})" for n in range(len(terms)))
        return (
            f"to_tsvector('english'::regconfig, c.text) @@ ({queries})",
            {f"term_{n}": " ".join(search_terms(term)) for n, term in enumerate(terms)},
        )
    conditions, params = [], {}
    for n, term in enumerate(terms):
        words = search_terms(term)
        conditions.append(
            "(" + " AND ".join(f"lower(c.text) LIKE lower(:term_{n}_{k})" for k in range(len(words))) + ")"
        )
        params.update({f"term_{n}_{k}": f"%{word}%" for k, word in enumerate(words)})
    return "(" + " OR ".join(conditions) + ")", params
