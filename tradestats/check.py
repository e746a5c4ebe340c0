"""Relations -> judged claims -> findings, under the rules, config and suppressions.

Every verdict comes from interval arithmetic on the printed digits: a claim is
``consistent`` when the exact recomputation rounds to what is stated,
``consistent_rounding`` when only the rounding of the printed values makes it so,
``inconsistent`` when no values the printed figures can stand for give the stated one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from tradestats.arith import HUNDRED, Interval, divide, growth, growth_exact, ratio, round_to
from tradestats.config import Config
from tradestats.extraction.context import direction_of
from tradestats.link import Relation, link
from tradestats.models import Claim, Document, Figure, Finding, InputProblem, Verdict
from tradestats.rules import RULES
from tradestats.segment import Sentence
from tradestats.suppress import parse_suppressions

# "about 4%", "nearly 43%": writers round loosely; accept 1.5 points either side, the
# convention the hand-checked growth cases use.
APPROXIMATE_POINTS = Decimal("1.5")
# "doubled" for anything within 5% of twice.
MULTIPLE_TOLERANCE = Decimal("0.05")
# A mismatch beyond a factor of three and this many points is taken for a mislink.
MISMATCH_POINTS = Decimal(5)
_APPROXIMATE = frozenset({"about", "nearly"})
_LOWER_BOUND = frozenset({"over", "more than", "at least"})
_UPPER_BOUND = frozenset({"less than", "up to"})
_INFINITY = Decimal("1e30")


@dataclass(frozen=True, slots=True)
class DocumentResult:
    figures: tuple[Figure, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    warnings: tuple[str, ...] = ()
    # Faults of ours while linking or judging, each costing one sentence or one claim.
    faults: tuple[InputProblem, ...] = ()


def check_document(
    document: Document,
    config: Config,
    *,
    sentences: Sequence[Sentence] | None = None,
    figures: Sequence[Figure] | None = None,
) -> DocumentResult:
    """Link and judge every claim of one document, and turn failures into findings.

    A fault of ours in one sentence or one claim costs only that: it is listed in the
    result's ``faults`` and the rest of the document is still checked.
    """
    from tradestats.extraction import SentenceFaults, extract_document
    from tradestats.segment import split_sentences

    sentences = list(sentences) if sentences is not None else split_sentences(document.text)
    faults: list[InputProblem] = []
    if figures is None:
        figures = extract_document(document, sentences=sentences, faults=faults)
    guard = SentenceFaults(document, faults, lost="it is not checked")
    judged = (
        guard.guard(None, _position(r), "this claim", partial(judge, r, config))
        for r in link(document, sentences, figures, faults)
    )
    # A disabled rule checks nothing: its claims are neither judged nor counted.
    claims = [claim for claim in judged if claim is not None and config.is_enabled(claim.rule)]
    suppressions = parse_suppressions(document.text)
    findings = []
    for claim in claims:
        if claim.verdict != "inconsistent":
            continue
        finding = _finding(document, claim, config)
        if not suppressions.is_suppressed(finding.rule, finding.line):
            findings.append(finding)
    findings.sort(key=lambda f: (f.line, f.column, f.rule))
    warnings = tuple(f"{document.path}: {warning}" for warning in suppressions.warnings)
    return DocumentResult(
        tuple(figures), tuple(claims), tuple(findings), warnings, faults=tuple(faults)
    )


def _position(relation: Relation) -> int:
    """Where a claim is reported: its stated figure, else its first value."""
    figure = relation.stated or (relation.inputs[0] if relation.inputs else None)
    return figure.start if figure is not None else 0


# --- judging ----------------------------------------------------------------------------


def _signed_rate(rate: Figure, direction: str | None = None) -> Decimal:
    """The rate with the sign its words give: "fell 3%" is -3, "-3%" stays -3. The words
    of the claim pattern (``direction``) win over the figure's own reading."""
    if (direction or rate.direction) == "down" and rate.value > 0:
        return -rate.value
    return rate.value


