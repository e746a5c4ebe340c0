"""Text -> figures with their context. The entry point is :func:`extract`."""

from __future__ import annotations

import bisect
import itertools
import re
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from typing import TypeVar

from tradestats.dates import declared_date, document_date
from tradestats.extraction import context as ctx
from tradestats.extraction.context import CAPTION
from tradestats.extraction.folding import fold
from tradestats.extraction.grammar import Reading, scan
from tradestats.extraction.periods import (
    DEFAULT_FISCAL_START,
    FISCAL_START,
    Frame,
    PeriodMention,
    StatedPeriod,
    calendar_periods,
    find_periods,
    format_month,
    resolve_mention,
    shift_span,
    stated_periods,
)
from tradestats.extraction.refdata import currency_words
from tradestats.models import Document, Figure, InputProblem
from tradestats.segment import Sentence, split_sentences

Span = tuple[tuple[int, int], tuple[int, int]]
T = TypeVar("T")


class ExtractionFault(UserWarning):
    """A sentence that tradestats failed to read, when no list collects such faults."""


@dataclass
class SentenceFaults:
    """Faults of tradestats while reading a document, each costing one sentence.

    A fault is a bug of ours, not of the input; losing a whole document to one odd
    sentence would hide every other figure from the user, so each is reported as a
    problem at the place it happened and reading goes on with the next sentence.
    """

    document: Document
    sink: list[InputProblem] | None
    reported: set[int] = field(default_factory=set)

    # What the user loses to a fault, in the words of the stage that met it.
    lost: str = "its figures are left out"

    def report(self, offset: int, error: Exception, what: str = "this sentence") -> None:
        if offset in self.reported:
            return
        self.reported.add(offset)
        line, column = self.document.position(offset)
        # One line whatever the exception says.
        detail = " ".join(str(error).split())[:200]
        message = (
            f"{self.document.path}:{self.document.location(offset)}: internal error while"
            f" reading {what} ({type(error).__name__}: {detail}); {self.lost},"
            " please report it"
        )
        if self.sink is None:
            warnings.warn(message, ExtractionFault, stacklevel=4)
        else:
            self.sink.append(InputProblem(self.document.path, message, line, column))

    def guard(self, default: T, offset: int, what: str, step: Callable[[], T]) -> T:
        """``step()``, or ``default`` after reporting its fault at ``offset``."""
        try:
            return step()
        except Exception as error:
            self.report(offset, error, what)
            return default


_PERIOD_LINK = re.compile(
    # "declined 29% year-over-year in June": the basis of a rate may sit between, or
    # what the amount measures: "$23 bn in monthly export value in the second half".
    r"(?i)^[\s,]*(?:(?:year|month)[-\s](?:on|over)[-\s](?:year|month)|y-?o-?y|m-?o-?m|on[-\s]year"
    r"|in\s+(?:total\s+|monthly\s+|annual\s+)?(?:export|import|trade)\s+(?:value|turnover|revenue|earnings))?"
    r"[\s,]*(?:\(|in|during|for|of|over|through|as\s+of|at\s+end-?|by|until|in\s+the|during\s+the|for\s+the|of\s+the|over\s+the|in\s+calendar)?[\s(]*(?:the\s+period\s+|(?:the\s+)?(?:same|corresponding)\s+(?:period|month|months|quarter|half)\s+(?:of|in)\s+)?$"
)


_ON_BEFORE = re.compile(r"(?i)\bon\s+$")
_OF_THAT_PERIOD = re.compile(
    r"\s*[\[(]\s*|[\s,]*(?:which|that|when\s+it)\s+(?:[a-z]+\s+){0,2}(?:to|at|of)?\s*"
    # "the value recorded in Q3 2022 at N6.3 billion": the period, then the value.
    r"|\s+at\s+"
)
_COORDINATED = re.compile(r"\s*,?\s*(?:and|or)\s*")
_RESTATED = re.compile(r"\s*(?:\(|,?\s*or|,)\s*")
_CHANGE_KINDS = ("percent", "percentage_points", "multiple")
_BRACKETS = re.compile(r"^[\s,]*\)?|\([^()]*\)")
# Over the folded text: with no IGNORECASE, the literal first letters let the engine skip.
_BASE_BEFORE = re.compile(
    r"(?:(?:compared|comparison|relation|relative)\s+(?:with|to)|as\s+against|against|v\.|vs\.?|versus|from|over|than|since|between|above|below)"
    r"\s+(?:the\s+|their\s+|its\s+)?(?:(?:value|level|figure|total)s?\s+(?:(?:recorded|registered|reported|posted)\s+)?(?:of|in|for)\s+(?:the\s+)?)?(?:same\s+period\s+(?:in|of)\s+)?$"
    # "in the same month of 2020": the base of a year-on-year change, whatever comes before.
    r"|(?:same|corresponding|like|comparable)\s+(?:period|month|months|quarter|time|half)\s+(?:of|in|as\s+in|last)\s+(?:the\s+)?$"
)
# Over the folded text, before a figure: "up from $4.8 bn", "than the revised $123.2 bn".
# Such a figure is the base of a comparison; the period attached to it is its own only.
_BASE_FIGURE = re.compile(
    r"(?:(?:compared|comparison)\s+(?:with|to)|as\s+against|against|versus|vs\.?|from|than"
    # "rose 4.8% on the month at X, after Y in June": June is Y's, not the rate's.
    r"|,\s+after)"
    r"\s+(?:a\s+|an\s+|the\s+)?(?:revised\s+|previously\s+reported\s+|upwardly\s+revised\s+|downwardly\s+revised\s+)?$"
)
# Over the folded text: "the same period of 2020", "the corresponding month in 2019".
_SAME_PERIOD_OF = re.compile(
    r"(?:same|corresponding|like|comparable)\s+(?:period|months?|quarter|half|time)\s+(?:of|in|as\s+in)\s+(?:the\s+)?$"
)
# A sentence that looks ahead: "in December" is then this December, not the last one.
_AHEAD = re.compile(
    r"\b(?:will|would|(?:is|are)\s+(?:expected|forecast|projected|set|likely)\s+to|expects?\s+(?:\w+\s+){0,3}to"
    r"|forecasts?\s+(?:\w+\s+){0,3}to|aims?\s+to|plans?\s+to|targets?\s+(?:of|to))\b"
)
# Over the folded text, before a figure of the period before: "after a 4.9% decline",
# "after a year-on-year decline of", "following a rise of", "It followed a".
_EARLIER_FIGURE = re.compile(
    r"\b(?:after|following|followed)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:of\s+)?(?:about\s+|nearly\s+)?$"
)
# Over the folded text, before the time something was said or published.
_SPOKEN = re.compile(
    r"\b(?:said|says|told|announced|stated|added|noted|published|released)\s+(?:on|in|last|this)\s+$"
)
# "(originally $8.0 bn)": the value first published for the period just named.
_ORIGINALLY = re.compile(
    r"(?i)\(\s*(?:originally|initially|previously)(?:\s+(?:reported|estimated))?(?:\s+as|\s+at)?\s*$"
)
# Where a clause of its own begins inside a sentence.
# The words between a flow and the amount it is of: "deficit of", "exports worth".
_FLOW_OF = re.compile(r"\s+(?:of|worth)\s+(?:(?:about|around|nearly|some|over|almost)\s+)?")
_OVER_BASE = re.compile(r"(?i)\s*,?\s*(?:over|from|compared\s+(?:with|to)|against|than|on)\s")
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:while|whereas|but|although)\s+|\s+while\s+")
_IN_RELATIVE = re.compile(r"\s+(?:in|during)\s+")
_RELATIVE_LINK = re.compile(
    # "$2.4 billion surplus recorded in the preceding month": the noun the amount is of
    # may come first.
    r"(?i)^[\s,]*(?:(?:surplus|deficit|shortfall|gap)\s+)?(?:[a-z]+ed\s+|seen\s+|(?:was|were)\s+)?(?:in\s+|during\s+|over\s+)?$"
)


