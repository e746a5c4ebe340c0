"""The quick first tests in front of the extraction patterns must never change a match.

Each hot pattern opens with a test of what a match can begin with (first letters, first
words). These tests run each pattern with and without that opening over every text the
project ships and over phrases written to reach each branch, and require the same matches.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tradestats.extraction import context, grammar, periods
from tradestats.extraction.folding import fold

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

PHRASES = """
The trade deficit narrowed; the current account deficit and the merchandise surplus rose.
Balance of trade, trade balance, merchandise balance and the current account balance.
Re-exports, reexports, exported, exporting, outbound shipments, overseas sales, sales abroad.
Imported, importing, purchases from abroad, inbound shipments, two-way trade, trade volume.
Japan trade fell; China's trade rose; trade with Peru; EU trade ministry; trade turnover.
Tariffs, duties, levies, taxes, GDP, gross domestic product, inflation, utilisation, utilization.
The yen's slide; the rupee has weakened; exchange rates; shares fell; orders, output, budget.
In the three months ending in July 2019, the past 12 months to March, year-to-date, YTD.
The first 20 days of June, March-April 2024, Jan. 5-9 to Feb 2025, Q3 FY26, H1 2025.
The third quarter of 2024, the second half, the first eight months of the fiscal year 2023.
In May, June 2019, FY2024-25, 2019-20, fiscal 2023, the same period last year, a year earlier.
US$ 1.2 billion, -3.5%, (-)19.32 per cent, $-50.8bn, €-9.4 bn, Rs. 2.85 lakh crore, 13.93Billion.
Twenty-five pct, three per cent, six mln dlrs, 1,74,559.49 crore, 1 741.9 million, 5-6 bps.
"""


def texts() -> list[str]:
    found = [PHRASES, PHRASES.upper(), PHRASES.lower()]
    found += [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.txt"))]
    found += [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.md"))]
    return found


def matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in pattern.finditer(text)]


def without(pattern: re.Pattern[str], *openings: str) -> re.Pattern[str]:
    source = pattern.pattern
    for opening in openings:
        assert opening in source, opening
        source = source.replace(opening, "")
    return re.compile(source, pattern.flags)


@pytest.mark.parametrize("index", range(len(texts())))
def test_flow_words_are_the_same_without_the_first_word_test(index: int) -> None:
    plain = re.compile(
        rf"(?=[A-Za-z])(?<![A-Za-z_-]){context._FLOW_BODY}", context.FLOW_PATTERN.flags
    )
    folded = fold(texts()[index])
    assert matches(context.FLOW_PATTERN, folded) == matches(plain, folded)


@pytest.mark.parametrize("index", range(len(texts())))
def test_periods_are_the_same_without_the_first_letter_tests(index: int) -> None:
    pattern = periods.PERIOD_PATTERN
    guards = re.findall(r"\| (\(\?=\[[^\]]*\]\))", pattern.pattern)
    assert len(guards) == 6  # one per branch that has one
    plain = without(pattern, f"(?={periods._PERIOD_START})", *dict.fromkeys(guards))
    text = texts()[index]
    assert matches(pattern, text) == matches(plain, text)


@pytest.mark.parametrize("index", range(len(texts())))
def test_figures_are_the_same_without_the_first_character_test(index: int) -> None:
    pattern = grammar.figure_pattern()
    (opening,) = re.findall(r"\(\?<!\[\\w\.\]-\)(\(\?=\[[^\]]*\]\))", pattern.pattern)
    plain = without(pattern, opening)
    text = texts()[index]
    assert matches(pattern, text) == matches(plain, text)
