"""The PDF writer's paragraphs: inline markup, URL breaks, and paragraphs that split in linear time."""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus import paragraph as rl_paragraph

from .. import tree
from ..textsafe import strip_controls, xml_attribute as quoteattr, xml_escape as escape
from .pdf_linebreak import ChineseFrags, break_lines, rejoin
from .pdf_scripts import current, split_frags

URL_BREAKS = re.compile(r"[/._?&=]+|(?=[-%])")  # a URL may break after these, or before a hyphen or %-escape
CHUNK_LINES = 12  # a paragraph split across pages continues as paragraphs of this many lines (linear layout time)


_reportlab_url_pairs = getattr(rl_paragraph, "_uri_split_pairs", None)


def _url_break_pairs(uri):
    """(head, tail) splits of a URL, longest head first, for reportlab's URL breaking (style.uriWasteReduce).

    reportlab breaks a URL only after a slash, and not again in what is left, so long slugs ran past the
    margin. Here a URL, or what is left of one, breaks after / . _ ? & = or before a hyphen or a %-escape
    (before, not after, a hyphen: reportlab takes a line-final hyphen for its own and drops it). No
    character is added, so copied text is the URL. Only styles with uriWasteReduce set (the references)
    ask, and only for a word that does not fit.
    """
    if isinstance(uri, bytes):
        uri = uri.decode("utf-8")
    start = uri.index("://") + 3 if "://" in uri else 0
    cuts = {m.end() for m in URL_BREAKS.finditer(uri, start)} - {0, len(uri)}
    return [(uri[:cut], uri[cut:]) for cut in sorted(cuts, reverse=True)] or None


if _reportlab_url_pairs is not None:  # a reportlab without it keeps its own (slash-only) breaks
    rl_paragraph._uri_split_pairs = _url_break_pairs


# -- inlines --------------------------------------------------------------------------------------
NO_BREAK = "\u00a0"


def inline_markup(nodes: tuple[tree.Inline, ...], link_colour: str) -> str:
    """reportlab paragraph markup for inlines; all text is escaped, so user text stays data."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, tree.Text):
            out.append(escape(strip_controls(node.text)))
        elif isinstance(node, tree.Strong):
            out.append(f"<b>{inline_markup(node.children, link_colour)}</b>")
        elif isinstance(node, tree.Emphasis):
            out.append(f"<i>{inline_markup(node.children, link_colour)}</i>")
        elif isinstance(node, tree.Link):
            out.append(f"<a href={quoteattr(node.url)} color=\"#{link_colour}\">{inline_markup(node.children, link_colour)}</a>")
        elif isinstance(node, tree.Citation):
            # a label never breaks across lines: its numbers are joined by no-break spaces
            out.append("<super>" + tree.citation_label(node.numbers).replace(" ", NO_BREAK) + "</super>")
        else:  # pragma: no cover - the tree is closed
            raise NotImplementedError(type(node).__name__)
    return "".join(out)


@lru_cache(maxsize=None)
def joined(style: ParagraphStyle, first: bool, last: bool) -> ParagraphStyle:
    """`style` for one piece of a split paragraph: space before only the first, after only the last."""
    return ParagraphStyle(f"{style.name}-{first:d}{last:d}", parent=style, spaceBefore=style.spaceBefore * first,
                          spaceAfter=style.spaceAfter * last)


class Para(Paragraph):
    """A paragraph that remembers its line breaks for a width (tables wrap cells more than once).

    reportlab breaks the lines of a split paragraph's remainder again on every page, which made
    long text quadratic; here the remainder is broken once and goes on as pieces (see pieces).
    Text is drawn in runs by script, and a paragraph holding Chinese breaks by the Chinese rules.
    """

    _wrapped: tuple[float, tuple[float, float]] | None = None
    _chinese = False

    def _setup(self, text, style, bulletText, frags, cleaner):  # noqa: N803 - reportlab's names
        super()._setup(text, style, bulletText, frags, cleaner)
        fonts = current()
        if isinstance(frags, ChineseFrags):  # part of a paragraph broken by the Chinese rules
            self._chinese = True
        elif fonts is not None and frags is None:  # text, parsed just now
            self.frags, self._chinese = split_frags(self.frags, fonts)

    def breakLines(self, width):  # noqa: N802 - reportlab's name
        if not self._chinese:
            return super().breakLines(width)
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        return break_lines(self.frags, width if isinstance(width, list) else [width], self.bulletText, self.style)

    def _get_split_blParaFunc(self):  # noqa: N802 - reportlab's name
        return rejoin if self._chinese else super()._get_split_blParaFunc()

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        if self._wrapped is not None and self._wrapped[0] == availWidth and hasattr(self, "blPara"):
            return self._wrapped[1]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part._wrapped = None  # each part has its own lines
        return parts[:1] + pieces(parts[1], availWidth, first=False) if len(parts) == 2 else parts


def pieces(para: Para, width: float, first: bool = True) -> list[Para]:
    """`para` cut at `width` into paragraphs of CHUNK_LINES lines, so that no later split is slow."""
    para.wrap(width, 1e9)
    lines, cut = len(para.blPara.lines), para._get_split_blParaFunc()
    if lines <= 2 * CHUNK_LINES:
        return [para]
    return [Para(None, joined(para.style, first and start == 0, end == lines), frags=cut(para.blPara, start, end),
                  bulletText=para.bulletText if start == 0 else None)
            for start, end in ((s, min(s + CHUNK_LINES, lines)) for s in range(0, lines, CHUNK_LINES))]


def cut_long(flowables: list, width: float) -> list:
    """Long paragraphs cut into pieces up front, for cells and callouts (tables keep two parts of a split)."""
    return [piece for f in flowables for piece in
            (pieces(f, width) if isinstance(f, Para) and len(f.text or "") > 40 * CHUNK_LINES else [f])]


class Heading(Para):
    """A heading paragraph that knows its outline level and text (a split heading's first part keeps them)."""

    def __init__(self, text, style: ParagraphStyle, level: int = 0, outline: str = "", **kwargs) -> None:
        super().__init__(text, style, **kwargs)
        self.outline_level, self.outline_text = level, outline

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        parts = super().split(availWidth, availHeight)
        if parts and parts[0] is not self:
            parts[0].outline_level, parts[0].outline_text = self.outline_level, self.outline_text
        return parts

