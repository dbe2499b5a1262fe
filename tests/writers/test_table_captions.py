"""A table's caption ("**Table N. ...**" above a table) stays on the page of the table's first rows, in both formats."""

from __future__ import annotations

import io
import re

import pypdf
import pytest

from briefgen import tree
from briefgen.writers import writer_for

from ..conftest import make_request, open_docx, render_bytes

ALL = ("hk-regulated-hub", "mainland-fintech", "complementary-partnership", "regulatory-navigation", "market-impact",
       "shifting-attitudes")  # the technologists' briefs number their tables with such captions


def _pdf(blocks: tuple) -> pypdf.PdfReader:
    meta = tree.Metadata("Captions", "Captions", "", "", "", "2026-11-29", "en", "")
    stream = io.BytesIO()
    writer_for("pdf")(tree.Document(meta, blocks), stream)
    return pypdf.PdfReader(stream)


@pytest.mark.parametrize("heading", [False, True])
def test_no_pdf_page_ends_with_a_table_caption_or_the_heading_above_one(heading):
    """Filler of every length from 30 to 44 lines pushes the caption through the foot of the first page."""
    caption = tree.Paragraph((tree.Strong((tree.Text("Table 1. Controls"),)),))
    rows = tuple(((tree.Text(f"Requirement {i}"),), (tree.Text("A control to build, long enough to wrap " * 3),))
                 for i in range(6))
    table = tree.Table(((tree.Text("Requirement"),), (tree.Text("Control"),)), rows)
    title = (tree.Heading(1, (tree.Text("Controls map to requirements"),)),) if heading else ()
    for lines in range(30, 45):
        filler = tuple(tree.Paragraph((tree.Text(f"Filler line {i}."),)) for i in range(lines))
        first = _pdf(filler + title + (caption, table)).pages[0].extract_text()
        last = [line.strip() for line in first.splitlines() if line.strip() and "Page " not in line][-1]
        assert last.startswith("Filler line") or last.startswith("Requirement") or "wrap" in last, (lines, last)


def test_a_docx_table_caption_keeps_with_its_table():
    request = make_request(audience="technologists", length="standard", themes=ALL)
    body = open_docx(render_bytes(request, "docx")).element.body
    namespace = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    children = list(body)
    kept = 0
    for index, element in enumerate(children[:-1]):
        text = "".join(element.itertext())
        if element.tag.endswith("}p") and re.match(r"Table \d+\. ", text):
            assert children[index + 1].tag.endswith("}tbl"), text
            assert element.find("w:pPr/w:keepNext", namespace) is not None, text
            kept += 1
    assert kept == 3


def test_only_a_bold_numbered_paragraph_directly_above_a_table_is_a_caption():
    table = tree.Table(header=((tree.Text("A"),),), rows=())
    caption = tree.Paragraph((tree.Strong((tree.Text("Table 2. Controls"),)),))
    assert tree.leads_table(caption, table)
    assert not tree.leads_table(caption, tree.Paragraph((tree.Text("x"),)))
    assert not tree.leads_table(tree.Paragraph((tree.Text("Table 2. Controls"),)), table)  # not bold: body text
    assert not tree.leads_table(tree.Paragraph((tree.Strong((tree.Text("Tables compared"),)),)), table)
