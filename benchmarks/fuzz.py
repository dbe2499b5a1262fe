"""Fuzz briefgen with hypothesis: hostile text fields and malformed brief, audience, facts and sources files.

Run: python benchmarks/fuzz.py [--examples N] [--pdf-every K] [--jobs J] [--family NAME ...]

Each family runs N examples (default 10,000). Text fields go through BriefRequest and are
rendered in memory, in English, Traditional Chinese and Simplified Chinese in turn: every example as DOCX (the ZIP and every XML part must parse), and every
K-th example (default 10) also as PDF (pypdf must read it), since a PDF takes several times as
long. Malformed files are loaded and, when they load, rendered. The only exception allowed is
BriefgenError (one line for the user); anything else is a failure. Prints counts per family.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from briefgen.build import build_document
from briefgen.catalogue import load_catalogue
from briefgen.errors import BriefgenError
from briefgen.request import BriefRequest
from briefgen.writers import writer_for

FAMILIES = ("title", "author", "organisation", "brief-file", "audiences-file", "facts-file", "sources-file")
TEXT_FIELDS = ("title", "author", "organisation")
LANGUAGES = ("en", "zh-Hant-HK", "zh-Hans-CN")

# -- strategies -------------------------------------------------------------------------------------
NASTY = ["", " ", "\x00", "\ufeff", "\u202e", "\r\n", "**", "_", "`", "[x](javascript:alert(1))", "<b>", "&amp;",
         "{{ 7*7 }}", "{% raw %}", "::: callout", "---", "# ", "1. ", "- ", "|a|b|", "\\", "\ud800", "\U0001f600",
         "香港", "مرحبا", "\u0301", "\t", "\x7f", "\x85", "\u2028", "<w:t>", "]]>", "%PDF", "(", ")"]
text_values = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=400),
    st.lists(st.sampled_from(NASTY), max_size=30).map("".join),
    st.tuples(st.sampled_from(NASTY + ["word "]), st.integers(1, 1000)).map(lambda pair: pair[0] * pair[1]),
)
toml_keys = st.one_of(st.sampled_from(["audience", "themes", "length", "lang", "title", "author", "organisation",
                                       "date", "audiences", "facts", "sources", "title", "based_on", "statement",
                                       "checked", "jurisdiction", "status", "confidence", "url", "publisher",
                                       "type", "supersedes", "milestone", "short", "description", "reader",
                                       "purpose", "closing", "as_of"]),
                      st.text(alphabet="abcdefghijklmnopqrstuvwxyz-_0123456789", min_size=1, max_size=12))
scalars = st.one_of(st.text(max_size=40), st.integers(), st.floats(allow_nan=False), st.booleans(),
                    st.dates(), st.sampled_from(["policymakers", "public", "hk-regulated-hub", "standard", "en",
                                                 "2026-11-24", "in-force", "high", "hong-kong", "primary",
                                                 "https://example.com/a"]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=5),
                                                         st.dictionaries(toml_keys, inner, max_size=5)), max_leaves=20)


def toml_value(value) -> str:
    """A value as TOML text (strings through repr-like escaping that TOML accepts)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if not isinstance(value, float) or value == value else "nan"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return '"' + "".join(c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04x}"
                             for c in value if not 0xD800 <= ord(c) <= 0xDFFF) + '"'
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f'"{k}" = {toml_value(v)}' for k, v in value.items()) + "}"


def toml_document(tables: dict) -> str:
    lines = []
    for key, value in tables.items():
        lines.append(f'"{key}" = {toml_value(value)}')
    return "\n".join(lines) + "\n"


def _valid_brief() -> str:
    return 'audience = "public"\nthemes = ["market-impact"]\nlength = "one-page"\ndate = 2026-11-24\n'


def _valid_table(family: str) -> str:
    return {
        "brief-file": _valid_brief(),
        "audiences-file": '[audiences.fuzzed]\ntitle = "Fuzzed"\ndescription = "d"\nreader = "r"\npurpose = "p"\n'
                          'closing = "c"\nbased_on = "public"\n',
        "facts-file": '[facts.fuzz-fact]\nstatement = "The HKMA said something."\ndate = "2026-11-01"\n'
                      'checked = "2026-11-02"\njurisdiction = "hong-kong"\nstatus = "in-force"\nconfidence = "high"\n'
                      'sources = ["sfc-vatp"]\nthemes = ["market-impact"]\n',
        "sources-file": '[sources.fuzz-source]\ntitle = "t"\npublisher = "p"\ndate = "2026-11-01"\n'
                        'url = "https://example.com/x"\ntype = "primary"\n',
    }[family]


