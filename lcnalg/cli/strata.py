"""``lcnalg strata ARCH``: the stratification of the function space."""

from __future__ import annotations

import argparse

from lcnalg.cli.common import add_format_options, architecture_argument, emit
from lcnalg.function_space import FunctionSpace


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "strata",
        help="strata of the function space (critical images, singular locus, boundary) and closures",
        description=(
            "Print the strata of the function space: the neurovariety V, the images of the "
            "shared-(hyper)root critical families (1D), the singular locus of V (Jacobian "
            "criterion, dimension mod p), the boundary (1D stride one), the origin; with "
            "dimensions and the 'lies in the closure of' relation checked at sample points."
        ),
    )
    architecture_argument(p)
    p.add_argument("--seed", type=int, default=0, help="seed of the sample points (default 0)")
    p.add_argument("--max-minors", type=int, default=5000, metavar="M",
                   help="largest number of minors for the singular locus (default 5000)")
    p.add_argument("--plot", metavar="PATH", default=None, help="also draw the Hasse diagram (matplotlib)")
    add_format_options(p, extra=("dot",))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    result = FunctionSpace(args.arch, seed=args.seed).stratification(max_minors=args.max_minors)
    if args.plot:
        result.plot(args.plot)
    if args.format == "json":
        emit(result.to_dict(), "json")
    elif args.format == "latex":
        emit(result.to_latex(), "latex")
    elif args.format == "dot":
        emit(result.to_dot(), "text")
    else:
        emit(result.to_text(), "text")
    return 0
