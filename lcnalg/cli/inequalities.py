"""``lcnalg inequalities ARCH``: the inequalities of the real function space (1D stride one; else says so)."""

from __future__ import annotations

import argparse

from lcnalg.cli.common import add_format_options, architecture_argument, emit
from lcnalg.real.inequalities import inequalities


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "inequalities",
        help='semi-algebraic description of the real function space',
        description=("Print an exact semi-algebraic description of the function space: for 1D stride one, 'at least m real roots counted with multiplicity' as Sturm-Habicht sign conditions in c0..c_{k-1}; otherwise it says that no description is derived."),
    )
    architecture_argument(p)
    add_format_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    res = inequalities(args.arch)
    if args.format == "json":
        emit(res.to_dict(), "json")
    elif args.format == "latex":
        emit(res.to_latex(), "latex")
    else:
        emit(res.to_text(), "text")
    return 0
