"""The date of a document, from each place a document gives it, and what output says of it."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.documents import pdf_bytes
from tradestats import dates
from tradestats.cli import app
from tradestats.dates import document_date, from_html, from_path, from_text
from tradestats.formats import parse

BODY = "<body><p>Exports to Canada rose 6% in July, the agency said.</p></body>"


@pytest.mark.parametrize(
    ("head", "when", "source"),
    [
        (
            '<meta property="article:published_time" content="2025-08-14T09:30:00+05:30">',
            date(2025, 8, 14),
            "html meta article:published_time",
        ),
        (
            '<span itemprop="datePublished" content="2024-03-02">2 March</span>',
            date(2024, 3, 2),
            "html itemprop datePublished",
        ),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2023-11-30T18:00:00Z"}</script>',
            date(2023, 11, 30),
            "json-ld datePublished",
        ),
        ('<time datetime="2022-01-05">5 Jan</time>', date(2022, 1, 5), "html time datetime"),
    ],
    ids=["meta", "itemprop", "json-ld", "time"],
)
def test_html_declares_its_date(head: str, when: date, source: str) -> None:
    page = f"<html><head>{head}</head>{BODY}</html>"
    found = from_html(page)
    assert found is not None
    assert (found.date, found.source) == (when, source)
    document = parse(page.encode(), "page.html", "html")
    assert (document.published, document.published_source) == (when, source)


def test_html_meta_is_trusted_before_a_time_tag() -> None:
    page = (
        '<html><head><meta name="pubdate" content="2025-02-01"></head><body>'
        '<time datetime="2019-06-01">a comment</time><p>Imports fell in January.</p></body></html>'
    )
    found = from_html(page)
    assert found is not None and found.date == date(2025, 2, 1)


def test_word_core_properties(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    word.add_paragraph("Exports to Chile fell 3% in March, the office said.")
    word.core_properties.created = datetime(2024, 4, 9, 8, 0, tzinfo=UTC)
    path = tmp_path / "brief.docx"
    word.save(str(path))
    document = parse(path.read_bytes(), str(path), "docx")
    assert (document.published, document.published_source) == (
        date(2024, 4, 9),
        "word core properties created",
    )


def test_pdf_metadata() -> None:
    data = pdf_bytes([["Exports to Peru rose 2% in May, the bureau said."]], "D:20230612101500Z")
    document = parse(data, "release.pdf", "pdf")
    assert (document.published, document.published_source) == (
        date(2023, 6, 12),
        "pdf metadata CreationDate",
    )


@pytest.mark.parametrize(
    ("text", "when", "source"),
    [
        ("Published: 14 August 2024\n\nExports rose.", date(2024, 8, 14), "text published line"),
        (
            "By a staff writer\nUpdated on Aug 3, 2023 10:31 IST\n",
            date(2023, 8, 3),
            "text updated line",
        ),
        ("Posted 2022-02-28\nImports fell.", date(2022, 2, 28), "text posted line"),
        (
            "NEW DELHI, March 5, 2024 (PTI) - Exports rose 4% in February.",
            date(2024, 3, 5),
            "text dateline",
        ),
        ("LONDON, 14 June 2021 (Reuters) -- Imports fell.", date(2021, 6, 14), "text dateline"),
        ("Trade brief\n\nLAST UPDATED: 2 May 2019\n", date(2019, 5, 2), "text last updated line"),
        (
            "Markets desk\nPARIS, Jan 9 - Wheat fell.\nROME, January 9, 1987 - Oil rose.",
            date(1987, 1, 9),
            "text dateline",
        ),
    ],
    ids=[
        "published",
        "updated",
        "posted",
        "dateline-us",
        "dateline-uk",
        "capitals-after-break",
        "second-dateline-has-the-year",
    ],
)
def test_date_lines_at_the_head_of_the_text(text: str, when: date, source: str) -> None:
    found = from_text(text)
    assert found is not None
    assert (found.date, found.source) == (when, source)


def test_a_dateline_without_a_year_needs_the_year_of_the_file_name() -> None:
    text = "NEW DELHI, Aug 14 (PTI) - Exports slid in July."
    assert from_text(text) is None
    found = document_date(text, "wire-2015/story-2015.txt")
    assert found is not None and (found.date, found.source) == (date(2015, 8, 14), "text dateline")


def test_a_date_in_the_body_is_no_date_of_the_document() -> None:
    text = "Exports fell in March.\n\nThe ministry first reported the trend on 3 May 2018."
    assert document_date(text, "note.txt") is None


@pytest.mark.parametrize(
    ("name", "when"),
    [
        ("2025-08-14-note.md", date(2025, 8, 14)),
        ("release_2025_08.txt", date(2025, 8, 1)),
        ("brief 2024.03.02.pdf", date(2024, 3, 2)),
    ],
)
def test_a_date_in_the_file_name(name: str, when: date) -> None:
    found = from_path(f"drafts/{name}")
    assert found is not None and (found.date, found.source) == (when, "file name")


def test_a_number_is_no_year_of_a_file_name() -> None:
    assert from_path("wire/2019.txt") is None
    assert from_path("2025-13-01.txt") is None


def test_order_of_trust_given_then_file_then_text_then_name() -> None:
    text = "Published: 1 May 2024\nImports fell in April."
    declared = from_html('<meta property="article:published_time" content="2024-05-03">')
    assert document_date(text, "2024-05-09.txt", date(2024, 5, 2), declared).source == "given"  # type: ignore[union-attr]
    assert document_date(text, "2024-05-09.txt", None, declared).source.startswith("html")  # type: ignore[union-attr]
    assert document_date(text, "2024-05-09.txt").source == "text published line"  # type: ignore[union-attr]
    assert document_date("Imports fell.", "2024-05-09.txt").source == "file name"  # type: ignore[union-attr]


runner = CliRunner()


def test_extract_output_carries_the_date_and_its_source(tmp_path: Path) -> None:
    path = tmp_path / "2025-02-10-brief.txt"
    path.write_text("Japan's imports rose 4% in December.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    (figure,) = json.loads(result.stdout)["figures"]
    assert (figure["date"], figure["date_source"]) == ("2025-02-10", "file name")
    assert (figure["period_start"], figure["period_end"]) == ("2024-12", "2024-12")
    result = runner.invoke(app, ["extract", str(path), "-f", "csv", "--date", "2026-01-15"])
    header, row = result.stdout.splitlines()[:2]
    columns = dict(zip(header.split(","), row.split(","), strict=False))
    assert (columns["date"], columns["date_source"], columns["period_start"]) == (
        "2026-01-15",
        "given",
        "2025-12",
    )


def test_extract_notes_a_document_without_a_date(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text("Japan's imports rose 4% in December.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0
    assert "no date found" in result.stderr
    assert json.loads(result.stdout)["figures"][0]["period_start"] is None
    dated = runner.invoke(app, ["extract", str(path), "--format", "json", "--date", "2025-01-09"])
    assert "no date found" not in dated.stderr


def test_datelines_are_found_at_each_line_start_as_by_a_search_from_each() -> None:
    # The dateline pattern opens with the line break before it, not with "^" (see dates.py).
    at_line_start = re.compile(rf"(?m)^{dates._DATELINE_BODY}")
    heads = [
        "LONDON, 14 June 2021 (Reuters) -- Imports fell.",
        "Kicker\nNEW DELHI, Aug 14 (PTI) - Exports slid.\nTOKYO, Sept. 2, 2019: more",
        "\n\nPARIS, 1 May 2020 -\nBERLIN, 2 May 2020 -\nROME, 3 May 2020 -",
        "x\nSEOUL, Korea, Jan 5 -\n\nnot one, Feb 3 -",
    ]
    for head in heads:
        first = dates._DATELINE.match(head, 0, dates._DATELINE_CHARS)
        after = dates._DATELINE_AFTER_BREAK.finditer(
            head, first.end() if first else 0, dates._DATELINE_CHARS
        )
        found = ([first] if first else []) + list(after)
        expected = at_line_start.finditer(head, 0, dates._DATELINE_CHARS)
        assert [m.groupdict() for m in found] == [m.groupdict() for m in expected]
        assert found
