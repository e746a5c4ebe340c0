"""The trade grammar: money, percent, percentage points and multiples as written in news.

One compiled pattern finds every candidate; ``parse_match`` turns a match into a
``Reading`` (value, unit, printed digits, precision) or rejects it. Context (flow,
countries, periods) is added later by ``context.py``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Context, Decimal
from functools import cache, lru_cache

from tradestats.extraction import skipping
from tradestats.extraction.folding import LOOKALIKES, fold, fold_form
from tradestats.extraction.refdata import (
    currency_prefixes,
    currency_words,
    scale_factors,
    strict_currency_prefixes,
    trie_pattern,
)
from tradestats.extraction.skipping import WHOLE

# Surface forms of the scale words in scales.txt. Single letters count only when glued to
# a number that carries a currency ("$5m", "£3bn"), where they cannot be metres or bytes.
_SCALE_FORMS = {
    "thousand": "thousand",
    "million": "million",
    "mln": "million",
    "mn": "million",
    "mio": "million",
    "billion": "billion",
    "bln": "billion",
    "bn": "billion",
    "trillion": "trillion",
    "tn": "trillion",
    "trn": "trillion",
    "lakh crore": "lakh_crore",
    "lakh crores": "lakh_crore",
    "lakh": "lakh",
    "lakhs": "lakh",
    "crore": "crore",
    "crores": "crore",
    "k": "thousand",
    "m": "million",
    "b": "billion",
}
_SINGLE_LETTER_SCALES = frozenset({"k", "m", "b"})

WORD_NUMBERS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
# "zero" stands alone: "zero percent", never "twenty-zero".
_TEENS = "eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten"
_WORD_NUMBER = (
    rf"(?:(?:{_TENS})(?:[- ](?:{_UNITS}))?|{_TEENS}|a\ hundred|one\ hundred|{_UNITS}|zero)"
)
# The letters a written number can begin with, in either case, and the letters the engine
# takes for them ("ſix pct").
_WORD_NUMBER_FIRST_ASCII = {
    f(word[0])
    for word in f"{_TENS}|{_UNITS}|{_TEENS}|a|zero".split("|")
    for f in (str.lower, str.upper)
}
_WORD_NUMBER_LOOKALIKES = {
    char for char, letter in LOOKALIKES.items() if letter in _WORD_NUMBER_FIRST_ASCII
}
_WORD_NUMBER_FIRST = "".join(sorted(_WORD_NUMBER_FIRST_ASCII | _WORD_NUMBER_LOOKALIKES))

_SPACE = r"[ \u00a0\u202f\u2009]"
_SUPERSCRIPTS = "\u00b9\u00b2\u00b3\u2070\u2074-\u2079"
_DIGITS = (
    r"(?:\d{1,3}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # Indian grouping: 1,74,559.49
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,234,567.5
    rf"|\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:\.\d+)?"  # 1 741.9
    r"|\d+(?:\.\d+)?|\.\d+)"
)
# Each branch opens with a cheap test of its first character: the case-blind number words
# are slow to try, and most positions the scan visits start no figure.
_NUMBER = rf"(?:(?=[\d.]){_DIGITS}|(?=[{_WORD_NUMBER_FIRST}])(?i:{_WORD_NUMBER})(?![\w-]))"

# Both are tried after every number: the lookaheads reject the usual "billion" or "in" at
# the first letter, before the case-blind alternatives are tried one by one.
_PERCENT = r"(?=[%pP])(?:%|(?i:per[\s-]?cent|percent|pct)(?!\w)|pc(?!\w))"
_POINTS = (
    r"(?=[%pPbB])(?:(?i:(?:percentage|percent|per\s?cent|pct|%)[\s-]?points?|ppts?|pp|p\.p\.)(?!\w)"
    r"|(?i:basis[\s-]points?|bps|bp)(?!\w))"
)


def _any_group(names: list[str]) -> str:
    """A conditional that fails unless one of the named groups took part in the match."""
    condition = "(?!)"
    for name in reversed(names):
        condition = f"(?({name})|{condition})"
    return condition


# A bare number ("in 1987", "one of") is no figure: failing it in the pattern spares
# turning most of a text's numbers into match objects only to drop them.
_NOT_BARE = _any_group(["pct", "cur", "cur_infix", "scale", "curword"])


# A figure is not part of a word, a number, a path or a hyphenated compound.
_FIGURE_BEFORE = r"(?<![\w.,/])(?<![\w.]-)"


@cache
def _first_characters() -> tuple[str, str]:
    """What a figure can begin with, as the inside of a character set: a sign, a currency,
    a digit or a written number; and the same without the lower-case letters that begin
    only a written number."""
    currencies = {form[0] for form in currency_prefixes()}
    letters = set(_WORD_NUMBER_FIRST)
    only_numbers = {c for c in letters if c.islower() or c in _WORD_NUMBER_LOOKALIKES}
    only_numbers -= currencies
    symbols = "-−+–(\\d."
    every = "".join(sorted(re.escape(c) for c in currencies | letters))
    fewer = "".join(sorted(re.escape(c) for c in (currencies | letters) - only_numbers))
    return symbols + every, symbols + fewer


def _figure_body(currency_again: str) -> str:
    """The figure after its opening tests; ``currency_again`` is the currency that may
    repeat before the second number of a range ("$5-$6 billion").

    The engine is not let back into the unit after a number once read (an atomic group,
    possessive spaces): no unit, or a shorter space before one, never turns a bare number
    into a figure, and every bare number would otherwise try them all before failing.
    """
    prefixes = trie_pattern(list(currency_prefixes()))
    # Case-blind groups rather than tries of "[bB]" classes: these two are tried only
    # after a number, and the classes would double the time it takes to compile them.
    words = trie_pattern(list(currency_words()), space=r"\s+")
    # "lakh\ncrore": wrapped copy and scraped pages put any white space inside.
    scales = trie_pattern(list(_SCALE_FORMS), space=r"\s+")
    # An en dash is a minus only right before the number or its currency sign: "–3.8%".
    sign = r"(?:[-−+](?=[\d.$€£¥₹A-Z])|–(?=[\d$€£¥₹])|\([-−]\))"
    first, _ = _first_characters()
    return rf"""
        (?=[{first}])
        (?P<sign>{sign}\s?)?
        # ``dollar``: the currency is a dollar, after which a bare "$" repeats it.
        (?:(?P<cur>{prefixes})(?P<dollar>(?<=\$)|(?<=\$[A-Z])|(?<=\$[A-Z][A-Z]))?
            (?![A-Za-z])\s?(?P<sign2>[-−])?\s?)?
        (?P<num>{_NUMBER})(?!,\d)
        # A footnote mark after the digits ("$33.53¹ billion") is not part of the value.
        (?P<mark>[{_SUPERSCRIPTS}]++)?
        (?:
            (?P<rsep>\s?(?:-|–|—|to)\s?|\s(?:and|to)\s)
            (?:{currency_again}\s?)?
            (?P<num2>{_DIGITS})
            (?![\d,])
        )?
        (?>
            (?P<pct>\s?{_POINTS}|\s?{_PERCENT})
          | (?:\s?(?P<cur_infix>US\$|\$|€|£)(?P<scale_glued>m|bn|mn|k)(?![A-Za-z]))
          | (?:\s?+(?P<scale>(?i:{scales}))(?![A-Za-z]))?
            (?:\.?+\s?+(?P<curword>(?i:{words}))(?![A-Za-z]))?
        )
    """


@cache
def figure_pattern() -> re.Pattern[str]:
    """Any figure, matched where it begins; the whole match is also the group ``WHOLE``."""
    body = _figure_body(r"(?:(?P=cur)|(?(dollar)\$|(?!)))")
    return re.compile(rf"{_FIGURE_BEFORE}(?P<{WHOLE}>{body}){_NOT_BARE}", re.VERBOSE)


@cache
def _skipping_figure_pattern() -> re.Pattern[str]:
    """The figures that begin with a sign, a currency, a digit or a capital letter, tried
    only at those characters (see skipping.py); in running text most positions hold none.

    Python allows no reference to a group inside the lookbehind that this takes: the
    test for a bare number follows it, and the currency repeated in a range is captured
    as ``cur_again``, to be compared with the first one. A figure that begins with a
    written number in lower case ("three pct") is looked for at the number itself.
    """
    _, first = _first_characters()
    body = _figure_body(f"(?P<cur_again>{trie_pattern(list(currency_prefixes()))})")
    return skipping.pattern(first, _FIGURE_BEFORE, body, re.VERBOSE, after=_NOT_BARE)


# A number before "fold" or "times": digits, or any written number ("sixfold",
# "twelvefold", "a hundred times"); "hundredfold" is written as one word.
_MULTIPLE_NUMBER = rf"\d+(?:\.\d+)?|(?i:{_WORD_NUMBER}|hundred)"
# What follows "N times" or "twice" when it compares two amounts ("three times higher",
# "twice the level"), not when it counts occasions ("rose three times this year").
_COMPARING = "higher|larger|greater|bigger|more|as|the|that|what|its|their|over|lower|smaller"
# "twice over the year" counts occasions.
_TWICE_COMPARING = _COMPARING.replace("|over", "")
# What a multiple can begin with: a digit, a written number, or a verb's first letter.
_MULTIPLE_FIRST = "".join(sorted(set(_WORD_NUMBER_FIRST) | set("dDtTqQhH")))
MULTIPLE_PATTERN = re.compile(
    rf"""
    (?=[\d{_MULTIPLE_FIRST}])(?<![\w-])
    (?:
        (?P<verb>(?i:doubl|tripl|trebl|quadrupl)(?i:ed|ing|es|e)(?![\w-])|(?i:halv)(?i:ed|ing|es|e)(?!\w))
      | (?P<fold>(?P<fold_number>{_MULTIPLE_NUMBER})[\s-]?(?i:fold)(?!\w))
      | (?P<times>(?P<times_number>{_MULTIPLE_NUMBER})\s(?i:times)
          (?=\s(?i:{_COMPARING})\b))
      # "jumped 2.5 times to $5 billion": no count of occasions has a decimal point.
      | (?P<times_decimal>(?P<decimal_number>\d+\.\d+)\s(?i:times)(?=\s(?i:to|from|than)\b))
      | (?P<twice>(?i:twice))(?=\s(?i:{_TWICE_COMPARING})\b)
      | (?<!/)(?P<x>(?P<x_number>\d+(?:\.\d+)?)[xX])(?!\w)
    )
    """,
    re.VERBOSE,
)
_VERB_MULTIPLES = {"doubl": 2, "tripl": 3, "trebl": 3, "quadrupl": 4, "halv": Decimal("0.5")}
_VERB_ENDING = re.compile(r"(?:ed|ing|es|e)$")
# "2x" is a multiple only beside words of change or comparison ("rose 2x", "a 3x jump",
# "2.5x the level"): models and part numbers are written the same way ("the 758X series",
# "CADDS 4X software"). Both run over the folded text.
_X_BEFORE = re.compile(
    r"\b(?:rose|grew|jumped|increased|climbed|surged|soared|expanded|multiplied|gained|fell"
    r"|dropped|declined|shrank|up|down|by|about|nearly|almost|over|some|roughly)\s+\Z"
)
_X_AFTER = re.compile(
    rf"\s+(?:{_COMPARING}|increase|rise|jump|growth|gain|surge|drop|fall|decline|from|to)\b"
)


_PERCENT_MARKER = re.compile(r"%|per[\s-]?cent|percent|pct|pc")


# Not frozen: one is made for every candidate figure (see ``context.Mention``).
@dataclass(slots=True)
class Reading:
    """What the grammar read at ``start:end`` before any context is added."""

    start: int
    end: int
    kind: str
    value: Decimal
    unit: str
    printed: str
    ulp: Decimal
    low: Decimal | None = None
    high: Decimal | None = None
    negative: bool = False
    per: str | None = None


_GROUP_SEPARATORS = str.maketrans("", "", ", \u202f\u2009")


@lru_cache(maxsize=4096)
def parse_number(token: str) -> tuple[Decimal, Decimal]:
    """Digits as printed -> (value, one unit in the last printed place).

    Kept for each token read: a text prints the same few numbers again and again ("2024",
    "5", "1.2"), and a Decimal neither changes nor depends on anything but the token.
    """
    if token[:1].isalpha():
        words = [w for w in re.split(r"[- ]", fold_form(token)) if w not in ("a", "")]
        value = sum(WORD_NUMBERS[w] for w in words) if words != ["one", "hundred"] else 100
        return Decimal(value), Decimal(1)
    digits = token.replace("\u00a0", " ").translate(_GROUP_SEPARATORS)
    point = digits.find(".")
    return Decimal(digits), _unit_in_place(0 if point < 0 else point + 1 - len(digits))


@cache
def _negative(groups: re.Match[str]) -> bool:
    """Whether the amount is printed with a minus: "-3.5%", "(-)19.32", "$-50.8bn"."""
    sign = (groups["sign"] or "").strip()
    return sign in ("-", "−", "–", "(-)", "(−)") or bool(groups["sign2"])


def _unit_in_place(exponent: int) -> Decimal:
    """One in the last printed place: 10 ** exponent, exactly ("33.53" -> 0.01)."""
    return Decimal(1).scaleb(exponent)


def parse_match(match: re.Match[str]) -> list[Reading]:
    """Turn a candidate into its readings: none when it is a bare number or not a figure,
    two for "from 3.9 to 3.6 percent", whose unit is printed once for two values."""
    groups = match
    num, cur, curword, pct = groups["num"], groups["cur"], groups["curword"], groups["pct"]
    scale_form = groups["scale"] or groups["scale_glued"]
    start, end = match.span(WHOLE)
    num2 = groups["num2"]
    if (len(num) > _MAX_DIGITS and _too_long(num)) or (num2 and _too_long(num2)):
        return []  # an identifier or a checksum, not a figure anyone printed
    if _invisible_inside(match.string, start, end, match.end("num")):
        return []
    if groups["mark"] and num == "10":
        return []  # "10⁶" is a power of ten, not a footnote

    if pct:
        if cur:
            return []
        marker = fold_form(pct)
        is_bps = marker.startswith(("basis", "bp"))
        is_points = is_bps or not _PERCENT_MARKER.fullmatch(marker)
        kind, unit = ("percentage_points", "pp") if is_points else ("percent", "%")
        # Basis points are kept in percentage points so that both compare directly.
        factor = Decimal("0.01") if is_bps else Decimal(1)
    else:
        prefixes = currency_prefixes()
        currency = prefixes[cur] if cur else None
        if groups["cur_infix"]:
            currency = prefixes.get(groups["cur_infix"], currency)
        if curword:
            word = fold_form(curword)
            word_currency = currency_words()[word]
            # "$5 billion Australian dollars" would be contradictory; a bare "$" defers.
            if currency and currency != word_currency and cur != "$":
                return []
            if currency is None and word in _WEIGHT_WORDS and _weight(match, scale_form):
                return []
            currency = word_currency
        if currency is None:
            # "from 679 mln in January": an amount whose currency the sentence gave
            # before. Kept as a candidate; extraction adopts it only in that position.
            if (
                scale_form
                and fold_form(scale_form) not in _SINGLE_LETTER_SCALES
                and not num[:1].isalpha()
            ):
                value, ulp = parse_number(num)
                factor = _scale_for(scale_form)
                end = match.end("scale")
                # "from -3.1 billion": the sign is the amount's, as on a money figure.
                negative = _negative(groups)
                amount = _plain(_EXACT_CONTEXT.multiply(value, factor))
                return [
                    Reading(
                        start,
                        end,
                        "scaled",
                        -amount if negative else amount,
                        "",
                        num,
                        _plain(_EXACT_CONTEXT.multiply(ulp, factor)),
                        negative=negative,
                    )
                ]
            return []
        if cur in strict_currency_prefixes() and not (
            match.end("cur") == match.start("num") and (scale_form or _grouped(num))
        ):
            # "R5.2 billion" and "Sh1,200" are rand and shillings; "R5" and "Sh 5" are not.
            return []
        # "$5m" yes; "$5 m" and "5 m dollars" no: a lone letter after a space is too often
        # a unit or an unrelated word.
        if (
            groups["scale"]
            and fold_form(groups["scale"]) in _SINGLE_LETTER_SCALES
            and (not cur or curword or match.start("scale") != match.end("num"))
        ):
            if not cur:
                return []
            scale_form = None
            end = match.end("num2") if groups["num2"] else match.end("num")
        kind, unit = "money", currency
        factor = _scale_for(scale_form)

    if num[:1].isalpha() and not (pct or scale_form or curword):
        # "one" or "three" alone is prose; "three pct" and "six mln dlrs" are figures.
        return []
    value, ulp = parse_number(num)
    negative = _negative(groups)
    per = _per_unit(match.string, end) if kind == "money" else None
    if not groups["num2"]:
        return [_reading(start, end, kind, unit, num, value, ulp, factor, negative, per)]
    high_value, high_ulp = parse_number(groups["num2"])
    second = groups["num2"]
    if _YEAR.fullmatch(num) and fold_form(groups["rsep"]) == "to" and not cur:
        # "rose in 1986 to 44.6 pct": the year is the period, the figure the second number.
        return [
            _reading(match.start("num2"), end, kind, unit, second, high_value, high_ulp,
                     factor, False, per)
        ]  # fmt: skip
    low_factor = factor
    if (
        high_value <= value
        and cur
        and fold_form(groups["rsep"]) in ("to", "-", "–")
        and _grouped(num)
        and value < high_value * factor
    ):
        # "$650,000 to $1.1 million": the scale is the second number's only.
        low_factor = Decimal(1)
    if _MONTH_BEFORE.search(match.string, max(0, start - 12), start):
        # "the year beginning April 1 to 110.14 billion dlrs": the first number is a day.
        return [
            _reading(
                match.end("rsep"), end, kind, unit, second, high_value, high_ulp, factor,
                False, per,
            )
        ]  # fmt: skip
    after_from = _after_from(match.string, start)
    if (
        after_from
        and fold_form(groups["rsep"]) == "to"
        and ((high_value <= value and low_factor == factor) or after_from == "change")
    ):
        # "from 3.9 to 3.6 percent", "rose from $5 to $6 billion": two values, each with
        # the unit and scale printed once after the second. "is from 18.7 to 19 pct" is a
        # range, and "gains of 0.50 to 0.20 stg" neither.
        first_end = match.end("mark") if groups["mark"] else match.end("num")
        return [
            _reading(start, first_end, kind, unit, num, value, ulp, low_factor, negative, per),
            _reading(
                match.end("rsep"), end, kind, unit, second, high_value, high_ulp, factor,
                False, per,
            ),
        ]  # fmt: skip
    low = _EXACT_CONTEXT.multiply(value, low_factor)
    high = _EXACT_CONTEXT.multiply(high_value, factor)
    if high <= low:
        # "2019-20" style labels and "5-3" scores are not ranges.
        return []
    ulp = min(_EXACT_CONTEXT.multiply(ulp, low_factor), _EXACT_CONTEXT.multiply(high_ulp, factor))
    middle = _EXACT_CONTEXT.divide(_EXACT_CONTEXT.add(low, high), 2)
    printed = f"{num}-{groups['num2']}"
    reading = _reading(start, end, kind, unit, printed, middle, ulp, _ONE, negative, per)
    low, high = _plain(low, _EXACT_CONTEXT), _plain(high, _EXACT_CONTEXT)
    if negative:
        low, high = -high, -low
    return [replace(reading, low=low, high=high)]


_MONTH_BEFORE = re.compile(
    r"(?i)(?<![\w])(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?[ \t]+\Z"
)


def _reading(
    start: int,
    end: int,
    kind: str,
    unit: str,
    printed: str,
    value: Decimal,
    ulp: Decimal,
    factor: Decimal,
    negative: bool,
    per: str | None,
) -> Reading:
    """A reading of printed digits times their scale; products of both stay exact."""
    value, ulp = _scaled(value, ulp, factor)
    if negative:
        value = -value
    return Reading(start, end, kind, value, unit, printed, ulp, negative=negative, per=per)


@lru_cache(maxsize=4096)
def _scaled(value: Decimal, ulp: Decimal, factor: Decimal) -> tuple[Decimal, Decimal]:
    """A value and its unit in the last place times a scale, as ``_plain`` writes them.

    Kept by number: a text scales the same few numbers again and again. Equal numbers
    printed alike or not ("5", "5.0") give the same result, as ``_plain`` writes each
    product of a number that is never negative in one way only.
    """
    return (
        _plain(_EXACT_CONTEXT.multiply(value, factor), _EXACT_CONTEXT),
        _plain(_EXACT_CONTEXT.multiply(ulp, factor), _EXACT_CONTEXT),
    )


def _grouped(number: str) -> bool:
    """Whether digits are printed in thousands groups ("650,000", "1 741"), as an amount
    without a scale word is."""
    return bool(_THOUSANDS.fullmatch(number))


_YEAR = re.compile(r"1[89]\d\d|2[01]\d\d")
_THOUSANDS = re.compile(rf"\d{{1,3}}(?:(?:,|{_SPACE})\d{{2,3}})+(?:\.\d+)?")
_FROM_BEFORE = re.compile(
    r"(?P<change>\b(?:rose|grew|fell|went|shrank|sank|swung|up|down|ris(?:e|es|ing)"
    r"|fall(?:s|ing)?|(?:increas|decreas|declin|widen|narrow|chang|climb|jump|drop|slipp|eas"
    r"|surg|improv|slow|lower|reduc|cut|revis|shrink|expand|contract|edg|dropp)(?:e|es|ed|ing|s)?"
    r")\s+)?"
    r"\bfrom\s+(?:about\s+|around\s+|nearly\s+|some\s+)?\Z"
)


def _after_from(text: str, start: int) -> str | None:
    """ "change" when a word of change and "from" come right before ``start`` ("rose from
    3.6 to 3.9 percent"), "from" for "from" alone, else None."""
    found = _FROM_BEFORE.search(fold(text[max(0, start - 36) : start]))
    if found is None:
        return None
    return "change" if found.group("change") else "from"


# Characters that take no room in print: zero-width spaces and joiners, the word joiner,
# the soft hyphen, byte-order and direction marks. Inside a number they make "33.53" read
# as "33" or ".53"; a figure that touches one is refused rather than read as another value.
_INVISIBLE = frozenset(
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)


def _invisible_inside(text: str, start: int, end: int, number_end: int) -> bool:
    """Whether an invisible character joins the figure to more of a number or a unit:
    before it, right after its digits ("$33\u200b.53", "$33.53\u200b billion"), or right
    after its unit."""
    if _INVISIBLE.isdisjoint(text[max(0, start - 1) : end + 1]):
        return False
    if start >= 2 and text[start - 1] in _INVISIBLE and _continues(text[start - 2]):
        return True
    if number_end < len(text) and text[number_end] in _INVISIBLE:
        rest = text[number_end : number_end + 8].lstrip("".join(_INVISIBLE) + " \u00a0\t")
        if rest and _continues(rest[0]):
            return True
    return (
        end < len(text) - 1
        and text[end] in _INVISIBLE
        and (_continues(text[end + 1]) or text[end + 1] in _INVISIBLE)
    )


def _continues(char: str) -> bool:
    return char.isalnum() or char in ".,%$€£¥₹"


# "per barrel", "a month", "/bbl": money with a unit of its own. A year is left out: an
# amount "a year" is the yearly total that trade figures are.
_PER_UNIT = re.compile(
    r"(?:\s+per\s+|\s*/\s*|-per-\s*)(?P<per>(?:(?:square|cubic|metric|short|troy)\s+)?[a-z]+)\b"
    r"|(?:\s+an?\s+|-an?-\s*)(?P<per_a>(?:square\s+)?(?:month|week|day|hour|night|barrel|tonne|ton|ounce"
    r"|pound|kilogram|kilo|kg|litre|liter|gallon|bushel|share|head|unit|piece|foot|metre"
    r"|meter|person|passenger|mwh))\b"
)
# What follows the space after an amount that a price per unit goes on with.
_PER_SECOND = frozenset("pPaA \t\n\r\u00a0")
_NOT_UNITS = frozenset(
    [
        "annum",
        "year",
        "yr",
        "cent",
        "the",
        "a",
        "an",
        "its",
        "their",
        "our",
        "this",
        "that",
        "each",
        "every",
    ]
)


def _per_unit(text: str, end: int) -> str | None:
    """The unit an amount is priced in ("$71.40 per barrel" -> "barrel"), if any."""
    after = text[end : end + 2]
    if after[:1].isspace() and after[1:] not in _PER_SECOND:
        return None  # most amounts go on with " in", " from" or " to"
    if not after[:1].isspace() and after[:1] not in "/-":
        return None
    match = _PER_UNIT.match(fold(text[end : end + 40]))
    if match is None:
        return None
    unit = " ".join((match.group("per") or match.group("per_a")).split())
    return None if unit in _NOT_UNITS else unit


# "pounds" without a pound sign or "sterling" is often a weight: "down from 190 pounds to
# 176", "2 million pounds of beef". Such an amount is money only with a scale word and
# no "of" after it, or with "of" and a word of money.
_WEIGHT_WORDS = frozenset({"pound", "pounds"})
# "5 million pounds of debt" is money; "5 million pounds of beef" is not.
_MONEY_NOUNS = frozenset(
    """aid debt investment funding spending exports imports goods trade sales revenue assets
    loans capital savings bonds cuts taxes subsidies deficit surplus business contracts
    orders profit losses""".split()  # noqa: SIM905 - a word list reads better as prose
)
_OF_WORD = re.compile(r" of\s+([a-z]+)")
_COMPOUND = re.compile(r"-[a-z]")
_WEIGHT_NEAR = re.compile(r"\bweigh|\bheavier\b|\blighter\b|\blbs?\b")


def _weight(match: re.Match[str], scale_form: str | None) -> bool:
    """Whether the "pounds" of a match are more likely a weight than sterling: "310
    pound-feet", "190 pounds", "5 million pounds of beef", "weighs 17 pounds"."""
    text, end = match.string, match.end(WHOLE)
    after = fold(text[end : end + 30])
    if _COMPOUND.match(after):
        return True
    per = _per_unit(text, end)
    if per is not None:
        # "200 pounds per tonne" is a price; "pounds per square inch" a pressure.
        return "inch" in per
    before = fold(text[max(0, match.start(WHOLE) - 40) : match.start(WHOLE)])
    if _WEIGHT_NEAR.search(before) or _WEIGHT_NEAR.search(after[:12]):
        return True
    if not scale_form:
        return True
    of = _OF_WORD.match(after)
    return of is not None and of.group(1) not in _MONEY_NOUNS


# Decimal digits for exact arithmetic on any printed figure: the longest number read
# times the largest scale (10^12), with room to spare.
_MAX_DIGITS = 40
_EXACT = 80
_EXACT_CONTEXT = Context(prec=_EXACT)
_ONE = Decimal(1)


def _too_long(number: str | None) -> bool:
    """More digits than any printed figure has; Decimal arithmetic is exact only below."""
    return (
        number is not None
        and len(number) > _MAX_DIGITS
        and (sum(c.isdigit() for c in number) > _MAX_DIGITS)
    )


def _plain(value: Decimal, context: Context | None = None) -> Decimal:
    """Drop exponents that scaling leaves behind: 33.53 * 1e9 -> 33530000000."""
    if value != value.to_integral_value():
        return value.normalize(context)
    return value.quantize(_ONE, context=_EXACT_CONTEXT)


def _scale_for(scale_form: str | None) -> Decimal:
    if not scale_form:
        return Decimal(1)
    return scale_factors()[_SCALE_FORMS[fold_form(scale_form)]]


def parse_multiple(match: re.Match[str]) -> Reading | None:
    """A multiple's value from its word or number; None for a form no table holds."""
    groups = match
    if groups["verb"]:
        stem = _VERB_ENDING.sub("", fold_form(groups["verb"]))
        if stem not in _VERB_MULTIPLES:
            return None
        value, ulp, printed = Decimal(_VERB_MULTIPLES[stem]), Decimal(0), groups["verb"]
    elif groups["twice"]:
        value, ulp, printed = Decimal(2), Decimal(0), groups["twice"]
    else:
        printed = (
            groups["fold_number"]
            or groups["times_number"]
            or groups["decimal_number"]
            or groups["x_number"]
        )
        if groups["x"] and not _beside_change(match.string, match.start(), match.end()):
            return None
        if printed[:1].isalpha() and not _is_word_number(printed):
            return None
        value, ulp = parse_number(printed)
    return Reading(
        start=match.start(),
        end=match.end(),
        kind="multiple",
        value=value,
        unit="x",
        printed=printed,
        ulp=ulp,
    )


def _beside_change(text: str, start: int, end: int) -> bool:
    """Whether a word of change or comparison stands right before or after a span."""
    return bool(
        _X_BEFORE.search(fold(text[max(0, start - 16) : start]))
        or _X_AFTER.match(fold(text[end : end + 16]))
    )


def _is_word_number(token: str) -> bool:
    """Whether every word of a written number is in WORD_NUMBERS."""
    words = [w for w in re.split(r"[- ]", fold_form(token)) if w not in ("a", "")]
    return bool(words) and all(w in WORD_NUMBERS for w in words)


_BEFORE, _AFTER = 16, 48
# A run of digits with the runs that follow it no more than _BEFORE + _AFTER characters
# apart: their windows always merge. The gap is taken whole or not at all (a possessive
# quantifier): a shorter part of it would end before a non-digit too.
# A pattern that opens with a character set, not with a repeat of one ("[0-9]+"), lets the
# engine skip to the next digit at once. In ASCII text the digits are 0-9, and a range is
# cheaper to test than a Unicode category.
_DIGIT_CLUSTER = re.compile(rf"[\d]\d*(?:\D{{0,{_BEFORE + _AFTER}}}+\d+)*")
_ASCII_DIGIT_CLUSTER = re.compile(rf"[0-9][0-9]*(?:[^0-9]{{0,{_BEFORE + _AFTER}}}+[0-9]+)*")
_MULTIPLE_STEMS = ("doubl", "tripl", "trebl", "quadrupl", "halv", "fold", "times", "twice")
# "2x", "2.5x": an x right after a digit. Opening with the letter lets the engine skip.
_TIMES_SIGN = re.compile(r"x(?<=\dx)")
_SPACE_BEFORE = re.compile(r"\s")


def windows(
    text: str, anchors: list[tuple[int, int]], before: int, after: int
) -> list[tuple[int, int]]:
    """Merged spans around anchor spans, widened to whitespace so no token is cut."""
    spans: list[tuple[int, int]] = []
    for start, end in anchors:
        low = text.rfind(" ", 0, max(0, start - before)) + 1
        high = min(len(text), end + after)
        if spans and low <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], high))
        else:
            spans.append((low, high))
    return spans


