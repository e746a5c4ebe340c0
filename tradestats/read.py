"""Inputs -> Documents. Every way an input can be unusable ends here as an InputError.

Paths are expanded lazily (directories walked in sorted order, globs matched, excludes
applied, each file once), and each file is opened read-only and read once: the bytes
go to the parser of its format (tradestats.formats). Nothing here ever writes.
"""

from __future__ import annotations

import glob
import io
import os
import select
import stat
import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from tradestats.formats import SUFFIXES, InputError, format_of, parse
from tradestats.formats.text import decode
from tradestats.models import Document
from tradestats.output import display

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

DOCUMENT_SUFFIXES = tuple(SUFFIXES)
# Larger inputs are refused rather than read into memory: no trade article or release
# comes near this, and a multi-gigabyte log passed by mistake should fail fast.
MAX_BYTES = 25 * 1024 * 1024
# Standard input is named as it was given, in every message and output alike.
STDIN = "-"
_GLOB_CHARS = frozenset("*?[")

__all__ = [
    "DOCUMENT_SUFFIXES",
    "MAX_BYTES",
    "STDIN",
    "Excludes",
    "InputError",
    "Source",
    "changed_since",
    "decode",
    "expand",
    "read",
]


@dataclass(frozen=True, slots=True)
class Source:
    """A path to read, or ``-`` for standard input."""

    path: str


@dataclass(frozen=True)
class Excludes:
    """gitignore-style patterns, each group relative to the folder it was written for.

    Patterns from a config file are relative to the file's folder and those given on the
    command line to the working directory, as a ``.gitignore`` in that folder would be.
    A file outside that folder is matched by its path under the directory argument it was
    found in (or its name), so that ``--exclude 'drafts/'`` works wherever the run starts.
    """

    groups: tuple[tuple[Path, GitIgnoreSpec], ...] = field(default=())

    @classmethod
    def of(cls, *groups: tuple[Path, Sequence[str]]) -> Excludes:
        from pathspec import GitIgnoreSpec

        compiled = tuple(
            (base.resolve(), GitIgnoreSpec.from_lines(patterns))
            for base, patterns in groups
            if patterns
        )
        return cls(compiled)

    def __bool__(self) -> bool:
        return bool(self.groups)

    def excluded(self, path: Path, root: Path | None, is_dir: bool = False) -> bool:
        if not self.groups:
            return False
        absolute = path.resolve()
        for base, spec in self.groups:
            relative = _relative(absolute, base)
            if relative is None and root is not None:
                relative = _relative(absolute, root.resolve())
            if relative is None:
                relative = path.name
            if not relative or relative == ".":
                continue
            if spec.match_file(relative + "/" if is_dir else relative):
                return True
        return False


def _relative(path: Path, base: Path) -> str | None:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return None


def expand(
    paths: Iterable[str],
    *,
    exclude: Excludes | None = None,
    only: frozenset[Path] | None = None,
) -> Iterator[Source | InputError]:
    """Files to read, in the order given, each once.

    Directories are searched recursively for the known suffixes (skipping hidden files
    and folders), in sorted order, and a folder that cannot be listed is an error, not a
    silent gap; a pattern with ``*``, ``?`` or ``[`` that names no
    file is expanded as a glob (``**`` included), for shells and CI steps that pass it
    through. ``exclude`` applies to every file, named or found, so that a pre-commit run
    honours it too; ``only`` (from --changed-since) keeps just the files it holds.
    """
    exclude = exclude or Excludes()
    seen: set[Path] = set()

    def admit(path: Path, root: Path | None) -> bool:
        key = path.resolve()
        if key in seen or exclude.excluded(path, root) or (only is not None and key not in only):
            return False
        seen.add(key)
        return True

    for raw in paths:
        if raw == STDIN:
            yield Source(STDIN)
            continue
        if not raw:
            yield InputError("'': an empty input name (an unset variable?)")
            continue
        path = Path(raw)
        shown = display(raw)
        if path.is_dir():
            found = False
            for file in _walk(path, path, exclude):
                found = True  # an unreadable folder is said once, not also as empty
                if isinstance(file, InputError):
                    yield file
                    continue
                if admit(file, path):
                    yield Source(str(file))
            if not found and not exclude:
                yield InputError(
                    f"{shown}: no {', '.join(DOCUMENT_SUFFIXES)} files in this directory"
                )
        elif path.exists():
            if admit(path, None):
                yield Source(raw)
        elif _GLOB_CHARS & set(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file()]
            if not files:
                yield InputError(f"{shown}: no files match this pattern")
            for file in files:
                if admit(file, None):
                    yield Source(str(file))
        else:
            yield InputError(f"{shown}: no such file or directory")


