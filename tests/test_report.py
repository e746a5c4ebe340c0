"""`tradestats report`: a folder with report.md (or .html), the charts and figures.csv,
written whole or not at all; and TS401 across a series of releases."""

from __future__ import annotations

import base64
import csv
import io
import re
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from tests.conftest import FIXTURES
from tradestats.cli import app
from tradestats.config import Config
from tradestats.crosscheck import cross_check
from tradestats.output import OutputError
from tradestats.pipeline import analyze
from tradestats.report import write_directory
from tradestats.tables import figures_csv

runner = CliRunner()
SEED = FIXTURES / "articles" / "india-us-exports-fy26.txt"
RELEASES = FIXTURES / "releases"


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["report", *args])


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reports") / "seed"
    result = run(str(SEED), "--output-dir", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"{out / 'report.md'}: 1 file, 14 figures, 1 claim checked: 1 inconsistent, "
        "0 consistent, 0 unverifiable, 3 computed for information; 1 error\n"
    )
    return out


def test_report_folder_holds_the_page_the_charts_and_the_table(seed_report: Path) -> None:
    assert sorted(p.name for p in seed_report.iterdir()) == [
        "bars.png",
        "figures.csv",
        "growth.png",
        "report.md",
    ]
    for name in ("bars.png", "growth.png"):
        assert Image.open(seed_report / name).format == "PNG"


def test_report_md_finding_shows_stated_against_recomputed(seed_report: Path) -> None:
    page = (seed_report / "report.md").read_text(encoding="utf-8")
    lines = page.splitlines()
    assert lines[0] == "# Trade figures report"
    assert lines[2].startswith("1 file, 14 figures, 1 claim checked: 1 inconsistent")
    header = lines.index("| Rule | Severity | Where | Stated | Recomputed | Range | Finding |")
    cells = [c.strip() for c in lines[header + 2].strip("|").split("|")]
    assert cells[:6] == [
        "TS101",
        "error",
        f"{SEED}:7:137",
        "17.8%",
        "+21.6%",
        "21.58% to 21.66%",
    ]
    assert "![The same months, a year apart](bars.png)" in lines
    assert "![Stated against recomputed growth](growth.png)" in lines