def _word_anchors(lowered: str, words: Iterable[str], whole: bool = False) -> list[tuple[int, int]]:
    """Where ``words`` occur in ``lowered``; with ``whole``, only as words of their own."""
    anchors = []
    for word in words:
        position = lowered.find(word)
        while position != -1:
            end = position + len(word)
            if not whole or not (
                lowered[position - 1 : position].isalpha() or lowered[end : end + 1].isalpha()
            ):
                anchors.append((position, end))
            position = lowered.find(word, position + 1)
    anchors.sort()
    return anchors


# Every written number as one trie: one pass of the engine over the text, where a search
# for each of the 29 words took 29 passes and stopped at every "one" inside "money".
# The trie takes the longest word at a position, so a word followed by more letters
# ("sixty", "eighteen") is never cut short to a shorter one ("six", "eight").
_NUMBER_WORDS = re.compile(trie_pattern(list(WORD_NUMBERS)))
# The same trie tried only right after a character that is no ASCII letter, which the
# match takes (the word is group 1): the commonest letters of English begin some number
# word ("e", "t", "o", "s"), inside words too, and the engine stopped at each of them.
_NUMBER_WORD_AFTER = re.compile(rf"[^a-z](?=({trie_pattern(list(WORD_NUMBERS))}))")


def _number_words(lowered: str) -> list[tuple[int, int]]:
    """What ``_word_anchors(lowered, WORD_NUMBERS, whole=True)`` gives, in one pass.

    Every word is of ASCII letters: a word of its own begins the text or follows a
    character that is no letter, and the trie gives the longest word there, the only
    one that can end before a character that is no letter either.
    """
    first = _NUMBER_WORDS.match(lowered)
    spans = [first.span()] if first else []
    spans += [match.span(1) for match in _NUMBER_WORD_AFTER.finditer(lowered)]
    anchors = []
    for start, end in spans:
        if not (lowered[start - 1 : start].isalpha() or lowered[end : end + 1].isalpha()):
            anchors.append((start, end))
    return anchors


