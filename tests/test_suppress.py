"""Suppression comments: which (rule, line) pairs each directive form silences."""

from __future__ import annotations

import time

import pytest

from tradestats.rules import RULES
from tradestats.suppress import Suppressions, parse_suppressions

ALL = sorted(RULES)


def silenced(text: str) -> dict[int, list[str]]:
    """Line -> the rules silenced on it, for every line of the text and one past its end."""
    suppressions = parse_suppressions(text)
    lines = range(1, text.count("\n") + 3)
    table = {n: [r for r in ALL if suppressions.is_suppressed(r, n)] for n in lines}
    return {n: rules for n, rules in table.items() if rules}


def test_plain_text_has_no_suppressions() -> None:
    assert parse_suppressions("Exports rose 17.8% to $33.53 billion.\n") == Suppressions()
    assert not Suppressions().is_suppressed("TS101", 1)


# --- disable-next-line ----------------------------------------------------------------------


def test_next_line_one_rule() -> None:
    text = "<!-- tradestats-disable-next-line TS101 -->\nExports rose 17.8%.\nImports fell.\n"
    assert silenced(text) == {2: ["TS101"]}


def test_next_line_without_rules_silences_all() -> None:
    text = "<!-- tradestats-disable-next-line -->\nExports rose 17.8%.\n"
    assert silenced(text) == {2: ALL}


@pytest.mark.parametrize(
    "rules", ["TS101 TS201", "TS101,TS201", "TS101, TS201", " TS101 ,\tTS201 ", "growth.rate TS2"]
)
def test_next_line_several_rules(rules: str) -> None:
    text = f"<!-- tradestats-disable-next-line {rules} -->\nExports rose 17.8%.\n"
    assert silenced(text) == {2: ["TS101", "TS201"]}


def test_next_line_by_prefix_and_group_name() -> None:
    assert silenced("<!-- tradestats-disable-next-line TS3 -->\nx\n") == {
        2: ["TS301", "TS302", "TS303"]
    }
    assert silenced("<!-- tradestats-disable-next-line identity -->\nx\n") == {
        2: ["TS301", "TS302", "TS303"]
    }


def test_next_line_is_the_line_after_not_the_next_non_blank_one() -> None:
    text = "<!-- tradestats-disable-next-line TS101 -->\n\nExports rose 17.8%.\n"
    assert silenced(text) == {2: ["TS101"]}


def test_next_line_after_text_on_the_same_line() -> None:
    text = "Intro. <!-- tradestats-disable-next-line TS101 -->\nExports rose 17.8%.\n"
    assert silenced(text) == {2: ["TS101"]}


def test_next_line_counts_from_the_comments_last_line() -> None:
    text = "<!--\n  tradestats-disable-next-line\n  TS101\n-->\nExports rose 17.8%.\n"
    assert silenced(text) == {5: ["TS101"]}


def test_next_line_without_spaces_inside_the_comment() -> None:
    assert silenced("<!--tradestats-disable-next-line-->\nx") == {2: ALL}


@pytest.mark.parametrize("ending", ["", "\n"])
def test_next_line_at_end_of_file(ending: str) -> None:
    text = "Exports rose 17.8%.\n<!-- tradestats-disable-next-line TS101 -->" + ending
    suppressions = parse_suppressions(text)
    assert suppressions.warnings == ()
    assert not suppressions.is_suppressed("TS101", 1)
    assert not suppressions.is_suppressed("TS101", 2)
    assert suppressions.is_suppressed("TS101", 3)  # a line no finding can be on


# --- disable ... enable --------------------------------------------------------------------


def test_disable_enable_range_includes_both_comment_lines() -> None:
    text = "\n".join(
        [
            "Before.",  # 1
            "<!-- tradestats-disable TS101 -->",  # 2
            "Exports rose 17.8%.",  # 3
            "Imports rose 9%.",  # 4
            "<!-- tradestats-enable TS101 -->",  # 5
            "After.",  # 6
        ]
    )
    assert silenced(text) == {2: ["TS101"], 3: ["TS101"], 4: ["TS101"], 5: ["TS101"]}


def test_disable_without_enable_runs_to_end_of_file() -> None:
    text = "a\n<!-- tradestats-disable TS201 -->\nb\nc"
    suppressions = parse_suppressions(text)
    assert suppressions.ranges == {"TS201": ((2, 4),)}
    assert [n for n in range(1, 5) if suppressions.is_suppressed("TS201", n)] == [2, 3, 4]


def test_disable_all_then_enable_all() -> None:
    text = "a\n<!-- tradestats-disable -->\nb\n<!-- tradestats-enable -->\nc\n"
    assert silenced(text) == {2: ALL, 3: ALL, 4: ALL}


def test_disable_all_then_enable_one_rule() -> None:
    text = "<!-- tradestats-disable -->\na\n<!-- tradestats-enable growth.rate -->\nb\n"
    others = [r for r in ALL if r != "TS101"]
    assert silenced(text) == {1: ALL, 2: ALL, 3: ALL, 4: others, 5: others}


