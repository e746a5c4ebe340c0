"""The checks tradestats runs, each with a stable id, a default severity and user docs.

A rule's docstring-like fields (``summary``, ``wrong``, ``right``) are what `tradestats
rules`, the SARIF rule table and the README show; the arithmetic lives in
``tradestats.check``, which judges a claim and names the rule that judged it.
"""

from __future__ import annotations

from dataclasses import dataclass

from tradestats.models import Severity


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    name: str  # dotted, for humans and config: growth.rate
    severity: Severity
    summary: str
    wrong: str
    right: str

    def __post_init__(self) -> None:
        if not (self.id.startswith("TS") and self.id[2:].isdigit() and len(self.id) == 5):
            raise ValueError(f"rule id {self.id!r} is not of the form TS123")


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule(
            "TS101",
            "growth.rate",
            "error",
            "A stated growth rate must match the values it compares, given the rounding of "
            "every printed number: $33.53 billion stands for 33.525 to 33.535 billion.",
            "Exports rose 17.8% to $33.53 billion from $27.57 billion.",
            "Exports rose 21.6% to $33.53 billion from $27.57 billion.",
        ),
        Rule(
            "TS102",
            "growth.direction",
            "error",
            "Words of direction (rose, higher, widened; fell, lower, narrowed) must agree "
            "with the values: a deficit that widened grows in magnitude.",
            "Imports rose 4% to $9.6 billion from $10 billion.",
            "Imports fell 4% to $9.6 billion from $10 billion.",
        ),
        Rule(
            "TS103",
            "growth.multiple",
            "error",
            "Doubled, tripled, halved, two-fold and N times must match the ratio of the "
            "values they describe, within 5% of the multiple.",
            "Exports doubled to $3.1 billion from $2.2 billion.",
            "Exports rose 41% to $3.1 billion from $2.2 billion.",
        ),
        Rule(
            "TS104",
            "growth.change",
            "error",
            "An absolute change stated beside both values must equal their difference.",
            "Exports rose $1.2 billion to $8.5 billion from $7.6 billion.",
            "Exports rose $0.9 billion to $8.5 billion from $7.6 billion.",
        ),
        Rule(
            "TS105",
            "growth.truncated",
            "warning",
            "A stated rate that misses the values by less than one unit of its own last "
            "digit was most likely cut off rather than rounded: 15.5% where the values give "
            "15.55% to 15.80%. Worth a look, but not wrong by as much as a misstated rate.",
            "Sales rose 15.5% to $1,388.0 million from $1,201.0 million.",
            "Sales rose 15.6% to $1,388.0 million from $1,201.0 million.",
        ),
        Rule(
            "TS201",
            "rate.points",
            "warning",
            "A change between two rates or shares is stated in percentage points, or as a "
            "relative change in percent; the two must not be confused.",
            "The share of exports rose from 12% to 15%, up 3%.",
            "The share of exports rose from 12% to 15%, up 3 percentage points.",
        ),
        Rule(
            "TS301",
            "identity.balance",
            "error",
            "When exports, imports and the balance are all stated for the same reporter, "
            "partner and period, the balance must equal exports minus imports (a deficit is "
            "imports minus exports).",
            "Exports were $20 billion and imports $26 billion, a deficit of $5 billion.",
            "Exports were $20 billion and imports $26 billion, a deficit of $6 billion.",
        ),
        Rule(
            "TS303",
            "identity.share",
            "error",
            "A stated share must match the part and the total it relates, when both are "
            "stated in the sentence for the same flow and period.",
            "Exports to the US were $10.2 billion, 30% of total exports of $40 billion.",
            "Exports to the US were $10.2 billion, 25.5% of total exports of $40 billion.",
        ),
        Rule(
            "TS302",
            "identity.total",
            "error",
            "When exports, imports and total trade are all stated for the same reporter, "
            "partner and period, total trade must equal exports plus imports.",
            "Exports of $20 billion and imports of $26 billion made total trade of $48 billion.",
            "Exports of $20 billion and imports of $26 billion made total trade of $46 billion.",
        ),
        Rule(
            "TS401",
            "documents.disagreement",
            "info",
            "Documents that state the same figure (flow, reporter, partner, period and "
            "currency) should agree within the rounding of what they print (a gap under one "
            "unit of the coarser figure's last digit is taken for a cut-off figure). Checked "
            "across the documents of one run. Reported as info by default: two documents do "
            "not say which of them is right, and a later release revising a figure is not "
            'an error; raise it (`TS401 = "warning"` under `[severity]`) for a set of releases.',
            "January release: exports to the US were $8.44 billion in January 2025. "
            "February release: exports to the US were $8.54 billion in January 2025.",
            "January release: exports to the US were $8.44 billion in January 2025. "
            "February release: exports to the US were $8.44 billion in January 2025.",
        ),
    )
}
