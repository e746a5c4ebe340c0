"""The date of a document: the day its "in July" and "last year" are counted from.

A trade story reports the latest data, so a month named without a year is the latest such
month before the story was written. That needs the date of writing, which a document
gives in many places: the caller (``--date``), the page's metadata (HTML ``<meta>``,
JSON-LD, ``<time>``, Word core properties, PDF metadata), a "Published:" line, a wire
dateline, the file name. Each finder here returns the date with the name of the place it
came from, so that output can say why "in July" became July 2025.

The order of trust: what the caller says, then metadata written for machines, then what a
reader sees at the head of the text, then the file name. A full date in the body text is
never taken: in a page that holds several stories it belongs to whichever story holds it.
"""

from __future__ import annotations

import itertools
import os.path
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tradestats.models import Document, Figure

# The month names of English, shared with the period grammar (extraction/periods.py).
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_NAME = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
# "14 August 2024", "August 14, 2024", "Aug. 14 2024", "2024-08-14", "14/08/2024".
_WRITTEN = (
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTH_NAME}),?\s+(?P<y1>{_YEAR})"
    rf"|(?P<m2>{MONTH_NAME})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>{_YEAR})"
    rf"|(?P<y3>{_YEAR})-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)"
    rf"|(?P<d4>[0-3]?\d)/(?P<m4>[01]?\d)/(?P<y4>{_YEAR}))"
)
_WRITTEN_DATE = re.compile(rf"(?i)(?<![\w-]){_WRITTEN}(?![\w-])")

# How far into a text its own date line is looked for: a page's date sits at its head.
_HEAD_CHARS = 1500
# "Published: 14 August 2024", "Updated on Aug 14, 2024 10:31 IST", "Posted 2024-08-14".
_LABELLED_BODY = (
    r"[ \t>*_|]*(?P<label>published|updated|last\s+updated|posted|first\s+published|date"
    r"|released|issued)(?:\s+(?:on|at))?\s*[:\-–—]?\s*(?:[A-Z][a-z]+day,?\s+)?"
    rf"(?P<date>{_WRITTEN})"
)
# At the start of the text, and at the start of any other line: after the line break,
# which the match takes (see ``_LABELLED_AFTER_BREAK``).
_LABELLED_LINE = re.compile(rf"(?i){_LABELLED_BODY}")
_LABELLED_AFTER_BREAK = re.compile(rf"(?i)\n{_LABELLED_BODY}")
# A dateline opens the story, within its first lines.
_DATELINE_CHARS = 400
# A wire dateline opens a paragraph: "NEW DELHI, Aug 14, 2024 (PTI) -", "LONDON, 14 August
# 2024 (Reuters) --". A dateline without a year ("NEW DELHI, Aug 14 (PTI) -") says the
# day but not the year; it is used only when the file name gives the year.
_PLACE = r"[A-Z][A-Za-z.'’]*(?:[ -][A-Z][A-Za-z.'’]*){0,3}"
_DATELINE_BODY = (
    rf"[ \t]*{_PLACE}(?:,\s*{_PLACE})?,\s*(?P<date>{_WRITTEN}|(?P<m5>{MONTH_NAME})\s+(?P<d5>\d{{1,2}}))"
    r"\s*(?:\([A-Za-z .&]{1,30}\)\s*)?(?:[-–—]|\.-|:)"
)
_DATELINE = re.compile(_DATELINE_BODY)  # at the start of the text
_YEAR_DIGITS = re.compile(_YEAR)
# At the start of any other line: after the line break, which the match takes. A pattern
# that opens with "^" is tried at every character; one that opens with a line break only
# at the line breaks. No dateline ends with one, so the next begins after it.
_DATELINE_AFTER_BREAK = re.compile(rf"\n(?:{_DATELINE_BODY})")
# "2025-08-14-note.md", "release_2025_08.txt", "2025.08.14 brief.pdf".
_FILE_DATE = re.compile(
    rf"(?<!\d)(?P<y>{_YEAR})[-_.](?P<m>0[1-9]|1[0-2])(?:[-_.](?P<d>0[1-9]|[12]\d|3[01]))?(?!\d)"
)
_FILE_YEAR = re.compile(rf"(?<!\d)(?P<y>{_YEAR})(?!\d)")

