"""Finding 13: a Help menu with a guide that opens in the app and the template reference, generated from the code."""

from __future__ import annotations

from briefgen.reference import template_reference


def test_finding_13_help_menu_guide_and_template_reference(window, qtbot):
    texts = [action.text().replace("&", "") for action in window.helpMenu.actions() if action.text()]
    assert texts[:3] == ["Guide", "Template reference", "Keyboard shortcuts"] and "About briefgen" in texts
    window.guideAction.trigger()
    guide = window.findChild(object, "guideDialog")
    qtbot.waitUntil(guide.isVisible)
    assert not guide.isModal() and "Export" in guide.text() and "Batch export" in guide.text()
    window.referenceAction.trigger()
    panel = window.findChild(object, "referencePanel")
    qtbot.waitUntil(panel.isVisible)
    text = panel.toPlainText()
    reference = template_reference()
    for name in (*reference.blocks, *reference.macros, *reference.variables, *reference.filters):
        assert name in text, name


def test_reference_is_generated_from_the_code_and_agrees_with_the_readme():
    import re
    from pathlib import Path

    reference = template_reference()
    assert list(reference.blocks[:4]) == ["key_messages", "contents", "timeline", "summary"]  # in base.md.j2 order
    assert "obligations_table" in reference.macros and "per_theme" in reference.macros["obligations_table"]
    assert {"request", "audience", "themes", "per_theme", "as_of"} <= set(reference.variables)
    assert "title" in reference.variables["audience"] and "findings" in reference.variables["themes"]
    assert {"join_and", "long_date", "first_sentence", "md"} <= set(reference.filters)
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for name in (*reference.blocks, *reference.macros, *reference.variables, *reference.filters):
        assert re.search(rf"`[^`\n]*\b{name}\b[^`\n]*`", readme), f"README's template tables lack {name}"


def test_the_readme_names_the_widgets_the_window_has(window):
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    sentence = re.search(r"Widgets are named (.*?); each is also an attribute of the\s+window", readme, re.S)
    names = re.findall(r"`(\w+)`", sentence.group(1))
    assert {"audienceCombo", "lengthCombo", "langCombo"} <= set(names)
    for name in names:
        assert getattr(window, name).objectName() == name, name
