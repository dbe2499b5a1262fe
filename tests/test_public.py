"""The public brief: plain enough to read, honest about risk, its own words, its lengths."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

import pytest

from briefgen import tree
from briefgen.build import build_document

from .conftest import docx_text, make_request, open_docx, open_pdf, pdf_text, render_bytes
from .test_content import AUDIENCES, THEMES, flat_blocks, sentences, words

VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """Vowel groups, less a silent final e, at least one: the usual rough count for readability formulas."""
    word = word.lower().strip("'’-")
    if not word:
        return 0
    if word.isdigit():
        return max(1, len(word) // 2)  # "2026" is read as two or three syllables, "36" as two
    count = len(VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if word.endswith(("ed", "es")) and count > 1 and not re.search(r"(t|d)ed$|(s|x|z|ch|sh|g|c)es$", word):
        count -= 1
    return max(1, count)


def grade(text: str) -> float:
    """Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59."""
    found = [s for s in re.split(r"(?<!\bNo\.)(?<!\bCap\.)(?<=[.!?:])\s+", text) if re.search(r"\w", s)]
    tokens = re.findall(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*", text)
    count = sum(syllables(part) for token in tokens for part in re.split(r"[-'’]", token))
    return 0.39 * len(tokens) / len(found) + 11.8 * count / len(tokens) - 15.59


def body(document: tree.Document) -> tuple[list[str], tree.Document]:
    """The running text a reader reads before the references (headings, paragraphs, lists, boxes), one entry per block."""
    blocks = itertools.takewhile(lambda b: not (isinstance(b, tree.References) or (
        isinstance(b, tree.Heading) and tree.plain_text(b.children) == "References")), document.blocks)
    return [tree.plain_text(b.children) for b in flat_blocks(blocks) if isinstance(b, tree.Paragraph)], document


def body_words(document: tree.Document) -> int:
    """Words before the references: the whole count less the references list and its heading and note."""
    blocks = list(document.blocks)
    cut = next(i for i, b in enumerate(blocks) if isinstance(b, tree.Heading) and tree.plain_text(b.children) == "References")
    return words(tree.Document(document.metadata, tuple(blocks[:cut])))


@lru_cache(maxsize=None)
def brief(length: str, themes: tuple[str, ...] = tuple(THEMES), audience: str = "public") -> tree.Document:
    return build_document(make_request(audience=audience, length=length, themes=themes))


def test_syllable_counter_on_known_words():
    assert [syllables(w) for w in ("the", "money", "regulator", "licence", "stable", "coin", "authority")] == [1, 2, 4, 2, 2, 1, 4]


def test_grade_tells_plain_from_dense_text():
    assert grade("The cat sat on the mat. It was warm. We had tea.") < 3
    assert grade("Supervisory interoperability considerations necessitate comprehensive institutional "
                  "coordination mechanisms across jurisdictional boundaries.") > 20


def test_public_standard_brief_reads_at_grade_ten_or_below():
    text, _ = body(brief("standard"))
    assert grade(" ".join(text)) <= 10


def test_public_standard_brief_shares_few_sentences_with_any_other_audience():
    own = sentences(brief("standard"))
    for other in (a for a in AUDIENCES if a != "public"):
        theirs = sentences(brief("standard", audience=other))
        assert len(own & theirs) / min(len(own), len(theirs)) <= 0.35, other


def test_key_messages_share_no_sentence_with_what_to_watch():
    doc = brief("standard")
    boxes = {b.title: b for b in doc.blocks if isinstance(b, tree.Callout)}
    said = sentences(tree.Document(doc.metadata, tuple(boxes["In brief"].blocks)))
    blocks = list(doc.blocks)
    start = next(i for i, b in enumerate(blocks) if isinstance(b, tree.Heading)
                 and tree.plain_text(b.children) == "What to check and watch for")
    watch = sentences(tree.Document(doc.metadata, tuple(blocks[start + 1:start + 2])))
    assert said and watch and not said & watch


@pytest.mark.parametrize("length", ["standard", "extended"])
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_protect_yourself_box_and_questions_reach_both_formats(length, fmt):
    data = render_bytes(make_request(audience="public", length=length, themes=tuple(THEMES)), fmt)
    text = docx_text(open_docx(data)) if fmt == "docx" else pdf_text(open_pdf(data))
    flat = " ".join(text.split())
    for needed in ("Protect yourself", "Applying is not licensed", "register of stablecoin issuers", "HKDAP",
                   "Questions readers ask", "Does a licence mean my money is safe?"):
        assert needed in flat


def test_questions_box_stays_on_one_page():
    reader = open_pdf(render_bytes(make_request(audience="public", length="standard", themes=tuple(THEMES)), "pdf"))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    first = next(i for i, p in enumerate(pages) if "Questions readers ask" in p)
    assert "Does a licence mean my money is safe?" in pages[first]
