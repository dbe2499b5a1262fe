"""Finding 14: undo and redo for choices."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def test_finding_14_undo_and_redo_choices(window, qtbot):
    start = window.current_request()
    window.set_chosen_themes(["market-impact"])
    window.audienceCombo.setCurrentIndex(window.audienceCombo.findData("public"))
    window.lengthCombo.setCurrentIndex(window.lengthCombo.findData("one-page"))
    for text in ("H", "Ha", "Har"):
        window.titleEdit.setText(text)
    assert window.undoAction.shortcut() == QKeySequence(QKeySequence.Undo)
    window.undoAction.trigger()
    assert window.titleEdit.text() == "" and window.current_request().length == "one-page"
    window.undoAction.trigger()
    window.undoAction.trigger()
    assert window.current_request().audience == start.audience and window.chosen_themes() == ["market-impact"]
    window.undoAction.trigger()
    assert window.chosen_themes() == list(start.themes) and not window.undoAction.isEnabled()
    window.redoAction.trigger()
    window.redoAction.trigger()
    assert window.chosen_themes() == ["market-impact"] and window.current_request().audience == "public"
    with qtbot.waitSignal(window.previewUpdated, timeout=15000):
        pass
