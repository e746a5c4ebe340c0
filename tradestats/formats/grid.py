"""Tables -> one sentence per row that the figure grammar reads like prose.

A table of periods by exports, imports and growth columns states the same facts as
"In FY25, exports were $86.5 billion, up 11.6%; imports were $45.3 billion." Written out
that way, each cell gets its flow, unit and period from the header row and the first
column, and the linker checks each growth cell against the row a year (or a month)
before, as it does for prose. The cell's own characters keep their source positions; the
words around them are anchored at the cell they describe.

The first column names the rows: periods by default, partners when its header says
country, partner, destination or market (then "exports to China"), products when it says
product, commodity, sector or item ("Electronics exports").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tradestats.formats.layout import Run, TextBuilder

_FLOW = re.compile(
    r"(?i)\b(?:exports?|imports?|shipments|trade\s+(?:balance|deficit|surplus)|"
    r"balance|deficit|surplus|trade)\b"
)
_RATE = re.compile(
    r"(?i)growth|change|\by-?o-?y\b|\by/y\b|\bm-?o-?m\b|\bm/m\b|year[- ]on[- ]year|"
    r"month[- ]on[- ]month|\brise\b|\bincrease\b|%\s*ch"
)
_YEAR_ON_YEAR = re.compile(r"(?i)\by-?o-?y\b|\by/y\b|year[- ]on[- ]year|annual")
_MONTH_ON_MONTH = re.compile(r"(?i)\bm-?o-?m\b|\bm/m\b|month[- ]on[- ]month")
_PARTNER = re.compile(r"(?i)country|countries|partner|destination|market|economy|origin")
_PRODUCT = re.compile(r"(?i)product|commodit|sector|item|goods|category|\bhs\b")
_UNIT_NOTE = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]|,\s*(?:in\s+)?([^,]*)$")
_CURRENCY = re.compile(
    r"(?i)US\$|A\$|C\$|S\$|HK\$|\$|€|£|¥|₹|\bRs\b\.?|\bUSD\b|\bEUR\b|\bGBP\b|\bJPY\b|"
    r"\bINR\b|\bCNY\b|\bRMB\b"
)
_SCALES = {
    "bn": "billion",
    "billion": "billion",
    "billions": "billion",
    "mn": "million",
    "mln": "million",
    "million": "million",
    "millions": "million",
    "tn": "trillion",
    "trillion": "trillion",
    "crore": "crore",
    "cr": "crore",
    "lakh": "lakh",
    "thousand": "thousand",
    "'000": "thousand",
}
_SCALE = re.compile(r"(?i)(?<![\w'])(" + "|".join(re.escape(s) for s in _SCALES) + r")(?!\w)")
_NUMBER = re.compile(r"^[+\-−–]?\s*[\d][\d,.\s]*%?$")
_EMPTY = frozenset({"", "-", "–", "—", "..", "...", "…", "n.a.", "na", "n/a", "nil", "x"})


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: its text as runs, and where it starts in the source."""

    runs: tuple[Run, ...]
    line: int
    column: int

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs).strip()

    def anchor(self, text: str) -> Run:
        """Words written for this cell, anchored at its first visible character."""
        runs = self.stripped()
        line, column = (runs[0].line, runs[0].column) if runs else (self.line, self.column)
        return Run(text, line, column, verbatim=False)

    def stripped(self) -> list[Run]:
        """The runs without surrounding white space (cells are padded in the source)."""
        runs = [run for run in self.runs if run.text]
        out: list[Run] = []
        for index, run in enumerate(runs):
            text = run.text
            if index == 0:
                text = text.lstrip()
            if index == len(runs) - 1:
                text = text.rstrip()
            lead = len(run.text) - len(run.text.lstrip()) if index == 0 else 0
            column = run.column + lead if run.verbatim else run.column
            if text:
                out.append(Run(" ".join(text.split()), run.line, column, run.verbatim))
        return out


@dataclass(frozen=True, slots=True)
class Column:
    """What a header says about its column's cells."""

    measure: str  # "exports", "the trade balance", or the header's own words
    flow: str | None
    currency: str | None
    scale: str | None
    percent: bool
    rate: bool
    direction_words: str  # "year on year" when the header says so


