"""Adapter for quantulum3 and pint: tonnes, barrels and other non-money quantities.

Every quantulum3 call stays in this module and its results become our own Figures at
once. quantulum3 is slow to load (seconds) and slower than linear on long inputs, so it
is imported only when quantities are asked for, runs one sentence at a time, and sees
only the sentences where the trade grammar left digits unclaimed, with the trade
figures blanked out.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from tradestats.extraction.grammar import _DIGITS, _plain, parse_number
from tradestats.extraction.refdata import scale_factors
from tradestats.models import Document, Figure
from tradestats.segment import Sentence

# Durations, dates, years and bare counts are not trade quantities; money and percent
# belong to the trade grammar. Angles in trade text are misread durations ("50-minute").
_SKIP_ENTITIES = frozenset({"dimensionless", "time", "currency", "unknown", "angle"})
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(_DIGITS)
# quantulum3 multiplies in floats: "8.2 million" comes back as 8199999.999999999.
_FLOAT_ERROR = Decimal("1e-9")
# A number of more digits than a float holds is no quantity any report prints, and
# quantulum3's number pattern backtracks over a long run of digits: 40 digits before a
# unit cost it a second, 400 minutes. Such a number is blanked out before quantulum3
# sees the sentence, and reported; the trade grammar reads (or refuses) it on its own.
MAX_QUANTITY_DIGITS = 15
# Digits in any script (quantulum3's pattern is just as slow on Arabic-Indic ones),
# joined by a comma or a point, or by a space before a group of three ("1 741 000"):
# the whole number is counted, since its value is computed exactly from its digits.
_DIGIT_RUN = re.compile(r"\d+(?:[,.]\d+|[\u00a0 ]\d{3}(?!\d))*")

# Abbreviations of the trade press that quantulum3 reads as other units: "mln" as cubic
# centimetre newton, "bpd" as base pair day, "mb/d" as millibarn per day. They are
# spelled out before it sees them, and its spans are mapped back to the source.
_SPELLED_OUT = {
    "mln": "million",
    "mn": "million",
    "bln": "billion",
    "bn": "billion",
    "bpd": "barrels per day",
    "b/d": "barrels per day",
    "bbl/d": "barrels per day",
    "mb/d": "million barrels per day",
    "mbpd": "million barrels per day",
    "mmb/d": "million barrels per day",
    "kb/d": "thousand barrels per day",
    "tb/d": "thousand barrels per day",
}
# In any case ("MLN"), except "mn", which in capitals is Minnesota; also glued to the
# number ("300kb/d").
_ABBREVIATION = re.compile(
    r"(?<![^\W\d]|/)(?:"
    + "|".join(
        "(?-i:mn)" if form == "mn" else re.escape(form)
        for form in sorted(_SPELLED_OUT, key=len, reverse=True)
    )
    + r")(?![\w/])",
    re.IGNORECASE,
)


# Words that quantulum3 also reads as units: "906 mln in March" is no 906 million inches,
# "3rd" no 3 rutherford. A lone letter ("78 mln V") is as often a label as a unit, except
# the "t" of tonnes, common in commodity reports.
_LETTER_UNITS = frozenset({"t"})
_WORDS_NOT_UNITS = frozenset(
    {"in", "at", "a", "an", "as", "by", "of", "on", "or", "to", "per", "st", "nd", "rd", "th"}
)


@cache
def _scale_words() -> re.Pattern[str]:
    """The scale words of scales.txt ("million", "lakh"), which quantulum3 keeps in a
    quantity's surface."""
    names = {word for name in scale_factors() for word in name.split("_")}
    return re.compile(rf"\s*\b(?:{'|'.join(sorted(names))})\b", re.IGNORECASE)


def _unit_text(surface: str, number: re.Match[str]) -> str:
    """What follows the number in a quantulum3 surface, without scale words."""
    return _scale_words().sub("", surface[number.end() :]).strip()


