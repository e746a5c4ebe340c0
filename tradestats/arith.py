"""Exact interval arithmetic on Decimals, for rounding-aware verdicts.

A printed number stands for every value that rounds to it: "33.53" is [33.525, 33.535].
Results are computed at the interval ends, never with floats.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

from tradestats.models import Figure

HUNDRED = Decimal(100)
# Enough digits that no ratio of printed trade figures loses a significant one.
_PRECISION = 40


@dataclass(frozen=True, slots=True)
class Interval:
    low: Decimal
    high: Decimal

    def __post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError(f"empty interval [{self.low}, {self.high}]")

    @classmethod
    def of(cls, figure: Figure, value: Decimal | None = None) -> Interval:
        """The values a printed figure stands for (``value`` overrides the sign or scale)."""
        half = figure.ulp / 2
        if value is None and figure.low is not None and figure.high is not None:
            # "$5-6 billion" stands for anything from 4.5 to 6.5 billion.
            return cls(figure.low - half, figure.high + half)
        centre = figure.value if value is None else value
        return cls(centre - half, centre + half)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low)

    def abs(self) -> Interval:
        if self.low >= 0:
            return self
        if self.high <= 0:
            return -self
        return Interval(Decimal(0), max(-self.low, self.high))

    def contains_zero(self) -> bool:
        return self.low <= 0 <= self.high

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    def contains(self, value: Decimal) -> bool:
        return self.low <= value <= self.high


def divide(numerator: Decimal, denominator: Decimal) -> Decimal:
    with localcontext() as context:
        context.prec = _PRECISION
        return numerator / denominator


def growth(new: Interval, old: Interval) -> Interval:
    """Range of (new - old) / |old| * 100 over every pair of values in the intervals.

    The function is monotonic in each argument while ``old`` keeps its sign, so its range
    is reached at the corners.
    """
    if old.contains_zero():
        raise ZeroDivisionError("the base value may be zero")
    corners = [
        divide((n - o) * HUNDRED, abs(o)) for n in (new.low, new.high) for o in (old.low, old.high)
    ]
    return Interval(min(corners), max(corners))


def growth_exact(new: Decimal, old: Decimal) -> Decimal:
    return divide((new - old) * HUNDRED, abs(old))


def ratio(new: Interval, old: Interval) -> Interval:
    if old.contains_zero():
        raise ZeroDivisionError("the base value may be zero")
    corners = [divide(n, o) for n in (new.low, new.high) for o in (old.low, old.high)]
    return Interval(min(corners), max(corners))


def round_to(value: Decimal, ulp: Decimal) -> Decimal:
    """``value`` rounded half-up to the printed precision ``ulp`` (e.g. 0.1)."""
    if ulp == 0:
        return value
    with localcontext() as context:
        context.prec = _PRECISION
        steps = (value / ulp).to_integral_value(rounding="ROUND_HALF_UP")
        return (steps * ulp).normalize()
