"""The app's remembered choices: defaults, typed reads and writes, unknown keys refused."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings

DEFAULTS: dict[str, Any] = {
    "audience": "policymakers",
    "themes": ["hk-regulated-hub", "mainland-fintech"],
    "length": "standard",
    "lang": "",  # the brief's language; empty (first start): the interface language's
    "title": "",
    "author": "",
    "organisation": "",
    "geometry": QByteArray(),
    "splitter": QByteArray(),
    "recent": [],
    "last_folder": "",  # where the last export went
    "brief_folder": "",  # where a brief was last opened or saved
    "interface_language": "",  # en, zh-Hant-HK or zh-Hans-CN; empty: follow the system locale
}
RECENT_LIMIT = 8


class Settings:
    """QSettings in INI format under the user's config folder (XDG_CONFIG_HOME on Linux)."""

    def __init__(self) -> None:
        self._store = QSettings(QSettings.IniFormat, QSettings.UserScope, "briefgen", "briefgen")

    def get(self, key: str) -> Any:
        default = DEFAULTS[key]
        value = self._store.value(key, default)
        if isinstance(default, list):
            if value in (None, ""):
                return []
            return [str(v) for v in (value if isinstance(value, list) else [value])]
        if isinstance(default, QByteArray):
            return value if isinstance(value, QByteArray) else QByteArray()
        return str(value) if value is not None else default

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(f"unknown setting '{key}'")
        self._store.setValue(key, value)

    def add_recent(self, path: str) -> list[str]:
        recent = [path] + [p for p in self.get("recent") if p != path]
        self.set("recent", recent[:RECENT_LIMIT])
        return recent[:RECENT_LIMIT]

    def sync(self) -> None:
        self._store.sync()

    @property
    def path(self) -> str:
        return self._store.fileName()
