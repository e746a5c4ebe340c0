#!/usr/bin/env python3
"""Generated inputs through the library and the command line: nothing may raise or hang.

What it tries, all from one seed so that a failure can be run again:

* sentences built from the grammar's own word lists (every scale, currency prefix and
  name, written number, percent and points marker, multiple, word of change, qualifier
  and country), with numbers of every shape: grouped, Indian, spaced, ranges, signs,
  footnote marks, and runs of up to a few hundred digits;
* the same sentences mutated with odd Unicode: dotless and dotted i, long s and the
  Kelvin sign for letters; no-break, thin and narrow spaces, tabs and line breaks for
  spaces; full-width, Arabic-Indic and Devanagari digits; right-to-left and other
  invisible marks, combining characters and emoji inserted anywhere;
* random text over an alphabet of letters, digits, currency signs and punctuation;
* malformed files of every input format (text in odd encodings and binary, Markdown with
  unclosed fences and ragged tables, HTML with unclosed and stray tags and bad entities,
  Word files truncated or with broken XML, PDFs truncated or garbage), read by the
  pipeline one by one and by the command line (``extract``, ``check`` in every output
  format, ``chart`` and ``report``) as one folder, and a few of them one at a time by
  ``python -m tradestats`` in a new process, as CI runs it.

It reports the inputs tried, the exceptions that escaped (0 is the target), the internal
errors that tradestats reported as problems instead (0 is the target too: each is a bug,
even though it costs only a sentence), inputs that ran over the time limit, and the
slowest input per size. A last table times plain text from 10 KB to 1 MB (10 MB with
``--full``) in three shapes, to show that time grows linearly with the size.

Run from a clone (no installation needed)::

    python bench/fuzz.py                    # 20,000 texts and 1,000 files, about 2 minutes
    python bench/fuzz.py --count 2000       # a quick look
    python bench/fuzz.py --seed 7 --full    # another draw, and text up to 10 MB

The exit status is 1 when anything raised, hung or was reported as an internal error.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tradestats.check import check_document  # noqa: E402
from tradestats.config import Config  # noqa: E402
from tradestats.extraction import context, extract, grammar  # noqa: E402
from tradestats.extraction.refdata import (  # noqa: E402
    country_names,
    currency_prefixes,
    currency_words,
)
from tradestats.formatters.figures import human_value, render_json  # noqa: E402
from tradestats.models import Document, InputProblem  # noqa: E402

CONFIG = Config()
# Longer than any input here should take; an input over it counts as a hang.
TIME_LIMIT = 20.0
# A command line run reads the whole folder of files, so it gets more.
CLI_TIME_LIMIT = 240.0
# What the tally counts, as the summary names them.
KINDS = {
    "text": "texts through the library",
    "file": "files through the pipeline",
    "cli": "command lines over the folder",
    "process": "runs of python -m tradestats",
}
# 0 clean, 1 findings, 2 an input problem; anything else is a crash.
EXIT_CODES = (0, 1, 2)
SIZES = ((100, "< 100"), (1_000, "< 1 K"), (10_000, "< 10 K"), (100_000, "< 100 K"))

# --- what the inputs are made of --------------------------------------------------------

LOOKALIKES = {"i": ["\u0131", "\u0130"], "I": ["\u0130"], "s": ["\u017f"], "k": ["\u212a"]}
SPACES = [
    "\u00a0",
    "\u2009",
    "\u202f",
    "\u2007",
    "\t",
    "\n",
    "  ",
    "\r\n",
    "\u3000",
    "\u2028",
]
INVISIBLE = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u200e",
    "\u200f",
    "\u202e",
    "\u2066",
    "\u061c",
]
COMBINING = ["\u0301", "\u0308", "\u0327", "\u0338", "\u20dd", "\u0332"]
EMOJI = ["\U0001f4b0", "\U0001f4c8", "\U0001f1ee\U0001f1f3", "\u2764\ufe0f", "\U0001f44d\U0001f3fd"]
DIGIT_SETS = [
    "\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19",  # full-width
    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669",  # Arabic-Indic
    "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",  # extended Arabic-Indic
    "\u0966\u0967\u0968\u0969\u096a\u096b\u096c\u096d\u096e\u096f",  # Devanagari
    "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079",  # superscripts
]
ODD = [*INVISIBLE, *COMBINING, *EMOJI, "\ufffd", "\x00", "\x0c", "\u2212", "\u2013", "\u2014"]
ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789      ..,,--%$€£¥₹()/'\"\n"
    "\u0131\u0130\u017f\u00a0\u2009\u2013\u2212\u00b9\u0660\uff15"
)
FLOW_WORDS = ["Exports", "Imports", "The trade deficit", "The surplus", "Shipments", "Trade"]
PERIODS = [
    "in March 2024",
    "in April-July FY26",
    "in Q3 2025",
    "in the first half of 2023",
    "a year earlier",
    "in the same period last year",
    "in 1987",
    "last month",
    "in H1 FY26",
    "",
]
# Written numbers as single words from the grammar, and a few it must read as phrases.
WRITTEN_NUMBERS = [*grammar.WORD_NUMBERS, "twenty-five", "a hundred", "one hundred"]


@dataclass
class Words:
    """Every word list the grammar and its context read, as lists to draw from."""

    scales: list[str] = field(default_factory=lambda: list(grammar._SCALE_FORMS))
    prefixes: list[str] = field(default_factory=lambda: list(currency_prefixes()))
    names: list[str] = field(default_factory=lambda: list(currency_words()))
    numbers: list[str] = field(default_factory=lambda: list(grammar.WORD_NUMBERS))
    markers: list[str] = field(
        default_factory=lambda: (
            [
                "%",
                " per cent",
                " percent",
                " pct",
                " pc",
                " percentage points",
                " pp",
                " ppt",
                " basis points",
                " bps",
                " bp",
                "per-cent",
                " p.p.",
            ]
        )
    )
    multiples: list[str] = field(
        default_factory=lambda: (
            [
                f"{stem}{ending}"
                for stem in ("doubl", "tripl", "trebl", "quadrupl", "halv")
                for ending in ("ed", "es", "ing", "e")
            ]
            + [f"{n}fold" for n in grammar.WORD_NUMBERS]
            + [f"{n}-fold" for n in ("2", "2.5", "ten", "a hundred")]
            + ["3 times higher", "a hundred times more", "twice as large as", "2x", "10X", "2.5x"]
        )
    )
    directions: list[str] = field(default_factory=lambda: list(context._DIRECTIONS))
    qualifiers: list[str] = field(default_factory=lambda: list(context._QUALIFIERS))
    countries: list[str] = field(default_factory=lambda: list(country_names()))

    def every(self) -> Iterator[str]:
        for words in (
            self.scales,
            self.prefixes,
            self.names,
            self.numbers,
            self.markers,
            self.multiples,
            self.directions,
            self.qualifiers,
            self.countries,
        ):
            yield from words


def number(rng: random.Random) -> str:
    """A number as news prints them, or as no one should."""
    shape = rng.randrange(12)
    if shape == 0:
        return str(rng.randrange(10 ** rng.randrange(1, 8)))
    if shape == 1:
        return f"{rng.randrange(1000)}.{rng.randrange(100):02d}"
    if shape == 2:
        return f"{rng.randrange(1, 999)},{rng.randrange(1000):03d},{rng.randrange(1000):03d}"
    if shape == 3:
        return f"{rng.randrange(1, 99)},{rng.randrange(100):02d},{rng.randrange(1000):03d}.49"
    if shape == 4:
        return f"{rng.randrange(1, 999)} {rng.randrange(1000):03d}.9"
    if shape == 5:
        return "".join(rng.choice("0123456789") for _ in range(rng.randrange(20, 400)))
    if shape == 6:
        return f"{number(rng)}-{number(rng)}"
    if shape == 7:
        return f"{number(rng)} to {number(rng)}"
    if shape == 8:
        return rng.choice(["-", "\u2212", "\u2013", "(-)", "+", "(\u2212)"]) + number(rng)
    if shape == 9:
        return number(rng) + rng.choice(["\u00b9", "\u00b2", "*", "\u2020"])
    if shape == 10:
        return rng.choice(WRITTEN_NUMBERS)
    return f".{rng.randrange(1000)}"


def amount(rng: random.Random, words: Words) -> str:
    """A figure: money in any currency and position, a percent, points or a multiple."""
    kind = rng.randrange(6)
    scale = rng.choice(["", "", " "]) + rng.choice(words.scales) if rng.random() < 0.7 else ""
    if kind == 0:
        return f"{rng.choice(words.prefixes)}{rng.choice(['', ' '])}{number(rng)}{scale}"
    if kind == 1:
        return f"{number(rng)}{scale} {rng.choice(words.names)}"
    if kind == 2:
        return f"{number(rng)}{rng.choice(words.markers)}"
    if kind == 3:
        return rng.choice(words.multiples)
    if kind == 4:
        prefix = rng.choice(words.prefixes)
        return f"{prefix}{number(rng)} to {prefix}{number(rng)}{scale}"
    return f"{number(rng)}{scale} {rng.choice(words.names)} per {rng.choice(['barrel', 'tonne', 'month'])}"


def sentence(rng: random.Random, words: Words) -> str:
    """A claim as wire copy or a release writes it, from the word lists."""
    country = rng.choice(words.countries)
    partner = rng.choice(words.countries)
    templates = [
        "{country}'s {flow} {direction} {amount} to {amount} {period} from {amount}.",
        "{flow} to {partner} {direction} {qualifier} {amount} {period}, or {amount}.",
        "{flow} {direction} {amount} {period}, {qualifier} {amount} against {amount} {period}.",
        "{country} {flow} with {partner} were {amount} ({amount}) {period}.",
        "{flow} {direction} from {amount} to {amount} {period}.",
        "{amount} {amount} {amount}",
    ]
    template = rng.choice(templates)
    return template.format_map(
        _Filler(
            rng,
            {
                "country": country,
                "partner": partner,
                "flow": rng.choice(FLOW_WORDS).lower()
                if "{country}" in template
                else rng.choice(FLOW_WORDS),
                "direction": rng.choice(words.directions),
                "qualifier": rng.choice(words.qualifiers),
                "period": rng.choice(PERIODS),
            },
            words,
        )
    )


class _Filler(dict[str, str]):
    """Every "{amount}" a new figure; other fields as given."""

    def __init__(self, rng: random.Random, fields: dict[str, str], words: Words) -> None:
        super().__init__(fields)
        self.rng, self.words = rng, words

    def __getitem__(self, key: str) -> str:
        if key == "amount":
            return amount(self.rng, self.words)
        return super().__getitem__(key)


def mutate(rng: random.Random, text: str) -> str:
    """The text with one to four odd-Unicode changes."""
    for _ in range(rng.randrange(1, 5)):
        if not text:
            return rng.choice(ODD)
        change = rng.randrange(7)
        at = rng.randrange(len(text) + 1)
        if change == 0:
            text = text[:at] + rng.choice(ODD) + text[at:]
        elif change == 1:
            text = "".join(
                rng.choice(LOOKALIKES[c]) if c in LOOKALIKES and rng.random() < 0.5 else c
                for c in text
            )
        elif change == 2:
            digits = rng.choice(DIGIT_SETS)
            text = "".join(digits[int(c)] if c.isascii() and c.isdigit() else c for c in text)
        elif change == 3:
            text = "".join(
                rng.choice(SPACES) if c == " " and rng.random() < 0.3 else c for c in text
            )
        elif change == 4:
            text = "".join(
                c + rng.choice(COMBINING) if c.isalpha() and rng.random() < 0.1 else c for c in text
            )
        elif change == 5:
            text = text[:at] + rng.choice(INVISIBLE) + text[at:]
        else:
            text = text[:at] + text[at : at + rng.randrange(40)] * rng.randrange(1, 4) + text[at:]
    return text


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(1, 400)))


def texts(rng: random.Random, words: Words, count: int) -> Iterator[tuple[str, str]]:
    """(how it was made, text): every listed word once in a sentence, then a random mix."""
    made = 0
    for word in words.every():
        if made >= count:
            return
        yield "word", f"Exports rose 5% to {word} {number(rng)} {word} in 2024, {word}."
        made += 1
    while made < count:
        shape = rng.randrange(10)
        if shape < 4:
            yield "sentences", " ".join(sentence(rng, words) for _ in range(rng.randrange(1, 6)))
        elif shape < 8:
            base = " ".join(sentence(rng, words) for _ in range(rng.randrange(1, 4)))
            yield "mutated", mutate(rng, base)
        else:
            yield "random", random_text(rng)
        made += 1


# --- malformed files of every format ----------------------------------------------------


def files(rng: random.Random, words: Words, count: int) -> Iterator[tuple[str, bytes]]:
    """(file name, bytes), ``count`` in all, in equal shares of the five formats."""
    makers: list[tuple[str, Callable[[random.Random, Words], bytes]]] = [
        ("txt", text_file),
        ("md", markdown_file),
        ("html", html_file),
        ("docx", docx_file),
        ("pdf", pdf_file),
    ]
    for index in range(count):
        suffix, make = makers[index % len(makers)]
        yield f"f{index:05d}.{suffix}", make(rng, words)


def _story(rng: random.Random, words: Words, sentences: int = 4) -> list[str]:
    return [
        mutate(rng, sentence(rng, words)) if rng.random() < 0.4 else sentence(rng, words)
        for _ in range(sentences)
    ]


def text_file(rng: random.Random, words: Words) -> bytes:
    text = "\n\n".join(_story(rng, words))
    shape = rng.randrange(8)
    if shape == 0:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 2000)))
    if shape == 1:
        return text.encode("utf-16")
    if shape == 2:
        return b"\xef\xbb\xbf" + text.encode()
    if shape == 3:
        return text.encode()[: rng.randrange(1, 400)] + b"\xff\xfe\xc3"
    if shape == 4:
        return text.replace("\n", "\r").encode()
    if shape == 5:
        return (text.replace("\n", " ") * 20).encode()
    if shape == 6:
        return text.replace(" ", "\x00", 3).encode()
    return text.encode()


def markdown_file(rng: random.Random, words: Words) -> bytes:
    story = _story(rng, words)
    pieces = [
        "---\ntitle: " + story[0][:30] + "\n",
        "# " + story[0],
        "```python\n" + story[1],  # a fence never closed
        "| a | b |\n|---|\n| " + story[2] + " | | | |\n| x",
        "> > " + story[3] + "\n>",
        "* " + story[1] + "\n  * [link](" + story[2] + ")",
        "<div>" + story[0] + "\n\n**" + story[3],
        "~~~\n" + story[2] + "\n```",
        "[^1]: " + story[1] + "\n\n" + story[3] + "[^1]",
        "    " + story[0],
    ]
    rng.shuffle(pieces)
    return "\n\n".join(pieces[: rng.randrange(2, len(pieces))]).encode()


def html_file(rng: random.Random, words: Words) -> bytes:
    story = _story(rng, words)
    tags = ["div", "p", "span", "table", "tr", "td", "li", "ul", "b", "script", "style", "nav"]
    body = []
    for line in story:
        opening = rng.choice(tags)
        closing = rng.choice(tags)
        body.append(f"<{opening} class=x{rng.randrange(9)}>{line}</{closing}>")
        body.append(rng.choice(["<div>", "</div>", "</p></p>", "<br>", "<!-- open", "<![CDATA[x"]))
    body.append(rng.choice(["&#xFFFFFFFF;", "&#0;", "&#55296;", "&bogus;", "&amp", "&#x1F4B0;"]))
    page = "<html><head><title>" + story[0][:40] + "</title></head><body>" + "".join(body)
    if rng.random() < 0.5:
        page += "</body></html>"
    return page.encode(rng.choice(["utf-8", "utf-8", "latin-1"]), errors="replace")


def docx_file(rng: random.Random, words: Words) -> bytes:
    from tests import documents

    # Word's XML holds no control characters: python-docx refuses them.
    story = ["".join(c for c in line if c >= " " or c in "\t\n") for line in _story(rng, words, 3)]
    buffer = io.BytesIO()
    with tempfile.NamedTemporaryFile(suffix=".docx") as handle:
        documents.write_docx(Path(handle.name), [*story, [["a", "b"], [story[0][:20], "5%"]]])
        data = Path(handle.name).read_bytes()
    shape = rng.randrange(5)
    if shape == 0:
        return data[: rng.randrange(1, len(data))]
    if shape == 1:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000)))
    if shape == 2:
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("word/document.xml", "<w:document><w:body><w:p>" + story[0])
        return buffer.getvalue()
    if shape == 3:
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
        return buffer.getvalue()
    return data


def pdf_file(rng: random.Random, words: Words) -> bytes:
    from tests import documents

    story = _story(rng, words, 3)
    lines = [line.encode("cp1252", errors="replace").decode("cp1252") for line in story]
    data = documents.pdf_bytes([lines, lines[::-1]])
    shape = rng.randrange(5)
    if shape == 0:
        return data[: rng.randrange(1, len(data))]
    if shape == 1:
        return b"%PDF-1.4\n" + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000)))
    if shape == 2:
        return b"%PDF-1.7\n%%EOF"
    if shape == 3:
        return data.replace(b"/Length", b"/Length 999999", 1)
    return data


# --- running and counting ---------------------------------------------------------------


class Hang(BaseException):
    """An input ran over its time limit. Not an Exception: tradestats reports a fault of
    one sentence and goes on, and would otherwise count the alarm as such a fault."""


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise Hang("over the time limit")


@dataclass
class Tally:
    inputs: Counter[str] = field(default_factory=Counter)
    exceptions: Counter[str] = field(default_factory=Counter)
    internal: Counter[str] = field(default_factory=Counter)
    hangs: int = 0
    examples: list[str] = field(default_factory=list)
    slowest: dict[str, tuple[float, str]] = field(default_factory=dict)
    commands: list[tuple[float, str]] = field(default_factory=list)

    def timed(
        self,
        what: str,
        label: str,
        size: int,
        run: Callable[[], list[str]],
        limit: float = TIME_LIMIT,
    ) -> None:
        """Run one input under ``limit`` seconds, counting what escapes and what it reports."""
        self.inputs[what] += 1
        signal.setitimer(signal.ITIMER_REAL, limit)
        start = time.perf_counter()
        try:
            problems = run()
        except Hang:
            self.hangs += 1
            self._example(f"hang: {what} {label}")
            return
        except Exception as error:
            name = type(error).__name__
            self.exceptions[name] += 1
            self._example(f"{name} on {what} {label}: {error}\n{traceback.format_exc(limit=-3)}")
            return
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        seconds = time.perf_counter() - start
        if what in ("cli", "process"):
            # A run over a folder has no one size: its time is listed on its own.
            self.commands.append((seconds, f"{what} {label}"))
        else:
            bucket = next((name for limit, name in SIZES if size < limit), ">= 100 K")
            if seconds > self.slowest.get(bucket, (0.0, ""))[0]:
                self.slowest[bucket] = (seconds, f"{what} {label} ({size:,} chars)")
        for problem in problems:
            self.internal[what] += 1
            self._example(f"internal error on {what} {label}: {problem}")

    def _example(self, message: str) -> None:
        if len(self.examples) < 12:
            self.examples.append(message)


def library_run(text: str) -> list[str]:
    """Extract, check and render one text; the internal errors it reported."""
    faults: list[InputProblem] = []
    figures = extract(text, path="fuzz.txt", faults=faults)
    result = check_document(Document(text, "fuzz.txt"), CONFIG, figures=figures)
    json.loads(render_json(result.figures), parse_constant=_not_json)
    for figure in figures:
        human_value(figure)
    return [problem.message for problem in faults]


def _not_json(constant: str) -> None:
    raise ValueError(f"{constant} is not JSON")


def file_run(path: Path) -> list[str]:
    from tradestats.pipeline import Task, process
    from tradestats.read import Source

    outcome = process(Source(str(path)), Task(config=CONFIG))
    return [p.message for p in outcome.problems if "internal error" in p.message]


def cli_runs(folder: Path, tally: Tally) -> None:
    """The command line over the whole folder, in every output format."""
    from typer.testing import CliRunner

    from tradestats.cli import app

    runner = CliRunner()
    out = folder.parent / "out"
    out.mkdir(exist_ok=True)
    commands = [
        ["extract", str(folder), "-f", "json", "--jobs", "1"],
        ["extract", str(folder), "-f", "csv", "--jobs", "1"],
        ["extract", str(folder), "--all", "--jobs", "1"],
        ["check", str(folder), "-f", "json", "--jobs", "1"],
        ["check", str(folder), "-f", "sarif", "--jobs", "1"],
        ["check", str(folder), "-f", "text", "--jobs", "1"],
        ["check", str(folder), "-f", "github", "--jobs", "2"],
        ["chart", str(folder), "-o", str(out / "chart.png")],
        ["report", str(folder), "--output-dir", str(out / "report")],
    ]

    for args in commands:

        def run(args: list[str] = args) -> list[str]:
            result = runner.invoke(app, args)
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                raise result.exception
            if result.exit_code not in EXIT_CODES:
                raise RuntimeError(f"exit code {result.exit_code}: {result.stderr[-300:]}")
            if args[-3:-2] == ["json"] or args[2:4] == ["-f", "json"]:
                json.loads(result.stdout, parse_constant=_not_json)
            return [line for line in result.stderr.splitlines() if "internal error" in line]

        tally.timed("cli", " ".join(args[:1] + args[2:]), 0, run, CLI_TIME_LIMIT)


def process_runs(folder: Path, rng: random.Random, tally: Tally, count: int) -> None:
    """The installed entry point as CI runs it, one file at a time in a new process: a
    smaller share, since each pays for starting Python (and quantulum3 for --all)."""
    paths = sorted(folder.iterdir())
    commands = [
        ["extract", "-f", "json"],
        ["extract", "--all"],
        ["check", "-f", "sarif"],
        ["check"],
        ["chart", "-o", "-"],
    ]
    for index in range(count):
        path = rng.choice(paths)
        args = [*commands[index % len(commands)], str(path)]

        def run(args: list[str] = args) -> list[str]:
            result = subprocess.run(
                [sys.executable, "-m", "tradestats", *args],
                capture_output=True,
                cwd=REPO_ROOT,
                env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
                timeout=CLI_TIME_LIMIT,
                check=False,
            )
            stderr = result.stderr.decode("utf-8", "replace")
            if result.returncode not in EXIT_CODES or "Traceback" in stderr:
                raise RuntimeError(f"exit code {result.returncode}: {stderr[-300:]}")
            return [line for line in stderr.splitlines() if "internal error" in line]

        tally.timed("process", " ".join([*args[:-1], path.name]), 0, run, CLI_TIME_LIMIT)


def growth_table(full: bool) -> list[str]:
    """Seconds to extract and check plain text of growing size, in three shapes."""
    rng = random.Random(1)
    words = Words()
    story = "\n\n".join(sentence(rng, words) for _ in range(400))
    shapes = {
        "news": story,
        "one line": story.replace("\n", " "),
        "dense numbers": " ".join(
            f"${rng.randrange(1, 999)}.{rng.randrange(10)} bn" for _ in range(3000)
        ),
    }
    sizes = [10_000, 100_000, 1_000_000] + ([10_000_000] if full else [])
    lines = [
        f"{'plain text':<16}" + "".join(f"{size // 1000:>10,} KB" for size in sizes) + "   ratio"
    ]
    for name, unit in shapes.items():
        cells, times = [], []
        for size in sizes:
            text = (unit * (size // len(unit) + 1))[:size]
            start = time.perf_counter()
            figures = extract(text)
            check_document(Document(text, "big.txt"), CONFIG, figures=figures)
            times.append(time.perf_counter() - start)
            cells.append(f"{times[-1]:>11.2f}s")
        # Time per character at the largest size over that at the smallest: 1 is linear.
        ratio = (times[-1] / sizes[-1]) / (times[0] / sizes[0])
        lines.append(f"{name:<16}" + "".join(f"{c:>13}" for c in cells) + f"   {ratio:5.2f}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=20_000, help="texts through the library")
    parser.add_argument("--files", type=int, default=1_000, help="malformed files")
    parser.add_argument("--processes", type=int, default=20, help="runs of python -m tradestats")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--full", action="store_true", help="time plain text up to 10 MB")
    parser.add_argument("--no-timing", action="store_true", help="skip the growth table")
    args = parser.parse_args()

    signal.signal(signal.SIGALRM, _alarm)
    rng = random.Random(args.seed)
    words = Words()
    tally = Tally()
    started = time.perf_counter()
    for how, text in texts(rng, words, args.count):
        tally.timed(
            "text", f"({how}) {text[:60]!r}", len(text), lambda text=text: library_run(text)
        )
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "inputs"
        folder.mkdir()
        for name, data in files(rng, words, args.files):
            path = folder / name
            path.write_bytes(data)
            tally.timed("file", name, len(data), lambda path=path: file_run(path))
        cli_runs(folder, tally)
        process_runs(folder, rng, tally, args.processes)

    total = sum(tally.inputs.values())
    print(f"seed        {args.seed}")
    print(
        f"inputs      {total:,} tried: "
        + ", ".join(f"{count:,} {KINDS[what]}" for what, count in sorted(tally.inputs.items()))
        + f", in {time.perf_counter() - started:.0f} s"
    )
    print(f"exceptions  {sum(tally.exceptions.values())}  {dict(tally.exceptions) or ''}")
    print(
        f"internal    {sum(tally.internal.values())} errors reported  {dict(tally.internal) or ''}"
    )
    print(f"hangs       {tally.hangs} over {TIME_LIMIT:.0f} s")
    print("slowest     by size of input:")
    for _, bucket in (*SIZES, (0, ">= 100 K")):
        if bucket in tally.slowest:
            seconds, label = tally.slowest[bucket]
            print(f"  {bucket:>9}  {seconds * 1000:9.1f} ms  {label}")
    print("commands    seconds each (a folder in process, or one file in a new process):")
    for seconds, label in sorted(tally.commands, reverse=True)[:12]:
        print(f"  {seconds:9.1f} s  {label}")
    for example in tally.examples:
        print("example    ", example)
    if not args.no_timing:
        print()
        for line in growth_table(args.full):
            print(line)
        print("(ratio: time per character at the largest size over that at 10 KB; 1 is linear)")
    failed = sum(tally.exceptions.values()) + sum(tally.internal.values()) + tally.hangs
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
