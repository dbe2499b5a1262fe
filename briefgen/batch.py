"""Batch export: many audiences, lengths and formats of one brief, written by a pool of processes."""

from __future__ import annotations

import multiprocessing
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import BriefgenError
from .request import BriefRequest

# rough relative cost of one brief, so the slowest start first and the workers finish together
_COST = {("pdf", "extended"): 6, ("pdf", "standard"): 3, ("docx", "extended"): 2}


@dataclass(frozen=True)
class Job:
    """One file of a batch: the request (its audience and length set) and where it goes."""

    request: BriefRequest
    format: str
    path: Path


def plan(base: BriefRequest, audiences: Iterable[str], lengths: Iterable[str], formats: Iterable[str],
         folder: Path) -> list[Job]:
    """One job per audience, length and format, named AUDIENCE-LENGTH.FORMAT in `folder`, slowest first."""
    jobs = [Job(base.with_changes(audience=audience, length=length), fmt, Path(folder) / f"{audience}-{length}.{fmt}")
            for audience in dict.fromkeys(audiences) for length in dict.fromkeys(lengths)
            for fmt in dict.fromkeys(formats)]
    return sorted(jobs, key=lambda job: -_COST.get((job.format, job.request.length), 1))


def _run(job: Job, templates: Path | None) -> tuple[Path, str | None]:
    """Write one job's file; a user mistake comes back as its one-line message (exceptions may not pickle)."""
    from .exporting import export

    try:
        return export(job.request, job.path, format=job.format, templates=templates), None
    except BriefgenError as exc:
        return job.path, str(exc)


def _run_packed(arguments: tuple[Job, Path | None]) -> tuple[Path, str | None]:
    return _run(*arguments)


def warm_up(jobs: list[Job], templates: Path | None) -> None:
    """Do in this process what every worker would repeat: load content, compile templates, import writers.

    With the fork start method the workers inherit all of it.
    """
    from .build import build_document
    from .writers import writer_for

    for fmt in dict.fromkeys(job.format for job in jobs):
        writer_for(fmt)
    for audience in dict.fromkeys(job.request.audience for job in jobs):
        build_document(next(job.request for job in jobs if job.request.audience == audience), templates)


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the parent, which ends them with SIGTERM (each removes its temporary file)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _context() -> multiprocessing.context.BaseContext:
    """fork where it is safe (no other threads: the command line), else spawn."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def run(jobs: list[Job], workers: int | None = None, templates: Path | None = None,
        progress: Callable[[int, int], None] | None = None) -> list[Path]:
    """Write every job's file with `workers` processes (default: one per core); the first mistake stops the batch."""
    if workers is not None and workers < 1:
        raise BriefgenError(f"--jobs must be at least 1 (got {workers})")
    if not jobs:
        return []
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    for folder in dict.fromkeys(job.path.parent for job in jobs):
        if not folder.is_dir():
            raise BriefgenError(f"output folder '{folder}' does not exist; create it or choose another folder")
    done: list[Path] = []
    for path, problem in _results(jobs, workers, templates):
        if problem is not None:
            raise BriefgenError(f"{path.name}: {problem}")
        done.append(path)
        if progress:
            progress(len(done), len(jobs))
    return done


def _results(jobs: list[Job], workers: int, templates: Path | None) -> Iterator[tuple[Path, str | None]]:
    if workers == 1:
        for job in jobs:
            yield _run(job, templates)
        return
    context = _context()
    if context.get_start_method() == "fork":
        warm_up(jobs, templates)
    with context.Pool(workers, initializer=_quiet_worker) as pool:
        try:
            yield from pool.imap_unordered(_run_packed, [(job, templates) for job in jobs], chunksize=1)
        finally:
            pool.terminate()
