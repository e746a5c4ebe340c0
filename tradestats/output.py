"""Write outputs: regular files whole or not at all, special files straight through.

A regular file is written beside itself and renamed into place, so a crash, a full disk
or a cancelled CI job leaves the old file or the new one. Renaming over a device, a FIFO
or a socket would replace it with a plain file (as root, ``-o /dev/null`` used to turn
``/dev/null`` into one), so those are opened and written like a shell redirection does.

Temporary files and folders are registered while they exist; the CLI removes whatever is
left when a signal stops the run, and signals are held while one is being created or
removed, so that none is ever left behind half-registered.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

# Standard streams by the names shells and CI scripts use for them.
_STREAM = re.compile(
    r"^(?:/dev/std(?P<name>out|err)|/dev/fd/(?P<fd>\d+)|/proc/self/fd/(?P<pfd>\d+))$"
)
_HELD = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
_pending: set[Path] = set()


class OutputError(Exception):
    """An output that cannot be written; the message is one line naming it."""


@contextmanager
def signals_held() -> Iterator[None]:
    """Delay SIGINT, SIGTERM and SIGHUP until the block is done.

    Only around the few calls that create or remove a temporary file, so that a signal
    cannot fall between making it and registering it (or removing it and forgetting it).
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def register_temporary(path: Path) -> None:
    """Note a temporary file or folder that ``remove_temporaries`` must remove."""
    _pending.add(path)


def forget_temporary(path: Path) -> None:
    _pending.discard(path)


def remove_temporaries() -> None:
    """Remove every temporary file and folder still registered (after a signal)."""
    import shutil

    with signals_held():
        for path in list(_pending):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            _pending.discard(path)


def display(path: str | Path) -> str:
    """A file name as one line of valid text: the name itself when it is printable,
    else quoted with C escapes as git shows it (``"a\\nb.txt"``, ``"caf\\xe9.txt"``).

    A newline in a name would break ``path:line:col:`` lines, and bytes that are not
    UTF-8 (kept by Python as lone surrogates) cannot be written to a UTF-8 output.
    """
    name = str(path)
    # A name that itself starts with a quote is quoted too, so that ``shown_name`` can
    # always tell a quoted form from a plain one.
    plain = name.isprintable() and not name.startswith('"')
    if plain and not any(0xDC80 <= ord(c) <= 0xDCFF for c in name):
        return name
    parts = []
    for char in name:
        code = ord(char)
        if char in '\\"':
            parts.append("\\" + char)
        elif char == "\n":
            parts.append("\\n")
        elif char == "\t":
            parts.append("\\t")
        elif char == "\r":
            parts.append("\\r")
        elif 0xDC80 <= code <= 0xDCFF:
            parts.append(f"\\x{code - 0xDC00:02x}")
        elif char.isprintable() or char == " ":
            parts.append(char)
        elif code < 0x80:  # \x80 and up stand for bytes that are not UTF-8
            parts.append(f"\\x{code:02x}")
        else:
            parts.append(f"\\u{code:04x}")
    return '"' + "".join(parts) + '"'


_ESCAPE = re.compile(r"\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|(.))", re.DOTALL)
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r"}


def shown_name(shown: str) -> str:
    """The file name ``display`` showed, back as Python holds it (bytes that are not
    UTF-8 as lone surrogates): SARIF needs the real name to percent-encode its bytes."""
    if not (len(shown) >= 2 and shown.startswith('"') and shown.endswith('"')):
        return shown

    def one(match: re.Match[str]) -> str:
        byte, code, char = match.groups()
        if byte is not None:
            value = int(byte, 16)
            return chr(0xDC00 + value) if value >= 0x80 else chr(value)
        if code is not None:
            return chr(int(code, 16))
        return _SIMPLE.get(char, char)

    return _ESCAPE.sub(one, shown[1:-1])


def refuse_inputs(targets: Iterable[str | Path], inputs: Iterable[str]) -> None:
    """Refuse to write over a file the run reads: inputs are never modified."""
    read = set()
    for name in inputs:
        try:
            read.add(Path(name).resolve())
        except (OSError, RuntimeError):
            continue
    for target in targets:
        if Path(target).resolve() in read:
            raise OutputError(
                f"{display(target)}: is an input of this run; write the output elsewhere"
            )


