"""HTML -> the article's text, each character traced to its line in the HTML source.

The main text is what a reader of the story reads: inside ``<main>`` (or role=main) when
the page has one, else inside ``<article>``, else the whole body. Dropped anywhere:
navigation, headers and footers outside the article, asides, forms, scripts, code, and
elements whose class, id or role marks them as ads, promotions, share bars, newsletters,
comments or related-article lists. If that leaves nothing, the page is read again
without the class and id guesses, which can misfire on an odd theme.

Built on the standard library's tokenizer rather than a boilerplate remover such as
trafilatura: those return clean text but not where it came from, and every figure must
point at its line in the source.
"""

from __future__ import annotations

import codecs
import re
from html import unescape
from html.parser import HTMLParser

from tradestats.dates import from_html, with_date
from tradestats.formats import InputError
from tradestats.formats.grid import Cell, write_table
from tradestats.formats.layout import Run, TextBuilder
from tradestats.formats.text import decode, normalize_newlines
from tradestats.models import Document

_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen".split()  # noqa: SIM905 - a word list reads better as prose
)
_BLOCKS = frozenset(
    """address article aside blockquote body caption center dd details dialog div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main
    nav ol p pre section summary table tbody td tfoot th thead tr ul""".split()  # noqa: SIM905
)
_DROPPED = frozenset(
    """head title script style noscript template svg math canvas iframe object embed nav
    aside footer form button select textarea dialog menu pre code audio video map""".split()  # noqa: SIM905
)
_DROPPED_ROLES = frozenset(
    """navigation banner complementary contentinfo search menu menubar dialog alertdialog
    tablist toolbar""".split()  # noqa: SIM905
)
# One word of a class or id, or a hyphenated part of one: "ad-slot", "share-bar",
# "related-stories", "also-read".
_BOILERPLATE = re.compile(
    r"(?:^|[-_])(?:ads?|advert\w*|sponsor\w*|promo\w*|banner|related|recommend\w*|"
    r"newsletter|subscribe|subscription|signup|social|share|sharing|comments?|"
    r"breadcrumbs?|nav|navbar|navigation|menu|sidebar|cookies?|consent|popup|modal|"
    r"outbrain|taboola|trending|popular|most[-_]read|also[-_]read|read[-_]more|"
    r"more[-_]stories|footer|masthead|toolbar|widget)(?:[-_]|$)"
)
_CHARSET = re.compile(rb"""(?i)<meta[^>]+charset\s*=\s*["']?([\w-]+)""")
_TEXT = re.compile(r"\S(?:.*\S)?")


def decode_html(data: bytes, name: str) -> str:
    """UTF-8, or the charset a ``<meta>`` tag declares (older pages are often latin-1)."""
    try:
        return decode(data, name)
    except InputError:
        declared = _CHARSET.search(data[:4096])
        if declared is None:
            raise
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii"))
            return normalize_newlines(data.decode(codec.name))
        except (LookupError, UnicodeDecodeError):
            raise InputError(
                f"{name}: cannot decode as its declared charset {declared.group(1).decode('ascii', 'replace')!r}"
            ) from None


def read_html(text: str, path: str) -> Document:
    # A landmark can hold no readable text: an empty <main>, or one the tokenizer sees
    # where a browser shows none (inside <textarea>, <title>, <noscript>, <template>).
    # The story is then outside it, so the next choice is tried before giving up.
    for restrict in _main_elements(text):
        for guess in (True, False):
            reader = _Reader(restrict, guess)
            reader.feed(text)
            reader.close()
            if not reader.builder.empty or not reader.text_seen:
                break
        if not reader.builder.empty or not reader.text_seen:
            break
    if reader.builder.empty:
        raise InputError(f"{path}: no text in the HTML body (empty page, or not HTML?)")
    return with_date(reader.builder.document(path), from_html(text))


_COMMENT_CLOSE = re.compile(r"--\s*>")  # as the standard library's tokenizer ends a comment
_SECTION_CLOSE = re.compile(r"]\s*]\s*>")


