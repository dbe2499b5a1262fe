"""Both writers lay out anything the tree can hold: long boxes, cells and headings split, too-wide tables say so."""

from __future__ import annotations

import io
import time

import pytest

from briefgen import BriefgenError, tree
from briefgen.style import house_style
from briefgen.writers import writer_for

from ..conftest import docx_text, make_request, open_docx, open_pdf, outline_titles, pdf_text

T = tree.Text
META = tree.Metadata("Limits", "Limits", "A briefing for testers", "Ann", "Org", "2026-01-02", "en-GB", "Subject")


def _write(fmt: str, *blocks: tree.Block) -> bytes:
    stream = io.BytesIO()
    writer_for(fmt)(tree.Document(META, blocks), stream)
    return stream.getvalue()


def _numbered(prefix: str, count: int) -> str:
    return " ".join(f"{prefix}{i}" for i in range(count))


def _paragraph(text: str) -> tree.Paragraph:
    return tree.Paragraph((T(text),))


def test_callout_longer_than_a_page_splits_across_pages():
    text = _numbered("boxed", 2500)  # one paragraph of about four pages
    reader = open_pdf(_write("pdf", tree.Callout("Key messages", (_paragraph(text),)), _paragraph("after the box")))
    assert len(reader.pages) >= 3
    words = pdf_text(reader).split()
    assert [w for w in words if w.startswith("boxed")] == text.split()  # every word, once, in order
    assert "after the box" in pdf_text(reader)


def test_cell_of_32000_characters_splits_across_pages():
    cell = _numbered("c", 6000)[:32000]
    table = tree.Table(((T("Dimension"),), (T("Detail"),)), (((T("one"),), (T(cell),)), ((T("two"),), (T("end"),))))
    reader = open_pdf(_write("pdf", table))
    assert len(reader.pages) >= 3
    words = pdf_text(reader).split()
    assert [w for w in words if w.startswith("c") and w[1:].isdigit()] == cell.split()
    assert "end" in words


def test_unbroken_32000_character_cell_is_laid_out():
    table = tree.Table(((T("A"),), (T("B"),)), (((T("x" * 32000),), (T("short"),)),))
    reader = open_pdf(_write("pdf", table))
    assert pdf_text(reader).count("x") == 32000


def test_table_with_53_columns_fails_with_one_line_naming_it_and_the_limit():
    header = tuple((T(f"Col{i}"),) for i in range(53))
    table = tree.Table(header, (tuple((T(f"v{i}"),) for i in range(53)),))
    with pytest.raises(BriefgenError) as caught:
        _write("pdf", table)
    message = str(caught.value)
    assert "\n" not in message and "Col0 | Col1" in message and "53 columns" in message
    style = house_style()  # columns of at least an em of table text and their padding fit the frame
    assert f"at most {int(style.frame_width // (2 * (style.table_padding + 1) + style.table_size))}" in message
    assert "Col52" in docx_text(open_docx(_write("docx", table)))  # Word takes up to 63 columns


def test_table_of_many_narrow_columns_still_fits():
    table = tree.Table(tuple((T(f"H{i}"),) for i in range(20)), (tuple((T(f"v{i}"),) for i in range(20)),))
    assert "v19" in pdf_text(open_pdf(_write("pdf", table)))


def test_long_heading_near_a_page_foot():
    heading = "Heading " + _numbered("h", 200)  # about eight lines
    for filler in range(20, 36, 3):  # the heading starts at several heights near the foot of page one
        blocks = [_paragraph("short line")] * filler
        reader = open_pdf(_write("pdf", *blocks, tree.Heading(1, (T(heading),)), _paragraph("text under it")))
        assert outline_titles(reader) == [heading]  # one bookmark, even when the heading is split
        assert [w for w in pdf_text(reader).split() if w.startswith("h") and w[1:].isdigit()] == heading.split()[1:]


def test_heading_longer_than_a_page_splits():
    heading = _numbered("h", 1500)
    reader = open_pdf(_write("pdf", tree.Heading(2, (T(heading),)), _paragraph("below")))
    assert len(reader.pages) >= 2 and outline_titles(reader) == [heading]


def test_200_kb_title_lays_out_in_linear_time(monkeypatch):
    """It took 5-10 s before: each page broke the lines of all the text still to come again.

    Counted, not timed: the characters whose lines are broken, over the whole layout, stay within
    a small multiple of the text (a quadratic layout breaks the rest of the title on every page).
    The time itself is in benchmarks/export.py (the 100 KB title row).
    """
    from reportlab.platypus import Paragraph

    from briefgen.exporting import render

    broken = []
    original = Paragraph.breakLines

    def counting(self, width):
        broken.append(sum(len(getattr(frag, "text", "")) for frag in self.frags))
        return original(self, width)

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    title = ("Tokens and trust across the harbour " * 6000)[:200_000]
    data = render(make_request(title=title, themes=("market-impact",)), "pdf")
    reader = open_pdf(data)
    assert len(reader.pages) > 20
    assert reader.pages[-1].extract_text()  # the brief follows the title
    assert sum(broken) < 6 * len(title), f"{sum(broken):,} characters broken into lines for a {len(title):,} title"


def test_docx_with_more_than_10_mb_of_text_is_written_and_reads_back():
    words = "Tokens and trust across the harbour " * 300_000  # 10.8 MB in one paragraph
    document = open_docx(_write("docx", _paragraph(words)))
    assert document.paragraphs[-1].text == words


def test_docx_refuses_a_creation_date_before_year_1000():
    meta = tree.Metadata("Old", "Old", "A briefing", "Ann", "Org", "0999-01-02", "en-GB", "Subject")
    with pytest.raises(BriefgenError, match="year 1000"):
        writer_for("docx")(tree.Document(meta, ()), io.BytesIO())
