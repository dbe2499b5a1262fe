"""Batch export: many audiences, lengths and formats of one brief, written by a pool of processes."""

from __future__ import annotations

import os
import queue
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .confine import process_context
from .errors import BriefgenError
from .request import BriefRequest

_COST = {"extended": 3, "standard": 2, "one-page": 1}  # so the slowest start first and the workers finish together


@dataclass(frozen=True)
class Job:
    """One brief of a batch (its audience and length set) and the files it goes to, one per format."""

    request: BriefRequest
    outputs: tuple[tuple[str, Path], ...]  # (format, path)


def plan(base: BriefRequest, audiences: Iterable[str], lengths: Iterable[str], formats: Iterable[str],
         folder: Path, name: str = "{audience}-{length}") -> list[Job]:
    """One job per audience and length, its files named `name`.FORMAT (AUDIENCE-LENGTH) in `folder`, slowest first."""
    formats = list(dict.fromkeys(formats))
    jobs = [Job(base.with_changes(audience=audience, length=length),
                tuple((fmt, Path(folder) / f"{name.format(audience=audience, length=length)}.{fmt}")
                      for fmt in formats))
            for audience in dict.fromkeys(audiences) for length in dict.fromkeys(lengths)]
    return sorted(jobs, key=lambda job: -_COST.get(job.request.length, 1))


def _run(job: Job, templates: Path | None) -> tuple[list[Path], str | None]:
    """Build one brief and write its files; a user mistake comes back as its one-line message.

    (A BriefgenError may not survive pickling between processes, so the message travels instead.)
    """
    from .build import build_document
    from .exporting import write_document

    written: list[Path] = []
    try:
        document = build_document(job.request, templates)
        for fmt, path in job.outputs:
            written.append(write_document(document, path, fmt))
        return written, None
    except BriefgenError as exc:
        name = job.outputs[len(written)][1].name if len(written) < len(job.outputs) else ""
        return written, f"{name}: {exc}"


def warm_up(jobs: list[Job]) -> None:
    """Do in this process what every worker would repeat and that costs little here: import the writers, load fonts.

    With the fork start method the workers inherit all of it. The briefs themselves are built in
    the workers: built here they would be built one after another while the workers wait.
    """
    from .request import language_tag
    from .writers import prepare

    for fmt in dict.fromkeys(fmt for job in jobs for fmt, _ in job.outputs):
        for lang in dict.fromkeys(job.request.lang for job in jobs):
            prepare(fmt, language_tag(lang))


def _quiet_worker(environ: dict[str, str] | None = None) -> None:
    """Workers leave Ctrl-C to the parent, which ends them with SIGTERM (each removes its temporary file).

    A worker writes many briefs, so it collects cyclic garbage (the command turns the collector
    off for its own short work), but never looks at what it inherited from the parent.
    """
    import gc
    import signal

    from .confine import adopt_environment

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    adopt_environment(environ)
    gc.freeze()
    gc.enable()


def run(jobs: list[Job], workers: int | None = None, templates: Path | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None) -> list[Path]:
    """Write every job's file with `workers` processes (default: one per core); the first mistake stops the batch.

    Once `cancelled()` is true no further brief is started; those being written are finished, so every
    file on disk is in the list returned.
    """
    if workers is not None and workers < 1:
        raise BriefgenError(f"--jobs must be at least 1 (got {workers})")
    if not jobs:
        return []
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    total = sum(len(job.outputs) for job in jobs)
    for folder in dict.fromkeys(path.parent for job in jobs for _, path in job.outputs):
        if not folder.is_dir():
            raise BriefgenError(f"output folder '{folder}' does not exist; create it or choose another folder")
    done: list[Path] = []
    for paths, problem in _results(jobs, workers, templates, cancelled or (lambda: False)):
        done += paths
        if problem is not None:
            raise BriefgenError(problem)
        if progress:
            progress(len(done), total)
    return done


def _results(jobs: list[Job], workers: int, templates: Path | None,
             cancelled: Callable[[], bool]) -> Iterator[tuple[list[Path], str | None]]:
    if workers == 1:
        for job in jobs:
            if cancelled():
                return
            yield _run(job, templates)
        return
    context = process_context()
    if context.get_start_method() == "fork":
        warm_up(jobs)
    finished: queue.Queue = queue.Queue()
    pending = deque(jobs)
    running = 0
    environ = None if context.get_start_method() == "fork" else dict(os.environ)
    with context.Pool(workers, initializer=_quiet_worker, initargs=(environ,)) as pool:
        try:
            while pending or running:
                while pending and running <= workers and not cancelled():  # one queued beyond the busy workers
                    pool.apply_async(_run, (pending.popleft(), templates), callback=finished.put,
                                     error_callback=lambda exc: finished.put(exc))
                    running += 1
                if cancelled():
                    pending.clear()
                if not running:
                    return
                try:
                    result = finished.get(timeout=0.1)
                except queue.Empty:
                    continue
                running -= 1
                if isinstance(result, BaseException):
                    raise result
                yield result
        finally:
            pool.terminate()
