"""What gradient descent finds: stride one against strided architectures.

For each architecture and loss (``--identity`` and a seeded generic form), ``lcnalg descend``
runs gradient descent from ``--runs`` seeded initialisations and snaps each end point to the
exact real critical points (certified by a Krawczyk box, :mod:`lcnalg.landscape.snapping`) (:meth:`lcnalg.FunctionSpace.real_critical_points`; the exact bound
is raised so that the small cases below are solved over Q).  The table records the shares of
runs that end at the least loss found, at the exact global minimum, at a μ-critical point
(repeated filters or shared roots) and not snapped, with the largest drift of the conserved
differences of squared layer norms.  [KMMT22] predicts that at stride one optimisation often
ends at repeated filters; with strides > 1 and generic data [KMST24] puts every critical point
in the smooth interior.

Run from the repository root::

    python benchmarks/descent.py                 # all cases, 50 runs each
    python benchmarks/descent.py --runs 20 --output ''
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import cas  # noqa: E402
from benchmarks.implicitization import machine  # noqa: E402

CASES = ("2,2", "2,3", "3,2", "2,2 s=2", "2,3 s=2", "3,2 s=2")
LOSSES = ("identity", "generic")
BEGIN = "<!-- descent.py: begin -->"
END = "<!-- descent.py: end -->"


def main(argv: list[str] | None = None) -> int:
    from lcnalg import FunctionSpace, Limits
    from lcnalg.errors import LCNAlgError

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", nargs="+", default=list(CASES))
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    args = parser.parse_args(argv)
    limits = Limits(max_descent_work=10**11)
    header = ["architecture", "loss", "real critical points (min / saddle / mu-critical)", "at least loss found",
              "at exact global min", "at mu-critical (repeated filter / shared root)", "not snapped", "max drift",
              "seconds"]
    rows = []
    for arch in args.cases:
        for kind in LOSSES:
            fs = FunctionSpace(arch, seed=0, limits=limits)
            start = time.perf_counter()
            try:
                real = fs.real_critical_points(kind)
                counts = real.counts()
                summary = (f"{counts.get('minimum', 0)} / {counts.get('saddle', 0)} / {counts['mu critical']}")
                snap = True
            except LCNAlgError as exc:
                summary, snap = f"not solved over Q ({str(exc)[:60]}…)", False
            res = fs.descend(kind, runs=args.runs, snap=snap)
            st = res.statistics
            mu = sum(v for k, v in st.items() if k.startswith("matched: ") and "mu critical" in k)
            rows.append([arch, kind, summary, f"{st['at the least loss found']:.2f}",
                         f"{st.get('at the global minimum (matched)', float('nan')):.2f}", f"{mu:.2f}" if snap else "-",
                         f"{1 - st.get('matched to an exact critical point', 0):.2f}" if snap else "-",
                         f"{res.max_drift:.2g}", f"{time.perf_counter() - start:.1f}"])
            print(" | ".join(rows[-1]), flush=True)
    table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + ["| " + " | ".join(r) + " |" for r in rows]
    print("\n".join(table))
    if args.output:
        info = machine()
        command = "python benchmarks/descent.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
        section = "\n".join([
            BEGIN, "## What gradient descent finds: `descent.py`", "",
            f"{time.strftime('%Y-%m-%d')}, {info['cpu']}, {info['nproc']} cores; command `{command.strip()}`; "
            f"{args.runs} runs per row (float64, Armijo steps, seeded N(0,1) initialisations, seed 0). "
            "Shares of runs; an end point is snapped to an exact real critical point when, after Newton's "
            "refinement on the chart, a Krawczyk box around it is proved to hold exactly one critical point and "
            "the exact point's ball lies inside (proximity is certified, convergence of the run is not). "
            "'mu-critical' points are where the Jacobian of mu drops rank (at stride one: repeated filters or "
            "shared roots).", "", *table, "", END, ""])
        cas.update_section(args.output, section, BEGIN, END)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
