"""The brief's own words (headings, labels, captions) in its language, from gettext catalogues read with Babel.

Templates and code write English and mark it: `{{ _("Key messages") }}` in a template, `words(lang)("Page")`
in code. Each locale's translations live in `assets/content/locales/LANG/strings/*.po` (one file per template or
part of the engine, so translators and tools such as Poedit work on small files); a user's own templates may
add `locales/LANG/strings/*.po` in their template folder. English, and any message without a translation,
is the English itself.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Mapping

from .errors import BriefgenError

ENGLISH = "en"
STRINGS_FOLDER = "strings"
_CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff"
_FULL_WIDTH_PUNCTUATION = "。，、；：？！）」』》〉】"


def catalogue_folders(lang: str, user_dir: Path | None = None) -> list[Path]:
    """Where `lang`'s .po files are: the built-in folder, then the user's (whose messages win)."""
    from .resources import assets_dir

    folders = [assets_dir() / "content" / "locales" / lang / STRINGS_FOLDER]
    if user_dir is not None:
        folders.append(user_dir / "locales" / lang / STRINGS_FOLDER)
    return [folder for folder in folders if folder.is_dir()]


@lru_cache(maxsize=16)
def messages(lang: str, user_dir: str | None = None) -> Mapping[str, str]:
    """English message -> translation for `lang`, from every .po file in its folders (empty for English)."""
    if lang == ENGLISH:
        return MappingProxyType({})
    from babel.messages.pofile import read_po

    found: dict[str, str] = {}
    for folder in catalogue_folders(lang, Path(user_dir) if user_dir else None):
        for path in sorted(folder.glob("*.po")):
            try:
                with path.open("rb") as handle:
                    catalog = read_po(handle, locale=None, abort_invalid=True)
            except Exception as exc:  # Babel raises its own PoFileError and UnicodeDecodeError
                raise BriefgenError(f"{path}: not a readable gettext catalogue ({exc}); fix it or remove it") from None
            for message in catalog:
                if message.id and isinstance(message.id, str) and message.string and not message.fuzzy:
                    found[message.id] = str(message.string)
    return MappingProxyType(found)


class Words:
    """`_`: a message in the brief's language; keyword arguments fill its %(name)s places."""

    def __init__(self, lang: str, user_dir: Path | None = None) -> None:
        self.lang = lang
        self.table = messages(lang, str(user_dir) if user_dir else None)

    def __call__(self, message: str, **values: Any) -> str:
        text = self.table.get(message, message)
        return text % values if values else text

    @property
    def chinese(self) -> bool:
        return self.lang != ENGLISH


def words(lang: str, user_dir: Path | None = None) -> Words:
    """The `_` for a brief language."""
    return Words(lang, user_dir)


def tidy_chinese_spacing(markdown: str) -> str:
    """No space beside full-width punctuation, between two Chinese characters or after a citation, in Chinese Markdown.

    Templates join sentences and labels with the spaces English needs; Chinese sets them solid.
    """
    markdown = re.sub(f"(?<=[{_FULL_WIDTH_PUNCTUATION}]) +(?=[^\\s|])", "", markdown)
    markdown = re.sub(f"(?<=[^\\s|]) +(?=[{_FULL_WIDTH_PUNCTUATION}])", "", markdown)
    markdown = re.sub(f"(\\[\\^[^\\]\\s]+\\]) +(?=[{_CJK}])", r"\1", markdown)  # a citation, then a Chinese sentence
    # 「*…日。* 參」, 「- **…（FATF）**在」: closing punctuation goes after an emphasis that starts a line or follows a
    # space, where Markdown still sees the emphasis end (CommonMark ends it after punctuation only before a space or
    # more punctuation)
    markdown = re.sub(f"(^|\\s)(\\*{{1,2}})([^*\\n]*?[^*\\s{_FULL_WIDTH_PUNCTUATION}])([{_FULL_WIDTH_PUNCTUATION}]+)\\2 *(?=[{_CJK}])",
                      r"\1\2\3\2\4", markdown, flags=re.MULTILINE)
    # a paragraph's line that ends in Chinese (or a citation) runs on into its next line without a space
    markdown = re.sub(f"^((?![#:|]).*[{_CJK}\\]])\n(?=[{_CJK}])", r"\1", markdown, flags=re.MULTILINE)
    return re.sub(f"(?<=[{_CJK}]) (?=[{_CJK}])", "", markdown)


def joiner(lang: str) -> Callable[[list[str], str], str]:
    """How a list is run together: 'a, b and c' in English, 'a、b及c' (Hong Kong) or 'a、b和c' (mainland)."""
    def join(parts: list[str], conjunction: str = "and") -> str:
        if len(parts) < 2:
            return "".join(parts)
        if lang == ENGLISH:
            return f"{', '.join(parts[:-1])} {conjunction} {parts[-1]}"
        _ = words(lang)
        word = {"and": _("and"), "or": _("or")}.get(conjunction) or _(conjunction)
        return f"{'、'.join(parts[:-1])}{word}{parts[-1]}"
    return join
