"""The catalogue of themes, audiences and sources, read from content data (never from Python)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from .errors import BriefgenError
from .resources import read_asset_toml, read_toml

USER_AUDIENCES_FILE = "audiences.toml"
AUDIENCE_FIELDS = ("title", "description", "reader", "purpose", "closing")


@dataclass(frozen=True)
class Entry:
    """A theme or an audience: a fixed id, a title, a one-line description and its content."""

    id: str
    title: str
    description: str
    content: Mapping[str, Any]


@dataclass(frozen=True)
class Catalogue:
    themes: Mapping[str, Entry]
    audiences: Mapping[str, Entry]
    sources: Mapping[str, Mapping[str, str]]
    as_of: str
    comparison: Mapping[str, Any]
    timeline: tuple[Mapping[str, str], ...]

    def theme(self, theme_id: str) -> Entry:
        return _lookup(self.themes, theme_id, "theme", "--theme")

    def audience(self, audience_id: str) -> Entry:
        return _lookup(self.audiences, audience_id, "audience", "--audience")

    def source(self, source_id: str) -> Mapping[str, str]:
        if source_id not in self.sources:
            raise BriefgenError(f"unknown source '{source_id}'; valid sources: {', '.join(self.sources)}")
        return self.sources[source_id]


def _lookup(entries: Mapping[str, Entry], key: str, kind: str, option: str) -> Entry:
    if key not in entries:
        raise BriefgenError(f"unknown {kind} '{key}'; choose {option} from: {', '.join(entries)}")
    return entries[key]


def _entries(table: Mapping[str, Any], extra: Mapping[str, Any] | None = None) -> dict[str, Entry]:
    """Entries from a TOML table; `extra` adds more keys to each entry (the themes' depth content)."""
    extra = extra or {}
    return {
        key: Entry(key, value["title"], value["description"], MappingProxyType({**value, **extra.get(key, {})}))
        for key, value in table.items()
    }


def _user_audiences(user_dir: Path | None, builtin: Mapping[str, Entry]) -> dict[str, Entry]:
    """Audiences from the user's audiences.toml; a new one names the built-in audience it is `based_on`."""
    if user_dir is None or not (user_dir / USER_AUDIENCES_FILE).is_file():
        return {}
    path = user_dir / USER_AUDIENCES_FILE
    table = read_toml(path).get("audiences", {})
    for key, value in table.items():
        if not isinstance(value, dict):
            raise BriefgenError(f"{path}: [audiences.{key}] must be a table of text fields")
        missing = [name for name in AUDIENCE_FIELDS if not isinstance(value.get(name), str)]
        if missing:
            raise BriefgenError(f"{path}: audience '{key}' lacks text for {', '.join(missing)}; add them")
        based_on = value.get("based_on", key)
        if based_on not in builtin:
            raise BriefgenError(
                f"{path}: audience '{key}' needs based_on = one of {', '.join(builtin)}, for its per-theme content"
            )
    return _entries(table)


def load_catalogue(user_dir: Path | None = None) -> Catalogue:
    """The built-in catalogue, plus audiences the user added in `user_dir`/audiences.toml."""
    stamp = None
    if user_dir is not None:
        path = user_dir / USER_AUDIENCES_FILE
        stamp = path.stat().st_mtime_ns if path.is_file() else None
    return _load(str(user_dir) if user_dir else None, stamp)


@lru_cache(maxsize=16)
def _load(user_dir: str | None, _stamp: int | None) -> Catalogue:
    themes = read_asset_toml("content/themes.toml")
    audiences = _entries(read_asset_toml("content/audiences.toml")["audiences"])
    audiences.update(_user_audiences(Path(user_dir) if user_dir else None, dict(audiences)))
    return Catalogue(
        themes=MappingProxyType(_entries(themes["themes"], read_asset_toml("content/depth.toml")["themes"])),
        audiences=MappingProxyType(audiences),
        sources=MappingProxyType(read_asset_toml("content/sources.toml")["sources"]),
        as_of=str(themes["as_of"]),
        comparison=MappingProxyType(read_asset_toml("content/comparison.toml")),
        timeline=tuple(read_asset_toml("content/timeline.toml")["milestones"]),
    )
