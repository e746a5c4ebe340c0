"""Context of figures as data in fixtures/extract/context.toml: flow, countries, periods."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.conftest import load_cases
from tradestats import extract

CASES = load_cases("extract/context.toml")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_context(case: dict) -> None:
    published = date.fromisoformat(case["date"]) if "date" in case else None
    figures = extract(case["text"], reference_date=published)
    assert [f.text for f in figures] == [e["text"] for e in case["figures"]]
    for figure, expected in zip(figures, case["figures"], strict=True):
        for field, want in expected.items():
            got = getattr(figure, field)
            if field == "value":
                assert got == Decimal(want), (figure.text, field)
            else:
                # An empty string in the case file means "not known".
                assert got == (want or None), (figure.text, field, got)
