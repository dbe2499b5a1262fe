"""The fact register: dated, sourced facts from assets/content and the user's facts.toml and sources.toml."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from .errors import BriefgenError
from .resources import assets_dir, read_asset_toml, read_toml

FACTS_FILE = "facts.toml"
SOURCES_FILE = "sources.toml"
JURISDICTIONS = {"hong-kong": "Hong Kong", "mainland": "Mainland", "cross-boundary": "Cross-boundary",
                 "international": "International"}
STATUSES = ("in-force", "adopted", "proposed", "reported", "history")
CONFIDENCES = ("high", "medium", "low")
SOURCE_TYPES = ("primary", "law-firm", "news", "industry", "crypto-media")
REQUIRED = ("statement", "date", "checked", "jurisdiction", "status", "confidence", "sources")
OPTIONAL = ("short", "supersedes", "milestone", "themes")
SOURCE_FIELDS = ("title", "publisher", "date", "url")
ATTRIBUTION = re.compile(r"\b(reported|reports|according to|said|says|told|stated|claimed)\b", re.I)
STALE_AFTER_DAYS = 90
CITE_LIMIT = 3  # one citation names at most this many sources: the ones that support its sentence


@dataclass(frozen=True)
class Problem:
    """One problem in a facts or sources file, printed as FILE:LINE: message (or 'fact ID: message')."""

    subject: str
    message: str
    path: Path | None = None
    line: int | None = None

    def __str__(self) -> str:
        if self.path is None:
            return f"{self.subject}: {self.message}"
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.subject}: {self.message}"


@dataclass(frozen=True)
class Register:
    """Every fact and source, the user's merged over the built-in ones."""

    facts: Mapping[str, Mapping[str, Any]]
    sources: Mapping[str, Mapping[str, str]]
    as_of: str
    replaced: Mapping[str, str]  # a built-in fact id -> the user fact that supersedes it
    user_added: tuple[str, ...] = field(default=())

    def fact(self, fact_id: str) -> Mapping[str, Any]:
        """The fact with this id, or the fact that replaced it."""
        current = self.replaced.get(fact_id, fact_id)
        if current not in self.facts:
            raise BriefgenError(f"unknown fact '{fact_id}'; 'briefgen facts list' shows the fact ids")
        return self.facts[current]

    def current_id(self, fact_id: str) -> str:
        return self.replaced.get(fact_id, fact_id)


def parse_day(text: Any) -> dt.date | None:
    """A fact's date (YYYY-MM-DD, or YYYY-MM meaning the first of the month), or None if malformed."""
    if isinstance(text, dt.date):
        return text
    if not isinstance(text, str) or not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", text):
        return None
    try:
        return dt.date.fromisoformat(text if len(text) == 10 else text + "-01")
    except ValueError:
        return None


def line_of(path: Path | None, table: str, key: str, name: str | None = None) -> int | None:
    """The line of `[table.key]` in a TOML file, or of its `name = ...` field."""
    if path is None or not path.is_file():
        return None
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    header = re.compile(rf'^\s*\[\s*{re.escape(table)}\s*\.\s*"?{re.escape(key)}"?\s*\]')
    for number, text in enumerate(lines, start=1):
        if header.match(text):
            if name is None:
                return number
            for offset, field_text in enumerate(lines[number:], start=number + 1):
                if field_text.lstrip().startswith("["):
                    break
                if re.match(rf"^\s*{re.escape(name)}\s*=", field_text):
                    return offset
            return number
    return None