def read_header(text: str) -> Column:
    """The measure, flow and unit a header names: "Exports (US$ bn)", "Growth, y/y %"."""
    notes = " ".join(
        next(g for g in m.groups() if g is not None) for m in _UNIT_NOTE.finditer(text)
    )
    name = _UNIT_NOTE.sub("", text).strip() or text.strip()
    currency_match = _CURRENCY.search(text)
    scale_match = _SCALE.search(notes or text)
    flow_match = _FLOW.search(text)
    flow = flow_match.group(0).lower() if flow_match else None
    rate = bool(_RATE.search(text))
    measure = _measure(name, flow, rate)
    words = ""
    if rate and _YEAR_ON_YEAR.search(text):
        words = " year on year"
    elif rate and _MONTH_ON_MONTH.search(text):
        words = " month on month"
    return Column(
        measure=measure,
        flow=flow,
        currency=currency_match.group(0) if currency_match else None,
        scale=_SCALES[scale_match.group(1).lower()] if scale_match else None,
        percent="%" in text or "per cent" in text.lower() or "percent" in text.lower(),
        rate=rate,
        direction_words=words,
    )


def _measure(name: str, flow: str | None, rate: bool) -> str:
    """How the column is named in the row sentence."""
    if rate:
        # "Exports growth" -> "exports"; "Growth" alone is named by the column it follows.
        name = _RATE.sub("", name).strip(" ,-:") if flow else ""
    name = " ".join(name.split())
    lowered = name.lower()
    if lowered in (
        "balance",
        "trade balance",
        "deficit",
        "trade deficit",
        "surplus",
        "trade surplus",
    ):
        return "the trade " + lowered.replace("trade ", "")
    first, _, rest = name.partition(" ")
    if first.lower() in ("exports", "imports", "export", "import", "trade", "shipments", "total"):
        return (first.lower() + " " + rest).strip()
    return name


def _plural(measure: str) -> bool:
    """Whether the measure's head word is plural: "exports to China", not "share of exports"."""
    words = [word for word in measure.lower().split() if word != "the"]
    head = words[0] if words else ""
    return head.endswith("s") and not head.endswith("ss")


def write_table(
    builder: TextBuilder, header: Sequence[Cell], rows: Sequence[tuple[int, Sequence[Cell]]]
) -> None:
    """Each body row as one sentence on its own line (``rows`` hold the line to use)."""
    if not header or not rows:
        return
    columns = [read_header(cell.text) for cell in header]
    label_header = header[0].text
    by_partner = bool(_PARTNER.search(label_header))
    by_product = not by_partner and bool(_PRODUCT.search(label_header))
    # A growth column without a flow of its own belongs to the value column before it.
    owners: list[int | None] = []
    last_value: int | None = None
    for index, column in enumerate(columns):
        if index == 0:
            owners.append(None)
            continue
        if column.rate:
            owner = None
            if column.flow is None or (
                last_value is not None and columns[last_value].flow == column.flow
            ):
                owner = last_value
            owners.append(owner)
        else:
            owners.append(None)
            last_value = index
    compared = _two_periods(header, columns)
    shares = _share_owners(header, columns, owners)
    total = next(
        (cells for _line, cells in rows if cells and _TOTAL_ROW.match(cells[0].text)), None
    )
    for line, cells in rows:
        sentence: list[Run] = []
        if compared is not None:
            sentence, cells = _periods_sentence(compared, columns, cells)
        whole = total if shares and cells is not total else None
        sentence += _row_sentence(columns, owners, cells, by_partner, by_product, shares, whole)
        if sentence:
            builder.block(line)
            builder.extend(sentence)


# A column of shares, and the row that holds the whole they are shares of.
# Only a share of the total ("Share", "Share of total exports (%)", "% of total"): a share
# of world exports or of GDP is of a whole the table does not state.
_SHARE = re.compile(
    r"(?i)^\s*(?:share(?:\s+(?:of|in)\s+(?:the\s+)?total(?:\s+\w+)?)?|%\s+of\s+total"
    r"(?:\s+\w+)?)\s*(?:[(\[][^()\[\]]*[)\]])?\s*$"
)
_TOTAL_ROW = re.compile(r"(?i)\s*(?:total|all\s+\w+|world|grand\s+total)\s*$")


def _share_owners(
    header: Sequence[Cell], columns: Sequence[Column], owners: list[int | None]
) -> dict[int, int]:
    """Share columns -> the value column before each, whose cells they are shares of;
    ``owners`` gets the owner too, so the share is written with its value."""
    found: dict[int, int] = {}
    last_value: int | None = None
    for index, column in enumerate(columns):
        if index == 0:
            continue
        if column.percent and not column.rate and _SHARE.search(header[index].text):
            if last_value is not None:
                found[index] = last_value
                owners[index] = last_value
        elif not column.rate and not column.percent:
            last_value = index
    return found


