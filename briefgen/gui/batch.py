"""The batch-export dialog: which audiences, which formats, and the folder to write into."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class BatchDialog(QDialog):
    """Collects a batch export's choices; `choices()` returns them once the dialog is accepted."""

    def __init__(self, parent: QWidget | None, audiences: dict[str, str], folder: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle("Batch export")
        self.audienceList = QListWidget()
        self.audienceList.setObjectName("batchAudiences")
        for audience_id, title in audiences.items():
            item = QListWidgetItem(title)
            item.setData(Qt.UserRole, audience_id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            self.audienceList.addItem(item)
        self.pdfBox = QCheckBox("PDF")
        self.pdfBox.setChecked(True)
        self.docxBox = QCheckBox("Word (DOCX)")
        self.docxBox.setChecked(True)
        self.folderEdit = QLineEdit(str(folder))
        self.folderEdit.setObjectName("batchFolder")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText("Export")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        formats = QHBoxLayout()
        formats.addWidget(self.pdfBox)
        formats.addWidget(self.docxBox)
        formats.addStretch(1)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folderEdit, 1)
        folder_row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Audiences"))
        layout.addWidget(self.audienceList)
        layout.addWidget(QLabel("Formats"))
        layout.addLayout(formats)
        layout.addWidget(QLabel("Folder"))
        layout.addLayout(folder_row)
        layout.addWidget(self.buttons)
        for box in (self.pdfBox, self.docxBox):
            box.toggled.connect(self._update_ok)
        self.audienceList.itemChanged.connect(self._update_ok)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Batch export: choose a folder", self.folderEdit.text())
        if chosen:
            self.folderEdit.setText(chosen)

    def _update_ok(self, *_args) -> None:
        audiences, formats = self._selected()
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(audiences and formats))

    def _selected(self) -> tuple[list[str], list[str]]:
        audiences = [self.audienceList.item(i).data(Qt.UserRole) for i in range(self.audienceList.count())
                     if self.audienceList.item(i).checkState() == Qt.Checked]
        formats = [fmt for fmt, box in (("pdf", self.pdfBox), ("docx", self.docxBox)) if box.isChecked()]
        return audiences, formats

    def choices(self) -> tuple[Path, list[str], list[str]]:
        audiences, formats = self._selected()
        return Path(self.folderEdit.text()), audiences, formats
