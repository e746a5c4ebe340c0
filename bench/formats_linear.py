#!/usr/bin/env python3
"""Time to read every input format from 10 KB to 10 MB, well-formed or not.

Reading is the format layer alone: bytes -> Document (tradestats.formats.parse), the
text the grammar will see with its map to the source; ``--pipeline`` adds extraction and
checking. Each input is built by repeating one generated block until it reaches the
size, so a linear reader shows the same seconds per MB at every size. Two columns say
how far from linear: the rate against the smallest size's (1.0 is linear, 10 at 10 MB
against 1 MB would be quadratic), and the growth of the time per doubling of the input
(2.0 is linear, 4.0 quadratic).

Inputs, written for this benchmark (no corpus text):

* text: a news paragraph with figures;
* markdown: headings, nested lists, a quote, a pipe table, links and code;
* markdown-malformed: unclosed emphasis, brackets and backticks, stray < and a list
  nested 15 deep (within what is read);
* html: an article page with navigation, an aside and a table;
* html-malformed: unclosed <div>s, end tags that match nothing, stray <, an attribute
  quote and a comment that never close;
* docx: paragraphs and small tables (sized by their text, not the deflated file);
* docx-fragmented: every word in a run of its own, among empty paragraphs, as
  converters write; past 20 MB of XML a Word file is refused, which the table says;
* pdf: pages of wrapped lines in one base-14 font;
* pdf-broken-xref: the same with a cross-reference offset that points nowhere, so
  the reader rebuilds it by scanning the file.

Run from a clone::

    python bench/formats_linear.py              # 10 KB, 100 KB, 1 MB, 10 MB
    python bench/formats_linear.py --max-mb 1   # stop at 1 MB
    python bench/formats_linear.py --pipeline   # read, extract and check
    python bench/formats_linear.py --only docx pdf
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tradestats.check import check_document  # noqa: E402
from tradestats.config import Config  # noqa: E402
from tradestats.extraction import extract_document  # noqa: E402
from tradestats.formats import InputError, parse  # noqa: E402
from tradestats.segment import split_sentences  # noqa: E402

PARAGRAPH = (
    "Exports to Kenya rose 12.5% to $4.20 billion in the first quarter from $3.73 billion"
    " a year earlier, while imports fell 3.1% to 880 million euros, the ministry said.\n\n"
)

MARKDOWN = (
    "## Quarter {n}\n\n"
    + PARAGRAPH
    + "- Exports to Japan: $2.1 billion\n  - of which machinery: 40%\n    - parts: 12%\n"
    "- Imports: [$1.9 billion](https://example.org/t/{n}) per `table 3`\n\n"
    "> The trade surplus widened to $200 million, officials said.\n\n"
    "| Partner | Exports | Growth |\n|---|---:|---:|\n| Japan | 2.1 | 4.5% |\n"
    "| Kenya | 4.2 | 12.5% |\n\n"
)

MARKDOWN_MALFORMED = (
    "Exports rose *5% to [$2 billion `from <$1.9 billion _in July\n\n"
    + "".join("  " * depth + f"- level {depth} at 3%\n" for depth in range(15))
    + "\n"
    + PARAGRAPH
    + "**unclosed [bracket ![image ` tick < lt\n\n"
)

HTML_HEAD = "<!DOCTYPE html><html><head><title>t</title></head><body><nav>menu</nav><main>"
HTML = (
    "<article><h2>Quarter {n}</h2><p>"
    + PARAGRAPH.strip()
    + "</p><aside class='related'>More stories</aside>"
    "<table><tr><th>Partner</th><th>Exports</th></tr><tr><td>Japan</td><td>$2.1 bn</td></tr>"
    "</table><ul><li>Imports fell 3.1%</li><li>Surplus $200 million</li></ul></article>\n"
)
HTML_MALFORMED = (
    "<div><div class='x'><p>"
    + PARAGRAPH.strip()
    + "</span></section></em> 5% < 6% <b>bold <i>italic</b></i>\n"
)
# Constructs that never close are at the very end, where a tokenizer meets them at EOF.
HTML_MALFORMED_TAIL = "<p>Exports rose 5% <a href='x <!-- open " * 50


def build(block: str, size: int, head: str = "", tail: str = "") -> str:
    parts = [head]
    total = len(head) + len(tail)
    n = 0
    while total < size:
        piece = block.replace("{n}", str(n))
        parts.append(piece)
        total += len(piece)
        n += 1
    parts.append(tail)
    return "".join(parts)


INPUTS: dict[str, tuple[str, Callable[[int], str | bytes]]] = {
    "text": ("text", lambda size: build(PARAGRAPH, size)),
    "markdown": ("markdown", lambda size: build(MARKDOWN, size)),
    "markdown-malformed": ("markdown", lambda size: build(MARKDOWN_MALFORMED, size)),
    "html": ("html", lambda size: build(HTML, size, HTML_HEAD, "</main></body></html>")),
    "html-malformed": (
        "html",
        lambda size: build(HTML_MALFORMED, size, "<html><body>", HTML_MALFORMED_TAIL),
    ),
    "docx": ("docx", lambda size: docx(size)),
    "docx-fragmented": ("docx", lambda size: docx(size, fragmented=True)),
    "pdf": ("pdf", lambda size: pdf(size)),
    "pdf-broken-xref": ("pdf", lambda size: pdf(size, broken_xref=True)),
}


def docx_package(body: str) -> bytes:
    """A Word file whose body is ``body`` (paragraph and table XML), in a package
    python-docx itself made: repeating the XML by hand takes no time, where python-docx
    takes minutes to add 50,000 paragraphs one by one."""
    import io
    import tempfile
    import zipfile

    from tests import documents

    with tempfile.TemporaryDirectory() as folder:
        path = documents.write_docx(Path(folder) / "t.docx", ["MARK"])
        with zipfile.ZipFile(path) as package:
            parts = {name: package.read(name) for name in package.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    mark = xml.index("MARK")
    start = max(xml.rfind("<w:p>", 0, mark), xml.rfind("<w:p ", 0, mark))
    end = xml.index("</w:p>", mark) + len("</w:p>")
    parts["word/document.xml"] = (xml[:start] + body + xml[end:]).encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx(size: int, fragmented: bool = False) -> bytes:
    """A Word file with about ``size`` characters of text: paragraphs and a table, or the
    same words each in a run of its own among empty paragraphs, as a converter writes."""

    def paragraph(text: str) -> str:
        if not fragmented:
            return f"<w:p><w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>"
        runs = "".join(
            f"<w:r><w:rPr><w:b w:val='{i % 2}'/></w:rPr>"
            f"<w:t xml:space='preserve'>{word} </w:t></w:r>"
            for i, word in enumerate(text.split())
        )
        return f"<w:p>{runs}</w:p><w:p/><w:p><w:r><w:t></w:t></w:r></w:p>"

    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    table = (
        "<w:tbl>"
        + "".join(
            "<w:tr>" + cell.format(a) + cell.format(b) + "</w:tr>"
            for a, b in (("Partner", "Exports"), ("Japan", "$2.1 bn"), ("Kenya", "12.5%"))
        )
        + "</w:tbl>"
    )
    text = PARAGRAPH.strip()
    block = paragraph(text) + paragraph(text.replace("Kenya", "Peru")) + table
    return docx_package(block * max(1, size // (2 * len(text) + 40)))


def pdf(size: int, broken_xref: bool = False) -> bytes:
    """A PDF of about ``size`` bytes, 60 lines a page; or the same with its cross-reference
    table pointing nowhere, which a reader must rebuild by scanning the file."""
    from tests import documents

    lines = documents.wrap([PARAGRAPH.strip()] * 12)
    page_bytes = len(documents.pdf_bytes([lines])) - 400
    data = documents.pdf_bytes([lines] * max(1, size // page_bytes))
    if broken_xref:
        head, _, tail = data.rpartition(b"startxref\n")
        data = head + b"startxref\n" + b"1" + tail[tail.index(b"\n") :]
    return data


def seconds(fmt: str, data: bytes, pipeline: bool = False) -> float:
    """Seconds to read ``data``; with ``pipeline``, also to extract and check it."""
    start = time.perf_counter()
    document = parse(data, "bench", fmt)
    if pipeline:
        sentences = split_sentences(document.text)
        figures = extract_document(document, sentences=sentences)
        check_document(document, Config(), sentences=sentences, figures=figures)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-mb", type=float, default=10.0)
    parser.add_argument("--only", nargs="*", choices=list(INPUTS), help="these inputs only")
    parser.add_argument(
        "--pipeline", action="store_true", help="time extract and check too, not reading alone"
    )
    args = parser.parse_args()
    sizes = [s for s in (10_000, 100_000, 1_000_000, 10_000_000) if s <= args.max_mb * 1e6]
    print(
        f"{'input':<20} {'size':>8} {'seconds':>9} {'s per MB':>9} {'rate vs 10 KB':>14}"
        f" {'per doubling':>13}"
    )
    for name, (fmt, make) in INPUTS.items():
        if args.only and name not in args.only:
            continue
        base = None
        previous: tuple[int, float] | None = None
        for size in sizes:
            made = make(size)
            data = made.encode("utf-8") if isinstance(made, str) else made
            # Word files are sized by their text: repeated XML deflates a thousandfold.
            length = size if fmt == "docx" else len(data)
            label = f"{length / 1e6:.2f} MB" if length >= 1e6 else f"{length // 1000} KB"
            # Best of three at the small sizes, where a timer tick is a large share.
            runs = 3 if size < 1_000_000 else 1
            try:
                took = min(seconds(fmt, data, args.pipeline) for _ in range(runs))
            except InputError as error:
                print(f"{name:<20} {label:>8}   refused: {str(error).split(': ', 1)[-1]}")
                continue
            rate = took / (length / 1e6)
            base = base or rate
            # The growth of the time when the input doubles: 2.0 is linear, 4.0 quadratic.
            doubling = ""
            if previous is not None:
                growth = math.log(took / previous[1]) / math.log(length / previous[0])
                doubling = f"{2**growth:.2f}"
            previous = (length, took)
            print(
                f"{name:<20} {label:>8} {took:>9.3f} {rate:>9.3f} {rate / base:>14.2f}"
                f" {doubling:>13}"
            )


if __name__ == "__main__":
    main()
