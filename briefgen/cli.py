"""The briefgen command line: list themes and audiences, render briefs, manage templates and facts."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .errors import BriefgenError
from .textsafe import clean_line

EXIT_PROBLEM = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose mistakes are one-line BriefgenErrors, not usage dumps."""

    def error(self, message: str):  # type: ignore[override]
        raise BriefgenError(f"{message} (see '{self.prog} --help')")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="briefgen", description="Sourced policy briefs on Hong Kong–mainland China crypto collaboration.")
    parser.add_argument("--version", action="version", version=f"briefgen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, metavar="COMMAND")

    for name, what in (("themes", "theme"), ("audiences", "audience")):
        listing = commands.add_parser(name, help=f"list {what} ids and titles, one per line")
        listing.add_argument("--templates", type=Path, metavar="DIR", help="user template folder to include")

    render = commands.add_parser("render", help="write a brief as DOCX or PDF")
    render.add_argument("--spec", type=Path, metavar="FILE.brief.toml", help="take the choices from a brief file")
    render.add_argument("--audience", metavar="ID")
    chosen = render.add_mutually_exclusive_group()
    chosen.add_argument("--theme", action="append", dest="themes", metavar="ID", help="repeat for several themes")
    chosen.add_argument("--all-themes", action="store_true")
    render.add_argument("--length", choices=None, metavar="one-page|standard|extended")
    render.add_argument("--lang", metavar="en|zh-Hant-HK|zh-Hans-CN", help="zh-HK and zh-CN are accepted too")
    render.add_argument("--title", metavar="T")
    render.add_argument("--author", metavar="A")
    render.add_argument("--organisation", metavar="O")
    render.add_argument("--date", metavar="YYYY-MM-DD")
    render.add_argument("--templates", type=Path, metavar="DIR", help="user template folder (searched first)")
    render.add_argument("--format", metavar="docx|pdf")
    render.add_argument("-o", "--output", type=Path, metavar="PATH")

    batch = commands.add_parser("batch", help="write a brief for several audiences, lengths and formats at once")
    batch.add_argument("--spec", type=Path, metavar="FILE.brief.toml", help="take the other choices from a brief file")
    batch.add_argument("--audience", action="append", dest="audiences", metavar="ID",
                       help="repeat for several; default: every audience")
    batch.add_argument("--length", action="append", dest="lengths", metavar="one-page|standard|extended",
                       help="repeat for several; default: all three")
    batch.add_argument("--format", action="append", dest="formats", metavar="docx|pdf",
                       help="repeat for both; default: both")
    chosen = batch.add_mutually_exclusive_group()
    chosen.add_argument("--theme", action="append", dest="themes", metavar="ID", help="default: every theme")
    chosen.add_argument("--all-themes", action="store_true")
    for name in ("lang", "title", "author", "organisation"):
        batch.add_argument(f"--{name}", metavar=name[0].upper())
    batch.add_argument("--date", metavar="YYYY-MM-DD")
    batch.add_argument("--templates", type=Path, metavar="DIR", help="user template folder (searched first)")
    batch.add_argument("--jobs", type=int, metavar="N", help="processes to use (default: one per core)")
    batch.add_argument("-o", "--output", type=Path, metavar="FOLDER", required=True,
                       help="folder for the files, named AUDIENCE-LENGTH.FORMAT")

    templates = commands.add_parser("templates", help="find and check user templates")
    actions = templates.add_subparsers(dest="action", required=True, parser_class=_Parser, metavar="ACTION")
    actions.add_parser("path", help="print the user template folder")
    check = actions.add_parser("check", help="check templates: FILE:LINE: message per problem")
    check.add_argument("folder", nargs="?", type=Path, metavar="DIR")

    facts = commands.add_parser("facts", help="list and check the fact register")
    fact_actions = facts.add_subparsers(dest="action", required=True, parser_class=_Parser, metavar="ACTION")
    listing = fact_actions.add_parser("list", help="one line per fact: id, date, status, statement")
    listing.add_argument("--theme", metavar="ID", help="only the facts this theme rests on")
    listing.add_argument("--templates", type=Path, metavar="DIR", help="user folder whose facts.toml to include")
    check = fact_actions.add_parser("check", help="check facts and sources: FILE:LINE: message per problem")
    check.add_argument("folder", nargs="?", type=Path, metavar="DIR")

    commands.add_parser("gui", help="open the desktop app")
    return parser


def _listing(kind: str, templates: Path | None) -> int:
    from .build import resolve_user_dir
    from .catalogue import load_catalogue

    catalogue = load_catalogue(resolve_user_dir(templates))
    entries = catalogue.themes if kind == "themes" else catalogue.audiences
    for entry in entries.values():
        _say(f"{clean_line(entry.id)}\t{clean_line(entry.title)}")  # a user's titles may hold escape codes
    return 0


def _request_from(args: argparse.Namespace, default_audience: str | None = None):
    from .catalogue import load_catalogue
    from .build import resolve_user_dir
    from .request import BriefRequest, parse_date

    base = BriefRequest.load(args.spec) if args.spec else None
    changes: dict[str, object] = {}
    if args.all_themes:
        changes["themes"] = tuple(load_catalogue(resolve_user_dir(args.templates)).themes)
    elif args.themes:
        changes["themes"] = tuple(args.themes)
    for name in ("audience", "length", "lang", "title", "author", "organisation"):
        if getattr(args, name, None) is not None:
            changes[name] = getattr(args, name)
    if args.date is not None:
        changes["date"] = parse_date(args.date)
    if base is not None:
        return base.with_changes(**changes) if changes else base
    if "audience" not in changes and default_audience:
        changes["audience"] = default_audience
    if "audience" not in changes:
        raise BriefgenError("no audience chosen; give --audience ID (see 'briefgen audiences')")
    if "themes" not in changes:
        raise BriefgenError("no theme chosen; give at least one --theme ID, or --all-themes")
    return BriefRequest(**changes)  # type: ignore[arg-type]


def _render(args: argparse.Namespace) -> int:
    from .writer_process import WriterProcess

    # the writer loads in a second process while this one imports what builds the brief (a guess at the
    # format is enough: a wrong one only leaves the writing to this process)
    guess = (args.format or (args.output.suffix.lstrip(".") if args.output else "pdf")).lower()
    writer = WriterProcess.start(guess) if guess == "pdf" else None
    try:
        from .exporting import export
        from .request import BRIEF_SUFFIX

        request = _request_from(args)
        output = args.output
        if output is None:
            if not args.spec:
                raise BriefgenError("no output path; give -o PATH ending in .docx or .pdf")
            stem = args.spec.name.removesuffix(BRIEF_SUFFIX).removesuffix(".toml")
            output = args.spec.with_name(f"{stem}.{(args.format or 'pdf').lower()}")
        if writer is not None and (args.format or output.suffix.lstrip(".")).lower() != guess:
            writer.close()
            writer = None
        _say(export(request, output, format=args.format, templates=args.templates, writer=writer))
        _warn_if_stale(request, args.templates)
    finally:
        if writer is not None:
            writer.close()
    return 0


def _batch(args: argparse.Namespace) -> int:
    from . import batch
    from .build import resolve_user_dir
    from .catalogue import load_catalogue
    from .exporting import format_for
    from .request import LENGTHS

    catalogue = load_catalogue(resolve_user_dir(args.templates))
    if not args.themes and not (args.spec and not args.all_themes):
        args.all_themes = True  # a batch without --theme covers every theme
    args.audience = args.length = None
    request = _request_from(args, default_audience=next(iter(catalogue.audiences)))
    audiences = args.audiences or list(catalogue.audiences)
    for audience in audiences:
        catalogue.audience(audience)
    lengths = args.lengths or list(LENGTHS)
    for length in lengths:
        request.with_changes(length=length)  # one line for an unknown length
    formats = [format_for(args.output, fmt) for fmt in (args.formats or ["docx", "pdf"])]
    request.check_ids(catalogue)
    jobs = batch.plan(request, audiences, lengths, formats, args.output)
    if args.jobs is not None and args.jobs < 1:
        raise BriefgenError(f"--jobs must be at least 1 (got {args.jobs})")
    done = [0]

    def progress(count: int, total: int) -> None:
        done[0] = count
        if sys.stderr.isatty():
            _progress_bar(count, total)

    try:
        written = batch.run(jobs, args.jobs, args.templates, progress)
    except KeyboardInterrupt:
        total = sum(len(job.outputs) for job in jobs)
        print(f"\nbriefgen: interrupted after {done[0]} of {total} files; each file written is complete",
              file=sys.stderr)
        done[0] = 0  # the message above ended the progress line
        return 130
    finally:
        if done[0] and sys.stderr.isatty():
            print(file=sys.stderr)
    _say(f"{len(written)} files written to {args.output}")
    _warn_if_stale(request, args.templates)
    return 0


def _progress_bar(done: int, total: int) -> None:
    """A one-line progress bar on a terminal's stderr, redrawn in place."""
    filled = round(30 * done / total)
    print(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total}", end="", file=sys.stderr, flush=True)


def _warn_if_stale(request, templates: Path | None) -> None:
    """One-line warnings on stderr: the brief is dated long after its facts; the user's own entries are in English."""
    from .build import resolve_user_dir
    from .catalogue import load_catalogue
    from .facts import staleness
    from .locales import untranslated_warning

    user_dir = resolve_user_dir(templates)
    catalogue = load_catalogue(user_dir, request.lang)
    for warning in (staleness(request.date, catalogue.facts_date(request.themes)),
                    untranslated_warning(catalogue, user_dir)):
        if warning:
            print(f"briefgen: warning: {warning}", file=sys.stderr)


def _facts(args: argparse.Namespace) -> int:
    from .factcheck import check_facts, fact_lines

    if args.action == "list":
        for line in fact_lines(args.templates, args.theme):
            _say(line)
        return 0
    problems = check_facts(args.folder)
    for problem in problems:
        _say(problem)
    return EXIT_PROBLEM if problems else 0


def _templates(args: argparse.Namespace) -> int:
    from .resources import user_templates_dir

    if args.action == "path":
        _say(user_templates_dir())
        return 0
    from .check import check_templates

    problems = check_templates(args.folder)
    for problem in problems:
        _say(problem)
    return EXIT_PROBLEM if problems else 0


def _gui() -> int:
    import gc

    gc.enable()  # a long-running process (the command turns the collector off)
    try:
        from .gui.app import main as gui_main
    except ImportError as exc:
        raise BriefgenError(f"the desktop app is not available ({exc}); install briefgen with its GUI dependencies") from None
    return gui_main()


def main(argv: list[str] | None = None) -> int:
    """Run one command; user mistakes print one line on stderr and return a non-zero status."""
    try:
        args = _parser().parse_args(argv)
        status = _run(args)
        _flush()
        return status
    except BriefgenError as exc:
        print(f"briefgen: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        print("briefgen: interrupted; no file was changed", file=sys.stderr)
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PROBLEM
    except _OutputFailed as exc:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the exit flush cannot fail again
        print(f"briefgen: {exc}", file=sys.stderr)
        return EXIT_PROBLEM


def _run(args: argparse.Namespace) -> int:
    if args.command in ("themes", "audiences"):
        return _listing(args.command, args.templates)
    if args.command == "render":
        return _render(args)
    if args.command == "batch":
        return _batch(args)
    if args.command == "templates":
        return _templates(args)
    if args.command == "facts":
        return _facts(args)
    return _gui()


class _OutputFailed(Exception):
    """Standard output could not be written (a full disk or device, a closed descriptor)."""


def _say(text: object = "") -> None:
    """Print one line on standard output; a failure to write it is one line on stderr, not a traceback."""
    try:
        print(text)
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        raise _OutputFailed(f"cannot write to standard output ({getattr(exc, 'strerror', None) or exc}); "
                            "redirect it to a file or device with space") from None


def _flush() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        raise _OutputFailed(f"cannot write to standard output ({getattr(exc, 'strerror', None) or exc}); "
                            "redirect it to a file or device with space") from None


def command() -> None:
    """The `briefgen` command (and `python -m briefgen`): main(), then the process ends.

    A command is short and makes little cyclic garbage (a 90-page PDF leaves under 1 MB), so the
    cycle collector, which would spend 5-10% of a render looking at the modules just imported, is
    off; the desktop app turns it back on.
    """
    import gc

    from .startcache import install

    gc.disable()
    install()
    exit_quickly(main())


def exit_quickly(status: int) -> None:
    """End the process with `status` without the interpreter's teardown, which only frees memory.

    Freeing every module and object at exit takes 10-20 ms, a tenth of a render. Output is
    flushed and exit handlers run first; the desktop app, other threads, a profiler or tracer
    (cProfile writes its file at the end) or a failed flush take the usual way out.
    """
    import atexit
    import threading

    run_handlers = getattr(atexit, "_run_exitfuncs", None)
    if (run_handlers is None or "briefgen.gui" in sys.modules or threading.active_count() > 1
            or sys.getprofile() is not None or sys.gettrace() is not None):
        sys.exit(status)
    try:
        run_handlers()
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        sys.exit(status)  # let the interpreter report it as it would have
    os._exit(status)


if __name__ == "__main__":  # pragma: no cover
    command()
