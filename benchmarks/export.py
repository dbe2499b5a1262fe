"""Benchmark briefgen's export against plain python-docx, plain reportlab, pandoc, LibreOffice and WeasyPrint.

Run: python benchmarks/export.py [--runs N]. Prints medians (ms), ratios and peak memory (MB).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from briefgen import BriefRequest, export
from briefgen.build import build_document
from briefgen.catalogue import load_catalogue
from briefgen.request import LENGTHS
from briefgen.resources import builtin_templates_dir
from briefgen.templating import render_markdown
from briefgen import tree

TARGETS_MS = {"docx": 30.0, "pdf": 30.0}
PROCESS_TARGET_S = 0.3
MEMORY_TARGET_MB = 100.0
LONG_TITLE_CHARS = 100_000


def median_ms(action, runs: int, warmup: int = 3) -> float:
    for _ in range(warmup):
        action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def process(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall time (s) and peak resident memory (MB) of a whole process.

    Bytecode caching is left on, as it is for an installed briefgen (this sandbox sets
    PYTHONDONTWRITEBYTECODE, which would make every run recompile briefgen's modules).
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm the caches
    times, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        times.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)
        if status != 0:
            raise SystemExit(f"command failed: {' '.join(command)}")
    return statistics.median(times), max(peaks)


def request_for(length: str) -> BriefRequest:
    return BriefRequest(audience="policymakers", themes=tuple(load_catalogue(None).themes), length=length,
                        title="Bridging Two Systems", author="Benchmark", organisation="briefgen",
                        date=dt.date(2026, 11, 24))


# -- baselines: the same text, built with each library's plain API ---------------------------------
def _flat_blocks(blocks):
    for block in blocks:
        if isinstance(block, tree.Heading):
            yield "heading", block.level, tree.plain_text(block.children)
        elif isinstance(block, tree.Paragraph):
            yield "para", 0, tree.plain_text(block.children)
        elif isinstance(block, (tree.BulletList, tree.OrderedList)):
            for item in block.items:
                for inner in _flat_blocks(item.blocks):
                    yield ("item",) + inner[1:]
        elif isinstance(block, tree.Callout):
            yield from _flat_blocks(block.blocks)
        elif isinstance(block, tree.Table):
            for row in (block.header, *block.rows):
                yield "para", 0, " | ".join(tree.plain_text(c) for c in row)
        elif isinstance(block, tree.References):
            for entry in block.entries:
                yield "para", 0, f"{entry.number}. {tree.plain_text(entry.children)}"


def plain_docx(document: tree.Document) -> None:
    import docx

    out = docx.Document()
    out.add_heading(document.metadata.title, 0)
    for kind, level, text in _flat_blocks(document.blocks):
        if kind == "heading":
            out.add_heading(text, level)
        else:
            out.add_paragraph(text, style="List Bullet" if kind == "item" else None)
    out.save(io.BytesIO())


def plain_reportlab(document: tree.Document) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    story = [Paragraph(escape(document.metadata.title), styles["Title"])]
    for kind, level, text in _flat_blocks(document.blocks):
        style = styles[f"Heading{level}"] if kind == "heading" else styles["Bullet" if kind == "item" else "BodyText"]
        story.append(Paragraph(escape(text), style))
    SimpleDocTemplate(io.BytesIO(), pagesize=A4).build(story)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    runs = args.runs
    work = Path(tempfile.mkdtemp(prefix="briefgen-bench-"))
    briefgen_cli = [sys.executable, "-m", "briefgen"]

    print(f"briefgen export benchmark: policymakers, all six themes, median of {runs} runs after warm-up")
    print(f"{'format':<6} {'length':<9} {'pages':>5} {'in-process':>11} {'target':>7} {'process':>9} {'peak MB':>8}")
    standard: dict[str, float] = {}
    for fmt in ("docx", "pdf"):
        for length in LENGTHS:
            request = request_for(length)
            target = work / f"{length}.{fmt}"
            ms = median_ms(lambda: export(request, target), runs)
            spec = request.save(work / f"{length}.brief.toml")
            seconds, peak = process(briefgen_cli + ["render", "--spec", str(spec), "-o", str(target)], max(3, runs // 3))
            pages = _pages(target, fmt)
            mark = ("ok" if ms <= TARGETS_MS[fmt] else "OVER") if length == "standard" else "-"  # targets: standard
            print(f"{fmt:<6} {length:<9} {pages:>5} {ms:>8.1f} ms {mark:>7} {seconds:>7.3f} s {peak:>8.1f}")
            if length == "standard":
                standard[fmt] = ms
                standard[f"{fmt}-process"] = seconds
                standard[f"{fmt}-peak"] = peak

    long_title(work, runs)
    figure_cost(runs)

    print()
    print("Baselines for the same standard brief (ratio = baseline time / briefgen time; above 1 means briefgen is faster)")
    request = request_for("standard")
    document = build_document(request)
    rows = [
        ("plain python-docx build + save (in process)", median_ms(lambda: plain_docx(document), runs), standard["docx"]),
        ("plain reportlab build (in process)", median_ms(lambda: plain_reportlab(document), runs), standard["pdf"]),
    ]
    markdown = render_markdown(request, load_catalogue(None), None, builtin_templates_dir())
    (work / "brief.md").write_text(markdown)
    if shutil.which("pandoc"):
        seconds, _ = process(["pandoc", str(work / "brief.md"), "-o", str(work / "pandoc.docx")], 5)
        rows.append(("pandoc Markdown -> DOCX (per process)", seconds * 1000, standard["docx-process"] * 1000))
    else:
        print("  pandoc: not installed, skipped")
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office:
        export(request, work / "lo.docx")
        profile = f"-env:UserInstallation=file://{work}/lo-profile"
        process([office, profile, "--headless", "--convert-to", "pdf", "--outdir", str(work), str(work / "lo.docx")], 1)
        seconds, _ = process([office, profile, "--headless", "--convert-to", "pdf", "--outdir", str(work),
                              str(work / "lo.docx")], 3)
        rows.append(("LibreOffice DOCX -> PDF (per process)", seconds * 1000, standard["pdf-process"] * 1000))
    else:
        print("  LibreOffice: not installed, skipped")
    if importlib.util.find_spec("weasyprint"):
        from markdown_it import MarkdownIt
        import weasyprint

        html = MarkdownIt("commonmark").enable("table").render(markdown)
        rows.append(("WeasyPrint HTML -> PDF (in process)",
                     median_ms(lambda: weasyprint.HTML(string=html).write_pdf(), max(3, runs // 3), 1), standard["pdf"]))
    else:
        print("  WeasyPrint: not installed, skipped")
    for name, baseline, ours in rows:
        print(f"  {name:<46} {baseline:>9.1f} ms  vs briefgen {ours:>7.1f} ms  ratio {baseline / ours:>5.1f}x")

    print()
    print("Targets for the standard brief:")
    print(f"  DOCX in process  {standard['docx']:.1f} ms (target <= 30 ms)")
    print(f"  PDF in process   {standard['pdf']:.1f} ms (target <= 30 ms)")
    slowest = max(standard["docx-process"], standard["pdf-process"])
    print(f"  whole process    {slowest:.3f} s (target <= {PROCESS_TARGET_S} s)")
    peak = max(standard["docx-peak"], standard["pdf-peak"])
    print(f"  peak memory      {peak:.1f} MB (target <= {MEMORY_TARGET_MB:.0f} MB)")
    shutil.rmtree(work, ignore_errors=True)


def long_title(work: Path, runs: int) -> None:
    """One row per format: the standard brief with a 100 KB title (PDF layout time grows linearly with text)."""
    title = ("Tokens and trust across the harbour " * (LONG_TITLE_CHARS // 36 + 1))[:LONG_TITLE_CHARS]
    request = request_for("standard").with_changes(title=title)
    print()
    print(f"Standard brief with a {LONG_TITLE_CHARS // 1000} KB title, median of {max(3, runs // 5)} runs")
    for fmt in ("docx", "pdf"):
        target = work / f"long-title.{fmt}"
        ms = median_ms(lambda: export(request, target), max(3, runs // 5), warmup=1)
        print(f"  {fmt:<4} {_pages(target, fmt):>4} pages  {ms:>8.1f} ms in process")


def figure_cost(runs: int) -> None:
    """The standard brief with its figures against the same brief without them (target: at most 1.3x)."""
    from briefgen.figures import layout, raster
    from briefgen.writers import writer_for

    print()
    print(f"Cost of figures: standard brief, median of {runs} runs; 'cold' clears the drawing and PNG caches each run")
    for audience in ("policymakers", "investors", "technologists"):
        document = build_document(request_for("standard").with_changes(audience=audience))
        bare = tree.Document(document.metadata, tuple(b for b in document.blocks if not isinstance(b, tree.Figure)))
        count = len(document.blocks) - len(bare.blocks)
        for fmt in ("docx", "pdf"):
            write = writer_for(fmt)
            without = median_ms(lambda: write(bare, io.BytesIO()), runs)
            warm = median_ms(lambda: write(document, io.BytesIO()), runs)

            def cold() -> None:
                layout.layout.cache_clear()
                raster.png.cache_clear()
                write(document, io.BytesIO())

            cold_ms = median_ms(cold, max(3, runs // 2), warmup=1)
            print(f"  {audience:<13} {fmt:<4} {count} figures  without {without:6.1f} ms  with {warm:6.1f} ms "
                  f"({warm / without:.2f}x)  cold {cold_ms:6.1f} ms ({cold_ms / without:.2f}x)")


def _pages(path: Path, fmt: str) -> str:
    if fmt != "pdf":
        return "-"
    from pypdf import PdfReader

    return str(len(PdfReader(str(path)).pages))


if __name__ == "__main__":
    main()