def accepted_range(stated: Figure, value: Decimal, config: Config) -> tuple[Interval, str]:
    """What the stated figure stands for, and the tolerance in words."""
    half = stated.ulp / 2
    extra = config.extra_tolerance
    qualifier = stated.qualifier
    if qualifier in _APPROXIMATE:
        width = APPROXIMATE_POINTS + extra
        return Interval(value - width, value + width), f"±{width} points for '{qualifier}'"
    # "fell by more than 30%" bounds the size of the fall: below -30, not above it.
    if (qualifier in _LOWER_BOUND and value >= 0) or (qualifier in _UPPER_BOUND and value < 0):
        return Interval(value - extra, _INFINITY), f"'{qualifier}' {_plain(abs(value))}"
    if qualifier in _LOWER_BOUND or qualifier in _UPPER_BOUND:
        return Interval(-_INFINITY, value + extra), f"'{qualifier}' {_plain(abs(value))}"
    width = half + extra
    if stated.low is not None and stated.high is not None:
        # A stated range "35-40 pct" accepts anything within it.
        low, high = sorted(
            (value - (stated.value - stated.low), value + (stated.high - stated.value))
        )
        return Interval(low - width, high + width), f"the stated range ±{_plain(width)} points"
    return Interval(value - width, value + width), f"±{_plain(width)} points"


def _plausible(stated: Decimal, exact: Decimal, ratio_only: bool = False) -> bool:
    """Whether values can be the ones a rate describes, so that a mismatch is an error.

    Writers misstate a rate by a little (17.8% for 21.6%) or get its direction wrong; a
    rate of 6% against values that give 284% means the linker paired the wrong values
    (another product, another country), and reporting it would cry wolf. A mismatch is
    reported only when the magnitudes are within a factor of three or 5 points.
    """
    a, b = abs(stated), abs(exact)
    if not ratio_only and abs(a - b) <= MISMATCH_POINTS:
        return True
    return min(a, b) * 3 >= max(a, b)


def _verdict(exact: Decimal, values: Interval, accepted: Interval) -> Verdict:
    if accepted.contains(exact):
        return "consistent"
    if accepted.overlaps(values):
        return "consistent_rounding"
    return "inconsistent"


def judge(relation: Relation, config: Config) -> Claim:
    kind = relation.kind
    if kind == "growth":
        return _judge_growth(relation, config)
    if kind == "multiple":
        return _judge_multiple(relation)
    if kind == "change":
        return _judge_change(relation)
    if kind == "comparison":
        return _judge_comparison(relation)
    if kind == "points":
        return _judge_points(relation, config)
    if kind == "share":
        return _judge_share(relation, config)
    return _judge_identity(relation)


def _base_interval(relation: Relation) -> tuple[Interval, Decimal] | None:
    """The old value, stated or rebuilt from the new value and an absolute change."""
    if relation.old is not None:
        return Interval.of(relation.old), relation.old.value
    if relation.change is not None and relation.new is not None:
        change = relation.change
        direction = relation.direction or change.direction
        sign = -1 if direction == "down" and change.value > 0 else 1
        step = Interval.of(change, change.value * sign)
        return Interval.of(relation.new) - step, relation.new.value - change.value * sign
    return None


def _judged(
    relation: Relation,
    rule: str,
    exact: Decimal,
    values: Interval,
    stated_value: Decimal,
    accepted: Interval,
    unit: str,
    note: str,
    verdict: Verdict | None = None,
) -> Claim:
    """A claim recomputed from its values and compared with what the text states."""
    return Claim(
        kind=relation.kind,
        rule=rule,
        verdict=verdict or _verdict(exact, values, accepted),
        stated=relation.stated,
        inputs=relation.inputs,
        expected=exact,
        expected_low=values.low,
        expected_high=values.high,
        stated_value=stated_value,
        accepted_low=accepted.low,
        accepted_high=accepted.high,
        unit=unit,
        link=relation.link,
        note=note,
        pattern=relation.pattern,
        evidence=relation.evidence,
    )


def _unverifiable(relation: Relation, rule: str, note: str) -> Claim:
    return Claim(
        kind=relation.kind,
        rule=rule,
        verdict="unverifiable",
        stated=relation.stated,
        inputs=relation.inputs,
        expected=None,
        expected_low=None,
        expected_high=None,
        stated_value=relation.stated.value if relation.stated else None,
        link=relation.link,
        note=relation.reason or note,
        pattern=relation.pattern,
        evidence=relation.evidence,
    )


