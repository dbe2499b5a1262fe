"""What a brief is called: its title (the finding, unless one is given), its readers' name, and its date in words."""

from __future__ import annotations

import datetime as dt

from .catalogue import Catalogue, Entry
from .request import BriefRequest
from .textsafe import clean_line


def long_date(value: dt.date | str) -> str:
    """2026-11-24 -> 24 November 2026; 2025-06 -> June 2025."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    if len(text) == 7:
        return dt.date.fromisoformat(text + "-01").strftime("%B %Y")
    day = dt.date.fromisoformat(text)
    return f"{day.day} {day.strftime('%B %Y')}"


def audience_phrase(audience: Entry) -> str:
    """How a brief names its readers: 'policymakers', 'industry and compliance', 'the general public'."""
    return audience.title.lower() if audience.id != "public" else "the general public"


FALLBACK_TITLE = "Hong Kong and mainland China on digital assets"  # a theme or audience with no headline


def brief_title(request: BriefRequest, catalogue: Catalogue) -> str:
    """The title: the user's, else the finding the brief leads with (its theme's, or its audience's for several)."""
    if request.title.strip():
        return request.title
    source = catalogue.theme(request.themes[0]) if len(request.themes) == 1 else catalogue.audience(request.audience)
    return clean_line(str(source.content.get("headline") or FALLBACK_TITLE))
