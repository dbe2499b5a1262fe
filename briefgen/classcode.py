"""Compiled dataclass methods kept in the cache folder, so a command does not compile them again at every start.

`@dataclass` writes each class's __init__, __repr__, __eq__, __hash__ and (frozen) __setattr__
and __delattr__ as Python source and compiles it when the class is made: about 280 small
functions and 13 ms for a render, a tenth of the whole process. The compiled code depends only
on that source and the interpreter, so it is kept, keyed by the source, in a file named for the
exact Python build; the classes are made as before, from the same code.
"""

from __future__ import annotations

import builtins
import marshal
import sys
from hashlib import sha1
from types import CodeType

from .cache import subfolder, write_file

KEEP = 4000  # functions kept at most; past that the file keeps only those this process used

_kept: dict[str, object] = {}
_used: set[str] = set()
_new: dict[str, object] = {}


def install() -> None:
    """Make dataclasses in this process take their compiled methods from the cache folder (once; fails soft)."""
    import atexit
    import dataclasses

    if getattr(dataclasses, "exec", None) is _exec or not callable(getattr(dataclasses, "_create_fn", None)):
        return  # already installed, or a dataclasses module that does not work this way
    path = _path()
    if path is None:
        return
    try:
        kept = marshal.loads(path.read_bytes())
        _kept.update((source, code) for source, code in kept.items()
                     if isinstance(source, str) and isinstance(code, CodeType))
    except Exception:  # absent, unreadable, corrupt or from another build: compile as usual
        pass
    dataclasses.exec = _exec  # the module's own name for the builtin, used only to define the methods
    atexit.register(_save)


def _path():
    folder = subfolder("dataclass-code")
    if folder is None:
        return None
    build = sha1(f"{sys.version}|{sys.implementation.cache_tag}".encode()).hexdigest()[:16]
    return folder / f"{build}.marshal"


def _exec(source, *args, **kwargs):
    """exec() for dataclasses: the same source gives the same code, compiled once per Python build."""
    if not isinstance(source, str):
        return builtins.exec(source, *args, **kwargs)
    code = _kept.get(source) or _new.get(source)
    if code is None:
        # dont_inherit: compiled as dataclasses compiles it, without this module's `from __future__` flags
        code = _new[source] = compile(source, "<string>", "exec", dont_inherit=True)
    _used.add(source)
    return builtins.exec(code, *args, **kwargs)


def _save() -> None:
    """Write the kept functions and any new ones, if there are new ones."""
    if not _new:
        return
    path = _path()
    if path is None:
        return
    everything = _kept | _new
    if len(everything) > KEEP:
        everything = {source: code for source, code in everything.items() if source in _used}
    try:
        write_file(path, marshal.dumps(everything))
    except ValueError:
        pass
    _kept.update(_new)
    _new.clear()
