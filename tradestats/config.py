"""Run settings: defaults, then a config file, then command-line flags.

A file is either ``.tradestats.toml`` (the whole file is the table) or ``pyproject.toml``
(the ``[tool.tradestats]`` table). Users write keys in kebab-case::

    [tool.tradestats]
    disable = ["TS2"]                     # ids, id prefixes, dotted names or name groups
    severity = { "growth.direction" = "warning" }
    fail-level = "warning"
    extra-tolerance = "0.1"               # percentage points added to every accepted range
    exclude = ["drafts/**"]

Rule references are resolved to ids once, here, so that the engine and the suppression
comments only ever compare ids.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, cast

from tradestats.models import SEVERITIES, Severity
from tradestats.output import display
from tradestats.rules import RULES

CONFIG_FILE = ".tradestats.toml"
PYPROJECT = "pyproject.toml"
KEYS: tuple[str, ...] = (
    "disable",
    "enable",
    "exclude",
    "extra-tolerance",
    "fail-level",
    "severity",
)

_FLAG_SEPARATOR = re.compile(r"[\s,]+")
# Past 100 points a tolerance accepts any rate a text can state; a larger one is a typo
# (and an exponent like 1e999999999 would overflow every computation it enters).
MAX_EXTRA_TOLERANCE = Decimal(100)


class ConfigError(Exception):
    """A setting the run cannot trust; one line naming the file (or flag) and the problem."""


class UnknownRuleError(ValueError):
    """A rule reference that matches no id, id prefix, dotted name or name group."""

    def __init__(self, rule: str) -> None:
        self.rule = rule
        message = f"unknown rule {rule!r}"
        close = difflib.get_close_matches(rule, [*RULES, *(r.name for r in RULES.values())], n=1)
        if close:
            message += f" (did you mean {close[0]!r}?)"
        super().__init__(message)


class _Problem(Exception):
    """What is wrong, without where; the public entry points add the place."""


def resolve_rules(names: Iterable[str]) -> frozenset[str]:
    """Rule ids named by ids, id prefixes, dotted names or leading name groups.

    ``TS101`` (any case), ``TS1`` (all TS1xx), ``growth.rate`` and ``growth`` (all
    ``growth.*``) are accepted, so users can write whichever they remember.
    Raises UnknownRuleError for a reference that matches nothing.
    """
    ids: set[str] = set()
    for name in names:
        ids |= _resolve_rule(name)
    return frozenset(ids)


def _resolve_rule(name: str) -> frozenset[str]:
    key = name.strip()
    upper = key.upper()
    if upper in RULES:
        return frozenset((upper,))
    if upper.startswith("TS") and (upper[2:] == "" or upper[2:].isdigit()):
        matches = {rule_id for rule_id in RULES if rule_id.startswith(upper)}
    else:
        lower = key.lower()
        matches = {
            rule.id
            for rule in RULES.values()
            if rule.name == lower or rule.name.startswith(lower + ".")
        }
    if not key or not matches:
        raise UnknownRuleError(name)
    return frozenset(matches)


@dataclass(frozen=True, slots=True)
class Config:
    """Which rules run, how severe their findings are and which severity fails the run.

    Holds rule ids only (names and prefixes are resolved while loading). ``severity`` is a
    sorted tuple of (rule id, level) rather than a dict so that the record stays frozen
    and hashable. ``exclude`` patterns are stored for the file walker, not applied here.
    """

    enable: frozenset[str] | None = None  # None: every rule
    disable: frozenset[str] = field(default_factory=frozenset)
    severity: tuple[tuple[str, str], ...] = ()
    fail_level: str = "error"
    extra_tolerance: Decimal = field(default_factory=Decimal)  # percentage points
    exclude: tuple[str, ...] = ()
    source: str | None = None  # the file it came from, for messages

    def __post_init__(self) -> None:
        try:
            for key, ids in (
                ("enable", self.enable or ()),
                ("disable", self.disable),
                ("severity", [rule_id for rule_id, _ in self.severity]),
            ):
                for rule_id in ids:
                    if rule_id not in RULES:
                        raise _Problem(f"{key}: unknown rule id {rule_id!r}")
            for rule_id, level in self.severity:
                _level(level, "severity", rule_id)
            _level(self.fail_level, "fail-level")
            _tolerance(self.extra_tolerance, "extra-tolerance")
            if not any(self.is_enabled(rule_id) for rule_id in RULES):
                # A check that runs no rule passes every text: never what was meant.
                raise _Problem(
                    "no rule left to run (enable and disable select none); name a rule,"
                    " or leave enable out to run them all"
                )
        except _Problem as problem:
            raise ConfigError(f"{_place(self.source)}{problem}") from None
        # Later pairs win, as they would in a dict; sorting keeps equal configs equal.
        object.__setattr__(self, "severity", tuple(sorted(dict(self.severity).items())))

    def is_enabled(self, rule_id: str) -> bool:
        """Whether a rule runs: enabled (or no enable list) and not disabled."""
        return (self.enable is None or rule_id in self.enable) and rule_id not in self.disable

    def severity_of(self, rule_id: str) -> Severity:
        """The configured level of a rule's findings, else the rule's own default."""
        for overridden, level in self.severity:
            if overridden == rule_id:
                return cast(Severity, level)
        return RULES[rule_id].severity

    def fails(self, severity: str) -> bool:
        """Whether a finding of this severity makes the run fail (severity >= fail-level)."""
        if severity not in SEVERITIES:
            raise ValueError(f"unknown severity {severity!r} (known: {', '.join(SEVERITIES)})")
        return SEVERITIES.index(severity) >= SEVERITIES.index(self.fail_level)


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a file or a directory).

    In each directory ``.tradestats.toml`` wins over ``pyproject.toml``; a pyproject without
    ``[tool.tradestats]`` belongs to some other tool, so the search goes on upward. A
    pyproject that is not valid TOML raises ConfigError rather than being skipped, since it
    might hold the settings the user expects.
    """
    start = start.resolve()
    directory = start if _is_dir(start) else start.parent
    for folder in (directory, *directory.parents):
        candidate = folder / CONFIG_FILE
        if _is_file(candidate):
            return candidate
        candidate = folder / PYPROJECT
        if _is_file(candidate) and _tool_table(_read_toml(candidate)) is not None:
            return candidate
    return None


