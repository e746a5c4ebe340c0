"""`tradestats chart` as a user runs it: the chart written whole, or one line and exit 2."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from tests.conftest import FIXTURES
from tradestats.cli import app

runner = CliRunner()
SEED = FIXTURES / "articles" / "india-us-exports-fy26.txt"
RELEASES = sorted(str(p) for p in (FIXTURES / "releases").glob("2025-*.md"))


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["chart", *args])


def test_article_chart_is_a_png_of_print_size(tmp_path: Path) -> None:
    out = tmp_path / "india-us-exports.png"
    result = run(str(SEED), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    image = Image.open(io.BytesIO(out.read_bytes()))
    assert (image.format, image.size) == ("PNG", (1600, 900))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["india-us-exports.png"]


def test_release_trend_for_one_flow_and_partner(tmp_path: Path) -> None:
    out = tmp_path / "trend.png"
    result = run(*RELEASES, "--flow", "exports", "--partner", "us", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert Image.open(out).size == (1600, 900)


def test_no_figures_is_one_line_exit_2_and_no_chart(tmp_path: Path) -> None:
    text = tmp_path / "note.md"
    text.write_text("The committee will meet again next week.\n", encoding="utf-8")
    out = tmp_path / "chart.png"
    result = run(str(text), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"tradestats: error: no trade figures found in {text}\n"
    assert not out.exists()


def test_filters_that_leave_nothing_are_an_error(tmp_path: Path) -> None:
    out = tmp_path / "chart.png"
    result = run(str(SEED), "--partner", "BR", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"tradestats: error: no figures with partner BR in {SEED} (14 others found)"
    )
    assert not out.exists()


def test_a_kind_the_figures_do_not_allow_is_an_error(tmp_path: Path) -> None:
    text = tmp_path / "note.md"
    text.write_text("India's exports to Japan were $2.1 billion in May 2025.\n", encoding="utf-8")
    out = tmp_path / "chart.png"
    result = run(str(text), "--kind", "growth", "-o", str(out))
    assert result.exit_code == 2
    assert "nothing to chart as growth: no checked growth claims" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "pie"], "unknown chart kind 'pie'"),
        (["--flow", "tourism"], "unknown flow 'tourism'"),
        (["-o", "chart.svg"], "charts are PNG files"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = run(str(SEED), "-o", str(tmp_path / "chart.png"), *args)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_unwritable_output_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "chart.png"
    result = run(str(SEED), "-o", str(out))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert list(tmp_path.iterdir()) == []
