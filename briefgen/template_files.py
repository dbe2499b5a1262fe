"""Template loading confined to its folder: no symbolic links, only regular UTF-8 files, never a hang."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Callable, Iterator

from jinja2 import BaseLoader, TemplateNotFound
from jinja2.loaders import split_template_path

from .errors import TemplateProblem
from .textsafe import clean_line

BUILTIN_PREFIX = "builtin:"  # `{% extends "builtin:NAME" %}` names the built-in file, skipping the user's
MAX_TEMPLATE_BYTES = 1024 * 1024  # a template is a few kilobytes
_NO_LINKS = "briefgen reads only regular files inside the template folder; replace it with a copy of the file"


def _refuse(path: str, what: str) -> TemplateProblem:
    return TemplateProblem(clean_line(path), None, what)


def _kind(mode: int) -> str:
    """A short name for what a non-regular directory entry is."""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_template(folder: Path, pieces: list[str]) -> tuple[str, float] | None:
    """The text and mtime of folder/pieces, or None if absent; anything unsafe is a TemplateProblem."""
    if not pieces:
        return None
    current = str(folder)
    for index, piece in enumerate(pieces):
        current = os.path.join(current, piece)
        try:
            info = os.lstat(current)
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as exc:
            raise _refuse(current, f"cannot read it ({exc.strerror}); check its permissions") from None
        last = index == len(pieces) - 1
        if stat.S_ISLNK(info.st_mode):
            raise _refuse(current, f"is a symbolic link; {_NO_LINKS}")
        if not last and not stat.S_ISDIR(info.st_mode):
            return None
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(current, f"is {_kind(info.st_mode)}, not a template file; remove it or rename it")
    real = os.path.realpath(current)
    if os.path.commonpath([real, os.path.realpath(folder)]) != os.path.realpath(folder):
        raise _refuse(current, f"resolves outside the template folder; {_NO_LINKS}")
    return _read_regular(current, info), info.st_mtime


def _read_regular(path: str, expected: os.stat_result) -> str:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags)
    except OSError as exc:
        raise _refuse(path, f"cannot read it ({exc.strerror}); check that it is a regular file you can read") from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or (info.st_dev, info.st_ino) != (expected.st_dev, expected.st_ino):
            raise _refuse(path, "changed while being read; try again")
        if info.st_size > MAX_TEMPLATE_BYTES:
            raise _refuse(path, f"{info.st_size:,} bytes is too large for a template (at most {MAX_TEMPLATE_BYTES:,})")
        with open(handle, "rb", closefd=False) as stream:
            data = stream.read(MAX_TEMPLATE_BYTES + 1)
    finally:
        os.close(handle)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise _refuse(path, "not UTF-8 text; save the template as UTF-8") from None


class ConfinedLoader(BaseLoader):
    """Loads templates from one folder, refusing symbolic links, special files and paths that leave it."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(os.path.realpath(folder))

    def get_source(self, environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        if template.startswith(BUILTIN_PREFIX):
            raise TemplateNotFound(template)
        found = read_template(self.folder, split_template_path(template))
        if found is None:
            raise TemplateNotFound(template)
        source, mtime = found
        filename = os.path.join(self.folder, *split_template_path(template))

        def uptodate() -> bool:
            try:
                return os.lstat(filename).st_mtime == mtime
            except OSError:
                return False

        return source, filename, uptodate


class BriefLoader(BaseLoader):
    """The user's folder first, then the built-in one; `builtin:NAME` names only the built-in file."""

    def __init__(self, user_dir: str | None, builtin_dir: str) -> None:
        self.user = ConfinedLoader(user_dir) if user_dir else None
        self.builtin = ConfinedLoader(builtin_dir)

    def get_source(self, environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        if template.startswith(BUILTIN_PREFIX):
            return self.builtin.get_source(environment, template.removeprefix(BUILTIN_PREFIX))
        if self.user is None:
            return self.builtin.get_source(environment, template)
        try:
            return self.user.get_source(environment, template)
        except TemplateNotFound:
            pass
        source, filename, uptodate = self.builtin.get_source(environment, template)
        shadow = os.path.join(self.user.folder, *split_template_path(template))
        return source, filename, lambda: uptodate() and not os.path.lexists(shadow)  # a new user file wins


def template_entries(folder: Path) -> Iterator[tuple[Path, str | None]]:
    """(path, problem or None) for every `*.j2` entry and every symbolic link under `folder`; never follows links."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(root) / name
            try:
                info = os.lstat(path)
            except OSError as exc:
                yield path, f"cannot read it ({exc.strerror}); check its permissions"
                continue
            if stat.S_ISLNK(info.st_mode):
                yield path, f"is a symbolic link; {_NO_LINKS}"
            elif name.endswith(".j2") and not stat.S_ISREG(info.st_mode):
                yield path, f"is {_kind(info.st_mode)}, not a template file; remove it or rename it"
            elif name.endswith(".j2"):
                yield path, None
        dirs.sort()
