"""The template editor round trip: customise, break, see the error at its line, fix, see the preview."""

from __future__ import annotations

import html
import re

from briefgen.resources import builtin_templates_dir, user_templates_dir


def test_customise_break_fix_round_trip(window, qtbot, shown):
    window.audienceCombo.setCurrentIndex(window.audienceCombo.findData("investors"))
    window.customise_template()
    copy = user_templates_dir() / "audiences" / "investors.md.j2"
    builtin = builtin_templates_dir() / "audiences" / "investors.md.j2"
    assert copy.read_text() == builtin.read_text() == window.editor.source()
    assert window.editor.text.isVisible() and window.preview.isVisible()

    lines = window.editor.source().splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("# "))  # the template's first heading
    lines[index] = "# {{ audience.no_such_field }}"
    window.editor.text.setPlainText("\n".join(lines) + "\n")
    with qtbot.waitSignal(window.previewFailed, timeout=15000), \
            qtbot.waitSignal(window.templateChecked, timeout=15000) as checked:
        window.save_template()
    assert checked.args[0] is False
    assert window.editor.error_line() == index + 1
    assert "no_such_field" in window.editor.status.text()

    lines[index] = "# Investor note"
    window.editor.text.setPlainText("\n".join(lines) + "\n")
    with qtbot.waitSignal(window.previewUpdated, timeout=15000), \
            qtbot.waitSignal(window.templateChecked, timeout=15000) as checked:
        window.save_template()
    assert checked.args == [True, ""]
    assert window.editor.error_line() is None and "Saved" in window.editor.status.text()
    assert "Investor note" in copy.read_text()
    assert window.pdf.pageCount() >= 1 and window.previewMessage.text() == ""


def test_reset_to_builtin_and_open_folder(window, qtbot, shown):
    window.customise_template()
    copy = user_templates_dir() / "audiences" / "policymakers.md.j2"
    assert copy.exists()
    window.reset_template()
    assert not copy.exists() and ("confirm" in shown[-1][0] or shown[-2][0] == "confirm")
    window.open_templates_folder()
    assert shown[-1] == ("open", str(user_templates_dir()))


def test_highlighter_colours_jinja_and_markdown(window):
    window.customise_template()
    block = window.editor.text.document().firstBlock()
    formats = block.layout().formats()
    assert formats, "the first line, a Jinja comment, is highlighted"


def test_hostile_template_in_the_editor_is_one_line_and_harms_no_later_brief(window, qtbot, shown, monkeypatch):
    from briefgen import limits

    monkeypatch.setattr(limits, "DEFAULT_LIMITS", limits.Limits(seconds=1.0))
    window.customise_template()
    folder = user_templates_dir()
    (folder / "etc").symlink_to("/etc")
    for attack, words in (("{% include 'etc/passwd' %}", "symbolic link"),
                          ("{{ themes[0].findings.clear() }}", "read-only"),
                          ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
                           "took longer than 1 s")):
        window.editor.text.setPlainText('{% extends "base.md.j2" %}{% block summary_heading %}' + attack
                                        + "{% endblock %}\n")
        with qtbot.waitSignal(window.previewFailed, timeout=15000) as failed, \
                qtbot.waitSignal(window.templateChecked, timeout=15000) as checked:
            window.save_template()
        assert checked.args[0] is False and words in checked.args[1]
        assert words in window.editor.status.text() and words in failed.args[0]
        assert "\n" not in failed.args[0] and "root:" not in failed.args[0]
    (folder / "audiences" / "policymakers.md.j2").unlink()
    with qtbot.waitSignal(window.previewUpdated, timeout=15000):
        window.schedule_preview()
    assert window.pdf.pageCount() >= 1


def test_a_broken_facts_file_saved_in_the_editor_is_reported_by_its_file_and_line(window, qtbot):
    from briefgen.resources import user_templates_dir

    window.openFactsAction.trigger()
    window.editor.text.setPlainText('[facts.x]\nstatement = "A claim."\n')
    with qtbot.waitSignal(window.templateChecked, timeout=15000) as checked:
        window.save_template()
    assert checked.args[0] is False
    path = user_templates_dir() / "facts.toml"
    assert path.read_text(encoding="utf-8").startswith("[facts.x]")
    shown = html.unescape(re.sub(r"<[^>]+>", "", window.editor.status.text()))
    assert shown.startswith(f"{path}:1: fact 'x': has no ")


def test_save_and_check_keeps_the_window_responsive_while_a_slow_template_runs(window, qtbot, monkeypatch):
    from PySide6.QtCore import QTimer

    from briefgen import limits

    monkeypatch.setattr(limits, "DEFAULT_LIMITS", limits.Limits(seconds=2.0))
    window.customise_template()
    window.editor.text.setPlainText('{% extends "base.md.j2" %}{% block summary_heading %}'
                                    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
                                    "{% endfor %}{% endblock %}\n")
    results: list[tuple[bool, str]] = []
    window.templateChecked.connect(lambda passed, message: results.append((passed, message)))
    seen_while_checking = []
    window.save_template()
    assert "Checking" in window.editor.status.text()
    QTimer.singleShot(50, lambda: seen_while_checking.append(list(results)))
    qtbot.waitUntil(lambda: bool(seen_while_checking), timeout=1500)
    assert seen_while_checking == [[]], "a timer fired while the check was still running"
    qtbot.keyClicks(window.titleEdit, "Typed while checking")
    assert window.titleEdit.text().endswith("Typed while checking")
    qtbot.waitUntil(lambda: bool(results), timeout=15000)
    assert results[0][0] is False and "took longer than 2 s" in results[0][1]
    assert "took longer than 2 s" in window.editor.status.text()
