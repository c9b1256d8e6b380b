"""Alembic environment for claimsdb.

claimsdb.db runs the migrations on its own connection, passed in
``config.attributes["connection"]``. Run from the command line (``alembic upgrade head``,
``alembic revision --autogenerate`` with the developer ``alembic.ini``), the database is the one
claimsdb itself would use: ``sqlalchemy.url`` if the ini sets it, else ``$CLAIMS_DB``, else
``./claims.db``.
"""

from __future__ import annotations

from alembic import context

from claimsdb.db import build_engine, resolve_db_url
from claimsdb.models import Base, include_name

config = context.config
target_metadata = Base.metadata

CONFIGURE_OPTIONS = dict(
    target_metadata=target_metadata,
    # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
    render_as_batch=True,
    include_name=include_name,
    compare_type=True,
)


def run_migrations_offline() -> None:
    """Emit SQL for the migrations instead of running them (``alembic upgrade --sql``)."""
    url = config.get_main_option("sqlalchemy.url") or resolve_db_url(None)
    context.configure(url=url, literal_binds=True, **CONFIGURE_OPTIONS)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, **CONFIGURE_OPTIONS)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = build_engine(config.get_main_option("sqlalchemy.url") or resolve_db_url(None))
    try:
        with engine.connect() as connection:
            context.configure(connection=connection, **CONFIGURE_OPTIONS)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
