"""The records that flow through the pipeline: read -> segment -> extract -> link -> check.

Every stage returns frozen dataclasses so that later stages (formatters, tables, charts)
can only consume them, never patch them up.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import MISSING, dataclass, field, fields
from datetime import date
from decimal import Decimal
from typing import Any, Literal, TypeVar

FigureKind = Literal["money", "percent", "percentage_points", "multiple", "quantity"]
Direction = Literal["up", "down"]
Flow = Literal["exports", "imports", "trade", "balance", "deficit", "surplus"]
Role = Literal["level", "change", "share", "rate"]

ClaimKind = Literal[
    "growth", "change", "comparison", "multiple", "points", "balance", "total", "share"
]
Verdict = Literal[
    "consistent", "consistent_rounding", "inconsistent", "unverifiable", "information"
]
Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")


LocationStyle = Literal["line", "paragraph", "page"]

_Frozen = TypeVar("_Frozen", bound=type)


def quick_init(cls: _Frozen) -> _Frozen:
    """Give a frozen, slotted dataclass an ``__init__`` that fills its slots directly.

    A frozen dataclass's own ``__init__`` sets each field with ``object.__setattr__``, a
    detour round the ``__setattr__`` that refuses assignment. For the two dozen fields of
    a Figure that detour is most of the cost of making one, and extraction makes one for
    every figure of a corpus and a sentence for every sentence. Each slot's descriptor
    sets the same value a third quicker. The signature, the defaults and the refusal of
    any later assignment stay the dataclass's own; a class with ``__post_init__``, a
    default factory or a field left out of ``__init__`` keeps the dataclass's method.
    """
    own = fields(cls)  # type: ignore[arg-type]
    if (
        "__post_init__" in vars(cls)
        or "__slots__" not in vars(cls)
        or any(f.default_factory is not MISSING or not f.init or f.kw_only for f in own)
    ):
        return cls
    names = [f.name for f in own]
    namespace: dict[str, Any] = {f"_set_{n}": vars(cls)[n].__set__ for n in names}
    parameters = []
    for f in own:
        if f.default is MISSING:
            parameters.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            parameters.append(f"{f.name}=_default_{f.name}")
    body = "".join(f"    _set_{n}(self, {n})\n" for n in names) or "    pass\n"
    exec(f"def __init__(self, {', '.join(parameters)}):\n{body}", namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    init.__annotations__ = dict(cls.__init__.__annotations__)
    cls.__init__ = init
    return cls


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Where each stretch of a document's text came from in its source file.

    Markdown, HTML and Word text is rebuilt from its source (markup dropped, table rows
    written out as sentences), so offsets into the text no longer give source positions.
    The text is a run of pieces sorted by offset: a verbatim piece was copied from
    ``(line, column)`` on and its column advances with the text; a synthesized piece (the
    words written around a table cell) stays at its anchor. No pieces means the text's own
    lines are the source's (plain text, PDF).

    ``style`` says how a position reads to a person: ``line`` ("12:5"), ``paragraph``
    (Word: "¶12", a line being a paragraph) or ``page`` (PDF: "p2:14:5", from the first
    line of each page in ``pages``). ``labels`` names lines that need more than a number
    (a Word table cell: "¶14/T1R3C2").
    """

    starts: tuple[int, ...] = ()
    lines: tuple[int, ...] = ()
    columns: tuple[int, ...] = ()
    verbatim: tuple[bool, ...] = ()
    style: LocationStyle = "line"
    pages: tuple[int, ...] = ()
    labels: tuple[tuple[int, str], ...] = ()

    def __post_init__(self) -> None:
        sizes = {len(self.starts), len(self.lines), len(self.columns), len(self.verbatim)}
        if len(sizes) != 1:
            raise ValueError("SourceMap: starts, lines, columns and verbatim differ in length")

    def position(self, offset: int) -> tuple[int, int]:
        """1-based source (line, column) of a text offset; needs at least one piece."""
        index = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        column = self.columns[index]
        if self.verbatim[index]:
            column += offset - self.starts[index]
        return self.lines[index], column

    def label(self, line: int, column: int) -> str:
        """A position as a person finds it in the source: "12:5", "¶12", "p2:14:5"."""
        if self.style == "paragraph":
            named = dict(self.labels).get(line)
            return named if named is not None else f"¶{line}"
        if self.style == "page" and self.pages:
            page = bisect.bisect_right(self.pages, line)
            return f"p{page}:{line - self.pages[page - 1] + 1}:{column}"
        return f"{line}:{column}"


