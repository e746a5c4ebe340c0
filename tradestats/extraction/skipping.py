"""Patterns that let the regular-expression engine skip to where a match can begin.

Python's ``re`` jumps straight to the next possible start of a match only when a pattern
opens by consuming a character set or a literal. A pattern that opens with an assertion,
such as "a match begins a word" (``(?<!\\w)``), is tried at every position of the text,
and in running text most of a search's time then goes to positions no match can begin
at. ``pattern`` builds the same pattern behind a set of first characters: it consumes
one character of the set, then looks back at it and asserts the original pattern there,
capturing the whole match in the group ``WHOLE``. ``finditer`` reads the matches back
exactly as ``finditer`` on the original pattern would give them.

Where a match must begin a word and common letters begin one ("e", "t", "s"), even that
set stops the engine inside most words: ``after_other`` builds the pattern behind the
character before a match instead, a space or a mark.
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


def after_other(first: str, not_before: str, body: str, flags: int = 0) -> re.Pattern[str]:
    """``(?<![not_before])(?:body)``, tried only right after a character not in
    ``[not_before]``, then only where the next one is in ``[first]``.

    The match consumes that character before it and asserts ``body`` after it, in the
    group ``WHOLE``. ``finditer`` searches such a pattern from one character before the
    start of the search, and tries the start of the text, which follows no character,
    with the pattern that ``pattern`` builds from the same parts.
    """
    compiled = re.compile(rf"[^{not_before}](?=[{first}])(?=(?P<{WHOLE}>{body}))", flags)
    _AT_TEXT_START[id(compiled)] = (
        compiled,
        pattern(first, rf"(?<![{not_before}])", body, flags),
    )
    return compiled


# The patterns of ``after_other`` by identity (a pattern's hash reads all of its code),
# each kept alive here with the same pattern as ``pattern`` builds it.
_AT_TEXT_START: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


# Each pattern asked for, by identity, with its twin in ASCII mode; keeping the pattern
# keeps its identity from passing to another.
_TWINS: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def reads_alike_in_ascii(text: str) -> bool:
    r"""Whether every pattern finds the same in ``text`` with and without ``re.ASCII``.

    In ASCII mode the engine tests ``\w``, ``\d``, ``\s`` and letter case in small
    tables; in Unicode mode it looks each character up in the Unicode database, which
    makes a search of running text about a sixth slower. On ASCII text both modes agree
    but for four control characters, which only Unicode counts as white space. Worth
    asking once for a text that is then searched all over, not for each small search.
    """
    # Four searches for one character each, a scan of memory apiece, are quicker than
    # one search for a set of them.
    return (
        text.isascii()
        and "\x1c" not in text
        and "\x1d" not in text
        and "\x1e" not in text
        and "\x1f" not in text
    )


def ascii_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` compiled in ASCII mode, for a text of which ``reads_alike_in_ascii``
    holds. Its groups and matches there are the pattern's own."""
    twin = _TWINS.get(id(pattern))
    if twin is None:
        flags = (pattern.flags & ~re.UNICODE) | re.ASCII
        twin = _TWINS[id(pattern)] = (pattern, re.compile(pattern.pattern, flags))
    return twin[1]


def finditer(
    pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None
) -> Iterator[re.Match[str]]:
    """The matches of a skipping ``pattern`` that ``finditer`` of the original would give.

    The pattern matches wherever a match begins, inside an earlier match too: like
    ``finditer``, this goes on only after the end of each match it keeps.
    """
    end = len(text) if end is None else end
    resume = start
    other = _AT_TEXT_START.get(id(pattern))
    if other is not None:
        if start == 0:
            first = other[1].match(text, 0, end)
            if first is not None:
                resume = first.end(WHOLE)
                yield first
        # A match at ``start`` takes the character before it.
        start = max(start - 1, 0)
    for match in pattern.finditer(text, start, end):
        if match.start(WHOLE) >= resume:
            resume = match.end(WHOLE)
            yield match
