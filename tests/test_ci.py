"""The CLI as CI drives it: real child processes, special files, signals, exit codes.

Each test runs ``python -m tradestats`` in a fresh process. A child that must be caught
in the middle of writing is stopped there deterministically: a hook blocks it on a FIFO
that the test opens only when it is ready, so the signal always lands in the same place
(no sleeps, no timing races).
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WRONG = "Exports rose 17.8% to $33.53 billion from $27.57 billion.\n"
TIMEOUT = 60

# Run in the child before the CLI: the first call of the hooked function blocks until the
# test writes to (or closes) the gate FIFO; the test knows the child is there once its own
# non-blocking open of the gate succeeds.
HOOK = """
import os, pathlib, sys
gate, where = os.environ["TS_GATE"], os.environ["TS_BLOCK_AT"]
owner = {"chmod": os, "write_bytes": pathlib.Path}[where]
original = getattr(owner, where)
state = {"blocked": False}
def blocked(*args, **kwargs):
    if not state["blocked"]:
        state["blocked"] = True
        fd = os.open(gate, os.O_RDONLY)
        os.read(fd, 1)
    return original(*args, **kwargs)
setattr(owner, where, blocked)
from tradestats.cli import main
sys.argv = ["tradestats", *sys.argv[1:]]
main()
"""


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **extra}
    env.pop("CI", None)
    return env


def tradestats(
    *args: str, cwd: Path, stdin: int | None = subprocess.DEVNULL, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    env = kwargs.pop("env", None) or _env()
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.run(
        [sys.executable, "-m", "tradestats", *args],
        cwd=cwd,
        env=env,
        stdin=stdin,
        text=True,
        timeout=TIMEOUT,
        **streams,  # type: ignore[arg-type]
    )


def one_error(result: subprocess.CompletedProcess[str], needle: str) -> None:
    """Exit 2 and exactly one line on stderr, saying ``needle``."""
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("tradestats: error: ")
    assert needle in lines[0]
    assert "Traceback" not in result.stderr


def article(tmp_path: Path, name: str = "a.txt", text: str = WRONG) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(".tmp"))


def wait_for_reader(fifo: Path, child: subprocess.Popen[str]) -> int:
    """Open ``fifo`` for writing once the child has opened it for reading."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            if child.poll() is not None:
                raise AssertionError(f"child ended early: {child.communicate()}") from None
            if time.monotonic() > deadline:
                child.kill()
                raise AssertionError("child never reached the gate") from None
            time.sleep(0.005)


# --- special files are written through, never replaced ------------------------------------


def test_dev_null_stays_a_character_device(tmp_path: Path) -> None:
    article(tmp_path)
    for command in (["extract", "a.txt"], ["check", "a.txt", "-f", "sarif"]):
        result = tradestats(*command, "-o", "/dev/null", cwd=tmp_path)
        assert result.returncode in (0, 1), result.stderr
        assert result.stderr == ""
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert leftovers(Path("/dev")) == []


