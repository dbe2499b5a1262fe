"""briefgen: sourced policy briefs on Hong Kong–mainland China crypto collaboration, as DOCX and PDF."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["BriefRequest", "BriefgenError", "export", "__version__"]


def __getattr__(name: str):
    # Imported on first use, so `import briefgen` stays cheap for the command line.
    if name == "BriefRequest":
        from .request import BriefRequest

        return BriefRequest
    if name == "export":
        from .exporting import export

        return export
    if name == "BriefgenError":
        from .errors import BriefgenError

        return BriefgenError
    raise AttributeError(f"module 'briefgen' has no attribute {name!r}")
