#!/usr/bin/env python3
"""Injected errors: would `check` catch a wrong rate where it judged the right one?

For every growth claim that `check` judges consistent in the corpus, the stated rate is
changed in a copy of the document (times 0.7, rounded to the printed decimals, or plus 5
points where times 0.7 would stay within the rounding; where both would, the values are
too coarse to tell and the claim is left out) and the copy is checked again. The
mutant counts as caught when a finding is raised at the rate; and nothing else in the
document may change: every other claim keeps its verdict.

Usage: python bench/mutate.py CORPUS_DIR [--folders wild reuters modern modern2] [--misses N]
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tradestats.check import check_document
from tradestats.config import Config
from tradestats.models import Claim, Document

FOLDERS = ("wild", "reuters", "modern", "modern2")


def _mutant(claim: Claim) -> str | None:
    """The stated rate's digits, changed: x0.7 at the printed precision, else +5 points."""
    stated = claim.stated
    assert stated is not None
    if (
        stated.printed not in stated.text
        or stated.low is not None
        or not stated.printed[:1].isdigit()
    ):
        return None  # a written number ("six pct") or a range
    decimals = max(0, -stated.ulp.normalize().as_tuple().exponent)  # type: ignore[operator]
    step = Decimal(1).scaleb(-decimals)
    value = abs(Decimal(stated.printed.replace(",", "")))
    sign = -1 if (claim.stated_value or value) < 0 else 1
    half = stated.ulp / 2
    if claim.accepted_low is not None and claim.accepted_high is not None:
        # The rate's own tolerance: its rounding, or 1.5 points for "about".
        half = max(half, (claim.accepted_high - claim.accepted_low) / 2)

    def allowed(candidate: Decimal) -> bool:
        """Whether the printed values still allow the changed rate (its own tolerance
        included), so that no checker could call it wrong."""
        low, high = claim.expected_low, claim.expected_high
        if low is None or high is None:
            return False
        moved = candidate * sign
        return moved - half <= high and low <= moved + half

    changed = (value * Decimal("0.7")).quantize(step)
    # x0.7 of a lower bound ("more than 10 pct") is still true, as is a value the rounding
    # of the values allows: then the rate is moved up by 5 points instead.
    if (
        allowed(changed)
        or stated.qualifier in ("more than", "over", "at least")
        or changed == value
    ):
        changed = (value + 5).quantize(step)
        if allowed(changed):
            return ""  # the values are printed too coarsely to tell any rate near it
    return f"{changed:f}"


def _verdicts(claims: tuple[Claim, ...], skip: int, shift_from: int = 0, delta: int = 0) -> list:
    """Every other claim's place (in the mutant's offsets) and verdict."""
    found = []
    for claim in claims:
        anchor = claim.anchor.start
        if anchor == skip:
            continue
        found.append((anchor + (delta if anchor > shift_from else 0), claim.rule, claim.verdict))
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--folders", nargs="*", default=list(FOLDERS))
    parser.add_argument("--misses", type=int, default=15, help="how many misses to list")
    args = parser.parse_args(argv)
    config = Config()
    tried = caught = skipped = disturbed = coarse = 0
    misses: list[str] = []
    for folder in args.folders:
        for path in sorted((args.corpus / folder).glob("*.txt")):
            name = f"{folder}/{path.name}"
            text = path.read_text(encoding="utf-8")
            try:
                before = check_document(Document(text, name), config)
            except Exception:  # a benchmark of mutants, not of faults (see bench/wild.py)
                continue
            for claim in before.claims:
                if claim.kind != "growth" or claim.stated is None:
                    continue
                if claim.verdict not in ("consistent", "consistent_rounding"):
                    continue
                digits = _mutant(claim)
                if digits is None:
                    skipped += 1
                    continue
                if not digits:
                    coarse += 1
                    continue
                stated = claim.stated
                at = stated.start + stated.text.index(stated.printed)
                copy = text[:at] + digits + text[at + len(stated.printed) :]
                delta = len(digits) - len(stated.printed)
                after = check_document(Document(copy, name), config)
                tried += 1
                hit = any(f.claim.anchor.start == stated.start for f in after.findings)
                caught += hit
                if not hit and len(misses) < args.misses:
                    line = " ".join(copy[max(0, stated.start - 80) : stated.end + 60].split())
                    misses.append(f"{name}:{stated.line}:{stated.column} {digits}: ...{line}...")
                if _verdicts(before.claims, stated.start, at, delta) != _verdicts(
                    after.claims, stated.start
                ):
                    disturbed += 1
    share = caught / tried if tried else 0.0
    print(f"consistent rates mutated   {tried}  ({skipped} written in words or ranges, skipped)")
    print(f"values too coarse to tell  {coarse}  (x0.7 and +5 points both within their rounding)")
    print(f"caught                     {caught}/{tried}  ({share:.1%}; target 99%)")
    print(f"other claims changed       {disturbed}")
    for miss in misses:
        print(f"missed: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
