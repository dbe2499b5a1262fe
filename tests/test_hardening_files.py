"""Temporary files: made only when the bytes are ready, removed on SIGTERM/SIGINT, strays from SIGKILL cleaned."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from briefgen import BriefgenError, export

from .conftest import make_request, open_docx

ROOT = Path(__file__).resolve().parents[1]


def _briefgen(code: str, *args: str, env: dict | None = None, **kwargs) -> subprocess.Popen:
    """A Python process with this briefgen importable, running `code` with `args` in sys.argv."""
    env = dict(os.environ if env is None else env)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_no_temporary_file_exists_while_the_brief_is_laid_out(tmp_path, monkeypatch):
    import briefgen.writers.pdf as pdf_writer

    seen: list[list[str]] = []
    real = pdf_writer.write

    def watching(document, stream):
        seen.append(sorted(p.name for p in tmp_path.iterdir()))
        real(document, stream)

    monkeypatch.setattr(pdf_writer, "write", watching)
    export(make_request(), tmp_path / "brief.pdf")
    assert seen == [[]]
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


SIGNAL_DURING_WRITE = """
    import os, signal, sys
    signal.signal(signal.SIGINT, signal.default_int_handler)  # as at a terminal, even if started in the background
    real = os.fsync
    def fsync(fd):  # the signal arrives while the temporary file exists and holds the bytes
        os.fsync = real
        os.kill(os.getpid(), int(sys.argv[1]))
        real(fd)
    os.fsync = fsync
    from briefgen.cli import main
    sys.exit(main(["render", "--audience", "industry", "--theme", "market-impact", "-o", sys.argv[2]]))
"""


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_signal_while_writing_removes_the_temporary_file_and_keeps_the_old_brief(tmp_path, number):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"previous brief")
    process = _briefgen(SIGNAL_DURING_WRITE, str(int(number)), str(target))
    _, err = process.communicate(timeout=60)
    if number == signal.SIGTERM:
        assert process.returncode == -signal.SIGTERM, err
    else:
        assert process.returncode == 130 and err.splitlines() == ["briefgen: interrupted; no file was changed"]
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]
    assert target.read_bytes() == b"previous brief"


HANG_DURING_WRITE = """
    import os, sys, time
    os.fsync = lambda fd: time.sleep(600)
    from briefgen import export
    from briefgen.request import BriefRequest
    export(BriefRequest(audience="industry", themes=("market-impact",)), sys.argv[1])
