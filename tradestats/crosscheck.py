"""Checks that need every document at once: TS401, the same figure stated differently.

``check_document`` sees one document; a chart or report of many releases sees them all,
and a figure that two of them state with values that cannot both be right (a revision,
or a typo in one) deserves a finding of its own. Only the chart and report commands call
this, because only they gather documents into one table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal

from tradestats.arith import Interval
from tradestats.config import Config
from tradestats.models import Claim, Figure, Finding, Report, Verdict

RULE = "TS401"
# The identity of a stated figure: what flows, between whom, over which months, in
# which currency. Two statements with the same key claim the same number.
FigureKey = tuple[str, str, str | None, str, str, str]

_SCALES = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)


def figure_key(figure: Figure) -> FigureKey | None:
    """The key of an exactly stated money level, or None for figures that do not compare.

    A rate, a change, a forecast, a range or a qualified amount ("over $8 billion") does
    not state one number, and a figure with no reporter, flow or period cannot be told
    apart from another country's or year's: comparing those would cry wolf.
    """
    if (
        figure.kind != "money"
        or figure.role not in (None, "level")
        or figure.expectation
        or figure.qualifier is not None
        or figure.low is not None
        or figure.flow is None
        or figure.reporter is None
        or figure.period_start is None
        or figure.period_end is None
    ):
        return None
    return (
        figure.flow,
        figure.reporter,
        figure.partner,
        figure.period_start,
        figure.period_end,
        figure.unit,
    )


def statements(figures: Iterable[Figure]) -> dict[FigureKey, list[Figure]]:
    """Every comparable figure grouped by key, keys and statements in input order."""
    groups: dict[FigureKey, list[Figure]] = {}
    for figure in figures:
        key = figure_key(figure)
        if key is not None:
            groups.setdefault(key, []).append(figure)
    return groups


# Two statements further apart than this are taken for different series (a product, a
# sub-flow, another country the text did not name), not for a revision or an error.
COMPARABLE = Decimal("0.10")


def _verdict(stated: Figure, reference: Figure) -> Verdict:
    accepted, values = Interval.of(stated), Interval.of(reference)
    larger = max(abs(stated.value), abs(reference.value))
    if larger and abs(stated.value - reference.value) > COMPARABLE * larger:
        return "unverifiable"
    if accepted.contains(reference.value):
        return "consistent"
    if accepted.overlaps(values):
        return "consistent_rounding"
    # Wire copy often cuts a figure off rather than rounding it ("1.1 billion" for 1.17
    # billion): a gap under one unit of the coarser figure's last digit is that, not a
    # second value.
    if abs(stated.value - reference.value) < max(stated.ulp, reference.ulp):
        return "consistent_rounding"
    return "inconsistent"


def _money(value: Decimal, unit: str) -> str:
    for factor, word in _SCALES:
        if abs(value) >= factor:
            return f"{unit} {format((value / factor).normalize(), 'f')} {word}"
    return f"{unit} {format(value.normalize(), 'f')}"


def _surface(figure: Figure) -> str:
    return " ".join(figure.text.split())


def _claim(stated: Figure, reference: Figure) -> Claim:
    low, high = reference.bounds
    accepted_low, accepted_high = stated.bounds
    return Claim(
        # No claim kind names agreement yet; a comparison of two statements is closest.
        kind="comparison",
        rule=RULE,
        verdict=_verdict(stated, reference),
        stated=stated,
        inputs=(reference,),
        expected=reference.value,
        expected_low=low,
        expected_high=high,
        stated_value=stated.value,
        accepted_low=accepted_low,
        accepted_high=accepted_high,
        unit=stated.unit,
        link="the same flow, reporter, partner, period and currency in two documents",
        note=f"{reference.path}:{reference.line}:{reference.column} states {_surface(reference)}",
    )


def _finding(claim: Claim, config: Config) -> Finding:
    stated, (reference,) = claim.stated, claim.inputs
    assert stated is not None and claim.expected_low is not None
    assert claim.expected_high is not None
    low, high = _money(claim.expected_low, stated.unit), _money(claim.expected_high, stated.unit)
    period = stated.period_start
    if stated.period_end != stated.period_start:
        period = f"{stated.period_start}..{stated.period_end}"
    between = f"{stated.reporter} to {stated.partner}" if stated.partner else str(stated.reporter)
    message = (
        f"disagreement: {_surface(stated)} for {stated.flow} {between} {period}, but "
        f"{reference.path}:{reference.line}:{reference.column} states {_surface(reference)} "
        f"({low} to {high} given its rounding): a revision, or an error in one of them"
    )
    end_column = stated.column + (stated.end - stated.start)
    return Finding(
        rule=RULE,
        severity=config.severity_of(RULE),
        path=stated.path,
        line=stated.line,
        column=stated.column,
        # Figures do not span lines in practice; a line break inside one would only
        # make the end column approximate.
        end_line=stated.line,
        end_column=end_column,
        message=message,
        stated=_surface(stated),
        expected=_surface(reference),
        expected_low=low,
        expected_high=high,
        claim=claim,
    )


class Thinner:
    """Keeps, of a stream of figures, only those that TS401 can still flag.

    The first statement of each figure is the reference; a later document's statement
    that agrees with it becomes a verdict to count, not an object to keep. What is kept
    gives ``cross_document_claims`` the same disagreements as the whole stream would, so
    a run over thousands of documents holds one figure per series, not per document.
    """

    def __init__(self) -> None:
        self.references: dict[FigureKey, Figure] = {}
        self.judged: set[tuple[FigureKey, str]] = set()
        self.agreeing: Counter[str] = Counter()

    def keep(self, figure: Figure) -> bool:
        key = figure_key(figure)
        if key is None:
            return False
        reference = self.references.setdefault(key, figure)
        if reference is figure:
            return True
        if reference.path == figure.path or (key, figure.path) in self.judged:
            return False
        self.judged.add((key, figure.path))
        verdict = _verdict(figure, reference)
        if verdict == "inconsistent":
            return True
        self.agreeing[verdict] += 1
        return False


def cross_document_claims(figures: Sequence[Figure]) -> list[Claim]:
    """One claim per statement in a later document, judged against the first statement.

    The first statement in input order is the reference, so the finding points at the
    later document: with releases named by date, that is the one that revised the figure.
    Repeats within one document are not compared (the same text restating a number).
    """
    claims = []
    for group in statements(figures).values():
        reference = group[0]
        seen = {reference.path}
        for figure in group[1:]:
            if figure.path in seen:
                continue
            seen.add(figure.path)
            claims.append(_claim(figure, reference))
    return claims


def cross_check(report: Report, config: Config) -> Report:
    """The report with TS401 claims and findings added (findings only where enabled)."""
    if not config.is_enabled(RULE):
        return report
    claims = cross_document_claims(report.figures)
    findings = [_finding(c, config) for c in claims if c.verdict == "inconsistent"]
    # A lean report counted the agreeing statements instead of keeping them.
    dropped = Counter(dict(report.dropped_verdicts))
    dropped.update(dict(report.agreeing_statements))
    order = {path: index for index, path in enumerate(report.files)}
    findings.sort(key=lambda f: (order.get(f.path, 0), f.line, f.column))
    return replace(
        report,
        claims=(*report.claims, *claims),
        findings=(*report.findings, *findings),
        dropped_verdicts=tuple(sorted(dropped.items())),
        agreeing_statements=(),
    )
