"""Finding 10: a new audience from one dialog, shown at once, without a restart."""

from __future__ import annotations

from briefgen.gui import dialogs
from briefgen.resources import read_toml, user_templates_dir


def test_finding_10_new_audience_appears_without_a_restart(window, qtbot, monkeypatch):
    seen = {}

    def ask(parent, audiences, current):
        seen.update(audiences=audiences, current=current)
        return {"id": "central-bankers", "title": "Central bankers",
                "description": "Staff of central banks", "based_on": "investors"}

    monkeypatch.setattr(dialogs, "ask_new_audience", ask)
    with qtbot.waitSignal(window.previewUpdated, timeout=15000):
        window.newAudienceAction.trigger()
    assert seen["current"] == "policymakers" and "investors" in seen["audiences"]
    assert window.audienceCombo.currentData() == "central-bankers"
    assert window.audienceCombo.currentText() == "Central bankers"
    folder = user_templates_dir()
    entry = read_toml(folder / "audiences.toml")["audiences"]["central-bankers"]
    assert entry["based_on"] == "investors" and entry["description"] == "Staff of central banks"
    template = (folder / "audiences" / "central-bankers.md.j2").read_text()
    assert '{% extends "audiences/investors.md.j2" %}' in template
    assert "central-bankers.md.j2" in window.editor.path_label.text()


def test_new_audience_dialog_refuses_a_taken_or_bad_id(qapp):
    from briefgen.gui.newaudience import NewAudienceDialog

    dialog = NewAudienceDialog(None, {"policymakers": "Policymakers", "investors": "Investors"}, "investors")
    dialog.idEdit.setText("policymakers")
    dialog.titleEdit.setText("Again")
    assert not dialog.ok_button().isEnabled() and "already" in dialog.problem.text()
    dialog.idEdit.setText("Bad id!")
    assert not dialog.ok_button().isEnabled()
    dialog.idEdit.setText("central-bankers")
    dialog.descriptionEdit.setText("Staff")
    assert dialog.ok_button().isEnabled()
    assert dialog.values() == {"id": "central-bankers", "title": "Again", "description": "Staff",
                               "based_on": "investors"}
    dialog.deleteLater()
