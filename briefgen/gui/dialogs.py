"""Every modal interaction behind a small function, so tests can replace it with monkeypatch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

BRIEF_FILTER = "Brief files (*.brief.toml)"
PDF_FILTER = "PDF document (*.pdf)"
WORD_FILTER = "Word document (*.docx)"


def ask_export_path(parent: QWidget, suggested: Path) -> Path | None:
    """The file to export to; the dialog's type list starts with the type of the suggested name."""
    first, second = (WORD_FILTER, PDF_FILTER) if suggested.suffix.lower() == ".docx" else (PDF_FILTER, WORD_FILTER)
    path, _ = QFileDialog.getSaveFileName(parent, "Export brief", str(suggested), f"{first};;{second}", first)
    return Path(path) if path else None


def ask_folder(parent: QWidget, title: str, start: Path) -> Path | None:
    path = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(path) if path else None


def ask_open_brief(parent: QWidget, start: Path) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open brief", str(start), BRIEF_FILTER)
    return Path(path) if path else None


def ask_save_brief(parent: QWidget, suggested: Path) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Save brief", str(suggested), BRIEF_FILTER)
    if not path:
        return None
    return Path(path) if path.endswith(".brief.toml") else Path(path + ".brief.toml")


def ask_batch(parent: QWidget, audiences: dict[str, str], folder: Path) -> tuple[Path, list[str], list[str]] | None:
    """The folder, audience ids and formats for a batch export, or None if cancelled."""
    from .batch import BatchDialog

    dialog = BatchDialog(parent, audiences, folder)
    return dialog.choices() if dialog.exec() == BatchDialog.Accepted else None


def ask_new_audience(parent: QWidget, audiences: dict[str, str], current: str) -> dict[str, str] | None:
    """The new audience's id, title, description and the audience it starts from, or None if cancelled."""
    from .newaudience import NewAudienceDialog

    dialog = NewAudienceDialog(parent, audiences, current)
    return dialog.values() if dialog.exec() == NewAudienceDialog.Accepted else None


def show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def confirm(parent: QWidget, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question, QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
    return answer == QMessageBox.Yes


def show_about(parent: QWidget, text: str) -> None:
    QMessageBox.about(parent, "About briefgen", text)


def open_path(path: Path) -> bool:
    """Open a file or folder with the desktop's default application; False if none could."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
