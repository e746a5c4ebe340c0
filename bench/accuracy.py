#!/usr/bin/env python3
"""Accuracy of ``tradestats.extraction.extract`` against the hand-checked figure files.

What it measures: for every document annotated in each gold file (by default
``CORPUS_DIR/figures_dev.jsonl`` and ``CORPUS_DIR/figures_dev2.jsonl``, those that exist), the
money / percent / percentage-point figures that ``extract`` finds in ``CORPUS_DIR/<doc>.txt``
are compared with the gold figures (see section 4 of the corpus README):

* detection: a gold figure is *matched* when a predicted figure's character span overlaps it.
  Gold ranges are split into two figures; one predicted range figure can match both halves.
  A predicted figure counts as correct for precision if it overlaps at least one gold figure.
* attributes, over matched gold figures (paired with the predicted figure of largest overlap):
  value (exact ``Decimal`` equality; a predicted range is right when the gold value equals its
  ``low`` or ``high``), unit, kind, direction, flow, reporter, partner and period (both
  ``period_start`` and ``period_end`` equal). ``None == None`` counts as right.

Each document is run with ``reference_date`` set to its date from ``<folder>/index.csv``
(the first ``YYYY-MM-DD``, else the first ``YYYY-MM``, in the ``date`` column; otherwise None).

Run from a clone (no installation needed)::

    python bench/accuracy.py ../shared/corpus              # table, totals, 10 worst misses
    python bench/accuracy.py ../shared/corpus --worst 25
    python bench/accuracy.py ../shared/corpus --json       # metrics per file and total, as JSON
    python bench/accuracy.py ../shared/corpus --gold figures_dev2.jsonl   # one file only

Each gold file gets its own table and summary, then the total over all of them: the files
were annotated at different times, and a rule fitted to one shows as a gap to the other.

Exit status: 0, or 1 when ``extract`` raised on some document (its figures count as missed),
or 2 when the corpus folder is unusable.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
import time
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tradestats.extraction import extract  # noqa: E402
from tradestats.models import Figure  # noqa: E402

DEFAULT_GOLD = ("figures_dev.jsonl", "figures_dev2.jsonl")
SCORED_KINDS = frozenset({"money", "percent", "percentage_points"})
ATTRIBUTES = ("value", "unit", "kind", "direction", "flow", "reporter", "partner", "period")
# Mismatches listed among the worst misses, in ranking order (after missed gold and false
# positives).
LISTED_MISMATCHES = ("period", "flow", "reporter", "partner")
CONTEXT_CHARS = 40

_FULL_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_YEAR_MONTH = re.compile(r"(?<!\d)(\d{4})-(\d{2})(?!\d)")
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Gold:
    """One line of ``figures_dev.jsonl`` (only the fields that are scored)."""

    doc: str
    start: int
    end: int
    text: str
    kind: str
    value: Decimal
    unit: str
    direction: str | None
    flow: str | None
    reporter: str | None
    partner: str | None
    period_start: str | None
    period_end: str | None


@dataclass(slots=True)
class Miss:
    """One line of the worst-misses list."""

    rank: int
    doc: str
    field: str
    gold: str
    pred: str
    start: int
    end: int


@dataclass(slots=True)
class DocResult:
    doc: str
    gold: int = 0
    pred: int = 0
    matched: int = 0
    pred_correct: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTES, 0))
    error: str | None = None


# --------------------------------------------------------------------------- corpus reading


def parse_reference_date(raw: str | None) -> dt.date | None:
    """The first YYYY-MM-DD in ``raw`` (else the first YYYY-MM, as its first day), or None."""
    if not raw:
        return None
    for match in _FULL_DATE.finditer(raw):
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    for match in _YEAR_MONTH.finditer(raw):
        try:
            return dt.date(int(match[1]), int(match[2]), 1)
        except ValueError:
            continue
    return None


def load_dates(corpus: Path, folders: Iterable[str]) -> dict[str, dt.date | None]:
    """``doc -> reference date`` from ``<folder>/index.csv`` (key column ``slug`` or ``id``)."""
    dates: dict[str, dt.date | None] = {}
    for folder in sorted(set(folders)):
        index = corpus / folder / "index.csv"
        if not index.is_file():
            continue
        with index.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                key = row.get("slug") or row.get("id")
                if key:
                    dates[f"{folder}/{key}"] = parse_reference_date(row.get("date"))
    return dates


def _optional(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    return None if value is None else str(value)


def load_gold(path: Path) -> dict[str, list[Gold]]:
    """Gold figures by document, in file order. Numbers are read as exact Decimals."""
    by_doc: dict[str, list[Gold]] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            record = json.loads(line, parse_float=Decimal, parse_int=Decimal)
            try:
                gold = Gold(
                    doc=record["doc"],
                    start=int(record["start"]),
                    end=int(record["end"]),
                    text=record["text"],
                    kind=record["kind"],
                    value=Decimal(record["value"]),
                    unit=record["unit"],
                    direction=_optional(record, "direction"),
                    flow=_optional(record, "flow"),
                    reporter=_optional(record, "reporter"),
                    partner=_optional(record, "partner"),
                    period_start=_optional(record, "period_start"),
                    period_end=_optional(record, "period_end"),
                )
            except (KeyError, TypeError, ValueError) as exc:
                raise SystemExit(f"{path}:{number}: bad gold line: {exc!r}") from exc
            by_doc.setdefault(gold.doc, []).append(gold)
    return by_doc


# --------------------------------------------------------------------------- scoring


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return min(a_end, b_end) - max(a_start, b_start)


def value_ok(gold: Gold, pred: Figure) -> bool:
    if pred.value == gold.value:
        return True
    return gold.value in (pred.low, pred.high)


def attribute_checks(gold: Gold, pred: Figure) -> dict[str, tuple[bool, str, str]]:
    """``name -> (right, gold shown, predicted shown)`` for every scored attribute."""
    gold_period = f"{gold.period_start}..{gold.period_end}"
    pred_period = f"{pred.period_start}..{pred.period_end}"
    pred_value = (
        f"{pred.low}-{pred.high}"
        if pred.low is not None or pred.high is not None
        else str(pred.value)
    )
    pairs: dict[str, tuple[bool, Any, Any]] = {
        "value": (value_ok(gold, pred), gold.value, pred_value),
        "unit": (gold.unit == pred.unit, gold.unit, pred.unit),
        "kind": (gold.kind == pred.kind, gold.kind, pred.kind),
        "direction": (gold.direction == pred.direction, gold.direction, pred.direction),
        "flow": (gold.flow == pred.flow, gold.flow, pred.flow),
        "reporter": (gold.reporter == pred.reporter, gold.reporter, pred.reporter),
        "partner": (gold.partner == pred.partner, gold.partner, pred.partner),
        "period": (
            (gold.period_start, gold.period_end) == (pred.period_start, pred.period_end),
            gold_period,
            pred_period,
        ),
    }
    return {name: (ok, str(g), str(p)) for name, (ok, g, p) in pairs.items()}


def score_document(
    doc: str, golds: Sequence[Gold], preds: Sequence[Figure], misses: list[Miss]
) -> DocResult:
    result = DocResult(doc=doc, gold=len(golds), pred=len(preds))
    pred_hit = [False] * len(preds)
    for gold in golds:
        best: Figure | None = None
        best_overlap = 0
        for i, pred in enumerate(preds):
            if pred.start >= gold.end:
                break  # predictions are sorted by start
            size = overlap(gold.start, gold.end, pred.start, pred.end)
            if size > 0:
                pred_hit[i] = True
                if size > best_overlap:
                    best, best_overlap = pred, size
        if best is None:
            misses.append(
                Miss(0, doc, "missed", f"{gold.value} {gold.unit}", "-", gold.start, gold.end)
            )
            continue
        result.matched += 1
        for name, (ok, gold_shown, pred_shown) in attribute_checks(gold, best).items():
            if ok:
                result.correct[name] += 1
            elif name in LISTED_MISMATCHES:
                rank = 2 + LISTED_MISMATCHES.index(name)
                misses.append(Miss(rank, doc, name, gold_shown, pred_shown, gold.start, gold.end))
    result.pred_correct = sum(pred_hit)
    for pred, hit in zip(preds, pred_hit, strict=True):
        if not hit:
            shown = f"{pred.value} {pred.unit}"
            misses.append(Miss(1, doc, "false_pos", "-", shown, pred.start, pred.end))
    return result


def ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def overall_metrics(results: Sequence[DocResult], seconds: float) -> dict[str, Any]:
    gold = sum(r.gold for r in results)
    pred = sum(r.pred for r in results)
    matched = sum(r.matched for r in results)
    pred_correct = sum(r.pred_correct for r in results)
    precision = ratio(pred_correct, pred)
    recall = ratio(matched, gold)
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision is not None and recall is not None and precision + recall > 0
        else None
    )
    metrics: dict[str, Any] = {
        "documents": len(results),
        "errors": sum(1 for r in results if r.error),
        "gold": gold,
        "pred": pred,
        "matched": matched,
        "pred_correct": pred_correct,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }
    for name in ATTRIBUTES:
        metrics[f"{name}_accuracy"] = ratio(sum(r.correct[name] for r in results), matched)
    metrics["seconds"] = round(seconds, 3)
    return metrics


# --------------------------------------------------------------------------- output


def pct(value: float | None) -> str:
    return "  n/a" if value is None else f"{100 * value:5.1f}"


def context_of(text: str, start: int, end: int) -> str:
    """About CONTEXT_CHARS characters around a surface, one line, the surface in brackets."""
    half = CONTEXT_CHARS // 2
    before = one_line(text[max(0, start - half) : start])
    after = one_line(text[end : end + half])
    return f"{before}[{one_line(text[start:end])}]{after}"


def one_line(text: str) -> str:
    """Whitespace runs (line breaks included) as single spaces."""
    return _WHITESPACE.sub(" ", text)


def print_report(
    results: Sequence[DocResult],
    metrics: dict[str, Any],
    misses: list[Miss],
    texts: dict[str, str],
    worst: int,
) -> None:
    width = max([len("doc"), *(len(r.doc) for r in results)])
    header = (
        f"{'doc':<{width}}  {'gold':>4} {'pred':>4} {'match':>5}  "
        f"{'value':>5} {'flow':>4} {'partner':>7} {'period':>6}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        note = f"  ERROR: {r.error}" if r.error else ""
        print(
            f"{r.doc:<{width}}  {r.gold:>4} {r.pred:>4} {r.matched:>5}  "
            f"{r.correct['value']:>5} {r.correct['flow']:>4} {r.correct['partner']:>7} "
            f"{r.correct['period']:>6}{note}"
        )
    print("-" * len(header))
    totals = {name: sum(r.correct[name] for r in results) for name in ATTRIBUTES}
    print(
        f"{'total':<{width}}  {metrics['gold']:>4} {metrics['pred']:>4} {metrics['matched']:>5}  "
        f"{totals['value']:>5} {totals['flow']:>4} {totals['partner']:>7} {totals['period']:>6}"
    )
    print()
    print(
        f"detection   precision {pct(metrics['precision'])}%  recall {pct(metrics['recall'])}%  "
        f"F1 {pct(metrics['f1'])}%   (pred correct {metrics['pred_correct']}/{metrics['pred']}, "
        f"gold matched {metrics['matched']}/{metrics['gold']})"
    )
    print(f"attributes  over {metrics['matched']} matched gold figures:")
    for name in ATTRIBUTES:
        print(f"  {name:<9} {pct(metrics[f'{name}_accuracy'])}%  ({totals[name]})")
    errors = f", {metrics['errors']} with errors" if metrics["errors"] else ""
    print(f"{metrics['documents']} documents{errors}, {metrics['seconds']:.2f} s")
    print_worst(misses, texts, worst)


def print_worst(misses: list[Miss], texts: dict[str, str], worst: int) -> None:
    """The misses a developer looks at first, with the words around each."""
    if worst <= 0:
        return
    ranked = sorted(misses, key=lambda m: m.rank)  # stable: document order within a rank
    shown = ranked[:worst]
    print()
    print(
        f"worst misses ({len(shown)} of {len(misses)}): missed gold, false positives, "
        f"then {'/'.join(LISTED_MISMATCHES)} mismatches"
    )
    for miss in shown:
        text = texts[miss.doc]
        surface = one_line(text[miss.start : miss.end])
        print(
            f"{miss.doc}  {miss.field}  gold={miss.gold} pred={miss.pred}  "
            f'"{surface}"  {context_of(text, miss.start, miss.end)}'
        )


# --------------------------------------------------------------------------- main


def score_file(
    corpus: Path, gold_path: Path
) -> tuple[list[DocResult], list[Miss], dict[str, str], float] | None:
    """Run ``extract`` on every document of one gold file; None when a document is unreadable."""
    gold_by_doc = load_gold(gold_path)
    dates = load_dates(corpus, (doc.split("/", 1)[0] for doc in gold_by_doc if "/" in doc))
    began = time.perf_counter()
    results: list[DocResult] = []
    misses: list[Miss] = []
    texts: dict[str, str] = {}
    for doc, golds in gold_by_doc.items():
        path = corpus / f"{doc}.txt"
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            print(f"error: cannot read {path}: {exc}", file=sys.stderr)
            return None
        texts[doc] = text
        for gold in golds:
            if text[gold.start : gold.end] != gold.text:
                print(
                    f"warning: {doc}:{gold.start}-{gold.end}: gold text {gold.text!r} != "
                    f"source {text[gold.start : gold.end]!r}",
                    file=sys.stderr,
                )
        error: str | None = None
        try:
            figures = extract(text, str(path), reference_date=dates.get(doc))
        except Exception as exc:  # the package is under development: report, keep scoring
            error = f"{type(exc).__name__}: {exc}"
            print(f"error: extract failed on {doc}:", file=sys.stderr)
            traceback.print_exc(file=sys.stderr)
            figures = []
        preds = sorted(
            (f for f in figures if f.kind in SCORED_KINDS), key=lambda f: (f.start, f.end)
        )
        result = score_document(doc, sorted(golds, key=lambda g: g.start), preds, misses)
        result.error = error
        results.append(result)
    return results, misses, texts, time.perf_counter() - began


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Score tradestats.extraction against the gold figure files in CORPUS_DIR."
    )
    parser.add_argument("corpus", metavar="CORPUS_DIR", type=Path)
    parser.add_argument(
        "--gold",
        action="append",
        metavar="FILE",
        help="a gold file in CORPUS_DIR (repeatable; default: "
        + " and ".join(DEFAULT_GOLD)
        + ", those present)",
    )
    parser.add_argument(
        "--worst",
        type=int,
        default=10,
        metavar="N",
        help="list the N worst misses of each file (default 10)",
    )
    parser.add_argument(
        "--json", action="store_true", help="print the metrics per file and in total as JSON"
    )
    parser.add_argument(
        "--only",
        choices=("missed", "false_pos", *LISTED_MISMATCHES),
        help="list only the misses of this kind",
    )
    args = parser.parse_args(argv)

    corpus: Path = args.corpus
    names: list[str] = args.gold or [n for n in DEFAULT_GOLD if (corpus / n).is_file()]
    if not names:
        print(f"error: no gold file ({', '.join(DEFAULT_GOLD)}) in {corpus}", file=sys.stderr)
        return 2
    per_file: dict[str, dict[str, Any]] = {}
    all_results: list[DocResult] = []
    all_seconds = 0.0
    for number, name in enumerate(names):
        gold_path = corpus / name
        if not gold_path.is_file():
            print(f"error: {gold_path} not found", file=sys.stderr)
            return 2
        scored = score_file(corpus, gold_path)
        if scored is None:
            return 2
        results, misses, texts, seconds = scored
        if args.only:
            misses = [m for m in misses if m.field == args.only]
        metrics = overall_metrics(results, seconds)
        per_file[name] = metrics
        all_results.extend(results)
        all_seconds += seconds
        if not args.json:
            if number:
                print()
            print(f"== {name}")
            print_report(results, metrics, misses, texts, args.worst)
    total = overall_metrics(all_results, all_seconds)
    if args.json:
        print(json.dumps({"files": per_file, "total": total}))
    elif len(names) > 1:
        print()
        print(f"== total over {', '.join(names)}")
        print_summary(total)
    return 1 if total["errors"] else 0


def print_summary(metrics: dict[str, Any]) -> None:
    print(
        f"detection   precision {pct(metrics['precision'])}%  recall {pct(metrics['recall'])}%  "
        f"(pred correct {metrics['pred_correct']}/{metrics['pred']}, "
        f"gold matched {metrics['matched']}/{metrics['gold']})"
    )
    print(
        "attributes  "
        + "  ".join(f"{name} {pct(metrics[f'{name}_accuracy'])}%" for name in ATTRIBUTES)
    )


if __name__ == "__main__":
    sys.exit(main())
