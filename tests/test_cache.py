"""The cache folder: compiled templates and parsed content are reused across processes, changes are seen, failures are soft."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen import cache

from .conftest import open_docx


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefgen", *args], capture_output=True, text=True, timeout=120,
                          env=env)


def _env(cache_home: Path) -> dict:
    return {**os.environ, "XDG_CACHE_HOME": str(cache_home)}


def test_render_fills_the_cache_and_a_changed_template_is_compiled_again(tmp_path):
    templates = tmp_path / "templates"
    (templates / "audiences").mkdir(parents=True)
    template = templates / "audiences" / "public.md.j2"
    template.write_text('{% extends "base.md.j2" %}{% block conclusion %}# First version{% endblock %}\n',
                        encoding="utf-8")
    env = _env(tmp_path / "cache")
    out = tmp_path / "brief.docx"
    args = ("render", "--audience", "public", "--theme", "market-impact", "--templates", str(templates), "-o", str(out))
    assert run(*args, env=env).returncode == 0
    compiled = list((tmp_path / "cache").glob("briefgen/*/jinja-*/*.cache"))
    assert compiled, "no compiled templates were kept"
    assert list((tmp_path / "cache").glob("briefgen/*/toml/*.marshal"))
    assert list((tmp_path / "cache").glob("briefgen/*/docx-*/*.marshal"))
    assert "First version" in "\n".join(p.text for p in open_docx(out).paragraphs)
    template.write_text('{% extends "base.md.j2" %}{% block conclusion %}# Second version{% endblock %}\n',
                        encoding="utf-8")
    done = run(*args, env=env)
    assert done.returncode == 0, done.stderr
    text = "\n".join(p.text for p in open_docx(out).paragraphs)
    assert "Second version" in text and "First version" not in text


@pytest.mark.parametrize("problem", ["a-file", "read-only"])
def test_an_unusable_cache_folder_is_no_error(tmp_path, problem):
    cache_home = tmp_path / "cache"
    if problem == "a-file":
        cache_home.write_text("not a folder")
    else:
        cache_home.mkdir()
        cache_home.chmod(0o500)
    out = tmp_path / "brief.pdf"
    done = run("render", "--audience", "public", "--theme", "market-impact", "-o", str(out), env=_env(cache_home))
    cache_home.chmod(0o700) if cache_home.is_dir() else None
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_a_corrupt_cache_entry_is_made_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache.cache_dir.cache_clear()
    try:
        source = tmp_path / "data.txt"
        source.write_text("x")
        assert cache.cached_by_file("test", source, lambda: {"value": 1}) == {"value": 1}
        for entry in (tmp_path / "briefgen").glob("*/test/*.marshal"):
            entry.write_bytes(b"\x00garbage")
        assert cache.cached_by_file("test", source, lambda: {"value": 2}) == {"value": 2}
        assert cache.cached_by_file("test", source, lambda: {"value": 3}) == {"value": 2}  # kept again
        source.write_text("changed")
        assert cache.cached_by_file("test", source, lambda: {"value": 4}) == {"value": 4}
    finally:
        cache.cache_dir.cache_clear()


def test_no_cache_variable_turns_it_off(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv(cache.DISABLE_VARIABLE, "1")
    cache.cache_dir.cache_clear()
    try:
        assert cache.cache_dir() is None and cache.template_bytecode_cache(object()) is None
    finally:
        cache.cache_dir.cache_clear()
