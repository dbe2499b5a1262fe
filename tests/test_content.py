"""Built-in content: lengths hold their page and word bounds, sources are honest, audiences differ."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from functools import lru_cache

import pytest

from briefgen import tree
from briefgen.build import build_document
from briefgen.catalogue import load_catalogue
from briefgen.figures.layout import layout
from briefgen.figures.model import Label
from briefgen.style import house_style

from .conftest import make_request, open_pdf, render_bytes

CATALOGUE = load_catalogue(None)
AUDIENCES = list(CATALOGUE.audiences)
THEMES = list(CATALOGUE.themes)
SUBSETS = [(t,) for t in THEMES] + [("hk-regulated-hub", "mainland-fintech"), ("regulatory-navigation", "market-impact"),
                                      ("complementary-partnership", "shifting-attitudes"),
                                      ("hk-regulated-hub", "regulatory-navigation", "shifting-attitudes"),
                                      ("mainland-fintech", "complementary-partnership", "market-impact", "shifting-attitudes"),
                                      tuple(THEMES[:5]), tuple(THEMES)]
EVERY_SUBSET = [c for n in range(1, len(THEMES) + 1) for c in itertools.combinations(THEMES, n)]  # all 63
PAGES = {"one-page": (1, 1), "standard": (3, 4), "extended": (6, 8)}
MAINLAND_THEMES = {"mainland-fintech", "regulatory-navigation"}
OLD_NOTICE = re.compile(r"[^.]*(No\. 237|(September|24 Sep\w*) 2021 notice|2021 notice|notice of (24 )?September 2021)[^.]*\.")


WORD = re.compile(r"[\w’'-]+")


def flat_blocks(blocks):
    """Every block in order, a list's items and a box's contents standing in place of the list or box."""
    for block in blocks:
        if isinstance(block, (tree.BulletList, tree.OrderedList)):
            for item in block.items:
                yield from flat_blocks(item.blocks)
        elif isinstance(block, tree.Callout):
            yield from flat_blocks(block.blocks)
        else:
            yield block


def before_references(document: tree.Document) -> tuple[tree.Block, ...]:
    """The blocks before the reference list (its heading and note included, as the word targets count them)."""
    blocks = document.blocks
    return tuple(itertools.takewhile(lambda b: not isinstance(b, tree.References), blocks))


def block_words(block: tree.Block, figures: bool = False) -> int:
    """Words a reader reads in one flat block: headings, paragraphs, table cells, reference entries, figures if asked."""
    if isinstance(block, (tree.Heading, tree.Paragraph)):
        return len(WORD.findall(tree.plain_text(block.children)))
    if isinstance(block, tree.Table):
        return sum(len(WORD.findall(tree.plain_text(cell))) for row in (block.header, *block.rows) for cell in row)
    if isinstance(block, tree.References):
        return sum(len(WORD.findall(tree.plain_text(e.children))) for e in block.entries)
    if isinstance(block, tree.Figure) and figures:  # caption, source line and the drawing's labels
        labels = [s.text for s in layout(block.spec, house_style().frame_width).shapes if isinstance(s, Label)]
        return len(WORD.findall(" ".join([tree.plain_text(block.caption), tree.plain_text(block.source), *labels])))
    return 0


def words(document: tree.Document) -> int:
    """Words in the brief, references and figures included (the ODI convention the word bounds follow)."""
    return len(re.findall(r"\w+", document.metadata.title)) + sum(
        block_words(block, figures=True) for block in flat_blocks(document.blocks))


def running_text(document: tree.Document) -> list[str]:
    """The text of every paragraph, list item and box, in order (not headings, tables, figures or references)."""
    return [tree.plain_text(b.children) for b in flat_blocks(document.blocks) if isinstance(b, tree.Paragraph)]


def sentences(document: tree.Document) -> set[str]:
    joined = " ".join(running_text(document))
    return {s.strip() for s in re.split(r"(?<!\bNo\.)(?<!\bCap\.)(?<=[.!?])\s+", joined) if len(s.split()) > 4}


@lru_cache(maxsize=None)
def document(audience: str, length: str, themes: tuple[str, ...]) -> tree.Document:
    return build_document(make_request(audience=audience, length=length, themes=themes, title=""))  # the title users get: the finding


@pytest.mark.parametrize("length", PAGES)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_pdf_page_count_holds_for_every_theme_subset(audience, length):
    low, high = PAGES[length]
    counts = {subset: len(open_pdf(render_bytes(make_request(audience=audience, length=length, themes=subset, title=""), "pdf")).pages)
              for subset in EVERY_SUBSET}
    wrong = {" + ".join(s): n for s, n in counts.items() if not low <= n <= high}
    assert wrong == {}, f"{audience} {length}: expected {low}-{high} pages"


TARGET_WORDS = {"one-page": 550, "standard": 2200, "extended": 4400}  # body words before the references, +-10%


def body_words(document: tree.Document) -> int:
    """Words a reader reads before the references: title, headings, paragraphs, lists, boxes and table cells."""
    return len(re.findall(r"\w+", document.metadata.title)) + sum(
        block_words(block) for block in flat_blocks(before_references(document)))


@pytest.mark.parametrize("length", list(TARGET_WORDS))
@pytest.mark.parametrize("audience", AUDIENCES)
def test_body_words_are_within_ten_percent_of_the_length_with_all_themes(audience, length):
    target = TARGET_WORDS[length]
    count = body_words(document(audience, length, tuple(THEMES)))
    assert 0.9 * target <= count <= 1.1 * target, f"{audience} {length}: {count} words, target {target} +-10%"


@pytest.mark.skipif(not shutil.which("libreoffice"), reason="LibreOffice is not installed")
def test_one_page_docx_is_one_page_in_libreoffice(tmp_path):
    paths = []
    for audience, subset in itertools.product(AUDIENCES, [SUBSETS[0], SUBSETS[6], SUBSETS[-1]]):
        path = tmp_path / f"{audience}-{len(subset)}-{subset[0]}.docx"
        path.write_bytes(render_bytes(make_request(audience=audience, length="one-page", themes=subset, title=""), "docx"))
        paths.append(path)
    subprocess.run(["libreoffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path / "pdf"), *map(str, paths)], check=True, capture_output=True,
                   timeout=600)
    pages = {p.stem: len(open_pdf(tmp_path / "pdf" / f"{p.stem}.pdf").pages) for p in paths}
    assert {k: v for k, v in pages.items() if v != 1} == {}


@pytest.mark.parametrize("length", PAGES)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_references_hold_every_cited_source_and_only_those(audience, length):
    for subset in SUBSETS:
        doc = document(audience, length, subset)
        cited: set[int] = set()

        def walk(node):
            if isinstance(node, tuple):
                for child in node:
                    walk(child)
            elif isinstance(node, tree.Citation):
                cited.update(node.numbers)
            elif hasattr(node, "__dataclass_fields__") and not isinstance(node, tree.References):
                for value in vars(node).values():
                    walk(value)

        walk(doc.blocks)
        (references,) = [b for b in doc.blocks if isinstance(b, tree.References)]
        listed = [e.number for e in references.entries]
        assert listed == sorted(cited) == list(range(1, len(cited) + 1))
        urls = [c.url for e in references.entries for c in e.children if isinstance(c, tree.Link)]
        assert len(urls) == len(listed) and all(u.startswith("http") for u in urls)


def brief_text(doc: tree.Document) -> str:
    parts = []

    def walk(node):
        if isinstance(node, tuple):
            for child in node:
                walk(child)
        elif isinstance(node, str):
            parts.append(node)
        elif hasattr(node, "__dataclass_fields__"):
            for value in vars(node).values():
                walk(value)

    walk(doc.blocks)
    return re.sub(r"\s+", " ", " ".join(parts))


@pytest.mark.parametrize("audience", AUDIENCES)
def test_no_brief_states_the_2021_notice_as_the_rule_in_force(audience):
    for length, subset in itertools.product(PAGES, EVERY_SUBSET):
        text = brief_text(document(audience, length, subset))
        for match in OLD_NOTICE.finditer(text):
            assert re.search(r"repeal|replac|supersed|until|history", match.group(0), re.I), (length, subset, match.group(0))
        if MAINLAND_THEMES & set(subset) or OLD_NOTICE.search(text):
            assert "Yinfa [2026] No. 42" in text, (length, subset)


def test_every_source_supports_a_fact():
    used = {s for f in CATALOGUE.register.facts.values() for s in f["sources"]}
    assert used == set(CATALOGUE.sources)


@pytest.mark.parametrize(("first", "second"), list(itertools.combinations(AUDIENCES, 2)))
def test_audiences_differ_in_substance(first, second):
    a = sentences(document(first, "standard", tuple(THEMES)))
    b = sentences(document(second, "standard", tuple(THEMES)))
    shared = len(a & b) / min(len(a), len(b))
    assert shared <= 0.45, f"{first} and {second} share {shared:.0%} of their sentences"


def test_comparison_table_appears_only_with_both_jurisdictions():
    def has_table(themes):
        return any(isinstance(b, tree.Table) and tree.plain_text(b.header[1]) == "Hong Kong"
                   for b in document("investors", "standard", themes).blocks)

    assert has_table(("hk-regulated-hub", "mainland-fintech"))
    assert not has_table(("hk-regulated-hub",)) and not has_table(("mainland-fintech", "market-impact"))


@pytest.mark.parametrize("audience", AUDIENCES)
def test_extended_has_contents_timeline_and_glossary(audience):
    doc = document(audience, "extended", ("market-impact",))
    titles = [tree.plain_text(h.children) for h in tree.headings(doc)]
    assert any("glossary" in t.lower() for t in titles)
    if audience == "technologists":  # its conclusion headings and dated workflows take the room of contents and timeline
        assert any(t.startswith("Live, pilot and proposed") for t in titles)
        return
    assert isinstance(doc.blocks[1], tree.Contents) or any(isinstance(b, tree.Contents) for b in doc.blocks[:3])
    if audience == "investors":  # its timeline of dated catalysts opens the brief, under the contents, not in an annex
        assert [b.id for b in doc.blocks[:4] if isinstance(b, tree.Figure)] == ["investors-catalysts"]
        return
    assert any("milestones" in t.lower() for t in titles)


@pytest.mark.parametrize("length", PAGES)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_brief_speaks_only_of_chosen_themes(audience, length):
    for theme in THEMES:
        doc = document(audience, length, (theme,))
        titles = {tree.plain_text(h.children) for h in tree.headings(doc)}
        others = {CATALOGUE.themes[t].title for t in THEMES if t != theme}
        assert not titles & others
        text = " ".join(tree.plain_text(b.children) for b in doc.blocks if isinstance(b, tree.Paragraph))
        assert not re.search(r"\b(see (above|below)|as discussed (above|below)|in the annex|section \d)", text, re.I)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_depth_per_theme_grows_as_themes_are_removed(audience):
    """A standard brief on fewer themes is deeper, not shorter: words per theme rise, and the brief keeps its length."""
    words = {n: [body_words(document(audience, "standard", subset)) for subset in itertools.combinations(THEMES, n)]
             for n in (1, 2, len(THEMES))}
    per_theme = {n: sum(counts) / len(counts) / n for n, counts in words.items()}
    assert per_theme[1] > per_theme[2] > per_theme[len(THEMES)], per_theme
    whole = words[len(THEMES)][0]
    assert min(words[2]) >= 0.75 * whole and min(words[1]) >= 0.7 * whole, (min(words[1]), min(words[2]), whole)
