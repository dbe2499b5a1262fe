"""`briefgen batch` and the process pool behind it: files written, their names, mistakes as one line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from briefgen import batch

from .conftest import make_request, open_docx, open_pdf


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefgen", *args], capture_output=True, text=True, timeout=120,
                          **kwargs)


def test_batch_writes_audience_length_format_files_with_two_processes(tmp_path):
    done = run("batch", "--audience", "investors", "--audience", "public", "--length", "one-page",
               "--length", "standard", "--theme", "market-impact", "--title", "Tokens & Trust", "--jobs", "2",
               "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == sorted(f"{a}-{n}.{f}" for a in ("investors", "public") for n in ("one-page", "standard")
                           for f in ("docx", "pdf"))
    assert done.stdout.strip() == f"8 files written to {tmp_path}"
    assert done.stderr == ""  # no progress bar when stderr is not a terminal
    assert open_docx(tmp_path / "public-standard.docx").paragraphs[0].text == "Tokens & Trust"
    assert "general public" in open_pdf(tmp_path / "public-one-page.pdf").pages[0].extract_text()


def test_batch_defaults_to_every_audience_and_length(tmp_path):
    done = run("batch", "--format", "docx", "--theme", "hk-regulated-hub", "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert len(list(tmp_path.glob("*.docx"))) == 15 and not list(tmp_path.glob("*.pdf"))


@pytest.mark.parametrize("args, words", [
    (["--audience", "nobody"], "unknown audience 'nobody'"),
    (["--length", "huge"], "unknown length 'huge'"),
    (["--format", "rtf"], "unknown format 'rtf'"),
    (["--theme", "moon"], "unknown theme 'moon'"),
    (["--jobs", "0"], "--jobs must be at least 1"),
    (["--jobs", "many"], "invalid int value"),
    (["--date", "soon"], "invalid date 'soon'"),
])
def test_batch_mistakes_get_one_line_and_write_nothing(tmp_path, args, words):
    done = run("batch", *args, "-o", str(tmp_path))
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1 and words in done.stderr, done.stderr
    assert not list(tmp_path.iterdir())


def test_batch_needs_an_existing_folder(tmp_path):
    done = run("batch", "-o", str(tmp_path / "missing" / "deeper"))
    assert done.returncode == 1 and len(done.stderr.splitlines()) == 1 and "does not exist" in done.stderr


def test_template_mistake_in_a_worker_is_one_line(tmp_path):
    templates = tmp_path / "templates"
    (templates / "audiences").mkdir(parents=True)
    (templates / "audiences" / "public.md.j2").write_text("{{ nothing_here }}\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    done = run("batch", "--templates", str(templates), "--audience", "public", "--format", "pdf", "--jobs", "2",
               "-o", str(out))
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1 and "nothing_here" in done.stderr, done.stderr


def test_plan_names_and_orders_jobs_slowest_first(tmp_path):
    jobs = batch.plan(make_request(), ["public", "investors"], ["one-page", "extended"], ["docx", "pdf"], tmp_path)
    assert len(jobs) == 4 and all(len(job.outputs) == 2 for job in jobs)
    assert jobs[0].request.length == "extended"
    assert {path.name for job in jobs for _, path in job.outputs} == {
        f"{a}-{n}.{f}" for a in ("public", "investors") for n in ("one-page", "extended") for f in ("docx", "pdf")}


def test_run_in_process_reports_progress(tmp_path):
    jobs = batch.plan(make_request(themes=("market-impact",)), ["public"], ["one-page", "standard"], ["docx", "pdf"],
                      tmp_path)
    seen = []
    written = batch.run(jobs, workers=1, progress=lambda done, total: seen.append((done, total)))
    assert sorted(path.name for path in written) == ["public-one-page.docx", "public-one-page.pdf",
                                                     "public-standard.docx", "public-standard.pdf"]
    assert seen == [(2, 4), (4, 4)]


def test_a_cancelled_batch_finishes_the_briefs_it_started_and_starts_no_more(tmp_path):
    jobs = batch.plan(make_request(), ["policymakers", "investors", "industry", "technologists", "public"],
                      ["one-page", "standard"], ["docx", "pdf"], tmp_path)
    seen = []
    written = batch.run(jobs, workers=2, progress=lambda done, total: seen.append(done), cancelled=lambda: bool(seen))
    on_disk = sorted(tmp_path.iterdir())
    assert 2 <= len(written) < 20 and sorted(written) == on_disk  # every file on disk is complete and counted
    assert all(open_pdf(path).pages for path in on_disk if path.suffix == ".pdf")
    assert all(open_docx(path).paragraphs for path in on_disk if path.suffix == ".docx")


def test_plan_takes_a_name_pattern(tmp_path):
    jobs = batch.plan(make_request(), ["public"], ["standard"], ["pdf"], tmp_path, name="tokens-{audience}")
    assert [path.name for job in jobs for _, path in job.outputs] == ["tokens-public.pdf"]
