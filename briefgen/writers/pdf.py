"""Write a document tree as PDF with reportlab, in the house style (the only reportlab user)."""

from __future__ import annotations

import datetime as dt
import os
import re
from functools import lru_cache
from typing import BinaryIO

from ..errors import BriefgenError

try:
    from reportlab.lib.colors import HexColor  # reportlab's import reads ~/.reportlab_mods: HOME must be usable
except OSError as exc:
    raise BriefgenError(f"cannot load the PDF library: HOME ('{os.path.expanduser('~')}') is not a folder it can "
                        f"read ({exc.strerror}); set HOME to your home folder") from None
from .pdf_lazy import import_paragraph

import_paragraph()  # before reportlab.platypus: saves compiling a pattern this writer rarely needs
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Frame, PageBreak, PageTemplate, Paragraph, Spacer,
                                Table, TableStyle)
from reportlab.platypus.flowables import HRFlowable
from reportlab.platypus.tableofcontents import TableOfContents

from .. import tree
from ..style import HouseStyle, column_fractions, house_style
from ..textsafe import shorten, strip_controls, xml_attribute as quoteattr, xml_escape as escape
from ..figures.layout import layout
from .pdf_figure import figure_flowables
from .pdf_fonts import register_families as _families
from .pdf_linebreak import ChineseFrags, break_lines, rejoin
from .pdf_scripts import BriefFonts, check_document, current, draw_runs, fonts_in_use, markup, split_frags

URL_BREAKS = re.compile(r"[/._?&=]+|(?=[-%])")  # a URL may break after these, or before a hyphen or %-escape
CHUNK_LINES = 12  # a paragraph split across pages continues as paragraphs of this many lines (linear layout time)


# -- fonts and paragraph styles ------------------------------------------------------------------
class _Styles:
    """ParagraphStyles derived from the house style for one script."""

    def __init__(self, style: HouseStyle, language: str) -> None:
        body, display = _families(style.latin)  # Latin text is in the Latin faces in a brief of any language
        self.fonts = BriefFonts(style.latin, style.east_asian(language))
        self.language = language
        self.body_family, self.display_family = body, display
        self.display_bold = f"{display}-bold"
        text, accent, muted = (HexColor("#" + style.colour(n).hex) for n in ("text", "accent", "muted"))
        self.colours = {name: HexColor("#" + colour.hex) for name, colour in style.colours.items()}
        base = dict(fontName=f"{body}-regular", textColor=text, splitLongWords=1, allowWidows=0, allowOrphans=0)
        self.body = ParagraphStyle("Body", fontSize=style.body_size, leading=style.body_leading,
                                   spaceAfter=style.paragraph_after, **base)
        self.list_item = ParagraphStyle("ListItem", parent=self.body, spaceAfter=style.list_item_after)
        self.list_indent = style.list_indent
        self.list_levels: list[ParagraphStyle] = []

        def derived(name: str, font: str, size: float, leading: float, colour, after: float, parent=self.body, **more):
            return ParagraphStyle(name, parent=parent, fontName=font, fontSize=size, leading=leading,
                                  textColor=colour, spaceAfter=after, **more)

        bold, regular = self.display_bold, f"{display}-regular"
        self.title = derived("Title", bold, style.title_size, style.title_leading, accent, 6)
        self.subtitle = derived("Subtitle", regular, style.subtitle_size, style.subtitle_size * 1.3, muted, 4)
        self.byline = derived("Byline", regular, style.byline_size, style.byline_size * 1.35, text, 0)
        self.headings = {level: derived(f"Heading{level}", bold, spec.size, spec.size * 1.25,
                                        accent if level < 3 else text, spec.after, spaceBefore=spec.before)
                         for level, spec in style.headings.items()}
        self.callout_title = derived("CalloutTitle", bold, style.callout_title_size, style.callout_title_size * 1.25,
                                     accent, 4)
        self.cell = derived("Cell", f"{body}-regular", style.table_size, style.table_leading, text, 0)
        self.header_cell = derived("HeaderCell", bold, style.table_size, style.table_leading,
                                   self.colours["table_header_text"], 0, parent=self.cell)
        self.caption = derived("Caption", regular, style.figure_caption_size, style.figure_caption_size * 1.3, text,
                               4, keepWithNext=1)
        self.figure_source = derived("FigureSource", f"{body}-regular", style.figure_source_size,
                                     style.figure_source_size * 1.3, muted, 0, spaceBefore=4)
        # numbers in the body face; URLs break only at their punctuation (see _url_break_pairs), never mid-word
        self.reference = derived("Reference", f"{body}-regular", style.references_size, style.references_leading,
                                 text, 3, leftIndent=20, bulletIndent=0, bulletFontName=f"{body}-regular",
                                 bulletFontSize=style.references_size, splitLongWords=0, uriWasteReduce=0.3)

    def heading(self, level: int) -> ParagraphStyle:
        return self.headings[min(level, max(self.headings))]

    def contents_level(self, level: int) -> ParagraphStyle:
        """A contents-list entry: level 0 in the display face, deeper levels indented in the body face."""
        if level == 0:
            return ParagraphStyle("Contents0", parent=self.body, fontName=self.display_bold, spaceBefore=4, spaceAfter=1)
        return ParagraphStyle(f"Contents{level}", parent=self.body, leftIndent=14 * level, spaceAfter=0)

    def list_level(self, depth: int) -> ParagraphStyle:
        """The item style for a list nested `depth` levels deep: a hanging marker, indented per level."""
        while depth >= len(self.list_levels):
            indent = self.list_indent * (len(self.list_levels) + 1)
            self.list_levels.append(ParagraphStyle(
                f"ListItem{len(self.list_levels)}", parent=self.list_item, leftIndent=indent, bulletIndent=indent
                - self.list_indent + 2, bulletFontName=self.list_item.fontName, bulletColor=self.colours["accent"]))
        return self.list_levels[depth]


