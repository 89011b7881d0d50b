"""``lcnalg boundary ARCH``: the boundary of the real function space in R^k (1D stride one; M
closed; M thin, where the boundary is M itself), and relative to V(R) where derived."""

from __future__ import annotations

import argparse

from lcnalg.cli.common import (INEQUALITIES_BOUNDS, add_cluster_option, add_format_options, add_jobs_option, add_limit_options,
                               add_seed_option, architecture_argument, emit, executor_from_args, jobs_from_args,
                               limits_from_args, positive_int)

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``boundary`` subcommand to ``sub``."""
    p = sub.add_parser(
        "boundary",
        help='boundary of the real function space and its discriminant',
        description=("Print the boundary of the function space: for 1D stride one, inside the discriminant "
                     "hypersurface, with the discriminant polynomial; when M is proved Zariski closed, empty "
                     "(M everything) or M itself with its equations; when M is thin (dim M < k) and not closed, "
                     "M itself, with its boundary relative to V(R) where lcnalg derives it (otherwise it says so) "
                     "and, in 1D, the equations of that relative boundary's Zariski closure (--json: "
                     "sympy-parsable strings; --latex: displayed per component); "
                     "architectures with single-entry layers or 2D along one axis reduce to the smaller model."),
    )
    architecture_argument(p)
    p.add_argument("--no-equations", action="store_true",
                   help="closed case: do not compute the implicit equations; thin case: nor those of the "
                        "relative boundary's Zariski closure")
    p.add_argument("--max-degree", type=positive_int, default=None, metavar="D",
                   help="closed case: compute the implicit equations up to this degree only; thin 1D case: "
                        "derive the equations of the relative boundary's Zariski closure up to this degree at any "
                        "size (by default only for at most 10 coordinates, up to degree 6)")
    add_jobs_option(p, "the implicit equations")
    add_cluster_option(p, "the graded pieces of the implicit equations")
    add_seed_option(p)
    add_limit_options(p, INEQUALITIES_BOUNDS + ("max_strata", "max_matrix_entries"))   # + relative equations
    add_format_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Compute and print the boundary; returns the exit status."""
    # deferred: lcnalg.real loads numpy, sympy and the algorithms; `lcnalg --help` does not need them
    from lcnalg.real import boundary

    with executor_from_args(args) as executor:
        result = boundary(args.arch, equations=False if args.no_equations else None, max_degree=args.max_degree,
                          jobs=jobs_from_args(args), executor=executor, seed=args.seed, limits=limits_from_args(args))
    emit(result, args.format)
    return 0
