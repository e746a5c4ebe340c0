"""read -> segment -> extract -> link -> check, over many inputs, into one Report."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from tradestats.check import check_document
from tradestats.config import Config
from tradestats.extraction import extract_document
from tradestats.models import Claim, Figure, Finding, InputProblem, Report
from tradestats.read import InputError, expand, read
from tradestats.segment import split_sentences


def analyze(
    paths: Iterable[str],
    config: Config,
    *,
    reference_date: date | None = None,
) -> Report:
    """Check every input; unreadable ones become problems, the rest are still checked."""
    files: list[str] = []
    figures: list[Figure] = []
    claims: list[Claim] = []
    findings: list[Finding] = []
    problems: list[InputProblem] = []
    warnings: list[str] = []
    for item in expand(paths):
        if isinstance(item, InputError):
            problems.append(InputProblem(str(item).split(":", 1)[0], str(item)))
            continue
        try:
            document = read(item)
        except InputError as error:
            problems.append(InputProblem(item.path, str(error)))
            files.append(item.path)
            continue
        files.append(document.path)
        sentences = split_sentences(document.text)
        document_figures = extract_document(
            document, reference_date=reference_date, sentences=sentences
        )
        result = check_document(document, config, sentences=sentences, figures=document_figures)
        figures.extend(result.figures)
        claims.extend(result.claims)
        findings.extend(result.findings)
        warnings.extend(result.warnings)
    return Report(
        tuple(files),
        tuple(figures),
        tuple(claims),
        tuple(findings),
        tuple(problems),
        tuple(warnings),
    )
