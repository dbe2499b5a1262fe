"""A cache folder shared by briefgen processes: compiled templates and parsed content; it fails soft."""

from __future__ import annotations

import marshal
import os
import sys
from functools import lru_cache
from hashlib import sha1
from pathlib import Path
from typing import Any, Callable, Iterable

from . import __version__

DISABLE_VARIABLE = "BRIEFGEN_NO_CACHE"  # set (to anything) to read and write no cache files
_TAG = f"{__version__}-py{sys.version_info[0]}{sys.version_info[1]}"


@lru_cache(maxsize=1)
def cache_dir() -> Path | None:
    """briefgen's user cache folder (created), or None if caching is off or the folder cannot be used."""
    if os.environ.get(DISABLE_VARIABLE):
        return None
    try:
        from platformdirs import user_cache_dir

        folder = Path(user_cache_dir("briefgen", appauthor=False)) / _TAG
        if not folder.is_absolute():
            return None
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return folder if os.access(folder, os.W_OK | os.X_OK) else None
    except Exception:  # an unreadable HOME, a read-only disk: work without a cache
        return None


def subfolder(name: str) -> Path | None:
    """A folder inside the cache (created), or None when there is no usable cache."""
    root = cache_dir()
    if root is None:
        return None
    folder = root / name
    try:
        folder.mkdir(exist_ok=True, mode=0o700)
    except OSError:
        return None
    return folder


def write_file(path: Path, data: bytes) -> None:
    """Write a cache file atomically (a temporary name, then a rename); any failure is ignored."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


def cached_by_file(kind: str, source: Path, make: Callable[[], Any]) -> Any:
    """`make()`'s result for a file, kept across processes until the file's size or time changes."""
    return cached_by_files(kind, [source], make)


def cached_by_files(kind: str, sources: list[Path], make: Callable[[], Any]) -> Any:
    """`make()`'s result, kept across processes until the size or time of one of `sources` changes.

    Results must be plain data that marshal can hold (dicts, lists, tuples, text, bytes,
    numbers); anything else is simply not cached.
    """
    folder = subfolder(kind)
    if folder is None:
        return make()
    try:
        stamp = _stamps(sources)
    except OSError:
        return make()
    entry = folder / (sha1(repr([str(path) for path in sources]).encode("utf-8", "surrogatepass")).hexdigest()
                      + ".marshal")
    try:
        kept_stamp, value = marshal.loads(entry.read_bytes())
        if kept_stamp == stamp:
            return value
    except Exception:  # absent, unreadable, corrupt or from another format: make it again
        pass
    value = make()
    try:
        data = marshal.dumps((stamp, value))
    except ValueError:  # not plain data
        return value
    write_file(entry, data)
    return value


def _stamps(sources: Iterable[Path]) -> tuple:
    """Each file's name, time and size: what tells a kept result from a stale one (OSError if one is missing)."""
    return tuple((str(path), info.st_mtime_ns, info.st_size) for path in sources for info in [os.stat(path)])


def cached_bytes(kind: str, key: str, make: Callable[[], bytes], sources: Iterable[Path] = (),
                 keep: int = 256) -> bytes:
    """`make()`'s bytes for `key` (text naming what the bytes depend on) and the files `sources`, kept across processes.

    A change to the time or size of one of `sources` makes a new entry. The folder keeps at most about
    `keep` entries: when it grows past that, the least recently made half goes.
    """
    folder = subfolder(kind)
    try:
        stamp = _stamps(sources)
    except OSError:
        return make()
    if folder is None:
        return make()
    entry = folder / (sha1(repr((key, stamp)).encode("utf-8", "surrogatepass")).hexdigest() + ".bin")
    try:
        return entry.read_bytes()
    except OSError:
        pass
    value = make()
    write_file(entry, value)
    try:
        entries = sorted(folder.glob("*.bin"), key=lambda path: path.stat().st_mtime_ns)
        for old in entries[:len(entries) // 2] if len(entries) > keep else []:
            old.unlink()
    except OSError:
        pass
    return value


def template_bytecode_cache(env):
    """Jinja's FileSystemBytecodeCache in the cache folder for `env`, or None if there is no usable cache.

    Jinja keys each entry by template name and file and checks a hash of the source, so a
    changed template is compiled again. Compiled code also depends on Jinja's version, the
    environment's class and options (the sandbox's intercepted operators among them) and the
    module that sets them up, so all of these name the folder: a change to any of them starts
    a fresh one.
    """
    if cache_dir() is None:
        return None
    import jinja2
    from jinja2.bccache import FileSystemBytecodeCache

    kind = type(env)
    modules = {sys.modules[kind.__module__], sys.modules.get("briefgen.templating")}
    stamps = []
    for module in modules:
        try:
            info = os.stat(module.__file__)
            stamps.append((module.__file__, info.st_mtime_ns, info.st_size))
        except (AttributeError, TypeError, OSError):
            stamps.append(repr(module))
    settings = (jinja2.__version__, kind.__module__, kind.__qualname__, sorted(stamps, key=str),
                sorted(getattr(env, "intercepted_binops", ())), sorted(getattr(env, "intercepted_unops", ())),
                env.code_generator_class.__qualname__, env.context_class.__qualname__, sorted(env.extensions),
                env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
                env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
                env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
                env.optimized, env.autoescape if isinstance(env.autoescape, bool) else repr(env.autoescape),
                env.finalize is not None, getattr(env, "sandboxed", False), env.is_async)
    tag = sha1(repr(settings).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    folder = subfolder(f"jinja-{tag}")
    if folder is None:
        return None

    class _SoftCache(FileSystemBytecodeCache):
        """Reads and writes that fail leave the template to be compiled as usual."""

        def load_bytecode(self, bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:
                bucket.reset()

        def dump_bytecode(self, bucket) -> None:
            try:
                super().dump_bytecode(bucket)
            except Exception:
                pass

    return _SoftCache(str(folder), "%s.cache")