@lru_cache(maxsize=4)
def _styles(language: str) -> _Styles:
    return _Styles(house_style(), language)


# -- URL line breaks ----------------------------------------------------------------------------
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
def _markup(nodes: tuple[tree.Inline, ...], link_colour: str) -> str:
    """reportlab paragraph markup for inlines; all text is escaped, so user text stays data."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, tree.Text):
            out.append(escape(strip_controls(node.text)))
        elif isinstance(node, tree.Strong):
            out.append(f"<b>{_markup(node.children, link_colour)}</b>")
        elif isinstance(node, tree.Emphasis):
            out.append(f"<i>{_markup(node.children, link_colour)}</i>")
        elif isinstance(node, tree.Link):
            out.append(f"<a href={quoteattr(node.url)} color=\"#{link_colour}\">{_markup(node.children, link_colour)}</a>")
        elif isinstance(node, tree.Citation):
            out.append(f"<super>{tree.citation_label(node.numbers)}</super>")
        else:  # pragma: no cover - the tree is closed
            raise NotImplementedError(type(node).__name__)
    return "".join(out)


@lru_cache(maxsize=None)
def _joined(style: ParagraphStyle, first: bool, last: bool) -> ParagraphStyle:
    """`style` for one piece of a split paragraph: space before only the first, after only the last."""
    return ParagraphStyle(f"{style.name}-{first:d}{last:d}", parent=style, spaceBefore=style.spaceBefore * first,
                          spaceAfter=style.spaceAfter * last)


class _Para(Paragraph):
    """A paragraph that remembers its line breaks for a width (tables wrap cells more than once).

    reportlab breaks the lines of a split paragraph's remainder again on every page, which made
    long text quadratic; here the remainder is broken once and goes on as pieces (see _pieces).
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
        return parts[:1] + _pieces(parts[1], availWidth, first=False) if len(parts) == 2 else parts