def spell_out(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` with the abbreviations spelled out, and for each of its characters the
    start and the end of what it stands for in ``text``."""
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = 0
    for match in _ABBREVIATION.finditer(text):
        parts.append(text[done : match.start()])
        starts.extend(range(done, match.start()))
        ends.extend(range(done + 1, match.start() + 1))
        words = _SPELLED_OUT[match.group(0).lower()]
        if text[match.start() - 1 : match.start()].isdigit():
            words = " " + words  # "300kb/d": quantulum3 reads "300 thousand", not "300thousand"
        parts.append(words)
        starts.extend([match.start()] * len(words))
        ends.extend([match.end()] * len(words))
        done = match.end()
    parts.append(text[done:])
    starts.extend(range(done, len(text)))
    ends.extend(range(done + 1, len(text) + 1))
    return "".join(parts), starts, ends


@cache
def unit_registry() -> Any:
    """One pint registry, with the scale words of the trade grammar loaded into it."""
    from importlib import resources

    import pint

    registry = pint.UnitRegistry(non_int_type=Decimal)
    with resources.as_file(resources.files("tradestats").joinpath("data", "scales.txt")) as path:
        registry.load_definitions(str(path))
    return registry


def pint_unit_name(name: str) -> str:
    """pint's canonical name for a quantulum3 unit name, or the name itself if pint lacks it."""
    import pint

    registry = unit_registry()
    try:
        return str(registry.parse_units(name.replace(" ", "_")))
    except (pint.errors.UndefinedUnitError, AttributeError, TypeError, ValueError):
        return name


def _parse(text: str) -> list[Any]:
    with warnings.catch_warnings():
        # quantulum3 warns at import that its optional classifier is not installed.
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        return parser.parse(text)


def find_quantities(
    document: Document,
    sentences: Sequence[Sentence],
    figures: Sequence[Figure],
    on_fault: Callable[[Sentence, Exception], None] | None = None,
    on_long_number: Callable[[int, int], None] | None = None,
) -> list[Figure]:
    """The quantities of each sentence; with ``on_fault``, a sentence that fails to be
    read (quantulum3 raises on some odd inputs) is reported to it and costs only itself.

    A number of more than MAX_QUANTITY_DIGITS digits is not read as a quantity; its
    offset in the document and its count of digits go to ``on_long_number``, so that
    the caller can say so instead of dropping it without a word.
    """
    found: list[Figure] = []
    for sentence in sentences:
        if on_fault is None:
            found.extend(_sentence_quantities(document, sentence, figures, on_long_number))
            continue
        try:
            found.extend(_sentence_quantities(document, sentence, figures, on_long_number))
        except Exception as error:
            on_fault(sentence, error)
    return found


def _sentence_quantities(
    document: Document,
    sentence: Sentence,
    figures: Sequence[Figure],
    on_long_number: Callable[[int, int], None] | None = None,
) -> list[Figure]:
    text = document.text
    chunk = list(text[sentence.start : sentence.end])
    for figure in figures:
        if figure.end > sentence.start and figure.start < sentence.end:
            for i in range(max(figure.start, sentence.start), min(figure.end, sentence.end)):
                chunk[i - sentence.start] = " "
    masked = "".join(chunk)
    if not _DIGIT.search(masked):
        return []
    masked = _blank_long_numbers(masked, sentence.start, on_long_number)
    if not _DIGIT.search(masked):
        return []
    spelled, starts, ends = spell_out(masked)
    found: list[Figure] = []
    for quantity in _parse(spelled):
        start, end = quantity.span
        # quantulum3 spans can drift from its surfaces; keep only those that match.
        if not 0 <= start < end <= len(spelled) or spelled[start:end] != quantity.surface:
            continue
        figure = _to_figure(
            document, sentence.start + starts[start], sentence.start + ends[end - 1], quantity
        )
        if figure is not None:
            found.append(figure)
    return found


def _blank_long_numbers(
    masked: str, offset: int, on_long_number: Callable[[int, int], None] | None
) -> str:
    """``masked`` with every number of more than MAX_QUANTITY_DIGITS digits blanked out
    (same length, so offsets still hold); each one reported with its document offset."""
    parts: list[str] = []
    done = 0
    for run in _DIGIT_RUN.finditer(masked):
        digits = sum(c.isdigit() for c in run.group(0))
        if digits <= MAX_QUANTITY_DIGITS:
            continue
        if on_long_number is not None:
            on_long_number(offset + run.start(), digits)
        parts.append(masked[done : run.start()])
        parts.append(" " * (run.end() - run.start()))
        done = run.end()
    if not parts:
        return masked
    parts.append(masked[done:])
    return "".join(parts)


def _to_figure(document: Document, start: int, end: int, quantity: Any) -> Figure | None:
    """``start:end`` is where the quantity stands in the document."""
    if quantity.unit.entity.name in _SKIP_ENTITIES or quantity.unit.name == "percentage":
        return None
    numbers = list(_NUMBER.finditer(quantity.surface))[:2]
    if not numbers:
        return None
    unit_text = _unit_text(quantity.surface, numbers[-1])
    if (len(unit_text) < 2 and unit_text not in _LETTER_UNITS) or (
        unit_text.lower() in _WORDS_NOT_UNITS
    ):
        return None
    try:
        printed = [parse_number(number.group(0)) for number in numbers]
        value = Decimal(repr(quantity.value))
    except (InvalidOperation, KeyError, ValueError):
        return None
    if not value.is_finite():
        return None  # "1e400 tonnes" overflows quantulum3's float
    # quantulum3 reads a range ("5-6 tonnes") as its midpoint.
    low, high = printed[0][0], printed[-1][0]
    if high < low:
        return None
    middle = (low + high) / 2
    scale = _scale(value / middle) if middle else Decimal(1)
    if scale is None:
        # Not the printed number times a scale: quantulum3 averaged a range it read across
        # two unrelated numbers ("1987 to 2.0 mln tonnes"), or misread the number.
        return None
    low_bound: Decimal | None = None
    high_bound: Decimal | None = None
    if len(numbers) > 1:
        low_bound, high_bound = sorted((_plain(low * scale), _plain(high * scale)))
    line, column = document.position(start)
    return Figure(
        text=document.text[start:end],
        start=start,
        end=end,
        line=line,
        column=column,
        kind="quantity",
        # From the printed digits, not from quantulum3's float: 8.2 million, not 8199999.99.
        value=_plain(middle * scale),
        unit=pint_unit_name(quantity.unit.name),
        printed="-".join(number.group(0) for number in numbers),
        ulp=_plain(min(ulp for _, ulp in printed) * abs(scale)),
        path=document.path,
        low=low_bound,
        high=high_bound,
    )


def _scale(factor: Decimal) -> Decimal | None:
    """The power of ten, with its sign, that ``factor`` is up to a float's rounding."""
    if not factor:
        return None
    size = abs(factor)
    for power in (Decimal(10) ** size.adjusted(), Decimal(10) ** (size.adjusted() + 1)):
        if abs(size - power) <= power * _FLOAT_ERROR:
            return power.copy_sign(factor)
    return None
