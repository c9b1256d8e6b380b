"""render: query results and ingest reports → Rich tables and panels for the terminal.

Text from articles is always passed to Rich as ``Text`` objects, never as markup strings, so
square brackets in a quote ("[sic]") are shown as written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import groupby, islice
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from claimsdb.evaluate import Evaluation
    from claimsdb.ingest import FileResult, IngestReport
    from claimsdb.query import DatabaseStats
    from claimsdb.registry import ImportReport

# Rows of a `claims query` or `claims actors` table when --limit is not given.
DEFAULT_TABLE_ROWS = 100
# Characters of claim text shown in a table cell.
CLAIM_TEXT_WIDTH = 160
# Characters of outlet or document name shown in a claims table.
SOURCE_WIDTH = 20
# A claims table narrower than this leaves out the source and kind columns.
NARROW_TABLE = 100
NARROW_SPEAKER_WIDTH = 22
# Put after a date in a claims table when it is the article's publication date.
PUBLICATION_MARK = "*"
# Characters of article shown before and after a claim by `claims show`.
CONTEXT_CHARS = 400

SPEAKER_STYLE = "bold cyan"
STATEMENT_STYLE = "bold yellow"
CUE_STYLE = "italic magenta"


# Control characters from an article, a file name or a user's file are shown as symbols
# (ESC as ␛), never sent to the terminal: an escape sequence in a scraped page could clear the
# screen, retitle the window or write the clipboard. One character for one, so offsets into
# the text still line up. Line breaks and tabs stay, except on lines that must stay one line.
_CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A, 0x0D)}
_CONTROL_PICTURES |= {0x7F: "\u2421"} | {code: "\ufffd" for code in range(0x80, 0xA0)}
_ONE_LINE_PICTURES = _CONTROL_PICTURES | {0x09: "\u2409", 0x0A: "\u240a", 0x0D: "\u240d"}


def printable(text: str | None, *, one_line: bool = False) -> str:
    """``text`` with its control characters replaced by visible symbols, one for one."""
    return (text or "").translate(_ONE_LINE_PICTURES if one_line else _CONTROL_PICTURES)


def shorten(text: str | None, width: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``width`` characters."""
    flat = " ".join(printable(text).split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut + "…"


def _first(rows: Iterable[dict[str, Any]], max_rows: int | None) -> tuple[list[dict[str, Any]], bool]:
    """The first ``max_rows`` rows (all when None), and whether more were left unread."""
    if max_rows is None:
        return list(rows), False
    taken = list(islice(rows, max_rows + 1))
    return taken[:max_rows], len(taken) > max_rows


def print_claims(rows: Iterable[dict[str, Any]], *, console: Console, max_rows: int | None) -> int:
    """A table of claims (id, date, speaker, source, kind, text); returns how many were shown.

    The source is the outlet, else the document's file name. Shows at most ``max_rows`` and
    says so when more matched.
    """
    # In a narrow terminal the claim would get a word a line: the source and kind give way
    # (`claims show ID` has both), and the lines between columns too.
    narrow = console.width < NARROW_TABLE
    table = Table(show_lines=False, header_style="bold", box=box.SIMPLE_HEAD if narrow else box.HEAVY_HEAD)
    table.add_column("ID", justify="right", no_wrap=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Speaker", max_width=NARROW_SPEAKER_WIDTH if narrow else None)
    if not narrow:
        table.add_column("Source", max_width=SOURCE_WIDTH)
        table.add_column("Kind", no_wrap=True)
    table.add_column("Claim", ratio=1)
    rows, more = _first(rows, max_rows)
    shown = len(rows)
    publication_dates = False
    for row in rows:
        date = _claim_date(row)
        publication_dates |= date.plain.endswith(PUBLICATION_MARK)
        source = () if narrow else (
            Text(shorten(row["outlet"] or _file_name(row["document"]), SOURCE_WIDTH), style="dim"), row["kind"])
        table.add_row(
            str(row["claim_id"]),
            date,
            Text(printable(row["speaker"]), style=SPEAKER_STYLE),
            *source,
            Text(shorten(readable_statement(row, row.get("lead")), CLAIM_TEXT_WIDTH)),
        )
    if not shown:
        console.print("No claims match.")
        return 0
    console.print(table)
    if publication_dates:
        console.print(
            f"{PUBLICATION_MARK} publication date of the article: it does not say when the statement was made.",
            style="dim",
        )
    if more:
        console.print(
            f"Showing the first {shown} claims. More match: narrow the filters, raise --limit, "
            "or use --format csv for all of them.",
            style="dim",
        )
    if narrow:
        console.print(f"Source and kind are left out below {NARROW_TABLE} columns: `claims show ID` has them.",
                      style="dim")
    return shown


def print_extracted(rows: Iterable[dict[str, Any]], *, console: Console) -> int:
    """`claims extract`: per document, one line per claim with its rule, speaker, offsets and
    confidence; returns how many claims were shown."""
    shown = 0
    for document, claims in groupby(rows, key=itemgetter("document")):
        table = Table(show_lines=False, header_style="bold", title=printable(document, one_line=True),
                      title_justify="left")
        table.add_column("Rule", no_wrap=True)
        table.add_column("Speaker")
        table.add_column("Offsets", no_wrap=True)
        table.add_column("Conf.", justify="right", no_wrap=True)
        table.add_column("Claim", ratio=1)
        for row in claims:
            shown += 1
            table.add_row(
                row["rule"] or "",
                _speaker_and_target(row),
                f"{row['speaker_start']}–{row['speaker_end']}\n{row['text_start']}–{row['text_end']}",
                f"{row['confidence']:.2f}",
                Text(shorten(readable_statement(row), CLAIM_TEXT_WIDTH)),
            )
        console.print(table)
    if shown:
        console.print("Offsets: the speaker's, then the claim's (character positions in the text).", style="dim")
    else:
        console.print("No claims found.")
    return shown


# Quotation marks that close a split quotation's first part or open its second.
_CLOSING_MARKS = "\"”’'"
_OPENING_MARKS = "\"“‘'"
# The longest attribution left out of a statement's text, and the most characters between
# its speaker and its cue ("said Anna Berg, head of the harbour board,").
_ATTRIBUTION_CHARS = 160
_SPEAKER_TO_CUE = 20


# Rules whose cue only attributes the words ("said", "argued"): left out of the statement shown.
# A stance's cue is part of what it says ("the plan, which X described as reckless").
_ATTRIBUTING_RULES = frozenset((
    "said-that", "said-clause", "said-colon", "said-quote", "inverted-said", "inverted-verb-first",
    "parenthetical-said", "quote-resumed",
))


def readable_statement(row: dict[str, Any], lead: str | None = None) -> str:
    """A claim's text as a reader should see it in a list of claims (the stored text and its
    offsets stay as they are):

    - an attribution inside it is left out and marked "…": '"A trained workforce," said Ms
      Berg, "will bring trade."' reads '"A trained workforce … will bring trade."', "The snag,
      said X, head of Y, is cost" reads "The snag … is cost";
    - ``lead``, the cue and target a stance keeps apart from its content ("accused the party
      of"), goes before it, so "accused the party of signing a deal" says who was accused
      (claimsdb.query.stance_leads).
    """
    text = row["text"] or ""
    start, ss, se, cs, ce = (row.get(k) for k in ("text_start", "speaker_start", "speaker_end", "cue_start", "cue_end"))
    if None not in (start, ss, se, cs, ce) and row.get("rule") in _ATTRIBUTING_RULES:
        a, b = min(ss, cs) - start, max(se, ce) - start
        if 0 < a and b < len(text) and b - a <= _ATTRIBUTION_CHARS and max(ss, cs) - min(se, ce) <= _SPEAKER_TO_CUE:
            left, right = text[:a].rstrip(), text[b:].lstrip(" ,")
            right = right.removeprefix("that ")  # "In Sri Lanka, economists said that ...": the cue's "that"
            if left[-1:] in _CLOSING_MARKS and right[:1] in _OPENING_MARKS:
                left, right = left[:-1], right[1:]  # one quotation split by its attribution
            left = left.rstrip(" ,")
            if left and right:
                text = f"{left} … {right}"
    return f"{lead} {text}" if lead else text


def _speaker_and_target(row: dict[str, Any]) -> Text:
    # The target under the speaker: "Norway → Denmark" reads as who took a stance on whom.
    cell = Text(printable(row["speaker"]), style=SPEAKER_STYLE)
    if row.get("target"):
        cell.append(f"\n→ {printable(row['target'], one_line=True)}", style="dim")
    return cell


def _claim_date(row: dict[str, Any]) -> Text:
    # The statement date when the article gives one, else the publication date, dimmed and
    # marked so that it is not taken for the day the words were said.
    if row["stated_on"]:
        return Text(row["stated_on"])
    if row["published_on"]:
        return Text(row["published_on"] + PUBLICATION_MARK, style="dim")
    return Text("")


def print_actors(rows: Iterable[dict[str, Any]], *, console: Console, max_rows: int | None = None) -> int:
    """A table of canonical actors with claim counts; returns how many were shown.

    Shows at most ``max_rows`` and says so when there are more.
    """
    table = Table(header_style="bold")
    table.add_column("Actor", style=SPEAKER_STYLE)
    table.add_column("Type", no_wrap=True)
    table.add_column("Role")
    table.add_column("Country", no_wrap=True)
    table.add_column("Claims", justify="right", no_wrap=True)
    table.add_column("Also seen as", ratio=1)
    rows, more = _first(rows, max_rows)
    shown = len(rows)
    for row in rows:
        table.add_row(
            Text(printable(row["name"])),
            row["type"],
            Text(printable(row["role"])),
            row["country"] or "",
            str(row["claims"]),
            Text(shorten(", ".join(row["aliases"]), 120)),
        )
    if shown:
        console.print(table)
    else:
        console.print("No actors yet: ingest some articles first.")
    if more:
        console.print(
            f"Showing the {shown} most quoted actors. More have claims: raise --limit, "
            "or `claims actors export` lists them all.",
            style="dim",
        )
    return shown


def print_stats(stats: DatabaseStats, *, console: Console) -> None:
    """Totals, claims by kind, actors by type, the date range and the most quoted speakers."""
    totals = Table.grid(padding=(0, 2))
    totals.add_row("Documents", str(stats.documents))
    totals.add_row("  without claims", str(stats.documents_without_claims))
    totals.add_row("Claims", str(stats.claims))
    totals.add_row("Speakers", str(stats.actors))
    if stats.first_date:
        totals.add_row("Dates", f"{stats.first_date} to {stats.last_date}")
    console.print(totals)
    for title, counts in (("Claims by kind", stats.claims_by_kind), ("Speakers by type", stats.actors_by_type)):
        if counts:
            table = Table(title=title, title_justify="left", header_style="bold")
            table.add_column("")
            table.add_column("Count", justify="right")
            for name, count in counts.items():
                table.add_row(name, str(count))
            console.print(table)
    if stats.top_speakers:
        table = Table(title="Most quoted", title_justify="left", header_style="bold")
        table.add_column("Speaker", style=SPEAKER_STYLE)
        table.add_column("Country", no_wrap=True)
        table.add_column("Claims", justify="right")
        for row in stats.top_speakers:
            table.add_row(Text(printable(row["name"])), row["country"] or "", str(row["claims"]))
        console.print(table)


def claim_in_context(detail: dict[str, Any], context: int = CONTEXT_CHARS) -> Text:
    """The part of the article around a claim, speaker mention, cue and statement highlighted."""
    source = detail["document_text"]
    spans = [
        (detail["text_start"], detail["text_end"], STATEMENT_STYLE),
        (detail["speaker_start"], detail["speaker_end"], SPEAKER_STYLE),
    ]
    if detail["cue_start"] is not None and detail["cue_end"] is not None:
        spans.append((detail["cue_start"], detail["cue_end"], CUE_STYLE))
    start, end = _context_window(source, min(s for s, _, _ in spans), max(e for _, e, _ in spans), context)
    window = Text("…" if start > 0 else "")
    offset = len(window) - start
    window.append(printable(source[start:end]))
    for span_start, span_end, style in spans:
        window.stylize(style, span_start + offset, span_end + offset)
    if end < len(source):
        window.append("…")
    return window


def _context_window(source: str, first: int, last: int, context: int) -> tuple[int, int]:
    """Bounds ``context`` characters around [first, last), moved to the nearest paragraph or
    word boundary so the excerpt does not start or end mid-word."""
    start = max(0, first - context)
    end = min(len(source), last + context)
    if start > 0:
        paragraph = source.find("\n", start, first)
        space = source.find(" ", start, first)
        start = paragraph + 1 if paragraph != -1 else space + 1 if space != -1 else start
    if end < len(source):
        paragraph = source.rfind("\n", last, end)
        space = source.rfind(" ", last, end)
        end = paragraph if paragraph != -1 else space if space != -1 else end
    # Blank lines at either edge (a page's empty lines after its last paragraph) show nothing.
    while end > last and source[end - 1].isspace():
        end -= 1
    while start < first and source[start].isspace():
        start += 1
    return start, end


def print_claim_detail(detail: dict[str, Any], *, console: Console) -> None:
    """`claims show`: the claim in its source context, then where it came from."""
    from rich.panel import Panel

    title = f"Claim {detail['claim_id']}"
    console.print(Panel(claim_in_context(detail), title=title, title_align="left"))
    legend = Text.assemble(
        ("speaker", SPEAKER_STYLE), "  ", ("cue", CUE_STYLE), "  ", ("statement", STATEMENT_STYLE)
    )
    if console.color_system is not None:  # without colours the legend names nothing
        console.print(legend)

    # One line per fact, never wrapped by Rich, so a long path stays whole and greppable.
    def fact(name: str, value: Any) -> None:
        if value not in (None, "", []):
            line = Text.assemble((f"{name:<12}", "bold"), value if isinstance(value, Text) else printable(str(value), one_line=True))
            console.print(line, soft_wrap=True)

    speaker = ", ".join(
        str(v) for v in (detail["speaker_type"], detail["speaker_role"], detail["country_name"] or detail["country"]) if v
    )
    fact("Speaker", Text.assemble((printable(detail["speaker"], one_line=True), SPEAKER_STYLE), printable(f" ({speaker})", one_line=True)))
    fact("Mention", detail["speaker_mention"])
    fact("Kind", detail["kind"])
    fact("Cue", detail["cue"])
    fact("Rule", detail["rule"])
    fact("Target", detail["target"])
    fact("Position", f"{detail['polarity']}, {detail['modality']}")
    if detail["stated_on"]:
        fact("Stated on", f"{detail['stated_on']} ({detail['date_precision']} precision)")
    fact("Quantities", "; ".join(q["text"] for q in detail["quantities"]))
    fact("Via", detail["via"])
    fact("Confidence", f"{detail['confidence']:.2f}")
    fact("Document", f"{detail['document']} (document {detail['document_id']})")
    fact("Title", detail["document_title"])
    fact("Outlet", detail["outlet"])
    if detail["published_on"]:
        method = f" (from {detail['published_method']})" if detail["published_method"] else ""
        fact("Published", f"{detail['published_on']}{method}")
    offsets = f"statement {detail['text_start']}–{detail['text_end']}, speaker {detail['speaker_start']}–{detail['speaker_end']}"
    if detail["cue_start"] is not None:
        offsets += f", cue {detail['cue_start']}–{detail['cue_end']}"
    if detail["target_start"] is not None:
        offsets += f", target {detail['target_start']}–{detail['target_end']}"
    fact("Offsets", offsets)
    fact("Extractor", detail["extractor_version"])
    fact("Ingested", f"{detail['ingested_at']:%Y-%m-%d %H:%M} UTC" if detail["ingested_at"] else None)


# How many skipped inputs the ingest summary names.
SKIPPED_LISTED = 10


def print_ingest_report(report: IngestReport, *, console: Console) -> None:
    """Documents new / skipped / replaced / failed, claims added, and each failure's reason."""
    summary = Table(title="Ingest", title_justify="left", header_style="bold")
    for name in ("New", "Skipped", "Replaced", "Failed", "Claims added"):
        summary.add_column(name, justify="right")
    summary.add_row(
        str(report.new),
        str(report.skipped),
        str(report.replaced),
        Text(str(report.failed), style="bold red" if report.failed else ""),
        str(report.claims_added),
    )
    console.print(summary)
    skipped = [result for result in report.files if result.status == "skipped"]
    if skipped:
        # Which ones, so that a user who expected new documents can see why there were none.
        console.print("Skipped (their content is already stored):", style="dim")
        for result in skipped[:SKIPPED_LISTED]:
            line = Text.assemble("  ", printable(result.path, one_line=True))
            if result.same_as:
                line.append(f" (same text as {printable(result.same_as, one_line=True)})")
            console.print(line, soft_wrap=True, style="dim")
        if len(skipped) > SKIPPED_LISTED:
            console.print(f"  ... and {len(skipped) - SKIPPED_LISTED:,} more", style="dim")
    if report.failures:
        console.print("Failed files:", style="bold red")
        for result in report.failures:
            # Not a table: a path cut over two lines could not be copied or grepped.
            line = Text.assemble("  ", (printable(result.path, one_line=True), "red"), ": ", printable(result.reason, one_line=True))
            console.print(line, soft_wrap=True)
    warned = [result for result in report.files if result.warning]
    if warned:
        console.print("Warnings:", style="yellow")
        for result in warned:
            line = Text.assemble("  ", printable(result.path, one_line=True), ": ", printable(result.warning, one_line=True))
            console.print(line, soft_wrap=True)
    if report.other_shards:
        console.print(f"Left to the other shards: {report.other_shards:,} inputs.", style="dim")
    if 1 < report.workers_requested and report.workers < report.workers_requested:
        from claimsdb.ingest import MAX_WORKERS_PER_CPU

        console.print(
            f"Used {report.workers:,} worker processes, not {report.workers_requested:,}: at most one per "
            f"input, {MAX_WORKERS_PER_CPU} per CPU, none for a single input.", style="dim",
        )


@contextmanager
def ingest_progress(console: Console) -> Iterator[Callable[[FileResult, int, int], None]]:
    """A progress bar on ``console`` and the callback that advances it (see ingest.ingest)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (
        TextColumn("Ingesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        TextColumn("{task.fields[path]}", style="dim"),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("ingest", total=None, path="")

        def advance(result: FileResult, done: int, total: int) -> None:
            progress.update(task, completed=done, total=total, path=shorten(result.path, 40))

        yield advance


def print_evaluation(evaluation: Evaluation, *, console: Console, show_misses: bool = False) -> None:
    """`claims eval`: precision, recall, F1, date and country accuracy; with ``show_misses``
    the missed gold items, unmatched claims and wrong dates and countries first."""
    e = evaluation
    if show_misses:
        _print_misses(e, console)
    scores = Table.grid(padding=(0, 2))
    scores.add_column()
    scores.add_column(justify="right")
    scores.add_column(style="dim")
    scored = e.true_positives + len(e.unmatched)
    scores.add_row("Precision", f"{e.precision:.3f}", f"{e.true_positives} of {scored} claims match a gold item")
    scores.add_row("Recall", f"{e.recall:.3f}", f"{e.recalled} of {e.required} gold items found")
    scores.add_row("F1", Text(f"{e.f1:.3f}", style="bold"), "")
    for name, what, correct, checked in (
        ("Date accuracy", "date", e.dates_correct, e.dates_checked),
        ("Country accuracy", "country", e.countries_correct, e.countries_checked),
        ("Polarity accuracy", "polarity", e.polarities_correct, e.polarities_checked),
        ("Modality accuracy", "modality", e.modalities_correct, e.modalities_checked),
    ):
        if what in ("polarity", "modality") and not checked:
            continue  # a gold file without position fields
        value = f"{correct / checked:.3f}" if checked else "-"
        scores.add_row(name, value, f"{correct} of {checked} found gold items with a {what}")
    console.print(scores)
    notes = []
    if e.neutral:
        notes.append(f"Not scored: {e.neutral} claim{'' if e.neutral == 1 else 's'} matching only optional gold items.")
    if e.documents_not_found:
        notes.append(
            f"{len(e.documents_not_found)} gold documents are not in the database, so their items "
            f"count as missed: {', '.join(e.documents_not_found)}"
        )
    for note in notes:
        console.print(note, style="dim", soft_wrap=True)


def _print_misses(e: Evaluation, console: Console) -> None:
    # Plain lines, one per item, so they can be grepped and diffed between runs.
    def section(title: str, lines: list[Text]) -> None:
        if lines:
            console.print(f"{title} ({len(lines)})", style="bold")
            for line in lines:
                console.print(Text("  ").append_text(line), soft_wrap=True)

    section("Missed gold items", [
        Text.assemble(f"{g.doc} line {g.line}: ", (g.speaker, SPEAKER_STYLE), f" | {g.evidence}")
        for g in e.missed
    ])
    section("Claims matching no gold item", [
        Text.assemble(f"claim {r['claim_id']} {_file_name(r['document'])}: ", (r["speaker"] or "", SPEAKER_STYLE),
                      f" | {shorten(r['text'], 100)}")
        for r in e.unmatched
    ])
    section("Wrong dates", [
        Text.assemble(f"claim {r['claim_id']} {_file_name(r['document'])}: ", (g.speaker, SPEAKER_STYLE),
                      f" | gold {g.date}, stored {r['stated_on'] or 'none'} | {g.evidence}")
        for g, r in e.wrong_dates
    ])
    section("Wrong countries", [
        Text.assemble(f"claim {r['claim_id']} {_file_name(r['document'])}: ", (g.speaker, SPEAKER_STYLE),
                      f" | gold {g.country}, stored {r['country'] or 'none'} | {g.evidence}")
        for g, r in e.wrong_countries
    ])
    section("Wrong positions", [
        Text.assemble(f"claim {r['claim_id']} {_file_name(r['document'])}: ", (g.speaker, SPEAKER_STYLE),
                      f" | gold {g.polarity or '-'} {g.modality or '-'}, stored {r['polarity']} {r['modality']}"
                      f" | {g.evidence}")
        for g, r in e.wrong_positions
    ])


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def print_import_report(report: ImportReport, *, console: Console) -> None:
    """`claims actors import`: rows created / updated / unchanged / skipped, each skip's reason."""
    from claimsdb.registry import CREATED, SKIPPED, UNCHANGED, UPDATED

    summary = Table(title="Registry import" + ("" if report.applied else " (nothing changed)"),
                    title_justify="left", header_style="bold")
    for status in (CREATED, UPDATED, UNCHANGED, SKIPPED):
        summary.add_column(status.capitalize(), justify="right")
    skipped = report.count(SKIPPED)
    summary.add_row(
        str(report.count(CREATED)), str(report.count(UPDATED)), str(report.count(UNCHANGED)),
        Text(str(skipped), style="bold red" if skipped else ""),
    )
    console.print(summary)
    if report.skipped:
        console.print("Skipped rows:", style="bold red")
        for row in report.skipped:
            console.print(Text.assemble("  line ", str(row.line), ": ", (row.name or "(no name)", SPEAKER_STYLE),
                                        f": {row.reason}"), soft_wrap=True)


def print_topics(topics: list, *, console: Console) -> None:
    """`claims topics list`: each topic's name, claims and terms."""
    if not topics:
        console.print("No topics yet: `claims topics add NAME TERM...` makes one.")
        return
    table = Table(header_style="bold")
    table.add_column("Topic", style="bold")
    table.add_column("Claims", justify="right", no_wrap=True)
    table.add_column("Terms", ratio=1)
    for topic in topics:
        table.add_row(Text(printable(topic.name)), str(topic.claims), Text(printable(", ".join(topic.terms))))
    console.print(table)


NEGATIVE_STYLE = "bold red"
POSITIVE_STYLE = "green"
_STANCE_STYLES = {"negative": NEGATIVE_STYLE, "positive": POSITIVE_STYLE, "mixed": "yellow"}


# Narrower than this, the latest statements follow the table instead of filling its last column,
# which the counts and dates before it would squeeze to nothing.
POSITIONS_WIDE = 120


def print_positions(rows: list[dict[str, Any]], *, by: str, console: Console) -> None:
    """`claims positions`: one row per country or actor, counts by polarity, the latest statement."""
    if not rows:
        console.print("No claims match.")
        return
    wide = console.width >= POSITIONS_WIDE
    table = Table(header_style="bold")
    table.add_column("Actor" if by == "actor" else "Country", style=SPEAKER_STYLE)
    table.add_column("Claims", justify="right", no_wrap=True)
    table.add_column("Neg", justify="right", no_wrap=True, style=NEGATIVE_STYLE)
    table.add_column("Pos", justify="right", no_wrap=True, style=POSITIVE_STYLE)
    table.add_column("Cond", justify="right", no_wrap=True)
    table.add_column("Stance", no_wrap=True)
    table.add_column("First", no_wrap=True)
    table.add_column("Last", no_wrap=True)
    if wide:
        table.add_column("Latest statement", ratio=1, min_width=30)
    statements = []
    for row in rows:
        name = row["actor"] if by == "actor" else (row["country_name"] or row["country"])
        latest = Text()
        if by == "country":
            latest.append(printable(row["latest_speaker"]), style=SPEAKER_STYLE).append(": ")
        latest.append(shorten(row["latest_text"], 110), style=_STANCE_STYLES[row["latest_polarity"]])
        latest.append(f" [{row['latest_modality']}, claim {row['latest_claim_id']}]", style="dim")
        cells = [
            Text(printable(name)), str(row["claims"]), str(row["negative"]), str(row["positive"]),
            str(row["conditional"]), Text(row["stance"], style=_STANCE_STYLES[row["stance"]]),
            row["first_date"] or "", row["last_date"] or "",
        ]
        table.add_row(*cells, *([latest] if wide else []))
        statements.append(Text(printable(name), style="bold").append(" - ").append_text(latest))
    console.print(table)
    if not wide:
        console.print("Latest statement of each:")
        for line in statements:
            console.print(line)


# Width of the longest bar of a timeline, in characters.
BAR_WIDTH = 40


def print_timeline(timeline, *, console: Console) -> None:
    """`claims timeline`: the claims in date order, then a bar per period."""
    if not timeline.claims and not timeline.undated:
        console.print("No claims match.")
        return
    table = Table(header_style="bold")
    table.add_column("Date", no_wrap=True)
    table.add_column("ID", justify="right", no_wrap=True)
    table.add_column("Speaker", style=SPEAKER_STYLE)
    table.add_column("Position", no_wrap=True)
    table.add_column("Claim", ratio=1)
    for row in timeline.claims:
        # "~": placed on the publication date, the statement date being unknown.
        day = Text(("~" if row["fallback"] else " ") + row["date"], style="dim" if row["fallback"] else "")
        table.add_row(
            day, str(row["claim_id"]), Text(printable(row["speaker"])),
            Text(f"{row['polarity']} {row['modality']}", style=_STANCE_STYLES[row["polarity"]]),
            Text(shorten(row["text"], CLAIM_TEXT_WIDTH)),
        )
    if timeline.claims:
        console.print(table)
        console.print("~ publication date: the article does not say when the statement was made.", style="dim")
    most = max((sum(c.values()) for c in timeline.periods.values()), default=0)
    if most:
        bars = Table.grid(padding=(0, 1))
        for period, counts in timeline.periods.items():
            label = period[:7] if timeline.every == "month" else period
            negative, positive = counts["negative"], counts["positive"]
            scale = BAR_WIDTH / most
            bar = Text("█" * round(negative * scale), style=NEGATIVE_STYLE)
            bar.append("█" * round(positive * scale), style=POSITIVE_STYLE)
            bars.add_row(label, bar, Text(f"{negative + positive}" + (f" ({negative} negative)" if negative else ""), style="dim"))
        console.print(Text(f"Claims per {timeline.every} (red negative, green positive)", style="bold"))
        console.print(bars)
    if timeline.undated:
        console.print(f"{len(timeline.undated)} more claims have no date.", style="dim")


def print_grouped(rows: list[dict[str, Any]], *, console: Console) -> None:
    """`claims query --grouped`: one row per statement with how many documents report it."""
    if not rows:
        console.print("No claims match.")
        return
    table = Table(header_style="bold")
    table.add_column("ID", justify="right", no_wrap=True)
    table.add_column("First seen", no_wrap=True)
    table.add_column("Speaker")
    table.add_column("Docs", justify="right", no_wrap=True)
    # Outlets are known only for articles ingested with --outlet or read from a page or record
    # that names its site: without any, the column would say 0 for statements many report.
    outlets = any(row["outlets"] for row in rows)
    if outlets:
        table.add_column("Outlets", justify="right", no_wrap=True)
    table.add_column("Claim", ratio=1)
    for row in rows:
        table.add_row(
            str(row["claim_id"]), row["first_seen"] or "", Text(printable(row["speaker"]), style=SPEAKER_STYLE),
            str(row["documents"]), *((str(row["outlets"] or "–"),) if outlets else ()),
            Text(shorten(row["text"], CLAIM_TEXT_WIDTH)),
        )
    console.print(table)
