"""Sentences -> clauses of tokens, the units that claim patterns are matched in.

A figure links only within its own clause. A sentence is cut at the words that start a
new statement ("and", "while", "but", "whereas", a semicolon: see ``CLAUSE_BREAKS``), and
whatever stands in parentheses is an aside of its own: a parenthesized amount right after
another amount is that amount in another currency, never its base, and "(US$9.42 billion,
up 18.3 percent)" in a list is that item's claim alone. The parent clause keeps one
``a`` token where the aside stood.

Every number is a token, not only the figures extraction lists: a claim compares tonnes,
cars and bare counts as readily as money ("fell 12.9 pct to 188,156 from 215,793"). Years,
days of a month, ordinals and durations are words, not values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from tradestats.extraction.context import direction_of, particle_up
from tradestats.extraction.grammar import WORD_NUMBERS, parse_number
from tradestats.extraction.refdata import scale_factors
from tradestats.models import Document, Figure
from tradestats.patterns import (
    AFTER,
    ANAPHORA,
    BASE_WORDS,
    CHANGE_PHRASES,
    CLAUSE_BREAKS,
    COMPARATIVES_DOWN,
    COMPARATIVES_UP,
    COMPARED,
    COMPARED_NEXT,
    EXTRA_CHANGE,
    MEASURES,
    NOT_FROM,
    POINTING_PARTICIPLES,
    SOFT_BASE,
)
from tradestats.segment import Sentence

_FIGURE_CODES = {
    "money": "V",
    "quantity": "V",
    "percent": "P",
    "percentage_points": "Q",
    "multiple": "M",
}
_SCALE_WORDS = {
    "thousand": "thousand",
    "mln": "million",
    "million": "million",
    "mn": "million",
    "billion": "billion",
    "bln": "billion",
    "bn": "billion",
    "trillion": "trillion",
    "tn": "trillion",
    "lakh": "lakh",
    "crore": "crore",
}
_TOKEN = re.compile(
    r"(?P<num>(?<![\w./-])\d+(?:,\d{3})*(?:\.\d+)?(?:-\d{1,2}/\d{1,2})?(?![\w/]|[.,]\d|-\d))"
    r"(?:\s+(?P<scale>" + "|".join(_SCALE_WORDS) + r")\b)?"
    r"|(?P<word>[A-Za-z][\w'’.-]*[\w'’]|[A-Za-z])"
    r"|(?P<punct>[,;()])"
)
# What makes the number right after it approximate or a bound.
_HEDGE = re.compile(
    r"(?i)(?<![\w-])(?:about|around|nearly|almost|some|approximately|approx\.?|roughly|"
    r"(?:an\s+)?estimated|over|more\s+than|less\s+than|fewer\s+than|under|at\s+least|"
    r"just\s+(?:over|under)|close\s+to|up\s+to|in\s+excess\s+of|upwards\s+of|exceeding)\s+\Z"
)
# After a multiple: a comparison of the speed of two changes, "twice as fast as exports",
# "three times the pace of", "double the rate of growth": it multiplies no value.
_PACE = re.compile(
    r"(?i)\s+(?:as\s+(?:fast|quickly|rapidly|strongly|sharply|steeply|slowly)\s+as"
    r"|(?:the|that)\s+(?:pace|rate|speed)\b|faster|slower"
    r"|more\s+(?:quickly|rapidly|slowly|sharply)\b)"
)
_FRACTION = re.compile(r"(\d+)-(\d{1,2})/(\d{1,2})$")
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "jan.",
        "feb",
        "feb.",
        "mar",
        "mar.",
        "apr",
        "apr.",
        "jun",
        "jun.",
        "jul",
        "jul.",
        "aug",
        "aug.",
        "sep",
        "sep.",
        "sept",
        "sept.",
        "oct",
        "oct.",
        "nov",
        "nov.",
        "dec",
        "dec.",
    ]
)
_MONTH_STEMS = frozenset(m.rstrip(".") for m in _MONTHS)
# Words whose letter depends on the words around them; every other word is read alone.
_CONTEXT_WORDS = frozenset(
    {"and", "to", "from", "or", "as", "contract", "contracts", AFTER}
    | POINTING_PARTICIPLES
    | {w for w in ANAPHORA if " " not in w}
    | {first for first, _second in CHANGE_PHRASES}
    | COMPARED
    | COMPARATIVES_UP
    | COMPARATIVES_DOWN
)
# A number before one of these is a duration or a count of periods, not a compared value.
_DURATIONS = frozenset(
    [
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "quarter",
        "quarters",
        "hour",
        "hours",
        "minutes",
        "mths",
        "mth",
        "yrs",
        "pct",
        "percent",
        "per",
    ]
)
# Words after a number that are no unit of it ("2,137 from", "1.8 mln in January").
_NOT_UNITS = frozenset(
    """
    a an the to from in on at of for by and or but with against versus verses vs vs. than as over
    last this that a year earlier ago before after since compared while when which who said
    says up down is was were are be been will would could its their his her
    """.split()  # noqa: SIM905 - a word list reads better as prose
)


class Token(NamedTuple):
    """One word, number or mark of a clause; a tuple because a long sentence makes
    thousands of them and a tuple is made several times faster than a frozen class."""

    code: str  # one letter: see tradestats.patterns
    start: int
    end: int
    text: str
    figure: Figure | None = None
    direction: str | None = None  # for D and H: "up" or "down"
    hedge: str = ""  # "about", "more than": the value is approximate or a bound


@dataclass(frozen=True, slots=True)
class Clause:
    """A run of tokens that no claim reaches beyond; ``aside`` for a parenthesis."""

    start: int
    end: int
    tokens: tuple[Token, ...]
    aside: bool = False
    sentence: int = 0  # index of the sentence in the document

    @property
    def codes(self) -> str:
        return "".join(token.code for token in self.tokens)


def split_clauses(
    document: Document, sentence: Sentence, figures: Sequence[Figure], index: int = 0
) -> list[Clause]:
    """The clauses of one sentence, main clauses and asides, in order of their start."""
    tokens = _tokens(document, sentence, figures)
    clauses: list[Clause] = []
    current: list[Token] = []
    aside: list[Token] = []
    depth = 0

    def close(run: list[Token], is_aside: bool) -> None:
        if run:
            clauses.append(Clause(run[0].start, run[-1].end, tuple(run), is_aside, index))

    for token in tokens:
        if token.text == "(":
            if depth == 0:
                aside = []
            depth += 1
            continue
        if token.text == ")" and depth:
            depth -= 1
            if depth == 0:
                if _inline(aside, current):
                    current.append(aside[0])
                    continue
                close(aside, True)
                current.append(
                    Token("a", aside[0].start if aside else token.start, token.end, "(...)")
                )
            continue
        if depth:
            aside.append(token)
        elif token.code == "|":
            close(current, False)
            current = []
        else:
            current.append(token)
    if depth:  # an unclosed parenthesis: its words belong to the clause after all
        current.extend(aside)
    close(current, False)
    clauses.sort(key=lambda c: c.start)
    return clauses


# Flows named right before a parenthesized amount, which is then their value.
_FLOW_NOUNS = frozenset(
    "exports imports shipments trade deficit surplus balance turnover".split()  # noqa: SIM905
)


def _inline(aside: list[Token], before: list[Token]) -> bool:
    """Whether a parenthesis of one figure is part of the clause, not an aside.

    "fell $1,604m (4%) to $34,496m": a lone rate after a change is that change in
    percent. "down 2.7% compared with May 2017 (EUR 165.4 bn)": a lone amount after a
    period names that period's value, and one right after a flow ("exports (A) and
    imports (B)") that flow's. A lone amount right after another amount stays an aside:
    it is the same value in another currency, never its base.
    """
    if len(aside) != 1 or aside[0].figure is None or not before:
        return False
    code, last = aside[0].code, before[-1].code
    if code in "PQ":
        return last == "V"
    if code == "V" and last == "w" and before[-1].text.lower() in _FLOW_NOUNS:
        return True  # "March exports (A) and imports (B) left a deficit of Z"
    return code == "V" and last == "p"


def _tokens(document: Document, sentence: Sentence, figures: Sequence[Figure]) -> list[Token]:
    inside = sorted(
        (f for f in figures if sentence.start <= f.start < sentence.end), key=lambda f: f.start
    )
    raw: list[Token] = []
    position = sentence.start
    for figure in [*inside, None]:
        stop = sentence.end if figure is None else figure.start
        if stop > position:
            raw.extend(_plain_tokens(document, position, stop))
        if figure is None:
            break
        if figure.start >= position:
            hedge = figure.qualifier or _hedge_before(document.text, figure.start)
            code = _FIGURE_CODES.get(figure.kind, "w")
            if code == "M" and _PACE.match(document.text, figure.end):
                code = "w"  # "twice as fast as exports": rates compared, no values
            raw.append(Token(code, figure.start, figure.end, figure.text, figure, hedge=hedge))
            position = figure.end
    return _ranges(document, _classify(document, raw))


def _hedge_before(text: str, start: int) -> str:
    match = _HEDGE.search(text, max(0, start - 24), start)
    if match is None:
        return ""
    hedge = " ".join(match.group(0).lower().split())
    if hedge == "up to" and particle_up(text[max(0, match.start() - 12) : match.start()]):
        return ""  # "picked up to 7.5%": a verb and its particle, then "to"
    return hedge


def _ranges(document: Document, tokens: list[Token]) -> list[Token]:
    """ "9.6 to 9.9 mln tonnes" is one value, a range, not a move from one to the other:
    the three tokens become one value that stands for anything between its ends, so that
    "2.0 to 2.2 mln hectares, down 29.9 to 36.3 pct on 3.14 mln" is judged by whether
    the two ranges can meet. Ends that cannot make one value (other units, a low end
    above the high one) become ``r``, which no pattern takes. After "from" or a word of
    change ("from 9.6 to 9.9", "up 16 to 180") the two are a move and stay values."""
    out: list[Token] = []
    i, count = 0, len(tokens)
    while i < count:
        token = tokens[i]
        if token.code == "w" and i + 2 < count and tokens[i + 1].code == "T":
            token = _written_low_end(token, tokens[i + 2])
        if (
            i + 2 < count
            and token.code == "V"
            and tokens[i + 1].code == "T"
            and tokens[i + 2].code == "V"
            and not (out and out[-1].code in "FD")
        ):
            merged = _range_token(document, token, tokens[i + 2])
            if merged is not None:
                out.append(merged)
            else:
                out.extend([_recode(token, "r"), tokens[i + 1], _recode(tokens[i + 2], "r")])
            i += 3
            continue
        out.append(token)
        i += 1
    return out


def _written_low_end(token: Token, high: Token) -> Token:
    """ "Two" before "to 2.2 mln" as a value, good to a unit of the high end's scale."""
    if token.text.lower() not in WORD_NUMBERS or high.code != "V" or high.figure is None:
        return token
    value, ulp = parse_number(token.text)
    figure = replace(
        high.figure,
        text=token.text,
        printed=token.text,
        start=token.start,
        end=token.end,
        value=value,
        ulp=ulp,
        low=None,
        high=None,
    )
    return Token("V", token.start, token.end, token.text, figure, hedge=token.hedge)


