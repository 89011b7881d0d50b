"""``lcnalg info ARCH``: the architecture, its parameterization and its function space."""

from __future__ import annotations

import argparse
import math
import sys

from lcnalg.cli.common import (INFO_BOUNDS, add_basis_option, add_format_options, add_limit_options,
                               add_seed_option, architecture_argument, emit, function_space_from_args,
                               limits_from_args)
from lcnalg.limits import DEFAULT_LIMITS

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``info`` subcommand to ``sub``."""
    p = sub.add_parser(
        "info",
        help="architecture, parameterization, dimension, filling or thin, degree",
        description=(
            "Print the normalised architecture, its number of axes D and layers L, the "
            "end-to-end filter shape, the parameter count, the coordinate polynomials of "
            "the parameterization mu (abbreviated unless --full), the dimension of the "
            "function space (with its certification), the ambient dimension, and whether "
            "the function space is filling or thin. With --basis FILE the filters are "
            "restricted to a fixed basis and the weights are their coefficients."
        ),
    )
    architecture_argument(p)
    p.add_argument("--full", action="store_true", help="print every coordinate polynomial in full")
    add_seed_option(p)
    add_basis_option(p)
    add_limit_options(p, INFO_BOUNDS)
    add_format_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the summary of the architecture and its function space; returns the exit status.

    With ``--max-symbolic-entries`` raised above its default and an architecture beyond the
    default, one line on stderr says the size of the symbolic μ before it is built."""
    fs = function_space_from_args(args, limits_from_args(args))
    arch = fs.architecture
    if arch.channels is None and arch.activation is None:
        entries = math.prod(math.prod(f) for f in arch.filters) * arch.num_parameters
        default = DEFAULT_LIMITS.max_symbolic_entries
        if default < entries <= fs.limits.max_symbolic_entries:
            print(f"lcnalg info: the symbolic mu has about {entries:.2g} exponent entries, beyond the default "
                  f"max_symbolic_entries = {default:.2g} (about 10^7 a second; Ctrl-C stops it)",
                  file=sys.stderr, flush=True)
    emit(fs.summary(), args.format, full=args.full)
    return 0
