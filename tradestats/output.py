"""Write outputs whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


class OutputError(Exception):
    """An output that cannot be written; the message is one line naming it."""


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
            raise OutputError(f"{target}: is an input of this run; write the output elsewhere")


def _mode_for(target: Path) -> int:
    """The mode the output should have: the replaced file's, else what umask allows."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: str | Path, data: str | bytes, inputs: Iterable[str] = ()) -> None:
    """Write to a temporary file beside ``path``, then rename it into place.

    A crash or a full disk leaves either the old file or the new one, never half of it.
    ``inputs`` are the files the run read, which are never overwritten.
    """
    target = Path(path)
    refuse_inputs([target], inputs)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"{target}: directory {directory} does not exist")
    if target.is_dir():
        raise OutputError(f"{target}: is a directory")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise OutputError(f"{target}: cannot write ({error.strerror or error})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        # mkstemp makes 0600 files; an output keeps the permissions a user expects.
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write ({error.strerror or error})") from None
