"""File names and titles for exports: a stem from the title, and a title retold for another audience."""

from __future__ import annotations

import re

from ..titles import audience_phrase
from ..catalogue import Entry

STEM_CHARS = 40


def _words(audience: Entry) -> list[str]:
    """The ways a title may name an audience, longest first."""
    return sorted({audience_phrase(audience), audience.title}, key=len, reverse=True)


def _pattern(audience: Entry, with_preposition: bool = False) -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word in _words(audience))
    lead = r"(?:\s*\b(?:for|to)\s+)?" if with_preposition else ""
    return re.compile(rf"{lead}\b(?:{words})\b", re.IGNORECASE)


def retitle(title: str, current: Entry, target: Entry) -> str:
    """`title` with the current audience's words replaced by the target's ('… for investors' -> '… for industry')."""
    if current.id == target.id:
        return title

    def replace(match: re.Match[str]) -> str:
        phrase = audience_phrase(target) if match.group(0)[:1].islower() else target.title
        return phrase[:1].upper() + phrase[1:] if match.group(0)[:1].isupper() else phrase

    return _pattern(current).sub(replace, title, count=1)


def file_stem(title: str, audience: Entry) -> str:
    """A file name stem from the title without its audience words, cut at a word: 'stablecoin-rules-what-they-mean'."""
    words = re.sub(r"[^\w]+", "-", _pattern(audience, True).sub("", title).strip().lower()).strip("-")
    while len(words) > STEM_CHARS and "-" in words:
        words = words.rsplit("-", 1)[0]
    return words[:STEM_CHARS].strip("-") or "brief"
