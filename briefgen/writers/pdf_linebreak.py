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

from ..chinese import NO_END, NO_START, in_word

_WORD: dict[str, bool] = {}  # character -> whether it belongs to a Latin word (cached: asked for every character)


def _is_word(char: str) -> bool:
    """in_word, remembered."""
    _WORD[char] = found = in_word(char)
    return found


_WIDTHS: dict[tuple[str, float, str], float] = {}  # (font, size, character) -> width, shared by every paragraph


class _Units:
    """A paragraph's characters, each with its fragment (font, size, link) and width, in parallel lists.

    An image or empty fragment is one zero-width unit whose character counts as a space.
    """

    def __init__(self, frags) -> None:
        self.chars: list[str] = []
        self.frags: list = []
        self.widths: list[float] = []
        self.raised: list[bool] = []  # superscript (a citation): no line starts with it
        chars, owners, widths, raised = self.chars, self.frags, self.widths, self.raised
        for frag in frags:
            text = getattr(frag, "text", "")
            if not text or hasattr(frag, "cbDefn"):
                chars.append(text or " ")
                owners.append(frag)
                widths.append(getattr(getattr(frag, "cbDefn", None), "width", 0) or 0)
                raised.append(bool(getattr(frag, "rise", 0)))
                continue
            raised += [bool(getattr(frag, "rise", 0))] * len(text)
            font, size = frag.fontName, frag.fontSize
            for char in text:
                key = (font, size, char)
                width = _WIDTHS.get(key)
                if width is None:
                    width = _WIDTHS[key] = stringWidth(char, font, size)
                chars.append(char)
                widths.append(width)
            owners.extend([frag] * len(text))

    def breaks(self) -> list[bool]:
        """For each unit, whether a line may start with it: not the first, a space, a mark in NO_START or a
        citation; not after a mark in NO_END; after a space, or where a Chinese character meets any other
        (chinese.may_break_before, decided for a whole paragraph at once)."""
        chars, raised = self.chars, self.raised
        word = [_WORD.get(char) if char in _WORD else _is_word(char) for char in chars]
        allowed = [False] * len(chars)
        for index in range(1, len(chars)):
            after, before = chars[index], chars[index - 1]
            if after.isspace() or after in NO_START or before in NO_END or raised[index]:
                continue
            allowed[index] = before.isspace() or not (word[index - 1] and word[index])
        return allowed

    def line(self, start: int, stop: int, limit: float, used: float, forced: bool) -> FragLine:
        """Units start..stop as one line in reportlab's kind-1 form: a fragment per run of units sharing a fragment."""
        words, size, ascent, descent = [], 0.0, 0.0, 0.0
        frags, chars = self.frags, self.chars
        first = start
        for end in range(start + 1, stop + 1):
            if end < stop and frags[end] is frags[first]:
                continue
            frag = frags[first]
            text = "".join(chars[first:end]) if getattr(frag, "text", "") else frag.text
            words.append(frag.clone(text=text))
            up, down = getAscentDescent(frag.fontName, frag.fontSize)
            size, ascent, descent = max(size, frag.fontSize), max(ascent, up), min(descent, down)
            first = end
        return FragLine(kind=1, extraSpace=limit - used, wordCount=1, words=words, fontSize=size, ascent=ascent,
                        descent=descent, maxWidth=limit, currentWidth=used, lineBreak=forced)


def break_lines(frags, max_widths: list[float], bullet_text, style) -> ParaLines:
    """Lines for a paragraph's fragments at `max_widths` (first line, later lines), in reportlab's kind-1 form."""
    max_widths = list(max_widths)
    _handleBulletWidth(bullet_text, style, max_widths)
    units = _Units(frags)
    chars, widths, owners = units.chars, units.widths, units.frags
    allowed = units.breaks()
    forced_at = {id(frag) for frag in owners if hasattr(frag, "lineBreak")}  # <br/>
    lines: list[FragLine] = []
    last_width = len(max_widths) - 1
    start, used, last_break, used_at_break = 0, 0.0, -1, 0.0  # last_break: the latest unit a line may start with
    limit = max_widths[0]
    index, count = 0, len(chars)
    while index < count:
        if allowed[index] and index > start:
            last_break, used_at_break = index, used
        used += widths[index]
        if forced_at and id(owners[index]) in forced_at:
            lines.append(units.line(start, index + 1, limit, used, True))
            start, used, last_break = index + 1, 0.0, -1
            limit = max_widths[min(len(lines), last_width)]
        elif used > limit + _FUZZ and index > start and not chars[index].isspace():  # spaces may hang in the margin
            if last_break > start:
                cut, width = last_break, used_at_break
            else:  # one word wider than the line: cut it here, keeping a closing mark on this line
                cut = index + 1 if chars[index] in NO_START else index
                width = sum(widths[start:cut])
            lines.append(units.line(start, cut, limit, width, False))
            start, used, last_break = cut, 0.0, -1
            limit = max_widths[min(len(lines), last_width)]
            index = cut  # the next line starts at the cut: look at its break opportunities again
            continue
        index += 1
    if start < count:
        lines.append(units.line(start, count, limit, used, False))
    return ParaLines(kind=1, lines=lines)


class ChineseFrags(list):
    """Fragments of lines this breaker made: a paragraph made of them breaks by the same rules."""


def rejoin(blPara, start: int, stop: int) -> ChineseFrags:  # noqa: N803 - reportlab's name
    """The fragments of lines start..stop, as they were (reportlab's own adds a space where a line ended)."""
    return ChineseFrags(word for line in blPara.lines[start:stop] for word in line.words)
