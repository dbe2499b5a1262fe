"""Figure definitions as data (assets/content/figures.toml and the user's figures.toml), checked and resolved per brief."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..errors import TemplateProblem
from ..facts import CITE_LIMIT, Register, current_to, line_of, parse_day
from ..resources import assets_dir, read_asset_toml, read_toml
from ..strings import ENGLISH, words
from markupsafe import Markup

from .model import LANE_ORDER, Chart, Edge, Event, Flow, Node, Point, Spec, Timeline, describe

FIGURES_FILE = "figures.toml"
KINDS = ("timeline", "bar", "line", "flow")
FIELDS = {"timeline": {"facts", "labels", "limit", "watch"}, "bar": {"unit", "y_title", "points"}, "line": {"unit", "y_title", "points"},
          "flow": {"nodes", "edges", "facts"}}
ID = re.compile(r"[a-z0-9][a-z0-9-]*$")
WORDS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split()


@dataclass(frozen=True)
class Definition:
    """One figure as written in a figures.toml."""

    id: str
    kind: str
    fields: Mapping[str, Any]
    path: Path

    def problem(self, message: str, name: str | None = None) -> TemplateProblem:
        return TemplateProblem(str(self.path), line_of(self.path, "figures", self.id, name),
                               f"figure '{self.id}': {message}")


@dataclass(frozen=True)
class Resolved:
    """A figure ready for one brief: the drawing's spec, its alt text, caption, and the sources it cites."""

    definition: Definition
    spec: Spec
    alt: str
    sources: tuple[str, ...]


def read_definitions(user_dir: Path | None, register: Register,
                     lang: str = "en") -> tuple[dict[str, Definition], list[TemplateProblem]]:
    """Built-in definitions (in `lang` where there is a copy) with the user's merged over them (same id replaces),
    and every problem found."""
    from ..locales import content_file

    builtin_file = content_file(FIGURES_FILE, lang)
    layers = [(assets_dir() / builtin_file, True)]
    if user_dir is not None and (user_dir / FIGURES_FILE).is_file():
        layers.append((user_dir / FIGURES_FILE, False))
    found: dict[str, Definition] = {}
    problems: list[TemplateProblem] = []
    for path, builtin in layers:
        try:
            data = read_asset_toml(builtin_file) if builtin else read_toml(path)
        except Exception as exc:  # read_toml words TOML errors as one line with the line number
            match = re.search(r"at line (\d+)", str(exc))
            problems.append(TemplateProblem(str(path), int(match.group(1)) if match else None, str(exc)))
            continue
        table = data.get("figures", {})
        if not isinstance(table, dict) or set(data) - {"figures"}:
            problems.append(TemplateProblem(str(path), 1, "put each figure in a [figures.ID] table"))
            continue
        if not builtin:
            table = _translated(table, user_dir, lang)
        for key, fields in table.items():
            definition = Definition(key, str(fields.get("kind", "")) if isinstance(fields, dict) else "",
                                    fields if isinstance(fields, dict) else {}, path)
            shape = _problems(definition, fields, register)
            problems += shape
            if not shape:
                found[key] = definition
    return found, problems


UNTRANSLATED_KEYS = ("kind", "facts")  # what a translation of a figure cannot change


def _translated(table: dict[str, Any], user_dir: Path | None, lang: str) -> dict[str, Any]:
    """The user's figures with the text fields of their translation into `lang` (locales/LANG/figures.toml) in place."""
    from ..locales import user_table

    words = user_table(user_dir, lang, FIGURES_FILE, "figures")
    return {key: {**fields, **{name: value for name, value in words.get(key, {}).items() if name not in UNTRANSLATED_KEYS}}
            if isinstance(fields, dict) else fields for key, fields in table.items()}


def load_definitions(user_dir: Path | None, register: Register, lang: str = "en") -> dict[str, Definition]:
    """The definitions; the first problem stops here as FILE:LINE: figure 'ID': message."""
    found, problems = read_definitions(user_dir, register, lang)
    if problems:
        raise problems[0]
    return found


