"""Locate the bundled templates and assets, installed or editable, through the import system's own record of them."""

from __future__ import annotations

import os
import stat
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from platformdirs import user_data_dir

from .errors import BriefgenError
from .textsafe import clean_line

MAX_TOML_BYTES = 4 * 1024 * 1024  # brief and audience files are a few kilobytes


def builtin_templates_dir() -> Path:
    """The folder of built-in Jinja templates."""
    return _checkout_folder("templates") or _package_folder("briefgen.templates")


def assets_dir() -> Path:
    """The folder of house style, fonts and content data."""
    return _checkout_folder("assets") or _package_folder("briefgen.assets")


@lru_cache(maxsize=2)
def _package_folder(package: str) -> Path:
    """The folder a data package was installed in (or that an editable install maps it to).

    The import system's spec names it; importlib.resources.files() would name the same folder but
    imports zipfile and its readers (a few milliseconds of every process) for packages that are plain folders.
    """
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise BriefgenError(f"briefgen's {package.rpartition('.')[2]} folder is missing; reinstall briefgen")
    return Path(next(iter(spec.submodule_search_locations)))


@lru_cache(maxsize=2)
def _checkout_folder(name: str) -> Path | None:
    """`name` beside this package in a source checkout (run through PYTHONPATH), else None.

    Without this, code from one checkout would read the templates of another one that is
    installed in editable mode, since `briefgen.templates` is mapped to a folder outside the package.
    """
    root = Path(__file__).resolve().parent.parent
    folder = root / name
    return folder if (root / "pyproject.toml").is_file() and (folder / "__init__.py").is_file() else None


def user_templates_dir() -> Path:
    """The user's own template folder (it may not exist yet); one-line error if HOME cannot be used."""
    advice = "set HOME (or XDG_DATA_HOME) to a folder you can read, or give --templates DIR"
    try:
        folder = Path(user_data_dir("briefgen", appauthor=False)) / "templates"
    except Exception as exc:  # platformdirs reads the environment and the password database
        raise BriefgenError(f"cannot find your user data folder ({exc}); {advice}") from None
    if not folder.is_absolute():
        raise BriefgenError(f"cannot find your home folder (got '{folder}'); {advice}")
    try:
        folder.stat()
    except (FileNotFoundError, NotADirectoryError):
        pass  # no user templates: fine
    except OSError as exc:
        raise BriefgenError(f"cannot read your template folder '{folder}' ({exc.strerror}); {advice}") from None
    return folder


@lru_cache(maxsize=32)
def read_asset_toml(relative: str) -> dict:
    """Parse a bundled TOML file under assets/ (cached in memory, and across processes until the file changes)."""
    from .cache import cached_by_file

    path = assets_dir() / relative
    return cached_by_file("toml", path, lambda: read_toml(path))


def read_toml(path: Path, links: bool = True) -> dict:
    """Parse a UTF-8 TOML file (a byte-order mark is allowed); any problem is a one-line error naming the file.

    With `links=False` (files in a template folder) a symbolic link is refused rather than followed.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)  # a FIFO must not block
    if not links and os.path.islink(path):
        raise BriefgenError(f"{path}: is a symbolic link; briefgen reads only regular files inside the template "
                            "folder; replace it with a copy of the file")
    flags |= 0 if links else getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags)
        try:
            info = os.fstat(handle)
            if not stat.S_ISREG(info.st_mode):
                raise BriefgenError(f"{path}: not a regular file; give the path of a .toml file")
            if info.st_size > MAX_TOML_BYTES:
                raise BriefgenError(f"{path}: {info.st_size:,} bytes is too large for a brief or settings file "
                                    f"(at most {MAX_TOML_BYTES:,}); check that it is the right file")
            with open(handle, "rb", closefd=False) as stream:
                data = stream.read(MAX_TOML_BYTES + 1)
        finally:
            os.close(handle)
    except OSError as exc:
        raise BriefgenError(f"{path}: cannot read it ({exc.strerror or exc}); check the path and its permissions") from None
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise BriefgenError(f"{path}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                            "save it as UTF-8") from None
    import tomllib  # only when a file is parsed: built-in content usually comes from the cache

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BriefgenError(f"{path}: not valid TOML ({exc}); fix the file or remove it") from None
    except RecursionError:
        raise BriefgenError(f"{path}: not valid TOML (nested too deeply); fix the file or remove it") from None


TEMPLATE_SUFFIX = ".md.j2"


def audience_template(audience_id: str) -> str:
    """The template name for an audience: a file a user can copy and edit."""
    return f"audiences/{audience_id}{TEMPLATE_SUFFIX}"


def resolve_user_dir(templates: Path | None) -> Path | None:
    """The user template folder to search first: `templates` if given, else the default if it exists."""
    if templates is not None:
        templates = Path(templates)
        if templates.exists() and not templates.is_dir():
            raise BriefgenError(f"'{clean_line(str(templates))}' is not a folder; give --templates the folder "
                                "that holds your templates")
        if not templates.is_dir():
            raise BriefgenError(f"templates folder '{clean_line(str(templates))}' does not exist; create it or omit --templates")
        return templates.resolve()
    default = user_templates_dir()
    return default if default.is_dir() else None
