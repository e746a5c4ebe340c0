"""read -> segment -> extract -> link -> check, over many inputs, into one Report.

Documents stream through one at a time: each file is read, analysed and dropped before
the next, so memory holds the results, never the texts. With ``jobs`` above one the
files go to worker processes in small batches, a bounded number in flight, and come
back in input order: the output is the same as a serial run's, byte for byte.
"""

from __future__ import annotations

import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

from tradestats.check import check_document
from tradestats.config import Config
from tradestats.dates import undated_note
from tradestats.extraction import SentenceFaults, extract_document
from tradestats.models import (
    Claim,
    Document,
    Figure,
    Finding,
    InputProblem,
    LocatedFigure,
    Report,
)
from tradestats.output import display
from tradestats.read import STDIN, Excludes, InputError, Source, expand, read, read_bytes
from tradestats.segment import Sentence, split_sentences

# Below this many files a pool costs more to start than it saves.
PARALLEL_MIN_FILES = 8
# Files per task sent to a worker, and tasks in flight per worker: enough to keep every
# worker busy, few enough that results wait in memory only briefly.
BATCH = 8
IN_FLIGHT_PER_WORKER = 4

Item = Source | InputError
# quantulum3 (--all) is super-linear within a sentence: "12 x 30 mm by" repeated over
# 2,000 characters takes seconds, over 20,000 minutes. Longer sentences (no prose
# sentence comes near; a run-on list of numbers does) are left to the trade grammar,
# with a note that their other quantities were not read.
MAX_QUANTITY_SENTENCE = 1_000


@dataclass(frozen=True, slots=True)
class Task:
    """What a worker needs to turn an input into results; sent with every batch."""

    config: Config | None = None  # None: extract figures only, judge nothing
    reference_date: date | None = None
    include_quantities: bool = False
    input_format: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """The results of one input, or why it has none.

    ``listed`` is false for a name that never was a file (a missing path, a glob that
    matched nothing): it is reported but not counted among the files read.
    """

    path: str
    figures: tuple[Figure, ...] = ()
    claims: tuple[Claim, ...] = ()
    findings: tuple[Finding, ...] = ()
    problem: InputProblem | None = None
    listed: bool = True
    warnings: tuple[str, ...] = ()
    # Sentences that tradestats failed to read: the rest of the document still counts.
    faults: tuple[InputProblem, ...] = ()

    @property
    def problems(self) -> tuple[InputProblem, ...]:
        """Everything to report about this input, its one problem and its faults."""
        return (self.problem, *self.faults) if self.problem is not None else self.faults


def default_jobs() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def select(
    paths: Iterable[str],
    *,
    exclude: Excludes | None = None,
    only: frozenset[Path] | None = None,
) -> list[Item]:
    """The inputs a run will read, in order: names only, so a list is cheap to hold."""
    return list(expand(paths, exclude=exclude, only=only))


def located(document: Document, figures: Sequence[Figure]) -> list[Figure]:
    """Figures with a location label where line:column does not say where they are."""
    if not document.labelled:
        return list(figures)
    names = [f.name for f in fields(Figure)]
    return [
        LocatedFigure(
            **{name: getattr(figure, name) for name in names}, label=document.location(figure.start)
        )
        for figure in figures
    ]


def process(item: Item, task: Task, data: bytes | None = None) -> Outcome:
    """Read, extract and (with a config) check one input.

    A fault of tradestats on one document is reported as that document's problem, so
    that it stops neither the run nor the other files.
    """
    try:
        return _process(item, task, data)
    except Exception as error:
        name = str(item).split(":", 1)[0] if isinstance(item, InputError) else display(item.path)
        return Outcome(name, problem=_internal_error(name, error))


def _internal_error(path: str, error: Exception) -> InputProblem:
    """A fault of tradestats on ``path``, in one line whatever the exception says."""
    detail = " ".join(str(error).split())[:200]
    return InputProblem(
        path, f"{path}: internal error ({type(error).__name__}: {detail}); please report it"
    )


def _process(item: Item, task: Task, data: bytes | None) -> Outcome:
    if isinstance(item, InputError):
        message = str(item)
        name = message.split(":", 1)[0]
        return Outcome(name, problem=InputProblem(name, message), listed=False)
    try:
        document = read(item, task.input_format, data)
    except InputError as error:
        name = display(item.path)
        return Outcome(name, problem=InputProblem(name, str(error)))
    sentences = split_sentences(document.text)
    faults: list[InputProblem] = []
    trade = extract_document(
        document, reference_date=task.reference_date, sentences=sentences, faults=faults
    )
    notes: list[str] = []
    if task.include_quantities:
        trade = _with_quantities(document, sentences, trade, notes, faults)
    figures = located(document, trade)
    if task.config is None:
        note = undated_note(document, figures)
        return Outcome(
            document.path,
            figures=tuple(figures),
            warnings=(*notes, note) if note else tuple(notes),
            faults=tuple(faults),
        )
    try:
        result = check_document(document, task.config, sentences=sentences, figures=figures)
    except Exception as error:
        # The figures were read; a fault while checking them must not hide them.
        problem = _internal_error(document.path, error)
        return Outcome(document.path, tuple(figures), problem=problem, faults=tuple(faults))
    return Outcome(
        document.path,
        result.figures,
        result.claims,
        result.findings,
        warnings=(*notes, *result.warnings),
        faults=(*faults, *result.faults),
    )


