"""Figures -> pandas DataFrames, shared by CSV export and charts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from decimal import Decimal

import pandas as pd

from tradestats.models import Figure

FIGURE_COLUMNS = ["document", *(f.name for f in fields(Figure) if f.name != "path")]


def _cell(value: object) -> object:
    # Exact decimals go out as their printed form so that CSV keeps every digit.
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)
    return value


def figures_frame(figures: Sequence[Figure]) -> pd.DataFrame:
    """One row per figure, in document order; ``document`` is the figure's path."""
    rows = []
    for figure in figures:
        row = {"document": figure.path}
        for f in fields(Figure):
            if f.name != "path":
                row[f.name] = _cell(getattr(figure, f.name))
        rows.append(row)
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)
