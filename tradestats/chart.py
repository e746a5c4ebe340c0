"""Tables -> PNG charts: trend lines, grouped bars, and stated against recomputed growth.

Every chart function takes frames from ``tradestats.tables`` and returns a matplotlib
``Figure`` that is built but not rendered, so tests can read back exactly what is
plotted; ``png`` renders it. Charts are drawn on the Agg canvas directly (never pyplot,
so no global figure state) under a fixed style, so the same input gives the same bytes
whatever the user's matplotlibrc says. Only the chart and report commands import this.
"""

from __future__ import annotations

import io
import math
import os
import textwrap
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

import matplotlib
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from tradestats.tables import MONTH_NAMES, period_label

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

ChartKind = Literal["trend", "growth", "bars"]
KINDS = ("auto", "trend", "growth", "bars")

# 8 x 4.5 inches at 200 dpi: 1600 x 900 pixels, sharp on paper at report width.
WIDTH, HEIGHT, DPI = 8.0, 4.5, 200
# Beyond these a chart stops being readable; the rest is left out and the chart says so.
MAX_SERIES = 12
MAX_BAR_GROUPS = 12
MAX_BAR_YEARS = 4
MAX_CLAIMS = 30
# Every point is labelled only while the labels have room; busier trend charts label
# the latest point of each series, as print charts do.
MAX_LABELLED_POINTS = 40
MAX_LABELLED_SERIES = 2
MAX_END_LABELS = 6
MAX_LABELLED_BARS = 16
# Markers help only while they are further apart than they are wide.
MAX_MARKED_POINTS = 60
MAX_TICKS = 16
# Months between evenly spaced ticks: quarters, half years, then whole years.
_TICK_STEPS = (3, 6, 12, 24, 60, 120, 240, 600, 1200)

# Okabe-Ito colours, told apart with colour-blindness; red is kept for errors.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#999999", "#8C6D1F")
# Bars of a comparison: older years paler, the latest in the strongest blue.
YEAR_COLOURS = ("#D0D0D0", "#A6CBE8", "#56B4E9", "#0072B2")
ERROR = "#D00000"
RECOMPUTED = "#3A3A3A"
MUTED = "#555555"
_LABEL_SIZE = 7.0
_CHAR_WIDTH = 0.6 * 8  # points per character of an 8 pt tick label, on average
_LINE_HEIGHT = _LABEL_SIZE * 1.25  # points between lines of a label

