"""The claim linker as a reader would judge it: clauses and asides, severity by evidence,
the explanation, and the shapes of false alarm seen on real wire copy, each as a sentence
written for this suite that must raise nothing."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tradestats.check import check_document
from tradestats.clauses import split_clauses
from tradestats.cli import app
from tradestats.config import Config
from tradestats.extraction import extract_document
from tradestats.models import Document
from tradestats.segment import split_sentences

runner = CliRunner()


def _clauses(text: str) -> list[tuple[str, bool]]:
    document = Document(text)
    sentences = split_sentences(text)
    figures = extract_document(document, sentences=sentences)
    return [
        (text[c.start : c.end], c.aside)
        for i, s in enumerate(sentences)
        for c in split_clauses(document, s, figures, i)
    ]


def _findings(text: str) -> list[tuple[str, str, str]]:
    result = check_document(Document(text, "draft.txt"), Config())
    return [(f.rule, f.severity, f.stated) for f in result.findings]


# --- clauses ---------------------------------------------------------------------------


def test_a_semicolon_while_and_but_end_clauses() -> None:
    text = "Exports rose 5% to $2.1 billion; imports fell while the deficit grew but little."
    assert [c for c, _aside in _clauses(text)] == [
        "Exports rose 5% to $2.1 billion",
        "imports fell",
        "the deficit grew",
        "little",
    ]


def test_parentheses_are_asides_of_their_own() -> None:
    text = "Machinery ($9.4 billion, up 18.3%) and textiles ($6.1 billion, up 12.9%) led."
    clauses = _clauses(text)
    assert ("$9.4 billion, up 18.3%", True) in clauses
    assert ("$6.1 billion, up 12.9%", True) in clauses
    assert clauses[0] == ("Machinery ($9.4 billion, up 18.3%)", False)


def test_a_conversion_in_parentheses_is_never_a_base() -> None:
    text = "Exports rose 5% to $2.0 billion (Rs 16,000 crore) in May."
    assert _findings(text) == []
    claim = check_document(Document(text), Config()).claims[0]
    assert claim.verdict == "unverifiable"


def _verdicts(text: str) -> list[tuple[str, str, str]]:
    claims = check_document(Document(text), Config()).claims
    return [(c.stated.text, c.verdict, c.pattern) for c in claims if c.stated is not None]


def test_a_lone_rate_in_parentheses_after_a_change_is_that_change() -> None:
    assert _verdicts("Service credits fell $1,210m (3%) to $39,120m.") == [
        ("3%", "consistent", "change-rate-to")
    ]
    assert _findings("Service credits fell $1,210m (5%) to $39,120m.") == [("TS101", "error", "5%")]


def test_a_lone_amount_in_parentheses_after_a_period_is_that_periods_value() -> None:
    text = (
        "Exports were EUR 150.2 bn in June 2024, down {}% compared with June 2023 (EUR 153.4 bn)."
    )
    assert _verdicts(text.format("2.1")) == [("2.1%", "consistent", "level-rate-from")]
    assert _findings(text.format("4.1")) == [("TS101", "error", "4.1%")]


def test_a_range_of_values_is_judged_against_a_range_of_rates() -> None:
    text = "The area was 2.0 to 2.2 mln hectares, down {} pct on the 3.14 mln hectares of 2023."
    assert _verdicts(text.format("29.9 to 36.3")) == [
        ("29.9 to 36.3 pct", "consistent", "level-rate-on")
    ]
    assert _findings(text.format("22.0 to 25.0")) == [("TS101", "error", "22.0 to 25.0 pct")]
    written = "Two to 2.2 mln hectares were sown, down 29.9 to 36.3 pct from 3.14 mln hectares."
    assert _verdicts(written) == [("29.9 to 36.3 pct", "consistent", "level-rate-from")]
    between = "Output will be between 4.0 and 4.4 mln tonnes, up 10 to 21 pct from 3.64 mln tonnes."
    assert _verdicts(between) == [("10 to 21 pct", "consistent", "level-rate-from")]


def test_a_unit_printed_once_serves_two_prices() -> None:
    text = "Costs fell 29.1 pct to 3.41 dlrs per barrel from 4.81 dlrs in 2023."
    assert _verdicts(text) == [("29.1 pct", "consistent", "rate-to-from")]
    # A price per unit is still no total: values of other sizes are not compared.
    assert _verdicts("Prices rose 4 pct to 71.40 dlrs per barrel from 5.2 billion dlrs.") == [
        ("4 pct", "unverifiable", "")
    ]


def test_year_to_date_is_a_period_not_a_move() -> None:
    text = (
        "Miles grew 24.1 pct in May to 923.2 mln from 743.8 mln and 18.5 pct year to date "
        "to 1.80 billion from 1.52 billion."
    )
    assert [v for _text, v, _pattern in _verdicts(text)] == ["consistent", "consistent_rounding"]


# --- severity by evidence ---------------------------------------------------------------


def test_one_clause_with_words_of_comparison_is_an_error() -> None:
    assert _findings("Exports rose 17.8% to $33.53 billion from $27.57 billion.") == [
        ("TS101", "error", "17.8%")
    ]


def test_a_value_from_the_sentence_before_gives_at_most_a_warning() -> None:
    text = "Exports were $12.4 billion in March. That was 15% more than the $11.2 billion of 2023."
    assert _findings(text) == [("TS101", "warning", "15%")]


def test_a_rate_cut_off_rather_than_rounded_is_a_truncation_warning() -> None:
    assert _findings("Car sales fell 12.9 pct to 188,156 from 215,793.") == [
        ("TS105", "warning", "12.9 pct")
    ]


def test_a_fall_of_more_than_n_percent_bounds_its_size() -> None:
    assert _findings("Exports fell by more than 30% to $6.96 billion from $10.0 billion.") == []
    assert _findings("Exports fell by more than 40% to $6.96 billion from $10.0 billion.") != []


def test_a_value_about_x_is_judged_with_room_and_at_most_a_warning() -> None:
    # 6.7 / 9.7 is -30.9%; "about 6.7 billion" stands for 6.37 to 7.04 billion.
    assert _findings("Revenue will be about $6.7 billion, down 30% from $9.7 billion.") == []
    assert _findings("Revenue will be about $6.7 billion, down 20% from $9.7 billion.") == [
        ("TS101", "warning", "20%")
    ]


def test_a_value_more_than_x_is_a_bound() -> None:
    # More than 32 mln against 26.4 mln is a rise of more than 21.2%.
    assert (
        _findings("It sees sales of more than 32 mln dlrs, or up 25 pct from 26.4 mln dlrs.") == []
    )
    assert _findings(
        "It sees sales of more than 32 mln dlrs, or up 12 pct from 26.4 mln dlrs."
    ) == [("TS101", "warning", "12 pct")]


def test_two_bounds_leave_nothing_to_judge() -> None:
    text = "Sales rose 5 pct to more than 40 mln dlrs from less than 20 mln dlrs."
    (claim,) = check_document(Document(text, "draft.txt"), Config()).claims
    assert (claim.verdict, claim.note) == (
        "unverifiable",
        "'more than' makes '40 mln dlrs' approximate or a bound",
    )


def test_between_two_names_is_one_subject() -> None:
    text = "Trade between Chile and Peru rose 9% to $2.0 billion, the ministry said."
    assert [c for c, _aside in _clauses(text)] == [text.rstrip(".")]


def test_after_a_value_and_its_period_is_a_base() -> None:
    assert _findings("Net profit rose 10 pct to 44.0 mln francs, after 35.0 mln in 2023.") == [
        ("TS101", "error", "10 pct")
    ]
    assert _findings("Net profit rose 10 pct to 44.0 mln francs, after 35.0 mln in taxes.") == []


def test_a_rate_after_a_verb_of_no_known_direction_is_judged_by_its_size() -> None:
    # 4,480 against 4,000 is 12.0%; the misprinted verb signs nothing.
    assert _findings("Freight tonnage roes 12.0 pct to 4,480 from 4,000 a year earlier.") == []
    assert _findings("Freight tonnage roes 9.0 pct to 4,480 from 4,000 a year earlier.") == [
        ("TS101", "warning", "9.0 pct")
    ]


def test_a_change_in_apposition_is_judged_over_its_base() -> None:
    # 3.1 over 387.5 is 0.80%: the 3.1 billion is the fall, not March's level.
    text = "March sales were 3.1 billion dlrs or {rate} pct below the March 2023 level of 387.5 billion dlrs."
    assert _findings(text.format(rate="0.8")) == []
    assert _findings(text.format(rate="1.2")) == [("TS101", "error", "1.2 pct")]


# --- shapes of false alarm on real text, in sentences of our own -------------------------

QUIET = [
    # parallel list items: each item's change is its own
    "Unit A rose 300 mln dlrs to 41.2 billion dlrs, unit B rose 150 mln to 88.1 billion.",
    "Rice (US$4.1 billion, up 11.2 percent), tea (US$2.2 billion, up 9.9 percent) led.",
    "Sales rose 4.1 pct to 1,250 tonnes, and exports 7.7 pct to 930 tonnes from 860 tonnes.",
    # levels are not changes
    "The group lost 33.5 mln dlrs on 870 mln dlrs in sales.",
    "Net profit 14,000 dlrs vs 280,000 dlrs in the quarter and 61,000 dlrs vs 1,240,000 dlrs.",
    # a label is no rate
    "The 1.5 pct sulphur grade sold at 17.40 dlrs, up 35 cts.",
    # a sub-item against a total, and an unrelated variable
    "Exports rose 6% to $12 billion, with oil exports of $3 billion from $2.9 billion.",
    "GDP grew 2.8% in 2024 against inflation of 4.1%, from 3.2% a year before.",
    # the two bases compared with each other
    "The deficit jumped to 2.40 billion dlrs, double April's 1.20 billion and far above "
    "the 500 mln of a year before.",
    # a rate in dollar terms against values in rupees
    "Exports were Rs 4,000 crore against Rs 3,600 crore, a rise of 4.1% in dollar terms.",
    # a month-on-month rate next to values of a year before
    "Exports rose 1.2 pct in May from April, to $5.0 billion, against $4.1 billion a year earlier.",
    # a hedged value, and a comparable-store rate against totals
    "Sales will rise 150 pct to about 20 mln dlrs from about 8.6 mln dlrs.",
    "Sales rose 9.7 pct on a comparable-store basis to 301.5 mln dlrs from 262.6 mln dlrs.",
    # ranges are not moves, and "up to" is no verb
    "Output is seen at 9.5 to 9.8 mln tonnes, down 20.1 to 22.4 pct on the 12.3 mln tonnes.",
    "Exports so far are up to 10,100,000 tonnes versus 10,600,000 last season.",
    # a noun of change is no verb of direction
    "Export growth was revised to 3.1 pct from 4.2 pct.",
    # an exchange rate quoted the other way round
    "The yen rose 0.9 pct against the dollar to 151.20 from 152.57 yen.",
    # a weekly change next to a value of a year ago
    "The rig count was up 12 to 770, against 1,180 a year ago.",
    # a new subject after the comma takes the rate, not the value before it
    "Exports hit $41.5 billion, with imports 17.8% higher than the $35.1 billion of 2023.",
    "Exports were $41.5 billion, the import bill being 10% above the $35.1 billion forecast.",
    "Rice exports were 5.5 mln tonnes, wheat 12% lower than 4.9 mln tonnes in 2022.",
    "Exports reached $41.5 billion, with imports up 17.8% from $35.1 billion.",
    # a share in parentheses is not of the base that follows the parenthesis
    "Oil exports reached $15.0 billion (60% of total exports of $25.0 billion), against "
    "$14.3 billion a year earlier.",
    # the values of another subject, period or basis after a joining word
    "Prices rose 15% as revenue climbed to $4.4 billion from $4.0 billion.",
    "Imports were up 6% on the year, as the monthly bill rose to $22.0 billion from $20.0 billion.",
    "Exports rose 8% in the month, as the year-to-date total climbed to $110 billion from $100 billion.",
    "Imports rose 6% in June, when oil purchases rose to $8.0 billion from $7.3 billion.",
    "Traffic rose 7% in the month and the annual total stood at 9.6 mln compared with 8.1 mln.",
    "Sales climbed 9% in volume and reached $6.0 billion compared with $5.0 billion.",
    # the next sentence's pair is a part, a price index or another basis
    "Exports climbed 12 percent from a year earlier. Shipments to China reached $14.0 billion, "
    "compared with $12.0 billion a year ago.",
    "The export price index rose 6.0 pct month-on-month in May. Export values reached $14.0 "
    "billion, compared with $13.0 billion in April.",
    # a total's base is no total of this year's exports and imports
    "In January-June 2025 total trade reached $612.0 billion, up 3.0 per cent from $594.2 "
    "billion, of which exports were $330.0 billion and imports $282.0 billion.",
    # a share is the current value's, not its base's
    "Coal exports fell 8.0 per cent to R23.0 billion from R25.0 billion, making up 11.5% of "
    "total exports of R200.0 billion.",
    # a base followed by its own revised figure: which one the change is over is unsaid
    "Exports rose $0.4 billion to $20.0 billion from $19.0 billion in the previous "
    "quarter's revised figure of $19.6 billion.",
    # "this" after a sentence of two subjects could be either
    "Exports reached $50.0 billion, while imports came to $30.0 billion. That was 12% more "
    "than the $27.5 billion of 2022.",
]


@pytest.mark.parametrize("text", QUIET)
def test_shapes_of_false_alarm_raise_nothing(text: str) -> None:
    assert _findings(text) == []


# --- explain ----------------------------------------------------------------------------


def test_explain_shows_the_clause_the_roles_and_the_arithmetic(tmp_path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Exports rose 17.8% to $33.53 billion from $27.57 billion.\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["check", str(draft), "--explain", "1:14"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"{draft}:1:14: growth claim, rule TS101"
    assert "  pattern:  rate-to-from  (DIR:D _ rate:PQ ~ T _ new:V ~ FK _ old:V)" in lines
    assert (
        "  new:      $33.53 billion = 33530000000 USD (stands for 33525000000 to 33535000000)"
        in lines
    )
    assert "  recomputed: 21.6177 (values allow 21.5775 to 21.6579)" in lines
    assert "  verdict:  inconsistent" in lines


def test_explain_says_why_a_rate_was_not_judged(tmp_path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Exports rose 5% to $2.1 billion.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(draft), "--explain", "1:14"])
    assert "  verdict:  unverifiable" in result.stdout
    assert "no claim pattern links it to the values it compares in its clause" in result.stdout
    result = runner.invoke(app, ["check", str(draft), "--explain", "1:2"])
    assert result.stdout == f"{draft}:1:2: no figure here\n"
    result = runner.invoke(app, ["check", str(draft), "--explain", "one"])
    assert result.exit_code == 2


def test_a_point_change_written_in_percent_names_its_exact_difference() -> None:
    result = check_document(
        Document("The bank cut its rate 0.25 pct to 3.25 pct from 3.5 pct.", "draft.txt"), Config()
    )
    assert [(f.rule, f.severity) for f in result.findings] == [("TS201", "warning")]
    assert "the difference in points, -0.25 pp" in result.findings[0].message


def test_over_after_a_rate_is_the_comparison_not_a_bound() -> None:
    # 440.0 over 490.0 is -10.2%: "over" names the base, it bounds nothing.
    text = "Imports totalled 440.0 billion riyals, registering a decline of {rate}% over SR490.0 billion."
    assert _findings(text.format(rate="10.2")) == []
    assert [rule for rule, _severity, _stated in _findings(text.format(rate="17.0"))] == ["TS101"]


def test_a_declined_move_in_points_is_unverifiable_with_its_reason() -> None:
    # A hedged rate among the two a move in points joins: linked, then declined. It used
    # to reach the arithmetic without its rates, and the document was lost.
    text = "The load factor rose 2.5 percentage points to about 61.5% from 59.0%."
    (claim,) = check_document(Document(text), Config()).claims
    assert (claim.kind, claim.rule, claim.verdict) == ("points", "TS201", "unverifiable")
    assert claim.note == "'about' makes '61.5%' approximate or a bound"


@pytest.mark.parametrize("verb", ["picked", "edged", "ticked"])
def test_a_verb_with_the_particle_up_then_to_is_no_bound(verb: str) -> None:
    text = (
        f"Growth {verb} up to 7.5% in June from 5.0% in May, an acceleration of 2.9 "
        "percentage points."
    )
    (claim,) = [c for c in check_document(Document(text), Config()).claims if c.kind == "points"]
    assert (claim.verdict, claim.stated.text) == ("inconsistent", "2.9 percentage points")
    assert claim.expected == 2.5


@pytest.mark.parametrize(
    "text",
    [
        # A change on the year against the month before.
        "Exports fell by $1.7 billion year-on-year to $26.6 billion in July, from $27.9 "
        "billion in June.",
        # A rate on the year against what came "after" the month before.
        "Exports rose 4.5% on the year at $25.8 billion, after $26.1 billion in May.",
        # Two shares of two wholes: the stated whole is the second one's only.
        "Copper exports of $4.3 billion were 55.8% of mining exports and 44.8% of total "
        "exports of $9.6 billion.",
        # "from" and a name: a source, not a base.
        "Imports rose 5.9% to $30.4 billion, with purchases from Asian suppliers of $26.4 billion.",
        # The pace of two changes compared, no value multiplied.
        "Imports rose 6.8%, twice the pace of exports, to $8.03 billion from $7.52 billion.",
        # A rate that was expected, named as a thing, beside the values of what happened.
        "Exports rose 4.3 pct, against a forecast 6.4 pct rise, to 11.02 billion dlrs from "
        "10.57 billion dlrs.",
        # A base that was foreseen or aimed at: no earlier value.
        "Exports rose 3.5% to $43.85 billion in FY2024-25, compared with the government's "
        "target of $44.35 billion.",
        "Exports rose 3.1% year-on-year to 8.23 trillion yen, compared with market "
        "expectations of 8.38 trillion yen.",
        # A rate on the year against a base 'the month before'.
        "Exports rose 5.0 pct year-on-year to 12.02 billion dlrs last month, from a revised "
        "11.73 billion dlrs the month before.",
        # A rate of three months beside the value of one.
        "Exports grew 2.49 per cent in April-June 2025, at USD 37.44 billion in June against "
        "USD 35.87 billion in June 2024.",
        # A base of another flow, or of another country.
        "Exports rose 6.7% to $12.7 billion, against imports of $11.7 billion.",
        "Exports to the EU rose 4.7% to $4.5 billion in the quarter, compared with $4.0 "
        "billion for Thailand.",
        # A rate that names a base period of its own, another than the value's.
        "Exports were USD 37.40 billion in June 2025 compared with USD 39.06 billion in May "
        "2025, a growth of 1.03 per cent over June 2024.",
        # A rate in value beside volumes.
        "Coffee exports in March were 1.23 mln bags against 1.31 mln bags a year earlier, a "
        "decline in value of 13.9 pct.",
        # A base years back, "compared with" the value.
        "Exports rose 4.8% to $308 billion in 2024, compared with $280 billion in 2019.",
        "Exports rose 4.8% to $308 billion last year, compared with $280 billion before the "
        "pandemic.",
        # One item's value inside a group's share.
        "Electronics and machinery, led by chips worth $3.8 billion, made up 62% of total "
        "exports of $17.3 billion.",
        # A rate on the year after two values a month apart.
        "Exports rose to $25.5 billion in June from $25.0 billion in May, an increase of 4.9% "
        "on the year.",
        # The change that came before, or caused this one.
        "Non-oil exports rose after a 11% fall in the pound, to $3.26 billion from $2.93 "
        "billion in the quarter.",
    ],
)
def test_figures_of_another_distance_whole_or_kind_raise_nothing(text: str) -> None:
    assert check_document(Document(text), Config()).findings == ()


def test_an_amount_in_parentheses_after_a_flow_is_that_flows_value() -> None:
    text = "April 2025 exports (€137.2bn) and imports (€129.8bn) left a surplus of €11.3bn."
    (finding,) = check_document(Document(text), Config()).findings
    assert (finding.rule, finding.stated, finding.expected) == (
        "TS301",
        "€11.3bn",
        "EUR 7.4 billion",
    )


@pytest.mark.parametrize(
    "text",
    [
        # A word that judges a change gives it no direction: a cost ratio improves by falling.
        "The cost-to-income ratio improved to 48.2 pct from 51.6 pct.",
        "The trade deficit improved to $2.1 billion from $3.4 billion.",
        # Words of change give a negative figure's size, not its sign.
        "The output gap narrowed to -0.6 pct from -1.4 pct.",
        "The decline accelerated to -3.4% from -1.2%.",
        "The balance rose to -2.4 billion dollars from -3.1 billion.",
    ],
)
def test_judging_words_and_figures_below_zero_raise_nothing(text: str) -> None:
    assert check_document(Document(text), Config()).findings == ()
