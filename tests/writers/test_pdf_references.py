"""The PDF's references: numbers in the body face, URLs broken only at their punctuation and whole when copied."""

from __future__ import annotations

import re

import pytest

from briefgen import tree
from briefgen.build import build_document
from briefgen.catalogue import load_catalogue

from ..conftest import make_request, open_pdf, render_bytes

ALL_THEMES = tuple(load_catalogue(None).themes)
BREAK_AFTER, BREAK_BEFORE = "/._?&=", "-%"  # a URL may break after / . _ ? & =, or before a hyphen or %-escape


def urls(document: tree.Document) -> list[str]:
    entries = next(b for b in document.blocks if isinstance(b, tree.References)).entries
    return [node.url for entry in entries for node in entry.children if isinstance(node, tree.Link)]


@pytest.fixture(scope="module", params=["policymakers", "public"])
def brief(request):
    made = make_request(audience=request.param, length="extended", themes=ALL_THEMES)
    return build_document(made), open_pdf(render_bytes(made, "pdf"))


def test_reference_numbers_are_set_in_the_body_face_and_every_font_is_embedded(brief):
    document, pdf = brief
    count = len(next(b for b in document.blocks if isinstance(b, tree.References)).entries)
    numbers: dict[int, set[str]] = {}
    text_fonts: set[str] = set()
    after_heading = False

    def visit(text, cm, tm, font, size):
        nonlocal after_heading
        name = font.get("/BaseFont", "") if font else ""
        if text.strip() == "References":  # the contents list names it too: only the last heading counts
            after_heading = True
            numbers.clear()
            text_fonts.clear()
        elif after_heading and re.fullmatch(r"\d+\.", text.strip()) and text.strip() == text:  # not a line's "2026.\n"
            numbers.setdefault(int(text.strip()[:-1]), set()).add(name.split("+")[-1])
        elif after_heading and text.strip():
            text_fonts.add(name.split("+")[-1])

    for page in pdf.pages:
        page.extract_text(visitor_text=visit)
    assert sorted(numbers) == list(range(1, count + 1))
    assert {font for fonts in numbers.values() for font in fonts} == {"Caladea-Regular"} <= text_fonts
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "Helvetica" not in font["/BaseFont"] and "/FontFile2" in descriptor.get_object(), font["/BaseFont"]


def test_every_url_survives_copying_and_breaks_only_at_its_punctuation(brief):
    document, pdf = brief
    text = "\n".join(page.extract_text() for page in pdf.pages)
    text = text[text.rindex("\nReferences\n"):]
    wanted = urls(document)
    assert len(wanted) >= 10
    broken = 0
    for url in wanted:
        found = re.search(r"\s*".join(re.escape(c) for c in url), text)
        assert found, f"{url} is not in the PDF's text"
        shown = found.group(0)
        assert "\u200b" not in shown and "\xad" not in shown
        for gap in re.finditer(r"\s+", shown):
            broken += 1
            before, after = shown[gap.start() - 1], shown[gap.end()]
            assert before in BREAK_AFTER or after in BREAK_BEFORE, f"{url} breaks mid-word: {shown!r}"
    assert broken, "no URL needed breaking: the test shows nothing"
    links = {annot.get_object()["/A"]["/URI"] for page in pdf.pages for annot in page.get("/Annots", ())
             if "/A" in annot.get_object() and "/URI" in annot.get_object()["/A"]}
    assert set(wanted) <= links
