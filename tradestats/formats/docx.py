"""Word .docx -> text with one line per paragraph, located as "¶12".

Paragraphs are numbered as Word's pilcrows run down the page, in body order, empty ones
and those inside table cells included, so "¶12" is the twelfth paragraph mark a writer
sees with formatting marks shown. A paragraph in a table cell is labelled with the cell
too: "¶14/T1R3C2" is table 1, row 3, column 2. Tables are read as sentences (grid.py),
the first row as the header.

Not read: headers, footers, footnotes, comments, text boxes and tables nested in cells.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from tradestats.dates import from_docx, with_date
from tradestats.formats import InputError, missing_extra
from tradestats.formats.grid import Cell, write_table
from tradestats.formats.layout import Run, TextBuilder
from tradestats.models import Document

# What a .docx may cost once inflated. The 25 MB input limit counts compressed bytes,
# and XML compresses a hundredfold: a 366 KB file whose document.xml inflates to 114 MB
# took minutes and gigabytes. A long report's XML is a few MB; its images are the rest.
MAX_XML_BYTES = 20 * 1024 * 1024
MAX_PACKAGE_BYTES = 100 * 1024 * 1024
MAX_PARTS = 10_000


def read_docx(data: bytes, name: str) -> Document:
    try:
        import docx
        from docx.table import Table
    except ImportError:
        raise missing_extra("docx", name) from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(f"{name}: not a Word .docx file (not a zip archive)")
    _check_inflated_size(data, name)
    try:
        word = docx.Document(io.BytesIO(data))
        blocks = _body_blocks(word)
    except Exception as error:  # python-docx raises many kinds on a damaged package
        raise InputError(f"{name}: not a readable Word .docx file ({_reason(error)})") from None
    builder = TextBuilder()
    labels: list[tuple[int, str]] = []
    number = 0  # the paragraph number, which is also the text line
    tables = 0
    for block in blocks:
        if isinstance(block, Table):
            tables += 1
            number = _table(block, tables, number, builder, labels)
            continue
        number += 1
        text = _one_line(block.text)
        if text.strip():
            builder.block(number)
            builder.add(Run(text, number, 1))
            builder.end_block()
    document = builder.document(name, style="paragraph", labels=tuple(labels))
    return with_date(document, from_docx(word.core_properties))


def _body_blocks(word: Any) -> list[Any]:
    """The body's paragraphs and tables in order, as python-docx's iter_inner_content()
    gives them, without its XPath union ("./w:p | ./w:tbl"): libxml2 merges the two node
    sets in time quadratic in their size, 6 s for the body of a 1 MB document."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = word._body  # the block container that iter_inner_content() would use
    paragraph, table = qn("w:p"), qn("w:tbl")
    return [
        Paragraph(element, body) if element.tag == paragraph else Table(element, body)
        for element in body._element.iterchildren(paragraph, table)
    ]


def _check_inflated_size(data: bytes, name: str) -> None:
    """Refuse a package whose parts inflate past the limits, before any is inflated.

    The sizes are those the archive declares; zipfile never inflates a part past its
    declared size (a part that lies fails its checksum instead), so they are a bound.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise InputError(f"{name}: not a readable Word .docx file ({_reason(error)})") from None
    if len(parts) > MAX_PARTS:
        raise InputError(
            f"{name}: {len(parts):,} parts in the package (limit {MAX_PARTS:,}); not read"
        )
    xml = sum(p.file_size for p in parts if p.filename.lower().endswith((".xml", ".rels")))
    total = sum(p.file_size for p in parts)
    if xml > MAX_XML_BYTES:
        raise InputError(
            f"{name}: its XML inflates to {xml / 2**20:,.0f} MB"
            f" (limit {MAX_XML_BYTES // 2**20} MB); not read"
        )
    if total > MAX_PACKAGE_BYTES:
        raise InputError(
            f"{name}: inflates to {total / 2**20:,.0f} MB"
            f" (limit {MAX_PACKAGE_BYTES // 2**20} MB); not read"
        )


def _table(
    table: Any, index: int, number: int, builder: TextBuilder, labels: list[tuple[int, str]]
) -> int:
    """Read one table's cells, numbering their paragraphs; return the last number."""
    rows: list[tuple[int, list[Cell]]] = []
    # Keyed by id() with the element kept alive: lxml proxies that are let go can be
    # collected and their ids reused by the next cell.
    seen: dict[int, object] = {}
    for row_index, row in enumerate(table.rows, start=1):
        cells: list[Cell] = []
        first = number + 1
        for column_index, cell in enumerate(row.cells, start=1):
            # Merged cells come back once per grid column they span; read each once.
            element = cell._tc
            if id(element) in seen:
                cells.append(Cell((), number + 1, 1))
                continue
            seen[id(element)] = element
            runs: list[Run] = []
            start = number + 1
            for paragraph in cell.paragraphs:
                number += 1
                labels.append((number, f"¶{number}/T{index}R{row_index}C{column_index}"))
                text = _one_line(paragraph.text)
                if text.strip():
                    if runs:
                        runs.append(Run(" ", number, 1, verbatim=False))
                    runs.append(Run(text, number, 1))
            cells.append(Cell(tuple(runs), runs[0].line if runs else start, 1))
        rows.append((first, cells))
    if rows:
        write_table(builder, rows[0][1], rows[1:])
    return number


def _one_line(text: str) -> str:
    # A soft line break (Shift+Enter) is a space to the reader; same length keeps columns.
    return text.replace("\n", " ").replace("\r", " ")


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."