def _pieces(para: _Para, width: float, first: bool = True) -> list[_Para]:
    """`para` cut at `width` into paragraphs of CHUNK_LINES lines, so that no later split is slow."""
    para.wrap(width, 1e9)
    lines, cut = len(para.blPara.lines), para._get_split_blParaFunc()
    if lines <= 2 * CHUNK_LINES:
        return [para]
    return [_Para(None, _joined(para.style, first and start == 0, end == lines), frags=cut(para.blPara, start, end),
                  bulletText=para.bulletText if start == 0 else None)
            for start, end in ((s, min(s + CHUNK_LINES, lines)) for s in range(0, lines, CHUNK_LINES))]


def _cut_long(flowables: list, width: float) -> list:
    """Long paragraphs cut into pieces up front, for cells and callouts (tables keep two parts of a split)."""
    return [piece for f in flowables for piece in
            (_pieces(f, width) if isinstance(f, _Para) and len(f.text or "") > 40 * CHUNK_LINES else [f])]


class _Heading(_Para):
    """A heading paragraph that knows its outline level and text (a split heading's first part keeps them)."""

    def __init__(self, text, style: ParagraphStyle, level: int = 0, outline: str = "", **kwargs) -> None:
        super().__init__(text, style, **kwargs)
        self.outline_level, self.outline_text = level, outline

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        parts = super().split(availWidth, availHeight)
        if parts and parts[0] is not self:
            parts[0].outline_level, parts[0].outline_text = self.outline_level, self.outline_text
        return parts


