"""The ``tradestats`` command: parse options, run the pipeline, pick a formatter, exit.

No analysis happens here, and heavy libraries are imported only inside the commands
that need them, so ``tradestats --help`` and pre-commit runs start fast.
"""

from __future__ import annotations

import re
import signal
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date
from enum import IntEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

try:  # recent typer carries its own copy of click; older ones use click itself
    from typer._click import exceptions as click
except ImportError:  # pragma: no cover - depends on the installed typer
    from click import exceptions as click  # type: ignore[no-redef]

from tradestats import __version__

if TYPE_CHECKING:
    from tradestats.config import Config
    from tradestats.models import Figure
    from tradestats.pipeline import Item, Outcome
    from tradestats.report import Gathered


class Exit(IntEnum):
    OK = 0
    FINDINGS = 1
    ERROR = 2


class Interrupted(BaseException):
    """SIGINT, SIGTERM or SIGHUP arrived: unwind (so temporary files go), then die of it.

    A BaseException, so that the per-document ``except Exception`` of the pipeline does
    not take a cancelled job for a fault in one file.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _one_line(text: str, limit: int = 400) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


class _Contract(TyperGroup):
    """The exit-code contract, kept at the top so no command can break it.

    0: nothing at or above --fail-level; 1: findings; 2: usage, input or internal
    errors, each said in one line, never a traceback. A signal removes the temporary
    files and then ends the process by that signal, as the shell and CI expect.
    """

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        code, signum = self._run(args, prog_name, complete_var, **extra)
        if signum is not None and standalone_mode:
            signal.signal(signum, signal.SIG_DFL)
            signal.raise_signal(signum)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(
        self,
        args: Sequence[str] | None,
        prog_name: str | None,
        complete_var: str | None,
        **extra: Any,
    ) -> tuple[int, int | None]:
        for stream in (sys.stdout, sys.stderr):
            # A name or text that cannot be encoded is escaped, never a crash.
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="backslashreplace")
        previous = _catch_signals()
        try:
            code = super().main(
                args, prog_name or "tradestats", complete_var, standalone_mode=False, **extra
            )
            return (Exit.OK if code is None else int(code)), None
        except SystemExit as stop:
            # typer ends a run whose output pipe closed with exit 1, the code of findings.
            if type(sys.stdout).__name__ != "PacifyFlushWrapper":
                raise
            _error("standard output was closed before the output was written")
            return (Exit.ERROR if stop.code == 1 else stop.code), None  # type: ignore[return-value]
        except Interrupted as stop:
            from tradestats.output import remove_temporaries

            remove_temporaries()
            name = signal.Signals(stop.signum).name
            _error(f"interrupted by {name}; no output file was left half-written")
            return 128 + stop.signum, stop.signum
        except click.UsageError as error:
            if type(error).__name__ == "NoArgsIsHelpError":  # bare `tradestats`: the help
                error.show()
                return Exit.ERROR, None
            where = (
                error.ctx.command_path
                if error.ctx is not None
                else _command_path(args, self.commands)
            )
            _error(f"{_one_line(error.format_message())} (see '{where} --help')")
            return Exit.ERROR, None
        except click.ClickException as error:
            _error(_one_line(error.format_message()))
            return Exit.ERROR, None
        except typer.Abort:
            _error("aborted")
            return Exit.ERROR, None
        except Exception as error:  # the contract: a fault of ours is 2 and one line
            from tradestats.output import remove_temporaries

            remove_temporaries()
            if isinstance(error, OSError) and _in_echo(error):
                # The help could not be written (a full device): an output error, not ours.
                _quiet_stdout()
                _error(f"cannot write standard output ({error.strerror or error})")
                return Exit.ERROR, None
            detail = _one_line(f"{type(error).__name__}: {error}", 300)
            _error(f"internal error ({detail}); please report it")
            return Exit.ERROR, None
        finally:
            _restore_signals(previous)


def _command_path(args: Sequence[str] | None, commands: Iterable[str]) -> str:
    """``tradestats COMMAND`` for an error click raises without its context (an option
    given no value), so that the hint points at the help that lists the option."""
    words = list(sys.argv[1:] if args is None else args)
    if words and words[0] in commands:
        return f"tradestats {words[0]}"
    return "tradestats"


_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def _raise_interrupted(signum: int, frame: object) -> None:
    raise Interrupted(signum)


def _catch_signals() -> dict[int, Any]:
    """Turn the signals that end a run into Interrupted, where Python lets us."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        return {}
    previous = {}
    for signum in _SIGNALS:
        old = signal.getsignal(signum)
        if old == signal.SIG_IGN:
            continue  # nohup and friends asked for this one to be ignored
        previous[signum] = old
        signal.signal(signum, _raise_interrupted)
    return previous