# A folder the user cannot search holds no config file this run could read; the walker
# reports the folder itself when it is an input.
def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:
        return False


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def config_path_for(paths: Iterable[str]) -> Path | None:
    """The config file that governs a run: found upward from its first named input."""
    start = Path(next((p for p in paths if p != "-"), "."))
    return find_config(start if _is_dir(start) else start.parent)


def load_config(path: Path | None) -> Config:
    """The Config a file describes; defaults for None or a pyproject without our table.

    Any file not named ``pyproject.toml`` is read as a ``.tradestats.toml``, so that a
    ``--config`` flag can point at a file of any name.
    """
    if path is None:
        return Config()
    source = str(path)
    data = _read_toml(path)
    table: object = data
    if path.name == PYPROJECT:
        table = _tool_table(data)
        if table is None:
            return Config(source=source)
    try:
        if not isinstance(table, dict):
            raise _Problem(f"expected a table, got {_kind(table)}")
        return _from_table(table, source)
    except _Problem as problem:
        raise ConfigError(f"{_place(source)}{problem}") from None


def with_overrides(
    config: Config,
    *,
    enable: Iterable[str] | None = None,
    disable: Iterable[str] | None = None,
    fail_level: str | None = None,
    extra_tolerance: Decimal | int | float | str | None = None,
) -> Config:
    """The config with command-line flags applied; flags win over the file.

    ``enable`` replaces the file's list and takes its rules out of the file's ``disable``
    (naming a rule on the command line is the newer, more deliberate choice); ``disable``
    adds to the file's. Each flag value may hold several rules separated by commas.
    """
    try:
        new_enable = config.enable
        new_disable = config.disable
        if enable is not None:
            new_enable = _rules(_split_flag(enable), "--enable")
            new_disable = new_disable - new_enable
        if disable is not None:
            new_disable = new_disable | _rules(_split_flag(disable), "--disable")
        if (enable is not None or disable is not None) and all(
            (new_enable is not None and rule_id not in new_enable) or rule_id in new_disable
            for rule_id in RULES
        ):
            # Said here, naming the flags: the config file did not leave the run empty.
            flags = "/".join(
                name
                for name, given in (("--enable", enable), ("--disable", disable))
                if given is not None
            )
            raise _Problem(
                f"{flags}: no rule left to run (each is disabled or not enabled); a check"
                " that runs none passes every text"
            )
        level = config.fail_level if fail_level is None else _level(fail_level, "--fail-level")
        tolerance = (
            config.extra_tolerance
            if extra_tolerance is None
            else _tolerance(extra_tolerance, "--extra-tolerance")
        )
    except _Problem as problem:
        raise ConfigError(str(problem)) from None
    return dataclasses.replace(
        config,
        enable=new_enable,
        disable=new_disable,
        fail_level=level,
        extra_tolerance=tolerance,
    )


