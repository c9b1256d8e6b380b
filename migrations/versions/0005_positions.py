"""Positions: polarity and modality of claims, statement groups, topics and claim tags.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Claims positioned per round trip when an existing database is upgraded.
_BATCH = 2000
# claim_rows as migration 0004 made it; this one adds each claim's position after its kind.
# (A snapshot, as migrations are: 0004's text must not change under a database made by it.)
_VIEW_BEFORE = """CREATE VIEW claim_rows AS
SELECT
    c.id AS claim_id,
    c.text AS claim,
    a.name AS speaker,
    a.type AS speaker_type,
    a.role AS role,
    a.country AS country,
    c.date_key AS date,
    CASE
        WHEN c.date_key IS NULL THEN NULL
        WHEN c.stated_on IS NOT NULL AND c.stated_on NOT LIKE 'X%' THEN 'statement'
        ELSE 'publication'
    END AS date_source,
    c.kind AS kind,
    d.outlet AS outlet,
    d.title AS document_title,
    COALESCE(d.url, CASE WHEN d.path LIKE 'http://%' OR d.path LIKE 'https://%' THEN d.path END) AS url,
    c.confidence AS confidence,
    c.speaker_edited AS speaker_edited,
    substr(c.date_key, 1, 7) AS month,
    c.document_id AS document_id,
    c.actor_id AS actor_id
FROM claims c
JOIN documents d ON d.id = c.document_id
JOIN actors a ON a.id = c.actor_id"""
_VIEW_AFTER = _VIEW_BEFORE.replace(
    "    c.kind AS kind,\n", "    c.kind AS kind,\n    c.polarity AS polarity,\n    c.modality AS modality,\n"
)


def upgrade() -> None:
    # Added in place, not by rebuilding the table as batch mode would: a rebuild drops the
    # full-text triggers on claims and copies every row of a large database.
    checks = {
        "polarity": "polarity IN ('positive', 'negative')",
        "modality": "modality IN ('assert', 'intend', 'possible', 'demand', 'conditional')",
    }
    dialect = op.get_context().dialect.name
    for name, length, default in (("polarity", 8, "positive"), ("modality", 12, "assert")):
        if dialect == "sqlite":
            # SQLite adds a CHECK only as part of the column.
            op.execute(
                f"ALTER TABLE claims ADD COLUMN {name} VARCHAR({length}) DEFAULT '{default}' NOT NULL"
                f" CONSTRAINT ck_claims_{name} CHECK ({checks[name]})"
            )
        else:
            op.add_column("claims", sa.Column(name, sa.String(length=length), server_default=default, nullable=False))
            op.create_check_constraint(op.f(f"ck_claims_{name}"), "claims", checks[name])
    op.add_column("claims", sa.Column("statement_group", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_claims_statement_group"), "claims", ["statement_group"])

    op.create_table(
        "topics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topics")),
        sa.UniqueConstraint("name", name=op.f("uq_topics_name")),
    )
    op.create_table(
        "claim_topics",
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["topic_id"], ["topics.id"], name=op.f("fk_claim_topics_topic_id_topics"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_claim_topics_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("topic_id", "claim_id", name=op.f("pk_claim_topics")),
    )
    op.create_index(op.f("ix_claim_topics_claim_id"), "claim_topics", ["claim_id"])
    _position_stored_claims()
    op.execute("DROP VIEW IF EXISTS claim_rows")
    op.execute(_VIEW_AFTER)


def _position_stored_claims() -> None:
    """Claims stored before this revision get their polarity and modality from the same rules
    as new ones, so a filter on them does not silently miss older claims."""
    from claimsdb.records import ClaimCandidate, Speaker
    from claimsdb.resolve.positions import classify

    connection = op.get_bind()
    select = sa.text(
        "SELECT c.id, c.kind, c.cue, c.cue_start, c.cue_end, c.text_start, c.text_end,"
        " c.speaker_start, c.speaker_end, a.name, d.text FROM claims c"
        " JOIN actors a ON a.id = c.actor_id JOIN documents d ON d.id = c.document_id"
        " WHERE c.id > :after ORDER BY c.id LIMIT :batch"
    )
    update = sa.text("UPDATE claims SET polarity = :polarity, modality = :modality WHERE id = :id")
    after = 0
    while rows := connection.execute(select, {"after": after, "batch": _BATCH}).all():
        changes = []
        for claim_id, kind, cue, cue_start, cue_end, text_start, text_end, sp_start, sp_end, name, text in rows:
            candidate = ClaimCandidate(
                kind=kind, text_start=text_start, text_end=text_end, speaker_start=sp_start,
                speaker_end=sp_end, speaker=Speaker(name=name), cue=cue, cue_start=cue_start, cue_end=cue_end,
            )
            position = classify(text, candidate)
            if (position.polarity, position.modality) != ("positive", "assert"):
                changes.append({"id": claim_id, "polarity": position.polarity, "modality": position.modality})
        if changes:
            connection.execute(update, changes)
        after = rows[-1][0]


def downgrade() -> None:
    # SQLite refuses to drop a column a view still reads.
    op.execute("DROP VIEW IF EXISTS claim_rows")
    op.execute(_VIEW_BEFORE)
    op.drop_index(op.f("ix_claim_topics_claim_id"), table_name="claim_topics")
    op.drop_table("claim_topics")
    op.drop_table("topics")
    op.drop_index(op.f("ix_claims_statement_group"), table_name="claims")
    if op.get_context().dialect.name == "sqlite":
        # In place (SQLite 3.35+): each CHECK is part of its column and goes with it, and the
        # table keeps its full-text triggers and exactly the definition 0001 gave it.
        for name in ("statement_group", "modality", "polarity"):
            op.execute(f"ALTER TABLE claims DROP COLUMN {name}")
        return
    op.drop_constraint(op.f("ck_claims_modality"), "claims", type_="check")
    op.drop_constraint(op.f("ck_claims_polarity"), "claims", type_="check")
    for name in ("statement_group", "modality", "polarity"):
        op.drop_column("claims", name)