@dataclass
class _State:
    """What carries from one sentence to the next while reading a document."""

    reporter: str | None = None
    flow: str | None = None
    partner: str | None = None
    period: Span | None = None
    period_text: str | None = None
    paragraph: int = -1
    year: int | None = None
    fiscal_start: int = DEFAULT_FISCAL_START
    first_reporter: str | None = None
    reference_date: date | None = None
    date: str | None = None  # the document's date as output gives it, and its source
    date_source: str | None = None
    story_start: int = 0  # where the story being read begins (its headline)
    # A sentence without figures whose flow words are read only if the next one needs them.
    flow_source: Sentence | None = None


def extract(
    text: str,
    path: str = "<string>",
    *,
    reference_date: date | None = None,
    include_quantities: bool = False,
    faults: list[InputProblem] | None = None,
) -> list[Figure]:
    """Every trade figure in ``text`` with its context, in document order.

    ``reference_date`` (the publication date, when known) gives a year to months stated
    without one; ``include_quantities`` adds tonnes, barrels and other quantities. A
    fault of tradestats while reading a sentence costs that sentence only: it goes to
    ``faults`` as a problem naming its line and column, or, without such a list, is
    given as an ``ExtractionFault`` warning.
    """
    document = Document(text, path)
    return extract_document(
        document,
        reference_date=reference_date,
        include_quantities=include_quantities,
        faults=faults,
    )


def read_periods(text: str, reference_date: date | None = None) -> list[StatedPeriod]:
    """Every period ``text`` names, in order, resolved as the figures' periods are.

    ``reference_date`` is the date of writing (else one written at the head of the text,
    "Published: ..."); without either, a month without a year takes the year of the story
    around it, or stays unknown. Dates count as their month. A relative period ("a year
    earlier") is counted from the stated period before it in its sentence, else from the
    period the story is in; never from another relative period.
    """
    sentences = split_sentences(text)
    folded = fold(text)
    dated = document_date(text, "<string>", reference_date)
    state = _State(reference_date=dated.date if dated else None)
    lowercase_names = ctx.names_in_lower_case(text)

    @cache
    def countries_of(i: int) -> list[ctx.Mention]:
        return ctx.find_countries(
            text, sentences[i].start, sentences[i].end, folded, lowercase_names
        )

    _new_story(state, 0, sentences, countries_of)
    stories = set(ctx.story_starts(text, sentences))
    readings = scan(text, folded)
    index = 0
    found: list[StatedPeriod] = []
    for i, sentence in enumerate(sentences):
        if i in stories:
            _new_story(state, i, sentences, countries_of)
        in_sentence: list[Reading] = []
        while index < len(readings) and readings[index].start < sentence.end:
            if readings[index].start >= sentence.start:
                in_sentence.append(readings[index])
            index += 1
        mentions = find_periods(
            text, sentence.start, sentence.end, state.fiscal_start, folded, days=True
        )
        if not mentions:
            continue
        read = _read_periods(
            text, folded, sentence, mentions, _adopt_currency(text, in_sentence), state
        )
        current: Span | None = None
        for mention in mentions:
            if mention.shift is not None:
                span = read.resolved(mention, current)
                if span is None and state.reference_date is not None:
                    # Nothing stated to count from: from the date of writing, as a reader
                    # does ("the previous year" in a story of 1998 is 1997).
                    span = _unit_before(state.reference_date, mention.shift)
            else:
                span = read.spans.get(mention.start)
                if span is not None and read.own(mention):
                    current = span
            found.append(
                StatedPeriod(
                    mention.text,
                    mention.start,
                    mention.end,
                    format_month(*span[0]) if span else None,
                    format_month(*span[1]) if span else None,
                )
            )
        if not CAPTION.search(text, sentence.start, sentence.end):
            _carry_period(read, state)
    # Days and weeks counted from the date of writing ("yesterday", "last week", "two
    # years ago"): no figure's period, but periods the text names.
    taken = [(p.start, p.end) for p in found]
    extra = [
        p
        for p in calendar_periods(text, state.reference_date)
        if not any(p.start < end and start < p.end for start, end in taken)
    ]
    return sorted(found + extra, key=lambda p: p.start) if extra else found


