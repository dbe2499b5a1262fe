"""Work every command repeats as it starts, kept in the cache folder: dataclass methods and regular expressions.

`@dataclass` writes each class's __init__, __repr__, __eq__, __hash__ and (frozen) __setattr__
and __delattr__ as Python source and compiles it when the class is made; briefgen's modules and
the libraries it imports compile about 100 (DOCX) to 150 (PDF) regular expressions as they are
imported. Together that is about 25 ms of a render, which gives the same result every time: the
compiled functions depend only on their source and the interpreter, a compiled pattern only on
its text, flags and the interpreter. So both are kept in files named for the exact Python build,
keyed by source (and flags), and made from the kept form next time: the same code, the same
pattern. Anything unexpected falls back to compiling as usual.
"""

from __future__ import annotations

import builtins
import marshal
import sys
import threading
from hashlib import sha1
from types import CodeType

from .cache import subfolder, write_file

KEEP = 4000  # entries kept per file at most; past that a file keeps only those this process used
FORMAT = 2  # files of an earlier format are left alone (format 1 kept a set-built pattern again in every order)


class _Kept:
    """One file of kept results: loaded at install, written at exit if anything new was made."""

    def __init__(self, kind: str, valid) -> None:
        self.kind, self.valid = kind, valid
        self.kept: dict = {}
        self.new: dict = {}
        self.used: set = set()

    def path(self):
        folder = subfolder(self.kind)
        if folder is None:
            return None
        import _sre

        build = sha1(f"{FORMAT}|{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}".encode()).hexdigest()[:16]
        return folder / f"{build}.marshal"

    def load(self) -> bool:
        """Read the file (absent, unreadable or corrupt reads as empty); False if there is no cache folder."""
        path = self.path()
        if path is None:
            return False
        try:
            self.kept.update((key, value) for key, value in marshal.loads(path.read_bytes()).items()
                             if self.valid(key, value))
        except Exception:
            pass
        return True

    def get(self, key):
        value = self.kept.get(key)
        if value is None:
            value = self.new.get(key)
        if value is not None:
            self.used.add(key)
        return value

    def add(self, key, value) -> None:
        self.new[key] = value
        self.used.add(key)

    def save(self) -> None:
        if not self.new or (path := self.path()) is None:
            return
        fresh = _without_reorderings(self.new, self.kept)
        self.new.clear()
        if not fresh:
            return
        on_disk = _Kept(self.kind, self.valid)
        on_disk.load()  # what other processes (a writer process, another render) kept since this one started
        fresh = _without_reorderings(fresh, on_disk.kept)
        if not fresh:
            return
        everything = on_disk.kept | self.kept | fresh
        if len(everything) > KEEP:
            everything = {key: value for key, value in everything.items() if key in self.used}
        try:
            write_file(path, marshal.dumps(everything))
        except ValueError:
            return
        self.kept.update(fresh)


def _without_reorderings(new: dict, known: dict) -> dict:
    """`new` less the entries whose key is another order of a known key's characters.

    Some libraries build a pattern from a set (reportlab's unsafe names, markdown-it's inline
    terminators) or a class's source from a dict, and a set's order changes with each process's
    string hashing; keeping each order would grow the file and rewrite it on every run. Those are
    compiled anew each time instead.
    """
    sizes = {_text(key)[0] for key in new}
    shapes = {_shape(key) for key in known if _text(key)[0] in sizes}  # sorting only what could match
    return {key: value for key, value in new.items() if _shape(key) not in shapes}


def _text(key) -> tuple[int, str | bytes, tuple]:
    text, *rest = key if isinstance(key, tuple) else (key,)
    return len(text), text, tuple(rest)


def _shape(key) -> tuple:
    size, text, rest = _text(key)
    return size, rest, "".join(sorted(text)) if isinstance(text, str) else bytes(sorted(text))


def _is_code(source, code) -> bool:
    return isinstance(source, str) and isinstance(code, CodeType)


def _is_pattern(key, arguments) -> bool:
    return (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], (str, bytes)) and isinstance(key[1], int)
            and isinstance(arguments, tuple) and len(arguments) == 6 and arguments[0] == key[0])


_methods = _Kept("dataclass-code", _is_code)
_patterns = _Kept("pattern-code", _is_pattern)


def install() -> None:
    """Make dataclasses and regular expressions in this process come from the cache folder (once; fails soft)."""
    import atexit
    import dataclasses
    import re

    installed = False
    if getattr(dataclasses, "exec", None) is not _exec and callable(getattr(dataclasses, "_create_fn", None)):
        if _methods.load():
            dataclasses.exec = _exec  # the module's own name for the builtin, used only to define the methods
            installed = True
    compiler = getattr(re, "_compiler", None)
    original = getattr(compiler, "compile", None)
    if callable(original) and not isinstance(getattr(compiler, "_sre", None), _NotingSre):
        if _patterns.load():
            compiler._sre = _NotingSre(compiler._sre)
            compiler.compile = _pattern_compiler(original, compiler._sre)
            installed = True
    if installed:
        atexit.register(save)


def save() -> None:
    """Write what this process compiled anew to the cache folder (at exit, or before a forked child ends)."""
    _methods.save()
    _patterns.save()


def _exec(source, *args, **kwargs):
    """exec() for dataclasses: the same source gives the same code, compiled once per Python build."""
    if not isinstance(source, str):
        return builtins.exec(source, *args, **kwargs)
    code = _methods.get(source)
    if code is None:
        # dont_inherit: compiled as dataclasses compiles it, without this module's `from __future__` flags
        code = compile(source, "<string>", "exec", dont_inherit=True)
        _methods.add(source, code)
    return builtins.exec(code, *args, **kwargs)


class _NotingSre:
    """The _sre module as re's compiler sees it, noting in each thread the arguments of the last compile()."""

    def __init__(self, real) -> None:
        self._real = real
        self._last = threading.local()

    def __getattr__(self, name: str):
        return getattr(self._real, name)

    def compile(self, *arguments):
        self._last.arguments = arguments
        return self._real.compile(*arguments)

    def take(self):
        arguments, self._last.arguments = getattr(self._last, "arguments", None), None
        return arguments


def _pattern_compiler(original, noting: _NotingSre):
    """re's compile step, making a pattern from the kept compiled form when there is one."""
    debug = getattr(sys.modules["re"], "DEBUG", 128)

    def compile_pattern(pattern, flags=0):
        if not isinstance(pattern, (str, bytes)) or not isinstance(flags, int) or flags & debug:
            return original(pattern, flags)
        key = (pattern, int(flags))
        arguments = _patterns.get(key)
        if arguments is not None:
            try:
                return noting._real.compile(*arguments)
            except Exception:  # a kept form this _sre does not take: compile as usual
                pass
        noting.take()
        compiled = original(pattern, flags)
        arguments = noting.take()
        if arguments is not None and arguments[0] == pattern:  # as plain ints (the compiler's are named)
            _, flags_, code, groups, groupindex, indexgroup = arguments
            _patterns.add(key, (pattern, int(flags_), [int(op) for op in code], int(groups), dict(groupindex),
                                tuple(indexgroup)))
        return compiled

    compile_pattern.original = original
    return compile_pattern
