"""Benchmark: the estimate of the gcds over Q(alpha) in the plane of lifts against their CPU time.

At an irrational root ``alpha`` of the projection (minimal polynomial ``phi``) the plane of lifts
(:mod:`lcnalg.groups.lift_plane`) finds the special points of the critical curves by gcds over
``Q(alpha)``; the work is estimated before it starts (``lift_plane._gcd_work``, ``max_root_work``
units of about 15 µs).  Two families of roots:

* ``random``: two random irreducible curves ``b``, ``g`` (degree 1-6 and 1-4 in ``c1``, 1-5 in
  ``c0``, coefficients of 1-400 bits) with ``c1`` and a small third curve; the roots of degree 2-30
  of the projection;
* ``plane``: the planes of lifts of random filters on ``C3`` and ``C4`` (windows of total degree
  ``n + 1``), every irrational projection root that is not of a ``c1``-free factor.

For each root the CPU time (``time.process_time``) of the special points is compared with the
estimate; the script prints the percentiles of measured/estimated per family and size.

Usage::

    python benchmarks/fiber_work.py [--seed 21] [--random 100] [--planes 3] [--jsonl out.jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
import time

import flint

# the estimate and the step it bounds are internal to the plane of lifts: measured here directly
from lcnalg.architecture import Architecture
from lcnalg.groups import lift_plane as lp
from lcnalg.limits import Limits
from lcnalg.polys.univariate import sorted_real_roots
from lcnalg.real.orbit_tilings import orbit_model
from lcnalg.rings import integer_ring

UNIT = 15e-6        # seconds per max_root_work unit
LIMITS = Limits(max_root_work=10**15, max_precision=10**9)
#: ``(ordinary windows, n, coefficient bits of f)``
PLANES = (("2,2,2,2", 3, 3), ("3,2,2", 3, 3), ("3,3", 3, 4), ("2,2,2,2,2", 4, 3), ("3,2,2,2", 4, 3),
          ("3,3,2", 4, 3), ("4,3", 4, 4), ("2,2,2,2,2", 4, 8))


def measure(B: list, G: list, crossings: list, phi: flint.fmpz_poly, ball, family: str) -> dict:
    estimate = lp._gcd_work(phi, B, B + G, crossings)
    start = time.process_time()
    lp._special_points(B, B + G, phi, ball, LIMITS, crossings)
    seconds = time.process_time() - start
    return {"family": family, "degree": int(phi.degree()),
            "bits": max(abs(int(c)).bit_length() for c in phi.coeffs()),
            "estimate": estimate, "seconds": seconds, "ratio": seconds / UNIT / estimate}


def roots_of(B: list, G: list, pure: list, pure_h: list, A0: list, family: str, dmax: int = 40) -> list[dict]:
    proj, crossings = lp._projection(B, G, pure, pure_h, A0, LIMITS)
    proj = [p for p in proj if p.degree() <= dmax]
    out, seen = [], []
    for phi, _, _, ball in sorted_real_roots(proj, LIMITS) if proj else []:
        if phi.degree() < 2 or phi in pure or phi in pure_h or phi in seen:
            continue
        seen.append(phi)
        out.append(measure(B, G, crossings, phi, ball, family))
    return out


def random_curve(rng: random.Random, ctx, m: int, e: int, h: int):
    c0, c1 = ctx.gens()
    while True:
        p = ctx.from_dict({})
        for i in range(e + 1):
            for j in range(m + 1):
                if rng.random() < 0.8:
                    p += rng.randint(-2 ** h, 2 ** h) * c0 ** i * c1 ** j
        if p.degrees()[1] == m and p.degrees()[0] >= 1:
            facs = lp.mpoly_factor(p)[1]
            if len(facs) == 1 and facs[0][1] == 1:
                return p


def random_roots(rng: random.Random) -> list[dict]:
    ctx = integer_ring(("c0", "c1"))
    c1 = ctx.gens()[1]
    m, k, h = rng.randint(1, 6), rng.randint(1, 4), rng.choice([1, 4, 16, 64, 200, 400])
    b = random_curve(rng, ctx, m, rng.randint(1, 5), h)
    g = random_curve(rng, ctx, k, rng.randint(1, 5), h)
    extra = random_curve(rng, ctx, rng.randint(1, 3), rng.randint(1, 3), rng.choice([2, 8]))
    return roots_of([c1, b], [g, extra], [], [], [], "random", dmax=30)


def plane_roots(lcn: str, n: int, values: list[int]) -> list[dict]:
    model = orbit_model(Architecture.parse(lcn))
    D, H, A0 = lp._critical_sets(values, n, model.T, LIMITS)
    B, pure = lp._factors(D)
    G, pure_h = lp._factors(H, exclude=tuple(B))
    return roots_of(B, G, pure, pure_h, A0, "plane")


def percentiles(xs: list[float]) -> str:
    xs = sorted(xs)
    at = [xs[min(len(xs) - 1, int(q * len(xs)))] for q in (0, 0.05, 0.5, 0.95)] + [xs[-1]]
    return " / ".join(f"{x:.2f}" for x in at)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--random", type=int, default=100, help="random curve pairs")
    parser.add_argument("--planes", type=int, default=3, help="random filters per architecture")
    parser.add_argument("--jsonl", default="", help="also write every root as a JSON line")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    rows: list[dict] = []
    for _ in range(args.random):
        rows += random_roots(rng)
    for lcn, n, h in PLANES:
        for _ in range(args.planes):
            values = [rng.randint(-2 ** h, 2 ** h) for _ in range(n)]
            if any(values):
                rows += plane_roots(lcn, n, values)
    if args.jsonl:
        with open(args.jsonl, "w") as out:
            for r in rows:
                out.write(json.dumps(r) + "\n")
    print("| family | estimate (units) | roots | measured / estimated: min / 5% / median / 95% / max | CPU s |")
    print("|---|---|---|---|---|")
    for family in ("random", "plane"):
        for lo, hi in ((0, 300), (300, 3000), (3000, 10 ** 12)):
            sel = [r for r in rows if r["family"] == family and lo <= r["estimate"] < hi]
            if sel:
                print(f"| {family} | {lo}-{hi if hi < 10 ** 12 else ''} | {len(sel)} | "
                      f"{percentiles([r['ratio'] for r in sel])} | {sum(r['seconds'] for r in sel):.2f} |")
    print(f"| all | | {len(rows)} | {percentiles([r['ratio'] for r in rows])} | "
          f"{sum(r['seconds'] for r in rows):.2f} |")


if __name__ == "__main__":
    main()
