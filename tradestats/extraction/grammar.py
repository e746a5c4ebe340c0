"""The trade grammar: money, percent, percentage points and multiples as written in news.

One compiled pattern finds every candidate; ``parse_match`` turns a match into a
``Reading`` (value, unit, printed digits, precision) or rejects it. Context (flow,
countries, periods) is added later by ``context.py``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Context, Decimal
from functools import cache

from tradestats.extraction import skipping
from tradestats.extraction.folding import LOOKALIKES, fold, fold_form
from tradestats.extraction.refdata import (
    currency_prefixes,
    currency_words,
    scale_factors,
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
    words = trie_pattern(list(currency_words()))
    scales = trie_pattern(list(_SCALE_FORMS))
    sign = r"(?:[-−+](?=[\d.$€£¥₹A-Z])|–(?=\d)|\([-−]\))"
    first, _ = _first_characters()
    return rf"""
        (?=[{first}])
        (?P<sign>{sign}\s?)?
        (?:(?P<cur>{prefixes})(?![A-Za-z])\s?(?P<sign2>[-−])?\s?)?
        (?P<num>{_NUMBER})(?!,\d)
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
    body = _figure_body("(?P=cur)")
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
MULTIPLE_PATTERN = re.compile(
    rf"""
    (?<![\w-])
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


@dataclass(frozen=True, slots=True)
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


_GROUP_SEPARATORS = str.maketrans("", "", ", \u202f\u2009")


def parse_number(token: str) -> tuple[Decimal, Decimal]:
    """Digits as printed -> (value, one unit in the last printed place)."""
    if token[:1].isalpha():
        words = [w for w in re.split(r"[- ]", fold_form(token)) if w not in ("a", "")]
        value = sum(WORD_NUMBERS[w] for w in words) if words != ["one", "hundred"] else 100
        return Decimal(value), Decimal(1)
    digits = token.replace("\u00a0", " ").translate(_GROUP_SEPARATORS)
    point = digits.find(".")
    return Decimal(digits), _unit_in_place(0 if point < 0 else point + 1 - len(digits))


@cache
def _unit_in_place(exponent: int) -> Decimal:
    """One in the last printed place: 10 ** exponent, exactly ("33.53" -> 0.01)."""
    return Decimal(1).scaleb(exponent)


def parse_match(match: re.Match[str]) -> Reading | None:
    """Turn a candidate into a Reading; None when it is a bare number or not a figure."""
    groups = match
    num, cur, curword, pct = groups["num"], groups["cur"], groups["curword"], groups["pct"]
    scale_form = groups["scale"] or groups["scale_glued"]
    start, end = match.span(WHOLE)
    if _too_long(num) or _too_long(groups["num2"]):
        return None  # an identifier or a checksum, not a figure anyone printed

    if pct:
        if cur:
            return None
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
            word_currency = currency_words()[fold_form(curword)]
            # "$5 billion Australian dollars" would be contradictory; a bare "$" defers.
            if currency and currency != word_currency and cur != "$":
                return None
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
                return Reading(
                    start,
                    end,
                    "scaled",
                    _plain(_EXACT_CONTEXT.multiply(value, factor)),
                    "",
                    num,
                    _plain(_EXACT_CONTEXT.multiply(ulp, factor)),
                )
            return None
        # "$5m" yes; "$5 m" and "5 m dollars" no: a lone letter after a space is too often
        # a unit or an unrelated word.
        if (
            groups["scale"]
            and fold_form(groups["scale"]) in _SINGLE_LETTER_SCALES
            and (not cur or curword or match.start("scale") != match.end("num"))
        ):
            if not cur:
                return None
            scale_form = None
            end = match.end("num2") if groups["num2"] else match.end("num")
        kind, unit = "money", currency
        factor = _scale_for(scale_form)

    if num[:1].isalpha() and not (pct or scale_form or curword):
        # "one" or "three" alone is prose; "three pct" and "six mln dlrs" are figures.
        return None
    value, ulp = parse_number(num)
    sign = (groups["sign"] or "").strip()
    negative = sign in ("-", "−", "(-)", "(−)") or bool(groups["sign2"])
    low = high = None
    printed = num
    if groups["num2"]:
        high_value, high_ulp = parse_number(groups["num2"])
        if high_value <= value:
            # "2019-20" style labels and "5-3" scores are not ranges.
            return None
        low = _EXACT_CONTEXT.multiply(value, factor)
        high = _EXACT_CONTEXT.multiply(high_value, factor)
        ulp = min(ulp, high_ulp)
        value = _EXACT_CONTEXT.divide(_EXACT_CONTEXT.add(value, high_value), 2)
        printed = f"{num}-{groups['num2']}"
    # Products of printed digits and scales stay exact.
    value = _plain(_EXACT_CONTEXT.multiply(value, factor), _EXACT_CONTEXT)
    ulp = _plain(_EXACT_CONTEXT.multiply(ulp, factor), _EXACT_CONTEXT)
    low, high = (
        (_plain(low, _EXACT_CONTEXT), _plain(high, _EXACT_CONTEXT))
        if low is not None and high is not None
        else (None, None)
    )
    if negative:
        value = -value
        if low is not None and high is not None:
            low, high = -high, -low
    return Reading(start, end, kind, value, unit, printed, ulp, low, high, negative)


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


def _digit_clusters(text: str) -> list[tuple[int, int]]:
    """Runs of digits, those no more than _BEFORE + _AFTER apart joined into one: their
    windows always merge, and joining them first spares ``windows`` most of its work."""
    pattern = _ASCII_DIGIT_CLUSTER if text.isascii() else _DIGIT_CLUSTER
    return [match.span() for match in pattern.finditer(text)]


@cache
def _skipped_to() -> re.Pattern[str]:
    """The characters at which ``_skipping_figure_pattern`` is tried."""
    return re.compile(f"[{_first_characters()[1]}]")


def _window_matches(text: str, low: int, high: int, word_starts: list[int]) -> list[re.Match[str]]:
    """What ``finditer`` of ``figure_pattern`` gives in ``text[low:high]``."""
    plain = figure_pattern()
    found = []
    for match in _skipping_figure_pattern().finditer(text, low, high):
        again = match.group("cur_again")
        if again is not None and again != match.group("cur"):
            # "US$5-$6": a range only where the currency repeats as it was first written.
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


def _read(
    parse: Callable[[re.Match[str]], Reading | None],
    match: re.Match[str],
    faults: list[tuple[int, Exception]] | None,
) -> Reading | None:
    """``parse(match)``, with its fault listed in ``faults`` when there is such a list."""
    if faults is None:
        return parse(match)
    try:
        return parse(match)
    except Exception as error:
        faults.append(
            (match.start(WHOLE) if WHOLE in match.re.groupindex else match.start(), error)
        )
        return None


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
    words = _word_anchors(lowered, WORD_NUMBERS, whole=True)
    word_starts: list[int] = []
    if words:
        anchors = sorted(anchors + words)
        word_starts = _word_starts(text, lowered, words)
    readings: list[Reading] = []
    covered = 0
    for low, high in windows(text, anchors, _BEFORE, _AFTER):
        for match in _window_matches(text, max(low, covered), high, word_starts):
            reading = _read(parse_match, match, faults)
            if reading is not None:
                readings.append(reading)
                covered = reading.end
    stems = [stem for stem in _MULTIPLE_STEMS if stem in lowered]
    signs = [match.span() for match in _TIMES_SIGN.finditer(lowered)]
    if not stems and not signs:
        return readings
    anchors = sorted(_word_anchors(lowered, stems) + signs)
    multiples: list[Reading] = []
    for low, high in windows(text, anchors, 16, 16):
        for match in MULTIPLE_PATTERN.finditer(text, low, high):
            multiple = _read(parse_multiple, match, faults)
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
