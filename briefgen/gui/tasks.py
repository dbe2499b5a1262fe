"""Background work for the app: a QRunnable that reports through signals and never touches widgets."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, Signal

from ..errors import BriefgenError


class TaskSignals(QObject):
    finished = Signal(int, object)  # task id, result
    failed = Signal(int, str)  # task id, one-line message
    progress = Signal(int, int, int)  # task id, done, total


class Task(QRunnable):
    """Runs `work(report)` off the GUI thread; `report(done, total)` emits progress."""

    def __init__(self, task_id: int, work: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        self.task_id = task_id
        self.work = work
        self.signals = TaskSignals()
        self.setAutoDelete(False)  # the window keeps the task, and so its signals, until it reports

    def run(self) -> None:
        try:
            result = self.work(lambda done, total: self.signals.progress.emit(self.task_id, done, total))
        except BriefgenError as exc:
            self.signals.failed.emit(self.task_id, str(exc))
        except OSError as exc:
            self.signals.failed.emit(self.task_id, f"{exc.strerror or exc}")
        except Exception as exc:  # noqa: BLE001 - shown to the user rather than lost in a thread
            self.signals.failed.emit(self.task_id, f"unexpected error: {type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(self.task_id, result)
