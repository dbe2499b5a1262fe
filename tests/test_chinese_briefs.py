"""Every audience and length in both Chinese locales, re-opened as PDF and DOCX: terms, quotes, dates, pages, fonts, lines."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import tomllib
from functools import lru_cache
from pathlib import Path

import pytest

from briefgen.build import build_document
from briefgen.catalogue import load_catalogue
from briefgen.strings import words

from .conftest import docx_text, make_request, open_docx, open_pdf, pdf_text, render_bytes
from .test_content import EVERY_SUBSET, PAGES

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = tomllib.loads((ROOT / "assets/content/locales/glossary.toml").read_text(encoding="utf-8"))["terms"]
LOCALES = {  # language: (the other locale, how Word names it, quotation marks it never uses, "Page 2 of N")
    "zh-Hant-HK": ("zh-Hans-CN", "zh-HK", "“”‘’", "第2頁，共{}頁"),
    "zh-Hans-CN": ("zh-Hant-HK", "zh-CN", "「」『』", "第2页，共{}页"),
}
AUDIENCES = ("policymakers", "investors", "industry", "technologists", "public")
LENGTHS = ("one-page", "standard", "extended")
BRIEFS = [(lang, audience, length) for lang in LOCALES for audience in AUDIENCES for length in LENGTHS]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NO_START = "，。、；：？！）」』》〉”’…—"
NO_END = "（「『《〈“‘"
LATIN = re.compile(r"[A-Za-z0-9$][A-Za-z0-9$,.\-–%]*[A-Za-z0-9%]|[A-Za-z0-9]")


@lru_cache(maxsize=None)
def rendered(lang: str, audience: str, length: str):
    request = make_request(lang=lang, audience=audience, length=length, title="", date=dt.date(2026, 11, 29),
                           themes=tuple(load_catalogue(None, lang).themes))
    return request, render_bytes(request, "pdf"), render_bytes(request, "docx")


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def body_of(text: str, lang: str) -> str:
    """The brief's own words: compact text before its reference list, whose titles and addresses keep their language,
    and without the names of the publishers it cites."""
    text = compact(text)
    heading = compact(words(lang)("References"))
    text = text[:text.rindex(heading)] if heading in text else text
    for source in load_catalogue(None, lang).sources.values():
        text = text.replace(compact(source["publisher"]), "")
    return text


def assert_locale_terms(lang: str, text: str) -> None:
    other = LOCALES[lang][0]
    for key, term in GLOSSARY.items():
        rest = text
        for own in (term[lang], *term.get(f"also-{lang}", ())):
            rest = rest.replace(own, "")
        wrong = [form for form in ([term[other]] if term[other] != term[lang] else []) + term.get(f"never-{lang}", [])
                 if form in rest]
        assert not wrong, f"{key}: {wrong} in a {lang} brief"


@pytest.mark.parametrize(("lang", "audience", "length"), BRIEFS)
def test_every_chinese_pdf_is_in_its_locale(lang, audience, length):
    _, pdf, _ = rendered(lang, audience, length)
    reader = open_pdf(pdf)
    text = pdf_text(reader)
    body = body_of(text, lang)
    assert_locale_terms(lang, body)
    assert not set(LOCALES[lang][2]) & set(body), "the other locale's quotation marks"
    assert "*" not in body and "\\" not in body, "Markdown shown as text: an emphasis that did not end"
    half_width = re.findall(r".{0,12}[\u3400-\u9fff）」』][,.;:?!()][\u3400-\u9fff（「『].{0,12}", body)
    assert half_width == [], "punctuation between Chinese words is full width"
    assert "2026年11月29日" in body
    assert str(reader.trailer["/Root"]["/Lang"]) == lang
    pages = len(reader.pages)
    if pages > 1:
        assert compact(LOCALES[lang][3].format(pages)) in compact(reader.pages[1].extract_text())
    assert not re.search(r"Page \d+ of \d+", text)
    embedded = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/FontFile2" in font.get("/FontDescriptor", {}):
                embedded.add(str(font["/BaseFont"]).split("+")[-1])
    face = "hk" if lang == "zh-Hant-HK" else "sc"  # the locale's own glyph shapes
    assert {f"NotoSerifCJK{face}-Regular", f"NotoSansCJK{face}-Bold"} <= embedded, embedded


@pytest.mark.parametrize(("lang", "audience", "length"), BRIEFS)
def test_every_chinese_docx_is_in_its_locale(lang, audience, length):
    _, _, data = rendered(lang, audience, length)
    document = open_docx(data)
    body = body_of(docx_text(document), lang)
    assert_locale_terms(lang, body)
    assert not set(LOCALES[lang][2]) & set(body), "the other locale's quotation marks"
    assert "2026年11月29日" in body
    word_lang = LOCALES[lang][1]
    assert document.core_properties.language == lang
    defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert defaults.get(f"{W}eastAsia") == word_lang
    for style in document.styles.element.findall(f"{W}style"):
        if style.get(f"{W}type") != "numbering":
            fonts = style.find(f"{W}rPr/{W}rFonts")
            assert fonts is not None and fonts.get(f"{W}eastAsia"), style.get(f"{W}styleId")
    header = "".join(p.text for section in document.sections for p in section.header.paragraphs)
    assert ("頁" if lang == "zh-Hant-HK" else "页") in header and "Page" not in header


@pytest.mark.parametrize("lang", sorted(LOCALES))
def test_each_locale_uses_every_glossary_term_somewhere(lang):
    text = "".join(body_of(pdf_text(open_pdf(rendered(lang, audience, length)[1])), lang)
                   for audience in AUDIENCES for length in ("standard", "extended"))
    unused = [key for key, term in GLOSSARY.items() if term[lang] not in text]
    assert unused == []


def assert_lines_break_by_the_rules(shown: str, source: str, numbers: bool = True) -> None:
    """No line of `shown` starts or ends with a forbidden mark, and no Latin word (or number) of `source` is split."""
    words = set(LATIN.findall(source))
    lines = [line.strip() for line in shown.splitlines() if line.strip()]
    assert len(lines) > 20
    for line, following in zip(lines, lines[1:] + [""]):
        assert line[0] not in NO_START, line
        assert line[-1] not in NO_END, line
        if "://" in line or re.match(r"\d+\. ", following):
            continue  # an address wider than the line is cut where it must be; a list item's number starts a line
        if following and re.search(r"[A-Za-z0-9]$", line) and re.match(r"[A-Za-z0-9]", following):
            tail, head = LATIN.findall(line)[-1], LATIN.findall(following)[0]
            if not numbers and (tail.isdigit() or head.isdigit()):
                continue
            joined = tail + head
            assert not (joined in words and f"{tail} {head}" not in source), f"{joined!r} split: {line!r} / {following!r}"


def pdftotext(pdf: bytes) -> str:
    """The PDF's text as poppler gives it: the runs of a line drawn in several faces joined, as a reader's copy is."""
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler's pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize(("lang", "audience", "length"), BRIEFS)
def test_chinese_lines_break_by_the_rules_in_every_brief(lang, audience, length):
    request, pdf, _ = rendered(lang, audience, length)
    assert_lines_break_by_the_rules(pdftotext(pdf), repr(build_document(request)))

FONT_ALIASES = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>PMingLiU</family><prefer><family>Noto Serif CJK HK</family></prefer></alias>
  <alias binding="same"><family>Microsoft JhengHei</family><prefer><family>Noto Sans CJK HK</family></prefer></alias>
  <alias binding="same"><family>SimSun</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>Microsoft YaHei</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
</fontconfig>
"""  # what Windows would draw, in the Noto CJK faces (LibreOffice's own guess for PMingLiU is a sans face)


