"""Findings 5, 6, 8 and 15: the export dialog's type, viewers that are missing, no theme, scripts never blocked."""

from __future__ import annotations

from pathlib import Path

from briefgen.gui import dialogs


def test_finding_5_the_word_export_dialog_offers_word_for_a_docx_name(qapp, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    seen = {}

    def fake(parent, caption, start, filters, selected="", *rest):
        seen.update(start=start, filters=filters, selected=selected)
        return start, selected

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    assert dialogs.ask_export_path(None, Path("/tmp/brief.docx")) == Path("/tmp/brief.docx")
    assert seen["selected"].startswith("Word") and seen["filters"].index("Word") < seen["filters"].index("PDF")
    dialogs.ask_export_path(None, Path("/tmp/brief.pdf"))
    assert seen["selected"].startswith("PDF")


def test_finding_6_open_file_folder_or_templates_folder_without_a_viewer_says_so(window, qtbot, tmp_path, shown,
                                                                               monkeypatch):
    monkeypatch.setattr(dialogs, "open_path", lambda path: shown.append(("open", str(path))) and False)
    with qtbot.waitSignal(window.exportFinished, timeout=15000):
        window.export(tmp_path / "brief.pdf")
    window.openFileButton.click()
    assert shown[-1][0] == "error" and str(tmp_path / "brief.pdf") in shown[-1][2]
    window.openFolderButton.click()
    assert shown[-1][0] == "error" and str(tmp_path) in shown[-1][2]
    window.open_templates_folder()
    assert shown[-1][0] == "error" and "no program" in shown[-1][2].lower()


def test_finding_8_no_theme_export_says_why_without_asking_for_a_file_name(window, qtbot, shown, monkeypatch):
    asked = []
    monkeypatch.setattr(dialogs, "ask_export_path", lambda parent, suggested: asked.append(suggested))
    window.set_chosen_themes([])
    window.ask_and_export("docx")
    assert asked == [] and shown[-1][0] == "error" and "Tick at least one theme" in shown[-1][2]


def test_finding_15_a_scripted_export_that_fails_never_opens_a_dialog(window, qtbot, tmp_path, shown, monkeypatch):
    target = tmp_path / "missing" / "brief.pdf"
    with qtbot.waitSignal(window.exportFailed, timeout=15000) as failed:
        window.export(target)
    assert "does not exist" in failed.args[0] and not [call for call in shown if call[0] == "error"]
    window.set_chosen_themes([])
    with qtbot.waitSignal(window.exportFailed, timeout=15000):
        window.export(tmp_path / "b.pdf")
    assert not [call for call in shown if call[0] == "error"]
    window.set_chosen_themes(["market-impact"])
    monkeypatch.setattr(dialogs, "ask_export_path", lambda parent, suggested: target)
    with qtbot.waitSignal(window.exportFailed, timeout=15000):
        window.ask_and_export("pdf")
    assert shown[-1][0] == "error" and "does not exist" in shown[-1][2]  # a person asked, so a person is told
