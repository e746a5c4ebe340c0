"""Inline suppressions: HTML comments that silence findings on some lines.

    <!-- tradestats-disable-next-line TS101 growth.direction -->
    <!-- tradestats-disable TS1 --> ... <!-- tradestats-enable TS1 -->

HTML comments because they vanish from rendered Markdown and read as plain notes in text.
Rules are named as in the config (ids, prefixes, dotted names; separated by spaces or
commas); none means every rule. A directive must not stop a run, so an unknown rule or
directive becomes a warning and the rest of the document is still parsed.

Precisely:
- ``disable-next-line`` suppresses the line after the comment's last line, blank or not.
- ``disable`` suppresses from the comment's first line through the last line of the
  matching ``enable`` comment, or to the end of the text without one.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from tradestats.config import UnknownRuleError, resolve_rules
from tradestats.rules import RULES

DISABLE_NEXT_LINE = "tradestats-disable-next-line"
DISABLE = "tradestats-disable"
ENABLE = "tradestats-enable"
DIRECTIVES = (DISABLE, DISABLE_NEXT_LINE, ENABLE)

# One pass over the text: every comment that starts with a tradestats- word, in any case
# and even misspelt, so that typos are reported instead of silently suppressing nothing;
# one that never closes ends at its line and is reported too.
_DIRECTIVE = re.compile(
    r"<!--\s*(tradestats-(?:\w|-(?!->))*)(?:(.*?)-->|[^\n]*)", re.DOTALL | re.IGNORECASE
)
_SEPARATOR = re.compile(r"[\s,]+")

LineRanges = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Suppressions:
    """Where each rule is silenced, as sorted, disjoint, inclusive 1-based line ranges.

    "All rules" is expanded to the ids in RULES when parsing, so that ``disable`` followed
    by ``enable TS101`` needs no special case.
    """

    ranges: Mapping[str, LineRanges] = field(
        default_factory=lambda: MappingProxyType({}), hash=False
    )
    warnings: tuple[str, ...] = ()

    def is_suppressed(self, rule_id: str, line: int) -> bool:
        """Whether a finding of ``rule_id`` on ``line`` (1-based) is silenced."""
        spans = self.ranges.get(rule_id)
        if not spans:
            return False
        index = bisect.bisect_right(spans, (line, sys.maxsize)) - 1
        return index >= 0 and spans[index][1] >= line


def parse_suppressions(text: str) -> Suppressions:
    """The suppressions a document's directives set, in one scan of the text."""
    if "tradestats-" not in text.lower():
        return Suppressions()
    last_line = text.count("\n") + 1
    spans: dict[str, list[tuple[int, int]]] = {}
    disabled_since: dict[str, int] = {}
    warnings: list[str] = []
    line, counted = 1, 0
    for match in _DIRECTIVE.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        end_line = line + text.count("\n", match.start(), match.end())
        keyword = match.group(1).lower()
        if match.group(2) is None:
            warnings.append(
                f"line {line}: tradestats directive {match.group(1)!r} is not closed with -->;"
                " it is ignored"
            )
            continue
        if keyword not in DIRECTIVES:
            warnings.append(
                f"line {line}: unknown tradestats directive {keyword!r}"
                f" (known: {', '.join(DIRECTIVES)})"
            )
            continue
        rules = _directive_rules(match.group(2), line, warnings)
        if keyword == DISABLE_NEXT_LINE:
            for rule_id in rules:
                spans.setdefault(rule_id, []).append((end_line + 1, end_line + 1))
        elif keyword == DISABLE:
            for rule_id in rules:
                disabled_since.setdefault(rule_id, line)
        else:
            for rule_id in rules & disabled_since.keys():
                spans.setdefault(rule_id, []).append((disabled_since.pop(rule_id), end_line))
    for rule_id, since in disabled_since.items():
        spans.setdefault(rule_id, []).append((since, last_line))
    ranges = {rule_id: _merge(rule_spans) for rule_id, rule_spans in sorted(spans.items())}
    return Suppressions(MappingProxyType(ranges), tuple(warnings))


def _directive_rules(arguments: str, line: int, warnings: list[str]) -> frozenset[str]:
    """The rule ids a directive names; every rule when it names none.

    Unknown names are dropped with a warning; a directive whose names are all unknown
    silences nothing rather than everything.
    """
    names = [name for name in _SEPARATOR.split(arguments) if name]
    if not names:
        return frozenset(RULES)
    ids: set[str] = set()
    for name in names:
        try:
            ids |= resolve_rules((name,))
        except UnknownRuleError:
            warnings.append(f"line {line}: unknown rule {name!r} in tradestats directive")
    return frozenset(ids)


def _merge(spans: list[tuple[int, int]]) -> LineRanges:
    merged: list[tuple[int, int]] = []
    for first, last in sorted(spans):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return tuple(merged)
