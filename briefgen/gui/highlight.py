"""Syntax colours for the template editor: Jinja tags, expressions and comments, and a brief's Markdown."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat


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
