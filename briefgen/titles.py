"""What a brief is called: its title (the finding, unless one is given), its readers' name, and its date in words."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_skeleton

from .catalogue import Catalogue, Entry
from .request import LANGUAGE_TAGS, BriefRequest
from .textsafe import clean_line


def long_date(value: dt.date | str, lang: str = "en") -> str:
    """A date in words in the brief's language: en 2026-11-24 -> 24 November 2026, 2025-06 -> June 2025;
    zh-Hant-HK and zh-Hans-CN 2026-11-24 -> 2026年11月24日, 2025-06 -> 2025年6月."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    if len(text) == 7:
        return format_skeleton("yMMMM", dt.date.fromisoformat(text + "-01"), locale=_locale(lang))
    return format_date(dt.date.fromisoformat(text), "long", locale=_locale(lang))


@lru_cache(maxsize=8)
def _locale(lang: str) -> Locale:
    """Babel's locale for a brief language (its BCP 47 tag: en-GB, zh-Hant-HK, zh-Hans-CN)."""
    return Locale.parse(LANGUAGE_TAGS.get(lang, lang), sep="-")


def audience_phrase(audience: Entry, lang: str = "en") -> str:
    """How a brief names its readers: 'policymakers', 'industry and compliance', 'the general public' (in Chinese,
    the audience's title as translated)."""
    if lang != "en":
        return audience.title
    return audience.title.lower() if audience.id != "public" else "the general public"


FALLBACK_TITLE = "Hong Kong and mainland China on digital assets"  # a theme or audience with no headline


def brief_title(request: BriefRequest, catalogue: Catalogue) -> str:
    """The title: the user's, else the finding the brief leads with (its theme's, or its audience's for several)."""
    if request.title.strip():
        return request.title
    source = catalogue.theme(request.themes[0]) if len(request.themes) == 1 else catalogue.audience(request.audience)
    return clean_line(str(source.content.get("headline") or FALLBACK_TITLE))
