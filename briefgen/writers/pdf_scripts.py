"""Split PDF text into runs by script, so that every run is drawn in a face that has its glyphs.

Latin letters, digits and spaces stay in the Latin faces. Characters a Latin face lacks (Han,
CJK punctuation, full-width forms) go to the brief's Chinese faces: a run of them takes the
first Chinese script (in the brief's order of preference) that has every character of the run,
so one phrase keeps one glyph style; failing that, each character takes the first that has it.
Quotation marks, dashes and ellipses next to Chinese text go with it (full width). A character
no face has stops the export with one line naming it (check_document), never a box or a gap.
"""

from __future__ import annotations

from itertools import groupby

import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from .. import tree
from ..chinese import join_neutral, spans
from ..errors import BriefgenError
from ..style import ScriptFonts
from ..textsafe import shorten, strip_controls, xml_escape as escape
from .pdf_fonts import ROLES, VARIANTS, coverage, face, outside, outside_of, role_of, script_coverage

SHOWN = 6  # characters named in the error


@dataclass(frozen=True)
class BriefFonts:
    """The faces of one brief: Latin, then its Chinese scripts in order of preference."""

    latin: ScriptFonts
    east_asian: tuple[ScriptFonts, ...]

    def face_for(self, char: int, base: str) -> str | None:
        """A font for one character that the base (Latin) font lacks, or None if no face has it."""
        role, variant = role_of(base)
        scripts = self.east_asian + (self.latin,)
        for name in [face(s, role, variant) for s in scripts] + [face(s, r, v) for s in scripts for r in ROLES
                                                                  for v in VARIANTS]:
            if char in coverage(name):
                return name
        return None

    def script_for_run(self, text: str, bases: list[str]) -> ScriptFonts | None:
        """The first Chinese script whose faces (for each character's role) have every character of a run."""
        by_base: dict[str, set[int]] = {}
        for char, base in zip(text, bases):
            by_base.setdefault(base, set()).add(ord(char))
        for script in self.east_asian:
            if all(points <= coverage(face(script, *role_of(base))) for base, points in by_base.items()):
                return script
        return None


_current: ContextVar[BriefFonts | None] = ContextVar("briefgen_pdf_fonts", default=None)


@contextmanager
def fonts_in_use(fonts: BriefFonts):
    """Make `fonts` the faces for the paragraphs built and laid out inside the block."""
    token = _current.set(fonts)
    try:
        yield
    finally:
        _current.reset(token)


def current() -> BriefFonts | None:
    return _current.get()


def plan(pieces: list[tuple[str, str]], fonts: BriefFonts) -> list[list[tuple[str, str]]] | None:
    """For (text, Latin font) pieces of one paragraph, each piece's runs as (text, font); None if all stay Latin.

    Characters no face has are left out here (check_document reports them first); so are
    invisible format characters no face has, such as a zero-width space.
    """
    if not any(outside(font).search(text) for text, font in pieces if text):
        return None
    text = "".join(t for t, _ in pieces)
    bases = [font for t, font in pieces for _ in t]
    wide = []
    for piece, base in pieces:
        covered = coverage(base)
        wide += [ord(c) not in covered and not c.isspace() for c in piece]
    wide = join_neutral(text, wide)
    fonts_by_char: list[str | None] = list(bases)
    for i, end in spans(wide):
        script = fonts.script_for_run(text[i:end], bases[i:end])
        if script:
            faces: dict[str, str] = {}
            for k in range(i, end):
                base = bases[k]
                fonts_by_char[k] = faces.get(base) or faces.setdefault(base, face(script, *role_of(base)))
        else:
            for k in range(i, end):
                fonts_by_char[k] = fonts.face_for(ord(text[k]), bases[k])
    out, position = [], 0
    for piece, _ in pieces:
        runs, start = [], 0
        for font, run in groupby(fonts_by_char[position:position + len(piece)]):
            end = start + len(list(run))
            if font is not None:
                runs.append((piece[start:end], font))
            start = end
        out.append(runs)
        position += len(piece)
    return out


