"""`tradestats extract` as a user runs it: formats, stdin, directories, bad input, -o."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradestats.cli import app

runner = CliRunner()
SENTENCE = "Japan's exports to China fell 3.5% to 1.2 trillion yen in March 2024.\n"


def run(*args: str, stdin: str | bytes | None = None):
    return runner.invoke(app, list(args), input=stdin)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "note.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    return path


def test_table_lists_location_value_and_context(article: Path) -> None:
    result = run("extract", str(article))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "location",
        "kind",
        "value",
        "flow",
        "reporter",
        "partner",
        "period",
        "text",
    ]
    assert lines[2].split() == [
        f"{article}:1:31",
        "percent",
        "3.5%",
        "exports",
        "JP",
        "CN",
        "2024-03",
        "3.5%",
    ]
    assert lines[3].split()[:5] == [f"{article}:1:39", "money", "JPY", "1.2", "tn"]


def test_json_has_schema_version_and_exact_fields(article: Path) -> None:
    result = run("extract", str(article), "--format", "json")
    payload = json.loads(result.stdout)
    assert payload["schema_version"] == 1
    rate, money = payload["figures"]
    assert rate == {
        "text": "3.5%", "start": 30, "end": 34, "line": 1, "column": 31, "kind": "percent",
        "value": 3.5, "unit": "%", "printed": "3.5", "ulp": 0.1, "path": str(article),
        "low": None, "high": None, "qualifier": None, "direction": "down", "role": "change",
        "flow": "exports", "reporter": "JP", "partner": "CN", "period_start": "2024-03",
        "period_end": "2024-03", "period_text": "March 2024", "expectation": False,
        "date": None, "date_source": None,
        "per": None,
    }  # fmt: skip
    assert (money["value"], money["unit"], money["role"]) == (1200000000000, "JPY", "level")


def test_csv_keeps_exact_digits(article: Path) -> None:
    result = run("extract", str(article), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["text"] for r in rows] == ["3.5%", "1.2 trillion yen"]
    assert rows[1]["value"] == "1200000000000"
    assert rows[0]["document"] == str(article)


def test_stdin_jsonl() -> None:
    result = run("extract", "-", "--format", "jsonl", stdin=SENTENCE)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["text"], r["path"]) for r in records] == [
        ("3.5%", "-"),
        ("1.2 trillion yen", "-"),
    ]


def test_directory_is_searched_recursively(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.md").write_text("Exports rose 5%.\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Imports were $3 billion.\n", encoding="utf-8")
    (tmp_path / "skip.csv").write_text("Imports were $9 billion.\n", encoding="utf-8")
    result = run("extract", str(tmp_path), "-f", "jsonl")
    texts = [json.loads(line)["text"] for line in result.stdout.splitlines()]
    assert texts == ["5%", "$3 billion"]


def test_bom_and_crlf_are_read(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfTitle\r\nExports rose 5%.\r\n")
    (figure,) = json.loads(run("extract", str(path), "-f", "json").stdout)["figures"]
    assert (figure["text"], figure["line"], figure["column"]) == ("5%", 2, 14)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01\x02binary", "binary file"),
        (b"Exports \xff\xfe rose", "not valid UTF-8"),
    ],
)
def test_bad_files_get_one_line_and_exit_2_others_still_processed(
    tmp_path: Path, article: Path, content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run("extract", str(bad), str(article), "-f", "jsonl")
    assert result.exit_code == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and str(bad) in errors[0] and message in errors[0]
    assert len(result.stdout.splitlines()) == 2
    assert bad.read_bytes() == content


def test_missing_file_and_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run("extract", str(empty), "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["figures"] == []
    result = run("extract", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"tradestats: error: {tmp_path / 'nope.txt'}: no such file or directory"
    )


def test_huge_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tradestats import read

    monkeypatch.setattr(read, "MAX_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text("Exports rose 5%. " * 100, encoding="utf-8")
    result = run("extract", str(big))
    assert result.exit_code == 2
    assert "larger than" in result.stderr and "Traceback" not in result.stderr


def test_output_file_written_whole(tmp_path: Path, article: Path) -> None:
    out = tmp_path / "figures.json"
    result = run("extract", str(article), "-f", "json", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert len(json.loads(out.read_text(encoding="utf-8"))["figures"]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figures.json", "note.txt"]


def test_unwritable_output_leaves_nothing(tmp_path: Path, article: Path) -> None:
    out = tmp_path / "missing-dir" / "figures.json"
    result = run("extract", str(article), "-o", str(out))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    # Nothing half-written and no temporary file left anywhere.
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["note.txt"]


def test_unknown_format_is_a_usage_error(article: Path) -> None:
    result = run("extract", str(article), "-f", "xml")
    assert result.exit_code == 2
    assert "unknown format 'xml'" in result.stderr


@pytest.mark.parametrize("command", [["--help"], ["check", "{article}"], ["extract", "{article}"]])
def test_start_up_path_does_not_import_heavy_libraries(article: Path, command: list[str]) -> None:
    args = [part.format(article=article) for part in command]
    code = (
        "import sys\n"
        "from tradestats.cli import app\n"
        "from typer.testing import CliRunner\n"
        f"CliRunner().invoke(app, {args!r})\n"
        "heavy = sorted(m for m in ('pandas', 'matplotlib', 'quantulum3', 'pint') if m in sys.modules)\n"
        "print(','.join(heavy))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert done.stdout.strip() == ""


def test_console_script_runs_from_a_shell(article: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tradestats", "extract", str(article), "-f", "jsonl"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 2


def test_an_input_is_never_overwritten_by_the_output(tmp_path: Path, article: Path) -> None:
    before = article.read_bytes()
    for command in (
        ["extract", str(article), "-o", str(article)],
        ["check", str(article), "-o", str(article)],
    ):
        result = run(*command)
        assert result.exit_code == 2
        assert (
            result.stderr.strip()
            == f"tradestats: error: {article}: is an input of this run; write the output elsewhere"
        )
    assert article.read_bytes() == before


def test_replaced_output_keeps_its_permissions(tmp_path: Path, article: Path) -> None:
    out = tmp_path / "figures.csv"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    assert run("extract", str(article), "-f", "csv", "-o", str(out)).exit_code == 0
    assert out.stat().st_mode & 0o777 == 0o640
    assert out.read_text(encoding="utf-8").startswith("document,")


def test_linked_folders_are_not_followed(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "note.md").write_text("Exports rose 5%.\n", encoding="utf-8")
    (tmp_path / "drafts" / "loop").symlink_to(tmp_path / "drafts")
    result = run("extract", str(tmp_path / "drafts"), "-f", "jsonl")
    assert result.exit_code == 0
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == ["5%"]


def test_numbers_too_long_to_be_figures_are_skipped_and_long_ones_stay_exact() -> None:
    result = run(
        "extract",
        "-",
        "-f",
        "jsonl",
        stdin="Rates of 12345678901234567890123456789.5% and " + "9" * 300 + "%.\n",
    )
    assert result.exit_code == 0
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["printed"] == "12345678901234567890123456789.5"


def test_a_fault_on_one_document_is_its_problem_and_the_others_are_still_read(
    tmp_path: Path, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tradestats import pipeline

    real = pipeline.check_document

    def broken(document, *args, **kwargs):
        if document.path.endswith("bad.txt"):
            raise RuntimeError("boom")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(pipeline, "check_document", broken)
    bad = tmp_path / "bad.txt"
    bad.write_text("Exports rose 5%.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(bad), str(article), "--jobs", "1"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"tradestats: error: {bad}: internal error (RuntimeError: boom); please report it"
    )
    assert "2 files (1 unreadable)" in result.stdout
