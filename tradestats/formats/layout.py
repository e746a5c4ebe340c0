"""Rebuild a document's text piece by piece while remembering where each piece came from.

The text keeps the source's line numbers wherever it can: a block (paragraph, heading,
list item, table row) starts on the text line of its source line. The suppression
comments (``<!-- tradestats-disable-next-line -->``) are parsed from the text by line
number, and figures are reported by source line, so the two agree as long as the lines
do. Two blocks on one source line (minified HTML) take the next text line; later blocks
catch up at the next gap in the source.

Each block ends with two spaces, which the sentence splitter reads as a hard break
(segment.py), so that a heading never runs into the paragraph on the next line.
"""

from __future__ import annotations

from dataclasses import dataclass

from tradestats.models import Document, LocationStyle, SourceMap

BLOCK_END = "  "


@dataclass(frozen=True, slots=True)
class Run:
    """Text to add, from source ``(line, column)`` (1-based); not ``verbatim`` when the
    text was written for the reader (a table row's words, a decoded entity)."""

    text: str
    line: int
    column: int
    verbatim: bool = True


class TextBuilder:
    """Collects runs into a text and its SourceMap."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._line = 1  # the text line being written
        self._has_text = False  # whether that line holds text yet
        self._starts: list[int] = []
        self._lines: list[int] = []
        self._columns: list[int] = []
        self._verbatim: list[bool] = []
        self._after = (1, 1)  # the source position just after the last run

    def block(self, line: int) -> None:
        """Start a block whose text begins on source ``line``."""
        self.end_block()
        if line > self._line:
            self._newlines(line - self._line)
        elif self._has_text:
            self._newlines(1)

    def end_block(self) -> None:
        if self._has_text and not self._parts[-1].endswith(BLOCK_END):
            self.add(Run(BLOCK_END, *self._after, verbatim=False))

    def line_break(self, line: int) -> None:
        """A line break inside a block, before text from source ``line``."""
        if not self._has_text:
            return
        self._newlines(max(line - self._line, 1))

    def add(self, run: Run) -> None:
        if not run.text:
            return
        self._starts.append(self._length)
        self._lines.append(run.line)
        self._columns.append(run.column)
        self._verbatim.append(run.verbatim)
        self._parts.append(run.text)
        self._length += len(run.text)
        self._has_text = True
        width = len(run.text) if run.verbatim else 0
        self._after = (run.line, run.column + width)

    def extend(self, runs: list[Run]) -> None:
        for run in runs:
            self.add(run)

    @property
    def empty(self) -> bool:
        return not any(part.strip() for part in self._parts)

    def document(
        self,
        path: str,
        *,
        style: LocationStyle = "line",
        labels: tuple[tuple[int, str], ...] = (),
    ) -> Document:
        self.end_block()
        self._newlines(1)
        if not self._starts or self._starts[0] != 0:
            # Offsets before the first run (leading blank lines) map to the file's start.
            self._starts.insert(0, 0)
            self._lines.insert(0, 1)
            self._columns.insert(0, 1)
            self._verbatim.insert(0, False)
        source = SourceMap(
            starts=tuple(self._starts),
            lines=tuple(self._lines),
            columns=tuple(self._columns),
            verbatim=tuple(self._verbatim),
            style=style,
            labels=labels,
        )
        return Document("".join(self._parts), path, source)

    def _newlines(self, count: int) -> None:
        # Newlines are not pieces: their offsets fall in the run before them, which maps
        # the end of a figure at the end of a line to just after its last character.
        self._parts.append("\n" * count)
        self._length += count
        self._line += count
        self._has_text = False


def align(text: str, source_line: str, line: int, start: int) -> tuple[list[Run], int]:
    """Runs for ``text`` found in ``source_line`` from 0-based ``start`` on, and the
    0-based column after it.

    Parsers hand back text with escapes and entities resolved (``\\*``, ``&amp;``); where
    the text is not found as it stands, each character is looked for in turn, and one that
    is not there at all (a decoded entity) is anchored where the search stands.
    """
    found = source_line.find(text, start)
    if found != -1:
        return [Run(text, line, found + 1)], found + len(text)
    runs: list[Run] = []
    chars: list[str] = []
    chars_at = start
    cursor = start
    for char in text:
        at = source_line.find(char, cursor)
        if at == -1 or at - cursor > 12:
            if chars:
                runs.append(Run("".join(chars), line, chars_at + 1))
                chars = []
            runs.append(Run(char, line, cursor + 1, verbatim=False))
            continue
        if chars and at == chars_at + len(chars):
            chars.append(char)
        else:
            if chars:
                runs.append(Run("".join(chars), line, chars_at + 1))
            chars, chars_at = [char], at
        cursor = at + 1
    if chars:
        runs.append(Run("".join(chars), line, chars_at + 1))
    return runs, cursor
