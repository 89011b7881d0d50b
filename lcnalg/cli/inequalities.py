"""``lcnalg inequalities ARCH``: the inequalities of the real function space (1D stride one, or the
equations when M is Zariski closed; else says so)."""

from __future__ import annotations

import argparse

from lcnalg.cli.common import add_format_options, architecture_argument, emit
from lcnalg.real.inequalities import inequalities


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "inequalities",
        help='semi-algebraic description of the real function space',
        description=("Print an exact semi-algebraic description of the function space: for 1D stride one, "
                     "'at least m real roots counted with multiplicity' as Sturm-Habicht sign conditions in "
                     "c0..c_{k-1}; otherwise, when M is proved Zariski closed (see 'lcnalg closed'), the "
                     "implicit equations (no inequality is needed); 1D with only the last stride > 1: conditions "
                     "on the gcd of the polyphase components; 2D with at most one layer along both axes: "
                     "conditions on the contents; otherwise it says that no description is derived and why."),
    )
    architecture_argument(p)
    p.add_argument("--no-equations", action="store_true",
                   help="closed case: do not compute the implicit equations")
    p.add_argument("--max-degree", type=int, default=None,
                   help="closed case: compute the implicit equations up to this degree only")
    p.add_argument("--jobs", type=int, default=1, help="processes for the implicit equations (default 1)")
    add_format_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    res = inequalities(args.arch, equations=not args.no_equations, max_degree=args.max_degree,
                      jobs=args.jobs)
    if args.format == "json":
        emit(res.to_dict(), "json")
    elif args.format == "latex":
        emit(res.to_latex(), "latex")
    else:
        emit(res.to_text(), "text")
    return 0
