"""Claims record the rule (construction) that found them.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ALTER TABLE rather than a batch copy: copying the claims table would drop the
# full-text triggers that 0001 created on it (SQLite has had DROP COLUMN since 3.35).
def upgrade() -> None:
    # Claims stored before keep NULL: which rule found them is not known.
    op.add_column("claims", sa.Column("rule", sa.String(length=32), nullable=True))


def downgrade() -> None:
    op.drop_column("claims", "rule")
