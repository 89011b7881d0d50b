r"""Exact interior points of open polyhedra: a simplex method over the rationals (FLINT ``fmpq``).

The question asked of every node of the region enumeration is: given affine functions
``g_i(x) = a_i . x + c_i`` (``i = 1..m``) with rational coefficients and a domain ``D`` (all of
``R^n`` or a box ``lo <= x <= hi`` with ``lo < hi``), is the open set
``U = {x : g_i(x) > 0 for every i}`` meeting ``D`` in a set with nonempty interior, and if so,
which point shows it?  :func:`interior_point` answers it exactly.

Algorithm
---------
Strict inequalities are decided by maximizing a slack ``t``::

    maximize t  subject to  g_i(x) >= t  (every i),  t <= 1,  x in D.

*Claim.* ``U`` meets the interior of ``D`` iff the optimum ``t*`` is positive; then the optimal
``x`` (indeed any feasible ``(x, t)`` with ``t > 0``) lies in ``U`` and in ``D``.  If ``x`` in
``U ∩ D`` then ``(x, min(1, min_i g_i(x)))`` is feasible with ``t > 0``.  Conversely a feasible
``(x, t)`` with ``t > 0`` puts ``x`` in the open set ``U`` and in the closed convex set ``D``;
``D`` is the closure of its interior (``lo < hi``), so points of the interior of ``D`` arbitrarily
close to ``x`` lie in ``U``: ``U ∩ int D`` is a nonempty open set.

The linear program is brought to the form ``max c.y, A y <= b, y >= 0`` with ``b >= 0``, so that
``y = 0`` is a feasible basic solution and no phase I is needed: pick a start point ``x0`` in
``D`` (the caller's, e.g. the interior point of the parent region, or the centre of the box, or
the origin), put ``T0 = min(1, min_i g_i(x0))``, ``x = x0 + p - q`` and ``t = T0 + v`` with
``p, q, v >= 0``.  The rows become::

    -a_i.p + a_i.q + v <= g_i(x0) - T0      (>= 0 by the choice of T0)
                     v <= 1 - T0            (>= 0)
                 p - q <= hi - x0,  q - p <= x0 - lo   (box only; >= 0 as x0 is in D)

and the objective is ``v``.  The simplex method runs on the dictionary (tableau) of this form with
Bland's rule (the entering variable is the lowest-indexed one with positive reduced cost; the
leaving row is the one with least ratio, ties broken by the lowest-indexed basic variable), which
never cycles (Bland 1977), so it ends after finitely many pivots.  Each pivot keeps the basic
solution feasible (the ratio test) and exact (every entry is an ``fmpq``).  The objective is
bounded (``v <= 1 - T0``), so every entering column has a blocking row; at the end no reduced
cost is positive, and then ``v = z0 + sum_j c_j y_j <= z0`` for every feasible ``y`` (``c_j <= 0``,
``y_j >= 0``): the basic solution is optimal.  The search stops earlier as soon as the basic
solution has ``T0 + v > 0``: that point is already a witness.  So the answer is exact: a point
with every ``g_i > 0`` exactly (checked again on return), or a proof of optimality with
``t* <= 0``.

References
----------
R. G. Bland, "New finite pivoting rules for the simplex method", Math. Oper. Res. 2 (1977).
V. Chvátal, *Linear Programming*, Freeman 1983, chapters 2–3 (dictionaries, Bland's rule).
"""

from __future__ import annotations

from typing import Any, Sequence

import flint

from lcnalg.checks import exact, integer, sequence
from lcnalg.errors import InputError, check
from lcnalg.limits import Budget

__all__ = ["interior_point", "strict_point", "lp_cost"]

#: Largest dimension and number of rows :func:`interior_point` accepts from a caller.
MAX_SIZE = 1000


