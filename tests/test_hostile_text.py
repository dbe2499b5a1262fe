"""Anything a person can type or paste survives into valid files, less XML-illegal characters."""

from __future__ import annotations

import string
import unicodedata

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.errors import BriefgenError
from briefgen.textsafe import clean_line

from .conftest import docx_text, make_request, open_docx, open_pdf, pdf_text, render_bytes

HOSTILE = [
    "<script>alert('x')</script> & \"quotes\" 'single' &amp; <para>",
    "emoji 🚀🇭🇰 中文繁體 简体中文 עברית العربية",
    "中文繁體 简体中文 𨋢㗎 「引號」 “quotes” HK$1,234,567.89",
    "controls \x00\x01\x07\x0b\x0c\x1b\x7f\ufffe end",
    "x" * 10_000,
    " ".join(["word"] * 2_000),
]
typed = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


def _undrawable(text: str) -> list[str]:
    """Characters none of the PDF's faces has (an emoji, Hebrew), found from the shipped fonts' own tables."""
    from briefgen.writers.pdf_fonts import script_coverage
    from briefgen.style import house_style

    drawable = frozenset().union(*(script_coverage(script) for script in house_style().scripts))
    return [c for c in clean_line(text) if ord(c) not in drawable and not c.isspace() and unicodedata.category(c) != "Cf"]


def _check_both(request):
    document = open_docx(render_bytes(request, "docx"))
    missing = _undrawable(request.title + request.author + request.organisation)
    if missing:  # the PDF refuses in one line, naming a character, rather than drawing a box or a gap
        with pytest.raises(BriefgenError) as refused:
            render_bytes(request, "pdf")
        message = str(refused.value)
        assert "\n" not in message and f"U+{ord(missing[0]):04X}" in message and "no font" in message
        return document, None
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
    flat = "".join(pdf_text(reader).split())
    assert "".join(cleaned.split())[:300] in flat  # every character of the title is drawn and copies out
    return document, reader


def test_named_hostile_strings_survive():
    for text in HOSTILE:
        if not clean_line(text).strip():
            continue
        request = make_request(title=text, author=text, organisation=text[:50])
        _, reader = _check_both(request)
        visible = clean_line(text)
        if visible.isascii() and reader:
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
