"""A second process that loads a writer while this one builds the brief, then lays the brief out: two cores for one render.

A `briefgen render` process spends about a third of its time importing and preparing the writer
(reportlab, its fonts and styles) and another third importing Jinja and markdown-it and building
the document tree; neither needs the other until the tree is done. So the command forks at
start: the child imports the writer, learns the brief's language and loads its fonts, then waits
for the tree (pickled over a pipe), lays it out in memory and sends the file's bytes back. The
parent writes the file, so every rule about output paths, temporary files and signals stays in
one process; the child never touches a file. If the child fails in any way (an error in the
writer, a crash, a kill), the parent writes the brief itself, which gives the usual result or the
usual one-line error. Used only where fork is cheap and safe: Linux, two or more cores, one thread.
"""

from __future__ import annotations

import os
import pickle
import signal
import struct
import sys
import threading

_SIZE = struct.Struct("<Q")


class WriterProcess:
    """The parent's end: send the language, then the tree; receive the file's bytes (or None to write it here)."""

    def __init__(self, pid: int, to_child: int, from_child: int) -> None:
        self.pid, self._to_child, self._from_child = pid, to_child, from_child
        self._answered = False

    @classmethod
    def start(cls, fmt: str) -> WriterProcess | None:
        """Fork a child that imports the writer for `fmt`; None where that would not help or cannot be done."""
        if not _worth_forking():
            return None
        try:
            down_read, down_write = os.pipe()
            up_read, up_write = os.pipe()
        except OSError:
            return None
        try:
            pid = os.fork()
        except OSError:
            for fd in (down_read, down_write, up_read, up_write):
                os.close(fd)
            return None
        if pid == 0:  # the child: it never returns from here
            os.close(down_write)
            os.close(up_read)
            _serve(fmt, down_read, up_write)
        os.close(down_read)
        os.close(up_write)
        return cls(pid, down_write, up_read)

    def language(self, language: str) -> None:
        """Tell the child the brief's language, so it loads that language's fonts while the tree is built."""
        self._send(language.encode("utf-8"))

    def write(self, document) -> bytes | None:
        """The file's bytes for `document` as the child laid it out, or None if the child could not.

        The child is collected by close(), after the file is written: its last step overlaps this one's.
        """
        reply = None
        try:
            if self._send(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL)):
                os.close(self._to_child)
                self._to_child = -1
                reply = _receive(self._from_child)
        except Exception:  # a tree that does not pickle, a broken pipe: write it here
            pass
        if not reply or reply[:1] != b"1":
            self.close()
            return None
        self._answered = True
        self._close_pipes()
        return reply[1:]

    def close(self) -> None:
        """Collect the child: one that has answered may finish keeping its cache; any other is ended now."""
        self._close_pipes()
        if self.pid:
            try:
                if not self._answered and os.waitpid(self.pid, os.WNOHANG) == (0, 0):
                    os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ChildProcessError, ProcessLookupError, OSError):
                pass
            self.pid = 0

    def _close_pipes(self) -> None:
        for fd in (self._to_child, self._from_child):
            if fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self._to_child = self._from_child = -1

    def _send(self, data: bytes) -> bool:
        return _send(self._to_child, data)


def _worth_forking() -> bool:
    """Fork only on Linux with two or more cores, from a process with one thread and no app."""
    return (sys.platform.startswith("linux") and hasattr(os, "fork") and (os.cpu_count() or 1) > 1
            and threading.active_count() == 1 and "briefgen.gui" not in sys.modules)


def _serve(fmt: str, from_parent: int, to_parent: int) -> None:
    """The child: import the writer, prepare the language, lay out the tree, send the bytes; then end."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends both; the parent reports it
    reply = b"0"
    try:
        from .writers import prepare, writer_for

        write = writer_for(fmt)
        language = _receive(from_parent)
        if language is not None:
            prepare(fmt, language.decode("utf-8"))
            data = _receive(from_parent)
            if data is not None:
                import io

                stream = io.BytesIO()
                write(pickle.loads(data), stream)
                reply = b"1" + stream.getvalue()
    except BaseException:  # the parent writes the brief itself and reports any error as usual
        reply = b"0"
    try:
        if _send(to_parent, reply):
            os.close(to_parent)
            from .startcache import save

            save()  # the patterns and methods the writer's imports made, kept for the next process
    except BaseException:
        pass
    os._exit(0)


def _send(fd: int, data: bytes) -> bool:
    """Write one length-prefixed message to `fd`; False if the other end has gone."""
    try:
        os.write(fd, _SIZE.pack(len(data)))
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        return True
    except OSError:
        return False


def _receive(fd: int) -> bytes | None:
    """One length-prefixed message from `fd`, or None at the end of the pipe."""
    head = _read_exactly(fd, _SIZE.size)
    if head is None:
        return None
    return _read_exactly(fd, _SIZE.unpack(head)[0])


def _read_exactly(fd: int, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
