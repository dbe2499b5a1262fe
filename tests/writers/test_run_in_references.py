"""A one-page brief's sources run on in one paragraph, each after its number, in both formats."""

from __future__ import annotations

import re

from briefgen import tree
from briefgen.build import build_document

from ..conftest import make_request, open_docx, open_pdf, render_bytes

ONE_PAGE = make_request(length="one-page", themes=("hk-regulated-hub", "mainland-fintech", "market-impact"))


def test_one_page_references_run_in_and_longer_briefs_list_them():
    references = next(b for b in build_document(ONE_PAGE).blocks if isinstance(b, tree.References))
    standard = next(b for b in build_document(ONE_PAGE.with_changes(length="standard")).blocks
                    if isinstance(b, tree.References))
    assert references.run_in and len(references.entries) >= 3 and not standard.run_in


def test_run_in_references_are_one_paragraph_in_the_docx_and_share_lines_in_the_pdf():
    count = len(next(b for b in build_document(ONE_PAGE).blocks if isinstance(b, tree.References)).entries)
    paragraphs = [p.text for p in open_docx(render_bytes(ONE_PAGE, "docx")).paragraphs if p.style.name == "Reference"]
    assert len(paragraphs) == 1
    assert [int(n) for n in re.findall(r"(?:^|\s)(\d+)\.\u00a0", paragraphs[0])] == list(range(1, count + 1))
    text = open_pdf(render_bytes(ONE_PAGE, "pdf")).pages[0].extract_text()
    lines = text[text.rindex("References"):].splitlines()
    assert any(len(re.findall(r"(?:^|\s)\d+\.\s", line)) >= 2 for line in lines)  # two sources on one line
