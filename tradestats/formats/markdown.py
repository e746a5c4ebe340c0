"""Markdown -> the prose a reader sees, with every character traced to its source line.

Checked: paragraphs, headings, list items, block quotes and tables (tables as one
sentence per row, see grid.py). Skipped: front matter, fenced and indented code, inline
code, link and image targets, bare URLs, images and HTML, except tradestats directive
comments, which are kept where they stand so that ``check`` honours them.

markdown-it gives block tokens their source lines but not inline columns, so each inline
piece is found again in its source line, left to right.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from tradestats.formats import InputError
from tradestats.formats.grid import Cell, write_table
from tradestats.formats.layout import Run, TextBuilder, align
from tradestats.models import Document

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.token import Token

# A directive in any case; one that never closes is kept to the end of its line, so that
# check can warn that it is ignored instead of dropping it with the HTML around it.
DIRECTIVE = re.compile(r"<!--\s*tradestats-(?:.*?-->|[^\n]*)", re.DOTALL | re.IGNORECASE)
_URL = re.compile(r"(?i)\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]")
_FRONT_MATTER_OPEN = {"---": ("---", "..."), "+++": ("+++",)}
# Block nesting tradestats reads: a list adds two levels (list and item), a quote one,
# so 20 nested lists or 40 nested quotes. markdown-it's own limit (20 levels) skips the
# rest of the file without a word; here its limit sits above ours, and ours says so.
MAX_NESTING = 40
_PARSER_NESTING = MAX_NESTING + 10
_TOO_DEEP = "tradestats_too_deep"


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # CommonMark plus GitHub's tables and strikethrough; no linkify, bare URLs are
    # dropped from the text instead.
    parser = MarkdownIt("commonmark", {"maxNesting": _PARSER_NESTING})
    parser.enable(["table", "strikethrough"])
    parser.block.ruler.before("table", "tradestats_depth", _depth_guard)
    return parser


def _depth_guard(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Stop at the first block nested past MAX_NESTING and note its line.

    Runs first for every block, so the parser never reaches its own limit (which would
    drop the rest of the file silently) nor Python's recursion limit.
    """
    if state.level <= MAX_NESTING:
        return False
    state.env.setdefault(_TOO_DEEP, start)
    state.line = end
    return True


def read_markdown(text: str, path: str) -> Document:
    lines = text.split("\n")
    body = list(_without_front_matter(lines))  # cut below; ``lines`` keeps the source
    unclosed = _unclosed_directives(body)
    for number, column in unclosed:
        body[number] = body[number][:column]
    env: dict[str, int] = {}
    tokens = _parser().parse("\n".join(body), env)
    if _TOO_DEEP in env:
        raise InputError(
            f"{path}:{env[_TOO_DEEP] + 1}: lists or block quotes nested too deep to read"
            f" (over {MAX_NESTING // 2} lists or {MAX_NESTING} quotes); nothing in this file"
            " was checked"
        )
    builder = TextBuilder()
    index = 0
    while index < len(tokens):
        token = tokens[index]
        while unclosed and token.map and unclosed[0][0] < token.map[1]:
            number, _ = unclosed.pop(0)
            _directives(lines, number, number + 1, builder)
        if token.type == "table_open":
            index = _table(tokens, index, lines, builder)
            continue
        if token.type == "html_block" and token.map:
            _directives(lines, token.map[0], token.map[1], builder)
        elif token.type == "inline" and token.map:
            # Code blocks and fences have no inline children: they never get here.
            runs = list(_inline_runs(token.children or [], lines, token.map[0], 0))
            if any(run.text.strip() for run in runs):
                builder.block(token.map[0] + 1)
                _write(builder, runs)
                builder.end_block()
        index += 1
    for number, _ in unclosed:
        _directives(lines, number, number + 1, builder)
    return builder.document(path)


def _unclosed_directives(body: list[str]) -> list[tuple[int, int]]:
    """Line and column of each tradestats directive that no later ``-->`` closes.

    Markdown would read everything after such a ``<!--`` as one comment, so the rest of
    the file would go unchecked behind a warning that says only the directive is ignored;
    the directive is cut from what is parsed and kept for that warning, and the text
    after it is read.
    """
    closes = [number for number, line in enumerate(body) if "-->" in line]
    last_close = closes[-1] if closes else -1
    found = []
    for number, line in enumerate(body):
        if number < last_close or "<!--" not in line or "tradestats-" not in line.lower():
            continue
        for match in DIRECTIVE.finditer(line):
            if not match.group(0).endswith("-->"):
                found.append((number, match.start()))
                break
    return found


def _without_front_matter(lines: list[str]) -> list[str]:
    """The lines with a leading YAML (---) or TOML (+++) block blanked, keeping numbers."""
    closers = _FRONT_MATTER_OPEN.get(lines[0].rstrip()) if lines else None
    if not closers:
        return lines
    for end in range(1, len(lines)):
        if lines[end].rstrip() in closers:
            return [""] * (end + 1) + lines[end + 1 :]
    return lines


def _write(builder: TextBuilder, runs: Sequence[Run]) -> None:
    for run in runs:
        if run.text == "\n":
            builder.line_break(run.line)
        else:
            builder.add(run)


