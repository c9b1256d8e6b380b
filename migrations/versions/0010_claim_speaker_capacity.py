"""Claims keep the speaker's country and role as their own article gives them.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03

An actor holds one country and one role, those of the first article that named the person;
the same person quoted in another capacity elsewhere ("European Council President Donald
Tusk" after "Polish Prime Minister Donald Tusk") keeps them. ``claims.speaker_country`` and
``claims.speaker_role`` hold what the claim's article says where it differs from the actor's,
and are NULL otherwise (most claims): exports, ``--country`` and the claim_rows view read the
claim's value when set, else the actor's. The partial index holds only the set values.

Claims stored before keep NULL: what their article said was not kept, so only
``claims ingest --force`` on their documents finds it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# claim_rows as migration 0007 made it; this one gives each claim's own role and country when
# set. (A snapshot, as migrations are: 0007's text must not change under a database made by it.)
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
    c.target AS target,
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
    "    a.role AS role,\n    a.country AS country,\n",
    "    COALESCE(c.speaker_role, a.role) AS role,\n    COALESCE(c.speaker_country, a.country) AS country,\n",
)
_INDEX = "ix_claims_speaker_country"


# Plain ALTER TABLE rather than a batch copy: copying the claims table would drop the
# full-text triggers that 0001 created on it (and cost minutes at millions of claims).
def upgrade() -> None:
    op.add_column("claims", sa.Column("speaker_country", sa.String(length=8), nullable=True))
    op.add_column("claims", sa.Column("speaker_role", sa.Text(), nullable=True))
    set_only = sa.text("speaker_country IS NOT NULL")
    op.create_index(op.f(_INDEX), "claims", ["speaker_country"], sqlite_where=set_only, postgresql_where=set_only)
    op.execute("DROP VIEW IF EXISTS claim_rows")
    op.execute(_VIEW_AFTER)


def downgrade() -> None:
    # The view reads the columns: it goes first, or they could not be dropped.
    op.execute("DROP VIEW IF EXISTS claim_rows")
    op.drop_index(op.f(_INDEX), table_name="claims")
    for name in ("speaker_role", "speaker_country"):
        op.drop_column("claims", name)
    op.execute(_VIEW_BEFORE)
