"""``lcnalg critical-locus ARCH``: critical points of the parameterization."""

from __future__ import annotations

import argparse

from lcnalg.cli.common import (SINGULAR_BOUNDS, add_format_options, add_limit_options, add_seed_option,
                               architecture_argument, emit, limits_from_args)
from lcnalg.function_space import FunctionSpace

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``critical-locus`` subcommand to ``sub``."""
    p = sub.add_parser(
        "critical-locus",
        help="critical locus of mu (rank drop of its Jacobian): shared-(hyper)root families, zero layers for r >= 2",
        description=(
            "Compute the ideal of maximal minors of the Jacobian of mu exactly, factor its gcd "
            "(hypersurface components), give the dimension of the rest (Groebner basis mod p), "
            "and compare with the shared-(hyper)root description in 1D; for a polynomial network "
            "(r >= 2) with the zero layers, whose exhaustion of the locus is proved chart by chart. "
            "A linear network whose minors pass their bounds is answered from its critical families "
            "(zero layers, shared factors): exactly for two layers, with proved bounds for more "
            "(their lower bound; N - 2 when a few maximal minors have no common factor, else N - 1); "
            "a polynomial network from its critical zero layers and the same upper bound."
        ),
    )
    architecture_argument(p)
    add_seed_option(p)
    add_limit_options(p, SINGULAR_BOUNDS)
    add_format_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Compute and print the critical locus; returns the exit status."""
    emit(FunctionSpace(args.arch, seed=args.seed, limits=limits_from_args(args)).critical_locus(), args.format)
    return 0
