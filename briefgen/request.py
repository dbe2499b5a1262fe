"""BriefRequest: the immutable, validated choices behind one brief, saved as NAME.brief.toml."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from .atomic import write_atomically
from .catalogue import Catalogue
from .errors import BriefgenError
from .resources import read_toml
from .textsafe import clean_line

LENGTHS = ("one-page", "standard", "extended")
LANGUAGES = ("en", "zh-Hant-HK", "zh-Hans-CN")
LANGUAGE_TAGS = {"en": "en-GB", "zh-Hant-HK": "zh-Hant-HK", "zh-Hans-CN": "zh-Hans-CN"}  # BCP 47, for /Lang and w:lang
LANGUAGE_ALIASES = {"zh-hk": "zh-Hant-HK", "zh-cn": "zh-Hans-CN"}  # the short tags people type, case-blind
DEFAULT_TITLE = ""  # no title given: the brief is titled with its finding (build.brief_title)
BRIEF_SUFFIX = ".brief.toml"
TEXT_FIELDS = ("title", "author", "organisation")
MIN_YEAR = 1000  # document properties (W3CDTF) need a four-digit year


def language_tag(lang: str) -> str:
    """The BCP 47 tag a brief in `lang` is marked with (the PDF's /Lang, the DOCX's w:lang, Babel's locale)."""
    return LANGUAGE_TAGS.get(lang, lang)


@dataclass(frozen=True)
class BriefRequest:
    """What to write: audience, themes, length, language, and the title block's text."""

    audience: str
    themes: tuple[str, ...]
    length: str = "standard"
    lang: str = "en"
    title: str = DEFAULT_TITLE
    author: str = ""
    organisation: str = ""
    date: dt.date = field(default_factory=dt.date.today)

    def __post_init__(self) -> None:
        themes = self.themes
        if not isinstance(themes, (list, tuple)) or not all(isinstance(t, str) for t in themes):
            raise BriefgenError("themes must be a list of theme ids, such as [\"hk-regulated-hub\"]")
        for name, example in (("audience", "policymakers"), ("length", "standard"), ("lang", "en")):
            if not isinstance(getattr(self, name), str):
                raise BriefgenError(f"{name} must be text in quotes, such as {name} = \"{example}\"")
        themes = tuple(dict.fromkeys(themes))  # keep the order, drop repeats
        if not themes:
            raise BriefgenError("no theme chosen; give at least one --theme ID, or --all-themes")
        object.__setattr__(self, "themes", themes)
        if not isinstance(self.audience, str) or not self.audience:
            raise BriefgenError("no audience chosen; give --audience ID (see 'briefgen audiences')")
        if self.length not in LENGTHS:
            raise BriefgenError(f"unknown length '{self.length}'; choose one of: {', '.join(LENGTHS)}")
        object.__setattr__(self, "lang", normalise_language(self.lang))
        if self.lang not in LANGUAGES:
            raise BriefgenError(f"unsupported language '{self.lang}'; choose one of: {', '.join(LANGUAGES)}")
        if not isinstance(self.date, dt.date) or isinstance(self.date, dt.datetime):
            raise BriefgenError("date must be a calendar date such as 2026-11-24")
        if self.date.year < MIN_YEAR:
            raise BriefgenError(f"date {self.date.isoformat()} is before the year {MIN_YEAR}; "
                                "give the brief's real date, such as 2026-11-24")
        for name in TEXT_FIELDS:
            value = getattr(self, name)
            if not isinstance(value, str):
                raise BriefgenError(f"{name} must be text")
            object.__setattr__(self, name, clean_line(value))  # single-line, printable text

    def check_ids(self, catalogue: Catalogue) -> None:
        """Raise a one-line error naming the valid ids if an id is unknown."""
        catalogue.audience(self.audience)
        for theme in self.themes:
            catalogue.theme(theme)

    def with_changes(self, **changes: object) -> BriefRequest:
        return replace(self, **changes)

    # -- brief files ------------------------------------------------------------------------
    def to_toml(self) -> str:
        lines = ["# briefgen brief: `briefgen render --spec THIS_FILE` makes the same brief again"]
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, dt.date):
                lines.append(f"{item.name} = {value.isoformat()}")
            elif isinstance(value, tuple):
                lines.append(f"{item.name} = [{', '.join(_toml_string(v) for v in value)}]")
            else:
                lines.append(f"{item.name} = {_toml_string(value)}")
        return "\n".join(lines) + "\n"

    def save(self, path: Path) -> Path:
        data = self.to_toml().encode("utf-8")
        return write_atomically(Path(path), lambda handle: handle.write(data))

    @classmethod
    def load(cls, path: Path) -> BriefRequest:
        path = Path(path)
        try:
            path.stat()
        except FileNotFoundError:
            raise BriefgenError(f"brief file '{path}' not found; check the path") from None
        except OSError as exc:
            raise BriefgenError(f"brief file '{path}' cannot be read ({exc.strerror}); check the path") from None
        raw = read_toml(path)  # one line for a folder, FIFO, bad encoding or bad TOML
        known = {item.name for item in fields(cls)}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise BriefgenError(f"{path}: unknown key '{unknown[0]}'; valid keys: {', '.join(sorted(known))}")
        for required in ("audience", "themes"):
            if required not in raw:
                raise BriefgenError(f"{path}: missing '{required}'; add it to the brief file")
        if isinstance(raw.get("themes"), list):
            raw["themes"] = tuple(raw["themes"])
        try:
            return cls(**raw)
        except BriefgenError as exc:
            raise BriefgenError(f"{path}: {exc}") from None


def normalise_language(text: str) -> str:
    """A language as briefgen names it: zh-HK -> zh-Hant-HK, zh-cn -> zh-Hans-CN, zh-hant-hk -> zh-Hant-HK."""
    key = text.strip().replace("_", "-").lower()
    known = {lang.lower(): lang for lang in LANGUAGES}
    return LANGUAGE_ALIASES.get(key) or known.get(key) or text


def _toml_string(value: str) -> str:
    """A TOML basic string: json's escaping is valid TOML once DEL is escaped too."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def parse_date(text: str) -> dt.date:
    """Parse YYYY-MM-DD with a one-line error."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise BriefgenError(f"invalid date '{text}'; use YYYY-MM-DD, such as 2026-11-24") from None
