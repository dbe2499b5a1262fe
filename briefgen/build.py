"""The pipeline from request to document tree: catalogue, templates, Markdown, tree."""

from __future__ import annotations

from pathlib import Path

from . import convert, tree
from .catalogue import Catalogue, Entry, load_catalogue
from .errors import BriefgenError, TemplateProblem
from .figures.define import FigureBook
from .request import LANGUAGE_TAGS, BriefRequest, language_tag  # noqa: F401 - LANGUAGE_TAGS re-exported
from .resources import builtin_templates_dir, resolve_user_dir, user_templates_dir  # noqa: F401 - re-exported
from .strings import words
from .style import house_style
from .templating import audience_template, environment, locate_markdown_line, render_markdown
from .titles import audience_phrase, brief_title, long_date  # noqa: F401 - re-exported
from .textsafe import clean_line, shorten



def metadata(request: BriefRequest, catalogue: Catalogue, user_dir: Path | None = None) -> tree.Metadata:
    """The title block, running header and document properties, in the brief's language."""
    _ = words(request.lang, user_dir)
    audience = catalogue.audience(request.audience)
    themes = [catalogue.themes[t].title for t in catalogue.themes if t in request.themes]
    title = brief_title(request, catalogue)
    return tree.Metadata(
        title=title,
        short_title=shorten(title, house_style().short_title_chars),
        subtitle=_("A briefing for %(readers)s · %(date)s", readers=audience_phrase(audience, request.lang),
                   date=long_date(request.date, request.lang)),
        author=request.author,
        organisation=request.organisation,
        date=request.date.isoformat(),
        language=language_tag(request.lang),
        subject=_("Hong Kong–mainland China collaboration on crypto and digital assets"),
        keywords=tuple([_("Hong Kong"), _("mainland China"), _("digital assets"), audience.title, *themes]),
        currency=_("Facts current to %(date)s", date=long_date(catalogue.facts_date(request.themes), request.lang)),
        page_label=_("Page {page} of {total}"),
        figure_label=_("Figure {number}. "),
    )


def build_document(request: BriefRequest, templates: Path | None = None) -> tree.Document:
    """Render `request` through its audience template and parse the Markdown into a tree."""
    user_dir = resolve_user_dir(templates)
    catalogue = load_catalogue(user_dir, request.lang)
    request.check_ids(catalogue)
    builtin = builtin_templates_dir()
    figures = FigureBook(catalogue, request.themes)
    markdown = render_markdown(request, catalogue, user_dir, builtin, figures)
    try:
        return convert.parse(markdown, metadata(request, catalogue, user_dir), figures.spec)
    except convert.UnsupportedMarkdown as exc:
        env = environment(str(user_dir) if user_dir else None, str(builtin))
        filename, line = locate_markdown_line(env, audience_template(request.audience), markdown, exc.line)
        where = "" if line else f" (line {exc.line} of the rendered Markdown)"
        raise TemplateProblem(filename, line, exc.message + where) from None
