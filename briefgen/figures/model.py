"""The neutral figure model: what a figure shows (specs) and how it is drawn (shapes), free of any library."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


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
    year: str = ""  # the year band's label (the date's last four characters if empty)


@dataclass(frozen=True)
class Timeline:
    events: tuple[Event, ...]
    lanes: tuple[str, ...]  # jurisdictions, as named in LANE_ORDER (which gives each its colour)
    as_of: str  # e.g. "Facts current to 29 November 2026"
    lane_names: tuple[str, ...] = ()  # each lane as printed, in the brief's language (the lane itself if empty)
    watch_title: str = "To watch"  # over the dates to watch


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
    title: str = ""  # the axis title as printed ("y_title (unit)" if empty)


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


def _english(message: str, **values: object) -> str:
    return message % values if values else message


def describe(spec: Spec, _: Callable[..., str] = _english) -> str:
    """Alt text: the figure's content as one paragraph a screen reader can speak, in the words `_` gives."""
    if isinstance(spec, Timeline):
        names = dict(zip(spec.lanes, spec.lane_names or spec.lanes))
        past = [e for e in spec.events if not e.upcoming]
        ahead = [e for e in spec.events if e.upcoming]
        items, watch = (_("; ").join(_("%(date)s, %(lane)s: %(label)s", date=e.date, lane=names.get(e.lane, e.lane),
                                        label=e.label) for e in events) for events in (past, ahead))
        text = _("Timeline of %(count)s milestones by jurisdiction (%(lanes)s), from %(first)s to %(last)s: "
                 "%(items)s. %(as_of)s.", count=len(past), lanes=_(", ").join(names[lane] for lane in spec.lanes),
                 first=past[0].date, last=past[-1].date, items=items, as_of=spec.as_of)
        return text + (_(" Dates to watch: %(items)s.", items=watch) if ahead else "")
    if isinstance(spec, Chart):
        items = _("; ").join(_("%(label)s: %(value)s", label=p.label, value=_number(p.value))
                             + (_(" (%(note)s)", note=p.note) if p.note else "") for p in spec.points)
        if spec.style == "bar":
            return _("Bar chart of %(title)s (%(unit)s): %(items)s.", title=spec.y_title, unit=spec.unit, items=items)
        return _("Line chart of %(title)s (%(unit)s): %(items)s.", title=spec.y_title, unit=spec.unit, items=items)
    names = {node.id: node.label for node in spec.nodes}
    steps = _("; ").join((_("%(a)s and %(b)s", a=names[e.source], b=names[e.target]) if e.both
                          else _("%(a)s to %(b)s", a=names[e.source], b=names[e.target]))
                         + (_(": %(label)s", label=e.label) if e.label else "") for e in spec.edges)
    return _("Flow diagram of %(count)s parties: %(steps)s.", count=len(spec.nodes), steps=steps)


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