# HTML: the publication date as pages write it for search engines and feed readers.
_META_NAMES = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publish-date",
    "publishdate",
    "pubdate",
    "dc.date.issued",
    "dc.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
)
_TAG = re.compile(r"(?is)<(?P<tag>meta|time|span|div|abbr)\b(?P<attrs>[^>]*)>")
_ATTR = re.compile(r"""(?is)([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_JSON_LD = re.compile(r"""(?is)["']datePublished["']\s*:\s*["']([^"']+)["']""")
_ISO_PREFIX = re.compile(rf"(?P<y>{_YEAR})-(?P<m>[01]\d)(?:-(?P<d>[0-3]\d))?")


@dataclass(frozen=True, slots=True)
class DocumentDate:
    """A document's date and the place it was read from ("given", "html meta ...")."""

    date: date
    source: str


def _checked(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _from_match(match: re.Match[str]) -> date | None:
    """The date of a ``_WRITTEN`` match, whichever of its shapes matched."""
    groups = match.groupdict()
    if groups.get("y1"):
        return _checked(int(groups["y1"]), MONTHS[groups["m1"][:3].lower()], int(groups["d1"]))
    if groups.get("y2"):
        return _checked(int(groups["y2"]), MONTHS[groups["m2"][:3].lower()], int(groups["d2"]))
    if groups.get("y3"):
        return _checked(int(groups["y3"]), int(groups["m3"]), int(groups["d3"]))
    if groups.get("y4"):
        # Day first: the order of every English-writing country but one, and that one
        # writes its month names out in the news.
        return _checked(int(groups["y4"]), int(groups["m4"]), int(groups["d4"]))
    return None


def parse_iso(value: str) -> date | None:
    """The date at the start of an ISO 8601 value ("2024-08-14T09:30:00+05:30", "2024-08")."""
    match = _ISO_PREFIX.match(value.strip())
    if match is None:
        return None
    return _checked(int(match["y"]), int(match["m"]), int(match["d"] or 1))


def from_html(markup: str) -> DocumentDate | None:
    """The publication date a page declares: ``<meta>``, ``itemprop``, JSON-LD, ``<time>``."""
    found: dict[str, DocumentDate] = {}
    for tag in _TAG.finditer(markup):
        attrs: dict[str, str] = {}
        for name, double, single, bare in _ATTR.findall(tag["attrs"]):
            attrs[name.lower()] = double or single or bare
        kind = tag["tag"].lower()
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        value = attrs.get("content") or attrs.get("datetime") or ""
        if kind == "meta" and key in _META_NAMES:
            when = parse_iso(value)
            if when is not None:
                found.setdefault(f"meta:{key}", DocumentDate(when, f"html meta {key}"))
        elif attrs.get("itemprop", "").lower() == "datepublished":
            when = parse_iso(value)
            if when is not None:
                found.setdefault("itemprop", DocumentDate(when, "html itemprop datePublished"))
        elif kind == "time" and "datetime" in attrs:
            when = parse_iso(attrs["datetime"])
            if when is not None:
                found.setdefault("time", DocumentDate(when, "html time datetime"))
    for match in _JSON_LD.finditer(markup):
        when = parse_iso(match.group(1))
        if when is not None:
            found.setdefault("json-ld", DocumentDate(when, "json-ld datePublished"))
            break
    # Declared for machines first; the first <time> of a page is often a comment's.
    for key in (*(f"meta:{name}" for name in _META_NAMES), "itemprop", "json-ld", "time"):
        if key in found:
            return found[key]
    return None


def from_docx(properties: Any) -> DocumentDate | None:
    """The date of a Word file's core properties: created, else last modified.

    Created, because a file saved again later (a copy, a fix of a typo) keeps it.
    """
    for name in ("created", "modified"):
        value = getattr(properties, name, None)
        if isinstance(value, datetime):
            return DocumentDate(value.date(), f"word core properties {name}")
    return None


def from_pdf(metadata: Any) -> DocumentDate | None:
    """The creation date in a PDF's document information, else its modification date."""
    if metadata is None:
        return None
    for name, label in (("creation_date", "CreationDate"), ("modification_date", "ModDate")):
        try:
            value = getattr(metadata, name, None)
        except Exception:  # a malformed date string in a damaged file
            value = None
        if isinstance(value, datetime):
            return DocumentDate(value.date(), f"pdf metadata {label}")
    return None


def from_text(text: str, year_hint: int | None = None) -> DocumentDate | None:
    """A date line at the head of the text: "Published: ...", "Updated ...", a dateline.

    ``year_hint`` (from the file name) completes a dateline that names only the day.
    """
    head = text[:_HEAD_CHARS]
    labelled = _LABELLED_LINE.match(head) or _LABELLED_AFTER_BREAK.search(head)
    if labelled is not None:
        when = _from_match(labelled)
        if when is not None:
            label = " ".join(labelled["label"].lower().split())
            return DocumentDate(when, f"text {label} line")
    if year_hint is None and _YEAR_DIGITS.search(head, 0, _DATELINE_CHARS) is None:
        # A dateline dates the text only with a year, its own or the file name's: with
        # neither, none of the datelines of most wire copy ("LONDON, March 3 -") can.
        return None
    first = _DATELINE.match(head, 0, _DATELINE_CHARS)
    after = first.end() if first else 0
    datelines = _DATELINE_AFTER_BREAK.finditer(head, after, _DATELINE_CHARS)
    for dateline in itertools.chain([first] if first else [], datelines):
        if dateline["m5"]:
            if year_hint is None:
                continue
            when = _checked(year_hint, MONTHS[dateline["m5"][:3].lower()], int(dateline["d5"]))
        else:
            when = _from_match(dateline)
        if when is not None:
            return DocumentDate(when, "text dateline")
    return None


def from_path(path: str) -> DocumentDate | None:
    """A date in the file name: ``2025-08-14-note.md``, ``release_2025_08.txt``."""
    name = os.path.basename(path)
    match = _FILE_DATE.search(name)
    if match is None:
        return None
    when = _checked(int(match["y"]), int(match["m"]), int(match["d"] or 1))
    return None if when is None else DocumentDate(when, "file name")


def with_date(document: Document, declared: DocumentDate | None) -> Document:
    """The document with the date its file declares, for the extraction to count from."""
    if declared is None:
        return document
    return replace(document, published=declared.date, published_source=declared.source)


def declared_date(document: Document) -> DocumentDate | None:
    if document.published is None:
        return None
    return DocumentDate(document.published, document.published_source or "metadata")


def document_date(
    text: str,
    path: str,
    given: date | None = None,
    declared: DocumentDate | None = None,
) -> DocumentDate | None:
    """The date a document's periods are counted from, with where it was found.

    ``given`` is the caller's (``--date``); ``declared`` what the file's format declared
    (HTML, Word, PDF metadata), read when the file was parsed.
    """
    if given is not None:
        return DocumentDate(given, "given")
    if declared is not None:
        return declared
    named, hint = _path_date(path)
    return from_text(text, hint) or named


@lru_cache(maxsize=256)
def _path_date(path: str) -> tuple[DocumentDate | None, int | None]:
    """The date in a file name, and the year that completes a dateline without one.

    Kept for a few paths: a caller that names no file gives the same one every time.
    """
    named = from_path(path)
    stem = os.path.splitext(os.path.basename(path))[0]
    # A year alone counts only beside words ("brief-2024"): a bare number is an id.
    year_only = _FILE_YEAR.search(stem) if re.search(r"[A-Za-z]", stem) else None
    hint = named.date.year if named else int(year_only["y"]) if year_only else None
    return named, hint


def undated_note(document: Document, figures: Sequence[Figure]) -> str | None:
    """A note for a document with no date whose figures' months had to stay without a year."""
    if not figures or figures[0].date is not None:
        return None
    if all(f.period_start for f in figures):
        return None
    from tradestats.extraction import read_periods

    if all(p.period_start for p in read_periods(document.text)):
        return None
    return (
        f"{document.path}: no date found (none given, none in the file or its name), so "
        "months named without a year have none; give one with --date YYYY-MM-DD"
    )
