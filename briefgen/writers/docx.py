"""Write a document tree as DOCX in the house style (the only module that imports python-docx).

python-docx prepares a styled, empty package once per language; each brief's body is then
written as WordprocessingML text and parsed in one step, which is many times faster than
building it call by call.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from functools import lru_cache
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor

from .. import tree
from ..errors import BriefgenError
from ..figures.layout import layout
from ..figures.raster import png
from ..style import HouseStyle, ScriptFonts, column_fractions, house_style
from ..textsafe import strip_xml_illegal
from .docx_figure import NAMESPACES, inline_picture

LIST_STYLES = {("bullet", 1): "List Bullet", ("bullet", 2): "List Bullet 2", ("bullet", 3): "List Bullet 3",
               ("number", 1): "List Number", ("number", 2): "List Number 2", ("number", 3): "List Number 3"}
CONTENTS_STYLES = ("toc 1", "toc 2", "toc 3")
PARAGRAPH_STYLES = ("Normal", "Title", "Subtitle", "Byline", "Heading 1", "Heading 2", "Heading 3", "Callout Title",
                    "Table Text", "Reference", "Header", "TOC Heading", "Caption", "Figure", "Figure Source",
                    *CONTENTS_STYLES, *LIST_STYLES.values())
TWIPS_PER_POINT = 20
RUN_CHARS = 1_000_000  # XML parsers refuse text nodes over 10 MB, so longer text goes in several runs


# -- the prepared package: styles and page set-up, made once per language --------------------------
@dataclass(frozen=True)
class _Prepared:
    package: bytes
    style_ids: dict[str, str]
    number_abstracts: dict[str, str]  # list style name -> abstractNumId, for restarting numbering


def _set_fonts(rpr_owner, family: str) -> None:
    """Point every script slot of a style at `family`, dropping theme-font overrides."""
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


def _configure_styles(document, style: HouseStyle, fonts: ScriptFonts, language: str) -> None:
    text, accent, muted = (RGBColor(*style.colour(n).rgb) for n in ("text", "accent", "muted"))
    styles = document.styles
    existing = {s.name for s in styles}

    def shape(name, family, size, colour, bold=False, before=0.0, after=0.0, leading=None):
        if name in existing:
            target = styles[name]
        else:
            target = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            target.base_style = styles["Normal"]
            target.quick_style = True
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
    title = shape("Title", fonts.docx_display, style.title_size, accent, bold=True, after=6, leading=style.title_leading)
    for old in title.element.get_or_add_pPr().findall(qn("w:pBdr")):
        old.getparent().remove(old)
    shape("Subtitle", fonts.docx_display, style.subtitle_size, muted, after=4, leading=style.subtitle_size * 1.3)
    shape("Byline", fonts.docx_display, style.byline_size, text, leading=style.byline_size * 1.35)
    shape("Callout Title", fonts.docx_display, style.callout_title_size, accent, bold=True, after=4,
          leading=style.callout_title_size * 1.25).paragraph_format.keep_with_next = True
    shape("Table Text", fonts.docx_body, style.table_size, text, leading=style.table_leading)
    reference = shape("Reference", fonts.docx_body, style.references_size, text, after=3,
                      leading=style.references_leading)
    reference.paragraph_format.left_indent = Pt(20)
    reference.paragraph_format.first_line_indent = Pt(-20)
    reference.paragraph_format.tab_stops.add_tab_stop(Pt(20))
    for name in ("Header", "Footer"):
        shape(name, fonts.docx_display, style.running_size, muted)
    first = style.heading(1)
    shape("TOC Heading", fonts.docx_display, first.size, accent, bold=True, before=first.before, after=first.after,
          leading=first.size * 1.25)
    for level, name in enumerate(CONTENTS_STYLES, start=1):
        entry = shape(name, fonts.docx_display if level == 1 else fonts.docx_body, style.body_size, text,
                      bold=level == 1, before=4 if level == 1 else 0, after=1, leading=style.body_leading)
        entry.paragraph_format.left_indent = Pt(14 * (level - 1))
        entry.paragraph_format.tab_stops.add_tab_stop(Pt(style.frame_width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    shape("Caption", fonts.docx_display, style.figure_caption_size, text, before=4, after=4,
          leading=style.figure_caption_size * 1.3).paragraph_format.keep_with_next = True
    picture = shape("Figure", fonts.docx_body, style.body_size, text).paragraph_format
    picture.keep_with_next, picture.line_spacing = True, 1.0  # an exact line height would clip the picture
    shape("Figure Source", fonts.docx_body, style.figure_source_size, muted, before=4, after=style.paragraph_after + 4,
          leading=style.figure_source_size * 1.3)
    for name in LIST_STYLES.values():
        shape(name, fonts.docx_body, style.body_size, text, after=style.list_item_after, leading=style.body_leading)


def _configure_page(section, style: HouseStyle) -> None:
    section.page_width, section.page_height = Pt(style.page_width), Pt(style.page_height)
    section.left_margin, section.right_margin = Pt(style.margin_left), Pt(style.margin_right)
    section.top_margin, section.bottom_margin = Pt(style.margin_top), Pt(style.margin_bottom)
    section.header_distance = Pt(style.header_distance - style.running_size)
    section.footer_distance = Pt(style.header_distance - style.running_size)
    section.different_first_page_header_footer = True


@lru_cache(maxsize=4)
def _prepared(language: str) -> _Prepared:
    style = house_style()
    document = docx.Document()
    body = document.element.body
    for child in list(body):  # the default template's body holds one empty paragraph
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _configure_styles(document, style, style.fonts_for(language.split("-")[0]), language)
    _configure_page(document.sections[0], style)
    ids = {name: document.styles[name].style_id for name in PARAGRAPH_STYLES}
    numbering = document.part.numbering_part.element
    abstracts = {}
    for name in ("List Number", "List Number 2", "List Number 3"):
        num_id = document.styles[name].element.pPr.numPr.numId.val
        abstracts[name] = str(numbering.num_having_numId(num_id).abstractNumId.val)
    stream = io.BytesIO()
    document.save(stream)
    return _Prepared(stream.getvalue(), ids, abstracts)


# -- WordprocessingML text --------------------------------------------------------------------------
def _run(text: str, properties: str = "") -> str:
    rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    text = strip_xml_illegal(text)
    return "".join(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text[start:start + RUN_CHARS])}</w:t></w:r>'
                   for start in range(0, max(len(text), 1), RUN_CHARS))


def _border(edge: str, size_pt: float, colour: str, space: int = 0) -> str:
    if not size_pt:
        return f'<w:{edge} w:val="nil"/>'
    return f'<w:{edge} w:val="single" w:sz="{int(size_pt * 8)}" w:space="{space}" w:color="{colour}"/>'


def _fonts(family: str) -> str:
    return f'<w:rFonts w:ascii={quoteattr(family)} w:hAnsi={quoteattr(family)} w:cs={quoteattr(family)} w:eastAsia={quoteattr(family)}/>'


class _Translator(tree.Visitor):
    """Turns tree blocks into WordprocessingML body text for one document."""

    def __init__(self, part, prepared: _Prepared, style: HouseStyle, fonts: ScriptFonts) -> None:
        self.part = part
        self.prepared = prepared
        self.style = style
        self.fonts = fonts
        self.out: list[str] = []
        self.depth = 1
        self.new_numbers: list[tuple[int, str, int]] = []
        self.next_number = 1000
        self.links: dict[str, str] = {}
        self.headings: list[tree.Heading] = []
        self.bookmark_headings = False
        self.heading_count = 0
        self.update_fields = False
        self.width = style.frame_width
        self.language = "en"

    # inlines
    def inlines(self, nodes: tuple[tree.Inline, ...], props: str = "") -> str:
        parts = []
        for node in nodes:
            if isinstance(node, tree.Text):
                parts.append(_run(node.text, props))
            elif isinstance(node, tree.Strong):
                parts.append(self.inlines(node.children, props + "<w:b/>"))
            elif isinstance(node, tree.Emphasis):
                parts.append(self.inlines(node.children, props + "<w:i/>"))
            elif isinstance(node, tree.Link):
                link_props = f'{props}<w:color w:val="{self.style.colour("link").hex}"/><w:u w:val="single"/>'
                parts.append(f'<w:hyperlink r:id="{self._relation(node.url)}">{self.inlines(node.children, link_props)}</w:hyperlink>')
            elif isinstance(node, tree.Citation):
                parts.append(_run(tree.citation_label(node.numbers), props + '<w:vertAlign w:val="superscript"/>'))
            else:  # pragma: no cover - the tree is closed
                raise NotImplementedError(type(node).__name__)
        return "".join(parts)

    def _relation(self, url: str) -> str:
        if url not in self.links:
            self.links[url] = self.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        return self.links[url]

    def paragraph(self, content: str, style_name: str | None = None, extra_ppr: str = "") -> None:
        ppr = f'<w:pStyle w:val="{self.prepared.style_ids[style_name]}"/>' if style_name else ""
        ppr += extra_ppr
        self.out.append(f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{content}</w:p>")

    def blocks(self, blocks: tuple[tree.Block, ...]) -> None:
        for block in blocks:
            self.visit(block)

    # blocks
    def visit_Heading(self, node: tree.Heading) -> None:
        content = self.inlines(node.children)
        if self.bookmark_headings:  # a contents list points at each heading through a bookmark
            self.heading_count += 1
            name = f"_Toc{self.heading_count:05d}"
            content = (f'<w:bookmarkStart w:id="{self.heading_count}" w:name="{name}"/>{content}'
                       f'<w:bookmarkEnd w:id="{self.heading_count}"/>')
        self.paragraph(content, f"Heading {min(node.level, max(self.style.headings))}")

    def visit_Paragraph(self, node: tree.Paragraph) -> None:
        self.paragraph(self.inlines(node.children))

    def _list(self, items: tuple[tree.ListItem, ...], kind: str, start: int = 1) -> None:
        style_name = LIST_STYLES[(kind, min(self.depth, 3))]
        numbering = ""
        if kind == "number":
            self.next_number += 1
            self.new_numbers.append((self.next_number, self.prepared.number_abstracts[style_name], start))
            numbering = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{self.next_number}"/></w:numPr>'
        for item in items:
            first = True
            for block in item.blocks:
                if isinstance(block, tree.Paragraph) and first:
                    self.paragraph(self.inlines(block.children), style_name, numbering)
                    first = False
                elif isinstance(block, (tree.BulletList, tree.OrderedList)):
                    self.depth += 1
                    self.visit(block)
                    self.depth -= 1
                else:
                    self.visit(block)

    def visit_BulletList(self, node: tree.BulletList) -> None:
        self._list(node.items, "bullet")

    def visit_OrderedList(self, node: tree.OrderedList) -> None:
        self._list(node.items, "number", node.start)

    def _cell(self, width: int, content: str, fill: str | None, padding_pt: float) -> str:
        pad = int(padding_pt * TWIPS_PER_POINT)
        margins = "".join(f'<w:{edge} w:w="{pad}" w:type="dxa"/>' for edge in ("top", "left", "bottom", "right"))
        shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
        return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}<w:tcMar>{margins}</w:tcMar></w:tcPr>{content}</w:tc>'

    def _table(self, widths: list[int], rows: list[str], borders: str) -> None:
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        self.out.append(
            f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
            f'<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0"'
            f' w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>'
        )
        self.paragraph("", extra_ppr='<w:spacing w:after="40"/>')

    def visit_Table(self, node: tree.Table) -> None:
        total = int(self.style.frame_width * TWIPS_PER_POINT)
        widths = [int(total * f) for f in column_fractions(node)]
        colour = self.style.colour
        header_props = f'<w:b/>{_fonts(self.fonts.docx_display)}<w:color w:val="{colour("table_header_text").hex}"/>'
        text_style = self.prepared.style_ids["Table Text"]
        rows = []
        for r, row in enumerate((node.header, *node.rows)):
            fill = colour("table_header_fill").hex if r == 0 else (colour("table_stripe_fill").hex if r % 2 == 0 else None)
            cells = []
            for c, width in enumerate(widths):
                inner = self.inlines(row[c], header_props if r == 0 else "") if c < len(row) else ""
                paragraph = f'<w:p><w:pPr><w:pStyle w:val="{text_style}"/></w:pPr>{inner}</w:p>'
                cells.append(self._cell(width, paragraph, fill, self.style.table_padding))
            row_props = "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" if r == 0 else "<w:trPr><w:cantSplit/></w:trPr>"
            rows.append(f"<w:tr>{row_props}{''.join(cells)}</w:tr>")
        rule = colour("rule").hex
        borders = "".join(_border(e, 0, "auto") for e in ("top", "left", "right", "insideV"))
        borders += _border("bottom", 0.5, rule) + _border("insideH", 0.5, rule)
        self._table(widths, rows, borders)

    def visit_Callout(self, node: tree.Callout) -> None:
        width = int(self.style.frame_width * TWIPS_PER_POINT)
        inner = _Translator(self.part, self.prepared, self.style, self.fonts)
        inner.links, inner.next_number, inner.new_numbers = self.links, self.next_number, self.new_numbers
        inner.width, inner.language = self.width - 2 * self.style.callout_padding - 2, self.language
        if node.title:
            inner.paragraph(_run(node.title), "Callout Title")
        inner.blocks(node.blocks)
        self.next_number = inner.next_number
        if not inner.out or inner.out[-1].startswith("<w:tbl>"):
            inner.paragraph("")
        content = "".join(inner.out)
        colour = self.style.colour
        cell = self._cell(width, content, colour("callout_fill").hex, self.style.callout_padding)
        borders = "".join(_border(e, 0, "auto") for e in ("top", "bottom", "right", "insideH", "insideV"))
        borders += _border("left", self.style.callout_border_width, colour("accent").hex)
        self._table([width], [f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cell}</w:tr>"], borders)

    def visit_References(self, node: tree.References) -> None:
        for entry in node.entries:
            self.paragraph(_run(f"{entry.number}.") + "<w:r><w:tab/></w:r>" + self.inlines(entry.children), "Reference")

    def visit_Contents(self, node: tree.Contents) -> None:
        """One entry per heading with a PAGEREF field to its bookmark, which Word and LibreOffice compute."""
        self.paragraph(_run(node.title), "TOC Heading")
        depth = min(node.depth, len(CONTENTS_STYLES))
        for number, heading in enumerate(self.headings, start=1):
            if heading.level <= depth:
                page = _field(f"PAGEREF _Toc{number:05d} \\h", "")
                self.paragraph(_run(tree.plain_text(heading.children)) + "<w:r><w:tab/></w:r>" + page,
                               CONTENTS_STYLES[heading.level - 1])
        self.update_fields = True

    def visit_Figure(self, node: tree.Figure) -> None:
        """Caption in Word's Caption style with a SEQ field (so Word lists figures), the picture, the source."""
        shown = str(node.number)
        number = _field("SEQ Figure \\* ARABIC", shown).replace(_run(shown), _run(shown, "<w:b/>")).replace(
            "<w:r><w:fldChar", "<w:r><w:rPr><w:b/></w:rPr><w:fldChar")  # the number stays bold when recomputed
        self.paragraph(_run("Figure ", "<w:b/>") + number + _run(". ", "<w:b/>") + self.inlines(node.caption),
                       "Caption")
        drawing = layout(node.spec, round(self.width, 2), self.language)
        relation, _ = self.part.get_or_add_image(io.BytesIO(png(drawing, language=self.language)))
        self.paragraph(inline_picture(relation, drawing.width, drawing.height, node.number, node.label, node.alt),
                       "Figure")
        if node.source:
            self.paragraph(self.inlines(node.source), "Figure Source")

    def visit_PageBreak(self, node: tree.PageBreak) -> None:
        self.out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    def title_block(self, meta: tree.Metadata) -> None:
        self.paragraph(_run(meta.title), "Title")
        byline = meta.byline
        rule = (f'<w:pBdr>{_border("bottom", 1.2, self.style.colour("accent").hex, 8)}</w:pBdr>'
                f'<w:spacing w:after="{int(self.style.title_after * TWIPS_PER_POINT)}"/>')
        self.paragraph(_run(meta.subtitle), "Subtitle", "" if byline else rule)
        if byline:
            self.paragraph(_run(byline), "Byline", rule)


