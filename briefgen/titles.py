"""What a brief is called: its title (the finding, unless one is given), its readers' name, and its date in words."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from .catalogue import Catalogue, Entry
from .request import BriefRequest, language_tag
from .textsafe import clean_line

ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December")


def long_date(value: dt.date | str, lang: str = "en") -> str:
    """A date in words in the brief's language: en 2026-11-24 -> 24 November 2026, 2025-06 -> June 2025;
    zh-Hant-HK and zh-Hans-CN 2026-11-24 -> 2026年11月24日, 2025-06 -> 2025年6月 (through Babel).

    English, as Babel's en-GB writes it, without loading Babel's locale data (a tenth of a DOCX process) and
    whatever the process's C locale (the app's Qt sets it from the system).
    """
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    day = dt.date.fromisoformat(text + "-01" if len(text) == 7 else text)
    if lang == "en":
        month = f"{ENGLISH_MONTHS[day.month - 1]} {day.year}"
        return month if len(text) == 7 else f"{day.day} {month}"
    from babel.dates import format_date, format_skeleton

    if len(text) == 7:
        return format_skeleton("yMMMM", day, locale=_locale(lang))
    return format_date(day, "long", locale=_locale(lang))


@lru_cache(maxsize=8)
def _locale(lang: str):
    """Babel's locale for a brief language (its BCP 47 tag: zh-Hant-HK, zh-Hans-CN)."""
    from babel import Locale

    return Locale.parse(language_tag(lang), sep="-")


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
