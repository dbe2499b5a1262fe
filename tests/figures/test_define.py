"""Figures in a Chinese brief say everything in its language: dates, lanes, notes, axis titles, facts line and alt text."""

from __future__ import annotations

import re
import tomllib

import pytest

from briefgen.catalogue import load_catalogue
from briefgen.figures.define import FigureBook
from briefgen.figures.layout import layout
from briefgen.figures.model import Chart, Label, Timeline
from briefgen.resources import assets_dir
from briefgen.style import house_style

LANES = {"zh-Hant-HK": ("香港", "內地", "國際", "值得關注", "資料截至"),
         "zh-Hans-CN": ("香港", "中国内地", "国际", "值得关注", "资料截至")}


def locale_words(lang: str) -> set[str]:
    """Latin words inside the Chinese text of the locale's own content (names such as EnsembleTX, FATF, RTGS)."""
    found: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and re.search(r"[\u4e00-\u9fff]", value):
            found.update(re.findall(r"[A-Za-z]{2,}", value))

    for path in (assets_dir() / "content" / "locales" / lang).rglob("*.toml"):
        walk(tomllib.loads(path.read_text(encoding="utf-8")))
    return found


def every_figure(lang: str):
    catalogue = load_catalogue(None, lang)
    width = round(house_style().frame_width, 2)
    for themes in [tuple(catalogue.themes)] + [(theme,) for theme in catalogue.themes]:
        book = FigureBook(catalogue, themes)
        for figure_id in catalogue.figures:
            spec, alt = book.spec(figure_id)
            yield figure_id, spec, alt, layout(spec, width, lang)


@pytest.mark.parametrize("lang", list(LANES))
def test_no_english_word_from_the_code_reaches_a_chinese_figure(lang):
    allowed = locale_words(lang)
    for figure_id, _spec, alt, drawing in every_figure(lang):
        texts = [shape.text for shape in drawing.shapes if isinstance(shape, Label)] + [alt]
        english = {word for text in texts for word in re.findall(r"[A-Za-z]{2,}", text)} - allowed
        assert not english, (figure_id, sorted(english))


@pytest.mark.parametrize("lang", list(LANES))
def test_chinese_timelines_name_lanes_dates_and_the_facts_date_in_the_locales_words(lang):
    hong_kong, mainland, international, watch, current = LANES[lang]
    catalogue = load_catalogue(None, lang)
    book = FigureBook(catalogue, tuple(catalogue.themes))
    spec, alt = book.spec("milestones-watch")
    assert isinstance(spec, Timeline)
    assert spec.lane_names == (hong_kong, mainland, international) and spec.watch_title == watch
    facts_date = catalogue.facts_date(tuple(catalogue.themes))
    assert spec.as_of == f"{current}{facts_date.year}年{facts_date.month}月{facts_date.day}日"
    assert all(re.fullmatch(r"\d{4}年\d{1,2}月|\d{4}", event.date) for event in spec.events)
    assert [e.year for e in spec.events] == [e.date[:4] for e in spec.events]
    labels = [s.text for s in layout(spec, round(house_style().frame_width, 2), lang).shapes if isinstance(s, Label)]
    assert {hong_kong, mainland, international, watch, spec.as_of} <= set(labels)
    assert alt.startswith("按司法管") and f"{mainland}：" in alt and "。" in alt


def test_a_chinese_chart_prints_its_dates_notes_and_axis_title_in_chinese():
    catalogue = load_catalogue(None, "zh-Hans-CN")
    spec, alt = FigureBook(catalogue, tuple(catalogue.themes)).spec("licensed-platforms")
    assert isinstance(spec, Chart)
    assert spec.title == "持牌交易平台数量（家）"
    assert [p.label for p in spec.points] == ["2024年12月18日", "2025年6月", "2026年2月13日", "2026年6月"]
    assert {p.note for p in spec.points} == {"", "据报道"}
    assert alt.startswith("持牌交易平台数量（家）柱状图：2024年12月18日：7（据报道）；2025年6月：11；")


def test_english_figures_keep_their_english_words():
    catalogue = load_catalogue(None)
    book = FigureBook(catalogue, tuple(catalogue.themes))
    spec, alt = book.spec("milestones-watch")
    assert spec.lane_names == ("Hong Kong", "Mainland", "International") and spec.watch_title == "To watch"
    assert re.fullmatch(r"Facts current to \d{1,2} [A-Z][a-z]+ \d{4}", spec.as_of)
    assert alt.startswith("Timeline of 4 milestones by jurisdiction (Hong Kong, Mainland, International), from ")
    chart = book.spec("licensed-platforms")[0]
    assert chart.title == "Licensed trading platforms (number)"
    assert [p.label for p in chart.points][:2] == ["18 Dec 2024", "Jun 2025"]