def _range_token(document: Document, low: Token, high: Token) -> Token | None:
    """One value for "2.0 to 2.2 mln": the low end takes the scale printed once."""
    a, b = low.figure, high.figure
    if a is None or b is None or a.kind != b.kind or a.low is not None or b.low is not None:
        return None
    if a.unit and b.unit and a.unit != b.unit:
        return None
    low_value, low_ulp = a.value, a.ulp
    if a.text == a.printed and b.text != b.printed:  # the scale is printed once, at the end
        try:
            printed, _ulp = _parse(b.printed)
        except (ArithmeticError, ValueError):
            return None
        if not printed:
            return None
        factor = b.value / printed
        low_value, low_ulp = low_value * factor, low_ulp * factor
    if low_value >= b.value:
        return None
    figure = replace(
        b,
        text=document.text[a.start : b.end],
        start=a.start,
        line=a.line,
        column=a.column,
        value=(low_value + b.value) / 2,
        low=low_value,
        high=b.value,
        ulp=max(low_ulp, b.ulp),
    )
    hedge = low.hedge or high.hedge
    return Token("V", low.start, high.end, figure.text, figure, hedge=hedge)


def _recode(token: Token, code: str) -> Token:
    return Token(
        code, token.start, token.end, token.text, token.figure, token.direction, token.hedge
    )


