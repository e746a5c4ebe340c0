"""Text -> figures with their context. The entry point is :func:`extract`."""

from __future__ import annotations

import bisect
import re
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TypeVar

from tradestats.extraction import context as ctx
from tradestats.extraction.folding import fold
from tradestats.extraction.grammar import Reading, scan
from tradestats.extraction.periods import (
    DEFAULT_FISCAL_START,
    FISCAL_START,
    PeriodMention,
    fill_year,
    find_periods,
    first_date,
    format_month,
    shift_span,
)
from tradestats.models import Document, Figure, InputProblem
from tradestats.segment import Sentence, split_sentences

Span = tuple[tuple[int, int], tuple[int, int]]
T = TypeVar("T")


class ExtractionFault(UserWarning):
    """A sentence that tradestats failed to read, when no list collects such faults."""


@dataclass
class _Faults:
    """Faults of tradestats while reading a document, each costing one sentence.

    A fault is a bug of ours, not of the input; losing a whole document to one odd
    sentence would hide every other figure from the user, so each is reported as a
    problem at the place it happened and reading goes on with the next sentence.
    """

    document: Document
    sink: list[InputProblem] | None
    reported: set[int] = field(default_factory=set)

    def report(self, offset: int, error: Exception, what: str = "this sentence") -> None:
        if offset in self.reported:
            return
        self.reported.add(offset)
        line, column = self.document.position(offset)
        # One line whatever the exception says.
        detail = " ".join(str(error).split())[:200]
        message = (
            f"{self.document.path}:{self.document.location(offset)}: internal error while"
            f" reading {what} ({type(error).__name__}: {detail}); its figures are left out,"
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
    r"(?i)^[\s,]*(?:\(|in|during|for|of|over|through|as\s+of|at\s+end-?|by|until|in\s+the|during\s+the|for\s+the|of\s+the|over\s+the|in\s+calendar)?[\s(]*(?:the\s+period\s+)?$"
)


