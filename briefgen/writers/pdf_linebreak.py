"""Line breaking for paragraphs that hold Chinese: the Chinese rules, and Latin words kept whole.

reportlab's CJK wrapping (paragraph.cjkFragSplit) may start a line with ，；：？！》〉”’…—, end
one with 《, and cuts Latin words and numbers anywhere. This breaker is used only by briefgen's
own paragraph class for paragraphs that hold Chinese, so no other reportlab user is affected:
a line may break between two Chinese characters, between Chinese and Latin text, and after a
space, but never before a character that may not start a line, after one that may not end a
line, inside a run of Latin letters, digits and their punctuation (Project, HK$1,234,567.89,
Hong Kong–Mainland), or before a superscript citation. A Latin word wider than the whole line
is cut where it must be, as reportlab cuts one.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus.paragraph import FragLine, ParaLines, _handleBulletWidth
from reportlab.rl_config import _FUZZ

from ..chinese import NO_START, may_break_before

class _Unit(str):
    """One character of a paragraph with its fragment (font, size, link) and its width."""

    frag: object
    width: float

    def __new__(cls, value: str, frag, width: float) -> _Unit:
        unit = str.__new__(cls, value)
        unit.frag, unit.width = frag, width
        return unit


def _units(frags) -> list[_Unit]:
    """Each character of the fragments as a unit (an image or empty fragment is one zero-width unit)."""
    units: list[_Unit] = []
    widths: dict[tuple[str, float, str], float] = {}
    for frag in frags:
        text = getattr(frag, "text", "")
        if not text or hasattr(frag, "cbDefn"):
            units.append(_Unit(text, frag, getattr(getattr(frag, "cbDefn", None), "width", 0) or 0))
            continue
        font, size = frag.fontName, frag.fontSize
        for char in text:
            key = (font, size, char)
            if key not in widths:
                widths[key] = stringWidth(char, font, size)
            units.append(_Unit(char, frag, widths[key]))
    return units


def _line(units: list[_Unit], limit: float, used: float, forced: bool) -> FragLine:
    """One line in reportlab's kind-1 form: a fragment per run of units that share a fragment."""
    words, size, ascent, descent = [], 0.0, 0.0, 0.0
    start = 0
    for stop in range(1, len(units) + 1):
        if stop < len(units) and units[stop].frag is units[start].frag:
            continue
        frag = units[start].frag
        words.append(frag.clone(text="".join(units[start:stop])))
        up, down = getAscentDescent(frag.fontName, frag.fontSize)
        size, ascent, descent = max(size, frag.fontSize), max(ascent, up), min(descent, down)
        start = stop
    return FragLine(kind=1, extraSpace=limit - used, wordCount=1, words=words, fontSize=size, ascent=ascent,
                    descent=descent, maxWidth=limit, currentWidth=used, lineBreak=forced)


def break_lines(frags, max_widths: list[float], bullet_text, style) -> ParaLines:
    """Lines for a paragraph's fragments at `max_widths` (first line, later lines), in reportlab's kind-1 form."""
    max_widths = list(max_widths)
    _handleBulletWidth(bullet_text, style, max_widths)
    units = _units(frags)
    lines = []
    start = 0
    used = 0.0
    last_break = -1  # the latest unit a line may start with, after `start`
    used_at_break = 0.0

    def emit(stop: int, width: float, forced: bool) -> None:
        limit = max_widths[min(len(lines), len(max_widths) - 1)]
        lines.append(_line(units[start:stop], limit, width, forced))

    index = 0
    while index < len(units):
        unit = units[index]
        limit = max_widths[min(len(lines), len(max_widths) - 1)]
        if index > start and may_break_before(units[index - 1] or " ", unit or " ", bool(getattr(unit.frag, "rise", 0))):
            last_break, used_at_break = index, used
        used += unit.width
        if hasattr(unit.frag, "lineBreak"):  # <br/>
            emit(index + 1, used, True)
            start, used, last_break = index + 1, 0.0, -1
        elif used > limit + _FUZZ and index > start and not unit.isspace():  # spaces may hang in the margin
            if last_break > start:
                cut, width = last_break, used_at_break
            else:  # one word wider than the line: cut it here, keeping a closing mark on this line
                cut = index + 1 if unit in NO_START else index
                width = sum(u.width for u in units[start:cut])
            emit(cut, width, False)
            start, used, last_break = cut, 0.0, -1
            index = cut  # the next line starts at the cut: look at its break opportunities again
            continue
        index += 1
    if start < len(units):
        emit(len(units), used, False)
    return ParaLines(kind=1, lines=lines)


class ChineseFrags(list):
    """Fragments of lines this breaker made: a paragraph made of them breaks by the same rules."""


def rejoin(blPara, start: int, stop: int) -> ChineseFrags:  # noqa: N803 - reportlab's name
    """The fragments of lines start..stop, as they were (reportlab's own adds a space where a line ended)."""
    return ChineseFrags(word for line in blPara.lines[start:stop] for word in line.words)
