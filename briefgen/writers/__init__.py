"""The output formats and their writers, imported only when used."""

from __future__ import annotations

from importlib import import_module
from typing import BinaryIO, Callable

from ..tree import Document

FORMATS = {"docx": "briefgen.writers.docx", "pdf": "briefgen.writers.pdf"}

Writer = Callable[[Document, BinaryIO], None]


def writer_for(fmt: str) -> Writer:
    """The `write(document, stream)` function of a format."""
    return import_module(FORMATS[fmt]).write


def prepare(fmt: str, language: str) -> None:
    """Import a format's writer and load what it keeps for every brief in `language` (the PDF's fonts)."""
    module = import_module(FORMATS[fmt])
    if hasattr(module, "prepare"):
        module.prepare(language)
