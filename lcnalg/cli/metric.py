"""``lcnalg metric ARCH``: is the metric K = J J^T of the function-space flow a function of (w, delta)?"""

from __future__ import annotations

import argparse

from lcnalg.cli.common import (DIMENSION_BOUNDS, add_format_options, add_limit_options, add_seed_option,
                               architecture_argument, emit, limits_from_args)
from lcnalg.function_space import FunctionSpace

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``metric`` subcommand to ``sub``."""
    p = sub.add_parser(
        "metric",
        help="whether the function-space metric K = J J^T is determined by the filter and delta",
        description=(
            "Decide (a) whether theta -> (mu(theta), delta(theta)) is locally injective at a generic point "
            "(exact Jacobian rank), so that K is locally a function of (w, delta); (b) whether two points "
            "with the same generic end-to-end filter and the same delta can have different K, with an "
            "explicit pair (layer swaps, root exchanges; the second point rescaled to the same delta, "
            "exactly or with certified balls); (c) such a pair at a special filter when none is generic. "
            "The claim of Achour-Kohn-Rauhut (2025) is printed next to the result.  JSON keys: "
            "architecture, locally_determined, globally_determined (null when undecided), counterexample, "
            "special_counterexample."
        ),
    )
    architecture_argument(p)
    p.add_argument("--formula", action="store_true",
                   help="instead: K of a two-layer linear network as an explicit function of (w, delta), "
                        "by elimination, checked exactly at random rational points")
    add_seed_option(p)
    add_limit_options(p, DIMENSION_BOUNDS + ("max_elimination_variables",))
    add_format_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the decisions and the pairs; returns the exit status."""
    fs = FunctionSpace(args.arch, seed=args.seed, limits=limits_from_args(args))
    if args.formula:
        from lcnalg.flow.closed_form import two_layer_metric_formula  # deferred: sympy elimination, only here

        emit(two_layer_metric_formula(fs.parameterization, seed=args.seed, limits=fs.limits), args.format)
        return 0
    emit(fs.metric(), args.format)
    return 0
