"""Write a document tree as DOCX with python-docx, in the house style (the only docx user)."""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from .. import tree
from ..style import HouseStyle, ScriptFonts, house_style
from ..textsafe import strip_xml_illegal

LIST_STYLES = {("bullet", 1): "List Bullet", ("bullet", 2): "List Bullet 2", ("bullet", 3): "List Bullet 3",
               ("number", 1): "List Number", ("number", 2): "List Number 2", ("number", 3): "List Number 3"}


def _rgb(style: HouseStyle, name: str) -> RGBColor:
    return RGBColor(*style.colour(name).rgb)


def _set_fonts(rpr_owner, family: str) -> None:
    """Point every script slot of a run or style at `family`, dropping theme-font overrides."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme"):
            del fonts.attrib[attribute]
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), family)


def _border(parent, edge: str, size_pt: float, colour: str, space: int = 1) -> None:
    """Add a single-line border (size in points) on one edge of a pBdr or tcBorders element."""
    element = OxmlElement(f"w:{edge}")
    element.set(qn("w:val"), "single" if size_pt else "nil")
    element.set(qn("w:sz"), str(int(size_pt * 8)))
    element.set(qn("w:space"), str(space))
    element.set(qn("w:color"), colour)
    parent.append(element)


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _paragraph_rule(paragraph, edge: str, size_pt: float, colour: str, space: int = 4) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    _border(borders, edge, size_pt, colour, space)
    ppr.append(borders)


# -- styles ---------------------------------------------------------------------------------------
def _paragraph_style(document, name: str, base: str | None = None):
    styles = document.styles
    if name in [s.name for s in styles]:
        return styles[name]
    created = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base:
        created.base_style = styles[base]
    created.quick_style = True
    return created


def _configure(document, style: HouseStyle, fonts: ScriptFonts, language: str) -> None:
    text, accent, muted = (_rgb(style, n) for n in ("text", "accent", "muted"))

    def shape(name, family, size, colour, bold=False, before=0.0, after=0.0, leading=None, base=None):
        target = _paragraph_style(document, name, base)
        _set_fonts(target.element, family)
        target.font.size = Pt(size)
        target.font.bold = bold
        target.font.italic = False
        target.font.color.rgb = colour
        fmt = target.paragraph_format
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.line_spacing = Pt(leading) if leading else None
        return target

    normal = shape("Normal", fonts.docx_body, style.body_size, text, after=style.paragraph_after,
                   leading=style.body_leading)
    normal.paragraph_format.widow_control = True
    lang = OxmlElement("w:lang")
    for slot in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(slot), language)
    normal.element.get_or_add_rPr().append(lang)

    for level, spec in style.headings.items():
        heading = shape(f"Heading {level}", fonts.docx_display, spec.size, accent if level < 3 else text,
                        bold=True, before=spec.before, after=spec.after, leading=spec.size * 1.25)
        heading.paragraph_format.keep_with_next = True
    title = shape("Title", fonts.docx_display, style.title_size, accent, bold=True, after=6,
                  leading=style.title_leading)
    ppr = title.element.get_or_add_pPr()
    for old in ppr.findall(qn("w:pBdr")):
        ppr.remove(old)
    shape("Subtitle", fonts.docx_display, style.subtitle_size, muted, after=4, leading=style.subtitle_size * 1.3)
    shape("Byline", fonts.docx_display, style.byline_size, text, leading=style.byline_size * 1.35, base="Normal")
    shape("Callout Title", fonts.docx_display, style.callout_title_size, accent, bold=True, after=4,
          leading=style.callout_title_size * 1.25, base="Normal")
    shape("Table Text", fonts.docx_body, style.table_size, text, leading=style.table_leading, base="Normal")
    reference = shape("Reference", fonts.docx_body, style.references_size, text, after=3,
                      leading=style.references_leading, base="Normal")
    reference.paragraph_format.left_indent = Pt(20)
    reference.paragraph_format.first_line_indent = Pt(-20)
    for name in ("Header", "Footer"):
        shape(name, fonts.docx_display, style.running_size, muted)
    for (kind, depth), name in LIST_STYLES.items():
        shape(name, fonts.docx_body, style.body_size, text, after=style.list_item_after,
              leading=style.body_leading)


def _page(section, style: HouseStyle) -> None:
    section.page_width, section.page_height = Pt(style.page_width), Pt(style.page_height)
    section.left_margin, section.right_margin = Pt(style.margin_left), Pt(style.margin_right)
    section.top_margin, section.bottom_margin = Pt(style.margin_top), Pt(style.margin_bottom)
    section.header_distance = Pt(style.header_distance - style.running_size)
    section.footer_distance = Pt(style.header_distance - style.running_size)


def _field(paragraph, instruction: str, shown: str) -> None:
    """A complex field such as PAGE or NUMPAGES, with a cached result Word refreshes."""
    def char(kind: str):
        run = paragraph.add_run()
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    char("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    char("separate")
    paragraph.add_run(shown)
    char("end")


def _running_header(section, meta: tree.Metadata, style: HouseStyle) -> None:
    section.different_first_page_header_footer = True
    first = section.first_page_header.paragraphs[0]
    _paragraph_rule(first, "bottom", 4.5, style.colour("accent").hex, space=1)
    header = section.header.paragraphs[0]
    header.style = "Header"
    header.paragraph_format.tab_stops.clear_all()
    header.paragraph_format.tab_stops.add_tab_stop(Pt(style.frame_width), WD_TAB_ALIGNMENT.RIGHT)
    header.add_run(strip_xml_illegal(meta.short_title) + "\t" + "Page ")
    _field(header, "PAGE", "2")
    header.add_run(" of ")
    _field(header, "NUMPAGES", "2")
    _paragraph_rule(header, "bottom", 0.6, style.colour("rule").hex, space=4)


# -- content --------------------------------------------------------------------------------------
class _Translator(tree.Visitor):
    """Appends tree blocks to a python-docx container (the body or a table cell)."""

    def __init__(self, document, style: HouseStyle, container, depth: int = 1) -> None:
        self.document = document
        self.style = style
        self.container = container
        self.depth = depth

    def blocks(self, blocks: tuple[tree.Block, ...]) -> None:
        for block in blocks:
            self.visit(block)

    def inlines(self, paragraph, nodes: tuple[tree.Inline, ...], bold=False, italic=False, target=None) -> None:
        for node in nodes:
            if isinstance(node, tree.Text):
                run = self._run(paragraph, target, strip_xml_illegal(node.text))
                run.bold = bold or None
                run.italic = italic or None
            elif isinstance(node, tree.Strong):
                self.inlines(paragraph, node.children, True, italic, target)
            elif isinstance(node, tree.Emphasis):
                self.inlines(paragraph, node.children, bold, True, target)
            elif isinstance(node, tree.Link):
                self.inlines(paragraph, node.children, bold, italic, target=self._hyperlink(paragraph, node.url))
            elif isinstance(node, tree.Citation):
                run = self._run(paragraph, target, tree.citation_label(node.numbers))
                run.font.superscript = True
            else:  # pragma: no cover - the tree is closed
                raise NotImplementedError(type(node).__name__)

    def _run(self, paragraph, target, text: str):
        run = paragraph.add_run(text)
        if target is not None:
            target.append(run._r)
            run.font.color.rgb = _rgb(self.style, "link")
            run.font.underline = True
        return run

    def _hyperlink(self, paragraph, url: str):
        relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), relation)
        paragraph._p.append(link)
        return link

    def paragraph(self, nodes: tuple[tree.Inline, ...], style_name: str | None = None):
        paragraph = self.container.add_paragraph(style=style_name)
        self.inlines(paragraph, nodes)
        return paragraph

    def visit_Heading(self, node: tree.Heading) -> None:
        self.paragraph(node.children, f"Heading {min(node.level, max(self.style.headings))}")

    def visit_Paragraph(self, node: tree.Paragraph) -> None:
        self.paragraph(node.children, "Table Text" if self.depth > 1 and isinstance(self.container, _Cell) else None)

    def _list(self, items: tuple[tree.ListItem, ...], kind: str, start: int = 1) -> None:
        style_name = LIST_STYLES[(kind, min(self.depth, 3))]
        number_id = self._restart_numbering(style_name, start) if kind == "number" else None
        for item in items:
            first = True
            for block in item.blocks:
                if isinstance(block, tree.Paragraph) and first:
                    paragraph = self.paragraph(block.children, style_name)
                    if number_id is not None:
                        self._number(paragraph, number_id)
                    first = False
                elif isinstance(block, (tree.BulletList, tree.OrderedList)):
                    _Translator(self.document, self.style, self.container, self.depth + 1).visit(block)
                else:
                    self.visit(block)

    def _restart_numbering(self, style_name: str, start: int) -> int:
        """A fresh numbering instance so each numbered list starts again at `start`."""
        numbering = self.document.part.numbering_part.numbering_definitions._numbering
        style_element = self.document.styles[style_name].element
        num_pr = style_element.pPr.numPr if style_element.pPr is not None else None
        if num_pr is None or num_pr.numId is None:
            return None  # type: ignore[return-value]
        base = numbering.num_having_numId(num_pr.numId.val)
        abstract = base.abstractNumId.val
        new = numbering.add_num(abstract)
        override = new.add_lvlOverride(ilvl=0)
        override.add_startOverride(start)
        return new.numId

    @staticmethod
    def _number(paragraph, number_id: int) -> None:
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = number_id

    def visit_BulletList(self, node: tree.BulletList) -> None:
        self._list(node.items, "bullet")

    def visit_OrderedList(self, node: tree.OrderedList) -> None:
        self._list(node.items, "number", node.start)

    def visit_Table(self, node: tree.Table) -> None:
        columns = max([len(node.header), *(len(r) for r in node.rows)])
        grid = [node.header, *node.rows]
        table = self.container.add_table(rows=len(grid), cols=columns)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        _table_borders(table, bottom=self.style.colour("rule").hex)
        for r, row in enumerate(grid):
            cells = table.rows[r].cells
            for c in range(columns):
                cell = cells[c]
                paragraph = cell.paragraphs[0]
                paragraph.style = self.document.styles["Table Text"]
                _cell_margins(cell, self.style.table_padding)
                if c < len(row):
                    self.inlines(paragraph, row[c], bold=r == 0)
                if r == 0:
                    _shade(cell, self.style.colour("table_header_fill").hex)
                    for run in paragraph.runs:
                        run.font.color.rgb = _rgb(self.style, "table_header_text")
                        _set_fonts(run._r, self.document.styles["Heading 1"].font.name)
                elif r % 2 == 0:
                    _shade(cell, self.style.colour("table_stripe_fill").hex)
        header_row = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header_row.append(repeat)
        self.container.add_paragraph().paragraph_format.space_after = Pt(2)

    def visit_Callout(self, node: tree.Callout) -> None:
        table = self.container.add_table(rows=1, cols=1)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        _table_borders(table, left=(self.style.colour("accent").hex, self.style.callout_border_width))
        cell = table.rows[0].cells[0]
        _shade(cell, self.style.colour("callout_fill").hex)
        _cell_margins(cell, self.style.callout_padding)
        first = cell.paragraphs[0]
        if node.title:
            first.style = self.document.styles["Callout Title"]
            first.add_run(strip_xml_illegal(node.title))
        inner = _Translator(self.document, self.style, _Cell(cell, first if not node.title else None), self.depth)
        inner.blocks(node.blocks)
        last = cell.paragraphs[-1]
        last.paragraph_format.space_after = Pt(2)
        self.container.add_paragraph().paragraph_format.space_after = Pt(2)

    def visit_References(self, node: tree.References) -> None:
        for entry in node.entries:
            paragraph = self.container.add_paragraph(style="Reference")
            paragraph.add_run(f"{entry.number}.\t")
            paragraph.paragraph_format.tab_stops.add_tab_stop(Pt(20))
            self.inlines(paragraph, entry.children)

    def visit_PageBreak(self, node: tree.PageBreak) -> None:
        self.container.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


class _Cell:
    """A table cell as a container whose first, empty paragraph is used before adding more."""

    def __init__(self, cell, spare) -> None:
        self.cell = cell
        self.spare = spare

    def add_paragraph(self, style=None):
        if self.spare is not None:
            paragraph, self.spare = self.spare, None
            if style:
                paragraph.style = style
            return paragraph
        return self.cell.add_paragraph(style=style)

    def add_table(self, rows: int, cols: int):
        return self.cell.add_table(rows, cols)


def _table_borders(table, bottom: str | None = None, left: tuple[str, float] | None = None) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if edge == "left" and left:
            _border(borders, edge, left[1], left[0], 0)
        elif bottom and edge in ("bottom", "insideH"):
            _border(borders, edge, 0.5, bottom, 0)
        else:
            _border(borders, edge, 0, "auto", 0)
    tbl_pr.append(borders)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), "5000")
    width.set(qn("w:type"), "pct")
    tbl_pr.append(width)


def _cell_margins(cell, padding_pt: float) -> None:
    margins = OxmlElement("w:tcMar")
    for edge in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(int(padding_pt * 20)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    cell._tc.get_or_add_tcPr().append(margins)


def _title_block(document, meta: tree.Metadata, style: HouseStyle) -> None:
    document.add_paragraph(strip_xml_illegal(meta.title), style="Title")
    subtitle = document.add_paragraph(strip_xml_illegal(meta.subtitle), style="Subtitle")
    byline_text = " · ".join(part for part in (meta.author, meta.organisation) if part.strip())
    last = document.add_paragraph(strip_xml_illegal(byline_text), style="Byline") if byline_text else subtitle
    last.paragraph_format.space_after = Pt(style.title_after)
    _paragraph_rule(last, "bottom", 1.2, style.colour("accent").hex, space=8)


def _properties(document, meta: tree.Metadata) -> None:
    clean = strip_xml_illegal
    props = document.core_properties
    props.title = clean(meta.title)[:255]
    props.author = clean(", ".join(p for p in (meta.author, meta.organisation) if p.strip()))[:255]
    props.subject = clean(meta.subject)[:255]
    props.keywords = clean("; ".join(meta.keywords))[:255]
    props.language = meta.language
    props.category = "Policy brief"
    props.comments = "Made with briefgen"
    props.last_modified_by = "briefgen"
    props.revision = 1
    stamp = dt.datetime.fromisoformat(meta.date)
    props.created = props.modified = stamp


def write(document: tree.Document, stream: BinaryIO) -> None:
    """Build the DOCX for `document` and save it to `stream`."""
    style = house_style()
    meta = document.metadata
    fonts = style.fonts_for(meta.language.split("-")[0])
    out = docx.Document()
    body = out.element.body
    for child in list(body):  # the default template's body holds one empty paragraph
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _configure(out, style, fonts, meta.language)
    section = out.sections[0]
    _page(section, style)
    _running_header(section, meta, style)
    _properties(out, meta)
    _title_block(out, meta, style)
    _Translator(out, style, out).blocks(document.blocks)
    out.save(stream)