def _measured_growth(relation: Relation) -> tuple[Interval, Decimal] | str:
    """The growth the values give, as the interval their rounding allows and as printed;
    or why there is none."""
    new, old, change = relation.new, relation.old, relation.change
    if new is None and old is not None and change is not None:
        # "were 2.82 billion dlrs, or 0.7 pct, below the level of 431.56 billion": the
        # change over its base, which no current value needs to restate.
        if old.value <= 0:
            return "the base value may be zero or negative"
        direction = relation.direction or change.direction
        sign = -1 if direction == "down" and change.value > 0 else 1
        try:
            part = ratio(Interval.of(change, change.value * sign), Interval.of(old))
        except ZeroDivisionError:
            return "the base value may be zero"
        exact = divide(change.value * sign * HUNDRED, old.value)
        return Interval(part.low * HUNDRED, part.high * HUNDRED), exact
    base = _base_interval(relation)
    if new is None or base is None:
        return relation.reason or "the base value is not stated"
    old_interval, old_exact = base
    try:
        values = growth(Interval.of(new), old_interval)
    except ZeroDivisionError:
        return "the base value may be zero"
    return values, growth_exact(new.value, old_exact)


def _judge_growth(relation: Relation, config: Config) -> Claim:
    rate = relation.stated
    assert rate is not None
    measured = _measured_growth(relation)
    if isinstance(measured, str):
        return _unverifiable(relation, "TS101", measured)
    values, exact = measured
    stated = _signed_rate(rate, relation.direction)
    signed = (relation.direction or rate.direction) is not None or rate.value < 0
    if relation.unsigned:
        signed = False
    if not signed:
        # "a 5% change" names no direction: compare magnitudes.
        exact, values = abs(exact), values.abs()
        stated = abs(stated)
    accepted, tolerance = accepted_range(rate, stated, config)
    verdict = _verdict(exact, values, accepted)
    rule, note = "TS101", f"tolerance {tolerance}"
    if verdict == "inconsistent" and not _plausible(stated, exact):
        return _unverifiable(
            relation,
            "TS101",
            f"the values found give {_plain(round_to(exact, Decimal('0.1')))}%, too far from the rate to be the ones it compares",
        )
    if verdict == "inconsistent" and signed and stated != 0:
        wrong_way = (stated > 0 and exact < 0) or (stated < 0 and exact > 0)
        if wrong_way:
            rule = "TS102"
            note = f"stated a {'rise' if stated > 0 else 'fall'}, the values {'fall' if stated > 0 else 'rise'}"
    if verdict == "inconsistent" and rule == "TS101" and _truncated(rate, stated, values):
        rule = "TS105"
        note = (
            f"tolerance {tolerance}; the values miss it by less than one unit of its last "
            "digit, as a rate cut off rather than rounded does"
        )
    return _judged(relation, rule, exact, values, stated, accepted, "%", note, verdict)


def _truncated(rate: Figure, stated: Decimal, values: Interval) -> bool:
    """Whether the values miss the stated rate's own rounding interval by less than one
    unit of its last digit, as a rate cut off rather than rounded does: "15.5%" where the
    values give 15.55% to 15.80%. Measured without any extra tolerance."""
    if rate.qualifier is not None or rate.ulp <= 0:
        return False
    half = rate.ulp / 2
    gap = max(values.low - (stated + half), (stated - half) - values.high)
    return Decimal(0) < gap < rate.ulp


def _judge_multiple(relation: Relation) -> Claim:
    multiple = relation.stated
    assert multiple is not None
    if relation.new is None and relation.old is not None:
        # "a 25% tariff will double": what it would become, for information.
        result = relation.old.value * multiple.value
        return Claim(
            kind="multiple",
            rule="TS103",
            verdict="information",
            stated=multiple,
            inputs=relation.inputs,
            expected=result,
            expected_low=result,
            expected_high=result,
            stated_value=multiple.value,
            unit=relation.old.unit,
            link=relation.link,
            note=f"{relation.old.text} {multiple.text} is {_plain(result)}{relation.old.unit}",
        )
    if relation.new is None or relation.old is None:
        return _unverifiable(
            relation, "TS103", relation.reason or "the values it multiplies are not stated"
        )
    try:
        values = ratio(Interval.of(relation.new), Interval.of(relation.old))
    except ZeroDivisionError:
        return _unverifiable(relation, "TS103", "the base value may be zero")
    exact = divide(relation.new.value, relation.old.value)
    if not multiple.value / 2 <= exact <= multiple.value * 2:
        return _unverifiable(
            relation,
            "TS103",
            "the values found are too far from the multiple to be the ones it describes",
        )
    width = multiple.value * MULTIPLE_TOLERANCE + multiple.ulp / 2
    accepted = Interval(multiple.value - width, multiple.value + width)
    note = f"tolerance ±{_plain(MULTIPLE_TOLERANCE * HUNDRED)}% of the multiple"
    return _judged(relation, "TS103", exact, values, multiple.value, accepted, "x", note)


