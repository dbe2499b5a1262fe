"""The PDF's TrueType faces: registered with reportlab once, on first use, with a right ToUnicode map."""

from __future__ import annotations

import re
from fnmatch import fnmatch
from functools import lru_cache

from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab import Version as REPORTLAB_VERSION, rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTEncoding, TTFNameBytes, TTFont, TTFontFace

from ..cache import cached_by_files
from ..style import ScriptFonts

VARIANTS = ("regular", "bold", "italic", "bold_italic")
ROLES = ("body", "display")
BFCHAR_LIMIT = 100  # entries per beginbfchar block (PDF 32000-1, 9.10.3)


def to_unicode_cmap(name: str, subset: list[int]) -> str:
    """A ToUnicode CMap for one 256-glyph subset, code point by code point in UTF-16BE.

    reportlab's own (ttfonts.makeToUnicodeCMap) writes a code point above U+FFFF as five hex
    digits, so 𨋢 copies out as the wrong character and pypdf stops on the odd-length string.
    """
    entries = [f"<{code:02X}> <{chr(point).encode('utf-16-be').hex().upper()}>" for code, point in enumerate(subset)]
    blocks = []
    for start in range(0, len(entries), BFCHAR_LIMIT):
        chunk = entries[start:start + BFCHAR_LIMIT]
        blocks += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
        f"/CMapName /{name} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{max(len(subset) - 1, 0):02X}>", "endcodespacerange",
        *blocks, "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"])


class Font(TTFont):
    """A TrueType font whose subsets carry a ToUnicode map that is right outside the Basic Multilingual Plane."""

    def addObjects(self, doc):  # noqa: N802 - reportlab's name
        state = self.state.get(doc)
        subsets = [list(subset) for subset in state.subsets] if state else []
        super().addObjects(doc)
        for number, subset in enumerate(subsets):
            base = b"".join((SUBSETN(number), b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
            doc.idToObject["toUnicodeCMap:" + base].content = to_unicode_cmap(base, subset)


def load_font(name: str, path: str) -> Font:
    """The font in `path`, its parsed tables kept in the cache folder (parsing them is most of loading a face).

    reportlab parses a TrueType file's tables into plain dicts and lists on every load; those are
    kept (without the file's bytes, which are read again) keyed by the file and reportlab's version,
    and anything unexpected falls back to reportlab's own parse.
    """
    try:
        kept = cached_by_files(f"font-{REPORTLAB_VERSION}", [Path(path)], lambda: _face_fields(path))
        if kept is not None:
            return _font_from(name, path, kept)
    except Exception:  # a cache entry from another layout of reportlab's classes: parse as usual
        pass
    return Font(name, path)


def _face_fields(path: str) -> dict | None:
    """A parsed face's fields as plain data (names as (bytes, text) pairs), or None if they are not plain."""
    fields = {}
    for key, value in TTFontFace(path).__dict__.items():
        if key in ("_ttf_data", "_pdfScale"):
            continue
        fields[key] = ("name", bytes(value), value.ustr) if isinstance(value, TTFNameBytes) else value
    return fields


def _font_from(name: str, path: str, fields: dict) -> Font:
    """A Font made from kept fields, as reportlab's TTFont.__init__ would make it."""
    face = TTFontFace.__new__(TTFontFace)
    for key, value in fields.items():
        if isinstance(value, tuple) and len(value) == 3 and value[0] == "name":
            value = TTFNameBytes(value[1])
        setattr(face, key, value)
    face._ttf_data = Path(path).read_bytes()
    scale = 1000 / face.unitsPerEm
    face._pdfScale = (lambda x: x) if face.unitsPerEm == 1000 else (lambda x: x * scale)
    font = Font.__new__(Font)
    font.fontName, font.face, font.encoding, font.state = name, face, TTEncoding(), WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, pattern) for pattern in rl_config.unShapedFontGlob)
    return font


@lru_cache(maxsize=None)
def register_families(script: ScriptFonts) -> tuple[str, str]:
    """Register the script's faces with reportlab once; return (body, display) family names.

    A file named for several variants (Carlito has no italic; the Chinese faces have one weight
    per role) is read once, and those variants are that one font.
    """
    names = []
    for role, faces in (("body", script.pdf_body), ("display", script.pdf_display)):
        family = f"briefgen-{script.name}-{role}"
        by_file: dict[str, str] = {}
        for variant in VARIANTS:
            path = getattr(faces, variant)
            if path not in by_file:
                by_file[path] = f"{family}-{variant}"
                if by_file[path] not in _loaded:
                    pdfmetrics.registerFont(load_font(by_file[path], path))
                    _loaded[by_file[path]] = path
            _faces[(script.name, role, variant)] = by_file[path]
        font = {variant: by_file[getattr(faces, variant)] for variant in VARIANTS}
        pdfmetrics.registerFontFamily(family, normal=font["regular"], bold=font["bold"], italic=font["italic"],
                                      boldItalic=font["bold_italic"])
        for variant, name in font.items():
            _roles.setdefault(f"{family}-{variant}", (role, variant))
        names.append(family)
    return names[0], names[1]


_loaded: dict[str, str] = {}  # registered font name -> file
_faces: dict[tuple[str, str, str], str] = {}  # (script, role, variant) -> registered font name
_roles: dict[str, tuple[str, str]] = {}  # registered font name -> (role, variant)


def role_of(font_name: str) -> tuple[str, str]:
    """(role, variant) of a registered font name; a font briefgen did not register counts as body regular."""
    return _roles.get(font_name, ("body", "regular"))


def face(script: ScriptFonts, role: str, variant: str) -> str:
    """The registered font name of a script's face for a role and variant (registered now if need be)."""
    register_families(script)
    return _faces[(script.name, role, variant)]


@lru_cache(maxsize=None)
def coverage(font_name: str) -> frozenset[int]:
    """The code points a registered font has glyphs for."""
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


def outside(font_name: str) -> re.Pattern:
    """A pattern that finds the first character a registered font has no glyph for (whitespace excepted)."""
    return outside_of(coverage(font_name))


@lru_cache(maxsize=None)
def outside_of(points: frozenset[int]) -> re.Pattern:
    """A pattern that finds the first character outside `points` (whitespace excepted)."""
    ordered = sorted(points | {ord(c) for c in " \t\n\r\u00a0"})
    ranges, start, last = [], ordered[0], ordered[0]
    for point in ordered[1:] + [-1]:
        if point != last + 1:
            ranges.append(re.escape(chr(start)) + ("-" + re.escape(chr(last)) if last > start else ""))
            start = point
        last = point
    return re.compile(f"[^{''.join(ranges)}]")


@lru_cache(maxsize=None)
def script_coverage(script: ScriptFonts) -> frozenset[int]:
    """The code points any face of a script has glyphs for."""
    return frozenset().union(*(coverage(face(script, role, variant)) for role in ROLES for variant in VARIANTS))
