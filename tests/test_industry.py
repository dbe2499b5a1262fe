"""The industry and compliance brief: obligations matrix, standing labels, owned checklist, status traps, word count."""

from __future__ import annotations

import re
from functools import lru_cache

from briefgen import tree
from briefgen.build import build_document
from briefgen.catalogue import load_catalogue

from .conftest import make_request
from .test_content import body_words, sentences

THEMES = tuple(load_catalogue(None).themes)
MATRIX_COLUMNS = ["Activity", "Statute and section", "Regulator", "Retail or professional", "In force or proposed", "Penalty"]
REGULATORS = re.compile(r"\b(SFC|HKMA|PBoC|CSRC|NDRC|SAFE|police)\b")
STATUTE = re.compile(r"Cap\. \d+|Part 5B|s\. \d+|AMLO|SFO|Yinfa \[2026\] No\. 42|Announcement \[2026\] No\. 1|circular", re.I)


@lru_cache(maxsize=None)
def brief(length: str = "standard", themes: tuple[str, ...] = THEMES) -> tree.Document:
    return build_document(make_request(audience="industry", length=length, themes=themes))


def table(doc: tree.Document, first_column: str) -> tree.Table:
    (found,) = [b for b in doc.blocks if isinstance(b, tree.Table) and tree.plain_text(b.header[0]) == first_column]
    return found


def cells(row) -> list[str]:
    return [tree.plain_text(cell) for cell in row]


def section_text(doc: tree.Document, heading_part: str) -> str:
    """Plain text of the blocks under the first heading containing `heading_part`, up to the next heading."""
    out, inside = [], False
    for block in doc.blocks:
        if isinstance(block, tree.Heading):
            if inside:
                break
            inside = heading_part.lower() in tree.plain_text(block.children).lower()
        elif inside:
            out.append(" ".join(tree.plain_text(p.children) for p in _paragraphs(block)))
    return " ".join(out)


def _paragraphs(block):
    if isinstance(block, tree.Paragraph):
        yield block
    elif isinstance(block, (tree.BulletList, tree.OrderedList)):
        for item in block.items:
            for inner in item.blocks:
                yield from _paragraphs(inner)
    elif isinstance(block, tree.Callout):
        for inner in block.blocks:
            yield from _paragraphs(inner)


def test_obligations_matrix_has_its_columns_and_every_row_names_a_law_and_a_regulator():
    matrix = table(brief(), "Activity")
    assert cells(matrix.header) == MATRIX_COLUMNS
    assert len(matrix.rows) >= 6
    for row in matrix.rows:
        activity, law, regulator, clients, status, penalty = cells(row)
        assert STATUTE.search(law), law
        assert REGULATORS.search(regulator), regulator
        assert re.search(r"in force|proposed", status, re.I), status
        assert clients and penalty
    statuses = " ".join(cells(r)[4] for r in matrix.rows)
    assert "Proposed" in statuses and "In force" in statuses


def test_law_expectation_and_practice_are_labelled_apart():
    text = section_text(brief(), "regulator expectation")
    for label in ("Law.", "Regulator expectation.", "Practice."):
        assert text.count(label) == 1, label


def test_every_checklist_row_has_an_owner_and_a_deadline():
    for themes in (THEMES, ("mainland-fintech",), ("hk-regulated-hub", "market-impact")):
        checklist = table(brief("standard", themes), "Action")
        assert cells(checklist.header) == ["Action", "Owner", "Deadline"]
        assert checklist.rows
        for row in checklist.rows:
            action, owner, deadline = cells(row)
            assert len(owner.split()) >= 1 and len(deadline.split()) >= 1 and action, row
        steps = [cells(r)[0] for r in checklist.rows]
        assert len(steps) == len(set(steps)), "a checklist action is repeated"


def test_status_traps_are_stated():
    text = section_text(brief(), "discipline licensees")
    assert "Applying is not licensed." in text and "A sandbox is not a licence." in text


