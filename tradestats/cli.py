"""The ``tradestats`` command: parse options, run the pipeline, pick a formatter, exit.

No analysis happens here, and heavy libraries are imported only inside the commands
that need them, so ``tradestats --help`` and pre-commit runs start fast.
"""

from __future__ import annotations

import sys
from datetime import date
from enum import IntEnum
from typing import Annotated

import typer

from tradestats import __version__

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
    typer.Argument(help="Files or directories (.txt, .md, searched recursively); - for stdin."),
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
) -> None:
    """List every trade figure with its kind, value, flow, countries and period."""
    from tradestats.extraction import extract_document
    from tradestats.formatters.figures import FORMATS, render
    from tradestats.output import OutputError, write_atomic
    from tradestats.read import InputError, expand, read

    if fmt not in FORMATS:
        _error(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        raise typer.Exit(Exit.ERROR)
    reference = _parse_date(as_of)
    figures = []
    failed = False
    for item in expand(paths):
        if isinstance(item, InputError):
            _error(str(item))
            failed = True
            continue
        try:
            document = read(item)
        except InputError as error:
            _error(str(error))
            failed = True
            continue
        figures.extend(
            extract_document(document, reference_date=reference, include_quantities=all_quantities)
        )
    rendered = render(figures, fmt)
    if output:
        try:
            write_atomic(output, rendered)
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
) -> None:
    """Recompute every claim and report the figures that do not add up.

    Exit code 0 when nothing at or above --fail-level was found, 1 when something was,
    2 for usage or input errors.
    """
    from pathlib import Path

    from tradestats.config import ConfigError, find_config, load_config, with_overrides
    from tradestats.formatters.check import FORMATS, render
    from tradestats.output import OutputError, write_atomic
    from tradestats.pipeline import analyze

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
            first = next((p for p in paths if p != "-"), ".")
            start = Path(first)
            source = find_config(start if start.is_dir() else start.parent)
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
    report = analyze(paths, config, reference_date=reference)
    for problem in report.problems:
        _error(problem.message)
    for warning in report.warnings:
        typer.echo(f"tradestats: warning: {warning}", err=True)
    rendered = render(report, fmt)
    if output:
        try:
            write_atomic(output, rendered)
        except OutputError as error:
            _error(str(error))
            raise typer.Exit(Exit.ERROR) from None
    else:
        sys.stdout.write(rendered)
    if report.problems:
        raise typer.Exit(Exit.ERROR)
    failing = any(config.fails(finding.severity) for finding in report.findings)
    raise typer.Exit(Exit.FINDINGS if failing else Exit.OK)


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


def main() -> None:
    app()
