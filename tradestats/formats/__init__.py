"""Bytes of one input -> a Document, by format: text, Markdown, HTML, Word, PDF.

One module per format; each turns what a writer sees into text the grammar reads, with a
map back to where each character sits in the file. The heavy parsers (python-docx,
pypdf) are imported only when a file of their kind is read, and are optional extras:
without one, such a file gets a one-line error that says what to install.
"""

from __future__ import annotations

from pathlib import PurePath

from tradestats.models import Document

FORMATS: tuple[str, ...] = ("text", "markdown", "html", "docx", "pdf")
# What --input-format accepts besides the names above.
ALIASES = {"txt": "text", "md": "markdown", "htm": "html", "word": "docx"}
SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
EXTRAS = {"docx": ("docx", "python-docx"), "pdf": ("pdf", "pypdf")}


class InputError(Exception):
    """An input that cannot be read; the message is one line naming it."""


def format_name(name: str) -> str:
    """The canonical name of a format given by a user; ValueError for an unknown one."""
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in FORMATS:
        known = ", ".join(FORMATS)
        raise ValueError(f"unknown input format {name!r}; choose one of {known}")
    return key


def format_of(path: str, override: str | None = None) -> str:
    """The format to read ``path`` as: the override, else its suffix, else text."""
    if override is not None:
        return override
    return SUFFIXES.get(PurePath(path).suffix.lower(), "text")


def missing_extra(fmt: str, name: str) -> InputError:
    """The error for a format whose optional parser is not installed."""
    extra, package = EXTRAS[fmt]
    return InputError(
        f"{name}: reading .{fmt} files needs {package}; "
        f"install it with: pip install 'tradestats[{extra}]'"
    )


def parse(data: bytes, name: str, fmt: str) -> Document:
    """The Document in ``data`` read as ``fmt``; InputError when it cannot be."""
    from tradestats.formats.text import decode

    if fmt == "docx":
        from tradestats.formats.docx import read_docx

        return read_docx(data, name)
    if fmt == "pdf":
        from tradestats.formats.pdf import read_pdf

        return read_pdf(data, name)
    if fmt == "html":
        from tradestats.formats.html import decode_html, read_html

        return read_html(decode_html(data, name), name)
    text = decode(data, name)
    if fmt == "markdown":
        from tradestats.formats.markdown import read_markdown

        return read_markdown(text, name)
    return Document(text, name)
