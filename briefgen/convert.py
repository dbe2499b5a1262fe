"""Parse Markdown with markdown-it-py and convert its tokens into briefgen's document tree."""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

from markdown_it import MarkdownIt
from markdown_it.common.utils import unescapeAll
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin

from . import tree
from .figures.model import Spec

CALLOUT = "callout"
REFERENCES_MARK = "references"  # `::: references` + `:::` marks where the numbered list goes
CONTENTS_MARK = "contents"  # `::: contents Title` + `:::` places a contents list
FIGURE = "figure"  # `::: figure ID`, a caption paragraph, a source paragraph, `:::`
SOURCE = "source"  # `::: source`, one paragraph, `:::`: the source line under a table

FigureResolver = Callable[[str], tuple[Spec, str]]  # figure id -> (spec, alt text); KeyError if unknown


class UnsupportedMarkdown(Exception):
    """Markdown the tree cannot hold, at a 1-based line of the Markdown source."""

    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}" if line else message)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.use(footnote_plugin, inline=False)
    md.use(container_plugin, CALLOUT)
    md.use(container_plugin, REFERENCES_MARK)
    md.use(container_plugin, CONTENTS_MARK)
    md.use(container_plugin, FIGURE)
    md.use(container_plugin, SOURCE)
    return md


def parse(markdown: str, metadata: tree.Metadata, figures: FigureResolver | None = None) -> tree.Document:
    """Turn Markdown into a Document, or raise UnsupportedMarkdown naming the line."""
    tokens = _parser().parse(markdown)
    return tree.Document(metadata=metadata, blocks=_Converter(tokens, figures).document_blocks())


_NAMES = {
    "blockquote_open": "block quotes",
    "code_block": "indented code blocks",
    "fence": "fenced code blocks",
    "html_block": "raw HTML",
    "html_inline": "raw HTML",
    "image": "images",
    "code_inline": "inline code",
    "hardbreak": "hard line breaks",
    "footnote_block_open": "footnote definitions",
}


