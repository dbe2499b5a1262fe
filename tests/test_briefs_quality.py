"""Issue 10's measures of a brief a professional would send: length, readability, distinct audiences, full pages."""

from __future__ import annotations

import itertools
import re

import pytest

from briefgen import tree
from briefgen.style import house_style

from .conftest import make_request, open_pdf, render_bytes
from .test_content import AUDIENCES, CATALOGUE, THEMES, document, running_text, sentences

ALL = tuple(THEMES)
TARGET_WORDS = {"one-page": 550, "standard": 2200, "extended": 4400}


def body(document: tree.Document) -> tree.Document:
    """The brief before its references (the References heading and list)."""
    blocks = []
    for block in document.blocks:
        if isinstance(block, tree.References) or (
                isinstance(block, tree.Heading) and tree.plain_text(block.children) == "References"):
            break
        blocks.append(block)
    return tree.Document(document.metadata, tuple(blocks))


# -- readability ----------------------------------------------------------------------------------
def syllables(word: str) -> int:
    """Syllables in an English word by vowel groups, less a silent final e; never fewer than one."""
    word = re.sub(r"[^a-z]", "", word.lower())
    if not word:
        return 0
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "", word)  # silent endings: makes, baked, make
    word = re.sub(r"^y", "", word)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", word)))


def prose(document: tree.Document) -> str:
    """The running text a reader reads before the references, without citation marks."""
    return " ".join(re.sub(r"\[\d+(, \d+)*\]", "", part) for part in running_text(body(document)))


def flesch_kincaid_grade(text: str) -> float:
    """0.39 × words per sentence + 11.8 × syllables per word − 15.59."""
    sentence_list = [s for s in re.split(r"(?<!\bNo\.)(?<!\bCap\.)(?<=[.!?])\s+", text) if re.search(r"\w", s)]
    word_list = re.findall(r"[A-Za-z0-9’'-]+", text)
    syllable_count = sum(syllables(w) if re.search(r"[A-Za-z]", w) else 1 for w in word_list)
    return 0.39 * len(word_list) / len(sentence_list) + 11.8 * syllable_count / len(word_list) - 15.59


def test_syllable_counter_and_grade_on_known_text():
    assert [syllables(w) for w in ("cat", "make", "reading", "stablecoin", "regulatory", "the")] == [1, 1, 2, 3, 5, 1]
    easy = "The cat sat on the mat. It was a warm day. The sun was out."
    hard = ("Interoperability considerations necessitate comprehensive jurisdictional harmonisation "
            "notwithstanding institutional heterogeneity.")
    assert flesch_kincaid_grade(easy) < 2 < 14 < flesch_kincaid_grade(hard)


# -- the measures ---------------------------------------------------------------------------------
# Body words against 550 / 2,200 / 4,400: tests/test_content.py::test_body_words_are_within_ten_percent_of_the_length_with_all_themes


def test_public_standard_brief_reads_at_grade_ten_or_below():
    grade = flesch_kincaid_grade(prose(document("public", "standard", ALL)))
    assert grade <= 10, f"Flesch–Kincaid grade {grade:.1f}"


@pytest.mark.parametrize(("first", "second"), list(itertools.combinations(AUDIENCES, 2)))
def test_standard_briefs_of_two_audiences_share_at_most_35_percent_of_sentences(first, second):
    a, b = sentences(document(first, "standard", ALL)), sentences(document(second, "standard", ALL))
    shared = len(a & b) / min(len(a), len(b))
    assert shared <= 0.35, f"{first} and {second} share {shared:.0%} of their sentences"


def key_message_sentences(document: tree.Document) -> set[str]:
    box = next(b for b in document.blocks if isinstance(b, tree.Callout))
    return sentences(tree.Document(document.metadata, box.blocks))


def recommendation_sentences(audience: str) -> set[str]:
    """Every recommendation the themes give this audience, as sentences (wherever a brief prints them)."""
    lines = [line for theme in CATALOGUE.themes.values()
             for line in theme.content.get("recommendations", {}).get(CATALOGUE.audience(audience).id, ())]
    return sentences(tree.Document(None, (tree.Paragraph((tree.Text(" ".join(map(str, lines))),)),)))


@pytest.mark.parametrize(("audience", "length"), [(audience, length) for audience in AUDIENCES for length in TARGET_WORDS])
def test_key_messages_share_no_sentence_with_the_recommendations(audience, length):
    shared = key_message_sentences(document(audience, length, ALL)) & recommendation_sentences(audience)
    assert not shared, f"{audience} {length}: {len(shared)} key messages repeat a recommendation: {sorted(shared)[:2]}"


# -- full pages -----------------------------------------------------------------------------------
def page_fill(data: bytes) -> list[float]:
    """How far down its text frame each page's text reaches (0 empty, 1 full), the running header left out."""
    style = house_style()
    top, bottom = style.page_height - style.margin_top, style.margin_bottom
    fills = []
    for page in open_pdf(data).pages:
        lowest = [top]

        def visit(text, cm, tm, font, size):
            if text.strip():
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                if bottom - 5 <= y <= top:
                    lowest[0] = min(lowest[0], y)

        page.extract_text(visitor_text=visit)
        fills.append((top - lowest[0]) / (top - bottom))
    return fills


SUBSETS = [ALL, (THEMES[0],), (THEMES[1], THEMES[3])]


@pytest.mark.parametrize(("audience", "length"), [(audience, length) for audience in AUDIENCES
                                                 for length in ("standard", "extended")])
def test_no_page_but_the_last_is_less_than_half_full(audience, length):
    thin = {}
    for subset in SUBSETS:
        fills = page_fill(render_bytes(make_request(audience=audience, length=length, themes=subset, title=""), "pdf"))
        thin.update({f"{'+'.join(t[:6] for t in subset)} p{n}": f"{fill:.0%}"
                     for n, fill in enumerate(fills[:-1], 1) if fill < 0.5})
    assert thin == {}, f"{audience} {length}: pages less than half full"
