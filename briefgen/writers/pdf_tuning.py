"""reportlab tuned for briefs: the same pages, laid out and compressed faster (and undone for a baseline).

Each tuning replaces one name in a reportlab module with a function that gives the same result:
- sameFrag (are two fragments drawn alike?): reportlab's own Python rule, read from the fragments'
  dictionaries with an identity test first. Its C version looks each absent attribute up through
  an AttributeError and compares colours through Color.__eq__: about 3 µs a call, a sixth of a
  standard brief's layout.
- stringWidth in the paragraph module: widths remembered for one brief (forget_widths() at the
  start of each), since reportlab measures every word each time it breaks a paragraph's lines and
  only one measurement in five is new.
- Flate compression of the PDF's streams at zlib's fastest level: the embedded Chinese font
  subsets are half a megabyte, and level 6 took a sixth of a Chinese brief's writing for a file 6%
  smaller.
as_shipped() puts reportlab's own back for a block, for the benchmark's plain-reportlab baseline.
"""

from __future__ import annotations

import zlib
from contextlib import contextmanager
from functools import lru_cache

from reportlab.pdfbase import pdfdoc
from reportlab.platypus import paragraph as rl_paragraph

_STYLE = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor", "nobr")
COMPRESSION_LEVEL = 1


def same_frag(f, g) -> int:
    """1 if two fragments are drawn alike (so reportlab joins them into one word run), else 0."""
    fd, gd = f.__dict__, g.__dict__
    if "cbDefn" in fd or "lineBreak" in fd or "cbDefn" in gd or "lineBreak" in gd:
        return 0
    for name in _STYLE:
        a, b = fd.get(name), gd.get(name)
        if a is not b and a != b:
            return 0
    return 1


def _compress(self, text) -> bytes:  # reportlab's PDFStreamFilterZCompress.encode, at another level
    if isinstance(text, str):
        text = text.encode("utf8")
    return zlib.compress(text, COMPRESSION_LEVEL)


_SHIPPED = {
    (rl_paragraph, "sameFrag"): getattr(rl_paragraph, "sameFrag", None),
    (rl_paragraph, "stringWidth"): getattr(rl_paragraph, "stringWidth", None),
    (pdfdoc.PDFStreamFilterZCompress, "encode"): getattr(pdfdoc.PDFStreamFilterZCompress, "encode", None),
}
_TUNED = {
    (rl_paragraph, "sameFrag"): same_frag,
    (rl_paragraph, "stringWidth"): lru_cache(maxsize=1 << 16)(_SHIPPED[(rl_paragraph, "stringWidth")])
    if callable(_SHIPPED[(rl_paragraph, "stringWidth")]) else None,
    (pdfdoc.PDFStreamFilterZCompress, "encode"): _compress,
}


def _apply(table: dict) -> None:
    for (owner, name), value in table.items():
        if value is not None and callable(_SHIPPED[(owner, name)]):  # a reportlab without the name keeps its own
            setattr(owner, name, value)


def forget_widths() -> None:
    """Clear the word widths remembered for the last brief (a font may be registered again under its name)."""
    clear = getattr(rl_paragraph.stringWidth, "cache_clear", None)
    if clear is not None:
        clear()


@contextmanager
def as_shipped():
    """reportlab as it comes, inside the block; tuned again after it."""
    _apply(_SHIPPED)
    try:
        yield
    finally:
        _apply(_TUNED)


_apply(_TUNED)
