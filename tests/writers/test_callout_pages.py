"""A short box (key messages, questions, a warning) is never split across pages in the PDF; a long one may be."""

from __future__ import annotations

import io

from briefgen import tree
from briefgen.writers import writer_for

from ..conftest import open_pdf


def _pdf(blocks) -> bytes:
    meta = tree.Metadata("Boxes", "Boxes", "", "", "", "2026-11-29", "en-GB", "")
    stream = io.BytesIO()
    writer_for("pdf")(tree.Document(meta, tuple(blocks)), stream)
    return stream.getvalue()


def _para(text: str) -> tree.Paragraph:
    return tree.Paragraph((tree.Text(text),))


def _pages_holding(data: bytes, *texts: str) -> list[int]:
    pages = [page.extract_text() for page in open_pdf(data).pages]
    return [next(n for n, page in enumerate(pages, 1) if text in page) for text in texts]


def test_a_short_box_that_would_straddle_a_page_break_moves_whole_to_the_next_page():
    box = tree.Callout("Questions readers ask", tuple(_para(f"Answer line {n}: " + "word " * 35) for n in range(4)))
    for filler in range(22, 36):  # the box starts at many heights near page 1's foot; somewhere it would straddle
        blocks = [_para(f"Filler {n}. " + "text " * 40) for n in range(filler)]
        data = _pdf([*blocks, box, _para("After the box.")])
        first, last = _pages_holding(data, "Questions readers ask", "Answer line 3")
        assert first == last, f"box split across pages {first} and {last} after {filler} paragraphs"


def test_a_box_longer_than_a_third_of_a_page_still_flows_across_pages():
    box = tree.Callout("Annex", tuple(_para(f"Entry {n}: " + "word " * 80) for n in range(30)))
    data = _pdf([_para("Opening. " + "text " * 40), box])
    first, last = _pages_holding(data, "Annex", "Entry 29")
    assert last > first and len(open_pdf(data).pages) == last
