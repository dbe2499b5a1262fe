"""Build briefgen's Chinese faces: Noto CJK (OFL) subset per locale and converted to TrueType outlines.

reportlab embeds TrueType outlines only, and Noto CJK ships as CFF collections, so this script
takes Debian's fonts-noto-cjk collections, picks the Hong Kong (HK) and Simplified Chinese (SC)
faces, keeps the characters a locale needs (HK: Big5 and HKSCS; SC: GB2312, and those of GBK
that the HK faces lack, so that the two together cover GBK too; both: CJK punctuation and
full-width forms), turns the cubic outlines into quadratic ones
(cu2qu), drops what reportlab never reads (layout tables, hinting, glyph names) and writes
assets/fonts/NotoSerifCJK{hk,sc}-Regular.ttf and NotoSansCJK{hk,sc}-Bold.ttf.

Run: apt-get install fonts-noto-cjk; pip install fonttools; python tools/build_cjk_fonts.py
(about a minute per face; the faces are built in parallel). The output is committed, so
neither installing nor testing briefgen needs this script or its packages.
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

NOTO = Path("/usr/share/fonts/opentype/noto")
OUT = Path(__file__).resolve().parent.parent / "assets" / "fonts"
LICENCE = "LICENSE-NotoCJK.txt"
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")

# (output file, collection file, face name in the collection, locale)
FACES = (
    ("NotoSerifCJKhk-Regular.ttf", "NotoSerifCJK-Regular.ttc", "Noto Serif CJK HK", "hk"),
    ("NotoSansCJKhk-Bold.ttf", "NotoSansCJK-Bold.ttc", "Noto Sans CJK HK Bold", "hk"),
    ("NotoSerifCJKsc-Regular.ttf", "NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC", "sc"),
    ("NotoSansCJKsc-Bold.ttf", "NotoSansCJK-Bold.ttc", "Noto Sans CJK SC Bold", "sc"),
)
# Double-byte legacy encodings whose repertoire a locale's face keeps. The SC faces also take the
# characters of GBK that the HK faces lack (GBK's other additions are mostly traditional forms, which
# the HK faces draw), which keeps all four faces within 25 MB where full GBK SC faces needed 31 MB.
CODECS = {"hk": ("big5hkscs",), "sc": ("gb2312",)}
TOPPED_UP = {"sc": ("gbk", "hk")}  # locale: (codec, the locale whose characters are not added again)
# Punctuation and forms either locale's text uses beyond the codecs: CJK symbols and punctuation,
# full-width and half-width forms, general punctuation (quotes, dashes, ellipsis), the two- and
# three-em dashes, and the middle dot.
EXTRA_RANGES = ((0x3000, 0x303F), (0xFF01, 0xFFEF), (0x2010, 0x2027), (0x2030, 0x203E), (0x2E3A, 0x2E3B),
                (0x00B7, 0x00B7), (0x0020, 0x007E))
MAX_ERROR = 1.0  # font units (of 1000 per em) between a cubic curve and its quadratic approximation


def codec_repertoire(codec: str) -> set[int]:
    """Every code point a double-byte codec can encode (some HKSCS byte pairs decode to two characters)."""
    found: set[int] = set(range(0x20, 0x7F))
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                text = bytes((lead, trail)).decode(codec)
            except UnicodeDecodeError:
                continue
            found.update(ord(c) for c in text)
    return {c for c in found if c >= 0x20 and not 0xE000 <= c <= 0xF8FF}  # no private-use code points


def characters(locale: str) -> set[int]:
    wanted = set().union(*(codec_repertoire(codec) for codec in CODECS[locale]))
    if locale in TOPPED_UP:
        codec, other = TOPPED_UP[locale]
        wanted |= codec_repertoire(codec) - characters(other)
    for first, last in EXTRA_RANGES:
        wanted.update(range(first, last + 1))
    return wanted


def _face(collection: Path, name: str):
    from fontTools.ttLib import TTCollection

    for font in TTCollection(str(collection)).fonts:
        if font["name"].getDebugName(4) == name:
            return font
    raise SystemExit(f"{collection} has no face named {name!r}; install Debian's fonts-noto-cjk")


def _subset(font, codepoints: set[int]) -> None:
    from fontTools import subset

    options = subset.Options()
    options.layout_features = []  # reportlab does no shaping: GSUB, GPOS and the rest go
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "DSIG"]
    options.hinting = False
    options.desubroutinize = True
    options.glyph_names = False
    options.name_IDs = ["*"]  # keep the copyright, licence and designer records
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)


def _to_truetype(font) -> None:
    """Replace the CFF table with quadratic glyf outlines (TrueType winding: clockwise)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    del font["CFF "]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0  # no glyph names
    font.sfntVersion = "\x00\x01\x00\x00"


def build(output: str, collection: str, face: str, locale: str, out_dir: Path) -> tuple[str, int, int, float, str]:
    """Build one face; return (file, characters mapped, bytes written, seconds, copyright notice)."""
    started = time.perf_counter()
    font = _face(NOTO / collection, face)
    _subset(font, characters(locale))
    _to_truetype(font)
    target = out_dir / output
    font.save(str(target))
    notice = font["name"].getDebugName(0)
    return output, len(font.getBestCmap()), target.stat().st_size, time.perf_counter() - started, notice


def write_licence(out_dir: Path, notices: list[str]) -> None:
    """The fonts' copyright notices and the OFL text (from the Debian package's copyright file)."""
    paragraphs = DEBIAN_COPYRIGHT.read_text(encoding="utf-8").split("\n\n")
    licence = next(p for p in paragraphs if p.startswith("License: SIL-1.1\n"))  # the stand-alone licence text
    body = "\n".join("" if line == " ." else line[1:] for line in licence.splitlines()[1:])
    note = ("Noto Serif CJK and Noto Sans CJK (https://github.com/googlefonts/noto-cjk), as packaged by Debian\n"
            "(fonts-noto-cjk). The files in this folder named NotoSerifCJK*.ttf and NotoSansCJK*.ttf are\n"
            "modified versions made by tools/build_cjk_fonts.py: subset to the characters of a locale and\n"
            "converted from CFF to TrueType outlines. They are licensed under the SIL Open Font License 1.1.\n\n")
    (out_dir / LICENCE).write_text(note + "\n".join(sorted(set(notices))) + "\n\n" + body + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the .ttf files (default: assets/fonts)")
    parser.add_argument("--jobs", type=int, default=None, help="faces built at once (default: one per core)")
    args = parser.parse_args(argv)
    if not NOTO.is_dir() or not DEBIAN_COPYRIGHT.is_file():
        print("build_cjk_fonts: Noto CJK collections not found; run apt-get install fonts-noto-cjk", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(build, *zip(*FACES), [args.out] * len(FACES)))
    write_licence(args.out, [result[-1] for result in results])
    total = 0
    for output, mapped, size, seconds, _ in results:
        total += size
        print(f"{output:<30} {mapped:>6} characters {size / 1e6:>6.2f} MB {seconds:>6.1f} s")
    print(f"{'total':<30} {'':>17} {total / 1e6:>6.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