def _plain_tokens(document: Document, start: int, end: int) -> list[Token]:
    text = document.text
    found: list[Token] = []
    for match in _TOKEN.finditer(text, start, end):
        if match.group("num"):
            found.append(Token("#", match.start(), match.end(), match.group(0)))
        elif match.group("word"):
            found.append(Token("w", match.start(), match.end(), match.group(0)))
        else:
            found.append(Token(match.group(0), match.start(), match.end(), match.group(0)))
    return found


def _classify(document: Document, raw: list[Token]) -> list[Token]:
    """Give each word its letter; numbers become values unless they are years, days,
    ordinals or durations."""
    text = document.text
    out: list[Token] = []
    count = len(raw)
    skip = 0
    for i, token in enumerate(raw):
        if skip:
            skip -= 1
            continue
        before = out[-1] if out else None
        after = raw[i + 1] if i + 1 < count else None
        if token.code == "#":
            out.append(_number(document, token, before, after))
            continue
        if token.code != "w":
            if token.text == ";":
                out.append(Token("|", token.start, token.end, token.text))
            elif token.hedge and before is not None and before.code == "n":
                # "a decline of 17% over SR489.8 billion": the word is the comparison's,
                # not a bound on the value.
                out.append(token._replace(hedge=""))
            else:
                out.append(token)
            continue
        word = token.text.lower().rstrip(".") if token.text.endswith(".") else token.text.lower()
        if word not in _CONTEXT_WORDS:
            # Most words mean the same wherever they stand: one look-up, cached.
            code, direction = _plain_code(word)
            out.append(
                token
                if code == "w"
                else Token(code, token.start, token.end, token.text, None, direction)
            )
            continue
        following = after.text.lower() if after is not None else ""
        if before is None and word in ANAPHORA:
            out.append(Token("R", token.start, token.end, token.text))
        elif (
            word == "and"
            and len(out) > 1
            and out[-1].code == "V"
            and out[-2].text.lower() == "between"
        ):
            # "between 2.2 and 2.4 mln tonnes" is one value, a range, not two clauses.
            out.append(Token("T", token.start, token.end, token.text))
        elif word == "and" and _between_two_names(out):
            # "trade between Argentina and Brazil": one subject, not two clauses.
            out.append(Token("w", token.start, token.end, token.text))
        elif word in CLAUSE_BREAKS:
            out.append(Token("|", token.start, token.end, token.text))
        elif word == "to":
            # "year to date" names a period; it moves nothing to anything.
            code = (
                "p" if (before and before.text.lower() == "year" and following == "date") else "T"
            )
            if code == "p":
                skip = 1
                end = after.end  # type: ignore[union-attr]
                out.append(Token("p", token.start, end, text[token.start : end]))
            else:
                out.append(Token("T", token.start, token.end, token.text))
        elif word == "from":
            previous = before.text.lower() if before is not None else ""
            out.append(
                Token("w" if previous in NOT_FROM else "F", token.start, token.end, token.text)
            )
        elif (word, following) in CHANGE_PHRASES:
            skip = 1
            end = after.end  # type: ignore[union-attr]
            direction = CHANGE_PHRASES[(word, following)]
            out.append(Token("D", token.start, end, text[token.start : end], direction=direction))
        elif word == "or":
            out.append(Token("O", token.start, token.end, token.text))
        elif word in COMPARED:
            if following in COMPARED_NEXT:
                skip = 1
                out.append(Token("K", token.start, after.end, text[token.start : after.end]))  # type: ignore[union-attr]
            else:
                out.append(Token("K", token.start, token.end, token.text))
        elif word in POINTING_PARTICIPLES and following in ("it", "them"):
            skip = 1
            out.append(Token("w", token.start, after.end, text[token.start : after.end]))  # type: ignore[union-attr]
        elif word == AFTER and _after_as_base(raw, i):
            out.append(Token("K", token.start, token.end, token.text))
        elif word == "as" and following == "against":
            skip = 1
            out.append(Token("K", token.start, after.end, text[token.start : after.end]))  # type: ignore[union-attr]
        elif (word in COMPARATIVES_UP or word in COMPARATIVES_DOWN) and (
            _after_rate(before)
            # "A, or 6.7 pct, higher than Y": the comma closes the apposition.
            or (before is not None and before.code == "," and len(out) > 1 and _after_rate(out[-2]))
        ):
            direction = "up" if word in COMPARATIVES_UP else "down"
            if following == "than":
                skip = 1
                end = after.end  # type: ignore[union-attr]
                out.append(
                    Token("H", token.start, end, text[token.start : end], direction=direction)
                )
            elif word in ("above", "below"):
                out.append(Token("H", token.start, token.end, token.text, direction=direction))
            else:
                out.append(_change_word(token, word))
        elif word in SOFT_BASE:
            out.append(Token("n", token.start, token.end, token.text))
        elif _is_base_word(word):
            out.append(Token("p", token.start, token.end, token.text))
        else:
            out.append(_change_word(token, word, before))
    return out


