"""Figure layout for Chinese briefs: labels wrap by character under the Chinese rules and never overlap or leave the drawing."""

from __future__ import annotations

import re

import pytest

from briefgen.catalogue import load_catalogue
from briefgen.chinese import NO_END, NO_START
from briefgen.figures.define import FigureBook
from briefgen.figures.faces import label_faces
from briefgen.figures.layout import layout
from briefgen.figures.measure import Measure
from briefgen.figures.model import Label, Timeline
from briefgen.style import house_style

CHINESE = ("zh-Hant-HK", "zh-Hans-CN")
LATIN = re.compile(r"[A-Za-z0-9$][A-Za-z0-9$,.]*[A-Za-z0-9]|[A-Za-z0-9]")


@pytest.mark.parametrize("width", [58.0, 70.0, 90.0, 130.0])  # HK$1,234,567.89 is 56 points wide
def test_chinese_wraps_between_characters_but_never_inside_a_latin_word_or_before_a_closing_mark(width):
    measure = Measure(label_faces("zh-Hant-HK"))
    text = "試行：EnsembleTX代幣化存款，結算金額HK$1,234,567.89（以港元RTGS結算）。「跨境支付通」已實施"
    lines = measure.wrap(text, 8, width)
    assert "".join(lines) == text and len(lines) > 1
    for line in lines:
        assert line[0] not in NO_START and line[-1] not in NO_END, lines
        assert measure.width(line, 8) <= width or not re.search(r"[\u4e00-\u9fff]", line), lines
    words = [w for line in lines for w in LATIN.findall(line)]
    assert {"EnsembleTX", "HK$1,234,567.89", "RTGS"} <= set(words), lines


def test_a_latin_word_wider_than_the_line_is_cut_where_it_must_be():
    measure = Measure(label_faces("zh-Hans-CN"))
    lines = measure.wrap("金额HK$1,234,567.89", 8, 30)
    assert "".join(lines) == "金额HK$1,234,567.89" and all(measure.width(line, 8) <= 30 for line in lines)


def test_a_last_line_of_one_character_takes_its_neighbour_with_it():
    measure = Measure(label_faces("zh-Hans-CN"))
    text = "香港《稳定币条例》生效"
    width = measure.width(text[:-1], 8) + 0.5
    assert measure.wrap(text, 8, width) == ["香港《稳定币条例》", "生效"]


def test_english_still_wraps_at_spaces():
    measure = Measure(label_faces("en"))
    assert measure.wrap("Live: e-CNY wallets for Hong Kong residents", 8, 80) == \
        ["Live: e-CNY wallets for", "Hong Kong residents"]


def boxes(drawing, measure: Measure) -> list[tuple[float, float, float, float, str]]:
    out = []
    for shape in drawing.shapes:
        if isinstance(shape, Label) and shape.text:
            w = measure.width(shape.text, shape.size, shape.bold)
            left = shape.x - {"start": 0, "middle": w / 2, "end": w}[shape.anchor]
            out.append((left, shape.y - shape.size * 0.8, left + w, shape.y + shape.size * 0.2, shape.text))
    return out


@pytest.mark.parametrize("lang", CHINESE)
@pytest.mark.parametrize("width", [house_style().frame_width, house_style().frame_width - 2 * house_style().callout_padding - 2])
def test_no_two_labels_of_a_chinese_timeline_overlap_and_none_leaves_the_drawing(lang, width):
    catalogue = load_catalogue(None, lang)
    measure = Measure(label_faces(lang))
    for themes in [tuple(catalogue.themes)] + [(theme,) for theme in catalogue.themes]:
        book = FigureBook(catalogue, themes)
        for figure_id in catalogue.figures:
            spec = book.spec(figure_id)[0]
            if not isinstance(spec, Timeline):
                continue
            drawing = layout(spec, width, lang)
            placed = boxes(drawing, measure)
            for index, (x0, y0, x1, y1, text) in enumerate(placed):
                assert -0.5 <= x0 and x1 <= drawing.width + 0.5 and y0 >= -0.5 and y1 <= drawing.height + 0.5, \
                    (figure_id, text)
                for a0, b0, a1, b1, other in placed[index + 1:]:
                    apart = x1 <= a0 + 0.5 or a1 <= x0 + 0.5 or y1 <= b0 + 0.5 or b1 <= y0 + 0.5
                    assert apart, (figure_id, themes, width, text, other)
