"""Reading every format takes time in proportion to the input, however malformed.

A guard, not a benchmark (bench/formats_linear.py goes to 10 MB): each input is read at
one size and at four times that size (two doublings), best of five, and the time may
grow at most eightfold. Linear reading grows about fourfold; the quadratic cases these
guard against (an end tag that matches nothing scanned the whole stack of open elements;
a tag that never closes was searched for again at every later "<") grew sixteenfold.
Word's one (an XPath union over the body's paragraphs and tables) shows only past a few
hundred KB, beyond a guard's sizes; bench/formats_linear.py shows it at 1 MB.
No wall-clock limit: a slow machine is slow at both sizes, and the time is the CPU time of
this process, which other jobs on a busy machine do not inflate.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from tradestats.formats import parse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import formats_linear as bench

SIZE = 60_000
MAX_RATIO = 8.0

CASES = {
    "html unclosed divs and stray end tags": (
        "html",
        lambda size: bench.build(bench.HTML_MALFORMED, size, "<html><body>"),
    ),
    "html end tags that match nothing inside unclosed divs": (
        "html",
        lambda size: "<html><body>" + bench.build("<div>5%</span>", size),
    ),
    "html stray < and a quote that never closes": (
        "html",
        lambda size: "<html><body><p>" + bench.build("Exports rose 5% <a href='x <b ", size),
    ),
    "html comments that never close": (
        "html",
        lambda size: "<html><body><p>" + bench.build("Exports rose 5% <!-- open ", size),
    ),
    "html article": (
        "html",
        lambda size: bench.build(bench.HTML, size, bench.HTML_HEAD, "</main></body></html>"),
    ),
    "markdown": ("markdown", lambda size: bench.build(bench.MARKDOWN, size)),
    "markdown malformed": ("markdown", lambda size: bench.build(bench.MARKDOWN_MALFORMED, size)),
    "word paragraphs and tables": ("docx", bench.docx),
    # Many short blocks: the cost of reading a Word body is per block, not per character.
    "word of many empty paragraphs": (
        "docx",
        lambda size: bench.docx_package("<w:p/><w:p><w:r><w:t>5%</w:t></w:r></w:p>" * (size // 20)),
    ),
    "pdf": ("pdf", bench.pdf),
    "pdf with a cross-reference that points nowhere": (
        "pdf",
        lambda size: bench.pdf(size, broken_xref=True),
    ),
}


def _bytes(made: str | bytes) -> bytes:
    return made.encode("utf-8") if isinstance(made, str) else made


def _best_of_five(fmt: str, data: bytes) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        parse(data, "guard", fmt)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("case", list(CASES))
def test_four_times_the_input_costs_at_most_eight_times_the_time(case: str) -> None:
    fmt, make = CASES[case]
    small = _best_of_five(fmt, _bytes(make(SIZE)))
    large = _best_of_five(fmt, _bytes(make(4 * SIZE)))
    assert large < MAX_RATIO * small, f"{case}: {small:.4f}s -> {large:.4f}s"


def _check_time(text: str) -> float:
    from tradestats.check import check_document
    from tradestats.config import Config
    from tradestats.models import Document

    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        check_document(Document(text), Config())
        best = min(best, time.process_time() - start)
    return best


def test_one_sentence_of_many_figures_is_checked_in_linear_time() -> None:
    # A flattened table reads as one sentence of thousands of figures; each balance once
    # made the linker search the whole sentence again.
    unit = (
        "exports to Peru were $1.{i} billion in May 2024, imports $2.{i} billion and the "
        "deficit $1.1 billion, up 5% from $0.{i} billion, "
    )

    def make(count: int) -> str:
        return "".join(unit.format(i=i % 10) for i in range(count)) + "."

    small, large = _check_time(make(150)), _check_time(make(600))
    assert large < MAX_RATIO * small, f"{small:.3f}s -> {large:.3f}s"


def test_finding_story_starts_costs_time_in_proportion_to_the_lines() -> None:
    # Short capitalised lines one after another (a list or table as text): each used to
    # copy the rest of the text while looking for the next line that is not blank.
    from tradestats.extraction.context import story_starts
    from tradestats.segment import split_sentences

    def took(lines: int) -> float:
        text = "Exports to Japan rose by a lot\nImports fell by a little\n\n" * lines
        sentences = split_sentences(text)
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            story_starts(text, sentences)
            best = min(best, time.process_time() - start)
        return best

    small, large = took(3_000), took(12_000)
    assert large < MAX_RATIO * small, f"{small:.4f}s -> {large:.4f}s"