@dataclass(frozen=True, slots=True)
class _Compared:
    """A table whose value columns are two periods and a change between them: "Product |
    June 2025 | June 2024 | Change (%)". ``new`` and ``old`` are column indexes."""

    new: int
    old: int
    rate: int
    new_period: str
    old_period: str
    measure: str  # what both columns hold, "exports" in "Exports 2025", or ""


def _two_periods(header: Sequence[Cell], columns: Sequence[Column]) -> _Compared | None:
    """The two period columns and the change column of such a table, or None."""
    from tradestats.extraction.periods import DEFAULT_FISCAL_START, stated_periods

    dated: list[tuple[tuple[int, int], int, str, str]] = []
    for index, cell in enumerate(header[1:], start=1):
        if columns[index].rate:
            continue
        text = _UNIT_NOTE.sub("", cell.text).strip()
        found = list(stated_periods(text, 0, len(text), DEFAULT_FISCAL_START))
        if len(found) != 1 or found[0].last is None or not found[0].has_year:
            continue
        # The words beside the period name the measure: "Exports 2025", "2025 exports".
        measure = " ".join((text[: found[0].start] + " " + text[found[0].end :]).split())
        last = found[0].last
        dated.append(((last[0], last[1]), index, found[0].text, measure.lower()))  # type: ignore[arg-type]
    rates = [i for i, column in enumerate(columns) if column.rate and column.percent]
    if len(dated) != 2 or dated[0][0] == dated[1][0] or dated[0][3] != dated[1][3] or not rates:
        return None  # two periods of one measure, and a change in percent
    (_, old, old_text, measure), (_, new, new_text, _) = sorted(dated)
    return _Compared(new, old, rates[0], new_text, old_text, measure)


def _periods_sentence(
    compared: _Compared, columns: Sequence[Column], cells: Sequence[Cell]
) -> tuple[list[Run], list[Cell]]:
    """ "Passenger cars were 7.52 in June 2025, up 15.1% from 6.16 in June 2024.", and the
    row's cells without the three it used, for the rest of the row's sentence."""
    if len(cells) <= max(compared.new, compared.old, compared.rate):
        return [], list(cells)
    new, old, rate = cells[compared.new], cells[compared.old], cells[compared.rate]
    if any(cell.text.lower() in _EMPTY for cell in (new, old, rate)):
        return [], list(cells)
    label = cells[0]
    label_runs = label.stripped()
    named = f"{label.text} {compared.measure}".split()
    last_word = named[-1].lower() if named else ""
    verb = " were " if last_word.endswith("s") and not last_word.endswith("ss") else " was "
    measure = f" {compared.measure}" if compared.measure else ""
    runs = [
        *label_runs,
        label.anchor(measure + verb),
        *_value(columns[compared.new], new),
        new.anchor(f" in {compared.new_period}, "),
        *_rate(columns[compared.rate], rate),
        old.anchor(" from "),
        *_value(columns[compared.old], old),
        old.anchor(f" in {compared.old_period}. "),
    ]
    used = {compared.new, compared.old, compared.rate}
    rest = [Cell((), cell.line, cell.column) if i in used else cell for i, cell in enumerate(cells)]
    return runs, rest


def _row_sentence(
    columns: Sequence[Column],
    owners: Sequence[int | None],
    cells: Sequence[Cell],
    by_partner: bool,
    by_product: bool,
    shares: dict[int, int] | None = None,
    total: Sequence[Cell] | None = None,
) -> list[Run]:
    if not cells:
        return []
    label = cells[0]
    label_runs = label.stripped()
    clauses: list[list[Run]] = []
    width = min(len(columns), len(cells))
    for index in range(1, width):
        column, cell = columns[index], cells[index]
        owner = owners[index]
        if cell.text.lower() in _EMPTY:
            continue
        if (column.rate or (shares and index in shares)) and owner is not None:
            if cells[owner].text.lower() not in _EMPTY:
                continue  # written with the value it belongs to
            # Its value is missing: the growth still stands, named by its value's column.
            column = replace(column, measure=columns[owner].measure, flow=columns[owner].flow)
        verb = " were " if _plural(column.measure) else " was "
        clause = [
            *_name(column, label, label_runs, by_partner, by_product, cell),
            cell.anchor(verb),
        ]
        if column.rate:
            clauses.append(clause + _rate(column, cell))
            continue
        clause += _value(column, cell)
        for other in range(index + 1, width):
            if owners[other] != index or cells[other].text.lower() in _EMPTY:
                continue
            if shares and other in shares:
                clause += _share(columns, index, cells[other], columns[other], total)
            else:
                clause += [cells[other].anchor(", "), *_rate(columns[other], cells[other])]
        clauses.append(clause)
    if not clauses:
        return []
    runs: list[Run] = []
    if not by_partner and not by_product and label_runs:
        runs += [label.anchor("In "), *label_runs, label.anchor(", ")]
    for number, clause in enumerate(clauses):
        if number:
            runs.append(Run("; ", clause[0].line, clause[0].column, verbatim=False))
        runs += clause
    last = runs[-1]
    runs.append(Run(".", last.line, _end(last), verbatim=False))
    first = runs[0]
    if first.text[:1].islower():
        runs[0] = Run(first.text[0].upper() + first.text[1:], first.line, first.column, False)
    return runs


