"""Both writers render a document that holds every node type, and the content comes back out."""

from __future__ import annotations

import io
import re

import pytest

from briefgen import tree
from briefgen.figures import model
from briefgen.writers import FORMATS, writer_for
from briefgen.style import house_style

from ..conftest import docx_text, open_docx, open_pdf, outline_titles, pdf_text

T = tree.Text
FLOW = model.Flow((model.Node("a", "Payer", 0, 0, "a bank customer"), model.Node("b", "Payee bank", 1, 0)),
                  (model.Edge("a", "b", "pays through FPS"),))
EVERY_NODE = tree.Document(
    tree.Metadata("Every node", "Every node", "A briefing for testers", "Ann", "Org", "2026-01-02", "en-GB",
                  "Subject", ("k1", "k2")),
    (
        tree.Contents("In this brief", depth=2),
        tree.Callout("Key messages", (tree.BulletList((tree.ListItem((tree.Paragraph((T("boxed point"),)),)),)),)),
        tree.Heading(1, (T("Level one"),)),
        tree.Paragraph((T("plain "), tree.Strong((T("strong"),)), T(" "), tree.Emphasis((T("emphasis"),)), T(" "),
                        tree.Link("https://example.org/x", (T("a link"),)), tree.Citation((1, 2)))),
        tree.Heading(2, (T("Level two"),)),
        tree.BulletList((
            tree.ListItem((tree.Paragraph((T("bullet one"),)),
                           tree.BulletList((tree.ListItem((tree.Paragraph((T("nested bullet"),)),)),)))),
        )),
        tree.OrderedList((tree.ListItem((tree.Paragraph((T("number three"),)),)),), start=3),
        tree.OrderedList((tree.ListItem((tree.Paragraph((T("restarted one"),)),)),), start=1),
        tree.Table(((T("Head A"),), (T("Head B"),)), (((T("cell 1"),), (T("cell 2"),)),)),
        tree.Figure(1, "payment", (T("How a payment moves"),), (T("Source: the payer's bank"), tree.Citation((2,))),
                    "Flow diagram: the payer pays the payee bank through FPS.", FLOW),
        tree.PageBreak(),
        tree.Heading(3, (T("Level three"),)),
        tree.References((tree.Reference(1, (T("Source one "), tree.Link("https://a.example", (T("https://a.example"),)))),
                         tree.Reference(2, (T("Source two"),)))),
    ),
)
WORDS = ["boxed point", "Level one", "strong", "emphasis", "a link", "bullet one", "nested bullet", "number three",
         "Head A", "cell 2", "Level three", "Source one", "Source two"]


def _write(fmt: str) -> bytes:
    stream = io.BytesIO()
    writer_for(fmt)(EVERY_NODE, stream)
    return stream.getvalue()


def test_docx_renders_every_node():
    document = open_docx(_write("docx"))
    text = docx_text(document)
    for word in WORDS:
        assert word in text
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["Level one"] == "Heading 1" and styles["Level three"] == "Heading 3"
    assert styles["bullet one"] == "List Bullet" and styles["nested bullet"] == "List Bullet 2"
    assert styles["number three"] == "List Number"
    numbers = [p._p.pPr.numPr.numId.val for p in document.paragraphs if p.text in ("number three", "restarted one")]
    assert len(set(numbers)) == 2  # each numbered list restarts
    xml = document.element.xml
    assert 'w:type="page"' in xml  # the page break
    assert "<w:vertAlign w:val=\"superscript\"/>" in xml  # the citation
    contents = [p for p in document.paragraphs if p.style.name.startswith("toc ")]
    assert [(p.style.name, p.text) for p in contents] == [("toc 1", "Level one\t"), ("toc 2", "Level two\t")]
    assert all("PAGEREF _Toc" in p._p.xml for p in contents)
    assert xml.count("<w:bookmarkStart") == 3  # every heading can be pointed at
    link = [r for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert {r.target_ref for r in link} == {"https://example.org/x", "https://a.example"}
    assert styles["Figure 1. How a payment moves"] == "Caption" and styles["Source: the payer's bank2"] == "Figure Source"
    assert "SEQ Figure" in xml  # Word can build a table of figures from the caption
    (picture,) = document.inline_shapes
    assert picture._inline.docPr.get("descr") == "Flow diagram: the payer pays the payee bank through FPS."
    assert picture.width.pt == pytest.approx(house_style().frame_width, abs=1)  # the frame's width


def test_pdf_renders_every_node():
    reader = open_pdf(_write("pdf"))
    text = pdf_text(reader)
    for word in WORDS:
        assert word in text
    assert len(reader.pages) == 2  # the page break
    assert "Figure 1. How a payment moves" in text and "Source: the payer's bank" in text
    assert "Payer" in text and "pays through FPS" in text  # the drawing's own labels are text, not pixels
    first = reader.pages[0].extract_text()
    # each contents entry is drawn as its dot leader and page number, then its text
    assert re.search(r"In this brief\n[ .]+1\nLevel one\n[ .]+1\nLevel two\nKey messages", first)
    assert outline_titles(reader) == ["Level one", "Level two", "Level three"]
    links = [a.get_object() for page in reader.pages for a in (page.get("/Annots") or [])]
    uris = {link["/A"]["/URI"] for link in links if "/URI" in link.get("/A", {})}
    assert {"https://example.org/x", "https://a.example"} <= uris


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_document_is_still_valid(fmt):
    empty = tree.Document(EVERY_NODE.metadata, ())
    stream = io.BytesIO()
    writer_for(fmt)(empty, stream)
    assert stream.getvalue()[:4] in (b"%PDF", b"PK\x03\x04")
