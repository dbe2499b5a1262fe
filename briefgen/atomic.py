"""Write files atomically: a complete new file replaces the old one, or nothing changes."""

from __future__ import annotations

import errno
import io
import os
import re
import secrets
import signal
import stat
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

from .errors import BriefgenError

TEMP_MARK = "briefgen-"
TEMP_SUFFIX = ".part"
# `.NAME.briefgen-PID-TOKEN.part`: NAME may be shortened, PID is the writing process.
_TEMP_NAME = re.compile(rb"^\..*\.briefgen-(\d+)-[0-9a-f]{8}\.part$", re.DOTALL)
STALE_SECONDS = 60
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISSOCK, "a socket"))


def check_writable_folder(path: Path) -> None:
    """Fail with a one-line error unless `path` can be written: a writable folder, and no non-file there."""
    folder = path.parent
    if not folder.is_dir():
        raise BriefgenError(f"output folder '{folder}' does not exist; create it or choose another -o path")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BriefgenError(f"output folder '{folder}' is not writable; choose another -o path")
    check_target(path)


def check_target(path: Path) -> None:
    """Fail with a one-line error unless `path` is absent or a regular file that may be replaced."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise BriefgenError(f"cannot use '{path}' as output ({exc.strerror}); choose another -o path") from None
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        raise BriefgenError(f"'{path}' is a symbolic link; briefgen does not replace links, "
                            f"so give the file it points to ({os.path.realpath(path)}) or another -o path")
    if stat.S_ISDIR(mode):
        raise BriefgenError(f"'{path}' is a folder; give a file name such as {path / 'brief.pdf'}")
    for test, kind in _KINDS:
        if test(mode):
            raise BriefgenError(f"'{path}' is {kind}, not a regular file; briefgen only replaces files, "
                                "so choose another -o path")
    if not stat.S_ISREG(mode):
        raise BriefgenError(f"'{path}' is not a regular file; choose another -o path")
    if not mode & 0o222 or not os.access(path, os.W_OK):  # root passes os.access, so look at the bits too
        raise BriefgenError(f"'{path}' is read-only; make it writable (chmod u+w) or choose another -o path")


def write_atomically(path: Path, produce: Callable[[BinaryIO], None]) -> Path:
    """Let `produce` write into memory, then put the bytes in a temporary file beside `path` and move it there."""
    path = Path(path)
    check_writable_folder(path)
    buffer = io.BytesIO()
    try:
        produce(buffer)
    except OSError as exc:
        raise BriefgenError(f"cannot write '{path}' ({exc.strerror or exc}); {_advice(exc)}") from None
    return write_bytes(path, buffer.getbuffer())


def write_bytes(path: Path, data: bytes | memoryview) -> Path:
    """Write `data` to a temporary file beside `path`, fsync it, and rename it over `path`."""
    path = Path(path)
    check_writable_folder(path)
    clean_stray_parts(path.parent)
    mode = _mode_for(path)
    temporary: Path | None = None
    try:
        with _removing_on_signals():
            try:
                for _attempt in range(100):
                    temporary = temporary_name(path)
                    try:
                        handle = os.open(temporary, _FLAGS, 0o666)
                        break
                    except FileExistsError:  # another writer's file: leave it alone
                        temporary = None
                else:
                    raise OSError(errno.EEXIST, "no free temporary file name")
                _fill(handle, data)
                if mode is not None:
                    os.chmod(temporary, mode)
                check_target(path)  # the target may have changed while we wrote
                os.replace(temporary, path)
            except BaseException:
                if temporary is not None:
                    _unlink_quietly(temporary)
                raise
    except OSError as exc:
        raise BriefgenError(f"cannot write '{path}' ({exc.strerror or exc}); {_advice(exc)}") from None
    _sync_folder(path.parent)
    return path


def temporary_name(path: Path) -> Path:
    """`.NAME.briefgen-PID-TOKEN.part` beside `path`, with NAME shortened to fit the file system's limit."""
    tail = f"{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}".encode()
    name = os.fsencode(path.name)
    room = _name_max(path.parent) - len(tail) - 2  # the leading and separating dots
    cut = name[:max(room, 0)]
    while cut and len(cut) < len(name) and name[len(cut)] & 0xC0 == 0x80:  # never split a UTF-8 character
        cut = cut[:-1]
    return path.parent / os.fsdecode(b"." + cut + b"." + tail)


def clean_stray_parts(folder: Path, older_than: float = STALE_SECONDS) -> list[Path]:
    """Remove temporary files left in `folder` by killed writers (older than a minute, process gone)."""
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(os.fsencode(folder)))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if not match:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < older_than or _alive(int(match[1])):
                continue
            os.unlink(entry.path)
            removed.append(Path(os.fsdecode(entry.path)))
        except OSError:
            continue
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name != "posix":  # Windows' os.kill(pid, 0) would interrupt that process
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return pid > 0
    return True


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # no pathconf on Windows
        return 255


def _mode_for(path: Path) -> int | None:
    """The permission bits to keep: those of the file being replaced, or None for the umask's default."""
    try:
        return stat.S_IMODE(os.lstat(path).st_mode)
    except OSError:
        return None


def _fill(handle: int, data: bytes | memoryview) -> None:
    """Write all of `data` to the open file, flush it to disk, and close it."""
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view):]
        os.fsync(handle)
    finally:
        os.close(handle)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable; some file systems cannot open folders, which is harmless."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _unlink_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _advice(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return "free some space or choose another -o path"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "you may not write there; choose another -o path"
    return "choose another -o path"


class _Terminated(BaseException):
    """SIGTERM arrived while a temporary file existed; raised so that it is removed first."""


@contextmanager
def _removing_on_signals() -> Iterator[None]:
    """While writing in the main thread, turn SIGINT and SIGTERM into exceptions so the temporary file goes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise (KeyboardInterrupt if signum == signal.SIGINT else _Terminated)

    previous = {}
    for number, default in ((signal.SIGINT, signal.default_int_handler), (signal.SIGTERM, signal.SIG_DFL)):
        if signal.getsignal(number) is default:  # leave handlers that someone else installed alone
            previous[number] = signal.signal(number, stop)
    try:
        yield
    except _Terminated:
        for number, handler in previous.items():
            signal.signal(number, handler)
        previous = {}
        signal.raise_signal(signal.SIGTERM)  # end the way SIGTERM would have, now that nothing is left behind
        raise
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
