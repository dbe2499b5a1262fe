"""Anything a person can type or paste survives into valid files, less XML-illegal characters."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.textsafe import clean_line

from .conftest import docx_text, make_request, open_docx, open_pdf, pdf_text, render_bytes

HOSTILE = [
    "<script>alert('x')</script> & \"quotes\" 'single' &amp; <para>",
    "emoji 🚀🇭🇰 中文繁體 简体中文 עברית العربية",
    "controls \x00\x01\x07\x0b\x0c\x1b\x7f\ufffe end",
    "x" * 10_000,
    " ".join(["word"] * 2_000),
]
typed = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


def _check_both(request):
    document = open_docx(render_bytes(request, "docx"))
    reader = open_pdf(render_bytes(request, "pdf"))
    assert len(reader.pages) >= 1
    cleaned = clean_line(request.title)
    assert request.title == cleaned  # the request already holds the cleaned, single-line text
    assert document.paragraphs[0].text == cleaned
    assert document.core_properties.title == cleaned[:255]
    byline = " · ".join(p for p in (request.author, request.organisation) if p.strip())
    if byline:
        assert byline in docx_text(document)
    assert reader.metadata.title == cleaned
    return document, reader


def test_named_hostile_strings_survive():
    for text in HOSTILE:
        if not clean_line(text).strip():
            continue
        request = make_request(title=text, author=text, organisation=text[:50])
        _, reader = _check_both(request)
        visible = clean_line(text)
        if visible.isascii():
            flat = "".join(pdf_text(reader).split())
            assert "".join(visible.split())[:2000] in flat


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=typed.filter(lambda t: clean_line(t).strip()), author=typed, organisation=typed)
def test_any_text_in_any_field_makes_valid_files(title, author, organisation):
    _check_both(make_request(title=title, author=author, organisation=organisation, themes=("market-impact",)))


@settings(max_examples=20, deadline=None)
@given(word=st.text(string.ascii_letters + string.digits + string.punctuation + " ", min_size=1, max_size=80)
       .filter(str.strip))
def test_ascii_titles_come_back_exactly_from_the_pdf(word):
    reader = open_pdf(render_bytes(make_request(title=word, themes=("market-impact",)), "pdf"))
    assert " ".join(word.split()) in " ".join(reader.pages[0].extract_text().split())
