"""Why a figure was judged, or why it was not: the clause, the roles, the arithmetic.

``tradestats check FILE --explain LINE:COL`` prints, for every claim whose figures stand
at that place, the clause the pattern matched in, the letters the clause was read as, the
role each figure got, the pattern's shape, and the recomputation with its intervals. A
reader who doubts a finding, or wonders why a rate was left alone, sees it in a minute.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from tradestats.arith import Interval
from tradestats.check import judge
from tradestats.clauses import split_clauses
from tradestats.config import Config
from tradestats.link import Relation, link
from tradestats.models import Claim, Document, Figure
from tradestats.patterns import PATTERNS_BY_ID
from tradestats.segment import Sentence


def explain(
    document: Document,
    sentences: Sequence[Sentence],
    figures: Sequence[Figure],
    config: Config,
    line: int,
    column: int,
) -> str:
    """The explanation of every claim with a figure covering ``line:column``."""
    relations = link(document, sentences, figures)
    here = [r for r in relations if any(_covers(document, f, line, column) for f in _all(r))]
    if not here:
        found = [f for f in figures if _covers(document, f, line, column)]
        if not found:
            return f"{document.path}:{line}:{column}: no figure here\n"
        return "".join(
            f"{document.path}:{document.location(f.start)}: {' '.join(f.text.split())} "
            "is in no claim: no pattern links it, and it is no rate of change\n"
            for f in found
        )
    return "\n".join(_one(document, sentences, figures, r, judge(r, config)) for r in here)


def _all(relation: Relation) -> list[Figure]:
    return [f for f in (relation.stated, *relation.inputs) if f is not None]


def _covers(document: Document, figure: Figure, line: int, column: int) -> bool:
    start = document.position(figure.start)
    end = document.position(max(figure.start, figure.end - 1))
    return start <= (line, column) <= end


def _one(
    document: Document,
    sentences: Sequence[Sentence],
    figures: Sequence[Figure],
    relation: Relation,
    claim: Claim,
) -> str:
    anchor = claim.stated or claim.inputs[0]
    lines = [
        f"{document.path}:{document.location(anchor.start)}: {claim.kind} claim, rule {claim.rule}"
    ]
    if relation.clause is not None:
        start, end = relation.clause
        lines.append(f"  clause:   {' '.join(document.text[start:end].split())}")
        tokens = _clause_tokens(document, sentences, figures, start)
        if tokens:
            lines.append(f"  read as:  {tokens}")
    if relation.pattern:
        pattern = PATTERNS_BY_ID.get(relation.pattern)
        shape = f"  ({pattern.shape})" if pattern is not None else ""
        lines.append(f"  pattern:  {relation.pattern}{shape}")
        lines.append(f"  evidence: {relation.evidence}")
    for role, figure in _roles(relation):
        lines.append(
            f"  {role + ':':9} {' '.join(figure.text.split())} = {_plain(figure.value)} "
            f"{figure.unit} (stands for {_stands_for(figure)})"
        )
    lines.append(f"  verdict:  {claim.verdict}")
    if claim.expected is not None:
        lines.append(
            f"  recomputed: {_plain(claim.expected, 4)} (values allow {_plain(claim.expected_low, 4)}"
            f" to {_plain(claim.expected_high, 4)})"
        )
    if claim.accepted_low is not None and claim.accepted_high is not None:
        lines.append(
            f"  stated:   {_plain(claim.stated_value)} accepts {_plain(claim.accepted_low, 4)} to "
            f"{_plain(claim.accepted_high, 4)}"
        )
    if claim.note:
        lines.append(f"  why:      {claim.note}")
    return "\n".join(lines) + "\n"


def _stands_for(figure: Figure) -> str:
    """The values a figure stands for: its rounding, its range, or what its hedge allows."""
    span = Interval.of(figure)
    hedge = figure.qualifier
    if hedge in ("over", "more than", "at least") and figure.low is not None:
        return f"{_plain(span.low)} or more, for '{hedge}'"
    if hedge in ("less than", "up to") and figure.low is not None:
        return f"up to {_plain(span.high)}, for '{hedge}'"
    said = f", for '{hedge}'" if hedge else ""
    return f"{_plain(span.low)} to {_plain(span.high)}{said}"


def _roles(relation: Relation) -> list[tuple[str, Figure]]:
    named = [("stated", relation.stated), ("new", relation.new), ("old", relation.old)]
    named.append(("change", relation.change))
    named += [("part", part) for part in relation.parts]
    return [(role, figure) for role, figure in named if figure is not None]


def _clause_tokens(
    document: Document, sentences: Sequence[Sentence], figures: Sequence[Figure], start: int
) -> str:
    for index, sentence in enumerate(sentences):
        if sentence.start <= start < sentence.end:
            inside = [f for f in figures if sentence.start <= f.start < sentence.end]
            for clause in split_clauses(document, sentence, inside, index):
                if clause.start == start:
                    return " ".join(f"{' '.join(t.text.split())}/{t.code}" for t in clause.tokens)
    return ""


def _plain(value: Decimal | None, places: int | None = None) -> str:
    if value is None:
        return "-"
    if places is not None:
        value = round(value, places)
    return format(value.normalize(), "f")
