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

_COST = {"extended": 3, "standard": 2, "one-page": 1}  # so the slowest start first and the workers finish together


@dataclass(frozen=True)
class Job:
    """One brief of a batch (its audience and length set) and the files it goes to, one per format."""

    request: BriefRequest
    outputs: tuple[tuple[str, Path], ...]  # (format, path)


def plan(base: BriefRequest, audiences: Iterable[str], lengths: Iterable[str], formats: Iterable[str],
         folder: Path) -> list[Job]:
    """One job per audience and length, its files named AUDIENCE-LENGTH.FORMAT in `folder`, slowest first."""
    formats = list(dict.fromkeys(formats))
    jobs = [Job(base.with_changes(audience=audience, length=length),
                tuple((fmt, Path(folder) / f"{audience}-{length}.{fmt}") for fmt in formats))
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


def _run_packed(arguments: tuple[Job, Path | None]) -> tuple[list[Path], str | None]:
    return _run(*arguments)


def warm_up(jobs: list[Job], templates: Path | None) -> None:
    """Do in this process what every worker would repeat: load content, compile templates, import writers.

    With the fork start method the workers inherit all of it.
    """
    from .build import build_document
    from .writers import writer_for

    for fmt in dict.fromkeys(fmt for job in jobs for fmt, _ in job.outputs):
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
    total = sum(len(job.outputs) for job in jobs)
    for folder in dict.fromkeys(path.parent for job in jobs for _, path in job.outputs):
        if not folder.is_dir():
            raise BriefgenError(f"output folder '{folder}' does not exist; create it or choose another folder")
    done: list[Path] = []
    for paths, problem in _results(jobs, workers, templates):
        done += paths
        if problem is not None:
            raise BriefgenError(problem)
        if progress:
            progress(len(done), total)
    return done


def _results(jobs: list[Job], workers: int, templates: Path | None) -> Iterator[tuple[list[Path], str | None]]:
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
