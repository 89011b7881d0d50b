"""Benchmark: the implicitization's work estimate against the work done, degree by degree.

For each architecture, every degree is interpolated in turn (bounds raised so that nothing is
refused); the table shows the estimate made before the degree's first elimination
(``DegreeReport.estimate``, :func:`lcnalg.algebra.interpolation.interpolation_work`), the
operations of the eliminations done, counted the same way (``DegreeReport.work``), their
ratio, the new equations and the seconds.  The rule behind the default bounds is about 10^9
of these operations a second on one core.

Usage::

    python benchmarks/equations_work.py [--cases "4,4,4 s=2,2:5" "2x2,2x2,2x2:6" ...]
"""

from __future__ import annotations

import argparse
import time

from lcnalg.algebra.interpolation import InterpolationState, interpolate_degree
from lcnalg.limits import Limits
from lcnalg.parameterization import Parameterization

#: ``architecture:last degree``.
CASES = ("2x2,2x2:6", "3,2,3 s=2,2:4", "3,3,3 s=2,2:4", "2x2,2x2,2x2:6", "2x2x2,2x2x2:5", "4,4,4 s=2,2:5")


def rows(case: str):
    arch, top = case.rsplit(":", 1)
    state = InterpolationState.start(Parameterization(arch))
    lim = Limits(max_interpolation_work=10**13, max_piece=10**6, max_monomials=10**8)
    for _ in range(int(top)):
        start = time.perf_counter()
        r = interpolate_degree(state, limits=lim)
        yield (arch, r.degree, r.estimate, r.work, r.estimate / max(r.work, 1), r.new_generators,
               time.perf_counter() - start)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", nargs="+", default=list(CASES))
    args = parser.parse_args(argv)
    print("| architecture | degree | estimate | work done | estimate / work | new equations | seconds |")
    print("|---|---|---|---|---|---|---|")
    for case in args.cases:
        for arch, e, est, work, ratio, new, sec in rows(case):
            print(f"| {arch} | {e} | {est:.3g} | {work:.3g} | {ratio:.2f} | {new} | {sec:.2f} |", flush=True)


if __name__ == "__main__":
    main()
