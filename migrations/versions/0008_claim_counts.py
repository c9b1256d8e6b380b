"""Claim counts kept as claims change, so that stats, actors and ingest read no claim.

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-02

``actors.claims`` is the number of claims of each actor; ``claim_totals`` holds the number
of claims of each kind ("kind:direct", ...) and of documents with at least one claim
("documents"). Triggers on ``claims`` keep both current whatever changes a claim (ingest,
reassign, merges, deletes), so ``claims stats`` and ``claims actors`` cost the same at a
thousand claims and at five million. The index on (actor_id, document_id) lets ingest count
the documents of a few actors (an ambiguous surname) without reading their claims.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite: row triggers. Each keeps one count per statement in its body.
_SQLITE_TRIGGERS = (
    """CREATE TRIGGER claims_count_insert AFTER INSERT ON claims BEGIN
    UPDATE actors SET claims = claims + 1 WHERE id = new.actor_id;
    INSERT INTO claim_totals (name, value) VALUES ('kind:' || new.kind, 1)
        ON CONFLICT (name) DO UPDATE SET value = value + 1;
    INSERT INTO claim_totals (name, value) SELECT 'documents', 1
        WHERE NOT EXISTS (SELECT 1 FROM claims WHERE document_id = new.document_id AND id <> new.id)
        ON CONFLICT (name) DO UPDATE SET value = value + 1;
END""",
    """CREATE TRIGGER claims_count_delete AFTER DELETE ON claims BEGIN
    UPDATE actors SET claims = claims - 1 WHERE id = old.actor_id;
    UPDATE claim_totals SET value = value - 1 WHERE name = 'kind:' || old.kind;
    UPDATE claim_totals SET value = value - 1
        WHERE name = 'documents' AND NOT EXISTS (SELECT 1 FROM claims WHERE document_id = old.document_id);
END""",
    """CREATE TRIGGER claims_count_update_actor AFTER UPDATE OF actor_id ON claims
    WHEN old.actor_id <> new.actor_id BEGIN
    UPDATE actors SET claims = claims - 1 WHERE id = old.actor_id;
    UPDATE actors SET claims = claims + 1 WHERE id = new.actor_id;
END""",
    """CREATE TRIGGER claims_count_update_kind AFTER UPDATE OF kind ON claims
    WHEN old.kind <> new.kind BEGIN
    UPDATE claim_totals SET value = value - 1 WHERE name = 'kind:' || old.kind;
    INSERT INTO claim_totals (name, value) VALUES ('kind:' || new.kind, 1)
        ON CONFLICT (name) DO UPDATE SET value = value + 1;
END""",
)
_SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {name}"
    for name in ("claims_count_update_kind", "claims_count_update_actor", "claims_count_delete", "claims_count_insert")
]

# PostgreSQL: statement triggers over the transition tables for inserts and deletes, so a
# multi-row INSERT (or COPY) of a batch updates each actor and total once, not once per claim.
# Updates are few (reassign, merges) and a row trigger with WHEN costs nothing to the many
# updates of other columns (statement groups); claims never move between documents.
_PG_FUNCTION = """CREATE FUNCTION claims_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE actors a SET claims = a.claims - o.n
            FROM (SELECT actor_id, count(*) AS n FROM old_claims GROUP BY actor_id) o WHERE a.id = o.actor_id;
        UPDATE claim_totals t SET value = t.value - o.n
            FROM (SELECT 'kind:' || kind AS name, count(*) AS n FROM old_claims GROUP BY kind) o WHERE t.name = o.name;
    END IF;
    IF TG_OP = 'INSERT' THEN
        UPDATE actors a SET claims = a.claims + i.n
            FROM (SELECT actor_id, count(*) AS n FROM new_claims GROUP BY actor_id) i WHERE a.id = i.actor_id;
        INSERT INTO claim_totals (name, value) SELECT 'kind:' || kind, count(*) FROM new_claims GROUP BY kind
            ON CONFLICT (name) DO UPDATE SET value = claim_totals.value + excluded.value;
        INSERT INTO claim_totals (name, value)
            SELECT 'documents', count(DISTINCT i.document_id) FROM new_claims i
            WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.document_id = i.document_id
                              AND c.id NOT IN (SELECT id FROM new_claims))
            ON CONFLICT (name) DO UPDATE SET value = claim_totals.value + excluded.value;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE claim_totals SET value = value - (
            SELECT count(DISTINCT o.document_id) FROM old_claims o
            WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.document_id = o.document_id))
        WHERE name = 'documents';
    END IF;
    RETURN NULL;