def _judge_points(relation: Relation, config: Config) -> Claim:
    """A change between two rates: in points it is their difference, in percent their
    relative change. Either reading may be meant; confusing them is TS201."""
    rate = relation.stated
    assert rate is not None
    if relation.new is None or relation.old is None:
        # Linked but declined ("picked up to about 7.5%"): the reason says why.
        return _unverifiable(
            relation, "TS201", relation.reason or "the rates it joins are not stated"
        )
    new, old = Interval.of(relation.new), Interval.of(relation.old)
    points = new - old
    points_exact = relation.new.value - relation.old.value
    stated = _signed_rate(rate, relation.direction)
    accepted, tolerance = accepted_range(rate, stated, config)
    points_verdict = _verdict(points_exact, points, accepted)
    try:
        relative = growth(new, old)
        relative_exact = growth_exact(relation.new.value, relation.old.value)
        relative_verdict = _verdict(relative_exact, relative, accepted)
    except ZeroDivisionError:
        relative, relative_exact, relative_verdict = None, None, "unverifiable"
    in_points = rate.kind == "percentage_points"
    if in_points:
        values, exact, verdict = points, points_exact, points_verdict
        unit, rule, note = "pp", "TS101", f"tolerance {tolerance}"
        if verdict == "inconsistent" and relative_verdict != "inconsistent":
            assert relative_exact is not None
            rule = "TS201"
            note = f"the stated figure is the relative change, {_percent(relative_exact, 1)}%"
    else:
        if relative is None or relative_exact is None:
            return _unverifiable(relation, "TS201", "the base rate may be zero")
        values, exact, verdict = relative, relative_exact, relative_verdict
        unit, rule, note = "%", "TS101", f"tolerance {tolerance}"
        if verdict == "inconsistent" and points_verdict != "inconsistent":
            rule = "TS201"
            note = f"the stated figure is the difference in points, {_plain(points_exact)} pp"
    return _judged(relation, rule, exact, values, stated, accepted, unit, note, verdict)


def _judge_share(relation: Relation, config: Config) -> Claim:
    """A part's stated share of a total: part / total * 100, rounding-aware."""
    share = relation.stated
    assert share is not None
    if relation.new is None or relation.old is None:
        return _unverifiable(
            relation, "TS303", relation.reason or "the part or the total is not stated"
        )
    part, whole = Interval.of(relation.new), Interval.of(relation.old)
    if whole.contains_zero():
        return _unverifiable(relation, "TS303", "the total may be zero")
    corners = [
        divide(p * HUNDRED, w) for p in (part.low, part.high) for w in (whole.low, whole.high)
    ]
    values = Interval(min(corners), max(corners))
    exact = divide(relation.new.value * HUNDRED, relation.old.value)
    accepted, tolerance = accepted_range(share, share.value, config)
    verdict = _verdict(exact, values, accepted)
    if verdict == "inconsistent" and not _plausible(share.value, exact):
        return _unverifiable(relation, "TS303", "the values found are too far from the share")
    return _judged(
        relation,
        "TS303",
        exact,
        values,
        share.value,
        accepted,
        "%",
        f"tolerance {tolerance}",
        verdict,
    )


def _judge_change(relation: Relation) -> Claim:
    change = relation.stated
    assert change is not None
    if relation.new is None or relation.old is None:
        # Linked but declined ("rose about $2 billion to X from Y"): the reason says why.
        return _unverifiable(relation, "TS104", "the values it joins are not stated")
    values = Interval.of(relation.new) - Interval.of(relation.old)
    exact = relation.new.value - relation.old.value
    sign = -1 if (relation.direction or change.direction) == "down" and change.value > 0 else 1
    stated = change.value * sign
    if stated and exact and not _plausible(abs(stated), abs(exact), ratio_only=True):
        return _unverifiable(
            relation,
            "TS104",
            "the values found are too far from the change to be the ones it joins",
        )
    accepted = Interval.of(change, stated)
    note = f"tolerance ±{_tolerance(change)}"
    return _judged(relation, "TS104", exact, values, stated, accepted, change.unit, note)


