"""Layering: one module per third-party writer library, Qt only in the GUI, a docstring in every module."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "briefgen"
ONLY = {"docx": {"writers/docx.py"}, "reportlab": {"writers/pdf.py", "writers/pdf_figure.py", "writers/pdf_fonts.py",
                                                  "writers/pdf_lazy.py", "writers/pdf_linebreak.py", "writers/pdf_paragraphs.py",
                                                  "writers/pdf_scripts.py", "writers/pdf_styles.py", "writers/pdf_table_note.py",
                                                  "writers/pdf_tuning.py"},
        "PySide6": None}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_each_library_is_imported_in_one_place():
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        used = _imports(path)
        for library, allowed in ONLY.items():
            if library not in used:
                continue
            if allowed is None:
                assert relative.startswith("gui/"), f"{relative} imports {library}"
            else:
                assert relative in allowed, f"{relative} imports {library}"


def test_every_module_has_a_one_line_docstring():
    for path in PACKAGE.rglob("*.py"):
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert docstring, f"{path.relative_to(PACKAGE)} has no docstring"
        assert docstring.splitlines()[0].endswith((".", ")")), f"{path.name}: the first line should be a sentence"
