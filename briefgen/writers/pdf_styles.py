"""Paragraph styles for the PDF writer, derived from the house style for one brief language."""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle

from ..style import HouseStyle, house_style
from .pdf_fonts import register_families
from .pdf_scripts import BriefFonts


class Styles:
    """ParagraphStyles derived from the house style for one script."""

    def __init__(self, style: HouseStyle, language: str) -> None:
        body, display = register_families(style.latin)  # Latin text is in the Latin faces in a brief of any language
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
        self.table_source = derived("TableSource", f"{body}-regular", style.table_source_size,
                                    style.table_source_size * 1.3, muted, style.paragraph_after + 2,
                                    spaceBefore=style.table_source_before)
        # numbers in the body face; URLs break only at their punctuation (see _url_break_pairs), never mid-word
        self.reference = derived("Reference", f"{body}-regular", style.references_size, style.references_leading,
                                 text, style.references_after, leftIndent=20, bulletIndent=0, bulletFontName=f"{body}-regular",
                                 bulletFontSize=style.references_size, splitLongWords=0, uriWasteReduce=0.3)
        self.run_in_references = ParagraphStyle("RunInReferences", parent=self.reference, leftIndent=0)

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
def styles_for(language: str) -> Styles:
    """The styles for a brief in `language`, made once per process."""
    return Styles(house_style(), language)
