"""Run untrusted work (a user template's render) in a child process with an address-space cap and a wall-clock limit."""

from __future__ import annotations

import gc
import math
import os
import pickle
import signal
import threading
from typing import Any, Callable

from .errors import BriefgenError, TemplateProblem
from . import limits
from .limits import Limits

GRACE_SECONDS = 1.0  # the render's own clock stops it at its limit with a line number; this clock is the backstop
_inside = False  # set in a confined child, where renders run in-process under the limits
WORKER_MODULES = ["briefgen.build", "briefgen.exporting", "briefgen.writers.docx", "briefgen.writers.pdf"]


def process_context(preload: bool = True):
    """How to start child processes: fork with no other threads (the command line), else a fork server (the app).

    A fork server is one single-threaded process that forks children on request, so the app's threads are never
    copied into a child; it imports briefgen once, so each child starts ready to work.
    """
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        if preload:
            context.set_forkserver_preload(WORKER_MODULES)
        return context
    return multiprocessing.get_context("spawn")


def inside() -> bool:
    """True in a confined child: user templates render here directly, already under the OS limits."""
    return _inside


def run(function: Callable[..., Any], args: tuple, rules: Limits, template: str, renders: int = 1) -> Any:
    """`function(*args)` in a child under `rules.memory_bytes` of address space and wall time for `renders` renders.

    A TemplateProblem raised in the child is raised here; running out of memory or time, or a child that dies,
    becomes a TemplateProblem naming `template`. This process never holds what the child allocated.
    """
    from multiprocessing.connection import Pipe

    context = process_context()
    reader, writer = Pipe(duplex=False)
    if context.get_start_method() == "fork":
        child: _Forked | _Started = _Forked(lambda: _child(writer, function, args, rules, renders))
    else:
        child = _Started(context.Process(target=_child, args=(writer, function, args, rules, renders, dict(os.environ)),
                                         daemon=True))
    writer.close()
    payload = None
    try:
        if reader.poll(rules.seconds * renders + GRACE_SECONDS):
            try:
                payload = reader.recv_bytes()
            except EOFError:
                payload = None  # the child died before it could answer
        else:
            child.kill()
            raise TemplateProblem(template, None, f"stopped: the template {rules.time_message()}")
    finally:
        reader.close()
        if payload is None:
            child.kill()
        status = child.wait()
    if payload is None:
        raise TemplateProblem(template, None, _death(status, rules))
    outcome = pickle.loads(payload)
    if outcome[0] == "problem":
        raise TemplateProblem(*outcome[1:])
    if outcome[0] == "error":
        raise BriefgenError(outcome[1])
    if outcome[0] == "stopped":
        raise TemplateProblem(template, None, outcome[1])
    return outcome[1]


def _child(writer, function: Callable[..., Any], args: tuple, rules: Limits, renders: int,
           environ: dict[str, str] | None = None) -> None:
    """In the child: cap memory and CPU, run, and send back ("ok", result), ("problem", file, line, message)
    or ("error", message) and ("stopped", message) for the parent to raise."""
    gc.disable()  # a collection would touch, and so copy, every page shared with the parent; the child is short-lived
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent, which then ends this child
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    global _inside
    _inside = True
    adopt_environment(environ)
    limits.DEFAULT_LIMITS = rules  # this process is the render's alone
    _cap(rules, renders)
    try:
        outcome: tuple = ("ok", function(*args))
    except TemplateProblem as problem:
        outcome = ("problem", problem.template, problem.line, problem.message)
    except BriefgenError as exc:
        outcome = ("error", str(exc))
    except MemoryError:
        outcome = ("stopped", f"stopped: the template {rules.memory_message()}")
    except BaseException as exc:  # noqa: BLE001 - reported as one line by the parent
        outcome = ("stopped", f"the render failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
    writer.send_bytes(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    writer.close()


def adopt_environment(environ: dict[str, str] | None) -> None:
    """In a fork server's child: take the asking process's environment (the server keeps the one it started with)."""
    if environ is not None and environ != os.environ:
        os.environ.clear()
        os.environ.update(environ)


def _cap(rules: Limits, renders: int) -> None:
    """Limit this process's address space to what it has now plus `rules.memory_bytes`, and its CPU time."""
    import resource

    try:
        with open("/proc/self/statm", "rb") as statm:
            size = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        size = None  # no /proc (macOS): the template's own accounting is the only memory limit
    if size is not None:
        cap = size + rules.memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    seconds = math.ceil(rules.seconds * renders + GRACE_SECONDS) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))


def _death(status: int, rules: Limits) -> str:
    """The one-line reason for a child that ended without an answer (status as from waitpid, or -signal)."""
    if status in (-signal.SIGKILL, -signal.SIGSEGV, 1):
        return f"stopped: the template {rules.memory_message()}"
    if status == -signal.SIGXCPU:
        return f"stopped: the template {rules.time_message()}"
    return f"stopped: the template's render ended unexpectedly (status {status}); check the template"


class _Forked:
    """A child made with os.fork (works inside a batch worker, where multiprocessing may not start children)."""

    def __init__(self, work: Callable[[], None]) -> None:
        self.pid = os.fork()
        if self.pid == 0:
            code = 1
            try:
                work()
                code = 0
            finally:
                os._exit(code)
        self._status: int | None = None

    def kill(self) -> None:
        if self._status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def wait(self) -> int:
        if self._status is None:
            _, status = os.waitpid(self.pid, 0)
            self._status = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        return self._status


class _Started:
    """A child started by a fork server (or spawned), with the same kill() and wait() as _Forked."""

    def __init__(self, process) -> None:
        self.process = process
        process.start()

    def kill(self) -> None:
        if self.process.exitcode is None:
            self.process.kill()

    def wait(self) -> int:
        self.process.join()
        return self.process.exitcode
