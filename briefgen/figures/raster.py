"""Rasterise a figure drawing to PNG with Pillow, for the DOCX (the PDF draws the same shapes as vectors)."""

from __future__ import annotations

import io
import math
from functools import lru_cache
from pathlib import Path

from ..cache import cached_bytes
from ..style import house_style
from .faces import LabelFaces, label_faces, runs
from .model import Circle, Drawing, Label, Line, Polygon, Rect

_ANCHORS = {"start": "ls", "middle": "ms", "end": "rs"}


@lru_cache(maxsize=32)
def _font(path: str, pixels: int):
    from PIL import ImageFont

    return ImageFont.truetype(path, pixels)


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


@lru_cache(maxsize=32)
def png(drawing: Drawing, dpi: int | None = None, language: str = "en") -> bytes:
    """The drawing as a PNG at `dpi` (the house style's figure resolution by default), white background.

    Encoding a print-resolution PNG costs tens of milliseconds, so pictures are kept in the cache folder,
    keyed by everything they depend on: the drawing's shapes and text, the resolution, the fonts and this code.
    """
    dpi = dpi or house_style().figure_dpi
    faces = label_faces(language)
    return cached_bytes("figures", repr((drawing, dpi, faces)), lambda: _draw(drawing, dpi, faces),
                        sources=[*map(Path, faces.paths()), Path(__file__), Path(__file__).with_name("faces.py")])


def _draw(drawing: Drawing, dpi: int, faces) -> bytes:
    from PIL import Image, ImageDraw  # only when a picture is drawn anew (see png)

    scale = dpi / 72
    size = (max(1, math.ceil(drawing.width * scale)), max(1, math.ceil(drawing.height * scale)))
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    s = lambda value: value * scale  # noqa: E731
    for shape in drawing.shapes:
        if isinstance(shape, Rect):
            box = (s(shape.x), s(shape.y), s(shape.x + shape.w), s(shape.y + shape.h))
            outline = _rgb(shape.stroke) if shape.stroke else None
            fill = _rgb(shape.fill) if shape.fill else None
            stroke = max(1, round(s(shape.width))) if shape.stroke else 0
            if shape.radius:
                draw.rounded_rectangle(box, s(shape.radius), fill=fill, outline=outline, width=stroke)
            else:
                draw.rectangle(box, fill=fill, outline=outline, width=stroke)
        elif isinstance(shape, Line):
            _line(draw, [(s(shape.x1), s(shape.y1)), (s(shape.x2), s(shape.y2))], _rgb(shape.colour),
                  max(1, round(s(shape.width))), [s(d) for d in shape.dash])
        elif isinstance(shape, Circle):
            box = (s(shape.cx - shape.r), s(shape.cy - shape.r), s(shape.cx + shape.r), s(shape.cy + shape.r))
            draw.ellipse(box, fill=_rgb(shape.fill) if shape.fill else None,
                         outline=_rgb(shape.stroke) if shape.stroke else None,
                         width=max(1, round(s(shape.width))) if shape.stroke else 0)
        elif isinstance(shape, Polygon):
            draw.polygon([(s(x), s(y)) for x, y in shape.points], fill=_rgb(shape.fill))
        elif isinstance(shape, Label):
            _label(draw, shape, s, faces)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=False, compress_level=6, dpi=(dpi, dpi))
    return out.getvalue()


def _label(draw, shape: Label, s, faces: LabelFaces) -> None:
    """One label, each run by script in a face that has its glyphs, on one baseline."""
    pixels = max(1, round(s(shape.size)))
    parts = [(run, _font(path, pixels)) for run, path in runs(shape.text, shape.bold, faces)]
    if len(parts) == 1:
        draw.text((s(shape.x), s(shape.y)), parts[0][0], fill=_rgb(shape.colour), font=parts[0][1],
                  anchor=_ANCHORS[shape.anchor])
        return
    widths = [font.getlength(run) for run, font in parts]
    x = s(shape.x) - {"start": 0.0, "middle": sum(widths) / 2, "end": sum(widths)}[shape.anchor]
    for (run, font), width in zip(parts, widths):
        draw.text((x, s(shape.y)), run, fill=_rgb(shape.colour), font=font, anchor="ls")
        x += width


def _line(draw, points: list[tuple[float, float]], colour, width: int, dash: list[float]) -> None:
    """A straight line, dashed if `dash` gives on and off lengths."""
    if not dash:
        draw.line(points, fill=colour, width=width)
        return
    (x1, y1), (x2, y2) = points
    length = math.hypot(x2 - x1, y2 - y1)
    if not length:
        return
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    at, on, off = 0.0, dash[0], dash[1] if len(dash) > 1 else dash[0]
    while at < length:
        end = min(at + on, length)
        draw.line([(x1 + ux * at, y1 + uy * at), (x1 + ux * end, y1 + uy * end)], fill=colour, width=width)
        at = end + off
