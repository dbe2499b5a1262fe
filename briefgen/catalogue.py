"""The catalogue of themes, audiences, facts and sources, read from content data (never from Python)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from .errors import BriefgenError
from .locales import ENGLISH, LOCALES_FOLDER, content_file, translate_register, untranslated, user_table
from .figures.define import FIGURES_FILE, Definition, load_definitions
from .facts import FACTS_FILE, SOURCES_FILE, Register, current_to, line_of, load_register, sources_of, timeline
from .resources import assets_dir, read_asset_toml, read_toml
from .theme_content import cited_facts, resolve_rows, resolve_theme

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
    register: Register
    comparison: Mapping[str, Any]
    timeline: tuple[Mapping[str, str], ...]
    theme_facts: Mapping[str, tuple[str, ...]]  # the fact ids each theme rests on, findings first
    figures: Mapping[str, Definition] = field(default_factory=dict)  # figure definitions by id, the user's too
    lang: str = ENGLISH  # the language the content is in
    untranslated: tuple[str, ...] = ()  # the user's own entries shown in English for want of a translation

    @property
    def sources(self) -> Mapping[str, Mapping[str, str]]:
        return self.register.sources

    def facts_used(self, theme_ids: Iterable[str]) -> list[str]:
        """The ids of the facts a brief on these themes rests on (the comparison's included)."""
        used = [fact_id for theme_id in theme_ids for fact_id in self.theme_facts.get(theme_id, ())]
        return used + [fact_id for row in self.comparison["rows"] for fact_id in row["facts"]]

    def timeline_for(self, theme_ids: Iterable[str]) -> tuple[Mapping[str, str], ...]:
        """The milestones among the facts that a brief on these themes rests on."""
        used = set(self.facts_used(theme_ids))
        return tuple(row for row in self.timeline if row["id"] in used)

    def facts_date(self, theme_ids: Iterable[str]) -> dt.date:
        """The date the facts of a brief on these themes are current to."""
        return current_to(self.register, self.facts_used(theme_ids))

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


def _entries(table: Mapping[str, Any]) -> dict[str, Entry]:
    """Entries from a TOML table of id -> fields."""
    return {key: Entry(key, value["title"], value["description"], MappingProxyType(dict(value)))
            for key, value in table.items()}


def _user_audiences(user_dir: Path | None, builtin: Mapping[str, Entry], lang: str = ENGLISH) -> dict[str, Entry]:
    """Audiences from the user's audiences.toml (in `lang` where they translated them); a new one names the built-in
    audience it is `based_on`."""
    if user_dir is None or not (user_dir / USER_AUDIENCES_FILE).is_file():
        return {}
    path = user_dir / USER_AUDIENCES_FILE
    table = read_toml(path, links=False).get("audiences", {})
    if not isinstance(table, dict):
        raise BriefgenError(f"{path}: 'audiences' must be a table of [audiences.ID] sections; see the README's example")
    for key, value in table.items():
        if not isinstance(value, dict):
            raise BriefgenError(f"{path}: [audiences.{key}] must be a table of text fields")
        missing = [name for name in AUDIENCE_FIELDS if not isinstance(value.get(name), str)]
        if missing:
            raise BriefgenError(f"{path}: audience '{key}' lacks text for {', '.join(missing)}; add them")
        based_on = value.get("based_on", key)
        if not isinstance(based_on, str) or based_on not in builtin:
            raise BriefgenError(
                f"{path}: audience '{key}' needs based_on = one of {', '.join(builtin)}, for its per-theme content"
            )
    words = user_table(user_dir, lang, USER_AUDIENCES_FILE, "audiences")
    # a derived audience keeps its built-in audience's content (tables, lists, headline, wording) unless it gives its own
    return _entries({key: {**builtin[value.get("based_on", key)].content, **value,
                           **{name: text for name, text in words.get(key, {}).items() if name in AUDIENCE_FIELDS}}
                     for key, value in table.items()})


def load_catalogue(user_dir: Path | None = None, lang: str = ENGLISH) -> Catalogue:
    """The built-in catalogue in `lang` (a language of briefgen.request.LANGUAGES), plus the audiences, facts and
    sources the user added in `user_dir` (in `lang` where the user translated them, else in English)."""
    stamps: tuple[int | None, ...] = ()
    if user_dir is not None:
        names = (USER_AUDIENCES_FILE, FACTS_FILE, SOURCES_FILE, FIGURES_FILE)
        paths = [user_dir / name for name in names] + [user_dir / LOCALES_FOLDER / lang / name for name in names]
        stamps = tuple(path.stat().st_mtime_ns if path.is_file() else None for path in paths)
    return _load(str(user_dir) if user_dir else None, stamps, lang)


def theme_tables(lang: str = ENGLISH) -> dict[str, tuple[Path, dict[str, Any]]]:
    """Each built-in theme's file and its raw table in `lang` (the English where there is no copy), in catalogue order."""
    tables = {}
    for theme_id in read_asset_toml("content/themes.toml")["order"]:
        relative = content_file(f"themes/{theme_id}.toml", lang)
        tables[theme_id] = (assets_dir() / relative, read_asset_toml(relative)["themes"][theme_id])
    return tables


def _builtin_audiences(lang: str) -> dict[str, Any]:
    """The built-in audience tables, each from its locale copy (audiences/ID.toml) where there is one."""
    english = read_asset_toml("content/audiences.toml")["audiences"]
    return {key: read_asset_toml(relative)["audiences"][key] if (relative := content_file(f"audiences/{key}.toml", lang))
            != f"content/audiences/{key}.toml" else value for key, value in english.items()}


@lru_cache(maxsize=16)
def _load(user_dir: str | None, _stamps: tuple[int | None, ...], lang: str = ENGLISH) -> Catalogue:
    folder = Path(user_dir) if user_dir else None
    register, untranslated_facts = translate_register(load_register(folder), lang, folder)
    raw = {theme_id: table for theme_id, (_, table) in theme_tables(lang).items()}
    added = _user_theme_facts(register, folder, raw)
    themes = {theme_id: resolve_theme(register, table, added.get(theme_id, ())) for theme_id, table in raw.items()}
    audiences = _entries({key: resolve_rows(register, value) for key, value in _builtin_audiences(lang).items()})
    audiences.update(_user_audiences(folder, dict(audiences), lang))
    comparison = read_asset_toml(content_file("comparison.toml", lang))
    rows = tuple(MappingProxyType({**row, "facts": [register.current_id(f) for f in row["facts"]],
                                   "sources": sources_of(register, row["facts"], 2)}) for row in comparison["rows"])
    return Catalogue(
        themes=MappingProxyType(_entries(themes)),
        audiences=MappingProxyType(audiences),
        register=register,
        comparison=MappingProxyType({"rows": rows,
                                     "sources": list(dict.fromkeys(s for row in rows for s in row["sources"]))}),
        timeline=timeline(register),
        theme_facts=MappingProxyType({theme_id: cited_facts(table, register) for theme_id, table in raw.items()}),
        figures=MappingProxyType(load_definitions(folder, register, lang)),
        lang=lang,
        untranslated=tuple([f"audience '{key}'" for key in untranslated(folder, lang, USER_AUDIENCES_FILE, "audiences",
                                                                          "title")]
                           + [f"fact '{key}'" for key in untranslated_facts]
                           + [f"figure '{key}'" for key in untranslated(folder, lang, FIGURES_FILE, "figures", "caption",
                                                                        links=True)]),
    )


def _user_theme_facts(register: Register, folder: Path | None, themes: Mapping[str, Any]) -> dict[str, list[str]]:
    """User facts that name themes (`themes = [...]`) lead those themes' findings, newest first."""
    added: dict[str, list[str]] = {}
    for fact_id in sorted(register.user_added, key=lambda key: register.facts[key]["date"], reverse=True):
        for theme_id in register.facts[fact_id].get("themes", ()):
            if theme_id not in themes:
                path = folder / FACTS_FILE if folder else None
                where = f"{path}:{line_of(path, 'facts', fact_id, 'themes')}" if path else "facts.toml"
                raise BriefgenError(f"{where}: fact '{fact_id}' names unknown theme '{theme_id}'; "
                                    f"choose from: {', '.join(themes)}")
            added.setdefault(theme_id, []).append(fact_id)
    return added
