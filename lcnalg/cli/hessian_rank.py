"""``lcnalg hessian-rank ARCH``: exact ranks of the loss Hessian and its two parts;
``lcnalg hessian-rank --sweep SPEC``: the ranks over a family and their growth exponent."""

from __future__ import annotations

import argparse

from lcnalg.cli.common import (PLOT_SUFFIXES, add_format_options, add_limit_options, add_seed_option, emit,
                               limits_from_args, output_path, positive_int, short)
from lcnalg.errors import InputError, LCNAlgError, ResourceLimitError
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
            "upper bound. With --sweep SPEC instead of ARCH: the ranks of every architecture of a family, as a "
            "table, and the least-squares exponent b of log rank H_L = a + b log(parameters) with its standard "
            "error, and whether |b - 1/2| <= 2 stderr (computed, not assumed)."
        ),
    )
    p.add_argument("arch", metavar="ARCH", nargs="?", default=None,
                   help='architecture string, e.g. "3,2 s=2", "2x2,2x2", "2,2,2 s=2,2" (or give --sweep)')
    p.add_argument("--sweep", metavar="SPEC", default=None,
                   help='a family instead of ARCH: architectures and grids separated by ";", a grid being '
                        '"filters=A..B layers=C..D strides=S dim=D" (values: integers, ranges a..b, lists), '
                        'e.g. "filters=2..5 layers=2..3; 3,2 s=2"')
    p.add_argument("--plot", metavar="PATH", default=None, type=output_path("--plot", PLOT_SUFFIXES),
                   help="with --sweep: also draw log rank against log parameters with the fitted line "
                        "(matplotlib; " + ", ".join(PLOT_SUFFIXES) + ")")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--samples", type=positive_int, metavar="N",
                       help="number of seeded random integer samples (default: input size + 1)")
    group.add_argument("--data", metavar="FILE", help="JSON or CSV file of inputs and targets")
    p.add_argument("--method", choices=("auto", "exact", "modular", "sketch"), default="auto",
                   help="how the ranks are computed (default auto)")
    add_seed_option(p, "point and of the random data")
    add_limit_options(p, ("max_hessian_entries", "max_sweep_members"))
    add_format_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Compute and print the ranks; returns the exit status."""
    if args.sweep is not None:
        return run_sweep(args)
    if args.arch is None:
        raise InputError("ARCH: give an architecture, or a family with --sweep SPEC")
    if args.plot is not None:
        raise InputError("--plot draws a sweep: give --sweep SPEC instead of ARCH")
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


def run_sweep(args: argparse.Namespace) -> int:
    """``--sweep SPEC``: the ranks over the family, the table and the fit (and ``--plot``)."""
    from lcnalg.hessian.sweep import rank_sweep, sweep_family  # deferred: only --sweep needs it

    if args.arch is not None:
        raise InputError(f"--sweep: give ARCH or --sweep SPEC, not both (got ARCH {short(args.arch, 30)!r})")
    if args.data is not None:
        raise InputError("--data: the members of a --sweep have different input sizes; use --samples N")
    limits = limits_from_args(args)
    try:
        family = sweep_family(args.sweep, limits=limits)
        result = rank_sweep(family, samples=args.samples, seed=args.seed, limits=limits)
    except ResourceLimitError:
        raise
    except LCNAlgError as exc:  # name the option that brought the family (a malformed or unsupported member)
        raise InputError(f"--sweep {short(args.sweep, 40)!r}: {short(str(exc), 400)}") from None
    if args.plot:
        from lcnalg.plot import plot_hessian_sweep  # deferred: only --plot needs the plotting module

        plot_hessian_sweep(result, args.plot)
    emit(result, args.format)
    return 0
