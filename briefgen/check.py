"""`briefgen templates check`: find template problems by compiling and rendering sample briefs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import TemplateSyntaxError

from .build import build_document, resolve_user_dir
from .catalogue import load_catalogue
from .errors import BriefgenError, TemplateProblem
from .request import LENGTHS, BriefRequest
from .resources import builtin_templates_dir
from .template_files import template_entries
from .templating import environment
from .textsafe import clean_line

SAMPLE_TEXT = {"title": "Sample <brief> & “quotes”", "author": "A. Sample", "organisation": "Sample Institute"}


def _syntax_problems(folder: Path) -> list[str]:
    """Links, special files and syntax errors, one line each; nothing is followed or opened unsafely."""
    env = environment(str(folder), str(builtin_templates_dir()))
    problems = []
    for path, problem in template_entries(folder):
        if problem:
            problems.append(f"{clean_line(str(path))}: {problem}")
            continue
        try:
            source = env.loader.get_source(env, path.relative_to(folder).as_posix())[0]
            env.parse(source, name=str(path.relative_to(folder)), filename=str(path))
        except TemplateSyntaxError as exc:
            problems.append(f"{path}:{exc.lineno}: syntax error: {exc.message}")
        except TemplateProblem as exc:
            problems.append(str(exc))
    return problems


def sample_requests(audience: str, theme_ids: list[str]) -> list[BriefRequest]:
    """Requests that exercise each length with one theme, the compared pair, and all themes."""
    subsets = [tuple(theme_ids)] + [(t,) for t in theme_ids]
    compared = tuple(t for t in ("hk-regulated-hub", "mainland-fintech") if t in theme_ids)
    if len(compared) == 2:
        subsets.append(compared)
    return [
        BriefRequest(audience=audience, themes=subset, length=length, date=dt.date(2026, 1, 15), **SAMPLE_TEXT)
        for length in LENGTHS
        for subset in subsets
    ]


def first_problem(audience: str, theme_ids: list[str], current: BriefRequest | None = None) -> TemplateProblem | None:
    """The first problem an audience's template (and the user's files) gives for `current` and a spread of samples."""
    for request in ([current] if current else []) + sample_requests(audience, theme_ids)[::4]:
        try:
            build_document(request)
        except TemplateProblem as problem:
            return problem
        except BriefgenError as exc:
            return TemplateProblem("", None, str(exc))
    return None


def check_templates(folder: Path | None = None) -> list[str]:
    """Problems as 'FILE:LINE: message' lines; an empty list means the templates are sound."""
    user_dir = resolve_user_dir(folder)
    problems: list[str] = _syntax_problems(user_dir) if user_dir else []
    if problems:
        return problems
    try:
        catalogue = load_catalogue(user_dir)
    except BriefgenError as exc:
        return [str(exc)]
    seen: set[str] = set()
    for audience in catalogue.audiences:
        for request in sample_requests(audience, list(catalogue.themes)):
            try:
                build_document(request, user_dir)
            except TemplateProblem as exc:
                if str(exc) not in seen:
                    seen.add(str(exc))
                    problems.append(str(exc))
                break  # one problem per audience is enough to act on
    return problems
