"""``lcnalg critical-points ARCH``: complex critical points of a squared loss, counted."""

from __future__ import annotations

import argparse

from lcnalg.cli.common import (CRITICAL_POINTS_BOUNDS, add_format_options, add_limit_options,
                               add_loss_options, add_seed_option, architecture_argument, emit,
                               limits_from_args, loss_from_args)
from lcnalg.function_space import FunctionSpace

__all__ = ["register", "run"]



def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``critical-points`` subcommand to ``sub``."""
    p = sub.add_parser(
        "critical-points",
        help="count the complex critical points of a squared loss (parameter and function space); "
             "--real: the real ones, isolated and classified exactly",
        description=(
            "Count, with a Groebner basis, the complex critical points of the loss "
            "(mu(theta) - u)^T Q (mu(theta) - u) modulo the rescaling torus, at points where mu is "
            "not critical; their images on the neurovariety with the fibre sizes; and the generic "
            "ED degree of the Segre variety from its closed formula (with an activation r=: of the "
            "Segre-Veronese variety, the loss on the coefficients of the output form).  With --real, every real critical "
            "point is isolated exactly and classified: minimum, saddle or maximum (Hessian signature), "
            "mu critical with the layers that share a root or repeat a filter (1D: in the interior or on "
            "the boundary of the function space, relative to V(R) with strides; 2D stride one: relative to "
            "V(R), from the factor list of its image), or in the smooth interior "
            "of the function space; its loss as a certified ball.  The loss comes from data "
            "(--data FILE: JSON {\"inputs\": [...], \"targets\": [...]} or CSV with columns x0,...,y0,...), "
            "a seeded generic positive definite Q (--generic, the default) or Q = I (--identity)."
        ),
    )
    architecture_argument(p)
    add_loss_options(p)
    p.add_argument("--real", action="store_true",
                   help="also isolate the real critical points exactly and classify them (minimum, saddle, "
                        "maximum; mu critical, shared roots, repeated filters; smooth interior; loss value); "
                        "exact over Q, small systems only (--max-real-critical-solutions)")
    p.add_argument("--exact", action="store_true",
                   help="count over Q (verified Groebner basis; the smallest cases only) instead of mod p")
    add_seed_option(p, "the loss, the chart and the saturation")
    add_limit_options(p, CRITICAL_POINTS_BOUNDS)
    add_format_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Count and print the critical points; returns the exit status."""
    fs = FunctionSpace(args.arch, seed=args.seed, limits=limits_from_args(args))
    loss = loss_from_args(args, fs)
    emit(fs.critical_points(loss, exact=args.exact, real=args.real), args.format)
    return 0
