"""reportlab's URI pattern is compiled only when a URI is split, and then matches as reportlab's own would."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap

from briefgen.writers import pdf_lazy
from ..conftest import open_docx


def test_a_standard_pdf_is_written_without_compiling_the_uri_pattern(tmp_path):
    script = textwrap.dedent(f"""
        import reportlab.platypus.paragraph as paragraph
        from briefgen import export
        from briefgen.request import BriefRequest
        export(BriefRequest(audience="policymakers", themes=("hk-regulated-hub", "mainland-fintech")),
               {str(tmp_path / "brief.pdf")!r})
        print(type(paragraph.uri_pat).__name__, paragraph.uri_pat.compiled)
    """)
    done = subprocess.run([sys.executable, "-c", "import briefgen.writers.pdf\n" + script], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["LazyPattern", "None"]
    assert (tmp_path / "brief.pdf").read_bytes().startswith(b"%PDF-")


def test_the_lazy_pattern_splits_uris_as_reportlabs_compiled_one_does():
    import briefgen.writers.pdf  # noqa: F401 - imports reportlab's paragraph module through pdf_lazy
    import reportlab.platypus.paragraph as paragraph

    lazy = paragraph.uri_pat
    assert isinstance(lazy, pdf_lazy.LazyPattern)
    real = re.compile(lazy.pattern, lazy.flags)
    for uri in ("https://www.hkma.gov.hk/eng/news-and-media/press-releases/2026/05/20260529-3/",
                "HTTP://Example.ORG:8080/a?b=c#d", "ftp://user:pw@192.168.0.1/file", "mailto:someone",
                "www.gov.hk/en/residents/", "https://例子.测试/路径", "not a uri at all"):
        ours, theirs = lazy.match(uri), real.match(uri)
        assert (ours and ours.groups()) == (theirs and theirs.groups()), uri
    assert paragraph._uri_split_pairs("https://a.example/b/c/")[0] == ("https://a.example/b/", "c/")


def test_a_standard_pdf_is_written_without_running_pillow_which_loads_when_a_picture_needs_it(tmp_path):
    script = textwrap.dedent(f"""
        import sys
        import briefgen.writers.pdf
        from briefgen import export
        from briefgen.request import BriefRequest
        request = BriefRequest(audience="policymakers", themes=("hk-regulated-hub", "mainland-fintech"))
        export(request, {str(tmp_path / "brief.pdf")!r})
        print("PIL.ExifTags" in sys.modules, type(sys.modules["PIL.Image"]).__name__)
        from PIL import Image
        print(Image.new("RGB", (3, 2)).size, type(sys.modules["PIL.Image"]).__name__)
        export(request, {str(tmp_path / "brief.docx")!r})  # the DOCX's figures are pictures drawn with Pillow
    """)
    env = dict(os.environ, BRIEFGEN_NO_CACHE="1")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["False _LazyModule", "(3, 2) module"]
    assert open_docx(tmp_path / "brief.docx").inline_shapes  # the figures' pictures, drawn after the lazy load


def test_pillow_is_imported_as_usual_in_a_process_with_other_threads():
    script = textwrap.dedent("""
        import sys, threading
        stop = threading.Event()
        threading.Thread(target=stop.wait).start()
        import briefgen.writers.pdf
        print(type(sys.modules["PIL.Image"]).__name__, "PIL.ExifTags" in sys.modules)
        stop.set()
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["module", "True"]
