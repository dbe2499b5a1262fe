"""export(): every audience and length renders to DOCX and PDF that re-open with the right content."""

from __future__ import annotations

import re

import pytest
from docx.oxml.ns import qn

from briefgen import BriefRequest, BriefgenError, export
from briefgen.build import build_document
from briefgen.catalogue import load_catalogue
from briefgen.request import LENGTHS
from briefgen.tree import headings, plain_text

from .conftest import docx_text, make_request, open_docx, open_pdf, outline_titles, pdf_text

CATALOGUE = load_catalogue(None)
AUDIENCES = list(CATALOGUE.audiences)
ALL_THEMES = tuple(CATALOGUE.themes)


@pytest.mark.parametrize("length", LENGTHS)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_audience_and_length_renders_both_formats(tmp_path, audience, length):
    request = make_request(audience=audience, length=length, themes=ALL_THEMES)
    expected_headings = [plain_text(h.children) for h in headings(build_document(request))]

    docx_path = export(request, tmp_path / "brief.docx")
    document = open_docx(docx_path)
    body = docx_text(document)
    assert request.title in body and "Mei Ling Chan · Harbour Policy Institute" in body
    assert CATALOGUE.audiences[audience].title.lower() in document.paragraphs[1].text.lower()
    heading_paragraphs = [p for p in document.paragraphs if p.style.name.startswith("Heading ")]
    assert [p.text for p in heading_paragraphs] == expected_headings
    assert document.paragraphs[0].style.name == "Title"
    assert "References" in expected_headings
    props = document.core_properties
    assert (props.title, props.author, props.language) == (request.title, "Mei Ling Chan, Harbour Policy Institute", "en-GB")
    assert props.subject and "digital assets" in props.keywords

    pdf_path = export(request, tmp_path / "brief.pdf")
    reader = open_pdf(pdf_path)
    assert outline_titles(reader) == expected_headings
    text = pdf_text(reader)
    assert request.title in text
    total = len(reader.pages)
    for number, page in enumerate(reader.pages[1:], start=2):
        assert f"Page {number} of {total}" in page.extract_text()
    assert "Page 1 of" not in reader.pages[0].extract_text()
    info = reader.metadata
    assert (info.title, info.author) == (request.title, "Mei Ling Chan, Harbour Policy Institute")
    assert "digital assets" in info["/Keywords"] and info.subject
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_docx_header_uses_page_and_numpages_fields(tmp_path):
    document = open_docx(export(make_request(), tmp_path / "b.docx"))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    header_xml = section.header._element.xml
    instructions = re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", header_xml)
    assert [i.strip() for i in instructions] == ["PAGE", "NUMPAGES"]
    assert "Bridging Two Systems" in section.header.paragraphs[0].text
    assert "Page" in section.header.paragraphs[0].text and " of " in section.header.paragraphs[0].text
    assert "Page" not in section.first_page_header.paragraphs[0].text


def test_page_is_a4_with_house_margins(tmp_path):
    section = open_docx(export(make_request(), tmp_path / "b.docx")).sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    box = open_pdf(export(make_request(), tmp_path / "b.pdf")).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_key_messages_box_references_and_comparison_table(tmp_path):
    request = make_request(themes=("hk-regulated-hub", "mainland-fintech"))
    document = open_docx(export(request, tmp_path / "b.docx"))
    callout = document.tables[0].cell(0, 0)
    assert callout.paragraphs[0].text == "Key messages"
    comparison = next(t for t in document.tables if t.cell(0, 0).text == "Dimension")
    assert [c.text for c in comparison.rows[0].cells] == ["Dimension", "Hong Kong", "Mainland China"]
    assert comparison.rows[0]._tr.trPr.xml.count("tblHeader") == 1
    paragraphs = [p for p in document.paragraphs if p.style.name == "Reference"]
    references = [p.text for p in paragraphs]
    # a standard brief's entry gives publisher, title and date, and links the site's name to the page
    assert references and all(re.match(r"\d+\.\t.+, “.+”, .+\d{4}\. .+\.\w+$", r) for r in references), references[:2]
    assert [int(r.split(".")[0]) for r in references] == list(range(1, len(references) + 1))
    for paragraph in paragraphs:
        (link,) = paragraph._p.findall(qn("w:hyperlink"))
        assert document.part.rels[link.get(qn("r:id"))].target_ref.startswith("http")


def test_comparison_table_only_with_both_jurisdiction_themes(tmp_path):
    alone = open_docx(export(make_request(themes=("hk-regulated-hub",)), tmp_path / "a.docx"))
    assert all(t.cell(0, 0).text != "Dimension" for t in alone.tables)


def test_user_text_appears_verbatim_not_as_markup(tmp_path):
    request = make_request(title="Risk *not* [markup] <b>bold</b> & `code` # 1. | x")
    document = open_docx(export(request, tmp_path / "b.docx"))
    assert document.paragraphs[0].text == request.title
    assert request.title in pdf_text(open_pdf(export(request, tmp_path / "b.pdf")))


def test_export_returns_the_path_and_takes_format_from_suffix(tmp_path):
    target = tmp_path / "Brief.PDF"
    assert export(make_request(), target) == target
    assert target.read_bytes().startswith(b"%PDF")
    forced = export(make_request(), tmp_path / "brief.bin", format="docx")
    assert forced.read_bytes().startswith(b"PK")


def test_failed_export_leaves_existing_file_unchanged(tmp_path):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"previous brief")
    with pytest.raises(BriefgenError, match="unknown audience 'nobody'"):
        export(BriefRequest(audience="nobody", themes=("market-impact",)), target)
    assert target.read_bytes() == b"previous brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_writer_crash_leaves_no_partial_file(tmp_path, monkeypatch):
    import briefgen.writers.pdf as pdf_writer

    target = tmp_path / "brief.pdf"
    target.write_bytes(b"previous brief")

    def explode(document, stream):
        stream.write(b"%PDF-half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdf_writer, "write", explode)
    with pytest.raises(BriefgenError, match="No space left on device"):
        export(make_request(), target)
    assert target.read_bytes() == b"previous brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_rendering_twice_gives_identical_files(tmp_path):
    request = make_request()
    for suffix in ("pdf", "docx"):
        first = export(request, tmp_path / f"one.{suffix}").read_bytes()
        second = export(request, tmp_path / f"two.{suffix}").read_bytes()
        assert first == second
