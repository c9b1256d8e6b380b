"""Name keys folded again: final -ay/-oy now meet -ai/-oi ("Nikolay", "Nikolai").

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03

The registry finds an actor by the folded key of each of its names (``actor_aliases.fold_key``)
and a user's merge by the folded key it redirects (``actor_redirects.fold_key``); both were
stored with the folds of the claimsdb that wrote them. A key stored with fewer folds than the
running claimsdb applies would never meet the same name ingested again, so every stored key is
folded again here, with the running claimsdb's folds (folding is idempotent: a key already
folded this way stays as it is). Of two redirects that now share a key and type, the one
already stored under that key stays, else the older.
Nothing to undo on downgrade: the older folds are a subset, and their keys are looked up again
through the same rows.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from claimsdb.resolve.names import fold_key

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ALIASES = sa.table("actor_aliases", sa.column("id", sa.Integer), sa.column("alias_key", sa.Text),
                    sa.column("fold_key", sa.Text))
_REDIRECTS = sa.table("actor_redirects", sa.column("id", sa.Integer), sa.column("fold_key", sa.Text),
                      sa.column("type", sa.String))


def upgrade() -> None:
    connection = op.get_bind()
    changed = [
        {"row_id": row_id, "new_fold": fold_key(alias_key)}
        for row_id, alias_key, fold in connection.execute(sa.select(_ALIASES.c.id, _ALIASES.c.alias_key, _ALIASES.c.fold_key))
        if fold_key(alias_key) != fold
    ]
    if changed:
        connection.execute(
            _ALIASES.update().where(_ALIASES.c.id == sa.bindparam("row_id")).values(fold_key=sa.bindparam("new_fold")),
            changed,
        )
    redirects = connection.execute(
        sa.select(_REDIRECTS.c.id, _REDIRECTS.c.fold_key, _REDIRECTS.c.type).order_by(_REDIRECTS.c.id)
    ).all()
    kept: set[tuple[str, str]] = {(fold, kind) for _, fold, kind in redirects if fold_key(fold) == fold}
    for row_id, fold, kind in redirects:
        new = fold_key(fold)
        if new == fold:
            continue
        if (new, kind) in kept:
            connection.execute(_REDIRECTS.delete().where(_REDIRECTS.c.id == row_id))
        else:
            kept.add((new, kind))
            connection.execute(_REDIRECTS.update().where(_REDIRECTS.c.id == row_id).values(fold_key=new))


def downgrade() -> None:
    pass
