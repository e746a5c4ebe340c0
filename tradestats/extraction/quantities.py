"""Adapter for quantulum3 and pint: tonnes, barrels and other non-money quantities.

Every quantulum3 call stays in this module and its results become our own Figures at
once. quantulum3 is slow to load (seconds) and slower than linear on long inputs, so it
is imported only when quantities are asked for, runs one sentence at a time, and sees
only the sentences where the trade grammar left digits unclaimed, with the trade
figures blanked out.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from tradestats.extraction.grammar import _DIGITS, parse_number
from tradestats.models import Document, Figure
from tradestats.segment import Sentence

# Durations, dates, years and bare counts are not trade quantities; money and percent
# belong to the trade grammar.
_SKIP_ENTITIES = frozenset({"dimensionless", "time", "currency", "unknown"})
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(_DIGITS)


@cache
def unit_registry() -> Any:
    """One pint registry, with the scale words of the trade grammar loaded into it."""
    from importlib import resources

    import pint

    registry = pint.UnitRegistry(non_int_type=Decimal)
    with resources.as_file(resources.files("tradestats").joinpath("data", "scales.txt")) as path:
        registry.load_definitions(str(path))
    return registry


def pint_unit_name(name: str) -> str:
    """pint's canonical name for a quantulum3 unit name, or the name itself if pint lacks it."""
    import pint

    registry = unit_registry()
    try:
        return str(registry.parse_units(name.replace(" ", "_")))
    except (pint.errors.UndefinedUnitError, AttributeError, TypeError, ValueError):
        return name


def _parse(text: str) -> list[Any]:
    with warnings.catch_warnings():
        # quantulum3 warns at import that its optional classifier is not installed.
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        return parser.parse(text)


def find_quantities(
    document: Document, sentences: Sequence[Sentence], figures: Sequence[Figure]
) -> list[Figure]:
    text = document.text
    found: list[Figure] = []
    for sentence in sentences:
        chunk = list(text[sentence.start : sentence.end])
        for figure in figures:
            if figure.end > sentence.start and figure.start < sentence.end:
                for i in range(max(figure.start, sentence.start), min(figure.end, sentence.end)):
                    chunk[i - sentence.start] = " "
        masked = "".join(chunk)
        if not _DIGIT.search(masked):
            continue
        for quantity in _parse(masked):
            figure = _to_figure(document, sentence.start, masked, quantity)
            if figure is not None:
                found.append(figure)
    return found


def _to_figure(document: Document, offset: int, masked: str, quantity: Any) -> Figure | None:
    if quantity.unit.entity.name in _SKIP_ENTITIES or quantity.unit.name == "percentage":
        return None
    start, end = quantity.span
    surface = masked[start:end]
    number = _NUMBER.search(surface)
    # quantulum3 spans can drift from its surfaces; keep only those that match the text.
    if number is None or surface != quantity.surface:
        return None
    try:
        printed_value, printed_ulp = parse_number(number.group(0))
        value = Decimal(repr(quantity.value))
    except (InvalidOperation, KeyError, ValueError):
        return None
    if not value.is_finite():
        return None  # "1e400 tonnes" overflows quantulum3's float
    factor = value / printed_value if printed_value else Decimal(1)
    line, column = document.position(offset + start)
    return Figure(
        text=document.text[offset + start : offset + end],
        start=offset + start,
        end=offset + end,
        line=line,
        column=column,
        kind="quantity",
        value=value,
        unit=pint_unit_name(quantity.unit.name),
        printed=number.group(0),
        ulp=(printed_ulp * factor).normalize(),
        path=document.path,
    )
