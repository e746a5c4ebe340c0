"""Word and PDF files made on the spot, for the format tests and bench/formats_speed.py.

The PDF writer is a few lines of PDF syntax rather than a library: one base-14 font
(Helvetica, WinAnsi encoding, so curly quotes and no-break spaces survive), one text
line per source line, byte-for-byte the same on every run.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from pathlib import Path

# A paragraph, or a table as rows of cells (the first row is the header).
Block = str | Sequence[Sequence[str]]

SEED = (
    Path(__file__).resolve().parent.parent / "fixtures" / "articles" / "india-us-exports-fy26.txt"
)


def seed_paragraphs() -> list[str]:
    """The seed article's story paragraphs, without the page furniture around them."""
    text = SEED.read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    story = [p for p in paragraphs if "$" in p or "%" in p]
    # "ALSO READ" is glued to a paragraph in the scraped text; in a file a writer made it
    # would not be there.
    return [p.split("ALSO READ:")[0] for p in story]


def write_docx(path: Path, blocks: Sequence[Block], *, title: str | None = None) -> Path:
    import docx

    document = docx.Document()
    if title is not None:
        document.add_heading(title, level=1)
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        rows = [list(row) for row in block]
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    document.save(str(path))
    return path


def pdf_bytes(pages: Sequence[Sequence[str]], created: str | None = None) -> bytes:
    """A PDF whose pages hold these text lines, top to bottom; ``created`` is a PDF date
    ("D:20250814093000Z") for its document information."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, once the page numbers are known
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for lines in pages:
        body = [b"BT /F1 10 Tf 12 TL 40 800 Td"]
        for line in lines:
            escaped = (
                line.encode("cp1252")
                .replace(b"\\", b"\\\\")
                .replace(b"(", b"\\(")
                .replace(b")", b"\\)")
            )
            body.append(b"(" + escaped + b") Tj T*")
        body.append(b"ET")
        stream = b"\n".join(body)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content
        )
        kids.append(len(objects))
    refs = b" ".join(b"%d 0 R" % kid for kid in kids)
    objects[1] = b"<< /Type /Pages /Kids [" + refs + b"] /Count %d >>" % len(kids)
    info = b""
    if created is not None:
        objects.append(b"<< /CreationDate (" + created.encode("ascii") + b") >>")
        info = b" /Info %d 0 R" % len(objects)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body_bytes in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body_bytes + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        info,
        xref,
    )
    return bytes(out)


def wrap(paragraphs: Sequence[str], width: int = 90) -> list[str]:
    """Paragraphs as printed lines, a blank line between them (no-break spaces hold)."""
    lines: list[str] = []
    for paragraph in paragraphs:
        if lines:
            lines.append("")
        lines += textwrap.wrap(paragraph, width, break_on_hyphens=False)
    return lines


def write_pdf(path: Path, pages: Sequence[Sequence[str]]) -> Path:
    path.write_bytes(pdf_bytes(pages))
    return path