class _Converter:
    def __init__(self, tokens: list[Token], figures: FigureResolver | None = None) -> None:
        self.tokens = tokens
        self.figures = figures
        self.figure_count = 0
        self.pos = 0
        self.line: int | None = None
        self.has_references_mark = False
        self.references_run_in = False

    # -- helpers ------------------------------------------------------------------------
    def _next(self) -> Token:
        token = self.tokens[self.pos]
        self.pos += 1
        if token.map:
            self.line = token.map[0] + 1
        return token

    def _expect(self, kind: str) -> Token:
        token = self._next()
        if token.type != kind:  # pragma: no cover - markdown-it always balances its tokens
            raise UnsupportedMarkdown(self.line, f"expected {kind}, found {token.type}")
        return token

    def _unsupported(self, token: Token) -> UnsupportedMarkdown:
        line = token.map[0] + 1 if token.map else self.line
        what = _NAMES.get(token.type, f"'{token.type.removesuffix('_open')}' markup")
        return UnsupportedMarkdown(line, f"{what} are not supported in a brief")

    # -- blocks ---------------------------------------------------------------------------
    def document_blocks(self) -> tuple[tree.Block, ...]:
        blocks = list(self._blocks(until=None))
        references = self._references()
        if references is not None:
            if self.has_references_mark:
                blocks = [references if b is _REFERENCES_SLOT else b for b in blocks]
            else:
                blocks.append(references)
        return tuple(b for b in blocks if b is not _REFERENCES_SLOT)

    def _blocks(self, until: str | None) -> list:
        out: list = []
        while self.pos < len(self.tokens):
            token = self.tokens[self.pos]
            if token.type == until:
                self._next()
                return out
            if token.type == "footnote_block_open":
                if until is not None:  # pragma: no cover - markdown-it puts it last
                    raise self._unsupported(token)
                return out
            out.append(self._block(self._next()))
        return out

    def _block(self, token: Token):
        kind = token.type
        if kind == "heading_open":
            level = int(token.tag[1])
            if level > 3:
                raise UnsupportedMarkdown(self.line, f"heading level {level} is too deep; use #, ## or ###")
            children = self._inline(self._expect("inline"))
            self._expect("heading_close")
            return tree.Heading(level, children)
        if kind == "paragraph_open":
            children = self._inline(self._expect("inline"))
            self._expect("paragraph_close")
            return tree.Paragraph(children)
        if kind == "bullet_list_open":
            return tree.BulletList(self._items("bullet_list_close"))
        if kind == "ordered_list_open":
            start = int(token.attrGet("start") or 1)
            return tree.OrderedList(self._items("ordered_list_close"), start)
        if kind == "table_open":
            return self._table()
        if kind == f"container_{CALLOUT}_open":
            title = _info_text(token.info, CALLOUT)
            return tree.Callout(title, tuple(self._blocks(f"container_{CALLOUT}_close")))
        if kind == f"container_{REFERENCES_MARK}_open":
            if self._blocks(f"container_{REFERENCES_MARK}_close"):
                raise UnsupportedMarkdown(self.line, "the ::: references marker must be empty")
            self.has_references_mark = True
            self.references_run_in = _info_text(token.info, REFERENCES_MARK) == "run-in"
            return _REFERENCES_SLOT
        if kind == f"container_{CONTENTS_MARK}_open":
            title = _info_text(token.info, CONTENTS_MARK)
            if self._blocks(f"container_{CONTENTS_MARK}_close"):
                raise UnsupportedMarkdown(self.line, "the ::: contents marker must be empty")
            return tree.Contents(title or "Contents", depth=1)
        if kind == f"container_{FIGURE}_open":
            return self._figure(token.info.strip()[len(FIGURE) :].strip())
        if kind == f"container_{SOURCE}_open":
            line = self.line
            blocks = self._blocks(f"container_{SOURCE}_close")
            if len(blocks) != 1 or type(blocks[0]) is not tree.Paragraph:
                raise UnsupportedMarkdown(line, "a ::: source note must hold one paragraph (the source line under a table)")
            return tree.SourceNote(blocks[0].children)
        if kind == "hr":
            return tree.PageBreak()
        raise self._unsupported(token)

    def _figure(self, figure_id: str) -> tree.Figure:
        line = self.line
        blocks = self._blocks(f"container_{FIGURE}_close")
        if not 1 <= len(blocks) <= 2 or not all(isinstance(b, tree.Paragraph) for b in blocks):
            raise UnsupportedMarkdown(line, f"figure '{figure_id}' must hold a caption paragraph and then, "
                                            "optionally, a source paragraph")
        try:
            if self.figures is None:
                raise KeyError(figure_id)
            spec, alt = self.figures(figure_id)
        except KeyError:
            raise UnsupportedMarkdown(line, f"unknown figure '{figure_id}'; define it in figures.toml") from None
        self.figure_count += 1
        source = blocks[1].children if len(blocks) == 2 else ()
        return tree.Figure(self.figure_count, figure_id, blocks[0].children, source, alt, spec)

    def _items(self, close: str) -> tuple[tree.ListItem, ...]:
        items = []
        while True:
            token = self._next()
            if token.type == close:
                return tuple(items)
            if token.type != "list_item_open":  # pragma: no cover
                raise self._unsupported(token)
            items.append(tree.ListItem(tuple(self._blocks("list_item_close"))))

    def _table(self) -> tree.Table:
        header: list = []
        rows: list = []
        row: list = []
        while True:
            token = self._next()
            if token.type == "table_close":
                return tree.Table(tuple(header), tuple(rows))
            if token.type == "tr_close":
                if header:
                    rows.append(tuple(row))
                else:
                    header = row
                row = []
            elif token.type == "inline":
                row.append(self._inline(token))

    def _references(self) -> tree.References | None:
        if self.pos >= len(self.tokens):
            return None
        self._expect("footnote_block_open")
        entries = []
        while True:
            token = self._next()
            if token.type == "footnote_block_close":
                return tree.References(tuple(entries), self.references_run_in)
            if token.type != "footnote_open":
                continue
            number = token.meta["id"] + 1
            children: list = []
            while (inner := self._next()).type != "footnote_close":
                if inner.type == "inline":
                    if children:
                        children.append(tree.Text(" "))
                    children.extend(self._inline(inner))
                elif inner.type not in ("paragraph_open", "paragraph_close", "footnote_anchor"):
                    raise self._unsupported(inner)
            entries.append(tree.Reference(number, tuple(children)))

    # -- inlines ----------------------------------------------------------------------------
    def _inline(self, token: Token) -> tuple[tree.Inline, ...]:
        stack: list[tuple[str, str, list]] = [("root", "", [])]
        for child in token.children or []:
            kind = child.type
            top = stack[-1][2]
            if kind == "text":
                if child.content:
                    top.append(tree.Text(child.content))
            elif kind == "softbreak":
                top.append(tree.Text(" "))
            elif kind in ("strong_open", "em_open", "link_open"):
                stack.append((kind, child.attrGet("href") or "", []))
            elif kind in ("strong_close", "em_close", "link_close"):
                opened, href, children = stack.pop()
                if opened == "strong_open":
                    node: tree.Inline = tree.Strong(tuple(children))
                elif opened == "em_open":
                    node = tree.Emphasis(tuple(children))
                else:
                    node = tree.Link(href, tuple(children))
                stack[-1][2].append(node)
            elif kind == "footnote_ref":
                number = child.meta["id"] + 1
                if top and isinstance(top[-1], tree.Citation):
                    top[-1] = tree.Citation(top[-1].numbers + (number,))
                else:
                    top.append(tree.Citation((number,)))
            else:
                raise self._unsupported(child)
        return _merge_text(tuple(stack[0][2]))


def _info_text(info: str, mark: str) -> str:
    """The words after a container's mark, as a reader sees them: Markdown's backslash escapes and entities undone.

    markdown-it leaves a container's info string raw, but templates escape data for Markdown there as anywhere.
    """
    return unescapeAll(info.strip()[len(mark):].strip())


def _merge_text(nodes: tuple[tree.Inline, ...]) -> tuple[tree.Inline, ...]:
    merged: list[tree.Inline] = []
    for node in nodes:
        if isinstance(node, tree.Text) and merged and isinstance(merged[-1], tree.Text):
            merged[-1] = tree.Text(merged[-1].text + node.text)
        else:
            merged.append(node)
    return tuple(merged)


_REFERENCES_SLOT = object()
