"""Many files from the command line: formats by extension or --input-format, globs,
excludes, --changed-since, --jobs with the same output as one process, bad files."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.documents import pdf_bytes, write_docx, write_pdf
from tradestats.cli import app

runner = CliRunner()
GOOD = "Exports rose 17.8% to $33.53 billion in FY26 from $27.57 billion in FY25.\n"


def run(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


def texts(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [json.loads(line)["text"] for line in result.stdout.splitlines()]


def test_format_by_extension_and_override(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("<p>Exports rose 5%.</p><!-- 7% -->\n", encoding="utf-8")
    assert texts(run("extract", str(page), "-f", "jsonl")) == ["5%", "7%"]
    assert texts(run("extract", str(page), "-f", "jsonl", "--input-format", "html")) == ["5%"]
    result = run("extract", "-", "-f", "jsonl", "--input-format", "md", stdin="`9%` and 5%\n")
    assert texts(result) == ["5%"]


def test_unknown_input_format_is_a_usage_error(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path), "--input-format", "rtf")
    assert result.exit_code == 2
    assert "unknown input format 'rtf'" in result.stderr


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in ("a/one.md", "a/drafts/two.md", "b/three.txt", "b/four.html", ".hidden/five.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        body = f"Exports rose {len(name)}%.\n"
        path.write_text(f"<p>{body}</p>" if name.endswith(".html") else body, encoding="utf-8")
    return tmp_path


def test_directories_are_walked_in_sorted_order_hidden_skipped(tree: Path) -> None:
    result = run("extract", str(tree), "-f", "jsonl")
    paths = [
        Path(json.loads(line)["path"]).relative_to(tree).as_posix()
        for line in result.stdout.splitlines()
    ]
    assert paths == ["a/drafts/two.md", "a/one.md", "b/four.html", "b/three.txt"]


def test_exclude_patterns_from_flag_and_config(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    result = run("extract", ".", "-f", "jsonl", "--exclude", "drafts/", "--exclude", "*.html")
    assert [json.loads(line)["path"] for line in result.stdout.splitlines()] == [
        "a/one.md",
        "b/three.txt",
    ]
    (tree / ".tradestats.toml").write_text('exclude = ["b/"]\n', encoding="utf-8")
    for command in ("extract", "check"):
        result = run(command, str(tree / "a"), str(tree / "b"), "-f", "json")
        payload = json.loads(result.stdout)
        paths = [f["path"] for f in payload["figures"]] if command == "extract" else []
        if command == "extract":
            assert paths == [str(tree / "a/drafts/two.md"), str(tree / "a/one.md")]
        else:
            assert payload["summary"]["files"] == 2


def test_globs_and_a_file_named_twice_read_once(tree: Path) -> None:
    pattern = str(tree / "**" / "*.md")
    result = run("extract", pattern, str(tree / "a" / "one.md"), "-f", "jsonl")
    assert len(result.stdout.splitlines()) == 2
    result = run("extract", str(tree / "*.rst"))
    assert result.exit_code == 2 and "no files match this pattern" in result.stderr


def make_corpus(folder: Path, count: int) -> list[Path]:
    """Articles in every format, a few of them wrong, for parallel runs."""
    paths = []
    for index in range(count):
        rate = "17.8" if index % 3 == 0 else "21.6"
        body = (
            f"Exports to China rose {rate}% to $33.53 billion in FY26 from $27.57 billion in FY25."
        )
        kind = index % 5
        if kind == 0:
            path = folder / f"{index:03d}.txt"
            path.write_text(body + "\n", encoding="utf-8")
        elif kind == 1:
            path = folder / f"{index:03d}.md"
            path.write_text(f"# Note {index}\n\n{body}\n", encoding="utf-8")
        elif kind == 2:
            path = folder / f"{index:03d}.html"
            path.write_text(f"<main><p>{body}</p></main>\n", encoding="utf-8")
        elif kind == 3:
            path = write_docx(folder / f"{index:03d}.docx", [body])
        else:
            path = write_pdf(folder / f"{index:03d}.pdf", [[body]])
        paths.append(path)
    return paths


@pytest.mark.parametrize("command", ["extract", "check"])
def test_jobs_give_the_same_output_in_the_same_order(tmp_path: Path, command: str) -> None:
    make_corpus(tmp_path, 30)
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    fmt = "jsonl" if command == "extract" else "json"
    serial = run(command, str(tmp_path), "-f", fmt, "--jobs", "1")
    parallel = run(command, str(tmp_path), "-f", fmt, "--jobs", "2")
    assert parallel.stdout == serial.stdout
    assert parallel.stderr == serial.stderr
    assert parallel.exit_code == serial.exit_code == 2
    assert serial.stderr.count("\n") == 1 and "broken.docx" in serial.stderr


def test_bad_files_one_line_each_exit_2_every_other_file_checked(tmp_path: Path) -> None:
    (tmp_path / "good").mkdir()
    good = make_corpus(tmp_path / "good", 10)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "not-a-zip.docx").write_bytes(b"Exports rose 5%.")
    (bad / "scanned.pdf").write_bytes(pdf_bytes([[]]))
    (bad / "empty-body.html").write_text(
        "<html><head><title>5%</title></head></html>", encoding="utf-8"
    )
    with open(bad / "huge.txt", "wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: costs no disk and is never read
    (bad / "latin1.md").write_bytes("Exports rose 5% — café".encode("latin-1", "replace"))
    for jobs in ("1", "2"):
        result = run("check", str(bad), str(tmp_path / "good"), "-f", "json", "--jobs", jobs)
        errors = result.stderr.strip().splitlines()
        assert result.exit_code == 2
        assert [Path(e.split(": ")[2]).name for e in errors] == [
            "empty-body.html",
            "huge.txt",
            "latin1.md",
            "not-a-zip.docx",
            "scanned.pdf",
        ]
        assert all(e.startswith("tradestats: error: ") for e in errors)
        assert "larger than 25 MB" in errors[1] and "no text layer" in errors[4]
        summary = json.loads(result.stdout)["summary"]
        assert (summary["files"], summary["unreadable"]) == (len(good) + 5, 5)
        assert summary["verdicts"]["inconsistent"] == 4  # the good files were all checked


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args],
        cwd=repo, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout


def test_changed_since_checks_only_changed_and_new_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "drafts"
    repo.mkdir()
    for name in ("old.md", "edited.md", "deleted.md"):
        (repo / name).write_text(GOOD, encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    git(repo, "checkout", "-qb", "draft")
    (repo / "edited.md").write_text("Intro.\n\n" + GOOD, encoding="utf-8")
    git(repo, "commit", "-qam", "edit")
    (repo / "deleted.md").unlink()
    (repo / "new.md").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(repo)
    result = run("check", ".", "--changed-since", "main")
    assert result.exit_code == 1
    assert [line.split(":")[0] for line in result.stdout.splitlines()[:-1]] == [
        "edited.md",
        "new.md",
    ]
    result = run("check", ".", "--changed-since", "no-such-ref")
    assert result.exit_code == 2
    assert result.stderr.startswith("tradestats: error: --changed-since no-such-ref: ")
    assert result.stderr.count("\n") == 1


def test_progress_bar_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    from tradestats import cli
    from tradestats.pipeline import Outcome
    from tradestats.read import Source

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    items = [Source(f"{n}.md") for n in range(10)]
    outcomes = [Outcome(item.path) for item in items]
    for ci, shown in ((None, True), ("true", False)):
        terminal = Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        if ci is None:
            monkeypatch.delenv("CI", raising=False)
        else:
            monkeypatch.setenv("CI", ci)
        assert list(cli._with_progress(iter(outcomes), items)) == outcomes
        assert ("10/10" in terminal.getvalue()) is shown
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    monkeypatch.delenv("CI", raising=False)
    assert list(cli._with_progress(iter(outcomes), items)) == outcomes
    assert piped.getvalue() == ""
