"""The records that flow through the pipeline: read -> segment -> extract -> link -> check.

Every stage returns frozen dataclasses so that later stages (formatters, tables, charts)
can only consume them, never patch them up.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any, Literal

FigureKind = Literal["money", "percent", "percentage_points", "multiple", "quantity"]
Direction = Literal["up", "down"]
Flow = Literal["exports", "imports", "trade", "balance", "deficit", "surplus"]
Role = Literal["level", "change", "share", "rate"]

ClaimKind = Literal["growth", "change", "comparison", "multiple", "points", "balance", "total"]
Verdict = Literal[
    "consistent", "consistent_rounding", "inconsistent", "unverifiable", "information"
]
Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")


@dataclass(frozen=True, slots=True)
class Document:
    """A text to analyse and where it came from.

    Line/column positions are computed here once, for every later stage, from the same
    text that the character offsets index.
    """

    text: str
    path: str = "<string>"
    _line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self._line_starts:
            starts = [0]
            find = self.text.find
            pos = find("\n")
            while pos != -1:
                starts.append(pos + 1)
                pos = find("\n", pos + 1)
            object.__setattr__(self, "_line_starts", tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1


@dataclass(frozen=True, slots=True)
class Period:
    """A span of whole months, as the text states it (``text``) and as resolved."""

    start: str | None  # YYYY-MM
    end: str | None  # YYYY-MM
    text: str


@dataclass(frozen=True, slots=True)
class Figure:
    """One number in the text and what it is.

    ``value`` is exact and normalized (money in whole currency units, percent as printed
    number); ``printed`` keeps the digits as they appear and ``ulp`` is one unit in the
    last printed place, in the same units as ``value``: the checker needs both to know
    which interval the writer's rounding stands for.
    """

    text: str
    start: int
    end: int
    line: int
    column: int
    kind: FigureKind
    value: Decimal
    unit: str
    printed: str
    ulp: Decimal
    path: str = "<string>"
    low: Decimal | None = None
    high: Decimal | None = None
    qualifier: str | None = None
    direction: Direction | None = None
    role: Role | None = None
    flow: Flow | None = None
    reporter: str | None = None
    partner: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    period_text: str | None = None
    expectation: bool = False

    @property
    def bounds(self) -> tuple[Decimal, Decimal]:
        """The interval of true values that the printed figure can stand for."""
        half = self.ulp / 2
        low = self.low if self.low is not None else self.value
        high = self.high if self.high is not None else self.value
        return low - half, high + half

    def as_record(self) -> dict[str, Any]:
        """The one canonical serialization that every machine format starts from."""
        record: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Decimal):
                value = decimal_to_json(value)
            record[f.name] = value
        return record


def decimal_to_json(value: Decimal) -> int | float | str:
    """Integers stay integers; other values go out as their shortest exact decimal float.

    JSON readers parse numbers as binary floats anyway; the exact digits survive in
    ``printed``.
    """
    if value == value.to_integral_value():
        return int(value)
    return float(value)


@dataclass(frozen=True, slots=True)
class Claim:
    """Figures the text says are related, and what recomputing them gives.

    ``stated`` is the figure the text asserts (a rate, a multiple, a balance); ``inputs``
    are the figures it is recomputed from. ``expected`` is the exact recomputation from
    the printed values; ``expected_low``/``expected_high`` the range the rounding of those
    values allows; ``accepted_low``/``accepted_high`` the range the stated figure stands
    for (its own rounding, widened for "about" and the like).
    """

    kind: ClaimKind
    rule: str
    verdict: Verdict
    stated: Figure | None
    inputs: tuple[Figure, ...]
    expected: Decimal | None
    expected_low: Decimal | None
    expected_high: Decimal | None
    stated_value: Decimal | None = None
    accepted_low: Decimal | None = None
    accepted_high: Decimal | None = None
    unit: str = "%"
    link: str = ""  # why these figures were linked, in words
    note: str = ""  # what made the verdict, e.g. "direction: stated a rise, values fall"

    @property
    def anchor(self) -> Figure:
        """The figure a finding points at: the stated one, else the first input."""
        return self.stated if self.stated is not None else self.inputs[0]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem to show a user: where, which rule, and the arithmetic behind it."""

    rule: str
    severity: Severity
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    stated: str
    expected: str
    expected_low: str
    expected_high: str
    claim: Claim


@dataclass(frozen=True, slots=True)
class InputProblem:
    """An input that could not be read; reported, never raised past the CLI."""

    path: str
    message: str


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run found, in a stable order; formatters render only this."""

    files: tuple[str, ...]
    figures: tuple[Figure, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    problems: tuple[InputProblem, ...] = ()
    # Things to tell the user that are not findings, e.g. an unknown rule in a directive.
    warnings: tuple[str, ...] = ()

    def verdict_counts(self) -> dict[str, int]:
        counts = {
            v: 0
            for v in (
                "consistent",
                "consistent_rounding",
                "inconsistent",
                "unverifiable",
                "information",
            )
        }
        for claim in self.claims:
            counts[claim.verdict] += 1
        return counts
