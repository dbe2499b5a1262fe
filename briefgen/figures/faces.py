"""Which font file draws each part of a figure label: Latin in the Latin display face, Chinese in a Chinese one.

The PDF draws labels in runs by script (writers/pdf_scripts.draw_runs); the layout measures and the
PNG draws the same runs in the same files: a character the Latin face has stays Latin (quotation
marks, dashes and ellipses next to Chinese go with the Chinese); a run of the others takes the first
of the brief's Chinese faces (Serif for regular labels, Sans bold for bold ones) that has every
character of the run, else each character the first face that has it. A character no face has stays
in the Latin face (the PDF export has already stopped on it with a one-line error).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..cache import cached_by_files
from ..chinese import join_neutral, spans
from ..style import FaceFiles, house_style


@dataclass(frozen=True)
class LabelFaces:
    """The display faces a figure's labels are drawn in: Latin, then the brief's Chinese faces in order."""

    latin: FaceFiles
    east_asian: tuple[FaceFiles, ...]

    def paths(self) -> list[str]:
        """Every file these faces read (for cache keys)."""
        return list(dict.fromkeys(p for f in (self.latin, *self.east_asian) for p in (f.regular, f.bold)))


def label_faces(language: str) -> LabelFaces:
    """The faces of a brief in `language` (Latin text is in the Latin faces in a brief of any language)."""
    style = house_style()
    return LabelFaces(style.latin.pdf_display, tuple(script.pdf_display for script in style.east_asian(language)))


@lru_cache(maxsize=16)
def coverage(path: str) -> frozenset[int]:
    """The code points a font file has glyphs for (read once, then kept in the cache folder)."""
    return frozenset(cached_by_files("font-coverage", [Path(path)], lambda: _read_coverage(path)))


def _read_coverage(path: str) -> list[int]:
    from fontTools.ttLib import TTFont  # only when a label holds a character outside printable ASCII

    with TTFont(path, lazy=True) as font:
        return sorted(font.getBestCmap())


def _ascii(text: str) -> bool:
    """Printable ASCII, which every face briefgen ships has: no need to read a font's character map."""
    return all(" " <= char <= "~" for char in text)


def runs(text: str, bold: bool, faces: LabelFaces) -> list[tuple[str, str]]:
    """`text` as (run, font file) pairs in order, each run drawn in a face that has its glyphs."""
    latin = faces.latin.bold if bold else faces.latin.regular
    if _ascii(text):
        return [(text, latin)] if text else []
    own = coverage(latin)
    chinese = join_neutral(text, [not c.isspace() and ord(c) not in own for c in text])
    files = [latin] * len(text)
    options = [f.bold if bold else f.regular for f in faces.east_asian]
    for i, end in spans(chinese):
        points = {ord(c) for c in text[i:end]}
        whole = next((path for path in options if points <= coverage(path)), None)
        for k in range(i, end):
            files[k] = whole or next((p for p in options if ord(text[k]) in coverage(p)), latin)
    out: list[tuple[str, str]] = []
    for char, path in zip(text, files):
        if out and out[-1][1] == path:
            out[-1] = (out[-1][0] + char, path)
        else:
            out.append((char, path))
    return out
