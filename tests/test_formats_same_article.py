"""The seed article as .txt, .md, .html, .docx and .pdf: the same figures, the same findings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.documents import seed_paragraphs, wrap, write_docx, write_pdf
from tradestats.config import Config
from tradestats.pipeline import Task, process
from tradestats.read import Source

TXT = FIXTURES / "articles" / "india-us-exports-fy26.txt"
PUBLISHED = date(2025, 8, 20)


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("formats")
    paragraphs = seed_paragraphs()
    lines = wrap(paragraphs)
    return {
        "txt": TXT,
        "md": FIXTURES / "formats" / "india-us-exports-fy26.md",
        "html": FIXTURES / "formats" / "india-us-exports-fy26.html",
        "docx": write_docx(folder / "article.docx", paragraphs, title="Weekly trade brief"),
        # Two pages, the break inside the third paragraph's sentence.
        "pdf": write_pdf(folder / "article.pdf", [lines[:7], lines[7:]]),
    }


def what_it_says(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[str, str]]]:
    """Figures and findings without where they are: what the article states and gets wrong."""
    # One date for every format: a Word file declares one of its own (the template's,
    # here), which would move "in June" to another year; that is tested elsewhere.
    result = process(Source(str(path)), Task(config=Config(), reference_date=PUBLISHED))
    figures = [
        (
            " ".join(f.text.split()), f.kind, f.value, f.unit, f.direction, f.role, f.flow,
            f.reporter, f.partner, f.period_start, f.period_end, f.qualifier, f.expectation,
        )
        for f in result.figures
    ]  # fmt: skip
    return figures, [(f.rule, f.message) for f in result.findings]


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_same_figures_and_findings_as_the_text(articles: dict[str, Path], fmt: str) -> None:
    expected_figures, expected_findings = what_it_says(articles["txt"])
    figures, findings = what_it_says(articles[fmt])
    assert len(expected_figures) == 14
    assert figures == expected_figures
    assert findings == expected_findings
    assert [rule for rule, _ in findings] == ["TS101"]


def test_each_format_reports_the_finding_where_its_file_has_it(articles: dict[str, Path]) -> None:
    where = {
        fmt: [f.location for f in process(Source(str(path)), Task(config=Config())).findings]
        for fmt, path in articles.items()
    }
    assert where == {
        "txt": ["7:137"],
        "md": ["10:14"],
        "html": ["19:67"],
        "docx": ["¶2"],
        "pdf": [f"p1:2:{wrap(seed_paragraphs())[1].index('17.8%') + 1}"],
    }
    assert where["pdf"] == ["p1:2:48"]