def _digit_clusters(text: str) -> list[tuple[int, int]]:
    """Runs of digits, those no more than _BEFORE + _AFTER apart joined into one: their
    windows always merge, and joining them first spares ``windows`` most of its work."""
    pattern = _ASCII_DIGIT_CLUSTER if text.isascii() else _DIGIT_CLUSTER
    return [match.span() for match in pattern.finditer(text)]


@cache
def _skipped_to() -> re.Pattern[str]:
    """The characters at which ``_skipping_figure_pattern`` is tried."""
    return re.compile(f"[{_first_characters()[1]}]")


def _same_currency(first: str | None, again: str, dollar: bool) -> bool:
    """Whether the currency before a range's second number is its first one's: the same
    symbol or code, or a bare "$" after a dollar of any country."""
    return first is not None and (first == again or (again == "$" and dollar))


@cache
def _figure_patterns(ascii_mode: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``figure_pattern`` and ``_skipping_figure_pattern``, in ASCII mode with ``ascii_mode``."""
    plain, skipping_pattern = figure_pattern(), _skipping_figure_pattern()
    if ascii_mode:
        return skipping.ascii_twin(plain), skipping.ascii_twin(skipping_pattern)
    return plain, skipping_pattern


def _window_matches(
    text: str, low: int, high: int, word_starts: list[int], ascii_mode: bool = False
) -> list[re.Match[str]]:
    """What ``finditer`` of ``figure_pattern`` gives in ``text[low:high]``; ``ascii_mode`` when
    the text reads alike in ASCII mode (see skipping.py)."""
    plain, skipping_pattern = _figure_patterns(ascii_mode)
    found = []
    for match in skipping_pattern.finditer(text, low, high):
        again = match.group("cur_again")
        if again is not None and not _same_currency(
            match.group("cur"), again, match.group("dollar") is not None
        ):
            # "US$5-€6" is no range; "US$5-$6" and "US $72 to $75 billion" are.
            plain_match = plain.match(text, match.start(), high)
            if plain_match is None:
                continue
            match = plain_match
        found.append(match)
    first = bisect.bisect_left(word_starts, low)
    if first < len(word_starts) and word_starts[first] < high:
        for start in word_starts[first : bisect.bisect_left(word_starts, high)]:
            match = plain.match(text, start, high)
            if match is not None:
                found.append(match)
        found.sort(key=lambda match: match.start())
    kept = []
    resume = low
    for match in found:
        if match.start() >= resume:
            kept.append(match)
            resume = match.end(WHOLE)
    return kept


def _word_starts(text: str, lowered: str, words: list[tuple[int, int]]) -> list[int]:
    """Where a figure may begin with a written number in lower case ("three pct", "a
    hundred"), which ``_skipping_figure_pattern`` does not try; ``words`` are the
    written numbers standing alone in ``lowered``."""
    starts = []
    skipped_to = _skipped_to()
    for start, _end in words:
        if start >= 2 and lowered.startswith("hundred", start):
            start -= 2
        if not skipped_to.match(text, start):
            starts.append(start)
    return sorted(starts)


def scan(
    text: str, folded: str | None = None, faults: list[tuple[int, Exception]] | None = None
) -> list[Reading]:
    """Every money, percent, points and multiple reading in ``text``, in order.

    The full pattern is slow to try at every character, so it runs only in windows
    around what every figure contains: a digit, or a number word ("three pct").

    With ``faults``, a candidate that the grammar fails to read is listed there with its
    offset and skipped, instead of raising: the caller drops the sentence it is in.
    """
    lowered = fold(text) if folded is None else folded
    anchors = _digit_clusters(text)
    words = _number_words(lowered)
    word_starts: list[int] = []
    if words:
        anchors = sorted(anchors + words)
        word_starts = _word_starts(text, lowered, words)
    readings: list[Reading] = []
    covered = 0
    ascii_mode = skipping.reads_alike_in_ascii(text)
    for low, high in windows(text, anchors, _BEFORE, _AFTER):
        for match in _window_matches(text, max(low, covered), high, word_starts, ascii_mode):
            try:
                found = parse_match(match)
            except Exception as error:
                if faults is None:
                    raise
                faults.append((match.start(WHOLE), error))
                continue
            if found:
                readings.extend(found)
                covered = found[-1].end
    stems = [stem for stem in _MULTIPLE_STEMS if stem in lowered]
    signs = [match.span() for match in _TIMES_SIGN.finditer(lowered)]
    if not stems and not signs:
        return readings
    anchors = sorted(_word_anchors(lowered, stems) + signs)
    multiples: list[Reading] = []
    for low, high in windows(text, anchors, 16, 16):
        for match in MULTIPLE_PATTERN.finditer(text, low, high):
            try:
                multiple = parse_multiple(match)
            except Exception as error:
                if faults is None:
                    raise
                faults.append((match.start(), error))
                continue
            if multiple is not None:
                multiples.append(multiple)
    if not multiples:
        return readings
    covered_until = -1
    kept: list[Reading] = []
    for reading in sorted(readings + multiples, key=lambda r: r.start):
        if reading.start >= covered_until:
            kept.append(reading)
            covered_until = reading.end
    return kept
