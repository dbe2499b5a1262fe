"""briefgen's document tree: a closed set of frozen block and inline nodes every writer handles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .figures.model import Spec


# Inlines -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Emphasis:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Link:
    url: str
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Citation:
    """A pointer to one or more entries of the References block, by number."""

    numbers: tuple[int, ...]


Inline = Text | Strong | Emphasis | Link | Citation


# Blocks --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Heading:
    level: int
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Paragraph:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class SourceNote(Paragraph):
    """A table's source line, set small and tight under the table; still a paragraph to anything that reads text."""


@dataclass(frozen=True)
class ListItem:
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]


@dataclass(frozen=True)
class OrderedList:
    items: tuple[ListItem, ...]
    start: int = 1


@dataclass(frozen=True)
class Table:
    """A table whose first row is its header."""

    header: tuple[tuple[Inline, ...], ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]


@dataclass(frozen=True)
class Callout:
    """A shaded box, such as the key messages."""

    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Reference:
    number: int
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class References:
    """The numbered list of sources that Citation nodes point to (run in as one paragraph on a one-page brief)."""

    entries: tuple[Reference, ...]
    run_in: bool = False


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Contents:
    """A contents list of the document's headings down to `depth`, with page numbers where known."""

    title: str
    depth: int = 1


@dataclass(frozen=True)
class Figure:
    """A numbered figure: its caption, the drawing's spec, a source line, and alt text for screen readers."""

    number: int
    id: str
    caption: tuple[Inline, ...]
    source: tuple[Inline, ...]
    alt: str
    spec: Spec

    @property
    def label(self) -> str:
        return f"Figure {self.number}"


Block = Heading | Paragraph | SourceNote | BulletList | OrderedList | Table | Callout | References | PageBreak | Contents | Figure

BLOCK_TYPES = (Heading, Paragraph, SourceNote, BulletList, OrderedList, Table, Callout, References, PageBreak, Contents, Figure)
INLINE_TYPES = (Text, Strong, Emphasis, Link, Citation)


@dataclass(frozen=True)
class Metadata:
    """What the title block, running header and document properties show."""

    title: str
    short_title: str
    subtitle: str
    author: str
    organisation: str
    date: str
    language: str
    subject: str
    keywords: tuple[str, ...] = field(default=())
    currency: str = ""  # what date the brief's facts are current to, shown in the title block
    page_label: str = "Page {page} of {total}"  # the running header's page number, in the brief's language
    figure_label: str = "Figure {number}. "  # what a figure's caption starts with, in the brief's language

    @property
    def byline(self) -> str:
        """The title block's last line: author, organisation and the facts' date, as given."""
        return " · ".join(part for part in (self.author, self.organisation, self.currency) if part.strip())


@dataclass(frozen=True)
class Document:
    metadata: Metadata
    blocks: tuple[Block, ...]


def citation_label(numbers: tuple[int, ...]) -> str:
    """Citation numbers as printed, each one named and never a range: (1, 2, 3) -> '1, 2, 3'."""
    return ", ".join(str(n) for n in sorted(set(numbers)))


def plain_text(inlines: tuple[Inline, ...]) -> str:
    """The visible text of a run of inlines (citations as bracketed numbers)."""
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(node, Citation):
            parts.append("[" + citation_label(node.numbers) + "]")
        else:
            parts.append(plain_text(node.children))
    return "".join(parts)


def headings(document: Document) -> list[Heading]:
    """The document's headings in order, including those inside callouts."""
    found: list[Heading] = []

    def walk(blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            if isinstance(block, Heading):
                found.append(block)
            elif isinstance(block, Callout):
                walk(block.blocks)

    walk(document.blocks)
    return found


class Visitor:
    """Calls `visit_<NodeClass>` for each node; a node type without a handler is an error."""

    def visit(self, node: object) -> object:
        method = getattr(self, "visit_" + type(node).__name__, None)
        if method is None:
            raise NotImplementedError(f"{type(self).__name__} cannot handle {type(node).__name__} nodes")
        return method(node)


def leads_table(block: Block, following: Block | None) -> bool:
    """Whether `block` is a table's caption: a paragraph wholly in bold, "Table N. ...", directly above a table."""
    return (isinstance(block, Paragraph) and isinstance(following, Table) and len(block.children) == 1
            and isinstance(block.children[0], Strong)
            and re.match(r"Table \d+\.|表\d+", plain_text(block.children)) is not None)