def _problems(d: Definition, fields: Any, register: Register) -> list[TemplateProblem]:
    if not ID.match(d.id):
        return [d.problem("ids are lower-case letters, digits and hyphens")]
    if not isinstance(fields, dict):
        return [d.problem(f"must be a table ([figures.{d.id}]) of fields")]
    if d.kind not in KINDS:
        return [d.problem(f"kind must be one of {', '.join(KINDS)}", "kind")]
    allowed = {"kind", "caption", "source"} | FIELDS[d.kind]
    unknown = [name for name in fields if name not in allowed]
    if unknown:
        return [d.problem(f"unknown field '{unknown[0]}'; a {d.kind} figure has {', '.join(sorted(allowed))}",
                          unknown[0])]
    for name in ("caption", "source", "unit", "y_title"):
        if name in fields and (not isinstance(fields[name], str) or not fields[name].strip()):
            return [d.problem(f"{name} must be text in quotes", name)]
    required = ["caption"] + (["unit", "y_title", "points"] if d.kind in ("bar", "line") else [])
    required += ["nodes", "edges"] if d.kind == "flow" else []
    missing = [name for name in required if name not in fields]
    if missing:
        return [d.problem(f"has no {missing[0]}; add {missing[0]} = ...")]
    facts = fields.get("facts", [])
    if not isinstance(facts, list) or not all(isinstance(f, str) for f in facts):
        return [d.problem('facts must be a list of fact ids, like facts = ["id"]', "facts")]
    for fact_id in facts:
        if register.current_id(fact_id) not in register.facts:
            return [d.problem(f"unknown fact '{fact_id}'; 'briefgen facts list' shows the fact ids", "facts")]
    if "limit" in fields and (not isinstance(fields["limit"], int) or fields["limit"] < 2):
        return [d.problem("limit must be a whole number of at least 2", "limit")]
    labels = fields.get("labels", {})
    if not isinstance(labels, dict) or not all(isinstance(t, str) and t.strip() for t in labels.values()):
        return [d.problem('labels must be a table of fact id = "label", like labels = { "id" = "Live: ..." }', "labels")]
    if any(fact_id not in facts for fact_id in labels):
        return [d.problem(f"labels names '{next(f for f in labels if f not in facts)}', which is not in facts", "labels")]
    if "watch" in fields:
        problem = _watch_problem(d, fields["watch"], register)
        if problem:
            return [problem]
    try:
        if d.kind in ("bar", "line"):
            _chart(d, register)
        elif d.kind == "flow":
            _flow(d)
        elif facts:
            _timeline(d, register, [], dt.date.today())
    except TemplateProblem as problem:
        return [problem]
    return []


def _watch_problem(d: Definition, watch: Any, register: Register) -> TemplateProblem | None:
    """What is wrong with a timeline's dates to watch, if anything."""
    shape = 'watch must be a list like [{ fact = "id", date = "2027-01-01", label = "..." }]'
    if not isinstance(watch, list):
        return d.problem(shape, "watch")
    for item in watch:
        if not isinstance(item, dict) or set(item) != {"fact", "date", "label"}:
            return d.problem(shape, "watch")
        if not all(isinstance(item[key], str) and item[key].strip() for key in item):
            return d.problem(shape, "watch")
        if register.current_id(item["fact"]) not in register.facts:
            return d.problem(f"unknown fact '{item['fact']}'; 'briefgen facts list' shows the fact ids", "watch")
        if _watch_day(item["date"]) is None:
            return d.problem(f"date '{item['date']}' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY", "watch")
    return None


def _watch_day(text: str) -> dt.date | None:
    """A date to watch: YYYY-MM-DD, YYYY-MM, or a bare year YYYY (taken as its first day)."""
    return parse_day(f"{text}-01") if re.fullmatch(r"\d{4}", text) else parse_day(text)


def _month(day: dt.date, with_day: bool = False, lang: str = ENGLISH) -> str:
    """A point's or milestone's date as printed: Feb 2026 or 13 Feb 2026; 2026年2月 or 2026年2月13日 in Chinese."""
    if lang != ENGLISH:
        return _long(day.isoformat() if with_day else day.isoformat()[:7], lang)
    return f"{day.day} {day:%b %Y}" if with_day else f"{day:%b %Y}"


def _states(statement: str, value: float) -> bool:
    """Whether the fact's own words give this value (so a chart never says more than its facts)."""
    number = f"{value:g}"
    if re.search(rf"(?<![\d.]){re.escape(number)}(st|nd|rd|th)?(?![\d])", statement.replace(",", "")):
        return True
    return float(value).is_integer() and int(value) < len(WORDS) and re.search(rf"\b{WORDS[int(value)]}\b",
                                                                              statement, re.I) is not None


