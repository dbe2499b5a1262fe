"""Figures: numbered, captioned, sourced and described in both formats; user figures; broken ones are FILE:LINE errors."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from docx.enum.text import WD_LINE_SPACING

from briefgen import tree
from briefgen.build import build_document
from briefgen.catalogue import load_catalogue
from briefgen.errors import TemplateProblem
from briefgen.figures.define import FigureBook, resolve
from briefgen.figures.faces import label_faces
from briefgen.figures.layout import layout
from briefgen.figures.measure import Measure
from briefgen.figures.model import Circle, Flow, Label, Line, Polygon, Rect
from briefgen.style import house_style

from .conftest import make_request, open_docx, open_pdf, pdf_text, render_bytes
from .test_cli import run

INVESTORS = make_request(audience="investors", themes=("hk-regulated-hub", "market-impact"), length="extended")
USER_FIGURE = '''[figures.stablecoin-path]
kind = "flow"
caption = "From licence to market"
facts = ["hk-stablecoins-ordinance"]
nodes = [
  { id = "issuer", label = "Licensed issuer", col = 0 },
  { id = "holder", label = "Holder", detail = "redeems at par", col = 1 },
]
edges = [{ from = "issuer", to = "holder", label = "mints against reserves" }]
'''
USER_TEMPLATE = '''{% extends "base.md.j2" %}
{% block conclusion %}
{{ m.figure("stablecoin-path") }}

{{ super() }}
{% endblock %}
'''


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def figures(document: tree.Document) -> list[tree.Figure]:
    return [block for block in document.blocks if isinstance(block, tree.Figure)]


def test_investor_brief_has_a_timeline_and_a_sourced_chart_in_both_formats():
    expected = build_document(INVESTORS)
    assert [(f.number, type(f.spec).__name__) for f in figures(expected)] == [(1, "Timeline"), (2, "Chart")]
    docx = open_docx(render_bytes(INVESTORS, "docx"))
    captions = [p.text for p in docx.paragraphs if p.style.name == "Caption"]
    assert captions == ["Figure 1. The rules in force, and the dated catalysts to watch",
                        "Figure 2. Virtual-asset trading platforms licensed by the SFC"]
    sources = [p.text for p in docx.paragraphs if p.style.name == "Figure Source"]
    assert len(sources) == 2 and all(s.startswith("Sources: ") for s in sources)
    # who said each number, each publisher followed by its own citation
    assert re.fullmatch(r"Sources: PANews\d+(, \d+)*; People's Daily Online \(Xinhua\)\d+\.", sources[1])
    descriptions = [shape._inline.docPr.get("descr") for shape in docx.inline_shapes]
    assert descriptions == [f.alt for f in figures(expected)]
    assert descriptions[1].startswith("Bar chart of Licensed trading platforms (number): 18 Dec 2024: 7 (reported);")
    assert "13 Feb 2026: 12 (reported); Jun 2026: 13 (reported)" in descriptions[1]
    assert all(shape.width.pt == pytest.approx(house_style().frame_width, abs=1) for shape in docx.inline_shapes)
    pictures = [p for p in docx.paragraphs if p.style.name == "Figure"]
    assert len(pictures) == 2 and all(p.paragraph_format.line_spacing_rule != WD_LINE_SPACING.EXACTLY
                                      and p.style.paragraph_format.line_spacing == 1.0 for p in pictures)  # not clipped
    text = flat(pdf_text(open_pdf(render_bytes(INVESTORS, "pdf"))))
    assert "Figure 1. The rules in force, and the dated catalysts to watch" in text
    assert "Figure 2. Virtual-asset trading platforms licensed by the SFC" in text
    assert flat(sources[1]) in text
    assert "Facts current to 29 November 2026" in text and "reported" in text  # the drawing's own labels


@pytest.mark.parametrize(("themes", "payment_flow"), [
    (("complementary-partnership",), "ecny-wallet"),
    (("hk-regulated-hub",), "ensembletx-settlement"),
])
@pytest.mark.parametrize("length", ["standard", "extended"])
def test_technologist_briefs_draw_two_flow_diagrams(themes, payment_flow, length):
    request = make_request(audience="technologists", themes=themes, length=length)
    flows = [f.id for f in figures(build_document(request)) if isinstance(f.spec, Flow)]
    assert flows == [payment_flow, "stablecoin-controls"]  # the payment flow with the workflows, then the issuer's controls
    docx = open_docx(render_bytes(request, "docx"))
    descriptions = [shape._inline.docPr.get("descr") for shape in docx.inline_shapes]
    assert any("Licensed issuer to Reserve assets: backs every coin in full" in d for d in descriptions)
    assert any(("pays through FPS" if payment_flow == "ecny-wallet" else "interbank leg: HKD RTGS") in d
               for d in descriptions)
    text = flat(pdf_text(open_pdf(render_bytes(request, "pdf"))))
    assert "Licensed issuer" in text and "redeems at par" in text
    assert ("Wallet-operating bank" if payment_flow == "ecny-wallet" else "Tokenised money-market fund") in text


def test_the_public_timeline_carries_dates_to_watch_after_the_facts_date():
    request = make_request(audience="public", themes=("hk-regulated-hub", "regulatory-navigation"))
    timeline = figures(build_document(request))[0]
    upcoming = [event for event in timeline.spec.events if event.upcoming]
    assert [event.date for event in upcoming] == ["Dec 2026", "Jan 2027", "2028"]
    assert all(not event.upcoming for event in timeline.spec.events[:-3])  # what happened comes first
    assert "Dates to watch: Dec 2026" in timeline.alt
    text = flat(pdf_text(open_pdf(render_bytes(request, "pdf"))))
    assert "To watch" in text and "Crypto tax-reporting" in text
    docx = open_docx(render_bytes(request, "docx"))
    assert any("Dates to watch: Dec 2026, Hong Kong" in s._inline.docPr.get("descr") for s in docx.inline_shapes)


def test_a_date_to_watch_that_has_come_is_left_out():
    catalogue = load_catalogue(None)
    definition = catalogue.figures["milestones-watch"]
    milestones = catalogue.timeline_for(("hk-regulated-hub",))
    now = resolve(definition, catalogue.register, milestones, dt.date(2026, 11, 29))
    later = resolve(definition, catalogue.register, milestones, dt.date(2027, 6, 1))
    assert [e.date for e in now.spec.events if e.upcoming] == ["Dec 2026", "Jan 2027", "2028"]
    assert [e.date for e in later.spec.events if e.upcoming] == ["2028"]


@pytest.mark.parametrize("lang", ["en", "zh-Hant-HK", "zh-Hans-CN"])
@pytest.mark.parametrize("width", [house_style().frame_width, 250.0])
def test_every_built_in_figure_stays_inside_its_drawing(width, lang):
    catalogue = load_catalogue(None, lang)
    book = FigureBook(catalogue, tuple(catalogue.themes))
    measure = Measure(label_faces(lang))
    for figure_id in catalogue.figures:
        drawing = layout(book.spec(figure_id)[0], width, lang)
        for shape in drawing.shapes:
            if isinstance(shape, Label):
                w = measure.width(shape.text, shape.size, shape.bold)
                left = shape.x - {"start": 0, "middle": w / 2, "end": w}[shape.anchor]
                box = (left, shape.y - shape.size, left + w, shape.y)
            elif isinstance(shape, Line):
                box = (min(shape.x1, shape.x2), min(shape.y1, shape.y2), max(shape.x1, shape.x2), max(shape.y1, shape.y2))
            elif isinstance(shape, Rect):
                box = (shape.x, shape.y, shape.x + shape.w, shape.y + shape.h)
            elif isinstance(shape, Circle):
                box = (shape.cx - shape.r, shape.cy - shape.r, shape.cx + shape.r, shape.cy + shape.r)
            else:
                assert isinstance(shape, Polygon)
                xs, ys = [p[0] for p in shape.points], [p[1] for p in shape.points]
                box = (min(xs), min(ys), max(xs), max(ys))
            assert -0.5 <= box[0] and box[2] <= drawing.width + 0.5 and -0.5 <= box[1] <= box[3] <= drawing.height + 0.5, \
                (figure_id, width, shape)


def test_a_user_figure_renders_in_both_formats(user_templates):
    (user_templates / "figures.toml").write_text(USER_FIGURE, encoding="utf-8")
    (user_templates / "audiences").mkdir()
    (user_templates / "audiences" / "policymakers.md.j2").write_text(USER_TEMPLATE, encoding="utf-8")
    request = make_request()
    docx = open_docx(render_bytes(request, "docx"))
    assert "Figure 2. From licence to market" in [p.text for p in docx.paragraphs if p.style.name == "Caption"]
    assert any("mints against reserves" in s._inline.docPr.get("descr") for s in docx.inline_shapes)
    text = flat(pdf_text(open_pdf(render_bytes(request, "pdf"))))
    assert "Figure 2. From licence to market" in text and "Licensed issuer" in text
    assert run("templates", "check").returncode == 0


USER_LINE_CHART = '''[figures.platform-trend]
kind = "line"
caption = "Licensed trading platforms over time"
y_title = "Licensed trading platforms"
unit = "number"
points = [
  { fact = "hk-vatp-count-2025", value = 11, date = "2025-06" },
  { fact = "hk-vatp-count-2026", value = 12, date = "2026-02-13" },
  { fact = "hk-vatp-count-2026", value = 13, date = "2026-06" },
]
'''


def test_a_user_line_chart_renders_in_both_formats_with_its_points_marked(user_templates):
    (user_templates / "figures.toml").write_text(USER_LINE_CHART, encoding="utf-8")
    (user_templates / "audiences").mkdir()
    (user_templates / "audiences" / "policymakers.md.j2").write_text(
        USER_TEMPLATE.replace("stablecoin-path", "platform-trend"), encoding="utf-8")
    request = make_request()
    chart = [f for f in figures(build_document(request)) if f.id == "platform-trend"][0]
    assert chart.spec.style == "line" and [p.value for p in chart.spec.points] == [11, 12, 13]
    assert [p.note for p in chart.spec.points] == ["", "reported", "reported"]  # the 2026 counts were reported
    docx = open_docx(render_bytes(request, "docx"))
    assert "Figure 2. Licensed trading platforms over time" in [p.text for p in docx.paragraphs
                                                                 if p.style.name == "Caption"]
    assert any(s._inline.docPr.get("descr").startswith("Line chart of Licensed trading platforms (number)")
               for s in docx.inline_shapes)
    text = flat(pdf_text(open_pdf(render_bytes(request, "pdf"))))
    assert "Figure 2. Licensed trading platforms over time" in text and "13 Feb 2026" in text


@pytest.mark.parametrize(("broken", "line", "message"), [
    ('[figures.platforms]\nkind = "bar"\ncaption = "One point"\ny_title = "Platforms"\nunit = "number"\n'
     'points = [{ fact = "hk-vatp-count-2026", value = 13 }]\n', 6,
     "figure 'platforms': a bar chart needs at least two points; it has 1"),
    ('[figures.wallets]\nkind = "timeline"\ncaption = "Wallets"\nfacts = ["no-such-fact"]\n', 4,
     "figure 'wallets': unknown fact 'no-such-fact'; 'briefgen facts list' shows the fact ids"),
    ('[figures.platforms]\nkind = "line"\ncaption = "Made up"\ny_title = "Platforms"\nunit = "number"\n'
     'points = [{ fact = "hk-vatp-count-2026", value = 12 }, { fact = "hk-vatp-count-2026", value = 40 }]\n', 6,
     "figure 'platforms': point 2: fact 'hk-vatp-count-2026' does not state the value 40"),
    ('[figures.flow]\nkind = "flow"\ncaption = "Nothing to draw"\nedges = []\n', 1, "figure 'flow': has no nodes"),
    ('[figures.ahead]\nkind = "timeline"\ncaption = "Ahead"\n'
     'watch = [{ fact = "hk-carf", date = "next year", label = "CARF" }]\n', 4,
     "figure 'ahead': date 'next year' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY"),
    ('[figures.runs]\nkind = "timeline"\ncaption = "Runs"\nfacts = ["xb-ecny-wallets", "hk-ensembletx"]\n'
     'labels = { "hk-carf" = "Live: tax data" }\n', 5,
     "figure 'runs': labels names 'hk-carf', which is not in facts"),
])
def test_a_broken_figure_is_a_file_line_error_and_no_file(tmp_path, broken, line, message):
    (tmp_path / "figures.toml").write_text(broken, encoding="utf-8")
    done = run("templates", "check", str(tmp_path))
    assert done.returncode == 1
    assert done.stdout.splitlines()[0].startswith(f"{tmp_path / 'figures.toml'}:{line}: {message}")
    out = tmp_path / "brief.pdf"
    rendered = run("render", "--audience", "investors", "--all-themes", "--templates", str(tmp_path), "-o", str(out))
    assert rendered.returncode == 1 and message in rendered.stderr and not out.exists()


def test_an_unknown_figure_in_a_template_names_the_template_line(user_templates):
    (user_templates / "audiences").mkdir()
    (user_templates / "audiences" / "public.md.j2").write_text(USER_TEMPLATE, encoding="utf-8")
    with pytest.raises(TemplateProblem) as caught:
        build_document(make_request(audience="public"))
    assert caught.value.line == 3 and "unknown figure 'stablecoin-path'" in caught.value.message


@pytest.mark.parametrize("length", ["standard", "extended"])
@pytest.mark.parametrize("audience", list(load_catalogue(None).audiences))
def test_every_audience_has_a_timeline_in_standard_and_extended_briefs(audience, length):
    for themes in (tuple(load_catalogue(None).themes), ("hk-regulated-hub",), ("mainland-fintech", "market-impact")):
        kinds = [type(f.spec).__name__ for f in figures(build_document(make_request(audience=audience, length=length,
                                                                                     themes=themes)))]
        assert "Timeline" in kinds, (audience, length, themes, kinds)
