"""``lcnalg descend ARCH``: what gradient descent finds, against the exact critical points."""

from __future__ import annotations

import argparse

from lcnalg.cli.common import (DESCEND_BOUNDS, PLOT_SUFFIXES, add_format_options, add_limit_options,
                               add_loss_options, add_seed_option, architecture_argument, emit,
                               limits_from_args, loss_from_args, output_path, positive_int)
from lcnalg.function_space import FunctionSpace

__all__ = ["register", "run"]

def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``descend`` subcommand to ``sub``."""
    p = sub.add_parser(
        "descend",
        help="run gradient descent from seeded initialisations and report where it ends",
        description=(
            "Run gradient descent (float64, Armijo steps) on the squared loss from --runs seeded "
            "random initialisations; report the drift of the conserved differences of squared layer "
            "norms, the share of runs that end at the least loss found, where mu is critical, with a "
            "zero layer, and (when the exact system is within the limits) the share snapped to each "
            "kind of exact real critical point (minimum, saddle; mu critical = repeated filters or "
            "shared roots): each end point is refined by Newton's method on the chart and a Krawczyk "
            "box around it is proved to hold exactly one critical point, that exact one; otherwise "
            "the run is 'not snapped' and the reason is counted.  The loss comes from --data FILE, a seeded generic form (--generic, the "
            "default) or Q = I (--identity).  Losses are (mu - u)^T Q (mu - u), without the loss's constant C "
            "(JSON loss_constant); with --data the squared error on the data is a loss plus C (critical-points "
            "--real reports the squared error itself)."
        ),
    )
    architecture_argument(p)
    add_loss_options(p)
    p.add_argument("--runs", type=positive_int, default=20, help="number of initialisations (default 20)")
    p.add_argument("--max-steps", type=positive_int, default=20_000, help="steps per run (default 20000)")
    p.add_argument("--plot", metavar="PATH", default=None, type=output_path("--plot", PLOT_SUFFIXES),
                   help="also draw a histogram of the final losses (matplotlib; " + ", ".join(PLOT_SUFFIXES) + ")")
    add_seed_option(p, "the loss and the initialisations")
    add_limit_options(p, DESCEND_BOUNDS)
    add_format_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the descents and print the statistics; returns the exit status."""
    fs = FunctionSpace(args.arch, seed=args.seed, limits=limits_from_args(args))
    from lcnalg.landscape.descent import refuse_activation  # deferred: as the loss modules below

    refuse_activation(fs.architecture)  # before any exact critical point is computed
    loss = loss_from_args(args, fs)
    result = fs.descend(loss, runs=args.runs, max_steps=args.max_steps)
    if args.plot:
        from lcnalg.plot import plot_descent  # deferred: only --plot needs the plotting module

        plot_descent(result, args.plot)
    emit(result, args.format)
    return 0
