"""A degree of the interpolation checked by standard monomials alone.

After degree ``e`` the interpolation knows ``in(I)_e`` modulo ``p`` (the leading
monomials of the echelon bases of ``I_e = J_e``).  Let ``K_p`` be the ideal generated
by the reductions modulo ``p`` of ``J_{≤e} ∩ Z[c]``: its degree-``(e+1)`` part lies in
the reduction of ``J_{e+1}``, so ``dim (K_p)_P ≤ dim J_P`` for every graded piece
``P`` of degree ``e + 1``, and ``in(K_p)_P`` contains every monomial of ``P`` with a
divisor in ``in(I)_e``.  Hence the number ``u_P`` of *standard* monomials of ``P``
(those with no divisor in ``in(I)_e``) satisfies ``dim (R/J)_P ≤ u_P``.  If the values
of these ``u_P`` monomials at ``u_P`` points ``μ(θ)`` form a matrix of rank ``u_P``
modulo a prime, then

``u_P ≤ rank_p(A_P) ≤ dim (R/I)_P ≤ dim (R/J)_P ≤ u_P``,

so ``J_P = I_P``, and moreover ``in(I)`` has no minimal generator in ``P``.  Only
``Σ u_P²`` matrix entries are formed instead of ``Σ |P|²`` and no kernel is read
back; unlucky points can only make the check fail, never pass wrongly.  Both ``I``
and ``J`` are invariant under the coordinate symmetries (the generators found are
closed under them), so one piece per orbit is checked: ``dim (R/J)_{gP} =
dim (R/J)_P = dim (R/I)_P = dim (R/I)_{gP}``.

The standard monomials come from :func:`lcnalg.polys.monomial_ideals.standard_monomials`.
"""

from __future__ import annotations

import random
import time
from fractions import Fraction
from typing import Callable

import flint
import numpy as np

from lcnalg.algebra.interpolation import DegreeReport, InterpolationState
from lcnalg.algebra.sampling import count_monomials, sample_image
from lcnalg.limits import Limits
from lcnalg.polys.modmat import evaluate_monomials, rank
from lcnalg.polys.modular import PRIMES_31
from lcnalg.polys.monomial_ideals import standard_monomials

__all__ = ["check_degree"]


def _key_maps(state: InterpolationState) -> list[tuple[np.ndarray, int]]:
    """For each coordinate symmetry ``g`` that acts linearly on multidegrees, the map
    ``key(m) ↦ key(g m)``: an exact rational matrix ``Φ`` with ``deg(x_{g(i)}) = deg(x_i) Φ``,
    returned as ``(D Φ, D)`` with ``D`` the common denominator of its entries, so that
    ``key Φ = (key · DΦ) / D`` is computed in integers (a symmetry without one is not used)."""
    degs = [list(d) for d in state.grading.degrees]
    n = len(degs)
    r = len(degs[0]) if degs else 0
    out: list[tuple[np.ndarray, int]] = []
    # independent rows of the degree matrix (exact elimination)
    basis_rows: list[int] = []
    ech: list[tuple[list[Fraction], int]] = []
    for i in range(n):
        v = [Fraction(x) for x in degs[i]]
        for row, piv in ech:
            if v[piv]:
                f = v[piv] / row[piv]
                v = [a - f * b for a, b in zip(v, row)]
        nz = next((j for j, x in enumerate(v) if x), None)
        if nz is not None:
            ech.append((v, nz))
            basis_rows.append(i)
        if len(basis_rows) == r:
            break
    if len(basis_rows) < r:
        return out
    B = flint.fmpq_mat([[int(x) for x in degs[i]] for i in basis_rows])
    for g in state.symmetries:
        target = flint.fmpq_mat([[int(x) for x in degs[g[i]]] for i in basis_rows])
        numer, common = B.solve(target).numer_denom()   # Φ = numer / common, one denominator
        den = int(common)
        num = [[int(numer[a, b]) for b in range(r)] for a in range(r)]
        # Φ maps every coordinate's degree to its image's (else g is not linear on multidegrees)
        if all([sum(degs[i][a] * num[a][b] for a in range(r)) for b in range(r)]
               == [den * int(x) for x in degs[g[i]]] for i in range(n)):
            out.append((np.array(num, dtype=object), den))
    return out


