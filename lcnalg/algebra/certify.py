"""Certify a set of equations against the parameterization, independently of how it was found.

Given integer polynomials ``g_1..g_r`` in the coordinates, :func:`verify_equations`
checks exactly that each lies in the vanishing ideal ``I`` (substitute ``c ↦ μ(w)``
and expand in ``Z[w]``; for a 1D linear architecture with layers joined by stride one, ``μ`` of
its merged architecture, which has the same vanishing ideal and fewer, shorter terms), and
:func:`complete_up_to_degree` runs the degree-by-degree rank sandwich of
docs/theory.md#degree-sandwich on ``J = ⟨g_1..g_r⟩``::

    rank_p(A_P) ≤ dim (R/I)_P ≤ dim (R/J)_P ≤ |P| − rank_p(M_P)

for every graded piece ``P`` (``A_P``: monomials evaluated at image points mod p;
``M_P``: coefficient rows of the monomial multiples of the ``g_i`` landing in ``P``,
mod p).  When the two ends meet for every piece of degree ``≤ d``, no equation of
degree ``≤ d`` is missing from ``J``.  This is how equations from another system
(Singular, Macaulay2) or a hand-made list can be judged by lcnalg.
"""

from __future__ import annotations

import itertools
from typing import Any, Sequence

import numpy as np

from lcnalg.algebra.grading import finest_grading
from lcnalg.algebra.sampling import pieces_of_degree, sample_image
from lcnalg.errors import InputError
from lcnalg.parameterization import Parameterization
from lcnalg.polys.modmat import evaluate_monomials, rref
from lcnalg.polys.modular import PRIMES_31

__all__ = ["verify_equations", "complete_up_to_degree"]


def verify_equations(mu: Parameterization, polys: Sequence[Any]) -> list[bool]:
    """For each polynomial in ``Z[c]``, whether it vanishes exactly on the parameterization.

    ``g`` vanishes on the image exactly when ``g ∘ μ = 0`` in ``Z[w]`` (the real parameters
    are Zariski dense).  For a 1D linear architecture whose consecutive layers at stride one
    are merged by :meth:`~lcnalg.architecture.Architecture.merged_over_c` the image has the
    same Zariski closure (docs/theory.md#complex-image), hence the same vanishing ideal, and
    ``g`` is substituted into the merged μ instead: fewer layers, so ``g ∘ μ`` has lower degree
    in fewer parameters (the nine octics of ``3,3,4,3 s=1,1,2``: 1 s substituted directly,
    0.02 s through ``8,3 s=2``).

    Parameters
    ----------
    mu : Parameterization
    polys : sequence of fmpz_mpoly
        Polynomials in ``mu.coordinate_ring``.

    Returns
    -------
    list of bool

    Raises
    ------
    InputError
        When a polynomial is not in ``mu.coordinate_ring``.

    Examples
    --------
    >>> mu = Parameterization("2,2 s=2")
    >>> c0, c1, c2, c3 = mu.coordinate_ring.gens()
    >>> verify_equations(mu, [c1*c2 - c0*c3, c0*c3])
    [True, False]
    >>> mu = Parameterization("2,2,2")     # substituted into the one layer of "4": every quartic
    >>> verify_equations(mu, [mu.coordinate_ring.gens()[0]])
    [False]
    """
    target = _substituted(mu)
    out = []
    for g in polys:
        if g.context() is not mu.coordinate_ring:
            raise InputError("equations: expected polynomials in the coordinate ring of the parameterization")
        out.append(g.compose(*target.coordinates, ctx=target.ring).is_zero())
    return out


def _substituted(mu: Parameterization) -> Parameterization:
    """``mu``, or the parameterization of its merged architecture (same vanishing ideal) when
    that has fewer layers; only for ``Parameterization`` itself (restricted or activated maps
    keep their own coordinates)."""
    if type(mu) is not Parameterization:
        return mu
    merged = mu.architecture.merged_over_c()
    if merged == mu.architecture:
        return mu
    return Parameterization(merged, limits=mu.limits)