def _chart(d: Definition, register: Register, lang: str = ENGLISH) -> tuple[Chart, tuple[str, ...]]:
    _ = words(lang)
    points = d.fields["points"]
    if not isinstance(points, list) or not all(isinstance(p, dict) for p in points):
        raise d.problem('points must be a list of tables, like points = [{ fact = "id", value = 7 }]', "points")
    if len(points) < 2:
        raise d.problem(f"a {d.kind} chart needs at least two points; it has {len(points)}", "points")
    made, facts = [], []
    for index, point in enumerate(points, start=1):
        fact_id, value = point.get("fact"), point.get("value")
        if not isinstance(fact_id, str) or register.current_id(fact_id) not in register.facts:
            raise d.problem(f"point {index} needs fact = the id of a fact that states its value "
                            f"(unknown: '{fact_id}')", "points")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise d.problem(f"point {index} needs a number: value = 7", "points")
        fact = register.fact(fact_id)
        if not _states(fact.get("statement_en", fact["statement"]), value):  # the checked English words
            raise d.problem(f"point {index}: fact '{fact_id}' does not state the value {value:g}", "points")
        day = parse_day(point.get("date", fact["date"]))
        if day is None:
            raise d.problem(f"point {index}: date must be YYYY-MM-DD or YYYY-MM", "points")
        precise = len(str(point.get("date", fact["date"]))) == 10 and "date" in point
        reported = fact["status"] == "reported" or fact["confidence"] == "low"
        made.append(Point(_month(day, precise, lang), float(value), day.toordinal(), _("reported") if reported else ""))
        facts.append(fact_id)
    if [p.day for p in made] != sorted(p.day for p in made):
        raise d.problem("points must be in date order", "points")
    as_of = _("Facts current to %(date)s", date=_long(current_to(register, facts), lang))
    title = _("%(title)s (%(unit)s)", title=d.fields["y_title"], unit=d.fields["unit"])
    chart = Chart(d.kind, tuple(made), d.fields["unit"], d.fields["y_title"], as_of, title)
    return chart, tuple(facts)


def _flow(d: Definition) -> Flow:
    nodes, edges = d.fields["nodes"], d.fields["edges"]
    if not isinstance(nodes, list) or len(nodes) < 2 or not all(isinstance(n, dict) for n in nodes):
        raise d.problem('nodes must list at least two tables, like { id = "bank", label = "Bank", col = 0 }', "nodes")
    made: list[Node] = []
    cells: set[tuple[int, int]] = set()
    for index, node in enumerate(nodes, start=1):
        node_id, label = node.get("id"), node.get("label")
        col, row = node.get("col", index - 1), node.get("row", 0)
        if not isinstance(node_id, str) or not isinstance(label, str) or not label.strip():
            raise d.problem(f"node {index} needs id and label text", "nodes")
        if not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 8 for v in (col, row)):
            raise d.problem(f"node '{node_id}': col and row must be whole numbers from 0 to 7", "nodes")
        if (col, row) in cells or node_id in {n.id for n in made}:
            raise d.problem(f"node '{node_id}' repeats an id or a (col, row) place", "nodes")
        cells.add((col, row))
        made.append(Node(node_id, label, col, row, str(node.get("detail", ""))))
    if not isinstance(edges, list) or not edges or not all(isinstance(e, dict) for e in edges):
        raise d.problem('edges must list at least one table, like { from = "a", to = "b", label = "pays" }', "edges")
    ids = {n.id for n in made}
    links = []
    for edge in edges:
        if edge.get("from") not in ids or edge.get("to") not in ids:
            raise d.problem(f"edge from '{edge.get('from')}' to '{edge.get('to')}' names a node that does not exist",
                            "edges")
        links.append(Edge(edge["from"], edge["to"], str(edge.get("label", "")), bool(edge.get("both", False))))
    return Flow(tuple(made), tuple(links))


def _long(day: dt.date | str, lang: str = ENGLISH) -> str:
    """titles.long_date, imported when needed: titles reads the catalogue, which reads these definitions."""
    from ..titles import long_date

    return long_date(day, lang)


def _timeline(d: Definition, register: Register, milestones: Iterable[Mapping[str, str]],
              facts_date: dt.date, lang: str = ENGLISH) -> tuple[Timeline, tuple[str, ...]]:
    _ = words(lang)
    if d.fields.get("facts"):
        rows = []
        for fact_id in d.fields["facts"]:
            fact = register.fact(fact_id)
            rows.append({"date": fact["date"], "jurisdiction": fact["jurisdiction"], "status": fact["status"],
                         "event": d.fields.get("labels", {}).get(fact_id) or fact.get("milestone") or fact.get("short")
                         or fact["statement"],
                         "source": fact["sources"][0]})
        rows.sort(key=lambda row: row["date"])
    else:
        rows = list(milestones)
    rows = rows[-d.fields.get("limit", 8):]
    if len(rows) < 2:
        raise d.problem(f"a timeline needs at least two dated facts; these themes give {len(rows)}", "facts")
    lanes_named = {"hong-kong": "Hong Kong", "mainland": "Mainland", "cross-boundary": "Cross-boundary",
                   "international": "International"}
    days = [parse_day(r["date"]) or facts_date for r in rows]
    events = tuple(Event(_month(day, lang=lang), r["event"], lanes_named.get(r["jurisdiction"], r["jurisdiction"]),
                         r["status"] == "history", year=str(day.year)) for r, day in zip(rows, days))
    sources = [r["source"] for r in rows]
    for item in sorted(d.fields.get("watch", []), key=lambda item: _watch_day(item["date"])):
        day = _watch_day(item["date"])
        if day <= facts_date:  # a date that has come is no longer one to watch; the register says what happened
            continue
        fact = register.fact(item["fact"])
        shown = item["date"] if len(item["date"]) == 4 else _month(day, lang=lang)  # a bare year says no more than its fact
        events += (Event(shown, item["label"], lanes_named.get(fact["jurisdiction"], fact["jurisdiction"]),
                         upcoming=True, year=str(day.year)),)
        sources.append(fact["sources"][0])
    lanes = tuple(lane for lane in LANE_ORDER if any(e.lane == lane for e in events))
    shown_lanes = {"Hong Kong": _("Hong Kong"), "Mainland": _("Mainland"), "Cross-boundary": _("Cross-boundary"),
                   "International": _("International")}
    as_of = _("Facts current to %(date)s", date=_long(facts_date, lang))
    return Timeline(events, lanes, as_of, tuple(shown_lanes.get(lane, lane) for lane in lanes),
                    _("To watch")), tuple(sources)


