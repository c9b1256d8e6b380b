"""Initial schema: documents, actors and their aliases, claims, quantities, full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Claim text search. SQLite: an FTS5 index whose content is the claims table itself (no second
# copy of the text), kept current by triggers; porter stemming so "tanks" finds "tank",
# remove_diacritics so "cafe" finds "café". PostgreSQL: a GIN index on the same expression that
# claimsdb.query searches with.
SQLITE_FTS = [
    """CREATE VIRTUAL TABLE claims_fts USING fts5(
        text, content='claims', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO claims_fts(rowid, text) VALUES (new.id, new.text);
    END""",
]
SQLITE_FTS_DROP = [
    "DROP TRIGGER IF EXISTS claims_fts_update",
    "DROP TRIGGER IF EXISTS claims_fts_delete",
    "DROP TRIGGER IF EXISTS claims_fts_insert",
    "DROP TABLE IF EXISTS claims_fts",
]
PG_FTS_INDEX = "ix_claims_text_tsv"
PG_FTS_EXPRESSION = "to_tsvector('english'::regconfig, text)"


def upgrade() -> None:
    # sqlite_autoincrement: ids of documents, actors and claims are never reused, so an id a
    # user noted down does not come to mean another claim after --force re-ingests.
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("published_method", sa.String(length=16), nullable=True),
        sa.Column("encoding", sa.String(length=32), nullable=False),
        sa.Column("media_type", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("sha256", name=op.f("uq_documents_sha256")),
        sqlite_autoincrement=True,
    )

    op.create_table(
        "actors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("user_edited", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.CheckConstraint(
            "type IN ('person', 'organization', 'country', 'media', 'group', 'anonymous')",
            name=op.f("ck_actors_type"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actors")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_actors_name_key"), "actors", ["name_key"])
    op.create_index(op.f("ix_actors_country"), "actors", ["country"])

    op.create_table(
        "actor_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("alias_key", sa.Text(), nullable=False),
        sa.Column("fold_key", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"],
            name=op.f("fk_actor_aliases_actor_id_actors"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_aliases")),
        sa.UniqueConstraint(
            "alias_key", "actor_id", name=op.f("uq_actor_aliases_alias_key_actor_id")
        ),
    )
    op.create_index(op.f("ix_actor_aliases_actor_id"), "actor_aliases", ["actor_id"])
    op.create_index(op.f("ix_actor_aliases_fold_key"), "actor_aliases", ["fold_key"])

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("speaker_mention", sa.Text(), nullable=False),
        sa.Column("speaker_start", sa.Integer(), nullable=False),
        sa.Column("speaker_end", sa.Integer(), nullable=False),
        sa.Column("cue", sa.Text(), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_start", sa.Integer(), nullable=False),
        sa.Column("text_end", sa.Integer(), nullable=False),
        sa.Column("stated_on", sa.String(length=10), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column("date_key", sa.String(length=10), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("via", sa.Text(), nullable=True),
        sa.Column("extractor_version", sa.String(length=32), nullable=False),
        sa.CheckConstraint(
            "kind IN ('direct', 'indirect', 'mixed', 'according_to', 'headline')",
            name=op.f("ck_claims_kind"),
        ),
        sa.CheckConstraint(
            "date_precision IN ('day', 'month', 'year')", name=op.f("ck_claims_date_precision")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"],
            name=op.f("fk_claims_document_id_documents"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_claims_actor_id_actors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_claims_document_id"), "claims", ["document_id"])
    op.create_index("ix_claims_actor_id_date_key", "claims", ["actor_id", "date_key"])
    op.create_index(op.f("ix_claims_date_key"), "claims", ["date_key"])
    op.create_index(op.f("ix_claims_kind"), "claims", ["kind"])

    op.create_table(
        "quantities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("max", sa.Float(), nullable=True),
        sa.Column("unit", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"],
            name=op.f("fk_quantities_claim_id_claims"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quantities")),
    )
    op.create_index(op.f("ix_quantities_claim_id"), "quantities", ["claim_id"])

    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_FTS:
            op.execute(statement)
    elif dialect == "postgresql":
        op.create_index(
            PG_FTS_INDEX, "claims", [sa.text(PG_FTS_EXPRESSION)], postgresql_using="gin"
        )


def downgrade() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_FTS_DROP:
            op.execute(statement)
    elif dialect == "postgresql":
        op.drop_index(PG_FTS_INDEX, table_name="claims")
    op.drop_table("quantities")
    op.drop_table("claims")
    op.drop_table("actor_aliases")
    op.drop_table("actors")
    op.drop_table("documents")
