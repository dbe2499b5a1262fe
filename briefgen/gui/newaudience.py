"""The New audience dialog: id, title, description and the audience to start from."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from ..audience_files import AUDIENCE_ID
from . import colours


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]


class NewAudienceDialog(QDialog):
    """Collects a new audience; OK is enabled only for a free, well-formed id and a title and description."""

    def __init__(self, parent: QWidget | None, audiences: dict[str, str], current: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("New audience")
        self.taken = dict(audiences)
        self.idEdit = QLineEdit()
        self.idEdit.setObjectName("newAudienceId")
        self.idEdit.setToolTip("Lower-case letters, digits and hyphens: it names the template file")
        self.titleEdit = QLineEdit()
        self.titleEdit.setObjectName("newAudienceTitle")
        self.titleEdit.setToolTip("As the audience list shows it, such as Central bankers")
        self.descriptionEdit = QLineEdit()
        self.descriptionEdit.setObjectName("newAudienceDescription")
        self.descriptionEdit.setToolTip("One line on who the readers are")
        self.basedOnCombo = QComboBox()
        self.basedOnCombo.setObjectName("newAudienceBasedOn")
        self.basedOnCombo.setToolTip("The new brief starts as this audience's brief; edit its template to change it")
        for audience_id, title in audiences.items():
            self.basedOnCombo.addItem(title, audience_id)
        self.basedOnCombo.setCurrentIndex(max(self.basedOnCombo.findData(current), 0))
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {colours.ERROR}")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button().setText("Create")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Title", self.titleEdit)
        form.addRow("&Id", self.idEdit)
        form.addRow("&Description", self.descriptionEdit)
        form.addRow("&Start from", self.basedOnCombo)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self._last_title = ""
        self.titleEdit.textChanged.connect(self._title_changed)
        for edit in (self.idEdit, self.descriptionEdit):
            edit.textChanged.connect(self._validate)
        self._validate()

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.Ok)

    def _title_changed(self, title: str) -> None:
        if not self.idEdit.text() or self.idEdit.text() == _slug(self._last_title):
            self.idEdit.setText(_slug(title))  # suggest an id until the user writes their own
        self._last_title = title
        self._validate()

    def _validate(self, *_args) -> None:
        audience_id = self.idEdit.text().strip()
        if audience_id in self.taken:
            problem = f"'{audience_id}' is already an audience; choose another id"
        elif audience_id and not AUDIENCE_ID.match(audience_id):
            problem = "the id takes lower-case letters, digits and hyphens, starting with a letter"
        else:
            problem = ""
        self.problem.setText(problem)
        complete = all(edit.text().strip() for edit in (self.idEdit, self.titleEdit, self.descriptionEdit))
        self.ok_button().setEnabled(complete and not problem)

    def values(self) -> dict[str, str]:
        return {"id": self.idEdit.text().strip(), "title": self.titleEdit.text().strip(),
                "description": self.descriptionEdit.text().strip(), "based_on": self.basedOnCombo.currentData()}
