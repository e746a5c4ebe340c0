"""The ``tradestats`` command: parse options, run the pipeline, pick a formatter, exit.

No analysis happens here, and heavy libraries are imported only inside the commands
that need them, so ``tradestats --help`` and pre-commit runs start fast.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from datetime import date
from enum import IntEnum
from typing import TYPE_CHECKING, Annotated

import typer

from tradestats import __version__

if TYPE_CHECKING:
    from tradestats.config import Config
    from tradestats.models import Figure
    from tradestats.pipeline import Item, Outcome
    from tradestats.report import Gathered

app = typer.Typer(
    name="tradestats",
    help="Find the trade figures in a text, recompute its claims, chart the trends.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Exit(IntEnum):
    OK = 0
    FINDINGS = 1
    ERROR = 2


def _error(message: str) -> None:
    typer.echo(f"tradestats: error: {message}", err=True)


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value if len(value) > 7 else f"{value}-01")
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD or YYYY-MM)") from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tradestats {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Find the trade figures in a text, recompute its claims, chart the trends."""


PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="Files, directories (searched recursively) or globs: .txt, .md, .html, .docx,"
        " .pdf; - for stdin."
    ),
]
InputFormatOpt = Annotated[
    str,
    typer.Option(
        "--input-format",
        help="Read every input as text, markdown, html, docx or pdf (default: by extension).",
    ),
]
ExcludeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        help="Skip files matching this .gitignore-style pattern (repeatable; adds to config).",
    ),
]
JobsOpt = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Parallel processes (default: number of cores)."),
]
ChangedSinceOpt = Annotated[
    str | None,
    typer.Option(
        "--changed-since",
        help="Only files changed since this git ref (committed or not), plus new files.",
    ),
]
OutputOpt = Annotated[
    str | None, typer.Option("--output", "-o", help="Write to this file (whole or not at all).")
]
DateOpt = Annotated[
    str | None,
    typer.Option(
        "--date",
        help="Publication date (YYYY-MM-DD): gives a year to months stated without one.",
    ),
]


def _input_format(value: str) -> str | None:
    from tradestats.formats import format_name

    if value == "auto":
        return None
    try:
        return format_name(value)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="'--input-format'") from None


def _default_jobs() -> int:
    from tradestats.pipeline import default_jobs

    return default_jobs()


def _select(
    paths: list[str],
    exclude: list[str] | None,
    changed_since: str | None,
    config: Config | None,
) -> list[Item]:
    """The inputs of a run: config and --exclude patterns applied, --changed-since too."""
    from pathlib import Path

    from tradestats.config import ConfigError, config_path_for, load_config
    from tradestats.pipeline import select
    from tradestats.read import Excludes, InputError
    from tradestats.read import changed_since as changed

    groups: list[tuple[Path, list[str]]] = []
    try:
        if config is None:
            config = load_config(config_path_for(paths))
    except ConfigError as error:
        _error(str(error))
        raise typer.Exit(Exit.ERROR) from None
    if config.exclude:
        base = Path(config.source).parent if config.source else Path.cwd()
        groups.append((base, list(config.exclude)))
    if exclude:
        groups.append((Path.cwd(), exclude))
    only = None
    if changed_since is not None:
        try:
            only = changed(changed_since)
        except InputError as error:
            _error(str(error))
            raise typer.Exit(Exit.ERROR) from None
    return select(paths, exclude=Excludes.of(*groups), only=only)


# A progress bar is worth its flicker only past a handful of files.
_PROGRESS_MIN_FILES = 6