def _walk(folder: Path, root: Path, exclude: Excludes) -> Iterator[Path | InputError]:
    """Document files under ``folder`` in sorted path order, one directory at a time,
    and an InputError for each folder that cannot be listed.

    Sorting each directory's names and descending in place gives the same order as
    sorting every path, without holding the whole tree. A folder skipped without a word
    would let a wrong figure inside it pass the check.
    """
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        yield InputError(
            f"{display(folder)}: cannot list this directory ({error.strerror or error});"
            " its files are not checked"
        )
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            # Linked folders are not followed: a link loop would never end, and a file
            # reached twice would be checked twice.
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = not is_dir and entry.is_file()
        except OSError as error:
            yield InputError(f"{display(path)}: cannot read ({error.strerror or error})")
            continue
        if is_dir:
            if not exclude.excluded(path, root, is_dir=True):
                yield from _walk(path, root, exclude)
        elif is_file and os.path.splitext(entry.name)[1].lower() in SUFFIXES:
            yield path


def changed_since(ref: str, cwd: Path | None = None) -> frozenset[Path]:
    """Files changed since ``ref`` in the git repository around ``cwd``, resolved.

    Changed means: differing from where the current branch left ``ref`` (their merge
    base), committed or not, plus new files git does not ignore, so that a draft
    repository's CI checks only what a pull request touches. Deleted files are left out.
    Raises InputError with git's own one-line reason when git cannot say.
    """
    where = cwd or Path.cwd()
    top = Path(_git(["rev-parse", "--show-toplevel"], where, ref).strip())
    base = _git(["merge-base", ref, "HEAD"], top, ref).strip()
    changed = _git(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", base], top, ref)
    new = _git(["ls-files", "--others", "--exclude-standard", "-z"], top, ref)
    names = [name for name in (changed + new).split("\0") if name]
    return frozenset((top / name).resolve() for name in names)


def _git(arguments: list[str], cwd: Path, ref: str) -> str:
    try:
        done = subprocess.run(
            ["git", *arguments], cwd=cwd, capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        raise InputError(f"--changed-since {ref}: git is not installed") from None
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["git failed"])[-1]
        raise InputError(f"--changed-since {ref}: {reason}")
    return done.stdout


def read_bytes(source: Source) -> bytes:
    """The bytes of an input, refused past MAX_BYTES before they are read."""
    limit = MAX_BYTES
    name = display(source.path)
    if source.path == STDIN:
        data = _read_stdin(limit + 1)
    else:
        try:
            with open(source.path, "rb") as handle:
                if os.fstat(handle.fileno()).st_size > limit:
                    raise InputError(_too_large(name, limit))
                data = read_patiently(handle, limit + 1)
        except IsADirectoryError:
            raise InputError(f"{name}: is a directory") from None
        except PermissionError:
            raise InputError(f"{name}: permission denied") from None
        except OSError as error:
            raise InputError(f"{name}: cannot read ({error.strerror or error})") from None
    if len(data) > limit:
        raise InputError(_too_large(name, limit))
    return data


def _read_stdin(size: int) -> bytes:
    # A CI step can run with standard input closed (``<&-``): Python then has no
    # sys.stdin at all, or one whose descriptor is gone.
    stream = sys.stdin
    if stream is None:
        raise InputError(f"{STDIN}: standard input is closed")
    try:
        return read_patiently(stream.buffer, size)
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or "closed"
        raise InputError(f"{STDIN}: cannot read standard input ({reason})") from None


# How long a wait for a pipe's next bytes lasts before the program looks at its signals.
_WAIT_SLICE_MS = 200


def read_patiently(handle: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes of ``handle``, waiting for a pipe in short slices.

    Python runs a signal's handler only between steps of the program. A SIGTERM that
    lands after the last step and before a blocking read begins waits for that read, and
    a pipe whose writer stays silent never ends it: the process hangs. Waiting for the
    pipe in slices, each ended by a step, bounds that to one slice. A regular file never
    blocks and is read at once.
    """
    try:
        fd = handle.fileno()
    except io.UnsupportedOperation:  # a stream held in memory, as in a test's runner
        return handle.read(size)
    if stat.S_ISREG(os.fstat(fd).st_mode) or not hasattr(select, "poll"):
        return handle.read(size)
    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLPRI)
    chunks: list[bytes] = []
    got = 0
    while got < size:
        if not poller.poll(_WAIT_SLICE_MS):
            continue
        chunk = os.read(fd, min(size - got, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _too_large(name: str, limit: int) -> str:
    return f"{name}: larger than {limit // (1024 * 1024)} MB, not read"


def read(source: Source, input_format: str | None = None, data: bytes | None = None) -> Document:
    """The Document of one input, in ``input_format`` or the format of its suffix.

    ``data`` is the input's bytes when the caller already has them (standard input read
    once in the parent process).
    """
    name = display(source.path)
    if data is None:
        data = read_bytes(source)
    elif len(data) > MAX_BYTES:
        raise InputError(_too_large(name, MAX_BYTES))
    return parse(data, name, format_of(source.path if source.path != STDIN else "", input_format))
