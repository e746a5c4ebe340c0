"""Figures -> relations: which figures a text says belong together, and why.

Each sentence is cut into clauses (``clauses.py``) and every clause is matched against the
claim patterns of ``patterns.py``: a rate links to the values its own words govern ("rose
5% to X from Y", "X, 17.8% higher than Y", "rose A or N% to X"), never to a value across
another figure or another clause. A relation records the pattern that linked it and how
strong the evidence is, so that ``check`` can give an error only where the text leaves no
doubt. Exports, imports and a balance stated in one sentence for one reporter, partner and
period form an identity. Nothing is judged here; ``check`` recomputes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import partial

from tradestats.clauses import Clause, Token, split_clauses
from tradestats.dates import MONTHS
from tradestats.extraction import SentenceFaults
from tradestats.extraction.context import find_countries, find_flows, qualifier_meaning
from tradestats.extraction.grammar import parse_number
from tradestats.extraction.periods import (
    DEFAULT_FISCAL_START,
    WEEKDAYS,
    format_month,
    stated_periods,
)
from tradestats.extraction.refdata import country_names, currency_words
from tradestats.models import ClaimKind, Document, Figure, InputProblem
from tradestats.patterns import (
    ELIDED_OPENERS,
    EXCHANGE_RATE,
    MEASURES,
    NOT_VERBS,
    OTHER_BASIS,
    PATTERNS_BY_ID,
    SHARE_WORDS,
    ClaimPattern,
    compile_shape,
    patterns_for,
)
from tradestats.segment import Sentence

_BASE_BEFORE = re.compile(
    r"(?i)(?:\bfrom|\bthan|against|compared\s+(?:with|to)|\bversus|\bvs\.?|\bv\.|\bover|\bon"
    r"|,\s+after)"
    r"\s+(?:the\s+|a\s+|nearly\s+|about\s+|around\s+|some\s+)?(?:[\w.'’]+\s+){0,2}$"
)
_TERMS = re.compile(r"(?i)^[\s,)]*\(?\s*in\s+([A-Za-z. ]+?)\s+terms")
_LEVEL_KINDS = ("money",)
_TOTAL = re.compile(r"(?i)\b(?:total|overall|all|whole|aggregate)\b")
_RATE_KINDS = ("percent", "percentage_points")
_SUB_ITEM = re.compile(
    r"(?i)\b(?:goods|services|merchandise|oil|non-oil|petroleum|current[-\s]account|intra|extra"
    r"|average|cumulative|previous|revised|month-on-month|year-on-year|compared|against|versus)\b"
)
_DEFICIT_FAMILY = {"balance", "deficit", "surplus"}
# Words of a clause's opening that say nothing of what is measured.
_NOT_SUBJECT = frozenset(
    [
        "were",
        "was",
        "is",
        "are",
        "be",
        "been",
        "stood",
        "came",
        "amounted",
        "totalled",
        "totaled",
        "reached",
        "said",
        "says",
        "its",
        "their",
        "his",
        "her",
        "it",
        "they",
        "we",
        "there",
        "also",
        "meanwhile",
        "however",
        "value",
    ]
) | frozenset(
    # Connectives that open a sentence and say nothing of its subject.
    """
    significantly notably importantly moreover furthermore additionally similarly
    likewise separately thus hence consequently accordingly nevertheless nonetheless
    indeed besides then now still yet
    """.split()  # noqa: SIM905 - a word list reads better as prose
)
_AGGREGATE = re.compile(
    r"\b(?:overall|total|merchandise|goods|services|non-oil|oil|petroleum|cumulative|"
    r"core|seasonally|adjusted|unadjusted|provisional|revised)\b"
)
# A value with no scale word takes the scale of the value it is compared with ("to 1.85
# mln from 1.80") only if that brings the two within this factor of each other.
_SCALE_REACH = Decimal(20)
_COMPARED_AFTER = re.compile(
    r"(?i)\s*,?\s*(?:compared\s+(?:with|to)|as\s+against|against|versus|vs\.?)\s"
)
# A series stated more often than this has no one value to take as a base.
_SERIES_REPEATS = 16
# How many sentences ahead the pair of a rate with no values may stand: the next one, or
# the one after a sentence of words only.
_WORDS_ONLY_REACH = 2
# How many sentences back a pronoun's subject is looked for.
_SUBJECT_REACH = 6
_CENTS = frozenset({"cts", "ct", "cents", "cent", "pence", "paise", "centavos", "sen"})
# Two values a verb of direction compares are at most this far apart; beyond it one of
# them has lost its scale ("to 1.05 billion from 1.339 mln") and the verb says nothing.
_DIRECTION_REACH = Decimal(10)
_RELATION_KINDS: dict[str, ClaimKind] = {
    "growth": "growth",
    "multiple": "multiple",
    "points": "points",
    "change": "change",
    "direction": "comparison",
    "share": "share",
}


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
    said: str = ""  # a word of direction governing the values: "rose to X from Y"
    pattern: str = ""  # the claim pattern that linked the figures
    # "clause": the pattern's own words link every figure in one clause; "sentence": a
    # value comes from a neighbouring sentence; "series": figures of one series stated
    # side by side (identities, shares). Only "clause" and "series" can give an error.
    evidence: str = "clause"
    direction: str | None = None  # what the words of the pattern say: "up" or "down"
    clause: tuple[int, int] | None = None  # where the clause that linked them stands
    reason: str = ""  # why a rate was not linked to values, for "unverifiable"
    unsigned: bool = False  # compare sizes only: an exchange rate quoted the other way round

    @property
    def inputs(self) -> tuple[Figure, ...]:
        found = [f for f in (self.new, self.old, self.change) if f is not None]
        return (*found, *self.parts)


class _Document:
    def __init__(self, text: str, sentences: Sequence[Sentence], figures: Sequence[Figure]):
        self.text = text
        self.sentences = list(sentences)
        self.starts = [s.start for s in self.sentences]
        self.by_sentence: list[list[Figure]] = [[] for _ in self.sentences]
        # Levels of each series by flow, countries, currency and period: where a clause
        # names no base, the base is the one value of its series for the period compared.
        self.series: dict[tuple, list[Figure]] = {}
        self.asides: set[int] = set()
        self.clauses: list[list[Clause]] = []
        self._subjects: dict[int, frozenset[str] | None] = {}
        self._exchange: dict[int, bool] = {}
        for figure in figures:
            index = self.sentence_of(figure)
            if index is not None:
                self.by_sentence[index].append(figure)
                key = _series_key(figure)
                if key is not None and figure.role == "level" and not figure.expectation:
                    self.series.setdefault(key, []).append(figure)
        for in_sentence in self.by_sentence:
            in_sentence.sort(key=lambda f: f.start)

    def base_for(self, new: Figure, months: int) -> Figure | None:
        """The value of ``new``'s series ``months`` before, if the document states one."""
        key = _series_key(new)
        if key is None:
            return None
        start, end = key[-2], key[-1]
        shifted = (*key[:-2], _shifted(start, -months), _shifted(end, -months))
        candidates = self.series.get(shifted, [])
        if not candidates or len(candidates) > _SERIES_REPEATS:
            return None  # a series stated that often leaves no one base to take
        kind = self.aggregate(new)
        subject = self.subject(new)
        found = [
            f
            for f in candidates
            if f.start not in self.asides
            and self.aggregate(f) == kind
            and self.subject(f) == subject
            # "to $284.3 billion compared with July 2024": the current value of another
            # comparison, whatever period the words after it lend it.
            and not _COMPARED_AFTER.match(self.text, f.end)
        ]
        values = {f.value for f in found}
        return found[0] if len(values) == 1 else None

    def subject(self, figure: Figure) -> frozenset[str] | None:
        if figure.start not in self._subjects:
            self._subjects[figure.start] = self._subject(figure)
        return self._subjects[figure.start]

    def exchange_rate(self, index: int) -> bool:
        """Whether sentence ``index`` is about an exchange rate (read once a sentence)."""
        if index not in self._exchange:
            sentence = self.sentences[index]
            self._exchange[index] = bool(
                EXCHANGE_RATE.search(self.text, sentence.start, sentence.end)
            )
        return self._exchange[index]

    def _subject(self, figure: Figure) -> frozenset[str] | None:
        """The words that open the clause of a figure, before any figure or word of
        change: "Shipments of automobiles" is not "Exports", nor "coal" "palm oil exports".
        A clause that opens with a pronoun ("they rose") has the subject of the clause
        before it in the paragraph."""
        index = self.sentence_of(figure)
        if index is None or index >= len(self.clauses):
            return None
        clauses = self.clauses[index]
        position = next((i for i, c in enumerate(clauses) if c.start <= figure.start < c.end), None)
        if position is None:
            return None
        paragraph = self.sentences[index].paragraph
        for back in range(index, max(-1, index - _SUBJECT_REACH), -1):
            if self.sentences[back].paragraph != paragraph:
                break
            run = self.clauses[back] if back != index else clauses[: position + 1]
            for clause in reversed(run):
                if clause.aside:
                    continue
                words = _opening_words(clause)
                if words:
                    return words
        return frozenset()

    def aggregate(self, figure: Figure) -> frozenset[str]:
        """The words that narrow a flow ("overall", "merchandise", "non-oil") before a
        figure in its sentence: "overall imports" is not "imports of goods"."""
        index = self.sentence_of(figure)
        start = self.sentences[index].start if index is not None else 0
        window = self.text[max(start, figure.start - 120) : figure.start].lower()
        return frozenset(_AGGREGATE.findall(window))

    def near(self, index: int, position: int, reach: int) -> list[Figure]:
        """The figures of a sentence within ``reach`` characters of ``position``: bounded,
        so that a flattened table of thousands of figures in one "sentence" stays linear."""
        figures = self.by_sentence[index]
        low = bisect_left(figures, position - reach, key=lambda f: f.start)
        high = bisect_right(figures, position + reach, key=lambda f: f.start)
        return figures[low:high]

    def sentence_of(self, figure: Figure) -> int | None:
        index = bisect_right(self.starts, figure.start) - 1
        if index >= 0 and figure.start < self.sentences[index].end:
            return index
        return None