# -- blocks ---------------------------------------------------------------------------------------
class _Translator(tree.Visitor):
    """Turns tree blocks into reportlab flowables for one document."""

    def __init__(self, style: HouseStyle, styles: _Styles, width: float) -> None:
        self.style = style
        self.styles = styles
        self.width = width
        self.link = style.colour("link").hex

    def flowables(self, blocks: tuple[tree.Block, ...]) -> list:
        out: list = []
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            made = self.heading(block, following) if isinstance(block, tree.Heading) else self.visit(block)
            out.extend(made if isinstance(made, list) else [made])
        return out

    def heading(self, node: tree.Heading, following: tree.Block | None) -> list:
        """A heading behind a conditional page break that keeps it (all its lines) with the start of its text.

        Far cheaper than keepWithNext; a heading followed by a subheading or a table keeps room for both.
        """
        style = self.styles.heading(node.level)
        keep = style.spaceBefore + style.leading + style.spaceAfter + 3 * self.style.body_leading
        if isinstance(following, tree.Heading):
            sub = self.styles.heading(following.level)
            keep += sub.spaceBefore + sub.leading + sub.spaceAfter
        elif isinstance(following, (tree.Table, tree.Callout)):
            keep += 3 * self.style.body_leading  # room for a table's header row and first row
        elif isinstance(following, tree.Figure):  # the whole figure: it never splits from its heading
            keep += layout(following.spec, round(self.width, 2), self.styles.language).height + 50
        heading = _Heading(self.inline(node.children), style, node.level, strip_controls(tree.plain_text(node.children)))
        keep += heading.wrap(self.width, 1e9)[1] - style.leading
        half_page = (self.style.page_height - self.style.margin_top - self.style.margin_bottom) / 2
        return [CondPageBreak(min(keep, half_page)), heading]  # a heading longer than that may split

    def inline(self, nodes: tuple[tree.Inline, ...]) -> str:
        return _markup(nodes, self.link)

    def visit_Heading(self, node: tree.Heading):
        return self.heading(node, None)

    def visit_Paragraph(self, node: tree.Paragraph):
        return _Para(self.inline(node.children), self.styles.body)

    def _list(self, items: tuple[tree.ListItem, ...], numbered: bool, start: int = 1, depth: int = 0) -> list:
        """List items as paragraphs with hanging markers (much cheaper to lay out than ListFlowable)."""
        style = self.styles.list_level(depth)
        out: list = []
        for number, item in enumerate(items, start):
            marker: str | None = f"{number}." if numbered else "•"
            for block in item.blocks:
                if isinstance(block, tree.Paragraph):
                    out.append(_Para(self.inline(block.children), style, bulletText=marker))
                    marker = None
                elif isinstance(block, (tree.BulletList, tree.OrderedList)):
                    ordered = isinstance(block, tree.OrderedList)
                    out += self._list(block.items, ordered, block.start if ordered else 1, depth + 1)
                else:
                    out += self.flowables((block,))
        if depth == 0 and out:
            out.append(Spacer(1, self.style.paragraph_after - self.style.list_item_after))
        return out

    def visit_BulletList(self, node: tree.BulletList):
        return self._list(node.items, numbered=False)

    def visit_OrderedList(self, node: tree.OrderedList):
        return self._list(node.items, numbered=True, start=node.start)

    def visit_Table(self, node: tree.Table):
        widths = self.column_widths(node)
        grid = [list(row) + [()] * (len(widths) - len(row)) for row in (node.header, *node.rows)]
        pad = self.style.table_padding
        cells = [
            [_cut_long([_Para(self.inline(cell), self.styles.header_cell if i == 0 else self.styles.cell)],
                       width - 2 * (pad + 1)) for cell, width in zip(row, widths)]
            for i, row in enumerate(grid)
        ]
        everywhere = ((0, 0), (-1, -1))
        commands = [("FONT", *everywhere, f"{self.styles.body_family}-regular", self.style.table_size),  # not Helvetica
                    ("BACKGROUND", (0, 0), (-1, 0), self.styles.colours["table_header_fill"]),
                    ("VALIGN", *everywhere, "TOP"), ("LINEBELOW", *everywhere, 0.5, self.styles.colours["rule"]),
                    ("TOPPADDING", *everywhere, pad), ("BOTTOMPADDING", *everywhere, pad + 1),
                    ("LEFTPADDING", *everywhere, pad + 1), ("RIGHTPADDING", *everywhere, pad + 1)]
        commands += [("BACKGROUND", (0, r), (-1, r), self.styles.colours["table_stripe_fill"])
                     for r in range(2, len(grid), 2)]
        table = Table(cells, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
        table.setStyle(TableStyle(commands))
        return [table, Spacer(1, self.style.paragraph_after + 2)]

    def column_widths(self, node: tree.Table) -> list[float]:
        """The house proportions, but no column narrower than an em of text; too many columns is an error."""
        fractions = column_fractions(node)
        least = 2 * (self.style.table_padding + 1) + self.style.table_size
        if len(fractions) * least > self.width:
            header = shorten(" | ".join(tree.plain_text(cell) for cell in node.header), 60)
            raise BriefgenError(f"the table {f'headed {header!r}' if header else 'with no header'} has "
                                f"{len(fractions)} columns; a PDF page holds at most {int(self.width // least)}: "
                                "split it into narrower tables")
        narrow: set[int] = set()  # columns held at the least width; the rest share what is left
        while True:
            free, share = self.width - least * len(narrow), sum(f for i, f in enumerate(fractions) if i not in narrow)
            widths = [least if i in narrow else free * f / share for i, f in enumerate(fractions)]
            if not (more := {i for i, width in enumerate(widths) if width < least} - narrow):
                return widths
            narrow |= more

    def visit_Callout(self, node: tree.Callout):
        pad = self.style.callout_padding
        inner = _Translator(self.style, self.styles, self.width - 2 * pad - self.style.callout_border_width)
        rows = [[_Para(escape(strip_controls(node.title)), self.styles.callout_title)]] if node.title else []
        rows += [[flowable] for flowable in _cut_long(inner.flowables(node.blocks), self.width - 2 * pad - 2)]
        if not rows:
            return []
        box = Table(rows, colWidths=[self.width], hAlign="LEFT", splitInRow=1)  # longer than a page: it splits
        everywhere = ((0, 0), (-1, -1))
        box.setStyle(TableStyle([
            ("FONT", *everywhere, f"{self.styles.body_family}-regular", self.style.body_size),  # not Helvetica
            ("BACKGROUND", *everywhere, self.styles.colours["callout_fill"]),
            ("LINEBEFORE", (0, 0), (0, -1), self.style.callout_border_width, self.styles.colours["accent"]),
            ("LEFTPADDING", *everywhere, pad + 2), ("RIGHTPADDING", *everywhere, pad),
            ("TOPPADDING", *everywhere, 1), ("BOTTOMPADDING", *everywhere, 1),
            ("TOPPADDING", (0, 0), (-1, 0), pad), ("BOTTOMPADDING", (0, -1), (-1, -1), pad - 2),
        ]))
        return [box, Spacer(1, self.style.paragraph_after + 4)]

    def visit_References(self, node: tree.References):
        return [_Para(self.inline(e.children), self.styles.reference, bulletText=f"{e.number}.")
                for e in node.entries]

    def visit_PageBreak(self, node: tree.PageBreak):
        return PageBreak()

    def visit_Figure(self, node: tree.Figure):
        caption = _Para(f"<b>{node.label}.</b> {self.inline(node.caption)}", self.styles.caption)
        source = _Para(self.inline(node.source), self.styles.figure_source) if node.source else None
        room = self.style.page_height - self.style.margin_top - self.style.margin_bottom - 80
        fonts = (f"{self.styles.display_family}-regular", self.styles.display_bold)
        return figure_flowables(caption, node.spec, source, self.width, fonts, room, self.styles.language,
                                Spacer(1, self.style.paragraph_after + 2))

    def visit_Contents(self, node: tree.Contents):
        contents = TableOfContents(dotsMinLevel=0, tableStyle=TableStyle([  # reportlab's, in the body face
            ("FONT", (0, 0), (-1, -1), f"{self.styles.body_family}-regular", self.style.body_size),
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        contents.levelStyles = [self.styles.contents_level(level) for level in range(node.depth)]
        contents.briefgen_depth = node.depth
        return [_Para(escape(strip_controls(node.title)), self.styles.heading(1)), contents]


# -- pages ----------------------------------------------------------------------------------------
def _title_block(meta: tree.Metadata, styles: _Styles, style: HouseStyle) -> list:
    clean = lambda text: escape(strip_controls(text))  # noqa: E731
    flowables = [_Para(clean(meta.title), styles.title), _Para(clean(meta.subtitle), styles.subtitle)]
    byline = meta.byline
    if byline:
        flowables.append(_Para(clean(byline), styles.byline))
    rule = HRFlowable(width="100%", thickness=1.2, color=styles.colours["accent"], spaceAfter=style.title_after)
    return flowables + [Spacer(1, 8), rule]


def _canvas_class(meta: tree.Metadata, styles: _Styles, style: HouseStyle) -> type[Canvas]:
    """A canvas that holds pages back until the end, so each header can say 'Page X of Y'."""
    day = dt.date.fromisoformat(meta.date)
    pdf_date = f"D:{day:%Y%m%d}000000+00'00'"  # midnight UTC, as the DOCX core properties give it

    class RunningHeaderCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict] = []
            self.setDateFormatter(lambda *_: pdf_date)  # created and modified on the brief's date, not reportlab's 2000

        def showPage(self) -> None:
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            for state in self._held_pages:
                self.__dict__.update(state)
                self._draw_running_header(total)
                super().showPage()
            super().save()

        def _draw_running_header(self, total: int) -> None:
            page, left, right = self._pageNumber, style.margin_left, style.page_width - style.margin_right
            top = style.page_height - style.header_distance
            self.saveState()
            self.setStrokeColor(styles.colours["accent"])
            if page == 1:
                self.setLineWidth(5)
                self.line(left, style.page_height - 28, right, style.page_height - 28)
            else:
                font = f"{styles.display_family}-regular"
                self.setFillColor(styles.colours["muted"])
                draw_runs(self, left, top, strip_controls(meta.short_title), font, style.running_size)
                draw_runs(self, right, top, f"Page {page} of {total}", font, style.running_size, align_right=True)
                self.setStrokeColor(styles.colours["rule"])
                self.setLineWidth(0.6)
                self.line(left, top - 5, right, top - 5)
            self.restoreState()

    return RunningHeaderCanvas


class _BriefTemplate(BaseDocTemplate):
    """Adds a PDF outline entry (bookmark) and a contents-list entry for every heading as it is placed."""

    contents_depth = 0
    contents_fonts: list[str] = []  # the font of each contents level, for Chinese runs in its entries

    def contents_entry(self, level: int, text: str) -> str:
        return markup(strip_controls(text), self.contents_fonts[level])

    def beforeDocument(self) -> None:  # called at the start of every layout pass
        self._outline_depth = -1
        self._outline_count = 0

    def afterFlowable(self, flowable) -> None:
        if not isinstance(flowable, _Heading) or not flowable.outline_level:
            return  # not a heading, or the continuation of one split across pages
        level = min(flowable.outline_level - 1, self._outline_depth + 1)
        self._outline_depth = level
        self._outline_count += 1
        key = f"heading-{self._outline_count}"
        top = self.frame._y + flowable.height + flowable.getSpaceBefore()  # the heading's top edge on the page
        self.canv.bookmarkPage(key, fit="XYZ", left=0, top=top, zoom=0)  # a position, as PDF viewers expect
        self.canv.addOutlineEntry(flowable.outline_text or "(untitled)", key, level=level, closed=False)
        if flowable.outline_level <= self.contents_depth:
            self.notify("TOCEntry", (flowable.outline_level - 1, self.contents_entry(flowable.outline_level - 1,
                                                                                     flowable.outline_text),
                                     self.page, key))


def _expected_contents(blocks: tuple[tree.Block, ...], template: _BriefTemplate) -> list[tuple[int, str, int, str]]:
    """The contents entries _BriefTemplate will make, with page 1 for every page number still to come."""
    entries, count = [], 0
    for block in blocks:
        if isinstance(block, tree.Heading) and block.level:
            count += 1
            if block.level <= template.contents_depth:
                entries.append((block.level - 1, template.contents_entry(block.level - 1, tree.plain_text(block.children)),
                                1, f"heading-{count}"))
    return entries


def write(document: tree.Document, stream: BinaryIO) -> None:
    """Lay out `document` on A4 pages and write the PDF to `stream`."""
    style = house_style()
    meta = document.metadata
    styles = _styles(meta.language)
    check_document(document, styles.fonts)
    clean = strip_controls
    template = _BriefTemplate(
        stream, pagesize=(style.page_width, style.page_height), leftMargin=style.margin_left,
        rightMargin=style.margin_right, topMargin=style.margin_top, bottomMargin=style.margin_bottom,
        title=clean(meta.title), author=clean(", ".join(p for p in (meta.author, meta.organisation) if p.strip())),
        subject=clean(meta.subject), keywords=[clean(k) for k in meta.keywords], creator="briefgen",
        producer="briefgen (reportlab)", lang=meta.language, invariant=1, pageCompression=1,
        initialFontName=f"{styles.body_family}-regular",  # not reportlab's Helvetica, which is never embedded
    )
    height = style.page_height - style.margin_top - style.margin_bottom
    frame = Frame(style.margin_left, style.margin_bottom, style.frame_width, height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    with fonts_in_use(styles.fonts):
        _lay_out(document, template, styles, style)


def _lay_out(document: tree.Document, template: _BriefTemplate, styles: _Styles, style: HouseStyle) -> None:
    meta = document.metadata
    translator = _Translator(style, styles, style.frame_width)
    story = _title_block(meta, styles, style) + translator.flowables(document.blocks)
    canvas = _canvas_class(meta, styles, style)
    contents = [f for f in story if isinstance(f, TableOfContents)]
    if contents:  # page numbers in a contents list need a second layout pass
        template.contents_depth = max(c.briefgen_depth for c in contents)
        template.contents_fonts = [styles.contents_level(level).fontName for level in range(template.contents_depth)]
        expected = _expected_contents(document.blocks, template)
        for listing in contents:  # laid out full size from the first pass, so two passes settle it, not three
            listing._entries = list(expected)  # reportlab's own list, copied to the last pass's entries first
        template.multiBuild(story, canvasmaker=canvas)
    else:
        template.build(story, canvasmaker=canvas)
