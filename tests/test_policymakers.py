"""The policymakers' brief, re-opened from its files: the decision and ask, options with the status quo,
recommendations with actor, timeframe and citations, key messages apart from recommendations.
Its body-word targets are tests/test_content.py's."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from briefgen.catalogue import load_catalogue

from .conftest import make_request, open_docx, open_pdf, render_bytes

CATALOGUE = load_catalogue(None)
ALL = tuple(CATALOGUE.themes)
LENGTHS = ("one-page", "standard", "extended")
ACTORS = re.compile(r"\b(HKMA|SFC|FSTB|PBoC|CSRC|SAFE)\b")
TIMEFRAME = re.compile(
    r"\b(by (the end of |mid-)?(\w+ )?20\d\d|(in|from) (the (first|second) (half|quarter) of )?20\d\d"
    r"|within (a year|\w+ months)|before (the|any) \w+)", re.I)


@lru_cache(maxsize=None)
def docx_of(length: str, themes: tuple[str, ...] = ALL):
    return open_docx(render_bytes(make_request(length=length, themes=themes), "docx"))


@lru_cache(maxsize=None)
def pdf_text(length: str, themes: tuple[str, ...] = ALL) -> str:
    pdf = open_pdf(render_bytes(make_request(length=length, themes=themes), "pdf"))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)


def section(document, starts: str) -> list[str]:
    """The non-empty paragraphs under the top-level heading that starts with `starts`."""
    out, inside = [], False
    for paragraph in document.paragraphs:
        if paragraph.style.name in ("Heading 1", "Title"):
            inside = paragraph.text.startswith(starts)
        elif inside and paragraph.text.strip():
            out.append(paragraph.text.strip())
    return out


def sentences(text: str) -> set[str]:
    return {s.strip(" •") for s in re.split(r"(?<!\bNo\.)(?<!\bCap\.)(?<=[.;])\s+", text) if len(s.split()) > 4}


@pytest.mark.parametrize("length", LENGTHS)
def test_opening_gives_a_dated_trigger_the_decision_and_the_ask(length):
    opening = " ".join(section(docx_of(length), "The decision"))
    assert re.search(r"\bOn \d{1,2} \w+ 20\d\d\b", opening)
    assert "decision" in opening and "recommend" in opening
    assert "Hong Kong SAR" in opening and "mainland China" in opening


@pytest.mark.parametrize("length", ("standard", "extended"))
def test_options_table_has_a_status_quo_row_and_every_column(length):
    tables = [t for t in docx_of(length).tables
              if len(t.columns) > 2 and t.rows[0].cells[1].text.strip() == "Benefit"]
    assert len(tables) == 1, "one options table"
    header = " | ".join(cell.text for cell in tables[0].rows[0].cells).lower()
    for column in ("option", "who acts", "which side", "benefit", "risk", "cost"):
        assert column in header
    rows = [[cell.text for cell in row.cells] for row in tables[0].rows[1:]]
    assert rows[0][0].startswith("A. Status quo")
    assert sum("(chosen)" in row[0] for row in rows) == 1
    for row in rows:
        assert "Who acts:" in row[0] and re.search(r"\((Hong Kong|mainland|both sides)\)", row[0]), row[0]
        assert all(cell.strip() for cell in row[1:]), row


@pytest.mark.parametrize("length", LENGTHS)
def test_every_recommendation_names_an_actor_and_a_timeframe(length):
    items = [t for t in section(docx_of(length), "Recommendations") if not t.startswith("Each step")]
    assert len(items) >= 2
    for text in items:
        assert ACTORS.search(text), text
        assert TIMEFRAME.search(text), text


@pytest.mark.parametrize("length", LENGTHS)
def test_every_recommendation_cites_one_to_three_sources(length):
    inside, cited = False, []
    for paragraph in docx_of(length).paragraphs:
        if paragraph.style.name in ("Heading 1", "Title"):
            inside = paragraph.text.startswith("Recommendations")
        elif inside and paragraph.text.strip() and not paragraph.text.startswith("Each step"):
            last = paragraph.runs[-1]
            cited.append(re.fullmatch(r"\d+(, \d+){0,2}", last.text) is not None and last.font.superscript)
    assert len(cited) >= 2 and all(cited), cited


def test_the_recommendations_open_with_the_chosen_pilot():
    for length in LENGTHS:
        first = next(t for t in section(docx_of(length), "Recommendations") if not t.startswith("Each step"))
        assert "pilot" in first and "sandbox network" in first, first


def test_every_theme_recommendation_for_policymakers_has_actor_and_timeframe():
    for theme in CATALOGUE.themes.values():
        for text in theme.content["recommendations"]["policymakers"]:
            assert ACTORS.search(text) and TIMEFRAME.search(text), (theme.id, text)


@pytest.mark.parametrize("length", LENGTHS)
def test_key_messages_share_no_sentence_with_recommendations(length):
    text = pdf_text(length)
    box = text[text.index("Key messages"):text.index("The decision")]
    recommendations = text[text.index("Recommendations:"):text.index("References")]
    said = sentences(box)
    assert said and not [s for s in said if s in recommendations]


def test_headings_state_conclusions_not_theme_names():
    for length in ("standard", "extended"):
        headings = [p.text for p in docx_of(length, ALL[:2]).paragraphs if p.style.name.startswith("Heading")]
        titles = {CATALOGUE.themes[t].title for t in ALL}
        assert not titles & set(headings)
        for wanted in ("Risks and safeguards", "Implementation", "Counter-evidence", "Implications"):
            assert any(h.startswith(wanted) and ":" in h for h in headings), wanted
    text = pdf_text("standard")
    for body in ("FATF", "FSB", "BIS"):
        assert body in text[text.index("Risks and safeguards"):text.index("Implementation")]


def test_implementation_gives_phases_exit_tests_and_leads():
    lines = section(docx_of("standard"), "Implementation")
    phases = [line for line in lines if line.startswith("Phase ")]
    assert len(phases) == 3
    assert all("Exit test:" in p and "Lead:" in p for p in phases)
    assert any("indicators" in line for line in lines)


@pytest.mark.parametrize(("length", "themes"), [("standard", ALL), ("standard", ALL[:2]), ("extended", ALL[:1]),
                                                ("extended", ALL)])
def test_tables_are_numbered_in_order_with_a_source_line(length, themes):
    """Each table follows a "Table N." caption, N counting up from 1, and is followed by its source line."""
    body = docx_of(length, themes).element.body
    def text_of(block):
        return "".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")).strip()

    blocks = [child for child in body.iterchildren()
              if child.tag.endswith("}tbl") or (child.tag.endswith("}p") and text_of(child))]
    text = [text_of(block) for block in blocks]
    # the data tables: three columns or more (the title block and the key-messages box are one-column layout tables)
    tables = [i for i, block in enumerate(blocks) if block.tag.endswith("}tbl")
              and sum(1 for col in block.iter() if col.tag.endswith("}gridCol")) >= 3]
    assert len(tables) >= 2
    for number, i in enumerate(tables, 1):
        assert text[i - 1].startswith(f"Table {number}. "), text[i - 1]
        assert re.match(r"Sources?: ", text[i + 1]), text[i + 1]
