"""The investors' rendered brief: bottom line first, dated and sourced figures, chart, risks, access, peers, checks, disclaimer."""

from __future__ import annotations

import dataclasses
import re

import pytest

from briefgen import tree
from briefgen.build import build_document
from briefgen.catalogue import load_catalogue

from .conftest import make_request, open_docx, open_pdf, pdf_text, render_bytes
from .test_content import THEMES, sentences, words

ALL = tuple(THEMES)
INVESTORS = load_catalogue(None).audiences["investors"].content


def brief(length: str = "standard", themes: tuple[str, ...] = ALL) -> tree.Document:
    return build_document(make_request(audience="investors", length=length, themes=themes))


def section(document: tree.Document, starts: str) -> list:
    """The blocks under the level-1 heading that starts with `starts`."""
    blocks, inside = [], False
    for block in document.blocks:
        if isinstance(block, tree.Heading) and block.level == 1:
            inside = tree.plain_text(block.children).startswith(starts)
            continue
        if inside:
            blocks.append(block)
    return blocks


def table(document: tree.Document, starts: str) -> list[list[str]]:
    (found,) = [b for b in section(document, starts) if isinstance(b, tree.Table)]
    return [[tree.plain_text(cell) for cell in row] for row in (found.header, *found.rows)]


def docx_text(document) -> str:
    """Body paragraphs and the paragraphs inside tables (boxes are one-cell tables)."""
    cells = [p.text for t in document.tables for row in t.rows for cell in row.cells for p in cell.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_bottom_line_with_stance_horizon_and_disclaimer_opens_the_brief_in_both_formats():
    first = brief().blocks[0]
    assert isinstance(first, tree.Callout) and first.title == "Bottom line"
    text = " ".join(tree.plain_text(b.children) for b in first.blocks if isinstance(b, tree.Paragraph))
    assert "Our view over 12 to 24 months from 29 November 2026" in text and "Constructive" in text and "negative" in text
    assert "Not investment advice" in text
    request = make_request(audience="investors", themes=ALL)
    pdf = pdf_text(open_pdf(render_bytes(request, "pdf")))
    assert pdf.index("Bottom line") < pdf.index("Our view") < 1500  # the first screen
    assert "Not investment advice This brief is research" in re.sub(r"\s+", " ", pdf)  # the closing box: title, then text
    docx = docx_text(open_docx(render_bytes(request, "docx")))
    assert "Not investment advice" in docx and "Our view" in docx


def test_every_market_figure_has_a_date_a_source_and_a_status_with_official_ones_first():
    rows = table(brief(), "Market figures")
    assert rows[0] == ["Figure", "Value", "As of", "Source", "Status"]
    for figure, value, as_of, source, status in rows[1:]:
        assert re.search(r"(January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d",
                         as_of), figure
        assert re.search(r"\w+.*\[\d+\]$", source), f"{figure}: source names a publisher and carries a citation"
        assert value and status in {"official", "reported", "estimate"}
    statuses = [row[4] for row in rows[1:]]
    assert statuses == sorted(statuses, key=["official", "reported", "estimate"].index)
    assert {"official", "reported", "estimate"} <= set(statuses)


def test_risk_taxonomy_names_the_five_risks_with_evidence_and_checks():
    rows = table(brief(), "Five risks")
    assert [r[0] for r in rows[1:]] == ["Policy reversal", "Custody", "Liquidity", "Peg and redemption", "Enforceability"]
    assert all(re.search(r"\[\d+\]$", evidence) and check.endswith("?") for _, evidence, check in rows[1:])


def test_access_covers_retail_professional_and_mainland_investors():
    investors = [row[0] for row in table(brief(), "Who may buy what")[1:]]
    assert investors[:3] == ["Retail investors in Hong Kong SAR", "Professional investors in Hong Kong SAR",
                             "Mainland residents"]


def test_peer_comparison_covers_singapore_mica_and_the_genius_act_with_dates():
    rows = table(brief(), "Singapore, the EU and the US")
    names = [row[0] for row in rows[1:]]
    assert any(n.startswith("Singapore") for n in names)
    assert any("MiCA" in n for n in names) and any("GENIUS" in n for n in names)
    assert all(re.search(r"20\d\d", row[1] + row[2]) for row in rows[1:])


def test_scenarios_name_dated_catalysts():
    rows = table(brief(), "Scenarios")
    assert len(rows) >= 4
    assert all(re.search(r"20\d\d|Yinfa", catalyst) for _, catalyst, _ in rows[1:])


def test_key_messages_share_no_sentence_with_the_checks():
    for length in ("one-page", "standard", "extended"):
        document = brief(length)
        first = dataclasses.replace(document, blocks=(document.blocks[0],))
        checks = dataclasses.replace(document, blocks=tuple(section(document, "Due-diligence checks")))
        assert sentences(first) & sentences(checks) == set(), length


def test_checks_replace_allocation_advice():
    text = " ".join(tree.plain_text(b.children) for b in brief().blocks if isinstance(b, tree.Heading))
    assert "Due-diligence checks, not allocation advice" in text and "Positioning" not in text


def test_headings_state_conclusions_not_theme_names():
    headings = [tree.plain_text(b.children) for b in brief().blocks if isinstance(b, tree.Heading) and b.level == 2]
    catalogue = load_catalogue(None)
    assert not set(headings) & {theme.title for theme in catalogue.themes.values()}
    assert all(len(h.split()) >= 6 for h in headings)


@pytest.mark.parametrize("length", ["standard", "extended"])
@pytest.mark.parametrize("themes", [ALL, ALL[:2], ALL[:1]])
def test_the_catalysts_timeline_follows_the_bottom_line_in_both_formats(themes, length):
    """Issue 9: a timeline in every standard and extended brief; the investors' one dates the catalysts to watch."""
    document = brief(length, themes)
    figures = [(i, b.id) for i, b in enumerate(document.blocks) if isinstance(b, tree.Figure)]
    assert [f for _, f in figures][:1] == ["investors-catalysts"]
    assert [f for _, f in figures][1:] in ([], ["licensed-platforms"] if length == "extended" and len(themes) <= 2 else [])
    index = figures[0][0]
    assert isinstance(document.blocks[0], tree.Callout) and index <= 2  # after the bottom line (and the contents)
    request = make_request(audience="investors", themes=themes, length=length)
    pdf = re.sub(r"\s+", " ", pdf_text(open_pdf(render_bytes(request, "pdf"))))
    assert "The rules in force, and the dated catalysts to watch" in pdf
    assert pdf.index("Our view") < pdf.index("The rules in force") < 3000  # on the first page
    assert "Dealing and custody bill due" in pdf and "Jul 2028" in pdf  # the dates to watch, not only the past
    docx = docx_text(open_docx(render_bytes(request, "docx")))
    assert "The rules in force, and the dated catalysts to watch" in docx


def test_fewer_themes_give_each_theme_more_evidence():
    def per_theme(themes):
        document = brief("standard", themes)
        return words(dataclasses.replace(document, blocks=tuple(section(document, "What the evidence shows")))) / len(themes)
    assert per_theme(ALL[:1]) > per_theme(ALL[:2]) > per_theme(ALL[:4]) > per_theme(ALL)


def test_one_page_brief_keeps_the_view_figures_with_their_status_and_a_check():
    document = brief("one-page")
    headings = [tree.plain_text(b.children) for b in document.blocks if isinstance(b, tree.Heading)]
    assert headings[:2] == ["What the evidence shows", "Due-diligence checks, not allocation advice"]
    (evidence,) = [b for b in section(document, "What the evidence shows") if isinstance(b, tree.BulletList)]
    items = [" ".join(tree.plain_text(p.children) for p in item.blocks) for item in evidence.items]
    assert len(items) == len(ALL) + 1  # one finding per theme, then the market figures under their own label
    assert items[-1].startswith("Few market figures are official. Official:")
    assert "Reported:" in items[-1] and "Estimate:" in items[-1]
    (checks,) = [b for b in section(document, "Due-diligence checks") if isinstance(b, tree.OrderedList)]
    assert len(checks.items) == 2


def bottom_line_items(document: tree.Document) -> list[str]:
    box = document.blocks[0]
    return [" ".join(tree.plain_text(p.children) for p in item.blocks)
            for b in box.blocks if isinstance(b, tree.BulletList) for item in b.items]


@pytest.mark.parametrize("length", ["one-page", "standard", "extended"])
def test_no_bottom_line_key_message_restates_the_mainland_notice_the_view_rests_on(length):
    for themes in (ALL, ("mainland-fintech", "regulatory-navigation"), ("regulatory-navigation",)):
        items = bottom_line_items(brief(length, themes))
        assert items and not [line for line in items if "Yinfa" in line or "mainland notice" in line]


@pytest.mark.parametrize("themes", [ALL, ALL[:2]])
@pytest.mark.parametrize("length", ["standard", "extended"])
def test_summary_opens_with_the_investment_case_under_a_heading_that_states_it(length, themes):
    document = brief(length, themes)
    (heading,) = [b for b in document.blocks if isinstance(b, tree.Heading) and b.level == 1][:1]
    assert tree.plain_text(heading.children) == INVESTORS["case_heading"]
    first = next(b for b in section(document, INVESTORS["case_heading"]) if isinstance(b, tree.Paragraph))
    assert tree.plain_text(first.children).startswith("The investable case is licensed Hong Kong infrastructure")
    assert "This brief is written for" not in " ".join(tree.plain_text(b.children) for b in document.blocks
                                                      if isinstance(b, tree.Paragraph))


@pytest.mark.parametrize("length", ["standard"])
def test_the_risks_explain_why_par_redemption_and_reserves_drive_run_risk(length):
    document = brief(length)
    (heading,) = [tree.plain_text(b.children) for b in document.blocks if isinstance(b, tree.Heading)
                  and tree.plain_text(b.children).endswith("risks decide whether a position can be held")]
    risks = [b for b in section(document, heading) if isinstance(b, tree.Table)][0].rows
    assert heading.startswith({5: "Five", 6: "Six"}[len(risks)])
    paragraphs = [tree.plain_text(b.children) for b in section(document, heading) if isinstance(b, tree.Paragraph)]
    (reading,) = [p for p in paragraphs if p.startswith("Par redemption and reserve quality drive run risk")]
    assert "high-quality liquid reserves" in reading and "run" in reading.split(".")[-2]


@pytest.mark.parametrize("length", ["standard", "extended"])
def test_tables_are_numbered_in_order_each_with_a_source_line_beneath(length):
    document = brief(length)
    blocks = list(document.blocks)
    tables = [i for i, b in enumerate(blocks) if isinstance(b, tree.Table)]
    captions = [tree.plain_text(blocks[i + 1].children) for i in tables if isinstance(blocks[i + 1], tree.Paragraph)]
    assert len(captions) == len(tables) >= 5
    for number, caption in enumerate(captions, 1):
        assert re.match(rf"Table {number}\. [A-Z].*\. Sources?: .+\.$", caption), caption


def test_many_themes_run_their_conclusions_in_and_fewer_themes_keep_them_as_headings():
    evidence = section(brief(), "What the evidence shows")
    heads = [tree.plain_text(b.children).split(". ")[0] for b in evidence if isinstance(b, tree.Paragraph)]
    assert heads == [INVESTORS["headings"][theme] for theme in ALL]
    two = [tree.plain_text(b.children) for b in section(brief("standard", ALL[:2]), "What the evidence shows")
           if isinstance(b, tree.Heading)]
    assert two[:2] == [INVESTORS["headings"][theme] for theme in ALL[:2]]


def test_a_figure_the_evidence_states_in_full_is_not_repeated_in_the_table():
    def figures(themes, length="standard"):
        return [row[0] for row in table(brief(length, themes), "Market figures")[1:]]
    assert not any("mBridge" in f for f in figures(ALL))  # the shifting-attitudes paragraph states it
    assert any("mBridge" in f for f in figures(("hk-regulated-hub",)))
    assert any("mBridge" in f for f in figures(ALL, "extended"))  # the extended brief has room for both


def test_first_use_names_hong_kong_sar_and_mainland_china_in_the_view():
    for length in ("one-page", "standard", "extended"):
        view = tree.plain_text(brief(length).blocks[0].blocks[0].children)
        assert "Hong Kong SAR" in view and "mainland China" in view, length
