"""Figures -> relations: which figures a text says belong together, and why.

The grammar of trade writing links a rate to the values it compares ("rose 5% to X from
Y", "X, 17.8% higher than Y", "rose N or P% to X"), a multiple to a pair of values, a
change between two rates to those rates, and exports, imports and a balance stated for the
same reporter, partner and period. Nothing is judged here; ``check`` recomputes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from tradestats.extraction.context import direction_of
from tradestats.extraction.refdata import currency_words
from tradestats.models import ClaimKind, Figure
from tradestats.segment import Sentence

_BASE_BEFORE = re.compile(
    r"(?i)(?:\bfrom|\bthan|against|compared\s+(?:with|to)|\bversus|\bvs\.?|\bv\.|\bover|\bon)"
    r"\s+(?:the\s+|a\s+|nearly\s+|about\s+|around\s+|some\s+)?(?:[\w.]+\s+){0,2}$"
)
_TERMS = re.compile(r"(?i)^[\s,)]*\(?\s*in\s+([A-Za-z. ]+?)\s+terms")
_YOY = re.compile(
    r"(?i)year[-\s]on[-\s]year|y-?o-?y|on[-\s]year|a\s+year\s+(?:earlier|ago|before)|same\s+(?:period|month|quarter)|year[-\s]ago|annual"
)
_MOM = re.compile(
    r"(?i)month[-\s]on[-\s]month|m-?o-?m|previous\s+month|a\s+month\s+(?:earlier|ago)|last\s+month|sequential"
)
# How far from a rate (in characters) its values are looked for within a sentence.
NEAR = 400
_LEVEL_KINDS = ("money",)
_TOTAL = re.compile(r"(?i)\b(?:total|overall|all|whole|aggregate)\b")
_TO_TARGET = re.compile(
    r"(?i)\s*(?:[a-z-]+\s+){0,6}to\s+(?:about\s+|around\s+|nearly\s+|reach\s+)?"
)
_FROM_BEFORE = re.compile(r"(?i)\bfrom\s+(?:a\s+|about\s+|around\s+|nearly\s+)?$")
_TO_GAP = re.compile(r"(?i)\s*(?:in\s+[\w-]+\s+)?(?:,\s*)?to\s+(?:about\s+|around\s+|nearly\s+)?")
_TO_GAP_END = re.compile(r"(?i)\bto\s+$")
_FROM_GAP = re.compile(
    r"(?i)\s*(?:in\s+[\w-]+\s+)?(?:,\s*)?(?:up\s+|down\s+)?from\s+(?:about\s+|around\s+|nearly\s+)?"
)
_RATE_KINDS = ("percent", "percentage_points")
_SUB_ITEM = re.compile(
    r"(?i)\b(?:goods|services|merchandise|oil|non-oil|petroleum|current[-\s]account|intra|extra"
    r"|average|cumulative|previous|revised|month-on-month|year-on-year|compared|against|versus)\b"
)
_DEFICIT_FAMILY = {"balance", "deficit", "surplus"}


@dataclass(frozen=True, slots=True)
class Relation:
    """Figures linked by the text, before any arithmetic."""

    kind: ClaimKind
    stated: Figure | None
    new: Figure | None = None
    old: Figure | None = None
    change: Figure | None = None  # "rose $5.7 billion": the base is new minus this
    parts: tuple[Figure, ...] = ()  # identities: exports, imports
    link: str = ""
    said: str = ""  # a word of direction governing the new value: "rose to X from Y"

    @property
    def inputs(self) -> tuple[Figure, ...]:
        found = [f for f in (self.new, self.old, self.change) if f is not None]
        return (*found, *self.parts)


def _flows_agree(a: str | None, b: str | None) -> bool:
    """Flows that can describe one series: a balance is a deficit or a surplus, but a
    deficit is never compared with a surplus as if both were magnitudes."""
    if a is None or b is None or a == b:
        return True
    return "balance" in (a, b) and (a in _DEFICIT_FAMILY and b in _DEFICIT_FAMILY)


def _rate_fits(value: Figure, rate: Figure) -> bool:
    """A value a rate can describe: the same flow, or no flow named for either. A rate
    with no flow beside values of a named flow is about something else (a currency, a
    tariff) as often as not."""
    if rate.flow is None:
        return value.flow is None
    return value.flow is None or _flows_agree(value.flow, rate.flow)


def _same_series(a: Figure, b: Figure) -> bool:
    """Two values that can be compared: one currency, one named flow, one partner."""
    return (
        a.unit == b.unit
        and a.flow is not None
        and b.flow is not None
        and _flows_agree(a.flow, b.flow)
        and (a.partner == b.partner or a.partner is None or b.partner is None)
        and (a.reporter == b.reporter or a.reporter is None or b.reporter is None)
    )


def _is_base(text: str, figure: Figure, sentence: Sentence) -> bool:
    if figure.qualifier in ("more than", "less than"):
        return False  # "to more than 300 mln": a bound, not a comparison
    window = text[max(sentence.start, figure.start - 40) : figure.start]
    return bool(_BASE_BEFORE.search(window))


def _order(text: str, sentence: Sentence, a: Figure, b: Figure) -> tuple[Figure, Figure]:
    """(new, old) of two values of one series, from the words and periods around them."""
    a_base, b_base = _is_base(text, a, sentence), _is_base(text, b, sentence)
    if a_base != b_base:
        return (b, a) if a_base else (a, b)
    if a.period_end and b.period_end and a.period_end != b.period_end:
        return (a, b) if a.period_end > b.period_end else (b, a)
    return a, b


def _terms_currency(text: str, rate: Figure) -> str | None:
    """ "7.26% in Dollar terms" restricts the rate to values in dollars."""
    match = _TERMS.match(text[rate.end : rate.end + 40])
    if not match:
        return None
    return currency_words().get(match.group(1).strip().lower())


class _Document:
    def __init__(self, text: str, sentences: Sequence[Sentence], figures: Sequence[Figure]):
        self.text = text
        self.sentences = list(sentences)
        self.starts = [s.start for s in self.sentences]
        self.by_sentence: list[list[Figure]] = [[] for _ in self.sentences]
        # Levels of each series by (currency, reporter, partner, period), for finding a
        # base or a current value elsewhere without scanning every sentence.
        self.series: dict[tuple, list[tuple[int, Figure]]] = {}
        for figure in figures:
            index = self.sentence_of(figure)
            if index is not None:
                self.by_sentence[index].append(figure)
                if figure.kind == "money" and figure.role == "level" and figure.flow is not None:
                    key = (
                        figure.unit,
                        figure.reporter,
                        figure.partner,
                        figure.period_start,
                        figure.period_end,
                    )
                    self.series.setdefault(key, []).append((index, figure))
        self.figure_starts = [[f.start for f in found] for found in self.by_sentence]

    def near(self, index: int, position: int, reach: int = NEAR) -> list[Figure]:
        """The figures of a sentence within ``reach`` characters of ``position``.

        A claim's figures sit close together; bounding the search keeps a flattened
        table of thousands of figures in one "sentence" linear to check.
        """
        starts = self.figure_starts[index]
        low = bisect_left(starts, position - reach)
        high = bisect_right(starts, position + reach)
        return self.by_sentence[index][low:high]

    def sentence_of(self, figure: Figure) -> int | None:
        index = bisect_right(self.starts, figure.start) - 1
        if index >= 0 and figure.start < self.sentences[index].end:
            return index
        return None


def link(text: str, sentences: Sequence[Sentence], figures: Sequence[Figure]) -> list[Relation]:
    """Every relation the text states between its figures, in document order."""
    doc = _Document(text, sentences, figures)
    relations: list[Relation] = []
    used_pairs: set[tuple[int, int]] = set()
    for index, in_sentence in enumerate(doc.by_sentence):
        for figure in in_sentence:
            if figure.kind in _RATE_KINDS and figure.role == "change":
                relation = _points_relation(doc, index, figure) or _rate_relation(
                    doc, index, figure
                )
                if relation is not None:
                    relations.append(relation)
                    if relation.new is not None and relation.old is not None:
                        used_pairs.add((relation.new.start, relation.old.start))
            elif figure.kind == "multiple":
                relation = _multiple_relation(doc, index, figure)
                if relation is not None:
                    relations.append(relation)
                    if relation.new is not None and relation.old is not None:
                        used_pairs.add((relation.new.start, relation.old.start))
            if figure.kind == "percent" and figure.role == "share":
                relation = _share_relation(doc, index, figure)
                if relation is not None:
                    relations.append(relation)
        relations.extend(_change_relations(doc, index, used_pairs))
        relations.extend(_comparisons(doc, index, used_pairs))
    relations.extend(_identities(doc))
    relations.sort(key=lambda r: (r.stated or r.inputs[0]).start)
    return _one_rate_per_pair(relations)


def _one_rate_per_pair(relations: list[Relation]) -> list[Relation]:
    """A pair of values answers one rate: "exports rose 6.31% to X from Y, against 23.75%
    growth a year earlier" links X and Y to the 6.31%. The rate nearest the values keeps
    them; the others lose them (their claims become unverifiable)."""
    claimed: dict[tuple[int, int], Relation] = {}
    for relation in relations:
        if relation.kind == "growth" and relation.new is not None and relation.old is not None:
            key = (relation.new.start, relation.old.start)
            held = claimed.get(key)
            if held is None or _distance(relation) < _distance(held):
                claimed[key] = relation
    kept = []
    for relation in relations:
        if (
            relation.kind == "growth"
            and relation.new is not None
            and relation.old is not None
            and claimed[(relation.new.start, relation.old.start)] is not relation
        ):
            relation = Relation(
                "growth",
                relation.stated,
                new=relation.new,
                link="its values answer another rate",
            )
        kept.append(relation)
    return kept


def _distance(relation: Relation) -> int:
    assert relation.stated is not None
    return min(abs(f.start - relation.stated.start) for f in relation.inputs)


def _levels(figures: Sequence[Figure], unit: str | None = None) -> list[Figure]:
    return [
        f
        for f in figures
        if f.kind in _LEVEL_KINDS and f.role == "level" and (unit is None or f.unit == unit)
    ]


def _pair(
    doc: _Document, index: int, rate: Figure, candidates: list[Figure]
) -> tuple[Figure, Figure] | None:
    """The two values of one series that a rate compares, if its clause holds them.

    Values on the far side of another rate belong to that rate's clause: in "trade with
    the EU rose 9.7% to X, with ASEAN 11.7% to Y", X is not Y's base.
    """
    sentence = doc.sentences[index]
    local = doc.near(index, rate.start)
    rates = [f.start for f in local if f.kind in _RATE_KINDS and f is not rate]

    def same_clause(value: Figure) -> bool:
        low, high = sorted((value.start, rate.start))
        return not any(low < other < high for other in rates)

    text = doc.text
    other_rates = [f for f in local if f.kind in _RATE_KINDS and f is not rate]

    def owned_by_other(value: Figure) -> bool:
        # "up 9.7% from a year earlier to X, followed by ASEAN, up 11.7% to Y": X is the
        # 9.7%'s new value, not the 11.7%'s base.
        return any(
            0 <= value.start - other.end <= 60
            and _TO_TARGET.fullmatch(text[other.end : value.start])
            for other in other_rates
        )

    clause = [f for f in candidates if same_clause(f) and not owned_by_other(f)]
    if len(clause) < 2:
        return None
    ordered = sorted(clause, key=lambda f: abs(f.start - rate.start))
    first = ordered[0]
    second = next(
        (f for f in ordered[1:] if _same_series(f, first) and _norm(f.text) != _norm(first.text)),
        None,
    )
    if second is None:
        return None
    new, old = _order(doc.text, sentence, first, second)
    return new, old


def _norm(text: str) -> str:
    return " ".join(text.split())


def _rate_relation(doc: _Document, index: int, rate: Figure) -> Relation | None:
    text = doc.text
    in_sentence = doc.near(index, rate.start)
    currency = _terms_currency(text, rate)
    candidates = [
        f
        for f in _levels(in_sentence, currency)
        if _rate_fits(f, rate) and (rate.partner is None or f.partner in (None, rate.partner))
    ]
    changes = [
        f
        for f in in_sentence
        if f.kind == "money"
        and f.role == "change"
        and (currency is None or f.unit == currency)
        and _rate_fits(f, rate)
    ]
    # "rose N or P% to X": the base is X minus N.
    if changes and candidates:
        change = min(changes, key=lambda f: abs(f.start - rate.start))
        same = [f for f in candidates if f.unit == change.unit]
        after = [f for f in same if f.start > change.start]
        before = [f for f in same if f.end <= min(change.start, rate.start)]
        # "rose N or P% to X", else "X, down P% or N".
        target = after[0] if after else before[-1] if before else None
        if target is not None:
            return Relation(
                "growth",
                rate,
                new=target,
                change=change,
                link="rate with an absolute change and the new value",
            )
    if candidates:
        by_unit: dict[str, list[Figure]] = {}
        for f in candidates:
            by_unit.setdefault(f.unit, []).append(f)
        # The values nearest the rate decide the currency ("$5 bn (Rs 41,000 crore)").
        nearest = min(candidates, key=lambda f: abs(f.start - rate.start))
        pair = _pair(doc, index, rate, by_unit[nearest.unit])
        if pair is not None:
            return Relation(
                "growth",
                rate,
                new=pair[0],
                old=pair[1],
                link="rate and both values in one sentence",
            )
        # One value here, the other stated elsewhere for the comparable period: "rose 17.58%
        # from US$92.5 billion" after the new value, or "up 53% to $1.24 billion" before
        # the base.
        if _is_base(text, nearest, doc.sentences[index]) or _earlier(nearest, rate):
            current = _current_elsewhere(doc, index, rate, nearest)
            if current is not None:
                return Relation(
                    "growth",
                    rate,
                    new=current,
                    old=nearest,
                    link="new value for the period of the rate elsewhere in the text",
                )
            return Relation("growth", rate, old=nearest, link="no new value found")
        base = _base_elsewhere(doc, index, rate, nearest)
        if base is not None:
            return Relation(
                "growth",
                rate,
                new=nearest,
                old=base,
                link="base value for the comparable period elsewhere in the text",
            )
        return Relation("growth", rate, new=nearest, link="no base value found")
    # No value in the sentence: a pair in the next or the previous sentence.
    for other in (index + 1, index - 1):
        if not 0 <= other < len(doc.sentences):
            continue
        if other < index and doc.sentences[other].paragraph != doc.sentences[index].paragraph:
            continue
        near = [
            f
            for f in _levels(doc.by_sentence[other], currency)
            if _rate_fits(f, rate) and (rate.partner is None or f.partner in (None, rate.partner))
        ]
        if len(near) >= 2:
            pair = _pair(doc, other, rate, near)
            if pair is not None:
                return Relation(
                    "growth",
                    rate,
                    new=pair[0],
                    old=pair[1],
                    link="both values in a neighbouring sentence",
                )
    pair = _pair_by_period(doc, index, rate)
    if pair is not None:
        return Relation(
            "growth",
            rate,
            new=pair[0],
            old=pair[1],
            link="values for the period of the rate and its base elsewhere in the text",
        )
    return None


def _points_relation(doc: _Document, index: int, rate: Figure) -> Relation | None:
    """ "The share rose from 12% to 15%, up 3 points": a change between two rates."""
    levels = [
        f
        for f in doc.near(index, rate.start, 120)
        if f.kind == "percent" and f.role != "change" and f is not rate and f.low is None
    ]
    if len(levels) < 2:
        return None
    text = doc.text
    for old in levels:
        for new in levels:
            # Only "from A% to B%" (or "to B% from A%") says the two are one rate moving.
            if old is new:
                continue
            if old.start < new.start:
                between = text[old.end : new.start]
                linked = _FROM_BEFORE.search(
                    text[max(0, old.start - 12) : old.start]
                ) and _TO_GAP.fullmatch(between)
            else:
                between = text[new.end : old.start]
                linked = _TO_GAP_END.search(
                    text[max(0, new.start - 6) : new.start]
                ) and _FROM_GAP.fullmatch(between)
            if linked:
                return Relation(
                    "points", rate, new=new, old=old, link="change between two stated rates"
                )
    return None


def _length(figure: Figure) -> int | None:
    """Months a figure's period spans: a year is not compared with two months."""
    if not (figure.period_start and figure.period_end):
        return None
    return _months(figure.period_end) - _months(figure.period_start) + 1


