#!/usr/bin/env python3
"""Context misses of ``extract`` against the gold figure files, grouped for reading.

``accuracy.py`` says how many figures get a wrong period, flow, reporter or partner; this
says which, so that they can be sorted into shapes before a rule is written. For every
matched gold figure whose chosen fields differ, it prints the document, the gold and
predicted values, the words the period came from, the figure in its context (the figure in
``[[ ]]``) and the annotator's note. Texts are read from the corpus at run time only.

    python bench/misses.py ../shared/corpus                          # period, flow, reporter, partner
    python bench/misses.py ../shared/corpus --gold figures_dev2.jsonl --fields partner
    python bench/misses.py ../shared/corpus --counts                 # counts by field and document

Exit status: 0, or 2 when the corpus folder is unusable.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy

from tradestats.extraction import extract

DEFAULT_FIELDS = ("period", "flow", "reporter", "partner")
BEFORE, AFTER = 150, 80


def notes_of(path: Path) -> dict[tuple[str, int], str]:
    """``(doc, start) -> notes`` of a gold file."""
    notes = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                notes[(record["doc"], int(record["start"]))] = record.get("notes") or ""
    return notes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", metavar="CORPUS_DIR", type=Path)
    parser.add_argument("--gold", action="append", help="gold file name (repeatable)")
    parser.add_argument("--fields", default=",".join(DEFAULT_FIELDS))
    parser.add_argument("--counts", action="store_true", help="only counts by field and document")
    args = parser.parse_args(argv)
    fields = [name.strip() for name in args.fields.split(",") if name.strip()]
    counts: Counter[tuple[str, str]] = Counter()
    for name in args.gold or accuracy.DEFAULT_GOLD:
        path = args.corpus / name
        if not path.is_file():
            print(f"error: no {path}", file=sys.stderr)
            return 2
        golds = accuracy.load_gold(path)
        notes = notes_of(path)
        dates = accuracy.load_dates(args.corpus, {doc.split("/", 1)[0] for doc in golds})
        print(f"== {name}")
        for doc, doc_golds in golds.items():
            text = (args.corpus / f"{doc}.txt").read_text(encoding="utf-8")
            figures = extract(text, doc, reference_date=dates.get(doc))
            predicted = [f for f in figures if f.kind in accuracy.SCORED_KINDS]
            for gold in doc_golds:
                overlapping = [
                    f
                    for f in predicted
                    if accuracy.overlap(gold.start, gold.end, f.start, f.end) > 0
                ]
                if not overlapping:
                    continue
                best = max(
                    overlapping,
                    key=lambda f: accuracy.overlap(gold.start, gold.end, f.start, f.end),
                )
                checks = accuracy.attribute_checks(gold, best)
                wrong = [n for n in fields if n in checks and not checks[n][0]]
                for field in wrong:
                    counts[(field, doc)] += 1
                if not wrong or args.counts:
                    continue
                shown = " | ".join(f"{n}: gold={checks[n][1]} pred={checks[n][2]}" for n in wrong)
                around = (
                    text[max(0, gold.start - BEFORE) : gold.start]
                    + f"[[{gold.text}]]"
                    + text[gold.end : gold.end + AFTER]
                )
                print(f"{doc} @{gold.start} {shown}  period words={best.period_text!r}")
                print("   ", " ".join(around.split()))
                print("    notes:", notes.get((doc, gold.start), ""))
    for field in fields:
        by_doc = {doc: n for (f, doc), n in counts.items() if f == field}
        print(f"{field}: {sum(by_doc.values())} misses")
        for doc, n in sorted(by_doc.items(), key=lambda item: -item[1]):
            print(f"  {n:4d}  {doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