def _restore_signals(previous: dict[int, Any]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)


app = typer.Typer(
    name="tradestats",
    help="Find the trade figures in a text, recompute its claims, chart the trends.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=_Contract,
)


def _error(message: str) -> None:
    _say(f"tradestats: error: {message}")


def _warning(message: str) -> None:
    _say(f"tradestats: warning: {message}")


def _say(line: str) -> None:
    """One line on standard error; if that is closed too, the exit code still tells."""
    with suppress(OSError):
        typer.echo(line, err=True)


def _in_echo(error: BaseException) -> bool:
    """Whether ``error`` rose from writing the help or a message (click's echo)."""
    import traceback

    return any(frame.name == "echo" for frame in traceback.extract_tb(error.__traceback__))


def _quiet_stdout() -> None:
    """Point standard output at the null device, so that Python's own flush at exit
    does not fail a second time on a closed pipe or full device."""
    import os

    stream = sys.stdout
    if stream is None:
        return
    try:
        fd = stream.fileno()
    except (OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def _stdout(text: str) -> None:
    """Write to standard output; a closed or full one is an error of exit code 2, not 1."""
    stream = sys.stdout
    if stream is None:
        _error("standard output is closed; nothing was written (use -o FILE)")
        raise typer.Exit(Exit.ERROR)
    try:
        stream.write(text)
        stream.flush()
    except OSError as error:
        _quiet_stdout()
        if isinstance(error, BrokenPipeError):
            _error("standard output was closed before the output was written")
        else:  # a full disk or device (> /dev/full)
            _error(f"cannot write standard output ({error.strerror or error})")
        raise typer.Exit(Exit.ERROR) from None


# Dates tradestats can place a period in: pandas and month arithmetic need a year well
# inside 1..9999, and a publication date outside this span is a typo.
EARLIEST = date(1800, 1, 1)
LATEST = date(2199, 12, 31)
_DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")


def _date_option(value: str | None) -> str | None:
    """--date checked while the options are parsed: YYYY-MM-DD (or YYYY-MM) in range."""
    if value is None:
        return None
    problem = f"{value!r} is not a date (YYYY-MM-DD)"
    if not _DATE.fullmatch(value):
        raise typer.BadParameter(problem)
    try:
        parsed = date.fromisoformat(value if len(value) > 7 else f"{value}-01")
    except ValueError:
        raise typer.BadParameter(problem) from None
    if not EARLIEST <= parsed <= LATEST:
        raise typer.BadParameter(f"{value!r} is outside {EARLIEST.year} to {LATEST.year}")
    return value


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    return date.fromisoformat(value if len(value) > 7 else f"{value}-01")


def _file_option(value: str | None) -> str | None:
    if value is not None and not value:
        raise typer.BadParameter("the file name is empty (an unset variable?)")
    return value


def _folder_option(value: str | None) -> str | None:
    if value is not None and not value:
        raise typer.BadParameter(
            "the folder name is empty (an unset variable?); name a folder, '.' for this one"
        )
    return value


def _rules_option(values: list[str] | None) -> list[str] | None:
    """--enable and --disable name at least one rule each time they are given."""
    if values is None:
        return None
    for value in values:
        if not re.sub(r"[\s,]+", "", value):
            raise typer.BadParameter("names no rule (an unset variable?); give a rule id or name")
    from tradestats.config import ConfigError, UnknownRuleError, resolve_rules

    try:
        resolve_rules(name for value in values for name in re.split(r"[\s,]+", value) if name)
    except (UnknownRuleError, ConfigError) as error:
        raise typer.BadParameter(str(error)) from None
    return values


def _tolerance_option(value: str | None) -> str | None:
    if value is None:
        return None
    from tradestats.config import Config as Settings
    from tradestats.config import ConfigError, with_overrides

    try:
        with_overrides(Settings(), extra_tolerance=value)
    except ConfigError as error:
        raise typer.BadParameter(str(error).removeprefix("--extra-tolerance: ")) from None
    return value


def _ref_option(value: str | None) -> str | None:
    # git would read a leading dash as one of its own options ("-h" prints its help).
    if value is not None and (not value or value.startswith("-")):
        raise typer.BadParameter(f"{value!r} is not a git ref")
    return value


def _version(value: bool) -> None:
    if value:
        _stdout(f"tradestats {__version__}\n")
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
        callback=_ref_option,
    ),
]
OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (whole or not at all); a device, FIFO or - is written"
        " straight through.",
        callback=_file_option,
    ),
]
DateOpt = Annotated[
    str | None,
    typer.Option(
        "--date",
        help="Publication date (YYYY-MM-DD): gives a year to months stated without one.",
        callback=_date_option,
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


def _inputs(items: Sequence[Item]) -> list[str]:
    """The files a run reads, by the names that open them: never an output target."""
    from tradestats.read import STDIN, Source

    return [item.path for item in items if isinstance(item, Source) and item.path != STDIN]


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
    from tradestats.output import OutputError, write_output
    from tradestats.pipeline import Task, run

    if fmt not in FORMATS:
        _error(f"--format: unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
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
    warnings: list[str] = []
    for outcome in _with_progress(run(items, task, jobs or _default_jobs()), items):
        problems.extend(problem.message for problem in outcome.problems)
        warnings.extend(outcome.warnings)
        figures.extend(outcome.figures)
    for message in problems:
        _error(message)
    for warning in warnings:
        _warning(warning)
    failed = bool(problems)
    rendered = render(figures, fmt)
    if output is not None:
        try:
            write_output(output, rendered, inputs=_inputs(items))
        except OutputError as error:
            _error(str(error))
            raise typer.Exit(Exit.ERROR) from None
    else:
        _stdout(rendered)
    raise typer.Exit(Exit.ERROR if failed else Exit.OK)


def _explain(
    paths: list[str], where: str, config: object, reference: object, reading: str | None
) -> None:
    """``--explain LINE:COL``: the clause, roles and arithmetic of the claims there."""
    from tradestats.explain import explain
    from tradestats.extraction import extract_document
    from tradestats.read import InputError, Source, read
    from tradestats.segment import split_sentences

    line, _, column = where.partition(":")
    if len(paths) != 1 or not (line.isdigit() and column.isdigit()):
        _error("--explain takes LINE:COL (two whole numbers) and exactly one file")
        raise typer.Exit(Exit.ERROR)
    try:
        document = read(Source(paths[0]), reading)
    except InputError as error:
        _error(str(error))
        raise typer.Exit(Exit.ERROR) from None
    sentences = split_sentences(document.text)
    figures = extract_document(document, reference_date=reference, sentences=sentences)  # type: ignore[arg-type]
    _stdout(explain(document, sentences, figures, config, int(line), int(column)))  # type: ignore[arg-type]


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
        list[str] | None,
        typer.Option(
            "--enable", help="Run only these rules (ids or names).", callback=_rules_option
        ),
    ] = None,
    disable: Annotated[
        list[str] | None,
        typer.Option("--disable", help="Do not run these rules.", callback=_rules_option),
    ] = None,
    extra_tolerance: Annotated[
        str | None,
        typer.Option(
            "--extra-tolerance",
            help="Percentage points added to every tolerance (0 to 100).",
            callback=_tolerance_option,
        ),
    ] = None,
    config_path: Annotated[
        str | None,
        typer.Option(
            "--config",
            help="Config file (.tradestats.toml or pyproject.toml); default: found upward.",
            callback=_file_option,
        ),
    ] = None,
    as_of: DateOpt = None,
    input_format: InputFormatOpt = "auto",
    exclude: ExcludeOpt = None,
    jobs: JobsOpt = None,
    changed_since: ChangedSinceOpt = None,
    explain_at: Annotated[
        str | None,
        typer.Option(
            "--explain",
            metavar="LINE:COL",
            help="Print why the claim at LINE:COL of the one file given was judged, or not.",
        ),
    ] = None,
) -> None:
    """Recompute every claim and report the figures that do not add up.

    Exit code 0 when nothing at or above --fail-level was found, 1 when something was,
    2 for usage or input errors.
    """
    from pathlib import Path

    from tradestats.config import ConfigError, config_path_for, load_config, with_overrides
    from tradestats.crosscheck import cross_check
    from tradestats.formatters.check import FORMATS, render
    from tradestats.output import OutputError, display, write_output
    from tradestats.pipeline import Task, collect, run

    if fmt not in FORMATS:
        _error(f"--format: unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(Exit.ERROR)
    reference = _parse_date(as_of)
    try:
        if config_path is not None:
            source: Path | None = Path(config_path)
            if not source.is_file():
                raise ConfigError(f"{display(config_path)}: no such config file")
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
    if explain_at is not None:
        _explain(paths, explain_at, config, reference, reading)
        return
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
        _warning(warning)
    rendered = render(report, fmt)
    if output is not None:
        try:
            write_output(output, rendered, inputs=_inputs(items))
        except OutputError as error:
            _error(str(error))
            raise typer.Exit(Exit.ERROR) from None
    else:
        _stdout(rendered)
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

    _stdout(
        "".join(
            f"{rule.id}  {rule.name}  ({rule.severity})\n    {rule.summary}\n"
            f"    wrong: {rule.wrong}\n    right: {rule.right}\n\n"
            for rule in RULES.values()
        )
    )


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


@contextmanager
def _quiet_matplotlib() -> Iterator[None]:
    """Keep matplotlib's warnings (a glyph missing from the font, a flat axis, a config
    folder it cannot make under a read-only or missing HOME) off standard error, which
    CI reads for the errors of the run."""
    import logging
    import warnings

    logger = logging.getLogger("matplotlib")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _flow(flow: str | None) -> None:
    if flow is not None and flow.lower() not in FLOWS:
        _error(f"--flow: unknown flow {flow!r}; choose one of {', '.join(FLOWS)}")
        raise typer.Exit(Exit.ERROR)


def _check_kind(kind: str) -> None:
    from tradestats.chart import KINDS

    if kind not in KINDS:
        _error(f"--kind: unknown chart kind {kind!r}; choose one of {', '.join(KINDS)}")
        raise typer.Exit(Exit.ERROR)


@app.command("chart")
def chart_command(
    paths: PathsArg,
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            help="The PNG file to write (whole or not at all); a device, FIFO or - straight"
            " through.",
            callback=_file_option,
        ),
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
    with _quiet_matplotlib():  # it warns at import when its config folder cannot be made
        from tradestats.chart import ChartError, choose_kind, png
        from tradestats.chart import chart as draw
    from tradestats.output import OutputError, display, is_special, write_output
    from tradestats.report import chart_tables

    _check_kind(kind)
    _flow(flow)
    if not output.lower().endswith(".png") and not is_special(output):
        _error(f"{display(output)}: charts are PNG files; name the output *.png")
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
        with _quiet_matplotlib():
            figure = draw(chosen, points, growth, report.files)  # type: ignore[arg-type]
            image = png(figure)
    except ChartError as error:
        _error(f"nothing to chart as {chosen}: {error}")
        raise typer.Exit(Exit.ERROR) from None
    try:
        write_output(output, image, inputs=gathered.inputs)
    except OutputError as error:
        _error(str(error))
        raise typer.Exit(Exit.ERROR) from None
    raise typer.Exit(Exit.ERROR if gathered.unreadable else Exit.OK)


@app.command("report")
def report_command(
    paths: PathsArg,
    output_dir: Annotated[
        str,
        typer.Option(
            "--output-dir",
            help="The folder to write (whole or not at all; it holds one report).",
            callback=_folder_option,
        ),
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

    with _quiet_matplotlib():  # it warns at import when its config folder cannot be made
        from tradestats.chart import ChartError
    from tradestats.formatters.check import summary_line
    from tradestats.output import OutputError, display
    from tradestats.report import FORMATS, build, write_directory

    if fmt not in FORMATS:
        _error(f"--format: unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(Exit.ERROR)
    _check_kind(kind)
    _flow(flow)
    gathered = _gathered(paths, as_of, flow, partner, reporter)
    report = gathered.report
    assert report is not None
    try:
        with _quiet_matplotlib():
            files = build(report, kind=kind, fmt=fmt)  # type: ignore[arg-type]
    except ChartError as error:
        _error(f"nothing to chart as {kind}: {error}")
        raise typer.Exit(Exit.ERROR) from None
    try:
        write_directory(files, output_dir, inputs=gathered.inputs)
    except OutputError as error:
        _error(str(error))
        raise typer.Exit(Exit.ERROR) from None
    _stdout(f"{display(Path(output_dir) / f'report.{fmt}')}: {summary_line(report)}\n")
    raise typer.Exit(Exit.ERROR if gathered.unreadable else Exit.OK)


def main() -> None:
    app()
