"""The word lists compiled into tries find each of their words whole, and nothing inside a word."""

from __future__ import annotations

import pytest

from tradestats.extraction import context
from tradestats.extraction.folding import fold


@pytest.mark.parametrize(
    ("word", "way"),
    [("negative growth", "down"), ("shrunk", "down"), ("edged up", "up"), ("spurted", "up")],
)
def test_what_a_word_of_change_says(word: str, way: str) -> None:
    assert context._DIRECTIONS[word] == way


@pytest.mark.parametrize("word", sorted(context._DIRECTIONS))
def test_every_word_of_change_is_found_whole(word: str) -> None:
    text = fold(f"Exports {word.replace(' ', chr(10))} 5% in May.")
    (match,) = context.DIRECTION_PATTERN.finditer(text)
    assert " ".join(match.group(0).split()) == word


@pytest.mark.parametrize("text", ["upward", "setup", "unrisen", "uproses", "co-rose", "Fellows"])
def test_no_word_of_change_inside_another_word(text: str) -> None:
    assert not list(context.DIRECTION_PATTERN.finditer(fold(text)))


@pytest.mark.parametrize(
    ("word", "way"), [("ROSE", "up"), ("Narrowed", "down"), ("edged  up", "up"), ("rosy", None)]
)
def test_direction_of_any_case(word: str, way: str | None) -> None:
    assert context.direction_of(word) == way


@pytest.mark.parametrize("word", sorted(context._QUALIFIERS))
def test_every_qualifier_is_read(word: str) -> None:
    text = f"Exports were {word} $5 billion."
    start = text.index("$")
    assert context.qualifier_before(text, start) == context._QUALIFIERS[word]


@pytest.mark.parametrize(
    ("words", "qualifier"),
    [
        ("approx.", "about"),
        ("an estimated", "about"),
        ("just under", "nearly"),
        ("close to", "nearly"),
        ("upwards of", "over"),
        ("in excess of", "over"),
        ("more than", "more than"),
        ("at least", "at least"),
        ("fewer than", "less than"),
        ("below", "less than"),
        ("at most", "up to"),
    ],
)
def test_what_a_qualifier_says(words: str, qualifier: str) -> None:
    text = f"Imports were {words.replace(' ', chr(10))} the $5 billion."
    assert context.qualifier_before(text, text.index("$")) == qualifier


def test_a_qualifier_must_be_a_word_of_its_own() -> None:
    text = "Exports were handsome $5 billion."
    assert context.qualifier_before(text, text.index("$")) is None