@dataclass(frozen=True, slots=True)
class Document:
    """A text to analyse and where it came from.

    Line/column positions are computed here once, for every later stage. For plain text
    they come from the text itself; a document rebuilt from Markdown, HTML, Word or PDF
    carries a ``source`` map so that positions point into the file the writer edits.
    """

    text: str
    path: str = "<string>"
    source: SourceMap | None = None
    # The publication date the file itself declares (HTML meta, Word or PDF properties)
    # and where it says so; the text and the file name are read later (tradestats.dates).
    published: date | None = None
    published_source: str | None = None
    _line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def _starts(self) -> tuple[int, ...]:
        """Where each line begins, worked out on the first position asked for: most
        documents of a news feed hold no figure, and nobody asks for a position in them."""
        if not self._line_starts:
            starts = [0]
            find = self.text.find
            pos = find("\n")
            while pos != -1:
                starts.append(pos + 1)
                pos = find("\n", pos + 1)
            object.__setattr__(self, "_line_starts", tuple(starts))
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset, in the source file."""
        if self.source is not None and self.source.starts:
            return self.source.position(offset)
        starts = self._starts()
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    @property
    def labelled(self) -> bool:
        """Whether positions read as something other than line:column (Word, PDF)."""
        return self.source is not None and self.source.style != "line"

    def location(self, offset: int) -> str:
        """A character offset as a person finds it: "12:5", "¶12", "p2:14:5"."""
        line, column = self.position(offset)
        if self.source is None:
            return f"{line}:{column}"
        return self.source.label(line, column)


@dataclass(frozen=True, slots=True)
class Period:
    """A span of whole months, as the text states it (``text``) and as resolved."""

    start: str | None  # YYYY-MM
    end: str | None  # YYYY-MM
    text: str


@quick_init
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
    # The document's date, which months without a year were counted from (ISO), and
    # where it came from ("given", "html meta article:published_time", "file name").
    date: str | None = None
    date_source: str | None = None
    # The unit a price is per ("barrel" for "$71.40 per barrel"); None for a total. A
    # price and a total in the same currency are different quantities.
    per: str | None = None

    @property
    def location(self) -> str:
        """Where the figure is, as a person finds it; "line:column" for text."""
        return f"{self.line}:{self.column}"

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


@dataclass(frozen=True, slots=True)
class LocatedFigure(Figure):
    """A figure from a Word or PDF file, whose place is not a line and column.

    ``line`` stays a number (the paragraph, or the line over all pages) for SARIF and
    sorting; ``label`` is what a person looks for: "¶12", "¶14/T1R3C2", "p2:14:5". A
    subclass rather than a new Figure field, so that text results and the CSV columns
    stay as they were; JSON records of these figures gain a ``label`` key.
    """

    label: str = ""

    @property
    def location(self) -> str:
        return self.label


def decimal_to_json(value: Decimal) -> int | float | str:
    """Integers stay integers; other values go out as their shortest exact decimal float.

    JSON readers parse numbers as binary floats anyway; the exact digits survive in
    ``printed``. A value beyond what a float holds goes out as its digits in a string:
    ``float`` would give ``inf``, which JSON cannot write, or lose it to zero.
    """
    if not value.is_finite():
        return str(value)  # never produced by the grammar; JSON has no infinity
    number = float(value)
    if math.isinf(number) or (number == 0 and value != 0):
        # Integers too: a reader that parses numbers as floats would make them infinite.
        return format(value, "f")
    if value == value.to_integral_value():
        return int(value)
    return number


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
    pattern: str = ""  # the claim pattern that linked the figures (tradestats.patterns)
    # How the figures were linked: "clause" (one clause, explicit words), "series" (one
    # sentence, one reporter, partner and period) or "sentence" (across sentences). Only
    # the first two can give an error; the last gives at most a warning.
    evidence: str = ""

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

    @property
    def location(self) -> str:
        """Where the finding is, as a person finds it: its anchor figure's location."""
        return self.claim.anchor.location


@dataclass(frozen=True, slots=True)
class InputProblem:
    """An input, or a part of one, that could not be read; reported, never raised past the CLI.

    ``line`` and ``column`` say where, when the problem is one sentence of a document
    that was otherwise read: its figures are left out, all others kept.
    """

    path: str
    message: str
    line: int | None = None
    column: int | None = None


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
    # A run over thousands of files keeps only what its output shows: figures and claims
    # it dropped are counted here, so the summary's denominators stay whole.
    dropped_figures: int = 0
    dropped_verdicts: tuple[tuple[str, int], ...] = ()
    # Statements of one figure in several documents that agree (TS401 claims not kept).
    agreeing_statements: tuple[tuple[str, int], ...] = ()

    @property
    def figure_count(self) -> int:
        return len(self.figures) + self.dropped_figures

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
        for verdict, count in self.dropped_verdicts:
            counts[verdict] += count
        for claim in self.claims:
            counts[claim.verdict] += 1
        return counts

    @property
    def claim_count(self) -> int:
        return sum(self.verdict_counts().values())
