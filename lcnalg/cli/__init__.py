"""The ``lcnalg`` command line.

Each subcommand lives in its own module of this package with two functions,
``register(subparsers)`` and ``run(args) -> int``; :data:`SUBCOMMANDS` lists them.
Bad input (any :class:`~lcnalg.LCNAlgError`, or a malformed command line) prints
one line on stderr and exits with status 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from lcnalg import __version__
from lcnalg.errors import LCNAlgError

__all__ = ["main", "build_parser", "SUBCOMMANDS"]

#: Modules of :mod:`lcnalg.cli` that each define one subcommand.
SUBCOMMANDS = ("info", "equations", "contains", "inequalities", "boundary", "closed", "strata",
               "critical_locus")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser, with every subcommand registered (or only the module ``only``,
    which spares the start-up cost of importing the others)."""
    parser = _Parser(
        prog="lcnalg",
        description=(
            "Exact computer algebra for the geometry of convolutional networks: "
            "function spaces, implicit equations, real geometry, singularities."
        ),
        epilog=(
            'Architectures are strings like "3,2 s=2", "2x2,2x2", "2x3,3x2 s=1x1", '
            '"2,2,2 s=2,2 r=2" (filter sizes, strides of layers 1..L-1, activation exponent). '
            "Run 'lcnalg COMMAND --help' for each command."
        ),
    )
    parser.add_argument("--version", action="version", version=f"lcnalg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in SUBCOMMANDS if only is None else (only,):
        module = importlib.import_module(f"lcnalg.cli.{name}")
        module.register(sub)
    return parser


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
    parser = build_parser(name if name in SUBCOMMANDS else None)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if not args.command:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.run(args) or 0)
    except LCNAlgError as err:
        print(f"lcnalg {args.command}: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("lcnalg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into a command that stopped reading (e.g. head)
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def entry_point() -> None:
    """Console-script entry point (``lcnalg``)."""
    sys.exit(main())
