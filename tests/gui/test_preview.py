"""Findings 8 and 12: the preview clears when no brief can be made; zoom and page navigation."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication


def test_finding_8_no_theme_clears_the_preview_and_its_page_count(window, qtbot):
    with qtbot.waitSignal(window.previewFailed, timeout=15000):
        window.set_chosen_themes([])
    assert window.pdf.pageCount() == 0 and window.pageCount.text() == ""
    assert "Tick at least one theme" in window.previewMessage.text() and window.previewMessage.isVisible()
    with qtbot.waitSignal(window.previewUpdated, timeout=15000):
        window.set_chosen_themes(["market-impact"])
    assert window.pdf.pageCount() >= 1 and not window.previewMessage.isVisible()


def test_finding_12_readable_at_1000_by_620_with_zoom_and_page_navigation(window, qtbot):
    window.resize(1000, 620)
    with qtbot.waitSignal(window.previewUpdated, timeout=15000):
        window.lengthCombo.setCurrentIndex(window.lengthCombo.findData("extended"))
    QApplication.processEvents()
    pane = window.previewPane
    assert pane.effective_zoom() >= 0.8, "text at fit-width is large enough to read"
    assert window.zoomCombo.currentText() == "Fit width"
    before = pane.effective_zoom()
    qtbot.keyClick(window.preview, Qt.Key_Plus, Qt.ControlModifier)
    assert window.preview.zoomMode() == QPdfView.ZoomMode.Custom and pane.effective_zoom() > before
    assert window.zoomCombo.currentText().endswith("%")
    zoom = window.preview.zoomFactor()
    qtbot.keyClick(window.preview, Qt.Key_Minus, Qt.ControlModifier)
    assert window.preview.zoomFactor() < zoom
    zoom = window.preview.zoomFactor()
    centre = QPointF(window.preview.viewport().rect().center())
    wheel = QWheelEvent(centre, window.preview.mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt.NoButton,
                        Qt.ControlModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(window.preview.viewport(), wheel)
    assert window.preview.zoomFactor() > zoom
    window.zoomCombo.setCurrentIndex(window.zoomCombo.findText("Fit page"))
    assert window.preview.zoomMode() == QPdfView.ZoomMode.FitInView
    window.zoomCombo.setCurrentIndex(window.zoomCombo.findText("150%"))
    assert abs(window.preview.zoomFactor() - 1.5) < 1e-6
    pages = window.pdf.pageCount()
    assert pages > 2 and window.pageSpin.maximum() == pages and window.pageSpin.value() == 1
    assert f"of {pages}" in window.pageCount.text()
    window.nextPageButton.click()
    qtbot.waitUntil(lambda: window.preview.pageNavigator().currentPage() == 1)
    assert window.pageSpin.value() == 2
    window.pageSpin.setValue(pages)
    qtbot.waitUntil(lambda: window.preview.pageNavigator().currentPage() == pages - 1)
    assert not window.nextPageButton.isEnabled()
    window.prevPageButton.click()
    qtbot.waitUntil(lambda: window.pageSpin.value() == pages - 1)


def test_a_pick_renders_at_once_and_typing_waits_for_a_pause(window, qtbot):
    from briefgen.gui.previewer import PREVIEW_DELAY_MS

    with qtbot.waitSignal(window.previewUpdated, timeout=20000):
        window.lengthCombo.setCurrentIndex(window.lengthCombo.findData("one-page"))
        assert window.previewer.timer.isActive() and window.previewer.timer.interval() == 0
    with qtbot.waitSignal(window.previewUpdated, timeout=20000):
        window.titleEdit.setText("Tokens and trust")
        assert window.previewer.timer.isActive() and window.previewer.timer.interval() == PREVIEW_DELAY_MS
