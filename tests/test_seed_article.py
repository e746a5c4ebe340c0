"""The India-US exports article (fixtures/articles/india-us-exports-fy26.txt).

Every money figure with its value, currency, flow, partner and period; the tariffs and the
85%/90% rates are figures too, but not export growth.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import FIXTURES
from tradestats import extract

PATH = FIXTURES / "articles" / "india-us-exports-fy26.txt"


@pytest.fixture(scope="module")
def found():
    text = PATH.read_text(encoding="utf-8")
    figures = extract(text, path="india-us-exports-fy26.txt")
    for figure in figures:
        assert text[figure.start : figure.end] == figure.text
    return figures


@pytest.fixture(scope="module")
def figures(found):
    return {f.text.replace("\u00a0", " ") + f"@{f.line}": f for f in found}


MONEY = [
    # text@line, value, flow, partner, period_start, period_end
    ("$33.53 billion@7", "33530000000", "exports", "US", "2025-04", "2025-07"),
    ("$27.57 billion@7", "27570000000", "exports", "US", "2024-04", "2024-07"),
    ("$8.01 billion@9", "8010000000", "exports", "US", "2025-07", "2025-07"),
    ("$8.3 billion@9", "8300000000", "exports", "US", "2025-06", "2025-06"),
    ("$6.68 billion@9", "6680000000", "exports", "US", "2024-07", "2024-07"),
    ("$5.76 billion@11", "5760000000", "exports", "CN", "2025-04", "2025-07"),
    ("$4.8 billion@11", "4800000000", "exports", "CN", "2024-04", "2024-07"),
]


@pytest.mark.parametrize(("key", "value", "flow", "partner", "start", "end"), MONEY)
def test_money_figures(figures, key, value, flow, partner, start, end) -> None:
    figure = figures[key]
    assert figure.kind == "money"
    assert figure.unit == "USD"
    assert figure.value == Decimal(value)
    assert (figure.flow, figure.reporter, figure.partner) == (flow, "IN", partner)
    assert (figure.period_start, figure.period_end) == (start, end)
    assert figure.role == "level"


def test_exactly_these_money_figures(figures) -> None:
    assert sorted(k for k, f in figures.items() if f.kind == "money") == sorted(m[0] for m in MONEY)


def test_growth_rate_is_an_export_change(figures) -> None:
    rate = figures["17.8%@7"]
    assert (rate.kind, rate.value, rate.direction, rate.role) == (
        "percent",
        Decimal("17.8"),
        "up",
        "change",
    )
    assert (rate.flow, rate.partner, rate.period_start, rate.period_end) == (
        "exports",
        "US",
        "2025-04",
        "2025-07",
    )


def test_tariffs_are_not_export_growth(found, figures) -> None:
    tariffs = [f for f in found if f.text == "25%"]
    assert len(tariffs) == 2
    for tariff in tariffs:
        assert tariff.flow is None
        assert tariff.role != "change"
        assert tariff.direction is None
    assert tariffs[0].role == "rate"
    double = figures["double@13"]
    assert (double.kind, double.value, double.flow) == ("multiple", Decimal(2), None)


def test_utilisation_and_export_share_are_not_growth(figures) -> None:
    utilisation, target = figures["85%@15"], figures["100%@15"]
    assert (utilisation.flow, utilisation.direction, utilisation.role) == (None, None, None)
    assert (target.flow, target.expectation) == (None, True)
    share = figures["90%@17"]
    assert (share.flow, share.role, share.direction) == ("exports", "share", None)
