"""``lcnalg hessian-rank ARCH``: exact ranks of the loss Hessian and its two parts."""

from __future__ import annotations

import argparse

from lcnalg.cli.common import (add_format_options, add_limit_options, add_seed_option, architecture_argument,
                               emit, limits_from_args, positive_int, short)
from lcnalg.errors import InputError
from lcnalg.function_space import FunctionSpace

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``hessian-rank`` subcommand to ``sub``."""
    p = sub.add_parser(
        "hessian-rank",
        help="ranks of the loss Hessian H_L = H_o + H_F of a linear network (channels too)",
        description=(
            "Ranks of the squared-loss Hessian H_L, its outer-product part H_o and its functional part H_F "
            "at a seeded random point, for given or seeded random data, with proved bounds (blocks, data, "
            "function space), the Toeplitz bound (derived) and the Singh-Bachmann-Hofmann dense formula. "
            "Channels: c=c0,...,cL. Routes (--method): exact over Q; modular (mod 2^61-1); sketch (S^T H S "
            "mod 2^61-1 for a random S one column wider than a proved upper bound: a proved lower bound, "
            "equal to the modular rank except with probability <= 1/(p-1)); auto = exact up to 300 weights, "
            "else sketch. Each rank is a lower bound for the generic rank, certified where it meets a proved "
            "upper bound."
        ),
    )
    architecture_argument(p)
    group = p.add_mutually_exclusive_group()
    group.add_argument("--samples", type=positive_int, metavar="N",
                       help="number of seeded random integer samples (default: input size + 1)")
    group.add_argument("--data", metavar="FILE", help="JSON or CSV file of inputs and targets")
    p.add_argument("--method", choices=("auto", "exact", "modular", "sketch"), default="auto",
                   help="how the ranks are computed (default auto)")
    add_seed_option(p, "point and of the random data")
    add_limit_options(p, ("max_hessian_entries",))
    add_format_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Compute and print the ranks; returns the exit status."""
    fs = FunctionSpace(args.arch, seed=args.seed, limits=limits_from_args(args))
    if args.data is None:
        emit(fs.hessian_rank(samples=args.samples, method=args.method), args.format)
        return 0
    from lcnalg.landscape import Dataset  # deferred: only data files need it

    try:
        data = Dataset.from_file(args.data)
        shape = data.output_shape(fs.architecture)
    except InputError as exc:  # name the option that brought the file
        raise InputError(f"--data {short(args.data, 40)!r}: {exc}") from None
    emit(fs.hessian_rank(inputs=data.inputs, targets=data.targets, output_shape=shape, method=args.method),
         args.format)
    return 0