def _wrapper(family: str) -> str:
    return {"brief-file": "", "audiences-file": "audiences", "facts-file": "facts", "sources-file": "sources"}[family]


def file_contents(family: str):
    """Bytes for a malformed file of `family`: random bytes, random TOML, wrong types, deep nesting, BOMs."""
    table = _wrapper(family)
    entry_id = {"audiences-file": "fuzzed", "facts-file": "fuzz-fact", "sources-file": "fuzz-source"}.get(family)
    random_toml = st.dictionaries(toml_keys, values, max_size=8).map(toml_document)
    if table:  # a [table.id] with random fields, and a table of random entries
        fields = st.dictionaries(toml_keys, values, max_size=10)
        random_toml = st.one_of(random_toml,
                                fields.map(lambda f: toml_document({table: {entry_id: f}})),
                                st.dictionaries(toml_keys, fields, max_size=3).map(lambda t: toml_document({table: t})))
    wrong_types = st.tuples(st.just(_valid_table(family)), toml_keys, values).map(
        lambda parts: parts[0] + ("" if not table else "") + f'"{parts[1]}" = {toml_value(parts[2])}\n')
    replaced = st.tuples(st.just(_valid_table(family)), toml_keys, values).map(_replace_field)
    deep = st.tuples(st.integers(1, 3000), st.sampled_from(["[", "{x=", "[{a=[", "[["])).map(
        lambda pair: f"{'' if not table else ''}x = {pair[1] * pair[0]}\n")
    boms = st.tuples(st.sampled_from([b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff",
                                      b"\x00\x00\xfe\xff"]), st.booleans()).map(
        lambda pair: pair[0] + (_valid_table(family).encode("utf-16-le" if pair[1] and pair[0] == b"\xff\xfe"
                                                            else "utf-8")))
    text_fields = {"brief-file": ["title", "author", "organisation"], "audiences-file": list(AUDIENCE_TEXT),
                   "facts-file": ["statement", "short", "milestone"], "sources-file": ["title", "publisher"]}[family]
    hostile_text = st.tuples(st.sampled_from(text_fields), text_values).map(
        lambda pair: _with_field(_valid_table(family), pair[0], toml_value(pair[1])))
    return st.one_of(
        st.binary(max_size=600),
        hostile_text.map(lambda text: text.encode("utf-8", "surrogatepass")),
        random_toml.map(lambda text: text.encode("utf-8", "surrogatepass")),
        wrong_types.map(lambda text: text.encode("utf-8", "surrogatepass")),
        replaced.map(lambda text: text.encode("utf-8", "surrogatepass")),
        deep.map(str.encode),
        boms,
        st.just(_valid_table(family).encode()),
    )


AUDIENCE_TEXT = ("title", "description", "reader", "purpose", "closing")


def _with_field(text: str, name: str, value: str) -> str:
    """The valid file with field `name` set to `value` (added if the file has no such field)."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line.split("=")[0].strip() == name:
            lines[index] = f"{name} = {value}"
            break
    else:
        lines.append(f"{name} = {value}")
    return "\n".join(lines) + "\n"


def _replace_field(parts) -> str:
    """The valid file with one field's value replaced by a random value of any type."""
    text, key, value = parts
    lines = text.splitlines()
    fields = [i for i, line in enumerate(lines) if "=" in line]
    index = fields[hash(key) % len(fields)]
    name = lines[index].split("=")[0].strip()
    lines[index] = f"{name} = {toml_value(value)}"
    return "\n".join(lines) + "\n"


