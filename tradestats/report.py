"""A report folder: report.md (or report.html), its charts as PNG, and figures.csv.

The report is rendered in memory from one ``Report`` and written as a whole: into a
temporary folder beside the target, then moved into place, so that a failure leaves the
previous report (or nothing), never half of a new one.
"""

from __future__ import annotations

import base64
import html
import os
import shutil
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Literal

import pandas as pd

from tradestats.formatters.check import summary_line
from tradestats.formatters.figures import human_value
from tradestats.models import Figure, Report
from tradestats.output import (
    OutputError,
    display,
    forget_temporary,
    refuse_inputs,
    register_temporary,
    signals_held,
)
from tradestats.tables import figures_csv, figures_frame, growth_frame, period_label, points_frame

ReportFormat = Literal["md", "html"]
FORMATS = ("md", "html")
_CHART_TITLES = {
    "trend": "Values by period",
    "bars": "The same months, a year apart",
    "growth": "Stated against recomputed growth",
}


@dataclass(frozen=True, slots=True)
class Chart:
    """One rendered chart: its file name in the report folder, what it shows, its PNG."""

    name: str
    title: str
    png: bytes


@dataclass(frozen=True, slots=True)
class Gathered:
    """What the chart and report commands work from, and what to tell the user first."""

    report: Report | None  # the figures asked for; None when nothing is left to show
    errors: tuple[str, ...]  # one line each: unreadable inputs, then why nothing is left
    unreadable: bool
    inputs: tuple[str, ...] = ()  # the files read, by the names that open them


def gather(
    paths: Sequence[str],
    *,
    reference_date: date | None = None,
    flow: str | None = None,
    partner: str | None = None,
    reporter: str | None = None,
) -> Gathered:
    """Analyse the inputs as ``check`` does (config found upward from the first input),
    add the checks across documents (TS401), and keep the figures asked for.

    Raises ConfigError for a config file that cannot be trusted.
    """
    from tradestats.config import config_path_for, load_config
    from tradestats.crosscheck import cross_check
    from tradestats.pipeline import Task, collect, run
    from tradestats.pipeline import select as inputs_of
    from tradestats.read import STDIN, Source

    config = load_config(config_path_for(paths))
    items = inputs_of(paths)
    read = tuple(i.path for i in items if isinstance(i, Source) and i.path != STDIN)
    task = Task(config=config, reference_date=reference_date)
    found = cross_check(collect(run(items, task)), config)
    errors = [problem.message for problem in found.problems]
    unreadable = bool(found.problems)
    inputs = ", ".join(display(path) for path in paths)
    if not found.figures:
        errors.append(f"no trade figures found in {inputs}")
        return Gathered(None, tuple(errors), unreadable, read)
    selected = select(found, flow=flow, partner=partner, reporter=reporter)
    if not selected.figures:
        wanted = ", ".join(
            f"{name} {value}"
            for name, value in (("flow", flow), ("partner", partner), ("reporter", reporter))
            if value
        )
        errors.append(f"no figures with {wanted} in {inputs} ({len(found.figures)} others found)")
        return Gathered(None, tuple(errors), unreadable, read)
    return Gathered(selected, tuple(errors), unreadable, read)


def select(
    report: Report,
    *,
    flow: str | None = None,
    partner: str | None = None,
    reporter: str | None = None,
) -> Report:
    """The part of a report about one flow, partner or reporter.

    A claim (and its finding) stays when the figure it points at does; files and input
    problems stay whole, so the summary still counts every document read.
    """
    wanted = {
        "flow": flow.lower() if flow else None,
        "partner": partner.upper() if partner else None,
        "reporter": reporter.upper() if reporter else None,
    }

    def keep(figure: Figure) -> bool:
        return all(
            value is None or getattr(figure, name) == value for name, value in wanted.items()
        )

    if not any(wanted.values()):
        return report
    return replace(
        report,
        figures=tuple(f for f in report.figures if keep(f)),
        claims=tuple(c for c in report.claims if keep(c.anchor)),
        findings=tuple(f for f in report.findings if keep(f.claim.anchor)),
    )


