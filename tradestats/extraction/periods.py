"""Periods as trade writing states them, resolved to spans of whole months.

A period mention is either absolute once resolved ("July 2024", "FY26", "H1 2025", "April-July
FY26") or relative to another period ("a year earlier", "the same period last year", "last
month"). Mentions without a year ("in July") take the year from the text around them, or
from the document date when the caller knows it; otherwise the year stays unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from tradestats.dates import MONTH_NAME, MONTHS
from tradestats.extraction import skipping
from tradestats.extraction.folding import fold
from tradestats.extraction.refdata import trie_pattern
from tradestats.extraction.skipping import WHOLE

_MONTH = MONTH_NAME
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "final": 4, "last": 4,
}  # fmt: skip
_COUNT_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9,
    "10": 10, "11": 11, "twelve": 12, "12": 12,
}  # fmt: skip

# Month in which each reporter's fiscal year starts, where trade statistics use one.
# India and Japan: April; Pakistan, Bangladesh, Australia, New Zealand, Egypt: July.
FISCAL_START = {"IN": 4, "JP": 4, "PK": 7, "BD": 7, "AU": 7, "NZ": 7, "EG": 7, "KE": 7}
DEFAULT_FISCAL_START = 4

_YEAR = r"(?:19[5-9]\d|20\d\d)"
_FY = (
    rf"(?:FY\s?'?(?P<fy4>{_YEAR})(?:[-–/](?P<fy4b>\d{{2,4}}))?|FY\s?'?(?P<fy2>\d{{2}})(?:[-–/](?P<fy2b>\d{{2}}))?"
    rf"|(?P<split>{_YEAR})[-–/](?P<splitb>\d{{2}}|{_YEAR})(?!\d)"
    rf"|(?i:fiscal)(?:\s+year)?\s+(?P<fyfull>{_YEAR})(?:[-–/](?P<fyfullb>\d{{2,4}}))?)"
)
# "this year", "last fiscal year", "the current year": a year counted from the date of
# writing, as the year part of "the first half of this year" or "December last year".
_DEICTIC_YEAR = (
    r"(?P<ryear>(?i:this|last|next|the\scurrent|current))\s(?i:(?:fiscal\s|financial\s)?year)"
)
_YEAR_OR_FY = rf"(?:{_FY}|(?P<year>{_YEAR})|{_DEICTIC_YEAR})"


def _year_part(name: str) -> str:
    # Same groups again under a suffix so one pattern can hold two period parts.
    return re.sub(r"\?P<(\w+)>", rf"?P<\1{name}>", _YEAR_OR_FY)


# What a period mention can begin with. Most words begin none, and this test rejects them
# before the alternatives below are tried one by one. It runs only at the start of a word:
# the cheaper test of the character before comes first.
_PERIOD_START = "|".join(
    (
        # A day before a month, "3 months", "1st quarter", a year.
        r"\d{1,2}\s[A-Z]|(?:3|6|9|12)\s|[1-4](?:[sS][tT]|[nN][dD]|[rR][dD]|[tT][hH])",
        r"19[5-9]\d|20\d\d",
        trie_pattern(
            [*(name.title() for name in MONTHS), "Q1", "Q2", "Q3", "Q4", "H1", "H2", "FY"]
        ),
        trie_pattern(["three", "six", "nine", "twelve"]),
        # "The" itself is too common to let through: only before the words that follow it.
        "[tT][hH][eE]\\s(?:"
        + trie_pattern(
            ["first", "past", "last", "latest", "current", "whole", "full", "entire", "total"],
            case_blind=True,
        )
        + "|three|six|nine|twelve|3|6|9|12)",
        trie_pattern(
            [
                "past",
                "last",
                "latest",
                "ytd",
                "first",
                "second",
                "third",
                "fourth",
                "final",
                "whole",
                "full",
                "entire",
                "so far",
            ],
            case_blind=True,
        ),
        # "This" and "next" are common words: only before a unit or a month name.
        "(?:[tT]his|[nN]ext|[cC]urrent)\\s(?:"
        + trie_pattern(["year", "month", "quarter", "fiscal", "financial"], case_blind=True)
        + "|"
        + trie_pattern([name.title() for name in MONTHS])
        + ")",
        trie_pattern(["fiscal"], case_blind=True),
        "[yY][eE][aA][rR][-\\s][tT][oO][-\\s]",
    )
)

# Every character that a match of _PERIOD_START can begin with.
_PERIOD_FIRST = r"\dACDFHJMNOQSTcfLlnPpsYytWwEe"
_PERIOD_BODY = rf"""
    (?={_PERIOD_START})(?:
        (?P<date>\d{{1,2}}\s{_MONTH},?\s{_YEAR}|{_MONTH}\s\d{{1,2}},\s{_YEAR})
      # Each branch below first tests the letters it can begin with, which rejects it far
      # sooner than its case-blind words would.
      | (?=[tTpPlLsSnN\d])(?:(?i:the\s)?(?:(?i:past|last|latest)\s)?(?P<trailing>three|six|nine|twelve|3|6|9|12)\s(?i:months?)
            \s(?i:ending|ended|to|through)\s(?:(?i:in)\s)?(?P<tmonth>{_MONTH})(?![A-Za-z])(?:,?\s?(?:{_year_part("g")}))?)
      | (?=[yYsStT])(?P<ytd>(?i:year[-\s]to[-\s]date|YTD|so\sfar\sthis\syear|this\syear['’]s\scumulative))
      # "for the total of the year", "the full year": the whole year the story is about.
      | (?=[tTwWfFeE])(?P<wholeyear>(?i:(?:the\s)?(?:whole|full|entire)\s(?:calendar\s)?year|(?:the\s)?total\sof\sthe\syear|full[-\s]year))
      | (?=[tTfFsSlL])(?i:(?:the\s)?(?:(?:first|last)\s\d{{1,2}}\sdays|(?:first|second|latter)\shalf)\sof\s)(?P<dmonth>{_MONTH})(?![A-Za-z])(?:,?\s?(?:{_year_part("h")}))?
      # "01 January to 30 September 2017": days on both ends, months in between.
      | (?:\d{{1,2}}\s)?(?P<m1>{_MONTH})(?:\s?\d{{1,2}}(?:[-–]\d{{1,2}})?)?\s?(?:[-–—]|\s(?:to|through|and)\s)\s?
            (?:\d{{1,2}}\s)?(?P<m2>{_MONTH})(?![A-Za-z])(?:,?\s?(?:of\s)?(?:{_year_part("a")}))?
      | (?=[QfFsStTlL1-4])(?P<q>Q[1-4]|(?i:first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s(?i:quarter))
            (?:,?\s?(?:of\s)?(?:the\s)?(?:{_year_part("b")}))?
      | (?=[HfFsS])(?P<h>H[12]|(?i:first|second)\s(?i:half))(?:,?\s?(?:of\s)?(?:the\s)?(?:{_year_part("c")})|\s(?P<hyear>(?i:of\sthe\syear)))?
      | (?=[tTfF])(?i:(?:the\s)?first\s)(?P<nmonths>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{{1,2}})
            \s(?i:months)(?:\s(?:of\s)?(?:the\s)?(?:{_year_part("d")}|(?P<curfy>current\sfiscal\syear|fiscal\syear|year)))?
      | (?=[tTnNcC])(?P<dunit>(?i:this|next|the\scurrent|current)\s(?:(?i:fiscal|financial)\s)?(?i:year|month|quarter))
      | (?P<mdeixis>(?i:last|this|next)\s)?(?P<month>{_MONTH})(?![A-Za-z])(?P<days>\s\d{{1,2}}(?P<dayrange>(?:[-–]|\s(?:to|through)\s)\d{{1,2}})?(?!\d))?(?:,?\s?(?:of\s)?(?:{_year_part("e")}))?
      | {_year_part("f")}
    )(?![\w%])
    """
PERIOD_PATTERN = skipping.after_other(_PERIOD_FIRST, r"\w-", _PERIOD_BODY, re.VERBOSE)

# Over the folded text (see folding.py).
_RELATIVE_BODY = r"""(?:
        (?P<yago>a\s+year\s+(?:earlier|ago|before)|(?:the\s+)?year[-\s]ago(?:\s+(?:period|month|quarter|level))?
          |(?:the\s+)?(?:same|corresponding|like)\s+(?:period|month|quarter|time|half)\s+(?:of\s+|in\s+)?(?:the\s+)?(?:last|previous|prior|a|preceding)\s+(?:fiscal\s+|financial\s+|calendar\s+)?year(?:\s+(?:ago|earlier|before))?
          |(?:the\s+)?(?:previous|prior|preceding)\s+(?:fiscal\s+|financial\s+)?year|last\s+(?:fiscal\s+|financial\s+)?year)
      | (?P<mago>a\s+month\s+(?:earlier|ago|before)|(?:the\s+)?(?:previous|prior|preceding)\s+month|last\s+month)
      | (?P<qago>a\s+quarter\s+(?:earlier|ago|before)|(?:the\s+)?(?:previous|prior|preceding)\s+quarter|last\s+quarter)
      # "in that period", "during the period": the period at hand, named before.
      # Not "the period from ...", "the period April-March 2019-20", "the period to March".
      | (?P<same>(?:that|the|this)\s+period(?![\w-]|\s+(?:(?:to|in|ending|ended)\s+(?:the\s+)?)?(?:from|of|between|since|for|\d
            |jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|q[1-4]|h[12]|fy|first|second|third|fourth
            |last|calendar|fiscal|financial|end)))
    )(?!\w)"""
RELATIVE_PATTERN = skipping.pattern("atysclp", r"(?<!\w)", _RELATIVE_BODY, re.VERBOSE)


# Relative to the date of writing, not to another period (matched in the folded text).
_DEICTIC = re.compile(r"last\s+(?:month|quarter|(?:fiscal\s+|financial\s+)?year)")


# Not frozen: one is made for every period named (see ``context.Mention``).
@dataclass(slots=True)
class PeriodMention:
    """A period found in the text; ``shift`` is set for relative ones (months back)."""

    start: int
    end: int
    text: str
    first: tuple[int | None, int] | None = None  # (year or None, month)
    last: tuple[int | None, int] | None = None
    shift: int | None = None
    has_year: bool = False
    # "the first eight months": counted from the start of whichever year the text is in.
    from_year_start: bool = False
    # "last month", "last year": relative to the date of writing, not to another period.
    deictic: bool = False
    # "the first half of this year", "December last year": the year is the year of
    # writing plus this many (0, -1, +1); ``fiscal`` when it names a fiscal year.
    year_shift: int | None = None
    fiscal: bool = False
    # "last May", "this May", "next May": the month name counted from the date of writing.
    month_deixis: str | None = None
    # "this month", "this quarter": the unit that holds the date of writing.
    current_unit: str | None = None
    # "16 August 2019", "from August 7": a day, which a figure's period never is.
    day: bool = False
    # "the full year", "the second half of the year": in the year the story is about.
    story_year: bool = False
    shape: str = ""  # the name of the entry of SHAPES that read it


@dataclass(frozen=True, slots=True)
class StatedPeriod:
    """A period as :func:`tradestats.periods` returns it.

    ``start`` and ``end`` are offsets of ``text``; ``period_start`` and ``period_end``
    are ``YYYY-MM``, or None where no year can be known.
    """

    text: str
    start: int
    end: int
    period_start: str | None
    period_end: str | None


def month_number(token: str) -> int:
    return MONTHS[token[:3].lower()]


def _century(two_digits: str) -> int:
    value = int(two_digits)
    return 2000 + value if value < 50 else 1900 + value


_YEAR_GROUPS = ("year", "fy4", "fy4b", "fy2", "fy2b", "split", "splitb", "fyfull", "fyfullb")


def _fiscal_end_year(g: dict[str, str | None]) -> int | None:
    """Calendar year in which the fiscal year named by the groups ends."""
    if g["fy4"]:
        return int(g["fy4"]) + 1 if g["fy4b"] else int(g["fy4"])
    if g["fy2"]:
        return _century(g["fy2b"]) if g["fy2b"] else _century(g["fy2"])
    if g["split"]:
        first, second = int(g["split"]), g["splitb"] or ""
        end = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        return end if end == first + 1 else None
    if g["fyfull"]:
        return int(g["fyfull"]) + 1 if g["fyfullb"] else int(g["fyfull"])
    return None


def _resolve_span(
    groups: re.Match[str], suffix: str, fiscal_start: int
) -> tuple[str, int | None] | None:
    """('calendar', year), ('fiscal', end_year), or ('deictic', shift) for "this year",
    "last year" (``deictic-fiscal`` for "this fiscal year"), from the year part; None if absent."""
    deictic = groups["ryear" + suffix]
    if deictic:
        word = deictic.split()[-1].lower()
        shift = {"last": -1, "next": 1}.get(word, 0)
        tail = groups.string[groups.start("ryear" + suffix) : groups.end(WHOLE)]
        fiscal = re.search(r"(?i)fiscal|financial", tail) is not None
        return ("deictic-fiscal" if fiscal else "deictic"), shift
    year = groups["year" + suffix]
    if year:
        # A plain year, the commonest: no need for the fiscal year's groups.
        return "calendar", int(year)
    part = {name: groups[name + suffix] for name in _YEAR_GROUPS}
    end_year = _fiscal_end_year(part)
    if end_year is None:
        return None
    return "fiscal", end_year


def _month_in_fiscal(month: int, end_year: int, fiscal_start: int) -> tuple[int, int]:
    if fiscal_start == 1:
        return end_year, month
    return (end_year - 1, month) if month >= fiscal_start else (end_year, month)


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def parse_period(
    match: re.Match[str], fiscal_start: int, shape: bool = False, days: bool = False
) -> PeriodMention | None:
    """The mention a match of PERIOD_PATTERN stands for; ``shape`` names its shape too
    (for the examples of SHAPES: a figure's period needs no name)."""
    mention = _parse_period(match, fiscal_start, days)
    if mention is None or not shape:
        return mention
    # Set on the mention just made, before anyone sees it.
    mention.shape = next((name for group, name in _BRANCHES if match.group(group)), "year")
    return mention


def _parse_period(match: re.Match[str], fiscal_start: int, days: bool) -> PeriodMention | None:
    # Looked up one name at a time: the pattern has some seventy groups, and a dict of
    # them all for every mention would cost more than the rest of this function.
    groups = match
    text = match.group(WHOLE)
    start, end = match.span(WHOLE)

    def mention(
        first: tuple[int | None, int], last: tuple[int | None, int], has_year: bool
    ) -> PeriodMention:
        return PeriodMention(start, end, text, first, last, None, has_year)

    def months_of(span: tuple[str, int | None] | None, m_first: int, m_last: int) -> PeriodMention:
        if span is None:
            return mention((None, m_first), (None, m_last), False)
        kind, year = span
        if kind.startswith("deictic"):
            return PeriodMention(
                start, end, text, (None, m_first), (None, m_last), None, False,
                year_shift=year, fiscal=kind == "deictic-fiscal",
            )  # fmt: skip
        assert year is not None
        if kind == "calendar":
            return mention((year, m_first), (year, m_last), True)
        y1, mm1 = _month_in_fiscal(m_first, year, fiscal_start)
        y2, mm2 = _month_in_fiscal(m_last, year, fiscal_start)
        return mention((y1, mm1), (y2, mm2), True)

    if groups["date"]:
        # "16 August 2019", "March 26, 1987": a day, not a period of trade data; as a
        # period it is its month.
        if not days:
            return None
        day = re.search(rf"{_YEAR}", text)
        assert day is not None
        month = month_number(re.search(_MONTH, text).group(0))  # type: ignore[union-attr]
        year = int(day.group(0))
        return PeriodMention(start, end, text, (year, month), (year, month), None, True, day=True)
    if groups["trailing"]:
        count = _COUNT_WORDS.get(groups["trailing"].lower(), 12)
        month = month_number(groups["tmonth"])
        span = _resolve_span(groups, "g", fiscal_start)
        if span and span[0].startswith("deictic"):
            first_month = _shift_month(2000, month, 1 - count)[1]
            return months_of(span, first_month, month)
        year = span[1] if span and span[0] == "calendar" else None
        first = _shift_month(year or 2000, month, 1 - count)
        if year is None:
            # "the three months ending in July": year from context, like a bare month.
            return PeriodMention(start, end, text, (None, first[1]), (None, month), None, False)
        return mention(first, (year, month), True)
    if groups["dmonth"]:
        month = month_number(groups["dmonth"])
        return months_of(_resolve_span(groups, "h", fiscal_start), month, month)
    if groups["ytd"]:
        return PeriodMention(start, end, text, (None, 1), None, None, False, True)
    if groups["wholeyear"]:
        return PeriodMention(start, end, text, (None, 1), (None, 12), story_year=True)
    if groups["m1"]:
        span = _resolve_span(groups, "a", fiscal_start)
        m_first, m_last = month_number(groups["m1"]), month_number(groups["m2"])
        if span and span[0].startswith("deictic"):
            return months_of(span, m_first, m_last)
        if span and span[0] == "calendar" and m_last < m_first:
            # "November-February 2020": the range runs into the stated year.
            year = span[1] or 0
            return mention((year - 1, m_first), (year, m_last), True)
        if span and span[0] == "fiscal":
            return months_of(span, m_first, m_last)
        if span is None and m_last < m_first:
            return PeriodMention(start, end, text, (None, m_first), (None, m_last), None, False)
        return months_of(span, m_first, m_last)
    if groups["q"]:
        quarter = groups["q"]
        number = int(quarter[1]) if quarter[0] in "Qq" else _ORDINALS[quarter.split()[0].lower()]
        span = _resolve_span(groups, "b", fiscal_start)
        if span is None and quarter.lower().startswith("last"):
            return None  # "last quarter" alone: the one before now (RELATIVE_PATTERN)
        if span and span[0] == "deictic-fiscal":
            first_month = (fiscal_start - 1 + 3 * (number - 1)) % 12 + 1
            return months_of(span, first_month, (first_month + 1) % 12 + 1)
        if span and span[0] == "fiscal":
            first_month = (fiscal_start - 1 + 3 * (number - 1)) % 12 + 1
            year = span[1] or 0
            y1, m1 = _month_in_fiscal(first_month, year, fiscal_start)
            y2, m2 = _shift_month(y1, m1, 2)
            return mention((y1, m1), (y2, m2), True)
        return months_of(span, 3 * number - 2, 3 * number)
    if groups["h"]:
        half = groups["h"]
        number = int(half[1]) if half[0] in "Hh" else (1 if half.lower().startswith("first") else 2)
        span = _resolve_span(groups, "c", fiscal_start)
        if span and span[0] == "deictic-fiscal":
            first_month = fiscal_start if number == 1 else (fiscal_start + 5) % 12 + 1
            return months_of(span, first_month, (first_month + 4) % 12 + 1)
        if span and span[0] == "fiscal":
            year = span[1] or 0
            first_month = fiscal_start if number == 1 else (fiscal_start + 5) % 12 + 1
            y1, m1 = _month_in_fiscal(first_month, year, fiscal_start)
            y2, m2 = _shift_month(y1, m1, 5)
            return mention((y1, m1), (y2, m2), True)
        if groups["hyear"]:
            # "the second half of the year": of the year the story is about.
            return replace(months_of(None, 6 * number - 5, 6 * number), story_year=True)
        return months_of(span, 6 * number - 5, 6 * number)
    if groups["nmonths"]:
        count = _COUNT_WORDS.get(groups["nmonths"].lower())
        if count is None:
            return None
        span = _resolve_span(groups, "d", fiscal_start)
        if span and span[0].startswith("deictic"):
            first_month = fiscal_start if span[0] == "deictic-fiscal" else 1
            m_last = (first_month - 1 + count - 1) % 12 + 1
            return months_of(span, first_month, m_last)
        if span is None:
            fiscal = bool(groups["curfy"] and "fiscal" in groups["curfy"].lower())
            first_month = fiscal_start if fiscal else 1
            m_last = (first_month - 1 + count - 1) % 12 + 1
            return PeriodMention(
                start, end, text, (None, first_month), (None, m_last), None, False, True
            )
        if span[0] == "fiscal":
            year = span[1] or 0
            y1, m1 = _month_in_fiscal(fiscal_start, year, fiscal_start)
            y2, m2 = _shift_month(y1, m1, count - 1)
            return mention((y1, m1), (y2, m2), True)
        return months_of(span, 1, count)
    if groups["month"]:
        month = month_number(groups["month"])
        span = _resolve_span(groups, "e", fiscal_start)
        if groups["days"] and not groups["dayrange"]:
            # "from August 7", "LONDON, March 26": a day, not a period of trade data.
            return replace(months_of(span, month, month), day=True) if days else None
        deixis = groups["mdeixis"]
        if deixis and span is None:
            return PeriodMention(
                start, end, text, (None, month), (None, month), None, False,
                month_deixis=deixis.strip().lower(),
            )  # fmt: skip
        return months_of(span, month, month)
    if groups["dunit"]:
        words = groups["dunit"].lower().split()
        unit, shift = words[-1], 1 if words[0] == "next" else 0
        if unit == "year":
            fiscal = "fiscal" in words or "financial" in words
            first_month = fiscal_start if fiscal else 1
            return PeriodMention(
                start, end, text, (None, first_month), (None, (first_month + 10) % 12 + 1),
                None, False, year_shift=shift, fiscal=fiscal,
            )  # fmt: skip
        return PeriodMention(start, end, text, current_unit=f"{'next ' if shift else ''}{unit}")
    span = _resolve_span(groups, "f", fiscal_start)
    if span is None or span[0].startswith("deictic"):
        # "last year" alone is a relative period (RELATIVE_PATTERN); "this year" a dunit.
        return None
    if span[0] == "calendar":
        return months_of(span, 1, 12)
    year = span[1] or 0
    y1, m1 = _month_in_fiscal(fiscal_start, year, fiscal_start)
    y2, m2 = _shift_month(y1, m1, 11)
    return mention((y1, m1), (y2, m2), True)


DATE_PATTERN = re.compile(
    rf"(?<![\w-])(?:(?P<d1>\d{{1,2}})\s(?P<m1>{_MONTH}),?\s(?P<y1>{_YEAR})"
    rf"|(?P<m2>{_MONTH})\s(?P<d2>\d{{1,2}}),\s(?P<y2>{_YEAR})|(?P<iso>{_YEAR}-[01]\d-[0-3]\d))(?!\w)"
)


# Every date holds a year; the date pattern is tried only around one. The lead digit is
# a plain character set, which lets the engine skip to candidates at once.
_YEAR_DIGITS = re.compile(r"(?:19[5-9]|20\d)\d")
# The longest run before the year: "16 September, " (two digits, nine letters, three more).
_DATE_BEFORE_YEAR = 20
_DATE_AFTER_YEAR = len("-08-16")


def first_date(text: str) -> tuple[int, int] | None:
    """(year, month) of the first full date written in the text: a dateline or a caption."""
    for year in _YEAR_DIGITS.finditer(text):
        match = DATE_PATTERN.search(
            text, max(0, year.start() - _DATE_BEFORE_YEAR), year.end() + _DATE_AFTER_YEAR
        )
        if match is not None:
            break
    else:
        return None
    if match.group("iso"):
        return int(match.group("iso")[:4]), int(match.group("iso")[5:7])
    year = match.group("y1") or match.group("y2")
    month = match.group("m1") or match.group("m2")
    return int(year), month_number(month)


def find_periods(
    text: str,
    start: int,
    end: int,
    fiscal_start: int,
    folded: str | None = None,
    days: bool = False,
    shapes: bool = False,
) -> list[PeriodMention]:
    """Period mentions in ``text[start:end]``; ``folded`` is ``fold(text)`` if the caller has it.

    ``days`` keeps dates ("16 August 2019") as their months; a figure's period is never one.
    ``shapes`` names the shape of each mention (see SHAPES).
    """
    found = list(stated_periods(text, start, end, fiscal_start, days, shapes))
    if folded is None:
        folded = fold(text)
    absolute = list(found)
    if (
        folded.find("year", start, end) < 0
        and folded.find("month", start, end) < 0
        and folded.find("quarter", start, end) < 0
        and folded.find("period", start, end) < 0
    ):
        return found  # every relative period names one of these words
    for match in skipping.finditer(RELATIVE_PATTERN, folded, start, end):
        shift = (
            -12
            if match.group("yago")
            else -1
            if match.group("mago")
            else 0
            if match.group("same")
            else -3
        )
        deictic = bool(_DEICTIC.fullmatch(match.group(WHOLE)))
        mention_start, mention_end = match.span(WHOLE)
        if absolute and any(p.start <= mention_start and mention_end <= p.end for p in absolute):
            continue  # "December last year" is one period, read above
        found.append(
            PeriodMention(
                mention_start,
                mention_end,
                text[mention_start:mention_end],
                shift=shift,
                deictic=deictic,
                shape=_RELATIVE_SHAPES[shift],
            )
        )
    if len(found) > len(absolute):
        found.sort(key=lambda p: p.start)  # the stated ones come in order already
    return found


def stated_periods(
    text: str,
    start: int,
    end: int,
    fiscal_start: int,
    days: bool = False,
    shapes: bool = False,
) -> Iterator[PeriodMention]:
    """The periods of ``find_periods`` that are no relative ones, in order, one at a time.

    A caller that wants only the first stated period of a sentence stops reading there,
    and reads no relative periods at all.
    """
    for match in skipping.finditer(PERIOD_PATTERN, text, start, end):
        parsed = parse_period(match, fiscal_start, shapes, days)
        if parsed is not None and (days or not parsed.day):
            yield parsed


def fill_year(mention: PeriodMention, year: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Resolve a year-less month span with the year of the period it sits in."""
    if mention.first is None or mention.last is None:
        return None
    (_, m1), (_, m2) = mention.first, mention.last
    if m2 < m1:
        return (year - 1, m1), (year, m2)
    return (year, m1), (year, m2)


def shift_span(
    span: tuple[tuple[int, int], tuple[int, int]], months: int
) -> tuple[tuple[int, int], tuple[int, int]]:
    return _shift_month(*span[0], months), _shift_month(*span[1], months)


@cache
def format_month(year: int, month: int) -> str:
    # Every figure with a period formats two months, of a few dozen a corpus names.
    return f"{year:04d}-{month:02d}"


# --- the shapes, with what each must and must not read ------------------------------

# The group of PERIOD_PATTERN that each branch sets -> the shape's name, in branch order.
_BRANCHES = (
    ("date", "date"),
    ("trailing", "trailing months"),
    ("ytd", "year to date"),
    ("wholeyear", "whole year"),
    ("dmonth", "part of a month"),
    ("m1", "month range"),
    ("q", "quarter"),
    ("h", "half"),
    ("nmonths", "first months"),
    ("dunit", "this unit"),
    ("month", "month"),
)
_RELATIVE_SHAPES = {
    -12: "a year back",
    -1: "a month back",
    -3: "a quarter back",
    0: "the period at hand",
}


@dataclass(frozen=True, slots=True)
class Shape:
    """One way of naming a period, with examples the suite reads.

    Each example must be read whole as one mention of this shape; no counterexample may
    be read as one. ``date`` resolves them all (the examples' years are worked out in
    fixtures/extract/periods.toml; here only the reading is tested).
    """

    name: str
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...] = ()


SHAPES: tuple[Shape, ...] = (
    Shape("date", ("16 August 2019", "March 26, 1987", "4 Feb 2024"), ("August 2019",)),
    Shape(
        "trailing months",
        (
            "the three months ending in July 2019",
            "12 months to March",
            "the past six months ended June",
        ),
        ("three months",),
    ),
    Shape(
        "year to date",
        ("year-to-date", "YTD", "year to date", "so far this year", "this year's cumulative"),
        ("year to",),
    ),
    Shape(
        "whole year",
        ("the full year", "full-year", "the total of the year", "the whole calendar year"),
        ("the full",),
    ),
    Shape(
        "part of a month",
        ("the first 20 days of March", "the first half of January", "second half of June 2019"),
        ("the first half of 2019",),
    ),
    Shape(
        "month range",
        (
            "April-July FY26",
            "January to May 2018",
            "July-April",
            "April-November 2025-26",
            "1 January to 28 February 2018",
        ),
        ("April",),
    ),
    Shape(
        "quarter",
        ("Q3 2024", "fourth quarter of 2023", "first quarter", "Q1 FY25", "last quarter of 2023"),
        ("quarterly",),
    ),
    Shape(
        "half",
        ("H1 2025", "first half of 2019", "second half of this year", "second half of the year"),
        ("half a year",),
    ),
    Shape(
        "first months",
        (
            "the first eight months",
            "first seven months of the fiscal year",
            "the first five months of 2021",
        ),
        ("the first month",),
    ),
    Shape(
        "this unit",
        ("this year", "next year", "this month", "the current fiscal year", "this quarter"),
        ("this yearly",),
    ),
    Shape(
        "month",
        ("July", "Sept. 2024", "December last year", "last May", "March 1-20", "June of 2020"),
        ("Mayor", "may"),
    ),
    Shape(
        "year",
        ("2024", "FY26", "FY2025-26", "2025-26", "fiscal 2024", "fiscal year 2023"),
        ("2024-31", "1234"),
    ),
    Shape(
        "a year back",
        (
            "a year earlier",
            "the same period last year",
            "year-ago",
            "last year",
            "the previous year",
            "the same month a year ago",
        ),
        ("a year",),
    ),
    Shape("a month back", ("the previous month", "last month", "a month earlier"), ("a month",)),
    Shape(
        "a quarter back", ("the previous quarter", "last quarter", "a quarter ago"), ("a quarter",)
    ),
    Shape("the period at hand", ("that period", "the period"), ("the period from",)),
)


# --- resolution: the second stage ------------------------------------------------------

Month = tuple[int, int]
Span = tuple[Month, Month]


# Not frozen: one is made for every sentence that names a period (see ``context.Mention``).
@dataclass(slots=True)
class Frame:
    """What a year-less mention is resolved against, besides its own words.

    ``reference`` is the document's date; ``period`` and ``year`` the period the story is
    in (used only when there is no date); ``anchors`` the whole years the same clause names
    (not as a base), inside which a year-less span sits; ``ahead`` says the sentence looks
    ahead (a forecast, a target), so that a month after the date is this year's.
    """

    reference: date | None = None
    fiscal_start: int = DEFAULT_FISCAL_START
    period: Span | None = None
    year: int | None = None
    anchors: tuple[tuple[int, Span], ...] = ()
    ahead: bool = False
    # The period at hand for "the full year" and "year to date": one that the sentence
    # states with its year, else the story's.
    current: Span | None = None


def _quarter_of(year: int, month: int) -> Span:
    first = (month - 1) // 3 * 3 + 1
    return (year, first), (year, first + 2)


def _fiscal_end_of(reference: date, fiscal_start: int) -> int:
    """The calendar year in which the fiscal year holding ``reference`` ends."""
    if fiscal_start == 1:
        return reference.year
    return reference.year + 1 if reference.month >= fiscal_start else reference.year


def _in_year(
    first: Month | tuple[int | None, int], last: tuple[int | None, int], year: int
) -> Span:
    """Months m1..m2 in the year ``year`` ends in: a span that wraps begins the year before."""
    m1, m2 = first[1], last[1]
    return ((year - 1, m1) if m2 < m1 else (year, m1)), (year, m2)


def resolve_mention(mention: PeriodMention, frame: Frame) -> tuple[Span | None, int | None]:
    """The months a mention stands for, and the anchoring whole year's start, if one did.

    A news reader's rules: a year the mention names wins; then a whole year its clause
    names; then, for a dated document, the latest such period that ends by the date (the
    next one when the sentence looks ahead); only an undated text falls back on the period
    the story was in. Relative periods ("a year earlier") need the period they compare
    with and are resolved by the caller, except those counted from the date of writing.
    """
    reference = frame.reference
    if mention.shift is not None:
        if mention.deictic and reference is not None:
            if mention.shift == -12:
                year = reference.year - 1
                return ((year, 1), (year, 12)), None
            if mention.shift == -3:
                return shift_span(_quarter_of(reference.year, reference.month), -3), None
            back = shift_span(((reference.year, reference.month),) * 2, mention.shift)
            return back, None
        return None, None
    if mention.current_unit is not None:
        if reference is None:
            return None, None
        here: Span = ((reference.year, reference.month),) * 2  # type: ignore[assignment]
        unit = mention.current_unit.split()[-1]
        if unit == "month" and frame.period is not None and frame.period[0] == frame.period[1]:
            # "the deficit improved this month": the month the release is about.
            return (
                frame.period if mention.current_unit == "month" else shift_span(frame.period, 1)
            ), None
        if unit == "quarter":
            here = _quarter_of(reference.year, reference.month)
        ahead = 3 if unit == "quarter" else 1
        return (shift_span(here, ahead) if mention.current_unit.startswith("next") else here), None
    if mention.month_deixis is not None and mention.first is not None:
        month = mention.first[1]
        if reference is None:
            return (((frame.year, month),) * 2, None) if frame.year else (None, None)  # type: ignore[return-value]
        year = reference.year
        if mention.month_deixis == "last":
            year = year if month < reference.month else year - 1
        elif mention.month_deixis == "next":
            year = year if month > reference.month else year + 1
        return ((year, month), (year, month)), None
    if mention.year_shift is not None and mention.first is not None and mention.last is not None:
        if reference is not None:
            if mention.fiscal:
                end_year = _fiscal_end_of(reference, frame.fiscal_start) + mention.year_shift
                y1, m1 = _month_in_fiscal(mention.first[1], end_year, frame.fiscal_start)
                y2, m2 = _month_in_fiscal(mention.last[1], end_year, frame.fiscal_start)
                return ((y1, m1), (y2, m2)), None
            return _in_year(mention.first, mention.last, reference.year + mention.year_shift), None
        if frame.year is not None:
            return _in_year(mention.first, mention.last, frame.year + mention.year_shift), None
        return None, None
    current = frame.current or frame.period
    if mention.from_year_start and mention.last is None:
        # "Year-to-date": January to the month the story is already in. With a date of
        # writing, the year is the year of writing ("so far this year"), and the story's
        # month counts only inside it.
        if reference is not None:
            month = reference.month
            for span in (frame.current, frame.period):
                # A whole year names no month the year has reached.
                if (
                    span is not None
                    and span[1][0] == reference.year
                    and span[0][1] != span[1][1] - 11
                ):
                    month = span[1][1]
                    break
            return ((reference.year, 1), (reference.year, month)), None
        if current is not None:
            year, month = current[1]
            return ((year, 1), (year, month)), None
        return None, None
    if mention.story_year and current is not None and mention.first and mention.last:
        return _in_year(mention.first, mention.last, current[1][0]), None
    if mention.first is None or mention.last is None:
        return None, None
    if mention.has_year:
        (y1, m1), (y2, m2) = mention.first, mention.last
        assert y1 is not None and y2 is not None
        return ((y1, m1), (y2, m2)), None
    (_, a), (_, b) = mention.first, mention.last
    # A year-less span beside a stated whole year ("July-August ... of FY23", "the first
    # eight months of the fiscal year (FY23)") sits inside that year.
    for anchor, ((y1, m1), (y2, _)) in frame.anchors:
        if mention.from_year_start:
            return ((y1, m1), shift_span(((y1, m1), (y1, m1)), (b - a) % 12)[1]), anchor
        first = (y1, a) if a >= m1 else (y2, a)
        last = (y1, b) if b >= m1 else (y2, b)
        if last < first:
            # "July-April" in a year that begins in April: it runs into the next one.
            last = (first[0] + 1, b)
        return (first, last), anchor
    if reference is not None:
        # News reports the latest data: "in December", written in February, is last
        # December; "will reach ... in December" is this December.
        year = reference.year if b <= reference.month or frame.ahead else reference.year - 1
        return fill_year(mention, year), None
    if frame.period is not None:
        (p1, q1), (p2, q2) = frame.period
        # The months of the period the text is already in: "July-August" after FY23's.
        for year in (p1, p2):
            span = fill_year(mention, year)
            if span and (p1, q1) <= span[0] and span[1] <= (p2, q2):
                return span, None
    if frame.year is not None:
        return fill_year(mention, frame.year), None
    return None, None


# --- days, weeks and spans counted from the date of writing -------------------------------
#
# News dates its events by the day of writing: "yesterday", "on Monday", "last week", "two
# years ago", "the 1990s". No trade figure's period is a day or a week, so these are read
# for :func:`tradestats.periods` only; each is a named entry with sentences it must read
# (and what it must give for a text written on Wednesday 18 February 1998), listed here
# so that the whole of this small grammar is seen at once.

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBER_WORDS = {
    word: n
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()  # noqa: SIM905
    )
}


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One shape of day-counted period: its pattern and what it must read."""

    name: str
    pattern: str
    examples: tuple[tuple[str, str, str | None, str | None], ...]  # text, match, start, end


CALENDAR_GRAMMAR: tuple[CalendarEntry, ...] = (
    CalendarEntry(
        "day-deixis",
        r"(?P<day>yesterday|today|tonight|tomorrow)",
        (
            ("Shares fell yesterday.", "yesterday", "1998-02", "1998-02"),
            ("The vote is due tomorrow.", "tomorrow", "1998-02", "1998-02"),
        ),
    ),
    CalendarEntry(
        "weekday",
        r"(?:(?P<wlast>last|this|next)\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")(?!['’]s\b)",
        (
            ("The deal closed on Monday.", "Monday", "1998-02", "1998-02"),
            ("Talks resume next Tuesday.", "next Tuesday", "1998-02", "1998-02"),
        ),
    ),
    CalendarEntry(
        "week-deixis",
        r"(?P<wdeixis>last|this|next|past)\s+(?P<wunit>week|weekend)",
        (("Sales rose last week.", "last week", "1998-02", "1998-02"),),
    ),
    CalendarEntry(
        "units-ago",
        r"(?P<count>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
        r"\s+(?P<unit>day|week|month|year)s?\s+ago",
        (
            ("Profits doubled two years ago.", "two years ago", "1996-01", "1996-12"),
            ("It opened three months ago.", "three months ago", "1997-11", "1997-11"),
        ),
    ),
    CalendarEntry(
        "decade",
        r"(?:the\s+)?(?:(?:early|mid|late)[-\s])?(?P<decade>(?:1[89]|20)\d0)['’]?s",
        (("Prices rose in the 1990s.", "the 1990s", "1990-01", "1999-12"),),
    ),
)

_CALENDAR = re.compile(
    r"(?i)(?<![\w-])(?:"
    + "|".join(f"(?:{entry.pattern})" for entry in CALENDAR_GRAMMAR)
    + r")(?![\w-])"
)


def calendar_periods(text: str, reference: date | None) -> list[StatedPeriod]:
    """The day-counted periods of ``text`` (see ``CALENDAR_GRAMMAR``), each as the months
    it falls in; without a date of writing only a decade can be known."""
    found: list[StatedPeriod] = []
    for match in _CALENDAR.finditer(text):
        if match.group("weekday") and not match.group(0)[:1].isupper() and not match.group("wlast"):
            continue  # a weekday is written with a capital: "monday" is no date in news
        span = _calendar_span(match, reference)
        first, last = span if span else (None, None)
        found.append(StatedPeriod(match.group(0), match.start(), match.end(), first, last))
    return found


def _calendar_span(match: re.Match[str], reference: date | None) -> tuple[str, str] | None:
    if match.group("decade"):
        decade = int(match.group("decade"))
        return f"{decade:04d}-01", f"{decade + 9:04d}-12"
    if reference is None:
        return None

    def month_of(day: date) -> str:
        return f"{day.year:04d}-{day.month:02d}"

    if match.group("day"):
        step = {"yesterday": -1, "tomorrow": 1}.get(match.group("day").lower(), 0)
        day = reference + timedelta(days=step)
        return month_of(day), month_of(day)
    if match.group("weekday"):
        target = WEEKDAYS.index(match.group("weekday").lower())
        back = (reference.weekday() - target) % 7
        which = (match.group("wlast") or "").lower()
        if which == "next":
            day = reference + timedelta(days=(target - reference.weekday()) % 7 or 7)
        elif which == "last":
            day = reference - timedelta(days=back or 7)
        else:  # news reports what happened: the latest such day, today included
            day = reference - timedelta(days=back)
        return month_of(day), month_of(day)
    if match.group("wunit"):
        shift = {"last": -7, "past": -7, "next": 7}.get(match.group("wdeixis").lower(), 0)
        monday = reference - timedelta(days=reference.weekday()) + timedelta(days=shift)
        return month_of(monday), month_of(monday + timedelta(days=6))
    count_word = match.group("count").lower()
    count = int(count_word) if count_word.isdigit() else _NUMBER_WORDS.get(count_word, 1)
    unit = match.group("unit").lower()
    if unit == "year":
        year = reference.year - count
        return f"{year:04d}-01", f"{year:04d}-12"
    if unit == "month":
        index = reference.year * 12 + reference.month - 1 - count
        month = f"{index // 12:04d}-{index % 12 + 1:02d}"
        return month, month
    day = reference - timedelta(days=count * (7 if unit == "week" else 1))
    return month_of(day), month_of(day)