def _opening_words(clause: Clause) -> frozenset[str]:
    words = set()
    countries = country_names()
    for token in clause.tokens:
        if token.code in "VPQMDrTF":
            break
        # Period labels ("FY24", "Q3") differ between the two by design; the reporter and
        # the partner ("India's", "Indian") are compared as such, not as words.
        if token.code == "w" and token.text.isalpha() and token.text not in countries:
            words.add(token.text.lower())
    return frozenset(words - _NOT_SUBJECT)


def _series_key(figure: Figure) -> tuple | None:
    if figure.kind != "money" or figure.flow is None:
        return None
    if not (figure.period_start and figure.period_end):
        return None
    return (
        figure.flow,
        figure.reporter,
        figure.partner,
        figure.unit,
        getattr(figure, "per", None),
        figure.period_start,
        figure.period_end,
    )


def _shifted(period: str, months: int) -> str:
    index = int(period[:4]) * 12 + int(period[5:7]) - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


_MONTH_ON_MONTH = re.compile(
    r"(?i)month[-\s]on[-\s]month|\bm-?o-?m\b|\bm/m\b|previous\s+month|(?:a|the)\s+month\s+(?:earlier|ago|before)|last\s+month|sequential|\bon\s+the\s+month\b"
)
_QUARTER_ON_QUARTER = re.compile(
    r"(?i)quarter[-\s]on[-\s]quarter|\bq-?o-?q\b|previous\s+quarter|(?:a|the)\s+quarter\s+(?:earlier|ago|before)|\bon\s+the\s+quarter\b"
)


def _months_back(text: str) -> int:
    """How far back a clause compares: a month or a quarter where it says so, else a year."""
    if _MONTH_ON_MONTH.search(text):
        return 1
    if _QUARTER_ON_QUARTER.search(text):
        return 3
    return 12


_YEAR_ON_YEAR = re.compile(
    r"(?i)year[-\s]on[-\s]year|\by-?o-?y\b|\bon[-\s](?:the\s+)?year\b|(?:a\s+)?year[-\s]?(?:earlier|ago|before)|"
    r"same\s+(?:month|period|quarter|time|week)\s+(?:of\s+|a\s+)?(?:last|previous|the\s+previous)\s+year"
)


def _stated_months_back(text: str) -> int | None:
    """How far back a rate says it compares, if its words say so: a month, a quarter, a
    year; None where they name no distance ("over June") or more than one."""
    found = [
        months
        for regex, months in (
            (_MONTH_ON_MONTH, 1),
            (_QUARTER_ON_QUARTER, 3),
            (_YEAR_ON_YEAR, 12),
        )
        if regex.search(text) is not None
    ]
    return found[0] if len(found) == 1 else None


def link(
    document: Document | str,
    sentences: Sequence[Sentence],
    figures: Sequence[Figure],
    faults: list[InputProblem] | None = None,
) -> list[Relation]:
    """Every relation the text states between its figures, in document order.

    A fault of ours while linking one sentence costs that sentence's claims only: it is
    listed in ``faults`` (or warned of, without a list) and linking goes on.
    """
    if isinstance(document, str):
        document = Document(document)
    guard = SentenceFaults(document, faults, lost="its claims are not checked")
    doc = _Document(document.text, sentences, figures)
    relations: list[Relation] = []
    # Every sentence is read into clauses first: a base stated later in the document is
    # found with the clause it stands in, and amounts in parentheses (conversions) are
    # known before any identity, share or comparison is formed.
    all_clauses = [
        guard.guard(
            [],
            sentence.start,
            "the clauses of this sentence",
            partial(split_clauses, document, sentence, doc.by_sentence[index], index),
        )
        if _has_digit(doc.text, sentence)
        else []
        for index, sentence in enumerate(doc.sentences)
    ]
    doc.clauses = all_clauses
    doc.asides = {
        t.start
        for clauses in all_clauses
        for clause in clauses
        if clause.aside
        for t in clause.tokens
        if t.figure is not None
    }
    for index, sentence in enumerate(doc.sentences):
        if all_clauses[index] or doc.by_sentence[index]:
            relations.extend(
                guard.guard(
                    [],
                    sentence.start,
                    "the claims of this sentence",
                    partial(_relations_of_sentence, doc, index, all_clauses),
                )
            )
    relations.extend(guard.guard([], 0, "the document's identities", lambda: _identities(doc)))
    relations.sort(key=lambda r: (r.stated or r.inputs[0]).start if (r.stated or r.inputs) else 0)
    return relations


def _relations_of_sentence(
    doc: _Document, index: int, all_clauses: list[list[Clause]]
) -> list[Relation]:
    """The claims of sentence ``index``: its patterns, shares, multiples and comparisons."""
    sentence = doc.sentences[index]
    previous: list[Clause] = []
    if index and doc.sentences[index - 1].paragraph == sentence.paragraph:
        previous = all_clauses[index - 1]
    found = _sentence_relations(all_clauses[index], previous, doc)
    relations = list(found)
    used = {(r.new.start, r.old.start) for r in found if r.new and r.old}
    for figure in doc.by_sentence[index]:
        linked = any(r.stated is figure for r in found)
        if figure.kind == "percent" and figure.role == "share" and not linked:
            share = _share_relation(doc, index, figure)
            if share is not None:
                relations.append(share)
        if figure.kind == "multiple" and not linked:
            relations.append(_multiple_of_rate(doc, index, figure))
    relations.extend(_comparisons(doc, index, used))
    return relations


_DIGIT = re.compile(r"\d")


def _has_digit(text: str, sentence: Sentence) -> bool:
    return _DIGIT.search(text, sentence.start, sentence.end) is not None


def _sentence_relations(
    clauses: list[Clause], previous: list[Clause], doc: _Document
) -> list[Relation]:
    """The relations of one sentence: the best pattern for each rate, multiple or change,
    then every rate of change left over, unverifiable with the reason."""
    best: dict[int, tuple[tuple[int, int], Relation]] = {}
    first_main = next((c for c in clauses if not c.aside), None)
    for clause in clauses:
        codes = clause.codes
        for order, pattern in patterns_for(frozenset(codes)):
            if pattern.anchored and not _opens(pattern, clause, first_main):
                continue
            for match in pattern.regex.finditer(codes):
                relation = _build(pattern, match, clause, previous, doc)
                if relation is None:
                    continue
                key = _key(relation)
                rank = (order, match.end(1) - match.start(1))
                if key not in best or rank < best[key][0]:
                    best[key] = (rank, relation)
    found = [relation for _rank, relation in best.values()]
    # A word of direction over two values a rate already links says nothing more.
    pairs = {
        (r.new.start, r.old.start) for r in found if r.kind != "comparison" and r.new and r.old
    }
    found = [
        r
        for r in found
        if not (r.kind == "comparison" and r.new and r.old and (r.new.start, r.old.start) in pairs)
    ]
    stated = {r.stated.start for r in found if r.stated is not None}
    for clause in clauses:
        for token in clause.tokens:
            figure = token.figure
            if (
                figure is not None
                and figure.kind in _RATE_KINDS
                and figure.role == "change"
                and figure.start not in stated
            ):
                found.append(
                    Relation(
                        "growth",
                        figure,
                        clause=(clause.start, clause.end),
                        reason="no claim pattern links it to the values it compares in its clause",
                    )
                )
                stated.add(figure.start)
    return found


def _opens(pattern: ClaimPattern, clause: Clause, first_main: Clause | None) -> bool:
    """Whether an anchored pattern may open this clause: a sentence's first clause for a
    value of the sentence before, a later one for the value or the verb of the clause
    before."""
    if pattern.new_from == "before-aside":
        return clause.aside
    if clause.aside:
        return False
    if pattern.new_from == "sentence":
        return clause is first_main
    return clause is not first_main


def _key(relation: Relation) -> int:
    if relation.stated is not None:
        return relation.stated.start
    assert relation.new is not None and relation.old is not None
    return -1 - relation.new.start  # direction claims: one per new value