def test_dev_stdout_and_dash_write_to_standard_output(tmp_path: Path) -> None:
    article(tmp_path)
    for target in ("/dev/stdout", "-"):
        result = tradestats("extract", "a.txt", "-f", "csv", "-o", target, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines()[0].startswith("document,text,")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_device_is_an_error_and_stays_a_device(tmp_path: Path) -> None:
    article(tmp_path)
    result = tradestats("extract", "a.txt", "-o", "/dev/full", cwd=tmp_path)
    one_error(result, "/dev/full: cannot write (No space left on device)")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_fifo_gets_the_output_and_stays_a_fifo(tmp_path: Path) -> None:
    article(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = tradestats("extract", "a.txt", "-f", "jsonl", "-o", str(fifo), cwd=tmp_path)
    reader.join(TIMEOUT)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert b'"text": "17.8%"' in received[0]
    assert leftovers(tmp_path) == []


def test_empty_output_names_are_usage_errors(tmp_path: Path) -> None:
    article(tmp_path)
    (tmp_path / "figures.csv").write_text("mine\n", encoding="utf-8")
    result = tradestats("report", "a.txt", "--output-dir", "", cwd=tmp_path)
    one_error(result, "Invalid value for '--output-dir': the folder name is empty")
    result = tradestats("extract", "a.txt", "-o", "", cwd=tmp_path)
    one_error(result, "Invalid value for '--output' / '-o': the file name is empty")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "figures.csv"]
    assert (tmp_path / "figures.csv").read_text(encoding="utf-8") == "mine\n"


# --- signals leave nothing behind ----------------------------------------------------------


def _stopped(
    tmp_path: Path, signum: int, where: str, *args: str
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run the CLI until it blocks in ``where`` while writing, list the temporary files
    it has then, send ``signum`` and return how it ended."""
    gate = tmp_path / "gate"
    os.mkfifo(gate)
    child = subprocess.Popen(
        [sys.executable, "-c", HOOK, *args],
        cwd=tmp_path,
        env=_env(TS_GATE=str(gate), TS_BLOCK_AT=where),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    fd = wait_for_reader(gate, child)
    during = leftovers(tmp_path)
    child.send_signal(signum)
    stdout, stderr = child.communicate(timeout=TIMEOUT)
    os.close(fd)
    return subprocess.CompletedProcess(child.args, child.returncode, stdout, stderr), during


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_while_writing_o_leaves_no_temporary_file(tmp_path: Path, signum: int) -> None:
    article(tmp_path)
    (tmp_path / "out.json").write_text("previous\n", encoding="utf-8")
    done, during = _stopped(
        tmp_path, signum, "chmod", "check", "a.txt", "-f", "json", "-o", "out.json"
    )
    assert len(during) == 1 and during[0].startswith(".out.json.")  # caught mid-write
    assert done.returncode == -signum  # ended by the signal, as the shell expects
    name = signal.Signals(signum).name
    assert done.stderr.splitlines() == [
        f"tradestats: error: interrupted by {name}; no output file was left half-written"
    ]
    assert leftovers(tmp_path) == []
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == "previous\n"


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_while_writing_a_report_leaves_no_staging_folder(
    tmp_path: Path, signum: int
) -> None:
    article(tmp_path)
    done, during = _stopped(
        tmp_path, signum, "write_bytes", "report", "a.txt", "--output-dir", "out"
    )
    assert len(during) == 1 and during[0].startswith(".out.")  # the staging folder
    assert done.returncode == -signum
    assert len(done.stderr.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "gate"]


def test_sigterm_while_reading_a_fifo_input_ends_cleanly(tmp_path: Path) -> None:
    fifo = tmp_path / "input.txt"
    os.mkfifo(fifo)
    child = subprocess.Popen(
        [sys.executable, "-m", "tradestats", "check", str(fifo), "-o", "out.json"],
        cwd=tmp_path,
        env=_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    fd = wait_for_reader(fifo, child)  # the child now waits for the text
    child.send_signal(signal.SIGTERM)
    _, stderr = child.communicate(timeout=TIMEOUT)
    os.close(fd)
    assert child.returncode == -signal.SIGTERM
    assert stderr.splitlines() == [
        "tradestats: error: interrupted by SIGTERM; no output file was left half-written"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input.txt"]


# --- never a silent pass ----------------------------------------------------------------------


def test_a_list_nested_too_deep_is_an_input_error(tmp_path: Path) -> None:
    deep = "".join("  " * level + f"- level {level}\n" for level in range(24))
    article(tmp_path, "deep.md", deep + "\n" + WRONG)
    result = tradestats("check", "deep.md", cwd=tmp_path)
    one_error(result, "deep.md:21: lists or block quotes nested too deep to read")


def test_an_empty_rule_selection_is_a_usage_error(tmp_path: Path) -> None:
    article(tmp_path)
    one_error(tradestats("check", "a.txt", "--enable", "", cwd=tmp_path), "names no rule")
    (tmp_path / ".tradestats.toml").write_text("enable = []\n", encoding="utf-8")
    one_error(tradestats("check", "a.txt", cwd=tmp_path), "no rule left to run")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder; see test_read_safety")
def test_an_unreadable_folder_is_an_input_error(tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    (drafts / "locked").mkdir(parents=True)
    article(drafts, "ok.txt")
    article(drafts / "locked")
    (drafts / "locked").chmod(0)
    try:
        result = tradestats("check", "drafts", cwd=tmp_path)
    finally:
        (drafts / "locked").chmod(0o755)
    assert result.returncode == 2
    assert "drafts/locked: cannot list this directory (Permission denied)" in result.stderr


# --- a crash is 2 and one line, never 1 and a traceback ---------------------------------------


def test_closed_standard_input(tmp_path: Path) -> None:
    result = tradestats("extract", "-", cwd=tmp_path, stdin=None, preexec_fn=lambda: os.close(0))
    one_error(result, "-: standard input is closed")
    for index in range(8):
        article(tmp_path, f"a{index}.txt")
    files = [f"a{index}.txt" for index in range(8)]
    result = tradestats(
        "extract", "-", *files, "-j", "2", cwd=tmp_path, stdin=None, preexec_fn=lambda: os.close(0)
    )
    one_error(result, "-: standard input is closed")
    assert result.stdout.count("17.8%") == 8 * 2  # the figure's value and its text


@pytest.mark.skipif(sys.getfilesystemencoding() != "utf-8", reason="needs a UTF-8 file system")
def test_file_names_that_are_not_utf8_or_hold_a_newline(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(WRONG, encoding="utf-8")
    (tmp_path / "two\nlines.txt").write_text(WRONG, encoding="utf-8")
    result = tradestats("check", ".", "-f", "sarif", "-o", "out.sarif", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    # The file's own bytes, percent-encoded (valid UTF-8), so that code scanning finds it.
    sarif = (tmp_path / "out.sarif").read_text(encoding="utf-8")
    assert '"uri": "caf%E9.txt"' in sarif
    result = tradestats("check", ".", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert lines[0].startswith('"caf\\xe9.txt":1:14: error TS101')
    assert lines[1].startswith('"two\\nlines.txt":1:14: error TS101')


@pytest.mark.parametrize(
    "command", [["extract", "-f", "csv"], ["chart", "-o", "c.png"], ["report", "--output-dir", "r"]]
)
def test_a_date_out_of_range_is_a_usage_error(tmp_path: Path, command: list[str]) -> None:
    article(tmp_path)
    result = tradestats(command[0], "a.txt", *command[1:], "--date", "0001-01", cwd=tmp_path)
    one_error(result, "Invalid value for '--date': '0001-01' is outside 1800 to 2199")


def test_usage_errors_are_one_line_naming_the_option(tmp_path: Path) -> None:
    article(tmp_path)
    one_error(
        tradestats("extract", "a.txt", "--date", "20240101", cwd=tmp_path),
        "Invalid value for '--date': '20240101' is not a date (YYYY-MM-DD)"
        " (see 'tradestats extract --help')",
    )
    one_error(
        tradestats("check", "a.txt", "--extra-tolerance", "1e999999999", cwd=tmp_path),
        "Invalid value for '--extra-tolerance': at most 100 percentage points",
    )
    one_error(
        tradestats("check", "a.txt", "--changed-since", "-h", cwd=tmp_path),
        "Invalid value for '--changed-since': '-h' is not a git ref",
    )
    one_error(tradestats("check", "a.txt", "--nope", cwd=tmp_path), "No such option: --nope")


# --- standard output that refuses the output --------------------------------------------------


@pytest.mark.parametrize("command", [["extract", "a.txt"], ["rules"], ["--help"], ["--version"]])
def test_a_full_or_closed_standard_output_is_exit_2_not_1(
    tmp_path: Path, command: list[str]
) -> None:
    """typer's own answer to a closed pipe is exit 1, the code of findings."""
    article(tmp_path)
    with open("/dev/full", "w") as full:
        result = tradestats(*command, cwd=tmp_path, stdout=full)
    assert result.returncode == 2 and result.stderr == (
        "tradestats: error: cannot write standard output (No space left on device)\n"
    )
    reader, writer = os.pipe()
    os.close(reader)  # the reader has gone before anything is written, as `| true` does
    try:
        result = tradestats(*command, cwd=tmp_path, stdout=writer)
    finally:
        os.close(writer)
    assert result.returncode == 2 and result.stderr == (
        "tradestats: error: standard output was closed before the output was written\n"
    )


def test_a_closed_standard_error_leaves_the_exit_code_to_tell(tmp_path: Path) -> None:
    article(tmp_path, "bad.txt", "\x00binary")
    with open("/dev/full", "w") as full:
        result = tradestats("check", "bad.txt", cwd=tmp_path, stderr=full)
    assert result.returncode == 2


def test_matplotlib_says_nothing_when_it_cannot_make_its_config_folder(tmp_path: Path) -> None:
    """A container's user often has no writable HOME; matplotlib warns of it at import."""
    (tmp_path / "a.txt").write_text(
        "In July 2025 exports rose 10% to $2.2 billion from $2 billion in July 2024.\n",
        encoding="utf-8",
    )
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    env = _env(MPLCONFIGDIR=str(blocked / "mpl"), HOME=str(blocked))
    # report imports the chart module the same way, under the same guard
    result = tradestats("chart", "a.txt", "-o", "c.png", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
