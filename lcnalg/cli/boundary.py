"""``lcnalg boundary ARCH``: the boundary of the real function space in R^k (1D stride one; M
closed; M thin, where the boundary is M itself), and relative to V(R) where derived."""

from __future__ import annotations

import argparse

from lcnalg.cli.common import add_format_options, architecture_argument, emit
from lcnalg.real.boundary import boundary


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "boundary",
        help='boundary of the real function space and its discriminant',
        description=("Print the boundary of the function space: for 1D stride one, inside the discriminant "
                     "hypersurface, with the discriminant polynomial; when M is proved Zariski closed, empty "
                     "(M everything) or M itself with its equations; when M is thin (dim M < k) and not closed, "
                     "M itself, with its boundary relative to V(R) where lcnalg derives it (otherwise it says so); "
                     "architectures with single-entry layers or 2D along one axis reduce to the smaller model."),
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
    res = boundary(args.arch, equations=not args.no_equations, max_degree=args.max_degree,
                  jobs=args.jobs)
    if args.format == "json":
        emit(res.to_dict(), "json")
    elif args.format == "latex":
        emit(res.to_latex(), "latex")
    else:
        emit(res.to_text(), "text")
    return 0