@pytest.mark.skipif(not shutil.which("libreoffice") or not shutil.which("fc-list")
                    or "Noto Serif CJK" not in subprocess.run(["fc-list"], capture_output=True, text=True).stdout,
                    reason="LibreOffice and the Noto CJK fonts (fonts-noto-cjk) are not installed")
def test_libreoffice_lays_every_chinese_docx_out_within_its_page_band(tmp_path):
    paths = {}
    for lang, audience, length in BRIEFS:
        path = tmp_path / f"{lang}-{audience}-{length}.docx"
        path.write_bytes(rendered(lang, audience, length)[2])
        paths[path] = (lang, audience, length)
    (tmp_path / "fonts.conf").write_text(FONT_ALIASES, encoding="utf-8")
    subprocess.run(["libreoffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path / "pdf"), *map(str, paths)], check=True, capture_output=True,
                   timeout=900, env={**os.environ, "FONTCONFIG_FILE": str(tmp_path / "fonts.conf")})
    wrong = {}
    for path, (lang, audience, length) in paths.items():
        low, high = PAGES[length]
        laid_out = (tmp_path / "pdf" / f"{path.stem}.pdf").read_bytes()
        pages = len(open_pdf(laid_out).pages)
        if not low <= pages <= high:
            wrong[path.stem] = pages
        if shutil.which("pdftotext"):  # LibreOffice breaks the lines by the same rules (numbers aside: pdftotext
            # reads its tables cell by cell, so a citation's number may meet the next cell's)
            source = repr(build_document(rendered(lang, audience, length)[0]))
            assert_lines_break_by_the_rules(pdftotext(laid_out), source, numbers=False)
    assert wrong == {}


@pytest.mark.parametrize("length", ["one-page", "standard"])
@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("lang", sorted(LOCALES))
def test_chinese_pdf_page_count_holds_for_every_theme_subset(lang, audience, length):
    # the extended briefs' subsets and every DOCX: tools/page_bands.py, outside the suite, to keep it quick
    low, high = PAGES[length]
    counts = {subset: len(open_pdf(render_bytes(make_request(lang=lang, audience=audience, length=length, themes=subset,
                                                             title=""), "pdf")).pages) for subset in EVERY_SUBSET}
    wrong = {" + ".join(s): n for s, n in counts.items() if not low <= n <= high}
    assert wrong == {}, f"{lang} {audience} {length}: expected {low}-{high} pages"
