"""The interface language: system-locale mapping, switching at once, the choice remembered, complete catalogues."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QLocale, Qt

from briefgen.gui import i18n

MENU_TITLES = {
    i18n.ENGLISH: ["&File", "&Edit", "&View", "&Templates", "&Help"],
    i18n.HONG_KONG: ["檔案(&F)", "編輯(&E)", "檢視(&V)", "範本(&T)", "說明(&H)"],
    i18n.MAINLAND: ["文件(&F)", "编辑(&E)", "视图(&V)", "模板(&T)", "帮助(&H)"],
}
BUTTONS = {  # export, customise, length "One page"
    i18n.ENGLISH: ("E&xport…", "&Customise template for this audience", "One page"),
    i18n.HONG_KONG: ("匯出(&X)…", "為此讀者自訂範本(&C)", "一頁"),
    i18n.MAINLAND: ("导出(&X)…", "为此读者自定义模板(&C)", "一页"),
}


def _texts(window):
    menus = [action.menu().title() for action in window.menuBar().actions()]
    return menus, (window.exportButton.text(), window.customiseButton.text(), window.lengthCombo.itemText(0))


@pytest.mark.parametrize("language", [i18n.HONG_KONG, i18n.MAINLAND])
def test_switching_translates_menus_and_buttons_and_back(window, language):
    menu = window.findChild(type(window.languageMenu), "interfaceLanguageMenu")
    assert [a.text() for a in menu.actions()] == ["English", "繁體中文（香港）", "简体中文"]
    window.languageActions[language].trigger()
    assert _texts(window) == (MENU_TITLES[language], BUTTONS[language])
    assert window.windowTitle().startswith("未命名簡報" if language == i18n.HONG_KONG else "未命名简报")
    window.languageActions[i18n.ENGLISH].trigger()
    assert _texts(window) == (MENU_TITLES[i18n.ENGLISH], BUTTONS[i18n.ENGLISH])
    assert window.windowTitle().startswith("Untitled brief")


@pytest.mark.parametrize(("name", "expected"), [
    ("zh_HK", i18n.HONG_KONG), ("zh_TW", i18n.HONG_KONG), ("zh_MO", i18n.HONG_KONG), ("zh_Hant", i18n.HONG_KONG),
    ("zh_CN", i18n.MAINLAND), ("zh_SG", i18n.MAINLAND), ("zh_Hans", i18n.MAINLAND),
    ("en_GB", i18n.ENGLISH), ("fr_FR", i18n.ENGLISH), ("C", i18n.ENGLISH),
])
def test_system_locale_mapping(name, expected):
    assert i18n.language_for(QLocale(name)) == expected


def test_system_locale_chooses_the_language_at_start(qtbot, shown, monkeypatch):
    from briefgen.gui import MainWindow

    monkeypatch.setattr(i18n, "system_locale", lambda: QLocale("zh_HK"))
    win = MainWindow()
    qtbot.addWidget(win)
    assert _texts(win)[0] == MENU_TITLES[i18n.HONG_KONG]
    assert win.languageActions[i18n.HONG_KONG].isChecked()


def test_saved_choice_is_restored_on_next_start(window, qtbot):
    from briefgen.gui import MainWindow

    window.languageActions[i18n.MAINLAND].trigger()
    window.close()
    i18n.apply(i18n.ENGLISH)  # as a fresh process would start
    again = MainWindow()
    qtbot.addWidget(again)
    assert _texts(again) == (MENU_TITLES[i18n.MAINLAND], BUTTONS[i18n.MAINLAND])
    assert again.languageActions[i18n.MAINLAND].isChecked()


@pytest.mark.parametrize("language", [i18n.HONG_KONG, i18n.MAINLAND])
def test_every_message_is_translated(language):
    root = ET.parse(i18n.translations_dir() / f"briefgen_{language}.ts").getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 70
    for message in messages:
        translation = message.find("translation")
        assert translation.get("type") is None, message.find("source").text
        assert (translation.text or "").strip(), message.find("source").text
    texts = "".join(m.find("translation").text for m in messages)
    if language == i18n.HONG_KONG:
        assert "檔案" in texts and "匯出" in texts and "简" not in texts
    else:
        assert "文件" in texts and "导出" in texts and "檔" not in texts


@pytest.mark.parametrize("language", [i18n.HONG_KONG, i18n.MAINLAND])
def test_committed_qm_matches_its_ts(language, tmp_path):
    source = i18n.translations_dir() / f"briefgen_{language}"
    subprocess.run(["pyside6-lrelease", f"{source}.ts", "-qm", str(tmp_path / "out.qm")], check=True,
                   capture_output=True)
    assert (tmp_path / "out.qm").read_bytes() == source.with_suffix(".qm").read_bytes(), \
        "run pyside6-lrelease on the .ts file and commit the .qm"


@pytest.mark.parametrize(("language", "audience", "fit_width"), [
    (i18n.HONG_KONG, "政策制定者", "符合寬度"), (i18n.MAINLAND, "政策制定者", "适合宽度"),
])
def test_themes_audiences_dates_and_zoom_follow_the_interface_language(window, language, audience, fit_width):
    import re

    from PySide6.QtPdfWidgets import QPdfView

    from briefgen.catalogue import load_catalogue

    chosen = window.chosen_themes()
    window.languageActions[language].trigger()
    themes = load_catalogue(None, language).themes
    first = window.themeList.itemWidget(window.themeList.item(0)).text()
    assert themes[window.themeList.item(0).data(Qt.UserRole)].title in first
    assert window.chosen_themes() == chosen and window.audienceCombo.currentText() == audience
    assert window.audienceDescription.text() == load_catalogue(None, language).audience("policymakers").description
    assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", window.dateEdit.text())
    assert window.zoomCombo.itemText(0) == fit_width
    window.zoomCombo.setCurrentIndex(1)
    assert window.preview.zoomMode() == QPdfView.ZoomMode.FitInView
    window.zoomCombo.setCurrentIndex(0)
    assert window.preview.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert not window.isWindowModified() and window.current_request().lang == "en"
    window.languageActions[i18n.ENGLISH].trigger()
    assert window.audienceCombo.currentText() == "Policymakers" and window.zoomCombo.itemText(0) == "Fit width"


def _face(text, font):
    from PySide6.QtGui import QTextLayout

    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [run.rawFont().familyName() for run in layout.glyphRuns()]


@pytest.mark.parametrize(("language", "face"), [(i18n.HONG_KONG, "Noto Sans CJK HK"), (i18n.MAINLAND, "Noto Sans CJK SC")])
def test_chinese_is_drawn_in_the_locales_own_face_not_any_cjk_face(window, language, face):
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    if face not in QFontDatabase.families():
        pytest.skip(f"{face} is not installed")
    window.languageActions[language].trigger()
    assert _face("說明说明", QApplication.font()) == [face]
    assert _face("Export", QApplication.font()) != [face]  # Latin stays in the interface's own face
    window.languageActions[i18n.ENGLISH].trigger()
    window.langCombo.setCurrentIndex(window.langCombo.findData(language))  # an English interface, a Chinese brief
    assert _face("陳美玲", window.titleEdit.font()) == [face] == _face("中文", window.langCombo.font())
    assert _face("中文", window.langCombo.itemData(window.langCombo.currentIndex(), Qt.FontRole)) == [face]


@pytest.mark.parametrize("language", ["zh-Hant-HK", "zh-Hans-CN"])
def test_switching_language_in_a_short_window_refills_the_theme_list_without_error(window, qtbot, language):
    # a short window gives the theme list a scroll bar, which resizes the list while it is being refilled
    window.resize(1000, 560)
    qtbot.waitUntil(lambda: window.themeList.verticalScrollBar().isVisible(), timeout=5000)
    window.set_interface_language(language)
    window.set_interface_language("en")
    window.set_interface_language(language)
    labels = [window.themeList.itemWidget(window.themeList.item(i)) for i in range(window.themeList.count())]
    assert all(label is not None for label in labels)
    assert all(window.themeList.item(i).sizeHint().height() > 20 for i in range(window.themeList.count()))
    window.set_interface_language("en")