class _Tokenizer(HTMLParser):
    """The standard tokenizer, in time linear in the page however malformed it is.

    At the end of the input the standard library reads a construct that never closes
    (``<a href='...`` or ``<!--`` with no end) one character at a time, searching to the
    end of the page again for each ``<`` that follows: quadratic, 250 KB of stray ``<``
    took 30 s. Here the last place each kind of construct could close is found once, and
    a construct starting after it fails at once; what the standard library then does
    with it (it becomes text) is unchanged.
    """

    _closes: tuple[int, int, int] | None = None  # last ">", comment close, section close

    def close(self) -> None:
        raw = self.rawdata
        comment = max((m.start() for m in _COMMENT_CLOSE.finditer(raw)), default=-1)
        section = max((m.start() for m in _SECTION_CLOSE.finditer(raw)), default=-1)
        self._closes = (raw.rfind(">"), comment, section)
        try:
            super().close()
        finally:
            self._closes = None

    def _never_closes(self, i: int, kind: int = 0) -> bool:
        return self._closes is not None and self._closes[kind] < i

    def check_for_whole_start_tag(self, i: int) -> int:
        if self._never_closes(i):
            return -1
        return super().check_for_whole_start_tag(i)  # type: ignore[misc]

    def parse_endtag(self, i: int) -> int:
        if self._never_closes(i):
            return -1
        return super().parse_endtag(i)  # type: ignore[misc]

    def parse_comment(self, i: int, report: int = 1) -> int:
        if self._never_closes(i + 4, 1):
            return -1
        return super().parse_comment(i, report)

    def parse_html_declaration(self, i: int) -> int:
        if self._never_closes(i):
            return -1
        if self.rawdata.startswith("<![", i) and not self.rawdata.startswith("<!--", i):
            if self._never_closes(i + 3, 2) and self.rawdata[i + 3 : i + 9].lower() == "cdata[":
                return -1
            try:
                return super().parse_html_declaration(i)
            except AssertionError:
                # "<![word[" with a word the standard library does not know: it asserts
                # instead of reading it as the bogus comment a browser sees.
                return self.parse_bogus_comment(i)
        return super().parse_html_declaration(i)

    def parse_pi(self, i: int) -> int:
        if self._never_closes(i):
            return -1
        return super().parse_pi(i)