@cache
def _plain_code(word: str) -> tuple[str, str | None]:
    """The letter of a word whose reading needs no neighbour, and its direction."""
    if word in CLAUSE_BREAKS:
        return "|", None
    if word in SOFT_BASE:
        return "n", None
    if _is_base_word(word):
        return "p", None
    direction = direction_of(word) or EXTRA_CHANGE.get(word)
    if direction is not None and word != "minus":
        return "D", direction
    return "w", None


def _between_two_names(before: list[Token]) -> bool:
    """Whether "and" joins the two ends of "between A and B", where A is a name of one
    or two words and no figure, verb or comma stands between."""
    for back in range(1, 4):
        if back > len(before):
            return False
        token = before[-back]
        if token.text.lower() == "between":
            return back > 1
        if token.code != "w" or not token.text[:1].isupper():
            return False
    return False


def _after_as_base(raw: list[Token], i: int) -> bool:
    """ "after 268 mln in 1985", "after 1.9 billion euros in October": the previous
    period's value, a base. The value must come next and its period right after it (a
    unit and a determiner may stand between), so "after 20 mln in taxes" stays a word."""
    if i + 1 >= len(raw) or raw[i + 1].code not in "#V":
        return False
    j = i + 2
    if j < len(raw) and raw[j].text.lower() in MEASURES:
        j += 1  # the unit printed after the value: "2.1 mln tonnes in 1985"
    if j >= len(raw) or raw[j].text.lower() not in ("in", "a", "the", "last", "for"):
        return False
    return any(_names_period(t.text.lower()) for t in raw[j + 1 : j + 3])


