"""Word and PDF files made in the test: figures located by paragraph ("¶12", table cells
"¶14/T1R3C2") and by page and line ("p2:3:14"); damaged files are one-line errors."""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.documents import pdf_bytes, write_docx, write_pdf
from tradestats.cli import app
from tradestats.config import Config
from tradestats.formats import InputError, parse
from tradestats.models import LocatedFigure
from tradestats.pipeline import Task, process
from tradestats.read import Source

runner = CliRunner()
TABLE = [
    ["Fiscal year", "Exports (US$ bn)", "Growth (%)"],
    ["FY24", "437.1", "-3.1"],
    ["FY25", "437.4", "1.1"],
]


@pytest.fixture
def report_docx(tmp_path: Path) -> Path:
    return write_docx(
        tmp_path / "report.docx",
        [
            "India’s exports rose 5% to $3 billion in March 2024.",
            "",
            "Table 1 shows the fiscal years.",
            TABLE,
            "Imports were $2 billion in March 2024.",
        ],
        title="India’s trade",
    )


def test_docx_paragraphs_and_cells_are_numbered_as_in_word(report_docx: Path) -> None:
    figures = process(Source(str(report_docx)), Task()).figures
    assert [(f.location, f.text, f.line, f.column) for f in figures] == [
        ("¶2", "5%", 2, 22),  # ¶1 is the heading
        ("¶2", "$3 billion", 2, 28),
        # ¶3 is the empty paragraph, ¶4 the caption, ¶5-7 the header cells, ¶8 "FY24".
        ("¶9/T1R2C2", "US$437.1 billion", 9, 1),
        ("¶10/T1R2C3", "3.1%", 10, 2),  # after the minus sign
        ("¶12/T1R3C2", "US$437.4 billion", 12, 1),
        ("¶13/T1R3C3", "1.1%", 13, 1),
        ("¶14", "$2 billion", 14, 14),
    ]
    assert all(isinstance(f, LocatedFigure) for f in figures)


def test_docx_table_growth_checked_and_reported_by_cell(report_docx: Path) -> None:
    result = process(Source(str(report_docx)), Task(config=Config()))
    assert [(f.rule, f.location, f.line) for f in result.findings] == [("TS101", "¶13/T1R3C3", 13)]


def test_docx_locations_are_paragraphs_in_text_and_lines_in_json(report_docx: Path) -> None:
    record = json.loads(
        runner.invoke(app, ["extract", str(report_docx), "-f", "jsonl"]).stdout.splitlines()[0]
    )
    assert (record["line"], record["column"], record["label"]) == (2, 22, "¶2")
    check = runner.invoke(app, ["check", str(report_docx)])
    # A growth cell is checked against the row before: a link across rows, so a warning.
    assert check.stdout.startswith(f"{report_docx}:¶13/T1R3C3: warning TS101")
    sarif = json.loads(runner.invoke(app, ["check", str(report_docx), "-f", "sarif"]).stdout)
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 13


def test_pdf_figures_by_page_and_line(tmp_path: Path) -> None:
    pdf = write_pdf(
        tmp_path / "brief.pdf",
        [
            ["India’s trade brief", "", "Exports rose 17.8% to $33.53 billion in April-July FY26"],
            ["from $27.57 billion a year earlier.", "Imports were $2 billion in July 2025."],
        ],
    )
    result = process(Source(str(pdf)), Task(config=Config()))
    # Lines are the text layer's: it has no blank lines, so the third printed line is 2.
    assert [(f.location, f.text, f.line) for f in result.figures] == [
        ("p1:2:14", "17.8%", 2),
        ("p1:2:23", "$33.53 billion", 2),
        ("p2:1:6", "$27.57 billion", 3),  # a sentence across the page break
        ("p2:2:14", "$2 billion", 4),
    ]
    assert [(f.rule, f.location) for f in result.findings] == [("TS101", "p1:2:14")]


def test_pdf_without_text_layer_is_an_error() -> None:
    with pytest.raises(InputError, match=r"^scan\.pdf: no text layer in this PDF"):
        parse(pdf_bytes([[]]), "scan.pdf", "pdf")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("fake.docx", b"Exports rose 5%.", "fake.docx: not a Word .docx file (not a zip archive)"),
        ("fake.pdf", b"Exports rose 5%.", "fake.pdf: not a PDF file (no %PDF header)"),
        ("cut.pdf", pdf_bytes([["Exports rose 5%."]])[:60], "cut.pdf: not a readable PDF"),
    ],
)
def test_mislabelled_and_damaged_files(name: str, data: bytes, message: str) -> None:
    fmt = name.rsplit(".", 1)[1]
    with pytest.raises(InputError) as caught:
        parse(data, name, fmt)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "Exports rose 5%.")
    with pytest.raises(InputError, match=r"^.*notes\.docx: not a readable Word \.docx file \("):
        parse(path.read_bytes(), str(path), "docx")


@pytest.mark.parametrize(
    ("fmt", "module", "command"),
    [("docx", "docx", "tradestats[docx]"), ("pdf", "pypdf", "tradestats[pdf]")],
)
def test_missing_extra_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, fmt: str, module: str, command: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    with pytest.raises(InputError) as caught:
        parse(b"%PDF-1.4 PK", f"a.{fmt}", fmt)
    assert str(caught.value).endswith(f"install it with: pip install '{command}'")