def _from_table(table: dict[str, Any], source: str) -> Config:
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise _Problem(f"unknown key {unknown[0]!r} (known: {', '.join(KEYS)})")
    enable = _rules(_strings(table["enable"], "enable"), "enable") if "enable" in table else None
    disable = _rules(_strings(table.get("disable", []), "disable"), "disable")
    return Config(
        enable=enable,
        disable=disable,
        severity=_severities(table.get("severity", {})),
        fail_level=_level(table.get("fail-level", "error"), "fail-level"),
        extra_tolerance=_tolerance(table.get("extra-tolerance", 0), "extra-tolerance"),
        exclude=tuple(_strings(table.get("exclude", []), "exclude")),
        source=source,
    )


def _severities(value: object) -> tuple[tuple[str, str], ...]:
    """Rule -> level pairs; a broad reference (``TS1``) yields to a narrower one (``TS101``)."""
    if not isinstance(value, dict):
        raise _Problem(f"severity: expected a table of rule = level, got {_kind(value)}")
    resolved: list[tuple[frozenset[str], Severity]] = []
    for name, level in value.items():
        checked = _level(level, "severity", name)
        resolved.append((_rules([name], "severity"), checked))
    # Broadest first, so narrower references overwrite them; ties keep the file's order.
    resolved.sort(key=lambda pair: -len(pair[0]))
    levels: dict[str, str] = {}
    for ids, level in resolved:
        levels.update(dict.fromkeys(ids, level))
    return tuple(sorted(levels.items()))


def _rules(names: list[str], key: str) -> frozenset[str]:
    try:
        return resolve_rules(names)
    except UnknownRuleError as error:
        raise _Problem(f"{key}: {error}") from None


def _strings(value: object, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _Problem(f"{key}: expected a list of strings, got {_kind(value)}")
    return value


def _split_flag(values: Iterable[str]) -> list[str]:
    return [name for value in values for name in _FLAG_SEPARATOR.split(value) if name]


def _level(value: object, key: str, rule: str | None = None) -> Severity:
    if not isinstance(value, str) or value not in SEVERITIES:
        shown = repr(value) if isinstance(value, str) else _kind(value)
        subject = "" if rule is None else f" for {rule!r}"
        known = ", ".join(SEVERITIES)
        raise _Problem(f"{key}: unknown level {shown}{subject} (known: {known})")
    return cast(Severity, value)


def _tolerance(value: object, key: str) -> Decimal:
    """Percentage points as an exact Decimal: floats go through their shortest repr."""
    number: Decimal | None = None
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int) and not isinstance(value, bool):
        number = Decimal(value)
    elif isinstance(value, float | str):
        try:
            # Decimal reads "1_0" as ten; a reader of the option would not.
            number = None if "_" in str(value) else Decimal(str(value).strip())
        except InvalidOperation:
            number = None
    if number is None or not number.is_finite():
        raise _Problem(f"{key}: expected a number of percentage points, got {_kind(value)}")
    if number < 0:
        raise _Problem(f"{key}: must not be negative, got {number}")
    if number > MAX_EXTRA_TOLERANCE:
        raise _Problem(
            f"{key}: at most {MAX_EXTRA_TOLERANCE} percentage points, got {_kind(value)}"
        )
    return number


def _read_toml(path: Path) -> dict[str, Any]:
    shown = display(path)
    try:
        with path.open("rb") as handle:
            data = handle.read()
        # Windows editors save UTF-8 with a byte order mark, which TOML does not allow.
        return tomllib.loads(data.removeprefix(b"\xef\xbb\xbf").decode("utf-8"))
    except tomllib.TOMLDecodeError as error:
        detail = " ".join(str(error).split())
        raise ConfigError(f"{shown}: invalid TOML: {detail}") from None
    except OSError as error:
        raise ConfigError(f"{shown}: cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{shown}: invalid TOML: not UTF-8 ({error.reason})") from None


def _tool_table(data: dict[str, Any]) -> object | None:
    tool = data.get("tool")
    return tool.get("tradestats") if isinstance(tool, dict) else None


def _place(source: str | None) -> str:
    if source is None:
        return "<config>: "
    if Path(source).name == PYPROJECT:
        return f"{display(source)}: [tool.tradestats] "
    return f"{display(source)}: "


_TOML_KINDS = {bool: "boolean", int: "integer", float: "float", str: "string", list: "array"}


def _kind(value: object) -> str:
    """A value as a TOML user would name it, with the value when it is short."""
    if isinstance(value, dict):
        return "a table"
    kind = _TOML_KINDS.get(type(value), type(value).__name__)
    shown = repr(value)
    return f"{kind} {shown}" if len(shown) <= 40 else kind
