"""Finding 3 and accessibility: themes ticked from the keyboard, visible focus, names, contrast, Tab order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette


def test_finding_3_themes_tick_with_space_and_return(window, qtbot):
    themes = window.themeList
    themes.setFocus()
    first = themes.item(0)
    before = first.checkState()
    qtbot.keyClick(themes, Qt.Key_Space)
    assert first.checkState() != before and themes.currentRow() == 0
    qtbot.keyClick(themes, Qt.Key_Down)
    second_before = themes.item(1).checkState()
    qtbot.keyClick(themes, Qt.Key_Return)
    assert themes.item(1).checkState() != second_before


def test_finding_3_theme_text_contrast_is_at_least_4_5_to_1_selected_or_not(window):
    from briefgen.gui.colours import contrast

    palette = window.themeList.palette()
    for background in (palette.color(QPalette.Base), palette.color(QPalette.Highlight)):
        for colour in (window.themeList.title_colour(), window.themeList.description_colour()):
            assert contrast(colour, background) >= 4.5, (colour.name(), background.name())
    assert contrast(palette.color(QPalette.HighlightedText), palette.color(QPalette.Highlight)) >= 4.5


def test_finding_3_focus_on_the_theme_list_is_visible(window, qtbot):
    themes = window.themeList
    window.audienceCombo.setFocus()
    qtbot.waitUntil(lambda: window.audienceCombo.hasFocus())
    unfocused = themes.grab().toImage()
    themes.setFocus()
    qtbot.waitUntil(themes.hasFocus)
    focused = themes.grab().toImage()
    changed = sum(1 for x in range(0, focused.width(), 2) if focused.pixel(x, 1) != unfocused.pixel(x, 1))
    assert changed > focused.width() // 4, "the list's border changes when it has the focus"


def test_accessible_names_and_tab_order(window):
    for widget in (window.themeList, window.audienceCombo, window.lengthCombo, window.langCombo, window.titleEdit,
                   window.authorEdit, window.organisationEdit, window.dateEdit, window.exportButton, window.preview,
                   window.zoomCombo,
                   window.pageSpin, window.editor.text):
        assert widget.accessibleName(), widget.objectName()
    order, widget = [], window.themeList
    for _ in range(13):
        order.append(widget.objectName())
        widget = widget.nextInFocusChain()
        while (widget.focusPolicy() == Qt.NoFocus or not widget.isVisible()
               or widget.objectName().startswith("qt_")):
            widget = widget.nextInFocusChain()
    assert order[:9] == ["themeList", "audienceCombo", "lengthCombo", "langCombo", "titleEdit", "authorEdit",
                         "organisationEdit", "dateEdit", "exportButton"]


def test_finding_13_every_choice_has_a_tooltip(window):
    for widget in (window.themeList, window.audienceCombo, window.lengthCombo, window.langCombo, window.titleEdit,
                   window.authorEdit, window.organisationEdit, window.dateEdit, window.exportButton,
                   window.customiseButton):
        assert widget.toolTip(), widget.objectName()
    for combo in (window.audienceCombo, window.lengthCombo, window.langCombo):
        assert all(combo.itemData(i, Qt.ToolTipRole) for i in range(combo.count())), combo.objectName()
    assert all(window.themeList.item(i).toolTip() for i in range(window.themeList.count()))


def test_an_empty_title_field_shows_the_finding_the_brief_will_be_titled_with(window, qtbot):
    from briefgen.catalogue import load_catalogue

    catalogue = load_catalogue(None)
    window.titleEdit.clear()
    window.choices.apply_state({"audience": "investors", "themes": tuple(catalogue.themes)})
    assert window.titleEdit.placeholderText() == catalogue.audience("investors").content["headline"]
    window.choices.apply_state({"themes": ("market-impact",)})
    assert window.titleEdit.placeholderText() == catalogue.theme("market-impact").content["headline"]
    window.audienceCombo.setCurrentIndex(window.audienceCombo.findData("public"))
    window.choices.apply_state({"themes": ("market-impact", "hk-regulated-hub")})
    assert window.titleEdit.placeholderText() == catalogue.audience("public").content["headline"]


def test_resizing_the_window_is_not_a_change_of_choice(window, qtbot):
    window.resize(900, 640)
    qtbot.wait(50)
    window.resize(1300, 820)
    qtbot.wait(50)
    assert not window.isWindowModified() and not window.previewer.timer.isActive()
    assert not window.undoAction.isEnabled()
