"""Periods: every shape reads its examples and none of its counterexamples, and
``tradestats.periods`` resolves the sentences of fixtures/extract/periods.toml exactly."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import FIXTURES, load_cases
from tradestats import extract, periods
from tradestats.extraction.periods import (
    CALENDAR_GRAMMAR,
    SHAPES,
    CalendarEntry,
    Shape,
    calendar_periods,
    find_periods,
)

CASES = load_cases("extract/periods.toml")
EXAMPLES = [(shape, example) for shape in SHAPES for example in shape.examples]
COUNTEREXAMPLES = [(shape, text) for shape in SHAPES for text in shape.counterexamples]


@pytest.mark.parametrize(
    ("shape", "example"), EXAMPLES, ids=[f"{s.name}: {e}" for s, e in EXAMPLES]
)
def test_shape_reads_its_example_whole(shape: Shape, example: str) -> None:
    found = find_periods(example, 0, len(example), 4, days=True, shapes=True)
    assert [(p.text, p.shape) for p in found] == [(example, shape.name)]


@pytest.mark.parametrize(
    ("shape", "text"), COUNTEREXAMPLES, ids=[f"{s.name}: {t}" for s, t in COUNTEREXAMPLES]
)
def test_shape_does_not_read_its_counterexample(shape: Shape, text: str) -> None:
    found = find_periods(text, 0, len(text), 4, days=True, shapes=True)
    assert not [p for p in found if p.shape == shape.name and p.text == text]


def test_every_shape_has_examples_and_counterexamples() -> None:
    names = [shape.name for shape in SHAPES]
    assert len(names) == len(set(names))
    assert all(shape.examples and shape.counterexamples for shape in SHAPES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_periods(case: dict) -> None:
    reference = date.fromisoformat(case["date"]) if "date" in case else None
    found = periods(case["text"], reference_date=reference)
    got = [(p.text, p.period_start, p.period_end) for p in found]
    want = [(p["text"], p.get("start"), p.get("end")) for p in case["periods"]]
    assert got == want
    for p in found:
        assert case["text"][p.start : p.end] == p.text


INDIA = FIXTURES / "articles" / "india-us-exports-fy26.txt"
# An unrelated older story above the trade story, as scraped pages stack them: its years
# (2017, 2018) and its bare "July" must lend nothing to the story below.
OLDER_STORY = """Grain board reports a record harvest

Australia's wheat exports climbed 8% in 2018, the grain board said on 2 March 2018, after a dry spell in 2017 had cut shipments to $4.1 billion.

Barley sales to Japan held steady at $310 million in July, the board added in its note.

"""


def figure_periods(text: str, reference: date | None) -> list[tuple[str, str | None, str | None]]:
    return [(f.text, f.period_start, f.period_end) for f in extract(text, reference_date=reference)]


@pytest.mark.parametrize("reference", [None, date(2025, 8, 20)], ids=["undated", "dated"])
def test_an_older_story_above_lends_the_india_story_no_period(reference: date | None) -> None:
    alone = INDIA.read_text(encoding="utf-8")
    stacked = OLDER_STORY + alone
    figures_alone = figure_periods(alone, reference)
    figures_stacked = figure_periods(stacked, reference)
    assert figures_stacked[-len(figures_alone) :] == figures_alone
    assert ("$8.3 billion", "2025-06", "2025-06") in figures_alone
    shift = len(OLDER_STORY)
    stated_alone = [
        (p.text, p.start, p.period_start, p.period_end) for p in periods(alone, reference)
    ]
    stated_stacked = [
        (p.text, p.start - shift, p.period_start, p.period_end)
        for p in periods(stacked, reference)
        if p.start >= shift
    ]
    assert stated_stacked == stated_alone


@pytest.mark.parametrize(
    ("entry", "example"),
    [(entry, example) for entry in CALENDAR_GRAMMAR for example in entry.examples],
    ids=lambda item: getattr(item, "name", None) or item[0],
)
def test_calendar_entry_reads_its_example(entry: CalendarEntry, example: tuple) -> None:
    # Every example is dated from Wednesday 18 February 1998.
    text, matched, start, end = example
    found = [p for p in calendar_periods(text, date(1998, 2, 18)) if p.text == matched]
    assert [(p.period_start, p.period_end) for p in found] == [(start, end)]


def test_days_and_weeks_are_no_figure_period() -> None:
    # "said on Monday" dates the saying, not the exports.
    text = "Exports rose 5% to $2.0 billion, the ministry said on Monday."
    figures = extract(text, reference_date=date(1998, 2, 18))
    assert [(f.text, f.period_start) for f in figures] == [("5%", None), ("$2.0 billion", None)]
    assert [p.text for p in periods(text, reference_date=date(1998, 2, 18))] == ["Monday"]