def split_frags(frags: list, fonts: BriefFonts) -> tuple[list, bool]:
    """reportlab fragments split into runs by script; True if any run is drawn in a Chinese face."""
    pieces = [(getattr(f, "text", ""), f.fontName) for f in frags]
    planned = plan(pieces, fonts)
    if planned is None:
        return frags, False
    out = []
    for frag, runs, (text, _) in zip(frags, planned, pieces):
        if not text or (len(runs) == 1 and runs[0][1] == frag.fontName):
            out.append(frag)
            continue
        out.extend(frag.clone(text=run, fontName=font) for run, font in runs)
    return out, True


def markup(text: str, font: str) -> str:
    """reportlab paragraph markup for plain text whose base font is `font`: escaped, Chinese runs in their faces."""
    fonts = current()
    runs = (plan([(text, font)], fonts) if fonts else None) or [[(text, font)]]
    return "".join(escape(run) if name == font else f'<font face="{name}">{escape(run)}</font>' for run, name in runs[0])


def draw_runs(canvas, x: float, y: float, text: str, font: str, size: float, anchor: str = "start") -> None:
    """Draw one line of text on the canvas from, around or up to (x, y) (anchor start, middle or end), each run
    in a face that has its glyphs."""
    fonts = current()
    runs = (plan([(text, font)], fonts) if fonts else None) or [[(text, font)]]
    widths = [canvas.stringWidth(run, name, size) for run, name in runs[0]]
    x -= {"start": 0.0, "middle": sum(widths) / 2, "end": sum(widths)}[anchor]
    for (run, name), width in zip(runs[0], widths):
        canvas.setFont(name, size)
        canvas.drawString(x, y, run)
        x += width


# -- characters no face has ------------------------------------------------------------------------
def _undrawable(text: str, fonts: BriefFonts) -> list[str]:
    """The characters of `text` that no face of the brief has (whitespace and invisible format characters aside)."""
    latin = script_coverage(fonts.latin)
    if not outside_of(latin).search(text):
        return []
    return [char for char in dict.fromkeys(text)
            if not (ord(char) in latin or char.isspace() or unicodedata.category(char) == "Cf"
                    or any(ord(char) in script_coverage(script) for script in fonts.east_asian))]


def _texts(document: tree.Document):
    """(label, text) for everything the PDF draws, in order."""
    meta = document.metadata
    for name in ("title", "subtitle", "author", "organisation", "currency"):
        yield f"the {name}", getattr(meta, name)

    def blocks(items):
        for block in items:
            if isinstance(block, (tree.Heading, tree.Paragraph)):
                yield "the text", tree.plain_text(block.children)
            elif isinstance(block, (tree.BulletList, tree.OrderedList)):
                for item in block.items:
                    yield from blocks(item.blocks)
            elif isinstance(block, tree.Table):
                for row in (block.header, *block.rows):
                    for cell in row:
                        yield "a table", tree.plain_text(cell)
            elif isinstance(block, tree.Callout):
                yield "a box title", block.title
                yield from blocks(block.blocks)
            elif isinstance(block, tree.References):
                for entry in block.entries:
                    yield "the references", tree.plain_text(entry.children)
            elif isinstance(block, tree.Contents):
                yield "the contents title", block.title

    yield from blocks(document.blocks)


def check_document(document: tree.Document, fonts: BriefFonts) -> None:
    """Raise a one-line error naming the first field with characters no face can draw, and those characters."""
    texts = list(_texts(document))
    if not _undrawable(strip_controls("".join(text for _, text in texts)), fonts):
        return
    for label, text in texts:
        missing = _undrawable(strip_controls(text), fonts)
        if not missing:
            continue
        if label in ("the text", "a table", "the references"):
            at = text.index(missing[0])
            label += f" near {shorten(text[max(0, at - 20):at + 20], 40)!r}"
        named = ", ".join(f"U+{ord(c):04X} ({c})" for c in missing[:SHOWN])
        more = f" and {len(missing) - SHOWN} more" if len(missing) > SHOWN else ""
        raise BriefgenError(f"{label} holds characters that no font briefgen ships can draw in a PDF: {named}{more}; "
                            "remove or replace them (the DOCX leaves fonts to Word)")
