#!/usr/bin/env python3
"""Time charting 10,000 figures, against a bare matplotlib plot of the same points.

Builds the figures directly (ten partners, a thousand months of exports each, as a long
monthly series of a statistics office would give), so that only the table and chart
steps are timed, not extraction. tradestats: figures -> figures table -> points ->
trend chart -> PNG bytes. Baseline, measured in the same run: a matplotlib figure of the
same size with the same lines and markers, saved as PNG. Both are warmed up first (imports,
font cache) and reported as the best of N runs.

Usage: python bench/chart_speed.py [--figures 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tradestats.models import Figure

PARTNERS = ("US", "CN", "AE", "NL", "GB", "DE", "SG", "BD", "JP", "SA")
TARGET_SECONDS = 2.0


def synthetic_figures(count: int) -> list[Figure]:
    """``count`` monthly export values, split evenly over ten partners, back from 2025."""
    per_partner = count // len(PARTNERS)
    figures = []
    for p, partner in enumerate(PARTNERS):
        for m in range(per_partner):
            number = 2025 * 12 - per_partner + m
            month = f"{number // 12:04d}-{number % 12 + 1:02d}"
            value = Decimal(1000 + (p * 37 + m * 13) % 9000) * 1_000_000  # US$ 1.00-9.99 bn
            text = f"${value / 1_000_000_000:.2f} billion"
            figures.append(
                Figure(
                    text=text,
                    start=m * 40,
                    end=m * 40 + len(text),
                    line=m + 1,
                    column=1,
                    kind="money",
                    value=value,
                    unit="USD",
                    printed=f"{value / 1_000_000_000:.2f}",
                    ulp=Decimal(10_000_000),
                    path=f"series-{partner}.md",
                    role="level",
                    flow="exports",
                    reporter="IN",
                    partner=partner,
                    period_start=month,
                    period_end=month,
                    period_text=month,
                )
            )
    return figures


def best(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as PlotFigure

    from tradestats.chart import DPI, HEIGHT, WIDTH, png, trend_chart
    from tradestats.tables import figures_frame, points_frame

    figures = synthetic_figures(args.figures)
    sources = sorted({f.path for f in figures})
    points = points_frame(figures_frame(figures))
    series = [
        (frame["x"].to_numpy(), frame["value"].to_numpy() / 1e9)
        for _partner, frame in points.groupby("partner", sort=False)
    ]

    def tradestats_chart() -> bytes:
        table = points_frame(figures_frame(figures))
        return png(trend_chart(table, sources))

    def table_only() -> object:
        return points_frame(figures_frame(figures))

    def bare_matplotlib() -> bytes:
        plot = PlotFigure(figsize=(WIDTH, HEIGHT), dpi=DPI, layout="constrained")
        FigureCanvasAgg(plot)
        axes = plot.add_subplot()
        for xs, ys in series:
            axes.plot(xs, ys, marker="o")
        buffer = io.BytesIO()
        plot.savefig(buffer, format="png", dpi=DPI)
        return buffer.getvalue()

    tradestats_chart()  # warm-up: imports, font cache, first draw
    bare_matplotlib()
    total = best(tradestats_chart, args.repeat)
    table = best(table_only, args.repeat)
    baseline = best(bare_matplotlib, args.repeat)
    plotted = len(points)
    print(f"figures: {len(figures):,} ({plotted:,} points in {len(series)} series)")
    print(f"tradestats chart (table + trend chart + PNG): {total:.3f} s, best of {args.repeat}")
    print(f"  of which figures table and points:          {table:.3f} s")
    print(f"bare matplotlib plot of the same points:      {baseline:.3f} s")
    print(f"ratio tradestats / bare matplotlib:           {total / baseline:.2f}x")
    verdict = "ok" if total < TARGET_SECONDS else "TOO SLOW"
    print(f"target under {TARGET_SECONDS:.0f} s: {verdict}")
    return 0 if total < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