def _share_relation(doc: _Document, index: int, share: Figure) -> Relation | None:
    """ "Exports to the US were $10 billion, 25% of the total of $40 billion": a part, its
    share and the whole, all stated in one sentence for one flow, reporter and period."""
    levels = [
        f
        for f in _levels(doc.near(index, share.start, 160))
        if f.flow is not None and _rate_fits(f, share) and f.period_end == share.period_end
    ]
    part = next((f for f in reversed(levels) if f.end <= share.start), None)
    whole = next((f for f in levels if f.start >= share.end), None)
    if part is None or whole is None or part.unit != whole.unit or part.flow != whole.flow:
        return None
    if not _TOTAL.search(doc.text, share.end, whole.start):
        return None  # the later value must be named as the total
    return Relation("share", share, new=part, old=whole, link="part, its share and the total")


def _months(period: str) -> int:
    return int(period[:4]) * 12 + int(period[5:7]) - 1


def _shifted(period: str, months: int) -> str:
    index = _months(period) + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _earlier(value: Figure, rate: Figure) -> bool:
    return bool(value.period_end and rate.period_end and value.period_end < rate.period_end)


def _series_elsewhere(
    doc: _Document, index: int, like: Figure, start: str | None, end: str | None, reach: int = 3
) -> Figure | None:
    """A level of the same series as ``like`` for the period start..end, nearest first."""
    if not (start and end) or like.flow is None:
        return None
    found = [
        (abs(other - index), f.start, f)
        for other, f in doc.series.get((like.unit, like.reporter, like.partner, start, end), [])
        if f is not like and abs(other - index) <= reach and _flows_agree(f.flow, like.flow)
    ]
    return min(found, key=lambda item: item[:2])[2] if found else None


