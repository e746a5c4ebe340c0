"""Properties of rounding-aware checking, over claims written the way writers round.

A claim built from any values, with every number rounded as printed, is never flagged;
the same claim with its rate moved beyond what the rounding allows is always flagged.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tradestats.arith import Interval, growth
from tradestats.check import check_document
from tradestats.config import Config
from tradestats.models import Document

CONFIG = Config()


def _round(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


@st.composite
def claims(draw: st.DrawFn) -> tuple[Decimal, Decimal, Decimal, int, int]:
    """(old, new, exact rate) as printed, with the decimals of the values and of the rate."""
    value_decimals = draw(st.integers(min_value=1, max_value=3))
    rate_decimals = draw(st.integers(min_value=0, max_value=2))
    old = _round(
        Decimal(draw(st.integers(min_value=1_000, max_value=900_000))) / 1000, value_decimals
    )
    change = Decimal(draw(st.integers(min_value=-4_000, max_value=6_000))) / 100  # -40%..+60%
    new = _round(old * (1 + change / 100), value_decimals)
    exact = (new - old) / old * 100
    return old, new, exact, value_decimals, rate_decimals


def _sentence(old: Decimal, new: Decimal, rate: Decimal) -> str:
    verb = "rose" if rate >= 0 else "fell"
    return f"Exports {verb} {abs(rate)}% to ${new} billion from ${old} billion in 2024."


def _verdicts(text: str) -> list[str]:
    result = check_document(Document(text, "claim.txt"), CONFIG)
    return [c.verdict for c in result.claims if c.kind == "growth"]


@settings(max_examples=150, deadline=None)
@given(claims())
def test_rounded_claims_are_never_flagged(
    claim: tuple[Decimal, Decimal, Decimal, int, int],
) -> None:
    old, new, exact, _, rate_decimals = claim
    rate = _round(exact, rate_decimals)
    assume(rate != 0 and new != old)
    verdicts = _verdicts(_sentence(old, new, rate))
    assert verdicts and verdicts[0] in ("consistent", "consistent_rounding"), _sentence(
        old, new, rate
    )


@settings(max_examples=150, deadline=None)
@given(claims(), st.integers(min_value=1, max_value=3), st.booleans())
def test_rates_beyond_the_rounding_are_always_flagged(
    claim: tuple[Decimal, Decimal, Decimal, int, int], steps: int, upward: bool
) -> None:
    old, new, exact, value_decimals, rate_decimals = claim
    half = Decimal(1).scaleb(-value_decimals) / 2
    allowed = growth(Interval(new - half, new + half), Interval(old - half, old + half))
    unit = Decimal(1).scaleb(-rate_decimals)
    # The first printed rate whose own rounding interval clears the allowed range, then a
    # few steps further.
    if upward:
        rate = _round(allowed.high + unit, rate_decimals) + unit * (steps - 1)
    else:
        rate = _round(allowed.low - unit, rate_decimals) - unit * (steps - 1)
    # A sign flip is TS102's business; far-off rates read as a mislink.
    assume(new != old and rate != 0 and (rate > 0) == (exact > 0) and abs(rate - exact) <= 5)
    verdicts = _verdicts(_sentence(old, new, rate))
    assert verdicts == ["inconsistent"], _sentence(old, new, rate)
