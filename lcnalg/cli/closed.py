"""``lcnalg closed ARCH``: is the real function space Zariski closed, ``M = V(R)``?"""

from __future__ import annotations

import argparse

from lcnalg.cli.common import (CLOSED_BOUNDS, add_format_options, add_limit_options, architecture_argument,
                               emit, limits_from_args)
from lcnalg.function_space import FunctionSpace

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``closed`` subcommand to ``sub``."""
    p = sub.add_parser(
        "closed",
        help="decide whether the real function space equals the real points of its Zariski closure",
        description=(
            "Decide M = V(R) for ARCH with an exact argument, or give a witness: a real filter on the "
            "neurovariety that no real network computes (checked by 'lcnalg contains'). "
            "Undecided cases say so."
        ),
    )
    architecture_argument(p)
    add_limit_options(p, CLOSED_BOUNDS)
    add_format_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Decide closedness and print the verdict; returns the exit status."""
    emit(FunctionSpace(args.arch, limits=limits_from_args(args)).is_zariski_closed(), args.format)
    return 0