"""


def test_stray_from_a_killed_writer_is_cleaned_by_the_next_write(tmp_path):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"previous brief")
    process = _briefgen(HANG_DURING_WRITE, str(target))
    deadline = time.monotonic() + 60
    while not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]:
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.02)
    process.kill()
    process.communicate()
    (stray,) = [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert target.read_bytes() == b"previous brief"  # SIGKILL: the old brief is untouched

    _age(stray, 120)
    export(make_request(), tmp_path / "other.pdf")  # any write to the folder tidies up
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf", "other.pdf"]


def test_only_old_strays_of_dead_processes_are_removed(tmp_path):
    from briefgen.atomic import clean_stray_parts

    dead = _dead_pid()
    old_dead = tmp_path / f".a.pdf.briefgen-{dead}-0123abcd.part"
    young_dead = tmp_path / f".b.pdf.briefgen-{dead}-4567abcd.part"
    old_alive = tmp_path / f".c.pdf.briefgen-{os.getpid()}-89abcdef.part"
    unrelated = tmp_path / ".d.pdf.0123abcd.part"
    for path in (old_dead, young_dead, old_alive, unrelated):
        path.write_bytes(b"x")
    for path in (old_dead, old_alive, unrelated):
        _age(path, 120)
    assert clean_stray_parts(tmp_path) == [old_dead]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in (young_dead, old_alive, unrelated))


def test_disk_full_docx_write_prints_one_clean_line(tmp_path):
    """A file size limit fails writes as a full disk does (EFBIG instead of ENOSPC), without root."""
    code = """
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000))
        from briefgen.cli import main
        sys.exit(main(["render", "--audience", "industry", "--all-themes", "-o", sys.argv[1]]))
    """
    target = tmp_path / "brief.docx"
    target.write_bytes(b"previous brief")
    process = _briefgen(code, str(target))
    _, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert len(err.splitlines()) == 1, err
    assert err.startswith(f"briefgen: cannot write '{target}' (File too large); free some space")
    assert [p.name for p in tmp_path.iterdir()] == ["brief.docx"]
    assert target.read_bytes() == b"previous brief"


def test_permission_error_does_not_advise_freeing_space(tmp_path, monkeypatch):
    from briefgen.atomic import write_bytes

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(BriefgenError) as caught:
        write_bytes(tmp_path / "x.docx", b"data")
    assert "Permission denied" in str(caught.value) and "free some space" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_written_docx_is_complete(tmp_path):
    assert open_docx(export(make_request(), tmp_path / "b.docx")).paragraphs[0].text == "Bridging Two Systems"


# -- malformed brief files: one line on stderr, exit 1, nothing written -----------------------------
GOOD = 'audience = "industry"\nthemes = ["market-impact"]\n'
MALFORMED = {
    "latin-1": (GOOD.encode() + 'title = "café"\n'.encode("latin-1"), "not UTF-8 text (byte 0xe9"),
    "themes-number": (b'audience = "industry"\nthemes = 5\n', "themes must be a list of theme ids"),
    "themes-nested": (b'audience = "industry"\nthemes = [["market-impact"]]\n', "themes must be a list"),
    "audience-number": (b'audience = 5\nthemes = ["market-impact"]\n', "audience must be text"),
    "title-number": (GOOD.encode() + b"title = 5\n", "title must be text"),
    "length-list": (GOOD.encode() + b'length = ["standard"]\n', "length must be text"),
    "lang-table": (GOOD.encode() + b"lang = {a = 1}\n", "lang must be text"),
    "date-text": (GOOD.encode() + b'date = "2026-11-24"\n', "date must be a calendar date"),
    "date-year-999": (GOOD.encode() + b"date = 0999-12-31\n", "before the year 1000"),
    "deep-arrays": (b"x = " + b"[" * 50_000 + b"]" * 50_000 + b"\n", "nested too deeply"),
    "deep-tables": (b"x = " + b"{a=" * 5_000 + b"}" * 5_000 + b"\n", "nested too deeply"),
    "not-toml": (b"audience: industry\n", "not valid TOML"),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_malformed_brief_file_gets_one_line_and_no_output(tmp_path, capsys, name):
    from briefgen.cli import main

    content, words = MALFORMED[name]
    spec = tmp_path / "bad.brief.toml"
    spec.write_bytes(content)
    assert main(["render", "--spec", str(spec), "-o", str(tmp_path / "out.docx")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and str(spec) in err[0] and words in err[0], err
    assert [p.name for p in tmp_path.iterdir()] == ["bad.brief.toml"]


def test_brief_file_with_a_byte_order_mark_is_read(tmp_path):
    from briefgen.request import BriefRequest

    spec = tmp_path / "bom.brief.toml"
    spec.write_bytes("\ufeff".encode() + GOOD.encode() + 'title = "Über"\n'.encode())
    request = BriefRequest.load(spec)
    assert (request.audience, request.themes, request.title) == ("industry", ("market-impact",), "Über")


def test_fifo_as_brief_file_is_refused_without_blocking(tmp_path, capsys):
    from briefgen.cli import main

    os.mkfifo(tmp_path / "pipe.brief.toml")
    assert main(["render", "--spec", str(tmp_path / "pipe.brief.toml"), "-o", str(tmp_path / "o.pdf")]) == 1
    assert "not a regular file" in capsys.readouterr().err


def test_date_before_year_1000_is_refused_on_the_command_line(tmp_path, capsys):
    from briefgen.cli import main

    code = main(["render", "--audience", "industry", "--theme", "market-impact", "--date", "0999-01-01",
                 "-o", str(tmp_path / "b.docx")])
    assert code == 1 and "before the year 1000" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_docx_creation_date_is_a_valid_w3cdtf_date(tmp_path):
    import re
    import zipfile

    core = zipfile.ZipFile(export(make_request(date=dt.date(1000, 1, 2)), tmp_path / "b.docx")).read("docProps/core.xml")
    assert re.search(rb"<dcterms:created[^>]*>1000-01-02T00:00:00Z</dcterms:created>", core)


HOME_PROBLEMS = {
    "name-too-long": lambda tmp: "/" + "h" * 300,   # the OS refuses to look at it (ENAMETOOLONG)
    "a-file": lambda tmp: str(tmp / "brief.pdf"),   # HOME is a file: reportlab's import fails on it
}


@pytest.mark.parametrize("problem", HOME_PROBLEMS)
def test_unusable_home_gets_one_line(tmp_path, problem):
    (tmp_path / "brief.pdf").write_bytes(b"previous brief")
    code = """
        import sys
        from briefgen.cli import main
        sys.exit(main(["render", "--audience", "industry", "--theme", "market-impact", "-o", sys.argv[1]]))
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env["HOME"] = HOME_PROBLEMS[problem](tmp_path)
    out = tmp_path / "out" / "b.pdf"
    out.parent.mkdir()
    process = _briefgen(code, str(out), env=env)
    _, err = process.communicate(timeout=60)
    assert len(err.splitlines()) == 1 and "HOME" in err, err
    assert process.returncode == 1 and not out.exists()


def test_platformdirs_failure_gets_one_line(monkeypatch):
    import briefgen.resources as resources

    def broken(*args, **kwargs):
        raise KeyError("HOME")

    monkeypatch.setattr(resources, "user_data_dir", broken)
    with pytest.raises(BriefgenError, match="cannot find your user data folder"):
        resources.user_templates_dir()
