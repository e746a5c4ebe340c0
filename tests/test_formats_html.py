"""HTML: the article's text, without navigation, ads or related links, each figure
located on its line of the HTML source."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tradestats.config import Config
from tradestats.formats import InputError, parse
from tradestats.formats.html import read_html
from tradestats.pipeline import Task, process
from tradestats.read import Source

SEED = FIXTURES / "formats" / "india-us-exports-fy26.html"
TABLE = FIXTURES / "formats" / "trade-table.html"


def test_seed_article_figures_on_their_html_lines() -> None:
    figures = process(Source(str(SEED)), Task()).figures
    assert [(f.location, f.text.replace("\u00a0", " ")) for f in figures] == [
        ("18:76", "$33.53 billion"),  # after "&rsquo;" and before "&nbsp;"
        ("19:67", "17.8%"),
        ("20:9", "$27.57 billion"),
        ("21:52", "$8.01 billion"),
        ("21:81", "$8.3 billion"),
        ("21:106", "$6.68 billion"),
        ("22:57", "$5.76 billion"),
        ("22:80", "$4.8 billion"),
        ("24:31", "25%"),
        ("24:86", "25%"),
        ("24:157", "double"),
        ("25:90", "85%"),
        ("25:124", "100%"),
        ("26:80", "90%"),
    ]
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for figure in figures:
        digits = figure.text.split("\u00a0")[0]
        assert lines[figure.line - 1][figure.column - 1 :].startswith(digits)


def test_navigation_ads_related_and_footer_are_dropped() -> None:
    text = read_html(SEED.read_text(encoding="utf-8"), "seed.html").text
    for boilerplate in (
        "Home",
        "ADVERTISEMENT",
        "40%",
        "ALSO READ",
        "0.2%",
        "Share",
        "Related",
        "12%",
        "15 minutes",
        "12.5",
        "Trade Desk",
    ):
        assert boilerplate not in text, boilerplate
    assert "“will double”" in text  # entities decoded


def test_text_lines_are_source_lines_so_directives_line_up() -> None:
    document = read_html(SEED.read_text(encoding="utf-8"), "seed.html")
    for figure in process(Source(str(SEED)), Task()).figures:
        assert document.text.count("\n", 0, figure.start) + 1 == figure.line


def test_without_main_or_article_the_body_is_read() -> None:
    html = "<html><body><nav>Exports up 9%</nav>\n<div class='sidebar-ad'>Imports 7%</div>\n<p>Exports rose 5% in 2024.</p></body></html>"
    document = read_html(html, "x.html")
    assert document.text.strip() == "Exports rose 5% in 2024."
    assert document.position(document.text.index("5%")) == (3, 17)


def test_blocks_on_one_line_stay_separate_paragraphs() -> None:
    html = "<article><h1>Trade in 2024</h1><p>Exports rose 5% to $3 billion.</p><p>Imports fell 2%.</p></article>"
    document = read_html(html, "x.html")
    assert [line.rstrip() for line in document.text.split("\n") if line.strip()] == [
        "Trade in 2024",
        "Exports rose 5% to $3 billion.",
        "Imports fell 2%.",
    ]
    assert document.position(document.text.index("2%")) == (1, html.index("2%") + 1)


def test_directive_comments_are_kept_other_comments_dropped() -> None:
    html = "<main>\n<!-- note: 12% -->\n<!-- tradestats-disable-next-line TS101 -->\n<p>Exports rose 5%.</p>\n</main>"
    text = read_html(html, "x.html").text
    assert "12%" not in text
    assert text.split("\n")[2] == "<!-- tradestats-disable-next-line TS101 -->  "
    assert text.split("\n")[3].rstrip() == "Exports rose 5%."


def test_table_rows_are_checked_like_the_markdown_table() -> None:
    result = process(Source(str(TABLE)), Task(config=Config()))
    growth = [
        (c.stated.location, c.verdict) for c in result.claims if c.kind == "growth" and c.stated
    ]
    assert growth == [
        ("12:40", "unverifiable"),
        ("12:66", "unverifiable"),
        ("13:41", "consistent"),  # the "3.1" of "<td>-3.1</td>"
        ("13:68", "consistent"),
        ("14:40", "inconsistent"),
        ("14:66", "consistent"),
    ]
    assert [f.location for f in result.findings] == ["14:40"]


def test_declared_latin1_charset_is_honoured() -> None:
    data = "<html><head><meta charset='iso-8859-1'></head><body><p>Exports rose 5% to €3 billion… café</p></body></html>".encode(
        "latin-1", "replace"
    )
    document = parse(data, "old.html", "html")
    assert "Exports rose 5%" in document.text


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Exports 5%</title></head></html>",
        "<html><body>   </body></html>",
        "<html><body><nav>Exports 5%</nav><footer>x</footer></body></html>",
    ],
)
def test_html_without_body_text_is_an_error(html: str) -> None:
    with pytest.raises(InputError, match=r"^x\.html: no text in the HTML body"):
        read_html(html, "x.html")


def test_read_from_file(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text("<p>Exports rose 5%.</p>", encoding="utf-8")
    (figure,) = process(Source(str(path)), Task()).figures
    assert (figure.text, figure.location) == ("5%", "1:17")


def test_main_is_an_element_not_a_word_in_a_script_a_comment_or_prose() -> None:
    page = (
        "<html><body><script>var tpl = '<main role=main>';</script>"
        "<!-- <article> kept for later -->"
        "<p>The &lt;main&gt; tag and role=main are explained here.</p>"
        "<p>Exports rose 5% to $2.1 billion.</p></body></html>"
    )
    text = read_html(page, "page.html").text
    assert "Exports rose 5% to $2.1 billion." in text
    assert "The <main> tag and role=main are explained here." in text


def test_an_unknown_marked_section_is_not_a_crash() -> None:
    text = read_html("<html><body><p>Exports <![word[ x ]]> rose 5%.</p></body></html>", "p")
    assert "rose 5%." in text.text
