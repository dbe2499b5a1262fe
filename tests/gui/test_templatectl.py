"""Findings 1, 2, 7 and 9: check, reset and preview follow the open file; errors in plain words; backups."""

from __future__ import annotations

import html
import re

from briefgen.resources import builtin_templates_dir, user_templates_dir


def _plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def _select(window, audience: str) -> None:
    window.audienceCombo.setCurrentIndex(window.audienceCombo.findData(audience))


def test_finding_1_check_and_reset_follow_the_open_file_not_the_audience_list(window, qtbot, shown):
    _select(window, "industry")
    window.customise_template()
    _select(window, "policymakers")
    lines = window.editor.source().splitlines()
    at = lines.index("{% block key_messages %}") + 1  # a line that every brief renders
    lines.insert(at, "{{ compliance_owner }}")
    window.editor.text.setPlainText("\n".join(lines) + "\n")
    with qtbot.waitSignal(window.templateChecked, timeout=15000) as checked:
        window.save_template()
    assert checked.args[0] is False
    assert "compliance_owner" in checked.args[1] and window.editor.error_line() == at + 1
    copy = user_templates_dir() / "audiences" / "industry.md.j2"
    window.reset_template()
    assert ("confirm" in [call[0] for call in shown]) and not copy.exists()
    assert "industry.md.j2" in window.editor.path_label.text()


def test_finding_2_a_broken_template_never_leaves_another_audiences_brief_on_screen(window, qtbot):
    assert window.pdf.pageCount() >= 1  # the policymakers brief
    folder = user_templates_dir() / "audiences"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "industry.md.j2").write_text('{% extends "base.md.j2" %}\n{% block summary_heading %}{{ nope }}'
                                           '{% endblock %}\n')
    with qtbot.waitSignal(window.previewFailed, timeout=15000):
        _select(window, "industry")
    assert window.pdf.pageCount() == 0, "the policymakers brief must not stand in for Industry's"
    assert "industry.md.j2:2" in _plain(window.previewMessage.text())


def test_finding_7_template_errors_in_plain_words_at_the_right_line_with_did_you_mean(window, qtbot):
    window.customise_template()
    head = '{% extends "base.md.j2" %}\n{% block summary_heading %}\n'
    for body, line, words in (("{{ m.findng(themes[0]) }}\n", 3, "did you mean 'finding'"),
                              ("{{ audience.titel }}\n", 3, "did you mean 'title'"),
                              ("{{ themse }}\n", 3, "did you mean 'themes'"),
                              ("{% if one_page \nText\n{% endif %}\n", 3, "'%}'")):
        window.editor.text.setPlainText(head + body + "{% endblock %}\n")
        with qtbot.waitSignal(window.templateChecked, timeout=15000) as checked:
            window.save_template()
        shown_text = _plain(window.editor.status.text())
        assert checked.args[0] is False and words in shown_text, shown_text
        assert "jinja2" not in shown_text and "TemplateModule" not in shown_text and "end of statement" not in shown_text
        assert window.editor.error_line() == line, (body, shown_text)


def test_finding_7_choices_errors_do_not_speak_the_command_line(window, qtbot, tmp_path, shown):
    with qtbot.waitSignal(window.previewFailed, timeout=15000) as failed:
        window.set_chosen_themes([])
    assert "--" not in failed.args[0] and "Tick at least one theme" in failed.args[0]
    bad = tmp_path / "bad.brief.toml"
    bad.write_text('audience = "bankers"\nthemes = ["market-impact"]\n')
    assert not window.open_brief(bad)
    assert shown[-1][0] == "error" and "--" not in shown[-1][2] and "Policymakers" in shown[-1][2]


def test_finding_9_editor_beside_preview_line_numbers_unsaved_mark_and_backup_on_reset(window, qtbot, shown):
    window.customise_template()
    editor_box, preview_box = window.editor.text, window.preview
    assert editor_box.isVisible() and preview_box.isVisible(), "editor and preview are on screen together"
    left = editor_box.mapTo(window, editor_box.rect().topLeft()).x()
    assert left < preview_box.mapTo(window, preview_box.rect().topLeft()).x()
    assert editor_box.line_number_width() > 0 and editor_box.viewportMargins().left() >= editor_box.line_number_width()
    assert window.editor.path_label.text().startswith("policymakers.md.j2")
    window.editor.text.appendPlainText("{# a note #}")
    assert "●" in window.editor.path_label.text()
    with qtbot.waitSignal(window.templateChecked, timeout=15000):
        window.save_template()
    assert "●" not in window.editor.path_label.text()
    saved = (user_templates_dir() / "audiences" / "policymakers.md.j2").read_text()
    window.reset_template()
    backups = list((user_templates_dir() / "backups").iterdir())
    assert len(backups) == 1 and backups[0].read_text() == saved and backups[0].name.startswith("policymakers.md.j2.")
    assert window.editor.source() == (builtin_templates_dir() / "audiences" / "policymakers.md.j2").read_text()
    assert any("backups" in str(call) for call in shown if call[0] == "confirm")