class _Landmarks(_Tokenizer):
    """Which elements the page has, as the tokenizer sees them: ``<main>`` written inside
    a script string, a comment or escaped prose is text, not an element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.main = False
        self.article = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main" or any(
            name == "role" and (value or "").strip().lower() == "main" for name, value in attrs
        ):
            self.main = True
        elif tag == "article":
            self.article = True

    handle_startendtag = handle_starttag


def _main_elements(text: str) -> list[str | None]:
    """The elements that may hold the story, best first: main (or role=main), article,
    then none (the whole body).

    Found by a first tokenizer pass rather than a search of the text, so that a page
    quoting "<main" in its scripts is not read as having a main element it does not have.
    """
    if "main" not in text.lower() and "article" not in text.lower():
        return [None]
    landmarks = _Landmarks()
    landmarks.feed(text)
    landmarks.close()
    found: list[str | None] = ["main"] if landmarks.main else []
    if landmarks.article:
        found.append("article")
    return [*found, None]


class _Element:
    __slots__ = ("dropped", "main", "tag")

    def __init__(self, tag: str, dropped: bool, main: bool) -> None:
        self.tag = tag
        self.dropped = dropped
        self.main = main


class _Reader(_Tokenizer):
    """One pass over the page, writing the main text into a TextBuilder."""

    def __init__(self, restrict: str | None, guess: bool) -> None:
        super().__init__(convert_charrefs=False)
        self.builder = TextBuilder()
        self.restrict = restrict
        self.guess = guess
        self.stack: list[_Element] = []
        # Open elements by tag: an end tag that matches none is ignored at once, instead
        # of a scan of the whole stack (unclosed <div>s made each stray </div> cost the
        # depth of the page, quadratic in its size).
        self.open: dict[str, int] = {}
        self.text_seen = False  # any text at all, dropped or not
        self.new_block = True
        self.space = False
        self.last_line = 0
        # The outermost table being read: rows of cells, the open row and cell.
        self.table_depth = 0
        self.rows: list[tuple[int, list[Cell]]] = []
        self.row: list[Cell] | None = None
        self.cell: list[Run] | None = None
        self.cell_at = (0, 0)

    # --- where we are -------------------------------------------------------------------

    def _top(self) -> _Element:
        return self.stack[-1] if self.stack else _Element("", False, self.restrict is None)

    def _content(self) -> bool:
        top = self._top()
        return not top.dropped and top.main

    def _drops(self, tag: str, attrs: dict[str, str | None], inside: _Element) -> bool:
        if tag in _DROPPED:
            return True
        if tag == "header" and not (inside.main and self.restrict is not None):
            return True
        if "hidden" in attrs or attrs.get("aria-hidden") == "true":
            return True
        if (attrs.get("role") or "").lower() in _DROPPED_ROLES:
            return True
        style = (attrs.get("style") or "").replace(" ", "").lower()
        if "display:none" in style:
            return True
        if not self.guess or tag in ("html", "body", "main", "article"):
            return False
        names = [*(attrs.get("class") or "").split(), attrs.get("id") or ""]
        return any(_BOILERPLATE.search(name.lower()) for name in names if name)

    # --- tags ---------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attr_list: list[tuple[str, str | None]]) -> None:
        attrs = dict(attr_list)
        if tag in _BLOCKS:
            self._block_boundary()
            if self.stack and self.stack[-1].tag == "p":
                self._pop()  # a block closes an open paragraph
            if tag == "li" and self.stack and self.stack[-1].tag == "li":
                self._pop()
        if tag == "br":
            self._block_boundary()
        if tag in _VOID:
            return
        parent = self._top()
        main = parent.main or (
            (self.restrict == "main" and (tag == "main" or attrs.get("role") == "main"))
            or (self.restrict == "article" and tag == "article")
        )
        dropped = parent.dropped or self._drops(tag, attrs, parent)
        self.stack.append(_Element(tag, dropped, main))
        self.open[tag] = self.open.get(tag, 0) + 1
        if not dropped and main:
            self._table_start(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self.open.get(tag):
            # Each element closed here was pushed once: linear over the whole page.
            while True:
                element = self._pop()
                if element.tag == tag:
                    break
            if not element.dropped and element.main:
                self._table_end(tag)
        if tag in _BLOCKS:
            self._block_boundary()

    def _pop(self) -> _Element:
        element = self.stack.pop()
        self.open[element.tag] -= 1
        return element

    def _block_boundary(self) -> None:
        if self.cell is not None:
            self.space = True
            return
        self.new_block = True
        self.space = False

    # --- text ---------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.text_seen = True
        if not self._content():
            return
        line, column = self.getpos()
        for number, part in enumerate(data.split("\n")):
            if number:
                line, column = line + 1, 0
                self.space = True
            match = _TEXT.search(part)
            if match is None:
                if part:
                    self.space = True
                continue
            if match.start():
                self.space = True
            self._emit(Run(match.group(0), line, column + match.start() + 1))
            if match.end() < len(part):
                self.space = True

    def handle_entityref(self, name: str) -> None:
        self._entity(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._entity(f"&#{name};")

    def _entity(self, reference: str) -> None:
        if not self._content():
            return
        line, column = self.getpos()
        self._emit(Run(unescape(reference), line, column + 1, verbatim=False))

    def handle_comment(self, data: str) -> None:
        if not data.lstrip().lower().startswith("tradestats-"):
            return
        # A directive is kept wherever it is, dropped region or not: it is not content.
        line, column = self.getpos()
        self.builder.block(line)
        for number, part in enumerate(f"<!--{data}-->".split("\n")):
            if number:
                self.builder.line_break(line + number)
            self.builder.add(Run(part, line + number, (column if number == 0 else 0) + 1))
        self.builder.end_block()
        self.new_block = True

    def _emit(self, run: Run) -> None:
        if self.cell is not None:
            if self.space and self.cell:
                self.cell.append(Run(" ", run.line, run.column, verbatim=False))
            self.cell.append(run)
        elif self.new_block:
            self.builder.block(run.line)
            self.builder.add(run)
        elif self.space and run.line > self.last_line:
            self.builder.line_break(run.line)
            self.builder.add(run)
        else:
            if self.space:
                self.builder.add(Run(" ", run.line, run.column, verbatim=False))
            self.builder.add(run)
        self.new_block = False
        self.space = False
        self.last_line = run.line

    # --- tables -------------------------------------------------------------------------

    def _table_start(self, tag: str) -> None:
        if tag == "table":
            self.table_depth += 1
            if self.table_depth == 1:
                self.rows, self.row, self.cell = [], None, None
            return
        if self.table_depth != 1:
            return
        if tag == "tr":
            self._close_row()
            self.row = []
        elif tag in ("td", "th"):
            self._close_cell()
            if self.row is None:
                self.row = []
            self.cell = []
            line, column = self.getpos()
            self.cell_at = (line, column + 1)

    def _table_end(self, tag: str) -> None:
        if tag == "table":
            self.table_depth -= 1
            if self.table_depth == 0:
                self._close_row()
                if len(self.rows) > 1:
                    header = self.rows[0][1]
                    write_table(self.builder, header, self.rows[1:])
                self.builder.end_block()
                self.new_block = True
            return
        if self.table_depth != 1:
            return
        if tag in ("td", "th"):
            self._close_cell()
        elif tag == "tr":
            self._close_row()

    def _close_cell(self) -> None:
        if self.cell is None or self.row is None:
            return
        runs = tuple(self.cell)
        line, column = (runs[0].line, runs[0].column) if runs else self.cell_at
        self.row.append(Cell(runs, line, column))
        self.cell = None
        self.space = False

    def _close_row(self) -> None:
        self._close_cell()
        if self.row:
            self.rows.append((self.row[0].line, self.row))
        self.row = None
