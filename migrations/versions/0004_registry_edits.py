"""Registry edits that outlive ingest, and a view for browsing: actor redirects (merges across
types, changed types), per-claim speaker fixes, claims.speaker_edited, the claim_rows view.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# One row per claim with what a reader wants beside it, for Datasette and plain SQL users
# (`claims serve` facets and searches it). Written in SQL that SQLite and PostgreSQL share.
# "date" is the day --since/--until compare (claims.date_key) and date_source says whether it
# is the statement's own date or, lacking its year, the article's publication date. A
# document ingested from a web address keeps it as its path: that is its URL.
# SQLite checks a view's tables when another table is renamed, so a later migration that
# rebuilds claims, documents or actors in batch mode must drop this view first and create it
# again afterwards.
CLAIM_ROWS_VIEW = """CREATE VIEW claim_rows AS
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


def upgrade() -> None:
    op.create_table(
        "actor_redirects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fold_key", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"],
            name=op.f("fk_actor_redirects_actor_id_actors"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_redirects")),
        sa.UniqueConstraint("fold_key", "type", name=op.f("uq_actor_redirects_fold_key_type")),
    )
    op.create_index(op.f("ix_actor_redirects_actor_id"), "actor_redirects", ["actor_id"])

    op.create_table(
        "speaker_fixes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("text_start", sa.Integer(), nullable=False),
        sa.Column("text_end", sa.Integer(), nullable=False),
        sa.Column("speaker_start", sa.Integer(), nullable=False),
        sa.Column("speaker_end", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"],
            name=op.f("fk_speaker_fixes_document_id_documents"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"],
            name=op.f("fk_speaker_fixes_actor_id_actors"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speaker_fixes")),
        sa.UniqueConstraint(
            "document_id", "text_start", "text_end", "speaker_start", "speaker_end",
            name="uq_speaker_fixes_span",
        ),
    )
    op.create_index(op.f("ix_speaker_fixes_actor_id"), "speaker_fixes", ["actor_id"])

    # A plain ADD COLUMN, not batch mode: rebuilding claims on SQLite would drop the triggers
    # that keep its full-text index current.
    op.add_column(
        "claims", sa.Column("speaker_edited", sa.Boolean(), server_default=sa.false(), nullable=False)
    )
    op.execute(CLAIM_ROWS_VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS claim_rows")
    if op.get_context().dialect.name == "sqlite":
        # SQLite 3.35+ drops a column in place; the FTS triggers do not name it.
        op.execute("ALTER TABLE claims DROP COLUMN speaker_edited")
    else:
        op.drop_column("claims", "speaker_edited")
    op.drop_index(op.f("ix_speaker_fixes_actor_id"), table_name="speaker_fixes")
    op.drop_table("speaker_fixes")
    op.drop_index(op.f("ix_actor_redirects_actor_id"), table_name="actor_redirects")
    op.drop_table("actor_redirects")
