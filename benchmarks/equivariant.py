"""The commutant of a finite permutation group: the orbit route against dense linear algebra.

For each case ``(G, X, Y)`` the equivariant maps ``R^X → R^Y`` are computed, in the same run, by

* ``orbits``: :func:`lcnalg.groups.orbits_on_pairs` (union–find over the generators on
  ``Y × X``) and the 0/1 basis built from its labels — the route of ``equivariant_maps``;
* ``equivariant_maps``: the whole call, which adds Burnside's count over the enumerated group
  and the Kondor–Trivedi check on every pair of orbits;
* ``flint nullspace``: :func:`lcnalg.groups.commutant_nullspace`, the dense system
  ``P_Y(s) A = A P_X(s)`` over the generators ``s`` (``|S| · |X||Y|`` equations in ``|X||Y|``
  unknowns) solved exactly by FLINT (``fmpz_mat.nullspace``);
* ``numpy svd``: the same system in float64, its nullity from the singular values (a baseline
  without exactness: tolerance ``max(shape) · eps · σ_max``).

Every route's dimension is compared (the script exits 1 on a disagreement).  Times are the
best of ``--repeat`` runs, wall seconds, one process.

Run from the repository root::

    python benchmarks/equivariant.py                 # writes its section of benchmarks/RESULTS.md
    python benchmarks/equivariant.py --output ''     # print only
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import cas  # noqa: E402
from benchmarks.implicitization import machine  # noqa: E402

CASES = (
    ("C6", "points", "points"), ("S4", "points", "points"), ("D8", "points", "pairs"), ("C12", "points", "points"),
    ("S5", "pairs", "pairs"), ("icosahedron", "faces", "faces"), ("icosahedron", "edges", "edges"),
    ("C5xC5", "points", "points"), ("S6", "pairs", "pairs"),
)
BEGIN = "<!-- equivariant.py: begin -->"
END = "<!-- equivariant.py: end -->"


def best(call, repeat):
    times, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = call()
        times.append(time.perf_counter() - start)
    return value, min(times)


def numpy_nullity(on, to) -> int:
    m, n = on.size, to.size
    unknowns = m * n
    blocks = []
    cols = np.arange(unknowns)
    y, x = np.divmod(cols, m)
    for gx, gy in zip(on.generator_images(), to.generator_images()):
        gx, gy = np.array(gx), np.array(gy)
        M = np.zeros((unknowns, unknowns))
        M[cols, gy[y] * m + gx[x]] += 1.0
        M[cols, cols] -= 1.0
        blocks.append(M)
    system = np.vstack(blocks)
    s = np.linalg.svd(system, compute_uv=False)
    tol = max(system.shape) * np.finfo(float).eps * (s[0] if s.size else 0.0)
    return unknowns - int((s > tol).sum())


def orbit_route(on, to, limits):
    from lcnalg.groups import orbits_on_pairs

    labels, count = orbits_on_pairs(on, to, limits)
    basis = [[int(v == k) for v in labels] for k in range(count)]
    return len(basis)


def main(argv: list[str] | None = None) -> int:
    from lcnalg import Limits
    from lcnalg.groups import commutant_nullspace, equivariant_maps, parse_action, parse_group

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", nargs="+", default=None, metavar="GROUP:X:Y",
                        help="cases such as S5:pairs:pairs (default: the built-in list)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    args = parser.parse_args(argv)
    cases = [tuple(c.split(":", 2)) for c in args.cases] if args.cases else list(CASES)
    limits = Limits(max_equivariant_work=10**10, max_commutant_entries=10**10)
    header = ["group", "X -> Y", "|G|", "unknowns |X||Y|", "dimension", "orbits s", "equivariant_maps s",
              "flint nullspace s", "numpy svd s", "flint / orbits", "numpy / orbits"]
    rows, ok = [], True
    for name, x, y in cases:
        G = parse_group(name, limits)
        on, to = parse_action(G, x, limits), parse_action(G, y, limits)
        d_orbit, t_orbit = best(lambda: orbit_route(on, to, limits), args.repeat)
        res, t_full = best(lambda: equivariant_maps(G, on, to, limits=limits), args.repeat)
        d_flint, t_flint = best(lambda: commutant_nullspace(G, on, to, limits).ncols(), args.repeat)
        d_numpy, t_numpy = best(lambda: numpy_nullity(on, to), args.repeat)
        agree = d_orbit == res.dimension == res.burnside == res.double_cosets == d_flint == d_numpy
        ok &= agree
        rows.append([name, f"{x} -> {y}", str(res.group_order), str(on.size * to.size),
                     str(d_orbit) + ("" if agree else f" (DISAGREE: flint {d_flint}, numpy {d_numpy})"),
                     f"{t_orbit:.4f}", f"{t_full:.4f}", f"{t_flint:.4f}", f"{t_numpy:.4f}",
                     f"{t_flint / t_orbit:.0f}", f"{t_numpy / t_orbit:.0f}"])
        print(" | ".join(rows[-1]), flush=True)
    table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + ["| " + " | ".join(r) + " |" for r in rows]
    print("\n".join(table))
    if args.output:
        info = machine()
        command = "python benchmarks/equivariant.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
        section = "\n".join([
            BEGIN, "## Equivariant maps of finite groups: `equivariant.py`", "",
            f"{time.strftime('%Y-%m-%d')}, {info['cpu']}, {info['nproc']} cores; command `{command.strip()}`; "
            f"best of {args.repeat} runs, wall seconds, one process.  `orbits`: union-find over the generators on "
            "Y x X and the 0/1 basis (the route of `equivariant_maps`); `equivariant_maps`: the whole call with "
            "Burnside's count and the Kondor-Trivedi check; `flint nullspace`: the dense system P_Y(s) A = A P_X(s) "
            "over the generators, exact nullspace over Z; `numpy svd`: the same system in float64, nullity from "
            "the singular values.  Every route gave the same dimension in every row.", "",
            *table, "", END, ""])
        cas.update_section(args.output, section, BEGIN, END)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
