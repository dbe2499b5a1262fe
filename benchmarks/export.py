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
PROCESS_TARGET_S = {"docx": 0.12, "pdf": 0.15}
PDF_RATIO_TARGET = 1.5  # briefgen's in-process PDF time over plain reportlab's, same content and fonts
BATCH_TARGET_S = 1.0
MEMORY_TARGET_MB = 100.0
LONG_TITLE_CHARS = 100_000
CHINESE_RATIO_TARGET = 1.5  # a Chinese PDF's in-process time over the English one's

def median_ms(action, runs: int, warmup: int = 3) -> float:
    for _ in range(warmup):
        action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def paired_median_ms(first, second, runs: int, warmup: int = 3) -> tuple[float, float]:
    """Medians (ms) of two actions timed in alternation, so a busy moment on the machine hits both alike."""
    for _ in range(warmup):
        first()
        second()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for action, kept in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            action()
            kept.append((time.perf_counter() - start) * 1000)
    return statistics.median(times[0]), statistics.median(times[1])


def process(command: list[str], runs: int, extra_env: dict[str, str] | None = None) -> tuple[float, float]:
    """Median wall time (s) and peak resident memory (MB) of a whole process.

    Bytecode caching is left on, as it is for an installed briefgen (this sandbox sets
    PYTHONDONTWRITEBYTECODE, which would make every run recompile briefgen's modules).
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | (extra_env or {})
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


_BASELINE_FONTS: dict[str, str] = {}


def _baseline_fonts() -> dict[str, str]:
    """Register the same TrueType files briefgen embeds (Caladea, Carlito) under the baseline's own names."""
    if not _BASELINE_FONTS:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        from briefgen.style import house_style

        fonts = house_style().fonts_for("en")
        for role, faces in (("body", fonts.pdf_body), ("display", fonts.pdf_display)):
            for variant in ("regular", "bold", "italic", "bold_italic"):
                name = f"baseline-{role}-{variant}"
                pdfmetrics.registerFont(TTFont(name, getattr(faces, variant)))
                _BASELINE_FONTS[f"{role}-{variant}"] = name
            pdfmetrics.registerFontFamily(f"baseline-{role}", normal=f"baseline-{role}-regular",
                                          bold=f"baseline-{role}-bold", italic=f"baseline-{role}-italic",
                                          boldItalic=f"baseline-{role}-bold_italic")
    return _BASELINE_FONTS


def _baseline_markup(nodes) -> str:
    from xml.sax.saxutils import escape, quoteattr

    out = []
    for node in nodes:
        if isinstance(node, tree.Text):
            out.append(escape(node.text))
        elif isinstance(node, tree.Strong):
            out.append(f"<b>{_baseline_markup(node.children)}</b>")
        elif isinstance(node, tree.Emphasis):
            out.append(f"<i>{_baseline_markup(node.children)}</i>")
        elif isinstance(node, tree.Link):
            out.append(f"<a href={quoteattr(node.url)}>{_baseline_markup(node.children)}</a>")
        elif isinstance(node, tree.Citation):
            out.append(f"<super>{tree.citation_label(node.numbers)}</super>")
    return "".join(out)


def plain_reportlab(document: tree.Document) -> None:
    """The same paragraphs, lists, tables and callouts with reportlab's plain API and the same embedded fonts,
    and reportlab as it ships (without briefgen's tuning of its word runs, widths and compression)."""
    from briefgen.writers.pdf_tuning import as_shipped

    with as_shipped():
        _plain_reportlab(document)


