"""Draw a figure as vector graphics in the PDF, kept together with its caption and source line."""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, KeepTogether

from ..figures.layout import layout
from ..figures.model import Circle, Drawing, Label, Line, Polygon, Rect
from .pdf_scripts import draw_runs


class FigureDrawing(Flowable):
    """A figure's shapes, scaled down (never up) to fit the width and `max_height`."""

    def __init__(self, drawing: Drawing, fonts: tuple[str, str], max_height: float) -> None:
        super().__init__()
        self.drawing, self.fonts, self.max_height = drawing, fonts, max_height
        self.scale = 1.0

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        self.scale = min(1.0, availWidth / self.drawing.width, self.max_height / self.drawing.height)
        self.width, self.height = self.drawing.width * self.scale, self.drawing.height * self.scale
        return self.width, self.height

    def draw(self) -> None:
        canvas, height = self.canv, self.drawing.height
        canvas.saveState()
        canvas.scale(self.scale, self.scale)
        colour = _colour
        for shape in self.drawing.shapes:
            if isinstance(shape, Label):
                canvas.setFillColor(colour(shape.colour))
                draw_runs(canvas, shape.x, height - shape.y, shape.text, self.fonts[shape.bold], shape.size, shape.anchor)
            elif isinstance(shape, Line):
                canvas.setStrokeColor(colour(shape.colour))
                canvas.setLineWidth(shape.width)
                canvas.setDash(list(shape.dash) if shape.dash else [])
                canvas.line(shape.x1, height - shape.y1, shape.x2, height - shape.y2)
            elif isinstance(shape, Rect):
                self._paint(shape.fill, shape.stroke, shape.width)
                y = height - shape.y - shape.h
                if shape.radius:
                    canvas.roundRect(shape.x, y, shape.w, shape.h, shape.radius, stroke=bool(shape.stroke),
                                     fill=bool(shape.fill))
                else:
                    canvas.rect(shape.x, y, shape.w, shape.h, stroke=bool(shape.stroke), fill=bool(shape.fill))
            elif isinstance(shape, Circle):
                self._paint(shape.fill, shape.stroke, shape.width)
                canvas.circle(shape.cx, height - shape.cy, shape.r, stroke=bool(shape.stroke), fill=bool(shape.fill))
            elif isinstance(shape, Polygon):
                canvas.setFillColor(colour(shape.fill))
                path = canvas.beginPath()
                path.moveTo(shape.points[0][0], height - shape.points[0][1])
                for x, y in shape.points[1:]:
                    path.lineTo(x, height - y)
                path.close()
                canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()

    def _paint(self, fill: str | None, stroke: str | None, width: float) -> None:
        colour = _colour
        if fill:
            self.canv.setFillColor(colour(fill))
        if stroke:
            self.canv.setStrokeColor(colour(stroke))
            self.canv.setLineWidth(width)
            self.canv.setDash([])


@lru_cache(maxsize=None)
def _colour(hex_digits: str) -> HexColor:
    return HexColor("#" + hex_digits)


def figure_flowables(caption, drawing_spec, source, width: float, fonts: tuple[str, str], max_height: float,
                     language: str, after) -> list:
    """Caption, drawing and source line that move to the next page together."""
    drawing = FigureDrawing(layout(drawing_spec, round(width, 2), language), fonts, max_height)
    parts = [caption, drawing] + ([source] if source is not None else [])
    return [KeepTogether(parts), after]