def lp_cost(rows: int, dimension: int, box: bool) -> int:
    """Estimated entry updates of one :func:`interior_point` call with ``rows`` strict rows in
    dimension ``dimension``: tableau size ``R x N`` times ``R + N`` pivots, where
    ``R = rows + 1 (+ 2 n with a box)`` and ``N = 2 n + 1``.  (Bland's rule has no polynomial
    bound on its pivots; ``R + N`` is the estimate used up front, and the run itself is counted
    exactly against the same bound.)

    Examples
    --------
    >>> lp_cost(3, 2, False)
    180
    """
    R = rows + 1 + (2 * dimension if box else 0)
    N = 2 * dimension + 1
    return R * N * (R + N)


def _rationals(value: object, length: int, name: str) -> tuple:
    items = sequence(value, name, f"a sequence of {length} numbers")
    if len(items) != length:
        raise InputError(f"{name}: expected {length} numbers, got {len(items)}")
    out = []
    for k, v in enumerate(items):
        q = exact(v, f"{name}[{k}]")
        out.append(flint.fmpq(q.numerator, q.denominator))
    return tuple(out)


def interior_point(rows: Sequence[tuple[Sequence[Any], Any]], dimension: int,
                   box: tuple[Sequence[Any], Sequence[Any]] | None = None,
                   start: Sequence[Any] | None = None) -> tuple | None:
    """A point ``x`` of the domain with ``a . x + c > 0`` for every row ``(a, c)``, or ``None``
    when the open set these strict inequalities define does not meet the interior of the domain.

    Parameters
    ----------
    rows : sequence of (a, c)
        ``a`` a sequence of ``dimension`` rationals (``fmpq`` or ints), ``c`` a rational.
    dimension : int
        ``n``, the number of coordinates.
    box : (lo, hi) or None
        The domain ``lo <= x <= hi`` (``lo < hi`` coordinatewise); ``None`` for all of ``R^n``.
    start : sequence or None
        A point of the domain to start from (default: the centre of the box, or the origin).

    Returns
    -------
    tuple of flint.fmpq or None
        The witness (in the closed box when there is one).

    Raises
    ------
    InputError
        When a row, the box or the start point is not made of exact numbers of the right length.

    Examples
    --------
    >>> x = interior_point([((1, 1), -1), ((-1, 0), 2)], 2)   # x + y > 1, x < 2
    >>> x[0] + x[1] > 1 and x[0] < 2
    True
    >>> interior_point([((1,), 0), ((-1,), 0)], 1) is None     # x > 0 and x < 0
    True
    >>> interior_point([((1,), -2)], 1, box=((0,), (1,))) is None   # x > 2 on [0, 1]
    True
    """
    n = integer(dimension, "dimension", low=1, high=MAX_SIZE + 1, form=f"a positive integer up to {MAX_SIZE}")
    items = sequence(rows, "rows", "a sequence of pairs (a, c)")
    if len(items) > MAX_SIZE:
        raise InputError(f"rows: {len(items)} rows, more than the {MAX_SIZE} accepted")
    checked = []
    for i, item in enumerate(items):
        pair = sequence(item, f"rows[{i}]", "a pair (a, c)")
        if len(pair) != 2:
            raise InputError(f"rows[{i}]: expected a pair (a, c), got {len(pair)} items")
        checked.append((_rationals(pair[0], n, f"rows[{i}] (a)"), _rationals([pair[1]], 1, f"rows[{i}] (c)")[0]))
    domain = None
    if box is not None:
        pair = sequence(box, "box", "a pair (lo, hi)")
        if len(pair) != 2:
            raise InputError("box: expected a pair (lo, hi) of sequences")
        domain = (_rationals(pair[0], n, "box (lo)"), _rationals(pair[1], n, "box (hi)"))
        if any(not a < b for a, b in zip(*domain)):
            raise InputError("box: expected lo < hi in every coordinate")
    x0 = None
    if start is not None:
        x0 = _rationals(start, n, "start")
        if domain is not None and any(not a <= v <= b for a, v, b in zip(domain[0], x0, domain[1])):
            raise InputError("start: expected a point of the box")
    return strict_point(checked, n, domain, x0)


