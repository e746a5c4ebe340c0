"""The folded copy of a text that case-blind patterns run over must keep every offset."""

from __future__ import annotations

import re

from tradestats.extraction import extract
from tradestats.extraction.folding import fold
from tradestats.extraction.refdata import trie_pattern


def test_fold_lowers_character_for_character() -> None:
    assert fold("Exports ROSE 5% in May") == "exports rose 5% in may"


def test_a_letter_that_lowers_to_two_keeps_offsets() -> None:
    text = "İzmir: Exports ROSE 5%"
    assert len("İ".lower()) == 2  # the case this guards against
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "İzmir: exports rose 5%"


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
