"""`check` on the India-US exports article: the one wrong rate, and nothing else."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import FIXTURES
from tradestats.check import check_document
from tradestats.config import Config
from tradestats.models import Document

PATH = FIXTURES / "articles" / "india-us-exports-fy26.txt"


def _result():
    text = PATH.read_text(encoding="utf-8")
    return check_document(Document(text, "india-us-exports-fy26.txt"), Config())


def test_the_17_8_percent_claim_is_flagged_with_the_recomputed_rate_and_range() -> None:
    result = _result()
    (finding,) = result.findings
    assert (finding.rule, finding.severity, finding.line, finding.column) == (
        "TS101",
        "error",
        7,
        137,
    )
    assert (finding.stated, finding.expected) == ("17.8%", "+21.6%")
    assert (finding.expected_low, finding.expected_high) == ("21.58%", "21.66%")
    assert finding.message == (
        "growth: stated 17.8% but $33.53 billion vs $27.57 billion is +21.6% (21.58% to 21.66% "
        "given the rounding of both values; tolerance ±0.05 points) [linked by level-rate-than]"
    )
    assert (finding.claim.pattern, finding.claim.evidence) == ("level-rate-than", "clause")
    claim = finding.claim
    assert [f.value for f in claim.inputs] == [Decimal(33530000000), Decimal(27570000000)]
    assert round(claim.expected, 4) == Decimal("21.6177")


def test_july_and_china_comparisons_are_computed_for_information_only() -> None:
    comparisons = [c for c in _result().claims if c.kind == "comparison"]
    assert [(c.verdict, [f.text for f in c.inputs]) for c in comparisons] == [
        ("information", ["$8.01 billion", "$8.3 billion"]),
        ("information", ["$5.76 billion", "$4.8 billion"]),
    ]
    assert [round(c.expected, 2) for c in comparisons] == [Decimal("-3.49"), Decimal("20.00")]


def test_tariffs_and_the_85_and_90_percent_raise_nothing() -> None:
    result = _result()
    flagged = {
        c.stated.text for c in result.claims if c.stated is not None and c.verdict != "information"
    }
    assert flagged == {"17.8%"}
    doubling = [c for c in result.claims if c.kind == "multiple"]
    assert [(c.verdict, c.expected) for c in doubling] == [("information", Decimal(50))]
