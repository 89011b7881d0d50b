"""``lcnalg contains ARCH FILTER``: is an exact filter in the real function space?"""

from __future__ import annotations

import argparse
import re

from lcnalg.cli.common import add_format_options, architecture_argument, emit
from lcnalg.limits import DEFAULT_LIMITS
from lcnalg.real.membership import contains


def register(sub: argparse._SubParsersAction) -> None:
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
    # A filter may start with a minus sign ("-2,0,1"): let argparse read it as a value,
    # like a negative number, rather than as an unknown option.
    p._negative_number_matcher = re.compile(r"^-\d[\d,/;\s+-]*$")
    architecture_argument(p)
    p.add_argument("filter", metavar="FILTER", help='e.g. "1,0,-2/3,4" or "1,2;3,4" (2D)')
    p.add_argument("--max-nodes", type=int, default=DEFAULT_LIMITS.max_nodes,
                   help=f"bound on the search (default {DEFAULT_LIMITS.max_nodes})")
    p.add_argument("--max-field-work", type=int, default=DEFAULT_LIMITS.max_field_work,
                   help="2D: bound on one absolute factorization, deg(field)^2 (deg_x+1)(deg_y+1) "
                        f"(default {DEFAULT_LIMITS.max_field_work})")
    p.add_argument("--max-precision", type=int, default=DEFAULT_LIMITS.max_precision,
                   help="2D: bound on the working precision in bits of one exact zero test "
                        f"(Liouville bound; default {DEFAULT_LIMITS.max_precision})")
    add_format_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    res = contains(args.arch, args.filter, max_nodes=args.max_nodes, max_field_work=args.max_field_work,
                   max_precision=args.max_precision)
    if args.format == "json":
        emit(res.to_dict(), "json")
    elif args.format == "latex":
        emit(res.to_latex(), "latex")
    else:
        emit(res.to_text(), "text")
    return 0