def test_report_md_lists_every_figure_with_its_check(seed_report: Path) -> None:
    lines = (seed_report / "report.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("## Figures") + 2
    rows = [line for line in lines[start:] if line.startswith("| ")]
    assert len(rows) - 1 == 14  # a header, then one row per figure
    us = [c.strip() for c in rows[1].strip("|").split("|")]
    assert us == [
        f"{SEED}:7:61",
        "$33.53 billion",
        "USD 33.53 bn",
        "exports",
        "IN",
        "US",
        "Apr–Jul 2025",
        "17.8%",
        "21.62%",
        "inconsistent",
    ]


def test_figures_csv_is_the_figures_table(seed_report: Path) -> None:
    report = cross_check(analyze([str(SEED)], Config()), Config())
    written = (seed_report / "figures.csv").read_text(encoding="utf-8")
    assert written == figures_csv(report.figures, report.claims)
    rows = list(csv.DictReader(io.StringIO(written)))
    assert (rows[1]["text"], rows[1]["stated_growth"], rows[1]["recomputed_growth"]) == (
        "17.8%",
        "17.8",
        "21.62",
    )


def test_html_report_is_one_file_with_the_charts_inline(tmp_path: Path, seed_report: Path) -> None:
    out = tmp_path / "mail"
    result = run(str(SEED), "--output-dir", str(out), "--format", "html")
    assert result.exit_code == 0, result.stderr
    page = (out / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    images = re.findall(r'<img src="data:image/png;base64,([^"]+)"', page)
    # The same charts as the Markdown report, byte for byte.
    assert [base64.b64decode(i) for i in images] == [
        (seed_report / "bars.png").read_bytes(),
        (seed_report / "growth.png").read_bytes(),
    ]
    assert 'src="http' not in page and "src='" not in page
    assert '<tr class="inconsistent"><td>' in page
    assert "17.8% but $33.53" in page


def test_releases_report_flags_the_revised_march_figure(tmp_path: Path) -> None:
    out = tmp_path / "releases"
    result = run(str(RELEASES), "--output-dir", str(out))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "figures.csv",
        "growth.png",
        "report.md",
        "trend.png",
    ]
    page = (out / "report.md").read_text(encoding="utf-8")
    findings = [line for line in page.splitlines() if line.startswith("| TS")]
    assert [row.split("|")[1:5] for row in findings] == [
        [" TS101 ", " error ", f" {RELEASES / '2025-04.md'}:16:67 ", " 25.2% "],
        [" TS401 ", " info ", f" {RELEASES / '2025-04.md'}:22:92 ", " $9.95 billion "],
    ]
    assert "but " + f"{RELEASES / '2025-03.md'}:16:35 states $9.87 billion" in findings[1]


def test_no_figures_writes_nothing(tmp_path: Path) -> None:
    text = tmp_path / "note.md"
    text.write_text("Nothing to count here.\n", encoding="utf-8")
    out = tmp_path / "report"
    result = run(str(text), "--output-dir", str(out))
    assert result.exit_code == 2
    assert "no trade figures found" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("where", ["missing/report", "a-file/report", "a-file"])
def test_unwritable_output_dir_is_exit_2_and_leaves_nothing(tmp_path: Path, where: str) -> None:
    (tmp_path / "a-file").write_text("keep me\n", encoding="utf-8")
    result = run(str(SEED), "--output-dir", str(tmp_path / where))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "keep me\n"


def test_a_failure_while_writing_leaves_no_half_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written: list[str] = []
    original = Path.write_bytes

    def fail_on_second(self: Path, data: bytes) -> int:  # type: ignore[override]
        written.append(self.name)
        if len(written) == 2:
            raise OSError(28, "No space left on device")
        return original(self, data)

    monkeypatch.setattr(Path, "write_bytes", fail_on_second)
    with pytest.raises(OutputError, match="No space left on device"):
        write_directory({"report.md": b"# r\n", "chart.png": b"png"}, tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_rewriting_a_report_replaces_its_files_and_keeps_others(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_directory({"report.md": b"old\n", "figures.csv": b"old\n"}, out)
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    write_directory({"report.md": b"new\n", "figures.csv": b"new\n"}, out)
    assert sorted(p.name for p in out.iterdir()) == ["figures.csv", "notes.txt", "report.md"]
    assert (out / "report.md").read_bytes() == b"new\n"
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging folder left


def test_unknown_report_format(tmp_path: Path) -> None:
    result = run(str(SEED), "--output-dir", str(tmp_path / "r"), "--format", "pdf")
    assert result.exit_code == 2
    assert "unknown format 'pdf'" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_date_gives_months_without_a_year_their_year(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text(
        "India's exports to the United States were $8.2 billion in March, "
        "up from $7.4 billion in February.\n",
        encoding="utf-8",
    )
    out = tmp_path / "report"
    result = run(str(note), "--output-dir", str(out), "--date", "2024-04-15")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO((out / "figures.csv").read_text(encoding="utf-8"))))
    assert [(r["text"], r["period"]) for r in rows] == [
        ("$8.2 billion", "Mar 2024"),
        ("$7.4 billion", "Feb 2024"),
    ]


def test_ts401_follows_the_config_like_every_rule() -> None:
    report = analyze([str(RELEASES)], Config())
    assert [f.rule for f in cross_check(report, Config()).findings] == ["TS101", "TS401"]
    quiet = Config(disable=frozenset({"TS401"}))
    assert cross_check(report, quiet).findings == report.findings
    # Info by default (a revision is not an error); a set of releases can raise it.
    assert [f.severity for f in cross_check(report, Config()).findings] == ["error", "info"]
    raised = Config(severity=(("TS401", "warning"),))
    assert [f.severity for f in cross_check(report, raised).findings] == ["error", "warning"]


def test_select_keeps_the_figures_and_claims_asked_for() -> None:
    from tradestats.report import select

    report = cross_check(analyze([str(SEED)], Config()), Config())
    china = select(report, flow="Exports", partner="cn", reporter="IN")
    assert [f.text for f in china.figures] == ["$5.76 billion", "$4.8 billion"]
    assert [c.kind for c in china.claims] == ["comparison"] and china.findings == ()
    assert select(report, reporter="JP").figures == ()
    assert select(report) is report