# -- running header, fields and properties ------------------------------------------------------------
def _field(instruction: str, shown: str) -> str:
    """A complex field (PAGE, NUMPAGES) with a cached result that Word and LibreOffice refresh."""
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{_run(shown)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def _running_header(section, meta: tree.Metadata, style: HouseStyle, prepared: _Prepared) -> None:
    first = section.first_page_header.paragraphs[0]
    first._p.append(parse_xml(f'<w:pPr {nsdecls("w")}><w:pBdr>{_border("bottom", 4.5, style.colour("accent").hex, 1)}</w:pBdr></w:pPr>'))
    header = section.header.paragraphs[0]
    rule = _border("bottom", 0.6, style.colour("rule").hex, 4)
    xml = (f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{prepared.style_ids["Header"]}"/><w:pBdr>{rule}</w:pBdr>'
           f'<w:tabs><w:tab w:val="right" w:pos="{int(style.frame_width * TWIPS_PER_POINT)}"/></w:tabs></w:pPr>'
           f'{_run(meta.short_title)}<w:r><w:tab/></w:r>{_run("Page ")}{_field("PAGE", "2")}{_run(" of ")}'
           f'{_field("NUMPAGES", "2")}</w:p>')
    header._p.addprevious(parse_xml(xml))
    header._p.getparent().remove(header._p)


def _properties(document, meta: tree.Metadata) -> None:
    clean = strip_xml_illegal
    props = document.core_properties
    props.title = clean(meta.title)[:255]
    props.author = clean(", ".join(p for p in (meta.author, meta.organisation) if p.strip()))[:255]
    props.subject = clean(meta.subject)[:255]
    props.keywords = clean("; ".join(meta.keywords))[:255]
    props.language, props.category, props.comments = meta.language, "Policy brief", "Made with briefgen"
    props.last_modified_by, props.revision = "briefgen", 1
    created = dt.datetime.fromisoformat(meta.date)
    if created.year < 1000:  # python-docx would write a three-digit year, which is not a valid date
        raise BriefgenError(f"date {meta.date} is before the year 1000; give the brief's real date")
    props.created = props.modified = created


def write(document: tree.Document, stream: BinaryIO) -> None:
    """Build the DOCX for `document` and save it to `stream`."""
    style = house_style()
    meta = document.metadata
    prepared = _prepared(meta.language)
    out = docx.Document(io.BytesIO(prepared.package))
    translator = _Translator(out.part, prepared, style, style.fonts_for(meta.language.split("-")[0]))
    translator.headings = tree.headings(document)
    translator.language = meta.language.split("-")[0]
    translator.bookmark_headings = any(isinstance(block, tree.Contents) for block in document.blocks)
    translator.title_block(meta)
    translator.blocks(document.blocks)
    body = parse_xml(f'<w:body {nsdecls("w", "r")} {NAMESPACES}>{"".join(translator.out)}</w:body>')
    section_properties = out.element.body[-1]
    for element in list(body):
        section_properties.addprevious(element)
    numbering = out.part.numbering_part.element
    for number, abstract, start in translator.new_numbers:
        numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{number}"><w:abstractNumId w:val="{abstract}"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'))
    _running_header(out.sections[0], meta, style, prepared)
    _properties(out, meta)
    if translator.update_fields:  # ask Word to refresh the contents list's page numbers on opening
        out.settings.element.append(parse_xml(f'<w:updateFields {nsdecls("w")} w:val="true"/>'))
    package = io.BytesIO()  # a failing stream must not leave a half-closed zip to complain at exit
    out.save(package)
    stream.write(package.getvalue())
