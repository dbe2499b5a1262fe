"""Locate the bundled templates and assets, installed or editable, through importlib.resources."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from platformdirs import user_data_dir

from .errors import BriefgenError


def builtin_templates_dir() -> Path:
    """The folder of built-in Jinja templates."""
    return Path(str(files("briefgen.templates")))


def assets_dir() -> Path:
    """The folder of house style, fonts and content data."""
    return Path(str(files("briefgen.assets")))


def user_templates_dir() -> Path:
    """The user's own template folder (it may not exist yet)."""
    return Path(user_data_dir("briefgen", appauthor=False)) / "templates"


@lru_cache(maxsize=32)
def read_asset_toml(relative: str) -> dict:
    """Parse a bundled TOML file under assets/ (cached: assets do not change at run time)."""
    return read_toml(assets_dir() / relative)


def read_toml(path: Path) -> dict:
    """Parse a TOML file, turning a parse failure into a one-line error that names the file."""
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise BriefgenError(f"{path}: not valid TOML ({exc}); fix the file or remove it") from None
    except OSError as exc:
        raise BriefgenError(f"{path}: cannot read it ({exc.strerror})") from None
