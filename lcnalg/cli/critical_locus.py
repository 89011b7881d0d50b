"""``lcnalg critical-locus ARCH``: critical points of the parameterization."""

from __future__ import annotations

import argparse

from lcnalg.cli.common import add_format_options, architecture_argument, emit
from lcnalg.function_space import FunctionSpace
from lcnalg.limits import DEFAULT_LIMITS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "critical-locus",
        help="critical locus of mu (rank drop of its Jacobian) and the shared-(hyper)root families",
        description=(
            "Compute the ideal of maximal minors of the Jacobian of mu exactly, factor its gcd "
            "(hypersurface components), give the dimension of the rest (Groebner basis mod p), "
            "and compare with the shared-(hyper)root description in 1D."
        ),
    )
    architecture_argument(p)
    p.add_argument("--seed", type=int, default=0, help="seed of the random points (default 0)")
    p.add_argument("--max-minors", type=int, default=DEFAULT_LIMITS.max_minors, metavar="M",
                   help=f"refuse more than M maximal minors (default {DEFAULT_LIMITS.max_minors})")
    add_format_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    result = FunctionSpace(args.arch, seed=args.seed).critical_locus(max_minors=args.max_minors)
    if args.format == "json":
        emit(result.to_dict(), "json")
    elif args.format == "latex":
        emit(result.to_latex(), "latex")
    else:
        emit(result.to_text(), "text")
    return 0
