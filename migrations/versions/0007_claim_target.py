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


# Plain ALTER TABLE rather than a batch copy: copying the claims table would drop the
# full-text triggers that 0001 created on it. Claims stored before keep NULL: the target comes
# from the extractor, so only `claims ingest --force` on their documents finds it.
def upgrade() -> None:
    op.add_column("claims", sa.Column("target", sa.Text(), nullable=True))
    op.add_column("claims", sa.Column("target_start", sa.Integer(), nullable=True))
    op.add_column("claims", sa.Column("target_end", sa.Integer(), nullable=True))


def downgrade() -> None:
    for name in ("target_end", "target_start", "target"):
        op.drop_column("claims", name)
