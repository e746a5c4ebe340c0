"""`--all`: quantities the trade grammar does not own, through quantulum3 and pint."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tradestats import extract
from tradestats.extraction.quantities import spell_out, unit_registry
from tradestats.extraction.refdata import scale_factors
from tradestats.pipeline import Task, process
from tradestats.read import Source


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


def test_abbreviations_of_the_trade_press_are_read_as_what_they_say() -> None:
    text = (
        "Crude output held at 10.5 mb/d in March. Shipments climbed to 7.2 million bpd, "
        "and the port loaded 3.5 mln tonnes of wheat and 1.2 mln t of maize."
    )
    figures = extract(text, include_quantities=True)
    assert [(f.text, f.value, f.unit) for f in figures] == [
        ("10.5 mb/d", Decimal(10500000), "barrel per day"),
        ("7.2 million bpd", Decimal(7200000), "barrel per day"),
        ("3.5 mln tonnes", Decimal(3500000), "metric_ton"),
        ("1.2 mln t", Decimal(1200000), "metric_ton"),
    ]
    for figure in figures:
        assert text[figure.start : figure.end] == figure.text
    assert figures[0].ulp == Decimal(100000)


def test_words_and_letters_quantulum3_takes_for_units_are_left_out() -> None:
    # Read as inches (before a line break), atomic mass units, rutherfords, minutes of arc and an average of
    # 1987 and two million: none of them is a quantity.
    text = (
        "Sales were 906 mln in\nMarch, the 3RD rise since 1986 U.S. data began. "
        "The 50-minute call covered 1987 to 2.0 mln tonnes."
    )
    assert [f for f in extract(text, include_quantities=True) if f.kind == "quantity"] == []


def test_spelled_out_text_maps_back_to_the_source() -> None:
    source = "7 mb/d, 3 MLN and 2 bn, 300kb/d in St Paul, MN"
    spelled, starts, ends = spell_out(source)
    assert spelled == (
        "7 million barrels per day, 3 million and 2 billion, 300 thousand barrels per day"
        " in St Paul, MN"
    )
    begin = spelled.index("million barrels")
    end = begin + len("million barrels per day")
    assert source[starts[begin] : ends[end - 1]] == "mb/d"
    assert source[starts[0] : ends[len(spelled) - 1]] == source
    assert len(starts) == len(ends) == len(spelled)


def test_values_come_from_the_printed_digits_and_ranges_keep_their_ends() -> None:
    text = "Stocks stood at 8.2 million tonnes; mills took 5-6 tonnes a day and 300kb/d of fuel."
    figures = extract(text, include_quantities=True)
    assert [(f.text, f.value, f.printed, f.ulp, f.low, f.high) for f in figures] == [
        # quantulum3 gives 8199999.999999999 for the first.
        ("8.2 million tonnes", Decimal(8200000), "8.2", Decimal(100000), None, None),
        ("5-6 tonnes", Decimal("5.5"), "5-6", Decimal(1), Decimal(5), Decimal(6)),
        ("300kb/d", Decimal(300000), "300", Decimal(1000), None, None),
    ]


def test_a_number_longer_than_any_quantity_is_refused_with_a_note_not_raised(
    tmp_path: Path,
) -> None:
    # quantulum3 took minutes on a few hundred digits before a unit; the number is now
    # blanked out for it and named in a warning, and the tonnes beside it are still read.
    digits = "7" * 300
    path = tmp_path / "long.txt"
    path.write_text(f"Rice exports were 40 tonnes, and {digits} crore tonnes of wheat.\n")
    outcome = process(Source(str(path)), Task(include_quantities=True))
    assert [f.text for f in outcome.figures if f.kind == "quantity"] == ["40 tonnes"]
    assert outcome.faults == ()
    assert any("a number of 300 digits" in note for note in outcome.warnings)


def test_numbers_up_to_the_digit_limit_still_reach_the_quantity_reader() -> None:
    figures = extract("Stocks reached 123,456,789,012,345 barrels.", include_quantities=True)
    assert [(f.kind, f.value) for f in figures] == [("quantity", Decimal(123456789012345))]
