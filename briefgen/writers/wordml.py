"""WordprocessingML text for briefgen's document tree: body, running header and core properties."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .. import tree
from ..errors import BriefgenError
from ..figures.layout import layout
from ..figures.raster import png
from .docx_figure import inline_picture
from ..style import HouseStyle, ScriptFonts, column_fractions
from ..chinese import QUOTES, chinese_quotes
from ..textsafe import strip_xml_illegal, xml_attribute as quoteattr, xml_escape as escape

LIST_STYLES = {("bullet", 1): "List Bullet", ("bullet", 2): "List Bullet 2", ("bullet", 3): "List Bullet 3",
               ("number", 1): "List Number", ("number", 2): "List Number 2", ("number", 3): "List Number 3"}
CONTENTS_STYLES = ("toc 1", "toc 2", "toc 3")
TWIPS_PER_POINT = 20
RUN_CHARS = 1_000_000  # XML parsers refuse text nodes over 10 MB, so longer text goes in several runs
CORE_NAMESPACES = ('xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                   'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                   'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"')

# -- WordprocessingML text --------------------------------------------------------------------------
def run(text: str, properties: str = "") -> str:
    text = strip_xml_illegal(text)
    if QUOTES.search(text):  # quotation marks in Chinese text: runs of their own, hinted as East Asian
        return "".join(_runs(part, _hinted(properties) if hinted else properties)
                       for part, hinted in chinese_quotes(text))
    return _runs(text, properties)


def _runs(text: str, properties: str) -> str:
    rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return "".join(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text[start:start + RUN_CHARS])}</w:t></w:r>'
                   for start in range(0, max(len(text), 1), RUN_CHARS))


def _hinted(properties: str) -> str:
    """Run properties telling Word to draw the run's shared characters (“”‘’) in the East Asian font."""
    if "<w:rFonts " in properties:
        return properties.replace("<w:rFonts ", '<w:rFonts w:hint="eastAsia" ', 1)
    return '<w:rFonts w:hint="eastAsia"/>' + properties


def border(edge: str, size_pt: float, colour: str, space: int = 0) -> str:
    if not size_pt:
        return f'<w:{edge} w:val="nil"/>'
    return f'<w:{edge} w:val="single" w:sz="{int(size_pt * 8)}" w:space="{space}" w:color="{colour}"/>'


def fonts_xml(family: str, east_asian: str) -> str:
    return (f'<w:rFonts w:ascii={quoteattr(family)} w:hAnsi={quoteattr(family)} w:cs={quoteattr(family)} '
            f'w:eastAsia={quoteattr(east_asian)}/>')


class Relations:
    """The relationships a brief adds to its document part: hyperlinks and figure pictures, numbered in one sequence."""

    def __init__(self, first: int) -> None:
        self.next = first
        self.links: dict[str, str] = {}
        self.images: list[tuple[str, str, bytes]] = []  # (relationship id, part name under word/, PNG data)

    def _new(self) -> str:
        self.next += 1
        return f"rId{self.next - 1}"

    def link(self, url: str) -> str:
        if url not in self.links:
            self.links[url] = self._new()
        return self.links[url]

    def image(self, data: bytes) -> str:
        key = self._new()
        self.images.append((key, f"media/figure{len(self.images) + 1}.png", data))
        return key


