"""The neutral figure model: what a figure shows (specs) and how it is drawn (shapes), free of any library."""

from __future__ import annotations

from dataclasses import dataclass


LANE_ORDER = ("Hong Kong", "Mainland", "Cross-boundary", "International")


# What a figure shows ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Event:
    """One dated milestone on a timeline, in the lane of its jurisdiction."""

    date: str  # as printed, e.g. "Jun 2025"
    label: str
    lane: str
    history: bool = False  # replaced law: drawn hollow and muted
    upcoming: bool = False  # a date to watch, after the facts' date: drawn hollow, right of the facts-date line


@dataclass(frozen=True)
class Timeline:
    events: tuple[Event, ...]
    lanes: tuple[str, ...]
    as_of: str  # e.g. "Facts current to 29 November 2026"


@dataclass(frozen=True)
class Point:
    """One value of a series: its date as printed, its position in days, and a note such as 'reported'."""

    label: str
    value: float
    day: int = 0
    note: str = ""


@dataclass(frozen=True)
class Chart:
    style: str  # "bar" or "line"
    points: tuple[Point, ...]
    unit: str
    y_title: str
    as_of: str = ""


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    col: int
    row: int
    detail: str = ""


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str = ""
    both: bool = False  # arrowheads at both ends (an exchange)


@dataclass(frozen=True)
class Flow:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


Spec = Timeline | Chart | Flow


def describe(spec: Spec) -> str:
    """Alt text: the figure's content as one paragraph a screen reader can speak."""
    if isinstance(spec, Timeline):
        past = [e for e in spec.events if not e.upcoming]
        ahead = [e for e in spec.events if e.upcoming]
        items = "; ".join(f"{e.date}, {e.lane}: {e.label}" for e in past)
        watch = "; ".join(f"{e.date}, {e.lane}: {e.label}" for e in ahead)
        return (f"Timeline of {len(past)} milestones by jurisdiction ({', '.join(spec.lanes)}), "
                f"from {past[0].date} to {past[-1].date}: {items}. {spec.as_of}."
                + (f" Dates to watch: {watch}." if ahead else ""))
    if isinstance(spec, Chart):
        kind = "Bar chart" if spec.style == "bar" else "Line chart"
        items = "; ".join(f"{p.label}: {_number(p.value)}{f' ({p.note})' if p.note else ''}" for p in spec.points)
        return f"{kind} of {spec.y_title} ({spec.unit}): {items}."
    names = {node.id: node.label for node in spec.nodes}
    steps = "; ".join(f"{names[e.source]} {'and' if e.both else 'to'} {names[e.target]}"
                      f"{': ' + e.label if e.label else ''}" for e in spec.edges)
    return f"Flow diagram of {len(spec.nodes)} parties: {steps}."


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


# How it is drawn: points from the top-left corner, y downwards; colours as RRGGBB ------------------
@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float = 0.6
    dash: tuple[float, ...] = ()


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str | None = None
    stroke: str | None = None
    width: float = 0.6
    radius: float = 0.0


@dataclass(frozen=True)
class Circle:
    cx: float
    cy: float
    r: float
    fill: str | None = None
    stroke: str | None = None
    width: float = 0.8


@dataclass(frozen=True)
class Polygon:
    points: tuple[tuple[float, float], ...]
    fill: str


@dataclass(frozen=True)
class Label:
    """Text on one line; y is its baseline; anchor is 'start', 'middle' or 'end'."""

    x: float
    y: float
    text: str
    size: float
    colour: str
    bold: bool = False
    anchor: str = "start"


Shape = Line | Rect | Circle | Polygon | Label


@dataclass(frozen=True)
class Drawing:
    width: float
    height: float
    shapes: tuple[Shape, ...]