def _with_progress(outcomes: Iterator[Outcome], items: Sequence[Item]) -> Iterator[Outcome]:
    """The outcomes, with a progress bar on stderr when a person is watching.

    Only on a terminal, never in CI or piped output, and only for runs long enough to
    need one; it disappears when done, leaving stderr to the error lines.
    """
    import os

    total = len(items)
    if total < _PROGRESS_MIN_FILES or not sys.stderr.isatty() or os.environ.get("CI"):
        yield from outcomes
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(file=sys.stderr)
    columns = (TextColumn("reading"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        bar = progress.add_task("files", total=total)
        for outcome in outcomes:
            progress.advance(bar)
            yield outcome


@app.command()
def extract(
    paths: PathsArg,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, csv, json or jsonl.")
    ] = "table",
    output: OutputOpt = None,
    all_quantities: Annotated[
        bool, typer.Option("--all", help="Also list tonnes, barrels and other quantities.")
    ] = False,
    as_of: DateOpt = None,
    input_format: InputFormatOpt = "auto",
    exclude: ExcludeOpt = None,
    jobs: JobsOpt = None,
    changed_since: ChangedSinceOpt = None,
) -> None:
    """List every trade figure with its kind, value, flow, countries and period."""
    from tradestats.formatters.figures import FORMATS, render
    from tradestats.output import OutputError, write_atomic
    from tradestats.pipeline import Task, run

    if fmt not in FORMATS:
        _error(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(Exit.ERROR)
    reference = _parse_date(as_of)
    items = _select(paths, exclude, changed_since, None)
    task = Task(
        reference_date=reference,
        include_quantities=all_quantities,
        input_format=_input_format(input_format),
    )
    figures: list[Figure] = []
    problems: list[str] = []
    read: list[str] = []
    for outcome in _with_progress(run(items, task, jobs or _default_jobs()), items):
        if outcome.problem is not None:
            problems.append(outcome.problem.message)
        read.append(outcome.path)
        figures.extend(outcome.figures)
        for warning in outcome.warnings:
            typer.echo(f"tradestats: note: {warning}", err=True)
    for message in problems:
        _error(message)
    failed = bool(problems)
    rendered = render(figures, fmt)
    if output:
        try:
            write_atomic(output, rendered, inputs=read)
        except OutputError as error:
            _error(str(error))
            raise typer.Exit(Exit.ERROR) from None
    else:
        sys.stdout.write(rendered)
    raise typer.Exit(Exit.ERROR if failed else Exit.OK)


@app.command()
def check(
    paths: PathsArg,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="text, json, sarif or github.")
    ] = "text",
    output: OutputOpt = None,
    fail_level: Annotated[
        str | None,
        typer.Option(
            "--fail-level",
            help="Exit 1 when a finding at or above this severity (info, warning, error) exists.",
        ),
    ] = None,
    enable: Annotated[
        list[str] | None, typer.Option("--enable", help="Run only these rules (ids or names).")
    ] = None,
    disable: Annotated[
        list[str] | None, typer.Option("--disable", help="Do not run these rules.")
    ] = None,
    extra_tolerance: Annotated[
        str | None,
        typer.Option("--extra-tolerance", help="Percentage points added to every tolerance."),
    ] = None,
    config_path: Annotated[
        str | None,
        typer.Option(
            "--config",
            help="Config file (.tradestats.toml or pyproject.toml); default: found upward.",
        ),
    ] = None,
    as_of: DateOpt = None,
    input_format: InputFormatOpt = "auto",
    exclude: ExcludeOpt = None,
    jobs: JobsOpt = None,
    changed_since: ChangedSinceOpt = None,
) -> None:
    """Recompute every claim and report the figures that do not add up.

    Exit code 0 when nothing at or above --fail-level was found, 1 when something was,
    2 for usage or input errors.
    """
    from pathlib import Path

    from tradestats.config import ConfigError, config_path_for, load_config, with_overrides
    from tradestats.crosscheck import cross_check
    from tradestats.formatters.check import FORMATS, render
    from tradestats.output import OutputError, write_atomic
    from tradestats.pipeline import Task, collect, run

    if fmt not in FORMATS:
        _error(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(Exit.ERROR)
    reference = _parse_date(as_of)
    try:
        if config_path is not None:
            source: Path | None = Path(config_path)
            if not source.is_file():
                raise ConfigError(f"{config_path}: no such config file")
        else:
            source = config_path_for(paths)
        config = with_overrides(
            load_config(source),
            enable=enable,
            disable=disable,
            fail_level=fail_level,
            extra_tolerance=extra_tolerance,
        )
    except ConfigError as error:
        _error(str(error))
        raise typer.Exit(Exit.ERROR) from None
    reading = _input_format(input_format)
    items = _select(paths, exclude, changed_since, config)
    task = Task(config=config, reference_date=reference, input_format=reading)
    # Only JSON lists every claim; the other outputs count them.
    outcomes = _with_progress(run(items, task, jobs or _default_jobs()), items)
    report = collect(outcomes, lean=fmt != "json")
    # Figures that several documents state differently (TS401) need all of them at once.
    report = cross_check(report, config)
    for problem in report.problems:
        _error(problem.message)
    for warning in report.warnings:
        typer.echo(f"tradestats: warning: {warning}", err=True)
    rendered = render(report, fmt)
    if output:
        try:
            write_atomic(output, rendered, inputs=report.files)
        except OutputError as error:
            _error(str(error))
            raise typer.Exit(Exit.ERROR) from None
    else:
        sys.stdout.write(rendered)
    if report.problems:
        raise typer.Exit(Exit.ERROR)
    failing = any(config.fails(finding.severity) for finding in report.findings)
    raise typer.Exit(Exit.FINDINGS if failing else Exit.OK)


def _gathered(
    paths: list[str], as_of: str | None, flow: str | None, partner: str | None, reporter: str | None
) -> Gathered:
    """The checked figures of the inputs for a chart or report; exit 2 when there are none."""
    from tradestats.config import ConfigError
    from tradestats.report import gather

    try:
        gathered = gather(
            paths, reference_date=_parse_date(as_of), flow=flow, partner=partner, reporter=reporter
        )
    except ConfigError as error:
        _error(str(error))
        raise typer.Exit(Exit.ERROR) from None
    for message in gathered.errors:
        _error(message)
    if gathered.report is None:
        raise typer.Exit(Exit.ERROR)
    return gathered


@app.command()
def rules() -> None:
    """List the checks, with their ids, default severities and examples."""
    from tradestats.rules import RULES

    for rule in RULES.values():
        typer.echo(f"{rule.id}  {rule.name}  ({rule.severity})")
        typer.echo(f"    {rule.summary}")
        typer.echo(f"    wrong: {rule.wrong}")
        typer.echo(f"    right: {rule.right}")
        typer.echo("")


# --- charts and reports -----------------------------------------------------------------

FLOWS = ("exports", "imports", "trade", "balance", "deficit", "surplus")
FlowOpt = Annotated[
    str | None,
    typer.Option(
        "--flow", help="Only this flow: exports, imports, trade, balance, deficit, surplus."
    ),
]
PartnerOpt = Annotated[
    str | None, typer.Option("--partner", help="Only figures with this partner (ISO code: US).")
]
ReporterOpt = Annotated[
    str | None, typer.Option("--reporter", help="Only figures this country reports (ISO code: IN).")
]
KindOpt = Annotated[
    str,
    typer.Option(
        "--kind",
        help="auto (what the figures allow), trend (lines by period), bars (same months, a "
        "year apart) or growth (stated against recomputed rates).",
    ),
]


def _flow(flow: str | None) -> None:
    if flow is not None and flow.lower() not in FLOWS:
        _error(f"unknown flow {flow!r}; choose one of {', '.join(FLOWS)}")
        raise typer.Exit(Exit.ERROR)


def _check_kind(kind: str) -> None:
    from tradestats.chart import KINDS

    if kind not in KINDS:
        _error(f"unknown chart kind {kind!r}; choose one of {', '.join(KINDS)}")
        raise typer.Exit(Exit.ERROR)


@app.command("chart")
def chart_command(
    paths: PathsArg,
    output: Annotated[
        str, typer.Option("--output", "-o", help="The PNG file to write (whole or not at all).")
    ],
    kind: KindOpt = "auto",
    flow: FlowOpt = None,
    partner: PartnerOpt = None,
    reporter: ReporterOpt = None,
    as_of: DateOpt = None,
) -> None:
    """Chart the figures as a PNG: values by period, or stated against recomputed growth.

    Exit code 0 when the chart was written, 2 when there was nothing to chart, an input
    could not be read or the output could not be written.
    """
    from tradestats.chart import ChartError, choose_kind, png
    from tradestats.chart import chart as draw
    from tradestats.output import OutputError, write_atomic
    from tradestats.report import chart_tables

    _check_kind(kind)
    _flow(flow)
    if not output.lower().endswith(".png"):
        _error(f"{output}: charts are PNG files; name the output *.png")
        raise typer.Exit(Exit.ERROR)
    gathered = _gathered(paths, as_of, flow, partner, reporter)
    report = gathered.report
    assert report is not None
    points, growth = chart_tables(report)
    chosen = choose_kind(points, growth) if kind == "auto" else kind
    if chosen is None:
        _error(
            f"nothing to chart: {len(report.figures)} figures, but no money value with a "
            "flow and a period and no checked growth rate"
        )
        raise typer.Exit(Exit.ERROR)
    try:
        figure = draw(chosen, points, growth, report.files)  # type: ignore[arg-type]
    except ChartError as error:
        _error(f"nothing to chart as {chosen}: {error}")
        raise typer.Exit(Exit.ERROR) from None
    try:
        write_atomic(output, png(figure), inputs=report.files)
    except OutputError as error:
        _error(str(error))
        raise typer.Exit(Exit.ERROR) from None
    raise typer.Exit(Exit.ERROR if gathered.unreadable else Exit.OK)


@app.command("report")
def report_command(
    paths: PathsArg,
    output_dir: Annotated[
        str,
        typer.Option("--output-dir", help="The folder to write (whole or not at all)."),
    ],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="md, or html with the charts inline.")
    ] = "md",
    kind: KindOpt = "auto",
    flow: FlowOpt = None,
    partner: PartnerOpt = None,
    reporter: ReporterOpt = None,
    as_of: DateOpt = None,
) -> None:
    """Write a report folder: report.md (or .html) with the findings, charts and every
    figure, the charts as PNG files, and figures.csv.

    Exit code 0 when the report was written (findings are in it), 2 when there was
    nothing to report, an input could not be read or the folder could not be written.
    """
    from pathlib import Path

    from tradestats.chart import ChartError
    from tradestats.formatters.check import summary_line
    from tradestats.output import OutputError
    from tradestats.report import FORMATS, build, write_directory

    if fmt not in FORMATS:
        _error(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(Exit.ERROR)
    _check_kind(kind)
    _flow(flow)
    gathered = _gathered(paths, as_of, flow, partner, reporter)
    report = gathered.report
    assert report is not None
    try:
        files = build(report, kind=kind, fmt=fmt)  # type: ignore[arg-type]
    except ChartError as error:
        _error(f"nothing to chart as {kind}: {error}")
        raise typer.Exit(Exit.ERROR) from None
    try:
        write_directory(files, output_dir, inputs=report.files)
    except OutputError as error:
        _error(str(error))
        raise typer.Exit(Exit.ERROR) from None
    typer.echo(f"{Path(output_dir) / f'report.{fmt}'}: {summary_line(report)}")
    raise typer.Exit(Exit.ERROR if gathered.unreadable else Exit.OK)


def main() -> None:
    app()
