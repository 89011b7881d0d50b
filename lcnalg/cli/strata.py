"""``lcnalg strata ARCH``: the stratification of the function space."""

from __future__ import annotations

import argparse

from lcnalg.cli.common import (INEQUALITIES_BOUNDS, PLOT_SUFFIXES, SINGULAR_BOUNDS, add_format_options,
                               add_limit_options, add_seed_option, architecture_argument, emit,
                               limits_from_args, output_path)
from lcnalg.function_space import FunctionSpace

__all__ = ["register", "run"]

def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``strata`` subcommand to ``sub``."""
    p = sub.add_parser(
        "strata",
        help="strata of the function space (critical images, singular locus, boundary) and closures",
        description=(
            "Print the strata of the function space: the neurovariety V, the images of the "
            "shared-(hyper)root critical families (1D), the singular locus of V (Jacobian "
            "criterion, dimension mod p), the boundary (1D stride one; with strides the boundary "
            "relative to V(R)), the origin; with dimensions and the 'lies in the closure of' relation "
            "checked at sample points; equal sets are merged (in 1D the relative boundary and the "
            "shared-root images are compared exactly through their root-orbit types). With r >= 2: "
            "V, the singular locus and the origin; the boundary is not computed (undecided)."
        ),
    )
    architecture_argument(p)
    add_seed_option(p, "sample points")
    p.add_argument("--plot", metavar="PATH", default=None, type=output_path("--plot", PLOT_SUFFIXES),
                   help="also draw the Hasse diagram (matplotlib; " + ", ".join(PLOT_SUFFIXES) + ")")
    # the strata gather the singular locus and the boundary (closedness, membership, equations)
    add_limit_options(p, SINGULAR_BOUNDS + INEQUALITIES_BOUNDS + ("max_strata",))
    add_format_options(p, extra=("dot",))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Compute and print the strata (and draw them with ``--plot``); returns the exit status."""
    result = FunctionSpace(args.arch, seed=args.seed, limits=limits_from_args(args)).stratification()
    if args.plot:
        from lcnalg.plot import plot_stratification  # deferred: only --plot needs the plotting module

        plot_stratification(result, args.plot)
    emit(result, args.format)
    return 0
