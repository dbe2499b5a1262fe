"""Briefs in Hong Kong and mainland Chinese: language tags, locale content, dates, and both files re-opened."""

from __future__ import annotations

import subprocess
import sys

import pytest

from briefgen import BriefRequest
from briefgen.build import LANGUAGE_TAGS
from briefgen.errors import BriefgenError
from briefgen.request import LANGUAGES

from .conftest import make_request, open_pdf


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
