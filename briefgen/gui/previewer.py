"""Keeps the preview current: a short pause after each change, one render off the GUI thread, stale ones dropped."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ..resources import resolve_user_dir
from ..catalogue import Catalogue, load_catalogue
from ..errors import BriefgenError
from ..facts import days_stale
from ..request import BriefRequest
from ..titles import long_date
from .plainwords import plain
from .preview import PreviewPane
from .tasks import TaskRunner

PREVIEW_DELAY_MS = 80


def facts_notice(request: BriefRequest) -> str:
    """A notice when the brief is dated more than 90 days after its facts, else ''."""
    try:
        facts_date = load_catalogue(resolve_user_dir(None)).facts_date(request.themes)
    except BriefgenError:
        return ""
    days = days_stale(request.date, facts_date)
    if not days:
        return ""
    return (f"Facts may be out of date: this brief is dated {days} days after its facts (current to "
            f"{long_date(facts_date)}). Check them, and add newer ones with Templates → Edit your facts.")


def _render_pdf(request: BriefRequest) -> bytes:
    """The brief as PDF bytes; the pipeline is imported here, off the window's thread, so the window shows first."""
    from ..exporting import render

    return render(request, "pdf")


class Previewer(QObject):
    """Renders `request()` into `pane`; emits `updated` or `failed(message)` for each render that is not stale."""

    updated = Signal()
    failed = Signal(str)

    def __init__(self, pane: PreviewPane, runner: TaskRunner, request: Callable[[], BriefRequest],
                 catalogue: Callable[[], Catalogue], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pane, self.runner, self.request, self.catalogue = pane, runner, request, catalogue
        self._task = -1
        self._audience = ""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.refresh)

    def schedule(self, typing: bool = False) -> None:
        """Render once control returns to the event loop; after typing, after a short pause, so a burst
        of keystrokes makes one render, not many. A click or a pick is not kept waiting for that pause."""
        self.timer.start(PREVIEW_DELAY_MS if typing else 0)

    def refresh(self) -> None:
        try:
            request = self.request()
        except BriefgenError as exc:
            self._task = -1  # anything still rendering describes choices that no longer stand
            self.pane.clear()
            self.pane.set_notice("")
            self._failed(str(exc))
            return
        self.pane.set_notice(facts_notice(request))
        self._audience = request.audience
        audience = request.audience
        self._task = self.runner.start(lambda report: _render_pdf(request),
                                       lambda task_id, data: self._ready(task_id, data, audience), self._error)

    def _ready(self, task_id: int, data: bytes, audience: str) -> None:
        if task_id != self._task:
            return  # a newer render is on its way; this one is stale
        self.pane.show_pdf(data, audience)
        self.updated.emit()

    def _error(self, task_id: int, message: str) -> None:
        if task_id != self._task:
            return
        if self.pane.shown_audience != self._audience:
            self.pane.clear()  # never let another audience's brief stand in for this one
        self._failed(message)

    def _failed(self, message: str) -> None:
        text = plain(message, self.catalogue())
        if self.pane.pdf.pageCount():
            text += " The preview shows the last brief that worked."
        self.pane.show_problem(text)
        self.failed.emit(text)
