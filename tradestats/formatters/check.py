"""The results of `tradestats check` as text, JSON, SARIF 2.1.0 or GitHub Actions commands.

Every format renders one ``Report`` and nothing else: no clock, no environment beyond the
working directory that SARIF needs to make absolute paths relative, no printing.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from tradestats import __version__
from tradestats.models import SEVERITIES, Claim, Figure, Finding, Report, decimal_to_json
from tradestats.rules import RULES

SCHEMA_VERSION = 1
FORMATS = ("text", "json", "sarif", "github")

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "tradestatsFinding/v1"
VERDICTS = ("consistent", "consistent_rounding", "inconsistent", "unverifiable", "information")
# Most severe first: the order a reader scans a summary in.
_BY_SEVERITY = tuple(reversed(SEVERITIES))
_SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
# The part of a figure a claim needs to point back at the text; the rest is in `extract`.
_FIGURE_KEYS = ("text", "start", "end", "line", "column", "value", "unit")


# --- text ---------------------------------------------------------------------------


def _count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def _file_counts(report: Report) -> tuple[int, int]:
    """Files named and how many of them could not be read.

    An unreadable input may or may not be listed in ``report.files``; counting the union
    of paths keeps the denominator honest either way, and a file with two problems once.
    A problem with a line is one sentence of a document otherwise read and checked: that
    document is counted as checked, its problem line says what was left out.
    """
    unreadable = {problem.path for problem in report.problems if problem.line is None}
    named = {problem.path for problem in report.problems}
    return len(set(report.files) | named), len(unreadable)


def summary_line(report: Report) -> str:
    """One line of honest denominators: what was read, checked, and found.

    Claims computed for information are not checks, so they stay out of "claims checked".
    """
    files, unreadable = _file_counts(report)
    verdicts = report.verdict_counts()
    checked = report.claim_count - verdicts["information"]
    consistent = verdicts["consistent"] + verdicts["consistent_rounding"]
    line = _count(files, "file")
    if unreadable:
        line += f" ({unreadable} unreadable)"
    line += (
        f", {_count(report.figure_count, 'figure')}, {_count(checked, 'claim')} checked: "
        f"{verdicts['inconsistent']} inconsistent, {consistent} consistent, "
        f"{verdicts['unverifiable']} unverifiable"
    )
    if verdicts["information"]:
        line += f", {verdicts['information']} computed for information"
    severities = Counter(finding.severity for finding in report.findings)
    if report.findings:
        # "info" is a mass noun: "2 info", not "2 infos".
        plurals = {"error": "errors", "warning": "warnings", "info": "info"}
        line += "; " + ", ".join(
            _count(severities[s], s, plurals[s]) for s in _BY_SEVERITY if severities[s]
        )
    return line


def render_text(report: Report) -> str:
    """``path:line:col: severity RULE message`` per finding, the form editors parse.

    A message can quote a figure printed across a line break; whitespace runs become one
    space so that each finding stays on one line.
    """
    lines = [
        f"{f.path}:{f.location}: {f.severity} {f.rule} {' '.join(f.message.split())}"
        for f in report.findings
    ]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


# --- JSON ---------------------------------------------------------------------------


def _number(value: Any) -> Any:
    return None if value is None else decimal_to_json(value)


def _figure_ref(figure: Figure | None) -> dict[str, Any] | None:
    if figure is None:
        return None
    record = figure.as_record()
    return {key: record[key] for key in _FIGURE_KEYS}


def _claim_record(claim: Claim) -> dict[str, Any]:
    return {
        "kind": claim.kind,
        "rule": claim.rule,
        "verdict": claim.verdict,
        "stated": _figure_ref(claim.stated),
        "inputs": [_figure_ref(figure) for figure in claim.inputs],
        "expected": _number(claim.expected),
        "expected_low": _number(claim.expected_low),
        "expected_high": _number(claim.expected_high),
        "stated_value": _number(claim.stated_value),
        "accepted_low": _number(claim.accepted_low),
        "accepted_high": _number(claim.accepted_high),
        "unit": claim.unit,
        "link": claim.link,
        "pattern": claim.pattern,
        "evidence": claim.evidence,
        "note": claim.note,
        # Claim has no path of its own; its figures come from one document.
        "path": claim.anchor.path,
    }


def _finding_record(finding: Finding) -> dict[str, Any]:
    # stated/expected stay the strings the checker wrote: they carry the printed precision.
    return {
        "rule": finding.rule,
        "severity": finding.severity,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "message": finding.message,
        "stated": finding.stated,
        "expected": finding.expected,
        "expected_low": finding.expected_low,
        "expected_high": finding.expected_high,
        "pattern": finding.claim.pattern,
    }


def render_json(report: Report) -> str:
    """The whole report, versioned, for scripts; the text summary's numbers are in ``summary``."""
    files, unreadable = _file_counts(report)
    verdicts = report.verdict_counts()
    severities = Counter(finding.severity for finding in report.findings)
    payload = {
        "schema_version": SCHEMA_VERSION,
        "summary": {
            "files": files,
            "unreadable": unreadable,
            "figures": report.figure_count,
            "claims_checked": report.claim_count - verdicts["information"],
            "verdicts": {verdict: verdicts[verdict] for verdict in VERDICTS},
            "findings_by_severity": {s: severities[s] for s in _BY_SEVERITY},
        },
        "findings": [_finding_record(finding) for finding in report.findings],
        "claims": [_claim_record(claim) for claim in report.claims],
        "problems": [{"path": p.path, "message": p.message} for p in report.problems],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


# --- SARIF --------------------------------------------------------------------------


def artifact_uri(path: str, root: str | Path | None = None) -> str:
    """A URI reference for SARIF: relative with forward slashes, as code scanning expects.

    An absolute path under ``root`` (default: the working directory) becomes relative to
    it; any other absolute path becomes a ``file://`` URI rather than a wrong guess. A
    name shown quoted (a newline, bytes not UTF-8) is encoded from its real bytes, so
    that code scanning finds the file: ``"caf\\xe9.md"`` is ``caf%E9.md``.
    """
    from tradestats.output import shown_name

    location = Path(shown_name(path))
    if location.is_absolute():
        base = Path.cwd() if root is None else Path(root)
        try:
            location = location.relative_to(base)
        except ValueError:
            return location.as_uri()
    return quote(os.fsencode(location.as_posix()))


def _fingerprint(parts: tuple[str, ...], occurrence: int) -> str:
    """sha256 of what a finding says, not where: it survives edits above the finding.

    Identical findings in one file (the same sentence twice) are told apart by their
    ordinal, added only from the second on so that a lone finding hashes its parts alone.
    """
    if occurrence > 1:
        parts = (*parts, str(occurrence))
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _sarif_rules() -> list[dict[str, Any]]:
    return [
        {
            "id": rule.id,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.summary},
            "help": {"text": f"Wrong: {rule.wrong}\nRight: {rule.right}"},
            "defaultConfiguration": {"level": _SARIF_LEVELS[rule.severity]},
        }
        for rule in (RULES[rule_id] for rule_id in sorted(RULES))
    ]


