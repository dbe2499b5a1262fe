"""Chinese in the DOCX: explicit East Asian fonts on every style, no theme fonts, the locale's language."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from briefgen import tree
from briefgen.writers import writer_for

from ..conftest import docx_text, make_request, open_docx, render_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FACES = {"en": ("PMingLiU", "Microsoft JhengHei", "zh-HK"), "zh-Hant-HK": ("PMingLiU", "Microsoft JhengHei", "zh-HK"),
         "zh-Hans-CN": ("SimSun", "Microsoft YaHei", "zh-CN")}


def _docx(language: str) -> bytes:
    meta = tree.Metadata("香港與內地 Hong Kong 𨋢㗎", "香港", "", "", "", "2026-01-02", language, "")
    blocks = (tree.Heading(1, (tree.Text("第一章"),)), tree.Paragraph((tree.Text("他說：“我們會繼續。” He said “yes”."),)))
    stream = io.BytesIO()
    writer_for("docx")(tree.Document(meta, blocks), stream)
    return stream.getvalue()


def test_english_brief_keeps_a_chinese_title_in_the_docx():
    document = open_docx(render_bytes(make_request(title="香港與內地加密合作 Hong Kong–Mainland 𨋢㗎"), "docx"))
    assert document.paragraphs[0].text == "香港與內地加密合作 Hong Kong–Mainland 𨋢㗎"


@pytest.mark.parametrize("language", sorted(FACES))
def test_every_style_names_east_asian_fonts_and_no_theme_fonts(language):
    body, display, word_lang = FACES[language]
    package = zipfile.ZipFile(io.BytesIO(_docx(language)))
    for part in ("word/styles.xml", "word/stylesWithEffects.xml"):
        assert not re.search(r'w:(ascii|hAnsi|eastAsia|cs)[tT]heme=', package.read(part).decode()), part
    document = open_docx(_docx(language))
    for style in document.styles.element.findall(f"{W}style"):
        if style.get(f"{W}type") == "numbering":
            continue
        fonts = style.find(f"{W}rPr/{W}rFonts")
        assert fonts is not None and fonts.get(f"{W}eastAsia") in (body, display), style.get(f"{W}styleId")
    assert document.styles["Normal"].element.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == body
    assert document.styles["Heading 1"].element.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == display
    defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults.find(f"{W}rFonts").get(f"{W}eastAsia") == body
    assert defaults.find(f"{W}lang").get(f"{W}eastAsia") == word_lang
    settings = package.read("word/settings.xml").decode()
    assert re.search(rf'<w:themeFontLang [^>]*w:eastAsia="{word_lang}"', settings)
    if language.startswith("zh"):
        assert 'w:val="en-GB"' in re.search(r"<w:themeFontLang[^>]*>", settings).group(0)  # Latin words are English
    assert f'w:name="{body}"' in package.read("word/fontTable.xml").decode()


def test_quotation_marks_in_chinese_text_are_hinted_east_asian_and_english_ones_are_not():
    document = open_docx(_docx("zh-Hant-HK"))
    hinted, plain = [], []
    for run in document.paragraphs[-1].runs:
        fonts = run._r.find(f"{W}rPr/{W}rFonts")
        (hinted if fonts is not None and fonts.get(f"{W}hint") == "eastAsia" else plain).append(run.text)
    assert hinted == ["“", "”"]
    assert "“yes”." in "".join(plain)
    assert "他說：“我們會繼續。” He said “yes”." in docx_text(document)
