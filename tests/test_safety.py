"""What a careful user of the CLI notices: no silent skip, no crash outside the exit-code
contract, outputs that keep what they replace, limits on what one input can cost."""

from __future__ import annotations

import io
import os
import socket
import threading
import warnings
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradestats import cli
from tradestats.cli import app
from tradestats.models import Claim, Figure
from tradestats.output import OutputError, display, shown_name, write_output
from tradestats.report import write_directory
from tradestats.tables import _cell, figures_frame, to_period

runner = CliRunner()
WRONG = "Exports rose 17.8% to $33.53 billion from $27.57 billion.\n"


def run(*args: str, stdin: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=stdin)


def one_error(result, needle: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("tradestats: error: ") and needle in lines[0], lines[0]


def write(path: Path, text: str = WRONG) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- folders that cannot be read --------------------------------------------------------------


def test_a_folder_that_cannot_be_listed_is_reported_and_the_rest_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As root every folder can be listed, so the refusal the kernel gives other users is
    # simulated here; test_ci runs the real chmod 000 case when not root.
    write(tmp_path / "drafts" / "ok.txt")
    write(tmp_path / "drafts" / "locked" / "hidden.txt")
    real = os.scandir
    locked = str(tmp_path / "drafts" / "locked")

    def scandir(path):  # type: ignore[no-untyped-def]
        if str(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr("tradestats.read.os.scandir", scandir)
    result = run("check", str(tmp_path / "drafts"))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"tradestats: error: {locked}: cannot list this directory (Permission denied);"
        " its files are not checked"
    ]
    assert "ok.txt:1:14: error TS101" in result.stdout


def test_an_unsearchable_folder_as_argument_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    write(locked / "a.txt")
    real_is_file, real_scandir = Path.is_file, os.scandir

    def is_file(self: Path) -> bool:
        if self.parent == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_file(self)

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(Path, "is_file", is_file)
    monkeypatch.setattr("tradestats.read.os.scandir", scandir)
    one_error(run("check", str(locked)), f"{locked}: cannot list this directory")


# --- the contract at the top ------------------------------------------------------------------


def test_any_escaping_exception_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> str:
        raise RuntimeError("boom\nwith a second line")

    monkeypatch.setattr("tradestats.formatters.figures.render", broken)
    result = run("extract", str(write(tmp_path / "a.txt")))
    one_error(result, "internal error (RuntimeError: boom with a second line); please report it")


def test_matplotlib_warnings_stay_off_standard_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tradestats.chart

    original = tradestats.chart.chart

    def noisy(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        warnings.warn("Glyph 8377 missing from font(s) DejaVu Sans.", UserWarning, stacklevel=1)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tradestats.chart, "chart", noisy)
    article = write(
        tmp_path / "a.txt",
        "In July 2025 exports rose 10% to $2.2 billion from $2 billion in July 2024.\n",
    )
    result = run("chart", str(article), "-o", str(tmp_path / "c.png"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_standard_input_is_named_dash_everywhere() -> None:
    result = run("check", "-", "-f", "sarif", stdin=WRONG)
    assert '"uri": "-"' in result.stdout
    result = run("check", "-", stdin=WRONG)
    assert result.stdout.startswith("-:1:14: error TS101")
    one_error(run("check", "-", "--input-format", "docx", stdin=WRONG), "-: not a Word .docx")


def test_a_config_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    (tmp_path / ".tradestats.toml").write_bytes(b'\xef\xbb\xbfdisable = ["TS101"]\n')
    assert run("check", str(write(tmp_path / "a.txt"))).exit_code == 0


def test_file_names_are_shown_on_one_line() -> None:
    assert display("drafts/q3.md") == "drafts/q3.md"
    assert display("two\nlines.md") == '"two\\nlines.md"'
    assert display(os.fsdecode(b"caf\xe9.md")) == '"caf\\xe9.md"'
    assert display('tab\tand "quote"') == '"tab\\tand \\"quote\\""'


# --- outputs ----------------------------------------------------------------------------------


def test_a_link_to_an_output_keeps_the_link(tmp_path: Path) -> None:
    real = write(tmp_path / "real.txt", "old\n")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_output(link, "new\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"
    with pytest.raises(OutputError, match="is an input of this run"):
        write_output(link, "x", inputs=[str(real)])


def test_a_socket_output_is_written_through(tmp_path: Path) -> None:
    address = tmp_path / "s"
    received: list[bytes] = []
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(address))
        server.listen(1)

        def serve() -> None:
            connection, _ = server.accept()
            with connection:
                chunks = []
                while chunk := connection.recv(65536):
                    chunks.append(chunk)
                received.append(b"".join(chunks))

        thread = threading.Thread(target=serve)
        thread.start()
        write_output(address, "figures\n")
        thread.join(10)
    assert received == [b"figures\n"]
    assert address.is_socket()


def test_a_report_folder_holds_one_report(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_directory(
        {"report.html": b"<p>old", "figures.csv": b"old\n", "bars.png": b"png", "trend.png": b"p"},
        out,
    )
    write(out / "notes.txt", "mine\n")
    write_directory({"report.md": b"# new\n", "figures.csv": b"new\n", "trend.png": b"q"}, out)
    assert sorted(p.name for p in out.iterdir()) == [
        "figures.csv",
        "notes.txt",
        "report.md",
        "trend.png",
    ]
    with pytest.raises(OutputError, match="the output folder name is empty"):
        write_directory({"report.md": b""}, "")


# --- numbers and dates the figures table must survive -----------------------------------------


def _figure(start: int, text: str, value: str, unit: str, kind: str = "money") -> Figure:
    return Figure(
        path="a.txt",
        text=text,
        start=start,
        end=start + len(text),
        line=1,
        column=start + 1,
        kind=kind,  # type: ignore[arg-type]
        value=Decimal(value),
        unit=unit,
        printed=value,
        ulp=Decimal(1),
    )


def test_a_growth_of_ten_to_the_26_percent_goes_into_the_table_exactly() -> None:
    stated = _figure(0, "5%", "5", "%", kind="percent")
    new, old = _figure(10, "$1", "1", "USD"), _figure(20, "$2", "2", "USD")
    huge = Decimal("1E+26")
    claim = Claim(
        "growth", "TS101", "inconsistent", stated, (new, old), huge, huge, huge, Decimal(5)
    )
    frame = figures_frame([stated, new, old], [claim])
    assert frame["recomputed_growth"][0] == "100000000000000000000000000.00"
    assert (
        _cell(Decimal("123456789012345678901234567890123")) == "123456789012345678901234567890123"
    )


def test_periods_outside_pandas_years_are_left_empty() -> None:
    assert to_period("0000-12", "0000-12") is None
    assert to_period("2025-07", "2025-07") is not None


# --- what one input may cost ------------------------------------------------------------------


def test_a_word_file_that_inflates_past_the_limit_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b" " * (21 * 1024 * 1024))
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(buffer.getvalue())
    assert bomb.stat().st_size < 100_000
    one_error(run("extract", str(bomb)), "bomb.docx: its XML inflates to 21 MB (limit 20 MB)")


def test_all_skips_a_sentence_too_long_for_quantulum_with_a_warning(tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", "Exports " + "12 x 30 mm by " * 80 + "in July.\n")
    result = run("extract", str(article), "--all")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"tradestats: warning: {article}:1:1: a sentence of 1,136 characters (over 1,000);"
        " its quantities other than money, percent and multiples are not read"
    ]


def test_the_cli_module_keeps_check_start_up_light() -> None:
    # The contract and the option checks live in cli.py; none of them may pull in the
    # heavy libraries that only chart, report and --all need.
    assert not {"pandas", "matplotlib", "quantulum3"} & set(vars(cli))


# --- the HTML main text -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        "<body><main></main><p>{story}</p></body>",
        "<body><textarea><main></textarea><p>{story}</p></body>",
        "<head><title>The <main> element</title></head><body><p>{story}</p></body>",
        "<body><noscript><main></noscript><p>{story}</p></body>",
        "<body><template><article></article></template><p>{story}</p></body>",
    ],
)
def test_a_landmark_that_holds_no_text_leaves_the_story_read(tmp_path: Path, page: str) -> None:
    """The tokenizer sees <main> where a browser shows none; the body is read instead."""
    html = write(tmp_path / "page.html", f"<html>{page.format(story=WRONG.strip())}</html>")
    result = run("check", str(html))
    assert result.exit_code == 1, result.stderr
    assert "TS101" in result.stdout


# --- names in SARIF ---------------------------------------------------------------------------


def test_sarif_names_a_file_by_its_real_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Code scanning finds the file only by its own name, not the quoted form people see."""
    monkeypatch.chdir(tmp_path)
    names = [os.fsdecode(b"caf\xe9.txt"), "two\nlines.txt", '"quoted".txt']
    for name in names:
        write(tmp_path / name)
    result = run("check", *names, "-f", "sarif")
    assert result.exit_code == 1, result.stderr
    uris = {line.strip() for line in result.stdout.splitlines() if '"uri"' in line}
    assert uris == {
        '"uri": "caf%E9.txt",',
        '"uri": "two%0Alines.txt",',
        '"uri": "%22quoted%22.txt",',
    }


def test_a_shown_name_reads_back_as_the_name() -> None:
    names = ["a.md", os.fsdecode(b"caf\xe9.md"), "two\nlines", '"q".md', "\x85", "back\\slash"]
    assert [shown_name(display(name)) for name in names] == names
    assert display("\x85") == '"\\u0085"'


# --- usage errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["extract", "a.txt", "--date"],
            "Option '--date' requires an argument. (see 'tradestats extract --help')",
        ),
        (
            ["report", "a.txt", "--output-dir"],
            "requires an argument. (see 'tradestats report --help')",
        ),
        (["extract", "a.txt", "-f", "xml"], "--format: unknown format 'xml'; choose one of table"),
        (["report", "a.txt", "--output-dir", "r", "-f", "pdf"], "--format: unknown format 'pdf'"),
        (["chart", "a.txt", "-o", "c.png", "--kind", "pie"], "--kind: unknown chart kind 'pie'"),
        (["chart", "a.txt", "-o", "c.png", "--flow", "tourism"], "--flow: unknown flow 'tourism'"),
    ],
)
def test_a_usage_error_names_the_option_and_its_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], said: str
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt")
    one_error(run(*args), said)


# --- directives -------------------------------------------------------------------------------


def test_an_unclosed_directive_in_markdown_leaves_the_rest_of_the_file_checked(
    tmp_path: Path,
) -> None:
    """Markdown reads all after an unclosed <!-- as a comment; the warning says only the
    directive is ignored, so the text after it must still be checked."""
    note = write(tmp_path / "note.md", f"<!-- TRADESTATS-DISABLE-NEXT-LINE TS101\n{WRONG}")
    result = run("check", str(note))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{note}:2:14: error TS101")
    assert result.stderr == (
        f"tradestats: warning: {note}: line 1: tradestats directive"
        " 'TRADESTATS-DISABLE-NEXT-LINE' is not closed with -->; it is ignored\n"
    )


def test_flags_that_leave_no_rule_are_named_not_the_config_file(tmp_path: Path) -> None:
    (tmp_path / ".tradestats.toml").write_text('enable = ["TS101"]\n', encoding="utf-8")
    article = str(write(tmp_path / "a.txt"))
    one_error(run("check", article, "--disable", "TS101"), "error: --disable: no rule left to run")
    one_error(
        run("check", article, "--enable", "TS102", "--disable", "TS102"),
        "error: --enable/--disable: no rule left to run",
    )


def test_eight_files_on_two_jobs_with_one_unreadable_is_one_line_and_the_rest_checked(
    tmp_path: Path,
) -> None:
    files = [str(write(tmp_path / f"a{index}.txt")) for index in range(9)]
    (tmp_path / "a4.txt").write_bytes(b"\x00binary")
    result = run("check", *files, "-j", "2")
    one_error(result, "a4.txt: binary file (contains NUL bytes), not text")
    assert result.stdout.count("error TS101") == 8


def test_outputs_that_are_folders_or_files_of_the_wrong_kind_are_one_line(
    tmp_path: Path,
) -> None:
    article = str(write(tmp_path / "a.txt"))
    (tmp_path / "folder").mkdir()
    one_error(run("extract", article, "-o", str(tmp_path / "folder")), "folder: is a directory")
    one_error(
        run("report", article, "--output-dir", article), "a.txt: exists and is not a directory"
    )


@pytest.mark.skipif(not hasattr(os, "pipe"), reason="needs pipes")
def test_a_pipe_is_read_to_its_end_or_to_the_limit_whatever_its_writer_pauses() -> None:
    from tradestats.read import read_patiently

    read_end, write_end = os.pipe()

    def writer() -> None:
        os.write(write_end, b"Exports rose ")
        threading.Event().wait(0.3)  # longer than one slice of the reader's wait
        os.write(write_end, b"5% to $10 bn.")
        os.close(write_end)

    thread = threading.Thread(target=writer)
    thread.start()
    with os.fdopen(read_end, "rb") as handle:
        assert read_patiently(handle, 1000) == b"Exports rose 5% to $10 bn."
    thread.join()

    read_end, write_end = os.pipe()
    os.write(write_end, b"x" * 50)
    with os.fdopen(read_end, "rb") as handle:
        assert read_patiently(handle, 20) == b"x" * 20  # the writer is still there
    os.close(write_end)
    assert read_patiently(io.BytesIO(b"in memory"), 4) == b"in m"
