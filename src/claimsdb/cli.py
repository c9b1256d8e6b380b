"""The ``claims`` command line: each command parses its options, calls one library function
and renders the result. Library errors become ``Error: ...`` on stderr and exit code 1.

Heavy modules (SQLAlchemy, Alembic, trafilatura, the extractor) are imported inside the
commands that need them, so ``claims --help`` answers at once.
"""

from __future__ import annotations

import os
import sys
from contextlib import nullcontext
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from typer.core import TyperGroup

try:  # Typer's usage errors: its own since it vendors click, click's before
    from typer.exceptions import TyperException as _UsageError
except ImportError:  # pragma: no cover - older Typer
    from click.exceptions import ClickException as _UsageError

from claimsdb.errors import ClaimsDBError
from claimsdb.records import CLAIM_KINDS

if TYPE_CHECKING:
    from rich.console import Console
    from sqlalchemy.engine import Engine

    from claimsdb.query import ClaimFilter


class _ReportErrors(TyperGroup):
    """Turns errors into one line on stderr and an exit code, unless --verbose asks for the
    traceback. Click's own usage errors keep exit code 2."""

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except (_UsageError, typer.Exit, typer.Abort):
            raise
        except BrokenPipeError:
            # The reader went away (`claims export | head`): nothing more to say to it.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(1) from None
        except Exception as error:
            if ctx.params.get("verbose"):
                raise
            if isinstance(error, (ClaimsDBError, OSError)):
                message = str(error)
            else:
                message = (
                    f"unexpected {type(error).__name__}: {error} "
                    "(this is a bug; run with --verbose for the traceback)"
                )
            typer.echo(f"Error: {message}", err=True)
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=_ReportErrors,
    name="claims",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

Kind = Enum("Kind", {kind: kind for kind in CLAIM_KINDS}, type=str)


class QueryFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


DbOption = Annotated[
    Optional[str],
    typer.Option(
        "--db",
        metavar="PATH|URL",
        help="Database file or SQLAlchemy URL. Default: $CLAIMS_DB, else ./claims.db.",
        show_default=False,
    ),
]
ActorOption = Annotated[
    Optional[str],
    typer.Option(metavar="NAME", help="Speaker: full name, alias or surname; case and accents do not matter."),
]
CountryOption = Annotated[
    Optional[str],
    typer.Option(metavar="COUNTRY", help="Speaker's country: code, name or demonym (UA, Ukraine, Ukrainian)."),
]
SinceOption = Annotated[
    Optional[str],
    typer.Option(metavar="DATE", help="Claims made on or after DATE: 2025, 2025-03 or 2025-03-16."),
]
UntilOption = Annotated[
    Optional[str],
    typer.Option(metavar="DATE", help="Claims made on or before DATE, the whole month or year included."),
]
TextOption = Annotated[
    Optional[str],
    typer.Option("--text", metavar="WORDS", help="Claims whose text contains all these words."),
]
KindOption = Annotated[Optional[Kind], typer.Option(help="Only claims of this kind.")]
DocumentOption = Annotated[
    Optional[str],
    typer.Option(metavar="ID|PATH", help="Only claims from this document: its id or part of its path."),
]
LimitOption = Annotated[Optional[int], typer.Option(min=1, metavar="N", help="At most N claims.")]
MinConfidenceOption = Annotated[
    Optional[float],
    typer.Option(
        min=0.0, max=1.0, metavar="X", help="Only claims the extractor is at least this sure of (0 to 1)."
    ),
]
OutputOption = Annotated[
    Optional[Path],
    typer.Option(
        "--output", "-o", metavar="FILE", dir_okay=False,
        help="Write to FILE instead of the terminal; the format follows its suffix unless --format is given.",
    ),
]


@app.callback()
def main(
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show the full traceback when something fails.")
    ] = False,
) -> None:
    """Turn news articles into a database of who said what, and when.

    Ingest articles, then ask which claims a person made, about what, when:

        claims ingest articles/

        claims query --actor Zelensky --since 2025-03

        claims show 42

        claims export -o claims.csv

    Every command takes --db to choose the database (default: $CLAIMS_DB, else ./claims.db).
    """


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr)


def _engine(db: str | None) -> Engine:
    from claimsdb.db import open_engine

    return open_engine(db)


def _reading(db: str | None):
    from claimsdb.db import open_reader

    return open_reader(db)


