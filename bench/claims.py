#!/usr/bin/env python3
"""Score the claim checker against hand-checked growth relations.

Reads ``growth_dev.jsonl`` and ``growth_wild.jsonl`` of a corpus folder (see its README): each line is a sentence
that states a growth rate, the values it can be checked against, and the verdict worked
out by hand; trap lines pair a rate with values it does not refer to. For every line this
runs tradestats on the whole document and reports:

- found: a claim was linked to the stated rate;
- recomputed: the claim used the same values as the annotation (spans overlap);
- verdict agreement: ours vs the annotation, where ``approximate`` counts as consistent
  and ``consistent`` vs ``consistent_rounding`` are told apart;
- false alarms: findings raised on lines the annotation judges consistent, or on traps.

Usage: python bench/claims.py CORPUS_DIR [--verbose] [--files growth_dev.jsonl ...]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tradestats.check import check_document
from tradestats.config import Config
from tradestats.extraction import extract_document
from tradestats.models import Claim, Document
from tradestats.segment import split_sentences


def document_dates(corpus: Path) -> dict[str, date]:
    dates: dict[str, date] = {}
    for folder in ("modern", "reuters", "wild", "modern2"):
        index = corpus / folder / "index.csv"
        if not index.exists():
            continue
        with open(index, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                key = row.get("slug") or row.get("id") or ""
                match = re.search(r"(\d{4})-(\d{2})(?:-(\d{2}))?", row.get("date", ""))
                if not match:
                    match = re.search(r"(\d{1,2})-([A-Z]{3})-(\d{4})", row.get("date", ""))
                    if match:
                        months = [
                            "JAN",
                            "FEB",
                            "MAR",
                            "APR",
                            "MAY",
                            "JUN",
                            "JUL",
                            "AUG",
                            "SEP",
                            "OCT",
                            "NOV",
                            "DEC",
                        ]
                        dates[f"{folder}/{key}"] = date(
                            int(match.group(3)),
                            months.index(match.group(2)) + 1,
                            int(match.group(1)),
                        )
                    continue
                try:
                    dates[f"{folder}/{key}"] = date(
                        int(match.group(1)), int(match.group(2)), int(match.group(3) or 1)
                    )
                except ValueError:
                    continue
    return dates


def overlaps(start: int | None, end: int | None, figure_start: int, figure_end: int) -> bool:
    return start is not None and end is not None and start < figure_end and figure_start < end


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument(
        "--files", nargs="*", default=["growth_dev.jsonl", "growth_wild.jsonl"], help="gold files"
    )
    args = parser.parse_args(argv)
    lines = []
    for name in args.files:
        gold_path = args.corpus / name
        if not gold_path.exists():
            print(f"error: {gold_path} not found", file=sys.stderr)
            return 2
        lines += [
            json.loads(line)
            for line in gold_path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    dates = document_dates(args.corpus)
    config = Config()
    cache: dict[str, list[Claim]] = {}
    rows = []
    for gold in lines:
        doc = gold["doc"]
        if doc not in cache:
            text = (args.corpus / f"{doc}.txt").read_text(encoding="utf-8")
            document = Document(text, doc)
            sentences = split_sentences(text)
            figures = extract_document(document, reference_date=dates.get(doc), sentences=sentences)
            cache[doc] = list(
                check_document(document, config, sentences=sentences, figures=figures).claims
            )
        claim = next(
            (
                c
                for c in cache[doc]
                if c.stated is not None
                and overlaps(gold["stated_start"], gold["stated_end"], c.stated.start, c.stated.end)
            ),
            None,
        )
        rows.append((gold, claim))

    regular = [(g, c) for g, c in rows if not g.get("trap")]
    traps = [(g, c) for g, c in rows if g.get("trap")]
    found = [(g, c) for g, c in regular if c is not None and c.verdict != "unverifiable"]
    linked = [(g, c) for g, c in regular if c is not None]

    def same_values(gold: dict, claim: Claim) -> bool:
        spans = [(f.start, f.end) for f in claim.inputs]
        new_ok = any(overlaps(gold["new_start"], gold["new_end"], s, e) for s, e in spans)
        if gold.get("old_start") is not None:
            old_ok = any(overlaps(gold["old_start"], gold["old_end"], s, e) for s, e in spans)
        elif gold.get("change_start") is not None:
            old_ok = any(overlaps(gold["change_start"], gold["change_end"], s, e) for s, e in spans)
        else:
            old_ok = False
        return new_ok and old_ok

    recomputed = [(g, c) for g, c in found if same_values(g, c)]

    def expected_verdict(gold: dict) -> str:
        return "consistent" if gold["verdict"] == "approximate" else gold["verdict"]

    agree = [(g, c) for g, c in recomputed if c.verdict == expected_verdict(g)]
    agree_loose = [
        (g, c)
        for g, c in recomputed
        if (c.verdict == "inconsistent") == (expected_verdict(g) == "inconsistent")
    ]
    false_alarms = [
        (g, c) for g, c in found if c.verdict == "inconsistent" and g["verdict"] != "inconsistent"
    ]
    trap_alarms = [(g, c) for g, c in traps if c is not None and c.verdict == "inconsistent"]
    caught = [
        (g, c)
        for g, c in recomputed
        if g["verdict"] == "inconsistent" and c.verdict == "inconsistent"
    ]
    inconsistent_gold = [g for g, _ in regular if g["verdict"] == "inconsistent"]

    print(f"relations (hand-checked)       {len(regular)}  (+{len(traps)} traps)")
    print(f"rate linked to a claim         {len(linked)}/{len(regular)}")
    print(f"recomputed (values found)      {len(found)}/{len(regular)}")
    print(f"recomputed from the same values {len(recomputed)}/{len(regular)}")
    print(
        f"verdict agreement (exact)      {len(agree)}/{len(recomputed)}  (consistent vs consistent_rounding told apart)"
    )
    print(f"verdict agreement (flag/no)    {len(agree_loose)}/{len(recomputed)}")
    print(f"inconsistencies caught         {len(caught)}/{len(inconsistent_gold)}")
    print(
        f"false alarms                   {len(false_alarms)} on consistent lines, {len(trap_alarms)} on {len(traps)} traps"
    )
    if args.verbose:
        print()
        for gold, claim in rows:
            ours = (
                "-"
                if claim is None
                else f"{claim.verdict:20s} {claim.rule} {[f.text for f in claim.inputs]}"
            )
            mark = (
                ""
                if claim is not None
                and claim.verdict == (expected_verdict(gold) if not gold.get("trap") else "")
                else "*"
            )
            print(f"{mark:1s}{gold['id']:5s} gold={gold['verdict']!s:20s} ours={ours}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
