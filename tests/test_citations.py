"""Citations as a reader sees them in both files: one to three numbers each, never a range, every reference cited."""

from __future__ import annotations

import re

import pytest

from briefgen import tree
from briefgen.build import build_document
from briefgen.catalogue import load_catalogue

from .conftest import make_request, open_docx, open_pdf, render_bytes

CATALOGUE = load_catalogue(None)
ALL_THEMES = tuple(CATALOGUE.themes)
LABEL = re.compile(r"\s*\d+(\s*[,–-]\s*\d+)*\s*")  # a citation as printed (a range would show an en dash)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_citations(data: bytes) -> list[str]:
    """The text of every superscript run in the body (callouts and tables included)."""
    body = open_docx(data).element.body
    found = []
    for run in body.iter(f"{W}r"):
        align = run.find(f"{W}rPr/{W}vertAlign")
        if align is not None and align.get(f"{W}val") == "superscript":
            found.append("".join(t.text or "" for t in run.iter(f"{W}t")))
    return found


def pdf_citations(data: bytes) -> list[str]:
    """Every run of numbers set smaller than the text it directly follows on the same line: the superscripts."""
    found: list[str] = []
    previous: list[tuple[float, str]] = []  # (size, text) of the last ordinary run

    def visit(text, cm, tm, font, size):
        if not text.strip():
            return
        if LABEL.fullmatch(text) and previous and not previous[-1][1].endswith("\n") and size < previous[-1][0] - 0.5:
            found.append(text.strip())
        else:
            previous.append((size, text))

    for page in open_pdf(data).pages:
        page.extract_text(visitor_text=visit)
    return found


def numbers(label: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", label)]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("length", ["one-page", "standard", "extended"])
@pytest.mark.parametrize("audience", list(CATALOGUE.audiences))
def test_every_reference_is_cited_in_one_to_three_numbers_and_none_in_a_range(audience, length, fmt):
    request = make_request(audience=audience, length=length, themes=ALL_THEMES)
    entries = next(b for b in build_document(request).blocks if isinstance(b, tree.References)).entries
    data = render_bytes(request, fmt)
    labels = docx_citations(data) if fmt == "docx" else pdf_citations(data)
    assert labels, "no citations found"
    assert not [label for label in labels if "–" in label or "-" in label], "a citation prints a range"
    assert max(len(numbers(label)) for label in labels) <= 3, [label for label in labels if len(numbers(label)) > 3]
    cited = {n for label in labels for n in numbers(label)}
    assert cited == {entry.number for entry in entries}  # every reference cited, none cited that is not listed


def test_figure_source_line_names_each_publisher_with_its_own_citation():
    document = build_document(make_request(length="standard", themes=ALL_THEMES))
    figure = next(b for b in document.blocks if isinstance(b, tree.Figure))
    citations = [node for node in figure.source if isinstance(node, tree.Citation)]
    assert len(citations) > 3 and all(1 <= len(c.numbers) <= 3 for c in citations)
    texts = [node.text for node in figure.source if isinstance(node, tree.Text)]
    assert texts[0].startswith("Sources: ") and all(t.startswith("; ") for t in texts[1:-1]) and texts[-1] == "."