def _build(
    pattern: ClaimPattern,
    match: re.Match[str],
    clause: Clause,
    previous: list[Clause],
    doc: _Document,
) -> Relation | None:
    """A relation from a match, if the figures in its slots can be compared."""
    text = doc.text
    tokens = clause.tokens
    slots: dict[str, Token] = {}
    for role in pattern.roles:
        if match.start(role) >= 0:
            slots[role] = tokens[match.start(role)]
    verb = slots.get("VERB")
    if verb is not None and verb.text.lower() in NOT_VERBS:
        return None  # "growth to X from Y", "up to X": no verb moves the values
    if (
        verb is not None
        and verb.code == "w"
        and (verb is tokens[0] or find_flows(verb.text, 0, len(verb.text)))
    ):
        return None  # "..., and exports 7.7 pct to X": a subject whose verb is elided
    word = slots.get("DIR") or slots.get("CMP") or verb
    direction = word.direction if word is not None else None
    # The words around the match, bounded so that a sentence of ten thousand figures
    # still costs each match the same.
    first, last = tokens[match.start(1)], tokens[match.end(1) - 1]
    said = text[max(clause.start, first.start - 80) : min(clause.end, last.end + 80)]
    exchange = clause.sentence < len(doc.sentences) and doc.exchange_rate(clause.sentence)
    if exchange:
        if pattern.kind == "direction":
            return None  # yen per dollar falls as the yen rises
        direction = None
    if pattern.joined_by and not _joined(pattern, slots, tokens, text):
        return None
    if _new_subject_before_rate(match, pattern, tokens):
        return None
    new = slots["new"].figure if "new" in slots else None
    old = slots["old"].figure if "old" in slots else None
    change = slots["change"].figure if "change" in slots else None
    stated_token = slots.get("rate") or slots.get("mult")
    stated = stated_token.figure if stated_token is not None else None
    if _a_change_in_apposition(slots, tokens) or _rate_names_a_thing(slots, tokens):
        return None
    if stated_token is not None and _FORECAST_RATE.search(
        text, max(clause.start, stated_token.start - 30), stated_token.start
    ):
        # "rose 4.3 pct, against a forecast 6.4 pct rise, to X from Y": the rate that was
        # expected, named as a thing, is not what the values did.
        return None
    if stated_token is not None and _EARLIER_CHANGE.search(
        text, max(clause.start, stated_token.start - 40), stated_token.start
    ):
        # "rose after a 11% fall in the pound, to X from Y": the change that came before,
        # or that caused this one, is no change of the values after it.
        return None
    if pattern.signed and (stated is None or stated.text[:1] not in "+-−"):
        return None
    if "old" in slots and _from_a_source(slots["old"], tokens):
        return None
    if pattern.kind == "share" and not _names_a_share(slots, tokens, text):
        return None
    evidence = pattern.evidence
    first_slot = min(match.start(role) for role in pattern.roles if match.start(role) >= 0)
    borrows = pattern.new_from == "clause" or pattern.rate_from == "clause"
    if borrows and not _elided_opening(tokens[:first_slot]):
        return None
    if pattern.rate_from == "clause":
        rate_token = _rate_of_clause_before(doc, clause)
        if rate_token is None:
            return None
        slots["rate"] = rate_token
        stated = rate_token.figure
        values = slots["new"].figure
        dated = (
            stated is not None and values is not None and stated.period_end and values.period_end
        )
        if dated and stated.period_end != values.period_end:  # type: ignore[union-attr]
            return None  # "shrank 12.5% in June and stood at X for the half"
        if not dated and not _same_period_words(doc, rate_token, slots["new"], tokens):
            return None  # the same, undated: "in June" against "for the half"
        direction = None if exchange else rate_token.direction
    if pattern.new_from == "before-aside":
        if old is None or any(t.figure is not None for t in tokens[match.end(1) :]):
            return None  # another figure after the base: whose base is it?
        index = match.start("old")
        unit = tokens[index + 1].text if index + 1 < len(tokens) else ""
        new = _value_before_aside(doc, clause, unit)
        if new is None:
            return None
    if new is None and pattern.new_from == "flow" and old is not None:
        new = _same_flow_before(doc, clause, stated, old)
        if new is None:
            return None
    if new is None and pattern.new_from and old is not None:
        before = previous if pattern.new_from == "sentence" else _clauses_before(doc, clause)
        new = _last_comparable(before, old, previous, pattern.new_from == "sentence")
        if new is None:
            return None
    if pattern.elided:
        verbs = [t for c in _clauses_before(doc, clause)[-1:] for t in c.tokens if t.code == "D"]
        if not verbs:
            return None
        direction = verbs[0].direction
    if pattern.base == "next":
        if stated is None or not _says_what_it_compares(said):
            return None
        pair = _next_sentence_pair(doc, clause.sentence, stated, _stated_months_back(said))
        if pair is None:
            return None
        new, old = pair
    if pattern.base == "series":
        if new is None:
            return None
        old = doc.base_for(new, _months_back(said))
        if old is None:
            return None
    kind = pattern.kind
    if kind == "points":
        if new is None or old is None or new.kind != "percent" or old.kind != "percent":
            return None
    elif kind == "direction" and new is not None and old is not None and new.kind == "percent":
        if old.kind != "percent":
            return None
    elif new is None:
        # "were A, or N%, below the level of Y": a change and its base, no current value.
        if kind != "growth" or old is None or change is None:
            return None
        pair = _comparable(old, change)
        if pair is None:
            return None
        old, change = pair
    else:
        if old is not None:
            pair = _comparable(new, old)
            if pair is None:
                return None
            new, old = pair
        if change is not None:
            pair = _comparable(new, change)
            if pair is None:
                return None
            new, change = pair
    if stated is not None and kind == "growth":
        currency = _terms_currency(text, stated)
        values = [f for f in (new, old, change) if f is not None]
        if currency is not None and any(f.unit != currency for f in values):
            # "7.3% in dollar terms" beside rupee values: the rate is about amounts the
            # clause does not state, so it is not judged against these.
            return Relation(
                "growth",
                stated,
                pattern=pattern.id,
                clause=(clause.start, clause.end),
                reason=f"the rate is in {currency} terms and the values are not",
            )
    if (
        kind == "direction"
        and new is not None
        and old is not None
        and not _within(new.value, old.value, _DIRECTION_REACH)
    ):
        return None  # a misprinted scale, or two different things
    declined = _declined(pattern, slots, text[first.start : last.end])
    if not declined:
        span = (first.start, last.end)
        candidate = _Candidate(kind, text, clause, tokens, slots, new, old, stated_token, span)
        declined = next((why for r in REFUSALS if (why := r.check(candidate))), "")
    if not declined and kind in _JUDGED_HEDGED:
        hedges = {slots[r].start: slots[r].hedge for r in ("new", "old", "change") if r in slots}
        new, old, change = (_hedged(f, hedges) for f in (new, old, change))
    if declined and kind == "direction":
        return None  # a word of direction and no figure stated: nothing to report
    if declined:
        return Relation(
            _RELATION_KINDS[kind],
            stated if kind != "change" else change,
            pattern=pattern.id,
            evidence=evidence,
            clause=(clause.start, clause.end),
            reason=declined,
        )
    if kind == "change":
        stated, change = change, None  # the change is what the text asserts
    return Relation(
        _RELATION_KINDS[kind],
        stated,
        new=new,
        old=old,
        change=change,
        link=pattern.summary,
        said=word.text if kind == "direction" and word is not None else "",
        pattern=pattern.id,
        evidence=evidence,
        direction=direction,
        clause=(clause.start, clause.end),
        # A verb of no known direction ("by 8.18 pct to X from Y" after a distant "fell",
        # or a misprint) signs nothing: only the size of the rate is judged.
        unsigned=exchange or (verb is not None and verb.direction is None and "DIR" not in slots),
    )


# Words by which a rate says what it compares with, when its sentence states no value.
_COMPARED_WITH = re.compile(
    r"(?i)\b(?:a\s+year\s+(?:earlier|ago|before)|(?:year|month|quarter)[-\s]on[-\s]"
    r"(?:year|month|quarter)|on[-\s]year|y-?o-?y|year[-\s](?:earlier|ago)|the\s+same\s+"
    r"(?:month|period|quarter|time)\s+(?:of\s+|a\s+)?(?:last|previous|a|the\s+previous)\s+"
    r"year|(?:previous|preceding|last)\s+(?:month|quarter|year))\b|\b(?:over|from|against|"
    r"versus|vs\.?|compared\s+(?:with|to))\s+(?:the\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)[a-z]*\.?|(?:19|20)\d\d)\b"
)
_PAIRS = ("direction-to-from", "direction-from-to")
_PAIR_VS = compile_shape("new:V ~ K _ old:V")
# "The deficit of $3.8 billion in June was brought down to $3.2 billion in July": a value,
# then a verb of change that takes it to another. Only where both are dated, in order.
_PAIR_MOVED = compile_shape("< old:V ~ D - T . new:V")


_ADJUSTED = re.compile(r"(?i)\b(?P<un>unadjusted|not\s+(?:seasonally\s+)?adjusted)|\badjusted\b")


def _adjustment(text: str) -> str:
    match = _ADJUSTED.search(text)
    if match is None:
        return ""
    return "unadjusted" if match.group("un") else "adjusted"


_MEASURE = re.compile(r"(?i)\b(?:prices?|index|indices|volumes?|quantit(?:y|ies)|unit\s+values?)\b")


def _measures(text: str) -> bool:
    """Whether a sentence measures something besides values: prices, an index, volumes."""
    return _MEASURE.search(text) is not None


# A span shorter than a month: "the first ten days", "June 1-20", "the week to March 4".
_PART_OF_MONTH = re.compile(
    r"(?i)\b(?:first|last|past|final)\s+(?:\d{1,2}|[a-z]+)\s+days\b|\b\d{1,2}\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?:pct\b|per\s?cent|%))|"
    r"\b(?:the|a|this|last|that)\s+week\b|\bweeks?\s+(?:to|ended|ending)\b|\buntil\s+the\s+\d{1,2}(?:st|nd|rd|th)\b"
)


def _part_of_month(text: str) -> bool:
    return _PART_OF_MONTH.search(text) is not None


# Nouns that head the subject of a series: a word before one of them narrows it
# ("Producer prices", "Electronics exports"), as do the words after "of" ("Imports of
# crude oil").
_SERIES_HEADS = frozenset(
    """
    price prices index indices output production sales credit supply trade balance
    deficit surplus exports imports shipments purchases volume volumes value values
    """.split()  # noqa: SIM905 - a word list reads better as prose
)
# Words before a head that name the flow, not a part of it.
_PLAIN_QUALIFIERS = frozenset(
    "outbound inbound overseas foreign external outward inward total overall".split()  # noqa: SIM905
)


def _narrows_nothing(doc: _Document, rate: Figure, new: Figure, clauses: Sequence[Clause]) -> bool:
    """Whether the pair's subject says nothing the rate's sentence does not: it may drop
    words ("The index" after "The price index") or name the flow another way
    ("Outbound shipments" after "Exports"), never narrow it to a product, a place or
    another series ("Producer prices" after "Consumer prices", "Imports of crude oil"
    after "Imports")."""
    if doc.aggregate(new) - doc.aggregate(rate):
        return False
    clause = next((c for c in clauses if c.start <= new.start < c.end), None)
    index = doc.sentence_of(rate)
    if clause is None or index is None:
        return False
    here = doc.sentences[index]
    said = {w.lower() for w in re.findall(r"[A-Za-z]+", doc.text[here.start : here.end])}
    countries = country_names()
    run: list[Token] = []
    for token in clause.tokens:
        if token.code not in "wp":
            break
        run.append(token)
    heads = [
        i
        for i, t in enumerate(run)
        if t.text.lower() in _SERIES_HEADS or find_flows(t.text, 0, len(t.text))
    ]
    if not heads:
        return True
    head = heads[-1]  # the last head is the noun: "Export prices", "Trade deficit"
    narrowing = [
        t.text.lower()
        for t in run[:head]
        if t.code == "w" and t.text.isalpha() and t.text not in countries
    ]
    after = run[head + 1 : head + 4]
    if after and after[0].text.lower() == "of":
        narrowing += [t.text.lower() for t in after[1:] if t.code == "w"]
    return all(w in said or w in _PLAIN_QUALIFIERS for w in narrowing)