def _images(keys: list[tuple[int, ...]], index: dict[tuple[int, ...], int], phi: np.ndarray,
            den: int) -> list[int | None]:
    """The index of ``key Φ`` among ``keys`` for each key (None when it is not an integer
    multidegree or not a key), with ``Φ = phi / den`` (:func:`_key_maps`)."""
    num = np.array(keys, dtype=object).reshape(len(keys), -1).dot(phi)
    out: list[int | None] = []
    for row in num.tolist():
        if all(x % den == 0 for x in row):
            out.append(index.get(tuple(x // den for x in row)))
        else:
            out.append(None)
    return out


def check_degree(state: InterpolationState, *, max_monomials: int | None = None, retries: int = 1,
                 limits: Limits | None = None,
                 on_estimate: Callable[[int], None] | None = None) -> DegreeReport | None:
    """Prove ``J_e = I_e`` for ``e = state.degree + 1`` from the standard monomials of ``J``.

    Parameters
    ----------
    state : InterpolationState
        After degree ``e − 1`` (run as not the last degree, so ``state.leads[e − 1]``
        holds ``in(I)_{e−1} = in(J)_{e−1}`` modulo p); on success the report is
        appended (no new generator, so the state's generators are unchanged).
    max_monomials : int, optional
        Overrides ``limits.max_monomials``, the bound on the monomials of degree ``e``.
    retries : int
        Further point sets (other primes) tried for a piece whose rank falls short.
    limits : Limits, optional
        Bounds (default ``Limits()``).
    on_estimate : callable, optional
        Called as ``on_estimate(work)`` once the pieces are known, before any rank is
        computed: ``work`` is ``Σ |S_P|^3`` over the pieces checked (``S_P``: the standard
        monomials of the piece); an exception raised there abandons the check.

    Returns
    -------
    DegreeReport or None
        ``None`` when some piece stays short of full rank (then a new equation of
        degree ``e`` may exist: run :func:`~lcnalg.algebra.interpolation.interpolate_degree`).

    Raises
    ------
    ResourceLimitError
        When degree ``e`` has more than ``max_monomials`` monomials.

    Examples
    --------
    >>> from lcnalg.algebra.interpolation import interpolate_degree
    >>> from lcnalg.parameterization import Parameterization
    >>> state = InterpolationState.start(Parameterization("2,2 s=2"))
    >>> for _ in range(2):
    ...     _ = interpolate_degree(state)
    >>> check_degree(state).tight, state.complete_up_to_degree
    (True, 3)
    """
    start = time.perf_counter()
    e = state.degree + 1
    grading = state.grading
    n = len(grading.variables)
    total = count_monomials(n, e)
    Limits.coerce(limits, max_monomials=max_monomials).check(
        "max_monomials", f"monomials of degree {e} in {n} coordinates", total)
    if e - 1 not in state.leads:
        return None
    S = standard_monomials(state.leads[e - 1], n, e - 1)
    if S.shape[0] == 0:
        report = DegreeReport(e, 0, total, 0, 0, 0, 0, time.perf_counter() - start)
        state.reports.append(report)
        return report
    degs = np.array(grading.degrees, dtype=np.int64)
    keys = degs[S].sum(axis=1)
    unique_keys, inverse, sizes = np.unique(keys, axis=0, return_inverse=True, return_counts=True)
    inverse = inverse.reshape(-1)
    order = np.argsort(inverse, kind="stable")
    bounds = np.concatenate([[0], np.cumsum(sizes)])
    biggest = int(sizes.max())
    mu = state.mu
    local = np.array(grading.variables, dtype=np.int64)
    rng = random.Random(state.seed * 1_000_003 + 31 * e + 1)
    pools: list[tuple[int, np.ndarray]] = []

    def pool(k: int) -> tuple[int, np.ndarray]:
        while len(pools) <= k:
            p = PRIMES_31[len(pools) % len(PRIMES_31)]
            pts = sample_image(mu, biggest, p,
                               rng.randrange(2**62))[:, local]
            pools.append((p, pts))
        return pools[k]

    # One piece per orbit of the coordinate symmetries (J and I are both invariant, so
    # dim (R/J)_{gP} = dim (R/J)_P = dim (R/I)_P = dim (R/I)_{gP} once P is checked).
    ukeys = [tuple(int(x) for x in k) for k in unique_keys]
    index = {k: i for i, k in enumerate(ukeys)}
    rep_of = list(range(len(ukeys)))
    images = [_images(ukeys, index, phi, den) for phi, den in _key_maps(state)] if ukeys else []
    for i in range(len(ukeys)):
        if rep_of[i] != i:
            continue
        for img in images:
            j = img[i]
            if j is not None and j > i and rep_of[j] == j:
                rep_of[j] = i
    reps = [g for g in np.argsort(sizes, kind="stable") if rep_of[g] == g]
    if on_estimate is not None:
        on_estimate(int(sum(int(sizes[g]) ** 3 for g in reps)))
    rank_sum = 0
    # smallest pieces first, and stop at the first piece that stays short of full rank
    # after the retries (a new leading monomial there: the full degree must be run)
    for g in reps:
        idx = S[order[bounds[g]:bounds[g + 1]]]
        u = idx.shape[0]
        for attempt in range(retries + 1):
            p, pts = pool(attempt)
            if rank(evaluate_monomials(pts, idx, u, p), p) == u:
                break
        else:
            return None
    rank_sum = int(sum(sizes[rep_of[g]] for g in range(len(sizes))))
    report = DegreeReport(e, len(sizes), total, rank_sum, rank_sum, 0, biggest,
                          time.perf_counter() - start)
    state.reports.append(report)
    return report
