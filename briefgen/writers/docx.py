"""Write a document tree as DOCX in the house style (the only module that imports python-docx).

python-docx prepares a styled, empty package once per language, kept in the cache folder
between processes; each brief's body, header, numbering, links and properties are then written
as WordprocessingML text into that package's parts, so a brief needs no python-docx at all.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .. import tree
from ..cache import cached_by_files
from ..resources import assets_dir
from ..style import HouseStyle, ScriptFonts, house_style
from ..textsafe import strip_xml_illegal, xml_attribute as quoteattr
from .docx_figure import IMAGE_RELATIONSHIP
from .package import compress, write_zip
from .wordml import CONTENTS_STYLES, LIST_STYLES, Translator, border, core_properties, running_header

PARAGRAPH_STYLES = ("Normal", "Title", "Subtitle", "Byline", "Heading 1", "Heading 2", "Heading 3", "Callout Title",
                    "Table Text", "Reference", "Header", "TOC Heading", "Caption", "Figure", "Figure Source",
                    "Table Source",                     *CONTENTS_STYLES, *LIST_STYLES.values())
THEME_FONT = re.compile(rb' w:(?:ascii|hAnsi|eastAsia|cs)[tT]heme="[^"]*"')
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
HEADER_MARK = "<!--briefgen running header-->"
DYNAMIC = {"document": "word/document.xml", "rels": "word/_rels/document.xml.rels", "numbering": "word/numbering.xml",
           "settings": "word/settings.xml", "core": "docProps/core.xml"}


# -- the prepared package: styles and page set-up, made once per language --------------------------
@dataclass(frozen=True)
class _Prepared:
    parts: list  # (name, crc, size, deflated bytes) for static parts; (name, None, None, key) for the ones filled in
    text: dict[str, tuple[str, str]]  # the parts filled in per brief: the text before and after the brief's part
    style_ids: dict[str, str]
    number_abstracts: dict[str, str]  # list style name -> abstractNumId, for restarting numbering
    next_relation: int  # the first free number for relationship ids rId<n>


def _set_fonts(rpr, family: str, east_asian: str, keep: bool = False) -> None:
    """Point a run-properties element's script slots at `family` and its East Asian slot at `east_asian`.

    Theme fonts go: they override explicit ones, and python-docx's template leaves the East Asian
    theme font empty, so Word would fall back to a Japanese face (python-docx#1601). With `keep`,
    slots that already name a font keep it.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        if attribute.lower().endswith("theme"):
            del fonts.attrib[attribute]
    for slot, name in (("w:ascii", family), ("w:hAnsi", family), ("w:cs", family), ("w:eastAsia", east_asian)):
        if not (keep and fonts.get(qn(slot))):
            fonts.set(qn(slot), name)


def _language_xml(language: str, east_asian: ScriptFonts) -> tuple[str, str]:
    """(w:val, w:eastAsia) of w:lang for a brief in `language`: Chinese tags as Word writes them (zh-HK, zh-CN).

    In a Chinese brief the Latin words are English names and terms, so w:val is English, as Word sets it for a
    Chinese document typed with an English keyboard; with w:val Chinese, LibreOffice breaks Latin words anywhere.
    """
    return ("en-GB" if language.lower().startswith("zh") else language), east_asian.word_lang


def _east_asian_everywhere(document, fonts: ScriptFonts, east_asian: ScriptFonts, language: str) -> None:
    """Explicit East Asian fonts on every style and the document defaults; w:lang and themeFontLang for Chinese."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    value, east = _language_xml(language, east_asian)
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(defaults, fonts.docx_body, east_asian.docx_body)
    for element in [defaults, document.styles["Normal"].element.get_or_add_rPr()]:
        lang = element.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            element.append(lang)
        lang.set(qn("w:val"), value)
        lang.set(qn("w:eastAsia"), east)
        lang.set(qn("w:bidi"), value)
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "numbering":  # numbering styles hold no run properties
            continue
        display = any(word in (style.find(qn("w:name")).get(qn("w:val")) or "").lower() for word in ("heading", "title"))
        _set_fonts(style.get_or_add_rPr(), fonts.docx_display if display else fonts.docx_body,
                   east_asian.docx_display if display else east_asian.docx_body, keep=True)
    for fonts_element in styles.iter(qn("w:rFonts")):  # table styles' conditional formats carry theme fonts too
        for attribute in list(fonts_element.attrib):
            if attribute.lower().endswith("theme"):
                del fonts_element.attrib[attribute]
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), value)
        theme_lang.set(qn("w:eastAsia"), east)


def _font_table_entries(east_asian: tuple[ScriptFonts, ...]) -> str:
    """w:font entries naming the Chinese faces' alternatives, for Word and LibreOffice to find one a system has."""
    charsets = {"zh-HK": "88", "zh-CN": "86"}  # Big5 and GB2312, which guide Word's own substitution too
    entries = []
    for script in east_asian:
        for family, alternatives, kind in ((script.docx_body, script.docx_body_alternatives, "roman"),
                                           (script.docx_display, script.docx_display_alternatives, "swiss")):
            alt = f'<w:altName w:val={quoteattr(",".join(alternatives))}/>' if alternatives else ""
            entries.append(f'<w:font w:name={quoteattr(family)}>{alt}<w:charset w:val="{charsets.get(script.word_lang, "00")}"/>'
                           f'<w:family w:val="{kind}"/><w:pitch w:val="variable"/></w:font>')
    return "".join(entries)


def _configure_styles(document, style: HouseStyle, fonts: ScriptFonts, language: str) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    east_asian = style.east_asian(language)[0]
    chinese = {fonts.docx_body: east_asian.docx_body, fonts.docx_display: east_asian.docx_display}
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
        _set_fonts(target.element.get_or_add_rPr(), family, chinese[family])
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
    reference = shape("Reference", fonts.docx_body, style.references_size, text, after=style.references_after,
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
    shape("Table Source", fonts.docx_body, style.table_source_size, muted, before=style.table_source_before,
          after=style.paragraph_after + 2, leading=style.table_source_size * 1.3)
    for name in LIST_STYLES.values():
        shape(name, fonts.docx_body, style.body_size, text, after=style.list_item_after, leading=style.body_leading)
    _east_asian_everywhere(document, fonts, east_asian, language)


def _configure_page(section, style: HouseStyle) -> None:
    from docx.shared import Pt

    section.page_width, section.page_height = Pt(style.page_width), Pt(style.page_height)
    section.left_margin, section.right_margin = Pt(style.margin_left), Pt(style.margin_right)
    section.top_margin, section.bottom_margin = Pt(style.margin_top), Pt(style.margin_bottom)
    section.header_distance = Pt(style.header_distance - style.running_size)
    section.footer_distance = Pt(style.header_distance - style.running_size)
    section.different_first_page_header_footer = True


def _prepared(language: str) -> _Prepared:
    """The package for `language`, from memory, the cache folder, or made with python-docx."""
    if language not in _memory:
        here = Path(__file__)
        sources = [assets_dir() / "style.toml", here, here.with_name("package.py"), here.with_name("wordml.py")]
        kept = cached_by_files(f"docx-{language}", sources, lambda: _make_prepared(language))
        _memory[language] = _Prepared(**kept)
    return _memory[language]


_memory: dict[str, _Prepared] = {}
_Translator = Translator  # each writer module names its translator _Translator (tests/test_tree.py)


def _make_prepared(language: str) -> dict:
    """Make the empty styled package with python-docx and cut it into static and per-brief parts."""
    import zipfile

    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    style = house_style()
    document = docx.Document()
    body = document.element.body
    for child in list(body):  # the default template's body holds one empty paragraph
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _configure_styles(document, style, style.latin, language)
    section = document.sections[0]
    _configure_page(section, style)
    ids = {name: document.styles[name].style_id for name in PARAGRAPH_STYLES}
    numbering = document.part.numbering_part.element
    abstracts = {}
    for name in ("List Number", "List Number 2", "List Number 3"):
        num_id = document.styles[name].element.pPr.numPr.numId.val
        abstracts[name] = str(numbering.num_having_numId(num_id).abstractNumId.val)
    first = section.first_page_header.paragraphs[0]._p
    first.addprevious(parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="{ids["Header"]}"/><w:pBdr>'
        f'{border("bottom", 4.5, style.colour("accent").hex, 1)}</w:pBdr></w:pPr></w:p>'))
    first.getparent().remove(first)
    header_name = section.header.part.partname.lstrip("/")
    stream = io.BytesIO()
    document.save(stream)
    text: dict[str, str] = {}
    parts: list = []
    names = dict(DYNAMIC, header=header_name)
    with zipfile.ZipFile(stream) as package:
        for name in package.namelist():
            data = package.read(name)
            if name == "word/stylesWithEffects.xml":  # Word 2010's copy of the styles: no theme fonts there either
                data = THEME_FONT.sub(b"", data)
            if name == "word/fontTable.xml":
                cut = data.rindex(b"</w:fonts>")
                data = data[:cut] + _font_table_entries(style.east_asian(language)).encode("utf-8") + data[cut:]
            key = next((key for key, part in names.items() if part == name), None)
            if name == "[Content_Types].xml" and b'Extension="png"' not in data:  # figures are PNG pictures
                data = data.replace(b"<Default ", b'<Default Extension="png" ContentType="image/png"/><Default ', 1)
            if key is None:
                parts.append(compress(name, data))
            else:
                text[key] = data.decode("utf-8")
                parts.append((name, None, None, key))
    cut = text["document"].rindex("<w:sectPr")
    halves = {"document": (text["document"][:cut], text["document"][cut:])}
    header_xml = re.sub(r"<w:p\b.*</w:p>", HEADER_MARK, text["header"], count=1, flags=re.S)
    halves["header"] = tuple(header_xml.split(HEADER_MARK))
    for key, closing in (("rels", "</Relationships>"), ("numbering", "</w:numbering>"), ("settings", "</w:settings>")):
        cut = text[key].rindex(closing)
        halves[key] = (text[key][:cut], text[key][cut:])
    halves["core"] = ("", "")
    numbers = [int(n) for n in re.findall(r'Id="rId(\d+)"', text["rels"])]
    return {"parts": parts, "text": halves, "style_ids": ids, "number_abstracts": abstracts,
            "next_relation": max(numbers, default=0) + 1}


def write(document: tree.Document, stream: BinaryIO) -> None:
    """Build the DOCX for `document` and save it to `stream`."""
    style = house_style()
    meta = document.metadata
    prepared = _prepared(meta.language)
    core = core_properties(meta)
    translator = Translator(prepared, style, style.latin, style.east_asian(meta.language)[0])
    translator.language = meta.language  # the full tag: a mainland brief's figures take the mainland faces
    translator.figure_label = meta.figure_label
    translator.headings = tree.headings(document)
    translator.bookmark_headings = any(isinstance(block, tree.Contents) for block in document.blocks)
    translator.title_block(meta)
    translator.blocks(document.blocks)
    relations = translator.relations
    filled = {
        "document": "".join(translator.out),
        "header": running_header(meta, style, prepared),
        "rels": "".join(f'<Relationship Id="{key}" Type="{HYPERLINK}" Target={quoteattr(strip_xml_illegal(url))} '
                        'TargetMode="External"/>' for url, key in relations.links.items())
        + "".join(f'<Relationship Id="{key}" Type="{IMAGE_RELATIONSHIP}" Target="{target}"/>'
                  for key, target, _ in relations.images),
        "numbering": "".join(f'<w:num w:numId="{number}"><w:abstractNumId w:val="{abstract}"/><w:lvlOverride '
                             f'w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
                             for number, abstract, start in translator.new_numbers),
        # ask Word to refresh the contents list's page numbers on opening
        "settings": '<w:updateFields w:val="true"/>' if translator.update_fields else "",
        "core": core,
    }
    parts = []
    for name, crc, size, data in prepared.parts:
        if crc is None:
            before, after = prepared.text[data]
            part = compress(name, (before + filled[data] + after).encode("utf-8", "surrogatepass"))
        else:
            part = (name, crc, size, data)
        parts.append(part)
    parts += [compress(f"word/{target}", data) for _, target, data in relations.images]
    package = io.BytesIO()  # a failing stream must not leave a half-written zip behind
    write_zip(package, parts)
    stream.write(package.getvalue())
