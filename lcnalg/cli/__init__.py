"""The ``lcnalg`` command line.

Each subcommand lives in its own module of this package with two functions,
``register(subparsers)`` and ``run(args) -> int``; :data:`SUBCOMMANDS` lists them.  Only
the requested subcommand's module is imported, to keep start-up short.

Exit status:

* 0: the answer was printed (then any notice on stderr, e.g. that ``--jobs`` was capped);
* 2: bad input (any :class:`~lcnalg.LCNAlgError`, a malformed command line, no command,
  a request refused by a resource bound): one line on stderr;
* 70 (``EX_SOFTWARE``): a bug in lcnalg (an :class:`~lcnalg.errors.InternalError` or any
  other unexpected exception): one line on stderr naming it and asking for a bug report;
  with ``LCNALG_DEBUG=1`` in the environment the traceback is shown instead;
* 130: interrupted (Ctrl-C): one line on stderr; the worker processes of the run (``--jobs``)
  are terminated first, so none is left behind.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import re
import signal
import sys
import threading
from typing import Any, Iterator, Sequence

from lcnalg import __version__
from lcnalg.architecture import Architecture
from lcnalg.checks import short
from lcnalg.errors import InputError, InternalError, LCNAlgError

__all__ = ["main", "build_parser", "minus_values", "interruptible", "SUBCOMMANDS", "EXIT_BAD_INPUT",
           "EXIT_BUG", "EXIT_INTERRUPTED", "EXIT_TERMINATED"]

#: Exit status of bad input (one line on stderr).
EXIT_BAD_INPUT = 2
#: Exit status of a bug in lcnalg (``EX_SOFTWARE`` of sysexits.h).
EXIT_BUG = 70
#: Exit status of an interrupted run (128 + SIGINT, as a shell reports it).
EXIT_INTERRUPTED = 130

#: Exit status of a terminated run (128 + SIGTERM: ``timeout``, a batch system, ``kill``).
EXIT_TERMINATED = 143

#: Modules of :mod:`lcnalg.cli` that each define one subcommand.
SUBCOMMANDS = ("info", "equations", "contains", "inequalities", "boundary", "closed", "strata",
               "critical_locus", "critical_points", "descend", "invariants", "metric", "flow",
               "hessian_rank", "regions", "report", "equivariant", "group_conv", "verify")


def _terminal_columns() -> int:
    """Columns of the terminal, as :func:`shutil.get_terminal_size` reads them (``COLUMNS``,
    then the terminal of ``sys.__stdout__``, else 80)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
        except (AttributeError, ValueError, OSError):
            columns = 80
    return columns


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, given the terminal width so that it does not import
    :mod:`shutil` (with its compression modules) on every start."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         _terminal_columns() - 2 if width is None else width)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit status 2."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def parse_known_args(self, args: Sequence[str] | None = None, namespace: Any = None) -> Any:  # type: ignore[override]
        # each subcommand's parser sees its own arguments here: values that start with a minus
        # sign are made values before argparse reads them as options (argparse has no public
        # accessor for a parser's option strings or subparsers: its attributes, stable since 3.2)
        if args is not None and self._subparsers is None:
            args = minus_values(args, self._option_string_actions)
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse quotes the offending arguments whole; a long one is cut so the line stays short
        message = re.sub(r"\S{61,}", lambda m: short(m.group(0), 60), message.replace("\n", " "))
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser(only: str | None = None, *, subcommands: bool = True) -> argparse.ArgumentParser:
    """The parser, with every subcommand registered (or only the module ``only``,
    which spares the start-up cost of importing the others; or none with
    ``subcommands=False``, enough for ``--version`` and for no argument at all)."""
    parser = _Parser(
        prog="lcnalg",
        description=(
            "Exact computer algebra for the geometry of convolutional networks: "
            "function spaces, implicit equations, real geometry, singularities, loss landscapes."
        ),
        epilog=(
            'Architectures are strings like "3,2 s=2", "2x2,2x2", "2x3,3x2 s=1x1", '
            '"2,2,2 s=2,2 r=2" (filter sizes, strides of layers 1..L-1, activation exponent). '
            "Run 'lcnalg COMMAND --help' for each command."
        ),
    )
    parser.add_argument("--version", action="version", version=f"lcnalg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in (SUBCOMMANDS if only is None else (only,)) if subcommands else ():
        # deferred: only the requested subcommand's module (and what it needs) is imported,
        # which keeps the start-up of a single command short
        module = importlib.import_module(f"lcnalg.cli.{name}")
        module.register(sub)
    return parser


def minus_values(argv: Sequence[str], options: dict[str, Any]) -> list[str]:
    """``argv`` (one subcommand's arguments) with every value that starts with a minus sign
    (``-2,0,1``, ``-x0^2``, ``-1/2``) made a value, where argparse would read it as an option:
    joined to the option before it when that option takes a value (``--box -1,1`` becomes
    ``--box=-1,1``), else moved behind ``--``, where argparse reads it as a positional value.

    ``options`` maps the option strings of the parser to their actions; a token is such a
    value when it starts with one minus sign and is not one of them.  A command line that has
    its own ``--`` is left as it is.

    Examples
    --------
    >>> import argparse
    >>> p = argparse.ArgumentParser(); _ = p.add_argument("--box"); _ = p.add_argument("--json", action="store_true")
    >>> minus_values(["2,2", "-2,0,1", "--json"], p._option_string_actions)
    ['2,2', '--json', '--', '-2,0,1']
    >>> minus_values(["net.json", "--box", "-1,1", "--json"], p._option_string_actions)
    ['net.json', '--box=-1,1', '--json']
    >>> minus_values(["2,2 r=2", "-x0^2"], p._option_string_actions)
    ['2,2 r=2', '--', '-x0^2']
    """
    argv = list(argv)
    if "--" in argv:
        return argv
    out: list[str] = []
    moved: list[str] = []
    for a in argv:
        if a.startswith("-") and not a.startswith("--") and len(a) > 1 and a not in options:
            before = out[-1] if out else ""
            action = _option_action(before, options)
            if action is not None and action.nargs is None:
                out[-1] = f"{before}={a}"
            else:
                moved.append(a)
            continue
        out.append(a)
    return out + ["--"] + moved if moved else out


def _option_action(token: str, options: dict[str, Any]) -> Any:
    """The action of the long option ``token`` (or of the one option it abbreviates), when it
    has no ``=value`` of its own; else None."""
    if not token.startswith("--") or "=" in token:
        return None
    if token in options:
        return options[token]
    matches = {id(act): act for name, act in options.items() if name.startswith(token)}
    return next(iter(matches.values())) if len(matches) == 1 else None


#: Subcommands that accept channel widths (``c=``).
CHANNEL_COMMANDS = frozenset({"info", "hessian-rank", "report"})


def _refuse_channels(args: argparse.Namespace) -> None:
    """Refuse channel widths for a subcommand that does not cover them (one line, exit 2); a
    malformed architecture is left to the subcommand's own message."""
    text = getattr(args, "arch", None)
    if args.command in CHANNEL_COMMANDS or not isinstance(text, str):
        return
    try:
        arch = Architecture.parse(text)
    except LCNAlgError:
        return
    if arch.channels is not None:
        raise InputError(f"architecture {arch}: channels (c=) are supported by "
                         f"{', '.join(sorted(CHANNEL_COMMANDS))} only; drop c= (one channel)")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Examples
    --------
    >>> main(["info", "2,2 s=2", "--json"])  # doctest: +ELLIPSIS
    {
      "architecture": "2,2 s=2",
    ...
    0
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in argv if not a.startswith("-")), None)
    name = first.replace("-", "_") if first else None
    # a command line of nothing but --version (or an abbreviation of it) consults no subcommand
    version_only = all(len(a) > 2 and "--version".startswith(a) for a in argv)
    parser = build_parser(name if name in SUBCOMMANDS else None, subcommands=not version_only)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if not args.command:
        commands = ", ".join(n.replace("_", "-") for n in SUBCOMMANDS)
        print(f"lcnalg: error: no command given; one of {commands} (see 'lcnalg --help')", file=sys.stderr)
        return EXIT_BAD_INPUT
    args.notices = []  # printed once the request is answered (a refused one prints only its error)
    try:
        _refuse_channels(args)
        with interruptible():
            code = int(args.run(args) or 0)
        for notice in args.notices:
            print(notice, file=sys.stderr)
        return code
    except InternalError as err:
        if os.environ.get("LCNALG_DEBUG") == "1":
            raise
        print(f"lcnalg {args.command}: {err}", file=sys.stderr)
        return EXIT_BUG
    except LCNAlgError as err:
        print(f"lcnalg {args.command}: error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt as stop:
        terminated = isinstance(stop, _Terminated)
        print(f"lcnalg {args.command}: {'terminated' if terminated else 'interrupted'}", file=sys.stderr)
        return EXIT_TERMINATED if terminated else EXIT_INTERRUPTED
    except BrokenPipeError:  # output piped into a command that stopped reading (e.g. head)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # a bug: say so in one line (LCNALG_DEBUG=1 shows the traceback)
        if os.environ.get("LCNALG_DEBUG") == "1":
            raise
        print(f"lcnalg {args.command}: {InternalError(f'{type(exc).__name__}: {_one_line(exc)}')}",
              file=sys.stderr)
        return EXIT_BUG


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """Within the block, Ctrl-C (SIGINT) and SIGTERM stop the worker processes of this process
    (the pools of ``--jobs``, the background elimination) and then raise
    :class:`KeyboardInterrupt` in the main thread (for SIGTERM, its subclass ``_Terminated``).

    Without it a process pool's shutdown waits for the pieces its workers are computing,
    which can take minutes, and a terminated run (``timeout``, a batch system) would leave its
    workers computing.  The handler terminates the workers and waits for them and for the
    pools' manager threads (which mark every pending piece failed) before raising, so the pool
    shuts down at once and nothing is left behind.  Workers forked inside the block inherit the
    SIGINT handler and ignore SIGINT (a Ctrl-C on a terminal reaches the whole process group):
    their parent terminates them, so they print nothing; SIGTERM is theirs by default again
    (reset at the fork), so that terminating them is immediate.  The previous handlers are
    restored on exit.  Outside the main thread, or when SIGINT is ignored (a background job),
    nothing changes; SIGTERM is handled only when its handler is the default one.

    Examples
    --------
    >>> import signal
    >>> before = signal.getsignal(signal.SIGINT)
    >>> with interruptible():
    ...     signal.getsignal(signal.SIGINT) is before
    False
    >>> signal.getsignal(signal.SIGINT) is before
    True
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGINT)
    if previous is signal.SIG_IGN:
        yield
        return
    stop = _Stop(os.getpid())
    term = signal.getsignal(signal.SIGTERM)
    signal.signal(signal.SIGINT, stop)
    if term is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.SIG_DFL if previous is None else previous)
        if term is signal.SIG_DFL:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)


class _Terminated(KeyboardInterrupt):
    """SIGTERM during :func:`interruptible`: the same clean-up as Ctrl-C, exit status 143."""


class _Stop:
    """The signal handler of :func:`interruptible` for the process ``owner``."""

    def __init__(self, owner: int) -> None:
        self.owner = owner

    def __call__(self, signum: int, frame: object) -> None:
        if os.getpid() != self.owner:  # a worker forked by the run: its parent terminates it
            return
        for sig in (signal.SIGINT, signal.SIGTERM):  # a second signal does not cut the clean-up short
            signal.signal(sig, signal.SIG_IGN)
        _stop_workers()
        raise _Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


def _default_sigterm_in_child() -> None:
    """After a fork: a child of a run inside :func:`interruptible` takes SIGTERM by default
    (its parent's handler would only run between two bytecodes, after a long FLINT call)."""
    if isinstance(signal.getsignal(signal.SIGTERM), _Stop):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


os.register_at_fork(after_in_child=_default_sigterm_in_child)


def _stop_workers(grace: float = 5.0) -> None:
    """Terminate the child processes of this process and wait for them, then for the
    process pools' manager threads, which notice the lost workers and fail the pending
    pieces (so no pool shutdown waits for work that will never come)."""
    # deferred: only a run that started worker processes gets here with children to stop
    import multiprocessing

    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    for child in children:
        child.join(grace)
        if child.is_alive():
            child.kill()
            child.join(grace)
    for thread in threading.enumerate():
        if type(thread).__module__ == "concurrent.futures.process" and thread is not threading.current_thread():
            thread.join(grace)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 200 else text[:200] + "…"


def entry_point() -> None:
    """Console-script entry point (``lcnalg``).

    After an interrupt the process ends at once (``os._exit``, streams flushed): its workers
    are already terminated, and the interpreter's exit handlers would only wait on their queues.

    OpenBLAS is asked for one thread unless ``OPENBLAS_NUM_THREADS`` is set: lcnalg's
    eliminations run their products on one thread (:mod:`lcnalg.polys.blas_echelon`, measured
    no faster on two) and its parallel work comes from processes, so the thread pool OpenBLAS
    starts when numpy is imported (about 50 ms of every start on two cores) would go unused.
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")   # before numpy: nothing has imported it yet
    status = main()
    if status in (EXIT_INTERRUPTED, EXIT_TERMINATED):
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(status)
    sys.exit(status)
