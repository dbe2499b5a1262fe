"""Page bands for every audience, length and theme subset of a language, in the PDF and in the DOCX as LibreOffice lays it out.

    python tools/page_bands.py OUTDIR [--lang zh-Hant-HK ...] [--docx]

Prints a line for each brief outside its band (one-page 1, standard 3-4, extended 6-8 pages), then a count per
language and format. The suite checks the one-page and standard subsets of the Chinese PDFs and every all-theme
Chinese DOCX in LibreOffice; this script checks the rest (about 2 minutes per language for the PDFs, 10 for the DOCX).
With --docx, LibreOffice draws the Windows faces the DOCX names in the Noto CJK faces (fonts-noto-cjk), as the suite does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import itertools
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pypdf  # noqa: E402

from briefgen.catalogue import load_catalogue  # noqa: E402
from briefgen.exporting import render  # noqa: E402
from briefgen.request import BriefRequest  # noqa: E402
from tests.test_chinese_briefs import FONT_ALIASES  # noqa: E402
from tests.test_content import PAGES  # noqa: E402


def briefs(lang: str):
    """(name, request) for every audience, length and theme subset in `lang`."""
    catalogue = load_catalogue(None, lang)
    themes = list(catalogue.themes)
    for audience in catalogue.audiences:
        for length in PAGES:
            for size in range(1, len(themes) + 1):
                for subset in itertools.combinations(themes, size):
                    name = f"{lang}-{audience}-{length}-{'+'.join(theme[:6] for theme in subset)}"
                    yield name, BriefRequest(audience=audience, themes=subset, length=length, lang=lang,
                                             date=dt.date(2026, 11, 29))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", action="append", default=None)
    parser.add_argument("--docx", action="store_true", help="also lay every DOCX out in LibreOffice")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "fonts.conf").write_text(FONT_ALIASES, encoding="utf-8")
    for lang in args.lang or ["zh-Hant-HK", "zh-Hans-CN"]:
        outside, docx = 0, {}
        for name, request in briefs(lang):
            low, high = PAGES[request.length]
            pages = len(pypdf.PdfReader(io.BytesIO(render(request, "pdf"))).pages)
            if not low <= pages <= high:
                outside += 1
                print("PDF", name, pages, "pages", flush=True)
            if args.docx:
                path = args.out / f"{name}.docx"
                path.write_bytes(render(request, "docx"))
                docx[path] = request.length
        print(lang, "PDF:", outside, "outside their band", flush=True)
        if not docx:
            continue
        paths = list(docx)
        for start in range(0, len(paths), 100):
            subprocess.run(["libreoffice", f"-env:UserInstallation=file://{args.out}/profile", "--headless",
                            "--convert-to", "pdf", "--outdir", str(args.out / "pdf"), *map(str, paths[start:start + 100])],
                           capture_output=True, timeout=3000,
                           env={**os.environ, "FONTCONFIG_FILE": str(args.out / "fonts.conf")})
        outside = 0
        for path, length in docx.items():
            laid_out = args.out / "pdf" / f"{path.stem}.pdf"
            pages = len(pypdf.PdfReader(laid_out).pages) if laid_out.exists() else 0
            low, high = PAGES[length]
            if not low <= pages <= high:
                outside += 1
                print("DOCX", path.stem, pages, "pages", flush=True)
        print(lang, "DOCX in LibreOffice:", outside, "of", len(docx), "outside their band", flush=True)


if __name__ == "__main__":
    main()