def complete_up_to_degree(mu: Parameterization, polys: Sequence[Any], degree: int, seed: int = 0) -> int:
    """Largest ``d ≤ degree`` such that the rank sandwich proves ``J_e = I_e`` for all ``e ≤ d``.

    The equations must lie in ``I`` (check with :func:`verify_equations`; the
    upper end of the sandwich assumes ``J ⊆ I``).

    Parameters
    ----------
    mu : Parameterization
    polys : sequence of fmpz_mpoly
        Polynomials in ``mu.coordinate_ring``.
    degree : int
        Highest degree to examine.
    seed : int
        Seed of the sample points.

    Returns
    -------
    int
        ``0`` when even degree 1 is not proved complete.

    Examples
    --------
    >>> mu = Parameterization("2,2 s=2")
    >>> c0, c1, c2, c3 = mu.coordinate_ring.gens()
    >>> complete_up_to_degree(mu, [c1*c2 - c0*c3], 4)
    4
    >>> complete_up_to_degree(mu, [], 4)
    1
    """
    if not all(verify_equations(mu, polys)):
        raise InputError("equations: some polynomial does not vanish on the parameterization")
    grading = finest_grading(mu)
    variables = grading.variables
    local = {v: i for i, v in enumerate(variables)}
    zero = set(grading.zero_coordinates)
    p = PRIMES_31[0]
    # generators restricted to the non-zero coordinates (the zero coordinates are
    # accounted for separately: they are in J iff the generators contain them).
    gens: list[tuple[int, dict[tuple[int, ...], int]]] = []
    zero_in_j = set()
    for g in polys:
        d: dict[tuple[int, ...], int] = {}
        for mono, coeff in g.terms():
            mono = [int(x) for x in mono]
            if any(mono[m] for m in zero):
                continue  # vanishes modulo the zero coordinates: handled below
            key = tuple(mono[v] for v in variables)
            d[key] = d.get(key, 0) + int(coeff)
        d = {k: v for k, v in d.items() if v}
        if len(g) == 1 and sum(int(x) for x in g.monoms()[0]) == 1:
            zero_in_j.add(next(m for m, x in enumerate(g.monoms()[0]) if x))
        if d:
            gens.append((sum(next(iter(d))), d))
    if zero - zero_in_j:
        return 0
    n = len(variables)
    degs = grading.degrees
    done = 0
    for e in range(1, degree + 1):
        pieces = pieces_of_degree(grading, e)
        biggest = max(len(v) for v in pieces.values())
        pool = sample_image(mu, biggest, p, seed + e)
        pool = pool[:, np.array(variables, dtype=np.int64)] if n else pool
        for key, monos in pieces.items():
            index = {m: j for j, m in enumerate(monos)}
            A = evaluate_monomials(pool, np.array(monos, dtype=np.int64).reshape(len(monos), -1), len(monos), p)
            _, piv_a = rref(A, p)
            rows = []
            for dg, g in gens:
                if dg > e:
                    continue
                gkey = _mdeg(next(iter(g)), degs)
                need = tuple(a - b for a, b in zip(key, gkey))
                for mult in itertools.combinations_with_replacement(range(n), e - dg):
                    if _mdeg_of_indices(mult, degs) != need:
                        continue
                    row = [0] * len(monos)
                    for exps, c in g.items():
                        idx = []
                        for i, x in enumerate(exps):
                            idx.extend([i] * x)
                        mono = tuple(sorted(idx + list(mult)))
                        row[index[mono]] = c % p
                    rows.append(row)
            rank_m = len(rref(np.array(rows, dtype=np.int64), p)[1]) if rows else 0
            if len(piv_a) + rank_m != len(monos):
                return done
        done = e
    return done


def _mdeg_of_indices(mult: tuple[int, ...], degs: Sequence[Sequence[int]]) -> tuple[int, ...]:
    total = [0] * len(degs[0])
    for i in mult:
        for k in range(len(total)):
            total[k] += degs[i][k]
    return tuple(total)


def _mdeg(exps: tuple[int, ...], degs: Sequence[Sequence[int]]) -> tuple[int, ...]:
    total = [0] * len(degs[0])
    for i, x in enumerate(exps):
        for k in range(len(total)):
            total[k] += x * degs[i][k]
    return tuple(total)