def _share(
    columns: Sequence[Column],
    owner: int,
    cell: Cell,
    column: Column,
    total: Sequence[Cell] | None,
) -> list[Run]:
    """ ", 21.8% of the total of US$58,529 million": a share with the whole the table's
    total row states for its value column (written at the total's cell), or ", a share of
    21.8%" where the table has no total row."""
    runs = [cell.anchor(", "), *_value(column, cell)]
    whole = total[owner] if total is not None and owner < len(total) else None
    if whole is None or whole.text.lower() in _EMPTY:
        return [cell.anchor(", a share of "), *runs[1:]]
    written = "".join(run.text for run in _value(columns[owner], whole))
    return [*runs, cell.anchor(" of the total of "), whole.anchor(written)]


def _end(run: Run) -> int:
    """The source column just after a run."""
    return run.column + (len(run.text) if run.verbatim else 0)


def _name(
    column: Column,
    label: Cell,
    label_runs: list[Run],
    by_partner: bool,
    by_product: bool,
    cell: Cell,
) -> list[Run]:
    """ "exports", "exports to China", "Electronics exports": who and what the cell is."""
    measure = column.measure or "the value"
    if by_partner and label_runs:
        flow = column.flow or ""
        word = (
            " to "
            if flow.startswith(("export", "shipment"))
            else " from "
            if flow.startswith("import")
            else " with "
        )
        return [cell.anchor(measure + word), *label_runs]
    if by_product and label_runs:
        return [*label_runs, label.anchor(" " + measure)]
    return [cell.anchor(measure)]


def _value(column: Column, cell: Cell) -> list[Run]:
    """A cell with the unit its header gives: "86.5" under "(US$ bn)" -> "US$86.5 billion",
    "12.3" under "Share (%)" -> "12.3%"."""
    runs = cell.stripped()
    text = cell.text
    if _NUMBER.match(text) and column.percent and not column.currency and not text.endswith("%"):
        # "Share (%)": 12.3 -> 12.3%
        return [*runs, Run("%", runs[-1].line, _end(runs[-1]), verbatim=False)]
    if not _NUMBER.match(text) or not (column.currency or column.scale):
        return runs
    out: list[Run] = []
    if column.currency:
        sep = " " if column.currency[-1].isalpha() else ""
        out.append(cell.anchor(column.currency + sep))
    out += runs
    if column.scale:
        out.append(Run(" " + column.scale, runs[-1].line, _end(runs[-1]), verbatim=False))
    return out


def _rate(column: Column, cell: Cell) -> list[Run]:
    """ "11.6" -> "up 11.6%", "-3.5" -> "down 3.5%": the sign read as the grammar reads words."""
    runs = cell.stripped()
    if not runs:
        return []
    text = cell.text
    if not _NUMBER.match(text):
        return runs
    first = runs[0]
    word = "up "
    if first.text[:1] in "+-−–":
        word = "up " if first.text[0] == "+" else "down "
        rest = first.text[1:].lstrip()
        skipped = len(first.text) - len(rest)
        runs[0] = Run(
            rest, first.line, first.column + (skipped if first.verbatim else 0), first.verbatim
        )
        runs = [run for run in runs if run.text]
        if not runs:
            return []
    out = [cell.anchor(word), *runs]
    last = runs[-1]
    end = _end(last)
    if not text.endswith("%"):
        out.append(Run("%", last.line, end, verbatim=False))
    if column.direction_words:
        out.append(Run(column.direction_words, last.line, end, verbatim=False))
    return out