def chart_tables(report: Report) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The points a levels chart plots and the claims a growth chart plots."""
    frame = figures_frame(report.figures, report.claims)
    return points_frame(frame), growth_frame(report.claims)


def render_charts(report: Report, kind: str = "auto") -> list[Chart]:
    """The levels chart the figures allow (or the kind asked for) and, when rates were
    checked, the growth chart. A kind asked for that has nothing to show raises
    ``ChartError``; under ``auto`` a chart with nothing to show is left out."""
    from tradestats.chart import chart, choose_kind, png

    points, growth = chart_tables(report)
    kinds: list[str] = []
    if kind == "auto":
        chosen = choose_kind(points, growth)
        kinds = [chosen] if chosen else []
    else:
        kinds = [kind]
    if "growth" not in kinds and not growth.empty:
        kinds.append("growth")
    charts = []
    for name in kinds:
        figure = chart(name, points, growth, report.files)  # type: ignore[arg-type]
        charts.append(Chart(f"{name}.png", _CHART_TITLES[name], png(figure)))
    return charts


# --- content --------------------------------------------------------------------------


def _location(path: str, line: int, column: int) -> str:
    return f"{path}:{line}:{column}"


def _findings_rows(report: Report) -> list[list[str]]:
    return [
        [
            finding.rule,
            finding.severity,
            _location(finding.path, finding.line, finding.column),
            finding.stated,
            finding.expected,
            f"{finding.expected_low} to {finding.expected_high}",
            " ".join(finding.message.split()),
        ]
        for finding in report.findings
    ]


_FINDING_HEADER = ["Rule", "Severity", "Where", "Stated", "Recomputed", "Range", "Finding"]
_FIGURE_HEADER = [
    "Where",
    "Text",
    "Value",
    "Flow",
    "Reporter",
    "Partner",
    "Period",
    "Stated growth",
    "Recomputed growth",
    "Verdict",
]


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def _figure_rows(report: Report) -> list[list[str]]:
    frame = figures_frame(report.figures, report.claims)
    rows = []
    for figure, row in zip(report.figures, frame.itertuples(index=False), strict=True):
        stated = _text(row.stated_growth)
        computed = _text(row.recomputed_growth)
        rows.append(
            [
                _location(figure.path, figure.line, figure.column),
                " ".join(figure.text.split()),
                human_value(figure),
                figure.flow or "",
                figure.reporter or "",
                figure.partner or "",
                period_label(figure.period_start, figure.period_end),
                f"{stated}%" if stated else "",
                f"{computed}%" if computed else "",
                _text(row.verdict).replace("_", " "),
            ]
        )
    return rows


def _documents(report: Report) -> str:
    return ", ".join(dict.fromkeys(report.files)) or "no readable documents"


def _markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def cells(values: Sequence[str]) -> str:
        return "| " + " | ".join(v.replace("|", "\\|") for v in values) + " |"

    return [cells(header), "|" + "---|" * len(header), *(cells(row) for row in rows)]


def render_markdown(report: Report, charts: Sequence[Chart]) -> str:
    """report.md: summary, findings (stated against recomputed), charts, every figure."""
    lines = [
        "# Trade figures report",
        "",
        summary_line(report),
        "",
        f"Documents: {_documents(report)}",
    ]
    lines += ["", "## Findings", ""]
    findings = _findings_rows(report)
    lines += _markdown_table(_FINDING_HEADER, findings) if findings else ["No findings."]
    lines += ["", "## Charts", ""]
    for chart in charts:
        lines += [f"![{chart.title}]({chart.name})", ""]
    if not charts:
        lines += ["No chart: no money values with a flow and a period, and no checked rates.", ""]
    lines += ["## Figures", ""]
    lines += _markdown_table(_FIGURE_HEADER, _figure_rows(report))
    lines += ["", "All figures, with every field, are in [figures.csv](figures.csv)."]
    return "\n".join(lines) + "\n"


_CSS = (
    "body{font-family:Helvetica,Arial,sans-serif;max-width:62em;margin:1.5em auto;"
    "padding:0 1em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}"
    "th,td{border:1px solid #ccc;padding:.2em .5em;font-size:.85em;text-align:left;"
    "vertical-align:top}th{background:#f2f2f2}img{max-width:100%;height:auto}"
    ".inconsistent{color:#d00000}"
)


def _html_table(header: Sequence[str], rows: Sequence[Sequence[str]], verdict: int | None) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = []
    for row in rows:
        wrong = verdict is not None and row[verdict] == "inconsistent"
        attributes = ' class="inconsistent"' if wrong else ""
        cells = "".join(f"<td>{html.escape(cell)}</td>" for cell in row)
        body.append(f"<tr{attributes}>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def render_html(report: Report, charts: Sequence[Chart]) -> str:
    """One self-contained HTML file, charts inline as data URIs, to send by mail."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>Trade figures report</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Trade figures report</h1>",
        f"<p>{html.escape(summary_line(report))}</p>",
        f"<p>Documents: {html.escape(_documents(report))}</p>",
        "<h2>Findings</h2>",
    ]
    findings = _findings_rows(report)
    parts.append(
        _html_table(_FINDING_HEADER, findings, None) if findings else "<p>No findings.</p>"
    )
    parts.append("<h2>Charts</h2>")
    for chart in charts:
        data = base64.b64encode(chart.png).decode("ascii")
        parts.append(
            f'<p><img src="data:image/png;base64,{data}" alt="{html.escape(chart.title)}"></p>'
        )
    if not charts:
        parts.append(
            "<p>No chart: no money values with a flow and a period, and no checked rates.</p>"
        )
    parts.append("<h2>Figures</h2>")
    parts.append(_html_table(_FIGURE_HEADER, _figure_rows(report), _FIGURE_HEADER.index("Verdict")))
    parts.append("<p>All figures, with every field, are in figures.csv.</p></body></html>")
    return "\n".join(parts) + "\n"


