"""A table's source note (`::: source`) is set small and tight under its table, and kept with its last rows."""

from __future__ import annotations

import io
import re

import pypdf
import pytest

from briefgen import tree
from briefgen.build import build_document
from briefgen.style import house_style
from briefgen.writers import writer_for

from ..conftest import make_request, open_docx, render_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ALL = ("hk-regulated-hub", "mainland-fintech", "complementary-partnership", "regulatory-navigation", "market-impact",
       "shifting-attitudes")
SOURCE_WORDS = re.compile(r"(Sources?:|Table \d+\.|資料來源|资料来源|表\d+)")
BRIEFS = [(audience, length, lang) for audience in ("policymakers", "industry", "investors", "technologists", "public")
          for length, lang in (("standard", "en"), ("extended", "en"))
          if (audience, length) != ("public", "standard")] + [  # the public's one table is in the extended brief
    ("policymakers", "standard", "zh-Hant-HK"), ("investors", "standard", "zh-Hant-HK"),
    ("policymakers", "standard", "zh-Hans-CN"), ("technologists", "standard", "zh-Hans-CN")]


def _request(audience: str, length: str, lang: str):
    themes = ("hk-regulated-hub", "mainland-fintech") if audience == "policymakers" else ALL
    return make_request(audience=audience, length=length, lang=lang, themes=themes)


def _notes(request) -> list[str]:
    return [tree.plain_text(b.children) for b in build_document(request).blocks if isinstance(b, tree.SourceNote)]


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(W + "t"))


def _is_data_table(element) -> bool:
    return element.tag == W + "tbl" and element.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None


@pytest.mark.parametrize(("audience", "length", "lang"), BRIEFS)
def test_every_docx_table_source_line_is_a_small_table_source_paragraph(audience, length, lang):
    request = _request(audience, length, lang)
    document = open_docx(render_bytes(request, "docx"))
    style = document.styles["Table Source"]
    assert style.font.size.pt == house_style().table_source_size == 8
    assert style.paragraph_format.space_before.pt == house_style().table_source_before
    children = list(document.element.body)
    marked = []
    for before, element in zip(children, children[1:]):
        if element.tag != W + "p" or not _is_data_table(before):
            continue
        text = _text(element)
        styled = element.find(f"{W}pPr/{W}pStyle")
        if SOURCE_WORDS.match(text) or styled is not None and styled.get(W + "val") == style.style_id:
            assert styled is not None and styled.get(W + "val") == style.style_id, text  # no source line in body type
            last_row = before.findall(W + "tr")[-1]
            assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in last_row.iter(W + "p")), text
            marked.append(text)
    notes = _notes(request)
    assert notes and len(marked) == len(notes)


@pytest.mark.parametrize(("audience", "length", "lang"), BRIEFS)
def test_every_pdf_table_source_line_is_drawn_in_the_small_size(audience, length, lang):
    request = _request(audience, length, lang)
    reader = pypdf.PdfReader(io.BytesIO(render_bytes(request, "pdf")))
    small: list[str] = []
    for page in reader.pages:
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: small.append(text)
                          if abs(size * tm[3] - house_style().table_source_size) < 0.01 else None)
    drawn = re.sub(r"\s+", "", "".join(small))
    notes = _notes(request)
    assert notes
    for note in notes:
        start = re.sub(r"\s+", "", re.split(r"\[\d", note)[0])[:14]  # the words before the first citation
        assert start in drawn, note


def _pdf(blocks: tuple) -> pypdf.PdfReader:
    meta = tree.Metadata("Sources", "Sources", "", "", "", "2026-11-29", "en", "")
    stream = io.BytesIO()
    writer_for("pdf")(tree.Document(meta, blocks), stream)
    return pypdf.PdfReader(stream)


ROWS = tuple(((tree.Text(f"Requirement {i}"),), (tree.Text("A control to build, long enough to wrap " * (2 + 28 * (i == 4))),))
             for i in range(5))  # the last row is tall: moved to the next page, it must not split again on this one
TABLE = tree.Table(((tree.Text("Requirement"),), (tree.Text("Control"),)), ROWS)
NOTE = tree.SourceNote((tree.Text("Sources: as cited in each row."),))


def test_a_pdf_source_note_never_starts_a_page_alone():
    """Filler of many heights (paragraphs, and list items a little shorter) moves the table's end, and then its note,
    through the foot of the first page, a few points at a time."""
    for lines, items in ((lines, items) for lines in range(16, 28) for items in range(6)):
        listed = tree.BulletList(tuple(tree.ListItem((tree.Paragraph((tree.Text(f"Item {i}."),)),))
                                       for i in range(items)))
        filler = tuple(tree.Paragraph((tree.Text(f"Filler line {i}."),)) for i in range(lines)) + (listed,)
        pages = [page.extract_text() for page in _pdf(filler + (TABLE, NOTE, tree.Paragraph((tree.Text("After."),))))
                 .pages]
        (where,) = [n for n, text in enumerate(pages) if "Sources: as cited" in text]
        body = [line for line in pages[where].splitlines() if line.strip() and "Page " not in line]
        above = body[:[n for n, line in enumerate(body) if "Sources: as cited" in line][0]]
        assert any(re.search(r"Requirement \d|wrap", line) for line in above), (lines, items, body[:3])  # a row
        for text in pages:  # the header row once a page: the moved rows are never split again on the page they left
            assert [line.strip() for line in text.splitlines()].count("Control") <= 1, (lines, items)


def test_a_docx_source_note_follows_its_table_directly():
    meta = tree.Metadata("Sources", "Sources", "", "", "", "2026-11-29", "en", "")
    stream = io.BytesIO()
    writer_for("docx")(tree.Document(meta, (TABLE, NOTE, tree.Paragraph((tree.Text("After."),)))), stream)
    document = open_docx(stream.getvalue())
    children = list(document.element.body)
    table = next(n for n, element in enumerate(children) if element.tag == W + "tbl")
    note = children[table + 1]  # no empty spacing paragraph between them
    assert _text(note) == "Sources: as cited in each row."
    (styled,) = [p for p in document.paragraphs if p.text.startswith("Sources:")]
    assert styled.style.name == "Table Source"
    assert document.styles["Table Source"].font.color.rgb == document.styles["Figure Source"].font.color.rgb