# -- checks --------------------------------------------------------------------------------------
def check_docx(data: bytes) -> None:
    """The ZIP opens and every part a brief fills in parses as XML (reading checks each part's CRC)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name in ("word/document.xml", "docProps/core.xml", "word/_rels/document.xml.rels",
                        "word/numbering.xml", "word/settings.xml") or name.startswith("word/header"):
                ElementTree.fromstring(package.read(name))


def check_pdf(data: bytes) -> None:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 1
    reader.pages[0].extract_text()


def render_checked(request: BriefRequest, templates: Path | None, pdf: bool) -> None:
    document = build_document(request, templates)
    stream = io.BytesIO()
    writer_for("docx")(document, stream)
    check_docx(stream.getvalue())
    if pdf:
        stream = io.BytesIO()
        writer_for("pdf")(document, stream)
        check_pdf(stream.getvalue())


# -- running a family ----------------------------------------------------------------------------
def run_family(family: str, examples: int, pdf_every: int) -> dict:
    counts: Counter = Counter()
    failures: list[str] = []
    base = BriefRequest(audience="public", themes=("market-impact",), length="one-page", date=dt.date(2026, 11, 24))
    fuzz_settings = settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
                             suppress_health_check=list(HealthCheck))

    def attempt(action) -> None:
        counts["examples"] += 1
        pdf = counts["examples"] % pdf_every == 0
        try:
            action(pdf)
            counts["rendered"] += 1
            counts["pdf checked"] += pdf
        except BriefgenError as exc:
            counts["BriefgenError"] += 1
            if "\n" in str(exc):
                counts["failures"] += 1
                failures.append(f"multi-line error: {str(exc)[:300]!r}")
        except Exception:  # noqa: BLE001 - anything else is what we are looking for
            counts["failures"] += 1
            if len(failures) < 5:
                failures.append(traceback.format_exc(limit=6)[-1500:])

    if family in TEXT_FIELDS:
        @fuzz_settings
        @given(text_values)
        def fuzz(value):
            def action(pdf):
                lang = LANGUAGES[counts["examples"] % len(LANGUAGES)]  # each language in turn: its fonts and line breaking
                render_checked(base.with_changes(**{family: value, "lang": lang}), None, pdf)
            attempt(action)
    else:
        folder = Path(tempfile.mkdtemp(prefix="briefgen-fuzz-")).resolve()
        name = {"brief-file": "fuzz.brief.toml", "audiences-file": "audiences.toml", "facts-file": "facts.toml",
                "sources-file": "sources.toml"}[family]

        @fuzz_settings
        @given(file_contents(family))
        def fuzz(data):
            def action(pdf):
                path = folder / name
                path.write_bytes(data)
                stamp = 10**18 + counts["examples"]  # a new time for every example: no cached catalogue is reused
                os.utime(path, ns=(stamp, stamp))
                if family == "brief-file":
                    render_checked(BriefRequest.load(path), None, pdf)
                    return
                catalogue = load_catalogue(folder)
                audience = "fuzzed" if "fuzzed" in catalogue.audiences else "public"
                render_checked(base.with_changes(audience=audience), folder, pdf)
            attempt(action)

    start = time.perf_counter()
    try:
        fuzz()
    finally:
        if family not in TEXT_FIELDS:
            shutil.rmtree(folder, ignore_errors=True)
    return {"family": family, "counts": dict(counts), "failures": failures, "seconds": time.perf_counter() - start}


def _run_packed(arguments) -> dict:
    return run_family(*arguments)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--pdf-every", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--family", action="append", choices=FAMILIES)
    args = parser.parse_args(argv)
    families = args.family or list(FAMILIES)
    print(f"briefgen fuzz: {args.examples} examples per family, DOCX for every example, PDF for every "
          f"{args.pdf_every}th, {args.jobs} processes", flush=True)
    print(f"{'family':<16} {'examples':>9} {'rendered':>9} {'pdf':>6} {'BriefgenError':>14} {'failures':>9} {'time':>8}")
    total_failures = 0
    with multiprocessing.get_context("spawn").Pool(args.jobs) as pool:
        for result in pool.imap(_run_packed, [(family, args.examples, args.pdf_every) for family in families]):
            counts = result["counts"]
            total_failures += counts.get("failures", 0)
            print(f"{result['family']:<16} {counts.get('examples', 0):>9} {counts.get('rendered', 0):>9} "
                  f"{counts.get('pdf checked', 0):>6} {counts.get('BriefgenError', 0):>14} "
                  f"{counts.get('failures', 0):>9} {result['seconds']:>7.0f}s", flush=True)
            for failure in result["failures"]:
                print("  failure:", failure.replace("\n", "\n    "))
    print(f"total failures: {total_failures}")
    return 1 if total_failures else 0


if __name__ == "__main__":
    sys.exit(main())
