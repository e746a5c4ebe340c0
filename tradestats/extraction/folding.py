"""A lower-case copy of a text with the same offsets, for the case-blind patterns.

Under IGNORECASE, Python's ``re`` folds every character it compares and cannot reject an
alternative by its first letter, so a case-blind word list runs two to three times
slower than the same list in lower case run over a lower-cased copy of the text.
"""

from __future__ import annotations

import string

_ASCII = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def fold(text: str) -> str:
    """``text`` in lower case, character for character, so that offsets still apply.

    ``str.lower`` maps a few characters to two ("İ" -> "i̇"); in a text holding one, only
    ASCII letters are folded, which is all the patterns spell.
    """
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_ASCII)
