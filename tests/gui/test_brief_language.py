"""The brief's language in the app: the preview, brief files, undo, export and batch export follow langCombo."""

from __future__ import annotations

import re
import tomllib

import pypdf
import pytest
from PySide6.QtCore import QLocale, Qt

from briefgen.gui import i18n
from briefgen.resources import assets_dir
from briefgen.titles import long_date

HK, CN = "zh-Hant-HK", "zh-Hans-CN"


def headline(lang: str) -> str:
    """The policymakers' Chinese title text (their finding), as the locale copy gives it."""
    path = assets_dir() / "content" / "locales" / lang / "audiences" / "policymakers.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))["audiences"]["policymakers"]["headline"]


def squeezed(text: str) -> str:
    """Text without the line breaks and spaces that PDF text extraction puts inside a Chinese line."""
    return re.sub(r"\s+", "", text)


def preview_text(window) -> str:
    return squeezed("".join(window.pdf.getAllText(page).text() for page in range(window.pdf.pageCount())))


def pick(window, qtbot, lang: str) -> None:
    """Choose `lang` as a person does and wait for the render the pick starts at once."""
    with qtbot.waitSignal(window.previewUpdated, timeout=20000):
        window.langCombo.setCurrentIndex(window.langCombo.findData(lang))
        assert window.previewer.timer.isActive() and window.previewer.timer.interval() == 0


def test_the_choice_names_each_language_in_its_own_script_with_tooltips(window):
    names = [window.langCombo.itemText(i) for i in range(window.langCombo.count())]
    assert names == ["English", "繁體中文（香港）", "简体中文（中国内地）"]
    assert [window.langCombo.itemData(i) for i in range(3)] == ["en", HK, CN]
    assert window.langCombo.objectName() == "langCombo" and window.langCombo is window.choices.langCombo
    assert window.current_request().lang == "en"  # the tests' system locale is English


def test_choosing_hong_kong_chinese_previews_traditional_text_and_never_simplified(window, qtbot):
    assert window.audienceCombo.currentData() == "policymakers"
    hk, cn = squeezed(headline(HK)), squeezed(headline(CN))
    assert hk not in preview_text(window)
    pick(window, qtbot, HK)
    text = preview_text(window)
    assert hk in text and cn not in text
    assert squeezed(long_date(window.current_request().date, HK)) in text  # the date in Chinese, 2026年4月10日
    assert window.titleEdit.placeholderText() == headline(HK)
    pick(window, qtbot, CN)
    text = preview_text(window)
    assert cn in text and hk not in text
    assert window.titleEdit.placeholderText() == headline(CN)


def test_a_brief_file_keeps_its_language_and_an_alias_loads_as_the_full_tag(window, qtbot, tmp_path):
    window.langCombo.setCurrentIndex(window.langCombo.findData(CN))
    path = tmp_path / "mainland.brief.toml"
    assert window.save_brief(path)
    assert 'lang = "zh-Hans-CN"' in path.read_text(encoding="utf-8")
    window.langCombo.setCurrentIndex(window.langCombo.findData("en"))
    assert window.open_brief(path)
    assert window.langCombo.currentData() == CN and window.current_request().lang == CN

    short = tmp_path / "hk.brief.toml"
    short.write_text('audience = "policymakers"\nthemes = ["hk-regulated-hub", "mainland-fintech"]\nlang = "zh-HK"\n',
                     encoding="utf-8")
    with qtbot.waitSignal(window.previewUpdated, timeout=20000):
        assert window.open_brief(short)
    assert window.langCombo.currentData() == HK and window.langCombo.currentText() == "繁體中文（香港）"
    assert squeezed(headline(HK)) in preview_text(window)


def test_undo_restores_the_previous_language_and_redo_repeats_the_pick(window):
    window.langCombo.setCurrentIndex(window.langCombo.findData(HK))
    window.langCombo.setCurrentIndex(window.langCombo.findData(CN))
    assert "language" in window.undoAction.text()
    window.undoAction.trigger()
    assert window.langCombo.currentData() == HK and window.current_request().lang == HK
    window.undoAction.trigger()
    assert window.langCombo.currentData() == "en" and not window.undoAction.isEnabled()
    window.redoAction.trigger()
    assert window.current_request().lang == HK


def test_export_writes_a_pdf_tagged_with_the_brief_language(window, qtbot, tmp_path):
    window.langCombo.setCurrentIndex(window.langCombo.findData(HK))
    target = tmp_path / "hk.pdf"
    with qtbot.waitSignal(window.exportFinished, timeout=30000):
        window.export(target)
    reader = pypdf.PdfReader(str(target))
    assert str(reader.trailer["/Root"]["/Lang"]) == HK
    assert squeezed(headline(HK)) in squeezed("".join(page.extract_text() for page in reader.pages))


def test_batch_export_writes_every_audience_in_the_brief_language(window, qtbot, tmp_path):
    window.langCombo.setCurrentIndex(window.langCombo.findData(CN))
    with qtbot.waitSignal(window.batchFinished, timeout=60000) as done:
        window.batch_export(tmp_path, ["policymakers", "public"], ["pdf"])
    assert done.args == [2, False]
    files = sorted(tmp_path.glob("*.pdf"))
    assert len(files) == 2
    for path in files:
        assert str(pypdf.PdfReader(str(path)).trailer["/Root"]["/Lang"]) == CN, path.name


def test_the_language_choice_is_remembered_for_the_next_start(window, qtbot):
    from briefgen.gui import MainWindow

    window.langCombo.setCurrentIndex(window.langCombo.findData(HK))
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.langCombo.currentData() == HK and not again.undoAction.isEnabled()


@pytest.mark.parametrize(("locale", "lang"), [("zh_CN", CN), ("zh_HK", HK), ("en_GB", "en")])
def test_at_first_start_the_brief_speaks_the_interface_language(qtbot, shown, monkeypatch, locale, lang):
    from briefgen.gui import MainWindow

    monkeypatch.setattr(i18n, "system_locale", lambda: QLocale(locale))
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.langCombo.currentData() == lang


@pytest.mark.parametrize(("language", "label", "accessible", "tip"), [
    (i18n.HONG_KONG, "語言(&G)", "簡報語言", "以繁體中文撰寫、供香港讀者閱讀的簡報：採用香港的官方用語及「」引號"),
    (i18n.MAINLAND, "语言(&G)", "简报语言", "用繁体中文撰写、供香港读者阅读的简报：采用香港的官方用语和「」引号"),
])
def test_the_interface_menu_translates_the_language_choice_but_not_the_language_names(window, language, label,
                                                                                       accessible, tip):
    window.languageActions[language].trigger()
    assert window.choices.form_labels["langCombo"].text() == label
    assert window.langCombo.accessibleName() == accessible
    assert window.langCombo.itemData(1, Qt.ToolTipRole) == tip
    assert window.langCombo.currentText() == "English"  # each language is named in its own script, always
    assert [window.langCombo.itemText(i) for i in range(3)] == ["English", "繁體中文（香港）", "简体中文（中国内地）"]
    assert window.current_request().lang == "en"  # switching the interface leaves the brief's language alone
    window.languageActions[i18n.ENGLISH].trigger()
    assert window.choices.form_labels["langCombo"].text() == "Lan&guage"
    assert window.langCombo.itemData(1, Qt.ToolTipRole).startswith("The brief in Traditional Chinese")
