"""``lcnalg report ARCH -o FILE.tex|FILE.pdf``: one LaTeX document with everything lcnalg computes
about an architecture (:func:`lcnalg.export.report.write_report`)."""

from __future__ import annotations

import argparse

from lcnalg.cli.common import (CRITICAL_POINTS_BOUNDS, INEQUALITIES_BOUNDS, INFO_BOUNDS, SINGULAR_BOUNDS,
                               add_limit_options, add_seed_option, architecture_argument, limits_from_args,
                               output_path)
from lcnalg.errors import InputError
from lcnalg.export.report import SECTIONS, write_report
from lcnalg.function_space import FunctionSpace

__all__ = ["register", "run", "REPORT_BOUNDS"]

#: Bounds met by the sections of a report: the summary, the equations, the real geometry, the
#: strata, the critical points, the flow and the Hessian.
REPORT_BOUNDS = (INFO_BOUNDS + SINGULAR_BOUNDS + INEQUALITIES_BOUNDS + ("max_strata",) + CRITICAL_POINTS_BOUNDS
                 + ("max_hessian_entries",))


def _sections(text: str) -> tuple[str, ...]:
    names = tuple(n.strip() for n in text.split(","))
    for name in names:
        if name not in SECTIONS:
            raise argparse.ArgumentTypeError(f"{name[:30]!r} is not a section; expected a comma-separated "
                                             "list of " + ", ".join(SECTIONS))
    return names


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``report`` subcommand to ``sub``."""
    p = sub.add_parser(
        "report",
        help="a LaTeX document with everything lcnalg computes about an architecture (.tex, or .pdf with pdflatex)",
        description=(
            "Write one LaTeX document (article; amsmath, amssymb, graphicx, geometry) about ARCH: summary, "
            "parameterization, implicit equations, real geometry (closedness, inequalities, boundary), strata "
            "with their Hasse diagram (a PDF picture next to the .tex file; matplotlib needed), critical points "
            "of the squared loss (Q = I and a generic Q), conserved quantities and metric of gradient flow, "
            "Hessian ranks; each item with its status. A computation refused by a resource bound, or that "
            "does not apply to ARCH, is one line with the reason. With -o FILE.pdf the document is compiled "
            "with pdflatex (texlive, an optional system dependency). At most 200 equations are written out."
        ),
    )
    architecture_argument(p)
    p.add_argument("-o", "--output", metavar="PATH", required=True, type=output_path("-o", (".tex", ".pdf")),
                   help="the file to write: .tex (pictures next to it) or .pdf (needs pdflatex)")
    p.add_argument("--sections", type=_sections, default=None, metavar="LIST",
                   help="comma-separated sections to include (default all): " + ", ".join(SECTIONS))
    add_seed_option(p, "random choices of every section")
    add_limit_options(p, REPORT_BOUNDS)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the report and print where; returns the exit status."""
    fs = FunctionSpace(args.arch, seed=args.seed, limits=limits_from_args(args))
    try:
        path = write_report(fs, args.output, sections=args.sections)
    except InputError as exc:  # pdflatex missing or failing: name the option that asked for the PDF
        raise InputError(f"-o {args.output}: {exc}") from None
    print(f"wrote {path}")
    return 0
