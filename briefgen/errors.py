"""User-facing errors: each carries one line that names the problem and what to do instead."""

from __future__ import annotations


class BriefgenError(Exception):
    """A problem with the user's input, shown as one line and never as a traceback."""


class TemplateProblem(BriefgenError):
    """A template that cannot be used, located by file and line."""

    def __init__(self, template: str, line: int | None, message: str) -> None:
        self.template = template
        self.line = line
        self.message = message
        where = f"{template}:{line}" if line else template
        super().__init__(f"{where}: {message}")
