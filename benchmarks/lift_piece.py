"""One graded piece of one degree run alone, with a chosen lifting to Q.

The degrees before are run first (``lifting="primes"``) and their state is kept in a pickle
(the parameterization is rebuilt from the architecture), so that several runs of the piece
share them.  Then the degree is run with its pieces restricted to the one asked for
(``last=True``: the piece's basis is not kept), timed (wall and CPU seconds, peak memory), and
its new equations are checked by exact substitution.

Usage::

    python benchmarks/lift_piece.py ARCH DEGREE KEY LIFTING [STATE.pkl]

for instance ``python benchmarks/lift_piece.py 2x2,2x2,2x2 9 9,12,13 auto /tmp/state8.pkl``.
"""

from __future__ import annotations

import os
import pickle
import resource
import sys
import time

import lcnalg.algebra.interpolation as interpolation
from lcnalg.algebra.certify import verify_equations
from lcnalg.limits import Limits
from lcnalg.parameterization import parameterize


def main(arch: str, degree: int, key: tuple[int, ...], lifting: str, path: str) -> None:
    lim = Limits(max_interpolation_work=10**14, max_piece=20_000, lift_primes=40)
    mu = parameterize(arch)
    if os.path.exists(path):
        with open(path, "rb") as fh:
            state = pickle.load(fh)
        state.mu = mu
    else:
        state = interpolation.InterpolationState.start(mu)
        start = time.time()
        for _ in range(degree - 1):
            rep = interpolation.interpolate_degree(state, lifting="primes", limits=lim)
            print("degree", rep.degree, rep.new_generators, round(time.time() - start, 1), flush=True)
        state.mu = None
        with open(path, "wb") as fh:
            pickle.dump(state, fh)
        state.mu = mu
    every = interpolation.pieces_of_degree

    def only(grading, e, **kw):
        return {key: every(grading, e, **kw)[key]}

    interpolation.pieces_of_degree = only
    t0, c0 = time.time(), time.process_time()
    try:
        rep = interpolation.interpolate_degree(state, lifting=lifting, limits=lim, last=True)
        print("piece", key, "monomials", rep.monomials, "new", rep.new_generators, "tight", rep.tight)
    except Exception as exc:  # the refusal names its bound
        print("stopped:", exc)
    print("wall", round(time.time() - t0, 1), "cpu", round(time.process_time() - c0, 1), "peak MB",
          resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, flush=True)
    new = [g for g in state.generators if g[0] == degree]
    bits = max((abs(c).bit_length() for _, _, poly in new for c in poly.values()), default=0)
    print("equations", len(new), "largest coefficient bits", bits, flush=True)
    ring = mu.coordinate_ring
    polys = [state.grading.to_full(local, ring) for _, _, local in new]
    t1 = time.time()
    ok = verify_equations(mu, polys)
    print("exact substitution:", sum(ok), "of", len(ok), "vanish on mu", round(time.time() - t1, 1), "s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), tuple(int(x) for x in sys.argv[3].split(",")), sys.argv[4],
         sys.argv[5] if len(sys.argv) > 5 else f"/tmp/lcnalg_state_{sys.argv[1]}_{int(sys.argv[2]) - 1}.pkl")
