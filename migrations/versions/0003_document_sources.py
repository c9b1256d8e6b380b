"""Documents keep where they came from on the web: the page's URL and its stated language.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN, which SQLite does in place: a batch copy of documents would cascade
    # into the claims that reference it.
    op.add_column("documents", sa.Column("url", sa.Text(), nullable=True))
    op.add_column("documents", sa.Column("language", sa.String(length=16), nullable=True))
    # Looked up by URL: which pages of a list are already stored.
    op.create_index(op.f("ix_documents_url"), "documents", ["url"])


def downgrade() -> None:
    op.drop_index(op.f("ix_documents_url"), table_name="documents")
    # Native DROP COLUMN (SQLite 3.35+), not a batch copy: the table comes back exactly as
    # 0001 made it.
    op.drop_column("documents", "language")
    op.drop_column("documents", "url")
