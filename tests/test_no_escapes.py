"""No Markdown backslash escape reaches a reader: neither file's text holds a backslash, in any built-in brief."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from briefgen.catalogue import load_catalogue

from .conftest import make_request, open_pdf, pdf_text, render_bytes

CATALOGUE = load_catalogue(None)
ALL_THEMES = tuple(CATALOGUE.themes)
BRIEFS = ([(audience, length, ALL_THEMES) for audience in CATALOGUE.audiences
           for length in ("one-page", "standard", "extended")]
          + [("public", "standard", (theme,)) for theme in ALL_THEMES])  # one theme: every plain-words box


def docx_text(data: bytes) -> str:
    """Every text run of the body, headers and footers (field codes are not text), and the document properties."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = [name for name in package.namelist() if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name)]
        xml = "".join(package.read(name).decode("utf-8") for name in parts)
        properties = package.read("docProps/core.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)) + " ".join(re.findall(r">([^<]+)<", properties))


@pytest.mark.parametrize("audience,length,themes", BRIEFS,
                         ids=[f"{a}-{l}-{'all' if len(t) > 1 else t[0]}" for a, l, t in BRIEFS])
def test_no_backslash_reaches_either_file(audience, length, themes):
    request = make_request(audience=audience, length=length, themes=themes)
    docx, pdf = docx_text(render_bytes(request, "docx")), pdf_text(open_pdf(render_bytes(request, "pdf")))
    assert "Hong Kong" in docx and "Hong Kong" in pdf
    for name, text in (("docx", docx), ("pdf", pdf)):
        assert "\\" not in text, f"{name}: ...{text[max(0, text.index(chr(92)) - 60):text.index(chr(92)) + 20]}..."