def _comparison_shifts(doc: _Document, rate: Figure) -> list[int]:
    """Months back to the base: a year unless the text says month-on-month."""
    around = doc.text[max(0, rate.start - 60) : rate.end + 60]
    if _MOM.search(around):
        return [-1]
    if _YOY.search(around):
        return [-12]
    return [-12, -1]


def _current_elsewhere(doc: _Document, index: int, rate: Figure, base: Figure) -> Figure | None:
    """The value a base is compared with: for the rate's own period, or a year (a month)
    after the base."""
    periods = []
    if rate.period_start and rate.period_end:
        periods.append((rate.period_start, rate.period_end))
    if base.period_start and base.period_end:
        for shift in _comparison_shifts(doc, rate):
            periods.append((_shifted(base.period_start, -shift), _shifted(base.period_end, -shift)))
    for start, end in periods:
        current = _series_elsewhere(doc, index, base, start, end)
        if current is not None and current.start != base.start:
            return current
    return None


def _base_elsewhere(doc: _Document, index: int, rate: Figure, new: Figure) -> Figure | None:
    """The same series a year (or a month) before, within a few sentences."""
    if not (new.period_start and new.period_end):
        return None
    for shift in _comparison_shifts(doc, rate):
        base = _series_elsewhere(
            doc, index, new, _shifted(new.period_start, shift), _shifted(new.period_end, shift)
        )
        if base is not None:
            return base
    return None