def _directives(lines: list[str], first: int, last: int, builder: TextBuilder) -> None:
    """tradestats comments in an HTML block, each kept as its own block."""
    chunk = "\n".join(lines[first:last])
    if "tradestats-" not in chunk.lower():
        return
    for match in DIRECTIVE.finditer(chunk):
        line = first + chunk.count("\n", 0, match.start())
        column = match.start() - (chunk.rfind("\n", 0, match.start()) + 1)
        builder.block(line + 1)
        for number, part in enumerate(match.group(0).split("\n")):
            if number:
                builder.line_break(line + 1 + number)
            builder.add(Run(part, line + 1 + number, (column if number == 0 else 0) + 1))
        builder.end_block()


def _inline_runs(
    children: Sequence[Token], lines: list[str], line: int, column: int
) -> Iterator[Run]:
    """The reader's text of one inline token, each run placed in ``lines``.

    ``line`` and ``column`` are 0-based; a run whose text is a lone newline marks a line
    break before source line ``run.line``.
    """
    skipping = 0  # inside an autolink or an image: its text is a URL or alt text
    for child in children:
        kind = child.type
        source = lines[line] if line < len(lines) else ""
        if kind in ("softbreak", "hardbreak"):
            line, column = line + 1, 0
            yield Run("\n", line + 1, 1, verbatim=False)
        elif kind == "link_open" and child.markup in ("autolink", "linkify"):
            skipping += 1
            close = source.find(">", column)
            column = close + 1 if close != -1 else column
        elif kind == "link_close" and skipping:
            skipping -= 1
        elif kind == "link_close":
            column = _past_link_target(source, column)
        elif kind == "image":
            start = source.find("![", column)
            if start != -1:
                column = _past_link_target(source, _closing_bracket(source, start + 2))
        elif kind == "code_inline":
            column = _past_code(source, column, child.markup)
        elif kind == "html_inline":
            at = source.find(child.content, column)
            if at != -1:
                if DIRECTIVE.fullmatch(child.content):
                    yield Run(child.content, line + 1, at + 1)
                column = at + len(child.content)
        elif kind == "text" and not skipping:
            runs, column = _text_runs(child.content, source, line, column)
            yield from runs


def _text_runs(text: str, source: str, line: int, column: int) -> tuple[list[Run], int]:
    """Runs of plain text with bare URLs left out (their digits are not figures)."""
    runs: list[Run] = []
    at = 0
    for match in _URL.finditer(text):
        if match.start() > at:
            found, column = align(text[at : match.start()], source, line + 1, column)
            runs += found
        url_at = source.find(match.group(0), column)
        if url_at != -1:
            column = url_at + len(match.group(0))
        at = match.end()
    if at < len(text):
        found, column = align(text[at:], source, line + 1, column)
        runs += found
    return runs, column


def _closing_bracket(source: str, start: int) -> int:
    """The 0-based column of the "]" closing a link text that opens before ``start``."""
    depth = 0
    for at in range(start, len(source)):
        char = source[at]
        if char == "\\":
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            if depth == 0:
                return at
            depth -= 1
    return start


def _past_link_target(source: str, column: int) -> int:
    """The column after ``](target "title")``, ``][ref]`` or ``]`` at or after ``column``."""
    close = source.find("]", column)
    if close == -1:
        return column
    after = close + 1
    if source.startswith("(", after):
        depth = 0
        for at in range(after, len(source)):
            if source[at] == "(":
                depth += 1
            elif source[at] == ")":
                depth -= 1
                if depth == 0:
                    return at + 1
        return len(source)
    if source.startswith("[", after):
        end = source.find("]", after)
        return end + 1 if end != -1 else after
    return after


def _past_code(source: str, column: int, fence: str) -> int:
    start = source.find(fence, column)
    if start == -1:
        return column
    end = source.find(fence, start + len(fence))
    return end + len(fence) if end != -1 else start + len(fence)


# --- tables ---------------------------------------------------------------------------


def _table(tokens: Sequence[Token], index: int, lines: list[str], builder: TextBuilder) -> int:
    """Read the table starting at ``tokens[index]``; return the index after it."""
    header: list[Cell] = []
    rows: list[tuple[int, list[Cell]]] = []
    current: list[Cell] | None = None
    spans: list[tuple[int, int]] = []
    row_line = 0
    cell_index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if token.type == "table_close":
            break
        if token.type == "tr_open" and token.map:
            row_line = token.map[0]
            spans = _cell_spans(lines[row_line])
            current, cell_index = [], 0
        elif token.type == "tr_close" and current is not None:
            if header:
                rows.append((row_line + 1, current))
            else:
                header = current
            current = None
        elif token.type == "inline" and current is not None:
            start, _end = spans[cell_index] if cell_index < len(spans) else (0, 0)
            runs = [
                r
                for r in _inline_runs(token.children or [], lines, row_line, start)
                if r.text != "\n"
            ]
            current.append(Cell(tuple(runs), row_line + 1, start + 1))
            cell_index += 1
    write_table(builder, header, rows)
    return index


def _cell_spans(row: str) -> list[tuple[int, int]]:
    """0-based (start, end) of each cell of a pipe table row, outer pipes excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    stripped = row.lstrip()
    if stripped.startswith("|"):
        start = len(row) - len(stripped) + 1
    in_code = False
    at = start
    while at < len(row):
        char = row[at]
        if char == "\\":
            at += 2
            continue
        if char == "`":
            in_code = not in_code
        elif char == "|" and not in_code:
            spans.append((start, at))
            start = at + 1
        at += 1
    if row[start:].strip():
        spans.append((start, len(row)))
    return spans
