"""Write a document tree as PDF with reportlab, in the house style: blocks to flowables, pages, the file."""

from __future__ import annotations

import datetime as dt
import os
from typing import BinaryIO

from ..errors import BriefgenError
from .pdf_lazy import defer_pillow, import_paragraph

defer_pillow()  # before reportlab, which imports Pillow as it loads
try:
    from reportlab.lib.colors import HexColor  # noqa: F401 - reportlab's import reads ~/.reportlab_mods: HOME must be usable
except OSError as exc:
    raise BriefgenError(f"cannot load the PDF library: HOME ('{os.path.expanduser('~')}') is not a folder it can "
                        f"read ({exc.strerror}); set HOME to your home folder") from None
import_paragraph()  # before reportlab.platypus: saves compiling a pattern this writer rarely needs
from reportlab.pdfgen.canvas import Canvas  # noqa: E402
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Frame, PageBreak, PageTemplate, Spacer, Table,
                                TableStyle)
from reportlab.platypus.flowables import HRFlowable
from reportlab.platypus.tableofcontents import TableOfContents

from .. import tree
from ..style import HouseStyle, column_fractions, house_style
from ..textsafe import shorten, strip_controls, xml_escape as escape
from ..figures.layout import layout
from .pdf_figure import figure_flowables
from .pdf_paragraphs import Heading as _Heading, Para as _Para, cut_long as _cut_long, inline_markup as _markup
from .pdf_scripts import check_document, draw_runs, fonts_in_use, markup
from .pdf_styles import Styles as _Styles, styles_for as _styles
from .pdf_table_note import NotedTable
from .pdf_tuning import forget_widths



# -- blocks ---------------------------------------------------------------------------------------
class _Translator(tree.Visitor):
    """Turns tree blocks into reportlab flowables for one document."""

    def __init__(self, style: HouseStyle, styles: _Styles, width: float) -> None:
        self.style = style
        self.styles = styles
        self.width = width
        self.link = style.colour("link").hex
        self.figure_label = tree.Metadata.figure_label  # the brief's own, in its language, once laid out

    def flowables(self, blocks: tuple[tree.Block, ...]) -> list:
        out: list = []
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            after = blocks[index + 2:index + 4]
            if isinstance(block, tree.SourceNote) and index and isinstance(blocks[index - 1], tree.Table):
                continue  # drawn with its table
            made = self.heading(block, following, *after) if isinstance(block, tree.Heading) else self.visit(block)
            if isinstance(block, tree.Table) and isinstance(following, tree.SourceNote):  # the note replaces the spacer
                note = self.visit(following)
                made = [NotedTable(made[0], note, note.style.spaceBefore)]
            if tree.leads_table(block, following):  # a table's caption keeps room for the header row and first row
                height = made.wrap(self.width, 1e9)[1] + self.style.paragraph_after + 4 * self.style.body_leading
                out.append(CondPageBreak(height))
            out.extend(made if isinstance(made, list) else [made])
        return out

    def heading(self, node: tree.Heading, following: tree.Block | None, after: tree.Block | None = None,
                then: tree.Block | None = None) -> list:
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
        elif tree.leads_table(following, after):  # a table's caption, then the table's header row and first row
            keep += self.style.paragraph_after + 4 * self.style.body_leading
        elif isinstance(following, tree.Paragraph) and tree.leads_table(after, then):  # an introduction, then those
            intro = _Para(self.inline(following.children), self.styles.body).wrap(self.width, 1e9)[1]
            keep += intro + 2 * self.style.paragraph_after + 2 * self.style.body_leading
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

    def visit_SourceNote(self, node: tree.SourceNote):
        return _Para(self.inline(node.children), self.styles.table_source)

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
        # a box up to a third of a page is kept whole, as Word keeps its one-row table (cantSplit)
        frame = self.style.page_height - self.style.margin_top - self.style.margin_bottom
        height = box.wrap(self.width, frame)[1]
        whole = [CondPageBreak(height)] if height <= frame / 3 else []
        return [*whole, box, Spacer(1, self.style.paragraph_after + 4)]

    def visit_References(self, node: tree.References):
        if node.run_in:  # one paragraph, each entry after its number: a one-page brief's sources
            text = "&nbsp;&nbsp; ".join(f"<b>{e.number}.</b>&nbsp;{self.inline(e.children)}" for e in node.entries)
            return [_Para(text, self.styles.run_in_references)]
        return [_Para(self.inline(e.children), self.styles.reference, bulletText=f"{e.number}.")
                for e in node.entries]

    def visit_PageBreak(self, node: tree.PageBreak):
        return PageBreak()

    def visit_Figure(self, node: tree.Figure):
        caption = _Para(f"<b>{escape(self.figure_label.format(number=node.number))}</b>{self.inline(node.caption)}", self.styles.caption)
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
                draw_runs(self, right, top, meta.page_label.format(page=page, total=total), font, style.running_size, anchor="end")
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


def prepare(language: str) -> None:
    """Load the styles and Latin fonts of a brief in `language` now (a batch does it once, before it forks)."""
    _styles(language)


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
    forget_widths()
    with fonts_in_use(styles.fonts):
        _lay_out(document, template, styles, style)


def _lay_out(document: tree.Document, template: _BriefTemplate, styles: _Styles, style: HouseStyle) -> None:
    meta = document.metadata
    translator = _Translator(style, styles, style.frame_width)
    translator.figure_label = meta.figure_label
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
