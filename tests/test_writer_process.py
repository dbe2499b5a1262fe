"""The render command lays a PDF out in a second process: the same file, and any failure there is this process's to handle."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time

import pytest

from briefgen.writer_process import WriterProcess

from .conftest import make_request, open_pdf, pdf_text, render_bytes

def _command(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefgen", *args], capture_output=True, text=True, timeout=120,
                          env=env)


def _in_a_fresh_process(script: str, tmp_path) -> list[str]:
    """Run `script` in a new interpreter (the suite's own process has the app's modules loaded, where no
    writer process is started) and return its printed lines; skip where this machine starts none."""
    preamble = textwrap.dedent("""
        import datetime, os, signal, sys, time
        from briefgen import exporting
        from briefgen.build import build_document
        from briefgen.exporting import render
        from briefgen.request import BriefRequest
        from briefgen.writer_process import WriterProcess
        request = BriefRequest(audience="policymakers", themes=("hk-regulated-hub", "mainland-fintech"),
                               date=datetime.date(2026, 11, 24))
        writer = WriterProcess.start("pdf")
        if writer is None:
            print("no writer process"); sys.exit(0)
    """)
    done = subprocess.run([sys.executable, "-c", preamble + textwrap.dedent(script)], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    if lines == ["no writer process"]:
        pytest.skip("this machine lays out in one process (one core, or no fork)")
    return lines


@pytest.mark.parametrize("lang", ["en", "zh-Hant-HK"])
def test_the_command_writes_the_same_pdf_as_writing_in_one_process(tmp_path, lang):
    request = make_request(lang=lang)
    spec = request.save(tmp_path / "brief.brief.toml")
    done = _command("render", "--spec", str(spec), "-o", str(tmp_path / "brief.pdf"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "brief.pdf").read_bytes() == render_bytes(request, "pdf")


def test_a_writer_process_lays_out_the_tree_it_is_sent(tmp_path):
    lines = _in_a_fresh_process("""
        writer.language("en")
        data = writer.write(build_document(request))
        pid = writer.pid
        writer.close()
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            print(data == render(request, "pdf"), "collected")
    """, tmp_path)
    assert lines == ["True collected"]  # the same file, and the child collected when closed


def test_a_killed_writer_process_leaves_the_writing_to_this_one(tmp_path):
    lines = _in_a_fresh_process("""
        os.kill(writer.pid, signal.SIGKILL)
        path = exporting.export(request, "brief.pdf", writer=writer)
        print(path.read_bytes() == render(request, "pdf"), writer.pid)
    """, tmp_path)
    assert lines == ["True 0"]
    assert "Page 2 of" in pdf_text(open_pdf(tmp_path / "brief.pdf"))


def test_a_writer_error_is_reported_by_this_process_as_the_usual_one_line(tmp_path):
    folder = tmp_path / "templates" / "audiences"
    folder.mkdir(parents=True)
    columns = " | ".join(f"c{n}" for n in range(60))
    (folder / "policymakers.md.j2").write_text(
        "# Wide\n\n| " + columns + " |\n|" + "---|" * 60 + "\n| " + " | ".join("x" * 60) + " |\n")
    done = _command("render", "--audience", "policymakers", "--theme", "hk-regulated-hub", "--templates",
                    str(tmp_path / "templates"), "-o", str(tmp_path / "wide.pdf"))
    assert done.returncode != 0
    assert len(done.stderr.strip().splitlines()) == 1 and "table" in done.stderr and "Traceback" not in done.stderr
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*part"))


def test_closing_a_writer_that_was_never_sent_a_tree_ends_it_at_once(tmp_path):
    lines = _in_a_fresh_process("""
        pid, started = writer.pid, time.monotonic()
        writer.close()
        print(time.monotonic() - started < 5)
        try:
            os.waitpid(pid, os.WNOHANG)
            print("still a child")
        except ChildProcessError:
            print("collected")
        writer.close()  # twice is harmless
    """, tmp_path)
    assert lines == ["True", "collected"]


def test_no_writer_process_in_a_process_with_other_threads():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert WriterProcess.start("pdf") is None
    finally:
        stop.set()
        thread.join()


def test_the_writer_process_ends_when_the_command_is_killed(tmp_path):
    script = textwrap.dedent("""
        import os, signal, sys
        from briefgen.writer_process import WriterProcess
        writer = WriterProcess.start("pdf")
        print(writer.pid if writer else 0, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    child = int(done.stdout.split()[0])
    if not child:
        pytest.skip("this machine lays out in one process (one core, or no fork)")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{child}/stat") as status:
                state = status.read().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return
        if state == "Z":  # ended, waiting for its new parent to collect it
            return
        time.sleep(0.05)
    pytest.fail(f"writer process {child} still running after its parent was killed")
