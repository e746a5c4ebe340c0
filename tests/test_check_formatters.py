"""`tradestats check` output: a hand-built report rendered as text, JSON, SARIF and GitHub.

Golden files under fixtures/golden/ are the specification of each format; rewrite them on
purpose with TRADESTATS_REGENERATE_GOLDEN=1 and read the diff before committing it.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, ROOT
from tradestats import __version__
from tradestats.formatters.check import (
    FINGERPRINT_KEY,
    FORMATS,
    artifact_uri,
    render,
    render_github,
    render_json,
    render_sarif,
    render_text,
    summary_line,
)
from tradestats.models import Claim, Document, Figure, Finding, InputProblem, Report
from tradestats.rules import RULES

GOLDEN = FIXTURES / "golden"
SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"

EXPORTS = Document(
    "US trade\n"
    "\n"
    "India's exports to the United States rose 17.8% to $33.53 billion in 2024 "
    "from $27.57 billion in 2023.\n"
    "Imports from the United States rose 7.5% to $43 billion from $40 billion.\n",
    "articles/us.txt",
)
CHINA = Document(
    "# China\n"
    "\n"
    "In 2024 exports to China were $15.2 billion and imports $100.1 billion, "
    "a deficit of $85 billion; imports were nearly seven times exports.\n",
    "articles/china.md",
)
BILLION = Decimal(10) ** 9


def figure(doc: Document, text: str, kind: str, printed: str, **fields: Any) -> Figure:
    """A figure located in ``doc`` the way the extractor locates it."""
    start = doc.text.index(text)
    line, column = doc.position(start)
    if kind == "money":
        scale, unit = BILLION, "USD"
    else:
        scale, unit = Decimal(1), {"percent": "%", "multiple": "x"}[kind]
    ulp = Decimal(1).scaleb(Decimal(printed).as_tuple().exponent) * scale
    return Figure(
        text=text, start=start, end=start + len(text), line=line, column=column,
        kind=kind, value=Decimal(printed) * scale, unit=unit, printed=printed, ulp=ulp,
        path=doc.path, **fields,
    )  # fmt: skip


def finding(claim: Claim, severity: str, message: str, *values: str) -> Finding:
    anchor = claim.anchor
    end_line, end_column = (EXPORTS if anchor.path == EXPORTS.path else CHINA).position(anchor.end)
    return Finding(
        claim.rule, severity, anchor.path, anchor.line, anchor.column, end_line, end_column,
        message, *values, claim=claim,
    )  # fmt: skip


RATE = figure(EXPORTS, "17.8%", "percent", "17.8", direction="up", role="change", flow="exports")
EXPORTS_2024 = figure(EXPORTS, "$33.53 billion", "money", "33.53", flow="exports")
EXPORTS_2023 = figure(EXPORTS, "$27.57 billion", "money", "27.57", flow="exports")
IMPORTS_RATE = figure(EXPORTS, "7.5%", "percent", "7.5", direction="up", flow="imports")
IMPORTS_NEW = figure(EXPORTS, "$43 billion", "money", "43", flow="imports")
IMPORTS_OLD = figure(EXPORTS, "$40 billion", "money", "40", flow="imports")
CN_EXPORTS = figure(CHINA, "$15.2 billion", "money", "15.2", flow="exports", partner="CN")
CN_IMPORTS = figure(CHINA, "$100.1 billion", "money", "100.1", flow="imports", partner="CN")
CN_DEFICIT = figure(CHINA, "$85 billion", "money", "85", flow="deficit", partner="CN")
CN_MULTIPLE = figure(CHINA, "nearly seven times", "multiple", "7", qualifier="nearly")

GROWTH = Claim(
    "growth", "TS101", "inconsistent", RATE, (EXPORTS_2023, EXPORTS_2024),
    Decimal("21.62"), Decimal("21.58"), Decimal("21.66"), Decimal("17.8"),
    Decimal("17.75"), Decimal("17.85"), "%",
    link="rose ... to ... from: a rate beside the new and the old value",
    note="stated rate outside the recomputed range", pattern="rate-to-from", evidence="clause",
)  # fmt: skip
IMPORTS_GROWTH = Claim(
    "growth", "TS101", "consistent", IMPORTS_RATE, (IMPORTS_OLD, IMPORTS_NEW),
    Decimal("7.5"), Decimal("4.94"), Decimal("10.13"), Decimal("7.5"),
    Decimal("7.45"), Decimal("7.55"), "%", link="rose ... to ... from",
)  # fmt: skip
DEFICIT = Claim(
    "balance", "TS301", "consistent_rounding", CN_DEFICIT, (CN_EXPORTS, CN_IMPORTS),
    Decimal("84.9E9"), Decimal("84.8E9"), Decimal("85.0E9"), Decimal("85E9"),
    Decimal("84.5E9"), Decimal("85.5E9"), "USD", link="exports, imports and a deficit",
    note="agrees once the deficit's rounding to whole billions is allowed for",
)  # fmt: skip
MULTIPLE = Claim(
    "multiple", "TS103", "inconsistent", CN_MULTIPLE, (CN_EXPORTS, CN_IMPORTS),
    Decimal("6.586"), Decimal("6.561"), Decimal("6.611"), Decimal("7"),
    Decimal("6.65"), Decimal("7.35"), "x", link="imports were ... times exports",
    note="hedged with 'nearly': reported as a warning",
)  # fmt: skip
BALANCE = Claim(
    "balance", "TS301", "information", None, (EXPORTS_2024, IMPORTS_NEW),
    Decimal("-9.47E9"), Decimal("-9.975E9"), Decimal("-8.965E9"), unit="USD",
    link="exports and imports of the same reporter and partner",
    note="no balance stated; computed for information",
)  # fmt: skip

GROWTH_MESSAGE = (
    "growth: stated 17.8% but $33.53 billion vs $27.57 billion is +21.6% (21.58% to 21.66% "
    "given the rounding of both values; tolerance ±0.05 points)"
)
MULTIPLE_MESSAGE = (
    "multiple: stated nearly seven times but $100.1 billion vs $15.2 billion is 6.59 times "
    "(6.56 to 6.61 given the rounding of both values; tolerance ±5% of the multiple)"
)
GROWTH_FINDING = finding(GROWTH, "error", GROWTH_MESSAGE, "17.8%", "21.6%", "21.58%", "21.66%")
MULTIPLE_FINDING = finding(MULTIPLE, "warning", MULTIPLE_MESSAGE, "7x", "6.59x", "6.56x", "6.61x")

REPORT = Report(
    files=(EXPORTS.path, CHINA.path),
    figures=(
        RATE, EXPORTS_2024, EXPORTS_2023, IMPORTS_RATE, IMPORTS_NEW, IMPORTS_OLD,
        CN_EXPORTS, CN_IMPORTS, CN_DEFICIT, CN_MULTIPLE,
    ),
    claims=(GROWTH, IMPORTS_GROWTH, BALANCE, DEFICIT, MULTIPLE),
    findings=(GROWTH_FINDING, MULTIPLE_FINDING),
    problems=(
        InputProblem(
            "articles/scan.txt",
            "not valid UTF-8 (byte 0xff at offset 0); convert it to UTF-8 first",
        ),
    ),
)  # fmt: skip


# --- golden files -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(fmt: str) -> None:
    rendered = render(REPORT, fmt)
    path = GOLDEN / f"check.{fmt}"
    if os.environ.get("TRADESTATS_REGENERATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rendered.encode("utf-8"))
        pytest.fail(f"regenerated {path.name}; read its diff, then run again without the variable")
    assert rendered.encode("utf-8") == path.read_bytes()


def test_fixture_locates_figures_like_the_extractor() -> None:
    for fig in REPORT.figures:
        doc = EXPORTS if fig.path == EXPORTS.path else CHINA
        assert doc.text[fig.start : fig.end] == fig.text
    assert (GROWTH_FINDING.line, GROWTH_FINDING.column) == (3, 43)


# --- text ---------------------------------------------------------------------------


def test_text_one_line_per_finding_then_summary() -> None:
    lines = render_text(REPORT).splitlines()
    assert lines[0] == f"articles/us.txt:3:43: error TS101 {GROWTH_MESSAGE}"
    assert lines[1].startswith("articles/china.md:3:")
    assert lines[1].split()[1:3] == ["warning", "TS103"]
    assert lines[2] == (
        "3 files (1 unreadable), 10 figures, 4 claims checked: 2 inconsistent, 2 consistent, "
        "0 unverifiable, 1 computed for information; 1 error, 1 warning"
    )
    assert len(lines) == 3


def test_text_keeps_a_message_on_one_line() -> None:
    broken = replace(GROWTH_FINDING, message="growth: stated 17.8% but $33.53\nbillion ...")
    report = Report((EXPORTS.path,), (), (), (broken,))
    assert render_text(report).splitlines()[0].endswith("but $33.53 billion ...")


def _report(
    files: int = 1,
    figures: int = 0,
    verdicts: tuple[str, ...] = (),
    severities: tuple[str, ...] = (),
    unreadable: int = 0,
) -> Report:
    claims = tuple(replace(GROWTH, verdict=v) for v in verdicts)  # type: ignore[arg-type]
    return Report(
        files=tuple(f"f{i}.txt" for i in range(files)),
        figures=(RATE,) * figures,
        claims=claims,
        findings=tuple(replace(GROWTH_FINDING, severity=s) for s in severities),  # type: ignore[arg-type]
        problems=tuple(InputProblem(f"bad{i}.txt", "unreadable") for i in range(unreadable)),
    )


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        (
            _report(files=0),
            "0 files, 0 figures, 0 claims checked: 0 inconsistent, 0 consistent, 0 unverifiable",
        ),
        (
            _report(figures=1, verdicts=("consistent_rounding",)),
            "1 file, 1 figure, 1 claim checked: 0 inconsistent, 1 consistent, 0 unverifiable",
        ),
        (
            _report(files=2, figures=2, verdicts=("unverifiable", "consistent")),
            "2 files, 2 figures, 2 claims checked: 0 inconsistent, 1 consistent, 1 unverifiable",
        ),
        (
            _report(figures=2, verdicts=("information",)),
            "1 file, 2 figures, 0 claims checked: 0 inconsistent, 0 consistent, 0 unverifiable, "
            "1 computed for information",
        ),
        (
            _report(files=0, unreadable=1),
            "1 file (1 unreadable), 0 figures, 0 claims checked: 0 inconsistent, 0 consistent, "
            "0 unverifiable",
        ),
        (
            _report(verdicts=("inconsistent",), severities=("error",)),
            "1 file, 0 figures, 1 claim checked: 1 inconsistent, 0 consistent, 0 unverifiable; "
            "1 error",
        ),
        (
            _report(verdicts=("inconsistent",) * 3, severities=("info", "warning", "warning")),
            "1 file, 0 figures, 3 claims checked: 3 inconsistent, 0 consistent, 0 unverifiable; "
            "2 warnings, 1 info",
        ),
    ],
)
def test_summary_wording(report: Report, expected: str) -> None:
    assert summary_line(report) == expected
    assert render_text(report).endswith(expected + "\n")


def test_summary_counts_an_unreadable_file_once() -> None:
    # Whether or not the engine also lists the unreadable file, it is one file.
    listed = Report(
        files=("a.txt", "b.txt"),
        figures=(),
        claims=(),
        findings=(),
        problems=(InputProblem("b.txt", "binary"), InputProblem("b.txt", "also bad")),
    )
    assert summary_line(listed).startswith("2 files (1 unreadable), 0 figures")


# --- JSON ---------------------------------------------------------------------------


def test_json_shape_and_numbers() -> None:
    rendered = render_json(REPORT)
    assert rendered.endswith("}\n")
    assert "±" in rendered  # ensure_ascii=False
    payload = json.loads(rendered)
    assert list(payload) == ["schema_version", "summary", "findings", "claims", "problems"]
    assert payload["summary"] == {
        "files": 3,
        "unreadable": 1,
        "figures": 10,
        "claims_checked": 4,
        "verdicts": {
            "consistent": 1,
            "consistent_rounding": 1,
            "inconsistent": 2,
            "unverifiable": 0,
            "information": 1,
        },
        "findings_by_severity": {"error": 1, "warning": 1, "info": 0},
    }
    error = payload["findings"][0]
    assert list(error) == [
        "rule", "severity", "path", "line", "column", "end_line", "end_column", "message",
        "stated", "expected", "expected_low", "expected_high", "pattern",
    ]  # fmt: skip
    assert (error["stated"], error["expected_low"], error["message"]) == (
        "17.8%",
        "21.58%",
        GROWTH_MESSAGE,
    )
    growth = payload["claims"][0]
    assert growth["stated"] == {
        "text": "17.8%", "start": 52, "end": 57, "line": 3, "column": 43, "value": 17.8,
        "unit": "%",
    }  # fmt: skip
    assert [i["value"] for i in growth["inputs"]] == [27570000000, 33530000000]
    assert (growth["expected"], growth["accepted_high"], growth["path"]) == (
        21.62,
        17.85,
        "articles/us.txt",
    )
    balance = payload["claims"][2]
    assert (balance["stated"], balance["stated_value"], balance["expected"]) == (
        None,
        None,
        -9470000000,
    )
    assert payload["problems"] == [
        {
            "path": "articles/scan.txt",
            "message": "not valid UTF-8 (byte 0xff at offset 0); convert it to UTF-8 first",
        }
    ]


# --- SARIF --------------------------------------------------------------------------


def _keys(node: Any) -> set[str]:
    if isinstance(node, dict):
        return set(node).union(*(_keys(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_keys(v) for v in node))
    return set()


def test_sarif_validates_against_the_official_schema() -> None:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"SARIF schema not available at {SARIF_SCHEMA}")
    from jsonschema import Draft7Validator

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)
    for report in (REPORT, _report(files=0)):
        errors = list(validator.iter_errors(json.loads(render_sarif(report))))
        assert errors == []


def test_sarif_essential_structure() -> None:
    sarif = json.loads(render_sarif(REPORT))
    assert sarif["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert sarif["version"] == "2.1.0"
    (run,) = sarif["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("tradestats", __version__)
    assert "informationUri" not in driver
    rules = driver["rules"]
    assert [r["id"] for r in rules] == sorted(RULES)
    assert (
        rules[0]["help"]["text"] == f"Wrong: {RULES['TS101'].wrong}\nRight: {RULES['TS101'].right}"
    )
    assert {r["defaultConfiguration"]["level"] for r in rules} == {"error", "warning", "note"}
    assert [r["level"] for r in run["results"]] == ["error", "warning"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        (location,) = result["locations"]
        uri = location["physicalLocation"]["artifactLocation"]["uri"]
        assert not uri.startswith(("/", "file:")) and "\\" not in uri
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 43, "endLine": 3, "endColumn": 48}
    notification = run["invocations"][0]["toolExecutionNotifications"][0]
    assert notification["message"]["text"].startswith("not valid UTF-8")
    assert not [key for key in _keys(sarif) if "time" in key.lower()]


def test_sarif_fingerprint_ignores_position_but_not_content() -> None:
    def fingerprints(*findings: Finding) -> list[str]:
        sarif = json.loads(render_sarif(Report((), (), (), findings)))
        return [r["partialFingerprints"][FINGERPRINT_KEY] for r in sarif["runs"][0]["results"]]

    (original,) = fingerprints(GROWTH_FINDING)
    parts = ("TS101", "articles/us.txt", "17.8%", GROWTH_MESSAGE)
    assert original == hashlib.sha256("\0".join(parts).encode()).hexdigest()
    moved = replace(GROWTH_FINDING, line=40, end_line=40, column=1, end_column=6)
    assert fingerprints(moved) == [original]
    reworded = replace(GROWTH_FINDING, message=GROWTH_MESSAGE.replace("17.8", "17.9"))
    assert fingerprints(reworded) != [original]
    # The same sentence twice in one file: two alerts, not one.
    first, second = fingerprints(GROWTH_FINDING, moved)
    assert first == original and second != original


def test_sarif_uri_is_relative_when_it_can_be(tmp_path: Path) -> None:
    assert artifact_uri("articles/us.txt") == "articles/us.txt"
    assert artifact_uri("notes/q1, draft.md") == "notes/q1%2C%20draft.md"
    assert artifact_uri(str(tmp_path / "sub" / "a.txt"), root=tmp_path) == "sub/a.txt"
    outside = tmp_path.parent / "elsewhere.txt"
    assert artifact_uri(str(outside), root=tmp_path) == outside.as_uri()
    assert outside.as_uri().startswith("file:///")


def test_sarif_reports_a_rule_it_does_not_know() -> None:
    unknown = replace(GROWTH_FINDING, rule="TS999")
    (result,) = json.loads(render_sarif(Report((), (), (), (unknown,))))["runs"][0]["results"]
    assert result["ruleId"] == "TS999" and "ruleIndex" not in result


# --- GitHub Actions -----------------------------------------------------------------


def test_github_escapes_data_and_properties() -> None:
    awkward = replace(
        MULTIPLE_FINDING,
        severity="info",
        path="notes/q1, draft:v2.md",
        message="growth: 17.8% vs 21.6%, off\nby 3.8 points\r",
    )
    report = Report(("notes/q1, draft:v2.md",), (), (), (awkward,))
    first = render_github(report).splitlines()[0]
    assert first == (
        f"::notice file=notes/q1%2C draft%3Av2.md,line=3,col={awkward.column},endLine=3,"
        f"endColumn={awkward.end_column},title=TS103"
        "::growth: 17.8%25 vs 21.6%25, off%0Aby 3.8 points%0D"
    )


def test_github_annotations_then_summary() -> None:
    lines = render_github(REPORT).splitlines()
    assert lines[0].startswith(
        "::error file=articles/us.txt,line=3,col=43,endLine=3,endColumn=48,title=TS101::"
    )
    assert "+21.6%25 (21.58%25 to 21.66%25" in lines[0]
    assert lines[1].startswith("::warning file=articles/china.md,")
    assert lines[2] == summary_line(REPORT)
    assert len(lines) == 3


def test_github_stops_at_max_annotations() -> None:
    report = replace(REPORT, findings=(GROWTH_FINDING, MULTIPLE_FINDING, GROWTH_FINDING))
    lines = render_github(report, max_annotations=1).splitlines()
    assert lines[0].startswith("::error ")
    assert lines[1] == (
        "::notice title=tradestats::2 more findings not shown as annotations; "
        "run tradestats check locally for the full list"
    )
    assert lines[2] == summary_line(report)
    assert len(lines) == 3
    singular = render_github(report, max_annotations=2).splitlines()
    assert singular[2].startswith("::notice title=tradestats::1 more finding not shown")
    assert len(render_github(report, max_annotations=3).splitlines()) == 4
    assert render_github(report, max_annotations=0).startswith("::notice title=tradestats::3 more")
    with pytest.raises(ValueError):
        render_github(report, max_annotations=-1)


def test_render_dispatch_knows_every_format() -> None:
    assert render(REPORT, "text") == render_text(REPORT)
    with pytest.raises(KeyError):
        render(REPORT, "xml")
