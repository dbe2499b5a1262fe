"""The template editor: the open file's name with an unsaved mark, line numbers, highlighting, errors at their line."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QTextCursor, QTextFormat
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextEdit, QVBoxLayout, QWidget

from . import colours
from .codeedit import CodeEdit
from .highlight import TemplateHighlighter

UNSAVED = "●"


class TemplateEditor(QWidget):
    """Edits one file; asks the template controller to save, reset or close it through signals."""

    saveRequested = Signal()
    resetRequested = Signal()
    closeRequested = Signal()
    referenceRequested = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.read_only_note = ""
        self.path_label = QLabel("No template open")
        self.path_label.setObjectName("templatePath")
        font = self.path_label.font()
        font.setBold(True)
        self.path_label.setFont(font)
        self.text = CodeEdit()
        self.text.setObjectName("templateEditor")
        self.text.setAccessibleName("Template text")
        self.text.setEnabled(False)
        self.highlighter = TemplateHighlighter(self.text.document())
        self.text.document().modificationChanged.connect(self._show_name)
        self.status = QLabel("")
        self.status.setObjectName("templateStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.save_button = self._button("saveTemplateButton", "&Save and check", "Save the file and render sample "
                                        "briefs with it (Ctrl+Return)", self.saveRequested)
        self.reset_button = self._button("resetTemplateButton", "Reset to &built-in", "Move your version to the "
                                          "backups folder and use the built-in template again", self.resetRequested)
        self.reference_button = QPushButton("&Reference")
        self.reference_button.setObjectName("referenceButton")
        self.reference_button.setCheckable(True)
        self.reference_button.setToolTip("Show the variables, macros and blocks a template can use")
        self.reference_button.toggled.connect(self.referenceRequested)
        self.close_button = self._button("closeTemplateButton", "C&lose", "Close the editor (the preview follows "
                                         "your choices again)", self.closeRequested)
        self.close_button.setEnabled(True)
        header = QHBoxLayout()
        header.addWidget(self.path_label, 1)
        header.addWidget(self.reference_button)
        header.addWidget(self.close_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.save_button.setShortcut(QKeySequence("Ctrl+Return"))

    def _button(self, name: str, text: str, tip: str, signal) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setEnabled(False)
        button.clicked.connect(signal)
        return button

    def open(self, path: Path, source: str, read_only: bool = False, note: str = "") -> None:
        """Show `source` as the text of `path`; a read-only file (a built-in template) says so beside its name."""
        self.path = Path(path)
        self.read_only_note = note
        self.text.setPlainText(source)
        self.text.document().setModified(False)
        self.text.setEnabled(True)
        self.text.setReadOnly(read_only)
        self.save_button.setEnabled(not read_only)
        self.reset_button.setEnabled(not read_only)
        self.clear_error(note)
        self._show_name()

    def _show_name(self, *_args) -> None:
        if self.path is None:
            return
        mark = f" {UNSAVED}" if self.text.document().isModified() else ""
        read_only = " (built-in, read only: Customise to edit)" if self.text.isReadOnly() else ""
        self.path_label.setText(f"{self.path.name}{mark}{read_only}")
        self.path_label.setToolTip(str(self.path) + (" — unsaved changes" if mark else ""))

    def is_modified(self) -> bool:
        return self.text.document().isModified()

    def mark_saved(self) -> None:
        self.text.document().setModified(False)

    def source(self) -> str:
        return self.text.toPlainText()

    def show_error(self, line: int | None, message: str) -> None:
        """Mark `line` (1-based) with a red band and show the message under the editor."""
        self.status.setText(f"<span style='color:{colours.ERROR}'>{'Line ' + str(line) + ': ' if line else ''}"
                            f"{escape(message)}</span>")
        if not line:
            self.text.setExtraSelections([])
            return
        block = self.text.document().findBlockByNumber(line - 1)
        selection = QTextEdit.ExtraSelection()
        selection.format.setBackground(QColor("#FBE3E1"))
        selection.format.setProperty(QTextFormat.FullWidthSelection, True)
        cursor = QTextCursor(block)
        selection.cursor = cursor
        self.text.setExtraSelections([selection])
        self.text.setTextCursor(cursor)
        self.text.centerCursor()

    def clear_error(self, note: str = "") -> None:
        self.text.setExtraSelections([])
        self.status.setText(escape(note))

    def error_line(self) -> int | None:
        selections = self.text.extraSelections()
        return selections[0].cursor.blockNumber() + 1 if selections else None


__all__ = ["TemplateEditor", "TemplateHighlighter"]
