"""``lcnalg inequalities ARCH``: the inequalities of the real function space (1D stride one, or the
equations when M is Zariski closed; else says so)."""

from __future__ import annotations

import argparse

from lcnalg.cli.common import (INEQUALITIES_BOUNDS, add_cluster_option, add_format_options, add_jobs_option, add_limit_options,
                               add_seed_option, architecture_argument, emit, executor_from_args, jobs_from_args,
                               limits_from_args, positive_int)

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``inequalities`` subcommand to ``sub``."""
    p = sub.add_parser(
        "inequalities",
        help='semi-algebraic description of the real function space',
        description=("Print an exact semi-algebraic description of the function space: for 1D stride one, "
                     "'at least m real roots counted with multiplicity' as Sturm-Habicht sign conditions in "
                     "c0..c_{k-1}; otherwise, when M is proved Zariski closed (see 'lcnalg closed'), the "
                     "implicit equations (no inequality is needed); 1D with only the last stride > 1: conditions "
                     "on the gcd of the polyphase components; 2D with at most one layer along both axes: "
                     "conditions on the contents; 2D stride one with two or more layers along both axes: "
                     "the finite list of factorization patterns (kinds and bidegrees of the real irreducible "
                     "factors) of M and of V(R) \\ M; 2D with a strided layer: the reduction to groupings of the real "
                     "irreducible factors; otherwise it says that no description is derived and why."),
    )
    architecture_argument(p)
    p.add_argument("--no-equations", action="store_true",
                   help="closed case: do not compute the implicit equations")
    p.add_argument("--max-degree", type=positive_int, default=None, metavar="D",
                   help="closed case: compute the implicit equations up to this degree only")
    add_jobs_option(p, "the implicit equations")
    add_cluster_option(p, "the graded pieces of the implicit equations")
    add_seed_option(p)
    add_limit_options(p, INEQUALITIES_BOUNDS)
    add_format_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Compute and print the description; returns the exit status."""
    # deferred: lcnalg.real loads numpy, sympy and the algorithms; `lcnalg --help` does not need them
    from lcnalg.real import inequalities

    with executor_from_args(args) as executor:
        result = inequalities(args.arch, equations=False if args.no_equations else None, max_degree=args.max_degree,
                              jobs=jobs_from_args(args), executor=executor, seed=args.seed, limits=limits_from_args(args))
    emit(result, args.format)
    return 0
