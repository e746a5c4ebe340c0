"""The figures table: one row per statement, periods as pandas periods, growth and
verdicts from the checked claims, and the points charts plot, one per stated figure."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pandas as pd
import pytest

from tests.conftest import FIXTURES
from tradestats.config import Config
from tradestats.crosscheck import cross_check
from tradestats.models import Report
from tradestats.pipeline import analyze
from tradestats.tables import (
    FIGURE_COLUMNS,
    figures_csv,
    figures_frame,
    growth_frame,
    period_label,
    points_frame,
    to_period,
)

SEED = FIXTURES / "articles" / "india-us-exports-fy26.txt"
RELEASES = FIXTURES / "releases"


def _report(*paths: object) -> Report:
    return cross_check(analyze([str(p) for p in paths], Config()), Config())


@pytest.fixture(scope="module")
def seed() -> Report:
    return _report(SEED)


@pytest.fixture(scope="module")
def releases() -> Report:
    return _report(RELEASES)


@pytest.mark.parametrize(
    ("start", "end", "period", "label"),
    [
        ("2025-07", "2025-07", pd.Period("2025-07", freq="M"), "Jul 2025"),
        ("2025-07", "2025-09", pd.Period("2025Q3", freq="Q-DEC"), "Q3 2025"),
        ("2024-01", "2024-12", pd.Period("2024", freq="Y-DEC"), "2024"),
        # FY26 in India: April 2025 to March 2026, a year ending in March.
        ("2025-04", "2026-03", pd.Period("2026", freq="Y-MAR"), "Apr 2025–Mar 2026"),
    ],
)
def test_spans_become_pandas_periods_and_reader_labels(
    start: str, end: str, period: pd.Period, label: str
) -> None:
    assert to_period(start, end) == period
    assert period_label(start, end) == label


def test_other_spans_become_a_range_of_months() -> None:
    period = to_period("2025-04", "2025-07")
    assert isinstance(period, pd.PeriodIndex)
    assert [str(p) for p in period] == ["2025-04", "2025-05", "2025-06", "2025-07"]
    assert period_label("2025-04", "2025-07") == "Apr–Jul 2025"
    assert period_label("2024-11", "2025-02") == "Nov 2024–Feb 2025"
    assert to_period(None, None) is None and period_label(None, None) == ""


def _at(frame: pd.DataFrame, line: int, column: int) -> pd.Series:
    return frame[(frame["line"] == line) & (frame["column"] == column)].iloc[0]


def test_seed_table_has_every_figure_with_stated_and_recomputed_growth(seed: Report) -> None:
    frame = figures_frame(seed.figures, seed.claims)
    assert list(frame.columns) == FIGURE_COLUMNS
    assert len(frame) == len(seed.figures)
    us = _at(frame, 7, 61)  # $33.53 billion (with a no-break space in the article)
    assert (us["document"], us["flow"], us["reporter"], us["partner"]) == (
        str(SEED),
        "exports",
        "IN",
        "US",
    )
    assert (us["value"], us["unit"]) == ("33530000000", "USD")
    assert list(us["period"].astype(str)) == ["2025-04", "2025-05", "2025-06", "2025-07"]
    # The stated rate and the value it describes both carry the check.
    for line, column in ((7, 61), (7, 137)):  # $33.53 billion, 17.8%
        row = _at(frame, line, column)
        assert (row["stated_growth"], row["recomputed_growth"], row["verdict"]) == (
            "17.8",
            "21.62",
            "inconsistent",
        )
    china = _at(frame, 11, 48)  # $5.76 billion
    assert (china["recomputed_growth"], china["verdict"]) == ("20.00", "information")
    assert pd.isna(china["stated_growth"])


def test_csv_keeps_the_old_columns_and_adds_period_and_growth(seed: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(figures_csv(seed.figures, seed.claims))))
    assert list(rows[0])[:3] == ["document", "text", "start"]
    assert rows[0]["value"] == "33530000000"
    assert (rows[0]["period"], rows[0]["stated_growth"], rows[0]["recomputed_growth"]) == (
        "Apr–Jul 2025",
        "17.8",
        "21.62",
    )
    assert rows[2]["verdict"] == ""  # the base value of the claim is not a rate


def test_points_merge_statements_of_one_figure_and_mark_disagreement(releases: Report) -> None:
    points = points_frame(figures_frame(releases.figures, releases.claims))
    us = points[(points["partner"] == "US") & (points["period_start"] >= "2025-01")]
    assert list(us["period_label"]) == [
        f"{m} 2025" for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun")
    ]
    # January is stated in the January release and again, alike, in February's.
    january = us.iloc[0]
    assert (january["value"], january["statements"], january["documents"]) == (8.44e9, 2, 2)
    assert not january["disagree"]
    # March: 9.87 in the March release, revised to 9.95 in April's. One point, the first
    # statement's value, marked.
    march = us.iloc[2]
    assert (march["value"], march["statements"], bool(march["disagree"])) == (9.87e9, 2, True)
    assert march["other_values"] == (9.95e9,)
    assert march["document"].endswith("2025-03.md")


def test_points_leave_out_rates_forecasts_and_figures_without_period(seed: Report) -> None:
    points = points_frame(figures_frame(seed.figures, seed.claims))
    assert sorted(zip(points["partner"], points["period_label"], points["value"], strict=True)) == [
        ("CN", "Apr–Jul 2024", 4.8e9),
        ("CN", "Apr–Jul 2025", 5.76e9),
        ("US", "Apr–Jul 2024", 27.57e9),
        ("US", "Apr–Jul 2025", 33.53e9),
        ("US", "Jul 2024", 6.68e9),
        ("US", "Jul 2025", 8.01e9),
        ("US", "Jun 2025", 8.3e9),
    ]
    assert set(points["months"]) == {1, 4}


def test_growth_frame_holds_checked_rates_only(seed: Report) -> None:
    growth = growth_frame(seed.claims)
    (row,) = growth.itertuples(index=False)
    assert (row.text, row.stated, row.verdict, row.decimals) == ("17.8%", 17.8, "inconsistent", 1)
    assert round(row.recomputed, 4) == 21.6177
    assert row.recomputed_low < row.recomputed < row.recomputed_high
    assert (round(row.recomputed_low, 2), round(row.recomputed_high, 2)) == (21.58, 21.66)


def test_empty_inputs_give_empty_tables() -> None:
    frame = figures_frame([])
    assert list(frame.columns) == FIGURE_COLUMNS and frame.empty
    assert points_frame(frame).empty
    assert growth_frame([]).empty


def test_recomputed_growth_is_rounded_not_truncated(seed: Report) -> None:
    (claim,) = [c for c in seed.claims if c.verdict == "inconsistent"]
    assert claim.expected is not None
    assert claim.expected.quantize(Decimal("0.01")) == Decimal("21.62")


def test_a_price_per_unit_is_its_own_point_not_a_second_statement_of_a_total() -> None:
    from tradestats import extract
    from tradestats.chart import _one_currency

    text = (
        "Oil exports rose to $71.40 billion in March 2024. "
        "In March 2024 oil exports fetched $71.40 per barrel.\n"
    )
    points = points_frame(figures_frame(extract(text)))
    pers = [None if pd.isna(per) else per for per in points["per"]]
    assert list(zip(pers, points["statements"], strict=True)) == [(None, 1), ("barrel", 1)]
    # A chart never puts the price on the axis of the total.
    kept, label, note = _one_currency(points)
    assert (len(kept), label, note) == (1, "USD", "1 value in other currencies or units not shown")
