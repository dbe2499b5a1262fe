"""Shared fixtures: an isolated user data folder and helpers that open DOCX and PDF outputs."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

import docx
import pypdf
import pytest

from briefgen import BriefRequest
from briefgen.exporting import render

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Point platformdirs (XDG on Linux) at an empty folder, so the user's own templates never leak in."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    # one cache for the whole session (compiled templates, parsed content), never the user's own
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))
    return home


@pytest.fixture
def user_templates(isolated_user_dirs) -> Path:
    """The (created) default user template folder."""
    from briefgen.resources import user_templates_dir

    folder = user_templates_dir()
    folder.mkdir(parents=True)
    return folder


def make_request(**changes) -> BriefRequest:
    values = dict(
        audience="policymakers",
        themes=("hk-regulated-hub", "mainland-fintech"),
        length="standard",
        title="Bridging Two Systems",
        author="Mei Ling Chan",
        organisation="Harbour Policy Institute",
        date=dt.date(2026, 11, 24),
    )
    values.update(changes)
    return BriefRequest(**values)


def render_bytes(request: BriefRequest, fmt: str, templates: Path | None = None) -> bytes:
    return render(request, fmt, templates)


def open_docx(data: bytes | Path):
    return docx.Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))


def open_pdf(data: bytes | Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data) if isinstance(data, bytes) else str(data))


def docx_text(document) -> str:
    """All body text, including text inside tables (callouts and data tables)."""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.extend(p.text for p in cell.paragraphs)
    return "\n".join(parts)


def pdf_text(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def outline_titles(reader: pypdf.PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles
