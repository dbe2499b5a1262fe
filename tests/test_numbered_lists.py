"""Numbered lists number on (1., 2., 3.) through a section in both files, even when theme headings split them."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile

import pytest

from briefgen import tree
from briefgen.build import build_document
from briefgen.catalogue import load_catalogue

from .conftest import make_request, open_pdf, pdf_text, render_bytes

CATALOGUE = load_catalogue(None)
ALL_THEMES = tuple(CATALOGUE.themes)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def numbered_sections(document: tree.Document) -> list[tuple[str, str | None, int]]:
    """(heading, next heading, items) for each top-level section that holds numbered lists."""
    sections: list[list] = []
    for block in document.blocks:
        if isinstance(block, tree.Heading) and block.level == 1:
            sections.append([tree.plain_text(block.children), 0])
        elif isinstance(block, tree.OrderedList) and sections:
            sections[-1][1] += len(block.items)
    return [(title, sections[i + 1][0] if i + 1 < len(sections) else None, count)
            for i, (title, count) in enumerate(sections) if count]


def docx_numbers_by_section(data: bytes) -> dict[str, list[int]]:
    """The number Word shows on each numbered paragraph, from its numId's start and its place in that list."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml")).find(f"{W}body")
        numbering = etree.fromstring(package.read("word/numbering.xml"))
    starts = {}
    for num in numbering.iter(f"{W}num"):
        override = num.find(f"{W}lvlOverride/{W}startOverride")
        starts[num.get(f"{W}numId")] = int(override.get(f"{W}val")) if override is not None else 1
    shown: dict[str, list[int]] = {}
    seen: dict[tuple[str, str], int] = {}
    section = ""
    for paragraph in body.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val") in ("Heading1", "Heading 1"):
            section = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
            continue
        num = paragraph.find(f"{W}pPr/{W}numPr")
        if num is None or num.find(f"{W}numId") is None:
            continue
        num_id, level = num.find(f"{W}numId").get(f"{W}val"), num.find(f"{W}ilvl").get(f"{W}val")
        if num_id not in starts or level != "0":
            continue
        place = seen.get((num_id, level), 0)
        seen[(num_id, level)] = place + 1
        if style is not None and "Number" in style.get(f"{W}val"):
            shown.setdefault(section, []).append(starts[num_id] + place)
    return shown


@pytest.mark.parametrize("length", ["standard", "extended"])
@pytest.mark.parametrize("audience", list(CATALOGUE.audiences))
def test_numbered_lists_number_on_through_each_section(audience, length):
    request = make_request(audience=audience, length=length, themes=ALL_THEMES)
    sections = numbered_sections(build_document(request))
    assert sections and max(count for _, _, count in sections) >= 2
    docx = docx_numbers_by_section(render_bytes(request, "docx"))
    text = pdf_text(open_pdf(render_bytes(request, "pdf")))
    has_contents = "\nContents\n" in text[:4000]
    body = text[text.index("\nReferences\n") + 1:] if has_contents else text  # past the contents list
    for title, following, count in sections:
        assert docx[title] == list(range(1, count + 1)), title
        start = body.index(f"\n{title}\n")
        part = body[start: body.index(f"\n{following}\n", start) if following else None]
        shown = [int(n) for n in re.findall(r"(?m)^\s*(\d{1,2})\.\s", part)]
        assert shown == list(range(1, count + 1)), (title, shown)


@pytest.mark.skipif(not shutil.which("soffice") and not shutil.which("libreoffice"), reason="LibreOffice not installed")
def test_libreoffice_shows_the_numbers_word_would(tmp_path):
    request = make_request(audience="investors", length="extended", themes=ALL_THEMES)
    (tmp_path / "brief.docx").write_bytes(render_bytes(request, "docx"))
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "txt:Text (encoded):UTF8", "--outdir", str(tmp_path), str(tmp_path / "brief.docx")],
                   check=True, capture_output=True, timeout=180)
    text = (tmp_path / "brief.txt").read_text(encoding="utf-8-sig")
    title, following, count = next(s for s in numbered_sections(build_document(request)) if s[2] >= 2)
    part = text[text.rindex(f"\n{title}\n"): text.rindex(f"\n{following}\n")]
    assert [int(n) for n in re.findall(r"(?m)^\s*(\d{1,2})\.\s", part)] == list(range(1, count + 1))