class Translator(tree.Visitor):
    """Turns tree blocks into WordprocessingML body text for one document."""

    def __init__(self, prepared: Any, style: HouseStyle, fonts: ScriptFonts, east_asian: ScriptFonts) -> None:
        self.prepared = prepared
        self.style = style
        self.fonts = fonts
        self.east_asian = east_asian
        self.out: list[str] = []
        self.depth = 1
        self.new_numbers: list[tuple[int, str, int]] = []
        self.next_number = 1000
        self.relations = Relations(prepared.next_relation)
        self.headings: list[tree.Heading] = []
        self.bookmark_headings = False
        self.heading_count = 0
        self.update_fields = False
        self.width = style.frame_width  # points available to a figure: less inside a callout
        self.language = "en"
        self.figure_label = tree.Metadata.figure_label  # the brief's own, in its language, once written

    # inlines
    def inlines(self, nodes: tuple[tree.Inline, ...], props: str = "") -> str:
        parts = []
        for node in nodes:
            if isinstance(node, tree.Text):
                parts.append(run(node.text, props))
            elif isinstance(node, tree.Strong):
                parts.append(self.inlines(node.children, props + "<w:b/>"))
            elif isinstance(node, tree.Emphasis):
                parts.append(self.inlines(node.children, props + "<w:i/>"))
            elif isinstance(node, tree.Link):
                link_props = f'{props}<w:color w:val="{self.style.colour("link").hex}"/><w:u w:val="single"/>'
                parts.append(f'<w:hyperlink r:id="{self.relations.link(node.url)}">{self.inlines(node.children, link_props)}</w:hyperlink>')
            elif isinstance(node, tree.Citation):
                parts.append(run(tree.citation_label(node.numbers), props + '<w:vertAlign w:val="superscript"/>'))
            else:  # pragma: no cover - the tree is closed
                raise NotImplementedError(type(node).__name__)
        return "".join(parts)

    def paragraph(self, content: str, style_name: str | None = None, extra_ppr: str = "") -> None:
        ppr = f'<w:pStyle w:val="{self.prepared.style_ids[style_name]}"/>' if style_name else ""
        ppr += extra_ppr
        self.out.append(f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{content}</w:p>")

    def blocks(self, blocks: tuple[tree.Block, ...]) -> None:
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if tree.leads_table(block, following):  # a table's caption stays on the page of the table's first row
                self.paragraph(self.inlines(block.children), extra_ppr="<w:keepNext/>")
            elif isinstance(block, tree.Table) and isinstance(following, tree.SourceNote):
                self.table(block, noted=True)
            else:
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

    def _table(self, widths: list[int], rows: list[str], borders: str, spacer: bool = True) -> None:
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        self.out.append(
            f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
            f'<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0"'
            f' w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>'
        )
        if spacer:  # a source note under the table is its spacing
            self.paragraph("", extra_ppr='<w:spacing w:after="40"/>')

    def visit_Table(self, node: tree.Table) -> None:
        self.table(node)

    def table(self, node: tree.Table, noted: bool = False) -> None:
        """A data table; with `noted`, its source note follows directly and its last row keeps with the note."""
        total = int(self.style.frame_width * TWIPS_PER_POINT)
        widths = [int(total * f) for f in column_fractions(node)]
        colour = self.style.colour
        header_props = f'{fonts_xml(self.fonts.docx_display, self.east_asian.docx_display)}<w:b/><w:color w:val="{colour("table_header_text").hex}"/>'
        text_style = self.prepared.style_ids["Table Text"]
        rows = []
        last = len(node.rows)
        for r, row in enumerate((node.header, *node.rows)):
            fill = colour("table_header_fill").hex if r == 0 else (colour("table_stripe_fill").hex if r % 2 == 0 else None)
            keep = "<w:keepNext/>" if noted and r == last else ""  # Word keeps the row with the paragraph after it
            cells = []
            for c, width in enumerate(widths):
                inner = self.inlines(row[c], header_props if r == 0 else "") if c < len(row) else ""
                paragraph = f'<w:p><w:pPr><w:pStyle w:val="{text_style}"/>{keep}</w:pPr>{inner}</w:p>'
                cells.append(self._cell(width, paragraph, fill, self.style.table_padding))
            row_props = "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" if r == 0 else "<w:trPr><w:cantSplit/></w:trPr>"
            rows.append(f"<w:tr>{row_props}{''.join(cells)}</w:tr>")
        rule = colour("rule").hex
        borders = "".join(border(e, 0, "auto") for e in ("top", "left", "right", "insideV"))
        borders += border("bottom", 0.5, rule) + border("insideH", 0.5, rule)
        self._table(widths, rows, borders, spacer=not noted)

    def visit_SourceNote(self, node: tree.SourceNote) -> None:
        self.paragraph(self.inlines(node.children), "Table Source")

    def visit_Callout(self, node: tree.Callout) -> None:
        width = int(self.style.frame_width * TWIPS_PER_POINT)
        inner = Translator(self.prepared, self.style, self.fonts, self.east_asian)
        inner.relations, inner.next_number, inner.new_numbers = self.relations, self.next_number, self.new_numbers
        inner.width, inner.language = self.width - 2 * self.style.callout_padding - 2, self.language
        inner.figure_label = self.figure_label
        if node.title:
            inner.paragraph(run(node.title), "Callout Title")
        inner.blocks(node.blocks)
        self.next_number = inner.next_number
        if not inner.out or inner.out[-1].startswith("<w:tbl>"):
            inner.paragraph("")
        content = "".join(inner.out)
        colour = self.style.colour
        cell = self._cell(width, content, colour("callout_fill").hex, self.style.callout_padding)
        borders = "".join(border(e, 0, "auto") for e in ("top", "bottom", "right", "insideH", "insideV"))
        borders += border("left", self.style.callout_border_width, colour("accent").hex)
        self._table([width], [f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cell}</w:tr>"], borders)

    def visit_References(self, node: tree.References) -> None:
        if node.run_in:  # one paragraph, each entry after its number: a one-page brief's sources
            entries = [run(f"{entry.number}.\u00a0", "<w:b/>") + self.inlines(entry.children) for entry in node.entries]
            self.paragraph(run("\u00a0\u00a0 ").join(entries), "Reference", '<w:ind w:left="0" w:hanging="0"/>')
            return
        for entry in node.entries:
            self.paragraph(run(f"{entry.number}.") + "<w:r><w:tab/></w:r>" + self.inlines(entry.children), "Reference")

    def visit_Contents(self, node: tree.Contents) -> None:
        """One entry per heading with a PAGEREF field to its bookmark, which Word and LibreOffice compute."""
        self.paragraph(run(node.title), "TOC Heading")
        depth = min(node.depth, len(CONTENTS_STYLES))
        for number, heading in enumerate(self.headings, start=1):
            if heading.level <= depth:
                page = field(f"PAGEREF _Toc{number:05d} \\h", "")
                self.paragraph(run(tree.plain_text(heading.children)) + "<w:r><w:tab/></w:r>" + page,
                               CONTENTS_STYLES[heading.level - 1])
        self.update_fields = True

    def visit_Figure(self, node: tree.Figure) -> None:
        """Caption in Word's Caption style with a SEQ field (so Word lists figures), the picture, the source."""
        shown = str(node.number)
        number = field("SEQ Figure \\* ARABIC", shown).replace(run(shown), run(shown, "<w:b/>")).replace(
            "<w:r><w:fldChar", "<w:r><w:rPr><w:b/></w:rPr><w:fldChar")  # the number stays bold when recomputed
        before, after = self.figure_label.split("{number}", 1)
        self.paragraph(run(before, "<w:b/>") + number + run(after, "<w:b/>") + self.inlines(node.caption), "Caption")
        drawing = layout(node.spec, round(self.width, 2), self.language)
        relation = self.relations.image(png(drawing, language=self.language))
        self.paragraph(inline_picture(relation, drawing.width, drawing.height, node.number, node.label, node.alt),
                       "Figure")
        if node.source:
            self.paragraph(self.inlines(node.source), "Figure Source")

    def visit_PageBreak(self, node: tree.PageBreak) -> None:
        self.out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    def title_block(self, meta: tree.Metadata) -> None:
        self.paragraph(run(meta.title), "Title")
        byline = meta.byline
        rule = (f'<w:pBdr>{border("bottom", 1.2, self.style.colour("accent").hex, 8)}</w:pBdr>'
                f'<w:spacing w:after="{int(self.style.title_after * TWIPS_PER_POINT)}"/>')
        self.paragraph(run(meta.subtitle), "Subtitle", "" if byline else rule)
        if byline:
            self.paragraph(run(byline), "Byline", rule)


# -- running header, fields and properties ------------------------------------------------------------
def field(instruction: str, shown: str) -> str:
    """A complex field (PAGE, NUMPAGES) with a cached result that Word and LibreOffice refresh."""
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{run(shown)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def running_header(meta: tree.Metadata, style: HouseStyle, prepared: Any) -> str:
    rule = border("bottom", 0.6, style.colour("rule").hex, 4)
    return (f'<w:p><w:pPr><w:pStyle w:val="{prepared.style_ids["Header"]}"/><w:pBdr>{rule}</w:pBdr>'
            f'<w:tabs><w:tab w:val="right" w:pos="{int(style.frame_width * TWIPS_PER_POINT)}"/></w:tabs></w:pPr>'
            f'{run(meta.short_title)}<w:r><w:tab/></w:r>{_page_fields(meta.page_label)}</w:p>')


def _page_fields(label: str) -> str:
    """'Page {page} of {total}' (in the brief's language) with Word's PAGE and NUMPAGES fields in its places."""
    parts = re.split(r"(\{page\}|\{total\})", label)
    fields = {"{page}": field("PAGE", "2"), "{total}": field("NUMPAGES", "2")}
    return "".join(fields.get(part) or (run(part) if part else "") for part in parts)


def core_properties(meta: tree.Metadata) -> str:
    """docProps/core.xml: title, author, subject, keywords, language, dates and the rest."""
    created = dt.datetime.fromisoformat(meta.date)
    if created.year < 1000:  # a three-digit year is not a valid W3CDTF date
        raise BriefgenError(f"date {meta.date} is before the year 1000; give the brief's real date")
    when = f'xsi:type="dcterms:W3CDTF">{created:%Y-%m-%dT%H:%M:%SZ}'
    text = lambda value: escape(strip_xml_illegal(value)[:255])  # noqa: E731
    author = ", ".join(p for p in (meta.author, meta.organisation) if p.strip())
    return (f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<cp:coreProperties {CORE_NAMESPACES}>"
            f"<dc:title>{text(meta.title)}</dc:title><dc:subject>{text(meta.subject)}</dc:subject>"
            f"<dc:creator>{text(author)}</dc:creator><cp:keywords>{text('; '.join(meta.keywords))}</cp:keywords>"
            "<dc:description>Made with briefgen</dc:description><cp:lastModifiedBy>briefgen</cp:lastModifiedBy>"
            f"<cp:revision>1</cp:revision><dcterms:created {when}</dcterms:created>"
            f"<dcterms:modified {when}</dcterms:modified><cp:category>Policy brief</cp:category>"
            f"<dc:language>{text(meta.language)}</dc:language></cp:coreProperties>")
