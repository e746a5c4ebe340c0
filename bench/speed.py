#!/usr/bin/env python3
"""Throughput of ``tradestats.extraction.extract`` versus quantulum3, and start-up cost.

What it measures, in one process pinned to one CPU core (wall time from
time.perf_counter, CPU time from time.process_time):

* cold first calls: importing each library and its first call on the first document
  (loading data, compiling patterns), reported separately; both are then warmed up, and
  their loaded data is frozen out of the garbage collector's sight;
* every ``*.txt`` under CORPUS_DIR, each document timed with tradestats
  (``tradestats.extraction.extract``) and with quantulum3 (``parser.parse(text)``, one call
  per document) one right after the other, best of N runs of each: the speed ratio compares
  identical input, and a slow spell of a shared machine weighs on both alike. quantulum3
  needs about a minute a run on the shared corpus; ``--quick`` times the subset only;
* the leading subset: the documents in sorted path order until at least 60,000 characters
  (in the shared corpus, the figure-dense modern releases), reported on its own;
* documents on which tradestats raises are reported and left out (exit status 1);
* start-up: wall time of ``python -c "import tradestats.extraction"`` in a subprocess against
  ``python -c "pass"`` (best of N each).

Targets: tradestats >= 1 MB/s (MB = 1,000,000 characters) and >= 100x quantulum3, both
over the whole corpus.

CORPUS_DIR defaults to ``<repo>/../shared/corpus``, else the ``*.txt`` files in
``<repo>/fixtures``. Run from a clone (no installation needed)::

    python bench/speed.py                          # default corpus, best of 3
    python bench/speed.py ../shared/corpus --repeat 5
    python bench/speed.py ../shared/corpus --quick     # quantulum3 on the subset only
"""

from __future__ import annotations

import argparse
import gc
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


def best_time(run: Callable[[str], Any], texts: Sequence[str], repeat: int) -> tuple[float, float]:
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
        default=DEFAULT_REPEAT,
        metavar="N",
        help=f"best of N runs of each library on each document (default {DEFAULT_REPEAT})",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="time quantulum3 on the leading subset only (the ratio is then the subset's)",
    )
    args = parser.parse_args(argv)
    repeat: int = args.repeat

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

    cold_import = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        from quantulum3 import parser as quantulum_parser
    q_import = time.perf_counter() - cold_import
    q_first = timed(lambda: quantulum_parser.parse(subset[0]))
    quantulum_parser.parse(subset[0])  # warm-up
    # Both libraries' loaded data (quantulum3's is large) is moved out of the collector's
    # sight, so that neither pays for scanning the other's objects.
    gc.collect()
    gc.freeze()

    left_out = f"   ({len(failures)} left out: tradestats raised)" if failures else ""
    print(f"documents   {len(texts):,}   characters {chars:,}{left_out}")
    print(
        f"subset      first {len(subset)} documents in sorted order, {subset_chars:,} "
        f"characters (the figure-dense releases in the shared corpus)"
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

    # Paired: each document is timed with both libraries one after the other, so a slow
    # spell on a shared machine weighs on both alike.
    timed_texts = subset if args.quick else texts
    times: dict[str, list[tuple[float, float]]] = {"tradestats": [], "quantulum3": []}
    for text in timed_texts:
        for label, run in (("tradestats", extract), ("quantulum3", quantulum_parser.parse)):
            times[label].append(best_time(run, [text], repeat))

    def total(label: str, count: int) -> tuple[float, float]:
        """(wall, CPU) seconds of ``label`` over the first ``count`` timed documents."""
        runs = times[label][:count]
        return sum(wall for wall, _ in runs), sum(cpu for _, cpu in runs)

    # (name, documents, characters); the first is the one the targets are judged on.
    scopes = [("subset", len(subset), subset_chars)]
    if not args.quick:
        scopes.insert(0, ("all documents", len(texts), chars))
    print()
    ratios: dict[str, tuple[float, float]] = {}
    for scope, count, scope_chars in scopes:
        for label in times:
            wall, cpu = total(label, count)
            print(
                f"{label}  {scope:<13} {show_rate(rate(scope_chars, wall))}  "
                f"CPU {rate(scope_chars, cpu) / 1e6:.3f} MB/s, {wall:.3f} s"
            )
        (ts_wall, ts_cpu), (q_wall, q_cpu) = total("tradestats", count), total("quantulum3", count)
        ratios[scope] = (q_wall / ts_wall, q_cpu / ts_cpu)
    where, count, scope_chars = scopes[0]
    ts_rate = rate(scope_chars, total("tradestats", count)[0])
    speed_ratio, cpu_ratio = ratios[where]
    also = "" if args.quick else f", subset {ratios['subset'][0]:,.1f}x"
    print(
        f"ratio       tradestats / quantulum3: {where} {speed_ratio:,.1f}x "
        f"(CPU {cpu_ratio:,.1f}x){also}"
    )
    print(f"            (each document: best of {repeat} runs of each library)")
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
        f"target      >= {TARGET_CHARS_PER_SECOND / 1e6:g} MB/s on {where}: "
        f"{'yes' if speed_ok else 'NO'} ({ts_rate / 1e6:.3f} MB/s)"
    )
    print(
        f"target      >= {TARGET_RATIO:g}x quantulum3 on {where}: "
        f"{'yes' if ratio_ok else 'NO'} ({speed_ratio:,.1f}x)"
    )
    if args.quick:
        print("note        the targets are for all documents; --quick times the subset only")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