def _unit_before(day: date, shift: int) -> Span:
    """The calendar year, quarter or month ``-shift`` months before the one holding ``day``."""
    months = -shift
    if months % 12 == 0:
        year = day.year - months // 12
        return (year, 1), (year, 12)
    size = 3 if months % 3 == 0 else 1
    first = (day.year * 12 + (day.month - 1) // size * size) - months
    last = first + size - 1
    return (first // 12, first % 12 + 1), (last // 12, last % 12 + 1)


def extract_document(
    document: Document,
    *,
    reference_date: date | None = None,
    include_quantities: bool = False,
    sentences: list[Sentence] | None = None,
    faults: list[InputProblem] | None = None,
) -> list[Figure]:
    """The figures of ``document``; see ``extract`` for ``faults``."""
    text = document.text
    folded = fold(text)
    guard = SentenceFaults(document, faults)
    scan_faults: list[tuple[int, Exception]] = []
    try:
        readings = scan(text, folded, scan_faults)
    except Exception:
        # A fault outside any one figure: scan again sentence by sentence, so that it
        # costs only the sentence it is in.
        if sentences is None:
            sentences = split_sentences(text)
        readings = _scan_by_sentence(text, folded, sentences, scan_faults)
    for offset, error in scan_faults:
        guard.report(offset, error)
    if not readings and not include_quantities:
        # No money, percent or multiple at all: nothing needs the sentences or their
        # context (a quarter of the documents in a news corpus).
        return []
    if sentences is None:
        sentences = split_sentences(text)
    broken = _broken_sentences(sentences, [offset for offset, _ in scan_faults])
    # The date "in January" is counted from: given, declared by the file, or read from
    # the head of the text or the file name (never from a date in some paragraph).
    dated = document_date(text, document.path, reference_date, declared_date(document))
    reference_date = dated.date if dated else None
    countries: list[list[ctx.Mention] | None] = [None] * len(sentences)
    lowercase_names = guard.guard(
        True, 0, "the document's country names", lambda: ctx.names_in_lower_case(text)
    )
    any_names = lowercase_names or guard.guard(
        True, 0, "the document's country names", lambda: ctx.names_any_capitalized(text)
    )

    def countries_of(i: int) -> list[ctx.Mention]:
        found = countries[i]
        if found is None and not any_names:
            found = countries[i] = []
        if found is None:
            try:
                found = ctx.find_countries(
                    text, sentences[i].start, sentences[i].end, folded, lowercase_names
                )
            except Exception as error:
                guard.report(sentences[i].start, error)
                broken.add(i)
                found = []
            countries[i] = found
        return found

    state = _State(
        reference_date=reference_date,
        date=reference_date.isoformat() if reference_date else None,
        date_source=dated.source if dated else None,
    )
    # The subject of a story is named early; later reporters are caught up with below.
    _new_story(state, 0, sentences, countries_of)
    figures: list[Figure] = []
    index = 0
    skipped_from = 0  # first sentence without figures not yet caught up with
    stories = set(ctx.story_starts(text, sentences))
    for i, sentence in enumerate(sentences):
        if i in stories:
            # A new story under its own headline: nothing of the one above carries over.
            _new_story(state, i, sentences, countries_of)
            skipped_from = i
        in_sentence: list[Reading] = []
        while index < len(readings) and readings[index].start < sentence.end:
            if readings[index].start >= sentence.start:
                in_sentence.append(readings[index])
            index += 1
        if i in broken:
            continue
        if not in_sentence:
            continue  # most sentences hold no figure
        try:
            in_sentence = _adopt_currency(text, in_sentence)
            if in_sentence:
                _catch_up(text, folded, sentences, skipped_from, i, countries_of, state)
                found = _sentence_figures(
                    document, folded, sentence, in_sentence, countries_of(i), state
                )
                if i not in broken:
                    figures.extend(found)
                skipped_from = i + 1
        except Exception as error:
            guard.report(sentence.start, error)
            broken.add(i)
            skipped_from = i + 1
    figures = guard.guard(
        figures,
        0,
        "the document's headline periods",
        lambda: _lede_periods(figures, text, sentences),
    )
    if include_quantities:
        from tradestats.extraction.quantities import find_quantities

        quantities = find_quantities(
            document,
            sentences,
            figures,
            lambda sentence, error: guard.report(sentence.start, error),
        )
        figures = sorted(figures + quantities, key=lambda f: (f.start, f.end))
    return figures


def _scan_by_sentence(
    text: str, folded: str, sentences: list[Sentence], faults: list[tuple[int, Exception]]
) -> list[Reading]:
    """The readings of each sentence on its own; a sentence whose scan fails has none."""
    readings: list[Reading] = []
    for sentence in sentences:
        try:
            found = scan(text[sentence.start : sentence.end], folded[sentence.start : sentence.end])
        except Exception as error:
            faults.append((sentence.start, error))
            continue
        readings.extend(
            replace(r, start=r.start + sentence.start, end=r.end + sentence.start) for r in found
        )
    return readings


def _broken_sentences(sentences: list[Sentence], offsets: list[int]) -> set[int]:
    """The indexes of the sentences that hold any of ``offsets``."""
    starts = [sentence.start for sentence in sentences]
    broken = set()
    for offset in offsets:
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < sentences[index].end:
            broken.add(index)
    return broken


def _new_story(
    state: _State,
    first: int,
    sentences: list[Sentence],
    countries_of: Callable[[int], list[ctx.Mention]],
) -> None:
    """Begin the context of a story whose first sentence (its headline) is ``first``."""
    state.period = state.period_text = state.year = None
    state.flow = state.partner = state.flow_source = None
    state.story_start = sentences[first].start if sentences else 0
    # A section under a subheading that names no country of its own is still the page's.
    state.first_reporter = (
        _first_reporter(
            countries_of(i) for i in range(first, min(len(sentences), first + _LEDE_SENTENCES))
        )
        or state.first_reporter
    )
    state.reporter = state.first_reporter
    state.fiscal_start = FISCAL_START.get(state.reporter or "", DEFAULT_FISCAL_START)


def _lede_periods(figures: list[Figure], text: str, sentences: list[Sentence]) -> list[Figure]:
    """A headline's trade figures take the period of the story's first dated figure.

    Headlines and ledes state the news before the text names its period ("Exports tumble
    13%" above "exports fell 13 percent in January"). A sentence that names months of
    its own ("rose to X in June from Y in May", with no year to resolve them) is no such
    headline: its figures keep what they have.
    """
    first = next((f for f in figures if f.period_start and f.flow), None)
    if first is None:
        return figures
    starts = [s.start for s in sentences]
    named: dict[int, bool] = {}

    def names_periods(figure: Figure) -> bool:
        index = bisect.bisect_right(starts, figure.start) - 1
        if index not in named:
            sentence = sentences[index]
            named[index] = any(
                p.first is not None and not p.has_year and p.shift is None
                for p in stated_periods(text, sentence.start, sentence.end, DEFAULT_FISCAL_START)
            )
        return named[index]

    return [
        replace(
            f,
            period_start=first.period_start,
            period_end=first.period_end,
            period_text=first.period_text,
        )
        if f.start < first.start and f.flow and not f.period_start and not names_periods(f)
        else f
        for f in figures
    ]


def _first_reporter(countries: Iterable[list[ctx.Mention]]) -> str | None:
    """The country the story reports on: the first named as one ("India's exports",
    "Japan posted"), else the first named in the headline or lede sentence, where a
    story names its subject."""
    lede: str | None = None
    for index, mentions in enumerate(countries):
        for mention in mentions:
            if mention.how in ("possessive", "reporter"):
                return mention.value
            if index == 0 and lede is None and mention.how in ("", "pair"):
                lede = mention.value
    return lede


def _resolve(
    mention: PeriodMention,
    state: _State,
    full_years: list[tuple[int, Span]],
    reference_date: date | None,
    ahead: bool = False,
) -> tuple[Span | None, int | None]:
    """The months a mention stands for, and the full-year mention that anchored it."""
    frame = Frame(
        reference=reference_date,
        fiscal_start=state.fiscal_start,
        period=state.period,
        year=state.year,
        anchors=tuple(full_years),
        ahead=ahead,
    )
    return resolve_mention(mention, frame)


_ADOPTING_GAP = re.compile(
    r"(?i)(?:\bfrom|\bagainst|\bversus|\bvs\.?|\bcompared\s+(?:with|to)|\bthan)"
    r"\s+(?:about\s+|nearly\s+|some\s+|around\s+|a\s+revised\s+)?$"
)


def _adopt_currency(text: str, readings: list[Reading]) -> list[Reading]:
    """Give "from 679 mln" the currency of the amount the sentence stated before it.

    Wire copy names the currency once: "narrowed to 419 mln dlrs in February from 679
    mln in January". Only an amount right after a comparing word takes it, or one right
    before "of the" and the amount it is part of ("raised 150 million of the 2.4 billion
    shekels it needs"); any other bare amount (a population, a tonnage) is dropped.
    """
    kept: list[Reading] = []
    last_money: Reading | None = None
    for index, reading in enumerate(readings):
        if reading.kind == "money":
            # A conversion in brackets, "(247.6 billion USD)", lends its currency to nothing.
            if text[max(0, reading.start - 1) : reading.start] != "(":
                last_money = reading
        elif reading.kind == "scaled":
            following = readings[index + 1] if index + 1 < len(readings) else None
            if last_money is not None and _ADOPTING_GAP.search(
                text, max(last_money.end, reading.start - 30), reading.start
            ):
                reading = replace(reading, kind="money", unit=last_money.unit)
            elif (
                following is not None
                and following.kind == "money"
                and _PART_OF_GAP.fullmatch(text, reading.end, following.start)
            ):
                reading = replace(reading, kind="money", unit=following.unit)
            else:
                continue
        kept.append(reading)
    return _local_dollar(text, kept)


# A bare dollar sign, with or without a sign of its own: "$52,069m", "-$3bn", "($5bn)".
_BARE_DOLLAR = re.compile(r"[-+−(]?\$\s?\d")


@cache
def _other_dollars() -> frozenset[str]:
    """The currencies other than the US dollar that a dollar sign is written for ("A$",
    "C$", "NZ$"): those whose names are dollars."""
    return frozenset(
        code for word, code in currency_words().items() if code != "USD" and "dollar" in word
    )


def _local_dollar(text: str, readings: list[Reading]) -> list[Reading]:
    """A bare "$" in a sentence that writes another dollar, and no US one, is that dollar.

    Canadian and Australian releases name their dollar once and then write "$": "imports
    jumped 5.0% to A$46.2 billion, leaving a surplus of $10.3 billion". Read as US dollars,
    the two amounts could not be compared. Only where the sentence names exactly one such
    dollar and no amount says it is American ("US$", "USD", "U.S. dollars", "dlrs").
    """
    money = [r for r in readings if r.kind == "money"]
    if len(money) < 2:
        return readings
    others = {r.unit for r in money if r.unit in _other_dollars()}
    if len(others) != 1:
        return readings
    bare = {
        r.start
        for r in money
        if r.unit == "USD" and _BARE_DOLLAR.match(text, r.start, min(len(text), r.start + 4))
    }
    if not bare or any(r.unit == "USD" and r.start not in bare for r in money):
        return readings
    (local,) = others
    return [replace(r, unit=local) if r.start in bare else r for r in readings]


_PART_OF_GAP = re.compile(r"(?i)\s+(?:out\s+)?of\s+(?:the|its|their|a|an)\s+")


def _new_paragraph(sentence: Sentence, state: _State) -> None:
    """A new paragraph drops the partner; the flow stays while the subject does.

    Web text puts each sentence on a line of its own, and a paragraph of product groups
    ("The group of toys added $50 million") still reports the exports named above it. A
    sentence that names a flow or another subject of its own replaces the carried one,
    and a new story under its own headline drops everything (see ``_new_story``).
    """
    if sentence.paragraph != state.paragraph:
        state.paragraph = sentence.paragraph
        state.partner = None


_DIGIT = re.compile(r"\d")
# Between the two amounts of an exchange rate: "$1 = 143.87 yen".
_EXCHANGE_RATE = re.compile(r"\s*=\s*")
# Sentences in which a story names its subject before the reporter defaults to it.
_LEDE_SENTENCES = 12
# How far back a new reporter named between figures is looked for; a story that turns to
# another country names it near the figures about it.
_REPORTER_REACH = 6


def _catch_up(
    text: str,
    folded: str,
    sentences: list[Sentence],
    first: int,
    current: int,
    countries_of: Callable[[int], list[ctx.Mention]],
    state: _State,
) -> None:
    """Carry context through the sentences without figures before ``current``.

    Most sentences of a story hold no figure, and only the latest reporter and the latest
    stated period among them matter to the next figure: read backwards from it, and stop
    as soon as both are found. The flow of the sentence just before is read on demand.
    """
    if first >= current:
        return
    state.flow_source = sentences[current - 1]
    need_reporter = need_period = True
    for index in range(current - 1, first - 1, -1):
        sentence = sentences[index]
        if need_reporter and current - index <= _REPORTER_REACH:
            reporters = [c for c in countries_of(index) if c.how in ("possessive", "reporter")]
            if reporters:
                state.reporter = reporters[-1].value
                need_reporter = False
        if need_period and _DIGIT.search(text, sentence.start, sentence.end):
            # Relative periods never count here ("shift is None" below): only the stated
            # ones are read, and no further than the first that counts.
            for p in stated_periods(text, sentence.start, sentence.end, state.fiscal_start):
                if (
                    # A month without a year ("fell for a 12th month in October") counts
                    # when the date of writing gives it one; "this year" names no month.
                    (
                        p.has_year
                        or (
                            state.reference_date is not None
                            and p.year_shift is None
                            and p.current_unit is None
                        )
                    )
                    and p.shift is None
                    and not _BASE_BEFORE.search(folded, max(sentence.start, p.start - 30), p.start)
                ):
                    span, _ = _resolve(p, state, [], state.reference_date)
                    if span is not None:
                        state.period, state.period_text, state.year = span, p.text, span[1][0]
                        need_period = False
                    break
        if not need_period and (not need_reporter or current - index >= _REPORTER_REACH):
            break


def _sentence_figures(
    document: Document,
    folded: str,
    sentence: Sentence,
    readings: list[Reading],
    countries: list[ctx.Mention],
    state: _State,
) -> list[Figure]:
    text = document.text
    _new_paragraph(sentence, state)
    reading_starts = [r.start for r in readings]

    def outside_figures(start: int, end: int) -> bool:
        # Readings are sorted and disjoint: only the last one starting before ``end`` can
        # overlap [start, end).
        index = bisect.bisect_left(reading_starts, end) - 1
        return index < 0 or readings[index].end <= start

    flows = [
        m
        for m in ctx.find_flows(text, sentence.start, sentence.end, folded)
        if outside_figures(m.start, m.end)
    ]
    if state.flow_source is not None:
        # The flow the previous sentence named, for "They rose 5%" continuations; a
        # sentence that names a flow of its own needs none.
        if not flows:
            source = state.flow_source
            named = ctx.find_flows(text, source.start, source.end, folded)
            if named:
                state.flow = None if named[-1].value == "other" else named[-1].value
                state.partner = None
        state.flow_source = None
    periods = [
        p
        for p in find_periods(text, sentence.start, sentence.end, state.fiscal_start, folded)
        if outside_figures(p.start, p.end)
        # "the governor said in January that ...": when it was said, no figure's period.
        and not _SPOKEN.search(folded, max(sentence.start, p.start - 25), p.start)
    ]
    sentence_periods = _read_periods(text, folded, sentence, periods, readings, state)

    reporters = [c for c in countries if c.how in ("possessive", "reporter")]
    reporter_starts = [c.start for c in reporters]
    from_countries = [c for c in countries if c.how == "from"]
    from_starts = [c.start for c in from_countries]
    partners = [c for c in countries if c.how in ("partner", "pair", "from")]
    partner_starts = [c.start for c in partners]
    flow_starts = [m.start for m in flows]
    country_starts = [c.start for c in countries]
    own_flow = bool(flows)
    ranking = (
        not any(m.value != "other" for m in flows)
        # "exporter", "importer", "trader": a literal test first, as most sentences hold none.
        and (
            folded.find("porter", sentence.start, sentence.end) >= 0
            or folded.find("trader", sentence.start, sentence.end) >= 0
        )
        and _RANKING.search(folded, sentence.start, sentence.end) is not None
    )
    figures: list[Figure] = []
    previous_end = sentence.start
    previous_span: Span | None = None
    for reading in readings:
        flow = _flow_for(text, reading, flows, flow_starts, state, own_flow)
        if (
            reading.kind == "money"
            and (reading.negative or text[reading.start] == "+")
            and flow in (None, "trade", "surplus", "deficit")
        ):
            # "+€22.6Bn", "$-50.8bn": an amount printed with its sign is a balance.
            flow = "balance"
        if reading.kind == "money" and _EXCHANGE_RATE.match(text, reading.end):
            # "($1 = 107.36 yen)": the price of a currency, no flow of trade. The amount
            # after the sign is part of the same statement.
            flow = None
        elif figures and figures[-1].flow is None and _EXCHANGE_RATE.match(text, previous_end):
            flow = None
        reporter = _last_before(reporters, reporter_starts, reading.start, _any)
        if reporter is None and flow == "exports":
            # "exports from India": the exporter reports.
            reporter = _last_before(from_countries, from_starts, reading.start, _any)
        reporter_code = reporter.value if reporter else state.reporter
        # In a ranking every trader is an item, the story's own country too.
        item = (
            _item_country(
                text,
                countries,
                country_starts,
                previous_end,
                reading,
                None if ranking else reporter_code,
            )
            if countries
            else None
        )
        same_item = bool(figures) and _SAME_ITEM.fullmatch(text, previous_end, reading.start)
        # A list item's partner is its own (below): the sentence's is looked for otherwise.
        partner = (
            None
            if item is not None or same_item
            else _partner_for(
                text,
                reading,
                partners,
                partner_starts,
                flow,
                reporter_code,
                not own_flow and not countries,
                state,
            )
        )
        if ranking and (item is not None or (same_item and figures[-1].reporter)):
            # A ranked trader's figure is of the flow it is ranked by, whatever the
            # sentence before was about.
            flow = _trader_flow(folded, reading.end, sentence) or flow  # type: ignore[assignment]
        if item is not None:
            # A list item's own country wins over the sentence's: "China (-6.8%) and the
            # US (-2.1%)", "followed by the ASEAN, up 11.7%", "Germany with $1.6 bn". In
            # a ranking of traders ("China (€3.4 tn) was the largest exporter") it is the
            # trader itself.
            if ranking:
                reporter_code, partner = item.value, None
            else:
                partner = item.value
        elif same_item:
            # "up 11.7 percent to 2.74 trillion yuan": the same item's second figure.
            reporter_code, partner = figures[-1].reporter, figures[-1].partner
        elif partner is None and countries and not ranking and reporter_code is not None:
            # "China, the largest buyer, accounted for 18%": a country named in the
            # figure's own stretch of the sentence, as no partner word marks it. Only
            # beside a known reporter: else "French investment" names the reporter.
            plain = _plain_country(countries, previous_end, reading.start, reporter_code)
            if plain is not None:
                partner = plain.value
        direction = ctx.direction_near(
            text,
            previous_end,
            reading.start,
            reading.end,
            money=reading.kind == "money",
            folded=folded,
        )
        if direction is None and figures and figures[-1].direction:
            gap = text[previous_end : reading.start]
            if (figures[-1].kind == reading.kind and _COORDINATED.fullmatch(gap)) or (
                {figures[-1].kind, reading.kind} == {"money", "percent"}
                and _RESTATED.fullmatch(gap)
            ):
                # "increased 8.1 percent and 10.3 percent": the verb governs both; "fell
                # $1,604m (4%)", "rose $6.4 billion, or 1.8%": the rate restates the change.
                direction = figures[-1].direction
        if reading.negative and reading.kind != "money":
            # "-3.5%" is a fall; "$-50.8bn" is a negative balance, a level.
            direction = "down"
        role = ctx.role_of(text, reading.kind, reading.start, reading.end, direction, folded)
        if role in ("level", "share", "rate"):
            direction = None
        if reading.kind == "multiple":
            role = None
        if (
            previous_span is not None
            and figures
            and text.find("(", max(sentence.start, reading.start - 30), reading.start) >= 0
            and _ORIGINALLY.search(text, max(sentence.start, reading.start - 30), reading.start)
        ):
            # "from A$7.3B in May (originally $8.0B)": May's first estimate.
            span, period_text, relative = previous_span, figures[-1].period_text, False
        else:
            span, period_text, relative = sentence_periods.period_for(
                text,
                reading,
                previous_span,
                flow,
                reading.kind in _CHANGE_KINDS or role == "change",
            )
        line, column = document.position(reading.start)
        figures.append(
            Figure(
                text=text[reading.start : reading.end],
                start=reading.start,
                end=reading.end,
                line=line,
                column=column,
                kind=reading.kind,  # type: ignore[arg-type]
                value=reading.value,
                unit=reading.unit,
                printed=reading.printed,
                ulp=reading.ulp,
                path=document.path,
                low=reading.low,
                high=reading.high,
                qualifier=ctx.qualifier_before(text, reading.start, folded),
                direction=direction,  # type: ignore[arg-type]
                role=role,  # type: ignore[arg-type]
                flow=flow,  # type: ignore[arg-type]
                reporter=reporter_code,
                partner=None if partner == ctx.WORLD else partner,
                period_start=format_month(*span[0]) if span else None,
                period_end=format_month(*span[1]) if span else None,
                period_text=period_text if span else None,
                expectation=ctx.expectation_near(
                    text, max(sentence.start, previous_end), reading.start, folded
                ),
                date=state.date,
                date_source=state.date_source,
                per=reading.per,
            )
        )
        previous_end = reading.end
        if span is not None and period_text is not None and not relative:
            # Only a stated period anchors the next "a year earlier": relative periods are
            # never counted from one another.
            previous_span = span

    if len(figures) > 1:
        figures = _distribute(text, folded, sentence, figures, countries, flows)
    link = (
        _LINK_MARK.search(folded, sentence.start, figures[0].start)
        if figures and folded.find("read", sentence.start, figures[0].start) >= 0
        else None
    )
    if link is not None:
        # "Read also: Investors with $30 trln ...": the headline of another story, on the
        # line of the link, takes nothing from this one and lends it nothing.
        unrelated = dict.fromkeys(("reporter", "partner", "flow", "period_start", "period_end"))
        linked = [
            replace(f, **unrelated, period_text=None)  # type: ignore[arg-type]
            if f.start >= link.end() and "\n" not in text[link.end() : f.start]
            else f
            for f in figures
        ]
        ends_linked = linked[-1] is not figures[-1]
        figures = linked
        if ends_linked:
            return figures
    # What the next sentence inherits.
    if reporters:
        state.reporter = reporters[-1].value
    if figures:
        last = figures[-1]
        state.flow = last.flow
        state.partner = last.partner
    _carry_period(sentence_periods, state)
    return figures


# What introduces the link to another story on a news page: "Read more:", "READ:",
# "Read Also   <headline>".
# Over the folded text.
_LINK_MARK = re.compile(r"(?:read\s+(?:also|more)|also\s+read|read)\b(?<!\wread)(?:\s*[:→]|\s{2,})")
# Over the folded text: the two items "the former" and "the latter" point back to.
_FORMER_LATTER = re.compile(r"\bthe\s+(former|latter)\b")
_RESPECTIVELY = re.compile(r"\s*,?\s*(?:\)\s*)?respectively\b")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")


def _distribute(
    text: str,
    folded: str,
    sentence: Sentence,
    figures: list[Figure],
    countries: list[ctx.Mention],
    flows: list[ctx.Mention],
) -> list[Figure]:
    """Figures that point back to a list of countries or flows take their own item.

    "Japan and Korea took 10.8% and 9.9%, respectively": the n-th figure is of the n-th
    country; "imports rose faster than exports, 20% and 16.6% respectively" likewise of the
    n-th flow. "Japan and India came next, the former at 9.9% and the latter at 8.9%": the
    first and the second country.
    """
    respectively = folded.find("respectively", sentence.start, sentence.end) >= 0
    pointing = (
        folded.find("former", sentence.start, sentence.end) >= 0
        or folded.find("latter", sentence.start, sentence.end) >= 0
    )
    if not respectively and not pointing:
        return figures  # most sentences: neither word, nothing to do
    reporter = figures[0].reporter
    named = [c for c in countries if c.value not in (reporter, ctx.WORLD)]
    result = list(figures)
    end = (
        next((i for i in range(1, len(figures)) if _RESPECTIVELY.match(text, figures[i].end)), None)
        if respectively
        else None
    )
    first = end
    while first and _LIST_GAP.fullmatch(text, figures[first - 1].end, figures[first].start):
        first -= 1
    if end is not None and first is not None and first < end:
        items = slice(first, end + 1)
        count = end + 1 - first
        before = figures[first].start
        pair = _listed(text, [c for c in named if c.end <= before], count)
        if pair is not None:
            result[items] = [
                replace(f, partner=c.value) for f, c in zip(result[items], pair, strict=True)
            ]
        trade = [m for m in flows if m.end <= before and m.value != "other"]
        if len(trade) >= count and len({m.value for m in trade[-count:]}) == count:
            result[items] = [
                replace(f, flow=m.value)  # type: ignore[arg-type]
                for f, m in zip(result[items], trade[-count:], strict=True)
            ]
    if not pointing:
        return result
    for index, figure in enumerate(result):
        start = result[index - 1].end if index else sentence.start
        pointers = list(_FORMER_LATTER.finditer(folded, start, figure.start))
        if not pointers:
            continue
        pointer = pointers[-1]
        pair = _listed(text, [c for c in named if c.end <= pointer.start()], 2)
        if pair is not None:
            chosen = pair[0] if pointer.group(1) == "former" else pair[1]
            result[index] = replace(figure, partner=chosen.value)
    return result


def _listed(text: str, named: list[ctx.Mention], count: int) -> list[ctx.Mention] | None:
    """The last ``count`` names of ``named`` when they form one list ("Japan and Korea")."""
    if len(named) < count:
        return None
    items = named[-count:]
    if all(_LIST_GAP.fullmatch(text, a.end, b.start) for a, b in itertools.pairwise(items)):
        return items
    return None


def _read_periods(
    text: str,
    folded: str,
    sentence: Sentence,
    periods: list[PeriodMention],
    readings: list[Reading],
    state: _State,
) -> _SentencePeriods:
    """The periods of a sentence resolved, with the roles they play: the one reading of
    periods that figures and :func:`read_periods` share. ``readings`` are the sentence's
    figures, which tell the base of a comparison from the value compared."""
    if not periods:
        # Half the sentences with figures name no period: nothing to resolve, no figure
        # with a period attached, no base.
        return _SentencePeriods(
            [], {}, set(), set(), state, sentence_start=sentence.start, sentence_end=sentence.end
        )
    # "a fall of 4.1% v. June 2018", "compared with January-June 2018": the period of the
    # base value only, never of the figures around it.
    bases: set[int] = set()
    weak_bases: set[int] = set()
    same_period_of = (
        set()
        if not periods
        else {
            p.start
            for p in periods
            if p.has_year
            and p.first
            and p.last
            and p.first[1] == 1
            and p.last[1] == 12
            and _SAME_PERIOD_OF.search(folded, max(sentence.start, p.start - 40), p.start)
        }
    )
    for p in periods:
        base = _BASE_BEFORE.search(folded, max(sentence.start, p.start - 45), p.start)
        # "from January to May 2018" is a span, not a base.
        if base and not (base.group(0).startswith("from") and re.search(r"\sto\s|[-–]", p.text)):
            weak = base.group(0).startswith(("from", "over"))
            (weak_bases if weak else bases).add(p.start)
    # Whole years are resolved first: a year-less span beside one sits inside it, and the
    # year then only anchors it ("July-August of FY23" is July-August 2022). A base year
    # anchors nothing: "in May, 33% more than in the same month of 2020" is May 2021.
    full_years = [
        (p.start, (p.first, p.last))
        for p in periods
        if p.has_year
        and p.first
        and p.last
        and _months(p.first, p.last) == 12  # type: ignore[arg-type]
        and p.start not in bases
        and p.start not in weak_bases
    ]
    # Only a month without a year can look ahead, and only a date of writing says which
    # year it is in then (see ``resolve_mention``): most sentences name no such month, and
    # most texts give no date.
    ahead = (
        state.reference_date is not None
        and any(not p.has_year for p in periods)
        and _AHEAD.search(folded, sentence.start, sentence.end) is not None
    )
    frame = Frame(
        reference=state.reference_date,
        fiscal_start=state.fiscal_start,
        period=state.period,
        year=state.year,
        anchors=tuple(full_years),  # type: ignore[arg-type]
        ahead=ahead,
        current=_stated_in(periods, bases | weak_bases),
    )
    spans: dict[int, Span | None] = {}
    anchors: set[int] = set()
    for p in periods:
        span, anchor = resolve_mention(p, frame)
        spans[p.start] = span
        if anchor is not None:
            anchors.add(anchor)
    if anchors:
        periods = [p for p in periods if p.start not in anchors]
    read = _SentencePeriods(
        periods,
        spans,
        bases,
        weak_bases,
        state,
        same_period_of=same_period_of,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
    )
    for reading in readings:
        attached = read.attached_after(text, reading)
        if attached is not None:
            read.attached.setdefault(attached.start, reading.start)
            if _EARLIER_FIGURE.search(
                folded, max(sentence.start, reading.start - 50), reading.start
            ):
                # "fell 3.5%, after a decline of 4.9% in September": the month before's
                # figure, whose period is no other figure's.
                bases.add(attached.start)
                read.base_figures.add(reading.start)
            base = _BASE_FIGURE.search(
                folded, max(sentence.start, reading.start - 40), reading.start
            )
            # "more than doubled in 2020" is a change of 2020, not a comparison with it.
            if base is not None and not (
                reading.kind == "multiple" and base.group(0)[:4] == "than"
            ):
                # "from a revised $123.2 billion in February to a record $140.5 billion":
                # February is the base's; the figures after it are of the sentence's period.
                read.base_figures.add(reading.start)
                if attached.start not in weak_bases:
                    bases.add(attached.start)
    if read.base_figures:
        read.refresh()
    return read


def _stated_in(periods: list[PeriodMention], bases: set[int]) -> Span | None:
    """The first period of a sentence that states its year and is no base's."""
    for p in periods:
        if p.has_year and p.first and p.last and p.start not in bases:
            return (p.first, p.last)  # type: ignore[return-value]
    return None


def _carry_period(sentence_periods: _SentencePeriods, state: _State) -> None:
    """The period the story is in after this sentence: its first own stated period."""
    main = next(
        (
            p
            for p in sentence_periods.mentions
            if sentence_periods.spans.get(p.start)
            and p.start not in sentence_periods.bases | sentence_periods.weak_bases
            and (p.shift is None or p.deictic)
        ),
        None,
    )
    if main is not None:
        span = sentence_periods.spans[main.start]
        assert span is not None
        state.period = span
        state.period_text = main.text
        state.year = span[1][0]


# Over the folded text: a sentence that ranks traders, not one that counts flows.
_RANKING = re.compile(
    r"\b(?:\w+est|leading|top|main|major)\s+(?:\w+\s+)?(?:exporters?|importers?|traders?)\b"
)
_AGENT = re.compile(r"(?:exporter|importer|trader)")
# Between a list item's country and its figure: "China (", "China (€3.4 tn, ", "Germany
# with ", "the ASEAN, up ", "the United States, down ".
_ITEM_GAP = re.compile(
    r"\s*(?:\(\s*(?:[^()]*?,\s*)?|with\s+(?:exports\s+worth\s+)?|,\s*(?:up|down)\s+(?:by\s+)?)"
)
# Between two figures of one list item: "(-6.8%)" has none; "up 11.7% to 2.74 tn".
_SAME_ITEM = re.compile(r"\s*(?:,\s*|\s+(?:or|to|from|at)\s+(?:about\s+)?)")


def _plain_country(
    countries: list[ctx.Mention], start: int, end: int, reporter: str | None
) -> ctx.Mention | None:
    """The one country other than the reporter named plainly in ``[start, end)``."""
    named = {m.value for m in countries if start <= m.start and m.end <= end}
    others = [m for m in countries if start <= m.start and m.end <= end and m.value != reporter]
    if len(named - {reporter}) != 1 or any(m.how not in ("", "pair") for m in others):
        return None
    return others[-1]


def _trader_flow(folded: str, end: int, sentence: Sentence) -> str | None:
    """The flow of a ranked trader: "the largest exporter" after it, else before it.

    Only in a ranking: elsewhere "exporters" are people ("the levy on exporters").
    """
    after = _AGENT.search(folded, end, sentence.end)
    if after is None:
        before = list(_AGENT.finditer(folded, sentence.start, end))
        after = before[-1] if before else None
    if after is None:
        return None
    return {"exporter": "exports", "importer": "imports"}.get(after.group(0))


def _item_country(
    text: str,
    countries: list[ctx.Mention],
    starts: list[int],
    previous_end: int,
    reading: Reading,
    reporter: str | None,
) -> ctx.Mention | None:
    """The country of the list item a figure is in, named right before it, if any."""
    # From the last country named before the figure back: a look-up, not a scan of all.
    for index in range(bisect.bisect_left(starts, reading.start) - 1, -1, -1):
        mention = countries[index]
        if mention.end > reading.start:
            continue
        if mention.start < previous_end:
            return None
        if _ITEM_GAP.fullmatch(text, mention.end, reading.start) and mention.value != reporter:
            return mention
        return None
    return None


def _months(first: tuple[int, int], last: tuple[int, int]) -> int:
    return (last[0] * 12 + last[1]) - (first[0] * 12 + first[1]) + 1


def _last_before(
    mentions: list[ctx.Mention],
    starts: list[int],
    position: int,
    keep: Callable[[ctx.Mention], bool],
) -> ctx.Mention | None:
    for index in range(bisect.bisect_left(starts, position) - 1, -1, -1):
        if keep(mentions[index]):
            return mentions[index]
    return None


def _any(_mention: ctx.Mention) -> bool:
    return True


def _flow_for(
    text: str,
    reading: Reading,
    flows: list[ctx.Mention],
    starts: list[int],
    state: _State,
    own_flow: bool,
) -> str | None:
    index = bisect.bisect_left(starts, reading.end)
    after = flows[index] if index < len(flows) else None
    before = flows[index - 1] if index > 0 and flows[index - 1].end <= reading.start else None
    if before is not None and _FLOW_OF.fullmatch(text, before.end, reading.start):
        # "a deficit of €0.49 billion in bilateral trade": the noun the amount is of.
        chosen: ctx.Mention | None = before
    elif after is not None and ctx.adjacent_after(text, reading.end, after):
        chosen = after
    else:
        chosen = _last_before(flows, starts, reading.start, _any) or after
    if chosen is None:
        return state.flow if not own_flow else None
    return None if chosen.value == "other" else chosen.value


# A flow named as the whole, whatever partner was named before it. Not "total": "total
# exports to that country", "total exports in the 12 months" are often the partner's.
_WHOLE_FLOW = re.compile(
    r"(?i)\boverall\s+(?:(?:merchandise|goods|foreign)\s+)?(?:exports|imports|trade|shipments)"
    r"\b(?!\s+(?:to|from|with)\b)|\b(?:exports|imports|trade)\s+overall\b"
)

# Any word of a flow: one after "overall exports" governs the figures after it instead.
_FLOW_WORD = re.compile(r"(?i)\b(?:exports?|imports?|shipments|trade|sales|purchases)\b")


def _partner_for(
    text: str,
    reading: Reading,
    countries: list[ctx.Mention],
    starts: list[int],
    flow: str | None,
    reporter: str | None,
    inherit: bool,
    state: _State,
) -> str | None:
    """``countries`` are the sentence's partner-like mentions; ``inherit`` says the sentence
    names no flow and no country of its own, so the previous partner still holds."""

    def candidate(mention: ctx.Mention) -> bool:
        if mention.value == reporter:
            return False
        return mention.how in ("partner", "pair") or (mention.how == "from" and flow != "exports")

    before = _last_before(countries, starts, reading.start, candidate)
    if before is not None:
        wholes = list(_WHOLE_FLOW.finditer(text, before.end, reading.start))
        if wholes and not _FLOW_WORD.search(text, wholes[-1].end(), reading.start):
            # "The deficit with Germany narrowed to X, while overall exports were Y":
            # the flow that governs the figure is named as the whole, the world's.
            return None
        return before.value
    for index in range(bisect.bisect_left(starts, reading.end), len(countries)):
        mention = countries[index]
        if mention.start > reading.end + 40:
            break
        if candidate(mention):
            return mention.value
    return state.partner if inherit else None


@dataclass
class _SentencePeriods:
    """The period mentions of one sentence, resolved, with the roles they play."""

    mentions: list[PeriodMention]
    spans: dict[int, Span | None]
    bases: set[int]  # "v. June 2018", "compared with ...": a base value's period only
    weak_bases: set[int]  # "from March 1-20": a base, or the span itself; a last resort
    state: _State
    attached: dict[int, int] = field(default_factory=dict)  # mention start -> figure start
    # figure start -> the period right after it, worked out once per figure
    after: dict[int, PeriodMention | None] = field(default_factory=dict)
    # figures that are the base of a comparison: "up from [$4.8 bn]", "than [$27.57 bn]"
    base_figures: set[int] = field(default_factory=set)
    # years after "the same period of": the current value's months in that year
    same_period_of: set[int] = field(default_factory=set)
    sentence_start: int = 0
    sentence_end: int = 0
    breaks: list[int] | None = None  # where clauses begin after a break, once asked

    def resolved(
        self, mention: PeriodMention, previous_span: Span | None, base_figure: bool = False
    ) -> Span | None:
        if mention.deictic and base_figure and self.first_own is not None:
            # "in October, up from 66.1% last year": the base is October a year before,
            # not the whole of last year.
            current = self.spans.get(self.first_own.start)
            if current is not None and mention.shift is not None:
                return shift_span(current, mention.shift)
        if mention.shift is None or (mention.deictic and self.spans.get(mention.start)):
            return self.spans.get(mention.start)
        # Without a date of writing, "last year" is a year before the period at hand.
        # The value it compares with is the current one: the figure before it in the
        # sentence, else the sentence's own period, else the story's. Never another
        # relative period: "a year earlier" after "a year earlier" is not two years back.
        own = self.spans.get(self.first_own.start) if self.first_own is not None else None
        if mention.deictic:
            # "last year" names no period it compares with: only one the story is in.
            anchor = previous_span or own or self.state.period
        else:
            anchor = (
                previous_span
                or own
                or next(
                    (
                        self.spans[q.start]
                        for q in self.mentions
                        if q.shift is None and self.spans.get(q.start)
                    ),
                    None,
                )
                or self.state.period
            )
        return shift_span(anchor, mention.shift) if anchor and mention.shift is not None else None

    def __post_init__(self) -> None:
        self.starts = [p.start for p in self.mentions]
        self.ends = [p.end for p in self.mentions]
        self.refresh()

    def refresh(self) -> None:
        """Work out again what depends on the bases, once base figures have added some."""
        self.first_own = next(
            (p for p in self.mentions if self.own(p) and self.spans.get(p.start)), None
        )
        self.first_weak = next((p for p in self.mentions if p.start in self.weak_bases), None)
        current = self.spans.get(self.first_own.start) if self.first_own is not None else None
        if current is None:
            return
        for p in self.mentions:
            if (
                (p.start in self.bases or p.start in self.weak_bases)
                and p.shift is None
                and not p.has_year
                and p.first is not None
                and p.last is not None
                and (p.first[1], p.last[1]) == (current[0][1], current[1][1])
            ):
                # "$33.53 bn in April-July FY26, 17.8% higher than $27.57 bn in
                # April-July": the same months named again as the base are a year back.
                self.spans[p.start] = shift_span(current, -12)
            elif p.start in self.same_period_of:
                # "in the first five months ..., against $6.8 bn in the same period of
                # 2020": the current months, in the year named.
                span = self.spans.get(p.start)
                if span is not None and _months(*span) == 12 and _months(*current) < 12:
                    back = span[1][0] - current[1][0]
                    self.spans[p.start] = shift_span(current, 12 * back)

    def clause_start(self, text: str, position: int) -> int:
        """Where the clause holding ``position`` begins: after "; " or ", while" and the like."""
        if self.breaks is None:
            # Found once a sentence and searched by position, so that a flattened table of
            # thousands of figures in one "sentence" costs each figure a look-up, not a scan.
            self.breaks = [
                m.end()
                for m in _CLAUSE_BREAK.finditer(text, self.sentence_start, self.sentence_end)
            ]
        index = bisect.bisect_right(self.breaks, position) - 1
        return self.breaks[index] if index >= 0 else self.sentence_start

    def own(self, p: PeriodMention) -> bool:
        # "last year", resolved from the date of writing, is as stated as "2024".
        stated = p.shift is None or (p.deictic and self.spans.get(p.start) is not None)
        return stated and p.start not in self.bases and p.start not in self.weak_bases

    def attached_after(self, text: str, reading: Reading) -> PeriodMention | None:
        """A period right after the figure: "$8.3 bn in June", "$27.57 bn shipped a year earlier"."""
        if reading.start not in self.after:
            self.after[reading.start] = self._attached_after(text, reading)
        return self.after[reading.start]

    def _attached_after(self, text: str, reading: Reading) -> PeriodMention | None:
        index = bisect.bisect_left(self.starts, reading.end)
        if index == len(self.mentions):
            return None
        p = self.mentions[index]
        if (
            reading.kind in _CHANGE_KINDS
            and p.shift is not None
            and not p.deictic
            and not _IN_RELATIVE.fullmatch(text, reading.end, p.start)
        ):
            # "up 5% from a year earlier" names the base; "surged 131% in the previous
            # month" the change's own period.
            return None
        if (
            reading.kind in _CHANGE_KINDS
            and (p.start in self.bases or p.start in self.same_period_of)
            and _OVER_BASE.match(text, reading.end)
        ):
            # "up 9.1% over the same period of 2018" names the base's period; "against
            # 3.6% in the same period of 1986" is that rate's own.
            return None
        # A conversion in brackets may sit between: "$5 bn (Rs 41,000 crore) in July".
        gap = _BRACKETS.sub("", text[reading.end : p.start])
        if len(gap) <= 48 and (
            _PERIOD_LINK.match(gap) or (p.shift is not None and _RELATIVE_LINK.match(gap))
        ):
            return p
        return None

    def period_for(
        self,
        text: str,
        reading: Reading,
        previous_span: Span | None,
        flow: str | None,
        is_change: bool,
    ) -> tuple[Span | None, str | None, bool]:
        """The figure's period, the words that state it, and whether they are relative."""
        if not self.mentions:
            # Half the sentences with figures name no period: what is carried, as below.
            return (
                (self.state.period, self.state.period_text, False) if flow else (None, None, False)
            )
        base_figure = reading.start in self.base_figures

        def pick(p: PeriodMention) -> tuple[Span | None, str | None, bool]:
            return self.resolved(p, previous_span, base_figure), p.text, p.shift is not None

        own = self.own
        attached = self.attached_after(text, reading)
        if attached is not None:
            return pick(attached)
        # A restated value right after its period: "compared with June 2018 [€199.3Bn]",
        # "compared to January-September 2022, which amounted to US$39.85 billion".
        last_before = bisect.bisect_right(self.ends, reading.start) - 1
        link = (
            _OF_THAT_PERIOD.fullmatch(text, self.mentions[last_before].end, reading.start)
            if last_before >= 0
            else None
        )
        if link is not None and not (
            # "down 2.4% on a year earlier at X": the base the rate names, not X's period.
            link.group(0).strip() == "at" and self.mentions[last_before].shift is not None
        ):
            return pick(self.mentions[last_before])
        # A change belongs to the current value, whose period its clause states first
        # ("..., while imports from January to June fell 8%"), else the sentence: "X in
        # March 2021 as against Y in March 2020, a growth of Z%".
        if is_change:
            clause = (
                self.clause_start(text, reading.start)
                if self.mentions and self.mentions[0].start < reading.start
                else reading.start
            )
            for p in self.mentions:
                if p.start >= reading.start:
                    break
                if p.start >= clause and own(p) and self.spans.get(p.start):
                    return pick(p)
            if self.first_own is not None:
                return pick(self.first_own)
        # The nearest period before it: "Exports in March were $5 bn".
        # ... or a relative one: "the same time last year was $0.81 billion".
        for index in range(last_before, -1, -1):
            p = self.mentions[index]
            if own(p) or (
                p.shift is not None
                and not is_change
                and p.start not in self.bases
                and p.start not in self.weak_bases
                # "down 2.4% on a year earlier at X": the base of the rate.
                and not _ON_BEFORE.search(text, max(0, p.start - 4), p.start)
            ):
                return pick(p)
        # The first period after it that is not another figure's: "rose 5% to $10 bn in July".
        for index in range(bisect.bisect_left(self.starts, reading.end), len(self.mentions)):
            p = self.mentions[index]
            if own(p) and self.attached.get(p.start, reading.start) == reading.start:
                return pick(p)
        weak = self.first_weak
        # Carried over from earlier sentences, for trade flows only: a tariff or a
        # utilisation rate is not a figure of the period the story is about. A change
        # "from the three months ending in July 2019" is of the period the text is in.
        carried = (self.state.period, self.state.period_text) if flow else (None, None)
        # A relative period after "from" ("to $255 million from the previous month") is
        # the base's, never the figure's own.
        if weak is not None and weak.shift is None and not (is_change and carried[0]):
            return pick(weak)
        return (*carried, False)
