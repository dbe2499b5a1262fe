"""The tree is closed: every writer handles every node type, and the visitor refuses unknown ones."""

from __future__ import annotations

import dataclasses

import pytest

from briefgen import tree
from briefgen.writers import FORMATS
from importlib import import_module


def test_nodes_are_frozen():
    node = tree.Text("x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        node.text = "y"  # type: ignore[misc]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_writer_has_a_handler_for_every_block(fmt):
    translator = import_module(FORMATS[fmt])._Translator
    missing = [cls.__name__ for cls in tree.BLOCK_TYPES if not hasattr(translator, f"visit_{cls.__name__}")]
    assert missing == []


def test_visitor_rejects_unknown_nodes():
    class Partial(tree.Visitor):
        pass

    with pytest.raises(NotImplementedError, match="Partial cannot handle Text"):
        Partial().visit(tree.Text("x"))


def test_plain_text_and_headings_helpers():
    doc = tree.Document(
        tree.Metadata("T", "T", "s", "", "", "2026-01-01", "en-GB", "subj"),
        (tree.Heading(1, (tree.Text("A"), tree.Citation((1, 2)))),
         tree.Callout("Box", (tree.Heading(2, (tree.Strong((tree.Text("B"),)),)),))),
    )
    assert [tree.plain_text(h.children) for h in tree.headings(doc)] == ["A[1, 2]", "B"]


def test_citation_label_names_every_number_and_never_a_range():
    assert tree.citation_label((1,)) == "1"
    assert tree.citation_label((2, 1)) == "1, 2"
    assert tree.citation_label((3, 1, 2, 2)) == "1, 2, 3"
