"""The ``claims`` command line: each command parses its options, calls one library function
and renders the result. Library errors become ``Error: ...`` on stderr and exit code 1.

Heavy modules (SQLAlchemy, Alembic, trafilatura, the extractor) are imported inside the
commands that need them, so ``claims --help`` answers at once.
"""

from __future__ import annotations

import os
import re
import sys
from contextlib import contextmanager, nullcontext
from datetime import date
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
from claimsdb.records import ACTOR_TYPES, CLAIM_KINDS, MODALITIES, POLARITIES

if TYPE_CHECKING:
    from rich.console import Console
    from sqlalchemy.engine import Engine

    from claimsdb.query import ClaimFilter


# How Typer's validation words a bad option value, and how a person would say it.
_VALIDATION_WORDING = (
    (re.compile(r"^Value error, "), ""),
    (re.compile(r"^Input should be greater than or equal to (\S+)$"), r"must be at least \1"),
    (re.compile(r"^Input should be less than or equal to (\S+)$"), r"must be at most \1"),
    (re.compile(r"^Input should be a valid integer.*$"), "must be a whole number"),
    (re.compile(r"^Input should be a valid number.*$"), "must be a number"),
)


def _plain_value_error(message: str) -> str:
    """Typer's "Value error, 'quote' is not one of ..." or "Input should be greater than or
    equal to 1" as a user reads it: "'quote' is not one of ...", "must be at least 1"."""
    for pattern, replacement in _VALIDATION_WORDING:
        message = pattern.sub(replacement, message)
    return message


class _ReportErrors(TyperGroup):
    """Turns errors into one line on stderr and an exit code, unless --verbose asks for the
    traceback. Click's own usage errors keep exit code 2."""

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except typer.BadParameter as error:
            error.message = _plain_value_error(error.message)
            raise
        except (_UsageError, typer.Exit, typer.Abort):
            raise
        except KeyboardInterrupt:
            if ctx.params.get("verbose"):
                raise
            # Ctrl-C. Every transaction holds whole documents: what was committed is kept.
            typer.echo("Interrupted: what was stored so far is kept.", err=True)
            raise typer.Exit(130) from None
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
            elif (refusal := _database_refusal(error)) is not None:
                message = refusal
            else:
                message = (
                    f"unexpected {type(error).__name__}: {error} "
                    "(this is a bug; run with --verbose for the traceback)"
                )
            # One line, even when a driver's message has several ("Connection refused\n\tIs the
            # server running..."): a log line or a grep must hold it all.
            message = "; ".join(line.strip() for line in message.splitlines() if line.strip())
            typer.echo(f"Error: {message}", err=True)
            raise typer.Exit(1) from None


def _database_refusal(error: Exception) -> str | None:
    """What the database said when it refused a statement, without the SQL (a user cannot act
    on it); None if ``error`` is not the database's."""
    exc = sys.modules.get("sqlalchemy.exc")
    if exc is not None and isinstance(error, exc.DBAPIError):
        error = error.orig
    sqlite3 = sys.modules.get("sqlite3")
    from_sqlite = sqlite3 is not None and isinstance(error, sqlite3.Error)
    if not from_sqlite and type(error).__module__.split(".")[0] != "psycopg":
        return None
    reason = str(error).strip() or type(error).__name__
    if "readonly database" in reason or "read-only transaction" in reason:
        return f"the database is read-only: claimsdb can read it but not change it ({reason})"
    if "malformed" in reason:
        return f"the database is damaged ({reason}); check it with: sqlite3 FILE 'PRAGMA integrity_check'"
    return f"database error: {reason}"


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
Polarity = Enum("Polarity", {p: p for p in POLARITIES}, type=str)
Modality = Enum("Modality", {m: m for m in MODALITIES}, type=str)


class QueryFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


class Sort(str, Enum):
    date = "date"
    newest = "-date"
    confidence = "confidence"
    speaker = "speaker"


ActorType = Enum("ActorType", {t: t for t in ACTOR_TYPES}, type=str)


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
# The largest number a database stores (signed 64 bits): a larger --limit or id is a typo.
MAX_NUMBER = 2**63 - 1
LimitOption = Annotated[Optional[int], typer.Option(min=1, max=MAX_NUMBER, metavar="N", help="At most N claims.")]
OutletOption = Annotated[
    Optional[str],
    typer.Option(metavar="NAME", help="Only claims from documents ingested with --outlet NAME (case ignored)."),
]
WithNumbersOption = Annotated[
    bool,
    typer.Option(
        "--with-numbers",
        help="Only claims that put a number on something: a count, sum or share found in the statement"
        " (200,000 troops, €5bn, 40%); the quantities column lists them.",
    ),
]
MinConfidenceOption = Annotated[
    Optional[float],
    typer.Option(
        min=0.0, max=1.0, metavar="X", help="Only claims the extractor is at least this sure of (0 to 1)."
    ),
]


def _output_path(value: Path | None) -> Path | None:
    # Checked here rather than by click's dir_okay, which calls `-o ''` "file '' is a directory".
    if value is None:
        return None
    if str(value) in ("", "."):
        raise typer.BadParameter("needs a file name (or - for standard output)")
    if value.is_dir():
        raise typer.BadParameter(f"{value} is a folder; give a file name")
    return value


