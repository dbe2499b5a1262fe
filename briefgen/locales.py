"""Which content a brief's language reads: the locale copy under content/locales/ if there is one, else English."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from .errors import BriefgenError
from .facts import FACTS_FILE, Register
from .resources import assets_dir, read_asset_toml, read_toml
from .strings import ENGLISH
LOCALES_FOLDER = "locales"
FACT_TEXT = ("statement", "short", "milestone")  # what a translation of a fact gives; ids, dates and sources stay


def content_file(relative: str, lang: str = ENGLISH) -> str:
    """'themes/x.toml' -> 'content/locales/LANG/themes/x.toml' when that copy exists, else 'content/themes/x.toml'."""
    if lang != ENGLISH:
        copy = f"content/{LOCALES_FOLDER}/{lang}/{relative}"
        if (assets_dir() / copy).is_file():
            return copy
    return f"content/{relative}"


def user_translation(user_dir: Path | None, lang: str, name: str) -> Path | None:
    """The user's translation of their own `name` (audiences.toml, facts.toml) into `lang`, if they made one."""
    if user_dir is None or lang == ENGLISH:
        return None
    path = user_dir / LOCALES_FOLDER / lang / name
    return path if path.is_file() else None


def user_table(user_dir: Path | None, lang: str, name: str, table: str) -> dict[str, Any]:
    """The [table.ID] entries of the user's translation of `name` ({} if none); a bad file is a one-line error."""
    path = user_translation(user_dir, lang, name)
    if path is None:
        return {}
    found = read_toml(path, links=False).get(table, {})
    if not isinstance(found, dict) or not all(isinstance(value, dict) for value in found.values()):
        raise BriefgenError(f"{path}: put each translation in a [{table}.ID] table of text fields")
    return found


def untranslated(user_dir: Path | None, lang: str, name: str, table: str, field: str, links: bool = False) -> list[str]:
    """The ids in the user's `name` (audiences.toml, figures.toml) whose translation into `lang` gives no `field`
    (`links` as the file's own reader takes it: see resources.read_toml)."""
    if lang == ENGLISH or user_dir is None or not (user_dir / name).is_file():
        return []
    words = user_table(user_dir, lang, name, table)
    return [key for key in read_toml(user_dir / name, links=links).get(table, {})
            if not isinstance(words.get(key, {}).get(field), str)]


def translate_register(register: Register, lang: str, user_dir: Path | None) -> tuple[Register, list[str]]:
    """The register with each fact's text in `lang`, and the ids of the user's facts that have no translation.

    Only the text comes from a translation; ids, dates, status and sources are the checked English ones.
    """
    if lang == ENGLISH:
        return register, []
    builtin = read_asset_toml(content_file(FACTS_FILE, lang)).get("facts", {})
    user_file = user_dir / FACTS_FILE if user_dir is not None else None
    mine = set(read_toml(user_file, links=False).get("facts", {})) if user_file and user_file.is_file() else set()
    theirs = user_table(user_dir, lang, FACTS_FILE, "facts")
    facts, missing = {}, []
    for key, fact in register.facts.items():
        words = theirs.get(key, {}) if key in mine else builtin.get(key, {})
        if key in mine and not isinstance(words.get("statement"), str):
            missing.append(key)
        text = {name: words[name] for name in FACT_TEXT if isinstance(words.get(name), str)}
        facts[key] = {**fact, **text, "statement_en": fact["statement"]} if text else fact  # figures check the English
    return replace(register, facts=MappingProxyType(facts)), missing


def untranslated_warning(catalogue: Any, user_dir: Path | None) -> str:
    """One line naming the user's entries a brief shows in English for want of a translation ('' if none)."""
    if not catalogue.untranslated or user_dir is None:
        return ""
    folder = user_dir / LOCALES_FOLDER / catalogue.lang
    return (f"no {catalogue.lang} translation of your {', '.join(catalogue.untranslated)}; shown in English "
            f"(translate them in {folder / 'audiences.toml'}, {folder / FACTS_FILE} or {folder / 'figures.toml'})")
