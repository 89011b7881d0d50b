"""``lcnalg boundary ARCH``: the boundary of the real function space (1D stride one; else says so)."""

from __future__ import annotations

import argparse

from lcnalg.cli.common import add_format_options, architecture_argument, emit
from lcnalg.real.inequalities import boundary


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "boundary",
        help='boundary of the real function space and its discriminant',
        description=('Print the boundary of the function space inside the discriminant hypersurface (1D stride one), with the discriminant polynomial; otherwise it says that no description is derived.'),
    )
    architecture_argument(p)
    add_format_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    res = boundary(args.arch)
    if args.format == "json":
        emit(res.to_dict(), "json")
    elif args.format == "latex":
        emit(res.to_latex(), "latex")
    else:
        emit(res.to_text(), "text")
    return 0
