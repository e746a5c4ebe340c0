"""Every word of every word list of the grammar, through extraction and checking.

A word that a pattern accepts and its table does not hold costs a whole document, so
each word is put in a sentence of its own, in every spelling a case-blind pattern takes
(lower, upper and title case, and with the letters outside ASCII that the engine takes
for ASCII ones: dotless and dotted i, long s, the Kelvin sign), and the sentence must
give exactly the figures it states, and a consistent growth claim where it makes one.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from tradestats import extract
from tradestats.check import check_document
from tradestats.config import Config
from tradestats.extraction import grammar
from tradestats.extraction.refdata import (
    country_names,
    currency_prefixes,
    currency_words,
    scale_factors,
)
from tradestats.models import Document

CONFIG = Config()


def _lookalikes(word: str) -> str:
    return (
        word.replace("i", "\u0131")
        .replace("I", "\u0130")
        .replace("s", "\u017f")
        .replace("k", "\u212a")
    )


SPELLINGS: dict[str, Callable[[str], str]] = {
    "as listed": lambda w: w,
    "lower": str.lower,
    "upper": str.upper,
    "title": str.title,
    "lookalikes": _lookalikes,
    "upper lookalikes": lambda w: _lookalikes(w.upper()),
}


def _spelled(words: list[str]) -> list[tuple[str, str, str]]:
    """(listed word, spelling, spelled word) for every word and every distinct spelling."""
    cases = []
    for word in words:
        seen = set()
        for name, spell in SPELLINGS.items():
            spelled = spell(word)
            if spelled not in seen:
                seen.add(spelled)
                cases.append((word, name, spelled))
    return cases


def _growth_verdicts(text: str) -> list[str]:
    result = check_document(Document(text, "words.txt"), CONFIG)
    return [claim.verdict for claim in result.claims if claim.kind == "growth"]


def _assert_growth_claim(amount: str, unit: str, factor: Decimal) -> None:
    """``amount`` with "{}" for the number, as the two ends of a 25% rise."""
    new, old = amount.format(5), amount.format(4)
    text = f"Exports rose 25% to {new} in 2024 from {old} in 2023."
    money = [(f.text, f.value, f.unit) for f in extract(text) if f.kind == "money"]
    assert money == [(new, 5 * factor, unit), (old, 4 * factor, unit)]
    assert _growth_verdicts(text) == ["consistent"]


WORD_SCALES = [form for form in grammar._SCALE_FORMS if form not in grammar._SINGLE_LETTER_SCALES]
MILLION = Decimal(1_000_000)


@pytest.mark.parametrize(("form", "spelling", "word"), _spelled(WORD_SCALES))
def test_every_scale_word(form: str, spelling: str, word: str) -> None:
    _assert_growth_claim(f"${{}} {word}", "USD", scale_factors()[grammar._SCALE_FORMS[form]])


@pytest.mark.parametrize(
    ("form", "spelling", "word"), _spelled(sorted(grammar._SINGLE_LETTER_SCALES))
)
def test_every_scale_letter_glued_to_an_amount(form: str, spelling: str, word: str) -> None:
    _assert_growth_claim(f"${{}}{word}", "USD", scale_factors()[grammar._SCALE_FORMS[form]])


@pytest.mark.parametrize(("form", "spelling", "word"), _spelled(sorted(currency_words())))
def test_every_currency_word(form: str, spelling: str, word: str) -> None:
    _assert_growth_claim(f"{{}} million {word}", currency_words()[form], MILLION)


@pytest.mark.parametrize("prefix", sorted(currency_prefixes()))
def test_every_currency_prefix(prefix: str) -> None:
    _assert_growth_claim(f"{prefix}{{}} million", currency_prefixes()[prefix], MILLION)


# "hundred" is written with its "a" or "one".
WRITTEN_NUMBERS = {
    ("a hundred" if w == "hundred" else w): v for w, v in grammar.WORD_NUMBERS.items()
}


@pytest.mark.parametrize(("listed", "spelling", "word"), _spelled(sorted(WRITTEN_NUMBERS)))
def test_every_written_number(listed: str, spelling: str, word: str) -> None:
    (figure,) = extract(f"Exports rose {word} percent in May.")
    assert (figure.text, figure.value, figure.unit) == (
        f"{word} percent",
        WRITTEN_NUMBERS[listed],
        "%",
    )


PERCENT_MARKERS = ["%", "per cent", "per-cent", "percent", "pct", "pc"]
POINTS_MARKERS = {
    "percentage points": "1",
    "percentage point": "1",
    "percent points": "1",
    "per cent points": "1",
    "pct points": "1",
    "ppts": "1",
    "ppt": "1",
    "pp": "1",
    "basis points": "0.01",
    "basis point": "0.01",
    "bps": "0.01",
    "bp": "0.01",
}


@pytest.mark.parametrize(("listed", "spelling", "word"), _spelled(PERCENT_MARKERS))
def test_every_percent_marker(listed: str, spelling: str, word: str) -> None:
    if spelling != "as listed" and listed == "pc":
        pytest.skip("only 'pc' in lower case: 'PC' and 'Pc' are too often other words")
    text = f"Exports rose 25 {word} to $5 billion in 2024 from $4 billion in 2023."
    (rate,) = [f for f in extract(text) if f.kind == "percent"]
    assert (rate.text, rate.value, rate.unit) == (f"25 {word}", Decimal(25), "%")
    assert _growth_verdicts(text) == ["consistent"]


@pytest.mark.parametrize(("listed", "spelling", "word"), _spelled(sorted(POINTS_MARKERS)))
def test_every_points_marker(listed: str, spelling: str, word: str) -> None:
    (figure,) = extract(f"The share rose 50 {word} in May.")
    assert (figure.text, figure.kind, figure.value) == (
        f"50 {word}",
        "percentage_points",
        50 * Decimal(POINTS_MARKERS[listed]),
    )


MULTIPLES = {
    **{
        f"{stem}{ending}": value
        for stem, value in grammar._VERB_MULTIPLES.items()
        for ending in ("ed", "es", "ing")
    },
    **{f"{word}fold": value for word, value in grammar.WORD_NUMBERS.items() if value > 1},
    **{f"{word}-fold": value for word, value in grammar.WORD_NUMBERS.items() if value > 1},
    "a hundredfold": 100,
    "2.5-fold": Decimal("2.5"),
    "12 times higher": 12,
    "a hundred times higher": 100,
    "twenty-five times more": 25,
    "twice as much as": 2,
    "2x": 2,
    "2.5x": Decimal("2.5"),
}


@pytest.mark.parametrize(("listed", "spelling", "words"), _spelled(sorted(MULTIPLES)))
def test_every_multiple(listed: str, spelling: str, words: str) -> None:
    text = f"Exports {words} to $5 billion in May."
    multiples = [f for f in extract(text) if f.kind == "multiple"]
    assert [f.value for f in multiples] == [MULTIPLES[listed]], text
    result = check_document(Document(text, "words.txt"), CONFIG)
    assert [f.text for f in result.figures if f.kind == "money"] == ["$5 billion"]


@pytest.mark.parametrize(("name", "spelling", "spelled"), _spelled(sorted(country_names()))[::7])
def test_country_names_cost_no_figure(name: str, spelling: str, spelled: str) -> None:
    # Every seventh spelling keeps this fast; the list is run whole by the fuzz benchmark.
    text = f"Exports to {spelled} rose 25% to $5 billion in 2024 from $4 billion in 2023."
    assert [f.text for f in extract(text)] == ["25%", "$5 billion", "$4 billion"]
    assert _growth_verdicts(text) == ["consistent"]


@pytest.mark.parametrize("digits", [39, 40, 41, 60, 200, 5000])
@pytest.mark.parametrize("scale", ["", " billion", " lakh crore", " pct", "-9 billion"])
def test_numbers_of_any_length_are_read_or_refused(digits: int, scale: str) -> None:
    number = "1" * digits
    text = f"Exports rose to Rs {number}{scale} in 2024, up 5% from Rs 4 crore."
    result = check_document(Document(text, "long.txt"), CONFIG)
    long = [f for f in result.figures if f.printed.startswith("1111")]
    if digits <= grammar._MAX_DIGITS and scale in ("", " billion", " lakh crore"):
        factor = {"": 1, " billion": 10**9, " lakh crore": 10**12}[scale]
        assert [f.value for f in long] == [int(number) * factor]
    else:
        assert long == []
