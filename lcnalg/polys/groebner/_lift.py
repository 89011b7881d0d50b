"""Over Q: the multi-modular lift of the mod-p bases and its exact verification."""

from __future__ import annotations

from typing import Any, Callable

from flint import fmpq

from lcnalg.errors import InputError
from lcnalg.limits import Limits
from lcnalg.polys.groebner._f4 import Reducer, gm_update
from lcnalg.polys.groebner._pairs import PairQueue
from lcnalg.polys.groebner._packed import Exp, Packer, Poly
from lcnalg.polys.groebner._setup import Setup, dehomogenize, modp_stage, primitive
from lcnalg.polys.modular import crt_vector, primes_below, reconstruct_vector

__all__ = ["verify_q", "lift_bases", "groebner_q"]

#: The multi-modular lift uses the primes below this bound, largest first.
PRIME_BOUND = 1 << 62


def verify_q(setup: Setup, pk: Packer, H: list[Poly]) -> str | None:
    """Exact checks 1 and 2 of the package docstring; returns None or what failed."""
    red = Reducer(pk, H, None)
    for k, f in enumerate(setup.hint):
        h = {pk.pack(e): fmpq(c) for e, c in f.items()}
        if red.reduce(h, full=False) is None:
            return f"input generator {k} does not reduce to 0"
    leads = [b[0][0] for b in H]
    order = sorted(range(len(H)), key=lambda i: (pk.deg(leads[i]), pk.key(leads[i])))
    oleads = [leads[i] for i in order]
    active = [True] * len(H)
    pairs = PairQueue(pk.n)
    exps = pk.unpack_many(oleads)
    for h in range(len(H)):
        gm_update(pk, oleads, active, pairs, h, exps)
    for _, l, i, j in pairs.get(pairs.alive()):
        gi, gj = H[order[i]], H[order[j]]
        s: dict[int, Any] = {}
        mi, mj = l - gi[0][0], l - gj[0][0]
        for m, c in zip(gi[0][1:], gi[1][1:]):
            s[mi + m] = c
        for m, c in zip(gj[0][1:], gj[1][1:]):
            t = mj + m
            v = s.get(t, 0) - c
            if v == 0:
                s.pop(t, None)
            else:
                s[t] = v
        if red.reduce(s, full=False) is None:
            return "an S-polynomial does not reduce to 0"
    return None


def lift_bases(results: list[tuple[int, list[Poly]]]) -> list[Poly] | None:
    """CRT + rational reconstruction of monic bases with equal leading monomials.

    Each element is lifted as one vector (its monomials over all primes, a missing one
    counting 0) by :func:`~lcnalg.polys.modular.crt_vector` and
    :func:`~lcnalg.polys.modular.reconstruct_vector` with a common denominator; None when
    some coefficient cannot be reconstructed yet (more primes needed)."""
    primes = [p for p, _ in results]
    out: list[Poly] = []
    nb = len(results[0][1])
    for b in range(nb):
        allm: dict[int, None] = {}
        for _, H in results:
            for m in H[b][0]:
                allm.setdefault(m, None)
        rows = []
        for _, H in results:
            d = dict(zip(H[b][0], H[b][1]))
            rows.append([d.get(m, 0) for m in allm])
        values, M = crt_vector(rows, primes)
        pairs = reconstruct_vector(values, M, common_denominator=True)
        if pairs is None:
            return None
        mons, coefs = [], []
        for m, (num, den) in zip(allm, pairs):
            if num:
                mons.append(m)
                coefs.append(fmpq(num, den))
        out.append((mons, coefs))
    return out


def groebner_q(setup: Setup, limits: Limits, max_total: float, stats: dict[str, Any],
               ideal_test: Callable[[dict[Exp, int]], bool] | None
               ) -> tuple[Packer, list[Poly], tuple[int, ...], str]:
    """The reduced Gröbner basis over Q (packed, fmpq coefficients), verified exactly.

    Runs the mod-p stage for the primes below :data:`PRIME_BOUND` (at most
    ``limits.max_primes``), lifts the majority leading-monomial class by CRT and rational
    reconstruction once one more prime agrees, and verifies the lift (:func:`verify_q`).
    Returns ``(packer, basis, primes, method)``."""
    max_primes = limits.max_primes
    groups: dict[tuple[int, ...], list[tuple[int, list[Poly]]]] = {}
    pk_ref: Packer | None = None
    tried = 0
    failures: list[str] = []
    for p in primes_below(PRIME_BOUND):
        if tried >= max_primes:
            break
        tried += 1
        pk, H = modp_stage(setup, p, limits, max_total, stats)
        pk_ref = pk_ref or pk
        sig = tuple(sorted(b[0][0] for b in H))
        groups.setdefault(sig, []).append((p, H))
        best = max(groups.values(), key=len)
        if len(best) < 2 or best[-1][0] != p:
            continue
        lifted = lift_bases(best[:-1])
        if lifted is None:
            continue
        # stability: the newest prime must agree with the reconstruction
        ok = True
        newest = dict((b[0][0], dict(zip(b[0], b[1]))) for b in best[-1][1])
        for mons, coefs in lifted:
            d = newest[mons[0]]
            if len(d) > len(mons):
                ok = False
                break
            for m, c in zip(mons, coefs):
                q = int(c.q)
                if q % p == 0 or int(c.p) * pow(q, -1, p) % p != d.get(m, 0):
                    ok = False
                    break
            if not ok:
                break
        if not ok:
            continue
        # sort by leading monomial like the mod-p output, then verify exactly
        lifted.sort(key=lambda b: pk_ref.key(b[0][0]), reverse=True)
        why = verify_q(setup, pk_ref, lifted)
        if why is not None:
            failures.append(why)
            continue
        primes = tuple(q for q, _ in best)
        apk, final = pk_ref, lifted
        if not setup.homog:
            apk, final = dehomogenize(setup, pk_ref, lifted, None)
        method = ("F4 (Macaulay matrices, FLINT nmod_mat) mod %d primes, CRT + rational "
                  "reconstruction; verified over Q: inputs reduce to 0, Gebauer-Moeller "
                  "S-pairs reduce to 0, <H> in <input> by the Hilbert-function sandwich"
                  % len(primes))
        if not setup.homog:
            method += " (on the homogenization; dehomogenized and inter-reduced exactly)"
        if ideal_test is not None:
            for mons, coefs in final:
                intp = primitive({apk.unpack(m): c for m, c in zip(mons, coefs)})
                if not ideal_test(intp):
                    raise InputError("ideal_test: a verified basis element fails the supplied "
                                     "membership test; the test does not describe this ideal")
            method += "; every element passes ideal_test"
        return apk, final, primes, method
    raise limits.refuse("max_primes", "primes needed for the multi-modular lift"
                        + (f" ({failures[-1]})" if failures else ""), f">{max_primes}")
