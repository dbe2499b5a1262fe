"""The main window: it assembles the choices panel, the template workspace with the preview, and the controllers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QScrollArea, QSplitter, QStatusBar, QWidget

from .. import __version__
from ..resources import resolve_user_dir
from ..catalogue import Catalogue, load_catalogue
from ..errors import BriefgenError
from ..request import BriefRequest
from ..resources import assets_dir, user_templates_dir
from . import dialogs, i18n
from .batchctl import BatchController
from .briefs import BriefFiles
from .choices import ChoicesPanel
from .exportctl import ExportController, open_or_say
from .helpdocs import GUIDE, HelpDialog, shortcuts_html
from .preview import PreviewPane
from .previewer import Previewer
from .settings import Settings
from .tasks import TaskRunner
from .templatectl import TemplateController
from .undo import ChoiceHistory
from .workspace import TemplateWorkspace

ABOUT = ("<b>briefgen {version}</b><p>Sourced policy briefs on Hong Kong–mainland China crypto collaboration, as "
         "Word and PDF.</p><p>Fonts: Caladea and Carlito (SIL Open Font License).</p>")


def icon() -> QIcon:
    return QIcon(str(assets_dir() / "images" / "icon.png"))


class MainWindow(QMainWindow):
    """briefgen's window. Automation contract: see the README and the object names of its parts."""

    exportFinished = Signal(str)
    exportFailed = Signal(str)
    previewUpdated = Signal()
    previewFailed = Signal(str)
    batchFinished = Signal(int, bool)  # files written (-1: failed), cancelled
    templateChecked = Signal(bool, str)  # the saved template passed its check; else the problem shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowIcon(icon())
        self.settings = Settings()
        i18n.apply(i18n.chosen_language(self.settings.get("interface_language")))
        self.runner = TaskRunner(self)
        self.pool = self.runner.pool
        self.catalogue = self._load_catalogue()
        self._restoring = True

        self.choices = ChoicesPanel(self.catalogue)
        self.previewPane = PreviewPane()
        self.workspace = TemplateWorkspace(self.previewPane)
        self.editor = self.workspace.editor
        self._expose_parts()
        left = QScrollArea()
        left.setWidgetResizable(True)
        left.setWidget(self.choices)
        left.setMinimumWidth(290)
        left.setFocusPolicy(Qt.NoFocus)
        self.left_scroll = left
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.workspace)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 900])
        self.setCentralWidget(self.splitter)
        self.setStatusBar(QStatusBar())

        status = self.statusBar().showMessage
        catalogue = lambda: self.catalogue  # noqa: E731 - the catalogue is replaced when an audience is added
        self.previewer = Previewer(self.previewPane, self.runner, self.preview_request, catalogue, self)
        self.exports = ExportController(self, self.runner, self.settings, self.current_request, catalogue, status)
        self.batches = BatchController(self, self.runner, self.settings, self.current_request, catalogue, status)
        self.briefs = BriefFiles(self, self.settings, self.current_request, self.apply_request, catalogue, status)
        self.templates = TemplateController(self, self.workspace, self.runner, catalogue, self.choices.audience,
                                            self.current_request)
        self.history = ChoiceHistory(self.choices, self)
        self.statusBar().addPermanentWidget(self.exports.notice)
        self.openFileButton = self.exports.openFileButton
        self.openFolderButton = self.exports.openFolderButton
        self.exportNotice = self.exports.notice
        self._build_menus()
        self._connect()
        self.resize(1200, 760)
        self._restore()
        self._restoring = False
        self.history.stack.clear()  # the restored choices are where undo stops
        self.history.reset()
        i18n.live(self, MainWindow._show_name)  # the untitled brief's name follows the interface language
        self.schedule_preview()

    # -- assembly -------------------------------------------------------------------------------
    def _load_catalogue(self) -> Catalogue:
        try:
            return load_catalogue(resolve_user_dir(None))
        except BriefgenError as exc:
            dialogs.show_error(self, "Your audiences or facts file has a problem", str(exc))
            return load_catalogue(None)

    def _expose_parts(self) -> None:
        """The automation contract's widget names as attributes (the README lists them)."""
        for name in ("themeList", "audienceCombo", "audienceDescription", "lengthCombo", "langCombo", "titleEdit",
                     "authorEdit", "organisationEdit", "dateEdit", "exportButton", "customiseButton"):
            setattr(self, name, getattr(self.choices, name))
        for name in ("preview", "pdf", "pageCount", "previewMessage", "factsNotice", "zoomCombo", "pageSpin",
                     "prevPageButton", "nextPageButton"):
            setattr(self, name, getattr(self.previewPane, name))
        self.templateEditor = self.editor.text
        self.referencePanel = self.workspace.referencePanel

    def _connect(self) -> None:
        self.choices.changed.connect(self._choices_changed)
        self.choices.exportRequested.connect(lambda kind: self.ask_and_export_both() if kind == "both"
                                             else self.ask_and_export(kind))
        self.choices.customiseRequested.connect(self.customise_template)
        self.previewer.updated.connect(self.previewUpdated)
        self.previewer.failed.connect(self.previewFailed)
        self.exports.finished.connect(self._export_done)
        self.exports.failed.connect(self.exportFailed)
        self.batches.finished.connect(self.batchFinished)
        self.templates.checked.connect(self.templateChecked)
        self.templates.saved.connect(self.schedule_preview)
        self.templates.opened.connect(self.schedule_preview)
        self.templates.audienceAdded.connect(self._audience_added)
        self.briefs.nameChanged.connect(self._show_name)
        self.briefs.modifiedChanged.connect(self.setWindowModified)

    def _build_menus(self) -> None:
        file_menu = self._menu("fileMenu", QT_TRANSLATE_NOOP("MainWindow", "&File"))
        self.openAction = self._action(file_menu, QT_TRANSLATE_NOOP("MainWindow", "&Open brief…"), QKeySequence.Open, self.briefs.open_dialog)
        self.recentMenu = self.briefs.recentMenu
        file_menu.addMenu(self.recentMenu)
        self.saveAction = self._action(file_menu, QT_TRANSLATE_NOOP("MainWindow", "&Save brief"), QKeySequence.Save, self.briefs.save)
        self.saveAsAction = self._action(file_menu, QT_TRANSLATE_NOOP("MainWindow", "Save brief &as…"), QKeySequence.SaveAs, self.briefs.save_as)
        file_menu.addSeparator()
        self.exportAction = self._action(file_menu, QT_TRANSLATE_NOOP("MainWindow", "&Export…"), "Ctrl+E", lambda: self.ask_and_export())
        self._action(file_menu, QT_TRANSLATE_NOOP("MainWindow", "Export &both PDF and Word…"), "Ctrl+Shift+E", self.ask_and_export_both)
        self.batchAction = self._action(file_menu, QT_TRANSLATE_NOOP("MainWindow", "&Batch export…"), "Ctrl+B", self.ask_batch_export)
        file_menu.addSeparator()
        self.openExportAction = self._action(file_menu, QT_TRANSLATE_NOOP("MainWindow", "Open last e&xport"), None, self.exports.open_last)
        self.openExportFolderAction = self._action(file_menu, QT_TRANSLATE_NOOP("MainWindow", "Open last export's &folder"), None,
                                                   self.exports.open_last_folder)
        self.openExportAction.setEnabled(False)
        self.openExportFolderAction.setEnabled(False)
        file_menu.addSeparator()
        self._action(file_menu, QT_TRANSLATE_NOOP("MainWindow", "&Quit"), QKeySequence.Quit, self.close)

        edit = self._menu("editMenu", QT_TRANSLATE_NOOP("MainWindow", "&Edit"))
        self.undoAction = self.history.stack.createUndoAction(self, "&Undo")
        self.undoAction.setShortcut(QKeySequence.Undo)
        self.redoAction = self.history.stack.createRedoAction(self, "&Redo")
        self.redoAction.setShortcut(QKeySequence.Redo)
        for action in (self.undoAction, self.redoAction):
            action.setShortcutContext(Qt.WindowShortcut)
            edit.addAction(action)
            self._keep_text_undo(action)

        view = self._menu("viewMenu", QT_TRANSLATE_NOOP("MainWindow", "&View"))
        pane = self.previewPane
        self._action(view, QT_TRANSLATE_NOOP("MainWindow", "Zoom &in"), QKeySequence.ZoomIn, lambda: pane.step_zoom(1))
        self._action(view, QT_TRANSLATE_NOOP("MainWindow", "Zoom &out"), QKeySequence.ZoomOut, lambda: pane.step_zoom(-1))
        self._action(view, QT_TRANSLATE_NOOP("MainWindow", "&Actual size"), "Ctrl+0", lambda: pane.step_zoom(0))
        self._action(view, QT_TRANSLATE_NOOP("MainWindow", "Fit &width"), "Ctrl+1", lambda: self.zoomCombo.setCurrentIndex(0))
        self._action(view, QT_TRANSLATE_NOOP("MainWindow", "Fit &page"), "Ctrl+2", lambda: self.zoomCombo.setCurrentIndex(1))
        view.addSeparator()
        self._action(view, QT_TRANSLATE_NOOP("MainWindow", "&Next page"), "Ctrl+PgDown", lambda: pane.go_to_page(self.pageSpin.value() + 1))
        self._action(view, QT_TRANSLATE_NOOP("MainWindow", "Pre&vious page"), "Ctrl+PgUp", lambda: pane.go_to_page(self.pageSpin.value() - 1))
        view.addSeparator()
        self._language_menu(view)

        templates = self._menu("templatesMenu", QT_TRANSLATE_NOOP("MainWindow", "&Templates"))
        self._action(templates, QT_TRANSLATE_NOOP("MainWindow", "&Customise template for this audience"), None, self.customise_template)
        self.newAudienceAction = self._action(templates, QT_TRANSLATE_NOOP("MainWindow", "&New audience…"), None, self.templates.new_audience)
        self.newAudienceAction.setObjectName("newAudienceAction")
        self._action(templates, QT_TRANSLATE_NOOP("MainWindow", "&Save and check"), None, self.save_template)
        self._action(templates, QT_TRANSLATE_NOOP("MainWindow", "&Reset to built-in"), None, self.reset_template)
        self._action(templates, QT_TRANSLATE_NOOP("MainWindow", "C&lose the editor"), None, self.workspace.hide_editor)
        templates.addSeparator()
        self._action(templates, QT_TRANSLATE_NOOP("MainWindow", "&Open templates folder"), None, self.open_templates_folder)
        self.openFactsAction = self._action(templates, QT_TRANSLATE_NOOP("MainWindow", "Edit your &facts…"), None, self.open_facts_file)

        self.helpMenu = self._menu("helpMenu", QT_TRANSLATE_NOOP("MainWindow", "&Help"))
        self.guideAction = self._action(self.helpMenu, QT_TRANSLATE_NOOP("MainWindow", "&Guide"), QKeySequence.HelpContents, self.show_guide)
        self.referenceAction = self._action(self.helpMenu, QT_TRANSLATE_NOOP("MainWindow", "&Template reference"), None,
                                            lambda: self.workspace.show_reference(True))
        self._action(self.helpMenu, QT_TRANSLATE_NOOP("MainWindow", "&Keyboard shortcuts"), None, self.show_shortcuts)
        self.helpMenu.addSeparator()
        self._action(self.helpMenu, QT_TRANSLATE_NOOP("MainWindow", "&About briefgen"), None, self.about)

    def _language_menu(self, parent: QMenu) -> None:
        """Interface language: each choice names itself in its own script, applies at once and is remembered."""
        self.languageMenu = parent.addMenu("")
        self.languageMenu.setObjectName("interfaceLanguageMenu")
        i18n.live(self.languageMenu, lambda m: m.setTitle(i18n.translate("MainWindow", "&Language")))
        group = QActionGroup(self)
        self.languageActions: dict[str, QAction] = {}
        for code, name in i18n.LANGUAGES.items():
            action = self.languageMenu.addAction(name)
            action.setObjectName(f"language-{code}")
            action.setCheckable(True)
            action.setChecked(code == i18n.current())
            action.triggered.connect(lambda _checked=False, code=code: self.set_interface_language(code))
            group.addAction(action)
            self.languageActions[code] = action

    def set_interface_language(self, language: str) -> None:
        """Switch the interface to `language` now and remember it for the next start."""
        i18n.apply(language)
        self.languageActions[language].setChecked(True)
        self.settings.set("interface_language", language)
        self.settings.sync()
        self.schedule_preview()  # notices under the preview are worded in the interface language

    def _menu(self, name: str, title: str) -> QMenu:
        menu = self.menuBar().addMenu("")
        menu.setObjectName(name)
        i18n.live(menu, lambda m: m.setTitle(i18n.translated("MainWindow", title)))
        return menu

    def _action(self, menu: QMenu, text: str, shortcut, slot) -> QAction:
        """An action in `menu`; `text` is marked with QT_TRANSLATE_NOOP and follows the interface language."""
        action = QAction(self)
        i18n.live(action, lambda a: a.setText(i18n.translated("MainWindow", text)))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _keep_text_undo(self, action: QAction) -> None:
        """Ctrl+Z in the template editor undoes typing there, not a choice."""
        action.setShortcutContext(Qt.WindowShortcut)
        self.editor.text.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.editor.text and event.type() == event.Type.ShortcutOverride:
            if event.matches(QKeySequence.Undo) or event.matches(QKeySequence.Redo):
                event.accept()  # the editor handles it as a key press
                return True
        return super().eventFilter(watched, event)

    # -- the request and the preview ----------------------------------------------------------------
    def current_request(self) -> BriefRequest:
        """The request the choices describe; a BriefgenError says what is missing."""
        return self.choices.current_request()

    def preview_request(self) -> BriefRequest:
        """The choices, for the audience whose template is open in the editor if there is one."""
        request = self.choices.current_request()
        audience = self.templates.open_audience()
        if audience and audience != request.audience:
            self.previewPane.set_subject(f"Previewing {self.catalogue.audiences[audience].title}: the template open "
                                         "in the editor")
            return request.with_changes(audience=audience)
        self.previewPane.set_subject("")
        return request

    def apply_request(self, request: BriefRequest) -> None:
        self.choices.apply_request(request)

    def chosen_themes(self) -> list[str]:
        return self.themeList.chosen()

    def set_chosen_themes(self, themes: list[str]) -> None:
        self.themeList.set_chosen(themes)

    def _choices_changed(self) -> None:
        if self._restoring:
            return
        self.briefs.set_modified(True)
        self._remember_choices()
        self.previewer.schedule(typing=self.choices.typing)

    def schedule_preview(self) -> None:
        self.previewer.schedule()

    def refresh_preview(self) -> None:
        self.previewer.refresh()

    def wait_for_tasks(self, timeout_ms: int = 30000) -> bool:
        return self.runner.wait(timeout_ms)

    # -- export, batch, brief files, templates (the controllers do the work) --------------------------
    def export(self, path: str | Path) -> None:
        """Export in the background to the format of `path`'s suffix; emits exportFinished or exportFailed, never a dialog."""
        self.exports.export(path)

    def ask_and_export(self, suffix: str = "pdf") -> None:
        self.exports.ask_and_export(suffix)

    def ask_and_export_both(self) -> None:
        self.exports.ask_and_export_both()

    def _export_done(self, path: str) -> None:
        self.openExportAction.setEnabled(True)
        self.openExportFolderAction.setEnabled(True)
        self.exportFinished.emit(path)

    def ask_batch_export(self) -> None:
        self.batches.ask()

    def batch_export(self, folder: Path, audiences: list[str], formats: list[str]) -> None:
        self.batches.run(folder, audiences, formats)

    @property
    def batchProgress(self):  # noqa: N802 - part of the automation contract
        return self.batches.progress

    def open_brief(self, path: str | Path) -> bool:
        opened = self.briefs.open(path)
        if opened:
            self.history.reset()
        return opened

    def save_brief(self, path: str | Path) -> bool:
        return self.briefs.save_to(path)

    def _show_name(self, *_args) -> None:
        self.setWindowTitle(f"{self.briefs.name()}[*] — briefgen")

    def customise_template(self) -> None:
        self.templates.customise()

    def save_template(self) -> None:
        self.templates.save_and_check()

    def reset_template(self) -> None:
        self.templates.reset()

    def open_facts_file(self) -> None:
        self.templates.open_facts()

    def open_templates_folder(self) -> None:
        folder = user_templates_dir()
        folder.mkdir(parents=True, exist_ok=True)
        open_or_say(self, folder, "templates folder")

    def _audience_added(self, audience_id: str) -> None:
        self.catalogue = self._load_catalogue()
        self.choices.fill_audiences(self.catalogue, select=audience_id)
        self.choices.changed.emit()

    # -- help -----------------------------------------------------------------------------------
    def show_guide(self) -> None:
        self._help("guideDialog", "briefgen guide", GUIDE)

    def show_shortcuts(self) -> None:
        self._help("shortcutsDialog", "Keyboard shortcuts", shortcuts_html(self.findChildren(QAction)))

    def _help(self, name: str, title: str, html: str) -> None:
        dialog = self.findChild(HelpDialog, name) or HelpDialog(self, name, title, html)
        dialog.show()

    def about(self) -> None:
        dialogs.show_about(self, ABOUT.format(version=__version__))

    # -- settings -------------------------------------------------------------------------------
    def _remember_choices(self) -> None:
        state = self.choices.state()
        for key in ("audience", "length", "lang", "title", "author", "organisation"):
            self.settings.set(key, state[key] or "")
        self.settings.set("themes", list(state["themes"]))

    def _restore(self) -> None:
        settings = self.settings
        state = {key: settings.get(key) for key in ("audience", "length", "title", "author", "organisation", "themes")}
        state["lang"] = settings.get("lang") or i18n.current()  # at first start, the brief speaks the interface's language
        self.choices.apply_state(state)
        if not settings.get("geometry").isEmpty():
            self.restoreGeometry(settings.get("geometry"))
        if not settings.get("splitter").isEmpty():
            self.splitter.restoreState(settings.get("splitter"))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.settings.set("geometry", self.saveGeometry())
        self.settings.set("splitter", self.splitter.saveState())
        self._remember_choices()
        self.settings.sync()
        self.previewer.timer.stop()
        self.runner.wait(10000)
        super().closeEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(1200, 760)
