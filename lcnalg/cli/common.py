"""Options and output helpers shared by the subcommands."""

from __future__ import annotations

import argparse
import json
from typing import Any

__all__ = ["add_format_options", "emit", "architecture_argument"]


def architecture_argument(parser: argparse.ArgumentParser) -> None:
    """Add the positional ``ARCH`` argument."""
    parser.add_argument(
        "arch", metavar="ARCH",
        help='architecture string, e.g. "3,2 s=2", "2x2,2x2", "2,2,2 s=2,2"',
    )


def add_format_options(parser: argparse.ArgumentParser, extra: tuple[str, ...] = ()) -> None:
    """Add mutually exclusive ``--json`` / ``--latex`` (and extra) output switches."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_const", const="json", dest="format",
                       help="print one JSON object")
    group.add_argument("--latex", action="store_const", const="latex", dest="format",
                       help="print LaTeX ready to paste into a paper")
    for name in extra:
        group.add_argument(f"--{name}", action="store_const", const=name, dest="format",
                           help=f"print {name} output")
    parser.set_defaults(format="text")


def emit(text: str | dict[str, Any], fmt: str) -> None:
    """Print text, or a dict as indented JSON."""
    if isinstance(text, dict):
        print(json.dumps(text, indent=2, ensure_ascii=False))
    else:
        print(text)
