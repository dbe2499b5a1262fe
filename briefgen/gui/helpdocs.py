"""Help inside the app: a short guide, the template reference (generated from the code) and the shortcuts."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

GUIDE = """
<h2>briefgen in seven tasks</h2>
<ol>
<li><b>Make a brief.</b> Tick themes (click, or Space on the list), choose the audience, the length and the
brief's language (English, Traditional Chinese for Hong Kong or Simplified Chinese for the mainland), and fill in
the title block. The preview on the right follows every change.</li>
<li><b>Read the preview.</b> Zoom with the Zoom box, Ctrl+wheel or Ctrl++ and Ctrl+−; move between pages with
◀ ▶ or the page box. A notice above the preview says when the brief is dated long after its facts.</li>
<li><b>Export.</b> Export… (Ctrl+E) writes PDF or Word, by the file's type; “Export both” writes both. Open file
and Open folder then appear in the status bar.</li>
<li><b>Batch export</b> (File → Batch export…, Ctrl+B) writes every chosen audience in each format into a folder,
as <i>title-audience-length</i>.pdf/.docx. Each brief's title names its own audience; you are asked before any
file is replaced.</li>
<li><b>Save the brief.</b> Save (Ctrl+S) keeps your choices in a <i>.brief.toml</i> file; Save As
(Ctrl+Shift+S) asks for a new name; Open (Ctrl+O) and Open recent bring them back. The title bar shows the
brief's name, with * while there are unsaved changes. Undo and Redo (Ctrl+Z, Ctrl+Shift+Z) step through
your choices.</li>
<li><b>Customise a template.</b> “Customise template for this audience” copies it to your folder and opens it
beside the preview. Save and check (Ctrl+Return) renders sample briefs with it; a problem is marked at its line
in plain words. Reference lists what a template can use. Reset to built-in moves your version to the backups
folder.</li>
<li><b>Add an audience.</b> Templates → New audience… asks for an id, a title, a description and the audience to
start from, writes the files and selects the new audience at once.</li>
</ol>
<p>Facts: Templates → Edit your facts… opens your own facts file, which adds to or replaces the built-in facts.</p>
"""


def reference_html() -> str:
    """The template reference as HTML, from `briefgen.reference` (so it cannot drift from the code)."""
    from ..reference import template_reference  # read from the code when the reference is first shown

    reference = template_reference()

    def rows(items) -> str:
        return "".join(f"<tr><td><code>{escape(name)}</code></td><td>{escape(text)}</td></tr>" for name, text in items)

    variables = [(name, ", ".join(fields)) for name, fields in reference.variables.items()]
    return (
        "<h3>Variables</h3><table cellspacing=4>" + rows(variables) + "</table>"
        "<h3>Functions</h3><table cellspacing=4>" + rows((name, sig) for name, sig in reference.functions.items())
        + "</table><h3>Filters</h3><table cellspacing=4>" + rows(reference.filters.items()) + "</table>"
        "<h3>Macros (<code>m.NAME(…)</code>)</h3><table cellspacing=4>"
        + rows((name, "m." + sig) for name, sig in reference.macros.items()) + "</table>"
        "<h3>Blocks of base.md.j2</h3><p>" + ", ".join(f"<code>{escape(b)}</code>" for b in reference.blocks)
        + "</p><p>Override a block with <code>{% block NAME %}…{% endblock %}</code>; "
        "<code>{{ super() }}</code> keeps the original.</p>"
    )


class HelpDialog(QDialog):
    """A non-modal window of rich text (the guide or the shortcuts); `text()` is what it shows."""

    def __init__(self, parent: QWidget | None, name: str, title: str, html: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setModal(False)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(html)
        self.browser.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(620, 560)
        self.setAttribute(Qt.WA_DeleteOnClose, False)

    def text(self) -> str:
        return self.browser.toPlainText()


def shortcuts_html(actions) -> str:
    """A table of every menu action that has a shortcut."""
    rows = "".join(f"<tr><td>{escape(action.text().replace('&', ''))}</td>"
                   f"<td><b>{escape(action.shortcut().toString())}</b></td></tr>"
                   for action in actions if not action.shortcut().isEmpty())
    return ("<h3>Keyboard shortcuts</h3><table cellspacing=6>" + rows + "</table>"
            "<p>Tab moves between the choices, the preview's controls and the editor; Space or Return ticks a "
            "theme; Alt with an underlined letter opens a menu or moves to a field.</p>")
