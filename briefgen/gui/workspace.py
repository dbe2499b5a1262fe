"""The template workspace: the editor (with the template reference under it) beside the live preview."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTextBrowser, QWidget

from .editor import TemplateEditor
from .helpdocs import reference_html
from .preview import PreviewPane


class TemplateWorkspace(QSplitter):
    """Editor column on the left (hidden until a file is opened), preview on the right."""

    def __init__(self, preview: PreviewPane, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Horizontal, parent)
        self.setObjectName("templateWorkspace")
        self.editor = TemplateEditor()
        self.referencePanel = QTextBrowser()
        self.referencePanel.setObjectName("referencePanel")
        self.referencePanel.setAccessibleName("Template reference")
        self.referencePanel.setOpenLinks(False)
        self.referencePanel.hide()
        self.column = QSplitter(Qt.Vertical)
        self.column.setObjectName("editorColumn")
        self.column.addWidget(self.editor)
        self.column.addWidget(self.referencePanel)
        self.column.setStretchFactor(0, 3)
        self.column.setStretchFactor(1, 2)
        self.column.hide()
        self.addWidget(self.column)
        self.addWidget(preview)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)
        self.editor.referenceRequested.connect(self.show_reference)
        self.editor.closeRequested.connect(self.hide_editor)

    def show_editor(self) -> None:
        if not self.column.isVisible():
            self.column.show()
            half = max(self.width() // 2, 1)
            self.setSizes([half, self.width() - half])
        self.editor.text.setFocus()

    def hide_editor(self) -> None:
        self.column.hide()

    def editor_shown(self) -> bool:
        return self.column.isVisible()

    def show_reference(self, shown: bool = True) -> None:
        if shown and not self.referencePanel.toPlainText():
            self.referencePanel.setHtml(reference_html())
        self.referencePanel.setVisible(shown)
        if shown:
            self.column.show()
        self.editor.reference_button.blockSignals(True)
        self.editor.reference_button.setChecked(shown)
        self.editor.reference_button.blockSignals(False)
