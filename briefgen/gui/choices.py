"""The choices panel: themes, audience, length and the title block; it describes one BriefRequest."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..catalogue import Catalogue
from ..request import DEFAULT_TITLE, LENGTHS, BriefRequest
from .themelist import ThemeList

LENGTH_LABELS = {"one-page": "One page", "standard": "Standard (3–4 pages)", "extended": "Extended (6–8 pages)"}
LENGTH_TIPS = {"one-page": "Key messages, findings and recommendations on a single page",
               "standard": "The usual brief: summary, context, findings, implications and recommendations",
               "extended": "Everything, with a contents list, analysis, a timeline and a glossary"}


class ChoicesPanel(QWidget):
    """Emits `changed` once per change of choice; `exportRequested(kind)` and `customiseRequested` for its buttons."""

    changed = Signal()
    exportRequested = Signal(str)  # "pdf", "docx" or "both"
    customiseRequested = Signal()

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self._quiet = 0
        layout = QVBoxLayout(self)
        themes = QGroupBox("&Themes")
        self.themeList = ThemeList()
        self.themeList.fill(catalogue.themes.values())
        themes.setFocusProxy(self.themeList)
        QVBoxLayout(themes).addWidget(self.themeList)
        layout.addWidget(themes, 1)

        form = QFormLayout()
        self.audienceCombo = self._combo("audienceCombo", "Audience", "Who the brief is for: it sets the template, "
                                         "the emphasis and the recommendations")
        self.audienceDescription = QLabel()
        self.audienceDescription.setObjectName("audienceDescription")
        self.audienceDescription.setWordWrap(True)
        self.fill_audiences(catalogue)
        self.lengthCombo = self._combo("lengthCombo", "Length", "How long the brief is, and which sections it has")
        for length in LENGTHS:
            self.lengthCombo.addItem(LENGTH_LABELS[length], length)
            self.lengthCombo.setItemData(self.lengthCombo.count() - 1, LENGTH_TIPS[length], Qt.ToolTipRole)
        self.titleEdit = self._line("titleEdit", "Title", "The brief's title; leave it empty for the default")
        self.titleEdit.setPlaceholderText(DEFAULT_TITLE)
        self.authorEdit = self._line("authorEdit", "Author", "Your name, shown under the title (optional)")
        self.organisationEdit = self._line("organisationEdit", "Organisation",
                                           "Your organisation, shown under the title (optional)")
        self.dateEdit = self._named(QDateEdit(QDate.currentDate()), "dateEdit", "Date",
                                    "The brief's date; the app warns when it is long after the facts' date")
        self.dateEdit.setCalendarPopup(True)
        self.dateEdit.setDisplayFormat("d MMMM yyyy")
        for label, widget in (("&Audience", self.audienceCombo), ("", self.audienceDescription),
                              ("&Length", self.lengthCombo), ("T&itle", self.titleEdit), ("A&uthor", self.authorEdit),
                              ("O&rganisation", self.organisationEdit), ("&Date", self.dateEdit)):
            form.addRow(label, widget)
        layout.addLayout(form)

        self.exportButton = QPushButton("E&xport…")
        self.exportButton.setObjectName("exportButton")
        self.exportButton.setAccessibleName("Export")
        self.exportButton.setToolTip("Export to PDF or Word (Ctrl+E)")
        menu = QMenu(self.exportButton)
        menu.addAction("PDF…", lambda: self.exportRequested.emit("pdf"))
        menu.addAction("Word (DOCX)…", lambda: self.exportRequested.emit("docx"))
        menu.addAction("Both PDF and Word…", lambda: self.exportRequested.emit("both"))
        self.exportButton.setMenu(menu)
        self.customiseButton = QPushButton("&Customise template for this audience")
        self.customiseButton.setObjectName("customiseButton")
        self.customiseButton.setToolTip("Copy this audience's template to your folder and edit it beside the preview")
        self.customiseButton.clicked.connect(self.customiseRequested)
        layout.addWidget(self.exportButton)
        layout.addWidget(self.customiseButton)
        chain = [self.themeList, self.audienceCombo, self.lengthCombo, self.titleEdit, self.authorEdit,
                 self.organisationEdit, self.dateEdit, self.exportButton, self.customiseButton]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

        self.themeList.changed.connect(self._emit_changed)
        self.audienceCombo.currentIndexChanged.connect(self._audience_changed)
        self.lengthCombo.currentIndexChanged.connect(self._emit_changed)
        for edit in (self.titleEdit, self.authorEdit, self.organisationEdit):
            edit.textChanged.connect(self._emit_changed)
        self.dateEdit.dateChanged.connect(self._emit_changed)

    @staticmethod
    def _named(widget, name: str, accessible: str, tip: str):
        """`widget` with its object name (automation), accessible name (screen readers) and tooltip."""
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        widget.setToolTip(tip)
        return widget

    def _combo(self, name: str, accessible: str, tip: str) -> QComboBox:
        return self._named(QComboBox(), name, accessible, tip)

    def _line(self, name: str, accessible: str, tip: str) -> QLineEdit:
        return self._named(QLineEdit(), name, accessible, tip)

    # -- audiences ------------------------------------------------------------------------------
    def fill_audiences(self, catalogue: Catalogue, select: str | None = None) -> None:
        """List the catalogue's audiences, keeping (or selecting) one, without a change signal."""
        self.catalogue = catalogue
        current = select or self.audienceCombo.currentData()
        self.audienceCombo.blockSignals(True)
        self.audienceCombo.clear()
        for audience in catalogue.audiences.values():
            self.audienceCombo.addItem(audience.title, audience.id)
            self.audienceCombo.setItemData(self.audienceCombo.count() - 1, audience.description, Qt.ToolTipRole)
        self.audienceCombo.setCurrentIndex(max(self.audienceCombo.findData(current), 0))
        self.audienceCombo.blockSignals(False)
        self._show_description()

    def _show_description(self) -> None:
        audience = self.catalogue.audiences.get(self.audienceCombo.currentData() or "")
        self.audienceDescription.setText(audience.description if audience else "")

    def _audience_changed(self) -> None:
        self._show_description()
        self._emit_changed()

    def _emit_changed(self, *_args) -> None:
        if not self._quiet:
            self.changed.emit()

    # -- the request ----------------------------------------------------------------------------
    def audience(self) -> str:
        return self.audienceCombo.currentData() or ""

    def current_request(self) -> BriefRequest:
        """The request the choices describe; a BriefgenError says what is missing."""
        date = self.dateEdit.date()
        return BriefRequest(
            audience=self.audience(),
            themes=tuple(self.themeList.chosen()),
            length=self.lengthCombo.currentData(),
            title=self.titleEdit.text().strip() or DEFAULT_TITLE,
            author=self.authorEdit.text(),
            organisation=self.organisationEdit.text(),
            date=dt.date(date.year(), date.month(), date.day()),
        )

    def state(self) -> dict[str, Any]:
        """Every choice as plain values (themes may be none), for undo and for settings."""
        return {"audience": self.audience(), "themes": tuple(self.themeList.chosen()),
                "length": self.lengthCombo.currentData(), "title": self.titleEdit.text(),
                "author": self.authorEdit.text(), "organisation": self.organisationEdit.text(),
                "date": self.dateEdit.date().toString(Qt.ISODate)}

    def apply_state(self, state: dict[str, Any]) -> None:
        """Set every choice in `state` (missing keys are left alone), emitting `changed` once."""
        self._quiet += 1
        try:
            if "audience" in state:
                self.audienceCombo.setCurrentIndex(max(self.audienceCombo.findData(state["audience"]), 0))
            if "length" in state:
                self.lengthCombo.setCurrentIndex(max(self.lengthCombo.findData(state["length"]), 0))
            for key, edit in (("title", self.titleEdit), ("author", self.authorEdit),
                              ("organisation", self.organisationEdit)):
                if key in state and edit.text() != state[key]:
                    edit.setText(state[key])
            if "date" in state:
                self.dateEdit.setDate(QDate.fromString(state["date"], Qt.ISODate))
            if "themes" in state:
                self.themeList.set_chosen(state["themes"])
        finally:
            self._quiet -= 1
        self.changed.emit()

    def apply_request(self, request: BriefRequest) -> None:
        self.apply_state({"audience": request.audience, "themes": request.themes, "length": request.length,
                          "title": "" if request.title == DEFAULT_TITLE else request.title,
                          "author": request.author, "organisation": request.organisation,
                          "date": request.date.isoformat()})
