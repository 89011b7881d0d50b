"""``lcnalg regions NETWORK_FILE``: the exact number of linear regions of a rectifier network."""

from __future__ import annotations

import argparse
import json

from lcnalg.checks import read_text, short
from lcnalg.cli.common import add_format_options, add_limit_options, emit, limits_from_args
from lcnalg.errors import InputError

__all__ = ["register", "run"]

#: Largest box file read (bytes).
MAX_BOX_BYTES = 1_000_000

_FORMAT = (
    'NETWORK_FILE is a JSON object {"input": [n] or [h, w], "layers": [...]}; each layer is '
    '{"type": "dense", "weights": [[...], ...] (one row per output), "bias": [...]} or '
    '{"type": "conv", "filter": [...] (1D) or [[...], ...] (2D), "stride": s or [s1, s2], "bias": b} '
    "(valid cross-correlation, one channel, the bias shared by the positions).  A ReLU follows every "
    'layer but the last, which is linear.  Numbers are integers or exact text ("-2/5", "0.25"); '
    "floats are refused."
)


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``regions`` subcommand to ``sub``."""
    p = sub.add_parser(
        "regions",
        help="exact number of linear regions of a ReLU network (activation patterns, exact LP)",
        description=(
            "Count exactly the linear (activation) regions of a rectifier network with rational weights on "
            "R^n or on a box: the activation patterns of the hidden units whose region has nonempty "
            "interior (adjacent regions with the same affine map are not merged), enumerated depth first "
            "with an exact simplex over Q deciding each pattern prefix.  Printed beside the count: the "
            "upper bound of Serra, Tjandraatmadja and Ramalingam (2018, Theorem 1), the product bound "
            "(Montufar 2017), the arrangement bound sum_(j<=n) C(N, j) for one hidden layer, and "
            "Montufar et al.'s (2014) lower bound on the maximum over weights (dense layers).  " + _FORMAT
        ),
    )
    p.add_argument("network_file", metavar="NETWORK_FILE", help="JSON file describing the network (see above)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--box", metavar="LO,HI", default=None,
                       help="count on the box [LO, HI]^n (exact numbers, LO < HI); default all of R^n")
    group.add_argument("--box-file", metavar="FILE", default=None,
                       help="JSON file with one pair [lo, hi] per input coordinate")
    add_limit_options(p, ("max_region_work",))
    add_format_options(p)
    p.set_defaults(run=run)


def _box(args: argparse.Namespace) -> object:
    for option, value in (("--box", args.box), ("--box-file", args.box_file)):
        if value is not None and not isinstance(value, str):  # argparse reads "--box=--" as []
            raise InputError(f"{option}: expected {'LO,HI' if option == '--box' else 'a file name'}, got nothing")
    if args.box is not None:
        parts = args.box.split(",")
        if len(parts) != 2:
            raise InputError(f"--box: expected LO,HI (two exact numbers), got {short(args.box, 40)!r}")
        return tuple(part.strip() for part in parts)
    if args.box_file is not None:
        text = read_text(args.box_file, "--box-file", MAX_BOX_BYTES)
        try:
            return json.loads(text)
        except (ValueError, RecursionError):
            raise InputError(f"--box-file: {short(args.box_file, 60)} is not JSON; give one pair [lo, hi] "
                             "per coordinate") from None
    return None


def run(args: argparse.Namespace) -> int:
    """Count and print; returns the exit status."""
    from lcnalg.regions import Network, linear_regions  # deferred: only this subcommand needs them

    limits = limits_from_args(args)
    network = Network.from_file(args.network_file)
    box = _box(args)
    try:
        result = linear_regions(network, box=box, limits=limits)
    except InputError as exc:
        text = str(exc)
        if text.startswith("box") and args.box_file is not None:
            raise InputError(f"--box-file: {text}") from None
        if text.startswith("box"):
            raise InputError(f"--box: {text}") from None
        raise
    emit(result, args.format)
    return 0
