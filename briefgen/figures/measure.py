"""Text widths and line breaks of figure labels, measured with Pillow in the faces that draw them."""

from __future__ import annotations

from functools import lru_cache

from ..chinese import may_break_before, wide
from .faces import LabelFaces, runs

_REFERENCE_SIZE = 100


@lru_cache(maxsize=8)
def _font(path: str):
    from PIL import ImageFont  # only when a drawing is laid out anew (see layout)

    return ImageFont.truetype(path, _REFERENCE_SIZE)


class Measure:
    """Text widths and line breaks in the display faces the PDF embeds and the PNG draws with, run by script."""

    def __init__(self, faces: LabelFaces) -> None:
        self.faces = faces

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return sum(_font(path).getlength(run) for run, path in runs(text, bold, self.faces)) * size / _REFERENCE_SIZE

    def wrap(self, text: str, size: float, width: float, bold: bool = False) -> list[str]:
        """Greedy line breaks at spaces; a word wider than `width` is broken between letters.

        Text holding Chinese breaks between characters too, by the Chinese rules (chinese.may_break_before):
        never before a closing mark or after an opening one, never inside a Latin word or number.
        """
        if any(wide(char) for char in text):
            return self._wrap_chinese(text.strip(), lambda line: self.width(line, size, bold) <= width)
        lines: list[str] = []
        current = ""
        for word in text.split():
            trial = f"{current} {word}" if current else word
            if self.width(trial, size, bold) <= width or not current and self.width(word, size, bold) <= width:
                current = trial
                continue
            if current:
                lines.append(current)
            current = word
            while self.width(current, size, bold) > width and len(current) > 1:
                cut = max(1, int(len(current) * width / self.width(current, size, bold)))
                while cut > 1 and self.width(current[:cut], size, bold) > width:
                    cut -= 1
                lines.append(current[:cut])
                current = current[cut:]
        return lines + ([current] if current else [])

    @staticmethod
    def _wrap_chinese(text: str, fits) -> list[str]:
        """Greedy lines at the places a line may break; a Latin word wider than the line is cut where it must be."""
        lines: list[str] = []
        while text and not fits(text):
            breaks = [i for i in range(1, len(text)) if may_break_before(text[i - 1], text[i])] + [len(text)]
            cut = 0
            for at in breaks:  # widths grow with the line, so the last break that fits is the one before the first that does not
                if not fits(text[:at].rstrip()):
                    break
                cut = at
            if not cut:  # not even the first piece fits: cut it between letters (at least one)
                cut = max([i for i in range(1, breaks[0]) if fits(text[:i])] or [1])
            lines.append(text[:cut].rstrip())
            text = text[cut:].lstrip()
        lines += [text] if text else []
        if len(lines) > 1 and len(lines[-1]) == 1 and wide(lines[-1]) and len(lines[-2]) > 3 and wide(lines[-2][-1]):
            before = lines[-2]  # one character alone on the last line: take the one before it down too
            if may_break_before(before[-2], before[-1]):
                lines[-2:] = [before[:-1], before[-1] + lines[-1]]
        return lines
