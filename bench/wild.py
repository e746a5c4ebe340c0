#!/usr/bin/env python3
"""Every error and warning `check` raises on real text nobody here wrote, with its sentence.

Edited wire copy is rarely wrong, so nearly every error raised on it is a mistake of the
checker until a reader shows otherwise. Errors a reader has confirmed as real errors of
the source are listed in ``bench/wild_confirmed.tsv`` (path relative to the corpus,
``line:col``, rule, why the source contradicts itself); every other error is counted as
unconfirmed. The target: no unconfirmed error, and at most one warning per 500 stories.

Usage: python bench/wild.py CORPUS_DIR [--folders wild reuters modern modern2] [--quiet]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tradestats.check import check_document
from tradestats.config import Config
from tradestats.extraction import extract_document
from tradestats.models import Document, Finding
from tradestats.segment import split_sentences

CONFIRMED = Path(__file__).resolve().parent / "wild_confirmed.tsv"
FOLDERS = ("wild", "reuters", "modern", "modern2")


def confirmed() -> set[tuple[str, str, str]]:
    if not CONFIRMED.exists():
        return set()
    with open(CONFIRMED, encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        return {(row[0], row[1], row[2]) for row in rows if row and not row[0].startswith("#")}


def sentence_of(text: str, offset: int) -> str:
    for sentence in split_sentences(text):
        if sentence.start <= offset < sentence.end:
            return " ".join(text[sentence.start : sentence.end].split())
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--folders", nargs="*", default=list(FOLDERS))
    parser.add_argument("--quiet", action="store_true", help="counts only")
    args = parser.parse_args(argv)
    known = confirmed()
    config = Config()
    stories = 0
    raised: list[tuple[str, Finding, str]] = []
    failures: list[tuple[str, str]] = []
    claims = Counter()
    for folder in args.folders:
        for path in sorted((args.corpus / folder).glob("*.txt")):
            name = f"{folder}/{path.name}"
            text = path.read_text(encoding="utf-8")
            stories += 1
            document = Document(text, name)
            try:
                sentences = split_sentences(text)
                figures = extract_document(document, sentences=sentences)
                result = check_document(document, config, sentences=sentences, figures=figures)
            except Exception as error:  # a benchmark lists faults, it does not stop
                failures.append((name, f"{type(error).__name__}: {error}"))
                continue
            claims.update(c.verdict for c in result.claims)
            for finding in result.findings:
                anchor = finding.claim.anchor.start
                raised.append((name, finding, sentence_of(text, anchor)))
    errors = [r for r in raised if r[1].severity == "error"]
    warnings = [r for r in raised if r[1].severity == "warning"]
    unconfirmed = [
        r for r in errors if (r[0], f"{r[1].line}:{r[1].column}", r[1].rule) not in known
    ]
    if not args.quiet:
        for name, finding, sentence in raised:
            key = (name, f"{finding.line}:{finding.column}", finding.rule)
            mark = "confirmed" if key in known else finding.severity
            print(
                f"{name}:{finding.line}:{finding.column}: {mark} {finding.rule} {finding.message}"
            )
            print(f"    {sentence}")
    print(f"stories                {stories}")
    print(f"claims                 {sum(claims.values())}  {dict(sorted(claims.items()))}")
    print(f"errors                 {len(errors)}  ({len(errors) - len(unconfirmed)} confirmed)")
    print(f"unconfirmed errors     {len(unconfirmed)}")
    print(f"warnings               {len(warnings)}  (target at most {stories // 500})")
    by_pattern = Counter(f"{r[1].rule} {r[1].claim.pattern or '-'}" for r in raised)
    print("by rule and pattern    " + ", ".join(f"{k}: {v}" for k, v in by_pattern.most_common()))
    for name, message in failures:
        print(f"failed: {name}: {message}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
