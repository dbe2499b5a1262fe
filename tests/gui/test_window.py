"""The main window, driven as a user would: choices, preview, export, brief files, batch, templates."""

from __future__ import annotations

import docx
import pypdf
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from briefgen import BriefRequest, __version__
from briefgen.gui import MainWindow

from ..conftest import open_pdf


def test_object_names_of_the_automation_contract(window):
    for name in ("themeList", "audienceCombo", "lengthCombo", "titleEdit", "preview", "exportButton"):
        assert window.findChild(object, name) is not None, name
    assert window.themeList.count() == 6
    assert [window.audienceCombo.itemData(i) for i in range(window.audienceCombo.count())] == [
        "policymakers", "investors", "industry", "technologists", "public"]
    assert window.pdf.pageCount() >= 1 and window.pageCount.text().endswith(("page", "pages"))


def test_choices_drive_the_preview(window, qtbot):
    with qtbot.waitSignal(window.previewUpdated, timeout=15000):
        window.lengthCombo.setCurrentIndex(window.lengthCombo.findData("extended"))
    extended = window.pdf.pageCount()
    with qtbot.waitSignal(window.previewUpdated, timeout=15000):
        window.lengthCombo.setCurrentIndex(window.lengthCombo.findData("one-page"))
    assert window.pdf.pageCount() < extended
    with qtbot.waitSignal(window.previewUpdated, timeout=15000):
        window.titleEdit.setText("Harbour Notes")
    assert window.pdf.metaData(window.pdf.MetaDataField.Title) == "Harbour Notes"
    with qtbot.waitSignal(window.previewUpdated, timeout=15000):
        window.audienceCombo.setCurrentIndex(window.audienceCombo.findData("public"))
    assert "general readers" in window.audienceDescription.text()


def test_typing_burst_gives_one_render_and_stale_results_are_dropped(window, qtbot):
    renders = []
    window.previewUpdated.connect(lambda: renders.append(window.titleEdit.text()))
    for text in ("H", "Ha", "Har", "Harb", "Harbour"):
        window.titleEdit.setText(text)
    qtbot.waitUntil(lambda: bool(renders) and renders[-1] == "Harbour", timeout=15000)
    qtbot.wait(300)
    assert renders == ["Harbour"]
    assert window.pdf.metaData(window.pdf.MetaDataField.Title) == "Harbour"


def test_export_both_formats_through_the_contract(window, qtbot, tmp_path):
    window.titleEdit.setText("Harbour Notes")
    for name in ("brief.pdf", "brief.docx"):
        with qtbot.waitSignal(window.exportFinished, timeout=15000) as done:
            window.export(tmp_path / name)
        assert done.args == [str(tmp_path / name)]
    assert pypdf.PdfReader(str(tmp_path / "brief.pdf")).metadata.title == "Harbour Notes"
    assert docx.Document(str(tmp_path / "brief.docx")).paragraphs[0].text == "Harbour Notes"
    assert window.exportNotice.isVisible() and window.openExportAction.isEnabled()


def test_open_exported_file_or_folder(window, qtbot, tmp_path, shown):
    with qtbot.waitSignal(window.exportFinished, timeout=15000):
        window.export(tmp_path / "brief.pdf")
    qtbot.mouseClick(window.openFileButton, Qt.LeftButton)
    qtbot.mouseClick(window.openFolderButton, Qt.LeftButton)
    assert ("open", str(tmp_path / "brief.pdf")) in shown and ("open", str(tmp_path)) in shown


def test_export_failure_is_shown_and_nothing_is_written(window, qtbot, tmp_path, shown):
    target = tmp_path / "missing" / "brief.pdf"
    with qtbot.waitSignal(window.exportFailed, timeout=15000) as failed:
        window.export(target)
    assert "does not exist" in failed.args[0]
    assert not target.parent.exists()
    existing = tmp_path / "kept.pdf"
    existing.write_bytes(b"previous")
    window.set_chosen_themes([])
    with qtbot.waitSignal(window.exportFailed, timeout=15000):
        window.export(existing)
    assert existing.read_bytes() == b"previous"


def test_export_with_a_broken_template_keeps_the_preview(window, qtbot, tmp_path, shown):
    from briefgen.resources import user_templates_dir

    pages = window.pdf.pageCount()
    folder = user_templates_dir() / "audiences"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "policymakers.md.j2").write_text('{% extends "base.md.j2" %}\n{% block summary_heading %}{{ missing }}{% endblock %}\n')
    with qtbot.waitSignal(window.previewFailed, timeout=15000) as failed:
        window.titleEdit.setText("Trigger")
    assert "policymakers.md.j2:2" in failed.args[0]
    assert window.pdf.pageCount() == pages
    with qtbot.waitSignal(window.exportFailed, timeout=15000):
        window.export(tmp_path / "b.docx")
    assert not (tmp_path / "b.docx").exists()