def _shape_problems(kind: str, key: str, entry: Any, path: Path | None) -> list[Problem]:
    """Missing fields, wrong types and unknown values in one fact or source table."""
    subject = f"{kind} '{key}'"
    table = "facts" if kind == "fact" else "sources"
    if not isinstance(entry, dict):
        return [Problem(subject, f"must be a table ([{table}.{key}]) of fields", path, line_of(path, table, key))]
    problems = []

    def bad(name: str, message: str) -> None:
        problems.append(Problem(subject, message, path, line_of(path, table, key, name)))

    required = REQUIRED if kind == "fact" else SOURCE_FIELDS
    allowed = set(required) | (set(OPTIONAL) if kind == "fact" else {"type"})
    for name in entry:
        if name not in allowed:
            bad(name, f"unknown field '{name}'; fields are {', '.join(sorted(allowed))}")
    for name in required:
        if name not in entry:
            bad(name, f"has no {name}; add {name} = ...")
    for name, value in entry.items():
        if name in ("sources", "themes"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                bad(name, f"{name} must be a list of ids, like {name} = [\"id\"]")
        elif name in allowed and not isinstance(value, str):
            bad(name, f"{name} must be text in quotes")
    if problems:
        return problems
    if kind == "source":
        if entry.get("type", "news") not in SOURCE_TYPES:
            bad("type", f"type must be one of {', '.join(SOURCE_TYPES)}")
        if parse_day(entry["date"]) is None:
            bad("date", "date must be YYYY-MM-DD or YYYY-MM")
        return problems
    for name in ("date", "checked"):
        if parse_day(entry[name]) is None:
            bad(name, f"{name} must be YYYY-MM-DD or YYYY-MM")
    for name, allowed_values in (("jurisdiction", JURISDICTIONS), ("status", STATUSES), ("confidence", CONFIDENCES)):
        if entry[name] not in allowed_values:
            bad(name, f"{name} must be one of {', '.join(allowed_values)}")
    if not entry["statement"].strip():
        bad("statement", "statement is empty; write the fact as a sentence")
    return problems


def rule_problems(key: str, fact: Mapping[str, Any], sources: Mapping[str, Any], path: Path | None,
                  today: dt.date) -> list[Problem]:
    """What facts.md forbids: no source, unknown sources, future dates, low confidence stated plainly."""
    subject = f"fact '{key}'"
    problems = []

    def bad(name: str, message: str) -> None:
        problems.append(Problem(subject, message, path, line_of(path, "facts", key, name)))

    if not fact["sources"]:
        bad("sources", "has no source; list at least one id from sources.toml, primary first")
    for source_id in fact["sources"]:
        if source_id not in sources:
            bad("sources", f"cites unknown source '{source_id}'; add [sources.{source_id}] to sources.toml")
    for name in ("date", "checked"):
        day = parse_day(fact[name])
        if day is not None and day > today:
            bad(name, f"{name} {fact[name]} is in the future; facts are dated when they happened")
    if fact["confidence"] == "low" and (fact["status"] != "reported" or not ATTRIBUTION.search(fact["statement"])):
        bad("statement", "low-confidence fact stated plainly; set status = \"reported\" and name who reported it "
                         "in the statement (\"... reported that ...\"), or leave it out")
    return problems


def url_problems(key: str, source: Mapping[str, Any], path: Path | None) -> list[Problem]:
    """A source must say where it can be read: a web address."""
    if re.match(r"https?://\S+$", source["url"]):
        return []
    return [Problem(f"source '{key}'", "has no URL; give url = \"https://...\"", path,
                    line_of(path, "sources", key, "url"))]


def _table(path: Path, name: str, builtin: bool = False) -> tuple[dict[str, Any], list[Problem]]:
    """The `name` table of a facts or sources file (empty if the file is absent)."""
    if not path.is_file():
        return {}, []
    try:
        data = read_asset_toml(f"content/{path.name}") if builtin else read_toml(path, links=False)
    except BriefgenError as exc:
        match = re.search(r"at line (\d+)", str(exc))
        message = str(exc).split(": ", 1)[1] if ": " in str(exc) else str(exc)
        return {}, [Problem("file", message, path, int(match.group(1)) if match else None)]
    table = data.get(name, {})
    if not isinstance(table, dict):
        return {}, [Problem("file", f"'{name}' must be a set of [{name}.ID] tables", path, 1)]
    unknown = [key for key in data if key not in (name, "as_of")]
    if unknown:
        return table, [Problem("file", f"unknown top-level key '{unknown[0]}'; put entries in [{name}.ID] tables",
                               path, 1)]
    return table, []


def read_register(user_dir: Path | None, today: dt.date | None = None) -> tuple[Register, list[Problem]]:
    """The merged register, and every problem found in it (built-in and user files alike)."""
    today = today or dt.date.today()
    content = assets_dir() / "content"
    layers = [(content / FACTS_FILE, content / SOURCES_FILE)]
    if user_dir is not None:
        layers.append((user_dir / FACTS_FILE, user_dir / SOURCES_FILE))
    facts: dict[str, dict[str, Any]] = {}
    sources: dict[str, dict[str, Any]] = {}
    origin: dict[str, Path] = {}
    problems: list[Problem] = []
    builtin_ids: set[str] = set()
    user_added: list[str] = []
    for index, (facts_path, sources_path) in enumerate(layers):
        source_table, found = _table(sources_path, "sources", index == 0)
        problems += found
        for key, source in source_table.items():
            found = _shape_problems("source", key, source, sources_path)
            problems += found or url_problems(key, source, sources_path)
            if not found:
                sources[key] = dict(source)
        fact_table, found = _table(facts_path, "facts", index == 0)
        problems += found
        for key, fact in fact_table.items():
            found = _shape_problems("fact", key, fact, facts_path)
            problems += found
            if found:
                continue
            facts[key] = {"id": key, **fact}
            origin[key] = facts_path
            if index == 0:
                builtin_ids.add(key)
            elif key not in builtin_ids:
                user_added.append(key)
    replaced: dict[str, str] = {}
    superseded_by: dict[str, str] = {}
    for key, fact in facts.items():
        problems += rule_problems(key, fact, sources, origin[key], today)
        old = fact.get("supersedes")
        if old is None:
            continue
        if old not in facts:
            problems.append(Problem(f"fact '{key}'", f"supersedes unknown fact '{old}'; check the id with "
                                    "'briefgen facts list'", origin[key], line_of(origin[key], "facts", key, "supersedes")))
        elif old in builtin_ids and key not in builtin_ids:
            replaced[old] = key  # a user fact takes a built-in fact's place in every brief
        else:
            superseded_by[old] = key
    for old, new in superseded_by.items():
        if facts[old]["status"] != "history":
            problems.append(Problem(f"fact '{old}'", f"is superseded by '{new}' but its status is "
                                    f"'{facts[old]['status']}'; set status = \"history\" and write it in the past",
                                    origin[old], line_of(origin[old], "facts", old, "status")))
    for old in replaced:
        facts[old] = {**facts[old], "status": "history"}
    as_of = str(read_asset_toml(f"content/{FACTS_FILE}").get("as_of", ""))
    register = Register(
        facts=MappingProxyType(facts), sources=MappingProxyType(sources), as_of=as_of,
        replaced=MappingProxyType(replaced), user_added=tuple(user_added),
    )
    return register, problems


def load_register(user_dir: Path | None) -> Register:
    """The merged register; a problem in the user's own files stops here with one line."""
    register, problems = read_register(user_dir)
    if user_dir is not None:
        for problem in problems:
            if problem.path is not None and problem.path.parent == user_dir:
                raise BriefgenError(f"{problem}; 'briefgen facts check' lists every problem")
    return register


def view(register: Register, fact_id: str, cite_limit: int = 1) -> dict[str, Any]:
    """A fact as templates see it: plain data, with the sources a citation of it gives."""
    fact = register.fact(fact_id)
    return {
        "id": fact["id"],
        "text": fact["statement"],
        "short": fact.get("short", fact["statement"]),
        "date": fact["date"],
        "checked": fact["checked"],
        "jurisdiction": JURISDICTIONS[fact["jurisdiction"]],
        "status": fact["status"],
        "confidence": fact["confidence"],
        "sources": list(fact["sources"][:cite_limit]),
    }


def sources_of(register: Register, fact_ids: Iterable[str], limit: int = CITE_LIMIT) -> list[str]:
    """The citations for prose resting on several facts: each fact's first (primary) source, once."""
    cited: list[str] = []
    for fact_id in fact_ids:
        first = register.fact(fact_id)["sources"][0]
        if first not in cited:
            cited.append(first)
    return cited[:limit]


def timeline(register: Register) -> tuple[dict[str, str], ...]:
    """Milestones: the facts marked with a `milestone` label, in date order; replaced facts are left out."""
    rows = [
        {"date": fact["date"], "jurisdiction": JURISDICTIONS[fact["jurisdiction"]], "event": fact["milestone"],
         "source": fact["sources"][0], "status": fact["status"], "id": key}
        for key, fact in register.facts.items()
        if fact.get("milestone") and key not in register.replaced
    ]
    return tuple(sorted(rows, key=lambda row: row["date"]))


def current_to(register: Register, fact_ids: Iterable[str]) -> dt.date:
    """The date a set of facts is current to: the earliest date any of them was last checked."""
    days = [parse_day(register.fact(fact_id)["checked"]) for fact_id in fact_ids]
    days = [day for day in days if day is not None]
    return min(days) if days else parse_day(register.as_of) or dt.date.today()


def days_stale(brief_date: dt.date, facts_date: dt.date) -> int | None:
    """How many days a brief is dated after its facts, if that is more than 90; else None."""
    days = (brief_date - facts_date).days
    return days if days > STALE_AFTER_DAYS else None


def staleness(brief_date: dt.date, facts_date: dt.date) -> str | None:
    """A one-line warning when a brief is dated more than 90 days after the facts it uses."""
    days = days_stale(brief_date, facts_date)
    if days is None:
        return None
    return (f"this brief is dated {days} days after its facts, which are current to "
            f"{facts_date.day} {facts_date:%B %Y}; check them with 'briefgen facts list' and update them in "
            f"your {FACTS_FILE}")


def user_facts_file(user_dir: Path) -> Path:
    """The user's facts.toml, created from the commented starter if it does not exist yet."""
    path = user_dir / FACTS_FILE
    if not path.exists():
        user_dir.mkdir(parents=True, exist_ok=True)
        path.write_text((assets_dir() / "content" / "facts-starter.toml").read_text(encoding="utf-8"), encoding="utf-8")
    return path
