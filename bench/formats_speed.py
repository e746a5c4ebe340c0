#!/usr/bin/env python3
"""Files per second and peak memory of ``tradestats check`` on a folder of many documents.

What it measures:

* a folder of COUNT generated articles (default 2,000) in every input format, in equal
  shares: .txt, .md (with a table), .html (with navigation and ads to drop) and, when
  python-docx and pypdf are installed, .docx and .pdf; about 1 KB of text each, a few
  of them with a wrong growth rate;
* ``tradestats check FOLDER --format json -o FILE`` in a fresh process with ``--jobs 1``
  and ``--jobs 2``: wall time from start to exit (start-up included), files per second,
  and peak resident memory of the main process and of the largest worker;
* that both runs wrote the same bytes, and memory on a quarter of the folder against the
  whole: a flat line means documents are not held, only their results.

Run from a clone (no installation needed)::

    python bench/formats_speed.py                 # 2,000 files
    python bench/formats_speed.py --count 10000   # the 10,000-file folder
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

PARTNERS = ("China", "Japan", "Germany", "Brazil", "Kenya", "Vietnam", "Mexico", "Canada")


def article(index: int) -> tuple[str, list[str], list[list[str]]]:
    """(title, paragraphs, table rows) of article ``index``; every third rate is wrong."""
    partner = PARTNERS[index % len(PARTNERS)]
    old = 20 + index % 37 + (index % 10) / 10
    new = round(old * 1.12, 2)
    stated = "12.0" if index % 3 else "15.0"
    paragraphs = [
        f"India’s exports to {partner} rose {stated}% to ${new:.2f} billion in FY26, "
        f"from ${old:.2f} billion in FY25, the commerce ministry said on Monday.",
        f"Imports from {partner} were $14.{index % 10} billion in FY26, leaving a trade "
        f"surplus that officials expect to widen as shipments of engineering goods grow.",
        "The ministry said the figures were provisional and would be revised next month, "
        "as is usual for the first release of a fiscal year's data.",
    ]
    table = [
        ["Fiscal year", "Exports (US$ bn)", "Growth (%)"],
        ["FY25", f"{old:.1f}", ""],
        ["FY26", f"{old * 1.1:.1f}", "10.0"],
    ]
    return f"Trade with {partner}", paragraphs, table


def write_corpus(folder: Path, count: int) -> dict[str, int]:
    from tests import documents

    kinds = ["txt", "md", "html"]
    try:
        import docx  # noqa: F401
        import pypdf  # noqa: F401

        kinds += ["docx", "pdf"]
    except ImportError:
        pass
    made = dict.fromkeys(kinds, 0)
    for index in range(count):
        kind = kinds[index % len(kinds)]
        title, paragraphs, table = article(index)
        path = folder / f"{index // 500:02d}" / f"article-{index:05d}.{kind}"
        path.parent.mkdir(parents=True, exist_ok=True)
        if kind == "txt":
            path.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        elif kind == "md":
            rows = ["| " + " | ".join(row) + " |" for row in table]
            rows.insert(1, "|---|---|---|")
            body = "\n\n".join(paragraphs)
            path.write_text(f"# {title}\n\n{body}\n\n" + "\n".join(rows) + "\n", encoding="utf-8")
        elif kind == "html":
            story = "\n".join(f"<p>{p}</p>" for p in paragraphs)
            path.write_text(
                f"<html><body><nav>Home &gt; Trade</nav><div class='ad-slot'>Save 40%</div>"
                f"<main><h1>{title}</h1>\n{story}\n</main><footer>© 2025</footer></body></html>\n",
                encoding="utf-8",
            )
        elif kind == "docx":
            documents.write_docx(path, [*paragraphs, table], title=title)
        else:
            documents.write_pdf(path, [documents.wrap([title, *paragraphs])])
        made[kind] += 1
    return made


def measure(folder: Path, jobs: int, out: Path, fmt: str = "json") -> dict[str, float]:
    """One ``tradestats check`` run in a fresh process; its time and peak memory."""
    code = (
        "import json, resource, sys\n"
        "from tradestats.cli import app\n"
        "try:\n"
        "    app(sys.argv[1:])\n"
        "except SystemExit as done:\n"
        "    status = done.code\n"
        # VmHWM is this process's own peak; ru_maxrss would include the bench's, which
        # Linux carries across fork and exec.
        "self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "try:\n"
        "    status_lines = open('/proc/self/status').read().splitlines()\n"
        "    self = int(next(l.split()[1] for l in status_lines if l.startswith('VmHWM')))\n"
        "except (OSError, StopIteration):\n"
        "    pass\n"
        "workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(json.dumps({'status': status, 'self_kb': self, 'workers_kb': workers}))\n"
    )
    args = ["check", str(folder), "--format", fmt, "-o", str(out), "--jobs", str(jobs)]
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "PYTHONWARNINGS": "ignore"}
    env.pop("CI", None)
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=False
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0 or not done.stdout.strip():
        sys.exit(f"tradestats failed:\n{done.stderr}")
    usage = json.loads(done.stdout.strip().splitlines()[-1])
    return {"seconds": seconds, "cpu": cpu, "load": load, **usage}


STREAM_CODE = """
import sys
from tradestats.config import Config
from tradestats.pipeline import Task, run, select

