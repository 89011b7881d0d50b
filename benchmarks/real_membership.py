"""Benchmark: real membership through the derived descriptions vs the general test.

Usage: ``python benchmarks/real_membership.py [--points N] [--seed S] [--cases ARCH ...]``.

For each architecture, ``N`` images of random integer weights and ``N`` random integer
filters are decided twice in the same process: by ``inequalities(arch).holds_at`` (the
family's description: polyphase gcd in 1D, contents and primitive part in 2D, equations when
closed) and by ``contains`` (root-orbit search in 1D, factorization over R and grouping in
2D).  The answers must agree (the run fails otherwise); the wall times and their ratio are
printed.  Singular and Macaulay2 have no real-membership counterpart, so there is no CAS
column.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

CASES = ["3,2 s=2", "2,2,2,3 s=1,1,2", "3,3 s=2", "2x1,1x2,2x2,2x1", "3x3,2x1,2x1 s=2x2,2x2"]


def main() -> int:
    from lcnalg import FunctionSpace
    from lcnalg.real.inequalities import inequalities
    from lcnalg.real.membership import contains

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--points", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cases", nargs="+", default=CASES)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    print(f"{'architecture':26} {'family':20} {'in M':>5} {'description s':>14} {'contains s':>11} {'ratio':>7}")
    for arch in args.cases:
        desc = inequalities(arch, equations=True)
        if not desc.decided:
            print(f"{arch:26} no description ({desc.limitations[:60]})")
            continue
        mu = FunctionSpace(arch).parameterization
        pts = [list(mu.evaluate([rng.randint(-3, 3) for _ in range(mu.num_parameters)])) for _ in range(args.points)]
        pts += [[rng.randint(-3, 3) for _ in range(mu.ambient_dimension)] for _ in range(args.points)]
        t = time.perf_counter()
        a = [desc.holds_at(p) for p in pts]
        t_desc = time.perf_counter() - t
        t = time.perf_counter()
        b = [contains(arch, p).contained for p in pts]
        t_cont = time.perf_counter() - t
        if a != b:
            print(f"{arch}: the two routes DISAGREE", file=sys.stderr)
            return 1
        print(f"{arch:26} {desc.family:20} {sum(a):>5} {t_desc:>14.2f} {t_cont:>11.2f} {t_cont / t_desc:>6.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
