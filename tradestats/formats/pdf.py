"""PDF -> the text layer, page by page, located as "p2:14:5" (page, line, column).

Pages are joined line to line, so a sentence that runs over a page break is still one
sentence; ``line`` in machine output counts lines over all pages. A PDF without a text
layer (scanned pages) is an error: there is nothing to check until it has been OCRed.
"""

from __future__ import annotations

import io
import logging
from typing import Any

from tradestats.dates import DocumentDate, from_pdf, with_date
from tradestats.formats import InputError, missing_extra
from tradestats.formats.text import normalize_newlines
from tradestats.models import Document, SourceMap

# pypdf logs what it repairs in damaged files; with no handler configured those lines
# would reach stderr through logging's last resort and break one-line errors.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


def read_pdf(data: bytes, name: str) -> Document:
    try:
        from pypdf import PdfReader
    except ImportError:
        raise missing_extra("pdf", name) from None
    if b"%PDF-" not in data[:1024]:
        raise InputError(f"{name}: not a PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{name}: the PDF is encrypted with a password")
        # pypdf ends a page with a newline; joined as they are, every page break would
        # look like a blank line, which ends a paragraph mid-sentence.
        pages = [
            normalize_newlines(page.extract_text() or "").rstrip("\n") for page in reader.pages
        ]
    except InputError:
        raise
    except Exception as error:  # pypdf raises many kinds on damaged files
        reason = " ".join(str(error).split())[:120] or type(error).__name__
        raise InputError(f"{name}: not a readable PDF ({reason})") from None
    if not any(page.strip() for page in pages):
        raise InputError(f"{name}: no text layer in this PDF (scanned pages?); run OCR on it first")
    firsts: list[int] = []
    line = 1
    for page in pages:
        firsts.append(line)
        line += page.count("\n") + 1
    document = Document("\n".join(pages), name, SourceMap(style="page", pages=tuple(firsts)))
    return with_date(document, _metadata_date(reader))


def _metadata_date(reader: Any) -> DocumentDate | None:
    try:
        return from_pdf(reader.metadata)
    except Exception:  # a damaged information dictionary leaves the date unknown
        return None
