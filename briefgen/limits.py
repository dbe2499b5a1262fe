"""Limits for user templates: wall time, text built (memory) and output size, checked by sandbox hooks."""

from __future__ import annotations

import contextlib
import re
import time
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Iterator, Mapping

from jinja2.runtime import markup_join


@dataclass(frozen=True)
class Limits:
    """What one render of a user template may use."""

    seconds: float = 10.0
    output_chars: int = 5_000_000  # Markdown of the whole brief (a real one is about 60,000)
    value_chars: int = 5_000_000  # any one text, list or number's digits the template builds
    memory_chars: int = 100_000_000  # all the text the template builds in one render
    int_bits: int = 20_000  # about 6,000 digits
    memory_bytes: int = 1 << 30  # address space the render may add, enforced by the OS in a child process

    def time_message(self) -> str:
        return (f"took longer than {self.seconds:g} s, the limit for a template; "
                "look for loops that never end or loops inside loops")

    def memory_message(self) -> str:
        return (f"ran out of memory (a template may use {self.memory_bytes // 2**20:,} MB); "
                "build less text, and smaller lists and numbers")


DEFAULT_LIMITS = Limits()
_FORMAT_WIDTH = re.compile(r"%[-#0 +]*(\d{7,}|\*)|%[-#0 +]*\d*\.(\d{7,}|\*)|\{[^{}]*:[^{}]*(\d{7,}|\{)")


class LimitExceeded(Exception):
    """A user template went past one of its limits; the message says which and what to do."""


class Budget:
    """The time and text one render has left; hooks call `tick()` often and `made()` for what they build."""

    __slots__ = ("limits", "deadline", "memory", "output", "_ticks")

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.seconds
        self.memory = 0
        self.output = 0
        self._ticks = 0

    def tick(self) -> None:
        self._ticks += 1
        if self._ticks & 255 == 0 and time.monotonic() > self.deadline:
            self.out_of_time()

    def out_of_time(self) -> None:
        raise LimitExceeded(self.limits.time_message())

    def allow(self, size: int, what: str = "text") -> None:
        """Refuse to build a value of `size` characters (or items) before it is built."""
        if size > self.limits.value_chars:
            raise LimitExceeded(f"would build {what} of {size:,} characters or items, over the limit of "
                                f"{self.limits.value_chars:,}; make smaller text")
        self.memory += size
        if self.memory > self.limits.memory_chars:
            raise LimitExceeded(f"built more than {self.limits.memory_chars:,} characters of text in all, the "
                                "memory limit for a template; build less text in loops")

    def made(self, value: Any) -> Any:
        """Count a value just built (its length if it has one) and return it."""
        self.tick()
        if isinstance(value, (str, list, tuple)):
            self.allow(len(value))
        elif isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > self.limits.int_bits:
            self.allow_int(value.bit_length())
        return value

    def allow_int(self, bits: int) -> None:
        if bits > self.limits.int_bits:
            raise LimitExceeded(f"would build a number of about {int(bits * 0.30103):,} digits, over the limit "
                                f"of {int(self.limits.int_bits * 0.30103):,}; use smaller numbers")

    def emit(self, size: int) -> None:
        """Count output; refuse once the brief's Markdown passes the output limit."""
        self.output += size
        if self.output > self.limits.output_chars:
            raise LimitExceeded(f"wrote more than {self.limits.output_chars:,} characters of Markdown, the "
                                "output limit for a brief; write less")
        self.tick()


_current: ContextVar[Budget | None] = ContextVar("briefgen_template_budget", default=None)


def current() -> Budget | None:
    """The budget of the render running in this thread, or None outside a limited render."""
    return _current.get()


@contextlib.contextmanager
def budget(limits: Limits | None = None) -> Iterator[Budget]:
    """Run a render under `limits` (by default DEFAULT_LIMITS)."""
    token = _current.set(Budget(limits or DEFAULT_LIMITS))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def size_of(value: Any, limit: int, depth: int = 0) -> int:
    """About how many characters str(value) has; stops counting once past `limit`."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, (int, float, bool)) or value is None:
        return 24 if not isinstance(value, int) else max(1, value.bit_length() // 3)
    if depth > 40:
        return limit + 1
    if isinstance(value, Mapping):
        items: Any = (part for pair in value.items() for part in pair)
    elif isinstance(value, range):
        return 2 + len(value) * (2 + len(str(value[-1])) if value else 0)
    elif isinstance(value, (list, tuple, set, frozenset)):
        items = value
    else:
        return 64
    total = 2
    for item in items:
        total += 2 + size_of(item, limit - total, depth + 1)
        if total > limit:
            break
    return total


def check_format(fmt: str, args: tuple, kwargs: Mapping[str, Any], limits: Limits) -> None:
    """Refuse printf/format strings with huge or computed widths, and huge numbers as arguments."""
    if _FORMAT_WIDTH.search(fmt):
        for value in [*args, *kwargs.values()]:
            if isinstance(value, int) and abs(value) > limits.value_chars:
                raise LimitExceeded(f"a width of {value:,} is over the limit of {limits.value_chars:,}")
        if re.search(r"\d{7,}", fmt):
            raise LimitExceeded(f"a width in '{fmt[:40]}' is over the limit of {limits.value_chars:,}")


def str_method_bound(method: str, text: str, args: tuple, kwargs: Mapping[str, Any], limits: Limits) -> int | None:
    """An upper bound on the length of text.METHOD(*args), for methods that can make text much longer."""
    values = [*args, *kwargs.values()]
    numbers = [v for v in values if isinstance(v, int)]
    texts = [v for v in values if isinstance(v, str)]
    if method in ("center", "ljust", "rjust", "zfill"):
        return max([len(text), *numbers])
    if method == "expandtabs":
        return len(text) + text.count("\t") * max([8, *numbers])
    if method == "replace" and len(texts) >= 2:
        return len(text) + (text.count(texts[0]) + 1) * len(texts[1])
    if method == "join" and args:
        count = len(args[0]) if hasattr(args[0], "__len__") else limits.value_chars + 1
        return size_of(args[0], limits.value_chars) + len(text) * count
    if method == "translate":
        return len(text) * max([1, *(size_of(v, limits.value_chars) for v in _mapping_values(args))])
    if method in ("format", "format_map"):
        check_format(text, tuple(args), kwargs, limits)
        return len(text) + sum(size_of(v, limits.value_chars) for v in values)
    return None


def _mapping_values(args: tuple) -> list[Any]:
    return list(args[0].values()) if args and isinstance(args[0], Mapping) else []


def joined(parts: Any, markup: bool) -> str:
    """`~` between values, refusing a result over the limits before building it."""
    parts = list(parts)
    spent = current()
    if spent is not None:
        spent.allow(sum(size_of(p, spent.limits.value_chars) for p in parts))
    if markup:
        return markup_join(parts)
    return "".join(str(p) for p in parts)


def concat(parts: Any) -> str:
    """Join output pieces of a macro, block or `set` (the brief's own output is counted by `emit`)."""
    spent = current()
    if spent is None:
        return "".join(parts)
    buffer = []
    size = 0
    for part in parts:
        size += len(part)
        if size > spent.limits.value_chars:
            spent.allow(size, "output")
        spent.tick()
        buffer.append(part)
    spent.allow(size, "output")
    return "".join(buffer)
