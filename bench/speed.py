#!/usr/bin/env python3
"""Throughput of ``tradestats.extraction.extract`` versus quantulum3, and start-up cost.

What it measures, in one process pinned to one CPU core (time.perf_counter wall time):

* cold first calls: importing each library and its first call on the first document
  (loading data, compiling patterns), reported separately; both are then warmed up;
* tradestats over every ``*.txt`` under CORPUS_DIR: total characters / best-of-N wall time;
* quantulum3 (``parser.parse(text)``, seconds per 12 KB document) on a fixed subset only:
  the documents in sorted path order until at least 60,000 characters, run once each (N
  times with an explicit ``--repeat N``, best run kept). tradestats runs on exactly the same
  subset, so the speed ratio compares identical input;
* documents on which tradestats raises are reported and left out (exit status 1);
* start-up: wall time of ``python -c "import tradestats.extraction"`` in a subprocess against
  ``python -c "pass"`` (best of N each).

Targets: tradestats >= 1 MB/s (MB = 1,000,000 characters) and >= 100x quantulum3.

CORPUS_DIR defaults to ``<repo>/../shared/corpus``, else the ``*.txt`` files in
``<repo>/fixtures``. Run from a clone (no installation needed)::

    python bench/speed.py                          # default corpus, best of 3
    python bench/speed.py ../shared/corpus --repeat 5
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

SUBSET_CHARS = 60_000
TARGET_CHARS_PER_SECOND = 1_000_000
TARGET_RATIO = 100.0
DEFAULT_REPEAT = 3


def pin_to_one_core() -> str:
    """Restrict this process (and its children) to one CPU, where the OS allows it."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    allowed = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {allowed[0]})
    return f"pinned to CPU {allowed[0]}"


def find_documents(corpus: Path | None) -> tuple[Path, list[tuple[str, str]]]:
    """``(folder, [(relative path, text), ...])`` in sorted path order."""
    if corpus is None:
        default = REPO_ROOT.parent / "shared" / "corpus"
        corpus = default if default.is_dir() else REPO_ROOT / "fixtures"
    paths = sorted(corpus.rglob("*.txt"), key=lambda p: p.relative_to(corpus).as_posix())
    return corpus, [
        (p.relative_to(corpus).as_posix(), p.read_text(encoding="utf-8")) for p in paths
    ]


def failing_documents(
    run: Callable[[str], Any], documents: Sequence[tuple[str, str]]
) -> dict[str, str]:
    """One untimed pass (also the warm-up): ``name -> error`` for documents that raise."""
    failures: dict[str, str] = {}
    for name, text in documents:
        try:
            run(text)
        except Exception as exc:  # the package is under development: report, keep measuring
            failures[name] = f"{type(exc).__name__}: {exc}"
    return failures


def leading_subset(texts: Sequence[str], minimum: int) -> list[str]:
    """The first texts, in order, until they hold at least ``minimum`` characters."""
    subset: list[str] = []
    total = 0
    for text in texts:
        if total >= minimum:
            break
        subset.append(text)
        total += len(text)
    return subset


def timed(call: Callable[[], Any]) -> float:
    began = time.perf_counter()
    call()
    return time.perf_counter() - began


def best_time(
    run: Callable[[str], Any], texts: Sequence[str], repeat: int
) -> tuple[float, float]:
    """Best-of-``repeat`` (wall, CPU) seconds of ``run`` over all ``texts``.

    On a shared machine the wall clock also counts time the core spent on other work;
    CPU time is what one core does when nothing else runs on it.
    """

    def once() -> None:
        for text in texts:
            run(text)

    walls, cpus = [], []
    for _ in range(max(1, repeat)):
        began = time.process_time()
        walls.append(timed(once))
        cpus.append(time.process_time() - began)
    return min(walls), min(cpus)


