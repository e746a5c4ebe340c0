"""Figures as a terminal table, CSV, JSON or JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal

from tradestats.models import Figure

SCHEMA_VERSION = 1
FORMATS = ("table", "csv", "json", "jsonl")

_SCALES = ((Decimal(10) ** 12, "tn"), (Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "mn"))


def human_value(figure: Figure) -> str:
    """ "USD 33.53 bn", "17.8%", "-3.5 pp", "2x": how a reader would write it back."""
    if figure.kind == "money":
        per = f" per {figure.per}" if figure.per else ""
        magnitude = abs(figure.value)
        for factor, word in _SCALES:
            if magnitude >= factor:
                return f"{figure.unit} {_plain(figure.value / factor)} {word}{per}"
        return f"{figure.unit} {_plain(figure.value)}{per}"
    if figure.kind == "percent":
        return f"{_plain(figure.value)}%"
    if figure.kind == "percentage_points":
        return f"{_plain(figure.value)} pp"
    if figure.kind == "multiple":
        return f"{_plain(figure.value)}x"
    return f"{_plain(figure.value)} {figure.unit}"


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def _period(figure: Figure) -> str:
    if not figure.period_start:
        return ""
    if figure.period_start == figure.period_end:
        return figure.period_start
    return f"{figure.period_start}..{figure.period_end}"


def render_table(figures: Sequence[Figure]) -> str:
    header = ("location", "kind", "value", "flow", "reporter", "partner", "period", "text")
    rows = [
        (
            f"{f.path}:{f.location}",
            f.kind,
            human_value(f),
            f.flow or "",
            f.reporter or "",
            f.partner or "",
            _period(f),
            " ".join(f.text.split()),
        )
        for f in figures
    ]
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip()
        for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def render_json(figures: Sequence[Figure]) -> str:
    payload = {"schema_version": SCHEMA_VERSION, "figures": [f.as_record() for f in figures]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render_jsonl(figures: Sequence[Figure]) -> str:
    return "".join(json.dumps(f.as_record(), ensure_ascii=False) + "\n" for f in figures)


def render_csv(figures: Sequence[Figure]) -> str:
    from tradestats.tables import figures_csv

    return figures_csv(figures)


def render(figures: Sequence[Figure], fmt: str) -> str:
    return {
        "table": render_table,
        "csv": render_csv,
        "json": render_json,
        "jsonl": render_jsonl,
    }[fmt](figures)
