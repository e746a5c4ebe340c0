"""Every surface form of the trade grammar, as data in fixtures/extract/forms.toml."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import load_cases
from tradestats import extract

CASES = load_cases("extract/forms.toml")
DECIMAL_FIELDS = {"value", "ulp", "low", "high"}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_form(case: dict) -> None:
    figures = extract(case["text"])
    assert [f.text for f in figures] == [e["text"] for e in case["figures"]]
    for figure, expected in zip(figures, case["figures"], strict=True):
        assert case["text"][figure.start : figure.end] == figure.text
        for field, want in expected.items():
            got = getattr(figure, field)
            if want == "":
                want = None  # TOML has no null: an empty string stands for no value
            if field in DECIMAL_FIELDS:
                assert got == Decimal(want), (figure.text, field)
            else:
                assert got == want, (figure.text, field)


def test_offsets_are_lines_and_columns() -> None:
    text = "Headline\n\nExports rose 5% to $10 billion."
    figures = extract(text, path="note.txt")
    assert [(f.line, f.column, f.path) for f in figures] == [
        (3, 14, "note.txt"),
        (3, 20, "note.txt"),
    ]


def test_printed_digits_give_the_rounding_interval() -> None:
    (figure,) = extract("Exports were $33.53 billion.")
    assert figure.bounds == (Decimal("33525000000"), Decimal("33535000000"))


def test_a_day_of_a_month_does_not_open_a_range() -> None:
    figures = extract("Spending rises in the year from April 1 to 61.20 billion dlrs.")
    assert [(f.text, f.value, f.low) for f in figures] == [
        ("61.20 billion dlrs", Decimal("61200000000"), None)
    ]
    (ranged,) = extract("Prices were 1 to 2 dlrs higher.")
    assert (ranged.low, ranged.high) == (Decimal(1), Decimal(2))
