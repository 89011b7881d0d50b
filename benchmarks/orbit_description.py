"""Sweep: the root-orbit description of 1D function spaces against ``contains()``, every stride pattern.

Usage: ``python benchmarks/orbit_description.py [--points N] [--max-layers L] [--max-size K]
[--max-stride S] [--jobs J] [--seed S]``.

Every 1D architecture with at most ``L`` layers of sizes ``1..K`` and strides ``1..S`` with at
least one stride > 1 (stride one has its own Sturm–Habicht description) is tested on ``N``
points of each kind:

* ``image``: the end-to-end filter of random integer layers (in M);
* ``moved``: an image with one coefficient moved by ±1 (mostly off V);
* ``config``: an exact point of a random root-orbit configuration that lies in V(R), built
  from the blocks of the closedness search (in M or in V(R) \\ M; only when the largest
  cumulative stride T divides 4 or 6, where the points are rational);
* the closedness witness (V(R) \\ M) when there is one.

Each point is decided by ``orbit_member`` (classes and coset tilings,
lcnalg.real.orbit_description) and by ``contains`` (the orbit-distribution search of
lcnalg.real.membership_1d); the run fails on any disagreement.  The table gives, per
number of layers, the architectures, points, points in M, points of V(R) \\ M, and the total
wall time of each route with the ratio ``contains / description``.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def image(arch, rng):
    from lcnalg.parameterization import Parameterization

    mu = Parameterization(arch)
    return [int(c) for c in mu.evaluate([rng.randint(-3, 3) for _ in range(mu.num_parameters)])]


def configurations(arch, rng, count):
    from lcnalg.real.orbit_tilings import configuration_points, orbit_model

    return configuration_points(orbit_model(arch), count, seed=rng.randrange(10**9))


def run_one(job):
    text, points, seed = job
    from lcnalg.architecture import Architecture
    from lcnalg.real.closedness import is_zariski_closed
    from lcnalg.real.membership import contains
    from lcnalg.real.orbit_description import orbit_member

    arch = Architecture.parse(text)
    rng = random.Random(f"{seed}:{text}")
    pts = []
    for _ in range(points):
        c = image(arch, rng)
        pts.append(c)
        d = list(c)
        d[rng.randrange(len(d))] += rng.choice([-1, 1])
        pts.append(d)
    pts += configurations(arch, rng, points)
    witness = is_zariski_closed(arch).witness
    if witness is not None:
        pts.append(list(witness))
    t = time.perf_counter()
    desc = [orbit_member(arch, p) for p in pts]
    t_desc = time.perf_counter() - t
    t = time.perf_counter()
    cont = [contains(arch, p).contained for p in pts]
    t_cont = time.perf_counter() - t
    bad = [p for p, a, b in zip(pts, desc, cont) if a.in_function_space is not b]
    outside = sum(1 for a in desc if a.in_variety and not a.in_function_space)
    return text, arch.num_layers, len(pts), sum(cont), outside, t_desc, t_cont, bad[:3]


def architectures(max_layers, max_size, max_stride):
    out = []
    for L in range(2, max_layers + 1):
        for sizes in itertools.product(range(1, max_size + 1), repeat=L):
            for strides in itertools.product(range(1, max_stride + 1), repeat=L - 1):
                if all(s == 1 for s in strides):
                    continue
                out.append(",".join(map(str, sizes)) + " s=" + ",".join(map(str, strides)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--points", type=int, default=100)
    ap.add_argument("--max-layers", type=int, default=3)
    ap.add_argument("--max-size", type=int, default=4)
    ap.add_argument("--max-stride", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    archs = architectures(args.max_layers, args.max_size, args.max_stride)
    start = time.perf_counter()
    rows: dict[int, list] = {}
    failures = 0
    with ProcessPoolExecutor(args.jobs) as pool:
        for text, L, n, inside, outside, t_desc, t_cont, bad in pool.map(
                run_one, [(a, args.points, args.seed) for a in archs], chunksize=4):
            r = rows.setdefault(L, [0, 0, 0, 0, 0.0, 0.0, 0])
            r[0] += 1
            r[1] += n
            r[2] += inside
            r[3] += outside
            r[4] += t_desc
            r[5] += t_cont
            r[6] = max(r[6], n)
            if bad:
                failures += 1
                print(f"DISAGREE {text}: {bad}", file=sys.stderr)
    print(f"{'layers':>6} {'archs':>6} {'points':>8} {'in M':>8} {'V(R)-M':>8} {'description s':>14} "
          f"{'contains s':>11} {'contains/desc':>14}")
    for L, (na, n, inside, outside, td, tc, _) in sorted(rows.items()):
        print(f"{L:>6} {na:>6} {n:>8} {inside:>8} {outside:>8} {td:>14.1f} {tc:>11.1f} {tc / td:>13.2f}x")
    print(f"wall {time.perf_counter() - start:.0f} s with {args.jobs} processes; disagreements: {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
