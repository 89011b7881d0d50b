"""Benchmark: real membership through the derived descriptions vs the general test.

Usage: ``python benchmarks/real_membership.py [--points N] [--seed S] [--cases ARCH ...]``.

For each architecture, ``N`` images of random integer weights and ``N`` random integer
filters (in 2D with every layer at stride one, also ``N`` real points of V built from a
Gaussian-integer layer q, its conjugate in another layer and real integer layers elsewhere)
are decided twice in the same process: by ``inequalities(arch).holds_at`` (the family's
description: polyphase gcd in 1D, contents and primitive part in 2D, the table of
factorization patterns in 2D stride one, equations when closed) and by ``contains`` (root-orbit search in 1D; in 2D contents and primitive part when
at most one layer extends along both axes).  In 2D the factorization route of ``contains``
(factorization over Q and R, grouping into the layers' shapes; what ``contains`` used before
the contents route) is timed too.  The answers must agree (the run fails otherwise); the wall
times and the ratios base/route are printed, base being the factorization route in 2D and
``contains`` in 1D.  Singular and Macaulay2 have no real-membership counterpart, so there is no CAS
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

CASES = ["3,2 s=2", "2,2,2,3 s=1,1,2", "3,3 s=2", "2x1,1x2,2x2,2x1", "3x3,2x1,2x1 s=2x2,2x2",
         "2x2,2x2", "3x2,2x2", "2x3,3x2", "2x2,2x2,2x2"]


def conjugate_pair_point(arch, rng: random.Random) -> list[int]:
    """q in one layer, conj(q) in another (Gaussian integers), real layers elsewhere; stride one."""
    from lcnalg.theorems.real_geometry import conjugate_pair_filter

    return conjugate_pair_filter(arch, rng)


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
    from lcnalg.architecture import Architecture
    from lcnalg.real.membership import parse_filter
    from lcnalg.real.patterns import stride_one_2d
    from lcnalg.real.planar import contains_2d

    print(f"{'architecture':26} {'family':26} {'in M':>9} {'description s':>14} {'contains s':>11} "
          f"{'factorization s':>16} {'base/desc':>9} {'base/contains':>13}")
    for arch in args.cases:
        desc = inequalities(arch, equations=True)
        if not desc.decided:
            print(f"{arch:26} no description ({desc.limitations[:60]})")
            continue
        mu = FunctionSpace(arch).parameterization
        pts = [list(mu.evaluate([rng.randint(-3, 3) for _ in range(mu.num_parameters)])) for _ in range(args.points)]
        pts += [[rng.randint(-3, 3) for _ in range(mu.ambient_dimension)] for _ in range(args.points)]
        arch_obj = Architecture.parse(arch)
        if stride_one_2d(arch_obj) and arch_obj.num_layers >= 2:
            pts += [conjugate_pair_point(arch_obj, rng) for _ in range(args.points)]
        t = time.perf_counter()
        a = [desc.holds_at(p) for p in pts]
        t_desc = time.perf_counter() - t
        t = time.perf_counter()
        b = [contains(arch, p).contained for p in pts]
        t_cont = time.perf_counter() - t
        t_fact = None
        if arch_obj.ndim == 2:
            t = time.perf_counter()
            c = [contains_2d(arch_obj, parse_filter(p, arch_obj), route="factorization").answer
                 for p in pts]
            t_fact = time.perf_counter() - t
            if c != b:
                print(f"{arch}: contains and the factorization route DISAGREE", file=sys.stderr)
                return 1
        if a != b:
            print(f"{arch}: the two routes DISAGREE", file=sys.stderr)
            return 1
        base = t_fact if t_fact is not None else t_cont
        fact = f"{t_fact:>16.2f}" if t_fact is not None else f"{'-':>16}"
        print(f"{arch:26} {desc.family:26} {f'{sum(a)}/{len(a)}':>9} {t_desc:>14.2f} {t_cont:>11.2f} {fact} "
              f"{base / t_desc:>8.1f}x {base / t_cont:>12.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
