"""Character classes of Chinese text that both writers share (no font or file format here)."""

from __future__ import annotations

import re
import unicodedata

QUOTES = re.compile("[“”‘’]")  # shared with Latin text: drawn full width only when they quote Chinese


def wide(char: str) -> bool:
    """A Chinese (East Asian wide or full-width) character: Han, CJK punctuation, full-width forms."""
    return unicodedata.east_asian_width(char) in "WF"


def chinese_quotes(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (part, True) for each quotation mark touching a Chinese character, (part, False) between."""
    parts: list[tuple[str, bool]] = []
    start = 0
    for match in QUOTES.finditer(text):
        at = match.start()
        if (at > 0 and wide(text[at - 1])) or (at + 1 < len(text) and wide(text[at + 1])):
            if at > start:
                parts.append((text[start:at], False))
            parts.append((text[at], True))
            start = at + 1
    if start < len(text) or not parts:
        parts.append((text[start:], False))
    return parts
