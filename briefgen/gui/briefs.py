"""The brief-file controller: the open .brief.toml, Save and Save As, recent briefs, and the title bar's name."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtWidgets import QMenu, QWidget

from ..catalogue import Catalogue
from ..errors import BriefgenError
from ..request import BRIEF_SUFFIX, BriefRequest
from . import dialogs, i18n
from .plainwords import plain
from .settings import Settings

UNTITLED = QT_TRANSLATE_NOOP("BriefFiles", "Untitled brief")


class BriefFiles(QObject):
    """`nameChanged(name)` when the open brief changes; `modified` follows changes of choice since the last save."""

    nameChanged = Signal(str)
    modifiedChanged = Signal(bool)

    def __init__(self, parent: QWidget, settings: Settings, request: Callable[[], BriefRequest],
                 apply: Callable[[BriefRequest], None], catalogue: Callable[[], Catalogue],
                 status: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.window, self.settings = parent, settings
        self.request, self.apply, self.catalogue, self.status = request, apply, catalogue, status
        self.path: Path | None = None
        self.modified = False
        self.recentMenu = QMenu(parent)
        i18n.live(self.recentMenu, lambda m: m.setTitle(i18n.translate("BriefFiles", "Open &recent")))
        self.fill_recent()

    def name(self) -> str:
        return self.path.name.removesuffix(BRIEF_SUFFIX) if self.path else i18n.translated("BriefFiles", UNTITLED)

    def set_modified(self, modified: bool = True) -> None:
        if modified != self.modified:
            self.modified = modified
            self.modifiedChanged.emit(modified)

    def _set_path(self, path: Path) -> None:
        self.path = Path(path)
        self.settings.set("brief_folder", str(self.path.parent))
        self.settings.add_recent(str(path))
        self.fill_recent()
        self.nameChanged.emit(self.name())

    def start_folder(self) -> Path:
        return Path(self.settings.get("brief_folder") or Path.home())

    # -- open and save --------------------------------------------------------------------------
    def open(self, path: str | Path) -> bool:
        try:
            request = BriefRequest.load(Path(path))
            request.check_ids(self.catalogue())
        except BriefgenError as exc:
            dialogs.show_error(self.window, "Cannot open brief", plain(str(exc), self.catalogue()))
            return False
        self.apply(request)
        self._set_path(Path(path))
        self.set_modified(False)
        return True

    def save_to(self, path: str | Path) -> bool:
        try:
            self.request().save(Path(path))
        except BriefgenError as exc:
            dialogs.show_error(self.window, "Cannot save brief", plain(str(exc), self.catalogue()))
            return False
        self._set_path(Path(path))
        self.set_modified(False)
        self.status(f"Saved {path}")
        return True

    def save(self) -> bool:
        """Save to the open brief; a brief never saved is asked a name for."""
        return self.save_to(self.path) if self.path else self.save_as()

    def save_as(self) -> bool:
        folder = self.path.parent if self.path else self.start_folder()
        path = dialogs.ask_save_brief(self.window, folder / f"{self.name() if self.path else 'brief'}{BRIEF_SUFFIX}")
        return self.save_to(path) if path is not None else False

    def open_dialog(self) -> None:
        path = dialogs.ask_open_brief(self.window, self.start_folder())
        if path is not None:
            self.open(path)

    def fill_recent(self) -> None:
        self.recentMenu.clear()
        recent = self.settings.get("recent")
        for path in recent:
            action = self.recentMenu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open(p))
        self.recentMenu.setEnabled(bool(recent))
