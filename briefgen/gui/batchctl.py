"""The batch controller: every chosen audience in each format, each with its own title, by briefgen.batch."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..catalogue import Catalogue
from ..errors import BriefgenError
from ..request import DEFAULT_TITLE, BriefRequest
from . import dialogs
from .naming import file_stem, retitle
from .plainwords import plain
from .settings import Settings
from .tasks import TaskRunner

SHOWN_EXISTING = 8


class BatchController(QObject):
    """`finished(written, cancelled)` when a batch ends; written is -1 when it failed."""

    finished = Signal(int, bool)

    def __init__(self, parent: QWidget, runner: TaskRunner, settings: Settings, request: Callable[[], BriefRequest],
                 catalogue: Callable[[], Catalogue], status: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.window, self.runner, self.settings = parent, runner, settings
        self.request, self.catalogue, self.status = request, catalogue, status
        self.cancel = threading.Event()
        self.progress: QProgressDialog | None = None

    def ask(self) -> None:
        start = Path(self.settings.get("last_folder") or Path.home())
        audiences = {key: entry.title for key, entry in self.catalogue().audiences.items()}
        choice = dialogs.ask_batch(self.window, audiences, start)
        if choice is not None:
            self.run(*choice)

    def plan(self, base: BriefRequest, folder: Path, audiences: list[str], formats: list[str]) -> list[batch.Job]:
        """Jobs whose files are STEM-AUDIENCE-LENGTH.FORMAT, each brief titled for its own audience."""
        catalogue = self.catalogue()
        current = catalogue.audience(base.audience)
        title = "" if base.title == DEFAULT_TITLE else base.title
        stem = file_stem(title, current)
        from .. import batch  # the process pool, imported when a batch is planned

        jobs = batch.plan(base, audiences, [base.length], formats, Path(folder), name=f"{stem}-{{audience}}-{{length}}")
        return [dataclasses.replace(job, request=job.request.with_changes(
                    title=retitle(base.title, current, catalogue.audience(job.request.audience)))) for job in jobs]

    def run(self, folder: Path, audiences: list[str], formats: list[str]) -> None:
        """Export every audience in every format into `folder` with a pool of processes; a progress dialog has Cancel."""
        try:
            base = self.request()
            jobs = self.plan(base, Path(folder), audiences, formats)
        except BriefgenError as exc:
            dialogs.show_error(self.window, "Batch export", plain(str(exc), self.catalogue()))
            return
        if not Path(folder).is_dir():
            dialogs.show_error(self.window, "Batch export", f"folder '{folder}' does not exist; choose another")
            return
        existing = [path for job in jobs for _, path in job.outputs if path.exists()]
        if existing and not dialogs.confirm(self.window, "Replace files?", self._replace_question(existing)):
            return
        total = sum(len(job.outputs) for job in jobs)
        self.cancel.clear()
        progress = QProgressDialog("Exporting briefs…", "Cancel", 0, total, self.window)
        progress.setObjectName("batchProgress")
        progress.setWindowTitle("Batch export")
        progress.setMinimumDuration(0)
        progress.setWindowModality(Qt.WindowModal)
        progress.canceled.connect(self.cancel.set)
        self.progress = progress
        cancel = self.cancel

        def work(report):
            from .. import batch

            written = batch.run(jobs, progress=report, cancelled=cancel.is_set)  # the command line's process pool
            return len(written), cancel.is_set()

        def finished(_task_id, result):
            progress.reset()
            self.settings.set("last_folder", str(folder))
            self.status(f"Batch export: {result[0]} file(s) written" + (" (cancelled)" if result[1] else ""))
            self.finished.emit(*result)

        def failed(_task_id, message):
            progress.reset()
            self.finished.emit(-1, False)
            dialogs.show_error(self.window, "Batch export failed", plain(message, self.catalogue()))

        self.runner.start(work, finished, failed, lambda _t, done, _total: progress.setValue(done))

    @staticmethod
    def _replace_question(existing: list[Path]) -> str:
        names = "\n".join(f"  {path.name}" for path in existing[:SHOWN_EXISTING])
        more = f"\n  and {len(existing) - SHOWN_EXISTING} more" if len(existing) > SHOWN_EXISTING else ""
        return (f"{len(existing)} file(s) in {existing[0].parent} will be replaced:\n{names}{more}\n\n"
                "Replace them?")
