"""Add an audience of the user's own: a section in their audiences.toml and a template that extends another's."""

from __future__ import annotations

import re
from pathlib import Path

from .atomic import write_atomically
from .catalogue import AUDIENCE_FIELDS, USER_AUDIENCES_FILE, Catalogue
from .errors import BriefgenError
from .request import _toml_string
from .resources import audience_template

AUDIENCE_ID = re.compile(r"^[a-z][a-z0-9-]{0,39}$")


def id_problem(audience_id: str, catalogue: Catalogue) -> str:
    """Why `audience_id` cannot name a new audience, or '' when it can."""
    if not AUDIENCE_ID.match(audience_id):
        return "use lower-case letters, digits and hyphens, starting with a letter (such as central-bankers)"
    if audience_id in catalogue.audiences:
        return f"'{audience_id}' is already an audience; choose another id"
    return ""


def add_audience(folder: Path, catalogue: Catalogue, audience_id: str, title: str, description: str,
                 based_on: str) -> Path:
    """Write the audience into `folder` (created if need be) and return its new template's path.

    Its reader, purpose and closing start as those of `based_on`, and its template extends that audience's.
    """
    problem = id_problem(audience_id, catalogue)
    if problem:
        raise BriefgenError(problem)
    if not title.strip() or not description.strip():
        raise BriefgenError("give the new audience a title and a description")
    start = catalogue.audience(based_on)
    values = {"title": title.strip(), "description": description.strip(),
              **{name: str(start.content[name]) for name in AUDIENCE_FIELDS[2:]},
              "based_on": str(start.content.get("based_on", start.id))}
    section = "\n".join([f"[audiences.{audience_id}]", *(f"{key} = {_toml_string(value)}" for key, value in values.items())])
    table = folder / USER_AUDIENCES_FILE
    old = table.read_text(encoding="utf-8") if table.is_file() else ""
    text = (old.rstrip("\n") + "\n\n" if old.strip() else "") + section + "\n"
    template = folder / audience_template(audience_id)
    template.parent.mkdir(parents=True, exist_ok=True)
    source = (f"{{#- {values['title']}: starts from the {start.title} brief; override its blocks below "
              f"(Help → Template reference lists them). -#}}\n{{% extends \"{audience_template(start.id)}\" %}}\n")
    write_atomically(template, lambda handle: handle.write(source.encode("utf-8")))
    write_atomically(table, lambda handle: handle.write(text.encode("utf-8")))
    return template
