"""Briefs in Hong Kong and mainland Chinese: language tags, locale content, dates, and both files re-opened."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest

from briefgen import BriefRequest
from briefgen.build import LANGUAGE_TAGS
from briefgen.build import metadata
from briefgen.catalogue import load_catalogue
from briefgen.titles import long_date
from briefgen.errors import BriefgenError
from briefgen.request import LANGUAGES

from .conftest import docx_text, make_request, open_docx, open_pdf, pdf_text, render_bytes


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefgen", *args], capture_output=True, text=True, timeout=180)


@pytest.mark.parametrize(("given", "lang"), [
    ("zh-Hant-HK", "zh-Hant-HK"), ("zh-Hans-CN", "zh-Hans-CN"), ("zh-HK", "zh-Hant-HK"), ("zh-CN", "zh-Hans-CN"),
    ("zh-hk", "zh-Hant-HK"), ("zh_CN", "zh-Hans-CN"), ("ZH-HANT-HK", "zh-Hant-HK"), ("en", "en"),
])
def test_chinese_languages_and_their_aliases_are_normalised(given, lang):
    assert make_request(lang=given).lang == lang


@pytest.mark.parametrize("given", ["zh", "zh-TW", "fr", ""])
def test_other_languages_are_refused_naming_the_choices(given):
    with pytest.raises(BriefgenError, match=f"unsupported language '{given}'; choose one of: en, zh-Hant-HK, zh-Hans-CN"):
        make_request(lang=given)


def test_every_language_has_its_bcp47_document_tag():
    assert LANGUAGE_TAGS == {"en": "en-GB", "zh-Hant-HK": "zh-Hant-HK", "zh-Hans-CN": "zh-Hans-CN"}
    assert set(LANGUAGE_TAGS) == set(LANGUAGES)


def test_brief_file_with_an_alias_loads_and_saves_the_full_tag(tmp_path):
    path = tmp_path / "hk.brief.toml"
    path.write_text('audience = "policymakers"\nthemes = ["hk-regulated-hub"]\nlang = "zh-HK"\n', encoding="utf-8")
    request = BriefRequest.load(path)
    assert request.lang == "zh-Hant-HK"
    request.save(path)
    assert 'lang = "zh-Hant-HK"' in path.read_text(encoding="utf-8")
    assert BriefRequest.load(path) == request


def test_cli_lang_alias_sets_the_pdf_language(tmp_path):
    out = tmp_path / "cn.pdf"
    done = run("render", "--audience", "public", "--theme", "market-impact", "--length", "one-page",
               "--lang", "zh-CN", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert str(open_pdf(out).trailer["/Root"]["/Lang"]) == "zh-Hans-CN"


def test_cli_unknown_language_is_one_line_and_writes_nothing(tmp_path):
    out = tmp_path / "brief.pdf"
    done = run("render", "--audience", "public", "--theme", "market-impact", "--lang", "klingon", "-o", str(out))
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert "unsupported language 'klingon'; choose one of: en, zh-Hant-HK, zh-Hans-CN" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


# -- content ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "title", "ordinance"), [
    ("zh-Hant-HK", "政策制定者", "《穩定幣條例》"), ("zh-Hans-CN", "政策制定者", "《稳定币条例》"),
])
def test_a_chinese_catalogue_is_the_locale_copy_with_the_english_ids(lang, title, ordinance):
    english, chinese = load_catalogue(None), load_catalogue(None, lang)
    assert chinese.lang == lang and chinese.untranslated == ()
    assert list(chinese.themes) == list(english.themes) and list(chinese.audiences) == list(english.audiences)
    assert list(chinese.figures) == list(english.figures)
    assert chinese.audience("policymakers").title == title
    statements = " ".join(fact["statement"] for fact in chinese.register.facts.values())
    assert ordinance in statements and "Stablecoins Ordinance" not in statements
    for key, fact in english.register.facts.items():  # only the words change: dates, status and sources stay
        translated = chinese.register.facts[key]
        assert {k: translated[k] for k in ("date", "status", "confidence", "sources")} == \
            {k: fact[k] for k in ("date", "status", "confidence", "sources")}
    assert chinese.sources == english.sources  # source titles stay in their own language
    assert chinese.timeline[0]["id"] == english.timeline[0]["id"] != ""
    assert chinese.timeline[0]["event"] != english.timeline[0]["event"]
    assert load_catalogue(None) is english and load_catalogue(None, lang) is chinese  # cached by language


def test_the_two_locales_are_written_separately():
    hk, cn = load_catalogue(None, "zh-Hant-HK"), load_catalogue(None, "zh-Hans-CN")
    hk_text = " ".join(f["statement"] for f in hk.register.facts.values())
    cn_text = " ".join(f["statement"] for f in cn.register.facts.values())
    assert "「" in hk_text and "“" in cn_text
    assert "《稳定币条例》" not in hk_text and "《穩定幣條例》" not in cn_text


CENTRAL_BANKERS = """
[audiences.central-bankers]
title = "Central bankers"
description = "Staff of central banks"
reader = "central bank staff"
purpose = "It weighs what cooperation means for payment systems."
closing = "Central banks can shape this cooperation."
based_on = "policymakers"
"""
USER_FACT = """
[facts.user-cb-note]
statement = "The HKMA said it would publish a note on settlement."
date = "2026-11-20"
checked = "2026-11-29"
jurisdiction = "hong-kong"
status = "adopted"
confidence = "high"
sources = ["sfc-vatp"]
themes = ["hk-regulated-hub"]
"""


def test_the_users_own_entries_fall_back_to_english_until_translated(tmp_path):
    (tmp_path / "audiences.toml").write_text(CENTRAL_BANKERS, encoding="utf-8")
    (tmp_path / "facts.toml").write_text(USER_FACT, encoding="utf-8")
    catalogue = load_catalogue(tmp_path, "zh-Hant-HK")
    assert catalogue.audience("central-bankers").title == "Central bankers"
    assert catalogue.audience("central-bankers").content["headline"] == catalogue.audience("policymakers").content["headline"]
    assert catalogue.register.facts["user-cb-note"]["statement"].startswith("The HKMA said")
    assert catalogue.untranslated == ("audience 'central-bankers'", "fact 'user-cb-note'")
    assert load_catalogue(tmp_path).untranslated == ()  # English needs no translation
    folder = tmp_path / "locales" / "zh-Hant-HK"
    folder.mkdir(parents=True)
    (folder / "audiences.toml").write_text('[audiences.central-bankers]\ntitle = "央行人員"\n', encoding="utf-8")
    (folder / "facts.toml").write_text('[facts.user-cb-note]\nstatement = "金管局表示會發表結算說明。"\n', encoding="utf-8")
    translated = load_catalogue(tmp_path, "zh-Hant-HK")
    assert translated.audience("central-bankers").title == "央行人員"
    assert translated.audience("central-bankers").description == "Staff of central banks"
    assert translated.register.facts["user-cb-note"]["statement"] == "金管局表示會發表結算說明。"
    assert translated.register.facts["user-cb-note"]["sources"] == ["sfc-vatp"]
    assert translated.untranslated == ()
    assert load_catalogue(tmp_path, "zh-Hans-CN").untranslated == ("audience 'central-bankers'", "fact 'user-cb-note'")


def test_cli_warns_in_one_line_when_the_users_entries_are_untranslated(user_templates, tmp_path):
    (user_templates / "audiences.toml").write_text(CENTRAL_BANKERS, encoding="utf-8")
    (user_templates / "audiences").mkdir()
    (user_templates / "audiences" / "central-bankers.md.j2").write_text(
        '{% extends "audiences/policymakers.md.j2" %}\n', encoding="utf-8")
    out = tmp_path / "cb.docx"
    done = run("render", "--audience", "central-bankers", "--theme", "hk-regulated-hub", "--length", "one-page",
               "--lang", "zh-HK", "--date", "2026-11-29", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("briefgen: warning: no zh-Hant-HK translation of your audience 'central-bankers'; "
                               "shown in English")
    english = run("render", "--audience", "central-bankers", "--theme", "hk-regulated-hub", "--length", "one-page",
                  "--date", "2026-11-29", "-o", str(tmp_path / "en.docx"))
    assert english.returncode == 0 and english.stderr == ""


# -- dates -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "day", "month"), [
    ("en", "29 November 2026", "November 2026"),
    ("zh-Hant-HK", "2026年11月29日", "2026年11月"),
    ("zh-Hans-CN", "2026年11月29日", "2026年11月"),
])
def test_long_date_follows_the_language(lang, day, month):
    assert long_date(dt.date(2026, 11, 29), lang) == long_date("2026-11-29", lang) == day
    assert long_date("2026-11", lang) == month
    assert long_date("2025-06-05", lang) == {"en": "5 June 2025"}.get(lang, "2025年6月5日")


def test_subtitle_and_facts_line_carry_the_briefs_date_in_its_language():
    request = make_request(lang="zh-Hans-CN", date=dt.date(2026, 11, 29))
    meta = metadata(request, load_catalogue(None, request.lang))
    assert meta.subtitle.endswith("· 2026年11月29日") and "November" not in meta.subtitle
    assert "年" in meta.currency and meta.language == "zh-Hans-CN"
    english = metadata(make_request(date=dt.date(2026, 11, 29)), load_catalogue(None))
    assert english.subtitle.endswith("· 29 November 2026") and english.language == "en-GB"


# -- rendered briefs -------------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LOCALES = {  # language: (its own term, the other locale's form of it, its quotation mark, how Word names it)
    "zh-Hant-HK": ("《穩定幣條例》", "《稳定币条例》", "「", "zh-HK"),
    "zh-Hans-CN": ("《稳定币条例》", "《穩定幣條例》", "“", "zh-CN"),
}


@pytest.fixture(scope="module", params=sorted(LOCALES))
def rendered(request):
    lang = request.param
    brief = make_request(lang=lang, title="", date=dt.date(2026, 11, 29), audience="policymakers", length="standard",
                         themes=("hk-regulated-hub", "mainland-fintech", "complementary-partnership"))
    return lang, render_bytes(brief, "pdf"), render_bytes(brief, "docx")


def _assert_in_locale(lang: str, text: str) -> None:
    """The locale's own term and quotation mark, never the other locale's term, and dates in Chinese."""
    own, other, quote, _ = LOCALES[lang]
    text = re.sub(r"\s+", "", text)
    assert own in text and other not in text and quote in text
    assert "2026年11月29日" in text  # the subtitle's date


def test_a_chinese_pdf_is_in_its_locale(rendered):
    lang, pdf, _ = rendered
    reader = open_pdf(pdf)
    _assert_in_locale(lang, pdf_text(reader))
    assert "\x00" not in pdf_text(reader)  # no glyph lost, figure labels included
    assert str(reader.trailer["/Root"]["/Lang"]) == lang
    assert reader.metadata.title and "香港" in reader.metadata.title


def test_a_chinese_docx_is_in_its_locale(rendered):
    lang, _, data = rendered
    document = open_docx(data)
    _assert_in_locale(lang, docx_text(document))
    word_lang = LOCALES[lang][3]
    assert document.core_properties.language == lang
    defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert (defaults.get(f"{W}val"), defaults.get(f"{W}eastAsia")) == ("en-GB", word_lang)  # Latin words are English


def test_the_users_own_figure_falls_back_to_english_until_translated(tmp_path):
    from .test_figures import USER_FIGURE

    (tmp_path / "figures.toml").write_text(USER_FIGURE, encoding="utf-8")
    english = load_catalogue(tmp_path, "zh-Hant-HK")
    assert english.figures["stablecoin-path"].fields["caption"] == "From licence to market"
    assert english.untranslated == ("figure 'stablecoin-path'",)
    folder = tmp_path / "locales" / "zh-Hant-HK"
    folder.mkdir(parents=True)
    (folder / "figures.toml").write_text(
        '[figures.stablecoin-path]\ncaption = "由牌照到市場"\nnodes = [\n'
        '  { id = "issuer", label = "持牌發行人", col = 0 },\n'
        '  { id = "holder", label = "持有人", detail = "按面值贖回", col = 1 },\n]\n'
        'edges = [{ from = "issuer", to = "holder", label = "以儲備鑄造" }]\n', encoding="utf-8")
    translated = load_catalogue(tmp_path, "zh-Hant-HK")
    fields = translated.figures["stablecoin-path"].fields
    assert fields["caption"] == "由牌照到市場" and fields["nodes"][0]["label"] == "持牌發行人"
    assert fields["facts"] == ["hk-stablecoins-ordinance"] and translated.untranslated == ()
    assert load_catalogue(tmp_path, "zh-Hans-CN").untranslated == ("figure 'stablecoin-path'",)
