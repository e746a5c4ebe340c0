"""The quick first tests in front of the extraction patterns must never change a match.

Each hot pattern opens with a test of what a match can begin with (first letters, first
words). These tests run each pattern with and without that opening over every text the
project ships and over phrases written to reach each branch, and require the same matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from tradestats.extraction import context, grammar, periods, skipping
from tradestats.extraction.folding import fold
from tradestats.extraction.skipping import WHOLE

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
€1.234,5 million, $6 000,50 million, between $1.2 and 1.5, said; $5-6, analysts said.
$5-$6 billion, US$5-$6 billion, Rs 5-Rs 6 crore, a hundred mln dlrs, one hundred pct, fifty-five %.
"""


PHRASE_CASES = [PHRASES, PHRASES.upper(), PHRASES.lower()]


def texts() -> list[str]:
    found = list(PHRASE_CASES)
    found += [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.txt"))]
    found += [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.md"))]
    return found


Found = list[tuple[tuple[int, int], dict[str, str | None]]]


def matches(pattern: re.Pattern[str], text: str) -> Found:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def skipped(found: Iterable[re.Match[str]]) -> Found:
    """The matches of a skipping pattern as those of the pattern it was built from."""
    return [
        (m.span(WHOLE), {k: v for k, v in m.groupdict().items() if k not in (WHOLE, "cur_again")})
        for m in found
    ]


def without(source: str, *openings: str) -> str:
    for opening in openings:
        assert opening in source, opening
        source = source.replace(opening, "")
    return source


@pytest.mark.parametrize("index", range(len(texts())))
def test_flow_words_are_the_same_without_the_first_word_test(index: int) -> None:
    plain = re.compile(rf"(?<![A-Za-z_-]){context._FLOW_BODY}", re.VERBOSE)
    folded = fold(texts()[index])
    found = skipped(skipping.finditer(context.FLOW_PATTERN, folded))
    assert found == matches(plain, folded)
    assert found or index >= len(PHRASE_CASES)


@pytest.mark.parametrize("index", range(len(texts())))
def test_periods_are_the_same_without_the_first_letter_tests(index: int) -> None:
    body = periods._PERIOD_BODY
    guards = re.findall(r"\| (\(\?=\[[^\]]*\]\))", body)
    assert len(guards) == 8  # one per branch that has one
    plain = re.compile(
        r"(?<![\w-])" + without(body, f"(?={periods._PERIOD_START})", *dict.fromkeys(guards)),
        re.VERBOSE,
    )
    text = texts()[index]
    found = skipped(skipping.finditer(periods.PERIOD_PATTERN, text))
    assert found == matches(plain, text)
    assert found or index >= len(PHRASE_CASES)


@pytest.mark.parametrize("index", range(len(texts())))
def test_relative_periods_are_the_same_without_the_first_letter_test(index: int) -> None:
    plain = re.compile(r"(?<!\w)" + periods._RELATIVE_BODY, re.VERBOSE)
    folded = fold(texts()[index])
    found = skipped(skipping.finditer(periods.RELATIVE_PATTERN, folded))
    assert found == matches(plain, folded)


@pytest.mark.parametrize("index", range(len(texts())))
def test_figures_are_the_same_without_the_first_character_test(index: int) -> None:
    pattern = grammar.figure_pattern()
    (opening,) = re.findall(r"\(\?P<whole>\s*(\(\?=\[[^\]]*\]\))", pattern.pattern)
    plain = re.compile(without(pattern.pattern, opening), pattern.flags)
    text = texts()[index]
    lowered = fold(text)
    words = grammar._word_anchors(lowered, grammar.WORD_NUMBERS, whole=True)
    starts = grammar._word_starts(text, lowered, words)
    # Over the whole text: every position where a figure can begin.
    found = skipped(grammar._window_matches(text, 0, len(text), starts))
    assert found == [
        (span, {k: v for k, v in groups.items() if k != WHOLE})
        for span, groups in matches(plain, text)
    ]
    assert found or index >= len(PHRASE_CASES)


@pytest.mark.parametrize("index", range(len(texts())))
def test_figures_are_the_same_when_the_engine_may_go_back_into_a_unit(index: int) -> None:
    pattern = grammar.figure_pattern()
    assert "(?>" in pattern.pattern and "?+" in pattern.pattern
    plain = re.compile(pattern.pattern.replace("(?>", "(?:").replace("?+", "?"), pattern.flags)
    text = texts()[index]
    assert matches(pattern, text) == matches(plain, text)


def test_digit_clusters_join_the_runs_of_digits_close_together() -> None:
    gap = grammar._BEFORE + grammar._AFTER
    spaced = "x" * 100 + "12" + "y" * gap + "3" + "z" * (gap + 1) + "4"
    for text in [*texts(), "١٢ and ٣٤", spaced]:
        runs = [m.span() for m in re.finditer(r"\d+", text)]
        joined: list[tuple[int, int]] = []
        for start, end in runs:
            if joined and start - joined[-1][1] <= gap:
                joined[-1] = (joined[-1][0], end)
            else:
                joined.append((start, end))
        assert grammar._digit_clusters(text) == joined


def test_number_words_are_found_as_by_one_search_a_word() -> None:
    tricky = (
        "someone, money, sixty-six, eighteen, eightteen, ninety nine, tenfold, often, "
        "twentyone, one.two, (seven) élevenone ſix naïveone one"
    )
    # A word that opens the text follows no character at all.
    for text in [*texts(), tricky, tricky.upper(), "", "seven", "two-thirds", "tenfold one"]:
        lowered = fold(text)
        expected = grammar._word_anchors(lowered, grammar.WORD_NUMBERS, whole=True)
        assert grammar._number_words(lowered) == expected


def test_lower_case_names_are_told_as_by_a_search_for_each_head() -> None:
    heads = context._lowercase_name_heads()
    samples = [f"{head} x" for head in heads] + [f"x{head[:-1]}" for head in heads]
    for text in [*texts(), *samples, ""]:
        expected = any(head in text for head in heads)
        assert context.names_in_lower_case(text) == expected


@pytest.mark.parametrize("index", range(len(texts())))
def test_figures_are_the_same_without_the_test_for_any_country_name(
    index: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tradestats.extraction import extract

    text = texts()[index] + "\nExports fell 2.0% to $5.1 billion from $5.2 billion."
    quick = extract(text)
    monkeypatch.setattr(context, "names_any_capitalized", lambda _text: True)
    assert extract(text) == quick


@pytest.mark.parametrize("index", range(len(texts())))
def test_figures_are_the_same_in_ascii_mode_on_text_that_reads_alike(index: int) -> None:
    text = texts()[index]
    ascii_text = text.encode("ascii", "replace").decode("ascii")
    for sample in (text, ascii_text, ascii_text.replace(" ", "\t")):
        if not skipping.reads_alike_in_ascii(sample):
            continue
        lowered = fold(sample)
        words = grammar._word_anchors(lowered, grammar.WORD_NUMBERS, whole=True)
        starts = grammar._word_starts(sample, lowered, words)
        unicode_mode = grammar._window_matches(sample, 0, len(sample), starts)
        ascii_mode = grammar._window_matches(sample, 0, len(sample), starts, ascii_mode=True)
        assert [(m.span(), m.groupdict()) for m in ascii_mode] == [
            (m.span(), m.groupdict()) for m in unicode_mode
        ]
        assert ascii_mode or index >= len(PHRASE_CASES)


def test_text_reads_alike_in_ascii_only_without_the_separators_unicode_calls_space() -> None:
    assert skipping.reads_alike_in_ascii("Exports rose 5% to $2.1 billion.\n")
    assert not skipping.reads_alike_in_ascii("Exports rose 5% to €2.1 billion.")
    pattern = re.compile(r"5%\s+to")
    for separator in "\x1c\x1d\x1e\x1f":
        text = f"rose 5%{separator}to"
        # Unicode mode takes the separator for white space; ASCII mode does not.
        assert pattern.search(text) and not skipping.ascii_twin(pattern).search(text)
        assert not skipping.reads_alike_in_ascii(text)
    assert skipping.ascii_twin(pattern) is skipping.ascii_twin(pattern)
    assert skipping.ascii_twin(pattern).flags & re.ASCII
