"""Lay a figure spec out as shapes at a given width, measuring text in the house display face (Pillow)."""

from __future__ import annotations

import marshal
import math
from dataclasses import astuple, replace
from functools import lru_cache
from pathlib import Path

from ..cache import cached_bytes
from ..style import HouseStyle, house_style
from .faces import label_faces
from .measure import Measure
from .model import LANE_ORDER, Chart, Circle, Drawing, Edge, Event, Flow, Label, Line, Polygon, Rect, Shape, Spec, Timeline
ARROW = (5.5, 3.0)  # arrowhead length and half-width


SHAPES = {cls.__name__: cls for cls in (Line, Rect, Circle, Polygon, Label)}


@lru_cache(maxsize=64)
def layout(spec: Spec, width: float, language: str = "en") -> Drawing:
    """The drawing of `spec` at `width` points wide (its height follows from the content).

    Laying text out measures it with Pillow in the display face; the result is kept in the cache
    folder, keyed by the spec, the width, the fonts and this code, so a new process reuses it.
    """
    faces = label_faces(language)
    kept = cached_bytes("figure-layouts", repr((spec, width, language)),
                        lambda: _as_bytes(_lay_out(spec, width, language)),
                        sources=[*map(Path, faces.paths()), Path(__file__), Path(__file__).with_name("model.py"),
                                 Path(__file__).with_name("faces.py"), Path(__file__).with_name("measure.py")])
    try:
        return _from_bytes(kept)
    except Exception:  # an entry that is not a drawing: lay it out again
        return _lay_out(spec, width, language)


def _as_bytes(drawing: Drawing) -> bytes:
    return marshal.dumps((drawing.width, drawing.height, [(type(s).__name__, astuple(s)) for s in drawing.shapes]))


def _from_bytes(data: bytes) -> Drawing:
    width, height, shapes = marshal.loads(data)
    return Drawing(width, height, tuple(SHAPES[name](*fields) for name, fields in shapes))


def _lay_out(spec: Spec, width: float, language: str) -> Drawing:
    pen = _Pen(house_style(), Measure(label_faces(language)))
    pen.width = width
    if isinstance(spec, Timeline):
        height = _timeline(spec, width, pen)
    elif isinstance(spec, Chart):
        height = _chart(spec, width, pen)
    else:
        height = _flow(spec, width, pen)
    return _inside(width, height, pen.shapes)


def _inside(width: float, height: float, shapes: list[Shape]) -> Drawing:
    """The drawing, moved down if a label rose above its top edge, and as tall as its lowest shape."""
    top = min([0.0] + [s.y - s.size for s in shapes if isinstance(s, Label)])
    if top < 0:
        shapes = [_moved(shape, -top) for shape in shapes]
        height -= top
    return Drawing(width, math.ceil(height), tuple(shapes))


def _moved(shape: Shape, dy: float) -> Shape:
    if isinstance(shape, Line):
        return replace(shape, y1=shape.y1 + dy, y2=shape.y2 + dy)
    if isinstance(shape, Circle):
        return replace(shape, cy=shape.cy + dy)
    if isinstance(shape, Polygon):
        return replace(shape, points=tuple((x, y + dy) for x, y in shape.points))
    return replace(shape, y=shape.y + dy)


