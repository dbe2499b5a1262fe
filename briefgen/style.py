"""The house style from assets/style.toml as typed values shared by both writers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import tree
from .resources import assets_dir, read_asset_toml

A4_POINTS = (595.2756, 841.8898)


@dataclass(frozen=True)
class Colour:
    """An sRGB colour given as six hex digits."""

    hex: str

    @property
    def rgb(self) -> tuple[int, int, int]:
        return tuple(int(self.hex[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


@dataclass(frozen=True)
class FaceFiles:
    """TrueType files of one family, by variant, as absolute paths."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


@dataclass(frozen=True)
class ScriptFonts:
    """The faces used for one writing system."""

    name: str
    languages: tuple[str, ...]
    docx_body: str
    docx_display: str
    pdf_body: FaceFiles
    pdf_display: FaceFiles
    east_asian: tuple[str, ...] = ()  # names of the Chinese scripts that draw what this one lacks, in order
    word_lang: str = ""  # w:lang's eastAsia value for a Chinese script (zh-HK, zh-CN)
    docx_body_alternatives: tuple[str, ...] = ()
    docx_display_alternatives: tuple[str, ...] = ()


@dataclass(frozen=True)
class HeadingLevel:
    """Size and spacing of one heading level, in points."""

    size: float
    before: float
    after: float


@dataclass(frozen=True)
class HouseStyle:
    """Every layout decision both writers share. All lengths are in points."""

    page_width: float
    page_height: float
    margin_top: float
    margin_bottom: float
    margin_left: float
    margin_right: float
    header_distance: float
    colours: dict[str, Colour]
    scripts: tuple[ScriptFonts, ...]
    body_size: float
    body_leading: float
    paragraph_after: float
    list_indent: float
    list_item_after: float
    title_size: float
    title_leading: float
    subtitle_size: float
    byline_size: float
    title_after: float
    headings: dict[int, HeadingLevel]
    callout_title_size: float
    callout_padding: float
    callout_border_width: float
    table_size: float
    table_leading: float
    table_padding: float
    table_source_size: float
    table_source_before: float
    references_size: float
    references_leading: float
    references_after: float
    running_size: float
    short_title_chars: int
    figure_size: float = 7.5
    figure_caption_size: float = 9.5
    figure_source_size: float = 8
    figure_dpi: int = 300
    figure_palette: tuple[str, ...] = ("0B4F6C",)

    def colour(self, name: str) -> Colour:
        return self.colours[name]

    def fonts_for(self, language: str) -> ScriptFonts:
        """The script whose languages include `language` (the first script otherwise)."""
        for script in self.scripts:
            if language in script.languages:
                return script
        return self.scripts[0]

    @property
    def latin(self) -> ScriptFonts:
        """The faces of Latin text, in a brief of any language."""
        return self.scripts[0]

    def east_asian(self, language: str) -> tuple[ScriptFonts, ...]:
        """The Chinese scripts for a brief in `language` (a BCP 47 tag), most preferred first."""
        tag = language.lower()
        by_name = {script.name: script for script in self.scripts}
        own = next((s for s in self.scripts[1:] if tag in (lang.lower() for lang in s.languages)), None)
        if own is None:  # zh-Hant-TW finds zh-Hant, then zh
            own = next((s for s in self.scripts[1:] for lang in s.languages
                        if tag.startswith(lang.lower() + "-")), None)
        first = own or self.latin
        return ((own,) if own else ()) + tuple(by_name[name] for name in first.east_asian)

    def heading(self, level: int) -> HeadingLevel:
        return self.headings[min(level, max(self.headings))]

    @property
    def frame_width(self) -> float:
        return self.page_width - self.margin_left - self.margin_right


def _faces(spec: dict[str, str]) -> FaceFiles:
    fonts = assets_dir() / "fonts"
    return FaceFiles(**{variant: str(fonts / spec[variant]) for variant in ("regular", "bold", "italic", "bold_italic")})


@lru_cache(maxsize=1)
def house_style() -> HouseStyle:
    """Load the house style once per process."""
    raw = read_asset_toml("style.toml")
    page, text, title = raw["page"], raw["text"], raw["title"]
    if page["size"] != "A4":
        raise ValueError("the house style supports the A4 page only")
    scripts = tuple(
        ScriptFonts(
            name=name,
            languages=tuple(spec["languages"]),
            docx_body=spec["docx_body"],
            docx_display=spec["docx_display"],
            pdf_body=_faces(spec["pdf_body"]),
            pdf_display=_faces(spec["pdf_display"]),
            east_asian=tuple(spec.get("east_asian", ())),
            word_lang=spec.get("word_lang", ""),
            docx_body_alternatives=tuple(spec.get("docx_body_alternatives", ())),
            docx_display_alternatives=tuple(spec.get("docx_display_alternatives", ())),
        )
        for name, spec in raw["scripts"].items()
    )
    return HouseStyle(
        page_width=A4_POINTS[0],
        page_height=A4_POINTS[1],
        margin_top=page["margin_top"],
        margin_bottom=page["margin_bottom"],
        margin_left=page["margin_left"],
        margin_right=page["margin_right"],
        header_distance=page["header_distance"],
        colours={name: Colour(value) for name, value in raw["colours"].items()},
        scripts=scripts,
        body_size=text["body_size"],
        body_leading=text["body_leading"],
        paragraph_after=text["paragraph_after"],
        list_indent=text["list_indent"],
        list_item_after=text["list_item_after"],
        title_size=title["size"],
        title_leading=title["leading"],
        subtitle_size=title["subtitle_size"],
        byline_size=title["byline_size"],
        title_after=title["after"],
        headings={int(level): HeadingLevel(*values) for level, values in raw["headings"].items()},
        callout_title_size=raw["callout"]["title_size"],
        callout_padding=raw["callout"]["padding"],
        callout_border_width=raw["callout"]["border_width"],
        table_size=raw["table"]["size"],
        table_leading=raw["table"]["leading"],
        table_padding=raw["table"]["padding"],
        table_source_size=raw["table"]["source_size"],
        table_source_before=raw["table"]["source_before"],
        references_size=raw["references"]["size"],
        references_leading=raw["references"]["leading"],
        references_after=raw["references"]["after"],
        running_size=raw["running"]["size"],
        short_title_chars=raw["running"]["short_title_chars"],
        figure_size=raw["figure"]["size"],
        figure_caption_size=raw["figure"]["caption_size"],
        figure_source_size=raw["figure"]["source_size"],
        figure_dpi=raw["figure"]["dpi"],
        figure_palette=tuple(raw["figure"]["palette"]),
    )


def column_fractions(table: tree.Table) -> list[float]:
    """Share of the text width for each column, by the square root of its longest cell."""
    columns = max(len(table.header), *(len(row) for row in table.rows)) if table.rows else len(table.header)
    weights = []
    for column in range(columns):
        longest = max((len(tree.plain_text(row[column])) for row in (table.header, *table.rows) if column < len(row)),
                      default=0)
        weights.append(max(12, longest) ** 0.5)
    return [weight / sum(weights) for weight in weights]
