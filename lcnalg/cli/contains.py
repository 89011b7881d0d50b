"""``lcnalg contains ARCH FILTER``: is an exact filter in the real function space?

A FILTER may start with a minus sign (``lcnalg contains 2,2 -2,0,1``): :func:`lcnalg.cli.main`
moves such a value behind ``--`` before parsing (see :func:`lcnalg.cli.minus_values`),
so argparse reads it as a value, not as an unknown option.  Writing ``-- -2,0,1`` by hand
works too.

With an activation ``r ≥ 2`` (``lcnalg contains "2,2 r=2" ...``) the FILTER is the network's
output form: its coefficients in the order of the coordinates that ``lcnalg info`` lists
(``c0_0, c0_1, …``), comma-separated, or the form itself as a polynomial in ``x0, x1, …``
(``"x0^2 + 2*x0*x1 - 2*x1*x2 - x2^2"``).
"""

from __future__ import annotations

import argparse

from lcnalg.cli.common import (CONTAINS_BOUNDS, add_format_options, add_limit_options, architecture_argument,
                               emit, limits_from_args)
from lcnalg.function_space import FunctionSpace

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``contains`` subcommand to ``sub``."""
    p = sub.add_parser(
        "contains",
        help="decide membership of a filter in the real function space, with a witness or a reason",
        description=(
            "Decide exactly whether the end-to-end FILTER lies in the real function space of ARCH. "
            "A yes comes with real layer filters (exact, or certified enclosures) that multiply to it; "
            "a no comes with the reason. FILTER is comma-separated integers or fractions, e.g. "
            '"1,0,-2/3,4"; 2D rows are separated by ";".'
        ),
    )
    architecture_argument(p)
    p.add_argument("filter", metavar="FILTER", help='e.g. "1,0,-2/3,4" or "1,2;3,4" (2D); with r >= 2: "1,2,3,4,5" or "x0^2 + x2^2"')
    add_limit_options(p, CONTAINS_BOUNDS)
    add_format_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Decide membership and print the verdict; returns the exit status."""
    emit(FunctionSpace(args.arch, limits=limits_from_args(args)).contains(args.filter), args.format)
    return 0