def build(report: Report, *, kind: str = "auto", fmt: ReportFormat = "md") -> dict[str, bytes]:
    """Every file of the report folder, by name, rendered but not yet written."""
    charts = render_charts(report, kind)
    page = render_html(report, charts) if fmt == "html" else render_markdown(report, charts)
    files = {f"report.{fmt}": page.encode("utf-8")}
    files["figures.csv"] = figures_csv(report.figures, report.claims).encode("utf-8")
    files.update((chart.name, chart.png) for chart in charts)
    return files


# --- writing ----------------------------------------------------------------------------


# Every name a report folder can hold. A new report removes those of an earlier one that
# it does not write itself (a trend chart the figures no longer allow, report.md after
# switching to HTML), so the folder never mixes two reports; other files stay.
REPORT_NAMES = (
    *(f"report.{fmt}" for fmt in FORMATS),
    "figures.csv",
    *(f"{kind}.png" for kind in _CHART_TITLES),
)


def write_directory(
    files: Mapping[str, bytes], directory: str | Path, inputs: Iterable[str] = ()
) -> None:
    """Write every file into ``directory``, all of them or none.

    The files go into a temporary folder beside the target first. A new target is that
    folder renamed, which is atomic; an existing one gets each file renamed in, after
    checking it can be written, and then loses the files of an earlier report that this
    one does not have. Only a failure between two renames (a crash) could mix old and new
    files. Files with other names in the folder are left alone.
    """
    if not str(directory):
        raise OutputError("the output folder name is empty (an unset variable?)")
    target = Path(directory)
    shown = display(target)
    parent = target.parent if str(target.parent) else Path(".")
    if target.exists() and not target.is_dir():
        raise OutputError(f"{shown}: exists and is not a directory")
    if parent.exists() and not parent.is_dir():
        raise OutputError(f"{shown}: {display(parent)} is not a directory")
    if not parent.is_dir():
        raise OutputError(f"{shown}: directory {display(parent)} does not exist")
    if target.is_dir() and not os.access(target, os.W_OK | os.X_OK):
        raise OutputError(f"{shown}: cannot write (permission denied)")
    refuse_inputs([target / name for name in files], inputs)
    for name in files:
        if (target / name).is_dir():
            raise OutputError(f"{display(target / name)}: is a directory")
    stale = [target / name for name in REPORT_NAMES if name not in files]
    refuse_inputs(stale, inputs)
    # Made with the usual permissions (umask), as the report folder will have them.
    staging = parent / f".{target.name}.{uuid.uuid4().hex}.tmp"
    with signals_held():
        try:
            staging.mkdir()
        except OSError as error:
            raise OutputError(f"{shown}: cannot write ({error.strerror or error})") from None
        register_temporary(staging)
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        if target.is_dir():
            for name in files:
                os.replace(staging / name, target / name)
            for path in stale:
                if path.is_file() or path.is_symlink():
                    path.unlink()
        else:
            with signals_held():
                os.rename(staging, target)
                forget_temporary(staging)
    except OSError as error:
        raise OutputError(f"{shown}: cannot write ({error.strerror or error})") from None
    finally:
        with signals_held():
            shutil.rmtree(staging, ignore_errors=True)
            forget_temporary(staging)
