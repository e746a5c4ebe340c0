"""Paragraphs and sentences with character offsets into the document text.

News text comes in two shapes: wire copy hard-wrapped at ~65 columns with indented
paragraphs, and web text with one paragraph a line. A line break ends a sentence only when
the text around it says so (sentence-final punctuation, a blank or indented next line, a
heading); otherwise it is a soft wrap inside the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tradestats.models import quick_init

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """
    u.s u.k u.n e.u n.z rs re mr mrs ms dr prof st jan feb mar apr jun jul aug sep sept oct nov dec
    no nos vs etc inc corp co ltd plc dept govt approx est fig figs p.c cf e.g i.e a.m p.m
    gov sen rep gen lt col maj capt mt ft bros jr sr hon
    """.split()  # noqa: SIM905 - a word list reads better as prose
)

# One mark, then any more: a pattern that opens with a character set, not with a repeat of
# one, lets the engine skip to the next mark at once.
# Scraped text may lose the space after a full stop ("in June.The surplus"): a stop right
# after a word and right before a capitalized word still ends the sentence.
_SENTENCE_END = re.compile(
    r"""[.!?](?:[.!?]*["'”’)\]]*(?=\s)|(?<=[A-Za-z\d)%]\.)(?=[A-Z][a-z]+(?:['’]s)?[\s,]))"""
)
_HEADING_LINE = re.compile(r"^[^a-z]*[A-Z][^a-z]*$")
# What closes a line's paragraph: its last mark, or the indent of the next line.
_CLOSING = frozenset('.!?:;"”’)')
_INDENTS = frozenset((" ", "\t", "\u00a0"))
_SPACES = re.compile(r"\s*")
# The letters, digits and dots that end at a full stop: the word it may abbreviate. A run
# that fills the whole window (one longer than the longest) is no abbreviation.
_ABBREVIATION_WINDOW = max(map(len, _ABBREVIATIONS)) + 1
_WORD_BEFORE = re.compile(r"(?:[^\W_]|\.)+\Z")


@quick_init
@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index of the paragraph, so context is never carried across one


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Split on blank lines, indented lines and lines that close a sentence or a heading."""
    spans: list[tuple[int, int]] = []
    lines = text.split("\n")
    # Each line stripped once: a line is blank when nothing is left of it, and a paragraph
    # when nothing is left of any of its lines.
    stripped_lines = [line.rstrip() for line in lines]
    # Each line beside the one after it; the last is followed by nothing, a blank.
    following_lines = lines[1:]
    following_lines.append("")
    following_stripped = stripped_lines[1:]
    following_stripped.append("")
    heading = _HEADING_LINE.match
    start = pos = 0
    filled = False
    for line, stripped, following, following_filled in zip(
        lines, stripped_lines, following_lines, following_stripped, strict=True
    ):
        line_end = pos + len(line)
        pos = line_end + 1
        if stripped:
            filled = True
            last = stripped[-1]
            if (
                following_filled
                and following[:1] not in _INDENTS
                and last not in _CLOSING
                and not line.endswith(("  ", "\t"))
                # A line that ends in a lower-case letter is no heading: the common case
                # of hard-wrapped text, spared the pattern.
                and ("a" <= last <= "z" or not heading(stripped))
            ):
                continue  # a soft wrap: the paragraph goes on
        if filled:
            spans.append((start, line_end))
        start = pos
        filled = False
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    # A step over each space at either end (seldom more than one), rather than a search
    # and a copy of the sentence to strip; ``str.isspace`` is the engine's ``\s``.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_boundary(text: str, dot: int, after: int) -> bool:
    """Whether the punctuation ending at ``after`` closes a sentence."""
    # The next character that is not a space; slicing the rest of the text here would
    # make splitting quadratic in the length of a paragraph.
    following = _SPACES.match(text, after).end()
    if following >= len(text):
        return True
    first = text[following]
    if not (first.isupper() or first.isdigit() or first in "\"'“‘(["):
        return False
    if text[dot] == ".":
        # "U.S. exports", "Rs. 500", "Jan. 5": the word before the dot is an abbreviation.
        before = _WORD_BEFORE.search(text, max(0, dot - _ABBREVIATION_WINDOW), dot)
        word = before.group(0).lower() if before else ""
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            return False
    return True


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for paragraph, (p_start, p_end) in enumerate(_paragraph_spans(text)):
        start = p_start
        for match in _SENTENCE_END.finditer(text, p_start, p_end):
            if _is_boundary(text, match.start(), match.end()):
                s, e = _trim(text, start, match.end())
                if s < e:
                    sentences.append(Sentence(s, e, paragraph))
                start = match.end()
        s, e = _trim(text, start, p_end)
        if s < e:
            sentences.append(Sentence(s, e, paragraph))
    return sentences
