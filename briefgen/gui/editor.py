"""The template editor pane: Jinja and Markdown highlighting, and errors marked at their line."""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QTextEdit, QVBoxLayout, QWidget


def _format(colour: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(colour))
    if bold:
        fmt.setFontWeight(QFont.Bold)
    fmt.setFontItalic(italic)
    return fmt


class TemplateHighlighter(QSyntaxHighlighter):
    """Colours Jinja tags, expressions and comments, and the Markdown a brief can hold."""

    RULES = [
        (re.compile(r"^#{1,3} .*$"), _format("#0B4F6C", bold=True)),
        (re.compile(r"^:::.*$"), _format("#7A4E00", bold=True)),
        (re.compile(r"^\s*(- |\d+\. )"), _format("#0B4F6C", bold=True)),
        (re.compile(r"\*\*[^*]+\*\*"), _format("#1F2328", bold=True)),
        (re.compile(r"^\|.*\|$"), _format("#5B6770")),
        (re.compile(r"\{\{.*?\}\}"), _format("#8A2BE2")),
        (re.compile(r"\{%.*?%\}"), _format("#B3261E", bold=True)),
        (re.compile(r"\{#.*?#\}"), _format("#6A737D", italic=True)),
    ]

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        for pattern, fmt in self.RULES:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), fmt)


class TemplateEditor(QWidget):
    """Edits one template file; `saveRequested` asks the window to save and validate it."""

    saveRequested = Signal()
    resetRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path_label = QLabel("No template open. Use “Customise template for this audience”.")
        self.path_label.setObjectName("templatePath")
        self.path_label.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("templateEditor")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.NoWrap)
        self.text.setEnabled(False)
        self.highlighter = TemplateHighlighter(self.text.document())
        self.status = QLabel("")
        self.status.setObjectName("templateStatus")
        self.status.setWordWrap(True)
        self.save_button = QPushButton("Save and check")
        self.save_button.setObjectName("saveTemplateButton")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.saveRequested)
        self.reset_button = QPushButton("Reset to built-in")
        self.reset_button.setObjectName("resetTemplateButton")
        self.reset_button.setEnabled(False)
        self.reset_button.clicked.connect(self.resetRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.path_label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def open(self, path_text: str, source: str) -> None:
        self.path_label.setText(path_text)
        self.text.setPlainText(source)
        self.text.setEnabled(True)
        self.save_button.setEnabled(True)
        self.reset_button.setEnabled(True)
        self.clear_error()

    def source(self) -> str:
        return self.text.toPlainText()

    def show_error(self, line: int | None, message: str) -> None:
        """Mark `line` (1-based) with a red band and show the message under the editor."""
        self.status.setText(f"<span style='color:#B3261E'>{'Line ' + str(line) + ': ' if line else ''}"
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
        self.status.setText(note)

    def error_line(self) -> int | None:
        selections = self.text.extraSelections()
        return selections[0].cursor.blockNumber() + 1 if selections else None



__all__ = ["TemplateEditor", "TemplateHighlighter"]
