#!/usr/bin/env python3
"""Time to read Markdown, HTML and plain text from 10 KB to 10 MB, well-formed or not.

Reading is the format layer alone: bytes -> Document (tradestats.formats.parse), the
text the grammar will see with its map to the source. Each input is built by repeating
one generated block until it reaches the size, so a linear reader shows the same
seconds per MB at every size; the last column is that rate against the smallest
size's (1.0 is linear, 10 at 10 MB against 1 MB would be quadratic).

Inputs, written for this benchmark (no corpus text):

* text: a news paragraph with figures;
* markdown: headings, nested lists, a quote, a pipe table, links and code;
* markdown-malformed: unclosed emphasis, brackets and backticks, stray < and a list
  nested 15 deep (within what is read);
* html: an article page with navigation, an aside and a table;
* html-malformed: unclosed <div>s, end tags that match nothing, stray <, an attribute
  quote and a comment that never close.

Run from a clone::

    python bench/formats_linear.py              # 10 KB, 100 KB, 1 MB, 10 MB
    python bench/formats_linear.py --max-mb 1   # stop at 1 MB
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tradestats.formats import parse  # noqa: E402

PARAGRAPH = (
    "Exports to Kenya rose 12.5% to $4.20 billion in the first quarter from $3.73 billion"
    " a year earlier, while imports fell 3.1% to 880 million euros, the ministry said.\n\n"
)

MARKDOWN = (
    "## Quarter {n}\n\n"
    + PARAGRAPH
    + "- Exports to Japan: $2.1 billion\n  - of which machinery: 40%\n    - parts: 12%\n"
    "- Imports: [$1.9 billion](https://example.org/t/{n}) per `table 3`\n\n"
    "> The trade surplus widened to $200 million, officials said.\n\n"
    "| Partner | Exports | Growth |\n|---|---:|---:|\n| Japan | 2.1 | 4.5% |\n"
    "| Kenya | 4.2 | 12.5% |\n\n"
)

MARKDOWN_MALFORMED = (
    "Exports rose *5% to [$2 billion `from <$1.9 billion _in July\n\n"
    + "".join("  " * depth + f"- level {depth} at 3%\n" for depth in range(15))
    + "\n"
    + PARAGRAPH
    + "**unclosed [bracket ![image ` tick < lt\n\n"
)

HTML_HEAD = "<!DOCTYPE html><html><head><title>t</title></head><body><nav>menu</nav><main>"
HTML = (
    "<article><h2>Quarter {n}</h2><p>"
    + PARAGRAPH.strip()
    + "</p><aside class='related'>More stories</aside>"
    "<table><tr><th>Partner</th><th>Exports</th></tr><tr><td>Japan</td><td>$2.1 bn</td></tr>"
    "</table><ul><li>Imports fell 3.1%</li><li>Surplus $200 million</li></ul></article>\n"
)
HTML_MALFORMED = (
    "<div><div class='x'><p>"
    + PARAGRAPH.strip()
    + "</span></section></em> 5% < 6% <b>bold <i>italic</b></i>\n"
)
# Constructs that never close are at the very end, where a tokenizer meets them at EOF.
HTML_MALFORMED_TAIL = "<p>Exports rose 5% <a href='x <!-- open " * 50


def build(block: str, size: int, head: str = "", tail: str = "") -> str:
    parts = [head]
    total = len(head) + len(tail)
    n = 0
    while total < size:
        piece = block.replace("{n}", str(n))
        parts.append(piece)
        total += len(piece)
        n += 1
    parts.append(tail)
    return "".join(parts)


INPUTS: dict[str, tuple[str, Callable[[int], str]]] = {
    "text": ("text", lambda size: build(PARAGRAPH, size)),
    "markdown": ("markdown", lambda size: build(MARKDOWN, size)),
    "markdown-malformed": ("markdown", lambda size: build(MARKDOWN_MALFORMED, size)),
    "html": ("html", lambda size: build(HTML, size, HTML_HEAD, "</main></body></html>")),
    "html-malformed": (
        "html",
        lambda size: build(HTML_MALFORMED, size, "<html><body>", HTML_MALFORMED_TAIL),
    ),
}


def seconds(fmt: str, data: bytes) -> float:
    start = time.perf_counter()
    parse(data, "bench", fmt)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-mb", type=float, default=10.0)
    args = parser.parse_args()
    sizes = [s for s in (10_000, 100_000, 1_000_000, 10_000_000) if s <= args.max_mb * 1e6]
    print(f"{'input':<20} {'size':>8} {'seconds':>9} {'s per MB':>9} {'rate vs 10 KB':>14}")
    for name, (fmt, make) in INPUTS.items():
        base = None
        for size in sizes:
            data = make(size).encode("utf-8")
            # Best of three at the small sizes, where a timer tick is a large share.
            runs = 3 if size < 1_000_000 else 1
            took = min(seconds(fmt, data) for _ in range(runs))
            rate = took / (len(data) / 1e6)
            base = base or rate
            label = f"{len(data) / 1e6:.2f} MB" if len(data) >= 1e6 else f"{len(data) // 1000} KB"
            print(f"{name:<20} {label:>8} {took:>9.3f} {rate:>9.3f} {rate / base:>14.2f}")


if __name__ == "__main__":
    main()