def _pair_by_period(doc: _Document, index: int, rate: Figure) -> tuple[Figure, Figure] | None:
    """ "Trade jumped 90 pct in 1986 versus 1985" with the values paragraphs later."""
    if not (rate.period_start and rate.period_end):
        return None
    for other in range(max(0, index - 6), min(len(doc.sentences), index + 7)):
        for new in doc.by_sentence[other]:
            if (
                new.kind == "money"
                and new.role == "level"
                and new.flow is not None
                and _flows_agree(new.flow, rate.flow)
                and (new.period_start, new.period_end) == (rate.period_start, rate.period_end)
            ):
                base = _base_elsewhere(doc, other, rate, new)
                if base is not None:
                    return new, base
    return None


def _multiple_relation(doc: _Document, index: int, multiple: Figure) -> Relation | None:
    candidates = [
        f for f in _levels(doc.near(index, multiple.start)) if _flows_agree(f.flow, multiple.flow)
    ]
    if len(candidates) >= 2:
        pair = _pair(doc, index, multiple, candidates)
        if pair is not None:
            return Relation(
                "multiple",
                multiple,
                new=pair[0],
                old=pair[1],
                link="multiple and both values in one sentence",
            )
    # "a 25% tariff ... will double": the rate it multiplies, in this or the previous sentence.
    for other in (index, index - 1):
        if other < 0:
            continue
        rates = [
            f
            for f in doc.near(other, multiple.start)
            if f.kind == "percent" and f.start < multiple.start and f.role != "change"
        ]
        if rates:
            return Relation("multiple", multiple, old=rates[0], link="multiple of a stated rate")
    return None


