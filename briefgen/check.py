"""`briefgen templates check`: find template problems by compiling and rendering sample briefs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import TemplateSyntaxError

from . import confine, limits
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
    requests = ([current] if current else []) + sample_requests(audience, theme_ids)[::4]
    try:
        user_dir = resolve_user_dir(None)
        found = _confined(_first_problem, (requests, user_dir), user_dir, len(requests))
    except TemplateProblem as problem:
        return problem
    except BriefgenError as exc:
        return TemplateProblem("", None, str(exc))
    return TemplateProblem(*found) if found else None


def _first_problem(requests: list[BriefRequest], user_dir: Path | None) -> tuple[str, int | None, str] | None:
    for request in requests:
        try:
            build_document(request, user_dir)
        except TemplateProblem as problem:
            return problem.template, problem.line, problem.message
        except BriefgenError as exc:
            return "", None, str(exc)
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
    samples = [sample_requests(audience, list(catalogue.themes)) for audience in catalogue.audiences]
    try:
        return _confined(_render_problems, (samples, user_dir), user_dir, sum(map(len, samples)))
    except TemplateProblem as problem:
        return [str(problem)]


def _render_problems(samples: list[list[BriefRequest]], user_dir: Path | None) -> list[str]:
    """The first problem of each audience's sample briefs, each problem once."""
    problems: list[str] = []
    for requests in samples:
        for request in requests:
            try:
                build_document(request, user_dir)
            except TemplateProblem as exc:
                if str(exc) not in problems:
                    problems.append(str(exc))
                break  # one problem per audience is enough to act on
    return problems


def _confined(function, args: tuple, user_dir: Path | None, renders: int):
    """With a user's templates, run a check's renders in one confined child, each render under its own limits."""
    if user_dir is None or confine.inside():
        return function(*args)
    return confine.run(function, args, limits.DEFAULT_LIMITS, str(user_dir), renders)