def _says_what_it_compares(said: str) -> bool:
    return bool(_COMPARED_WITH.search(said))


def _gap(new: Figure, old: Figure, clauses: Sequence[Clause]) -> int | None:
    """How many months the old value is before the new one, from their periods, or from
    the months named after two bare values (a year where the same month is named)."""
    if new.period_end and old.period_end:
        return _month_index(new.period_end) - _month_index(old.period_end)
    if new.period_end or old.period_end:
        return None
    a, b = _month_named_after(clauses, new), _month_named_after(clauses, old)
    if a is None or b is None:
        return None
    return (a - b) % 12 or 12


def _month_index(period: str) -> int:
    return int(period[:4]) * 12 + int(period[5:7])


def _month_named_after(clauses: Sequence[Clause], value: Figure) -> int | None:
    """The month (1 to 12) named right after a value that has no period of its own
    (a bare index level: "registered 172.8 in January"), before any other figure."""
    for clause in clauses:
        tokens = clause.tokens
        at = next((i for i, t in enumerate(tokens) if t.start == value.start), None)
        if at is None:
            continue
        for token in tokens[at + 1 : at + 4]:
            if token.code != "p":
                return None
            number = MONTHS.get(token.text.lower()[:3])
            if number is not None and token.text[:1].isupper():
                return number
        return None
    return None


def _next_sentence_pair(
    doc: _Document, index: int, rate: Figure, months_back: int | None = None
) -> tuple[Figure, Figure] | None:
    """The two values of the next sentence that a rate with none of its own compares: the
    rate's sentence states no value at all; the next one states no rate, and compares
    exactly one pair of one kind ("reached X, compared with Y", "fell to X from Y"), of
    the rate's flow and, where both are dated, the rate's period and a period before."""
    # The next sentence that states figures: a sentence of words only between ("the near
    # doubling showed the accord's results") neither states nor changes the pair.
    after = index + 1
    while after < len(doc.clauses) and after - index <= _WORDS_ONLY_REACH:
        if any(t.code in "VPQMr" for c in doc.clauses[after] for t in c.tokens):
            break
        after += 1
    if after >= len(doc.clauses) or after - index > _WORDS_ONLY_REACH:
        return None
    own = [t for c in doc.clauses[index] for t in c.tokens]
    following = doc.clauses[after]
    tokens = [t for c in following for t in c.tokens]
    rates = [t for t in own if t.code in "PQM"]
    mine = [t for t in rates if t.figure is rate]
    if any(t.code in "Vr" for t in own) or len(mine) != 1 or mine[0].hedge:
        return None  # the rate stated plainly, and no value of its own
    if len(rates) > 1 and not (
        rate.period_end
        and all(
            t.figure is rate
            or (t.figure and t.figure.period_end not in ("", None, rate.period_end))
            for t in rates
        )
    ):
        # Other rates may stand beside it only for other periods ("rose 1.1% in January
        # after 0.3% in December"): the pair's period then says which rate it belongs to.
        return None
    if any(t.code in "PQM" for t in tokens):
        return None
    pairs: list[tuple[Figure, Figure]] = []
    for clause in following:
        if clause.aside:
            continue
        codes, found = clause.codes, []
        for pattern_id in _PAIRS:
            for match in PATTERNS_BY_ID[pattern_id].regex.finditer(codes):
                found.append((match.start("new"), match.start("old")))
        found.extend((m.start("new"), m.start("old")) for m in _PAIR_VS.finditer(codes))
        for m in _PAIR_MOVED.finditer(codes):
            a, b = clause.tokens[m.start("new")].figure, clause.tokens[m.start("old")].figure
            if a and b and a.period_end and b.period_end and b.period_end < a.period_end:
                found.append((m.start("new"), m.start("old")))
        for new_at, old_at in set(found):
            a, b = clause.tokens[new_at].figure, clause.tokens[old_at].figure
            if clause.tokens[new_at].hedge or clause.tokens[old_at].hedge:
                return None  # "about X": no pair to judge a rate by
            if a is not None and b is not None:
                pair = _comparable(a, b)
                if pair is not None:
                    pairs.append(pair)
    if len(pairs) != 1:
        return None
    new, old = pairs[0]
    here, there = doc.sentences[index], doc.sentences[after]
    bases = {_adjustment(doc.text[here.start : here.end])}
    bases.add(_adjustment(doc.text[there.start : there.end]))
    if {"adjusted", "unadjusted"} <= bases:
        return None  # a seasonally adjusted rate says nothing of unadjusted values
    if OTHER_BASIS.search(doc.text, here.start, there.end):
        return None  # a rate in volume, or in real terms, says nothing of these values
    if _measures(doc.text[here.start : here.end]) != _measures(doc.text[there.start : there.end]):
        return None  # a price index's rate is not a rate of the values, nor the reverse
    if _part_of_month(doc.text[here.start : here.end]) != _part_of_month(
        doc.text[there.start : there.end]
    ):
        return None  # a rate for the first ten days says nothing of the month, nor the reverse
    if new.partner != rate.partner:
        return None  # "Shipments to China reached X" is a part of what the rate is about
    if new.reporter and rate.reporter and new.reporter != rate.reporter:
        return None
    if rate.flow is not None and new.flow is not None:
        if rate.flow != new.flow:
            return None
    elif not (doc.subject(rate) or set()) & (doc.subject(new) or set()):
        return None  # neither a flow nor a word of the subject says they are one series
    if not _narrows_nothing(doc, rate, new, following):
        return None  # "Electronics exports", "Producer prices": another series
    if months_back is not None:
        gap = _gap(new, old, following)
        if gap is None:  # undated: what the pair's own words say ("X, against Y a year ago")
            gap = _stated_months_back(
                doc.text[min(new.start, old.start) : doc.sentences[after].end]
            )
        if gap != months_back:  # unknown, or another distance
            return None  # a year-on-year rate beside a pair a month apart, or the reverse
    if (
        len(rates) > 1
        and new.period_end != rate.period_end
        and not (
            new.period_end is None
            and _month_named_after(following, new) == int(rate.period_end[5:7])
        )
    ):
        return None
    if new.period_end and old.period_end:
        if rate.period_end and new.period_end != rate.period_end:
            return None
        if old.period_end >= new.period_end:
            return None
    return new, old


# Words that may follow the comma after a value and still speak of it: a relative clause
# ("X, which the ministry called 17.8% higher than Y") or a participle ("X, marking a rise
# of 5%"). Any other word there opens a subject of its own ("X, with imports 17.8%
# higher than Y"; "X, wheat 12% lower than Y").
_BE = frozenset("was were is are".split())  # noqa: SIM905
_ABOUT_THE_VALUE = frozenset(
    """
    which that what or representing marking registering showing reflecting recording
    posting making giving signalling signaling
    """.split()  # noqa: SIM905 - a word list reads better as prose
)


# Words that qualify the change itself and so may stand between the comma and the rate.
_CHANGE_MODIFIERS = frozenset(
    """
    relative absolute annual annualised annualized monthly quarterly yearly sharp slight
    steep modest marginal small big large strong robust further fresh healthy whopping
    substantial significant considerable mere cumulative overall combined
    """.split()  # noqa: SIM905 - a word list reads better as prose
)


def _new_subject_before_rate(
    match: re.Match[str], pattern: ClaimPattern, tokens: Sequence[Token]
) -> bool:
    """Whether a word after the last comma between the new value and the rate (or its
    word of change) names another subject, so that the rate is not the value's."""
    new_at = match.start("new") if "new" in pattern.roles else -1
    if new_at < 0:
        return False
    later = [
        match.start(role)
        for role in ("rate", "DIR", "change", "mult")
        if role in pattern.roles and match.start(role) > new_at
    ]
    if not later:
        return False
    stop = min(later)
    commas = [i for i in range(new_at + 1, stop) if tokens[i].code == ","]
    if not commas:
        return False
    after = tokens[commas[-1] + 1 : stop]
    first = after[0].text.lower().split()[0] if after else ""  # "making it": "making"
    if not first or first in _ABOUT_THE_VALUE or (first.endswith("ing") and first != "being"):
        return False  # a participle speaks of the value: "X, exhibiting a growth of 5%"
    if (
        first in _BE
        and new_at >= 2
        and tokens[new_at - 1].text.lower() == "at"
        and tokens[new_at - 2].code == ","
        and commas[-1] == new_at + 1
    ):
        return False  # "The import bill, at X, was 12.8% below Y": the value in apposition
    # The pattern's own words ("made up", "accounted for") are the value's predicate.
    own = {match.start(role) for role in pattern.roles if match.start(role) >= 0}
    run = [
        t for i, t in enumerate(after, start=commas[-1] + 1) if t.code not in "p,a" and i not in own
    ]
    return any(
        t.code == "w"
        and not t.text.lower().endswith("ly")
        and t.text.lower() not in _CHANGE_MODIFIERS
        for t in run
    )