_OF_THAT_PERIOD = re.compile(
    r"\s*[\[(]\s*|[\s,]*(?:which|that|when\s+it)\s+(?:[a-z]+\s+){0,2}(?:to|at|of)?\s*"
)
_COORDINATED = re.compile(r"\s*,?\s*(?:and|or)\s*")
_RESTATED = re.compile(r"\s*(?:\(|,?\s*or|,)\s*")
_CHANGE_KINDS = ("percent", "percentage_points", "multiple")
_BRACKETS = re.compile(r"^[\s,]*\)?|\([^()]*\)")
# Over the folded text: with no IGNORECASE, the literal first letters let the engine skip.
_BASE_BEFORE = re.compile(
    r"(?:compared\s+(?:with|to)|as\s+against|against|v\.|vs\.?|versus|from|over|than|since)\s+(?:the\s+)?(?:same\s+period\s+(?:in|of)\s+)?$"
)
_RELATIVE_LINK = re.compile(
    r"(?i)^[\s,]*(?:[a-z]+ed\s+|seen\s+|(?:was|were)\s+)?(?:in\s+|during\s+|over\s+)?$"
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
    guard = _Faults(document, faults)
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
    if reference_date is None:
        # Without a publication date, a full date in the text (dateline, caption) is the
        # next best clue to the year of "in January".
        written = guard.guard(None, 0, "the document's dates", lambda: first_date(text))
        if written is not None:
            reference_date = date(written[0], written[1], 1)
    countries: list[list[ctx.Mention] | None] = [None] * len(sentences)
    lowercase_names = guard.guard(
        True, 0, "the document's country names", lambda: ctx.names_in_lower_case(text)
    )

    def countries_of(i: int) -> list[ctx.Mention]:
        found = countries[i]
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

    state = _State(reference_date=reference_date)
    # The subject of a story is named early; later reporters are caught up with below.
    state.first_reporter = _first_reporter(
        countries_of(i) for i in range(min(len(sentences), _LEDE_SENTENCES))
    )
    state.reporter = state.first_reporter
    if state.reporter:
        state.fiscal_start = FISCAL_START.get(state.reporter, DEFAULT_FISCAL_START)
    figures: list[Figure] = []
    index = 0
    skipped_from = 0  # first sentence without figures not yet caught up with
    for i, sentence in enumerate(sentences):
        in_sentence: list[Reading] = []
        while index < len(readings) and readings[index].start < sentence.end:
            if readings[index].start >= sentence.start:
                in_sentence.append(readings[index])
            index += 1
        if i in broken:
            continue
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
        figures, 0, "the document's headline periods", lambda: _lede_periods(figures)
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


def _lede_periods(figures: list[Figure]) -> list[Figure]:
    """A headline's trade figures take the period of the story's first dated figure.

    Headlines and ledes state the news before the text names its period ("Exports tumble
    13%" above "exports fell 13 percent in January").
    """
    first = next((f for f in figures if f.period_start and f.flow), None)
    if first is None:
        return figures
    return [
        replace(
            f,
            period_start=first.period_start,
            period_end=first.period_end,
            period_text=first.period_text,
        )
        if f.start < first.start and f.flow and not f.period_start
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
) -> tuple[Span | None, int | None]:
    """The months a mention stands for, and the full-year mention that anchored it."""
    if mention.shift is not None:
        if mention.deictic and reference_date is not None:
            # "last month", "last year" count back from the date of writing.
            if mention.shift == -12:
                year = reference_date.year - 1
                return ((year, 1), (year, 12)), None
            back = shift_span(((reference_date.year, reference_date.month),) * 2, mention.shift)
            return back, None
        return None, None
    if mention.from_year_start and mention.last is None:
        # "Year-to-date": January to the month the text is already in.
        if state.period is None:
            return None, None
        year, month = state.period[1]
        return ((year, 1), (year, month)), None
    if mention.first is None or mention.last is None:
        return None, None
    if mention.has_year:
        (y1, m1), (y2, m2) = mention.first, mention.last
        assert y1 is not None and y2 is not None
        return ((y1, m1), (y2, m2)), None
    (_, a), (_, b) = mention.first, mention.last
    # A year-less span beside a stated whole year ("July-August ... of FY23", "the first
    # eight months of the fiscal year (FY23)") sits inside that year.
    for anchor, ((y1, m1), (y2, _)) in full_years:
        if mention.from_year_start:
            return ((y1, m1), shift_span(((y1, m1), (y1, m1)), b - a)[1]), anchor
        first = (y1, a) if a >= m1 else (y2, a)
        last = (y1, b) if b >= m1 else (y2, b)
        return (first, last), anchor
    if reference_date is not None:
        # News reports the latest data: "in December", written in February, is last December.
        year = reference_date.year if b <= reference_date.month else reference_date.year - 1
        return fill_year(mention, year), None
    if state.period is not None:
        (p1, q1), (p2, q2) = state.period
        # The months of the period the text is already in: "July-August" after FY23's.
        for year in (p1, p2):
            span = fill_year(mention, year)
            if span and (p1, q1) <= span[0] and span[1] <= (p2, q2):
                return span, None
    if state.year is not None:
        return fill_year(mention, state.year), None
    return None, None


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
    return kept


_PART_OF_GAP = re.compile(r"(?i)\s+(?:out\s+)?of\s+(?:the|its|their|a|an)\s+")


def _new_paragraph(sentence: Sentence, state: _State) -> None:
    if sentence.paragraph != state.paragraph:
        state.paragraph = sentence.paragraph
        state.partner = None
        state.flow = None
        state.flow_source = None


_DIGIT = re.compile(r"\d")
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
            for p in find_periods(text, sentence.start, sentence.end, state.fiscal_start, folded):
                if (
                    p.has_year
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
    reference_date = state.reference_date
    _new_paragraph(sentence, state)
    if state.flow_source is not None:
        # The flow the previous sentence named, for "They rose 5%" continuations.
        named = ctx.find_flows(text, state.flow_source.start, state.flow_source.end, folded)
        if named:
            state.flow = None if named[-1].value == "other" else named[-1].value
            state.partner = None
        state.flow_source = None

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
    periods = [
        p
        for p in find_periods(text, sentence.start, sentence.end, state.fiscal_start, folded)
        if outside_figures(p.start, p.end)
    ]
    # Whole years are resolved first: a year-less span beside one sits inside it, and the
    # year then only anchors it ("July-August of FY23" is July-August 2022).
    full_years = [
        (p.start, (p.first, p.last))
        for p in periods
        if p.has_year and p.first and p.last and _months(p.first, p.last) == 12  # type: ignore[arg-type]
    ]
    spans: dict[int, Span | None] = {}
    anchors: set[int] = set()
    for p in periods:
        span, anchor = _resolve(p, state, full_years, reference_date)  # type: ignore[arg-type]
        spans[p.start] = span
        if anchor is not None:
            anchors.add(anchor)
    periods = [p for p in periods if p.start not in anchors]
    # "a fall of 4.1% v. June 2018", "compared with January-June 2018": the period of the
    # base value only, never of the figures around it.
    bases: set[int] = set()
    weak_bases: set[int] = set()
    for p in periods:
        base = _BASE_BEFORE.search(folded, max(sentence.start, p.start - 30), p.start)
        # "from January to May 2018" is a span, not a base.
        if base and not (base.group(0).startswith("from") and re.search(r"\sto\s|[-–]", p.text)):
            weak = base.group(0).startswith(("from", "over"))
            (weak_bases if weak else bases).add(p.start)
    sentence_periods = _SentencePeriods(periods, spans, bases, weak_bases, state)
    for reading in readings:
        attached = sentence_periods.attached_after(text, reading)
        if attached is not None:
            sentence_periods.attached.setdefault(attached.start, reading.start)

    reporters = [c for c in countries if c.how in ("possessive", "reporter")]
    reporter_starts = [c.start for c in reporters]
    from_countries = [c for c in countries if c.how == "from"]
    from_starts = [c.start for c in from_countries]
    partners = [c for c in countries if c.how in ("partner", "pair", "from")]
    partner_starts = [c.start for c in partners]
    flow_starts = [m.start for m in flows]
    own_flow = bool(flows)
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
        reporter = _last_before(reporters, reporter_starts, reading.start, _any)
        if reporter is None and flow == "exports":
            # "exports from India": the exporter reports.
            reporter = _last_before(from_countries, from_starts, reading.start, _any)
        reporter_code = reporter.value if reporter else state.reporter
        partner = _partner_for(
            reading,
            partners,
            partner_starts,
            flow,
            reporter_code,
            not own_flow and not countries,
            state,
        )
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
        span, period_text = sentence_periods.period_for(
            text, reading, previous_span, flow, reading.kind in _CHANGE_KINDS or role == "change"
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
                partner=partner,
                period_start=format_month(*span[0]) if span else None,
                period_end=format_month(*span[1]) if span else None,
                period_text=period_text if span else None,
                expectation=ctx.expectation_near(
                    text, max(sentence.start, previous_end), reading.start, folded
                ),
                per=reading.per,
            )
        )
        previous_end = reading.end
        if span is not None and period_text is not None:
            previous_span = span

    # What the next sentence inherits.
    if reporters:
        state.reporter = reporters[-1].value
    if figures:
        last = figures[-1]
        state.flow = last.flow
        state.partner = last.partner
    main = next(
        (
            p
            for p in periods
            if spans.get(p.start)
            and p.start not in bases | weak_bases
            and (p.shift is None or p.deictic)
        ),
        None,
    )
    if main is not None:
        state.period = spans[main.start]
        state.period_text = main.text
        state.year = spans[main.start][1][0]  # type: ignore[index]
    return figures


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
    if after is not None and ctx.adjacent_after(text, reading.end, after):
        chosen: ctx.Mention | None = after
    else:
        chosen = _last_before(flows, starts, reading.start, _any) or after
    if chosen is None:
        return state.flow if not own_flow else None
    return None if chosen.value == "other" else chosen.value


def _partner_for(
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

    def resolved(self, mention: PeriodMention, previous_span: Span | None) -> Span | None:
        if mention.shift is None or mention.deictic:
            return self.spans.get(mention.start)
        anchor = (
            previous_span
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
        return shift_span(anchor, mention.shift) if anchor else None

    def __post_init__(self) -> None:
        self.starts = [p.start for p in self.mentions]
        self.ends = [p.end for p in self.mentions]
        self.first_own = next(
            (p for p in self.mentions if self.own(p) and self.spans.get(p.start)), None
        )
        self.first_weak = next((p for p in self.mentions if p.start in self.weak_bases), None)

    def own(self, p: PeriodMention) -> bool:
        return p.shift is None and p.start not in self.bases and p.start not in self.weak_bases

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
        if reading.kind in _CHANGE_KINDS and p.shift is not None and not p.deictic:
            return None
        # A conversion in brackets may sit between: "$5 bn (Rs 41,000 crore) in July".
        gap = _BRACKETS.sub("", text[reading.end : p.start])
        if len(gap) <= 30 and (
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
    ) -> tuple[Span | None, str | None]:
        def pick(p: PeriodMention) -> tuple[Span | None, str | None]:
            return self.resolved(p, previous_span), p.text

        own = self.own
        attached = self.attached_after(text, reading)
        if attached is not None:
            return pick(attached)
        # A restated value right after its period: "compared with June 2018 [€199.3Bn]",
        # "compared to January-September 2022, which amounted to US$39.85 billion".
        last_before = bisect.bisect_right(self.ends, reading.start) - 1
        if last_before >= 0 and _OF_THAT_PERIOD.fullmatch(
            text, self.mentions[last_before].end, reading.start
        ):
            return pick(self.mentions[last_before])
        # A change belongs to the current value, whose period the sentence states first:
        # "X in March 2021 as against Y in March 2020, a growth of Z%".
        if is_change and self.first_own is not None:
            return pick(self.first_own)
        # The nearest period before it: "Exports in March were $5 bn".
        # ... or a relative one: "the same time last year was $0.81 billion".
        for index in range(last_before, -1, -1):
            p = self.mentions[index]
            if own(p) or (p.shift is not None and not is_change and p.start not in self.bases):
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
        if weak is not None and not (is_change and carried[0]):
            return pick(weak)
        return carried
