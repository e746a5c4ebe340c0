"""Inputs -> Documents. Every way an input can be unusable ends here as an InputError.

Files are opened read-only and read once; nothing here ever writes.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tradestats.models import Document

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
# Larger inputs are refused rather than read into memory: no trade article or release
# comes near this, and a multi-gigabyte log passed by mistake should fail fast.
MAX_BYTES = 25 * 1024 * 1024


class InputError(Exception):
    """An input that cannot be read as text; the message is one line naming it."""


@dataclass(frozen=True, slots=True)
class Source:
    """A path to read, or ``-`` for standard input."""

    path: str


def expand(paths: Iterable[str]) -> Iterator[Source | InputError]:
    """Paths and directories (recursive, text files only, sorted) in the order given."""
    for raw in paths:
        if raw == "-":
            yield Source("-")
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES and p.is_file()
            )
            if not found:
                yield InputError(f"{raw}: no {', '.join(TEXT_SUFFIXES)} files in this directory")
            for p in found:
                yield Source(str(p))
        elif path.exists():
            yield Source(raw)
        else:
            yield InputError(f"{raw}: no such file or directory")


def decode(data: bytes, name: str) -> str:
    """UTF-8 with or without BOM; anything else is refused, never guessed."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "convert it to UTF-8 first"
        ) from None
    # Offsets index the text as Python reads it; normalize line ends so that columns
    # match what an editor shows.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read(source: Source) -> Document:
    if source.path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        name = "<stdin>"
    else:
        name = source.path
        try:
            with open(source.path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except IsADirectoryError:
            raise InputError(f"{name}: is a directory") from None
        except PermissionError:
            raise InputError(f"{name}: permission denied") from None
        except OSError as error:
            raise InputError(f"{name}: cannot read ({error.strerror or error})") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MB, not read")
    return Document(decode(data, name), name)
