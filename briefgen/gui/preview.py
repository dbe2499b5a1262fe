"""The preview pane: shows a brief's PDF bytes, with zoom, page navigation and notices above it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QByteArray, QIODevice, QPointF, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QToolButton, QVBoxLayout, QWidget

from . import colours, i18n

FIT_WIDTH, FIT_PAGE = QT_TRANSLATE_NOOP("PreviewPane", "Fit width"), QT_TRANSLATE_NOOP("PreviewPane", "Fit page")
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
ZOOM_STEP = 1.2
MIN_ZOOM, MAX_ZOOM = 0.25, 4.0


class PdfView(QPdfView):
    """QPdfView that zooms with Ctrl+wheel and Ctrl+plus/minus/0; emits `zoomStepped(steps)`."""

    zoomStepped = Signal(int)  # +1 in, -1 out, 0 back to 100%

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.modifiers() & Qt.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoomStepped.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.modifiers() & Qt.ControlModifier:
            steps = {Qt.Key_Plus: 1, Qt.Key_Equal: 1, Qt.Key_Minus: -1, Qt.Key_0: 0}.get(event.key())
            if steps is not None:
                self.zoomStepped.emit(steps)
                event.accept()
                return
        super().keyPressEvent(event)


class PreviewPane(QWidget):
    """Owns the PDF document on screen: `show_pdf`, `clear`, `show_problem`; zoom and pages are its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.shown_audience: str | None = None
        self.preview = PdfView()
        self.preview.setObjectName("preview")
        self.preview.setAccessibleName("Preview of the brief")
        self.preview.setDocument(self.pdf)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview.setFocusPolicy(Qt.StrongFocus)
        self.preview.zoomStepped.connect(self.step_zoom)

        self.zoomCombo = QComboBox()
        self.zoomCombo.setObjectName("zoomCombo")
        self.zoomCombo.setAccessibleName("Zoom")
        self.zoomCombo.setToolTip("Zoom: fit the width or the whole page, or a percentage (Ctrl+wheel, Ctrl++, Ctrl+−)")
        self.zoomCombo.setEditable(True)
        self.zoomCombo.setInsertPolicy(QComboBox.NoInsert)
        self.zoomCombo.addItems([FIT_WIDTH, FIT_PAGE, *(f"{round(z * 100)}%" for z in ZOOMS)])
        self.zoomCombo.setMinimumContentsLength(8)
        self.zoomCombo.currentIndexChanged.connect(lambda _i: self._zoom_chosen(self.zoomCombo.currentText()))
        self.zoomCombo.lineEdit().returnPressed.connect(lambda: self._zoom_chosen(self.zoomCombo.currentText()))

        self.prevPageButton = self._button("prevPageButton", "◀", "Previous page (Ctrl+Page Up)", -1)
        self.nextPageButton = self._button("nextPageButton", "▶", "Next page (Ctrl+Page Down)", 1)
        self.pageSpin = QSpinBox()
        self.pageSpin.setObjectName("pageSpin")
        self.pageSpin.setAccessibleName("Page")
        self.pageSpin.setToolTip("The page shown; type a number to go to it")
        self.pageSpin.setRange(0, 0)
        self.pageSpin.valueChanged.connect(self._page_chosen)
        self.pageCount = QLabel("")
        self.pageCount.setObjectName("pageCount")
        self.preview.pageNavigator().currentPageChanged.connect(self._page_shown)

        self.subject = QLabel("")
        self.subject.setObjectName("previewSubject")
        self.subject.hide()
        self.previewMessage = self._note("previewMessage")
        self.factsNotice = self._note("factsNotice")
        self.setStyleSheet(f"#previewMessage {{ color: {colours.ERROR} }} #factsNotice {{ color: {colours.NOTICE} }}"
                           f"#previewSubject {{ color: {colours.NOTICE}; font-weight: bold }}")  # one sheet: cheaper

        bar = QHBoxLayout()
        for widget in (self.prevPageButton, self.pageSpin, self.pageCount, self.nextPageButton):
            bar.addWidget(widget)
        bar.addStretch(1)
        zoom_label = QLabel()
        bar.addWidget(zoom_label)
        bar.addWidget(self.zoomCombo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        for widget in (self.subject, self.factsNotice, self.previewMessage):
            layout.addWidget(widget)
        layout.addWidget(self.preview, 1)
        QWidget.setTabOrder(self.prevPageButton, self.pageSpin)
        QWidget.setTabOrder(self.pageSpin, self.nextPageButton)
        QWidget.setTabOrder(self.nextPageButton, self.zoomCombo)
        QWidget.setTabOrder(self.zoomCombo, self.preview)
        self._update_pages()
        i18n.live(zoom_label, lambda label: label.setText(i18n.translate("PreviewPane", "Zoom")))
        i18n.live(self, PreviewPane._set_texts)

    def _set_texts(self) -> None:
        self.preview.setAccessibleName(i18n.translate("PreviewPane", "Preview of the brief"))
        self.zoomCombo.setAccessibleName(i18n.translate("PreviewPane", "Zoom"))
        self.zoomCombo.setToolTip(i18n.translate("PreviewPane", "Zoom: fit the width or the whole page, or a "
                                                                "percentage (Ctrl+wheel, Ctrl++, Ctrl+−)"))
        for button, tip in ((self.prevPageButton, i18n.translate("PreviewPane", "Previous page (Ctrl+Page Up)")),
                            (self.nextPageButton, i18n.translate("PreviewPane", "Next page (Ctrl+Page Down)"))):
            button.setToolTip(tip)
            button.setAccessibleName(tip.split(" (")[0].split("（")[0])
        for index, text in enumerate((FIT_WIDTH, FIT_PAGE)):  # the first two zoom items; the rest are percentages
            self.zoomCombo.setItemText(index, i18n.translated("PreviewPane", text))
        self.pageSpin.setAccessibleName(i18n.translate("PreviewPane", "Page"))
        self.pageSpin.setToolTip(i18n.translate("PreviewPane", "The page shown; type a number to go to it"))
        self._update_pages()

    def _button(self, name: str, text: str, tip: str, step: int) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setFocusPolicy(Qt.StrongFocus)
        button.clicked.connect(lambda: self.go_to_page(self.pageSpin.value() + step))
        return button

    def _note(self, name: str) -> QLabel:
        label = QLabel("")
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        label.hide()
        return label

    # -- content ---------------------------------------------------------------------------------
    def show_pdf(self, data: bytes, audience: str) -> None:
        """Show a new brief, keeping the page the reader was on where the new brief has it."""
        page = self.preview.pageNavigator().currentPage()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.ReadOnly)
        self.pdf.close()
        self.pdf.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.shown_audience = audience
        self.show_problem("")
        self._update_pages()
        if 0 < page < self.pdf.pageCount():
            self.go_to_page(page + 1)

    def clear(self) -> None:
        """No brief on screen (none can be made for these choices)."""
        self.pdf.close()
        self.shown_audience = None
        self._update_pages()

    def show_problem(self, message: str) -> None:
        self.previewMessage.setText(message)
        self.previewMessage.setVisible(bool(message))

    def set_notice(self, text: str) -> None:
        self.factsNotice.setText(text)
        self.factsNotice.setVisible(bool(text))

    def set_subject(self, text: str) -> None:
        """Say what the preview shows when it is not simply the choices (a template open in the editor)."""
        self.subject.setText(text)
        self.subject.setVisible(bool(text))

    # -- pages -----------------------------------------------------------------------------------
    def _update_pages(self) -> None:
        pages = self.pdf.pageCount()
        self.pageSpin.blockSignals(True)
        self.pageSpin.setRange(1 if pages else 0, pages)
        self.pageSpin.setValue(min(self.preview.pageNavigator().currentPage() + 1, pages) if pages else 0)
        self.pageSpin.blockSignals(False)
        self.pageSpin.setEnabled(pages > 1)
        self.pageCount.setText(self._page_count(pages))
        self._update_buttons()

    @staticmethod
    def _page_count(pages: int) -> str:
        if not pages:
            return ""
        if pages == 1:
            return i18n.translate("PreviewPane", "of 1 page")
        return i18n.translate("PreviewPane", "of {pages} pages").format(pages=pages)

    def _update_buttons(self) -> None:
        page, pages = self.pageSpin.value(), self.pdf.pageCount()
        self.prevPageButton.setEnabled(page > 1)
        self.nextPageButton.setEnabled(0 < page < pages)

    def go_to_page(self, number: int) -> None:
        """Show page `number` (1-based), clamped to the brief."""
        pages = self.pdf.pageCount()
        if not pages:
            return
        number = max(1, min(number, pages))
        self.preview.pageNavigator().jump(number - 1, QPointF(0, 0), self.preview.pageNavigator().currentZoom())
        self._page_shown(number - 1)

    def _page_chosen(self, number: int) -> None:
        if number and number - 1 != self.preview.pageNavigator().currentPage():
            self.go_to_page(number)
        self._update_buttons()

    def _page_shown(self, page: int) -> None:
        self.pageSpin.blockSignals(True)
        self.pageSpin.setValue(page + 1 if self.pdf.pageCount() else 0)
        self.pageSpin.blockSignals(False)
        self._update_buttons()

    # -- zoom ------------------------------------------------------------------------------------
    def _zoom_chosen(self, text: str) -> None:
        if text == self.zoomCombo.itemText(0):  # Fit width, in the interface language
            self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif text == self.zoomCombo.itemText(1):  # Fit page
            self.preview.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            try:
                factor = float(text.strip().rstrip("%")) / 100
            except ValueError:
                self._show_zoom()
                return
            self.set_zoom(factor)

    def set_zoom(self, factor: float) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        self.preview.setZoomMode(QPdfView.ZoomMode.Custom)
        self.preview.setZoomFactor(factor)
        self._show_zoom()

    def _show_zoom(self) -> None:
        self.zoomCombo.blockSignals(True)
        self.zoomCombo.setEditText(f"{round(self.preview.zoomFactor() * 100)}%")
        self.zoomCombo.blockSignals(False)

    def step_zoom(self, steps: int) -> None:
        """+1 zooms in, -1 out, 0 goes back to 100%; from a fit mode, steps start at what is on screen."""
        if steps == 0:
            self.set_zoom(1.0)
            return
        self.set_zoom(self.effective_zoom() * (ZOOM_STEP if steps > 0 else 1 / ZOOM_STEP))

    def effective_zoom(self) -> float:
        """The scale on screen: 1.0 draws a page at its real size at the screen's resolution."""
        mode = self.preview.zoomMode()
        if mode == QPdfView.ZoomMode.Custom or not self.pdf.pageCount():
            return self.preview.zoomFactor()
        size = self.pdf.pagePointSize(0)
        scale = self.logicalDpiX() / 72
        margins = self.preview.documentMargins()
        width = (self.preview.viewport().width() - margins.left() - margins.right()) / (size.width() * scale)
        if mode == QPdfView.ZoomMode.FitToWidth:
            return width
        height = (self.preview.viewport().height() - margins.top() - margins.bottom()) / (size.height() * scale)
        return min(width, height)