def startup_time(code: str, repeat: int) -> float:
    """Best-of-``repeat`` wall time of ``python -c code`` in a fresh subprocess."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    command = [sys.executable, "-c", code]
    best = float("inf")
    for _ in range(max(1, repeat)):
        began = time.perf_counter()
        subprocess.run(command, env=env, check=True)
        best = min(best, time.perf_counter() - began)
    return best


def rate(chars: int, seconds: float) -> float:
    return chars / seconds if seconds > 0 else float("inf")


def show_rate(chars_per_second: float) -> str:
    return f"{chars_per_second:14,.0f} chars/s  ({chars_per_second / 1e6:8.3f} MB/s)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Characters per second of tradestats.extraction versus quantulum3."
    )
    parser.add_argument(
        "corpus",
        metavar="CORPUS_DIR",
        type=Path,
        nargs="?",
        help="folder searched for *.txt (default: <repo>/../shared/corpus, else <repo>/fixtures)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=None,
        metavar="N",
        help=f"best of N runs (default {DEFAULT_REPEAT} for tradestats, 1 for quantulum3)",
    )
    args = parser.parse_args(argv)
    repeat: int = args.repeat if args.repeat is not None else DEFAULT_REPEAT
    quantulum_repeat: int = args.repeat if args.repeat is not None else 1

    pinning = pin_to_one_core()
    corpus, documents = find_documents(args.corpus)
    if not documents:
        print(f"error: no *.txt documents under {corpus}", file=sys.stderr)
        return 2
    print(f"corpus      {corpus}  ({pinning}, Python {sys.version.split()[0]})")

    # Cold: import, then the first call on the first document.
    cold_import = time.perf_counter()
    from tradestats.extraction import extract

    ts_import = time.perf_counter() - cold_import
    ts_first = timed(lambda: extract(documents[0][1]))

    # Warm-up, and documents that tradestats cannot read are left out of every measurement.
    failures = failing_documents(extract, documents)
    sys.stdout.flush()
    for name, error in failures.items():
        print(f"error: tradestats raised on {name} (left out): {error}", file=sys.stderr)
    texts = [text for name, text in documents if name not in failures]
    if not texts:
        print("error: tradestats raised on every document", file=sys.stderr)
        return 1
    chars = sum(len(t) for t in texts)
    subset = leading_subset(texts, SUBSET_CHARS)
    subset_chars = sum(len(t) for t in subset)

    # tradestats is timed before quantulum3 is loaded: quantulum3's large heap slows every
    # later garbage collection in the process, which would bill its cost to tradestats.
    ts_all, ts_all_cpu = best_time(extract, texts, repeat)
    ts_subset, ts_subset_cpu = best_time(extract, subset, repeat)

    cold_import = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        from quantulum3 import parser as quantulum_parser
    q_import = time.perf_counter() - cold_import
    q_first = timed(lambda: quantulum_parser.parse(subset[0]))
    quantulum_parser.parse(subset[0])  # warm-up

    left_out = f"   ({len(failures)} left out: tradestats raised)" if failures else ""
    print(f"documents   {len(texts):,}   characters {chars:,}{left_out}")
    print(
        f"subset      first {len(subset)} documents in sorted order, {subset_chars:,} "
        f"characters (for quantulum3)"
    )
    for warning in caught:
        print(f"note        quantulum3: {str(warning.message).splitlines()[0]}")
    print()
    print(
        f"cold        tradestats import {ts_import * 1e3:8.1f} ms, first call "
        f"{ts_first * 1e3:8.1f} ms ({len(documents[0][1]):,} chars)"
    )
    print(
        f"cold        quantulum3 import {q_import * 1e3:8.1f} ms, first call "
        f"{q_first * 1e3:8.1f} ms ({len(subset[0]):,} chars)"
    )

    q_subset, q_subset_cpu = best_time(quantulum_parser.parse, subset, quantulum_repeat)

    ts_rate = rate(chars, ts_all)
    ts_subset_rate = rate(subset_chars, ts_subset)
    q_rate = rate(subset_chars, q_subset)
    speed_ratio = ts_subset_rate / q_rate if q_rate > 0 else float("inf")
    cpu_rate = rate(chars, ts_all_cpu)
    cpu_ratio = q_subset_cpu / ts_subset_cpu if ts_subset_cpu > 0 else float("inf")

    print()
    print(f"tradestats  all documents {show_rate(ts_rate)}  best of {repeat}: {ts_all:.3f} s")
    print(
        f"quantulum3  subset        {show_rate(q_rate)}  best of {quantulum_repeat}: "
        f"{q_subset:.3f} s"
    )
    print(
        f"tradestats  subset        {show_rate(ts_subset_rate)}  best of {repeat}: "
        f"{ts_subset:.3f} s"
    )
    print(f"ratio       tradestats / quantulum3 on the subset: {speed_ratio:,.1f}x")
    print(
        f"CPU time    tradestats all documents {cpu_rate / 1e6:.3f} MB/s; "
        f"ratio on the subset {cpu_ratio:,.1f}x"
    )

    print()
    bare = startup_time("pass", repeat)
    loaded = startup_time("import tradestats.extraction", repeat)
    print(
        f"start-up    python -c 'pass' {bare * 1e3:8.1f} ms, "
        f"python -c 'import tradestats.extraction' {loaded * 1e3:8.1f} ms "
        f"({loaded / bare:.1f}x, +{(loaded - bare) * 1e3:.1f} ms), best of {repeat}"
    )

    print()
    speed_ok = ts_rate >= TARGET_CHARS_PER_SECOND
    ratio_ok = speed_ratio >= TARGET_RATIO
    print(
        f"target      >= {TARGET_CHARS_PER_SECOND / 1e6:g} MB/s: "
        f"{'yes' if speed_ok else 'NO'} ({ts_rate / 1e6:.3f} MB/s)"
    )
    print(
        f"target      >= {TARGET_RATIO:g}x quantulum3: "
        f"{'yes' if ratio_ok else 'NO'} ({speed_ratio:,.1f}x)"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
