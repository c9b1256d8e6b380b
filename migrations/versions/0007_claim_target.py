"""Claims record their target: whom or what a stance is aimed at ("accused Denmark of ...").

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# claim_rows as migration 0005 made it; this one adds each claim's target after its position.
# (A snapshot, as migrations are: 0005's text must not change under a database made by it.)
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
    c.polarity AS polarity,
    c.modality AS modality,
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
_VIEW_AFTER = _VIEW_BEFORE.replace("    c.modality AS modality,\n", "    c.modality AS modality,\n    c.target AS target,\n")


# Plain ALTER TABLE rather than a batch copy: copying the claims table would drop the
# full-text triggers that 0001 created on it. Claims stored before keep NULL: the target comes
# from the extractor, so only `claims ingest --force` on their documents finds it.
def upgrade() -> None:
    op.add_column("claims", sa.Column("target", sa.Text(), nullable=True))
    op.add_column("claims", sa.Column("target_start", sa.Integer(), nullable=True))
    op.add_column("claims", sa.Column("target_end", sa.Integer(), nullable=True))
    op.execute("DROP VIEW IF EXISTS claim_rows")
    op.execute(_VIEW_AFTER)


def downgrade() -> None:
    # The view reads claims.target: it goes first, or the column could not be dropped.
    op.execute("DROP VIEW IF EXISTS claim_rows")
    for name in ("target_end", "target_start", "target"):
        op.drop_column("claims", name)
    op.execute(_VIEW_BEFORE)
