"""export(): write a request's brief to DOCX or PDF, atomically, and return the path."""

from __future__ import annotations

import io
from pathlib import Path

from .atomic import check_writable_folder, write_atomically, write_bytes
from .build import build_document
from .errors import BriefgenError
from .request import BriefRequest, language_tag
from .writer_process import WriterProcess
from .writers import FORMATS, writer_for


def format_for(path: Path, fmt: str | None = None) -> str:
    """The output format: `fmt` if given, else the path's suffix."""
    chosen = (fmt or Path(path).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        if fmt:
            raise BriefgenError(f"unknown format '{fmt}'; choose one of: {', '.join(FORMATS)}")
        raise BriefgenError(f"cannot tell the format of '{path}'; end it in .docx or .pdf, or give --format")
    return chosen


def render(request: BriefRequest, fmt: str, templates: Path | None = None) -> bytes:
    """The brief as bytes in `fmt`, for previews that never touch the disk."""
    stream = io.BytesIO()
    writer_for(format_for(Path("brief"), fmt))(build_document(request, templates), stream)
    return stream.getvalue()


def export(request: BriefRequest, path: str | Path, *, format: str | None = None, templates: Path | None = None,
           writer: WriterProcess | None = None) -> Path:
    """Build the brief and write it to `path`; an existing file is replaced only by a complete one.

    With `writer` (a process started for this format), the layout happens there while the tree is built here.
    """
    path = Path(path)
    check_writable_folder(path)  # fail before doing the work: no folder, or no regular file at the target
    fmt = format_for(path, format)
    if writer is not None:
        writer.language(language_tag(request.lang))
    document = build_document(request, templates)
    data = writer.write(document) if writer is not None else None
    if data is not None:
        return write_bytes(path, data)
    return write_document(document, path, fmt)


def write_document(document, path: Path, fmt: str) -> Path:
    """Write an already built document to `path` in `fmt`, atomically (a batch writes one tree twice)."""
    path = Path(path)
    check_writable_folder(path)
    write = writer_for(fmt)
    return write_atomically(path, lambda handle: write(document, handle))
