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


# -- where a line may break ------------------------------------------------------------------------
# No line starts with these: closing brackets and quotes, sentence and clause punctuation (full
# and half width), the iteration and prolonged-sound marks, dashes and ellipses (so that —— and
# …… stay whole), and unit signs that follow a number.
NO_START = frozenset(
    "，。、；：？！）」』》〉】〕〗〙〛］｝”’…—‥・·‧ー々〻ゝゞヽヾ"
    "｡､｣％‰℃°′″"
    ",.;:?!)]}%"
    "\u2015\u2e3a\u2e3b\uff0e\uff64\ufe50\ufe51\ufe52\ufe54\ufe55\ufe56\ufe57"
)
# No line ends with these: opening brackets and quotes, and currency signs that precede a number.
NO_END = frozenset("（「『《〈【〔〖〘〚［｛“‘([{｢＄￥￡$£¥€")


def in_word(char: str) -> bool:
    """Part of a Latin word, number or amount: neither a space nor a wide (Chinese) character."""
    return not char.isspace() and not (len(char) == 1 and wide(char))


def may_break_before(before: str, after: str, after_is_citation: bool = False) -> bool:
    """Whether a line may end between `before` and `after` (one character each)."""
    if after.isspace() or after in NO_START or before in NO_END or after_is_citation:
        return False
    if before.isspace():
        return True
    return not (in_word(before) and in_word(after))


# -- which characters go to a Chinese face ---------------------------------------------------------
NEUTRAL = frozenset("“”‘’…—–―·‧⸺⸻")  # drawn in the face of the Chinese text they touch


def join_neutral(text: str, chinese: list[bool]) -> list[bool]:
    """`chinese` (one flag per character of `text`: drawn in a Chinese face) with each quotation mark, dash or
    ellipsis that is not yet Chinese joined to its Chinese neighbour (before it, else after it)."""
    flags = list(chinese)
    for order in (range(1, len(text)), range(len(text) - 2, -1, -1)):
        for i in order:
            if text[i] in NEUTRAL and not flags[i]:
                flags[i] = flags[i - 1] if order.step > 0 else flags[i + 1]
    return flags


def spans(flags: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of each run of consecutive True flags: the stretches of text drawn in a Chinese face."""
    out, i = [], 0
    while i < len(flags):
        if not flags[i]:
            i += 1
            continue
        end = i
        while end < len(flags) and flags[end]:
            end += 1
        out.append((i, end))
        i = end
    return out
