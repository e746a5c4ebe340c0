"""The grammar of claims: every shape that links a rate (or a multiple, or a change) to the
values it compares, in one place.

A sentence is cut into clauses (``clauses.py``) and each clause into tokens, one letter a
token, so that a claim pattern is a regular expression over a short string of letters:

    V  a value: money, or any other number (tonnes, cars, a bare count), with its precision
    P  a percent figure              Q  a percentage-point figure      M  a multiple
    D  a word of change: rose, fell, up, down, a rise, a decline
    H  a comparison after a rate: "higher than", "lower than", "more than", "above", "below"
    T  to        F  from        K  against, compared with, versus, vs
    n  on, over (a base only in "up 5% on/over Y", and only with a determiner between)
    O  or        ,  a comma     a  an aside in parentheses (a clause of its own)
    p  a determiner or a period word (the, a, last, year-earlier, March's, 1986)
    R  a sentence that opens by pointing back: "That", "This", "It", "The figure"
    w  any other word

A shape is written with these letters and:

    NAME:XY   a slot: one token of class X or Y, whose figure takes the role NAME
              (rate, new, old, change, mult; DIR is the word of change that signs the rate,
              VERB the same word where only a verb will do: "fell to X from Y", never
              "growth to X from Y" or "up to X")
    _         a short gap: up to six words (w p n)
    ~         a long gap: up to twelve words, commas and asides
    .         a base gap: up to three determiners or period words (p)
    -         an adverb's gap: up to two words ("fell sharply to")
    ^         after a comma: at most one word among determiners ("a rise of", "registering a
              negative growth of"), so that the next clause's subject is not taken for it
    $         the rate governs no values of its own: no "to" or "from" follows it
    <         the next value is no base of another comparison: no "against", "compared
              with" or "from" right before it ("X, against Y the week before, N% lower
              than Z" compares X, not Y, with Z)
    X?        an optional token

No gap holds a value, a rate, a word of change, a "to" or a "from": the figures a pattern
links are the ones its words govern, never one across another figure. Patterns are tried
in the order listed; for each rate the first pattern that links it wins. Each entry keeps
sentences it must link (with the figures of each role) and sentences it must not link; the
suite runs them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

PatternKind = Literal["growth", "multiple", "points", "change", "direction", "share"]
Evidence = Literal["clause", "sentence"]

_GAPS = {
    "_": "[wpn]{0,6}",
    "~": "[wpna,]{0,12}",
    ".": "p{0,3}",
    "-": "[wp]{0,2}",
    "^": "p{0,2}w?p{0,2}",
    "$": "(?![wpn]{0,4}[TF])",
    "<": "(?<![KF])",
}


@dataclass(frozen=True, slots=True)
class ClaimPattern:
    """One shape of claim, with the sentences that show what it links and what it must not."""

    id: str
    kind: PatternKind
    shape: str
    summary: str
    matches: tuple[tuple[str, dict[str, str]], ...]
    rejects: tuple[str, ...] = ()
    # "clause": every figure in the rate's own clause, linked by explicit words: a mismatch
    # is an error. "sentence": one value comes from the sentence before ("That was 15%
    # more than..."): at most a warning.
    evidence: Evidence = "clause"
    anchored: bool = False  # the shape must open the clause
    # Where the value a shape does not name comes from: "sentence", the last value of the
    # sentence before ("That was 15% more than Y"); "clause", the last value of the clause
    # before in the same sentence ("... to X, and were off 1.1 pct from Y"). Either link
    # crosses a clause, so it gives at most a warning.
    new_from: str = ""
    # "clause": the clause has no verb of its own and takes the direction of the clause
    # before ("grew 10.8 pct to X from Y and 10 pct in the quarter to Z from W").
    elided: bool = False
    # "series": the shape names no base; it is the value of the same series (flow,
    # reporter, partner, currency) for the period compared with, stated once elsewhere in
    # the document: a year before, or a month or a quarter where the clause says so.
    # "next": a sentence that states no value names what it compares with ("from a year
    # earlier", "over June"), and the next sentence states the two values, and no rate of
    # its own, with words of comparison ("reached X, compared with Y", "fell to X from Y").
    base: str = ""
    # Words of which one must stand between the rate and the values it is linked to: a
    # rate stated first and the values after "as", "which" or "with" ("fell 12.8% as
    # exports contracted to X from Y"). Without one, values after a rate are another
    # subject's ("A rose 5%, B rose to X from Y").
    joined_by: frozenset[str] = frozenset()
    # "clause": the rate is the clause before's, a clause that states the rate and no
    # value ("narrowed by 17.1% in the quarter and stood at X compared to Y").
    rate_from: str = ""
    # The rate must be printed with its sign ("-4.0%", "+25.7%"): a shape with no word of
    # change takes its direction from the sign, and an unsigned rate there is a share.
    signed: bool = False
    roles: tuple[str, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        roles = tuple(item.split(":")[0] for item in self.shape.split() if ":" in item)
        if len(set(roles)) != len(roles):
            raise ValueError(f"{self.id}: a role appears twice in {self.shape!r}")
        object.__setattr__(self, "roles", roles)
        self.regex  # noqa: B018 - compile now, so a bad shape fails at import

    @property
    def regex(self) -> re.Pattern[str]:
        return _compile(self.shape, self.anchored)

    @property
    def needs(self) -> tuple[frozenset[str], ...]:
        """The token classes of every slot the shape cannot do without: a clause that
        lacks one of them is not worth matching (most clauses hold no rate at all)."""
        return _needs(self.shape)


@cache
def _compile(shape: str, anchored: bool) -> re.Pattern[str]:
    parts = []
    for item in shape.split():
        optional = item.endswith("?") and len(item) > 1
        item = item.rstrip("?") if optional else item
        if item in _GAPS:
            parts.append(_GAPS[item])
            continue
        name, _, classes = item.rpartition(":")
        body = f"[{re.escape(classes)}]"
        piece = f"(?P<{name}>{body})" if name else body
        parts.append(piece + ("?" if optional else ""))
    return re.compile(("^" if anchored else "") + "(?=(" + "".join(parts) + "))")


@cache
def _needs(shape: str) -> tuple[frozenset[str], ...]:
    return tuple(
        frozenset(item.rpartition(":")[2])
        for item in shape.split()
        if item not in _GAPS and not item.endswith("?")
    )


@cache
def patterns_for(present: frozenset[str]) -> tuple[tuple[int, ClaimPattern], ...]:
    """The patterns (with their order) that a clause holding these token classes can
    match: a handful of distinct sets covers every clause, so this is computed once each."""
    return tuple(
        (order, pattern)
        for order, pattern in enumerate(PATTERNS)
        if all(not present.isdisjoint(classes) for classes in pattern.needs)
    )


def compile_shape(shape: str) -> re.Pattern[str]:
    """A shape in the notation above, for a link that is no claim pattern of its own (the
    pair of values a rate in the sentence before compares)."""
    return _compile(shape, False)


def _m(sentence: str, **roles: str) -> tuple[str, dict[str, str]]:
    return sentence, roles


PATTERNS: tuple[ClaimPattern, ...] = (
    # --- a change between two rates, in points or percent (TS201) ---------------------
    ClaimPattern(
        "points-to-from",
        "points",
        "DIR:D _ rate:PQ ~ T _ new:P ~ F _ old:P",
        "a rate that moved N points (or N%) to one rate from another",
        (
            _m(
                "The jobless rate rose 0.4 percentage points to 6.1% from 5.7% in May.",
                rate="0.4 percentage points",
                new="6.1%",
                old="5.7%",
            ),
        ),
        ("The jobless rate rose to 6.1% from 5.7% while exports rose 4% from $3 billion.",),
    ),
    ClaimPattern(
        "points-from-to",
        "points",
        "DIR:D _ rate:PQ ~ F _ old:P ~ T _ new:P",
        "a rate that moved N points from one rate to another",
        (
            _m(
                "Utilisation climbed 3 pp from 71% to 74%.",
                rate="3 pp",
                new="74%",
                old="71%",
            ),
        ),
    ),
    # --- a growth rate and the two values it compares (TS101, TS102) ------------------
    ClaimPattern(
        "rate-to-from",
        "growth",
        "DIR:D _ rate:PQ ~ T _ new:V ~ FK _ old:V",
        "rose/fell N% to X from Y",
        (
            _m(
                "Exports rose 5.0% to $2.1 billion from $2.0 billion.",
                rate="5.0%",
                new="$2.1 billion",
                old="$2.0 billion",
            ),
            _m(
                "Car sales fell 12.9 pct to 188,156 from 215,793 a year before.",
                rate="12.9 pct",
                new="188,156",
                old="215,793",
            ),
            _m(
                "Output rose 3.1 pct in the quarter to a record 12,040 tonnes from 11,678.",
                rate="3.1 pct",
                new="12,040",
                old="11,678",
            ),
            _m(
                "Housing starts rose 2.5 pct in May to an annual rate of 1.640 mln units from "
                "1.600 mln units in April.",
                rate="2.5 pct",
                new="1.640 mln",
                old="1.600 mln",
            ),
            _m(
                "Van sales rose 9.1 pct to 33,012 verses 30,260 in the year-ago month.",
                rate="9.1 pct",
                new="33,012",
                old="30,260",
            ),
            _m(
                "Group profit fell 5.0 pct to 254 mln marks after 267.4 mln in 1985.",
                rate="5.0 pct",
                new="254 mln marks",
                old="267.4 mln",
            ),
        ),
        (
            "Net profit rose 12 pct to 56.0 mln francs after 20.0 mln in taxes.",
            "Sales rose 4 pct to 90 mln dlrs after 3 years of losses of 10 mln dlrs a year.",
            "Exports rose 5% to $2.1 billion and imports fell to $3 billion from $3.5 billion.",
            "Sales rose 4% to 1,200 tonnes from $5 million a year ago.",
            "Profit grew 8% to $40 million, revenue rose to $900 million from $850 million.",
            "Funds trimmed a 15 pct net short position to 30,000 contracts from 41,000.",
            "Output rose at an annualised rate of 4.1% in the quarter, to $9,502.0 billion "
            "from $9,407.0 billion.",
            "Import prices rose 0.4% on the month in May, taking the index to 108.5, against "
            "103.9 a year earlier.",
            # "from" and a name: where the goods came from, not a base.
            "Imports rose 5.9% to $30.4 billion, with purchases from Asian suppliers of "
            "$26.4 billion.",
        ),
    ),
    ClaimPattern(
        "rate-from-to",
        "growth",
        "DIR:D _ rate:PQ ~ F _ old:V ~ T _ new:V",
        "rose/fell N% from Y to X",
        (
            _m(
                "Imports jumped 25% from $8 billion to $10 billion.",
                rate="25%",
                new="$10 billion",
                old="$8 billion",
            ),
        ),
    ),
    ClaimPattern(
        "rate-noun-to-from",
        "growth",
        "rate:PQ p? DIR:D ~ T _ new:V ~ FK _ old:V",
        "an N% rise/fall to X from Y",
        (
            _m(
                "Shipments posted a 10% increase to 550 units from 500 units.",
                rate="10%",
                new="550",
                old="500",
            ),
        ),
    ),
    ClaimPattern(
        "level-rate-from",
        "growth",
        "< new:V ~ , O? _ DIR:D _ rate:PQ _ FK _ old:V",
        "X, up/down N% from Y (or against, compared with Y); X, or up N% from Y",
        (
            _m(
                "Coal output was 210.5 mln short tons, down 6.6 pct from 225.3 mln.",
                rate="6.6 pct",
                new="210.5 mln",
                old="225.3 mln",
            ),
            _m(
                "Exports reached $5.5 billion in May, up 10% from $5.0 billion in May 2024.",
                rate="10%",
                new="$5.5 billion",
                old="$5.0 billion",
            ),
            _m(
                "The mill shipped 4.40 mln tonnes, or down 12 pct from 5.0 mln tonnes in 2022.",
                rate="12 pct",
                new="4.40 mln",
                old="5.0 mln",
            ),
        ),
        (
            "Machinery earned $9.42 billion, up 18.3% from a year earlier, and textiles $6.05 billion.",
        ),
    ),
    ClaimPattern(
        "level-rate-noun-from",
        "growth",
        "< new:V ~ , ^ rate:PQ DIR:D - FKn . old:V",
        "X, an N% rise from (over, compared with) Y",
        (
            _m(
                "Mills crushed 8.42 mln tonnes of cane in 2023, a 4.1 percent increase from "
                "8.09 mln tonnes a year before.",
                rate="4.1 percent",
                new="8.42 mln",
                old="8.09 mln",
            ),
            _m(
                "Passenger numbers reached 512.3 mln, a two pct rise over the 502.1 mln of 2022.",
                rate="two pct",
                new="512.3 mln",
                old="502.1 mln",
            ),
        ),
        (
            "Orders were 61.0 mln, against 58.0 mln in May, a 5 pct rise from 58.1 mln.",
            "The unit lost 3.1 mln dlrs, a 40 pct increase on sales of 81.2 mln dlrs.",
        ),
    ),
    ClaimPattern(
        "rate-reaching-vs",
        "growth",
        "DIR:D _ rate:PQ . ,? T? JOIN:w w? T? p? new:V ~ K _ old:V",
        "fell N%, reaching X, compared with Y; grew N%, totalling X, against Y",
        (
            _m(
                "Imports fell by 3.1 percent in May, reaching 40.6 billion riyals, compared "
                "to 41.9 billion riyals in May last year.",
                rate="3.1 percent",
                new="40.6 billion riyals",
                old="41.9 billion riyals",
            ),
            _m(
                "Output grew 8.0% in the year, totalling 5.40 mln tonnes, against 5.00 mln "
                "tonnes in 2023.",
                rate="8.0%",
                new="5.40 mln",
                old="5.00 mln",
            ),
        ),
        (
            "Exports fell by 3.1 percent, imports reached 40.6 billion riyals, compared to "
            "41.9 billion riyals a year before.",
        ),
        joined_by=frozenset(
            """
            reaching reach totalling totaling total amounting amount standing stand hitting
            hit touching touch settling settle
            """.split()  # noqa: SIM905 - a word list reads better as prose
        ),
    ),
    ClaimPattern(
        "value-then-aside-rate-from",
        "growth",
        "DIR:D _ rate:PQ _ FK . old:V",
        "X (up/down N% from Y): the value right before the parenthesis is the one compared",
        (
            _m(
                "Of the total, shipments abroad were $81.2 billion (down 3.7% from $84.3 "
                "billion) and purchases $70.9 billion.",
                rate="3.7%",
                new="$81.2 billion",
                old="$84.3 billion",
            ),
            _m(
                "Sales of wine reached 4.60 mln litres (up 15 pct from 4.00 mln litres in "
                "2023), the board said.",
                rate="15 pct",
                new="4.60 mln",
                old="4.00 mln",
            ),
        ),
        (
            # The value before the parenthesis is no current value of a comparison.
            "Exports rose to $5.2 billion from $4.8 billion (up 8% from $4.8 billion).",
            # Another figure in the parenthesis: whose base is it?
            "Exports were $5.2 billion (up 8% from $4.8 billion and $4.5 billion in 2022).",
            # Words between the value and the parenthesis.
            "Exports were $5.2 billion last month (up 8% from $4.8 billion).",
        ),
        anchored=True,
        new_from="before-aside",
    ),
    ClaimPattern(
        "level-rate-on",
        "growth",
        "< new:V ~ ,? _ DIR:D _ rate:PQ _ n . old:V",
        "X, up N% on/over Y, with nothing but a determiner or a period before Y",
        (
            _m(
                "Exports came to 4.4 billion euros, up 10 pct on the 4.0 billion of 1986.",
                rate="10 pct",
                new="4.4 billion euros",
                old="4.0 billion",
            ),
        ),
        ("The unit earned $5 million, up 4% on sales of $90 million.",),
    ),
    ClaimPattern(
        "level-rate-than",
        "growth",
        "< new:V ~ O? rate:PQ _ CMP:H _ old:V",
        "X ..., N% higher/lower than Y; X, which is N% above Y; N% below the Y recorded in May",
        (
            _m(
                "Exports to Peru were $33.5 billion in April-July, 17.8% higher than $28.4 billion a year earlier.",
                rate="17.8%",
                new="$33.5 billion",
                old="$28.4 billion",
            ),
            _m(
                "Imports came to $2.2 billion, which is 10% above the $2.0 billion recorded in May.",
                rate="10%",
                new="$2.2 billion",
                old="$2.0 billion",
            ),
            _m(
                "The import bill, at $151.5 billion, was 8.7% below the $165.9 billion of a "
                "year earlier.",
                rate="8.7%",
                new="$151.5 billion",
                old="$165.9 billion",
            ),
        ),
        (
            "Rice sales were $3 billion and wheat sales 5% higher than the $2 billion of 2023.",
            "Exports were $151.5 billion, imports were 8.7% below the $165.9 billion of 2023.",
            "Stocks fell to 5.0 mln tonnes, against 4.0 mln a week ago, 20 pct lower than "
            "the 6.25 mln of last year.",
        ),
    ),
    ClaimPattern(
        "level-vs-making-it-than",
        "growth",
        "< new:V ~ , K _ V ~ , JOIN:w rate:PQ _ CMP:H _ old:V",
        "X, against Y last week, making it N% lower than Z: the pronoun points past the aside to X",
        (
            _m(
                "The crop estimate was cut to 3.0 mln tonnes, against 3.2 mln tonnes a "
                "month ago, making it 25 pct lower than the 4.0 mln tonnes of last year.",
                rate="25 pct",
                new="3.0 mln",
                old="4.0 mln",
            ),
        ),
        (
            "Stocks fell to 5.0 mln tonnes, against 4.0 mln a week ago, 20 pct lower than "
            "the 6.25 mln of last year.",
            "Stocks fell to 5.0 mln tonnes, against 4.0 mln a week ago, with imports 20 pct "
            "lower than the 6.25 mln of last year.",
        ),
        evidence="sentence",
        joined_by=frozenset({"making it", "leaving it", "putting it", "taking it"}),
    ),
    ClaimPattern(
        "change-or-rate-than-clause-before",
        "growth",
        "change:V ,? O rate:PQ ,? CMP:H ~ old:V",
        "..., and were A, or N%, higher than Y: the current value is the clause before's",
        (
            _m(
                "Outlays rose to 80.0 billion dlrs in March from 78.0 billion dlrs in "
                "February, and were 5.0 billion dlrs, or 6.7 pct, higher than the March "
                "2023 level of 75.0 billion dlrs.",
                rate="6.7 pct",
                change="5.0 billion dlrs",
                new="80.0 billion dlrs",
                old="75.0 billion dlrs",
            ),
        ),
        (
            "Outlays rose to 80.0 billion dlrs in March, while loans were 5.0 billion dlrs, "
            "or 6.7 pct, higher than the 75.0 billion dlrs of 2023.",
        ),
        evidence="sentence",
        new_from="clause",
    ),
    ClaimPattern(
        "change-or-rate-than",
        "growth",
        "change:V ,? O rate:PQ ,? CMP:H ~ old:V",
        "X were A, or N%, below Y: the change over its base",
        (
            _m(
                "March sales were 3.1 billion dlrs or 0.8 pct below the March 2023 level "
                "of 387.5 billion dlrs.",
                rate="0.8 pct",
                change="3.1 billion dlrs",
                old="387.5 billion dlrs",
            ),
        ),
        (
            "March sales were 3.1 billion dlrs or 0.8 pct of all sales, below the 387.5 "
            "billion dlrs of 2023.",
        ),
    ),
    ClaimPattern(
        "change-or-rate-to",
        "growth",
        "DIR:D _ change:V _ ,? _ O _ rate:PQ ,? ~ T _ new:V",
        "rose A, or N%, to X",
        (
            _m(
                "Exports rose $1.5 billion, or 12%, to $14.0 billion.",
                rate="12%",
                change="$1.5 billion",
                new="$14.0 billion",
            ),
        ),
    ),
    ClaimPattern(
        "change-rate-to",
        "growth",
        "DIR:D _ change:V ,? p? rate:PQ D? ,? T _ new:V",
        "rose A (N%) to X; jumped by A, an N% rise, to X",
        (
            _m(
                "Service credits fell $1,210m (3%) to $39,120m.",
                rate="3%",
                change="$1,210m",
                new="$39,120m",
            ),
            _m(
                "Factory orders jumped by 4.1 billion dlrs, a five pct rise, to 86.0 billion dlrs.",
                rate="five pct",
                change="4.1 billion dlrs",
                new="86.0 billion dlrs",
            ),
        ),
        ("The firm cut 1,200 jobs, 3% of its staff, to 38,800.",),
    ),
    ClaimPattern(
        "rate-or-change-to",
        "growth",
        "DIR:D _ rate:PQ ,? O _ change:V _ ,? ~ T _ new:V",
        "rose N%, or A, to X",
        (
            _m(
                "Imports fell 8%, or $400 million, to $4.6 billion.",
                rate="8%",
                change="$400 million",
                new="$4.6 billion",
            ),
        ),
    ),
    ClaimPattern(
        "level-change-or-rate",
        "growth",
        "< new:V ~ , _ DIR:D _ change:V ,? O _ rate:PQ",
        "X, up A or N%",
        (
            _m(
                "Reserves stood at $52.0 billion, up $2.0 billion or 4%.",
                rate="4%",
                change="$2.0 billion",
                new="$52.0 billion",
            ),
        ),
    ),
    ClaimPattern(
        "level-rate-or-change",
        "growth",
        "< new:V ~ , _ DIR:D _ rate:PQ ,? O _ change:V",
        "X, up N% or A",
        (
            _m(
                "Reserves stood at $52.0 billion, up 4% or $2.0 billion.",
                rate="4%",
                change="$2.0 billion",
                new="$52.0 billion",
            ),
        ),
    ),
    # --- the values first, then the size of the move after a comma ----------------------
    ClaimPattern(
        "from-to-then-points",
        "points",
        "D _ F . old:P ~ T . new:P ~ , ^ DIR:D _ rate:PQ $",
        "a rate moving from one level to another, then the size of the move",
        (
            _m(
                "Asia's share rose from 12% to 15% last year, a rise of 3 percentage points.",
                rate="3 percentage points",
                new="15%",
                old="12%",
            ),
        ),
    ),
    ClaimPattern(
        "to-from-then-points",
        "points",
        "D _ T . new:P ~ F . old:P ~ , ^ DIR:D _ rate:PQ $",
        "a rate moving to one level from another, then the size of the move",
        (
            _m(
                "The load factor slipped to 61.5% from 64.0%, down 2.5 percentage points.",
                rate="2.5 percentage points",
                new="61.5%",
                old="64.0%",
            ),
            _m(
                "Growth of sales slowed to 3.1% in May from 7.4% in April, a deceleration "
                "of 4.3 percentage points.",
                rate="4.3 percentage points",
                new="3.1%",
                old="7.4%",
            ),
        ),
    ),
    ClaimPattern(
        "level-vs-then-rate",
        "growth",
        "< new:V ~ K _ old:V ~ , ^ DIR:D _ rate:PQ $",
        "X as against / compared with Y, a rise of N%",
        (
            _m(
                "Imports were $8.01 billion in July as against $8.3 billion a year ago, a decline of 3.5%.",
                rate="3.5%",
                new="$8.01 billion",
                old="$8.3 billion",
            ),
        ),
    ),
    ClaimPattern(
        "level-vs-then-signed-rate",
        "growth",
        "< new:V ~ K _ old:V , rate:P $",
        "X against / compared with Y, -N% (a rate printed with its sign after the pair)",
        (
            _m(
                "Leading items were tea ($3.03 billion against $3.38 billion, -10.4%) and rice.",
                rate="-10.4%",
                new="$3.03 billion",
                old="$3.38 billion",
            ),
            _m(
                "Exports to Chile were 96.1 mln euros versus 76.5 mln euros, +25.6%.",
                rate="+25.6%",
                new="96.1 mln euros",
                old="76.5 mln euros",
            ),
        ),
        (
            # No sign: a share or a level, not the change between the two.
            "Exports were $3.03 billion against $3.38 billion, 10.4% of the total.",
        ),
        signed=True,
    ),
    ClaimPattern(
        "to-from-then-rate",
        "growth",
        "D _ T _ new:V ~ FK _ old:V ~ , ^ DIR:D _ rate:PQ $",
        "rose to X from Y, an increase of N%",
        (
            _m(
                "Sales climbed to 1,320 cars from 1,200, a gain of 10 pct.",
                rate="10 pct",
                new="1,320",
                old="1,200",
            ),
        ),
    ),
    ClaimPattern(
        "from-to-then-rate",
        "growth",
        "D _ F _ old:V ~ T _ new:V ~ , ^ DIR:D _ rate:PQ $",
        "rose from Y to X, an increase of N%",
        (
            _m(
                "Imports fell from $4.0 billion to $3.0 billion, a drop of 25%.",
                rate="25%",
                new="$3.0 billion",
                old="$4.0 billion",
            ),
        ),
    ),
    # --- one value in another sentence: at most a warning -------------------------------
    ClaimPattern(
        "rate-than-previous",
        "growth",
        "R _ rate:PQ _ CMP:H _ old:V",
        "That was N% more than Y: the new value is the last one of the sentence before",
        (
            _m(
                "Exports were $12.4 billion in March. That was 10.7% more than the $11.2 billion of March 2023.",
                rate="10.7%",
                new="$12.4 billion",
                old="$11.2 billion",
            ),
        ),
        ("Exports were $12.4 billion. Imports were 10.7% more than the $11.2 billion of 2023.",),
        evidence="sentence",
        anchored=True,
        new_from="sentence",
    ),
    ClaimPattern(
        "rate-from-previous",
        "growth",
        "R _ rate:PQ DIR:D F . old:V",
        "This was N% up from Y: the new value is the last one of the sentence before",
        (
            _m(
                "Reserves were 52.5 billion dlrs. This was 5.0 pct up from 50.0 billion in May.",
                rate="5.0 pct",
                new="52.5 billion dlrs",
                old="50.0 billion",
            ),
        ),
        evidence="sentence",
        anchored=True,
        new_from="sentence",
    ),
    ClaimPattern(
        "rate-vs-period-which-previous",
        "growth",
        "R _ DIR:D _ rate:PQ K _ , p w T? . old:V",
        "This figure is down N% compared to 2022, which amounted to Y: the new value is the "
        "last one of the sentence before",
        (
            _m(
                "The surplus reached US$12.40 billion. This figure is down 20.00% compared "
                "to January-June 2023, which amounted to US$15.50 billion.",
                rate="20.00%",
                new="US$12.40 billion",
                old="US$15.50 billion",
            ),
        ),
        (
            "The surplus reached US$12.40 billion. This figure is down 20.00% compared "
            "to 2023, which showed exports of US$15.50 billion.",
        ),
        evidence="sentence",
        anchored=True,
        new_from="sentence",
    ),
    ClaimPattern(
        "level-rate-vs-which",
        "growth",
        "< new:V ~ , _ DIR:D _ rate:PQ K _ , p w T? . old:V",
        "X, down N% compared to 2022, which amounted to Y",
        (
            _m(
                "The surplus reached US$12.40 billion, down 20.00% compared to January-June "
                "2023, which amounted to US$15.50 billion.",
                rate="20.00%",
                new="US$12.40 billion",
                old="US$15.50 billion",
            ),
        ),
    ),
    ClaimPattern(
        "rate-from-previous-clause",
        "growth",
        "_ DIR:D _ rate:PQ _ FK . old:V $",
        "... to X, and were off N% from Y: the new value is the last one of the clause before",
        (
            _m(
                "Orders fell 13.0 pct to 41.4 mln dlrs in May, and were off 2.1 pct from "
                "42.3 mln dlrs in May 1986.",
                rate="2.1 pct",
                new="41.4 mln dlrs",
                old="42.3 mln dlrs",
            ),
        ),
        (
            "Orders were 41.4 mln dlrs; exports rose 2.1 pct from 40.5 mln dlrs to 42.3 mln.",
            "Orders fell to 41.4 mln dlrs, and exports were off 2.1 pct from 42.3 mln dlrs.",
        ),
        evidence="sentence",
        anchored=True,
        new_from="clause",
    ),
    ClaimPattern(
        "rate-up-from-previous-clause",
        "growth",
        "_ rate:PQ DIR:D FK . old:V $",
        "This was N% up from Y and M% up from Z: the new value is the clause before's",
        (
            _m(
                "Deposits were 61.20 billion pesos. This was 2.50 pct up from 59.71 billion "
                "in May and 20.00 pct up from 51.00 billion in June last year.",
                rate="20.00 pct",
                new="61.20 billion pesos",
                old="51.00 billion",
            ),
        ),
        ("Deposits rose 2.50 pct to 61.20 billion, while loans were 8.0 pct up from 9.1 billion.",),
        evidence="sentence",
        anchored=True,
        new_from="clause",
    ),
    ClaimPattern(
        "values-after-rate-clause",
        "growth",
        "_ new:V ~ K _ old:V $",
        "narrowed by N% in the half and stood at X compared with Y: the rate is the clause "
        "before's, which states no value",
        (
            _m(
                "The deficit shrank by 12.50 percent in the first half and stood at $4.20 "
                "billion compared to $4.80 billion a year before.",
                rate="12.50 percent",
                new="$4.20 billion",
                old="$4.80 billion",
            ),
        ),
        (
            "The deficit shrank by 12.50 percent in the first half and imports stood at "
            "$4.20 billion compared to $4.80 billion a year before.",
            "The deficit shrank by 12.50 percent to $4.2 billion and stood at $4.20 billion "
            "compared to $4.80 billion a year before.",
            "The surplus shrank by 12.50 percent in May and stood at $4.20 billion for the "
            "half compared to $4.80 billion a year before.",
        ),
        evidence="sentence",
        anchored=True,
        rate_from="clause",
    ),
    ClaimPattern(
        "rate-than-previous-clause",
        "growth",
        "_ rate:PQ CMP:H . old:V",
        "X was higher than Y but N% more than Z: the new value is the clause before's",
        (
            _m(
                "Turnover was 116.7 billion stg, close to the month before but 130 pct more "
                "than the 50.7 billion of a year before.",
                rate="130 pct",
                new="116.7 billion stg",
                old="50.7 billion",
            ),
        ),
        evidence="sentence",
        anchored=True,
        new_from="clause",
    ),
    ClaimPattern(
        "elided-rate-to-from",
        "growth",
        "rate:PQ ~ T _ new:V ~ FK _ old:V",
        "grew N% to X from Y and M% in the quarter to Z from W: the second clause's verb is "
        "the first's",
        (
            _m(
                "Freight volumes climbed 6.0 pct in June to 2.12 mln tonnes from 2.00 mln and "
                "5 pct over the half year to 12.6 mln tonnes from 12.0 mln.",
                rate="5 pct",
                new="12.6 mln",
                old="12.0 mln",
            ),
        ),
        anchored=True,
        elided=True,
    ),
    # --- the rate first, its values in a clause joined to it: at most a warning ----------
    ClaimPattern(
        "rate-then-to-from",
        "growth",
        "rate:PQ ~ VERB:D - T _ new:V ~ FK _ old:V",
        "a fall of N% ..., as exports contracted to X from Y; up N%, the part which rose "
        "to X from Y",
        (
            _m(
                "There was a decline of 9.50 percent in exports in May over April as exports "
                "slid to $2.001 billion from $2.211 billion.",
                rate="9.50 percent",
                new="$2.001 billion",
                old="$2.211 billion",
            ),
            _m(
                "The one gain, of 1.2 pct, was in pig feed, which rose to 4.21 mln tonnes "
                "from 4.16 mln.",
                rate="1.2 pct",
                new="4.21 mln",
                old="4.16 mln",
            ),
        ),
        (
            "Exports rose 5% in May, imports fell to $3.1 billion from $3.3 billion.",
            "Steel output fell 4.0% as imports rose to $3.1 billion from $2.9 billion.",
        ),
        evidence="sentence",
        joined_by=frozenset({"as", "which", "that", "after", "when", "with"}),
    ),
    ClaimPattern(
        "rate-with-vs",
        "growth",
        "rate:PQ ~ F? ~ , JOIN:w p? new:V _ K _ old:V",
        "fell N% from a year ago, with X ... compared with Y",
        (
            _m(
                "Options volume fell 3.3 pct in May from a year ago, with 1,932,204 contracts "
                "traded compared with 1,998,006 contracts a year earlier.",
                rate="3.3 pct",
                new="1,932,204",
                old="1,998,006",
            ),
        ),
        ("Sales fell 3.3 pct in May, with exports of 1,932,204 tonnes against 1,998,006 tonnes.",),
        evidence="sentence",
        joined_by=frozenset({"with"}),
    ),
    ClaimPattern(
        "rate-at-vs",
        "growth",
        "DIR:D _ rate:PQ ~ , JOIN:w new:V _ K _ old:V",
        "registered a growth of N% over the same month last year, at X against Y",
        (
            _m(
                "Exports registered a growth of 4.0% over the same month last year, at "
                "R182.0 billion against R175.0 billion.",
                rate="4.0%",
                new="R182.0 billion",
                old="R175.0 billion",
            ),
        ),
        (
            "Exports registered a growth of 4.0% over the same month last year, imports at "
            "R182.0 billion against R175.0 billion.",
            "Exports grew 4.0% in May, at a time when imports were R182.0 billion against "
            "R175.0 billion.",
        ),
        evidence="sentence",
        joined_by=frozenset({"at"}),
    ),
    ClaimPattern(
        "rate-at-after",
        "growth",
        "DIR:D _ rate:PQ _ JOIN:w new:V ,? K . old:V",
        "rose N% on the month at X, after Y in June",
        (
            _m(
                "Imports were up 0.7 per cent on the month at $61.24 billion, after $60.81 "
                "billion in June.",
                rate="0.7 per cent",
                new="$61.24 billion",
                old="$60.81 billion",
            ),
        ),
        (
            "Exports rose 4.8% at the end of May at $61.2 billion, after imports of $60.8 "
            "billion in April.",
            "Exports rose 4.8% on the month, with imports at $61.2 billion after $60.8 "
            "billion in June.",
            # What comes "after" is the period before, not the year before.
            "Exports rose 4.5% on the year at $25.8 billion, after $26.1 billion in May.",
        ),
        evidence="sentence",
        joined_by=frozenset({"at"}),
    ),
    # --- a part, its share and the whole (TS303) ---------------------------------------
    ClaimPattern(
        "part-share-of-whole",
        "share",
        "< new:V ~ SHARE:wp UP:D? T? rate:P p _ old:V",
        "X represents / accounted for / is equivalent to N% of (the target of) Y",
        (
            _m(
                "The $1.32 trillion earned in the half represents 88.0% of the annual target "
                "of $1.50 trillion.",
                rate="88.0%",
                new="$1.32 trillion",
                old="$1.50 trillion",
            ),
            _m(
                "Sales to Peru of $12 billion accounted for 24% of total exports of $50 billion.",
                rate="24%",
                new="$12 billion",
                old="$50 billion",
            ),
            _m(
                "Shipments of ore, at $5.4 billion, made up 17.4% of the $31.0 billion total.",
                rate="17.4%",
                new="$5.4 billion",
                old="$31.0 billion",
            ),
        ),
        (
            # The value before the verb is a base of comparison, not the part.
            "Exports rose from $4 billion and represent 20% of the total of $25 billion.",
            # No "of" after the rate: a change, not a share.
            "The $12 billion represents a rise of 20% over the $10 billion of 2023.",
            # Any other verb names no share.
            "The $12 billion lifted 24% of the firms above the $50 billion mark.",
            # Another subject after the comma, or one item's value in the group's.
            "Exports were $5.0 billion, machinery made up 20% of the $25.0 billion total.",
            "Electronics, led by chips worth $3.8 billion, made up 62% of total exports of "
            "$17.3 billion.",
        ),
        evidence="sentence",
    ),
    ClaimPattern(
        "whole-then-part-share",
        "share",
        "p old:V , _ SHARE:wp new:V , O rate:P $",
        "Of total exports of Y, X accounted for Z, or N%",
        (
            _m(
                "Of total exports of $121.9 billion, machinery accounted for $27.8 billion, or "
                "22.8%.",
                rate="22.8%",
                new="$27.8 billion",
                old="$121.9 billion",
            ),
        ),
        (
            # The first value is no total: "of" names another thing.
            "Of the rise of $4.0 billion, machinery accounted for $1.0 billion, or 25%.",
        ),
        evidence="sentence",
    ),
    ClaimPattern(
        "change-to-then-rate",
        "growth",
        "D _ change:V _ T _ new:V ~ , ^ DIR:D _ rate:PQ $",
        "rose A to X, a gain of N%",
        (
            _m(
                "The stock rose 1-1/2 to 11-1/2, a gain of 15.0 pct.",
                rate="15.0 pct",
                change="1-1/2",
                new="11-1/2",
            ),
        ),
    ),
    ClaimPattern(
        "rate-to-from-unsigned",
        "growth",
        "VERB:w rate:PQ T _ new:V ~ FK _ old:V",
        'N% to X from Y after a verb the grammar does not know ("mounted", a misprint): '
        "the rate governs the two values, and with no word of change only its size is judged",
        (
            _m(
                "Freight tonnage roes 12.0 pct to 4,480 from 4,000 a year earlier.",
                rate="12.0 pct",
                new="4,480",
                old="4,000",
            ),
        ),
        (
            "Export growth 12.0 pct to 4,480 from 4,000 a year earlier.",
            "Freight tonnage roes 12.0 pct, to 4,480 from 4,000 a year earlier.",
            "Sales rose 4.1 pct to 1,250 tonnes, and exports 7.7 pct to 930 tonnes from 860 tonnes.",
        ),
        evidence="sentence",
    ),
    ClaimPattern(
        "rate-from-value-before",
        "growth",
        "DIR:D _ rate:PQ _ F _ old:V $",
        "rose N% from Y, the current value being the one the sentence before states for "
        "the same flow, country and period",
        (
            _m(
                "Indonesia's total exports reached $12.6 billion in the first half of 2024. Total "
                "exports rose 8.0 percent year-on-year from $11.7 billion.",
                rate="8.0 percent",
                new="$12.6 billion",
                old="$11.7 billion",
            ),
        ),
        (
            "Indonesia's exports reached $12.6 billion in the first half of 2024. Imports "
            "rose 8.0 percent from $11.7 billion.",
            "Indonesia's exports reached $12.6 billion in June 2024. In the first half of "
            "2024 exports rose 8.0 percent from $11.7 billion.",
            "Exports reached $12.6 billion and $14.1 billion in the first half of 2024. "
            "Exports rose 8.0 percent from $11.7 billion.",
            "Indonesia's exports reached $12.6 billion in the first half of 2024. Exports "
            "rose 8.0 percent from $11.7 billion to $13.0 billion.",
            "Indonesia's exports reached $12.6 billion in the first half of 2024. Exports by "
            "volume rose 3.0 percent from $11.7 billion.",
            "Indonesia's exports in the first half of 2024 were forecast at $12.6 billion. "
            "Exports rose 3.0 percent from $11.7 billion.",
        ),
        evidence="sentence",
        new_from="flow",
    ),
    ClaimPattern(
        "rate-to-series",
        "growth",
        "DIR:D _ rate:PQ ~ T _ new:V",
        "rose N% to X, the base being the same series a year (month, quarter) earlier",
        (
            _m(
                "Exports to Chile were $2.0 billion in 2023. In 2024 they rose 10% to $2.2 billion.",
                rate="10%",
                new="$2.2 billion",
                old="$2.0 billion",
            ),
            _m(
                "Notably, India's exports to Chile rose 10% year-on-year to $2.2 billion in "
                "2024. Indian exports to Chile in 2023 were $2.0 billion.",
                rate="10%",
                new="$2.2 billion",
                old="$2.0 billion",
            ),
        ),
        (
            "Exports to Chile were $2.0 billion in 2022. In 2024 they rose 10% to $2.2 billion.",
            "Exports to Chile were $2.0 billion in 2023 and imports were $1.0 billion in 2023. "
            "In 2024 imports rose 10% to $2.2 billion.",
        ),
        evidence="sentence",
        base="series",
    ),
    ClaimPattern(
        "level-rate-series",
        "growth",
        "< new:V ~ , _ DIR:D _ rate:PQ",
        "X, up N%, the base being the same series a year (month, quarter) earlier",
        (
            _m(
                "In FY24, exports were US$437.1 billion. In FY25, exports were US$441.5 "
                "billion, up 1.0%.",
                rate="1.0%",
                new="US$441.5 billion",
                old="US$437.1 billion",
            ),
        ),
        evidence="sentence",
        base="series",
    ),
    ClaimPattern(
        "rate-then-next-sentence",
        "growth",
        "DIR:D _ rate:PQ",
        "rose N% from a year earlier. X ..., compared with Y: the values are the next "
        "sentence's, the only two it compares",
        (
            _m(
                "Exports climbed 12 percent from a year earlier in the first ten days of "
                "May. Shipments reached $14.0 billion in the May 1-10 period, compared with "
                "$12.5 billion a year ago.",
                rate="12 percent",
                new="$14.0 billion",
                old="$12.5 billion",
            ),
            _m(
                "The price index rose 0.6 pct month-on-month in May. The index fell to 120.1 "
                "in May from 119.4 in April.",
                rate="0.6 pct",
                new="120.1",
                old="119.4",
            ),
            _m(
                "The producer price index rose 0.8 pct month-on-month in March 2024 after "
                "0.2 pct in February 2024. The index stood at 121.0 in March compared with "
                "120.0 in February.",
                rate="0.8 pct",
                new="121.0",
                old="120.0",
            ),
            _m(
                "The deficit narrowed by 16.1 percent in July 2024 over June 2024. The "
                "deficit recorded at $3.80 billion in June 2024 was brought down to $3.19 "
                "billion in July 2024.",
                rate="16.1 percent",
                new="$3.19 billion",
                old="$3.80 billion",
            ),
            _m(
                "Exports jumped 20 pct in 2024 versus 2023, the ministry said. Officials "
                "credited demand from Asia. Exports totalled 1.2 billion dlrs in 2024 "
                "against 1.0 billion dlrs in 2023.",
                rate="20 pct",
                new="1.2 billion dlrs",
                old="1.0 billion dlrs",
            ),
        ),
        (
            "Exports climbed 12 percent in the first ten days of May. Shipments reached "
            "$14.0 billion, compared with $12.5 billion a year ago.",
            "Exports climbed 12 percent from a year earlier. Imports rose 3% to $9.9 billion "
            "from $9.6 billion, and reached $14.0 billion against $12.5 billion.",
            "Exports climbed 12 percent from a year earlier. Imports reached $14.0 billion, "
            "compared with $12.5 billion a year ago.",
            "The seasonally adjusted index rose 0.6 pct from April. The unadjusted index "
            "stood at 120.1 in May compared with 119.4 in April.",
            "Output rose 1.1 pct from May after a fall of 0.3 pct in May. The index fell "
            "to 120.1 in June from 119.4 in May.",
            "The producer price index rose 0.8 pct month-on-month in March 2024 after 0.2 "
            "pct in February 2024. The index stood at 121.5 in April compared with 121.0 "
            "in March.",
            "Exports jumped 20 pct in 2024 versus 2023, the ministry said. Officials "
            "credited demand from Asia. They expect more. Exports totalled 1.2 billion dlrs "
            "in 2024 against 1.0 billion dlrs in 2023.",
            "Credit grew 30.7 pct year-on-year in December. Credit grew to 22.2 billion "
            "dlrs in December from 20.9 billion dlrs in November.",
            "The deficit narrowed by 16.1 percent over June. The deficit of $3.80 billion "
            "was brought down to $3.19 billion.",
            "Exports jumped 9% year on year in May. In April they had reached $18.2 billion, "
            "after $16.7 billion in March.",
            "Farm prices rose 0.7 pct month-on-month in June. Factory prices stood at 131.5 "
            "in June against 128.0 in May.",
            "Exports rose 11 pct from a year earlier in July. Steel exports reached 2.0 "
            "billion dlrs in July, against 1.5 billion a year ago.",
            "Imports rose 7 pct from a year earlier in July. Imports of coal were 3.5 billion "
            "dlrs in July against 2.8 billion a year earlier.",
            "Exports climbed 12 percent from a year earlier in the first ten days of May. For "
            "the month, shipments reached $14.0 billion, compared with $12.5 billion a year ago.",
        ),
        evidence="sentence",
        base="next",
    ),
    # --- multiples (TS103) ------------------------------------------------------------
    ClaimPattern(
        "multiple-to-from",
        "multiple",
        "mult:M ~ T _ new:V ~ FK _ old:V",
        "doubled / tripled / N-fold to X from Y",
        (
            _m(
                "Exports to Chile doubled to $4.4 billion from $2.2 billion.",
                mult="doubled",
                new="$4.4 billion",
                old="$2.2 billion",
            ),
        ),
        (
            # The speed of two changes compared: no value is multiplied.
            "Imports grew twice as fast as exports, to $8.53 billion from $7.98 billion.",
            "Imports rose 6.8%, twice the pace of exports, to $8.03 billion from $7.52 billion.",
        ),
    ),
    ClaimPattern(
        "multiple-from-to",
        "multiple",
        "mult:M ~ F _ old:V ~ T _ new:V",
        "tripled from Y to X",
        (
            _m(
                "Chip imports tripled from $3 billion to $9 billion.",
                mult="tripled",
                new="$9 billion",
                old="$3 billion",
            ),
        ),
    ),
    ClaimPattern(
        "level-multiple",
        "multiple",
        "< new:V ~ , _ mult:M . old:V",
        "X, double (triple) Y",
        (
            _m(
                "The deficit jumped to 2.10 billion dlrs, double March's 1.05 billion.",
                mult="double",
                new="2.10 billion dlrs",
                old="1.05 billion",
            ),
        ),
    ),
    # --- an absolute change and both values (TS104) ------------------------------------
    ClaimPattern(
        "change-to-from",
        "change",
        "DIR:D _ change:V _ T _ new:V ~ F _ old:V",
        "rose A to X from Y",
        (
            _m(
                "Exports rose $1.2 billion to $8.5 billion from $7.3 billion.",
                change="$1.2 billion",
                new="$8.5 billion",
                old="$7.3 billion",
            ),
        ),
        ("The company lost 41 mln dlrs on sales of 930 mln dlrs against 870 mln dlrs.",),
    ),
    ClaimPattern(
        "change-from-to",
        "change",
        "DIR:D _ change:V _ F _ old:V ~ T _ new:V",
        "rose A from Y to X",
        (
            _m(
                "Stocks fell 2.5 mln barrels from 310.0 mln to 307.5 mln.",
                change="2.5 mln",
                new="307.5 mln",
                old="310.0 mln",
            ),
        ),
    ),
    # --- a verb of direction and both values, no rate (TS102) -------------------------
    ClaimPattern(
        "direction-to-from",
        "direction",
        "VERB:D - T . new:VP ~ F . old:VP",
        "rose/fell to X from Y",
        (
            _m(
                "Exports to Brazil fell to $2.31 billion in 2024 from $2.47 billion in 2023.",
                new="$2.31 billion",
                old="$2.47 billion",
            ),
            _m("The load factor fell to 52.1 pct from 56.7 pct.", new="52.1 pct", old="56.7 pct"),
        ),
        ("Exports fell to $2.31 billion while imports came from $2.47 billion of orders.",),
    ),
    ClaimPattern(
        "direction-from-to",
        "direction",
        "VERB:D - F . old:VP ~ T . new:VP",
        "rose/fell from Y to X",
        (
            _m(
                "The surplus widened from $1.2 billion to $1.9 billion.",
                new="$1.9 billion",
                old="$1.2 billion",
            ),
        ),
    ),
)

PATTERNS_BY_ID = {pattern.id: pattern for pattern in PATTERNS}
if len(PATTERNS_BY_ID) != len(PATTERNS):
    raise ValueError("two claim patterns share an id")


# --- the words of the token classes ------------------------------------------------------

# "to" and "from" govern the values; these link a value as the base of a comparison.
# "verses" is how wire copy misspells "versus"; as a word of its own it names no figure.
COMPARED = frozenset({"against", "versus", "verses", "vs", "vs.", "v.", "compared"})
# "after" is a base only right before a value and that value's period: "fell to 254 mln
# after 268 mln in 1985". Anywhere else it is time ("after a 3% rise") or a deduction
# ("after tax of 20 mln").
AFTER = "after"
# After "compared": "compared with", "compared to", swallowed into one token.
COMPARED_NEXT = frozenset({"with", "to"})
SOFT_BASE = frozenset({"on", "over"})
# Comparatives that make "N% ... than Y" a comparison; "above" and "below" need no "than".
COMPARATIVES_UP = frozenset({"higher", "more", "greater", "bigger", "larger", "above"})
COMPARATIVES_DOWN = frozenset({"lower", "less", "smaller", "fewer", "below"})
# Words that may stand between "on"/"over" and the base, or in any gap: determiners and
# words of the period compared with.
BASE_WORDS = frozenset(
    """
    the a an its their his her last this that previous prior preceding same corresponding
    comparable year year's years' month month's quarter quarter's period period's week
    year-earlier year-ago a-year-earlier earlier ago before revised level levels figure
    average record seasonally adjusted annual annualised annualized rate
    total of in during for first second third fourth half fiscal calendar year-to-date ytd
    which
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()  # noqa: SIM905 - a word list reads better as prose
)
# A participle and a pronoun read as one word: "making it 10% lower than Y" points back
# to the clause's own value.
POINTING_PARTICIPLES = frozenset({"making", "leaving", "putting", "taking"})
# Words that open a sentence about the value of the sentence before.
ANAPHORA = frozenset({"that", "this", "it", "which", "the figure", "the total"})
# The words a clause may open with and still have the subject of the clause before
# ("..., and were off 2.1 pct from Y"): verbs of being and adverbs, never a noun, so that
# "..., while loans were 8 pct up from Y" is not taken for the first clause's subject.
ELIDED_OPENERS = frozenset(
    """
    was were is are be been being has have had also then still stood came remained
    reached totalled totaled amounted at to
    """.split()  # noqa: SIM905 - a word list reads better as prose
)
# Words that end a clause for linking: no claim reaches across them.
CLAUSE_BREAKS = frozenset(
    {"and", "while", "whilst", "whereas", "but", "although", "though", "meanwhile", ";"}
)
# Words before a value or a multiple that make it approximate or a bound: a claim on
# such a value is not judged ("more than doubled", "to about 22 mln from about 8.5 mln").
HEDGES = frozenset(
    """
    about around nearly almost some approximately approx roughly estimated over more less
    under fewer least just close
    """.split()  # noqa: SIM905 - a word list reads better as prose
)
# A rate on another basis than the values beside it: "rose 12.7 pct on a comparable-store
# basis to 276.7 mln", "up 3% in real terms", "at constant prices".
OTHER_BASIS = re.compile(
    # An annualised rate ("at an annualised rate of 3.2%", "3.2% annualised"); values "at
    # an annual rate of 1.85 mln" are levels, and a rate of them is a plain one.
    r"(?i)\b(?:annuali[sz]ed|annual)\s+(?:rate|pace)\s+of\s+(?:about\s+)?\d[\d.,]*\s*(?:%|pct|per\s?cent)|"
    r"\bannuali[sz]ed\s+\d[\d.,]*\s*(?:%|pct|per\s?cent)|\d\s*(?:%|pct|per\s?cent)\s+annuali[sz]ed|"
    r"\bon\s+an?\s+(?:comparable|same|like|constant|adjusted|per|daily|underlying|"
    r"organic|volume|real|inflation)[\w-]*(?:\s+[\w-]+)?\s+basis|\b(?:in|by)\s+(?:volume|quantity|"
    r"tonnage)\b|\bin\s+(?:real|volume|"
    r"constant[\w\s-]*|inflation-adjusted|local[-\s]currency|nominal)\s+terms|\bat\s+constant\s+"
    r"(?:prices|exchange\s+rates|currency)|\bsame[-\s]store|\blike[-\s]for[-\s]like|\bcomparable[-\s]store"
)
# A clause about an exchange rate: "the yen rose 0.8 pct to 153.50 from 154.67" quotes yen
# per dollar, so the values move the other way from the currency. Only sizes are judged.
EXCHANGE_RATE = re.compile(
    r"(?i)\b(?:yen|dollar|mark|marks|sterling|pound|franc|francs|rupee|won|peso|lira|yuan|"
    r"ringgit|currency|euro)\b[^.;]{0,40}\b(?:against|versus|to\s+the)\b|\bexchange\s+rate|"
    r"\bper\s+(?:dollar|us\s+dollar|euro|pound)\b|\bto\s+the\s+dollar\b"
)
# Words of change the extraction's list does not hold, as written in wire copy.
EXTRA_CHANGE = {"off": "down", "lowered": "down", "cut": "down", "trimmed": "down", "raised": "up"}
# Nouns that name what a number counts. Two values compare only if they count the same
# thing; any other word after a number ("953 mln previously") says nothing of its unit.
MEASURES = frozenset(
    """
    tonne tonnes ton tons barrel barrels bpd bushel bushels ounce ounces unit units car cars
    vehicle vehicles truck trucks hectare hectares acre acres share shares contract contracts
    mile miles metre metres meter meters kilometre kilometres litre litres gallon gallons lb
    lbs pound pounds kg kilo kilos bale bales head people person persons job jobs worker
    workers passenger passengers visitor visitors tourist tourists house houses home homes
    rig rigs well wells point points bag bags carton cartons container containers teu
    kilowatt megawatt kwh mwh cubic bales seats seat
    """.split()  # noqa: SIM905 - a word list reads better as prose
)
# Two-word words of change, read as one token.
CHANGE_PHRASES = {("negative", "growth"): "down", ("positive", "growth"): "up"}
# Words of change that are never verbs, and the adverbs: "growth to X from Y" is a noun
# phrase, "up to X" a bound. A direction pattern takes only a verb.
NOT_VERBS = frozenset(
    """
    up down higher lower growth rise fall increase decrease decline drop gain loss jump
    contraction expansion reduction slump plunge surge spurt spike rebound dip slide minus
    weaker stronger negative positive contract contracts slowdown deceleration acceleration
    """.split()  # noqa: SIM905 - a word list reads better as prose
)
# "not far from", "away from", "apart from": no base of a comparison.
# The words by which a value is a share of a whole: "X represents N% of Y"; "for" after
# "accounted", "to" after "equivalent" (see the part-share-of-whole pattern).
SHARE_WORDS = frozenset(
    """
    represents represented representing represent constitutes constituted constituting
    constitute equivalent equal amounting amounted amounts amount comprising comprised
    """.split()  # noqa: SIM905 - a word list reads better as prose
)
NOT_FROM = frozenset({"far", "away", "apart", "aside", "as", "effective", "date", "dated"})
