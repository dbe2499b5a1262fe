"""The export controller: export in the background, ask for a file only when a brief can be made, open the result."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ..catalogue import Catalogue
from ..errors import BriefgenError
from ..request import DEFAULT_TITLE, BriefRequest
from . import dialogs, i18n
from .naming import file_stem
from .plainwords import plain
from .settings import Settings
from .tasks import TaskRunner


def open_or_say(parent: QWidget, path: Path, what: str) -> None:
    """Open `path` with the desktop's program for it, or say that none could, naming the path."""
    if not dialogs.open_path(path):
        dialogs.show_error(parent, f"Cannot open the {what}", f"No program on this computer opened {path}. "
                           "Open it yourself from your file manager, or install a viewer for it.")



def _export(request: BriefRequest, target: Path) -> str:
    """exporting.export, imported when first used (the pipeline is not needed to show the window)."""
    from ..exporting import export

    return str(export(request, target))

class ExportController(QObject):
    """`export(path)` never shows a dialog: it emits `finished(path)` or `failed(message)`."""

    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QWidget, runner: TaskRunner, settings: Settings, request: Callable[[], BriefRequest],
                 catalogue: Callable[[], Catalogue], status: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.window, self.runner, self.settings = parent, runner, settings
        self.request, self.catalogue, self.status = request, catalogue, status
        self.last: Path | None = None
        self.notice = QWidget()
        layout = QHBoxLayout(self.notice)
        layout.setContentsMargins(0, 0, 0, 0)
        self.openFileButton = QPushButton()
        self.openFileButton.setObjectName("openFileButton")
        i18n.live(self.openFileButton, lambda b: (b.setText(i18n.translate("ExportController", "Open file")),
                                                  b.setToolTip(i18n.translate("ExportController",
                                                                              "Open the file just exported"))))
        self.openFileButton.clicked.connect(self.open_last)
        self.openFolderButton = QPushButton()
        self.openFolderButton.setObjectName("openFolderButton")
        i18n.live(self.openFolderButton, lambda b: (b.setText(i18n.translate("ExportController", "Open folder")),
                                                    b.setToolTip(i18n.translate("ExportController", "Open the folder "
                                                                                "of the file just exported"))))
        self.openFolderButton.clicked.connect(self.open_last_folder)
        layout.addWidget(self.openFileButton)
        layout.addWidget(self.openFolderButton)
        self.notice.hide()

    def export(self, path: str | Path, interactive: bool = False) -> None:
        """Export in the background to the format of `path`'s suffix; a person is shown a failure only if `interactive`."""
        try:
            request = self.request()
        except BriefgenError as exc:
            self._failed(plain(str(exc), self.catalogue()), interactive)
            return
        target = Path(path)
        self.runner.start(lambda report: _export(request, target), self._done,
                          lambda _task, message: self._failed(plain(message, self.catalogue()), interactive))

    def _done(self, _task_id: int, path: str) -> None:
        self.last = Path(path)
        self.settings.set("last_folder", str(Path(path).parent))
        self.status(f"Exported {path}")
        self.notice.show()
        self.finished.emit(path)

    def _failed(self, message: str, interactive: bool) -> None:
        self.status("Export failed")
        self.failed.emit(message)
        if interactive:
            dialogs.show_error(self.window, "Export failed", message)

    def suggested_path(self, suffix: str) -> Path:
        folder = Path(self.settings.get("last_folder") or Path.home())
        request = self.request()
        audience = self.catalogue().audience(request.audience)
        title = "" if request.title == DEFAULT_TITLE else request.title
        return folder / f"{file_stem(title or 'brief', audience)}-{audience.id}.{suffix}"

    def _ready(self) -> bool:
        """True if the choices make a brief; otherwise says why, before any file name is asked for."""
        try:
            self.request()
        except BriefgenError as exc:
            dialogs.show_error(self.window, "Nothing to export yet", plain(str(exc), self.catalogue()))
            return False
        return True

    def ask_and_export(self, suffix: str = "pdf") -> None:
        if not self._ready():
            return
        path = dialogs.ask_export_path(self.window, self.suggested_path(suffix))
        if path is not None:
            self.export(path if path.suffix.lower() in (".pdf", ".docx") else path.with_suffix(f".{suffix}"), True)

    def ask_and_export_both(self) -> None:
        if not self._ready():
            return
        path = dialogs.ask_export_path(self.window, self.suggested_path("pdf"))
        if path is not None:
            self.export(path.with_suffix(".pdf"), True)
            self.export(path.with_suffix(".docx"), True)

    def open_last(self) -> None:
        if self.last is not None:
            open_or_say(self.window, self.last, "exported file")

    def open_last_folder(self) -> None:
        if self.last is not None:
            open_or_say(self.window, self.last.parent, "export folder")
