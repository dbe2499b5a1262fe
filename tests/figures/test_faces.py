"""Figure labels in runs by script: Latin in the Latin display face, Chinese in the brief's Chinese faces."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.figures.faces import coverage, label_faces, runs
from briefgen.style import house_style


def name(path: str) -> str:
    return Path(path).name


@pytest.mark.parametrize(("lang", "serif", "sans", "pilot"), [
    ("zh-Hant-HK", "NotoSerifCJKhk-Regular.ttf", "NotoSansCJKhk-Bold.ttf", ("試行：", "代幣化存款（")),
    ("zh-Hans-CN", "NotoSerifCJKsc-Regular.ttf", "NotoSansCJKsc-Bold.ttf", ("试行：", "代币化存款（")),
])
def test_chinese_goes_to_the_locales_face_and_latin_stays_latin(lang, serif, sans, pilot):
    faces = label_faces(lang)
    text = f"2026年2月 {pilot[0]}EnsembleTX{pilot[1]}HK$1,234）"
    regular, bold = runs(text, False, faces), runs(text, True, faces)
    assert "".join(run for run, _ in regular) == text == "".join(run for run, _ in bold)
    assert [(run, name(path)) for run, path in regular] == [
        ("2026", "Carlito-Regular.ttf"), ("年", serif), ("2", "Carlito-Regular.ttf"), ("月", serif),
        (" ", "Carlito-Regular.ttf"), (pilot[0], serif), ("EnsembleTX", "Carlito-Regular.ttf"), (pilot[1], serif),
        ("HK$1,234", "Carlito-Regular.ttf"), ("）", serif)]
    assert {name(path) for _, path in bold} == {"Carlito-Bold.ttf", sans}
    for run, path in regular + bold:  # every character is drawn by a face that has its glyph
        assert {ord(c) for c in run} <= coverage(path), (run, path)


def test_quotation_marks_touching_chinese_are_drawn_with_it():
    faces = label_faces("zh-Hans-CN")
    assert [(run, name(path)) for run, path in runs("称“稳定币”为 “stable”", False, faces)] == [
        ("称“稳定币”为", "NotoSerifCJKsc-Regular.ttf"), (" “stable”", "Carlito-Regular.ttf")]


def test_an_english_brief_draws_english_in_the_latin_face_only_and_chinese_in_the_hong_kong_face_first():
    faces = label_faces("en")
    latin = house_style().latin.pdf_display
    assert runs("Facts current to 29 November 2026 – “reported”", False, faces) == [
        ("Facts current to 29 November 2026 – “reported”", latin.regular)]
    assert [name(path) for _, path in runs("Hong Kong 香港", True, faces)] == ["Carlito-Bold.ttf", "NotoSansCJKhk-Bold.ttf"]


def test_a_run_with_a_character_its_locales_face_lacks_moves_whole_to_a_face_that_has_every_one():
    faces = label_faces("zh-Hant-HK")
    hk, sc = faces.east_asian[0].regular, faces.east_asian[1].regular
    missing = next(chr(c) for c in sorted(coverage(sc) - coverage(hk)) if 0x4E00 <= c <= 0x9FFF)
    assert [(run, name(path)) for run, path in runs(f"香港{missing} FPS 香港", False, faces)] == [
        (f"香港{missing}", "NotoSerifCJKsc-Regular.ttf"), (" FPS ", "Carlito-Regular.ttf"),
        ("香港", "NotoSerifCJKhk-Regular.ttf")]  # one phrase keeps one glyph style, as in the PDF
