"""``lcnalg closed ARCH``: is the real function space Zariski closed, ``M = V(R)``?"""

from __future__ import annotations

import argparse

from lcnalg.cli.common import add_format_options, architecture_argument, emit
from lcnalg.real.closedness import is_zariski_closed
from lcnalg.limits import DEFAULT_LIMITS


def register(sub: argparse._SubParsersAction) -> None:
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
    p.add_argument("--max-states", type=int, default=DEFAULT_LIMITS.max_states,
                   help=f"bound on the 1D root-orbit search (default {DEFAULT_LIMITS.max_states})")
    add_format_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    res = is_zariski_closed(args.arch, max_states=args.max_states)
    if args.format == "json":
        emit(res.to_dict(), "json")
    elif args.format == "latex":
        emit(res.to_latex(), "latex")
    else:
        emit(res.to_text(), "text")
    return 0
