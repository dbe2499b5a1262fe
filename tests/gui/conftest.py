"""GUI fixtures: settings in a temporary folder and dialogs replaced, so no test blocks on a window."""

from __future__ import annotations

import pytest

from briefgen.gui import dialogs


@pytest.fixture(autouse=True)
def qt_settings_in_tmp(tmp_path_factory, qapp):
    """Each test's settings in a folder of their own, apart from the tmp_path that tests list."""
    from PySide6.QtCore import QLocale, QSettings

    from briefgen.gui import i18n

    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path_factory.mktemp("settings")))
    english = QLocale(QLocale.English, QLocale.UnitedKingdom)
    original, i18n.system_locale = i18n.system_locale, lambda: english  # tests find widgets by English text
    yield
    i18n.system_locale = original
    i18n.apply(i18n.ENGLISH)


@pytest.fixture
def shown(monkeypatch):
    """Replace every dialog; return the list of what would have been shown."""
    calls: list[tuple] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: calls.append(("error", title, message)))
    monkeypatch.setattr(dialogs, "show_about", lambda parent, text: calls.append(("about", text)))
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, question: calls.append(("confirm", question)) or True)
    monkeypatch.setattr(dialogs, "open_path", lambda path: calls.append(("open", str(path))) or True)
    return calls


@pytest.fixture
def window(qtbot, shown):
    from briefgen.gui import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.previewUpdated, timeout=15000):
        win.show()
    yield win
    win.close()