def _change_relations(doc: _Document, index: int, used: set[tuple[int, int]]) -> list[Relation]:
    """ "rose $1.2 billion to $8.5 billion from $7.6 billion": the change against both."""
    found = []
    in_sentence = doc.by_sentence[index]
    for change in in_sentence:
        if change.kind != "money" or change.role != "change":
            continue
        levels = [
            f
            for f in _levels(doc.near(index, change.start), change.unit)
            if f.start > change.start and _flows_agree(f.flow, change.flow)
        ]
        if len(levels) >= 2:
            new, old = _order(doc.text, doc.sentences[index], levels[0], levels[1])
            found.append(
                Relation("change", change, new=new, old=old, link="absolute change and both values")
            )
    return found


def _comparisons(doc: _Document, index: int, used: set[tuple[int, int]]) -> list[Relation]:
    """Two values of one series and no rate: the implied change, for information."""
    levels = _levels(doc.by_sentence[index])
    found = []
    taken: set[int] = set()
    for i, a in enumerate(levels):
        if a.start in taken:
            continue
        for b in levels[i + 1 : i + 8]:
            if b.start in taken or not _same_series(a, b) or a.flow is None:
                continue
            sentence = doc.sentences[index]
            # Only a stated order makes a comparison: one value marked as the base ("from",
            # "against", "than"), or two different periods.
            based = _is_base(doc.text, a, sentence) != _is_base(doc.text, b, sentence)
            dated = bool(
                a.period_end
                and b.period_end
                and a.period_end != b.period_end
                and _length(a) == _length(b)
            )
            if not (based or dated) or a.expectation or b.expectation:
                continue
            new, old = _order(doc.text, sentence, a, b)
            if (new.start, old.start) in used or (old.start, new.start) in used:
                taken.update((a.start, b.start))
                break
            said = _direction_to(doc.text, sentence, new)
            found.append(
                Relation(
                    "comparison", None, new=new, old=old, link="two values of one series", said=said
                )
            )
            taken.update((a.start, b.start))
            break
    return found


