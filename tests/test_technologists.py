"""The technologists' own content: the money-form taxonomy, labelled workflows, controls, threats, and key messages apart."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from briefgen import tree
from briefgen.build import build_document
from briefgen.catalogue import load_catalogue

from .conftest import docx_text, make_request, open_docx, open_pdf, pdf_text, render_bytes

CATALOGUE = load_catalogue(None)
TECH = CATALOGUE.audiences["technologists"].content
ALL = tuple(CATALOGUE.themes)
FORMS = ["e-CNY (retail)", "Wholesale CBDC on mBridge", "Tokenised deposits", "Cap. 656 stablecoin"]
ATTRIBUTES = ["Whose liability", "Ledger type", "Finality", "Privacy", "Who may hold it",
              "Status in Hong Kong SAR", "Status in mainland China"]


@lru_cache(maxsize=None)
def document(length: str, themes: tuple[str, ...] = ALL) -> tree.Document:
    return build_document(make_request(audience="technologists", length=length, themes=themes))


@lru_cache(maxsize=None)
def rendered_text(length: str, fmt: str) -> str:
    data = render_bytes(make_request(audience="technologists", length=length, themes=ALL), fmt)
    text = docx_text(open_docx(data)) if fmt == "docx" else pdf_text(open_pdf(data))
    return re.sub(r"\s+", " ", text)


def tables(doc: tree.Document) -> list[tree.Table]:
    return [block for block in doc.blocks if isinstance(block, tree.Table)]


def table_with_header(doc: tree.Document, first: str) -> tree.Table:
    (found,) = [t for t in tables(doc) if tree.plain_text(t.header[0]) == first]
    return found


def cells(row) -> list[str]:
    return [re.sub(r"\[[\d,–-]+\]$", "", tree.plain_text(cell)).strip() for cell in row]


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<!\bNo\.)(?<!\bCap\.)(?<=[.!?])\s+", text.strip()) if len(s.split()) > 4]


@pytest.mark.parametrize("length", ["standard", "extended"])
def test_taxonomy_compares_the_four_money_forms_on_every_attribute(length):
    table = table_with_header(document(length), "Attribute")
    assert cells(table.header) == ["Attribute", *FORMS]
    assert [cells(row)[0] for row in table.rows] == ATTRIBUTES
    assert all(all(cell for cell in cells(row)) for row in table.rows), "no empty cell: say what the sources do not"


def test_taxonomy_states_each_liability_and_who_may_hold_it_from_its_own_fact():
    rows = {row["attribute"]: row for row in TECH["taxonomy"]["rows"]}
    for attribute in ("Whose liability", "Ledger type", "Who may hold it"):
        row = rows[attribute]
        cited = [cell for cell, facts in zip(row["cells"], row["facts"]) if facts]
        uncited = [cell for cell, facts in zip(row["cells"], row["facts"]) if not facts]
        assert len(cited) >= 3, attribute
        assert all("assessment" in cell or "not " in cell or "bank's" in cell for cell in uncited), uncited


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_taxonomy_reaches_both_formats(fmt):
    text = rendered_text("standard", fmt)
    for label in FORMS + ATTRIBUTES:
        assert label in text, f"{label!r} missing from the {fmt}"


def test_every_workflow_is_labelled_live_pilot_or_proposed_with_a_source():
    items = TECH["workflows"]["items"]
    assert {item["status"] for item in items} == {"Live", "Pilot", "Proposed"}
    for item in items:
        assert item["facts"], item["name"]
        dated = re.search(r"\b(19|20)\d\d\b", item["text"])
        assert dated, f"{item['name']}: a workflow gives the date or period its conditions were measured"
    proposed = [item for item in items if item["status"] == "Proposed"]
    assert all("live" not in item["text"].lower() or "no licensed coin" in item["text"] for item in proposed)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_workflow_labels_reach_both_formats(fmt):
    text = rendered_text("standard", fmt)
    for label in ("Live: Payment Connect.", "Live: mBridge cross-border payments.", "Pilot: EnsembleTX.",
                  "Proposed: Licensed Hong Kong dollar stablecoins."):
        assert label in text, f"{label!r} missing from the {fmt}"


def test_requirements_map_to_controls_for_every_rule_the_issue_names():
    table = table_with_header(document("standard"), "Requirement")
    rows = {cells(row)[0]: cells(row) for row in table.rows}
    for requirement in ("Mint and burn", "Redemption at par", "Freeze", "Keys", "Travel rule", "Monitoring",
                        "Mainland users", "Data leaving the mainland", "Data within the Greater Bay Area"):
        assert requirement in rows and rows[requirement][2], requirement
    rules = " ".join(row[1] for row in rows.values())
    assert "PIPL" in rules and "PDPO" in rules and "GBA standard contract" in rules and "Yinfa [2026] No. 42" in rules


@pytest.mark.parametrize(("length", "themes", "rows"), [("standard", ALL, 4), ("standard", ("market-impact",), 3),
                                                      ("extended", ALL, len(TECH["threats"]["rows"]))])
def test_threat_model_gives_each_threat_its_risk_and_control(length, themes, rows):
    table = table_with_header(document(length, themes), "Threat")
    assert cells(table.header) == ["Threat", "What it puts at risk", "Control"]
    assert len(table.rows) == rows and all(all(cells(row)) for row in table.rows)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_threat_model_reaches_both_formats(fmt):
    text = rendered_text("extended", fmt)
    assert "Table 3. Threat model" in text
    for row in TECH["threats"]["rows"]:
        assert row["risk"] in text, row["threat"]


def test_low_confidence_facts_are_told_as_reports():
    register = CATALOGUE.register
    lines = [(item["text"], item["facts"]) for item in TECH["key_messages"] + TECH["workflows"]["items"]]
    lines += [(row["threat"], row["facts"]) for row in TECH["threats"]["rows"]]
    for text, facts in lines:
        if any(register.fact(f)["confidence"] == "low" for f in facts):
            assert re.search(r"\breported\b", text), text


@pytest.mark.parametrize(("length", "advice"), [("one-page", "Design recommendations: "),
                                                ("standard", TECH["architecture"]["heading"]),
                                                ("extended", "Design recommendations: ")])
def test_key_messages_share_no_sentence_with_the_recommendations(length, advice):
    doc = document(length)
    (box,) = [b for b in doc.blocks if isinstance(b, tree.Callout) and b.title == "Key messages"]
    heading = next(i for i, b in enumerate(doc.blocks)
                   if isinstance(b, tree.Heading) and tree.plain_text(b.children).startswith(advice))
    lists = [b for b in doc.blocks[heading:] if isinstance(b, tree.OrderedList)]
    key = {s for item in box.blocks[0].items for b in item.blocks for s in sentences(tree.plain_text(b.children))}
    advice = {s for ol in lists for item in ol.items for b in item.blocks for s in sentences(tree.plain_text(b.children))}
    assert key and advice and key.isdisjoint(advice)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_each_key_message_sentence_appears_once_in_both_formats(fmt):
    text = rendered_text("standard", fmt)
    for item in TECH["key_messages"][:3]:
        for sentence in sentences(item["text"]):
            assert text.count(sentence) == 1, f"{sentence!r} in the {fmt}"


def test_headings_state_conclusions():
    titles = [tree.plain_text(h.children) for h in tree.headings(document("standard")) if h.level == 1]
    for section in ("summary", "taxonomy", "workflows", "controls", "threats", "questions", "architecture"):
        heading = TECH[section]["heading"]
        assert heading in titles and len(heading.split()) >= 6, heading
    assert not {"Findings", "Context", "Implications", "Executive summary"} & set(titles)


def test_two_flow_diagrams_in_every_standard_brief():
    for themes in (ALL, ("market-impact",), ("complementary-partnership", "regulatory-navigation")):
        figures = [b for b in document("standard", themes).blocks if isinstance(b, tree.Figure)]
        names = {f.id for f in figures}
        assert "stablecoin-controls" in names and names & {"ecny-wallet", "ensembletx-settlement"}, themes


@pytest.mark.parametrize("length", ["standard", "extended"])
def test_every_table_is_numbered_in_order_with_a_source_line_under_it(length):
    doc = document(length)
    captions, sources = [], []
    for index, block in enumerate(doc.blocks):
        if isinstance(block, tree.Table):
            captions.append(tree.plain_text(doc.blocks[index - 1].children))
            sources.append(tree.plain_text(doc.blocks[index + 1].children))
    assert [re.match(r"Table (\d+)\. ", c).group(1) for c in captions] == [str(i) for i in range(1, len(captions) + 1)]
    assert len(captions) == (3 if length == "standard" else 5)
    assert all(s.startswith("Sources: ") for s in sources), sources


@pytest.mark.parametrize("length", ["standard", "extended"])
@pytest.mark.parametrize("themes", [ALL, ("hk-regulated-hub",), ("mainland-fintech", "market-impact")])
def test_the_workflows_timeline_labels_each_event_as_the_workflow_list_does(length, themes):
    (timeline,) = [b for b in document(length, themes).blocks
                   if isinstance(b, tree.Figure) and type(b.spec).__name__ == "Timeline"]
    assert timeline.id == "workflows-timeline"
    statuses = {item["status"] for item in TECH["workflows"]["items"]}
    labels = [event.label for event in timeline.spec.events]
    assert all(label.split(":")[0] in statuses for label in labels), labels
    assert [e.date for e in timeline.spec.events][0] == "May 2024" and not any(e.upcoming for e in timeline.spec.events)
    listed = {item["name"].split()[0]: item["status"] for item in TECH["workflows"]["items"]}
    for label in labels:  # a workflow the list names is given the same status on the timeline
        status, name = label.split(": ", 1)
        assert listed.get(name.split()[0], status) == status, label


def test_the_extended_brief_opens_with_a_contents_list():
    doc = document("extended")
    assert any(isinstance(b, tree.Contents) for b in doc.blocks[:4])
    text = rendered_text("extended", "pdf")
    assert "Contents" in text and f"{TECH['questions']['heading']} . ." in text