def test_disable_a_prefix_then_enable_all() -> None:
    text = "<!-- tradestats-disable TS1 -->\na\n<!-- tradestats-enable -->\nb\n"
    growth = ["TS101", "TS102", "TS103", "TS104", "TS105"]
    assert silenced(text) == {1: growth, 2: growth, 3: growth}


def test_disable_and_enable_on_one_line() -> None:
    text = "a\n<!-- tradestats-disable TS101 --> rose 17.8% <!-- tradestats-enable TS101 -->\nb"
    assert silenced(text) == {2: ["TS101"]}


def test_repeated_disable_keeps_the_first_start() -> None:
    text = "<!-- tradestats-disable TS101 -->\n<!-- tradestats-disable TS101 -->\nx\n" + (
        "<!-- tradestats-enable TS101 -->\ny\n"
    )
    assert silenced(text) == {1: ["TS101"], 2: ["TS101"], 3: ["TS101"], 4: ["TS101"]}


def test_enable_without_disable_does_nothing() -> None:
    assert parse_suppressions("<!-- tradestats-enable TS101 -->\nx\n") == Suppressions()


def test_ranges_and_next_lines_merge() -> None:
    text = "\n".join(
        [
            "<!-- tradestats-disable-next-line TS101 -->",  # 1
            "a",  # 2
            "<!-- tradestats-disable TS101 -->",  # 3
            "b",  # 4
            "<!-- tradestats-enable TS101 -->",  # 5
            "<!-- tradestats-disable-next-line TS101 -->",  # 6
            "c",  # 7
            "d",  # 8
            "<!-- tradestats-disable-next-line TS101 -->",  # 9
            "e",  # 10
        ]
    )
    assert parse_suppressions(text).ranges == {"TS101": ((2, 5), (7, 7), (10, 10))}


# --- mistakes become warnings ------------------------------------------------------------


def test_unknown_rule_is_a_warning_and_known_rules_still_apply() -> None:
    text = "a\nb\n<!-- tradestats-disable-next-line TS999, TS101 -->\nc\n"
    suppressions = parse_suppressions(text)
    assert suppressions.warnings == ("line 3: unknown rule 'TS999' in tradestats directive",)
    assert suppressions.ranges == {"TS101": ((4, 4),)}


def test_only_unknown_rules_silence_nothing() -> None:
    suppressions = parse_suppressions("<!-- tradestats-disable growth.rat -->\nx\n")
    assert suppressions.warnings == ("line 1: unknown rule 'growth.rat' in tradestats directive",)
    assert suppressions.ranges == {}


def test_warning_names_the_comments_first_line() -> None:
    text = "a\n<!-- tradestats-disable\n  TS1 TS9 -->\n"
    assert parse_suppressions(text).warnings == (
        "line 2: unknown rule 'TS9' in tradestats directive",
    )


def test_unknown_directive_is_a_warning() -> None:
    suppressions = parse_suppressions("x\n<!-- tradestats-disabel TS101 -->\ny\n")
    assert suppressions.warnings == (
        "line 2: unknown tradestats directive 'tradestats-disabel' (known: "
        "tradestats-disable, tradestats-disable-next-line, tradestats-enable)",
    )
    assert suppressions.ranges == {}


def test_other_comments_are_ignored() -> None:
    text = "<!-- a note about tradestats-disable -->\n<!-- TODO -->\nx\n"
    assert parse_suppressions(text) == Suppressions()


# --- shape ------------------------------------------------------------------------------------


def test_suppressions_are_frozen_and_hashable() -> None:
    suppressions = parse_suppressions("<!-- tradestats-disable -->\n")
    assert hash(suppressions) == hash(parse_suppressions("<!-- tradestats-disable -->\n"))
    with pytest.raises(TypeError):
        suppressions.ranges["TS101"] = ()  # type: ignore[index]


def test_large_document_is_parsed_in_one_pass() -> None:
    paragraph = "Exports rose 17.8% to $33.53 billion from $27.57 billion.\n" * 20
    block = "<!-- tradestats-disable-next-line TS101 -->\n" + paragraph
    text = block * 5000  # 105,000 lines, 5,000 directives
    started = time.perf_counter()
    suppressions = parse_suppressions(text)
    for line in range(1, 105_001):
        suppressions.is_suppressed("TS101", line)
    assert time.perf_counter() - started < 2.0
    assert suppressions.is_suppressed("TS101", 2)
    assert suppressions.is_suppressed("TS101", 23)
    assert not suppressions.is_suppressed("TS101", 3)
    assert len(suppressions.ranges["TS101"]) == 5000


def test_directives_in_capitals_work_as_in_lower_case() -> None:
    text = "<!-- TRADESTATS-DISABLE-NEXT-LINE TS101 -->\nExports rose 17.8%.\n"
    assert silenced(text) == {2: ["TS101"]}
    assert parse_suppressions(text).warnings == ()


def test_a_directive_that_never_closes_is_reported_not_dropped() -> None:
    text = "Exports rose 17.8%.\n<!-- tradestats-disable-next-line TS101\nImports fell 3%.\n"
    suppressions = parse_suppressions(text)
    assert silenced(text) == {}
    assert suppressions.warnings == (
        "line 2: tradestats directive 'tradestats-disable-next-line' is not closed with -->;"
        " it is ignored",
    )