SortOption = Annotated[
    Optional[Sort],
    typer.Option(
        help="Order: date (oldest first), -date (newest first), confidence (surest first) or speaker "
        "(by name, then date). Claims without a date come last. Default: the order they were ingested.",
    ),
]
PolarityOption = Annotated[
    Optional[Polarity],
    typer.Option(help="Only claims that take this stance: negative (denies, rejects, rules out, condemns) or positive."),
]
ModalityOption = Annotated[
    Optional[Modality],
    typer.Option(help="Only claims that assert, intend, call for (demand), say what is possible, or set a condition."),
]
TopicOption = Annotated[
    Optional[str],
    typer.Option(metavar="NAME", help="Only claims about this topic (see `claims topics`)."),
]
OutputOption = Annotated[
    Optional[Path],
    typer.Option(
        "--output", "-o", metavar="FILE", callback=_output_path,
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

    for name in ("kind", "sort", "polarity", "modality"):
        if values.get(name) is not None:
            values[name] = values[name].value
    return ClaimFilter(**values)


def _size_option(value: str | None) -> int:
    from claimsdb.read import DEFAULT_MAX_BYTES, parse_size

    try:
        return DEFAULT_MAX_BYTES if value is None else parse_size(value)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


def _shard_option(value: str | None):
    from claimsdb.ingest import Shard

    try:
        return None if value is None else Shard.parse(value)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


def _field_option(name: str, what: str, usual: str):
    return typer.Option(
        name, metavar="FIELD", show_default=False,
        help=f"JSON Lines and CSV: the field holding {what} (by default the first of {usual}... that a record has).",
    )


def _publication_day(value: str | None) -> str | None:
    """--published: one day, YYYY-MM-DD, told apart from what only looks like one."""
    if value is None:
        return None
    from claimsdb.query import calendar_problem

    parts = value.strip().split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        hint = " (a publication date is a day: give the day too)" if len(parts) < 3 and parts[0].isdigit() else ""
        raise typer.BadParameter(f"expected YYYY-MM-DD, not {value!r}{hint}")
    problem = calendar_problem(*map(int, parts))
    if problem:
        raise typer.BadParameter(f"{value!r} is no date: {problem}")
    return "-".join((parts[0], parts[1].zfill(2), parts[2].zfill(2)))


@app.command()
def ingest(
    paths: Annotated[
        Optional[list[str]],
        typer.Argument(
            metavar="PATH",
            help=(
                "Article files (.txt, .md, .html), JSON Lines or CSV files of articles (.jsonl, .csv),"
                " feeds (.rss, .atom, .xml), folders, quoted glob patterns, web addresses"
                " (https://..., a page or a feed), or - for standard input."
            ),
            show_default=False,
        ),
    ] = None,
    published: Annotated[
        Optional[str],
        typer.Option(
            metavar="YYYY-MM-DD", callback=_publication_day,
            help="Publication date of these articles, instead of the one found in them.",
        ),
    ] = None,
    outlet: Annotated[
        Optional[str], typer.Option(metavar="NAME", help="Outlet that published these articles.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Extract again from articles already ingested, replacing their claims.")
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            min=0, metavar="N",
            help=(
                "Processes that analyse articles while this one stores them (at most one per article and"
                " 4 per CPU); 0 analyses here. Web pages are fetched by 4 threads per process, 2 at a"
                " time from one site."
            ),
        ),
    ] = 1,
    max_bytes: Annotated[
        Optional[str],
        typer.Option(
            "--max-bytes", metavar="SIZE", callback=_size_option, show_default=False,
            help="Refuse files, records and web pages larger than SIZE (20MB, 512KB or a number of bytes). Default: 5MB.",
        ),
    ] = None,
    urls: Annotated[
        Optional[list[Path]],
        typer.Option(
            "--urls", metavar="FILE", show_default=False,
            help="A file of web addresses, one a line (pages or feeds); may be given more than once.",
        ),
    ] = None,
    text_field: Annotated[
        Optional[str], _field_option("--text-field", "the article text", "text, maintext, body, content")
    ] = None,
    title_field: Annotated[Optional[str], _field_option("--title-field", "the title", "title, headline")] = None,
    date_field: Annotated[
        Optional[str], _field_option("--date-field", "the publication date", "date, date_publish, published")
    ] = None,
    url_field: Annotated[Optional[str], _field_option("--url-field", "the article's address", "url, link")] = None,
    outlet_field: Annotated[
        Optional[str], _field_option("--outlet-field", "the outlet", "outlet, sitename, media_name, source_domain")
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(min=0.1, metavar="SECONDS", help="Give up on a web page that does not answer for this long."),
    ] = 20.0,
    shard: Annotated[
        Optional[str],
        typer.Option(
            metavar="K/N", callback=_shard_option, show_default=False,
            help=(
                "Take only shard K of N of the inputs, chosen by their content: N processes or machines,"
                " given the same inputs and database and shards 1/N to N/N, share the work."
            ),
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Read articles and store every attributed statement in them.

    Folders are read recursively. Each record of a JSON Lines or CSV file is an article (as
    news-please, trafilatura and news exports write them; the --*-field options name other
    fields). Web pages are fetched and their article text taken out; a feed brings in every
    article it links to. An article already in the database (same content) is skipped, so
    running the same command again adds nothing. An input that cannot be read is reported at
    the end and the others are still stored; the exit code is then 1.

    Examples:

        claims ingest articles/ "downloads/*.html" --outlet Reuters

        claims ingest scraped.jsonl --text-field article_body

        claims ingest https://example.org/news/feed.xml --urls reading-list.txt --workers 4
    """
    from claimsdb import render
    from claimsdb.db import stored_contents
    from claimsdb.ingest import ingest as ingest_paths
    from claimsdb.read import RecordFields

    if not paths and not urls:
        raise typer.BadParameter("give at least one PATH, or --urls FILE", param_hint="PATH")
    fields = RecordFields(text=text_field, title=title_field, date=date_field, url=url_field, outlet=outlet_field)
    errors = _console(stderr=True)
    # A progress bar is for a person watching; in a pipeline or a log it would be noise.
    showing_progress = render.ingest_progress(errors) if errors.is_terminal else nullcontext(None)
    with showing_progress as progress:
        report = ingest_paths(
            paths or [],
            # Opened once the workers have started on the first inputs.
            engine=lambda: _engine(db),
            stored_before=lambda shas: stored_contents(db, shas),
            published=date.fromisoformat(published) if published else None,
            outlet=outlet,
            force=force,
            progress=progress,
            workers=workers,
            max_bytes=max_bytes,
            fields=fields,
            url_lists=[str(path) for path in urls or ()],
            timeout=timeout,
            shard=shard,
        )
    render.print_ingest_report(report, console=_console())
    if report.failed:
        raise typer.Exit(1)


class ExtractFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE",
            help="Article files (.txt, .md, .html), folders, quoted glob patterns, or - for standard input.",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        ExtractFormat,
        typer.Option("--format", "-f", help="table (default), json (one array) or jsonl (one object per line)."),
    ] = ExtractFormat.table,
    max_bytes: Annotated[
        Optional[str],
        typer.Option(
            "--max-bytes", metavar="SIZE", callback=_size_option, show_default=False,
            help="Refuse files larger than SIZE (20MB, 512KB or a number of bytes). Default: 5MB.",
        ),
    ] = None,
) -> None:
    """Show the claims claimsdb finds in articles, without storing them.

    For trying claimsdb on an article before building a database, and for seeing which rule
    found each claim. Each claim is listed with its rule, speaker, offsets (character
    positions of the speaker and of the claim in the text) and confidence; json and jsonl
    also give the cue, kind, role, country and statement date. A file that cannot be read is
    reported on stderr and the others are still read; the exit code is then 1.

    Example:

        claims extract article.txt --format jsonl
    """
    from claimsdb import render
    from claimsdb.export import write_json, write_jsonl
    from claimsdb.pipeline import EXTRACT_COLUMNS, extract_files, extracted_rows

    files = list(extract_files(paths, max_bytes=max_bytes))
    rows = extracted_rows(files)
    if output_format is ExtractFormat.table:
        render.print_extracted(rows, console=_console())
    else:
        writer = write_json if output_format is ExtractFormat.json else write_jsonl
        writer(rows, sys.stdout, EXTRACT_COLUMNS)
    failed = [f for f in files if f.error is not None]
    for f in failed:
        typer.echo(f"Error: {f.path}: {f.error}", err=True)
    if failed:
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
    outlet: OutletOption = None,
    limit: LimitOption = None,
    min_confidence: MinConfidenceOption = None,
    with_numbers: WithNumbersOption = False,
    sort: SortOption = None,
    polarity: PolarityOption = None,
    modality: ModalityOption = None,
    topic: TopicOption = None,
    grouped: Annotated[
        bool,
        typer.Option("--grouped", help="One row per statement, however many articles report it, with how many do."),
    ] = False,
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

        claims query --text ceasefire --sort -date --limit 20

    In the table, a date marked * is the article's publication date: the article does not
    say when the statement was made.

    --grouped lists each statement once, with how many documents and outlets report it and
    when it was first seen (reports of one speaker with the same quotation or near-identical
    words, within a few days of each other, are one statement).
    """
    from claimsdb.export import format_for_path

    filters = _claim_filter(
        actor=actor, country=country, since=since, until=until, text=text, kind=kind,
        document=document, outlet=outlet, limit=limit, min_confidence=min_confidence, sort=sort,
        with_numbers=with_numbers,
        polarity=polarity, modality=modality, topic=topic,
    )
    fmt = output_format.value if output_format else ("table" if output is None else format_for_path(output))
    if grouped:
        _query_grouped(db, filters, fmt, output)
        return
    if fmt == "table":
        if output is not None:
            raise typer.BadParameter("a table is for the terminal; use csv, json or jsonl", param_hint="--format")
        from claimsdb import render
        from claimsdb.query import find_claims_rows, stance_leads

        with _reading(db) as connection:
            rows = stance_leads(connection=connection, rows=find_claims_rows(connection=connection, filters=filters))
            shown = render.print_claims(rows, console=_console(), max_rows=limit or render.DEFAULT_TABLE_ROWS)
            if not shown and actor is not None:
                _explain_unknown_actor(connection, actor)
        return
    _export(db, filters, fmt, output)


def _explain_unknown_actor(connection, name: str) -> None:
    """When no claim matched and no actor at all answers to ``--actor name``, say so, with the
    nearest speaker names, rather than leave a misspelt name looking like a silent speaker."""
    from claimsdb.query import actor_exists, similar_actor_names

    if actor_exists(connection=connection, name=name):
        return
    near = similar_actor_names(connection=connection, name=name)
    quoted = [repr(n) for n in near]
    hint = f" Did you mean {', '.join(quoted[:-1]) + ' or ' if len(quoted) > 1 else ''}{quoted[-1]}?" if near else ""
    _console(stderr=True).print(f"No speaker is named {name!r}.{hint} `claims actors` lists the speakers.")


@app.command()
def export(
    actor: ActorOption = None,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    text: TextOption = None,
    kind: KindOption = None,
    document: DocumentOption = None,
    outlet: OutletOption = None,
    limit: LimitOption = None,
    min_confidence: MinConfidenceOption = None,
    with_numbers: WithNumbersOption = False,
    sort: SortOption = None,
    polarity: PolarityOption = None,
    modality: ModalityOption = None,
    topic: TopicOption = None,
    output_format: Annotated[
        Optional[ExportFormat],
        typer.Option("--format", "-f", help="csv (default), json (one array) or jsonl (one object per line)."),
    ] = None,
    output: OutputOption = None,
    db: DbOption = None,
) -> None:
    """Export claims for a spreadsheet or another program: all of them, or those the filters select.

    Writes CSV to standard output unless -o names a file; a file is only replaced once the
    export is complete (a symbolic link's target is written, a FIFO or device directly). Columns: claim_id, document, document_title, published_on, speaker,
    speaker_type, speaker_role, country, country_name, speaker_mention, speaker_start,
    speaker_end, cue, kind, text, text_start, text_end, stated_on, date_precision,
    quantities, confidence, then provenance columns, date_source (statement or publication:
    which date date_key holds), speaker_edited (true when `claims reassign` set the
    speaker), rule (the construction that found the claim), then polarity and modality (the
    position the claim takes), statement_group and reports. In CSV, a cell starting with = + - or @
    gets a leading ' so spreadsheets do not run it as a formula.

    Examples:

        claims export -o claims.csv

        claims export --country UA --since 2025 --format jsonl > ukraine.jsonl
    """
    from claimsdb.export import format_for_path

    filters = _claim_filter(
        actor=actor, country=country, since=since, until=until, text=text, kind=kind,
        document=document, outlet=outlet, limit=limit, min_confidence=min_confidence, sort=sort,
        with_numbers=with_numbers,
        polarity=polarity, modality=modality, topic=topic,
    )
    _export(db, filters, output_format.value if output_format else format_for_path(output), output)


def _query_grouped(db: str | None, filters: ClaimFilter, fmt: str, output: Path | None) -> None:
    from claimsdb.positions import GROUPED_COLUMNS, grouped_claims

    if fmt == "table" and output is not None:
        raise typer.BadParameter("a table is for the terminal; use csv or json", param_hint="--format")
    with _reading(db) as connection:
        rows = grouped_claims(connection=connection, filters=filters)
    if fmt == "table":
        from claimsdb import render

        render.print_grouped(rows, console=_console())
        return
    from claimsdb.export import EXPORT_COLUMNS, write_table

    count = write_table(rows, EXPORT_COLUMNS + GROUPED_COLUMNS, fmt, output)
    if output is not None:
        typer.echo(f"Wrote {_count(count, 'statement')} to {output}{_as_format(fmt, output)}", err=True)


def _export(db: str | None, filters: ClaimFilter, fmt: str, output: Path | None) -> None:
    from claimsdb.export import export_claims

    with _reading(db) as connection:
        count = export_claims(connection=connection, filters=filters, fmt=fmt, output=output)
    if output is not None:
        typer.echo(f"Wrote {_count(count, 'claim')} to {output}{_as_format(fmt, output)}", err=True)


actors_app = typer.Typer(cls=TyperGroup, no_args_is_help=False, rich_markup_mode=None)
app.add_typer(actors_app, name="actors")


@actors_app.callback(invoke_without_command=True)
def actors(
    ctx: typer.Context,
    limit: Annotated[
        Optional[int], typer.Option(min=1, max=MAX_NUMBER, metavar="N", help="List the N most quoted (default: 100).")
    ] = None,
    db: DbOption = None,
) -> None:
    """List everyone quoted, most quoted first, with the other names they appear under.

    Each actor is one real speaker across all articles: "Zelensky", "Zelenskyy" and
    "Volodymyr Zelensky" are one actor. Use any of those names with `claims query --actor`.

    The commands below fix the registry when it is wrong: merge two actors, rename one, set
    a country or role, or edit the whole registry as a spreadsheet (export, then import).
    Later ingests keep what you set.

    Example:

        claims actors --limit 20
    """
    if ctx.invoked_subcommand is not None:
        # `claims actors --db x merge ...` means the same as `claims actors merge ... --db x`.
        ctx.obj = db
        return
    from claimsdb import render
    from claimsdb.query import actors_summary

    with _reading(db) as connection:
        # A table is for reading: a list of thousands of actors is what `actors export` is for.
        render.print_actors(
            actors_summary(connection=connection, limit=limit), console=_console(),
            max_rows=limit or render.DEFAULT_TABLE_ROWS,
        )


ActorArgument = Annotated[
    str, typer.Argument(metavar="ACTOR", help="Actor id, or name: canonical name, alias or surname.", show_default=False)
]


def _registry_session(ctx: typer.Context, db: str | None):
    from sqlalchemy.orm import Session

    from claimsdb.db import writing

    return Session(writing(_engine(db or ctx.obj)), expire_on_commit=False)


def _was(value: str | None) -> str:
    return value if value else "none"


def _at_a_terminal() -> bool:
    """Whether a person can answer a question: standard input and output are a terminal."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def _describe_actor(info) -> str:
    """ "person, Prime Minister, GB, 63 claims" for the merge question."""
    return ", ".join(part for part in (info.type, info.role, info.country, _count(info.claims, "claim")) if part)


def _as_format(fmt: str, output) -> str:
    """ " as CSV" when the file's name does not say the format it was written in ("-o notes.txt")."""
    from claimsdb.export import format_named_by

    return "" if format_named_by(output) == fmt else f" as {fmt.upper() if fmt != 'jsonl' else 'JSON Lines'}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


@actors_app.command("merge")
def actors_merge(
    ctx: typer.Context,
    actor: ActorArgument,
    other: Annotated[str, typer.Argument(metavar="OTHER", help="The actor to merge into ACTOR (id or name).", show_default=False)],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say which two actors the names give and what would move; change nothing."),
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Do not ask for confirmation at a terminal."),
    ] = False,
    db: DbOption = None,
) -> None:
    """Merge two actors into one: OTHER into ACTOR.

    For one speaker the registry split in two (a nickname, a misspelling, a title taken for a
    name), or a speaker that stands for another (a spokesman for the Kremlin, "the prime
    minister" for the person). OTHER's claims and names move to ACTOR, which keeps its name
    and type; OTHER's country (and role, if it is of a like type) fill ACTOR's blanks, and
    OTHER disappears. Later articles that use any of OTHER's names are attributed to ACTOR,
    whatever type they give the speaker, and so are articles ingested again with --force.
    When a name fits several actors you are shown their ids: use the id.

    A merge cannot be undone (the claims of both are one actor's afterwards): at a terminal
    it says which two actors the names gave and asks first, unless --yes; --dry-run only
    says. `claims actors export -o registry.csv` first keeps a copy of the registry.

    Example:

        claims actors merge "Volodymyr Zelenskyy" "President Zelensky" --dry-run
    """
    from claimsdb.registry import find_actor, merge_actors

    with _registry_session(ctx, db) as session:
        if dry_run or (not yes and _at_a_terminal()):
            into, merged = find_actor(session=session, reference=actor), find_actor(session=session, reference=other)
            session.rollback()
            plan = (f"{merged.label()}, {_describe_actor(merged)}, into {into.label()}, {_describe_actor(into)}:"
                    f" {_count(merged.claims, 'claim')} would move")
            if dry_run:
                typer.echo(f"Would merge {plan}. Nothing changed (--dry-run).")
                return
            typer.confirm(f"Merge {plan}. This cannot be undone. Go ahead?", abort=True)
        result = merge_actors(session=session, into=actor, other=other)
    typer.echo(
        f"Merged {result.merged.label()} into {result.into.label()}: {_count(result.claims_moved, 'claim')} "
        f"and {_count(result.aliases_moved, 'name')} moved; {result.into.name} now has "
        f"{_count(result.into.claims, 'claim')}."
    )


@actors_app.command("rename")
def actors_rename(
    ctx: typer.Context,
    actor: ActorArgument,
    new_name: Annotated[str, typer.Argument(metavar="NEW_NAME", help="The name to show from now on.", show_default=False)],
    db: DbOption = None,
) -> None:
    """Rename an actor; the old name stays an alias.

    The new name is the one shown and exported. Searches with either name still find the
    actor's claims, and later ingests keep the new name however articles write it.

    Example:

        claims actors rename "Zelensky" "Volodymyr Zelenskyy"
    """
    from claimsdb.registry import rename_actor

    with _registry_session(ctx, db) as session:
        result = rename_actor(session=session, actor=actor, new_name=new_name)
    typer.echo(f"Renamed {result.before.label()} to {result.after.name}; {result.before.name!r} stays an alias.")


@actors_app.command("set-country")
def actors_set_country(
    ctx: typer.Context,
    actor: ActorArgument,
    country: Annotated[
        str,
        typer.Argument(
            metavar="COUNTRY",
            help="ISO code, country name or demonym (UA, Ukraine, Ukrainian), EU, UN, NATO or OSCE; - removes it.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
) -> None:
    """Set or remove an actor's country.

    `claims query --country` then finds the actor's claims under that country. Later
    ingests keep the country you set, whatever articles say.

    Examples:

        claims actors set-country Kallas Estonian

        claims actors set-country 42 -
    """
    from claimsdb.registry import set_country

    with _registry_session(ctx, db) as session:
        result = set_country(session=session, actor=actor, country=country)
    typer.echo(f"{result.after.label()}: country {_was(result.after.country)} (was {_was(result.before.country)}).")


@actors_app.command("set-role")
def actors_set_role(
    ctx: typer.Context,
    actor: ActorArgument,
    role: Annotated[str, typer.Argument(metavar="ROLE", help='The role, e.g. "Foreign Minister"; - removes it.', show_default=False)],
    db: DbOption = None,
) -> None:
    """Set or remove an actor's role.

    The role (title or function) is shown with the actor's claims and exported with them.
    Later ingests keep the role you set, whatever articles say.

    Example:

        claims actors set-role Lavrov "Foreign Minister"
    """
    from claimsdb.registry import set_role

    with _registry_session(ctx, db) as session:
        result = set_role(session=session, actor=actor, role=role)
    typer.echo(f"{result.after.label()}: role {_was(result.after.role)} (was {_was(result.before.role)}).")


@actors_app.command("set-type")
def actors_set_type(
    ctx: typer.Context,
    actor: ActorArgument,
    actor_type: Annotated[ActorType, typer.Argument(metavar="TYPE", help="person, organization, country, media, group or anonymous.", show_default=False)],
    db: DbOption = None,
) -> None:
    """Set an actor's type.

    For a speaker the extractor typed wrongly (the Kremlin taken for a country). Later
    ingests keep the type you set, and articles that name the actor the old way are
    attributed to it all the same.

    Example:

        claims actors set-type Kremlin organization
    """
    from claimsdb.registry import set_type

    with _registry_session(ctx, db) as session:
        result = set_type(session=session, actor=actor, actor_type=actor_type.value)
    typer.echo(f"{result.after.label()}: type {result.after.type} (was {result.before.type}).")


@actors_app.command("import")
def actors_import(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(metavar="FILE", help="Registry CSV file.", show_default=False)],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Report what would change, change nothing.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Change nothing if any row is bad.")] = False,
    db: DbOption = None,
) -> None:
    """Create or update actors from a registry CSV file.

    The file can be one written by `claims actors export`. Its first row names the columns: name (required), aliases, type, role, country; others
    are ignored. Separate aliases with ; or |. A row updates the actor its name (or else one of
    its aliases) already names, and creates one otherwise; its name becomes the name shown.
    Aliases are added, never removed. An empty role or country leaves it as it is; - removes
    it. Country: code, name or demonym. Type: person (default), organization, country, media,
    group or anonymous.

    Actors you import keep their name, role and country in later ingests, and articles that
    use any of their aliases are attributed to them. Bad rows are listed with the reason and
    skipped (exit code 1); the rest is applied in one go, never half of it.

    Example:

        claims actors export -o registry.csv   # edit it, then:

        claims actors import registry.csv --dry-run
    """
    from claimsdb import render
    from claimsdb.registry import import_registry

    with _registry_session(ctx, db) as session:
        report = import_registry(session=session, path=path, dry_run=dry_run, strict=strict)
    render.print_import_report(report, console=_console())
    if report.skipped:
        raise typer.Exit(1)


@actors_app.command("export")
def actors_export(
    ctx: typer.Context,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="FILE", callback=_output_path, help="Write to FILE instead of the terminal."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Write the actor registry as a CSV file.

    Columns: name, aliases, type, role, country, claims. Every actor, most quoted first;
    aliases are separated by "; ". Edit the file in a
    spreadsheet and load it back with `claims actors import` (the claims column is ignored).

    Example:

        claims actors export -o registry.csv
    """
    from claimsdb.db import database_label, open_read_engine, reporting_damage
    from claimsdb.registry import export_registry

    engine = open_read_engine(db or ctx.obj)
    try:
        with reporting_damage(database_label(engine)), engine.connect() as connection:
            count = export_registry(connection=connection, output=output)
    finally:
        engine.dispose()
    if output is not None:
        typer.echo(f"Wrote {_count(count, 'actor')} to {output}", err=True)


class PositionsFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


By = Enum("By", {name: name for name in ("actor", "country")}, type=str)
Every = Enum("Every", {name: name for name in ("month", "week")}, type=str)


@app.command()
def positions(
    topic: TopicOption = None,
    by: Annotated[By, typer.Option(help="One row per country (default) or per actor.")] = By.country,
    actor: ActorOption = None,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    text: TextOption = None,
    polarity: PolarityOption = None,
    modality: ModalityOption = None,
    limit: Annotated[
        Optional[int], typer.Option(min=1, metavar="N", help="At most N rows, those with most claims (a table shows 100).")
    ] = None,
    output_format: Annotated[
        Optional[PositionsFormat], typer.Option("--format", "-f", help="table (default), csv, json or jsonl.")
    ] = None,
    output: OutputOption = None,
    db: DbOption = None,
) -> None:
    """Who stands where: one row per country or actor, with how many of their claims are
    negative (deny, reject, rule out, condemn...) or positive, how many set a condition,
    the first and last date, and the latest statement.

    Dates are statement dates, else publication dates. With --by country, speakers whose
    country is not known are left out. The filters narrow the claims counted.

    Examples:

        claims topics add troops troops peacekeepers "boots on the ground"

        claims positions --topic troops --by country

        claims positions --topic troops --by actor --since 2025-01 --format csv -o who.csv
    """
    from claimsdb.positions import positions as summarise

    filters = _claim_filter(
        actor=actor, country=country, since=since, until=until, text=text,
        polarity=polarity, modality=modality, topic=topic,
    )
    from claimsdb.export import format_for_path

    fmt = output_format.value if output_format else ("table" if output is None else format_for_path(output))
    with _reading(db) as connection:
        rows = summarise(connection=connection, filters=filters, by=by.value)
    if fmt == "table":
        if output is not None:
            raise typer.BadParameter("a table is for the terminal; use csv or json", param_hint="--format")
        from claimsdb import render

        shown = limit or render.DEFAULT_TABLE_ROWS
        render.print_positions(rows[:shown], by=by.value, console=_console())
        if len(rows) > shown:
            typer.echo(f"Showing {shown} of {len(rows)} rows: raise --limit, or --format csv lists them all.", err=True)
        return
    rows = rows[:limit] if limit else rows
    from claimsdb.export import write_table
    from claimsdb.positions import POSITION_COLUMNS

    count = write_table(rows, POSITION_COLUMNS, fmt, output)
    if output is not None:
        typer.echo(f"Wrote {_count(count, 'row')} to {output}{_as_format(fmt, output)}", err=True)


@app.command()
def timeline(
    actor: ActorOption = None,
    country: CountryOption = None,
    topic: TopicOption = None,
    every: Annotated[Every, typer.Option(help="Count claims per month (default) or per week (from Monday).")] = Every.month,
    since: SinceOption = None,
    until: UntilOption = None,
    text: TextOption = None,
    polarity: PolarityOption = None,
    plot: Annotated[
        Optional[Path],
        typer.Option(
            metavar="FILE", dir_okay=False,
            help="Also draw the timeline to FILE: .png, .svg or .html (needs the plot extra: pip install 'claimsdb[plot]').",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """One actor's or one country's claims in date order, and a bar per month or week.

    Each claim is placed on its statement date; when the article does not give one, on its
    publication date, marked with ~. Claims with neither are counted at the end. Polarity
    is shown in colour: red for negative (denies, rejects, rules out, condemns), green for
    positive.

    Examples:

        claims timeline --actor Zelensky --topic troops

        claims timeline --country Poland --every week --plot poland.png
    """
    from claimsdb.positions import timeline as build_timeline

    if actor is not None and country is not None:
        raise typer.BadParameter("give one of --actor and --country, not both", param_hint="--actor / --country")
    if plot is not None:
        from claimsdb.plot import check_plot_path

        check_plot_path(plot)
    filters = _claim_filter(actor=actor, country=country, since=since, until=until, text=text,
                            polarity=polarity, topic=topic)
    with _reading(db) as connection:
        result = build_timeline(connection=connection, filters=filters, every=every.value)
    from claimsdb import render

    render.print_timeline(result, console=_console())
    if plot is not None:
        from claimsdb.plot import draw_timeline

        draw_timeline(result, plot, title=actor or country)
        typer.echo(f"Drew the timeline to {plot}", err=True)


topics_app = typer.Typer(cls=TyperGroup, no_args_is_help=False, rich_markup_mode=None)
app.add_typer(topics_app, name="topics")


@topics_app.callback(invoke_without_command=True)
def topics(ctx: typer.Context, db: DbOption = None) -> None:
    """Name what claims are about, then filter by it: --topic NAME on query, export,
    positions and timeline.

    A topic is a name and a list of words or phrases. A claim is about the topic when all
    the words of one of its terms occur in the claim, in any form ("troop" finds "troops").
    Claims are tagged when a topic is added or changed and as new articles are ingested.
    Without a subcommand: list the topics, as `claims topics list` does.

    Example:

        claims topics add troops troops peacekeepers "boots on the ground"
    """
    if ctx.invoked_subcommand is not None:
        ctx.obj = db
        return
    _print_topics(db)


def _print_topics(db: str | None) -> None:
    from claimsdb import render
    from claimsdb.topics import list_topics

    with _topics_connection(db, writing=False) as connection:
        render.print_topics(list_topics(connection=connection), console=_console())


@contextmanager
def _topics_connection(db: str | None, *, writing: bool):
    """A connection in one transaction (that may write, taking its turn among writers),
    committed at the end; the engine is closed with it."""
    from claimsdb import db as database

    engine = _engine(db)
    try:
        with (database.writing(engine) if writing else engine).begin() as connection:
            yield connection
    finally:
        engine.dispose()


@topics_app.command("list")
def topics_list(ctx: typer.Context, db: DbOption = None) -> None:
    """List the topics with their terms and how many claims are about each."""
    _print_topics(db or ctx.obj)


@topics_app.command("add")
def topics_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="The topic's name.", show_default=False)],
    terms: Annotated[
        list[str],
        typer.Argument(metavar="TERM...", help='Words or phrases ("boots on the ground") that mark a claim as about it.', show_default=False),
    ],
    db: DbOption = None,
) -> None:
    """Make a topic, or add terms to one, and tag every stored claim with it.

    Each TERM is a word or a phrase; a claim is about the topic when every word of one term
    occurs in it, in any form. Adding terms to an existing topic tags the claims again.

    Examples:

        claims topics add troops troops peacekeepers contingent

        claims topics add sanctions sanctions embargo "asset freeze"
    """
    from claimsdb.topics import add_topic

    with _topics_connection(db or ctx.obj, writing=True) as connection:
        summary = add_topic(connection=connection, name=name, terms=terms)
    typer.echo(f"Topic {summary.name}: {_count(len(summary.terms), 'term')}, {_count(summary.claims, 'claim')}.")


@topics_app.command("remove")
def topics_remove(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="The topic to remove.", show_default=False)],
    db: DbOption = None,
) -> None:
    """Remove a topic; its claims stay, only their tags go.

    Example:

        claims topics remove troops
    """
    from claimsdb.topics import remove_topic

    with _topics_connection(db or ctx.obj, writing=True) as connection:
        summary = remove_topic(connection=connection, name=name)
    typer.echo(f"Removed topic {summary.name} ({_count(summary.claims, 'claim')} untagged).")


@app.command()
def reassign(
    claim_id: Annotated[int, typer.Argument(metavar="CLAIM_ID", help="Claim id, as listed by `claims query`.", show_default=False)],
    actor: Annotated[
        str, typer.Argument(metavar="ACTOR", help="The right speaker: actor id, or name (canonical name, alias or surname).", show_default=False)
    ],
    db: DbOption = None,
) -> None:
    """Fix one claim's speaker.

    The claim is attributed to ACTOR, and exports mark it speaker_edited. The fix is kept
    with the claim's place in its article, so `claims ingest --force` applies it again. The
    actor must exist: `claims actors` lists them (`claims actors import` adds one). To move
    all of an actor's claims, merge the actors instead.

    Example:

        claims reassign 42 "Dmitry Peskov"
    """
    from sqlalchemy.orm import Session

    from claimsdb.db import writing
    from claimsdb.registry import reassign_claim

    with Session(writing(_engine(db)), expire_on_commit=False) as session:
        result = reassign_claim(session=session, claim_id=claim_id, actor=actor)
    if result.before.id == result.after.id:
        typer.echo(f"Claim {claim_id} already had {result.after.label()} as speaker; kept as your decision.")
    else:
        typer.echo(f"Claim {claim_id}: speaker {result.after.label()} (was {result.before.label()}).")


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(metavar="HOST", help="Address to listen on. 0.0.0.0 shares the database with your network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, metavar="PORT", help="Port to listen on.")] = 8001,
    db: DbOption = None,
) -> None:
    """Browse and search the claims in a web browser, with Datasette.

    Needs the web extra: pip install 'claimsdb[web]'. Opens the database read-only and serves it until you press Ctrl-C. Start with the
    claim_rows view: one row per claim with speaker, type, role, country, date (and whether
    it is the statement's or the article's publication date), kind, position, target (whom
    a stance is aimed at), outlet, document title,
    URL and confidence, linked to its claim, document and speaker. Search it (word forms
    match, as with --text), facet it by country, speaker, kind and month, or use the canned
    queries: an actor's statements in date order, a country's statements on a search term.
    Every page is also JSON: add .json to its address.

    Only an SQLite database file can be served. Listens on 127.0.0.1 (this machine only)
    unless --host says otherwise.

    Example:

        claims serve --db newsroom.db --port 8080
    """
    from claimsdb.db import resolve_db_url
    from claimsdb.serve import serve as run_server
    from claimsdb.serve import servable_path

    path = servable_path(resolve_db_url(db))
    # A database of an older claimsdb gains the view and the tables Datasette is set up for.
    _engine(db).dispose()

    def ready(url: str) -> None:
        typer.echo(f"Serving {path} at {url} (Ctrl-C stops)", err=True)

    run_server(path=path, host=host, port=port, on_ready=ready)


@app.command()
def show(
    claim_id: Annotated[int, typer.Argument(max=MAX_NUMBER, metavar="ID", help="Claim id, as listed by `claims query`.")],
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


@app.command("eval")
def evaluate(
    gold: Annotated[
        str, typer.Argument(metavar="GOLD.jsonl", help="Hand-annotated claims, one JSON object per line.", show_default=False)
    ],
    show_misses: Annotated[
        bool,
        typer.Option("--show-misses", help="List missed gold items, claims matching none, wrong dates and countries."),
    ] = False,
    min_f1: Annotated[
        Optional[float],
        typer.Option(min=0.0, max=1.0, metavar="X", help="Exit with code 1 when F1 is below X (for CI)."),
    ] = None,
    actor: ActorOption = None,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    text: TextOption = None,
    kind: KindOption = None,
    document: DocumentOption = None,
    outlet: OutletOption = None,
    min_confidence: MinConfidenceOption = None,
    db: DbOption = None,
) -> None:
    """Score the claims in the database against claims you annotated by hand.

    Prints precision (share of stored claims that match an annotated one), recall (share of
    annotated claims found), F1, and the accuracy of statement dates and speaker countries.
    The gold file has one JSON object per line, for example:

        {"doc": "kyiv.txt", "speaker": "Volodymyr Zelenskyy", "keys": ["Zelensky"],
        "kind": "direct", "evidence": "we need peacekeepers", "country": "UA",
        "date": "2025-03-16", "optional": false}

    A stored claim matches when it comes from that document, one of the keys appears in its
    speaker's name and the evidence phrase in its text; "optional" items count neither way.
    Only documents the gold file names are scored. Filters narrow the claims as in `claims
    export`; --document also narrows the gold items to that document.

    Examples:

        claims eval gold.jsonl --show-misses

        claims eval gold.jsonl --min-confidence 0.5 --min-f1 0.9
    """
    from claimsdb import render
    from claimsdb.evaluate import evaluate as evaluate_claims
    from claimsdb.evaluate import load_gold

    filters = _claim_filter(
        actor=actor, country=country, since=since, until=until, text=text, kind=kind,
        document=document, outlet=outlet, min_confidence=min_confidence,
    )
    items = load_gold(gold)
    with _reading(db) as connection:
        evaluation = evaluate_claims(connection=connection, gold=items, filters=filters)
    render.print_evaluation(evaluation, console=_console(), show_misses=show_misses)
    if min_f1 is not None and evaluation.f1 < min_f1:
        typer.echo(f"F1 {evaluation.f1:.3f} is below --min-f1 {min_f1}", err=True)
        raise typer.Exit(1)


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
    from claimsdb.db import HEAD_REVISION, current_revision, database_label, open_read_engine, refuse_foreign

    engine = open_read_engine(db, check_schema=False)
    revision = current_revision(engine)
    if revision == HEAD_REVISION:
        state = "up to date"
    elif revision is None:
        refuse_foreign(engine)
        state = f"empty; `claims ingest` or `claims db upgrade` creates the schema ({HEAD_REVISION})"
    else:
        state = f"latest is {HEAD_REVISION}; run `claims db upgrade`"
    typer.echo(f"{database_label(engine)}: schema {revision or 'none'} ({state})")
