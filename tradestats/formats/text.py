"""Plain text: UTF-8 with or without a byte-order mark, nothing guessed."""

from __future__ import annotations

from tradestats.formats import InputError


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
    return normalize_newlines(text)


def normalize_newlines(text: str) -> str:
    # Offsets index the text as Python reads it; normalize line ends so that columns
    # match what an editor shows.
    return text.replace("\r\n", "\n").replace("\r", "\n")
