"""Reference data (countries, currencies, scales) read from the files in ``tradestats/data``.

The files are the single source of truth; code only compiles them into lookups once.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from importlib import resources

from tradestats.extraction.folding import fold_form


def _rows(name: str) -> list[list[str]]:
    text = resources.files("tradestats").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def _alternatives(cell: str) -> list[str]:
    return [] if cell in ("", "-") else [form.strip() for form in cell.split("|") if form.strip()]


@cache
def scale_factors() -> dict[str, Decimal]:
    """``name -> factor`` from scales.txt (pint definition syntax, read without pint)."""
    text = resources.files("tradestats").joinpath("data", "scales.txt").read_text("utf-8")
    factors: dict[str, Decimal] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, factor = (part.strip() for part in line.split("=", 1))
            factors[name] = Decimal(factor)
    return factors


@cache
def country_names() -> dict[str, str]:
    """Surface form (case as written) -> ISO 3166 alpha-2 or group code."""
    names: dict[str, str] = {}
    for row in _rows("countries.tsv"):
        code = row[0]
        for form in _alternatives(row[1] if len(row) > 1 else ""):
            names.setdefault(form, code)
    return names


# Marks a prefix that stands for its currency only glued to a number with a scale word or
# digit groups after it (see currencies.tsv).
_STRICT = "~"


@cache
def currency_prefixes() -> dict[str, str]:
    """Symbol or code written before a number -> ISO 4217."""
    prefixes: dict[str, str] = {}
    for row in _rows("currencies.tsv"):
        for form in _alternatives(row[1] if len(row) > 1 else ""):
            prefixes.setdefault(form.removesuffix(_STRICT), row[0])
    return prefixes


@cache
def strict_currency_prefixes() -> frozenset[str]:
    """The prefixes too short to stand for a currency unless glued to a scaled amount."""
    return frozenset(
        form.removesuffix(_STRICT)
        for row in _rows("currencies.tsv")
        for form in _alternatives(row[1] if len(row) > 1 else "")
        if form.endswith(_STRICT)
    )


@cache
def currency_words() -> dict[str, str]:
    """Currency name written after a number, folded (``fold_form``) -> ISO 4217."""
    words: dict[str, str] = {}
    for row in _rows("currencies.tsv"):
        for form in _alternatives(row[2] if len(row) > 2 else ""):
            words.setdefault(fold_form(form), row[0])
    return words


def trie_pattern(
    forms: list[str], case_blind: bool = False, not_after: str = "", space: str = ""
) -> str:
    """A regex for any of ``forms``, as a trie so that a failed try costs one character.

    A plain ``a|b|c`` alternation of a hundred currency names is tried name by name at
    every position; the trie shares prefixes and fails on the first character that no
    name continues with. Longer forms win because each branch keeps its continuation.

    ``not_after``, a character class, is a character that may not come before a form. It
    is tested after the first letter, not before: a pattern that opens with the trie
    itself lets the engine jump from one possible first letter to the next without
    trying the positions in between. ``space``, a pattern, stands for each space in a form
    (``r"\\s+"`` for words that a line break may separate).
    """
    trie: dict[str, dict] = {}
    for form in forms:
        node = trie
        for char in form.lower() if case_blind else form:
            node = node.setdefault(char, {})
        node[""] = {}

    def letter(char: str) -> str:
        if char == " " and space:
            return space
        # "[tT]" rather than IGNORECASE, which would cost the engine its first-letter test.
        if case_blind and char.upper() != char and len(char.upper()) == 1:
            return f"[{char}{char.upper()}]"
        return re.escape(char)

    def render(node: dict[str, dict], top: bool = False) -> str:
        ends = "" in node
        branches = [
            letter(char)
            + (f"(?<!{not_after}{letter(char)})" if top and not_after else "")
            + render(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return render(trie, top=True)