def rss_kb():
    with open('/proc/self/status') as status:
        return int(next(l.split()[1] for l in status if l.startswith('VmRSS')))

items = select([sys.argv[1]])
marks = {len(items) // 4, len(items)}
for n, _outcome in enumerate(run(items, Task(config=Config()), 1), 1):
    if n in marks:
        print(n, rss_kb())
"""


def streaming_memory(folder: Path) -> list[tuple[int, int]]:
    """Resident memory after a quarter and after all files, results dropped as they come:
    what reading and analysis hold, apart from the results a Report keeps."""
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "PYTHONWARNINGS": "ignore"}
    done = subprocess.run(
        [sys.executable, "-c", STREAM_CODE, str(folder)],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    return [(int(a), int(b)) for a, b in (line.split() for line in done.stdout.splitlines())]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2000, help="documents to generate")
    parser.add_argument("--generate", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        print(json.dumps(write_corpus(Path(args.generate), args.count)))
        return
    with tempfile.TemporaryDirectory(prefix="tradestats-formats-") as temp:
        root = Path(temp)
        corpus = root / "corpus"
        started = time.perf_counter()
        # Generated in another process, so that this one stays small (see measure()).
        done = subprocess.run(
            [sys.executable, __file__, "--generate", str(corpus), "--count", str(args.count)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        made = json.loads(done.stdout)
        print(f"generated {args.count} documents in {time.perf_counter() - started:.1f} s: "
              + ", ".join(f"{n} .{kind}" for kind, n in made.items()))  # fmt: skip
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
        digests = {}
        for jobs in (1, 2):
            out = root / f"report-{jobs}.json"
            result = measure(corpus, jobs, out)
            digests[jobs] = hashlib.sha256(out.read_bytes()).hexdigest()
            if jobs == 1:
                full_kb = result["self_kb"]
            summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
            # CPU seconds over all processes and the load average before the run: on a
            # shared machine, a parallel run is only as fast as the cores left free.
            print(
                f"--jobs {jobs}: {args.count / result['seconds']:7.1f} files/s "
                f"({result['seconds']:.2f} s wall, {result['cpu']:.2f} s CPU, "
                f"load average {result['load']:.1f} before), "
                f"peak memory {result['self_kb'] / 1024:.0f} MB main"
                + (f", {result['workers_kb'] / 1024:.0f} MB largest worker" if jobs > 1 else "")
                + f"; {summary['figures']} figures, {summary['claims_checked']} claims, "
                f"exit {result['status']}"
            )
        print(f"same output with --jobs 1 and 2: {'yes' if digests[1] == digests[2] else 'NO'}")
        if Path("/proc/self/status").exists():
            (n1, kb1), (n2, kb2) = streaming_memory(corpus)
            print(
                f"results dropped as they come (--jobs 1): {kb1 / 1024:.0f} MB after {n1} files, "
                f"{kb2 / 1024:.0f} MB after {n2}"
            )
        quarter = root / "quarter"
        quarter.mkdir()
        for folder in sorted(corpus.iterdir())[: max(1, len(list(corpus.iterdir())) // 4)]:
            folder.rename(quarter / folder.name)
        small = measure(quarter, 1, root / "quarter.json")
        files = sum(1 for p in quarter.rglob("*") if p.is_file())
        print(
            f"peak memory, JSON (lists every claim): {small['self_kb'] / 1024:.0f} MB for "
            f"{files} files, {full_kb / 1024:.0f} MB for {args.count}: "
            f"{(full_kb - small['self_kb']) / max(args.count - files, 1):.1f} KB more per file"
        )
        # Text, SARIF and GitHub output count claims instead of keeping them.
        small_text = measure(quarter, 1, root / "quarter.txt", fmt="text")
        for folder in sorted(quarter.iterdir()):
            folder.rename(corpus / folder.name)
        full_text = measure(corpus, 1, root / "all.txt", fmt="text")
        print(
            f"peak memory, text: {small_text['self_kb'] / 1024:.0f} MB for {files} files, "
            f"{full_text['self_kb'] / 1024:.0f} MB for {args.count}: "
            f"{(full_text['self_kb'] - small_text['self_kb']) / max(args.count - files, 1):.1f}"
            " KB more per file"
        )
    if digests[1] != digests[2]:
        sys.exit(1)


if __name__ == "__main__":
    main()
