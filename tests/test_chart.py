"""Charts, read back from the matplotlib objects: what is plotted, where, with which
labels; and the PNG: its size, its bytes run after run, nothing off the image."""

from __future__ import annotations

import io
import math
from typing import Any

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from PIL import Image

from tests.conftest import FIXTURES
from tradestats.chart import (
    ERROR,
    ChartError,
    bars_chart,
    choose_kind,
    growth_chart,
    png,
    trend_chart,
)
from tradestats.config import Config
from tradestats.crosscheck import cross_check
from tradestats.pipeline import analyze
from tradestats.report import chart_tables, select
from tradestats.tables import figures_frame, growth_frame, month_number, points_frame

SEED = FIXTURES / "articles" / "india-us-exports-fy26.txt"
RELEASES = FIXTURES / "releases"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun")


def _tables(*paths: object, **wanted: str) -> tuple[pd.DataFrame, pd.DataFrame, tuple[str, ...]]:
    report = cross_check(analyze([str(p) for p in paths], Config()), Config())
    report = select(report, **wanted)
    points, growth = chart_tables(report)
    return points, growth, report.files


@pytest.fixture(scope="module")
def seed() -> tuple[pd.DataFrame, pd.DataFrame, tuple[str, ...]]:
    return _tables(SEED)


@pytest.fixture(scope="module")
def us_releases() -> tuple[pd.DataFrame, pd.DataFrame, tuple[str, ...]]:
    return _tables(RELEASES, flow="exports", partner="US")


@pytest.fixture(scope="module")
def seed_bars(seed: Any) -> Figure:
    points, _growth, files = seed
    return bars_chart(points, files)


@pytest.fixture(scope="module")
def seed_growth(seed: Any) -> Figure:
    _points, growth, files = seed
    return growth_chart(growth, files)


@pytest.fixture(scope="module")
def us_trend(us_releases: Any) -> Figure:
    points, _growth, files = us_releases
    return trend_chart(points, files)


def _texts(figure: Figure, gid: str) -> list[Any]:
    return [t for t in figure.axes[0].texts if t.get_gid() == gid]


def _floats(data: Any) -> list[float]:
    return [float(v) for v in np.asarray(data, dtype=float)]


def _bars(figure: Figure, label: str) -> Any:
    (container,) = [c for c in figure.axes[0].containers if c.get_label() == label]
    return container


# --- what the figures allow -----------------------------------------------------------------


def test_a_single_article_gives_bars_a_series_of_releases_gives_lines(
    seed: Any, us_releases: Any
) -> None:
    assert choose_kind(*seed[:2]) == "bars"
    assert choose_kind(*us_releases[:2]) == "trend"
    empty_points = points_frame(figures_frame([]))
    assert choose_kind(empty_points, seed[1]) == "growth"
    assert choose_kind(empty_points, growth_frame([])) is None


# --- seed article: grouped bars -------------------------------------------------------------


def test_seed_bars_compare_april_july_for_us_and_china(seed_bars: Figure) -> None:
    axes = seed_bars.axes[0]
    ticks = [t.get_text().replace("\n", " ") for t in axes.get_xticklabels()]
    assert ticks == [
        "Exports to United States Apr–Jul",
        "Exports to United States Jun",
        "Exports to United States Jul",
        "Exports to China Apr–Jul",
    ]
    earlier, later = _bars(seed_bars, "2024"), _bars(seed_bars, "2025")
    assert [round(b.get_height(), 2) for b in earlier] == [27.57, 6.68, 4.8]
    assert [round(b.get_height(), 2) for b in later] == [33.53, 8.3, 8.01, 5.76]
    # Bars sit in their groups: 2024 left of 2025 within each comparison.
    assert [round(b.get_x() + b.get_width() / 2) for b in earlier] == [0, 2, 3]
    assert [round(b.get_x() + b.get_width() / 2) for b in later] == [0, 1, 2, 3]
    assert axes.get_ylabel() == "US$ bn"
    assert axes.get_ylim()[0] == 0


def test_seed_bars_write_values_changes_and_the_contradicted_rate(seed_bars: Figure) -> None:
    labels = [t.get_text() for t in _texts(seed_bars, "value")]
    assert labels == [
        "27.57",
        "33.53\n+21.6%",
        "8.3",
        "6.68",
        "8.01\n+19.9%",
        "4.8",
        "5.76\n+20.0%",
    ]
    (stated,) = _texts(seed_bars, "stated")
    assert stated.get_text() == "stated +17.8%"
    assert stated.get_color() == ERROR
    assert stated.xy == pytest.approx((0.2, 33.53))
    assert seed_bars.get_suptitle() == "India: the same months, a year apart"
    assert seed_bars._supxlabel.get_text() == "Figures as stated in india-us-exports-fy26.txt"  # type: ignore[attr-defined]


