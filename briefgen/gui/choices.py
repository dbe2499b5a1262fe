"""The choices panel: themes, audience, length, the brief's language and the title block; it describes one BriefRequest."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
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

from ..catalogue import Catalogue, load_catalogue
from ..errors import BriefgenError
from ..request import DEFAULT_TITLE, LANGUAGES, LENGTHS, BriefRequest, normalise_language
from ..resources import resolve_user_dir
from ..titles import brief_title
from . import i18n
from .themelist import ThemeList

LENGTH_LABELS = {"one-page": QT_TRANSLATE_NOOP("ChoicesPanel", "One page"),
                 "standard": QT_TRANSLATE_NOOP("ChoicesPanel", "Standard (3–4 pages)"),
                 "extended": QT_TRANSLATE_NOOP("ChoicesPanel", "Extended (6–8 pages)")}
LENGTH_TIPS = {"one-page": QT_TRANSLATE_NOOP("ChoicesPanel", "Key messages, findings and recommendations on a single page"),
               "standard": QT_TRANSLATE_NOOP("ChoicesPanel", "The usual brief: summary, context, findings, implications "
                                                             "and recommendations"),
               "extended": QT_TRANSLATE_NOOP("ChoicesPanel", "Everything, with a contents list, analysis, a timeline "
                                                             "and a glossary")}
BRIEF_LANGUAGE_NAMES = {"en": "English", "zh-Hant-HK": "繁體中文（香港）", "zh-Hans-CN": "简体中文（中国内地）"}  # own script
BRIEF_LANGUAGE_TIPS = {
    "en": QT_TRANSLATE_NOOP("ChoicesPanel", "The brief in English"),
    "zh-Hant-HK": QT_TRANSLATE_NOOP("ChoicesPanel", "The brief in Traditional Chinese for Hong Kong readers: Hong Kong's "
                                                    "official terms and 「」 quotation marks"),
    "zh-Hans-CN": QT_TRANSLATE_NOOP("ChoicesPanel", "The brief in Simplified Chinese for mainland readers: the mainland's "
                                                    "official terms and “” quotation marks"),
}


class ChoicesPanel(QWidget):
    """Emits `changed` once per change of choice; `exportRequested(kind)` and `customiseRequested` for its buttons."""

    changed = Signal()
    exportRequested = Signal(str)  # "pdf", "docx" or "both"
    customiseRequested = Signal()

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self._quiet = 0
        self.typing = False  # whether the last change was typed (text or date) rather than picked
        layout = QVBoxLayout(self)
        self.themesBox = themes = QGroupBox()
        self.themeList = ThemeList()
        themes.setFocusProxy(self.themeList)
        QVBoxLayout(themes).addWidget(self.themeList)
        layout.addWidget(themes, 1)

        form = QFormLayout()
        self.audienceCombo = self._named(QComboBox(), "audienceCombo")
        self.audienceDescription = QLabel()
        self.audienceDescription.setObjectName("audienceDescription")
        self.audienceDescription.setWordWrap(True)
        self.lengthCombo = self._named(QComboBox(), "lengthCombo")
        for length in LENGTHS:
            self.lengthCombo.addItem("", length)
        self.langCombo = self._named(QComboBox(), "langCombo")
        for lang in LANGUAGES:
            self.langCombo.addItem(BRIEF_LANGUAGE_NAMES[lang], lang)
        self.titleEdit = self._named(QLineEdit(), "titleEdit")
        self.authorEdit = self._named(QLineEdit(), "authorEdit")
        self.organisationEdit = self._named(QLineEdit(), "organisationEdit")
        self.dateEdit = self._named(QDateEdit(QDate.currentDate()), "dateEdit")
        self.dateEdit.setCalendarPopup(True)
        self.form_labels: dict[str, QLabel] = {}
        for widget in (self.audienceCombo, self.audienceDescription, self.lengthCombo, self.langCombo, self.titleEdit,
                       self.authorEdit, self.organisationEdit, self.dateEdit):
            label = QLabel()
            label.setBuddy(widget)
            self.form_labels[widget.objectName()] = label
            form.addRow(label, widget)
        layout.addLayout(form)

        self.exportButton = QPushButton()
        self.exportButton.setObjectName("exportButton")
        menu = QMenu(self.exportButton)
        self.export_actions = [menu.addAction("", lambda: self.exportRequested.emit("pdf")),
                               menu.addAction("", lambda: self.exportRequested.emit("docx")),
                               menu.addAction("", lambda: self.exportRequested.emit("both"))]
        self.exportButton.setMenu(menu)
        self.customiseButton = QPushButton()
        self.customiseButton.setObjectName("customiseButton")
        self.customiseButton.clicked.connect(self.customiseRequested)
        layout.addWidget(self.exportButton)
        layout.addWidget(self.customiseButton)
        chain = [self.themeList, self.audienceCombo, self.lengthCombo, self.langCombo, self.titleEdit, self.authorEdit,
                 self.organisationEdit, self.dateEdit, self.exportButton, self.customiseButton]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        i18n.live(self, ChoicesPanel._set_texts)

        self.themeList.changed.connect(self._emit_changed)
        self.audienceCombo.currentIndexChanged.connect(self._audience_changed)
        self.lengthCombo.currentIndexChanged.connect(self._emit_changed)
        self.langCombo.currentIndexChanged.connect(self._show_han_faces)
        self.langCombo.currentIndexChanged.connect(self._emit_changed)
        for edit in (self.titleEdit, self.authorEdit, self.organisationEdit):
            edit.textChanged.connect(self._emit_typed)
        self.dateEdit.dateChanged.connect(self._emit_typed)

    @staticmethod
    def _named(widget, name: str):
        widget.setObjectName(name)
        return widget

    def _set_texts(self) -> None:
        """Labels, accessible names (screen readers) and tooltips in the interface language."""
        def tr(source: str) -> str:
            return i18n.translated("ChoicesPanel", source)

        self.themesBox.setTitle(i18n.translate("ChoicesPanel", "&Themes"))
        self.dateEdit.setDisplayFormat(i18n.translate("ChoicesPanel", "d MMMM yyyy"))  # a Qt date format
        self.themeList.fill(self._shown().themes.values(), self.themeList.chosen())
        self.fill_audiences(self.catalogue)
        fields = {
            "audienceCombo": (i18n.translate("ChoicesPanel", "&Audience"), i18n.translate("ChoicesPanel", "Audience"),
                              i18n.translate("ChoicesPanel", "Who the brief is for: it sets the template, the emphasis "
                                                             "and the recommendations")),
            "lengthCombo": (i18n.translate("ChoicesPanel", "&Length"), i18n.translate("ChoicesPanel", "Length"),
                            i18n.translate("ChoicesPanel", "How long the brief is, and which sections it has")),
            "langCombo": (i18n.translate("ChoicesPanel", "Lan&guage"), i18n.translate("ChoicesPanel", "Brief language"),
                          i18n.translate("ChoicesPanel", "The language the brief is written in: its text, headings, "
                                                         "dates and the files' language tag")),
            "titleEdit": (i18n.translate("ChoicesPanel", "T&itle"), i18n.translate("ChoicesPanel", "Title"),
                          i18n.translate("ChoicesPanel", "The brief's title; leave it empty to title the brief with its main finding")),
            "authorEdit": (i18n.translate("ChoicesPanel", "A&uthor"), i18n.translate("ChoicesPanel", "Author"),
                           i18n.translate("ChoicesPanel", "Your name, shown under the title (optional)")),
            "organisationEdit": (i18n.translate("ChoicesPanel", "O&rganisation"),
                                 i18n.translate("ChoicesPanel", "Organisation"),
                                 i18n.translate("ChoicesPanel", "Your organisation, shown under the title (optional)")),
            "dateEdit": (i18n.translate("ChoicesPanel", "&Date"), i18n.translate("ChoicesPanel", "Date"),
                         i18n.translate("ChoicesPanel", "The brief's date; the app warns when it is long after the "
                                                        "facts' date")),
        }
        for name, (label, accessible, tip) in fields.items():
            widget = getattr(self, name)
            self.form_labels[name].setText(label)
            widget.setAccessibleName(accessible)
            widget.setToolTip(tip)
        for index, length in enumerate(LENGTHS):
            self.lengthCombo.setItemText(index, tr(LENGTH_LABELS[length]))
            self.lengthCombo.setItemData(index, tr(LENGTH_TIPS[length]), Qt.ToolTipRole)
        for index, lang in enumerate(LANGUAGES):
            self.langCombo.setItemData(index, tr(BRIEF_LANGUAGE_TIPS[lang]), Qt.ToolTipRole)
            self.langCombo.setItemData(index, i18n.font_for(lang, self.font()), Qt.FontRole)  # 香港 in HK glyphs
        self._show_han_faces()
        self.exportButton.setText(i18n.translate("ChoicesPanel", "E&xport…"))
        self.exportButton.setAccessibleName(i18n.translate("ChoicesPanel", "Export"))
        self.exportButton.setToolTip(i18n.translate("ChoicesPanel", "Export to PDF or Word (Ctrl+E)"))
        for action, text in zip(self.export_actions, (i18n.translate("ChoicesPanel", "PDF…"),
                                                      i18n.translate("ChoicesPanel", "Word (DOCX)…"),
                                                      i18n.translate("ChoicesPanel", "Both PDF and Word…"))):
            action.setText(text)
        self.customiseButton.setText(i18n.translate("ChoicesPanel", "&Customise template for this audience"))
        self.customiseButton.setToolTip(i18n.translate("ChoicesPanel", "Copy this audience's template to your folder "
                                                                       "and edit it beside the preview"))

    # -- audiences ------------------------------------------------------------------------------
    def fill_audiences(self, catalogue: Catalogue, select: str | None = None) -> None:
        """List the catalogue's audiences in the interface language, keeping (or selecting) one, without a change signal."""
        self.catalogue = catalogue
        current = select or self.audienceCombo.currentData()
        self.audienceCombo.blockSignals(True)
        self.audienceCombo.clear()
        for audience in self._shown().audiences.values():
            self.audienceCombo.addItem(audience.title, audience.id)
            self.audienceCombo.setItemData(self.audienceCombo.count() - 1, audience.description, Qt.ToolTipRole)
        self.audienceCombo.setCurrentIndex(max(self.audienceCombo.findData(current), 0))
        self.audienceCombo.blockSignals(False)
        self._show_description()

    def _show_description(self) -> None:
        audience = self._shown().audiences.get(self.audienceCombo.currentData() or "")
        self.audienceDescription.setText(audience.description if audience else "")

    def _audience_changed(self) -> None:
        self._show_description()
        self._emit_changed()

    def _show_han_faces(self, *_args) -> None:
        """The language box and title block draw Chinese in the brief's locale's glyphs (English: the interface's)."""
        lang = self.lang() if self.lang() != LANGUAGES[0] else i18n.current()
        for edit in (self.langCombo, self.titleEdit, self.authorEdit, self.organisationEdit):
            edit.setFont(i18n.font_for(lang, self.font()))

    def _emit_typed(self, *_args) -> None:
        self.typing = True
        self._emit_changed()
        self.typing = False

    def _emit_changed(self, *_args) -> None:
        if not self._quiet:  # apply_state updates the placeholder and signals once, after all its changes
            self._show_title_placeholder()
            self.changed.emit()

    def _show_title_placeholder(self) -> None:
        """The empty title field shows the title the brief will have: its finding for these choices."""
        themes = tuple(self.themeList.chosen())
        audience = self.catalogue.audiences.get(self.audience())
        if not themes or audience is None:
            self.titleEdit.setPlaceholderText("")
            return
        try:
            request = BriefRequest(audience=audience.id, themes=themes, lang=self.lang(), title="")
            self.titleEdit.setPlaceholderText(brief_title(request, self._catalogue_in(request.lang)))
        except BriefgenError:
            self.titleEdit.setPlaceholderText("")

    def _catalogue_in(self, lang: str) -> Catalogue:
        """The catalogue with its content in `lang`, as a brief in `lang` reads it."""
        if lang == self.catalogue.lang:
            return self.catalogue
        return load_catalogue(resolve_user_dir(None), lang)

    def _shown(self) -> Catalogue:
        """The catalogue the panel lists themes and audiences from: in the interface language where it can be."""
        try:
            return self._catalogue_in(i18n.current())
        except BriefgenError:  # a broken translation of the user's own entries: list them in English
            return self.catalogue

    # -- the request ----------------------------------------------------------------------------
    def audience(self) -> str:
        return self.audienceCombo.currentData() or ""

    def lang(self) -> str:
        """The brief's language (a code of briefgen.request.LANGUAGES), not the interface's."""
        return self.langCombo.currentData() or LANGUAGES[0]

    def current_request(self) -> BriefRequest:
        """The request the choices describe; a BriefgenError says what is missing."""
        date = self.dateEdit.date()
        return BriefRequest(
            audience=self.audience(),
            themes=tuple(self.themeList.chosen()),
            length=self.lengthCombo.currentData(),
            lang=self.lang(),
            title=self.titleEdit.text().strip() or DEFAULT_TITLE,
            author=self.authorEdit.text(),
            organisation=self.organisationEdit.text(),
            date=dt.date(date.year(), date.month(), date.day()),
        )

    def state(self) -> dict[str, Any]:
        """Every choice as plain values (themes may be none), for undo and for settings."""
        return {"audience": self.audience(), "themes": tuple(self.themeList.chosen()),
                "length": self.lengthCombo.currentData(), "lang": self.lang(), "title": self.titleEdit.text(),
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
            if "lang" in state:
                self.langCombo.setCurrentIndex(max(self.langCombo.findData(normalise_language(state["lang"] or "")), 0))
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
        self._show_title_placeholder()
        self.changed.emit()

    def apply_request(self, request: BriefRequest) -> None:
        self.apply_state({"audience": request.audience, "themes": request.themes, "length": request.length,
                          "lang": request.lang,
                          "title": "" if request.title == DEFAULT_TITLE else request.title,
                          "author": request.author, "organisation": request.organisation,
                          "date": request.date.isoformat()})