_TO_VALUE = re.compile(
    r"(?i)\b([a-z]+)\s+(?:sharply\s+|slightly\s+|further\s+|again\s+)?to\s+(?:about\s+|nearly\s+|around\s+|some\s+)?$"
)


def _direction_to(text: str, sentence: Sentence, value: Figure) -> str:
    """The verb of "rose to $X", "narrowed to $X", if one governs the value."""
    match = _TO_VALUE.search(text, max(sentence.start, value.start - 40), value.start)
    if match and direction_of(match.group(1)):
        return match.group(1)
    return ""


def _identities(doc: _Document) -> list[Relation]:
    """Exports, imports and balance (or total trade) of one reporter, partner and period."""
    found = []
    groups: dict[tuple, dict[str, list[tuple[int, Figure]]]] = {}
    for index, figures in enumerate(doc.by_sentence):
        for f in figures:
            if (
                f.kind != "money"
                or f.role != "level"
                or f.flow is None
                or not f.period_start
                or f.expectation
            ):
                continue
            key = (f.unit, f.reporter, f.partner, f.period_start, f.period_end)
            groups.setdefault(key, {}).setdefault(f.flow, []).append((index, f))
    for flows in groups.values():
        if "exports" not in flows or "imports" not in flows:
            continue
        for stated_flow, kind in (
            ("balance", "balance"),
            ("deficit", "balance"),
            ("surplus", "balance"),
            ("trade", "total"),
        ):
            for index, stated in flows.get(stated_flow, []):
                # All three in one sentence, and no part of trade singled out: a "goods
                # deficit" or "services surplus" beside total exports is no identity.
                exports = _nearest(flows["exports"], index, reach=0)
                imports = _nearest(flows["imports"], index, reach=0)
                if exports is None or imports is None:
                    continue
                if _SUB_ITEM.search(doc.text, doc.sentences[index].start, doc.sentences[index].end):
                    continue
                found.append(
                    Relation(
                        kind,
                        stated,
                        parts=(exports, imports),
                        link=f"exports, imports and {stated_flow} of one reporter, partner and period",
                    )
                )  # type: ignore[arg-type]
    return found


def _nearest(candidates: list[tuple[int, Figure]], index: int, reach: int = 3) -> Figure | None:
    best = min(candidates, key=lambda item: abs(item[0] - index))
    return best[1] if abs(best[0] - index) <= reach else None
