"""`--all`: quantities the trade grammar does not own, through quantulum3 and pint."""

from __future__ import annotations

from decimal import Decimal

from tradestats import extract
from tradestats.extraction.quantities import unit_registry
from tradestats.extraction.refdata import scale_factors


def test_tonnes_and_barrels_beside_money_and_no_years_ages_or_durations() -> None:
    text = (
        "India shipped 300,000 tonnes of rice worth $120 million in May 2024.\n"
        "Crude exports were 5.2 million barrels, the minister, aged 45, said in 2019 after 3 years."
    )
    figures = extract(text, include_quantities=True)
    assert [(f.text, f.kind, f.unit, f.value) for f in figures] == [
        ("300,000 tonnes", "quantity", "metric_ton", Decimal(300000)),
        ("$120 million", "money", "USD", Decimal(120000000)),
        ("5.2 million barrels", "quantity", "barrel", Decimal(5200000)),
    ]
    for figure in figures:
        assert text[figure.start : figure.end] == figure.text
    assert figures[2].line == 2 and figures[2].ulp == Decimal(100000)


def test_quantities_are_off_by_default() -> None:
    assert [f.kind for f in extract("They shipped 300,000 tonnes worth $1 billion.")] == ["money"]


def test_pint_and_the_grammar_read_the_same_scales() -> None:
    registry = unit_registry()
    for name, factor in scale_factors().items():
        assert registry.Quantity(1, name).to("dimensionless").magnitude == factor, name


def test_quantities_that_overflow_are_left_out() -> None:
    figures = extract(
        "India shipped 1e400 tonnes of rice worth $2 billion.", include_quantities=True
    )
    assert [(f.kind, f.text) for f in figures] == [("money", "$2 billion")]
