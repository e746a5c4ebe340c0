"""The folded copy of a text that case-blind patterns run over must keep every offset."""

from __future__ import annotations

import re

from tradestats.extraction import extract, folding
from tradestats.extraction.folding import fold, fold_form
from tradestats.extraction.refdata import trie_pattern


def test_fold_lowers_character_for_character() -> None:
    assert fold("Exports ROSE 5% in May") == "exports rose 5% in may"


def test_a_letter_that_lowers_to_two_keeps_offsets() -> None:
    text = "İzmir: Exports ROSE 5%"
    assert len("İ".lower()) == 2  # the case this guards against
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "izmir: exports rose 5%"


def test_figures_after_such_a_letter_keep_their_offsets_and_context() -> None:
    text = "İzmir port: EXPORTS rose 5% in the year."
    (figure,) = extract(text)
    assert text[figure.start : figure.end] == figure.text == "5%"
    assert figure.flow == "exports"
    assert figure.direction == "up"


def test_case_blind_trie_matches_any_case_and_nothing_else() -> None:
    pattern = re.compile(rf"(?:{trie_pattern(['year', 'ytd'], case_blind=True)})\Z")
    for word in ("year", "YEAR", "Year", "yTd"):
        assert pattern.match(word), word
    for word in ("yea", "years", "ytd!"):
        assert not pattern.match(word), word


def test_the_lookalikes_are_every_letter_the_engine_takes_for_an_ascii_one() -> None:
    # Python's case-blind matching, asked over every code point.
    any_ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    taken = {chr(code) for code in range(128, 0x110000) if any_ascii_letter.fullmatch(chr(code))}
    assert taken == set(folding.LOOKALIKES)
    for char, letter in folding.LOOKALIKES.items():
        assert re.fullmatch(letter, char, re.IGNORECASE)
        assert folding.fold_letter(char) == letter
        assert fold(f"A{char}B") == f"a{letter}b"


def test_fold_form_is_the_key_of_every_spelling_a_case_blind_pattern_takes() -> None:
    assert fold_form("B\u0130LL\u0131ON") == "billion"
    assert fold_form("Thou\u017fand") == "thousand"
    assert fold_form("lakh\n \tcrore") == "lakh crore"
    assert fold_form("BOL\u00cdVARES") == "bol\u00edvares"


def test_fold_keeps_offsets_with_lookalikes_and_other_capitals() -> None:
    text = "\u0130ZM\u0130R \u00c9XPORTS thou\u017fand"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "izmir \u00e9xports thousand"
