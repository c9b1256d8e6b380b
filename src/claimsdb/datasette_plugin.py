"""The Datasette plugin `claims serve` registers: links and SQL functions for claims.

- Cells of the claim_rows view and of the canned queries link to the claim, its document and
  its speaker: a view has no foreign keys for Datasette to follow.
- A few lines of CSS give a claim's text room to be read among the many narrow columns.
- SQL functions let canned queries match as `claims query` does: claimsdb_actor_key (the
  lookup key of a name: case, accents, transliteration ignored), claimsdb_country_code (a
  code, name or demonym as a code) and claimsdb_fts_query (words as a safe FTS5 query).

Imports Datasette: import this module only to serve.
"""

from __future__ import annotations

import sys
from typing import Any

from datasette import hookimpl
from datasette.plugins import pm
from markupsafe import Markup, escape

from claimsdb.errors import BadFilter
from claimsdb.models import CLAIM_ROWS_VIEW

PLUGIN_NAME = "claimsdb"

# Column of a claim_rows or canned query row -> (table it links to, column holding the id).
_LINKS = {
    "claim_id": ("claims", "claim_id"),
    "document_title": ("documents", "document_id"),
    "document_id": ("documents", "document_id"),
    "speaker": ("actors", "actor_id"),
    "actor_id": ("actors", "actor_id"),
}


def register() -> None:
    """Register this module's hooks with Datasette (once per process)."""
    if pm.get_plugin(PLUGIN_NAME) is None:
        pm.register(sys.modules[__name__], name=PLUGIN_NAME)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    # table is None for canned and custom SQL queries, which select from claim_rows.
    if table not in (CLAIM_ROWS_VIEW, None) or column not in _LINKS:
        return None
    target, id_column = _LINKS[column]
    row_id = _get(row, id_column)
    if row_id is None:
        return None
    label = value
    if label is None or label == "":
        if column != "document_title":
            return None
        label = f"document {row_id}"
    href = datasette.urls.row(database, target, str(row_id))
    return Markup(f'<a href="{escape(href)}">{escape(str(label))}</a>')


# Claim text is what a reader reads: without a minimum width, a dozen short columns beside it
# squeeze it to a word or two per line.
STYLESHEET = """
td.col-claim, td.col-text { min-width: 26em; }
td.col-document_title { min-width: 12em; }
td.col-date, td.col-stated_on, td.col-date_key { white-space: nowrap; }
"""
STYLESHEET_PATH = "/-/claimsdb.css"


@hookimpl
def register_routes(datasette):
    return [(rf"^{STYLESHEET_PATH.replace('.', '[.]')}$", _stylesheet)]


async def _stylesheet():
    from datasette.utils.asgi import Response

    return Response(STYLESHEET, content_type="text/css; charset=utf-8")


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.path(STYLESHEET_PATH)]


def _get(row, key: str) -> Any:
    try:
        return row[key]
    except (IndexError, KeyError):
        return None


@hookimpl
def prepare_connection(conn, database, datasette):
    conn.create_function("claimsdb_actor_key", 1, _actor_key, deterministic=True)
    conn.create_function("claimsdb_country_code", 1, _country_code, deterministic=True)
    conn.create_function("claimsdb_fts_query", 1, _fts_query, deterministic=True)


# The functions answer NULL (or for a search, a query matching nothing) for a value they
# cannot use, so that no row matches: an exception
# in an SQLite function would show the reader an unhelpful "user-defined function raised".
def _actor_key(name: str | None) -> str | None:
    from claimsdb.resolve.names import lookup_key

    return (lookup_key(name) or None) if isinstance(name, str) else None


def _country_code(value: str | None) -> str | None:
    from claimsdb.query import country_filter_code

    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return country_filter_code(value)
    except BadFilter:
        return None


# An FTS5 query that matches nothing: MATCH NULL is an error, and Datasette first runs a
# canned query with its fields empty.
_NOTHING = '""'


def _fts_query(words: str | None) -> str:
    from claimsdb.query import fts_match_expression

    if not isinstance(words, str):
        return _NOTHING
    try:
        return fts_match_expression(words)
    except BadFilter:
        return _NOTHING
