"""`briefgen facts check` and `facts list`: the register's problems, and its facts one per line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .build import resolve_user_dir
from .catalogue import load_catalogue, theme_tables
from .errors import BriefgenError
from .facts import Problem, Register, read_register
from .resources import assets_dir, read_asset_toml
from .textsafe import clean_line
from .theme_content import fact_references

CURRENT_ONLY = ("findings", "row")  # places that state a fact as current


def _line_containing(path: Path, text: str) -> int | None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    return None


def _citation_problem(register: Register, path: Path, owner: str, where: str, fact_id: str) -> Problem | None:
    """A citation of a missing fact, or of a superseded one where the content states it as current."""
    current = register.current_id(fact_id)
    if current not in register.facts:
        message = f"cites fact '{fact_id}', which does not exist; add it to facts.toml or fix the id"
    elif where in CURRENT_ONLY and register.facts[current]["status"] == "history":
        newer = [key for key, fact in register.facts.items() if fact.get("supersedes") == current]
        instead = f"cite '{newer[0]}' instead" if newer else "cite a current fact instead"
        message = f"states fact '{fact_id}' as current, but it is history; {instead}"
    else:
        return None
    return Problem(f"{owner} {where}", message, path, _line_containing(path, f'"{fact_id}"'))


def check_facts(folder: Path | None = None, today: dt.date | None = None) -> list[str]:
    """Every problem in the register and in the content that cites it, one line each."""
    user_dir = resolve_user_dir(folder)
    register, problems = read_register(user_dir, today)
    for theme_id, (path, table) in theme_tables().items():
        for where, fact_id in fact_references(table):
            problems.append(_citation_problem(register, path, f"theme '{theme_id}'", where, fact_id))
    comparison = assets_dir() / "content" / "comparison.toml"
    for row in read_asset_toml("content/comparison.toml")["rows"]:
        for fact_id in row["facts"]:
            problems.append(_citation_problem(register, comparison, "comparison", "row", fact_id))
    lines = list(dict.fromkeys(str(problem) for problem in problems if problem is not None))
    if not lines:
        try:
            load_catalogue(user_dir)
        except BriefgenError as exc:
            lines.append(str(exc))
    return lines


def fact_lines(folder: Path | None = None, theme: str | None = None) -> list[str]:
    """`id<TAB>date<TAB>status<TAB>statement` for every fact, or for those one theme rests on."""
    catalogue = load_catalogue(resolve_user_dir(folder))
    register = catalogue.register
    ids = list(register.facts) if theme is None else list(catalogue.theme_facts[catalogue.theme(theme).id])
    return ["\t".join(clean_line(str(register.facts[key][name])) for name in ("id", "date", "status", "statement"))
            for key in ids]