def test_brief_files_open_save_and_recent(window, qtbot, tmp_path):
    request = BriefRequest(audience="industry", themes=("market-impact",), length="one-page", title="Saved brief")
    path = request.save(tmp_path / "saved.brief.toml")
    with qtbot.waitSignal(window.previewUpdated, timeout=15000):
        assert window.open_brief(path)
    assert window.current_request().audience == "industry" and window.chosen_themes() == ["market-impact"]
    assert window.titleEdit.text() == "Saved brief"
    assert window.recentMenu.actions()[0].text() == str(path)
    assert window.save_brief(tmp_path / "copy.brief.toml")
    assert BriefRequest.load(tmp_path / "copy.brief.toml").with_changes(date=request.date) == request


def test_bad_brief_file_is_reported(window, tmp_path, shown):
    bad = tmp_path / "bad.brief.toml"
    bad.write_text("audience = [")
    assert not window.open_brief(bad)
    assert shown[-1][0] == "error" and "not valid TOML" in shown[-1][2]


def test_choices_and_geometry_persist(qtbot, shown, tmp_path):
    first = MainWindow()
    qtbot.addWidget(first)
    first.set_chosen_themes(["shifting-attitudes", "market-impact"])
    first.audienceCombo.setCurrentIndex(first.audienceCombo.findData("technologists"))
    first.lengthCombo.setCurrentIndex(first.lengthCombo.findData("extended"))
    first.authorEdit.setText("Li Wei")
    first.resize(760, 560)  # the offscreen screen is 800 x 600
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.chosen_themes() == ["market-impact", "shifting-attitudes"]
    assert second.current_request().audience == "technologists" and second.current_request().length == "extended"
    assert second.authorEdit.text() == "Li Wei" and second.size().width() == 760
    second.close()


def test_batch_export_writes_every_file(window, qtbot, tmp_path, shown):
    with qtbot.waitSignal(window.batchFinished, timeout=60000) as done:
        window.batch_export(tmp_path, ["policymakers", "public"], ["pdf", "docx"])
    assert done.args == [4, False], shown
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "brief-policymakers-standard.docx", "brief-policymakers-standard.pdf", "brief-public-standard.docx",
        "brief-public-standard.pdf"]


def test_batch_export_can_be_cancelled(window, qtbot, tmp_path):
    audiences = [window.audienceCombo.itemData(i) for i in range(window.audienceCombo.count())]
    out = tmp_path / "out"
    out.mkdir()
    with qtbot.waitSignal(window.batchFinished, timeout=60000) as done:
        window.batch_export(out, audiences, ["pdf", "docx"])
        qtbot.mouseClick(window.batchProgress.findChild(QPushButton), Qt.LeftButton)
    written, cancelled = done.args
    assert cancelled and written < 10
    files = list(out.iterdir())
    assert len(files) == written  # briefs being written when Cancel came were finished and counted
    assert all(path.suffix in (".pdf", ".docx") and path.stat().st_size > 1000 for path in files)


def test_batch_export_runs_on_the_command_lines_process_pool(window, qtbot, tmp_path, monkeypatch):
    from briefgen import batch

    calls = []
    real_run = batch.run

    def spy(jobs, *args, **kwargs):
        calls.append((jobs, kwargs))
        return real_run(jobs, *args, **kwargs)

    monkeypatch.setattr(batch, "run", spy)
    window.titleEdit.setText("Tokens & Trust")
    window.lengthCombo.setCurrentIndex(window.lengthCombo.findData("one-page"))
    out = tmp_path / "out"
    out.mkdir()
    with qtbot.waitSignal(window.batchFinished, timeout=60000) as done:
        window.batch_export(out, ["investors", "public", "industry"], ["docx", "pdf"])
    assert done.args == [6, False]
    (jobs, kwargs), = calls
    assert {job.request.audience for job in jobs} == {"investors", "public", "industry"}
    assert {job.request.length for job in jobs} == {"one-page"} and callable(kwargs["cancelled"])
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"tokens-trust-{a}-one-page.{f}" for a in ("investors", "public", "industry") for f in ("docx", "pdf"))
    assert open_pdf(out / "tokens-trust-public-one-page.pdf").pages[0].extract_text().count("Tokens & Trust") >= 1


def test_shortcuts_and_about(window, shown):
    assert window.exportAction.shortcut() == QKeySequence("Ctrl+E")
    assert window.saveAction.shortcut() == QKeySequence(QKeySequence.Save)
    assert window.openAction.shortcut() == QKeySequence(QKeySequence.Open)
    window.about()
    assert shown[-1][0] == "about" and __version__ in shown[-1][1]
    assert not window.windowIcon().isNull()


def test_window_fits_a_1280_by_800_screen(window):
    hint = window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 800


