"""Finding 11: Save writes to the open brief, Save As asks, the title bar names the brief, dialogs start where briefs are."""

from __future__ import annotations

from briefgen import BriefRequest
from briefgen.gui import dialogs


def test_finding_11_save_save_as_title_bar_and_start_folder(window, qtbot, tmp_path, shown, monkeypatch):
    briefs, exports = tmp_path / "briefs", tmp_path / "exports"
    briefs.mkdir()
    exports.mkdir()
    path = BriefRequest(audience="industry", themes=("market-impact",), title="Harbour").save(
        briefs / "harbour.brief.toml")
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_brief", lambda parent, suggested: asked.append(suggested)
                        or briefs / "copy.brief.toml")
    monkeypatch.setattr(dialogs, "ask_open_brief", lambda parent, start: asked.append(start))
    assert window.windowTitle().startswith("Untitled brief")
    with qtbot.waitSignal(window.previewUpdated, timeout=15000):
        assert window.open_brief(path)
    assert window.windowTitle().startswith("harbour") and not window.isWindowModified()
    window.titleEdit.setText("Harbour Notes")
    assert window.isWindowModified()
    window.saveAction.trigger()
    assert asked == [] and BriefRequest.load(path).title == "Harbour Notes" and not window.isWindowModified()
    with qtbot.waitSignal(window.exportFinished, timeout=15000):
        window.export(exports / "harbour.pdf")
    window.saveAsAction.trigger()
    assert asked[-1].parent == briefs and window.windowTitle().startswith("copy")
    window.openAction.trigger()
    assert asked[-1] == briefs, "Open starts where briefs were last opened or saved, not in the export folder"