def _claim_filter(**values) -> ClaimFilter:
    from claimsdb.query import ClaimFilter

    if values.get("kind") is not None:
        values["kind"] = values["kind"].value
    return ClaimFilter(**values)


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
            help="Article files (.txt, .md, .html), folders, quoted glob patterns, or - for standard input.",
            show_default=False,
        ),
    ],
    published: Annotated[
        Optional[datetime],
        typer.Option(
            formats=["%Y-%m-%d"], metavar="YYYY-MM-DD",
            help="Publication date of these articles, instead of the one found in them.",
        ),
    ] = None,
    outlet: Annotated[
        Optional[str], typer.Option(metavar="NAME", help="Outlet that published these articles.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Extract again from articles already ingested, replacing their claims.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Read articles and store every attributed statement in them.

    Folders are read recursively. An article already in the database (same content) is
    skipped, so running the same command again adds nothing. A file that cannot be read is
    reported at the end and the others are still stored; the exit code is then 1.

    Example:

        claims ingest articles/ "downloads/*.html" --outlet Reuters
    """
    from claimsdb import render
    from claimsdb.ingest import ingest as ingest_paths

    engine = _engine(db)
    errors = _console(stderr=True)
    # A progress bar is for a person watching; in a pipeline or a log it would be noise.
    showing_progress = render.ingest_progress(errors) if errors.is_terminal else nullcontext(None)
    with showing_progress as progress:
        report = ingest_paths(
            paths,
            engine=engine,
            published=published.date() if published else None,
            outlet=outlet,
            force=force,
            progress=progress,
        )
    render.print_ingest_report(report, console=_console())
    if report.failed:
        raise typer.Exit(1)


@app.command()
def query(
    actor: ActorOption = None,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    text: TextOption = None,
    kind: KindOption = None,
    document: DocumentOption = None,
    limit: LimitOption = None,
    min_confidence: MinConfidenceOption = None,
    output_format: Annotated[
        Optional[QueryFormat],
        typer.Option("--format", "-f", help="table (default), csv, json or jsonl."),
    ] = None,
    output: OutputOption = None,
    db: DbOption = None,
) -> None:
    """Find claims: who said what, and when.

    Filters combine: every claim listed matches all of them. A table shows the first 100
    claims unless --limit says otherwise; --format csv, json or jsonl lists them all.

    Examples:

        claims query --actor zelensky --since 2025-03 --until 2025-04

        claims query --country Ukrainian --text "peace talks" --kind direct

        claims query --actor Kallas --format csv -o kallas.csv
    """
    from claimsdb.export import format_for_path

    filters = _claim_filter(
        actor=actor, country=country, since=since, until=until, text=text, kind=kind,
        document=document, limit=limit, min_confidence=min_confidence,
    )
    fmt = output_format.value if output_format else ("table" if output is None else format_for_path(output))
    if fmt == "table":
        if output is not None:
            raise typer.BadParameter("a table is for the terminal; use csv, json or jsonl", param_hint="--format")
        from claimsdb import render
        from claimsdb.query import find_claims_rows

        with _reading(db) as connection:
            rows = find_claims_rows(connection=connection, filters=filters)
            render.print_claims(rows, console=_console(), max_rows=limit or render.DEFAULT_TABLE_ROWS)
        return
    _export(db, filters, fmt, output)


@app.command()
def export(
    actor: ActorOption = None,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    text: TextOption = None,
    kind: KindOption = None,
    document: DocumentOption = None,
    limit: LimitOption = None,
    min_confidence: MinConfidenceOption = None,
    output_format: Annotated[
        Optional[ExportFormat],
        typer.Option("--format", "-f", help="csv (default), json (one array) or jsonl (one object per line)."),
    ] = None,
    output: OutputOption = None,
    db: DbOption = None,
) -> None:
    """Export claims for a spreadsheet or another program: all of them, or those the filters select.

    Writes CSV to standard output unless -o names a file; a file is only replaced once the
    export is complete. Columns: claim_id, document, document_title, published_on, speaker,
    speaker_type, speaker_role, country, country_name, speaker_mention, speaker_start,
    speaker_end, cue, kind, text, text_start, text_end, stated_on, date_precision,
    quantities, confidence, then provenance columns. In CSV, a cell starting with = + - or @
    gets a leading ' so spreadsheets do not run it as a formula.

    Examples:

        claims export -o claims.csv

        claims export --country UA --since 2025 --format jsonl > ukraine.jsonl
    """
    from claimsdb.export import format_for_path

    filters = _claim_filter(
        actor=actor, country=country, since=since, until=until, text=text, kind=kind,
        document=document, limit=limit, min_confidence=min_confidence,
    )
    _export(db, filters, output_format.value if output_format else format_for_path(output), output)


def _export(db: str | None, filters: ClaimFilter, fmt: str, output: Path | None) -> None:
    from claimsdb.export import export_claims

    with _reading(db) as connection:
        count = export_claims(connection=connection, filters=filters, fmt=fmt, output=output)
    if output is not None:
        typer.echo(f"Wrote {count} claims to {output}", err=True)


actors_app = typer.Typer(cls=TyperGroup, no_args_is_help=False, rich_markup_mode=None)
app.add_typer(actors_app, name="actors")


@actors_app.callback(invoke_without_command=True)
def actors(
    ctx: typer.Context,
    limit: Annotated[
        Optional[int], typer.Option(min=1, metavar="N", help="List the N most quoted (default: 100).")
    ] = None,
    db: DbOption = None,
) -> None:
    """List everyone quoted, most quoted first, with the other names they appear under.

    Each actor is one real speaker across all articles: "Zelensky", "Zelenskyy" and
    "Volodymyr Zelensky" are one actor. Use any of those names with `claims query --actor`.

    Example:

        claims actors --limit 20
    """
    if ctx.invoked_subcommand is not None:
        return
    from claimsdb import render
    from claimsdb.query import actors_summary

    with _reading(db) as connection:
        # A table is for reading: a list of thousands of actors is what `actors export` is for.
        render.print_actors(
            actors_summary(connection=connection, limit=limit), console=_console(),
            max_rows=limit or render.DEFAULT_TABLE_ROWS,
        )


@app.command()
def show(
    claim_id: Annotated[int, typer.Argument(metavar="ID", help="Claim id, as listed by `claims query`.")],
    db: DbOption = None,
) -> None:
    """Show one claim in its article, with where it came from.

    The speaker, the reporting verb and the statement are highlighted in the surrounding
    text, followed by the document, its publication date, the character offsets, the
    extractor's confidence and version, so the claim can be checked against its source.

    Example:

        claims show 42
    """
    from claimsdb import render
    from claimsdb.query import claim_detail

    with _reading(db) as connection:
        detail = claim_detail(connection=connection, claim_id=claim_id)
    render.print_claim_detail(detail, console=_console())


@app.command()
def stats(db: DbOption = None) -> None:
    """Summarise the database: documents, claims by kind, speakers by type, dates covered,
    and the most quoted speakers.

    Example:

        claims stats --db newsroom.db
    """
    from claimsdb import render
    from claimsdb.query import stats as database_stats

    with _reading(db) as connection:
        render.print_stats(database_stats(connection=connection), console=_console())


db_app = typer.Typer(cls=TyperGroup, no_args_is_help=True, rich_markup_mode=None)
app.add_typer(db_app, name="db", help="Database maintenance: schema version and upgrades.")


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None) -> None:
    """Bring the database schema up to date (every command also does this by itself).

    Example:

        claims db upgrade --db newsroom.db
    """
    from claimsdb.db import build_engine, database_label, resolve_db_url, upgrade_database

    engine = build_engine(resolve_db_url(db))
    before, after = upgrade_database(engine)
    if before == after:
        typer.echo(f"{database_label(engine)} is up to date (schema {after}).")
    else:
        typer.echo(f"Upgraded {database_label(engine)} from schema {before or 'none'} to {after}.")


@db_app.command("current")
def db_current(db: DbOption = None) -> None:
    """Print the database's schema version and whether it is up to date.

    Example:

        claims db current
    """
    from claimsdb.db import HEAD_REVISION, build_engine, current_revision, database_label, resolve_db_url

    engine = build_engine(resolve_db_url(db))
    revision = current_revision(engine)
    if revision == HEAD_REVISION:
        state = "up to date"
    elif revision is None:
        state = f"empty; any command creates the schema ({HEAD_REVISION})"
    else:
        state = f"latest is {HEAD_REVISION}; run `claims db upgrade`"
    typer.echo(f"{database_label(engine)}: schema {revision or 'none'} ({state})")