def strict_point(rows: Sequence[tuple[Sequence[Any], Any]], dimension: int,
                 box: tuple[Sequence[Any], Sequence[Any]] | None = None,
                 start: Sequence[Any] | None = None, budget: Budget | None = None) -> tuple | None:
    """:func:`interior_point` on checked input: every number an ``fmpq`` (or int), ``start`` in
    the box; ``budget`` (optional) is charged one unit per tableau entry updated."""
    n = dimension
    Q = flint.fmpq
    A = [tuple(Q(v) for v in a) for a, _ in rows]
    C = [Q(c) for _, c in rows]
    if start is not None:
        x0 = [Q(v) for v in start]
    elif box is not None:
        x0 = [(Q(lo) + Q(hi)) / 2 for lo, hi in zip(*box)]
    else:
        x0 = [Q(0)] * n
    values = [sum((a[k] * x0[k] for k in range(n)), c) for a, c in zip(A, C)]
    if all(v > 0 for v in values):
        return tuple(x0)
    T0 = min([Q(1)] + values)
    # columns: p_1..p_n (0..n-1), q_1..q_n (n..2n-1), v (2n); slack of row r is variable 2n+1+r
    N = 2 * n + 1
    tableau: list[list[Any]] = []
    for a, g in zip(A, values):
        tableau.append([-ak for ak in a] + list(a) + [Q(1), g - T0])
    tableau.append([Q(0)] * (2 * n) + [Q(1), 1 - T0])
    if box is not None:
        lo, hi = [Q(v) for v in box[0]], [Q(v) for v in box[1]]
        for k in range(n):
            unit = [Q(0)] * N + [hi[k] - x0[k]]
            unit[k], unit[n + k] = Q(1), Q(-1)
            tableau.append(unit)
            unit = [Q(0)] * N + [x0[k] - lo[k]]
            unit[k], unit[n + k] = Q(-1), Q(1)
            tableau.append(unit)
    R = len(tableau)
    nonbasic = list(range(N))            # variable of each column
    basic = [N + r for r in range(R)]    # variable of each row
    cost = [Q(0)] * (2 * n) + [Q(1)]     # reduced costs (objective v)
    z = Q(0)
    while T0 + z <= 0:
        entering = min((nonbasic[j], j) for j in range(N) if cost[j] > 0) if any(c > 0 for c in cost) else None
        if entering is None:
            return None  # optimal with t* = T0 + z <= 0
        e = entering[1]
        best = None
        for r in range(R):
            coeff = tableau[r][e]
            if coeff > 0:
                key = (tableau[r][N] / coeff, basic[r])
                if best is None or key < best[0]:
                    best = (key, r)
        check(best is not None, "interior_point: unbounded column although v <= 1 - T0")
        leave = best[1]
        z = z + _pivot(tableau, cost, leave, e, N)
        nonbasic[e], basic[leave] = basic[leave], nonbasic[e]
        if budget is not None:
            budget.spend(R * (N + 1))
    y = [Q(0)] * N
    for r, var in enumerate(basic):
        if var < N:
            y[var] = tableau[r][N]
    x = tuple(x0[k] + y[k] - y[n + k] for k in range(n))
    check(all(sum((a[k] * x[k] for k in range(n)), c) > 0 for a, c in zip(A, C)),
          "interior_point: the witness violates a strict row")
    return x


def _pivot(tableau: list[list[Any]], cost: list[Any], leave: int, e: int, N: int) -> Any:
    """Exchange the basic variable of row ``leave`` with the nonbasic variable of column ``e``.

    Row ``leave`` reads ``s = b - sum_j T_j y_j``; solved for ``y_e`` it is
    ``y_e = b/T_e - sum_{j != e} (T_j/T_e) y_j - (1/T_e) s``; the other rows and the objective
    are updated by substitution.  Returns the objective's increase ``c_e * b / T_e``.
    """
    row = tableau[leave]
    piv = row[e]
    new = [v / piv for v in row]
    new[e] = 1 / piv
    for r, other in enumerate(tableau):
        if r == leave:
            continue
        f = other[e]
        if f != 0:
            for j in range(N + 1):
                other[j] = other[j] - f * new[j]
            other[e] = -f * new[e]
    f = cost[e]
    gain = f * new[N]
    for j in range(N):
        cost[j] = cost[j] - f * new[j]
    cost[e] = -f * new[e]
    tableau[leave] = new
    return gain
