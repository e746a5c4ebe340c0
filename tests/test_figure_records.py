"""Figures as records: a price per unit keeps its unit, and every value is valid JSON."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from tradestats import extract
from tradestats.formatters.figures import human_value, render_json, render_table
from tradestats.models import decimal_to_json


def _strict(text: str) -> object:
    def refuse(constant: str) -> None:
        raise AssertionError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize(
    ("value", "record"),
    [
        (Decimal("33530000000"), 33530000000),
        (Decimal("17.8"), 17.8),
        (Decimal("10") ** 60, 10**60),
        (Decimal("1.5E+400"), "1500" + "0" * 397),
        (Decimal("-2.5E+309"), "-25" + "0" * 308),
        (Decimal("1E-400"), "0." + "0" * 399 + "1"),
    ],
)
def test_values_too_large_for_a_float_go_out_as_their_digits(
    value: Decimal, record: object
) -> None:
    assert decimal_to_json(value) == record
    assert Decimal(str(_strict(json.dumps(decimal_to_json(value))))) == value


def test_a_price_per_unit_keeps_its_unit_in_every_output() -> None:
    price, total = extract("Brent fell to $71.40 per barrel; exports were $5.2 billion.")
    assert (price.per, total.per) == ("barrel", None)
    assert (human_value(price), human_value(total)) == ("USD 71.4 per barrel", "USD 5.2 bn")
    records = _strict(render_json([price, total]))["figures"]  # type: ignore[index]
    assert [r["per"] for r in records] == ["barrel", None]
    assert "USD 71.4 per barrel" in render_table([price, total])
