"""A fault of tradestats while reading one sentence costs that sentence, never the document.

Each test forces a fault in one sentence of a three-sentence document, at a different
stage of reading, and asserts the exact figures of the other two, the one problem naming
the file, line and column, and, through the command line, exit code 2.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradestats import extraction
from tradestats.cli import app
from tradestats.extraction import ExtractionFault, extract, grammar
from tradestats.models import InputProblem

TEXT = (
    "Exports rose 25% to $5 billion in 2024 from $4 billion in 2023.\n"
    "\n"
    "Imports grew 13.13% to $2 billion.\n"
    "\n"
    "The deficit widened 10% to $1.1 billion in 2024 from $1 billion in 2023.\n"
)
KEPT = ["25%", "$5 billion", "$4 billion", "10%", "$1.1 billion", "$1 billion"]


class Forced(RuntimeError):
    """The fault a test puts in the second sentence."""


def _fail_on_second_sentence(original):  # type: ignore[no-untyped-def]
    def wrapper(match, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "13.13" in match.string[match.start() : match.start() + 8]:
            raise Forced("forced\nover two lines")
        return original(match, *args, **kwargs)

    return wrapper


@pytest.fixture
def figure_fault(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading the figure "13.13%" raises."""
    monkeypatch.setattr(grammar, "parse_match", _fail_on_second_sentence(grammar.parse_match))


@pytest.fixture
def context_fault(monkeypatch: pytest.MonkeyPatch) -> None:
    """Working out the context of the second sentence's figures raises."""
    original = extraction._sentence_figures

    def wrapper(document, folded, sentence, *args):  # type: ignore[no-untyped-def]
        if "13.13" in document.text[sentence.start : sentence.end]:
            raise Forced("forced")
        return original(document, folded, sentence, *args)

    monkeypatch.setattr(extraction, "_sentence_figures", wrapper)


@pytest.fixture
def scan_fault(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scanning for figures raises outside any one figure, wherever "13.13" is in view."""
    original = grammar._window_matches

    def wrapper(
        text: str, low: int, high: int, starts: list[int], ascii_mode: bool = False
    ) -> list[re.Match[str]]:
        if "13.13" in text[low:high]:
            raise Forced("forced")
        return original(text, low, high, starts, ascii_mode)

    monkeypatch.setattr(grammar, "_window_matches", wrapper)


@pytest.mark.parametrize(
    ("fault", "column"), [("figure_fault", 14), ("context_fault", 1), ("scan_fault", 1)]
)
def test_a_fault_costs_its_sentence_only(
    fault: str, column: int, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue(fault)
    faults: list[InputProblem] = []
    figures = extract(TEXT, path="note.txt", faults=faults)
    assert [f.text for f in figures] == KEPT
    assert [f.line for f in figures] == [1, 1, 1, 5, 5, 5]
    (problem,) = faults
    assert (problem.path, problem.line, problem.column) == ("note.txt", 3, column)
    assert problem.message.startswith(f"note.txt:3:{column}: internal error while reading")
    assert "Forced" in problem.message and "\n" not in problem.message


def test_without_a_list_a_fault_is_a_warning(figure_fault: None) -> None:
    with pytest.warns(ExtractionFault, match=r"^note\.txt:3:14: internal error"):
        figures = extract(TEXT, path="note.txt")
    assert [f.text for f in figures] == KEPT


runner = CliRunner()


@pytest.fixture
def note(tmp_path: Path) -> Path:
    path = tmp_path / "note.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("tradestats: error:")]


def test_extract_lists_the_other_figures_and_exits_2(figure_fault: None, note: Path) -> None:
    result = runner.invoke(app, ["extract", str(note), "-f", "json"])
    assert result.exit_code == 2
    assert [f["text"] for f in json.loads(result.stdout)["figures"]] == KEPT
    (line,) = _error_lines(result.stderr)
    assert line.startswith(f"tradestats: error: {note}:3:14: internal error while reading")


def test_check_checks_the_other_sentences_and_exits_2(context_fault: None, note: Path) -> None:
    result = runner.invoke(app, ["check", str(note), "-f", "json"])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    growth = [c for c in report["claims"] if c["kind"] == "growth"]
    assert [(c["stated"]["text"], c["verdict"]) for c in growth] == [
        ("25%", "consistent"),
        ("10%", "consistent"),
    ]
    (problem,) = report["problems"]
    assert problem["message"].startswith(f"{note}:3:1: internal error while reading")
    (line,) = _error_lines(result.stderr)
    assert problem["message"] in line
    # The document was read and checked: it counts as one file, none of it unreadable.
    assert (report["summary"]["files"], report["summary"]["unreadable"]) == (1, 0)


def test_the_text_summary_counts_a_document_with_a_sentence_fault_as_checked(
    figure_fault: None, note: Path
) -> None:
    result = runner.invoke(app, ["check", str(note)])
    assert result.exit_code == 2
    assert "unreadable" not in result.stdout
    assert "1 file, 6 figures" in result.stdout


@pytest.fixture
def link_fault(monkeypatch: pytest.MonkeyPatch) -> None:
    """Linking the claims of the second sentence raises."""
    from tradestats import link

    original = link._sentence_relations

    def wrapper(clauses, previous, doc):  # type: ignore[no-untyped-def]
        if clauses and "13.13" in doc.text[clauses[0].start : clauses[-1].end]:
            raise Forced("forced")
        return original(clauses, previous, doc)

    monkeypatch.setattr(link, "_sentence_relations", wrapper)


@pytest.fixture
def judge_fault(monkeypatch: pytest.MonkeyPatch) -> None:
    """Judging the claim of the rate "13.13%" raises."""
    from tradestats import check

    original = check.judge

    def wrapper(relation, config):  # type: ignore[no-untyped-def]
        if relation.stated is not None and relation.stated.text == "13.13%":
            raise Forced("forced")
        return original(relation, config)

    monkeypatch.setattr(check, "judge", wrapper)


@pytest.mark.parametrize(
    ("fault", "column", "what"),
    [
        ("link_fault", 1, "the claims of this sentence"),
        ("judge_fault", 14, "this claim"),
    ],
)
def test_a_fault_while_checking_costs_its_sentence_or_claim_only(
    fault: str, column: int, what: str, request: pytest.FixtureRequest, note: Path
) -> None:
    request.getfixturevalue(fault)
    result = runner.invoke(app, ["check", str(note), "-f", "json"])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [(c["stated"]["text"], c["verdict"]) for c in report["claims"] if c["stated"]] == [
        ("25%", "consistent"),
        ("10%", "consistent"),
    ]
    # Every figure was still read: only the claim went.
    assert report["summary"]["figures"] == len(KEPT) + 2
    (problem,) = report["problems"]
    assert problem["message"] == (
        f"{note}:3:{column}: internal error while reading {what} (Forced: forced); it"
        f"{'s claims are' if fault == 'link_fault' else ' is'} not checked, please report it"
    )