_PERIOD_NOUNS = frozenset(
    "year month quarter half period week earlier ago before fiscal".split()  # noqa: SIM905
)


def _names_period(word: str) -> bool:
    stem = word[:-2] if word.endswith(("'s", "’s")) else word
    return (
        stem in _PERIOD_NOUNS
        or stem.rstrip(".") in _MONTH_STEMS
        or (stem[:4].isdigit() and (len(stem) == 4 or stem[4:5] in "/-"))
    )


def _after_rate(before: Token | None) -> bool:
    return before is not None and (before.code in "PQM" or before.text.lower() == "times")


# Words of change that, right after a number, name what it counts: "1,780,538 contracts".
_COUNTED = frozenset({"contract", "contracts"})


def _change_word(token: Token, word: str, before: Token | None = None) -> Token:
    if before is not None and before.code == "V" and word in _COUNTED:
        return token
    direction = direction_of(word) or EXTRA_CHANGE.get(word)
    if direction is not None and word not in ("minus",):
        return Token("D", token.start, token.end, token.text, direction=direction)
    return token


def _is_base_word(word: str) -> bool:
    if word in BASE_WORDS:
        return True
    stem = word[:-2] if word.endswith(("'s", "’s")) else word
    return stem in _MONTHS or (stem.isdigit() and len(stem) == 4) or stem in BASE_WORDS


def _number(document: Document, token: Token, before: Token | None, after: Token | None) -> Token:
    """A number as a value (V), or as a word (p for a year, w otherwise)."""
    text = document.text
    raw = token.text
    number = raw.split()[0]
    has_scale = number != raw
    digits = number.replace(",", "")
    if not has_scale and digits.isdigit() and len(digits) == 4 and 1900 <= int(digits) <= 2099:
        return Token("p", token.start, token.end, raw)
    if before is not None and before.text.lower().rstrip(".") in _MONTH_STEMS:
        return Token("p", token.start, token.end, raw)  # "March 31": a day
    follows = after.text.lower() if after is not None else ""
    if not has_scale and follows in _DURATIONS:
        return Token("w", token.start, token.end, raw)
    # The unit is the word after the number (and its scale), if it names a thing.
    unit = ""
    if (
        after is not None
        and after.code == "w"
        and follows not in _NOT_UNITS
        and follows.isalpha()
        and not text[token.end : after.start].strip()
    ):
        unit = follows
    try:
        value, ulp = _parse(number)
    except (ArithmeticError, ValueError):
        return Token("w", token.start, token.end, raw)
    if has_scale:
        factor = scale_factors()[_SCALE_WORDS[raw.split()[-1].lower()]]
        value, ulp = value * factor, ulp * factor
    line, column = document.position(token.start)
    figure = Figure(
        text=raw,
        start=token.start,
        end=token.end,
        line=line,
        column=column,
        path=document.path,
        kind="quantity",
        value=value,
        unit=unit,
        printed=number,
        ulp=ulp,
    )
    return Token("V", token.start, token.end, raw, figure, hedge=_hedge_before(text, token.start))


@cache
def _fraction_ulp(denominator: int) -> Decimal:
    return Decimal(1) / Decimal(denominator)


def _parse(number: str) -> tuple[Decimal, Decimal]:
    """Digits as printed; "10-7/8" is ten and seven eighths, good to an eighth."""
    fraction = _FRACTION.match(number)
    if fraction:
        whole, top, bottom = (int(g) for g in fraction.groups())
        if bottom == 0 or top >= bottom:
            raise ValueError(number)
        return Decimal(whole) + Decimal(top) / Decimal(bottom), _fraction_ulp(bottom)
    return parse_number(number)
