"""A lower-case copy of a text with the same offsets, for the case-blind patterns.

Under IGNORECASE, Python's ``re`` folds every character it compares and cannot reject an
alternative by its first letter, so a case-blind word list runs two to three times
slower than the same list in lower case run over a lower-cased copy of the text.
"""

from __future__ import annotations

import re
import string
from functools import cache, lru_cache

_ASCII = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
# The letters outside ASCII that Python's case-blind matching takes for ASCII ones, as
# their ASCII letter. "İ" lowers to two characters; the others lower to themselves.
LOOKALIKES = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_TO_ASCII = str.maketrans(LOOKALIKES)
_ANY_LOOKALIKE = re.compile("[" + "".join(LOOKALIKES) + "]")


def fold(text: str) -> str:
    """``text`` in lower case, character for character, so that offsets still apply.

    The letters a case-blind pattern takes for ASCII ones fold to them, so that a word
    list run over this copy finds what the case-blind patterns find ("thouſand"). A text
    holding another letter that lowers to two characters folds only its ASCII letters,
    which is all the patterns spell.
    """
    if text.isascii():
        return text.lower()
    if _ANY_LOOKALIKE.search(text):
        text = text.translate(_TO_ASCII)
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_ASCII)


# Python's case-blind matching takes a few letters outside ASCII for ASCII ones ("ı" and
# "İ" for "i", the long "ſ" for "s", the Kelvin sign for "k"), so "mıllion" and "thouſand"
# match a case-blind "million" and "thousand". A table keyed by ``str.lower`` holds
# neither. The engine itself says which ASCII letter such a character stands for.
_ASCII_LETTER = re.compile("[a-z]", re.IGNORECASE)
_ASCII_LETTERS = [(letter, re.compile(letter, re.IGNORECASE)) for letter in string.ascii_lowercase]


@cache
def fold_letter(char: str) -> str:
    """The letter ``char`` is to a case-blind pattern: what the engine matches it to.

    ASCII and every other character fold with ``str.lower`` where that gives one
    character; the few that the engine also takes for an ASCII letter fold to that letter.
    """
    if char.isascii():
        return char.lower()
    if _ASCII_LETTER.fullmatch(char):
        return next(letter for letter, same in _ASCII_LETTERS if same.fullmatch(char))
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


@lru_cache(maxsize=4096)
def fold_form(surface: str) -> str:
    """The key of a word as a case-blind pattern matched it, for the tables behind it.

    Patterns and tables agree by this one function: the tables are keyed by the folded
    form of each entry, and a matched word is looked up by its folded form, so any
    spelling the pattern accepts ("BİLLION", "Thouſand", "lakh\\ncrore") finds its entry.
    Runs of white space count as one space.
    """
    folded = surface.lower() if surface.isascii() else "".join(map(fold_letter, surface))
    return " ".join(folded.split())