class _Pen:
    """Collects shapes in the house colours and sizes."""

    def __init__(self, style: HouseStyle, measure: Measure) -> None:
        self.style, self.measure = style, measure
        self.size = style.figure_size
        self.leading = round(self.size * 1.25, 2)
        self.shapes: list[Shape] = []
        self.width = 0.0
        self.colour = lambda name: style.colour(name).hex

    def text(self, x: float, y: float, text: str, colour: str | None = None, bold: bool = False,
             anchor: str = "start", size: float | None = None) -> None:
        self.shapes.append(Label(x, y, text, size or self.size, colour or self.colour("text"), bold, anchor))

    def lines(self, x: float, y: float, lines: list[str], colour: str | None = None, bold: bool = False,
              anchor: str = "start") -> None:
        for index, line in enumerate(lines):
            self.text(x, y + index * self.leading, line, colour, bold, anchor)

    def arrow(self, x1: float, y1: float, x2: float, y2: float, colour: str, both: bool = False) -> None:
        """A line from (x1, y1) to (x2, y2) with a filled head at the end (and the start if `both`)."""
        length, half = ARROW
        angle = math.atan2(y2 - y1, x2 - x1)
        ux, uy = math.cos(angle), math.sin(angle)
        start = (x1 + ux * length, y1 + uy * length) if both else (x1, y1)
        self.shapes.append(Line(*start, x2 - ux * length, y2 - uy * length, colour, 1.0))
        ends = [(x2, y2, ux, uy)] + ([(x1, y1, -ux, -uy)] if both else [])
        for tip_x, tip_y, dx, dy in ends:
            base_x, base_y = tip_x - dx * length, tip_y - dy * length
            self.shapes.append(Polygon(((tip_x, tip_y), (base_x - dy * half, base_y + dx * half),
                                        (base_x + dy * half, base_y - dx * half)), colour))


def lane_colour(style: HouseStyle, lane: str) -> str:
    """Each jurisdiction keeps its colour in every figure."""
    index = LANE_ORDER.index(lane) if lane in LANE_ORDER else len(LANE_ORDER)
    return style.figure_palette[index % len(style.figure_palette)]


