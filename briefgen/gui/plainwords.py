"""Error messages in plain words for the app: no Jinja internals or command-line options, a line that is right."""

from __future__ import annotations

import re
from pathlib import Path

from ..catalogue import Catalogue

JINJA_TAGS = ("if", "elif", "else", "endif", "for", "endfor", "block", "endblock", "set", "endset", "macro",
              "endmacro", "call", "endcall", "filter", "endfilter", "extends", "include", "import", "from", "with",
              "endwith", "raw", "endraw")
_LOCATED = re.compile(r"^(?P<file>.+?\.j2)(?::(?P<line>\d+))?: (?P<message>.*)$", re.S)


def _source_lines(template: str) -> list[str]:
    try:
        return Path(template).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError, ValueError):
        return []


def _open_tag_line(lines: list[str], reported: int, opener: str, closer: str) -> int:
    """The line, at or before `reported`, of the last `opener` with no `closer` after it on that line."""
    for number in range(min(reported, len(lines)), 0, -1):
        text = lines[number - 1]
        start = text.rfind(opener)
        if start >= 0 and closer not in text[start:]:
            return number
    return reported


def _fields_of(name: str) -> tuple[str, ...]:
    from ..reference import template_reference  # read from the code when a problem is worded

    variables = template_reference().variables
    if name in variables:
        return variables[name]
    plural = variables.get(name + "s") or variables.get(name + "es")
    return plural or tuple(sorted({field for fields in variables.values() for field in fields}))


def explain(template: str, line: int | None, message: str) -> tuple[int | None, str]:
    """(line, message) in plain words for a template problem; the line is corrected where Jinja reports late."""
    from ..reference import did_you_mean, template_reference  # read from the code when a problem is worded

    reference = template_reference()
    lines = _source_lines(template) if template else []
    text = message.removeprefix("undefined name: ")
    if match := re.search(r"'jinja2\.environment\.TemplateModule object' has no attribute '(\w+)'", text):
        name = match.group(1)
        return line, f"there is no macro '{name}'{did_you_mean(name, reference.macros)} (Help → Template reference)"
    if match := re.fullmatch(r"'(\w+)' is undefined", text):
        name = match.group(1)
        return line, (f"'{name}' is not something briefgen gives templates"
                      f"{did_you_mean(name, reference.names())} (Help → Template reference lists them)")
    if match := re.match(r"there is no field '(\w+)' here", text):
        field = match.group(1)
        source = lines[line - 1] if line and line <= len(lines) else ""
        owner = re.search(rf"(\w+)(?:\[[^\]]*\])?\.{field}\b", source)
        where = f"'{owner.group(1)}' has no field '{field}'" if owner else f"there is no field '{field}' here"
        known = _fields_of(owner.group(1)) if owner else ()
        return line, f"{where}{did_you_mean(field, known)} (Help → Template reference lists the fields)"
    if match := re.match(r"syntax error: expected token 'end of (statement block|print statement)', got '(.*)'", text):
        tag = match.group(1) == "statement block"
        opener, closer = ("{%", "%}") if tag else ("{{", "}}")
        found = _open_tag_line(lines, line or 0, opener, closer) if line else line
        return found, f"a '{opener}' is not closed: add '{closer}' at its end (or remove '{match.group(2)}')"
    if match := re.match(r"syntax error: No filter named '(\w+)'", text):
        name = match.group(1)
        known = list(reference.filters) + sorted(_jinja_filters())
        return line, f"there is no filter '{name}'{did_you_mean(name, known)}"
    if match := re.match(r"syntax error: Encountered unknown tag '(\w+)'", text):
        name = match.group(1)
        return line, f"'{{% {name} %}}' is not a template tag{did_you_mean(name, JINJA_TAGS)}"
    if match := re.match(r"syntax error: Unexpected end of template\. Jinja was looking for the following tags: "
                         r"'(\w+)'", text):
        return line, f"the file ends while a tag is still open: add '{{% {match.group(1)} %}}' where it should end"
    return line, text


def _jinja_filters() -> set[str]:
    from jinja2 import Environment

    return set(Environment().filters)


def plain(message: str, catalogue: Catalogue | None = None) -> str:
    """A one-line message from the core, in the app's words (buttons and lists, not options)."""
    if match := _LOCATED.match(message):
        line = int(match.group("line")) if match.group("line") else None
        line, text = explain(match.group("file"), line, match.group("message"))
        shown = match.group("file").rpartition("/templates/")[2]  # audiences/industry.md.j2, not the whole path
        return f"{shown}{f':{line}' if line else ''}: {text}"
    if message.startswith("no theme chosen"):
        return "No theme chosen: Tick at least one theme to make a brief."
    if match := re.match(r"unknown (audience|theme) '(.*)'; choose --\w+ from: .*", message):
        kind, name = match.groups()
        entries = (catalogue.audiences if kind == "audience" else catalogue.themes) if catalogue else {}
        names = ", ".join(entry.title for entry in entries.values()) if entries else "the list"
        return f"there is no {kind} '{name}' here; choose one of: {names}"
    message = re.sub(r"(choose|give) another -o path", r"\1 another folder", message)
    return re.sub(r";? ?(give|choose) --\w+[^;]*", "", message) or message
