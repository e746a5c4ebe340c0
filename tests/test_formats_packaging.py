"""The pre-commit hook and the GitHub Action say what they run, and on which files."""

from __future__ import annotations

import re
import subprocess

import yaml

from tests.conftest import ROOT


def test_pre_commit_hook_checks_markdown_text_and_word_files() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["language"]) == ("tradestats", "python")
    assert hook["entry"].startswith("tradestats check")
    files = re.compile(hook["files"])
    assert [bool(files.search(name)) for name in ("a.md", "b.txt", "c.docx", "d.py", "e.pdf")] == [
        True, True, True, False, False,
    ]  # fmt: skip


def test_action_installs_and_runs_check_with_sarif_or_annotations() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert {"paths", "format", "sarif-file", "changed-since", "fail-level"} <= set(action["inputs"])
    script = action["runs"]["steps"][-1]["run"]
    assert "tradestats check" in script and "--format sarif" in script
    # The step's shell script is valid bash.
    subprocess.run(["bash", "-n"], input=script, text=True, check=True)
