"""Markdown to tree: every supported construct maps to a node; anything else is an error with a line."""

from __future__ import annotations

import pytest

from briefgen import tree
from briefgen.convert import UnsupportedMarkdown, parse

META = tree.Metadata("T", "T", "s", "a", "o", "2026-01-01", "en-GB", "subject")


def blocks(markdown: str):
    return parse(markdown, META).blocks


def test_headings_paragraphs_and_inlines():
    result = blocks("# One *two*\n\nSome **bold** and [a link](https://example.org).\n")
    assert result == (
        tree.Heading(1, (tree.Text("One "), tree.Emphasis((tree.Text("two"),)))),
        tree.Paragraph((
            tree.Text("Some "), tree.Strong((tree.Text("bold"),)), tree.Text(" and "),
            tree.Link("https://example.org", (tree.Text("a link"),)), tree.Text("."),
        )),
    )


def test_lists_keep_their_kind_start_and_nesting():
    bullet, ordered = blocks("- a\n  - nested\n- b\n\n3. c\n4. d\n")
    assert isinstance(bullet, tree.BulletList) and len(bullet.items) == 2
    assert isinstance(bullet.items[0].blocks[1], tree.BulletList)
    assert isinstance(ordered, tree.OrderedList) and ordered.start == 3 and len(ordered.items) == 2


def test_table_has_header_row():
    (table,) = blocks("| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n")
    assert table.header == ((tree.Text("A"),), (tree.Text("B"),))
    assert table.rows == (((tree.Text("1"),), (tree.Text("2"),)), ((tree.Text("3"),), (tree.Text("4"),)))


def test_callout_page_break_and_numbered_references():
    result = blocks(
        "::: callout Key messages\n- first[^b][^a]\n:::\n\n---\n\nLater[^a].\n\n"
        "::: references\n:::\n\n# Annex\n\n[^a]: Source A <https://a.example>\n[^b]: Source B\n"
    )
    callout, page_break, paragraph, references, annex = result
    assert callout.title == "Key messages"
    assert callout.blocks[0].items[0].blocks[0].children[-1] == tree.Citation((1, 2))
    assert page_break == tree.PageBreak()
    assert paragraph.children == (tree.Text("Later"), tree.Citation((2,)), tree.Text("."))
    assert [e.number for e in references.entries] == [1, 2]
    assert tree.plain_text(references.entries[0].children) == "Source B"
    assert isinstance(annex, tree.Heading)


def test_callout_and_contents_titles_read_as_markdown_text_without_its_escapes():
    from briefgen.textsafe import escape_markdown

    question = "Who gains if Hong Kong's market grows? (a \\ b & c)"
    callout, contents = blocks(f"::: callout {escape_markdown(question)}\nText.\n:::\n\n"
                               f"::: contents {escape_markdown('What’s in it')}\n:::\n")
    assert callout.title == question and contents.title == "What’s in it"


def test_references_go_last_without_a_marker_and_hold_only_cited_sources():
    result = blocks("Text[^x].\n\n[^x]: Cited\n[^y]: Never cited\n")
    assert isinstance(result[-1], tree.References)
    assert [tree.plain_text(e.children) for e in result[-1].entries] == ["Cited"]


@pytest.mark.parametrize(
    ("markdown", "line", "words"),
    [
        ("ok\n\n> quoted\n", 3, "block quotes"),
        ("ok\n\n```\ncode\n```\n", 3, "fenced code"),
        ("ok\n\n    indented code\n", 3, "indented code"),
        ("one\ntwo `code`\n", 1, "inline code"),
        ("![alt](pic.png)\n", 1, "images"),
        ("#### Too deep\n", 1, "heading level 4"),
        ("a\n\nline\\\nbreak\n", 3, "hard line breaks"),
        ("<div>html</div>\n", None, None),
    ],
)
def test_unsupported_markdown_is_an_error_naming_the_line(markdown, line, words):
    if words is None:  # raw HTML is off, so it arrives as literal text: nothing is lost
        assert tree.plain_text(blocks(markdown)[0].children) == "<div>html</div>"
        return
    with pytest.raises(UnsupportedMarkdown) as caught:
        blocks(markdown)
    assert caught.value.line == line
    assert words in caught.value.message


def test_a_source_container_is_a_table_source_note_keeping_its_markdown():
    table, note, after = blocks("| A |\n|---|\n| 1 |\n\n::: source\nSources: *as cited*[^a].\n:::\n\nText.\n\n"
                                "[^a]: Source A\n")[:3]
    assert isinstance(table, tree.Table)
    assert note == tree.SourceNote((tree.Text("Sources: "), tree.Emphasis((tree.Text("as cited"),)),
                                    tree.Citation((1,)), tree.Text(".")))
    assert after == tree.Paragraph((tree.Text("Text."),))  # an ordinary paragraph stays one


@pytest.mark.parametrize(("markdown", "line"), [
    ("Text.\n\n::: source\n:::\n", 3),
    ("Text.\n\n::: source\n| A |\n|---|\n| 1 |\n:::\n", 3),
    ("::: source\nOne.\n\nTwo.\n:::\n", 1),
    ("::: source\n- a list\n:::\n", 1),
])
def test_a_source_container_holds_exactly_one_paragraph(markdown, line):
    with pytest.raises(UnsupportedMarkdown) as caught:
        blocks(markdown)
    assert caught.value.line == line
    assert caught.value.message == "a ::: source note must hold one paragraph (the source line under a table)"
