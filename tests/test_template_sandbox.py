"""Templates from strangers: confined to their folders, read-only data, limits, and recursion as one line."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from briefgen import limits
from briefgen.build import build_document
from briefgen.dump import dump
from briefgen.errors import TemplateProblem

from .conftest import make_request


def write(folder, text: str, name: str = "audiences/policymakers.md.j2"):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def in_summary(expression: str) -> str:
    return '{% extends "base.md.j2" %}{% block summary_heading %}' + expression + "{% endblock %}"


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefgen", *args], capture_output=True, text=True, timeout=60,
                          **kwargs)


def one_line_error(done: subprocess.CompletedProcess) -> str:
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "Error:" not in done.stderr.split(": ", 1)[0], done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


# -- 1. loading never leaves the template folders ---------------------------------------------------------

def test_include_through_a_linked_folder_is_refused(user_templates):
    (user_templates / "etc").symlink_to("/etc")
    path = write(user_templates, in_summary('{% include "etc/passwd" %}'))
    with pytest.raises(TemplateProblem) as caught:
        build_document(make_request())
    assert "symbolic link" in str(caught.value) and "root:" not in str(caught.value)
    assert str(user_templates / "etc") in str(caught.value)
    assert path.exists()


def test_template_linked_to_the_environment_is_refused(user_templates, monkeypatch):
    monkeypatch.setenv("BRIEFGEN_SECRET", "s3cret")
    (user_templates / "audiences").mkdir()
    (user_templates / "audiences" / "policymakers.md.j2").symlink_to("/proc/self/environ")
    with pytest.raises(TemplateProblem, match="symbolic link") as caught:
        build_document(make_request())
    assert "s3cret" not in str(caught.value)


def test_a_link_to_a_template_inside_the_folder_is_refused_too(user_templates):
    real = write(user_templates, in_summary("Linked"), "real.md.j2")
    (user_templates / "audiences").mkdir()
    (user_templates / "audiences" / "policymakers.md.j2").symlink_to(real)
    with pytest.raises(TemplateProblem, match="symbolic link"):
        build_document(make_request())


def test_a_fifo_or_folder_named_like_a_template_fails_at_once(user_templates):
    (user_templates / "audiences").mkdir()
    os.mkfifo(user_templates / "audiences" / "policymakers.md.j2")
    (user_templates / "audiences" / "investors.md.j2").mkdir()
    started = time.monotonic()
    with pytest.raises(TemplateProblem, match="named pipe"):
        build_document(make_request())
    with pytest.raises(TemplateProblem, match="is a folder"):
        build_document(make_request(audience="investors"))
    assert time.monotonic() - started < 5


def test_render_with_a_linked_folder_is_one_line(tmp_path):
    folder = tmp_path / "pack"
    write(folder, in_summary('{% include "etc/passwd" %}'))
    (folder / "etc").symlink_to("/etc")
    done = run("render", "--audience", "policymakers", "--theme", "market-impact", "--templates", str(folder),
               "-o", str(tmp_path / "b.pdf"))
    assert "symbolic link" in one_line_error(done)
    assert not (tmp_path / "b.pdf").exists()


def test_templates_check_reports_each_special_entry_on_one_line(tmp_path):
    folder = tmp_path / "pack"
    (folder / "audiences").mkdir(parents=True)
    (folder / "audiences" / "investors.md.j2").mkdir()
    (folder / "audiences" / "public.md.j2").symlink_to(folder / "nowhere.md.j2")
    os.mkfifo(folder / "audiences" / "industry.md.j2")
    expected = {"investors.md.j2": "is a folder", "public.md.j2": "symbolic link", "industry.md.j2": "named pipe"}
    try:
        os.mknod(folder / "audiences" / "technologists.md.j2", 0o600 | 0o020000, os.makedev(1, 3))
        expected["technologists.md.j2"] = "is a device"
    except (PermissionError, OSError):
        pass  # creating a device needs privileges
    done = run("templates", "check", str(folder))
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(expected), lines
    for name, words in expected.items():
        assert any(line.startswith(str(folder / "audiences" / name) + ": ") and words in line for line in lines), lines


# -- 2. templates get read-only data -------------------------------------------------------------------------

@pytest.mark.parametrize("attack", [
    "{{ themes[0].glossary.clear() }}",
    "{% set _ = themes[0].findings.append(themes[0].findings[0]) %}",
    "{{ themes[0].update({'title': 'Hijacked'}) }}",
    "{{ themes[0].findings[0].update({'text': 'Hijacked'}) }}",
    "{{ themes[0].analysis.pop() }}",
    "{{ glossary.sort() }}",
])
def test_a_template_cannot_change_the_briefs_made_after_it(user_templates, tmp_path, attack):
    before = dump(build_document(make_request()))
    hostile = tmp_path / "hostile"
    path = write(hostile, in_summary(attack))
    with pytest.raises(TemplateProblem) as caught:
        build_document(make_request(), hostile)
    assert caught.value.template == str(path)
    assert "read-only" in caught.value.message and "\n" not in str(caught.value)
    assert dump(build_document(make_request())) == before


# -- 3. limits -------------------------------------------------------------------------------------------------

@pytest.fixture
def short_limits(monkeypatch):
    monkeypatch.setattr(limits, "DEFAULT_LIMITS", limits.Limits(seconds=1.0))


@pytest.mark.parametrize(("attack", "words"), [
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "took longer than 1 s"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}", "limit"),
    ("{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}", "took longer"),
    ("{{ 99 ** 99 ** 99 ** 99 }}", "digits"),
    ("{% set ns = namespace(n=99) %}{% for i in range(60) %}{% set ns.n = ns.n * ns.n %}{% endfor %}", "digits"),
    ("{{ 'A' * 10**9 }}", "5,000,000"),
    ("{{ ['A' * 1000000] * 1000 }}", "5,000,000"),
    ("{% set ns = namespace(s='xx') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}", "limit"),
    ("{% set s = 'x' * 4000000 %}{{ s | replace('x', s) }}", "limit"),
    ("{% set s = 'x' * 4000000 %}{{ range(1000) | join(s) }}", "limit"),
    ("{% set s = 'x' * 4000000 %}{{ s.replace('x', s) }}", "limit"),
    ("{% set s = 'x' * 4000000 %}{{ s.join(range(1000) | map('string')) }}", "limit"),
    ("{{ '%999999999d' % 1 }}", "limit"),
    ("{{ '{:999999999}'.format(1) }}", "limit"),
    ("{{ 'x' | center(10**9) }}", "limit"),
    ("{% set s = 'x' * 1000000 %}{% for i in range(10) %}{{ s }}{% endfor %}", "output limit"),
    ("{% set ns = namespace(l=[]) %}{% for i in range(200) %}{% set ns.l = ns.l + ['x' * 1000000 ~ i] %}{% endfor %}",
     "memory limit"),
])
def test_hostile_templates_stop_quickly_with_one_line(user_templates, short_limits, attack, words):
    path = write(user_templates, in_summary(attack))
    started = time.monotonic()
    with pytest.raises(TemplateProblem) as caught:
        build_document(make_request())
    assert time.monotonic() - started < 5
    assert caught.value.template == str(path) and words in caught.value.message, caught.value.message
    assert "\n" not in str(caught.value)


def test_a_template_asking_for_gigabytes_is_one_line_on_the_command_line(tmp_path):
    folder = tmp_path / "pack"
    write(folder, in_summary("{{ 'A' * 10**9 }}"))
    done = run("render", "--audience", "policymakers", "--theme", "market-impact", "--templates", str(folder),
               "-o", str(tmp_path / "b.pdf"))
    line = one_line_error(done)
    assert "policymakers.md.j2" in line and "MemoryError" not in line


@pytest.mark.parametrize("length", ["one-page", "standard", "extended"])
def test_a_copied_builtin_template_renders_the_same_under_the_limits(user_templates, length):
    from briefgen.resources import builtin_templates_dir

    request = make_request(length=length, themes=("hk-regulated-hub", "mainland-fintech", "market-impact"))
    fast = dump(build_document(request))
    builtin = builtin_templates_dir() / "audiences" / "policymakers.md.j2"
    write(user_templates, builtin.read_text(encoding="utf-8"))
    assert dump(build_document(request)) == fast


# -- 4. recursion, and extending the built-in file of the same name ----------------------------------------------

def test_an_override_extending_the_builtin_of_the_same_name_works(user_templates):
    plain = dump(build_document(make_request()))
    write(user_templates, '{% extends "audiences/policymakers.md.j2" %}'
                          "{% block summary_heading %}Ministerial summary{% endblock %}")
    changed = dump(build_document(make_request()))
    assert changed == plain.replace("'The decision: which lawful channels to build on, and when'",
                                    "'Ministerial summary'") != plain
    write(user_templates, '{% extends "builtin:audiences/policymakers.md.j2" %}')
    assert dump(build_document(make_request())) == plain


@pytest.mark.parametrize(("files", "words"), [
    ({"audiences/policymakers.md.j2": '{% extends "a.md.j2" %}', "a.md.j2": '{% extends "b.md.j2" %}',
      "b.md.j2": '{% extends "a.md.j2" %}'}, ["a.md.j2", "b.md.j2", "recursion never ends"]),
    ({"audiences/policymakers.md.j2": in_summary('{% include "a.md.j2" %}'), "a.md.j2": '{% include "b.md.j2" %}',
      "b.md.j2": '{% include "a.md.j2" %}'}, ["a.md.j2:1", "b.md.j2:1", "recursion never ends"]),
    ({"audiences/policymakers.md.j2": in_summary("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}")},
     ["policymakers.md.j2:1", "recursion never ends"]),
])
def test_recursion_is_one_line_naming_the_chain(user_templates, files, words):
    for name, text in files.items():
        write(user_templates, text, name)
    with pytest.raises(TemplateProblem) as caught:
        build_document(make_request())
    for word in words:
        assert word in str(caught.value), str(caught.value)
    assert "\n" not in str(caught.value)


# -- 5. smaller ones -------------------------------------------------------------------------------------------------

def test_a_list_of_undefined_values_is_an_undefined_name_error(user_templates):
    write(user_templates, in_summary("{{ themes | map(attribute='nickname') | list }}"))
    with pytest.raises(TemplateProblem, match="undefined name"):
        build_document(make_request())
