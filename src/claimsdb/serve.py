"""serve: browse and share a claims database in Datasette, set up for claims at once.

Datasette is an optional dependency (the ``web`` extra): it is imported only when a server is
started. The metadata generated here tells Datasette what it cannot find out by itself: the
full-text index of claim text (made with ``content='claims'``, a spelling its detection
misses), the facets worth having, the canned queries and the tables to keep out of sight.
Links from a row of the claim_rows view to its claim, document and speaker come from a
small plugin, claimsdb.datasette_plugin: a view has no foreign keys for Datasette to follow.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimsdb.errors import DatabaseError, MissingDependency, ServerError
from claimsdb.models import CLAIM_ROWS_VIEW, FTS_TABLE

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8001

# Datasette settings: pages a person can read, and queries that cannot hog a shared machine.
SETTINGS = {
    "default_page_size": 50,
    # documents.text holds whole articles: tables show the start; a row page shows it all.
    "truncate_cells_html": 300,
    "sql_time_limit_ms": 5000,
    "facet_time_limit_ms": 1000,
    # The four facets of claim_rows say more than suggestions to facet by claim text or id.
    "suggest_facets": False,
    "default_facet_size": 10,
}

# Columns of claim_rows a canned query lists, in the order a reader wants them.
_LISTED = (
    "claim_id, date, date_source, speaker, role, country, kind, claim, outlet, document_title, url,"
    " confidence, document_id, actor_id"
)

# The same matching as `claims query --actor` and `--country --text`: the functions are
# registered on Datasette's connections by claimsdb.datasette_plugin.
ACTOR_STATEMENTS_SQL = f"""select {_LISTED}
from claim_rows
where actor_id in (
  select n.actor_id from actor_aliases n join actors p on p.id = n.actor_id
  where n.fold_key = claimsdb_actor_key(:actor)
     or (p.type = 'person' and n.fold_key like '% ' || claimsdb_actor_key(:actor))
)
order by date is null, date, claim_id"""

COUNTRY_SEARCH_SQL = f"""select {_LISTED}
from claim_rows
where country = claimsdb_country_code(:country)
  and claim_id in (select rowid from {FTS_TABLE} where {FTS_TABLE} match claimsdb_fts_query(:search))
order by date is null, date, claim_id"""

# Tables a reader has no use for: the search index's own and the schema version.
_HIDDEN = (FTS_TABLE, *(f"{FTS_TABLE}_{suffix}" for suffix in ("data", "idx", "docsize", "config")), "alembic_version")


def database_name(path: str | Path) -> str:
    """The name Datasette gives the database file ``path`` (its file name without suffix)."""
    return Path(path).stem


def serve_metadata(name: str) -> dict[str, Any]:
    """Datasette metadata for the claims database that Datasette serves as ``name``."""
    # Searches are escaped (Datasette's default): words, never FTS query syntax.
    search = {"fts_table": FTS_TABLE}
    return {
        "title": "claimsdb: who said what, and when",
        "description": (
            "Attributed claims from news articles. Start with claim_rows: one row per claim with "
            "its speaker, date, outlet and document; search it, or use the canned queries."
        ),
        "databases": {
            name: {
                "tables": {
                    CLAIM_ROWS_VIEW: {
                        **search,
                        "fts_pk": "claim_id",
                        "description": (
                            "One row per claim. date is when the statement was made, or, where date_source "
                            "is 'publication', the day the article was published. Search matches word forms "
                            "(tank finds tanks)."
                        ),
                        "facets": ["country", "speaker", "kind", "month"],
                        "sort_desc": "date",
                    },
                    "claims": {**search, "fts_pk": "id", "facets": ["kind"], "label_column": "text"},
                    "documents": {"label_column": "title", "facets": ["outlet"]},
                    "actors": {"label_column": "name", "facets": ["type", "country"]},
                    **{table: {"hidden": True} for table in _HIDDEN},
                },
                "queries": {
                    "actor_statements": {
                        "title": "An actor's statements, in date order",
                        "description": "Name as written in any article, an alias or a surname; case and accents do not matter.",
                        "sql": ACTOR_STATEMENTS_SQL,
                        # The form and the rows are what a reader came for; "show" reveals the SQL.
                        "hide_sql": True,
                    },
                    "country_statements": {
                        "title": "A country's statements on a search term, in date order",
                        "description": (
                            "Speakers of one country (code, name or demonym: UA, Ukraine, Ukrainian) whose "
                            "claims contain every word searched for."
                        ),
                        "sql": COUNTRY_SEARCH_SQL,
                        "hide_sql": True,
                    },
                },
            }
        },
    }


def servable_path(url: str) -> Path:
    """The SQLite file Datasette can serve for the database URL ``url``.

    Raises DatabaseError for a database that is not an SQLite file (Datasette reads only
    SQLite) or a file that does not exist.
    """
    from claimsdb.db import _sqlite_file

    path = _sqlite_file(url)
    if path is None:
        raise DatabaseError(
            "claims serve works on an SQLite database file only (Datasette reads SQLite), "
            f"not {url.split('://', 1)[0]}; export the claims, or ingest into a file with --db claims.db"
        )
    if not Path(path).is_file():
        raise DatabaseError(f"no database at {path}: ingest articles first (claims ingest ...) or choose one with --db")
    return Path(path)


def serve(*, path: str | Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          on_ready=None) -> None:
    """Run Datasette on the SQLite database ``path`` at http://host:port/ until interrupted.

    ``on_ready`` is called with the URL of the claims view once the server is about to
    listen. Raises MissingDependency when Datasette is not installed, ServerError when
    host:port cannot be listened on.
    """
    try:
        import uvicorn
        from datasette.app import Datasette
    except ImportError:
        raise MissingDependency(
            "claims serve needs Datasette: pip install 'claimsdb[web]' (from a checkout: pip install '.[web]')"
        ) from None
    from claimsdb import datasette_plugin

    _check_address(host, port)
    datasette_plugin.register()
    datasette = Datasette([str(path)], metadata=serve_metadata(database_name(path)), settings=SETTINGS)
    _run(datasette.invoke_startup)
    if on_ready is not None:
        on_ready(f"http://{host}:{port}/{database_name(path)}/{CLAIM_ROWS_VIEW}")
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning", lifespan="on", workers=1)


def _check_address(host: str, port: int) -> None:
    """Raise ServerError unless host:port is free to listen on: uvicorn would log a
    traceback-like message and exit instead."""
    import socket

    if not host.strip():
        # An empty host would mean every interface: sharing must be asked for by name.
        raise ServerError("--host needs an address: 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise ServerError(f"cannot listen on {host!r}: {e.strerror}") from None
    except (UnicodeError, ValueError):  # a name no resolver could take: too long, NUL...
        raise ServerError(f"cannot listen on {host!r}: not a host name or address") from None
    family, kind, protocol, _, address = infos[0]
    with socket.socket(family, kind, protocol) as probe:
        # As uvicorn sets it: a port left in TIME_WAIT by a server just stopped is free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as e:
            raise ServerError(
                f"cannot listen on {host}:{port}: {e.strerror}; choose another port with --port"
            ) from None


def _run(coroutine_function) -> None:
    import asyncio

    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(coroutine_function())
    finally:
        loop.close()
