"""Markdown: prose, headings, lists and tables are read; code, front matter, URLs and
comments are not; every figure points at itself in the .md source; directives work."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import FIXTURES
from tradestats.cli import app
from tradestats.config import Config
from tradestats.formats.markdown import read_markdown
from tradestats.models import Figure
from tradestats.pipeline import Outcome, Task, process
from tradestats.read import Source

SEED = FIXTURES / "formats" / "india-us-exports-fy26.md"
TABLE = FIXTURES / "formats" / "trade-table.md"


def figures_of(path: Path, config: Config | None = None) -> list[Figure]:
    return list(process(Source(str(path)), Task(config=config)).figures)


def points_at_itself(source: str, figure: Figure) -> bool:
    """The source at the reported line and column starts with the figure as read."""
    return source.split("\n")[figure.line - 1][figure.column - 1 :].startswith(figure.text)


def test_seed_article_figures_at_their_markdown_positions() -> None:
    found = [(f.location, f.text.replace("\u00a0", " ")) for f in figures_of(SEED)]
    assert found == [
        ("8:63", "$33.53 billion"),  # after the ** of the bold
        ("10:14", "17.8%"),  # on the line after the link's target
        ("10:36", "$27.57 billion"),
        ("12:43", "$8.01 billion"),
        ("12:72", "$8.3 billion"),
        ("13:10", "$6.68 billion"),
        ("15:48", "$5.76 billion"),
        ("15:71", "$4.8 billion"),
        ("19:24", "25%"),  # list items
        ("19:79", "25%"),
        ("19:144", "double"),
        ("20:83", "85%"),
        ("20:117", "100%"),
        ("22:73", "90%"),  # block quote
    ]
    source = SEED.read_text(encoding="utf-8")
    assert all(points_at_itself(source, f) for f in figures_of(SEED))


def test_code_front_matter_urls_and_comments_are_not_read() -> None:
    text = read_markdown(SEED.read_text(encoding="utf-8"), "seed.md").text
    for hidden in ("99.9", "44.1", "99.99", "7.3", "12.5", "41.7", "12.4", "editor", "http"):
        assert hidden not in text, hidden
    # The source's line numbers hold in the text, so directives and findings agree.
    assert text.count("\n") == SEED.read_text(encoding="utf-8").count("\n")


def test_headings_lists_and_inline_markup_are_prose() -> None:
    source = (
        "# Exports rose 5% in 2024\n\n* Imports were *$3 billion* in [May 2024](http://x.io/9).\n"
    )
    document = read_markdown(source, "x.md")
    assert document.text.split("\n")[0].rstrip() == "Exports rose 5% in 2024"
    assert document.text.split("\n")[2].rstrip() == "Imports were $3 billion in May 2024."
    assert document.position(document.text.index("$3")) == (3, 17)  # after '* ' and '*'
    assert document.position(document.text.index("May")) == (3, 33)  # after '['


def test_escapes_and_entities_keep_positions() -> None:
    document = read_markdown("Exports \\*rose\\* 5% &amp; imports 6%.\n", "x.md")
    assert document.text.rstrip() == "Exports *rose* 5% & imports 6%."
    assert document.position(document.text.index("5%")) == (1, 18)
    assert document.position(document.text.index("6%")) == (1, 35)


WRONG = "Exports rose 17.8% to $33.53 billion in FY26 from $27.57 billion in FY25.\n"


@pytest.mark.parametrize(
    ("markdown", "findings"),
    [
        (f"# Brief\n\n{WRONG}", 1),
        (f"# Brief\n\n<!-- tradestats-disable-next-line TS101 -->\n{WRONG}", 0),
        (f"# Brief\n\n<!-- tradestats-disable-next-line TS301 -->\n{WRONG}", 1),
        (
            f"<!-- tradestats-disable growth -->\n\n- {WRONG}\n<!-- tradestats-enable growth -->\n",
            0,
        ),
        (
            f"<!-- tradestats-disable growth -->\n\n- x\n\n<!-- tradestats-enable growth -->\n\n{WRONG}",
            1,
        ),
        (
            f"Intro.\n\n```\n<!-- tradestats-disable -->\n```\n\n{WRONG}",
            1,
        ),  # in code: not a directive
    ],
)
def test_check_honours_directives_in_markdown(tmp_path: Path, markdown: str, findings: int) -> None:
    path = tmp_path / "draft.md"
    path.write_text(markdown, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.stdout.count(" TS101 ") == findings
    assert result.exit_code == (1 if findings else 0)


def test_table_cells_take_context_from_header_and_first_column() -> None:
    figures = figures_of(TABLE)
    rows = [
        (f.location, f.text, f.kind, f.flow, f.period_start, f.period_end, f.direction)
        for f in figures
        if f.line == 8
    ]
    assert rows == [
        ("8:28", "US$437.1 billion", "money", "exports", "2023-04", "2024-03", None),
        ("8:43", "3.1%", "percent", "exports", "2023-04", "2024-03", "down"),
        ("8:60", "US$678.2 billion", "money", "imports", "2023-04", "2024-03", None),
        ("8:75", "5.0%", "percent", "imports", "2023-04", "2024-03", "down"),
        ("8:97", "US$-241.1 billion", "money", "balance", "2023-04", "2024-03", None),
    ]
    assert [f.value for f in figures if f.line == 8 and f.kind == "money"] == [
        437_100_000_000,
        678_200_000_000,
        -241_100_000_000,
    ]


def test_table_growth_column_is_checked_row_by_row() -> None:
    result = process(Source(str(TABLE)), Task(config=Config()))
    growth = [
        (c.stated.location, c.stated.text, c.verdict)
        for c in result.claims
        if c.kind == "growth" and c.stated is not None
    ]
    assert growth == [
        ("7:43", "6.9%", "unverifiable"),  # FY22 is not in the table
        ("7:74", "16.8%", "unverifiable"),
        ("8:43", "3.1%", "consistent"),  # 437.1 / 451.1 - 1 = -3.10%
        ("8:75", "5.0%", "consistent"),
        ("9:43", "1.1%", "inconsistent"),  # 437.4 / 437.1 - 1 = +0.07%
        ("9:75", "6.2%", "consistent"),
    ]
    balances = [c.verdict for c in result.claims if c.kind == "balance"]
    assert balances == ["consistent", "consistent", "consistent"]
    assert [(f.rule, f.location) for f in result.findings] == [("TS101", "9:43")]


def test_partner_and_product_tables() -> None:
    source = (
        "Exports in March 2024.\n\n"
        "| Partner | Exports ($ mn) | YoY growth (%) |\n|---|---|---|\n| China | 520.5 | 3.2 |\n"
        "\n| Product | Exports (€ bn) |\n|---|---|\n| Electronics | 7.5 |\n"
    )
    document = read_markdown(source, "x.md")
    lines = [line.rstrip() for line in document.text.split("\n")]
    assert lines[4] == "Exports to China were $520.5 million, up 3.2% year on year."
    assert lines[8] == "Electronics exports were €7.5 billion."
    assert document.position(lines and document.text.index("520.5")) == (5, 11)


def test_empty_and_placeholder_cells_are_skipped() -> None:
    source = "| Year | Exports ($ bn) | Growth (%) |\n|---|---|---|\n| 2023 | 5.0 | – |\n| 2024 | n.a. | 4 |\n"
    lines = [line.rstrip() for line in read_markdown(source, "x.md").text.split("\n")]
    assert lines[2] == "In 2023, exports were $5.0 billion."
    assert lines[3] == "In 2024, exports were up 4%."


def test_nesting_past_what_is_read_is_an_error_naming_the_line() -> None:
    from tradestats.formats import InputError

    within = "".join("  " * level + f"- level {level}\n" for level in range(20))
    assert "level 19" in read_markdown(within + "\nExports rose 5%.\n", "ok.md").text
    deeper = "".join("  " * level + f"- level {level}\n" for level in range(21))
    with pytest.raises(InputError, match=r"^deep\.md:21: lists or block quotes nested too deep"):
        read_markdown(deeper + "\nExports rose 5%.\n", "deep.md")
    with pytest.raises(InputError, match=r"^quotes\.md:1: "):
        read_markdown(">" * 41 + " deep\n\nExports rose 5%.\n", "quotes.md")
    assert "deep" in read_markdown(">" * 40 + " deep\n", "ok.md").text


PERIOD_COLUMNS = """\
Exports by product (C$ billion):

