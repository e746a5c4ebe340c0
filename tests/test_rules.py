"""Every rule, as data: fixtures/rules/TSnnn.toml holds sentences it must flag and pass.

A case gives one ``text``, or ``texts`` for a rule across documents (TS401): each text
is checked as its own document, then all of them together as the report path does.
"""

from __future__ import annotations

import tomllib

import pytest

from tests.conftest import FIXTURES
from tradestats.check import check_document
from tradestats.config import Config
from tradestats.crosscheck import cross_check
from tradestats.models import Document, Report
from tradestats.rules import RULES

CASE_FILES = sorted((FIXTURES / "rules").glob("TS*.toml"))


def _cases() -> list[tuple[str, str, dict]]:
    cases = []
    for path in CASE_FILES:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for outcome in ("fail", "pass"):
            for number, case in enumerate(data.get(outcome, []), 1):
                cases.append((data["rule"], outcome, case, f"{data['rule']}-{outcome}-{number}"))
    return cases


CASES = _cases()


def _texts(case: dict) -> list[str]:
    return case["texts"] if "texts" in case else [case["text"]]


def _check(case: dict) -> Report:
    texts = _texts(case)
    results = [
        check_document(Document(text, f"case{n}.txt"), Config()) for n, text in enumerate(texts)
    ]
    report = Report(
        files=tuple(f"case{n}.txt" for n in range(len(texts))),
        figures=tuple(f for r in results for f in r.figures),
        claims=tuple(c for r in results for c in r.claims),
        findings=tuple(f for r in results for f in r.findings),
    )
    return cross_check(report, Config()) if "texts" in case else report


@pytest.mark.parametrize(
    ("rule", "outcome", "case"), [c[:3] for c in CASES], ids=[c[3] for c in CASES]
)
def test_rule_case(rule: str, outcome: str, case: dict) -> None:
    result = _check(case)
    if outcome == "fail":
        assert [f.rule for f in result.findings] == [rule], [f.message for f in result.findings]
        finding = result.findings[0]
        assert finding.claim.verdict == "inconsistent"
        assert any(finding.stated in text for text in _texts(case))
        if "expected" in case:
            assert finding.expected == case["expected"], finding.message
    else:
        assert result.findings == (), [f.message for f in result.findings]
        judged = [
            c
            for c in result.claims
            if c.rule in (rule, "TS101") and c.verdict.startswith("consistent")
        ]
        assert judged, "the case must be linked and judged, not skipped"
        if "verdict" in case:
            assert judged[0].verdict == case["verdict"]


def test_every_rule_has_cases_that_fail_and_pass() -> None:
    outcomes = {(rule, outcome) for rule, outcome, _case, _id in CASES}
    for rule in RULES:
        assert (rule, "fail") in outcomes, f"{rule} has no case it must flag"
        assert (rule, "pass") in outcomes, f"{rule} has no case it must pass"


def test_every_case_file_names_a_known_rule() -> None:
    for path in CASE_FILES:
        assert tomllib.loads(path.read_text(encoding="utf-8"))["rule"] == path.stem
        assert path.stem in RULES