_DETERMINERS = frozenset("a an the its their his her our".split())  # noqa: SIM905


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A claim a pattern matched, before it is judged: what the refusals look at."""

    kind: str
    text: str
    clause: Clause
    tokens: Sequence[Token]
    slots: dict[str, Token]
    new: Figure | None
    old: Figure | None
    rate: Token | None  # the stated rate's token, for growth and points
    span: tuple[int, int]  # from the first token the pattern matched to the end of the last

    @property
    def base(self) -> Token | None:
        return self.slots.get("old")


def _refuse_other_flow(c: _Candidate) -> str:
    if c.kind not in _OF_VALUES or c.base is None or c.new is None or c.old is None:
        return ""
    if _flow_named_before(c.text, c.clause, c.base, c.new):
        return f"the base is of {c.old.flow}, the value of {c.new.flow}"
    return ""


def _refuse_other_country(c: _Candidate) -> str:
    if c.kind not in _OF_VALUES or c.base is None:
        return ""
    return _base_of_another_country(c.text, c.clause, c.base, c.new)


def _refuse_own_base_period(c: _Candidate) -> str:
    if c.kind != "growth" or c.rate is None or c.base is None:
        return ""
    return _rate_names_its_base(c.text, c.clause, c.rate, c.base)


def _refuse_distant_base(c: _Candidate) -> str:
    if c.kind not in ("growth", "change") or c.base is None or c.new is None:
        return ""
    return _distant_base(c.text, c.clause, c.base, c.new)


def _refuse_value_rate_of_volumes(c: _Candidate) -> str:
    if c.kind != "growth" or not any(f is not None and f.kind != "money" for f in (c.new, c.old)):
        return ""
    low, high = c.span
    found = _IN_VALUE.search(c.text, max(c.clause.start, low - 30), high + 30)
    return f"the rate is {found.group(0)!r}, the values are not money" if found else ""


# A figure with another right beside it in a list: "A and B", "from C and D".
# A rate after the "and" ("from C and 33.8 pct year-to-date") makes no list of values.
_NOT_A_RATE = r"(?![\d.,]*\s*(?:%|pct\b|per\s*cent|percent))"
_AND_A_FIGURE_AFTER = re.compile(
    rf"\s*,?\s*and\s+(?:[A-Za-z]{{1,3}}\$|[$€£¥₹₱₦]|[A-Z]{{3}}\s?)?\d{_NOT_A_RATE}"
)
_A_FIGURE_AND_BEFORE = re.compile(
    r"\d(?:[\d.,]*[^\W\d_]*)(?:\s+(?!pct\b|percent\b|per\b|cent\b)[a-z]+)?\s*,?\s+and\s+$"
)


def _refuse_listed_values(c: _Candidate) -> str:
    """ "were A and B, up 7.4% and down 6.6% from C and D": each rate is of one pair of a
    parallel list, and which one the words leave to the reader's count."""
    if c.kind not in _OF_VALUES:
        return ""
    for figure in (c.new, c.old):
        if figure is None:
            continue
        after = _AND_A_FIGURE_AFTER.match(c.text, figure.end, figure.end + 24)
        before = _A_FIGURE_AND_BEFORE.search(c.text, max(0, figure.start - 24), figure.start)
        if after or before:
            return f"{figure.text!r} is one of a list of values: which one is meant?"
    return ""


# Between a value and a rate: the rate is an item's among what the value holds.
_OF_AN_ITEM = re.compile(
    r"(?i)\b(?:includ\w*|such\s+as|led\s+by|notably|mainly|chiefly|especially|among\s+them)\b"
)


def _refuse_rate_of_an_item(c: _Candidate) -> str:
    """ "Imports of X, which included fuel purchases up 5.9%, compared with Y": the rate
    is of a part the value includes, not of the value."""
    if c.kind != "growth" or c.rate is None or c.new is None or c.new.end > c.rate.start:
        return ""
    found = _OF_AN_ITEM.search(c.text, c.new.end, c.rate.start)
    return f"the rate is of an item the value holds ({found.group(0)!r})" if found else ""


def _refuse_below_zero(c: _Candidate) -> str:
    """ "The output gap narrowed to -0.6 pct from -1.4 pct", "the decline accelerated to
    -3.4% from -1.2%": words of change speak of a negative figure's size, and a rate of
    change between values below zero has no plain meaning."""
    if c.kind not in (*_OF_VALUES, "direction"):
        return ""
    below = next((f for f in (c.new, c.old) if f is not None and f.value < 0), None)
    return f"{below.text!r} is below zero: the words give its size, not its sign" if below else ""


def _refuse_foreseen_base(c: _Candidate) -> str:
    # A share of a target is just that: "X represents 88% of the target of Y".
    if c.base is None or c.kind == "share":
        return ""
    return _base_foreseen(c.base, c.tokens)


def _refuse_revised_base(c: _Candidate) -> str:
    if c.base is not None and _base_revised_after(c.base, c.tokens):
        return "the base is followed by a revised figure of its own: which one is meant?"
    return ""


def _refuse_other_distance(c: _Candidate) -> str:
    if c.kind not in ("growth", "change") or c.base is None:
        return ""
    said_by = c.rate if c.kind == "growth" else c.slots.get("change")
    return _distances_differ(c.text, c.clause, c.slots, said_by) if said_by else ""


def _refuse_other_measure(c: _Candidate) -> str:
    # "Exports by volume rose 4%": a measure named in the subject that no amount of
    # money is, so the rate says nothing of the values ("same-store sales" are sales).
    if c.kind != "growth":
        return ""
    measure = _NOT_MONEY_BASIS.search(c.text, c.clause.start, c.span[0])
    if measure is not None and any(f is not None and f.kind == "money" for f in (c.new, c.old)):
        return f"the rate is {measure.group(0)!r}, another measure than the values"
    return ""


@dataclass(frozen=True, slots=True)
class Refusal:
    """A reason a matched claim is not judged after all, with sentences it refuses."""

    id: str
    check: Callable[[_Candidate], str]
    refuses: tuple[str, ...]


# Why a matched claim is not judged after all, tried in this order; the first reason
# given is the one reported. Each stands for a shape of false alarm seen on real text or
# on texts written to test the grammar; the suite runs every example.
REFUSALS: tuple[Refusal, ...] = (
    Refusal(
        "values-below-zero",
        _refuse_below_zero,
        (
            "The balance narrowed 57% to -0.6 billion dollars from -1.4 billion.",
            "Net investment fell 25% to -4.0 billion dollars from -3.2 billion.",
        ),
    ),
    Refusal(
        "base-of-another-flow",
        _refuse_other_flow,
        ("Exports rose 6.7% to $12.7 billion, against imports of $11.7 billion.",),
    ),
    Refusal(
        "base-of-another-country",
        _refuse_other_country,
        (
            "Exports to the EU rose 4.7% to $4.5 billion in the quarter, compared with $4.0 "
            "billion for Thailand.",
        ),
    ),
    Refusal(
        "rate-names-its-base-period",
        _refuse_own_base_period,
        (
            "Exports were USD 37.40 billion in June 2025 compared with USD 39.06 billion in "
            "May 2025, a growth of 1.03 per cent over June 2024.",
        ),
    ),
    Refusal(
        "base-years-back",
        _refuse_distant_base,
        (
            "Exports rose 4.8% to $308 billion in 2024, compared with $280 billion in 2019.",
            "Exports rose 4.8% to $308 billion last year, compared with $280 billion before "
            "the pandemic.",
        ),
    ),
    Refusal(
        "rate-in-value-of-volumes",
        _refuse_value_rate_of_volumes,
        (
            "Coffee exports in March were 1.23 mln bags against 1.31 mln bags a year "
            "earlier, a decline in value of 13.9 pct.",
        ),
    ),
    Refusal(
        "values-in-a-list",
        _refuse_listed_values,
        (
            "Exports to Chile and Peru were $33.3 billion and $35.5 billion, up 7.4% and "
            "down 6.6% from $31.0 billion and $38.0 billion.",
        ),
    ),
    Refusal(
        "rate-of-an-included-item",
        _refuse_rate_of_an_item,
        (
            "Imports were $152.5 billion in March 2024. In March 2025 imports came to $142.7 "
            "billion, which included fuel purchases up 5.9%.",
        ),
    ),
    Refusal(
        "base-foreseen",
        _refuse_foreseen_base,
        (
            "Exports rose 3.5% to $43.85 billion in FY2024-25, compared with the "
            "government's target of $44.35 billion.",
            "Exports rose 3.1% year-on-year to 8.23 trillion yen, compared with market "
            "expectations of 8.38 trillion yen.",
        ),
    ),
    Refusal(
        "base-revised-after",
        _refuse_revised_base,
        (
            "Exports rose 4.0% to $31,200m from $30,000m in the previous quarter's revised "
            "figure of $29,500m.",
        ),
    ),
    Refusal(
        "base-of-another-distance",
        _refuse_other_distance,
        (
            "Exports rose 5.0 pct year-on-year to 12.02 billion dlrs last month, from a "
            "revised 11.73 billion dlrs the month before.",
            "Exports rose to $25.5 billion in June from $25.0 billion in May, an increase of "
            "4.9% on the year.",
            "Exports fell by $1.7 billion year-on-year to $26.6 billion in July, from $27.9 "
            "billion in June.",
        ),
    ),
    Refusal(
        "rate-of-another-measure",
        _refuse_other_measure,
        ("Exports by volume rose 4.0% to $5.2 billion from $4.0 billion.",),
    ),
)
# The kinds whose base is a value of the same series as the new value.
_OF_VALUES = ("growth", "change", "multiple")


# Before a rate: "a forecast", "the expected", "an estimated": a rate foreseen, as a noun.
_FORECAST_RATE = re.compile(
    r"(?i)\b(?:a|an|the)\s+(?:forecast|expected|predicted|projected|anticipated|estimated"
    r"|consensus|median)\s+$"
)
# Before a rate: "after a", "following an unexpected", the change that came first.
_EARLIER_CHANGE = re.compile(r"(?i)\b(?:after|following)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}$")


def _rate_names_a_thing(slots: dict[str, Token], tokens: Sequence[Token]) -> bool:
    """Whether the rate after a verb of change is a label of the noun after it: "trimmed
    a 10 pct net long position to X", "sold its 51 pct stake": the verb moves the thing,
    and the rate is no size of the move ("posted a 10 pct gain" is: the noun is one of
    change)."""
    rate, verb = slots.get("rate"), slots.get("DIR")
    if rate is None or verb is None or verb.start > rate.start:
        return False
    at = next((i for i, t in enumerate(tokens) if t is rate), None)
    if at is None or at == 0 or at + 1 >= len(tokens):
        return False
    before, after = tokens[at - 1], tokens[at + 1]
    return before.text.lower() in _DETERMINERS and after.code == "w"


def _a_change_in_apposition(slots: dict[str, Token], tokens: Sequence[Token]) -> bool:
    """Whether "A or N% below Y" gives A as a change, not a level: A is less than half of
    Y, so as a level it would be at least 50% below Y, and the rate is under 50%."""
    new, rate, old = slots.get("new"), slots.get("rate"), slots.get("old")
    if new is None or rate is None or old is None or "change" in slots:
        return False
    a, r, b = new.figure, rate.figure, old.figure
    if a is None or r is None or b is None or not new.start < rate.start < old.start:
        return False
    if not any(t.code == "O" and new.end <= t.start < rate.start for t in tokens):
        return False
    return 0 < a.value * 2 < b.value and abs(r.value) < 50


