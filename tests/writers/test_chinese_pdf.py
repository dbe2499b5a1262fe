"""Chinese in the PDF: every character drawn and copied out, Chinese line breaking, and a one-line refusal."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys

import pytest

from briefgen import tree
from briefgen.writers import writer_for
from briefgen.writers.pdf_fonts import to_unicode_cmap

from ..conftest import make_request, open_pdf, pdf_text, render_bytes

TITLE = "香港與內地加密合作 Hong Kong–Mainland 𨋢㗎"
NO_START = "，。、；：？！）」』》〉”’…—"
NO_END = "（「『《〈“‘"
TOKENS = ("HK$1,234,567.89", "Ensemble", "Project", "e-CNY", "2025", "656", "Payment", "Connect")
SENTENCE = ("香港金融管理局（金管局）於2025年推出「Ensemble項目」，測試代幣化存款的跨境結算；根據《穩定幣條例》（第656章），"
            "發行人須持有HK$1,234,567.89以上的資本。Project Ensemble與數字人民幣（e-CNY）的互通安排，亦在粵港澳大灣區"
            "試行——參與銀行包括中國銀行（香港）等。他說：“我们会继续推进。”Payment Connect『跨境支付通』……")


def _pdf(blocks, title="測試", language="en") -> bytes:
    meta = tree.Metadata(title, title, "", "", "", "2026-01-02", language, "")
    stream = io.BytesIO()
    writer_for("pdf")(tree.Document(meta, tuple(blocks)), stream)
    return stream.getvalue()


def _compact(text: str) -> str:
    return "".join(text.split())


def test_english_brief_with_a_chinese_title_draws_and_copies_out_every_character():
    reader = open_pdf(render_bytes(make_request(title="香港與內地加密合作 Hong Kong–Mainland", author="陳美玲 𨋢㗎"), "pdf"))
    text = _compact(pdf_text(reader))
    assert "香港與內地加密合作HongKong–Mainland" in text and "陳美玲𨋢㗎" in text
    fonts = {str(font["/BaseFont"]) for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    assert any("NotoSansCJKhk" in name for name in fonts) and any("NotoSerifCJKhk" in name for name in fonts)
    embedded = [font for page in reader.pages for font in page["/Resources"]["/Font"].values()
                if "CJK" in str(font["/BaseFont"])]
    assert embedded and all("/FontFile2" in font["/FontDescriptor"] for font in embedded)


def test_characters_outside_the_basic_plane_survive_pdftotext_too(tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("poppler's pdftotext is not installed")
    path = tmp_path / "title.pdf"
    path.write_bytes(_pdf([tree.Paragraph((tree.Text("正文"),))], title=TITLE))
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "𨋢㗎" in _compact(out) and "香港與內地加密合作" in _compact(out)


def test_to_unicode_map_writes_surrogate_pairs_outside_the_basic_plane():
    cmap = to_unicode_cmap("AAAAAA+Test", [0x41, 0x282E2, 0x35CE])
    assert "<01> <D860DEE2>" in cmap and "<02> <35CE>" in cmap and "<00> <0041>" in cmap


@pytest.mark.parametrize("language", ["en", "zh-Hant-HK", "zh-Hans-CN"])
def test_chinese_lines_break_by_the_rules_and_keep_latin_tokens_whole(language):
    # the same paragraph shifted by 0-11 characters, so that every kind of break point meets a line end
    paragraphs = [tree.Paragraph((tree.Text("香" * shift + SENTENCE * 2),)) for shift in range(12)]
    cells = tree.Table(((tree.Text("項目"),), (tree.Text("說明"),)), (((tree.Text("甲"),), (tree.Text(SENTENCE),)),))
    reader = open_pdf(_pdf(paragraphs + [cells], language=language))
    lines = [line.strip() for line in pdf_text(reader).splitlines()
             if line.strip() and not re.search(r"Page \d+ of \d+$", line)]  # the running header
    assert len(lines) > 60
    for line in lines:
        assert line[0] not in NO_START, line
        assert line[-1] not in NO_END, line
        for token in re.findall(r"[A-Za-z0-9$][A-Za-z0-9$,.\-]*", line):
            assert token.rstrip(".,") in TOKENS, (token, line)
    text = _compact(pdf_text(reader))
    assert text.count(_compact(SENTENCE)) >= 20  # nothing dropped or added where lines broke


def test_a_character_no_font_has_is_refused_in_one_line_and_no_file_is_written(tmp_path):
    out = tmp_path / "brief.pdf"
    done = subprocess.run([sys.executable, "-m", "briefgen", "render", "--audience", "public", "--theme",
                           "market-impact", "--title", "香港 \ue000 brief", "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "the title" in lines[0] and "U+E000 (\ue000)" in lines[0], done.stderr
    assert not out.exists() and not list(tmp_path.iterdir())


def test_body_text_that_no_font_can_draw_names_where_it_is():
    with pytest.raises(Exception) as refused:
        _pdf([tree.Paragraph((tree.Text("The harbour ☃ snowman paragraph"),))])
    assert "U+2603 (☃)" in str(refused.value) and "harbour" in str(refused.value)