def _mode_for(target: Path) -> int:
    """The mode the output should have: the replaced file's, else what umask allows."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _cannot(target: str | Path, error: OSError) -> OutputError:
    return OutputError(f"{display(target)}: cannot write ({error.strerror or error})")


def stream_of(name: str) -> int | None:
    """The file descriptor ``-o`` names when it is standard output or error."""
    if name == "-":
        return 1
    match = _STREAM.match(name)
    if match is None:
        return None
    if match.group("name"):
        return 1 if match.group("name") == "out" else 2
    return int(match.group("fd") or match.group("pfd"))


def write_output(path: str | Path, data: str | bytes, inputs: Iterable[str] = ()) -> None:
    """Write ``data`` to ``path``: ``-`` and /dev/stdout are standard output, a device,
    FIFO or socket is written straight through, a regular file whole or not at all.

    ``inputs`` are the files the run read, which are never overwritten.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    name = str(path)
    if not name:
        raise OutputError("the output file name is empty (an unset variable?)")
    fd = stream_of(name)
    if fd is not None:
        _write_fd(fd, payload, name)
        return
    try:
        status = os.stat(name)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise _cannot(name, error) from None
    if status is not None and not (stat.S_ISREG(status.st_mode) or stat.S_ISDIR(status.st_mode)):
        _write_special(name, payload, status.st_mode)
        return
    # A link to a regular file: write the file it points at and keep the link.
    target = Path(os.path.realpath(name)) if os.path.islink(name) else Path(name)
    write_atomic(target, payload, inputs=inputs, shown=name)


def _write_fd(fd: int, payload: bytes, name: str) -> None:
    if fd in (1, 2):
        stream = sys.stdout if fd == 1 else sys.stderr
        if stream is not None:
            stream.flush()
    try:
        view = memoryview(payload)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except OSError as error:
        raise _cannot(name, error) from None


def _write_special(name: str, payload: bytes, mode: int) -> None:
    """A character or block device, FIFO or socket: open it as a redirection would.

    A FIFO with no reader blocks until one opens it, as ``> fifo`` does in a shell.
    """
    if stat.S_ISSOCK(mode):
        import socket

        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
                connection.connect(name)
                connection.sendall(payload)
        except OSError as error:
            raise _cannot(name, error) from None
        return
    try:
        fd = os.open(name, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise _cannot(name, error) from None
    try:
        _write_fd(fd, payload, name)
    finally:
        os.close(fd)


def write_atomic(
    path: str | Path, data: str | bytes, inputs: Iterable[str] = (), shown: str | None = None
) -> None:
    """Write a regular file through a temporary file beside it, renamed into place.

    The temporary file is removed on every way out, a signal included: the rename either
    happened or the target is as it was.
    """
    target = Path(path)
    shown = display(shown if shown is not None else target)
    refuse_inputs([target], inputs)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"{shown}: directory {display(directory)} does not exist")
    if target.is_dir():
        raise OutputError(f"{shown}: is a directory")
    with signals_held():
        try:
            fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
        except OSError as error:
            raise OutputError(f"{shown}: cannot write ({error.strerror or error})") from None
        tmp = Path(name)
        register_temporary(tmp)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        # mkstemp makes 0600 files; an output keeps the permissions a user expects.
        os.chmod(tmp, _mode_for(target))
        with signals_held():
            os.replace(tmp, target)
            forget_temporary(tmp)
    except OSError as error:
        raise OutputError(f"{shown}: cannot write ({error.strerror or error})") from None
    finally:
        with signals_held():
            if tmp in _pending:
                tmp.unlink(missing_ok=True)
                forget_temporary(tmp)


def is_special(path: str | Path) -> bool:
    """Whether ``-o`` names a stream, device, FIFO or socket (written straight through)."""
    name = str(path)
    if stream_of(name) is not None:
        return True
    try:
        mode = os.stat(name).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))