_PERIOD_WORD = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:half|quarter|"
    r"month|year|week|season)\b|\b(?:19|20)\d\d\b"
)


def _same_period_words(doc: _Document, rate: Token, new: Token, tokens: Sequence[Token]) -> bool:
    """Whether the period words right after a value (up to its base) are among those of
    the rate's own clause: a rate "in June" says nothing of a value "for the half"."""
    at = next((i for i, t in enumerate(tokens) if t is new), None)
    if at is None:
        return True
    after = []
    for token in tokens[at + 1 :]:
        if token.code not in "pw":
            break
        after.append(token.text.lower())
    named = {m.group(0).lower()[:3] for m in _PERIOD_WORD.finditer(" ".join(after))}
    if not named:
        return True
    index = doc.sentence_of(rate.figure) if rate.figure is not None else None
    clause = (
        next((c for c in doc.clauses[index] if c.start <= rate.start < c.end), None)
        if index is not None
        else None
    )
    if clause is None:
        return False
    own = {
        m.group(0).lower()[:3] for m in _PERIOD_WORD.finditer(doc.text[clause.start : clause.end])
    }
    return named <= own


def _rate_of_clause_before(doc: _Document, clause: Clause) -> Token | None:
    """The one rate of the clause before, when that clause states no value; the token
    carries the direction of the word of change that governs it."""
    before = _clauses_before(doc, clause)
    if not before:
        return None
    tokens = before[-1].tokens
    if any(t.code in "Vr" for t in tokens):
        return None
    if OTHER_BASIS.search(doc.text, before[-1].start, before[-1].end):
        return None  # "climbed 9% in volume and reached $6 billion": not the values' basis
    rates = [i for i, t in enumerate(tokens) if t.code == "P" and t.figure is not None]
    words = [t for t in tokens if t.code == "D"]
    if len(rates) != 1 or len(words) != 1:
        return None
    rate = tokens[rates[0]]
    return Token("P", rate.start, rate.end, rate.text, rate.figure, words[0].direction)


def _elided_opening(tokens: Sequence[Token]) -> bool:
    """Whether the words before a match keep the subject of the clause before: verbs of
    being and adverbs only, so that "..., and the annual total stood at X" is not taken
    for the subject before it."""
    return all(t.text.lower() in ELIDED_OPENERS for t in tokens)


def _joined(
    pattern: ClaimPattern, slots: dict[str, Token], tokens: Sequence[Token], text: str
) -> bool:
    """Whether a word that keeps the rate's subject joins it to the values, and the
    values are of the rate's flow: the same one, or none named for either ("steel output
    fell 4%, as imports rose to X from Y" is two subjects)."""
    rate, value = slots["rate"], slots.get("VERB") or slots["new"]
    stated, new = rate.figure, slots["new"].figure
    if stated is None or new is None or stated.flow != new.flow:
        return False
    if (
        stated.period_end
        and new.period_end
        and (stated.period_start, stated.period_end) != (new.period_start, new.period_end)
    ):
        # "rose 8% in the month, as the year-to-date total climbed to X"; "a growth of
        # 2.49% in April-June, at X in June".
        return False
    if (
        stated.period_start
        and stated.period_start != stated.period_end
        and not new.period_end
        and _month_named_after([Clause(0, 0, tuple(tokens))], new) is not None
    ):
        return False  # the same, where the value's month has no year to resolve it
    if "JOIN" in slots:  # the joining word has a slot of its own
        return slots["JOIN"].text.lower() in pattern.joined_by
    between = [t for t in tokens if rate.end <= t.start < value.start]
    joins = [i for i, t in enumerate(between) if t.text.lower() in pattern.joined_by]
    if not joins:
        return False
    # A subject named after the joining word ("as exports contracted to X") must be the
    # rate's own flow, named by its word and nothing else: "prices rose 15% as revenue
    # climbed to X", "as the monthly bill rose", "when oil purchases rose" are others.
    named = between[joins[-1] + 1 :]
    if not named:
        return True
    if stated.flow is None:
        return False
    # Read the words alone: the flow grammar folds the text it is given.
    start = named[0].start
    flows = find_flows(text[start : named[-1].end], 0, named[-1].end - start)
    covered = [t for t in named if any(m.start <= t.start - start < m.end for m in flows)]
    return (
        bool(flows)
        and all(m.value == stated.flow for m in flows)
        and all(t in covered or t.code == "p" for t in named)
    )


# Kinds of claim judged on a value that is approximate or a bound ("down about 30% on
# about 9.7 billion"): what such a value stands for is widened (``_hedged``), and a
# mismatch is at most a warning. Other kinds, and a hedged multiple ("more than
# doubled"), are not judged.
_JUDGED_HEDGED = frozenset({"growth"})
# "about X" stands for anything within this share of X.
APPROXIMATE_SHARE = Decimal("0.05")
# "more than X" stands for anything from X to this many times X.
_BOUND_REACH = Decimal(1000)
_ABOVE = frozenset({"over", "more than", "at least"})
_BELOW = frozenset({"less than", "up to"})
_AROUND = frozenset({"about", "nearly"})


def _hedged(figure: Figure | None, hedges: dict[int, str]) -> Figure | None:
    """A hedged value as the range of values it stands for, its hedge as its qualifier."""
    if figure is None or not hedges.get(figure.start):
        return figure
    meaning = figure.qualifier or qualifier_meaning(hedges[figure.start])
    value = figure.value
    if figure.low is not None or value <= 0 or meaning is None:
        return figure  # a range, or an amount of no size: _declined has refused it
    if meaning in _AROUND:
        low, high = value * (1 - APPROXIMATE_SHARE), value * (1 + APPROXIMATE_SHARE)
    elif meaning in _ABOVE:
        low, high = value, value * _BOUND_REACH
    else:
        low, high = figure.ulp / 2, value
    return replace(figure, low=low, high=high, qualifier=meaning)


def _declined(pattern: ClaimPattern, slots: dict[str, Token], said: str) -> str:
    """Why a linked claim is still not judged, or "" to judge it."""
    hedged = [slots[r] for r in ("new", "old", "change", "mult") if r in slots and slots[r].hedge]
    bounds = sum(_hedge_meaning(t) in _ABOVE | _BELOW for t in hedged)
    for token in hedged:
        figure = token.figure
        judged = (
            pattern.kind in _JUDGED_HEDGED
            and token is not slots.get("mult")
            and figure is not None
            and figure.low is None
            and figure.value > 0
            and _hedge_meaning(token) is not None
        )
        if not judged or bounds > 1:
            return f"'{token.hedge}' makes {token.text!r} approximate or a bound"
    if pattern.kind == "growth" and OTHER_BASIS.search(said):
        basis = OTHER_BASIS.search(said)
        assert basis is not None
        return f"the rate is {basis.group(0)!r}, another basis than the values"
    return ""


# Words that make a base what was foreseen or aimed at, not what was: "vs a forecast Y",
# "compared with market expectations of Y", "against the government's target of Y".
# Not "estimate": statistics offices call their own past figures so ("higher than the
# February 1986 estimate of Y").
_FORESEEN = frozenset(
    """
    forecast forecasts expectation expectations expected projection projections projected
    target targets goal goals consensus budget budgeted plan planned poll median
    """.split()  # noqa: SIM905 - a word list reads better as prose
)


# "a decline in value of 11.6 pct" beside volumes (bags, tonnes): a rate of the money
# the goods fetched, not of the quantities stated.
_IN_VALUE = re.compile(r"(?i)\b(?:in|by)\s+value\b|\bvalue\s+terms\b")


def _rate_names_its_base(text: str, clause: Clause, rate: Token, old: Token) -> str:
    """Why a rate that names a base period of its own ("a growth of 1.03% over June
    2024") is not judged against a value of another period ("compared with Y in May
    2025"), or ""."""
    tokens = clause.tokens
    at = tokens.index(rate)
    if at + 2 >= len(tokens) or tokens[at + 1].code not in "nFK":
        return ""
    words = []
    for token in tokens[at + 2 : at + 6]:
        if token.code != "p":
            break
        words.append(token)
    after = at + 2 + len(words)
    if not words or (after < len(tokens) and tokens[after].code != ","):
        return ""  # "up 5% over the year-earlier Y", "from 1985's Y": it names the value
    named = [
        m
        for m in stated_periods(text, words[0].start, words[-1].end, DEFAULT_FISCAL_START)
        if m.first is not None and m.has_year
    ]
    figure = old.figure
    if not named or figure is None or not figure.period_end:
        return ""
    first, last = named[0].first, named[0].last
    assert first is not None and last is not None
    span = (format_month(first[0], first[1]), format_month(last[0], last[1]))  # type: ignore[arg-type]
    if span == (figure.period_start, figure.period_end):
        return ""
    return f"the rate compares with {named[0].text}, the base is of another period"


# After a base: a time long before, named as such ("before the pandemic", "pre-crisis").
_LONG_BEFORE = re.compile(
    r"(?i)\s*(?:,\s*)?(?:\w+\s+){0,3}?(?:before|prior\s+to)\s+the\s+(?:pandemic|crisis|war|"
    r"recession|slump|downturn|outbreak)|\s*(?:,\s*)?(?:the\s+)?pre-?(?:pandemic|crisis|war|covid)"
)


def _distant_base(text: str, clause: Clause, old: Token, new: Figure) -> str:
    """Why a base "compared with" a value that stands years back is not the one a rate
    compares with ("rose 4.8% to X last year, compared with Y before the pandemic in
    2019"), or "". A base "from" that time is: "up 30% from Y in 2019"."""
    at = clause.tokens.index(old)
    word = next((t for t in reversed(clause.tokens[:at]) if t.code != "p"), None)
    if word is None or word.code != "K":
        return ""
    if _LONG_BEFORE.match(text, old.end, min(clause.end, old.end + 40)):
        return "the base is of a time long before, not the period before"
    figure = old.figure
    if figure is not None and figure.period_end and new.period_end:
        gap = _month_index(new.period_end) - _month_index(figure.period_end)
        if gap > 12:
            return f"the base is {gap} months before the value, more than a year"
    return ""


