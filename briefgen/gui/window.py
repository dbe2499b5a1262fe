"""The main window: choices on the left, a live PDF preview and the template editor on the right."""

from __future__ import annotations

from html import escape

import datetime as dt
import re
import shutil
import threading
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QDate, QEvent, QIODevice, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStatusBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import __version__, batch
from ..atomic import write_atomically
from ..catalogue import Catalogue, load_catalogue
from ..check import first_problem
from ..errors import BriefgenError, TemplateProblem
from ..exporting import export, render
from ..facts import days_stale, user_facts_file
from ..build import build_document, resolve_user_dir
from ..request import DEFAULT_TITLE, LENGTHS, BriefRequest
from ..resources import assets_dir, builtin_templates_dir, user_templates_dir
from ..templating import audience_template, long_date
from . import dialogs
from .editor import TemplateEditor
from .settings import Settings
from .tasks import Task


LENGTH_LABELS = {"one-page": "One page", "standard": "Standard (3–4 pages)", "extended": "Extended (6–8 pages)"}
PREVIEW_DELAY_MS = 80


def icon() -> QIcon:
    return QIcon(str(assets_dir() / "images" / "icon.png"))


class MainWindow(QMainWindow):
    """briefgen's window. Automation contract: see the README and the object names below."""

    exportFinished = Signal(str)
    exportFailed = Signal(str)
    previewUpdated = Signal()
    previewFailed = Signal(str)
    batchFinished = Signal(int, bool)  # files written, cancelled
    templateChecked = Signal(bool, str)  # the saved template passed its check; else the problem shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("briefgen")
        self.setWindowIcon(icon())
        self.settings = Settings()
        self.pool = QThreadPool.globalInstance()
        self._tasks: dict[int, Task] = {}
        self._next_task = 0
        self._preview_task = -1
        self._check_task = -1
        self._pdf_buffer: QBuffer | None = None
        self._last_export: Path | None = None
        self._batch_cancel = threading.Event()
        self._restoring = True
        self.catalogue = self._load_catalogue()

        self._build_choices()
        self._build_right()
        splitter = QSplitter(Qt.Horizontal)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.left_scroll)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 800])
        self.splitter = splitter
        self.setCentralWidget(splitter)
        self._build_menus()
        self.setStatusBar(QStatusBar())
        self._build_export_notice()

        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.refresh_preview)

        self.resize(1200, 760)
        self._restore()
        self._restoring = False
        self.schedule_preview()

    # -- construction ---------------------------------------------------------------------------
    def _load_catalogue(self) -> Catalogue:
        try:
            return load_catalogue(resolve_user_dir(None))
        except BriefgenError as exc:
            dialogs.show_error(self, "Your audiences or facts file has a problem", str(exc))
            return load_catalogue(None)

    def _build_choices(self) -> None:
        panel = QWidget()
        layout = QVBoxLayout(panel)

        themes = QGroupBox("Themes")
        self.themeList = QListWidget()
        self.themeList.setObjectName("themeList")
        self.themeList.setWordWrap(True)
        self.themeList.setSpacing(1)
        for theme in self.catalogue.themes.values():
            item = QListWidgetItem()
            item.setData(Qt.UserRole, theme.id)
            item.setData(Qt.AccessibleTextRole, f"{theme.title}. {theme.description}")
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            item.setToolTip(theme.description)
            self.themeList.addItem(item)
            label = QLabel(f"<b>{escape(theme.title)}</b><br><span style='color:#5B6770; font-size:small'>"
                           f"{escape(theme.description)}</span>")
            label.setWordWrap(True)
            label.setContentsMargins(26, 3, 4, 3)  # leave room for the item's own check box
            label.setAttribute(Qt.WA_TransparentForMouseEvents)
            self.themeList.setItemWidget(item, label)
            item.setSizeHint(QSize(320, label.heightForWidth(340) + 6))
        self.themeList.viewport().installEventFilter(self)
        self.themeList.itemChanged.connect(self._choices_changed)
        theme_layout = QVBoxLayout(themes)
        theme_layout.addWidget(self.themeList)
        layout.addWidget(themes, 1)

        form = QFormLayout()
        self.audienceCombo = QComboBox()
        self.audienceCombo.setObjectName("audienceCombo")
        self.audienceDescription = QLabel()
        self.audienceDescription.setObjectName("audienceDescription")
        self.audienceDescription.setWordWrap(True)
        self._fill_audiences()
        self.audienceCombo.currentIndexChanged.connect(self._audience_changed)
        form.addRow("Audience", self.audienceCombo)
        form.addRow("", self.audienceDescription)

        self.lengthCombo = QComboBox()
        self.lengthCombo.setObjectName("lengthCombo")
        for length in LENGTHS:
            self.lengthCombo.addItem(LENGTH_LABELS[length], length)
        self.lengthCombo.currentIndexChanged.connect(self._choices_changed)
        form.addRow("Length", self.lengthCombo)

        self.titleEdit = QLineEdit()
        self.titleEdit.setObjectName("titleEdit")
        self.titleEdit.setPlaceholderText(DEFAULT_TITLE)
        self.authorEdit = QLineEdit()
        self.authorEdit.setObjectName("authorEdit")
        self.organisationEdit = QLineEdit()
        self.organisationEdit.setObjectName("organisationEdit")
        self.dateEdit = QDateEdit(QDate.currentDate())
        self.dateEdit.setObjectName("dateEdit")
        self.dateEdit.setCalendarPopup(True)
        self.dateEdit.setDisplayFormat("d MMMM yyyy")
        for widget in (self.titleEdit, self.authorEdit, self.organisationEdit):
            widget.textChanged.connect(self._choices_changed)
        self.dateEdit.dateChanged.connect(self._choices_changed)
        form.addRow("Title", self.titleEdit)
        form.addRow("Author", self.authorEdit)
        form.addRow("Organisation", self.organisationEdit)
        form.addRow("Date", self.dateEdit)
        layout.addLayout(form)

        self.exportButton = QPushButton("Export…")
        self.exportButton.setObjectName("exportButton")
        self.exportButton.setToolTip("Export to PDF or Word (Ctrl+E)")
        export_menu = QMenu(self.exportButton)
        export_menu.addAction("PDF…", lambda: self.ask_and_export("pdf"))
        export_menu.addAction("Word (DOCX)…", lambda: self.ask_and_export("docx"))
        export_menu.addAction("Both PDF and Word…", self.ask_and_export_both)
        self.exportButton.setMenu(export_menu)
        self.customiseButton = QPushButton("Customise template for this audience")
        self.customiseButton.setObjectName("customiseButton")
        self.customiseButton.clicked.connect(self.customise_template)
        layout.addWidget(self.exportButton)
        layout.addWidget(self.customiseButton)

        self.left_scroll = QScrollArea()
        self.left_scroll.setWidgetResizable(True)
        self.left_scroll.setWidget(panel)
        self.left_scroll.setMinimumWidth(320)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """A click anywhere on a theme, box or text, ticks or unticks it exactly once."""
        if (watched is self.themeList.viewport() and event.type() == QEvent.MouseButtonRelease
                and event.button() == Qt.LeftButton):
            item = self.themeList.itemAt(event.position().toPoint())
            if item is not None:
                item.setCheckState(Qt.Unchecked if item.checkState() == Qt.Checked else Qt.Checked)
                return True  # handled here, so the view does not toggle the box a second time
        return super().eventFilter(watched, event)

    def _fill_audiences(self) -> None:
        current = self.audienceCombo.currentData()
        self.audienceCombo.blockSignals(True)
        self.audienceCombo.clear()
        for audience in self.catalogue.audiences.values():
            self.audienceCombo.addItem(audience.title, audience.id)
        index = self.audienceCombo.findData(current)
        self.audienceCombo.setCurrentIndex(max(index, 0))
        self.audienceCombo.blockSignals(False)
        self._show_audience_description()

    def _build_right(self) -> None:
        self.pdf = QPdfDocument(self)
        self.preview = QPdfView()
        self.preview.setObjectName("preview")
        self.preview.setDocument(self.pdf)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pageCount = QLabel("")
        self.pageCount.setObjectName("pageCount")
        self.previewMessage = QLabel("")
        self.previewMessage.setObjectName("previewMessage")
        self.previewMessage.setWordWrap(True)
        self.previewMessage.setStyleSheet("color: #B3261E")
        self.previewMessage.hide()
        self.factsNotice = QLabel("")
        self.factsNotice.setObjectName("factsNotice")
        self.factsNotice.setWordWrap(True)
        self.factsNotice.setStyleSheet("color: #7A4F00")
        self.factsNotice.hide()
        header = QHBoxLayout()
        header.addWidget(self.pageCount)
        header.addWidget(self.factsNotice, 1)
        header.addStretch(0)
        preview_panel = QWidget()
        preview_layout = QVBoxLayout(preview_panel)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addLayout(header)
        preview_layout.addWidget(self.previewMessage)
        preview_layout.addWidget(self.preview, 1)

        self.editor = TemplateEditor()
        self.editor.saveRequested.connect(self.save_template)
        self.editor.resetRequested.connect(self.reset_template)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("rightTabs")
        self.tabs.addTab(preview_panel, "Preview")
        self.tabs.addTab(self.editor, "Template")

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        self.openAction = self._action(file_menu, "&Open brief…", QKeySequence.Open, self.open_brief_dialog)
        self.saveAction = self._action(file_menu, "&Save brief…", QKeySequence.Save, self.save_brief_dialog)
        self.recentMenu = QMenu("Open &recent", self)
        file_menu.addMenu(self.recentMenu)
        file_menu.addSeparator()
        self.exportAction = self._action(file_menu, "&Export…", QKeySequence("Ctrl+E"), lambda: self.ask_and_export())
        self._action(file_menu, "Export &both PDF and Word…", QKeySequence("Ctrl+Shift+E"), self.ask_and_export_both)
        self._action(file_menu, "&Batch export…", None, self.ask_batch_export)
        file_menu.addSeparator()
        self.openExportAction = self._action(file_menu, "Open last e&xport", None, self.open_last_export)
        self.openExportFolderAction = self._action(file_menu, "Open last export's &folder", None,
                                                   self.open_last_export_folder)
        self.openExportAction.setEnabled(False)
        self.openExportFolderAction.setEnabled(False)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.Quit, self.close)
        templates = menu.addMenu("&Templates")
        self._action(templates, "&Customise template for this audience", None, self.customise_template)
        self._action(templates, "&Reset to built-in", None, self.reset_template)
        self._action(templates, "&Open templates folder", None, self.open_templates_folder)
        templates.addSeparator()
        self.openFactsAction = self._action(templates, "Edit your &facts…", None, self.open_facts_file)
        self._action(menu.addMenu("&Help"), "&About briefgen", None, self.about)
        self._fill_recent()

    def _action(self, menu: QMenu, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_export_notice(self) -> None:
        self.exportNotice = QWidget()
        layout = QHBoxLayout(self.exportNotice)
        layout.setContentsMargins(0, 0, 0, 0)
        self.openFileButton = QPushButton("Open file")
        self.openFileButton.setObjectName("openFileButton")
        self.openFileButton.clicked.connect(self.open_last_export)
        self.openFolderButton = QPushButton("Open folder")
        self.openFolderButton.setObjectName("openFolderButton")
        self.openFolderButton.clicked.connect(self.open_last_export_folder)
        layout.addWidget(self.openFileButton)
        layout.addWidget(self.openFolderButton)
        self.statusBar().addPermanentWidget(self.exportNotice)
        self.exportNotice.hide()

    # -- choices ----------------------------------------------------------------------------------
    def chosen_themes(self) -> list[str]:
        return [self.themeList.item(i).data(Qt.UserRole) for i in range(self.themeList.count())
                if self.themeList.item(i).checkState() == Qt.Checked]

    def set_chosen_themes(self, themes: list[str]) -> None:
        self.themeList.blockSignals(True)
        for i in range(self.themeList.count()):
            item = self.themeList.item(i)
            item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in themes else Qt.Unchecked)
        self.themeList.blockSignals(False)
        self._choices_changed()

    def current_request(self) -> BriefRequest:
        """The request the choices describe; a BriefgenError says what is missing."""
        date = self.dateEdit.date()
        return BriefRequest(
            audience=self.audienceCombo.currentData() or "",
            themes=tuple(self.chosen_themes()),
            length=self.lengthCombo.currentData(),
            title=self.titleEdit.text().strip() or DEFAULT_TITLE,
            author=self.authorEdit.text(),
            organisation=self.organisationEdit.text(),
            date=dt.date(date.year(), date.month(), date.day()),
        )

    def apply_request(self, request: BriefRequest) -> None:
        self._restoring = True
        index = self.audienceCombo.findData(request.audience)
        if index >= 0:
            self.audienceCombo.setCurrentIndex(index)
        self.lengthCombo.setCurrentIndex(self.lengthCombo.findData(request.length))
        self.titleEdit.setText("" if request.title == DEFAULT_TITLE else request.title)
        self.authorEdit.setText(request.author)
        self.organisationEdit.setText(request.organisation)
        self.dateEdit.setDate(QDate(request.date.year, request.date.month, request.date.day))
        self._restoring = False
        self.set_chosen_themes(list(request.themes))

    def _audience_changed(self) -> None:
        self._show_audience_description()
        self._choices_changed()

    def _show_audience_description(self) -> None:
        audience = self.catalogue.audiences.get(self.audienceCombo.currentData() or "")
        self.audienceDescription.setText(audience.description if audience else "")

    def _choices_changed(self, *_args) -> None:
        if self._restoring:
            return
        self._remember_choices()
        self.schedule_preview()

    # -- preview ----------------------------------------------------------------------------------
    def schedule_preview(self) -> None:
        """Render after a short pause, so a burst of typing makes one render, not many."""
        self.preview_timer.start()

    def refresh_preview(self) -> None:
        try:
            request = self.current_request()
        except BriefgenError as exc:
            self._preview_failed(str(exc))
            return
        self._show_facts_notice(request)
        self._preview_task = self._start(lambda report: render(request, "pdf"), self._preview_ready,
                                         self._preview_error)

    def _show_facts_notice(self, request: BriefRequest) -> None:
        """Beside the preview: a notice when the brief is dated more than 90 days after its facts."""
        try:
            facts_date = load_catalogue(resolve_user_dir(None)).facts_date(request.themes)
        except BriefgenError:
            facts_date = request.date
        days = days_stale(request.date, facts_date)
        self.factsNotice.setText(f"Facts may be out of date: this brief is dated {days} days after its facts "
                                 f"(current to {long_date(facts_date)}). Check them, and add newer ones with "
                                 "Templates → Edit your facts." if days else "")
        self.factsNotice.setVisible(days is not None)

    def _preview_ready(self, task_id: int, data: bytes) -> None:
        if task_id != self._preview_task:
            return  # a newer render is on its way; this one is stale
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.ReadOnly)
        self.pdf.close()
        self.pdf.load(buffer)
        if self._pdf_buffer is not None:
            self._pdf_buffer.deleteLater()
        self._pdf_buffer = buffer
        pages = self.pdf.pageCount()
        self.pageCount.setText(f"{pages} page{'s' if pages != 1 else ''}")
        self.previewMessage.setText("")
        self.previewMessage.hide()
        self.previewUpdated.emit()

    def _preview_error(self, task_id: int, message: str) -> None:
        if task_id == self._preview_task:
            self._preview_failed(message)

    def _preview_failed(self, message: str) -> None:
        self.previewMessage.setText(message)  # the last good preview stays on screen
        self.previewMessage.show()
        self.previewFailed.emit(message)

    # -- background tasks -------------------------------------------------------------------------
    def _start(self, work, on_done, on_failed, on_progress=None) -> int:
        self._next_task += 1
        task = Task(self._next_task, work)
        self._tasks[task.task_id] = task

        def finished(task_id, result):
            self._tasks.pop(task_id, None)
            on_done(task_id, result)

        def failed(task_id, message):
            self._tasks.pop(task_id, None)
            on_failed(task_id, message)

        task.signals.finished.connect(finished)
        task.signals.failed.connect(failed)
        if on_progress is not None:
            task.signals.progress.connect(on_progress)
        self.pool.start(task)
        return task.task_id

    def wait_for_tasks(self, timeout_ms: int = 30000) -> bool:
        return self.pool.waitForDone(timeout_ms)

    # -- export -----------------------------------------------------------------------------------
    def export(self, path: str | Path) -> None:
        """Export in the background to the format of `path`'s suffix; emits exportFinished or exportFailed."""
        try:
            request = self.current_request()
        except BriefgenError as exc:
            self._export_failed(0, str(exc))
            return
        target = Path(path)
        self._start(lambda report: str(export(request, target)), self._export_done, self._export_failed)

    def _export_done(self, _task_id: int, path: str) -> None:
        self._last_export = Path(path)
        self.settings.set("last_folder", str(Path(path).parent))
        self.openExportAction.setEnabled(True)
        self.openExportFolderAction.setEnabled(True)
        self.statusBar().showMessage(f"Exported {path}")
        self.exportNotice.show()
        self.exportFinished.emit(path)

    def _export_failed(self, _task_id: int, message: str) -> None:
        self.statusBar().showMessage("Export failed")
        self.exportFailed.emit(message)
        dialogs.show_error(self, "Export failed", message)

    def _file_stem(self) -> str:
        """A file name from the title: 'Bridging Two Systems' -> 'bridging-two-systems'."""
        return re.sub(r"[^\w]+", "-", self.titleEdit.text().strip().lower()).strip("-")[:60] or "brief"

    def _suggested_path(self, suffix: str) -> Path:
        folder = Path(self.settings.get("last_folder") or Path.home())
        return folder / f"{self._file_stem()}-{self.audienceCombo.currentData()}.{suffix}"

    def ask_and_export(self, suffix: str = "pdf") -> None:
        path = dialogs.ask_export_path(self, self._suggested_path(suffix))
        if path is not None:
            self.export(path if path.suffix.lower() in (".pdf", ".docx") else path.with_suffix(f".{suffix}"))

    def ask_and_export_both(self) -> None:
        path = dialogs.ask_export_path(self, self._suggested_path("pdf"))
        if path is not None:
            self.export(path.with_suffix(".pdf"))
            self.export(path.with_suffix(".docx"))

    def open_last_export(self) -> None:
        if self._last_export is not None:
            dialogs.open_path(self._last_export)

    def open_last_export_folder(self) -> None:
        if self._last_export is not None:
            dialogs.open_path(self._last_export.parent)

    # -- batch export -----------------------------------------------------------------------------
    def ask_batch_export(self) -> None:
        start = Path(self.settings.get("last_folder") or Path.home())
        audiences = {key: entry.title for key, entry in self.catalogue.audiences.items()}
        choice = dialogs.ask_batch(self, audiences, start)
        if choice is not None:
            self.batch_export(*choice)

    def batch_export(self, folder: Path, audiences: list[str], formats: list[str]) -> None:
        """Export every audience in every format into `folder` with a pool of processes; a progress dialog has Cancel."""
        try:
            base = self.current_request()
        except BriefgenError as exc:
            dialogs.show_error(self, "Batch export", str(exc))
            return
        if not Path(folder).is_dir():
            dialogs.show_error(self, "Batch export", f"folder '{folder}' does not exist; choose another")
            return
        jobs = batch.plan(base, audiences, [base.length], formats, Path(folder), name=f"{self._file_stem()}-{{audience}}")
        total = sum(len(job.outputs) for job in jobs)
        self._batch_cancel.clear()
        progress = QProgressDialog("Exporting briefs…", "Cancel", 0, total, self)
        progress.setObjectName("batchProgress")
        progress.setWindowTitle("Batch export")
        progress.setMinimumDuration(0)
        progress.setWindowModality(Qt.WindowModal)
        progress.canceled.connect(self._batch_cancel.set)
        self.batchProgress = progress
        cancel = self._batch_cancel

        def work(report):
            written = batch.run(jobs, progress=report, cancelled=cancel.is_set)  # the command line's process pool
            return len(written), cancel.is_set()

        def finished(_task_id, result):
            progress.reset()
            self.statusBar().showMessage(f"Batch export: {result[0]} file(s) written" + (" (cancelled)" if result[1] else ""))
            self.batchFinished.emit(*result)

        def failed(_task_id, message):
            progress.reset()
            self.batchFinished.emit(-1, False)
            dialogs.show_error(self, "Batch export failed", message)

        self._start(work, finished, failed, lambda _t, done, _total: progress.setValue(done))

    # -- brief files ------------------------------------------------------------------------------
    def open_brief(self, path: str | Path) -> bool:
        try:
            request = BriefRequest.load(Path(path))
            request.check_ids(self.catalogue)
        except BriefgenError as exc:
            dialogs.show_error(self, "Cannot open brief", str(exc))
            return False
        self.apply_request(request)
        self._add_recent(str(path))
        return True

    def save_brief(self, path: str | Path) -> bool:
        try:
            self.current_request().save(Path(path))
        except BriefgenError as exc:
            dialogs.show_error(self, "Cannot save brief", str(exc))
            return False
        self._add_recent(str(path))
        self.statusBar().showMessage(f"Saved {path}")
        return True

    def open_brief_dialog(self) -> None:
        path = dialogs.ask_open_brief(self, Path(self.settings.get("last_folder") or Path.home()))
        if path is not None:
            self.open_brief(path)

    def save_brief_dialog(self) -> None:
        path = dialogs.ask_save_brief(self, self._suggested_path("brief.toml"))
        if path is not None:
            self.save_brief(path)

    def _add_recent(self, path: str) -> None:
        self.settings.add_recent(path)
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recentMenu.clear()
        recent = self.settings.get("recent")
        for path in recent:
            action = self.recentMenu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_brief(p))
        self.recentMenu.setEnabled(bool(recent))

    # -- templates ---------------------------------------------------------------------------------
    def _user_template_path(self) -> Path:
        return user_templates_dir() / audience_template(self.audienceCombo.currentData())

    def customise_template(self) -> None:
        """Copy the audience's template into the user folder (once) and open it in the editor."""
        target = self._user_template_path()
        if not target.exists():
            source = builtin_templates_dir() / audience_template(self.audienceCombo.currentData())
            if not source.exists():
                dialogs.show_error(self, "No built-in template", f"{source.name} has no built-in version to copy.")
                return
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        self.editor.open(str(target), target.read_text(encoding="utf-8"))
        self.tabs.setCurrentWidget(self.editor)

    def save_template(self) -> None:
        """Save the editor's text, then check it against sample briefs in the background; emits templateChecked."""
        target = Path(self.editor.path_label.text())
        data = self.editor.source().encode("utf-8")
        try:
            write_atomically(target, lambda handle: handle.write(data))
        except (BriefgenError, OSError) as exc:
            self.editor.show_error(None, f"not saved: {exc}")
            self.templateChecked.emit(False, f"not saved: {exc}")
            return
        audience = self.audienceCombo.currentData()
        themes = list(self.catalogue.themes)
        try:
            current = self.current_request()
        except BriefgenError:
            current = None
        self.editor.clear_error("Saved. Checking it against sample briefs…")
        self._check_task = self._start(lambda report: first_problem(audience, themes, current),
                                       lambda task_id, problem: self._template_checked(task_id, target, problem),
                                       lambda task_id, message: self._template_checked(
                                           task_id, target, TemplateProblem("", None, message)))
        self.schedule_preview()

    def _template_checked(self, task_id: int, target: Path, problem: TemplateProblem | None) -> None:
        if task_id != self._check_task:
            return  # the editor was saved again since; a newer check is on its way
        if problem is None:
            self.editor.clear_error("Saved. The template renders every sample brief.")
            self.templateChecked.emit(True, "")
            return
        same_file = Path(problem.template).resolve() == target.resolve() if problem.template else False
        message = str(problem) if problem.template and not same_file else problem.message
        self.editor.show_error(problem.line if same_file else None, message)
        self.templateChecked.emit(False, message)

    def reset_template(self) -> None:
        target = self._user_template_path()
        if not target.exists():
            self.statusBar().showMessage("This audience already uses the built-in template")
            return
        if not dialogs.confirm(self, "Reset to built-in", f"Delete your version of {target.name} and use the built-in one?"):
            return
        target.unlink()
        builtin = builtin_templates_dir() / audience_template(self.audienceCombo.currentData())
        if builtin.exists():
            self.editor.open(f"{builtin} (built-in, read only: customise to edit)", builtin.read_text(encoding="utf-8"))
            self.editor.text.setReadOnly(True)
            self.editor.save_button.setEnabled(False)
        self.schedule_preview()

    def open_facts_file(self) -> None:
        """Open the user's facts.toml (made from a commented starter the first time) in the editor."""
        path = user_facts_file(user_templates_dir())
        self.editor.open(str(path), path.read_text(encoding="utf-8"))
        self.editor.text.setReadOnly(False)
        self.editor.save_button.setEnabled(True)
        self.tabs.setCurrentWidget(self.editor)

    def open_templates_folder(self) -> None:
        folder = user_templates_dir()
        folder.mkdir(parents=True, exist_ok=True)
        dialogs.open_path(folder)

    def about(self) -> None:
        dialogs.show_about(self, f"<b>briefgen {__version__}</b><p>Sourced policy briefs on Hong Kong–mainland "
                                 "China crypto collaboration, as Word and PDF.</p><p>Fonts: Caladea and Carlito "
                                 "(SIL Open Font License).</p>")

    # -- settings ----------------------------------------------------------------------------------
    def _remember_choices(self) -> None:
        settings = self.settings
        settings.set("audience", self.audienceCombo.currentData() or "")
        settings.set("themes", self.chosen_themes())
        settings.set("length", self.lengthCombo.currentData())
        settings.set("title", self.titleEdit.text())
        settings.set("author", self.authorEdit.text())
        settings.set("organisation", self.organisationEdit.text())

    def _restore(self) -> None:
        settings = self.settings
        index = self.audienceCombo.findData(settings.get("audience"))
        self.audienceCombo.setCurrentIndex(max(index, 0))
        self._show_audience_description()
        self.lengthCombo.setCurrentIndex(max(self.lengthCombo.findData(settings.get("length")), 0))
        self.titleEdit.setText(settings.get("title"))
        self.authorEdit.setText(settings.get("author"))
        self.organisationEdit.setText(settings.get("organisation"))
        themes = settings.get("themes")
        for i in range(self.themeList.count()):
            item = self.themeList.item(i)
            item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in themes else Qt.Unchecked)
        if not settings.get("geometry").isEmpty():
            self.restoreGeometry(settings.get("geometry"))
        if not settings.get("splitter").isEmpty():
            self.splitter.restoreState(settings.get("splitter"))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.settings.set("geometry", self.saveGeometry())
        self.settings.set("splitter", self.splitter.saveState())
        self._remember_choices()
        self.settings.sync()
        self.preview_timer.stop()
        self.pool.waitForDone(10000)
        super().closeEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(1200, 760)