END $$"""
_PG_ROW_FUNCTION = """CREATE FUNCTION claims_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE actors SET claims = claims - 1 WHERE id = old.actor_id;
    UPDATE actors SET claims = claims + 1 WHERE id = new.actor_id;
    UPDATE claim_totals SET value = value - 1 WHERE name = 'kind:' || old.kind;
    INSERT INTO claim_totals (name, value) VALUES ('kind:' || new.kind, 1)
        ON CONFLICT (name) DO UPDATE SET value = claim_totals.value + 1;
    RETURN NULL;
END $$"""
_PG_TRIGGERS = (
    "CREATE TRIGGER claims_count_insert AFTER INSERT ON claims REFERENCING NEW TABLE AS new_claims"
    " FOR EACH STATEMENT EXECUTE FUNCTION claims_count()",
    "CREATE TRIGGER claims_count_delete AFTER DELETE ON claims REFERENCING OLD TABLE AS old_claims"
    " FOR EACH STATEMENT EXECUTE FUNCTION claims_count()",
    "CREATE TRIGGER claims_count_update AFTER UPDATE OF actor_id, kind ON claims FOR EACH ROW"
    " WHEN (old.actor_id <> new.actor_id OR old.kind <> new.kind) EXECUTE FUNCTION claims_count_update()",
)
_PG_DROP = [
    "DROP TRIGGER IF EXISTS claims_count_update ON claims",
    "DROP TRIGGER IF EXISTS claims_count_delete ON claims",
    "DROP TRIGGER IF EXISTS claims_count_insert ON claims",
    "DROP FUNCTION IF EXISTS claims_count_update()",
    "DROP FUNCTION IF EXISTS claims_count()",
]


def upgrade() -> None:
    dialect = op.get_context().dialect.name
    # A plain ADD COLUMN, not batch mode: rebuilding actors would copy it for nothing.
    op.add_column("actors", sa.Column("claims", sa.Integer(), server_default="0", nullable=False))
    op.create_table(
        "claim_totals",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_claim_totals")),
    )
    op.create_index(op.f("ix_claims_actor_id_document_id"), "claims", ["actor_id", "document_id"])
    # Counted from the indexes of claims, before the triggers exist.
    op.execute(
        "UPDATE actors SET claims = (SELECT count(*) FROM claims WHERE claims.actor_id = actors.id)"
        " WHERE id IN (SELECT DISTINCT actor_id FROM claims)"
    )
    op.execute("INSERT INTO claim_totals (name, value) SELECT 'kind:' || kind, count(*) FROM claims GROUP BY kind")
    op.execute("INSERT INTO claim_totals (name, value) SELECT 'documents', count(DISTINCT document_id) FROM claims")
    for statement in _SQLITE_TRIGGERS if dialect == "sqlite" else (_PG_FUNCTION, _PG_ROW_FUNCTION, *_PG_TRIGGERS):
        op.execute(statement)


def downgrade() -> None:
    for statement in _SQLITE_DROP if op.get_context().dialect.name == "sqlite" else _PG_DROP:
        op.execute(statement)
    op.drop_index(op.f("ix_claims_actor_id_document_id"), table_name="claims")
    op.drop_table("claim_totals")
    if op.get_context().dialect.name == "sqlite":
        # SQLite 3.35+ drops a column in place.
        op.execute("ALTER TABLE actors DROP COLUMN claims")
    else:
        op.drop_column("actors", "claims")