def _plain_reportlab(document: tree.Document) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from briefgen.style import house_style

    style = house_style()
    fonts = _baseline_fonts()
    body = ParagraphStyle("body", fontName=fonts["body-regular"], fontSize=style.body_size, leading=style.body_leading,
                          spaceAfter=style.paragraph_after)
    cell = ParagraphStyle("cell", parent=body, fontSize=style.table_size, leading=style.table_leading, spaceAfter=0)
    item = ParagraphStyle("item", parent=body, leftIndent=style.list_indent, spaceAfter=style.list_item_after)
    headings = {level: ParagraphStyle(f"h{level}", parent=body, fontName=fonts["display-bold"], fontSize=spec.size,
                                      leading=spec.size * 1.25, spaceBefore=spec.before, spaceAfter=spec.after)
                for level, spec in style.headings.items()}
    width = style.frame_width

    def blocks(nodes, story):
        for block in nodes:
            if isinstance(block, tree.Heading):
                story.append(Paragraph(_baseline_markup(block.children), headings[min(block.level, 3)]))
            elif isinstance(block, tree.Paragraph):
                story.append(Paragraph(_baseline_markup(block.children), body))
            elif isinstance(block, (tree.BulletList, tree.OrderedList)):
                for number, entry in enumerate(block.items, 1):
                    for inner in entry.blocks:
                        if isinstance(inner, tree.Paragraph):
                            story.append(Paragraph(_baseline_markup(inner.children), item,
                                                   bulletText="•" if isinstance(block, tree.BulletList) else f"{number}."))
                        else:
                            blocks((inner,), story)
            elif isinstance(block, tree.Table):
                columns = max(len(row) for row in (block.header, *block.rows))
                rows = [[Paragraph(_baseline_markup(c), cell) for c in row] + [""] * (columns - len(row))
                        for row in (block.header, *block.rows)]
                table = Table(rows, colWidths=[width / columns] * columns, repeatRows=1)
                table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
                story.append(table)
            elif isinstance(block, tree.Callout):
                inner: list = [Paragraph(escape(block.title), headings[3])] if block.title else []
                blocks(block.blocks, inner)
                story.append(Table([[flowable] for flowable in inner], colWidths=[width]))
            elif isinstance(block, tree.References):
                story += [Paragraph(_baseline_markup(e.children), body, bulletText=f"{e.number}.") for e in block.entries]

    story = [Paragraph(escape(document.metadata.title), headings[1])]
    blocks(document.blocks, story)
    SimpleDocTemplate(io.BytesIO(), pagesize=(style.page_width, style.page_height), leftMargin=style.margin_left,
                      rightMargin=style.margin_right, topMargin=style.margin_top,
                      bottomMargin=style.margin_bottom).build(story)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    runs = args.runs
    work = Path(tempfile.mkdtemp(prefix="briefgen-bench-"))
    briefgen_cli = [sys.executable, "-m", "briefgen"]

    print(f"briefgen export benchmark: policymakers, all six themes, median of {runs} runs after warm-up")
    print("(process: a whole `briefgen render --spec` process with the cache folder warm, as after the first run)")
    print(f"{'format':<6} {'length':<9} {'pages':>5} {'in-process':>11} {'target':>7} {'process':>9} {'target':>7} "
          f"{'peak MB':>8}")
    standard: dict[str, float] = {}
    for fmt in ("docx", "pdf"):
        for length in LENGTHS:
            request = request_for(length)
            target = work / f"{length}.{fmt}"
            ms = median_ms(lambda: export(request, target), runs)
            spec = request.save(work / f"{length}.brief.toml")
            seconds, peak = process(briefgen_cli + ["render", "--spec", str(spec), "-o", str(target)], max(5, runs // 2))
            pages = _pages(target, fmt)
            standard_row = length == "standard"  # the targets are for the standard brief
            mark = ("ok" if ms <= TARGETS_MS[fmt] else "OVER") if standard_row else "-"
            process_mark = ("ok" if seconds <= PROCESS_TARGET_S[fmt] else "OVER") if standard_row else "-"
            print(f"{fmt:<6} {length:<9} {pages:>5} {ms:>8.1f} ms {mark:>7} {seconds:>7.3f} s {process_mark:>7} "
                  f"{peak:>8.1f}")
            if standard_row:
                standard[fmt] = ms
                standard[f"{fmt}-process"] = seconds
                standard[f"{fmt}-peak"] = peak
                standard[f"{fmt}-cold"] = cold_process(briefgen_cli + ["render", "--spec", str(spec), "-o", str(target)],
                                                       work)
    print(f"cold cache (first run after the cache folder is emptied), standard: "
          f"docx {standard['docx-cold']:.3f} s, pdf {standard['pdf-cold']:.3f} s")
    started, _ = process([sys.executable, "-c", "pass"], 9)
    bare, _ = process([sys.executable, "-S", "-c", "pass"], 9)
    print(f"python -c pass on this machine: {started:.3f} s ({bare:.3f} s with -S: site's .pth start-up hooks, an "
          "editable install's finder and a CA-certificate injector, import modules briefgen partly needs anyway)")
    batch_seconds = batch(briefgen_cli, work)  # before LibreOffice, which may go on working after it exits
    long_title(work, runs)
    figure_cost(runs, standard)
    chinese_ratio = chinese_text(runs)
    confined(work, runs)

    print()
    print("Baselines for the same standard brief")
    request = request_for("standard")
    document = build_document(request)
    markdown = render_markdown(request, load_catalogue(None), None, builtin_templates_dir())
    (work / "brief.md").write_text(markdown)
    if shutil.which("pandoc"):
        seconds, _ = process(["pandoc", str(work / "brief.md"), "-o", str(work / "pandoc.docx")], 5)
        print(f"  whole process, DOCX: briefgen {standard['docx-process']:.3f} s, pandoc Markdown -> DOCX {seconds:.3f} s "
              f"(briefgen/pandoc {standard['docx-process'] / seconds:.1f}x)")
        engine = next((name for name in ("pdflatex", "xelatex", "lualatex", "wkhtmltopdf", "weasyprint")
                       if shutil.which(name)), None)
        if engine:
            seconds, _ = process(["pandoc", str(work / "brief.md"), f"--pdf-engine={engine}", "-o",
                                  str(work / "pandoc.pdf")], 3)
            print(f"  whole process, PDF:  briefgen {standard['pdf-process']:.3f} s, pandoc Markdown -> PDF "
                  f"({engine}) {seconds:.3f} s")
        else:
            print(f"  whole process, PDF:  briefgen {standard['pdf-process']:.3f} s; pandoc has no PDF engine here "
                  "(LaTeX, wkhtmltopdf or WeasyPrint), skipped")
    else:
        print(f"  whole process: briefgen DOCX {standard['docx-process']:.3f} s, PDF {standard['pdf-process']:.3f} s; "
              "pandoc: not installed here, skipped")
    from briefgen.writers import writer_for

    ours = {fmt: (lambda fmt=fmt: writer_for(fmt)(document, io.BytesIO())) for fmt in ("docx", "pdf")}
    docx_ours, docx_base = paired_median_ms(ours["docx"], lambda: plain_docx(document), runs)
    print(f"  in process, DOCX: briefgen {docx_ours:.1f} ms, plain python-docx build + save {docx_base:.1f} ms "
          f"(briefgen/python-docx {docx_ours / docx_base:.2f}x; both write the same built tree, timed in turn)")
    pdf_ours, pdf_base = paired_median_ms(ours["pdf"], lambda: plain_reportlab(document), runs)
    pdf_ratio = pdf_ours / pdf_base
    print(f"  in process, PDF:  briefgen {pdf_ours:.1f} ms, plain reportlab (same paragraphs, tables and "
          f"embedded TrueType fonts) {pdf_base:.1f} ms (briefgen/reportlab {pdf_ratio:.2f}x, target <= "
          f"{PDF_RATIO_TARGET}x)")
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office:
        export(request, work / "lo.docx")
        profile = f"-env:UserInstallation=file://{work}/lo-profile"
        process([office, profile, "--headless", "--convert-to", "pdf", "--outdir", str(work), str(work / "lo.docx")], 1)
        seconds, _ = process([office, profile, "--headless", "--convert-to", "pdf", "--outdir", str(work),
                              str(work / "lo.docx")], 3)
        print(f"  LibreOffice DOCX -> PDF per process {seconds:.3f} s vs briefgen PDF process "
              f"{standard['pdf-process']:.3f} s")
    else:
        print("  LibreOffice: not installed, skipped")
    if importlib.util.find_spec("weasyprint"):
        from markdown_it import MarkdownIt
        import weasyprint

        html = MarkdownIt("commonmark").enable("table").render(markdown)
        seconds = median_ms(lambda: weasyprint.HTML(string=html).write_pdf(), max(3, runs // 3), 1)
        print(f"  WeasyPrint HTML -> PDF in process {seconds:.1f} ms vs briefgen {standard['pdf']:.1f} ms")
    else:
        print("  WeasyPrint: not installed, skipped")

    print()
    print("Targets:")
    print(f"  DOCX in process        {standard['docx']:6.1f} ms  (target <= 30 ms)")
    print(f"  PDF in process         {standard['pdf']:6.1f} ms  (target <= 30 ms)")
    print(f"  PDF vs reportlab        {pdf_ratio:6.2f}x    (target <= {PDF_RATIO_TARGET}x)")
    for fmt in ("docx", "pdf"):
        print(f"  whole process, {fmt:<4}    {standard[f'{fmt}-process']:6.3f} s   (target <= {PROCESS_TARGET_S[fmt]} s)")
    print(f"  batch 5 x 3 x 2         {batch_seconds:6.3f} s   (target <= {BATCH_TARGET_S} s)")
    peak = max(standard["docx-peak"], standard["pdf-peak"])
    print(f"  peak memory            {peak:6.1f} MB  (target <= {MEMORY_TARGET_MB:.0f} MB)")
    print(f"  Chinese PDF vs English  {chinese_ratio:6.2f}x    (target <= {CHINESE_RATIO_TARGET}x; the slower locale)")
    shutil.rmtree(work, ignore_errors=True)


def cold_process(command: list[str], work: Path, runs: int = 3) -> float:
    """Median time of a whole process whose cache folder starts empty (the first run after installing)."""
    times = []
    for run in range(runs):
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["XDG_CACHE_HOME"] = str(work / f"cold-cache-{run}")
        start = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def batch(briefgen_cli: list[str], work: Path, runs: int = 5) -> float:
    """A whole `briefgen batch` process: 5 audiences x 3 lengths x 2 formats, one worker per core."""
    folder = work / "batch"
    folder.mkdir()
    command = briefgen_cli + ["batch", "--all-themes", "-o", str(folder)]
    seconds, peak = process(command, runs)
    files = len(list(folder.iterdir()))
    serial, _ = process(command + ["--jobs", "1"], 3)
    print()
    print(f"Batch: {files} files (5 audiences x 3 lengths x 2 formats, all six themes), whole process, median of "
          f"{runs}: {seconds:.3f} s with {os.cpu_count()} processes, {serial:.3f} s with --jobs 1 "
          f"(speed-up {serial / seconds:.1f}x), peak {peak:.1f} MB (target <= {BATCH_TARGET_S} s)")
    return seconds


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


def figure_cost(runs: int, standard: dict[str, float] | None = None) -> None:
    """The standard brief with its figures against the same brief without them (target: at most 1.3x)."""
    from briefgen import cache
    from briefgen.figures import layout, raster
    from briefgen.writers import writer_for

    print()
    print(f"Cost of figures: standard brief, median of {runs} runs; ratios are whole exports (build + write) with"
          " the figures against the same tree without them (target <= 1.3x)."
          f" 'with': drawings kept in memory (the app, batch);"
          " 'new process': memory cleared, pictures from the cache folder (a CLI run after the first);"
          " 'cold': no caches at all (the very first run)")
    for audience in ("policymakers", "investors", "technologists", "public"):
        request = request_for("standard").with_changes(audience=audience)
        build = median_ms(lambda: build_document(request), runs)
        document = build_document(request)
        bare = tree.Document(document.metadata, tuple(b for b in document.blocks if not isinstance(b, tree.Figure)))
        count = len(document.blocks) - len(bare.blocks)
        for fmt in ("docx", "pdf"):
            write = writer_for(fmt)
            without = median_ms(lambda: write(bare, io.BytesIO()), runs)
            warm = median_ms(lambda: write(document, io.BytesIO()), runs)

            def fresh() -> None:
                layout.layout.cache_clear()
                raster.png.cache_clear()
                write(document, io.BytesIO())

            def cold() -> None:
                os.environ[cache.DISABLE_VARIABLE] = "1"
                cache.cache_dir.cache_clear()
                try:
                    fresh()
                finally:
                    del os.environ[cache.DISABLE_VARIABLE]
                    cache.cache_dir.cache_clear()

            fresh_ms = median_ms(fresh, max(3, runs // 2), warmup=1)
            cold_ms = median_ms(cold, max(3, runs // 2), warmup=1)
            ratio = lambda ms: (build + ms) / (build + without)  # noqa: E731 - the whole export, request to file
            print(f"  {audience:<13} {fmt:<4} {count} fig.  build {build:5.1f} ms + write: without {without:5.1f} ms, "
                  f"with {warm:5.1f} ms (export {ratio(warm):.2f}x), new process {fresh_ms:5.1f} ms "
                  f"({ratio(fresh_ms):.2f}x), cold {cold_ms:5.1f} ms ({ratio(cold_ms):.2f}x)")
            if standard and f"{fmt}-process" in standard and audience == "policymakers":
                whole = standard[f"{fmt}-process"] * 1000  # measured above, with the figures, cache folder warm
                base = whole - (fresh_ms - without)
                print(f"  {'':<13} {fmt:<4} whole `briefgen render` process: {whole:.0f} ms with figures, about "
                      f"{base:.0f} ms without ({whole / base:.2f}x); the very first run "
                      f"{(base + cold_ms - without) / base:.2f}x")


def chinese_text(runs: int) -> float:
    """The standard brief in each Chinese locale against the same brief in English: export in process, timed in turn."""
    from dataclasses import replace

    english = replace(request_for("standard"), title="")
    from briefgen.exporting import render

    streams: dict[str, io.BytesIO] = {}

    def make(request):
        streams[request.lang] = io.BytesIO(render(request, "pdf"))

    print()
    print(f"Chinese briefs: the standard policymakers brief (all themes) exported to PDF in process, median of {runs}")
    worst = 0.0
    for lang in ("zh-Hant-HK", "zh-Hans-CN"):
        chinese = replace(english, lang=lang)
        english_ms, chinese_ms = paired_median_ms(lambda: make(english), lambda: make(chinese), runs)
        worst = max(worst, chinese_ms / english_ms)
        print(f"  {lang:<10} {chinese_ms:6.1f} ms ({_pages_of(streams[lang])} pages) against English {english_ms:6.1f} ms "
              f"({_pages_of(streams['en'])} pages): {chinese_ms / english_ms:.2f}x (target <= {CHINESE_RATIO_TARGET}x)")
    return worst


def _pages_of(stream: io.BytesIO) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(stream.getvalue())).pages)


def confined(work: Path, runs: int) -> None:
    """The cost of rendering a user's templates in a confined child: the standard brief's tree, built-in vs a copy."""
    folder = work / "user-templates"
    (folder / "audiences").mkdir(parents=True)
    name = "audiences/policymakers.md.j2"
    (folder / name).write_text((builtin_templates_dir() / name).read_text(encoding="utf-8"), encoding="utf-8")
    request = request_for("standard")
    builtin, user = paired_median_ms(lambda: build_document(request), lambda: build_document(request, folder), runs)
    print()
    print(f"Standard brief's tree (templates, Markdown, parse), median of {runs}: built-in templates in process "
          f"{builtin:.1f} ms, the same templates as a user's folder, rendered in a confined child process "
          f"{user:.1f} ms (+{user - builtin:.1f} ms)")


def _pages(path: Path, fmt: str) -> str:
    if fmt != "pdf":
        return "-"
    from pypdf import PdfReader

    return str(len(PdfReader(str(path)).pages))


if __name__ == "__main__":
    main()