# --- seed article: stated against recomputed growth ------------------------------------------


def test_seed_growth_shows_17_8_against_21_6_with_its_rounding_range(seed_growth: Figure) -> None:
    (stated,) = _bars(seed_growth, "stated")
    (recomputed,) = _bars(seed_growth, "recomputed")
    assert stated.get_width() == pytest.approx(17.8)
    assert recomputed.get_width() == pytest.approx(21.6177, abs=1e-4)
    assert matplotlib.colors.to_hex(stated.get_facecolor()) == ERROR.lower()
    (whisker,) = _bars(seed_growth, "recomputed").errorbar.lines[2][0].get_segments()
    (low, _y1), (high, _y2) = whisker
    assert (round(low, 2), round(high, 2)) == (21.58, 21.66)
    assert [t.get_text() for t in _texts(seed_growth, "stated-value")] == ["+17.8%"]
    assert [t.get_text() for t in _texts(seed_growth, "recomputed-value")] == [
        "+21.6% (21.58 to 21.66)"
    ]
    (label,) = seed_growth.axes[0].get_yticklabels()
    assert label.get_text().replace("\n", " ") == (
        "17.8% Exports to United States, Apr–Jul 2025 india-us-exports-fy26.txt:7"
    )
    assert label.get_color() == ERROR


def test_growth_chart_colours_only_inconsistent_claims(us_releases: Any) -> None:
    _points, growth, files = us_releases
    figure = growth_chart(growth, files)
    bars = _bars(figure, "stated")
    colours = [matplotlib.colors.to_hex(b.get_facecolor()) for b in bars]
    widths = [round(b.get_width(), 1) for b in bars]
    assert widths == [7.9, 8.3, 19.9, 25.2, 16.7, 19.3]
    assert [c == ERROR.lower() for c in colours] == [False, False, False, True, False, False]


# --- releases: the trend --------------------------------------------------------------------


def test_release_series_is_plotted_in_time_order_with_a_break_for_the_missing_months(
    us_trend: Figure,
) -> None:
    (line,) = [ln for ln in us_trend.axes[0].get_lines() if ln.get_gid() == "series-0"]
    assert line.get_label() == "Exports to United States"
    xs, ys = _floats(line.get_xdata()), _floats(line.get_ydata())
    gap = [i for i, x in enumerate(xs) if math.isnan(x)]
    assert gap == [6]  # July to December 2024 are stated nowhere: no line across them
    months = [f"2024-{m:02d}" for m in range(1, 7)] + [f"2025-{m:02d}" for m in range(1, 7)]
    assert [x for x in xs if not math.isnan(x)] == [month_number(m) for m in months]
    assert [round(y, 2) for y in ys if not math.isnan(y)] == [
        7.82, 7.35, 8.23, 6.78, 7.83, 6.69,
        8.44, 7.96, 9.87, 8.42, 9.14, 7.98,
    ]  # fmt: skip
    ticks = [t.get_text() for t in us_trend.axes[0].get_xticklabels()]
    assert ticks == [f"{m}\n{y}" for y in (2024, 2025) for m in MONTHS]
    assert us_trend.axes[0].get_ylabel() == "US$ bn"
    assert us_trend.get_suptitle() == "India: Exports to United States"


def test_release_trend_labels_year_on_year_changes_and_marks_the_revision(
    us_trend: Figure,
) -> None:
    labels = [t.get_text() for t in _texts(us_trend, "value")]
    assert labels[6:] == [
        "8.44\n+7.9% y/y",
        "7.96\n+8.3% y/y",
        "9.87 or 9.95\n+19.9% y/y",
        "8.42\n+24.2% y/y",
        "9.14\n+16.7% y/y",
        "7.98\n+19.3% y/y",
    ]
    (stated,) = _texts(us_trend, "stated")
    assert stated.get_text() == "stated +25.2%"
    assert stated.xy == (month_number("2025-04"), pytest.approx(8.42))
    (ring,) = [c for c in us_trend.axes[0].collections if c.get_gid() == "disagree"]
    offsets = np.asarray(ring.get_offsets(), dtype=float).tolist()
    assert offsets == [[month_number("2025-03"), 9.87]]
    legend_box = us_trend.axes[0].get_legend()
    assert legend_box is not None
    legend = [t.get_text() for t in legend_box.get_texts()]
    assert legend == [
        "Exports to United States",
        "Other documents state it differently (TS401)",
    ]


