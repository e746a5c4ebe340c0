"""`tradestats check` as CI runs it: exit codes, config, suppression, output files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradestats.cli import app

runner = CliRunner()
WRONG = "Exports rose 17.8% to $33.53 billion from $27.57 billion.\n"
RIGHT = "Exports rose 21.6% to $33.53 billion from $27.57 billion.\n"
SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def run(*args: str, cwd: Path | None = None):
    if cwd is None:
        return runner.invoke(app, ["check", *args])
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(app, ["check", *args])
    finally:
        os.chdir(old)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_exit_codes_follow_the_fail_level(tmp_path: Path) -> None:
    wrong = write(tmp_path / "wrong.md", WRONG)
    right = write(tmp_path / "right.md", RIGHT)
    assert run(str(right)).exit_code == 0
    result = run(str(wrong))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith(
        f"{wrong}:1:14: error TS101 growth: stated 17.8%"
    )
    assert result.stdout.splitlines()[-1] == (
        "1 file, 3 figures, 1 claim checked: 1 inconsistent, 0 consistent, 0 unverifiable; 1 error"
    )
    write(tmp_path / ".tradestats.toml", '[severity]\nTS101 = "warning"\n')
    assert run(str(wrong)).exit_code == 0
    assert run(str(wrong), "--fail-level", "warning").exit_code == 1


def test_config_found_upward_disables_a_rule_and_unknown_keys_are_errors(tmp_path: Path) -> None:
    draft = write(tmp_path / "drafts" / "q3" / "note.md", WRONG)
    write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.tradestats]\ndisable = ["growth.rate"]\n',
    )
    assert run(str(draft)).exit_code == 0
    write(tmp_path / "pyproject.toml", '[tool.tradestats]\nfail_levle = "error"\n')
    result = run(str(draft))
    assert result.exit_code == 2
    assert "unknown key 'fail_levle'" in result.stderr
    assert "Traceback" not in result.stderr


def test_extra_tolerance_widens_every_range(tmp_path: Path) -> None:
    wrong = write(tmp_path / "wrong.txt", WRONG)
    # 17.8 ± (0.05 + t) must reach 21.58, the lowest rate the printed values allow.
    assert run(str(wrong), "--extra-tolerance", "3.7").exit_code == 1
    assert run(str(wrong), "--extra-tolerance", "3.8").exit_code == 0


def test_inline_suppression_comments(tmp_path: Path) -> None:
    text = f"<!-- tradestats-disable-next-line TS101 -->\n{WRONG}\n{WRONG}"
    draft = write(tmp_path / "note.md", text)
    result = run(str(draft))
    assert result.exit_code == 1
    assert [line.split(":")[1] for line in result.stdout.splitlines()[:-1]] == ["4"]
    write(
        tmp_path / "note.md",
        f"<!-- tradestats-disable TS101 -->\n{WRONG}\n{WRONG}<!-- tradestats-enable TS101 -->\n",
    )
    assert run(str(draft)).exit_code == 0


def test_input_errors_exit_2_and_other_files_are_still_checked(tmp_path: Path) -> None:
    wrong = write(tmp_path / "wrong.txt", WRONG)
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00")
    result = run(str(binary), str(wrong))
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"tradestats: error: {binary}: binary file (contains NUL bytes), not text"
    )
    assert "TS101" in result.stdout


def test_json_output_lists_every_claim_with_its_verdict(tmp_path: Path) -> None:
    draft = write(tmp_path / "note.txt", WRONG + RIGHT.replace("Exports", "Imports"))
    payload = json.loads(run(str(draft), "--format", "json").stdout)
    assert payload["schema_version"] == 1
    assert [(c["verdict"], c["stated"]["text"]) for c in payload["claims"]] == [
        ("inconsistent", "17.8%"),
        ("consistent", "21.6%"),
    ]
    (finding,) = payload["findings"]
    assert {k: finding[k] for k in ("rule", "line", "column", "stated", "expected")} == {
        "rule": "TS101", "line": 1, "column": 14, "stated": "17.8%", "expected": "+21.6%",
    }  # fmt: skip


def test_sarif_file_is_written_whole_with_relative_paths(tmp_path: Path) -> None:
    write(tmp_path / "drafts" / "note.md", WRONG)
    result = run("drafts", "--format", "sarif", "-o", "out.sarif", cwd=tmp_path)
    assert result.exit_code == 1 and result.stdout == ""
    sarif = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    (entry,) = sarif["runs"][0]["results"]
    location = entry["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "drafts/note.md"
    assert location["region"] == {"startLine": 1, "startColumn": 14, "endLine": 1, "endColumn": 19}
    if SCHEMA.exists():
        import jsonschema

        jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(sarif)


def test_github_annotations_escape_percent_signs(tmp_path: Path) -> None:
    draft = write(tmp_path / "note.md", WRONG)
    first = run(str(draft), "--format", "github").stdout.splitlines()[0]
    assert first.startswith(
        f"::error file={draft},line=1,col=14,endLine=1,endColumn=19,title=TS101::"
    )
    assert "17.8%25" in first and "17.8%" not in first.replace("17.8%25", "")


@pytest.mark.parametrize(
    "flag", [["--format", "xml"], ["--fail-level", "fatal"], ["--enable", "TS999"]]
)
def test_usage_errors_exit_2(tmp_path: Path, flag: list[str]) -> None:
    draft = write(tmp_path / "note.md", RIGHT)
    result = run(str(draft), *flag)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_rules_command_lists_every_rule() -> None:
    from tradestats.rules import RULES

    output = runner.invoke(app, ["rules"]).stdout
    for rule in RULES.values():
        assert f"{rule.id}  {rule.name}  ({rule.severity})" in output


def test_text_summary_keeps_whole_denominators_without_keeping_every_claim(tmp_path: Path) -> None:
    """Outputs that only count claims keep memory flat; the counts must not change."""
    from tradestats.config import Config
    from tradestats.crosscheck import cross_check
    from tradestats.formatters.check import summary_line
    from tradestats.pipeline import Task, collect, run, select

    write(tmp_path / "a.md", WRONG + RIGHT.replace("Exports", "Imports"))
    write(
        tmp_path / "b.md",
        "Exports to Peru were $1.2 billion in May 2024, against $1.1 billion in April 2024.\n",
    )
    # One figure in three more documents: two agree with b.md, one revises it (TS401).
    for name, value in (("c.md", "1.20"), ("d.md", "1.2"), ("e.md", "1.25")):
        write(tmp_path / name, f"Peru's exports were ${value} billion in May 2024.\n")
    task = Task(config=Config())

    def report(lean: bool):
        return cross_check(collect(run(select([str(tmp_path)]), task, 1), lean=lean), Config())

    full, lean = report(False), report(True)
    assert summary_line(lean) == summary_line(full)
    assert summary_line(full) == (
        "5 files, 11 figures, 4 claims checked: 2 inconsistent, 2 consistent, 0 unverifiable, "
        "1 computed for information; 1 error, 1 info"
    )
    assert len(lean.claims) == 1 < len(full.claims)  # only the TS401 disagreement is kept
    assert [f.message for f in lean.findings] == [f.message for f in full.findings]


def test_statements_far_apart_are_different_series_not_a_disagreement(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "Ghana's exports to the EU were EUR 1.20 billion in March 2025.\n")
    write(tmp_path / "b.md", "Ghana's exports to the EU were EUR 2.90 billion in March 2025.\n")
    result = run(str(tmp_path), "--format", "json")
    payload = json.loads(result.stdout)
    assert result.exit_code == 0 and payload["findings"] == []
    assert [(c["rule"], c["verdict"]) for c in payload["claims"]] == [("TS401", "unverifiable")]