| Product | June 2025 | June 2024 | Change (%) |
|---|---:|---:|---:|
| Passenger cars | 7.52 | 6.16 | +15.1 |
| Energy products | 6.90 | 8.01 | -13.9 |
| Aircraft | 3.85 | 2.97 | +29.6 |
"""


def checked(tmp_path: Path, markdown: str) -> Outcome:
    """``markdown`` checked as a file of its own, as the command line would."""
    path = tmp_path / "table.md"
    path.write_text(markdown, encoding="utf-8")
    return process(Source(str(path)), Task(config=Config()))


def test_a_table_of_two_period_columns_checks_the_change_between_them(tmp_path: Path) -> None:
    outcome = checked(tmp_path, PERIOD_COLUMNS)
    growth = [
        (c.stated.location, c.verdict)
        for c in outcome.claims
        if c.kind == "growth" and c.stated is not None
    ]
    # 7.52 / 6.16 is +22.08%: the first row's change is misstated; the others agree.
    assert growth == [
        ("5:35", "inconsistent"),
        ("6:36", "consistent"),
        ("7:29", "consistent"),
    ]
    (finding,) = outcome.findings
    assert (finding.rule, finding.line, finding.column) == ("TS101", 5, 35)
    assert "7.52 vs 6.16 is +22.1%" in finding.message


def test_a_change_in_points_is_no_change_between_two_periods(tmp_path: Path) -> None:
    # Read as a percent change, 22.5 against 20.1 would be +11.9%, not 2.4: no claim
    # links the two periods at all.
    outcome = checked(
        tmp_path,
        "| Partner share | 2025 | 2024 | Change (pp) |\n|---|---:|---:|---:|\n"
        "| China | 22.5 | 20.1 | +2.4 |\n",
    )
    assert outcome.findings == ()
    assert [c.pattern for c in outcome.claims if c.kind == "growth" and c.pattern] == []


def test_two_periods_of_one_measure_in_the_header(tmp_path: Path) -> None:
    outcome = checked(
        tmp_path,
        "| Product | Exports 2025 | Exports 2024 | Growth (%) |\n|---|---:|---:|---:|\n"
        "| Tea | 5.0 | 4.0 | 25.0 |\n| Rice | 6.0 | 4.0 | 40.0 |\n",
    )
    (finding,) = outcome.findings  # Rice: 6.0 over 4.0 is +50%, not 40%
    assert (finding.rule, finding.line, finding.stated) == ("TS101", 4, "40.0%")


SHARES = """\
| Partner | Exports | Share of total (%) |
|---|---:|---:|
| China | US$12,773 million | 21.8 |
| The US | US$5,133 million | 15.7 |
| Total | US$58,529 million | 100.0 |

| Partner | Exports | Share of world exports (%) |
|---|---:|---:|
| China | US$12,773 million | 3.1 |
| Total | US$58,529 million | 14.0 |
"""


def test_a_share_column_is_checked_against_the_total_row(tmp_path: Path) -> None:
    outcome = checked(tmp_path, SHARES)
    shares = [(c.stated.location, c.verdict) for c in outcome.claims if c.kind == "share"]
    # 12,773 of 58,529 is 21.8%; 5,133 of it is 8.8%, not 15.7%. A share of world
    # exports is of a whole the table does not state: not judged.
    assert shares == [("3:31", "consistent"), ("4:31", "inconsistent")]
    (finding,) = outcome.findings
    assert finding.rule == "TS303" and finding.expected == "8.8%"