# Right after a base, the country it is of: "compared with $4.0 billion for Thailand".
_OF_COUNTRY = re.compile(r"\s+(?:for|by|in|of|from)\s+(?:the\s+)?$")


def _base_of_another_country(text: str, clause: Clause, old: Token, new: Figure | None) -> str:
    """Why a base followed by the name of another country than the value's is no earlier
    value of the same series ("rose 4.7% to X, compared with Y for Thailand"), or ""."""
    if new is None:
        return ""
    end = min(clause.end, old.end + 40)
    for mention in find_countries(text, old.end, end):
        gap = _OF_COUNTRY.fullmatch(text, old.end, mention.start)
        if gap is None:
            continue
        named = text[mention.start : mention.end]
        # "for Thailand" names whose the base is; a country the clause names only there
        # is no subject of the value before, whatever reporter the sentence lent it.
        own = "for" in gap.group(0).split() and named not in text[clause.start : old.start]
        if own or mention.value not in (new.reporter, new.partner):
            return f"the base is of another country ({named})"
        return ""
    return ""


def _flow_named_before(text: str, clause: Clause, old: Token, new: Figure) -> bool:
    """Whether the base names a flow of its own, another than the value's: "rose 6.7% to
    X, against imports of Y"."""
    figure = old.figure
    if figure is None or not figure.flow or not new.flow or figure.flow == new.flow:
        return False
    named = find_flows(text, max(clause.start, old.start - 30), old.start)
    return bool(named) and named[-1].value == figure.flow


def _base_foreseen(old: Token, tokens: Sequence[Token]) -> str:
    """Why a base named as a forecast or a target is no earlier value, or ""."""
    for token in reversed(tokens[: tokens.index(old)]):
        if token.code in "FKn":
            return ""
        if token.code not in "pw":
            return ""
        word = token.text.lower().removesuffix("'s").removesuffix("’s")
        if word in _FORESEEN:
            return (
                f"the base is named as {token.text!r}: foreseen or aimed at, not an earlier value"
            )
    return ""


def _base_revised_after(old: Token, tokens: Sequence[Token]) -> bool:
    """ "from $29,000m in the previous quarter's revised figure of $29,500m": a base and,
    right after it, a revised value of the same period, with nothing to say which the
    claim used."""
    at = next((i for i, t in enumerate(tokens) if t is old), None)
    if at is None:
        return False
    gap = tokens[at + 1 : at + 11]
    for i, token in enumerate(gap):
        if token.code not in "pw":
            return token.code == "V" and any(t.text.lower() == "revised" for t in gap[:i])
    return False


def _distances_differ(text: str, clause: Clause, slots: dict[str, Token], rate: Token) -> str:
    """Why a rate that says how far back it compares ("0.3% on the month") is not judged
    against a base that says another distance ("against 100.7 a year earlier"), or ""."""
    old = slots["old"]
    following = [t for t in clause.tokens if t.start > rate.end and t.code in "VPQMr"]
    own_end = following[0].start if following else clause.end
    direction = slots.get("DIR")
    own_start = (
        direction.start if direction is not None and direction.start < rate.start else rate.start
    )
    after_old = [t for t in clause.tokens if t.start > old.end and t.code in "VPQMr"]
    base_end = after_old[0].start if after_old else clause.end
    ours = _stated_months_back(text[own_start:own_end])
    theirs = _stated_months_back(text[old.end : base_end])
    words = {1: "a month", 3: "a quarter", 12: "a year"}
    if ours is None or ours == theirs:
        return ""
    if theirs is not None:
        return f"the rate compares with {words[ours]} before, the base is {words[theirs]} before"
    new = slots.get("new")
    gap = _gap(new.figure, old.figure, [clause]) if new and new.figure and old.figure else None
    if gap is not None and gap > 0 and gap != ours:
        # "fell by $1.7 billion year-on-year to X in July, from Y in June". (A base
        # dated like the current value names no period of its own: no distance.)
        what = "rate" if rate.code in "PQ" else "change"
        months = f"{gap} month{'s' if gap > 1 else ''}"
        return f"the {what} compares with {words[ours]} before, the values are {months} apart"
    at = clause.tokens.index(old)
    after = next((t for t in reversed(clause.tokens[:at]) if t.code != "p"), None)
    if ours == 1 or gap == ours or after is None or after.text.lower() != "after":
        return ""
    # "rose 4.5% on the year at X, after Y in May": what comes "after" is the period
    # before, unless the periods of the two values show the rate's distance.
    return f"the rate compares with {words[ours]} before, the base is the period before"


_NOT_MONEY_BASIS = re.compile(
    r"(?i)\b(?:in|by)\s+(?:volume|quantity|tonnage|real\s+terms)\b|\b(?:volumes?|quantit(?:y|ies)|tonnage)\s+of\b"
)


def _hedge_meaning(token: Token) -> str | None:
    """What a value's hedge says of it ("about", "over", "less than"), as the extraction
    names it, whether the extraction or the clause tokens found the hedge."""
    figure = token.figure
    return (figure.qualifier if figure else None) or qualifier_meaning(token.hedge)


def _names_a_share(slots: dict[str, Token], tokens: Sequence[Token], text: str) -> bool:
    """Whether the words make the rate a share of the whole: a verb of share right before
    it ("represents", "accounted for", "equivalent to"), "of" right after it, and a part
    that is no base of a comparison ("rose from X and represent ...")."""
    word = slots["SHARE"]
    at = tokens.index(word)
    said = word.text.lower()
    if "UP" in slots:
        if said not in ("made", "make", "makes", "making") or slots["UP"].text.lower() != "up":
            return False
    elif said == "for":
        said = tokens[at - 1].text.lower() if at else ""
        if not said.startswith("account"):
            return False
    elif said not in SHARE_WORDS:
        return False
    part = tokens.index(slots["new"])
    if _after_base_word(tokens, part):
        return False
    value = slots["new"]
    if _ONE_OF_MANY.search(text[max(0, value.start - 60) : value.start].rsplit(",", 1)[-1]):
        return False  # "Electronics, led by chips worth X, made up 62% of Y"
    rate = slots["rate"]
    whole = slots["old"]
    if whole.start < rate.start:
        # "Of total exports of Y, X accounted for Z, or N%": the whole is named a total.
        return _TOTAL.search(text, max(0, whole.start - 30), whole.start) is not None
    return re.match(r"\s+of\b", text[rate.end : rate.end + 5]) is not None


def _from_a_source(old: Token, tokens: Sequence[Token]) -> bool:
    """Whether the "from" before a base names where goods come from, not a base: "with
    purchases from Asian suppliers of Y", "imports from China of Y". A base is named by
    determiners, periods and the measure ("from last year's plantings of Y"), never by a
    name of its own between "from" and the value."""
    named = False
    for token in reversed(tokens[: tokens.index(old)]):
        if token.code == "F":
            return named
        if token.code not in "pw":
            return False
        # "from Friday's close of Y" names a day, no source.
        word = token.text.lower().removesuffix("'s").removesuffix("’s")
        named = named or (token.code == "w" and token.text[:1].isupper() and word not in WEEKDAYS)
    return False


def _value_before_aside(doc: _Document, aside: Clause, unit: str) -> Figure | None:
    """The value printed right before the parenthesis ``aside`` stands in, if it is the
    current value of its own clause: "exports were X (up 3% from Y)", never "rose to X from
    Z (up 3% from Y)" or "reached X last year (...)". A unit word may stand between when
    the base in the parenthesis has the same one after it, ``unit``: "4.6 mln litres (up
    15 pct from 4.0 mln litres)"."""
    clauses = doc.clauses[aside.sentence] if aside.sentence < len(doc.clauses) else []
    for clause in clauses:
        if clause.aside or not clause.start <= aside.start <= clause.end:
            continue
        tokens = clause.tokens
        for i, token in enumerate(tokens):
            if token.code != "a" or token.start != aside.start:
                continue
            before = i - 1
            if (
                before > 0
                and tokens[before].code == "w"
                and tokens[before].text.lower() == unit.lower()
            ):
                before -= 1
            if before < 0 or tokens[before].code != "V" or tokens[before].figure is None:
                return None
            value = tokens[before].figure
            between = doc.text[tokens[before].end : aside.start]
            if not re.fullmatch(r"\s*(?:[^\W\d_]+\s*)?\(\s*", between):
                return None
            return None if _after_base_word(tokens, before) else value
    return None


def _clauses_before(doc: _Document, clause: Clause) -> list[Clause]:
    """The main clauses of the same sentence before ``clause``."""
    clauses = doc.clauses[clause.sentence] if clause.sentence < len(doc.clauses) else []
    return [c for c in clauses if not c.aside and c.end <= clause.start]


def _last_comparable(
    previous: list[Clause],
    like: Figure,
    sentence_before: Sequence[Clause] = (),
    whole_sentence: bool = False,
) -> Figure | None:
    """The current value of the clause before, if ``like`` can be compared with it: the
    value after "to" ("fell to X from Y"), else the clause's first value that is no base
    ("totaled X, up 4.9 pct from Y"). A clause that points back ("This was 5.2 pct up
    from Y") and names only bases has the current value of the sentence before."""
    mains = [c for c in previous if not c.aside]
    if not mains:
        return None
    if whole_sentence and len(_current_values(mains)) > 1:
        return None  # "Exports were X and imports Y. This was ...": which one is "this"?
    tokens = mains[-1].tokens
    values = [
        t
        for i, t in enumerate(tokens)
        if t.code == "V" and t.figure is not None and not _after_base_word(tokens, i)
    ]
    if not values:
        if tokens[0].code == "R" and sentence_before:
            return _last_comparable(list(sentence_before), like, whole_sentence=True)
        return None
    chosen = values[0]
    for i, token in enumerate(tokens):
        if token.code == "T":
            after = next((t for t in tokens[i + 1 :] if t.code != "p"), None)
            if after is not None and after.code == "V" and after.figure is not None:
                chosen = after
                break
    assert chosen.figure is not None
    pair = _comparable(chosen.figure, like)
    return pair[0] if pair is not None else None