def _with_quantities(
    document: Document,
    sentences: list[Sentence],
    trade: list[Figure],
    notes: list[str],
    faults: list[InputProblem],
) -> list[Figure]:
    """The trade figures and the other quantities, in document order; sentences too long
    for quantulum3, and numbers too long for it, are noted in ``notes`` instead of read.
    A fault in one sentence goes to ``faults`` and costs that sentence only."""
    from tradestats.extraction.quantities import MAX_QUANTITY_DIGITS, find_quantities

    kept = []
    for sentence in sentences:
        length = sentence.end - sentence.start
        if length <= MAX_QUANTITY_SENTENCE:
            kept.append(sentence)
            continue
        notes.append(
            f"{document.path}:{document.location(sentence.start)}: a sentence of {length:,}"
            f" characters (over {MAX_QUANTITY_SENTENCE:,}); its quantities other than money,"
            " percent and multiples are not read"
        )

    def long_number(offset: int, digits: int) -> None:
        notes.append(
            f"{document.path}:{document.location(offset)}: a number of {digits:,} digits"
            f" (over {MAX_QUANTITY_DIGITS}) is not read as a quantity other than money,"
            " percent and multiples"
        )

    guard = SentenceFaults(document, faults)
    quantities = find_quantities(
        document,
        kept,
        trade,
        lambda sentence, error: guard.report(sentence.start, error),
        long_number,
    )
    return sorted(trade + quantities, key=lambda f: (f.start, f.end))


def _process_batch(batch: list[tuple[Item, bytes | None]], task: Task) -> list[Outcome]:
    return [process(item, task, data) for item, data in batch]


def run(items: Sequence[Item], task: Task, jobs: int = 1) -> Iterator[Outcome]:
    """One Outcome per item, in the order of ``items``, on up to ``jobs`` processes."""
    files = sum(1 for item in items if isinstance(item, Source))
    if jobs <= 1 or files < PARALLEL_MIN_FILES:
        for item in items:
            yield process(item, task)
        return
    workers = min(jobs, -(-files // BATCH))
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_signals)
    try:
        pending: deque[Future[list[Outcome]]] = deque()
        for batch in _batches(items):
            pending.append(pool.submit(_process_batch, batch, task))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()


def _worker_signals() -> None:
    """Workers leave Ctrl-C to the main process, which cleans up and reports once;
    SIGTERM stops them at once instead of raising inside a half-done batch."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop a pool without waiting for the batches in flight (a signal or an error ends
    the run; finishing them would only delay the exit)."""
    # The executor has no public way to stop its workers; its process table is the one.
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in workers:
        if process.is_alive():
            process.terminate()


def _batches(items: Sequence[Item]) -> Iterator[list[tuple[Item, bytes | None]]]:
    batch: list[tuple[Item, bytes | None]] = []
    for item in items:
        data = None
        if isinstance(item, Source) and item.path == STDIN:
            # Workers have no standard input of their own: read it here, once.
            try:
                data = read_bytes(item)
            except InputError as error:
                item = error
        batch.append((item, data))
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def collect(
    outcomes: Iterable[Outcome],
    on_each: Callable[[Outcome], None] | None = None,
    *,
    lean: bool = False,
) -> Report:
    """One Report from the outcomes, in their order.

    ``lean`` keeps memory flat over thousands of files for outputs that list findings
    and only count the rest: claims are counted, not kept, and of the figures only the
    first statement of each series and the statements that contradict it (TS401).
    """
    from tradestats.crosscheck import Thinner

    thinner = Thinner()

    files: list[str] = []
    figures: list[Figure] = []
    claims: list[Claim] = []
    findings: list[Finding] = []
    problems: list[InputProblem] = []
    warnings: list[str] = []
    dropped_figures = 0
    dropped_verdicts: Counter[str] = Counter()
    for outcome in outcomes:
        if on_each is not None:
            on_each(outcome)
        if outcome.listed:
            files.append(outcome.path)
        problems.extend(outcome.problems)
        if lean:
            kept = [f for f in outcome.figures if thinner.keep(f)]
            dropped_figures += len(outcome.figures) - len(kept)
            figures.extend(kept)
            dropped_verdicts.update(claim.verdict for claim in outcome.claims)
        else:
            figures.extend(outcome.figures)
            claims.extend(outcome.claims)
        findings.extend(outcome.findings)
        warnings.extend(outcome.warnings)
    return Report(
        tuple(files),
        tuple(figures),
        tuple(claims),
        tuple(findings),
        tuple(problems),
        tuple(warnings),
        dropped_figures=dropped_figures,
        dropped_verdicts=tuple(sorted(dropped_verdicts.items())),
        agreeing_statements=tuple(sorted(thinner.agreeing.items())),
    )


def analyze(
    paths: Iterable[str],
    config: Config,
    *,
    reference_date: date | None = None,
    input_format: str | None = None,
    exclude: Excludes | None = None,
    only: frozenset[Path] | None = None,
    jobs: int = 1,
) -> Report:
    """Check every input; unreadable ones become problems, the rest are still checked."""
    task = Task(config=config, reference_date=reference_date, input_format=input_format)
    return collect(run(select(paths, exclude=exclude, only=only), task, jobs))