def test_key_messages_share_no_sentence_with_recommendations():
    for length in ("one-page", "standard", "extended"):
        doc = brief(length)
        (callout,) = [b for b in doc.blocks if isinstance(b, tree.Callout) and b.title == "Key messages"]
        key = {tree.plain_text(p.children).strip() for p in _paragraphs(callout)}
        recs = {tree.plain_text(p.children).strip() for b in doc.blocks if isinstance(b, tree.OrderedList)
                for p in _paragraphs(b)}
        assert key and recs and not key & recs, length


def test_matrix_rows_repeat_no_licence_obligation():
    """A previous reader marked repeated dual-licence rows: the dual-licence duty appears once in the matrix and checklist."""
    doc = brief()
    rows = [" ".join(cells(r)) for r in table(doc, "Activity").rows + table(doc, "Action").rows]
    assert sum("Types 1 and 7" in r for r in rows) == 1


def test_standard_body_reaches_its_length_and_one_page_keeps_the_status_traps():
    assert 1980 <= body_words(brief()) <= 2420
    assert len(sentences(brief())) > 20
    one_page = " ".join(tree.plain_text(b.children) for b in brief("one-page").blocks if isinstance(b, tree.Paragraph))
    assert "Applying is not licensed." in one_page and "A sandbox is not a licence." in one_page


def _paragraph_texts(doc: tree.Document) -> list[str]:
    return [tree.plain_text(b.children) for b in doc.blocks if isinstance(b, tree.Paragraph)]


def test_tables_are_numbered_and_carry_source_lines():
    """Issue 10: the matrix and the checklist are Table 1 and Table 2, each followed by a line naming its sources."""
    for length, themes in (("standard", THEMES), ("extended", THEMES), ("standard", ("mainland-fintech",))):
        doc = brief(length, themes)
        texts = _paragraph_texts(doc)
        assert any(t.startswith("Table 1. Obligations by activity") for t in texts), (length, themes)
        assert any(t.startswith("Table 2. Actions, owners and deadlines") for t in texts), (length, themes)
        for first_column in ("Activity", "Action"):
            blocks = doc.blocks
            after = blocks[blocks.index(table(doc, first_column)) + 1]
            assert isinstance(after, tree.Paragraph) and tree.plain_text(after.children).startswith("Source"), first_column


def test_every_standard_and_extended_subset_of_six_or_five_themes_has_a_timeline():
    """Issue 9: the obligations matrix no longer displaces the timeline; the widest briefs keep the compact one."""
    for length in ("standard", "extended"):
        for themes in (THEMES, THEMES[1:], THEMES[:1]):
            kinds = [type(b.spec).__name__ for b in brief(length, themes).blocks if isinstance(b, tree.Figure)]
            assert "Timeline" in kinds, (length, themes)


def test_stablecoin_row_states_the_transition_and_the_offences_without_inventing_a_maximum():
    (row,) = [cells(r) for r in table(brief(), "Activity").rows if "stablecoin" in cells(r)[0]]
    activity, law, regulator, clients, status, penalty = row
    assert "Cap. 656" in law and "HKMA" in regulator
    assert "Retail" in clients and "professional" in clients
    assert "1 August 2025" in status and "transition" in status
    assert "offence" in penalty.lower() and not re.search(r"HK\$|years", penalty)


def test_standard_outlook_cites_every_line_and_names_no_crypto_outlet():
    doc = brief()
    blocks = doc.blocks
    (heading,) = [b for b in blocks if isinstance(b, tree.Heading) and "could change" in tree.plain_text(b.children)]
    outlook = [b for b in blocks[blocks.index(heading) + 1:] if isinstance(b, tree.BulletList)][0]
    lines = [tree.plain_text(p.children) for p in _paragraphs(outlook)]
    assert len(lines) == 3
    assert all(any(isinstance(node, tree.Citation) for node in item.blocks[0].children) for item in outlook.items)
    assert not any("PANews" in line for line in lines)