def resolve(d: Definition, register: Register, milestones: Iterable[Mapping[str, str]],
            facts_date: dt.date, lang: str = ENGLISH) -> Resolved:
    """The figure for one brief, in its language, whose milestones and facts date depend on its themes."""
    if d.kind == "timeline":
        spec, sources = _timeline(d, register, milestones, facts_date, lang)
    elif d.kind == "flow":
        spec, sources = _flow(d), tuple(register.fact(f)["sources"][0] for f in d.fields.get("facts", []))
    else:
        spec, facts = _chart(d, register, lang)
        sources = tuple(register.fact(f)["sources"][0] for f in facts)
    return Resolved(d, spec, describe(spec, words(lang)), tuple(dict.fromkeys(sources)))


def source_line(resolved: Resolved, register: Register, lang: str = ENGLISH) -> str:
    """The source line's words: the definition's own, or the publishers of the sources it cites."""
    if "source" in resolved.definition.fields:
        return resolved.definition.fields["source"]
    _ = words(lang)
    publishers = list(dict.fromkeys(register.sources[s]["publisher"] for s in resolved.sources))
    return _("; ").join(publishers) if publishers else _("briefgen's fact register")


def credits(resolved: Resolved, register: Register) -> list[dict[str, Any]]:
    """The source line as (name, up to three source ids) pairs, so that no one citation cites more than three.

    A definition's own `source` words stand for its sources when they fit in one citation; otherwise each
    publisher is named with its own sources.
    """
    sources = resolved.sources
    if "source" in resolved.definition.fields and len(sources) <= CITE_LIMIT:
        return [{"name": resolved.definition.fields["source"], "sources": list(sources)}]
    by_publisher: dict[str, list[str]] = {}
    for source_id in sources:
        by_publisher.setdefault(register.sources[source_id]["publisher"], []).append(source_id)
    return [{"name": name if start == 0 else "", "sources": ids[start:start + CITE_LIMIT]}
            for name, ids in by_publisher.items() for start in range(0, len(ids), CITE_LIMIT)]


class FigureBook:
    """The figures of one brief, resolved once: offered to templates (`figure_info`) and to the converter."""

    def __init__(self, catalogue: Any, theme_ids: Iterable[str]) -> None:
        self.catalogue, self.theme_ids = catalogue, tuple(theme_ids)
        self.resolved: dict[str, Resolved] = {}
        self.lang = getattr(catalogue, "lang", ENGLISH)

    def get(self, figure_id: str) -> Resolved:
        """The resolved figure, or KeyError if no figures.toml defines it."""
        if figure_id not in self.resolved:
            definition = self.catalogue.figures[figure_id]
            self.resolved[figure_id] = resolve(definition, self.catalogue.register,
                                               self.catalogue.timeline_for(self.theme_ids),
                                               self.catalogue.facts_date(self.theme_ids), self.lang)
        return self.resolved[figure_id]

    def info(self, figure_id: str) -> dict[str, Any]:
        """What the `figure` macro prints: id, kind, caption, source line and the source ids to cite."""
        try:
            found = self.get(str(figure_id))
        except KeyError:
            raise ValueError(f"unknown figure '{figure_id}'; figures are: {', '.join(self.catalogue.figures)}") from None
        fields = found.definition.fields
        return {"id": Markup(found.definition.id), "kind": found.definition.kind, "caption": fields["caption"],
                "source": source_line(found, self.catalogue.register, self.lang), "sources": list(found.sources),
                "credits": credits(found, self.catalogue.register)}

    def spec(self, figure_id: str) -> tuple[Spec, str]:
        """The drawing's spec and alt text, for the Markdown converter."""
        found = self.get(figure_id)
        return found.spec, found.alt
