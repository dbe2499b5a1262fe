"""Write files atomically: a complete new file replaces the old one, or nothing changes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable

from .errors import BriefgenError


def check_writable_folder(path: Path) -> None:
    """Fail with a one-line error unless `path`'s folder exists and can be written to."""
    folder = path.parent
    if not folder.is_dir():
        raise BriefgenError(f"output folder '{folder}' does not exist; create it or choose another -o path")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BriefgenError(f"output folder '{folder}' is not writable; choose another -o path")
    if path.is_dir():
        raise BriefgenError(f"'{path}' is a folder; give a file name such as {path / 'brief.pdf'}")


def write_atomically(path: Path, produce: Callable[[BinaryIO], None]) -> Path:
    """Let `produce` write into a temporary file beside `path`, then move it into place."""
    path = Path(path)
    check_writable_folder(path)
    try:
        handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".part", delete=False)
    except OSError as exc:
        raise BriefgenError(f"cannot write in '{path.parent}' ({exc.strerror}); choose another -o path") from None
    temporary = Path(handle.name)
    try:
        with handle:
            produce(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise BriefgenError(f"cannot write '{path}' ({exc.strerror}); free some space or choose another -o path") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
