"""plot: a timeline drawn to a PNG, SVG or HTML file with matplotlib (the ``plot`` extra).

Top panel: each claim a dot on its date, at the height of its modality, red when negative and
green when positive, hollow when placed on the publication date because the statement date is
unknown. Bottom panel: claims per month or week, negative and positive stacked.
"""

from __future__ import annotations

import html
import io
from datetime import date, timedelta
from pathlib import Path

from claimsdb.errors import ClaimsDBError, OutputError
from claimsdb.export import atomic_output
from claimsdb.positions import Timeline

COLOURS = {"negative": "#c0392b", "positive": "#27ae60"}
# Bottom to top: from stating to setting conditions, the order of claimsdb.resolve.positions.
MODALITY_ROWS = ("assert", "possible", "intend", "demand", "conditional")


class PlotUnavailable(ClaimsDBError):
    """matplotlib is not installed."""


PLOT_SUFFIXES = (".png", ".svg", ".html")


def check_plot_path(path: str | Path) -> None:
    """Raise OutputError unless ``path`` names a PNG, SVG or HTML file: checked before the
    query, so that a misnamed file does not cost a whole timeline first."""
    if Path(path).suffix.lower() not in PLOT_SUFFIXES:
        raise OutputError(f"cannot draw {Path(path).name}: name it .png, .svg or .html")


def draw_timeline(timeline: Timeline, path: str | Path, *, title: str | None = None) -> None:
    """Draw ``timeline`` to ``path``: .png, .svg, or .html (the SVG with the claims listed)."""
    check_plot_path(path)
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.dates as mdates
        import matplotlib.pyplot as plt
    except ImportError:
        raise PlotUnavailable("--plot needs matplotlib: pip install 'claimsdb[plot]'") from None
    path = Path(path)
    figure, (dots, bars) = plt.subplots(
        2, 1, figsize=(11, 5.5), sharex=True, gridspec_kw={"height_ratios": [3, 1.4]}, layout="constrained"
    )
    heights = _heights(timeline.claims)
    for polarity, colour in COLOURS.items():
        for fallback in (False, True):
            rows = [r for r in timeline.claims if r["polarity"] == polarity and r["fallback"] == fallback]
            if not rows:
                continue
            days = [date.fromisoformat(r["date"]) for r in rows]
            ys = [heights[r["claim_id"]] for r in rows]
            dots.scatter(
                days, ys, s=60, facecolors="none" if fallback else colour, edgecolors=colour, linewidths=1.5,
                label=f"{polarity}" + (" (publication date)" if fallback else ""), zorder=3,
            )
            for day, y, row in zip(days, ys, rows):
                dots.annotate(str(row["claim_id"]), (day, y), xytext=(6, -3), textcoords="offset points",
                              fontsize="x-small", color="#555555")
    dots.set_yticks(range(len(MODALITY_ROWS)), MODALITY_ROWS)
    dots.set_ylim(-0.6, len(MODALITY_ROWS) - 0.4)
    dots.grid(axis="x", alpha=0.3)
    dots.legend(loc="lower right", bbox_to_anchor=(1, 1), fontsize="small", frameon=False, ncols=4)
    dots.set_title(f"Claims of {title}" if title else "Claims", loc="left", pad=18)

    periods = [date.fromisoformat(p) for p in timeline.periods]
    width = (25 if timeline.every == "month" else 5.5)
    negative = [c["negative"] for c in timeline.periods.values()]
    positive = [c["positive"] for c in timeline.periods.values()]
    centres = [p + timedelta(days=width / 2) for p in periods]
    bars.bar(centres, negative, width=width, color=COLOURS["negative"], label="negative")
    bars.bar(centres, positive, width=width, bottom=negative, color=COLOURS["positive"], label="positive")
    bars.set_ylabel(f"per {timeline.every}")
    bars.yaxis.get_major_locator().set_params(integer=True)
    locator = mdates.AutoDateLocator()
    bars.xaxis.set_major_locator(locator)
    bars.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if periods:
        # Whole periods on the axis, however close the first and last claims are.
        dots.set_xlim(periods[0] - timedelta(days=3), max(periods[-1] + timedelta(days=width + 3), date.fromisoformat(timeline.claims[-1]["date"]) + timedelta(days=8)))

    suffix = path.suffix.lower()
    with atomic_output(path) as out:
        if suffix == ".html":
            buffer = io.StringIO()
            figure.savefig(buffer, format="svg")
            out.write(_html_page(timeline, title, buffer.getvalue()))
        else:
            # atomic_output gives a text file: PNG bytes go through its binary buffer.
            out.flush()
            figure.savefig(out.buffer if suffix == ".png" else out, format=suffix.lstrip("."))
    plt.close(figure)


def _heights(claims: list[dict]) -> dict[int, float]:
    """claim id → height on the plot: its modality's row, with claims of the same day and
    modality spread over the row so that each stays visible."""
    groups: dict[tuple[str, str], list[int]] = {}
    for row in claims:
        groups.setdefault((row["date"], row["modality"]), []).append(row["claim_id"])
    heights = {}
    for (_, modality), ids in groups.items():
        step = 0.7 / len(ids)
        for n, claim_id in enumerate(ids):
            heights[claim_id] = MODALITY_ROWS.index(modality) - 0.35 + step * (n + 0.5)
    return heights


def _html_page(timeline: Timeline, title: str | None, svg: str) -> str:
    svg = svg[svg.index("<svg"):]
    rows = "\n".join(
        f"<tr><td>{'~' if r['fallback'] else ''}{html.escape(r['date'])}</td><td>{html.escape(r['speaker'] or '')}</td>"
        f"<td style=\"color:{COLOURS[r['polarity']]}\">{r['polarity']} {r['modality']}</td>"
        f"<td>{html.escape(r['text'])}</td></tr>"
        for r in timeline.claims
    )
    heading = html.escape(f"Claims of {title}" if title else "Claims")
    return (
        f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{heading}</title></head><body>\n"
        f"<h1>{heading}</h1>\n{svg}\n<table>\n<tr><th>Date</th><th>Speaker</th><th>Position</th><th>Claim</th></tr>\n"
        f"{rows}\n</table>\n<p>~ publication date: the article does not say when the statement was made.</p>\n"
        "</body></html>\n"
    )
