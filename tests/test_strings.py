"""The brief's own words in its language: every marked message translated in both locales, and set as Chinese is."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.extract import extract

from briefgen.strings import messages, tidy_chinese_spacing, words
from briefgen.templating import first_sentence

ROOT = Path(__file__).resolve().parents[1]
CHINESE = ("zh-Hant-HK", "zh-Hans-CN")


def marked_messages() -> dict[str, str]:
    """Every message marked for translation in the built-in templates and briefgen's code -> where it is."""
    found: dict[str, str] = {}
    sources = [(path, "jinja2.ext.babel_extract") for path in sorted((ROOT / "templates").rglob("*.j2"))]
    sources += [(path, "python") for path in sorted((ROOT / "briefgen").rglob("*.py")) if "gui" not in path.parts]
    for path, method in sources:
        options = {"trim_blocks": "True", "lstrip_blocks": "True"} if method != "python" else {}
        for line, message, _comments, _context in extract(method, io.BytesIO(path.read_bytes()),
                                                           keywords={"_": None}, options=options):
            text = message if isinstance(message, str) else message[0]
            found.setdefault(text, f"{path.relative_to(ROOT)}:{line}")
    return found


MARKED = marked_messages()


def test_the_engine_marks_its_own_words():
    for message in ("Page {page} of {total}", "Figure {number}. ", "Facts current to %(date)s"):
        assert message in MARKED


@pytest.mark.parametrize("lang", CHINESE)
def test_every_marked_message_has_a_translation(lang):
    table = messages(lang)
    missing = [f"{where}: {message!r}" for message, where in MARKED.items() if not table.get(message)]
    assert not missing, f"{len(missing)} messages have no {lang} translation:\n" + "\n".join(missing)


@pytest.mark.parametrize("lang", CHINESE)
def test_no_translation_is_left_over_from_a_message_no_longer_used(lang):
    assert sorted(set(messages(lang)) - set(MARKED)) == []


@pytest.mark.parametrize("lang", CHINESE)
def test_placeholders_survive_translation(lang):
    table = messages(lang)
    for message, translation in table.items():
        for mark in ("%(", "{page}", "{total}", "{number}"):
            assert message.count(mark) == translation.count(mark), (lang, message, translation)


def test_english_is_the_message_itself_and_fills_its_places():
    _ = words("en")
    assert _("Facts current to %(date)s", date="1 May 2026") == "Facts current to 1 May 2026"


def test_the_locales_are_written_separately():
    hk, cn = words("zh-Hant-HK"), words("zh-Hans-CN")
    assert hk("Page {page} of {total}") == "第{page}頁，共{total}頁"
    assert cn("Page {page} of {total}") == "第{page}页，共{total}页"
    assert hk("“%(title)s”", title="T") == "「T」" and cn("“%(title)s”", title="T") == "“T”"


def test_a_users_catalogue_adds_to_the_built_in_one(tmp_path):
    folder = tmp_path / "locales" / "zh-Hant-HK" / "strings"
    folder.mkdir(parents=True)
    (folder / "mine.po").write_text('msgid "Board summary"\nmsgstr "董事會摘要"\n', encoding="utf-8")
    _ = words("zh-Hant-HK", tmp_path)
    assert _("Board summary") == "董事會摘要" and _("Page {page} of {total}") == "第{page}頁，共{total}頁"


def test_chinese_is_set_solid_but_latin_keeps_its_spaces():
    assert tidy_chinese_spacing("香港發牌。 內地禁止， 因此 合作 via FPS 和 e-CNY 。") == "香港發牌。內地禁止，因此合作 via FPS 和 e-CNY。"
    assert tidy_chinese_spacing("| 香港 | 內地 |\n- 項目") == "| 香港 | 內地 |\n- 項目"
    assert tidy_chinese_spacing("*資料截至2026年11月29日。* 參考資料按次序編號。") == "*資料截至2026年11月29日*。參考資料按次序編號。"
    assert tidy_chinese_spacing("- **金融行动特别工作组（FATF）**在全球。") == "- **金融行动特别工作组（FATF**）在全球。"
    assert tidy_chinese_spacing("**甲**：乙。*丙*：丁") == "**甲**：乙。*丙*：丁"  # a closer and the next opener are no pair
    assert tidy_chinese_spacing("合作。[^summit] 本簡報[^a-1] and [^b] e-CNY") == "合作。[^summit]本簡報[^a-1] and [^b] e-CNY"


def test_a_chinese_first_sentence_ends_at_its_full_stop():
    assert first_sentence("香港發牌。內地禁止。", "zh-Hant-HK") == "香港發牌。"
    assert first_sentence("他說：「可以。」然後離開。", "zh-Hant-HK") == "他說：「可以。」"
    assert first_sentence("Cap. 656 applies. It is law.") == "Cap. 656 applies."


@pytest.mark.parametrize("lang", CHINESE)
def test_each_message_is_translated_in_one_file_only(lang):
    from babel.messages.pofile import read_po

    owner: dict[str, str] = {}
    twice = []
    for path in sorted((ROOT / "assets/content/locales" / lang / "strings").glob("*.po")):
        with path.open("rb") as handle:
            for message in read_po(handle):
                if message.id and message.id in owner:
                    twice.append(f"{message.id!r} in {owner[message.id]} and {path.name}")
                owner.setdefault(message.id, path.name)
    assert twice == []


def test_a_chinese_paragraph_runs_on_across_its_lines_but_blocks_stay_apart():
    assert tidy_chinese_spacing("香港發牌。[^a]\n因此合作。\n\n- 內地\n## 標題\n內文\n| 表 |") == "香港發牌。[^a]因此合作。\n\n- 內地\n## 標題\n內文\n| 表 |"


def test_a_users_template_speaks_the_briefs_language_from_its_own_catalogue(tmp_path):
    from .conftest import make_request, pdf_text, open_pdf, render_bytes

    (tmp_path / "audiences").mkdir()
    (tmp_path / "audiences" / "policymakers.md.j2").write_text(
        '{% extends "audiences/policymakers.md.j2" %}\n{% block conclusion %}\n# {{ _("Board summary") }}\n\n'
        '{{ super() }}\n{% endblock %}\n', encoding="utf-8")
    folder = tmp_path / "locales" / "zh-Hant-HK" / "strings"
    folder.mkdir(parents=True)
    (folder / "board.po").write_text('msgid "Board summary"\nmsgstr "董事會摘要"\n', encoding="utf-8")
    request = make_request(lang="zh-Hant-HK", length="standard", themes=("hk-regulated-hub",))
    assert "董事會摘要" in pdf_text(open_pdf(render_bytes(request, "pdf", tmp_path)))
    english = make_request(length="standard", themes=("hk-regulated-hub",))
    assert "Board summary" in pdf_text(open_pdf(render_bytes(english, "pdf", tmp_path)))
