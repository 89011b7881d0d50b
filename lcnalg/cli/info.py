"""``lcnalg info ARCH``: the architecture, its parameterization and its function space."""

from __future__ import annotations

import argparse

from lcnalg.cli.common import (DIMENSION_BOUNDS, add_format_options, add_limit_options, add_seed_option,
                               architecture_argument, emit, limits_from_args)
from lcnalg.function_space import FunctionSpace

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``info`` subcommand to ``sub``."""
    p = sub.add_parser(
        "info",
        help="architecture, parameterization, dimension, filling or thin",
        description=(
            "Print the normalised architecture, its number of axes D and layers L, the "
            "end-to-end filter shape, the parameter count, the coordinate polynomials of "
            "the parameterization mu (abbreviated unless --full), the dimension of the "
            "function space (with its certification), the ambient dimension, and whether "
            "the function space is filling or thin."
        ),
    )
    architecture_argument(p)
    p.add_argument("--full", action="store_true", help="print every coordinate polynomial in full")
    add_seed_option(p)
    add_limit_options(p, DIMENSION_BOUNDS)
    add_format_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the summary of the architecture and its function space; returns the exit status."""
    emit(FunctionSpace(args.arch, seed=args.seed, limits=limits_from_args(args)).summary(), args.format,
         full=args.full)
    return 0