_STYLE: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans",  # ships with matplotlib: the same glyphs everywhere
    "font.size": 8.5,
    "axes.labelsize": 8.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.color": "#E3E3E3",
    "grid.linewidth": 0.6,
    "legend.frameon": False,
    "legend.fontsize": 8,
    "lines.linewidth": 1.8,
    "lines.markersize": 5,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
}
_CURRENCY_LABELS = {"USD": "US$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "mn"), (1e3, "thousand"))
_FLOW_TOTALS = {
    "exports": "Total exports",
    "imports": "Total imports",
    "trade": "Total trade",
    "balance": "Trade balance",
    "deficit": "Trade deficit",
    "surplus": "Trade surplus",
}
_FLOW_PARTNER = {"exports": "to", "imports": "from"}
_SPANS = {1: "monthly", 3: "quarterly", 12: "annual"}


class ChartError(ValueError):
    """Nothing a chart can show; the message is one line saying what was missing."""


@contextmanager
def _style() -> Iterator[None]:
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        matplotlib.rcParams.update(_STYLE)
        yield


def _figure(height: float = HEIGHT) -> tuple[Figure, Axes]:
    figure = Figure(figsize=(WIDTH, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure, figure.add_subplot()


def png(figure: Figure) -> bytes:
    """The chart as PNG bytes: fixed size and no software or date metadata, so the same
    input always gives the same file."""
    buffer = io.BytesIO()
    with _style():
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


# --- words ------------------------------------------------------------------------------


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value == ""


@cache
def _country_names() -> dict[str, str]:
    from tradestats.extraction.refdata import country_names

    names: dict[str, str] = {}
    for name, owner in country_names().items():
        names.setdefault(owner, name)
    return names


def country(code: object) -> str:
    """``US`` -> ``United States``: the first name the reference data gives a code."""
    if _missing(code):
        return ""
    return _country_names().get(str(code), str(code).removeprefix("GROUP:"))


def series_label(flow: object, partner: object, reporter: object = None) -> str:
    """``Exports to United States``, ``Imports from China``, ``Total exports``."""
    flow = str(flow)
    if _missing(partner):
        label = _FLOW_TOTALS.get(flow, flow.capitalize())
    else:
        label = f"{flow.capitalize()} {_FLOW_PARTNER.get(flow, 'with')} {country(partner)}"
    return label if _missing(reporter) else f"{country(reporter)}: {label}"


def _sources(paths: Sequence[str]) -> str:
    names = [os.path.basename(p) or p for p in dict.fromkeys(paths)]
    if len(names) <= 3:
        return "Figures as stated in " + ", ".join(names)
    return f"Figures as stated in {len(names)} documents: {names[0]} … {names[-1]}"


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width, break_on_hyphens=False)) or text


def _scale(values: pd.Series) -> tuple[float, str]:
    """The factor and word a reader expects for these magnitudes: bn for billions."""
    largest = float(values.abs().max()) if len(values) else 0.0
    for factor, word in _SCALES:
        if largest >= factor:
            return factor, word
    return 1.0, ""


def _axis_unit(currency: str, word: str) -> str:
    """ "USD billion", or for a price per unit "USD per barrel" (the scale word before
    "per": "USD thousand per tonne")."""
    code, _, per = currency.partition(" per ")
    label = f"{_CURRENCY_LABELS.get(code, code)} {word}".strip()
    return f"{label} per {per}" if per else label


def _value_text(value: float, ulp: float, factor: float) -> str:
    """The value in the chart's scale with as many decimals as the writer printed."""
    step = ulp / factor if ulp else 0.01
    decimals = 0
    while decimals < 4 and step < 0.999:
        step *= 10
        decimals += 1
    return f"{value / factor:.{decimals}f}"


def _change(new: float, old: float) -> float | None:
    return None if old == 0 else (new / old - 1) * 100


def _note(*parts: str) -> str:
    return "; ".join(part for part in parts if part)


def _finish(figure: Figure, title: str, sources: Sequence[str], note: str = "") -> None:
    """Title at the top and the sources (and what was left out) at the bottom, wrapped
    and placed by constrained layout, so that neither overlaps the plot or the legend."""
    figure.suptitle(_wrap(title, 80), x=0.01, ha="left", fontsize=11, fontweight="bold")
    footer = _sources(sources) + (f". {note[0].upper()}{note[1:]}." if note else "")
    figure.supxlabel(_wrap(footer, 130), x=0.01, ha="left", fontsize=7, color=MUTED)


def _legend(axes: Axes, handles: Sequence[Any], labels: Sequence[str]) -> None:
    """Above the plot, under the title: an axes legend is inside the box constrained
    layout reserves, so it can neither cover data nor leave the image."""
    axes.legend(
        list(handles),
        list(labels),
        loc="lower left",
        bbox_to_anchor=(0, 1.01),
        ncols=min(3, len(labels)),
        borderaxespad=0.2,
        handlelength=1.8,
    )


def _one_currency(points: pd.DataFrame) -> tuple[pd.DataFrame, str, str]:
    """Currencies never share an axis, nor do totals and prices per unit: chart the most
    stated currency and unit (None for totals) and say what was left."""
    pers = [None if _missing(per) else per for per in points["per"]]
    units = list(zip(points["unit"], pers, strict=True))
    currency, per = max(dict.fromkeys(units), key=units.count)
    kept = points[[unit == (currency, per) for unit in units]]
    left = len(points) - len(kept)
    others = "other currencies or units" if points["per"].notna().any() else "other currencies"
    note = f"{left} value{'s' if left > 1 else ''} in {others} not shown"
    label = f"{currency} per {per}" if per else str(currency)
    return kept, label, note if left else ""


SeriesKey = tuple[Any, Any, Any, Any]


def _series(points: pd.DataFrame) -> list[tuple[SeriesKey, pd.DataFrame]]:
    """Points grouped into series (flow, reporter, partner, span), in order of appearance.

    The span length is part of a series: four-month totals and single months are
    different quantities and must not be joined by one line.
    """
    grouped = points.groupby(["flow", "reporter", "partner", "months"], dropna=False, sort=False)
    return [(tuple(key), frame) for key, frame in grouped]  # type: ignore[misc]


def _series_names(keys: Sequence[SeriesKey]) -> list[str]:
    reporters = {str(key[1]) for key in keys if not _missing(key[1])}
    spans = {int(key[3]) for key in keys}
    names = []
    for flow, reporter, partner, months in keys:
        name = series_label(flow, partner, reporter if len(reporters) > 1 else None)
        if len(spans) > 1:
            name += f" ({_SPANS.get(int(months), f'{int(months)}-month totals')})"
        names.append(name)
    return names


def _title(keys: Sequence[SeriesKey], names: Sequence[str], many: str) -> str:
    reporters = {str(key[1]) for key in keys if not _missing(key[1])}
    where = f"{country(reporters.pop())}: " if len(reporters) == 1 else ""
    return where + (names[0] if len(set(names)) == 1 else many)


def _label(
    axes: Axes,
    x: float,
    y: float,
    lines: Sequence[str],
    *,
    below: bool,
    color: str,
    gid: str,
    right: bool = False,
) -> None:
    """A value label above, below or right of its point, on a white ground so that
    lines do not cross it."""
    if right:
        offset, ha, va, text = (7, 0), "left", "center", " ".join(lines)
    else:
        offset, ha, va, text = (
            (0, -6 if below else 6),
            "center",
            "top" if below else "bottom",
            "\n".join(lines),
        )
    axes.annotate(
        text,
        (x, y),
        xytext=offset,
        textcoords="offset points",
        ha=ha,
        va=va,
        fontsize=_LABEL_SIZE,
        color=color,
        gid=gid,
        bbox={
            "boxstyle": "square,pad=0.1",
            "facecolor": "white",
            "edgecolor": "none",
            "alpha": 0.8,
        },
    )


def _stated_label(
    axes: Axes, x: float, y: float, stated: object, *, below: bool, after: int
) -> None:
    """A stated rate the values contradict, in red, beyond the value label's lines."""
    offset = 6 + after * _LINE_HEIGHT + 2
    axes.annotate(
        f"stated {float(str(stated)):+g}%",
        (x, y),
        xytext=(0, -offset if below else offset),
        textcoords="offset points",
        ha="center",
        va="top" if below else "bottom",
        fontsize=_LABEL_SIZE,
        color=ERROR,
        fontweight="bold",
        gid="stated",
    )


def _wrong(row: Any) -> bool:
    return row.verdict == "inconsistent" and not _missing(row.stated_growth)


# --- trend ------------------------------------------------------------------------------


def _tick_text(label: str) -> str:
    head, _, year = label.rpartition(" ")
    return f"{head}\n{year}" if head else label


def _month_text(value: float) -> str:
    number = round(value)
    month = f"{number // 12:04d}-{number % 12 + 1:02d}"
    return _tick_text(period_label(month, month))


def _runs(frame: pd.DataFrame, months: int) -> list[pd.DataFrame]:
    """A series cut where it skips periods, so no line claims values nobody stated."""
    frame = frame.sort_values("x")
    gaps = frame["x"].diff().gt(months).cumsum()
    return [run for _key, run in frame.groupby(gaps, sort=True)]


def trend_chart(points: pd.DataFrame, sources: Sequence[str], title: str | None = None) -> Figure:
    """Value by period, one line per series, periods in time order on the x axis.

    Points are labelled with the digits as printed and the change from a year earlier
    where the series has it; a stated rate that the values contradict is added in red,
    and a point other documents state differently (TS401) is ringed in red.
    """
    if points.empty:
        raise ChartError("no money values with a flow and a period to chart")
    points, currency, note = _one_currency(points)
    factor, word = _scale(points["value"])
    series = _series(points)
    if len(series) > MAX_SERIES:
        series = sorted(series, key=lambda item: -len(item[1]))[:MAX_SERIES]
        note = _note(note, f"the {MAX_SERIES} longest series shown")
    keys = [key for key, _frame in series]
    names = _series_names(keys)
    shown = pd.concat([frame for _key, frame in series])
    label_all = len(shown) <= MAX_LABELLED_POINTS and len(series) <= MAX_LABELLED_SERIES
    label_ends = not label_all and len(series) <= MAX_END_LABELS

    with _style():
        figure, axes = _figure()
        handles: list[Any] = []
        for index, (key, frame) in enumerate(series):
            color = PALETTE[index % len(PALETTE)]
            # Past the palette, lines repeat its colours dashed, then dotted.
            style = ("-", "--", ":")[index // len(PALETTE) % 3]
            xs: list[float] = []
            ys: list[float] = []
            for run in _runs(frame, int(key[3])):
                if xs:
                    xs.append(float("nan"))  # a break in the line
                    ys.append(float("nan"))
                xs.extend(run["x"].astype(float))
                ys.extend(run["value"].astype(float) / factor)
            (line,) = axes.plot(
                xs,
                ys,
                linestyle=style,
                marker="o" if len(frame) <= MAX_MARKED_POINTS else None,
                color=color,
                label=names[index],
                gid=f"series-{index}",
            )
            handles.append(line)
            if label_all or label_ends:
                _label_trend(axes, frame, factor, color, every=label_all)
        disagree = shown[shown["disagree"]]
        if not disagree.empty:
            axes.scatter(
                disagree["x"].astype(float),
                disagree["value"].astype(float) / factor,
                s=140,
                facecolors="none",
                edgecolors=ERROR,
                linewidths=1.6,
                zorder=4,
                gid="disagree",
            )
            handles.append(
                Line2D(
                    [],
                    [],
                    marker="o",
                    markersize=10,
                    markerfacecolor="none",
                    markeredgecolor=ERROR,
                    linestyle="none",
                )
            )
        # Labels of the latest points need room on the right.
        _time_axis(axes, shown, room=0.18 if label_ends else 0.0)
        axes.set_ylabel(_axis_unit(currency, word))
        if (shown["value"] >= 0).all():
            axes.set_ylim(bottom=0, top=axes.get_ylim()[1] * 1.1)
        labels = [*names, "Other documents state it differently (TS401)"][: len(handles)]
        if len(handles) > 1:
            _legend(axes, handles, labels)
        _finish(figure, title or _title(keys, names, "values by period"), sources, note)
    return figure


def _label_trend(
    axes: Axes, frame: pd.DataFrame, factor: float, color: str, *, every: bool
) -> None:
    """Label every point, or only the latest; a trough below its point, others above."""
    frame = frame.sort_values("x")
    by_start = {int(s): float(v) for s, v in zip(frame["start"], frame["value"], strict=True)}
    values = list(frame["value"].astype(float))
    for i, row in enumerate(frame.itertuples(index=False)):
        if not every and i != len(frame) - 1:
            continue
        x, y = float(row.x), float(row.value) / factor
        neighbours = values[max(0, i - 1) : i] + values[i + 1 : i + 2]
        below = bool(neighbours) and all(float(row.value) < v for v in neighbours)
        lines = [_value_text(float(row.value), float(row.ulp), factor)]
        if row.other_values:
            lines[0] += " or " + " or ".join(
                _value_text(v, float(row.ulp), factor) for v in row.other_values
            )
        earlier = by_start.get(int(row.start) - 12)
        change = _change(float(row.value), earlier) if earlier is not None else None
        if change is not None:
            lines.append(f"({change:+.1f}% y/y)" if not every else f"{change:+.1f}% y/y")
        _label(axes, x, y, lines, below=below, color=color, gid="value", right=not every)
        if every and _wrong(row):
            _stated_label(axes, x, y, row.stated_growth, below=below, after=len(lines))


def _time_axis(axes: Axes, points: pd.DataFrame, room: float = 0.0) -> None:
    """Limits that hold every span (plus ``room``, a share of the width, on the right for
    labels); ticks at the plotted periods while they fit, else at evenly spaced months."""
    ticks = dict(zip(points["x"].astype(float), points["period_label"], strict=True))
    halves = points["months"].astype(float) / 2
    low = float((points["x"] - halves).min()) - 0.5
    high = float((points["x"] + halves).max()) + 0.5
    axes.set_xlim(low, high + room * (high - low))
    if len(ticks) <= MAX_TICKS:
        positions = sorted(ticks)
        labels = [_tick_text(str(ticks[x])) for x in positions]
        low, high = axes.get_xlim()
        keep = _spaced(positions, labels, high - low)
        axes.set_xticks([positions[i] for i in keep], [labels[i] for i in keep])
    else:
        low, high = axes.get_xlim()
        step = next((s for s in _TICK_STEPS if (high - low) / s <= 10), _TICK_STEPS[-1])
        first = math.ceil(low / step) * step
        positions = [float(m) for m in range(first, math.floor(high) + 1, step)]
        labels = [str(int(m) // 12) if step >= 12 else _month_text(m) for m in positions]
        axes.set_xticks(positions, labels)
    axes.grid(axis="x", visible=False)


def _spaced(positions: Sequence[float], labels: Sequence[str], months: float) -> list[int]:
    """The ticks whose labels fit beside the previous one kept: a month inside a span
    (June within April-July) would print on top of the span's label.

    Widths are estimated from the characters, so the layout needs no trial drawing.
    """
    per_month = WIDTH * 0.88 * 72 / max(months, 1.0)  # points of axis per month
    kept: list[int] = []
    right = -math.inf
    for index, (x, label) in enumerate(zip(positions, labels, strict=True)):
        half = max(len(line) for line in label.split("\n")) * _CHAR_WIDTH / 2 + 2
        if x * per_month - half >= right:
            kept.append(index)
            right = x * per_month + half
    return kept


# --- grouped bars -----------------------------------------------------------------------


def _span_name(start: int, months: int) -> str:
    """The months of the year a span covers, without the year: ``Apr–Jul``, ``Q3``."""
    if months == 1:
        return MONTH_NAMES[start % 12]
    if months == 12 and start % 12 == 0:
        return "Year"
    if months == 3 and start % 3 == 0:
        return f"Q{start % 12 // 3 + 1}"
    return f"{MONTH_NAMES[start % 12]}–{MONTH_NAMES[(start + months - 1) % 12]}"


def bars_chart(points: pd.DataFrame, sources: Sequence[str], title: str | None = None) -> Figure:
    """The same months of different years side by side, for each series.

    A single article compares a period with the same period a year earlier (April-July
    FY26 against FY25, for the US and for China): each comparison is a group of bars,
    one per year, and the change from the year before is written over the later bar.
    """
    if points.empty:
        raise ChartError("no money values with a flow and a period to chart")
    points, currency, note = _one_currency(points)
    factor, word = _scale(points["value"])
    # Missing reporters or partners are NaN, which never equals itself: key on None.
    keys = [
        tuple(None if _missing(part) else part for part in key)
        for key in zip(points["flow"], points["reporter"], points["partner"], strict=True)
    ]
    series_keys = list(dict.fromkeys(keys))
    frame = points.assign(
        series=[series_keys.index(key) for key in keys],
        month_of_year=points["start"].astype(int) % 12,
        year=points["start"].astype(int) // 12,
    ).sort_values(["series", "month_of_year", "months", "year"], kind="stable")
    groups = [
        group for _key, group in frame.groupby(["series", "month_of_year", "months"], sort=False)
    ]
    if len(groups) > MAX_BAR_GROUPS:
        groups = groups[:MAX_BAR_GROUPS]
        note = _note(note, f"the first {MAX_BAR_GROUPS} comparisons shown")
    years = sorted({int(y) for group in groups for y in group["year"]})
    if len(years) > MAX_BAR_YEARS:
        years = years[-MAX_BAR_YEARS:]
        note = _note(note, f"the latest {MAX_BAR_YEARS} years shown")
    # A span that runs into the next year (a fiscal year) is named by both years.
    crossing = {
        int(y)
        for group in groups
        for y, s, m in zip(group["year"], group["start"], group["months"], strict=True)
        if int(s) % 12 + int(m) > 12
    }
    reporters = {str(key[1]) for key in series_keys if not _missing(key[1])}
    width = 0.8 / len(years)
    # A bar narrower than its label ("33.53" over "+21.6%") is left unlabelled.
    labelled = len(groups) * len(years) <= MAX_LABELLED_BARS
    # Group names share the axis: the more groups, the narrower they wrap.
    wrap = max(8, min(22, 110 // len(groups)))

    with _style():
        figure, axes = _figure()
        colours = YEAR_COLOURS[-len(years) :]
        for slot, year in enumerate(years):
            xs, heights, edges = [], [], []
            for index, group in enumerate(groups):
                row = group[group["year"] == year]
                if not row.empty:
                    xs.append(index - 0.4 + width * (slot + 0.5))
                    heights.append(float(row["value"].iloc[0]) / factor)
                    edges.append(ERROR if bool(row["disagree"].iloc[0]) else colours[slot])
            axes.bar(
                xs,
                heights,
                width * 0.92,
                color=colours[slot],
                edgecolor=edges,
                linewidth=1.6,
                label=f"{year}/{(year + 1) % 100:02d}" if year in crossing else str(year),
                gid=f"year-{year}",
            )
        ticks = []
        for index, group in enumerate(groups):
            flow, reporter, partner = series_keys[int(group["series"].iloc[0])]
            name = series_label(flow, partner, reporter if len(reporters) > 1 else None)
            span = _span_name(int(group["start"].iloc[0]), int(group["months"].iloc[0]))
            ticks.append(f"{_wrap(name, wrap)}\n{span}")
            if labelled:
                _label_bars(axes, group, years, index, width, factor)
        axes.set_xticks(range(len(groups)), ticks)
        axes.set_xlim(-0.6, len(groups) - 0.4)
        axes.set_ylabel(_axis_unit(currency, word))
        axes.grid(axis="x", visible=False)
        if (points["value"] >= 0).all():
            axes.set_ylim(bottom=0, top=axes.get_ylim()[1] * 1.2)
        handles, labels = axes.get_legend_handles_labels()
        if any(bool(group["disagree"].any()) for group in groups):
            handles.append(Patch(facecolor="white", edgecolor=ERROR, linewidth=1.6))
            labels.append("Other documents state it differently (TS401)")
        _legend(axes, handles, labels)
        keys: list[SeriesKey] = [(f, r, p, 0) for f, r, p in series_keys]
        names = [series_label(f, p) for f, _r, p in series_keys]
        default = _title(keys, names, "the same months, a year apart")
        _finish(figure, title or default, sources, note)
    return figure


def _label_bars(
    axes: Axes, group: pd.DataFrame, years: Sequence[int], index: int, width: float, factor: float
) -> None:
    by_year = {
        int(y): row for y, row in zip(group["year"], group.itertuples(index=False), strict=True)
    }
    for slot, year in enumerate(years):
        row = by_year.get(year)
        if row is None:
            continue
        x, y = index - 0.4 + width * (slot + 0.5), float(row.value) / factor
        lines = [_value_text(float(row.value), float(row.ulp), factor)]
        earlier = by_year.get(year - 1)
        change = _change(float(row.value), float(earlier.value)) if earlier else None
        if change is not None:
            lines.append(f"{change:+.1f}%")
        _label(axes, x, y, lines, below=False, color="black", gid="value")
        if _wrong(row):
            _stated_label(axes, x, y, row.stated_growth, below=False, after=len(lines))


# --- growth -----------------------------------------------------------------------------


def _claim_label(row: Any) -> str:
    what = "" if _missing(row.flow) else series_label(row.flow, row.partner)
    words = ", ".join(part for part in (what, row.period_label) if part)
    place = f"{os.path.basename(str(row.document))}:{row.line}"
    return _wrap(f"{row.text} {words}".strip(), 32) + f"\n{place}"


def _rate(value: float, decimals: int, unit: str) -> str:
    return f"{value:+.{decimals}f}{'%' if unit == '%' else ' pp'}"


def growth_chart(growth: pd.DataFrame, sources: Sequence[str], title: str | None = None) -> Figure:
    """Each checked rate: the stated figure beside the recomputed one, whose whisker is
    the range the rounding of the printed values allows. A stated rate outside that
    range is inconsistent, and drawn, with its label, in red."""
    if growth.empty:
        raise ChartError("no checked growth claims to chart")
    note = ""
    rows = growth
    if len(rows) > MAX_CLAIMS:
        wrong_first = pd.concat(
            [rows[rows["verdict"] == "inconsistent"], rows[rows["verdict"] != "inconsistent"]]
        )
        rows = wrong_first.iloc[:MAX_CLAIMS].sort_index()
        note = f"{MAX_CLAIMS} of {len(growth)} claims shown, inconsistent ones first"
    wrong = [verdict == "inconsistent" for verdict in rows["verdict"]]
    positions = list(range(len(rows)))
    bar = 0.38
    # Each claim needs room for a label of up to three lines.
    height = min(30.0, max(3.6, 1.6 + 0.62 * len(rows)))

    with _style():
        figure, axes = _figure(height)
        stated = axes.barh(
            [p - bar / 2 for p in positions],
            rows["stated"].astype(float),
            bar,
            color=[ERROR if w else PALETTE[0] for w in wrong],
            label="stated",
            gid="stated",
        )
        recomputed = rows["recomputed"].astype(float)
        whiskers = [
            (recomputed - rows["recomputed_low"]).clip(lower=0).tolist(),
            (rows["recomputed_high"] - recomputed).clip(lower=0).tolist(),
        ]
        computed = axes.barh(
            [p + bar / 2 for p in positions],
            recomputed,
            bar,
            color=RECOMPUTED,
            xerr=whiskers,
            error_kw={"ecolor": "black", "capsize": 3, "elinewidth": 1},
            label="recomputed",
            gid="recomputed",
        )
        decimals, units = rows["decimals"].astype(int), rows["unit"].astype(str)
        stated_labels = [
            _rate(v, d, u) for v, d, u in zip(rows["stated"], decimals, units, strict=True)
        ]
        # The whisker is often too short to see; its ends are written out, one digit finer.
        computed_labels = [
            f"{_rate(v, d, u)} ({low:.{d + 1}f} to {high:.{d + 1}f})"
            for v, d, u, low, high in zip(
                recomputed,
                decimals,
                units,
                rows["recomputed_low"],
                rows["recomputed_high"],
                strict=True,
            )
        ]
        for container, column, labels in (
            (stated, "stated", stated_labels),
            (computed, "recomputed", computed_labels),
        ):
            texts = axes.bar_label(
                container,
                labels=labels,
                padding=10 if column == "recomputed" else 3,
                fontsize=_LABEL_SIZE,
            )
            for text, is_wrong in zip(texts, wrong, strict=True):
                text.set_gid(f"{column}-value")
                if column == "stated" and is_wrong:
                    text.set_color(ERROR)
        axes.set_yticks(positions, [_claim_label(row) for row in rows.itertuples(index=False)])
        for tick, is_wrong in zip(axes.get_yticklabels(), wrong, strict=True):
            if is_wrong:
                tick.set_color(ERROR)
                tick.set_fontweight("bold")
        axes.invert_yaxis()
        axes.axvline(0, color="black", linewidth=0.8)
        axes.grid(axis="y", visible=False)
        axes.grid(axis="x", visible=True)
        left, right = axes.get_xlim()
        room = 0.18 * (right - left)  # for the value labels at the bar ends
        axes.set_xlim(left - room if left < 0 else left, right + room)
        units = set(rows["unit"])
        axes.set_xlabel("percent" if units == {"%"} else "percent or percentage points")
        legend = []
        if not all(wrong):
            legend.append((Patch(color=PALETTE[0]), "Stated, consistent"))
        if any(wrong):
            legend.append((Patch(color=ERROR), "Stated, inconsistent"))
        legend.append((Patch(color=RECOMPUTED), "Recomputed (whisker: rounding range)"))
        _legend(axes, [h for h, _ in legend], [label for _, label in legend])
        default = "Stated growth against growth recomputed from the values"
        _finish(figure, title or default, sources, note)
    return figure


# --- choosing ---------------------------------------------------------------------------


def choose_kind(points: pd.DataFrame, growth: pd.DataFrame) -> ChartKind | None:
    """What the figures allow: lines for a series of periods, bars for a few comparisons,
    stated against recomputed rates when no values can be placed in time.

    A series is worth a line when several documents (releases) give three or more of
    its periods, or one document gives six or more.
    """
    if not points.empty:
        for _key, frame in _series(points):
            if len(frame) >= 6 or (len(frame) >= 3 and frame["document"].nunique() >= 2):
                return "trend"
        return "bars"
    if not growth.empty:
        return "growth"
    return None


def chart(
    kind: ChartKind, points: pd.DataFrame, growth: pd.DataFrame, sources: Sequence[str]
) -> Figure:
    """The chart of one kind; raises ChartError when its table is empty."""
    if kind == "trend":
        return trend_chart(points, sources)
    if kind == "bars":
        return bars_chart(points, sources)
    return growth_chart(growth, sources)
