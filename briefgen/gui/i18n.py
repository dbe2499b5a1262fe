"""The interface language: Qt translators for English, zh-Hant-HK and zh-Hans-CN, and texts that follow a switch."""

from __future__ import annotations

import weakref
from importlib.resources import files
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontInfo, QGuiApplication

ENGLISH, HONG_KONG, MAINLAND = "en", "zh-Hant-HK", "zh-Hans-CN"
LANGUAGES = {ENGLISH: "English", HONG_KONG: "繁體中文（香港）", MAINLAND: "简体中文"}  # each in its own script
QT_CATALOGUES = {HONG_KONG: "qtbase_zh_TW", MAINLAND: "qtbase_zh_CN"}  # Qt's own buttons (OK, Cancel, Yes)
_HANT_TERRITORIES = {QLocale.HongKong, QLocale.Taiwan, QLocale.Macao}
# Faces for Chinese in the interface, by locale, on Linux, Windows and macOS: without them Qt falls back to any CJK
# face (often Noto Sans CJK JP), whose glyphs differ from Hong Kong's and the mainland's for some characters.
HAN_FACES = {HONG_KONG: ["Noto Sans CJK HK", "Noto Sans CJK TC", "Source Han Sans HK", "Microsoft JhengHei UI",
                         "Microsoft JhengHei", "PingFang HK"],
             MAINLAND: ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei UI", "Microsoft YaHei",
                        "PingFang SC"]}

_installed: list[QTranslator] = []
_bindings: list[tuple[weakref.ref, Callable]] = []
_current = ENGLISH
_base_families: list[str] = []  # the application font's own families, before any Chinese faces were added


def translate(context: str, source: str) -> str:
    """`source` in the interface language (pyside6-lupdate collects literal calls to this name)."""
    return QCoreApplication.translate(context, source)


def translated(context: str, source: str) -> str:
    """As `translate`, for a source held in a variable and marked elsewhere with QT_TRANSLATE_NOOP."""
    return QCoreApplication.translate(context, source)


def translations_dir() -> Path:
    return Path(str(files("briefgen.gui") / "translations"))


def system_locale() -> QLocale:
    return QLocale.system()


def language_for(locale: QLocale) -> str:
    """The interface language for a system locale: Traditional Chinese for Hong Kong, Macao, Taiwan or Hant."""
    if locale.language() != QLocale.Chinese:
        return ENGLISH
    if locale.script() == QLocale.TraditionalChineseScript:
        return HONG_KONG
    if locale.script() == QLocale.SimplifiedChineseScript:
        return MAINLAND
    return HONG_KONG if locale.territory() in _HANT_TERRITORIES else MAINLAND


def chosen_language(saved: str) -> str:
    """The saved choice if it names a language, else the system locale's."""
    return saved if saved in LANGUAGES else language_for(system_locale())


def current() -> str:
    return _current


def apply(language: str) -> None:
    """Install the translators for `language` (English has none) and retranslate every bound text."""
    global _current
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language != ENGLISH:
        own = QTranslator(app)
        if not own.load(str(translations_dir() / f"briefgen_{language}.qm")):
            raise FileNotFoundError(f"no compiled translation for {language} in {translations_dir()}")
        qt = QTranslator(app)
        if qt.load(QT_CATALOGUES[language], QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
            _installed.append(qt)
        _installed.append(own)
        for translator in _installed:
            app.installTranslator(translator)
    _current = language if language in LANGUAGES else ENGLISH
    if isinstance(app, QGuiApplication):
        QGuiApplication.setFont(font_for(_current, QGuiApplication.font()))
    retranslate()


def font_for(language: str, font: QFont) -> QFont:
    """`font` with the Chinese faces of `language` after its own families (English: with its own families only)."""
    if not _base_families:  # the face the platform resolves its default to ("Sans Serif" is an alias on Linux)
        _base_families.extend(dict.fromkeys([QFontInfo(QGuiApplication.font()).family(),
                                             *QGuiApplication.font().families()]))
    chosen = QFont(font)
    chosen.setFamilies(_base_families + HAN_FACES.get(language, []))
    return chosen


def live(obj, set_texts: Callable) -> None:
    """Call `set_texts(obj)` now and again after each language switch, for as long as `obj` lives."""
    set_texts(obj)
    _bindings.append((weakref.ref(obj), set_texts))


def retranslate() -> None:
    """Run every binding whose object still exists; forget the rest."""
    alive = []
    for ref, set_texts in _bindings:
        obj = ref()
        if obj is None:
            continue
        try:
            set_texts(obj)
        except RuntimeError:  # the C++ object was deleted under its Python wrapper
            continue
        alive.append((ref, set_texts))
    _bindings[:] = alive