def lighter(colour: str, share: float = 0.55) -> str:
    """`colour` mixed with white."""
    rgb = [int(colour[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * share):02X}" for c in rgb)


# Timeline: one column per milestone in date order, one lane per jurisdiction ------------------------
def _timeline(spec: Timeline, width: float, pen: _Pen) -> float:
    size, leading, m = pen.size, pen.leading, pen.measure
    names = dict(zip(spec.lanes, spec.lane_names or spec.lanes))
    lane_width = min(84.0, max(m.width(names[lane], size + 0.5, True) for lane in spec.lanes) + 12)
    x0, x1 = lane_width, width - 2
    column = (x1 - x0) / len(spec.events)
    band = leading + 6
    past = sum(1 for event in spec.events if not event.upcoming)
    as_of_x = x1 if past == len(spec.events) else x0 + past * column - 2  # the facts' date, before any date to watch
    watch_text = spec.watch_title if past < len(spec.events) else ""
    watch_span = (as_of_x, as_of_x + m.width(watch_text, size, True) + 8)
    # the year band: each year spans its milestones' columns (a year label gives way to "To watch")
    start = 0
    for index, event in enumerate(spec.events + (None,)):  # type: ignore[operator]
        year = _year(event) if event else None
        if index and year != _year(spec.events[start]):
            left = x0 + start * column
            pen.shapes.append(Line(left, 1, left, band, pen.colour("rule"), 0.6))
            label_end = left + 3 + m.width(_year(spec.events[start]), size, True)
            if not watch_text or label_end < watch_span[0] or left + 3 > watch_span[1]:
                pen.text(left + 3, band - 5, _year(spec.events[start]), pen.colour("muted"), bold=True)
            start = index
    pen.shapes.append(Line(x0, band, x1, band, pen.colour("rule"), 0.6))
    pen.shapes.append(Rect(as_of_x - m.width(spec.as_of, size) - 8, 0, m.width(spec.as_of, size) + 6, band - 1,
                           fill="FFFFFF"))
    pen.text(as_of_x - 4, band - 5, spec.as_of, pen.colour("accent"), anchor="end")  # the facts' date, at the line
    if watch_text:
        pen.shapes.append(Rect(as_of_x + 1, 0, watch_span[1] - watch_span[0], band - 1, fill="FFFFFF"))
        pen.text(as_of_x + 4, band - 5, watch_text, pen.colour("accent"), bold=True)
    top = band + 3
    for lane_index, lane in enumerate(spec.lanes):
        colour = lane_colour(pen.style, lane)
        tiers: list[list[tuple[float, float]]] = []
        placed = []
        for index, event in enumerate(spec.events):
            if event.lane != lane:
                continue
            dot = x0 + index * column + 5
            lead = m.width(event.date, size, True) + 3  # the date starts the first line, in bold
            wide = min(lead + m.width(event.label, size) + 1, max(column - 10, 118.0))
            options = []  # the label right of its dot, or ending at its dot (near the right edge, or to pack)
            # what has happened stays left of the facts-date line, and a date to watch right of it
            floor, ceiling = (as_of_x, x1) if event.upcoming else (x0, as_of_x - 2 if as_of_x < x1 else x1)
            for anchor, room in (("start", ceiling - dot - 5), ("end", dot - 5 - floor)):
                if room >= min(wide, 70) or (anchor == "end" and not options):
                    lines = _wrap_after(m, event.label, size, min(wide, room), lead)
                    span = max(m.width(t, size) + (lead if i == 0 else 0) for i, t in enumerate(lines))
                    left = dot + 5 if anchor == "start" else dot - 5 - span
                    options.append((min(left, dot - 4), max(left + span, dot + 4), left, lines))
            choice = None
            for tier, used in enumerate(tiers):
                choice = next((o for o in options if all(o[1] + 6 <= a or o[0] >= b + 6 for a, b in used)), None)
                if choice:
                    break
            else:
                tier = len(tiers)
                tiers.append([])
                choice = options[0]
            low, high, left, lines = choice
            tiers[tier].append((low, high))
            placed.append((tier, dot, left, lead, event, lines))
        heights = [max(len(p[5]) for p in placed if p[0] == t) * leading + 3 for t in range(len(tiers))]
        lane_height = max(sum(heights) + 3, leading + 6)
        if lane_index % 2 == 0:
            pen.shapes.append(Rect(0, top, x1, lane_height, fill=pen.colour("table_stripe_fill")))
        pen.text(4, top + 3 + size, names[lane], colour, bold=True, size=size + 0.5)
        for tier, dot, left, lead, event, lines in placed:
            y = top + 3 + sum(heights[:tier]) + size
            pen.shapes.append(Line(dot, band - 3, dot, band, pen.colour("muted"), 0.6))
            if event.history or event.upcoming:
                pen.shapes.append(Circle(dot, y - size * 0.32, 2.6, fill="FFFFFF", stroke=colour, width=1.0))
            else:
                pen.shapes.append(Circle(dot, y - size * 0.32, 2.8, fill=colour))
            tone = pen.colour("muted") if event.history else pen.colour("text")
            pen.text(left, y, event.date, colour, bold=True)
            pen.text(left + lead, y, lines[0], tone)
            pen.lines(left, y + leading, lines[1:], tone)
        top += lane_height
    pen.shapes.append(Line(as_of_x, 0, as_of_x, top, pen.colour("accent"), 1.0, (2.0, 1.5)))
    return top + 1


def _year(event: Event) -> str:
    return event.year or event.date[-4:]


def _wrap_after(m: Measure, text: str, size: float, width: float, lead: float) -> list[str]:
    """`text` wrapped to `width`, its first line shortened by `lead` (room for the date); [''] if empty."""
    first = m.wrap(text, size, max(width - lead, 20))
    if len(first) <= 1:
        return first or [""]
    rest = m.wrap(text[len(first[0]):].strip(), size, width)
    return [first[0]] + rest


# Charts: a bar or line chart of one series, with values, dates and notes such as "reported" ---------
def _nice_step(peak: float) -> float:
    raw = peak / 4 if peak > 0 else 1
    power = 10 ** math.floor(math.log10(raw))
    return next(f * power for f in (1, 2, 2.5, 5, 10) if f * power >= raw)


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _chart(spec: Chart, width: float, pen: _Pen) -> float:
    size, leading, m = pen.size, pen.leading, pen.measure
    colour = pen.style.figure_palette[0]
    pen.text(0, size + 1, spec.title or f"{spec.y_title} ({spec.unit})", pen.colour("text"), bold=True, size=size + 0.5)
    step = _nice_step(max(p.value for p in spec.points))
    top_value = step * math.ceil(max(p.value for p in spec.points) / step)
    ticks = [step * k for k in range(int(round(top_value / step)) + 1)]
    axis = max(m.width(_number(t), size) for t in ticks) + 6
    if spec.as_of:
        pen.text(width, size + 1, spec.as_of, pen.colour("muted"), anchor="end")
    plot_top, plot_height = leading + 12, 64.0
    bottom = plot_top + plot_height
    y_of = lambda value: bottom - plot_height * value / top_value  # noqa: E731
    for tick in ticks:
        pen.shapes.append(Line(axis, y_of(tick), width, y_of(tick), pen.colour("rule"), 0.6 if tick else 1.0))
        pen.text(axis - 4, y_of(tick) + size * 0.35, _number(tick), pen.colour("muted"), anchor="end")
    slot = (width - axis) / len(spec.points)
    if spec.style == "line":
        first, last = spec.points[0].day, spec.points[-1].day
        pad = min(slot / 2, 40)
        xs = [axis + pad + (width - axis - 2 * pad) * (p.day - first) / ((last - first) or 1) for p in spec.points]
    else:
        xs = [axis + slot * (i + 0.5) for i in range(len(spec.points))]
    bar = min(slot * 0.55, 46)
    for index, (point, x) in enumerate(zip(spec.points, xs)):
        y = y_of(point.value)
        if spec.style == "bar":
            fill = lighter(colour) if point.note else colour
            pen.shapes.append(Rect(x - bar / 2, y, bar, bottom - y, fill=fill, stroke=colour, width=0.8))
        else:
            if index:
                pen.shapes.append(Line(xs[index - 1], y_of(spec.points[index - 1].value), x, y, colour, 1.4,
                                       (3.0, 2.0) if point.note else ()))
        pen.text(x, y - 4, _number(point.value), pen.colour("text"), bold=True, anchor="middle")
        pen.text(x, bottom + size + 4, point.label, pen.colour("text"), anchor="middle")
        if point.note:
            pen.text(x, bottom + size + 4 + leading, point.note, pen.colour("muted"), anchor="middle")
    if spec.style == "line":
        for point, x in zip(spec.points, xs):
            pen.shapes.append(Circle(x, y_of(point.value), 2.8, fill="FFFFFF" if point.note else colour,
                                     stroke=colour, width=1.2))
    notes = any(p.note for p in spec.points)
    return bottom + size + 6 + leading * (1 if notes else 0)


# Flow diagrams: boxes on a grid of columns and rows, arrows between them ----------------------------
def _flow(spec: Flow, width: float, pen: _Pen) -> float:
    size, leading, m = pen.size, pen.leading, pen.measure
    columns = max(n.col for n in spec.nodes) + 1
    rows = max(n.row for n in spec.nodes) + 1
    gap_x = 64.0 if columns > 1 else 0.0
    box_width = (width - gap_x * (columns - 1)) / columns
    pad = 5.0
    texts = {}
    for node in spec.nodes:
        title = m.wrap(node.label, size + 0.5, box_width - 2 * pad, bold=True)
        detail = m.wrap(node.detail, size, box_width - 2 * pad) if node.detail else []
        texts[node.id] = (title, detail)
    row_heights = [max([(len(t) + len(d)) * leading + 2 * pad + 1 for n in spec.nodes if n.row == r
                        for t, d in [texts[n.id]]] or [0]) for r in range(rows)]
    rows_of = {node.id: node.row for node in spec.nodes}
    below, above = [0.0] * rows, [0.0] * rows  # room edge labels need under and over each row's boxes
    for edge in spec.edges:
        row = rows_of[edge.source]
        if edge.label and row == rows_of[edge.target]:
            need = len(m.wrap(edge.label, size, gap_x - 4)) * leading + 4
            if row == 0 and need > row_heights[0] / 2:
                below[0] = max(below[0], need)
            else:
                above[row] = max(above[row], need - row_heights[row] / 2)
    gaps = [max(26.0, below[r] + above[r + 1] + 6) for r in range(rows - 1)]
    tops = [sum(row_heights[:r]) + sum(gaps[:r]) for r in range(rows)]
    boxes = {}
    for node in spec.nodes:
        x, y, h = node.col * (box_width + gap_x), tops[node.row], row_heights[node.row]
        boxes[node.id] = (x, y, box_width, h)
        pen.shapes.append(Rect(x, y, box_width, h, fill=pen.colour("callout_fill"), stroke=pen.colour("accent"),
                               width=0.8, radius=3))
        title, detail = texts[node.id]
        pen.lines(x + pad, y + pad + size, title, pen.colour("accent"), bold=True)
        pen.lines(x + pad, y + pad + size + len(title) * leading, detail, pen.colour("text"))
    pairs: dict[frozenset, int] = {}
    for edge in spec.edges:
        key = frozenset((edge.source, edge.target))
        pairs[key] = pairs.get(key, 0) + 1
    seen: dict[frozenset, int] = {}
    for edge in spec.edges:
        key = frozenset((edge.source, edge.target))
        seen[key] = seen.get(key, 0) + 1
        offset = 0.0 if pairs[key] == 1 else (-7.0 if seen[key] == 1 else 7.0)
        _edge(pen, edge, boxes[edge.source], boxes[edge.target], offset, gap_x)
    return tops[-1] + row_heights[-1] + 1


def _edge(pen: _Pen, edge: Edge, a: tuple, b: tuple, offset: float, gap_x: float) -> None:
    size, leading, m = pen.size, pen.leading, pen.measure
    (ax, ay, aw, ah), (bx, by, bw, bh) = a, b
    colour = pen.colour("accent")
    if abs(ay - by) < 1:  # same row: a horizontal arrow, its label above it in the gap
        y = ay + ah / 2 + offset
        forward = bx > ax
        x1, x2 = (ax + aw, bx) if forward else (ax, bx + bw)
        pen.arrow(x1, y, x2, y, colour, edge.both)
        lines = m.wrap(edge.label, size, abs(x2 - x1) - 4) if edge.label else []
        above = y - 4 - (len(lines) - 1) * leading
        below = offset > 0 or above - size < 0  # no room above the first row: the label goes under the arrow
        first = y + size + 3 if below else above
        pen.lines((x1 + x2) / 2, first, lines, pen.colour("text"), anchor="middle")
    elif abs(ax - bx) < 1:  # same column: a vertical arrow, its label beside it
        x = ax + aw / 2 + offset
        down = by > ay
        y1, y2 = (ay + ah, by) if down else (ay, by + bh)
        pen.arrow(x, y1, x, y2, colour, edge.both)
        last = ax + aw >= pen.width - 1  # in the last column the label goes left of the arrow
        lines = m.wrap(edge.label, size, aw / 2 - 8 + (gap_x - 4 if last else 0)) if edge.label else []
        middle = (y1 + y2) / 2 - (len(lines) - 1) * leading / 2 + size * 0.35
        pen.lines(x - 5 if last else x + 5, middle, lines, pen.colour("text"), anchor="end" if last else "start")
    else:  # anything else: a straight arrow between the boxes' edges, its label on a white patch
        start, end = _clip(a, b), _clip(b, a)
        pen.arrow(*start, *end, colour, edge.both)
        lines = m.wrap(edge.label, size, max(gap_x - 4, 60)) if edge.label else []
        if lines:
            mx, my = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2
            w = max(m.width(t, size) for t in lines) + 4
            h = len(lines) * leading + 2
            pen.shapes.append(Rect(mx - w / 2, my - h / 2, w, h, fill="FFFFFF"))
            pen.lines(mx, my - h / 2 + size + 1, lines, pen.colour("text"), anchor="middle")


def _clip(box: tuple, toward: tuple) -> tuple[float, float]:
    """Where the line from `box`'s centre to `toward`'s centre leaves `box`."""
    x, y, w, h = box
    cx, cy = x + w / 2, y + h / 2
    tx, ty = toward[0] + toward[2] / 2, toward[1] + toward[3] / 2
    dx, dy = tx - cx, ty - cy
    scale = min(w / 2 / abs(dx) if dx else math.inf, h / 2 / abs(dy) if dy else math.inf)
    return cx + dx * scale, cy + dy * scale
