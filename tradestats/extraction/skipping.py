"""Patterns that let the regular-expression engine skip to where a match can begin.

Python's ``re`` jumps straight to the next possible start of a match only when a pattern
opens by consuming a character set or a literal. A pattern that opens with an assertion,
such as "a match begins a word" (``(?<!\\w)``), is tried at every position of the text,
and in running text most of a search's time then goes to positions no match can begin
at. ``pattern`` builds the same pattern behind a set of first characters: it consumes
one character of the set, then looks back at it and asserts the original pattern there,
capturing the whole match in the group ``WHOLE``. ``finditer`` reads the matches back
exactly as ``finditer`` on the original pattern would give them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

WHOLE = "whole"


def pattern(first: str, before: str, body: str, flags: int = 0, after: str = "") -> re.Pattern[str]:
    """``(?:before)(?:body)``, tried only where the character is in ``[first]``.

    ``first`` is the inside of a character set holding every character a match of
    ``body`` can begin with; ``before`` holds the zero-width tests of what precedes a
    match. A match object's own span covers only the first character: its span and
    text are those of the group ``WHOLE``. ``body`` must not match the empty string.

    Python allows no reference to a group inside a lookbehind that also defines it:
    ``after`` holds zero-width tests of the groups (conditionals), tried on the first
    match that ``body`` finds, since the engine does not go back into a lookahead.
    """
    return re.compile(rf"[{first}](?<=(?:{before})(?=(?P<{WHOLE}>{body}))[\s\S]){after}", flags)


def finditer(
    pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None
) -> Iterator[re.Match[str]]:
    """The matches of a skipping ``pattern`` that ``finditer`` of the original would give.

    The pattern matches wherever a match begins, inside an earlier match too: like
    ``finditer``, this goes on only after the end of each match it keeps.
    """
    resume = start
    for match in pattern.finditer(text, start, len(text) if end is None else end):
        if match.start() >= resume:
            resume = match.end(WHOLE)
            yield match