def _artifact_location(uri: str) -> dict[str, str]:
    # A relative reference resolves against the checkout root that code scanning knows.
    if uri.startswith("file:"):
        return {"uri": uri}
    return {"uri": uri, "uriBaseId": "%SRCROOT%"}


def render_sarif(report: Report, root: str | Path | None = None) -> str:
    """SARIF 2.1.0 for code scanning; deterministic, so two runs diff to nothing."""
    rule_index = {rule_id: index for index, rule_id in enumerate(sorted(RULES))}
    seen: Counter[tuple[str, ...]] = Counter()
    results = []
    for finding in report.findings:
        uri = artifact_uri(finding.path, root)
        identity = (finding.rule, uri, finding.stated, finding.message)
        seen[identity] += 1
        result: dict[str, Any] = {"ruleId": finding.rule}
        # A rule unknown to this version (a plugin, a newer engine) still gets reported.
        if finding.rule in rule_index:
            result["ruleIndex"] = rule_index[finding.rule]
        result |= {
            "level": _SARIF_LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": _artifact_location(uri),
                        "region": {
                            "startLine": finding.line,
                            "startColumn": finding.column,
                            "endLine": finding.end_line,
                            "endColumn": finding.end_column,
                        },
                    }
                }
            ],
            "partialFingerprints": {FINGERPRINT_KEY: _fingerprint(identity, seen[identity])},
        }
        if finding.claim.pattern:
            # Which claim pattern linked the figures, so a reviewer can look it up.
            result["properties"] = {
                "pattern": finding.claim.pattern,
                "evidence": finding.claim.evidence,
            }
        results.append(result)
    notifications = [
        {
            "level": "error",
            "message": {"text": problem.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": _artifact_location(artifact_uri(problem.path, root))
                    }
                }
            ],
        }
        for problem in report.problems
    ]
    run = {
        "tool": {"driver": {"name": "tradestats", "version": __version__, "rules": _sarif_rules()}},
        # The run completed; unreadable inputs are reported, not a crash of the tool.
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    payload = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


# --- GitHub Actions -----------------------------------------------------------------


def escape_data(text: str) -> str:
    """Escape a workflow command's message, as the Actions runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value: ``:`` and ``,`` delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, max_annotations: int = 10) -> str:
    """One annotation command per finding, then the text summary as a plain log line.

    GitHub shows only so many annotations per step; past ``max_annotations`` one notice
    says how many were left out instead of letting them vanish silently.
    """
    if max_annotations < 0:
        raise ValueError(f"max_annotations must be 0 or more, not {max_annotations}")
    lines = []
    for finding in report.findings[:max_annotations]:
        properties = ",".join(
            f"{name}={escape_property(str(value))}"
            for name, value in (
                ("file", finding.path),
                ("line", finding.line),
                ("col", finding.column),
                ("endLine", finding.end_line),
                ("endColumn", finding.end_column),
                ("title", finding.rule),
            )
        )
        command = _GITHUB_COMMANDS[finding.severity]
        lines.append(f"::{command} {properties}::{escape_data(finding.message)}")
    hidden = len(report.findings) - max_annotations
    if hidden > 0:
        notice = (
            f"{_count(hidden, 'more finding')} not shown as annotations; "
            "run tradestats check locally for the full list"
        )
        lines.append(f"::notice title={escape_property('tradestats')}::{escape_data(notice)}")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


_RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "github": render_github,
}


def render(report: Report, fmt: str) -> str:
    return _RENDERERS[fmt](report)