def _judge_comparison(relation: Relation) -> Claim:
    assert relation.new is not None and relation.old is not None
    try:
        values = growth(Interval.of(relation.new), Interval.of(relation.old))
    except ZeroDivisionError:
        return _unverifiable(relation, "TS101", "the base value may be zero")
    exact = growth_exact(relation.new.value, relation.old.value)
    if relation.said:
        # "rose to $X from $Y": the word says which way; the values must agree unless
        # their rounding leaves the direction open.
        up = (relation.direction or direction_of(relation.said)) == "up"
        wrong = values.high < 0 if up else values.low > 0
        return Claim(
            kind="comparison",
            rule="TS102",
            verdict="inconsistent" if wrong else "consistent",
            stated=None,
            inputs=relation.inputs,
            expected=exact,
            expected_low=values.low,
            expected_high=values.high,
            link=relation.link,
            note=f"'{relation.said}' says the values {'rise' if up else 'fall'}",
            pattern=relation.pattern,
            evidence=relation.evidence,
        )
    return Claim(
        kind="comparison",
        rule="TS101",
        verdict="information",
        stated=None,
        inputs=relation.inputs,
        expected=exact,
        expected_low=values.low,
        expected_high=values.high,
        link=relation.link,
        note="implied change; no rate is stated",
    )


def _judge_identity(relation: Relation) -> Claim:
    stated = relation.stated
    assert stated is not None
    exports, imports = relation.parts
    e, i = Interval.of(exports), Interval.of(imports)
    if relation.kind == "total":
        values, exact, rule = e + i, exports.value + imports.value, "TS302"
        accepted = Interval.of(stated)
        stated_value = stated.value
    else:
        values, exact, rule = e - i, exports.value - imports.value, "TS301"
        stated_value = stated.value
        if stated.flow == "deficit" and stated.value > 0:
            stated_value = -stated.value  # a deficit is a negative balance
        if stated.flow == "surplus" and stated.value < 0:
            stated_value = -stated.value
        accepted = Interval.of(stated, stated_value)
    note = f"tolerance ±{_tolerance(stated)}"
    return _judged(relation, rule, exact, values, stated_value, accepted, stated.unit, note)


# --- findings ---------------------------------------------------------------------------


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def _decimals(ulp: Decimal) -> int:
    exponent = ulp.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _percent(value: Decimal, decimals: int, sign: bool = True) -> str:
    step = Decimal(1).scaleb(-decimals)
    rounded = round_to(value, step)
    text = f"{rounded:.{decimals}f}"
    return f"+{text}" if sign and rounded > 0 else text


_SCALE_WORDS = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)


def _tolerance(figure: Figure) -> str:
    """Half a unit in the last printed place, in the figure's own scale: "USD 0.05 billion"."""
    half = figure.ulp / 2
    for factor, word in _SCALE_WORDS:
        if abs(figure.value) >= factor:
            return f"{figure.unit} {_plain(half / factor)} {word}"
    return f"{figure.unit} {_plain(half)}"


def _money(value: Decimal, like: Figure) -> str:
    """A recomputed amount in the scale of the figure it is compared with."""
    for factor, word in _SCALE_WORDS:
        if abs(like.value) >= factor:
            decimals = _decimals(like.ulp / factor) if like.ulp else 2
            return f"{like.unit} {round_to(value / factor, Decimal(1).scaleb(-decimals)):.{decimals}f} {word}"
    return f"{like.unit} {_plain(value)}"


def _surface(figure: Figure) -> str:
    return " ".join(figure.text.split())


