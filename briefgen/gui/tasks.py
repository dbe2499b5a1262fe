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


class TaskRunner(QObject):
    """Starts Tasks on the global pool and keeps each alive until it reports."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtCore import QThreadPool

        self.pool = QThreadPool.globalInstance()
        self._tasks: dict[int, Task] = {}
        self._next = 0

    def start(self, work, on_done, on_failed, on_progress=None) -> int:
        """Run `work(report)` off the GUI thread; returns the task id that the callbacks receive."""
        self._next += 1
        task = Task(self._next, work)
        self._tasks[task.task_id] = task

        def finished(task_id, result):
            self._tasks.pop(task_id, None)
            on_done(task_id, result)

        def failed(task_id, message):
            self._tasks.pop(task_id, None)
            on_failed(task_id, message)

        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        if on_progress is not None:
            task.signals.progress.connect(on_progress)
        self.pool.start(task)
        return task.task_id

    def wait(self, timeout_ms: int = 30000) -> bool:
        return self.pool.waitForDone(timeout_ms)
