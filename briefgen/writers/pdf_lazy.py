"""Import reportlab without the work a brief rarely needs: its URI pattern and Pillow wait until they are used."""

from __future__ import annotations

import importlib.util
import re
import sys
import threading
from typing import Any

# reportlab.platypus.paragraph compiles this case-insensitive pattern with wide Unicode ranges at import time,
# the slowest single step of importing reportlab; it is used only to break long URIs across lines.
URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"
_compile = re.compile


class LazyPattern:
    """A compiled pattern that is compiled on first use, then used as it is."""

    __slots__ = ("pattern", "flags", "compiled")

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags
        self.compiled: re.Pattern | None = None

    def __getattr__(self, name: str) -> Any:
        if self.compiled is None:
            self.compiled = _compile(self.pattern, self.flags)
        return getattr(self.compiled, name)


def import_paragraph() -> None:
    """Import reportlab.platypus.paragraph (and the package) with its URI pattern left to compile on first use."""
    if "reportlab.platypus.paragraph" in sys.modules:
        return

    def compile_later(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and pattern.startswith(URI_PATTERN_START):
            return LazyPattern(pattern, flags)
        return _compile(pattern, flags)

    re.compile = compile_later
    try:
        import reportlab.platypus.paragraph  # noqa: F401
    finally:
        re.compile = _compile


def defer_pillow() -> None:
    """Make `from PIL import Image` (which reportlab runs as it is imported) load Pillow on first use, not now.

    reportlab imports Pillow's Image module unconditionally (about 6 ms and a tenth of the PDF writer's
    imports); a brief whose figures are already drawn never touches it. The standard library's LazyLoader
    runs the module on its first attribute access. Only in a process with one thread and no app: Python
    3.11's LazyLoader is not safe when two threads touch the module first at once.
    """
    if "PIL.Image" in sys.modules or "briefgen.gui" in sys.modules or threading.active_count() > 1:
        return
    try:
        import PIL

        spec = importlib.util.find_spec("PIL.Image")
        if spec is None or spec.loader is None:
            return
        spec.loader = importlib.util.LazyLoader(spec.loader)
        module = importlib.util.module_from_spec(spec)
        sys.modules["PIL.Image"] = module
        spec.loader.exec_module(module)
        PIL.Image = module  # so `from PIL import Image` takes it without going through the import system, which would load it
    except Exception:  # anything unexpected: Pillow is imported as usual when reportlab asks
        sys.modules.pop("PIL.Image", None)
