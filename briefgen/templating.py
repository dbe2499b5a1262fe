"""Render a request through sandboxed, strict Jinja templates into Markdown."""

from __future__ import annotations

import datetime as dt
import re
import traceback
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError, meta, pass_context
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markupsafe import Markup

from . import limits
from .cache import template_bytecode_cache
from .catalogue import Catalogue, Entry
from .facts import CITE_LIMIT, view
from .figures.define import FigureBook
from .errors import TemplateProblem
from .sandbox import BriefEnvironment, LimitedEnvironment, StrictUndefinedData, describe_recursion
from .template_files import BriefLoader
from .request import BriefRequest
from .resources import builtin_templates_dir
from .resources import TEMPLATE_SUFFIX, audience_template  # noqa: F401 - re-exported
from .strings import ENGLISH, joiner, tidy_chinese_spacing, words
from .textsafe import escape_markdown
from .titles import brief_title, long_date  # noqa: F401 - re-exported

COMPARED_THEMES = ("hk-regulated-hub", "mainland-fintech")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bCap)(?<!\bNo)[.!?](?=\s+[A-Z“\"'(])")
_CHINESE_SENTENCE_END = re.compile("[。！？][」』”’）]*(?=.)")





def _finalize(value: Any) -> Markup:
    """Every `{{ value }}` is data: escape it for Markdown unless a helper marked it as markup."""
    if isinstance(value, Markup):
        return value
    return Markup(escape_markdown(str(value)))


@pass_context
def _join_and(ctx: Any, items: Iterable[Any], conjunction: str = "and") -> Markup:
    """['a', 'b', 'c'] -> 'a, b and c' (Chinese: 'a、b及c'), each item escaped as data."""
    parts = [item if isinstance(item, Markup) else escape_markdown(str(item)) for item in items]
    return Markup(joiner(_lang(ctx))(parts, conjunction))


@pass_context
def _lead(ctx: Any, text: Any) -> Markup:
    """A run-in heading before its paragraph: '**Title.** ' in English, '**標題**。' in Chinese.

    Chinese punctuation stays outside the bold, where Markdown still sees the bold's end.
    """
    words = str(text).strip()
    escape = str if isinstance(text, Markup) else escape_markdown  # a `_()` message is Markdown already
    if _lang(ctx) == ENGLISH:
        # the closing stop is written as is, so "**Title.** " reads in the Markdown as a template would write it
        body, stop = (words[:-1], words[-1]) if words.endswith((".", "?", "!", ":")) else (words, ".")
        return Markup(f"**{escape(body)}{stop}** ")
    body, stop = (words[:-1], words[-1]) if words.endswith(tuple("。？！：.?!:")) else (words, "。")
    return Markup(f"**{escape(body)}**{_FULL_WIDTH.get(stop, stop)}")


_FULL_WIDTH = {".": "。", "?": "？", "!": "！", ":": "："}


def _template_words(translate: Any) -> Any:
    """`_` in a template: the message is template text (its Markdown as written), the values it fills in are data."""
    def _(message: str, **values: Any) -> Markup:
        data = {name: value if isinstance(value, Markup) else escape_markdown(str(value)) for name, value in values.items()}
        return Markup(translate(message, **data))
    return _


def _lang(ctx: Any) -> str:
    """The brief's language, from a template's context."""
    request = ctx.get("request")
    return request.get("lang", ENGLISH) if isinstance(request, Mapping) else ENGLISH


def _as_data(value: Any) -> Markup:
    """Marks text as data: Markdown characters in it are escaped (every `{{ value }}` already is)."""
    return Markup(escape_markdown(str(value)))


def first_sentence(text: str, lang: str = ENGLISH) -> str:
    """The text up to and including its first full stop that ends a sentence (。！？ in Chinese)."""
    match = (_SENTENCE_END if lang == ENGLISH else _CHINESE_SENTENCE_END).search(text)
    return text[: match.end()].strip() if match else text


@pass_context
def _first_sentence(ctx: Any, text: Any) -> str:
    """The `first_sentence` filter, in the brief's language."""
    return first_sentence(str(text), _lang(ctx))





@lru_cache(maxsize=8)
def environment(user_dir: str | None, builtin_dir: str) -> BriefEnvironment:
    """One read-only sandbox per template search path (with limits when the user has a folder); it caches templates."""
    kind = LimitedEnvironment if user_dir else BriefEnvironment
    env = kind(
        loader=BriefLoader(user_dir, builtin_dir),
        undefined=StrictUndefinedData,
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
        cache_size=200,
    )
    env.bytecode_cache = template_bytecode_cache(env)  # compiled templates kept across processes
    env.filters["join_and"] = _join_and
    env.filters["long_date"] = _long_date
    env.filters["md"] = _as_data
    env.filters["first_sentence"] = _first_sentence
    env.filters["lead"] = _lead
    if isinstance(env, LimitedEnvironment):
        env.add_filters(dict(env.filters))
    return env


@pass_context
def _long_date(ctx: Any, value: Any) -> str:
    """The `long_date` filter: a date in words in the brief's language (request.lang)."""
    return long_date(value, _lang(ctx))


REFERENCE_FORMS = ("full", "titled", "short")


class _Citations:
    """Numbers sources in order of first citation and lists only those cited."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.cited: list[str] = []

    def cite(self, *source_ids: str) -> Markup:
        """Footnote marks for up to three sources: those that support the sentence the citation stands behind."""
        if len(source_ids) > CITE_LIMIT:
            raise ValueError(f"cite() takes one to {CITE_LIMIT} sources, not {len(source_ids)}; "
                             "cite each sentence's own sources after it")
        marks = []
        for source_id in source_ids:
            self.catalogue.source(source_id)
            if source_id not in self.cited:
                self.cited.append(source_id)
            marks.append(f"[^{source_id}]")
        return Markup("".join(marks))

    def entry(self, source: Mapping[str, Any], with_title: bool) -> str:
        """Publisher, title (in its own language) and date, punctuated in the brief's language."""
        lang = self.catalogue.lang
        date = long_date(source["date"], lang)
        primary = source.get("type") == "primary"
        if lang == ENGLISH:
            title = f" “{source['title']}”," if with_title else ""
            return f"{source['publisher']},{title} {date}.{' Primary source.' if primary else ''}"
        _ = words(lang)
        title = _("“%(title)s”", title=source["title"]) + "，" if with_title else ""
        note = _("Primary source.") if primary else ""
        return f"{source['publisher']}，{title}{date}。{note}"

    def references(self, short: bool = False, form: str = "") -> Markup:
        """Footnote definitions for every cited source, in one of REFERENCE_FORMS (`short=True` is form "short").

        "full": publisher, title, date and the printed URL; "titled": the same with the site's name
        linked to the URL (a line or two saved an entry); "short": publisher, date and linked site,
        run on in one paragraph.
        """
        form = form or ("short" if short else "full")
        if form not in REFERENCE_FORMS:
            raise ValueError(f"unknown references form '{form}'; choose one of: {', '.join(REFERENCE_FORMS)}")
        lines = []
        for source_id in self.cited:
            source = self.catalogue.sources[source_id]
            site = re.sub(r"^https?://(www\.)?", "", source["url"]).split("/")[0]
            text = escape_markdown(self.entry(source, with_title=form != "short"))
            link = f"<{source['url']}>" if form == "full" else f"[{escape_markdown(site)}]({source['url']})"
            lines.append(f"[^{source_id}]: {text} {link}")
        marker = "::: references run-in" if form == "short" else "::: references"  # short entries run on
        return Markup(f"{marker}\n:::\n\n" + "\n".join(lines) + "\n")


def context(request: BriefRequest, catalogue: Catalogue, citations: _Citations,
            figures: FigureBook | None = None, user_dir: Path | None = None) -> dict[str, Any]:
    """Everything a template may use (documented in the README)."""
    chosen = [catalogue.themes[t] for t in catalogue.themes if t in request.themes]
    glossary = sorted(
        (term for theme in chosen for term in theme.content.get("glossary", ())),
        key=lambda term: term["term"].lower(),
    )
    compare = all(t in request.themes for t in COMPARED_THEMES)
    return {
        # plain data only: a template must never reach an object with methods such as save()
        "request": {
            "title": brief_title(request, catalogue),
            "author": request.author,
            "organisation": request.organisation,
            "date": request.date,
            "length": request.length,
            "lang": request.lang,
        },
        "audience": _audience_view(catalogue.audience(request.audience)),
        "themes": [_view(theme) for theme in chosen],
        "theme_ids": [theme.id for theme in chosen],
        "length": request.length,
        "as_of": catalogue.facts_date(request.themes).isoformat(),
        "glossary": glossary,
        "comparison": catalogue.comparison if compare else None,
        "timeline": catalogue.timeline_for(request.themes),
        "round_robin": round_robin,
        "fact": lambda fact_id: view(catalogue.register, str(fact_id)),
        "cite": citations.cite,
        "references": citations.references,
        "figure_info": (figures or FigureBook(catalogue, request.themes)).info,
        "_": _template_words(words(request.lang, user_dir)),  # the template's own words in the brief's language
    }


def _view(entry: Entry) -> dict[str, Any]:
    return {"id": entry.id, "title": entry.title, "description": entry.description, **entry.content}


def _audience_view(entry: Entry) -> dict[str, Any]:
    """An audience; `based_on` names the built-in audience whose per-theme content it uses."""
    return {"based_on": entry.id, **_view(entry)}


def round_robin(lists: Iterable[Iterable[Any]], limit: int) -> list[Any]:
    """Take the first item of each list, then the second of each, and so on, up to `limit` items."""
    queues = [list(items) for items in lists]
    picked: list[Any] = []
    depth = 0
    while len(picked) < limit and any(depth < len(q) for q in queues):
        picked.extend(q[depth] for q in queues if depth < len(q))
        depth += 1
    return picked[:limit]


def render_markdown(
    request: BriefRequest, catalogue: Catalogue, user_dir: Path | None, builtin_dir: Path,
    figures: FigureBook | None = None,
) -> str:
    """The request's brief as Markdown; any template failure becomes a TemplateProblem.

    Built-in templates render in this process. With a user's template folder the render runs in a child
    process (briefgen.confine) under the limits, so a template can never hold this process's memory.
    """
    if user_dir is None:
        return _render(request, catalogue, None, builtin_dir, None, figures)
    from . import confine

    rules = limits.DEFAULT_LIMITS
    if confine.inside():
        return _render(request, catalogue, user_dir, builtin_dir, rules, figures)
    name = audience_template(request.audience)
    shown = user_dir / name if (user_dir / name).is_file() else name
    return confine.run(render_user_markdown, (request, user_dir, builtin_dir, rules), rules, str(shown))


def render_user_markdown(request: BriefRequest, user_dir: Path, builtin_dir: Path, rules: limits.Limits) -> str:
    """In a confined child: the brief as Markdown from the user's templates, under `rules`."""
    from .catalogue import load_catalogue

    return _render(request, load_catalogue(user_dir, request.lang), user_dir, builtin_dir, rules)


def _render(request: BriefRequest, catalogue: Catalogue, user_dir: Path | None, builtin_dir: Path,
            rules: limits.Limits | None, figures: FigureBook | None = None) -> str:
    env = environment(str(user_dir) if user_dir else None, str(builtin_dir))
    name = audience_template(request.audience)
    citations = _Citations(catalogue)
    template = None
    try:
        template = env.get_template(name)
        ctx = context(request, catalogue, citations, figures, user_dir)
        if rules is None:
            return _in_language(template.render(ctx), request.lang)
        with limits.budget(rules) as spent:
            parts = []
            for part in template.generate(ctx):
                spent.emit(len(part))
                parts.append(part)
            return _in_language("".join(parts), request.lang)
    except TemplateNotFound as exc:
        raise TemplateProblem(name, None, f"template '{exc.name}' not found; add it to {user_dir or builtin_dir}") from None
    except TemplateSyntaxError as exc:
        raise TemplateProblem(exc.filename or exc.name or name, exc.lineno, f"syntax error: {exc.message}") from None
    except (UndefinedError, SecurityError, TemplateError, TypeError, ValueError, AttributeError,
            KeyError, IndexError, ZeroDivisionError, OverflowError, limits.LimitExceeded,
            RecursionError, MemoryError) as exc:
        filename, line = _template_frame(exc, (template.filename if template else None) or name)
        raise TemplateProblem(filename, line, _describe(exc, rules or limits.DEFAULT_LIMITS)) from None


def _in_language(markdown: str, lang: str) -> str:
    """Chinese Markdown set solid: no space that English joins need beside Chinese punctuation or characters."""
    return markdown if lang == ENGLISH else tidy_chinese_spacing(markdown)


def _describe(exc: BaseException, rules: limits.Limits) -> str:
    if isinstance(exc, limits.LimitExceeded):
        return f"stopped: the template {exc}"
    if isinstance(exc, RecursionError):
        return describe_recursion(exc)
    if isinstance(exc, MemoryError):
        return f"stopped: the template {rules.memory_message()}"
    if isinstance(exc, SecurityError):
        hint = " (template data is read-only: make a new list or mapping with filters instead)" if "unsafe" in str(exc) else ""
        return f"blocked by the template sandbox: {exc}{hint}"
    if isinstance(exc, UndefinedError):
        message = re.sub(r"^'\w+ object' has no attribute '(\w+)'$",
                         r"there is no field '\1' here (the README lists every variable and its fields)", exc.message or "")
        return f"undefined name: {message}"
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"{type(exc).__name__}: {message}"


def _template_frame(exc: BaseException, fallback: str) -> tuple[str, int | None]:
    """The innermost traceback frame that belongs to a template file, passing over built-in macros.

    For a recursion error the outermost template frame is the useful one: it names the call that began the loop.
    """
    frames = [(f.filename, f.lineno) for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
    if isinstance(exc, RecursionError) and frames:
        return frames[0]
    builtin_macros = str(builtin_templates_dir() / "macros.md.j2")
    callers = [frame for frame in frames if frame[0] != builtin_macros]
    return (callers or frames or [(fallback, None)])[-1]


def template_chain(env: SandboxedEnvironment, name: str) -> list[tuple[str, str]]:
    """(filename, source) of a template and every template it extends, includes or imports."""
    seen: dict[str, tuple[str, str]] = {}
    pending = [name]
    while pending:
        current = pending.pop()
        if current in seen or current is None:
            continue
        try:
            source, filename, _ = env.loader.get_source(env, current)
        except TemplateNotFound:
            continue
        seen[current] = (filename or current, source)
        try:
            pending.extend(n for n in meta.find_referenced_templates(env.parse(source)) if n)
        except TemplateSyntaxError:
            continue
    return list(seen.values())


def locate_markdown_line(env: SandboxedEnvironment, name: str, markdown: str, line: int | None) -> tuple[str, int | None]:
    """Find the template line that produced a given line of rendered Markdown, if it is literal."""
    main = env.loader.get_source(env, name)[1] or name
    if not line:
        return main, None
    wanted = markdown.splitlines()[line - 1].strip() if line <= len(markdown.splitlines()) else ""
    probe = wanted.split("{")[0][:40]
    if probe:
        for filename, source in template_chain(env, name):
            for number, text in enumerate(source.splitlines(), start=1):
                if text.strip().startswith(probe[:12]) and (text.strip() == wanted or probe in text):
                    return filename, number
    return main, None