def _same_flow_before(
    doc: _Document, clause: Clause, rate: Figure | None, old: Figure
) -> Figure | None:
    """The current value a rate stated with only its base ("exports rose 17.6% from Y")
    compares, from the sentence before: the one value there of the rate's flow, reporter,
    partner, aggregate and period, where the rate's own sentence states no current value."""
    index = clause.sentence
    if rate is None or rate.flow is None or not rate.period_end or not 0 < index < len(doc.clauses):
        return None
    if _current_values([c for c in doc.clauses[index] if not c.aside]):
        return None
    kind = doc.aggregate(rate)
    found = [
        t.figure
        for t in _current_values([c for c in doc.clauses[index - 1] if not c.aside])
        if t.figure is not None
        and not t.figure.expectation
        and t.figure.flow == rate.flow
        and t.figure.reporter == rate.reporter
        and t.figure.partner == rate.partner
        and (t.figure.period_start, t.figure.period_end) == (rate.period_start, rate.period_end)
        and doc.aggregate(t.figure) == kind
    ]
    if len(found) != 1:
        return None
    new = found[0]
    if old.period_end and old.period_end > new.period_end:  # type: ignore[operator]
        return None
    pair = _comparable(new, old)
    return pair[0] if pair is not None else None


def _current_values(clauses: list[Clause]) -> list[Token]:
    """The values of clauses that are no base of a comparison."""
    return [
        t
        for c in clauses
        for i, t in enumerate(c.tokens)
        if t.code == "V" and t.figure is not None and not _after_base_word(c.tokens, i)
    ]


def _after_base_word(tokens: Sequence[Token], index: int) -> bool:
    """Whether the value at ``index`` is a base: "from Y", "against Y", "on the Y"."""
    for token in reversed(tokens[:index]):
        if token.code != "p":
            return token.code in "FKn"
    return False


def _scale_of(figure: Figure) -> Decimal:
    """The factor a scale word gave a figure: "1.85 mln" 10**6, "1,850" 1."""
    try:
        printed, _ulp = parse_number(figure.printed)
    except (ArithmeticError, KeyError, ValueError):
        return Decimal(1)
    if printed == 0:
        return Decimal(1)
    return abs(figure.value / printed)


def _comparable(a: Figure, b: Figure) -> tuple[Figure, Figure] | None:
    """The two values as one kind, or None: one currency, one unit, or a bare number
    that takes the currency, unit or scale of the other ("to 5.1 billion dlrs from 4.2
    billion", "to 1.85 mln units from 1.80")."""
    if a.kind not in ("money", "quantity") or b.kind not in ("money", "quantity"):
        return None
    if a.per != b.per:
        # A price per barrel is no total; but "to 3.41 dlrs per bbl from 4.81 dlrs" prints
        # the unit once, for two prices of one size.
        if (a.per is not None and b.per is not None) or not _within(a.value, b.value):
            return None
        per = a.per or b.per
        a, b = replace(a, per=per), replace(b, per=per)
    if a.kind == "money" and b.kind == "money":
        return (a, b) if a.unit == b.unit else None
    if a.kind == "money" or b.kind == "money":
        money, bare = (a, b) if a.kind == "money" else (b, a)
        if bare.unit in MEASURES:
            return None  # 1,200 tonnes against $5 million
        if bare.unit in _CENTS:
            # "to 10 cts a share from 1.10 dlrs": hundredths of the other's currency.
            hundredth = Decimal("0.01")
            adopted = replace(
                bare,
                kind="money",
                unit=money.unit,
                value=bare.value * hundredth,
                ulp=bare.ulp * hundredth,
            )
            return (money, adopted) if a is money else (adopted, money)
        adopted = _adopt_scale(bare, money)
        adopted = replace(adopted, kind="money", unit=money.unit)
        return (money, adopted) if a is money else (adopted, money)
    if a.unit in MEASURES and b.unit in MEASURES and _singular(a.unit) != _singular(b.unit):
        return None
    if _scale_of(a) > _scale_of(b):
        return a, _adopt_scale(b, a)
    if _scale_of(b) > _scale_of(a):
        return _adopt_scale(a, b), b
    return a, b


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") else word


def _adopt_scale(bare: Figure, scaled: Figure) -> Figure:
    """ "from 1.80" after "to 1.85 mln": the scale printed once serves both."""
    factor = _scale_of(scaled)
    if factor == 1 or _scale_of(bare) != 1 or bare.value == 0:
        return bare
    near = _within(bare.value, scaled.value)
    near_scaled = _within(bare.value * factor, scaled.value)
    if near_scaled and not near:
        return replace(bare, value=bare.value * factor, ulp=bare.ulp * factor)
    return bare


def _within(a: Decimal, b: Decimal, reach: Decimal = _SCALE_REACH) -> bool:
    a, b = abs(a), abs(b)
    if a == 0 or b == 0:
        return False
    return max(a, b) / min(a, b) <= reach


def _multiple_of_rate(doc: _Document, index: int, multiple: Figure) -> Relation:
    """ "a 25% tariff ... will double": the rate it multiplies, for information."""
    for other in (index, index - 1):
        if other < 0:
            continue
        rates = [
            f
            for f in doc.near(other, multiple.start, 400)
            if f.kind == "percent" and f.start < multiple.start and f.role != "change"
        ]
        if rates:
            return Relation(
                "multiple",
                multiple,
                old=rates[0],
                link="multiple of a stated rate",
                evidence="sentence",
            )
    return Relation(
        "multiple",
        multiple,
        reason="no claim pattern links it to the values it multiplies in its clause",
    )


def _flows_agree(a: str | None, b: str | None) -> bool:
    """Flows that can describe one series: a balance is a deficit or a surplus, but a
    deficit is never compared with a surplus as if both were magnitudes."""
    if a is None or b is None or a == b:
        return True
    return "balance" in (a, b) and (a in _DEFICIT_FAMILY and b in _DEFICIT_FAMILY)


def _rate_fits(value: Figure, rate: Figure) -> bool:
    """A value a rate can describe: the same flow, or no flow named for either."""
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


def _levels(figures: Sequence[Figure], unit: str | None = None) -> list[Figure]:
    return [
        f
        for f in figures
        if f.kind in _LEVEL_KINDS and f.role == "level" and (unit is None or f.unit == unit)
    ]


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
        if f.flow is not None
        and _rate_fits(f, share)
        and f.period_end == share.period_end
        and f.start not in doc.asides
    ]
    sentence = doc.sentences[index]
    # "fell to R21.5 billion from R23.2bn, making up 12.2% of ...": the share is the
    # current value's, never the base's.
    part = next(
        (
            f
            for f in reversed(levels)
            if f.end <= share.start and not _is_base(doc.text, f, sentence)
        ),
        None,
    )
    whole = next((f for f in levels if f.start >= share.end), None)
    if part is None or whole is None or part.unit != whole.unit or part.flow != whole.flow:
        return None
    chunk = doc.text[max(sentence.start, part.start - 60) : part.start]
    if _ONE_OF_MANY.search(chunk.rsplit(",", 1)[-1]):
        # "Electronics and machinery, led by chips worth X, made up 62% of Y": the value
        # is one item's of the group, not the group's.
        return None
    if not _TOTAL.search(doc.text, share.end, whole.start):
        return None  # the later value must be named as the total
    if any(share.end <= f.start < whole.start for f in doc.by_sentence[index]):
        # "were 55.8% of mining exports and 44.8% of total exports of Y": Y is the whole
        # of the share next to it, not of one before another figure.
        return None
    between = doc.text[share.end : whole.start]
    if "(" in between or ")" in between or _is_base(doc.text, whole, sentence):
        # "$14 billion (60% of the total), against $13.3 billion a year earlier": the
        # value after a parenthesis, or a base of comparison, is no total of the share.
        return None
    return Relation(
        "share", share, new=part, old=whole, link="part, its share and the total", evidence="series"
    )


# Before a value: it is one item's among those the subject names.
_ONE_OF_MANY = re.compile(
    r"(?i)\b(?:led\s+by|including|such\s+as|notably|mainly|chiefly|especially|among\s+them)\b"
)


def _months(period: str) -> int:
    return int(period[:4]) * 12 + int(period[5:7]) - 1


def _comparisons(doc: _Document, index: int, used: set[tuple[int, int]]) -> list[Relation]:
    """Two values of one series and no rate: the implied change, for information."""
    levels = [f for f in _levels(doc.by_sentence[index]) if f.start not in doc.asides]
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
            found.append(
                Relation("comparison", None, new=new, old=old, link="two values of one series")
            )
            taken.update((a.start, b.start))
            break
    return found


def _identities(doc: _Document) -> list[Relation]:
    """Exports, imports and balance (or total trade) of one reporter, partner and period."""
    found = []
    groups: dict[tuple, dict[str, list[tuple[int, Figure]]]] = {}
    sub_item: dict[int, bool] = {}  # searched once a sentence, however many balances it has
    for index, figures in enumerate(doc.by_sentence):
        for f in figures:
            if (
                f.kind != "money"
                or f.role != "level"
                or f.flow is None
                or not f.period_start
                or f.expectation
                or f.start in doc.asides
                # "up 2.6% from $730.5 billion": a base is of another period, whatever
                # period its sentence lends it, and makes no identity with the current.
                or _is_base(doc.text, f, doc.sentences[index])
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
                exports = _in_sentence(flows["exports"], index)
                imports = _in_sentence(flows["imports"], index)
                if exports is None or imports is None:
                    continue
                if index not in sub_item:
                    sentence = doc.sentences[index]
                    sub_item[index] = bool(_SUB_ITEM.search(doc.text, sentence.start, sentence.end))
                if sub_item[index]:
                    continue
                found.append(
                    Relation(
                        kind,
                        stated,
                        parts=(exports, imports),
                        link=f"exports, imports and {stated_flow} of one reporter, partner and period",
                        evidence="series",
                    )
                )  # type: ignore[arg-type]
    return found


def _in_sentence(candidates: list[tuple[int, Figure]], index: int) -> Figure | None:
    """The first of ``candidates`` (in sentence order) stated in sentence ``index``."""
    position = bisect_left(candidates, index, key=lambda item: item[0])
    if position < len(candidates) and candidates[position][0] == index:
        return candidates[position][1]
    return None
