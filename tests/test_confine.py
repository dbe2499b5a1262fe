"""User templates render in a child process under an address-space cap and a wall clock; built-in ones in process."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import textwrap
import time

import pytest

from briefgen import confine, limits
from briefgen.build import build_document
from briefgen.dump import dump
from briefgen.errors import TemplateProblem

from .conftest import make_request
from .test_template_sandbox import in_summary, one_line_error, run, write

# `tojson(indent=N)` builds its whole text before the sandbox can count it, so only the OS limit stops it:
# 1,000 items indented by 2,000,000 spaces is about 2 GB.
ALLOCATES_2_GB = in_summary("{{ (range(1000) | list | tojson(indent=2000000)) | length }}")


@pytest.fixture(params=["fork", "forkserver"])
def start_method(request, monkeypatch):
    """Both ways a child is started: fork (command line, no threads) and a fork server (the app, with threads)."""
    context = multiprocessing.get_context(request.param)
    monkeypatch.setattr(confine, "process_context", lambda: context)
    return request.param


def test_a_template_allocating_past_its_accounting_is_stopped_by_the_os_limit(user_templates, start_method,
                                                                              monkeypatch):
    # reaching the cap takes about a second; a busy machine must not turn it into the 10 s time limit instead
    monkeypatch.setattr(limits, "DEFAULT_LIMITS", limits.Limits(seconds=120.0))
    before = dump(build_document(make_request(audience="public")))
    path = write(user_templates, ALLOCATES_2_GB)
    with pytest.raises(TemplateProblem) as caught:
        build_document(make_request())
    assert caught.value.template == str(path) and caught.value.line == 1
    assert "ran out of memory (a template may use 1,024 MB)" in caught.value.message
    assert "\n" not in str(caught.value)
    assert dump(build_document(make_request(audience="public"))) == before  # this process carries on


def test_the_process_that_asked_never_holds_the_memory(tmp_path):
    pack = tmp_path / "pack"
    write(pack, ALLOCATES_2_GB)
    script = textwrap.dedent(f"""
        import resource
        from pathlib import Path
        from briefgen.build import build_document
        from briefgen.errors import TemplateProblem
        from briefgen.request import BriefRequest
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
        try:
            build_document(BriefRequest(audience="policymakers", themes=("market-impact",)), Path({str(pack)!r}))
        except TemplateProblem as problem:
            print(problem.message)
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    before_mb, message, peak_mb = done.stdout.strip().splitlines()
    assert done.returncode == 0 and "ran out of memory" in message, done.stderr
    # the child hit its 1 GB cap; this process never grew towards 2 GB (its own start is measured, since what the
    # imports hold varies with the machine)
    assert int(peak_mb) - int(before_mb) < 300, (before_mb, peak_mb)


def test_a_template_asking_for_2_gb_is_one_line_on_the_command_line_and_writes_nothing(tmp_path):
    pack = tmp_path / "pack"
    path = write(pack, ALLOCATES_2_GB)
    out = tmp_path / "out"
    out.mkdir()
    done = run("render", "--audience", "policymakers", "--theme", "market-impact", "--templates", str(pack),
               "-o", str(out / "brief.pdf"))
    line = one_line_error(done)
    assert done.returncode == 1  # the command ended on its own, not by a signal
    assert line.startswith(f"briefgen: {path}:1: stopped: the template ran out of memory"), line
    assert not list(out.iterdir())


def test_a_child_stuck_past_the_wall_clock_is_ended(start_method):
    started = time.monotonic()
    with pytest.raises(TemplateProblem) as caught:
        confine.run(time.sleep, (60,), limits.Limits(seconds=0.5), "audiences/x.md.j2")
    assert str(caught.value) == ("audiences/x.md.j2: stopped: the template took longer than 0.5 s, the limit for a "
                                 "template; look for loops that never end or loops inside loops")
    assert time.monotonic() - started < 30


def test_a_child_that_dies_is_one_line_naming_the_template(start_method):
    with pytest.raises(TemplateProblem) as caught:
        confine.run(os._exit, (3,), limits.DEFAULT_LIMITS, "audiences/x.md.j2")
    assert str(caught.value).startswith("audiences/x.md.j2: stopped: the template's render ended unexpectedly")


def test_results_and_problems_come_back_from_the_child(user_templates, start_method):
    assert confine.run(len, ("abc",), limits.DEFAULT_LIMITS, "x") == 3
    write(user_templates, in_summary("{{ nothing_here }}"))
    with pytest.raises(TemplateProblem, match="undefined name: 'nothing_here' is undefined"):
        build_document(make_request())


def test_builtin_templates_render_in_this_process(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a built-in render went to a child process")

    monkeypatch.setattr(confine, "run", refuse)
    assert dump(build_document(make_request()))
