"""Skipping patterns must give what the patterns they are built from give."""

from __future__ import annotations

import re

from tradestats.extraction import skipping
from tradestats.extraction.skipping import WHOLE

NUMBER = r"\d+(?:,\d{3})*"


def spans(
    pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int]]:
    return [m.span(WHOLE) for m in skipping.finditer(pattern, text, start, end)]


def test_matches_inside_an_earlier_match_are_passed_over() -> None:
    text = "12,345 and 6, then 7,890"
    pattern = skipping.pattern(r"\d", r"(?<!\w)", NUMBER)
    # The pattern alone also matches at "345" and "890", which begin after a comma.
    assert [m.group(WHOLE) for m in pattern.finditer(text)] == [
        "12,345",
        "345",
        "6",
        "7,890",
        "890",
    ]
    assert spans(pattern, text) == [(0, 6), (11, 12), (19, 24)]
    assert spans(pattern, text) == [m.span() for m in re.finditer(rf"(?<!\w){NUMBER}", text)]


def test_the_test_before_sees_past_the_start_of_the_search() -> None:
    pattern = skipping.pattern(r"\d", r"(?<!\w)", NUMBER)
    assert spans(pattern, "x12 34", 1) == [(4, 6)]
    assert spans(pattern, "x12 34", 4, 5) == [(4, 5)]


def test_groups_are_read_by_name_and_the_match_by_whole() -> None:
    pattern = skipping.pattern("$€", "", r"(?P<currency>[$€])(?P<amount>\d+)")
    (match,) = skipping.finditer(pattern, "pay €15 now")
    assert match.group(WHOLE) == "€15"
    assert match.span(WHOLE) == (4, 7)
    assert (match.group("currency"), match.group("amount")) == ("€", "15")


def test_tests_after_the_match_see_its_groups() -> None:
    # "x" then "y", or a "y" alone only when not bare: the conditional cannot sit
    # inside the lookbehind, so it follows it.
    pattern = skipping.pattern("xy", "", r"(?P<mark>x)?y", after="(?(mark)|(?!))")
    assert spans(pattern, "y xy yy") == [(2, 4)]


def test_a_pattern_after_another_character_gives_what_the_original_gives() -> None:
    pattern = skipping.after_other(r"\d", r"\w", NUMBER)
    text = "12,345 and x6, then 7,890"
    plain = [m.span() for m in re.finditer(rf"(?<!\w){NUMBER}", text)]
    assert plain == [(0, 6), (20, 25)]
    assert spans(pattern, text) == plain
    # The character before the start of the search still counts, and the text's start.
    assert spans(pattern, "x12 34", 1) == [(4, 6)]
    assert spans(pattern, " 12 34", 1) == [(1, 3), (4, 6)]
    assert spans(pattern, "12 34", 0, 1) == [(0, 1)]
    assert spans(pattern, "12 34", 3, 4) == [(3, 4)]