def test_all_release_series_get_a_line_each() -> None:
    points, _growth, files = _tables(RELEASES)
    figure = trend_chart(points, files)
    lines = [ln for ln in figure.axes[0].get_lines() if (ln.get_gid() or "").startswith("series")]
    assert [ln.get_label() for ln in lines] == [
        "Total exports",
        "Total imports",
        "Trade deficit",
        "Exports to United States",
        "Exports to China",
    ]
    china = lines[-1]
    assert [round(y, 2) for y in _floats(china.get_ydata())] == [
        1.38, 1.21, 1.47, 1.25, 1.63, 1.41
    ]  # fmt: skip
    # Too busy to label every point: each series is labelled at its latest one.
    assert [t.get_text() for t in _texts(figure, "value")] == [
        "35.14 (-0.1% y/y)",
        "53.92 (-4.0% y/y)",
        "18.78",
        "7.98 (+19.3% y/y)",
        "1.41",
    ]


def test_other_currencies_are_left_out_and_said_so() -> None:
    frame = points_frame(figures_frame([]))
    rows = [
        {"flow": "exports", "reporter": "JP", "partner": "CN", "unit": unit,
         "period_start": month, "period_end": month, "value": value, "printed": "1",
         "ulp": ulp, "document": "a.txt", "stated_growth": None, "recomputed_growth": None,
         "verdict": None, "statements": 1, "documents": 1, "disagree": False,
         "other_values": (), "start": month_number(month), "months": 1,
         "x": float(month_number(month)), "period_label": month}
        for unit, month, value, ulp in (
            ("JPY", "2024-03", 1.2e12, 1e11),
            ("JPY", "2024-04", 1.3e12, 1e11),
            ("USD", "2024-04", 9e9, 1e9),
        )
    ]  # fmt: skip
    points = pd.concat([frame, pd.DataFrame(rows)], ignore_index=True)
    figure = trend_chart(points, ["a.txt"])
    assert figure.axes[0].get_ylabel() == "¥ tn"
    (line,) = figure.axes[0].get_lines()
    assert _floats(line.get_ydata()) == [1.2, 1.3]
    source = figure._supxlabel.get_text()  # type: ignore[attr-defined]
    assert source == "Figures as stated in a.txt. 1 value in other currencies not shown."


# --- nothing to chart -----------------------------------------------------------------------


def test_empty_tables_raise_instead_of_drawing_an_empty_chart() -> None:
    with pytest.raises(ChartError, match="no money values"):
        trend_chart(points_frame(figures_frame([])), ["a.txt"])
    with pytest.raises(ChartError, match="no money values"):
        bars_chart(points_frame(figures_frame([])), ["a.txt"])
    with pytest.raises(ChartError, match="no checked growth claims"):
        growth_chart(growth_frame([]), ["a.txt"])


# --- the PNG --------------------------------------------------------------------------------


def test_png_decodes_at_the_print_size_and_has_no_software_stamp(seed_bars: Figure) -> None:
    data = png(seed_bars)
    image = Image.open(io.BytesIO(data))
    image.load()
    assert (image.format, image.size) == ("PNG", (1600, 900))
    assert "Software" not in image.info
    assert image.info.get("dpi", (200, 200))[0] == pytest.approx(200, abs=1)


def test_same_input_same_bytes_whatever_the_users_matplotlibrc(seed: Any) -> None:
    points, _growth, files = seed
    first = png(bars_chart(points, files))
    with matplotlib.rc_context({"font.size": 20, "axes.grid": False, "lines.linewidth": 5}):
        again = png(bars_chart(points, files))
    assert first == again


def _extent(artist: Any, renderer: Any) -> Any:
    return artist.get_window_extent(renderer)


@pytest.mark.parametrize("name", ["seed_bars", "seed_growth", "us_trend"])
def test_title_source_legend_and_labels_stay_on_the_image_and_apart(
    name: str, request: pytest.FixtureRequest
) -> None:
    figure: Figure = request.getfixturevalue(name)
    png(figure)  # lays the figure out at its final size
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    width, height = figure.bbox.width, figure.bbox.height
    axes = figure.axes[0]
    title = _extent(figure._suptitle, renderer)  # type: ignore[attr-defined]
    source = _extent(figure._supxlabel, renderer)  # type: ignore[attr-defined]
    legend = _extent(axes.get_legend(), renderer)
    ticks = [
        _extent(label, renderer)
        for limits, locations, labels in (
            (axes.get_xlim(), axes.get_xticks(), axes.get_xticklabels()),
            (axes.get_ylim(), axes.get_yticks(), axes.get_yticklabels()),
        )
        for location, label in zip(locations, labels, strict=True)
        if min(limits) <= location <= max(limits) and label.get_text()
    ]
    labels = [_extent(t, renderer) for t in axes.texts]
    for box in [title, source, legend, *ticks, *labels]:
        assert box.x0 >= -1 and box.y0 >= -1, box
        assert box.x1 <= width + 1 and box.y1 <= height + 1, box
    assert not title.overlaps(legend)
    assert not title.overlaps(source) and not legend.overlaps(source)
    assert not legend.overlaps(_extent(axes.patch, renderer))
    assert all(not source.overlaps(box) for box in ticks)
