"""Benchmark: the estimate of an exact type over a number field against its CPU time.

The plane of lifts (:mod:`lcnalg.groups.lift_plane`) bounds each exact type
(:func:`lcnalg.real.algebraic_root_type.algebraic_root_type`) before it runs, in ``max_root_work``
units of about 15 µs: the norm by ``lift_plane._type_work`` (from the degree and the power-basis
size; computed first), then the isolation and refinement of the norm's roots by
:func:`~lcnalg.real.algebraic_root_type.root_type_work` (from the norm itself).  Cases, at the
plane of lifts ``F = f + (x0 + x1 z)(z^n − 1)`` of ``C3`` and ``C4`` architectures:

* ``dense``: a random Eisenstein field (degree 2-20, a minimal polynomial of 10-200 bits) and
  coordinates with random power-basis coefficients of 10-400 bits (large height);
* ``small``: the same fields, coordinates ``(a + b τ) / (τ + c)`` with ``a, b, c`` of 2-8 bits
  (a large power-basis size, small height);
* ``plane``: the algebraic cell points of the plane of ``C4: 2,2,2,2,2`` and ``f = (1, 2, 3, 4)``
  (fields of degree up to 28).

Each case runs in a child process (CPU time, ``time.process_time``) with a time cap; a case
over the cap counts with the cap as its time (a lower bound: its ratio is a lower bound too).
``old`` is the time of the type alone against ``_type_work``; ``new`` is the time of
``root_type_work`` and the type against their sum with ``_type_work``.

Usage::

    python benchmarks/root_type_work.py [--seed 1] [--cases 60] [--cap 60] [--plane] [--only 3,7] [--jsonl out.jsonl]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import time
from fractions import Fraction

import flint

# the estimates and the step they bound are internal to the plane of lifts: measured here directly
from lcnalg.architecture import Architecture
from lcnalg.groups import lift_plane as lp
from lcnalg.limits import Limits
from lcnalg.polys.real_algebraic import RealAlgebraicPoint
from lcnalg.real.algebraic_root_type import RootTypeCache, algebraic_root_type, root_type_work
from lcnalg.real.orbit_tilings import orbit_model

UNIT = 15e-6        # seconds per max_root_work unit
LIMITS = Limits(max_root_work=10 ** 15, max_precision=10 ** 9)
ARCHS = (("2,2,2,2,2", 4), ("2,2,2,2", 3), ("3,2 s=2", 3))


def eisenstein(rng: random.Random, d: int, h: int) -> tuple[flint.fmpz_poly, list]:
    """A monic Eisenstein (at 2) polynomial of degree ``d`` with ``h``-bit coefficients and a real root."""
    while True:
        mid = [2 * rng.randint(-2 ** (h - 2), 2 ** (h - 2)) for _ in range(d - 1)]
        phi = flint.fmpz_poly([-2 * (2 * rng.randint(0, 2 ** (h - 2)) + 1)] + mid + [1])
        real = [r.real for r, _ in phi.complex_roots() if r.imag.is_zero()]
        if real:
            return phi, real


def coordinates(rng: random.Random, phi: flint.fmpz_poly, kind: str, b: int) -> list:
    d = int(phi.degree())
    if kind == "dense":
        return [flint.fmpq_poly([rng.randint(-2 ** b, 2 ** b) for _ in range(d)]) for _ in range(2)]
    q, out = flint.fmpq_poly(phi), []
    for _ in range(2):
        den = flint.fmpq_poly([rng.randint(1, 2 ** b), 1])
        _, inv, _ = den.xgcd(q)
        out.append((flint.fmpq_poly([rng.randint(-2 ** b, 2 ** b), rng.randint(-2 ** b, 2 ** b)]) * inv) % q)
    return out


def run(lcn: str, n: int, f: list, pt: RealAlgebraicPoint, queue) -> None:
    model = orbit_model(Architecture.parse(lcn))
    coeffs = lp._plane_coefficients(f, n)
    queue.put({"old": lp._type_work(pt, n)})
    cache = RootTypeCache()
    start = time.process_time()
    work = root_type_work(model, pt, coeffs, LIMITS, cache)
    mid = time.process_time()
    queue.put({"isolation": work, "norm_s": mid - start})
    algebraic_root_type(model, pt, coeffs, LIMITS, cache)
    queue.put({"type_s": time.process_time() - mid})


def measure(lcn: str, n: int, f: list, pt: RealAlgebraicPoint, cap: float, row: dict) -> dict:
    """One case in a child process; the row gains the estimates and the CPU times (the cap when cut)."""
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=run, args=(lcn, n, f, pt, queue))
    proc.start()
    proc.join(cap)
    if proc.is_alive():
        proc.kill()
        proc.join()
        row["capped"] = True
    while not queue.empty():
        row.update(queue.get())
    row.setdefault("norm_s", cap)
    row.setdefault("type_s", cap)
    row["degree"] = int(pt.minimal_polynomial.degree())
    if "isolation" in row:
        row["new"] = row["old"] + row["isolation"]
        row["ratio_new"] = (row["norm_s"] + row["type_s"]) / UNIT / row["new"]
    row["ratio_old"] = (row["norm_s"] + row["type_s"]) / UNIT / row["old"]
    return row


def random_cases(rng: random.Random, count: int, cap: float, only: set | None = None) -> list[dict]:
    rows = []
    for i in range(count):
        lcn, n = rng.choice(ARCHS)
        d = rng.choice([2, 3, 4, 6, 8, 12, 16, 20])
        h = rng.choice([10, 30, 60, 100, 200])
        kind = rng.choice(["dense", "dense", "small"])
        b = rng.choice([10, 25, 50, 100, 200, 400]) if kind == "dense" else rng.choice([2, 4, 8])
        phi, real = eisenstein(rng, d, h)
        pt = RealAlgebraicPoint.from_root(flint.fmpq_poly(phi), rng.choice(real), coordinates(rng, phi, kind, b))
        f = [rng.randint(-9, 9) for _ in range(n)]
        if only and i not in only:
            continue
        row = measure(lcn, n, f, pt, cap, {"family": kind, "lcn": lcn, "phi_bits": h, "coord_bits": b, "case": i})
        rows.append(row)
        print(json.dumps({k: (round(v, 3) if isinstance(v, float) else v) for k, v in row.items()}), flush=True)
    return rows


def plane_cases(cap: float) -> list[dict]:
    """The distinct algebraic cell points of the plane of C4: 2,2,2,2,2 and f = (1, 2, 3, 4)."""
    lcn, n, values = "2,2,2,2,2", 4, (Fraction(1), Fraction(2), Fraction(3), Fraction(4))
    seen: dict = {}
    original = lp.algebraic_root_type

    def record(model, pt, coeffs, limits=None, cache=None):
        seen.setdefault(lp._point_key(pt), pt)
        return original(model, pt, coeffs, limits, cache)
    lp.algebraic_root_type = record
    try:
        lp.decide_plane(lcn, orbit_model(Architecture.parse(lcn)), values, n, Limits())
    finally:
        lp.algebraic_root_type = original
    rows = []
    for pt in seen.values():
        row = measure(lcn, n, [1, 2, 3, 4], pt, cap, {"family": "plane", "lcn": lcn})
        rows.append(row)
        print(json.dumps({k: (round(v, 3) if isinstance(v, float) else v) for k, v in row.items()}), flush=True)
    return rows


def spread(xs: list[float]) -> str:
    xs = sorted(xs)
    at = [xs[min(len(xs) - 1, int(q * len(xs)))] for q in (0, 0.5)] + [xs[-1]]
    return " / ".join(f"{x:.2g}" for x in at)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cases", type=int, default=60, help="random fields and coordinates")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds (wall) per case")
    parser.add_argument("--plane", action="store_true", help="also the points of the plane of C4: 2,2,2,2,2")
    parser.add_argument("--only", default="", help="measure only these cases (comma-separated indices)")
    parser.add_argument("--jsonl", default="", help="also write every case as a JSON line")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    only = {int(x) for x in args.only.split(",") if x}
    rows = random_cases(rng, args.cases, args.cap, only)
    if args.plane:
        rows += plane_cases(args.cap)
    if args.jsonl:
        with open(args.jsonl, "w") as out:
            for r in rows:
                out.write(json.dumps(r) + "\n")
    print("| family | cases (capped) | CPU s | old: measured/estimated min / median / max | "
          "new: min / median / max |")
    print("|---|---|---|---|---|")
    for family in ("dense", "small", "plane"):
        sel = [r for r in rows if r["family"] == family and "ratio_new" in r]
        if sel:
            print(f"| {family} | {len(sel)} ({sum(1 for r in sel if r.get('capped'))}) | "
                  f"{sum(r['norm_s'] + r['type_s'] for r in sel):.1f} | {spread([r['ratio_old'] for r in sel])} | "
                  f"{spread([r['ratio_new'] for r in sel])} |")


if __name__ == "__main__":
    main()