def test_user_added_audience_is_listed(qtbot, shown):
    from briefgen.resources import user_templates_dir

    from ..test_catalogue import CENTRAL_BANKERS, TEMPLATE

    folder = user_templates_dir()
    (folder / "audiences").mkdir(parents=True)
    (folder / "audiences.toml").write_text(CENTRAL_BANKERS)
    (folder / "audiences" / "central-bankers.md.j2").write_text(TEMPLATE)
    win = MainWindow()
    qtbot.addWidget(win)
    index = win.audienceCombo.findData("central-bankers")
    assert index >= 0 and win.audienceCombo.itemText(index) == "Central bankers"
    with qtbot.waitSignal(win.previewUpdated, timeout=15000):
        win.audienceCombo.setCurrentIndex(index)
    win.close()


def test_locked_or_full_target_is_reported_and_old_file_kept(window, qtbot, tmp_path, shown, monkeypatch):
    import os

    target = tmp_path / "brief.pdf"
    target.write_bytes(b"previous")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied (the file is open in another program)")

    monkeypatch.setattr(os, "replace", locked)
    with qtbot.waitSignal(window.exportFailed, timeout=15000) as failed:
        window.export(target)
    assert "Permission denied" in failed.args[0]
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_batch_dialog_choices_drive_the_batch(window, qtbot, tmp_path, monkeypatch):
    from briefgen.gui import dialogs

    seen = {}

    def fake_batch(parent, audiences, folder):
        seen["audiences"] = audiences
        return tmp_path, ["investors"], ["docx"]

    monkeypatch.setattr(dialogs, "ask_batch", fake_batch)
    with qtbot.waitSignal(window.batchFinished, timeout=60000) as done:
        window.ask_batch_export()
    assert list(seen["audiences"]) == ["policymakers", "investors", "industry", "technologists", "public"]
    assert done.args == [1, False] and [p.name for p in tmp_path.iterdir()] == ["brief-investors-standard.docx"]


def test_batch_dialog_collects_audiences_formats_and_folder(qapp, tmp_path):
    from briefgen.gui.batch import BatchDialog

    dialog = BatchDialog(None, {"policymakers": "Policymakers", "public": "General public"}, tmp_path)
    dialog.audienceList.item(0).setCheckState(Qt.Unchecked)
    dialog.pdfBox.setChecked(False)
    assert dialog.choices() == (tmp_path, ["public"], ["docx"])
    dialog.docxBox.setChecked(False)
    assert not dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()  # nothing to export
    dialog.deleteLater()


def test_clicking_a_theme_box_or_its_text_toggles_it_once(window, qtbot):
    from PySide6.QtCore import QPoint

    item = window.themeList.item(2)
    rect = window.themeList.visualItemRect(item)
    before = item.checkState()
    qtbot.mouseClick(window.themeList.viewport(), Qt.LeftButton, pos=QPoint(rect.left() + 120, rect.center().y()))
    assert item.checkState() != before  # a click on the text toggles
    qtbot.mouseClick(window.themeList.viewport(), Qt.LeftButton, pos=QPoint(rect.left() + 11, rect.center().y()))
    assert item.checkState() == before  # a click on the box toggles back, once


def test_facts_notice_appears_for_a_brief_dated_long_after_its_facts(window, qtbot):
    from PySide6.QtCore import QDate

    with qtbot.waitSignal(window.previewUpdated, timeout=15000):
        window.dateEdit.setDate(QDate(2027, 6, 1))
    assert window.factsNotice.isVisible() and "184 days" in window.factsNotice.text()
    with qtbot.waitSignal(window.previewUpdated, timeout=15000):
        window.dateEdit.setDate(QDate(2026, 11, 29))
    assert not window.factsNotice.isVisible()


def test_templates_menu_opens_the_users_facts_file(window):
    from briefgen.resources import user_templates_dir

    window.openFactsAction.trigger()
    path = user_templates_dir() / "facts.toml"
    assert path.is_file() and window.editor.text.isVisible()
    assert window.editor.path_label.text() == "facts.toml" and window.editor.path == path
    assert "[facts." in window.editor.source() and not window.editor.text.isReadOnly()


def test_preview_shows_a_chinese_title(window, qtbot, tmp_path):
    with qtbot.waitSignal(window.previewUpdated, timeout=15000):
        window.titleEdit.setText("香港與內地加密合作 Hong Kong–Mainland 𨋢㗎")
    shown_text = "".join(window.pdf.getAllText(0).text().split())
    assert "香港與內地加密合作HongKong–Mainland𨋢㗎" in shown_text  # QtPdf (PDFium) reads what the page draws
    page = window.pdf.render(0, window.pdf.pagePointSize(0).toSize())
    title_band = page.copy(60, 50, 200, 40)  # where the title's first Chinese characters are drawn
    dark = sum(1 for x in range(0, 200, 2) for y in range(0, 40, 2) if title_band.pixelColor(x, y).lightness() < 128)
    assert dark > 50
    page.save(str(tmp_path / "chinese-title-page.png"))  # to look at
