"""Import reportlab's paragraph module without compiling its URI pattern (about 20 ms a process) until it is used."""

from __future__ import annotations

import re
import sys
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
