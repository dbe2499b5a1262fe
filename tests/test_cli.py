"""The command line, run as a real subprocess: listings, render, brief files, errors, templates."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen import BriefRequest

from .conftest import make_request, open_docx, open_pdf

THEMES = ["hk-regulated-hub", "mainland-fintech", "complementary-partnership", "regulatory-navigation",
          "market-impact", "shifting-attitudes"]
AUDIENCES = ["policymakers", "investors", "industry", "technologists", "public"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefgen", *args], capture_output=True, text=True, timeout=120)


def test_themes_and_audiences_print_id_tab_title():
    themes = run("themes")
    assert themes.returncode == 0
    assert [line.split("\t")[0] for line in themes.stdout.splitlines()] == THEMES
    assert all(len(line.split("\t")) == 2 and line.split("\t")[1] for line in themes.stdout.splitlines())
    audiences = run("audiences")
    assert [line.split("\t")[0] for line in audiences.stdout.splitlines()] == AUDIENCES


def test_console_script_matches_python_dash_m():
    script = Path(sys.executable).with_name("briefgen")
    if not script.exists():
        pytest.skip("console script not installed next to this interpreter")
    assert subprocess.run([str(script), "themes"], capture_output=True, text=True).stdout == run("themes").stdout


def test_render_both_formats_with_every_option(tmp_path):
    for fmt in ("docx", "pdf"):
        out = tmp_path / f"brief.{fmt}"
        done = run("render", "--audience", "investors", "--theme", "market-impact", "--theme", "hk-regulated-hub",
                   "--length", "standard", "--lang", "en", "--title", "Tokens & Trust", "--author", "Li Wei",
                   "--organisation", "Pearl River Analytics", "--date", "2026-03-01", "-o", str(out))
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == str(out) and done.stderr == ""
    assert open_docx(tmp_path / "brief.docx").paragraphs[0].text == "Tokens & Trust"
    assert "1 March 2026" in open_pdf(tmp_path / "brief.pdf").pages[0].extract_text()


def test_format_option_overrides_suffix_and_all_themes(tmp_path):
    out = tmp_path / "brief.out"
    done = run("render", "--audience", "public", "--all-themes", "--format", "pdf", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_render_from_brief_file_and_default_output(tmp_path):
    spec = make_request(audience="technologists", themes=("shifting-attitudes",)).save(tmp_path / "tech.brief.toml")
    done = run("render", "--spec", str(spec))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "tech.pdf").read_bytes().startswith(b"%PDF")
    done = run("render", "--spec", str(spec), "-o", str(tmp_path / "tech.docx"))
    assert done.returncode == 0 and open_docx(tmp_path / "tech.docx").paragraphs[0].text == "Bridging Two Systems"


def test_templates_path_prints_user_folder():
    done = run("templates", "path")
    assert done.returncode == 0 and done.stdout.strip().endswith(os.path.join("briefgen", "templates"))


def test_templates_check_clean_and_broken(tmp_path):
    assert run("templates", "check").returncode == 0
    folder = tmp_path / "mine"
    (folder / "audiences").mkdir(parents=True)
    (folder / "audiences" / "investors.md.j2").write_text('{% extends "base.md.j2" %}\n{% block x %}{{ oops( }}{% endblock %}\n')
    (folder / "audiences" / "public.md.j2").write_text('{% extends "base.md.j2" %}\n{% block conclusion %}\n{{ nothing_here }}\n{% endblock %}\n')
    done = run("templates", "check", str(folder))
    assert done.returncode == 1
    expected = str(folder / "audiences" / "investors.md.j2") + ":2: syntax error: unexpected '}', expected ')'"
    assert done.stdout.splitlines() == [expected]
    (folder / "audiences" / "investors.md.j2").unlink()
    done = run("templates", "check", str(folder))
    assert done.returncode == 1
    assert done.stdout.splitlines() == [f"{folder / 'audiences' / 'public.md.j2'}:3: undefined name: 'nothing_here' is undefined"]


def _assert_one_line_failure(done: subprocess.CompletedProcess, *words: str) -> None:
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    for word in words:
        assert word in lines[0]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--audience", "aliens", "--theme", "market-impact"], ["unknown audience 'aliens'", "policymakers, investors"]),
        (["--audience", "public", "--theme", "moon"], ["unknown theme 'moon'", "hk-regulated-hub"]),
        (["--audience", "public"], ["no theme chosen"]),
        (["--audience", "public", "--theme", "market-impact", "--length", "tiny"], ["unknown length 'tiny'"]),
        (["--audience", "public", "--theme", "market-impact", "--date", "24/11/2026"], ["invalid date", "YYYY-MM-DD"]),
        (["--audience", "public", "--theme", "market-impact", "--format", "odt"], ["unknown format 'odt'"]),
        (["--audience", "public", "--theme", "market-impact", "--bogus"], ["unrecognized arguments: --bogus"]),
    ],
)
def test_bad_render_arguments(tmp_path, args, words):
    out = tmp_path / "brief.pdf"
    out.write_bytes(b"existing")
    _assert_one_line_failure(run("render", *args, "-o", str(out)), *words)
    assert out.read_bytes() == b"existing"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_missing_and_unwritable_output_folders(tmp_path):
    _assert_one_line_failure(
        run("render", "--audience", "public", "--theme", "market-impact", "-o", str(tmp_path / "nope" / "b.pdf")),
        "does not exist")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        _assert_one_line_failure(
            run("render", "--audience", "public", "--theme", "market-impact", "-o", str(locked / "b.pdf")),
            "not writable")
    finally:
        locked.chmod(stat.S_IRWXU)


def test_unwritable_folder_as_root_is_simulated(tmp_path, monkeypatch):
    """Root can write anywhere, so the access check is exercised in process as well."""
    from briefgen import BriefgenError, export

    monkeypatch.setattr(os, "access", lambda *a, **k: False)
    with pytest.raises(BriefgenError, match="is not writable"):
        export(make_request(), tmp_path / "b.pdf")
    assert list(tmp_path.iterdir()) == []


def test_broken_template_and_malformed_brief_file(tmp_path):
    folder = tmp_path / "tpl"
    (folder / "audiences").mkdir(parents=True)
    (folder / "audiences" / "public.md.j2").write_text('{% extends "base.md.j2" %}\n{% block summary_heading %}{{ nope }}{% endblock %}\n')
    out = tmp_path / "b.docx"
    _assert_one_line_failure(
        run("render", "--audience", "public", "--theme", "market-impact", "--templates", str(folder), "-o", str(out)),
        "public.md.j2:2", "undefined name")
    assert not out.exists()
    bad = tmp_path / "bad.brief.toml"
    bad.write_text('audience = "public"\nthemes = [\n')
    _assert_one_line_failure(run("render", "--spec", str(bad), "-o", str(out)), "bad.brief.toml", "not valid TOML")
    _assert_one_line_failure(run("render", "--spec", str(tmp_path / "missing.brief.toml"), "-o", str(out)), "not found")
    assert not out.exists()


def test_brief_file_loads_in_python_too(tmp_path):
    request = make_request()
    assert BriefRequest.load(request.save(tmp_path / "x.brief.toml")) == request


def test_render_does_not_import_qt(tmp_path):
    code = ("import sys, briefgen.cli as c; c.main(['render','--audience','public','--theme','market-impact','-o',"
            f"{str(tmp_path / 'b.pdf')!r}]); print(sorted(m for m in sys.modules if 'PySide6' in m or 'shiboken' in m))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_user_added_audience_is_listed_rendered_and_checked(user_templates, tmp_path):
    from .test_catalogue import CENTRAL_BANKERS, TEMPLATE

    (user_templates / "audiences.toml").write_text(CENTRAL_BANKERS)
    (user_templates / "audiences").mkdir()
    (user_templates / "audiences" / "central-bankers.md.j2").write_text(TEMPLATE)
    assert run("audiences").stdout.splitlines()[-1] == "central-bankers\tCentral bankers"
    done = run("render", "--audience", "central-bankers", "--all-themes", "-o", str(tmp_path / "cb.pdf"))
    assert done.returncode == 0, done.stderr
    assert run("templates", "check").returncode == 0
    (user_templates / "audiences" / "central-bankers.md.j2").write_text(TEMPLATE + "{{ broken\n")
    done = run("templates", "check")
    assert done.returncode == 1 and "central-bankers.md.j2:3: syntax error" in done.stdout


def test_facts_list_and_check_commands(tmp_path):
    listing = run("facts", "list", "--theme", "mainland-fintech")
    assert listing.returncode == 0 and listing.stderr == ""
    rows = [line.split("\t") for line in listing.stdout.splitlines()]
    assert rows and all(len(row) == 4 for row in rows)
    assert any(row[0] == "cn-yinfa-2026-42" and row[1] == "2026-02-06" for row in rows)
    check = run("facts", "check", str(tmp_path))
    assert (check.returncode, check.stdout, check.stderr) == (0, "", "")
    (tmp_path / "facts.toml").write_text('[facts.x]\nstatement = "A claim."\n', encoding="utf-8")
    broken = run("facts", "check", str(tmp_path))
    assert broken.returncode == 1 and all(line.startswith(f"{tmp_path / 'facts.toml'}:1: fact 'x': has no ")
                                          for line in broken.stdout.splitlines())


def test_a_brief_dated_long_after_its_facts_warns_but_is_written(tmp_path):
    late = run("render", "--audience", "investors", "--theme", "market-impact", "--date", "2027-06-01",
               "-o", str(tmp_path / "late.pdf"))
    assert late.returncode == 0 and (tmp_path / "late.pdf").stat().st_size > 0
    warning = late.stderr.strip().splitlines()
    assert len(warning) == 1 and warning[0].startswith("briefgen: warning: this brief is dated 184 days after its facts")
    current = run("render", "--audience", "investors", "--theme", "market-impact", "--date", "2026-11-29",
                  "-o", str(tmp_path / "current.pdf"))
    assert current.returncode == 0 and current.stderr == ""


def test_listings_never_print_control_characters_from_user_titles(user_templates):
    from .test_catalogue import CENTRAL_BANKERS

    hostile = CENTRAL_BANKERS.replace('title = "Central bankers"',
                                      'title = "Central\\nbankers\\u001b[2J\\u001b]0;pwned\\u0007\\u009b31m"')
    (user_templates / "audiences.toml").write_text(hostile)
    done = run("audiences")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "central-bankers\tCentral bankers[2J]0;pwned31m"
    assert not any(ord(c) < 32 and c not in "\t\n" or 0x7f <= ord(c) <= 0x9f for c in done.stdout)


def test_templates_given_a_file_says_it_is_not_a_folder(tmp_path):
    brief = tmp_path / "notes.txt"
    brief.write_text("not templates")
    done = run("render", "--audience", "public", "--theme", "market-impact", "--templates", str(brief),
               "-o", str(tmp_path / "b.pdf"))
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1
    assert "is not a folder" in done.stderr and "does not exist" not in done.stderr


@pytest.mark.parametrize("args", [["themes"], ["audiences"], ["facts", "list"], ["templates", "path"]])
def test_output_that_cannot_be_written_is_one_line(args):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "briefgen", *args], stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.splitlines() == ["briefgen: cannot write to standard output (No space left on device); "
                                        "redirect it to a file or device with space"], done.stderr


def test_the_command_flushes_output_and_runs_exit_handlers_before_it_ends(tmp_path):
    """The command skips the interpreter's teardown; a piped listing and exit handlers must still come out whole."""
    code = ("import atexit, sys; from briefgen import cli; atexit.register(lambda: print('handler ran')); "
            "sys.argv = ['briefgen', *sys.argv[1:]]; cli.command()")
    listed = subprocess.run([sys.executable, "-c", code, "facts", "list"], capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == run("facts", "list").stdout + "handler ran\n"
    assert len(listed.stdout) > 8192  # more than one buffer of a pipe
    failed = subprocess.run([sys.executable, "-c", code, "render", "--audience", "nobody", "--all-themes", "-o",
                             str(tmp_path / "b.pdf")], capture_output=True, text=True, timeout=60)
    assert failed.returncode == 1 and failed.stdout == "handler ran\n"
    assert failed.stderr.startswith("briefgen: unknown audience 'nobody'") and not (tmp_path / "b.pdf").exists()


def test_the_desktop_app_started_by_the_command_runs_with_the_cycle_collector_on():
    """The command turns the collector off for its short work; the app, which runs for hours, must have it back."""
    code = ("import gc, sys, types; app = types.ModuleType('briefgen.gui.app'); "
            "app.main = lambda: print('collector on' if gc.isenabled() else 'collector off') or 0; "
            "import briefgen.gui; sys.modules['briefgen.gui.app'] = app; "
            "sys.argv = ['briefgen', 'gui']; from briefgen import cli; cli.command()")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "collector on\n"
