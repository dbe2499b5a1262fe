"""An indented text dump of a document tree, for golden tests and debugging."""

from __future__ import annotations

from . import tree


def dump(document: tree.Document) -> str:
    """Render the whole tree, metadata first, one node per line."""
    lines = [f"Document lang={document.metadata.language!r} title={document.metadata.title!r}"]
    for block in document.blocks:
        _block(block, 1, lines)
    return "\n".join(lines) + "\n"


def _inlines(nodes: tuple[tree.Inline, ...]) -> str:
    out = []
    for node in nodes:
        if isinstance(node, tree.Text):
            out.append(repr(node.text))
        elif isinstance(node, tree.Citation):
            out.append("Cite" + repr(list(node.numbers)))
        elif isinstance(node, tree.Link):
            out.append(f"Link<{node.url}>(" + _inlines(node.children) + ")")
        else:
            out.append(type(node).__name__ + "(" + _inlines(node.children) + ")")
    return " ".join(out)


def _block(block: tree.Block, depth: int, lines: list[str]) -> None:
    pad = "  " * depth
    if isinstance(block, tree.Heading):
        lines.append(f"{pad}Heading{block.level} {_inlines(block.children)}")
    elif isinstance(block, tree.SourceNote):  # before Paragraph: a source note is one
        lines.append(f"{pad}SourceNote {_inlines(block.children)}")
    elif isinstance(block, tree.Paragraph):
        lines.append(f"{pad}Paragraph {_inlines(block.children)}")
    elif isinstance(block, (tree.BulletList, tree.OrderedList)):
        extra = f" start={block.start}" if isinstance(block, tree.OrderedList) else ""
        lines.append(f"{pad}{type(block).__name__}{extra}")
        for item in block.items:
            lines.append(f"{pad}  Item")
            for child in item.blocks:
                _block(child, depth + 2, lines)
    elif isinstance(block, tree.Table):
        lines.append(f"{pad}Table header=[{' | '.join(_inlines(c) for c in block.header)}]")
        for row in block.rows:
            lines.append(f"{pad}  Row [{' | '.join(_inlines(c) for c in row)}]")
    elif isinstance(block, tree.Callout):
        lines.append(f"{pad}Callout {block.title!r}")
        for child in block.blocks:
            _block(child, depth + 1, lines)
    elif isinstance(block, tree.References):
        lines.append(f"{pad}References{' run-in' if block.run_in else ''}")
        for entry in block.entries:
            lines.append(f"{pad}  [{entry.number}] {_inlines(entry.children)}")
    elif isinstance(block, tree.PageBreak):
        lines.append(f"{pad}PageBreak")
    elif isinstance(block, tree.Contents):
        lines.append(f"{pad}Contents {block.title!r} depth={block.depth}")
    elif isinstance(block, tree.Figure):
        lines.append(f"{pad}Figure {block.number} id={block.id!r} kind={type(block.spec).__name__}")
        lines.append(f"{pad}  Caption {_inlines(block.caption)}")
        lines.append(f"{pad}  Source {_inlines(block.source)}")
        lines.append(f"{pad}  Alt {block.alt!r}")
    else:  # pragma: no cover - the tree is closed
        raise NotImplementedError(type(block).__name__)
