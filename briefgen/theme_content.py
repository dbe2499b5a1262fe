"""A theme's content as templates see it: fact ids resolved to statements, prose with its citations."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Iterator, Mapping

from .facts import Register, sources_of, view

# fields whose items are {text, facts}: prose that names the facts it rests on
PROSE_FIELDS = ("analysis", "implications")
ROW_FIELDS = ("obligations", "design")


def _text(item: Any) -> str:
    return item["text"] if isinstance(item, Mapping) else str(item)


def _facts(item: Any) -> list[str]:
    return list(item.get("facts", ())) if isinstance(item, Mapping) else []


def _cited(register: Register, items: Any) -> list[dict]:
    """Prose items as {text, sources}: each names the sources of the facts it rests on."""
    return [{"text": _text(item), "sources": sources_of(register, _facts(item))} for item in items]


def fact_references(table: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(where, fact id) for every fact a theme's content cites; `where` names the field."""
    for fact_id in table.get("findings", ()):
        yield "findings", fact_id
    for fact_id in table.get("context_facts", ()):
        yield "context_facts", fact_id
    for name in PROSE_FIELDS + ROW_FIELDS:
        for item in table.get(name, ()):
            for fact_id in _facts(item):
                yield name, fact_id
    plain = table.get("plain", {})
    for fact_id in plain.get("facts", ()):
        yield "plain", fact_id
    for item in [plain["message"]] * ("message" in plain) + list(plain.get("points", ())):
        for fact_id in _facts(item):
            yield "plain", fact_id
    for lines in table.get("recommendations", {}).values():
        for item in lines:
            for fact_id in _facts(item):
                yield "recommendations", fact_id


def cited_facts(table: Mapping[str, Any], register: Register) -> tuple[str, ...]:
    """The current ids of the facts a theme rests on, findings first, each once."""
    ids: dict[str, None] = {}
    for _, fact_id in fact_references(table):
        ids.setdefault(register.current_id(fact_id), None)
    return tuple(ids)


def resolve_theme(register: Register, table: Mapping[str, Any], leading: tuple[str, ...] | list[str] = ()) -> dict:
    """The theme's content for templates; `leading` facts (the user's news) come first among its findings."""
    content = {key: value for key, value in table.items() if key not in ("context_facts",)}
    finding_ids = list(dict.fromkeys([*leading, *(register.current_id(f) for f in table.get("findings", ()))]))
    content["findings"] = [view(register, f) for f in finding_ids if register.fact(f)["status"] != "history"]
    content["context_sources"] = sources_of(register, table.get("context_facts", ()))
    content["analysis"] = _cited(register, table.get("analysis", ()))
    content["implications"] = [_text(item) for item in table.get("implications", ())]
    content["cited_implications"] = _cited(register, table.get("implications", ()))
    content["recommendations"] = MappingProxyType(
        {audience: [_text(item) for item in lines] for audience, lines in table.get("recommendations", {}).items()})
    # the same recommendations with the sources their facts rest on, for templates that cite them
    content["cited_recommendations"] = MappingProxyType(
        {audience: _cited(register, lines) for audience, lines in table.get("recommendations", {}).items()})
    if "plain" in table:
        plain = table["plain"]
        content["plain"] = {**{k: v for k, v in plain.items() if k != "facts"},
                            "sources": sources_of(register, plain.get("facts", ()))}
        # the public's own prose, each item with the sources of its facts
        if "message" in plain:
            content["plain"]["message"] = _cited(register, [plain["message"]])[0]
        content["plain"]["points"] = _cited(register, plain.get("points", ()))
    for name in ROW_FIELDS:
        content[name] = [{**{k: v for k, v in row.items() if k != "facts"}, "sources": sources_of(register, _facts(row))}
                         for row in table.get(name, ())]
    return content


def resolve_rows(register: Register, table: Mapping[str, Any]) -> dict:
    """An audience's own tables as templates see them: each row that names `facts` gains their `sources`."""
    content = dict(table)
    for name, rows in table.items():
        if isinstance(rows, list) and rows and all(isinstance(row, Mapping) and "facts" in row for row in rows):
            content[name] = [{**row, "sources": sources_of(register, _facts(row))} for row in rows]
    return content