def describe(claim: Claim) -> tuple[str, str, str, str, str]:
    """(message, stated, expected, expected_low, expected_high) for a finding."""
    assert claim.expected is not None
    assert claim.expected_low is not None and claim.expected_high is not None
    if claim.stated is None:
        # A word of direction and two values, no rate stated.
        word = claim.note.split("'")[1]
        new, old = claim.inputs[0], claim.inputs[1]
        expected = _percent(claim.expected, 1) + "%"
        low = _percent(claim.expected_low, 2, sign=False) + "%"
        high = _percent(claim.expected_high, 2, sign=False) + "%"
        message = (
            f"direction: '{word}' but {_surface(new)} vs {_surface(old)} is {expected} "
            f"({low} to {high} given the rounding of both values)"
        )
        return message, word, expected, low, high
    stated = claim.stated
    if claim.kind == "points":
        decimals = _decimals(stated.ulp)
        suffix = " points" if claim.unit == "pp" else "%"
        expected = _percent(claim.expected, decimals) + suffix
        low = _percent(claim.expected_low, decimals + 1, sign=False) + suffix
        high = _percent(claim.expected_high, decimals + 1, sign=False) + suffix
        new, old = claim.inputs[0], claim.inputs[1]
        label = "points" if claim.rule == "TS201" else "growth"
        reading = "a difference of" if claim.unit == "pp" else "a relative change of"
        message = (
            f"{label}: stated {_surface(stated)} but {_surface(old)} to {_surface(new)} is "
            f"{reading} {expected} ({low} to {high} given the rounding of both values; {claim.note})"
        )
        return message, _surface(stated), expected, low, high
    if claim.kind == "share":
        decimals = _decimals(stated.ulp)
        expected = _percent(claim.expected, decimals, sign=False) + "%"
        low = _percent(claim.expected_low, decimals + 1, sign=False) + "%"
        high = _percent(claim.expected_high, decimals + 1, sign=False) + "%"
        part, whole = claim.inputs[0], claim.inputs[1]
        message = (
            f"share: stated {_surface(stated)} but {_surface(part)} of {_surface(whole)} is "
            f"{expected} ({low} to {high} given the rounding of both values; {claim.note})"
        )
        return message, _surface(stated), expected, low, high
    if claim.kind in ("growth", "comparison"):
        decimals = _decimals(stated.ulp)
        expected = _percent(claim.expected, decimals) + "%"
        low = _percent(claim.expected_low, decimals + 1, sign=False) + "%"
        high = _percent(claim.expected_high, decimals + 1, sign=False) + "%"
        new, *rest = claim.inputs
        if len(rest) == 1 and claim.inputs[1].role == "change":
            base = f"{_surface(new)} after a change of {_surface(claim.inputs[1])}"
        else:
            base = f"{_surface(new)} vs {_surface(rest[0])}" if rest else _surface(new)
        label = "direction" if claim.rule == "TS102" else "growth"
        message = (
            f"{label}: stated {_surface(stated)} but {base} is {expected} "
            f"({low} to {high} given the rounding of both values; {claim.note})"
        )
        return message, _surface(stated), expected, low, high
    if claim.kind == "multiple":
        expected = f"{claim.expected:.2f}x"
        low, high = f"{claim.expected_low:.3f}x", f"{claim.expected_high:.3f}x"
        new, old = claim.inputs[0], claim.inputs[1]
        message = (
            f"multiple: stated '{_surface(stated)}' ({_plain(stated.value)}x) but {_surface(new)} vs "
            f"{_surface(old)} is {expected} ({low} to {high}; {claim.note})"
        )
        return message, _surface(stated), expected, low, high
    like = claim.inputs[0]
    expected = _money(claim.expected, like)
    low, high = _money(claim.expected_low, like), _money(claim.expected_high, like)
    if claim.kind == "change":
        new, old = claim.inputs[0], claim.inputs[1]
        message = (
            f"change: stated {_surface(stated)} but {_surface(new)} minus {_surface(old)} is "
            f"{expected} ({low} to {high}; {claim.note})"
        )
    else:
        exports, imports = claim.inputs[-2], claim.inputs[-1]
        what = "exports plus imports" if claim.kind == "total" else "exports minus imports"
        result = expected
        if claim.kind == "balance":
            # Said the way the text says it: "a deficit of USD 6.0 billion".
            magnitude = _money(abs(claim.expected), like)
            result = f"a {'deficit' if claim.expected < 0 else 'surplus'} of {magnitude}"
        message = (
            f"{claim.kind}: stated {stated.flow} {_surface(stated)} but {what} "
            f"({_surface(exports)}, {_surface(imports)}) is {result} ({low} to {high}; {claim.note})"
        )
    return message, _surface(stated), expected, low, high


def _finding(document: Document, claim: Claim, config: Config) -> Finding:
    anchor = claim.anchor
    end_line, end_column = document.position(anchor.end)
    message, stated, expected, low, high = describe(claim)
    if claim.pattern:
        message += f" [linked by {claim.pattern}]"
    severity = config.severity_of(claim.rule)
    if claim.evidence == "sentence" and severity == "error":
        # A link across sentences leaves room for doubt: never fail a build on it alone.
        severity = "warning"
    if severity == "error" and any(f.qualifier for f in claim.inputs):
        # A value hedged "about" or "more than" stands for a range the writer chose, not
        # one the digits give: a mismatch is worth a look, not a failed build.
        severity = "warning"
    return Finding(
        rule=claim.rule,
        severity=severity,  # type: ignore[arg-type]
        path=document.path,
        line=anchor.line,
        column=anchor.column,
        end_line=end_line,
        end_column=end_column,
        message=message,
        stated=stated,
        expected=expected,
        expected_low=low,
        expected_high=high,
        claim=claim,
    )


__all__ = ["RULES", "DocumentResult", "accepted_range", "check_document", "describe", "judge"]
